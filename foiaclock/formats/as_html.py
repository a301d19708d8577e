"""The HTML report (`status --format html`): one self-contained file that works with scripts off.

At the top the counts and what to do this week (each with the command that does it), then the
table most urgent first, then each request with its timeline (inline SVG) and its count (the
`explain` text in a ``<details>``). Rendered with Jinja2 with autoescape on: every string of a
request is untrusted and escaped. Stamped with the as-of day and the version, never the clock, so
the same input gives the same bytes.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any

from ..letters import called_for
from ..results import Deadline, Status
from . import Report, rows
from .explain import render as explain_text

#: Statuses shown in the "action this week" list, with what to do (the letters that do it are
#: `letters.called_for`'s).
_ACTIONS: dict[Status, str] = {
    Status.OVERDUE: "follow up, or sue once the time limit has passed",
    Status.REPLY_OVERDUE: "the agency's date for your reply has passed",
    Status.DUE_TODAY: "the agency's last day",
    Status.DUE_SOON: "the agency's time is almost up",
    Status.APPEAL_DUE_SOON: "your last day to appeal is near",
    Status.REPLY_DUE_SOON: "the agency's date for your reply is near",
}
_CLASS = {
    Status.OVERDUE: "late", Status.REPLY_OVERDUE: "late", Status.DUE_TODAY: "soon",
    Status.DUE_SOON: "soon", Status.APPEAL_DUE_SOON: "soon", Status.REPLY_DUE_SOON: "soon",
    Status.PAUSED: "paused", Status.ANSWERED_LATE: "done", Status.ANSWERED_ON_TIME: "done",
    Status.ANSWERED: "done", Status.APPEAL_WINDOW_CLOSED: "done",
}  # fmt: skip
_WIDTH = 960
#: The timeline's words for a letter the requester recorded (`Request.letters`).
_SENT = {
    "follow-up": "follow-up letter sent",
    "appeal": "appeal letter sent",
    "suit-notice": "notice before suit sent",
}


class HtmlFormat:
    name = "html"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined

        folder = str(resources.files("foiaclock.formats") / "templates")
        env = Environment(
            loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )  # fmt: skip
        page = env.get_template("report.html.j2")
        return page.render(**_values(report))


def _values(report: Report) -> dict[str, Any]:
    items = [_item(report, d) for d in report.deadlines]
    counts = {
        "overdue": sum(1 for d in report.deadlines if d.current_status is Status.OVERDUE),
        "due soon": sum(
            1 for d in report.deadlines if d.current_status in (Status.DUE_TODAY, Status.DUE_SOON)
        ),
        "may sue": sum(
            1
            for d in report.deadlines
            if d.may_sue_from is not None and d.may_sue_from <= report.as_of
        ),
        "appeal window closing": sum(
            1 for d in report.deadlines if d.current_status is Status.APPEAL_DUE_SOON
        ),
        "waiting on you": sum(
            1 for d in report.deadlines if any(c.kind == "reply" for c in d.requester)
        ),
    }
    actions = [i for i in items if i["action"]]
    return {
        "path": report.path,
        "as_of": report.as_of.isoformat(),
        "version": report.version,
        "summary": rows.summary(report.deadlines, report.total),
        "counts": counts,
        "actions": actions,
        "items": items,
    }


def _item(report: Report, d: Deadline) -> dict[str, Any]:
    status = d.current_status
    what = _ACTIONS.get(status, "")
    if status is Status.OVERDUE and d.appeal is not None:
        what = "the appeal's decision is late: you may sue"
    rid = d.request.id
    commands = [f"foiaclock letter {report.path} {rid} {c.kind}" for c in called_for(d)]
    if what and not commands:
        commands = [f"foiaclock explain {report.path} {rid}"]
    trail = report.trails.get(rid)
    return {
        "id": rid,
        "anchor": "r-" + "".join(c if c.isalnum() else "-" for c in rid),
        "agency": d.request.agency,
        "subject": d.request.subject,
        "tracking": d.request.tracking,
        "received": d.received.isoformat(),
        "due": rows.due_cell(d),
        # the due date is the agency's: say so when the status is the requester's
        "due_words": ", due" if rows.due_cell_is_current(d) else "; the agency's due date",
        "left": rows.left_cell(d),
        "status": rows.status_text(d),
        "class": _CLASS.get(status, "open"),
        "note": rows.note(d),
        "warnings": list(d.warnings),
        "action": what,
        "commands": commands if what else [],
        "timeline": _timeline(d),
        "count": explain_text(d, trail) if trail is not None else "",
    }


def _timeline(d: Deadline) -> dict[str, Any]:
    """The request's dates on one line: each mark's x position (0-`_WIDTH`) and words."""
    marks: list[tuple[date, str, str]] = [(d.received, "received", "received")]
    if d.clock_start is not None and d.clock_start != d.received:
        marks.append((d.clock_start, "start", "the clock starts"))
    if d.statutory_due is not None and d.extended and d.statutory_due != d.due:
        marks.append((d.statutory_due, "due0", "due before the extension"))
    if d.due is not None:
        marks.append((d.due, "due", "due"))
    if d.request.responded is not None:
        marks.append((d.request.responded, "answer", "answered"))
    if d.appeal_by is not None:
        marks.append((d.appeal_by, "appeal-by", "last day to appeal"))
    if d.appeal is not None:
        marks.append((d.appeal.received, "appeal", "appeal received"))
        if d.appeal.due is not None:
            marks.append((d.appeal.due, "appeal-due", "appeal decision due"))
    for letter in d.request.letters:
        marks.append((letter.sent, "letter", _SENT[letter.kind]))
    if d.next_follow_up is not None:
        marks.append((d.next_follow_up, "follow-up", "next follow-up letter"))
    marks.append((d.as_of, "today", "as of"))
    first = min(m[0] for m in marks)
    last = max(m[0] for m in marks)
    if d.window is not None and d.window.is_wide:
        last = max(last, d.window.latest)
    span = max((last - first).days, 1)

    def x(day: date) -> int:
        return 20 + round((day - first).days * (_WIDTH - 40) / span)

    pauses = []
    for toll in d.request.tolls:
        if toll.disputed:
            continue
        end = toll.end or d.as_of
        pauses.append(
            {"x": x(toll.start), "w": max(x(end) - x(toll.start), 2), "open": not toll.end}
        )
    window = None
    if d.window is not None and d.window.is_wide:
        window = {"x": x(d.window.earliest), "w": max(x(d.window.latest) - x(d.window.earliest), 2)}
    return {
        "width": _WIDTH,
        "marks": [
            {
                "x": x(day),
                "kind": kind,
                "words": f"{words} {day.isoformat()}",
                "day": day.isoformat(),
            }
            for day, kind, words in sorted(marks)
        ],
        "pauses": pauses,
        "window": window,
    }
