"""The calendar a request is counted on: its law's non-working days under its settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..caching import cached
from ..calendar import Calendar, CalendarSpec, NonWorkingDay, Policy, YearDays, shared_calendar
from ..law import Jurisdiction, get_jurisdiction
from ..models import Settings


def calendar_of(spec: CalendarSpec, settings: Settings) -> Calendar:
    """The (shared) calendar of a law's calendar `spec` under `settings`."""
    s = settings
    return calendar_with(spec, s.observed, s.closures, s.dc_area, s.saturday_shift, s.closed_days)


@cached(maxsize=1024)
def calendar_with(
    spec: CalendarSpec,
    observed: bool,
    closures: bool,
    dc_area: bool,
    saturday_shift: bool,
    closed_days: tuple[date, ...],
) -> Calendar:
    """The shared calendar of `spec` under the policy these values make (looked up by them, so
    that a request's readings need no `Policy` of their own)."""
    policy = Policy(observed, closures, dc_area, frozenset(closed_days), saturday_shift)
    return shared_calendar(spec, policy)


def calendar_for(
    jurisdiction: str | Jurisdiction = "us",
    *,
    observed: bool | None = None,
    closures: bool | None = None,
    dc_area: bool | None = None,
    closed_days: Iterable[date] = (),
    saturday_shift: bool | None = None,
    on: date | None = None,
) -> Calendar:
    """The working-day calendar of a jurisdiction (``"us"``, ``"us-ny"``, ``"uk"``..., or a
    `Jurisdiction`).

    Options left at ``None`` take the jurisdiction's defaults (for ``us``: observed holiday dates,
    executive-order closures non-working, Inauguration Day a working day). `closed_days` adds
    your own non-working days to the law's. `on`: the calendar in force on that day, for a law
    whose calendar changed (default: the current one).
    """
    law = get_jurisdiction(jurisdiction)
    d = law.defaults
    settings = replace(
        d,
        observed=d.observed if observed is None else observed,
        closures=d.closures if closures is None else closures,
        dc_area=d.dc_area if dc_area is None else dc_area,
        saturday_shift=d.saturday_shift if saturday_shift is None else saturday_shift,
        closed_days=tuple(sorted({*closed_days, *d.closed_days})),
    )
    return calendar_of(law.calendar if on is None else law.calendar_on(on), settings)


def year_days(
    jurisdiction: str | Jurisdiction,
    year: int,
    *,
    observed: bool | None = None,
    closures: bool | None = None,
    dc_area: bool | None = None,
    saturday_shift: bool | None = None,
) -> YearDays:
    """The non-working days of `year` under `jurisdiction`'s calendar as it stood on each day
    (the options as for `calendar_for`)."""
    law = get_jurisdiction(jurisdiction)
    first, after = date(year, 1, 1), date(year + 1, 1, 1)
    changes = [day for day, _ in law.calendars if day is not None and first < day < after]
    starts = [first, *changes]
    days: list[NonWorkingDay] = []
    for start, end in zip(starts, [*changes, after], strict=True):
        cal = calendar_for(
            jurisdiction, observed=observed, closures=closures, dc_area=dc_area,
            saturday_shift=saturday_shift, on=start,
        )  # fmt: skip
        days.extend(x for x in cal.non_working_days(year) if start <= x.day < end)
    return YearDays(year, days, changes)


def today(jurisdiction: str | Jurisdiction = "us") -> date:
    """Today in the jurisdiction's own time zone (never the machine's)."""
    law = get_jurisdiction(jurisdiction)
    return datetime.now(ZoneInfo(law.timezone)).date()
