"""The federal agencies' own regulations: which one a request is counted under (recognised from its
`agency`), from when, and the requester's appeal window in each agency's unit and trigger.
Every date counted by hand on a printed month calendar; each row says how."""

from __future__ import annotations

from datetime import date

import pytest
from _table import row

from foiaclock import Request, compute, get_jurisdiction
from foiaclock.law.agencies import recognise

# fmt: off
NAME_ROWS = [
    # written, code ("" = none), component ("" = the agency itself)
    row("ICE", "us.dhs", "U.S. Immigration and Customs Enforcement", id="abbreviation",
        reason="ICE is a DHS component"),
    row("U.S. Immigration and Customs Enforcement", "us.dhs",
        "U.S. Immigration and Customs Enforcement", id="full-name",
        reason="the component's full name"),
    row("ICE FOIA Office", "us.dhs", "U.S. Immigration and Customs Enforcement", id="foia-office",
        reason="a trailing 'FOIA Office' names the same component"),
    row("Immigration & Customs Enforcement (ICE)", "us.dhs",
        "U.S. Immigration and Customs Enforcement", id="ampersand-and-brackets",
        reason="'&' reads as 'and'; the bracketed abbreviation is the same agency"),
    row("Department of the Interior", "us.doi", "", id="department",
        reason="the department's own name"),
    row("EPA", "us.epa", "", id="independent-agency", reason="an agency with its own regulation"),
    row("FBI Record/Information Dissemination Section", "us.doj",
        "Federal Bureau of Investigation", id="abbreviation-first",
        reason="an abbreviation may start a longer name: the FBI's section"),
    row("Department of Justice, Office of Legal Counsel", "us.doj", "", id="long-name-first",
        reason="a name of three words or more may start a longer one"),
    row("Justice Policy Institute", "", "", id="plain-word-first",
        reason="a single plain word ('Justice') never starts a longer name"),
    row("NYPD Records Access Officer", "", "", id="unknown",
        reason="not a federal agency foiaclock knows"),
    row("OIG", "", "", id="ambiguous-listed",
        reason="every agency has an Inspector General: never guessed"),
    row("DHS OIG", "us.dhs", "DHS Office of Inspector General", id="ambiguous-made-plain",
        reason="the department written with it settles it"),
    row("State Department FOIA Office", "us.dos", "", id="state-department",
        reason="22 CFR part 171: the department's everyday name"),
    row("A/GIS/IPS", "us.dos", "Office of Information Programs and Services", id="state-ips",
        reason="one of State's three intake offices (22 CFR 171.12(a)), by its office symbol"),
    row("VA", "us.va", "", id="va-abbreviation",
        reason="VA is how requesters write Veterans Affairs"),
    row("VA Medical Center Pittsburgh", "us.va", "Veterans Health Administration",
        id="va-medical-center",
        reason="a VHA medical center keeps its own FOIA office (38 CFR 1.554(a)); the name starts "
        "with a known one"),
    row("IRS Disclosure Office", "us.treas", "Internal Revenue Service", id="irs-is-treasury",
        reason="31 CFR 1.0(a)-(b): Treasury's subpart A applies to all its components, the IRS "
        "among them; 'Disclosure Office' follows a known abbreviation"),
    row("OFAC", "us.treas", "Office of Foreign Assets Control", id="treasury-ofac",
        reason="an office of Treasury's Departmental Offices"),
    row("HUD", "us.hud", "", id="hud", reason="24 CFR part 15: the department's abbreviation"),
    row("Federal Trade Commission FOIA Office", "us.ftc", "", id="ftc",
        reason="16 CFR 4.11: the Commission's name with a trailing 'FOIA Office'"),
    row("U.S. Postal Inspection Service", "us.usps", "United States Postal Inspection Service",
        id="usps-inspection-service",
        reason="the Postal Inspection Service is under the Postal Service's part 265"),
    row("ED", "us.ed", "", id="education",
        reason="34 CFR part 5: the Department of Education's abbreviation"),
    row("Federal Student Aid", "us.ed", "Federal Student Aid", id="education-fsa",
        reason="an office of the Department, under its part 5; the bare 'FSA' stays ambiguous"),
    row("FSA", "", "", id="fsa-ambiguous",
        reason="the Farm Service Agency (USDA) or Federal Student Aid (Education): never guessed"),
    row("DOE", "us.doe", "", id="doe-is-energy",
        reason="DOE is Energy; Education is ED"),
    row("VA DMV", "", "", id="va-is-also-virginia",
        reason="VA is also Virginia's postal code: it starts no longer name (Virginia's DMV is not "
        "Veterans Affairs); 'VA' alone and the listed 'VA Medical Center' still are"),
    row("VA Department of Health", "", "", id="va-state-department",
        reason="a state department written with the postal code"),
]
# fmt: on


@pytest.mark.parametrize(("written", "code", "component", "reason"), NAME_ROWS)
def test_recognised_names(written: str, code: str, component: str, reason: str) -> None:
    match = recognise(written)
    assert (match.code, match.component) == (code, component), reason


def test_an_ambiguous_name_warns_and_uses_the_statute() -> None:
    d = compute(Request(received=date(2025, 3, 3), agency="Office of Inspector General"))
    assert d.jurisdiction == "us"
    assert any("ambiguous" in w and "set jurisdiction" in w for w in d.warnings)


def test_an_explicit_jurisdiction_wins() -> None:
    """ICE named, but jurisdiction = "us" set: the statute alone (90 calendar days to appeal,
    responded Mon 2025-03-10: Mar 31 = day 21, Apr 30 = 51, May 31 = 82, Sun Jun 8 = 90)."""
    d = compute(
        Request(
            received=date(2025, 2, 3),
            agency="ICE",
            jurisdiction="us",
            responded=date(2025, 3, 10),
            adverse=True,
        ),
        as_of=date(2025, 3, 11),
    )
    assert d.jurisdiction == "us"
    assert d.jurisdiction_reason == "jurisdiction 'us', as named"
    assert d.appeal_by == date(2025, 6, 8)


# fmt: off
APPEAL_ROWS = [
    # agency, received, responded, appeal by
    row("ICE", date(2026, 9, 1), date(2026, 10, 20), date(2027, 3, 3), id="dhs-90-working-days",
        reason="6 CFR 5.8(a)(1), 90 working days: Oct 21-23 (3), 26-30 (8), Nov 2-6 (13), 9-13 "
        "less Veterans Day (17), 16-20 (22), 23-27 less Thanksgiving (26), Nov 30-Dec 4 (31), "
        "7-11 (36), 14-18 (41), 21-24 (45), 28-31 (49), Jan 4-8 (54), 11-15 (59), 19-22 (63), "
        "25-29 (68), Feb 1-5 (73), 8-12 (78), 16-19 (82), 22-26 (87), Mar 1-3 (90)"),
    row("Bureau of Land Management", date(2025, 2, 3), date(2025, 3, 3), date(2025, 7, 10),
        id="doi-90-workdays",
        reason="43 CFR 2.58, 90 workdays: Mar 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), 31 "
        "(20), Apr 1-4 (24) ... 28-30 (42), May 1-2 (44), 5-9 (49), 12-16 (54), 19-23 (59), "
        "27-30 (63), Jun 2-6 (68), 9-13 (73), 16-18 (76), 20 (77), 23-27 (82), 30 (83), Jul 1-3 "
        "(86), 7-10 (90)"),
    row("National Park Service", date(2016, 9, 1), date(2016, 10, 3), date(2017, 1, 1),
        id="doi-statute-until-its-amendment",
        reason="Before Interior's 2016 amendment is assumed in force: the statute's 90 calendar "
        "days, Oct 31 (28), Nov 30 (58), Dec 31 (89), Sun Jan 1 (90), not rolled"),
    row("FBI", date(2025, 2, 3), date(2025, 3, 10), date(2025, 6, 8), id="doj-90-calendar",
        reason="28 CFR 16.8(a), 90 calendar days from the response: Mar 31 (21), Apr 30 (51), "
        "May 31 (82), Sun Jun 8 (90); the regulation does not roll it"),
    row("NOAA", date(2025, 2, 3), date(2025, 3, 10), date(2025, 6, 9), id="doc-rolls",
        reason="15 CFR 4.10(a)(1): day 90 is Sun Jun 8, so an appeal received by 5 p.m. Mon "
        "Jun 9 is timely"),
    row("Census Bureau", date(2025, 2, 3), date(2025, 4, 1), date(2025, 6, 30),
        id="doc-90-calendar",
        reason="Apr 30 (29), May 31 (60), Mon Jun 30 (90): a business day, nothing to roll"),
    row("Department of Commerce", date(2015, 6, 1), date(2015, 6, 5), date(2015, 7, 6),
        id="doc-30-days-before-2016",
        reason="A request filed before 2016-07-01: the 2014 rule's 30 calendar days, Jun 30 (25), "
        "Sun Jul 5 (30), rolled to Mon Jul 6"),
    row("SEC", date(2025, 2, 3), date(2025, 4, 1), date(2025, 6, 30), id="sec-90-calendar",
        reason="17 CFR 200.80(f)(2): 90 calendar days of the written denial, Mon Jun 30"),
    row("ICE", date(2016, 8, 1), date(2016, 9, 1), date(2016, 11, 30),
        id="dhs-before-its-regulation",
        reason="Received before 6 CFR part 5 (2016) took effect on 2016-12-22: the statute's "
        "90 calendar days, Sep 30 (29), Oct 31 (60), Wed Nov 30 (90)"),
    row("FBI", date(2015, 3, 2), date(2015, 4, 1), None, id="before-the-2016-act",
        reason="Received before 2016-07-01 and before DOJ's 2017 rule: the statute set no window "
        "and the regulation of the day is not encoded: no date"),
]
# fmt: on


@pytest.mark.parametrize(("agency", "received", "responded", "appeal_by", "reason"), APPEAL_ROWS)
def test_appeal_windows(
    agency: str, received: date, responded: date, appeal_by: date | None, reason: str
) -> None:
    request = Request(received=received, agency=agency, responded=responded, adverse=True)
    assert compute(request, as_of=responded).appeal_by == appeal_by, reason


def test_the_filing_rule_of_each_appeal_window() -> None:
    """Whether the appeal must arrive by the last day or only be sent: as each regulation says."""
    on = date(2025, 6, 1)
    filing = {
        code: get_jurisdiction(code).clock("appeal_window", on).filing  # type: ignore[union-attr]
        for code in (
            "us.dhs",
            "us.doi",
            "us.doj",
            "us.doc",
            "us.hhs",
            "us.sec",
            "us.cia",
            "us.usps",
        )
    }
    assert filing == {
        "us.dhs": "sent",
        "us.doi": "received",
        "us.doj": "sent",
        "us.doc": "received",
        "us.hhs": "sent",
        "us.usps": "sent",
        "us.sec": "received",
        "us.cia": "received",
    }


def test_a_request_before_the_regulation_says_so() -> None:
    d = compute(Request(received=date(2015, 11, 20), agency="ICE"), as_of=date(2015, 12, 1))
    assert d.jurisdiction == "us"
    assert "received before 6 CFR part 5, subpart A (81 FR 83625" in d.jurisdiction_reason
    assert "took effect on 2016-12-22" in d.jurisdiction_reason


def test_labor_s_expedited_clock() -> None:
    """29 CFR 70.25(a): 10 calendar days from receipt, Mon 2025-03-03 -> Thu Mar 13."""
    d = compute(Request(received=date(2025, 3, 3), agency="OSHA", expedited=True))
    assert d.expedited_decision_due == date(2025, 3, 13)


def test_one_receiving_office_leaves_no_misrouting_cap() -> None:
    """The CIA accepts only requests sent to its Coordinator (32 CFR 1900.11(a)): a first
    receipt elsewhere changes nothing, and foiaclock says so. Received Mon 2025-03-03: due Mon
    Mar 31 (as counted for DOJ in tests/cases/agencies.toml)."""
    d = compute(
        Request(received=date(2025, 3, 3), agency="CIA", first_received=date(2025, 2, 10)),
        as_of=date(2025, 3, 3),
    )
    assert d.due == date(2025, 3, 31)
    assert any("first_received is not used" in w for w in d.warnings)


def test_the_regulation_s_first_day_is_the_local_receipt_day() -> None:
    """Received 03:00 UTC on 2016-12-22, which in New York is still Wed 2016-12-21: before DHS's
    regulation took effect (2016-12-22), so the statute; a naive 2016-12-22T00:30 is local."""
    from datetime import datetime, timezone

    utc = datetime(2016, 12, 22, 3, 0, tzinfo=timezone.utc)
    assert compute(Request(received=utc, agency="ICE"), as_of=date(2017, 1, 3)).jurisdiction == "us"
    naive = datetime(2016, 12, 22, 0, 30)
    d = compute(Request(received=naive, agency="ICE"), as_of=date(2017, 1, 3))
    assert d.jurisdiction == "us.dhs"


# fmt: off
SINCE_ROWS = [
    # agency, received, the law counted under
    row("Department of State", date(2023, 11, 16), "us", id="dos-day-before",
        reason="88 FR 71737 took effect on 2023-11-17: a request of the day before, the statute"),
    row("Department of State", date(2023, 11, 17), "us.dos", id="dos-first-day",
        reason="received on the rule's effective date: 22 CFR part 171"),
    row("VHA", date(2019, 4, 30), "us", id="va-day-before",
        reason="84 FR 12122 took effect on 2019-05-01: the day before, the statute"),
    row("VHA", date(2019, 5, 1), "us.va", id="va-first-day",
        reason="received on the rule's effective date: 38 CFR 1.550-1.562"),
    row("IRS", date(2019, 3, 28), "us", id="treas-day-before",
        reason="84 FR 6324 took effect on 2019-03-29: the day before, the statute"),
    row("IRS", date(2019, 3, 29), "us.treas", id="treas-first-day",
        reason="received on the rule's effective date: 31 CFR part 1, subpart A"),
    row("HUD", date(2015, 9, 15), "us", id="hud-day-before",
        reason="80 FR 49140 took effect on 2015-09-16: the day before, the statute"),
    row("HUD", date(2015, 9, 16), "us.hud", id="hud-first-day",
        reason="received on the rule's effective date: 24 CFR part 15"),
    row("ED", date(2010, 7, 13), "us", id="ed-day-before",
        reason="75 FR 33510 took effect on 2010-07-14: the day before, the statute"),
    row("ED", date(2010, 7, 14), "us.ed", id="ed-first-day",
        reason="received on the rule's effective date: 34 CFR part 5"),
    row("FTC", date(2013, 2, 27), "us", id="ftc-day-before",
        reason="78 FR 13472 took effect on 2013-02-28: the day before, the statute"),
    row("FTC", date(2013, 2, 28), "us.ftc", id="ftc-first-day",
        reason="received on the rule's effective date: 16 CFR 4.11(a)"),
]
# fmt: on


@pytest.mark.parametrize(("agency", "received", "code", "reason"), SINCE_ROWS)
def test_the_regulation_applies_from_its_effective_date(
    agency: str, received: date, code: str, reason: str
) -> None:
    d = compute(Request(received=received, agency=agency), as_of=received)
    assert d.jurisdiction == code, reason


def test_the_nrc_is_recognised() -> None:
    d = compute(Request(received=date(2026, 11, 6), agency="NRC"), as_of=date(2026, 11, 6))
    assert d.law.code == "us.nrc"
    assert "10 CFR part 9, subpart A" in d.jurisdiction_reason
