"""What foiaclock works out for one request: a `Deadline`, with its `Window`, its `AppealClock`,
its further `ClockDate`s, and the `Step`s that explain it (`foiaclock.explain`).

Frozen dataclasses with public fields only: two computations of the same request on the same day
compare equal. The engine (`foiaclock.engine`) makes them; formatters only read them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from .law import Jurisdiction
from .models import Request, Settings


class Status(str, enum.Enum):
    """Where a clock stands on the as-of day. ``str(status)`` is its words (``"due soon"``)."""

    OVERDUE = "overdue"
    DUE_TODAY = "due today"
    REPLY_OVERDUE = "reply overdue"
    """The requester missed a date the agency set for a reply (`RequesterClock`)."""
    DUE_SOON = "due soon"
    APPEAL_DUE_SOON = "appeal due soon"
    """The requester's last day to appeal is within the due-soon threshold (or today)."""
    REPLY_DUE_SOON = "reply due soon"
    OPEN = "open"
    PAUSED = "paused"
    REPLY_PENDING = "reply pending"
    """A date the agency set for the requester's reply, further off than the threshold."""
    APPEAL_WINDOW_OPEN = "appeal window open"
    IN_LITIGATION = "in litigation"
    """A suit over the request was filed (`Request.litigation`): the agency's clocks and the
    requester's stopped that day; the court's schedule governs."""
    NO_DEADLINE = "no deadline"
    APPEAL_WINDOW_CLOSED = "appeal window closed"
    """The last day to appeal an adverse determination passed without an appeal."""
    ANSWERED_LATE = "answered late"
    ANSWERED_ON_TIME = "answered on time"
    ANSWERED = "answered"
    """Answered, under a law that sets no fixed time."""

    def __str__(self) -> str:
        return self.value

    @property
    def urgency(self) -> int:
        """Sort key: most urgent first (the order of the statuses above)."""
        return _URGENCY[self]

    @property
    def is_answered(self) -> bool:
        return self in (Status.ANSWERED_LATE, Status.ANSWERED_ON_TIME, Status.ANSWERED)


_URGENCY = {s: i for i, s in enumerate(Status)}


@dataclass(frozen=True, slots=True)
class Window:
    """The range of due dates the contested readings of the law produce for one request."""

    earliest: date
    """The earliest due date under any reading (an agency that answers by then is safe)."""
    latest: date
    """The latest due date under any reading (a suit after it cannot be premature)."""
    earliest_by: tuple[str, ...] = ()
    """The readings that move the earliest end away from the due date, in words (empty when the
    earliest end is the due date itself)."""
    latest_by: tuple[str, ...] = ()
    """The same for the latest end."""
    earliest_options: tuple[str, ...] = ()
    """`earliest_by` as option names (``receipt_day_counts``...)."""
    latest_options: tuple[str, ...] = ()
    """`latest_by` as option names."""

    @property
    def is_wide(self) -> bool:
        """More than one possible date: worth showing."""
        return self.earliest != self.latest


@dataclass(frozen=True, slots=True)
class Step:
    """One fact of the trail that explains a deadline (`foiaclock.explain`)."""

    kind: str
    """``rule`` (a rule applied, with its citation), ``receipt`` (when the request counts as
    received), ``start`` (day 0), ``count`` (a counted day, numbered), ``skip`` (a day not counted,
    with the reason), ``toll`` (a pause), ``extension``, ``due``, ``option`` (a contested reading
    and what it changes), ``note`` or ``warning``."""
    text: str
    """The fact in words, as `foiaclock explain` prints it."""
    day: date | None = None
    """The day the fact is about, if one."""
    number: int | None = None
    """For ``count`` steps: the day's number in the count."""
    citation: str = ""
    """The provision the fact rests on ("" when none applies)."""
    reason: str = ""
    """For ``skip`` steps of the day-by-day count: why the day does not count: a kind of
    non-working day (``weekend``, ``holiday``, ``observed``, ``closure``, ``inauguration``,
    ``extra``, ``user``) or ``paused``."""


@dataclass(frozen=True, slots=True)
class ClockDate:
    """A further date the law sets (a production deadline...): shown, but not driving the status."""

    label: str
    """What the date is, in the law's words."""
    due: date | None
    """The date, or ``None`` when the law sets no fixed time (or what it counts from is unknown)."""
    citation: str = ""
    note: str = ""


class AgencyClock(Protocol):
    """The agency's clock that runs now (`Deadline.agency_clock`): the request's response
    clock, or the appeal's decision clock once there is an appeal."""

    @property
    def due(self) -> date | None: ...
    @property
    def status(self) -> Status: ...
    @property
    def days_left(self) -> int | None: ...
    @property
    def window(self) -> Window | None: ...
    @property
    def may_sue_from(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class AppealClock:
    """The clock for deciding an administrative appeal."""

    received: date
    """The day the appeal clock runs from (the appeal's receipt, else its filing)."""
    clock_start: date
    """Day 0 of the appeal clock (the same day)."""
    due: date | None
    """The decision's due date, after any extension; ``None`` when the law sets no time."""
    status: Status
    days_left: int | None
    """Working days to the due date, as for `Deadline.days_left`."""
    may_sue_from: date | None
    """From when the requester may go to court if the appeal is not decided in time: the day
    after the latest date of `window` (``None`` when the law gives no such right)."""
    extended: bool = False
    window: Window | None = None
    """The due dates the contested readings produce (``None`` when nothing is contested)."""


@dataclass(frozen=True, slots=True)
class RequesterClock:
    """A date by which the requester must act: the last day to appeal an adverse determination,
    or a reply the agency asked for by a date."""

    kind: str
    """``appeal`` (the time to appeal) or ``reply`` (a date the agency set, `Request.replies`)."""
    label: str
    """What is due, in words ("appeal the adverse determination", "reply: still interested")."""
    due: date
    """The last day."""
    status: Status
    """One of the requester's statuses: ``appeal due soon``, ``appeal window open``, ``appeal
    window closed``, ``reply overdue``, ``reply due soon``, ``reply pending``."""
    days_left: int
    """Working days from the as-of day to `due` (0: the last day is today; negative: passed)."""
    citation: str = ""


@dataclass(frozen=True, slots=True)
class Deadline:
    """Everything foiaclock works out for one request, as of one day."""

    request: Request
    """The request as it stood on `as_of`: facts dated later (a response, a pause, an appeal) are
    left out, with a warning, and a date-time without an offset carries its time zone."""
    law: Jurisdiction = field(repr=False)
    """The law the request was counted under (its rule data, with every citation)."""
    settings: Settings
    """The readings and calendar policy used: the law's defaults with the request's options."""
    as_of: date
    """The day the status is worked out for."""
    received: date
    """The receipt date as the law counts it (after time zone, cut-off and deemed-receipt rules)."""
    clock_start: date | None
    """Day 0 of the response clock (after misrouting and acknowledgement rules)."""
    due: date | None
    """The due date of the determination, after extension and pauses; ``None`` if the law sets none."""
    statutory_due: date | None
    """The due date without extension or pauses."""
    window: Window | None
    """The due dates the contested readings produce (``None`` when nothing is contested)."""
    status: Status
    """Where the response clock stands on `as_of`."""
    days_left: int | None
    """Working days from the as-of day (or the response) to the due date: positive = left,
    0 = due that day, negative = late by that many working days (at least -1 once the due date
    has passed, even if only a weekend has)."""
    calendar_days_left: int | None
    """The same in calendar days."""
    may_sue_from: date | None
    """From when the requester may go to court without an administrative appeal, if there is no
    determination by the due date (constructive exhaustion): the day after the latest date of
    `window`, so that a suit on it is never premature; ``None`` when it does not apply."""
    search_fees_barred: bool | None
    """Whether a missed time limit bars search fees (missed under every reading: after the
    window's latest date); ``None`` where the law has no such rule for the request."""
    appeal_by: date | None
    """The last day to appeal an adverse determination (``None`` when none applies)."""
    appeal: AppealClock | None
    """The appeal's decision clock, once there is an appeal."""
    expedited_decision_due: date | None
    """When the decision on expedited processing is due (if it was requested)."""
    acknowledgement_due: date | None
    """When the acknowledgement is due, under laws that set a time for one."""
    target: date | None
    """For laws with no fixed deadline: your own target date (never a legal deadline)."""
    target_days_left: int | None
    """Working days from the as-of day to `target`."""
    other: tuple[ClockDate, ...]
    """Further dates the law sets."""
    extended: bool
    """The response clock was extended."""
    tolled_days: int
    """Days the pauses added (working days, or calendar days for a calendar-day clock)."""
    warnings: tuple[str, ...]
    """What the user should know: facts the law does not count, assumptions made."""
    requester: tuple[RequesterClock, ...] = ()
    """The requester's own running clocks (the time to appeal, replies the agency asked for),
    most urgent first; a reply already given is not among them."""
    jurisdiction_reason: str = ""
    """Why `law` was used: named by the request, or recognised from its `agency` ("the agency
    'ICE' is U.S. Immigration and Customs Enforcement, a component of the Department of Homeland
    Security: its regulation, 6 CFR part 5, subpart A"), and whether the request came before the
    regulation took effect."""
    next_follow_up: date | None = None
    """The day the next follow-up letter is called for, while the request is late and
    unanswered: the working day after the due date, or `follow_up_every` working days after the
    last follow-up you sent since then (`Request.letters`), and not before the working day after
    the agency's estimated date of completion (`Request.estimated_completion`). ``None`` once the
    agency answered or a suit was filed, while a pause runs (the delay is lawful), and under a law
    with no fixed time."""

    @property
    def jurisdiction(self) -> str:
        """The code of `law`."""
        return self.law.code

    @property
    def law_was_inferred(self) -> bool:
        """Whether `law` was not simply named: recognised from the agency, or the statute taken
        for a request received before the agency's regulation (`jurisdiction_reason` says how)."""
        r = self.request
        return (
            bool(r.agency and not r.jurisdiction) or "received before" in self.jurisdiction_reason
        )

    @property
    def agency_clock(self) -> AgencyClock:
        """The agency's clock that runs now: the appeal's (`appeal`) once there is one, else the
        request's own (this deadline's `due`, `status`, `days_left`, `window`, `may_sue_from`)."""
        return self.appeal if self.appeal is not None else self

    @property
    def requester_clock(self) -> RequesterClock | None:
        """The requester's clock when it is more urgent than the agency's (``None``: it is not,
        or there is none)."""
        agency = self.agency_clock.status
        first = self.requester[0] if self.requester else None
        return first if first is not None and first.status.urgency < agency.urgency else None

    @property
    def current_status(self) -> Status:
        """The status of the most urgent clock running now: the agency's (`agency_clock`) or
        the requester's (`requester_clock`)."""
        mine = self.requester_clock
        return mine.status if mine is not None else self.agency_clock.status

    @property
    def current_due(self) -> date | None:
        """The due date of the clock `current_status` is of."""
        mine = self.requester_clock
        return mine.due if mine is not None else self.agency_clock.due
