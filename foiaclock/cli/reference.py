"""``foiaclock holidays`` and ``foiaclock jurisdictions``: what the calendars and the laws are."""

from __future__ import annotations

from typing import TypedDict

import click

from ..engine import calendar_for, today, year_days
from ..errors import FoiaclockError
from ..formats import holidays as holidays_text
from ..formats import info
from ..law import all_jurisdictions, get_jurisdiction
from .options import CONTEXT_SETTINGS, debug_option, jurisdiction_option, policy_options
from .output import write_output


class _Flags(TypedDict):
    """The calendar-policy flags, given alike to the calendar and to each year's list."""

    observed: bool | None
    closures: bool | None
    dc_area: bool | None
    saturday_shift: bool | None


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("years", nargs=-1, type=click.IntRange(1900, 2200), metavar="[YEAR]...")
@jurisdiction_option("Default: us.")
@policy_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
@debug_option
def holidays(
    years: tuple[int, ...],
    jurisdiction: str | None,
    observed: bool | None,
    closures: bool | None,
    dc_area: bool | None,
    saturday_shift: bool | None,
    fmt: str,
) -> None:
    """List the non-working days (other than weekends) the calendar uses, with their source.

    YEAR defaults to this year. The calendar-policy flags show how each reading changes the
    list; half-day closings are listed for the record but count as working days.

    \b
    Examples:
      foiaclock holidays 2026
      foiaclock holidays 2018 2019 --strict-holidays --no-closures
      foiaclock holidays 2026 -j us-ny
    """
    code = jurisdiction or "us"
    law = get_jurisdiction(code)
    flags = _Flags(
        observed=observed, closures=closures, dc_area=dc_area, saturday_shift=saturday_shift
    )
    cal = calendar_for(code, **flags)
    chosen = [year_days(code, y, **flags) for y in years or (today(code).year,)]
    render = holidays_text.as_json if fmt == "json" else holidays_text.as_text
    write_output(render(law, cal.policy, chosen), None)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("code", required=False, metavar="[CODE]")
@debug_option
def jurisdictions(code: str | None) -> None:
    """List the laws foiaclock knows, or show one in full.

    Without CODE: every code with its name, response deadline in words, citation, and
    "unverified" where the rule data has not been checked against the statute text. With CODE:
    its clocks, calendar, receipt rules, pauses, options, notes and assumptions.

    \b
    Examples:
      foiaclock jurisdictions
      foiaclock jurisdictions us
      foiaclock jurisdictions us-ny
    """
    if code is None:
        write_output(info.jurisdiction_list(all_jurisdictions()), None)
        return
    try:
        law = get_jurisdiction(code)
    except FoiaclockError as exc:
        raise click.BadParameter(exc.message, param_hint="'CODE'") from None
    write_output(info.jurisdiction_full(law), None)
