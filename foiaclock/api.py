"""`compute_many`: many requests -> one flat record each, for data work."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal

from .engine import compute
from .engine.deadline import check_follow_up_every
from .errors import FoiaclockError
from .formats.records import COLUMNS, record
from .law import Jurisdiction
from .models import FOLLOW_UP_EVERY, Request

#: The keys of every record `compute_many` returns: `COLUMNS` (the CSV format's), then ``error``.
RECORD_COLUMNS: tuple[str, ...] = (*COLUMNS, "error")


def compute_many(
    requests: Iterable[Request | Mapping[str, Any]],
    as_of: date | None = None,
    *,
    soon: int = 5,
    errors: Literal["raise", "collect"] = "raise",
    jurisdictions: Mapping[str, Jurisdiction] | None = None,
    follow_up_every: int = FOLLOW_UP_EVERY,
) -> list[dict[str, Any]]:
    """One record per request, in order, with the columns `RECORD_COLUMNS` (those of
    ``foiaclock status --format csv``, plus ``error``): dates as `date`, counts as `int`, flags
    as `bool`, ``None`` where a value does not apply. Ready for ``pandas.DataFrame(records)`` or
    ``csv.DictWriter(f, RECORD_COLUMNS)``.

    A request is a `Request`, or a mapping of its fields (a row of ``DataFrame.to_dict(
    "records")``: NaN and ``NaT`` are missing values). With ``errors="raise"`` the first request
    that cannot be computed raises its `FoiaclockError`; with ``errors="collect"`` its record has
    only its ``id`` and ``agency`` (when known) and the message in ``error``. `soon`,
    `jurisdictions` and `follow_up_every` are `compute`'s.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f'errors must be "raise" or "collect", not {errors!r}')
    check_follow_up_every(follow_up_every)  # (an argument's error, not one request's)
    out = []
    for item in requests:
        try:
            request = item if isinstance(item, Request) else _request(item)
            deadline = compute(
                request,
                as_of,
                soon=soon,
                jurisdictions=jurisdictions,
                follow_up_every=follow_up_every,
            )
            row = record(deadline)
            row["error"] = None
        except FoiaclockError as exc:
            if errors == "raise":
                raise
            row = dict.fromkeys(RECORD_COLUMNS)
            row.update(id=_given(item, "id"), agency=_given(item, "agency"), error=str(exc))
        out.append(row)
    return out


def _request(fields: Mapping[str, Any]) -> Request:
    from .errors import RequestError

    known = set(Request.__dataclass_fields__)
    unknown = sorted(str(k) for k in fields if k not in known)
    if unknown:
        raise RequestError(
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"a request's fields: {', '.join(sorted(known))}",
            request_id=str(fields.get("id", "")),
        )
    try:
        return Request(**fields)
    except RequestError as exc:
        if not exc.request_id and isinstance(fields.get("id"), str):
            exc.request_id = fields["id"]
        raise


def _given(item: Request | Mapping[str, Any], key: str) -> str | None:
    value = getattr(item, key, None) if isinstance(item, Request) else item.get(key)
    return value if isinstance(value, str) else None
