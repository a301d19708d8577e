"""Working days: which days a law does not count, and arithmetic over the rest.

* `rules`: the rule-based extra days of the jurisdiction data (`ExtraRule`);
* `source`: the non-working days of a `CalendarSpec`, by kind and year, from the `holidays`
  package (never typed into foiaclock) and those rules;
* `calendar`: `Calendar`, constant-time working-day arithmetic under one `Policy`.

`shared_calendar` keeps one calendar per spec and policy for the whole process.
"""

from __future__ import annotations

from ..caching import cached
from .calendar import Calendar, NonWorkingDay, NonWorkingKind, Policy, YearDays
from .rules import SHIFTS, ExtraRule
from .source import CalendarSpec, country_class, known_country


@cached(maxsize=256)
def shared_calendar(spec: CalendarSpec, policy: Policy) -> Calendar:
    """The calendar of `spec` under `policy`, made once and shared (it indexes years lazily)."""
    return Calendar(spec, policy)


__all__ = [
    "SHIFTS",
    "Calendar",
    "CalendarSpec",
    "ExtraRule",
    "NonWorkingDay",
    "NonWorkingKind",
    "Policy",
    "YearDays",
    "country_class",
    "known_country",
    "shared_calendar",
]
