"""The window (`foiaclock.engine.window`): which reading moves each end, on the quick path (a
request counted from the calendars alone) and on the full count, and which requests may take the
quick path at all.

Every date was counted by hand on printed calendars. June-August 2026: Mon 6/22, Mon 6/29,
Wed 7/1, Fri 7/3 (Independence Day, Saturday 7/4, observed on the Friday before: a federal
holiday on the observed reading, a working day on the strict one), Mon 7/6, 7/13, 7/20, 7/27,
Mon 8/3. March-April 2024: Mon 3/4, 3/11, 3/18, 3/25, Mon 4/1; no federal holiday or closure in
those weeks. Each row says how.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from _laws import law

from foiaclock import Appeal, Options, Request, Toll, TollKind, compute, explain
from foiaclock.law import Jurisdiction
from foiaclock.results import Window

FAR = date(2100, 1, 1)
NEW_YORK = ZoneInfo("America/New_York")


def window_of(request: Request, *laws: Jurisdiction) -> tuple[date | None, Window | None]:
    d = compute(request, as_of=FAR, jurisdictions={j.code: j for j in laws})
    return d.due, d.window


def test_the_observed_reading_moves_the_earliest_end_of_a_plain_federal_request() -> None:
    """Received Mon 6/22/2026. Observed dates: 6/23-26 (4), 6/29-7/2 (8), Fri 7/3 skipped, 7/6-10
    (13), 7/13-17 (18), Mon 7/20 (19), Tue 7/21 (20). The strict dates count Fri 7/3: Mon 7/20.
    Nothing moves the latest end (no Inauguration Day in 2026)."""
    due, window = window_of(Request(received=date(2026, 6, 22)))
    assert due == date(2026, 7, 21)
    assert window is not None
    assert (window.earliest, window.latest) == (date(2026, 7, 20), date(2026, 7, 21))
    assert (window.earliest_options, window.latest_options) == (("observed",), ())


@pytest.mark.parametrize(
    ("options", "due", "earliest", "latest", "early_by", "late_by", "reason"),
    [
        (
            None,
            date(2026, 7, 20),
            date(2026, 7, 17),
            date(2026, 7, 21),
            {"observed"},
            {"receipt_day_counts"},
            "Interior's regulation counts the receipt day as day 1 (43 CFR 2.16(a)): Mon 6/22 (1), "
            "6/23-26 (5), 6/29-7/2 (9), Fri 7/3 skipped, 7/6-10 (14), 7/13-17 (19), Mon 7/20 (20). "
            "The strict dates count 7/3: Fri 7/17. The statute's reading (day 1 after the "
            "receipt): Tue 7/21",
        ),
        (
            Options(receipt_day_counts=False),
            date(2026, 7, 21),
            date(2026, 7, 17),
            date(2026, 7, 21),
            {"observed", "receipt_day_counts"},
            set(),
            "The statute's reading chosen: due Tue 7/21 as for the statute; the earliest end takes "
            "both other readings, the receipt day as day 1 and the strict dates: Fri 7/17. Each "
            "alone gives Mon 7/20, so both are credited",
        ),
    ],
)
def test_the_receipt_day_reading_on_the_quick_path(
    options: Options | None,
    due: date,
    earliest: date,
    latest: date,
    early_by: set[str],
    late_by: set[str],
    reason: str,
) -> None:
    request = Request(received=date(2026, 6, 22), jurisdiction="us.doi", options=options)
    got_due, window = window_of(request)
    assert got_due == due, reason
    assert window is not None
    assert (window.earliest, window.latest) == (earliest, latest), reason
    assert set(window.earliest_options) == early_by, reason
    assert set(window.latest_options) == late_by, reason


def test_a_request_after_the_cut_off_under_the_statute_reading_of_a_cut_off_agency() -> None:
    """The Department of Energy counts a request delivered after hours as received the next
    working day (10 CFR 1004.4(a), 5 p.m. assumed). With the statute's reading chosen (no
    cut-off), one received Mon 3/4/2024 at 17:30 counts from Mon 3/4: due Mon 4/1; the other
    reading, the 5 p.m. cut-off, counts it from Tue 3/5: Tue 4/2."""
    request = Request(
        received=datetime(2024, 3, 4, 17, 30, tzinfo=NEW_YORK),
        jurisdiction="us.doe",
        options=Options(cutoff=False),
    )
    due, window = window_of(request)
    assert due == date(2024, 4, 1)
    assert window is not None
    assert (window.earliest, window.latest) == (date(2024, 4, 1), date(2024, 4, 2))
    assert window.latest_options == ("cutoff",)


def test_an_interior_appeal_is_counted_from_its_arrival_under_every_reading() -> None:
    """An appeal received Mon 3/4/2024 by Interior: 20 working days after it, Mon 4/1. The
    receipt-day rule of 43 CFR 2.16(a) is for requests: the appeal's window shows no earlier date
    (no holiday or closure falls in March 2024 for the calendar readings to move)."""
    request = Request(
        received=date(2024, 1, 8),
        jurisdiction="us.doi",
        responded=date(2024, 2, 1),
        adverse=True,
        appeal=Appeal(filed=date(2024, 3, 4), received=date(2024, 3, 4)),
    )
    d = compute(request, as_of=date(2024, 3, 10))
    assert d.appeal is not None and d.appeal.window is not None
    assert d.appeal.due == date(2024, 4, 1)
    assert (d.appeal.window.earliest, d.appeal.window.latest) == (
        date(2024, 4, 1),
        date(2024, 4, 1),
    )
    assert d.appeal.window.earliest_options == ()


def test_an_appeal_window_moved_by_the_observed_reading() -> None:
    """A federal appeal received Mon 6/22/2026: 20 working days on the observed dates, Tue 7/21
    (as the request above); on the strict dates Fri 7/3 counts: Mon 7/20."""
    request = Request(
        received=date(2026, 4, 1),
        responded=date(2026, 5, 1),
        adverse=True,
        appeal=Appeal(filed=date(2026, 6, 22), received=date(2026, 6, 22)),
    )
    d = compute(request, as_of=date(2026, 6, 23))
    assert d.appeal is not None and d.appeal.window is not None
    assert d.appeal.due == date(2026, 7, 21)
    assert (d.appeal.window.earliest, d.appeal.window.latest) == (
        date(2026, 7, 20),
        date(2026, 7, 21),
    )
    assert d.appeal.window.earliest_options == ("observed",)


# --------------------------------------------------------------------------------------------
# Which requests the quick path may count: each row's window differs from what counting from the
# calendars alone would give.


def test_a_calendar_day_clock_is_counted_in_full() -> None:
    """10 calendar days from Thu 3/7/2024: Sun 3/17, rolled to Mon 3/18, under every reading (no
    holiday in March). Counted as 10 working days it would be Thu 3/21."""
    j = law("cal-law", response={"days": 10, "unit": "calendar", "roll": True, "citation": "X § 1"})
    due, window = window_of(Request(received=date(2024, 3, 7), jurisdiction="cal-law"), j)
    assert due == date(2024, 3, 18)
    assert window is not None
    assert (window.earliest, window.latest) == (date(2024, 3, 18), date(2024, 3, 18))


@pytest.mark.parametrize(
    ("fields", "due", "earliest", "reason"),
    [
        (
            {"response": {"days": 4, "unit": "weeks", "citation": "X § 1"}},
            date(2026, 7, 21),
            date(2026, 7, 20),
            "4 weeks of 5 working days, 20 working days from Mon 6/22/2026, as the federal request "
            "above: Tue 7/21; on the strict dates Mon 7/20",
        ),
        (
            {
                "response": {"days": 10, "unit": "working", "citation": "X § 1"},
                "extension": {"days": 10, "unit": "calendar", "roll": True, "citation": "X § 2"},
            },
            date(2026, 7, 17),
            date(2026, 7, 16),
            "10 working days from Mon 6/22: 6/23-26 (4), 6/29-7/2 (8), 7/6 (9), Tue 7/7 (10); 10 "
            "calendar days more: Fri 7/17. On the strict dates Fri 7/3 counts: Mon 7/6, then Thu "
            "7/16 (counted as 20 working days it would be Tue 7/21)",
        ),
        (
            {
                "response": {"days": 10, "unit": "working", "citation": "X § 1"},
                "extension": {
                    "days": 15,
                    "unit": "working",
                    "from": "received",
                    "citation": "X § 2",
                },
            },
            date(2026, 7, 14),
            date(2026, 7, 13),
            "an extension of 15 working days from day 0, Mon 6/22: 6/23-26 (4), 6/29-7/2 (8), 7/6-10 "
            "(13), 7/13 (14), Tue 7/14 (15); on the strict dates 7/3 counts: Mon 7/13 (counted as "
            "10 + 15 working days from day 0 it would be in late July)",
        ),
    ],
)
def test_clocks_and_extensions_of_other_shapes(
    fields: dict[str, Any], due: date, earliest: date, reason: str
) -> None:
    j = law("shaped", **fields)
    request = Request(
        received=date(2026, 6, 22), jurisdiction="shaped", extension="extension" in fields
    )
    got_due, window = window_of(request, j)
    assert got_due == due, reason
    assert window is not None
    assert (window.earliest, window.latest) == (earliest, due), reason
    assert window.earliest_options == ("observed",), reason


@pytest.mark.parametrize(
    ("receipt", "received", "via", "reason"),
    [
        (
            {"nonworking_next_day": True, "citation": "X § 2"},
            date(2026, 7, 3),
            None,
            "received Fri 7/3/2026: on the observed dates a holiday, so received Mon 7/6",
        ),
        (
            {"electronic_next_day": True, "citation": "X § 2"},
            date(2026, 7, 2),
            "email",
            "emailed Thu 7/2/2026, received the next working day: on the observed dates Mon 7/6",
        ),
        (
            {"electronic_next_day": True, "citation": "X § 2"},
            date(2026, 7, 2),
            "fax",
            "faxed Thu 7/2/2026: the same as email",
        ),
    ],
)
def test_a_receipt_rule_is_applied_under_each_reading(
    receipt: dict[str, Any], received: date, via: str | None, reason: str
) -> None:
    """From Mon 7/6: 7/7-10 (4), 7/13-17 (9), 7/20-24 (14), 7/27-31 (19), Mon 8/3 (20). On the
    strict dates Fri 7/3 is a working day, so the request counts as received that day: 7/6-10 (5),
    13-17 (10), 20-24 (15), 27-31 (20), Fri 7/31."""
    j = law("receipt-law", receipt=receipt)
    request = Request(received=received, jurisdiction="receipt-law", via=via)  # type: ignore[arg-type]
    due, window = window_of(request, j)
    assert due == date(2026, 8, 3), reason
    assert window is not None
    assert (window.earliest, window.latest) == (date(2026, 7, 31), date(2026, 8, 3)), reason
    assert window.earliest_options == ("observed",), reason


def test_the_receipt_rules_in_force_on_the_receipt_day_decide_whom_a_cut_off_holds() -> None:
    """A law whose 17:00 cut-off held only email until 2024, and every channel since. A request
    sent by mail and received Mon 3/4/2024 at 17:30 is held: received Tue 3/5, due 20 working
    days later, Tue 4/2 (from Mon 3/4 it would be Mon 4/1)."""
    j = law(
        "cutoff-law",
        receipt=[
            {"cutoff": "17:00", "cutoff_via": ["email"], "citation": "X § 2 (2010)"},
            {"cutoff": "17:00", "since": date(2024, 1, 1), "citation": "X § 2 (2024)"},
        ],
    )
    request = Request(
        received=datetime(2024, 3, 4, 17, 30, tzinfo=NEW_YORK),
        jurisdiction="cutoff-law",
        via="mail",
    )
    due, _ = window_of(request, j)
    assert due == date(2024, 4, 2)


# --------------------------------------------------------------------------------------------
# Pauses (`foiaclock.engine.pauses`)


def test_an_extension_from_receipt_after_a_restart_runs_from_the_new_day_0() -> None:
    """A law whose information pause restarts the clock and whose extension is 30 calendar days
    from day 0. Received Mon 3/4/2024, asked Tue 3/5, answered Fri 3/8: day 0 again, Fri 3/8;
    10 working days: 3/11-15 (5), 18-22 (10), Fri 3/22. 30 calendar days from Fri 3/8: Sun 4/7,
    rolled to Mon 4/8."""
    j = law(
        "restart-law",
        response={"days": 10, "unit": "working", "citation": "X § 1"},
        extension={
            "days": 30,
            "unit": "calendar",
            "from": "received",
            "roll": True,
            "citation": "X § 2",
        },
        tolling={"information": {"mode": "restart", "citation": "X § 3"}},
    )
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="restart-law",
        extension=True,
        tolls=(Toll(start=date(2024, 3, 5), end=date(2024, 3, 8), kind=TollKind.INFORMATION),),
    )
    d = compute(request, as_of=FAR, jurisdictions={j.code: j})
    assert (d.statutory_due, d.due) == (date(2024, 3, 18), date(2024, 4, 8))


def test_a_pause_asked_and_answered_on_one_day_is_shown_with_no_day_paused() -> None:
    """Received Mon 3/4/2024; information asked and answered Wed 3/6: the day asked still counts,
    so no day is paused and the due date stays Mon 4/1 (20 working days: 3/5-8 (4), 11-15 (9),
    18-22 (14), 25-29 (19), Mon 4/1). The trail still says what became of the pause."""
    toll = Toll(start=date(2024, 3, 6), end=date(2024, 3, 6), kind=TollKind.INFORMATION)
    d = compute(Request(received=date(2024, 3, 4), tolls=(toll,)), as_of=date(2024, 5, 1))
    assert (d.due, d.tolled_days) == (date(2024, 4, 1), 0)
    (step,) = [s for s in explain(d) if s.kind == "toll"]
    assert step.day == date(2024, 3, 6)
    assert step.text.endswith(": 0 working days not counted")


def test_every_recorded_pause_is_listed_with_the_days_it_did_not_count() -> None:
    """Received Mon 3/4/2024; information asked Tue 3/5, answered Fri 3/8: 3/6, 3/7, 3/8 not
    counted (3 working days), due Mon 4/1 + 3 = Thu 4/4 (4/2, 4/3, 4/4). A fee pause asked Wed
    3/6 and answered Thu 3/7 lies inside it: it is listed, with no day of its own, and a warning
    says the days they share are paused once."""
    tolls = (
        Toll(start=date(2024, 3, 5), end=date(2024, 3, 8), kind=TollKind.INFORMATION),
        Toll(start=date(2024, 3, 6), end=date(2024, 3, 7), kind=TollKind.FEE),
    )
    d = compute(Request(received=date(2024, 3, 4), tolls=tolls), as_of=date(2024, 5, 1))
    assert (d.due, d.tolled_days) == (date(2024, 4, 4), 3)
    steps = [s for s in explain(d) if s.kind == "toll"]
    assert [(s.day, s.text.rsplit(": ", 1)[1]) for s in steps] == [
        (date(2024, 3, 5), "3 working days not counted"),
        (date(2024, 3, 6), "0 working days not counted"),
    ]
    assert any("paused once" in w for w in d.warnings)
