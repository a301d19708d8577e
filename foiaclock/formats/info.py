"""`foiaclock jurisdictions`: the laws foiaclock knows, listed or shown in full."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date

from ..calendar import ExtraRule
from ..law import CLOCK_NAMES, ClockRule, Jurisdiction, amount_words
from ..law.agencies import agency_names

_CLOCK_TITLES = {
    "acknowledgement": "acknowledge the request",
    "response": "decide (the due date)",
    "extension": "extension",
    "appeal": "decide an appeal",
    "appeal_window": "time to appeal",
    "expedited": "decide on expedited processing",
}
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _short_names(known: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    """The agency's and its components' first other name (its abbreviation), or the name."""
    return [others[0] if others else name for name, others in known]


def jurisdiction_list(items: Sequence[Jurisdiction]) -> str:
    names = agency_names()
    code_w = max(len(j.code) for j in items)
    name_w = min(max(len(j.name) for j in items), 28)
    rows = [f"{'code':<{code_w}}  {'name':<{name_w}}  deadline / citation"]
    for j in items:
        name = j.name if len(j.name) <= name_w else j.name[: name_w - 1] + "…"
        flag = "  (unverified)" if not j.verified else ""
        lead = f"{j.code:<{code_w}}  {name:<{name_w}}  "
        rows.extend(
            textwrap.wrap(
                f"{j.summary()}{flag}",
                100,
                initial_indent=lead,
                subsequent_indent=" " * len(lead),
                break_on_hyphens=False,
            )
        )
        pad = " " * (code_w + name_w + 4)
        lines = [j.citation]
        if j.code in names:
            lines.append("known as: " + ", ".join(_short_names(names[j.code][1])))
        for line in lines:
            rows.extend(
                textwrap.wrap(
                    line, 100, initial_indent=pad, subsequent_indent=pad, break_on_hyphens=False
                )
            )
    rows.append("")
    rows.append(f"{len(items)} jurisdictions. `foiaclock jurisdictions CODE` shows one in full.")
    return "\n".join(r.rstrip() for r in rows) + "\n"


def _clock_lines(rule: ClockRule) -> list[str]:
    when = f"from {rule.effective}: " if rule.effective else ""
    start = {
        "received": "from receipt",
        "acknowledged": "from the acknowledgement",
        "response": "from the determination",
        "due": "added to the due date",
        "postmarked": "from the postmark (a mailed request)",
    }[rule.start]
    if rule.anchor:
        start = f"from {rule.anchor}"
    head = (
        f"{when}{rule.describe()} {start}" if rule.days is not None else f"{when}{rule.describe()}"
    )
    if rule.filing:
        head += "; to be received by then" if rule.filing == "received" else "; sent by then"
    if rule.extension_days:
        head += f"; extendable by {amount_words(rule.extension_days, rule.unit)}"
    if rule.agreed:
        head += "; longer only with the requester's agreement"
    if not rule.verified:
        head += " (unverified)"
    out = [head, f"  [{rule.citation}]"]
    if rule.note:
        out.append(f"  {rule.note}")
    return out


def jurisdiction_full(j: Jurisdiction) -> str:
    """`foiaclock jurisdictions CODE`: everything the rule data says about one law."""
    out: list[str] = [f"{j.code}: {j.name}", f"  {j.law} ({j.citation})"]
    if j.url:
        out.append(f"  {j.url}")
    out.append(
        f"  verified: {'yes' if j.verified else 'no: not yet checked against the statute text'}"
    )
    out.append(f"  time zone: {j.timezone}")
    sections = (
        _regulation, _names, _clocks, _route, _calendar, _receipt, _pauses, _misrouting,
        _options, _consequences, _notes, _sources,
    )  # fmt: skip
    for section in sections:
        lines = section(j)
        if lines:
            out.extend(["", *lines])
    return "\n".join(_wrapped(out)) + "\n"


def _regulation(j: Jurisdiction) -> list[str]:
    reg = j.regulation
    if reg is None:
        return []
    out = ["Regulation", f"  {reg.citation}" + (f", as {reg.rule}" if reg.rule else "")]
    if reg.since is not None:
        out.append(
            f"  in force from {reg.since}; a request received earlier is counted under "
            f"{j.base!r} (the statute)"
        )
    if reg.url:
        out.append(f"  {reg.url}")
    if reg.note:
        out.append(f"  {reg.note}")
    return out


def _route(j: Jurisdiction) -> list[str]:
    route = j.appeal_route
    if route is None:
        return []
    flag = "" if route.verified else " (unverified)"
    out = ["After a denial", f"  {route.kind}: {route.to}{flag}"]
    if route.how:
        out.append(f"  how: {route.how}")
    if route.label:
        out.append(f"  marked: {route.label}")
    out.extend(f"  must contain: {part}" for part in route.must_contain)
    if route.next:
        out.append(f"  next: {route.next}")
    out.append(f"  [{route.citation}]")
    if route.note:
        out.append(f"  {route.note}")
    return out


def _sources(j: Jurisdiction) -> list[str]:
    if not j.confirmed_by:
        return []
    out = ["Confirmed by"]
    for src in j.confirmed_by:
        when = f" ({src.day})" if src.day else ""
        out.append(f"  {src.citation}{when}: {src.confirms}")
        if src.url:
            out.append(f"    {src.url}")
    return out


def _names(j: Jurisdiction) -> list[str]:
    """The names a request's `agency` is recognised by (foiaclock/law/agencies.toml)."""
    known = agency_names().get(j.code)
    if known is None:
        return []
    out = ["Recognised from the request's agency (when it names no jurisdiction)"]
    for i, (name, written) in enumerate(known[1]):
        others = [o for o in written if o != name]
        also = f" ({', '.join(others)})" if others else ""
        out.append(f"  {'' if i == 0 else 'component: '}{name}{also}")
    return out


def _clocks(j: Jurisdiction) -> list[str]:
    out = ["Clocks"]
    for name in CLOCK_NAMES:
        versions: tuple[ClockRule, ...] = getattr(j, name)
        if not versions:
            continue
        out.append(f"  {_CLOCK_TITLES[name]}:")
        for rule in versions:
            out.extend(f"    {x}" for x in _clock_lines(rule))
    windows = dict(j.track_appeal_windows)
    for track, versions in j.tracks:
        out.append(f"  track {track!r} (request with track = {track!r}):")
        for rule in versions:
            out.extend(f"    {x}" for x in _clock_lines(rule))
        for rule in windows.get(track, ()):
            out.append("    its time to appeal:")
            out.extend(f"      {x}" for x in _clock_lines(rule))
    for rule in j.other:
        out.append(f"  {rule.label}:")
        out.extend(f"    {x}" for x in _clock_lines(rule))
    return out


def _calendar(j: Jurisdiction) -> list[str]:
    versions = j.calendars or ((None, j.calendar),)
    out = []
    for effective, c in versions:
        if len(versions) == 1:
            out.append("Calendar")
        else:
            out.append(f"Calendar from {effective}" if effective else "Calendar (first version)")
        if c.country:
            subs = f", subdivisions {', '.join(c.subdivisions)}" if c.subdivisions else ""
            out.append(
                f"  holidays: the `holidays` package, {c.country}{subs}, categories "
                f"{', '.join(c.categories)}"
            )
        else:
            out.append("  holidays: none from the `holidays` package")
        if c.exclude:
            out.append(f"  not counted: {', '.join(c.exclude)}")
        if c.closure_categories:
            out.append(f"  closure orders: {', '.join(c.closure_categories)} (option `closures`)")
        if c.inauguration:
            out.append("  Inauguration Day: for DC-area offices (option `dc_area`)")
        out.append(f"  weekend: {', '.join(_WEEKDAYS[d] for d in c.weekend) or 'none'}")
        out.extend(f"  also: {_extra_day(x)}" for x in c.extra)
        if c.citation:
            out.append(f"  [{c.citation}]")
    return out


def _extra_day(x: ExtraRule) -> str:
    """A rule-based non-working day in words: "Good Friday, Easter -2 days (1990-)"."""
    if x.day:
        when = f"{x.day[0]:02d}-{x.day[1]:02d}"
    elif x.easter is not None:
        when = f"Easter {x.easter:+d} days"
    elif x.start and x.end:
        when = f"{x.start[0]:02d}-{x.start[1]:02d} to {x.end[0]:02d}-{x.end[1]:02d}"
    elif x.weekday is not None and x.month is not None and x.nth:
        nth = "last" if x.nth == -1 else {1: "1st", 2: "2nd", 3: "3rd"}.get(x.nth, f"{x.nth}th")
        when = f"the {nth} {_WEEKDAYS[x.weekday]} of {_MONTH_NAMES[x.month - 1]}"
    else:
        when = ""
    if x.offset and x.day is None:
        when += f" {x.offset:+d} day{'s' if abs(x.offset) != 1 else ''}"
    elif x.offset:
        when += f" (moved {x.offset:+d} days)"
    years = f" ({x.since or ''}-{x.until or ''})" if x.since or x.until else ""
    return f"{x.name}, {when}{years}"


def _receipt(j: Jurisdiction) -> list[str]:
    r = j.receipt
    rules = []
    if r.nonworking_next_day:
        rules.append("received on a non-working day = received the next working day")
    if r.electronic_next_day:
        rules.append("email or fax = received the next working day")
    if r.cutoff:
        rules.append(f"received at or after {r.cutoff.strftime('%H:%M')} = the next working day")
    out = ["Receipt"]
    if not rules:
        return [*out, "  the day the request arrives is day 0"]
    out.extend(f"  {x}" for x in rules)
    if r.citation:
        out.append(f"  [{r.citation}]")
    return out


def _pauses(j: Jurisdiction) -> list[str]:
    out = ["Pauses (tolling)"]
    if not j.tolling:
        return [*out, "  none: a pause is shown but does not stop the clock"]
    for kind, toll in j.tolling:
        once = ", once only" if toll.once else ""
        mode = "the clock stops" if toll.mode == "pause" else "the clock starts again"
        since = f" (requests received from {toll.since})" if toll.since else ""
        out.append(f"  {kind.value} request{since}: {mode}{once}  [{toll.citation}]")
    return out


def _options(j: Jurisdiction) -> list[str]:
    o = j.defaults

    def flag(value: bool) -> str:
        return str(value).lower()

    out = [
        "Options (defaults; a request may change them)",
        f"  observed = {flag(o.observed)}, closures = {flag(o.closures)}, "
        f"dc_area = {flag(o.dc_area)}, receipt_day_counts = {flag(o.receipt_day_counts)}",
        f"  cutoff = {o.cutoff.strftime('%H:%M') if o.cutoff else 'none'}, "
        f"misrouted_unit = {o.misrouted_unit}, timezone = {o.timezone}",
    ]
    if j.contested:
        out.append(f"  contested (they make up the window): {', '.join(j.contested)}")
    return out


def _consequences(j: Jurisdiction) -> list[str]:
    if not (j.constructive_exhaustion or j.fee_consequence):
        return []
    out = ["When the deadline is missed"]
    if j.constructive_exhaustion:
        out.append(f"  the requester may sue without appealing  [{j.constructive_exhaustion}]")
    if j.fee_consequence:
        when = _received_from(j.fee_consequence_since)
        out.append(f"  search fees are barred{when}  [{j.fee_consequence}]")
        if j.fee_exceptions_since:
            out.append(
                f"  before {j.fee_exceptions_since} an extension (unusual circumstances) lifted "
                "the bar; from then on it only moves the time limit"
            )
    return out


def _misrouting(j: Jurisdiction) -> list[str]:
    if not j.misrouting:
        return []
    return [
        "A request first sent to the wrong office",
        f"  the clock starts no later than 10 {j.defaults.misrouted_unit} days after a designated "
        f"office first received it{_received_from(j.misrouting_since)}  [{j.misrouting}]",
    ]


def _received_from(since: date | None) -> str:
    return f" (requests received from {since})" if since else ""


def _notes(j: Jurisdiction) -> list[str]:
    out = []
    if j.notes:
        out.extend(["Notes", *(f"  - {n}" for n in j.notes)])
    if j.assumptions:
        out.extend(([""] if out else []) + ["Assumptions", *(f"  - {a}" for a in j.assumptions)])
    return out


def _wrapped(lines: list[str]) -> list[str]:
    """Lines longer than 100 characters wrapped under their own indent."""
    out: list[str] = []
    for line in lines:
        if len(line) <= 100:
            out.append(line.rstrip())
            continue
        indent = len(line) - len(line.lstrip(" -"))
        out.extend(textwrap.wrap(line, 100, subsequent_indent=" " * indent, break_on_hyphens=False))
    return out


def markdown_table(items: Sequence[Jurisdiction]) -> str:
    """The jurisdictions as a Markdown table (the README's, kept in sync by a test)."""
    rows = [
        "| Code | Jurisdiction | Law | Response | Extension | Citation | Verified |",
        "|---|---|---|---|---|---|---|",
    ]
    for j in items:
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
