"""iCalendar: one all-day event per deadline, for a calendar application.

UIDs are derived from the request id and which deadline it is (never from the time of export),
so importing a new export replaces the events of the last one instead of duplicating them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ..results import Deadline
from . import Report, rows

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
    """(which, day, title) for every deadline of one request."""
    r = d.request
    name = f"{r.id} ({r.agency})" if r.agency else r.id
    out: list[tuple[str, date, str]] = []
    if d.due is not None:
        out.append(("due", d.due, f"FOIA due: {name}"))
    elif d.target is not None:
        out.append(("target", d.target, f"FOIA target (not a legal deadline): {name}"))
    if d.expedited_decision_due is not None:
        out.append(
            ("expedited", d.expedited_decision_due, f"Expedited-processing decision due: {name}")
        )
    if d.acknowledgement_due is not None:
        out.append(("acknowledgement", d.acknowledgement_due, f"Acknowledgement due: {name}"))
    if d.appeal_by is not None:
        out.append(("appeal-by", d.appeal_by, f"Last day to appeal: {name}"))
    if d.appeal is not None and d.appeal.due is not None:
        out.append(("appeal-due", d.appeal.due, f"Appeal decision due: {name}"))
    for i, c in enumerate(d.other):
        if c.due is not None:
            out.append((f"other-{i + 1}", c.due, f"{c.label}: {name}"))
    for i, reply in enumerate(d.request.replies):
        if reply.replied is None:
            what = reply.about or "reply to the agency"
            out.append((f"reply-{i + 1}", reply.by, f"Last day to reply ({what}): {name}"))
    return out


class IcsFormat:
    name = "ics"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", "-//foiaclock//foiaclock//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", f"FOIA deadlines: {report.path}")
        stamp = datetime(
            report.as_of.year, report.as_of.month, report.as_of.day, tzinfo=timezone.utc
        )
        for d in report.deadlines:
            r = d.request
            status = rows.current_status(d)
            for which, day, title in events(d):
                ev = Event()
                ev.add("uid", uid(r.id, which))
                ev.add("dtstamp", stamp)
                ev.add("dtstart", day)
                ev.add("dtend", day + timedelta(days=1))
                ev.add("summary", title)
                lines = [f"Status as of {report.as_of}: {status.value}"]
                if which == "due" and d.window is not None and d.window.is_wide:
                    lines.append(f"Window: {d.window.earliest} to {d.window.latest}")
                if r.subject:
                    lines.append(f"Subject: {r.subject}")
                if r.tracking:
                    lines.append(f"Tracking: {r.tracking}")
                note = rows.note(d)
                if note:
                    lines.append(note)
                lines.extend(f"Warning: {w}" for w in d.warnings)
                lines.append(f"foiaclock explain {report.path} {r.id}")
                ev.add("description", "\n".join(lines))
                ev.add("transp", "TRANSPARENT")
                cal.add_component(ev)
        if not cal.subcomponents:
            # RFC 5545 § 3.6 wants at least one component: an inert UTC time zone, so that a
            # calendar of nothing (every request filtered out) is still a valid file.
            cal.add_component(_utc_zone())
        data: bytes = cal.to_ical()
        return data.decode("utf-8")


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
