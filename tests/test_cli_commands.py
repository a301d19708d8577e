"""check, due, explain, holidays, validate, jurisdictions, --version, --help, python -m."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _cli_helpers import AS_OF, EXAMPLE, ROOT, run

# ---- check -------------------------------------------------------------------------------


def test_check_fails_on_overdue() -> None:
    r = run("check", EXAMPLE, "--as-of", AS_OF)
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        "examples/requests.toml:42: aclu-dhs-1 (DHS Privacy Office): overdue, due 2018-11-23 "
        "(1,997 working days late)",
        "examples/requests.toml:27: pogo-ice-1 (ICE FOIA Office): appeal overdue, due 2019-01-07 "
        "(1,970 working days late)",
        "examples/requests.toml:50: pogo-ice-2 (ICE FOIA Office): overdue, due 2019-04-08 "
        "(1,907 working days late)",
    ]
    assert "check failed: 3 requests overdue" in r.stderr


def test_check_passes_when_nothing_overdue(tmp_path: Path) -> None:
    f = tmp_path / "r.toml"
    f.write_text('[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\n', encoding="utf-8")
    r = run("check", str(f), "--as-of", "2026-11-03")
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert "check passed: nothing overdue" in r.stderr
    # due 2026-12-02: due soon on 2026-11-30 -> fails only with --fail-on due-soon
    assert run("check", str(f), "--as-of", "2026-11-30").exit_code == 0
    r = run("check", str(f), "--as-of", "2026-11-30", "--fail-on", "due-soon")
    assert r.exit_code == 1
    assert "a (X): due soon, due 2026-12-02 (2 working days left)" in r.stdout
    assert run("check", str(f), "--as-of", "2026-12-03").exit_code == 1


def test_check_github_actions(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    r = run(
        "check",
        EXAMPLE,
        "--as-of",
        AS_OF,
        env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert (
        "::error file=examples/requests.toml,line=42,title=FOIA request overdue::aclu-dhs-1 "
        "(DHS Privacy Office): overdue, due 2018-11-23 (1,997 working days late)"
    ) in lines
    assert (
        "::warning file=examples/requests.toml,line=74,title=FOIA request due soon::fbi-2026-face "
        "(FBI Record/Information Dissemination Section): due soon, due 2026-12-07 "
        "(4 working days left)"
    ) in lines
    assert any(line.startswith("::warning file=examples/requests.toml,line=67,") for line in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## **foiaclock: FAILED**: 3 request(s) failing")
    assert (
        "| examples/requests.toml | aclu-dhs-1 | DHS Privacy Office | 2018-11-23 ± | 1,997 late |"
        in text
    )


def test_annotation_escaping() -> None:
    from foiaclock.cli.github import annotation

    assert (
        annotation("error", "50% done\nnext", file="a,b:c.toml", line=3, title="x: y")
        == "::error file=a%2Cb%3Ac.toml,line=3,title=x%3A y::50%25 done%0Anext"
    )


# ---- due ---------------------------------------------------------------------------------


def due_json(*args: str) -> dict[str, object]:
    r = run("due", *args, "--format", "json")
    assert r.exit_code == 0, r.output
    data: dict[str, object] = json.loads(r.stdout)
    return data


def test_due_json_contract() -> None:
    data = due_json("2018-07-20", "--as-of", "2018-08-01")
    assert data["due"] == "2018-08-17"
    for key in (
        "schema_version",
        "received",
        "clock_start",
        "due",
        "window",
        "jurisdiction",
        "statutory_due",
        "may_sue_from",
        "appeal_by",
        "expedited_decision_due",
        "acknowledgement_due",
        "target",
        "other",
        "warnings",
        "status",
        "days_left",
    ):
        assert key in data, key
    # Jul 20-Aug 17 has no holiday or closure: no reading moves the date.
    assert data["window"] == {
        "earliest": "2018-08-17",
        "latest": "2018-08-17",
        "earliest_by": [],
        "latest_by": [],
        "earliest_options": [],
        "latest_options": [],
    }
    assert data["jurisdiction"] == "us"
    assert data["jurisdiction_reason"] == "no jurisdiction or agency named: the federal statute"


def test_due_readme_example_without_as_of() -> None:
    assert due_json("2018-07-20")["due"] == "2018-08-17"


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (["2018-07-20", "--extension"], "2018-08-31"),  # + 10 working days
        (["2018-07-20", "--extension", "5"], "2018-08-24"),
        (["2018-07-20", "--extension", "2018-09-14"], "2018-09-14"),  # agreed date
        # paused 07-26, 07-27, 07-30: 3 working days added to 08-17
        (["2018-07-20", "--toll", "2018-07-25..2018-07-30"], "2018-08-22"),
        (["2018-07-20", "--toll", "2018-07-25..2018-07-30:fee"], "2018-08-22"),
        (["2018-12-17", "--no-closures"], "2019-01-16"),
        (["2018-12-17"], "2019-01-17"),  # the 2018-12-24 closure order is not counted
        (["2018-07-20T18:30:00-04:00", "--cutoff", "17:00"], "2018-08-20"),
        (
            ["2018-07-20T18:30:00", "--cutoff", "17:00", "--timezone", "America/Los_Angeles"],
            "2018-08-20",
        ),
        (["2026-11-13", "--first-received", "2026-10-26"], "2026-12-09"),  # misrouted
        (["2018-07-20", "--receipt-day-counts"], "2018-08-16"),
        # New York: 5 business days (Oct 2, 5, 6, 7, 8); acknowledged Oct 6 with an approximate
        # date, up to 20 business days after it (Columbus Day Oct 12, Election Day Nov 3 skipped)
        (["2026-10-01", "-j", "us-ny"], "2026-10-08"),
        # Pennsylvania, 5 business days over Christmas 2021 (a Saturday): observed Fri Dec 24
        # skipped -> Dec 21, 22, 23, 27, 28; only Sunday holidays moving -> Dec 21-24, 27
        (["2021-12-20", "-j", "us-pa"], "2021-12-28"),
        (["2021-12-20", "-j", "us-pa", "--sunday-only"], "2021-12-27"),
        (
            ["2026-10-01", "-j", "us-ny", "--acknowledged", "2026-10-06", "--extension"],
            "2026-11-05",
        ),
    ],
)
def test_due_options(args: list[str], due: str) -> None:
    assert due_json(*args)["due"] == due


def test_due_open_toll_pauses() -> None:
    data = due_json("2026-11-03", "--toll", "2026-11-18..:fee", "--as-of", AS_OF)
    assert data["status"] == "paused"
    assert data["paused"] is True


def test_due_text_and_explain() -> None:
    r = run("due", "2018-07-20", "--as-of", "2018-08-01", "--explain")
    assert r.exit_code == 0
    assert "due           Fri 2018-08-17  (20 working days, 5 U.S.C. § 552(a)(6)(A)(i))" in r.stdout
    assert "   day 20  Fri 2018-08-17" in r.stdout
    assert "The same count on a calendar" in r.stdout


def test_due_no_fixed_deadline() -> None:
    r = run("due", "2026-11-10", "-j", "us-fl", "--as-of", AS_OF)
    assert r.exit_code == 0
    assert "\ndue       no fixed deadline: promptly\n" in r.stdout
    assert due_json("2026-11-10", "-j", "us-fl")["due"] is None


# ---- explain -----------------------------------------------------------------------------


def test_explain_numbers_days_and_names_skips() -> None:
    r = run("explain", EXAMPLE, "fbi-2026-face", "--as-of", AS_OF)
    assert r.exit_code == 0
    out = r.stdout
    assert "     day 0  Mon 2026-11-02  (counting starts the next day)" in out
    assert "         -  Wed 2026-11-11  not counted: Veterans Day" in out
    assert "         -  Thu 2026-11-05  not counted: paused (information request)" in out
    assert "    day 20  Mon 2026-12-07" in out
    assert "[5 U.S.C. § 552(a)(6)(A)(ii)(I)]" in out
    assert "  count     P    3    H    4    5    -    -" in out  # the calendar view


def test_explain_stdin() -> None:
    text = (ROOT / EXAMPLE).read_text(encoding="utf-8")
    r = run("explain", "-", "nypd-2026-foil", "--as-of", AS_OF, input=text)
    assert r.exit_code == 0
    assert "New York" in r.stdout


# ---- holidays, validate, jurisdictions ---------------------------------------------------


def test_holidays_policy_flags() -> None:
    r = run("holidays", "2018")
    assert "Mon 2018-12-24  Christmas Eve" in r.stdout
    assert "Mon 2018-11-12  Veterans Day (observed)" in r.stdout
    r = run("holidays", "2018", "--no-closures", "--strict-holidays")
    assert "Christmas Eve" not in r.stdout
    assert "Veterans Day (observed)" not in r.stdout
    r = run("holidays", "2025", "--dc-area")
    assert "Inauguration Day" in r.stdout
    data = json.loads(run("holidays", "2026", "2027", "--format", "json").stdout)
    assert {d["date"][:4] for d in data["days"]} == {"2026", "2027"}


def test_holidays_of_a_past_year_come_from_the_calendar_then_in_force() -> None:
    """Texas: state holidays became non-business days on 2023-09-01 (Gov't Code § 552.0031,
    HB 3033). Confederate Heroes Day (Jan 19) and Texas Independence Day (Mar 2) fall before that
    in 2023, under the earlier calendar (national holidays only), and after it in 2024."""
    r = run("holidays", "2023", "2024", "-j", "us-tx")
    assert r.exit_code == 0
    assert "it changed on Fri 2023-09-01" in r.stdout
    assert "2023-01-19" not in r.stdout and "2023-03-02" not in r.stdout
    assert "Fri 2024-01-19  Confederate Memorial Day" in r.stdout
    assert "Sat 2024-03-02  Texas Independence Day" in r.stdout
    data = json.loads(run("holidays", "2023", "-j", "us-tx", "--format", "json").stdout)
    assert "2023-03-02" not in {d["date"] for d in data["days"]}


def test_validate_many_files() -> None:
    r = run("validate", EXAMPLE, "examples/broken-toll.toml")
    assert r.exit_code == 2
    assert "examples/requests.toml: ok (11 requests)" in r.stderr
    assert "examples/broken-toll.toml:10:1: error:" in r.stderr
    assert run("validate", EXAMPLE).exit_code == 0


def test_jurisdictions_list_and_one() -> None:
    r = run("jurisdictions")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[1].split()[:2] == ["us", "United"]
    assert "20 working days" in lines[1]
    assert any("(unverified)" in line for line in lines)
    from foiaclock.law import codes

    listed = {line.split()[0] for line in lines[1:] if line and not line.startswith(" ")}
    assert set(codes()) <= listed
    r = run("jurisdictions", "us")
    for heading in ("Clocks", "Calendar", "Receipt", "Pauses (tolling)", "Options ("):
        assert f"\n{heading}" in r.stdout
    assert "5 U.S.C. § 552(a)(6)(B)(i)" in r.stdout


# ---- version, help, python -m ------------------------------------------------------------


def test_version() -> None:
    from importlib.metadata import version

    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout == f"foiaclock {version('foiaclock')}\n"


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["status"],
        ["check"],
        ["due"],
        ["explain"],
        ["holidays"],
        ["validate"],
        ["jurisdictions"],
    ],
)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_everywhere_with_an_example(command: list[str], flag: str) -> None:
    r = run(*command, flag)
    assert r.exit_code == 0
    assert "Example" in r.stdout
    assert "foiaclock " in r.stdout.split("Example", 1)[1]


def test_python_dash_m() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "foiaclock", "due", "2018-07-20", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["due"] == "2018-08-17"
    p = subprocess.run(
        [sys.executable, "-m", "foiaclock", "status", "examples/broken-date.toml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert p.stderr.startswith("examples/broken-date.toml:6:12: error:")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status", "examples/requests.toml", "--as-of", "2026-12-01", "--format", "json"], 0),
        (["check", "examples/requests.toml", "--as-of", "2026-12-01"], 1),
        (["status", "examples/broken.toml"], 2),
        (["status", "--no-such-option"], 2),
        (["--version"], 0),
    ],
)
def test_the_entry_point_flushes_everything_and_keeps_the_exit_code(
    args: list[str], code: int, tmp_path: Path
) -> None:
    """`main` ends with os._exit after flushing (no interpreter teardown): nothing may be lost."""
    in_process = run(*args)
    p = subprocess.run(
        [sys.executable, "-m", "foiaclock", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
    )
    assert p.returncode == code == in_process.exit_code, p.stderr
    assert p.stdout == in_process.stdout
    # (Click names the program "cli" in-process.)
    assert p.stderr == re.sub(r"\bcli (status|--help)", r"foiaclock \1", in_process.stderr)


def test_the_entry_point_flushes_a_large_output(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text(
        "".join(
            f'[[request]]\nid = "r{i}"\nagency = "A"\nreceived = 2024-01-{1 + i % 28:02d}\n\n'
            for i in range(3000)
        )
    )
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "foiaclock",
            "status",
            str(big),
            "--format",
            "json",
            "--as-of",
            "2026-12-01",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)["requests"]) == 3000


@pytest.mark.parametrize(
    ("args", "closed", "code"),
    [
        (
            [
                "status",
                "examples/requests.toml",
                "--as-of",
                "2026-12-01",
                "-f",
                "json",
                "-o",
                "OUT",
            ],
            ">&-",
            0,
        ),
        (["status", "nope.toml"], "2>&-", 2),
        (["validate", "examples/requests.toml"], ">&-", 0),
        (["check", "examples/requests.toml", "--as-of", "2026-12-01"], ">&- 2>&-", 1),
    ],
)
def test_exit_code_kept_with_a_closed_stream(
    args: list[str], closed: str, code: int, tmp_path: Path
) -> None:
    """A cron job or daemon may start foiaclock with stdout or stderr closed."""
    out = tmp_path / "out.json"
    argv = " ".join(str(out) if a == "OUT" else a for a in args)
    p = subprocess.run(
        f"{sys.executable} -m foiaclock {argv} {closed}",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert p.returncode == code, p.stderr
    assert "Traceback" not in p.stderr
    if "OUT" in args:
        assert json.loads(out.read_text())["requests"]


def test_broken_pipe_is_quiet() -> None:
    p = subprocess.run(
        f"{sys.executable} -m foiaclock jurisdictions | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert "Traceback" not in p.stderr
    assert p.stdout.startswith("code")


def test_due_with_an_adverse_determination_shows_the_last_day_to_appeal() -> None:
    """Determination Tue 2026-10-20: 90 calendar days, Oct 21-31 (11), Nov (41), Dec (72),
    Mon 2027-01-18 (90)."""
    r = run("due", "2026-10-01", "--responded", "2026-10-20", "--adverse", "--as-of", "2026-12-01")
    assert r.exit_code == 0
    assert (
        "appeal by  Mon 2027-01-18, the last day to appeal (5 U.S.C. § 552(a)(6)(A)(i)(III)(aa))"
        in r.stdout
    )
    refused = run("due", "2026-10-01", "--adverse")
    assert refused.exit_code == 2
    assert "--adverse needs --responded DATE" in refused.output


def test_jurisdictions_says_from_when_the_fee_bar_and_the_misrouting_cap_apply() -> None:
    r = run("jurisdictions", "us")
    assert r.exit_code == 0
    assert (
        "  search fees are barred (requests received from 2008-12-31)  "
        "[5 U.S.C. § 552(a)(4)(A)(viii)]"
    ) in r.stdout
    assert "A request first sent to the wrong office\n" in r.stdout
    assert "from 1997-10-02: 20 working days from receipt" in r.stdout
    assert "A request first sent to the wrong office" not in run("jurisdictions", "us-ny").stdout


def _two_files(tmp_path: Path) -> list[str]:
    """a.toml: a request due soon on 2026-11-30; b.toml: an overdue one (dates below)."""
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(
        '[[request]]\nid = "soon"\nagency = "X"\njurisdiction = "us"\nreceived = 2026-11-02\n',
        encoding="utf-8",
    )
    b.write_text(
        '[[request]]\nid = "late"\nagency = "Y"\njurisdiction = "us"\nreceived = 2026-10-01\n',
        encoding="utf-8",
    )
    return [str(a), str(b)]


def test_check_writes_one_summary_for_all_its_files(tmp_path: Path) -> None:
    """Two files, one summary: the verdict first, then both requests most urgent first (b's
    overdue one before a's due soon: 'late', received Oct 1, was due Fri Oct 30; 'soon',
    received Nov 2, is due Wed Dec 2: Nov 3-6 (4), 9-10 (6), Veterans Day 11, 12-13 (8),
    16-20 (13), 23-25 (16), Thanksgiving 26, 27 (17), 30 (18), Dec 1 (19), Dec 2 (20)), the
    same text as the Action's for the same files and day."""
    from foiaclock.cli import action

    files = _two_files(tmp_path)
    out = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(out),
        "GITHUB_WORKSPACE": str(tmp_path),
    }
    r = run("check", *files, "--as-of", "2026-11-30", env=env)
    assert r.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.count("## ") == 1 and text.startswith("## **foiaclock: FAILED**: 1 request(s)")
    late, soon = text.index("| b.toml | late |"), text.index("| a.toml | soon |")
    assert late < soon
    assert "| 2026-10-30 |" in text[late:soon] and "| 2026-12-02 |" in text[soon:]
    action_out = tmp_path / "action-summary.md"
    action.run(
        {
            "FOIACLOCK_FILES": " ".join(files),
            "FOIACLOCK_AS_OF": "2026-11-30",
            "FOIACLOCK_OUTPUT_DIR": str(tmp_path / "reports"),
            "GITHUB_STEP_SUMMARY": str(action_out),
            "GITHUB_WORKSPACE": str(tmp_path),
        }
    )
    assert action_out.read_text(encoding="utf-8") == text


def test_check_s_summary_stays_under_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from foiaclock.cli import summary as job

    monkeypatch.setattr(job, "SUMMARY_LIMIT", 3_000)
    f = tmp_path / "many.toml"
    f.write_text(
        "".join(
            f'[[request]]\nid = "r{i:03}"\nagency = "A"\njurisdiction = "us"\n'
            "received = 2026-10-05\n"
            for i in range(100)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "summary.md"
    run("check", str(f), *_two_files(tmp_path), "--as-of", "2026-11-30",
        env={"GITHUB_STEP_SUMMARY": str(out)})  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 3_000 and "more requests not shown" in text
    assert text.startswith("## **foiaclock: FAILED**: 101 request(s) failing")
