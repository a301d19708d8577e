"""The rule model: what a law's clocks, calendar, receipt and pause rules are, each with its
citation. `foiaclock.law.parse` builds them from the rule data; the engine applies them and knows
nothing about any particular law."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Literal

from ..calendar import CalendarSpec
from ..models import Settings, TollKind

Unit = Literal["working", "calendar", "weeks", "hours", "months", "years"]
UNITS: tuple[str, ...] = ("working", "calendar", "weeks", "hours", "months", "years")
Start = Literal["received", "acknowledged", "response", "due", "postmarked"]

#: The clocks a `Jurisdiction` has, each a tuple of versions in force from their dates.
CLOCK_NAMES = ("acknowledgement", "response", "extension", "appeal", "appeal_window", "expedited")

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

#: The options that choose a calendar (the rest choose how to count on it).
CALENDAR_OPTIONS: tuple[str, ...] = ("observed", "closures", "dc_area", "saturday_shift")

_UNIT_WORDS = {
    "working": "working day",
    "calendar": "calendar day",
    "weeks": "week",
    "hours": "hour",
    "months": "month",
    "years": "year",
}


def amount_words(n: int, unit: str) -> str:
    """`n` days (or weeks, hours...) of a clock's `unit` in words: "10 working days", "1 week",
    "4 weeks"."""
    return f"{n} {_UNIT_WORDS[unit]}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class ClockRule:
    """One clock of a law: `days` `unit`s counted from `start` (day 0)."""

    days: int | None
    """The length; ``None`` when the law sets no fixed time (then `standard` says what it sets)."""
    unit: Unit = "working"
    start: Start = "received"
    """What day 0 is: the receipt, the acknowledgement, the response, (an extension) the due
    date, or (a further date, `Jurisdiction.other`) the postmark of a mailed request."""
    roll: bool = False
    """Calendar days and weeks: a last day that is not a working day moves to the next one."""
    standard: str = ""
    """The law's words when it sets no fixed time ("promptly")."""
    citation: str = ""
    verified: bool = True
    note: str = ""
    effective: date | None = None
    """The day this version took effect (``None``: from the beginning)."""
    agreed: bool = False
    """Extensions: longer times need the requester's agreement."""
    extension_days: int | None = None
    """Appeal clocks: the length of the appeal clock's own extension, in the same unit."""
    label: str = ""
    """Tracks and further dates: what the clock is."""
    by: str = ""
    """Extensions: who grants it, and how."""
    granted_by_acknowledgement: bool = False
    """Extensions: a timely acknowledgement grants it, even with no length stated (N.Y. Pub.
    Off. Law § 89(3)(a): an acknowledgement gives the agency up to 20 more business days)."""
    anchor: str = ""
    """Appeal windows: what starts the time in the regulation's words ("the date of the
    response", "the date the determination is signed", "the requester's receipt of the
    determination"); foiaclock counts from the response date (`Request.responded`)."""
    after_due: bool = False
    """Appeal windows: a missed deadline is a denial, and the time to appeal it runs from the
    due date when no determination came (N.Y. Pub. Off. Law § 89(4)(a); 5 ILCS 140/9.5(a))."""
    silence_from: Literal["due", "received"] = "due"
    """Appeal windows with `after_due`: what the time to appeal a silence runs from once the
    due date has passed: the due date, or the request's receipt (950 CMR 32.08(1)(d))."""
    filing: Literal["", "received", "sent"] = ""
    """Appeal windows: ``received`` (the appeal must reach the agency by the last day) or
    ``sent`` (postmarked or electronically transmitted by then); "" = the rule does not say."""

    @property
    def fixed(self) -> bool:
        return self.days is not None

    def describe(self) -> str:
        """The clock in words: "20 working days", "promptly"."""
        if self.days is None:
            return self.standard or "no fixed time"
        text = amount_words(self.days, self.unit)
        if self.roll:
            text += " (rolled to a working day)"
        return text


@dataclass(frozen=True)
class TollRule:
    """How a kind of pause works under a law."""

    mode: Literal["pause", "restart"]
    """``pause``: the days of the pause do not count; ``restart``: the clock starts again from
    day 0 when the answer arrives."""
    once: bool = False
    citation: str = ""
    verified: bool = True
    note: str = ""
    since: date | None = None
    """In force for requests received on or after this day (``None``: from the first)."""


@dataclass(frozen=True)
class ReceiptRule:
    """When a request counts as received."""

    nonworking_next_day: bool = False
    """Received on a non-working day = received the next working day."""
    electronic_next_day: bool = False
    """Sent by email or fax = received one working day after sending."""
    cutoff: time | None = None
    """Received at or after this local time = received the next working day."""
    cutoff_via: tuple[str, ...] = ()
    """The channels (`Request.via`) a cut-off time applies to, this one's or the ``cutoff``
    option's (EPA: electronic requests only, 40 CFR 2.104(a)(2)); () = every channel. A request
    whose channel is not recorded is held to the cut-off."""
    citation: str = ""
    since: date | None = None
    """The rules apply to requests received on or after this date (None: always)."""


_NO_RECEIPT_RULES = ReceiptRule()


@dataclass(frozen=True)
class AppealRoute:
    """Where a requester goes after a denial, in the law's terms: to whom, how, what the appeal
    must contain; the time to do it and the decision's time are the `appeal_window` and
    `appeal` clocks."""

    kind: str
    """One of `ROUTE_KINDS`: who reviews (``agency head``, ``ombudsman``, ``attorney general``,
    ``court``...), or ``none`` when the law has no review to ask for."""
    to: str
    """To whom, in words ("the head of the agency or the person it designates")."""
    citation: str
    how: str = ""
    """How it is made (in writing, by a form, by email...)."""
    must_contain: tuple[str, ...] = ()
    """What the appeal must contain to be accepted (Pennsylvania's four parts, 65 P.S.
    § 67.1101(a)(1))."""
    label: str = ""
    """What the appeal must be marked ("Freedom of Information Act Appeal")."""
    next: str = ""
    """What comes after the review (a court, a commissioner), in words."""
    note: str = ""
    verified: bool = True


#: Who reviews a denial, by kind.
ROUTE_KINDS: tuple[str, ...] = (
    "agency head", "review officer", "ombudsman", "attorney general", "commission",
    "information commissioner", "internal review", "court", "none",
)  # fmt: skip


@dataclass(frozen=True)
class Source:
    """A decision or guide that confirms how a law counts (an enforcer's opinion, a court's
    decision, an official guide with worked dates)."""

    citation: str
    confirms: str
    """What it confirms, in words."""
    url: str = ""
    day: date | None = None
    """The date of the decision or guide."""


@dataclass(frozen=True)
class Regulation:
    """An agency's own FOIA regulation, which an agency entry (``us.dhs``) encodes on top of the
    statute it is based on."""

    citation: str
    """The regulation ("6 CFR part 5, subpart A")."""
    rule: str = ""
    """The Federal Register rule the entry follows ("81 FR 83625 (2016-11-22)")."""
    since: date | None = None
    """The day that rule took effect: a request received earlier is counted under the statute
    (the entry's `Jurisdiction.base`), with a note."""
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Jurisdiction:
    """A law's clocks, calendar and counting rules, with their citations."""

    code: str
    name: str
    law: str
    citation: str
    calendar: CalendarSpec
    """Which days are working days under the law in force today (`calendars`' last version)."""
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
    track_appeal_windows: tuple[tuple[str, tuple[ClockRule, ...]], ...] = ()
    """A track's own time to appeal, where it has one (Kentucky's inmates, KRS 197.025(3))."""
    other: tuple[ClockRule, ...] = ()
    receipt: ReceiptRule = ReceiptRule()
    """The receipt rules in force today (`receipts`' last version)."""
    receipts: tuple[ReceiptRule, ...] = ()
    """Every version of the receipt rules, in order of their `since` dates; empty = `receipt`."""
    tolling: tuple[tuple[TollKind, TollRule], ...] = ()
    """The pauses the law allows, per kind; a kind whose rule changed has one entry per version,
    in order of their `since` dates (`toll_rule` picks the one in force)."""
    defaults: Settings = field(default_factory=Settings)
    """The readings and calendar policy a request gets unless its `Options` say otherwise."""
    contested: tuple[str, ...] = ()
    """The options (of `CONTESTABLE`) whose other readings make up a due date's window."""
    constructive_exhaustion: str = ""
    """Citation of a rule letting the requester sue once the deadline is missed ("" = none)."""
    fee_consequence: str = ""
    """Citation of a rule barring fees when the deadline is missed ("" = none)."""
    fee_consequence_since: date | None = None
    """The first receipt date the fee rule applies to (``None``: every date)."""
    fee_exceptions_since: date | None = None
    """From this receipt date, a timely extension only moves the fee rule's time limit (the
    FOIA Improvement Act of 2016's (viii)(II)); before it, an extension (unusual circumstances)
    lifted the fee bar altogether (the 2007 text). ``None``: the extension only moves it."""
    misrouting: str = ""
    """Citation of a cap on the clock of a request first sent to the wrong office (the federal
    10 days, § 552(a)(6)(A)(ii)); "" = the law has none, and `first_received` is not used."""
    misrouting_since: date | None = None
    """The first receipt date the cap applies to (``None``: every date)."""
    base: str = ""
    """The code of the entry this one is built on ("" = none)."""
    regulation: Regulation | None = None
    """For an agency's entry: the agency's regulation and the rule it follows."""
    calendars: tuple[tuple[date | None, CalendarSpec], ...] = ()
    """Every version of the calendar with the day it took effect (``None``: from the beginning),
    in order; empty = `calendar` alone."""
    appeal_route: AppealRoute | None = None
    """Where the requester goes after a denial (``None``: not encoded)."""
    confirmed_by: tuple[Source, ...] = ()
    """The enforcers' decisions and official guides that confirm the entry's counting."""
    source: str = ""
    """Where the entry comes from: a data file's name, or "requests file"."""
    table: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The (base-merged) data table the entry was built from."""

    def clock(self, name: str, on: date, track: str | None = None) -> ClockRule | None:
        """The version of clock `name` (one of `CLOCK_NAMES`) in force on `on` (``None`` if the
        law has no such clock). With `track`, the track's own response clock replaces
        ``response`` (KeyError for a track the law does not have), and its own time to appeal, if
        it has one, replaces ``appeal_window``."""
        versions: tuple[ClockRule, ...]
        if name == "response" and track:
            versions = dict(self.tracks).get(track, ())
            if not versions:
                raise KeyError(track)
        elif (
            name == "appeal_window"
            and track
            and (own := dict(self.track_appeal_windows).get(track))
        ):
            versions = own
        else:
            versions = getattr(self, name)
        return in_force(versions, on)

    def receipt_on(self, day: date) -> ReceiptRule:
        """The receipt rules for a request received on `day` (none before the first's
        `since`)."""
        chosen = _NO_RECEIPT_RULES
        for version in self.receipts or (self.receipt,):
            if version.since is None or version.since <= day:
                chosen = version
        return chosen

    def calendar_on(self, day: date) -> CalendarSpec:
        """The calendar in force for a request received on `day`."""
        chosen = self.calendar
        for effective, spec in self.calendars:
            if effective is None or effective <= day:
                chosen = spec
            else:
                break
        return chosen

    def fee_rule(self, on: date) -> str:
        """`fee_consequence` for a request received on `on` ("" before the rule applies)."""
        return _from(self.fee_consequence, self.fee_consequence_since, on)

    def misrouting_rule(self, on: date) -> str:
        """`misrouting` for a request received on `on` ("" before the rule applies)."""
        return _from(self.misrouting, self.misrouting_since, on)

    def toll_rule(self, kind: TollKind, on: date) -> TollRule | None:
        """How a pause of `kind` works for a request received on `on` (``None``: no such
        pause under the law, or none yet on that day)."""
        chosen = None
        for k, rule in self.tolling:
            if k is kind and (rule.since is None or rule.since <= on):
                chosen = rule
        return chosen

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


def _from(citation: str, since: date | None, on: date) -> str:
    """`citation` if its rule applies to a request received on `on`, else ""."""
    return citation if since is None or on >= since else ""


def in_force(versions: tuple[ClockRule, ...], on: date) -> ClockRule | None:
    """The last version whose `effective` date is on or before `on` (versions are in order)."""
    chosen: ClockRule | None = None
    for v in versions:
        if v.effective is None or v.effective <= on:
            chosen = v
    return chosen
