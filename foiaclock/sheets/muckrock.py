"""MuckRock's exports: the CSV its request list exports, and its API's JSON (v1 and v2).

The columns and fields are MuckRock's own (the `ExportCsv` task in ``muckrock/foia/tasks.py``
and the serializers of ``muckrock/foia/serializers.py`` and ``api_v2/serializers.py``):

* CSV: User, Title, Status (its label: "Awaiting Response"...), URL, Jurisdiction,
  Jurisdiction ID, Jurisdiction Level (Federal, State, Local), Jurisdiction State, Agency,
  Agency ID, Agency Zip Code, Followup Date, Estimated Completion Date, Requested Documents,
  Tracking Number, Embargo, Days since submitted, Days since updated, Projects, Tags, Price,
  Date Submitted, Date Due, Date Done (timestamps in UTC, like ``2026-11-02 14:03:11+00:00``);
* JSON: a list of requests or a page of them (``{"results": [...]}``), each with id, title,
  status (its code: ``processed``...), agency (a number: the API names no agency),
  datetime_submitted (``date_submitted`` in old exports), date_due (v1 only), datetime_done,
  tracking_id, absolute_url...

What they become: the title is the subject, "Date Submitted" the day received (it is the day
MuckRock sent the request; the file says so), a request that MuckRock marks completed,
partially completed, rejected or without responsive documents is answered on its "Date Done"
(rejected: adverse), the state's law applies to State and Local requests (the federal agency's
regulation, or the statute, to Federal ones), and the id is ``muckrock-`` and MuckRock's number.
MuckRock's status, address and own due date go to the notes, with what to check by hand (a fee
or a fix asked for may pause the clock; an appeal under way). Withdrawn and consolidated
requests are not imported: there is nothing to count (each is listed).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from . import values as v
from .columns import normal
from .rows import Entry
from .table import Table, decode_text

#: MuckRock's status codes and labels (``muckrock/foia/models/request.py``).
STATUS = {
    "submitted": "Processing", "ack": "Awaiting Acknowledgement", "processed": "Awaiting Response",
    "appealing": "Awaiting Appeal", "fix": "Fix Required", "payment": "Payment Required",
    "lawsuit": "In Litigation", "rejected": "Rejected", "no_docs": "No Responsive Documents",
    "done": "Completed", "partial": "Partially Completed", "abandoned": "Withdrawn",
    "consolidated": "Consolidated",
}  # fmt: skip
_CODE = {normal(label): code for code, label in STATUS.items()} | {normal(c): c for c in STATUS}
ANSWERED = frozenset(("done", "partial", "no_docs", "rejected"))
SITE = "https://www.muckrock.com"

CSV_MARKS = frozenset(
    ("jurisdiction level", "days since submitted", "date submitted", "tracking number")
)
JSON_MARKS = frozenset(("absolute url", "tracking id", "embargo status", "slug"))

#: The columns (normal names) the generic reader fills; every other one is read by `finish`.
CSV_MAPS = {"title": "subject", "agency": "agency", "tracking number": "tracking",
            "date submitted": "received", "date done": "responded",
            "estimated completion date": "estimated_completion"}  # fmt: skip
JSON_MAPS = {"title": "subject", "tracking id": "tracking", "datetime submitted": "received",
             "date submitted": "received", "datetime done": "responded", "date done": "responded"}  # fmt: skip


def is_muckrock_csv(headers: list[str]) -> bool:
    return {normal(h) for h in headers} >= CSV_MARKS


#: The columns (normal names) `finish` reads, and what for.
READ_APART = {
    "status": "notes, responded, adverse", "url": "id, notes", "absolute url": "notes",
    "id": "id", "jurisdiction level": "jurisdiction", "jurisdiction state": "jurisdiction",
    "date due": "notes", "agency": "agency",
}  # fmt: skip


def finish(cells: Mapping[str, str], entry: Entry) -> str:
    """MuckRock's columns that need more than a cell each; the reason not to import, or ""."""
    raw = cells.get("status", "").strip()
    code = _CODE.get(normal(raw), "")
    if code in ("abandoned", "consolidated"):
        return f"{STATUS[code].lower()} on MuckRock: nothing to count"
    number = cells.get("id", "").strip() or _number(
        cells.get("url", "") or cells.get("absolute url", "")
    )
    if number:
        entry.values["id"] = f"muckrock-{number}"
    if "agency" not in entry.values and (agency := cells.get("agency", "").strip()):
        entry.values["agency"] = f"MuckRock agency {agency}" if agency.isdigit() else agency
    reason = _jurisdiction(cells, entry)
    if reason:
        return reason
    label = STATUS.get(code, raw)
    url = (cells.get("url", "") or cells.get("absolute url", "")).strip()
    if url.startswith("/"):
        url = SITE + url
    entry.notes.append("MuckRock: " + ", ".join(x for x in (label, url) if x))
    if due := cells.get("date due", "").strip():
        entry.notes.append(f"MuckRock's due date {due}")
    _status(code, label, entry)
    return ""


def _number(url: str) -> str:
    m = re.search(r"-(\d+)/?$", url.strip())
    return m.group(1) if m else ""


def _jurisdiction(cells: Mapping[str, str], entry: Entry) -> str:
    level = normal(cells.get("jurisdiction level", ""))
    if level not in ("state", "local"):
        return ""  # federal (or the API, which does not say): the agency's regulation or "us"
    state = cells.get("jurisdiction state", "").strip()
    try:
        entry.values["jurisdiction"] = v.jurisdiction(state)
    except ValueError as exc:
        return f"column 'Jurisdiction State': {exc}"
    return ""


def _status(code: str, label: str, entry: Entry) -> None:
    if code in ANSWERED:
        if "responded" not in entry.values:
            entry.notes.append(f"MuckRock says {label} but gives no date: add responded")
        elif code == "rejected":
            entry.values["adverse"] = True
        return
    if "responded" in entry.values:
        done = entry.values.pop("responded")
        entry.notes.append(f"MuckRock's done date {done} (status {label}) not taken as an answer")
    if code in ("fix", "payment"):
        entry.notes.append(
            "check for a pause of the clock: the agency asked for a "
            f"{'fee' if code == 'payment' else 'fix'} (add a [[request.toll]])"
        )
    elif code == "appealing":
        entry.notes.append("an appeal is under way: add [request.appeal] filed = its date")
    elif code == "lawsuit":
        entry.notes.append("in litigation")


def read_json(data: bytes, path: str) -> Table:
    """The API's JSON -> a `Table` of its fields (one row per request, "record N")."""
    try:
        doc = json.loads(decode_text(data, path))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno
        ) from None
    records = doc.get("results") if isinstance(doc, dict) and "results" in doc else doc
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(
            'not MuckRock\'s JSON: expected a list of requests or {"results": [...]}', path=path
        )
    headers: list[str] = []
    for record in records:
        headers += [k for k in record if k not in headers]
    table = Table(path, headers, unit="record")
    for n, record in enumerate(records, start=1):
        table.rows.append((n, [_cell(record.get(h)) for h in headers]))
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict) and "name" in value:  # an expanded agency
        return str(value["name"])
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True)
    return str(value)


def is_muckrock_json(headers: list[str]) -> bool:
    return len(JSON_MARKS & {normal(h) for h in headers}) >= 2


__all__ = ["finish", "is_muckrock_csv", "is_muckrock_json", "read_json"]
