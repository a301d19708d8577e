"""`Entry`s -> the text of a requests file, each request's lines remembered (so that a check
that fails on a line names the row it came from)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .rows import Converted, Entry

#: The order keys are written in (the README's order).
ORDER = ("id", "agency", "subject", "tracking", "jurisdiction", "received", "first_received",
         "postmarked", "acknowledged", "extension", "expedited", "estimated_completion", "responded", "adverse", "via",
         "track",
         "target_days", "fee_exception", "contact", "notes")  # fmt: skip
APPEAL = ("filed", "received", "decided")


def toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return toml_string(str(value))


@dataclass(frozen=True)
class Rendered:
    text: str
    spans: tuple[tuple[int, int, Entry], ...]  # (first line, last line, entry), 1-based


def render(converted: Converted, source: str, jurisdiction: str, rows: int) -> Rendered:
    n = len(converted.entries)
    lines = [
        f"# Requests imported by foiaclock from {source}: {n} request{'s' if n != 1 else ''} "
        f"from {rows} row{'s' if rows != 1 else ''}.",
    ]
    if converted.rejected:
        lines.append(f"# {len(converted.rejected)} not imported: listed at the end of this file.")
    if converted.sent_column:
        lines += [
            f"# received = the sheet's {converted.sent_column!r}: the day each request was sent,",
            "# counted as the day the agency received it. Where an agency received one later,",
            "# change its received (foiaclock counts from the agency's receipt).",
        ]
    if jurisdiction:
        lines += ["", "[defaults]", f"jurisdiction = {toml_string(jurisdiction)}"]
    spans = []
    for entry in converted.entries:
        lines += ["", f"# {entry.where} of {source}"]
        first = len(lines) + 1
        lines.append("[[request]]")
        values = dict(entry.values)
        if entry.notes:
            values["notes"] = "; ".join(
                [*([str(values["notes"])] if "notes" in values else []), *entry.notes]
            )
        lines += [f"{k} = {toml_value(values[k])}" for k in ORDER if k in values]
        appeal = [(k, values[f"appeal.{k}"]) for k in APPEAL if f"appeal.{k}" in values]
        if appeal:
            lines += ["[request.appeal]", *(f"{k} = {toml_value(x)}" for k, x in appeal)]
        spans.append((first, len(lines), entry))
    if converted.rejected:
        lines += ["", "# Not imported:"]
        lines += [f"#   {r.where}: {' '.join(r.reason.split())}" for r in converted.rejected]
    return Rendered("\n".join(lines) + "\n", tuple(spans))
