"""Which request key each column of a sheet fills: by its name, through the synonyms below, or
as ``--map COLUMN=KEY`` says.

Names are compared without case, punctuation or repeated spaces ("Date Sent:", "date_sent" and
"DATE SENT" are one name; "#" reads as "number"). When two columns could fill one key, the
better name wins (a "received" column over a "sent" one) and the other is reported as unused;
two equally good ones are an error that asks for ``--map``. A column no synonym names is not
imported, and is listed in the report (``--map COLUMN=notes`` keeps it in the request's notes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import checks as s
from ..errors import InputError

#: The keys a column may fill, and what kind of value it holds.
KINDS: dict[str, str] = {
    "id": "text", "agency": "text", "subject": "text", "tracking": "text", "contact": "text",
    "track": "text", "notes": "notes", "jurisdiction": "jurisdiction",
    "received": "moment", "first_received": "moment", "acknowledged": "day", "responded": "day",
    "postmarked": "day", "estimated_completion": "day",
    "appeal.filed": "day", "appeal.received": "day", "appeal.decided": "day",
    "expedited": "flag", "adverse": "flag", "fee_exception": "flag",
    "extension": "extension", "via": "via", "target_days": "number",
}  # fmt: skip
IGNORE = "ignore"

#: key -> its names, best first: a name of an earlier group beats one of a later group.
#: The second group of `received` are the days a request was *sent* (filed, submitted): the
#: import uses them as the day of receipt and says so in the file it writes.
SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "id": (("id", "request id", "foiaclock id"),),
    "agency": (
        ("agency", "agency name", "public body", "public agency", "authority"),
        ("office", "department", "dept", "custodian", "component", "recipient", "to", "sent to",
         "records custodian", "organization", "organisation"),
    ),
    "tracking": (
        ("tracking", "tracking number", "tracking no", "tracking id", "tracking numbers"),
        ("request number", "request no", "id number assigned", "id assigned", "number assigned",
         "foia number", "foia no", "foia id", "case number", "case no", "reference",
         "reference number", "ref", "ref no", "control number", "confirmation number",
         "agency number", "agency tracking number", "request tracking number"),
    ),
    "subject": (
        ("subject", "title", "request title"),
        ("description", "requested documents", "records requested", "documents requested",
         "request", "records sought", "topic", "summary", "request description"),
    ),
    "received": (
        ("received", "date received", "received date", "received on", "receipt date",
         "date of receipt", "original received date", "agency received"),
        ("date filed", "filed", "filed on", "filing date", "date sent", "sent", "sent on",
         "sent date", "date submitted", "submitted", "submitted on", "submission date",
         "request date", "date requested", "date of request", "requested on", "date made"),
        ("date",),
    ),
    "first_received": (("first received", "originally received", "first receipt"),),
    "postmarked": (("postmarked", "postmark", "postmark date", "date postmarked", "date mailed"),),
    "acknowledged": (
        ("acknowledged", "date acknowledged", "acknowledgement date", "acknowledgment date",
         "ack date", "date of acknowledgement", "date of acknowledgment", "acknowledged on"),
    ),
    "responded": (
        ("responded", "date responded", "response date", "date of response", "responded on",
         "determination date", "date of determination"),
        ("date done", "date closed", "closed date", "closed", "closed on", "date completed",
         "completed", "completion date", "date fulfilled"),
    ),
    "estimated_completion": (
        ("estimated completion", "estimated completion date", "estimated date of completion",
         "edc", "ecd"),
    ),
    "appeal.filed": (("appeal filed", "date appealed", "appealed on", "appeal date"),),
    "appeal.decided": (("appeal decided", "appeal decision", "appeal decision date"),),
    "expedited": (("expedited", "expedited processing", "expedite", "expedited requested"),),
    "adverse": (("adverse", "denied", "withheld"),),
    "extension": (("extension", "extended"),),
    "via": (("via", "sent via", "submitted via", "method", "how sent", "delivery", "channel",
             "delivery method", "submission method"),),
    "jurisdiction": (("jurisdiction", "law", "foiaclock jurisdiction"),),
    "notes": (("notes", "note", "comments", "comment"), ("status", "request status")),
    "contact": (("contact", "agency contact", "foia officer", "contact person"),),
    "target_days": (("target days",),),
}  # fmt: skip

SENT_NAMES = frozenset(SYNONYMS["received"][1] + SYNONYMS["received"][2])


def normal(name: str) -> str:
    """A column name for comparison: lower case, '#' as 'number', '&' as 'and', everything but
    letters and digits a single space."""
    text = name.lower().replace("#", " number ").replace("&", " and ")
    return " ".join(re.split(r"[^0-9a-z]+", text)).strip()


_NAMES: dict[str, tuple[str, int]] = {
    normal(n): (key, rank)
    for key, groups in SYNONYMS.items()
    for rank, g in enumerate(groups)
    for n in g
}


@dataclass(frozen=True)
class Column:
    """A column that fills `key`; `why` says how it was chosen (for the report)."""

    index: int
    header: str
    key: str
    why: str


@dataclass(frozen=True)
class Plan:
    columns: tuple[Column, ...]
    unused: tuple[str, ...]  # report lines for the columns not imported

    def get(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def parse_maps(maps: Sequence[str]) -> dict[str, str]:
    """``--map COLUMN=KEY`` options -> {normal(COLUMN): KEY} (KEY checked)."""
    out: dict[str, str] = {}
    allowed = [*KINDS, IGNORE]
    for item in maps:
        column, sep, key = item.rpartition("=")
        key = key.strip().lower()
        if not sep or not column.strip():
            raise InputError(f"--map {item!r}: write COLUMN=KEY, like --map 'Date filed=received'")
        if key not in allowed:
            raise InputError(
                f"--map {item!r}: {key!r} is not a key an import fills{s.suggest(key, allowed)}; the keys: {', '.join(allowed)}"
            )
        out[normal(column)] = key
    return out


def plan(
    headers: Sequence[str],
    maps: Mapping[str, str],
    path: str,
    *,
    preset: Mapping[str, str] | None = None,
    origin: str = "",
    read_apart: Mapping[str, str] | None = None,
) -> Plan:
    """Which column fills which key. Raises `InputError` for a --map that names no column, two
    --map options that fill one key, or two equally good columns for one key.

    A sheet of a known origin (MuckRock) gives `preset` (its columns' keys; the others are not
    imported) and `read_apart` (the columns its own reader uses, with what for)."""
    preset = preset or {}
    read_apart = read_apart or {}
    by_name = {normal(h): i for i, h in enumerate(headers) if h}
    for name in maps:
        if name not in by_name:
            raise InputError(
                f"--map: the sheet has no column {name!r}; its columns: {', '.join(repr(h) for h in headers if h)}",
                path=path,
            )
    chosen: dict[str, list[tuple[int, int, str]]] = {}
    unused: list[str] = []
    for i, header in enumerate(headers):
        name = normal(header)
        if not header:
            continue
        if name in maps:
            key = maps[name]
            if key == IGNORE:
                unused.append(f"{header!r}: not imported (--map)")
                continue
            chosen.setdefault(key, []).append((-1, i, "--map"))
        elif name in read_apart:
            unused.append(f"{header!r} -> {read_apart[name]} ({origin}'s column)")
        elif preset:
            if name in preset:
                chosen.setdefault(preset[name], []).append((0, i, f"{origin}'s column"))
            else:
                unused.append(f"{header!r}: not imported (not used by foiaclock)")
        elif name in _NAMES:
            key, rank = _NAMES[name]
            chosen.setdefault(key, []).append((rank, i, "by its name"))
        else:
            unused.append(
                f"{header!r}: not imported (no key has this name; --map {header!r}=KEY to use it)"
            )
    columns: list[Column] = []
    for key, found in chosen.items():
        found.sort()
        if key == "notes":
            columns += [Column(i, headers[i], key, why) for _, i, why in found]
            continue
        best = [f for f in found if f[0] == found[0][0]]
        if len(best) > 1:
            names = " and ".join(repr(headers[i]) for _, i, _ in best)
            raise InputError(
                f"columns {names} could both be {key}; choose with --map, like "
                f"--map {headers[best[1][1]]!r}=ignore", path=path)  # fmt: skip
        columns.append(Column(found[0][1], headers[found[0][1]], key, found[0][2]))
        for _, i, _ in found[1:]:
            unused.append(f"{headers[i]!r}: not imported ({headers[found[0][1]]!r} is the {key})")
    return Plan(tuple(sorted(columns, key=lambda c: c.index)), tuple(unused))
