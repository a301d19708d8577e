"""Errors foiaclock raises. Library code raises these; only the CLI decides what a person sees.

Every message is written for the person who has to fix the input: it says what is wrong, where, and
what would be right.
"""

from __future__ import annotations


class FoiaclockError(Exception):
    """Base class of every error foiaclock raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(FoiaclockError):
    """A requests file (or another input) cannot be read or does not follow the format.

    `path`, `line` and `column` locate the problem when known (1-based).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def location(self) -> str:
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)


class RequestError(FoiaclockError):
    """A request's facts are not of the right kind (a date that is not a date), contradict each
    other (a toll ending before it starts) or the law (a second information pause).

    `request_id` and `field` name the request and the field at fault, so the CLI can point at the
    line of the requests file.
    """

    def __init__(self, message: str, *, request_id: str = "", field: str = "") -> None:
        super().__init__(message)
        self.request_id = request_id
        self.field = field

    def __str__(self) -> str:
        where = []
        if self.request_id:
            where.append(f"request {self.request_id!r}")
        if self.field:
            where.append(self.field)
        return f"{', '.join(where)}: {self.message}" if where else self.message


class TollError(RequestError):
    """A pause of the clock that cannot be applied (ends before it starts, a second one...)."""


class ExtensionError(RequestError):
    """An extension the law does not allow (more than the statutory days without agreement)."""


class DateOrderError(RequestError):
    """Dates in the wrong order (a response before the request was received...)."""


class UnknownJurisdictionError(FoiaclockError):
    """A jurisdiction code that foiaclock does not know."""


class DateRangeError(RequestError):
    """A date outside the years foiaclock's calendars cover (`field` names it when it is one of a
    request's)."""


class RuleDataError(FoiaclockError):
    """Jurisdiction rule data (shipped or user-defined) that does not follow the schema."""
