"""The shipped rule data: complete, cited, loadable, and in sync with the README."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import holidays
import pytest

import foiaclock
from foiaclock.errors import UnknownJurisdictionError
from foiaclock.law import all_jurisdictions, codes, get_jurisdiction

sys.path.insert(0, str(Path(__file__).parent))
import regen_readme

STATES = [
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
    "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny",
    "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv",
    "wi", "wy",
]  # fmt: skip
NATIONAL = ["uk", "uk-sct", "ie", "ca", "au", "nz", "in", "eu"]


def test_every_jurisdiction_is_there() -> None:
    agencies = {
        "us.cia", "us.dhs", "us.doc", "us.dod", "us.doe", "us.doi", "us.doj", "us.dol", "us.dot", "us.ed",
        "us.dos", "us.epa", "us.frb", "us.ftc", "us.hhs", "us.hud", "us.nara", "us.nasa", "us.nrc", "us.sec", "us.ssa",
        "us.treas", "us.usda", "us.usps", "us.va",
    }  # fmt: skip
    expected = {"us", "us-dc", *(f"us-{s}" for s in STATES), *NATIONAL, *agencies}
    assert len(STATES) == 50
    assert set(codes()) == expected


@pytest.mark.parametrize("code", codes())
def test_entry_is_complete_and_cited(code: str) -> None:
    j = get_jurisdiction(code)
    assert j.name and j.law and j.citation
    spec = j.calendar
    assert spec.country or spec.extra, "a known holiday calendar"
    if spec.country:
        known = holidays.country_holidays(spec.country)
        assert set(spec.subdivisions) <= set(known.subdivisions)
    clocks = [*j.response, *j.acknowledgement, *j.extension, *j.appeal, *j.appeal_window]
    clocks += [*j.expedited, *j.other] + [c for _, versions in j.tracks for c in versions]
    for clock in clocks:
        assert clock.citation.strip(), f"{code}: a clock without a citation"
    for _kind, rule in j.tolling:
        assert rule.citation.strip()
    # The calendar builds, and a date can be counted.
    cal = foiaclock.calendar_for(code)
    assert cal.add_working_days(date(2024, 1, 2), 10) > date(2024, 1, 2)


def test_unverified_entries_match_the_reference() -> None:
    unverified = {j.code for j in all_jurisdictions() if not j.verified}
    # Rows the reference (jurisdictions.md) marks "verify", and the EU holiday list.
    assert {"us-al", "us-mt", "us-sc", "us-vt"} <= unverified


def test_codes_are_case_insensitive() -> None:
    assert get_jurisdiction("US-NY") is get_jurisdiction("us-ny")
    with pytest.raises(UnknownJurisdictionError, match="did you mean 'us-ny'"):
        get_jurisdiction("us-nyy")


def test_kentucky_rule_in_force_on_receipt() -> None:
    ky = get_jurisdiction("us-ky")
    old = ky.clock("response", date(2020, 3, 29))
    emergency = ky.clock("response", date(2021, 6, 28))
    after = ky.clock("response", date(2021, 6, 29))
    assert old is not None and (old.days, old.unit) == (3, "working")
    assert emergency is not None and (emergency.days, emergency.unit) == (10, "calendar")
    assert after is not None and (after.days, after.unit) == (5, "working")


def test_no_deadline_law_reports_none_and_a_target() -> None:
    r = foiaclock.compute(
        foiaclock.Request(received=date(2024, 3, 1), jurisdiction="us-fl", target_days=10),
        as_of=date(2024, 3, 4),
    )
    assert r.due is None and r.status.value == "no deadline"
    # Fri 2024-03-01 + 10 working days: Mar 4-8 (5), 11-15 (10); no Florida holiday in between.
    assert r.target == date(2024, 3, 15)


def test_readme_table_is_in_sync() -> None:
    text = regen_readme.README.read_text(encoding="utf-8")
    assert regen_readme.rewrite(text) == text, "run: python tests/regen_readme.py"


def test_every_data_file_is_one_jurisdiction_named_by_its_code() -> None:
    """foiaclock/law/data/CODE.toml holds the entry CODE (lower case), and nothing else is there
    but the format's README."""
    from importlib import resources

    names = sorted(p.name for p in (resources.files("foiaclock.law") / "data").iterdir())
    assert [n for n in names if not n.endswith(".toml")] == ["README.md"]
    assert sorted(f"{c}.toml" for c in codes()) == [n for n in names if n.endswith(".toml")]
    assert all(c == c.lower() for c in codes())


def test_every_unverified_entry_is_flagged_by_the_command() -> None:
    from click.testing import CliRunner

    from foiaclock.cli import cli

    out = CliRunner().invoke(cli, ["jurisdictions"]).output
    blocks: dict[str, str] = {}
    code = ""
    for line in out.splitlines()[1:]:
        if line and not line.startswith(" "):
            code = line.split()[0]
        if code:
            blocks[code] = blocks.get(code, "") + line + "\n"
    for j in all_jurisdictions():
        assert ("(unverified)" in blocks[j.code]) == (not j.verified), j.code
    assert max(len(line) for line in out.splitlines()) <= 100


@pytest.mark.parametrize("code", [j.code for j in all_jurisdictions() if j.calendar.exclude])
def test_every_excluded_holiday_exists_in_the_package(code: str) -> None:
    """An `exclude` name that matched nothing would silently leave the holiday in."""
    spec = get_jurisdiction(code).calendar
    names: set[str] = set()
    for sub in spec.subdivisions or (None,):
        entries = holidays.country_holidays(
            spec.country, subdiv=sub, years=range(2015, 2031), categories=spec.categories
        )
        for name in entries.values():
            names |= {p.replace(" (observed)", "") for p in name.split("; ")}
    missing = [n for n in spec.exclude if n not in names]
    assert not missing, f"{code}: the package has no holiday named {missing}"
