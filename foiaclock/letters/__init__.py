"""Letters that act on a request's dates: a follow-up, an appeal, a notice before suit.

* `facts`: which letters the facts support (`choices`) and the dates call for now
  (`called_for`), and the values a template gets
  (`values`: a documented, stable set, every date from the engine with its citation);
* `render`: the templates (shipped in ``templates/``, or a newsroom's own folder), rendered with
  Jinja2 in its sandbox with strict undefined names, so a typo in a template is an error with
  its line, and a request's own words are printed, never run.
"""

from __future__ import annotations

from .facts import (
    GROUNDS,
    KINDS,
    Choice,
    LetterRefused,
    agency_key,
    agency_values,
    called_for,
    choices,
    values,
)
from .render import render_agency_letter, render_letter

__all__ = [
    "GROUNDS",
    "KINDS",
    "Choice",
    "LetterRefused",
    "agency_key",
    "agency_values",
    "called_for",
    "choices",
    "render_agency_letter",
    "render_letter",
    "values",
]
