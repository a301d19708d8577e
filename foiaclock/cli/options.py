"""The options shared by several commands, and the parameter types they use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..dates import covered, outside_years, parse_day
from ..errors import FoiaclockError

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS: dict[str, Any] = {
    "help_option_names": ["-h", "--help"],
    "max_content_width": 100,
}
DEBUG_KEY = "foiaclock.debug"

if TYPE_CHECKING:
    _ParamBase = click.ParamType[date, Any]
else:
    _ParamBase = click.ParamType


class DateType(_ParamBase):
    """A day on the command line: ``2026-12-01``, or ``today`` (in the federal time zone)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if text == "today":
            from ..engine import today

            return today()
        try:
            d = parse_day(text)
        except ValueError:
            self.fail(f"{text!r} is not a date like 2026-12-01", param, ctx)
        if not covered(d):
            self.fail(outside_years(d), param, ctx)
        return d


DATE = DateType()


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta[DEBUG_KEY] = True
    return value


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


def _jurisdiction_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    if value is None:
        return None
    from ..law import get_jurisdiction

    try:
        return get_jurisdiction(value).code
    except FoiaclockError as exc:
        raise click.BadParameter(exc.message, ctx, param) from None


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
