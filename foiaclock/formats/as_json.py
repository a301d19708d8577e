"""JSON: a stable contract for programs. Every key is always present (``null`` when it does not
apply); dates are ISO 8601 (``2018-08-17``); `schema_version` changes when the shape does."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..models import Deadline, Status, Window
from . import SCHEMA_VERSION, Report, rows


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def window_dict(window: Window | None, due: date | None) -> dict[str, Any] | None:
    """A due date's window; a single day (the due date itself) when nothing is contested."""
    if window is not None:
        return {
            "earliest": iso(window.earliest),
            "latest": iso(window.latest),
            "earliest_by": list(window.earliest_by),
            "latest_by": list(window.latest_by),
            "earliest_options": list(window.earliest_options),
            "latest_options": list(window.latest_options),
        }
    if due is not None:
        return {
            "earliest": iso(due),
            "latest": iso(due),
            "earliest_by": [],
            "latest_by": [],
            "earliest_options": [],
            "latest_options": [],
        }
    return None


def deadline_dict(d: Deadline) -> dict[str, Any]:
    """Every date the engine gives for one request, as JSON-ready values."""
    r = d.request
    a = d.appeal
    return {
        "jurisdiction": d.jurisdiction,
        "as_of": iso(d.as_of),
        "received": iso(d.received),
        "received_at": iso(r.received) if isinstance(r.received, datetime) else None,
        "first_received": iso(r.first_received),
        "clock_start": iso(d.clock_start),
        "due": iso(d.due),
        "statutory_due": iso(d.statutory_due),
        "window": window_dict(d.window, d.due),
        "status": d.status.value,
        "days_left": d.days_left,
        "calendar_days_left": d.calendar_days_left,
        "current_status": d.current_status.value,
        "current_due": iso(d.current_due),
        "extended": d.extended,
        "tolled_days": d.tolled_days,
        "paused": d.status is Status.PAUSED,
        "responded": iso(r.responded),
        "may_sue_from": iso(d.may_sue_from),
        "search_fees_barred": d.search_fees_barred,
        "appeal_by": iso(d.appeal_by),
        "appeal": None
        if a is None
        else {
            "received": iso(a.received),
            "clock_start": iso(a.clock_start),
            "due": iso(a.due),
            "window": window_dict(a.window, a.due),
            "status": a.status.value,
            "days_left": a.days_left,
            "may_sue_from": iso(a.may_sue_from),
            "extended": a.extended,
        },
        "expedited_decision_due": iso(d.expedited_decision_due),
        "acknowledgement_due": iso(d.acknowledgement_due),
        "target": iso(d.target),
        "target_days_left": d.target_days_left,
        "other": [
            {"label": c.label, "due": iso(c.due), "citation": c.citation, "note": c.note}
            for c in d.other
        ],
        "warnings": list(d.warnings),
    }


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


#: One encoder for every row (json.dumps with options builds a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dumps_rows(head: dict[str, Any], key: str, items: list[dict[str, Any]]) -> str:
    """`head` pretty-printed, then `items` under `key` one object per line: readable, diffable
    line by line, and fast (the C encoder) for files of thousands of requests."""
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {_ENCODE(v)},")
    if items:
        lines.append(f"  {json.dumps(key)}: [")
        encoded = [_ENCODE(item) for item in items]
        lines.extend(f"    {e}," for e in encoded[:-1])
        lines.append(f"    {encoded[-1]}")
        lines.append("  ]")
    else:
        lines.append(f"  {json.dumps(key)}: []")
    lines.append("}")
    return "\n".join(lines) + "\n"


class JsonFormat:
    name = "json"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        items = []
        for d in report.deadlines:
            r = d.request
            items.append(
                {
                    "id": r.id,
                    "agency": r.agency,
                    "subject": r.subject,
                    "tracking": r.tracking,
                    **deadline_dict(d),
                    "note": rows.note(d),
                }
            )
        head = {
            "schema_version": SCHEMA_VERSION,
            "file": report.path,
            "as_of": iso(report.as_of),
            "soon": report.soon,
            "summary": {s.value: n for s, n in rows.counts(report.deadlines).items()},
        }
        return dumps_rows(head, "requests", items)


class DueJsonFormat:
    """``foiaclock due --format json``: one object for one request."""

    name = "json"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        (d,) = report.deadlines
        return dumps({"schema_version": SCHEMA_VERSION, **deadline_dict(d)})
