"""The jurisdictions foiaclock knows: one TOML file per code in ``foiaclock/law/data/`` (read and
parsed on first use), and the ones a requests file defines for itself."""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from .. import checks as s
from ..errors import RuleDataError, UnknownJurisdictionError
from .agencies import recognise
from .model import Jurisdiction
from .parse import merge_tables, parse_jurisdiction

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_DATA = resources.files("foiaclock.law") / "data"


@functools.cache
def codes() -> tuple[str, ...]:
    """Every shipped jurisdiction code: ``us``, then the federal agencies (``us.dhs``), the
    states (``us-ny``) and the rest, each in alphabetical order."""
    found = [item.name[: -len(".toml")] for item in _DATA.iterdir() if item.name.endswith(".toml")]
    return tuple(sorted(found, key=lambda c: (_group(c), c)))


def _group(code: str) -> int:
    if code == "us":
        return 0
    if code.startswith("us."):
        return 1
    return 2 if code.startswith("us-") else 3


@functools.cache
def _raw_table(code: str) -> dict[str, Any]:
    name = f"{code}.toml"
    try:
        table: dict[str, Any] = tomllib.loads((_DATA / name).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"rule data {name}: {exc}") from exc
    return table


def _resolved_table(code: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The entry `code` with the entries it is based on merged under it."""
    if code in seen:
        raise RuleDataError(
            f"rule data: jurisdiction {code!r} is its own base ({' -> '.join((*seen, code))})"
        )
    table = _raw_table(code)
    base = table.get("base")
    if base is None:
        return dict(table)
    base_code = str(base).lower()
    if base_code not in codes():
        raise RuleDataError(f"rule data: jurisdiction {code!r} has an unknown base {base!r}")
    return merge_tables(_resolved_table(base_code, (*seen, code)), table)


@functools.cache
def _shipped(code: str) -> Jurisdiction:
    source = f"{code}.toml"
    try:
        return parse_jurisdiction(code, _resolved_table(code), source)
    except s.ValueProblem as exc:
        raise RuleDataError(f"rule data {source}: {exc.message}") from exc


def get_jurisdiction(
    code: str | Jurisdiction, custom: Mapping[str, Jurisdiction] | None = None
) -> Jurisdiction:
    """The jurisdiction for `code` (case-insensitive); `custom` holds user-defined ones (a
    requests file's `RequestsFile.jurisdictions`)."""
    if isinstance(code, Jurisdiction):
        return code
    key = code.strip().lower()
    if custom and key in custom:
        return custom[key]
    if key in codes():
        return _shipped(key)
    known = [*codes(), *(custom or {})]
    meant = _written_as(key)
    hint = f" (did you mean {meant}?)" if meant else s.suggest(key, known)
    raise UnknownJurisdictionError(
        f"unknown jurisdiction {code!r}{hint}; `foiaclock jurisdictions` lists the codes"
    )


def _written_as(key: str) -> str:
    """The codes of a jurisdiction written as its name ("New York", "Scotland"), as a federal
    agency's name or abbreviation ("Interior", "EPA") or, for a US state, as its postal
    abbreviation ("NY"): a suggestion, never used unasked ("" if none; "VA" is both Virginia and
    Veterans Affairs, so both are offered)."""
    found: list[str] = []
    if f"us-{key}" in codes():
        found.append(f"us-{key}")
    agency = recognise(key).code
    if agency and agency in codes():
        found.append(agency)
    for j in all_jurisdictions():
        if key in (j.name.lower(), j.name.split(" (")[0].lower()):
            found.append(j.code)
    chosen = list(dict.fromkeys(found))
    if not chosen:
        return ""
    return " or ".join(f"{c!r} ({_shipped(c).name.split(' (')[0]})" for c in chosen)


def all_jurisdictions() -> list[Jurisdiction]:
    """Every shipped jurisdiction, in the order of `codes`."""
    return [_shipped(c) for c in codes()]


def define_jurisdiction(
    name: str, table: Mapping[str, Any], custom: Mapping[str, Jurisdiction] | None = None
) -> Jurisdiction:
    """A user-defined jurisdiction (a requests file's ``[jurisdiction.NAME]``): either complete,
    or ``base = "CODE"`` plus the fields to change. Raises `ValueProblem` naming the field."""
    code = name.strip().lower()
    if code in codes():
        raise s.ValueProblem(
            f"jurisdiction {name!r} is built in; give yours another name and "
            f"set base = {code!r} to start from it",
            "",
        )
    merged: Mapping[str, Any] = table
    if "base" in table:
        base_name = s.expect_str(table["base"], f"jurisdiction {code!r}, field 'base'")
        base_code = base_name.strip().lower()
        if custom and base_code in custom:
            base_table = dict(custom[base_code].table)
        elif base_code in codes():
            base_table = _resolved_table(base_code)
        else:
            known = [*codes(), *(custom or {})]
            raise s.ValueProblem(
                f"jurisdiction {code!r}, field 'base': unknown jurisdiction {base_name!r}"
                f"{s.suggest(base_code, known)}",
                "base",
            )
        merged = merge_tables(base_table, table)
    return parse_jurisdiction(code, merged, "requests file")
