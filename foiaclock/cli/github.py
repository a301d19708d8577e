"""GitHub Actions workflow commands (``::error file=...,line=...::message``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import InputError


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    title: str = "",
) -> str:
    """A workflow command that annotates `file` at `line` (and `col`) with `message`."""
    props = []
    if file and file not in ("-", "<stdin>"):
        props.append(f"file={_escape_property(file)}")
        if line is not None:
            props.append(f"line={line}")
            if col is not None:
                props.append(f"col={col}")
    if title:
        props.append(f"title={_escape_property(title)}")
    head = f"::{level} {','.join(props)}" if props else f"::{level}"
    return f"{head}::{_escape_data(message)}"


def input_annotation(exc: InputError, title: str) -> str:
    """The ``::error`` annotation for bad input, pointing at its file, line and column."""
    return annotation(
        "error", exc.message, file=exc.path, line=exc.line, col=exc.column, title=title
    )


#: GitHub shows at most this many annotations of each level from one step (and 50 from a job);
#: the rest are dropped silently, first come first served.
ANNOTATION_CAPS: dict[str, int] = {"error": 10, "warning": 10, "notice": 10}


@dataclass(frozen=True, slots=True)
class Finding:
    """One annotation to make, with its place in the order of urgency."""

    level: str
    """``error`` or ``warning``."""
    message: str
    file: str | None = None
    line: int | None = None
    col: int | None = None
    title: str = ""
    rank: tuple[int, ...] = ()
    """Sorts most urgent first (bad input, then the statuses in order of urgency, the most
    working days late first)."""


def capped(findings: list[Finding], elsewhere: str = "the job summary") -> list[str]:
    """The workflow commands for `findings`, most urgent first and within `ANNOTATION_CAPS`
    (errors before warnings, each level up to its cap), then one notice saying how many more
    there are in `elsewhere` (nothing when none is left out)."""
    order = sorted(findings, key=lambda f: (f.level != "error", f.rank))
    out: list[str] = []
    used = dict.fromkeys(ANNOTATION_CAPS, 0)
    left_out = 0
    for f in order:
        if used[f.level] >= ANNOTATION_CAPS[f.level]:
            left_out += 1
            continue
        used[f.level] += 1
        out.append(
            annotation(f.level, f.message, file=f.file, line=f.line, col=f.col, title=f.title)
        )
    if left_out:
        shown = len(out)
        out.append(
            annotation(
                "notice",
                f"{left_out} more in {elsewhere} (GitHub shows {shown} annotations here: "
                f"at most {ANNOTATION_CAPS['error']} errors and {ANNOTATION_CAPS['warning']} "
                "warnings per step, the most urgent first)",
                title=f"foiaclock: {left_out} more",
            )
        )
    return out


def workspace_path(path: str, workspace: str) -> str:
    """`path` relative to the repository's checkout (`workspace`, ``$GITHUB_WORKSPACE``), with
    ``/`` separators, as annotations need it; as given when there is no workspace or the file is
    outside it."""
    if not workspace or path in ("-", "<stdin>"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(workspace))
    except ValueError:  # another drive (Windows)
        return path
    if rel == ".." or rel.startswith(".." + os.sep):
        return path
    return rel.replace(os.sep, "/")
