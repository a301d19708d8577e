"""The domain objects: what the requester knows (`Request`) and what foiaclock works out (`Deadline`).

Frozen dataclasses, no I/O. The computation lives in `foiaclock.clock`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from functools import cached_property
from typing import Any, Literal, TypeVar

#: An extension of the response clock: ``True`` = the law's full extension (10 working days under
#: 5 U.S.C. § 552(a)(6)(B)(i)), a whole number of days up to that, or a date agreed with the requester
#: (§ 552(a)(6)(B)(ii)). ``None`` or ``False`` = no extension.
Extension = bool | int | date | None

#: How a request reached the agency (Michigan counts email and fax a business day later).
Via = Literal["email", "fax", "portal", "mail", "in_person", "phone", "other"]
VIA_VALUES: tuple[str, ...] = ("email", "fax", "portal", "mail", "in_person", "phone", "other")

MisroutedUnit = Literal["working", "calendar"]


_T = TypeVar("_T")


def make(cls: type[_T], **values: Any) -> _T:
    """``cls(**values)`` for a frozen dataclass of this module, given every field, without
    running its generated ``__init__`` (which sets the fields one by one through
    ``object.__setattr__``: about ten times slower). For the per-request hot paths (the loader's
    requests, the engine's deadlines); tests check that it builds what the constructor builds."""
    if values.keys() != _field_names(cls):
        raise TypeError(f"make({cls.__name__}): give every field, by its name")
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


def _field_names(cls: type) -> frozenset[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return names


_FIELD_NAMES: dict[type, frozenset[str]] = {}


class TollKind(str, enum.Enum):
    """Why the clock was paused. 5 U.S.C. § 552(a)(6)(A)(ii)(I)-(II)."""

    INFORMATION = "information"
    """The agency asked the requester for information (once only: § 552(a)(6)(A)(ii)(I))."""
    FEE = "fee"
    """The agency asked the requester to clarify fees (§ 552(a)(6)(A)(ii)(II))."""


@dataclass(frozen=True)
class Toll:
    """A pause of the clock.

    `start` is the day the agency asked (it still counts); `end` is the day the agency *received*
    the requester's answer (it does not count), or ``None`` while the answer is awaited.
    `disputed` keeps on record a pause the agency claimed but the law does not allow: it is shown,
    and never stops the clock.
    """

    start: date
    end: date | None = None
    kind: TollKind = TollKind.INFORMATION
    note: str = ""
    disputed: bool = False


@dataclass(frozen=True)
class Appeal:
    """An administrative appeal. The clock runs from `received` (by the agency); when only `filed`
    is known, that date is used and the trail says so."""

    received: date | None = None
    filed: date | None = None
    decided: date | None = None
    extension: bool | int | None = None


@dataclass(frozen=True)
class Options:
    """How to resolve the points where the sources disagree (the spec's CONTESTED points) and the
    calendar policy. Each jurisdiction has its own defaults (`Jurisdiction.options`); a request may
    carry its own `Options`.
    """

    observed: bool = True
    """Holidays on a weekend are observed on the Friday before / Monday after (5 U.S.C. § 6103(b),
    EO 11582). ``False``: only the § 6103(a) dates themselves."""
    closures: bool = True
    """Full-day executive-order closures are non-working days (FRCP 6(a)(6)(B) by analogy)."""
    dc_area: bool = False
    """Inauguration Day is a holiday for the office (DC area only: 5 U.S.C. § 6103(c))."""
    saturday_shift: bool = True
    """A holiday on a Saturday is observed on the Friday before, where the `holidays` package has
    it so (it does for most states). ``False``: only a Sunday holiday moves, to the Monday after
    (the rule of many state holiday statutes)."""
    receipt_day_counts: bool = False
    """Count the receipt day itself as day 1 (Interior, 43 CFR 2.16(a))."""
    cutoff: time | None = None
    """Requests received at or after this local time are received the next working day
    (EPA, 40 CFR 2.104(a)(2): 5:00 p.m.)."""
    misrouted_unit: MisroutedUnit = "working"
    """The unit of the 10 days a misrouted request may wait (§ 552(a)(6)(A)(ii) flush text)."""
    closed_days: tuple[date, ...] = ()
    """Extra non-working days the user lists for their own analysis (not the law's)."""
    timezone: str = "America/New_York"
    """IANA zone in which a receipt date-time is read."""


class Status(str, enum.Enum):
    """Where a clock stands on the as-of day."""

    OVERDUE = "overdue"
    DUE_TODAY = "due today"
    DUE_SOON = "due soon"
    OPEN = "open"
    PAUSED = "paused"
    NO_DEADLINE = "no deadline"
    ANSWERED_LATE = "answered late"
    ANSWERED_ON_TIME = "answered on time"
    ANSWERED = "answered"
    """Answered, under a law that sets no fixed time."""

    @property
    def urgency(self) -> int:
        """Sort key: most urgent first."""
        return _URGENCY[self]

    @property
    def is_answered(self) -> bool:
        return self in (Status.ANSWERED_LATE, Status.ANSWERED_ON_TIME, Status.ANSWERED)


_URGENCY = {s: i for i, s in enumerate(Status)}


@dataclass(frozen=True)
class Window:
    """The range of due dates the contested options produce, and the options that move each end
    away from the due date (empty when that end is the due date itself)."""

    earliest: date
    latest: date
    earliest_by: tuple[str, ...] = ()
    latest_by: tuple[str, ...] = ()
    earliest_options: tuple[str, ...] = ()
    """The same as `earliest_by`, as option names (``receipt_day_counts``...)."""
    latest_options: tuple[str, ...] = ()

    @property
    def is_wide(self) -> bool:
        """More than one possible date: worth showing."""
        return self.earliest != self.latest


@dataclass(frozen=True)
class Step:
    """One fact of a computation's trail.

    kind: ``rule`` (a rule applied, with its citation), ``receipt``, ``start`` (day 0), ``count`` (a
    counted working day, numbered), ``skip`` (a day not counted, with the reason), ``toll``,
    ``extension``, ``due``, ``option`` (a contested choice and what it changes), ``note``, ``warning``.
    """

    kind: str
    text: str
    day: date | None = None
    number: int | None = None
    citation: str = ""


@dataclass(frozen=True)
class ClockDate:
    """A further date the law sets (acknowledgement, production...), shown but not driving status."""

    label: str
    due: date | None
    citation: str = ""
    note: str = ""


@dataclass(frozen=True)
class Request:
    """What the requester knows about one request."""

    received: date | datetime
    """Receipt by the proper component: a date, or an aware date-time."""
    id: str = ""
    agency: str = ""
    jurisdiction: str = "us"
    subject: str = ""
    tracking: str = ""
    first_received: date | datetime | None = None
    """A misrouted request's first receipt by any designated component."""
    acknowledged: date | None = None
    """When the agency acknowledged the request (laws whose clock runs from the acknowledgement)."""
    extension: Extension = None
    tolls: tuple[Toll, ...] = ()
    expedited: bool = False
    """Expedited processing was requested (5 U.S.C. § 552(a)(6)(E))."""
    responded: date | None = None
    """The date of the determination; it stops the clock."""
    adverse: bool | None = None
    appeal: Appeal | None = None
    track: str | None = None
    """An alternative clock of the jurisdiction (for example ``commercial``)."""
    via: Via | None = None
    target_days: int | None = None
    """For laws with no fixed deadline: a target of this many working days, reported as a target."""
    fee_exception: bool = False
    """More than 5,000 pages and 3+ good-faith attempts to narrow (§ 552(a)(4)(A)(viii)(II)(bb))."""
    notes: str = ""
    options: Options | None = None
    """``None``: the jurisdiction's defaults."""


@dataclass(frozen=True)
class AppealClock:
    """The clock for deciding an administrative appeal."""

    received: date
    clock_start: date
    due: date | None
    status: Status
    days_left: int | None
    may_sue_from: date | None
    extended: bool = False
    window: Window | None = None


@dataclass(frozen=True, eq=False)
class Deadline:
    """Everything foiaclock works out for one request, as of one day."""

    request: Request
    jurisdiction: str
    as_of: date
    received: date
    """The receipt date as the law counts it (after time zone, cut-off and deemed-receipt rules)."""
    clock_start: date | None
    """Day 0 of the response clock."""
    due: date | None
    """The due date of the determination, after extension and pauses; ``None`` if the law sets none."""
    statutory_due: date | None
    """The due date without extension or pauses."""
    window: Window | None
    status: Status
    days_left: int | None
    """Working days from the as-of day (or the response) to the due date: positive = left,
    0 = due that day, negative = late by that many working days (at least -1 once the due date
    has passed, even if only a weekend has)."""
    calendar_days_left: int | None
    may_sue_from: date | None
    search_fees_barred: bool | None
    appeal_by: date | None
    appeal: AppealClock | None
    expedited_decision_due: date | None
    acknowledgement_due: date | None
    target: date | None
    """For laws with no fixed deadline: the user's target date (never a legal deadline)."""
    target_days_left: int | None
    other: tuple[ClockDate, ...]
    extended: bool
    tolled_days: int
    warnings: tuple[str, ...]
    _explain: Callable[[], tuple[Step, ...]] = field(repr=False, compare=False)

    @cached_property
    def trail(self) -> tuple[Step, ...]:
        """The ordered facts that produced the dates (built on first use: it lists every day)."""
        return self._explain()

    @property
    def current_status(self) -> Status:
        """The status of the clock that is running now: the appeal's once there is one."""
        return self.appeal.status if self.appeal is not None else self.status

    @property
    def current_due(self) -> date | None:
        return self.appeal.due if self.appeal is not None else self.due
