"""GitHub Actions workflow commands (``::error file=...,line=...::message``)."""

from __future__ import annotations

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
