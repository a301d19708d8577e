"""Benchmark of the working-day calendar: ``python -m foiaclock.bench``.

Measures, in one run and on the same inputs:

* building a calendar for 1990-2060 (target: under 50 ms);
* ``add_working_days(d, 20)`` over 100,000 random dates, against the `holidays` package's own
  ``get_nth_working_day`` and a naive day-by-day loop (target: at least 100x faster than
  ``get_nth_working_day``), for the federal calendar and a state calendar;
* ``compute()`` on 10,000 random federal requests (for reference).

Everything runs in this one process; the caches are emptied before each fresh build.

The three methods must agree on every date; the script says so, or exits 1.
This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

import holidays

from . import caching
from .calendar import Calendar, Policy
from .engine import compute
from .law import get_jurisdiction
from .models import Request, Toll


def _timeit(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _fresh_calendar(code: str) -> Calendar:
    """A calendar with nothing cached (neither an index nor the holiday entries)."""
    caching.clear()
    return Calendar(get_jurisdiction(code).calendar, Policy())


def _package_calendar(code: str, years: range) -> holidays.HolidayBase:
    """A `holidays` object holding exactly our default calendar's non-working days, so that its
    `get_nth_working_day` counts the same calendar (a jurisdiction's data may add or drop days)."""
    spec = get_jurisdiction(code).calendar
    obj = holidays.country_holidays(spec.country or "US", years=years)
    ours = Calendar(spec, Policy()).prepare(years[0], years[-1])
    wanted: dict[date, str] = {}
    for y in years:
        wanted.update({x.day: x.name for x in ours.non_working_days(y) if x.kind != "half_day"})
    for d in [d for d in obj if d not in wanted]:
        del obj[d]
    for d, name in wanted.items():
        obj[d] = name
    return obj


def run(code: str, n: int, seed: int, repeat: int) -> bool:
    print(f"== jurisdiction {code}")
    builds = []
    for _ in range(repeat):
        c = _fresh_calendar(code)
        t0 = time.perf_counter()
        c.prepare(1990, 2060)
        builds.append(time.perf_counter() - t0)
    print(
        f"build 1990-2060 calendar: first {builds[0] * 1e3:.1f} ms, "
        f"median {statistics.median(builds) * 1e3:.1f} ms over {repeat} fresh builds (target < 50 ms)"
    )

    cal = _fresh_calendar(code).prepare(1990, 2062)
    rng = random.Random(seed)
    lo = date(1990, 1, 1).toordinal()
    hi = date(2060, 12, 31).toordinal()
    days = [date.fromordinal(rng.randint(lo, hi)) for _ in range(n)]

    pkg = _package_calendar(code, range(1989, 2063))
    closed = {d.toordinal() for d in pkg}
    weekend = set(get_jurisdiction(code).calendar.weekend)

    def naive(d: date, k: int) -> date:
        o = d.toordinal()
        while k:
            o += 1
            if o not in closed and (o - 1) % 7 not in weekend:
                k -= 1
        return date.fromordinal(o)

    add = cal.add_working_days
    nth = pkg.get_nth_working_day
    few = days[: max(1, len(days) // 10)]  # the slow two count a tenth of the dates
    results: dict[str, list[date]] = {}

    def ours() -> None:
        results["ours"] = [add(d, 20) for d in days]

    def package() -> None:
        results["holidays"] = [nth(d, 20) for d in few]

    def loop() -> None:
        results["naive"] = [naive(d, 20) for d in few]

    # Interleaved, best of each: a busy spell of the machine then slows all three alike.
    runs: dict[str, list[float]] = {"ours": [], "holidays": [], "naive": []}
    for _ in range(repeat):
        runs["ours"].append(_timeit(ours, 1)[0] / len(days))
        runs["holidays"].append(_timeit(package, 1)[0] / len(few))
        runs["naive"].append(_timeit(loop, 1)[0] / len(few))
    t_ours, t_pkg, t_naive = (min(runs[k]) for k in ("ours", "holidays", "naive"))
    same = results["ours"][: len(few)] == results["holidays"] == results["naive"]
    per = 1e6
    print(f"add_working_days(d, 20) x {n:,} random dates 1990-2060 (best of runs):")
    print(f"  foiaclock            {t_ours * per:8.3f} us/call")
    print(
        f"  holidays nth workday {t_pkg * per:8.3f} us/call   foiaclock is {t_pkg / t_ours:6.1f}x faster (target >= 100x)"
    )
    print(
        f"  naive stepping loop  {t_naive * per:8.3f} us/call   foiaclock is {t_naive / t_ours:6.1f}x faster"
    )
    print(f"  same answers from all three: {'yes' if same else 'NO'}")
    big = [add(d, 2000) for d in days[:1000]]
    t_big = min(_timeit(lambda: [add(d, 2000) for d in days], repeat)) / len(days)
    print(
        f"  add_working_days(d, 2000): {t_big * per:.3f} us/call (constant time: same order as n=20)"
    )
    del big
    return same


def run_compute(n: int, seed: int) -> None:
    rng = random.Random(seed)
    lo = date(2000, 1, 1).toordinal()
    reqs = []
    for i in range(n):
        d = date.fromordinal(lo + rng.randint(0, 9000))
        tolls = (Toll(d + timedelta(days=3), d + timedelta(days=9)),) if i % 5 == 0 else ()
        reqs.append(Request(received=d, id=str(i), extension=(i % 3 == 0), tolls=tolls))
    as_of = date(2026, 1, 1)
    compute(reqs[0], as_of)
    t = min(_timeit(lambda: [compute(r, as_of) for r in reqs], 3))
    print(f"== compute() on {n:,} federal requests (a third extended, a fifth tolled)")
    print(
        f"  {t * 1e6 / n:.1f} us/request, {t * 1e3:.0f} ms in all (window included; trail built on demand)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foiaclock.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("-n", type=int, default=100_000, help="random dates (default 100,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jurisdiction", action="append", help="codes (default: us and us-ny)")
    args = parser.parse_args(argv)
    ok = True
    for code in args.jurisdiction or ["us", "us-ny"]:
        ok = run(code, args.n, args.seed, args.repeat) and ok
    run_compute(10_000, args.seed)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
