"""Requests files: TOML -> `Request` models, every error located at file:line:column.

The format (documented in the README):

* ``[defaults]``: the jurisdiction, the due-soon threshold (``soon``) and the calendar policy
  options that apply to every request unless it says otherwise;
* ``[[request]]``: one request each (``id`` and ``agency`` required), with ``[[request.toll]]``
  pauses and a ``[request.appeal]``;
* ``[jurisdiction.NAME]``: user-defined jurisdictions, in the rule-data format of
  ``foiaclock/data/README.md`` (usually ``base = "us"`` plus the fields to change).

A request's options are resolved once, here: the jurisdiction's defaults, then ``[defaults]``, then
the request's own keys. Library code: it raises `InputError` (with path, line and column) and never
prints.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from . import _schema as s
from .calendar import FIRST_YEAR, LAST_YEAR, expect_years
from .clock import compute
from .errors import FoiaclockError, InputError, RequestError
from .models import VIA_VALUES, Appeal, Deadline, Options, Request, Toll, TollKind, make
from .rules import (
    CONTESTABLE,
    Jurisdiction,
    define_jurisdiction,
    get_jurisdiction,
    options_from_table,
)

if TYPE_CHECKING:
    from ._positions import Positions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "DEFAULT_KEYS",
    "OPTION_KEYS",
    "REQUEST_KEYS",
    "RequestsFile",
    "decode",
    "load",
    "load_bytes",
    "loads",
    "read_bytes",
]

#: Calendar-policy and counting options: allowed in ``[defaults]`` and in each request.
OPTION_KEYS: tuple[str, ...] = (*CONTESTABLE, "closed_days", "timezone")
TOP_KEYS: tuple[str, ...] = ("defaults", "request", "jurisdiction")
DEFAULT_KEYS: tuple[str, ...] = ("jurisdiction", "soon", *OPTION_KEYS)
REQUEST_KEYS: tuple[str, ...] = (
    "id",
    "agency",
    "subject",
    "tracking",
    "jurisdiction",
    "received",
    "first_received",
    "acknowledged",
    "extension",
    "expedited",
    "responded",
    "adverse",
    "toll",
    "appeal",
    "notes",
    "track",
    "via",
    "target_days",
    "fee_exception",
    *OPTION_KEYS,
)
TOLL_KEYS: tuple[str, ...] = ("start", "end", "kind", "note", "disputed")
APPEAL_KEYS: tuple[str, ...] = ("filed", "received", "decided", "extension")

_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
_FRIENDLIER = {
    "Invalid date or datetime": (
        "this date or time does not exist or is not written as TOML expects "
        "(dates are 2024-05-01, date-times 2024-05-01T17:30:00-04:00, without quotes)"
    ),
    "Cannot overwrite a value": "a key or table is defined twice",
    "Cannot declare": "a table is defined twice",
    "Expected '=' after a key in a key/value pair": "expected '=' after the key",
    "Invalid value": "a value is missing or not valid TOML (strings need quotes)",
    "Illegal character '\\n'": "the line ends inside a string: is a closing quote missing?",
    "Unclosed array": "an array is not closed: is a ']' missing?",
    "Unclosed inline table": "an inline table is not closed: is a '}' missing?",
}


# --------------------------------------------------------------------------------------------
# Reading the bytes


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def load(
    path: str | Path,
    *,
    default_jurisdiction: str | None = None,
) -> RequestsFile:
    """Read and check the requests file at `path`. Raises `InputError`."""
    name = str(path)
    return loads(decode(read_bytes(name), name), name, default_jurisdiction=default_jurisdiction)


def load_bytes(
    data: bytes, path: str = "-", *, default_jurisdiction: str | None = None
) -> RequestsFile:
    """Check that `data` is UTF-8 text, then parse it (`path` is only for messages)."""
    name = _display(path)
    return loads(decode(data, name), name, default_jurisdiction=default_jurisdiction)


def read_bytes(path: str) -> bytes:
    """The bytes of the file at `path`. Raises `InputError` (a missing file, a directory...)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(
                "is a directory, not a requests file (give the path of a .toml file)", path=path
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a requests file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None


def decode(data: bytes, name: str) -> str:
    """`data` as text, when it is UTF-8 text (a byte-order mark is dropped). Raises `InputError`
    naming `name` for UTF-16, binary and undecodable bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("is UTF-16 text; save the file as UTF-8", path=name)
    if b"\x00" in data[:8192]:
        raise InputError(
            "is a binary file, not a TOML text file (requests files are plain text)", path=name
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            f"is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded; save the file "
            "as UTF-8",
            path=name,
            line=line,
            column=col,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def loads(
    text: str, path: str = "<string>", *, default_jurisdiction: str | None = None
) -> RequestsFile:
    """Parse and check a requests file given as text. Raises `InputError`."""
    if not text.strip():
        raise InputError(
            "the file is empty; a requests file needs at least one [[request]] table "
            "(see examples/requests.toml)",
            path=path,
        )
    try:
        doc = tomllib.loads(text)
    except RecursionError:
        raise InputError(
            "arrays or tables nested too deeply to read; a requests file needs only a few levels",
            path=path,
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, path) from None
    return _Builder(doc, text, path, default_jurisdiction).build()


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, path: str) -> InputError:
    message = str(exc.args[0]) if exc.args else str(exc)
    line: int | None = getattr(exc, "lineno", None)
    col: int | None = getattr(exc, "colno", None)
    m = _TOML_POSITION.search(message)
    if m:
        message = message[: m.start()]
        if m.group(1):
            line, col = int(m.group(1)), int(m.group(2))
    if line is None:
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
    bad_time = _bad_date_time(message, text, line, col)
    if bad_time:
        value, start = bad_time
        return InputError(
            f"TOML syntax: {value} is not a valid date-time: write it like "
            "2024-05-01T17:30:00-04:00 (two-digit hours 00-23, minutes and seconds 00-59), "
            "without quotes",
            path=path,
            line=line,
            column=start,
        )
    if message.startswith("Cannot overwrite") or message.startswith("Cannot declare"):
        from ._positions import scan

        dups = scan(text).duplicates
        if dups:
            key, first, second = dups[0]
            name = ".".join(str(k) for k in key if isinstance(k, str))
            return InputError(
                f"TOML syntax: {name!r} is defined twice (first at line {first[0]}); "
                "each key may appear once per table",
                path=path,
                line=second[0],
                column=second[1],
            )
    friendly = _FRIENDLIER.get(message)
    text_msg = f"{friendly} [{message}]" if friendly else message[:1].lower() + message[1:]
    return InputError(f"TOML syntax: {text_msg}", path=path, line=line, column=col)


#: A date, then a time TOML did not accept (tomllib reads the date alone, then stops where the
#: time starts): ``2024-05-01T25:00:00``, ``2024-05-01 17:61``.
_DATE_BEFORE = re.compile(r"(\d{4}-\d{2}-\d{2})( ?)$")
_TIME_AFTER = re.compile(r"[Tt]?\d{1,2}:[^\s#]*")


def _bad_date_time(
    message: str, text: str, line: int | None, col: int | None
) -> tuple[str, int] | None:
    """(the value, its column) when tomllib stopped just after a date because the time after it
    is impossible; else None."""
    if not message.startswith("Expected newline or end of document") or not line or not col:
        return None
    lines = text.split("\n")  # as tomllib counts lines (not splitlines: U+2028 is no break)
    if not 0 < line <= len(lines):
        return None
    here = lines[line - 1].rstrip("\r")
    date_part = _DATE_BEFORE.search(here[: col - 1])
    time_part = _TIME_AFTER.match(here, col - 1)
    if date_part is None or time_part is None:
        return None
    if not date_part.group(2) and not time_part.group().startswith(("T", "t")):
        return None  # a date and a time need a T or one space between them
    return date_part.group(1) + date_part.group(2) + time_part.group(), date_part.start() + 1


# --------------------------------------------------------------------------------------------
# The parsed file


@dataclass(frozen=True)
class RequestsFile:
    """A checked requests file: requests (options resolved), user jurisdictions, positions."""

    path: str
    requests: tuple[Request, ...]
    jurisdictions: Mapping[str, Jurisdiction]
    soon: int | None
    source: str = field(repr=False)
    _index: Mapping[str, int] = field(repr=False)
    _toll_order: Mapping[str, tuple[int, ...]] = field(repr=False)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def positions(self) -> Positions:
        """Where every key of the file is (scanned on first use: only errors and annotations
        need it)."""
        found: Positions | None = self._cache.get("p")
        if found is None:
            from ._positions import scan

            found = self._cache["p"] = scan(self.source)
        return found

    def locate(self, request_id: str, fld: str = "") -> tuple[int, int] | None:
        """Line and column of `request_id`'s `fld` (or of the request itself): ``fld`` is a key
        (``"received"``), a dotted path (``"appeal.decided"``), ``"toll N"`` (the engine's
        numbering: N-th pause by start date) or ``"toll[N]"`` (N-th in the file)."""
        index = self._index.get(request_id)
        if index is None:
            return None
        path = ("request", index, *self._field_path(request_id, fld))
        if path[2:] == ("appeal", "received") and self.positions.exact(path) is None:
            path = (
                "request",
                index,
                "appeal",
                "filed",
            )  # the engine uses filed when received is unknown
        return self.positions.nearest(path)

    def field_label(self, request_id: str, fld: str) -> str:
        """How to name `fld` to a person: the engine's ``toll N`` in file order."""
        path = self._field_path(request_id, fld)
        if path[:1] == ("toll",) and len(path) > 1 and isinstance(path[1], int):
            rest = "".join(f".{p}" for p in path[2:])
            return f"toll {path[1] + 1}{rest}"
        return fld

    def _field_path(self, request_id: str, fld: str) -> tuple[str | int, ...]:
        if not fld:
            return ()
        m = re.fullmatch(r"toll (\d+)(?:\.(.+))?", fld)
        if m:
            n = int(m.group(1)) - 1
            order = self._toll_order.get(request_id, ())
            file_index = order[n] if 0 <= n < len(order) else n
            rest = tuple(m.group(2).split(".")) if m.group(2) else ()
            return ("toll", file_index, *rest)
        m = re.fullmatch(r"toll\[(\d+)\](?:\.(.+))?", fld)
        if m:
            rest = tuple(m.group(2).split(".")) if m.group(2) else ()
            return ("toll", int(m.group(1)) - 1, *rest)
        return tuple(fld.split("."))

    def error(self, message: str, request_id: str, fld: str = "") -> InputError:
        where = self.locate(request_id, fld)
        return InputError(
            message,
            path=self.path,
            line=where[0] if where else None,
            column=where[1] if where else None,
        )

    def request_line(self, request_id: str) -> int | None:
        index = self._index.get(request_id)
        if index is None:
            return None
        hit = self.positions.exact(("request", index)) or self.positions.exact(
            ("request", index, "id")
        )
        return hit[0] if hit else None

    def compute(self, as_of: date | None = None, soon: int | None = None) -> list[Deadline]:
        """Every request's `Deadline`, in file order. Engine errors come back as `InputError`
        located at the request's field."""
        threshold = self.threshold(soon)
        years = [r.received.year for r in self.requests]
        expect_years(min(years, default=None), max(years, default=None))
        out: list[Deadline] = []
        for request in self.requests:
            out.append(self.compute_one(request, as_of, threshold))
        return out

    def threshold(self, soon: int | None = None) -> int:
        """The due-soon threshold in working days: `soon` (the command line's) when given, else
        the file's ``[defaults] soon``, else 5."""
        if soon is not None:
            return soon
        return self.soon if self.soon is not None else 5

    def compute_one(self, request: Request, as_of: date | None, soon: int) -> Deadline:
        try:
            return compute(request, as_of, soon=soon, jurisdictions=self.jurisdictions)
        except RequestError as exc:
            label = self.field_label(request.id, exc.field)
            rid = exc.request_id or request.id
            what = f"request {rid!r}" + (f", {_name_field(label)}" if label else "")
            raise self.error(f"{what}: {exc.message}", rid, exc.field) from exc
        except FoiaclockError as exc:
            raise self.error(f"request {request.id!r}: {exc.message}", request.id) from exc

    def find(self, request_id: str) -> Request | None:
        index = self._index.get(request_id)
        return None if index is None else self.requests[index]

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.requests]


def _name_field(label: str) -> str:
    return label if label.startswith("toll ") else f"field {label!r}"


# --------------------------------------------------------------------------------------------
# Building the models


def _precheck_option(key: str, value: Any, what: str) -> None:
    """Check one option's value with a message naming `what` (the request and field)."""
    from .rules import check_timezone

    if key in ("observed", "closures", "dc_area", "saturday_shift", "receipt_day_counts"):
        s.expect_bool(value, what)
    elif key == "cutoff":
        s.expect_time(value, what)
    elif key == "misrouted_unit":
        s.expect_choice(value, what, ("working", "calendar"))
    elif key == "closed_days":
        for item in s.expect_list(value, what):
            s.expect_date(item, what)
    elif key == "timezone":
        check_timezone(s.expect_str(value, what), what)


class _Builder:
    def __init__(
        self, doc: dict[str, Any], text: str, path: str, default_jurisdiction: str | None
    ) -> None:
        self.doc = doc
        self.path = path
        self.text = text
        self._pos: Positions | None = None
        self._options: dict[str, Options] = {}
        self.cli_jurisdiction = default_jurisdiction
        self.custom: dict[str, Jurisdiction] = {}

    # ---- errors -------------------------------------------------------------------------------

    @property
    def pos(self) -> Positions:
        if self._pos is None:
            from ._positions import scan

            self._pos = scan(self.text)
        return self._pos

    def fail(self, message: str, *where: str | int) -> InputError:
        hit = self.pos.nearest(tuple(where)) if where else None
        return InputError(
            message,
            path=self.path,
            line=hit[0] if hit else None,
            column=hit[1] if hit else None,
        )

    def check(self, fn: Any, *args: Any, at: tuple[str | int, ...]) -> Any:
        """Run a `_schema` check; a `ValueProblem` becomes an `InputError` at `at`."""
        try:
            return fn(*args)
        except s.ValueProblem as exc:
            raise self.fail(exc.message, *at) from None

    def keys(
        self, table: Mapping[str, Any], allowed: tuple[str, ...], what: str, *at: str | int
    ) -> None:
        if not set(table).difference(allowed):
            return
        try:
            s.check_keys(table, allowed, what)
        except s.ValueProblem as exc:
            raise self.fail(exc.message, *at, exc.key) from None

    # ---- the document -------------------------------------------------------------------------

    def build(self) -> RequestsFile:
        doc = self.doc
        self.keys(doc, TOP_KEYS, "the requests file (top level)")
        self.build_jurisdictions()
        defaults = self.check(
            s.expect_table, doc.get("defaults", {}), "[defaults]", at=("defaults",)
        )
        self.keys(defaults, DEFAULT_KEYS, "[defaults]", "defaults")
        soon = None
        if "soon" in defaults:
            soon = self.check(
                lambda v, w: s.expect_int(v, w, maximum=366),
                defaults["soon"],
                "[defaults] soon (the due-soon threshold in working days)",
                at=("defaults", "soon"),
            )
        default_code = "us"
        default_at: tuple[str | int, ...] = ()
        if "jurisdiction" in defaults:
            default_code = self.check(
                s.expect_str,
                defaults["jurisdiction"],
                "[defaults] jurisdiction",
                at=("defaults", "jurisdiction"),
            )
            default_at = ("defaults", "jurisdiction")
        if self.cli_jurisdiction:
            default_code, default_at = self.cli_jurisdiction, ()
        try:  # checked once, and blamed on where it was given, not on a request
            get_jurisdiction(default_code, self.custom)
        except FoiaclockError as exc:
            where = "--jurisdiction" if self.cli_jurisdiction else "[defaults] jurisdiction"
            raise self.fail(f"{where}: {exc.message}", *default_at) from None
        # Check the defaults' options once, against a neutral base, for their own positions.
        option_defaults = {k: v for k, v in defaults.items() if k in OPTION_KEYS}
        for key, value in option_defaults.items():
            self.check(_precheck_option, key, value, f"[defaults] {key}", at=("defaults", key))

        if "request" not in doc:
            raise self.fail(
                "no requests: add at least one [[request]] table with an id, an agency and the "
                "date it was received (see examples/requests.toml)"
            )
        items = doc["request"]
        if not isinstance(items, list):
            raise self.fail(
                "'request' must be an array of tables: write each request as [[request]], "
                f"not {s.type_name(items)}",
                "request",
            )
        if not items:
            raise self.fail("no requests: the request array is empty", "request")

        requests: list[Request] = []
        index: dict[str, int] = {}
        toll_order: dict[str, tuple[int, ...]] = {}
        for i, item in enumerate(items):
            req, order = self.build_request(i, item, default_code, default_at, option_defaults)
            if req.id in index:
                first = self.pos.nearest(("request", index[req.id], "id"))
                raise self.fail(
                    f"duplicate request id {req.id!r}: already used by request #{index[req.id] + 1}"
                    + (f" at line {first[0]}" if first else "")
                    + "; every request needs its own id",
                    "request",
                    i,
                    "id",
                )
            index[req.id] = i
            toll_order[req.id] = order
            requests.append(req)
        return RequestsFile(
            path=self.path,
            requests=tuple(requests),
            jurisdictions=dict(self.custom),
            soon=soon,
            source=self.text,
            _index=index,
            _toll_order=toll_order,
        )

    def build_jurisdictions(self) -> None:
        if "jurisdiction" not in self.doc:
            return
        tables = self.check(
            s.expect_table,
            self.doc["jurisdiction"],
            "'jurisdiction' (user-defined jurisdictions, as [jurisdiction.NAME] tables)",
            at=("jurisdiction",),
        )
        for name, table in self._base_first(tables):
            at: tuple[str | int, ...] = ("jurisdiction", name)
            try:
                j = define_jurisdiction(name, table, self.custom)
            except s.ValueProblem as exc:
                raise self.fail(
                    f"[jurisdiction.{name}]: {exc.message}", *at, *self._field_of(exc)
                ) from None
            except FoiaclockError as exc:
                raise self.fail(f"[jurisdiction.{name}]: {exc.message}", *at) from None
            self.custom[j.code] = j

    def _base_first(self, tables: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """The user's jurisdictions ordered so that each comes after the one it is based on,
        whatever their order in the file."""
        for name, table in tables.items():
            self.check(s.expect_table, table, f"[jurisdiction.{name}]", at=("jurisdiction", name))
        keys = {name.strip().lower(): name for name in tables}
        done: list[tuple[str, Any]] = []
        state: dict[str, int] = {}  # 1 = in progress, 2 = placed

        def place(name: str, chain: tuple[str, ...]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                raise self.fail(
                    f"[jurisdiction.{name}]: its base goes round in a circle "
                    f"({' -> '.join((*chain, name))})",
                    "jurisdiction",
                    name,
                    "base",
                )
            state[name] = 1
            base = tables[name].get("base")
            if isinstance(base, str) and base.strip().lower() in keys:
                place(keys[base.strip().lower()], (*chain, name))
            state[name] = 2
            done.append((name, tables[name]))

        for name in tables:
            place(name, ())
        return done

    @staticmethod
    def _field_of(exc: s.ValueProblem) -> tuple[str, ...]:
        if exc.key:
            return (exc.key,)
        m = re.search(r"field '([^']+)'", exc.message)
        if not m:
            return ()
        return tuple(p.split("[")[0] for p in m.group(1).split("."))

    # ---- one request --------------------------------------------------------------------------

    def build_request(
        self,
        i: int,
        item: Any,
        default_code: str,
        default_at: tuple[str | int, ...],
        option_defaults: Mapping[str, Any],
    ) -> tuple[Request, tuple[int, ...]]:
        at: tuple[str | int, ...] = ("request", i)
        label = f"request #{i + 1}"
        t = self.check(s.expect_table, item, label, at=at)
        if "id" in t:
            rid = self.check(s.expect_str, t["id"], f"{label}, field 'id'", at=(*at, "id"))
            self.one_line(rid, f"{label}, field 'id'", (*at, "id"))
            if not rid.strip():
                raise self.fail(
                    f"{label}: the id is empty; give each request a short name", *at, "id"
                )
            label = f"request {rid!r}"
        else:
            rid = ""
        self.keys(t, REQUEST_KEYS, label, *at)
        if not rid:
            raise self.fail(
                f'{label} has no id: add a unique id = "..." (a short name you will recognise)',
                *at,
            )
        for required in ("agency", "received"):
            if required not in t:
                hint = (
                    "the agency the request went to"
                    if required == "agency"
                    else "the date the agency received it, like received = 2024-05-01"
                )
                raise self.fail(f"{label} has no {required!r}: add {hint}", *at)

        def w(key: str) -> str:
            return f"{label}, field {key!r}"

        def get_str(key: str) -> str:
            value = t.get(key)
            if value is None:
                return ""
            if type(value) is not str:
                value = str(self.check(s.expect_str, value, w(key), at=(*at, key)))
            if key != "notes":  # names and numbers are one line; notes may be several
                self.one_line(value, w(key), (*at, key))
            return value

        def get_bool(key: str) -> bool:
            value = t.get(key)
            if value is None:
                return False
            if type(value) is bool:
                return value
            return bool(self.check(s.expect_bool, value, w(key), at=(*at, key)))

        # Jurisdiction and options.
        if "jurisdiction" in t:
            code = self.check(
                s.expect_str, t["jurisdiction"], w("jurisdiction"), at=(*at, "jurisdiction")
            )
            code_at: tuple[str | int, ...] = (*at, "jurisdiction")
        else:
            code, code_at = default_code, default_at
        try:
            j = get_jurisdiction(code, self.custom)
        except FoiaclockError as exc:
            raise self.fail(f"{label}: {exc.message}", *code_at) from None
        opts = self.base_options(j, option_defaults)
        for key in OPTION_KEYS:
            if key in t:
                self.check(_precheck_option, key, t[key], w(key), at=(*at, key))
                opts = self.check(options_from_table, {key: t[key]}, label, opts, at=(*at, key))[0]
        if "closed_days" in t:
            for k, d in enumerate(opts.closed_days):
                self.in_range(d, w("closed_days"), (*at, "closed_days", k))

        received = self.moment(t["received"], w("received"), (*at, "received"), opts.timezone)
        first_received = (
            self.moment(
                t["first_received"], w("first_received"), (*at, "first_received"), opts.timezone
            )
            if "first_received" in t
            else None
        )

        extension = self.extension(t.get("extension"), w("extension"), (*at, "extension"))

        tolls, order = self.tolls(t.get("toll"), label, at)
        appeal = self.appeal(t.get("appeal"), label, at) if "appeal" in t else None

        adverse: bool | None = None
        if "adverse" in t:
            adverse = get_bool("adverse")

        track = None
        if "track" in t:
            track = get_str("track")
            if track not in j.track_names:
                choices = j.track_names
                raise self.fail(
                    f"{w('track')}: {j.name} has no track {track!r}"
                    + (s.suggest(track, choices) if choices else "")
                    + f"; its tracks: {', '.join(choices) or 'none'}",
                    *at,
                    "track",
                )
        via = None
        if "via" in t:
            via = self.check(s.expect_choice, t["via"], w("via"), VIA_VALUES, at=(*at, "via"))
        target_days = None
        if "target_days" in t:
            target_days = self.check(
                lambda v, x: s.expect_int(v, x, maximum=10_000),
                t["target_days"],
                w("target_days"),
                at=(*at, "target_days"),
            )

        request = make(
            Request,
            received=received,
            id=rid,
            agency=get_str("agency"),
            jurisdiction=j.code,
            subject=get_str("subject"),
            tracking=get_str("tracking"),
            first_received=first_received,
            acknowledged=self.date_field(t, "acknowledged", label, at),
            extension=extension,
            tolls=tolls,
            expedited=get_bool("expedited"),
            responded=self.date_field(t, "responded", label, at),
            adverse=adverse,
            appeal=appeal,
            track=track,
            via=via,
            target_days=target_days,
            fee_exception=get_bool("fee_exception"),
            notes=get_str("notes"),
            options=opts,
        )
        if not request.agency.strip():
            raise self.fail(f"{w('agency')} is empty: name the agency", *at, "agency")
        return request, order

    def base_options(self, j: Jurisdiction, option_defaults: Mapping[str, Any]) -> Options:
        """The jurisdiction's options with ``[defaults]`` applied (once per jurisdiction)."""
        cached = self._options.get(j.code)
        if cached is None:
            cached = j.options
            for key, value in option_defaults.items():
                cached = self.check(
                    options_from_table, {key: value}, "[defaults]", cached, at=("defaults", key)
                )[0]
            for k, d in enumerate(cached.closed_days):  # blamed on [defaults], not a request
                self.in_range(d, "[defaults] closed_days", ("defaults", "closed_days", k))
            self._options[j.code] = cached
        return cached

    def one_line(self, text: str, what: str, at: tuple[str | int, ...]) -> None:
        """No line breaks or other control characters: these values are printed in tables, in
        CI logs (where a line starting with :: is a command) and in calendar files."""
        if text.isprintable():
            return
        import unicodedata  # only for the rare unprintable text

        bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
        if bad is None:  # other unprintable characters (a no-break space...) are harmless
            return
        raise self.fail(
            f"{what} contains a control character ({bad!r}); keep it on one line of plain text",
            *at,
        )

    def date_field(
        self, table: Mapping[str, Any], key: str, what: str, where: tuple[str | int, ...]
    ) -> date | None:
        """``table[key]`` as a date in the years foiaclock covers (None when it is absent);
        `what` names the table in messages, `where` is its path in the file."""
        value = table.get(key)
        if value is None:
            return None
        if type(value) is date and FIRST_YEAR <= value.year <= LAST_YEAR:
            return value
        label = f"{what}, field {key!r}"
        d: date = self.check(s.expect_date, value, label, at=(*where, key))
        self.in_range(d, label, (*where, key))
        return d

    def in_range(self, d: date, what: str, at: tuple[str | int, ...]) -> None:
        if not FIRST_YEAR <= d.year <= LAST_YEAR:
            raise self.fail(
                f"{what}: {d.isoformat()} is outside the years foiaclock covers "
                f"({FIRST_YEAR} to {LAST_YEAR})",
                *at,
            )

    def moment(
        self, value: Any, what: str, at: tuple[str | int, ...], zone: str
    ) -> date | datetime:
        """A receipt: a TOML date, an offset date-time, or a local date-time read in `zone`."""
        if type(value) is date and FIRST_YEAR <= value.year <= LAST_YEAR:
            return value
        if isinstance(value, str):
            text = value.strip()
            try:
                value = (
                    date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
                )
            except ValueError:
                raise self.fail(
                    f"{what} must be a date like 2024-05-01 or a date-time like "
                    f"2024-05-01T17:30:00-04:00, not {text!r}",
                    *at,
                ) from None
        if isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=ZoneInfo(zone))
            moment: datetime = value
            self.in_range(moment.date(), what, at)
            return moment
        if isinstance(value, date):
            day: date = value
            self.in_range(day, what, at)
            return day
        raise self.fail(
            f"{what} must be a date like 2024-05-01 or a date-time like "
            f"2024-05-01T17:30:00-04:00, not {s.type_name(value)}",
            *at,
        )

    def extension(
        self, value: Any, what: str, at: tuple[str | int, ...]
    ) -> bool | int | date | None:
        if value is None or value is False:
            return None
        if value is True:
            return True
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 1:
                raise self.fail(
                    f"{what} must be true, a number of days (1 or more) or an agreed date, "
                    f"not {value}",
                    *at,
                )
            return value
        if isinstance(value, (date, str)) and not isinstance(value, datetime):
            try:
                d = s.expect_date(value, what)
            except s.ValueProblem:
                pass
            else:
                self.in_range(d, what, at)
                return d
        shown = repr(value) if isinstance(value, str) else s.type_name(value)
        raise self.fail(
            f"{what} must be true (the law's full extension), a number of working days, or the "
            f"date agreed with the requester (like 2019-03-01), not {shown}",
            *at,
        )

    def tolls(
        self, value: Any, label: str, at: tuple[str | int, ...]
    ) -> tuple[tuple[Toll, ...], tuple[int, ...]]:
        if value is None:
            return (), ()
        if isinstance(value, dict):
            raise self.fail(
                f"{label}, field 'toll' must be an array of tables: write [[request.toll]] "
                "(double brackets), one per pause",
                *at,
                "toll",
            )
        items = self.check(s.expect_list, value, f"{label}, field 'toll'", at=(*at, "toll"))
        tolls: list[Toll] = []
        for k, item in enumerate(items):
            where: tuple[str | int, ...] = (*at, "toll", k)
            what = f"{label}, toll {k + 1}"
            t = self.check(s.expect_table, item, what, at=where)
            self.keys(t, TOLL_KEYS, what, *where)
            if "start" not in t:
                raise self.fail(
                    f"{what} has no 'start': the day the agency asked for information or fees",
                    *where,
                )
            start = self.date_field(t, "start", what, where)
            assert start is not None  # present: checked above
            end = self.date_field(t, "end", what, where)
            if end is not None and end < start:
                raise self.fail(
                    f"{what}: the pause ends ({end}) before it starts ({start}); 'end' is the "
                    "day the agency received the requester's answer (leave it out while the "
                    "answer is awaited)",
                    *where,
                    "end",
                )
            kind = TollKind.INFORMATION
            if "kind" in t:
                kind = TollKind(
                    self.check(
                        s.expect_choice,
                        t["kind"],
                        f"{what}, field 'kind'",
                        [k.value for k in TollKind],
                        at=(*where, "kind"),
                    )
                )
            note = ""
            if "note" in t:
                note = self.check(
                    s.expect_str, t["note"], f"{what}, field 'note'", at=(*where, "note")
                )
                self.one_line(note, f"{what}, field 'note'", (*where, "note"))
            disputed = False
            if "disputed" in t:
                disputed = self.check(
                    s.expect_bool,
                    t["disputed"],
                    f"{what}, field 'disputed'",
                    at=(*where, "disputed"),
                )
            tolls.append(Toll(start=start, end=end, kind=kind, note=note, disputed=disputed))
        # The engine numbers pauses by start date ("toll 1" = earliest): keep the map to the file.
        order = tuple(sorted(range(len(tolls)), key=lambda n: tolls[n].start))
        return tuple(tolls), order

    def appeal(self, value: Any, label: str, at: tuple[str | int, ...]) -> Appeal:
        where: tuple[str | int, ...] = (*at, "appeal")
        what = f"{label}, appeal"
        t = self.check(s.expect_table, value, what, at=where)
        self.keys(t, APPEAL_KEYS, what, *where)
        dates = {
            key: self.date_field(t, key, what, where) for key in ("filed", "received", "decided")
        }
        if dates["filed"] is None and dates["received"] is None:
            raise self.fail(
                f"{what} needs the date it was received by the agency (received = ...) or at "
                "least the date it was filed (filed = ...)",
                *where,
            )
        ext: bool | int | None = None
        if "extension" in t:
            v = t["extension"]
            if isinstance(v, bool):
                ext = v or None
            elif isinstance(v, int) and v >= 1:
                ext = v
            else:
                shown = repr(v) if isinstance(v, (str, int)) else s.type_name(v)
                raise self.fail(
                    f"{what}, field 'extension' must be true or a number of working days "
                    f"(1 or more), not {shown}",
                    *where,
                    "extension",
                )
        return Appeal(
            received=dates["received"],
            filed=dates["filed"],
            decided=dates["decided"],
            extension=ext,
        )
