"""Large files in pieces on several processes (`foiaclock._parallel`) give exactly what one
process gives: the same bytes on stdout and stderr, the same exit code, the same error message
with the same line and column. The thresholds are lowered so that small files are cut."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from _cli_helpers import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiaclock import _parallel

AS_OF = "2026-12-01"


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parallel, "MIN_REQUESTS", 4)
    monkeypatch.setattr(_parallel, "PER_PIECE", 2)
    real = _parallel.jobs
    monkeypatch.setattr(_parallel, "jobs", lambda: 1 if real() == 1 else 3)


@pytest.fixture
def used(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, for each status run, whether the pieces were used (True) or one process."""
    seen: list[bool] = []
    real = _parallel._in_pieces

    def spy(*args: Any) -> Any:
        out = real(*args)
        seen.append(out is not None)
        return out

    monkeypatch.setattr(_parallel, "_in_pieces", spy)
    return seen


def request_block(i: int, rng: random.Random) -> str:
    received = date(2018, 1, 1) + timedelta(days=rng.randrange(3000))
    lines = [
        "[[request]]",
        f'id = "r{i}"',
        f'agency = "Agency {rng.randrange(5)}"',
        f"received = {received.isoformat()}",
    ]
    kind = rng.randrange(6)
    if kind == 1:
        lines.append("extension = true")
    elif kind == 2:
        lines.append(f"responded = {(received + timedelta(days=rng.randrange(5, 60))).isoformat()}")
    elif kind == 3:
        lines.append('jurisdiction = "us-ny"')
    elif kind == 4:
        start = received + timedelta(days=5)
        lines.append(f"\n[[request.toll]]\nstart = {start.isoformat()}")
        lines.append(f"end = {(start + timedelta(days=9)).isoformat()}")
    elif kind == 5:
        responded = received + timedelta(days=25)
        lines.append(f"responded = {responded.isoformat()}\nadverse = true")
        lines.append(f"\n[request.appeal]\nfiled = {(responded + timedelta(days=10)).isoformat()}")
    return "\n".join(lines) + "\n\n"


HEAD = """# an illustrative file
[defaults]
jurisdiction = "us"
soon = 7

[jurisdiction.slow]
base = "us"
name = "A slow agency's rules"
"""


def make_file(n: int, seed: int = 1, head: str = HEAD) -> str:
    rng = random.Random(seed)
    return head + "\n" + "".join(request_block(i, rng) for i in range(n))


def both_ways(path: Path, *args: str) -> tuple[Any, Any]:
    """(one process, pieces) results of ``status`` on `path`."""
    argv = ("status", str(path), "--as-of", AS_OF, *args)
    return run(*argv, env={"FOIACLOCK_JOBS": "1"}), run(*argv)


def assert_same(path: Path, *args: str) -> Any:
    one, many = both_ways(path, *args)
    assert many.exit_code == one.exit_code
    assert many.stdout == one.stdout
    assert many.stderr == one.stderr
    return one


def write(tmp_path: Path, text: str, name: str = "r.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# --------------------------------------------------------------------------------------------
# Files the pieces can take: the same output, and the pieces really used


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize(
    "extra",
    [
        (),
        ("--sort", "due"),
        ("--sort", "received"),
        ("--sort", "agency"),
        ("--sort", "id"),
        ("--only", "overdue,answered"),
        ("--only", "paused"),
        ("--soon", "30"),
        ("--jurisdiction", "us-ny"),
    ],
)
def test_same_output(tmp_path: Path, used: list[bool], fmt: str, extra: tuple[str, ...]) -> None:
    path = write(tmp_path, make_file(40))
    result = assert_same(path, "--format", fmt, *extra)
    assert result.exit_code == 0
    assert used == [False, True]  # FOIACLOCK_JOBS=1, then pieces


def test_output_file_and_summary(tmp_path: Path, used: list[bool]) -> None:
    path = write(tmp_path, make_file(30))
    one = run("status", str(path), "--as-of", AS_OF, "--format", "json", "-o", str(tmp_path / "a"))
    many = run(
        "status",
        str(path),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "-o",
        str(tmp_path / "b"),
        env={"FOIACLOCK_JOBS": "1"},
    )
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    assert one.stderr.replace(str(tmp_path / "a"), "X") == many.stderr.replace(
        str(tmp_path / "b"), "X"
    )
    assert "30 requests" in one.stderr
    assert used == [True, False]


def test_no_head_crlf_and_stdin(tmp_path: Path, used: list[bool]) -> None:
    text = make_file(20, head="").replace("\n", "\r\n")
    path = write(tmp_path, text)
    assert_same(path, "--format", "json")
    one = run(
        "status", "-", "--as-of", AS_OF, "--format", "csv", env={"FOIACLOCK_JOBS": "1"}, input=text
    )
    many = run("status", "-", "--as-of", AS_OF, "--format", "csv", input=text)
    assert many.stdout == one.stdout and one.exit_code == 0
    assert used == [False, True, False, True]


def test_header_with_comment_and_spaces(tmp_path: Path, used: list[bool]) -> None:
    text = make_file(20).replace("[[request]]\n", "[[request]]   # next one\n")
    assert_same(write(tmp_path, text), "--format", "json")
    assert used[-1] is True


# --------------------------------------------------------------------------------------------
# Files the pieces must not take: they fall back to one process, with the same answer or error


@pytest.mark.parametrize(
    ("why", "change", "exit_code"),
    [
        (
            "a multi-line string holds a line that looks like a header",
            lambda t: t.replace(
                'id = "r7"', 'id = "r7"\nnotes = """\nsee below\n[[request]]\nend of notes"""', 1
            ),
            0,
        ),
        (
            "a literal multi-line string, the same",
            lambda t: t.replace('id = "r9"', "id = \"r9\"\nnotes = '''\n[[request]]\n'''", 1),
            0,
        ),
        (
            "a table of the file's own after the requests",
            lambda t: t + '\n[jurisdiction.late]\nbase = "us"\nname = "Late"\n',
            0,
        ),
        (
            "a table of the file's own among the requests",
            lambda t: t.replace(
                '[[request]]\nid = "r12"',
                '[jurisdiction.mid]\nbase = "us"\nname = "M"\n\n[[request]]\nid = "r12"',
                1,
            ),
            0,
        ),
        (
            "an unknown table after the requests",
            lambda t: t + "\n[other]\nsoon = 3\n",
            2,
        ),
        ("a duplicate id in another piece", lambda t: t.replace('id = "r17"', 'id = "r2"'), 2),
        ("a TOML error in a later piece", lambda t: t.replace('id = "r15"', 'id = "r15\n'), 2),
        (
            "a value error in a later piece",
            lambda t: t.replace('id = "r16"', 'id = "r16"\nextension = "maybe"'),
            2,
        ),
        (
            "an engine error in a later piece",
            lambda t: t.replace('id = "r18"', 'id = "r18"\nresponded = 2001-01-01'),
            2,
        ),
        (
            "a defined-twice table across a cut",
            lambda t: t.replace('id = "r19"', 'id = "r19"\n[jurisdiction.slow]\nbase = "us"'),
            2,
        ),
        (
            "requests also in the head, in another spelling of the header",
            lambda t: t.replace(
                "[defaults]",
                '[[ request ]]\nid = "h1"\nagency = "A"\nreceived = 2020-01-02\n\n[defaults]',
            ),
            0,
        ),
    ],
)
def test_falls_back_with_same_result(
    tmp_path: Path, why: str, change: Callable[[str], str], exit_code: int
) -> None:
    path = write(tmp_path, change(make_file(24)))
    result = assert_same(path, "--format", "json")
    assert result.exit_code == exit_code, (why, result.stderr)


@pytest.mark.parametrize(
    "table",
    ["[jurisdiction]", "[ jurisdiction ]", "[jurisdiction.slow]", '["jurisdiction"]', "[defaults]"],
)
def test_a_table_declared_in_two_pieces_is_an_error_both_ways(tmp_path: Path, table: str) -> None:
    """Declaring a table twice is a TOML error even when it adds no value (an empty
    ``[jurisdiction]`` after ``[jurisdiction.slow]`` made it implicitly): pieces read apart
    would not see it, so such a file is not cut."""
    text = make_file(24)
    for rid in ("r3", "r20"):
        text = text.replace(f'[[request]]\nid = "{rid}"', f'{table}\n\n[[request]]\nid = "{rid}"')
    result = assert_same(write(tmp_path, text), "--format", "json")
    assert result.exit_code == 2


def test_a_table_after_the_requests_is_seen_before_any_fork(
    tmp_path: Path, used: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork(*args: Any) -> Any:
        raise AssertionError("forked")

    monkeypatch.setattr(_parallel, "fork_map", no_fork)
    text = make_file(24) + '\n[jurisdiction.late]\nbase = "us"\nname = "Late"\n'
    assert assert_same(write(tmp_path, text), "--format", "csv").exit_code == 0
    assert used == [False, False]


def test_defaults_after_the_requests_apply_to_all(tmp_path: Path, used: list[bool]) -> None:
    text = make_file(24, head="") + "\n[defaults]\nsoon = 30\n"
    result = assert_same(write(tmp_path, text), "--format", "json")
    assert result.exit_code == 0 and '"soon": 30' in result.stdout
    assert used == [False, False]


def test_static_request_array_is_not_cut(tmp_path: Path, used: list[bool]) -> None:
    items = ",\n".join(
        f'  {{ id = "s{i}", agency = "A", received = 2020-01-{i + 2:02d} }}' for i in range(20)
    )
    text = f"request = [\n{items}\n]\n"
    assert assert_same(write(tmp_path, text), "--format", "json").exit_code == 0
    assert used == [False, False]


def test_a_header_after_a_static_array_is_an_error_both_ways(tmp_path: Path) -> None:
    text = 'request = [{ id = "s", agency = "A", received = 2020-01-02 }]\n\n' + make_file(
        20, head=""
    )
    assert assert_same(write(tmp_path, text), "--format", "json").exit_code == 2


# --------------------------------------------------------------------------------------------
# The pieces themselves


def test_split_cuts_only_at_header_lines() -> None:
    text = make_file(30)
    cut = _parallel.split(text, 4)
    assert cut is not None
    head, pieces = cut
    assert head == text[: text.index("[[request]]")]
    assert len(pieces) == 4
    bodies = [p if k == 0 else p[len(head) :] for k, p in enumerate(pieces)]
    for k, body in enumerate(bodies[:-1]):
        assert body.endswith("[[request]]\n")
        bodies[k] = body[: -len("[[request]]\n")]
    assert "".join(bodies) == text
    for body in bodies[1:]:
        assert body.startswith("[[request]]\n")


def test_split_declines_small_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parallel, "MIN_REQUESTS", 100)
    assert _parallel.split(make_file(30), 4) is None
    monkeypatch.setattr(_parallel, "MIN_REQUESTS", 4)
    monkeypatch.setattr(_parallel, "PER_PIECE", 20)
    assert _parallel.split(make_file(30), 4) is None  # too few requests for two pieces of 20


def square(k: int) -> int:
    return k * k


def test_fork_map_runs_every_task_once() -> None:
    assert _parallel.fork_map(square, 30, 3) == [k * k for k in range(30)]
    assert _parallel.fork_map(square, 1, 1) == [0]


def test_fork_map_falls_back_when_a_task_says_so() -> None:
    def fall_back_on_7(k: int) -> int:
        if k == 7:
            raise _parallel._Fallback
        return k

    assert _parallel.fork_map(fall_back_on_7, 12, 2) is None
    assert _parallel.fork_map(fall_back_on_7, 12, 1) is None


def test_fork_map_raises_a_bug_in_either_process() -> None:
    def bug(k: int) -> int:
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        _parallel.fork_map(bug, 12, 1)
    parent = os.getpid()

    def bug_in_child(k: int) -> int:
        if os.getpid() == parent:
            time.sleep(0.02)  # leave tasks for the child
            return k
        raise ValueError("a bug in a child")

    with pytest.raises(RuntimeError, match="ValueError: a bug in a child"):
        _parallel.fork_map(bug_in_child, 20, 2)


def test_fork_map_forks_no_more_children_than_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counting_fork)
    assert _parallel.fork_map(square, 2, 64) == [0, 1]
    assert len(forks) == 1


def test_fork_map_without_fork_or_memory_files_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert _parallel.fork_map(square, 10, 3) == [k * k for k in range(10)]
    monkeypatch.undo()

    def no_memory_file() -> int:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(_parallel, "_scratch", no_memory_file)
    assert _parallel.fork_map(square, 10, 3) == [k * k for k in range(10)]


def test_fork_map_when_sigchld_is_ignored() -> None:
    """A launcher may leave SIGCHLD ignored (it survives exec): the children's results still
    count, and the setting is given back."""
    old = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert _parallel.fork_map(square, 30, 3) == [k * k for k in range(30)]
        assert signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGCHLD, old)


@pytest.mark.parametrize(
    ("content", "cpus"),
    [("max 100000\n", None), ("150000 100000\n", 2), ("50000 100000\n", 1), ("400000 100000", 4)],
)
def test_container_cpu_quota(tmp_path: Path, content: str, cpus: int | None) -> None:
    f = tmp_path / "cpu.max"
    f.write_text(content)
    assert _parallel._cpu_quota(str(f)) == cpus
    assert _parallel._cpu_quota(str(tmp_path / "missing")) is None


def test_no_pieces_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real jobs()
    monkeypatch.setenv("FOIACLOCK_JOBS", "3")
    assert _parallel.jobs() == 3
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _parallel.jobs() == 1
    finally:
        stop.set()
        thread.join()
    for _ in range(200):  # the kernel's thread count lags a little behind join()
        if _parallel.jobs() == 3:
            break
        time.sleep(0.01)
    assert _parallel.jobs() == 3


def test_jobs_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real jobs()
    monkeypatch.setenv("FOIACLOCK_JOBS", "1")
    assert _parallel.jobs() == 1
    monkeypatch.setenv("FOIACLOCK_JOBS", "3")
    assert _parallel.jobs() == 3
    monkeypatch.setenv("FOIACLOCK_JOBS", "lots")
    assert 1 <= _parallel.jobs() <= _parallel.MAX_JOBS


# --------------------------------------------------------------------------------------------
# Generated files: requests, comments, multi-line notes and tables of the file's own, anywhere


EXTRAS = (
    "# a comment line\n",
    '[[request]]\nid = "dup"\nagency = "A"\nreceived = 2020-02-03\n\n',
    '[jurisdiction.extra]\nbase = "us"\nname = "Extra"\n\n',
    "[defaults]\nsoon = 2\n\n",
)


def blocks() -> st.SearchStrategy[list[tuple[int, int]]]:
    """(seed, kind): kind 0 is one of `EXTRAS` (about one block in twenty), else a request."""
    return st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 19)), min_size=4, max_size=40)


def render(items: list[tuple[int, int]]) -> Iterator[str]:
    for n, (seed, kind) in enumerate(items):
        if kind == 0:
            yield EXTRAS[seed % len(EXTRAS)]
            continue
        block = request_block(n, random.Random(seed))
        if seed % 7 == 0:  # a line inside a string that looks like a header
            block = block.replace("\n\n", '\nnotes = """\n[[request]]\n"""\n\n', 1)
        yield block


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=blocks(), fmt=st.sampled_from(["json", "csv"]))
def test_generated_files_same_both_ways(
    tmp_path: Path, items: list[tuple[int, int]], fmt: str
) -> None:
    path = write(tmp_path, "".join(render(items)), "gen.toml")
    assert_same(path, "--format", fmt)
