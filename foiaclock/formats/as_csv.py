"""CSV for spreadsheets: one row per request (the columns of `records`), safe against formula
injection."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from ..dates import iso
from . import Report
from .records import COLUMNS, record

_NUMBER = re.compile(r"-?\d+")


def safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe. Plain numbers (-3) are left alone."""
    if cell and cell[0] in "=+-@\t\r" and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def cell(value: object) -> str:
    """A record's value as CSV text: ISO dates, yes/no flags, empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return iso(value)
    return safe(str(value))


class CsvFormat:
    name = "csv"
    machine = True

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for d in report.deadlines:
            values = record(d)
            writer.writerow([cell(values[c]) for c in COLUMNS])
        return out.getvalue()
