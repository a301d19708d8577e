"""`foiaclock status --format ics`: reminders, SEQUENCE, cancelled and provisional events, read
back with `icalendar` as a calendar application reads them.

Every date below is counted by hand. The base request: received Monday 2026-11-02 under the
federal statute (20 working days, 5 U.S.C. § 552(a)(6)(A)(i)); Veterans Day (Wed 11-11) and
Thanksgiving (Thu 11-26) do not count, so day 20 is Wednesday 2026-12-02.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from _cli_helpers import run

from foiaclock.formats.ics_events import GRACE_DAYS

BASE = '[[request]]\nid = "r"\nagency = "A"\njurisdiction = "us"\nreceived = 2026-11-02\n'


def events(
    tmp_path: Path, extra: str, as_of: str = "2026-11-20", received: str = "2026-11-02"
) -> dict[str, Any]:
    """The events of the base request (received on `received`) with `extra` TOML lines, by
    the part of the UID that says which deadline it is."""
    from icalendar import Calendar

    f = tmp_path / "requests.toml"
    f.write_text(BASE.replace("2026-11-02", received) + extra, encoding="utf-8")
    r = run("status", str(f), "--as-of", as_of, "--format", "ics")
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(r.stdout)
    return {str(e["UID"]).split(".")[1].split("@")[0]: e for e in cal.walk("VEVENT")}


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def alarm_times(event: Any) -> list[datetime]:
    """When the event's alarms ring, in the order written (Outlook keeps only the first)."""
    return [a.decoded("TRIGGER") for a in event.walk("VALARM")]


# ---- reminders ------------------------------------------------------------------------------

ALARM_CASES = [
    # (extra TOML, as-of, which event, alarm times in order, reason)
    (
        "",
        "2026-11-20",
        "due",
        [utc(2026, 12, 1, 14), utc(2026, 12, 2, 14)],
        "due Wed 12-02: 09:00 New York time (EST, UTC-5) the day before first, then on the day",
    ),
    (
        'timezone = "America/Los_Angeles"\n[[request.reply]]\nby = 2026-07-15\n',
        "2026-07-01",
        "reply-1",
        [utc(2026, 7, 14, 16), utc(2026, 7, 8, 16), utc(2026, 7, 15, 16)],
        "a reply is the requester's own deadline: the day before, a week before, the day; "
        "09:00 Los Angeles in July is PDT (UTC-7), 16:00 UTC",
    ),
    (
        'timezone = "Europe/London"\n[[request.reply]]\nby = 2026-07-15\n',
        "2026-07-01",
        "reply-1",
        [utc(2026, 7, 14, 8), utc(2026, 7, 8, 8), utc(2026, 7, 15, 8)],
        "the request's own time zone: 09:00 in London in July is BST (UTC+1), 08:00 UTC",
    ),
    (
        "[[request.reply]]\nby = 2026-07-15\nasked = 2026-07-01\n",
        "2026-07-10",
        "reply-1",
        [utc(2026, 7, 14, 13), utc(2026, 7, 15, 13)],
        "the week-before reminder (07-08) is before the as-of day: left out; EDT is UTC-4",
    ),
    (
        "",
        "2026-12-02",
        "due",
        [utc(2026, 12, 2, 14)],
        "on the due date itself only the reminder of the day is left",
    ),
    (
        "responded = 2026-11-19\n",
        "2026-11-20",
        "due",
        [],
        "a cancelled event rings no reminder",
    ),
]


@pytest.mark.parametrize(("extra", "as_of", "which", "expected", "reason"), ALARM_CASES)
def test_reminders(
    tmp_path: Path, extra: str, as_of: str, which: str, expected: list[datetime], reason: str
) -> None:
    # The July rows: a request received on 07-01, so that its reply is the date looked at.
    received = "2026-07-01" if as_of.startswith("2026-07") else "2026-11-02"
    ev = events(tmp_path, extra, as_of, received)
    assert alarm_times(ev[which]) == expected, reason
    for alarm in ev[which].walk("VALARM"):
        assert alarm["ACTION"] == "DISPLAY"
        assert str(alarm["DESCRIPTION"])  # a DISPLAY alarm needs its text (RFC 5545 § 3.6.6)


def test_a_due_date_reminder_rings_the_morning_before_as_a_date_time() -> None:
    """The trigger is written as an absolute UTC date-time, never as a bare date (a date rings
    at midnight) and never as a duration that resolves in the reader's zone."""
    from icalendar import Calendar

    r = run("status", "examples/requests.toml", "--as-of", "2026-12-01", "--format", "ics")
    fbi = next(
        e
        for e in Calendar.from_ical(r.stdout).walk("VEVENT")
        if e["UID"] == "fbi-2026-face.due@foiaclock"
    )
    # Due Mon 2026-12-07 (the example's count: 20 working days and a 3-day pause): Sunday
    # 2026-12-06 at 09:00 in New York, EST.
    assert alarm_times(fbi)[0] == utc(2026, 12, 6, 14)
    assert "TRIGGER;VALUE=DATE-TIME:20261206T140000Z" in r.stdout


# ---- SEQUENCE -------------------------------------------------------------------------------

#: Facts added one after another to the base request, as a requester records them; each row
#: moves (or ends) the due date, so its SEQUENCE must be higher than the row before.
HISTORY = [
    # (extra TOML, due date, SEQUENCE, reason)
    ("", date(2026, 12, 2), 0, "nothing recorded: day 20 is Wed 12-02"),
    (
        "extension = true\n",
        date(2026, 12, 16),
        1,
        "the 10-day extension: 12-03, 04, 07, 08, 09, 10, 11, 14, 15, 16",
    ),
    (
        "extension = true\n[[request.toll]]\nstart = 2026-11-04\nend = 2026-11-09\n",
        date(2026, 12, 21),
        3,
        "a pause from 11-04 (still counts) to 11-09 (the answer's day, not counted): 11-05, "
        "06, 09 do not count, 3 working days later: 12-17, 18, 21",
    ),
    (
        "extension = true\nresponded = 2026-11-19\n"
        "[[request.toll]]\nstart = 2026-11-04\nend = 2026-11-09\n",
        date(2026, 12, 21),
        4,
        "answered: the due date no longer applies and is cancelled with a higher SEQUENCE",
    ),
]


def test_sequence_grows_as_facts_move_the_date(tmp_path: Path) -> None:
    last = -1
    for extra, due, sequence, reason in HISTORY:
        ev = events(tmp_path, extra)["due"]
        assert ev.decoded("DTSTART") == due, reason
        assert int(ev["SEQUENCE"]) == sequence, reason
        assert sequence > last, reason
        last = sequence


def test_the_same_facts_give_the_same_calendar(tmp_path: Path) -> None:
    """Deterministic: SEQUENCE comes from the data, not from the time of export."""
    f = tmp_path / "requests.toml"
    f.write_text(BASE + "extension = true\n", encoding="utf-8")
    args = ("status", str(f), "--as-of", "2026-11-20", "--format", "ics")
    assert run(*args).stdout == run(*args).stdout


def test_an_open_pause_is_provisional(tmp_path: Path) -> None:
    # Paused from Wed 11-18 (still counts); as of Fri 11-20 the pause runs to the as-of day,
    # so 11-19 and 11-20 do not count: 2 working days after 12-02, Fri 12-04, for now.
    ev = events(tmp_path, "[[request.toll]]\nstart = 2026-11-18\n")
    due = ev["due"]
    assert due.decoded("DTSTART") == date(2026, 12, 4)
    assert str(due["STATUS"]) == "TENTATIVE"
    assert str(due["SUMMARY"]).startswith("Provisional")
    assert "Provisional: the clock is paused since 2026-11-18" in str(due["DESCRIPTION"])
    assert int(due["SEQUENCE"]) == 1  # the pause began
    # The may-sue day follows the provisional due date and says so too.
    assert ev["may-sue"].decoded("DTSTART") == date(2026, 12, 5)
    assert str(ev["may-sue"]["STATUS"]) == "TENTATIVE"
    # Once the answer reached the agency (11-20), the date is firm and SEQUENCE higher.
    ended = events(tmp_path, "[[request.toll]]\nstart = 2026-11-18\nend = 2026-11-20\n")["due"]
    assert str(ended["STATUS"]) == "CONFIRMED"
    assert int(ended["SEQUENCE"]) == 2


# ---- cancelled events -----------------------------------------------------------------------

CANCELLED = [
    # (extra TOML, as-of, which, written?, reason)
    ("responded = 2026-11-19\n", "2026-11-20", "due", True, "answered: the due date is cancelled"),
    ("responded = 2026-11-19\n", "2026-11-20", "may-sue", True, "and the day one may sue"),
    (
        "responded = 2026-11-19\n",
        "2027-02-17",
        "due",
        True,
        f"{GRACE_DAYS} days after the answer (12 + 31 + 31 + 16): still written",
    ),
    (
        "responded = 2026-11-19\n",
        "2027-02-18",
        "due",
        False,
        "one day more: left out, the calendars that imported it have had their chance",
    ),
    (
        "[[request.reply]]\nby = 2026-11-30\nasked = 2026-11-10\nreplied = 2026-11-16\n",
        "2026-11-20",
        "reply-1",
        True,
        "a reply given: its date no longer applies",
    ),
    (
        "responded = 2026-11-10\nadverse = true\n[request.appeal]\nfiled = 2026-11-18\n",
        "2026-11-20",
        "appeal-by",
        True,
        "an appeal filed: the last day to appeal no longer applies",
    ),
]


@pytest.mark.parametrize(("extra", "as_of", "which", "written", "reason"), CANCELLED)
def test_cancelled_events(
    tmp_path: Path, extra: str, as_of: str, which: str, written: bool, reason: str
) -> None:
    ev = events(tmp_path, extra, as_of)
    if not written:
        assert which not in ev, reason
        return
    e = ev[which]
    assert str(e["STATUS"]) == "CANCELLED", reason
    assert str(e["SUMMARY"]).startswith("Cancelled: "), reason
    assert str(e["DESCRIPTION"]).startswith("No longer applies: "), reason
    assert not list(e.walk("VALARM")), reason


def test_a_reimport_updates_every_event_it_had(tmp_path: Path) -> None:
    """Each event of the open request comes back under the same UID with a higher SEQUENCE
    once it is answered, so a calendar updates (cancels) them instead of keeping both."""
    before = events(tmp_path, "", "2026-11-18")
    after = events(tmp_path, "responded = 2026-11-19\n", "2026-11-20")
    assert set(before) == {"due", "may-sue", "follow-up"}
    assert set(before) <= set(after)
    for which, old in before.items():
        new = after[which]
        assert new["UID"] == old["UID"]
        assert int(new["SEQUENCE"]) > int(old["SEQUENCE"])
        assert str(new["STATUS"]) == "CANCELLED"


# ---- the next follow-up ---------------------------------------------------------------------

FOLLOW_UP = [
    # (extra TOML, as-of, the event's day, SEQUENCE, status, reason)
    (
        "",
        "2026-11-20",
        date(2026, 12, 3),
        0,
        "CONFIRMED",
        "due Wed 12-02: the first follow-up the first working day late, Thu 12-03",
    ),
    (
        '[[request.letter]]\nkind = "follow-up"\nsent = 2026-12-03\n',
        "2026-12-04",
        date(2026, 12, 17),
        1,
        "CONFIRMED",
        "one sent Thu 12-03: 10 working days on (12-04, 07-11, 14-17) is Thu 12-17; the letter "
        "raises SEQUENCE",
    ),
    (
        "estimated_completion = 2026-12-10\n",
        "2026-11-20",
        date(2026, 12, 11),
        1,
        "CONFIRMED",
        "the agency's estimate Thu 12-10: not before the working day after it, Fri 12-11",
    ),
    (
        "[[request.toll]]\nstart = 2026-11-18\n",
        "2026-11-20",
        date(2026, 11, 18),
        1,
        "CANCELLED",
        "an open pause: no follow-up while the delay is lawful, cancelled on the pause's day",
    ),
    (
        "[[request.toll]]\nstart = 2026-11-18\nend = 2026-11-20\n",
        "2026-11-20",
        date(2026, 12, 7),
        2,
        "CONFIRMED",
        "the pause ended 11-20 (11-19 and 11-20 do not count): due Fri 12-04, follow-up Mon "
        "12-07; its start and its end raise SEQUENCE",
    ),
    (
        "responded = 2026-11-19\n",
        "2026-11-20",
        date(2026, 11, 19),
        1,
        "CANCELLED",
        "answered Thu 11-19: no follow-up, cancelled on the answer's day",
    ),
    (
        "litigation = 2026-12-10\n",
        "2026-12-11",
        date(2026, 12, 10),
        1,
        "CANCELLED",
        "a suit filed Thu 12-10: cancelled on its day",
    ),
]


@pytest.mark.parametrize(("extra", "as_of", "day", "sequence", "status", "reason"), FOLLOW_UP)
def test_the_follow_up_event(
    tmp_path: Path, extra: str, as_of: str, day: date, sequence: int, status: str, reason: str
) -> None:
    e = events(tmp_path, extra, as_of)["follow-up"]
    assert e.decoded("DTSTART") == day, reason
    assert int(e["SEQUENCE"]) == sequence, reason
    assert str(e["STATUS"]) == status, reason
    assert str(e["UID"]) == "r.follow-up@foiaclock", reason


def test_the_follow_up_rings_the_morning_before_and_of_the_day(tmp_path: Path) -> None:
    # Thu 12-03 at 09:00 New York time (EST, UTC-5), the day before first; no week-before
    # reminder: a follow-up is a short letter, not an appeal to write.
    e = events(tmp_path, "", "2026-11-20")["follow-up"]
    assert alarm_times(e) == [utc(2026, 12, 2, 14), utc(2026, 12, 3, 14)]
    assert str(e["SUMMARY"]) == "Send a follow-up letter: r (A)"


def test_a_follow_up_cancelled_by_a_pause_says_why(tmp_path: Path) -> None:
    e = events(tmp_path, "[[request.toll]]\nstart = 2026-11-18\n")["follow-up"]
    assert str(e["DESCRIPTION"]).startswith(
        "No longer applies: the clock is paused since 2026-11-18 (a lawful delay)"
    )
    assert not list(e.walk("VALARM"))


def test_a_disputed_pause_leaves_the_follow_up_alone(tmp_path: Path) -> None:
    # A pause the requester disputes is not counted: due Wed 12-02, follow-up Thu 12-03.
    extra = "[[request.toll]]\nstart = 2026-11-18\ndisputed = true\n"
    e = events(tmp_path, extra)["follow-up"]
    assert e.decoded("DTSTART") == date(2026, 12, 3)
    assert str(e["STATUS"]) == "CONFIRMED"


def test_no_follow_up_under_a_law_with_no_fixed_time(tmp_path: Path) -> None:
    # Florida: "promptly" (Fla. Stat. § 119.07(1)(c)), no due date, so no cadence.
    f = tmp_path / "requests.toml"
    text = BASE.replace('jurisdiction = "us"', 'jurisdiction = "us-fl"')
    f.write_text(text, encoding="utf-8")
    r = run("status", str(f), "--as-of", "2026-11-20", "--format", "ics")
    assert r.exit_code == 0, r.output
    assert "follow-up@" not in r.stdout
