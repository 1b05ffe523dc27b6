"""Benchmark: `tally recount` of a simulated province of 2,000 elections (≈ 300 ballots each).

The corpus is written once by `tally simulate` (seed 2025) into bench/data/recount-2000 and
reused. Each run is `tally recount DIR --jobs N` in its own process, the summary table (or
`--json`) to /dev/null; time is wall-clock, memory the peak RSS of the largest process of
the run (the parent or one of its workers).

Run:  python bench/bench_recount.py [--elections N] [--repeat N]

Scaling (issue 21): peak RSS and time of `tally recount DIR` (2 jobs) at 1,000, 10,000 and
(with --big) 100,000 tiny elections, table and --json. Simulating 100,000 elections takes tens
of minutes, so the corpus is 500 small elections drawn once by `tally simulate --kind
committee_conference` (a conference of 9 electing 2 of 3 names, 9 ballots) hard-linked into
folders of their own, 1,000 to a district: seconds to lay out, and every election is still
loaded, counted and checked. Two peaks: the parent's own (ru_maxrss of RUSAGE_SELF, written at
exit: what grows with the batch) and the largest process of the run (a worker, forked from
the parent, counts the parent's pages at the fork).

Run:  python bench/bench_recount.py --scale [--big] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
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


TEMPLATES = 500
SCALE = (1_000, 10_000)
BIG = (100_000,)

# `tally recount` run in-process so that the parent's own peak RSS can be read at its exit.
PEAK = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " file=sys.stderr))\n"
    "sys.argv = ['tally', *sys.argv[1:]]\n"
    "from tally.cli.main import main\n"
    "main()\n"
)


def tiny_corpus(elections: int) -> Path:
    """``elections`` tiny elections (see the module's docstring), laid out once."""
    templates = DATA / "recount-tiny-templates"
    if not (templates / ".tally-simulate.json").exists():
        cmd = [*tally(), "simulate", str(templates), "-n", str(TEMPLATES), "--seed", str(SEED)]
        best([*cmd, "--kind", "committee_conference", "--force"], 1, ok=(0,))
    folder = DATA / f"recount-tiny-{elections}"
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    sources = sorted(p.parent for p in templates.glob("*/election.yaml"))
    for i in range(elections):
        source = sources[i % len(sources)]
        target = folder / f"{i // 1000:03d}" / f"{i:06d}-{source.name}"
        for file in source.rglob("*"):
            if file.is_file():
                dest = target / file.relative_to(source)
                dest.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(file, dest)
                except OSError:  # another file system: a copy
                    shutil.copyfile(file, dest)
    done.write_text(str(elections), encoding="utf-8")
    return folder


def peaks(args: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds, the parent's own peak RSS (MB), the largest process's (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", PEAK, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2, 3, 4):
        raise SystemExit(f"tally {' '.join(args[:3])} failed with exit code {code}: {err[-500:]}")
    own = next(int(x.split()[1]) for x in err.splitlines() if x.startswith("PEAK "))
    return elapsed, own / 1024, usage.ru_maxrss / 1024


def scale(sizes: tuple[int, ...], repeat: int = 1, jobs: int = 2) -> dict[int, dict[str, object]]:
    """Time and peak RSS of recount at each size, table and --json (interleaved, best of N)."""
    out: dict[int, dict[str, object]] = {}
    for n in sizes:
        folder = tiny_corpus(n)
        runs: dict[str, list[tuple[float, float, float]]] = {"table": [], "json": []}
        for _ in range(repeat):
            for mode, extra in (("table", []), ("json", ["--json"])):
                args = ["recount", str(folder), "--jobs", str(jobs), *extra]
                runs[mode].append(peaks(args))
        out[n] = {
            mode: {
                "s": min(r[0] for r in rs),
                "own_mb": max(r[1] for r in rs),
                "largest_mb": max(r[2] for r in rs),
            }
            for mode, rs in runs.items()
        }
    return out


def print_scale(result: dict[int, dict[str, object]]) -> None:
    print("| elections | mode | elapsed | elections / s | peak RSS, parent | largest process |")
    print("|---|---|---|---|---|---|")
    for n, modes in result.items():
        for mode, r in modes.items():
            assert isinstance(r, dict)
            label = "table" if mode == "table" else "`--json`"
            print(
                f"| {n:,} | {label} | {r['s']:.1f} s | {n / r['s']:.0f} "
                f"| {r['own_mb']:.0f} MB | {r['largest_mb']:.0f} MB |"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--elections", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs")
    ap.add_argument("--scale", action="store_true", help="recount of 1k-10k tiny elections")
    ap.add_argument("--big", action="store_true", help="with --scale: 100k elections too")
    args = ap.parse_args()
    if args.scale:
        print_scale(scale(SCALE + (BIG if args.big else ()), args.repeat))
        return
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
