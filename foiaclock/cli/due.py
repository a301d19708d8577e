"""``foiaclock due``: the due date of one request, without a file."""

from __future__ import annotations

import re
from datetime import date, datetime

import click

from ..checks import phrase, suggest
from ..dates import covered, outside_years, parse_day, parse_moment
from ..engine import compute, explain
from ..engine.law_of import law_of
from ..errors import RequestError
from ..formats import DUE_FORMATS, Report, formatter
from ..formats import explain as explain_text
from ..law import Jurisdiction, get_jurisdiction
from ..models import Extension, Options, Request, Toll
from ..results import Deadline
from .app import Problem
from .options import (
    CONTEXT_SETTINGS,
    DATE,
    as_of_option,
    debug_option,
    jurisdiction_option,
    policy_options,
)
from .output import note, write_output

#: How each field of a request is given on this command line (for messages).
_FIELD_OPTIONS = {
    "received": "RECEIVED",
    "first_received": "--first-received",
    "extension": "--extension",
    "acknowledged": "--acknowledged",
    "postmarked": "--postmarked",
    "responded": "--responded",
    "track": "--track",
}


def _moment(text: str, what: str) -> date | datetime:
    """RECEIVED or --first-received: a date, or a date-time (without an offset: read in the
    request's time zone)."""
    try:
        value = parse_moment(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=what) from None
    day = value.date() if isinstance(value, datetime) else value
    if not covered(day):
        raise click.BadParameter(outside_years(day), param_hint=what)
    return value


def _toll(text: str) -> Toll:
    """``START..END[:KIND]``: a pause (END left out while the answer is awaited)."""
    m = re.fullmatch(r"\s*([0-9-]+)\s*\.\.\s*([0-9-]*)\s*(?::\s*(\w+))?\s*", text)
    if not m:
        raise click.BadParameter(
            f"{text!r}: write START..END (dates), START.. for a pause still open, and "
            "optionally :fee or :information, like 2018-08-01..2018-08-06:fee",
            param_hint="'--toll'",
        )
    try:
        start = parse_day(m.group(1))
        end = parse_day(m.group(2)) if m.group(2) else None
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: the dates must be like 2018-08-01", param_hint="'--toll'"
        ) from None
    try:
        return Toll(start=start, end=end, kind=m.group(3) or "information")  # type: ignore[arg-type]
    except RequestError as exc:
        raise click.BadParameter(f"{text!r}: {exc.message}", param_hint="'--toll'") from None


def _extension(value: str | None) -> Extension:
    if value is None:
        return None
    if value == "full":
        return True
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return parse_day(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: give nothing (the law's full extension), a number of working days, or "
            "the date agreed with the requester",
            param_hint="'--extension'",
        ) from None


def _options(**values: object) -> Options:
    """The options the flags set (the rest keep the law's defaults)."""
    try:
        return Options(**values)  # type: ignore[arg-type]
    except RequestError as exc:
        flag = "--" + exc.field.replace("_", "-")
        raise click.BadParameter(phrase(flag, exc.message), param_hint="option") from None


def _check_track(law: Jurisdiction, track: str | None) -> None:
    if track is not None and track not in law.track_names:
        raise click.BadParameter(
            f"{law.name} has no track {track!r}{suggest(track, law.track_names)}; its tracks: "
            f"{', '.join(law.track_names) or 'none'}",
            param_hint="'--track'",
        )


def _computed(request: Request, as_of: date | None) -> Deadline:
    """`compute`, its errors named by the options that gave the fields."""
    try:
        return compute(request, as_of)
    except RequestError as exc:
        fld = exc.field
        m = re.fullmatch(r"toll (\d+)", fld)
        if m:
            hint = f"--toll (pause {m.group(1)})"
        elif fld.startswith("appeal"):
            hint = fld
        else:
            hint = _FIELD_OPTIONS.get(fld, fld or "request")
        raise Problem(f"error: {hint}: {exc.message}") from None


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("received", metavar="RECEIVED")
@jurisdiction_option("Default: the --agency's regulation, else us (the federal FOIA).")
@click.option(
    "--agency",
    default=None,
    metavar="NAME",
    help='The agency ("ICE", "Department of the Interior"): counted under its own FOIA '
    "regulation when foiaclock knows it (`foiaclock jurisdictions` lists them).",
)
@click.option(
    "--extension",
    is_flag=False,
    flag_value="full",
    default=None,
    metavar="[N|DATE]",
    help="The agency extended the time: alone, the law's full extension (10 working days "
    "federally); or N working days; or the date agreed with the requester.",
)
@click.option(
    "--toll",
    "tolls",
    multiple=True,
    metavar="START..END[:KIND]",
    help="A pause of the clock (repeatable): the day the agency asked .. the day it received "
    "the answer (leave END out while awaited); KIND information (default) or fee.",
)
@click.option(
    "--first-received",
    metavar="DATE",
    default=None,
    help="A misrouted request: when any designated component first received it.",
)
@click.option(
    "--acknowledged",
    type=DATE,
    default=None,
    metavar="DATE",
    help="When the agency acknowledged the request (laws whose clock runs from it).",
)
@click.option(
    "--postmarked",
    type=DATE,
    default=None,
    metavar="DATE",
    help="A mailed request's postmark (laws that count from it when receipt cannot be shown).",
)
@click.option(
    "--responded",
    type=DATE,
    default=None,
    metavar="DATE",
    help="When the agency made its determination (stops the clock).",
)
@click.option(
    "--adverse",
    is_flag=True,
    help="The determination (--responded) was adverse: shows the last day to appeal.",
)
@click.option("--expedited", is_flag=True, help="Expedited processing was requested.")
@click.option("--track", default=None, metavar="NAME", help="An alternative clock of the law.")
@policy_options
@click.option(
    "--receipt-day-counts/--no-receipt-day-counts",
    default=None,
    help="Count the receipt day itself as day 1 (43 CFR 2.16(a)).",
)
@click.option(
    "--cutoff",
    metavar="HH:MM",
    default=None,
    help="Received at or after this local time = received the next working day.",
)
@click.option(
    "--timezone",
    metavar="ZONE",
    default=None,
    help="IANA time zone for a date-time without offset (default: the law's).",
)
@as_of_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text for people; json is a stable contract.",
)
@click.option(
    "--explain",
    "show_explain",
    is_flag=True,
    help="Show the count day by day, with citations, and a calendar view.",
)
@debug_option
def due(
    received: str,
    jurisdiction: str | None,
    agency: str | None,
    extension: str | None,
    tolls: tuple[str, ...],
    first_received: str | None,
    acknowledged: date | None,
    postmarked: date | None,
    responded: date | None,
    adverse: bool,
    expedited: bool,
    track: str | None,
    observed: bool | None,
    closures: bool | None,
    dc_area: bool | None,
    saturday_shift: bool | None,
    receipt_day_counts: bool | None,
    cutoff: str | None,
    timezone: str | None,
    as_of: date | None,
    fmt: str,
    show_explain: bool,
) -> None:
    """The due date of one request received on RECEIVED (a date, or a date-time).

    RECEIVED is the day the proper office received the request: 2018-07-20, or a date-time
    like 2018-07-20T17:30:00-04:00 (without an offset it is read in the law's time zone).
    Put RECEIVED before a bare --extension. Status (days left) is as of today, or --as-of.

    \b
    Examples:
      foiaclock due 2018-07-20
      foiaclock due 2018-07-20 --format json
      foiaclock due 2018-07-20 --extension --toll 2018-07-25..2018-08-01
      foiaclock due 2026-03-02 -j us-ny --acknowledged 2026-03-05 --explain
      foiaclock due 2026-10-01 --responded 2026-10-20 --adverse --agency ICE
    """
    options = _options(
        observed=observed,
        closures=closures,
        dc_area=dc_area,
        saturday_shift=saturday_shift,
        receipt_day_counts=receipt_day_counts,
        cutoff=cutoff,
        timezone=timezone,
    )
    if adverse and responded is None:
        raise click.BadParameter("--adverse needs --responded DATE", param_hint="'--adverse'")
    request = Request(
        received=_moment(received, "'RECEIVED'"),
        jurisdiction=get_jurisdiction(jurisdiction).code if jurisdiction else "",
        agency=agency or "",
        first_received=_moment(first_received, "'--first-received'") if first_received else None,
        acknowledged=acknowledged,
        postmarked=postmarked,
        extension=_extension(extension),
        tolls=tuple(_toll(t) for t in tolls),
        expedited=expedited,
        responded=responded,
        adverse=True if adverse else None,
        track=track,
        options=options,
    )
    _check_track(law_of(request).law, track)
    d = _computed(request, as_of)
    text = formatter(fmt, DUE_FORMATS).render(Report(path="", as_of=d.as_of, soon=5, deadlines=[d]))
    if show_explain:
        count = explain_text.render(d, explain(d))
        if fmt == "json":
            note("--explain is shown on stderr with --format json")
            note(count.rstrip("\n"))
        else:
            text += "\n" + count
    write_output(text, None)
