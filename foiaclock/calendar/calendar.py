"""Working-day arithmetic over one law's non-working days, under one policy.

A `Calendar` answers from a *span* of whole years: its working days and, for every day, how many
working days of the span there are up to it. Adding *n* working days or counting the working
days between two dates is then a few look-ups, whatever *n* is. A span is never changed: when a
date outside it is needed, a wider span is built (under a lock, `BLOCK` years at a time, from the
old one and the years it lacks) and put in its place. A reader uses whichever span it finds, so
threads may share a calendar, and a calendar that has answered once answers the same forever.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple

from ..dates import FIRST_YEAR, LAST_REACHABLE, LAST_YEAR
from ..errors import DateRangeError
from .source import BLOCK, CalendarSpec, Variant, entries

NonWorkingKind = Literal[
    "weekend", "holiday", "observed", "closure", "half_day", "inauguration", "extra", "user"
]

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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


class YearDays(NamedTuple):
    """A year's non-working days (other than weekends), each from the calendar in force on it."""

    year: int
    days: list[NonWorkingDay]
    changes: list[date]
    """The days in the year on which a new version of the calendar took effect."""


@dataclass(frozen=True, slots=True)
class _Span:
    """The working days of the years `first_year`..`last_year`. (Slotted: the interpreter reads
    a slot faster than a named tuple's field, on every date counted.)"""

    first_year: int
    last_year: int
    lo: int
    """Ordinal of the first day (January 1 of `first_year`)."""
    rank: tuple[int, ...]
    """rank[i] = the span's working days in [lo, lo + i]."""
    days: tuple[date, ...]
    """The span's working days, in order."""
    flags: bytes
    """flags[i] = 1 when day lo + i is a working day."""
    size: int
    """len(flags): the days of the span."""
    count: int
    """len(days): its working days."""


#: The span of a calendar that has built none: it holds no day, so every date is outside it.
_NOTHING = _Span(0, -1, 0, (), (), b"", 0, 0)


class Calendar:
    """Working days under one law (`spec`) and one `policy`.

    Use `foiaclock.calendar_for` (or `foiaclock.calendar.shared_calendar`) rather than making
    one: those are kept and reused, and the blocks they build are shared by every request.
    """

    def __init__(self, spec: CalendarSpec, policy: Policy | None = None, *, name: str = "") -> None:
        self.spec = spec
        self.policy = policy or Policy()
        self.name = name
        self._span = _NOTHING  # replaced, never changed (under `_lock`)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Calendar({self.name or self.spec.country!r}, {self.policy!r})"

    # ---- the span ---------------------------------------------------------------------------

    def prepare(self, first_year: int, last_year: int) -> Calendar:
        """Build the years `first_year`..`last_year` now, within those covered (they are
        otherwise built when first needed)."""
        self._cover(max(first_year, FIRST_YEAR))
        self._cover(min(last_year, LAST_REACHABLE))
        return self

    def _cover(self, year: int) -> _Span:
        """A span with `year` in it: the current one, or a wider one built now."""
        span = self._span
        if span.first_year <= year <= span.last_year:
            return span
        if not FIRST_YEAR <= year <= LAST_REACHABLE:
            raise DateRangeError(
                f"foiaclock's calendars cover the years {FIRST_YEAR} to {LAST_YEAR} "
                f"(with dates reached from them to {LAST_REACHABLE}); this needs {year}"
            )
        with self._lock:
            span = self._span  # (another thread may have widened it meanwhile)
            if not span.first_year <= year <= span.last_year:
                span = self._span = self._widen(span, year)
        return span

    def _widen(self, span: _Span, year: int) -> _Span:
        """`span` and the years from it to `year`'s block of `BLOCK` years."""
        first = year - year % BLOCK
        last = min(first + BLOCK - 1, LAST_REACHABLE)
        if span is _NOTHING:
            flags = self._flags(first, last)
        else:
            first, last = min(first, span.first_year), max(last, span.last_year)
            before = self._flags(first, span.first_year - 1) if first < span.first_year else b""
            after = self._flags(span.last_year + 1, last) if last > span.last_year else b""
            flags = before + span.flags + after
        lo = date(first, 1, 1).toordinal()
        days = tuple(map(date.fromordinal, itertools.compress(range(lo, lo + len(flags)), flags)))
        rank = tuple(itertools.accumulate(flags))
        return _Span(first, last, lo, rank, days, bytes(flags), len(flags), len(days))

    def _flags(self, first_year: int, last_year: int) -> bytes:
        """flags[i] = 1 when the i-th day from January 1 of `first_year` is a working day."""
        lo = date(first_year, 1, 1).toordinal()
        hi = date(last_year, 12, 31).toordinal()
        # A week of flags starting on `lo`'s weekday, repeated over the years (ordinal 1,
        # 0001-01-01, is a Monday: the weekday of ordinal o is (o - 1) % 7).
        week = bytes(0 if (lo - 1 + k) % 7 in self.spec.weekend else 1 for k in range(7))
        size = hi - lo + 1
        flags = bytearray((week * (size // 7 + 1))[:size])
        for variant in self._variants():
            for year in range(first_year, last_year + 1):
                for d in entries(self.spec, variant, year):
                    flags[d.toordinal() - lo] = 0
        for d in self.policy.closed_days:
            if lo <= d.toordinal() <= hi:
                flags[d.toordinal() - lo] = 0
        return bytes(flags)

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

    # ---- arithmetic -----------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The `n`-th working day after `start` (day 0). ``n == 0`` returns `start` itself."""
        if n <= 0:
            if n < 0:
                raise ValueError("add_working_days counts forward: n must be 0 or more")
            return start
        span = self._span
        i = start.toordinal() - span.lo
        if 0 <= i < span.size:
            k = span.rank[i] + n - 1  # the answer's place in the span
            if k < span.count:
                return span.days[k]
        return self._add_beyond(start, n)

    def _add_beyond(self, start: date, n: int) -> date:
        """`add_working_days` where the span does not reach `start` or the answer yet."""
        span = self._cover(start.year)
        while True:
            k = span.rank[start.toordinal() - span.lo] + n - 1
            if k < span.count:
                return span.days[k]
            if span.last_year >= LAST_REACHABLE:
                raise DateRangeError(
                    f"{n} working days after {start.isoformat()} falls after the years "
                    f"foiaclock covers ({FIRST_YEAR} to {LAST_YEAR})"
                )
            span = self._cover(span.last_year + 1)

    def is_working_day(self, day: date) -> bool:
        span = self._span
        i = day.toordinal() - span.lo
        if not 0 <= i < span.size:
            span = self._cover(day.year)
            i = day.toordinal() - span.lo
        return span.flags[i] == 1

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative (the count in (end, start]) when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        span = self._span
        if not span.first_year <= start.year <= end.year <= span.last_year:
            self._cover(start.year)
            span = self._cover(end.year)  # (spans only widen: this one holds `start` too)
        return span.rank[end.toordinal() - span.lo] - span.rank[start.toordinal() - span.lo]

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
            return NonWorkingDay(
                day, name, "closure", "executive order closing executive departments"
            )
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
        self._cover(year)
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
            r = self.reason(d)
            assert r is not None  # `d` is one of the entries `reason` names
            out.append(r)
        return out
