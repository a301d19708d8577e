"""The clock: request + jurisdiction rules + calendar -> `Deadline`, with the trail that explains it.

Pure functions; nothing here reads files or the environment (``as_of`` defaults to today in the
jurisdiction's own time zone, so the machine's time zone never matters).

Counting conventions (federal-foia.md § 2):

* Day 0 is the receipt date; day 1 is the first working day after it (DOJ OIP). A request received
  on a weekend therefore has the same due date as one received the Friday before.
* A pause ("toll") keeps the day the agency asks; the working days after it, up to and including
  the day the agency receives the answer, do not count (MuckRock's convention).
* Overdue from the day after the due date; dates are compared, not times.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from ._schema import ValueProblem
from .calendar import FIRST_YEAR, LAST_YEAR, Calendar, Policy, calendar_from_spec
from .errors import (
    DateOrderError,
    DateRangeError,
    ExtensionError,
    FoiaclockError,
    RequestError,
    TollError,
)
from .models import (
    VIA_VALUES,
    Appeal,
    AppealClock,
    ClockDate,
    Deadline,
    Extension,
    Options,
    Request,
    Status,
    Step,
    Toll,
    TollKind,
    Window,
    make,
)
from .rules import ClockRule, Jurisdiction, ReceiptRule, check_timezone, get_jurisdiction

#: EPA's deemed-receipt cut-off, the alternative for the contested ``cutoff`` option.
EPA_CUTOFF = time(17, 0)

#: The contested options: (value giving the earliest date, value giving the latest date, words).
#: Sources: federal-foia.md §§ 1-3.
_ALTERNATIVES: dict[str, tuple[str, str]] = {
    "observed": (
        "strict legal-holiday dates, no observed Friday/Monday (5 U.S.C. § 6103(a) read alone)",
        "observed holiday dates (5 U.S.C. § 6103(b), EO 11582)",
    ),
    "closures": (
        "executive-order closures counted as working days",
        "executive-order closures counted as non-working days (FRCP 6(a)(6)(B) by analogy)",
    ),
    "dc_area": (
        "Inauguration Day a working day (office outside the DC area)",
        "Inauguration Day a holiday (DC-area office, 5 U.S.C. § 6103(c))",
    ),
    "receipt_day_counts": (
        "the receipt day counted as day 1 (Interior, 43 CFR 2.16(a))",
        "day 1 is the first working day after receipt (DOJ OIP)",
    ),
    "cutoff": (
        "no receipt cut-off time",
        "received after the cut-off = received the next working day (EPA, 40 CFR 2.104(a)(2))",
    ),
    "saturday_shift": (
        "only a Sunday holiday moves (to the Monday after)",
        "a Saturday holiday is observed on the Friday before (as the holidays package has it)",
    ),
    "misrouted_unit": (
        '10 calendar days for a misrouted request (the statute says "ten days")',
        "10 working days for a misrouted request (DOJ; 32 CFR 286.8(a); 7 CFR 1.6(a))",
    ),
}

_ELECTRONIC = ("email", "fax")
_NO_RECEIPT_RULES = ReceiptRule()


_V = TypeVar("_V")

#: A memo keyed by identity: a key built from id() of some objects (a file's requests share their
#: Options and Jurisdiction objects, and hashing every field would cost more than the work saved),
#: mapped to (those objects, value).
IdentityMemo = dict[Hashable, tuple[object, _V]]


def _remember(
    memo: IdentityMemo[_V], key: Hashable, keep: object, value: _V, limit: int = 4096
) -> _V:
    """Store `value` under `key`, built from id() of the objects in `keep`. The entry keeps them
    alive, so while it exists no other object can have their ids: a look-up by the key alone is
    safe. Past `limit` entries the memo starts again."""
    if len(memo) > limit:
        memo.clear()
    memo[key] = (keep, value)
    return value


_VARIANTS: IdentityMemo[Options] = {}


def _with(opts: Options, *changes: tuple[str, object]) -> Options:
    """`opts` with some options changed (names from CONTESTABLE); variants are cached."""
    hit = _VARIANTS.get((id(opts), changes))
    if hit is not None:
        return hit[1]
    variant = replace(opts, **dict(changes))  # type: ignore[arg-type]
    return _remember(_VARIANTS, (id(opts), changes), opts, variant)


def _early_late(name: str, opts: Options) -> tuple[object, object]:
    if name == "receipt_day_counts":
        return True, False
    if name == "cutoff":
        return None, opts.cutoff or EPA_CUTOFF
    if name == "misrouted_unit":
        return "calendar", "working"
    return False, True


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def today(jurisdiction: str | Jurisdiction = "us") -> date:
    """Today in the jurisdiction's own time zone."""
    j = get_jurisdiction(jurisdiction)
    return datetime.now(_zone(j.timezone)).date()


_CALENDARS: dict[int, tuple[object, dict[tuple[object, ...], Calendar]]] = {}


#: The options that choose a calendar (the rest choose how to count on it).
_CALENDAR_OPTIONS = ("observed", "closures", "dc_area", "saturday_shift")


def _calendar_key(opts: Options, changes: Mapping[str, object] | None = None) -> tuple[bool, ...]:
    """The calendar options of `opts`, with `changes` applied, in `_CALENDAR_OPTIONS` order."""
    if not changes:
        return (opts.observed, opts.closures, opts.dc_area, opts.saturday_shift)
    return tuple(bool(changes.get(n, getattr(opts, n))) for n in _CALENDAR_OPTIONS)


def calendar_of(j: Jurisdiction, opts: Options) -> Calendar:
    """The calendar of `j` under `opts` (shared; looked up without hashing the whole spec)."""
    return _calendar_changed(j, opts, ())


#: (id(spec), id(opts), changes) -> calendar: the look-up counting does for every request and
#: variant.
_BY_IDENTITY: IdentityMemo[Calendar] = {}


def _calendar_changed(
    j: Jurisdiction, opts: Options, changes: tuple[tuple[str, object], ...]
) -> Calendar:
    """The calendar of `j` under `opts` with `changes` (option name, value) applied."""
    key = (id(j.calendar), id(opts), changes)
    hit = _BY_IDENTITY.get(key)
    if hit is not None:
        return hit[1]
    cal = _calendar_with_key(j, opts, _calendar_key(opts, dict(changes)))
    return _remember(_BY_IDENTITY, key, (j.calendar, opts), cal)


def _calendar_with_key(j: Jurisdiction, opts: Options, key: tuple[bool, ...]) -> Calendar:
    """The calendar of `j` with the calendar options `key` and `opts`' closed days."""
    spec = j.calendar
    entry = _CALENDARS.get(id(spec))
    if entry is None or entry[0] is not spec:
        entry = (spec, {})
        _CALENDARS[id(spec)] = entry
    full = (*key, opts.closed_days)
    cal = entry[1].get(full)
    if cal is None:
        observed, closures, dc_area, saturday_shift = key
        policy = Policy(
            observed=observed,
            closures=closures,
            dc_area=dc_area,
            saturday_shift=saturday_shift,
            closed_days=frozenset(opts.closed_days),
        )
        cal = entry[1][full] = calendar_from_spec(spec, policy, j.code)
    return cal


def _calendar_with(j: Jurisdiction, opts: Options, name: str, value: object) -> Calendar:
    """The calendar of `j` under `opts` with one calendar option changed."""
    return _calendar_changed(j, opts, ((name, value),))


# --------------------------------------------------------------------------------------------
# The core count


@dataclass
class _Count:
    """The response clock worked out under one set of options."""

    received: date  # receipt as the law counts it
    clock_start: date  # day 0
    rule: ClockRule | None
    ack_start: date | None
    ack_due: date | None
    statutory_due: date | None
    due: date | None
    raw_due: date | None  # before rolling a calendar-day last day forward
    extended: bool
    tolled_days: int
    open_toll: bool
    restart: date | None  # the day the clock started again (restart-mode toll)
    pauses: tuple[
        tuple[date, date, Toll], ...
    ]  # applied pauses: (first paused day - 1, last paused day)


class _Tracer:
    """Collects trail steps when explaining; a no-op otherwise."""

    def __init__(self, on: bool) -> None:
        self.on = on
        self.steps: list[Step] = []

    def add(
        self,
        kind: str,
        text: str,
        day: date | None = None,
        citation: str = "",
        number: int | None = None,
    ) -> None:
        if self.on:
            self.steps.append(Step(kind, text, day, number, citation))


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def fmt_day(d: date) -> str:
    """``Fri 2018-07-20``: locale-independent."""
    return f"{_WEEKDAYS[d.weekday()]} {d.isoformat()}"


def _local(
    value: date | datetime, opts: Options, field: str, request_id: str
) -> tuple[date, time | None]:
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise RequestError(
                "a date-time needs a time zone: give an offset (2024-05-01T17:30:00-04:00) "
                "or set the request's timezone",
                request_id=request_id,
                field=field,
            )
        local = value.astimezone(_zone(opts.timezone))
        return local.date(), local.time()
    return value, None


def _receipt(
    value: date | datetime,
    request: Request,
    j: Jurisdiction,
    opts: Options,
    cal: Calendar,
    tr: _Tracer,
    field: str,
) -> date:
    """The receipt date as the law counts it."""
    day, at = _local(value, opts, field, request.id)
    rules = j.receipt if j.receipt.since is None or day >= j.receipt.since else _NO_RECEIPT_RULES
    if at is not None and tr.on:
        tr.add("receipt", f"Received {fmt_day(day)} at {at.strftime('%H:%M')} {opts.timezone}", day)
    elif tr.on:
        tr.add("receipt", f"Received {fmt_day(day)}", day)
    cutoff = rules.cutoff or opts.cutoff
    if cutoff is not None and at is not None:
        # A deemed-receipt rule (EPA 40 CFR 2.104(a)(2); EEOC): after the cut-off, or on a day the
        # office is closed, the request counts as received the next working day. Rolling closed
        # days too keeps a later receipt from ever getting an earlier due date.
        source = rules.citation if rules.cutoff else _ALTERNATIVES["cutoff"][1]
        if at >= cutoff:
            new = cal.next_working_day(day)
            if tr.on:
                tr.add(
                    "receipt",
                    f"Received at or after {cutoff.strftime('%H:%M')}: counts as received {fmt_day(new)}",
                    new,
                    source,
                )
            day = new
        elif not cal.is_working_day(day):
            new = cal.next_working_day(day)
            if tr.on:
                tr.add(
                    "receipt",
                    f"Received on a non-working day: counts as received {fmt_day(new)}",
                    new,
                    source,
                )
            day = new
    if rules.electronic_next_day and request.via in _ELECTRONIC:
        new = cal.next_working_day(day)
        if tr.on:
            tr.add(
                "receipt",
                f"Sent by {request.via}: counts as received 1 working day later, {fmt_day(new)}",
                new,
                rules.citation,
            )
        day = new
    if rules.nonworking_next_day and not cal.is_working_day(day):
        new = cal.next_working_day(day)
        if tr.on:
            tr.add(
                "receipt",
                f"Received on a non-working day: counts as received {fmt_day(new)}",
                new,
                rules.citation,
            )
        day = new
    return day


def _count(
    cal: Calendar, start: date, days: int, unit: str, roll: bool, at: time | None = None
) -> tuple[date, date]:
    """(due, raw due): `days` `unit`s after day 0 = `start`."""
    if unit == "working":
        d = cal.add_working_days(start, days)
        return d, d
    if unit == "weeks":
        d = cal.add_working_days(start, 5 * days)
        return d, d
    if unit == "hours":
        hours_from = datetime.combine(start, at or time(0))
        raw = (hours_from + timedelta(hours=days)).date()
        if at is None and days % 24:
            raw = start + timedelta(days=-(-days // 24))
        return (cal.roll_forward(raw) if roll else raw), raw
    raw = start + timedelta(days=days)
    return (cal.roll_forward(raw) if roll else raw), raw


def _extension_days(
    ext: Extension, rule: ClockRule | None, request: Request, field: str = "extension"
) -> int | date | None:
    """The extension as a number of the rule's units, an agreed date, or None."""
    if ext is None or ext is False:
        return None
    if rule is None:
        raise ExtensionError(
            "this law has no extension; remove the extension or set the jurisdiction",
            request_id=request.id,
            field=field,
        )
    if isinstance(ext, date):
        return ext
    limit = rule.days
    if ext is True:
        if limit is None:
            raise ExtensionError(
                f"the law sets no fixed length for an extension ({rule.citation}); "
                "give the number of days or the date the agency set",
                request_id=request.id,
                field=field,
            )
        return limit
    n = int(ext)
    if n <= 0:
        raise ExtensionError(
            f"an extension of {n} days makes no sense; use a positive number, true, or a date",
            request_id=request.id,
            field=field,
        )
    if limit is not None and n > limit:
        unit = "working days" if rule.unit == "working" else f"{rule.unit} days"
        raise ExtensionError(
            f"an extension of {n} {unit} is more than the {limit} the law allows by notice "
            f"({rule.citation}); a longer time needs the requester's agreement: give the agreed "
            "date instead (for example extension = 2019-03-01)",
            request_id=request.id,
            field=field,
        )
    return n


def _run(
    request: Request,
    j: Jurisdiction,
    opts: Options,
    as_of: date,
    tr: _Tracer,
    warnings: list[str] | None,
) -> _Count:
    cal = calendar_of(j, opts)
    received = _receipt(request.received, request, j, opts, cal, tr, "received")
    start = received

    # Misrouted request: 5 U.S.C. § 552(a)(6)(A)(ii) flush text.
    if request.first_received is not None:
        first = _receipt(
            request.first_received, request, j, opts, cal, _Tracer(False), "first_received"
        )
        if opts.misrouted_unit == "working":
            limit = cal.add_working_days(first, 10)
        else:
            limit = first + timedelta(days=10)
        if limit < start:
            if tr.on:
                tr.add(
                    "rule",
                    f"First received by a designated component {fmt_day(first)}: the clock starts no later "
                    f"than 10 {opts.misrouted_unit} days after that, {fmt_day(limit)}",
                    limit,
                    "5 U.S.C. § 552(a)(6)(A)(ii)",
                )
            start = limit
        else:
            if tr.on:
                tr.add(
                    "note",
                    f"First received by a designated component {fmt_day(first)}; the proper component "
                    f"received it within 10 {opts.misrouted_unit} days, so its own receipt starts the clock",
                    first,
                    "5 U.S.C. § 552(a)(6)(A)(ii)",
                )

    if opts.receipt_day_counts:
        # 43 CFR 2.16(a): the 20 workdays include the receipt date: day 0 is the day before.
        start = start - timedelta(days=1)
        if tr.on:
            tr.add("option", "The receipt day counts as day 1 (43 CFR 2.16(a))", start)

    try:
        rule = j.clock("response", received, request.track)
    except KeyError:
        raise RequestError(
            f"{j.name} has no track {request.track!r}; its tracks: "
            f"{', '.join(j.track_names) or 'none'}",
            request_id=request.id,
            field="track",
        ) from None

    ack_rule = j.clock("acknowledgement", received)
    ack_due = None
    if ack_rule is not None and ack_rule.days is not None:
        ack_due, _ = _count(cal, start, ack_rule.days, ack_rule.unit, ack_rule.roll)
    ack_start = None
    if request.acknowledged is not None:
        ack_start = request.acknowledged if ack_due is None else min(request.acknowledged, ack_due)
    elif ack_due is not None:
        ack_start = ack_due

    count = _Count(
        received, start, rule, ack_start, ack_due, None, None, None, False, 0, False, None, ()
    )
    if rule is None or rule.days is None:
        return count

    at = _local(request.received, opts, "received", request.id)[1] if rule.unit == "hours" else None
    clock_from = start
    if rule.start == "acknowledged":
        if ack_start is None:
            # The law sets no time to acknowledge and no date was given: count from receipt, the
            # earliest the clock can run from, and say so.
            ack_start = count.ack_start = start
            msg = (
                f"{j.name}'s clock runs from the acknowledgement; no date was given "
                "(acknowledged = DATE), so it is counted from receipt"
            )
            if tr.on:
                tr.add("warning", msg, start)
            if warnings is not None:
                warnings.append(msg)
        clock_from = ack_start
        if (
            request.acknowledged is not None
            and ack_due is not None
            and request.acknowledged > ack_due
        ):
            if tr.on:
                tr.add(
                    "note",
                    f"Acknowledged {fmt_day(request.acknowledged)}, after its deadline {fmt_day(ack_due)}: "
                    "a late acknowledgement does not give the agency more time, so the clock runs from the deadline",
                    ack_due,
                )
        else:
            if tr.on:
                tr.add(
                    "rule",
                    f"The response clock runs from the acknowledgement, {fmt_day(clock_from)}",
                    clock_from,
                    ack_rule.citation if ack_rule else rule.citation,
                )
    count.clock_start = clock_from
    due, raw = _count(cal, clock_from, rule.days, rule.unit, rule.roll, at)
    count.statutory_due = due

    # Extension: § 552(a)(6)(B) for the federal clock; each law's own provision otherwise.
    ext_rule = j.clock("extension", received)
    ext = _extension_days(request.extension, ext_rule, request)

    def extend(base_due: date, base_raw: date) -> tuple[date, date]:
        if ext is None:
            return base_due, base_raw
        assert ext_rule is not None
        if isinstance(ext, date):
            return ext, ext
        anchor = base_raw
        if ext_rule.start == "acknowledged" and ack_start is not None:
            anchor = ack_start
        elif ext_rule.start == "received":
            anchor = clock_from
        elif ext_rule.unit == "working" or rule.unit == "working":
            anchor = base_due
        return _count(cal, anchor, ext, ext_rule.unit, ext_rule.roll or rule.roll)

    if isinstance(ext, date) and ext < due:
        raise ExtensionError(
            f"the agreed date ({ext}) is before the date the law already allows ({due}); an "
            "agreement can only give the agency more time (5 U.S.C. § 552(a)(6)(B)(ii)), so "
            "remove the extension or correct the date",
            request_id=request.id,
            field="extension",
        )
    due, raw = extend(due, raw)
    count.extended = ext is not None

    # Pauses, in the order they began.
    paused_until: date | None = None
    pauses: list[tuple[date, date, Toll]] = []
    # (The recorded facts were checked by `_check_facts` before any count.)
    for toll in sorted(request.tolls, key=lambda t: t.start):
        if toll.disputed:
            msg = (
                f"Pause from {fmt_day(toll.start)} recorded as disputed: it does not stop the clock"
            )
            if tr.on:
                tr.add("toll", msg, toll.start)
            continue
        trule = j.toll_rule(toll.kind)
        if trule is None:
            msg = (
                f"{j.name} provides no pause for a {toll.kind.value} request; the pause from "
                f"{toll.start} is shown but does not stop the clock"
            )
            if tr.on:
                tr.add("warning", msg, toll.start)
            if warnings is not None:
                warnings.append(msg)
            continue
        if toll.start > due:
            msg = (
                f"the pause from {toll.start} began after the deadline ({due}) had passed; "
                "it cannot stop a clock that has run out"
            )
            if tr.on:
                tr.add("warning", msg[0].upper() + msg[1:], toll.start)
            if warnings is not None:
                warnings.append(msg[0].upper() + msg[1:])
            continue
        end = toll.end
        if end is None:
            count.open_toll = True
            end = max(as_of, toll.start)
        if trule.mode == "restart":
            if tr.on:
                tr.add(
                    "toll",
                    f"Clock stopped {fmt_day(toll.start)} ({toll.kind.value} request); it starts again "
                    f"from day 0 when the answer arrives, {fmt_day(end)}",
                    toll.start,
                    trule.citation,
                )
            count.restart = end
            clock_from = end
            due, raw = _count(cal, end, rule.days, rule.unit, rule.roll)
            due, raw = extend(due, raw)
            paused_until = end
            pauses.append((toll.start, end, toll))
            continue
        first = toll.start if paused_until is None else max(toll.start, paused_until)
        first = max(first, clock_from)
        if end <= first:
            continue
        if rule.unit in ("working", "weeks"):
            n = cal.working_days_between(first, end)
            due = cal.add_working_days(due, n)
            raw = due
        else:
            n = (end - first).days
            raw = raw + timedelta(days=n)
            due = cal.roll_forward(raw) if rule.roll else raw
        count.tolled_days += n
        paused_until = end
        pauses.append((first, end, toll))
        if tr.on:
            tr.add(
                "toll",
                f"Paused {fmt_day(toll.start)} ({toll.kind.value} request; that day still counts) until "
                f"the agency received the answer {fmt_day(end)}"
                + (" (still awaited: counted to today)" if toll.end is None else "")
                + f": {n} {'working ' if rule.unit in ('working', 'weeks') else ''}day{'s' if n != 1 else ''} not counted",
                toll.start,
                trule.citation,
            )
    count.due = due
    count.raw_due = raw
    count.pauses = tuple(pauses)
    return count


# --------------------------------------------------------------------------------------------


def _status(
    cal: Calendar, due: date | None, answered: date | None, as_of: date, soon: int, paused: bool
) -> tuple[Status, int | None, int | None]:
    """(status, working days left, calendar days left). Once the due date has passed the working
    days are at most -1, even when only a weekend has gone by: late is late."""
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


def _window_core(
    opts: Options,
    names: list[str],
    due: date,
    due_of: Callable[[dict[str, object]], date | None],
    prunable: Callable[[str, object, date], bool],
) -> Window | None:
    """The earliest and latest due dates over the contested options `names`, and what moves
    each end.

    `due_of(changes)` is the due date with some options changed (None if that variant cannot be
    computed, for example outside the covered years: it is then left out). Each end applies every
    option's alternative at once; an option is credited with an end when it moves the date on its
    own or when the end is not reached without it. `prunable(name, value, end)` may say that a
    calendar option cannot change any date up to `end` (its calendar has the same working days
    over the whole span), which saves the runs.
    """
    if not names:
        return None
    ends: list[tuple[date, tuple[str, ...]]] = []
    for live in _alternatives(opts, names):
        side = len(ends)
        end = (due_of(live) or due) if live else due
        if (side == 0 and end > due) or (side == 1 and end < due):
            end = due  # cannot happen with nested calendars; kept honest rather than assumed
        if end == due:
            ends.append((due, ()))
            continue
        span_end = max(end, due)
        live = {n: v for n, v in live.items() if not prunable(n, v, span_end)}
        if len(live) == 1:
            ends.append((end, tuple(live)))
            continue
        by = []
        for n, v in live.items():
            alone = due_of({n: v})
            without = due_of({m: w for m, w in live.items() if m != n})
            if (alone is not None and alone != due) or (without is not None and without != end):
                by.append(n)
        ends.append((end, tuple(by) or ("together",)))
    (e, e_by), (lt, l_by) = ends
    return make(
        Window,
        earliest=e,
        latest=lt,
        earliest_by=_words(e_by, 0),
        latest_by=_words(l_by, 1),
        earliest_options=e_by,
        latest_options=l_by,
    )


def _alternatives(opts: Options, names: list[str]) -> tuple[dict[str, object], dict[str, object]]:
    """For the earliest and the latest end: the options among `names` whose alternative value
    differs from `opts`', with that value. (Memoised by identity: a file's requests share their
    options; the dicts are only read.)"""
    key = (id(opts), tuple(names))
    hit = _ALTERNATIVES_OF.get(key)
    if hit is not None:
        return hit[1]
    sides: list[dict[str, object]] = []
    for side in (0, 1):
        live: dict[str, object] = {}
        for n in names:
            value = _early_late(n, opts)[side]
            if getattr(opts, n) != value:
                live[n] = value
        sides.append(live)
    return _remember(_ALTERNATIVES_OF, key, opts, (sides[0], sides[1]))


_ALTERNATIVES_OF: IdentityMemo[tuple[dict[str, object], dict[str, object]]] = {}


@functools.cache
def _words(by: tuple[str, ...], side: int) -> tuple[str, ...]:
    return tuple(
        "the contested options together" if n == "together" else _ALTERNATIVES[n][side] for n in by
    )


def _pruner(j: Jurisdiction, opts: Options, start: date) -> Callable[[str, object, date], bool]:
    """`prunable` for `_window_core`: a calendar option whose calendar has exactly the working
    days of the chosen one between `start` and the end cannot change anything in that span (the
    non-working-day sets are nested, so equal counts mean equal days)."""
    cal = calendar_of(j, opts)

    def prunable(name: str, value: object, end: date) -> bool:
        if name not in _CALENDAR_OPTIONS:
            return False
        alt = _calendar_with(j, opts, name, value)
        try:
            return alt.working_days_between(start, end) == cal.working_days_between(start, end)
        except FoiaclockError:
            return False

    return prunable


def _window(
    request: Request, j: Jurisdiction, opts: Options, as_of: date, count: _Count
) -> Window | None:
    """The window for any request: each variant is a full run of the clock."""
    due = count.due
    assert due is not None
    names = [n for n in j.contested if _matters(n, request)]
    first = _local(request.received, opts, "received", request.id)[0]
    if request.first_received is not None:
        first = min(first, _local(request.first_received, opts, "first_received", request.id)[0])

    def due_of(changes: dict[str, object]) -> date | None:
        try:
            variant = _with(opts, *changes.items())
            return _run(request, j, variant, as_of, _Tracer(False), None).due
        except FoiaclockError:
            return None

    return _window_core(opts, names, due, due_of, _pruner(j, opts, first - timedelta(days=2)))


def _simple_total(request: Request, j: Jurisdiction, count: _Count) -> int | None:
    """For a request whose due date is just "N working days after day 0" under every contested
    variant, that N; otherwise None. Such a request has no pauses, no misrouting, no time of day,
    no receipt rule, a working-day (or week) clock from receipt and at most a working-day
    extension added to the due date. Then each variant's due date is one index look-up."""
    rule = count.rule
    if (
        rule is None
        or rule.days is None
        or request.tolls
        or request.first_received is not None
        or isinstance(request.received, datetime)
        or rule.unit not in ("working", "weeks")
        or rule.start != "received"
        or j.receipt.nonworking_next_day
        or (j.receipt.electronic_next_day and request.via in _ELECTRONIC)
    ):
        return None
    total = rule.days * (5 if rule.unit == "weeks" else 1)
    ext = request.extension
    if ext is None or ext is False:
        return total
    ext_rule = j.clock("extension", count.received)
    if (
        ext_rule is None
        or isinstance(ext, date)
        or ext_rule.unit != "working"
        or ext_rule.start != "due"
    ):
        return None
    return total + (ext_rule.days or 0 if ext is True else int(ext))


def _window_simple(
    request: Request, j: Jurisdiction, opts: Options, count: _Count, total: int
) -> Window | None:
    """`_window` for a request `_simple_total` accepts: each variant is one index look-up.

    (cutoff and misrouted_unit cannot matter: such a request has no time and no misrouting.)
    """
    due = count.due
    assert due is not None
    # A pure function of these: memoised, since a file's requests share few combinations.
    key = (
        id(j.calendar),
        j.contested,
        opts.observed,
        opts.closures,
        opts.dc_area,
        opts.saturday_shift,
        opts.receipt_day_counts,
        opts.closed_days,
        count.received,
        total,
    )
    hit = _SIMPLE_WINDOWS.get(key)
    if hit is not None:
        return hit[1]
    names = [n for n in j.contested if n in _CALENDAR_OPTIONS or n == "receipt_day_counts"]
    prune = _pruner(j, opts, count.received - timedelta(days=2))
    window = _window_core(opts, names, due, _closed_form(j, opts, count.received, total), prune)
    return _remember(_SIMPLE_WINDOWS, key, j.calendar, window, limit=50_000)


_SIMPLE_WINDOWS: IdentityMemo[Window | None] = {}


def _closed_form(
    j: Jurisdiction, opts: Options, day0: date, total: int
) -> Callable[[dict[str, object]], date | None]:
    """due_of for a clock that is `total` working days from `day0` under every variant."""
    before = day0 - timedelta(days=1)

    def due_of(changes: dict[str, object]) -> date | None:
        rdc = changes.get("receipt_day_counts", opts.receipt_day_counts)
        try:
            cal = _calendar_changed(j, opts, tuple(changes.items()))
            return cal.add_working_days(before if rdc else day0, total)
        except FoiaclockError:
            return None

    return due_of


def _never(name: str, value: object, end: date) -> bool:
    return False


def _matters(name: str, request: Request) -> bool:
    if name == "cutoff":
        return isinstance(request.received, datetime) or isinstance(
            request.first_received, datetime
        )
    if name == "misrouted_unit":
        return request.first_received is not None
    return True


def resolve_options(request: Request, j: Jurisdiction) -> Options:
    return request.options if request.options is not None else j.options


def _check_order(request: Request, received: date) -> None:
    def bad(field: str, text: str) -> DateOrderError:
        return DateOrderError(text, request_id=request.id, field=field)

    if request.responded is not None and request.responded < received:
        raise bad(
            "responded",
            f"the response ({request.responded}) is dated before the request was received ({received})",
        )
    if request.acknowledged is not None and request.acknowledged < received:
        raise bad(
            "acknowledged",
            f"the acknowledgement ({request.acknowledged}) is dated before receipt ({received})",
        )
    if request.first_received is not None:
        first = (
            request.first_received.date()
            if isinstance(request.first_received, datetime)
            else request.first_received
        )
        if first > received:
            raise bad(
                "first_received",
                f"first_received ({first}) is after received ({received}); first_received is the first "
                "receipt by any component, so it cannot be later",
            )
    if request.target_days is not None and request.target_days < 0:
        raise bad("target_days", "target_days must be 0 or more")
    appeal = request.appeal
    if appeal is not None:
        if appeal.received is None and appeal.filed is None:
            raise bad("appeal", "an appeal needs the date it was received (or at least filed)")
        arrived = appeal.received or appeal.filed
        assert arrived is not None
        if arrived < received:
            raise bad(
                "appeal.received",
                f"the appeal ({arrived}) is dated before the request was received ({received})",
            )
        if (
            appeal.filed is not None
            and appeal.received is not None
            and appeal.received < appeal.filed
        ):
            raise bad(
                "appeal.received",
                f"the appeal was received ({appeal.received}) before it was filed ({appeal.filed})",
            )
        if request.responded is not None and arrived < request.responded:
            raise bad(
                "appeal.received" if appeal.received else "appeal.filed",
                f"the appeal ({arrived}) is dated before the response it appeals "
                f"({request.responded})",
            )
        if appeal.decided is not None and appeal.decided < arrived:
            raise bad(
                "appeal.decided",
                f"the appeal decision ({appeal.decided}) is dated before the appeal ({arrived})",
            )


def _appeal_clock(
    request: Request,
    appeal: Appeal,
    j: Jurisdiction,
    cal: Calendar,
    received: date,
    as_of: date,
    soon: int,
    tr: _Tracer,
    warnings: list[str],
    exhaustion: bool,
    opts: Options,
) -> AppealClock:
    arrived = appeal.received or appeal.filed
    assert arrived is not None
    if appeal.received is None and tr.on:
        tr.add(
            "note",
            f"Appeal: receipt date unknown; the filing date {fmt_day(arrived)} is used",
            arrived,
        )
    rule = j.clock("appeal", received)
    if rule is None or rule.days is None:
        msg = f"{j.name} sets no time for deciding an appeal"
        if tr.on:
            tr.add("note", msg)
        status = Status.ANSWERED if appeal.decided else Status.NO_DEADLINE
        return AppealClock(arrived, arrived, None, status, None, None)
    due, _ = _count(cal, arrived, rule.days, rule.unit, rule.roll)
    if tr.on:
        tr.add(
            "rule",
            f"Appeal received {fmt_day(arrived)}: decision due in {rule.describe()}, {fmt_day(due)}",
            due,
            rule.citation,
        )
    extended = False
    if appeal.extension not in (None, False):
        limit = rule.extension_days
        if limit is None:
            raise ExtensionError(
                "this law has no extension of the appeal clock",
                request_id=request.id,
                field="appeal.extension",
            )
        n = limit if appeal.extension is True else int(appeal.extension)
        if not 0 < n <= limit:
            raise ExtensionError(
                f"an appeal extension of {n} days: the law allows 1 to {limit} ({rule.citation})",
                request_id=request.id,
                field="appeal.extension",
            )
        due, _ = _count(cal, due, n, rule.unit, rule.roll)
        extended = True
        if tr.on:
            tr.add(
                "extension",
                f"Appeal clock extended by {n} {rule.unit} days: due {fmt_day(due)}",
                due,
                rule.citation,
            )
    status, left, _ = _status(cal, due, appeal.decided, as_of, soon, False)
    may_sue: date | None = None
    if exhaustion:
        # Judicial review once the appeal is decided, or from the day after a missed decision date.
        late = due + timedelta(days=1)
        may_sue = appeal.decided if appeal.decided is not None and appeal.decided <= due else late
    window = None
    if rule.unit in ("working", "weeks"):
        total = cal.working_days_between(arrived, due)
        names = [n for n in j.contested if n in _CALENDAR_OPTIONS or n == "receipt_day_counts"]
        window = _window_core(opts, names, due, _closed_form(j, opts, arrived, total), _never)
        if tr.on and window is not None and window.is_wide:
            for label, end, words in (
                ("earliest", window.earliest, window.earliest_by),
                ("latest", window.latest, window.latest_by),
            ):
                if words:
                    tr.add(
                        "option",
                        f"Appeal decision due at the {label} {fmt_day(end)}, with "
                        + " and ".join(words),
                        end,
                    )
    return AppealClock(arrived, arrived, due, status, left, may_sue, extended, window)


def _bad(field: str, text: str, request: Request) -> RequestError:
    return RequestError(text, request_id=request.id, field=field)


def _plain_date(value: object, field: str, request: Request, optional: bool = True) -> None:
    if value is None and optional:
        return
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _bad(field, f"must be a date (like 2024-05-01), not {value!r}", request)


def _validated(request: Request, j: Jurisdiction) -> tuple[Request, Options]:
    """Check the types and ranges of a request's fields (so that nothing raises anything but a
    FoiaclockError), normalising the harmless variants: ``extension=0`` means none, a toll kind
    given as a string, closed days as a list, a cut-off as ``"17:00"``."""
    if not isinstance(request, Request):
        raise FoiaclockError(f"compute() takes a Request, not {type(request).__name__}")
    changes: dict[str, object] = {}
    for name in ("received", "first_received"):
        value = getattr(request, name)
        if value is None and name == "first_received":
            continue
        if not isinstance(value, date):
            raise _bad(name, f"must be a date or a date-time, not {value!r}", request)
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise DateRangeError(
                f"request {request.id!r}, {name}: {value} is outside the years foiaclock covers "
                f"({FIRST_YEAR} to {LAST_YEAR})"
            )
    for name in ("acknowledged", "responded"):
        value = getattr(request, name)
        if value is not None and type(value) is not date:
            _plain_date(value, name, request)
    ext = request.extension
    if isinstance(ext, datetime) or not (ext is None or isinstance(ext, (bool, int, date))):
        raise _bad(
            "extension",
            f"must be true, a number of days or an agreed date, not {ext!r}",
            request,
        )
    if type(ext) is int and ext == 0:
        changes["extension"] = None
    tolls: list[Toll] = []
    for i, toll in enumerate(request.tolls):
        field = f"toll {i + 1}"
        if not isinstance(toll, Toll):
            raise _bad(field, f"must be a Toll, not {toll!r}", request)
        _plain_date(toll.start, f"{field}: start", request, optional=False)
        _plain_date(toll.end, f"{field}: end", request)
        kind: object = toll.kind  # typed loosely: callers may pass a plain string
        if not isinstance(kind, TollKind):
            try:
                kind = TollKind(kind)
            except ValueError:
                raise _bad(
                    f"{field}: kind", f'must be "information" or "fee", not {kind!r}', request
                ) from None
            toll = replace(toll, kind=kind)
        tolls.append(toll)
    if tolls and any(a is not b for a, b in zip(tolls, request.tolls, strict=True)):
        changes["tolls"] = tuple(tolls)  # (a plain-string kind compares equal: check identity)
    appeal = request.appeal
    if appeal is not None:
        if not isinstance(appeal, Appeal):
            raise _bad("appeal", f"must be an Appeal, not {appeal!r}", request)
        for name in ("received", "filed", "decided"):
            _plain_date(getattr(appeal, name), f"appeal.{name}", request)
        ae = appeal.extension
        if not (ae is None or isinstance(ae, (bool, int))) or isinstance(ae, date):
            raise _bad(
                "appeal.extension", f"must be true or a number of working days, not {ae!r}", request
            )
    if request.via is not None and request.via not in VIA_VALUES:
        raise _bad("via", f"must be one of {', '.join(VIA_VALUES)}, not {request.via!r}", request)
    if request.target_days is not None and (
        isinstance(request.target_days, bool) or not isinstance(request.target_days, int)
    ):
        raise _bad("target_days", f"must be a whole number, not {request.target_days!r}", request)
    if changes:
        request = replace(request, **changes)  # type: ignore[arg-type]
    opts = resolve_options(request, j)
    if id(opts) in _CHECKED_OPTIONS:
        return request, opts
    request, fixed = _validated_options(request, opts)
    if fixed is opts:  # valid as given, and immutable (lists and strings were normalised away)
        _remember(_CHECKED_OPTIONS, id(opts), opts, True)
    return request, fixed


#: id(options) -> True for the options found valid as given, checked once.
_CHECKED_OPTIONS: IdentityMemo[bool] = {}


def _validated_options(request: Request, opts: object) -> tuple[Request, Options]:
    """`_validated` for `opts`, the request's options: the request with the normalised options
    (`request` itself when nothing changed), and those options."""
    if not isinstance(opts, Options):
        raise _bad("options", f"must be an Options, not {opts!r}", request)
    fixes: dict[str, object] = {}
    closed: object = opts.closed_days
    if not isinstance(closed, tuple):
        try:
            fixes["closed_days"] = tuple(sorted(closed))  # type: ignore[call-overload]
        except TypeError:
            raise _bad("closed_days", "must be a list of dates", request) from None
    for d in fixes.get("closed_days", opts.closed_days):  # type: ignore[attr-defined]
        _plain_date(d, "closed_days", request, optional=False)
    cutoff: object = opts.cutoff
    if isinstance(cutoff, str):
        try:
            fixes["cutoff"] = time.fromisoformat(cutoff) if cutoff.strip() else None
        except ValueError:
            raise _bad("cutoff", f'must be a time like "17:00", not {cutoff!r}', request) from None
    elif cutoff is not None and not isinstance(cutoff, time):
        raise _bad("cutoff", f'must be a time like "17:00", not {cutoff!r}', request)
    if opts.misrouted_unit not in ("working", "calendar"):
        raise _bad("misrouted_unit", 'must be "working" or "calendar"', request)
    try:
        check_timezone(opts.timezone, "timezone")
    except ValueProblem as exc:
        raise _bad("timezone", exc.message.split(": ", 1)[-1], request) from None
    if fixes:
        opts = replace(opts, **fixes)  # type: ignore[arg-type]
        request = replace(request, options=opts)
    return request, opts


def _check_facts(request: Request, j: Jurisdiction, arrived: date) -> None:
    """The checks on recorded facts that do not depend on the as-of date: pauses that start
    before the request arrived, end before they start or repeat a once-only kind, and appeal
    extensions past the law's limit. (`arrived`: the local receipt date, before receipt rules.)"""
    used: set[TollKind] = set()
    for i, toll in enumerate(sorted(request.tolls, key=lambda t: t.start)):
        field = f"toll {i + 1}"
        if toll.end is not None and toll.end < toll.start:
            raise TollError(
                f"the pause ends ({toll.end}) before it starts ({toll.start}); the end is the day "
                "the agency received the requester's answer",
                request_id=request.id,
                field=field,
            )
        if toll.start < arrived:
            raise TollError(
                f"the pause starts ({toll.start}) before the request was received ({arrived})",
                request_id=request.id,
                field=field,
            )
        rule = j.toll_rule(toll.kind)
        if toll.disputed or rule is None:
            continue
        if rule.once and toll.kind in used:
            raise TollError(
                f"a second {toll.kind.value}-request pause: the law allows the agency only one "
                f"({rule.citation}), so it cannot stop the clock. Remove it, change its kind if it "
                "was about fees, or keep it on record as disputed (disputed = true in a requests file)",
                request_id=request.id,
                field=field,
            )
        used.add(toll.kind)
    appeal = request.appeal
    if appeal is not None and appeal.extension not in (None, False, True):
        day = request.received
        on = day.date() if isinstance(day, datetime) else day
        clock = j.clock("appeal", on)
        limit = clock.extension_days if clock is not None else None
        n = int(appeal.extension)
        if limit is None or not 0 < n <= limit:
            allowed = f"1 to {limit} ({clock.citation})" if clock is not None and limit else "none"
            raise ExtensionError(
                f"an appeal extension of {n} days: the law allows {allowed}",
                request_id=request.id,
                field="appeal.extension",
            )


def _known_on(request: Request, as_of: date) -> tuple[Request, list[str]]:
    """The request as it stood on `as_of`: a response, an appeal or its decision dated later had
    not happened yet, a pause that began later had not begun, and one whose answer came later was
    still running. Returns it with a note for each fact set aside."""
    changes: dict[str, object] = {}
    notes: list[str] = []
    if request.responded is not None and request.responded > as_of:
        changes["responded"] = None
        changes["adverse"] = None
        notes.append(f"the response of {request.responded} is after the as-of date: not counted")
    tolls = []
    for toll in request.tolls:
        if toll.start > as_of:
            notes.append(f"the pause from {toll.start} is after the as-of date: not counted")
            continue
        if toll.end is not None and toll.end > as_of:
            toll = replace(toll, end=None)
        tolls.append(toll)
    if len(tolls) != len(request.tolls) or any(
        a is not b for a, b in zip(tolls, request.tolls, strict=False)
    ):
        changes["tolls"] = tuple(tolls)
    appeal = request.appeal
    if appeal is not None:
        arrived = appeal.received or appeal.filed
        if (arrived is not None and arrived > as_of) or "responded" in changes:
            changes["appeal"] = None
            notes.append("the appeal is after the as-of date: not counted")
        elif appeal.decided is not None and appeal.decided > as_of:
            changes["appeal"] = replace(appeal, decided=None)
    if not changes:
        return request, notes
    return replace(request, **changes), notes  # type: ignore[arg-type]


def _appeal_of(
    request: Request,
    j: Jurisdiction,
    cal: Calendar,
    count: _Count,
    as_of: date,
    soon: int,
    opts: Options,
    tr: _Tracer,
    warnings: list[str],
) -> AppealClock:
    """The appeal clock of `request` (which has an appeal), for `compute` and for the trail."""
    assert request.appeal is not None
    return _appeal_clock(
        request,
        request.appeal,
        j,
        cal,
        count.received,
        as_of,
        soon,
        tr,
        warnings,
        bool(j.constructive_exhaustion),
        opts,
    )


def compute(
    request: Request,
    as_of: date | None = None,
    *,
    soon: int = 5,
    jurisdictions: Mapping[str, Jurisdiction] | None = None,
) -> Deadline:
    """Work out every clock of `request` as of `as_of` (default: today in the jurisdiction's zone).

    `soon` is the due-soon threshold in working days. `jurisdictions` holds user-defined ones.
    Raises a `FoiaclockError` subclass when the request's facts contradict each other or the law.
    """
    j = get_jurisdiction(request.jurisdiction, jurisdictions)
    request, opts = _validated(request, j)
    if as_of is None:
        as_of = datetime.now(_zone(j.timezone)).date()
    elif isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise FoiaclockError(f"as_of must be a date (like 2024-05-01), not {as_of!r}")
    arrived = _local(request.received, opts, "received", request.id)[0]
    _check_order(request, arrived)
    _check_facts(request, j, arrived)
    request, not_yet = _known_on(request, as_of)
    if soon < 0:
        raise FoiaclockError("the due-soon threshold must be 0 or more working days")
    warnings: list[str] = []
    cal = calendar_of(j, opts)
    warnings.extend(not_yet)
    count = _run(request, j, opts, as_of, _Tracer(False), warnings)

    due = count.due
    window = None
    if due is not None:
        total = _simple_total(request, j, count)
        if total is not None:
            window = _window_simple(request, j, opts, count, total)
        else:
            window = _window(request, j, opts, as_of, count)
    status, left, cal_left = _status(cal, due, request.responded, as_of, soon, count.open_toll)

    target = None
    target_left = None
    if due is None and request.target_days is not None:
        target = cal.add_working_days(count.clock_start, request.target_days)
        target_left = cal.working_days_between(as_of, target)

    exhaustion = bool(j.constructive_exhaustion)
    may_sue = None
    if exhaustion and due is not None and not count.open_toll and request.responded is None:
        may_sue = due + timedelta(days=1)

    fees_barred: bool | None = None
    if j.fee_consequence and due is not None:
        end = request.responded or as_of
        # (viii)(II)(aa): with a timely unusual-circumstances notice the limit is the extended one
        # (`due` includes the extension); (bb): the 5,000-page exception needs that notice too.
        excepted = request.fee_exception and count.extended
        fees_barred = end > due and not excepted and not count.open_toll
        if request.fee_exception and not count.extended:
            warnings.append(
                "the 5,000-page fee exception applies only after a timely unusual-circumstances "
                "notice (an extension); without one, fees are barred once the deadline is missed"
            )

    appeal_by = None
    aw = j.clock("appeal_window", count.received)
    if request.responded is not None and request.adverse and aw is not None and aw.days is not None:
        appeal_by, _ = _count(cal, request.responded, aw.days, aw.unit, aw.roll)

    appeal = None
    if request.appeal is not None:
        appeal = _appeal_of(request, j, cal, count, as_of, soon, opts, _Tracer(False), warnings)
        if appeal_by is not None and appeal.received > appeal_by:
            warnings.append(
                f"the appeal ({appeal.received}) came after the last day to appeal ({appeal_by})"
            )

    expedited_due = None
    ex = j.clock("expedited", count.received)
    if request.expedited and ex is not None and ex.days is not None:
        expedited_due, _ = _count(cal, count.received, ex.days, ex.unit, ex.roll)

    ack_due = count.ack_due

    others = []
    for rule in j.other:
        if rule.days is None:
            others.append(ClockDate(rule.label, None, rule.citation, rule.standard or rule.note))
            continue
        anchor: date | None = count.clock_start
        if rule.start == "acknowledged":
            anchor = count.ack_start
        elif rule.start == "response":
            anchor = request.responded
        elif rule.start == "due":
            anchor = due
        d = _count(cal, anchor, rule.days, rule.unit, rule.roll)[0] if anchor else None
        others.append(ClockDate(rule.label, d, rule.citation, rule.note))

    if opts.closed_days and due is not None:
        listed = [d for d in opts.closed_days if count.clock_start < d <= due and d.weekday() < 5]
        if listed:
            warnings.append(
                "the due date counts "
                + ", ".join(d.isoformat() for d in listed)
                + " as non-working because you listed them as closed days (the law does not)"
            )

    def explain() -> tuple[Step, ...]:
        return _explain(
            request,
            j,
            opts,
            as_of,
            count,
            window,
            status,
            may_sue,
            fees_barred,
            appeal_by,
            appeal,
            expedited_due,
            soon,
        )

    return make(
        Deadline,
        request=request,
        jurisdiction=j.code,
        as_of=as_of,
        received=count.received,
        clock_start=count.clock_start,
        due=due,
        statutory_due=count.statutory_due,
        window=window,
        status=status,
        days_left=left,
        calendar_days_left=cal_left,
        may_sue_from=may_sue,
        search_fees_barred=fees_barred,
        appeal_by=appeal_by,
        appeal=appeal,
        expedited_decision_due=expedited_due,
        acknowledgement_due=ack_due,
        target=target,
        target_days_left=target_left,
        other=tuple(others),
        extended=count.extended,
        tolled_days=count.tolled_days,
        warnings=tuple(warnings),
        _explain=explain,
    )


def _explain(
    request: Request,
    j: Jurisdiction,
    opts: Options,
    as_of: date,
    count: _Count,
    window: Window | None,
    status: Status,
    may_sue: date | None,
    fees_barred: bool | None,
    appeal_by: date | None,
    appeal: AppealClock | None,
    expedited_due: date | None,
    soon: int,
) -> tuple[Step, ...]:
    tr = _Tracer(True)
    cal = calendar_of(j, opts)
    rule = count.rule
    tr.add("rule", f"{j.name}: {j.law}", citation=j.citation)
    if rule is not None and rule.fixed:
        tr.add("rule", f"Decision due in {rule.describe()}", citation=rule.citation)
    elif rule is not None:
        tr.add("rule", f"No fixed time for a decision: {rule.describe()}", citation=rule.citation)
    warnings: list[str] = []
    _run(request, j, opts, as_of, tr, warnings)  # receipt, misrouting, pauses: in order
    head = [st for st in tr.steps]
    tr.steps = []
    if rule is None or rule.days is None or count.due is None:
        tr.steps = head
        tr.add(
            "note",
            f"The law sets no fixed time: {rule.standard if rule else 'no clock'}",
            citation=rule.citation if rule else "",
        )
        if count.due is None and request.target_days is not None:
            target = cal.add_working_days(count.clock_start, request.target_days)
            tr.add(
                "note",
                f"Your target ({request.target_days} working days, not a legal deadline): {fmt_day(target)}",
                target,
            )
        return tuple(tr.steps)

    # Pause steps go where they happened, among the days; the rest of the head comes first.
    toll_steps = sorted(
        (st for st in head if st.kind == "toll" and st.day), key=lambda st: st.day or date.min
    )
    tr.steps = [st for st in head if not (st.kind == "toll" and st.day)]
    tr.add("start", f"Day 0: {fmt_day(count.clock_start)}", count.clock_start)

    def flush_tolls(upto: date) -> None:
        while toll_steps and (toll_steps[0].day or date.min) <= upto:
            tr.steps.append(toll_steps.pop(0))

    paused: dict[date, Toll] = {}
    for first, end, toll in count.pauses:
        d = first + timedelta(days=1)
        while d <= end:
            paused[d] = toll
            d += timedelta(days=1)
    base = rule.days * (5 if rule.unit == "weeks" else 1)
    d = count.clock_start if count.restart is None else count.restart
    if count.restart is not None:
        tr.add("toll", f"Clock restarted: day 0 is {fmt_day(d)}", d)
    n = 0
    working_unit = rule.unit in ("working", "weeks")
    last = count.due
    while d < last:
        d += timedelta(days=1)
        flush_tolls(d - timedelta(days=1))
        if d in paused:
            why = cal.reason(d)
            text = f"{fmt_day(d)}: paused ({paused[d].kind.value} request)"
            if why is not None:
                text = f"{fmt_day(d)}: {why.name}, during the pause"
            tr.add("skip", text, d)
            continue
        if working_unit:
            why = cal.reason(d)
            if why is not None:
                tr.add("skip", f"{fmt_day(d)}: {why.name}", d, why.source)
                continue
        elif count.raw_due is not None and d > count.raw_due:
            continue  # calendar days past the last day: only the roll forward, said below
        n += 1
        label = f"day {n}"
        if count.extended and n > base and working_unit:
            label += " (extension)"
        tr.add("count", f"{fmt_day(d)}: {label}", d, number=n)
    flush_tolls(date.max)
    if not working_unit and count.raw_due is not None and count.raw_due != count.due:
        why = cal.reason(count.raw_due)
        tr.add(
            "skip",
            f"The last day, {fmt_day(count.raw_due)}, is not a working day"
            + (f" ({why.name})" if why else "")
            + f": the deadline moves to {fmt_day(count.due)}",
            count.raw_due,
            rule.citation,
        )
    if count.extended:
        ext_rule = j.clock("extension", count.received)
        ext = request.extension
        if isinstance(ext, date):
            tr.add(
                "extension",
                f"New date agreed with the requester: {fmt_day(ext)}",
                ext,
                ext_rule.citation if ext_rule else "",
            )
        else:
            days = ext_rule.days if ext is True and ext_rule else ext
            tr.add(
                "extension",
                f"Extended by {days} {ext_rule.unit if ext_rule else ''} days from {fmt_day(count.statutory_due or count.due)}",
                count.due,
                ext_rule.citation if ext_rule else "",
            )
    tr.add("due", f"Due {fmt_day(count.due)}", count.due, rule.citation)
    if window is not None:
        for name in j.contested:
            if not _matters(name, request):
                continue
            lo, hi = _early_late(name, opts)
            cur = getattr(opts, name)
            for alt, words in ((lo, _ALTERNATIVES[name][0]), (hi, _ALTERNATIVES[name][1])):
                if alt == cur:
                    continue
                alt_due = _run(
                    request, j, _with(opts, (name, alt)), as_of, _Tracer(False), None
                ).due
                if alt_due is None:
                    continue
                effect = "no change" if alt_due == count.due else f"due {fmt_day(alt_due)}"
                tr.add("option", f"With {words}: {effect}", alt_due)
        if window.is_wide:
            tr.add(
                "option",
                f"Window: {fmt_day(window.earliest)} to {fmt_day(window.latest)}",
                window.latest,
            )
    for w in warnings:
        tr.add("warning", w)
    if may_sue is not None:
        tr.add(
            "rule",
            f"If no determination by the due date, the requester may sue from {fmt_day(may_sue)} "
            "without an administrative appeal (constructive exhaustion)",
            may_sue,
            j.constructive_exhaustion,
        )
    if request.responded is not None:
        tr.add("note", f"Answered {fmt_day(request.responded)}: {status.value}", request.responded)
        if count.due is not None and request.responded > count.due and j.constructive_exhaustion:
            tr.add(
                "note",
                "After a late response the requester generally must appeal before suing "
                "(Oglesby v. U.S. Dep't of the Army, 920 F.2d 57 (D.C. Cir. 1990))",
                citation="Oglesby v. U.S. Dep't of the Army, 920 F.2d 57",
            )
    if fees_barred:
        tr.add(
            "rule",
            "The time limit was missed: the agency may not charge search fees (duplication fees for "
            "news-media, educational and scientific requesters). A flag, not legal advice",
            citation=j.fee_consequence,
        )
    elif request.fee_exception and j.fee_consequence:
        tr.add(
            "note",
            "Fees not barred: more than 5,000 pages and 3+ attempts to narrow",
            citation="5 U.S.C. § 552(a)(4)(A)(viii)(II)(bb)",
        )
    if appeal_by is not None and not cal.is_working_day(appeal_by):
        tr.add(
            "note",
            f"The last day to appeal, {fmt_day(appeal_by)}, is not a working day; the law does not "
            "move it, so file by the working day before to be safe",
            appeal_by,
        )
    if appeal_by is not None:
        aw = j.clock("appeal_window", count.received)
        tr.add(
            "rule",
            f"Last day to appeal the adverse determination: {fmt_day(appeal_by)}",
            appeal_by,
            aw.citation if aw else "",
        )
    if appeal is not None:
        sub = _Tracer(True)
        _appeal_of(request, j, cal, count, as_of, soon, opts, sub, [])
        tr.steps.extend(sub.steps)
    if expedited_due is not None:
        ex = j.clock("expedited", count.received)
        tr.add(
            "rule",
            f"Decision on expedited processing due {fmt_day(expedited_due)}",
            expedited_due,
            ex.citation if ex else "",
        )
    return tuple(tr.steps)


def due_date(
    received: date | datetime,
    *,
    jurisdiction: str = "us",
    extension: Extension = None,
    tolls: tuple[Toll, ...] | list[Toll] = (),
    first_received: date | datetime | None = None,
    acknowledged: date | None = None,
    track: str | None = None,
    via: str | None = None,
    **options: object,
) -> date:
    """The due date of a request received on `received` (a shortcut for `compute(...).due`).

    `options` are `Options` fields (``observed``, ``closures``, ``dc_area``, ``receipt_day_counts``,
    ``cutoff``, ``misrouted_unit``, ``closed_days``, ``timezone``) overriding the jurisdiction's
    defaults. Raises `FoiaclockError` when the law sets no fixed deadline.
    """
    j = get_jurisdiction(jurisdiction)
    unknown = set(options) - set(Options.__dataclass_fields__)
    if unknown:
        raise TypeError(f"due_date() got unknown options: {', '.join(sorted(unknown))}")
    if "closed_days" in options:
        options["closed_days"] = tuple(options["closed_days"])  # type: ignore[arg-type]
    opts = replace(j.options, **options)  # type: ignore[arg-type]
    request = Request(
        received=received,
        jurisdiction=j.code,
        extension=extension,
        tolls=tuple(tolls),
        first_received=first_received,
        acknowledged=acknowledged,
        track=track,
        via=via,  # type: ignore[arg-type]
        options=opts,
    )
    # Every fact given counts: "as of" the latest date among them.
    facts = [received.date() if isinstance(received, datetime) else received]
    for toll in tolls:
        facts.extend(d for d in (toll.start, toll.end) if isinstance(d, date))
    if isinstance(extension, date):
        facts.append(extension)
    if isinstance(acknowledged, date):
        facts.append(acknowledged)
    result = compute(request, as_of=max(facts))
    if result.due is None:
        raise FoiaclockError(f"{j.name} sets no fixed deadline ({j.summary()})")
    return result.due
