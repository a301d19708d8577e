"""Why a day is not a working day (`Calendar.reason`, `Calendar.non_working_days`), the observance
modes of state holiday statutes, and the rule data's extra days. The expected days come from the
statutes as the rule data encodes them and the holiday names from the `holidays` package (never
from foiaclock)."""

from __future__ import annotations

from datetime import date

import pytest
from _laws import law

from foiaclock import calendar_for
from foiaclock.calendar import ExtraRule, NonWorkingDay
from foiaclock.errors import DateRangeError

US_SOURCE = "5 U.S.C. § 6103(a); observed dates § 6103(b) and EO 11582"
CLOSURE_SOURCE = "executive order closing executive departments"


@pytest.mark.parametrize(
    ("options", "day", "expected"),
    [
        ({}, date(2018, 7, 20), None),  # a Friday: a working day
        ({}, date(2018, 7, 21), NonWorkingDay(date(2018, 7, 21), "Saturday", "weekend", "")),
        (
            {},
            date(2018, 7, 4),
            NonWorkingDay(date(2018, 7, 4), "Independence Day", "holiday", US_SOURCE),
        ),
        (  # Sat 2020-07-04: observed on Fri 7/3 (§ 6103(b))
            {},
            date(2020, 7, 3),
            NonWorkingDay(date(2020, 7, 3), "Independence Day (observed)", "observed", US_SOURCE),
        ),
        (  # strict dates: the Friday before is a working day
            {"observed": False},
            date(2020, 7, 3),
            None,
        ),
        (  # the EO closure of Christmas Eve 2024
            {},
            date(2024, 12, 24),
            NonWorkingDay(date(2024, 12, 24), "Christmas Eve", "closure", CLOSURE_SOURCE),
        ),
        ({"closures": False}, date(2024, 12, 24), None),
        (  # Inauguration Day (Fri 2017-01-20), for DC-area offices only
            {"dc_area": True},
            date(2017, 1, 20),
            NonWorkingDay(
                date(2017, 1, 20), "Inauguration Day", "inauguration", "5 U.S.C. § 6103(c)"
            ),
        ),
        ({}, date(2017, 1, 20), None),
        (  # a day you list yourself
            {"closed_days": [date(2025, 10, 1)]},
            date(2025, 10, 1),
            NonWorkingDay(
                date(2025, 10, 1), "closed day listed by the user", "user", "your own list"
            ),
        ),
    ],
)
def test_why_a_federal_day_does_not_count(
    options: dict[str, object], day: date, expected: NonWorkingDay | None
) -> None:
    assert calendar_for("us", **options).reason(day) == expected  # type: ignore[arg-type]


def test_an_extra_day_of_the_rule_data() -> None:
    """California's Native American Day, the 4th Friday of September (2024: Fri 9/27)."""
    ca = calendar_for("us-ca")
    reason = ca.reason(date(2024, 9, 27))
    assert reason is not None and (reason.name, reason.kind) == ("Native American Day", "extra")
    assert reason.source == ca.spec.citation and "Cal. Gov. Code §§ 6700" in reason.source


def test_the_list_names_holidays_that_fall_on_a_weekend() -> None:
    """Sun 2021-07-04 is listed (it is a weekend day anyway) as the holiday it is, and its
    observed Monday as observed; California's Lincoln Day, Sun 2023-02-12, and its Monday 2/13."""
    listed = {x.day: x for x in calendar_for("us").non_working_days(2021)}
    assert listed[date(2021, 7, 4)] == NonWorkingDay(
        date(2021, 7, 4), "Independence Day", "holiday", US_SOURCE
    )
    assert listed[date(2021, 7, 5)].kind == "observed"
    assert listed[date(2021, 12, 31)].name == "New Year's Day (observed)"  # for Sat 2022-01-01
    ca = {x.day: x for x in calendar_for("us-ca").non_working_days(2023)}
    assert (ca[date(2023, 2, 12)].name, ca[date(2023, 2, 12)].kind) == ("Lincoln Day", "extra")
    assert ca[date(2023, 2, 13)].name == "Lincoln Day" and ca[date(2023, 2, 13)].kind == "extra"


def test_half_day_closings_are_listed_but_count() -> None:
    us = calendar_for("us")
    listed = {x.day: x for x in us.non_working_days(2015)}
    assert listed[date(2015, 12, 24)] == NonWorkingDay(
        date(2015, 12, 24), "Christmas Eve (half-day closing)", "half_day", "working day"
    )
    assert us.is_working_day(date(2015, 12, 24))
    assert date(2015, 12, 24) not in {
        x.day for x in calendar_for("us", closures=False).non_working_days(2015)
    }


# ---- how a state's statute moves a weekend holiday -----------------------------------------


@pytest.mark.parametrize(
    ("code", "day", "working", "reason"),
    [
        (
            "us-ny",
            date(2021, 12, 24),
            True,
            "N.Y. Gen. Constr. Law § 24 moves only a Sunday holiday: "
            "Christmas on Sat 2021-12-25 gives no Friday off",
        ),
        ("us-ny", date(2021, 12, 31), True, "nor does New Year's Day on Sat 2022-01-01"),
        ("us-ny", date(2022, 12, 26), False, "Christmas on Sun 2022-12-25: Monday 12/26 off"),
        ("us-ny", date(2021, 7, 5), False, "Independence Day on Sun 2021-07-04: Monday 7/5 off"),
        (
            "us-ri",
            date(2021, 12, 24),
            True,
            "R.I. Gen. Laws § 25-1-1 moves a weekend holiday to the "
            "Monday after: no Friday off for Sat 2021-12-25",
        ),
        ("us-ri", date(2021, 12, 27), False, "but Monday 12/27 off"),
        ("us-ri", date(2022, 1, 3), False, "New Year's Day on Sat 2022-01-01: Monday 1/3 off"),
        ("us-ri", date(2021, 12, 31), True, "and Fri 2021-12-31 a working day"),
        (
            "us",
            date(2021, 12, 24),
            False,
            "the federal rule: Saturday's holiday on the Friday before",
        ),
    ],
)
def test_weekend_holidays_move_as_each_statute_says(
    code: str, day: date, working: bool, reason: str
) -> None:
    assert calendar_for(code).is_working_day(day) is working, reason


def test_sunday_only_as_an_option() -> None:
    """`saturday_shift = false` reads a state calendar the New York way: Sat 2021-12-25 then
    gives no Friday off in Kentucky either, where by default (the federal shift) it does."""
    assert calendar_for("us-ky", saturday_shift=False).is_working_day(date(2021, 12, 24))
    assert not calendar_for("us-ky").is_working_day(date(2021, 12, 24))


# ---- the rule data's extra days ------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        (ExtraRule("Fixed", day=(3, 17)), 2024, [date(2024, 3, 17)]),
        (ExtraRule("Moved", day=(3, 17), offset=1), 2024, [date(2024, 3, 18)]),
        (ExtraRule("Since", day=(3, 17), since=2025), 2024, []),
        (ExtraRule("Until", day=(3, 17), until=2023), 2024, []),
        (ExtraRule("Until", day=(3, 17), until=2024), 2024, [date(2024, 3, 17)]),
        (ExtraRule("Every 4", day=(3, 17), since=2020, every=4), 2024, [date(2024, 3, 17)]),
        (ExtraRule("Every 4", day=(3, 17), since=2020, every=4), 2023, []),
        (ExtraRule("Good Friday", easter=-2), 2024, [date(2024, 3, 29)]),
        (ExtraRule("Day after", weekday=3, month=11, nth=4, offset=1), 2024, [date(2024, 11, 29)]),
        (ExtraRule("Second Monday", weekday=0, month=10, nth=2), 2024, [date(2024, 10, 14)]),
        (  # a range that wraps the year end (New Zealand: 25 December to 15 January)
            ExtraRule("Christmas", start=(12, 25), end=(1, 15)),
            2024,
            [
                *(date(2024, 1, d) for d in range(1, 16)),
                *(date(2024, 12, d) for d in range(25, 32)),
            ],
        ),
        (
            ExtraRule("Christmas", start=(12, 25), end=(1, 15), since=2024),
            2024,
            [date(2024, 12, d) for d in range(25, 32)],
        ),
        (
            ExtraRule("Summer", start=(7, 1), end=(7, 3)),
            2024,
            [date(2024, 7, 1), date(2024, 7, 2), date(2024, 7, 3)],
        ),
        (
            ExtraRule("Weekend", day=(8, 3), shift="weekend"),
            2024,
            [date(2024, 8, 3), date(2024, 8, 2)],
        ),
        (
            ExtraRule("Sunday", day=(8, 4), shift="weekend"),
            2024,
            [date(2024, 8, 4), date(2024, 8, 5)],
        ),
        (
            ExtraRule("Monday", day=(8, 3), shift="monday"),
            2024,
            [date(2024, 8, 3), date(2024, 8, 5)],
        ),
        (
            ExtraRule("Monday", day=(8, 4), shift="monday"),
            2024,
            [date(2024, 8, 4), date(2024, 8, 5)],
        ),
        (ExtraRule("Weekday", day=(8, 5), shift="weekend"), 2024, [date(2024, 8, 5)]),
        # Every second year with no `since`: counted from year 0, so the even years.
        (ExtraRule("Even", day=(11, 5), every=2), 2024, [date(2024, 11, 5)]),
        (ExtraRule("Even", day=(11, 5), every=2), 2025, []),
    ],
)
def test_extra_rules(rule: ExtraRule, year: int, expected: list[date]) -> None:
    assert sorted(rule.dates(year)) == sorted(expected)


def test_a_half_day_you_list_as_closed_is_your_closed_day() -> None:
    # Thu 2015-12-24 was a half-day closing (a working day); listed in closed_days, the whole day
    # is closed, and the list gives it as yours.
    mine = calendar_for("us", closed_days=[date(2015, 12, 24)])
    listed = {x.day: x for x in mine.non_working_days(2015)}
    assert listed[date(2015, 12, 24)].kind == "user"
    assert not mine.is_working_day(date(2015, 12, 24))


def test_a_holiday_the_law_drops_leaves_the_one_it_shares_a_day_with() -> None:
    # Mon 2016-02-15 was both Presidents' Day (3rd Monday of February: 1, 8, 15) and Susan B.
    # Anthony Day (15 February), which California's calendar drops: the day stays a holiday,
    # named for the one the law has.
    ca = calendar_for("us-ca")
    why = ca.reason(date(2016, 2, 15))
    assert why is not None and (why.name, why.kind) == ("Presidents' Day", "holiday")


def test_a_saturday_holiday_moved_to_monday_is_named_for_it() -> None:
    # Rhode Island moves a Saturday holiday to the Monday after (R.I. Gen. Laws § 25-1-1): Sat
    # 2020-07-04 is observed Mon 2020-07-06, and Fri 2020-07-03 stays a working day.
    ri = calendar_for("us-ri")
    assert ri.reason(date(2020, 7, 6)) == NonWorkingDay(
        date(2020, 7, 6), "Independence Day (observed)", "observed", "R.I. Gen. Laws § 25-1-1"
    )
    assert ri.is_working_day(date(2020, 7, 3))


@pytest.mark.parametrize("observed", [True, False])
def test_inauguration_day_on_a_sunday_is_the_monday_after(observed: bool) -> None:
    # 5 U.S.C. § 6103(c): when January 20 of an inauguration year is a Sunday, the next day
    # selected for the public observance is the holiday (for DC-area offices). Sun 1985-01-20:
    # Mon 1985-01-21 (before the first King's Birthday, 1986), whatever the `observed` reading,
    # which is about § 6103(b)'s weekend shifts.
    dc = calendar_for("us", dc_area=True, observed=observed)
    assert dc.reason(date(1985, 1, 21)) == NonWorkingDay(
        date(1985, 1, 21), "Inauguration Day (observed)", "inauguration", "5 U.S.C. § 6103(c)"
    )
    assert calendar_for("us", observed=observed).is_working_day(date(1985, 1, 21))


def test_a_closed_day_you_list_on_the_last_day_of_a_block_of_years() -> None:
    # The calendar index is built five years at a time (2020-2024 here); Tue 2024-12-31 is the
    # last day of that block, an ordinary working day unless you list it as closed.
    mine = calendar_for("us", closed_days=[date(2024, 12, 31)])
    assert not mine.is_working_day(date(2024, 12, 31))
    assert calendar_for("us").is_working_day(date(2024, 12, 31))


def test_past_the_last_year_reached_the_refusal_says_why() -> None:
    # Requests are received up to 2200; dates reached from them may run to 2210. Twenty working
    # days from Thu 2210-12-20 run into 2211 (2210 has six more: 21, 24, 26-28, 31; Tue 25
    # is Christmas), and a day of 2211 is outside the calendars.
    us = calendar_for("us")
    with pytest.raises(DateRangeError) as past:
        us.add_working_days(date(2210, 12, 20), 20)
    assert str(past.value) == (
        "20 working days after 2210-12-20 falls after the years foiaclock covers (1900 to 2200)"
    )
    with pytest.raises(DateRangeError) as outside:
        us.is_working_day(date(2211, 1, 3))
    assert str(outside.value) == (
        "foiaclock's calendars cover the years 1900 to 2200 (with dates reached from them to "
        "2210); this needs 2211"
    )


@pytest.mark.parametrize(
    ("built", "start", "expected", "reason"),
    [
        (
            (2025, 2029),
            date(2029, 12, 31),
            date(2030, 1, 2),
            "Mon 2029-12-31 is the last working day of the block 2025-2029; Tue 2030-01-01 is "
            "New Year's Day, so the next working day, Wed 2030-01-02, is in a block not built yet",
        ),
        (
            (2205, 2209),
            date(2209, 12, 29),
            date(2210, 1, 2),
            "Fri 2209-12-29 is the last working day of 2209 (Sat 30, Sun 31); Mon 2210-01-01 is "
            "New Year's Day: Tue 2210-01-02, in 2210, the last year reachable (a block of one)",
        ),
    ],
)
def test_one_working_day_past_the_last_block_built(
    built: tuple[int, int], start: date, expected: date, reason: str
) -> None:
    us = calendar_for("us").prepare(*built)
    assert us.add_working_days(start, 1) == expected, reason


def test_a_law_whose_holidays_never_move() -> None:
    """A calendar table with ``observed = false`` (no holiday ever moves): Independence Day on
    Sat 2020-07-04 leaves Fri 7/3 a working day, whatever the observed option says."""
    fixed = law("fixed", calendar={"country": "US", "observed": False, "citation": "Fixed § 1"})
    for observed in (True, False):
        assert calendar_for(fixed, observed=observed).is_working_day(date(2020, 7, 3)), observed
    assert not calendar_for("us").is_working_day(date(2020, 7, 3))  # the federal shift


@pytest.mark.parametrize(
    ("day", "working", "reason"),
    [
        (
            date(2020, 12, 28),
            True,
            "Boxing Day on Sat 2020-12-26: its substitute Monday is not a Sunday holiday's Monday",
        ),
        (
            date(2021, 12, 27),
            False,
            "Boxing Day on Sun 2021-12-26: the Monday after is off (named Christmas Day "
            "(observed) by the package)",
        ),
        (
            date(2021, 12, 28),
            True,
            "the package's Tue 2021-12-28 (Boxing Day (observed)) follows no Sunday holiday",
        ),
    ],
)
def test_sunday_only_in_a_country_that_moves_saturday_holidays_to_monday(
    day: date, working: bool, reason: str
) -> None:
    """The UK moves a weekend bank holiday to the next weekday (the holidays package lists Mon
    2020-12-28 as Boxing Day (observed)); with saturday_shift = false only a Sunday holiday's
    Monday stays off."""
    assert calendar_for("uk", saturday_shift=False).is_working_day(day) is working, reason
    assert not calendar_for("uk").is_working_day(day)  # by default every substitute day is off
