"""Boundaries of the count that no other table reaches. Each date counted by hand on a printed
month calendar (Python's `calendar` module), with the holidays of the law's calendar as the
`holidays` package lists them (or the rule data's own, where it adds some); each row says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from foiaclock import (
    Appeal,
    ExtensionError,
    Options,
    Reply,
    Request,
    Status,
    Toll,
    TollError,
    calendar_for,
    compute,
    due_date,
    explain,
    today,
)
from foiaclock.calendar import ExtraRule
from foiaclock.engine import calendars, deadline
from foiaclock.errors import DateOrderError
from foiaclock.law import define_jurisdiction

FAR = date(2100, 1, 1)  # an as-of day after every fact of a row


# ---- a rule for the last weekday of a month (nth = -1) --------------------------------------


@pytest.mark.parametrize(
    ("nth", "year", "expected", "reason"),
    [
        (-1, 2024, date(2024, 5, 27), "May 2024 ends Fri 31: its last Monday is the 27th"),
        (-2, 2024, date(2024, 5, 20), "the Monday before the last"),
        (-1, 2021, date(2021, 5, 31), "May 2021 ends on a Monday: the 31st itself"),
    ],
)
def test_last_weekday_rule(nth: int, year: int, expected: date, reason: str) -> None:
    rule = ExtraRule("Last Monday of May", weekday=0, month=5, nth=nth)
    assert rule.dates(year) == [expected], reason


def test_last_weekday_of_december() -> None:
    """December's last Friday: 2024-12-27 (the 31st is a Tuesday); the rule must not look into
    January for it."""
    rule = ExtraRule("Last Friday of December", weekday=4, month=12, nth=-1)
    assert rule.dates(2024) == [date(2024, 12, 27)]


def test_a_law_whose_extra_day_is_the_last_friday_of_march() -> None:
    """A law of the file's own: the federal clock, 10 working days, and the last Friday of March
    off. Received Wed 2024-03-20: 3/21 (1), 22 (2), 25-28 (6), [Fri 3/29], 4/1-4 (10): due Thu
    2024-04-04 (without the extra day it would be Wed 4/3)."""
    law = define_jurisdiction(
        "march-agency",
        {
            "base": "us",
            "name": "March agency",
            "response": {"days": 10, "citation": "Our agreement"},
            "calendar": {
                "country": "US",
                "extra": [
                    {"name": "Last Friday of March", "month": 3, "weekday": "fri", "nth": -1}
                ],
            },
        },
    )
    request = Request(received=date(2024, 3, 20), jurisdiction="march-agency")
    d = compute(request, as_of=date(2024, 3, 20), jurisdictions={"march-agency": law})
    assert d.due == date(2024, 4, 4)
    skipped = next(st for st in explain(d) if st.day == date(2024, 3, 29))
    assert (skipped.kind, skipped.reason) == ("skip", "extra")


# ---- an extension agreed for the very day the law already allows ---------------------------


def test_an_agreed_date_equal_to_the_statutory_due_date_is_allowed() -> None:
    """Received Fri 2018-07-20, due Fri 8/17 by statute: an agreed 8/17 changes nothing but is
    allowed (it does not shorten the time); 8/16 would shorten it and is refused."""
    d = compute(Request(received=date(2018, 7, 20), extension=date(2018, 8, 17)), as_of=FAR)
    assert (d.due, d.statutory_due, d.extended) == (date(2018, 8, 17), date(2018, 8, 17), True)
    with pytest.raises(ExtensionError, match="before the date the law already allows"):
        compute(Request(received=date(2018, 7, 20), extension=date(2018, 8, 16)), as_of=FAR)


# ---- a calendar-day extension counts from the raw last day --------------------------------


@pytest.mark.parametrize(
    ("received", "due", "extended", "reason"),
    [
        (
            date(2023, 4, 10),
            date(2023, 4, 20),
            date(2023, 5, 4),
            "Mon 4/10 + 10 calendar days = Thu 4/20 (jurisdictions.md's example); + 14 = Thu 5/4",
        ),
        (
            date(2023, 11, 14),
            date(2023, 11, 27),
            date(2023, 12, 8),
            "Tue 11/14 + 10 = Fri 11/24, the day after Thanksgiving (a California holiday), "
            "rolled over the weekend to Mon 11/27. The 14 days run from the last day itself, "
            "11/24, not from the rolled 11/27: Fri 12/8 (from 11/27 it would be Mon 12/11)",
        ),
    ],
)
def test_california_extension_anchor(
    received: date, due: date, extended: date, reason: str
) -> None:
    plain = compute(Request(received=received, jurisdiction="us-ca"), as_of=FAR)
    assert plain.due == due, reason
    longer = compute(Request(received=received, jurisdiction="us-ca", extension=True), as_of=FAR)
    assert longer.due == extended, reason


# ---- clocks in hours ----------------------------------------------------------------------

EDT = timezone(timedelta(hours=-4))
IST = ZoneInfo("Asia/Kolkata")


@pytest.mark.parametrize(
    ("request_", "due", "reason"),
    [
        (
            Request(
                received=datetime(2024, 5, 10, 15, 0, tzinfo=EDT),
                jurisdiction="us-in",
                track="in_person",
            ),
            date(2024, 5, 11),
            "Indiana, in person, Fri 15:00 + 24 hours = Sat 15:00: the hours are not rolled",
        ),
        (
            Request(
                received=datetime(2024, 5, 6, 23, 30, tzinfo=EDT),
                jurisdiction="us-in",
                track="in_person",
            ),
            date(2024, 5, 7),
            "Mon 23:30 + 24 hours = Tue 23:30",
        ),
        (
            Request(received=date(2024, 5, 6), jurisdiction="us-in", track="in_person"),
            date(2024, 5, 7),
            "a date without a time: the 24 hours run from the start of the day",
        ),
        (
            Request(
                received=datetime(2024, 5, 6, 23, 30, tzinfo=IST),
                jurisdiction="in",
                track="life_liberty",
            ),
            date(2024, 5, 8),
            "India, life or liberty: Mon 23:30 + 48 hours = Wed 23:30",
        ),
    ],
)
def test_hours_clocks(request_: Request, due: date, reason: str) -> None:
    assert compute(request_, as_of=date(2024, 5, 6)).due == due, reason


# ---- a pause answered on the as-of day ----------------------------------------------------


def test_a_pause_answered_on_the_as_of_day_has_ended() -> None:
    """Received Fri 2018-07-20 (due 8/17); the agency asks Wed 7/25 and receives the answer Mon
    7/30. As of 7/30 the answer is known: 7/26, 27, 30 are not counted (3 working days), due
    8/17 + 3 = Wed 8/22 (8/20, 21, 22), and the request is open (7/31 ... 8/22: 17 working days
    left). As of 7/27 the answer had not come: paused."""
    request = Request(
        received=date(2018, 7, 20), tolls=(Toll(date(2018, 7, 25), date(2018, 7, 30)),)
    )
    on_the_day = compute(request, as_of=date(2018, 7, 30))
    assert (on_the_day.status, on_the_day.due, on_the_day.tolled_days) == (
        Status.OPEN,
        date(2018, 8, 22),
        3,
    )
    assert on_the_day.days_left == 17
    before = compute(request, as_of=date(2018, 7, 27))
    assert before.status is Status.PAUSED and before.request.tolls[0].end is None


def test_a_pause_asked_on_the_due_date_still_applies() -> None:
    """Asked on the last day, Fri 8/17, answered Tue 8/21: 8/20 and 8/21 do not count, due Tue
    8/21. Asked the day after (Sat 8/18), it cannot stop a clock that has run out."""
    on_the_day = compute(
        Request(received=date(2018, 7, 20), tolls=(Toll(date(2018, 8, 17), date(2018, 8, 21)),)),
        as_of=FAR,
    )
    assert (on_the_day.due, on_the_day.tolled_days, on_the_day.warnings) == (
        date(2018, 8, 21),
        2,
        (),
    )
    after = compute(
        Request(received=date(2018, 7, 20), tolls=(Toll(date(2018, 8, 18), date(2018, 8, 21)),)),
        as_of=FAR,
    )
    assert after.due == date(2018, 8, 17) and after.tolled_days == 0
    assert any("began after the deadline" in w for w in after.warnings)


# ---- an appeal under a law without an appeal clock ---------------------------------------


def test_an_appeal_under_a_law_that_sets_no_time_for_deciding_it() -> None:
    """Texas sets no time for deciding an appeal (the requester complains to the Attorney
    General; Gov't Code § 552.3215): the appeal clock has no due date and no status of its own
    beyond 'no deadline', or 'answered' once decided."""
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="us-tx",
        responded=date(2024, 3, 8),
        appeal=Appeal(received=date(2024, 3, 20)),
    )
    d = compute(request, as_of=date(2024, 4, 1))
    assert d.appeal is not None
    assert (d.appeal.received, d.appeal.clock_start) == (date(2024, 3, 20), date(2024, 3, 20))
    assert (d.appeal.due, d.appeal.status, d.appeal.days_left, d.appeal.may_sue_from) == (
        None,
        Status.NO_DEADLINE,
        None,
        None,
    )
    assert d.current_status is Status.NO_DEADLINE and d.current_due is None
    decided = compute(
        Request(
            received=date(2024, 3, 4),
            jurisdiction="us-tx",
            responded=date(2024, 3, 8),
            appeal=Appeal(received=date(2024, 3, 20), decided=date(2024, 3, 28)),
        ),
        as_of=date(2024, 4, 1),
    )
    assert decided.appeal is not None and decided.appeal.status is Status.ANSWERED
    notes = [st.text for st in explain(d)]
    assert "Texas sets no time for deciding an appeal" in notes


# ---- an acknowledgement on its last day, or a day late ------------------------------------


@pytest.mark.parametrize(
    ("acknowledged", "late"),
    [
        (date(2024, 4, 25), False),  # on the last day: the clock runs from it
        (date(2024, 4, 26), True),  # a day late: the clock runs from the deadline, Thu 4/25
    ],
)
def test_an_acknowledgement_on_its_last_day_or_late(acknowledged: date, late: bool) -> None:
    """Alabama: acknowledge within 10 days (Mon 2024-04-15 + 10 = Thu 4/25), then 15 business
    days from the acknowledgement: 4/26 (1), 4/29-5/3 (6), 5/6-10 (11), 5/13-16 (15): due Thu
    2024-05-16 either way; only the late one is said to be late."""
    d = compute(
        Request(received=date(2024, 4, 15), jurisdiction="us-al", acknowledged=acknowledged),
        as_of=FAR,
    )
    assert (d.acknowledgement_due, d.clock_start, d.due) == (
        date(2024, 4, 25),
        date(2024, 4, 25),
        date(2024, 5, 16),
    )
    notes = [st.text for st in explain(d) if "after its deadline" in st.text]
    assert bool(notes) is late


# ---- a pause of a calendar-day clock ------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "answered", "due", "reason"),
    [
        (
            "au",
            date(2024, 7, 12),
            date(2024, 8, 7),
            "Australia, 30 days from Mon 2024-07-01 = Wed 7/31; a charge notice Fri 7/5 paid Fri "
            "7/12: 7/6 ... 7/12 (7 days) do not count: Wed 8/7 (no holiday in the ACT then)",
        ),
        (
            "au",
            date(2024, 7, 15),
            date(2024, 8, 12),
            "paid Mon 7/15: 10 days, 7/31 + 10 = Sat 8/10, rolled to Mon 8/12 (Acts "
            "Interpretation Act s.36)",
        ),
        (
            "in",
            date(2024, 7, 15),
            date(2024, 8, 10),
            "India: the same 10 days give Sat 8/10, and India's 30 days are not rolled",
        ),
    ],
)
def test_a_fee_pause_of_a_calendar_day_clock(
    code: str, answered: date, due: date, reason: str
) -> None:
    request = Request(
        received=date(2024, 7, 1),
        jurisdiction=code,
        tolls=(Toll(date(2024, 7, 5), answered, kind="fee"),),  # type: ignore[arg-type]
    )
    d = compute(request, as_of=date(2024, 9, 1))
    assert (d.statutory_due, d.due) == (date(2024, 7, 31), due), reason
    assert d.tolled_days == (answered - date(2024, 7, 5)).days


def test_due_date_counts_every_fact_it_is_given() -> None:
    """due_date counts as of its latest fact: a pause answered Mon 2018-07-30 (asked Wed 7/25)
    has ended by then: 7/26, 27, 30 not counted, due Fri 8/17 + 3 = Wed 8/22. Counted as of any
    earlier day the pause would still be open and the due date would stop at that day."""
    from foiaclock import due_date

    assert due_date(date(2018, 7, 20), tolls=[Toll(date(2018, 7, 25), date(2018, 7, 30))]) == date(
        2018, 8, 22
    )
    assert due_date(date(2018, 7, 20), extension=date(2018, 9, 28)) == date(2018, 9, 28)
    # Acknowledged Fri 2024-04-26 (a day late), Alabama: due Thu 5/16 as counted above.
    assert due_date(
        date(2024, 4, 15), jurisdiction="us-al", acknowledged=date(2024, 4, 26)
    ) == date(2024, 5, 16)


def test_due_date_passes_on_each_fact_and_option() -> None:
    from foiaclock import FoiaclockError, due_date

    # A track (the case row of tests/cases/national.toml): India's life-or-liberty 48 hours
    # from Thu 2024-08-01 10:00 IST = Sat 8/3.
    ist = timezone(timedelta(hours=5, minutes=30))
    assert due_date(
        datetime(2024, 8, 1, 10, 0, tzinfo=ist), jurisdiction="in", track="life_liberty"
    ) == date(2024, 8, 3)
    # How it came (tests/cases/states-1.toml): emailed to Michigan Fri 2024-08-30, received
    # Tue 9/3 after Labor Day; 5 business days: 9/4, 5, 6, 9, 10.
    assert due_date(date(2024, 8, 30), jurisdiction="us-mi", via="email") == date(2024, 9, 10)
    # The federal Saturday shift (5 U.S.C. § 6103(b)): from Fri 2021-12-03, 12/6-10 (5),
    # 13-17 (10), 20-23 (14), Fri 12/24 (Christmas observed) skipped, 27-30 (18), Fri 12/31
    # (New Year's Day observed) skipped, 2022-01-03 (19), 01-04 (20). Without the shift both
    # Fridays count: 20-24 (15), 27-31 (20).
    assert due_date(date(2021, 12, 3)) == date(2022, 1, 4)
    assert due_date(date(2021, 12, 3), saturday_shift=False) == date(2021, 12, 31)
    with pytest.raises(FoiaclockError) as caught:
        due_date(date(2024, 3, 4), jurisdiction="us-ia")
    assert str(caught.value) == (
        "Iowa sets no fixed deadline (no fixed time (good-faith, reasonable delay))"
    )


@pytest.mark.parametrize(
    ("jurisdiction", "extension", "message"),
    [
        (
            "us-tx",
            True,
            "this law has no extension; remove the extension or set the jurisdiction",
        ),
        (
            "ca",
            True,
            "the law sets no fixed length for an extension (Access to Information Act s.9(1)); "
            "give the number of days or the date the agency set",
        ),
        (
            "us",
            11,
            "an extension of 11 working days is more than the 10 the law allows by notice "
            "(5 U.S.C. § 552(a)(6)(B)(i)); a longer time needs the requester's agreement: give the "
            "agreed date instead (for example extension = 2019-03-01)",
        ),
        (
            "uk",
            21,
            "an extension of 21 working days is more than the 20 the law allows by notice "
            "(FOIA 2000 s.10(3); s.17(2)); a longer time needs the requester's agreement: give the "
            "agreed date instead (for example extension = 2019-03-01)",
        ),
        (
            "us",
            date(2018, 8, 16),
            "the agreed date (2018-08-16) is before the date the law already allows (2018-08-17); "
            "an agreement can only give the agency more time (5 U.S.C. § 552(a)(6)(B)(ii)), so "
            "remove the extension or correct the date",
        ),
    ],
)
def test_an_extension_the_law_does_not_allow_is_refused_with_its_reason(
    jurisdiction: str, extension: bool | int | date, message: str
) -> None:
    """Received Fri 2018-07-20 (due Fri 8/17 under the federal law); each refusal names the
    request and the field, so the command line can point at its line."""
    request = Request(
        id="r1", received=date(2018, 7, 20), jurisdiction=jurisdiction, extension=extension
    )
    with pytest.raises(ExtensionError) as caught:
        compute(request, as_of=date(2018, 9, 1))
    assert (caught.value.request_id, caught.value.field) == ("r1", "extension")
    assert caught.value.message == message


# ---- appeal clocks in other units: weeks, rolled calendar days, a calendar-day extension ------


@pytest.mark.parametrize(
    ("jurisdiction", "appeal", "due", "extended", "why"),
    [
        (
            "ie",
            Appeal(received=date(2024, 3, 4)),
            date(2024, 3, 25),
            False,
            "FOI Act 2014 s.21, s.2 (a week is 5 working days): 15 working days from Mon 4 Mar: "
            "5-8 (4), 11-15 (9), 18-22 (14), 25 (15). St Patrick's Day fell on Sunday 17 Mar and "
            "the Organisation of Working Time Act 1997 gives no substitute public holiday, so "
            "Mon 18 Mar is a working day",
        ),
        (
            "au",
            Appeal(received=date(2024, 3, 8)),
            date(2024, 4, 8),
            False,
            "30 calendar days from Fri 8 Mar = Sun 7 Apr, rolled to Mon 8 Apr",
        ),
        (
            "in",
            Appeal(received=date(2024, 3, 4), extension=True),
            date(2024, 4, 18),
            True,
            "RTI Act s.19(6): 30 days from Mon 4 Mar = Wed 3 Apr, then the 15 more = Thu 18 Apr",
        ),
    ],
)
def test_appeal_clocks_in_other_units(
    jurisdiction: str, appeal: Appeal, due: date, extended: bool, why: str
) -> None:
    request = Request(
        received=date(2024, 1, 8),
        jurisdiction=jurisdiction,
        responded=date(2024, 2, 1),
        adverse=True,
        appeal=appeal,
    )
    clock = compute(request, as_of=date(2024, 3, 10)).appeal
    assert clock is not None
    assert (clock.due, clock.extended) == (due, extended), why


def test_an_hours_clock_that_is_not_whole_days() -> None:
    """A user-defined 50-hour clock. With a time: Mon 2024-05-06 10:00 + 50 hours = Wed 12:00.
    With a date only, the request may have come as late as 23:59, so the clock runs to the end of
    the day 50 hours after that could be: 2 days and 2 hours, into Thu 5/9 (never earlier than
    the agency's last moment)."""
    laws = {
        "fifty": define_jurisdiction(
            "fifty",
            {"base": "us", "response": {"days": 50, "unit": "hours", "citation": "Test § 1"}},
        )
    }
    timed = Request(received=datetime(2024, 5, 6, 10, 0, tzinfo=EDT), jurisdiction="fifty")
    dated = Request(received=date(2024, 5, 6), jurisdiction="fifty")
    as_of = date(2024, 5, 6)
    assert compute(timed, as_of=as_of, jurisdictions=laws).due == date(2024, 5, 8)
    assert compute(dated, as_of=as_of, jurisdictions=laws).due == date(2024, 5, 9)


# ---- the warnings at their boundaries ----------------------------------------------------


def test_closed_days_are_named_only_where_they_moved_the_count() -> None:
    """Received Fri 2018-07-20; the office lists as closed Fri 7/20 (day 0, never counted),
    Mon 7/23 (the first day), Sat 7/28 (a weekend), Mon 8/20 (inside the count) and Mon 9/3
    (after the due date). Only the two weekdays inside the count are named."""
    closed = [date(2018, 7, 20), date(2018, 7, 23), date(2018, 7, 28), date(2018, 8, 20)]
    closed.append(date(2018, 9, 3))
    from foiaclock import Options

    d = compute(
        Request(received=date(2018, 7, 20), options=Options(closed_days=closed)),
        as_of=date(2018, 7, 25),
    )
    # Without 7/23 and 8/20: 7/24-27 (4), 7/30-8/3 (9), 8/6-10 (14), 8/13-17 (19), Tue 8/21 (20).
    # (A listed day can never be the due date itself, so the end of the range is not tested.)
    assert d.due == date(2018, 8, 21)
    (warning,) = [w for w in d.warnings if "closed days" in w]
    assert warning == (
        "the due date counts 2018-07-23, 2018-08-20 as non-working because you listed them as "
        "closed days (the law does not)"
    )


def test_a_calendar_day_count_names_only_the_closed_days_its_last_day_rolls_off() -> None:
    """California counts 10 calendar days (Gov. Code § 7922.535(a)): received Mon 2026-11-02,
    the last day is Thu 11/12 (11/3-11/12, every day counted, Veterans Day 11/11 too). Listed as
    closed: Thu 11/5 (inside the count, which runs over every day: it changes nothing) and Thu
    11/12 (the last day: it rolls to Fri 11/13). Only 11/12 is named, in the singular."""
    from foiaclock import Options

    closed = Options(closed_days=[date(2026, 11, 5), date(2026, 11, 12)])
    d = compute(
        Request(received=date(2026, 11, 2), jurisdiction="us-ca", options=closed),
        as_of=date(2026, 11, 3),
    )
    assert d.due == date(2026, 11, 13)
    (warning,) = [w for w in d.warnings if "closed day" in w]
    assert warning == (
        "the due date counts 2026-11-12 as non-working because you listed it as a closed day "
        "(the law does not)"
    )
    inside = Options(closed_days=[date(2026, 11, 5)])
    plain = compute(
        Request(received=date(2026, 11, 2), jurisdiction="us-ca", options=inside),
        as_of=date(2026, 11, 3),
    )
    assert plain.due == date(2026, 11, 12)
    assert [w for w in plain.warnings if "closed day" in w] == []


@pytest.mark.parametrize(
    ("appealed", "late"),
    [
        (date(2018, 11, 8), False),  # on the last day to appeal: in time
        (date(2018, 11, 9), True),  # the day after
    ],
)
def test_an_appeal_after_the_last_day_is_warned_of(appealed: date, late: bool) -> None:
    """Adverse determination Fri 2018-08-10: 90 calendar days to appeal, Thu 11/8
    (tests/test_engine_federal.py counts it)."""
    d = compute(
        Request(
            received=date(2018, 7, 20),
            responded=date(2018, 8, 10),
            adverse=True,
            appeal=Appeal(received=appealed),
        ),
        as_of=date(2018, 12, 31),
    )
    expected = f"the appeal ({appealed}) came after the last day to appeal (2018-11-08)"
    assert (expected in d.warnings) is late


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: compute("r1"), "compute() takes a Request, not str"),  # type: ignore[arg-type]
        (
            lambda: compute(Request(received=date(2018, 7, 20)), as_of="2018-08-01"),  # type: ignore[arg-type]
            "as_of must be a date (like 2024-05-01), not '2018-08-01'",
        ),
        (
            lambda: compute(Request(received=date(2018, 7, 20)), soon=-1),
            "the due-soon threshold must be 0 or more working days",
        ),
        (
            lambda: compute(Request(received=date(2018, 7, 20)), soon=True),
            "the due-soon threshold must be 0 or more working days",
        ),
    ],
)
def test_compute_refuses_what_is_not_its_arguments(call: object, message: str) -> None:
    from foiaclock import FoiaclockError

    with pytest.raises(FoiaclockError) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == message


def test_an_answer_on_the_due_date_is_not_late() -> None:
    """Due Fri 2018-08-17; answered that day: on time, so no Oglesby note (that note is for a
    late answer, the next day)."""
    on_time = explain(
        compute(Request(received=date(2018, 7, 20), responded=date(2018, 8, 17)), as_of=FAR)
    )
    late = explain(
        compute(Request(received=date(2018, 7, 20), responded=date(2018, 8, 20)), as_of=FAR)
    )
    oglesby = [st for st in late if st.text.startswith("After a late response")]
    assert [(st.kind, st.day) for st in oglesby] == [("note", None)]
    assert oglesby[0].citation.startswith("Oglesby")
    assert not [st for st in on_time if st.text.startswith("After a late response")]


#: Denied Fri 2018-08-10; the appeal received Mon 9/10 (due Tue 10/9) was decided Fri 10/5.
DECIDED_APPEAL = Request(
    received=date(2018, 7, 20),
    responded=date(2018, 8, 10),
    adverse=True,
    appeal=Appeal(received=date(2018, 9, 10), decided=date(2018, 10, 5)),
)


def test_an_appeal_decided_after_the_as_of_day_is_still_pending() -> None:
    """Appeal received Mon 2018-09-10, due Tue 10/9 (tests/test_engine_federal.py counts it),
    decided Fri 10/5. As of Thu 9/20 the decision had not come: the appeal is open, 12 working
    days left (9/21 (1), 24-28 (6), 10/1-5 (11), Mon 10/8 Columbus Day skipped, 10/9 (12))."""
    request = DECIDED_APPEAL
    d = compute(request, as_of=date(2018, 9, 20))
    assert d.appeal is not None
    assert (d.appeal.due, d.appeal.status, d.appeal.days_left) == (
        date(2018, 10, 9),
        Status.OPEN,
        12,
    )
    assert d.request.appeal is not None and d.request.appeal.decided is None


def test_a_suit_filed_on_the_as_of_day_is_counted() -> None:
    """A suit dated on the as-of day has been filed that day: the request is in litigation; as
    of the day before it is not yet, and the suit is set aside with a note."""
    request = Request(received=date(2024, 6, 3), litigation=date(2024, 7, 15))
    on_the_day = compute(request, as_of=date(2024, 7, 15))
    assert on_the_day.status is Status.IN_LITIGATION
    assert on_the_day.request.litigation == date(2024, 7, 15)
    before = compute(request, as_of=date(2024, 7, 14))
    assert before.status is not Status.IN_LITIGATION and before.request.litigation is None
    assert "the suit of 2024-07-15 is after the as-of date: not counted" in before.warnings


def test_an_appeal_filed_after_the_as_of_day_is_not_counted() -> None:
    """Answered (adversely) Mon 2024-06-10, appealed Mon 7/1; as of Thu 6/20 the response is
    known but the appeal is not: no appeal clock, a note, and the requester's time to appeal
    runs instead."""
    request = Request(
        id="r1",
        received=date(2024, 6, 3),
        responded=date(2024, 6, 10),
        adverse=True,
        appeal=Appeal(filed=date(2024, 7, 1)),
    )
    d = compute(request, as_of=date(2024, 6, 20))
    assert d.appeal is None and d.request.appeal is None
    assert "the appeal is after the as-of date: not counted" in d.warnings
    assert [c.kind for c in d.requester] == ["appeal"]


def test_a_pause_before_the_receipt_is_refused_by_name() -> None:
    with pytest.raises(TollError) as caught:
        compute(
            Request(
                id="r1",
                received=date(2024, 6, 10),
                tolls=(Toll(start=date(2024, 6, 5), end=date(2024, 6, 7)),),
            ),
            as_of=date(2024, 7, 1),
        )
    assert (caught.value.request_id, caught.value.field) == ("r1", "toll 1")
    assert caught.value.message == (
        "the pause starts (2024-06-05) before the request was received (2024-06-10)"
    )


def test_a_second_information_pause_is_refused_by_name() -> None:
    """The statute allows one pause for information (5 U.S.C. § 552(a)(6)(A)(ii)(I)): the
    second, listed first here, is named by its place in the list (`toll 1`), and the request by
    its id."""
    with pytest.raises(TollError) as caught:
        compute(
            Request(
                id="r1",
                received=date(2024, 6, 3),
                tolls=(
                    Toll(start=date(2024, 6, 10), end=date(2024, 6, 12)),
                    Toll(start=date(2024, 6, 5), end=date(2024, 6, 7)),
                ),
            ),
            as_of=date(2024, 7, 1),
        )
    assert (caught.value.request_id, caught.value.field) == ("r1", "toll 1")
    assert caught.value.message.startswith("a second information-request pause")


def test_a_pause_inside_one_still_open_is_noted() -> None:
    """A fee pause asked Wed 2024-06-12 and not answered; a second one from Mon 6/17 to Wed 6/19
    lies inside it: it changes nothing, and the note says so (the open one has no end to
    compare with)."""
    request = Request(
        received=date(2024, 6, 3),
        tolls=(
            Toll(start=date(2024, 6, 12), kind="fee"),
            Toll(start=date(2024, 6, 17), end=date(2024, 6, 19), kind="fee"),
        ),
    )
    d = compute(request, as_of=date(2024, 7, 1))
    assert d.status is Status.PAUSED
    assert (
        "the pause from 2024-06-17 starts inside the pause from 2024-06-12 (still open): the days "
        "they share are paused once"
    ) in d.warnings


def test_a_naive_first_receipt_is_read_in_the_requests_zone() -> None:
    """A first receipt given as a date-time without an offset, on a request whose receipt is a
    plain day: it is read in the law's zone (America/New_York), never the machine's."""
    request = Request(received=date(2024, 6, 10), first_received=datetime(2024, 6, 3, 10, 0))
    d = compute(request, as_of=date(2024, 7, 1))
    assert d.request.first_received == datetime(
        2024, 6, 3, 10, 0, tzinfo=ZoneInfo("America/New_York")
    )


def test_an_appeal_decided_on_the_as_of_day_is_decided() -> None:
    """The appeal of the test above (due Tue 2018-10-09), decided Fri 10/5 and looked at that
    same day: decided on time."""
    request = DECIDED_APPEAL
    d = compute(request, as_of=date(2018, 10, 5))
    assert d.appeal is not None and d.appeal.status is Status.ANSWERED_ON_TIME
    assert d.request.appeal is not None and d.request.appeal.decided == date(2018, 10, 5)


def test_pauses_in_any_order_are_each_set_aside_or_kept() -> None:
    """Pauses given latest first: the one asked after the as-of day is set aside, the earlier
    one after it in the list is still kept."""
    later = Toll(start=date(2024, 7, 10), end=date(2024, 7, 12), kind="fee")
    earlier = Toll(start=date(2024, 6, 12), end=date(2024, 6, 14), kind="fee")
    d = compute(Request(received=date(2024, 6, 3), tolls=(later, earlier)), as_of=date(2024, 7, 1))
    assert d.request.tolls == (earlier,)
    assert "the pause from 2024-07-10 is after the as-of date: not counted" in d.warnings


def test_dates_out_of_order_name_the_request_and_the_field() -> None:
    from foiaclock import DateOrderError

    with pytest.raises(DateOrderError) as caught:
        compute(Request(id="r1", received=date(2018, 7, 20), responded=date(2018, 7, 19)))
    assert (caught.value.request_id, caught.value.field) == ("r1", "responded")
    assert caught.value.message == (
        "the response (2018-07-19) is dated before the request was received (2018-07-20)"
    )


@pytest.mark.parametrize(
    ("start", "n", "unit", "roll", "due", "why"),
    [
        (
            date(2026, 1, 31),
            1,
            "months",
            False,
            date(2026, 2, 28),
            "no Feb 31: the last day of Feb",
        ),
        (date(2026, 3, 14), 1, "months", True, date(2026, 4, 14), "Sat 3/14 + 1 month = Tue 4/14"),
        (date(2026, 2, 7), 1, "months", True, date(2026, 3, 9), "Sat 3/7 rolls to Mon 3/9"),
        (date(2024, 2, 29), 1, "years", False, date(2025, 2, 28), "a leap day: Feb 28 next year"),
        (date(2026, 7, 4), 1, "years", True, date(2027, 7, 6), "Sun 2027-07-04; Mon 7/5 observed"),
    ],
)
def test_month_and_year_clocks(
    start: date, n: int, unit: str, roll: bool, due: date, why: str
) -> None:
    from foiaclock.engine.units import span

    assert span(calendar_for("us"), start, n, unit, roll)[0] == due, why


# ---- tests from the mutation sample of seed 2029 -------------------------------------------


def test_the_reason_for_a_rule_datas_extra_day() -> None:
    """California's Lincoln Day (12 February, Code Civ. Proc. § 135), one of its own rules: Thu
    2026-02-12 is not counted, as an "extra" day with its name."""
    why = calendar_for("us-ca").reason(date(2026, 2, 12))
    assert why is not None and (why.kind, why.name) == ("extra", "Lincoln Day")


def test_a_laws_own_dc_area_default_reaches_its_calendar() -> None:
    """A law whose offices are in Washington by default (dc_area = true): Inauguration Day, Fri
    2017-01-20, is not a working day on its calendar unless asked otherwise."""
    from foiaclock.law import get_jurisdiction

    us = get_jurisdiction("us")
    law = replace(us, code="x-dc", defaults=replace(us.defaults, dc_area=True))
    assert not calendar_for(law).is_working_day(date(2017, 1, 20))
    assert calendar_for(law, dc_area=False).is_working_day(date(2017, 1, 20))


def test_a_second_information_pause_after_a_disputed_one_is_still_refused() -> None:
    """A disputed pause is set aside, and the checks go on to the next ones: two undisputed
    requests for information after it are one too many (5 U.S.C. § 552(a)(6)(A)(ii)(I))."""
    tolls = (
        Toll(start=date(2024, 3, 5), end=date(2024, 3, 6), kind="information", disputed=True),
        Toll(start=date(2024, 3, 7), end=date(2024, 3, 8), kind="information"),
        Toll(start=date(2024, 3, 12), end=date(2024, 3, 13), kind="information"),
    )
    with pytest.raises(TollError) as caught:
        compute(Request(received=date(2024, 3, 4), tolls=tolls), as_of=FAR)
    assert caught.value.message.endswith(
        "or keep it on record as disputed (disputed = true in a requests file)"
    )


def test_a_file_s_own_jurisdiction_named_ca_is_not_mistaken_for_california() -> None:
    """The warning that 'ca' is Canada, not California, is for the shipped code only."""
    law = replace(define_jurisdiction("ca-agency", {"base": "us", "name": "CA agency"}), code="ca")
    d = compute(
        Request(received=date(2024, 3, 4), jurisdiction="ca"), as_of=FAR, jurisdictions={"ca": law}
    )
    assert not any("not a US state" in w for w in d.warnings), d.warnings
    shipped = compute(Request(received=date(2024, 3, 4), jurisdiction="ca"), as_of=FAR)
    assert any("not a US state" in w for w in shipped.warnings)


def test_a_one_day_pause_says_day_in_the_singular() -> None:
    """Asked Tue 2024-03-05, answered Wed 3/6: one working day (3/6) not counted."""
    toll = Toll(start=date(2024, 3, 5), end=date(2024, 3, 6), kind="fee")
    d = compute(Request(received=date(2024, 3, 4), tolls=(toll,)), as_of=FAR)
    texts = [st.text for st in explain(d) if st.kind == "toll"]
    assert any(t.endswith(": 1 working day not counted") for t in texts), texts


def test_a_pause_of_a_clock_in_weeks_counts_working_days() -> None:
    """A law of 4 weeks (20 working days): received Mon 2024-03-04, 3/5-8 (4), 11-15 (9), 18-22
    (14), 25-29 (19), Mon 4/1 (20). A fee question asked Fri 3/8, answered Tue 3/12: the working
    days 3/11-12 (2) do not count (not the four calendar days 3/9-12): Wed 2024-04-03."""
    law = define_jurisdiction(
        "weeks-law",
        {
            "base": "us",
            "name": "Weeks law",
            "response": {"days": 4, "unit": "weeks", "citation": "W § 1"},
        },
    )
    toll = Toll(start=date(2024, 3, 8), end=date(2024, 3, 12), kind="fee")
    request = Request(received=date(2024, 3, 4), jurisdiction="weeks-law", tolls=(toll,))
    d = compute(request, as_of=FAR, jurisdictions={"weeks-law": law})
    assert (d.statutory_due, d.due, d.tolled_days) == (date(2024, 4, 1), date(2024, 4, 3), 2)


def test_the_window_of_a_clock_that_runs_from_the_acknowledgement() -> None:
    """A law of the federal calendar (its contested readings) whose 20 working days run from the
    acknowledgement: received Mon 2026-06-29, acknowledged Thu 7/2. Independence Day is Sat 7/4,
    observed Fri 7/3: 7/6-10 (5), 13-17 (10), 20-24 (15), 27-31 (20): Fri 7/31; on the strict
    legal dates Fri 7/3 counts: 7/3 (1), 6-10 (6), 13-17 (11), 20-24 (16), 27-30 (20): Thu 7/30.
    The window runs from the acknowledgement, not from the receipt."""
    law = define_jurisdiction(
        "ack-law",
        {
            "base": "us",
            "name": "Ack law",
            "response": {"days": 20, "from": "acknowledged", "citation": "A § 1"},
        },
    )
    request = Request(
        received=date(2026, 6, 29), jurisdiction="ack-law", acknowledged=date(2026, 7, 2)
    )
    d = compute(request, as_of=date(2026, 7, 6), jurisdictions={"ack-law": law})
    assert d.due == date(2026, 7, 31)
    assert d.window is not None
    assert (d.window.earliest, d.window.latest) == (date(2026, 7, 30), date(2026, 7, 31))


# ---- tests from the mutation run of _check_order and _other_dates ---------------------------


def test_a_response_or_a_suit_on_the_receipt_day_is_in_order() -> None:
    """The same day is allowed; the day before is refused, naming the field."""
    day = date(2026, 11, 2)
    assert compute(Request(received=day, responded=day), as_of=FAR).status.is_answered
    assert compute(Request(received=day, litigation=day), as_of=FAR).status is Status.IN_LITIGATION
    with pytest.raises(DateOrderError) as caught:
        compute(Request(received=day, litigation=date(2026, 11, 1)), as_of=FAR)
    assert caught.value.field == "litigation"
    assert caught.value.message == (
        "the suit (2026-11-01) is dated before the request was received (2026-11-02)"
    )


def test_every_further_date_after_one_that_is_left_out_or_has_no_days() -> None:
    """A law's further dates: one counted from a postmark (left out: no postmark given), one with
    no fixed time, then one of 5 working days from receipt (Mon 2026-11-02: 11/3-6, 9: Mon
    11/9), which is still given."""
    law = define_jurisdiction(
        "x-further",
        {
            "base": "us",
            "name": "X",
            "other": [
                {"label": "From the postmark", "days": 3, "from": "postmarked", "citation": "X 1"},
                {"label": "Promptly", "standard": "promptly", "citation": "X 2"},
                {"label": "Five days", "days": 5, "citation": "X 3"},
            ],
        },
    )
    request = Request(received=date(2026, 11, 2), jurisdiction="x-further")
    d = compute(request, as_of=FAR, jurisdictions={"x-further": law})
    assert [(c.label, c.due) for c in d.other] == [
        ("Promptly", None),
        ("Five days", date(2026, 11, 9)),
    ]


def test_an_acknowledgement_or_a_postmark_on_the_receipt_day_is_in_order() -> None:
    """Acknowledged the day it arrived (New York), or mailed and delivered the same day (a local
    letter): neither is refused."""
    day = date(2026, 11, 2)
    ny = compute(Request(received=day, jurisdiction="us-ny", acknowledged=day), as_of=FAR)
    assert ny.acknowledgement_due is not None
    tx = compute(Request(received=day, jurisdiction="us-tx", postmarked=day), as_of=FAR)
    assert any(c.citation == "Tex. Gov't Code § 552.301(a-1)" for c in tx.other)


# ---- found by mutation testing (the README's "Tests that catch a wrong day") ---------------


def test_an_appeal_extension_is_checked_against_the_clock_in_force_on_receipt() -> None:
    """A law whose appeal clock lost its extension on 2020-01-01. An appeal of a request received
    Mon 2019-06-03 may still take the old 10 working days: appeal received Thu 2019-08-01, 8/2
    (1), 5-9 (6), 12-16 (11), 19-23 (16), 26-29 (20): Thu 8/29; then 8/30 (1), Labor Day Mon 9/2
    skipped, 9/3-6 (5), 9/9-13 (10): Fri 2019-09-13. The same appeal of a request received in
    2020 is refused: the clock in force then has no extension."""
    law = define_jurisdiction(
        "appeal-law",
        {
            "base": "us",
            "name": "Appeal law",
            "appeal": [
                {"days": 20, "extension_days": 10, "citation": "X § 5 (old)"},
                {"effective": date(2020, 1, 1), "days": 20, "citation": "X § 5 (new)"},
            ],
        },
    )
    own = {"appeal-law": law}
    old = Request(
        received=date(2019, 6, 3),
        jurisdiction="appeal-law",
        responded=date(2019, 7, 1),
        adverse=True,
        appeal=Appeal(received=date(2019, 8, 1), extension=10),
    )
    d = compute(old, as_of=FAR, jurisdictions=own)
    assert d.appeal is not None
    assert (d.appeal.due, d.appeal.extended) == (date(2019, 9, 13), True)
    new = replace(
        old,
        received=date(2020, 6, 1),
        responded=date(2020, 7, 1),
        appeal=Appeal(received=date(2020, 8, 3), extension=10),
    )
    with pytest.raises(ExtensionError, match="the law allows none") as caught:
        compute(new, as_of=FAR, jurisdictions=own)
    assert caught.value.field == "appeal.extension"


def test_a_pause_inside_two_that_end_together_is_noted_against_the_first() -> None:
    """Three fee pauses: 3/5-3/20, 3/7-3/20 (inside the first, ending the same day) and
    3/11-3/13 (inside both). The one still running when the third starts is the first: the
    second, ending no later, does not take its place."""
    tolls = (
        Toll(start=date(2024, 3, 5), end=date(2024, 3, 20), kind="fee"),
        Toll(start=date(2024, 3, 7), end=date(2024, 3, 20), kind="fee"),
        Toll(start=date(2024, 3, 11), end=date(2024, 3, 13), kind="fee"),
    )
    d = compute(Request(received=date(2024, 3, 4), tolls=tolls), as_of=FAR)
    inside = [w for w in d.warnings if "starts inside" in w]
    assert inside == [
        "the pause from 2024-03-07 starts inside the pause from 2024-03-05 (to 2024-03-20): "
        "the days they share are paused once",
        "the pause from 2024-03-11 starts inside the pause from 2024-03-05 (to 2024-03-20): "
        "the days they share are paused once",
    ]


def test_a_paused_request_is_not_denied_by_silence() -> None:
    """Under a law where a missed deadline is a denial (`after_due`), a request whose pause is
    still open on the as-of day has no deadline passed: nothing to appeal yet. Received Mon
    2024-03-04, paused from Tue 3/5, as of Mon 6/3. Without the pause it was due Mon 4/1
    (3/5-8 (4), 11-15 (9), 18-22 (14), 25-29 (19), 4/1 (20)), and the 30 calendar days to
    appeal the silence ran from it to Wed 5/1."""
    law = define_jurisdiction(
        "silence-law",
        {
            "base": "us",
            "name": "Silence law",
            "appeal_window": {
                "days": 30,
                "unit": "calendar",
                "from": "response",
                "after_due": True,
                "citation": "X § 9",
            },
        },
    )
    own = {"silence-law": law}
    paused = Request(
        received=date(2024, 3, 4),
        jurisdiction="silence-law",
        tolls=(Toll(start=date(2024, 3, 5), kind="information"),),
    )
    d = compute(paused, as_of=date(2024, 6, 3), jurisdictions=own)
    assert (d.status, d.appeal_by, d.requester) == (Status.PAUSED, None, ())
    silent = compute(replace(paused, tolls=()), as_of=date(2024, 6, 3), jurisdictions=own)
    assert (silent.due, silent.appeal_by) == (date(2024, 4, 1), date(2024, 5, 1))


def test_a_files_agency_law_falls_back_through_the_files_own_laws() -> None:
    """A file's law `x-a` (its regulation since 2020-01-01) built on the file's `x-b` (since
    2018-01-01), built on the statute: a request received in 2019 is counted under `x-b`, one
    received in 2017 under the statute, each reason naming the step."""
    base = define_jurisdiction(
        "x-b",
        {
            "base": "us",
            "name": "B",
            "regulation": {"citation": "B regs", "since": date(2018, 1, 1)},
        },
    )
    own = {"x-b": base}
    top = define_jurisdiction(
        "x-a",
        {
            "base": "x-b",
            "name": "A",
            "regulation": {"citation": "A regs", "since": date(2020, 1, 1)},
        },
        own,
    )
    own["x-a"] = top
    d2019 = compute(Request(received=date(2019, 6, 3), jurisdiction="x-a"), FAR, jurisdictions=own)
    assert d2019.jurisdiction == "x-b"
    assert "received before A regs took effect on 2020-01-01" in d2019.jurisdiction_reason
    d2017 = compute(Request(received=date(2017, 6, 5), jurisdiction="x-a"), FAR, jurisdictions=own)
    assert d2017.jurisdiction == "us"
    assert "received before B regs took effect on 2018-01-01" in d2017.jurisdiction_reason


#: A request denied Mon 2024-02-05 and appealed Mon 2024-03-04 (20 working days of the federal
#: appeal clock from 3/4: 3/5-8 (4), 11-15 (9), 18-22 (14), 25-29 (19), Mon 4/1 (20)).
APPEALED = Request(
    id="denied-1",
    received=date(2024, 1, 8),
    responded=date(2024, 2, 5),
    adverse=True,
    appeal=Appeal(received=date(2024, 3, 4)),
)


@pytest.mark.parametrize(
    ("extension", "due", "reason"),
    [
        (None, date(2024, 4, 1), "the appeal clock alone"),
        (1, date(2024, 4, 2), "one working day more, the least the law allows: Tue 4/2"),
        (True, date(2024, 4, 15), "the whole 10 working days: 4/2-5 (4), 8-12 (9), Mon 4/15"),
        (10, date(2024, 4, 15), "10 working days, the most the law allows"),
    ],
)
def test_the_federal_appeal_extension_from_1_to_10_working_days(
    extension: bool | int | None, due: date, reason: str
) -> None:
    request = replace(APPEALED, appeal=Appeal(received=date(2024, 3, 4), extension=extension))
    d = compute(request, as_of=FAR)
    assert d.appeal is not None
    assert (d.appeal.due, d.appeal.extended) == (due, extension is not None), reason


def test_an_appeal_extension_past_the_limit_or_under_no_appeal_clock_is_refused() -> None:
    over = replace(APPEALED, appeal=Appeal(received=date(2024, 3, 4), extension=11))
    with pytest.raises(ExtensionError) as caught:
        compute(over, as_of=FAR)
    assert caught.value.message == (
        "an appeal extension of 11 days: the law allows 1 to 10 (5 U.S.C. § 552(a)(6)(A)(ii), "
        "(B)(i))"
    )
    assert (caught.value.request_id, caught.value.field) == ("denied-1", "appeal.extension")
    # California's law sets no appeal clock at all, so no extension of one.
    none = replace(
        APPEALED,
        jurisdiction="us-ca",
        appeal=Appeal(received=date(2024, 3, 4), extension=True),
    )
    with pytest.raises(ExtensionError) as caught:
        compute(none, as_of=FAR)
    assert caught.value.message == "this law has no extension of the appeal clock"
    assert (caught.value.request_id, caught.value.field) == ("denied-1", "appeal.extension")


def test_an_appeal_under_a_law_without_a_right_to_sue_on_silence() -> None:
    """New York's appeal: 10 business days from Mon 3/4 (3/5-8 (4), 11-15 (9), Mon 3/18 (10));
    the law gives no suit for a missed appeal deadline of the federal kind: no may-sue date."""
    d = compute(replace(APPEALED, jurisdiction="us-ny"), as_of=FAR)
    assert d.appeal is not None
    assert (d.appeal.due, d.appeal.may_sue_from) == (date(2024, 3, 18), None)


@pytest.mark.parametrize(
    ("extension", "due", "may_sue", "reason"),
    [
        (None, date(2024, 4, 3), date(2024, 4, 4), "30 calendar days from Mon 3/4: Wed 4/3"),
        (
            True,
            date(2024, 4, 15),
            date(2024, 4, 16),
            "and 10 calendar days more: Sat 4/13, rolled as the appeal clock rolls to Mon 4/15",
        ),
    ],
)
def test_an_appeal_clock_in_calendar_days_under_a_law_with_a_right_to_sue(
    extension: bool | None, due: date, may_sue: date, reason: str
) -> None:
    """A file's law on the federal statute whose appeal clock is 30 calendar days (rolled), with
    10 more by extension: no contested reading changes calendar days (no window), and the
    requester may sue the day after the decision was due."""
    law = define_jurisdiction(
        "calendar-appeal",
        {
            "base": "us",
            "name": "Calendar appeal",
            "appeal": {
                "days": 30,
                "unit": "calendar",
                "roll": True,
                "extension_days": 10,
                "citation": "X § 6",
            },
        },
    )
    request = replace(
        APPEALED,
        jurisdiction="calendar-appeal",
        appeal=Appeal(received=date(2024, 3, 4), extension=extension),
    )
    d = compute(request, as_of=FAR, jurisdictions={"calendar-appeal": law})
    assert d.appeal is not None
    assert (d.appeal.due, d.appeal.window, d.appeal.may_sue_from) == (due, None, may_sue), reason


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"postmarked": date(2024, 3, 5)},
            "postmarked",
            "the postmark (2024-03-05) is after the request was received (2024-03-04): a request "
            "cannot arrive before it is mailed",
        ),
        (
            {"first_received": date(2024, 3, 5)},
            "first_received",
            "first_received (2024-03-05) is after received (2024-03-04); first_received is the "
            "first receipt by any component, so it cannot be later",
        ),
        (
            {"appeal": Appeal(filed=date(2024, 3, 1))},
            "appeal.filed",
            "the appeal (2024-03-01) is dated before the request was received (2024-03-04)",
        ),
        (
            {
                "responded": date(2024, 3, 6),
                "adverse": True,
                "appeal": Appeal(received=date(2024, 3, 5)),
            },
            "appeal.received",
            "the appeal (2024-03-05) is dated before the response it appeals (2024-03-06)",
        ),
    ],
)
def test_facts_out_of_order_are_refused_word_for_word(
    changes: dict[str, object], field: str, message: str
) -> None:
    request = replace(Request(id="order-1", received=date(2024, 3, 4)), **changes)  # type: ignore[arg-type]
    with pytest.raises(DateOrderError) as caught:
        compute(request, as_of=FAR)
    assert (caught.value.request_id, caught.value.field, caught.value.message) == (
        "order-1",
        field,
        message,
    )


@pytest.mark.parametrize(
    ("changes", "clock_start", "appeal_due", "reason"),
    [
        (
            {"first_received": date(2024, 3, 4)},
            date(2024, 3, 4),
            None,
            "a first receipt on the receipt day itself: the clock starts that day",
        ),
        (
            {"appeal": Appeal(received=date(2024, 3, 4))},
            date(2024, 3, 4),
            date(2024, 4, 1),
            "an appeal on the receipt day: 3/5-8 (4), 11-15 (9), 18-22 (14), 25-29 (19), 4/1 (20)",
        ),
        (
            {
                "responded": date(2024, 3, 6),
                "adverse": True,
                "appeal": Appeal(received=date(2024, 3, 6)),
            },
            date(2024, 3, 4),
            date(2024, 4, 3),
            "an appeal on the response day: 3/7-8 (2), 11-15 (7), 18-22 (12), 25-29 (17), "
            "4/1-3 (20)",
        ),
    ],
)
def test_facts_on_the_same_day_are_in_order(
    changes: dict[str, object], clock_start: date, appeal_due: date | None, reason: str
) -> None:
    request = replace(Request(received=date(2024, 3, 4)), **changes)  # type: ignore[arg-type]
    d = compute(request, as_of=FAR)
    assert d.clock_start == clock_start, reason
    assert (d.appeal.due if d.appeal else None) == appeal_due, reason


def test_a_first_receipt_with_an_offset_is_read_in_the_requests_zone() -> None:
    """First received 2024-03-04 20:00 UTC, which is Tue 3/5 05:00 in Tokyo, the request's zone
    (not the machine's): the cap is 10 working days from 3/5: 3/6-8 (3), 11-15 (8), 18-19 (10),
    Tue 3/19, before the receipt on Wed 3/20, so the clock starts on 3/19 (from 3/4 it would be
    Mon 3/18)."""
    request = Request(
        received=date(2024, 3, 20),
        first_received=datetime(2024, 3, 4, 20, 0, tzinfo=timezone.utc),
        options=Options(timezone="Asia/Tokyo"),
    )
    assert compute(request, as_of=FAR).clock_start == date(2024, 3, 19)


def test_the_note_for_a_request_received_after_the_as_of_day_comes_first() -> None:
    """As of Mon 3/4: a request received that day is no surprise; one received Tue 3/5 is, and
    its note leads, before the later response's."""
    same_day = compute(Request(received=date(2024, 3, 4)), as_of=date(2024, 3, 4))
    assert not any("after the as-of date" in w for w in same_day.warnings)
    later = compute(
        Request(received=date(2024, 3, 5), responded=date(2024, 3, 20)), as_of=date(2024, 3, 4)
    )
    assert later.warnings[:2] == (
        "the request was received on 2024-03-05, after the as-of date 2024-03-04: the status is "
        "as of a day before it arrived",
        "the response of 2024-03-20 is after the as-of date: not counted",
    )


def test_an_appeal_clock_in_weeks_has_the_window_of_its_working_days() -> None:
    """A file's law on the federal statute whose appeal clock is 4 weeks: 20 working days from Mon
    2024-03-04, Mon 4/1, with the window of the federal calendar readings (none of which moves a
    day of March 2024: the window is that one day)."""
    law = define_jurisdiction(
        "weeks-appeal",
        {
            "base": "us",
            "name": "Weeks appeal",
            "appeal": {"days": 4, "unit": "weeks", "citation": "X § 7"},
        },
    )
    d = compute(
        replace(APPEALED, jurisdiction="weeks-appeal"),
        as_of=FAR,
        jurisdictions={"weeks-appeal": law},
    )
    assert d.appeal is not None and d.appeal.window is not None
    assert (d.appeal.due, d.appeal.window.earliest, d.appeal.window.latest) == (
        date(2024, 4, 1),
        date(2024, 4, 1),
        date(2024, 4, 1),
    )


# ---- the requester's clocks, due_date's facts, today and the default calendar ---------------


@pytest.mark.parametrize(
    ("as_of", "left", "status", "reason"),
    [
        (date(2024, 3, 9), 0, Status.REPLY_DUE_SOON, "the last day itself, a Saturday: 0 left"),
        (
            date(2024, 3, 10),
            -1,
            Status.REPLY_OVERDUE,
            "Sunday: no working day has passed since Saturday, but the day has: late is late (-1)",
        ),
        (date(2024, 3, 11), -1, Status.REPLY_OVERDUE, "Monday: one working day (3/11) past it"),
    ],
)
def test_a_reply_due_on_a_saturday(as_of: date, left: int, status: Status, reason: str) -> None:
    """The agency asked on Tue 3/5/2024 for a reply by Sat 3/9 (agencies set any day)."""
    request = Request(
        received=date(2024, 3, 4),
        replies=(Reply(by=date(2024, 3, 9), about="still interested", asked=date(2024, 3, 5)),),
    )
    (mine,) = [c for c in compute(request, as_of=as_of).requester if c.kind == "reply"]
    assert (mine.days_left, mine.status) == (left, status), reason


def test_due_date_takes_the_agency_and_the_acknowledgement() -> None:
    """Interior's regulation counts the receipt day as day 1 (43 CFR 2.16(a)): from Mon 3/4/2024,
    3/4-8 (5), 11-15 (10), 18-22 (15), 25-29 (20): Fri 3/29 (the statute: Mon 4/1). New York
    counts 20 business days from the acknowledgement (Pub. Off. Law § 89(3)(a)): acknowledged Wed
    3/6: 3/7-8 (2), 11-15 (7), 18-22 (12), 25-29 (17), 4/1-3 (20): Wed 4/3."""
    assert due_date(date(2024, 3, 4)) == date(2024, 4, 1)
    assert due_date(date(2024, 3, 4), agency="Department of the Interior") == date(2024, 3, 29)
    assert due_date(date(2024, 3, 4), jurisdiction="us-ny", acknowledged=date(2024, 3, 6)) == date(
        2024, 4, 3
    )


def test_the_default_calendar_is_the_federal_one() -> None:
    """Thu 7/4/2024, Independence Day (5 U.S.C. § 6103(a)); Fri 7/5 a working day."""
    cal = calendar_for()
    assert not cal.is_working_day(date(2024, 7, 4))
    assert cal.is_working_day(date(2024, 7, 5))


def test_today_is_the_day_in_the_laws_own_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 03:00 UTC on 2026-12-01 it is still 11/30 in New York (22:00) and already 12/1 in
    Auckland (16:00): today() and compute()'s default as-of day follow the law's zone, never the
    machine's."""
    instant = datetime(2026, 12, 1, 3, 0, tzinfo=timezone.utc)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Frozen:
            moment = instant.astimezone(tz) if tz is not None else instant.replace(tzinfo=None)
            return cls.fromisoformat(moment.isoformat())

    monkeypatch.setattr(calendars, "datetime", Frozen)
    monkeypatch.setattr(deadline, "datetime", Frozen)
    assert compute(Request(received=date(2026, 11, 2))).as_of == date(2026, 11, 30)
    assert today() == date(2026, 11, 30)
    assert today("us") == date(2026, 11, 30)
    assert today("nz") == date(2026, 12, 1)


# ---- a suit while an appeal is pending; expedited clocks of other shapes; fees and closed days -


@pytest.mark.parametrize(
    ("litigation", "left", "reason"),
    [
        (
            date(2024, 3, 20),
            8,
            "sued Wed 3/20, before the appeal's due date Mon 4/1: 3/21-22 (2), 3/25-29 (7), "
            "4/1 (8) were left",
        ),
        (
            date(2024, 4, 10),
            -7,
            "sued Wed 4/10, after it: 4/2-5 (4), 4/8-10 (7) late",
        ),
    ],
)
def test_a_suit_while_an_appeal_is_pending_stops_the_appeal_clock(
    litigation: date, left: int, reason: str
) -> None:
    """Denied Thu 2/1/2024, appealed Mon 3/4 (received that day): the decision is due 20 working
    days later, Mon 4/1: 3/5-8 (4), 11-15 (9), 18-22 (14), 25-29 (19), 4/1 (20). A suit stops the
    appeal's clock that day: its status is the suit's, its days are counted to the suit, and no
    may-sue date is left to show."""
    request = Request(
        received=date(2024, 1, 8),
        responded=date(2024, 2, 1),
        adverse=True,
        appeal=Appeal(filed=date(2024, 3, 4), received=date(2024, 3, 4)),
        litigation=litigation,
    )
    d = compute(request, as_of=date(2024, 5, 1))
    assert d.status is Status.IN_LITIGATION
    assert d.appeal is not None
    assert d.appeal.due == date(2024, 4, 1), reason
    assert (d.appeal.status, d.appeal.days_left, d.appeal.may_sue_from) == (
        Status.IN_LITIGATION,
        left,
        None,
    ), reason


def test_a_suit_after_the_appeal_was_decided_leaves_the_appeal_s_status() -> None:
    """The same appeal decided Thu 3/28/2024, before its due date Mon 4/1 (Fri 3/29 (1), Mon 4/1
    (2): 2 working days to spare); a suit on Wed 4/10 puts the request in litigation, but the
    appeal was decided on time, and stays so."""
    request = Request(
        received=date(2024, 1, 8),
        responded=date(2024, 2, 1),
        adverse=True,
        appeal=Appeal(filed=date(2024, 3, 4), received=date(2024, 3, 4), decided=date(2024, 3, 28)),
        litigation=date(2024, 4, 10),
    )
    d = compute(request, as_of=date(2024, 5, 1))
    assert d.status is Status.IN_LITIGATION
    assert d.appeal is not None
    assert (d.appeal.status, d.appeal.days_left) == (Status.ANSWERED_ON_TIME, 2)


@pytest.mark.parametrize(
    ("expedited", "due", "reason"),
    [
        (
            {"days": 5, "unit": "working"},
            date(2024, 3, 14),
            "5 working days from Thu 3/7/2024: Fri 3/8 (1), 3/11-14 (5): Thu 3/14",
        ),
        (
            {"days": 10, "unit": "calendar", "roll": True},
            date(2024, 3, 18),
            "10 calendar days: Sun 3/17, rolled to Mon 3/18",
        ),
        (
            {"days": 10, "unit": "calendar"},
            date(2024, 3, 17),
            "10 calendar days, not rolled (as the federal 10 days): Sun 3/17",
        ),
    ],
)
def test_an_expedited_decision_clock_in_its_own_unit(
    expedited: dict[str, object], due: date, reason: str
) -> None:
    j = define_jurisdiction(
        "exp-law",
        {"base": "us", "name": "exp-law", "expedited": {**expedited, "citation": "X § 5"}},
    )
    request = Request(received=date(2024, 3, 7), jurisdiction="exp-law", expedited=True)
    d = compute(request, as_of=FAR, jurisdictions={"exp-law": j})
    assert d.expedited_decision_due == due, reason


@pytest.mark.parametrize(
    ("received", "barred", "reason"),
    [
        (
            date(2016, 6, 30),
            False,
            "made on the day the FOIA Improvement Act was enacted: the 2007 text, under which "
            "unusual circumstances lift the bar",
        ),
        (
            date(2016, 7, 1),
            True,
            "the first day of the 2016 text (Pub. L. 114-185 § 6: requests made after 2016-06-30): "
            "a missed extended limit bars search fees",
        ),
    ],
)
def test_the_fee_bar_after_an_extension_on_each_side_of_2016(
    received: date, barred: bool, reason: str
) -> None:
    request = Request(received=received, extension=True)
    assert compute(request, as_of=date(2017, 1, 2)).search_fees_barred is barred, reason


def test_closed_days_under_a_law_with_no_fixed_time() -> None:
    """Arizona sets no fixed time (promptly: A.R.S. § 39-121.01(D)(1)): a closed day the user
    lists moves no date, and no warning says it did."""
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="us-az",
        options=Options(closed_days=(date(2024, 3, 6),)),
    )
    d = compute(request, as_of=date(2024, 3, 10))
    assert d.due is None
    assert not any("closed days" in w for w in d.warnings)


def test_only_the_replies_still_owed_are_tracked() -> None:
    """As of Mon 3/11/2024: a reply given that day is done; a letter dated after the as-of day
    is not known yet; a reply owed by Fri 3/22 is tracked: 3/12-15 (4), 3/18-22 (9) working days
    left, further off than the due-soon threshold (5)."""
    request = Request(
        received=date(2024, 3, 4),
        replies=(
            Reply(by=date(2024, 3, 15), about="fee estimate", replied=date(2024, 3, 11)),
            Reply(by=date(2024, 3, 29), about="clarify", asked=date(2024, 3, 12)),
            Reply(by=date(2024, 3, 22), about="still interested", asked=date(2024, 3, 5)),
        ),
    )
    mine = [c for c in compute(request, as_of=date(2024, 3, 11)).requester if c.kind == "reply"]
    assert [(c.label, c.due, c.days_left, c.status) for c in mine] == [
        ("reply: still interested", date(2024, 3, 22), 9, Status.REPLY_PENDING)
    ]


def test_the_time_to_appeal_a_silence_is_labelled_as_such() -> None:
    """Indiana: no answer within 7 days of receipt is a denial (IC 5-14-3-9(c)); received Mon
    3/4/2024, denied by silence on Mon 3/11; 30 calendar days to complain from then
    (IC 5-14-5-7, not moved off a weekend): Wed 4/10."""
    d = compute(Request(received=date(2024, 3, 4), jurisdiction="us-in"), as_of=date(2024, 3, 20))
    (mine,) = [c for c in d.requester if c.kind == "appeal"]
    assert (mine.label, mine.due) == ("appeal the denial by silence", date(2024, 4, 10))


def test_a_track_s_own_time_to_appeal_is_cited() -> None:
    """Kentucky, a request from a person in a penal facility: denied Mon 3/4/2024, 20 days to
    appeal to the Attorney General (KRS 197.025(3)): Sun 3/24, moved to Mon 3/25."""
    request = Request(
        received=date(2024, 2, 26),
        jurisdiction="us-ky",
        track="inmate",
        responded=date(2024, 3, 4),
        adverse=True,
    )
    (mine,) = [c for c in compute(request, as_of=date(2024, 3, 10)).requester]
    assert (mine.due, mine.citation) == (date(2024, 3, 25), "KRS 197.025(3)")


def test_the_requester_s_clocks_most_urgent_first() -> None:
    """As of Mon 3/11/2024: a reply owed by Fri 3/29 (3/12-15 (4), 18-22 (9), 25-29 (14) working
    days left: pending), listed first, and one by Wed 3/13 (2 left: due soon), which comes first.
    A reply with no `about` is "reply to the agency"."""
    request = Request(
        received=date(2024, 3, 4),
        replies=(
            Reply(by=date(2024, 3, 29)),
            Reply(by=date(2024, 3, 13), about="fee estimate"),
        ),
    )
    mine = compute(request, as_of=date(2024, 3, 11)).requester
    assert [(c.label, c.days_left, c.status) for c in mine] == [
        ("reply: fee estimate", 2, Status.REPLY_DUE_SOON),
        ("reply to the agency", 14, Status.REPLY_PENDING),
    ]


@pytest.mark.parametrize(
    ("jurisdiction", "options", "citation", "reason"),
    [
        ("us.epa", None, "40 CFR 2.104(a)(2)", "EPA's receipt rule, with its own cut-off"),
        (
            "us.doe",
            None,
            "10 CFR 1004.4(a)",
            "DOE's receipt rule; the 5 p.m. hour is the law's default (the rule gives none)",
        ),
        (
            "us",
            Options(cutoff="17:00"),
            "received after the cut-off = received the next working day (EPA, 40 CFR 2.104(a)(2))",
            "the statute has no cut-off: the one the user chose is cited as the reading it is",
        ),
    ],
)
def test_a_cut_off_is_cited_from_where_it_comes(
    jurisdiction: str, options: Options | None, citation: str, reason: str
) -> None:
    """Received Fri 11/20/2026 at 17:42 in New York: at or after 17:00, it counts as received
    the next working day, Mon 11/23."""
    request = Request(
        received=datetime(2026, 11, 20, 17, 42, tzinfo=ZoneInfo("America/New_York")),
        jurisdiction=jurisdiction,
        options=options,
    )
    d = compute(request, as_of=date(2026, 12, 1))
    moved = [s for s in explain(d) if s.kind == "receipt" and s.text.startswith("Received at or")]
    assert [(s.day, s.citation) for s in moved] == [(date(2026, 11, 23), citation)], reason
