"""The non-working days of a `CalendarSpec`, by kind and year, from the `holidays` package and the
spec's own rules.

Each kind (a *variant*) is a mapping from day to name for one year:

* ``observed``: the law's holidays with the package's observed (shifted) dates (for a spec whose
  `observed` mode is ``sunday`` or ``monday``: only the shifts that mode allows);
* ``strict``: the holidays on their own dates only (5 U.S.C. § 6103(a) read alone);
* ``sunday``: the holidays, and a Monday only when the Sunday before is one (plus, in ``monday``
  mode, the Monday after a Saturday holiday);
* ``closures`` / ``half_days``: entries of the closure categories that are not holidays, split by
  whether the package calls them a half-day closing;
* ``inauguration``: Inauguration Day (5 U.S.C. § 6103(c)), from the package's DC entries;
* ``extra``: the spec's own rules (`ExtraRule`).

The package is asked for `BLOCK` years at a time; its answers are kept by question (versions of a
calendar ask the same ones), and each variant's entries by spec and block (`foiaclock.caching`).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import holidays as holidays_pkg

from ..caching import cached
from ..dates import LAST_REACHABLE
from .rules import ExtraRule, shifted

Variant = Literal["observed", "strict", "sunday", "closures", "half_days", "inauguration", "extra"]
Entries = Mapping[date, str]


@dataclass(frozen=True)
class CalendarSpec:
    """Which days are non-working under one law (from the jurisdiction data's `calendar` table)."""

    country: str = "US"
    """ISO code of the `holidays` package's country ("" = no package calendar)."""
    subdivisions: tuple[str, ...] = ()
    """Several = the union of their holidays (the UK's four nations)."""
    categories: tuple[str, ...] = ("public",)
    closure_categories: tuple[str, ...] = ()
    """Categories whose full-day entries are executive closures (an option: ``closures``)."""
    inauguration: bool = False
    """Inauguration Day is a holiday for DC-area offices (an option: ``dc_area``)."""
    weekend: tuple[int, ...] = (5, 6)
    extra: tuple[ExtraRule, ...] = ()
    citation: str = ""
    observed: str = "all"
    """Which of the package's observed (shifted) dates the law knows: ``all``; ``sunday`` (only
    a Sunday holiday moves, to the Monday after, as in N.Y. Gen. Constr. Law § 24); ``monday`` (a
    Saturday or Sunday holiday moves to the Monday after, as in R.I. Gen. Laws § 25-1-1);
    ``none`` (no holiday ever moves, whatever the `observed` option says)."""
    exclude: tuple[str, ...] = ()
    """Names of package holidays the law does not have (dropped, with their observed dates)."""

    def __hash__(self) -> int:
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        """The hash of the fields, worked out once: a spec is a key of the calendar and window
        caches, looked up for every request."""
        return hash(tuple(getattr(self, f.name) for f in fields(self)))


# --------------------------------------------------------------------------------------------
# The package


def _country_module(country: str) -> str | None:
    """The `holidays` module that defines `country` (an ISO code), from the package's registry."""
    from holidays.registry import COUNTRIES

    for module, names in COUNTRIES.items():
        if country in names[1:]:
            return module
    return None


def known_country(country: str) -> bool:
    """Whether the `holidays` package has a calendar for `country` (ISO 3166 code)."""
    return _country_module(country) is not None


@functools.cache
def country_class(country: str) -> type[holidays_pkg.HolidayBase]:
    """The package's class for `country` (raises KeyError for an unknown code).

    `import holidays.countries.x` runs the package's `countries/__init__.py`, which imports every
    country (60-90 ms); foiaclock needs one or two, so it loads just that module's file, and
    falls back to the package's own way if that fails.
    """
    module = _country_module(country)
    if module is None:
        raise KeyError(country)
    name = f"holidays.countries.{module}"
    mod = sys.modules.get(name)
    if mod is None:
        try:
            path = Path(holidays_pkg.__file__).parent / "countries" / f"{module}.py"
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise ImportError(name)
            mod = importlib.util.module_from_spec(spec)
            sys.modules[name] = mod
            spec.loader.exec_module(mod)
        except Exception:  # pragma: no cover - a future layout of the package
            sys.modules.pop(name, None)
            return type(holidays_pkg.country_holidays(country))
    cls: type[holidays_pkg.HolidayBase] = getattr(mod, country)
    return cls


@functools.cache
def _package_class(country: str) -> type[holidays_pkg.HolidayBase]:
    """The package's class for `country`, with its rules extended past the package's 2100 limit
    (foiaclock's calendars reach `LAST_REACHABLE`)."""
    base = country_class(country)
    extended: type[holidays_pkg.HolidayBase] = type(
        base.__name__, (base,), {"end_year": max(base.end_year, LAST_REACHABLE)}
    )
    return extended


def _package(
    spec: CalendarSpec, categories: tuple[str, ...], observed: bool, years: range
) -> Entries:
    """The package's entries of `categories` for `years`, over the spec's subdivisions."""
    return _package_entries(spec.country, spec.subdivisions, categories, observed, years)


@cached(maxsize=1024)
def _package_entries(
    country: str,
    subdivisions: tuple[str, ...],
    categories: tuple[str, ...],
    observed: bool,
    years: range,
) -> Entries:
    """`_package`, kept by what the package is asked: the versions of one law's calendar, and
    its closures and half-day closings, ask the same questions."""
    found: dict[date, str] = {}
    for subdiv in subdivisions or (None,):
        with warnings.catch_warnings():
            # e.g. India's lunar holidays are tabulated for 2001-2035 only; outside, none are listed.
            warnings.simplefilter("ignore")
            obj = _package_class(country)(
                years=years, subdiv=subdiv, categories=categories, observed=observed
            )
        _merge(found, dict(obj.items()))
    return MappingProxyType(found)


def _merge(into: dict[date, str], new: Mapping[date, str]) -> None:
    for d, name in new.items():
        if d in into and name not in into[d].split("; "):
            into[d] = f"{into[d]}; {name}"
        else:
            into.setdefault(d, name)


def _without(entries: Mapping[date, str], names: tuple[str, ...]) -> dict[date, str]:
    """`entries` less the holidays called `names` (and their "(observed)" dates); a day that
    also has another holiday keeps that one."""
    out: dict[date, str] = {}
    for d, name in entries.items():
        kept = [p for p in name.split("; ") if p.removesuffix(" (observed)") not in names]
        if kept:
            out[d] = "; ".join(kept)
    return out


def _is_half_day(name: str) -> bool:
    low = name.lower()
    return "half-day" in low or "half day" in low


# --------------------------------------------------------------------------------------------
# The variants, a block of years at a time

#: Years per call to the package (and per growth of a calendar's index): a few years' requests
#: need one or two blocks.
BLOCK = 5


def _holidays(spec: CalendarSpec, observed: bool, years: range) -> Entries:
    if not spec.country:
        return {}
    found = _package(spec, spec.categories, observed, years)
    return _without(found, spec.exclude) if spec.exclude else found


def _sunday_only(spec: CalendarSpec, years: range) -> dict[date, str]:
    """The holidays, and the package's Monday for a Sunday holiday (``monday`` mode: also a
    Monday for a Saturday holiday)."""
    found = _holidays(spec, True, years)
    strict: dict[date, str] = {}
    for y in (years[0] - 1, *years):
        strict.update(entries(spec, "strict", y))
    out = {
        d: n
        for d, n in found.items()
        if d in strict or (d.weekday() == 0 and d - timedelta(days=1) in strict)
    }
    if spec.observed == "monday":
        for d, n in strict.items():
            moved = shifted(d, "monday")
            if moved is not None and moved.year in years:
                out.setdefault(moved, f"{n} (observed)")
    return out


def _closures(spec: CalendarSpec, years: range, half_days: bool) -> dict[date, str]:
    if not spec.country or not spec.closure_categories:
        return {}
    raw = _package(spec, spec.closure_categories, True, years)
    out: dict[date, str] = {}
    for d, name in raw.items():
        holiday = d.year in years and d in entries(spec, "observed", d.year)
        if d.year in years and not holiday and _is_half_day(name) == half_days:
            out[d] = name
    return out


def _inauguration(spec: CalendarSpec, years: range) -> dict[date, str]:
    """5 U.S.C. § 6103(c): Inauguration Day (Jan 20, or Jan 21 when the 20th is a Sunday). The
    package carries it only under subdivision DC, mixed with DC's own holidays."""
    if not spec.country or not spec.inauguration:
        return {}
    dc = CalendarSpec(country=spec.country, subdivisions=("DC",))
    out: dict[date, str] = {}
    for d, name in _package(dc, ("public",), True, years).items():
        hits = [p.strip() for p in name.split(";") if p.strip().startswith("Inauguration Day")]
        if hits:
            out[d] = hits[0]
    return out


def _extra(spec: CalendarSpec, years: range) -> dict[date, str]:
    out: dict[date, str] = {}
    for rule in spec.extra:
        for y in years:
            for d in rule.dates(y):
                out.setdefault(d, rule.name)
    return out


def _variant(spec: CalendarSpec, variant: Variant, years: range) -> Entries:
    if variant == "strict":
        return _holidays(spec, False, years)
    if variant == "sunday" or (variant == "observed" and spec.observed in ("sunday", "monday")):
        return _sunday_only(spec, years) if spec.country else {}
    if variant == "observed":
        return _holidays(spec, True, years)
    if variant in ("closures", "half_days"):
        return _closures(spec, years, half_days=variant == "half_days")
    if variant == "inauguration":
        return _inauguration(spec, years)
    if variant == "extra":
        return _extra(spec, years)
    raise ValueError(f"unknown entry variant {variant!r}")


@cached(maxsize=2048)
def _block(spec: CalendarSpec, variant: Variant, first: int) -> tuple[Entries, ...]:
    """The entries of `variant` for the `BLOCK` years from `first`, one read-only mapping a
    year."""
    years = range(first, first + BLOCK)
    found = _variant(spec, variant, years)
    by_year: list[dict[date, str]] = [{} for _ in years]
    for d, name in found.items():
        if d.year in years:
            by_year[d.year - first][d] = name
    return tuple(MappingProxyType(e) for e in by_year)


def entries(spec: CalendarSpec, variant: Variant, year: int) -> Entries:
    """The non-working days of `variant` in `year`: day -> name."""
    return _block(spec, variant, year - year % BLOCK)[year % BLOCK]
