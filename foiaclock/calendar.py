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
import importlib.util
import itertools
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
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
    `every` = N applies the rule every N years counted from `since` (elections). `shift` moves a
    day that falls on a weekend as well: ``sunday`` (Sunday to Monday), ``weekend`` (Saturday to
    Friday, Sunday to Monday) or ``monday`` (Saturday or Sunday to Monday).
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
    every: int = 1
    shift: str = ""

    def dates(self, year: int) -> list[date]:
        """The days this rule makes non-working that fall in `year` (shifted days included)."""
        if not self.shift:
            return self._dates(year)
        out: list[date] = []
        for y in (year - 1, year, year + 1):  # a shift may cross the year end
            for d in self._dates(y):
                for day in (d, _shifted(d, self.shift)):
                    if day is not None and day.year == year and day not in out:
                        out.append(day)
        return out

    def _dates(self, year: int) -> list[date]:
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
        return (
            (self.since is None or year >= self.since)
            and (self.until is None or year <= self.until)
            and (self.every == 1 or (year - (self.since or 0)) % self.every == 0)
        )


def _shifted(day: date, mode: str) -> date | None:
    """Where a weekend `day` moves under `mode` (None: it does not move)."""
    wd = day.weekday()
    if wd == 6 and mode in ("sunday", "weekend", "monday"):
        return day + timedelta(days=1)
    if wd == 5 and mode == "weekend":
        return day - timedelta(days=1)
    if wd == 5 and mode == "monday":
        return day + timedelta(days=2)
    return None


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
    observed: str = "all"
    """Which of the package's observed (shifted) dates the law knows: ``all``; ``sunday`` (only
    a Sunday holiday moves, to the Monday after, as in N.Y. Gen. Constr. Law § 24); ``monday`` (a
    Saturday or Sunday holiday moves to the Monday after, as in R.I. Gen. Laws § 25-1-1);
    ``none`` (no holiday ever moves, whatever the `observed` option says)."""
    exclude: tuple[str, ...] = ()
    """Names of package holidays the law does not have (dropped, with their observed dates)."""


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


# --------------------------------------------------------------------------------------------
# Raw holiday entries, per spec and year, straight from the `holidays` package.


def _country_module(country: str) -> str | None:
    """The `holidays` module that defines `country` (an ISO code), from the package's registry."""
    from holidays.registry import COUNTRIES

    for module, names in COUNTRIES.items():
        if country in names[1:]:
            return module
    return None


def known_country(country: str) -> bool:
    """Whether the `holidays` package has a calendar for `country` (ISO 3166 code)."""
    return _country_module(country) is not None


@functools.cache
def country_class(country: str) -> type[holidays_pkg.HolidayBase]:
    """The package's class for `country` (raises KeyError for an unknown code).

    `import holidays.countries.x` runs the package's `countries/__init__.py`, which imports every
    country (60-90 ms); foiaclock needs one or two, so it loads just that module's file, and
    falls back to the package's own way if that fails.
    """
    module = _country_module(country)
    if module is None:
        raise KeyError(country)
    name = f"holidays.countries.{module}"
    mod = sys.modules.get(name)
    if mod is None:
        try:
            path = Path(holidays_pkg.__file__).parent / "countries" / f"{module}.py"
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise ImportError(name)
            mod = importlib.util.module_from_spec(spec)
            sys.modules[name] = mod
            spec.loader.exec_module(mod)
        except Exception:  # pragma: no cover - a future layout of the package
            sys.modules.pop(name, None)
            return type(holidays_pkg.country_holidays(country))
    cls: type[holidays_pkg.HolidayBase] = getattr(mod, country)
    return cls


@functools.cache
def _package_class(country: str) -> type[holidays_pkg.HolidayBase]:
    """The package's class for `country`, with its rules extended past the package's 2100 limit."""
    base = country_class(country)
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


Variant = Literal[
    "observed", "sunday_observed", "strict", "closures", "half_days", "inauguration", "extra"
]

#: (spec, variant, year) -> {day: name}. Filled lazily, one package call per variant and span.
_ENTRY_CACHE: dict[tuple[CalendarSpec, str, int], dict[date, str]] = {}


def _is_half_day(name: str) -> bool:
    low = name.lower()
    return "half-day" in low or "half day" in low


def _entries(spec: CalendarSpec, variant: Variant, years: Iterable[int]) -> list[dict[date, str]]:
    """The entries of `variant` for each of `years`, loading the missing years in one go.

    * ``observed``: the law's holidays with the package's observed (shifted) dates;
    * ``strict``: the holidays on their own dates only (5 U.S.C. § 6103(a) read alone);
    * ``closures`` / ``half_days``: entries of the closure categories that are not holidays,
      split by whether the package calls them a half-day closing;
    * ``inauguration``: Inauguration Day (5 U.S.C. § 6103(c)), from the package's DC entries;
    * ``extra``: the jurisdiction data's own rules.
    """
    years = tuple(years)
    missing = tuple(y for y in years if (spec, variant, y) not in _ENTRY_CACHE)
    if missing:
        found: dict[date, str] = {}
        subdivs: tuple[str | None, ...] = spec.subdivisions or (None,)
        if variant in ("observed", "strict", "sunday_observed") and spec.country:
            for sub in subdivs:
                _merge(
                    found,
                    _package_entries(
                        spec.country, sub, spec.categories, variant != "strict", missing
                    ),
                )
            if spec.exclude:
                found = _without(found, spec.exclude)
            if variant == "sunday_observed" or (
                variant == "observed" and spec.observed in ("sunday", "monday")
            ):
                # Keep the holidays themselves, and a Monday only when the Sunday before is one.
                strict: dict[date, str] = {}
                for entries in _entries(
                    spec, "strict", sorted({*missing, *(y - 1 for y in missing)})
                ):
                    strict.update(entries)
                found = {
                    d: n
                    for d, n in found.items()
                    if d in strict or (d.weekday() == 0 and d - timedelta(days=1) in strict)
                }
                if spec.observed == "monday":  # a Saturday or Sunday holiday: the Monday after
                    for d, n in strict.items():
                        moved = _shifted(d, "monday")
                        if moved is not None and moved.year in missing:
                            found.setdefault(moved, f"{n} (observed)")
        elif variant in ("closures", "half_days") and spec.country and spec.closure_categories:
            holidays_ = _entries(spec, "observed", missing)
            raw: dict[date, str] = {}
            for sub in subdivs:
                _merge(
                    raw,
                    _package_entries(spec.country, sub, spec.closure_categories, True, missing),
                )
            closures: dict[date, str] = {}
            halves: dict[date, str] = {}
            for d, name in raw.items():
                if d.year in missing and d not in holidays_[missing.index(d.year)]:
                    (halves if _is_half_day(name) else closures)[d] = name
            for y in missing:
                _ENTRY_CACHE[(spec, "closures", y)] = {
                    d: n for d, n in closures.items() if d.year == y
                }
                _ENTRY_CACHE[(spec, "half_days", y)] = {
                    d: n for d, n in halves.items() if d.year == y
                }
        elif variant == "inauguration" and spec.country and spec.inauguration:
            # 5 U.S.C. § 6103(c): Inauguration Day (Jan 20, or Jan 21 when the 20th is a Sunday).
            # The package carries it only under subdivision DC, mixed with DC's own holidays.
            for d, name in _package_entries(spec.country, "DC", ("public",), True, missing).items():
                hits = [
                    p.strip() for p in name.split(";") if p.strip().startswith("Inauguration Day")
                ]
                if hits:
                    found[d] = hits[0]
        elif variant == "extra":
            for rule in spec.extra:
                for y in missing:
                    for d in rule.dates(y):
                        found.setdefault(d, rule.name)
        for y in missing:
            _ENTRY_CACHE.setdefault(
                (spec, variant, y), {d: n for d, n in found.items() if d.year == y}
            )
    return [_ENTRY_CACHE[(spec, variant, y)] for y in years]


def _without(entries: dict[date, str], names: tuple[str, ...]) -> dict[date, str]:
    """`entries` less the holidays called `names` (and their "(observed)" dates); a day that
    also has another holiday keeps that one."""
    out: dict[date, str] = {}
    for d, name in entries.items():
        kept = [p for p in name.split("; ") if p.removesuffix(" (observed)") not in names]
        if kept:
            out[d] = "; ".join(kept)
    return out


def _merge(into: dict[date, str], new: dict[date, str]) -> None:
    for d, name in new.items():
        if d in into and name not in into[d].split("; "):
            into[d] = f"{into[d]}; {name}"
        else:
            into.setdefault(d, name)


# --------------------------------------------------------------------------------------------


#: The years of the receipts the coming computations expect (see `expect_years`).
_EXPECTED: tuple[int, int] | None = None
#: Wider spans than this are not built at once: most of their years would never be used.
_EXPECT_AT_MOST = 16


def expect_years(first: int | None, last: int | None) -> None:
    """Say that the coming computations count from receipts in the years `first`..`last` (for
    example a requests file's): a calendar then indexes that whole span (and two years after)
    the first time it is used, instead of growing a few years at a time, which rebuilds the
    index each time. Only a hint: any other year still works. ``None`` (or a span of more than
    16 years) clears it."""
    global _EXPECTED
    if first is None or last is None or not 0 <= last - first <= _EXPECT_AT_MOST:
        _EXPECTED = None
    else:
        _EXPECTED = (first, last)


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
        self._dates: list[date] = []  # the same days as dates
        self._flags = bytearray()  # 1 = working day
        self._weekend = frozenset(spec.weekend)

    # ---- building -------------------------------------------------------------------------

    def prepare(self, first_year: int, last_year: int) -> Calendar:
        """Build the index for the years `first_year`..`last_year` (and keep what was built)."""
        first_year = max(first_year, FIRST_YEAR)
        if last_year > _PACKAGE_LAST_YEAR:
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

    def _variants(self) -> list[Variant]:
        """The entry variants whose days this calendar does not count."""
        pol = self.policy
        out: list[Variant] = [self._holiday_variant()]
        out.append("extra")
        if pol.closures:
            out.append("closures")
        if pol.dc_area:
            out.append("inauguration")
        return out

    def _holiday_variant(self) -> Variant:
        """Which holiday entries count: with all the package's shifts, Sunday's only, or none."""
        pol, spec = self.policy, self.spec
        if not pol.observed or spec.observed == "none":
            return "strict"
        if spec.observed in ("sunday", "monday") or not pol.saturday_shift:
            return "sunday_observed"
        return "observed"

    def _non_working(self, first_year: int, last_year: int) -> set[int]:
        years = range(first_year, last_year + 1)
        out: set[int] = set()
        for variant in self._variants():
            for entries in _entries(self.spec, variant, years):
                out.update(d.toordinal() for d in entries)
        out.update(d.toordinal() for d in self.policy.closed_days)
        return out

    def _build(self, first_year: int, last_year: int) -> None:
        lo = date(first_year, 1, 1).toordinal()
        hi = date(last_year, 12, 31).toordinal()
        size = hi - lo + 1
        # A week of flags starting on `lo`'s weekday, repeated; then the closed days cleared.
        # (Ordinal 1, 0001-01-01, is a Monday: weekday = (ordinal - 1) % 7.)
        week = bytes(0 if (lo - 1 + k) % 7 in self._weekend else 1 for k in range(7))
        flags = bytearray(week * (size // 7 + 1))[:size]
        for o in self._non_working(first_year, last_year):
            if lo <= o <= hi:
                flags[o - lo] = 0
        self._rank = list(itertools.accumulate(flags))
        self._days = list(itertools.compress(range(lo, hi + 1), flags))
        self._dates = list(map(date.fromordinal, self._days))
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
        lo, hi = year - 1, year + 2
        if _EXPECTED is not None and _EXPECTED[0] <= year <= _EXPECTED[1]:
            lo, hi = _EXPECTED[0] - 1, _EXPECTED[1] + 2  # the whole span at once
        if self._last_year < self._first_year:
            self.prepare(max(lo, FIRST_YEAR), min(hi, _PACKAGE_LAST_YEAR))
        elif year < self._first_year:
            self.prepare(max(lo, FIRST_YEAR), self._last_year)
        else:
            self.prepare(self._first_year, min(hi, _PACKAGE_LAST_YEAR))
        return ordinal - self._lo

    def _check(self, day: date) -> None:
        # Requests may be received 1900-2200 (compute() checks that); dates reached from them may
        # run into the following years, which the calendar also covers.
        if not FIRST_YEAR <= day.year <= _PACKAGE_LAST_YEAR:
            raise DateRangeError(
                f"{day.isoformat()} is outside the years foiaclock covers "
                f"({FIRST_YEAR} to {LAST_YEAR}, with dates reached from them to {_PACKAGE_LAST_YEAR})"
            )

    # ---- arithmetic -----------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The `n`-th working day after `start` (day 0). ``n == 0`` returns `start` itself."""
        o = start.toordinal()
        i = o - self._lo
        if n > 0 and i >= 0:
            try:  # the common case: both ends inside the index
                return self._dates[self._rank[i] + n - 1]
            except IndexError:
                pass
        if n < 0:
            raise ValueError("add_working_days counts forward: n must be 0 or more")
        if n == 0:
            return start
        self._check(start)
        if not 0 <= i < len(self._rank):
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
        if not (0 <= i < len(self._flags)):
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
        spec, pol, y = self.spec, self.policy, day.year
        cit = spec.citation
        variant = self._holiday_variant()
        if variant != "strict":
            name = _entries(spec, variant, (y,))[0].get(day)
            if name is not None:
                strict = _entries(spec, "strict", (y,))[0]
                kind: NonWorkingKind = "holiday" if day in strict else "observed"
                return NonWorkingDay(day, name, kind, cit)
        else:
            name = _entries(spec, "strict", (y,))[0].get(day)
            if name is not None:
                return NonWorkingDay(day, name, "holiday", cit)
        if pol.closures:
            name = _entries(spec, "closures", (y,))[0].get(day)
            if name is not None:
                return NonWorkingDay(
                    day, name, "closure", "executive order closing executive departments"
                )
        if pol.dc_area:
            name = _entries(spec, "inauguration", (y,))[0].get(day)
            if name is not None:
                return NonWorkingDay(day, name, "inauguration", "5 U.S.C. § 6103(c)")
        name = _entries(spec, "extra", (y,))[0].get(day)
        if name is not None:
            return NonWorkingDay(day, name, "extra", cit)
        if day in pol.closed_days:
            return NonWorkingDay(day, "closed day listed by the user", "user", "your own list")
        return NonWorkingDay(day, _WEEKDAY_NAMES[day.weekday()], "weekend", "")

    def non_working_days(self, year: int) -> list[NonWorkingDay]:
        """Every holiday, closure and listed day of `year` this calendar skips (weekends left
        out unless a holiday falls on one), plus the half-day closings it counts as working days,
        in date order."""
        self._check(date(year, 1, 1))
        self._cover(date(year, 6, 30).toordinal())
        days: set[date] = set()
        for variant in self._variants():
            days.update(_entries(self.spec, variant, (year,))[0])
        days.update(d for d in self.policy.closed_days if d.year == year)
        halves = _entries(self.spec, "half_days", (year,))[0] if self.policy.closures else {}
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
        y = day.year
        for variant, kind in (("strict", "holiday"), ("extra", "extra")):
            name = _entries(self.spec, variant, (y,))[0].get(day)  # type: ignore[arg-type]
            if name is not None:
                return NonWorkingDay(day, f"{name} (on a {r.name})", kind, self.spec.citation)  # type: ignore[arg-type]
        return None


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
    saturday_shift: bool | None = None,
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
        saturday_shift=o.saturday_shift if saturday_shift is None else saturday_shift,
    )
    return calendar_from_spec(j.calendar, policy, j.code)
