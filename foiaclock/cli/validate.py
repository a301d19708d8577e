"""``foiaclock validate``: check requests files (for pre-commit)."""

from __future__ import annotations

from datetime import date

import click

from ..errors import InputError
from . import environment
from .app import EXIT_INPUT, error_text
from .github import input_annotation
from .options import CONTEXT_SETTINGS, as_of_option, debug_option
from .output import note
from .requests import deadlines, read


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@as_of_option
@debug_option
def validate(files: tuple[str, ...], as_of: date | None) -> None:
    """Check requests files (for pre-commit): exit 0 if all are valid, 2 if not.

    Reads each file and runs every check status would (dates that exist, known keys, time
    zones and jurisdictions, pauses and appeals in order) without printing a status.

    \b
    Examples:
      foiaclock validate requests.toml
      foiaclock validate examples/*.toml
    """
    bad = 0
    for f in files:
        try:
            rf = read(f, None)
            deadlines(rf, as_of)
        except InputError as exc:
            bad += 1
            note(error_text(exc))
            if environment.in_actions():
                click.echo(input_annotation(exc, "foiaclock: invalid requests file"))
            continue
        n = len(rf.requests)
        note(f"{rf.path}: ok ({n} request{'s' if n != 1 else ''})")
    if bad:
        raise click.exceptions.Exit(EXIT_INPUT)
