"""Reading a requests file for a command, and computing its deadlines (every error placed at its
line and column in the file)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date

from ..engine import compute, today
from ..errors import FoiaclockError, InputError
from ..files import RequestsFile, decode, loads, read_bytes
from ..models import Request
from ..results import Deadline


def read(file: str, jurisdiction: str | None) -> RequestsFile:
    """The requests file `file` (``-``: stdin); `jurisdiction` replaces its default."""
    if file == "-":
        text, name = decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    else:
        text, name = decode(read_bytes(file), file), file
    return loads(text, name, default_jurisdiction=jurisdiction)


def deadline(rf: RequestsFile, request_id: str, as_of: date | None, soon: int) -> Deadline:
    """The deadline of one request of `rf` (which must have it)."""
    request = rf.find(request_id)
    assert request is not None
    return _computed(rf, request, as_of, soon)


def deadlines(rf: RequestsFile, as_of: date | None, soon: int | None = None) -> list[Deadline]:
    """Every request's deadline, in file order."""
    threshold = rf.threshold(soon)
    return [_computed(rf, r, as_of, threshold) for r in rf.requests]


def _computed(rf: RequestsFile, request: Request, as_of: date | None, soon: int) -> Deadline:
    """`request`'s deadline, an error in it placed at its line and column in `rf`."""
    try:
        return compute(
            request,
            as_of,
            soon=soon,
            jurisdictions=rf.jurisdictions,
            follow_up_every=rf.follow_up_every,
        )
    except FoiaclockError as exc:
        raise rf.located(exc, request) from None


def report_day(as_of: date | None, jurisdiction: str | None) -> date:
    """The day a report is stamped with: `as_of`, else today in the default jurisdiction's zone
    (the federal one for a jurisdiction of the file's own)."""
    if as_of is not None:
        return as_of
    try:
        return today(jurisdiction or "us")
    except FoiaclockError:
        return today("us")


def expand(patterns: Sequence[str]) -> list[str]:
    """The files `patterns` name: each a path, ``-`` (stdin), or a glob (``requests/*.toml``,
    ``**/requests*.toml``) expanded here for shells and workflow inputs that do not; every file
    once, in the order given (a glob's matches sorted). A glob that matches nothing is an error
    (exit 2), so a mistyped pattern never passes a check by checking nothing."""
    import glob

    out: list[str] = []
    for pattern in patterns:
        if pattern == "-" or not glob.has_magic(pattern) or os.path.exists(pattern):
            out.append(pattern)
            continue
        matches = sorted(m for m in glob.glob(pattern, recursive=True) if os.path.isfile(m))
        if not matches:
            raise InputError(f"no file matches {pattern!r}")
        out.extend(matches)
    return list(dict.fromkeys(out))
