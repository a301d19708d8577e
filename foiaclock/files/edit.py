"""Editing a requests file as its author wrote it: one request's text changed, every other byte kept.

An edit is worked out on the text, never on disk: `add_request`, `update_request`, `add_toll` and
`end_toll` return an `Edit` (the text before, the text after, and the document `tomllib` must read
from the text after). The text of the one request edited is found from the header lines (one
pass, checked by reading it back), given to tomlkit (which keeps comments, order and spacing)
and put back in place; the rest of the file is copied as it is. `check` reads the result back, compares it with the
intended document and runs the loader's checks; the CLI (`foiaclock.cli.edit`) writes it.

tomlkit is used here only, and imported when an edit is made: reading stays with `tomllib`.
"""

from __future__ import annotations

import copy
import difflib
import re
import sys
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import parse_day, parse_moment
from ..errors import InputError
from .document import build
from .read import parse
from .requests_file import RequestsFile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: Keys whose value is text, whatever it looks like (``tracking=2018`` is the string "2018").
TEXT_KEYS = frozenset((
    "id", "agency", "subject", "tracking", "notes", "contact", "jurisdiction", "via", "track",
    "note", "about",
))  # fmt: skip
#: Keys whose value is a day, and the loader's parser for a day not written the TOML way.
_DAY_PARSERS: dict[str, Callable[[str], Any]] = {
    "received": parse_moment,
    "first_received": parse_moment,
    "acknowledged": parse_day,
    "responded": parse_day,
    "postmarked": parse_day,
    "estimated_completion": parse_day,
    "extension": parse_day,
    "appeal.filed": parse_day,
    "appeal.received": parse_day,
    "appeal.decided": parse_day,
    "start": parse_day,
    "end": parse_day,
}
_REQUEST_HEADER = ("request",)

Key = tuple[str, ...]
Table = MutableMapping[str, Any]


@dataclass(frozen=True)
class Assignment:
    """``KEY=VALUE`` from the command line: the key path and the value `tomllib` will read."""

    key: Key
    value: Any

    @property
    def name(self) -> str:
        return ".".join(self.key)


@dataclass(frozen=True)
class Edit:
    """A change to a requests file, not yet written."""

    before: str
    after: str
    expected: dict[str, Any]
    """The document `tomllib` must read from `after`: the one read from `before`, changed."""
    indexes: tuple[int, ...]
    """The edited requests (their places in the file)."""
    summary: str
    """What was done, in words (``updated request 'x': responded, adverse``)."""

    def diff(self, path: str) -> str:
        """The change as a unified diff, the file named `path` on both sides (``patch -p0``)."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            path,
            path,
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


# ---- values -----------------------------------------------------------------------------------


def assignment(arg: str) -> Assignment:
    """``KEY=VALUE`` read the way the file would say it. Raises `InputError`."""
    key_text, eq, raw = arg.partition("=")
    key = tuple(part.strip() for part in key_text.split("."))
    if not eq or not all(key):
        raise InputError(
            f"{arg!r} is not KEY=VALUE: write the field, '=', and its value, like "
            "responded=2026-12-03 or appeal.filed=2026-12-10"
        )
    if (
        key[0] in ("toll", "reply", "letter")
        or len(key) > 2
        or (len(key) == 2 and key[0] != "appeal")
    ):
        raise InputError(
            f"{arg!r}: give a field of the request (like responded) or of its appeal (like "
            "appeal.filed); pauses are added and closed with `foiaclock toll`, replies and letters "
            "are written in the file as [[request.reply]] and [[request.letter]]"
        )
    return Assignment(key, value_of(key, raw))


def value_of(key: Key, raw: str) -> Any:
    """The value of `raw` for the field `key`: text for a text field; else a TOML value when it
    is one (``true``, ``10``, ``2026-12-03``); else a day read by the loader's own parser; else
    the text (which the loader then checks, and refuses with its message if it must)."""
    if key[-1] in TEXT_KEYS:
        return raw
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        pass
    parser = _DAY_PARSERS.get(".".join(key)) or _DAY_PARSERS.get(key[-1])
    if parser is not None:
        try:
            return parser(raw)
        except ValueError:
            pass
    return raw


# ---- the edits --------------------------------------------------------------------------------


def add_request(text: str, path: str, values: list[Assignment]) -> Edit:
    """A new ``[[request]]`` at the end of the file, with `values` in their order."""
    import tomlkit

    doc = parse(text, path) if text.strip() else {}
    expected = copy.deepcopy(doc)
    _no_twice(values)
    new: dict[str, Any] = {}
    table = tomlkit.table()
    for a in values:
        _assign(new, a.key, a.value, dict)
        _assign(table, a.key, a.value, tomlkit.table)
    items = expected.setdefault("request", [])
    if not isinstance(items, list):
        raise InputError(
            "the requests are not written as [[request]] tables: add the request by hand",
            path=path,
        )
    items.append(new)
    frag = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    frag.append("request", aot)
    sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    after = text + _line_ends(text, sep + tomlkit.dumps(frag))
    rid = new.get("id", "")
    return Edit(text, after, expected, (len(items) - 1,), f"added request {rid!r}")


def update_request(text: str, path: str, rid: str, values: list[Assignment]) -> Edit:
    """The request `rid` with each of `values` set (a key it has keeps its place and comment;
    a new one goes after its last key)."""
    _no_twice(values)

    def change(table: Table, plain: Table, _: Any) -> None:
        import tomlkit

        for a in values:
            _assign(plain, a.key, a.value, dict)
            _assign(table, a.key, a.value, tomlkit.table)

    names = ", ".join(a.name for a in values)
    return _edit_request(text, path, rid, change, f"updated request {rid!r}: {names}")


def add_toll(
    text: str, path: str, rid: str, start: date, end: date | None, kind: str | None, note: str
) -> Edit:
    """A new ``[[request.toll]]`` pause after the request's others."""
    toll: dict[str, Any] = {"start": start}
    if end is not None:
        toll["end"] = end
    if kind:
        toll["kind"] = kind
    if note:
        toll["note"] = note

    def change(table: Table, plain: Table, _: Any) -> None:
        import tomlkit

        plain.setdefault("toll", []).append(dict(toll))
        if "toll" not in table:
            table.append("toll", tomlkit.aot())  # type: ignore[attr-defined]
        item = tomlkit.table()
        item.update(toll)
        table["toll"].append(item)

    return _edit_request(text, path, rid, change, f"added a pause to request {rid!r}")


def end_toll(text: str, path: str, rid: str, end: date) -> Edit:
    """The request's open pause (the last one without an ``end``) ended on `end`."""
    shown: list[str] = []

    def change(table: Table, plain: Table, located: Any) -> None:
        tolls = plain.get("toll")
        open_ = [k for k, t in enumerate(tolls or []) if isinstance(t, dict) and "end" not in t]
        if not open_:
            raise InputError(
                f"request {rid!r} has no open pause (every pause has an 'end'); to add one: "
                f"foiaclock toll {path} {rid} START",
                path=path,
                line=located[0] if located else None,
                column=located[1] if located else None,
            )
        k = open_[-1]
        plain["toll"][k]["end"] = end
        table["toll"][k]["end"] = end
        shown.append(f"toll {k + 1} (from {plain['toll'][k].get('start')})")

    e = _edit_request(text, path, rid, change, "")
    return Edit(
        e.before, e.after, e.expected, e.indexes, f"ended {shown[0]} of request {rid!r} on {end}"
    )


# ---- checking an edit -------------------------------------------------------------------------


def check(edit: Edit, path: str) -> RequestsFile:
    """The edited file read back: it must give exactly `edit.expected` (else the edit would have
    changed more than it says: a bug, `RuntimeError`), and pass the loader's checks
    (`InputError`). The engine's checks of the edited requests are the caller's."""
    doc = parse(edit.after, path)
    if doc != edit.expected:
        raise RuntimeError(
            f"the edit of {path} would not give the intended requests (nothing was written)"
        )
    return build(doc, edit.after, path, None)


# ---- inside ---------------------------------------------------------------------------------


def _edit_request(
    text: str, path: str, rid: str, change: Callable[[Table, Table, Any], None], summary: str
) -> Edit:
    """`change(tomlkit table, plain table, position)` applied to request `rid`'s text alone
    (or, when its text is not in one piece, to the whole document), spliced back."""
    import tomlkit

    doc = parse(text, path)
    index = _index_of(doc, rid, path)
    expected = copy.deepcopy(doc)
    span = _span(text, doc, index)
    if span is None:  # e.g. requests written as an inline array: the whole document
        from .positions import scan

        located = scan(text).exact(("request", index))
        whole = tomlkit.parse(text)
        change(whole["request"][index], expected["request"][index], located)
        after = _line_ends(text, tomlkit.dumps(whole))
    else:
        start, end = span
        located = (text.count("\n", 0, start) + 1, text.index("[", start) - start + 1)
        own, tail = _own_text(text[start:end])
        piece = tomlkit.parse(own)
        change(piece["request"][0], expected["request"][index], located)
        new = _line_ends(text, tomlkit.dumps(piece)).rstrip("\r\n")
        after = text[:start] + new + own[len(own.rstrip("\r\n")) :] + tail + text[end:]
    return Edit(text, after, expected, (index,), summary)


def _index_of(doc: dict[str, Any], rid: str, path: str) -> int:
    items = doc.get("request")
    ids = [t.get("id") for t in items if isinstance(t, dict)] if isinstance(items, list) else []
    if rid in ids:
        return ids.index(rid)
    close = difflib.get_close_matches(rid, [i for i in ids if isinstance(i, str)], n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise InputError(f"no request has the id {rid!r}{hint}", path=path)


#: A line that is a table header: ``[name]`` or ``[[name]]``, a comment after it allowed.
_HEADER = re.compile(
    r"^[ \t]*(?:\[\[(?P<array>[^\[\]\n#]*)\]\]|\[(?P<table>[^\[\]\n#]*)\])[ \t]*(?:#.*)?\r?$", re.M
)


def _span(text: str, doc: dict[str, Any], index: int) -> tuple[int, int] | None:
    """Where request `index`'s text is: from the start of its ``[[request]]`` line to the start
    of the next header line that is not one of its own tables (``[[request.toll]]``...). One
    pass over the lines; the piece found must read back as that request alone, else ``None``
    (its text is not in one piece, or a line inside a multi-line string looks like a header)."""
    heads = [
        (
            m.start(),
            m["array"] is not None,
            "".join((m["table"] if m["array"] is None else m["array"]).split()),
        )
        for m in _HEADER.finditer(text)
    ]
    starts = [k for k, (_, array, name) in enumerate(heads) if array and name == "request"]
    if len(starts) != len(doc["request"]):
        return None
    k = starts[index]
    nxt = next(
        (j for j in range(k + 1, len(heads)) if not heads[j][2].startswith("request.")), None
    )
    start, end = heads[k][0], heads[nxt][0] if nxt is not None else len(text)
    try:
        alone = tomllib.loads(text[start:end])
    except tomllib.TOMLDecodeError:
        return None
    return (start, end) if alone == {"request": [doc["request"][index]]} else None


def _own_text(piece: str) -> tuple[str, str]:
    """`piece` split before what belongs to the table after it: from the first blank line of
    the blank and comment lines it ends with, that line kept (a section's heading comment stays
    above the next table; a comment right under the last key stays with it)."""
    lines = piece.splitlines(keepends=True)
    k = len(lines)
    while k and (not lines[k - 1].strip() or lines[k - 1].lstrip().startswith("#")):
        k -= 1
    blank = next((j for j in range(k, len(lines)) if not lines[j].strip()), len(lines))
    # (the blank line itself goes with the table: tomlkit then puts a new table after it)
    return "".join(lines[: blank + 1]), "".join(lines[blank + 1 :])


def _assign(table: Table, key: Key, value: Any, new_table: Callable[[], Any]) -> None:
    for part in key[:-1]:
        if part not in table:
            table[part] = new_table()
        sub = table[part]
        if not isinstance(sub, MutableMapping):
            raise InputError(f"{'.'.join(key)}: {part!r} is not a table in this request")
        table = sub
    table[key[-1]] = value


def _no_twice(values: list[Assignment]) -> None:
    seen: set[Key] = set()
    for a in values:
        if a.key in seen:
            raise InputError(f"{a.name} is given twice; give each field once")
        seen.add(a.key)


def _line_ends(text: str, new: str) -> str:
    """`new` with the line ends of `text` (a file written with CRLF stays CRLF)."""
    if "\r\n" in text:
        return re.sub(r"(?<!\r)\n", "\r\n", new)
    return new


__all__ = [
    "Assignment",
    "Edit",
    "add_request",
    "add_toll",
    "assignment",
    "check",
    "end_toll",
    "update_request",
    "value_of",
]
