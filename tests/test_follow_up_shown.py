"""The next follow-up letter where a person reads it: `due`'s text and the HTML report's timeline
(`Deadline.next_follow_up`). Dates counted by hand on the 2018 calendar: a request received Fri
2018-07-20 is due Fri 2018-08-17 (20 working days, none a holiday); Labor Day is Mon 2018-09-03."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from foiaclock import Request, SentLetter, compute
from foiaclock.formats.as_html import _timeline
from foiaclock.formats.due_text import lines_for

RECEIVED = date(2018, 7, 20)


def _text(as_of: date, **fields: object) -> str:
    d = compute(Request(received=RECEIVED, agency="FBI", **fields), as_of=as_of)  # type: ignore[arg-type]
    return "\n".join(lines_for(d))


def _one_line(text: str) -> str:
    """The follow-up line with its wrapped continuation joined ("" when there is none)."""
    lines = text.splitlines()
    for k, line in enumerate(lines):
        if line.startswith("follow up"):
            rest = itertools.takewhile(lambda x: x.startswith(" "), lines[k + 1 :])
            return " ".join([line, *(x.strip() for x in rest)])
    return ""


FOLLOW_UP_TEXT = [
    # (as of, request fields, the line's start; reason)
    (date(2018, 8, 1), {}, "follow up     Mon 2018-08-20, if still unanswered (the first working day late",
     "due Fri 8/17: the first working day late is the Monday after the weekend"),
    (date(2018, 8, 20), {}, "follow up     Mon 2018-08-20, if still unanswered",
     "on the day itself the letter is still to send"),
    (date(2018, 9, 1), {}, "follow up     Mon 2018-08-20, called for since then",
     "after the day, it is called for since then"),
    (date(2018, 9, 1), {"letters": [SentLetter(kind="follow-up", sent=date(2018, 8, 20))]},
     "follow up     Tue 2018-09-04, if still unanswered (after your follow-up of Mon 2018-08-20",
     "10 working days after Mon 8/20: 8/21-24 (4), 8/27-31 (9), Labor Day 9/3 skipped, Tue 9/4"),
    (date(2018, 9, 1), {"estimated_completion": date(2018, 9, 14)},
     "follow up     Mon 2018-09-17, if still unanswered (the first working day late; not before "
     "the agency's estimated completion date, Fri 2018-09-14, has passed",
     "the estimate Fri 9/14 governs: the working day after it is Mon 9/17"),
]  # fmt: skip


@pytest.mark.parametrize(("as_of", "fields", "start", "reason"), FOLLOW_UP_TEXT)
def test_due_text_says_when_to_follow_up(
    as_of: date, fields: dict[str, object], start: str, reason: str
) -> None:
    line = _one_line(_text(as_of, **fields))
    assert line.startswith(start), reason
    assert line.endswith("a practice, not a legal deadline)")


@pytest.mark.parametrize(
    "fields",
    [{"responded": date(2018, 8, 10)}, {"litigation": date(2018, 8, 30)}],
    ids=["answered", "in court"],
)
def test_no_follow_up_line_once_answered_or_sued(fields: dict[str, object]) -> None:
    assert _one_line(_text(date(2018, 9, 1), **fields)) == ""


def test_no_follow_up_line_without_a_fixed_time() -> None:
    d = compute(
        Request(received=RECEIVED, agency="x", jurisdiction="us-fl"), as_of=date(2018, 9, 1)
    )
    assert "follow up" not in "\n".join(lines_for(d))


def test_the_timeline_marks_the_letters_sent_and_the_next_follow_up() -> None:
    """A follow-up sent Mon 8/20 and a notice before suit sent Fri 8/24; the next follow-up is
    10 working days after 8/20: Tue 9/4 (Labor Day 9/3 skipped)."""
    letters = [
        SentLetter(kind="follow-up", sent=date(2018, 8, 20)),
        SentLetter(kind="suit-notice", sent=date(2018, 8, 24)),
    ]
    d = compute(Request(received=RECEIVED, agency="FBI", letters=letters), as_of=date(2018, 9, 1))
    marks = {(m["kind"], m["day"]): m["words"] for m in _timeline(d)["marks"]}
    assert marks[("letter", "2018-08-20")] == "follow-up letter sent 2018-08-20"
    assert marks[("letter", "2018-08-24")] == "notice before suit sent 2018-08-24"
    assert marks[("follow-up", "2018-09-04")] == "next follow-up letter 2018-09-04"
    days = [m["day"] for m in _timeline(d)["marks"]]
    assert days == sorted(days)


def test_no_follow_up_mark_once_answered() -> None:
    d = compute(
        Request(received=RECEIVED, agency="FBI", responded=date(2018, 8, 30)),
        as_of=date(2018, 9, 1),
    )
    assert all(m["kind"] != "follow-up" for m in _timeline(d)["marks"])
