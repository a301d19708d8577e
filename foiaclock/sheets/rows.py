"""A `Table` and its `Plan` -> `Entry`s (the requests to write) and `Rejected` rows (each with
its reason): the cells read by kind, dates by column (`dates.read_column`), ids made when the
sheet has none."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..errors import InputError
from ..law import get_jurisdiction
from . import values as v
from .columns import KINDS, SENT_NAMES, Plan, normal
from .dates import DateColumn, Moment, is_empty, read_column
from .table import Table


@dataclass
class Entry:
    """One request to write: `values` by key (text, dates, flags, numbers), `notes` to join."""

    where: str
    values: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    where: str
    reason: str


#: A profile's hook: the row's cells by normal column name and its entry so far -> the reason
#: the row is not imported, or "".
Hook = Callable[[Mapping[str, str], Entry], str]


@dataclass
class Converted:
    entries: list[Entry]
    rejected: list[Rejected]
    report: list[str]
    sent_column: str  # the header of a "sent" column read as `received` ("" if none)


def convert(
    table: Table,
    plan: Plan,
    *,
    order: str | None,
    default_jurisdiction: str,
    hook: Hook | None = None,
) -> Converted:
    _required_columns(table, plan, hook is not None)
    dated = {
        c.index: read_column(
            c.header,
            [
                (r, f"{table.unit} {line}", cells[c.index])
                for r, (line, cells) in enumerate(table.rows)
            ],
            order=order,
            path=table.path,
        )
        for c in plan.columns
        if KINDS[c.key] in ("moment", "day")
    }
    report = [_describe(c.header, c.key, c.why, dated.get(c.index)) for c in plan.columns]
    report += plan.unused
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    extra = set(table.extra)
    for r, (line, cells) in enumerate(table.rows):
        where = f"{table.unit} {line}"
        if line in extra:
            rejected.append(Rejected(where, _EXTRA))
            continue
        entry = Entry(where)
        problems = [
            p
            for c in plan.columns
            if (p := _fill(entry, c.key, c.header, cells[c.index], dated.get(c.index), r))
        ]
        if not problems and hook is not None:
            problems = (
                [p]
                if (p := hook({normal(h): cells[i] for i, h in enumerate(table.headers)}, entry))
                else []
            )
        if not problems:
            problems = _required(entry, plan)
        if problems:
            rejected.append(Rejected(where, "; ".join(problems)))
            continue
        _local_days(entry, default_jurisdiction)
        entries.append(entry)
    rejected += _assign_ids(entries)
    received = plan.get("received")
    sent = received.header if received and normal(received.header) in _SENT else ""
    return Converted(entries, rejected, report, sent)


_EXTRA = "more cells than the header has columns (a comma in a cell without quotes?)"
_SENT = frozenset({normal(n) for n in SENT_NAMES} | {"datetime submitted"})


def _describe(header: str, key: str, why: str, dated: DateColumn | None) -> str:
    text = f"{header!r} -> {key} ({why}"
    if dated is not None:
        text += f"; dates: {dated.how}"
    return text + ")"


def _fill(entry: Entry, key: str, header: str, text: str, dated: DateColumn | None, r: int) -> str:
    """Put the cell's value in `entry`; the problem with it, or ""."""
    kind = KINDS[key]
    if dated is not None:
        if r in dated.bad:
            return f"column {header!r}: {dated.bad[r]}"
        if r in dated.values:
            entry.values[key] = dated.values[r]
        return ""
    text = text.strip()
    if not text or (kind != "text" and is_empty(text)):
        return ""
    try:
        if kind == "text":
            entry.values[key] = " ".join(text.split()) if key != "notes" else text
        elif kind == "notes":
            entry.notes.append(
                text
                if normal(header) in ("notes", "note", "comments", "comment")
                else f"{header}: {text}"
            )
        elif kind == "flag":
            entry.values[key] = v.flag(text)
        elif kind == "number":
            entry.values[key] = v.number(text)
        elif kind == "extension":
            if (ext := v.extension(text)) is not None:
                entry.values[key] = ext
        elif kind == "via":
            entry.values[key], note = v.via(text)
            if note:
                entry.notes.append(note)
        elif kind == "jurisdiction":
            entry.values[key] = v.jurisdiction(text)
    except ValueError as exc:
        return f"column {header!r}: {exc}"
    return ""


_WHAT = {"agency": "the agency", "received": "the day received (or sent)"}


def _required_columns(table: Table, plan: Plan, has_hook: bool) -> None:
    """A sheet without a column for a required key is not a sheet of requests (yet)."""
    for key in ("received", *(() if has_hook else ("agency",))):
        if plan.get(key) is None:
            raise InputError(
                f"no column gives {_WHAT[key]} of each request; name the one that does with "
                f"--map COLUMN={key} (the columns: {', '.join(repr(h) for h in table.headers if h)})",
                path=table.path,
            )


def _required(entry: Entry, plan: Plan) -> list[str]:
    out = []
    for key in ("agency", "received"):
        if key not in entry.values:
            column = plan.get(key)
            where = f"column {column.header!r}" if column else "the sheet"
            out.append(f"{where} has no value for {_WHAT[key]}, which is required")
    return out


def _local_days(entry: Entry, default_jurisdiction: str) -> None:
    """The keys that hold a day (responded, acknowledged, the appeal's) from a moment with an
    offset: the day in the request's time zone (a MuckRock timestamp is in UTC)."""
    zone: ZoneInfo | None = None
    for key, value in entry.values.items():
        if KINDS.get(key) != "day" or not isinstance(value, datetime):
            continue
        if value.tzinfo is not None:
            if zone is None:
                code = str(entry.values.get("jurisdiction") or default_jurisdiction or "us")
                zone = ZoneInfo(get_jurisdiction(code).timezone)
            value = value.astimezone(zone)
        entry.values[key] = value.date()


def slug(text: str) -> str:
    return "-".join(re.split(r"[^0-9a-z]+", text.lower())).strip("-")


def _assign_ids(entries: list[Entry]) -> list[Rejected]:
    """Keep the sheet's ids (a repeated one rejects the later row); make the others from the
    agency and the tracking number, else the day received: the same sheet always gives the
    same ids, and a row's id does not depend on the rows before it unless they share it (then
    ``-2``, ``-3``... in sheet order)."""
    rejected: list[Rejected] = []
    taken: dict[str, str] = {}
    for entry in list(entries):
        rid = entry.values.get("id")
        if rid is None:
            continue
        rid = str(rid)
        if rid in taken:
            rejected.append(Rejected(entry.where, f"id {rid!r} is already the id of {taken[rid]}"))
            entries.remove(entry)
            continue
        taken[rid] = entry.where
    for entry in entries:
        if "id" in entry.values:
            continue
        received = entry.values["received"]
        day = received.date() if isinstance(received, datetime) else received
        assert isinstance(day, date)
        tail = slug(str(entry.values.get("tracking", ""))) or day.isoformat()
        base = f"{slug(str(entry.values['agency']))[:32].strip('-') or 'request'}-{tail}"
        rid, n = base, 1
        while rid in taken:
            n += 1
            rid = f"{base}-{n}"
        taken[rid] = entry.where
        entry.values["id"] = rid
    return rejected


__all__ = ["Converted", "Entry", "Hook", "Moment", "Rejected", "convert", "slug"]
