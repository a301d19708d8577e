"""Requests files: TOML text -> `Request`s, every mistake located at file:line:column.

* `read`: bytes -> text -> a TOML document (encoding and syntax errors);
* `document`: the parsed document -> `Request`s (structure; the models check the values);
* `positions`: where each key is in the text;
* `requests_file`: `RequestsFile`, which also places the engine's errors in the file.

Library code: it raises `InputError` (with path, line and column) and never prints; it never
counts (the engine does).
"""

from __future__ import annotations

from pathlib import Path

from .document import build
from .read import decode, display_name, parse, read_bytes
from .requests_file import RequestsFile


def load(path: str | Path, *, default_jurisdiction: str | None = None) -> RequestsFile:
    """Read and check the requests file at `path`. Raises `InputError`.

    `default_jurisdiction` replaces the file's ``[defaults] jurisdiction`` (as ``--jurisdiction``
    does on the command line)."""
    name = str(path)
    return loads(decode(read_bytes(name), name), name, default_jurisdiction=default_jurisdiction)


def load_bytes(
    data: bytes, path: str = "-", *, default_jurisdiction: str | None = None
) -> RequestsFile:
    """Check that `data` is UTF-8 text, then read it (`path` is only for messages)."""
    name = display_name(path)
    return loads(decode(data, name), name, default_jurisdiction=default_jurisdiction)


def loads(
    text: str, path: str = "<string>", *, default_jurisdiction: str | None = None
) -> RequestsFile:
    """Read and check a requests file given as text (`path` is only for messages). Raises
    `InputError`."""
    return build(parse(text, path), text, path, default_jurisdiction)


__all__ = ["RequestsFile", "decode", "display_name", "load", "load_bytes", "loads", "read_bytes"]
