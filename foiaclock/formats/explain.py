"""`foiaclock explain`: the computation step by step, then a month-calendar view of the count.

Every counted working day is numbered, every skipped day says why (weekend, the named holiday,
the closure order, a pause), and each rule carries its citation, the way a lawyer would set the
count out in a filing.
"""

from __future__ import annotations

import calendar as _months
from datetime import date

from ..dates import fmt_day
from ..results import Deadline, Status, Step
from . import rows

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAY_HEADS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LEGEND = (
    "  count: N = working day N    0 = day 0    * = the due date    - = weekend\n"
    "         H = holiday    C = closure order    I = Inauguration Day    P = paused\n"
    "         U = a closed day you listed    X = another non-working day"
)
_KIND_MARK = {
    "weekend": "-",
    "holiday": "H",
    "observed": "H",
    "closure": "C",
    "inauguration": "I",
    "user": "U",
    "extra": "X",
}


def _cite(step: Step) -> str:
    return f"  [{step.citation}]" if step.citation and step.citation not in step.text else ""


def _wrap(lines: list[str], width: int = 100) -> list[str]:
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" ")) + 4
        out.extend(rows.wrap(line, width, subsequent_indent=" " * indent))
    return out


def steps_text(trail: tuple[Step, ...]) -> list[str]:
    """One line per step of the trail (long ones wrapped at 100 columns)."""
    out: list[str] = []
    for st in trail:
        if st.kind == "count" and st.day is not None:
            extra = "  (extension)" if "(extension)" in st.text else ""
            out.append(f"  {'day ' + str(st.number):>8}  {fmt_day(st.day)}{extra}")
        elif st.kind == "skip" and st.day is not None:
            prefix = fmt_day(st.day) + ": "
            if st.text.startswith(prefix):
                out.append(f"  {'-':>8}  {fmt_day(st.day)}  not counted: {st.text[len(prefix) :]}")
            else:
                out.append(f"  {'-':>8}  {st.text}{_cite(st)}")
        elif st.kind == "start" and st.day is not None:
            out.append(f"  {'day 0':>8}  {fmt_day(st.day)}  (counting starts the next day)")
        elif st.kind == "due":
            out.append(f"  => {st.text}{_cite(st)}")
        elif st.kind == "warning":
            out.append(f"  warning: {st.text}")
        elif st.kind == "option":
            out.append(f"  reading: {st.text}")
        else:
            out.append(f"  {st.text}{_cite(st)}")
    return _wrap(out)


def month_view(d: Deadline, trail: tuple[Step, ...]) -> list[str]:
    """The count as month calendars: each date, and under it the working-day number or why the
    day was skipped."""
    marks: dict[date, str] = {}
    for st in trail:
        if st.day is None:
            continue
        if st.kind == "count" and st.number is not None:
            marks[st.day] = str(st.number)
        elif st.kind == "start":
            marks[st.day] = "0"
        elif st.kind == "skip" and st.reason:
            marks[st.day] = "P" if st.reason == "paused" else _KIND_MARK.get(st.reason, "X")
    if d.due is None or not marks:
        return []
    if d.due in marks:
        marks[d.due] += "*"
    else:
        marks[d.due] = "*"
    first, last = min(marks), max(marks)
    out: list[str] = []
    y, m = first.year, first.month
    shown = 0
    while (y, m) <= (last.year, last.month) and shown < 36:
        out.append(f"  {_MONTHS[m - 1]} {y}")
        out.append("        " + "".join(f"{w:>5}" for w in _WEEKDAY_HEADS))
        for week in _months.Calendar(firstweekday=0).monthdatescalendar(y, m):
            if week[-1] < first or week[0] > last:
                continue
            dates = "".join(f"{x.day:>5}" if x.month == m else "     " for x in week)
            below = "".join(f"{marks.get(x, ''):>5}" if x.month == m else "     " for x in week)
            out.append(("  date  " + dates).rstrip())
            if below.strip():
                out.append(("  count " + below).rstrip())
        out.append("")
        m += 1
        if m > 12:
            y, m = y + 1, 1
        shown += 1
    out.append(_LEGEND)
    return out


def header(d: Deadline) -> list[str]:
    r = d.request
    lines = []
    if r.id:
        lines.append(f"Request {r.id}" + (f": {r.agency}" if r.agency else ""))
    if r.subject:
        lines.append(f"  {r.subject}")
    if r.tracking:
        lines.append(f"  tracking number {r.tracking}")
    status = rows.current_status(d)
    left = rows.current_left_cell(d)
    what = "appeal " if d.appeal is not None and d.requester_clock is None else ""
    due = rows.current_due(d)
    line = f"As of {fmt_day(d.as_of)}: {what}{status.value}"
    if status is Status.APPEAL_WINDOW_CLOSED and due is not None:
        line += f" on {fmt_day(due)}"  # a closed window is not "late": nothing runs on it
    elif due is not None:
        line += f", due {fmt_day(due)}"
    if left and left != "today":
        line += f" ({rows.left_words(d)})"
    lines.append(line)
    if not d.law.verified:
        lines.append(
            f"  Note: the rule data for {d.law.name} is marked unverified: check it against the "
            "statute."
        )
    return lines


def render(d: Deadline, trail: tuple[Step, ...]) -> str:
    """`foiaclock explain`'s text for `d`, whose trail (`foiaclock.explain`) is `trail`."""
    lines = header(d)
    lines.append("")
    lines.append("How the date is counted")
    lines.extend(steps_text(trail))
    view = month_view(d, trail)
    if view:
        lines.append("")
        lines.append("The same count on a calendar")
        lines.extend(view)
    return "\n".join(lines).rstrip() + "\n"
