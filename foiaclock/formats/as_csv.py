"""CSV for spreadsheets: one row per request, safe against formula injection."""

from __future__ import annotations

import csv
import re

from ..models import Deadline
from . import Report, Rows, render_rows, rows
from .as_json import iso

COLUMNS = (
    "id",
    "agency",
    "subject",
    "tracking",
    "jurisdiction",
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
    "appeal_due",
    "appeal_earliest",
    "appeal_latest",
    "appeal_status",
    "expedited_decision_due",
    "target",
    "note",
    "warnings",
)

_NUMBER = re.compile(r"-?\d+")


def safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe. Plain numbers (-3) are left alone."""
    if cell and cell[0] in "=+-@\t\r" and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class _Line:
    """A file that keeps only the last thing written: the csv writer's one row."""

    text = ""

    def write(self, text: str) -> int:
        self.text = text
        return len(text)


def _csv_line(cells: list[str] | tuple[str, ...]) -> str:
    sink = _Line()
    csv.writer(sink, lineterminator="\r\n").writerow(cells)
    return sink.text


class CsvFormat:
    name = "csv"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        return render_rows(self, report)

    def assemble(self, report: Rows) -> str:
        return "".join([_csv_line(COLUMNS), *report.rows])

    def row(self, d: Deadline) -> str:
        r = d.request
        a = d.appeal
        values: list[object] = [
            r.id,
            r.agency,
            r.subject,
            r.tracking,
            d.jurisdiction,
            iso(d.received),
            iso(d.clock_start),
            iso(d.due),
            iso(d.window.earliest) if d.window else iso(d.due),
            iso(d.window.latest) if d.window else iso(d.due),
            d.status.value,
            d.days_left,
            d.current_status.value,
            iso(d.current_due),
            iso(r.responded),
            "yes" if d.extended else "no",
            d.tolled_days,
            iso(d.may_sue_from),
            iso(d.appeal_by),
            iso(a.due) if a else None,
            iso(a.window.earliest if a.window else a.due) if a else None,
            iso(a.window.latest if a.window else a.due) if a else None,
            a.status.value if a else None,
            iso(d.expedited_decision_due),
            iso(d.target),
            rows.note(d),
            " | ".join(d.warnings),
        ]
        return _csv_line([safe("" if v is None else str(v)) for v in values])
