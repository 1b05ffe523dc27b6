"""Run every benchmark and print the results as the Markdown tables of the README.

    python bench/run_all.py              # the README's numbers (a few minutes)
    python bench/run_all.py --quick      # smaller inputs, to check the scripts run

(a) one contest of 1,000,000 ballots × 40 candidates, 33 seats: `tally count` against a
    csv.DictReader loop and against reading the file; (b) `tally recount` of 2,000 simulated
    elections with 1 and 2 jobs; (c) peak memory of both, and of `tally count` at a tenth of
    the ballots (memory must not grow with them); (d) start-up.
Targets on the 2-core development machine: (a) ≥ 5× the DictReader loop, ≤ 10× reading the
file; (b) ≥ 200 elections/s with 2 jobs; (c) peak RSS < 150 MB; (d) `tally --help` < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys

import bench_count
import bench_recount
import bench_startup


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="100,000 ballots, 200 elections")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (count, recount)")
    args = ap.parse_args()
    ballots = 100_000 if args.quick else 1_000_000
    elections = 200 if args.quick else 2000
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {cores} cores; "
        f"best of {args.repeat} runs.\n"
    )

    print(f"(a) one contest, {ballots:,} ballots × 40 candidates, 33 seats\n")
    print(
        "| ballot file | read the file | DictReader loop | `tally count` | vs DictReader | vs reading | tally peak RSS |"
    )
    print("|---|---|---|---|---|---|---|")
    for kind, label in (
        ("realistic", "realistic (patterns repeat)"),
        ("worst_case", "worst case (every ballot a fresh pattern)"),
    ):
        m = bench_count.measure(kind, ballots, args.repeat)
        print(
            f"| {label} | {m['read_s']:.2f} s | {m['dictreader_s']:.1f} s | {m['tally_s']:.2f} s "
            f"| {m['speedup']:.1f}× faster | {m['vs_read']:.1f}× | {m['tally_mb']:.0f} MB |"
        )
    small = bench_count.measure("realistic", ballots // 10, args.repeat)
    print(
        f"\n`tally count` of {ballots // 10:,} realistic ballots: {small['tally_s']:.2f} s, "
        f"peak RSS {small['tally_mb']:.0f} MB.\n"
    )

    print(f"(b) `tally recount` of {elections:,} simulated elections\n")
    r = bench_recount.measure(elections, args.repeat)
    c = r["corpus"]
    assert isinstance(c, dict)
    print(
        f"Corpus: {c['elections']:,} elections, {c['contests']:,} contests, "
        f"{c['ballots']:,} ballot rows ({c['ballots'] / c['elections']:.0f} per election), "
        f"{c['files']:,} files, {c['mb']:.0f} MB.\n"
    )
    print("| run | elapsed | elections / s | peak RSS (largest process) |")
    print("|---|---|---|---|")
    for jobs in (1, 2):
        for mode in ("table", "json"):
            x = r[f"{mode}_j{jobs}"]
            assert isinstance(x, dict)
            label = f"`--jobs {jobs}`" + (" `--json`" if mode == "json" else "")
            print(f"| {label} | {x['s']:.1f} s | {x['per_s']:.0f} | {x['mb']:.0f} MB |")

    print("\n(d) start-up (15 runs each)\n")
    print("| command | median | fastest | peak RSS |")
    print("|---|---|---|---|")
    for name, s in bench_startup.measure(15).items():
        print(
            f"| `{name}` | {s['median_s'] * 1000:.0f} ms | {s['min_s'] * 1000:.0f} ms "
            f"| {s['mb']:.0f} MB |"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
