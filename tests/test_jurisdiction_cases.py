"""Every hand-counted row of tests/cases/*.toml, run through the engine.

The rows were counted by hand on printed month calendars (see tests/cases/README.md); each carries
the reason it exists and the count itself.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import foiaclock
from foiaclock import Appeal, Request, Toll, TollKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).parent / "cases"
_KEYS = {
    "jurisdiction",
    "received",
    "due",
    "reason",
    "extension",
    "track",
    "via",
    "acknowledged",
    "acknowledgement_due",
    "responded",
    "adverse",
    "as_of",
    "appeal_by",
    "appeal_received",
    "appeal_due",
    "source",
    "target_days",
    "target",
    "first_received",
    "postmarked",
    "tolls",
    "tolled_days",
    "other",
}
_TOLL_KEYS = {"start", "end", "kind", "disputed"}


def _tolls(row: dict[str, Any]) -> tuple[Toll, ...]:
    """A row's pauses: ``tolls = [{ start = ..., end = ..., kind = "fee" }]``."""
    out = []
    for t in row.get("tolls", []):
        assert set(t) <= _TOLL_KEYS, f"unknown pause keys {set(t) - _TOLL_KEYS}"
        kind = TollKind(t.get("kind", "information"))
        out.append(
            Toll(start=t["start"], end=t.get("end"), kind=kind, disputed=t.get("disputed", False))
        )
    return tuple(out)


def _check_other(row: dict[str, Any], result: foiaclock.Deadline) -> None:
    """A row's further dates: ``other = [{ label = "...", due = DATE or "none" }]``, each matched
    by its label to one of the law's (`Deadline.other`)."""
    got = {c.label: c.due for c in result.other}
    for expected in row.get("other", []):
        assert set(expected) == {"label", "due"}, "an other date gives its label and due"
        assert expected["label"] in got, f"no further date {expected['label']!r}: {sorted(got)}"
        due = None if expected["due"] == "none" else expected["due"]
        assert got[expected["label"]] == due, (expected["label"], row["reason"])


def _rows() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, row in enumerate(data["case"], 1):
            out.append(pytest.param(row, id=f"{path.stem}-{i}-{row['jurisdiction']}"))
    return out


@pytest.mark.parametrize("row", _rows())
def test_case(row: dict[str, Any]) -> None:
    assert set(row) <= _KEYS, f"unknown keys {set(row) - _KEYS}"
    assert row.get("reason"), "every row says why it exists"
    received = row["received"]
    assert isinstance(received, (date, datetime))
    request = Request(
        received=received,
        jurisdiction=row["jurisdiction"],
        extension=row.get("extension"),
        track=row.get("track"),
        via=row.get("via"),
        acknowledged=row.get("acknowledged"),
        first_received=row.get("first_received"),
        postmarked=row.get("postmarked"),
        tolls=_tolls(row),
        responded=row.get("responded"),
        adverse=row.get("adverse"),
        appeal=Appeal(received=row["appeal_received"]) if "appeal_received" in row else None,
        target_days=row.get("target_days"),
    )
    facts = [row[k] for k in ("responded", "appeal_received") if k in row]
    facts += [d for t in request.tolls for d in (t.start, t.end) if d is not None]
    as_of = row.get("as_of", max(facts, default=date(2000, 1, 1)))
    result = foiaclock.compute(request, as_of=as_of)
    if "appeal_due" in row:
        assert result.appeal is not None, row["reason"]
        assert result.appeal.due == row["appeal_due"], row["reason"]
    if "appeal_by" in row:
        expected_by = None if row["appeal_by"] == "none" else row["appeal_by"]
        assert result.appeal_by == expected_by, row["reason"]
    if "target" in row:
        # A law with no fixed time: the user's target of `target_days` working days shows the
        # jurisdiction's calendar (a row for a holiday of a state without a deadline).
        assert "target_days" in row, "a target row gives its target_days"
        assert result.target == row["target"], row["reason"]
    _check_other(row, result)
    if "tolled_days" in row:
        assert result.tolled_days == row["tolled_days"], row["reason"]
    if "due" not in row:
        assert {"appeal_by", "appeal_due", "target", "other"} & set(row), (
            "a row checks at least one date"
        )
        return
    expected = row["due"]
    if expected == "none":
        assert result.due is None, row["reason"]
        return
    assert result.due == expected, row["reason"]
    if "acknowledgement_due" in row:
        assert result.acknowledgement_due == row["acknowledgement_due"], row["reason"]


def test_every_fixed_deadline_jurisdiction_has_two_cases() -> None:
    counts: dict[str, int] = {}
    for p in _rows():
        row = p.values[0]
        counts[row["jurisdiction"].lower()] = counts.get(row["jurisdiction"].lower(), 0) + 1
    missing = [
        j.code
        for j in foiaclock.all_jurisdictions()
        if j.has_fixed_deadline and counts.get(j.code, 0) < 2 and j.code != "us"
    ]
    assert not missing, f"fewer than two hand-counted cases: {missing}"
