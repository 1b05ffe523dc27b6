"""Benchmark: start-up time — `tally --help`, and `tally count` of a small example.

Each command runs `--repeat` times in a fresh process (stdout to /dev/null); the median and
the fastest wall-clock times are reported. `tally --help` imports only click and the command
table (pydantic, yaml and rich are imported inside the commands), so shell completion and
help stay instant.

Run:  python bench/bench_startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench_count import run
from bench_recount import tally

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xa-2025"


def measure(repeat: int = 15) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, args in (
        ("tally --help", ["--help"]),
        ("tally count examples/xa-2025", ["count", str(EXAMPLE)]),
        ("tally check examples/xa-2025 --json", ["check", str(EXAMPLE), "--json"]),
    ):
        runs = [run([*tally(), *args], ok=(0, 1, 4)) for _ in range(repeat)]
        seconds = [r[0] for r in runs]
        out[name] = {
            "median_s": statistics.median(seconds),
            "min_s": min(seconds),
            "mb": max(r[1] for r in runs),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    print(f"{'command':<40}{'median ms':>11}{'fastest ms':>12}{'peak RSS MB':>13}")
    for name, r in measure(args.repeat).items():
        print(f"{name:<40}{r['median_s'] * 1000:>11.0f}{r['min_s'] * 1000:>12.0f}{r['mb']:>13.0f}")


if __name__ == "__main__":
    main()
