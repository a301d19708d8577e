"""Markdown: a GitHub-flavoured table for an issue, a pull request or a job summary."""

from __future__ import annotations

from ..results import Status
from . import Report, rows


def cell(text: str) -> str:
    """Text safe inside a table cell: pipes escaped, no line breaks, no HTML."""
    text = " ".join(text.split())
    for ch in ("\\", "|", "<", ">", "*", "_", "`", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def code(text: str, *, in_table: bool = True) -> str:
    """Text as a code span (a command to copy, an error): shown as written, since backslashes
    are not read inside a code span; only a pipe is escaped in a table (GitHub reads ``\\|``
    there even in a code span), and a backtick in the text takes a double-backtick fence."""
    text = " ".join(text.split())
    if in_table:
        text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def table(report: Report) -> str:
    lines = [
        "| id | agency | received | due | work days | status | note |",
        "|---|---|---|---|---:|---|---|",
    ]
    for d in report.deadlines:
        status = rows.status_text(d)
        if rows.current_status(d) in (Status.OVERDUE, Status.DUE_TODAY, Status.REPLY_OVERDUE):
            status = f"**{status}**"
        note = rows.note(d)
        if d.warnings:
            note = "; ".join([note, *d.warnings]) if note else "; ".join(d.warnings)
        lines.append(
            "| "
            + " | ".join(
                [
                    cell(d.request.id),
                    cell(d.request.agency),
                    d.received.isoformat(),
                    rows.due_cell(d),
                    rows.left_cell(d),
                    status,
                    cell(note),
                ]
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


class MarkdownFormat:
    name = "markdown"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        head = f"**{cell(rows.summary(report.deadlines, report.total))}** As of {report.as_of}."
        legend = ""
        if any(rows.window_wide(d) for d in report.deadlines):
            legend = (
                "\n± the sources disagree on a counting rule: the due date could be a little "
                "earlier or later (`foiaclock explain FILE ID` shows the window).\n"
            )
        return f"{head}\n\n{table(report)}{legend}"
