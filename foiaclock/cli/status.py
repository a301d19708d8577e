"""``foiaclock status``: where every request stands (``check``, the gate for CI, is in check.py)."""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import click

from ..checks import suggest
from ..engine import explain
from ..formats import Report, formatter, rows
from ..results import Deadline, Status
from . import environment
from .app import version_text
from .options import (
    CONTEXT_SETTINGS,
    as_of_option,
    debug_option,
    file_jurisdiction_option,
    soon_option,
)
from .output import note, wrap_list, write_output
from .requests import deadlines, read, report_day

STATUS_FORMAT_NAMES = ("table", "json", "csv", "markdown", "ics", "html")

#: ``--only`` groups of statuses.
_GROUPS = {
    "answered": {s for s in Status if s.is_answered}
    | {Status.APPEAL_DUE_SOON, Status.APPEAL_WINDOW_OPEN, Status.APPEAL_WINDOW_CLOSED},
    "late": {Status.OVERDUE, Status.ANSWERED_LATE},
    "pending": {
        Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.OPEN, Status.PAUSED,
        Status.REPLY_OVERDUE, Status.REPLY_DUE_SOON, Status.REPLY_PENDING,
    },
    "yours": {
        Status.REPLY_OVERDUE, Status.REPLY_DUE_SOON, Status.REPLY_PENDING,
        Status.APPEAL_DUE_SOON, Status.APPEAL_WINDOW_OPEN,
    },
}  # fmt: skip


def _statuses(d: Deadline) -> set[Status]:
    """What ``--only`` matches: the current status, and the agency's clock's when the current
    one is the requester's (a paused request whose reply is due soon is still paused)."""
    return {d.current_status, d.agency_clock.status}


def split_only(values: Iterable[str]) -> set[Status]:
    """The statuses ``--only`` names (words, slugs or groups, repeated or comma-separated)."""
    chosen: set[Status] = set()
    for value in values:
        for word in value.split(","):
            key = re.sub(r"[\s_]+", "-", word.strip().lower())
            if not key:
                continue
            if key in _GROUPS:
                chosen |= _GROUPS[key]
            elif key in rows.STATUS_SLUGS:
                chosen.add(rows.STATUS_SLUGS[key])
            else:
                names = list(dict.fromkeys([*rows.STATUS_SLUGS, *_GROUPS]))
                raise click.BadParameter(
                    f"unknown status {word.strip()!r}{suggest(key, names)}; choose from "
                    f"{', '.join(names)}",
                    param_hint="'--only'",
                )
    return chosen


def check_output_not_input(output: str | None, inputs: Sequence[str]) -> None:
    if output in (None, "-"):
        return
    assert output is not None
    out = Path(output)
    for f in inputs:
        if f == "-":
            continue
        try:
            if out.exists() and Path(f).exists() and out.samefile(f):
                raise click.BadParameter(
                    f"{output} is the input file; foiaclock never overwrites its input",
                    param_hint="'--output'",
                )
        except OSError:
            continue


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@as_of_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(STATUS_FORMAT_NAMES),
    default="table",
    show_default=True,
    help="Output format. table is for people; json, csv, markdown and ics never carry colour.",
)
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    default=None,
    help="Write to PATH instead of stdout ('-' = stdout). Written atomically: no partial file.",
)
@click.option(
    "--only",
    metavar="STATUS",
    multiple=True,
    help="Show only these statuses (repeat, or separate with commas): overdue, due-today, "
    "due-soon, open, paused, no-deadline, answered-late, answered-on-time, and the requester's "
    "reply-overdue, reply-due-soon, reply-pending, appeal-due-soon, appeal-window-open, "
    "appeal-window-closed; or the groups pending, answered, late, yours (what you must do).",
)
@click.option(
    "--sort",
    type=click.Choice(rows.SORT_KEYS),
    default="urgency",
    show_default=True,
    help="Row order. urgency: overdue first, then due today, due soon... (by due date within).",
)
@soon_option
@file_jurisdiction_option
@debug_option
def status(
    file: str,
    as_of: date | None,
    fmt: str,
    output: str | None,
    only: tuple[str, ...],
    sort: str,
    soon: int | None,
    jurisdiction: str | None,
) -> None:
    """Show every request of FILE: due date, working days left, status.

    FILE is a requests file (TOML; see the README) or - for stdin. Rows are sorted by urgency and
    coloured by status; a one-line summary goes to stderr. A due date marked ± depends on a
    reading of the law that sources disagree on (`foiaclock explain` shows the window).

    \b
    Examples:
      foiaclock status requests.toml
      foiaclock status requests.toml --as-of 2026-12-01 --only overdue,due-soon
      foiaclock status requests.toml --format json -o status.json
      foiaclock status requests.toml --format ics -o foia.ics
      cat requests.toml | foiaclock status -
    """
    wanted = split_only(only)
    check_output_not_input(output, [file])
    fmt_obj = formatter(fmt)
    rf = read(file, jurisdiction)
    all_deadlines = deadlines(rf, as_of, soon)
    shown = [d for d in all_deadlines if not wanted or _statuses(d) & wanted]
    shown = rows.sort_deadlines(shown, sort)
    report = Report(
        path=rf.path,
        as_of=report_day(as_of, jurisdiction),
        soon=rf.threshold(soon),
        deadlines=shown,
        total=len(all_deadlines),
        trails={d.request.id: explain(d) for d in shown} if fmt == "html" else {},
        version=version_text() if fmt == "html" else "",
    )
    to_terminal = output in (None, "-")
    colour = (not fmt_obj.machine) and to_terminal and environment.use_colour(sys.stdout)
    width = environment.terminal_width(sys.stdout) if to_terminal else 100
    write_output(fmt_obj.render(report, colour=colour, width=width), output, colour=colour)
    if fmt == "table":
        _table_notes(shown, len(all_deadlines))
    elif not to_terminal:
        note(f"wrote {output}: {rows.summary(shown, len(all_deadlines))}")


def _table_notes(shown: list[Deadline], total: int) -> None:
    """Under the table, on stderr: the warnings, the summary, and what ± means."""
    for d in shown:
        for w in d.warnings:
            note(f"warning: {d.request.id}: {w}")
    stderr = sys.stderr
    wrap = environment.terminal_width(stderr) if getattr(stderr, "isatty", lambda: False)() else 100
    note(wrap_list(rows.summary(shown, total), max(wrap, 40)))
    if any(rows.window_wide(d) for d in shown):
        note("± = the sources disagree on a counting rule: `foiaclock explain FILE ID` shows why.")
    for hint in _letter_hints(shown):
        note(_fit(hint, max(wrap, 40)))


def _fit(hint: str, width: int) -> str:
    """A hint that is too wide for `width`, with its command on the next line (indented)."""
    words, sep, command = hint.partition(" (`")
    if len(hint) <= width or not sep:
        return hint
    return f"{words}\n  (`{command}"


#: At most this many requests' letter hints under the table (the rest: ``letter --list``).
HINTS = 10


def _letter_hints(shown: list[Deadline]) -> list[str]:
    """The letters the dates call for (`letters.called_for`), one line per request in the
    table's order, with the command that writes them."""
    from ..letters import agency_key, called_for

    found = [(d, kinds) for d in shown if (kinds := [c.kind for c in called_for(d)])]
    out = [
        f"letters for {d.request.id}: {', '.join(kinds)} "
        f"(`foiaclock letter FILE {d.request.id} KIND`)"
        for d, kinds in found[:HINTS]
    ]
    if len(found) > HINTS:
        more = len(found) - HINTS
        out.append(
            f"and letters for {more} more request{'s' if more != 1 else ''}: "
            "`foiaclock letter FILE --list`"
        )
    # Several follow-ups to one agency: one letter can cover them (`letter --agency`).
    by_agency: dict[str, list[Deadline]] = {}  # the agency's name, compared, -> its requests
    for d, kinds in found:
        if "follow-up" in kinds:
            by_agency.setdefault(agency_key(d.request.agency), []).append(d)
    several = [group for group in by_agency.values() if len(group) > 1]
    for group in several[:HINTS]:
        agency = group[0].request.agency.strip()  # (as the first of them in the table writes it)
        out.append(
            f"one follow-up for the {len(group)} requests to {agency} "
            f"(`foiaclock letter FILE --agency {shlex.quote(agency)}`)"
        )
    return out
