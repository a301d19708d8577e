"""Hand-counted table for the federal FOIA clock (5 U.S.C. § 552).

Every expected date below was counted by hand on a printed month calendar (Python's `calendar`
module) against the holiday list of `holidays.country_holidays("US", categories=("public",
"government"))` and /work/shared/reference/federal-foia.md; never by running foiaclock. Each row
says why it exists and shows the count: "(5)" after a run of days means "that run ends on
working day 5".

Counting rules (federal-foia.md § 2): day 0 is the receipt date, day 1 the first working day after
it; working days exclude Saturdays, Sundays, legal public holidays (observed dates by default) and
full-day executive-order closures (by default); half-day closures are working days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from _table import row

from foiaclock import (
    Appeal,
    DateOrderError,
    Deadline,
    ExtensionError,
    FoiaclockError,
    Options,
    Request,
    Status,
    Toll,
    TollError,
    TollKind,
    calendar_for,
    compute,
    due_date,
)

EDT = timezone(timedelta(hours=-4))
NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
FIVE_PM = time(17, 0)

# The base request of most tables: received Fri 2018-07-20, due Fri 2018-08-17 (spec example).
BASE = date(2018, 7, 20)
BASE_DUE = date(2018, 8, 17)


# --------------------------------------------------------------------------------------------
# helpers


def day_of(received: date | datetime) -> date:
    return received.date() if isinstance(received, datetime) else received


def run(
    received: date | datetime = BASE,
    as_of: date | None = None,
    options: dict[str, Any] | None = None,
    **fields: Any,
) -> Deadline:
    """compute() for a federal request; `options` are Options fields (None = the law's defaults)."""
    fields.setdefault("jurisdiction", "" if fields.get("agency") else "us")
    request = Request(
        received=received,
        options=Options(**options) if options is not None else None,
        **fields,
    )
    # By default "as of" a day long after every fact of the row, so that all of them count
    # (facts dated after the as-of day are not known yet: tests/test_engine_regressions.py).
    return compute(request, as_of=as_of or date(2100, 1, 1))


def info(start: date, end: date | None, **kw: Any) -> Toll:
    return Toll(start=start, end=end, kind=TollKind.INFORMATION, **kw)


def fee(start: date, end: date | None) -> Toll:
    return Toll(start=start, end=end, kind=TollKind.FEE)


def mentions(texts: tuple[str, ...], fragment: str) -> bool:
    return any(fragment in t for t in texts)


# --------------------------------------------------------------------------------------------
# 1. Due dates: due_date() and compute().due


# fmt: off
DUE_ROWS = [
    # --- the spec's worked examples and weekend receipt
    row(date(2018, 7, 20), date(2018, 8, 17), {}, id="spec-2018-07-20",
        reason="Spec example. Fri 2018-07-20 + 20 wd: Jul 23-27 (5), Jul 30-Aug 3 (10), "
        "Aug 6-10 (15), Aug 13-17 (20)"),
    row(date(2018, 7, 21), date(2018, 8, 17), {}, id="received-saturday",
        reason="Received Sat 2018-07-21: day 1 is Mon Jul 23, same count as the Friday before"),
    row(date(2018, 7, 22), date(2018, 8, 17), {}, id="received-sunday",
        reason="Received Sun 2018-07-22: day 1 is Mon Jul 23, same count as the Friday before"),
    row(date(2020, 6, 25), date(2020, 7, 24), {}, id="spec-2020-observed",
        reason="Spec example. Thu 2020-06-25: Jun 26 (1), Jun 29-Jul 2 (5), Fri Jul 3 = July 4th "
        "observed, Jul 6-10 (10), 13-17 (15), 20-24 (20)"),
    row(date(2020, 6, 25), date(2020, 7, 23), {"observed": False}, id="spec-2020-strict",
        reason="Spec example, strict dates: Jul 3 counts. Jun 26 (1), Jun 29-Jul 3 (6), "
        "Jul 6-10 (11), 13-17 (16), 20-23 (20)"),
    # --- receipt on a holiday
    row(date(2018, 9, 3), date(2018, 10, 1), {}, id="received-labor-day",
        reason="Received on Labor Day Mon 2018-09-03: Sep 4-7 (4), 10-14 (9), 17-21 (14), "
        "24-28 (19), Oct 1 (20)"),
    row(date(2018, 8, 31), date(2018, 10, 1), {}, id="received-before-labor-day",
        reason="Fri 2018-08-31: Mon Sep 3 Labor Day skipped, day 1 = Tue Sep 4; same count as "
        "receipt on the holiday -> Mon Oct 1"),
    # --- Juneteenth
    row(date(2021, 6, 2), date(2021, 7, 1), {}, id="juneteenth-2021",
        reason="Juneteenth first observed Fri 2021-06-18. Wed Jun 2: Jun 3-4 (2), 7-11 (7), "
        "14-17 (11), Jun 18 skipped, 21-25 (16), Jun 28-Jul 1 (20)"),
    row(date(2021, 6, 2), date(2021, 6, 30), {"observed": False}, id="juneteenth-2021-strict",
        reason="Strict: Juneteenth 2021 is Sat Jun 19, so Fri Jun 18 counts. Jun 3-4 (2), 7-11 (7),"
        " 14-18 (12), 21-25 (17), 28-30 (20)"),
    row(date(2020, 6, 3), date(2020, 7, 1), {}, id="juneteenth-2020-not-yet",
        reason="Fri 2020-06-19 was not yet a holiday. Wed Jun 3: Jun 4-5 (2), 8-12 (7), 15-19 "
        "(12), 22-26 (17), Jun 29-Jul 1 (20)"),
    # --- New Year's Day on a Saturday
    row(date(2021, 12, 15), date(2022, 1, 14), {}, id="new-year-observed-2021-12-31",
        reason="Wed 2021-12-15: Dec 16-17 (2), 20-23 (6), Fri Dec 24 Christmas observed, "
        "Dec 27-30 (10), Fri Dec 31 New Year observed, Jan 3-7 (15), Jan 10-14 (20)"),
    row(date(2021, 12, 15), date(2022, 1, 12), {"observed": False}, id="new-year-strict",
        reason="Strict: Dec 24 and Dec 31 (Fridays before Sat holidays) count. Dec 16-17 (2), "
        "20-24 (7), 27-31 (12), Jan 3-7 (17), Jan 10-12 (20)"),
    row(date(2021, 12, 27), date(2022, 1, 26), {}, id="new-year-observed-only",
        reason="Mon 2021-12-27: Dec 28-30 (3), Dec 31 observed, Jan 3-7 (8), 10-14 (13), "
        "Mon Jan 17 MLK, 18-21 (17), 24-26 (20)"),
    row(date(2021, 12, 27), date(2022, 1, 25), {"observed": False}, id="new-year-only-strict",
        reason="Strict: Dec 31 counts. Dec 28-31 (4), Jan 3-7 (9), 10-14 (14), MLK, "
        "18-21 (18), 24-25 (20)"),
    # --- every full-day executive-order closure in the spec
    row(date(2001, 12, 10), date(2002, 1, 10), {}, id="closure-2001-12-24",
        reason="Mon 2001-12-10: Dec 11-14 (4), 17-21 (9), Mon Dec 24 closure, Dec 25, 26-28 (12)"
        ", Dec 31 (13), Jan 1, Jan 2-4 (16), Jan 7-10 (20)"),
    row(date(2003, 12, 8), date(2004, 1, 8), {}, id="closure-2003-12-26",
        reason="Mon 2003-12-08: Dec 9-12 (4), 15-19 (9), 22-24 (12), Thu Dec 25, Fri Dec 26 "
        "closure, 29-31 (15), Jan 1, Jan 2 (16), Jan 5-8 (20)"),
    row(date(2004, 6, 4), date(2004, 7, 6), {}, id="closure-2004-06-11",
        reason="Fri 2004-06-04: Jun 7-10 (4), Fri Jun 11 Reagan mourning, 14-18 (9), 21-25 (14), "
        "Jun 28-Jul 2 (19), Mon Jul 5 July 4th observed, Jul 6 (20)"),
    row(date(2004, 6, 4), date(2004, 7, 2), {"closures": False}, id="closure-2004-06-11-off",
        reason="closures=False: Jun 11 counts. Jun 7-11 (5), 14-18 (10), 21-25 (15), "
        "Jun 28-Jul 2 (20); two calendar days earlier because Jul 5 is skipped otherwise"),
    row(date(2006, 12, 22), date(2007, 1, 25), {}, id="closure-2007-01-02",
        reason="Fri 2006-12-22: Mon Dec 25, Dec 26-29 (4), Mon Jan 1, Tue Jan 2 Ford mourning, "
        "Jan 3-5 (7), 8-12 (12), Mon Jan 15 MLK, 16-19 (16), 22-25 (20)"),
    row(date(2006, 12, 22), date(2007, 1, 24), {"closures": False},
        id="closure-2007-01-02-off",
        reason="closures=False: Jan 2 counts. Dec 26-29 (4), Jan 2-5 (8), 8-12 (13), "
        "16-19 (17), 22-24 (20)"),
    row(date(2007, 12, 10), date(2008, 1, 10), {}, id="closure-2007-12-24",
        reason="Mon 2007-12-10: Dec 11-14 (4), 17-21 (9), Mon Dec 24 closure, Dec 25, 26-28 (12)"
        ", Dec 31 (13), Jan 1, Jan 2-4 (16), Jan 7-10 (20)"),
    row(date(2008, 12, 8), date(2009, 1, 8), {}, id="closure-2008-12-26",
        reason="Mon 2008-12-08: Dec 9-12 (4), 15-19 (9), 22-24 (12), Thu Dec 25, Fri Dec 26 "
        "closure, 29-31 (15), Jan 1, Jan 2 (16), Jan 5-8 (20)"),
    row(date(2012, 12, 10), date(2013, 1, 10), {}, id="closure-2012-12-24",
        reason="Mon 2012-12-10: Dec 11-14 (4), 17-21 (9), Mon Dec 24 closure, Dec 25, 26-28 (12)"
        ", Dec 31 (13), Jan 1, Jan 2-4 (16), Jan 7-10 (20)"),
    row(date(2014, 12, 8), date(2015, 1, 8), {}, id="closure-2014-12-26",
        reason="Mon 2014-12-08: Dec 9-12 (4), 15-19 (9), 22-24 (12), Thu Dec 25, Fri Dec 26 "
        "closure, 29-31 (15), Jan 1, Jan 2 (16), Jan 5-8 (20)"),
    row(date(2018, 11, 26), date(2018, 12, 27), {}, id="closure-2018-12-05",
        reason="Mon 2018-11-26: Nov 27-30 (4), Dec 3-4 (6), Wed Dec 5 Bush mourning, 6-7 (8), "
        "10-14 (13), 17-21 (18), Mon Dec 24 closure, Dec 25, 26-27 (20)"),
    row(date(2018, 11, 26), date(2018, 12, 24), {"closures": False},
        id="closure-2018-12-05-off",
        reason="closures=False: Dec 5 counts. Nov 27-30 (4), Dec 3-7 (9), 10-14 (14), "
        "17-21 (19), Mon Dec 24 (20)"),
    row(date(2018, 12, 10), date(2019, 1, 10), {}, id="closure-2018-12-24",
        reason="Mon 2018-12-10: Dec 11-14 (4), 17-21 (9), Mon Dec 24 closure, Dec 25, 26-28 (12)"
        ", Dec 31 (13), Jan 1, Jan 2-4 (16), Jan 7-10 (20); shutdown days count"),
    row(date(2019, 12, 9), date(2020, 1, 9), {}, id="closure-2019-12-24",
        reason="Mon 2019-12-09: Dec 10-13 (4), 16-20 (9), Dec 23 (10), Tue Dec 24 closure, "
        "Dec 25, 26-27 (12), 30-31 (14), Jan 1, Jan 2-3 (16), Jan 6-9 (20)"),
    row(date(2019, 12, 9), date(2020, 1, 8), {"closures": False}, id="closure-2019-12-24-off",
        reason="closures=False: Dec 24 counts (11), so day 20 is one working day earlier, "
        "Wed 2020-01-08"),
    row(date(2020, 12, 10), date(2021, 1, 12), {}, id="closure-2020-12-24",
        reason="Thu 2020-12-10: Dec 11 (1), 14-18 (6), 21-23 (9), Thu Dec 24 closure, Dec 25, "
        "28-31 (13), Jan 1, Jan 4-8 (18), Jan 11-12 (20)"),
    row(date(2020, 12, 10), date(2021, 1, 11), {"closures": False},
        id="closure-2020-12-24-off",
        reason="closures=False: Dec 24 counts (10), day 20 = Mon 2021-01-11"),
    row(date(2024, 12, 6), date(2025, 1, 8), {}, id="closure-2024-12-24",
        reason="Fri 2024-12-06: Dec 9-13 (5), 16-20 (10), Dec 23 (11), Tue Dec 24 closure, "
        "Dec 25, 26-27 (13), 30-31 (15), Jan 1, Jan 2-3 (17), Jan 6-8 (20)"),
    row(date(2024, 12, 6), date(2025, 1, 7), {"closures": False},
        id="closure-2024-12-24-off",
        reason="closures=False: Dec 24 counts (12), day 20 = Tue 2025-01-07"),
    row(date(2025, 1, 2), date(2025, 2, 3), {}, id="closure-2025-01-09",
        reason="Thu 2025-01-02: Jan 3 (1), 6-8 (4), Thu Jan 9 Carter mourning, Jan 10 (5), "
        "13-17 (10), Mon Jan 20 MLK, 21-24 (14), 27-31 (19), Feb 3 (20)"),
    row(date(2025, 1, 2), date(2025, 1, 31), {"closures": False},
        id="closure-2025-01-09-off",
        reason="closures=False: Jan 3 (1), 6-10 (6), 13-17 (11), 21-24 (15), 27-31 (20)"),
    row(date(2025, 12, 8), date(2026, 1, 9), {}, id="closure-2025-12-24",
        reason="Mon 2025-12-08: Dec 9-12 (4), 15-19 (9), 22-23 (11), Wed Dec 24 closure, Dec 25,"
        " Fri Dec 26 closure, 29-31 (14), Jan 1, Jan 2 (15), Jan 5-9 (20)"),
    row(date(2025, 12, 8), date(2026, 1, 7), {"closures": False},
        id="closure-2025-12-24-off",
        reason="closures=False: Dec 22-24 (12), Dec 26 (13), 29-31 (16), Jan 2 (17), "
        "Jan 5-7 (20)"),
    row(date(2025, 12, 24), date(2026, 1, 27), {}, id="closure-2025-12-26",
        reason="Received on the Wed 2025-12-24 closure: Dec 25 holiday, Fri Dec 26 closure, so "
        "day 1 = Dec 29; 29-31 (3), Jan 2 (4), 5-9 (9), 12-16 (14), Mon Jan 19 MLK, 20-23 (18), "
        "26-27 (20)"),
    row(date(2025, 12, 24), date(2026, 1, 26), {"closures": False},
        id="closure-2025-12-26-off",
        reason="closures=False: Dec 26 (1), 29-31 (4), Jan 2 (5), 5-9 (10), 12-16 (15), "
        "20-23 (19), Jan 26 (20)"),
    # --- half-day closures are working days
    row(date(2002, 12, 9), date(2003, 1, 8), {}, id="half-day-2002-12-24",
        reason="Half-day Tue 2002-12-24 counts. Mon Dec 9: Dec 10-13 (4), 16-20 (9), 23-24 (11), "
        "Dec 25, 26-27 (13), 30-31 (15), Jan 1, Jan 2-3 (17), Jan 6-8 (20)"),
    row(date(2009, 12, 10), date(2010, 1, 11), {}, id="half-day-2009-12-24",
        reason="Half-day Thu 2009-12-24 counts. Thu Dec 10: Dec 11 (1), 14-18 (6), 21-24 (10), "
        "Dec 25, 28-31 (14), Jan 1, Jan 4-8 (19), Jan 11 (20)"),
    row(date(2015, 12, 10), date(2016, 1, 11), {}, id="half-day-2015-12-24",
        reason="Half-day Thu 2015-12-24 counts. Thu Dec 10: Dec 11 (1), 14-18 (6), 21-24 (10), "
        "Dec 25, 28-31 (14), Jan 1, Jan 4-8 (19), Jan 11 (20)"),
    # --- Inauguration Day
    row(date(2017, 1, 3), date(2017, 2, 1), {}, id="inauguration-2017-default",
        reason="Tue 2017-01-03, Inauguration Fri Jan 20 counts by default: Jan 4-6 (3), 9-13 (8),"
        " Mon Jan 16 MLK, 17-20 (12), 23-27 (17), Jan 30-Feb 1 (20)"),
    row(date(2017, 1, 3), date(2017, 2, 2), {"dc_area": True}, id="inauguration-2017-dc",
        reason="dc_area: Fri Jan 20 skipped. Jan 4-6 (3), 9-13 (8), 17-19 (11), 23-27 (16), "
        "Jan 30-Feb 2 (20)"),
    row(date(2021, 1, 11), date(2021, 2, 9), {}, id="inauguration-2021-default",
        reason="Mon 2021-01-11: Jan 12-15 (4), Mon Jan 18 MLK, 19-22 (8), 25-29 (13), "
        "Feb 1-5 (18), Feb 8-9 (20)"),
    row(date(2021, 1, 11), date(2021, 2, 10), {"dc_area": True}, id="inauguration-2021-dc",
        reason="dc_area: Wed Jan 20 skipped, day 20 moves to Wed 2021-02-10"),
    row(date(2025, 1, 10), date(2025, 2, 10), {}, id="inauguration-2025-default",
        reason="Fri 2025-01-10: Jan 13-17 (5), Mon Jan 20 MLK, 21-24 (9), 27-31 (14), "
        "Feb 3-7 (19), Feb 10 (20)"),
    row(date(2025, 1, 10), date(2025, 2, 10), {"dc_area": True}, id="inauguration-2025-dc",
        reason="dc_area: Inauguration Mon 2025-01-20 is MLK Day anyway, no change"),
    row(date(2013, 1, 10), date(2013, 2, 8), {}, id="inauguration-2013-default",
        reason="Thu 2013-01-10: Jan 11 (1), 14-18 (6), Mon Jan 21 MLK, 22-25 (10), "
        "Jan 28-Feb 1 (15), Feb 4-8 (20)"),
    row(date(2013, 1, 10), date(2013, 2, 8), {"dc_area": True}, id="inauguration-2013-dc",
        reason="dc_area: Jan 20 2013 is a Sunday, so Inauguration moves to Mon Jan 21 = MLK; "
        "no change"),
    # --- Thanksgiving and the day after; Veterans Day on a Sunday
    row(date(2019, 11, 20), date(2019, 12, 19), {}, id="thanksgiving-2019",
        reason="Wed 2019-11-20: Nov 21-22 (2), 25-27 (5), Thu Nov 28 Thanksgiving, Fri Nov 29 "
        "counts (6), Dec 2-6 (11), 9-13 (16), 16-19 (20)"),
    row(date(2024, 11, 15), date(2024, 12, 16), {}, id="thanksgiving-2024",
        reason="Thanksgiving 2024 is Nov 28 (not the 4th Friday-minus-one Nov 21). Fri Nov 15: "
        "Nov 18-22 (5), 25-27 (8), Nov 29 (9), Dec 2-6 (14), 9-13 (19), Dec 16 (20)"),
    row(date(2018, 11, 2), date(2018, 12, 4), {}, id="veterans-day-sunday-observed",
        reason="Veterans Day Sun 2018-11-11 observed Mon Nov 12. Fri Nov 2: Nov 5-9 (5), "
        "13-16 (9), 19-21 (12), Thanksgiving, Nov 23 (13), 26-30 (18), Dec 3-4 (20)"),
    row(date(2018, 11, 2), date(2018, 12, 3), {"observed": False},
        id="veterans-day-sunday-strict",
        reason="Strict: Mon Nov 12 counts. Nov 5-9 (5), 12-16 (10), 19-21 (13), Nov 23 (14), "
        "26-30 (19), Dec 3 (20)"),
    # --- the receipt day counted (Interior, 43 CFR 2.16(a))
    row(date(2018, 7, 20), date(2018, 8, 16), {"receipt_day_counts": True},
        id="receipt-day-counts-friday",
        reason="Interior: Fri Jul 20 is day 1, Jul 23-27 (6), Jul 30-Aug 3 (11), Aug 6-10 (16), "
        "Aug 13-16 (20)"),
    row(date(2018, 7, 21), date(2018, 8, 17), {"receipt_day_counts": True},
        id="receipt-day-counts-saturday",
        reason="Interior, received Sat Jul 21 (not a working day): day 1 = Mon Jul 23 ... "
        "Aug 13-17 (20)"),
    row(date(2018, 7, 23), date(2018, 8, 17), {"receipt_day_counts": True},
        id="receipt-day-counts-monday",
        reason="Interior, received Mon Jul 23 = day 1: Jul 23-27 (5) ... Aug 13-17 (20)"),
    row(date(2018, 9, 4), date(2018, 10, 1), {"receipt_day_counts": True},
        id="receipt-day-counts-after-holiday",
        reason="Interior, Tue 2018-09-04 (day after Labor Day) = day 1: Sep 4-7 (4), 10-14 (9), "
        "17-21 (14), 24-28 (19), Oct 1 (20)"),
    # --- the 5 p.m. cut-off and time zones
    row(datetime(2018, 7, 20, 17, 30, tzinfo=EDT), date(2018, 8, 20), {"cutoff": FIVE_PM},
        id="cutoff-friday-1730",
        reason="Fri 17:30 EDT >= 17:00: received Mon Jul 23, day 1 Tue Jul 24: Jul 24-27 (4), "
        "Jul 30-Aug 3 (9), 6-10 (14), 13-17 (19), Aug 20 (20)"),
    row(datetime(2018, 7, 20, 17, 0, tzinfo=NEW_YORK), date(2018, 8, 20), {"cutoff": FIVE_PM},
        id="cutoff-exactly-1700",
        reason="At exactly 17:00 counts as after the cut-off: received Mon Jul 23 -> Mon Aug 20"),
    row(datetime(2018, 7, 20, 16, 59, tzinfo=NEW_YORK), date(2018, 8, 17), {"cutoff": FIVE_PM},
        id="cutoff-1659-no-shift",
        reason="16:59 New York is before the cut-off: received Fri Jul 20 -> Aug 17"),
    row(datetime(2018, 7, 20, 17, 30, tzinfo=EDT), date(2018, 8, 17), {},
        id="no-cutoff-by-default",
        reason="No cut-off by default: Fri 17:30 is still Fri Jul 20 -> Aug 17"),
    row(datetime(2018, 7, 19, 23, 30, tzinfo=LOS_ANGELES), date(2018, 8, 17), {},
        id="los-angeles-2330-is-next-day",
        reason="Thu Jul 19 23:30 PDT = Fri Jul 20 02:30 EDT: received Fri (a plain Thu would give "
        "Aug 16) -> Aug 17"),
    row(datetime(2018, 7, 19, 23, 30, tzinfo=LOS_ANGELES), date(2018, 8, 17),
        {"cutoff": FIVE_PM}, id="los-angeles-2330-with-cutoff",
        reason="Same, with the cut-off: 02:30 New York is before 17:00, no further shift -> Aug 17"),
    row(datetime(2018, 7, 20, 21, 30, tzinfo=timezone.utc), date(2018, 8, 20),
        {"cutoff": FIVE_PM}, id="cutoff-utc-summer",
        reason="21:30 UTC = 17:30 EDT on Fri Jul 20: after the cut-off -> Mon Jul 23 -> Aug 20"),
    row(datetime(2018, 7, 20, 17, 30, tzinfo=LOS_ANGELES), date(2018, 8, 20),
        {"cutoff": FIVE_PM, "timezone": "America/Los_Angeles"}, id="cutoff-own-timezone",
        reason="Office in Los Angeles: 17:30 PDT is after its 17:00 cut-off -> Mon Jul 23 -> Aug 20"),
    row(datetime(2018, 7, 20, 17, 30, tzinfo=EDT), date(2018, 8, 17),
        {"cutoff": FIVE_PM, "timezone": "America/Los_Angeles"}, id="cutoff-own-timezone-early",
        reason="Office in Los Angeles: 17:30 EDT = 14:30 PDT, before its cut-off -> Aug 17"),
    row(datetime(2018, 8, 31, 17, 30, tzinfo=EDT), date(2018, 10, 2), {"cutoff": FIVE_PM},
        id="cutoff-before-labor-day",
        reason="Fri Aug 31 17:30: next working day is Tue Sep 4 (Labor Day); day 1 Wed Sep 5: "
        "5-7 (3), 10-14 (8), 17-21 (13), 24-28 (18), Oct 1-2 (20)"),
    row(datetime(2018, 11, 30, 22, 15, tzinfo=timezone.utc), date(2019, 1, 4),
        {"cutoff": FIVE_PM}, id="cutoff-utc-winter",
        reason="22:15 UTC = 17:15 EST Fri Nov 30: received Mon Dec 3; Dec 4 (1), Dec 5 closure, "
        "6-7 (3), 10-14 (8), 17-21 (13), Dec 24-25, 26-28 (16), Dec 31 (17), Jan 1, Jan 2-4 (20)"),
    row(datetime(2018, 11, 30, 22, 15, tzinfo=timezone.utc), date(2019, 1, 3), {},
        id="winter-no-cutoff",
        reason="Without the cut-off: received Fri Nov 30; Dec 3-4 (2), 6-7 (4), 10-14 (9), "
        "17-21 (14), 26-28 (17), Dec 31 (18), Jan 2-3 (20)"),
    # --- the user's own closed days
    row(date(2018, 7, 20), date(2018, 8, 20), {"closed_days": (date(2018, 8, 1),)},
        id="closed-day-listed",
        reason="Listed closed Wed Aug 1: Jul 23-27 (5), Jul 30-31 (7), Aug 2-3 (9), 6-10 (14), "
        "13-17 (19), Aug 20 (20)"),
    row(date(2018, 7, 20), date(2018, 8, 21),
        {"closed_days": (date(2018, 8, 1), date(2018, 8, 2))}, id="closed-days-two",
        reason="Listed closed Aug 1-2: two working days lost, day 20 = Tue Aug 21"),
    row(date(2018, 7, 20), date(2018, 8, 17), {"closed_days": (date(2018, 8, 4),)},
        id="closed-day-on-saturday",
        reason="Listed closed Sat Aug 4 is a weekend day anyway: no change"),
    row(date(2018, 7, 20), date(2018, 8, 17), {"closed_days": (date(2018, 7, 20),)},
        id="closed-day-is-receipt-day",
        reason="Listed closed day = the receipt day (day 0): day 1 is still Mon Jul 23"),
    row(date(2018, 7, 20), date(2018, 8, 17), {"closed_days": (date(2018, 8, 20),)},
        id="closed-day-after-due",
        reason="Listed closed Mon Aug 20 comes after day 20: no change"),
]
# fmt: on


@pytest.mark.parametrize(("received", "expected", "options", "reason"), DUE_ROWS)
def test_due_date(
    received: date | datetime, expected: date, options: dict[str, Any], reason: str
) -> None:
    assert due_date(received, **options) == expected, reason


@pytest.mark.parametrize(("received", "expected", "options", "reason"), DUE_ROWS)
def test_compute_due(
    received: date | datetime, expected: date, options: dict[str, Any], reason: str
) -> None:
    result = run(received, options=options or None)
    assert result.due == expected, reason
    assert result.statutory_due == expected, reason
    assert not result.extended


def test_closed_days_are_reported() -> None:
    result = run(BASE, options={"closed_days": (date(2018, 8, 1),)})
    assert mentions(result.warnings, "2018-08-01"), result.warnings


# --------------------------------------------------------------------------------------------
# 2. Extensions (5 U.S.C. § 552(a)(6)(B))


# fmt: off
EXTENSION_ROWS = [
    row(BASE, True, (), date(2018, 8, 31), id="extension-true",
        reason="Due Aug 17 + 10 wd: Aug 20-24 (5), Aug 27-31 (10)"),
    row(BASE, 10, (), date(2018, 8, 31), id="extension-10",
        reason="10 working days = the full extension: Aug 20-24 (5), 27-31 (10)"),
    row(BASE, 5, (), date(2018, 8, 24), id="extension-5",
        reason="Aug 17 + 5 wd: Aug 20-24 (5)"),
    row(BASE, False, (), BASE_DUE, id="extension-false",
        reason="extension=False is no extension: Aug 17"),
    row(BASE, date(2018, 10, 1), (), date(2018, 10, 1), id="extension-agreed-date",
        reason="A date agreed with the requester (§ 552(a)(6)(B)(ii)) replaces the count"),
    row(date(2018, 8, 3), True, (), date(2018, 9, 17), id="extension-over-labor-day",
        reason="Fri Aug 3 -> Aug 31 (Aug 6-10, 13-17, 20-24, 27-31); + 10: Mon Sep 3 Labor Day, "
        "Sep 4-7 (4), 10-14 (9), Sep 17 (10)"),
    row(BASE, True, (info(date(2018, 7, 25), date(2018, 7, 30)),), date(2018, 9, 6),
        id="extension-and-toll",
        reason="Toll asked Wed Jul 25 (counts), answered Mon Jul 30: Jul 23-25 (3), paused "
        "Jul 26, 27, 30, Jul 31-Aug 3 (7), 6-10 (12), 13-17 (17), 20-24 (22), 27-31 (27), "
        "Sep 3 Labor Day, Sep 4-6 (30)"),
]
# fmt: on


@pytest.mark.parametrize(("received", "extension", "tolls", "expected", "reason"), EXTENSION_ROWS)
def test_extension(
    received: date, extension: Any, tolls: tuple[Toll, ...], expected: date, reason: str
) -> None:
    result = run(received, extension=extension, tolls=tolls)
    assert result.due == expected, reason
    assert result.extended == (extension is not False), reason
    assert due_date(received, extension=extension, tolls=tolls) == expected, reason


@pytest.mark.parametrize("extension", [11, 30, -1])
def test_extension_not_allowed(extension: int) -> None:
    """More than 10 working days needs an agreed date; negative days make no sense."""
    with pytest.raises(ExtensionError):
        run(BASE, extension=extension)


def test_extension_zero_means_none() -> None:
    # extension = 0 in a requests file reads as "no extension": the spec example's date stays.
    assert run(BASE, extension=0).due == date(2018, 8, 17)


# --------------------------------------------------------------------------------------------
# 3. Tolls (5 U.S.C. § 552(a)(6)(A)(ii)(I)-(II))


# fmt: off
TOLL_ROWS = [
    row(date(2018, 6, 22), (info(date(2018, 7, 2), date(2018, 7, 9)),), date(2018, 7, 27), 4,
        id="information-toll-across-july-4",
        reason="Fri 2018-06-22 (untolled due Jul 23). Asked Mon Jul 2 (counts, 6); paused Jul 3, "
        "(Jul 4 holiday), Jul 5, 6, 9 = 4 wd; Jul 10-13 (10), 16-20 (15), 23-27 (20)"),
    row(BASE, (info(date(2018, 7, 25), date(2018, 7, 30)),), date(2018, 8, 22), 3,
        id="information-toll",
        reason="Asked Wed Jul 25, answer received Mon Jul 30: paused Jul 26, 27, 30 = 3 wd; "
        "Aug 17 + 3 = Wed Aug 22"),
    row(BASE, (fee(date(2018, 7, 24), date(2018, 7, 26)),), date(2018, 8, 21), 2,
        id="fee-toll",
        reason="Fee question Tue Jul 24, answer Thu Jul 26: paused Jul 25-26; Jul 23-24 (2), "
        "Jul 27 (3), Jul 30-Aug 3 (8), 6-10 (13), 13-17 (18), Aug 20-21 (20)"),
    row(BASE, (fee(date(2018, 7, 24), date(2018, 7, 26)), fee(date(2018, 8, 2), date(2018, 8, 7))),
        date(2018, 8, 24), 5, id="two-fee-tolls",
        reason="Fee tolls are unlimited: paused Jul 25-26 and Aug 3, 6, 7; Jul 23-24 (2), "
        "Jul 27 (3), Jul 30-Aug 2 (7), Aug 8-10 (10), 13-17 (15), 20-24 (20)"),
    row(BASE, (fee(date(2018, 7, 24), date(2018, 7, 30)), fee(date(2018, 7, 26), date(2018, 8, 1))),
        date(2018, 8, 27), 6, id="overlapping-fee-tolls",
        reason="Overlapping pauses count once: paused Jul 25, 26, 27, 30, 31, Aug 1 = 6 wd; "
        "Aug 17 + 6: Aug 20-24 (5), Aug 27 (6)"),
    row(BASE, (info(date(2018, 7, 24), date(2018, 7, 26)), fee(date(2018, 8, 2), date(2018, 8, 7))),
        date(2018, 8, 24), 5, id="information-and-fee-toll",
        reason="One information toll and one fee toll are both allowed: same days as two fee "
        "tolls, Aug 24"),
    row(BASE, (info(date(2018, 7, 24), date(2018, 7, 26)),
               info(date(2018, 8, 2), date(2018, 8, 7), disputed=True)),
        date(2018, 8, 21), 2, id="second-information-toll-disputed",
        reason="The second information toll kept on record as disputed does not stop the clock: "
        "only Jul 25-26 paused -> Aug 21"),
    row(BASE, (info(date(2018, 7, 25), date(2018, 7, 30), disputed=True),), BASE_DUE, 0,
        id="disputed-toll-alone",
        reason="A disputed toll never stops the clock: Aug 17"),
    row(BASE, (info(date(2018, 7, 25), date(2018, 7, 25)),), BASE_DUE, 0,
        id="toll-answered-same-day",
        reason="Asked and answered Jul 25: no working day after the ask is paused -> Aug 17"),
    row(BASE, (fee(date(2018, 7, 28), date(2018, 7, 31)),), date(2018, 8, 21), 2,
        id="toll-asked-on-saturday",
        reason="Asked Sat Jul 28, answered Tue Jul 31: working days after the ask up to the "
        "answer are Jul 30, 31 -> Aug 17 + 2 = Tue Aug 21"),
]
# fmt: on


@pytest.mark.parametrize(("received", "tolls", "expected", "tolled", "reason"), TOLL_ROWS)
def test_toll(
    received: date, tolls: tuple[Toll, ...], expected: date, tolled: int, reason: str
) -> None:
    result = run(received, tolls=tolls)
    assert result.due == expected, reason
    assert result.tolled_days == tolled, reason
    assert result.statutory_due == due_date(received), reason


SECOND_INFORMATION_TOLL = (
    info(date(2018, 7, 24), date(2018, 7, 26)),
    info(date(2018, 8, 2), date(2018, 8, 7)),
)

# fmt: off
TOLL_ERROR_ROWS = [  # (the pauses are made inside the test: a pause can be refused when made)
    row(lambda: SECOND_INFORMATION_TOLL, id="second-information-toll",
        reason="Only one information-request toll is allowed (§ 552(a)(6)(A)(ii)(I))"),
    row(lambda: (fee(date(2018, 7, 26), date(2018, 7, 24)),), id="toll-ends-before-start",
        reason="Answer received Jul 24 before the question of Jul 26"),
    row(lambda: (info(date(2018, 7, 19), date(2018, 7, 24)),), id="toll-before-receipt",
        reason="A toll asked Jul 19, before the request arrived Jul 20"),
]
# fmt: on


@pytest.mark.parametrize(("tolls", "reason"), TOLL_ERROR_ROWS)
def test_toll_error(tolls: Callable[[], tuple[Toll, ...]], reason: str) -> None:
    with pytest.raises(TollError):
        run(BASE, tolls=tolls())


def test_toll_after_due_date_warns() -> None:
    """Asked Mon Aug 20, after the Aug 17 deadline: no effect, and a warning."""
    result = run(BASE, as_of=date(2018, 8, 27), tolls=(info(date(2018, 8, 20), date(2018, 8, 24)),))
    assert result.due == BASE_DUE
    assert result.tolled_days == 0
    assert result.warnings and mentions(result.warnings, "2018-08-20")
    assert result.status is Status.OVERDUE


def test_open_toll_is_paused() -> None:
    """Asked Wed Jul 25, no answer by Mon Jul 30: paused; Jul 26, 27, 30 not counted so far."""
    result = run(BASE, as_of=date(2018, 7, 30), tolls=(info(date(2018, 7, 25), None),))
    assert result.status is Status.PAUSED
    assert result.due == date(2018, 8, 22)
    assert result.may_sue_from is None
    assert result.search_fees_barred is False


# --------------------------------------------------------------------------------------------
# 4. Misrouted requests (§ 552(a)(6)(A)(ii) flush text)


# fmt: off
MISROUTED_ROWS = [
    row(date(2018, 7, 20), date(2018, 8, 10), "working", date(2018, 8, 3), date(2018, 8, 31),
        id="misrouted-15-wd",
        reason="First receipt Fri Jul 20, proper component Fri Aug 10 (15 wd later). Start = "
        "Jul 20 + 10 wd = Fri Aug 3 (Jul 23-27, Jul 30-Aug 3); Aug 6-10 (5), 13-17 (10), "
        "20-24 (15), 27-31 (20)"),
    row(date(2018, 7, 20), date(2018, 8, 3), "working", date(2018, 8, 3), date(2018, 8, 31),
        id="misrouted-exactly-10-wd",
        reason="Proper receipt exactly 10 wd after first receipt: both give day 0 Fri Aug 3"),
    row(date(2018, 7, 17), date(2018, 7, 20), "working", date(2018, 7, 20), BASE_DUE,
        id="misrouted-3-days",
        reason="First receipt Tue Jul 17, proper Fri Jul 20 (within 10 wd): receipt starts the "
        "clock -> Aug 17"),
    row(date(2018, 7, 20), date(2018, 8, 10), "calendar", date(2018, 7, 30), date(2018, 8, 27),
        id="misrouted-calendar",
        reason="10 calendar days after Fri Jul 20 = Mon Jul 30 = day 0; Jul 31-Aug 3 (4), "
        "6-10 (9), 13-17 (14), 20-24 (19), Aug 27 (20)"),
    row(date(2018, 7, 18), date(2018, 8, 10), "working", date(2018, 8, 1), date(2018, 8, 29),
        id="misrouted-working-from-wednesday",
        reason="First Wed Jul 18 + 10 wd: Jul 19-20 (2), 23-27 (7), Jul 30-Aug 1 (10) = day 0; "
        "Aug 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-29 (20)"),
    row(date(2018, 7, 18), date(2018, 8, 10), "calendar", date(2018, 7, 28), date(2018, 8, 24),
        id="misrouted-calendar-lands-saturday",
        reason="First Wed Jul 18 + 10 calendar days = Sat Jul 28 = day 0; day 1 Mon Jul 30: "
        "Jul 30-Aug 3 (5) ... Aug 20-24 (20)"),
]
# fmt: on


@pytest.mark.parametrize(
    ("first", "received", "unit", "start", "expected", "reason"), MISROUTED_ROWS
)
def test_misrouted(
    first: date, received: date, unit: str, start: date, expected: date, reason: str
) -> None:
    result = run(received, options={"misrouted_unit": unit}, first_received=first)
    assert result.clock_start == start, reason
    assert result.due == expected, reason
    assert due_date(received, first_received=first, misrouted_unit=unit) == expected, reason


# --------------------------------------------------------------------------------------------
# 5. Status on a given day


# fmt: off
STATUS_ROWS = [
    # received, as_of, extra fields, status, days_left, calendar days left, may sue from, fees
    row(BASE, date(2018, 7, 20), {}, Status.OPEN, 20, 28, BASE_DUE + timedelta(1), False,
        id="open-on-receipt",
        reason="On the receipt day all 20 wd are left; Jul 20 -> Aug 17 = 28 calendar days"),
    row(BASE, date(2018, 8, 9), {}, Status.OPEN, 6, 8, date(2018, 8, 18), False,
        id="open-6-left",
        reason="Thu Aug 9: Aug 10, 13, 14, 15, 16, 17 = 6 wd left: more than 5, open"),
    row(BASE, date(2018, 8, 10), {}, Status.DUE_SOON, 5, 7, date(2018, 8, 18), False,
        id="due-soon-5-left", reason="Fri Aug 10: Aug 13-17 = 5 wd left, due soon"),
    row(BASE, date(2018, 8, 11), {}, Status.DUE_SOON, 5, 6, date(2018, 8, 18), False,
        id="due-soon-saturday", reason="Sat Aug 11: still Aug 13-17 = 5 wd left"),
    row(BASE, date(2018, 8, 16), {}, Status.DUE_SOON, 1, 1, date(2018, 8, 18), False,
        id="due-soon-1-left", reason="Thu Aug 16: only Fri Aug 17 left"),
    row(BASE, date(2018, 8, 17), {}, Status.DUE_TODAY, 0, 0, date(2018, 8, 18), False,
        id="due-today", reason="Fri Aug 17 is the due date"),
    row(BASE, date(2018, 8, 20), {}, Status.OVERDUE, -1, -3, date(2018, 8, 18), True,
        id="overdue-monday",
        reason="Mon Aug 20: late by 1 wd (Aug 20); may sue from Sat Aug 18, the day after the "
        "due date; search fees barred"),
    row(BASE, date(2018, 9, 4), {}, Status.OVERDUE, -11, -18, date(2018, 8, 18), True,
        id="overdue-11",
        reason="Tue Sep 4: late by Aug 20-24 (5), 27-31 (10), Sep 3 holiday, Sep 4 (11)"),
    row(date(2018, 8, 3), date(2018, 9, 4), {}, Status.OVERDUE, -1, -4, date(2018, 9, 1), True,
        id="overdue-across-labor-day",
        reason="Received Fri Aug 3, due Fri Aug 31; Tue Sep 4 is 1 wd late (Mon Sep 3 Labor Day)"),
    row(BASE, date(2018, 9, 30), {"responded": BASE_DUE}, Status.ANSWERED_ON_TIME, 0, 0, None,
        False, id="answered-on-due-date",
        reason="Answered Fri Aug 17 = the due date: on time, no fee bar"),
    row(BASE, date(2018, 9, 30), {"responded": date(2018, 8, 10)}, Status.ANSWERED_ON_TIME, 5, 7,
        None, False, id="answered-early",
        reason="Answered Fri Aug 10, 5 wd early (Aug 13-17)"),
    row(BASE, date(2018, 9, 30), {"responded": date(2018, 8, 20)}, Status.ANSWERED_LATE, -1, -3,
        None, True, id="answered-late",
        reason="Answered Mon Aug 20 = due + 1 wd: late, search fees barred"),
    row(BASE, date(2018, 9, 30), {"responded": date(2018, 8, 20), "fee_exception": True},
        Status.ANSWERED_LATE, -1, -3, None, True, id="answered-late-fee-exception-no-notice",
        reason="Late; the 5,000-page exception needs an unusual-circumstances notice "
        "(§ 552(a)(4)(A)(viii)(II)(bb)), and there was none: fees barred"),
    row(BASE, date(2018, 9, 30),
        {"responded": date(2018, 9, 4), "fee_exception": True, "extension": True},
        Status.ANSWERED_LATE, -1, -4, None, False, id="answered-late-fee-exception",
        reason="Extended due Fri Aug 31 (Aug 17 + 10 wd: Aug 20-24, 27-31); Mon Sep 3 Labor "
        "Day; answered Tue Sep 4 = 1 wd late (4 calendar days), but > 5,000 pages with the "
        "notice and 3 attempts to narrow: fees not barred"),
]
# fmt: on


@pytest.mark.parametrize(
    ("received", "as_of", "fields", "status", "left", "cal_left", "may_sue", "fees", "reason"),
    STATUS_ROWS,
)
def test_status(
    received: date,
    as_of: date,
    fields: dict[str, Any],
    status: Status,
    left: int,
    cal_left: int,
    may_sue: date | None,
    fees: bool,
    reason: str,
) -> None:
    result = run(received, as_of=as_of, **fields)
    assert result.status is status, reason
    assert result.days_left == left, reason
    assert result.calendar_days_left == cal_left, reason
    assert result.may_sue_from == may_sue, reason
    assert result.search_fees_barred is fees, reason


def test_overdue_on_the_saturday_after() -> None:
    """Sat Aug 18, the day after the Friday due date: overdue (dates compared, not times)."""
    result = run(BASE, as_of=date(2018, 8, 18))
    assert result.status is Status.OVERDUE
    assert result.calendar_days_left == -1
    assert result.search_fees_barred is True


# fmt: off
SOON_ROWS = [
    row(0, date(2018, 8, 16), Status.OPEN, id="soon-0",
        reason="soon=0: 1 wd left is not 'due soon'"),
    row(10, date(2018, 8, 3), Status.DUE_SOON, id="soon-10",
        reason="soon=10: Fri Aug 3 has Aug 6-10, 13-17 = 10 wd left"),
    row(10, date(2018, 8, 2), Status.OPEN, id="soon-10-11-left",
        reason="soon=10: Thu Aug 2 has Aug 3 + 10 = 11 wd left"),
]
# fmt: on


@pytest.mark.parametrize(("soon", "as_of", "status", "reason"), SOON_ROWS)
def test_due_soon_threshold(soon: int, as_of: date, status: Status, reason: str) -> None:
    request = Request(received=BASE)
    assert compute(request, as_of=as_of, soon=soon).status is status, reason


# --------------------------------------------------------------------------------------------
# 6. Appeals, the requester's window to appeal, expedited processing


# fmt: off
APPEAL_ROWS = [
    # appeal, as_of, due, status, days_left, may sue from
    row(Appeal(received=date(2018, 9, 10)), date(2018, 9, 10), date(2018, 10, 9), Status.OPEN,
        20, date(2018, 10, 10), id="appeal-20-wd",
        reason="Appeal received Mon Sep 10: Sep 11-14 (4), 17-21 (9), 24-28 (14), Oct 1-5 (19), "
        "Mon Oct 8 Columbus Day, Oct 9 (20)"),
    row(Appeal(received=date(2018, 9, 10), extension=True), date(2018, 9, 10), date(2018, 10, 23),
        Status.OPEN, 30, date(2018, 10, 24), id="appeal-extended",
        reason="+10 wd from Oct 9: Oct 10-12 (3), 15-19 (8), 22-23 (10)"),
    row(Appeal(received=date(2018, 9, 10), extension=5), date(2018, 9, 10), date(2018, 10, 16),
        Status.OPEN, 25, date(2018, 10, 17), id="appeal-extended-5",
        reason="+5 wd from Oct 9: Oct 10-12 (3), 15-16 (5)"),
    row(Appeal(received=date(2018, 9, 8)), date(2018, 9, 10), date(2018, 10, 5), Status.OPEN, 19,
        date(2018, 10, 6), id="appeal-received-saturday",
        reason="Appeal received Sat Sep 8: Sep 10-14 (5), 17-21 (10), 24-28 (15), Oct 1-5 (20)"),
    row(Appeal(filed=date(2018, 9, 7)), date(2018, 9, 10), date(2018, 10, 5), Status.OPEN, 19,
        date(2018, 10, 6), id="appeal-filed-only",
        reason="Only the filing date (Fri Sep 7) known: it is used; same count as Sat Sep 8"),
    row(Appeal(received=date(2018, 9, 10)), date(2018, 10, 9), date(2018, 10, 9),
        Status.DUE_TODAY, 0, date(2018, 10, 10), id="appeal-due-today",
        reason="As of Tue Oct 9, the appeal's due date"),
    row(Appeal(received=date(2018, 9, 10)), date(2018, 10, 10), date(2018, 10, 9),
        Status.OVERDUE, -1, date(2018, 10, 10), id="appeal-overdue",
        reason="As of Wed Oct 10, undecided: overdue by 1 wd; may sue from Oct 10"),
    row(Appeal(received=date(2018, 9, 10), decided=date(2018, 10, 9)), date(2018, 10, 30),
        date(2018, 10, 9), Status.ANSWERED_ON_TIME, 0, date(2018, 10, 9),
        id="appeal-decided-on-time",
        reason="Decided Tue Oct 9 = due date: on time; judicial review from the decision, Oct 9"),
    row(Appeal(received=date(2018, 9, 10), decided=date(2018, 10, 10)), date(2018, 10, 30),
        date(2018, 10, 9), Status.ANSWERED_LATE, -1, date(2018, 10, 10), id="appeal-decided-late",
        reason="Decided Wed Oct 10, 1 wd after the Oct 9 due date: late"),
    row(Appeal(received=date(2018, 9, 10), decided=date(2018, 10, 12)), date(2018, 10, 30),
        date(2018, 10, 9), Status.ANSWERED_LATE, -3, date(2018, 10, 10),
        id="appeal-decided-3-late",
        reason="Decided Fri Oct 12, 3 wd late (Oct 10, 11, 12): the suit was possible from the "
        "day after the missed decision date, Oct 10, not only from the late decision"),
]
# fmt: on


@pytest.mark.parametrize(
    ("appeal", "as_of", "due", "status", "left", "may_sue", "reason"), APPEAL_ROWS
)
def test_appeal(
    appeal: Appeal,
    as_of: date,
    due: date,
    status: Status,
    left: int,
    may_sue: date,
    reason: str,
) -> None:
    result = run(BASE, as_of=as_of, responded=date(2018, 8, 10), adverse=True, appeal=appeal)
    assert result.appeal is not None
    assert result.appeal.due == due, reason
    assert result.appeal.status is status, reason
    assert result.appeal.days_left == left, reason
    assert result.current_status is status, reason
    assert result.current_due == due, reason
    assert result.appeal.may_sue_from == may_sue, reason


def test_appeal_extension_too_long() -> None:
    with pytest.raises(ExtensionError):
        run(
            BASE,
            responded=date(2018, 8, 10),
            adverse=True,
            appeal=Appeal(received=date(2018, 9, 10), extension=11),
        )


# fmt: off
APPEAL_BY_ROWS = [
    row(date(2018, 8, 10), True, date(2018, 11, 8), id="appeal-by-90",
        reason="Adverse Fri Aug 10 + 90 calendar days: Aug 31 (21), Sep 30 (51), Oct 31 (82), "
        "Nov 8 (90)"),
    row(date(2018, 8, 17), True, date(2018, 11, 15), id="appeal-by-90-due-date",
        reason="Adverse Fri Aug 17 + 90: Aug 31 (14), Sep 30 (44), Oct 31 (75), Nov 15 (90)"),
    row(date(2018, 11, 30), True, date(2019, 2, 28), id="appeal-by-across-year",
        reason="Adverse Fri Nov 30 + 90: Dec 31 (31), Jan 31 (62), Feb 28 (90)"),
    row(date(2018, 8, 10), False, None, id="appeal-by-not-adverse",
        reason="A full grant is not adverse: no appeal window"),
    row(date(2018, 8, 10), None, None, id="appeal-by-adverse-unknown",
        reason="Adverse not stated: no appeal window"),
    row(None, True, None, id="appeal-by-no-response",
        reason="No determination yet: nothing to appeal from"),
]
# fmt: on


@pytest.mark.parametrize(("responded", "adverse", "expected", "reason"), APPEAL_BY_ROWS)
def test_appeal_by(
    responded: date | None, adverse: bool | None, expected: date | None, reason: str
) -> None:
    result = run(BASE, as_of=date(2018, 12, 31), responded=responded, adverse=adverse)
    assert result.appeal_by == expected, reason


# fmt: off
EXPEDITED_ROWS = [
    row(BASE, True, date(2018, 7, 30), id="expedited",
        reason="Fri Jul 20 + 10 calendar days = Mon Jul 30"),
    row(date(2018, 7, 18), True, date(2018, 7, 28), id="expedited-saturday",
        reason="Wed Jul 18 + 10 calendar days = Sat Jul 28 (calendar days, not rolled: the spec "
        "and the data set no roll)"),
    row(date(2018, 6, 29), True, date(2018, 7, 9), id="expedited-across-holiday",
        reason="Fri Jun 29 + 10 calendar days = Mon Jul 9; July 4th is a calendar day"),
    row(BASE, False, None, id="not-expedited", reason="No expedited processing asked: no date"),
]
# fmt: on


@pytest.mark.parametrize(("received", "expedited", "expected", "reason"), EXPEDITED_ROWS)
def test_expedited(received: date, expedited: bool, expected: date | None, reason: str) -> None:
    assert run(received, expedited=expedited).expedited_decision_due == expected, reason


# --------------------------------------------------------------------------------------------
# 7. Errors


# fmt: off
ERROR_ROWS = [  # (the fields are made inside the test: a pause or an appeal can be refused then)
    row(lambda: {"responded": date(2018, 7, 19)}, DateOrderError, id="response-before-receipt",
        reason="Responded Jul 19 before receipt Jul 20"),
    row(lambda: {"appeal": Appeal(received=date(2018, 7, 1))}, DateOrderError,
        id="appeal-before-receipt", reason="Appeal Jul 1 before the request Jul 20"),
    row(lambda: {"appeal": Appeal(received=date(2018, 9, 10), decided=date(2018, 9, 7))},
        DateOrderError, id="appeal-decided-before-received",
        reason="Appeal decided Sep 7 before it arrived Sep 10"),
    row(lambda: {"first_received": date(2018, 7, 23)}, DateOrderError,
        id="first-received-after-received",
        reason="first_received is the first receipt, so it cannot be after received"),
    row(lambda: {"extension": 11}, ExtensionError, id="extension-11",
        reason="11 wd is more than the 10 the law allows by notice"),
    row(lambda: {"tolls": SECOND_INFORMATION_TOLL}, TollError, id="second-information-toll",
        reason="A second information toll"),
    row(lambda: {"tolls": (fee(date(2018, 7, 26), date(2018, 7, 24)),)}, TollError,
        id="toll-ends-before-start", reason="A toll answered before it was asked"),
]
# fmt: on


@pytest.mark.parametrize(("fields", "error", "reason"), ERROR_ROWS)
def test_error(fields: Callable[[], dict[str, Any]], error: type[Exception], reason: str) -> None:
    with pytest.raises(error):
        compute(Request(received=BASE, **fields()), as_of=date(2018, 9, 30))
    assert issubclass(error, FoiaclockError), reason


def test_negative_soon_threshold() -> None:
    with pytest.raises(FoiaclockError):
        compute(Request(received=BASE), as_of=BASE, soon=-1)


# --------------------------------------------------------------------------------------------
# 8. The window of contested options (federal-foia.md § 4)

RECEIPT_DAY = "43 CFR 2.16(a)"  # receipt_day_counts=True, early end (Interior only)
DAY_AFTER = "first working day"  # receipt_day_counts=False, late end (the statute, at Interior)
STRICT = "6103(a) read alone"  # observed=False, early end
OBSERVED = "6103(b)"  # observed=True, late end
CLOSURES_WORK = "closures counted as working days"  # closures=False, early end
DC_AREA = "6103(c)"  # dc_area=True, late end
NO_CUTOFF = "the statute: no time of day"  # cutoff None, early end (EPA, DOE only)
MISROUTED_CALENDAR = "calendar days for a misrouted"  # misrouted_unit="calendar", early end
EPA = {"jurisdiction": "us.epa"}
DOI = {"jurisdiction": "us.doi"}

# fmt: off
WINDOW_ROWS = [
    # received, options, other fields, due, earliest, latest, earliest_by, latest_by
    row(BASE, None, {}, BASE_DUE, BASE_DUE, BASE_DUE, (), (), id="window-plain",
        reason="Plain request to no agency in particular: no holiday or closure in Jul 20-Aug 17, "
        "and Interior's receipt-day rule is Interior's alone: one date"),
    row(date(2018, 7, 21), None, {}, BASE_DUE, BASE_DUE, BASE_DUE, (), (), id="window-saturday",
        reason="Received Sat: day 0 Fri (the next working day counts from Mon), one date"),
    row(date(2020, 6, 25), None, {}, date(2020, 7, 24), date(2020, 7, 23), date(2020, 7, 24),
        (STRICT,), (), id="window-observed-early",
        reason="Due Fri Jul 24 (Fri Jul 3 observed); strict 6103(a): Jun 26 (1), Jun 29-Jul 3 "
        "(6), 6-10 (11), 13-17 (16), 20-23 (20) = Thu Jul 23"),
    row(date(2020, 6, 25), {"observed": False}, {}, date(2020, 7, 23), date(2020, 7, 23),
        date(2020, 7, 24), (), (OBSERVED,), id="window-observed-late",
        reason="Strict chosen: due Thu Jul 23; observed dates give the latest, Fri Jul 24"),
    row(date(2024, 12, 6), None, {}, date(2025, 1, 8), date(2025, 1, 7), date(2025, 1, 8),
        (CLOSURES_WORK,), (), id="window-closures",
        reason="Due Wed Jan 8 (Dec 9-13 (5), 16-20 (10), 23 (11), Tue 24 closed, 26-27 (13), "
        "30-31 (15), Jan 2-3 (17), 6-8 (20)); Dec 24 worked -> Tue Jan 7"),
    row(date(2024, 12, 6), {"receipt_day_counts": True}, {}, date(2025, 1, 7), date(2025, 1, 6),
        date(2025, 1, 7), (CLOSURES_WORK,), (), id="window-receipt-day-chosen",
        reason="Receipt day counted by choice (not contested outside Interior): Dec 6 (1), 9-13 "
        "(6), 16-20 (11), 23 (12), 26-27 (14), 30-31 (16), Jan 2-3 (18), 6-7 (20) = Tue Jan 7; "
        "Dec 24 worked -> Mon Jan 6"),
    row(date(2017, 1, 3), None, {}, date(2017, 2, 1), date(2017, 2, 1), date(2017, 2, 2),
        (), (DC_AREA,), id="window-inauguration",
        reason="Jan 4-6 (3), 9-13 (8), MLK 16, 17-20 (12), 23-27 (17), 30-31 (19), Feb 1 (20); a "
        "DC-area office skips Fri Jan 20 -> Thu Feb 2"),
    row(datetime(2018, 7, 20, 17, 30, tzinfo=EDT), None, {}, BASE_DUE, BASE_DUE, BASE_DUE, (), (),
        id="window-no-cutoff",
        reason="Fri 17:30 to no agency in particular: the statute has no time of day, and EPA's "
        "cut-off is EPA's alone: due Aug 17, one date"),
    row(datetime(2018, 7, 20, 17, 30, tzinfo=EDT), {"cutoff": FIVE_PM}, {}, date(2018, 8, 20),
        date(2018, 8, 20), date(2018, 8, 20), (), (), id="window-cutoff-chosen",
        reason="A 5 p.m. cut-off chosen: received Mon Jul 23 -> Jul 24-27 (4), Jul 30-Aug 3 (9), "
        "6-10 (14), 13-17 (19), 20 (20) = Mon Aug 20; not contested outside EPA and DOE"),
    row(datetime(2019, 7, 19, 17, 30, tzinfo=EDT), None, EPA, date(2019, 8, 19),
        date(2019, 8, 16), date(2019, 8, 19), (NO_CUTOFF,), (), id="window-epa-cutoff",
        reason="EPA, Fri 17:30: 40 CFR 2.104(a)(2) -> received Mon Jul 22 -> Jul 23-26 (4), "
        "29-Aug 2 (9), 5-9 (14), 12-16 (19), 19 (20) = Mon Aug 19; the statute: day 0 Fri "
        "Jul 19 -> Fri Aug 16"),
    row(datetime(2019, 7, 19, 17, 30, tzinfo=EDT), None, {**EPA, "via": "mail"},
        date(2019, 8, 16), date(2019, 8, 16), date(2019, 8, 16), (), (), id="window-epa-mail",
        reason="EPA's cut-off is for electronic requests: a letter received Fri 17:30 counts "
        "that day -> Fri Aug 16, one date"),
    row(BASE, None, DOI, date(2018, 8, 16), date(2018, 8, 16), BASE_DUE, (), (DAY_AFTER,),
        id="window-interior",
        reason="Interior counts the receipt day (43 CFR 2.16(a)): Jul 20 (1), 23-27 (6), 30-Aug 3 "
        "(11), 6-10 (16), 13-16 (20) = Thu Aug 16; the statute's 'after the receipt': Aug 17"),
    row(BASE, None, {"agency": "Bureau of Land Management"}, date(2018, 8, 16),
        date(2018, 8, 16), BASE_DUE, (), (DAY_AFTER,), id="window-interior-by-name",
        reason="BLM is an Interior bureau: the same as naming us.doi"),
    row(date(2012, 7, 20), None, DOI, date(2012, 8, 17), date(2012, 8, 17), date(2012, 8, 17),
        (), (), id="window-interior-before-2013",
        reason="Received before Interior's 2012 revision took effect (2013-01-30): the statute, "
        "Jul 23-27 (5), 30-Aug 3 (10), 6-10 (15), 13-17 (20) = Fri Aug 17, one date"),
    row(date(2018, 8, 10), None, {"first_received": date(2018, 7, 18)}, date(2018, 8, 29),
        date(2018, 8, 24), date(2018, 8, 29), (MISROUTED_CALENDAR,), (),
        id="window-misrouted",
        reason="First Wed Jul 18: working -> due Wed Aug 29; 10 calendar days -> day 0 Sat Jul 28 "
        "-> Fri Aug 24"),
]
# fmt: on


@pytest.mark.parametrize(
    ("received", "options", "fields", "due", "earliest", "latest", "early_by", "late_by", "reason"),
    WINDOW_ROWS,
)
def test_window(
    received: date | datetime,
    options: dict[str, Any] | None,
    fields: dict[str, Any],
    due: date,
    earliest: date,
    latest: date,
    early_by: tuple[str, ...],
    late_by: tuple[str, ...],
    reason: str,
) -> None:
    result = run(received, options=options, **fields)
    assert result.due == due, reason
    window = result.window
    assert window is not None, reason
    assert (window.earliest, window.latest) == (earliest, latest), reason
    assert window.is_wide == (earliest != latest), reason
    for fragment in early_by:
        assert mentions(window.earliest_by, fragment), (reason, window.earliest_by)
    for fragment in late_by:
        assert mentions(window.latest_by, fragment), (reason, window.latest_by)
    if not early_by:
        assert window.earliest_by == (), reason
    if not late_by:
        assert window.latest_by == (), reason


# --------------------------------------------------------------------------------------------
# 9. The calendar itself: which days are working days


# fmt: off
CALENDAR_ROWS = [
    # day, working by default, working with the option flipped, option
    *[
        row(d, False, True, "closures", id=f"closure-{d.isoformat()}",
            reason=f"{d:%a %Y-%m-%d}: full-day executive-order closure")
        for d in (
            date(2001, 12, 24), date(2003, 12, 26), date(2004, 6, 11), date(2007, 1, 2),
            date(2007, 12, 24), date(2008, 12, 26), date(2012, 12, 24), date(2014, 12, 26),
            date(2018, 12, 5), date(2018, 12, 24), date(2019, 12, 24), date(2020, 12, 24),
            date(2024, 12, 24), date(2025, 1, 9), date(2025, 12, 24), date(2025, 12, 26),
        )
    ],
    *[
        row(d, True, True, "closures", id=f"half-day-{d.isoformat()}",
            reason=f"{d:%a %Y-%m-%d}: half-day closing, a working day either way")
        for d in (date(2002, 12, 24), date(2009, 12, 24), date(2015, 12, 24))
    ],
    row(date(2021, 12, 31), False, True, "observed", id="new-year-2022-observed",
        reason="Fri 2021-12-31: New Year's Day 2022 (Sat) observed"),
    row(date(2020, 7, 3), False, True, "observed", id="july-4-2020-observed",
        reason="Fri 2020-07-03: Independence Day (Sat) observed"),
    row(date(2018, 11, 12), False, True, "observed", id="veterans-2018-observed",
        reason="Mon 2018-11-12: Veterans Day (Sun) observed"),
    row(date(2021, 6, 18), False, True, "observed", id="juneteenth-2021-observed",
        reason="Fri 2021-06-18: first Juneteenth, observed (Sat Jun 19)"),
    row(date(2020, 6, 19), True, True, "observed", id="juneteenth-2020",
        reason="Fri 2020-06-19: Juneteenth was not yet a holiday"),
    row(date(2017, 1, 20), True, False, "dc_area", id="inauguration-2017",
        reason="Fri 2017-01-20: Inauguration Day, a holiday only in the DC area"),
    row(date(2019, 11, 29), True, True, "closures", id="day-after-thanksgiving-2019",
        reason="Fri 2019-11-29, the day after Thanksgiving: a working day"),
    row(date(2024, 11, 22), True, True, "closures", id="fourth-friday-2024",
        reason="Fri 2024-11-22 (4th Friday, not the day after Thanksgiving): a working day"),
]
# fmt: on


@pytest.mark.parametrize(("day", "default", "flipped", "option", "reason"), CALENDAR_ROWS)
def test_calendar(day: date, default: bool, flipped: bool, option: str, reason: str) -> None:
    defaults = {"closures": True, "observed": True, "dc_area": False}
    assert calendar_for("us").is_working_day(day) is default, reason
    other = calendar_for("us", **{option: not defaults[option]})
    assert other.is_working_day(day) is flipped, reason


def test_calendar_arithmetic() -> None:
    """The spec example through the calendar API: Jul 23-27, Jul 30-Aug 3, Aug 6-10, 13-17."""
    cal = calendar_for("us")
    assert cal.add_working_days(BASE, 20) == BASE_DUE
    assert cal.working_days_between(BASE, BASE_DUE) == 20
    assert cal.working_days_between(BASE_DUE, BASE) == -20
    assert cal.next_working_day(date(2018, 8, 31)) == date(2018, 9, 4)  # Labor Day Sep 3
    listed = calendar_for("us", closed_days=[date(2018, 8, 1)])
    assert not listed.is_working_day(date(2018, 8, 1))
    assert listed.add_working_days(BASE, 20) == date(2018, 8, 20)


def test_overdue_over_a_weekend_is_at_least_one_day_late() -> None:
    # Due Fri 2018-08-17 (the spec's worked example); Sat 2018-08-18 is overdue although no
    # working day has passed since: days_left says -1, never 0 (which means "due today").
    r = compute(Request(received=date(2018, 7, 20)), as_of=date(2018, 8, 18))
    assert r.status is Status.OVERDUE
    assert r.days_left == -1 and r.calendar_days_left == -1
    answered = compute(Request(received=date(2018, 7, 20), responded=date(2018, 8, 18)))
    assert answered.status is Status.ANSWERED_LATE and answered.days_left == -1


def test_window_names_its_options() -> None:
    # Interior: the regulation's date (receipt day = day 1) is due; the statute's is the latest.
    r = compute(Request(received=date(2018, 7, 20), jurisdiction="us.doi"), as_of=date(2018, 7, 20))
    w = r.window
    assert w is not None and r.due == date(2018, 8, 16)
    assert w.earliest == date(2018, 8, 16) and w.earliest_options == ()
    assert w.latest == date(2018, 8, 17) and w.latest_options == ("receipt_day_counts",)
    assert r.may_sue_from == date(2018, 8, 18)
