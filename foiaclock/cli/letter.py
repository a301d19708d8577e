"""``foiaclock letter``: a follow-up, an appeal or a notice before suit for one request, with its
dates computed and cited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..checks import suggest
from ..engine import explain
from ..letters import (
    GROUNDS,
    KINDS,
    LetterRefused,
    agency_key,
    called_for,
    choices,
    render_agency_letter,
    render_letter,
)
from ..models import Requester
from ..results import Deadline
from .app import Problem
from .options import CONTEXT_SETTINGS, as_of_option, debug_option, file_jurisdiction_option
from .output import note, write_output
from .requests import deadline, deadlines, read
from .status import check_output_not_input


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.argument("request_id", metavar="ID", required=False)
@click.argument("kind", metavar="KIND", required=False, type=click.Choice(KINDS))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(("text", "markdown")),
    default="text",
    show_default=True,
    help="Plain text, or Markdown.",
)
@click.option(
    "--ground",
    type=click.Choice(GROUNDS),
    default=None,
    help="An appeal's ground, when several apply: an adverse determination, a denial by "
    "silence, a denial of expedited processing.",
)
@click.option("--output", "-o", metavar="PATH", default=None, help="Write to PATH (atomically).")
@click.option(
    "--template",
    metavar="PATH",
    default=None,
    help="A Jinja2 template to use instead of the shipped one (see foiaclock/letters/).",
)
@click.option(
    "--list",
    "list_only",
    is_flag=True,
    help="List the letters each request can have: now (the dates call for it: a follow-up when "
    "overdue, an appeal while its window is open, a notice once a suit is possible), yes (the "
    "facts support it), no (and why not).",
)
@click.option(
    "--agency",
    metavar="NAME",
    default=None,
    help="One follow-up about every request to agency NAME (as the file writes it; case does not "
    "matter) that calls for one now, instead of one letter per request.",
)
@as_of_option
@file_jurisdiction_option
@debug_option
def letter(
    file: str,
    request_id: str | None,
    kind: str | None,
    fmt: str,
    ground: str | None,
    output: str | None,
    template: str | None,
    list_only: bool,
    agency: str | None,
    as_of: date | None,
    jurisdiction: str | None,
) -> None:
    """Write letter KIND (follow-up, appeal, suit-notice) for request ID of FILE.

    Every date in it is computed and cited: the due date and how it was counted, the days late,
    the date from which a suit is possible, the last day to appeal and to whom, under the law
    the request is counted under. A letter the facts do not support is refused (exit 2). The
    letter's sender comes from the file's [requester] table; what is missing is a blank.

    \b
    Examples:
      foiaclock letter requests.toml --list
      foiaclock letter requests.toml pogo-ice-2 follow-up
      foiaclock letter requests.toml pogo-ice-2 suit-notice --format markdown -o notice.md
      foiaclock letter requests.toml --agency "ICE FOIA Office"
    """
    if output:
        check_output_not_input(output, [file])
    rf = read(file, jurisdiction)
    if agency is not None:
        if list_only or ground or any(x not in (None, "follow-up") for x in (request_id, kind)):
            raise click.UsageError(
                "--agency writes one follow-up about every overdue request to that agency: give "
                "no ID, no KIND other than follow-up, and no --list or --ground"
            )
        found = deadlines(rf, as_of)
        text = _agency_letter(
            rf.path, found, agency, rf.requester, fmt, rf.letter_templates, template
        )
        write_output(text, output)
        note(
            "foiaclock computes dates; it is not legal advice. Read the letter before you send it."
        )
        return
    if list_only or request_id is None:
        lines = []
        for d in deadlines(rf, as_of):
            now = {c.kind for c in called_for(d)}
            for c in choices(d):
                mark = "now" if c.kind in now else "yes" if c.ok else "no "
                lines.append(f"{d.request.id:<20} {c.kind:<12} {mark}  {c.why}")
        write_output("\n".join(lines) + "\n", output)
        return
    if rf.find(request_id) is None:
        raise Problem(
            f"error: {rf.path}: no request with id {request_id!r}{suggest(request_id, rf.ids)}"
        )
    if kind is None:
        raise click.UsageError("give the letter KIND: follow-up, appeal or suit-notice")
    d = deadline(rf, request_id, as_of, rf.threshold(None))
    folder = _folder(rf.path, rf.letter_templates)
    try:
        text = render_letter(
            d,
            kind,
            rf.requester,
            fmt,
            ground=ground,
            folder=folder,
            template=template or "",
            trail=explain(d),
        )
    except LetterRefused as exc:
        raise Problem(f"error: {exc}") from None
    if d.appeal_by is not None and kind == "appeal" and d.as_of > d.appeal_by:
        note(f"warning: the last day to appeal was {d.appeal_by}: this appeal is late")
    write_output(text, output)
    note("foiaclock computes dates; it is not legal advice. Read the letter before you send it.")


def _agency_letter(
    path: str,
    found: list[Deadline],
    agency: str,
    requester: Requester,
    fmt: str,
    folder: str,
    template: str | None,
) -> str:
    """The one follow-up about the requests of `found` to `agency` that call for one now."""
    key = agency_key(agency)
    mine = [d for d in found if agency_key(d.request.agency) == key]
    if not mine:
        names = sorted({d.request.agency for d in found})
        raise Problem(f"error: {path}: no request to {agency!r}{suggest(agency, names)}")
    late = [d for d in mine if "follow-up" in {c.kind for c in called_for(d)}]
    if not late:
        why = "; ".join(
            f"{d.request.id}: {c.why}" for d in mine for c in choices(d) if c.kind == "follow-up"
        )
        which = (
            f"the request to {agency!r} calls for no follow-up now"
            if len(mine) == 1
            else f"none of the {len(mine)} requests to {agency!r} calls for a follow-up now"
        )
        raise Problem(f"error: {path}: {which} ({why})")
    return render_agency_letter(
        late, requester, fmt, folder=_folder(path, folder), template=template or ""
    )


def _folder(path: str, folder: str) -> str:
    """The file's ``[letters] templates`` folder, relative to the file itself."""
    if not folder:
        return ""
    base = Path(path).parent if path not in ("", "<stdin>") else Path()
    return str(base / folder)
