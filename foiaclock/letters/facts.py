"""Which letters a request's facts support, and the values a letter template is given.

The values (`values`) are the stable contract of the templates:

* ``kind`` (``follow-up``, ``appeal``, ``suit-notice``), ``ground`` (an appeal's: ``adverse``,
  ``constructive``, ``expedited``; else ""), ``today`` (the as-of date, written out);
* ``requester``: ``name``, ``organisation``, ``email``, ``address`` (lines), ``phone``,
  ``fee_category``, each a blank to fill in ("[your name]") when the file does not give it;
* ``request``: ``id``, ``agency``, ``contact``, ``subject``, ``tracking``, ``received``,
  ``responded`` (dates written out, "" when unknown);
* ``law``: ``name``, ``law``, ``citation``, ``regulation``, ``federal`` (a flag: the statute's own
  words apply, the estimated date of completion of § 552(a)(7)(B));
* ``clock``: ``length`` ("20 working days"), ``citation``, ``due``, ``statutory_due``,
  ``extended``, ``tolled_days``, ``days_late`` (working days, 0 when not late), ``calendar_days_late``,
  ``window`` ("" or "Fri 2026-12-18 to Mon 2026-12-21"), ``estimated_completion`` (the agency's
  estimated date of completion, "" when none was given) and ``estimated_passed`` (a flag);
* ``suit``: ``may_sue_from``, ``citation`` (constructive exhaustion), ``fees_barred`` (flag),
  ``fee_citation``;
* ``appeal``: ``received``, ``due`` (the appeal recorded and its decision's due date, "" when
  none), ``overdue`` (a flag: no decision by then), ``days_late`` (working days), ``by``, ``window`` ("90 working days"), ``anchor``, ``filing`` (``received`` or
  ``sent``), ``after_due`` (a flag: the law makes a missed deadline a denial), ``window_citation``, ``window_note``, ``route`` (``kind``, ``to``, ``how``, ``label``,
  ``must_contain`` (a list), ``next``, ``citation``, ``note``), ``decision`` ("20 working days"),
  ``decision_citation``, ``late`` (a flag: the last day to appeal has passed);
* ``counted``: the steps of the count that carry a citation, as ``(text, citation)`` pairs;
* ``history``: the letters the request records as sent by the as-of day (``[[request.letter]]``),
  oldest first, each ``kind``, ``sent`` (written out) and ``via`` ("" when not given);
  ``follow_ups``: the ``sent`` of the follow-ups among them; ``next_follow_up``: the day the
  next follow-up is called for ("" when none is: `Deadline.next_follow_up`).

The ``follow-up-agency`` templates (one letter about several requests to one agency) get the
values of `agency_values` instead, each request's own set of the above among its ``items``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import fmt_day
from ..models import LETTER_KINDS, Requester
from ..results import Deadline, Status, Step

KINDS = LETTER_KINDS
#: The steps of the count a letter repeats: the rules, the pauses, the extension, the due date.
_COUNTED = ("rule", "note", "toll", "extension", "due")
GROUNDS = ("adverse", "constructive", "expedited")

#: The blank a missing detail of the requester becomes: marked, never invented.
_BLANKS = {
    "name": "[your name]",
    "organisation": "[your organisation]",
    "email": "[your email]",
    "address": "[your postal address]",
    "phone": "[your phone]",
    "fee_category": "[your fee category]",
}


class LetterRefused(Exception):
    """The facts do not support the letter asked for (the message says why)."""


@dataclass(frozen=True)
class Choice:
    """One letter a request can have today, or why not."""

    kind: str
    ok: bool
    why: str
    ground: str = ""


def choices(d: Deadline) -> list[Choice]:
    """Each letter kind for `d`, with whether the facts support it today and why."""
    suit = d.request.litigation
    if suit is not None:
        why = f"a suit was filed on {suit}: the case, not a letter, runs the request now"
        return [Choice(kind, False, why) for kind in KINDS]
    return [_follow_up(d), _appeal(d, None), _suit(d)]


def called_for(d: Deadline) -> list[Choice]:
    """The letters the dates call for now, among those the facts support (`choices`), in the
    order of `KINDS`: a follow-up when the request is overdue, an appeal while a window to
    appeal is open or closing, a notice before suit once a suit is possible. ``status`` hints
    at them, the HTML report gives their commands and ``letter --list`` marks them ``now``."""
    return [c for c in choices(d) if c.ok and _now(d, c.kind)]


def _now(d: Deadline, kind: str) -> bool:
    if kind == "follow-up":
        return d.status is Status.OVERDUE and not _waiting(d)
    if kind == "appeal":
        open_ = (Status.APPEAL_WINDOW_OPEN, Status.APPEAL_DUE_SOON)
        return any(c.kind == "appeal" and c.status in open_ for c in d.requester)
    return True  # a notice before suit: `choices` allows it only once a suit is possible


def _follow_up(d: Deadline) -> Choice:
    r = d.request
    if r.responded is not None:
        return Choice("follow-up", False, f"the agency answered on {r.responded}")
    if d.due is None:
        return Choice("follow-up", True, "no fixed time: a status inquiry")
    if d.as_of <= d.due:
        return Choice("follow-up", True, f"a status inquiry (due {d.due})")
    if _waiting(d):
        sent = d.request.follow_ups_after(d.due)
        edc = d.request.estimated_completion
        done = f"followed up {sent[-1]}, " if sent else ""
        estimate = f"the agency estimates {edc}, " if edc is not None and edc >= d.as_of else ""
        return Choice(
            "follow-up", True, f"overdue since {d.due}; {done}{estimate}next {d.next_follow_up}"
        )
    return Choice("follow-up", True, f"overdue since {d.due}")


def _waiting(d: Deadline) -> bool:
    """Whether the cadence's next follow-up (`Deadline.next_follow_up`) is still to come: the
    first working day late, or the interval after the last follow-up, is after the as-of day."""
    return d.next_follow_up is not None and d.as_of < d.next_follow_up


def _appeal(d: Deadline, ground: str | None) -> Choice:
    r, route = d.request, d.law.appeal_route
    if r.appeal is not None:
        return Choice("appeal", False, f"an appeal was made ({r.appeal.arrived})")
    if route is not None and route.kind == "none":
        return Choice("appeal", False, f"{d.law.name} has no administrative appeal: {route.next}")
    if route is None and not d.law.appeal and not d.law.appeal_window:
        return Choice("appeal", False, f"foiaclock has no appeal route for {d.law.name}")
    found = _grounds(d)
    if ground is not None:
        if ground not in found:
            return Choice(
                "appeal", False, f"no ground for a {ground} appeal: {_why_not(d, ground)}"
            )
        found = [ground]
    if not found:
        return Choice("appeal", False, _why_not(d, "constructive"))
    late = d.appeal_by is not None and d.as_of > d.appeal_by
    why = f"{found[0]} (appeal by {d.appeal_by})" if d.appeal_by else found[0]
    return Choice("appeal", True, why + (": LATE" if late else ""), found[0])


def _grounds(d: Deadline) -> list[str]:
    r, out = d.request, []
    if r.responded is not None and r.adverse:
        out.append("adverse")
    if r.responded is None and d.due is not None and d.as_of > d.due:
        out.append("constructive")
    if r.expedited:
        out.append("expedited")
    return out


def _why_not(d: Deadline, ground: str) -> str:
    r = d.request
    if ground == "adverse":
        return "no adverse determination is recorded (responded = DATE, adverse = true)"
    if ground == "expedited":
        return "expedited processing was not requested"
    if r.responded is not None:
        return f"the agency answered on {r.responded} (record adverse = true to appeal it)"
    if d.due is None:
        return f"{d.law.name} sets no fixed time, so silence is no denial yet"
    return f"the due date, {d.due}, has not passed: there is no denial by silence yet"


def _suit(d: Deadline) -> Choice:
    r = d.request
    if not d.law.constructive_exhaustion:
        return Choice("suit-notice", False, f"{d.law.name} has no suit for a missed deadline")
    a = d.appeal
    if a is not None:  # the appeal's own time limit (5 U.S.C. § 552(a)(6)(A)(ii), (C)(i))
        if a.status.is_answered:
            return Choice("suit-notice", False, f"the appeal was decided ({a.status.value})")
        if a.may_sue_from is None or d.as_of < a.may_sue_from:
            when = f"from {a.may_sue_from}" if a.may_sue_from else "once its decision is overdue"
            return Choice("suit-notice", False, f"a suit on the appeal is not yet possible: {when}")
        return Choice("suit-notice", True, f"may sue since {a.may_sue_from}: no appeal decision")
    if r.responded is not None:
        return Choice(
            "suit-notice",
            False,
            f"the agency answered on {r.responded}: the right to sue over delay ended with the "
            "answer (appeal the determination instead)",
        )
    sue = d.may_sue_from
    if sue is None or d.as_of < sue:
        when = f"from {sue}" if sue else "once the deadline has passed"
        return Choice("suit-notice", False, f"a suit is not yet possible: {when}")
    return Choice("suit-notice", True, f"may sue since {sue}")


def chosen(d: Deadline, kind: str, ground: str | None = None) -> Choice:
    """The letter `kind` for `d`, or `LetterRefused` with the reason."""
    if kind not in KINDS:
        raise LetterRefused(f"unknown letter {kind!r}; the letters are {', '.join(KINDS)}")
    found = {c.kind: c for c in choices(d)}
    choice = _appeal(d, ground) if kind == "appeal" and found[kind].ok else found[kind]
    if not choice.ok:
        raise LetterRefused(f"no {kind} letter for {d.request.id or 'this request'}: {choice.why}")
    return choice


def values(
    d: Deadline,
    kind: str,
    requester: Requester,
    ground: str | None = None,
    trail: tuple[Step, ...] = (),
) -> dict[str, Any]:
    """The values a template of letter `kind` gets for `d` (the module docstring lists them);
    `trail` is `d`'s (`foiaclock.explain`), which the caller computes: a letter never counts."""
    choice = chosen(d, kind, ground)
    r, law = d.request, d.law
    day = _day
    who = {k: getattr(requester, k) or blank for k, blank in _BLANKS.items()}
    who["address"] = (requester.address or _BLANKS["address"]).splitlines()
    rule = law.clock("response", d.received, r.track)
    late = d.days_left is not None and d.days_left < 0 and r.responded is None
    window = d.window
    sent = sorted(r.letters, key=lambda x: x.sent)  # (the engine set aside later ones)
    return {
        "kind": kind,
        "ground": choice.ground,
        "today": day(d.as_of),
        "requester": who,
        "request": {
            "id": r.id,
            "agency": r.agency or "[the agency]",
            "contact": r.contact or "FOIA Officer",
            "subject": r.subject or "[the records requested]",
            "tracking": r.tracking,
            "received": day(d.received),
            "responded": day(r.responded),
        },
        "law": {
            "name": law.name,
            "law": law.law,
            "citation": law.citation,
            "regulation": law.regulation.citation if law.regulation else "",
            "federal": law.code == "us" or law.code.startswith("us."),
        },
        "clock": {
            "length": rule.describe() if rule else "",
            "citation": rule.citation if rule else "",
            "due": day(d.due),
            "statutory_due": day(d.statutory_due),
            "extended": d.extended,
            "tolled_days": d.tolled_days,
            "days_late": -d.days_left if late and d.days_left is not None else 0,
            "calendar_days_late": -(d.calendar_days_left or 0) if late else 0,
            "window": f"{day(window.earliest)} to {day(window.latest)}"
            if window is not None and window.is_wide
            else "",
            "estimated_completion": day(r.estimated_completion),
            "estimated_passed": r.estimated_completion is not None
            and d.as_of > r.estimated_completion,
        },
        "suit": {
            "may_sue_from": day(d.appeal.may_sue_from if d.appeal else d.may_sue_from),
            "citation": law.constructive_exhaustion,
            "fees_barred": bool(d.search_fees_barred),
            "fee_citation": law.fee_consequence,
        },
        "appeal": _appeal_values(d),
        "counted": [(s.text, s.citation) for s in trail if s.citation and s.kind in _COUNTED],
        "history": [
            {"kind": x.kind, "sent": day(x.sent), "via": _VIA_WORDS.get(x.via or "", "")}
            for x in sent
        ],
        "follow_ups": [day(x.sent) for x in sent if x.kind == "follow-up"],
        "next_follow_up": day(d.next_follow_up),
    }


def agency_values(ds: Sequence[Deadline], requester: Requester) -> dict[str, Any]:
    """The values of one follow-up letter about several late requests to one agency (`ds`, in
    file order; ``foiaclock letter --agency``): ``kind`` (``follow-up``), ``today`` and
    ``requester`` as in `values`; ``agency``; ``contact`` (the requests' own when they all give
    the same, else "FOIA Officer"); ``laws``: the laws they are counted under, each once
    (``name``, ``law``, ``citation``, ``federal``); ``federal``: a flag, all of them federal
    (the statute's words then apply to each); ``suit``: ``citations`` (of the right to sue
    without an appeal, for the requests that have it), ``all`` (a flag: every request has it)
    and ``fee_citations`` (of the search-fee bar, for those it bars), each once; and ``items``:
    each request's `values` for a follow-up."""
    if not ds:
        raise LetterRefused("no request to write about")
    items = [values(d, "follow-up", requester) for d in ds]
    laws: dict[str, dict[str, Any]] = {}
    for item in items:
        laws.setdefault(item["law"]["citation"], item["law"])
    contacts = {d.request.contact for d in ds}
    suits = [
        i["suit"]
        for i in items
        if i["suit"]["may_sue_from"] and i["suit"]["citation"] and not i["appeal"]["received"]
    ]
    fees = [i["suit"] for i in items if i["suit"]["fees_barred"] and i["suit"]["fee_citation"]]
    return {
        "kind": "follow-up",
        "today": items[0]["today"],
        "requester": items[0]["requester"],
        "agency": items[0]["request"]["agency"],
        "contact": contacts.pop() if len(contacts) == 1 and "" not in contacts else "FOIA Officer",
        "laws": list(laws.values()),
        "federal": all(law["federal"] for law in laws.values()),
        "suit": {
            "citations": list(dict.fromkeys(x["citation"] for x in suits)),
            "all": len(suits) == len(items),
            "fee_citations": list(dict.fromkeys(x["fee_citation"] for x in fees)),
        },
        "items": items,
    }


def agency_key(name: str) -> str:
    """An agency's name as ``letter --agency`` compares it: case and runs of spaces do not
    matter."""
    return " ".join(name.split()).casefold()


#: How a letter went, in a sentence's words ("by email").
_VIA_WORDS = {
    "email": "by email",
    "fax": "by fax",
    "portal": "through the agency's portal",
    "mail": "by mail",
    "in_person": "in person",
    "phone": "by phone",
    "other": "",
}


def _appeal_values(d: Deadline) -> dict[str, Any]:
    law = d.law
    window = law.clock("appeal_window", d.received, d.request.track)
    decision = law.clock("appeal", d.received)
    route = law.appeal_route
    clock = d.appeal
    overdue = clock is not None and clock.status is Status.OVERDUE
    return {
        "received": _day(clock.received) if clock else "",
        "due": _day(clock.due) if clock else "",
        "overdue": overdue,
        "days_late": -clock.days_left if overdue and clock and clock.days_left else 0,
        "by": _day(d.appeal_by),
        "late": d.appeal_by is not None and d.as_of > d.appeal_by,
        "after_due": bool(window and window.after_due),
        "window": window.describe() if window and window.days is not None else "",
        "anchor": window.anchor if window else "",
        "filing": window.filing if window else "",
        "window_citation": window.citation if window else "",
        "window_note": window.note if window else "",
        "decision": decision.describe() if decision and decision.days is not None else "",
        "decision_citation": decision.citation if decision else "",
        "route": {
            "kind": route.kind if route else "agency head",
            "to": route.to if route else "[the appeals officer named in the agency's letter]",
            "how": route.how if route else "",
            "label": route.label if route else "",
            "must_contain": list(route.must_contain) if route else [],
            "next": route.next if route else "",
            "citation": route.citation if route else "",
            "note": route.note if route else "",
        },
    }


def _day(value: date | None) -> str:
    return fmt_day(value) if value is not None else ""
