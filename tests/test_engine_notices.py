"""Nothing recorded is silently ignored: a fact that changes nothing gets a warning that says so."""

from __future__ import annotations

from datetime import date

from foiaclock import Request, Toll, TollKind, compute


def test_a_receipt_after_the_as_of_day_is_said() -> None:
    d = compute(Request(received=date(2026, 12, 20)), as_of=date(2026, 12, 1))
    assert d.warnings[0].startswith("the request was received on 2026-12-20, after the as-of")


def test_a_pause_inside_an_open_pause_is_said() -> None:
    """Asked for information Wed 11/4 (still unanswered), then about fees Fri 11/6: the days
    from 11/7 on are paused by the first already."""
    request = Request(
        received=date(2026, 11, 2),
        tolls=(Toll(start=date(2026, 11, 4)), Toll(start=date(2026, 11, 6), kind=TollKind.FEE)),
    )
    d = compute(request, as_of=date(2026, 12, 1))
    assert any("starts inside the pause from 2026-11-04 (still open)" in w for w in d.warnings)


def test_pauses_that_only_touch_are_not_flagged() -> None:
    """The first pause ends Fri 11/6 (the answer's day, the last paused day); the second starts
    that day, pausing from Mon 11/9: no day is shared."""
    request = Request(
        received=date(2026, 11, 2),
        tolls=(
            Toll(start=date(2026, 11, 4), end=date(2026, 11, 6)),
            Toll(start=date(2026, 11, 6), kind=TollKind.FEE),
        ),
    )
    d = compute(request, as_of=date(2026, 12, 1))
    assert not any("inside the pause" in w for w in d.warnings)


def test_a_pause_inside_a_closed_pause_is_said() -> None:
    request = Request(
        received=date(2026, 11, 2),
        tolls=(
            Toll(start=date(2026, 11, 4), end=date(2026, 11, 12)),
            Toll(start=date(2026, 11, 6), end=date(2026, 11, 10), kind=TollKind.FEE),
        ),
    )
    d = compute(request, as_of=date(2026, 12, 1))
    assert any("inside the pause from 2026-11-04 (to 2026-11-12)" in w for w in d.warnings)


def test_a_national_code_that_is_also_a_state_s_abbreviation_is_said() -> None:
    d = compute(Request(received=date(2026, 11, 2), jurisdiction="CA"), as_of=date(2026, 11, 3))
    assert d.jurisdiction == "ca"
    assert any("for California write 'us-ca'" in w for w in d.warnings)
    plain = compute(Request(received=date(2026, 11, 2), jurisdiction="us-ca"))
    assert not any("California write" in w for w in plain.warnings)
