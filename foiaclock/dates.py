"""Dates and times as foiaclock reads and writes them: the one parser, the covered years, the
one way a day is printed.

Every command-line value, requests-file string and library argument that names a day or a moment
goes through `parse_moment` (or `parse_day`) and `plain`, so they all accept the same forms and
refuse the same mistakes.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import overload

from .caching import cached

#: The years foiaclock answers for: a request must be received in them. Dates reached from them
#: (a deadline, an appeal) may run up to `LAST_REACHABLE`, which the calendars also cover.
FIRST_YEAR = 1900
LAST_YEAR = 2200
LAST_REACHABLE = LAST_YEAR + 10

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@cached(maxsize=16384)
def day_text(day: date) -> str:
    """``2018-07-20``: a day's ISO 8601 text. The texts are kept: `date.isoformat` goes through
    a general formatting routine (about ten times the cost of a look-up), and a report's dates
    repeat (its as-of day on every line, due dates shared by many requests). Only for `date`
    itself: a `datetime` (also a `date`) has more to say."""
    return day.isoformat()


@overload
def iso(value: date) -> str: ...
@overload
def iso(value: None) -> None: ...
@overload
def iso(value: date | None) -> str | None: ...
def iso(value: date | None) -> str | None:
    """ISO 8601 text of a day or a date-time (``None`` stays ``None``)."""
    if value is None:
        return None
    return day_text(value) if type(value) is date else value.isoformat()


def fmt_day(d: date) -> str:
    """``Fri 2018-07-20``: the weekday and the ISO date, the same in every locale."""
    return f"{_WEEKDAYS[d.weekday()]} {d.isoformat()}"


def covered(d: date) -> bool:
    """Whether `d` falls in the years a request may be received in (`FIRST_YEAR`..`LAST_YEAR`)."""
    return FIRST_YEAR <= d.year <= LAST_YEAR


def outside_years(d: date) -> str:
    """The message for a day `covered` refuses."""
    return f"{d.isoformat()} is outside the years foiaclock covers ({FIRST_YEAR} to {LAST_YEAR})"


def is_missing(value: object) -> bool:
    """``None``, and the "no value" markers of data libraries (NaN, pandas' ``NaT`` and ``NA``),
    recognised without importing them."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NaTType", "NAType")


def plain(value: date) -> date:
    """`value` as a plain `date` or `datetime` (a subclass such as pandas' ``Timestamp`` becomes
    the standard type with the same fields, so that arithmetic and printing behave as usual)."""
    if type(value) is date or type(value) is datetime:
        return value
    if isinstance(value, datetime):
        return datetime(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            value.tzinfo,
            fold=value.fold,
        )
    return date(value.year, value.month, value.day)


def parse_day(text: str) -> date:
    """An ISO date (``2018-07-20``). Raises `ValueError` naming the expected form."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2018-07-20") from None


def parse_moment(text: str) -> date | datetime:
    """An ISO date (``2018-07-20``) or date-time (``2018-07-20T17:30:00``, with or without an
    offset such as ``-04:00``). Raises `ValueError` naming the expected forms."""
    value = text.strip()
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date like 2018-07-20 or a date-time like 2018-07-20T17:30:00-04:00"
        ) from None


def parse_time(text: str) -> time:
    """A local time of day (``17:00``). Raises `ValueError` naming the expected form."""
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f'{text!r} is not a time like "17:00"') from None
