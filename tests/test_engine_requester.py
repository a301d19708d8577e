"""The requester's own clocks: the last day to appeal, and the replies the agency asked for by a
date, tracked like the agency's clocks and crossing `status` and `check`. Counted by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _cli_helpers import run
from _table import row

from foiaclock import Appeal, Reply, Request, RequestError, Status, compute

# Responded (adversely) Mon 2026-11-02 under the statute: 90 calendar days, Nov 30 = day 28,
# Dec 31 = 59, Sun 2027-01-31 = 90 (not rolled). MLK Day (Mon Jan 18) is before the last week.
ADVERSE = Request(
    id="a",
    received=date(2026, 10, 1),
    jurisdiction="us",
    responded=date(2026, 11, 2),
    adverse=True,
)


# fmt: off
APPEAL_ROWS = [
    row(date(2027, 1, 21), Status.APPEAL_WINDOW_OPEN, 6, id="open",
        reason="Thu Jan 21: Jan 22, 25-29 are 6 working days to the Sunday: more than 5"),
    row(date(2027, 1, 22), Status.APPEAL_DUE_SOON, 5, id="due-soon",
        reason="Fri Jan 22: Jan 25-29, 5 working days: within the threshold"),
    row(date(2027, 1, 31), Status.APPEAL_DUE_SOON, 0, id="the-day",
        reason="Sun Jan 31, the last day itself: 0 left (an appeal sent that day is in time)"),
    row(date(2027, 2, 1), Status.APPEAL_WINDOW_CLOSED, -1, id="closed",
        reason="Mon Feb 1: the window closed yesterday; late by at least one day"),
]
# fmt: on


@pytest.mark.parametrize(("as_of", "status", "left", "reason"), APPEAL_ROWS)
def test_the_time_to_appeal(as_of: date, status: Status, left: int, reason: str) -> None:
    d = compute(ADVERSE, as_of=as_of)
    assert d.appeal_by == date(2027, 1, 31), reason
    assert [(c.kind, c.status, c.days_left) for c in d.requester] == [("appeal", status, left)]
    assert d.current_status is status, reason
    assert d.current_due == date(2027, 1, 31), reason


def test_an_appeal_filed_stops_the_requester_s_clock() -> None:
    appealed = Request(
        received=date(2026, 10, 1),
        jurisdiction="us",
        responded=date(2026, 11, 2),
        adverse=True,
        appeal=Appeal(received=date(2026, 11, 20)),
    )
    d = compute(appealed, as_of=date(2026, 12, 1))
    assert d.requester == ()
    assert d.current_status is d.appeal.status  # type: ignore[union-attr]


# Received Mon 2026-11-16: Nov 17-20 (4), 23-25 (7), Thanksgiving Thu 26, Fri 27 (8), Nov 30-Dec 4
# (13), 7-11 (18), 14-15 (20): due Tue 2026-12-15. The agency asked, in a "still interested"
# letter, for a reply by Fri Dec 4.
WAITING = Request(
    id="w",
    received=date(2026, 11, 16),
    jurisdiction="us",
    replies=(Reply(by=date(2026, 12, 4), about="still interested", asked=date(2026, 11, 30)),),
)

# fmt: off
REPLY_ROWS = [
    row(date(2026, 11, 27), None, Status.OPEN, id="not-asked-yet",
        reason="Before the letter of Nov 30 there is nothing to reply to"),
    row(date(2026, 11, 30), Status.REPLY_DUE_SOON, Status.REPLY_DUE_SOON, id="due-soon",
        reason="Mon Nov 30: Dec 1-4, 4 working days left; the agency's Dec 15 is 11 away"),
    row(date(2026, 12, 7), Status.REPLY_OVERDUE, Status.REPLY_OVERDUE, id="overdue",
        reason="Mon Dec 7: the reply date passed; more urgent than the agency's open clock"),
]
# fmt: on


@pytest.mark.parametrize(("as_of", "mine", "current", "reason"), REPLY_ROWS)
def test_a_reply_the_agency_asked_for(
    as_of: date, mine: Status | None, current: Status, reason: str
) -> None:
    d = compute(WAITING, as_of=as_of)
    assert d.due == date(2026, 12, 15), reason
    assert [c.status for c in d.requester] == ([mine] if mine else []), reason
    assert d.current_status is current, reason


def test_a_reply_given_is_no_longer_a_clock() -> None:
    replied = Request(
        received=date(2026, 11, 16),
        jurisdiction="us",
        replies=(Reply(by=date(2026, 12, 4), replied=date(2026, 12, 3)),),
    )
    assert compute(replied, as_of=date(2026, 12, 7)).requester == ()
    # As of Dec 2 the reply of Dec 3 had not been given: still due soon (Dec 3-4, 2 left).
    early = compute(replied, as_of=date(2026, 12, 2))
    assert [(c.status, c.days_left) for c in early.requester] == [(Status.REPLY_DUE_SOON, 2)]


def test_reply_dates_are_checked() -> None:
    with pytest.raises(RequestError) as info:
        Reply(by=date(2026, 11, 10), asked=date(2026, 11, 20))
    assert info.value.field == "by"


FILE = """\
[[request]]
id = "appeal-soon"
agency = "FBI"
received = 2026-09-01
responded = 2026-10-01
adverse = true

[[request]]
id = "reply-soon"
agency = "ICE"
received = 2026-11-16

[[request.reply]]
about = "fee estimate"
by = 2026-12-04
"""


def _run(tmp_path: Path, *args: str) -> Any:
    path = tmp_path / "r.toml"
    path.write_text(FILE, encoding="utf-8")
    return run(args[0], str(path), *args[1:])


def test_requester_clocks_in_check_and_status(tmp_path: Path) -> None:
    """FBI (DOJ): responded Thu 2026-10-01, 90 calendar days, Oct 31 = 30, Nov 30 = 60, Wed Dec
    30 = 90. ICE: received Mon Nov 16, due Tue Dec 15 (counted above); the fee estimate's reply
    was due Fri Dec 4. As of Mon Dec 7 the reply date has passed while the agency's clock is open
    (Dec 8-11, 14-15: 6 working days left), and the FBI appeal is 16 working days off (Dec 8-11,
    14-18, 21-24, 28-30). As of Tue Dec 22 the appeal is due soon: Dec 23, 24, 28, 29, 30
    (Christmas Fri 25) = 5 working days."""
    plain = _run(tmp_path, "check", "--as-of", "2026-12-07")
    assert plain.exit_code == 1, "a missed reply fails even the default check"
    assert "reply-soon (ICE): reply overdue, due 2026-12-04 (1 working day late)" in plain.output
    yours = _run(tmp_path, "status", "--as-of", "2026-12-07", "--only", "yours", "--format", "csv")
    lines = yours.stdout.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["reply-soon", "appeal-soon"]
    data = json.loads(_run(tmp_path, "status", "--as-of", "2026-12-07", "--format", "json").stdout)
    ice = {r["id"]: r for r in data["requests"]}["reply-soon"]
    assert (ice["status"], ice["current_status"], ice["current_due"]) == (
        "open",
        "reply overdue",
        "2026-12-04",
    )
    late = _run(tmp_path, "check", "--as-of", "2026-12-22", "--fail-on", "due-soon")
    assert late.exit_code == 1
    assert "appeal-soon (FBI): appeal due soon, due 2026-12-30 (5 working days left)" in late.output
    data = json.loads(_run(tmp_path, "status", "--as-of", "2026-12-22", "--format", "json").stdout)
    fbi = {r["id"]: r for r in data["requests"]}["appeal-soon"]
    assert fbi["current_status"] == "appeal due soon"
    assert fbi["requester"] == [
        {
            "kind": "appeal",
            "label": "appeal the adverse determination",
            "due": "2026-12-30",
            "status": "appeal due soon",
            "days_left": 5,
            "citation": "28 CFR 16.8(a)",
        }
    ]


def test_the_reply_day_itself_is_not_yet_late() -> None:
    """As of Fri Dec 4, the last day to reply: 0 working days left, due soon, not overdue."""
    d = compute(WAITING, as_of=date(2026, 12, 4))
    assert [(c.status, c.days_left) for c in d.requester] == [(Status.REPLY_DUE_SOON, 0)]


def test_the_trail_records_the_reply_and_the_appeal_note() -> None:
    from foiaclock import explain

    replied = Request(
        received=date(2026, 11, 16),
        jurisdiction="us",
        replies=(Reply(by=date(2026, 12, 4), about="fee estimate", replied=date(2026, 12, 3)),),
    )
    steps = explain(compute(replied, as_of=date(2026, 12, 7)))
    mine = [s for s in steps if s.text.startswith("Replied")]
    assert [(s.kind, s.day, s.text) for s in mine] == [
        ("note", date(2026, 12, 3), "Replied Thu 2026-12-03 (fee estimate; due Fri 2026-12-04)")
    ]
    dhs = Request(
        received=date(2026, 9, 1),
        agency="ICE",
        responded=date(2026, 10, 20),
        adverse=True,
    )
    steps = explain(compute(dhs, as_of=date(2026, 12, 1)))
    note = next(s for s in steps if s.text.startswith("Postmarked, or transmitted"))
    assert (note.kind, note.day, note.citation) == ("note", date(2027, 3, 3), "6 CFR 5.8(a)(1)")
    clock = next(s for s in steps if s.text.startswith("The time to appeal"))
    assert clock.text == (
        "The time to appeal, by Wed 2027-03-03: appeal window open as of 2026-12-01"
    )
    assert (clock.kind, clock.day) == ("note", date(2027, 3, 3))


def test_a_window_without_an_anchor_says_only_its_length() -> None:
    """The statute's window names no anchor: "(90 calendar days)", nothing after it. Responded
    Mon 2026-11-02: Nov 30 = 28, Dec 31 = 59, Sun 2027-01-31 = 90."""
    from foiaclock import explain

    step = next(
        s for s in explain(compute(ADVERSE, as_of=date(2026, 12, 1))) if "Last day" in s.text
    )
    assert step.text == (
        "Last day to appeal the adverse determination: Sun 2027-01-31 (90 calendar days)"
    )
