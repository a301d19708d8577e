"""The response clock's own count (`foiaclock.engine.count`): where an extension is counted
from, what rolls, the misrouting cap at its boundary, and the facts the trail shows for them.

Each law here is one of a requests file's own (`define_jurisdiction`, on the federal calendar),
so that each row turns on one rule. Every date was counted by hand on a printed calendar of
March-April 2024 (Fri 3/1, Mon 3/4, 3/11, 3/18, 3/25, Mon 4/1; no federal holiday in those
weeks); each row says how.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from _laws import law

from foiaclock import Options, Request, RequestError, Toll, TollKind, compute, explain
from foiaclock.law import Jurisdiction

FAR = date(2100, 1, 1)

#: A clock of 10 calendar days whose last day rolls to a working day.
CALENDAR_10 = {"days": 10, "unit": "calendar", "roll": True, "citation": "X § 1"}
#: A clock of 10 working days.
WORKING_10 = {"days": 10, "unit": "working", "citation": "X § 1"}


def due_under(j: Jurisdiction, request: Request) -> tuple[date | None, date | None]:
    d = compute(request, as_of=FAR, jurisdictions={j.code: j})
    return d.statutory_due, d.due


@pytest.mark.parametrize(
    ("response", "extension", "received", "statutory", "extended", "reason"),
    [
        (
            WORKING_10,
            {"days": 30, "unit": "calendar", "from": "received", "roll": True},
            date(2024, 3, 4),
            date(2024, 3, 18),
            date(2024, 4, 3),
            "10 working days from Mon 3/4: 3/5-8 (4), 11-15 (9), Mon 3/18 (10). The extension "
            "runs 30 calendar days from day 0, Mon 3/4: Wed 4/3 (from the due date it would be "
            "Wed 4/17)",
        ),
        (
            CALENDAR_10,
            {"days": 5, "unit": "working"},
            date(2024, 3, 7),
            date(2024, 3, 18),
            date(2024, 3, 25),
            "10 calendar days from Thu 3/7: Sun 3/17, rolled to Mon 3/18. 5 working days from the "
            "rolled due date: 3/19-22 (4), Mon 3/25 (5) (from the raw Sunday it would be Fri 3/22)",
        ),
        (
            CALENDAR_10,
            {"days": 13, "unit": "calendar"},
            date(2024, 3, 7),
            date(2024, 3, 18),
            date(2024, 4, 1),
            "Due Mon 3/18 as above. 13 calendar days from the raw last day, Sun 3/17: Sat 3/30, "
            "which rolls, as the clock's last day does, to Mon 4/1",
        ),
        (
            WORKING_10,
            {"days": 5, "unit": "working"},
            date(2024, 3, 4),
            date(2024, 3, 18),
            date(2024, 3, 25),
            "The usual case: 5 working days from the due date, Mon 3/18: 3/19-22 (4), Mon 3/25",
        ),
    ],
)
def test_where_an_extension_is_counted_from(
    response: dict[str, Any],
    extension: dict[str, Any],
    received: date,
    statutory: date,
    extended: date,
    reason: str,
) -> None:
    j = law("ext-law", response=response, extension={**extension, "citation": "X § 2"})
    request = Request(received=received, jurisdiction="ext-law", extension=True)
    assert due_under(j, request) == (statutory, extended), reason


def test_the_trail_names_the_day_an_extension_from_receipt_runs_from() -> None:
    """The first row above, explained: the extension step says it runs from day 0, Mon 3/4."""
    j = law(
        "ext-law",
        response=WORKING_10,
        extension={"days": 30, "unit": "calendar", "from": "received", "citation": "X § 2"},
    )
    d = compute(
        Request(received=date(2024, 3, 4), jurisdiction="ext-law", extension=True),
        as_of=FAR,
        jurisdictions={"ext-law": j},
    )
    (step,) = [st for st in explain(d) if st.kind == "extension"]
    assert (step.text, step.day) == (
        "Extended by 30 calendar days from Mon 2024-03-04",
        date(2024, 4, 3),
    )


def test_an_extension_from_the_acknowledgement_under_a_law_with_no_acknowledgement_clock() -> None:
    """The law sets no time for an acknowledgement, but its extension runs from one: acknowledged
    Wed 3/6, 10 working days from it: 3/7-8 (2), 11-15 (7), 18-20 (10): Wed 3/20 (from the due
    date, Mon 3/18, it would be Mon 4/1)."""
    j = law(
        "ack-ext",
        response=WORKING_10,
        extension={"days": 10, "unit": "working", "from": "acknowledged", "citation": "X § 2"},
    )
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="ack-ext",
        acknowledged=date(2024, 3, 6),
        extension=True,
    )
    assert due_under(j, request) == (date(2024, 3, 18), date(2024, 3, 20))


def test_the_trail_shows_the_raw_last_day_of_a_rolled_calendar_day_clock() -> None:
    """Received Thu 3/7, 10 calendar days: Sun 3/17, not a working day: due Mon 3/18."""
    j = law("cal-law", response=CALENDAR_10)
    d = compute(
        Request(received=date(2024, 3, 7), jurisdiction="cal-law"),
        as_of=FAR,
        jurisdictions={"cal-law": j},
    )
    assert d.due == date(2024, 3, 18)
    last = [st for st in explain(d) if st.kind == "skip" and st.day == date(2024, 3, 17)]
    assert [st.text for st in last] == [
        "The last day, Sun 2024-03-17, is not a working day (Sunday): the deadline moves to "
        "Mon 2024-03-18"
    ]


@pytest.mark.parametrize(
    ("received", "applied", "reason"),
    [
        (
            date(2024, 3, 18),
            False,
            "first received Mon 3/4; 10 working days later is Mon 3/18 (3/5-8, 11-15, 18): the "
            "proper component received it on the last day of the cap, so its receipt starts "
            "the clock",
        ),
        (
            date(2024, 3, 19),
            True,
            "received Tue 3/19, a day after the cap: the clock starts on Mon 3/18",
        ),
    ],
)
def test_the_misrouting_cap_on_its_last_day(received: date, applied: bool, reason: str) -> None:
    request = Request(received=received, first_received=date(2024, 3, 4))
    d = compute(request, as_of=FAR)
    assert d.clock_start == date(2024, 3, 18), reason
    kinds = {st.kind for st in explain(d) if "First received" in st.text}
    assert kinds == ({"rule"} if applied else {"note"}), reason


def test_a_law_with_no_fixed_time_still_shows_day_0_its_cap_and_its_acknowledgement() -> None:
    """No fixed time for the response, but a 10-working-day misrouting cap (the statute's) and
    an acknowledgement due in 5 working days. First received Mon 3/4, received Tue 3/19: the cap
    ends Mon 3/18 (as above), which starts the clock; with the receipt day counted as day 1, day
    0 is Sun 3/17. The acknowledgement is due 5 working days from day 0: 3/18-22: Fri 3/22."""
    j = law(
        "prompt-law",
        response={"standard": "promptly", "citation": "X § 1"},
        acknowledgement={"days": 5, "unit": "working", "citation": "X § 3"},
    )
    request = Request(
        received=date(2024, 3, 19),
        first_received=date(2024, 3, 4),
        jurisdiction="prompt-law",
        options=Options(receipt_day_counts=True),
    )
    d = compute(request, as_of=FAR, jurisdictions={"prompt-law": j})
    assert (d.due, d.clock_start) == (None, date(2024, 3, 17))
    assert d.acknowledgement_due == date(2024, 3, 22)
    steps = {(st.kind, st.day) for st in explain(d) if st.kind in ("rule", "option")}
    assert ("rule", date(2024, 3, 18)) in steps  # the cap, applied
    assert ("option", date(2024, 3, 17)) in steps  # the receipt day as day 1: day 0 before it


def test_the_receipt_day_as_day_1_dates_day_0_the_day_before() -> None:
    """Received Mon 3/4 with the receipt day as day 1 (43 CFR 2.16(a)): day 0 is Sun 3/3, and the
    20 working days are 3/4-8 (5), 11-15 (10), 18-22 (15), 25-29 (20): Fri 3/29."""
    d = compute(
        Request(received=date(2024, 3, 4), options=Options(receipt_day_counts=True)), as_of=FAR
    )
    assert d.due == date(2024, 3, 29)
    options = [st for st in explain(d) if st.kind == "option" and "day 1" in st.text]
    assert [st.day for st in options] == [date(2024, 3, 3)]


def test_an_unknown_track_is_named_with_the_closest_one_and_the_list() -> None:
    with pytest.raises(RequestError) as caught:
        compute(Request(received=date(2024, 3, 4), jurisdiction="us-il", track="comercial"), FAR)
    assert caught.value.field == "track"
    assert caught.value.message == (
        "Illinois has no track 'comercial' (did you mean 'commercial'?); its tracks: "
        "commercial, recurrent"
    )


@pytest.mark.parametrize(
    ("response", "toll_end", "from_text", "due", "reason"),
    [
        (
            WORKING_10,
            date(2024, 3, 8),
            "Fri 2024-03-22",
            date(2024, 3, 29),
            "answered Fri 3/8, day 0 again: 3/11-15 (5), 18-22 (10): Fri 3/22; 5 working days "
            "more: 3/25-29: Fri 3/29",
        ),
        (
            CALENDAR_10,
            date(2024, 3, 7),
            "Mon 2024-03-18",
            date(2024, 3, 25),
            "answered Thu 3/7, day 0 again: 10 calendar days, Sun 3/17, rolled to Mon 3/18; 5 "
            "working days from the rolled day: 3/19-22 (4), Mon 3/25",
        ),
    ],
)
def test_an_extension_after_a_restart_runs_from_the_restarted_due_date(
    response: dict[str, Any], toll_end: date, from_text: str, due: date, reason: str
) -> None:
    """A law whose information pause restarts the clock (as New Zealand's and Canada's do), and
    an extension of 5 working days from the due date. Received Mon 3/4, asked for information
    Tue 3/5."""
    j = law(
        "restart-law",
        response=response,
        extension={"days": 5, "unit": "working", "citation": "X § 2"},
        tolling={"information": {"mode": "restart", "citation": "X § 4"}},
    )
    request = Request(
        received=date(2024, 3, 4),
        jurisdiction="restart-law",
        extension=True,
        tolls=(Toll(start=date(2024, 3, 5), end=toll_end, kind=TollKind.INFORMATION),),
    )
    d = compute(request, as_of=FAR, jurisdictions={"restart-law": j})
    assert d.due == due, reason
    (step,) = [st for st in explain(d) if st.kind == "extension"]
    assert step.text == f"Extended by 5 working days from {from_text}", reason
