"""The status table for people: one row per request, coloured by status, fits 100 columns.

Each row holds the id, agency, received date, due date (``±`` when the readings of the law give a
window of dates), working days left or late, and the status. The short note goes in a last column
when every note fits the terminal, else on its own line under the row.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..models import Status
from . import Report, rows

if TYPE_CHECKING:
    from rich.text import Text

#: Colour of each status (rich styles). Machine formats never use these.
STYLES: dict[Status, str] = {
    Status.OVERDUE: "bold red",
    Status.DUE_TODAY: "bold yellow",
    Status.DUE_SOON: "yellow",
    Status.OPEN: "green",
    Status.PAUSED: "cyan",
    Status.NO_DEADLINE: "blue",
    Status.ANSWERED_LATE: "magenta",
    Status.ANSWERED_ON_TIME: "dim",
    Status.ANSWERED: "dim",
}

_HEADERS = ("id", "agency", "received", "due", "work days", "status")
_CAPS = (22, 20, 10, 12, 11, 23)  # widest each column starts at ("appeal answered on time": 23)
_RIGHT = (False, False, False, False, True, False)
_GAP = 2
_NOTE_INDENT = 4


class TableFormat:
    name = "table"
    machine = False

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str:
        from rich.cells import cell_len
        from rich.console import Console
        from rich.text import Text

        width = max(width, 40)
        cells = [
            (
                d.request.id,
                d.request.agency,
                d.received.isoformat(),
                rows.due_cell(d),
                rows.left_cell(d),
                rows.status_text(d),
            )
            for d in report.deadlines
        ]
        notes = [rows.note(d) for d in report.deadlines]
        natural = [
            max([cell_len(h), *(cell_len(c[i]) for c in cells)]) for i, h in enumerate(_HEADERS)
        ]
        widths = [min(cap, n) for cap, n in zip(_CAPS, natural, strict=True)]
        # Squeeze id and agency (in that order of giving) when the fixed columns do not fit.
        fixed = sum(widths) + _GAP * (len(widths) - 1)
        for i in (1, 0):
            over = fixed - width
            if over > 0:
                give = min(over, widths[i] - 8)
                widths[i] -= give
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

        def row(values: tuple[str, ...], style: str = "", status_style: str = "") -> Text:
            line = Text(style=style)
            for i, (value, w) in enumerate(zip(values, widths, strict=True)):
                cell = Text(value, style=status_style if i == 5 else "")
                cell.truncate(w, overflow="ellipsis")
                pad = w - cell.cell_len
                if _RIGHT[i]:
                    cell.pad_left(pad)
                elif i < len(widths) - 1 or inline:
                    cell.pad_right(pad)
                if i:
                    line.append(" " * _GAP)
                line.append_text(cell)
            return line

        out = io.StringIO()
        console = Console(
            file=out,
            width=width,
            force_terminal=colour,
            no_color=not colour,
            color_system="standard" if colour else None,
            highlight=False,
            emoji=False,
            markup=False,
            legacy_windows=False,
            tab_size=4,
        )
        header = row(_HEADERS, style="bold" if colour else "")
        if inline:
            header.append(" " * _GAP + "note")
        console.print(header, overflow="ignore", crop=False, no_wrap=True)
        console.print("─" * min(width, fixed + (_GAP + note_width if inline else 0)))
        for d, values, text in zip(report.deadlines, cells, notes, strict=True):
            status = rows.current_status(d)
            line = row(values, status_style=STYLES.get(status, "") if colour else "")
            if inline and text:
                line.append(" " * _GAP + text, style="dim" if colour else "")
            console.print(line, overflow="ignore", crop=False, no_wrap=True)
            if text and not inline:
                note = Text(text, style="dim" if colour else "")
                for piece in note.wrap(console, width - _NOTE_INDENT, overflow="fold"):
                    piece.rstrip()
                    console.print(
                        Text(" " * _NOTE_INDENT).append_text(piece),
                        overflow="ignore",
                        crop=False,
                        no_wrap=True,
                    )
        if not report.deadlines:
            console.print("(no requests to show)")
        return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
