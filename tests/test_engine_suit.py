""" "May sue from" is never premature: the day after the latest date any reading of the law gives
(5 U.S.C. § 552(a)(6)(C)(i) runs from the time limit, whichever reading of it is right), and the
search-fee flag waits for the same day. Dates counted by hand."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from foiaclock import Options, Request, Toll, compute

NY = ZoneInfo("America/New_York")


def test_a_federal_request_after_five_has_one_date() -> None:
    """Received Fri 2026-11-20 at 17:42 by an agency with no cut-off rule. Day 0 = 11/20:
    11/23-25 (3), Thu 11/26 Thanksgiving, 11/27 (4), 11/30-12/4 (9), 12/7-11 (14), 12/14-18 (19),
    Mon 12/21 (20). The statute knows no time of day, and EPA's cut-off is EPA's rule, not a
    reading of the statute: one date, and a suit is possible from Tue 12/22."""
    request = Request(received=datetime(2026, 11, 20, 17, 42, tzinfo=NY))
    d = compute(request, as_of=date(2026, 12, 1))
    assert d.due == date(2026, 12, 21)
    assert d.window is not None and not d.window.is_wide
    assert d.may_sue_from == date(2026, 12, 22)


def test_after_epa_s_cut_off() -> None:
    """The same request to EPA: at or after 5 p.m. Eastern it counts as received Mon 11/23
    (40 CFR 2.104(a)(2)): 11/24-25 (2), 11/27 (3), 11/30-12/4 (8), 12/7-11 (13), 12/14-18 (18),
    12/21-22 (20) = Tue 12/22, the regulation's date; the statute's is Mon 12/21. The agency may
    have all of Tue 12/22, so a suit is possible from Wed 12/23, and search fees are barred only
    once 12/22 has passed."""
    request = Request(received=datetime(2026, 11, 20, 17, 42, tzinfo=NY), agency="EPA")
    d = compute(request, as_of=date(2026, 12, 22))
    assert d.jurisdiction == "us.epa"
    assert d.due == date(2026, 12, 22)
    assert d.window is not None
    assert (d.window.earliest, d.window.latest) == (date(2026, 12, 21), date(2026, 12, 22))
    assert d.may_sue_from == date(2026, 12, 23)
    assert d.search_fees_barred is False, "12/22 may still be within the time limit"
    assert compute(request, as_of=date(2026, 12, 23)).search_fees_barred is True


def test_interior_s_receipt_day_leaves_the_statute_s_date_for_the_suit() -> None:
    """The same day to Interior (no time): its regulation counts 11/20 as day 1, so 20 workdays
    end Fri 12/18 (11/20 (1), 11/23-25 (4), 11/27 (5), 11/30-12/4 (10), 12/7-11 (15), 12/14-18
    (20)); the statute's day 1 is 11/23 and its date Mon 12/21. The regulation's date is due;
    a suit waits for the statute's: from Tue 12/22."""
    d = compute(Request(received=date(2026, 11, 20), agency="National Park Service"))
    assert d.jurisdiction == "us.doi"
    assert d.due == date(2026, 12, 18)
    assert d.window is not None and d.window.latest == date(2026, 12, 21)
    assert d.may_sue_from == date(2026, 12, 22)


#: Each reading contested for every federal agency set one way, and all of them at once
#: (federal-foia.md § 3-4); Interior's and EPA's own readings are in AGENCY_READINGS.
READINGS = [
    Options(observed=False),
    Options(closures=False),
    Options(dc_area=True),
    Options(misrouted_unit="calendar"),
    Options(observed=False, closures=False, dc_area=True),
]
AGENCY_READINGS = {
    "us.doi": [Options(receipt_day_counts=False), Options(receipt_day_counts=False, dc_area=True)],
    "us.epa": [Options(cutoff=""), Options(cutoff="", dc_area=True)],
    "us.doe": [Options(cutoff="")],
}


@settings(max_examples=60, deadline=None)
@given(
    received=st.dates(min_value=date(2009, 1, 1), max_value=date(2030, 12, 31)),
    hour=st.integers(min_value=0, max_value=23),
    extension=st.booleans(),
    pause=st.one_of(st.none(), st.tuples(st.integers(1, 15), st.integers(1, 20))),
    code=st.sampled_from(["us", "us.doi", "us.epa", "us.doe", "us.dhs"]),
)
def test_the_suit_date_is_after_every_reading(
    received: date, hour: int, extension: bool, pause: tuple[int, int] | None, code: str
) -> None:
    """Whatever reading a court takes, the agency's time has run out by the day before the
    suit date: each reading, counted on its own, is due before it."""
    tolls: tuple[Toll, ...] = ()
    if pause is not None:
        start = received + timedelta(days=pause[0])
        tolls = (Toll(start=start, end=start + timedelta(days=pause[1])),)
    at = datetime(received.year, received.month, received.day, hour, tzinfo=NY)
    request = Request(received=at, extension=extension, tolls=tolls, jurisdiction=code)
    d = compute(request, as_of=date(2031, 6, 1))
    assert d.due is not None and d.may_sue_from is not None
    for options in [*READINGS, *AGENCY_READINGS.get(code, [])]:
        other = compute(dataclasses.replace(request, options=options), as_of=date(2031, 6, 1))
        assert other.due is not None and other.due < d.may_sue_from, options
    latest = d.window.latest if d.window is not None else d.due
    assert d.may_sue_from == latest + timedelta(days=1)


def _quiet(start: date, end: date) -> bool:
    """No federal holiday, observed holiday, executive-order closure or Inauguration Day from
    `start` to `end`, by the `holidays` package's own lists (not foiaclock's calendar)."""
    import holidays

    years = range(start.year, end.year + 1)
    listed = holidays.country_holidays("US", years=years, categories=("public", "government"))
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return not any(d in listed or (d.month, d.day) == (1, 20) for d in days)


@settings(max_examples=80, deadline=None)
@given(
    received=st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 10, 31)),
    agency=st.sampled_from(["ICE", "FBI", "Department of the Army", "CDC", "FAA", "NOAA", ""]),
)
def test_an_agency_without_readings_of_its_own_has_one_date(received: date, agency: str) -> None:
    """A request to an agency whose regulation adds no contested reading, with no holiday or
    closure anywhere near, has a one-day window: its due date is the only date."""
    if not _quiet(received - timedelta(days=3), received + timedelta(days=35)):
        return
    d = compute(Request(received=received, agency=agency), as_of=received)
    assert d.window is not None and d.due is not None
    assert d.window.earliest == d.window.latest == d.due
    assert d.may_sue_from == d.due + timedelta(days=1)
