"""iCalendar: one all-day event per deadline, for a calendar application, with reminders.

UIDs are derived from the request id and which deadline it is (never from the time of export),
and SEQUENCE from the facts that moved the date (`ics_events` gives the rule), so importing a new
export updates the events of the last one instead of duplicating them; a deadline that no longer
applies is written as a cancelled event for a while, so it disappears from the calendar too.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ..results import Deadline
from . import Report, ics_events, rows
from .ics_events import Entry, alarms, ended_on, entries, shown

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def uid(request_id: str, which: str) -> str:
    """``<id>.<which>@foiaclock``, the id percent-encoded as UTF-8 bytes: distinct ids always
    give distinct UIDs (foia_1 and foia中1 too), and the same id the same UID on every export."""
    safe = "".join(
        ch if not _UNSAFE.match(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in request_id
    )
    return f"{safe}.{which}@foiaclock"


def events(d: Deadline) -> list[tuple[str, date, str]]:
    """(which, day, title) for every deadline of one request still in force (the cancelled
    ones left out; `ics_events.entries` has them all)."""
    return [(e.which, e.day, e.title) for e in entries(d) if not e.cancelled]


class IcsFormat:
    name = "ics"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        from icalendar import Calendar

        cal = Calendar()
        cal.add("prodid", "-//foiaclock//foiaclock//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", f"FOIA deadlines: {report.path}")
        stamp = datetime(
            report.as_of.year, report.as_of.month, report.as_of.day, tzinfo=timezone.utc
        )
        for d in report.deadlines:
            for e in entries(d):
                if shown(d, e):
                    cal.add_component(_event(report, d, e, stamp))
        if not cal.subcomponents:
            # RFC 5545 § 3.6 wants at least one component: an inert UTC time zone, so that a
            # calendar of nothing (every request filtered out) is still a valid file.
            cal.add_component(_utc_zone())
        data: bytes = cal.to_ical()
        return data.decode("utf-8")


def _event(report: Report, d: Deadline, e: Entry, stamp: datetime) -> Any:
    from icalendar import Event

    r = d.request
    ev = Event()
    ev.add("uid", uid(r.id, e.which))
    ev.add("dtstamp", stamp)
    ev.add("sequence", e.sequence)
    ev.add("dtstart", e.day)
    ev.add("dtend", e.day + timedelta(days=1))
    title = e.title
    if e.cancelled:
        title = f"Cancelled: {title}"
    elif e.provisional:
        title = f"Provisional (paused): {title}"
    ev.add("summary", title)
    ev.add("status", "CANCELLED" if e.cancelled else "TENTATIVE" if e.provisional else "CONFIRMED")
    ev.add("description", "\n".join(_lines(report, d, e)))
    ev.add("transp", "TRANSPARENT")
    for alarm in alarms(d, e):
        ev.add_component(_alarm(alarm))
    return ev


def _lines(report: Report, d: Deadline, e: Entry) -> list[str]:
    r = d.request
    lines = []
    if e.cancelled:
        lines.append(f"No longer applies: {_why_cancelled(d, e)}")
    if e.provisional:
        lines.append(e.provisional)
    lines.append(f"Status as of {report.as_of}: {rows.current_status(d).value}")
    if e.which == "due" and d.window is not None and d.window.is_wide:
        lines.append(f"Window: {d.window.earliest} to {d.window.latest}")
    if r.subject:
        lines.append(f"Subject: {r.subject}")
    if r.tracking:
        lines.append(f"Tracking: {r.tracking}")
    if r.case:
        lines.append(f"Case: {r.case}")
    note = rows.note(d)
    if note:
        lines.append(note)
    lines.extend(f"Warning: {w}" for w in d.warnings)
    lines.append(f"foiaclock explain {report.path} {r.id}")
    return lines


def _why_cancelled(d: Deadline, e: Entry) -> str:
    r = d.request
    day = ended_on(d, e)
    if r.litigation is not None and day == r.litigation:
        return f"a suit was filed on {day}"
    if e.which.startswith("reply-"):
        return f"you replied on {day}"
    if e.which == "appeal-by":
        return f"the appeal was filed on {day}"
    if e.which.startswith("appeal-"):
        return f"the appeal was decided on {day}"
    if e.which == "acknowledgement" and day == r.acknowledged:
        return f"the agency acknowledged the request on {day}"
    if e.which == "follow-up" and day is None:
        return (
            f"the clock is paused since {e.day} (a lawful delay): no follow-up is called for "
            "until the pause ends"
        )
    return f"the agency answered on {day}"


def _alarm(alarm: ics_events.Alarm) -> Any:
    from icalendar import Alarm

    valarm = Alarm()
    valarm.add("action", "DISPLAY")
    valarm.add("description", alarm.text)
    # An absolute DATE-TIME in UTC (RFC 5545 § 3.8.6.3): the hour in the request's time zone,
    # wherever the calendar is read (a relative trigger would ring in the reader's zone).
    valarm.add("trigger", alarm.at, parameters={"VALUE": "DATE-TIME"})
    return valarm


def _utc_zone() -> Any:
    from icalendar import Timezone, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", "UTC")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(0))
    standard.add("tzoffsetto", timedelta(0))
    zone.add_component(standard)
    return zone
