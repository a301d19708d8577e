"""The working-day calendar: hand-counted tables, then properties against a naive day-by-day count.

The naive reference below is written independently of `foiaclock.calendar`: it asks the `holidays`
package directly for each year's days, decides the rule data's extra days from their meaning in
foiaclock/law/data/README.md (a test of each day, not the generator the calendar uses), and steps
one day at a time.
"""

from __future__ import annotations

import warnings
from calendar import monthrange
from datetime import date, timedelta
from functools import cache

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foiaclock
from foiaclock import Request, Toll, calendar_for, compute
from foiaclock.calendar import CalendarSpec, ExtraRule
from foiaclock.errors import DateRangeError
from foiaclock.law import Jurisdiction, all_jurisdictions, get_jurisdiction

US = calendar_for("us")

# --------------------------------------------------------------------------------------------
# Hand-counted tables (each row: the reason it exists).

ADD = [
    # start, n, expected, reason
    (date(2018, 7, 20), 0, date(2018, 7, 20), "n = 0 is the start itself"),
    (date(2018, 7, 20), 1, date(2018, 7, 23), "Fri + 1: Sat, Sun skipped -> Mon"),
    (date(2018, 7, 20), 20, date(2018, 8, 17), "the spec's worked example"),
    (
        date(2021, 12, 30),
        1,
        date(2022, 1, 3),
        "Fri 2021-12-31 is New Year's Day observed (Sat 2022-01-01)",
    ),
    (date(1999, 12, 30), 1, date(2000, 1, 3), "Fri 1999-12-31 observed for Sat 2000-01-01"),
    (date(2021, 6, 17), 1, date(2021, 6, 21), "Juneteenth first observed Fri 2021-06-18"),
    (date(2020, 6, 18), 1, date(2020, 6, 19), "Juneteenth not yet a holiday in 2020"),
    (date(2024, 12, 23), 1, date(2024, 12, 26), "Christmas Eve 2024 closure (EO), Christmas"),
    (date(2015, 12, 23), 1, date(2015, 12, 24), "Christmas Eve 2015 was a half day: a working day"),
    (
        date(2018, 12, 4),
        1,
        date(2018, 12, 6),
        "2018-12-05 national day of mourning (G. H. W. Bush)",
    ),
    (date(1900, 1, 1), 1, date(1900, 1, 2), "the first year covered"),
    (
        date(2200, 12, 31),
        1,
        date(2201, 1, 2),
        "Wed 2200-12-31 + 1: New Year Thu 2201-01-01 skipped; results may pass 2200",
    ),
]


@pytest.mark.parametrize(("start", "n", "expected", "reason"), ADD, ids=[r[3] for r in ADD])
def test_add_working_days(start: date, n: int, expected: date, reason: str) -> None:
    assert US.add_working_days(start, n) == expected, reason


BETWEEN = [
    (date(2018, 7, 20), date(2018, 8, 17), 20, "the worked example, counted back"),
    (date(2018, 8, 17), date(2018, 7, 20), -20, "negative when end < start"),
    (date(2018, 7, 21), date(2018, 7, 22), 0, "a weekend has no working days"),
    (date(2018, 7, 20), date(2018, 7, 20), 0, "(start, start] is empty"),
    (
        date(2020, 12, 31),
        date(2021, 1, 4),
        1,
        "New Year's Day Fri 2021-01-01 skipped: only Mon counts",
    ),
]


@pytest.mark.parametrize(("a", "b", "expected", "reason"), BETWEEN, ids=[r[3] for r in BETWEEN])
def test_working_days_between(a: date, b: date, expected: int, reason: str) -> None:
    assert US.working_days_between(a, b) == expected, reason


def test_is_and_next_working_day() -> None:
    assert US.is_working_day(date(2018, 7, 20))  # a Friday
    assert not US.is_working_day(date(2018, 7, 21))  # Saturday
    assert not US.is_working_day(date(2018, 11, 12))  # Veterans Day observed (Sun 11th)
    assert US.next_working_day(date(2018, 11, 9)) == date(2018, 11, 13)
    assert US.next_working_day(date(2018, 7, 19)) == date(2018, 7, 20)


def test_policies() -> None:
    strict = calendar_for("us", observed=False)
    assert strict.is_working_day(date(2020, 7, 3)), "Independence Day observed is off when strict"
    assert not calendar_for("us").is_working_day(date(2020, 7, 3))
    open_eo = calendar_for("us", closures=False)
    assert open_eo.is_working_day(date(2019, 12, 24)), "closures counted as working days"
    dc = calendar_for("us", dc_area=True)
    assert not dc.is_working_day(date(2017, 1, 20)), "Inauguration Day 2017 (a Friday)"
    assert US.is_working_day(date(2017, 1, 20)), "Inauguration Day is off only for DC-area offices"
    mine = calendar_for("us", closed_days=[date(2025, 10, 1)])
    assert not mine.is_working_day(date(2025, 10, 1))
    assert mine.reason(date(2025, 10, 1)).kind == "user"  # type: ignore[union-attr]


def test_reasons_and_listing() -> None:
    r = US.reason(date(2020, 7, 3))
    assert r is not None and r.kind == "observed" and "Independence Day" in r.name
    r = US.reason(date(2024, 12, 24))
    assert r is not None and r.kind == "closure"
    assert US.reason(date(2024, 12, 23)) is None
    listed = {d.day: d for d in US.non_working_days(2015)}
    assert listed[date(2015, 12, 24)].kind == "half_day", "listed for the record, but working"
    assert listed[date(2015, 12, 25)].kind == "holiday"


def test_out_of_range_and_negative() -> None:
    with pytest.raises(DateRangeError):
        US.add_working_days(date(1899, 12, 1), 5)
    with pytest.raises(DateRangeError):
        US.is_working_day(date(2211, 6, 1))
    with pytest.raises(ValueError):
        US.add_working_days(date(2020, 1, 1), -1)


def test_large_n_grows_the_index() -> None:
    # 2,000 working days from 2020-01-02 is about eight years on; the index grows as needed.
    d = US.add_working_days(date(2020, 1, 2), 2000)
    assert US.working_days_between(date(2020, 1, 2), d) == 2000
    assert US.is_working_day(d)


# --------------------------------------------------------------------------------------------
# The naive reference


@cache
def _naive_closed(code: str, observed: bool, closures: bool, dc_area: bool) -> frozenset[date]:
    """Every non-working weekday 1988-2064 for jurisdiction `code`, straight from `holidays`."""
    with warnings.catch_warnings():  # India's lunar tables stop in 2035: none listed after
        warnings.simplefilter("ignore")
        return _naive_closed_quiet(code, observed, closures, dc_area)


def _naive_closed_quiet(
    code: str, observed: bool, closures: bool, dc_area: bool
) -> frozenset[date]:
    j = get_jurisdiction(code)
    spec = j.calendar
    # A law whose default reading moves only a Sunday holiday (saturday_shift = false) keeps only
    # the package's Monday dates, as a calendar with observed = "sunday" does.
    mode = spec.observed if j.defaults.saturday_shift or spec.observed != "all" else "sunday"
    years = range(1988, 2065)
    out: set[date] = set()
    subs = spec.subdivisions or (None,)
    if spec.country:
        for sub in subs:

            def days_of(obs: bool, sub: str | None = sub) -> set[date]:
                entries = holidays.country_holidays(
                    spec.country, subdiv=sub, years=years, categories=spec.categories, observed=obs
                )
                return {  # less the holidays the law does not have
                    d
                    for d, name in entries.items()
                    if any(
                        p.replace(" (observed)", "") not in spec.exclude for p in name.split("; ")
                    )
                }

            strict = days_of(False)
            out |= strict
            if observed and mode == "all":
                out |= days_of(True)
            elif observed and mode == "sunday":  # only a Sunday holiday's Monday
                out |= {
                    d for d in days_of(True) if d.weekday() == 0 and d - timedelta(days=1) in strict
                }
            elif observed and mode == "monday":  # Saturday's and Sunday's: the Monday
                out |= {
                    d for d in days_of(True) if d.weekday() == 0 and d - timedelta(days=1) in strict
                }
                out |= {d + timedelta(days=7 - d.weekday()) for d in strict if d.weekday() >= 5}
            if closures and spec.closure_categories:
                everything = set(
                    holidays.country_holidays(
                        spec.country, subdiv=sub, years=years, categories=spec.categories
                    )
                )
                gov = holidays.country_holidays(
                    spec.country, subdiv=sub, years=years, categories=spec.closure_categories
                )
                out |= {
                    d for d, n in gov.items() if d not in everything and "half-day" not in n.lower()
                }
        if dc_area and spec.inauguration:
            dc = holidays.country_holidays("US", subdiv="DC", years=years)
            out |= {d for d, n in dc.items() if "Inauguration Day" in n}
    raw = j.table["calendar"]  # versions: the last gives what changes from the first
    extra = ({**raw[0], **raw[-1]} if isinstance(raw, list) else raw).get("extra", [])
    day = date(years[0], 1, 1)
    while day.year < years[-1] + 1:
        if any(_extra_day(rule, day) for rule in extra):
            out.add(day)
        day += timedelta(days=1)
    return frozenset(out)


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _in_years(rule: dict[str, object], year: int) -> bool:
    since, until, every = rule.get("since"), rule.get("until"), rule.get("every", 1)
    return (
        (since is None or year >= since)  # type: ignore[operator]
        and (until is None or year <= until)  # type: ignore[operator]
        and (every == 1 or (year - since) % every == 0)  # type: ignore[operator]
    )


def _month_day(text: object) -> tuple[int, int]:
    month, day = str(text).split("-")
    return int(month), int(day)


def _base_day(rule: dict[str, object], d: date) -> bool:
    """Whether `d` is a day of `rule` before any weekend shift (the README's meaning of each key)."""
    base = d - timedelta(days=int(rule.get("offset", 0)))  # type: ignore[call-overload]
    if "date" in rule:
        return (base.month, base.day) == _month_day(rule["date"]) and _in_years(rule, base.year)
    if "easter" in rule:
        return base == easter(base.year) + timedelta(days=int(rule["easter"])) and _in_years(
            rule, base.year
        )  # type: ignore[call-overload]
    if "weekday" in rule:
        nth = int(rule["nth"])  # type: ignore[call-overload]
        if base.month != rule["month"] or _WEEKDAYS[base.weekday()] != rule["weekday"]:
            return False
        last = monthrange(base.year, base.month)[1]
        place = (base.day - 1) // 7 + 1 if nth > 0 else -((last - base.day) // 7 + 1)
        return place == nth and _in_years(rule, base.year)
    start, end = _month_day(rule["from"]), _month_day(rule["to"])
    md = (d.month, d.day)
    if start <= end:
        return start <= md <= end and _in_years(rule, d.year)
    return (md >= start and _in_years(rule, d.year)) or (md <= end and _in_years(rule, d.year - 1))


def _extra_day(rule: dict[str, object], d: date) -> bool:
    """Whether `d` is a day of `rule`: one of its days, or where one on a weekend moves to."""
    if _base_day(rule, d):
        return True
    shift = rule.get("shift", "")
    one, two = d - timedelta(days=1), d - timedelta(days=2)
    if d.weekday() == 0 and shift in ("sunday", "weekend", "monday") and _base_day(rule, one):
        return one.weekday() == 6  # Sunday -> Monday
    if d.weekday() == 0 and shift == "monday" and _base_day(rule, two):
        return two.weekday() == 5  # Saturday -> Monday
    ahead = d + timedelta(days=1)
    return (
        shift == "weekend" and d.weekday() == 4 and ahead.weekday() == 5 and _base_day(rule, ahead)
    )


def _naive_working(code: str, d: date, policy: tuple[bool, bool, bool]) -> bool:
    weekend = get_jurisdiction(code).calendar.weekend
    return d.weekday() not in weekend and d not in _naive_closed(code, *policy)


def _naive_add(code: str, d: date, n: int, policy: tuple[bool, bool, bool]) -> date:
    while n:
        d += timedelta(days=1)
        if _naive_working(code, d, policy):
            n -= 1
    return d


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
policies = st.tuples(st.booleans(), st.booleans(), st.booleans())
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(d=days, n=st.integers(0, 300), policy=policies)
def test_us_matches_naive(d: date, n: int, policy: tuple[bool, bool, bool]) -> None:
    observed, closures, dc_area = policy
    cal = calendar_for("us", observed=observed, closures=closures, dc_area=dc_area)
    expected = _naive_add("us", d, n, policy)
    assert cal.add_working_days(d, n) == expected
    assert cal.working_days_between(d, expected) == n
    assert cal.working_days_between(expected, d) == -n
    assert cal.is_working_day(d) == _naive_working("us", d, policy)


CODES = [j.code for j in all_jurisdictions()]


@SETTINGS
@given(code=st.sampled_from(CODES), d=days, n=st.integers(0, 60))
def test_every_jurisdiction_matches_naive(code: str, d: date, n: int) -> None:
    j = get_jurisdiction(code)
    o = j.defaults
    policy = (o.observed, o.closures, o.dc_area)
    cal = calendar_for(code)
    assert cal.add_working_days(d, n) == _naive_add(code, d, n, policy)


# --------------------------------------------------------------------------------------------
# Properties of the federal clock


@SETTINGS
@given(d=days, policy=policies)
def test_due_is_a_working_day(d: date, policy: tuple[bool, bool, bool]) -> None:
    observed, closures, dc_area = policy
    due = foiaclock.due_date(d, observed=observed, closures=closures, dc_area=dc_area)
    assert calendar_for("us", observed=observed, closures=closures, dc_area=dc_area).is_working_day(
        due
    )


@SETTINGS
@given(a=days, b=days, policy=policies)
def test_later_receipt_never_earlier_due(a: date, b: date, policy: tuple[bool, bool, bool]) -> None:
    a, b = min(a, b), max(a, b)
    kw = dict(zip(("observed", "closures", "dc_area"), policy, strict=True))
    assert foiaclock.due_date(a, **kw) <= foiaclock.due_date(b, **kw)


@SETTINGS
@given(d=days, k=st.integers(1, 10))
def test_extension_adds_exactly_k(d: date, k: int) -> None:
    plain = foiaclock.due_date(d)
    extended = foiaclock.due_date(d, extension=k)
    assert US.working_days_between(plain, extended) == k


#: Receipt dates under the 20-day clock (the Electronic FOIA Amendments, in force 1997-10-02).
twenty_day_era = st.dates(min_value=date(1997, 10, 2), max_value=date(2060, 12, 31))


@SETTINGS
@given(d=twenty_day_era, after=st.integers(0, 19), length=st.integers(0, 40))
def test_toll_moves_due_by_its_working_days(d: date, after: int, length: int) -> None:
    plain = foiaclock.due_date(d)
    start = US.add_working_days(d, after)  # the agency asks on working day `after`
    end = start + timedelta(days=length)
    k = US.working_days_between(start, end)
    tolled = foiaclock.due_date(d, tolls=[Toll(start, end)])
    assert US.working_days_between(plain, tolled) == k


@SETTINGS
@given(d=days, as_of=days)
def test_status_is_consistent(d: date, as_of: date) -> None:
    result = compute(Request(received=d), as_of=as_of)
    assert result.due is not None and result.days_left is not None
    if as_of > result.due:
        assert result.status.value == "overdue" and result.days_left <= 0
    elif as_of == result.due:
        assert result.status.value == "due today" and result.days_left == 0
    else:
        assert result.days_left >= 0
    assert result.window is not None
    assert result.window.earliest <= result.due <= result.window.latest


@SETTINGS
@given(
    d=days,
    ext=st.sampled_from([None, True, 3, 10]),
    code=st.sampled_from(["us", "us-ny", "us-tx", "us-pa", "us-ma", "uk", "ie"]),
    policy=policies,
    rdc=st.booleans(),
)
def test_closed_form_window_equals_the_general_one(
    d: date, ext: bool | int | None, code: str, policy: tuple[bool, bool, bool], rdc: bool
) -> None:
    """The window's shortcut for requests without pauses or times gives the general answer."""
    from foiaclock.engine import window as w
    from foiaclock.engine.case import open_case
    from foiaclock.engine.count import count_response

    j = get_jurisdiction(code)
    in_force = j.clock("extension", d)  # New York's before 2005-05-03 has no fixed length
    if ext is not None and (in_force is None or in_force.days is None):
        ext = None
    limit = in_force.days if in_force else None
    if ext is not True and isinstance(ext, int) and (limit is None or ext > limit):
        ext = True if limit is not None else None
    observed, closures, dc_area = policy
    options = foiaclock.Options(
        observed=observed, closures=closures, dc_area=dc_area, receipt_day_counts=rdc
    )
    case = open_case(Request(received=d, jurisdiction=code, extension=ext, options=options), j, d)
    count = count_response(case)
    names = tuple(w.contested(case))
    if w._simple_total(case, count) is None or count.due is None or not names:
        return
    plan = w.readings(case.spec, case.settings, names)
    general = w.spread(plan, count.due, lambda ch: w.due_with(case, plan, ch), w._never)
    assert w.window(case, count) == general


def test_extra_rule_shift_and_every() -> None:

    lincoln = ExtraRule("Lincoln's Birthday", day=(2, 12), shift="sunday")
    assert lincoln.dates(2017) == [date(2017, 2, 12), date(2017, 2, 13)]  # a Sunday: and Monday
    assert lincoln.dates(2022) == [date(2022, 2, 12)]  # a Saturday: "sunday" does not move it
    eve = ExtraRule("Christmas Eve", day=(12, 24), shift="weekend")
    assert sorted(eve.dates(2022)) == [date(2022, 12, 23), date(2022, 12, 24)]  # Sat -> Fri
    new_year = ExtraRule("New Year's Day", day=(1, 1), shift="weekend")
    assert date(2021, 12, 31) in new_year.dates(2021)  # Sat 2022-01-01 -> Fri, a year earlier
    may4 = ExtraRule("Rhode Island Independence Day", day=(5, 4), shift="monday")
    assert may4.dates(2024) == [date(2024, 5, 4), date(2024, 5, 6)]  # Sat -> the Monday after
    election = ExtraRule("Election Day", month=11, weekday=0, nth=1, offset=1, since=2018, every=2)
    assert election.dates(2020) == [date(2020, 11, 3)]  # the Tuesday after the first Monday
    assert election.dates(2021) == [] and election.dates(2016) == []


@pytest.mark.parametrize(
    ("rule", "year", "expected", "why"),
    [
        (
            ExtraRule("First Monday of April", month=4, weekday=0, nth=1),
            2024,
            [date(2024, 4, 1)],
            "Mon 2024-04-01 is itself the first Monday: the month's first day counts",
        ),
        (
            ExtraRule("Last Wednesday of December", month=12, weekday=2, nth=-1),
            2024,
            [date(2024, 12, 25)],
            "Wed 12/25; the next Wednesday, 2025-01-01, is in the next month and year",
        ),
        (
            ExtraRule("Every four years from 2017", day=(1, 20), since=2017, every=4),
            2021,
            [date(2021, 1, 20)],
            "2021 - 2017 = 4",
        ),
        (
            ExtraRule("Every four years from 2017", day=(1, 20), since=2017, every=4),
            2019,
            [],
            "2019 - 2017 = 2",
        ),
        (
            ExtraRule("One-day range", start=(12, 25), end=(12, 25)),
            2024,
            [date(2024, 12, 25)],
            "a range that starts and ends on the same day does not wrap the year",
        ),
        (
            ExtraRule("New Year's Eve", day=(12, 31), shift="monday"),
            2023,
            [date(2023, 1, 2), date(2023, 12, 31)],
            "Sat 2022-12-31 moves to Mon 2023-01-02, in the next year; Sun 2023-12-31's Monday "
            "is in 2024",
        ),
    ],
)
def test_extra_rule_edges(rule: ExtraRule, year: int, expected: list[date], why: str) -> None:
    assert sorted(rule.dates(year)) == expected, why


def test_the_years_the_calendars_cover() -> None:
    """Requests from 1900 to 2200; dates reached from them up to 2210 (foiaclock/dates.py)."""
    assert US.is_working_day(date(1900, 1, 2))  # a Tuesday
    assert US.is_working_day(date(2210, 12, 31))  # a Monday in the last reachable year
    for outside in (date(1899, 12, 29), date(2211, 1, 2)):
        with pytest.raises(DateRangeError):
            US.is_working_day(outside)


def test_prepare_builds_the_years_asked_within_those_covered() -> None:
    """`prepare` clips the years to those covered (1900 to 2210) instead of refusing them."""
    cal = calendar_for("us", closed_days=[date(2210, 12, 27)]).prepare(2207, 2230)
    assert not cal.is_working_day(date(2210, 12, 27))
    assert calendar_for("us").prepare(1890, 1901).is_working_day(date(1901, 1, 2))


def test_listed_closed_days_are_listed_in_their_own_year() -> None:
    mine = calendar_for("us", closed_days=[date(2025, 10, 1), date(2026, 10, 1)])
    listed = {x.day: x.kind for x in mine.non_working_days(2025)}
    assert listed[date(2025, 10, 1)] == "user"
    assert date(2026, 10, 1) not in listed


def test_threads_widening_one_calendar_get_the_answers_of_one_thread() -> None:
    """Eight threads count from dates decades apart on one fresh calendar, so that they widen
    its span at the same time; each answer is the one a calendar of its own gives."""
    import threading

    from foiaclock.calendar import Calendar, Policy

    spec = get_jurisdiction("us").calendar
    starts = [
        date(1950 + 9 * k, 3, 1) + timedelta(days=37 * j) for k in range(8) for j in range(40)
    ]
    alone = {d: Calendar(spec, Policy()).add_working_days(d, 20) for d in starts[::40]}
    expected = {d: US.add_working_days(d, 20) for d in starts}
    assert all(expected[d] == alone[d] for d in alone)
    shared = Calendar(spec, Policy())
    got: dict[date, date] = {}
    barrier = threading.Barrier(8)

    def work(k: int) -> None:
        barrier.wait()
        for d in starts[40 * k : 40 * (k + 1)]:
            got[d] = shared.add_working_days(d, 20)
            assert shared.is_working_day(got[d])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def test_the_first_day_after_a_calendar_span_widens_it() -> None:
    """A fresh calendar asked about 2018 holds 2015-2019; the very next day, Wed 2020-01-01, is
    New Year's Day (a holiday, not an error), and Thu 2020-01-02 a working day."""
    from foiaclock.calendar import Calendar, Policy

    cal = Calendar(get_jurisdiction("us").calendar, Policy())
    assert cal.is_working_day(date(2018, 6, 1))
    assert not cal.is_working_day(date(2020, 1, 1))
    assert cal.is_working_day(date(2020, 1, 2))


def test_adding_a_negative_number_of_working_days_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        US.add_working_days(date(2018, 7, 20), -1)
    assert str(caught.value) == "add_working_days counts forward: n must be 0 or more"


@pytest.mark.parametrize(
    ("code", "year", "present", "absent", "changes", "why"),
    [
        (
            "us-tx",
            2023,
            [],
            [date(2023, 1, 19), date(2023, 3, 2)],
            [date(2023, 9, 1)],
            "Texas before 2023-09-01: national holidays only (Confederate Heroes Day, Texas "
            "Independence Day were business days); § 552.0031 from then",
        ),
        ("us-tx", 2022, [], [date(2022, 3, 2)], [], "no change inside 2022 (the next is in 2023)"),
        (
            "us-tx",
            2024,
            [date(2024, 1, 19), date(2024, 3, 2)],
            [],
            [],
            "Texas 2024: the state holidays are non-business days all year",
        ),
        (
            "us-nv",
            2023,
            [date(2023, 6, 19)],
            [],
            [date(2023, 6, 8)],
            "Nevada: Juneteenth from AB 140 (2023-06-08), so Mon 2023-06-19 is a holiday",
        ),
        (
            "us-nv",
            2022,
            [],
            [date(2022, 6, 20)],
            [],
            "Nevada 2022: Juneteenth (observed Mon 6/20) not yet",
        ),
    ],
)
def test_a_years_days_come_from_the_calendar_in_force_on_each(
    code: str, year: int, present: list[date], absent: list[date], changes: list[date], why: str
) -> None:
    from foiaclock.engine import year_days

    got = year_days(code, year)
    days = {x.day for x in got.days if x.kind != "half_day"}
    assert got.year == year
    assert got.changes == changes, why
    assert all(d in days for d in present), why
    assert not any(d in days for d in absent), why
    assert all(x.day.year == year for x in got.days), why


def _us_with_versions(*versions: tuple[date, CalendarSpec]) -> Jurisdiction:
    """The federal law with further calendar versions from the given days: each the federal
    calendar plus a "Test Day" on 10 March."""
    from dataclasses import replace

    us = get_jurisdiction("us")
    return replace(us, code="x-versions", calendars=((None, us.calendar), *versions))


def _with_test_day(spec: CalendarSpec) -> CalendarSpec:
    from dataclasses import replace

    return replace(spec, extra=(*spec.extra, ExtraRule("Test Day", day=(3, 10))))


@pytest.mark.parametrize(
    ("change", "year", "changes", "test_day", "why"),
    [
        (
            date(2026, 1, 19),
            2026,
            [date(2026, 1, 19)],
            True,
            "a change on MLK Day (a holiday under both versions): the day is listed once",
        ),
        (
            date(2027, 1, 1),
            2027,
            [],
            True,
            "a version from January 1 is the year's calendar, not a change inside it",
        ),
        (date(2028, 1, 15), 2027, [], False, "a change next January is not one of 2027's"),
        (date(2027, 1, 1), 2026, [], False, "nor one on next January 1"),
        (
            date(2026, 3, 11),
            2026,
            [date(2026, 3, 11)],
            False,
            "Test Day (Tue 3/10) falls the day before its version takes effect",
        ),
        (date(2026, 3, 10), 2026, [date(2026, 3, 10)], True, "...and on the day it does"),
    ],
)
def test_year_days_split_at_each_version(
    change: date, year: int, changes: list[date], test_day: bool, why: str
) -> None:
    from foiaclock.engine import year_days

    law = _us_with_versions((change, _with_test_day(get_jurisdiction("us").calendar)))
    got = year_days(law, year)
    days = [x.day for x in got.days]
    assert got.changes == changes, why
    assert len(days) == len(set(days)), why
    assert (date(year, 3, 10) in days) is test_day, why
    assert date(year, 1, 1) in days or date(year, 1, 1).weekday() >= 5, why


@pytest.mark.parametrize(
    ("year", "options", "present", "absent", "why"),
    [
        (2026, {}, [date(2026, 7, 3)], [], "Independence Day Sat 7/4: observed Fri 7/3"),
        (
            2026,
            {"observed": False},
            [date(2026, 7, 4)],
            [date(2026, 7, 3)],
            "the strict legal date only",
        ),
        (2024, {}, [date(2024, 12, 24)], [], "Christmas Eve 2024: closed by executive order"),
        (2024, {"closures": False}, [], [date(2024, 12, 24)], "closures counted as working days"),
        (2017, {"dc_area": True}, [date(2017, 1, 20)], [], "Inauguration Day, a DC-area holiday"),
        (2017, {}, [], [date(2017, 1, 20)], "outside the DC area a working day"),
    ],
)
def test_year_days_follow_the_policy(
    year: int, options: dict[str, bool], present: list[date], absent: list[date], why: str
) -> None:
    from foiaclock.engine import year_days

    days = {x.day for x in year_days("us", year, **options).days if x.kind != "half_day"}
    assert all(d in days for d in present), why
    assert not any(d in days for d in absent), why


def test_year_days_saturday_shift() -> None:
    """Illinois contests the Friday before a Saturday holiday: Independence Day Sat 2026-07-04."""
    from foiaclock.engine import year_days

    shifted = {x.day for x in year_days("us-il", 2026, saturday_shift=True).days}
    unshifted = {x.day for x in year_days("us-il", 2026, saturday_shift=False).days}
    assert date(2026, 7, 3) in shifted and date(2026, 7, 3) not in unshifted


def test_maryland_s_friday_before_a_saturday_holiday_is_the_contested_reading() -> None:
    """Gen. Prov. § 1-111 moves only a Sunday holiday; state employees get the Friday before a
    Saturday one (offices closed Fri 2021-06-18 for Juneteenth, Sat 6/19)."""
    from foiaclock.engine import year_days

    assert "saturday_shift" in get_jurisdiction("us-md").contested
    statute = {x.day for x in year_days("us-md", 2021).days}
    offices = {x.day for x in year_days("us-md", 2021, saturday_shift=True).days}
    assert date(2021, 6, 18) not in statute and date(2021, 6, 18) in offices


def test_a_window_end_reached_only_by_readings_together_credits_them_together() -> None:
    """The crediting rule of `spread` (federal-foia.md § 4), on a made-up count: the latest end
    (Fri 2024-05-10, a day after the due date Thu 2024-05-09) is reached with any two of three
    readings and with none alone. No reading then moves it on its own, and none is needed (the
    other two reach it without it): the end is credited to the readings together. With two
    readings that are both needed, each is credited by name."""
    from foiaclock.engine import window as w

    due, later = date(2024, 5, 9), date(2024, 5, 10)
    three = (("observed", True), ("closures", True), ("dc_area", True))

    def any_two(changes: w.Changes) -> date:
        return later if len(changes) >= 2 else due

    plan = w.Readings(((), three), {}, {})
    window = w.spread(plan, due, any_two, w._never)
    assert (window.earliest, window.latest) == (due, later)
    assert window.earliest_options == () and window.earliest_by == ()
    assert window.latest_options == ("together",)
    assert window.latest_by == ("the contested options together",)

    two = three[:2]

    def both(changes: w.Changes) -> date:
        return later if len(changes) == 2 else due

    window = w.spread(w.Readings(((), two), {}, {}), due, both, w._never)
    assert window.latest_options == ("observed", "closures")
    assert window.latest_by == (w.READINGS["observed"][1], w.READINGS["closures"][1])


@pytest.mark.parametrize(
    ("code", "has", "lacks", "reason"),
    [
        ("us-ny", {date(2021, 12, 25)}, {date(2021, 12, 24), date(2021, 12, 27)},
         "N.Y. Gen. Constr. Law § 24 moves only a Sunday holiday: Christmas on Sat 2021-12-25 "
         "stays there (no Friday before, no Monday after)"),
        ("us-ri", {date(2021, 12, 25), date(2021, 12, 27)}, {date(2021, 12, 24)},
         "R.I. Gen. Laws § 25-1-1 moves a Saturday holiday to the Monday after: Mon 2021-12-27, "
         "never the Friday before"),
    ],
)  # fmt: skip
def test_observed_entries_of_a_sunday_or_monday_law_have_only_its_shifts(
    code: str, has: set[date], lacks: set[date], reason: str
) -> None:
    """The "observed" entries of a law that moves holidays only its own way are that way's (the
    same as its "sunday" entries), not the package's Friday-before shifts."""
    from foiaclock.calendar.source import entries

    spec = get_jurisdiction(code).calendar_on(date(2021, 12, 1))
    observed = entries(spec, "observed", 2021)
    assert has <= observed.keys() and not lacks & observed.keys(), reason
    assert observed == entries(spec, "sunday", 2021), reason


def test_an_unknown_entry_variant_is_refused_by_name() -> None:
    from foiaclock.calendar.source import entries

    spec = get_jurisdiction("us").calendar
    with pytest.raises(ValueError) as caught:
        entries(spec, "holidays", 2021)  # type: ignore[arg-type]
    assert str(caught.value) == "unknown entry variant 'holidays'"


def test_a_spec_hashes_by_its_values() -> None:
    """A `CalendarSpec` keeps its hash once worked out (it is a key of the calendar and window
    caches): equal specs still hash alike, and a spec that differs in any field is another key."""
    rule = ExtraRule(name="Founders' Day", day=(3, 2))
    a = CalendarSpec(country="US", subdivisions=("TX",), extra=(rule,))
    b = CalendarSpec(country="US", subdivisions=("TX",), extra=(rule,))
    assert a == b and hash(a) == hash(b)
    assert hash(a) == hash(a)  # (the kept value, asked again)
    assert {a: "x"}[b] == "x"
    for other in (
        CalendarSpec(country="US", subdivisions=("TX",)),  # no extra rule
        CalendarSpec(country="US", subdivisions=("CA",), extra=(rule,)),
        CalendarSpec(country="US", subdivisions=("TX",), extra=(rule,), observed="sunday"),
    ):
        assert other != a and other not in {a}
