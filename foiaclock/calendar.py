"""Working-day arithmetic over a set of non-working days taken from the `holidays` package.

A `Calendar` keeps, for a span of whole years, the ordinals of its working days and a running count
of them, so that adding *n* working days or counting the working days between two dates is two list
look-ups, whatever *n* is. The span grows (by whole years) when a date falls outside it.

Non-working days are never typed into this code: they come from the `holidays` package (the US
`public` category for 5 U.S.C. § 6103(a) holidays, `government` for executive-order closures, the DC
subdivision for Inauguration Day) or from rules in the jurisdiction data (`extra`), plus the days a
user lists.
"""

from __future__ import annotations

import functools
import itertools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

import holidays as holidays_pkg
from dateutil.easter import easter

from .errors import DateRangeError

#: Dates foiaclock answers for. The `holidays` package stops at 2100 by default; its rules are
#: extended to LAST_YEAR + 10 so that deadlines reached from late dates still see holidays.
FIRST_YEAR = 1900
LAST_YEAR = 2200
_PACKAGE_LAST_YEAR = LAST_YEAR + 10

NonWorkingKind = Literal[
    "weekend", "holiday", "observed", "closure", "half_day", "inauguration", "extra", "user"
]

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class ExtraRule:
    """A rule-based non-working day (or range) the `holidays` package does not carry.

    Exactly one of: `day` (month, day), `easter` (days from Western Easter Sunday),
    `start`/`end` (month-day pairs; the range may wrap the year end, e.g. 12-25 to 01-15), or
    `weekday` with `month` and `nth` (1 = first, -1 = last; the day after Thanksgiving is the 4th
    Thursday of November with `offset` 1). `offset` shifts a `weekday` or `day` rule by days.
    """

    name: str
    day: tuple[int, int] | None = None
    easter: int | None = None
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    weekday: int | None = None
    month: int | None = None
    nth: int | None = None
    offset: int = 0
    since: int | None = None
    until: int | None = None

    def dates(self, year: int) -> list[date]:
        """The days this rule makes non-working that fall in `year`."""
        out: list[date] = []
        if self.day is not None:
            if self._applies(year):
                out.append(date(year, *self.day) + timedelta(days=self.offset))
        elif self.weekday is not None and self.month is not None and self.nth:
            if self._applies(year):
                out.append(
                    _nth_weekday(year, self.month, self.weekday, self.nth)
                    + timedelta(days=self.offset)
                )
        elif self.easter is not None:
            if self._applies(year):
                out.append(easter(year) + timedelta(days=self.easter))
        elif self.start is not None and self.end is not None:
            # A range that starts in year y covers start(y)..end(y) or, wrapping, end(y + 1).
            for y in (year - 1, year):
                if not self._applies(y):
                    continue
                first = date(y, *self.start)
                last = date(y if self.end >= self.start else y + 1, *self.end)
                d = max(first, date(year, 1, 1))
                stop = min(last, date(year, 12, 31))
                while d <= stop:
                    out.append(d)
                    d += timedelta(days=1)
        return out

    def _applies(self, year: int) -> bool:
        return (self.since is None or year >= self.since) and (
            self.until is None or year <= self.until
        )


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` (Mon = 0) of `month`; `nth` = -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


@dataclass(frozen=True)
class CalendarSpec:
    """Which days are non-working under one law (from the jurisdiction data's `calendar` table)."""

    country: str = "US"
    subdivisions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ("public",)
    closure_categories: tuple[str, ...] = ()
    inauguration: bool = False
    weekend: tuple[int, ...] = (5, 6)
    extra: tuple[ExtraRule, ...] = ()
    citation: str = ""
    observed: bool = True
    """False: the law never shifts a weekend holiday, whatever the `observed` option says."""


@dataclass(frozen=True)
class Policy:
    """The choices a user can make about a calendar (the CONTESTED points of the spec, § 3)."""

    observed: bool = True
    closures: bool = True
    dc_area: bool = False
    closed_days: frozenset[date] = field(default_factory=frozenset)


@dataclass(frozen=True)
class NonWorkingDay:
    """A day the calendar does not count, with why. `half_day` entries are listed for the record
    but are working days."""

    day: date
    name: str
    kind: NonWorkingKind
    source: str


# --------------------------------------------------------------------------------------------
# Raw holiday entries, per spec and year, straight from the `holidays` package.


@functools.cache
def _package_class(country: str) -> type[holidays_pkg.HolidayBase]:
    """The package's class for `country`, with its rules extended past the package's 2100 limit."""
    base = type(holidays_pkg.country_holidays(country))
    extended: type[holidays_pkg.HolidayBase] = type(
        base.__name__, (base,), {"end_year": max(base.end_year, _PACKAGE_LAST_YEAR)}
    )
    return extended


def _package_entries(
    country: str,
    subdiv: str | None,
    categories: tuple[str, ...],
    observed: bool,
    years: tuple[int, ...],
) -> dict[date, str]:
    cls = _package_class(country)
    with warnings.catch_warnings():
        # e.g. India's lunar holidays are tabulated for 2001-2035 only; outside, none are listed.
        warnings.simplefilter("ignore")
        obj = cls(years=years, subdiv=subdiv, categories=categories, observed=observed)
    return dict(obj.items())


@dataclass
class _YearEntries:
    legal: dict[date, str]  # holidays in the strict sense (package, observed=False)
    observed: dict[date, str]  # observed-only days (shifted), not in `legal`
    closures: dict[date, str]  # full-day closures not otherwise holidays
    half_days: dict[date, str]  # half-day closings: working days, listed for the record
    inauguration: dict[date, str]
    extra: dict[date, str]


_ENTRY_CACHE: dict[tuple[CalendarSpec, int], _YearEntries] = {}


def _is_half_day(name: str) -> bool:
    low = name.lower()
    return "half-day" in low or "half day" in low


def _load_years(spec: CalendarSpec, years: Iterable[int]) -> None:
    """Fill the entry cache for `years` (only those not cached yet), in one package call each."""
    missing = tuple(y for y in years if (spec, y) not in _ENTRY_CACHE)
    if not missing:
        return
    per_year: dict[int, _YearEntries] = {y: _YearEntries({}, {}, {}, {}, {}, {}) for y in missing}
    if spec.country:
        subdivs: tuple[str | None, ...] = spec.subdivisions or (None,)
        strict: dict[date, str] = {}
        observed: dict[date, str] = {}
        for sub in subdivs:
            _merge(strict, _package_entries(spec.country, sub, spec.categories, False, missing))
            _merge(observed, _package_entries(spec.country, sub, spec.categories, True, missing))
        for d, name in strict.items():
            if d.year in per_year:
                per_year[d.year].legal[d] = name
        for d, name in observed.items():
            if d.year in per_year and d not in strict:
                per_year[d.year].observed[d] = name
        if spec.closure_categories:
            closures: dict[date, str] = {}
            for sub in subdivs:
                _merge(
                    closures,
                    _package_entries(spec.country, sub, spec.closure_categories, True, missing),
                )
            for d, name in closures.items():
                if d.year not in per_year or d in strict or d in observed:
                    continue
                target = (
                    per_year[d.year].half_days if _is_half_day(name) else per_year[d.year].closures
                )
                target[d] = name
        if spec.inauguration:
            # 5 U.S.C. § 6103(c): Inauguration Day (Jan 20, or Jan 21 when the 20th is a Sunday).
            # The package carries it only under subdivision DC, mixed with DC's own holidays.
            dc = _package_entries(spec.country, "DC", ("public",), True, missing)
            for d, name in dc.items():
                parts = [p.strip() for p in name.split(";")]
                hits = [p for p in parts if p.startswith("Inauguration Day")]
                if hits and d.year in per_year:
                    per_year[d.year].inauguration[d] = hits[0]
    for rule in spec.extra:
        for y in missing:
            for d in rule.dates(y):
                per_year[y].extra.setdefault(d, rule.name)
    for y, entries in per_year.items():
        _ENTRY_CACHE[(spec, y)] = entries


def _merge(into: dict[date, str], new: dict[date, str]) -> None:
    for d, name in new.items():
        if d in into and name not in into[d].split("; "):
            into[d] = f"{into[d]}; {name}"
        else:
            into.setdefault(d, name)


# --------------------------------------------------------------------------------------------


class Calendar:
    """Working days under one law and one policy.

    Day arithmetic is constant-time once the years involved are built: an index of the working
    days and, for every day, how many working days there are up to it.
    """

    def __init__(self, spec: CalendarSpec, policy: Policy | None = None, *, name: str = "") -> None:
        self.spec = spec
        self.policy = policy or Policy()
        self.name = name
        self._first_year = 0
        self._last_year = -1
        self._lo = 0  # ordinal of the first day indexed
        self._rank: list[int] = []  # working days in [lo, lo + i]
        self._days: list[int] = []  # ordinals of the working days, ascending
        self._flags = bytearray()  # 1 = working day
        self._weekend = frozenset(spec.weekend)

    # ---- building -------------------------------------------------------------------------

    def prepare(self, first_year: int, last_year: int) -> Calendar:
        """Build the index for the years `first_year`..`last_year` (and keep what was built)."""
        if first_year < FIRST_YEAR - 1 or last_year > _PACKAGE_LAST_YEAR:
            raise DateRangeError(
                f"foiaclock's calendars cover the years {FIRST_YEAR} to {LAST_YEAR}; "
                f"this needs {first_year if first_year < FIRST_YEAR else last_year}"
            )
        if self._last_year >= self._first_year:
            if first_year >= self._first_year and last_year <= self._last_year:
                return self
            first_year = min(first_year, self._first_year)
            last_year = max(last_year, self._last_year)
        self._build(first_year, last_year)
        return self

    def _non_working(self, first_year: int, last_year: int) -> set[int]:
        years = range(first_year, last_year + 1)
        _load_years(self.spec, years)
        pol = self.policy
        out: set[int] = set()
        for y in years:
            e = _ENTRY_CACHE[(self.spec, y)]
            out.update(d.toordinal() for d in e.legal)
            out.update(d.toordinal() for d in e.extra)
            if pol.observed and self.spec.observed:
                out.update(d.toordinal() for d in e.observed)
            if pol.closures:
                out.update(d.toordinal() for d in e.closures)
            if pol.dc_area:
                out.update(d.toordinal() for d in e.inauguration)
        out.update(d.toordinal() for d in pol.closed_days)
        return out

    def _build(self, first_year: int, last_year: int) -> None:
        lo = date(first_year, 1, 1).toordinal()
        hi = date(last_year, 12, 31).toordinal()
        closed = self._non_working(first_year, last_year)
        weekend = self._weekend
        # ordinal 1 (0001-01-01) is a Monday: weekday = (ordinal - 1) % 7
        flags = bytearray(
            0 if (o in closed or (o - 1) % 7 in weekend) else 1 for o in range(lo, hi + 1)
        )
        self._rank = list(itertools.accumulate(flags))
        self._days = list(itertools.compress(range(lo, hi + 1), flags))
        self._flags = flags
        self._lo = lo
        self._first_year = first_year
        self._last_year = last_year

    def _cover(self, ordinal: int) -> int:
        """Make sure `ordinal` is indexed; return its offset in the index."""
        i = ordinal - self._lo
        if 0 <= i < len(self._rank):
            return i
        year = date.fromordinal(ordinal).year if ordinal > 0 else 0
        if self._last_year < self._first_year:
            self.prepare(max(year - 1, FIRST_YEAR - 1), year + 2)
        elif year < self._first_year:
            self.prepare(max(year - 1, FIRST_YEAR - 1), self._last_year)
        else:
            self.prepare(self._first_year, min(year + 2, _PACKAGE_LAST_YEAR))
        return ordinal - self._lo

    def _check(self, day: date) -> None:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise DateRangeError(
                f"{day.isoformat()} is outside the years foiaclock covers "
                f"({FIRST_YEAR} to {LAST_YEAR})"
            )

    # ---- arithmetic -----------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The `n`-th working day after `start` (day 0). ``n == 0`` returns `start` itself."""
        if n < 0:
            raise ValueError("add_working_days counts forward: n must be 0 or more")
        if n == 0:
            return start
        o = start.toordinal()
        i = o - self._lo
        if not 0 <= i < len(self._rank):
            self._check(start)
            i = self._cover(o)
        k = self._rank[i] + n - 1
        days = self._days
        while k >= len(days):
            if self._last_year >= _PACKAGE_LAST_YEAR:
                raise DateRangeError(
                    f"{n} working days after {start.isoformat()} falls after the years "
                    f"foiaclock covers ({FIRST_YEAR} to {LAST_YEAR})"
                )
            extra_years = max(3, (k - len(days)) // 200 + 2)
            self.prepare(self._first_year, min(self._last_year + extra_years, _PACKAGE_LAST_YEAR))
            days = self._days
        return date.fromordinal(days[k])

    def is_working_day(self, day: date) -> bool:
        o = day.toordinal()
        i = o - self._lo
        if not 0 <= i < len(self._flags):
            self._check(day)
            i = self._cover(o)
        return self._flags[i] == 1

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative (the count in (end, start]) when end < start."""
        lo = self._lo
        a = start.toordinal() - lo
        b = end.toordinal() - lo
        n = len(self._rank)
        if not (0 <= a < n and 0 <= b < n):
            self._check(start)
            self._check(end)
            self._cover(start.toordinal())
            self._cover(end.toordinal())
            lo = self._lo
            a = start.toordinal() - lo
            b = end.toordinal() - lo
        return self._rank[b] - self._rank[a]

    def next_working_day(self, day: date) -> date:
        """The first working day after `day`."""
        return self.add_working_days(day, 1)

    def roll_forward(self, day: date) -> date:
        """`day` if it is a working day, else the next working day."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    # ---- explaining -----------------------------------------------------------------------

    def reason(self, day: date) -> NonWorkingDay | None:
        """Why `day` is not a working day (``None`` when it is one)."""
        if self.is_working_day(day):
            return None
        e = _ENTRY_CACHE[(self.spec, day.year)]
        pol = self.policy
        cit = self.spec.citation
        if day in e.legal:
            return NonWorkingDay(day, e.legal[day], "holiday", cit)
        if pol.observed and self.spec.observed and day in e.observed:
            return NonWorkingDay(day, e.observed[day], "observed", cit)
        if pol.closures and day in e.closures:
            return NonWorkingDay(
                day, e.closures[day], "closure", "executive order closing executive departments"
            )
        if pol.dc_area and day in e.inauguration:
            return NonWorkingDay(day, e.inauguration[day], "inauguration", "5 U.S.C. § 6103(c)")
        if day in e.extra:
            return NonWorkingDay(day, e.extra[day], "extra", cit)
        if day in pol.closed_days:
            return NonWorkingDay(day, "closed day listed by the user", "user", "your own list")
        return NonWorkingDay(day, _WEEKDAY_NAMES[day.weekday()], "weekend", "")

    def non_working_days(self, year: int) -> list[NonWorkingDay]:
        """Every holiday, closure and listed day of `year` this calendar skips (weekends left out),
        plus the half-day closings it counts as working days, in date order."""
        self._check(date(year, 1, 1))
        self._cover(date(year, 6, 30).toordinal())
        e = _ENTRY_CACHE[(self.spec, year)]
        out: list[NonWorkingDay] = []
        days = set(e.legal) | set(e.extra) | set(e.half_days)
        days |= {d for d in self.policy.closed_days if d.year == year}
        if self.policy.observed and self.spec.observed:
            days |= set(e.observed)
        if self.policy.closures:
            days |= set(e.closures)
        if self.policy.dc_area:
            days |= set(e.inauguration)
        for d in sorted(days):
            r = self.reason(d)
            if r is not None and r.kind != "weekend":
                out.append(r)
            elif d in e.half_days:
                out.append(NonWorkingDay(d, e.half_days[d], "half_day", "working day"))
            elif r is not None and d in e.legal:
                out.append(r)
        return out


@functools.lru_cache(maxsize=256)
def _cached_calendar(spec: CalendarSpec, policy: Policy, name: str) -> Calendar:
    return Calendar(spec, policy, name=name)


def calendar_from_spec(spec: CalendarSpec, policy: Policy, name: str = "") -> Calendar:
    """The shared calendar for `spec` under `policy` (built lazily, kept for the process)."""
    return _cached_calendar(spec, policy, name)


def calendar_for(
    jurisdiction: str = "us",
    *,
    observed: bool | None = None,
    closures: bool | None = None,
    dc_area: bool | None = None,
    closed_days: Iterable[date] = (),
) -> Calendar:
    """The working-day calendar of a jurisdiction (``"us"``, ``"us-ny"``, ``"uk"``...).

    Options left at ``None`` take the jurisdiction's defaults (for ``us``: observed holiday dates,
    executive-order closures non-working, Inauguration Day off). `closed_days` adds the user's
    own non-working days.
    """
    from .rules import get_jurisdiction

    j = get_jurisdiction(jurisdiction)
    o = j.options
    policy = Policy(
        observed=o.observed if observed is None else observed,
        closures=o.closures if closures is None else closures,
        dc_area=o.dc_area if dc_area is None else dc_area,
        closed_days=frozenset(closed_days) | frozenset(o.closed_days),
    )
    return calendar_from_spec(j.calendar, policy, j.code)
