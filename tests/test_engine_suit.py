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


def test_after_the_cut_off_reading() -> None:
    """Received Fri 2026-11-20 at 17:42. Day 0 = 11/20: 11/23-25 (3), Thu 11/26 Thanksgiving,
    11/27 (4), 11/30-12/4 (9), 12/7-11 (14), 12/14-18 (19), Mon 12/21 (20). Read with a 5 p.m.
    cut-off (EPA, 40 CFR 2.104(a)(2)) it was received Mon 11/23: due Tue 12/22; with the receipt
    day as day 1 (Interior), Fri 12/18. The agency may have all of Tue 12/22, so a suit is
    possible from Wed 12/23, and search fees are barred only once 12/22 has passed."""
    request = Request(received=datetime(2026, 11, 20, 17, 42, tzinfo=NY))
    d = compute(request, as_of=date(2026, 12, 22))
    assert d.due == date(2026, 12, 21)
    assert d.window is not None
    assert (d.window.earliest, d.window.latest) == (date(2026, 12, 18), date(2026, 12, 22))
    assert d.may_sue_from == date(2026, 12, 23)
    assert d.search_fees_barred is False, "12/22 may still be within the time limit"
    assert compute(request, as_of=date(2026, 12, 23)).search_fees_barred is True


def test_with_the_cut_off_chosen_the_window_closes() -> None:
    """Choosing the 17:00 cut-off makes it the reading: due Tue 12/22, and the only other reading
    that could move it (the receipt day as day 1) is earlier, so the suit date is Wed 12/23 still."""
    request = Request(
        received=datetime(2026, 11, 20, 17, 42, tzinfo=NY), options=Options(cutoff="17:00")
    )
    d = compute(request, as_of=date(2026, 12, 1))
    assert d.due == date(2026, 12, 22)
    assert d.may_sue_from == date(2026, 12, 23)


#: Each contested federal reading set one way, and all of them at once (federal-foia.md § 3-4).
READINGS = [
    Options(observed=False),
    Options(closures=False),
    Options(dc_area=True),
    Options(receipt_day_counts=True),
    Options(cutoff="17:00"),
    Options(misrouted_unit="calendar"),
    Options(observed=False, closures=False, dc_area=True, cutoff="17:00"),
]


@settings(max_examples=60, deadline=None)
@given(
    received=st.dates(min_value=date(2009, 1, 1), max_value=date(2030, 12, 31)),
    hour=st.integers(min_value=0, max_value=23),
    extension=st.booleans(),
    pause=st.one_of(st.none(), st.tuples(st.integers(1, 15), st.integers(1, 20))),
)
def test_the_suit_date_is_after_every_reading(
    received: date, hour: int, extension: bool, pause: tuple[int, int] | None
) -> None:
    """Whatever reading a court takes, the agency's time has run out by the day before the
    suit date: each reading, counted on its own, is due before it."""
    tolls: tuple[Toll, ...] = ()
    if pause is not None:
        start = received + timedelta(days=pause[0])
        tolls = (Toll(start=start, end=start + timedelta(days=pause[1])),)
    at = datetime(received.year, received.month, received.day, hour, tzinfo=NY)
    request = Request(received=at, extension=extension, tolls=tolls)
    d = compute(request, as_of=date(2031, 6, 1))
    assert d.due is not None and d.may_sue_from is not None
    for options in READINGS:
        other = compute(dataclasses.replace(request, options=options), as_of=date(2031, 6, 1))
        assert other.due is not None and other.due < d.may_sue_from, options
    latest = d.window.latest if d.window is not None else d.due
    assert d.may_sue_from == latest + timedelta(days=1)
