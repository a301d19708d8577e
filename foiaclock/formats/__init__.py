"""Output formats: one module per format, one registry.

A formatter turns a `Report` (the deadlines of a requests file as of one day) into text. Modules
are imported only when their format is used, so `icalendar` and `rich` cost nothing to a command
that does not need them. `tests/test_cli_formats.py` checks that every ``--format`` choice of
every command has a formatter here.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable

from ..models import Deadline, Status
from ..rules import Jurisdiction

SCHEMA_VERSION = 1
"""Version of the JSON output's shape; raised on any change that could break a reader."""


@dataclass(frozen=True)
class Report:
    """What `foiaclock status` shows: the deadlines of one file, filtered and sorted."""

    path: str
    as_of: date
    soon: int
    deadlines: Sequence[Deadline]
    jurisdictions: Mapping[str, Jurisdiction] = field(default_factory=dict)
    total: int | None = None
    """How many requests the file has (``None``: as many as shown)."""


@dataclass(frozen=True)
class Rows:
    """A report whose deadlines are already text, one piece each (see `RowFormatter`)."""

    path: str
    as_of: date
    soon: int
    counts: Mapping[Status, int]
    """How many of the rows have each status (the status of the clock that runs now)."""
    rows: Sequence[str]


class Formatter(Protocol):
    """Renders a report. `machine` formats never carry colour."""

    name: str
    machine: bool

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str: ...


@runtime_checkable
class RowFormatter(Formatter, Protocol):
    """A format made of a head, one piece of text per deadline and a tail: `render` is
    ``assemble(... [row(d) for d in deadlines])``, so the rows may be made in several processes
    (`foiaclock._parallel`) and give the same text."""

    def row(self, deadline: Deadline) -> str: ...

    def assemble(self, rows: Rows) -> str: ...


def render_rows(fmt: RowFormatter, report: Report) -> str:
    """`report` through `fmt`'s rows: what its `render` does."""
    from .rows import counts

    return fmt.assemble(
        Rows(
            path=report.path,
            as_of=report.as_of,
            soon=report.soon,
            counts=counts(report.deadlines),
            rows=[fmt.row(d) for d in report.deadlines],
        )
    )


#: ``foiaclock status --format`` choices -> "module:Class" (imported on first use).
STATUS_FORMATS: dict[str, str] = {
    "table": "as_table:TableFormat",
    "json": "as_json:JsonFormat",
    "csv": "as_csv:CsvFormat",
    "markdown": "as_markdown:MarkdownFormat",
    "ics": "as_ics:IcsFormat",
}

#: ``foiaclock due --format`` choices.
DUE_FORMATS: dict[str, str] = {
    "text": "due_text:DueTextFormat",
    "json": "as_json:DueJsonFormat",
}


def formatter(name: str, registry: Mapping[str, str] = STATUS_FORMATS) -> Formatter:
    """The formatter registered as `name` (KeyError if none)."""
    module_name, class_name = registry[name].split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    obj: Formatter = getattr(module, class_name)()
    return obj
