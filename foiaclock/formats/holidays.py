"""`foiaclock holidays`: the non-working days (other than weekends) a calendar skips, with their
source, as text or JSON."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from ..calendar import Policy, YearDays
from ..dates import fmt_day
from ..law import Jurisdiction
from .as_json import dumps


def policy_words(j: Jurisdiction, pol: Policy) -> str:
    """The calendar's policy in words."""
    words = [f"{'observed' if pol.observed else 'strict legal'} holiday dates"]
    if j.calendar.closure_categories:
        words.append(
            f"closure orders {'non-working' if pol.closures else 'counted as working days'}"
        )
    if j.calendar.inauguration:
        words.append(
            f"Inauguration Day {'a holiday (DC area)' if pol.dc_area else 'a working day'}"
        )
    if "saturday_shift" in j.contested and pol.observed:
        words.append(
            "Saturday holidays observed on Friday" if pol.saturday_shift else "Sunday holidays only"
        )
    return "; ".join(words)


def as_json(j: Jurisdiction, pol: Policy, years: Sequence[YearDays]) -> str:
    data: dict[str, Any] = {
        "schema_version": 1,
        "jurisdiction": j.code,
        "policy": {
            "observed": pol.observed,
            "closures": pol.closures,
            "dc_area": pol.dc_area,
            "saturday_shift": pol.saturday_shift,
        },
        "days": [
            {
                "date": x.day.isoformat(),
                "name": x.name,
                "kind": x.kind,
                "working_day": x.kind == "half_day",
                "source": x.source,
            }
            for y in years
            for x in y.days
        ],
    }
    return dumps(data)


def as_text(j: Jurisdiction, pol: Policy, years: Sequence[YearDays]) -> str:
    lines = textwrap.wrap(
        f"{j.name} ({j.code}): {policy_words(j, pol)}", 100, subsequent_indent="  "
    )
    if j.calendar.citation:
        lines.extend(textwrap.wrap(f"Calendar: {j.calendar.citation}", 100, subsequent_indent="  "))
    for y in years:
        lines.append("")
        lines.extend(_year(j, y))
    return "\n".join(lines) + "\n"


def _year(j: Jurisdiction, y: YearDays) -> list[str]:
    days = y.days
    off = [x for x in days if x.kind != "half_day"]
    lines = [f"{y.year}: {len(off)} holidays and closures"]
    if y.changes:
        on = ", ".join(fmt_day(d) for d in y.changes)
        lines[0] += f" (each day under the calendar then in force; it changed on {on})"
    name_w = min(max([len(x.name) for x in days] + [4]), 44)
    kind_w = max([len(x.kind) for x in off] + [4])
    for x in days:
        name = x.name if len(x.name) <= name_w else x.name[: name_w - 1] + "…"
        if x.kind == "half_day":
            lines.append(f"  {fmt_day(x.day)}  {name:<{name_w}}  a working day (half-day closing)")
            continue
        src = f"  [{x.source}]" if x.source and x.source != j.calendar.citation else ""
        line = f"  {fmt_day(x.day)}  {name:<{name_w}}  {x.kind:<{kind_w}}"
        if len(line) + len(src) > 100:  # the source on a line of its own, indented
            lines.extend([line.rstrip(), f"{'':18}{src.strip()}"])
        else:
            lines.append(f"{line}{src}".rstrip())
    return lines
