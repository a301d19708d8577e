"""A sheet's bytes -> a `Table`: its header and its rows, each with the line it starts on.

CSV as spreadsheets write it: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"),
``\\r\\n`` or ``\\n`` line ends, quoted cells that hold line breaks, and empty rows (skipped and
counted, never mistaken for requests). The delimiter is a comma, or a semicolon or tab when the
header uses one and no comma (as European Excel writes CSV).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..errors import InputError


@dataclass
class Table:
    """`headers` (as written, stripped); `rows`: (line where the row starts, its cells, padded
    to the header's width); `empty`: how many empty rows were skipped; `extra`: lines of rows
    with more cells than the header has columns."""

    path: str
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    empty: int = 0
    extra: list[int] = field(default_factory=list)
    unit: str = "line"


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text (a byte-order mark dropped); anything else is refused with where it fails."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte {exc.start + 1}); save the sheet as 'CSV UTF-8'",
            path=path,
            line=line,
        ) from None
    return text


def _delimiter(first_line: str) -> str:
    if "," in first_line:
        return ","
    for candidate in (";", "\t"):
        if candidate in first_line:
            return candidate
    return ","


def read_csv(data: bytes, path: str) -> Table:
    if data.startswith(b"PK\x03\x04"):
        raise InputError(
            "a spreadsheet workbook (.xlsx or .ods), not CSV; save it as 'CSV UTF-8' and import "
            "that file",
            path=path,
        )
    text = decode_text(data, path)
    if "\x00" in text:
        raise InputError("a binary file, not CSV text (an .xlsx? save it as CSV UTF-8)", path=path)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first), strict=True)
    table: Table | None = None
    empty = 0
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                empty += table is not None
                continue
            if table is None:
                table = _header(cells, path, line)
                continue
            width = len(table.headers)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                table.extra.append(line)
            table.rows.append((line, [*cells[:width], *[""] * (width - len(cells))]))
    except csv.Error as exc:
        raise InputError(f"not readable as CSV: {exc}", path=path, line=reader.line_num) from None
    if table is None:
        raise InputError("the sheet is empty (no header row)", path=path)
    table.empty = empty
    return table


def _header(cells: list[str], path: str, line: int) -> Table:
    headers = [c.strip() for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    seen: dict[str, int] = {}
    for column, name in enumerate(headers, start=1):
        if not name:
            continue
        key = name.lower()
        if key in seen:
            raise InputError(
                f"two columns are named {name!r} (columns {seen[key]} and {column}); rename one",
                path=path,
                line=line,
                column=column,
            )
        seen[key] = column
    return Table(path, headers)
