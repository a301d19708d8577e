"""``foiaclock status`` in a row format (JSON, CSV) on a large file, using several cores.

Reading TOML, checking the requests, computing and encoding them cost about as much per request
as each other, and every request is independent of the others once the file's top matter (the
``[defaults]`` and ``[jurisdiction.X]`` tables) is known. So a large file is cut into pieces at
its ``[[request]]`` header lines; each piece is read, checked, computed and turned into rows in
a process of its own (forked, so the modules loaded so far are not imported again), and the rows
are merged in file order and sorted, exactly as one process would have done.

Why the pieces give what the whole file gives. The cuts are made only at lines that are exactly
``[[request]]`` (perhaps with a comment). Let *head* be the text before the first of them and
cut the rest at header lines c1 < c2 < ...; piece 0 is ``text[:c1]``, piece k is
``head + text[ck:ck+1]``, and every piece but the last gets one more ``[[request]]`` line at its
end. A TOML reader works left to right, so on ``text[:c1] + "[[request]]"`` it is in the same
state at c1 as on the whole text; that it accepts the extra header (an empty table, which is then
dropped) shows that c1 is between two statements, outside every string, array and inline table,
and that ``request`` is an array of tables that may be appended to. The same holds for each
later piece. After a ``[[request]]`` header the reader's state is the tables declared so far
(tomllib forgets everything under ``request`` at each such header). So a piece reads the same
after *head* as after everything before it when nothing after *head* declares a table outside
``request``: a file with any other table header (even an empty ``[jurisdiction]``, which changes
no value) or a line that looks like one after the first request is not cut at all. As a second
guard, each piece's values outside ``request`` must equal *head*'s, *head* must hold no request,
and no request id may repeat across pieces.

Whenever any of this fails (a TOML error, a bad request, an engine error, a check above, a
process that cannot be started or dies), the file is read again in one process, which gives the
usual message with its line and column. So the pieces never change an answer or a message: they
only change how long it takes. A failure that is a bug (anything else a piece raises) is not
hidden: it stops the command as an internal error. ``FOIACLOCK_JOBS=1`` turns the pieces off;
tests compare both ways byte for byte. Only where ``os.fork`` is safe and cheap: Linux, in a
process with a single thread.
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
import tempfile
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
#: Pieces at most (`fork_map` hands out tasks as single bytes).
MAX_TASKS = 255


@dataclass(frozen=True)
class Piece:
    """What one process makes of one piece of the file: the rows it shows, with their sort keys
    and statuses, and what the merge checks."""

    ids: list[str]
    keys: list[Any]
    statuses: list[Status]
    rows: list[str]
    threshold: int
    """The due-soon threshold the rows were made with."""


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
    """How many processes `status_rows` may use: ``FOIACLOCK_JOBS`` when it is a number of 1 or
    more (1 = this process only; it may ask for more than `MAX_JOBS`), else the cores this
    process may run on, at most `MAX_JOBS`. Always 1 where forking is not safe: off Linux, and
    in a process that runs other threads (a forked child gets only the calling thread, and any
    lock another thread held stays locked)."""
    if not hasattr(os, "fork") or not sys.platform.startswith("linux") or _threads() != 1:
        return 1
    wanted = os.environ.get("FOIACLOCK_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        return min(int(wanted), 64)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - other Unixes
        cores = os.cpu_count() or 1
    return max(1, min(cores, _cpu_quota() or cores, MAX_JOBS))


def _cpu_quota(path: str = "/sys/fs/cgroup/cpu.max") -> int | None:
    """The CPUs a container's quota allows (cgroup v2 ``cpu.max``: "quota period", rounded
    up), or None when there is no quota."""
    try:
        with open(path, encoding="ascii") as fh:
            quota, period = fh.read().split()[:2]
        if quota == "max":
            return None
        return max(1, -(-int(quota) // int(period)))
    except (OSError, ValueError):
        return None


def _threads() -> int:
    """Threads in this process, native ones included (Linux: /proc/self/stat, field 20)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            stat = fh.read()
        return int(stat[stat.rindex(b")") + 2 :].split()[17])
    except (OSError, ValueError, IndexError):  # pragma: no cover - no /proc
        import threading

        return threading.active_count()


#: A table header other than a request's (``[defaults]``, ``[jurisdiction]``, ``[x.y]``), or a
#: line that looks like one (in a multi-line string, say): after the first request, either
#: means the file is read whole. (``\n`` first: the regex engine then searches for a literal.)
_OTHER_TABLE = re.compile(r"\n[ \t]*\[(?![ \t]*\[?[ \t]*request[ \t]*[.\]])")


def split(text: str, parts: int) -> tuple[str, list[str]] | None:
    """*head* and the pieces of `text` (see the module's notes), or ``None`` when `text` is too
    small for `parts` pieces of `PER_PIECE` requests. Every piece but the last ends with an
    added ``[[request]]`` line."""
    starts = [m.start() for m in _HEADER.finditer("\n" + text)]  # the "\n" moves each by one
    parts = min(parts, len(starts) // PER_PIECE, MAX_TASKS)
    if len(starts) < MIN_REQUESTS or parts < 2:
        return None
    if _OTHER_TABLE.search(text, starts[0]):
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
        threshold=rf.threshold(soon),
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
    return StatusRows(
        rows=[rows[i] for i in order],
        counts={s: tally[s] for s in Status if tally[s]},
        soon=pieces[0].threshold,
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
    """``[fn(0), ..., fn(tasks - 1)]``, run by this process and up to ``procs - 1`` forked
    children, each taking the next task when it is free (so a slower process does fewer). A
    child writes its results, pickled, to a memory file of its own and this process reads them
    when it has finished its tasks.

    ``None`` (do it all in one process instead) when a task raises `_Fallback`, when a child
    cannot be started or dies, or when a result cannot be read. Any other exception is a bug
    and is raised: `RuntimeError` with the child's message when a child raised it."""
    if tasks > MAX_TASKS:
        raise ValueError(f"at most {MAX_TASKS} tasks")
    procs = max(1, min(procs, tasks))
    queue_r, queue_w = os.pipe()  # one byte per task; a read of one byte takes one task
    os.write(queue_w, bytes(range(tasks)))
    os.close(queue_w)
    children: list[list[int]] = []  # [pid (0 once reaped), memory file]
    restore = _own_children()
    try:
        for _ in range(1, procs):
            try:
                scratch = _scratch()
            except OSError:  # no memory file: fewer processes
                break
            try:
                pid = os.fork()
            except OSError:  # too many processes, no memory: fewer of them
                os.close(scratch)
                break
            if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
                _child(fn, queue_r, scratch)
            children.append([pid, scratch])
        results: dict[int, Any] = {}
        while token := os.read(queue_r, 1):
            try:
                results[token[0]] = fn(token[0])
            except _Fallback:
                return None
        for child in children:
            pid, child[0] = child[0], 0
            with contextlib.suppress(ChildProcessError):  # already reaped (SIGCHLD ignored)
                os.waitpid(pid, 0)
            sent = _results(child[1])
            if sent is None:
                return None
            results.update(sent)
        if len(results) != tasks:  # pragma: no cover - a child lost a task it had taken
            return None
        return [results[k] for k in range(tasks)]
    finally:
        os.close(queue_r)
        for pid, scratch in children:
            if pid:  # only when this process stops early (an error, Ctrl-C)
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
            os.close(scratch)
        restore()


def _scratch() -> int:
    """A file descriptor for a child's results: a memory file (Linux), else an unlinked temporary
    file."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("foiaclock-results", getattr(os, "MFD_CLOEXEC", 0))
    fd, name = tempfile.mkstemp(prefix="foiaclock-")  # pragma: no cover - not Linux
    os.unlink(name)  # pragma: no cover
    return fd  # pragma: no cover


def _own_children() -> Callable[[], None]:
    """Make sure this process can wait for its children (a launcher may have set SIGCHLD to be
    ignored, which the kernel would take as leave no exit status); returns what undoes it."""
    try:
        old = signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not the main thread
        return lambda: None

    def restore() -> None:
        signal.signal(signal.SIGCHLD, old)

    return restore


#: A child's results: frames of a length, then the pickle of ``(tag, task, value)``; the last
#: frame is ``("done", tasks run, None)``, ``("fallback", ...)`` or ``("error", ..., message)``.
_LENGTH = struct.Struct("<Q")


def _results(fd: int) -> dict[int, Any] | None:
    """The results a child wrote to `fd`, or None if it did not finish (or fell back). Raises
    `RuntimeError` for a child's bug."""
    try:
        size = os.fstat(fd).st_size
        data = bytearray()
        while len(data) < size:
            chunk = os.pread(fd, size - len(data), len(data))
            if not chunk:
                break
            data += chunk
    except OSError:  # pragma: no cover
        return None
    out: dict[int, Any] = {}
    at = 0
    view = memoryview(data)
    while at + _LENGTH.size <= len(data):
        (n,) = _LENGTH.unpack_from(data, at)
        end = at + _LENGTH.size + n
        if end > len(data):
            return None  # cut short: the child died while writing
        try:
            tag, task, value = pickle.loads(view[at + _LENGTH.size : end])
        except Exception:  # pragma: no cover - a damaged frame
            return None
        at = end
        if tag == "ok":
            out[task] = value
        elif tag == "done":
            return out if task == len(out) else None
        elif tag == "error":
            raise RuntimeError(f"a foiaclock worker process failed: {value}")
        else:
            return None
    return None  # no "done": the child died


def _child(fn: Callable[[int], Any], queue: int, scratch: int) -> None:  # pragma: no cover
    """In a forked child: run tasks, writing each result as it comes, and leave without running
    anything of the parent's (no atexit handlers, no flushing of inherited output buffers)."""
    try:

        def send(frame: tuple[str, int, Any]) -> None:
            data = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(_LENGTH.pack(len(data)) + data)
            while view:
                view = view[os.write(scratch, view) :]

        done = 0
        try:
            while token := os.read(queue, 1):
                send(("ok", token[0], fn(token[0])))
                done += 1
            send(("done", done, None))
        except _Fallback:
            send(("fallback", -1, None))
        except BaseException as exc:  # a bug (or Ctrl-C): the parent says so
            send(("error", -1, f"{type(exc).__name__}: {exc}"))
    finally:
        os._exit(0)


__all__: Sequence[str] = ("StatusRows", "fork_map", "jobs", "piece_of", "split", "status_rows")
