"""Rule-based non-working days that the `holidays` package does not carry (a jurisdiction's
``calendar.extra`` data): a fixed day, a day counted from Easter, a range of days, or the n-th
weekday of a month, each with the years it applies and how it moves off a weekend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

#: How a day that falls on a weekend moves: ``sunday`` (Sunday to Monday), ``weekend`` (Saturday
#: to Friday, Sunday to Monday), ``monday`` (Saturday or Sunday to Monday).
SHIFTS = ("", "sunday", "weekend", "monday")


@dataclass(frozen=True)
class ExtraRule:
    """A rule-based non-working day (or range) the `holidays` package does not carry.

    Exactly one of: `day` (month, day), `easter` (days from Western Easter Sunday),
    `start`/`end` (month-day pairs; the range may wrap the year end, e.g. 12-25 to 01-15), or
    `weekday` with `month` and `nth` (1 = first, -1 = last; the day after Thanksgiving is the 4th
    Thursday of November with `offset` 1). `offset` shifts a `weekday` or `day` rule by days.
    `every` = N applies the rule every N years counted from `since` (elections). `shift` moves a
    day that falls on a weekend as well (one of `SHIFTS`).
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
                for day in (d, shifted(d, self.shift)):
                    if day is not None and day.year == year and day not in out:
                        out.append(day)
        return out

    def _dates(self, year: int) -> list[date]:
        if self.start is not None and self.end is not None:
            return self._range(year)
        if not self.applies(year):
            return []
        if self.day is not None:
            return [date(year, *self.day) + timedelta(days=self.offset)]
        if self.weekday is not None and self.month is not None and self.nth:
            first = nth_weekday(year, self.month, self.weekday, self.nth)
            return [first + timedelta(days=self.offset)]
        if self.easter is not None:
            return [easter(year) + timedelta(days=self.easter)]
        return []

    def _range(self, year: int) -> list[date]:
        """A range that starts in year y covers start(y)..end(y) or, wrapping, end(y + 1)."""
        assert self.start is not None and self.end is not None
        out: list[date] = []
        for y in (year - 1, year):
            if not self.applies(y):
                continue
            first = date(y, *self.start)
            last = date(y if self.end >= self.start else y + 1, *self.end)
            d = max(first, date(year, 1, 1))
            stop = min(last, date(year, 12, 31))
            while d <= stop:
                out.append(d)
                d += timedelta(days=1)
        return out

    def applies(self, year: int) -> bool:
        """Whether the rule is in force in `year` (its `since`, `until` and `every`)."""
        return (
            (self.since is None or year >= self.since)
            and (self.until is None or year <= self.until)
            and (self.every == 1 or (year - (self.since or 0)) % self.every == 0)
        )


def shifted(day: date, mode: str) -> date | None:
    """Where a weekend `day` moves under `mode` (one of `SHIFTS`; ``None``: it does not move)."""
    wd = day.weekday()
    if wd == 6 and mode in ("sunday", "weekend", "monday"):
        return day + timedelta(days=1)
    if wd == 5 and mode == "weekend":
        return day - timedelta(days=1)
    if wd == 5 and mode == "monday":
        return day + timedelta(days=2)
    return None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` (Mon = 0) of `month`; `nth` = -1 is the last one, -2 the one before."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
