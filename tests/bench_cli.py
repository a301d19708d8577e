"""Benchmark of the command line (a script, not a test): ``python tests/bench_cli.py``.

Measures, side by side in one run, the median wall time of several interleaved runs of:

1. ``foiaclock status --format json`` on a generated file of 10,000 requests, against a bare
   ``python -c`` that imports foiaclock's declared dependencies and parses the same file with
   tomllib (target: at most 2.5x);
2. ``foiaclock status examples/requests.toml``, against a bare process that only imports those
   dependencies (target: at most 1.3x);
3. ``foiaclock update``, ``toll`` and ``add`` on a generated file of 1,000 requests, each run on
   a fresh copy: the edit in-process (target: at most 0.5 s), and the whole command as a process
   next to the bare process of 2, for reference.

Both run in one process, as installed (with compiled bytecode). The CPU time (user + system) of
each is reported next to its wall time: on a busy machine it is the steadier of the two.

``--profile`` adds a cProfile of both foiaclock runs (in-process, one process), top functions by
cumulative time. ``--stages`` only times the steps of 1 one by one, each in a fresh process
(`STAGES`), beside the floor's two parts: where the time above the floor goes. Exit status 1 when
a target is missed. Timings depend on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "requests.toml"
AS_OF = "2026-12-01"
#: Module names of distributions whose import name differs from the distribution name.
_MODULE = {"python-dateutil": "dateutil", "tomli": "tomli"}


def dependency_modules() -> list[str]:
    """The modules of foiaclock's declared dependencies (for this Python), from its metadata."""
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    out = []
    for line in requires("foiaclock") or []:
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue  # an extra (the tests'), or not for this Python
        out.append(_MODULE.get(req.name, req.name.replace("-", "_")))
    return out


IMPORTS = "import " + ", ".join(dependency_modules())


def generate(path: Path, n: int = 10_000, seed: int = 2018) -> None:
    """A realistic mix: federal requests (with extensions, pauses, appeals, answers) and some
    state ones, received 2018-2026."""
    rng = random.Random(seed)
    states = ["us-ny", "us-ca", "us-tx", "us-fl", "us-il", "us-ma"]
    out = ['[defaults]\njurisdiction = "us"\ntimezone = "America/New_York"\n\n']
    start = date(2018, 1, 1)
    for i in range(n):
        received = start + timedelta(days=rng.randrange(0, 3200))
        lines = [
            "[[request]]",
            f'id = "req-{i:05d}"',
            f'agency = "Agency {rng.randrange(40)}"',
            f'subject = "Records about topic {i}"',
            f"received = {received.isoformat()}",
        ]
        if rng.random() < 0.15:
            lines.append(f'jurisdiction = "{rng.choice(states)}"')
            if rng.random() < 0.5:
                lines.append(f"acknowledged = {(received + timedelta(days=2)).isoformat()}")
        elif rng.random() < 0.2:
            lines.append("extension = true")
        if rng.random() < 0.4:
            lines.append(
                f"responded = {(received + timedelta(days=rng.randrange(5, 120))).isoformat()}"
            )
        if rng.random() < 0.1:
            t0 = received + timedelta(days=rng.randrange(7, 14))
            lines.append(f"\n[[request.toll]]\nstart = {t0.isoformat()}")
            lines.append(f"end = {(t0 + timedelta(days=rng.randrange(1, 20))).isoformat()}")
        out.append("\n".join(lines) + "\n\n")
    path.write_text("".join(out), encoding="utf-8")


def foiaclock_command() -> list[str]:
    script = Path(sys.executable).parent / "foiaclock"
    if script.exists():
        return [str(script)]
    found = shutil.which("foiaclock")
    return [found] if found else [sys.executable, "-m", "foiaclock"]


#: Both processes run as an installed package would: with compiled bytecode (pip writes it at
#: install time; an environment with PYTHONDONTWRITEBYTECODE would recompile foiaclock every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


#: CPU seconds (user + system) of each timed run, by command.
CPU: dict[str, list[float]] = {}


def timed(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(" ".join(cmd), []).append(cpu)
    return wall


def compare(name: str, ours: list[str], bare: list[str], runs: int, target: float) -> bool:
    timed(ours)  # warm the file cache and bytecode
    timed(bare)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):  # interleaved, so that machine noise hits both alike
        a.append(timed(ours))
        b.append(timed(bare))
    ma, mb = statistics.median(a), statistics.median(b)
    ca = statistics.median(CPU[" ".join(ours)])
    cb = statistics.median(CPU[" ".join(bare)])
    ratio = ma / mb
    ok = ratio <= target
    print(f"{name}")
    print(
        f"  foiaclock  median {ma * 1000:8.1f} ms, CPU {ca * 1000:6.0f} ms  "
        f"(runs: {', '.join(f'{x * 1000:.0f}' for x in a)})"
    )
    print(
        f"  bare       median {mb * 1000:8.1f} ms, CPU {cb * 1000:6.0f} ms  "
        f"(runs: {', '.join(f'{x * 1000:.0f}' for x in b)})"
    )
    print(f"  ratio {ratio:.2f}x  target <= {target}x  {'OK' if ok else 'MISSED'}")
    return ok


def edits(cmd: list[str], folder: Path, runs: int, target: float) -> bool:
    """3: the editing commands on a fresh copy of a 1,000-request file each run: the edit in this
    process (read, tomlkit, the loader's and the engine's checks, the atomic write, the read
    back; the target), and the whole command as a process (for reference: it adds Python's start
    and the imports, which the bare process shows alone)."""
    from click.testing import CliRunner

    from foiaclock.cli import cli

    source = folder / "requests-1000.toml"
    generate(source, 1000)
    copy = folder / "edit-me.toml"
    cases = {
        "update ID responded=... adverse=true": [
            "update", str(copy), "req-00500", "responded=2026-01-05", "adverse=true",
        ],
        "toll ID START --kind fee": ["toll", str(copy), "req-00999", "2025-01-02", "--kind", "fee"],
        "add --id ... (at the end)": [
            "add", str(copy), "--id", "new-1", "--agency", "FBI", "--received", "2026-01-05",
        ],
    }  # fmt: skip
    ok = True
    print(f"3. editing a file of 1,000 requests (target: the edit at most {target} s)")
    for name, args in cases.items():
        inside: list[float] = []
        cpu: list[float] = []
        for k in range(runs + 1):
            shutil.copyfile(source, copy)
            t, c = time.perf_counter(), time.process_time()
            result = CliRunner().invoke(cli, args)
            if k:  # the first run imports tomlkit and builds the calendars
                inside.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            assert result.exit_code == 0, result.output
        walls = []
        for _ in range(runs):
            shutil.copyfile(source, copy)
            walls.append(timed([*cmd, *args]))
        m = statistics.median(inside)
        ok = ok and m <= target
        print(
            f"  {name:38s} edit median {m * 1000:4.0f} ms, CPU {statistics.median(cpu) * 1000:4.0f}"
            f" ms  {'OK' if m <= target else 'MISSED'}; as a process {statistics.median(walls) * 1000:5.0f} ms"
        )
    bare = [sys.executable, "-c", IMPORTS]
    b = [timed(bare) for _ in range(runs)]
    print(f"  {'bare process (imports only)':38s} {statistics.median(b) * 1000:5.0f} ms")
    return ok


def profile(args: list[str]) -> None:
    from click.testing import CliRunner

    from foiaclock.cli import cli

    prof = cProfile.Profile()
    prof.enable()
    CliRunner().invoke(cli, args)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
    print(buf.getvalue())


#: The steps of ``status --format json``, timed one after the other in one fresh process: the
#: imports, the TOML parse (what the floor also does), the rest of the loader (TOML tables to
#: `Request`s, every value checked), the engine, the JSON values and their encoding.
STAGES = """
import sys, time
t0 = time.perf_counter()
import datetime
from foiaclock.cli.requests import deadlines
from foiaclock.files import decode, read_bytes
from foiaclock.files.document import build
from foiaclock.files.read import parse
from foiaclock.formats.as_json import dumps_requests, request_dict
t1 = time.perf_counter()
path = sys.argv[1]
text = decode(read_bytes(path), path)
doc = parse(text, path)
t2 = time.perf_counter()
rf = build(doc, text, path, None)
t3 = time.perf_counter()
found = deadlines(rf, datetime.date.fromisoformat(sys.argv[2]))
t4 = time.perf_counter()
values = [request_dict(d) for d in found]
t5 = time.perf_counter()
dumps_requests({}, values)
t6 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)
"""
#: The floor's two steps, in a fresh process of their own.
FLOOR_STAGES = """
import sys, time
t0 = time.perf_counter()
IMPORTS
t1 = time.perf_counter()
tomllib.load(open(sys.argv[1], "rb"))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""
STAGE_NAMES = (
    "foiaclock's imports", "read + TOML parse", "TOML to Requests", "engine (compute)",
    "JSON values", "JSON encoding", "floor: the dependencies' imports", "floor: TOML parse",
)  # fmt: skip


def stages(big: Path, runs: int) -> None:
    """Median seconds of each step of `STAGES` and `FLOOR_STAGES`, over `runs` fresh processes
    of each (interleaved)."""
    scripts = (STAGES, FLOOR_STAGES.replace("IMPORTS", IMPORTS + ", tomllib"))
    times: list[list[float]] = []
    for _ in range(runs):
        row: list[float] = []
        for code in scripts:
            out = subprocess.run(
                [sys.executable, "-c", code, str(big), AS_OF],
                check=True, capture_output=True, text=True, cwd=ROOT, env=ENV,
            ).stdout  # fmt: skip
            row.extend(float(x) for x in out.split())
        times.append(row)
    medians = [statistics.median(column) for column in zip(*times, strict=True)]
    print(f"steps of status --format json and of the floor, {runs} processes each (median ms)")
    for name, value in zip(STAGE_NAMES, medians, strict=True):
        print(f"  {name:34s} {value * 1000:8.1f}")
    ours, floor = sum(medians[:6]), sum(medians[6:])
    print(
        f"  {'all steps / floor':34s} {ours * 1000:8.1f} / {floor * 1000:.1f} = {ours / floor:.2f}x"
    )
    print("  (Python's own start, Click and the output are left out of both: see 1 for the whole)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--edits", action="store_true", help="only 3, the editing commands")
    parser.add_argument("--stages", action="store_true", help="only the steps of 1, one by one")
    opts = parser.parse_args()
    cmd = foiaclock_command()
    print(
        f"python {sys.version.split()[0]}; foiaclock: {' '.join(cmd)}; {opts.runs} runs each; "
        f"{os.cpu_count()} cores"
    )
    print(f"bare processes: {IMPORTS} (foiaclock's declared dependencies)\n")
    if opts.edits:
        with tempfile.TemporaryDirectory() as tmp:
            return 0 if edits(cmd, Path(tmp), opts.runs, 0.5) else 1
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "requests-10000.toml"
        generate(big, opts.requests)
        if opts.stages:
            stages(big, opts.runs)
            return 0
        ok1 = compare(
            f"1. status --format json, {opts.requests:,} requests",
            [*cmd, "status", str(big), "--format", "json", "--as-of", AS_OF],
            [sys.executable, "-c", f"{IMPORTS}, tomllib; tomllib.load(open({str(big)!r}, 'rb'))"],
            opts.runs,
            2.5,
        )
        print()
        ok2 = compare(
            "2. status examples/requests.toml (table)",
            [*cmd, "status", str(EXAMPLE), "--as-of", AS_OF],
            [sys.executable, "-c", IMPORTS],
            opts.runs,
            1.3,
        )
        print()
        ok3 = edits(cmd, Path(tmp), opts.runs, 0.5)
        if opts.profile:
            print("\nProfile: status --format json on the generated file")
            profile(["status", str(big), "--format", "json", "--as-of", AS_OF])
            print("\nProfile: status examples/requests.toml")
            profile(["status", str(EXAMPLE), "--as-of", AS_OF])
    return 0 if ok1 and ok2 and ok3 else 1


if __name__ == "__main__":
    sys.exit(main())
