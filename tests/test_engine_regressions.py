"""Regressions from the engine review. Every date counted by hand; each test says how."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from foiaclock import Appeal, Options, Request, Toll, compute
from foiaclock.errors import ExtensionError, FoiaclockError, RequestError

NY = ZoneInfo("America/New_York")
BASE_DAY = date(2018, 7, 20)


def test_window_combines_cutoff_and_inauguration() -> None:
    # To EPA, received Wed 2020-12-16 18:00 New York. Its cut-off (40 CFR 2.104(a)(2)) makes it
    # received Thu 12/17: Dec 18 (1), 21-23 (4), Dec 24 closure and 25 Christmas skipped, Dec
    # 28-31 (8), Jan 1 skipped, Jan 4-8 (13), 11-15 (18), Jan 18 MLK skipped, Tue 19 (19), Wed
    # 20 (20): due Wed 2021-01-20. With Inauguration Day off (DC area), day 20 is Thu 1/21. The
    # statute (no cut-off) with Dec 24 worked: day 0 12/16, Dec 17 (1) ... Fri Jan 15 (20).
    r = compute(
        Request(received=datetime(2020, 12, 16, 18, 0, tzinfo=NY), agency="EPA"),
        as_of=date(2020, 12, 17),
    )
    assert r.due == date(2021, 1, 20)
    assert r.window is not None
    assert r.window.latest == date(2021, 1, 21) and r.window.latest_options == ("dc_area",)
    assert r.window.earliest == date(2021, 1, 15)
    assert set(r.window.earliest_options) == {"closures", "cutoff"}


def test_window_earliest_sees_a_closure_before_the_deemed_receipt() -> None:
    # To EPA, Mon 2019-12-23 17:30: after 5 p.m., so received the next working day, Thu 12/26
    # (Tue 12/24 an executive-order closure, Wed 12/25 Christmas). The earliest reading (the
    # statute's no cut-off, closures working): day 0 Mon 12/23, Dec 24 (1), 26-27 (3), 30-31 (5),
    # Jan 1 skipped, Jan 2-3 (7), 6-10 (12), 13-17 (17), Mon Jan 20 MLK skipped, 21-23 (20): Thu
    # 2020-01-23. Closures working alone moves the receipt to Tue 12/24 only: Fri Jan 24.
    r = compute(
        Request(received=datetime(2019, 12, 23, 17, 30, tzinfo=NY), jurisdiction="us.epa"),
        as_of=date(2019, 12, 26),
    )
    assert r.received == date(2019, 12, 26)
    assert r.window is not None and r.window.earliest == date(2020, 1, 23)
    assert "closures" in r.window.earliest_options


def test_a_window_variant_never_breaks_the_answer() -> None:
    # The pause starts on the arrival day, which the cut-off variant would move to Monday.
    # Default reading: day 0 Fri 7/20; Mon 7/23-Wed 7/25 paused (3 wd); due 8/17 + 3 wd = Wed 8/22.
    r = compute(
        Request(
            received=datetime(2018, 7, 20, 17, 30, tzinfo=NY),
            tolls=(Toll(date(2018, 7, 20), date(2018, 7, 25)),),
        ),
        as_of=date(2018, 7, 26),
    )
    assert r.due == date(2018, 8, 22)


def test_deemed_receipt_keeps_later_receipts_later() -> None:
    # With a cut-off, Fri 17:30 and Sat 09:00 both count as received Mon 7/23: due Mon 8/20
    # (Jul 24-27 (4), Jul 30-Aug 3 (9), Aug 6-10 (14), 13-17 (19), Mon 20 (20)).
    opts = Options(cutoff=time(17))
    friday = compute(Request(received=datetime(2018, 7, 20, 17, 30, tzinfo=NY), options=opts))
    saturday = compute(Request(received=datetime(2018, 7, 21, 9, 0, tzinfo=NY), options=opts))
    assert friday.due == saturday.due == date(2018, 8, 20)


def test_appeal_window_and_suit_after_a_late_decision() -> None:
    # Appeal received Fri 2020-12-18: Dec 21-23 (3), Dec 24 closure, 25 skipped, Dec 28-31 (7),
    # Jan 1 skipped, Jan 4-8 (12), 11-15 (17), Jan 18 MLK skipped, Jan 19, 20, Thu 21 (20).
    # Earliest: Dec 24 worked: one day earlier, Wed 1/20.
    # Latest: Inauguration Day Wed 1/20 off: Fri 1/22.
    r = compute(
        Request(received=date(2020, 10, 1), responded=date(2020, 11, 2), adverse=True,
                appeal=Appeal(received=date(2020, 12, 18), decided=date(2021, 2, 1))),
        as_of=date(2021, 2, 2),
    )  # fmt: skip
    assert r.appeal is not None and r.appeal.due == date(2021, 1, 21)
    assert r.appeal.window is not None
    assert (r.appeal.window.earliest, r.appeal.window.latest) == (
        date(2021, 1, 20),
        date(2021, 1, 22),
    )
    # Decided late (Feb 1): the requester could sue from the day after the missed date, the
    # latest reading's (Fri 1/22), so that the suit is not premature under any: Sat 1/23.
    assert r.appeal.may_sue_from == date(2021, 1, 23)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Request(received=BASE_DAY, extension=10.5), "extension"),
        (lambda: Request(received=BASE_DAY, extension="5"), "extension"),  # type: ignore[arg-type]
        (lambda: Request(received="2018-07-20"), "received"),  # type: ignore[arg-type]
        (lambda: Request(received=None), "received"),  # type: ignore[arg-type]
        (lambda: Request(received=BASE_DAY, agency=7), "agency"),  # type: ignore[arg-type]
        (lambda: Request(received=BASE_DAY, expedited="yes"), "expedited"),  # type: ignore[arg-type]
        (lambda: Request(received=BASE_DAY, target_days=-1), "target_days"),
        (lambda: Request(received=BASE_DAY, tolls=[date(2018, 7, 23)]), "toll 1"),  # type: ignore[list-item]
        (lambda: Toll(date(2018, 7, 23), date(2018, 7, 25), "bogus"), "kind"),  # type: ignore[arg-type]
        (lambda: Appeal(received=date(2018, 9, 3), extension=date(2018, 9, 4)), "appeal.extension"),  # type: ignore[arg-type]
        (lambda: Options(timezone="Mars/Base"), "timezone"),
        (lambda: Options(cutoff="5pm"), "cutoff"),
        (lambda: Options(observed="no"), "observed"),  # type: ignore[arg-type]
        (lambda: Request(received=BASE_DAY, via="pigeon"), "via"),  # type: ignore[arg-type]
    ],
)
def test_bad_values_are_refused_when_made(make: Callable[[], object], field: str) -> None:
    """A value of the wrong kind fails at once, naming its field (not later, in the count)."""
    with pytest.raises(RequestError) as info:
        make()
    assert info.value.field == field


def test_harmless_variants_are_accepted() -> None:
    base = compute(
        Request(
            received=date(2018, 7, 20),
            responded=date(2018, 9, 1),
            tolls=(Toll(date(2018, 7, 23), date(2018, 7, 25)),),
        )
    )
    loose = compute(
        Request(
            received=date(2018, 7, 20),
            responded=datetime(2018, 9, 1, 12, 0),  # a date-time is taken as its date
            tolls=[Toll(date(2018, 7, 23), date(2018, 7, 25), "information")],  # type: ignore[arg-type]
            options=Options(closed_days=[date(2030, 1, 2)], cutoff="17:00"),
        )
    )
    assert base.due == loose.due and base.status == loose.status
    assert loose.request.responded == date(2018, 9, 1)
    assert Request(received=BASE_DAY, extension=0).extension is None
    assert Request(received=BASE_DAY, extension=False).extension is None
    assert Request(received=BASE_DAY, extension=3.0).extension == 3
    with pytest.raises(FoiaclockError):
        compute(Request(received=date(2018, 7, 20)), as_of=datetime(2018, 8, 1, 9, 0))  # type: ignore[arg-type]


def test_edges_of_the_covered_years() -> None:
    # 1900-01-01 is a Monday holiday; the Interior variant steps back into 1899 and is left out.
    assert compute(Request(received=date(1900, 1, 2)), as_of=date(1900, 1, 2)).due is not None
    # A request late in 2200 is due in 2201: allowed (results may pass 2200).
    assert compute(Request(received=date(2200, 12, 20)), as_of=date(2200, 12, 20)).due.year == 2201  # type: ignore[union-attr]


def test_wyoming_without_acknowledgement_counts_from_receipt() -> None:
    r = compute(Request(received=date(2024, 3, 1), jurisdiction="us-wy"), as_of=date(2024, 3, 1))
    assert r.due is not None
    assert any("acknowledg" in w for w in r.warnings)


def test_an_agreed_date_cannot_shorten_the_time() -> None:
    # Due Fri 2018-08-17 by statute; an "agreed" 2018-08-10 would shorten it.
    from foiaclock.errors import ExtensionError

    with pytest.raises(ExtensionError, match="before the date the law already allows"):
        compute(Request(received=date(2018, 7, 20), extension=date(2018, 8, 10)))


def test_an_appeal_cannot_predate_the_response() -> None:
    from foiaclock.errors import DateOrderError

    with pytest.raises(DateOrderError) as info:
        compute(
            Request(
                received=date(2026, 10, 1),
                responded=date(2026, 11, 20),
                adverse=True,
                appeal=Appeal(filed=date(2026, 11, 10)),
            ),
            as_of=date(2026, 12, 1),
        )
    assert info.value.field == "appeal.filed"


def test_facts_after_the_as_of_day_are_not_known_yet() -> None:
    request = Request(
        received=date(2018, 7, 20),
        responded=date(2018, 10, 5),
        tolls=(Toll(date(2018, 7, 25), date(2018, 8, 2)),),
    )
    # On Mon 7/30 the pause (asked Wed 7/25) is still running: paused, the answer not yet known.
    r = compute(request, as_of=date(2018, 7, 30))
    assert r.status.value == "paused" and r.request.responded is None
    # On Wed 8/1... still paused; on Fri 8/3 the answer of Thu 8/2 is known: Jul 26, 27, 30, 31,
    # Aug 1, 2 paused (6 wd), due Fri 8/17 + 6 wd = Mon 8/27 (Aug 20-24 (5), 27 (6)); still open.
    r = compute(request, as_of=date(2018, 8, 3))
    assert r.status.value == "open" and r.due == date(2018, 8, 27)
    assert any("response of 2018-10-05" in w for w in r.warnings)
    # After the response: answered late (due Mon 8/27, answered Fri 10/5).
    assert compute(request, as_of=date(2018, 10, 10)).status.value == "answered late"


def test_a_new_york_acknowledgement_before_2005_asks_for_its_stated_date() -> None:
    """Before L.2005, ch. 22 (2005-05-03) FOIL capped no extension: a timely acknowledgement (Fri
    2004-03-05, within the 5 business days from Mon 2004-03-01: 3/2-5, 3/8) gives time of no fixed
    length, so its stated date is asked for, on the acknowledgement (not on an extension the
    requester never gave)."""
    request = Request(
        received=date(2004, 3, 1), id="ny-2004", jurisdiction="us-ny", acknowledged=date(2004, 3, 5)
    )
    with pytest.raises(ExtensionError) as caught:
        compute(request, as_of=date(2004, 5, 1))
    assert caught.value.field == "acknowledged"
    assert caught.value.request_id == "ny-2004"
    assert caught.value.message.endswith(
        "give the approximate date the acknowledgement stated as the extension date"
    )
    dated = replace(request, extension=date(2004, 4, 15))
    assert compute(dated, as_of=date(2004, 5, 1)).due == date(2004, 4, 15)


def test_a_late_new_york_acknowledgement_gives_no_more_time() -> None:
    """Mon 2026-11-16: 5 business days to acknowledge, 11/17-20 (4), Mon 11/23 (5). An
    acknowledgement on Tue 11/24 is late: no 20 more business days, the due date stays Mon 11/23,
    and a warning says why (FOIL § 89(3)(a))."""
    d = compute(
        Request(received=date(2026, 11, 16), jurisdiction="us-ny", acknowledged=date(2026, 11, 24)),
        as_of=date(2026, 11, 30),
    )
    assert d.due == date(2026, 11, 23)
    assert not d.extended
    assert (
        "the acknowledgement of 2026-11-24 came after it was due (2026-11-23): it gives no more "
        "time (N.Y. Pub. Off. Law § 89(3)(a))"
    ) in d.warnings
