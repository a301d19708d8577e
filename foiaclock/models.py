"""What the requester knows about a request: `Request`, its pauses (`Toll`), its `Appeal`, and the
`Options` that settle the contested counting points; and `Settings`, those options in force.

Frozen dataclasses, no I/O. Each checks its fields when it is made, so a value of the wrong kind
fails at once with a `RequestError` naming the field, and everything later can rely on the
types. Values of the right kind in another form are taken as they are meant: any `date` or
`datetime` subclass (a pandas ``Timestamp``), ``None``/NaN/``NaT`` for a missing value, a whole
number written as ``5.0``, a list for a tuple.

What foiaclock works out from a request is in `foiaclock.results`.
"""

from __future__ import annotations

import enum
import numbers
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time
from typing import Literal, TypeVar

from .checks import suggest, type_name
from .dates import covered, is_missing, outside_years, parse_time, plain
from .errors import DateOrderError, DateRangeError, ExtensionError, RequestError, TollError

_T = TypeVar("_T")

#: An extension of the response clock: ``True`` = the law's full extension (10 working days under
#: 5 U.S.C. § 552(a)(6)(B)(i)), a whole number of days up to that, or a date agreed with the requester
#: (§ 552(a)(6)(B)(ii)). ``None`` = no extension (``False`` and ``0`` are read as ``None``).
Extension = bool | int | date | None

#: How a request reached the agency (Michigan counts email and fax a business day later).
Via = Literal["email", "fax", "portal", "mail", "in_person", "phone", "other"]
VIA_VALUES: tuple[str, ...] = ("email", "fax", "portal", "mail", "in_person", "phone", "other")

MisroutedUnit = Literal["working", "calendar"]

#: The letters foiaclock writes (``foiaclock letter``), and a letter a request records as sent.
LetterKind = Literal["follow-up", "appeal", "suit-notice"]
LETTER_KINDS: tuple[str, ...] = ("follow-up", "appeal", "suit-notice")
#: Working days between follow-up letters by default (two weeks), and the most a requests
#: file's ``[letters] follow_up_every`` may set (a quarter of a year); see
#: `foiaclock.engine.follow_up`.
FOLLOW_UP_EVERY = 10
MAX_FOLLOW_UP_EVERY = 65


class TollKind(str, enum.Enum):
    """Why the clock was paused. 5 U.S.C. § 552(a)(6)(A)(ii)(I)-(II)."""

    INFORMATION = "information"
    """The agency asked the requester for information (once only: § 552(a)(6)(A)(ii)(I))."""
    FEE = "fee"
    """The agency asked the requester to clarify fees (§ 552(a)(6)(A)(ii)(II))."""

    def __str__(self) -> str:
        return self.value


# --------------------------------------------------------------------------------------------
# Checking fields as they are made


def _bad(field: str, expected: str, value: object) -> RequestError:
    return RequestError(f"must be {expected}, not {_shown(value)}", field=field)


def _shown(value: object) -> str:
    return f"the string {value!r}" if isinstance(value, str) else type_name(value)


def _choice(field: str, value: object, choices: tuple[str, ...]) -> RequestError:
    """The error for a value that is not one of `choices` (with the closest, if one is close)."""
    listed = ", ".join(repr(c) for c in choices)
    if isinstance(value, str):
        return RequestError(
            f"must be one of {listed}, not {value!r}{suggest(value, choices)}", field=field
        )
    return _bad(field, f"one of {listed}", value)


def _text(value: object, field: str) -> str:
    if type(value) is str:
        return value
    if is_missing(value):
        return ""
    if isinstance(value, str):
        return str(value)
    raise _bad(field, "a string", value)


def _in_years(day: date, field: str) -> None:
    if not covered(day):
        raise DateRangeError(outside_years(day), field=field)


def _day(value: object, field: str) -> date | None:
    """A day; a date-time is taken as its date, as written."""
    if type(value) is date:
        _in_years(value, field)
        return value
    if is_missing(value):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise _bad(field, "a date like 2024-05-01", value)
    day = plain(value)
    _in_years(day, field)
    return day


def _moment(value: object, field: str) -> date | datetime | None:
    """A day or a date-time (naive ones are read later, in the request's time zone)."""
    if is_missing(value):
        return None
    if not isinstance(value, date):
        raise _bad(field, "a date or a date-time (like 2024-05-01T17:30:00-04:00)", value)
    moment = plain(value)
    _in_years(moment.date() if isinstance(moment, datetime) else moment, field)
    return moment


def _flag(value: object, field: str, missing: bool | None = False) -> bool | None:
    if value is True or value is False:
        return value
    if is_missing(value):
        return missing
    raise _bad(field, "true or false", value)


def _whole(value: object, field: str, minimum: int = 0, maximum: int | None = None) -> int | None:
    """A whole number (``5.0``, as pandas gives for a column with blanks, is 5)."""
    if is_missing(value):
        return None
    if isinstance(value, bool):
        raise _bad(field, "a whole number", value)
    if isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer()):
        number = int(value)
    else:
        raise _bad(field, "a whole number", value)
    if number < minimum or (maximum is not None and number > maximum):
        bounds = f"{minimum} to {maximum}" if maximum is not None else f"{minimum} or more"
        raise RequestError(f"must be {bounds}, not {number}", field=field)
    return number


def _set(obj: object, name: str, value: object) -> None:
    """Store a checked value on a frozen dataclass being made (the standard way: `__post_init__`
    of a frozen dataclass can only assign through `object.__setattr__`)."""
    if getattr(obj, name) is not value:
        object.__setattr__(obj, name, value)


# --------------------------------------------------------------------------------------------
# The request


@dataclass(frozen=True, slots=True)
class Toll:
    """A pause of the clock.

    `start` is the day the agency asked (it still counts); `end` is the day the agency *received*
    the requester's answer (it does not count), or ``None`` while the answer is awaited. `kind`
    may be given as its word (``"fee"``). `disputed` keeps on record a pause the agency claimed
    but the law does not allow: it is shown, and never stops the clock. `note` is your own words.
    """

    start: date
    end: date | None = None
    kind: TollKind = TollKind.INFORMATION
    note: str = ""
    disputed: bool = False

    def __post_init__(self) -> None:
        start = _day(self.start, "start")
        if start is None:
            raise RequestError("the day the agency asked is required", field="start")
        end = _day(self.end, "end")
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "kind", _toll_kind(self.kind))
        _set(self, "note", _text(self.note, "note"))
        _set(self, "disputed", _flag(self.disputed, "disputed"))
        if end is not None and end < start:
            raise TollError(
                f"the pause ends ({end}) before it starts ({start}); 'end' is the day the agency "
                "received the requester's answer (leave it out while the answer is awaited)",
                field="end",
            )


def _toll_kind(value: object) -> TollKind:
    if isinstance(value, TollKind):
        return value
    try:
        return TollKind(value)
    except ValueError:
        raise _choice("kind", value, tuple(k.value for k in TollKind)) from None


@dataclass(frozen=True, slots=True)
class Appeal:
    """An administrative appeal.

    `received` is the day the agency received it (its decision clock runs from then); when only
    `filed` (the day it was sent) is known, that day is used and the trail says so. `decided` is
    the day of the decision. `extension` is the appeal clock's own extension: ``True`` for the
    law's full one, or a number of working days.
    """

    received: date | None = None
    filed: date | None = None
    decided: date | None = None
    extension: bool | int | None = None

    def __post_init__(self) -> None:
        received = _day(self.received, "appeal.received")
        filed = _day(self.filed, "appeal.filed")
        decided = _day(self.decided, "appeal.decided")
        _set(self, "received", received)
        _set(self, "filed", filed)
        _set(self, "decided", decided)
        _set(self, "extension", _appeal_extension(self.extension))
        arrived = received or filed
        if arrived is None:
            raise RequestError(
                "an appeal needs the date the agency received it (received = ...) or at least "
                "the date it was filed (filed = ...)",
                field="appeal",
            )
        if filed is not None and received is not None and received < filed:
            raise DateOrderError(
                f"the appeal was received ({received}) before it was filed ({filed})",
                field="appeal.received",
            )
        if decided is not None and decided < arrived:
            raise DateOrderError(
                f"the appeal decision ({decided}) is dated before the appeal ({arrived})",
                field="appeal.decided",
            )

    @property
    def arrived(self) -> date:
        """The day the appeal clock runs from: `received`, else `filed`."""
        day = self.received or self.filed
        assert day is not None  # checked when made
        return day


def _appeal_extension(value: object) -> bool | int | None:
    if value is True:
        return True
    if value is False or is_missing(value):
        return None
    try:
        return _whole(value, "appeal.extension", minimum=1)
    except RequestError:
        raise _bad(
            "appeal.extension", "true or a number of working days (1 or more)", value
        ) from None


@dataclass(frozen=True, slots=True)
class Reply:
    """A date the agency set for the requester: a "still interested" letter, a fee estimate to
    accept, a clarification asked for. Missing it may close the request, so it is tracked like a
    deadline: `by` is the last day to reply, `replied` the day you did (``None``: not yet).
    `about` says what was asked, in your words; `asked` is the date of the agency's letter."""

    by: date
    about: str = ""
    asked: date | None = None
    replied: date | None = None

    def __post_init__(self) -> None:
        by = _day(self.by, "by")
        if by is None:
            raise RequestError("the last day to reply is required", field="by")
        asked = _day(self.asked, "asked")
        replied = _day(self.replied, "replied")
        _set(self, "by", by)
        _set(self, "asked", asked)
        _set(self, "replied", replied)
        _set(self, "about", _text(self.about, "about"))
        if asked is not None and by < asked:
            raise DateOrderError(
                f"the last day to reply ({by}) is before the agency asked ({asked})",
                field="by",
            )
        if asked is not None and replied is not None and replied < asked:
            raise DateOrderError(
                f"the reply ({replied}) is dated before the agency asked ({asked})",
                field="replied",
            )


@dataclass(frozen=True, slots=True)
class SentLetter:
    """A letter you sent the agency about the request (``[[request.letter]]`` in a requests
    file): a later letter refers to it, and the next follow-up is counted from the last one
    (`Deadline.next_follow_up`)."""

    kind: LetterKind
    """``"follow-up"``, ``"appeal"`` or ``"suit-notice"`` (the kinds of ``foiaclock letter``)."""
    sent: date
    """The day you sent it."""
    via: Via | None = None
    """How you sent it (``"email"``, ``"mail"``, ``"portal"``...; as for `Request.via`)."""

    def __post_init__(self) -> None:
        if self.kind not in LETTER_KINDS:
            raise _choice("kind", self.kind, LETTER_KINDS)
        sent = _day(self.sent, "sent")
        if sent is None:
            raise RequestError("the day the letter was sent is required", field="sent")
        _set(self, "sent", sent)
        via = None if is_missing(self.via) else self.via
        if via is not None and via not in VIA_VALUES:
            raise _choice("via", via, VIA_VALUES)
        _set(self, "via", via)


@dataclass(frozen=True, slots=True)
class Options:
    """How to settle, for one request, the points where the sources disagree (federal-foia.md's
    CONTESTED points) and the calendar policy.

    Every field left at ``None`` keeps the law's own default (`Jurisdiction.defaults`), so
    ``Options(timezone="America/Chicago")`` changes the time zone and nothing else.
    """

    observed: bool | None = None
    """Holidays on a weekend are observed on the Friday before / Monday after (5 U.S.C. § 6103(b),
    EO 11582). ``False``: only the § 6103(a) dates themselves."""
    closures: bool | None = None
    """Full-day executive-order closures are non-working days (FRCP 6(a)(6)(B) by analogy)."""
    dc_area: bool | None = None
    """Inauguration Day is a holiday for the office (DC area only: 5 U.S.C. § 6103(c))."""
    saturday_shift: bool | None = None
    """A holiday on a Saturday is observed on the Friday before, where the `holidays` package has
    it so. ``False``: only a Sunday holiday moves, to the Monday after (many state statutes)."""
    receipt_day_counts: bool | None = None
    """Count the receipt day itself as day 1 (Interior, 43 CFR 2.16(a))."""
    cutoff: time | str | Literal[False] | None = None
    """Requests received at or after this local time are received the next working day (EPA,
    40 CFR 2.104(a)(2): 5:00 p.m.). ``"17:00"`` is read as that time; ``False`` or ``""``: no
    cut-off, even where the law has one as its default."""
    misrouted_unit: MisroutedUnit | None = None
    """The unit of the 10 days a misrouted request may wait (§ 552(a)(6)(A)(ii) flush text)."""
    closed_days: Iterable[date] | None = None
    """Extra non-working days you list for your own analysis (not the law's); kept as a sorted
    tuple."""
    timezone: str | None = None
    """IANA zone in which a receipt date-time without an offset is read."""

    def __post_init__(self) -> None:
        for name in ("observed", "closures", "dc_area", "saturday_shift", "receipt_day_counts"):
            _set(self, name, _flag(getattr(self, name), name, missing=None))
        _set(self, "cutoff", _cutoff(self.cutoff))
        if self.misrouted_unit is not None and self.misrouted_unit not in ("working", "calendar"):
            raise _choice("misrouted_unit", self.misrouted_unit, ("working", "calendar"))
        _set(self, "closed_days", _closed_days(self.closed_days))
        _set(self, "timezone", _zone(self.timezone))

    def combined(self, later: Options | None) -> Options:
        """These options, with the fields `later` sets in their place (a requests file's
        ``[defaults]``, then a request's own keys)."""
        if later is None:
            return self
        changes = {f.name: getattr(later, f.name) for f in fields(Options)}
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _cutoff(value: object) -> time | Literal[False] | None:
    if value is None or value is False or isinstance(value, time):
        return value
    if isinstance(value, str):
        if not value.strip():
            return False
        try:
            return parse_time(value)
        except ValueError:
            pass
    raise _bad("cutoff", 'a time like "17:00"', value)


def _closed_days(value: object) -> tuple[date, ...] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise _bad("closed_days", "a list of dates", value)
    days = set()
    for item in value:
        day = _day(item, "closed_days")
        if day is None:
            raise _bad("closed_days", "a list of dates", item)
        days.add(day)
    return tuple(sorted(days))


def _zone(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and known_zone(value):
        return value
    raise RequestError(
        f"{value!r} is not a time zone foiaclock knows; use an IANA name like "
        '"America/New_York" or "Europe/London"',
        field="timezone",
    )


def known_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone (from the system or the `tzdata` package)."""
    from zoneinfo import ZoneInfo  # (ZoneInfo keeps the zones it has read: asking again is cheap)

    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


@dataclass(frozen=True, slots=True)
class Requester:
    """Who writes the letters (a requests file's ``[requester]`` table); "" = not given, shown in
    a letter as a blank to fill in."""

    name: str = ""
    organisation: str = ""
    email: str = ""
    address: str = ""
    """The postal address, lines separated by newlines."""
    phone: str = ""
    fee_category: str = ""
    """The fee category claimed ("news media", "educational", "other")."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The options in force for one request: the law's defaults (`Jurisdiction.defaults`) with
    the request's `Options` applied. Each field means what it means in `Options`; here none is
    left open. `Deadline.settings` says which were used."""

    observed: bool = True
    closures: bool = True
    dc_area: bool = False
    saturday_shift: bool = True
    receipt_day_counts: bool = False
    cutoff: time | None = None
    misrouted_unit: MisroutedUnit = "working"
    closed_days: tuple[date, ...] = ()
    timezone: str = "America/New_York"

    def updated(self, options: Options | None) -> Settings:
        """These settings with the fields `options` sets; the same object when it sets none to
        a different value (most requests: so the settings a law's requests share stay one
        value, which the calendars and windows kept for it recognise at once)."""
        if options is None:
            return self
        changes: dict[str, object] = {}
        for name in _SETTING_NAMES:
            value = getattr(options, name)
            if value is None:
                continue
            if value is False and name == "cutoff":
                value = None  # (False: no cut-off, even where the law has one)
            if value != getattr(self, name):
                changes[name] = value
        return replace(self, **changes) if changes else self  # type: ignore[arg-type]


#: The fields of `Settings` (each also a field of `Options`).
_SETTING_NAMES = tuple(f.name for f in fields(Settings))


@dataclass(frozen=True, slots=True)
class Request:
    """What the requester knows about one request. Only `received` is required."""

    received: date | datetime
    """Receipt by the proper component: a date, or a date-time (one without an offset is read in
    the request's time zone: `Options.timezone`, else the law's)."""
    id: str = ""
    """How you name the request (required in a requests file, unique there)."""
    agency: str = ""
    jurisdiction: str = ""
    """The law's code (``"us"``, ``"us.dhs"``, ``"us-ny"``, ``"uk"``...;
    `foiaclock.all_jurisdictions`). "" (not named): the regulation of the federal agency that
    `agency` names, when foiaclock knows it ("ICE": ``us.dhs``), else the federal statute
    (``us``). A named ``"us"`` is the statute alone."""
    subject: str = ""
    tracking: str = ""
    """The agency's tracking number."""
    first_received: date | datetime | None = None
    """A misrouted request's first receipt by any designated component."""
    acknowledged: date | None = None
    """When the agency acknowledged the request (laws whose clock runs from the acknowledgement)."""
    postmarked: date | None = None
    """The postmark of a request sent by mail: the further dates of a law that counts from it
    when the day of receipt cannot be shown (Tex. Gov't Code § 552.301(a-1)) are counted from it."""
    extension: Extension = None
    tolls: tuple[Toll, ...] = ()
    """The pauses of the clock, in any order (a list is accepted)."""
    expedited: bool = False
    """Expedited processing was requested (5 U.S.C. § 552(a)(6)(E))."""
    responded: date | None = None
    """The date of the determination; it stops the clock."""
    adverse: bool | None = None
    """The determination withheld something (the time to appeal is then shown)."""
    appeal: Appeal | None = None
    replies: tuple[Reply, ...] = ()
    """Dates the agency set for your reply (`Reply`), in any order (a list is accepted)."""
    track: str | None = None
    """An alternative clock of the law (for example ``"commercial"``)."""
    via: Via | None = None
    """How the request was sent (``"email"``...; some laws count email a day later)."""
    target_days: int | None = None
    """For laws with no fixed deadline: a target of this many working days, reported as a target."""
    fee_exception: bool = False
    """More than 5,000 pages and 3+ good-faith attempts to narrow (§ 552(a)(4)(A)(viii)(II)(bb))."""
    notes: str = ""
    contact: str = ""
    """Whom at the agency the letters go to (a name, an office, an address), your words."""
    litigation: date | None = None
    """The day a suit over the request was filed: the agency's clocks stop there (the court's
    schedule governs from then on) and the status is ``in litigation``."""
    case: str = ""
    """The court's case number of that suit, your words ("1:19-cv-03390")."""
    options: Options | None = None
    """``None``: the law's defaults."""
    letters: tuple[SentLetter, ...] = ()
    """The letters you sent about the request (`SentLetter`), in any order (a list is
    accepted)."""
    estimated_completion: date | None = None
    """The date by which the agency estimated it would complete action on the request (5 U.S.C.
    § 552(a)(7)(B)(ii)): no follow-up is called for until it has passed
    (`Deadline.next_follow_up`), and a follow-up says whether it has."""

    def __post_init__(self) -> None:
        # Each field is checked in full only when it is not already in its usual form (a file's
        # requests almost always are): the checks normalise the rest or refuse it.
        received = self.received
        if type(received) is not date or not covered(received):
            moment = _moment(received, "received")
            if moment is None:
                raise RequestError(
                    "the date the agency received the request is required", field="received"
                )
            _set(self, "received", moment)
        for name in ("id", "agency", "subject", "tracking", "notes", "contact", "case"):
            if type(getattr(self, name)) is not str:
                _set(self, name, _text(getattr(self, name), name))
        if type(self.jurisdiction) is not str or not self.jurisdiction:
            _set(self, "jurisdiction", _text(self.jurisdiction, "jurisdiction"))
        if self.first_received is not None:
            _set(self, "first_received", _moment(self.first_received, "first_received"))
        for name in (
            "acknowledged",
            "responded",
            "litigation",
            "postmarked",
            "estimated_completion",
        ):
            value = getattr(self, name)
            if value is not None and (type(value) is not date or not covered(value)):
                _set(self, name, _day(value, name))
        extension = self.extension
        if not (extension is None or extension is True or type(extension) is date):
            _set(self, "extension", _extension(extension))
        elif type(extension) is date:
            _set(self, "extension", _day(extension, "extension"))
        if self.tolls != () or type(self.tolls) is not tuple:
            _set(self, "tolls", _tolls(self.tolls))
        if self.replies != () or type(self.replies) is not tuple:
            _set(self, "replies", _replies(self.replies))
        if self.letters != () or type(self.letters) is not tuple:
            _set(self, "letters", _items(self.letters, SentLetter, "letters", "letter"))
        for name in ("expedited", "fee_exception"):
            if getattr(self, name) is not True and getattr(self, name) is not False:
                _set(self, name, _flag(getattr(self, name), name))
        if self.adverse is not None:
            _set(self, "adverse", _flag(self.adverse, "adverse", missing=None))
        self._check_kinds()

    def follow_ups_after(self, day: date) -> list[date]:
        """The days the follow-ups in `letters` were sent after `day`, in date order."""
        return sorted(x.sent for x in self.letters if x.kind == "follow-up" and x.sent > day)

    def _check_kinds(self) -> None:
        """The fields whose values are objects or words of a set."""
        if self.appeal is not None and not isinstance(self.appeal, Appeal):
            raise _bad("appeal", "an Appeal", self.appeal)
        if self.options is not None and not isinstance(self.options, Options):
            raise _bad("options", "an Options", self.options)
        if self.track is not None:
            _set(self, "track", _text(self.track, "track") or None)
        if self.via is not None:
            via = None if is_missing(self.via) else self.via
            if via is not None and via not in VIA_VALUES:
                raise _choice("via", via, VIA_VALUES)
            _set(self, "via", via)
        if self.target_days is not None:
            _set(self, "target_days", _whole(self.target_days, "target_days", maximum=10_000))


def _extension(value: object) -> Extension:
    if value is True or value is None:
        return value
    if value is False or is_missing(value):
        return None
    if isinstance(value, date):
        return _day(value, "extension")
    try:
        number = _whole(value, "extension")
    except RequestError:
        if isinstance(value, numbers.Number):  # (a bool was taken above)
            raise ExtensionError(
                f"an extension of {value} days makes no sense; use a positive number, true, "
                "or a date",
                field="extension",
            ) from None
        raise _bad(
            "extension",
            "true (the law's full extension), a number of working days, or the date agreed "
            "with the requester (like 2019-03-01)",
            value,
        ) from None
    return number or None


def _replies(value: object) -> tuple[Reply, ...]:
    return _items(value, Reply, "replies", "reply")


def _tolls(value: object) -> tuple[Toll, ...]:
    if type(value) is tuple and all(type(t) is Toll for t in value):
        return value
    return _items(value, Toll, "tolls", "toll")


def _items(value: object, kind: type[_T], field: str, item: str) -> tuple[_T, ...]:
    """A list of `kind` (a tuple or a list; missing: none), or `RequestError` naming the item."""
    if is_missing(value):
        return ()
    if not isinstance(value, (tuple, list)):
        raise _bad(field, f"a list of {kind.__name__}", value)
    for i, one in enumerate(value):
        if not isinstance(one, kind):
            raise _bad(f"{item} {i + 1}", f"a {kind.__name__}", one)
    return tuple(value)
