"""The follow-up cadence (`Deadline.next_follow_up`, `foiaclock.engine.follow_up`) and the
letters a request records (`[[request.letter]]`), counted by hand on printed calendars of
October-November 2026 (Thu 10/1, Mon 10/5, 10/12 Columbus Day, 10/19, 10/26, Mon 11/2, Wed 11/11
Veterans Day, 11/16, 11/23, Thu 11/26 Thanksgiving).

A request received Thu 2026-10-01 under the statute is due Fri 10/30: 10/2 (1), 10/5-9 (6),
[Mon 10/12], 10/13-16 (10), 10/19-23 (15), 10/26-30 (20)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from _cli_helpers import run

from foiaclock import FoiaclockError, Request, SentLetter, Toll, TollKind, compute
from foiaclock.letters import called_for, choices

LATE = Request(id="late", received=date(2026, 10, 1), jurisdiction="us")
AS_OF = date(2026, 12, 1)


def follow_up(day: date, via: Any = None) -> SentLetter:
    return SentLetter("follow-up", day, via)


@pytest.mark.parametrize(
    ("changes", "every", "expected", "reason"),
    [
        ({}, 10, date(2026, 11, 2), "none sent: the first working day late, Mon 11/2"),
        (
            {"letters": (follow_up(date(2026, 11, 2)),)},
            10,
            date(2026, 11, 17),
            "sent Mon 11/2: 11/3-6 (4), 11/9-10 (6), [Wed 11/11], 11/12-13 (8), 11/16 (9), "
            "Tue 11/17 (10)",
        ),
        (
            {"letters": (follow_up(date(2026, 11, 2)),)},
            5,
            date(2026, 11, 9),
            "every 5: 11/3-6 (4), Mon 11/9 (5)",
        ),
        (
            {"letters": (follow_up(date(2026, 10, 20)), follow_up(date(2026, 10, 30)))},
            10,
            date(2026, 11, 2),
            "inquiries before the request was late (Tue 10/20, and Fri 10/30, the due date "
            "itself) do not move the first follow-up",
        ),
        (
            {"letters": (follow_up(date(2026, 11, 7)),)},
            10,
            date(2026, 11, 23),
            "sent Sat 11/7: 11/9-10 (2), [11/11], 11/12-13 (4), 11/16-20 (9), Mon 11/23 (10)",
        ),
        (
            {"letters": (follow_up(date(2026, 11, 17)), follow_up(date(2026, 11, 2)))},
            5,
            date(2026, 11, 24),
            "the last one counts, in any order: from Tue 11/17, 11/18-20 (3), 11/23 (4), "
            "Tue 11/24 (5)",
        ),
        (
            {"letters": (SentLetter("suit-notice", date(2026, 11, 5)),)},
            10,
            date(2026, 11, 2),
            "a notice before suit is not a follow-up",
        ),
        (
            {"extension": True},
            10,
            date(2026, 11, 17),
            "extended 10 working days from Fri 10/30: 11/2-6 (5), 11/9-10 (7), [11/11], "
            "11/12-13 (9), Mon 11/16 (10); the first day late is Tue 11/17",
        ),
        (
            {"letters": (follow_up(date(2026, 11, 10)),)},
            1,
            date(2026, 11, 12),
            "every 1, the least: sent Tue 11/10, [Wed 11/11 Veterans Day], Thu 11/12 (1)",
        ),
        (
            {"letters": (follow_up(date(2026, 11, 2)),)},
            65,
            date(2027, 2, 8),
            "every 65, the most: from Mon 11/2, 11/3-6 (4), 11/9-10 (6), [11/11], 11/12-13 (8), "
            "11/16-20 (13), 11/23-25 (16), [11/26], 11/27 (17), 11/30 (18), 12/1-4 (22), 12/7-11 "
            "(27), 12/14-18 (32), 12/21-24 (36), [12/25], 12/28-31 (40), [Fri 1/1/2027], 1/4-8 "
            "(45), 1/11-15 (50), [1/18 King], 1/19-22 (54), 1/25-29 (59), 2/1-5 (64), Mon 2/8 (65)",
        ),
        ({"responded": date(2026, 11, 20)}, 10, None, "answered: no follow-up"),
        ({"litigation": date(2026, 11, 20)}, 10, None, "in court: no follow-up"),
        (
            {"tolls": (Toll(start=date(2026, 10, 20), kind=TollKind.INFORMATION),)},
            10,
            None,
            "an information pause still awaited stops the clock: the delay is lawful",
        ),
        ({"jurisdiction": "us-fl"}, 10, None, "Florida's 'promptly' sets no due date"),
    ],
)
def test_the_next_follow_up(
    changes: dict[str, Any], every: int, expected: date | None, reason: str
) -> None:
    d = compute(replace(LATE, **changes), as_of=AS_OF, follow_up_every=every)
    assert d.next_follow_up == expected, reason


def test_before_the_request_is_late_the_first_follow_up_is_already_known() -> None:
    d = compute(LATE, as_of=date(2026, 10, 15))
    assert d.next_follow_up == date(2026, 11, 2)


def test_a_letter_sent_after_the_as_of_day_is_not_counted_yet() -> None:
    later = replace(LATE, letters=(follow_up(date(2026, 11, 20)),))
    d = compute(later, as_of=date(2026, 11, 19))
    assert d.next_follow_up == date(2026, 11, 2)
    assert "the follow-up letter of 2026-11-20 is after the as-of date: not counted" in d.warnings
    assert compute(later, as_of=date(2026, 11, 20)).next_follow_up == date(2026, 12, 7), (
        "sent Fri 11/20: 11/23-25 (3), [Thu 11/26], 11/27 (4), 11/30-12/4 (9), Mon 12/7 (10)"
    )


def test_a_letter_of_the_as_of_day_counts_and_one_of_a_later_day_does_not() -> None:
    """Follow-ups Mon 11/2 and Fri 11/20; on Thu 11/19 only the first is known: the next is
    Tue 11/17 (11/3-6 (4), 11/9-10 (6), [11/11], 11/12-13 (8), 11/16-17 (10)). On Mon 11/2
    the letter sent that day counts, with no note."""
    both = replace(LATE, letters=(follow_up(date(2026, 11, 2)), follow_up(date(2026, 11, 20))))
    d = compute(both, as_of=date(2026, 11, 19))
    assert d.next_follow_up == date(2026, 11, 17)
    today = compute(both, as_of=date(2026, 11, 2))
    assert today.next_follow_up == date(2026, 11, 17)
    assert [w for w in today.warnings if "letter of 2026-11-02" in w] == []


def test_a_letter_sent_the_day_the_request_arrived_is_accepted() -> None:
    same_day = replace(LATE, letters=(SentLetter("follow-up", date(2026, 10, 1)),))
    assert compute(same_day, as_of=AS_OF).next_follow_up == date(2026, 11, 2)


@pytest.mark.parametrize(
    ("every", "message"),
    [
        (0, "follow_up_every must be 1 to 65 working days, not 0"),
        (66, "follow_up_every must be 1 to 65 working days, not 66"),
        (True, "follow_up_every must be a whole number of working days"),
        (2.5, "follow_up_every must be a whole number of working days"),
    ],
)
def test_the_interval_is_checked(every: Any, message: str) -> None:
    with pytest.raises(FoiaclockError) as caught:
        compute(LATE, as_of=AS_OF, follow_up_every=every)
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "folow-up", "sent": date(2026, 11, 2)}, "kind"),
        ({"kind": "follow-up", "sent": None}, "sent"),
        ({"kind": "follow-up", "sent": "Nov 2"}, "sent"),
        ({"kind": "follow-up", "sent": date(2026, 11, 2), "via": "pigeon"}, "via"),
    ],
)
def test_a_sent_letter_is_checked_when_made(kwargs: dict[str, Any], field: str) -> None:
    from foiaclock import RequestError

    with pytest.raises(RequestError) as info:
        SentLetter(**kwargs)
    assert info.value.field == field


def test_a_letter_before_the_request_arrived_is_refused() -> None:
    from foiaclock import DateOrderError

    early = replace(LATE, letters=(follow_up(date(2026, 11, 2)), follow_up(date(2026, 9, 30))))
    with pytest.raises(DateOrderError) as info:
        compute(early, as_of=AS_OF)
    assert (info.value.field, info.value.request_id) == ("letter 2", "late")


def test_an_estimate_is_checked_against_the_receipt_day() -> None:
    from foiaclock import DateOrderError

    with pytest.raises(DateOrderError) as info:
        compute(replace(LATE, estimated_completion=date(2026, 9, 30)), as_of=AS_OF)
    assert (info.value.field, info.value.request_id) == ("estimated_completion", "late")
    # An estimate on the receipt day itself (Thu 10/1) is the agency's to give: no error.
    same_day = compute(replace(LATE, estimated_completion=date(2026, 10, 1)), as_of=AS_OF)
    assert same_day.next_follow_up == date(2026, 11, 2)


# ---- the letters -----------------------------------------------------------------------------


def test_a_recent_follow_up_holds_the_next_one_back() -> None:
    """Followed up Mon 11/16: the next is called for Tue 12/1 (11/17-20 (4), 11/23-25 (7),
    [11/26], 11/27 (8), 11/30 (9), 12/1 (10)); on Mon 11/30 it is not yet, on 12/1 it is."""
    sent = replace(LATE, letters=(follow_up(date(2026, 11, 16)),))
    waiting = compute(sent, as_of=date(2026, 11, 30))
    assert waiting.next_follow_up == date(2026, 12, 1)
    assert "follow-up" not in {c.kind for c in called_for(waiting)}
    (choice,) = [c for c in choices(waiting) if c.kind == "follow-up"]
    assert (choice.ok, choice.why) == (
        True,
        "overdue since 2026-10-30; followed up 2026-11-16, next 2026-12-01",
    )
    assert "follow-up" in {c.kind for c in called_for(compute(sent, as_of=AS_OF))}


FILE = """\
[letters]
follow_up_every = 5

[[request]]
id = "late"
agency = "FBI"
received = 2026-10-01

[[request.letter]]
kind = "follow-up"
sent = 2026-11-02
via = "email"

[[request.letter]]
kind = "follow-up"
sent = 2026-11-16
via = "portal"
"""


def test_the_follow_up_names_the_letters_sent_before(tmp_path: Any) -> None:
    path = tmp_path / "r.toml"
    path.write_text(FILE, encoding="utf-8")
    result = run("letter", str(path), "late", "follow-up", "--as-of", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert (
        "I contacted you about this request on Mon 2026-11-02 by email and on Mon 2026-11-16 "
        "through the agency's portal, and have had no answer."
    ) in result.stdout
    # every 5 from Mon 11/16: 11/17-20 (4), Mon 11/23 (5); on Fri 11/20 the next is not due yet
    listed = run("letter", str(path), "--list", "--as-of", "2026-11-20")
    assert (
        "follow-up    yes  overdue since 2026-10-30; followed up 2026-11-16, next 2026-11-23"
        in (listed.stdout)
    )


@pytest.mark.parametrize(
    ("table", "where", "words"),
    [
        ('kind = "follow-up"\n', (9, 1), "has no 'sent'"),
        ("sent = 2026-11-02\n", (9, 1), "has no 'kind'"),
        ('kind = "follow-up"\nsent = 2026-11-02\nmethod = "email"\n', (12, 1), "unknown key"),
        (
            'kind = "follow-up"\nsent = 2026-09-02\n',
            (9, 1),
            "dated before the request was received",
        ),
    ],
)
def test_a_letter_entry_is_placed_in_the_file(
    tmp_path: Any, table: str, where: tuple[int, int], words: str
) -> None:
    text = FILE.split("[[request.letter]]")[0] + "[[request.letter]]\n" + table
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    result = run("status", str(path), "--as-of", "2026-12-01")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:{where[0]}:{where[1]}: error: "), result.stderr
    assert words in result.stderr


def test_the_interval_in_the_file_is_checked(tmp_path: Any) -> None:
    path = tmp_path / "r.toml"
    path.write_text(FILE.replace("follow_up_every = 5", "follow_up_every = 0"), encoding="utf-8")
    result = run("status", str(path), "--as-of", "2026-12-01")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:2:1: error: [letters] follow_up_every"), result.stderr


# ---- one letter for several requests to one agency ---------------------------------------------

AGENCY_FILE = (
    FILE.replace("follow_up_every = 5", "follow_up_every = 10")
    + """
[[request]]
id = "answered"
agency = "FBI"
received = 2026-10-01
responded = 2026-11-20

[[request]]
id = "summer"
agency = "fbi  "
subject = "Records about the *pilot*"
tracking = "1600000-000"
received = 2026-06-01
extension = true

[[request]]
id = "elsewhere"
agency = "ICE"
received = 2026-10-01
"""
)


def test_one_follow_up_for_every_late_request_to_an_agency(tmp_path: Any) -> None:
    """Of the FBI's: "late" (followed up Mon 11/16, the next due Tue 12/1: 11/17-20 (4),
    11/23-25 (7), [11/26], 11/27 (8), 11/30 (9), 12/1 (10)) and "summer" (received Mon 6/1:
    6/2-5 (4), 6/8-12 (9), 6/15-18 (13), [Fri 6/19 Juneteenth], 6/22-26 (18), 6/29-30 (20);
    extended: 7/1-2 (2), [Fri 7/3 Independence Day observed], 7/6-10 (7), 7/13-15 (10): Wed 7/15,
    95 working days late on Tue 12/1) are in; "answered" is not, nor the ICE request."""
    path = tmp_path / "r.toml"
    path.write_text(AGENCY_FILE, encoding="utf-8")
    result = run("letter", str(path), "--agency", "fbi", "--as-of", "2026-12-01")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Subject: 2 overdue requests under the Freedom of Information Act: status" in out
    assert (
        "1. [the records requested]: received Thu 2026-10-01; the decision was due on Fri "
        "2026-10-30 (20 working days, 5 U.S.C. § 552(a)(6)(A)(i)); it is 20 working days late. I "
        "wrote about it on Mon 2026-11-02 and Mon 2026-11-16. Judicial review is open to me from "
        "Sat 2026-10-31. The agency may no longer assess search fees for it (5 U.S.C. § "
        "552(a)(4)(A)(viii)).\n"
    ) in out
    assert (
        "2. Records about the *pilot* (tracking number 1600000-000): received Mon 2026-06-01; the "
        "decision was due on Wed 2026-07-15 (20 working days, 5 U.S.C. § 552(a)(6)(A)(i), extended "
        "as you notified me); it is 95 working days late. Judicial review is open to me from Thu "
        "2026-07-16. The agency may no longer assess search fees for it (5 U.S.C. § "
        "552(a)(4)(A)(viii)).\n"
    ) in out
    assert "3. " not in out
    markdown = run(
        "letter", str(path), "--agency", "FBI", "-f", "markdown", "--as-of", "2026-12-01"
    )
    assert "Records about the \\*pilot\\*" in markdown.stdout


def test_a_follow_up_not_yet_due_leaves_the_request_out(tmp_path: Any) -> None:
    # On Mon 11/30 "late" waits for Tue 12/1 (above): only "summer" is in.
    path = tmp_path / "r.toml"
    path.write_text(AGENCY_FILE, encoding="utf-8")
    result = run("letter", str(path), "--agency", "FBI", "--as-of", "2026-11-30")
    assert result.exit_code == 0, result.output
    assert "Subject: 1 overdue request under the Freedom of Information Act: status" in (
        result.stdout
    )
    assert "I write about a request of mine under the Freedom of Information Act" in result.stdout
    assert "1. Records about the *pilot*" in result.stdout
    assert "2. " not in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--agency", "FBl"], "no request to 'FBl' (did you mean 'FBI'?)"),
        (
            ["--agency", "ICE", "--as-of", "2026-10-15"],
            "the request to 'ICE' calls for no follow-up now (elsewhere: a status inquiry (due "
            "2026-10-30))",
        ),
        (["late", "--agency", "FBI"], "--agency writes one follow-up"),
        (["--agency", "FBI", "--list"], "--agency writes one follow-up"),
    ],
)
def test_the_agency_letter_refuses_what_it_cannot_write(
    tmp_path: Any, args: list[str], words: str
) -> None:
    path = tmp_path / "r.toml"
    path.write_text(AGENCY_FILE, encoding="utf-8")
    result = run("letter", str(path), *args)
    assert result.exit_code == 2
    assert words in result.stderr, result.stderr


# ---- what the review of these letters found ----------------------------------------------------


def _file(tmp_path: Any, text: str) -> str:
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


ONE_LATE = """\
[[request]]
id = "one"
agency = "FBI"
received = 2026-10-01
"""


def test_one_day_late_in_one_letter_for_one_request(tmp_path: Any) -> None:
    # Due Fri 10/30: on Mon 11/2 one working day late, and the first follow-up is due that day.
    path = _file(tmp_path, ONE_LATE)
    out = run("letter", path, "--agency", "FBI", "--as-of", "2026-11-02").stdout
    assert "it is 1 working day late." in out
    assert "Please tell me, as 5 U.S.C. § 552(a)(7)(B) entitles me to know" in out
    assert "Because the time limit has passed without a determination, I may seek judicial " in out
    assert "the scope of the request if that would help" in out
    single = run("letter", path, "one", "follow-up", "--as-of", "2026-11-02").stdout
    assert "the decision is 1 working day late (3 calendar days)" in single


def test_the_first_follow_up_waits_for_the_first_working_day_late(tmp_path: Any) -> None:
    # Due Fri 10/30; on Sat 10/31 the request is late but the first follow-up is Mon 11/2.
    listed = run("letter", _file(tmp_path, ONE_LATE), "--list", "--as-of", "2026-10-31").stdout
    assert "one                  follow-up    yes  overdue since 2026-10-30; next 2026-11-02" in (
        listed
    )


def test_a_letter_to_an_agency_under_several_laws_claims_no_federal_right_for_all(
    tmp_path: Any,
) -> None:
    mixed = ONE_LATE + '\n[[request]]\nid = "state"\nagency = "FBI"\njurisdiction = "us-ca"\n'
    mixed += "received = 2026-10-01\n"
    out = run("letter", _file(tmp_path, mixed), "--agency", "FBI", "--as-of", "2026-12-01").stdout
    assert "§ 552(a)(7)(B)" not in out
    assert "For each, please tell me when you expect to decide on it." in out
    assert "Under the California Public Records Act" in out


def test_an_answered_request_s_letters_are_named_without_saying_no_answer_came(
    tmp_path: Any,
) -> None:
    """Answered adversely Thu 10/15, appealed Tue 10/20: the appeal's 20 working days end Wed
    11/18 (10/21-23 (3), 10/26-30 (8), 11/2-6 (13), 11/9-10 (15), [11/11], 11/12-13 (17),
    11/16-18 (20)); on 12/15 a notice before suit names the letters sent."""
    text = ONE_LATE + (
        "responded = 2026-10-15\nadverse = true\n\n[request.appeal]\nreceived = 2026-10-20\n\n"
        '[[request.letter]]\nkind = "follow-up"\nsent = 2026-10-13\nvia = "phone"\n\n'
        '[[request.letter]]\nkind = "appeal"\nsent = 2026-10-20\nvia = "email"\n'
    )
    out = run("letter", _file(tmp_path, text), "one", "suit-notice", "--as-of", "2026-12-15")
    assert out.exit_code == 0, out.output
    assert (
        "I contacted you about this request on Tue 2026-10-13 by phone and on Tue 2026-10-20 "
        "(appeal) by email.\n"
    ) in out.stdout
    assert "no answer" not in out.stdout


def test_a_notice_after_appealing_a_silence_does_not_say_the_agency_answered(
    tmp_path: Any,
) -> None:
    # Due Fri 10/30, appealed Tue 11/3: 11/4-6 (3), 11/9-10 (5), [11/11], 11/12-13 (7),
    # 11/16-20 (12), 11/23-25 (15), [11/26], 11/27 (16), 11/30-12/3 (20): the decision was due
    # Thu 12/3, so on 12/15 the appeal is overdue.
    text = ONE_LATE + "\n[request.appeal]\nreceived = 2026-11-03\n"
    out = run("letter", _file(tmp_path, text), "one", "suit-notice", "--as-of", "2026-12-15")
    assert out.exit_code == 0, out.output
    assert "The agency did not decide on this request in time, and I appealed" in out.stdout
    assert "answered this request on ," not in out.stdout


def test_a_misrouted_request_s_letter_may_predate_its_receipt_by_the_right_office() -> None:
    # First received Mon 3/3 by the designated office; a follow-up sent to it Wed 3/12, before
    # the component received the request (Mon 3/17), is a letter about the request.
    misrouted = Request(
        received=date(2025, 3, 17),
        first_received=date(2025, 3, 3),
        jurisdiction="us.ed",
        letters=(follow_up(date(2025, 3, 12)),),
    )
    assert compute(misrouted, as_of=date(2025, 5, 1)).due == date(2025, 4, 10)


def test_update_does_not_replace_the_letters(tmp_path: Any) -> None:
    path = _file(tmp_path, FILE)
    result = run("update", path, "late", 'letter=[{kind="follow-up", sent=2026-11-30}]')
    assert result.exit_code == 2
    assert "[[request.letter]]" in result.stderr
    assert (tmp_path / "r.toml").read_text(encoding="utf-8") == FILE


def test_education_s_misrouting_cap_is_described_in_calendar_days() -> None:
    out = run("jurisdictions", "us.ed").stdout
    assert "the clock starts no later than 10 calendar days after a designated office" in out


# ---- the agency's estimated date of completion ---------------------------------------------------


@pytest.mark.parametrize(
    ("edc", "letters", "expected", "reason"),
    [
        (
            date(2026, 11, 20),
            (),
            date(2026, 11, 23),
            "an estimate of Fri 11/20 holds the first follow-up back to Mon 11/23",
        ),
        (
            date(2026, 10, 20),
            (),
            date(2026, 11, 2),
            "an estimate before the due date changes nothing: Mon 11/2",
        ),
        (
            date(2026, 11, 25),
            (follow_up(date(2026, 11, 2)),),
            date(2026, 11, 27),
            "followed up 11/2 (next Tue 11/17), but the estimate is Wed 11/25: the working day "
            "after it, Fri 11/27 (Thu 11/26 is Thanksgiving)",
        ),
        (
            date(2026, 11, 4),
            (follow_up(date(2026, 11, 2)),),
            date(2026, 11, 17),
            "an estimate already passed when the cadence comes: Tue 11/17",
        ),
    ],
)
def test_the_estimated_date_of_completion_holds_follow_ups_back(
    edc: date, letters: tuple[SentLetter, ...], expected: date, reason: str
) -> None:
    d = compute(replace(LATE, estimated_completion=edc, letters=letters), as_of=AS_OF)
    assert d.next_follow_up == expected, reason


def test_a_follow_up_says_whether_the_estimate_has_passed(tmp_path: Any) -> None:
    text = ONE_LATE + "estimated_completion = 2026-11-20\n"
    path = _file(tmp_path, text)
    late = run("letter", path, "one", "follow-up", "--as-of", "2026-12-01").stdout
    assert (
        "You estimated that the agency would complete action on the request by Fri 2026-11-20; "
        "that date has passed too."
    ) in late
    assert "and a new estimated date on which it will complete action on it." in late
    listed = run("letter", path, "--list", "--as-of", "2026-11-19").stdout
    assert "overdue since 2026-10-30; the agency estimates 2026-11-20, next 2026-11-23" in listed
    held = run("letter", path, "--agency", "FBI", "--as-of", "2026-11-19")
    assert held.exit_code == 2


def test_an_estimate_before_the_request_arrived_is_refused(tmp_path: Any) -> None:
    path = _file(tmp_path, ONE_LATE + "estimated_completion = 2026-09-01\n")
    result = run("status", path, "--as-of", "2026-12-01")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:5:1: error: request 'one', field "), result.stderr
    assert "the estimated date of completion (2026-09-01) is before" in result.stderr


def test_status_suggests_one_letter_for_an_agency_s_follow_ups(tmp_path: Any) -> None:
    # On Tue 12/1 both of the FBI's late requests call for a follow-up ("late": next 12/1;
    # "summer": none sent); "fbi  " is the same agency as "FBI", named as the first of them in
    # the table ("summer", the later) writes it.
    path = _file(tmp_path, AGENCY_FILE)
    err = run("status", path, "--as-of", "2026-12-01").stderr
    assert "one follow-up for the 2 requests to fbi (`foiaclock letter FILE --agency fbi`)" in err
    # On Mon 11/30 "late" waits: one request, no such hint.
    assert "one follow-up" not in run("status", path, "--as-of", "2026-11-30").stderr


def test_a_hint_too_wide_for_the_terminal_puts_its_command_on_the_next_line(
    tmp_path: Any,
) -> None:
    long_id = "a-request-with-a-rather-long-name-2026"
    path = _file(tmp_path, ONE_LATE.replace('id = "one"', f'id = "{long_id}"'))
    err = run("status", path, "--as-of", "2026-12-01").stderr
    assert (
        f"letters for {long_id}: follow-up, suit-notice\n"
        f"  (`foiaclock letter FILE {long_id} KIND`)\n"
    ) in err
    assert max(len(line) for line in err.splitlines()) <= 100
