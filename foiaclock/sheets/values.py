"""One cell -> the value of a request key (flags, channels, jurisdictions, numbers), each
refusal a sentence for the row's report."""

from __future__ import annotations

import re
from functools import cache

from ..law import all_jurisdictions, codes, get_jurisdiction

_TRUE = frozenset(("yes", "y", "true", "t", "1", "x", "✓", "✔", "requested", "granted"))
_FALSE = frozenset(("no", "n", "false", "f", "0", "none", "n/a", "-"))

_VIA = {
    "email": "email", "e mail": "email", "mail email": "email",
    "fax": "fax", "facsimile": "fax",
    "portal": "portal", "online": "portal", "web": "portal", "website": "portal",
    "web portal": "portal", "online portal": "portal", "web form": "portal", "form": "portal",
    "mail": "mail", "post": "mail", "postal": "mail", "postal mail": "mail", "usps": "mail",
    "letter": "mail", "us mail": "mail", "snail mail": "mail",
    "in person": "in_person", "in_person": "in_person", "hand": "in_person",
    "hand delivered": "in_person", "hand delivery": "in_person",
    "phone": "phone", "telephone": "phone", "call": "phone",
    "other": "other",
}  # fmt: skip


def flag(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"{text!r} is not yes or no")


def via(text: str) -> tuple[str, str]:
    """The channel, and a note when the sheet's word is not one foiaclock knows ("other")."""
    word = " ".join(re.split(r"[^0-9a-z_]+", text.lower())).strip()
    if word in _VIA:
        return _VIA[word], ""
    return "other", f"sent via: {text.strip()}"


def number(text: str, *, maximum: int = 10_000) -> int:
    word = text.strip()
    if word.endswith(".0"):  # a spreadsheet's 10.0
        word = word[:-2]
    if not word.isdigit() or not 0 < int(word) <= maximum:
        raise ValueError(f"{text!r} is not a whole number of days")
    return int(word)


def extension(text: str) -> bool | int | None:
    """``yes`` (the law's extension), a number of working days, ``no`` (none: None)."""
    try:
        return flag(text) or None
    except ValueError:
        pass
    try:
        return number(text, maximum=366)
    except ValueError:
        raise ValueError(f"{text!r} is not yes, no or a number of working days") from None


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for j in all_jurisdictions():
        for name in (j.name, j.name.split(" (")[0]):
            names.setdefault(name.lower(), j.code)
    return names


def jurisdiction(text: str) -> str:
    """A jurisdiction's code, from its code (``us-ny``), name (``New York``) or, for a US state,
    its postal abbreviation (``NY``)."""
    word = text.strip().lower()
    if word in codes():
        return get_jurisdiction(word).code
    if f"us-{word}" in codes():
        return f"us-{word}"
    if word in _by_name():
        return _by_name()[word]
    raise ValueError(
        f"{text!r} is not a jurisdiction foiaclock knows (`foiaclock jurisdictions` lists them)"
    )
