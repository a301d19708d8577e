"""Output formats: one module per format, one registry.

A formatter turns a `Report` (the deadlines of a requests file as of one day) into text; it only
reads `Deadline`s and the rule data they carry, and never counts. Modules are imported only when
their format is used, so `icalendar` and `rich` cost nothing to a command that does not need
them. `tests/test_cli_formats.py` checks that every ``--format`` choice of every command has a
formatter here.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ..results import Deadline, Step

SCHEMA_VERSION = 1
"""Version of the JSON output's shape; raised on any change that could break a reader."""


@dataclass(frozen=True)
class Report:
    """What `foiaclock status` shows: the deadlines of one file, filtered and sorted."""

    path: str
    as_of: date
    soon: int
    deadlines: Sequence[Deadline]
    total: int | None = None
    """How many requests the file has (``None``: as many as shown)."""
    trails: Mapping[str, tuple[Step, ...]] = field(default_factory=dict)
    """Each shown request's trail (`foiaclock.explain`), by id, for the formats that show it (the
    HTML report); the command computes them, since a formatter never counts."""
    version: str = ""
    """foiaclock's version, for the formats that stamp it."""


class Formatter(Protocol):
    """Renders a report. `machine` formats never carry colour."""

    name: str
    machine: bool

    def render(self, report: Report, *, colour: bool = False, width: int = 100) -> str: ...


#: ``foiaclock status --format`` choices -> "module:Class" (imported on first use).
STATUS_FORMATS: dict[str, str] = {
    "table": "as_table:TableFormat",
    "json": "as_json:JsonFormat",
    "csv": "as_csv:CsvFormat",
    "markdown": "as_markdown:MarkdownFormat",
    "ics": "as_ics:IcsFormat",
    "html": "as_html:HtmlFormat",
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
