"""``foiaclock explain``: how one request of a file is counted, day by day."""

from __future__ import annotations

from datetime import date

import click

from ..checks import suggest
from ..engine import explain as trail_of
from ..formats import explain as explain_text
from .app import Problem
from .options import (
    CONTEXT_SETTINGS,
    as_of_option,
    debug_option,
    file_jurisdiction_option,
    soon_option,
)
from .output import note, write_output
from .requests import deadline, read


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.argument("request_id", metavar="ID")
@as_of_option
@soon_option
@file_jurisdiction_option
@debug_option
def explain(
    file: str,
    request_id: str,
    as_of: date | None,
    soon: int | None,
    jurisdiction: str | None,
) -> None:
    """Show how request ID of FILE is counted: day by day, with the law's citations.

    Day 0, every counted working day numbered, every skipped day with its reason (weekend, the
    named holiday, the closure order, a pause), the extension, the readings that make up the
    window, the citations; then the same count on a month calendar.

    \b
    Examples:
      foiaclock explain requests.toml pogo-ice-1
      foiaclock explain requests.toml pogo-ice-1 --as-of 2026-12-01 | less
    """
    rf = read(file, jurisdiction)
    if rf.find(request_id) is None:
        raise Problem(
            f"error: {rf.path}: no request with id {request_id!r}{suggest(request_id, rf.ids)}; "
            f"the ids: {', '.join(rf.ids)}"
        )
    d = deadline(rf, request_id, as_of, rf.threshold(soon))
    write_output(explain_text.render(d, trail_of(d)), None)
    for w in d.warnings:
        note(f"warning: {w}")
