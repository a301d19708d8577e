"""A parsed requests file -> `Request`s, every mistake an `InputError` at its line and column.

The format (documented in the README):

* ``[defaults]``: the jurisdiction, the due-soon threshold (``soon``) and the option keys that
  apply to every request unless it says otherwise;
* ``[[request]]``: one request each (``id``, ``agency`` and ``received`` required), with
  ``[[request.toll]]`` pauses and a ``[request.appeal]``;
* ``[jurisdiction.NAME]``: the file's own laws, in the rule-data format (usually ``base = "us"``
  plus the fields to change).

This module reads the file's structure (tables, keys, the forms TOML gives values in) and hands the
values to the models, which check them; it maps their errors to positions. It never counts: the
engine does, later, and `RequestsFile.located` places its errors too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .. import checks as s
from ..dates import parse_day, parse_moment
from ..errors import FoiaclockError, InputError, RequestError, TollError
from ..law import (
    OPTION_KEYS,
    Jurisdiction,
    define_jurisdiction,
    get_jurisdiction,
    options_from_table,
)
from ..models import (
    FOLLOW_UP_EVERY,
    LETTER_KINDS,
    MAX_FOLLOW_UP_EVERY,
    Appeal,
    Options,
    Reply,
    Request,
    Requester,
    SentLetter,
    Toll,
)
from .requests_file import RequestsFile

if TYPE_CHECKING:
    from .positions import Positions

TOP_KEYS = frozenset(("defaults", "request", "jurisdiction", "requester", "letters"))
REQUESTER_KEYS = ("name", "organisation", "email", "address", "phone", "fee_category")
LETTERS_KEYS = frozenset(("templates", "follow_up_every"))
DEFAULT_KEYS = frozenset(("jurisdiction", "soon", *OPTION_KEYS))
REQUEST_KEYS = frozenset((
    "id", "agency", "subject", "tracking", "jurisdiction", "received", "first_received",
    "acknowledged", "extension", "expedited", "responded", "adverse", "toll", "appeal", "notes",
    "track", "via", "target_days", "fee_exception", "reply", "contact", "litigation", "case",
    "postmarked", "letter", "estimated_completion",
    *OPTION_KEYS,
))  # fmt: skip
TOLL_KEYS = frozenset(("start", "end", "kind", "note", "disputed"))
APPEAL_KEYS = frozenset(("filed", "received", "decided", "extension"))
REPLY_KEYS = frozenset(("by", "about", "asked", "replied"))
SENT_LETTER_KEYS = frozenset(("kind", "sent", "via"))
#: The request's keys that are copied to the model as they are (the model checks them).
_PLAIN_KEYS = ("expedited", "adverse", "via", "target_days", "fee_exception", "track")
_TEXT_KEYS = ("agency", "subject", "tracking", "notes", "contact", "case")

Where = tuple[str | int, ...]
T = TypeVar("T")


def build(
    doc: dict[str, Any], text: str, path: str, default_jurisdiction: str | None
) -> RequestsFile:
    """The requests file of the parsed TOML `doc` (`text` is its source, for positions)."""
    return _Builder(doc, text, path).build(default_jurisdiction)


class _Builder:
    def __init__(self, doc: dict[str, Any], text: str, path: str) -> None:
        self.doc = doc
        self.text = text
        self.path = path
        self._positions: Positions | None = None
        self.custom: dict[str, Jurisdiction] = {}

    # ---- errors -------------------------------------------------------------------------------

    def position(self, *where: str | int) -> tuple[int, int] | None:
        """Line and column of the key at `where` (or of its closest ancestor)."""
        if self._positions is None:
            from .positions import scan  # only for messages

            self._positions = scan(self.text)
        return self._positions.nearest(tuple(where)) if where else None

    def fail(self, message: str, *where: str | int) -> InputError:
        hit = self.position(*where)
        return InputError(
            message,
            path=self.path,
            line=hit[0] if hit else None,
            column=hit[1] if hit else None,
        )

    def check(self, fn: Callable[..., T], *args: Any, at: Where) -> T:
        """Run a `foiaclock.checks` check; a `ValueProblem` becomes an `InputError` at `at`."""
        try:
            return fn(*args)
        except s.ValueProblem as exc:
            raise self.fail(exc.message, *at) from None

    def keys(
        self, table: Mapping[str, Any], allowed: frozenset[str], what: str, *at: str | int
    ) -> None:
        """Unknown keys are errors (with the closest known key, when one is close)."""
        if table.keys() <= allowed:
            return
        try:
            s.check_keys(table, allowed, what)
        except s.ValueProblem as exc:
            raise self.fail(exc.message, *at, exc.key) from None

    def made(self, make: Callable[[], T], what: str, at: Where) -> T:
        """`make()`, a model's constructor; its `RequestError` becomes an `InputError` at the
        field it names (under `at`), its message led by `what`."""
        try:
            return make()
        except RequestError as exc:
            fld = exc.field
            where = (*at, *(p for p in fld.split(".") if p)) if fld else at
            if fld and not isinstance(exc, TollError):
                message = s.phrase(f"{what}, field {fld!r}", exc.message)
            else:  # (a pause that ends before it starts is the pause's, not one field's)
                message = f"{what}: {exc.message}"
            raise self.fail(message, *where) from None

    # ---- the document -------------------------------------------------------------------------

    def build(self, cli_jurisdiction: str | None) -> RequestsFile:
        self.keys(self.doc, TOP_KEYS, "the requests file (top level)")
        self.build_jurisdictions()
        defaults = self.check(
            s.expect_table, self.doc.get("defaults", {}), "[defaults]", at=("defaults",)
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
        code, code_at = self.default_jurisdiction(defaults, cli_jurisdiction)
        options = self.options(defaults, lambda key: f"[defaults] {key}", ("defaults",))
        items = self.request_items()
        requests: list[Request] = []
        index: dict[str, int] = {}
        for i, item in enumerate(items):
            req = self.build_request(i, item, code, code_at, options)
            if req.id in index:
                first = self.position("request", index[req.id], "id")
                raise self.fail(
                    f"duplicate request id {req.id!r}: already used by request #{index[req.id] + 1}"
                    + (f" at line {first[0]}" if first else "")
                    + "; every request needs its own id",
                    "request",
                    i,
                    "id",
                )
            index[req.id] = i
            requests.append(req)
        return RequestsFile(
            self.path,
            tuple(requests),
            dict(self.custom),
            soon,
            self.text,
            self.requester(),
            *self.letters(),
        )

    def requester(self) -> Requester:
        """The ``[requester]`` table: who writes the letters (every key optional)."""
        t = self.check(
            s.expect_table, self.doc.get("requester", {}), "[requester]", at=("requester",)
        )
        self.keys(t, frozenset(REQUESTER_KEYS), "[requester]", "requester")
        values = {
            key: self.check(s.expect_str, t[key], f"[requester] {key}", at=("requester", key))
            for key in REQUESTER_KEYS
            if key in t
        }
        return Requester(**values)

    def letters(self) -> tuple[str, int]:
        """The ``[letters]`` table: the templates folder, as written ("" when not given), and
        the working days between follow-ups."""
        t = self.check(s.expect_table, self.doc.get("letters", {}), "[letters]", at=("letters",))
        self.keys(t, LETTERS_KEYS, "[letters]", "letters")
        folder = ""
        if "templates" in t:
            where = ("letters", "templates")
            folder = self.check(s.expect_str, t["templates"], "[letters] templates", at=where)
        every = FOLLOW_UP_EVERY
        if "follow_up_every" in t:
            every = self.check(
                lambda v, w: s.expect_int(v, w, minimum=1, maximum=MAX_FOLLOW_UP_EVERY),
                t["follow_up_every"],
                "[letters] follow_up_every (the working days between follow-ups)",
                at=("letters", "follow_up_every"),
            )
        return str(folder), every

    def default_jurisdiction(
        self, defaults: Mapping[str, Any], cli_code: str | None
    ) -> tuple[str, Where]:
        """The jurisdiction code (as the registry spells it) of requests that name none, and where
        it was given ("": none, each request's agency chooses; `foiaclock.engine.law_of`)."""
        code, at = "", cast(Where, ())
        if "jurisdiction" in defaults:
            what = "[defaults] jurisdiction"
            code = self.check(
                s.expect_str, defaults["jurisdiction"], what, at=("defaults", "jurisdiction")
            )
            at = ("defaults", "jurisdiction")
        if cli_code:
            code, at = cli_code, ()
        if not code:
            return code, at
        try:  # checked once, and blamed on where it was given, not on a request
            return get_jurisdiction(code, self.custom).code, at
        except FoiaclockError as exc:
            where = "--jurisdiction" if cli_code else "[defaults] jurisdiction"
            raise self.fail(f"{where}: {exc.message}", *at) from None

    def options(
        self, table: Mapping[str, Any], name: Callable[[str], str], at: Where
    ) -> Options | None:
        """The option keys of `table`, as `Options` (``None`` when it has none)."""
        if table.keys().isdisjoint(OPTION_KEYS):
            return None
        try:
            return options_from_table(table, name)
        except s.ValueProblem as exc:
            raise self.fail(exc.message, *at, exc.key) from None

    def request_items(self) -> list[Any]:
        if "request" not in self.doc:
            raise self.fail(
                "no requests: add at least one [[request]] table with an id, an agency and the "
                "date it was received (see examples/requests.toml)"
            )
        items = self.doc["request"]
        if not isinstance(items, list):
            raise self.fail(
                "'request' must be an array of tables: write each request as [[request]], "
                f"not {s.type_name(items)}",
                "request",
            )
        if not items:
            raise self.fail("no requests: the request array is empty", "request")
        return items

    def build_jurisdictions(self) -> None:
        if "jurisdiction" not in self.doc:
            return
        tables = self.check(
            s.expect_table,
            self.doc["jurisdiction"],
            "'jurisdiction' (user-defined jurisdictions, as [jurisdiction.NAME] tables)",
            at=("jurisdiction",),
        )
        for name, table in self.base_first(tables):
            at: Where = ("jurisdiction", name)
            try:
                j = define_jurisdiction(name, table, self.custom)
            except s.ValueProblem as exc:
                raise self.fail(
                    f"[jurisdiction.{name}]: {exc.message}", *at, *_field_of(exc)
                ) from None
            except FoiaclockError as exc:
                raise self.fail(f"[jurisdiction.{name}]: {exc.message}", *at) from None
            self.custom[j.code] = j

    def base_first(self, tables: Mapping[str, Any]) -> list[tuple[str, Any]]:
        """The file's jurisdictions ordered so that each comes after the one it is based on,
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

    # ---- one request --------------------------------------------------------------------------

    def build_request(
        self, i: int, item: Any, code: str, code_at: Where, defaults: Options | None
    ) -> Request:
        at: Where = ("request", i)
        t = self.check(s.expect_table, item, f"request #{i + 1}", at=at)
        label = self.request_label(t, i, at)
        if "jurisdiction" in t:
            code = self.check(
                s.expect_str,
                t["jurisdiction"],
                f"{label}, field 'jurisdiction'",
                at=(*at, "jurisdiction"),
            )
            code_at = (*at, "jurisdiction")
            if code:  # (the default's code was checked and made canonical once)
                try:
                    code = get_jurisdiction(code, self.custom).code
                except FoiaclockError as exc:
                    raise self.fail(f"{label}: {exc.message}", *code_at) from None
        own = self.options(t, lambda key: f"{label}, field {key!r}", at)
        options = defaults.combined(own) if defaults is not None else own
        values: dict[str, Any] = {k: t[k] for k in _PLAIN_KEYS if k in t}
        for key in _TEXT_KEYS:
            if key in t:
                values[key] = self.text_value(t[key], label, at, key, key != "notes")
        if not values.get("agency", "").strip():
            raise self.fail(f"{label}, field 'agency' is empty: name the agency", *at, "agency")
        for key in ("received", "first_received"):
            if key in t:
                values[key] = self.moment(t[key], label, at, key)
        for key in (
            "acknowledged",
            "responded",
            "litigation",
            "postmarked",
            "estimated_completion",
        ):
            if key in t:
                values[key] = self.day(t[key], label, at, key)
        if "extension" in t:
            values["extension"] = self.extension(t["extension"], label, at)
        values["tolls"] = self.tolls(t.get("toll"), label, at)
        values["replies"] = self.replies(t.get("reply"), label, at)
        values["letters"] = self.array(
            t.get("letter"), label, at, "letter", "one per letter you sent", self.sent_letter
        )
        if "appeal" in t:
            values["appeal"] = self.appeal(t["appeal"], label, at)
        rid = str(t["id"])
        return self.made(
            lambda: Request(**values, id=rid, jurisdiction=code, options=options), label, at
        )

    def request_label(self, t: Mapping[str, Any], i: int, at: Where) -> str:
        """``request 'ID'`` once the id is known to be good; the required keys checked."""
        label = f"request #{i + 1}"
        if "id" in t:
            rid = self.check(s.expect_str, t["id"], f"{label}, field 'id'", at=(*at, "id"))
            self.one_line(rid, label, at, "id")
            if not rid.strip():
                raise self.fail(
                    f"{label}: the id is empty; give each request a short name", *at, "id"
                )
            label = f"request {rid!r}"
        self.keys(t, REQUEST_KEYS, label, *at)
        if "id" not in t:
            raise self.fail(
                f'{label} has no id: add a unique id = "..." (a short name you will recognise)', *at
            )
        for required in ("agency", "received"):
            if required not in t:
                hint = (
                    "the agency the request went to"
                    if required == "agency"
                    else "the date the agency received it, like received = 2024-05-01"
                )
                raise self.fail(f"{label} has no {required!r}: add {hint}", *at)
        return label

    # ---- values in the forms TOML gives them -------------------------------------------------
    # Each takes the value of field `key` of the table `owner` (its words: "request 'x'") at
    # `at`; the message and the position are worked out only for a value that is refused.

    def text_value(self, value: Any, owner: str, at: Where, key: str, one_line: bool) -> Any:
        if isinstance(value, str) and one_line:
            self.one_line(value, owner, at, key)
        return value

    def one_line(self, text: str, owner: str, at: Where, key: str) -> None:
        """No line breaks or other control characters: these values are printed in tables, in
        CI logs (where a line starting with :: is a command) and in calendar files."""
        if text.isprintable():
            return
        import unicodedata  # only for the rare unprintable text

        bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
        if bad is None:  # other unprintable characters (a no-break space...) are harmless
            return
        raise self.fail(
            f"{owner}, field {key!r} contains a control character ({bad!r}); keep it on one line "
            "of plain text",
            *at,
            key,
        )

    def moment(self, value: Any, owner: str, at: Where, key: str) -> Any:
        """A receipt: a TOML date or date-time (one without an offset is read, later, in the
        request's time zone), or the same written as a string."""
        if isinstance(value, str):
            try:
                return parse_moment(value)
            except ValueError:
                raise self.fail(
                    f"{owner}, field {key!r} must be a date like 2024-05-01 or a date-time like "
                    f"2024-05-01T17:30:00-04:00, not {value.strip()!r}",
                    *at,
                    key,
                ) from None
        return value

    def day(self, value: Any, owner: str, at: Where, key: str) -> Any:
        """A TOML date (or one written as a string); a date-time is refused: these are days."""
        if isinstance(value, datetime):
            raise self.fail(
                f"{owner}, field {key!r} must be a date (like 2024-05-01), not a date-time",
                *at,
                key,
            )
        if isinstance(value, str):
            try:
                return parse_day(value)
            except ValueError:
                raise self.fail(
                    f"{owner}, field {key!r} must be a date like 2024-05-01, not {value!r}",
                    *at,
                    key,
                ) from None
        return value

    def extension(self, value: Any, owner: str, at: Where) -> Any:
        if isinstance(value, (str, datetime)):
            try:
                return self.day(value, owner, at, "extension")
            except InputError:
                shown = repr(value) if isinstance(value, str) else "a date-time"
                raise self.fail(
                    f"{owner}, field 'extension' must be true (the law's full extension), a "
                    "number of working days, or the date agreed with the requester (like "
                    f"2019-03-01), not {shown}",
                    *at,
                    "extension",
                ) from None
        return value

    def tolls(self, value: Any, label: str, at: Where) -> tuple[Toll, ...]:
        return self.array(value, label, at, "toll", "one per pause", self.toll)

    def array(
        self,
        value: Any,
        label: str,
        at: Where,
        key: str,
        each: str,
        make: Callable[[Any, str, Where], T],
    ) -> tuple[T, ...]:
        """A request's array of tables `key` (``[[request.KEY]]``), each made by `make`."""
        if value is None:
            return ()
        if isinstance(value, dict):
            raise self.fail(
                f"{label}, field {key!r} must be an array of tables: write [[request.{key}]] "
                f"(double brackets), {each}",
                *at,
                key,
            )
        items = self.check(s.expect_list, value, f"{label}, field {key!r}", at=(*at, key))
        return tuple(
            make(item, f"{label}, {key} {k + 1}", (*at, key, k)) for k, item in enumerate(items)
        )

    def toll(self, item: Any, what: str, where: Where) -> Toll:
        t = self.check(s.expect_table, item, what, at=where)
        self.keys(t, TOLL_KEYS, what, *where)
        if "start" not in t:
            raise self.fail(
                f"{what} has no 'start': the day the agency asked for information or fees", *where
            )
        values: dict[str, Any] = {k: t[k] for k in ("kind", "disputed") if k in t}
        for key in ("start", "end"):
            if key in t:
                values[key] = self.day(t[key], what, where, key)
        if "note" in t:
            values["note"] = self.text_value(t["note"], what, where, "note", True)
        return self.made(lambda: Toll(**values), what, where)

    def replies(self, value: Any, label: str, at: Where) -> tuple[Reply, ...]:
        return self.array(value, label, at, "reply", "one per date the agency set", self.reply)

    def reply(self, item: Any, what: str, where: Where) -> Reply:
        t = self.check(s.expect_table, item, what, at=where)
        self.keys(t, REPLY_KEYS, what, *where)
        if "by" not in t:
            raise self.fail(
                f"{what} has no 'by': the last day the agency set for your reply", *where
            )
        values: dict[str, Any] = {}
        for key in ("by", "asked", "replied"):
            if key in t:
                values[key] = self.day(t[key], what, where, key)
        if "about" in t:
            values["about"] = self.text_value(t["about"], what, where, "about", True)
        return self.made(lambda: Reply(**values), what, where)

    def sent_letter(self, item: Any, what: str, where: Where) -> SentLetter:
        t = self.check(s.expect_table, item, what, at=where)
        self.keys(t, SENT_LETTER_KEYS, what, *where)
        for required, hint in (
            ("kind", f"one of {', '.join(repr(k) for k in LETTER_KINDS)}"),
            ("sent", "the day you sent it, like sent = 2024-05-01"),
        ):
            if required not in t:
                raise self.fail(f"{what} has no {required!r}: add {hint}", *where)
        values: dict[str, Any] = {k: t[k] for k in ("kind", "via") if k in t}
        values["sent"] = self.day(t["sent"], what, where, "sent")
        return self.made(lambda: SentLetter(**values), what, where)

    def appeal(self, value: Any, label: str, at: Where) -> Appeal:
        where: Where = (*at, "appeal")
        what = f"{label}, appeal"
        t = self.check(s.expect_table, value, what, at=where)
        self.keys(t, APPEAL_KEYS, what, *where)
        values = {k: t[k] for k in ("extension",) if k in t}
        for key in ("filed", "received", "decided"):
            if key in t:
                values[key] = self.day(t[key], what, where, key)
        return self.made(lambda: Appeal(**values), label, at)


def _field_of(exc: s.ValueProblem) -> tuple[str, ...]:
    if exc.key:
        return (exc.key,)
    m = re.search(r"field '([^']+)'", exc.message)
    if not m:
        return ()
    return tuple(p.split("[")[0] for p in m.group(1).split("."))


__all__ = ["APPEAL_KEYS", "DEFAULT_KEYS", "REQUEST_KEYS", "TOLL_KEYS", "build"]
