"""What a row says about each clock, the same in every format: the due date, the working days,
the status and the note. Dates counted by hand."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from _cli_helpers import AS_OF, EXAMPLE, run
from _table import row

from foiaclock import Request, compute
from foiaclock.formats import rows

# Received Thu 2026-10-01 under the statute: Oct 2 = day 1, Columbus Day (Mon Oct 12) skipped,
# Fri Oct 30 = day 20, the due date. Answered (adversely) Mon Nov 2: one working day late. The
# time to appeal is 90 calendar days from the answer: Sun 2027-01-31.
ADVERSE = Request(
    id="a",
    agency="Agency",
    received=date(2026, 10, 1),
    jurisdiction="us",
    responded=date(2026, 11, 2),
    adverse=True,
)


# fmt: off
CLOSED_ROWS = [
    row(date(2027, 2, 1), id="the-day-after",
        reason="Mon Feb 1: the window closed the day before; the agency answered 1 day late"),
    row(date(2030, 6, 3), id="years-later",
        reason="years on, the row is the same: nothing of the closed window is 'late'"),
]
# fmt: on


@pytest.mark.parametrize(("as_of", "reason"), CLOSED_ROWS)
def test_a_closed_appeal_window_shows_the_agency_s_clock(as_of: date, reason: str) -> None:
    d = compute(ADVERSE, as_of=as_of)
    assert rows.status_text(d) == "appeal window closed", reason
    assert rows.due_cell(d) == "2026-10-30", reason
    assert rows.left_cell(d) == "1 late", reason
    assert "appeal window closed 2027-01-31" in rows.note(d), reason


def _cells(fmt: str, rid: str) -> list[str]:
    """The cells of request `rid`'s row in `fmt` (from the received date on, the note last)."""
    r = run("status", EXAMPLE, "--as-of", AS_OF, "--format", fmt)
    assert r.exit_code == 0, r.output
    if fmt == "table":
        lines = r.stdout.splitlines()
        (i,) = [n for n, line in enumerate(lines) if line.startswith(f"{rid} ")]
        cells = re.split(r"\s{2,}", lines[i].strip())
        note = []  # (the note's lines, under the row)
        for line in lines[i + 1 :]:
            if not line.startswith("    "):
                break
            note.append(line.strip())
        return [*cells[2:], " ".join(note)]
    if fmt == "markdown":
        (line,) = [x for x in r.stdout.splitlines() if x.startswith(f"| {rid} ")]
        return [c.strip() for c in line.strip("|").split(" | ")][2:]
    if fmt == "html":
        (body,) = [x for x in r.stdout.split("<tr>")[1:] if f'href="#r-{rid}"' in x]
        tds = re.findall(r"<td[^>]*>(.*?)</td>", body)
        return [re.sub(r"<[^>]+>", "", c).strip() for c in tds][2:]
    (record,) = [x for x in csv.DictReader(io.StringIO(r.stdout)) if x["id"] == rid]
    return [record["received"], record["due"], record["work_days_left"], record["note"]]


# pogo-ice-3: received Mon 2019-05-06 under 6 CFR part 5: May 7 = day 1, Memorial Day (May 27)
# skipped, Tue Jun 4 = day 20. Answered Fri Aug 30: Jun 5 to Aug 30 less Independence Day is 62
# working days late. Its window to appeal closed on 2020-01-14, long before the as-of day.
@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "csv"])
def test_the_closed_window_row_in_every_format(fmt: str) -> None:
    cells = _cells(fmt, "pogo-ice-3")
    assert "2019-06-04" in cells, (fmt, cells)
    assert not any("1,715" in c or "1715" in c for c in cells), (fmt, cells)
    assert any("appeal window closed 2020-01-14" in c for c in cells), (fmt, cells)


def test_explain_says_when_the_window_closed() -> None:
    r = run("explain", EXAMPLE, "pogo-ice-3", "--as-of", AS_OF)
    head = r.stdout.splitlines()[2]
    assert head == "As of Tue 2026-12-01: appeal window closed on Tue 2020-01-14", head


# dhs-crcl-2026: received Tue 2026-11-03 under 6 CFR part 5: Nov 4-6 = days 1-3, Nov 9-10 = 4-5,
# Veterans Day (Wed Nov 11) skipped, Nov 12-17 = 6-9, Wed Nov 18 = 10, the day DHS sent its fee
# estimate and the clock paused. Were the pause to end on the as-of day (Tue Dec 1), the count
# would go on Dec 2: Dec 2-4 = 11-13, Dec 7-11 = 14-18, Dec 14 = 19, Tue Dec 15 = 20, the due
# date, 10 working days from Dec 1. Our reply is due by Fri Dec 4: 3 working days left.
@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "csv"])
def test_the_due_column_is_the_agency_s_and_the_reply_is_in_the_note(fmt: str) -> None:
    cells = _cells(fmt, "dhs-crcl-2026")
    due, left, note = cells[1], cells[2], cells[-1]
    assert due == "2026-12-15", (fmt, cells)
    assert left in ("10 left", "10"), (fmt, cells)
    assert "accept or narrow the fee estimate by 2026-12-04" in note, (fmt, cells)
    if fmt != "csv":  # (the CSV has the reply's date in a column of its own)
        assert cells[3] == "reply due soon", (fmt, cells)
        assert "by 2026-12-04 (3 working days left)" in note, (fmt, cells)


# fmt: off
REQUESTER_ROWS = [
    row(date(2027, 1, 21), "appeal window open", "appeal by 2027-01-31 (6 working days left)",
        id="appeal-open",
        reason="Thu Jan 21: Jan 22, 25-29 are 6 working days to Sun Jan 31, the last day"),
    row(date(2027, 1, 29), "appeal due soon", "appeal by 2027-01-31 (no working day left)",
        id="appeal-due-soon",
        reason="Fri Jan 29: Jan 30-31 are a weekend, but an appeal sent on Sunday is in time"),
    row(date(2027, 1, 31), "appeal due soon", "appeal by 2027-01-31 (today)",
        id="appeal-the-day", reason="Sun Jan 31, the last day itself"),
]
# fmt: on


@pytest.mark.parametrize(("as_of", "status", "words", "reason"), REQUESTER_ROWS)
def test_the_requester_s_appeal_is_in_the_note(
    as_of: date, status: str, words: str, reason: str
) -> None:
    d = compute(ADVERSE, as_of=as_of)
    assert rows.status_text(d) == status, reason
    assert (rows.due_cell(d), rows.left_cell(d)) == ("2026-10-30", "1 late"), reason
    assert words in rows.note(d), reason
