"""The ``foiaclock`` command line: a thin shell over the loader, the engine and the formatters.

Only this module knows about Click, the terminal, the environment and exit codes:

* 0: success (``check``: nothing overdue);
* 1: findings (``check`` only: a request is overdue, or due soon with ``--fail-on due-soon``);
* 2: bad input or usage: one clear message, with file:line:column where there is one;
* 3: a bug in foiaclock (``--debug`` shows the traceback).

Data goes to stdout; the summary, warnings and errors go to stderr.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .errors import FoiaclockError, InputError, RequestError
from .models import Request, Status, Toll, TollKind

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS: dict[str, Any] = {
    "help_option_names": ["-h", "--help"],
    "max_content_width": 100,
}
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_BUG = 0, 1, 2, 3
_DEBUG_KEY = "foiaclock.debug"


# --------------------------------------------------------------------------------------------
# Errors: one message, no traceback (unless --debug)


class Problem(click.ClickException):
    """Bad input: printed as one line on stderr, exit 2."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, error: InputError | None = None) -> None:
        super().__init__(message)
        self.error = error

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


class Bug(click.ClickException):
    exit_code = EXIT_BUG

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.find_root().meta.get(_DEBUG_KEY)) or os.environ.get(
        "FOIACLOCK_DEBUG", ""
    ) not in ("", "0")


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta[_DEBUG_KEY] = True
    return value


def error_text(exc: FoiaclockError) -> str:
    """``file:line:col: error: message`` (the form editors and terminals make clickable)."""
    if isinstance(exc, InputError):
        where = exc.location()
        return f"{where}: error: {exc.message}" if where else f"error: {exc.message}"
    return f"error: {exc}"


def _in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    title: str = "",
) -> str:
    """A GitHub Actions workflow command (``::error file=...,line=...::message``)."""
    props = []
    if file and file not in ("-", "<stdin>"):
        props.append(f"file={_gh_escape_prop(file)}")
        if line is not None:
            props.append(f"line={line}")
            if col is not None:
                props.append(f"col={col}")
    if title:
        props.append(f"title={_gh_escape_prop(title)}")
    head = f"::{level} {','.join(props)}" if props else f"::{level}"
    return f"{head}::{_gh_escape_data(message)}"


def input_annotation(exc: InputError, title: str) -> str:
    """The ``::error`` annotation for bad input, pointing at its file, line and column."""
    return annotation(
        "error", exc.message, file=exc.path, line=exc.line, col=exc.column, title=title
    )


class FoiaclockGroup(click.Group):
    """Turns foiaclock's errors into one line and an exit code; ``--debug`` re-raises them."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except FoiaclockError as exc:
            if _debug(ctx):
                raise
            if _in_actions() and isinstance(exc, InputError):
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


# --------------------------------------------------------------------------------------------
# Terminal and output


def use_colour(stream: Any) -> bool:
    """Colour follows the terminal; NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org)."""
    if os.environ.get("NO_COLOR", ""):
        return False
    force = os.environ.get("FORCE_COLOR", "")
    if force and force.lower() not in ("0", "false", "no"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM", "") != "dumb"


def terminal_width(stream: Any) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    isatty = getattr(stream, "isatty", None)
    if isatty and isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return 100


def write_output(text: str, output: str | None, *, colour: bool = False) -> None:
    """`text` to stdout, or atomically to the file `output` (a temporary file renamed into
    place: readers never see a partial file, and an error leaves the old file as it was)."""
    if output in (None, "-"):
        try:
            # Without colour click.echo searches the text for colour codes to strip, a regex
            # over megabytes of JSON; a scan for ESC says at once whether that is needed.
            click.echo(text, nl=False, color=colour or "\x1b" not in text)
        except BrokenPipeError:  # `foiaclock status ... | head`: the reader has had enough
            _quiet_stdout()
        except OSError as exc:
            raise InputError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    assert output is not None
    target = Path(output)
    if target.is_symlink():  # write through the link, keeping it
        target = target.resolve()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError(f"--output {output}: is a directory; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"--output {output}: cannot write there: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:  # a full disk, a vanished folder: the old file is left as it was
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"--output {output}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _quiet_stdout() -> None:
    """After a broken pipe, send what is left for stdout nowhere (so that Python's own flush at
    exit does not complain) and end quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(0)


def note(message: str) -> None:
    """Chatter for people: stderr."""
    click.echo(message, err=True)


# --------------------------------------------------------------------------------------------
# Parameter types and shared options


if TYPE_CHECKING:
    _ParamBase = click.ParamType[date, Any]
else:
    _ParamBase = click.ParamType


class DateType(_ParamBase):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if text == "today":
            from .clock import today

            return today()
        try:
            d = date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text!r} is not a date like 2026-12-01", param, ctx)
        from .calendar import FIRST_YEAR, LAST_YEAR

        if not FIRST_YEAR <= d.year <= LAST_YEAR:
            self.fail(
                f"{text} is outside the years foiaclock covers ({FIRST_YEAR} to {LAST_YEAR})",
                param,
                ctx,
            )
        return d


DATE = DateType()


def _jurisdiction_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    if value is None:
        return None
    from .rules import get_jurisdiction

    try:
        return get_jurisdiction(value).code
    except FoiaclockError as exc:
        raise click.BadParameter(exc.message, ctx, param) from None


def debug_option(f: F) -> F:
    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_debug,
        help="Show the full traceback of an error (for bug reports).",
    )(f)


def as_of_option(f: F) -> F:
    return click.option(
        "--as-of",
        type=DATE,
        default=None,
        metavar="DATE",
        help="Compute as of this day instead of today (YYYY-MM-DD). Makes output reproducible.",
    )(f)


def _code_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """For commands that read a requests file: the code may name one of the file's own
    jurisdictions, so it is checked when the file is loaded."""
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("give a jurisdiction code, like us or us-ny", ctx, param)
    return value.strip().lower()


def jurisdiction_option(default_help: str, *, in_file: bool = False) -> Callable[[F], F]:
    def deco(f: F) -> F:
        return click.option(
            "--jurisdiction",
            "-j",
            metavar="CODE",
            default=None,
            callback=_code_callback if in_file else _jurisdiction_callback,
            help=f"Jurisdiction code (us, us-ny, uk...; see `foiaclock jurisdictions`). {default_help}",
        )(f)

    return deco


def file_jurisdiction_option(f: F) -> F:
    """--jurisdiction for the commands that read a requests file."""
    return jurisdiction_option(
        "Default for requests that name none (overrides the file's [defaults]); may name one of "
        "the file's own [jurisdiction.NAME] tables.",
        in_file=True,
    )(f)


def soon_option(f: F) -> F:
    return click.option(
        "--soon",
        type=click.IntRange(0, 366),
        default=None,
        metavar="N",
        help="'Due soon' means N working days or fewer left (default: the file's [defaults] "
        "soon, else 5).",
    )(f)


def policy_options(f: F) -> F:
    """The calendar-policy flags; unset flags keep the jurisdiction's (or file's) defaults."""
    f = click.option(
        "--saturday-shift/--sunday-only",
        default=None,
        help="States: a Saturday holiday is observed on the Friday before (as the holidays "
        "package has it), or only a Sunday holiday moves (to the Monday after).",
    )(f)
    f = click.option(
        "--dc-area/--no-dc-area",
        default=None,
        help="Inauguration Day is a holiday (offices in the DC area, 5 U.S.C. § 6103(c)).",
    )(f)
    f = click.option(
        "--closures/--no-closures",
        default=None,
        help="Count executive-order closures (Christmas Eve...) as non-working days.",
    )(f)
    f = click.option(
        "--observed/--strict-holidays",
        default=None,
        help="Observed holiday dates (Friday before / Monday after a weekend holiday), or only "
        "the legal dates themselves.",
    )(f)
    return f


def _policy(**flags: bool | None) -> dict[str, Any]:
    return {k: v for k, v in flags.items() if v is not None}


# --------------------------------------------------------------------------------------------
# The group


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("foiaclock")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(f"foiaclock {_version()}")
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

    Exit codes: 0 success, 1 findings (check), 2 bad input or usage, 3 a bug.
    foiaclock computes dates; it is not legal advice.
    """


# --------------------------------------------------------------------------------------------
# Loading and computing


def _read_text(file: str) -> tuple[str, str]:
    """The text of the requests file `file` (``-``: stdin) and the name messages give it."""
    from .loader import decode, read_bytes

    if file == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    return decode(read_bytes(file), file), file


def _read(file: str, jurisdiction: str | None) -> Any:
    from .loader import loads

    return loads(*_read_text(file), default_jurisdiction=jurisdiction)


def _report_as_of(as_of: date | None, jurisdiction: str | None) -> date:
    if as_of is not None:
        return as_of
    from .clock import today

    try:
        return today(jurisdiction or "us")
    except FoiaclockError:  # a jurisdiction of the file's own: today in the federal zone
        return today("us")


def _split_only(values: Iterable[str]) -> set[Status]:
    from ._schema import suggest
    from .formats.rows import STATUS_SLUGS

    groups = {
        "answered": {s for s in Status if s.is_answered},
        "late": {Status.OVERDUE, Status.ANSWERED_LATE},
        "pending": {Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.OPEN, Status.PAUSED},
    }
    chosen: set[Status] = set()
    for value in values:
        for word in value.split(","):
            key = re.sub(r"[\s_]+", "-", word.strip().lower())
            if not key:
                continue
            if key in groups:
                chosen |= groups[key]
            elif key in STATUS_SLUGS:
                chosen.add(STATUS_SLUGS[key])
            else:
                names = list(dict.fromkeys([*STATUS_SLUGS, *groups]))
                raise click.BadParameter(
                    f"unknown status {word.strip()!r}{suggest(key, names)}; choose from "
                    f"{', '.join(names)}",
                    param_hint="'--only'",
                )
    return chosen


def _check_output_not_input(output: str | None, inputs: Sequence[str]) -> None:
    if output in (None, "-"):
        return
    assert output is not None
    out = Path(output)
    for f in inputs:
        if f == "-":
            continue
        try:
            if out.exists() and Path(f).exists() and out.samefile(f):
                raise click.BadParameter(
                    f"{output} is the input file; foiaclock never overwrites its input",
                    param_hint="'--output'",
                )
        except OSError:
            continue


# --------------------------------------------------------------------------------------------
# status


STATUS_FORMAT_NAMES = ("table", "json", "csv", "markdown", "ics")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@as_of_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(STATUS_FORMAT_NAMES),
    default="table",
    show_default=True,
    help="Output format. table is for people; json, csv, markdown and ics never carry colour.",
)
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    default=None,
    help="Write to PATH instead of stdout ('-' = stdout). Written atomically: no partial file.",
)
@click.option(
    "--only",
    metavar="STATUS",
    multiple=True,
    help="Show only these statuses (repeat, or separate with commas): overdue, due-today, "
    "due-soon, open, paused, no-deadline, answered-late, answered-on-time; or the groups "
    "pending, answered, late.",
)
@click.option(
    "--sort",
    type=click.Choice(("urgency", "due", "received", "id", "agency")),  # = rows.SORT_KEYS
    default="urgency",
    show_default=True,
    help="Row order. urgency: overdue first, then due today, due soon... (by due date within).",
)
@soon_option
@file_jurisdiction_option
@debug_option
def status(
    file: str,
    as_of: date | None,
    fmt: str,
    output: str | None,
    only: tuple[str, ...],
    sort: str,
    soon: int | None,
    jurisdiction: str | None,
) -> None:
    """Show every request of FILE: due date, working days left, status.

    FILE is a requests file (TOML; see the README) or - for stdin. Rows are sorted by urgency and
    coloured by status; a one-line summary goes to stderr. A due date marked ± depends on a
    reading of the law that sources disagree on (`foiaclock explain` shows the window).

    \b
    Examples:
      foiaclock status requests.toml
      foiaclock status requests.toml --as-of 2026-12-01 --only overdue,due-soon
      foiaclock status requests.toml --format json -o status.json
      foiaclock status requests.toml --format ics -o foia.ics
      cat requests.toml | foiaclock status -
    """
    from .formats import Report, RowFormatter, Rows, formatter, rows

    wanted = _split_only(only)
    _check_output_not_input(output, [file])
    fmt_obj = formatter(fmt)
    if isinstance(fmt_obj, RowFormatter):  # JSON, CSV: large files on several cores
        from ._parallel import status_rows

        text, name = _read_text(file)
        done = status_rows(
            text,
            name,
            jurisdiction=jurisdiction,
            as_of=as_of,
            soon=soon,
            wanted=wanted,
            sort=sort,
            fmt=fmt_obj,
        )
        out = fmt_obj.assemble(
            Rows(
                path=name,
                as_of=_report_as_of(as_of, jurisdiction),
                soon=done.soon,
                counts=done.counts,
                rows=done.rows,
            )
        )
        write_output(out, output)
        if output not in (None, "-"):
            note(f"wrote {output}: {rows.summary_of(done.counts, len(done.rows), done.total)}")
        return
    rf = _read(file, jurisdiction)
    deadlines = rf.compute(as_of, soon)
    threshold = rf.threshold(soon)
    shown = [d for d in deadlines if not wanted or rows.current_status(d) in wanted]
    shown = rows.sort_deadlines(shown, sort)
    report = Report(
        path=rf.path,
        as_of=_report_as_of(as_of, jurisdiction),
        soon=threshold,
        deadlines=shown,
        jurisdictions=rf.jurisdictions,
        total=len(deadlines),
    )
    to_terminal = output in (None, "-")
    stdout = sys.stdout
    colour = (not fmt_obj.machine) and to_terminal and use_colour(stdout)
    width = terminal_width(stdout) if to_terminal else 100
    text = fmt_obj.render(report, colour=colour, width=width)
    write_output(text, output, colour=colour)
    if fmt == "table":
        for d in shown:
            for w in d.warnings:
                note(f"warning: {d.request.id}: {w}")
        stderr = sys.stderr
        wrap = terminal_width(stderr) if getattr(stderr, "isatty", lambda: False)() else 100
        note(_wrap_list(rows.summary(shown, len(deadlines)), max(wrap, 40)))
        if any(rows.window_wide(d) for d in shown):
            note(
                "± = the sources disagree on a counting rule: `foiaclock explain FILE ID` shows why."
            )
    elif output not in (None, "-"):
        note(f"wrote {output}: {rows.summary(shown, len(deadlines))}")


# --------------------------------------------------------------------------------------------
# check


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@as_of_option
@click.option(
    "--fail-on",
    type=click.Choice(("overdue", "due-soon")),
    default="overdue",
    show_default=True,
    help="overdue: exit 1 if any request is overdue. due-soon: also if one is due today or soon.",
)
@soon_option
@file_jurisdiction_option
@debug_option
def check(
    file: str,
    as_of: date | None,
    fail_on: str,
    soon: int | None,
    jurisdiction: str | None,
) -> None:
    """Exit 1 if a request of FILE is overdue (for CI); print what failed.

    Under GitHub Actions (GITHUB_ACTIONS=true) it also prints ::error / ::warning annotations
    pointing at each request's line, and appends a Markdown table to $GITHUB_STEP_SUMMARY when
    that variable is set. Exit codes: 0 none overdue, 1 overdue (or due soon with
    --fail-on due-soon), 2 bad input.

    \b
    Examples:
      foiaclock check requests.toml
      foiaclock check requests.toml --fail-on due-soon --soon 3
    """
    from .formats import Report, rows
    from .formats.as_markdown import MarkdownFormat

    rf = _read(file, jurisdiction)
    deadlines = rows.sort_deadlines(rf.compute(as_of, soon))
    threshold = rf.threshold(soon)
    failing = {Status.OVERDUE}
    if fail_on == "due-soon":
        failing |= {Status.DUE_TODAY, Status.DUE_SOON}
    warn = {Status.DUE_TODAY, Status.DUE_SOON} - failing
    failed = [d for d in deadlines if rows.current_status(d) in failing]
    actions = _in_actions()
    for d in deadlines:
        st = rows.current_status(d)
        if st not in failing and st not in warn:
            continue
        line = rf.request_line(d.request.id)
        what = "appeal " if d.appeal is not None else ""
        due = rows.current_due(d)
        left = rows.left_cell(d)
        message = f"{d.request.id} ({d.request.agency}): {what}{st.value}, due {due}" + (
            f" ({rows.left_words(d)})" if left and left != "today" else ""
        )
        if st in failing:
            click.echo(f"{rf.path}:{line}: {message}" if line else message)
        if actions:
            click.echo(
                annotation(
                    "error" if st in failing else "warning",
                    message,
                    file=rf.path,
                    line=line,
                    title=f"FOIA request {what}{st.value}",
                )
            )
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY", "")
    if summary_path:
        report = Report(
            path=rf.path,
            as_of=_report_as_of(as_of, jurisdiction),
            soon=threshold,
            deadlines=deadlines,
            jurisdictions=rf.jurisdictions,
        )
        text = f"## foiaclock check: {rf.path}\n\n" + MarkdownFormat().render(report) + "\n"
        try:
            with open(summary_path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            note(f"warning: cannot write $GITHUB_STEP_SUMMARY ({summary_path}): {exc.strerror}")
    note(rows.summary(deadlines))
    if failed:
        n = len(failed)
        note(
            f"check failed: {n} request{'s' if n != 1 else ''} {'overdue' if fail_on == 'overdue' else 'overdue or due soon'}"
        )
        raise click.exceptions.Exit(EXIT_FINDINGS)
    note(
        "check passed: nothing overdue"
        if fail_on == "overdue"
        else "check passed: nothing overdue or due soon"
    )


# --------------------------------------------------------------------------------------------
# due


def _moment(text: str, what: str, timezone: str) -> date | datetime:
    from zoneinfo import ZoneInfo

    from .calendar import FIRST_YEAR, LAST_YEAR

    value = text.strip()
    try:
        result: date | datetime = (
            date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        )
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a date like 2018-07-20 or a date-time like 2018-07-20T17:30:00-04:00",
            param_hint=what,
        ) from None
    day = result.date() if isinstance(result, datetime) else result
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise click.BadParameter(
            f"{value} is outside the years foiaclock covers ({FIRST_YEAR} to {LAST_YEAR})",
            param_hint=what,
        )
    if isinstance(result, datetime) and result.tzinfo is None:
        result = result.replace(tzinfo=ZoneInfo(timezone))
    return result


def _parse_toll(text: str) -> Toll:
    m = re.fullmatch(r"\s*([0-9-]+)\s*\.\.\s*([0-9-]*)\s*(?::\s*(\w+))?\s*", text)
    if not m:
        raise click.BadParameter(
            f"{text!r}: write START..END (dates), START.. for a pause still open, and "
            "optionally :fee or :information, like 2018-08-01..2018-08-06:fee",
            param_hint="'--toll'",
        )
    try:
        start = date.fromisoformat(m.group(1))
        end = date.fromisoformat(m.group(2)) if m.group(2) else None
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: the dates must be like 2018-08-01", param_hint="'--toll'"
        ) from None
    kind = TollKind.INFORMATION
    if m.group(3):
        kinds = {k.value: k for k in TollKind}
        if m.group(3) not in kinds:
            from ._schema import suggest

            raise click.BadParameter(
                f"{text!r}: unknown kind {m.group(3)!r}{suggest(m.group(3), kinds)}; "
                "use information or fee",
                param_hint="'--toll'",
            )
        kind = kinds[m.group(3)]
    if end is not None and end < start:
        raise click.BadParameter(
            f"{text!r}: the pause ends before it starts", param_hint="'--toll'"
        )
    return Toll(start=start, end=end, kind=kind)


def _parse_extension(value: str | None) -> bool | int | date | None:
    if value is None:
        return None
    if value == "full":
        return True
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: give nothing (the law's full extension), a number of working days, or "
            "the date agreed with the requester",
            param_hint="'--extension'",
        ) from None


_DUE_FIELD_OPTIONS = {
    "received": "RECEIVED",
    "first_received": "--first-received",
    "extension": "--extension",
    "acknowledged": "--acknowledged",
    "responded": "--responded",
    "track": "--track",
}


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("received", metavar="RECEIVED")
@jurisdiction_option("Default: us (the federal FOIA).")
@click.option(
    "--extension",
    is_flag=False,
    flag_value="full",
    default=None,
    metavar="[N|DATE]",
    help="The agency extended the time: alone, the law's full extension (10 working days "
    "federally); or N working days; or the date agreed with the requester.",
)
@click.option(
    "--toll",
    "tolls",
    multiple=True,
    metavar="START..END[:KIND]",
    help="A pause of the clock (repeatable): the day the agency asked .. the day it received "
    "the answer (leave END out while awaited); KIND information (default) or fee.",
)
@click.option(
    "--first-received",
    metavar="DATE",
    default=None,
    help="A misrouted request: when any designated component first received it.",
)
@click.option(
    "--acknowledged",
    type=DATE,
    default=None,
    metavar="DATE",
    help="When the agency acknowledged the request (laws whose clock runs from it).",
)
@click.option(
    "--responded",
    type=DATE,
    default=None,
    metavar="DATE",
    help="When the agency made its determination (stops the clock).",
)
@click.option("--expedited", is_flag=True, help="Expedited processing was requested.")
@click.option("--track", default=None, metavar="NAME", help="An alternative clock of the law.")
@policy_options
@click.option(
    "--receipt-day-counts/--no-receipt-day-counts",
    default=None,
    help="Count the receipt day itself as day 1 (43 CFR 2.16(a)).",
)
@click.option(
    "--cutoff",
    metavar="HH:MM",
    default=None,
    help="Received at or after this local time = received the next working day.",
)
@click.option(
    "--timezone",
    metavar="ZONE",
    default=None,
    help="IANA time zone for a date-time without offset (default: the law's).",
)
@as_of_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text for people; json is a stable contract.",
)
@click.option(
    "--explain",
    "show_explain",
    is_flag=True,
    help="Show the count day by day, with citations, and a calendar view.",
)
@debug_option
def due(
    received: str,
    jurisdiction: str | None,
    extension: str | None,
    tolls: tuple[str, ...],
    first_received: str | None,
    acknowledged: date | None,
    responded: date | None,
    expedited: bool,
    track: str | None,
    observed: bool | None,
    closures: bool | None,
    dc_area: bool | None,
    saturday_shift: bool | None,
    receipt_day_counts: bool | None,
    cutoff: str | None,
    timezone: str | None,
    as_of: date | None,
    fmt: str,
    show_explain: bool,
) -> None:
    """The due date of one request received on RECEIVED (a date, or a date-time).

    RECEIVED is the day the proper office received the request: 2018-07-20, or a date-time
    like 2018-07-20T17:30:00-04:00 (without an offset it is read in the law's time zone).
    Put RECEIVED before a bare --extension. Status (days left) is as of today, or --as-of.

    \b
    Examples:
      foiaclock due 2018-07-20
      foiaclock due 2018-07-20 --format json
      foiaclock due 2018-07-20 --extension --toll 2018-07-25..2018-08-01
      foiaclock due 2026-03-02 -j us-ny --acknowledged 2026-03-05 --explain
    """
    from ._schema import ValueProblem
    from .clock import compute
    from .rules import get_jurisdiction, options_from_table

    code = jurisdiction or "us"
    j = get_jurisdiction(code)
    changes = _policy(
        observed=observed,
        closures=closures,
        dc_area=dc_area,
        saturday_shift=saturday_shift,
        receipt_day_counts=receipt_day_counts,
    )
    table: dict[str, Any] = dict(changes)
    if cutoff is not None:
        table["cutoff"] = cutoff
    if timezone is not None:
        table["timezone"] = timezone
    try:
        opts, _ = options_from_table(table, "option", j.options)
    except ValueProblem as exc:
        raise click.BadParameter(
            exc.message.replace("option: ", "--"), param_hint="option"
        ) from None
    if track is not None and track not in j.track_names:
        from ._schema import suggest

        raise click.BadParameter(
            f"{j.name} has no track {track!r}{suggest(track, j.track_names)}; its tracks: "
            f"{', '.join(j.track_names) or 'none'}",
            param_hint="'--track'",
        )
    request = Request(
        received=_moment(received, "'RECEIVED'", opts.timezone),
        jurisdiction=j.code,
        first_received=_moment(first_received, "'--first-received'", opts.timezone)
        if first_received
        else None,
        acknowledged=acknowledged,
        extension=_parse_extension(extension),
        tolls=tuple(_parse_toll(t) for t in tolls),
        expedited=expedited,
        responded=responded,
        track=track,
        options=opts,
    )
    try:
        d = compute(request, as_of)
    except RequestError as exc:
        fld = exc.field
        m = re.fullmatch(r"toll (\d+)", fld)
        if m:
            hint = f"--toll (pause {m.group(1)} by start date)"
        elif fld.startswith("appeal"):
            hint = fld
        else:
            hint = _DUE_FIELD_OPTIONS.get(fld, fld or "request")
        raise Problem(f"error: {hint}: {exc.message}") from None
    from .formats import DUE_FORMATS, Report, formatter

    report = Report(path="", as_of=d.as_of, soon=5, deadlines=[d])
    text = formatter(fmt, DUE_FORMATS).render(report)
    if show_explain:
        from .formats import explain as explain_fmt

        if fmt == "json":
            note("--explain is shown on stderr with --format json")
            note(explain_fmt.render(d, j).rstrip("\n"))
        else:
            text += "\n" + explain_fmt.render(d, j)
    write_output(text, None)


# --------------------------------------------------------------------------------------------
# explain


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.argument("request_id", metavar="ID")
@as_of_option
@soon_option
@file_jurisdiction_option
@debug_option
def explain(
    file: str,
    request_id: str,
    as_of: date | None,
    soon: int | None,
    jurisdiction: str | None,
) -> None:
    """Show how request ID of FILE is counted: day by day, with the law's citations.

    Day 0, every counted working day numbered, every skipped day with its reason (weekend, the
    named holiday, the closure order, a pause), the extension, the readings that make up the
    window, the citations; then the same count on a month calendar.

    \b
    Examples:
      foiaclock explain requests.toml pogo-ice-1
      foiaclock explain requests.toml pogo-ice-1 --as-of 2026-12-01 | less
    """
    from ._schema import suggest
    from .formats import explain as explain_fmt
    from .rules import get_jurisdiction

    rf = _read(file, jurisdiction)
    request = rf.find(request_id)
    if request is None:
        raise Problem(
            f"error: {rf.path}: no request with id {request_id!r}{suggest(request_id, rf.ids)}; "
            f"the ids: {', '.join(rf.ids)}"
        )
    threshold = rf.threshold(soon)
    d = rf.compute_one(request, as_of, threshold)
    j = get_jurisdiction(d.jurisdiction, rf.jurisdictions)
    write_output(explain_fmt.render(d, j), None)
    for w in d.warnings:
        note(f"warning: {w}")


# --------------------------------------------------------------------------------------------
# holidays


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("years", nargs=-1, type=click.IntRange(1900, 2200), metavar="[YEAR]...")
@jurisdiction_option("Default: us.")
@policy_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
@debug_option
def holidays(
    years: tuple[int, ...],
    jurisdiction: str | None,
    observed: bool | None,
    closures: bool | None,
    dc_area: bool | None,
    saturday_shift: bool | None,
    fmt: str,
) -> None:
    """List the non-working days (other than weekends) the calendar uses, with their source.

    YEAR defaults to this year. The calendar-policy flags show how each reading changes the
    list; half-day closings are listed for the record but count as working days.

    \b
    Examples:
      foiaclock holidays 2026
      foiaclock holidays 2018 2019 --strict-holidays --no-closures
      foiaclock holidays 2026 -j us-ny
    """
    from .calendar import calendar_for
    from .clock import fmt_day, today
    from .formats.as_json import dumps
    from .rules import get_jurisdiction

    code = jurisdiction or "us"
    j = get_jurisdiction(code)
    cal = calendar_for(
        code,
        observed=observed,
        closures=closures,
        dc_area=dc_area,
        saturday_shift=saturday_shift,
    )
    pol = cal.policy
    chosen = years or (today(code).year,)
    words = [f"{'observed' if pol.observed else 'strict legal'} holiday dates"]
    if j.calendar.closure_categories:
        words.append(
            f"closure orders {'non-working' if pol.closures else 'counted as working days'}"
        )
    if j.calendar.inauguration:
        words.append(
            f"Inauguration Day {'a holiday (DC area)' if pol.dc_area else 'a working day'}"
        )
    if "saturday_shift" in j.contested and pol.observed:
        words.append(
            "Saturday holidays observed on Friday" if pol.saturday_shift else "Sunday holidays only"
        )
    policy_words = "; ".join(words)
    if fmt == "json":
        data = {
            "schema_version": 1,
            "jurisdiction": j.code,
            "policy": {
                "observed": pol.observed,
                "closures": pol.closures,
                "dc_area": pol.dc_area,
                "saturday_shift": pol.saturday_shift,
            },
            "days": [
                {
                    "date": x.day.isoformat(),
                    "name": x.name,
                    "kind": x.kind,
                    "working_day": x.kind == "half_day",
                    "source": x.source,
                }
                for y in chosen
                for x in cal.non_working_days(y)
            ],
        }
        write_output(dumps(data), None)
        return
    lines = textwrap.wrap(f"{j.name} ({j.code}): {policy_words}", 100, subsequent_indent="  ")
    if j.calendar.citation:
        lines.extend(textwrap.wrap(f"Calendar: {j.calendar.citation}", 100, subsequent_indent="  "))
    for y in chosen:
        days = cal.non_working_days(y)
        off = [x for x in days if x.kind != "half_day"]
        lines.append("")
        lines.append(f"{y}: {len(off)} holidays and closures")
        name_w = min(max([len(x.name) for x in days] + [4]), 44)
        kind_w = max([len(x.kind) for x in off] + [4])
        for x in days:
            name = x.name if len(x.name) <= name_w else x.name[: name_w - 1] + "…"
            if x.kind == "half_day":
                lines.append(
                    f"  {fmt_day(x.day)}  {name:<{name_w}}  a working day (half-day closing)"
                )
                continue
            src = f"  [{x.source}]" if x.source and x.source != j.calendar.citation else ""
            line = f"  {fmt_day(x.day)}  {name:<{name_w}}  {x.kind:<{kind_w}}"
            if len(line) + len(src) > 100:  # the source on a line of its own, indented
                lines.extend([line.rstrip(), f"{'':18}{src.strip()}"])
            else:
                lines.append(f"{line}{src}".rstrip())
    write_output("\n".join(lines) + "\n", None)


# --------------------------------------------------------------------------------------------
# validate


@cli.command(context_settings=CONTEXT_SETTINGS)
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
            rf = _read(f, None)
            rf.compute(as_of)
        except InputError as exc:
            bad += 1
            note(error_text(exc))
            if _in_actions():
                click.echo(input_annotation(exc, "foiaclock: invalid requests file"))
            continue
        n = len(rf.requests)
        note(f"{rf.path}: ok ({n} request{'s' if n != 1 else ''})")
    if bad:
        raise click.exceptions.Exit(EXIT_INPUT)


# --------------------------------------------------------------------------------------------
# jurisdictions


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("code", required=False, metavar="[CODE]")
@debug_option
def jurisdictions(code: str | None) -> None:
    """List the laws foiaclock knows, or show one in full.

    Without CODE: every code with its name, response deadline in words, citation, and
    "unverified" where the rule data has not been checked against the statute text. With CODE:
    its clocks, calendar, receipt rules, pauses, options, notes and assumptions.

    \b
    Examples:
      foiaclock jurisdictions
      foiaclock jurisdictions us
      foiaclock jurisdictions us-ny
    """
    from .formats import info
    from .rules import all_jurisdictions, get_jurisdiction

    if code is None:
        write_output(info.jurisdiction_list(all_jurisdictions()), None)
        return
    try:
        j = get_jurisdiction(code)
    except FoiaclockError as exc:
        raise click.BadParameter(exc.message, param_hint="'CODE'") from None
    write_output(info.jurisdiction_full(j), None)


# --------------------------------------------------------------------------------------------


def _wrap_list(text: str, width: int) -> str:
    """Wrap "head: a b, c d, e f" at its commas, so that no "N status" item is split."""
    lines: list[str] = []
    line = ""
    for item in text.split(", "):
        piece = item if not line else f", {item}"
        if line and len(line) + len(piece) > width:
            lines.append(line + ",")
            line = f"  {item}"
        else:
            line += piece
    lines.append(line)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The console-script entry point (and ``python -m foiaclock``)."""
    # A short-lived process that allocates many small objects and makes no reference cycles worth
    # collecting: the cyclic garbage collector only costs time here (about 15% on 10,000
    # requests). Reference counting still frees everything as usual.
    gc.disable()
    code: object = 0
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="foiaclock")
    except SystemExit as exc:  # how click ends every command
        code = exc.code
    leave(code)


def leave(code: object) -> NoReturn:
    """End the process as ``SystemExit(code)`` would, once stdout and stderr are flushed, but
    without tearing the interpreter down: freeing every module and object one by one takes
    15 ms and more (more after a large file), and a command has nothing left to clean up (files
    are written and closed before this; no exit handlers matter). Only for the entry point:
    never call it from a program that goes on."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # SystemExit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with that descriptor closed (a cron job, a daemon)
            continue
        try:
            stream.flush()
        except BrokenPipeError:  # a reader that went away
            pass
        except OSError:  # a full disk behind a redirection: as Python reports at exit
            status = status or 120
        except Exception:  # a closed or odd stream: nothing may stop the exit with its status
            pass
    os._exit(status)
