"""Which law a request is counted under, and why: the jurisdiction it names; else the regulation
of the federal agency its `agency` names (`foiaclock.law.agencies`); else the federal statute.
An agency's regulation applies from the day its Federal Register rule took effect: a request
received earlier is counted under the entry the regulation is built on (the statute)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from ..caching import cached
from ..law import Jurisdiction, get_jurisdiction
from ..law.agencies import recognise
from ..models import Request
from .case import local_day

#: National codes that are also a US state's postal abbreviation: a requester may mean the state.
_POSTAL_TWINS = {"ca": ("California", "us-ca"), "in": ("Indiana", "us-in")}


class LawOf(NamedTuple):
    """The law chosen for a request."""

    law: Jurisdiction
    reason: str
    """Why, in words: "the agency 'ICE' is U.S. Immigration and Customs Enforcement, a component
    of the Department of Homeland Security: 6 CFR part 5, subpart A"."""
    warnings: tuple[str, ...] = ()


def law_of(request: Request, custom: Mapping[str, Jurisdiction] | None = None) -> LawOf:
    """The law `request` is counted under (`custom`: a requests file's own jurisdictions)."""
    warnings: list[str] = []
    if request.jurisdiction:
        law = get_jurisdiction(request.jurisdiction, custom)
        reason = f"jurisdiction {law.code!r}, as named"
        state = _POSTAL_TWINS.get(law.code) if law.code not in (custom or {}) else None
        if state is not None:
            warnings.append(
                f"jurisdiction {request.jurisdiction!r} is {law.name}, not a US state: for "
                f"{state[0]} write {state[1]!r}"
            )
    else:
        law, reason = _by_agency(request, warnings)
    day = local_day(request.received, law.timezone)
    return _in_force(law, reason, day, custom, warnings)


def _by_agency(request: Request, warnings: list[str]) -> tuple[Jurisdiction, str]:
    if not request.agency:
        return get_jurisdiction("us"), "no jurisdiction or agency named: the federal statute"
    code, reason, warning = _agency_law(request.agency)
    if warning:
        warnings.append(warning)
    return get_jurisdiction(code), reason


@cached(maxsize=4096)
def _agency_law(agency: str) -> tuple[str, str, str]:
    """The law an `agency` name chooses: its code, why, and a warning ("" for none). Kept per
    name: a file names few agencies, each many times."""
    match = recognise(agency)
    if match.ambiguous:
        warning = (
            f"{match.describe()}: counted under the federal statute; set jurisdiction "
            "(`foiaclock jurisdictions` lists the agencies) to use an agency's regulation"
        )
        return "us", f"{match.describe()}: the federal statute", warning
    if not match.code:
        return "us", f"{match.describe()}: the federal statute", ""
    law = get_jurisdiction(match.code)
    regulation = law.regulation.citation if law.regulation else law.citation
    return law.code, f"{match.describe()}: its regulation, {regulation}", ""


def _in_force(
    law: Jurisdiction,
    reason: str,
    day: date,
    custom: Mapping[str, Jurisdiction] | None,
    warnings: list[str],
) -> LawOf:
    """`law`, or the entry it is built on when its regulation took effect after `day`."""
    reg = law.regulation
    while reg is not None and reg.since is not None and day < reg.since and law.base:
        base = get_jurisdiction(law.base, custom)
        rule = f" ({reg.rule})" if reg.rule else ""
        reason += (
            f"; received before {reg.citation}{rule} took effect on {reg.since}: counted under "
            f"{base.code!r} ({base.citation})"
        )
        law, reg = base, base.regulation
    return LawOf(law, reason, tuple(warnings))
