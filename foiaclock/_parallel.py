"""``foiaclock status`` in a row format (JSON, CSV) on a large file, using several cores.

Reading TOML, checking the requests, computing and encoding them cost about as much per request
as each other, and every request is independent of the others once the file's top matter (the
``[defaults]`` and ``[jurisdiction.X]`` tables) is known. So a large file is cut into pieces at
its ``[[request]]`` header lines; each piece is read, checked, computed and turned into rows in
a process of its own (forked, so nothing is imported twice), and the rows are merged in file
order and sorted, exactly as one process would have done.

Why the pieces give what the whole file gives. The cuts are made only at lines that are exactly
``[[request]]`` (perhaps with a comment). Let *head* be the text before the first of them and
cut the rest at header lines c1 < c2 < ...; piece 0 is ``text[:c1]``, piece k is
``head + text[ck:ck+1]``, and every piece but the last gets one more ``[[request]]`` line at its
end. A TOML reader works left to right, so on ``text[:c1] + "[[request]]"`` it is in the same
state at c1 as on the whole text; that it accepts the extra header (an empty table, which is then
dropped) shows that c1 is between two statements, outside every string, array and inline table,
and that ``request`` is an array of tables that may be appended to. The same holds for each
later piece. After a ``[[request]]`` header the reader's state depends only on which top-level
tables exist (tomllib resets the sub-keys of ``request`` at each header), so a piece reads the
same way after *head* as after everything before it, provided no piece defines a top-level
table other than ``request`` beyond what *head* defines: each piece's non-request tables must
equal *head*'s, and *head* must hold no request. Finally no request id may repeat across pieces.

Whenever any of this fails (a TOML error, a bad request, an engine error, a check above, a
worker that dies), the file is read again in one process, which gives the usual message with
its line and column. So the pieces never change an answer or a message: they only change how
long it takes. ``FOIACLOCK_JOBS=1`` turns them off; tests compare both ways byte for byte.
Only where ``os.fork`` is safe and cheap (Linux).
"""

from __future__ import annotations

import bisect
import contextlib
import os
import pickle
import re
import signal
import struct
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from .errors import FoiaclockError
from .formats import RowFormatter
from .formats import rows as rowtools
from .loader import RequestsFile, _Builder, loads
from .models import Status

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

T = TypeVar("T")

#: A header line where a file may be cut: exactly ``[[request]]``, then spaces or a comment.
#: (Matched with the newline before it, which lets the regex engine search for that literal: three
#: times faster than a multi-line ``^``.)
_HEADER = re.compile(r"\n\[\[request\]\][ \t]*(?:#[^\r\n]*)?\r?(?=\n|\Z)")
#: Files with fewer requests are read in one process: forking would cost more than it saves.
MIN_REQUESTS = 2000
#: Requests per piece, at least, and pieces per process: small enough pieces that the processes
#: finish together (each takes the next piece when it is free), few enough that the top matter,
#: read again for each, costs little.
PER_PIECE = 250
PIECES_PER_JOB = 12
#: Processes at most (the first is this one).
MAX_JOBS = 4


@dataclass(frozen=True)
class Piece:
    """What one process makes of one piece of the file: the rows it shows, with their sort keys
    and statuses, and what the merge checks."""

    ids: list[str]
    keys: list[Any]
    statuses: list[Status]
    rows: list[str]
    soon: int | None
    """The file's ``[defaults]`` soon."""


@dataclass(frozen=True)
class StatusRows:
    """The rows ``status`` shows, sorted, with what the format's head says."""

    rows: list[str]
    counts: dict[Status, int]
    soon: int
    total: int


class _Fallback(Exception):
    """The pieces cannot be used: read the file in one process."""


def jobs() -> int:
    """How many processes `status_rows` may use: ``FOIACLOCK_JOBS`` when set (1 = one), else
    the cores this process may run on (at most `MAX_JOBS`); 1 where forking is not safe."""
    if not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return 1
    wanted = os.environ.get("FOIACLOCK_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        return min(int(wanted), 64)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - other Unixes
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def split(text: str, parts: int) -> tuple[str, list[str]] | None:
    """*head* and the pieces of `text` (see the module's notes), or ``None`` when `text` is too
    small for `parts` pieces of `PER_PIECE` requests. Every piece but the last ends with an
    added ``[[request]]`` line."""
    starts = [m.start() for m in _HEADER.finditer("\n" + text)]  # the "\n" moves each by one
    parts = min(parts, len(starts) // PER_PIECE, 255)
    if len(starts) < MIN_REQUESTS or parts < 2:
        return None
    head = text[: starts[0]]
    cuts: list[int] = []
    for k in range(1, parts):  # pieces of about equal size in characters
        target = starts[0] + (len(text) - starts[0]) * k // parts
        i = bisect.bisect_left(starts, target)
        if i < len(starts) and starts[i] > (cuts[-1] if cuts else starts[0]):
            cuts.append(starts[i])
    if not cuts:
        return None
    bounds = [0, *cuts, len(text)]
    pieces = []
    for k in range(len(bounds) - 1):
        body = text[bounds[k] : bounds[k + 1]]
        last = k == len(bounds) - 2
        pieces.append((head if k else "") + body + ("" if last else "[[request]]\n"))
    return head, pieces


def piece_of(
    rf: RequestsFile,
    *,
    as_of: date | None,
    soon: int | None,
    wanted: set[Status],
    sort: str,
    fmt: RowFormatter,
) -> Piece:
    """The rows of `rf` that ``status`` shows (filtered by `wanted`), in file order."""
    deadlines = rf.compute(as_of, soon)
    key = rowtools.sort_key(sort)
    shown = [d for d in deadlines if not wanted or d.current_status in wanted]
    return Piece(
        ids=[r.id for r in rf.requests],
        keys=[key(d) for d in shown],
        statuses=[d.current_status for d in shown],
        rows=[fmt.row(d) for d in shown],
        soon=rf.soon,
    )


def status_rows(
    text: str,
    path: str,
    *,
    jurisdiction: str | None,
    as_of: date | None,
    soon: int | None,
    wanted: set[Status],
    sort: str,
    fmt: RowFormatter,
) -> StatusRows:
    """The rows of ``foiaclock status`` for the requests file `text`: in pieces on several cores
    when it is large, else (or when the pieces cannot be used) in this process. Raises
    `InputError` as `loads` does."""
    options: dict[str, Any] = {"as_of": as_of, "soon": soon, "wanted": wanted, "sort": sort}
    pieces = _in_pieces(text, path, jurisdiction, fmt, options)
    if pieces is None:
        pieces = [
            piece_of(loads(text, path, default_jurisdiction=jurisdiction), fmt=fmt, **options)
        ]
    keys = [k for piece in pieces for k in piece.keys]
    rows = [row for piece in pieces for row in piece.rows]
    order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: ties stay in file order
    tally = Counter(s for piece in pieces for s in piece.statuses)
    threshold = soon if soon is not None else pieces[0].soon
    return StatusRows(
        rows=[rows[i] for i in order],
        counts={s: tally[s] for s in Status if tally[s]},
        soon=threshold if threshold is not None else 5,
        total=sum(len(p.ids) for p in pieces),
    )


def _in_pieces(
    text: str,
    path: str,
    jurisdiction: str | None,
    fmt: RowFormatter,
    options: Mapping[str, Any],
) -> list[Piece] | None:
    n = jobs()
    cut = split(text, n * PIECES_PER_JOB) if n > 1 else None
    if cut is None:
        return None
    head, pieces = cut
    try:
        head_doc = tomllib.loads(head)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    if "request" in head_doc:
        return None

    def work(k: int) -> Piece:
        source = pieces[k]
        try:
            doc = tomllib.loads(source)
        except (tomllib.TOMLDecodeError, RecursionError):
            raise _Fallback from None
        items = doc.get("request")
        if not isinstance(items, list) or not items:
            raise _Fallback
        if k < len(pieces) - 1 and items.pop() != {}:  # the added [[request]]
            raise _Fallback
        if {key: v for key, v in doc.items() if key != "request"} != head_doc:
            raise _Fallback
        try:
            rf = _Builder(doc, source, path, jurisdiction).build()
            return piece_of(rf, fmt=fmt, **options)
        except FoiaclockError:
            raise _Fallback from None

    done = fork_map(work, len(pieces), n)
    if done is None:
        return None
    ids = [i for piece in done for i in piece.ids]
    if len(set(ids)) != len(ids):  # a repeated id: one process names both places
        return None
    return done


def fork_map(fn: Callable[[int], T], tasks: int, procs: int) -> list[T] | None:
    """``[fn(0), ..., fn(tasks - 1)]``, run by this process and ``procs - 1`` forked children
    that take the tasks one at a time as they become free (so a slower process does fewer).
    A child sends each result back pickled as soon as it has it, and this process collects them
    between its own tasks, so that little is left to send at the end. ``None`` when any task
    raises an `Exception` or a child dies."""
    if tasks > 255:
        raise ValueError("at most 255 tasks")
    queue_r, queue_w = os.pipe()  # one byte per task; a read of one byte takes one task
    os.write(queue_w, bytes(range(tasks)))
    os.close(queue_w)
    inboxes: list[_Inbox] = []
    try:
        for _ in range(1, procs):
            r, w = os.pipe()
            _widen(w)
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
                _child(fn, queue_r, r, w)
            os.close(w)
            inboxes.append(_Inbox(pid, r))
        results: dict[int, Any] = {}
        while token := os.read(queue_r, 1):
            try:
                results[token[0]] = fn(token[0])
            except Exception:
                return None
            for box in inboxes:
                box.collect(block=False)
                if box.failed:
                    return None
        for box in inboxes:
            box.collect(block=True)
            os.waitpid(box.pid, 0)
            box.pid = 0
            if box.failed or box.pending:
                return None
            results.update(box.results)
        if len(results) != tasks:  # a child that died before sending what it had taken
            return None
        return [results[k] for k in range(tasks)]
    finally:
        os.close(queue_r)
        for box in inboxes:
            if box.pid:  # left only when this process stops early
                with contextlib.suppress(OSError):
                    os.kill(box.pid, signal.SIGKILL)
                    os.waitpid(box.pid, 0)
            with contextlib.suppress(OSError):
                os.close(box.fd)


def _widen(fd: int) -> None:
    """Room in the pipe `fd` for a whole result or two (Linux; elsewhere the pipe stays as is)."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):  # pragma: no cover - not Linux, or a lower limit
        pass


#: A result's frame: its length in bytes, then the pickle of ``(task, result)`` (task -1 = failed).
_LENGTH = struct.Struct("<Q")


class _Inbox:
    """The results one child has sent so far."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd
        self.pending = bytearray()  # the start of a frame not yet whole
        self.results: dict[int, Any] = {}
        self.failed = False
        self.closed = False

    def collect(self, block: bool) -> None:
        """Read what has arrived (`block`: everything, until the child closes its end)."""
        if self.closed:
            return
        os.set_blocking(self.fd, block)
        while True:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                return
            if not chunk:
                self.closed = True
                return
            self.pending += chunk
            self._frames()
            if self.failed:
                return

    def _frames(self) -> None:
        data = self.pending
        at = 0
        while len(data) - at >= _LENGTH.size:
            (n,) = _LENGTH.unpack_from(data, at)
            end = at + _LENGTH.size + n
            if len(data) < end:
                break
            try:
                task, value = pickle.loads(memoryview(data)[at + _LENGTH.size : end])
            except Exception:
                task, value = -1, None
            if task < 0:
                self.failed = True
            else:
                self.results[task] = value
            at = end
        del data[:at]


def _child(fn: Callable[[int], Any], queue: int, r: int, w: int) -> None:  # pragma: no cover
    """In a forked child: run tasks, sending each result as it comes, and leave without running
    anything of the parent's (no atexit handlers, no flushing of inherited output buffers)."""
    try:
        os.close(r)
        while token := os.read(queue, 1):
            try:
                frame = pickle.dumps((token[0], fn(token[0])), protocol=pickle.HIGHEST_PROTOCOL)
                failed = False
            except BaseException:
                frame = pickle.dumps((-1, None))
                failed = True
            data = memoryview(_LENGTH.pack(len(frame)) + frame)
            while data:
                data = data[os.write(w, data) :]
            if failed:
                break
        os.close(w)
    finally:
        os._exit(0)


__all__: Sequence[str] = ("StatusRows", "fork_map", "jobs", "piece_of", "split", "status_rows")
