"""The status table for people: one row per request, coloured by status, fits 100 columns.

Each row holds the id, agency, received date, due date (``±`` when the readings of the law give a
window of dates), working days left or late, and the status. The short note goes in a last column
when every note fits the terminal, else on its own line under the row.
"""

from __future__ import annotations

import io

from ..results import Status
from . import Report, rows

#: Colour of each status (rich styles). Machine formats never use these.
STYLES: dict[Status, str] = {
    Status.OVERDUE: "bold red",
    Status.DUE_TODAY: "bold yellow",
    Status.REPLY_OVERDUE: "bold red",
    Status.DUE_SOON: "yellow",
    Status.APPEAL_DUE_SOON: "yellow",
    Status.REPLY_DUE_SOON: "yellow",
    Status.OPEN: "green",
    Status.PAUSED: "cyan",
    Status.REPLY_PENDING: "cyan",
    Status.APPEAL_WINDOW_OPEN: "green",
    Status.IN_LITIGATION: "bold blue",
    Status.NO_DEADLINE: "blue",
    Status.APPEAL_WINDOW_CLOSED: "magenta",
    Status.ANSWERED_LATE: "magenta",
    Status.ANSWERED_ON_TIME: "dim",
    Status.ANSWERED: "dim",
}

_HEADERS = ("id", "agency", "received", "due", "work days", "status")
_CAPS = (22, 20, 10, 12, 11, 23)  # widest each column starts at ("appeal answered on time": 23)
_RIGHT = (False, False, False, False, True, False)
_GAP = 2
#: Columns left out, in this order, when the table would not fit (received, agency, work days).
_DROP_ORDER = (2, 1, 4)
_NOTE_INDENT = 4


#: Control characters shown as spaces: a tab or carriage return in a name (possible in requests
#: built by a program; the loader refuses them) must not break a line of the table.
_CONTROLS = {c: " " for c in (*range(0x20), 0x7F)}


def _printable(text: str) -> str:
    return text if text.isprintable() else text.translate(_CONTROLS)


#: A line of the table: (text, rich style) pieces.
Line = list[tuple[str, str]]


class TableFormat:
    name = "table"
    machine = False

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        lines = layout(report, width)
        if not colour:  # plain text needs no more of rich than its cell widths
            return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
        from rich.console import Console
        from rich.text import Text

        out = io.StringIO()
        console = Console(
            file=out,
            width=max(width, 40),
            force_terminal=True,
            color_system="standard",
            highlight=False,
            emoji=False,
            markup=False,
            legacy_windows=False,
            tab_size=4,
        )
        for line in lines:
            console.print(Text.assemble(*line), overflow="ignore", crop=False, no_wrap=True)
        return "\n".join(text.rstrip() for text in out.getvalue().splitlines()) + "\n"


def layout(report: Report, width: int) -> list[Line]:
    """The table's lines, laid out for `width` columns, with the style of each piece (the
    plain text is the same with or without colour)."""
    from rich.cells import cell_len, set_cell_size

    width = max(width, 40)
    cells = [
        (
            _printable(d.request.id),
            _printable(d.request.agency),
            d.received.isoformat(),
            rows.due_cell(d),
            rows.left_cell(d),
            rows.status_text(d),
        )
        for d in report.deadlines
    ]
    notes = [_printable(rows.note(d)) for d in report.deadlines]
    natural = [max([cell_len(h), *(cell_len(c[i]) for c in cells)]) for i, h in enumerate(_HEADERS)]
    widths = [min(cap, n) for cap, n in zip(_CAPS, natural, strict=True)]
    # Squeeze id and agency (in that order of giving) when the fixed columns do not fit.
    fixed = sum(widths) + _GAP * (len(widths) - 1)
    for i in (1, 0):
        over = fixed - width
        if over > 0:
            give = min(over, max(0, widths[i] - 8))  # (a column already narrower stays so)
            widths[i] -= give
            fixed -= give
    # Still too wide (a narrow terminal): leave out the received date, then the agency, then the
    # working days (the due date and status say most of it), then cut the status words.
    shown = list(range(len(_HEADERS)))
    for i in _DROP_ORDER:
        if fixed > width:
            shown.remove(i)
            fixed -= widths[i] + _GAP
    if fixed > width:
        give = min(fixed - width, widths[5] - 9)
        widths[5] -= give
        fixed -= give
    # On a wide terminal, give long ids (what people type into `explain`) their full width
    # before anything is cut, keeping room for the notes.
    reserve = min(24, max((cell_len(n) for n in notes), default=0))  # room kept for notes
    spare = width - fixed - (_GAP + reserve if reserve else 0)
    if spare > 0 and natural[0] > widths[0]:
        grow = min(spare, natural[0] - widths[0])
        widths[0] += grow
        fixed += grow
    note_width = width - fixed - _GAP
    inline = bool(notes) and note_width >= 12 and all(cell_len(n) <= note_width for n in notes)

    def row(values: tuple[str, ...], style: str = "", status_style: str = "") -> Line:
        line: Line = []
        for i in shown:
            value, w = values[i], widths[i]
            if cell_len(value) > w:  # cut with an ellipsis, as rich's Text.truncate does
                value = set_cell_size(value, w - 1) + "…"
            pad = " " * (w - cell_len(value))
            if _RIGHT[i]:
                value = pad + value
            elif i != shown[-1] or inline:
                value += pad
            if i != shown[0]:
                line.append((" " * _GAP, style))
            line.append((value, (status_style or style) if i == 5 else style))
        return line

    lines: list[Line] = []
    header = row(_HEADERS, style="bold")
    if inline:
        header.append((" " * _GAP + "note", "bold"))
    lines.append(header)
    lines.append([("─" * min(width, fixed + (_GAP + note_width if inline else 0)), "")])
    for d, values, text in zip(report.deadlines, cells, notes, strict=True):
        line = row(values, status_style=STYLES.get(rows.current_status(d), ""))
        if inline and text:
            line.append((" " * _GAP + text, "dim"))
        lines.append(line)
        if text and not inline:
            for piece in rows.wrap(text, width - _NOTE_INDENT, break_long_words=True):
                lines.append([(" " * _NOTE_INDENT, ""), (piece, "dim")])
    if not report.deadlines:
        lines.append([("(no requests to show)", "")])
    for line in lines:  # no trailing spaces (inside colour codes neither)
        while line and not line[-1][0].strip():
            line.pop()
        if line:
            line[-1] = (line[-1][0].rstrip(), line[-1][1])
    return lines
