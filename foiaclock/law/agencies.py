"""Which federal agency a request's `agency` names, by the names in ``agencies.toml``.

A name is read without case, punctuation, a leading "U.S.", "United States" or "the", and a
trailing "FOIA Office" (or Division, Unit, ...): "U.S. Immigration and Customs Enforcement",
"ICE" and "ICE FOIA Office" are one agency. When the whole text is no known name, its first
words may be: an abbreviation ("FBI Record/Information Dissemination Section") or a name of
three words or more ("Department of the Interior, Office of the Solicitor"); a single plain word
("Justice Policy Institute") never is. A name that two agencies share, or that ``[ambiguous]``
lists, is never guessed: the match says what it could be instead.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..caching import cached

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_PUNCTUATION = re.compile(r"[^\w\s]")
_LEADING = frozenset((("the",), ("u", "s"), ("us",), ("united", "states")))
_OFFICE_WORDS = (
    "office", "division", "unit", "branch", "section", "staff", "team", "officer", "program",
    "requester service center", "service center", "public liaison",
)  # fmt: skip
_FOIA = ("foia", "freedom of information act", "freedom of information")
_TRAILING = frozenset((
    *(tuple(f"{foia} {word}".split()) for foia in _FOIA for word in _OFFICE_WORDS),
    ("foia",),
    ("freedom", "of", "information", "act"),
))  # fmt: skip
_LONGEST_TAIL = max(len(tail) for tail in _TRAILING)


@dataclass(frozen=True)
class AgencyMatch:
    """What a request's `agency` was recognised as."""

    written: str
    """The agency as the request gives it."""
    code: str = ""
    """The jurisdiction of the agency's regulation ("us.dhs"); "" when none was recognised."""
    agency: str = ""
    """The department or agency whose regulation applies ("Department of Homeland Security")."""
    component: str = ""
    """The component the name is of ("U.S. Immigration and Customs Enforcement"); "" when the
    name is the agency's own."""
    ambiguous: str = ""
    """Why the name is not guessed (it is shared, or listed as ambiguous); "" otherwise."""

    def describe(self) -> str:
        """The match in words, for the trail and the records."""
        if self.ambiguous:
            return f"the agency {self.written!r} is ambiguous ({self.ambiguous})"
        if not self.code:
            return f"the agency {self.written!r} is not one whose regulation foiaclock has"
        if self.component:
            if key(self.written) == key(self.component):
                return f"the agency {self.written!r} is a component of the {self.agency}"
            return (
                f"the agency {self.written!r} is {self.component}, a component of the {self.agency}"
            )
        if key(self.written) == key(self.agency):
            return f"the agency {self.written!r} is a federal agency with its own regulation"
        return f"the agency {self.written!r} is the {self.agency}"


class _Name:
    """One known name: the code, agency and component it stands for."""

    __slots__ = ("agency", "code", "component", "short")

    def __init__(self, code: str, agency: str, component: str, written: str) -> None:
        self.code, self.agency, self.component = code, agency, component
        # An abbreviation ("ICE", "DoD", "USDOJ") may start a longer name, unless it is also a
        # US state's postal code: "VA DMV" is Virginia's, not Veterans Affairs'.
        bare = written.replace("&", "")
        postal = len(bare) == 2 and bare.lower() in _state_codes()
        self.short = bare.isalnum() and sum(c.isupper() for c in bare) >= 2 and not postal


@functools.cache
def _state_codes() -> frozenset[str]:
    """The postal codes of the states (and DC) whose laws foiaclock has: ``va`` of ``us-va``."""
    data = resources.files("foiaclock.law") / "data"
    names = (item.name for item in data.iterdir())
    return frozenset(
        n[3:5] for n in names if n.startswith("us-") and n.endswith(".toml") and len(n) == 10
    )


def key(text: str) -> tuple[str, ...]:
    """`text` as the words it is compared by."""
    words = _PUNCTUATION.sub(" ", text.casefold().replace("&", " and ")).split()
    words = ["department" if w == "dept" else w for w in words]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (2, 1):  # a leading "the", "u s", "us", "united states"
            if n < len(words) and tuple(words[:n]) in _LEADING:
                words, changed = words[n:], True
                break
        for n in range(min(_LONGEST_TAIL, len(words) - 1), 0, -1):
            if tuple(words[-n:]) in _TRAILING:
                words, changed = words[:-n], True
                break
    return tuple(words)


@functools.cache
def _data() -> dict[str, Any]:
    """``agencies.toml``, read once."""
    text = (resources.files("foiaclock.law") / "agencies.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


@functools.cache
def _index() -> tuple[dict[tuple[str, ...], list[_Name]], dict[tuple[str, ...], str]]:
    """Every known name's words -> what it stands for; every ambiguous name's -> why."""
    data = dict(_data())
    names: dict[tuple[str, ...], list[_Name]] = {}

    def add(written: str, item: _Name) -> None:
        entries = names.setdefault(key(written), [])
        if all(e.code != item.code or e.component != item.component for e in entries):
            entries.append(item)

    ambiguous = {key(name): why for name, why in data.pop("ambiguous", {}).items()}
    for code, entry in data.items():
        agency = entry["name"]
        for written in (agency, *entry.get("names", ())):
            add(written, _Name(code, agency, "", written))
        for component, others in entry.get("components", {}).items():
            for written in (component, *others):
                add(written, _Name(code, agency, component, written))
    return names, ambiguous


@cached(maxsize=4096)
def recognise(text: str) -> AgencyMatch:
    """The agency `text` names (an `AgencyMatch` with no `code` when none is recognised). Kept
    per text: a file names few agencies, each many times."""
    inner = re.findall(r"\(([^()]*)\)", text)
    outer = re.sub(r"\([^()]*\)", " ", text)
    for candidate in (text, outer, *inner):
        match = _whole(candidate, text)
        if match is not None:
            return match
    for candidate in (outer, text):
        match = _start(candidate, text)
        if match is not None:
            return match
    return AgencyMatch(text)


def _whole(candidate: str, written: str) -> AgencyMatch | None:
    names, ambiguous = _index()
    words = key(candidate)
    if not words:
        return None
    if words in ambiguous:
        return AgencyMatch(written, ambiguous=ambiguous[words])
    if words in names:
        return _chosen(names[words], written)
    return None


def _start(candidate: str, written: str) -> AgencyMatch | None:
    """The longest known name that `candidate` starts with, when it may start a longer one."""
    names, ambiguous = _index()
    words = key(candidate)
    for n in range(len(words) - 1, 0, -1):
        start = words[:n]
        if start in ambiguous:
            return AgencyMatch(written, ambiguous=ambiguous[start])
        found = [e for e in names.get(start, ()) if e.short or n >= 3]
        if found:
            return _chosen(found, written)
    return None


def _chosen(entries: list[_Name], written: str) -> AgencyMatch:
    codes = sorted({e.code for e in entries})
    if len(codes) > 1:
        return AgencyMatch(written, ambiguous="it names " + " and ".join(codes))
    e = entries[0]
    return AgencyMatch(written, e.code, e.agency, e.component)


def agency_names() -> dict[str, tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]]:
    """For `foiaclock jurisdictions`: each code -> (its agency, ((name, other names), ...)),
    the agency's own names first, then its components'."""
    out = {}
    for code, entry in _data().items():
        if code == "ambiguous":
            continue
        own = (entry["name"], tuple(entry.get("names", ())))
        parts = tuple((c, tuple(o)) for c, o in entry.get("components", {}).items())
        out[code] = (entry["name"], (own, *parts))
    return out
