"""The federal law as it stood on the receipt date (issue 9, item 5): 10 working days before the
Electronic FOIA Amendments of 1996 took effect, 20 after (Pub. L. 104-231 § 12(b): 1997-10-02);
the expedited-processing clock from the same day; the search-fee bar of the OPEN Government Act
of 2007 from 2008-12-31 (Pub. L. 110-175 § 6(b)); the 90-day appeal window of the FOIA
Improvement Act of 2016 for requests made after 2016-06-30 (Pub. L. 114-185 § 6). Dates counted
by hand on a month calendar with the federal holidays."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from foiaclock import Request, Toll, TollKind, compute, explain
from foiaclock.errors import TollError
from foiaclock.law import TollRule, get_jurisdiction

FAR = date(2030, 1, 1)


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        (date(1996, 3, 1), date(1996, 3, 15), "Fri: 10 working days, 3/4-8 (5), 3/11-15 (10)"),
        (
            date(1997, 10, 1),
            date(1997, 10, 16),
            "Wed, the last day of the 10-day law: 10/2-3 (2), 10/6-10 (7), Mon 10/13 Columbus "
            "Day, 10/14-16 (10)",
        ),
        (
            date(1997, 10, 2),
            date(1997, 10, 31),
            "Thu, the first day of the 20-day law: 10/3 (1), 10/6-10 (6), Mon 10/13 Columbus Day, "
            "10/14-17 (10), 10/20-24 (15), 10/27-31 (20)",
        ),
    ],
)
def test_the_response_clock_in_force_on_the_receipt_date(
    received: date, due: date, why: str
) -> None:
    d = compute(Request(received=received), as_of=received)
    assert d.due == due, why
    days = 10 if received < date(1997, 10, 2) else 20
    assert explain(d)[1].text == f"Decision due in {days} working days", why


def test_the_expedited_clock_dates_from_1997() -> None:
    before = compute(Request(received=date(1997, 10, 1), expedited=True), as_of=FAR)
    after = compute(Request(received=date(1997, 10, 2), expedited=True), as_of=FAR)
    assert before.expedited_decision_due is None, "no statutory expedited clock yet"
    # Thu 1997-10-02 + 10 calendar days = Sun 10/12 (the rule does not roll).
    assert after.expedited_decision_due == date(1997, 10, 12)


def test_the_search_fee_bar_dates_from_the_end_of_2008() -> None:
    """Both unanswered long after their due dates: only the request received from 2008-12-31
    has the fee bar."""
    before = compute(Request(received=date(2008, 12, 30)), as_of=FAR)
    after = compute(Request(received=date(2008, 12, 31)), as_of=FAR)
    assert before.search_fees_barred is None
    assert after.search_fees_barred is True
    assert not [st for st in explain(before) if "search fees" in st.text]


def test_the_90_day_appeal_window_dates_from_the_2016_act() -> None:
    """Adverse determination Fri 2016-08-05. For a request received 2016-06-30 (made before
    the Act) the agency's regulation set the window: no date from the statute. Received
    2016-07-01: 90 calendar days, Aug 31 (26), Sep 30 (56), Oct 31 (87), Thu 2016-11-03 (90)."""
    before = compute(
        Request(received=date(2016, 6, 30), responded=date(2016, 8, 5), adverse=True), as_of=FAR
    )
    after = compute(
        Request(received=date(2016, 7, 1), responded=date(2016, 8, 5), adverse=True), as_of=FAR
    )
    assert before.appeal_by is None
    assert after.appeal_by == date(2016, 11, 3)


def test_the_misrouting_cap_dates_from_the_end_of_2008() -> None:
    """First received by the wrong component Mon 2008-12-01. Received by the right one Wed
    12/31: the clock starts no later than 10 working days after 12/1 (12/2-5 (4), 12/8-12 (9),
    Mon 12/15 (10)). Received Tue 12/30, before the OPEN Government Act's cap took effect: the
    clock starts from that receipt, and the unused fact is said to be unused."""
    after = compute(
        Request(received=date(2008, 12, 31), first_received=date(2008, 12, 1)), as_of=FAR
    )
    before = compute(
        Request(received=date(2008, 12, 30), first_received=date(2008, 12, 1)), as_of=FAR
    )
    assert after.clock_start == date(2008, 12, 15)
    assert before.clock_start == date(2008, 12, 30)
    assert any(w.startswith("first_received is not used") for w in before.warnings)
    assert not any(w.startswith("first_received") for w in after.warnings)


def test_a_law_without_a_misrouting_cap_does_not_borrow_the_federal_one() -> None:
    """New York's FOIL has no rule for a request first sent to the wrong agency: received Mon
    2024-05-20, first sent 5/1, the clock starts from 5/20 (before, the federal cap moved it to
    5/15)."""
    d = compute(
        Request(received=date(2024, 5, 20), first_received=date(2024, 5, 1), jurisdiction="us-ny"),
        as_of=date(2024, 6, 1),
    )
    assert d.clock_start == date(2024, 5, 20)
    assert (
        "first_received is not used: New York sets no time for a request first sent to the "
        "wrong office, so the clock starts from received"
    ) in d.warnings


def test_a_federal_request_before_the_cap_says_when_it_began() -> None:
    """Received Mon 2008-06-02, first sent to another component 5/20: the cap dates from
    2008-12-31 (OPEN Government Act of 2007 § 6(a)), so the clock starts from 6/2, and the
    warning says from when the law has the cap."""
    d = compute(
        Request(received=date(2008, 6, 2), first_received=date(2008, 5, 20), jurisdiction="us"),
        as_of=date(2008, 6, 3),
    )
    assert d.clock_start == date(2008, 6, 2)
    assert (
        "first_received is not used: United States (federal) sets no time for requests received "
        "before 2008-12-31 for a request first sent to the wrong office, so the clock starts "
        "from received"
    ) in d.warnings


def test_before_2016_an_extension_lifted_the_fee_bar() -> None:
    """Received Thu 2012-03-01, extended for unusual circumstances, never answered: under the
    2007 text the bar applied only "if no unusual or exceptional circumstances" did, so fees are
    not barred; without the extension they are (the time limit passed long before 2013)."""
    extended = compute(
        Request(received=date(2012, 3, 1), jurisdiction="us", extension=True),
        as_of=date(2013, 1, 2),
    )
    assert extended.search_fees_barred is False
    plain = compute(Request(received=date(2012, 3, 1), jurisdiction="us"), as_of=date(2013, 1, 2))
    assert plain.search_fees_barred is True


def test_from_2016_an_extension_only_moves_the_fee_bar() -> None:
    """Received Thu 2016-07-07, extended: due 30 working days later; a year on, unanswered, the
    fees are barred ((viii)(II)(aa) only delays the bar)."""
    d = compute(
        Request(received=date(2016, 7, 7), jurisdiction="us", extension=True),
        as_of=date(2017, 7, 7),
    )
    assert d.search_fees_barred is True


def _info(start: date, end: date) -> Toll:
    return Toll(start=start, end=end, kind=TollKind.INFORMATION)


def test_before_2008_12_31_the_statute_did_not_limit_pauses() -> None:
    """Mon 2008-06-02: 20 working days, 6/3-6 (4), 6/9-13 (9), 6/16-20 (14), 6/23-27 (19), Mon 6/30
    (20). Two requests for information (the statute's one-only limit is from Pub. L. 110-175
    § 6(a), in force 2008-12-31): asked Tue 6/10, answered Thu 6/12 (6/11-12 do not count: 2);
    asked Tue 6/17, answered Wed 6/18 (1). 3 working days later: 7/1, 7/2, Thu 7/3."""
    request = Request(
        received=date(2008, 6, 2),
        tolls=(
            _info(date(2008, 6, 10), date(2008, 6, 12)),
            _info(date(2008, 6, 17), date(2008, 6, 18)),
        ),
    )
    d = compute(request, as_of=FAR)
    assert d.due == date(2008, 7, 3)
    assert d.tolled_days == 3


@pytest.mark.parametrize(
    ("received", "refused"),
    [
        (date(2008, 12, 30), False),  # the last day before § 6(a) took effect
        (date(2008, 12, 31), True),  # its first day: one request for information only
    ],
)
def test_the_one_information_pause_limit_dates_from_2008_12_31(
    received: date, refused: bool
) -> None:
    request = Request(
        received=received,
        tolls=(
            _info(date(2009, 1, 5), date(2009, 1, 6)),
            _info(date(2009, 1, 12), date(2009, 1, 13)),
        ),
    )
    if refused:
        with pytest.raises(TollError, match="second information-request pause"):
            compute(request, as_of=FAR)
    else:
        assert compute(request, as_of=FAR).tolled_days == 2  # 1/6 and 1/13


def test_a_pause_before_the_laws_first_tolling_rule_is_shown_but_not_counted() -> None:
    """A law whose pauses start on a date: an earlier request's pause is unused, and the warning
    says from when the law has it."""
    law = replace(
        get_jurisdiction("us"),
        code="x-late-tolling",
        tolling=(
            (
                TollKind.INFORMATION,
                TollRule(mode="pause", citation="X § 1", since=date(2018, 1, 1)),
            ),
            (TollKind.FEE, TollRule(mode="pause", citation="X § 2", since=date(2020, 1, 1))),
        ),
    )
    request = Request(
        received=date(2019, 6, 3),
        jurisdiction="x-late-tolling",
        tolls=(Toll(start=date(2019, 6, 5), end=date(2019, 6, 10), kind=TollKind.FEE),),
    )
    d = compute(request, as_of=FAR, jurisdictions={"x-late-tolling": law})
    assert d.tolled_days == 0
    assert any("fee request received before 2020-01-01" in w for w in d.warnings), d.warnings
