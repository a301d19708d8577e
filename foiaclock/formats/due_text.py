"""`foiaclock due --format text`: one request's dates, one per line, for a person."""

from __future__ import annotations

import textwrap
from datetime import date

from ..dates import fmt_day
from ..results import Deadline, Status
from . import Report, rows


def _d(value: object) -> str:
    return fmt_day(value) if isinstance(value, date) else "—"


def lines_for(d: Deadline) -> list[str]:
    j = d.law
    rule = j.clock("response", d.received, d.request.track)
    out: list[tuple[str, str]] = [("law", f"{j.name}: {j.law} ({j.citation})")]
    if d.law_was_inferred:
        out.append(("why", d.jurisdiction_reason))
    out.append(("received", fmt_day(d.received)))
    if d.clock_start is not None and d.clock_start != d.received:
        day1 = "; the receipt day is day 1" if d.settings.receipt_day_counts else ""
        out.append(("clock starts", f"{fmt_day(d.clock_start)} (day 0{day1})"))
    if d.due is not None:
        how = rule.describe() if rule else ""
        cite = f", {rule.citation}" if rule and rule.citation else ""
        extra = []
        if d.extended:
            extra.append("extended")
        if d.tolled_days:
            extra.append(f"{d.tolled_days} day{'s' if d.tolled_days != 1 else ''} paused")
        more = f"; {', '.join(extra)}" if extra else ""
        out.append(("due", f"{fmt_day(d.due)}  ({how}{cite}{more})"))
    else:
        out.append(("due", f"no fixed deadline: {j.summary(d.received)}"))
        if d.target is not None:
            out.append(("your target", f"{fmt_day(d.target)} (not a legal deadline)"))
    if d.window is not None and d.window.is_wide:
        w = d.window
        out.append(("window", f"{fmt_day(w.earliest)} to {fmt_day(w.latest)}"))
        for reason in w.earliest_by:
            out.append(("", f"earliest with {reason}"))
        for reason in w.latest_by:
            out.append(("", f"latest with {reason}"))
    status = d.status
    left = rows.left_cell(d) if d.appeal is None else ""
    if d.due is not None or status.is_answered:
        text = f"{status.value} as of {d.as_of}"
        if left and status is not Status.DUE_TODAY:
            text += f" ({rows.words(left)})"
        if d.request.responded is None and status is Status.OVERDUE:
            text += "; no response given (--responded DATE)"
        out.append(("status", text))
    if d.expedited_decision_due is not None:
        out.append(
            ("expedited", f"decision on expedited processing due {_d(d.expedited_decision_due)}")
        )
    if d.acknowledgement_due is not None:
        out.append(("acknowledge by", _d(d.acknowledgement_due)))
    if d.appeal_by is not None:
        rule = j.clock("appeal_window", d.received, d.request.track)
        cite = f" ({rule.citation})" if rule is not None and rule.citation else ""
        filings = {"received": ", to be received by then", "sent": ", sent (postmarked) by then"}
        filing = filings.get(rule.filing, "") if rule is not None else ""
        out.append(("appeal by", f"{_d(d.appeal_by)}, the last day to appeal{filing}{cite}"))
    if d.may_sue_from is not None:
        by = "the due date"
        if d.window is not None and d.window.is_wide:
            by = f"the latest date of the window, {_d(d.window.latest)}"
        out.append(
            (
                "may sue from",
                f"{_d(d.may_sue_from)} if there is no determination by {by} "
                f"({j.constructive_exhaustion})",
            )
        )
    if d.next_follow_up is not None:
        out.append(("follow up", _follow_up_words(d, d.next_follow_up)))
    if d.search_fees_barred:
        out.append(
            (
                "fees",
                "the time limit was missed: search fees are barred "
                f"({j.fee_consequence}; a flag, not legal advice)",
            )
        )
    for c in d.other:
        out.append((c.label, _d(c.due) if c.due else (c.note or "no fixed time")))
    width = min(max(len(k) for k, _ in out), 16)
    pad = " " * (width + 2)
    result: list[str] = []
    for k, v in out:  # values wrap under their own column, within 100 characters
        if len(k) > width:  # a long label (a law's own clock) on a line of its own
            result.append(k)
            result.extend(rows.wrap(v, 100, initial_indent=pad, subsequent_indent=pad))
            continue
        result.extend(
            rows.wrap(v, 100, initial_indent=f"{k:<{width}}  ", subsequent_indent=pad) or [k]
        )
    for warning in d.warnings:
        result.extend(textwrap.wrap(f"warning: {warning}", 100, subsequent_indent="  "))
    return result


def _follow_up_words(d: Deadline, day: date) -> str:
    """When the next follow-up letter is called for, and why then (`Deadline.next_follow_up`: a
    practice, not a rule of law, so the line says so)."""
    sent = d.request.follow_ups_after(d.due) if d.due is not None else []
    why = [f"after your follow-up of {fmt_day(sent[-1])}" if sent else "the first working day late"]
    edc = d.request.estimated_completion
    if edc is not None and d.due is not None and edc >= d.due:
        why.append(f"not before the agency's estimated completion date, {fmt_day(edc)}, has passed")
    why.append("a practice, not a legal deadline")
    when = "called for since then" if day < d.as_of else "if still unanswered"
    return f"{fmt_day(day)}, {when} ({'; '.join(why)})"


class DueTextFormat:
    name = "text"
    machine = False

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        (d,) = report.deadlines
        return "\n".join(lines_for(d)) + "\n"
