"""Benchmark: `tally count` on one contest of 1,000,000 ballots × 40 candidates, 33 seats.

Compared with a straightforward csv.DictReader loop written the obvious way, and with merely
reading the file. Each program runs in its own process; time is wall-clock, memory is the
child's peak RSS. Two ballot files:

- realistic: voters strike a few names among the weaker candidates, so ballot patterns repeat
  (as they do at a congress);
- worst case: every ballot strikes a fresh random set of 7 names (almost no pattern repeats).

Run:  python bench/bench_count.py [--ballots N] [--repeat N]
(python bench/run_all.py runs this, the recount and the start-up benchmarks together.)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
N_CANDIDATES, SEATS = 40, 33

BASELINE = r"""
import csv, sys
path, n, seats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
votes = {i: 0 for i in range(1, n + 1)}
valid = invalid = 0
seen = set()
with open(path, newline="", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        if row["ballot"] in seen:
            raise SystemExit("duplicate ballot")
        seen.add(row["ballot"])
        if row["invalid"]:
            invalid += 1
            continue
        struck = [int(x) for x in row["struck"].split()]
        if len(set(struck)) != len(struck) or any(not 1 <= p <= n for p in struck):
            raise SystemExit("bad position")
        kept = n - len(struck)
        if kept > seats or kept == 0:
            invalid += 1
            continue
        valid += 1
        for p in range(1, n + 1):
            if p not in struck:
                votes[p] += 1
print(valid, invalid, sorted(votes.items(), key=lambda kv: -kv[1])[:seats][-1])
"""

READ_ONLY = r"""
import sys
with open(sys.argv[1], encoding="utf-8-sig") as f:
    for line in f:
        pass
"""


def generate(path: Path, n_ballots: int, realistic: bool) -> None:
    rng = random.Random(20251020)
    weak = list(range(25, N_CANDIDATES + 1))  # the 16 weakest names
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("ballot,struck,unmarked,invalid\n")
        for i in range(1, n_ballots + 1):
            r = rng.random()
            if r < 0.004:
                f.write(f"{i},,,marked\n")
                continue
            if r < 0.01:
                f.write(f"{i},{rng.randint(1, N_CANDIDATES)},,\n")  # keeps too many
                continue
            pool = weak if realistic and r < 0.97 else list(range(1, N_CANDIDATES + 1))
            struck = sorted(rng.sample(pool, N_CANDIDATES - SEATS))
            f.write(f"{i},{' '.join(map(str, struck))},,\n")


def election(folder: Path, ballots: Path, n_ballots: int) -> None:
    people = "\n".join(f"  - {{id: c{i}, name: Ứng viên {i}}}" for i in range(1, N_CANDIDATES + 1))
    ids = ", ".join(f"c{i}" for i in range(1, N_CANDIDATES + 1))
    (folder / "election.yaml").write_text(
        f"""version: 1
rules: luat-bau-cu-2015
congress: {{name: Benchmark, kind: constituency, assembly: national_assembly, date: 2026-03-15}}
electorate: {{registered: {n_ballots + n_ballots // 10}}}
people:
{people}
contests:
  - id: bench
    body: deputies
    seats: {SEATS}
    candidates: [{ids}]
    rounds:
      - issued: {n_ballots}
        ballots: {ballots.name}
""",
        encoding="utf-8",
    )


def run(cmd: list[str], ok: tuple[int, ...] = (0, 4)) -> tuple[float, float]:
    """Wall-clock seconds and the peak RSS in MB of the largest process of the child's tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{cmd[:3]} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], repeat: int, ok: tuple[int, ...] = (0, 4)) -> tuple[float, float]:
    """The fastest of ``repeat`` runs (the least disturbed by other work on the machine)."""
    runs = [run(cmd, ok) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def prepare(kind: str, n_ballots: int) -> Path:
    """The benchmark election folder (generated once, kept under bench/data/)."""
    DATA.mkdir(exist_ok=True)
    folder = DATA / f"{kind}-{n_ballots}"
    folder.mkdir(exist_ok=True)
    ballots = folder / "ballots.csv"
    if not ballots.exists():
        generate(ballots, n_ballots, kind == "realistic")
    election(folder, ballots, n_ballots)
    return folder


def measure(kind: str, n_ballots: int, repeat: int = 1) -> dict[str, float]:
    """Seconds and peak RSS (MB) of reading the file, the DictReader loop and tally count."""
    folder = prepare(kind, n_ballots)
    ballots = str(folder / "ballots.csv")
    py = sys.executable
    read_s, read_m = best([py, "-c", READ_ONLY, ballots], repeat)
    base_s, base_m = best([py, "-c", BASELINE, ballots, str(N_CANDIDATES), str(SEATS)], repeat)
    tally_s, tally_m = best([py, "-m", "tally", "count", str(folder), "--json"], repeat)
    return {
        "read_s": read_s,
        "read_mb": read_m,
        "dictreader_s": base_s,
        "dictreader_mb": base_m,
        "tally_s": tally_s,
        "tally_mb": tally_m,
        "speedup": base_s / tally_s,  # target ≥ 5
        "vs_read": tally_s / read_s,  # target ≤ 10
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ballots", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs of each program")
    args = ap.parse_args()
    print(f"{args.ballots:,} ballots × {N_CANDIDATES} candidates, {SEATS} seats")
    print(f"{'file':<12}{'program':<22}{'seconds':>9}{'× tally':>9}{'peak RSS MB':>13}")
    for kind in ("realistic", "worst_case"):
        m = measure(kind, args.ballots, args.repeat)
        for name, key in (
            ("read the file", "read"),
            ("csv.DictReader loop", "dictreader"),
            ("tally count --json", "tally"),
        ):
            s = m[f"{key}_s"]
            print(f"{kind:<12}{name:<22}{s:>9.2f}{s / m['tally_s']:>9.2f}{m[f'{key}_mb']:>13.0f}")
        print(
            f"{kind:<12}tally is {m['speedup']:.1f}× faster than the DictReader loop "
            f"and {m['vs_read']:.1f}× the time of reading the file"
        )


if __name__ == "__main__":
    main()
