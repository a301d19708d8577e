"""Where each key of a TOML document is: line and column for error messages and CI annotations.

`tomllib` returns values without positions. This module scans the source text once and records the
position of every table header, key and array element under its *key path*: a tuple of key names
and array indexes, the same path that reaches the value in the parsed document, such as
``("request", 2, "toll", 0, "end")`` for the ``end`` key of the first ``[[request.toll]]`` of the
third ``[[request]]``.

The scanner follows the TOML grammar closely enough to skip every kind of value (the four kinds of
strings, multi-line arrays, inline tables, dates with a space in them) and never raises: on text
it does not understand it records what it has found so far. Positions are 1-based (line, column),
the column counted in characters.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SCALAR_STOP = frozenset(",]}#\n\r")


@dataclass
class Positions:
    """Key path -> (line, column). `duplicates` lists keys defined twice (for better messages
    when the parser rejects a file)."""

    found: dict[Path, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[Path, tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def exact(self, path: Path) -> tuple[int, int] | None:
        return self.found.get(path)

    def nearest(self, path: Path) -> tuple[int, int] | None:
        """The position of `path`, or of its closest recorded ancestor."""
        for n in range(len(path), 0, -1):
            hit = self.found.get(path[:n])
            if hit is not None:
                return hit
        return None


class _Stop(Exception):
    """The text does not follow the grammar here: stop scanning, keep what was found."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)
        self.out = Positions()
        self.aot: dict[Path, int] = {}  # array-of-tables path -> count so far
        self.headers: dict[Path, tuple[int, int]] = {}  # tables written as [x], where

    # ---- positions ----------------------------------------------------------------------------

    def where(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, pos) - 1
        return line + 1, pos - self.starts[line] + 1

    def record(self, path: Path, pos: int) -> None:
        if path in self.out.found:
            self.out.duplicates.append((path, self.out.found[path], self.where(pos)))
            return
        self.out.found[path] = self.where(pos)

    # ---- lexical helpers ----------------------------------------------------------------------

    def peek(self, i: int, s: str) -> bool:
        return self.text.startswith(s, i)

    def ws(self, i: int) -> int:
        while i < self.n and self.text[i] in " \t":
            i += 1
        return i

    def ws_nl(self, i: int) -> int:
        """Skip whitespace, newlines and comments (inside arrays)."""
        while i < self.n:
            ch = self.text[i]
            if ch in " \t\r\n":
                i += 1
            elif ch == "#":
                i = self.eol(i)
            else:
                break
        return i

    def eol(self, i: int) -> int:
        j = self.text.find("\n", i)
        return self.n if j < 0 else j

    def string(self, i: int) -> tuple[str, int]:
        """A string starting at `i`: its value (best effort) and the index after it."""
        t = self.text
        for quote in ('"""', "'''"):
            if t.startswith(quote, i):
                j = i + 3
                while j < self.n:
                    if quote == '"""' and t[j] == "\\":
                        j += 2
                        continue
                    if t.startswith(quote, j):
                        end = j + 3
                        extra = 0
                        while end < self.n and t[end] == quote[0] and extra < 2:
                            end += 1
                            extra += 1
                        return t[i + 3 : end - 3], end
                    j += 1
                raise _Stop
        quote = t[i]
        j = i + 1
        while j < self.n:
            ch = t[j]
            if ch == "\n":
                raise _Stop
            if quote == '"' and ch == "\\":
                j += 2
                continue
            if ch == quote:
                raw = t[i + 1 : j]
                if quote == '"' and "\\" in raw:
                    try:
                        value = json.loads(f'"{raw}"')
                    except ValueError:
                        value = raw
                    return str(value), j + 1
                return raw, j + 1
            j += 1
        raise _Stop

    def key(self, i: int) -> tuple[list[tuple[str, int]], int]:
        """A (dotted) key: its parts with their start indexes, and the index after it."""
        parts: list[tuple[str, int]] = []
        while True:
            i = self.ws(i)
            if i >= self.n:
                raise _Stop
            ch = self.text[i]
            if ch in "\"'":
                name, j = self.string(i)
            else:
                j = i
                while j < self.n and self.text[j] in _BARE:
                    j += 1
                if j == i:
                    raise _Stop
                name = self.text[i:j]
            parts.append((name, i))
            j = self.ws(j)
            if j < self.n and self.text[j] == ".":
                i = j + 1
                continue
            return parts, j

    # ---- values -------------------------------------------------------------------------------

    def value(self, i: int, path: Path) -> int:
        """Skip the value at `i`, recording keys of inline tables and array elements."""
        t = self.text
        if i >= self.n:
            raise _Stop
        ch = t[i]
        if ch in "\"'":
            return self.string(i)[1]
        if ch == "[":
            j = i + 1
            k = 0
            while True:
                j = self.ws_nl(j)
                if j >= self.n:
                    raise _Stop
                if t[j] == "]":
                    return j + 1
                self.record((*path, k), j)
                j = self.value(j, (*path, k))
                k += 1
                j = self.ws_nl(j)
                if j < self.n and t[j] == ",":
                    j += 1
        if ch == "{":
            j = self.ws(i + 1)
            if j < self.n and t[j] == "}":
                return j + 1
            while True:
                parts, j = self.key(j)
                sub = self.dotted(path, parts)
                if j >= self.n or t[j] != "=":
                    raise _Stop
                j = self.value(self.ws(j + 1), sub)
                j = self.ws(j)
                if j < self.n and t[j] == ",":
                    j = self.ws(j + 1)
                    continue
                if j < self.n and t[j] == "}":
                    return j + 1
                raise _Stop
        j = i
        while j < self.n and t[j] not in _SCALAR_STOP:
            j += 1
        if j == i:
            raise _Stop
        return j

    def dotted(self, base: Path, parts: list[tuple[str, int]]) -> Path:
        path = base
        for idx, (name, pos) in enumerate(parts):
            path = (*path, name)
            if idx == len(parts) - 1:
                self.record(path, pos)
            elif path not in self.out.found:
                self.out.found[path] = self.where(pos)
        return path

    # ---- the document -------------------------------------------------------------------------

    def header_path(self, names: list[str], array: bool) -> Path:
        path: Path = ()
        for idx, name in enumerate(names):
            path = (*path, name)
            last = idx == len(names) - 1
            if last and array:
                count = self.aot.get(path, 0)
                self.aot[path] = count + 1
                path = (*path, count)
            elif path in self.aot:
                path = (*path, self.aot[path] - 1)
        return path

    def run(self) -> Positions:
        t = self.text
        i = 0
        table: Path = ()
        try:
            while i < self.n:
                i = self.ws(i)
                if i >= self.n:
                    break
                ch = t[i]
                if ch in "\r\n":
                    i += 1
                    continue
                if ch == "#":
                    i = self.eol(i)
                    continue
                if ch == "[":
                    array = self.peek(i, "[[")
                    start = i
                    parts, j = self.key(i + (2 if array else 1))
                    close = "]]" if array else "]"
                    if not self.peek(j, close):
                        raise _Stop
                    table = self.header_path([p for p, _ in parts], array)
                    # the header line itself; sub-tables' parents as well (first mention wins)
                    if array:
                        self.out.found[table] = self.where(start)
                        if table[:-1] not in self.out.found:
                            self.out.found[table[:-1]] = self.where(start)
                    elif table in self.headers:  # [x] written twice: a duplicate
                        self.out.duplicates.append((table, self.headers[table], self.where(start)))
                    else:  # (a table created implicitly before, by [x.y], may still be written)
                        self.headers[table] = self.where(start)
                        self.out.found[table] = self.where(start)
                    i = j + len(close)
                else:
                    parts, j = self.key(i)
                    path = self.dotted(table, parts)
                    if j >= self.n or t[j] != "=":
                        raise _Stop
                    i = self.value(self.ws(j + 1), path)
                i = self.ws(i)
                if i < self.n and t[i] == "#":
                    i = self.eol(i)
                if i < self.n and t[i] not in "\r\n":
                    raise _Stop
        except (_Stop, IndexError, RecursionError):
            pass
        return self.out


def scan(text: str) -> Positions:
    """Positions of every key, table and array element of the TOML document `text`."""
    return _Scanner(text).run()
