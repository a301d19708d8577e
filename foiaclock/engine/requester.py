"""The requester's own clocks: the last day to appeal an adverse determination that has not been
appealed, and each date the agency set for a reply that has not been given (a "still interested"
letter, a fee estimate to accept, a clarification). They are tracked like the agency's clocks:
due soon within the threshold, and past once their day has gone by."""

from __future__ import annotations

from datetime import date

from ..results import RequesterClock, Status
from .case import Case
from .count import Count


def requester_clocks(
    case: Case, count: Count, appeal_by: date | None, soon: int
) -> tuple[RequesterClock, ...]:
    """The requester's running clocks as of the case's day, most urgent first."""
    out = []
    if appeal_by is not None and case.request.appeal is None:
        rule = case.law.clock("appeal_window", count.received, case.request.track)
        left = _left(case, appeal_by)
        status = _status(left, soon, _APPEAL)
        citation = rule.citation if rule is not None else ""
        what = "the adverse determination" if case.request.responded else "the denial by silence"
        out.append(RequesterClock("appeal", f"appeal {what}", appeal_by, status, left, citation))
    for reply in case.request.replies:
        if reply.replied is not None and reply.replied <= case.as_of:
            continue
        if reply.asked is not None and reply.asked > case.as_of:
            continue
        left = _left(case, reply.by)
        status = _status(left, soon, _REPLY)
        label = f"reply: {reply.about}" if reply.about else "reply to the agency"
        out.append(RequesterClock("reply", label, reply.by, status, left))
    return tuple(sorted(out, key=lambda c: (c.status.urgency, c.due)))


#: A requester's clock's statuses: (passed, within the threshold, further off).
_APPEAL = (Status.APPEAL_WINDOW_CLOSED, Status.APPEAL_DUE_SOON, Status.APPEAL_WINDOW_OPEN)
_REPLY = (Status.REPLY_OVERDUE, Status.REPLY_DUE_SOON, Status.REPLY_PENDING)


def _status(left: int, soon: int, names: tuple[Status, Status, Status]) -> Status:
    passed, near, far = names
    if left < 0:
        return passed
    return near if left <= soon else far


def _left(case: Case, day: date) -> int:
    """Working days from the as-of day to `day`: 0 on the day itself, at most -1 once it has
    passed (even over a weekend), as for the agency's clocks."""
    if case.as_of == day:
        return 0
    left = case.calendar.working_days_between(case.as_of, day)
    return min(left, -1) if case.as_of > day else left
