"""The GitHub Action: `action.yml`'s check step is `foiaclock.cli.action.run`, run here on the
self-test fixtures with the environment the Action gives it; `action.yml` and the self-test
workflow are read as YAML and checked for what they promise."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from _cli_helpers import ROOT

from foiaclock.cli import action
from foiaclock.cli.github import ANNOTATION_CAPS

FIXTURES = ROOT / "tests" / "fixtures" / "action"


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: str, **extra: str
) -> tuple[int, list[str], dict[str, str], str]:
    """(exit code, annotations printed, outputs, job summary) of one run of the step."""
    out, summary = tmp_path / "outputs.txt", tmp_path / "summary.md"
    env = {
        "FOIACLOCK_FILES": files,
        "FOIACLOCK_AS_OF": "2026-11-20",
        "FOIACLOCK_OUTPUT_DIR": str(tmp_path / "reports"),
        "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(summary),
        **extra,
    }
    code = action.run(env)
    printed = capsys.readouterr().out.splitlines()
    outputs = dict(line.split("=", 1) for line in out.read_text(encoding="utf-8").splitlines())
    text = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return code, printed, outputs, text


SELFTEST = [
    # (fixture, exit code, overdue, next due, reason)
    ("on-time", 0, "0", "2026-12-02", "received 11-02, due 12-02: 8 working days left on 11-20"),
    (
        "overdue",
        1,
        "1",
        "",
        "received 10-05, due 11-03 (Columbus Day skipped): 12 working days late; the request in "
        "litigation does not count",
    ),
    ("broken", 2, "0", "", "2026-02-30 does not exist: bad input"),
]


@pytest.mark.parametrize(("fixture", "code", "overdue", "next_due", "reason"), SELFTEST)
def test_the_self_test_fixtures(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fixture: str,
    code: int,
    overdue: str,
    next_due: str,
    reason: str,
) -> None:
    files = str(FIXTURES / fixture / "*.toml")
    got, printed, outputs, summary = run(tmp_path, capsys, files, GITHUB_WORKSPACE=str(ROOT))
    assert got == code, reason
    assert outputs["exit-code"] == str(code)
    assert outputs["overdue"] == overdue, reason
    assert outputs["next-due"] == next_due, reason
    assert Path(outputs["report-json"]).is_file()
    assert Path(outputs["summary-markdown"]).read_text(encoding="utf-8") == summary
    # Pass or fail comes first.
    assert summary.startswith(
        "## **foiaclock: passed**" if code == 0 else "## **foiaclock: FAILED**"
    )
    for line in printed:  # paths relative to the repository, as annotations need them
        if "file=" in line:
            assert f"file=tests/fixtures/action/{fixture}/requests.toml" in line


def test_forty_overdue_requests_stay_within_the_annotation_caps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitHub keeps 10 errors per step and drops the rest silently: the 10 most urgent are
    annotated, then one notice says where the 30 others are; the summary lists all 40."""
    text = "".join(
        f'[[request]]\nid = "r{i:02}"\nagency = "A"\njurisdiction = "us"\n'
        # r00..r19 received Mon 10-05 (due 11-03), r20..r39 received Mon 10-19 (due Tue 11-17:
        # 10-20..11-17 is 20 working days with Veterans Day skipped): the first 20 are later.
        f"received = {'2026-10-05' if i < 20 else '2026-10-19'}\n\n"
        for i in range(40)
    )
    f = tmp_path / "requests.toml"
    f.write_text(text, encoding="utf-8")
    code, printed, outputs, summary = run(tmp_path, capsys, str(f))
    assert code == 1
    errors = [x for x in printed if x.startswith("::error")]
    notices = [x for x in printed if x.startswith("::notice")]
    assert len(errors) == ANNOTATION_CAPS["error"]
    assert [e.split("::")[2].split(" ")[0] for e in errors] == [f"r{i:02}" for i in range(10)]
    assert not [x for x in printed if x.startswith("::warning")]
    assert len(notices) == 1 and "30 more in the job summary" in notices[0]
    assert len(printed) <= 50  # GitHub's cap per job
    assert outputs["overdue"] == "40"
    assert len(re.findall(r"^\| .* \| r\d\d \|", summary, re.M)) == 40
    # Most urgent first in the summary too: r00 (12 working days late) before r20 (3 late:
    # 11-18, 19, 20).
    assert summary.index("| r00 |") < summary.index("| r20 |")


def test_the_summary_stays_under_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from foiaclock.cli import summary as job

    monkeypatch.setattr(job, "SUMMARY_LIMIT", 3_000)
    text = "".join(
        f'[[request]]\nid = "r{i:03}"\nagency = "A"\njurisdiction = "us"\nreceived = 2026-10-05\n'
        for i in range(100)
    )
    f = tmp_path / "requests.toml"
    f.write_text(text, encoding="utf-8")
    _, _, _, summary = run(tmp_path, capsys, str(f))
    assert len(summary.encode("utf-8")) < 3_000
    assert "more requests not shown" in summary
    assert summary.startswith("## **foiaclock: FAILED**")


BAD_INPUTS = [
    # (input variable, value, message fragment)
    ("FOIACLOCK_FAIL_ON", "sometimes", "input 'fail-on' must be overdue, due-soon or never"),
    ("FOIACLOCK_AS_OF", "yesterday", "input 'as-of' must be a date"),
    ("FOIACLOCK_SOON", "five", "input 'soon' must be a whole number"),
    ("FOIACLOCK_FILES", "", "input 'files' is empty"),
]


@pytest.mark.parametrize(("name", "value", "fragment"), BAD_INPUTS)
def test_bad_inputs_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, value: str, fragment: str
) -> None:
    files = str(FIXTURES / "on-time" / "requests.toml")
    code, printed, outputs, _ = run(tmp_path, capsys, files, **{name: value})
    assert code == 2
    assert outputs["exit-code"] == "2"
    assert any(line.startswith("::error") and fragment in line for line in printed)


def test_fail_on_never_and_due_soon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overdue = str(FIXTURES / "overdue" / "requests.toml")
    assert run(tmp_path, capsys, overdue, FOIACLOCK_FAIL_ON="never")[0] == 0
    on_time = str(FIXTURES / "on-time" / "requests.toml")
    # Due 12-02; as of 11-30 (Mon) 2 working days are left: due soon.
    code, _, outputs, _ = run(
        tmp_path, capsys, on_time, FOIACLOCK_AS_OF="2026-11-30", FOIACLOCK_FAIL_ON="due-soon"
    )
    assert code == 1
    assert outputs["due-soon"] == "1"


def test_default_as_of_is_today_in_each_requests_own_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_today(request_zone: str | None, law_zone: str) -> date:
        asked.append(request_zone or law_zone)
        return date(2026, 11, 20)

    monkeypatch.setattr(action, "today_for", fake_today)
    f = tmp_path / "requests.toml"
    f.write_text(
        '[[request]]\nid = "a"\nagency = "A"\njurisdiction = "us"\nreceived = 2026-11-02\n'
        'timezone = "Pacific/Honolulu"\n\n'
        '[[request]]\nid = "b"\nagency = "B"\njurisdiction = "uk"\nreceived = 2026-11-02\n',
        encoding="utf-8",
    )
    code, _, _, _ = run(tmp_path, capsys, str(f), FOIACLOCK_AS_OF="")
    assert code == 0
    assert asked == ["Pacific/Honolulu", "Europe/London"]  # never UTC


# ---- action.yml and the self-test workflow ----------------------------------------------------


def load(path: str) -> dict[str, object]:
    data = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_action_yml_passes_inputs_only_through_env() -> None:
    spec = load("action.yml")
    inputs = spec["inputs"]
    assert isinstance(inputs, dict)
    assert set(inputs) == {"files", "as-of", "fail-on", "soon", "summary", "version"}
    outputs = spec["outputs"]
    assert isinstance(outputs, dict)
    assert {"overdue", "due-soon", "may-sue", "next-due", "report-json", "summary-markdown"} <= set(
        outputs
    )
    runs = spec["runs"]
    assert isinstance(runs, dict) and runs["using"] == "composite"
    used = set()
    for step in runs["steps"]:
        assert "${{" not in step["run"], "an expression in a script is template injection"
        for value in step.get("env", {}).values():
            used |= set(re.findall(r"inputs\.([\w-]+)", value))
    assert used == set(inputs)
    # The check step is the module the tests run.
    assert any("-m foiaclock.cli.action" in step["run"] for step in runs["steps"])


def test_the_self_test_workflow_asserts_each_exit_code() -> None:
    flow = load(".github/workflows/action-selftest.yml")
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert isinstance(jobs, dict)
    steps = jobs["selftest"]["steps"]
    runs = [s for s in steps if s.get("uses") == "./"]
    assert [s["id"] for s in runs] == ["on-time", "overdue", "broken"]
    for s in runs:
        assert s["with"]["as-of"] == "2026-11-20"  # fixed: the self-test never rots
        assert (ROOT / s["with"]["files"].strip().replace("*.toml", "requests.toml")).is_file()
    checks = "\n".join(s.get("run", "") for s in steps)
    for expected in ('test "$CODE" = 0', 'test "$CODE" = 1', 'test "$CODE" = 2'):
        assert expected in checks
    for s in steps:  # third-party actions pinned by commit
        uses = s.get("uses", "./")
        assert uses == "./" or re.search(r"@[0-9a-f]{40}$", uses)


# fmt: off
SUMMARY_CELLS = [
    # (agency as written, its cell in the summary, reason)
    ("ICE *FOIA* office", r"ICE \*FOIA\* office",
     "an asterisk would start emphasis: escaped as in `status --format markdown`"),
    ("a <b>bold</b> | name", r"a \<b\>bold\</b\> \| name",
     "HTML and a pipe: escaped, the pipe would end the cell"),
    ("[link](http://x) `x`", r"\[link\](http://x) \`x\`",
     "a link and a code span: shown as written, not rendered"),
    ("two   spaced  words", "two spaced words", "runs of spaces: one space, as in the table"),
]
# fmt: on


@pytest.mark.parametrize(("agency", "expected", "reason"), SUMMARY_CELLS)
def test_summary_cells_are_escaped_as_the_markdown_format_escapes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], agency: str, expected: str, reason: str
) -> None:
    f = tmp_path / "my_requests.toml"
    f.write_text(
        f'[[request]]\nid = "r_1"\nagency = {json.dumps(agency)}\njurisdiction = "us"\n'
        "received = 2026-10-05\n",
        encoding="utf-8",
    )
    _, _, _, summary = run(tmp_path, capsys, str(f), GITHUB_WORKSPACE=str(tmp_path))
    (line,) = [x for x in summary.splitlines() if x.startswith("| my")]
    cells = line.strip("|").split(" | ")
    assert cells[2] == expected, reason
    assert cells[1] == r"r\_1", reason
    # the command to copy is a code span: shown as is, nothing escaped but a pipe
    assert cells[-1].strip() == "`foiaclock explain my_requests.toml r_1`", reason
