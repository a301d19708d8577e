"""``foiaclock check``: a gate for CI over one or more requests files (paths or globs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import click

from ..errors import InputError
from ..formats import rows
from ..results import Deadline, Status
from . import environment
from .app import EXIT_FINDINGS, EXIT_INPUT, Problem, error_text
from .github import Finding, capped, workspace_path
from .options import (
    CONTEXT_SETTINGS,
    as_of_option,
    debug_option,
    file_jurisdiction_option,
    soon_option,
)
from .output import note
from .requests import deadlines, expand, read
from .summary import SOON, Checked, counts, job_summary

FAIL_ON = ("overdue", "due-soon", "never")
FAILING = frozenset((Status.OVERDUE, Status.REPLY_OVERDUE))


def failing_statuses(fail_on: str) -> frozenset[Status]:
    """The statuses that fail the check under ``--fail-on`` `fail_on` (``never``: none)."""
    if fail_on == "never":
        return frozenset()
    return FAILING | SOON if fail_on == "due-soon" else FAILING


def check_files(
    patterns: Sequence[str], as_of: date | None, soon: int | None, jurisdiction: str | None
) -> Checked:
    """Read every file `patterns` name and compute its deadlines; a file that cannot be read
    is kept as its error (the others are still checked)."""
    out = Checked([], [])
    for f in expand(patterns):
        try:
            rf = read(f, jurisdiction)
            out.files.append((rf, rows.sort_deadlines(deadlines(rf, as_of, soon))))
        except InputError as exc:
            out.broken.append(exc)
    return out


def message(d: Deadline) -> str:
    """``id (agency): overdue, due DATE (N working days late)``."""
    st = d.current_status
    what = "appeal " if d.appeal is not None and d.requester_clock is None else ""
    left = rows.current_left_cell(d)
    text = f"{d.request.id} ({d.request.agency}): {what}{st.value}, due {d.current_due}"
    return text + (f" ({rows.left_words(d)})" if left and left != "today" else "")


def findings(checked: Checked, failing: frozenset[Status], workspace: str) -> list[Finding]:
    """The annotations to make: every bad file (an error at its line and column), every
    failing request (an error) and every one due soon that does not fail (a warning)."""
    out = [
        Finding(
            "error",
            exc.message,
            workspace_path(exc.path, workspace) if exc.path else None,
            exc.line,
            exc.column,
            "foiaclock: invalid requests file",
            (0,),
        )
        for exc in checked.broken
    ]
    for rf, found in checked.files:
        path = workspace_path(rf.path, workspace)
        for d in found:
            st = d.current_status
            if st not in failing and st not in SOON:
                continue
            level = "error" if st in failing else "warning"
            what = "appeal " if d.appeal is not None and d.requester_clock is None else ""
            left = rows.days_left(d)
            rank = (1, st.urgency, left if left is not None else 0)
            line = rf.request_line(d.request.id)
            title = f"FOIA request {what}{st.value}"
            out.append(Finding(level, message(d), path, line, None, title, rank))
    return out


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@as_of_option
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="overdue",
    show_default=True,
    help="overdue: exit 1 if any request is overdue, or a reply the agency asked for is. "
    "due-soon: also if one is due today or soon, or your last day to appeal or reply is. "
    "never: report only.",
)
@soon_option
@file_jurisdiction_option
@debug_option
def check(
    files: tuple[str, ...],
    as_of: date | None,
    fail_on: str,
    soon: int | None,
    jurisdiction: str | None,
) -> None:
    """Exit 1 if a request of the FILEs is overdue (for CI); print what failed.

    FILE may be a glob ('requests/*.toml', '**/requests*.toml'), expanded by foiaclock when the
    shell did not. A request with `litigation = DATE` is "in litigation" and never fails.
    Under GitHub Actions (GITHUB_ACTIONS=true) it also prints ::error / ::warning annotations
    pointing at each request's line (the most urgent first, within GitHub's limits). When
    $GITHUB_STEP_SUMMARY is set it appends one job summary for all the FILEs, as the Action
    writes it: pass or fail first, then every request most urgent first (under 1 MiB). Exit codes:
    0 none overdue, 1 overdue (or due soon with --fail-on due-soon), 2 bad input.

    \b
    Examples:
      foiaclock check requests.toml
      foiaclock check 'requests/*.toml' --fail-on due-soon --soon 3
    """
    try:
        checked = check_files(files, as_of, soon, jurisdiction)
    except InputError as exc:
        raise Problem(error_text(exc)) from None
    failing = failing_statuses(fail_on)
    for bad in checked.broken:
        note(error_text(bad))
    for rf, found in checked.files:
        for d in found:
            if d.current_status in failing:
                line = rf.request_line(d.request.id)
                click.echo(f"{rf.path}:{line}: {message(d)}" if line else message(d))
    if environment.in_actions():
        for command in capped(findings(checked, failing, environment.workspace())):
            click.echo(command)
    _step_summary(checked, failing, fail_on, as_of)
    if checked.files:
        note(rows.summary(checked.deadlines))
    if checked.broken:
        if checked.files:  # (alone, the error says it all)
            n = len(checked.broken)
            note(f"check failed: {n} file{'s' if n != 1 else ''} could not be read")
        raise click.exceptions.Exit(EXIT_INPUT)
    _verdict([d for d in checked.deadlines if d.current_status in failing], fail_on)


def _step_summary(
    checked: Checked, failing: frozenset[Status], fail_on: str, as_of: date | None
) -> None:
    """One job summary for every file (`summary.job_summary`, as the Action writes it),
    appended to GitHub's, when there is one."""
    path = environment.step_summary()
    if not path:
        return
    day = as_of.isoformat() if as_of else "today in each request's time zone"
    text = job_summary(checked, fail_on, day, counts(checked, failing), environment.workspace())
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        note(f"warning: cannot write $GITHUB_STEP_SUMMARY ({path}): {exc.strerror}")


def _verdict(failed: list[Deadline], fail_on: str) -> None:
    what = {"overdue": "overdue", "due-soon": "overdue or due soon"}.get(fail_on, "")
    if failed:
        n = len(failed)
        note(f"check failed: {n} request{'s' if n != 1 else ''} {what}")
        raise click.exceptions.Exit(EXIT_FINDINGS)
    note(f"check passed: nothing {what}" if what else "check done (--fail-on never)")
