"""The trail itself (`foiaclock.explain`): each step's kind, day, number, citation and reason,
not only the text the explain command prints. Every day below was counted by hand on a printed
month calendar (Python's `calendar` module) against the federal holidays of
federal-foia.md § 3; the counts are in the comments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

import foiaclock
from foiaclock import (
    Appeal,
    Jurisdiction,
    Options,
    Reply,
    Request,
    Step,
    Toll,
    TollKind,
    compute,
    explain,
)

FOIA = "5 U.S.C. § 552"
RESPONSE = "5 U.S.C. § 552(a)(6)(A)(i)"
EXTENSION = "5 U.S.C. § 552(a)(6)(B)(i)"
INFORMATION = "5 U.S.C. § 552(a)(6)(A)(ii)(I)"
HOLIDAYS = "5 U.S.C. § 6103(a); observed dates § 6103(b) and EO 11582"


def d(month: int, day: int, year: int = 2018) -> date:
    return date(year, month, day)


def steps(request: Request, as_of: date) -> tuple[Step, ...]:
    return explain(compute(request, as_of=as_of))


def days_of(trail: tuple[Step, ...]) -> list[tuple[str, date | None, int | None, str]]:
    """The day-by-day part: (kind, day, number, reason) from day 0 to the due date."""
    start = next(i for i, st in enumerate(trail) if st.kind == "start")
    end = next(i for i, st in enumerate(trail) if st.kind in ("extension", "due"))
    return [(st.kind, st.day, st.number, st.reason) for st in trail[start:end]]


# Received Fri 2018-07-20; the agency asks for information Wed 7/25 and receives the answer Fri
# 7/27 (7/26 and 7/27 do not count); extended by 10 working days. Count: 7/23 (1), 24 (2),
# 25 (3), [26, 27 paused], 7/30 (4) ... 8/3 (8), 8/6-10 (13), 8/13-17 (18), 8/20-21 (20),
# 8/22-24 (23), 8/27-31 (28), [Mon 9/3 Labor Day], 9/4 (29), Wed 9/5 (30): due Wed 2018-09-05.
TOLLED = Request(
    id="tolled",
    received=d(7, 20),
    extension=True,
    tolls=(Toll(start=d(7, 25), end=d(7, 27), kind=TollKind.INFORMATION),),
)


def test_the_trail_opens_with_the_law_its_clock_and_the_receipt() -> None:
    trail = steps(TOLLED, d(9, 30))
    assert [(st.kind, st.day, st.citation) for st in trail[:3]] == [
        ("rule", None, FOIA),
        ("rule", None, RESPONSE),
        ("receipt", d(7, 20), ""),
    ]
    assert trail[1].text == "Decision due in 20 working days"


def test_every_day_is_counted_or_skipped_with_its_reason() -> None:
    counted = [d(7, 23), d(7, 24), d(7, 25)]
    counted += [d(7, 30), d(7, 31), *(d(8, k) for k in (1, 2, 3, 6, 7, 8, 9, 10, 13, 14, 15))]
    counted += [d(8, k) for k in (16, 17, 20, 21, 22, 23, 24, 27, 28, 29, 30, 31)]
    counted += [d(9, 4), d(9, 5)]
    assert len(counted) == 30  # 20 + the 10 of the extension
    expected: list[tuple[str, date | None, int | None, str]] = [("start", d(7, 20), None, "")]
    number = 0
    day = d(7, 20)
    while day < d(9, 5):
        day += timedelta(days=1)
        if day == d(7, 26):  # the pause of 7/25 goes in before the first day it stops
            expected.append(("toll", d(7, 25), None, ""))
        if day in counted:
            number += 1
            expected.append(("count", day, number, ""))
        elif day in (d(7, 26), d(7, 27)):
            expected.append(("skip", day, None, "paused"))
        elif day == d(9, 3):
            expected.append(("skip", day, None, "holiday"))
        else:
            expected.append(("skip", day, None, "weekend"))
    assert days_of(steps(TOLLED, d(9, 30))) == expected


def test_the_pause_the_extension_and_the_due_date_cite_their_provisions() -> None:
    trail = steps(TOLLED, d(9, 30))
    (toll,) = [st for st in trail if st.kind == "toll"]
    assert (toll.day, toll.citation) == (d(7, 25), INFORMATION)
    assert "2 working days not counted" in toll.text
    (extension,) = [st for st in trail if st.kind == "extension"]
    assert (extension.day, extension.citation) == (d(9, 5), EXTENSION)
    assert extension.text == "Extended by 10 working days from Fri 2018-08-17"
    (due,) = [st for st in trail if st.kind == "due"]
    assert (due.day, due.citation, due.text) == (d(9, 5), RESPONSE, "Due Wed 2018-09-05")
    labor_day = next(st for st in trail if st.day == d(9, 3))
    assert (labor_day.kind, labor_day.citation) == ("skip", HOLIDAYS)
    days = [st for st in trail if st.kind == "count"]
    assert [st.number for st in days if "(extension)" in st.text] == list(range(21, 31))


def test_the_readings_and_the_window() -> None:
    """At Interior the receipt day is day 1 (43 CFR 2.16(a)): due Tue 9/4. The statute's day 1,
    the first working day after receipt, moves the whole count a day on: Wed 9/5; no other
    reading changes a day of this span (no observed date, closure or inauguration)."""
    trail = steps(replace(TOLLED, jurisdiction="us.doi"), d(9, 30))
    options = [(st.text, st.day) for st in trail if st.kind == "option"]
    assert options[-1] == ("Window: Tue 2018-09-04 to Wed 2018-09-05", d(9, 5))
    moved = [(t, day) for t, day in options if "after the receipt" in t]
    assert moved == [
        (
            'With the statute: day 1 is the first working day "after the receipt" '
            "(§ 552(a)(6)(A)(i); DOJ OIP): due Wed 2018-09-05",
            d(9, 5),
        )
    ]
    assert options[0][0] == "The receipt day counts as day 1 (43 CFR 2.16(a))"
    assert all("no change" in t for t, _ in options[1:-2])


def test_a_reading_that_cannot_be_counted_is_left_out_and_the_next_still_shown() -> None:
    """Received Mon 2021-01-04, first by another component the same day; the requester agreed
    to Tue 2/2, the statute's date: 1/5-8 (4), 1/11-15 (9), [Mon 1/18 Martin Luther King Jr.
    Day], 1/19-22 (13), 1/25-29 (18), 2/1 (19), Tue 2/2 (20). With Inauguration Day (Wed 1/20) a
    holiday the statute gives Wed 2/3, after the agreed date, which an agreement cannot come
    before (§ 552(a)(6)(B)(ii)): that reading cannot be counted and has no step. The readings
    after it still have theirs: the misrouting cap's calendar days (1/4 + 10 = Thu 1/14, after
    day 0 already) change nothing."""
    request = Request(
        received=date(2021, 1, 4),
        first_received=date(2021, 1, 4),
        extension=date(2021, 2, 2),
    )
    trail = steps(request, date(2021, 3, 1))
    options = [st.text for st in trail if st.kind == "option"]
    assert options == [
        "With strict legal-holiday dates, no observed Friday/Monday (5 U.S.C. § 6103(a) read "
        "alone): no change",
        "With executive-order closures counted as working days: no change",
        'With 10 calendar days for a misrouted request (the statute says "ten days"): no change',
    ]


def test_what_follows_from_a_missed_deadline() -> None:
    trail = steps(TOLLED, d(9, 30))
    sue = next(st for st in trail if "may sue from" in st.text)
    assert (sue.kind, sue.day, sue.citation) == ("rule", d(9, 6), "5 U.S.C. § 552(a)(6)(C)(i)")
    fees = next(st for st in trail if "search fees" in st.text)
    assert (fees.kind, fees.citation) == ("rule", "5 U.S.C. § 552(a)(4)(A)(viii)")


def test_a_late_answer_and_the_appeal() -> None:
    """Answered (adversely) Fri 10/5, late: the trail says so and cites Oglesby. Appeal received
    Mon 10/15: 20 working days: 10/16-19 (4), 10/22-26 (9), 10/29-11/2 (14), 11/5-9 (19),
    [Mon 11/12 Veterans Day observed], Tue 11/13 (20); extended by 10: 11/14-16 (3),
    11/19-21 (6), [Thu 11/22 Thanksgiving], 11/23 (7), 11/26-28 (10): due Wed 11/28."""
    request = Request(
        received=d(7, 20),
        responded=d(10, 5),
        adverse=True,
        appeal=Appeal(received=d(10, 15), extension=True),
    )
    trail = steps(request, d(12, 1))
    answered = next(st for st in trail if st.text.startswith("Answered"))
    assert (answered.kind, answered.day) == ("note", d(10, 5))
    assert any(st.citation.startswith("Oglesby") for st in trail)
    appeal = next(st for st in trail if st.text.startswith("Appeal received"))
    assert (appeal.kind, appeal.day) == ("rule", d(11, 13))
    assert appeal.citation == "5 U.S.C. § 552(a)(6)(A)(ii), (B)(i)"
    extended = next(st for st in trail if st.text.startswith("Appeal clock extended"))
    assert (extended.kind, extended.day) == ("extension", d(11, 28))
    # 90 calendar days after Fri 10/5: Oct 26 + Nov 30 + Dec 31 = 87 by 12/31, so Thu 2019-01-03.
    last = next(st for st in trail if st.text.startswith("Last day to appeal"))
    assert last.day == date(2019, 1, 3)


def test_each_warning_is_shown_once() -> None:
    """A pause the law does not know (Wyoming has none) and a response dated after the as-of day:
    each warning appears once in the trail (explain printed them up to three times before)."""
    request = Request(
        received=date(2024, 3, 1),
        jurisdiction="us-wy",
        acknowledged=date(2024, 3, 4),
        tolls=(Toll(start=date(2024, 3, 5), end=date(2024, 3, 8)),),
        responded=date(2024, 5, 1),
    )
    deadline = compute(request, as_of=date(2024, 3, 20))
    trail = explain(deadline)
    texts = [st.text for st in trail if st.kind == "warning"]
    assert sorted(texts) == sorted(deadline.warnings)
    assert len(texts) == len(set(texts)) == 2


def test_a_law_with_no_fixed_time_says_so_and_shows_the_target() -> None:
    """Iowa sets no time; a target of 10 working days from Mon 2024-03-04: 3/5-8 (4),
    3/11-15 (9), Mon 3/18 (10)."""
    trail = steps(
        Request(received=date(2024, 3, 4), jurisdiction="us-ia", target_days=10), date(2024, 3, 4)
    )
    assert trail[1].text.startswith("No fixed time for a decision")
    assert (trail[1].kind, trail[1].citation) == ("rule", "Iowa Code § 22.8(4)")
    assert _step(trail, "The law sets no fixed time: no fixed time (good-faith") == (
        "note",
        None,
        "Iowa Code § 22.8(4)",
    )
    target = next(st for st in trail if st.text.startswith("Your target"))
    assert (target.kind, target.day) == ("note", date(2024, 3, 18))
    assert not [st for st in trail if st.kind in ("start", "count", "due")]


@pytest.mark.parametrize(
    ("received", "first_received", "kind", "day"),
    [
        # First received Mon 7/2; 10 working days: 7/3 (1), [Wed 7/4], 7/5-6 (3), 7/9-13 (8),
        # 7/16-17 (10): the clock starts no later than Tue 7/17, before the proper office's 7/20.
        (d(7, 20), d(7, 2), "rule", d(7, 17)),
        # First received Mon 7/16: the proper office's receipt on 7/20 is within the 10 days.
        (d(7, 20), d(7, 16), "note", d(7, 16)),
    ],
)
def test_a_misrouted_request(received: date, first_received: date, kind: str, day: date) -> None:
    trail = steps(Request(received=received, first_received=first_received), d(8, 1))
    step = next(st for st in trail if st.text.startswith("First received"))
    assert (step.kind, step.day, step.citation) == (kind, day, "5 U.S.C. § 552(a)(6)(A)(ii)")


def test_a_cut_off_moves_the_receipt_and_says_under_which_rule() -> None:
    """Received Fri 2018-07-20 at 17:42 New York time, with the 17:00 cut-off: received Mon 7/23."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    at = datetime(2018, 7, 20, 17, 42, tzinfo=ZoneInfo("America/New_York"))
    trail = steps(Request(received=at, options=Options(cutoff="17:00")), d(8, 1))
    moved = [st for st in trail if st.kind == "receipt"]
    assert [(st.day, st.citation) for st in moved] == [
        (d(7, 20), ""),
        (
            d(7, 23),
            "received after the cut-off = received the next working day (EPA, 40 CFR 2.104(a)(2))",
        ),
    ]
    assert moved[0].text == "Received Fri 2018-07-20 at 17:42 America/New_York"


def test_the_trail_is_a_function_of_the_deadline() -> None:
    deadline = compute(TOLLED, as_of=d(9, 30))
    assert explain(deadline) == explain(compute(TOLLED, as_of=d(9, 30)))
    assert foiaclock.explain is explain


def _calendar_office() -> dict[str, Jurisdiction]:
    """The federal law with a 10-calendar-day clock whose last day rolls to a working day."""
    from foiaclock.law import define_jurisdiction

    table = {
        "base": "us",
        "name": "Calendar-day office",
        "response": {
            "days": 10,
            "unit": "calendar",
            "roll": True,
            "citation": "Test § 1",
        },
    }
    return {"cal-office": define_jurisdiction("cal-office", table)}


def test_a_calendar_day_count_with_a_pause_and_a_rolled_last_day() -> None:
    """Received Fri 2018-07-20 (day 0); asked for information Mon 7/23, answered Sat 7/28: 7/24
    to 7/28 do not count. Every other day counts, Sundays too: 7/21 (1), 22 (2), 23 (3),
    7/29 (4) ... 8/4 (10), a Saturday: the deadline moves to Mon 2018-08-06."""
    request = Request(
        received=d(7, 20),
        jurisdiction="cal-office",
        tolls=(Toll(start=d(7, 23), end=d(7, 28), kind=TollKind.INFORMATION),),
    )
    deadline = compute(request, as_of=d(9, 30), jurisdictions=_calendar_office())
    assert deadline.due == d(8, 6)
    trail = explain(deadline)
    counted = [d(7, 21), d(7, 22), d(7, 23), *(d(7, k) for k in (29, 30, 31))]
    counted += [d(8, k) for k in (1, 2, 3, 4)]
    expected: list[tuple[str, date | None, int | None, str]] = [("start", d(7, 20), None, "")]
    expected += [("count", day, n, "") for n, day in enumerate(counted[:3], start=1)]
    expected.append(("toll", d(7, 23), None, ""))
    expected += [("skip", d(7, k), None, "paused") for k in (24, 25, 26, 27)]
    expected.append(("skip", d(7, 28), None, "weekend"))  # a Saturday during the pause
    expected += [("count", day, n, "") for n, day in enumerate(counted[3:], start=4)]
    expected.append(("skip", d(8, 4), None, ""))  # the rolled last day
    assert days_of(trail) == expected
    rolled = next(st for st in trail if st.text.startswith("The last day"))
    assert rolled.text == (
        "The last day, Sat 2018-08-04, is not a working day (Saturday): "
        "the deadline moves to Mon 2018-08-06"
    )
    assert rolled.citation == "Test § 1"
    assert trail[trail.index(rolled) + 1].kind == "due"


def test_a_restarted_calendar_day_count_in_canada() -> None:
    """Access to Information Act s.7 (30 calendar days) and the TBS practice of treating an
    unclear request as received when the clarification arrives. Received Mon 2024-03-04, asked
    Wed 3/6, answered Fri 3/8: day 0 is 3/8; 3/9 (1) ... 3/31 (23), 4/1 (24) ... 4/7 (30), with
    Good Friday and Easter Monday counted like any day; Sun 4/7 rolls to Mon 2024-04-08."""
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="ca",
        tolls=(Toll(start=date(2024, 3, 6), end=date(2024, 3, 8), kind=TollKind.INFORMATION),),
    )
    trail = steps(request, date(2024, 5, 1))
    days = days_of(trail)
    assert days[0] == ("start", date(2024, 3, 4), None, "")
    assert days[1][:2] == ("toll", date(2024, 3, 6))
    restarted = trail[trail.index(next(st for st in trail if st.kind == "toll")) + 1]
    assert (restarted.kind, restarted.day) == ("toll", date(2024, 3, 8))
    assert restarted.text == "Clock restarted: day 0 is Fri 2024-03-08"
    numbered = [(day, n) for kind, day, n, _ in days if kind == "count"]
    assert numbered == [(date(2024, 3, 8) + timedelta(days=k), k) for k in range(1, 31)]
    assert days[-1] == ("skip", date(2024, 4, 7), None, "")
    assert next(st for st in trail if st.kind == "due").day == date(2024, 4, 8)


def test_an_extension_after_a_restarted_count_is_counted_from_the_restarted_count() -> None:
    """Canada, restarted on Fri 2024-03-08 (as above; the 30th day is Sun 4/7), extended by 30
    calendar days from that 30th day (s.9: the extension's days come after the 30):
    4/8-30 (23), 5/1-7 (30): due Tue 2024-05-07."""
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="ca",
        extension=30,
        tolls=(Toll(start=date(2024, 3, 6), end=date(2024, 3, 8), kind=TollKind.INFORMATION),),
    )
    trail = steps(request, date(2024, 5, 1))
    (extension,) = [st for st in trail if st.kind == "extension"]
    assert extension.text == "Extended by 30 calendar days from Sun 2024-04-07"
    assert (extension.day, extension.citation) == (
        date(2024, 5, 7),
        "Access to Information Act s.9(1)",
    )


def _step(trail: tuple[Step, ...], start: str) -> tuple[str, date | None, str]:
    (found,) = [st for st in trail if st.text.startswith(start)]
    return (found.kind, found.day, found.citation)


def test_the_acknowledgement_steps() -> None:
    """Alabama (Ala. Code § 36-12-44(a)(3)-(4)): acknowledge within 10 days of Mon 2024-04-15,
    Thu 4/25; the 15 business days run from the acknowledgement. On time (Wed 4/24): day 0 is
    4/24. A day late (Fri 4/26): the clock runs from the deadline, 4/25."""
    on_time = steps(
        Request(received=date(2024, 4, 15), jurisdiction="us-al", acknowledged=date(2024, 4, 24)),
        date(2024, 5, 1),
    )
    assert _step(on_time, "The response clock runs from the acknowledgement") == (
        "rule",
        date(2024, 4, 24),
        "Ala. Code § 36-12-44(a)(3)",
    )
    late = steps(
        Request(received=date(2024, 4, 15), jurisdiction="us-al", acknowledged=date(2024, 4, 26)),
        date(2024, 5, 1),
    )
    assert _step(late, "Acknowledged Fri 2024-04-26, after its deadline Thu 2024-04-25") == (
        "note",
        date(2024, 4, 25),
        "",
    )
    assert not [st for st in late if st.text.startswith("The response clock runs")]


def test_the_appeal_steps_under_other_laws() -> None:
    """Australia (FOI Act 1982 s.54C(3)): a review received Fri 2024-03-08, known only by its
    filing date, is decided within 30 days: Sun 4/7, rolled to Mon 2024-04-08. Texas sets no
    time for deciding an appeal: a note without a day."""
    au = steps(
        Request(
            received=date(2024, 1, 8),
            jurisdiction="au",
            responded=date(2024, 2, 1),
            adverse=True,
            appeal=Appeal(filed=date(2024, 3, 8)),
        ),
        date(2024, 3, 10),
    )
    assert _step(au, "Appeal: receipt date unknown") == ("note", date(2024, 3, 8), "")
    assert _step(au, "Appeal received Fri 2024-03-08: decision due in 30 calendar days") == (
        "rule",
        date(2024, 4, 8),
        "FOI Act 1982 s.54C(3)",
    )
    tx = steps(
        Request(
            received=date(2024, 3, 4),
            jurisdiction="us-tx",
            responded=date(2024, 3, 8),
            appeal=Appeal(received=date(2024, 3, 20)),
        ),
        date(2024, 4, 1),
    )
    assert _step(tx, "Texas sets no time for deciding an appeal") == ("note", None, "")


def test_the_appeal_window_and_the_expedited_decision() -> None:
    """An appeal received Mon 2018-10-15: 20 working days, due Tue 11/13 (counted above). Read
    with strict holiday dates, Mon 11/12 (Veterans Day, Sun 11/11, observed) is a working day:
    Mon 11/12. Expedited processing asked: a decision within
    10 calendar days of Fri 7/20, Mon 7/30."""
    trail = steps(
        Request(
            received=d(7, 20),
            expedited=True,
            responded=d(10, 5),
            adverse=True,
            appeal=Appeal(received=d(10, 15)),
        ),
        d(12, 1),
    )
    earliest = next(st for st in trail if st.text.startswith("Appeal decision due at the earliest"))
    assert (earliest.kind, earliest.day) == ("option", d(11, 12))
    assert _step(trail, "Decision on expedited processing due Mon 2018-07-30") == (
        "rule",
        d(7, 30),
        "5 U.S.C. § 552(a)(6)(E)(ii)(I); 28 CFR 16.5(e)(4)",
    )


def test_a_clarification_asked_and_answered_on_one_day_comes_before_the_restart() -> None:
    """Canada: received Mon 2024-03-04, a clarification asked and answered on Fri 3/8. Day 0
    is 3/8, the day the answer came; the pause's step, dated 3/8 too, comes before the restart
    it caused, and the count then runs 3/9 (1) ... Sun 4/7 (30), rolled to Mon 2024-04-08."""
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="ca",
        tolls=(Toll(start=date(2024, 3, 8), end=date(2024, 3, 8), kind=TollKind.INFORMATION),),
    )
    trail = steps(request, date(2024, 5, 1))
    days = days_of(trail)
    assert [(kind, day) for kind, day, _, _ in days[:4]] == [
        ("start", date(2024, 3, 4)),
        ("toll", date(2024, 3, 8)),
        ("toll", date(2024, 3, 8)),
        ("count", date(2024, 3, 9)),
    ]
    stopped = trail[trail.index(next(st for st in trail if st.kind == "toll"))]
    assert stopped.text.startswith("Clock stopped Fri 2024-03-08 (information request)")
    restarted = trail[trail.index(stopped) + 1]
    assert restarted.text == "Clock restarted: day 0 is Fri 2024-03-08"
    assert days[4][2] == 2 and days[-1] == ("skip", date(2024, 4, 7), None, "")
    assert next(st for st in trail if st.kind == "due").day == date(2024, 4, 8)


def test_a_later_pause_goes_among_the_days_after_a_restart() -> None:
    """Canada, restarted Fri 2024-03-08 (as above); a second clarification asked Wed 3/20 is
    recorded as disputed, so it stops nothing (due Mon 4/8 still): its step goes in among the days,
    after Wed 3/20 (day 12 of the restarted count) and before the first day it would have stopped,
    Thu 3/21 (day 13), not with the restart."""
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="ca",
        tolls=(
            Toll(start=date(2024, 3, 6), end=date(2024, 3, 8), kind=TollKind.INFORMATION),
            Toll(
                start=date(2024, 3, 20),
                end=date(2024, 3, 22),
                kind=TollKind.INFORMATION,
                disputed=True,
            ),
        ),
    )
    deadline = compute(request, as_of=date(2024, 5, 1))
    assert deadline.due == date(2024, 4, 8)
    days = days_of(explain(deadline))
    disputed = days.index(("toll", date(2024, 3, 20), None, ""))
    assert days[disputed - 1] == ("count", date(2024, 3, 20), 12, "")
    assert days[disputed + 1] == ("count", date(2024, 3, 21), 13, "")


# ---- What follows from the dates, step by step ---------------------------------------------
# Received Mon 2018-07-02: 7/3 (1), [Wed 7/4 Independence Day], 7/5-6 (3), 7/9-13 (8), 7/16-20
# (13), 7/23-27 (18), 7/30 (19), Tue 7/31 (20): due Tue 2018-07-31.


def test_a_suit_is_a_note_on_its_day_with_its_case_number() -> None:
    # Suit filed Tue 2018-09-04 (Mon 9/3 was Labor Day).
    sued = Request(id="s", received=d(7, 2), litigation=d(9, 4), case="1:18-cv-01234")
    trail = steps(sued, d(10, 1))
    notes = [(st.kind, st.day) for st in trail if st.text.startswith("Suit filed")]
    assert notes == [("note", d(9, 4))]
    (text,) = [st.text for st in trail if st.text.startswith("Suit filed")]
    assert text == (
        "Suit filed Tue 2018-09-04 (case 1:18-cv-01234): the agency's clocks and the requester's "
        "stop on that day; the court's schedule governs from then on"
    )
    no_case = steps(replace(sued, case=""), d(10, 1))
    assert any(st.text.startswith("Suit filed Tue 2018-09-04: the agency's") for st in no_case)


def test_an_agreed_date_is_the_extension_step_and_the_fee_exception_a_note() -> None:
    # Due Tue 7/31; the requester agreed to Fri 2018-09-14. With the notice (an extension) and
    # more than 5,000 pages, the fees are not barred (§ 552(a)(4)(A)(viii)(II)(bb)).
    agreed = Request(id="x", received=d(7, 2), extension=d(9, 14), fee_exception=True)
    trail = steps(agreed, d(10, 1))
    (ext,) = [st for st in trail if st.kind == "extension"]
    assert (ext.text, ext.day, ext.citation) == (
        "New date agreed with the requester: Fri 2018-09-14",
        d(9, 14),
        EXTENSION,
    )
    fees = [st for st in trail if st.text.startswith("Fees not barred")]
    assert [(st.kind, st.citation) for st in fees] == [
        ("note", "5 U.S.C. § 552(a)(4)(A)(viii)(II)(bb)")
    ]


def test_a_last_day_to_appeal_on_a_sunday_is_flagged_on_that_day() -> None:
    # Answered (adverse) Mon 2018-08-06; 90 calendar days: 8/31 is day 25, 9/30 day 55, 10/31
    # day 86, Sun 2018-11-04 day 90. The federal statute does not move it.
    answered = Request(id="a", received=d(7, 2), responded=d(8, 6), adverse=True)
    trail = steps(answered, d(10, 1))
    flagged = [st for st in trail if st.text.startswith("The last day to appeal")]
    assert [(st.kind, st.day) for st in flagged] == [("note", d(11, 4))]
    (last,) = [st for st in trail if st.text.startswith("Last day to appeal")]
    assert (last.kind, last.day, last.citation) == (
        "rule",
        d(11, 4),
        "5 U.S.C. § 552(a)(6)(A)(i)(III)(aa)",
    )


def test_a_tracks_own_time_to_appeal_is_the_one_cited() -> None:
    # Kentucky, an inmate's request: received Fri 2019-03-01, denied Mon 2019-03-04; 20 calendar
    # days to send the challenge (KRS 197.025(3)): Sun 2019-03-24, rolled to Mon 2019-03-25. The
    # general appeal window (KRS 61.880) is not the one cited.
    inmate = Request(
        id="k",
        jurisdiction="us-ky",
        track="inmate",
        received=date(2019, 3, 1),
        responded=date(2019, 3, 4),
        adverse=True,
    )
    trail = steps(inmate, date(2019, 3, 10))
    (last,) = [st for st in trail if st.text.startswith("Last day to appeal")]
    assert (last.day, last.citation) == (date(2019, 3, 25), "KRS 197.025(3)")
    assert "20 calendar days (rolled to a working day) from the denial); sent by then" in last.text


def test_a_reply_given_on_the_as_of_day_is_listed_with_its_subject_or_the_reply() -> None:
    # Asked to reply by Wed 2018-08-15; replied Fri 2018-08-10, the as-of day.
    asked = Request(id="r", received=d(8, 1), replies=(Reply(by=d(8, 15), replied=d(8, 10)),))
    trail = steps(asked, d(8, 10))
    replied = [(st.kind, st.text, st.day) for st in trail if st.text.startswith("Replied")]
    assert replied == [("note", "Replied Fri 2018-08-10 (the reply; due Wed 2018-08-15)", d(8, 10))]
    named = replace(asked, replies=(Reply(by=d(8, 15), about="fee estimate", replied=d(8, 10)),))
    texts = [st.text for st in steps(named, d(8, 10)) if st.text.startswith("Replied")]
    assert texts == ["Replied Fri 2018-08-10 (fee estimate; due Wed 2018-08-15)"]


# ---- The appeal's decision clock ----------------------------------------------------------------


def test_the_appeal_window_ends_name_every_reading_that_moves_them() -> None:
    # Appeal received Mon 2018-11-05: 11/6-9 (4), [Mon 11/12 Veterans Day observed: 11/11 is a
    # Sunday], 11/13-16 (8), 11/19-21 (11), [Thu 11/22 Thanksgiving], 11/23 (12), 11/26-30 (17),
    # 12/3-4 (19), [Wed 12/5 closed by executive order, a national day of mourning], Thu 12/6 (20).
    # Counting Mon 11/12 (strict dates) or Wed 12/5 (closures as working days) alone gives Wed
    # 12/5; both together, Tue 12/4.
    appealed = Request(
        id="p",
        received=d(8, 1),
        responded=d(9, 3),
        adverse=True,
        appeal=Appeal(received=d(11, 5)),
    )
    trail = steps(appealed, d(11, 6))
    decision = [st for st in trail if st.text.startswith("Appeal received")]
    assert [(st.kind, st.day) for st in decision] == [("rule", d(12, 6))]
    options = [(st.text, st.day) for st in trail if st.text.startswith("Appeal decision due")]
    assert options == [
        (
            "Appeal decision due at the earliest Tue 2018-12-04, with strict legal-holiday dates, "
            "no observed Friday/Monday (5 U.S.C. § 6103(a) read alone) and executive-order "
            "closures counted as working days",
            d(12, 4),
        )
    ]


def test_the_appeal_windows_latest_end_is_named_too() -> None:
    # Appeal received Mon 2020-12-21: 12/22-23 (2), [Thu 12/24 closed by executive order], [Fri 12/25],
    # 12/28-31 (6), [Fri 1/1], 1/4-8 (11), 1/11-15 (16), [Mon 1/18 King's Birthday], 1/19-22
    # (20): due Fri 2021-01-22. With 12/24 counted: Thu 1/21. With Wed 1/20 (Inauguration Day) a
    # holiday: Mon 1/25.
    appealed = Request(
        id="q",
        received=date(2020, 10, 1),
        responded=date(2020, 11, 2),
        adverse=True,
        appeal=Appeal(received=date(2020, 12, 21)),
    )
    trail = steps(appealed, date(2020, 12, 22))
    options = [(st.kind, st.day) for st in trail if st.text.startswith("Appeal decision due")]
    assert options == [("option", date(2021, 1, 21)), ("option", date(2021, 1, 25))]
    latest = [st.text for st in trail if st.text.startswith("Appeal decision due at the latest")]
    assert latest == [
        "Appeal decision due at the latest Mon 2021-01-25, with Inauguration Day a holiday "
        "(DC-area office, 5 U.S.C. § 6103(c))"
    ]


@pytest.mark.parametrize("code, name", [("us-ak", "Alaska"), ("us-ca", "California")])
def test_an_appeal_under_a_law_with_no_decision_clock(code: str, name: str) -> None:
    # Filed Wed 2019-03-06 (its receipt unknown); the law sets no time for the decision.
    appealed = Request(
        id="n",
        jurisdiction=code,
        received=date(2019, 3, 1),
        responded=date(2019, 3, 4),
        adverse=True,
        appeal=Appeal(filed=date(2019, 3, 6)),
    )
    trail = steps(appealed, date(2019, 3, 20))
    assert [(st.kind, st.text, st.day) for st in trail[-2:]] == [
        (
            "note",
            "Appeal: receipt date unknown; the filing date Wed 2019-03-06 is used",
            date(2019, 3, 6),
        ),
        ("note", f"{name} sets no time for deciding an appeal", None),
    ]


# ---- A clock in weeks ---------------------------------------------------------------------------


def test_a_clock_in_weeks_counts_working_days_and_labels_its_extension() -> None:
    # Ireland: 4 weeks = 20 working days (s.2). Received Mon 2019-09-02: 9/3-6 (4), 9/9-13 (9),
    # 9/16-20 (14), 9/23-27 (19), Mon 9/30 (20). Extended by 4 weeks (s.14): 10/1-4 (24), 10/7-11
    # (29), 10/14-18 (34), 10/21-25 (39), [Mon 10/28 October Bank Holiday], Tue 10/29 (40).
    extended = Request(id="ie", jurisdiction="ie", received=date(2019, 9, 2), extension=True)
    trail = steps(extended, date(2019, 11, 1))
    counted = [st for st in trail if st.kind == "count"]
    assert [st.number for st in counted] == list(range(1, 41))
    assert [st.number for st in counted if st.text.endswith("(extension)")] == list(range(21, 41))
    assert counted[19].day == date(2019, 9, 30)
    assert [st.text for st in counted[19:21]] == [
        "Mon 2019-09-30: day 20",
        "Tue 2019-10-01: day 21 (extension)",
    ]
    (ext,) = [st for st in trail if st.kind == "extension"]
    assert (ext.text, ext.day) == ("Extended by 4 weeks from Mon 2019-09-30", date(2019, 10, 29))
    holiday = [st for st in trail if st.kind == "skip" and st.day == date(2019, 10, 28)]
    assert [st.reason for st in holiday] == ["holiday"]


# ---- Pauses of a calendar-day clock, an assumed acknowledgement, a regulation with no rule -------


def test_a_pause_of_a_calendar_day_clock_counts_calendar_days() -> None:
    # Australia: 30 days from Mon 2019-06-03 (6/30 is day 27): Wed 2019-07-03. A fee notice Mon
    # 6/10 answered Fri 6/14 stops 6/11-6/14 (4 days): Sun 7/7, the next working day Mon 7/8.
    fee = Request(
        id="au",
        jurisdiction="au",
        received=date(2019, 6, 3),
        tolls=(Toll(start=date(2019, 6, 10), end=date(2019, 6, 14), kind=TollKind.FEE),),
    )
    deadline = compute(fee, as_of=date(2019, 7, 20))
    assert (deadline.statutory_due, deadline.due) == (date(2019, 7, 3), date(2019, 7, 8))
    (pause,) = [st for st in explain(deadline) if st.kind == "toll"]
    assert pause.day == date(2019, 6, 10)
    assert pause.text.endswith("Fri 2019-06-14: 4 days not counted")


def test_a_clock_from_an_acknowledgement_never_given_warns_on_day_0() -> None:
    # Wyoming's clock runs from the acknowledgement; with none given it is counted from the
    # receipt, Mon 2019-06-03, and the warning stands on that day, once.
    unacknowledged = Request(id="wy", jurisdiction="us-wy", received=date(2019, 6, 3))
    trail = steps(unacknowledged, date(2019, 6, 20))
    warnings = [(st.day, st.text) for st in trail if st.kind == "warning"]
    assert warnings == [
        (
            date(2019, 6, 3),
            "Wyoming's clock runs from the acknowledgement; no date was given (acknowledged = "
            "DATE), so it is counted from receipt",
        )
    ]


def test_why_this_law_cites_a_regulation_without_a_federal_register_rule_alone() -> None:
    # The NRC's subpart A is cited without a Federal Register rule (none was found).
    trail = steps(Request(id="n", agency="NRC", received=date(2020, 6, 1)), date(2020, 6, 2))
    why = trail[1]
    assert (why.kind, why.citation) == ("note", "10 CFR part 9, subpart A")
    assert why.text.startswith("Why this law: the agency 'NRC' is the Nuclear Regulatory")


def test_a_pause_the_law_does_not_provide_warns_on_its_day() -> None:
    # New York has no pause for a fee request: the one recorded from Wed 2019-06-05 is shown as a
    # warning on that day and changes nothing.
    fee = Request(
        id="ny",
        jurisdiction="us-ny",
        received=date(2019, 6, 3),
        tolls=(Toll(start=date(2019, 6, 5), end=date(2019, 6, 7), kind=TollKind.FEE),),
    )
    warned = [st for st in steps(fee, date(2019, 7, 1)) if st.kind == "warning"]
    assert [st.day for st in warned] == [date(2019, 6, 5)]
    assert warned[0].text.startswith("New York provides no pause for a fee request")
