"""The generic engine on non-federal rules: user-defined jurisdictions, restart-mode pauses, hours,
tracks and errors. Dates counted by hand; each row says how."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from foiaclock import Request, Status, Toll, TollKind, compute
from foiaclock.checks import ValueProblem
from foiaclock.errors import RequestError
from foiaclock.law import define_jurisdiction


def test_user_defined_jurisdiction_with_base() -> None:
    city = define_jurisdiction(
        "city-records",
        {
            "base": "us-ny",
            "name": "City records office",
            "response": {
                "days": 10,
                "unit": "working",
                "from": "received",
                "citation": "City Code § 1",
            },
        },
    )
    assert city.law == "Freedom of Information Law (FOIL)", "fields not given come from the base"
    r = compute(
        Request(received=date(2024, 6, 28), jurisdiction="city-records"),
        as_of=date(2024, 7, 1),
        jurisdictions={"city-records": city},
    )
    # Fri 2024-06-28 + 10 NY working days: Jul 1, 2, 3 (3), Jul 4 Independence Day skipped,
    # Jul 5 (4), 8-12 (9), 15 (10).
    assert r.due == date(2024, 7, 15)
    # A second user-defined entry may start from the first.
    faster = define_jurisdiction(
        "city-fast", {"base": "city-records", "response": {"days": 2}}, {"city-records": city}
    )
    assert faster.clock("response", date(2024, 1, 1)).days == 2  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"base": "us-nyy"}, "did you mean 'us-ny'"),
        ({"base": "us", "responce": {}}, "did you mean 'response'"),
        ({"base": "us", "response": {"days": "ten", "citation": "x"}}, "whole number"),
        ({"base": "us", "calendar": {"country": "US", "subdivisions": ["XX"]}}, "no subdivision"),
        (
            {"name": "x", "law": "y", "citation": "z", "calendar": {}, "response": {"days": 3}},
            "citation",
        ),
    ],
)
def test_user_defined_jurisdiction_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(ValueProblem, match=message):
        define_jurisdiction("mine", table)


def test_built_in_names_are_reserved() -> None:
    with pytest.raises(ValueProblem, match="built in"):
        define_jurisdiction("us-ny", {"base": "us-ny"})


def test_uk_clarification_restarts_the_clock() -> None:
    # FOIA 2000 s.1(3), s.10(1): the 20 working days run from receipt of the clarification.
    # Answer received Wed 2024-03-13 (day 0). UK working days skip every nation's bank holidays:
    # Mar 14, 15 (2); Mon Mar 18 St Patrick's Day substitute (NI) skipped; Mar 19-22 (6),
    # Mar 25-28 (10); Good Friday Mar 29 and Easter Monday Apr 1 skipped; Apr 2-5 (14),
    # Apr 8-12 (19), Mon Apr 15 (20).
    r = compute(
        Request(
            received=date(2024, 3, 4),
            jurisdiction="uk",
            tolls=(Toll(date(2024, 3, 8), date(2024, 3, 13), TollKind.INFORMATION),),
        ),
        as_of=date(2024, 3, 20),
    )
    assert r.due == date(2024, 4, 15)


def test_hours_track() -> None:
    # Indiana: 24 hours for a request made in person (IC 5-14-3-9(b)).
    at = datetime(2024, 5, 6, 10, 30, tzinfo=timezone(timedelta(hours=-4)))  # Mon, Indianapolis EDT
    r = compute(
        Request(received=at, jurisdiction="us-in", track="in_person"), as_of=date(2024, 5, 6)
    )
    assert r.due == date(2024, 5, 7)


def test_unknown_track_names_the_choices() -> None:
    with pytest.raises(RequestError, match="commercial"):
        compute(Request(received=date(2024, 5, 6), jurisdiction="us-il", track="comercial"))


def test_toll_under_a_law_without_pauses_warns() -> None:
    # Colorado's CORA has no pause: the recorded pause is shown, and the due date does not move.
    # Fri 2024-05-03 + 3 working days: May 6, 7, 8.
    r = compute(
        Request(
            received=date(2024, 5, 3),
            jurisdiction="us-co",
            tolls=(Toll(date(2024, 5, 6), date(2024, 5, 7)),),
        ),
        as_of=date(2024, 5, 6),
    )
    assert r.due == date(2024, 5, 8)
    assert any("no pause" in w for w in r.warnings)


def test_state_window_over_weekend_shifts() -> None:
    # Pennsylvania, received Mon 2021-12-20, 5 business days. Christmas falls on a Saturday; the
    # holidays package observes it on Fri Dec 24. With that: Dec 21, 22, 23 (3), Dec 27, 28 (5) ->
    # Tue 2021-12-28. If only Sunday holidays move: Dec 21-24 (4), Dec 27 (5) -> Mon 2021-12-27.
    # The state's own rule was not checked, so both readings make the window.
    r = compute(
        Request(received=date(2021, 12, 20), jurisdiction="us-pa"), as_of=date(2021, 12, 20)
    )
    assert r.due == date(2021, 12, 28)
    assert r.window is not None
    assert (r.window.earliest, r.window.latest) == (date(2021, 12, 27), date(2021, 12, 28))
    assert r.window.earliest_options == ("saturday_shift",)
    # Massachusetts: the package already moves only Sunday holidays there, so no window:
    # Dec 21-24 (4), Dec 27-31 (9), Jan 3 (10) -> Mon 2022-01-03.
    ma = compute(
        Request(received=date(2021, 12, 20), jurisdiction="us-ma"), as_of=date(2021, 12, 20)
    )
    assert ma.due == date(2022, 1, 3) and (ma.window is None or not ma.window.is_wide)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("NY", "'us-ny' (New York)"),  # a state's postal abbreviation
        ("New York", "'us-ny' (New York)"),  # its name
        ("texas", "'us-tx' (Texas)"),
        ("Scotland", "'uk-sct' (Scotland)"),
        ("European Union", "'eu' (European Union)"),  # a name before its parenthesis
        ("Interior", "'us.doi' (Department of the Interior)"),  # a federal agency's name
        ("EPA", "'us.epa' (Environmental Protection Agency)"),  # its abbreviation
        ("ICE", "'us.dhs' (Department of Homeland Security)"),  # a component's
        # Virginia's postal code and Veterans Affairs' abbreviation: both offered
        ("VA", "'us-va' (Virginia) or 'us.va' (Department of Veterans Affairs)"),
        ("us-nyy", "'us-ny'"),  # a misspelt code
    ],
)
def test_an_unknown_jurisdiction_written_as_a_name_gets_a_suggestion(
    written: str, meant: str
) -> None:
    from foiaclock import UnknownJurisdictionError

    with pytest.raises(UnknownJurisdictionError) as caught:
        compute(Request(received=date(2024, 3, 4), jurisdiction=written))
    assert str(caught.value) == (
        f"unknown jurisdiction {written!r} (did you mean {meant}?); "
        "`foiaclock jurisdictions` lists the codes"
    )


def test_nothing_is_suggested_for_a_name_no_law_has() -> None:
    from foiaclock import UnknownJurisdictionError

    with pytest.raises(UnknownJurisdictionError, match=r"^unknown jurisdiction 'Atlantis'; "):
        compute(Request(received=date(2024, 3, 4), jurisdiction="Atlantis"))


def test_a_timely_new_york_acknowledgement_gives_the_agency_20_more_business_days() -> None:
    """FOIL § 89(3)(a): received Mon 2026-11-16; acknowledge within 5 business days (11/17-20,
    Mon 11/23). Acknowledged Fri 11/20, in time: up to 20 business days from it, 11/23-25 (3),
    Thu 11/26 Thanksgiving, 11/27 (4), 11/30-12/4 (9), 12/7-11 (14), 12/14-18 (19), Mon 12/21
    (20). As of 11/30 it is open with 15 business days left (12/1-4, 7-11, 14-18, 21)."""
    d = compute(
        Request(received=date(2026, 11, 16), jurisdiction="us-ny", acknowledged=date(2026, 11, 20)),
        as_of=date(2026, 11, 30),
    )
    assert (d.due, d.status, d.days_left, d.extended) == (
        date(2026, 12, 21),
        Status.OPEN,
        15,
        True,
    )
    assert (
        "New York: a timely acknowledgement gives the agency up to 20 working days more from it "
        "(N.Y. Pub. Off. Law § 89(3)(a)); if it stated an approximate date, give that date as "
        "extension = DATE"
    ) in d.warnings


def test_a_late_new_york_acknowledgement_gives_no_more_time() -> None:
    """Acknowledged Tue 11/24, after its deadline (Mon 11/23): the 5 business days stand, due Mon
    11/23; as of 11/30, 4 business days late (11/24, 25, 27, 30)."""
    d = compute(
        Request(received=date(2026, 11, 16), jurisdiction="us-ny", acknowledged=date(2026, 11, 24)),
        as_of=date(2026, 11, 30),
    )
    assert (d.due, d.status, d.days_left, d.extended) == (
        date(2026, 11, 23),
        Status.OVERDUE,
        -4,
        False,
    )


def test_the_approximate_date_the_acknowledgement_stated_is_the_deadline() -> None:
    d = compute(
        Request(
            received=date(2026, 11, 16),
            jurisdiction="us-ny",
            acknowledged=date(2026, 11, 20),
            extension=date(2026, 12, 10),
        ),
        as_of=date(2026, 11, 30),
    )
    assert d.due == date(2026, 12, 10)
    assert not [w for w in d.warnings if "timely acknowledgement" in w]


def test_a_track_of_a_law_without_tracks_is_refused_with_its_name() -> None:
    from foiaclock.errors import RequestError

    with pytest.raises(RequestError) as caught:
        compute(Request(id="r1", received=date(2024, 3, 4), jurisdiction="us-tx", track="fast"))
    assert (caught.value.request_id, caught.value.field) == ("r1", "track")
    assert caught.value.message == "Texas has no track 'fast'; its tracks: none"


def test_a_texas_mailed_request_counted_from_its_postmark() -> None:
    """Tex. Gov't Code § 552.301(a-1): a mailed request whose day of receipt cannot be shown is
    received on the 3rd business day after the postmark. Postmarked Fri 2026-10-02: Mon 10/5 (1),
    Tue 10/6 (2), Wed 10/7 (3); the request for an Attorney General decision 10 business days
    after that: 10/8-9 (2), 12-16 (7; Columbus Day is no Texas holiday), 19-21 (10): Wed 10/21
    (13 business days after the postmark)."""
    d = compute(
        Request(received=date(2026, 10, 6), jurisdiction="us-tx", postmarked=date(2026, 10, 2)),
        as_of=date(2026, 10, 6),
    )
    dates = {c.citation: c.due for c in d.other}
    assert dates["Tex. Gov't Code § 552.301(a-1)"] == date(2026, 10, 7)
    assert dates["Tex. Gov't Code § 552.301(a-1), (b)"] == date(2026, 10, 21)
    # Without a postmark those two dates are left out; the § 552.301(b) one runs from receipt:
    # Tue 10/6 + 10 business days = 10/7-9 (3), 12-16 (8), 19-20 (10): Tue 10/20.
    plain = compute(
        Request(received=date(2026, 10, 6), jurisdiction="us-tx"), as_of=date(2026, 10, 6)
    )
    dates = {c.citation: c.due for c in plain.other}
    assert "Tex. Gov't Code § 552.301(a-1)" not in dates
    assert dates["Tex. Gov't Code § 552.301(b)"] == date(2026, 10, 20)


def test_a_postmark_after_the_receipt_is_refused() -> None:
    from foiaclock.errors import DateOrderError

    with pytest.raises(DateOrderError) as caught:
        compute(
            Request(received=date(2026, 10, 6), postmarked=date(2026, 10, 7)),
            as_of=date(2030, 1, 1),
        )
    assert caught.value.field == "postmarked"


def test_only_a_further_date_may_count_from_the_postmark() -> None:
    with pytest.raises(ValueProblem, match=r'from = "postmarked" is for further dates'):
        define_jurisdiction(
            "x-post",
            {
                "base": "us",
                "name": "X",
                "response": {"days": 5, "from": "postmarked", "citation": "X"},
            },
        )


def test_a_tracks_own_time_to_appeal_and_the_law_s_for_other_requests() -> None:
    """Kentucky: an inmate has 20 days from a denial (KRS 197.025(3)): denied Tue 2026-11-10,
    Nov 11-30 = 20: Mon Nov 30. An ordinary requester's appeal has no time set."""
    inmate = Request(
        received=date(2026, 11, 4),
        jurisdiction="us-ky",
        track="inmate",
        responded=date(2026, 11, 10),
        adverse=True,
    )
    assert compute(inmate, as_of=date(2026, 11, 12)).appeal_by == date(2026, 11, 30)
    ordinary = Request(
        received=date(2026, 11, 4), jurisdiction="us-ky", responded=date(2026, 11, 10), adverse=True
    )
    assert compute(ordinary, as_of=date(2026, 11, 12)).appeal_by is None
