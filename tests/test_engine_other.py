"""The further dates a law sets besides the answer (`Deadline.other`): each counted from the anchor
its rule names (the clock start, the acknowledgement, the agency's response, the due date), in
its own unit, rolled only when the rule says so. Dates counted by hand; each row says how."""

from __future__ import annotations

from datetime import date

import pytest

from foiaclock import ClockDate, Jurisdiction, Request, compute
from foiaclock.law import define_jurisdiction

AS_OF = date(2024, 12, 31)


def _other(
    request: Request, jurisdictions: dict[str, Jurisdiction] | None = None
) -> tuple[ClockDate, ...]:
    return compute(request, as_of=AS_OF, jurisdictions=jurisdictions).other


@pytest.mark.parametrize(
    ("jurisdiction", "fields", "label", "due", "citation", "why"),
    [
        (
            "nz",
            {"received": date(2024, 3, 4)},
            "Transfer to another agency",
            date(2024, 3, 18),
            "Official Information Act 1982 s.14",
            "Mon 4 Mar + 10 working days: 5-8 (4), 11-15 (9), 18 (10); no NZ holiday between",
        ),
        (
            "us-ia",
            {"received": date(2024, 3, 4)},
            "Outer limit of a good-faith delay to decide on releasing a confidential record",
            date(2024, 3, 24),
            "Iowa Code § 22.8(4)(d)",
            "Mon 4 Mar + 20 calendar days = Sun 24 Mar, left on the Sunday (the rule does not roll)",
        ),
        (
            "us-tx",
            {"received": date(2024, 5, 6)},
            "Ask the Attorney General for a decision (to withhold)",
            date(2024, 5, 20),
            "Tex. Gov't Code § 552.301(b)",
            "Mon 6 May + 10 business days: 7-10 (4), 13-17 (9), 20 (10)",
        ),
        (
            "us-wy",
            {"received": date(2024, 5, 6), "acknowledged": date(2024, 5, 8)},
            "Notice that the records are not held, or are in use or storage",
            date(2024, 5, 17),
            "W.S. § 16-4-202(b), (c)(i)",
            "from the acknowledgement, Wed 8 May + 7 business days: 9, 10 (2), 13-17 (7)",
        ),
        (
            "us-wy",
            {"received": date(2024, 5, 6)},
            "Notice that the records are not held, or are in use or storage",
            date(2024, 5, 15),
            "W.S. § 16-4-202(b), (c)(i)",
            "no acknowledgement: from receipt, Mon 6 May + 7 business days: 7-10 (4), 13-15 (7)",
        ),
    ],
)
def test_one_further_date(
    jurisdiction: str,
    fields: dict[str, date],
    label: str,
    due: date,
    citation: str,
    why: str,
) -> None:
    (only,) = _other(Request(jurisdiction=jurisdiction, **fields))  # type: ignore[arg-type]
    assert (only.label, only.due, only.citation) == (label, due, citation), why


def test_south_carolina_production_counts_from_the_response() -> None:
    answered = _other(
        Request(jurisdiction="us-sc", received=date(2024, 2, 26), responded=date(2024, 3, 8))
    )
    # Fri 8 Mar + 30 calendar days: 23 left in March, then 7 April = Sun 7 Apr, not rolled;
    # + 35 = Fri 12 Apr.
    assert [(c.label, c.due) for c in answered] == [
        ("Production (records 24 months old or less)", date(2024, 4, 7)),
        ("Production (records more than 24 months old)", date(2024, 4, 12)),
    ]
    assert answered[0].note == "Counted from the deposit instead when the body requires one."
    # No response yet: nothing to count from, so no date (and no guess).
    waiting = _other(Request(jurisdiction="us-sc", received=date(2024, 2, 26)))
    assert [c.due for c in waiting] == [None, None]


def test_a_law_without_further_dates_has_none() -> None:
    assert _other(Request(received=date(2024, 3, 4))) == ()


def _custom() -> dict[str, Jurisdiction]:
    table = {
        "base": "us",
        "name": "Test office",
        "other": [
            {
                "label": "After receipt",
                "days": 3,
                "unit": "working",
                "from": "received",
                "citation": "Test § 1",
            },
            {
                "label": "After the due date",
                "days": 3,
                "unit": "working",
                "from": "due",
                "citation": "Test § 2",
                "note": "a note",
            },
            {
                "label": "Calendar days, rolled",
                "days": 2,
                "unit": "calendar",
                "from": "due",
                "roll": True,
                "citation": "Test § 3",
            },
            {
                "label": "Promptly",
                "standard": "promptly",
                "citation": "Test § 4",
                "note": "not shown when there is a standard",
            },
        ],
    }
    return {"test-office": define_jurisdiction("test-office", table)}


def test_user_defined_further_dates_from_each_anchor() -> None:
    laws = _custom()
    got = _other(
        Request(jurisdiction="test-office", received=date(2018, 7, 20)), jurisdictions=laws
    )
    # Fri 20 Jul 2018 + 3 working days = Wed 25 Jul. Due: 20 working days, 23-27 (5),
    # 30 Jul-3 Aug (10), 6-10 (15), 13-17 (20) = Fri 17 Aug; + 3 working days = Wed 22 Aug;
    # + 2 calendar days = Sun 19 Aug, rolled to Mon 20 Aug.
    assert got == (
        ClockDate("After receipt", date(2018, 7, 25), "Test § 1", ""),
        ClockDate("After the due date", date(2018, 8, 22), "Test § 2", "a note"),
        ClockDate("Calendar days, rolled", date(2018, 8, 20), "Test § 3", ""),
        ClockDate("Promptly", None, "Test § 4", "promptly"),
    )


def test_received_means_the_clock_start_of_a_misrouted_request() -> None:
    laws = _custom()
    got = _other(
        Request(
            jurisdiction="test-office",
            received=date(2018, 7, 31),
            first_received=date(2018, 7, 2),
        ),
        jurisdictions=laws,
    )
    # 5 U.S.C. § 552(a)(6)(A)(ii): the clock starts 10 working days after the first receipt
    # (Mon 2 Jul: 3, 5 (Jul 4 skipped), 6 (3), 9-13 (8), 16, 17 (10)) = Tue 17 Jul, earlier than
    # the receipt by the right office (31 Jul). + 3 working days = Fri 20 Jul.
    assert got[0].due == date(2018, 7, 20)
