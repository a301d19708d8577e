"""Jurisdictions: what each law's clocks are, loaded from the cited rule data in `foiaclock/data/`.

The federal FOIA is the entry ``us``, read and applied exactly like every state and national law;
the engine (`foiaclock.clock`) knows nothing about any particular law. The data format is
documented in ``foiaclock/data/README.md``.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time
from functools import cached_property
from importlib import resources
from typing import Any, Literal

from . import _schema as s
from .calendar import CalendarSpec, ExtraRule, country_class, known_country
from .errors import RuleDataError, UnknownJurisdictionError
from .models import Options, TollKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

Unit = Literal["working", "calendar", "weeks", "hours"]
UNITS: tuple[str, ...] = ("working", "calendar", "weeks", "hours")
Start = Literal["received", "acknowledged", "response", "due"]

#: Options a jurisdiction can mark as contested: their alternatives make up a due date's window.
CONTESTABLE: tuple[str, ...] = (
    "observed",
    "closures",
    "dc_area",
    "saturday_shift",
    "receipt_day_counts",
    "cutoff",
    "misrouted_unit",
)

CLOCK_NAMES = ("acknowledgement", "response", "extension", "appeal", "appeal_window", "expedited")
_CLOCK_KEYS = (
    "days",
    "unit",
    "from",
    "roll",
    "standard",
    "citation",
    "verified",
    "note",
    "effective",
    "agreed",
    "extension_days",
    "description",
    "label",
    "by",
)
_ENTRY_KEYS = (
    "name",
    "law",
    "citation",
    "url",
    "verified",
    "notes",
    "assumptions",
    "timezone",
    "base",
    "calendar",
    "receipt",
    "tolling",
    "options",
    "tracks",
    "other",
    "constructive_exhaustion",
    "fee_consequence",
    *CLOCK_NAMES,
)
_CALENDAR_KEYS = (
    "country",
    "subdivisions",
    "categories",
    "closures",
    "inauguration",
    "weekend",
    "citation",
    "extra",
    "observed",
    "exclude",
)
_OPTION_KEYS = (*CONTESTABLE, "contested", "closed_days")


@dataclass(frozen=True)
class ClockRule:
    """One clock of a law: `days` `unit`s counted from `start` (day 0)."""

    days: int | None
    unit: Unit = "working"
    start: Start = "received"
    roll: bool = False
    standard: str = ""
    citation: str = ""
    verified: bool = True
    note: str = ""
    effective: date | None = None
    agreed: bool = False
    extension_days: int | None = None
    label: str = ""
    by: str = ""

    @property
    def fixed(self) -> bool:
        return self.days is not None

    def describe(self) -> str:
        """The clock in words: "20 working days", "promptly"."""
        if self.days is None:
            return self.standard or "no fixed time"
        unit = {
            "working": "working day",
            "calendar": "calendar day",
            "weeks": "week",
            "hours": "hour",
        }[self.unit]
        text = f"{self.days} {unit}{'' if self.days == 1 else 's'}"
        if self.roll:
            text += " (rolled to a working day)"
        return text


@dataclass(frozen=True)
class TollRule:
    """How a kind of pause works under a law."""

    mode: Literal["pause", "restart"]
    once: bool = False
    citation: str = ""
    verified: bool = True
    note: str = ""


@dataclass(frozen=True)
class ReceiptRule:
    """When a request counts as received."""

    nonworking_next_day: bool = False
    electronic_next_day: bool = False
    cutoff: time | None = None
    citation: str = ""
    since: date | None = None
    """The rules apply to requests received on or after this date (None: always)."""


@dataclass(frozen=True)
class Jurisdiction:
    """A law's clocks, calendar and counting rules, with their citations."""

    code: str
    name: str
    law: str
    citation: str
    calendar: CalendarSpec
    response: tuple[ClockRule, ...]
    url: str = ""
    verified: bool = True
    notes: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    timezone: str = "America/New_York"
    acknowledgement: tuple[ClockRule, ...] = ()
    extension: tuple[ClockRule, ...] = ()
    appeal: tuple[ClockRule, ...] = ()
    appeal_window: tuple[ClockRule, ...] = ()
    expedited: tuple[ClockRule, ...] = ()
    tracks: tuple[tuple[str, tuple[ClockRule, ...]], ...] = ()
    other: tuple[ClockRule, ...] = ()
    receipt: ReceiptRule = ReceiptRule()
    tolling: tuple[tuple[TollKind, TollRule], ...] = ()
    options: Options = field(default_factory=Options)
    contested: tuple[str, ...] = ()
    constructive_exhaustion: str = ""
    """Citation of a rule letting the requester sue once the deadline is missed ("" = none)."""
    fee_consequence: str = ""
    """Citation of a rule barring fees when the deadline is missed ("" = none)."""
    source: str = ""
    table: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The (base-merged) data table the entry was built from."""

    def clock(self, name: str, on: date, track: str | None = None) -> ClockRule | None:
        """The version of clock `name` in force on `on` (``None`` if the law has no such clock).
        With `track`, the track's own response clock replaces ``response``."""
        if not track or name != "response":
            fixed = self._unversioned.get(name, _VERSIONED)
            if fixed is not _VERSIONED:
                return fixed  # type: ignore[return-value]
        versions: tuple[ClockRule, ...]
        if name == "response" and track:
            versions = dict(self.tracks).get(track, ())
            if not versions:
                raise KeyError(track)
        else:
            versions = getattr(self, name)
        if len(versions) == 1 and versions[0].effective is None:
            return versions[0]
        return in_force(versions, on)

    @cached_property
    def _unversioned(self) -> dict[str, ClockRule | None]:
        """The clocks with one version for all time (or none): `clock` without the search."""
        out: dict[str, ClockRule | None] = {}
        for name in _CLOCK_NAMES:
            versions: tuple[ClockRule, ...] = getattr(self, name)
            if not versions:
                out[name] = None
            elif len(versions) == 1 and versions[0].effective is None:
                out[name] = versions[0]
        return out

    def toll_rule(self, kind: TollKind) -> TollRule | None:
        return dict(self.tolling).get(kind)

    @property
    def track_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.tracks)

    @property
    def has_fixed_deadline(self) -> bool:
        return any(v.fixed for v in self.response)

    def summary(self, on: date | None = None) -> str:
        """The response deadline in words, as in force on `on` (today's law by default)."""
        on = on or date.max
        rule = in_force(self.response, on)
        if rule is None:
            return "no fixed time"
        text = rule.describe()
        ack = in_force(self.acknowledgement, on)
        if rule.start == "acknowledged" and ack is not None:
            text = f"acknowledge in {ack.describe()}, then {text} from the acknowledgement"
        elif ack is not None and ack.fixed:
            text = f"{text} (acknowledge in {ack.describe()})"
        return text

    def extension_summary(self, on: date | None = None) -> str:
        """The extension in words ("" when the law has none)."""
        rule = in_force(self.extension, on or date.max)
        if rule is None:
            return ""
        return f"+{rule.describe()}" if rule.fixed else (rule.standard or "by notice")


#: The clocks a `Jurisdiction` has (each a tuple of versions).
_CLOCK_NAMES = ("response", "acknowledgement", "extension", "appeal", "appeal_window", "expedited")
_VERSIONED = object()


def in_force(versions: tuple[ClockRule, ...], on: date) -> ClockRule | None:
    """The last version whose `effective` date is on or before `on`."""
    chosen: ClockRule | None = None
    for v in versions:
        if v.effective is None or v.effective <= on:
            chosen = v
    return chosen


# --------------------------------------------------------------------------------------------
# Parsing


def _where(code: str, key: str = "") -> str:
    return f"jurisdiction {code!r}" + (f", field {key!r}" if key else "")


def _parse_clock(code: str, key: str, value: Any, verified: bool) -> tuple[ClockRule, ...]:
    items = value if isinstance(value, list) else [value]
    out: list[ClockRule] = []
    for i, item in enumerate(items):
        where = _where(code, key if len(items) == 1 else f"{key}[{i + 1}]")
        t = s.expect_table(item, where)
        s.check_keys(t, _CLOCK_KEYS, where)
        days = s.expect_int(t["days"], f"{where}: days", minimum=0) if "days" in t else None
        unit = s.expect_choice(t.get("unit", "working"), f"{where}: unit", UNITS)
        start = s.expect_choice(
            t.get("from", "due" if key == "extension" else "received"),
            f"{where}: from",
            ("received", "acknowledged", "response", "due"),
        )
        if "citation" not in t:
            raise s.ValueProblem(f"{where} has no citation: every rule must cite its source")
        rule = ClockRule(
            days=days,
            unit=unit,  # type: ignore[arg-type]
            start=start,  # type: ignore[arg-type]
            roll=s.expect_bool(t.get("roll", False), f"{where}: roll"),
            standard=s.expect_str(t.get("standard", ""), f"{where}: standard"),
            citation=s.expect_str(t["citation"], f"{where}: citation"),
            verified=s.expect_bool(t.get("verified", verified), f"{where}: verified"),
            note=s.expect_str(t.get("note", ""), f"{where}: note"),
            effective=s.expect_date(t["effective"], f"{where}: effective")
            if "effective" in t
            else None,
            agreed=s.expect_bool(t.get("agreed", False), f"{where}: agreed"),
            extension_days=s.expect_int(t["extension_days"], f"{where}: extension_days")
            if "extension_days" in t
            else None,
            label=s.expect_str(t.get("label", t.get("description", "")), f"{where}: label"),
            by=s.expect_str(t.get("by", ""), f"{where}: by"),
        )
        if rule.days is None and not rule.standard and key not in ("extension",):
            raise s.ValueProblem(
                f"{where} needs either days (a fixed time) or standard (the law's words, "
                'like "promptly")'
            )
        out.append(rule)
    if sum(1 for r in out if r.effective is None) > 1:
        raise s.ValueProblem(
            f"{_where(code, key)}: only the first version may leave out effective = DATE"
        )
    return tuple(sorted(out, key=lambda r: r.effective or date.min))


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
    out = []
    for i, item in enumerate(s.expect_list(items, f"{_where(code, 'calendar.extra')}")):
        where = _where(code, f"calendar.extra[{i + 1}]")
        t = s.expect_table(item, where)
        s.check_keys(
            t,
            (
                "name",
                "date",
                "easter",
                "from",
                "to",
                "weekday",
                "month",
                "nth",
                "offset",
                "since",
                "until",
                "every",
                "shift",
            ),
            where,
        )
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
        weekday = None
        if "weekday" in t:
            names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            weekday = names.index(s.expect_choice(t["weekday"], f"{where}: weekday", names))
            nth = s.expect_int(t["nth"], f"{where}: nth", minimum=-5, maximum=5)
            if nth == 0:
                raise s.ValueProblem(f"{where}: nth must be 1 to 5, or -1 for the last")
        out.append(
            ExtraRule(
                name=name,
                day=_month_day(t["date"], f"{where}: date") if "date" in t else None,
                easter=s.expect_int(t["easter"], f"{where}: easter", minimum=-366)
                if "easter" in t
                else None,
                start=_month_day(t["from"], f"{where}: from") if "from" in t else None,
                end=_month_day(t["to"], f"{where}: to") if "to" in t else None,
                weekday=weekday,
                month=s.expect_int(t["month"], f"{where}: month", minimum=1, maximum=12)
                if "month" in t
                else None,
                nth=int(t["nth"]) if "nth" in t else None,
                offset=s.expect_int(
                    t.get("offset", 0), f"{where}: offset", minimum=-31, maximum=31
                ),
                since=s.expect_int(t["since"], f"{where}: since") if "since" in t else None,
                until=s.expect_int(t["until"], f"{where}: until") if "until" in t else None,
                every=s.expect_int(t.get("every", 1), f"{where}: every", minimum=1, maximum=50),
                shift=s.expect_choice(
                    t.get("shift", ""), f"{where}: shift", ("", "sunday", "weekend", "monday")
                ),
            )
        )
        if out[-1].every > 1 and out[-1].since is None:
            raise s.ValueProblem(f"{where}: every = N needs since = YEAR (the first year)")
    return tuple(out)


def _parse_calendar(code: str, value: Any) -> CalendarSpec:
    where = _where(code, "calendar")
    t = s.expect_table(value, where)
    s.check_keys(t, _CALENDAR_KEYS, where)
    country = s.expect_str(t.get("country", ""), f"{where}: country")
    if country and not known_country(country):
        raise s.ValueProblem(f"{where}: the holidays package has no country {country!r}")
    subdivs = tuple(
        s.expect_str(x, f"{where}: subdivisions")
        for x in s.expect_list(t.get("subdivisions", []), f"{where}: subdivisions")
    )
    categories = tuple(
        s.expect_str(x, f"{where}: categories")
        for x in s.expect_list(t.get("categories", ["public"]), f"{where}: categories")
    )
    closures = tuple(
        s.expect_str(x, f"{where}: closures")
        for x in s.expect_list(t.get("closures", []), f"{where}: closures")
    )
    if country:
        obj = country_class(country)
        for sub in subdivs:
            if sub not in obj.subdivisions:
                raise s.ValueProblem(
                    f"{where}: {country} has no subdivision {sub!r}{s.suggest(sub, obj.subdivisions)}"
                )
        for cat in (*categories, *closures):
            if cat not in obj.supported_categories:
                raise s.ValueProblem(
                    f"{where}: {country} has no holiday category {cat!r}; "
                    f"it has {', '.join(obj.supported_categories)}"
                )
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
        exclude=tuple(
            s.expect_str(x, f"{where}: exclude")
            for x in s.expect_list(t.get("exclude", []), f"{where}: exclude")
        ),
    )


def _observed_mode(value: Any, where: str) -> str:
    """``true`` / ``"all"``, ``"sunday"``, ``"monday"``, or ``false`` / ``"none"``."""
    if isinstance(value, bool):
        return "all" if value else "none"
    return s.expect_choice(value, where, ("all", "sunday", "monday", "none"))


def _parse_options(code: str, value: Any, timezone: str) -> tuple[Options, tuple[str, ...]]:
    where = _where(code, "options")
    t = s.expect_table(value, where)
    s.check_keys(t, _OPTION_KEYS, where)
    opts, rest = options_from_table(t, where, Options(timezone=timezone))
    contested = tuple(
        s.expect_choice(x, f"{where}: contested", CONTESTABLE)
        for x in s.expect_list(rest.get("contested", []), f"{where}: contested")
    )
    return opts, contested


def options_from_table(
    t: Mapping[str, Any], where: str, base: Options
) -> tuple[Options, dict[str, Any]]:
    """Apply the option keys of `t` to `base`; return the new options and the keys left over."""
    changes: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for key, value in t.items():
        w = f"{where}: {key}"
        if key in ("observed", "closures", "dc_area", "saturday_shift", "receipt_day_counts"):
            changes[key] = s.expect_bool(value, w)
        elif key == "cutoff":
            changes[key] = s.expect_time(value, w)
        elif key == "misrouted_unit":
            changes[key] = s.expect_choice(value, w, ("working", "calendar"))
        elif key == "closed_days":
            changes[key] = tuple(sorted({s.expect_date(x, w) for x in s.expect_list(value, w)}))
        elif key == "timezone":
            changes[key] = check_timezone(s.expect_str(value, w), w)
        else:
            rest[key] = value
    return replace(base, **changes), rest


@functools.cache
def _zone_ok(name: str) -> bool:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


def check_timezone(name: str, where: str) -> str:
    if not name or not _zone_ok(name):
        raise s.ValueProblem(
            f"{where}: {name!r} is not a time zone foiaclock knows; use an IANA name like "
            '"America/New_York" or "Europe/London"'
        )
    return name


def _parse_tolling(code: str, value: Any) -> tuple[tuple[TollKind, TollRule], ...]:
    where = _where(code, "tolling")
    t = s.expect_table(value, where)
    s.check_keys(t, [k.value for k in TollKind], where)
    out = []
    for kind in TollKind:
        if kind.value not in t:
            continue
        w = _where(code, f"tolling.{kind.value}")
        rt = s.expect_table(t[kind.value], w)
        s.check_keys(rt, ("mode", "once", "citation", "note", "verified"), w)
        if "citation" not in rt:
            raise s.ValueProblem(f"{w} has no citation: every rule must cite its source")
        out.append(
            (
                kind,
                TollRule(
                    mode=s.expect_choice(
                        rt.get("mode", "pause"), f"{w}: mode", ("pause", "restart")
                    ),  # type: ignore[arg-type]
                    once=s.expect_bool(rt.get("once", False), f"{w}: once"),
                    citation=s.expect_str(rt["citation"], f"{w}: citation"),
                    verified=s.expect_bool(rt.get("verified", True), f"{w}: verified"),
                    note=s.expect_str(rt.get("note", ""), f"{w}: note"),
                ),
            )
        )
    return tuple(out)


def _parse_receipt(code: str, value: Any) -> ReceiptRule:
    where = _where(code, "receipt")
    t = s.expect_table(value, where)
    s.check_keys(
        t,
        ("nonworking_next_day", "electronic_next_day", "cutoff", "citation", "note", "since"),
        where,
    )
    if "citation" not in t:
        raise s.ValueProblem(f"{where} has no citation: every rule must cite its source")
    return ReceiptRule(
        nonworking_next_day=s.expect_bool(
            t.get("nonworking_next_day", False), f"{where}: nonworking_next_day"
        ),
        electronic_next_day=s.expect_bool(
            t.get("electronic_next_day", False), f"{where}: electronic_next_day"
        ),
        cutoff=s.expect_time(t.get("cutoff", ""), f"{where}: cutoff"),
        citation=s.expect_str(t["citation"], f"{where}: citation"),
        since=s.expect_date(t["since"], f"{where}: since") if "since" in t else None,
    )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(s.expect_str(x, where) for x in s.expect_list(value, where))


def parse_jurisdiction(code: str, t: Mapping[str, Any], source: str = "") -> Jurisdiction:
    """Build a `Jurisdiction` from one (already base-merged) table. Raises `ValueProblem`."""
    where = _where(code)
    s.check_keys(t, _ENTRY_KEYS, where)
    for key in ("name", "law", "citation", "calendar", "response"):
        if key not in t:
            raise s.ValueProblem(f"{where} has no {key!r}", key)
    verified = s.expect_bool(t.get("verified", True), f"{where}: verified")
    timezone = check_timezone(
        s.expect_str(t.get("timezone", "America/New_York"), f"{where}: timezone"),
        f"{where}: timezone",
    )
    clocks = {
        name: _parse_clock(code, name, t[name], verified) for name in CLOCK_NAMES if name in t
    }
    tracks = []
    if "tracks" in t:
        for name, value in s.expect_table(t["tracks"], _where(code, "tracks")).items():
            tracks.append((name, _parse_clock(code, f"tracks.{name}", value, verified)))
    other: tuple[ClockRule, ...] = ()
    if "other" in t:
        items = s.expect_list(t["other"], _where(code, "other"))
        other = tuple(
            _parse_clock(code, f"other[{i + 1}]", item, verified)[0] for i, item in enumerate(items)
        )
        for i, rule in enumerate(other):
            if not rule.label:
                raise s.ValueProblem(f"{_where(code, f'other[{i + 1}]')} needs a label")
    options, contested = _parse_options(code, t.get("options", {}), timezone)
    return Jurisdiction(
        code=code,
        name=s.expect_str(t["name"], f"{where}: name"),
        law=s.expect_str(t["law"], f"{where}: law"),
        citation=s.expect_str(t["citation"], f"{where}: citation"),
        url=s.expect_str(t.get("url", ""), f"{where}: url"),
        verified=verified,
        notes=_strings(t.get("notes", []), f"{where}: notes"),
        assumptions=_strings(t.get("assumptions", []), f"{where}: assumptions"),
        timezone=timezone,
        calendar=_parse_calendar(code, t["calendar"]),
        response=clocks["response"],
        acknowledgement=clocks.get("acknowledgement", ()),
        extension=clocks.get("extension", ()),
        appeal=clocks.get("appeal", ()),
        appeal_window=clocks.get("appeal_window", ()),
        expedited=clocks.get("expedited", ()),
        tracks=tuple(tracks),
        other=other,
        receipt=_parse_receipt(code, t["receipt"]) if "receipt" in t else ReceiptRule(),
        tolling=_parse_tolling(code, t["tolling"]) if "tolling" in t else (),
        options=options,
        contested=contested,
        constructive_exhaustion=s.expect_str(
            t.get("constructive_exhaustion", ""), f"{where}: constructive_exhaustion"
        ),
        fee_consequence=s.expect_str(t.get("fee_consequence", ""), f"{where}: fee_consequence"),
        source=source,
        table=dict(t),
    )


def merge_tables(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`: tables merged key by key (one level deep), the rest replaced."""
    out = dict(base)
    for key, value in over.items():
        if key == "base":
            continue
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


# --------------------------------------------------------------------------------------------
# The shipped data


#: A top-level table header of a data file: ``["us-ny"]``, ``[us.calendar]``, ``[[us-ky.response]]``.
_HEADER = re.compile(r'^\[\[?\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))', re.M)


@functools.cache
def _chunks() -> dict[str, tuple[str, str]]:
    """code -> (its lines of TOML, file name), found by splitting every data file at its
    top-level headers. Reading is cheap; parsing all the files is not, so each entry is parsed
    on first use (`_raw_table`). A test checks that this equals parsing the files whole."""
    out: dict[str, tuple[str, str]] = {}
    folder = resources.files("foiaclock") / "data"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        text = item.read_text(encoding="utf-8")
        parts: dict[str, list[str]] = {}
        marks = list(_HEADER.finditer(text))
        for i, m in enumerate(marks):
            code = (m.group(1) or m.group(2)).lower()
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            parts.setdefault(code, []).append(text[m.start() : end])
        for code, pieces in parts.items():
            if code in out:
                raise RuleDataError(
                    f"rule data {item.name}: jurisdiction {code!r} is also in {out[code][1]}"
                )
            out[code] = ("".join(pieces), item.name)
    return out


@functools.cache
def _raw_table(code: str) -> tuple[dict[str, Any], str]:
    text, source = _chunks()[code]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"rule data {source}, jurisdiction {code!r}: {exc}") from exc
    if len(data) != 1 or not isinstance(next(iter(data.values())), dict):
        raise RuleDataError(f"rule data {source}: {code!r} must be one table")
    return next(iter(data.values())), source


def _raw_tables() -> dict[str, tuple[dict[str, Any], str]]:
    """Every shipped entry, parsed."""
    return {code: _raw_table(code) for code in _chunks()}


def _resolved_table(code: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    raw = _chunks()
    if code in seen:
        raise RuleDataError(
            f"rule data: jurisdiction {code!r} is its own base ({' -> '.join(seen)})"
        )
    table, _source = _raw_table(code)
    base = table.get("base")
    if base is None:
        return dict(table)
    base_code = str(base).lower()
    if base_code not in raw:
        raise RuleDataError(f"rule data: jurisdiction {code!r} has an unknown base {base!r}")
    return merge_tables(_resolved_table(base_code, (*seen, code)), table)


def codes() -> list[str]:
    """Every shipped jurisdiction code, ``us`` first, then in alphabetical order."""
    return sorted(_chunks(), key=lambda c: (c != "us", not c.startswith("us-"), c))


@functools.cache
def _shipped(code: str) -> Jurisdiction:
    _table, source = _raw_table(code)
    try:
        return parse_jurisdiction(code, _resolved_table(code), source)
    except s.ValueProblem as exc:
        raise RuleDataError(f"rule data {source}: {exc.message}") from exc


def get_jurisdiction(
    code: str | Jurisdiction, custom: Mapping[str, Jurisdiction] | None = None
) -> Jurisdiction:
    """The jurisdiction for `code` (case-insensitive); `custom` holds user-defined ones."""
    if isinstance(code, Jurisdiction):
        return code
    key = code.strip().lower()
    if custom and key in custom:
        return custom[key]
    if key in _chunks():
        return _shipped(key)
    known = [*codes(), *(custom or {})]
    raise UnknownJurisdictionError(
        f"unknown jurisdiction {code!r}{s.suggest(key, known)}; "
        "`foiaclock jurisdictions` lists the codes"
    )


def all_jurisdictions() -> list[Jurisdiction]:
    return [_shipped(c) for c in codes()]


def define_jurisdiction(
    name: str, table: Mapping[str, Any], custom: Mapping[str, Jurisdiction] | None = None
) -> Jurisdiction:
    """A user-defined jurisdiction (a requests file's ``[jurisdiction.NAME]``): either complete,
    or ``base = "CODE"`` plus the fields to change. Raises `ValueProblem` naming the field."""
    code = name.strip().lower()
    if code in _chunks():
        raise s.ValueProblem(
            f"jurisdiction {name!r} is built in; give yours another name and "
            f"set base = {code!r} to start from it",
            "",
        )
    merged: Mapping[str, Any] = table
    if "base" in table:
        base_name = s.expect_str(table["base"], f"{_where(code, 'base')}")
        base_code = base_name.strip().lower()
        if custom and base_code in custom:
            base_table = dict(custom[base_code].table)
        elif base_code in _chunks():
            base_table = _resolved_table(base_code)
        else:
            known = [*codes(), *(custom or {})]
            raise s.ValueProblem(
                f"{_where(code, 'base')}: unknown jurisdiction {base_name!r}"
                f"{s.suggest(base_code, known)}",
                "base",
            )
        merged = merge_tables(base_table, table)
    return parse_jurisdiction(code, merged, "requests file")


def markdown_table() -> str:
    """The supported jurisdictions as a Markdown table (the README's, kept in sync by a test)."""
    rows = [
        "| Code | Jurisdiction | Law | Response | Extension | Citation | Verified |",
        "|---|---|---|---|---|---|---|",
    ]
    for j in all_jurisdictions():
        cells = [
            f"`{j.code}`",
            j.name,
            j.law,
            j.summary(),
            j.extension_summary() or "—",
            j.citation,
            "yes" if j.verified else "**no**",
        ]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"
