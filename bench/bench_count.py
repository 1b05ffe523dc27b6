"""Benchmark: `tally count` on one contest of 1,000,000 ballots × 40 candidates, 33 seats.

Compared with a straightforward csv.DictReader loop written the obvious way, and with merely
reading the file. Each program runs in its own process; time is wall-clock, memory is the
child's peak RSS. Two ballot files:

- realistic: voters strike a few names among the weaker candidates, so ballot patterns repeat
  (as they do at a congress);
- worst case: every ballot strikes a fresh random set of 7 names (almost no pattern repeats).

Run:  python bench/bench_count.py [--ballots N]
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


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and this child's own peak RSS in MB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 4):
        raise SystemExit(f"{cmd[:3]} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ballots", type=int, default=1_000_000)
    args = ap.parse_args()
    DATA.mkdir(exist_ok=True)
    print(f"{args.ballots:,} ballots × {N_CANDIDATES} candidates, {SEATS} seats")
    print(f"{'file':<12}{'program':<22}{'seconds':>9}{'ratio':>8}{'peak RSS MB':>13}")
    for kind in ("realistic", "worst_case"):
        folder = DATA / f"{kind}-{args.ballots}"
        folder.mkdir(exist_ok=True)
        ballots = folder / "ballots.csv"
        if not ballots.exists():
            generate(ballots, args.ballots, kind == "realistic")
        election(folder, ballots, args.ballots)
        py = sys.executable
        read_s, read_m = run([py, "-c", READ_ONLY, str(ballots)])
        base_s, base_m = run([py, "-c", BASELINE, str(ballots), str(N_CANDIDATES), str(SEATS)])
        tally_s, tally_m = run([py, "-m", "tally", "count", str(folder), "--json"])
        for name, s, m in (
            ("read the file", read_s, read_m),
            ("csv.DictReader loop", base_s, base_m),
            ("tally count --json", tally_s, tally_m),
        ):
            print(f"{kind:<12}{name:<22}{s:>9.2f}{s / tally_s:>8.2f}{m:>13.0f}")


if __name__ == "__main__":
    main()
