"""When a request counts as received: the local receipt day, moved by the law's deemed-receipt
rules (a cut-off time, a day the office is closed, email counted a day later)."""

from __future__ import annotations

from datetime import date, time
from typing import Literal, NamedTuple

from .case import Case, Moment

#: EPA's deemed-receipt cut-off, the other reading of the contested ``cutoff`` option.
EPA_CUTOFF = time(17, 0)
#: Where the contested cut-off reading comes from.
CUTOFF_SOURCE = (
    "received after the cut-off = received the next working day (EPA, 40 CFR 2.104(a)(2))"
)
_ELECTRONIC = ("email", "fax")

MoveKind = Literal["cutoff", "electronic", "nonworking"]


class Move(NamedTuple):
    """One deemed-receipt rule that moved the receipt day."""

    kind: MoveKind
    """``cutoff`` (received at or after the cut-off time), ``closed`` (received on a day the
    office is closed, under a cut-off rule), ``electronic`` (sent by email or fax), ``nonworking``
    (received on a non-working day)."""
    day: date
    """The day the request now counts as received."""
    citation: str
    cutoff: time | None = None
    via: str | None = None


class Receipt(NamedTuple):
    """A receipt as the law counts it."""

    moment: Moment
    zone: str
    day: date
    moves: tuple[Move, ...] = ()


def receipt(case: Case, moment: Moment) -> Receipt:
    """`moment` (the local receipt) with the law's deemed-receipt rules applied."""
    rules = case.law.receipt_on(moment.day)
    cal = case.calendar
    day = moment.day
    moves: list[Move] = []
    cutoff = rules.cutoff or case.settings.cutoff
    if cutoff is not None and moment.time is not None and held_to_cutoff(case):
        # A deemed-receipt rule (EPA 40 CFR 2.104(a)(2); EEOC): after the cut-off, or on a day the
        # office is closed, the request counts as received the next working day. Rolling closed
        # days too keeps a later receipt from ever getting an earlier due date.
        source = rules.citation if rules.cutoff or case.law.defaults.cutoff else CUTOFF_SOURCE
        if moment.time >= cutoff:
            day = cal.next_working_day(day)
            moves.append(Move("cutoff", day, source, cutoff=cutoff))
        elif not cal.is_working_day(day):
            day = cal.next_working_day(day)
            moves.append(Move("nonworking", day, source))
    via = case.request.via
    if rules.electronic_next_day and via in _ELECTRONIC:
        day = cal.next_working_day(day)
        moves.append(Move("electronic", day, rules.citation, via=via))
    if rules.nonworking_next_day and not cal.is_working_day(day):
        day = cal.next_working_day(day)
        moves.append(Move("nonworking", day, rules.citation))
    return Receipt(moment, case.settings.timezone, day, tuple(moves))


def held_to_cutoff(case: Case) -> bool:
    """Whether a cut-off time applies to the request's channel (every channel, unless the law's
    `ReceiptRule.cutoff_via` names some: then those, and a channel not recorded)."""
    only = case.law.receipt_on(case.received.day).cutoff_via
    return not only or case.request.via is None or case.request.via in only
