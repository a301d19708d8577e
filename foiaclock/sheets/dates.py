"""Dates in a sheet's column, read in the one format that fits the whole column.

A column's format is decided once, from all its cells, never cell by cell (the lesson of pandas'
PDEP-4: a parser that guesses per cell reads 01/02 as January in one row and February in the
next). The candidates are ISO (``2026-11-02``, also with a time and an offset, as MuckRock writes
its timestamps), ``2026/11/02``, day-first and month-first numbers (``2/11/2026``,
``11/2/2026``, with ``/``, ``-`` or ``.``) and English month names (``2 Nov 2026``, ``Nov 2,
2026``). The format that reads the most cells wins; the cells it cannot read are the rows' own
problems (listed, never skipped silently). Day-first and month-first tie when no cell has a part
over 12: the column is then ambiguous unless every cell reads the same both ways, and the caller
must say which (``--dayfirst``/``--monthfirst``). Years have four digits: ``11/2/26`` is refused
rather than given a century.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..errors import InputError

Moment = date | datetime

#: Cells that say "no date" in so many words (compared lower-case): read as empty.
NO_VALUE = frozenset(("n/a", "na", "none", "-", "--", "—", "tbd", "pending", "null", "?"))

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

_TIME = (
    r"(?:[ T](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
_NUMERIC = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})" + _TIME, re.I
)
_SHORT_YEAR = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2}\b")
_YMD_SLASH = re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})" + _TIME, re.I)
_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})[ -](?P<mon>[a-z]+)\.?,?[ -](?P<y>\d{4})" + _TIME, re.I)
_MONTH_DAY = re.compile(
    r"(?P<mon>[a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})" + _TIME, re.I
)


def _clock(m: re.Match[str], day: date) -> Moment:
    """`day`, with the time of day `m` found (if any)."""
    if m.group("h") is None:
        return day
    hour, minute, second = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("an hour over 12 with am/pm")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return datetime(day.year, day.month, day.day, hour, minute, second)


def _iso(text: str) -> Moment:
    if len(text) == 10:
        return date.fromisoformat(text)
    if not re.match(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", text):
        raise ValueError(text)
    value = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    moment = datetime.fromisoformat(value)
    if moment.utcoffset() == timedelta(0):
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.replace(microsecond=0)


def _matcher(
    pattern: re.Pattern[str], make: Callable[[re.Match[str]], date]
) -> Callable[[str], Moment]:
    def parse(text: str) -> Moment:
        m = pattern.fullmatch(text)
        if m is None:
            raise ValueError(text)
        return _clock(m, make(m))

    return parse


def _month(name: str) -> int:
    number = _MONTHS.get(name.lower())
    if number is None:
        raise ValueError(name)
    return number


def _named(text: str) -> Moment:
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.fullmatch(text)
        if m is not None:
            return _clock(m, date(int(m["y"]), _month(m["mon"]), int(m["d"])))
    raise ValueError(text)


@dataclass(frozen=True)
class Format:
    name: str
    example: str
    parse: Callable[[str], Moment]


ISO = Format("ISO", "2026-11-02", _iso)
YMD = Format(
    "year/month/day",
    "2026/11/02",
    _matcher(_YMD_SLASH, lambda m: date(int(m["y"]), int(m["m"]), int(m["d"]))),
)
NAMED = Format("month name", "2 Nov 2026", _named)
DAYFIRST = Format(
    "day/month/year",
    "2/11/2026",
    _matcher(_NUMERIC, lambda m: date(int(m["y"]), int(m["b"]), int(m["a"]))),
)
MONTHFIRST = Format(
    "month/day/year",
    "11/2/2026",
    _matcher(_NUMERIC, lambda m: date(int(m["y"]), int(m["a"]), int(m["b"]))),
)
FORMATS = (ISO, YMD, NAMED, DAYFIRST, MONTHFIRST)


def _reads(fmt: Format, text: str) -> Moment | None:
    try:
        return fmt.parse(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateColumn:
    """A column's cells read as dates: `values` by row index (the cells it could read), `bad`
    the cells it could not (row index -> message), `how` says which format and why."""

    values: dict[int, Moment]
    bad: dict[int, str]
    how: str


def is_empty(text: str) -> bool:
    return not text.strip() or text.strip().lower() in NO_VALUE


def read_column(
    column: str,
    cells: Sequence[tuple[int, str, str]],
    *,
    order: str | None,
    path: str,
) -> DateColumn:
    """Read `cells` (row index, where, text: "line 4" or "record 2") of the column named
    `column` in one format. `order` is ``"dayfirst"``, ``"monthfirst"`` or None (the
    command-line choice, used only when the column itself does not decide). Raises
    `InputError` for a column that is ambiguous or mixes day-first and month-first dates."""
    filled = [(i, where, text.strip()) for i, where, text in cells if not is_empty(text)]
    if not filled:
        return DateColumn({}, {}, "empty")
    readings = {
        fmt.name: {i: v for i, _, t in filled if (v := _reads(fmt, t)) is not None}
        for fmt in FORMATS
    }
    best = max(len(r) for r in readings.values())
    winners = [fmt for fmt in FORMATS if len(readings[fmt.name]) == best and best]
    how = ""
    if DAYFIRST in winners and MONTHFIRST in winners:
        _check_not_mixed(column, filled, readings[DAYFIRST.name], readings[MONTHFIRST.name], path)
        differ = [
            (w, t)
            for i, w, t in filled
            if readings[DAYFIRST.name].get(i) != readings[MONTHFIRST.name].get(i)
        ]
        if not differ:
            chosen, how = DAYFIRST, "day and month are the same in every cell"
        elif order is None:
            where, text = differ[0]
            raise InputError(
                f"column {column!r}: its dates could be day-first or month-first ({where}: "
                f"{text!r}), and no cell settles it; say which with --dayfirst (2/11/2026 is "
                "2 November) or --monthfirst (11/2/2026 is 2 November)",
                path=path,
            )
        else:
            chosen = DAYFIRST if order == "dayfirst" else MONTHFIRST
            how = f"by --{order}: no cell settles it"
    elif winners:
        chosen = winners[0]
        if chosen in (DAYFIRST, MONTHFIRST):
            other = MONTHFIRST if chosen is DAYFIRST else DAYFIRST
            _check_not_mixed(column, filled, readings[chosen.name], readings[other.name], path)
            decider = next(
                (w, t)
                for i, w, t in filled
                if i in readings[chosen.name] and i not in readings[other.name]
            )
            how = f"settled by {decider[0]}: {decider[1]!r}"
    else:
        chosen = None
    values = readings[chosen.name] if chosen else {}
    bad = {i: _not_a_date(t, chosen) for i, _, t in filled if i not in values}
    return DateColumn(
        values, bad, f"{chosen.name}" + (f", {how}" if how else "") if chosen else "no dates"
    )


def _check_not_mixed(
    column: str,
    filled: list[tuple[int, str, str]],
    chosen: dict[int, Moment],
    other: dict[int, Moment],
    path: str,
) -> None:
    only_chosen = next(((w, t) for i, w, t in filled if i in chosen and i not in other), None)
    only_other = next(((w, t) for i, w, t in filled if i in other and i not in chosen), None)
    if only_chosen and only_other:
        raise InputError(
            f"column {column!r} mixes day-first and month-first dates ({only_chosen[0]}: "
            f"{only_chosen[1]!r}; {only_other[0]}: {only_other[1]!r}); correct the sheet so "
            "that the column uses one order",
            path=path,
        )


def _not_a_date(text: str, fmt: Format | None) -> str:
    if _SHORT_YEAR.match(text):
        return f"{text!r} has a two-digit year; write the year in full (2026)"
    if fmt is None:
        return f"{text!r} is not a date foiaclock reads (like 2026-11-02)"
    return f"{text!r} is not a date in the column's format ({fmt.name}, like {fmt.example})"
