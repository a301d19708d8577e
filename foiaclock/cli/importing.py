"""``foiaclock import``: a sheet of requests (CSV, MuckRock's CSV export or API JSON) -> a
requests file that passes ``foiaclock validate``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..files import loads, read_bytes
from ..sheets import Imported, Rejected, read_sheet
from ..sheets.render import Rendered
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


def _validated(imported: Imported, source: str, jurisdiction: str, name: str) -> Rendered:
    """The file's text, checked as `foiaclock validate` checks it; a request that fails moves
    to the rows not imported, with the check's message."""
    converted = imported.converted
    while True:
        rendered = imported.render(source, jurisdiction)
        try:
            deadlines(loads(rendered.text, name), None)
            return rendered
        except InputError as exc:
            hit = next(
                (e for first, last, e in rendered.spans if exc.line and first <= exc.line <= last),
                None,
            )
            if hit is None:
                raise
            converted.entries.remove(hit)
            converted.rejected.append(Rejected(hit.where, exc.message))
