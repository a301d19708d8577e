"""`foiaclock status`: formats, filters, sorting, output files, colour, stdin."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from _cli_helpers import AS_OF, EXAMPLE, ROOT, run

from foiaclock.formats.as_csv import safe
from foiaclock.formats.as_ics import uid


def status(*extra: str, **kw: object) -> tuple[int, str, str]:
    r = run("status", EXAMPLE, "--as-of", AS_OF, *extra, **kw)  # type: ignore[arg-type]
    return r.exit_code, r.stdout, r.stderr


def test_summary_goes_to_stderr_data_to_stdout() -> None:
    code, out, err = status()
    assert code == 0
    assert "11 requests: 3 overdue, 1 due today, 1 due soon, 1 reply due soon, 1 open" in err
    assert "requests:" not in out
    code, out, err = status("--format", "json")
    json.loads(out)  # stdout is only JSON


def test_json_contract() -> None:
    _, out, _ = status("--format", "json")
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["as_of"] == AS_OF
    by_id = {r["id"]: r for r in data["requests"]}
    fbi = by_id["fbi-2026-face"]
    assert fbi["due"] == "2026-12-07"
    # The FBI is a DOJ component: 28 CFR part 16, which adds no reading of its own; Nov 2 to
    # Dec 7 holds Veterans Day and Thanksgiving on their own days, so no reading moves the date.
    assert fbi["jurisdiction"] == "us.doj"
    assert fbi["jurisdiction_reason"] == (
        "the agency 'FBI Record/Information Dissemination Section' is Federal Bureau of "
        "Investigation, a component of the Department of Justice: its regulation, 28 CFR part 16, "
        "subpart A"
    )
    assert fbi["window"] == {
        "earliest": "2026-12-07",
        "latest": "2026-12-07",
        "earliest_by": [],
        "latest_by": [],
        "earliest_options": [],
        "latest_options": [],
    }
    assert fbi["tolled_days"] == 3
    assert fbi["status"] == "due soon"
    pogo = by_id["pogo-ice-1"]
    assert pogo["status"] == "answered late"
    assert pogo["current_status"] == "overdue"
    assert pogo["appeal"]["due"] == "2019-01-07"
    assert pogo["extended"] is True
    assert by_id["mdpd-2026-records"]["due"] is None
    assert by_id["mdpd-2026-records"]["target"] == "2026-12-04"
    assert all(isinstance(r["warnings"], list) for r in data["requests"])
    assert data["summary"]["overdue"] == 3
    # The next follow-up: the first working day after a due date (the FBI's Mon 12-07: Tue
    # 12-08); none under a law with no fixed time, nor while a pause runs (DHS CRCL, paused
    # since 11-18), nor once answered (POGO's first request).
    assert fbi["next_follow_up"] == "2026-12-08"
    assert by_id["mdpd-2026-records"]["next_follow_up"] is None
    assert by_id["dhs-crcl-2026"]["next_follow_up"] is None
    assert pogo["next_follow_up"] is None
    assert all("next_follow_up" in r for r in data["requests"])


@pytest.mark.parametrize(
    ("only", "ids"),
    [
        ("overdue", {"aclu-dhs-1", "pogo-ice-1", "pogo-ice-2"}),
        ("due-today,due-soon", {"ice-2026-contracts", "fbi-2026-face"}),
        ("answered", {"pogo-ice-3", "nypd-2026-foil", "mdc-2026-contracts"}),
        ("paused", {"dhs-crcl-2026"}),
        ("no deadline", {"mdpd-2026-records"}),
    ],
)
def test_only(only: str, ids: set[str]) -> None:
    code, out, _err = status("--only", only, "--format", "json")
    assert code == 0
    assert {r["id"] for r in json.loads(out)["requests"]} == ids


def test_only_repeatable_and_summary_says_filtered() -> None:
    code, _out, err = status("--only", "overdue", "--only", "open")
    assert code == 0
    assert "4 of 11 requests: 3 overdue, 1 open" in err


def test_only_unknown_status_suggests() -> None:
    code, _, err = status("--only", "overdeu")
    assert code == 2
    assert "unknown status 'overdeu' (did you mean 'overdue'?)" in err


def test_sort_orders() -> None:
    def ids(*a: str) -> list[str]:
        return [r["id"] for r in json.loads(status("--format", "json", *a)[1])["requests"]]

    urgency = ids()
    assert urgency[:3] == ["aclu-dhs-1", "pogo-ice-1", "pogo-ice-2"]
    assert urgency[3:5] == ["ice-2026-contracts", "fbi-2026-face"]
    assert urgency[-2:] == ["nypd-2026-foil", "mdc-2026-contracts"]
    assert ids("--sort", "id") == sorted(urgency)
    received = ids("--sort", "received")
    assert received[0] == "pogo-ice-1" and received[-1] == "cbp-2026-airports"


def test_soon_threshold_changes_status() -> None:
    _, out, _ = status("--format", "json", "--soon", "6")
    by_id = {r["id"]: r for r in json.loads(out)["requests"]}
    assert by_id["cbp-2026-airports"]["status"] == "due soon"
    _, out, _ = status("--format", "json", "--soon", "0")
    by_id = {r["id"]: r for r in json.loads(out)["requests"]}
    assert by_id["fbi-2026-face"]["status"] == "open"


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old contents")
    code, out, err = status("--format", "json", "--output", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text())["schema_version"] == 1
    assert f"wrote {target}" in err
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_output_untouched_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old contents")
    r = run("status", "examples/broken.toml", "--format", "json", "-o", str(target))
    assert r.exit_code == 2
    assert target.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_output_refuses_to_overwrite_the_input(tmp_path: Path) -> None:
    f = tmp_path / "r.toml"
    original = (ROOT / EXAMPLE).read_bytes()
    f.write_bytes(original)
    r = run("status", str(f), "-o", str(f))
    assert r.exit_code == 2
    assert "never overwrites its input" in r.stderr
    assert f.read_bytes() == original


def test_output_dash_is_stdout() -> None:
    code, out, _ = status("--format", "csv", "-o", "-")
    assert code == 0 and out.startswith("id,agency,")


def test_stdin() -> None:
    text = (ROOT / EXAMPLE).read_text(encoding="utf-8")
    r = run("status", "-", "--as-of", AS_OF, "--format", "json", input=text)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["file"] == "<stdin>"


def test_colour_follows_force_and_no_color() -> None:
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert "\x1b[" in r.stdout
    assert "\x1b[1;31moverdue" in r.stdout  # overdue in bold red
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" not in r.stdout
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"NO_COLOR": None})  # not a terminal
    assert "\x1b[" not in r.stdout


@pytest.mark.parametrize("width", [40, 52, 66, 80, 100, 123, 200])
def test_coloured_table_is_the_plain_table_with_colour(tmp_path: Path, width: int) -> None:
    """Plain text is laid out without rich's console; colour adds only escape codes."""
    long_file = tmp_path / "long.toml"
    long_file.write_text(
        "".join(
            f'[[request]]\nid = "{"a-rather-long-request-id-" * (i % 3)}{i}"\n'
            f'agency = "{"Department of Something Long and Official, " * (i % 4)}Office {i}"\n'
            f"received = 2024-0{1 + i % 9}-1{i % 10}\n"
            + (f'notes = "{"word " * 40}"\n' if i % 2 else "")
            + ("extension = true\n" if i % 3 == 0 else "")
            + "\n"
            for i in range(9)
        ),
        encoding="utf-8",
    )
    for path in (EXAMPLE, str(long_file)):
        env = {"COLUMNS": str(width)}
        plain = run("status", path, "--as-of", AS_OF, env=env)
        coloured = run(
            "status", path, "--as-of", AS_OF, env={**env, "NO_COLOR": None, "FORCE_COLOR": "1"}
        )
        assert plain.exit_code == coloured.exit_code == 0
        assert "\x1b[" in coloured.stdout
        assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain.stdout
        assert max(len(line) for line in plain.stdout.splitlines()) <= width  # columns give way


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "ics"])
def test_machine_formats_never_coloured(fmt: str) -> None:
    r = run(
        "status",
        EXAMPLE,
        "--as-of",
        AS_OF,
        "--format",
        fmt,
        env={"NO_COLOR": None, "FORCE_COLOR": "1"},
    )
    assert r.exit_code == 0
    assert "\x1b" not in r.stdout


def test_narrow_terminal_still_fits() -> None:
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"COLUMNS": "80"})
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 80


@pytest.mark.parametrize(
    ("width", "header"),
    [
        (100, ["id", "agency", "received", "due", "work", "days", "status"]),
        (70, ["id", "agency", "due", "work", "days", "status"]),  # received date left out
        (60, ["id", "due", "work", "days", "status"]),  # then the agency
        (40, ["id", "due", "status"]),  # then the working days
    ],
)
def test_columns_give_way_on_narrow_terminals(width: int, header: list[str]) -> None:
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"COLUMNS": str(width)})
    lines = r.stdout.splitlines()
    assert lines[0].split() == header
    assert max(len(line) for line in lines) <= width


def test_short_columns_are_not_widened_then_dropped(tmp_path: Path) -> None:
    f = tmp_path / "short.toml"
    f.write_text(
        '[[request]]\nid = "a"\nagency = "FBI"\nreceived = 2024-01-02\nresponded = 2024-01-20\n'
        "adverse = true\n\n[request.appeal]\nfiled = 2024-02-01\ndecided = 2024-02-20\n"
    )
    r = run("status", str(f), "--as-of", AS_OF, env={"COLUMNS": "64"})
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "agency", "due", "work", "days", "status"]
    assert lines[2].startswith("a   FBI     2024-03-01")  # id and agency at their own widths
    assert max(len(line) for line in lines) <= 64


def test_coloured_header_is_bold_throughout() -> None:
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    header = r.stdout.splitlines()[0]
    assert re.sub(r"\x1b\[1m[^\x1b]*\x1b\[0m", "", header).strip() == ""  # all of it bold


def test_control_characters_in_program_built_requests_keep_the_table_whole() -> None:
    from foiaclock import Request, compute
    from foiaclock.formats import Report
    from foiaclock.formats.as_table import TableFormat

    d = compute(Request(received=date(2026, 11, 2), id="a\tb", agency="X\rY"), date(2026, 12, 1))
    text = TableFormat().render(Report(path="x", as_of=date(2026, 12, 1), soon=5, deadlines=[d]))
    assert "\r" not in text and "\t" not in text
    assert "a b" in text and "X Y" in text


def test_csv_rows_from_two_threads() -> None:
    """One CsvFormat may be shared: rows do not go through shared state."""
    import threading

    from foiaclock import compute, load
    from foiaclock.formats import Report
    from foiaclock.formats.as_csv import CsvFormat

    rf = load(EXAMPLE)
    found = [compute(r, date(2026, 12, 1)) for r in rf.requests]
    report = Report(path="x", as_of=date(2026, 12, 1), soon=5, deadlines=found * 150)
    fmt = CsvFormat()
    expected = fmt.render(report)
    out: list[str] = []
    threads = [threading.Thread(target=lambda: out.append(fmt.render(report))) for _ in range(4)]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert out == [expected] * 4


def test_wide_terminal_puts_notes_in_a_column() -> None:
    # the longest note (dhs-crcl-2026's reply, with its working days left) is 112 characters
    r = run("status", EXAMPLE, "--as-of", AS_OF, env={"COLUMNS": "220"})
    lines = r.stdout.splitlines()
    assert lines[0].split()[-1] == "note"
    assert len(lines) == 13  # header, rule, one line per request


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("-3", "-3"),  # a plain number stays a number
        ("ICE", "ICE"),
        ("", ""),
    ],
)
def test_csv_cells_cannot_run_as_formulas(cell: str, expected: str) -> None:
    assert safe(cell) == expected


def test_csv_injection_end_to_end(tmp_path: Path) -> None:
    f = tmp_path / "r.toml"
    f.write_text(
        '[[request]]\nid = "=cmd|\' /C calc\'!A0"\nagency = "@evil"\nreceived = 2026-11-02\n'
        'subject = "+danger"\n',
        encoding="utf-8",
    )
    r = run("status", str(f), "--as-of", AS_OF, "--format", "csv")
    assert r.exit_code == 0
    row = next(iter(csv.DictReader(io.StringIO(r.stdout))))
    assert row["id"].startswith("'=")
    assert row["agency"] == "'@evil"
    assert row["subject"] == "'+danger"


def test_ics_uids_are_stable_and_unique() -> None:
    a = status("--format", "ics")[1]
    b = run("status", EXAMPLE, "--as-of", "2026-12-15", "--format", "ics").stdout
    uids_a = [line for line in a.splitlines() if line.startswith("UID:")]
    uids_b = [line for line in b.splitlines() if line.startswith("UID:")]
    assert sorted(uids_a) == sorted(uids_b)  # a later export replaces the same events
    assert len(uids_a) == len(set(uids_a))
    assert "UID:pogo-ice-1.appeal-due@foiaclock" in uids_a
    assert uid("a b/é", "due") == "a%20b%2F%C3%A9.due@foiaclock"  # UTF-8 bytes
    # Distinct ids never share a UID (anything outside ASCII used to become "_").
    assert uid("foia_1", "due") != uid("foia中1", "due")
    assert uid("报告", "due") != uid("文件", "due")


def test_ics_parses_with_icalendar() -> None:
    from icalendar import Calendar

    cal = Calendar.from_ical(status("--format", "ics")[1])
    events = [c for c in cal.walk("VEVENT")]
    due = {str(e["UID"]): e for e in events}
    ev = due["fbi-2026-face.due@foiaclock"]
    assert ev.decoded("DTSTART").isoformat() == "2026-12-07"
    assert ev.decoded("DTEND").isoformat() == "2026-12-08"


def test_ics_with_nothing_to_show_is_still_a_valid_calendar(tmp_path: Path) -> None:
    """RFC 5545 § 3.6: a calendar holds at least one component; with every request filtered
    out, that is an inert UTC time zone and no event."""
    from icalendar import Calendar

    f = tmp_path / "r.toml"
    f.write_text(
        '[[request]]\nid = "a"\nagency = "A"\nreceived = 2024-01-02\nresponded = 2024-01-05\n'
    )
    r = run("status", str(f), "--as-of", AS_OF, "--format", "ics", "--only", "overdue")
    assert r.exit_code == 0
    cal = Calendar.from_ical(r.stdout)
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE"]
    assert not list(cal.walk("VEVENT"))
    assert "BEGIN:VTIMEZONE" not in status("--format", "ics")[1]  # only when there is no event


def test_warnings_reach_the_user(tmp_path: Path) -> None:
    f = tmp_path / "r.toml"
    f.write_text(
        '[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\nclosed_days = [2026-11-10]\n',
        encoding="utf-8",
    )
    r = run("status", str(f), "--as-of", AS_OF)
    assert r.exit_code == 0
    assert "warning: a: the due date counts 2026-11-10 as non-working" in r.stderr
    r = run("status", str(f), "--as-of", AS_OF, "--format", "json")
    assert "2026-11-10 as non-working" in json.loads(r.stdout)["requests"][0]["warnings"][0]


def test_jurisdiction_option_sets_the_default(tmp_path: Path) -> None:
    f = tmp_path / "r.toml"
    f.write_text('[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\n', encoding="utf-8")
    r = run("status", str(f), "--as-of", AS_OF, "--format", "json", "-j", "us-ny")
    assert json.loads(r.stdout)["requests"][0]["jurisdiction"] == "us-ny"
    r = run("status", str(f), "-j", "us-nyc")
    assert r.exit_code == 2
    assert "unknown jurisdiction 'us-nyc' (did you mean 'us-ny'?)" in r.stderr
