"""Pauses of the clock ("tolling", 5 U.S.C. § 552(a)(6)(A)(ii)(I)-(II), or each law's own).

Counting convention (MuckRock's, federal-foia.md § 2): the day the agency asks still counts; the
days after it, up to and including the day the agency *receives* the answer, do not. A pause
still awaited runs to the as-of day. Under a law whose pause *restarts* the clock, day 0 becomes
the day the answer arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from ..law import ClockRule, Jurisdiction, TollRule
from ..models import Toll, TollKind
from .case import Case
from .units import span

Extend = Callable[[date, date, date], tuple[date, date]]
"""(due, raw due, day 0) -> the same after the extension."""


class Pause(NamedTuple):
    """A pause that applies."""

    toll: Toll
    rule: TollRule
    first: date
    """The last day that still counts (the day asked, or where an earlier pause ended)."""
    end: date
    """The last paused day: the day the answer arrived, or the as-of day while it is awaited."""
    days: int
    """Days not counted (working days for a working-day clock); 0 for a restart, and for a pause
    over by the last counted day (asked and answered on one day, or inside an earlier pause)."""


class Unused(NamedTuple):
    """A recorded pause that does not stop the clock: one the requester disputes
    (``toll.disputed``), one the law does not provide, or one that began after the deadline."""

    toll: Toll
    warning: str = ""
    """Why it does not count (nothing for a disputed pause: it was recorded as one)."""


class Paused(NamedTuple):
    """The due date after the pauses, and what each pause did."""

    due: date | None = None
    raw_due: date | None = None
    pauses: tuple[Pause, ...] = ()
    """The pauses that apply, in the order they began."""
    outcomes: tuple[Pause | Unused, ...] = ()
    """What became of each recorded pause, in the order they began."""
    days: int = 0
    open: bool = False
    """A pause is still awaited on the as-of day."""
    restart: date | None = None
    """The day the clock started again from day 0 (a restart pause)."""
    warnings: tuple[str, ...] = ()


def apply_pauses(
    case: Case, rule: ClockRule, day0: date, due: date, raw: date, extend: Extend
) -> Paused:
    """The due date (`due`, before pauses) moved by the request's pauses, in the order they
    began."""
    assert rule.days is not None
    law = case.law
    state = _State(due, raw, day0)
    for toll in sorted(case.request.tolls, key=lambda t: t.start):
        trule = law.toll_rule(toll.kind, case.received.day)
        if toll.disputed:
            state.outcomes.append(Unused(toll))
        elif trule is None:
            state.unused(
                Unused(
                    toll,
                    f"{law.name} provides no pause for a {toll.kind.value} request"
                    f"{_not_yet(law, toll.kind)}; the pause "
                    f"from {toll.start} is shown but does not stop the clock",
                )
            )
        elif toll.start > state.due:
            state.unused(
                Unused(
                    toll,
                    f"The pause from {toll.start} began after the deadline ({state.due}) had "
                    "passed; it cannot stop a clock that has run out",
                )
            )
        else:
            end = toll.end if toll.end is not None else max(case.as_of, toll.start)
            state.open = state.open or toll.end is None
            if trule.mode == "restart":
                state.restart_at(case, rule, toll, trule, end, extend)
            else:
                state.pause(case, rule, toll, trule, end)
    return Paused(
        due=state.due,
        raw_due=state.raw,
        pauses=tuple(state.pauses),
        outcomes=tuple(state.outcomes),
        days=state.days,
        open=state.open,
        restart=state.restarted,
        warnings=tuple(state.warnings),
    )


def _not_yet(law: Jurisdiction, kind: TollKind) -> str:
    """ " received before DATE" when the law's pause of `kind` came later, else ""."""
    since = [rule.since for k, rule in law.tolling if k is kind and rule.since is not None]
    return f" received before {min(since)}" if since else ""


class _State:
    """The due date as the pauses move it, one pause at a time."""

    def __init__(self, due: date, raw: date, day0: date) -> None:
        self.due = due
        self.raw = raw
        self.day0 = day0
        self.until: date | None = None  # the last paused day so far
        self.pauses: list[Pause] = []
        self.outcomes: list[Pause | Unused] = []
        self.warnings: list[str] = []
        self.days = 0
        self.open = False
        self.restarted: date | None = None

    def unused(self, outcome: Unused) -> None:
        self.outcomes.append(outcome)
        self.warnings.append(outcome.warning)

    def restart_at(
        self, case: Case, rule: ClockRule, toll: Toll, trule: TollRule, end: date, extend: Extend
    ) -> None:
        """The clock starts again from day 0 on `end` (the day the answer arrived)."""
        assert rule.days is not None
        self.restarted = self.day0 = end
        due, raw = span(case.calendar, end, rule.days, rule.unit, rule.roll)
        self.due, self.raw = extend(due, raw, end)
        self.until = end
        self.pauses.append(Pause(toll, trule, toll.start, end, 0))
        self.outcomes.append(self.pauses[-1])

    def pause(self, case: Case, rule: ClockRule, toll: Toll, trule: TollRule, end: date) -> None:
        """The days after the last counted one, to `end`, do not count: none when the pause is
        over by then (asked and answered on one day, or inside an earlier pause). Every pause is
        listed, with the days it did not count."""
        first = toll.start if self.until is None else max(toll.start, self.until)
        first = max(first, self.day0)
        n = 0
        if end > first:
            if rule.unit in ("working", "weeks"):
                n = case.calendar.working_days_between(first, end)
                self.due = self.raw = case.calendar.add_working_days(self.due, n)
            else:
                n = (end - first).days
                self.raw += timedelta(days=n)
                self.due = case.calendar.roll_forward(self.raw) if rule.roll else self.raw
            self.days += n
            self.until = end
        self.pauses.append(Pause(toll, trule, first, end, n))
        self.outcomes.append(self.pauses[-1])
