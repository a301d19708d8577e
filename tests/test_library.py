"""The library as a data desk uses it: pandas values in requests, naive date-times read in the
request's zone, partial options, `compute_many` into a DataFrame, typed `due_date` options.
Dates counted by hand (printed month calendars; the holidays each row names)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

import foiaclock
from foiaclock import (
    Appeal,
    Options,
    Request,
    RequestError,
    Settings,
    Status,
    compute,
    compute_many,
    due_date,
)

pd = pytest.importorskip("pandas")


# ---- pandas values ------------------------------------------------------------------------


def test_a_pandas_timestamp_is_a_date_time_and_nat_is_missing() -> None:
    """Received Fri 2018-07-20 (a Timestamp at midnight, read in New York): due Fri 8/17;
    NaT and NaN are missing values, not errors."""
    request = Request(
        received=pd.Timestamp("2018-07-20"),
        responded=pd.NaT,
        acknowledged=pd.NaT,
        subject=float("nan"),
        extension=float("nan"),
        target_days=pd.NA,
        adverse=pd.NA,
    )
    assert type(request.received) is datetime  # a plain datetime, not a Timestamp
    assert (request.responded, request.acknowledged, request.subject, request.extension) == (
        None,
        None,
        "",
        None,
    )
    d = compute(request, as_of=date(2018, 8, 1))
    assert d.due == date(2018, 8, 17) and d.status is Status.OPEN
    assert d.request.received == datetime(2018, 7, 20, tzinfo=ZoneInfo("America/New_York"))


def test_a_timestamp_in_a_date_field_is_taken_as_its_date() -> None:
    """A DataFrame's date columns are Timestamps: responded Fri 2018-10-05 counts as that day
    (answered late: due Fri 8/17)."""
    d = compute(
        Request(received=pd.Timestamp("2018-07-20"), responded=pd.Timestamp("2018-10-05")),
        as_of=date(2018, 12, 1),
    )
    assert d.request.responded == date(2018, 10, 5) and d.status is Status.ANSWERED_LATE


def test_whole_numbers_from_a_column_with_blanks() -> None:
    """pandas gives 3.0 for 3 in a column with blanks: an extension of 3 working days from Fri
    8/17: Mon 8/20, Tue 8/21, Wed 8/22."""
    d = compute(Request(received=date(2018, 7, 20), extension=3.0), as_of=date(2018, 8, 1))
    assert d.due == date(2018, 8, 22)
    with pytest.raises(RequestError) as info:
        Request(received=date(2018, 7, 20), target_days=2.5)
    assert info.value.field == "target_days"


# ---- naive date-times and partial options ---------------------------------------------------


def test_a_naive_date_time_is_read_in_the_requests_zone() -> None:
    """With the 17:00 cut-off: 17:30 on Fri 2018-07-20 is after it, so the request counts from Mon
    7/23 and is due Mon 8/20 (7/24-27 (4), 7/30-8/3 (9), 8/6-10 (14), 8/13-17 (19), 8/20 (20)).
    A naive 17:30 is read in the request's zone (the law's, New York, or its own); an aware
    17:30 EDT is 14:30 in Los Angeles, before the cut-off there: due Fri 8/17."""
    naive = datetime(2018, 7, 20, 17, 30)
    new_york = compute(
        Request(received=naive, options=Options(cutoff="17:00")), as_of=date(2018, 8, 1)
    )
    assert new_york.request.received == datetime(
        2018, 7, 20, 17, 30, tzinfo=ZoneInfo("America/New_York")
    )
    assert (new_york.received, new_york.due) == (date(2018, 7, 23), date(2018, 8, 20))
    la = Options(cutoff=time(17, 0), timezone="America/Los_Angeles")
    local = compute(Request(received=naive, options=la), as_of=date(2018, 8, 1))
    assert local.request.received.tzinfo == ZoneInfo("America/Los_Angeles")  # type: ignore[union-attr]
    assert local.due == date(2018, 8, 20)
    eastern = naive.replace(tzinfo=ZoneInfo("America/New_York"))
    aware = compute(Request(received=eastern, options=la), as_of=date(2018, 8, 1))
    assert (aware.received, aware.due) == (date(2018, 7, 20), date(2018, 8, 17))


def test_options_change_only_the_fields_they_set() -> None:
    """Texas does not observe a weekend holiday on a weekday (observed = false, § 552.0031(e)).
    Received Mon 2026-06-22, 10 business days: 6/23-26 (4), 6/29-7/3 (9; Fri 7/3 is a working
    day in Texas although Independence Day falls on Sat 7/4), Mon 7/6 (10). Setting only the
    time zone must keep that (the old bug reset observed and gave Tue 7/7)."""
    plain = compute(
        Request(received=date(2026, 6, 22), jurisdiction="us-tx"), as_of=date(2026, 6, 22)
    )
    zoned = compute(
        Request(
            received=date(2026, 6, 22),
            jurisdiction="us-tx",
            options=Options(timezone="America/Chicago"),
        ),
        as_of=date(2026, 6, 22),
    )
    assert plain.due == zoned.due == date(2026, 7, 6)
    assert zoned.settings.observed is False and zoned.settings.timezone == "America/Chicago"
    observed = compute(
        Request(received=date(2026, 6, 22), jurisdiction="us-tx", options=Options(observed=True)),
        as_of=date(2026, 6, 22),
    )
    assert observed.due == date(2026, 7, 7)


def test_settings_updated_keeps_the_same_settings_when_nothing_changes() -> None:
    """The law's settings come back as the same object when the options set nothing new (so a
    file's requests share them); a value that differs, or ``cutoff = False`` where the law has a
    cut-off, makes new settings with only that field changed."""
    base = Settings(cutoff=time(17, 0))
    assert base.updated(None) is base
    assert base.updated(Options()) is base
    assert base.updated(Options(timezone="America/New_York", observed=True)) is base
    assert base.updated(Options(cutoff="17:00")) is base
    chicago = base.updated(Options(timezone="America/Chicago"))
    assert chicago == replace(base, timezone="America/Chicago")
    no_cutoff = base.updated(Options(cutoff=False))
    assert no_cutoff == replace(base, cutoff=None)
    assert Settings().updated(Options(cutoff=False)) == Settings()
    later = base.updated(Options(cutoff="18:30", closed_days=[date(2026, 12, 24)]))
    assert later == replace(base, cutoff=time(18, 30), closed_days=(date(2026, 12, 24),))


def test_agency_clock_is_the_appeals_once_there_is_one() -> None:
    """Request received Fri 2018-08-17 (due Mon 2018-09-17: 20 working days, Labor Day Sep 3
    skipped), appeal received Mon Sep 10 (decision due Tue Oct 9, Columbus Day Oct 8 skipped)."""
    request = Request(received=date(2018, 8, 17))
    plain = compute(request, as_of=date(2018, 9, 10))
    assert plain.agency_clock is plain and plain.agency_clock.due == date(2018, 9, 17)
    appealed = compute(
        replace(request, responded=date(2018, 9, 5), adverse=True,
                appeal=Appeal(received=date(2018, 9, 10))),
        as_of=date(2018, 9, 10),
    )  # fmt: skip
    assert appealed.agency_clock is appealed.appeal
    assert appealed.agency_clock.due == date(2018, 10, 9)
    assert appealed.current_due == date(2018, 10, 9)


# ---- compute_many, records and their columns ------------------------------------------------


CSV = """id,agency,received,responded,jurisdiction
a,ICE,2018-07-20,,
b,NYPD,2026-10-01,2026-10-29,us-ny
c,Agency,2026-11-31,,
"""


def test_compute_many_into_a_dataframe() -> None:
    """A CSV read with pandas: a is due Fri 2018-08-17 (overdue on 2026-12-01; may sue from Sat
    8/18); b is New York's, 5 business days from Thu 2026-10-01: 10/2 (1), 10/5-8 (5), due Thu
    10/8, answered 10/29: late; c has an impossible date and is collected."""
    df = pd.read_csv(io.StringIO(CSV), dtype=str, keep_default_na=True)
    for column in ("received", "responded"):
        df[column] = pd.to_datetime(df[column], errors="coerce")  # 2026-11-31 becomes NaT
    df["jurisdiction"] = df["jurisdiction"].fillna("us")
    records = compute_many(df.to_dict("records"), as_of=date(2026, 12, 1), errors="collect")
    out = pd.DataFrame(records, columns=list(foiaclock.RECORD_COLUMNS))
    assert list(out["id"]) == ["a", "b", "c"]
    a, b, c = records
    assert (a["due"], a["status"], a["may_sue_from"], a["error"]) == (
        date(2018, 8, 17),
        "overdue",
        date(2018, 8, 18),
        None,
    )
    assert (b["jurisdiction"], b["due"], b["status"]) == (
        "us-ny",
        date(2026, 10, 8),
        "answered late",
    )
    assert c["error"] is not None and "received" in c["error"] and c["due"] is None
    with pytest.raises(RequestError):
        compute_many(df.to_dict("records"), as_of=date(2026, 12, 1))  # errors="raise"


def test_records_have_the_csv_columns_and_write_with_dictwriter() -> None:
    (record,) = compute_many([Request(id="x", received=date(2018, 7, 20))], as_of=date(2018, 8, 1))
    assert tuple(record) == foiaclock.RECORD_COLUMNS
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=foiaclock.RECORD_COLUMNS)
    writer.writeheader()
    writer.writerow(record)
    assert (
        out.getvalue()
        .splitlines()[1]
        .startswith(
            "x,,,,us,no jurisdiction or agency named: the federal statute,2018-07-20,2018-07-20,"
            "2018-08-17,"
        )
    )
    with pytest.raises(RequestError, match="unknown field 'recieved'"):
        compute_many([{"id": "x", "recieved": date(2018, 7, 20)}])


# ---- the small things a library user meets first --------------------------------------------


def test_status_prints_as_its_words() -> None:
    assert str(Status.DUE_SOON) == "due soon" and f"{Status.OVERDUE}" == "overdue"


def test_due_date_takes_typed_options() -> None:
    assert due_date(date(2020, 6, 25), observed=False) == date(2020, 7, 23)  # the spec's example
    with pytest.raises(TypeError):
        due_date(date(2020, 6, 25), observd=False)  # type: ignore[call-arg]
    with pytest.raises(RequestError) as info:
        due_date(date(2020, 6, 25), cutoff="5pm")
    assert info.value.field == "cutoff"


def test_the_file_loader_is_exported() -> None:
    rf = foiaclock.load("examples/requests.toml")
    assert isinstance(rf, foiaclock.RequestsFile) and rf.requests
    assert foiaclock.loads(rf.source, "x.toml").requests == rf.requests


# fmt: off
SUIT_ROWS = [
    # (litigation, case, the two last CSV cells, reason)
    (date(2026, 11, 20), "1:26-cv-00123", ["2026-11-20", "1:26-cv-00123"],
     "a suit with its case number: both at the end of the row"),
    (date(2026, 11, 20), "", ["2026-11-20", ""], "a suit whose case number is not known yet"),
    (None, "", ["", ""], "no suit: both empty"),
    (date(2026, 11, 20), "=HYPERLINK(1)", ["2026-11-20", "'=HYPERLINK(1)"],
     "a case 'number' a spreadsheet would run: kept as text"),
]
# fmt: on


@pytest.mark.parametrize(("litigation", "case", "cells", "reason"), SUIT_ROWS)
def test_the_suit_and_its_case_come_before_the_follow_up(
    litigation: date | None, case: str, cells: list[str], reason: str
) -> None:
    from foiaclock.formats import Report
    from foiaclock.formats.as_csv import CsvFormat

    r = Request(id="x", agency="FBI", received=date(2026, 9, 1), litigation=litigation, case=case)
    d = foiaclock.compute(r, as_of=date(2026, 12, 1))
    rows = list(csv.reader(io.StringIO(CsvFormat().render(Report("f", d.as_of, 5, [d])))))
    assert rows[1][-3:-1] == cells, reason
    (record,) = compute_many([r], as_of=date(2026, 12, 1))
    assert (record["litigation"], record["case"]) == (litigation, case), reason
    assert rows[0][-3:-1] == ["litigation", "case"], reason
    assert foiaclock.RECORD_COLUMNS[-4:-2] == ("litigation", "case"), reason


# The FBI (28 CFR part 16: 20 working days), received Tue 2026-09-01: Labor Day (Mon 09-07) does
# not count, so day 20 is Wed 09-30 and the first follow-up is called for on Thu 10-01.
# fmt: off
FOLLOW_UP_ROWS = [
    # (follow-ups sent, follow_up_every, the next follow-up, reason)
    ((), 10, date(2026, 10, 1), "none sent: the first working day late"),
    ((date(2026, 10, 1),), 10, date(2026, 10, 16),
     "sent Thu 10-01: 10 working days on, Columbus Day (Mon 10-12) not counted, is Fri 10-16"),
    ((date(2026, 10, 1),), 20, date(2026, 10, 30),
     "every 20: 10-02..09 (6), 10-13..16 (10), 10-19..23 (15), 10-26..30 (20)"),
]
# fmt: on


@pytest.mark.parametrize(("sent", "every", "expected", "reason"), FOLLOW_UP_ROWS)
def test_the_next_follow_up_is_the_last_column(
    sent: tuple[date, ...], every: int, expected: date, reason: str
) -> None:
    from foiaclock.formats import Report
    from foiaclock.formats.as_csv import CsvFormat
    from foiaclock.models import SentLetter

    letters = tuple(SentLetter("follow-up", day) for day in sent)
    r = Request(id="x", agency="FBI", received=date(2026, 9, 1), letters=letters)
    (record,) = compute_many([r], as_of=date(2026, 12, 1), follow_up_every=every)
    assert record["next_follow_up"] == expected, reason
    d = foiaclock.compute(r, as_of=date(2026, 12, 1), follow_up_every=every)
    rows = list(csv.reader(io.StringIO(CsvFormat().render(Report("f", d.as_of, 5, [d])))))
    assert rows[0][-1] == "next_follow_up", reason
    assert rows[1][-1] == expected.isoformat(), reason
    assert foiaclock.RECORD_COLUMNS[-2:] == ("next_follow_up", "error"), reason


def test_an_answered_request_has_no_next_follow_up() -> None:
    r = Request(id="x", agency="FBI", received=date(2026, 9, 1), responded=date(2026, 10, 5))
    (record,) = compute_many([r], as_of=date(2026, 12, 1))
    assert record["next_follow_up"] is None


def test_compute_many_refuses_a_bad_interval_even_when_collecting() -> None:
    """A wrong `follow_up_every` is the caller's mistake, not one request's: it is raised."""
    r = Request(id="x", agency="FBI", received=date(2026, 9, 1))
    with pytest.raises(foiaclock.FoiaclockError, match="1 to 65 working days, not 0"):
        compute_many([r], as_of=date(2026, 12, 1), errors="collect", follow_up_every=0)


def test_iso_text_of_days_and_of_date_times_at_the_same_instant() -> None:
    """`dates.iso` keeps the text of plain days only: two date-times at the same instant in
    different zones compare equal, yet each keeps its own offset in its text."""
    from foiaclock.dates import iso

    utc = datetime(2024, 5, 1, 16, 0, tzinfo=ZoneInfo("UTC"))
    new_york = datetime(2024, 5, 1, 12, 0, tzinfo=ZoneInfo("America/New_York"))
    assert utc == new_york
    assert iso(utc) == "2024-05-01T16:00:00+00:00"
    assert iso(new_york) == "2024-05-01T12:00:00-04:00"
    assert iso(date(2024, 5, 1)) == "2024-05-01" and iso(None) is None
