"""Bad input never shows a traceback: one message with a location, exit 2 (--debug: traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _cli_helpers import AS_OF, EXAMPLE, run

# (file in examples/, the message `validate` prints on stderr: exactly)
BROKEN = [
    (
        "broken.toml",
        "examples/broken.toml:7:30: error: TOML syntax: the line ends inside a string: is a "
        "closing quote missing? [Illegal character '\\n']",
    ),
    (
        "broken-unknown-key.toml",
        "examples/broken-unknown-key.toml:6:1: error: unknown key 'recieved' in request "
        "'pogo-ice-1' (did you mean 'received'?); allowed: acknowledged, adverse, agency, appeal, "
        "case, closed_days, closures, contact, cutoff, dc_area, estimated_completion, expedited, extension, "
        "fee_exception, first_received, id, jurisdiction, letter, litigation, misrouted_unit, notes, observed, postmarked, receipt_day_counts, "
        "received, reply, responded, saturday_shift, subject, target_days, timezone, toll, track, "
        "tracking, via",
    ),
    (
        "broken-duplicate-id.toml",
        "examples/broken-duplicate-id.toml:9:1: error: duplicate request id 'pogo-ice-1': already "
        "used by request #1 at line 4; every request needs its own id",
    ),
    (
        "broken-date.toml",
        "examples/broken-date.toml:6:12: error: TOML syntax: this date or time does not exist or "
        "is not written as TOML expects (dates are 2024-05-01, date-times "
        "2024-05-01T17:30:00-04:00, without quotes) [Invalid date or datetime]",
    ),
    (
        "broken-timezone.toml",
        "examples/broken-timezone.toml:4:1: error: [defaults] timezone: 'America/Springfield' is "
        'not a time zone foiaclock knows; use an IANA name like "America/New_York" or '
        '"Europe/London"',
    ),
    (
        "broken-jurisdiction.toml",
        "examples/broken-jurisdiction.toml:6:1: error: request 'nypd-2026-foil': unknown "
        "jurisdiction 'us-nyc' (did you mean 'us-ny'?); `foiaclock jurisdictions` lists the codes",
    ),
    (
        "broken-toll.toml",
        "examples/broken-toll.toml:10:1: error: request 'fbi-2026-face', toll 1: the pause ends "
        "(2026-11-04) before it starts (2026-11-09); 'end' is the day the agency received the "
        "requester's answer (leave it out while the answer is awaited)",
    ),
    (
        "broken-type.toml",
        "examples/broken-type.toml:6:1: error: request 'pogo-ice-2', field 'received' must be a "
        "date like 2024-05-01 or a date-time like 2024-05-01T17:30:00-04:00, not 'last Tuesday'",
    ),
    (
        "broken-order.toml",
        "examples/broken-order.toml:7:1: error: request 'pogo-ice-3', field 'responded': the "
        "response (2019-04-30) is dated before the request was received (2019-05-06)",
    ),
]


@pytest.mark.parametrize(("name", "message"), BROKEN, ids=[b[0] for b in BROKEN])
@pytest.mark.parametrize("command", ["validate", "status", "check"])
def test_broken_examples(command: str, name: str, message: str) -> None:
    r = run(command, f"examples/{name}")
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == message
    assert r.stdout == ""
    assert "Traceback" not in r.output


def test_every_broken_example_is_tested() -> None:
    root = Path(__file__).resolve().parent.parent / "examples"
    assert sorted(p.name for p in root.glob("broken*.toml")) == sorted(b[0] for b in BROKEN)


def test_debug_shows_the_traceback() -> None:
    r = run("status", "examples/broken-toll.toml", "--debug")
    assert r.exit_code != 0
    assert r.exception is not None
    assert type(r.exception).__name__ == "InputError"
    r = run("--debug", "validate", "examples/broken-toll.toml")
    assert r.exit_code == 2  # validate reports each file; --debug does not change that


def write(tmp_path: Path, data: bytes | str, name: str = "r.toml") -> str:
    f = tmp_path / name
    if isinstance(data, str):
        f.write_text(data, encoding="utf-8")
    else:
        f.write_bytes(data)
    return str(f)


def check_error(args: list[str], expected: str, input: str | None = None) -> None:
    r = run(*args, input=input)
    assert r.exit_code == 2, r.output
    assert expected in r.stderr, r.stderr
    assert "Traceback" not in r.output


def test_missing_file() -> None:
    check_error(["status", "nope.toml"], "nope.toml: error: no such file")


def test_directory() -> None:
    check_error(["status", "examples"], "examples: error: is a directory, not a requests file")


def test_binary_file(tmp_path: Path) -> None:
    f = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    check_error(["status", f], f"{f}: error: is a binary file, not a TOML text file")


def test_non_utf8_file(tmp_path: Path) -> None:
    f = write(tmp_path, '[[request]]\nid = "a"\nagency = "Caf\xe9"\n'.encode("latin-1"))
    check_error(["status", f], f"{f}:3:14: error: is not UTF-8 text: byte 0xe9")


def test_empty_file(tmp_path: Path) -> None:
    f = write(tmp_path, "\n  \n")
    check_error(["status", f], f"{f}: error: the file is empty")


def test_file_without_requests(tmp_path: Path) -> None:
    f = write(tmp_path, '[defaults]\njurisdiction = "us"\n')
    check_error(["status", f], f"{f}: error: no requests: add at least one [[request]] table")


@pytest.mark.parametrize(
    ("value", "column", "shown"),
    [
        ("2024-05-01T25:00:00", 12, "2024-05-01T25:00:00"),  # no hour 25
        ("2024-05-01 17:61:00", 12, "2024-05-01 17:61:00"),  # no minute 61, space form
        ("  2024-05-01t09:60:00Z  # a note", 14, "2024-05-01t09:60:00Z"),
    ],
)
def test_impossible_time_is_named(tmp_path: Path, value: str, column: int, shown: str) -> None:
    f = write(tmp_path, f'[[request]]\nid = "a"\nagency = "A"\nreceived = {value}\n')
    check_error(
        ["validate", f],
        f"{f}:4:{column}: error: TOML syntax: {shown} is not a valid date-time: write it like "
        "2024-05-01T17:30:00-04:00 (two-digit hours 00-23, minutes and seconds 00-59), without "
        "quotes",
    )


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("2026-13-01", 12),  # no month 13: tomllib reads the year as a number and stops
        ("2026-2-3", 12),  # one-digit month and day
        ("  2026-00-10  # a note", 14),
    ],
)
def test_a_date_tomllib_cannot_read_is_named_as_a_date(
    tmp_path: Path, value: str, column: int
) -> None:
    f = write(tmp_path, f'[[request]]\nid = "a"\nagency = "A"\nreceived = {value}\n')
    check_error(
        ["validate", f],
        f"{f}:4:{column}: error: TOML syntax: this date or time does not exist or is not written "
        "as TOML expects (dates are 2024-05-01, date-times 2024-05-01T17:30:00-04:00, without "
        "quotes) [Invalid date or datetime]",
    )


def test_impossible_time_after_a_line_separator_in_a_string(tmp_path: Path) -> None:
    """TOML counts lines by \\n only; a NEL or U+2028 inside a string is not a line break."""
    f = write(
        tmp_path,
        '[[request]]\nid = "a"\nagency = "A"\nnotes = "one\x85two\u2028three"\n'
        "first_received = 2024-05-01T09:00:00-04:00\nreceived = 2024-05-02T25:00:00\n",
    )
    check_error(["validate", f], f"{f}:6:12: error: TOML syntax: 2024-05-02T25:00:00 is not")


def test_a_date_then_other_text_keeps_tomls_message(tmp_path: Path) -> None:
    f = write(tmp_path, '[[request]]\nid = "a"\nagency = "A"\nreceived = 2024-05-01 soon\n')
    check_error(
        ["validate", f], f"{f}:4:23: error: TOML syntax: expected newline or end of document"
    )


def test_empty_stdin() -> None:
    check_error(["status", "-"], "<stdin>: error: the file is empty", input="")


def test_unknown_timezone_in_a_request(tmp_path: Path) -> None:
    f = write(
        tmp_path,
        '[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\ntimezone = "Mars/Olympus"\n',
    )
    check_error(
        ["validate", f],
        f"{f}:5:1: error: request 'a', field 'timezone': 'Mars/Olympus' is not a time zone",
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\nextension = "lots"',
            ":5:1: error: request 'a', field 'extension' must be true (the law's full extension)",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\nextension = -2',
            ":5:1: error: request 'a', field 'extension': an extension of -2 days makes no sense",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\nextension = 15',
            ":5:1: error: request 'a', field 'extension': an extension of 15 working days is more "
            "than the 10 the law allows",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 1066-10-14',
            ":4:1: error: request 'a', field 'received': 1066-10-14 is outside the years foiaclock "
            "covers (1900 to 2200)",
        ),
        ('id = "a"\nagency = "X"', ":1:1: error: request 'a' has no 'received'"),
        ('agency = "X"\nreceived = 2026-11-02', ":1:1: error: request #1 has no id"),
        (
            'id = 7\nagency = "X"\nreceived = 2026-11-02',
            ":2:1: error: request #1, field 'id' must be a string, not a number",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\nvia = "pigeon"',
            ":5:1: error: request 'a', field 'via' must be one of",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\ntrack = "fast"',
            ":5:1: error: request 'a', field 'track': United States (federal) has no track 'fast'",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\n[request.toll]\nstart = 2026-11-03',
            ":5:1: error: request 'a', field 'toll' must be an array of tables: write [[request.toll]]",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\n[[request.toll]]\nend = 2026-11-03',
            ":5:1: error: request 'a', toll 1 has no 'start'",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\n[[request.toll]]\nstart = 2026-11-03\n'
            'kind = "fees"',
            ":7:1: error: request 'a', toll 1, field 'kind' must be one of 'information', 'fee', not "
            "'fees' (did you mean 'fee'?)",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\n[request.appeal]\ndecided = 2026-12-01',
            ":5:1: error: request 'a', field 'appeal': an appeal needs the date the agency received",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\n[request.appeal]\nfiled = 2026-10-01',
            ":6:1: error: request 'a', field 'appeal.filed': the appeal (2026-10-01) is dated "
            "before the request was received",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02\nresponded = 2026-11-20\n'
            "[request.appeal]\nfiled = 2026-12-01\ndecide = 2026-12-02",
            ":8:1: error: unknown key 'decide' in request 'a', appeal (did you mean 'decided'?)",
        ),
        (
            'id = "a"\nagency = "X"\nreceived = 2026-11-02T09:00:00\ntimezone = "Europe/Nowhere"',
            ":5:1: error: request 'a', field 'timezone': 'Europe/Nowhere' is not a time zone",
        ),
    ],
)
def test_schema_errors(tmp_path: Path, body: str, expected: str) -> None:
    f = write(tmp_path, "[[request]]\n" + body + "\n")
    check_error(["validate", f], f + expected)


def test_engine_error_points_at_the_right_toll(tmp_path: Path) -> None:
    # Two information pauses: the law allows one. The engine numbers pauses by start date; the
    # message and the location must follow the file.
    f = write(
        tmp_path,
        '[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\n'
        "[[request.toll]]\nstart = 2026-11-20\nend = 2026-11-23\n"
        "[[request.toll]]\nstart = 2026-11-04\nend = 2026-11-05\n",
    )
    check_error(["status", f, "--as-of", AS_OF], f"{f}:5:1: error: request 'a', toll 1: a second")


def test_duplicate_key_points_at_the_second(tmp_path: Path) -> None:
    f = write(tmp_path, '[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\nid = "b"\n\n')
    check_error(["status", f], f"{f}:5:1: error: TOML syntax: 'request.id' is defined twice")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    f = write(tmp_path, '[[requests]]\nid = "a"\n')
    check_error(
        ["status", f],
        f"{f}:1:1: error: unknown key 'requests' in the requests file "
        "(top level) (did you mean 'request'?)",
    )


def test_unknown_defaults_key(tmp_path: Path) -> None:
    f = write(tmp_path, '[defaults]\njuridiction = "us"\n[[request]]\nid="a"\n')
    check_error(
        ["status", f],
        f"{f}:2:1: error: unknown key 'juridiction' in [defaults] (did you mean 'jurisdiction'?)",
    )


def test_custom_jurisdiction_error(tmp_path: Path) -> None:
    f = write(
        tmp_path,
        '[jurisdiction.agency-x]\nbase = "us"\n[jurisdiction.agency-x.response]\ndays = "ten"\n'
        'citation = "x"\n[[request]]\nid = "a"\nagency = "X"\njurisdiction = "agency-x"\n'
        "received = 2026-11-02\n",
    )
    check_error(
        ["status", f],
        f"{f}:3:1: error: [jurisdiction.agency-x]: jurisdiction "
        "'agency-x', field 'response': days must be a whole number, not a string",
    )


def test_explain_unknown_id_suggests() -> None:
    check_error(
        ["explain", EXAMPLE, "pogo-ice1"],
        "error: examples/requests.toml: no request with id 'pogo-ice1' (did you mean "
        "'pogo-ice-1'?)",
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["status", EXAMPLE, "--as-of", "2026-13-01"],
            "'2026-13-01' is not a date like 2026-12-01",
        ),
        (["status", EXAMPLE, "--as-of", "2999-01-01"], "outside the years foiaclock covers"),
        (["status", EXAMPLE, "--format", "xml"], "'xml' is not one of"),
        (["due", "2018-02-30"], "'2018-02-30' is not a date like 2018-07-20"),
        (["due", "2018-07-20", "--toll", "2018-07-25"], "write START..END"),
        (
            ["due", "2018-07-20", "--toll", "2018-07-25..2018-07-24"],
            "the pause ends (2018-07-24) before it starts (2018-07-25)",
        ),
        (["due", "2018-07-20", "--toll", "2018-07-25..2018-07-27:fees"], "did you mean 'fee'?"),
        (
            ["due", "2018-07-20", "--extension", "11"],
            "--extension: an extension of 11 working days",
        ),
        (["due", "2018-07-20", "--extension", "soon"], "'soon': give nothing"),
        (["due", "2018-07-20", "--cutoff", "5pm"], "must be a time like"),
        (["due", "2018-07-20", "--timezone", "Nowhere/City"], "is not a time zone"),
        (["due", "2018-07-20", "-j", "narnia"], "unknown jurisdiction 'narnia'"),
        (["due", "2018-07-20", "--responded", "2018-07-01"], "--responded: the response"),
        (
            ["due", "2018-07-20T17:00:00-04:00", "--first-received", "2018-08-01"],
            "--first-received: first_received (2018-08-01) is after received",
        ),
        (["holidays", "1850"], "1850 is not in the range"),
        (["jurisdictions", "us-zz"], "unknown jurisdiction 'us-zz'"),
        (["status"], "Missing argument 'FILE'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors(args: list[str], expected: str) -> None:
    check_error(args, expected)


def test_input_file_never_modified(tmp_path: Path) -> None:
    text = Path(EXAMPLE).read_bytes() if Path(EXAMPLE).exists() else None
    from _cli_helpers import ROOT

    f = tmp_path / "r.toml"
    f.write_bytes((ROOT / EXAMPLE).read_bytes())
    before = (f.read_bytes(), f.stat().st_mtime_ns)
    for args in (["status"], ["check"], ["validate"], ["explain"]):
        extra = ["pogo-ice-1"] if args == ["explain"] else []
        run(*args, str(f), *extra, "--as-of", AS_OF)
    assert (f.read_bytes(), f.stat().st_mtime_ns) == before
    del text


def test_github_annotation_for_bad_input() -> None:
    r = run("validate", "examples/broken-toll.toml", env={"GITHUB_ACTIONS": "true"})
    assert r.exit_code == 2
    assert r.stdout.startswith(
        "::error file=examples/broken-toll.toml,line=10,col=1,title=foiaclock%3A invalid requests "
        "file::request 'fbi-2026-face', toll 1: the pause ends"
    )
    # status may be writing JSON or CSV to stdout: its annotation goes to stderr (which the
    # Actions runner reads as well), and stdout stays data only.
    r = run(
        "status", "examples/broken-date.toml", "--format", "json", env={"GITHUB_ACTIONS": "true"}
    )
    assert r.stderr.startswith("::error file=examples/broken-date.toml,line=6,col=12,")
    assert r.stdout == ""


@pytest.mark.parametrize(
    ("text", "where", "first"),
    [
        (  # a table written twice: the second [defaults] is the error
            '[[request]]\nid = "a"\nagency = "X"\nreceived = 2024-01-02\n\n'
            '[defaults]\njurisdiction = "us"\n\n[defaults]\nsoon = 3\n',
            ":9:1:",
            "first at line 6",
        ),
        (  # the second request's appeal written twice, not the first request's
            '[[request]]\nid = "a"\nagency = "X"\nreceived = 2024-01-02\n[request.appeal]\n'
            'filed = 2024-03-01\n\n[[request]]\nid = "b"\nagency = "X"\nreceived = 2024-01-02\n'
            "[request.appeal]\nfiled = 2024-03-01\n[request.appeal]\nfiled = 2024-03-02\n",
            ":14:1:",
            "first at line 12",
        ),
    ],
)
def test_duplicate_tables_point_at_the_second(
    tmp_path: Path, text: str, where: str, first: str
) -> None:
    r = run("validate", write(tmp_path, text))
    assert r.exit_code == 2
    assert where in r.stderr and first in r.stderr


def test_control_characters_in_names_are_refused(tmp_path: Path) -> None:
    f = write(
        tmp_path,
        '[[request]]\nid = "x1"\nagency = "Evil\\n::error file=README.md::pwned"\n'
        "received = 2018-07-20\n",
    )
    r = run("check", f, env={"GITHUB_ACTIONS": "true"})
    assert r.exit_code == 2
    assert "control character" in r.stderr
    assert "\n::error file=README.md" not in r.stdout + r.stderr


def test_deep_nesting_is_bad_input(tmp_path: Path) -> None:
    r = run("validate", write(tmp_path, "a = " + "[" * 5000 + "]" * 5000 + "\n"))
    assert r.exit_code == 2 and "nested too deeply" in r.stderr


def test_utf16_is_named(tmp_path: Path) -> None:
    r = run("validate", write(tmp_path, '[[request]]\nid = "a"\n'.encode("utf-16")))
    assert r.exit_code == 2 and "UTF-16" in r.stderr


def test_bad_default_closed_day_blamed_on_defaults(tmp_path: Path) -> None:
    f = write(
        tmp_path,
        '[defaults]\nclosed_days = [1850-01-01]\n[[request]]\nid = "a"\nagency = "X"\n'
        "received = 2024-01-02\n",
    )
    r = run("validate", f)
    assert (
        r.exit_code == 2
        and ":2:1: error: [defaults] closed_days: 1850-01-01 is outside" in r.stderr
    )


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    r = run("status", "examples/requests.toml", "--format", "json", "-o", str(link))
    assert r.exit_code == 0
    assert link.is_symlink() and target.read_text().startswith("{")
