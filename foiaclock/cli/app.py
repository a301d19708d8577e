"""The ``foiaclock`` command group: errors become one line and an exit code.

Exit codes:

* 0: success (``check``: nothing overdue);
* 1: findings (``check``: a request is overdue, or due soon with ``--fail-on due-soon``;
  ``import``: the file is written but some rows were not imported);
* 2: bad input or usage: one clear message, with file:line:column where there is one;
* 3: a bug in foiaclock (``--debug`` shows the traceback).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..errors import FoiaclockError, InputError
from . import environment
from .github import input_annotation
from .options import CONTEXT_SETTINGS, DEBUG_KEY, debug_option

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_BUG = 0, 1, 2, 3


class Problem(click.ClickException):
    """Bad input: printed as one line on stderr, exit 2."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


class Bug(click.ClickException):
    exit_code = EXIT_BUG

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


def error_text(exc: FoiaclockError) -> str:
    """``file:line:col: error: message`` (the form editors and terminals make clickable)."""
    if isinstance(exc, InputError):
        where = exc.location()
        return f"{where}: error: {exc.message}" if where else f"error: {exc.message}"
    return f"error: {exc}"


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.find_root().meta.get(DEBUG_KEY)) or environment.debug()


#: The commands, each in its module (imported when the command is used: a run of one command
#: does not pay for the others; the pattern of Click's "Lazily Loading Subcommands").
COMMANDS = {
    "add": "foiaclock.cli.edit:add",
    "check": "foiaclock.cli.check:check",
    "due": "foiaclock.cli.due:due",
    "explain": "foiaclock.cli.explain:explain",
    "holidays": "foiaclock.cli.reference:holidays",
    "import": "foiaclock.cli.importing:import_",
    "jurisdictions": "foiaclock.cli.reference:jurisdictions",
    "letter": "foiaclock.cli.letter:letter",
    "status": "foiaclock.cli.status:status",
    "toll": "foiaclock.cli.edit:toll",
    "update": "foiaclock.cli.edit:update",
    "validate": "foiaclock.cli.validate:validate",
}


class FoiaclockGroup(click.Group):
    """The command group: loads each command from `COMMANDS` when it is used, and turns
    foiaclock's errors into one line and an exit code (``--debug`` re-raises them)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except FoiaclockError as exc:
            if _debug(ctx):
                raise
            if environment.in_actions() and isinstance(exc, InputError):
                # on stderr, which the Actions runner reads too: stdout may be JSON or CSV
                click.echo(input_annotation(exc, "foiaclock: bad input"), err=True)
            raise Problem(error_text(exc)) from None
        except BrokenPipeError:
            # `foiaclock status ... | head`: the reader went away; not an error.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_OK)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            if _debug(ctx):
                raise
            raise Bug(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in foiaclock. Run the same command with --debug for the "
                "traceback, and please report it."
            ) from None


def version_text() -> str:
    import foiaclock

    return str(foiaclock.__version__)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(f"foiaclock {version_text()}")
    ctx.exit(EXIT_OK)


@click.group(cls=FoiaclockGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@debug_option
def cli() -> None:
    """When a public-records (FOIA) request is due, and whether it is late.

    \b
    Examples:
      foiaclock status requests.toml             the status of every request
      foiaclock check requests.toml              exit 1 if any request is overdue (for CI)
      foiaclock due 2018-07-20                   the due date of one request
      foiaclock explain requests.toml pogo-ice-1 the count, day by day, with citations

    Exit codes: 0 success, 1 findings (check; import: rows left out), 2 bad input or usage, 3 a bug.
    foiaclock computes dates; it is not legal advice.
    """


def main(argv: Sequence[str] | None = None) -> None:
    """The console-script entry point (and ``python -m foiaclock``)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="foiaclock")
