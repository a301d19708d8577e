"""Letters: the dates in them (counted by hand below), the refusals, the templates.

The golden letters (tests/golden/letter-*) are compared byte for byte in test_cli_golden.py;
here each letter's dates are checked against hand counts, so a wrong day fails twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _cli_helpers import ROOT, run

LETTERS = "tests/letters/requests.toml"
AS_OF = ("--as-of", "2026-12-01")


def letter(*args: str) -> str:
    r = run("letter", LETTERS, *args, *AS_OF)
    assert r.exit_code == 0, r.output
    return r.stdout


# fmt: off
DATES = [
    # id, kind, phrases the letter must hold (each date counted by hand), why
    ("fed-denial", "appeal", [
        "Subject: Freedom of Information Act Appeal: request 1650000-000",
        "Director, Office of Information Policy, U.S. Department of Justice",
        "the last day to appeal, Wed 2026-12-30 (90 calendar days",
        "it must be sent by then",
        "20 working days to decide this appeal",
    ], "FBI (DOJ, 28 CFR 16.8(a)): responded Thu Oct 1; Oct 31 = 30, Nov 30 = 60, Wed Dec 30 = 90"),
    ("fed-silence", "follow-up", [
        "the decision was due on Fri 2026-10-30",
        "20 working days late",
        "judicial review from Sat 2026-10-31",
        "5 U.S.C. § 552(a)(7)(B)",
    ], "ICE, received Thu Oct 1: Oct 2 = 1, 5-9 = 6, Columbus Day 12, 13-16 = 10, 19-23 = 15, "
       "26-30 = 20: due Fri Oct 30; late by Nov 2-6 (5), 9-13 less Veterans Day (9), 16-20 (14), "
       "23-25 and 27 (18), 30 (19), Dec 1 (20)"),
    ("fed-silence", "appeal", [
        "the denial by silence of my request",
        "The decision was due on Fri 2026-10-30",
        "the Appeals Officer of the DHS component",
    ], "The federal law lets a request unanswered by its due date be appealed at any time"),
    ("fed-silence", "suit-notice", [
        "was due on Fri 2026-10-30",
        "judicial review from Sat 2026-10-31",
        "the right to sue over the delay ends once the agency answers",
    ], "Constructive exhaustion from the day after the due date (5 U.S.C. § 552(a)(6)(C)(i))"),
    ("fed-appeal-late", "suit-notice", [
        "the appeal was received on Mon 2026-09-14",
        "The decision on the appeal was due on Tue 2026-10-13 (20 working days",
        "it is 33 working days late",
        "judicial review from Wed 2026-10-14",
        "a decision on the appeal and the records",
        "ends once the agency decides the appeal",
    ], "An answered request whose appeal is undecided past its 20 working days (5 U.S.C. "
       "§ 552(a)(6)(A)(ii), (C)(i)): received Mon Sep 14; Sep 15-18 = 4, 21-25 = 9, 28-30 = 12, "
       "Oct 1-2 = 14, 5-9 = 19, Columbus Day Mon 12, Tue Oct 13 = 20. Late by Oct 14-16 (3), "
       "19-23 (8), 26-30 (13), Nov 2-6 (18), 9-13 less Veterans Day (22), 16-20 (27), 23-25 and "
       "27 (31), 30 (32), Dec 1 (33)"),
    ("fed-expedited", "appeal", [
        "the denial of expedited processing of my request",
    ], "EPA, expedited processing asked; the appeal states the compelling need"),
    ("ny-denial", "appeal", [
        "the last day to appeal, Sun 2026-12-20 (30 calendar days from the denial",
        "10 working days to decide this appeal",
        "Article 78",
    ], "New York: denied Fri Nov 20; Nov 30 = 10, Dec 20 = 30 (not moved, § 89(4)(a))"),
    ("il-silence", "appeal", [
        "The decision was due on Thu 2026-10-08",
        "the last day to appeal, Mon 2026-12-07 (60 calendar days",
        "Public Access Counselor",
    ], "Illinois: received Thu Oct 1, 5 business days: Oct 2 = 1, 5-8 = 2-5, due Thu Oct 8; 60 "
       "days after it: Oct 31 = 23, Nov 30 = 53, Mon Dec 7 = 60"),
    ("tx-silence", "follow-up", [
        "the decision was due on Thu 2026-10-15",
        "30 working days late",
        "Texas has no administrative appeal. What comes next: A suit for a writ of mandamus",
    ], "Texas, received Thu Oct 1, 10 business days (Columbus Day is no Texas holiday): Oct 2 = 1, "
       "5-9 = 6, 12-15 = 10; late by Oct 16 (1), 19-23 (6), 26-30 (11), Nov 2-6 (16), 9-10 (18), "
       "Veterans Day, 12-13 (20), 16-20 (25), 23-25 (28), Thanksgiving and the Friday after "
       "(Gov't Code § 662.003(b)), Nov 30 (29), Dec 1 (30); no appeal: the complaint routes"),
    ("il-silence", "follow-up", [
        "the missed deadline is a denial of the request, which I may appeal to the Public Access "
        "Counselor",
        "by Mon 2026-12-07 (5 ILCS 140/9.5(a))",
    ], "Illinois: due Thu Oct 8, unanswered; 60 days after it, Mon Dec 7 (counted above)"),
    ("uk-refusal", "appeal", [
        "the last day to appeal, Wed 2026-12-16 (40 working days",
        "Information Commissioner",
    ], "UK: refused Tue Oct 20; Oct 21-23 = 3, 26-30 = 8, Nov 2-6 = 13, 9-13 = 18, 16-20 = 23, "
       "23-27 = 28, Mon Nov 30 St Andrew's Day (Scotland) skipped, Dec 1-4 = 32, 7-11 = 37, "
       "14-16 = 40"),
]
# fmt: on


@pytest.mark.parametrize(("rid", "kind", "phrases", "why"), DATES)
def test_the_dates_in_each_letter(rid: str, kind: str, phrases: list[str], why: str) -> None:
    text = letter(rid, kind)
    for phrase in phrases:
        assert phrase in text, (why, phrase)


def test_pennsylvania_appeal_has_its_four_parts_and_its_date() -> None:
    """Denied (mailed) Mon Nov 9: 15 business days, Nov 10 = 1, Veterans Day Wed 11, 12-13 = 3,
    16-20 = 8, 23-25 = 11, Thanksgiving Thu 26 and Fri 27, Nov 30 = 12, Dec 1-3 = 15."""
    text = letter("pa-denial", "appeal", "--format", "markdown")
    assert "the last day to appeal, Thu 2026-12-03 (15 working days" in text
    assert "it must be received by then" in text
    assert text.count("\n- a ") + text.count("\n- the ") >= 4
    assert "Office of Open Records" in text


def test_a_law_without_an_appeal_is_refused() -> None:
    r = run("letter", LETTERS, "tx-silence", "appeal", *AS_OF)
    assert r.exit_code == 2
    assert "Texas has no administrative appeal" in r.output
    assert "§ 552.3215" in r.output


@pytest.mark.parametrize(
    ("rid", "kind", "message"),
    [
        ("fed-denial", "suit-notice", "the right to sue over delay ended with the answer"),
        ("fed-denial", "follow-up", "the agency answered on 2026-10-01"),
        ("fed-expedited", "suit-notice", "a suit is not yet possible"),
    ],
)
def test_letters_the_facts_do_not_support_are_refused(rid: str, kind: str, message: str) -> None:
    r = run("letter", LETTERS, rid, kind, *AS_OF)
    assert r.exit_code == 2 and message in r.output


def test_a_suit_on_an_appeal_waits_for_its_decision_deadline() -> None:
    """The appeal's decision is due Tue 2026-10-13 (above): on that day no suit yet."""
    r = run("letter", LETTERS, "fed-appeal-late", "suit-notice", "--as-of", "2026-10-13")
    assert r.exit_code == 2
    assert "a suit on the appeal is not yet possible: from 2026-10-14" in r.output
    assert (
        run("letter", LETTERS, "fed-appeal-late", "suit-notice", "--as-of", "2026-10-14").exit_code
        == 0
    )


def test_a_constructive_appeal_waits_for_the_due_date() -> None:
    r = run("letter", LETTERS, "fed-expedited", "appeal", "--ground", "constructive", *AS_OF)
    assert r.exit_code == 2
    assert "has not passed: there is no denial by silence yet" in r.output


def test_missing_details_are_marked_blanks(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        '[[request]]\nid = "a"\nagency = "FBI"\nreceived = 2026-10-01\n', encoding="utf-8"
    )
    r = run("letter", str(path), "a", "follow-up", *AS_OF)
    assert r.exit_code == 0
    for blank in ("[your name]", "[your postal address]", "[your email]"):
        assert blank in r.stdout


def test_a_request_s_words_are_printed_not_run(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        '[[request]]\nid = "a"\nagency = "FBI"\nreceived = 2026-10-01\n'
        'subject = "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %}"\n',
        encoding="utf-8",
    )
    r = run("letter", str(path), "a", "follow-up", *AS_OF)
    assert r.exit_code == 0
    assert "Request: {{ 7 * 7 }} {% for x in range(3) %}x{% endfor %}" in r.stdout
    assert "49" not in r.stdout


def test_a_template_typo_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "mine.txt.j2"
    bad.write_text("Dear officer,\n\nDue: {{ clock.due }}\nLate: {{ clock.dayz_late }}\n")
    r = run("letter", LETTERS, "fed-silence", "follow-up", "--template", str(bad), *AS_OF)
    assert r.exit_code == 2
    assert f"{bad}:4: error: template error" in r.output and "dayz_late" in r.output
    broken = tmp_path / "broken.txt.j2"
    broken.write_text("Hello\n{% if clock.due %}\nno end\n")
    r = run("letter", LETTERS, "fed-silence", "follow-up", "--template", str(broken), *AS_OF)
    assert r.exit_code == 2 and f"{broken}:" in r.output and "template error" in r.output


def test_a_file_s_own_templates_replace_the_shipped_ones(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "follow-up.txt.j2").write_text("House style: due {{ clock.due }}.\n")
    source = (ROOT / LETTERS).read_text(encoding="utf-8")
    path = tmp_path / "r.toml"
    path.write_text('[letters]\ntemplates = "house"\n\n' + source, encoding="utf-8")
    assert run("letter", str(path), "fed-silence", "follow-up", *AS_OF).stdout == (
        "House style: due Fri 2026-10-30.\n"
    )
    appeal = run("letter", str(path), "fed-silence", "appeal", *AS_OF)
    assert appeal.exit_code == 0 and "Dear Appeals Officer" in appeal.stdout  # shipped one


def test_the_list_says_which_letters_each_request_can_have() -> None:
    r = run("letter", LETTERS, "--list", *AS_OF)
    assert r.exit_code == 0
    lines = {tuple(line.split()[:3]) for line in r.stdout.splitlines()}
    assert ("fed-silence", "suit-notice", "now") in lines  # possible: the dates call for it
    assert ("fed-silence", "appeal", "yes") in lines  # possible, no window closing
    assert ("fed-denial", "suit-notice", "no") in lines
    assert ("tx-silence", "appeal", "no") in lines


def test_a_letter_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "letter.txt"
    r = run("letter", LETTERS, "fed-silence", "follow-up", "-o", str(out), *AS_OF)
    assert r.exit_code == 0 and r.stdout == ""
    assert "Fri 2026-10-30" in out.read_text(encoding="utf-8")
    assert "not legal advice" in r.stderr


def test_no_letter_once_a_suit_is_filed(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        '[[request]]\nid = "a"\nagency = "FBI"\nreceived = 2026-09-01\nlitigation = 2026-11-20\n',
        encoding="utf-8",
    )
    for kind in ("follow-up", "appeal", "suit-notice"):
        r = run("letter", str(path), "a", kind, *AS_OF)
        assert r.exit_code == 2 and "a suit was filed on 2026-11-20" in r.output


# fmt: off
CALLED_FOR = [
    # (id, the letters the dates call for on 2026-12-01, why)
    ("fed-denial", ["appeal"],
     "adverse answer Oct 1; its window to appeal is open to Wed Dec 30"),
    ("fed-silence", ["follow-up", "suit-notice"],
     "due Fri Oct 30, unanswered: overdue, and a suit is possible from Sat Oct 31 (a constructive "
     "appeal is possible but has no window closing)"),
    ("fed-appeal-late", ["suit-notice"],
     "answered and appealed (received Mon Sep 14); the appeal's decision, due Tue Oct 13, has not "
     "come: a suit is possible from Wed Oct 14; no second appeal"),
    ("fed-expedited", [], "due Wed Dec 2: due soon, not overdue; no denial to appeal"),
    ("ny-denial", ["appeal"], "adverse answer Nov 20: 30 days to appeal, to Sun Dec 20"),
    ("pa-denial", ["appeal"], "adverse answer Nov 9: 15 business days to appeal: due soon"),
    ("il-silence", ["follow-up", "appeal"],
     "due Thu Oct 8 (5 business days), unanswered: overdue; the 60 days to ask for review end "
     "Mon Dec 7 (Oct 31 = 23, Nov 30 = 53): due soon; Illinois "
     "has no suit for a missed deadline"),
    ("tx-silence", ["follow-up"], "overdue; Texas has neither an appeal nor a suit for delay"),
    ("uk-refusal", ["appeal"], "refusal Oct 20: 40 working days to ask for a review, still open"),
]
# fmt: on


def _deadlines() -> dict[str, object]:
    from datetime import date

    from foiaclock.cli.requests import deadlines, read

    return {d.request.id: d for d in deadlines(read(LETTERS, None), date(2026, 12, 1))}


@pytest.mark.parametrize(("rid", "kinds", "reason"), CALLED_FOR)
def test_the_letters_the_dates_call_for(rid: str, kinds: list[str], reason: str) -> None:
    from foiaclock.letters import called_for

    d = _deadlines()[rid]
    assert [c.kind for c in called_for(d)] == kinds, reason  # type: ignore[arg-type]


def test_status_hints_at_every_letter_called_for() -> None:
    r = run("status", LETTERS, *AS_OF)
    hints = [line for line in r.stderr.splitlines() if line.startswith("letters for ")]
    expected = [(rid, kinds) for rid, kinds, _ in CALLED_FOR if kinds]
    got = {line.split()[2].rstrip(":"): line for line in hints}
    assert sorted(got) == sorted(rid for rid, _ in expected)
    for rid, kinds in expected:
        assert f": {', '.join(kinds)} (`foiaclock letter FILE {rid} KIND`)" in got[rid], rid


def test_the_list_marks_the_letters_called_for_now() -> None:
    r = run("letter", LETTERS, "--list", *AS_OF)
    marks = {tuple(line.split()[:2]): line.split()[2] for line in r.stdout.splitlines()}
    for rid, kinds, reason in CALLED_FOR:
        for kind in kinds:
            assert marks[(rid, kind)] == "now", (rid, kind, reason)
    assert marks[("fed-silence", "appeal")] == "yes"  # possible, but no window is closing
    assert marks[("fed-denial", "suit-notice")] == "no"


def test_the_html_report_gives_the_command_of_each_letter_called_for() -> None:
    r = run("status", LETTERS, *AS_OF, "--format", "html")
    actions = r.stdout.split('<ul class="actions">')[1].split("</ul>")[0]
    (silence,) = [x for x in actions.splitlines() if "#r-fed-silence" in x]
    for kind in ("follow-up", "suit-notice"):
        assert f"<code>foiaclock letter {LETTERS} fed-silence {kind}</code>" in silence, kind
    (pa,) = [x for x in actions.splitlines() if "#r-pa-denial" in x]
    assert f"<code>foiaclock letter {LETTERS} pa-denial appeal</code>" in pa
