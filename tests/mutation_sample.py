"""Mutation score of the engine and the calendar on a random sample (a script, not a test):

    pip install mutmut==3.8.1
    python tests/mutation_sample.py --size 300 --seed 2026

mutmut (configured in pyproject.toml, `[tool.mutmut]`) makes every mutant of
`foiaclock/engine/` and `foiaclock/calendar/`; running them all takes hours on two cores, so this
runs a random sample of them (the same sample for the same seed and code) and prints how many the
tests killed, with the names of those that survived (`mutmut show NAME` shows one). Whether a
survivor is an equivalent mutant (one no test could tell from the original) is a judgement made
by reading it; the README's "Tests that catch a wrong day" records the last one made.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
from collections import Counter

#: One mutant to run first: mutmut makes all of them before it runs any.
_FIRST = "foiaclock.engine.units.x_span__mutmut_1"
_LINE = re.compile(r"^\s*(\S+__mutmut_\d+): (.+)$")


def results() -> dict[str, str]:
    """Every mutant mutmut knows, with its outcome ("killed", "survived", "not checked", ...)."""
    out = subprocess.run(
        ["mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in out.splitlines():
        m = _LINE.match(line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    subprocess.run(["mutmut", "run", _FIRST], check=True, stdout=subprocess.DEVNULL)
    everyone = list(results())  # in mutmut's order
    sample = sorted(random.Random(args.seed).sample(everyone, min(args.size, len(everyone))))
    subprocess.run(
        ["mutmut", "run", "--max-children", str(args.jobs), *sample],
        check=False,
        stdout=subprocess.DEVNULL,
    )
    outcome = results()
    counts = Counter(outcome[name] for name in sample)
    print(f"{len(sample)} of {len(everyone)} mutants (seed {args.seed}):")
    for what, n in counts.most_common():
        print(f"  {what:<12} {n}")
    killed = counts["killed"] + counts["timeout"]
    print(f"killed {killed} of {len(sample)}: {100 * killed / len(sample):.1f}%")
    for name in sample:
        if outcome[name] not in ("killed", "timeout"):
            print(f"  {outcome[name]}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
