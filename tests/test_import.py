"""`foiaclock import`: sheets (CSV, MuckRock's CSV export and API JSON) -> a requests file.

Every expected value is read off the fixture by hand (tests/import/): the dates as the sheet
writes them, MuckRock's UTC timestamps turned into the day in New York by subtracting five hours
(Eastern Standard Time in November)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from _cli_helpers import ROOT, run

import foiaclock
from foiaclock.errors import InputError
from foiaclock.sheets.columns import normal, plan
from foiaclock.sheets.dates import read_column

FIXTURES = ROOT / "tests" / "import"
UTC = timezone.utc


def _import(
    tmp_path: Path, sheet: str | Path, *extra: str
) -> tuple[int, str, foiaclock.RequestsFile | None]:
    out = tmp_path / "requests.toml"
    result = run("import", str(sheet), "-o", str(out), *extra)
    rf = foiaclock.load(out) if out.exists() else None
    if rf is not None:  # whatever it wrote passes `foiaclock validate`
        check = run("validate", str(out))
        assert check.exit_code == 0, check.output
    return result.exit_code, result.stderr, rf


def _write(tmp_path: Path, text: str, name: str = "sheet.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# ---- column names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "key", "why"),
    [
        ("Date filed", "received", "a day filed is the day sent, read as received"),
        ("Date sent", "received", "the OGIS record-keeping sheet's name"),
        ("Submitted", "received", "a tracker's one-word name"),
        ("DATE_RECEIVED", "received", "case and underscores do not matter"),
        ("Tracking number", "tracking", "the federal name"),
        ("ID # assigned", "tracking", "the foiabasics tracker: '#' reads as 'number'"),
        ("Request No.", "tracking", "punctuation does not matter"),
        ("Agency", "agency", "the plain name"),
        ("Public body", "agency", "the UK's and Ireland's word"),
        ("Date closed", "responded", "a log's closing day is the determination"),
        ("Expedited?", "expedited", "a question mark is punctuation"),
        ("Status", "notes", "kept in the notes: foiaclock computes the status itself"),
    ],
)
def test_columns_are_matched_by_their_synonyms(header: str, key: str, why: str) -> None:
    chosen = plan(
        ["Agency" if key != "agency" else "x", "Received" if key != "received" else "y", header],
        {},
        "s.csv",
    )
    assert chosen.get(key) is not None and chosen.get(key).header == header, why  # type: ignore[union-attr]


def test_a_received_column_wins_over_a_sent_one() -> None:
    chosen = plan(["Agency", "Date sent", "Date received"], {}, "s.csv")
    assert chosen.get("received").header == "Date received"  # type: ignore[union-attr]
    assert any("'Date sent': not imported" in line for line in chosen.unused)


def test_two_equally_good_columns_need_a_choice() -> None:
    with pytest.raises(InputError, match=r"could both be received.*--map"):
        plan(["Agency", "Date sent", "Date filed"], {}, "s.csv")


def test_normal_names() -> None:
    assert normal("  Date  Sent: ") == normal("date_sent") == "date sent"
    assert normal("Request #") == "request number"


# ---- dates, a column at a time --------------------------------------------------------------


def _cells(*texts: str) -> list[tuple[int, str, str]]:
    return [(i, f"line {i + 2}", t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("cells", "order", "expected", "why"),
    [
        (
            ("2026-11-02", "2026-12-25"),
            None,
            (date(2026, 11, 2), date(2026, 12, 25)),
            "ISO is never ambiguous",
        ),
        (
            ("02/11/2026", "25/11/2026"),
            None,
            (date(2026, 11, 2), date(2026, 11, 25)),
            "25 can only be a day: the column is day-first",
        ),
        (
            ("11/02/2026", "11/25/2026"),
            None,
            (date(2026, 11, 2), date(2026, 11, 25)),
            "25 can only be a day: the column is month-first",
        ),
        (
            ("02/11/2026", "25/11/2026"),
            "monthfirst",
            (date(2026, 11, 2), date(2026, 11, 25)),
            "the column decides; the flag is for columns that cannot",
        ),
        (
            ("11/02/2026", "03/04/2026"),
            "dayfirst",
            (date(2026, 2, 11), date(2026, 4, 3)),
            "ambiguous: --dayfirst reads 11/02 as 11 February",
        ),
        (
            ("11/02/2026", "03/04/2026"),
            "monthfirst",
            (date(2026, 11, 2), date(2026, 3, 4)),
            "ambiguous: --monthfirst reads 11/02 as 2 November",
        ),
        (
            ("05/05/2026", "12/12/2026"),
            None,
            (date(2026, 5, 5), date(2026, 12, 12)),
            "both orders read the same days: nothing to ask",
        ),
        (
            ("2 Nov 2026", "November 25, 2026"),
            None,
            (date(2026, 11, 2), date(2026, 11, 25)),
            "month names are never ambiguous",
        ),
        (
            ("11.02.2026", "25.12.2026"),
            None,
            (date(2026, 2, 11), date(2026, 12, 25)),
            "dots, as German sheets write them",
        ),
        (("2026/11/02",), None, (date(2026, 11, 2),), "year first with slashes"),
        (
            ("2026-11-02 14:03:11.482133+00:00",),
            None,
            (datetime(2026, 11, 2, 14, 3, 11, tzinfo=UTC),),
            "MuckRock's CSV timestamp (seconds kept, the fraction dropped)",
        ),
        (
            ("2026-11-12T03:30:00Z",),
            None,
            (datetime(2026, 11, 12, 3, 30, tzinfo=UTC),),
            "the API's Z means UTC",
        ),
        (
            ("11/02/2026 4:45 PM", "11/25/2026"),
            None,
            (datetime(2026, 11, 2, 16, 45), date(2026, 11, 25)),
            "Excel's date and time, read in the request's zone",
        ),
    ],
)
def test_a_date_column_is_read_in_one_format(
    cells: tuple[str, ...], order: str | None, expected: tuple[date, ...], why: str
) -> None:
    column = read_column("Date sent", _cells(*cells), order=order, path="s.csv")
    assert not column.bad, why
    assert tuple(column.values[i] for i in range(len(cells))) == expected, why


@pytest.mark.parametrize(
    ("cells", "message", "why"),
    [
        (
            ("11/02/2026", "03/04/2026"),
            r"column 'Date sent'.*line 2: '11/02/2026'.*--dayfirst.*--monthfirst",
            "no cell has a part over 12",
        ),
        (
            ("25/11/2026", "11/25/2026"),
            r"mixes day-first and month-first.*line 2.*line 3",
            "a column in two orders is not guessed at",
        ),
    ],
)
def test_a_date_column_that_does_not_say_stops_the_import(
    cells: tuple[str, ...], message: str, why: str
) -> None:
    with pytest.raises(InputError, match=message):
        read_column("Date sent", _cells(*cells), order=None, path="s.csv")


@pytest.mark.parametrize(
    ("cells", "bad", "message", "why"),
    [
        (
            ("2026-11-02", "2026/11/05", "2026-11-09"),
            1,
            "not a date in the column's format \\(ISO",
            "one cell in another format: its row, not the column",
        ),
        (("11/2/26", "2026-11-02"), 0, "two-digit year", "no century is guessed"),
        (("Nov 31, 2026", "Nov 2, 2026"), 0, "not a date", "a day that does not exist"),
    ],
)
def test_a_cell_the_column_format_cannot_read_is_its_rows_problem(
    cells: tuple[str, ...], bad: int, message: str, why: str
) -> None:
    column = read_column("Date sent", _cells(*cells), order=None, path="s.csv")
    assert set(column.bad) == {bad}, why
    assert re.search(message, column.bad[bad]), why


def test_no_value_markers_are_empty_cells() -> None:
    column = read_column(
        "Date done", _cells("TBD", "n/a", "", "2026-11-02"), order=None, path="s.csv"
    )
    assert column.values == {3: date(2026, 11, 2)} and not column.bad


# ---- whole sheets ---------------------------------------------------------------------------


def test_synonyms_sheet(tmp_path: Path) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / "synonyms.csv")
    assert code == 0, err
    assert rf is not None
    fbi, nypd = rf.requests
    assert (fbi.agency, fbi.received, fbi.tracking, fbi.subject) == (
        "FBI RIDS",
        date(2026, 11, 2),
        "1600000-000",
        "Face searches",
    )
    assert (fbi.expedited, fbi.via, fbi.notes, fbi.responded) == (True, "email", "first ask", None)
    assert (nypd.jurisdiction, nypd.responded, nypd.via) == ("us-ny", date(2026, 10, 29), "portal")
    assert "'Reporter': not imported" in err  # an unknown column is named, not dropped silently
    assert (
        "'Date Filed'" in (tmp_path / "requests.toml").read_text()
    )  # the sent-as-received comment


def test_unknown_columns_can_be_kept_as_notes(tmp_path: Path) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / "synonyms.csv", "--map", "Reporter=notes")
    assert code == 0, err
    assert rf is not None
    assert [r.notes for r in rf.requests] == ["first ask; Reporter: Ana", "Reporter: Ben"]


@pytest.mark.parametrize(
    ("flag", "received"),
    [
        ("--dayfirst", (date(2026, 2, 11), date(2026, 4, 3))),
        ("--monthfirst", (date(2026, 11, 2), date(2026, 3, 4))),
    ],
)
def test_an_ambiguous_sheet_is_imported_once_the_order_is_given(
    tmp_path: Path, flag: str, received: tuple[date, date]
) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / "ambiguous.csv")
    assert code == 2 and rf is None
    assert "column 'Date sent'" in err and "--dayfirst" in err and "--monthfirst" in err
    code, err, rf = _import(tmp_path, FIXTURES / "ambiguous.csv", flag)
    assert code == 0, err
    assert rf is not None
    assert tuple(r.received for r in rf.requests) == received


def test_an_unambiguous_day_first_sheet(tmp_path: Path) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / "dayfirst.csv")
    assert code == 0, err
    assert rf is not None
    assert [r.received for r in rf.requests] == [date(2026, 11, 2), date(2026, 11, 25)]
    assert "settled by line 3: '25/11/2026'" in err


def test_a_mixed_date_column_stops_the_import(tmp_path: Path) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / "mixed.csv")
    assert code == 2 and rf is None
    assert "mixes day-first and month-first" in err


def test_excel_csv_bom_crlf_and_empty_rows(tmp_path: Path) -> None:
    """The fixture: a byte-order mark, CRLF line ends, empty rows (lines 2, 5, 7, 9), a quoted
    subject over lines 3-4, and a row without a date (line 8)."""
    assert (FIXTURES / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbfAgency,")
    assert b"\r\n" in (FIXTURES / "excel.csv").read_bytes()
    code, err, rf = _import(tmp_path, FIXTURES / "excel.csv")
    assert code == 1  # written, but a row was not imported
    assert rf is not None
    assert [r.agency for r in rf.requests] == ["FBI RIDS", "ICE FOIA Office"]
    assert rf.requests[0].subject == "Face searches, field offices"
    assert "4 empty rows skipped" in err
    assert "excel.csv:8: not imported: column 'Date received' has no value" in err
    assert "#   line 8:" in (tmp_path / "requests.toml").read_text()  # kept in the file too


def test_the_muckrock_csv_export(tmp_path: Path) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / "muckrock-export.csv")
    assert code == 1, err  # the withdrawn request is not imported
    assert rf is not None
    by_id = {r.id: r for r in rf.requests}
    assert list(by_id) == [
        "muckrock-190001",
        "muckrock-190002",
        "muckrock-190003",
        "muckrock-190005",
    ]
    fbi = by_id["muckrock-190001"]
    assert fbi.received == datetime(2026, 11, 2, 14, 3, 11, tzinfo=UTC)
    assert (fbi.jurisdiction, fbi.tracking, fbi.responded) == (
        "",
        "1600000-000",
        None,
    )  # federal: the agency's regulation
    assert "Awaiting Response" in fbi.notes and "MuckRock's due date 2026-12-01" in fbi.notes
    msp = by_id["muckrock-190002"]
    # Completed; Date Done 2026-11-25 03:30 UTC is 22:30 on the 24th in Boston
    assert (msp.jurisdiction, msp.responded, msp.adverse) == ("us-ma", date(2026, 11, 24), None)
    bpd = by_id["muckrock-190003"]  # a Local request: the state's law; Rejected: adverse
    assert (bpd.jurisdiction, bpd.responded, bpd.adverse) == ("us-ma", date(2026, 11, 30), True)
    ice = by_id["muckrock-190005"]
    assert ice.responded is None and "fee" in ice.notes and "[[request.toll]]" in ice.notes
    assert "muckrock-export.csv:5: not imported: withdrawn on MuckRock" in err
    assert fbi.estimated_completion is None  # (its "Estimated Completion Date" is empty)


def test_an_estimated_completion_date_is_imported(tmp_path: Path) -> None:
    lines = (FIXTURES / "muckrock-export.csv").read_text(encoding="utf-8").splitlines()
    # The FBI row with MuckRock's "Estimated Completion Date" (column 13) filled in.
    cells = lines[1].split(",")
    cells[12] = "2027-02-01"
    sheet = _write(tmp_path, "\n".join([lines[0], ",".join(cells)]) + "\n")
    code, err, rf = _import(tmp_path, sheet)
    assert code == 0, err
    assert rf is not None
    assert rf.requests[0].estimated_completion == date(2027, 2, 1)
    sheet = _write(tmp_path, "Agency,Date received,EDC\nFBI,2026-11-02,2027-01-15\n")
    code, err, rf = _import(tmp_path, sheet, "--force")
    assert rf is not None and rf.requests[0].estimated_completion == date(2027, 1, 15), err


@pytest.mark.parametrize(
    ("fixture", "ids", "received", "responded"),
    [
        ("muckrock-api-v1.json", ["muckrock-190001", "muckrock-190006"],
         [datetime(2026, 11, 2, 9, 3, 11, tzinfo=timezone(timedelta(hours=-5))),
          datetime(2026, 11, 9, 10, 15, tzinfo=timezone(timedelta(hours=-5)))],
         [None, date(2026, 11, 21)]),
        ("muckrock-api-v2.json", ["muckrock-190008"],
         [datetime(2026, 11, 12, 3, 30, tzinfo=UTC)], [None]),
    ],
)  # fmt: skip
def test_muckrocks_api_json(
    tmp_path: Path,
    fixture: str,
    ids: list[str],
    received: list[datetime],
    responded: list[date | None],
) -> None:
    code, err, rf = _import(tmp_path, FIXTURES / fixture)
    assert rf is not None, err
    assert [r.id for r in rf.requests] == ids
    assert [r.received for r in rf.requests] == received
    assert [r.responded for r in rf.requests] == responded
    assert rf.requests[0].agency.startswith("MuckRock agency ")
    assert "does not say its jurisdiction" in err
    if fixture.endswith("v1.json"):
        assert code == 1 and "record 3: not imported: consolidated on MuckRock" in err


def test_ids_are_made_stably(tmp_path: Path) -> None:
    sheet = "Agency,Received,Tracking\nFBI RIDS,2026-11-02,\nFBI RIDS,2026-11-02,\nICE,2026-11-03,2026-ICFO-1\n"
    _, _, first = _import(tmp_path, _write(tmp_path, sheet))
    assert first is not None
    assert [r.id for r in first.requests] == [
        "fbi-rids-2026-11-02",
        "fbi-rids-2026-11-02-2",
        "ice-2026-icfo-1",
    ]
    (tmp_path / "requests.toml").unlink()
    again = sheet.replace("Tracking\n", "Tracking\nCBP,2026-11-04,\n")  # a row added on top
    _, _, second = _import(tmp_path, _write(tmp_path, again))
    assert second is not None
    assert [r.id for r in second.requests][1:] == [r.id for r in first.requests]


def test_the_sheets_own_ids_are_kept_and_a_repeated_one_is_listed(tmp_path: Path) -> None:
    sheet = "ID,Agency,Received\na-1,FBI,2026-11-02\na-1,ICE,2026-11-03\n,CBP,2026-11-04\n"
    code, err, rf = _import(tmp_path, _write(tmp_path, sheet))
    assert code == 1 and rf is not None
    assert [r.id for r in rf.requests] == ["a-1", "cbp-2026-11-04"]
    assert "sheet.csv:3: not imported: id 'a-1' is already the id of line 2" in err


def test_a_row_the_checks_refuse_is_listed_and_the_rest_imported(tmp_path: Path) -> None:
    sheet = "Agency,Received,Responded\nFBI,2026-11-02,2026-10-01\nICE,2026-11-03,\n"
    code, err, rf = _import(tmp_path, _write(tmp_path, sheet))
    assert code == 1 and rf is not None
    assert [r.agency for r in rf.requests] == ["ICE"]
    assert "sheet.csv:2: not imported:" in err and "responded" in err


@pytest.mark.parametrize(
    ("sheet", "args", "message", "why"),
    [
        (
            "Who,When\nx,2026-01-02\n",
            (),
            "no column gives the day received",
            "a required key has no column",
        ),
        (
            "Agency,Received\nx,2026-01-02\n",
            ("--map", "Nope=notes"),
            "the sheet has no column 'nope'",
            "a --map names no column",
        ),
        (
            "Agency,Received\nx,2026-01-02\n",
            ("--map", "Agency=agencee"),
            "did you mean 'agency'",
            "a --map names no key",
        ),
        ("Agency,agency\nx,y\n", (), "two columns are named", "a header repeated"),
        ("", (), "empty", "nothing at all"),
        (
            'Agency,Received\n"FBI,2026-11-02\n',
            (),
            "sheet.csv:2: error: not readable as CSV",
            "a quote never closed",
        ),
        (
            "Agency,Received\nFBI,2026-11-02,x\n",
            (),
            "no row could be imported; nothing written",
            "every row refused",
        ),
    ],
)
def test_sheets_that_cannot_be_read(
    tmp_path: Path, sheet: str, args: tuple[str, ...], message: str, why: str
) -> None:
    code, err, rf = _import(tmp_path, _write(tmp_path, sheet), *args)
    assert code == 2 and rf is None, why
    assert message in err and "Traceback" not in err, why


def test_an_existing_output_is_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "requests.toml"
    out.write_text("# mine\n")
    out.chmod(0o640)
    result = run("import", str(FIXTURES / "dayfirst.csv"), "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text() == "# mine\n"
    result = run("import", str(FIXTURES / "dayfirst.csv"), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert "fbi-rids-2026-11-02" in out.read_text()
    assert out.stat().st_mode & 0o777 == 0o640  # the permissions kept
    assert [p.name for p in tmp_path.iterdir()] == ["requests.toml"]  # no temporary file left


def test_the_input_is_never_the_output(tmp_path: Path) -> None:
    sheet = _write(tmp_path, "Agency,Received\nFBI,2026-11-02\n")
    result = run("import", str(sheet), "-o", str(sheet), "--force")
    assert result.exit_code == 2 and "never overwrites its input" in result.output
    assert sheet.read_text() == "Agency,Received\nFBI,2026-11-02\n"


def test_a_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    book = tmp_path / "tracker.xlsx"
    book.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    result = run("import", str(book))
    assert result.exit_code == 2 and "save it as 'CSV UTF-8'" in result.stderr


def test_a_row_with_more_cells_than_the_header_is_listed(tmp_path: Path) -> None:
    sheet = "Agency,Subject,Received\nFBI,Face, searches,2026-11-02\nICE,Contracts,2026-11-03\n"
    code, err, rf = _import(tmp_path, _write(tmp_path, sheet))
    assert code == 1 and rf is not None
    assert [r.agency for r in rf.requests] == ["ICE"]
    assert "sheet.csv:2: not imported: more cells than the header has columns" in err


def test_the_check_of_the_result_is_linear_in_the_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows the check refuses are found in one pass over the requests, not by re-checking the
    whole file once per refused row (quadratic: 73 s for 5,000 rows of which 50 were refused).
    Here 20 of 40 rows answer before they were received: all 20 are listed, in row order, and
    the requests checked add up to a few times 40 (the old way: 40 + 39 + ... + 20 = 630)."""
    from foiaclock.cli import importing

    rows = [
        f"FBI,2026-11-{2 + i % 20:02},{'2026-10-01' if i % 2 else ''}" for i in range(40)
    ]  # the odd rows: responded Oct 1, before a November receipt
    sheet = _write(tmp_path, "Agency,Received,Responded\n" + "\n".join(rows) + "\n")
    sizes = []
    checks = importing.deadlines

    def counted(rf: foiaclock.RequestsFile, *args: object) -> object:
        sizes.append(len(rf.requests))
        return checks(rf, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "deadlines", counted)
    monkeypatch.setattr(importing, "_GROUP", 10)
    code, err, rf = _import(tmp_path, sheet)
    assert code == 1 and rf is not None
    assert len(rf.requests) == 20 and all(r.responded is None for r in rf.requests)
    refused = [line for line in err.splitlines() if ": not imported:" in line]
    assert [line.split(":")[1] for line in refused] == [str(3 + 2 * k) for k in range(20)]
    assert all("responded" in line for line in refused)
    # the whole file, 4 groups of 10 and their 40 rows one by one, the 20 left: 140 checked
    assert sizes[0] == 40 and sizes[-1] == 20 and sum(sizes) <= 4 * 40, sizes


def test_every_key_a_column_can_fill_is_written() -> None:
    """A column mapped to a key the writer does not know would be dropped without a word."""
    from foiaclock.sheets.columns import KINDS
    from foiaclock.sheets.render import APPEAL, ORDER

    written = {*ORDER, *(f"appeal.{k}" for k in APPEAL)}
    assert set(KINDS) <= written, set(KINDS) - written


def test_a_date_mailed_column_becomes_the_postmark(tmp_path: Path) -> None:
    sheet = tmp_path / "pm.csv"
    sheet.write_text(
        "id,agency,date received,date mailed\nr1,City of Austin,2026-10-06,2026-10-02\n",
        encoding="utf-8",
    )
    out = tmp_path / "pm.toml"
    r = run("import", str(sheet), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "postmarked = 2026-10-02" in out.read_text(encoding="utf-8")
