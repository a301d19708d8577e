"""The window: the earliest and latest due dates the contested readings of the law produce, and
which reading moves each end (federal-foia.md § 4).

Each end applies every contested reading's other value at once (the earliest end the values that
give earlier dates, the latest the ones that give later). A reading is credited with an end when
it moves the date on its own, or when the end is not reached without it.

A request whose due date is "N working days after day 0" under every reading (no pauses,
misrouting, times of day or receipt rules) gets its window from the calendars alone, without
counting again (`_closed_form`), and that window is kept (`foiaclock.caching`): a file's requests
share few combinations.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import NamedTuple

from ..caching import cached
from ..calendar import Calendar, CalendarSpec
from ..errors import FoiaclockError
from ..law import CALENDAR_OPTIONS
from ..models import Settings
from ..results import Window
from .calendars import calendar_with
from .case import Case
from .count import Count, count_response
from .receipt import EPA_CUTOFF, held_to_cutoff

#: What each contested reading means: (the value giving the earliest date, the latest), in words.
#: Sources: federal-foia.md §§ 1-3.
READINGS: dict[str, tuple[str, str]] = {
    "observed": (
        "strict legal-holiday dates, no observed Friday/Monday (5 U.S.C. § 6103(a) read alone)",
        "observed holiday dates (5 U.S.C. § 6103(b), EO 11582)",
    ),
    "closures": (
        "executive-order closures counted as working days",
        "executive-order closures counted as non-working days (FRCP 6(a)(6)(B) by analogy)",
    ),
    "dc_area": (
        "Inauguration Day a working day (office outside the DC area)",
        "Inauguration Day a holiday (DC-area office, 5 U.S.C. § 6103(c))",
    ),
    "receipt_day_counts": (
        "the regulation: the receipt day is day 1 (Interior, 43 CFR 2.16(a))",
        'the statute: day 1 is the first working day "after the receipt" (§ 552(a)(6)(A)(i); '
        "DOJ OIP)",
    ),
    "cutoff": (
        "the statute: no time of day, a request is received the day it arrives",
        "the regulation: received at or after its cut-off time = received the next working day",
    ),
    "saturday_shift": (
        "only a Sunday holiday moves (to the Monday after)",
        "a Saturday holiday is observed on the Friday before (as the holidays package has it)",
    ),
    "misrouted_unit": (
        '10 calendar days for a misrouted request (the statute says "ten days")',
        "10 working days for a misrouted request (DOJ; 32 CFR 286.8(a); 7 CFR 1.6(a))",
    ),
}

#: Readings changed from the settings: (option name, value) pairs, in the law's order of them.
Changes = tuple[tuple[str, object], ...]
DueOf = Callable[[Changes], "date | None"]
Prunable = Callable[[tuple[str, object], date], bool]


def ends(name: str, settings: Settings) -> tuple[object, object]:
    """The values of reading `name` that give the earliest and the latest due dates."""
    if name == "receipt_day_counts":
        return True, False
    if name == "cutoff":
        return None, settings.cutoff or EPA_CUTOFF
    if name == "misrouted_unit":
        return "calendar", "working"
    return False, True


def matters(name: str, case: Case) -> bool:
    """Whether reading `name` can change anything for the request of `case`."""
    request = case.request
    if name == "cutoff":
        timed = isinstance(request.received, datetime) or isinstance(
            request.first_received, datetime
        )
        return timed and held_to_cutoff(case)
    if name == "misrouted_unit":
        return request.first_received is not None
    return True


def contested(case: Case) -> list[str]:
    """The law's contested readings that can change this request's due date."""
    return [n for n in case.law.contested if matters(n, case)]


def due_with(case: Case, plan: Readings, changes: Changes) -> date | None:
    """The due date under other readings (``None`` when it cannot be worked out, for example
    outside the covered years: that reading is then left out)."""
    varied = case._replace(settings=plan.settings[changes], calendar=plan.calendars[changes])
    try:
        return count_response(varied).due
    except FoiaclockError:
        return None


def window(case: Case, count: Count) -> Window | None:
    """The window of the response clock's due date (``None`` when nothing is contested)."""
    if count.due is None:
        return None
    names = tuple(contested(case))
    if not names:
        return None
    total = _simple_total(case, count)
    if total is not None:
        s = case.settings
        return _simple_window(case.spec, names, s, count.received, total, count.due)
    plan = readings(case.spec, case.settings, names)
    first = case.received.day
    if case.first_received is not None:
        first = min(first, case.first_received.day)
    prune = _pruner(plan, first - timedelta(days=2))
    return spread(plan, count.due, lambda changes: due_with(case, plan, changes), prune)


def appeal_window(case: Case, arrived: date, due: date, total: int) -> Window | None:
    """The window of an appeal decision due `total` working days after `arrived`. Only the
    calendar's readings move it: day 0 is the appeal's arrival under every reading (a receipt-day
    rule such as 43 CFR 2.16(a) is for requests; the appeal clock never counts the day itself)."""
    law, settings = case.law, case.settings
    names = tuple(n for n in law.contested if n in CALENDAR_OPTIONS)
    if not names:
        return None
    plan = readings(case.spec, settings, names)
    return spread(plan, due, _closed_form(plan, arrived, total, receipt_day_counts=False), _never)


class Readings(NamedTuple):
    """A law's contested readings under one set of settings (the same for all its requests)."""

    sides: tuple[Changes, Changes]
    """For the earliest and the latest end: the readings whose other value moves the due date
    that way, with that value."""
    settings: Mapping[Changes, Settings]
    """The settings under every choice among each side's readings (in their order; ``()``: the
    settings themselves)."""
    calendars: Mapping[Changes, Calendar]
    """The calendar counted on under each of those settings."""


@cached(maxsize=256)
def readings(spec: CalendarSpec, settings: Settings, names: tuple[str, ...]) -> Readings:
    """The `Readings` of `names` for a law of calendar `spec` under `settings`."""
    sides = []
    for side in (0, 1):
        values = ((n, ends(n, settings)[side]) for n in names)
        sides.append(tuple((n, v) for n, v in values if getattr(settings, n) != v))
    varied: dict[Changes, Settings] = {}
    calendars: dict[Changes, Calendar] = {}
    for changes in sides:
        for k in range(len(changes) + 1):
            for chosen in itertools.combinations(changes, k):
                s = replace(settings, **dict(chosen)) if chosen else settings  # type: ignore[arg-type]
                varied[chosen] = s
                calendars[chosen] = calendar_with(
                    spec, s.observed, s.closures, s.dc_area, s.saturday_shift, s.closed_days
                )
    return Readings((sides[0], sides[1]), MappingProxyType(varied), MappingProxyType(calendars))


def spread(plan: Readings, due: date, due_of: DueOf, prunable: Prunable) -> Window:
    """The earliest and latest due dates over the readings of `plan`, and what moves each end.

    `due_of(changes)` is the due date with some readings changed (``None``: left out).
    `prunable(name, value, end)` may say that a calendar reading cannot change any date up to
    `end` (its calendar has the same working days over the whole span), which saves counting.
    """
    earliest, early_by = _end(plan.sides[0], due, due_of, prunable, side=0)
    latest, late_by = _end(plan.sides[1], due, due_of, prunable, side=1)
    return Window(
        earliest=earliest,
        latest=latest,
        earliest_by=_words(early_by, 0),
        latest_by=_words(late_by, 1),
        earliest_options=early_by,
        latest_options=late_by,
    )


def _end(
    moving: Changes, due: date, due_of: DueOf, prunable: Prunable, side: int
) -> tuple[date, tuple[str, ...]]:
    """One end of the window (side 0: the earliest, 1: the latest) and the readings credited;
    `moving`: the readings that move that end, with their values."""
    end = (due_of(moving) or due) if moving else due
    if (side == 0 and end > due) or (side == 1 and end < due):
        end = due  # cannot happen with nested calendars; kept honest rather than assumed
    if end == due:
        return due, ()
    span_end = max(end, due)
    live = tuple(change for change in moving if not prunable(change, span_end))
    if len(live) == 1:
        return end, (live[0][0],)
    found: dict[Changes, date | None] = {}

    def due_with_only(chosen: Changes) -> date | None:
        """The due date with just the readings `chosen` changed (each choice counted once)."""
        if chosen not in found:
            found[chosen] = due_of(chosen)
        return found[chosen]

    by = [
        name
        for name, value in live
        if due_with_only(((name, value),)) not in (None, due)
        or due_with_only(tuple(c for c in live if c[0] != name)) not in (None, end)
    ]
    return end, tuple(by) or ("together",)


def _words(by: tuple[str, ...], side: int) -> tuple[str, ...]:
    if not by:
        return ()
    return tuple(
        "the contested options together" if n == "together" else READINGS[n][side] for n in by
    )


def _pruner(plan: Readings, start: date) -> Prunable:
    """`prunable` for `spread`: a calendar reading whose calendar has exactly the working days of
    the chosen one between `start` and the end cannot change anything in that span (the
    non-working-day sets are nested, so equal counts mean equal days)."""
    chosen = plan.calendars[()]

    def prunable(change: tuple[str, object], end: date) -> bool:
        if change[0] not in CALENDAR_OPTIONS:
            return False
        other = plan.calendars[(change,)]
        try:
            return other.working_days_between(start, end) == chosen.working_days_between(start, end)
        except FoiaclockError:
            return False

    return prunable


def _never(change: tuple[str, object], end: date) -> bool:
    return False


# --------------------------------------------------------------------------------------------
# Requests counted from the calendars alone


def _simple_total(case: Case, count: Count) -> int | None:
    """For a request whose due date is "N working days after day 0" under every reading, that N;
    otherwise None. Such a request has no pauses, no misrouting, no time of day, no receipt rule,
    a working-day (or week) clock from receipt and at most a working-day extension added to the
    due date."""
    rule, request = count.rule, case.request
    receipt = case.law.receipt_on(case.received.day)
    if (
        rule is None
        or rule.days is None
        or request.tolls
        or request.first_received is not None
        or isinstance(request.received, datetime)
        or rule.unit not in ("working", "weeks")
        or rule.start != "received"
        or receipt.nonworking_next_day
        or (receipt.electronic_next_day and request.via in ("email", "fax"))
    ):
        return None
    total = rule.days * (5 if rule.unit == "weeks" else 1)
    ext = count.extension
    if ext is None:
        return total
    if isinstance(ext.amount, date) or ext.rule.unit != "working" or ext.rule.start != "due":
        return None
    return total + ext.amount


@cached(maxsize=65536)
def _simple_window(
    spec: CalendarSpec,
    names: tuple[str, ...],
    settings: Settings,
    received: date,
    total: int,
    due: date,
) -> Window | None:
    """`window` for a request `_simple_total` accepts: each reading is one index look-up."""
    plan = readings(spec, settings, names)
    prune = _pruner(plan, received - timedelta(days=2))
    due_of = _closed_form(plan, received, total, settings.receipt_day_counts)
    return spread(plan, due, due_of, prune)


def _closed_form(plan: Readings, day0: date, total: int, receipt_day_counts: bool) -> DueOf:
    """`due_of` for a clock that is `total` working days from `day0` under every reading (from
    the day before when the receipt day counts: `receipt_day_counts`, unless a reading changes
    it)."""
    before = day0 - timedelta(days=1)

    def due_of(changes: Changes) -> date | None:
        rdc = receipt_day_counts
        for name, value in changes:
            if name == "receipt_day_counts":
                rdc = bool(value)
        try:
            return plan.calendars[changes].add_working_days(before if rdc else day0, total)
        except FoiaclockError:
            return None

    return due_of


__all__ = [
    "READINGS",
    "Readings",
    "appeal_window",
    "contested",
    "due_with",
    "ends",
    "matters",
    "spread",
    "window",
]
