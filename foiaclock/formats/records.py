"""One flat record per deadline: the columns of the CSV format, with typed values (dates as
`date`, counts as `int`, flags as `bool`, ``None`` where a value does not apply), for
`foiaclock.compute_many`, ``pandas.DataFrame`` and ``csv.DictWriter``.

The columns, in order: the request (``id``, ``agency``, ``subject``, ``tracking``), its law
(``jurisdiction`` and why, ``jurisdiction_reason``), its clock (``received``, ``clock_start``,
``due``, ``window_earliest``/``window_latest``, ``status``, ``work_days_left``), the most urgent
clock, the agency's or the requester's (``current_status``, ``current_due``), what happened
(``responded``, ``extended``, ``tolled_days``, ``may_sue_from``), the requester's dates
(``appeal_by``, ``reply_by``: the first reply still awaited), the appeal's clock
(``appeal_due``, ``appeal_earliest``/``appeal_latest``, ``appeal_status``), the other dates
(``expedited_decision_due``, ``target``), the ``note`` and the ``warnings`` (`` | ``
between them), then a suit (``litigation``: the day it was filed; ``case``: its number, empty
when not given), then ``next_follow_up``: the day the next follow-up letter is called for
(`Deadline.next_follow_up`; empty once the request is answered, in court or paused, and under a
law with no fixed time).
"""

from __future__ import annotations

from typing import Any

from ..results import Deadline
from . import rows

#: The columns, in order (the module docstring says what each holds). New ones go at the end.
COLUMNS: tuple[str, ...] = (
    "id",
    "agency",
    "subject",
    "tracking",
    "jurisdiction",
    "jurisdiction_reason",
    "received",
    "clock_start",
    "due",
    "window_earliest",
    "window_latest",
    "status",
    "work_days_left",
    "current_status",
    "current_due",
    "responded",
    "extended",
    "tolled_days",
    "may_sue_from",
    "appeal_by",
    "reply_by",
    "appeal_due",
    "appeal_earliest",
    "appeal_latest",
    "appeal_status",
    "expedited_decision_due",
    "target",
    "note",
    "warnings",
    "litigation",
    "case",
    "next_follow_up",
)


def record(d: Deadline) -> dict[str, Any]:
    """The record of one deadline, keyed by `COLUMNS`."""
    r, a, w = d.request, d.appeal, d.window
    return {
        "id": r.id,
        "agency": r.agency,
        "subject": r.subject,
        "tracking": r.tracking,
        "jurisdiction": d.jurisdiction,
        "jurisdiction_reason": d.jurisdiction_reason,
        "received": d.received,
        "clock_start": d.clock_start,
        "due": d.due,
        "window_earliest": w.earliest if w else d.due,
        "window_latest": w.latest if w else d.due,
        "status": d.status.value,
        "work_days_left": d.days_left,
        "current_status": d.current_status.value,
        "current_due": d.current_due,
        "responded": r.responded,
        "extended": d.extended,
        "tolled_days": d.tolled_days,
        "may_sue_from": d.may_sue_from,
        "appeal_by": d.appeal_by,
        "reply_by": next((c.due for c in d.requester if c.kind == "reply"), None),
        "appeal_due": a.due if a else None,
        "appeal_earliest": (a.window.earliest if a.window else a.due) if a else None,
        "appeal_latest": (a.window.latest if a.window else a.due) if a else None,
        "appeal_status": a.status.value if a else None,
        "expedited_decision_due": d.expedited_decision_due,
        "target": d.target,
        "note": rows.note(d),
        "warnings": " | ".join(d.warnings),
        "litigation": r.litigation,
        "case": r.case,
        "next_follow_up": d.next_follow_up,
    }
