"""The editing commands (add, update, toll): every other byte kept, bad edits refused with the file
untouched, a file changed underneath refused, and random edits that read back as intended."""

from __future__ import annotations

import difflib
import os
import shutil
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from _cli_helpers import AS_OF, EXAMPLE, ROOT, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regen_golden import EDITS, GOLDEN

import foiaclock
from foiaclock.cli import edit as edit_cli


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """examples/requests.toml copied under tmp_path at the same relative path."""
    target = tmp_path / EXAMPLE
    target.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / EXAMPLE, target)
    return target


def diff(before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), EXAMPLE, EXAMPLE
    )
    return "".join(lines)


# ---- the golden diffs ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EDITS))
def test_the_edit_writes_exactly_the_golden_diff(name: str, copy: Path, tmp_path: Path) -> None:
    """The real edit (not --dry-run) changes the lines of the golden diff and no other byte; the
    golden diffs were reviewed by hand (tests/regen_golden.py writes them from --dry-run, which
    test_cli_golden checks)."""
    before = copy.read_text(encoding="utf-8")
    result = run(*EDITS[name], "--as-of", AS_OF, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    after = copy.read_text(encoding="utf-8")
    assert diff(before, after) == (GOLDEN / name).read_text(encoding="utf-8")
    assert os.listdir(copy.parent) == ["requests.toml"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "request_id", "field", "value", "reason"),
    [
        (EDITS["edit-update-responded.diff"], "pogo-ice-2", "responded", date(2019, 6, 14),
         "a new key: read back as the day typed"),
        (EDITS["edit-update-commented.diff"], "pogo-ice-1", "responded", date(2018, 10, 9),
         "a key that was there: its value replaced, its comment kept"),
        (EDITS["edit-update-extension.diff"], "fbi-2026-face", "extension", True,
         "a flag"),
    ],
)  # fmt: skip
def test_the_edited_request_reads_back(
    args: list[str],
    request_id: str,
    field: str,
    value: Any,
    reason: str,
    copy: Path,
    tmp_path: Path,
) -> None:
    assert run(*args, "--as-of", AS_OF, cwd=tmp_path).exit_code == 0
    request = foiaclock.load(copy).find(request_id)
    assert request is not None
    assert getattr(request, field) == value, reason


def test_a_toll_ended_and_added_reads_back(copy: Path, tmp_path: Path) -> None:
    """dhs-crcl-2026's fee pause, open since 2026-11-18, ends 2026-12-02; cbp-2026-airports gets
    its first pause (2026-11-16 to 2026-11-20, kind information by default)."""
    assert run(*EDITS["edit-toll-end.diff"], cwd=tmp_path).exit_code == 0
    assert run(*EDITS["edit-toll-first.diff"], cwd=tmp_path).exit_code == 0
    rf = foiaclock.load(copy)
    dhs, cbp = rf.find("dhs-crcl-2026"), rf.find("cbp-2026-airports")
    assert dhs is not None and cbp is not None
    assert [(t.start, t.end, t.kind.value) for t in dhs.tolls] == [
        (date(2026, 11, 18), date(2026, 12, 2), "fee")
    ]
    assert [(t.start, t.end, t.kind.value) for t in cbp.tolls] == [
        (date(2026, 11, 16), date(2026, 11, 20), "information")
    ]


# ---- refusals ---------------------------------------------------------------------------------------

EX = EXAMPLE


@pytest.mark.parametrize(
    ("args", "message", "reason"),
    [
        (["update", EX, "pogo-ice-2", "responded=2019-02-30"], "field 'responded' must be a date",
         "a day that does not exist"),
        (["update", EX, "pogo-ice-2", "responded=2019-01-01"], "before the request was received",
         "an answer before the request (received 2019-03-11)"),
        (["update", EX, "pogo-ice-2", "lawsuit=2019-11-07"], "unknown key 'lawsuit'",
         "a key the file format does not know"),
        (["update", EX, "pogo-ice-2", "adverse=maybe"], "'adverse' must be true or false",
         "a flag that is neither"),
        (["update", EX, "pogo-ice-2", "extension=2019-02-30"], "field 'extension'",
         "an extension date that does not exist"),
        (["update", EX, "pogo-ice-1", "appeal.decided=2018-11-01"], "appeal",
         "an appeal decided before it was filed (2018-12-03)"),
        (["update", EX, "pogo-ice-2", "responded=2019-06-14", "responded=2019-06-15"],
         "given twice", "the same field twice"),
        (["update", EX, "pogo-ice-9", "responded=2019-06-14"], "did you mean 'pogo-ice-3'",
         "an id the file does not have"),
        (["update", EX, "pogo-ice-2", "responded"], "is not KEY=VALUE", "no '='"),
        (["update", EX, "pogo-ice-2", "toll.start=2019-04-01"], "foiaclock toll",
         "pauses have their own command"),
        (["add", EX, "--id", "pogo-ice-1", "--agency", "ICE", "--received", "2026-11-02"],
         "duplicate request id 'pogo-ice-1'", "an id already used"),
        (["add", EX, "--id", "new", "--agency", "ICE", "--received", "2026-13-02"],
         "field 'received' must be a date", "month 13"),
        (["add", EX, "--id", "new", "--agency", "ICE", "--received", "2026-11-02",
          "jurisdiction=us-zz"], "us-zz", "a jurisdiction foiaclock does not know"),
        (["toll", EX, "fbi-2026-face", "--end", "2026-12-01"], "has no open pause",
         "its only pause has ended"),
        (["toll", EX, "dhs-crcl-2026", "--end", "2026-11-10"], "before it starts",
         "the open pause started 2026-11-18"),
        (["toll", EX, "fbi-2026-face", "2026-11-20", "--kind", "fees"], "did you mean 'fee'",
         "a kind that does not exist"),
        (["toll", EX, "fbi-2026-face", "2026-11-20"], "a second information-request pause",
         "the law allows one information pause; the engine's check, not only the loader's"),
        (["toll", EX, "fbi-2026-face", "2026-11-25", "2026-11-20"], "before it starts",
         "a pause that ends before it starts"),
        (["toll", EX, "fbi-2026-face"], "give START", "neither a start nor --end"),
    ],
)  # fmt: skip
def test_bad_edits_exit_2_and_leave_the_file_as_it_was(
    args: list[str], message: str, reason: str, copy: Path, tmp_path: Path
) -> None:
    before = copy.read_bytes()
    mtime = copy.stat().st_mtime_ns
    result = run(*args, "--as-of", AS_OF, cwd=tmp_path)
    assert result.exit_code == 2, (reason, result.output)
    assert message in result.stderr, (reason, result.stderr)
    assert "Traceback" not in result.output
    assert copy.read_bytes() == before, reason
    assert copy.stat().st_mtime_ns == mtime, reason
    assert os.listdir(copy.parent) == ["requests.toml"]


def test_dry_run_writes_nothing(copy: Path, tmp_path: Path) -> None:
    before, mtime = copy.read_bytes(), copy.stat().st_mtime_ns
    result = run(*EDITS["edit-update-responded.diff"], "--dry-run", cwd=tmp_path)
    assert result.exit_code == 0
    assert "+responded = 2019-06-14" in result.stdout
    assert copy.read_bytes() == before and copy.stat().st_mtime_ns == mtime


@pytest.mark.parametrize(
    ("name", "where", "reason"),
    [
        ("broken-date.toml", ":6:12:", "a TOML syntax error (30 February) in the request edited"),
        ("broken-unknown-key.toml", ":6:1:", "a misspelt key, found by the loader"),
        ("broken-toll.toml", ":10:1:", "a pause ending before it starts, in the file as it is"),
    ],
)
def test_a_broken_file_is_reported_where_it_is_broken(
    name: str, where: str, reason: str, tmp_path: Path
) -> None:
    """The file's own mistake is named at its line and column, not blamed on the edit; nothing
    is written."""
    path = tmp_path / "r.toml"
    data = (ROOT / "examples" / name).read_bytes()
    path.write_bytes(data)
    rid = next(ln.split('"')[1] for ln in data.decode().splitlines() if ln.startswith("id = "))
    result = run("update", str(path), rid, "notes=x")
    assert result.exit_code == 2, reason
    assert f"r.toml{where} error:" in result.stderr, (reason, result.stderr)
    assert path.read_bytes() == data


# ---- the file on disk ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keep_stamp", "reason"),
    [
        (False, "another program appended a line: its size and time changed"),
        (True, "same size, time of change put back: the bytes differ"),
    ],
)
def test_a_file_changed_underneath_is_refused(
    keep_stamp: bool, reason: str, copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the read and the write, someone else writes the file: the edit is refused and
    their version is kept."""
    checks = edit_cli.validated
    theirs = copy.read_bytes().replace(b"pogo-ice-3", b"pogo-ice-X") if keep_stamp else None

    def meanwhile(*args: Any) -> None:
        checks(*args)
        st_before = copy.stat()
        if theirs is None:
            with copy.open("ab") as fh:
                fh.write(b"# someone else's line\n")
        else:
            copy.write_bytes(theirs)
            os.utime(copy, ns=(st_before.st_atime_ns, st_before.st_mtime_ns))

    monkeypatch.setattr(edit_cli, "validated", meanwhile)
    expected_after = None
    result = run(*EDITS["edit-update-responded.diff"], cwd=tmp_path)
    assert result.exit_code == 2, reason
    assert "changed on disk since it was read" in result.stderr
    expected_after = theirs if theirs is not None else None
    if expected_after is not None:
        assert copy.read_bytes() == expected_after
    else:
        assert copy.read_bytes().endswith(b"# someone else's line\n")
    assert b"responded = 2019-06-14" not in copy.read_bytes()


def test_permissions_crlf_and_bom_are_kept(copy: Path, tmp_path: Path) -> None:
    """A file saved by Windows Notepad (a byte-order mark, CRLF) with mode 0640: the edit keeps
    all three, and the new line ends in CRLF too."""
    text = copy.read_text(encoding="utf-8").replace("\n", "\r\n")
    copy.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    copy.chmod(0o640)
    assert run(*EDITS["edit-toll-first.diff"], cwd=tmp_path).exit_code == 0
    data = copy.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b'note = "Asked which airports were meant"\r\n' in data
    assert stat.S_IMODE(copy.stat().st_mode) == 0o640
    body = data[3:].decode("utf-8")
    assert diff(text, body).replace("\r\n", "\n").replace("\r", "") == (
        GOLDEN / "edit-toll-first.diff"
    ).read_text(encoding="utf-8")


def test_a_symlink_is_written_through(copy: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(copy)
    assert run("update", str(link), "pogo-ice-2", "responded=2019-06-14").exit_code == 0
    assert link.is_symlink()
    assert b"responded = 2019-06-14" in copy.read_bytes()


def test_standard_input_cannot_be_edited() -> None:
    result = run("update", "-", "pogo-ice-2", "responded=2019-06-14")
    assert result.exit_code == 2
    assert "give the file's path" in result.stderr


# ---- random edits ---------------------------------------------------------------------------------

_EXAMPLE_FILE = foiaclock.load(ROOT / EXAMPLE)
#: The requests a random edit may touch: federal ones without pauses (any later answer is valid),
#: with the day each was received.
_PLAIN = {
    r.id: r.received if isinstance(r.received, date) else r.received.date()
    for r in _EXAMPLE_FILE.requests
    if not r.tolls and r.jurisdiction in ("", "us")
}
_op = st.one_of(
    st.tuples(st.just("responded"), st.sampled_from(sorted(_PLAIN)), st.integers(0, 400)),
    st.tuples(st.just("extension"), st.sampled_from(sorted(_PLAIN)), st.booleans()),
    st.tuples(st.just("toll"), st.sampled_from(sorted(_PLAIN)), st.integers(0, 60)),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(_op, min_size=1, max_size=4))
def test_random_edits_read_back_as_intended(
    ops: list[tuple[str, str, Any]], tmp_path: Path
) -> None:
    """Answers on day received + n, extension flags, and fee pauses (start received + n, end
    n + 3 days later), applied one after another: after each, the file reads as the example
    with exactly those changes (the other requests equal to the example's), and the text outside
    the edited requests is unchanged."""
    path = tmp_path / f"r-{len(os.listdir(tmp_path))}.toml"
    shutil.copyfile(ROOT / EXAMPLE, path)
    want: dict[str, dict[str, Any]] = {rid: {"tolls": []} for rid in _PLAIN}
    for kind, rid, n in ops:
        received = _PLAIN[rid]
        if kind == "responded":
            day = received + timedelta(days=n)
            args = ["update", str(path), rid, f"responded={day}"]
            change: dict[str, Any] = {"responded": day}
        elif kind == "extension":
            args = ["update", str(path), rid, f"extension={'true' if n else 'false'}"]
            change = {"extension": True if n else None}  # (false: no extension, as if absent)
        else:
            start = received + timedelta(days=n)
            args = ["toll", str(path), rid, str(start), str(start + timedelta(days=3))]
            args += ["--kind", "fee"]
            change = {"tolls": [*want[rid]["tolls"], (start, start + timedelta(days=3))]}
        before = path.read_bytes()
        result = run(*args, "--as-of", AS_OF)
        if result.exit_code == 2:  # refused by the checks (e.g. a pause after the answer)
            assert path.read_bytes() == before
            continue
        assert result.exit_code == 0, result.output
        want[rid].update(change)
        rf = foiaclock.load(path)
        for old in _EXAMPLE_FILE.requests:
            new = rf.find(old.id)
            assert new is not None
            if old.id not in want or want[old.id] == {"tolls": []}:
                assert new == old
                continue
            w = want[old.id]
            assert new.responded == w.get("responded", old.responded)
            assert new.extension == w.get("extension", old.extension)
            assert [(t.start, t.end) for t in new.tolls] == w["tolls"]
            assert (new.agency, new.subject, new.received) == (
                old.agency,
                old.subject,
                old.received,
            )


def test_update_records_a_suit(tmp_path: Path) -> None:
    """`litigation` is a field of the file format: recording the suit POGO filed on 2019-11-07
    stops pogo-ice-2's clocks, and check no longer fails on it."""
    copy = tmp_path / "r.toml"
    shutil.copyfile(ROOT / EX, copy)
    r = run("update", str(copy), "pogo-ice-2", "litigation=2019-11-07")
    assert r.exit_code == 0, r.output
    assert "litigation = 2019-11-07" in copy.read_text(encoding="utf-8")


# ---- finding the request's text ---------------------------------------------------------------

_A = '[[request]]\nid = "a"\nagency = "FBI"\nreceived = 2026-11-02\n'
_B = '[[request]]\nid = "b"\nagency = "ICE"\nreceived = 2026-11-03\n'
_B_AFTER = _B + "responded = 2026-12-01\n"
_TOLL = "\n[[request.toll]]\nstart = 2026-11-10\n"
_LAW = '\n[jurisdiction.mine]\nbase = "us"\nname = "Mine"\n'
_NOTES = 'notes = """\nAsked again:\n[[request]]\n[defaults]\n"""\n'

# fmt: off
SPANS = [
    # (the file, the file after `update b responded=2026-12-01`, reason)
    (_A + "\n" + _B, _A + "\n" + _B_AFTER, "b is the last request: its text runs to the end"),
    (_B + "\n" + _A, _B_AFTER + "\n" + _A, "b is the first: its text ends before a's header"),
    (_A + "\n" + _B + _TOLL + _LAW, _A + "\n" + _B_AFTER + _TOLL + _LAW,
     "b's pause is its own; the table after it is not"),
    (_A.replace("[[request]]", "  [[ request ]]  # the first") + "\n" + _B,
     _A.replace("[[request]]", "  [[ request ]]  # the first") + "\n" + _B_AFTER,
     "a header with spaces and a comment is still a header"),
    (_A + _NOTES + "\n" + _B, _A + _NOTES + "\n" + _B_AFTER,
     "lines like headers inside a's multi-line string are not headers"),
    (_A + "\n" + _B + _NOTES, _A + "\n" + _B + _NOTES + "responded = 2026-12-01\n",
     "nor inside b's own: its text is not cut at them"),
    ((_A + "\n" + _B).replace("\n", "\r\n"), (_A + "\n" + _B_AFTER).replace("\n", "\r\n"),
     "CRLF line ends kept"),
]
# fmt: on


@pytest.mark.parametrize(("before", "after", "reason"), SPANS)
def test_the_request_s_own_text_is_found(before: str, after: str, reason: str) -> None:
    from foiaclock.files import edit

    e = edit.update_request(before, "f.toml", "b", [edit.assignment("responded=2026-12-01")])
    edit.check(e, "f.toml")
    assert e.after == after, reason


def test_an_edit_does_not_scan_every_key_of_the_file(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding the request's text is one pass over the header lines (74 ms per 1,000 requests
    with the scanner that records the place of every key, which is for error messages)."""
    from foiaclock.files import positions

    def refuse(text: str) -> positions.Positions:
        raise AssertionError("the whole file was scanned")

    monkeypatch.setattr(positions, "scan", refuse)
    r = run("update", str(copy), "pogo-ice-2", "responded=2019-06-14", "--as-of", AS_OF)
    assert r.exit_code == 0, r.output
    r = run("toll", str(copy), "fbi-2026-face", "2026-11-20", "--kind", "fee", "--as-of", AS_OF)
    assert r.exit_code == 0, r.output
