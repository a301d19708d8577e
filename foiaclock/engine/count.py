"""The response clock: receipt -> day 0 -> the statutory due date -> the extension -> the pauses.

`count_response` returns every fact it used (a `Count`), so that the status, the window and the
trail (`foiaclock.engine.trail`) read the same facts. Conventions (federal-foia.md § 2):

* Day 0 is the receipt date; day 1 is the first working day after it (DOJ OIP). A request received
  on a weekend therefore has the same due date as one received the Friday before.
* Overdue from the day after the due date; dates are compared, not times.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from ..checks import suggest
from ..errors import ExtensionError, RequestError
from ..law import ClockRule, amount_words
from ..models import Extension as ExtensionValue
from .case import Case
from .pauses import Pause, Paused, Unused, apply_pauses
from .receipt import Receipt, receipt
from .units import span


class Misrouting(NamedTuple):
    """A misrouted request: 5 U.S.C. § 552(a)(6)(A)(ii) flush text."""

    first: date
    """The first receipt by any designated component (as the law counts receipts)."""
    limit: date
    """The latest day the clock may start: 10 days (of `unit`) after `first`."""
    unit: str
    applied: bool
    """The proper component received it after `limit`: the clock starts at `limit`."""


class Acknowledgement(NamedTuple):
    """The acknowledgement, under a law that sets a time for it or counts from it."""

    rule: ClockRule | None
    due: date | None
    """When the acknowledgement is due (``None`` when the law sets no time)."""
    given: date | None
    """When the agency acknowledged the request, if known."""
    start: date | None
    """Where a clock "from the acknowledgement" runs from: the acknowledgement, but never later
    than its due date."""
    assumed: bool = False
    """The response clock runs from the acknowledgement, none was given and the law sets no time
    for it: counted from receipt."""
    late: bool = False
    """Acknowledged after its due date (the clock runs from the due date)."""


class Extended(NamedTuple):
    """The extension of the response clock."""

    amount: int | date
    """Days (of the extension rule's unit) or the date agreed with the requester."""
    rule: ClockRule


class Count(NamedTuple):
    """The response clock worked out under one set of readings."""

    receipt: Receipt
    misrouting: Misrouting | None
    start: date
    """Day 0 before any acknowledgement rule (after misrouting and the receipt-day reading)."""
    rule: ClockRule | None
    """The response clock in force (``None``: the law has none)."""
    acknowledgement: Acknowledgement | None
    clock_start: date
    """Day 0 of the response clock."""
    statutory_due: date | None
    raw_statutory: date | None
    """The statutory last day before a calendar-day clock rolls off a non-working day."""
    extension: Extended | None
    paused: Paused
    due: date | None
    raw_due: date | None
    """The last day before a calendar-day clock rolls off a non-working day."""
    warnings: tuple[str, ...]

    @property
    def received(self) -> date:
        """The receipt day as the law counts it."""
        return self.receipt.day


def count_response(case: Case) -> Count:
    """Every fact of the response clock of `case`."""
    got = receipt(case, case.received)
    start, misrouting = _day0(case, got)
    rule = _response_rule(case, got.day)
    ack = _acknowledgement(case, got.day, start, rule)
    warnings = []
    if case.first_received is not None and misrouting is None:
        law = case.law
        since = f" for requests received before {law.misrouting_since}" if law.misrouting else ""
        warnings.append(
            f"first_received is not used: {law.name} sets no time{since} for a request first "
            "sent to the wrong office, so the clock starts from received"
        )
    if ack is not None and ack.assumed:
        warnings.append(
            f"{case.law.name}'s clock runs from the acknowledgement; no date was given "
            "(acknowledged = DATE), so it is counted from receipt"
        )
    if rule is None or rule.days is None:
        return Count(
            got, misrouting, start, rule, ack, start, None, None, None, Paused(), None, None,
            tuple(warnings),
        )  # fmt: skip
    clock_from = start
    if rule.start == "acknowledged" and ack is not None and ack.start:
        clock_from = ack.start
    at = case.received.time if rule.unit == "hours" else None
    due, raw = span(case.calendar, clock_from, rule.days, rule.unit, rule.roll, at)
    ext_rule = case.law.clock("extension", got.day)
    value, granted = _extension_asked(case, ext_rule, ack)
    warnings.extend(granted)
    extended = _extension(case, value, ext_rule, due)

    def extend(base_due: date, base_raw: date, day0: date) -> tuple[date, date]:
        return _extend(case, extended, rule, ack, day0, base_due, base_raw)

    ext_due, ext_raw = extend(due, raw, clock_from)
    if case.request.tolls:
        paused = apply_pauses(case, rule, clock_from, ext_due, ext_raw, extend)
    else:
        paused = Paused(ext_due, ext_raw)
    return Count(
        receipt=got,
        misrouting=misrouting,
        start=start,
        rule=rule,
        acknowledgement=ack,
        clock_start=clock_from,
        statutory_due=due,
        raw_statutory=raw,
        extension=extended,
        paused=paused,
        due=paused.due,
        raw_due=paused.raw_due,
        warnings=(*warnings, *paused.warnings),
    )


def _response_rule(case: Case, received: date) -> ClockRule | None:
    """The response clock in force for the request (its track's, when it names one)."""
    request, law = case.request, case.law
    try:
        return law.clock("response", received, request.track)
    except KeyError:
        raise RequestError(
            f"{law.name} has no track {request.track!r}{suggest(str(request.track), law.track_names)}"
            f"; its tracks: {', '.join(law.track_names) or 'none'}",
            request_id=request.id,
            field="track",
        ) from None


def _day0(case: Case, got: Receipt) -> tuple[date, Misrouting | None]:
    """Day 0 before any acknowledgement rule: the receipt, moved by the misrouting cap and the
    receipt-day reading."""
    start = got.day
    misrouting = None
    if case.first_received is not None and case.law.misrouting_rule(got.day):
        first = receipt(case, case.first_received).day
        unit = case.settings.misrouted_unit
        if unit == "working":
            limit = case.calendar.add_working_days(first, 10)
        else:
            limit = first + timedelta(days=10)
        misrouting = Misrouting(first, limit, unit, applied=limit < start)
        start = min(start, limit)
    if case.settings.receipt_day_counts:
        # 43 CFR 2.16(a): the 20 workdays include the receipt date: day 0 is the day before.
        start -= timedelta(days=1)
    return start, misrouting


def _acknowledgement(
    case: Case, received: date, start: date, rule: ClockRule | None
) -> Acknowledgement | None:
    """The acknowledgement's facts, when the law sets a time for it or counts from it."""
    ack_rule = case.law.clock("acknowledgement", received)
    from_ack = rule is not None and rule.days is not None and rule.start == "acknowledged"
    given = case.request.acknowledged
    if ack_rule is None and given is None and not from_ack:
        return None
    due = None
    if ack_rule is not None and ack_rule.days is not None:
        due, _ = span(case.calendar, start, ack_rule.days, ack_rule.unit, ack_rule.roll)
    ack_start = given if due is None or given is None else min(given, due)
    if ack_start is None:
        ack_start = due
    assumed = from_ack and ack_start is None
    late = given is not None and due is not None and given > due
    return Acknowledgement(ack_rule, due, given, start if assumed else ack_start, assumed, late)


def _extension_asked(
    case: Case, rule: ClockRule | None, ack: Acknowledgement | None
) -> tuple[ExtensionValue, list[str]]:
    """The extension the request records or, where the law's extension `rule` (in force for the
    request) is `granted_by_acknowledgement`, the one a timely acknowledgement grants of itself
    (with a note saying so)."""
    value = case.request.extension
    timely = ack is not None and ack.given is not None and not ack.late
    if ack is not None and ack.late and rule is not None and rule.granted_by_acknowledgement:
        late = (
            f"the acknowledgement of {ack.given} came after it was due ({ack.due}): it gives "
            f"no more time ({rule.citation})"
        )
        return value, [late]
    if value is not None or not timely or rule is None or not rule.granted_by_acknowledgement:
        return value, []
    if rule.days is None:
        raise ExtensionError(
            f"a timely acknowledgement gives the agency more time, of no fixed length under the "
            f"law then in force ({rule.citation}): give the approximate date the acknowledgement "
            "stated as the extension date",
            request_id=case.request.id,
            field="acknowledged",
        )
    note = (
        f"{case.law.name}: a timely acknowledgement gives the agency up to {rule.describe()} "
        f"more from it ({rule.citation}); if it stated an approximate date, give that date as "
        "extension = DATE"
    )
    return True, [note]


def _extension(
    case: Case, value: ExtensionValue, rule: ClockRule | None, due: date
) -> Extended | None:
    """The extension the request records, checked against the law's extension `rule`."""
    if value is None:
        return None
    request = case.request

    def refuse(text: str) -> ExtensionError:
        return ExtensionError(text, request_id=request.id, field="extension")

    if rule is None:
        raise refuse("this law has no extension; remove the extension or set the jurisdiction")
    if isinstance(value, date):
        if value < due:
            raise refuse(
                f"the agreed date ({value}) is before the date the law already allows ({due}); an "
                "agreement can only give the agency more time (5 U.S.C. § 552(a)(6)(B)(ii)), so "
                "remove the extension or correct the date"
            )
        return Extended(value, rule)
    if value is True:
        if rule.days is None:
            raise refuse(
                f"the law sets no fixed length for an extension ({rule.citation}); "
                "give the number of days or the date the agency set"
            )
        return Extended(rule.days, rule)
    if rule.days is not None and value > rule.days:
        raise refuse(
            f"an extension of {amount_words(value, rule.unit)} is more than the {rule.days} the law allows by notice "
            f"({rule.citation}); a longer time needs the requester's agreement: give the agreed "
            "date instead (for example extension = 2019-03-01)"
        )
    return Extended(value, rule)


def _extend(
    case: Case,
    extended: Extended | None,
    rule: ClockRule,
    ack: Acknowledgement | None,
    day0: date,
    due: date,
    raw: date,
) -> tuple[date, date]:
    """The due date (and raw due) after the extension, counted from where its rule says: the
    acknowledgement, day 0, or the due date (the raw last day for calendar-day clocks)."""
    if extended is None:
        return due, raw
    if isinstance(extended.amount, date):
        return extended.amount, extended.amount
    anchor = _anchor(extended.rule, rule, ack, day0, due, raw)
    return span(
        case.calendar, anchor, extended.amount, extended.rule.unit, extended.rule.roll or rule.roll
    )


def _anchor(
    ext: ClockRule, rule: ClockRule, ack: Acknowledgement | None, day0: date, due: date, raw: date
) -> date:
    """Where an extension of so many days is counted from: the acknowledgement or day 0 when its
    rule says so; else the due date, or for a calendar-day clock the last day itself (before it
    rolls to a working day: Cal. Code Civ. Proc. § 12a counts each period on its own)."""
    if ext.start == "acknowledged" and ack is not None and ack.start is not None:
        return ack.start
    if ext.start == "received":
        return day0
    if ext.unit == "working" or rule.unit == "working":
        return due
    return raw


def extension_start(case: Case, count: Count) -> date | None:
    """The day the request's extension (of so many days) was counted from, as applied: after a
    pause that restarted the clock, from the restarted count."""
    ext, rule = count.extension, count.rule
    if ext is None or isinstance(ext.amount, date) or rule is None or rule.days is None:
        return None
    day0, due, raw = count.clock_start, count.statutory_due, count.raw_statutory
    if count.paused.restart is not None:
        day0 = count.paused.restart
        due, raw = span(case.calendar, day0, rule.days, rule.unit, rule.roll)
    assert due is not None and raw is not None
    return _anchor(ext.rule, rule, count.acknowledgement, day0, due, raw)


__all__ = ["Count", "Pause", "Unused", "count_response", "extension_start"]
