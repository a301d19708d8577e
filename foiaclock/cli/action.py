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
from ..formats.as_markdown import cell, code
from ..results import Deadline, Status
from .check import SOON, Checked, failing_statuses, findings
from .github import annotation, capped, workspace_path
from .requests import deadline, expand, read

SUMMARY_LIMIT = 1_000_000
"""Bytes of job summary at most (GitHub refuses a step's summary over 1 MiB, 1,048,576 bytes)."""

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


def counts(checked: Checked, failing: frozenset[Status]) -> dict[str, str]:
    """The Action's outputs that count: overdue, due-soon, may-sue, next-due."""
    every = checked.deadlines
    overdue = sum(d.current_status in (Status.OVERDUE, Status.REPLY_OVERDUE) for d in every)
    soon = sum(d.current_status in SOON for d in every)
    may_sue = sum(_may_sue_now(d) for d in every)
    ahead = [
        d.current_due
        for d in every
        if d.current_due is not None
        and d.current_due >= d.as_of
        and not d.current_status.is_answered
        and d.current_status is not Status.IN_LITIGATION
    ]
    return {
        "overdue": str(overdue),
        "due-soon": str(soon),
        "may-sue": str(may_sue),
        "next-due": min(ahead).isoformat() if ahead else "",
        "failing": str(sum(d.current_status in failing for d in every)),
    }


def _may_sue_now(d: Deadline) -> bool:
    day = d.appeal.may_sue_from if d.appeal is not None else d.may_sue_from
    return day is not None and day <= d.as_of and d.current_status is not Status.IN_LITIGATION


def summary(
    checked: Checked, given: Inputs, failed: bool, tally: Mapping[str, str], workspace: str = ""
) -> str:
    """The job summary: pass or fail first, then every request most urgent first (cut below
    `SUMMARY_LIMIT`, with a note), then the files that could not be read."""
    every = checked.deadlines
    if checked.broken:
        verdict = f"**foiaclock: FAILED**: {len(checked.broken)} file(s) could not be read"
    elif failed:
        verdict = f"**foiaclock: FAILED**: {tally['failing']} request(s) failing (fail-on {given.fail_on})"
    else:
        verdict = f"**foiaclock: passed**: nothing failing (fail-on {given.fail_on})"
    as_of = given.as_of.isoformat() if given.as_of else "today in each request's time zone"
    head = [
        f"## {verdict}",
        "",
        f"{rows.summary(every).rstrip('.')}. As of {as_of}; {tally['overdue']} overdue, "
        f"{tally['due-soon']} due soon, {tally['may-sue']} may sue"
        + (f", next due {tally['next-due']}." if tally["next-due"] else "."),
        "",
    ]
    for exc in checked.broken:
        head.append(f"- :x: {code(str(exc), in_table=False)}")
    if checked.broken:
        head.append("")
    head += [
        "| file | id | agency | due | work days | status | explain |",
        "|---|---|---|---|---|---|---|",
    ]
    text = "\n".join(head) + "\n"
    where = {
        id(d): workspace_path(rf.path, workspace) for rf, found in checked.files for d in found
    }
    for i, d in enumerate(every):
        path = where[id(d)]
        row = (
            f"| {cell(path)} | {cell(d.request.id)} | {cell(d.request.agency)} | "
            f"{rows.due_cell(d)} | {rows.left_cell(d)} | {rows.status_text(d)} | "
            f"{code(f'foiaclock explain {path} {d.request.id}')} |\n"
        )
        if len((text + row).encode("utf-8")) > SUMMARY_LIMIT - 200:
            text += (
                f"\n{len(every) - i} more requests not shown: a job summary holds at most "
                "1 MiB. The JSON report has every request.\n"
            )
            break
        text += row
    return text


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
    text = summary(checked, given, failed, tally, workspace)
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
