"""``foiaclock import``: a sheet of requests (CSV, MuckRock's CSV export or API JSON) -> a
requests file that passes ``foiaclock validate``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..files import loads, read_bytes
from ..sheets import Imported, Rejected, read_sheet
from ..sheets.render import Rendered, render
from ..sheets.rows import Converted, Entry
from .app import EXIT_FINDINGS, Problem
from .options import CONTEXT_SETTINGS, debug_option, jurisdiction_option
from .output import note, write_output
from .requests import deadlines
from .status import check_output_not_input


@click.command("import", context_settings=CONTEXT_SETTINGS)
@click.argument("sheet", metavar="SHEET")
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    default=None,
    help="Write the requests file to PATH (atomically); default: standard output.",
)
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="COLUMN=KEY",
    help="Read COLUMN as KEY (received, agency, tracking, notes, ignore...); repeat.",
)
@click.option(
    "--dayfirst",
    "order",
    flag_value="dayfirst",
    default=None,
    help="Read dates no cell settles as day/month/year (2/11/2026 = 2 November).",
)
@click.option(
    "--monthfirst",
    "order",
    flag_value="monthfirst",
    help="Read them as month/day/year (11/2/2026 = 2 November).",
)
@jurisdiction_option("Written as the new file's [defaults] jurisdiction.")
@debug_option
def import_(
    sheet: str,
    output: str | None,
    force: bool,
    maps: tuple[str, ...],
    order: str | None,
    jurisdiction: str | None,
) -> None:
    """Bring requests in from a sheet: CSV (from any spreadsheet: "CSV UTF-8"), MuckRock's CSV
    export, or MuckRock's API JSON.

    Columns are matched by name ("Date sent", "Date filed" and "Submitted" are the day
    received; "Tracking number", "Request number" the tracking...; the README lists them) or by
    --map. Each date column is read in the one format that fits all its cells; one that could
    be day-first or month-first stops the import until --dayfirst or --monthfirst says which.
    Rows that cannot be imported are listed (and left as comments at the end of the file); the
    file written passes `foiaclock validate`.

    \b
    Examples:
      foiaclock import tracker.csv -o requests.toml
      foiaclock import tracker.csv --map "Sent to=agency" --monthfirst -o requests.toml
      foiaclock import muckrock-requests.csv -o requests.toml

    Exit codes: 0 every row imported, 1 written but some rows not imported, 2 bad input.
    """
    if output not in (None, "-"):
        check_output_not_input(output, [sheet])
        if Path(output).exists() and not force:
            raise Problem(
                f"{output}: error: the file exists; give --force to replace it, or another -o"
            )
    imported = read_sheet(
        read_bytes(sheet), sheet, maps=maps, order=order, jurisdiction=jurisdiction or ""
    )
    _report(sheet, imported)
    rendered = None
    if imported.converted.entries:
        rendered = _validated(imported, Path(sheet).name, jurisdiction or "", output or "<output>")
    rejected = imported.converted.rejected
    for r in rejected:
        note(_where(sheet, r) + f": not imported: {r.reason}")
    n = len(imported.converted.entries)
    if rendered is None or not n:
        raise Problem(f"{sheet}: error: no row could be imported; nothing written")
    write_output(rendered.text, output)
    left = (
        f" ({len(rejected)} row{'s' if len(rejected) != 1 else ''} not imported, listed above)"
        if rejected
        else ""
    )
    note(f"{output or 'wrote'}{':' if output else ''} {n} request{'s' if n != 1 else ''}{left}")
    if rejected:
        raise click.exceptions.Exit(EXIT_FINDINGS)


def _where(sheet: str, r: Rejected) -> str:
    unit, _, number = r.where.partition(" ")
    return f"{sheet}:{number}" if unit == "line" else f"{sheet}: {r.where}"


def _report(sheet: str, imported: Imported) -> None:
    table = imported.table
    empty = (
        f", {table.empty} empty row{'s' if table.empty != 1 else ''} skipped" if table.empty else ""
    )
    unit = "row" if table.unit == "line" else table.unit
    count = len(table.rows)
    note(f"{sheet}: {imported.kind}, {count} {unit}{'s' if count != 1 else ''}{empty}")
    for line in imported.converted.report:
        note(f"  {line}")


#: Requests checked together when the whole file fails its check (a group that fails is then
#: checked request by request).
_GROUP = 10


def _validated(imported: Imported, source: str, jurisdiction: str, name: str) -> Rendered:
    """The file's text, checked as `foiaclock validate` checks it; a request that fails moves
    to the rows not imported, with the check's message.

    The whole file is checked once; only when it fails are its requests checked in groups of
    `_GROUP` (each group its own small file), and the requests of a failing group one by one,
    so that every failing row is found in one pass: linear in the rows (re-checking the whole
    file once per failing row was quadratic). A failure that only the whole file shows is then
    dropped one at a time."""
    converted = imported.converted
    checked_apart = False
    while True:
        rendered = imported.render(source, jurisdiction)
        exc = _failure(rendered.text, name)
        if exc is None:
            return rendered
        failed = {} if checked_apart else _failing_apart(imported, source, jurisdiction, name)
        checked_apart = True
        if not failed:  # a problem of the file as a whole: the request it names
            hit = next(
                (e for first, last, e in rendered.spans if exc.line and first <= exc.line <= last),
                None,
            )
            if hit is None:
                raise exc
            failed = {id(hit): exc.message}
        converted.rejected.extend(
            Rejected(e.where, failed[id(e)]) for e in converted.entries if id(e) in failed
        )
        converted.entries[:] = [e for e in converted.entries if id(e) not in failed]


def _failure(text: str, name: str) -> InputError | None:
    """What `foiaclock validate` says of the requests file `text` (``None``: it passes)."""
    try:
        deadlines(loads(text, name), None)
    except InputError as exc:
        return exc
    return None


def _failing_apart(imported: Imported, source: str, jurisdiction: str, name: str) -> dict[int, str]:
    """The check's message for each request that fails it apart from the others, by the `id`
    of its entry."""
    converted = imported.converted

    def failure(entries: list[Entry]) -> InputError | None:
        alone = Converted(entries, [], [], converted.sent_column)
        return _failure(render(alone, source, jurisdiction, len(imported.table.rows)).text, name)

    failed = {}
    for i in range(0, len(converted.entries), _GROUP):
        group = converted.entries[i : i + _GROUP]
        if failure(group) is None:
            continue
        for entry in group:
            exc = failure([entry])
            if exc is not None:
                failed[id(entry)] = exc.message
    return failed
