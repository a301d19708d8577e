"""Working-day arithmetic over one law's non-working days, under one policy.

A `Calendar` answers from an *index* of a span of whole years: the ordinals of the working days
and, for every day, how many working days there are up to it, so that adding *n* working days or
counting the working days between two dates is two look-ups, whatever *n* is. An index is never
changed once built: when a date falls outside it, a larger index is built (under a lock) and put
in its place in one assignment, so threads may share a calendar and always read a whole index.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from ..dates import FIRST_YEAR, LAST_REACHABLE, LAST_YEAR
from ..errors import DateRangeError
from .source import CalendarSpec, Variant, entries

NonWorkingKind = Literal[
    "weekend", "holiday", "observed", "closure", "half_day", "inauguration", "extra", "user"
]

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: An index covers whole decades, so that a file's requests of a few years need one or two.
_BLOCK = 10


@dataclass(frozen=True)
class Policy:
    """The choices a user can make about a calendar (the CONTESTED points of the spec, § 3)."""

    observed: bool = True
    closures: bool = True
    dc_area: bool = False
    closed_days: frozenset[date] = field(default_factory=frozenset)
    saturday_shift: bool = True
    """False: of the observed dates, only a Sunday holiday's Monday counts."""


@dataclass(frozen=True)
class NonWorkingDay:
    """A day the calendar does not count, with why. `half_day` entries are listed for the record
    but are working days."""

    day: date
    name: str
    kind: NonWorkingKind
    source: str


@dataclass(frozen=True)
class _Index:
    """The working days of the years `first_year`..`last_year`."""

    first_year: int
    last_year: int
    lo: int
    """Ordinal of the first day indexed (January 1 of `first_year`)."""
    rank: tuple[int, ...]
    """rank[i] = the working days in [lo, lo + i]."""
    days: tuple[date, ...]
    """The working days, in order."""
    flags: bytes
    """flags[i] = 1 when day lo + i is a working day."""

    def covers(self, ordinal: int) -> bool:
        return 0 <= ordinal - self.lo < len(self.rank)


_EMPTY = _Index(0, -1, 0, (), (), b"")


class Calendar:
    """Working days under one law (`spec`) and one `policy`.

    Day arithmetic is constant-time once the years involved are indexed; the index grows by
    whole decades as dates need it. Use `foiaclock.calendar_for` (or the shared calendars of
    `foiaclock.calendar.shared_calendar`) rather than making one: they are kept and reused.
    """

    def __init__(self, spec: CalendarSpec, policy: Policy | None = None, *, name: str = "") -> None:
        self.spec = spec
        self.policy = policy or Policy()
        self.name = name
        self._index = _EMPTY
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Calendar({self.name or self.spec.country!r}, {self.policy!r})"

    # ---- the index ------------------------------------------------------------------------

    def prepare(self, first_year: int, last_year: int) -> Calendar:
        """Index the years `first_year`..`last_year` now (and keep what was indexed before)."""
        self._grow(max(first_year, FIRST_YEAR), last_year)
        return self

    def _grow(self, first_year: int, last_year: int) -> _Index:
        if last_year > LAST_REACHABLE:
            raise DateRangeError(
                f"foiaclock's calendars cover the years {FIRST_YEAR} to {LAST_YEAR}; "
                f"this needs {last_year}"
            )
        with self._lock:
            old = self._index
            if old.last_year >= old.first_year:
                if old.first_year <= first_year and last_year <= old.last_year:
                    return old
                first_year = min(first_year, old.first_year)
                last_year = max(last_year, old.last_year)
            self._index = self._build(first_year, last_year)
            return self._index

    def _build(self, first_year: int, last_year: int) -> _Index:
        lo = date(first_year, 1, 1).toordinal()
        hi = date(last_year, 12, 31).toordinal()
        weekend = set(self.spec.weekend)
        # Ordinal 1, 0001-01-01, is a Monday: the weekday of ordinal o is (o - 1) % 7.
        flags = bytearray(0 if (o - 1) % 7 in weekend else 1 for o in range(lo, hi + 1))
        for variant in self._variants():
            for year in range(first_year, last_year + 1):
                for d in entries(self.spec, variant, year):
                    flags[d.toordinal() - lo] = 0
        for d in self.policy.closed_days:
            if lo <= d.toordinal() <= hi:
                flags[d.toordinal() - lo] = 0
        days = tuple(map(date.fromordinal, itertools.compress(range(lo, hi + 1), flags)))
        return _Index(first_year, last_year, lo, tuple(itertools.accumulate(flags)), days, bytes(flags))

    def _variants(self) -> list[Variant]:
        """The entry variants whose days this calendar does not count."""
        out: list[Variant] = [self._holiday_variant(), "extra"]
        if self.policy.closures:
            out.append("closures")
        if self.policy.dc_area:
            out.append("inauguration")
        return out

    def _holiday_variant(self) -> Variant:
        """Which holiday entries count: with all the package's shifts, Sunday's only, or none."""
        pol, spec = self.policy, self.spec
        if not pol.observed or spec.observed == "none":
            return "strict"
        if spec.observed in ("sunday", "monday") or not pol.saturday_shift:
            return "sunday"
        return "observed"

    def _covering(self, *days: date) -> _Index:
        """An index that covers `days` (grown by decades when one is outside)."""
        idx = self._index
        if all(idx.covers(d.toordinal()) for d in days):
            return idx
        for d in days:
            _check(d)
        first = min(d.year for d in days)
        last = max(d.year for d in days)
        first = max(first - first % _BLOCK, FIRST_YEAR)
        last = min(last - last % _BLOCK + _BLOCK - 1, LAST_REACHABLE)
        return self._grow(first, last)

    # ---- arithmetic -----------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The `n`-th working day after `start` (day 0). ``n == 0`` returns `start` itself."""
        if n < 0:
            raise ValueError("add_working_days counts forward: n must be 0 or more")
        if n == 0:
            return start
        idx = self._covering(start)
        k = idx.rank[start.toordinal() - idx.lo] + n - 1
        while k >= len(idx.days):  # the answer lies past the index: grow it by decades
            if idx.last_year >= LAST_REACHABLE:
                raise DateRangeError(
                    f"{n} working days after {start.isoformat()} falls after the years "
                    f"foiaclock covers ({FIRST_YEAR} to {LAST_YEAR})"
                )
            years = max(_BLOCK, (k - len(idx.days)) // 200 + _BLOCK)
            idx = self._grow(idx.first_year, min(idx.last_year + years, LAST_REACHABLE))
            k = idx.rank[start.toordinal() - idx.lo] + n - 1
        return idx.days[k]

    def is_working_day(self, day: date) -> bool:
        idx = self._covering(day)
        return idx.flags[day.toordinal() - idx.lo] == 1

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative (the count in (end, start]) when end < start."""
        idx = self._covering(start, end)
        return idx.rank[end.toordinal() - idx.lo] - idx.rank[start.toordinal() - idx.lo]

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
        spec, pol, y = self.spec, self.policy, day.year
        variant = self._holiday_variant()
        name = entries(spec, variant, y).get(day)
        if name is not None:
            strict = variant == "strict" or day in entries(spec, "strict", y)
            return NonWorkingDay(day, name, "holiday" if strict else "observed", spec.citation)
        if pol.closures and day in entries(spec, "closures", y):
            name = entries(spec, "closures", y)[day]
            return NonWorkingDay(day, name, "closure", "executive order closing executive departments")
        if pol.dc_area and day in entries(spec, "inauguration", y):
            name = entries(spec, "inauguration", y)[day]
            return NonWorkingDay(day, name, "inauguration", "5 U.S.C. § 6103(c)")
        name = entries(spec, "extra", y).get(day)
        if name is not None:
            return NonWorkingDay(day, name, "extra", spec.citation)
        if day in pol.closed_days:
            return NonWorkingDay(day, "closed day listed by the user", "user", "your own list")
        return NonWorkingDay(day, _WEEKDAY_NAMES[day.weekday()], "weekend", "")

    def non_working_days(self, year: int) -> list[NonWorkingDay]:
        """Every holiday, closure and listed day of `year` this calendar skips (weekends left
        out unless a holiday falls on one), plus the half-day closings it counts as working days,
        in date order."""
        _check(date(year, 1, 1))
        days: set[date] = set()
        for variant in self._variants():
            days.update(entries(self.spec, variant, year))
        days.update(d for d in self.policy.closed_days if d.year == year)
        halves = entries(self.spec, "half_days", year) if self.policy.closures else {}
        out: list[NonWorkingDay] = []
        for d in sorted(days | set(halves)):
            if d in halves and d not in days:
                out.append(NonWorkingDay(d, halves[d], "half_day", "working day"))
                continue
            r = self._reason_any(d)
            if r is not None:
                out.append(r)
        return out

    def _reason_any(self, day: date) -> NonWorkingDay | None:
        """Like `reason`, but also names a holiday that falls on a weekend."""
        r = self.reason(day)
        if r is None or r.kind != "weekend":
            return r
        name = entries(self.spec, "strict", day.year).get(day)
        if name is not None:
            return NonWorkingDay(day, f"{name} (on a {r.name})", "holiday", self.spec.citation)
        name = entries(self.spec, "extra", day.year).get(day)
        if name is not None:
            return NonWorkingDay(day, f"{name} (on a {r.name})", "extra", self.spec.citation)
        return None


def _check(day: date) -> None:
    """Requests may be received 1900-2200; dates reached from them may run into the following
    years, which the calendars also cover."""
    if not FIRST_YEAR <= day.year <= LAST_REACHABLE:
        raise DateRangeError(
            f"{day.isoformat()} is outside the years foiaclock covers "
            f"({FIRST_YEAR} to {LAST_YEAR}, with dates reached from them to {LAST_REACHABLE})"
        )
