"""JSON: a stable contract for programs. Every key is always present (``null`` when it does not
apply); dates are ISO 8601 (``2018-08-17``). Keys are only ever added, never renamed, removed or
given another meaning (a program that reads the keys it knows keeps working); `schema_version`
changes if one ever is. Added in version 1: ``next_follow_up`` (2026-12)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..dates import day_text, iso
from ..results import AppealClock, Deadline, Status, Window
from . import SCHEMA_VERSION, Report, rows


def window_dict(window: Window | None, due: date | None) -> dict[str, Any] | None:
    """A due date's window; a single day (the due date itself) when nothing is contested.
    (Tuples are written as JSON arrays.)"""
    if window is not None:
        return {
            "earliest": day_text(window.earliest),
            "latest": day_text(window.latest),
            "earliest_by": window.earliest_by,
            "latest_by": window.latest_by,
            "earliest_options": window.earliest_options,
            "latest_options": window.latest_options,
        }
    if due is not None:
        day = day_text(due)
        return {
            "earliest": day,
            "latest": day,
            "earliest_by": (),
            "latest_by": (),
            "earliest_options": (),
            "latest_options": (),
        }
    return None


def deadline_dict(d: Deadline, head: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every date the engine gives for one request, as JSON-ready values, after the keys of
    `head` (when given: it is filled in and returned)."""
    r = d.request
    a = d.appeal
    received = r.received
    due = d.due
    status = d.status
    out = {} if head is None else head
    out.update(
        {
            "jurisdiction": d.jurisdiction,
            "jurisdiction_reason": d.jurisdiction_reason,
            "as_of": day_text(d.as_of),
            "received": day_text(d.received),
            "received_at": received.isoformat() if isinstance(received, datetime) else None,
            "first_received": iso(r.first_received),
            "clock_start": iso(d.clock_start),
            "due": iso(due),
            "statutory_due": iso(d.statutory_due),
            "window": window_dict(d.window, due),
            "status": status.value,
            "days_left": d.days_left,
            "calendar_days_left": d.calendar_days_left,
            "current_status": d.current_status.value,
            "current_due": iso(d.current_due),
            "extended": d.extended,
            "tolled_days": d.tolled_days,
            "paused": status is Status.PAUSED,
            "responded": iso(r.responded),
            "litigation": iso(r.litigation),
            "case": r.case,
            "may_sue_from": iso(d.may_sue_from),
            "search_fees_barred": d.search_fees_barred,
            "appeal_by": iso(d.appeal_by),
            "appeal": None if a is None else _appeal_dict(a),
            "requester": [
                {
                    "kind": c.kind,
                    "label": c.label,
                    "due": day_text(c.due),
                    "status": c.status.value,
                    "days_left": c.days_left,
                    "citation": c.citation,
                }
                for c in d.requester
            ],
            "expedited_decision_due": iso(d.expedited_decision_due),
            "acknowledgement_due": iso(d.acknowledgement_due),
            "target": iso(d.target),
            "target_days_left": d.target_days_left,
            "other": [
                {"label": c.label, "due": iso(c.due), "citation": c.citation, "note": c.note}
                for c in d.other
            ],
            "warnings": d.warnings,
            "next_follow_up": iso(d.next_follow_up),
        }
    )
    return out


def _appeal_dict(a: AppealClock) -> dict[str, Any]:
    return {
        "received": day_text(a.received),
        "clock_start": day_text(a.clock_start),
        "due": iso(a.due),
        "window": window_dict(a.window, a.due),
        "status": a.status.value,
        "days_left": a.days_left,
        "may_sue_from": iso(a.may_sue_from),
        "extended": a.extended,
    }


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


#: One encoder for every line (`json.dumps` with options makes a new one per call). The values
#: are trees of dicts and lists made here, never cycles: the encoder need not look for one
#: (`check_circular`), which saves a fifth of its time.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _one_line(value: Any) -> str:
    return _ENCODER.encode(value)


def dumps_requests(head: dict[str, Any], requests: Sequence[dict[str, Any]]) -> str:
    """`head`, then the `requests` as an array, one request per line (readable, and diffable
    line by line)."""
    lines = ["{", *(f"  {json.dumps(k)}: {_one_line(v)}," for k, v in head.items())]
    if not requests:
        lines.append('  "requests": []')
    else:
        lines.append('  "requests": [')
        lines.append(",\n".join(f"    {_one_line(r)}" for r in requests))
        lines.append("  ]")
    return "\n".join(lines) + "\n}\n"


class JsonFormat:
    name = "json"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        head = {
            "schema_version": SCHEMA_VERSION,
            "file": report.path,
            "as_of": iso(report.as_of),
            "soon": report.soon,
            "summary": {s.value: n for s, n in rows.counts(report.deadlines).items()},
        }
        return dumps_requests(head, [request_dict(d) for d in report.deadlines])


def request_dict(d: Deadline) -> dict[str, Any]:
    """One request of the JSON output: who, then every date, then the note."""
    r = d.request
    out = deadline_dict(
        d, {"id": r.id, "agency": r.agency, "subject": r.subject, "tracking": r.tracking}
    )
    out["note"] = rows.note(d)
    return out


class DueJsonFormat:
    """``foiaclock due --format json``: one object for one request."""

    name = "json"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        (d,) = report.deadlines
        return dumps({"schema_version": SCHEMA_VERSION, **deadline_dict(d)})
