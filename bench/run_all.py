"""Run every benchmark and print the results as the Markdown tables of the README.

    python bench/run_all.py              # the README's numbers: 1M ballots, scaling to 1M
    python bench/run_all.py --quick      # 100,000 ballots, scaling 10k-100k: checks the scripts
    python bench/run_all.py --big        # scaling up to 10,000,000 ballots and 100,000
                                         # elections too (generates 1 GB)

(a) one contest of 1,000,000 ballots × 40 candidates, 33 seats, three ballot files: `tally count
    --json` against reading the file, the plain csv.DictReader loop, polars and DuckDB (every
    program's figures checked equal to tally's; interleaved, best of N); (b) `tally recount` of
    2,000 simulated elections with 1 and 2 jobs; (c) `tally count`'s time and peak RSS from
    10,000 ballots up; (d) start-up; (e) `tally recount`'s time and peak RSS at 1,000 and 10,000
    tiny elections (and 100,000 with --big).
Targets (issue 19, on the 2-core development machine): realistic million within 4× of reading
the file and faster than polars and DuckDB; worst case ≥ 8× the DictReader loop and within 2×
of polars; peak RSS flat in the ballots (< 150 MB at 10M); `tally --help` < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys

import bench_count
import bench_recount
import bench_startup


def _cell(m: dict[str, float], name: str) -> str:
    return f"{m[name + '_s']:.2f} s" if name + "_s" in m else "—"


def _ratio(m: dict[str, float], name: str) -> str:
    """How much faster tally is than ``name`` (or slower)."""
    if name + "_s" not in m:
        return "—"
    r = m[name + "_s"] / m["tally_s"]
    return f"{r:.1f}× faster" if r >= 1 else f"{1 / r:.1f}× slower"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="100,000 ballots, 200 elections")
    ap.add_argument(
        "--big", action="store_true", help="scaling up to 10M ballots and 100k elections"
    )
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (count, recount)")
    args = ap.parse_args()
    ballots = 100_000 if args.quick else 1_000_000
    elections = 200 if args.quick else 2000
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {cores} cores, "
        f"load average {load:.1f} at the start; best of {args.repeat} interleaved runs.\n"
    )

    print(f"(a) one contest, {ballots:,} ballots × 40 candidates, 33 seats\n")
    print(
        "| ballot file | read the file | DictReader loop | polars | DuckDB | `tally count` "
        "| vs reading | vs DictReader | vs polars | vs DuckDB | tally peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, label in (
        ("realistic", "realistic (patterns repeat)"),
        ("worst_case", "worst case (a fresh random 7 of 40 struck)"),
        ("keeps", "each name kept with its own probability, trimmed"),
    ):
        m = bench_count.measure(kind, ballots, args.repeat)
        t = m["tally_s"]

        print(
            f"| {label} | {_cell(m, 'read')} | {_cell(m, 'plain')} | {_cell(m, 'polars')} | {_cell(m, 'duckdb')} "
            f"| {t:.2f} s | {t / m['read_s']:.1f}× | {_ratio(m, 'plain')} | {_ratio(m, 'polars')} "
            f"| {_ratio(m, 'duckdb')} | {m['tally_mb']:.0f} MB |"
        )

    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    if args.big:
        sizes += [10_000_000]
    print("\n(c) `tally count --json` by size (realistic ballots)\n")
    print("| ballots | read the file | `tally count` | µs per ballot | tally peak RSS |")
    print("|---|---|---|---|---|")
    for n in sizes:
        m = bench_count.measure("realistic", n, args.repeat, others=False)
        print(
            f"| {n:,} | {m['read_s']:.2f} s | {m['tally_s']:.2f} s "
            f"| {m['tally_s'] / n * 1e6:.2f} | {m['tally_mb']:.0f} MB |"
        )
    print()

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

    print("\n(e) `tally recount DIR --jobs 2` by size (tiny elections, see bench_recount.py)\n")
    sizes_e = bench_recount.SCALE + (bench_recount.BIG if args.big else ())
    bench_recount.print_scale(bench_recount.scale(sizes_e, 1 if args.quick else args.repeat))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
