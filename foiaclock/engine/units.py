"""A clock's length in its unit, counted from day 0: working days, calendar days (rolled to a
working day where the law says so), weeks of five working days, hours, or calendar months and
years (the same date that many months or years on; from the 29th-31st of a month, the last day
of a shorter month: a year after 2024-02-29 is 2025-02-28)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from ..calendar import Calendar


def span(
    cal: Calendar, start: date, days: int, unit: str, roll: bool, at: time | None = None
) -> tuple[date, date]:
    """(due, raw due): `days` `unit`s after day 0 = `start`; the raw due is before a calendar-day
    last day rolls forward to a working day (when `roll`). An hours clock counts from `at`."""
    if unit == "working":
        d = cal.add_working_days(start, days)
        return d, d
    if unit == "weeks":
        d = cal.add_working_days(start, 5 * days)
        return d, d
    if unit == "hours":
        raw = (datetime.combine(start, at or time(0)) + timedelta(hours=days)).date()
        if at is None and days % 24:
            raw = start + timedelta(days=-(-days // 24))
    elif unit == "months":
        raw = start + relativedelta(months=days)
    elif unit == "years":
        raw = start + relativedelta(years=days)
    else:
        raw = start + timedelta(days=days)
    return (cal.roll_forward(raw) if roll else raw), raw
