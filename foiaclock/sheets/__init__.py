"""Sheets of requests -> the text of a requests file (``foiaclock import``).

* `table`: CSV bytes -> a `Table` (a byte-order mark, CRLF, empty rows);
* `columns`: which column fills which key (synonyms, ``--map``);
* `dates`: a column's dates, read in one format for the whole column;
* `values`: one cell -> a flag, a channel, a jurisdiction, a number;
* `rows`: the table -> `Entry`s and `Rejected` rows, ids made when the sheet has none;
* `muckrock`: MuckRock's CSV export and API JSON;
* `render`: `Entry`s -> TOML text.

Library code: it raises `InputError` for a sheet it cannot read at all (and for a column whose
dates are ambiguous), returns the rows it cannot import with their reasons, and never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import muckrock
from .columns import parse_maps, plan
from .render import Rendered, render
from .rows import Converted, Rejected, convert
from .table import Table, read_csv


@dataclass(frozen=True)
class Imported:
    kind: str  # "CSV", "MuckRock CSV", "MuckRock JSON"
    table: Table
    converted: Converted

    def render(self, source: str, jurisdiction: str) -> Rendered:
        return render(self.converted, source, jurisdiction, len(self.table.rows))


def read_sheet(
    data: bytes,
    path: str,
    *,
    maps: Sequence[str] = (),
    order: str | None = None,
    jurisdiction: str = "",
) -> Imported:
    """Read the sheet `data` (named `path` in messages): CSV, MuckRock's CSV export, or
    MuckRock's JSON (by its content: JSON starts with ``[`` or ``{``)."""
    user_maps = parse_maps(maps)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    hook = None
    if stripped[:1] in (b"[", b"{"):
        table = muckrock.read_json(data, path)
        kind, preset = "MuckRock JSON", muckrock.JSON_MAPS
        if not muckrock.is_muckrock_json(table.headers):
            kind, preset = "JSON", {}
    else:
        table = read_csv(data, path)
        is_mr = muckrock.is_muckrock_csv(table.headers)
        kind, preset = ("MuckRock CSV", muckrock.CSV_MAPS) if is_mr else ("CSV", {})
    if preset:
        hook = muckrock.finish
    columns = plan(
        table.headers, user_maps, path,
        preset=preset, origin="MuckRock", read_apart=muckrock.READ_APART if preset else None,
    )  # fmt: skip
    converted = convert(table, columns, order=order, default_jurisdiction=jurisdiction, hook=hook)
    if kind == "MuckRock JSON" and any(
        str(e.values.get("agency", "")).startswith("MuckRock agency ") for e in converted.entries
    ):
        converted.report.append(
            "agency: MuckRock's API gives each agency as a number (written 'MuckRock agency N') "
            "and does not say its jurisdiction: put the agency's name there and, for a state or "
            "local agency, its jurisdiction (--jurisdiction CODE for all), or the federal "
            "statute is used"
        )
    return Imported(kind, table, converted)


__all__ = ["Imported", "Rejected", "read_sheet"]
