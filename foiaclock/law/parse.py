"""The rule-data parser: one (base-merged) TOML table -> `Jurisdiction`.

The format is documented in ``foiaclock/law/data/README.md``. Every rule must cite its source;
unknown keys are errors. Problems are raised as `ValueProblem`, naming the jurisdiction and field;
the callers (the shipped data, a requests file's ``[jurisdiction.NAME]``) add where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .. import checks as s
from ..calendar import SHIFTS, CalendarSpec, ExtraRule, country_class, known_country
from ..errors import RequestError
from ..models import VIA_VALUES, Options, Settings, TollKind, known_zone
from .model import (
    CLOCK_NAMES,
    CONTESTABLE,
    ROUTE_KINDS,
    UNITS,
    AppealRoute,
    ClockRule,
    Jurisdiction,
    ReceiptRule,
    Regulation,
    Source,
    TollRule,
)

#: The option keys of a requests file's ``[defaults]`` and requests, and of ``[CODE.options]``.
OPTION_KEYS: tuple[str, ...] = (*CONTESTABLE, "closed_days", "timezone")

_CLOCK_KEYS = (
    "days", "unit", "from", "roll", "standard", "citation", "verified", "note", "effective",
    "agreed", "extension_days", "description", "label", "by", "granted_by_acknowledgement",
    "anchor", "filing", "after_due", "silence_from",
)  # fmt: skip
_ENTRY_KEYS = (
    "name", "law", "citation", "url", "verified", "notes", "assumptions", "timezone", "base",
    "calendar", "receipt", "tolling", "options", "tracks", "other", "constructive_exhaustion",
    "fee_consequence", "fee_consequence_since", "fee_exceptions_since", "misrouting",
    "misrouting_since", "regulation",
    "appeal_route", "confirmed_by", *CLOCK_NAMES,
)  # fmt: skip
_CALENDAR_KEYS = (
    "country", "subdivisions", "categories", "closures", "inauguration", "weekend", "citation",
    "extra", "observed", "exclude", "effective",
)  # fmt: skip
_EXTRA_KEYS = (
    "name", "date", "easter", "from", "to", "weekday", "month", "nth", "offset", "since", "until",
    "every", "shift",
)  # fmt: skip
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _where(code: str, key: str = "") -> str:
    return f"jurisdiction {code!r}" + (f", field {key!r}" if key else "")


def _cited(t: Mapping[str, Any], where: str) -> str:
    if "citation" not in t:
        raise s.ValueProblem(f"{where} has no citation: every rule must cite its source")
    return s.expect_str(t["citation"], f"{where}: citation")


# --------------------------------------------------------------------------------------------
# Clocks


def _parse_clock(code: str, key: str, value: Any, verified: bool) -> tuple[ClockRule, ...]:
    """A clock: one table, or an array of versions with their `effective` dates."""
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        where = _where(code, key if len(items) == 1 else f"{key}[{i + 1}]")
        out.append(_clock_version(item, where, key, verified))
    if sum(1 for r in out if r.effective is None) > 1:
        raise s.ValueProblem(
            f"{_where(code, key)}: only the first version may leave out effective = DATE"
        )
    return tuple(sorted(out, key=lambda r: r.effective or date.min))


def _clock_version(item: Any, where: str, key: str, verified: bool) -> ClockRule:
    t = s.expect_table(item, where)
    s.check_keys(t, _CLOCK_KEYS, where)

    def optional_int(name: str) -> int | None:
        return s.expect_int(t[name], f"{where}: {name}") if name in t else None

    start = s.expect_choice(
        t.get("from", "due" if key == "extension" else "received"),
        f"{where}: from",
        ("received", "acknowledged", "response", "due", "postmarked"),
    )
    if start == "postmarked" and not key.startswith("other["):
        raise s.ValueProblem(f'{where}: from = "postmarked" is for further dates ([[other]]) only')
    rule = ClockRule(
        days=optional_int("days"),
        unit=s.expect_choice(t.get("unit", "working"), f"{where}: unit", UNITS),  # type: ignore[arg-type]
        start=start,  # type: ignore[arg-type]
        roll=s.expect_bool(t.get("roll", False), f"{where}: roll"),
        standard=s.expect_str(t.get("standard", ""), f"{where}: standard"),
        citation=_cited(t, where),
        verified=s.expect_bool(t.get("verified", verified), f"{where}: verified"),
        note=s.expect_str(t.get("note", ""), f"{where}: note"),
        effective=s.expect_date(t["effective"], f"{where}: effective")
        if "effective" in t
        else None,
        agreed=s.expect_bool(t.get("agreed", False), f"{where}: agreed"),
        granted_by_acknowledgement=s.expect_bool(
            t.get("granted_by_acknowledgement", False), f"{where}: granted_by_acknowledgement"
        ),
        extension_days=optional_int("extension_days"),
        label=s.expect_str(t.get("label", t.get("description", "")), f"{where}: label"),
        by=s.expect_str(t.get("by", ""), f"{where}: by"),
        anchor=s.expect_str(t.get("anchor", ""), f"{where}: anchor"),
        after_due=s.expect_bool(t.get("after_due", False), f"{where}: after_due"),
        silence_from=s.expect_choice(  # type: ignore[arg-type]
            t.get("silence_from", "due"), f"{where}: silence_from", ("due", "received")
        ),
        filing=s.expect_choice(  # type: ignore[arg-type]
            t.get("filing", ""), f"{where}: filing", ("", "received", "sent")
        ),
    )
    if rule.days is None and not rule.standard and key != "extension":
        raise s.ValueProblem(
            f"{where} needs either days (a fixed time) or standard (the law's words, "
            'like "promptly")'
        )
    return rule


# --------------------------------------------------------------------------------------------
# The calendar


def _month_day(value: Any, where: str) -> tuple[int, int]:
    text = s.expect_str(value, where)
    try:
        month, day = (int(p) for p in text.split("-"))
        date(2000, month, day)  # leap year: 02-29 is allowed
    except ValueError:
        raise s.ValueProblem(
            f'{where} must be a month and day like "12-25", not {text!r}'
        ) from None
    return month, day


def _parse_extra(code: str, items: Any) -> tuple[ExtraRule, ...]:
    rules = s.expect_list(items, _where(code, "calendar.extra"))
    return tuple(
        _extra_rule(item, _where(code, f"calendar.extra[{i + 1}]")) for i, item in enumerate(rules)
    )


def _extra_rule(item: Any, where: str) -> ExtraRule:
    t = s.expect_table(item, where)
    s.check_keys(t, _EXTRA_KEYS, where)
    name = s.expect_str(t.get("name", ""), f"{where}: name")
    if not name:
        raise s.ValueProblem(f"{where} needs a name")
    kinds = [k for k in ("date", "easter", "from", "weekday") if k in t]
    if (
        len(kinds) != 1
        or (("from" in t) != ("to" in t))
        or (("weekday" in t) != ("month" in t and "nth" in t))
    ):
        raise s.ValueProblem(
            f'{where} needs exactly one of: date = "MM-DD", easter = N, from/to, '
            "or weekday/month/nth"
        )

    def number(key: str, **bounds: int) -> int | None:
        return s.expect_int(t[key], f"{where}: {key}", **bounds) if key in t else None

    weekday = nth = None
    if "weekday" in t:
        weekday = _WEEKDAYS.index(s.expect_choice(t["weekday"], f"{where}: weekday", _WEEKDAYS))
        nth = number("nth", minimum=-5, maximum=5)
        if nth == 0:
            raise s.ValueProblem(f"{where}: nth must be 1 to 5, or -1 for the last")
    rule = ExtraRule(
        name=name,
        day=_month_day(t["date"], f"{where}: date") if "date" in t else None,
        easter=number("easter", minimum=-366),
        start=_month_day(t["from"], f"{where}: from") if "from" in t else None,
        end=_month_day(t["to"], f"{where}: to") if "to" in t else None,
        weekday=weekday,
        month=number("month", minimum=1, maximum=12),
        nth=nth,
        offset=s.expect_int(t.get("offset", 0), f"{where}: offset", minimum=-31, maximum=31),
        since=number("since"),
        until=number("until"),
        every=s.expect_int(t.get("every", 1), f"{where}: every", minimum=1, maximum=50),
        shift=s.expect_choice(t.get("shift", ""), f"{where}: shift", SHIFTS),
    )
    if rule.every > 1 and rule.since is None:
        raise s.ValueProblem(f"{where}: every = N needs since = YEAR (the first year)")
    return rule


def _strings(t: Mapping[str, Any], key: str, where: str, default: list[str]) -> tuple[str, ...]:
    w = f"{where}: {key}"
    return tuple(s.expect_str(x, w) for x in s.expect_list(t.get(key, default), w))


def _parse_calendars(code: str, value: Any) -> tuple[tuple[date | None, CalendarSpec], ...]:
    """The calendar: one table, or an array of versions in force from their `effective` dates,
    each later one giving only what changes from the first."""
    if not isinstance(value, list):
        return ((None, _parse_calendar(code, value)),)
    if not value:
        raise s.ValueProblem(f"{_where(code, 'calendar')}: give at least one calendar")
    first = s.expect_table(value[0], _where(code, "calendar[1]"))
    if "effective" in first:
        raise s.ValueProblem(
            f"{_where(code, 'calendar[1]')}: the first version applies from the beginning; "
            "leave out effective"
        )
    out: list[tuple[date | None, CalendarSpec]] = [(None, _parse_calendar(code, first))]
    for i, item in enumerate(value[1:], 2):
        where = _where(code, f"calendar[{i}]")
        t = s.expect_table(item, where)
        if "effective" not in t:
            raise s.ValueProblem(f"{where} needs effective = DATE (the day it took effect)")
        day = s.expect_date(t["effective"], f"{where}: effective")
        if day <= (out[-1][0] or date.min):
            raise s.ValueProblem(f"{where}: versions go in order of their effective dates")
        out.append((day, _parse_calendar(code, {**first, **t}, where)))
    return tuple(out)


def _parse_calendar(code: str, value: Any, where: str = "") -> CalendarSpec:
    where = where or _where(code, "calendar")
    t = s.expect_table(value, where)
    s.check_keys(t, _CALENDAR_KEYS, where)
    country = s.expect_str(t.get("country", ""), f"{where}: country")
    subdivs = _strings(t, "subdivisions", where, [])
    categories = _strings(t, "categories", where, ["public"])
    closures = _strings(t, "closures", where, [])
    _check_package(country, subdivs, (*categories, *closures), where)
    weekend = tuple(
        s.expect_int(x, f"{where}: weekend", maximum=6)
        for x in s.expect_list(t.get("weekend", [5, 6]), f"{where}: weekend")
    )
    return CalendarSpec(
        country=country,
        subdivisions=subdivs,
        categories=categories,
        closure_categories=closures,
        inauguration=s.expect_bool(t.get("inauguration", False), f"{where}: inauguration"),
        weekend=weekend,
        extra=_parse_extra(code, t.get("extra", [])),
        citation=s.expect_str(t.get("citation", ""), f"{where}: citation"),
        observed=_observed_mode(t.get("observed", True), f"{where}: observed"),
        exclude=_strings(t, "exclude", where, []),
    )


def _check_package(
    country: str, subdivs: tuple[str, ...], categories: tuple[str, ...], where: str
) -> None:
    """That the `holidays` package has the country, subdivisions and categories named."""
    if not country:
        return
    if not known_country(country):
        raise s.ValueProblem(f"{where}: the holidays package has no country {country!r}")
    obj = country_class(country)
    for sub in subdivs:
        if sub not in obj.subdivisions:
            raise s.ValueProblem(
                f"{where}: {country} has no subdivision {sub!r}{s.suggest(sub, obj.subdivisions)}"
            )
    for cat in categories:
        if cat not in obj.supported_categories:
            raise s.ValueProblem(
                f"{where}: {country} has no holiday category {cat!r}; "
                f"it has {', '.join(obj.supported_categories)}"
            )


def _observed_mode(value: Any, where: str) -> str:
    """``true`` / ``"all"``, ``"sunday"``, ``"monday"``, or ``false`` / ``"none"``."""
    if isinstance(value, bool):
        return "all" if value else "none"
    return s.expect_choice(value, where, ("all", "sunday", "monday", "none"))


# --------------------------------------------------------------------------------------------
# Options, receipt, pauses


def options_from_table(t: Mapping[str, Any], name: Callable[[str], str]) -> Options:
    """The `Options` set by the option keys of `t` (the other keys are ignored). `name(key)`
    says in messages where a key is; a `ValueProblem` carries the key at fault."""
    values: dict[str, Any] = {}
    for key in OPTION_KEYS:
        if key not in t:
            continue
        value = t[key]
        if key == "closed_days":  # TOML dates, or dates written as strings
            try:
                value = [s.expect_date(x, name(key)) for x in s.expect_list(value, name(key))]
            except s.ValueProblem as exc:
                raise s.ValueProblem(exc.message, key) from None
        values[key] = value
    try:
        return Options(**values)
    except RequestError as exc:
        raise s.ValueProblem(s.phrase(name(exc.field), exc.message), exc.field) from None


def _parse_options(code: str, value: Any, timezone: str) -> tuple[Settings, tuple[str, ...]]:
    where = _where(code, "options")
    t = s.expect_table(value, where)
    s.check_keys(t, (*CONTESTABLE, "contested", "closed_days"), where)
    options = options_from_table(t, lambda key: f"{where}: {key}")
    contested = tuple(
        s.expect_choice(x, f"{where}: contested", CONTESTABLE)
        for x in s.expect_list(t.get("contested", []), f"{where}: contested")
    )
    return Settings(timezone=timezone).updated(options), contested


def _parse_tolling(code: str, value: Any) -> tuple[tuple[TollKind, TollRule], ...]:
    """The pauses: per kind one table, or an array of versions, each from its `since` date."""
    where = _where(code, "tolling")
    t = s.expect_table(value, where)
    s.check_keys(t, [k.value for k in TollKind], where)
    out: list[tuple[TollKind, TollRule]] = []
    for kind in TollKind:
        if kind.value not in t:
            continue
        w = _where(code, f"tolling.{kind.value}")
        items = t[kind.value] if isinstance(t[kind.value], list) else [t[kind.value]]
        versions = [_parse_toll(item, f"{w}[{i}]" if len(items) > 1 else w) for i, item in
                    enumerate(items, 1)]  # fmt: skip
        days = [v.since or date.min for v in versions]
        if days != sorted(days) or len(set(days)) != len(days):
            raise s.ValueProblem(f"{w}: versions go in order of their since dates")
        out.extend((kind, v) for v in versions)
    return tuple(out)


def _parse_toll(value: Any, where: str) -> TollRule:
    rt = s.expect_table(value, where)
    s.check_keys(rt, ("mode", "once", "citation", "note", "verified", "since"), where)
    return TollRule(
        mode=s.expect_choice(rt.get("mode", "pause"), f"{where}: mode", ("pause", "restart")),  # type: ignore[arg-type]
        once=s.expect_bool(rt.get("once", False), f"{where}: once"),
        citation=_cited(rt, where),
        verified=s.expect_bool(rt.get("verified", True), f"{where}: verified"),
        note=s.expect_str(rt.get("note", ""), f"{where}: note"),
        since=s.expect_date(rt["since"], f"{where}: since") if "since" in rt else None,
    )


def _parse_receipts(code: str, value: Any) -> tuple[ReceiptRule, ...]:
    """The receipt rules: one table, or an array of versions, each from its `since` date."""
    if not isinstance(value, list):
        return (_parse_receipt(code, value),)
    out = tuple(
        _parse_receipt(code, item, _where(code, f"receipt[{i}]")) for i, item in enumerate(value, 1)
    )
    days = [r.since or date.min for r in out]
    if days != sorted(days) or len(set(days)) != len(days):
        raise s.ValueProblem(
            f"{_where(code, 'receipt')}: versions go in order of their since dates"
        )
    return out


def _parse_receipt(code: str, value: Any, where: str = "") -> ReceiptRule:
    where = where or _where(code, "receipt")
    t = s.expect_table(value, where)
    keys = (
        "nonworking_next_day", "electronic_next_day", "cutoff", "cutoff_via", "citation", "note",
        "since",
    )  # fmt: skip
    s.check_keys(t, keys, where)
    via = s.expect_list(t.get("cutoff_via", []), f"{where}: cutoff_via")
    return ReceiptRule(
        nonworking_next_day=s.expect_bool(
            t.get("nonworking_next_day", False), f"{where}: nonworking_next_day"
        ),
        electronic_next_day=s.expect_bool(
            t.get("electronic_next_day", False), f"{where}: electronic_next_day"
        ),
        cutoff=s.expect_time(t.get("cutoff", ""), f"{where}: cutoff"),
        cutoff_via=tuple(s.expect_choice(v, f"{where}: cutoff_via", VIA_VALUES) for v in via),
        citation=_cited(t, where),
        since=s.expect_date(t["since"], f"{where}: since") if "since" in t else None,
    )


def _parse_regulation(code: str, value: Any) -> Regulation:
    where = _where(code, "regulation")
    t = s.expect_table(value, where)
    s.check_keys(t, ("citation", "rule", "since", "url", "note"), where)
    return Regulation(
        citation=_cited(t, where),
        rule=s.expect_str(t.get("rule", ""), f"{where}: rule"),
        since=s.expect_date(t["since"], f"{where}: since") if "since" in t else None,
        url=s.expect_str(t.get("url", ""), f"{where}: url"),
        note=s.expect_str(t.get("note", ""), f"{where}: note"),
    )


def _parse_route(code: str, value: Any, verified: bool) -> AppealRoute:
    where = _where(code, "appeal_route")
    t = s.expect_table(value, where)
    keys = ("kind", "to", "how", "must_contain", "label", "next", "citation", "note", "verified")
    s.check_keys(t, keys, where)
    if "to" not in t:
        raise s.ValueProblem(f'{where} needs to = "...": to whom the appeal goes', "to")
    return AppealRoute(
        kind=s.expect_choice(t.get("kind", "agency head"), f"{where}: kind", ROUTE_KINDS),
        to=s.expect_str(t["to"], f"{where}: to"),
        citation=_cited(t, where),
        how=s.expect_str(t.get("how", ""), f"{where}: how"),
        must_contain=_texts(t.get("must_contain", []), f"{where}: must_contain"),
        label=s.expect_str(t.get("label", ""), f"{where}: label"),
        next=s.expect_str(t.get("next", ""), f"{where}: next"),
        note=s.expect_str(t.get("note", ""), f"{where}: note"),
        verified=s.expect_bool(t.get("verified", verified), f"{where}: verified"),
    )


def _parse_sources(code: str, value: Any) -> tuple[Source, ...]:
    out = []
    for i, item in enumerate(s.expect_list(value, _where(code, "confirmed_by"))):
        where = _where(code, f"confirmed_by[{i + 1}]")
        t = s.expect_table(item, where)
        s.check_keys(t, ("citation", "confirms", "url", "date"), where)
        if "confirms" not in t:
            raise s.ValueProblem(f'{where} needs confirms = "...": what the source confirms')
        out.append(
            Source(
                citation=_cited(t, where),
                confirms=s.expect_str(t["confirms"], f"{where}: confirms"),
                url=s.expect_str(t.get("url", ""), f"{where}: url"),
                day=s.expect_date(t["date"], f"{where}: date") if "date" in t else None,
            )
        )
    return tuple(out)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(s.expect_str(x, where) for x in s.expect_list(value, where))


def _timezone(t: Mapping[str, Any], where: str) -> str:
    name = s.expect_str(t.get("timezone", "America/New_York"), f"{where}: timezone")
    if not known_zone(name):
        raise s.ValueProblem(
            f"{where}: timezone: {name!r} is not a time zone foiaclock knows; use an IANA name "
            'like "America/New_York" or "Europe/London"'
        )
    return name


# --------------------------------------------------------------------------------------------
# An entry


def _clocks(code: str, t: Mapping[str, Any], verified: bool) -> dict[str, Any]:
    """The entry's clocks, tracks and further dates, as `Jurisdiction` fields."""
    clocks: dict[str, Any] = {
        name: _parse_clock(code, name, t[name], verified) for name in CLOCK_NAMES if name in t
    }
    tracks = []
    windows = []
    for name, value in s.expect_table(t.get("tracks", {}), _where(code, "tracks")).items():
        if isinstance(value, Mapping) and "appeal_window" in value:
            value = dict(value)  # (the track's own time to appeal is a table of its own)
            where = f"tracks.{name}.appeal_window"
            windows.append((name, _parse_clock(code, where, value.pop("appeal_window"), verified)))
        tracks.append((name, _parse_clock(code, f"tracks.{name}", value, verified)))
    clocks["tracks"] = tuple(tracks)
    clocks["track_appeal_windows"] = tuple(windows)
    other = []
    for i, item in enumerate(s.expect_list(t.get("other", []), _where(code, "other"))):
        rule = _parse_clock(code, f"other[{i + 1}]", item, verified)[0]
        if not rule.label:
            raise s.ValueProblem(f"{_where(code, f'other[{i + 1}]')} needs a label")
        other.append(rule)
    clocks["other"] = tuple(other)
    return clocks


def parse_jurisdiction(code: str, t: Mapping[str, Any], source: str = "") -> Jurisdiction:
    """Build a `Jurisdiction` from one (already base-merged) table. Raises `ValueProblem`."""
    where = _where(code)
    s.check_keys(t, _ENTRY_KEYS, where)
    for key in ("name", "law", "citation", "calendar", "response"):
        if key not in t:
            raise s.ValueProblem(f"{where} has no {key!r}", key)
    verified = s.expect_bool(t.get("verified", True), f"{where}: verified")
    timezone = _timezone(t, where)
    defaults, contested = _parse_options(code, t.get("options", {}), timezone)
    calendars = _parse_calendars(code, t["calendar"])
    receipts = _parse_receipts(code, t["receipt"]) if "receipt" in t else ()
    return Jurisdiction(
        code=code,
        name=s.expect_str(t["name"], f"{where}: name"),
        law=s.expect_str(t["law"], f"{where}: law"),
        citation=s.expect_str(t["citation"], f"{where}: citation"),
        url=s.expect_str(t.get("url", ""), f"{where}: url"),
        verified=verified,
        notes=_texts(t.get("notes", []), f"{where}: notes"),
        assumptions=_texts(t.get("assumptions", []), f"{where}: assumptions"),
        timezone=timezone,
        calendar=calendars[-1][1],
        calendars=calendars,
        **_clocks(code, t, verified),
        receipt=receipts[-1] if receipts else ReceiptRule(),
        receipts=receipts,
        tolling=_parse_tolling(code, t["tolling"]) if "tolling" in t else (),
        defaults=defaults,
        contested=contested,
        constructive_exhaustion=s.expect_str(
            t.get("constructive_exhaustion", ""), f"{where}: constructive_exhaustion"
        ),
        fee_consequence=s.expect_str(t.get("fee_consequence", ""), f"{where}: fee_consequence"),
        fee_consequence_since=s.expect_date(
            t["fee_consequence_since"], f"{where}: fee_consequence_since"
        )
        if "fee_consequence_since" in t
        else None,
        fee_exceptions_since=s.expect_date(
            t["fee_exceptions_since"], f"{where}: fee_exceptions_since"
        )
        if "fee_exceptions_since" in t
        else None,
        misrouting=s.expect_str(t.get("misrouting", ""), f"{where}: misrouting"),
        misrouting_since=s.expect_date(t["misrouting_since"], f"{where}: misrouting_since")
        if "misrouting_since" in t
        else None,
        base=s.expect_str(t.get("base", ""), f"{where}: base").lower(),
        regulation=_parse_regulation(code, t["regulation"]) if "regulation" in t else None,
        appeal_route=_parse_route(code, t["appeal_route"], verified)
        if "appeal_route" in t
        else None,
        confirmed_by=_parse_sources(code, t.get("confirmed_by", [])),
        source=source,
        table=dict(t),
    )


def merge_tables(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`: tables merged key by key (one level deep), the rest replaced."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out
