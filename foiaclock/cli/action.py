"""The GitHub Action's step (``action.yml`` runs ``python -m foiaclock.cli.action``): check the
requests files, annotate the most urgent, write the job summary, the reports and the outputs.

The Action passes its inputs only through environment variables (never into the script's
text, where a crafted input could run as shell code):

* ``FOIACLOCK_FILES``: paths or globs, separated by spaces or newlines;
* ``FOIACLOCK_AS_OF``: the day to judge (empty: today in each request's own time zone, from its
  ``timezone`` or else its law's, never UTC: a 00:30 UTC cron must not judge Eastern deadlines
  on yesterday's date);
* ``FOIACLOCK_FAIL_ON``: ``overdue`` (default), ``due-soon`` or ``never``;
* ``FOIACLOCK_SOON``: the due-soon threshold in working days (empty: the files' own);
* ``FOIACLOCK_SUMMARY``: ``true`` (default) to write the job summary;
* ``FOIACLOCK_OUTPUT_DIR``: where the JSON and Markdown reports go (default ``$RUNNER_TEMP``).

Exit codes as the command line's: 0 nothing failing, 1 findings, 2 bad input.
Tests run `run` with an environment of their own, as the Action runs it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import FoiaclockError, InputError
from ..formats import Report, formatter, rows
from .check import failing_statuses, findings
from .github import annotation, capped
from .requests import deadline, expand, read
from .summary import Checked, counts, job_summary

_EXIT_FAILED, _EXIT_INPUT = 1, 2


@dataclass
class Inputs:
    files: list[str]
    as_of: date | None
    fail_on: str
    soon: int | None
    summary: bool
    output_dir: Path
    problems: list[str] = field(default_factory=list)
    """Inputs that cannot be used, in words (each becomes an ``::error`` and exit 2)."""


def inputs(env: Mapping[str, str]) -> Inputs:
    """The Action's inputs from `env`, each checked."""
    problems = []
    files = env.get("FOIACLOCK_FILES", "").split()
    if not files:
        problems.append("input 'files' is empty: name the requests files (paths or globs)")
    as_of = None
    text = env.get("FOIACLOCK_AS_OF", "").strip()
    if text:
        try:
            as_of = date.fromisoformat(text)
        except ValueError:
            problems.append(f"input 'as-of' must be a date like 2026-12-01, not {text!r}")
    fail_on = env.get("FOIACLOCK_FAIL_ON", "").strip() or "overdue"
    if fail_on not in ("overdue", "due-soon", "never"):
        problems.append(f"input 'fail-on' must be overdue, due-soon or never, not {fail_on!r}")
    soon = None
    text = env.get("FOIACLOCK_SOON", "").strip()
    if text:
        if text.isdigit():
            soon = int(text)
        else:
            problems.append(f"input 'soon' must be a whole number of working days, not {text!r}")
    summary = env.get("FOIACLOCK_SUMMARY", "true").strip().lower() not in ("false", "0", "no")
    out = env.get("FOIACLOCK_OUTPUT_DIR") or env.get("RUNNER_TEMP") or "."
    return Inputs(files, as_of, fail_on, soon, summary, Path(out), problems)


def today_for(request_zone: str | None, law_zone: str) -> date:
    """Today in the request's own time zone (else its law's)."""
    return datetime.now(ZoneInfo(request_zone or law_zone)).date()


def check_all(given: Inputs) -> Checked:
    """Every file's deadlines, each request as of `given.as_of` or its own today."""
    from ..engine.law_of import law_of

    out = Checked([], [])
    try:
        paths = expand(given.files)
    except InputError as exc:
        out.broken.append(exc)
        return out
    for path in paths:
        try:
            rf = read(path, None)
            threshold = rf.threshold(given.soon)
            found = []
            for r in rf.requests:
                day = given.as_of
                if day is None:
                    zone = r.options.timezone if r.options is not None else None
                    day = today_for(zone, law_of(r, rf.jurisdictions).law.timezone)
                found.append(deadline(rf, r.id, day, threshold))
            out.files.append((rf, rows.sort_deadlines(found)))
        except (InputError, FoiaclockError) as exc:
            out.broken.append(exc if isinstance(exc, InputError) else InputError(str(exc)))
    return out


def report_json(checked: Checked, given: Inputs) -> str:
    """Every file's status JSON (``foiaclock status --format json``), in one document."""
    files = []
    for rf, found in checked.files:
        as_of = found[0].as_of if found else given.as_of or today_for(None, "America/New_York")
        report = Report(rf.path, as_of, rf.threshold(None), found)
        files.append(json.loads(formatter("json").render(report)))
    broken = [{"error": str(exc)} for exc in checked.broken]
    return json.dumps({"files": files, "broken": broken}, ensure_ascii=False, indent=1) + "\n"


def run(env: Mapping[str, str], out: Sequence[str] = ()) -> int:
    """The Action's step with the environment `env`; prints annotations on stdout and returns
    the exit code."""
    given = inputs(env)
    for problem in given.problems:
        print(annotation("error", problem, title="foiaclock: bad input"))
    if given.problems:
        _write_outputs(env, {"exit-code": str(_EXIT_INPUT)})
        return _EXIT_INPUT
    checked = check_all(given)
    failing = failing_statuses(given.fail_on)
    workspace = env.get("GITHUB_WORKSPACE", "")
    for command in capped(findings(checked, failing, workspace)):
        print(command)
    tally = counts(checked, failing)
    failed = tally["failing"] != "0"
    code = _EXIT_INPUT if checked.broken else _EXIT_FAILED if failed else 0
    given.output_dir.mkdir(parents=True, exist_ok=True)
    json_path = given.output_dir / "foiaclock-report.json"
    md_path = given.output_dir / "foiaclock-summary.md"
    as_of = given.as_of.isoformat() if given.as_of else "today in each request's time zone"
    text = job_summary(checked, given.fail_on, as_of, tally, workspace)
    json_path.write_text(report_json(checked, given), encoding="utf-8")
    md_path.write_text(text, encoding="utf-8")
    step_summary = env.get("GITHUB_STEP_SUMMARY", "")
    if given.summary and step_summary:
        with open(step_summary, "a", encoding="utf-8") as fh:
            fh.write(text)
    outputs = {k: v for k, v in tally.items() if k != "failing"}
    outputs |= {"report-json": str(json_path), "summary-markdown": str(md_path)}
    outputs["exit-code"] = str(code)
    _write_outputs(env, outputs)
    return code


def _write_outputs(env: Mapping[str, str], values: Mapping[str, str]) -> None:
    path = env.get("GITHUB_OUTPUT", "")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as fh:
        for key, value in values.items():
            fh.write(f"{key}={value}\n")  # single-line values only


def main() -> None:  # pragma: no cover - the Action's entry point
    from . import environment

    sys.exit(run(environment.variables()))


if __name__ == "__main__":  # pragma: no cover
    main()
