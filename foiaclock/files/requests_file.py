"""A read requests file: its requests, its own jurisdictions, and where everything is in its text
(for messages that name the line and column)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import FoiaclockError, InputError, RequestError
from ..law import Jurisdiction
from ..models import FOLLOW_UP_EVERY, Request, Requester

if TYPE_CHECKING:
    from .positions import Positions


@dataclass(frozen=True)
class RequestsFile:
    """A requests file, read and checked (`foiaclock.load`)."""

    path: str
    """How messages name the file (``<stdin>`` for standard input)."""
    requests: tuple[Request, ...]
    """The requests, in file order; each has its options from ``[defaults]`` and its own keys."""
    jurisdictions: Mapping[str, Jurisdiction]
    """The file's own ``[jurisdiction.NAME]`` laws (pass them to `foiaclock.compute`)."""
    soon: int | None
    """The file's ``[defaults] soon`` (the due-soon threshold), if it sets one."""
    source: str = field(repr=False)
    """The text of the file."""
    requester: Requester = field(default_factory=Requester)
    """The file's ``[requester]`` table: who writes the letters."""
    letter_templates: str = ""
    """The file's ``[letters] templates`` folder ("" = the shipped templates), as written."""
    follow_up_every: int = FOLLOW_UP_EVERY
    """The file's ``[letters] follow_up_every``: the working days between follow-up letters
    (pass it to `foiaclock.compute`)."""

    @cached_property
    def positions(self) -> Positions:
        """Where every key of the file is (scanned on first use: only messages need it)."""
        from .positions import scan

        return scan(self.source)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self.requests)}

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.requests]

    def find(self, request_id: str) -> Request | None:
        """The request called `request_id` (``None`` if there is none)."""
        index = self._index.get(request_id)
        return None if index is None else self.requests[index]

    def threshold(self, soon: int | None = None) -> int:
        """The due-soon threshold in working days: `soon` (the command line's) when given, else
        the file's ``[defaults] soon``, else 5."""
        if soon is not None:
            return soon
        return self.soon if self.soon is not None else 5

    def locate(self, request_id: str, fld: str = "") -> tuple[int, int] | None:
        """Line and column of `request_id`'s field `fld` (or of the request itself): a key
        (``"received"``), a dotted path (``"appeal.decided"``), or ``"toll N"`` (its N-th pause,
        as errors name them) with an optional ``.KEY``."""
        index = self._index.get(request_id)
        if index is None:
            return None
        return self.positions.nearest(("request", index, *_field_path(fld)))

    def request_line(self, request_id: str) -> int | None:
        """The line of the request's ``[[request]]`` header."""
        index = self._index.get(request_id)
        if index is None:
            return None
        hit = self.positions.exact(("request", index)) or self.positions.exact(
            ("request", index, "id")
        )
        return hit[0] if hit else None

    def error(self, message: str, request_id: str, fld: str = "") -> InputError:
        """An `InputError` at the request's field."""
        where = self.locate(request_id, fld)
        return InputError(
            message,
            path=self.path,
            line=where[0] if where else None,
            column=where[1] if where else None,
        )

    def located(self, exc: FoiaclockError, request: Request) -> InputError:
        """The error computing `request` raised, as an `InputError` at its line and column."""
        if isinstance(exc, RequestError):
            rid = exc.request_id or request.id
            what = f"request {rid!r}" + (f", {_name_field(exc.field)}" if exc.field else "")
            return self.error(f"{what}: {exc.message}", rid, exc.field)
        return self.error(f"request {request.id!r}: {exc.message}", request.id)


def _field_path(fld: str) -> tuple[str | int, ...]:
    if not fld:
        return ()
    m = re.fullmatch(r"(toll|letter) (\d+)(?:\.(.+))?", fld)
    if m:
        rest = tuple(m.group(3).split(".")) if m.group(3) else ()
        return (m.group(1), int(m.group(2)) - 1, *rest)
    return tuple(fld.split("."))


def _name_field(fld: str) -> str:
    return fld if fld.startswith(("toll ", "letter ")) else f"field {fld!r}"
