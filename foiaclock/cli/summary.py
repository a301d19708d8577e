"""The GitHub job summary of a check over one or more requests files, the same for ``foiaclock
check`` (appended to ``$GITHUB_STEP_SUMMARY``) and the Action (`action.py`): pass or fail
first, the files that could not be read, then every request of every file most urgent first;
within GitHub's 1 MiB."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import InputError
from ..files import RequestsFile
from ..formats import rows
from ..formats.as_markdown import cell, code
from ..results import Deadline, Status
from .github import workspace_path

#: The statuses counted as due soon (and failing under ``--fail-on due-soon``).
SOON = frozenset((Status.DUE_TODAY, Status.DUE_SOON, Status.APPEAL_DUE_SOON, Status.REPLY_DUE_SOON))

SUMMARY_LIMIT = 1_000_000
"""Bytes of job summary at most (GitHub refuses a step's summary over 1 MiB, 1,048,576 bytes)."""


@dataclass
class Checked:
    """What checking some files found: each good file with its deadlines, and the bad ones."""

    files: list[tuple[RequestsFile, list[Deadline]]]
    broken: list[InputError]

    @property
    def deadlines(self) -> list[Deadline]:
        return rows.sort_deadlines(d for _, found in self.files for d in found)


def counts(checked: Checked, failing: frozenset[Status]) -> dict[str, str]:
    """What the check counts (the Action's outputs): overdue, due-soon, may-sue, next-due, and
    failing (the requests whose status is in `failing`)."""
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
    day = d.agency_clock.may_sue_from
    return day is not None and day <= d.as_of and d.current_status is not Status.IN_LITIGATION


def job_summary(
    checked: Checked, fail_on: str, as_of: str, tally: Mapping[str, str], workspace: str = ""
) -> str:
    """The job summary: pass or fail first, the files that could not be read, then every
    request most urgent first (cut below `SUMMARY_LIMIT`, with a note). `as_of` is the day
    judged, in words; `tally` is `counts`'s; paths are shown relative to `workspace`."""
    every = checked.deadlines
    if checked.broken:
        verdict = f"**foiaclock: FAILED**: {len(checked.broken)} file(s) could not be read"
    elif tally["failing"] != "0":
        verdict = (
            f"**foiaclock: FAILED**: {tally['failing']} request(s) failing (fail-on {fail_on})"
        )
    else:
        verdict = f"**foiaclock: passed**: nothing failing (fail-on {fail_on})"
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
    size = len(text.encode("utf-8"))
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
        size += len(row.encode("utf-8"))
        if size > SUMMARY_LIMIT - 200:
            text += (
                f"\n{len(every) - i} more requests not shown: a job summary holds at most "
                "1 MiB. The JSON report has every request.\n"
            )
            break
        text += row
    return text
