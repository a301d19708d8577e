"""Which calendar events a `Deadline` gives, with their SEQUENCE, whether they are cancelled or
provisional, and when their reminders ring. `as_ics` writes them; this module only decides.

Every clock is an event: the due date (or your target, under a law with no fixed time), the day
from which you may sue, the expedited-processing and acknowledgement dates, the law's further
dates, your last day to appeal, the appeal's decision date and the day you may sue over it,
each date the agency set for your reply, and the day your next follow-up letter is called for
(`Deadline.next_follow_up`).

**SEQUENCE** (RFC 5545 § 3.8.7.4) is derived from the facts recorded, never from stored state or
the clock, so the same file and ``--as-of`` always give the same calendar. It is the number of
recorded facts that can move or end that event's date:

* the agency's clocks (due, target, may sue, expedited, acknowledgement, further dates): the
  extension, the acknowledgement, each pause (1 when it begins, 1 more when it ends, 1 more when
  it is disputed), the response and a suit (`Request.litigation`);
* the last day to appeal: the response, whether it was adverse, the appeal itself and a suit;
* the appeal's decision date and may-sue date: the appeal's receipt when its filing was known
  first, its extension, its decision and a suit;
* a reply date: the reply;
* the next follow-up: the agency's facts above, each follow-up letter recorded and the agency's
  estimated date of completion.

Recording one of those facts therefore raises the SEQUENCE of every event it can move, and a
re-import replaces the event instead of adding a second one. Correcting a date you typed wrong
does not raise it (nothing in the data says it changed), and while a pause is open its date moves
each day under the same SEQUENCE: the DTSTAMP (the as-of day) then says which copy is newer.

**Cancelled**: a deadline that no longer applies (the due date of an answered request, the last
day to appeal once an appeal is recorded, a reply date once you replied, the agency's clocks and
the follow-up once a suit is filed, the follow-up once the agency answered) is written with
``STATUS:CANCELLED`` and its higher SEQUENCE for `GRACE_DAYS` after the fact that ended it, so a
calendar that imported it drops it; after that it is left out.

While a pause runs no follow-up is called for (the delay is lawful): the follow-up event is then
written cancelled, on the day the pause began, until the pause ends.

**Provisional**: while a pause is awaited, the due date is counted as if the answer reached the
agency on the as-of day; those events say so (``STATUS:TENTATIVE``).

**Reminders**: at `ALARM_HOUR` in the request's time zone the day before (first, since Outlook
keeps only the first), a week before for your own deadlines (time to write an appeal or a
reply), and on the day itself; a reminder that would ring before the as-of day is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ..models import Request, Toll
from ..results import Deadline, Status

GRACE_DAYS = 90
"""How long (calendar days after the fact that ended it) a cancelled event is still written."""

ALARM_HOUR = 9
"""The local hour (in the request's time zone) at which the reminders ring."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One event of one request."""

    which: str
    """What the event is, the second part of its UID (``due``, ``may-sue``, ``reply-1``...)."""
    day: date
    title: str
    sequence: int
    cancelled: bool = False
    provisional: str = ""
    """Why the date is provisional, in words ("" when it is not)."""
    mine: bool = False
    """A deadline of the requester's own (it gets a reminder a week before as well)."""


@dataclass(frozen=True, slots=True)
class Alarm:
    at: datetime
    """When it rings (UTC)."""
    text: str


def entries(d: Deadline) -> list[Entry]:
    """The events of one deadline, in a fixed order (the agency's clocks, then the appeal's,
    then the requester's, the next follow-up last)."""
    r = d.request
    name = f"{r.id} ({r.agency})" if r.agency else r.id
    out = [*_agency(d, name), *_appeal(d, name), *_replies(d, name)]
    follow_up = _follow_up(d, name)
    return out if follow_up is None else [*out, follow_up]


def _agency(d: Deadline, name: str) -> Iterator[Entry]:
    r = d.request
    seq = agency_facts(r)
    ended = _first(r.responded, r.litigation)
    provisional = _provisional(d)
    cancel = ended is not None
    if d.due is not None:
        yield Entry("due", d.due, f"FOIA due: {name}", seq, cancel, provisional)
    elif d.target is not None:
        title = f"FOIA target (not a legal deadline): {name}"
        yield Entry("target", d.target, title, seq, cancel, provisional)
    sue = _may_sue(d)
    if sue is not None:
        title = f"May sue (no determination in time): {name}"
        yield Entry("may-sue", sue, title, seq, cancel, provisional)
    if d.expedited_decision_due is not None:
        title = f"Expedited-processing decision due: {name}"
        yield Entry("expedited", d.expedited_decision_due, title, seq, cancel)
    if d.acknowledgement_due is not None:
        title = f"Acknowledgement due: {name}"
        ack_end = _first(ended, r.acknowledged)
        yield Entry("acknowledgement", d.acknowledgement_due, title, seq, ack_end is not None)
    for i, c in enumerate(d.other):
        if c.due is not None:
            yield Entry(
                f"other-{i + 1}", c.due, f"{c.label}: {name}", seq, r.litigation is not None
            )


def _appeal(d: Deadline, name: str) -> Iterator[Entry]:
    r = d.request
    suit = int(r.litigation is not None)
    if d.appeal_by is not None:
        seq = (r.responded is not None) + (r.adverse is not None) + (r.appeal is not None) + suit
        cancel = r.appeal is not None or r.litigation is not None
        title = f"Last day to appeal: {name}"
        yield Entry("appeal-by", d.appeal_by, title, seq, cancel, mine=True)
    a, clock = r.appeal, d.appeal
    if a is None or clock is None or clock.due is None:
        return
    seq = (a.received is not None and a.filed is not None) + (a.extension is not None)
    seq += (a.decided is not None) + suit
    cancel = a.decided is not None or r.litigation is not None
    yield Entry("appeal-due", clock.due, f"Appeal decision due: {name}", seq, cancel)
    if d.law.constructive_exhaustion:
        latest = clock.window.latest if clock.window is not None else clock.due
        sue = latest + timedelta(days=1)
        title = f"May sue (appeal not decided in time): {name}"
        yield Entry("appeal-may-sue", sue, title, seq, cancel)


def _replies(d: Deadline, name: str) -> Iterator[Entry]:
    for i, reply in enumerate(d.request.replies):
        if reply.asked is not None and reply.asked > d.as_of:
            continue  # not asked yet on the as-of day
        replied = reply.replied is not None and reply.replied <= d.as_of
        what = reply.about or "reply to the agency"
        title = f"Last day to reply ({what}): {name}"
        yield Entry(f"reply-{i + 1}", reply.by, title, int(replied), replied, mine=True)


def _follow_up(d: Deadline, name: str) -> Entry | None:
    """The day the next follow-up letter is called for; cancelled once the request is answered
    or in court (on that day) and while a pause runs (on the day it began)."""
    r = d.request
    if d.due is None:
        return None  # (no fixed time: no cadence)
    seq = agency_facts(r) + sum(x.kind == "follow-up" for x in r.letters)
    seq += r.estimated_completion is not None
    title = f"Send a follow-up letter: {name}"
    if d.next_follow_up is not None:
        return Entry("follow-up", d.next_follow_up, title, seq)
    toll = _running_toll(d)
    day = _first(r.responded, r.litigation) or (toll.start if toll is not None else None)
    return Entry("follow-up", day, title, seq, cancelled=True) if day is not None else None


def _running_toll(d: Deadline) -> Toll | None:
    """The pause the clock waits on as of the as-of day (``None`` when it is not paused)."""
    if d.status is not Status.PAUSED:
        return None
    return next((t for t in d.request.tolls if t.end is None and not t.disputed), None)


def agency_facts(r: Request) -> int:
    """The SEQUENCE of the agency's clocks: the recorded facts that can move or end them."""
    n = (r.extension is not None) + (r.acknowledged is not None) + (r.responded is not None)
    n += r.litigation is not None
    for t in r.tolls:
        n += 1 + (t.end is not None) + t.disputed
    return n


def ended_on(d: Deadline, e: Entry) -> date | None:
    """The day of the fact that cancelled `e` (``None``: it is not cancelled)."""
    if not e.cancelled:
        return None
    r = d.request
    if e.which.startswith("reply-"):
        return r.replies[int(e.which.split("-")[1]) - 1].replied
    if e.which == "appeal-by":
        return _first(r.appeal.filed or r.appeal.arrived if r.appeal else None, r.litigation)
    if e.which.startswith("appeal-"):
        return _first(r.appeal.decided if r.appeal else None, r.litigation)
    if e.which == "acknowledgement":
        return _first(r.responded, r.litigation, r.acknowledged)
    # (a follow-up cancelled while a pause runs has no end yet: it is shown until the pause ends)
    return _first(r.responded, r.litigation)


def shown(d: Deadline, e: Entry) -> bool:
    """Whether the event is written: always when it applies, for `GRACE_DAYS` once cancelled."""
    end = ended_on(d, e)
    return end is None or (d.as_of - end).days <= GRACE_DAYS


def alarms(d: Deadline, e: Entry) -> list[Alarm]:
    """The reminders of an event, most important first (none for a cancelled one)."""
    if e.cancelled:
        return []
    zone = ZoneInfo(d.settings.timezone)
    plan = [(1, f"Tomorrow: {e.title}")]
    if e.mine:
        plan.append((7, f"In a week: {e.title}"))
    plan.append((0, f"Today: {e.title}"))
    out = []
    for before, text in plan:
        day = e.day - timedelta(days=before)
        if day < d.as_of:
            continue
        local = datetime.combine(day, time(ALARM_HOUR), tzinfo=zone)
        out.append(Alarm(local.astimezone(timezone.utc), text))
    return out


def _may_sue(d: Deadline) -> date | None:
    """The day from which a suit may be filed without an appeal; while a pause is open or once
    the request is answered, the day it is (or would have been) from the due dates counted."""
    if d.may_sue_from is not None:
        return d.may_sue_from
    if not d.law.constructive_exhaustion or d.due is None:
        return None
    r = d.request
    if r.responded is None and r.litigation is None and d.status is not Status.PAUSED:
        return None
    latest = d.window.latest if d.window is not None else d.due
    return latest + timedelta(days=1)


def _provisional(d: Deadline) -> str:
    if d.status is not Status.PAUSED or d.request.litigation is not None:
        return ""
    toll = _running_toll(d)
    since = f" since {toll.start} ({toll.kind.value})" if toll is not None else ""
    return (
        f"Provisional: the clock is paused{since}. This date counts the pause as ending on "
        f"{d.as_of}; it moves later each day until the agency receives the answer."
    )


def _first(*days: date | None) -> date | None:
    """The earliest of the days given (``None`` if none is)."""
    known = [day for day in days if day is not None]
    return min(known) if known else None
