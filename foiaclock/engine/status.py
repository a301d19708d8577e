"""Where a clock stands on the as-of day, and what follows from a missed deadline."""

from __future__ import annotations

from datetime import date

from ..calendar import Calendar
from ..results import Status


def status_of(
    cal: Calendar, due: date | None, answered: date | None, as_of: date, soon: int, paused: bool
) -> tuple[Status, int | None, int | None]:
    """(status, working days left, calendar days left) of a clock due on `due`. Once the due date
    has passed the working days are at most -1, even when only a weekend has gone by: late is
    late. `soon` is the due-soon threshold in working days; `paused`: a pause is awaited."""
    if due is None:
        return (Status.ANSWERED if answered else Status.NO_DEADLINE), None, None
    if answered is not None:
        left = cal.working_days_between(answered, due)
        if answered > due:
            return Status.ANSWERED_LATE, min(left, -1), (due - answered).days
        return Status.ANSWERED_ON_TIME, left, (due - answered).days
    left = cal.working_days_between(as_of, due)
    cal_left = (due - as_of).days
    if paused:
        return Status.PAUSED, left, cal_left
    if as_of > due:
        return Status.OVERDUE, min(left, -1), cal_left
    if as_of == due:
        return Status.DUE_TODAY, 0, 0
    if left <= soon:
        return Status.DUE_SOON, left, cal_left
    return Status.OPEN, left, cal_left
