"""The appeal: the requester's time to appeal an adverse determination, and the agency's clock to
decide the appeal (5 U.S.C. § 552(a)(6)(A)(i)(III)(aa), (a)(6)(A)(ii), or each law's own)."""

from __future__ import annotations

from datetime import date, timedelta

from ..law import ClockRule
from ..results import AppealClock, Status
from .case import Case
from .count import Count
from .status import status_of
from .units import span
from .window import appeal_window


def appeal_by(case: Case, count: Count) -> date | None:
    """The last day to appeal an adverse determination, or, under a law whose missed deadline is
    a denial (`ClockRule.after_due`), the silence after the due date (``None`` without either,
    or when the law sets no fixed time)."""
    rule = case.law.clock("appeal_window", count.received, case.request.track)
    start = appeal_from(case, count, rule)
    if start is None or rule is None or rule.days is None:
        return None
    return span(case.calendar, start, rule.days, rule.unit, rule.roll)[0]


def appeal_from(case: Case, count: Count, rule: ClockRule | None) -> date | None:
    """What the time to appeal (`rule`, in force for the request) runs from: an adverse
    determination's date, or, for a request denied by silence, the due date (or its receipt,
    where the law says so: `ClockRule.silence_from`) once that date has passed (``None``:
    nothing to appeal yet)."""
    request = case.request
    if request.responded is not None:
        return request.responded if request.adverse else None
    due = count.due
    if rule is None or not rule.after_due or due is None or count.paused.open:
        return None
    if case.as_of <= due:
        return None
    return count.received if rule.silence_from == "received" else due


def appeal_rule(case: Case, count: Count) -> ClockRule | None:
    """The appeal-decision clock in force for the request (``None``: the law has none)."""
    return case.law.clock("appeal", count.received)


def appeal_clock(case: Case, count: Count, soon: int) -> AppealClock | None:
    """The appeal's decision clock (``None`` when there is no appeal)."""
    appeal = case.request.appeal
    if appeal is None:
        return None
    arrived = appeal.arrived
    rule = appeal_rule(case, count)
    if rule is None or rule.days is None:
        status = Status.ANSWERED if appeal.decided else Status.NO_DEADLINE
        return AppealClock(arrived, arrived, None, status, None, None)
    cal = case.calendar
    due, _ = span(cal, arrived, rule.days, rule.unit, rule.roll)
    extension = appeal_extension(rule, appeal.extension)
    if extension:
        due, _ = span(cal, due, extension, rule.unit, rule.roll)
    status, left, _ = status_of(cal, due, appeal.decided, case.as_of, soon, False)
    window = None
    if rule.unit in ("working", "weeks"):
        total = cal.working_days_between(arrived, due)
        window = appeal_window(case, arrived, due, total)
    may_sue = None
    if case.law.constructive_exhaustion:
        # Judicial review once the appeal is decided, or from the day after a missed decision
        # date: the latest reading's, so that a suit on that day is never premature.
        latest = window.latest if window is not None else due
        decided_in_time = appeal.decided is not None and appeal.decided <= latest
        may_sue = appeal.decided if decided_in_time else latest + timedelta(days=1)
    return AppealClock(arrived, arrived, due, status, left, may_sue, bool(extension), window)


def appeal_extension(rule: ClockRule, value: bool | int | None) -> int:
    """The working days an appeal's extension adds: ``True`` is the law's whole extension, a
    number is that many days (`Appeal` never holds ``False``; the case's checks made sure the
    law has an extension and the number is within it)."""
    if value is None:
        return 0
    if value is True:
        assert rule.extension_days is not None
        return rule.extension_days
    return int(value)
