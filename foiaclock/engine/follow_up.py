"""The requester's follow-up cadence: when the next letter asking where a late request stands
is called for. It is a practice, not a rule of law: the first follow-up on the first working day
the request is late (not a calendar day after, as MuckRock counts; its issues #1610 and #793 ask
for the first at the statutory limit and then every two weeks), then every `foiaclock.models.FOLLOW_UP_EVERY`
(10) working days after the last one sent, and none while the delay is lawful: an extension moves the
due date itself, and an open pause stops the clock (Alaveteli #6679, "don't nag when the delay
is lawful"); and not before the working day after the agency's estimated date of completion
(§ 552(a)(7)(B)(ii)), as MuckRock waits for it (#2000). A working day, never a weekend or
holiday."""

from __future__ import annotations

from datetime import date

from .case import Case


def next_follow_up(case: Case, due: date | None, paused: bool, every: int) -> date | None:
    """The day the next follow-up is called for (`Deadline.next_follow_up`): ``None`` when the
    request has no fixed due date, is answered or in court, or is paused."""
    request = case.request
    if due is None or paused or request.responded is not None or request.litigation is not None:
        return None
    sent = request.follow_ups_after(due)
    if not sent:
        day = case.calendar.add_working_days(due, 1)
    else:
        day = case.calendar.add_working_days(sent[-1], every)
    edc = request.estimated_completion
    if edc is not None:  # (the agency's own estimate: not before the working day after it)
        day = max(day, case.calendar.add_working_days(edc, 1))
    return day


__all__ = ["next_follow_up"]
