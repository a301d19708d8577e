"""A request made ready to count (a `Case`): its law's settings resolved, its receipt read in its
time zone, its facts checked against each other and the law, and the facts of later days set
aside.

This is the one place where a request's facts are checked against each other; the types of its
fields were checked when it was made (`foiaclock.models`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import NamedTuple
from zoneinfo import ZoneInfo

from ..calendar import Calendar, CalendarSpec
from ..errors import DateOrderError, ExtensionError, TollError
from ..law import Jurisdiction
from ..models import Request, Settings, Toll, TollKind
from .calendars import calendar_of


class Moment(NamedTuple):
    """A receipt in the request's time zone: the day, and the time when one was given."""

    day: date
    time: time | None = None


class Case(NamedTuple):
    """One request, ready to count."""

    request: Request
    """As it stood on `as_of`, its date-times carrying their time zone."""
    law: Jurisdiction
    settings: Settings
    as_of: date
    spec: CalendarSpec
    """The law's calendar in force on the receipt day (`Jurisdiction.calendar_on`)."""
    calendar: Calendar
    received: Moment
    first_received: Moment | None
    set_aside: tuple[str, ...]
    """A note for each fact dated after `as_of` (not known yet on that day), and for each fact
    that changes nothing (a pause inside another one)."""


def open_case(request: Request, law: Jurisdiction, as_of: date) -> Case:
    """`request` under `law`, as of `as_of`. Raises `RequestError` when its facts contradict
    each other or the law."""
    settings = law.defaults.updated(request.options)
    zone = ZoneInfo(settings.timezone)
    request = _zoned(request, zone)
    received = _local(request.received, zone)
    first = _local(request.first_received, zone) if request.first_received else None
    _check_order(request, received.day)
    _check_facts(request, law, received.day)
    spec = law.calendar_on(received.day)
    known, set_aside = _known_on(request, as_of)
    if received.day > as_of:
        set_aside.insert(
            0,
            f"the request was received on {received.day}, after the as-of date {as_of}: the "
            "status is as of a day before it arrived",
        )
    set_aside.extend(_overlapping(known))
    return Case(
        request=known,
        law=law,
        settings=settings,
        as_of=as_of,
        spec=spec,
        calendar=calendar_of(spec, settings),
        received=received,
        first_received=first,
        set_aside=tuple(set_aside),
    )


def _zoned(request: Request, zone: ZoneInfo) -> Request:
    """Date-times without an offset are read in the request's time zone."""
    received, first = request.received, request.first_received
    if not isinstance(received, datetime) and not isinstance(first, datetime):
        return request  # (days only: nothing to read in a zone)
    changes: dict[str, object] = {}
    for name, value in (("received", received), ("first_received", first)):
        if isinstance(value, datetime) and value.utcoffset() is None:
            changes[name] = value.replace(tzinfo=zone)
    return replace(request, **changes) if changes else request  # type: ignore[arg-type]


def local_day(value: date | datetime, zone: str) -> date:
    """The day of `value` in the time zone named `zone` (a date-time without an offset is
    already local)."""
    if not isinstance(value, datetime):
        return value
    if value.utcoffset() is None:
        return value.date()
    return value.astimezone(ZoneInfo(zone)).date()


def _local(value: date | datetime, zone: ZoneInfo) -> Moment:
    if isinstance(value, datetime):
        local = value.astimezone(zone)
        return Moment(local.date(), local.time())
    return Moment(value)


def _check_order(request: Request, received: date) -> None:
    """Dates that cannot come before the receipt (`received`: the local receipt day)."""

    def bad(field: str, text: str) -> DateOrderError:
        return DateOrderError(text, request_id=request.id, field=field)

    if request.responded is not None and request.responded < received:
        raise bad(
            "responded",
            f"the response ({request.responded}) is dated before the request was received "
            f"({received})",
        )
    if request.litigation is not None and request.litigation < received:
        raise bad(
            "litigation",
            f"the suit ({request.litigation}) is dated before the request was received "
            f"({received})",
        )
    if request.acknowledged is not None and request.acknowledged < received:
        raise bad(
            "acknowledged",
            f"the acknowledgement ({request.acknowledged}) is dated before receipt ({received})",
        )
    if request.postmarked is not None and request.postmarked > received:
        raise bad(
            "postmarked",
            f"the postmark ({request.postmarked}) is after the request was received ({received}): "
            "a request cannot arrive before it is mailed",
        )
    first = request.first_received
    first_day = first.date() if isinstance(first, datetime) else first
    if first_day is not None and first_day > received:
        raise bad(
            "first_received",
            f"first_received ({first_day}) is after received ({received}); first_received is the "
            "first receipt by any component, so it cannot be later",
        )
    _check_letters(request, received, first_day)
    appeal = request.appeal
    if appeal is not None:
        field = "appeal.received" if appeal.received else "appeal.filed"
        if appeal.arrived < received:
            raise bad(
                field,
                f"the appeal ({appeal.arrived}) is dated before the request was received "
                f"({received})",
            )
        if request.responded is not None and appeal.arrived < request.responded:
            raise bad(
                field,
                f"the appeal ({appeal.arrived}) is dated before the response it appeals "
                f"({request.responded})",
            )


def _check_letters(request: Request, received: date, first: date | None) -> None:
    """The letters sent and the agency's estimate: none before the request arrived (for a
    misrouted request, before its first receipt: `first`)."""
    edc = request.estimated_completion
    if edc is not None and edc < received:
        raise DateOrderError(
            f"the estimated date of completion ({edc}) is before the request was received "
            f"({received})",
            request_id=request.id,
            field="estimated_completion",
        )
    earliest = min(received, first) if first is not None else received
    for i, sent in enumerate(request.letters):
        if sent.sent < earliest:
            raise DateOrderError(
                f"the {sent.kind} letter ({sent.sent}) is dated before the request was received "
                f"({earliest})",
                request_id=request.id,
                field=f"letter {i + 1}",
            )


def _check_facts(request: Request, law: Jurisdiction, received: date) -> None:
    """The recorded facts the law does not allow: a pause before the request arrived, a second
    once-only pause, an appeal extension past the law's limit. Pauses are named ``toll N``, N
    their place in `Request.tolls`."""
    if request.tolls:
        _check_tolls(request, law, received)
    _check_appeal_extension(request, law, received)


def _check_tolls(request: Request, law: Jurisdiction, received: date) -> None:
    """The pauses, in date order: none before the receipt, a once-only kind at most once."""
    used: set[TollKind] = set()
    for i, toll in sorted(enumerate(request.tolls), key=lambda it: it[1].start):
        field = f"toll {i + 1}"
        if toll.start < received:
            raise TollError(
                f"the pause starts ({toll.start}) before the request was received ({received})",
                request_id=request.id,
                field=field,
            )
        rule = law.toll_rule(toll.kind, received)
        if toll.disputed or rule is None:
            continue
        if rule.once and toll.kind in used:
            raise TollError(
                f"a second {toll.kind.value}-request pause: the law allows the agency only one "
                f"({rule.citation}), so it cannot stop the clock. Remove it, change its kind if it "
                "was about fees, or keep it on record as disputed (disputed = true in a requests "
                "file)",
                request_id=request.id,
                field=field,
            )
        used.add(toll.kind)


def _overlapping(request: Request) -> list[str]:
    """A note for each pause that starts while an earlier one still runs: the days they share
    count once, so it changes nothing for those days."""
    notes: list[str] = []
    if len(request.tolls) < 2:
        return notes
    running: Toll | None = None
    for toll in sorted((t for t in request.tolls if not t.disputed), key=lambda t: t.start):
        if running is not None and (running.end is None or toll.start < running.end):
            until = "still open" if running.end is None else f"to {running.end}"
            notes.append(
                f"the pause from {toll.start} starts inside the pause from {running.start} "
                f"({until}): the days they share are paused once"
            )
        if running is None or (
            running.end is not None and (toll.end is None or toll.end > running.end)
        ):
            running = toll
    return notes


def _check_appeal_extension(request: Request, law: Jurisdiction, received: date) -> None:
    appeal = request.appeal
    if appeal is None or appeal.extension is None:
        return
    clock = law.clock("appeal", received)
    limit = clock.extension_days if clock is not None else None
    if appeal.extension is True:
        if limit is None:
            raise ExtensionError(
                "this law has no extension of the appeal clock",
                request_id=request.id,
                field="appeal.extension",
            )
        return
    n = appeal.extension
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
    if request.litigation is not None and request.litigation > as_of:
        changes["litigation"] = None
        notes.append(f"the suit of {request.litigation} is after the as-of date: not counted")
    if request.tolls:
        tolls = []
        for toll in request.tolls:
            if toll.start > as_of:
                notes.append(f"the pause from {toll.start} is after the as-of date: not counted")
                continue
            later_end = toll.end is not None and toll.end > as_of
            tolls.append(replace(toll, end=None) if later_end else toll)
        if tolls != list(request.tolls):
            changes["tolls"] = tuple(tolls)
    if request.letters:
        sent = tuple(x for x in request.letters if x.sent <= as_of)
        for later in (x for x in request.letters if x.sent > as_of):
            notes.append(
                f"the {later.kind} letter of {later.sent} is after the as-of date: not counted"
            )
        if len(sent) != len(request.letters):
            changes["letters"] = sent
    appeal = request.appeal
    if appeal is not None:
        if appeal.arrived > as_of or "responded" in changes:
            changes["appeal"] = None
            notes.append("the appeal is after the as-of date: not counted")
        elif appeal.decided is not None and appeal.decided > as_of:
            changes["appeal"] = replace(appeal, decided=None)
    return (replace(request, **changes) if changes else request), notes  # type: ignore[arg-type]
