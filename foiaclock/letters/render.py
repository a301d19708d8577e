"""Letters from templates: Jinja2's sandbox, strict undefined names, no autoescape for text
(a request's words are values, printed as they are, never templates), and a Markdown escape for
the Markdown letters.

Besides the values of `foiaclock.letters.facts`, a template has the filter ``u`` (a request's
own words: escaped in Markdown) and the globals ``br`` (a line break inside a paragraph),
``strong``, ``heading_open`` and ``heading_close``, which the shipped Markdown letters set so that
one text serves both formats."""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Requester
from ..results import Deadline, Step
from .facts import agency_values, values

FORMATS = {"text": "txt", "markdown": "md"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|<>])")


def render_letter(
    d: Deadline,
    kind: str,
    requester: Requester,
    fmt: str = "text",
    *,
    ground: str | None = None,
    folder: str = "",
    template: str = "",
    trail: tuple[Step, ...] = (),
) -> str:
    """Letter `kind` for `d` in `fmt` (``text`` or ``markdown``). `template` is a file to use
    instead, `folder` one holding ``KIND.FORMAT.j2`` files (a missing one falls back to the
    shipped template). Raises `LetterRefused` when the facts do not support the letter, and
    `InputError` (with the template's line) for a broken template."""
    facts = values(d, kind, requester, ground, trail)
    return _from_template(kind, facts, fmt, folder, template)


def render_agency_letter(
    ds: Sequence[Deadline],
    requester: Requester,
    fmt: str = "text",
    *,
    folder: str = "",
    template: str = "",
) -> str:
    """One follow-up letter about the late requests `ds` to one agency (``follow-up-agency``
    templates, with the values of `agency_values`)."""
    facts = agency_values(ds, requester)
    return _from_template("follow-up-agency", facts, fmt, folder, template)


def _from_template(kind: str, facts: dict[str, Any], fmt: str, folder: str, template: str) -> str:
    """The letter of template `kind` (``KIND.FORMAT.j2``: `template`, else `folder`'s, else the
    shipped one) rendered with `facts`."""
    name = f"{kind}.{FORMATS[fmt]}.j2"
    shipped = str(resources.files("foiaclock.letters") / "templates")
    folders = [folder, shipped] if folder else [shipped]
    if template:
        source, origin = _read(Path(template)), template
        folders.insert(0, str(Path(template).parent))
    elif folder and (Path(folder) / name).is_file():
        source, origin = _read(Path(folder) / name), str(Path(folder) / name)
    else:
        source, origin = _read(Path(shipped) / name), f"foiaclock/letters/templates/{name}"
    return _render(source, origin, facts, fmt, folders)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the template: {exc.strerror}", path=str(path)) from None


def _render(source: str, origin: str, facts: dict[str, Any], fmt: str, folders: list[str]) -> str:
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(folders), undefined=StrictUndefined, autoescape=False,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    env.filters["u"] = _markdown if fmt == "markdown" else str
    markdown = fmt == "markdown"
    env.globals.update(
        br="  " if markdown else "",  # a line break inside a paragraph
        strong="**" if markdown else "",
        heading_open="## " if markdown else "",
        heading_close="" if markdown else ":",
    )
    try:
        compiled = env.from_string(source)
        text = compiled.render(**facts)
    except TemplateSyntaxError as exc:
        raise InputError(f"template error: {exc.message}", path=origin, line=exc.lineno) from None
    except TemplateError as exc:
        raise InputError(f"template error: {exc}", path=origin, line=_line(exc)) from None
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _line(exc: Exception) -> int | None:
    """The template line an error happened on (Jinja2 puts it in the traceback)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _markdown(value: object) -> str:
    """A request's own words in a Markdown letter: every Markdown character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
