"""Benchmark: `tally recount` of a simulated province of 2,000 elections (≈ 300 ballots each).

The corpus is written once by `tally simulate` (seed 2025) into bench/data/recount-2000 and
reused. Each run is `tally recount DIR --jobs N` in its own process, the summary table (or
`--json`) to /dev/null; time is wall-clock, memory the peak RSS of the largest process of
the run (the parent or one of its workers).

Run:  python bench/bench_recount.py [--elections N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench_count import DATA, best

SEED = 2025


def tally() -> list[str]:
    script = Path(sys.executable).with_name("tally")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tally"]


def corpus(elections: int) -> Path:
    """The simulated corpus, (re)written only when missing or drawn with other settings."""
    folder = DATA / f"recount-{elections}"
    manifest = folder / ".tally-simulate.json"
    if manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("seed") == SEED and len(data.get("elections", [])) == elections:
            return folder
    cmd = [*tally(), "simulate", str(folder), "-n", str(elections), "--seed", str(SEED)]
    best([*cmd, "--force"] if folder.exists() else cmd, 1, ok=(0,))
    return folder


def stats(folder: Path) -> dict[str, float]:
    data = json.loads((folder / ".tally-simulate.json").read_text(encoding="utf-8"))
    entries = data["elections"]
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {
        "elections": len(entries),
        "contests": sum(len(e["outcomes"]) for e in entries),
        "ballots": sum(e["ballots"] for e in entries),
        "files": len(files),
        "mb": sum(p.stat().st_size for p in files) / 1e6,
    }


def measure(elections: int = 2000, repeat: int = 1) -> dict[str, object]:
    folder = corpus(elections)
    out: dict[str, object] = {"corpus": stats(folder)}
    for jobs in (1, 2):
        for mode, extra in (("table", []), ("json", ["--json"])):
            cmd = [*tally(), "recount", str(folder), "--jobs", str(jobs), *extra]
            seconds, mb = best(cmd, repeat, ok=(0, 1, 2, 3, 4))
            out[f"{mode}_j{jobs}"] = {"s": seconds, "per_s": elections / seconds, "mb": mb}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--elections", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = ap.parse_args()
    m = measure(args.elections, args.repeat)
    c = m["corpus"]
    assert isinstance(c, dict)
    print(
        f"{c['elections']:,} elections, {c['contests']:,} contests, {c['ballots']:,} ballot rows "
        f"({c['ballots'] / c['elections']:.0f} per election), {c['files']:,} files, {c['mb']:.0f} MB"
    )
    print(f"{'run':<26}{'seconds':>9}{'elections/s':>13}{'peak RSS MB':>13}")
    for jobs in (1, 2):
        for mode in ("table", "json"):
            r = m[f"{mode}_j{jobs}"]
            assert isinstance(r, dict)
            label = f"--jobs {jobs}" + (" --json" if mode == "json" else "")
            print(f"{label:<26}{r['s']:>9.2f}{r['per_s']:>13.0f}{r['mb']:>13.0f}")


if __name__ == "__main__":
    main()
