"""JSON: a stable contract for programs. Every key is always present (``null`` when it does not
apply); dates are ISO 8601 (``2018-08-17``); `schema_version` changes when the shape does."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..models import AppealClock, Deadline, Status, Window
from . import SCHEMA_VERSION, Report, Rows, render_rows, rows


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def window_dict(window: Window | None, due: date | None) -> dict[str, Any] | None:
    """A due date's window; a single day (the due date itself) when nothing is contested."""
    if window is not None:
        return {
            "earliest": window.earliest.isoformat(),
            "latest": window.latest.isoformat(),
            "earliest_by": list(window.earliest_by),
            "latest_by": list(window.latest_by),
            "earliest_options": list(window.earliest_options),
            "latest_options": list(window.latest_options),
        }
    if due is not None:
        day = due.isoformat()
        return {
            "earliest": day,
            "latest": day,
            "earliest_by": [],
            "latest_by": [],
            "earliest_options": [],
            "latest_options": [],
        }
    return None


def deadline_dict(d: Deadline) -> dict[str, Any]:
    """Every date the engine gives for one request, as JSON-ready values. (Called for every row
    of large files: dates are written ``x and x.isoformat()``, None staying None.)"""
    r = d.request
    a = d.appeal
    received = r.received
    due = d.due
    status = d.status
    current_due = a.due if a is not None else due
    return {
        "jurisdiction": d.jurisdiction,
        "as_of": d.as_of.isoformat(),
        "received": d.received.isoformat(),
        "received_at": received.isoformat() if isinstance(received, datetime) else None,
        "first_received": r.first_received and r.first_received.isoformat(),
        "clock_start": d.clock_start and d.clock_start.isoformat(),
        "due": due and due.isoformat(),
        "statutory_due": d.statutory_due and d.statutory_due.isoformat(),
        "window": window_dict(d.window, due),
        "status": status.value,
        "days_left": d.days_left,
        "calendar_days_left": d.calendar_days_left,
        "current_status": (a.status if a is not None else status).value,
        "current_due": current_due and current_due.isoformat(),
        "extended": d.extended,
        "tolled_days": d.tolled_days,
        "paused": status is Status.PAUSED,
        "responded": r.responded and r.responded.isoformat(),
        "may_sue_from": d.may_sue_from and d.may_sue_from.isoformat(),
        "search_fees_barred": d.search_fees_barred,
        "appeal_by": d.appeal_by and d.appeal_by.isoformat(),
        "appeal": None if a is None else _appeal_dict(a),
        "expedited_decision_due": d.expedited_decision_due and d.expedited_decision_due.isoformat(),
        "acknowledgement_due": d.acknowledgement_due and d.acknowledgement_due.isoformat(),
        "target": d.target and d.target.isoformat(),
        "target_days_left": d.target_days_left,
        "other": [
            {"label": c.label, "due": iso(c.due), "citation": c.citation, "note": c.note}
            for c in d.other
        ],
        "warnings": list(d.warnings),
    }


def _appeal_dict(a: AppealClock) -> dict[str, Any]:
    return {
        "received": a.received.isoformat(),
        "clock_start": a.clock_start.isoformat(),
        "due": iso(a.due),
        "window": window_dict(a.window, a.due),
        "status": a.status.value,
        "days_left": a.days_left,
        "may_sue_from": iso(a.may_sue_from),
        "extended": a.extended,
    }


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


#: One encoder for every row (json.dumps with options builds a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def dumps_rows(head: dict[str, Any], key: str, encoded: Sequence[str]) -> str:
    """`head` pretty-printed, then the JSON texts `encoded` as an array under `key`, one per
    line: readable, diffable line by line, and fast (the C encoder) for thousands of requests."""
    lines = ["{", *(f"  {json.dumps(k)}: {_ENCODE(v)}," for k, v in head.items())]
    if not encoded:
        lines.append(f"  {json.dumps(key)}: []\n}}\n")
        return "\n".join(lines)
    lines.append(f"  {json.dumps(key)}: [\n    ")
    items = list(encoded)  # the rows are joined once: they may be megabytes
    items[0] = "\n".join(lines) + items[0]
    items[-1] += "\n  ]\n}\n"
    return ",\n    ".join(items)


class JsonFormat:
    name = "json"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        return render_rows(self, report)

    def row(self, d: Deadline) -> str:
        r = d.request
        return _ENCODE(
            {
                "id": r.id,
                "agency": r.agency,
                "subject": r.subject,
                "tracking": r.tracking,
                **deadline_dict(d),
                "note": rows.note(d),
            }
        )

    def assemble(self, report: Rows) -> str:
        head = {
            "schema_version": SCHEMA_VERSION,
            "file": report.path,
            "as_of": iso(report.as_of),
            "soon": report.soon,
            "summary": {s.value: n for s, n in report.counts.items()},
        }
        return dumps_rows(head, "requests", report.rows)


class DueJsonFormat:
    """``foiaclock due --format json``: one object for one request."""

    name = "json"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        (d,) = report.deadlines
        return dumps({"schema_version": SCHEMA_VERSION, **deadline_dict(d)})
