"""Benchmark: `tally count` on one contest × 40 candidates, 33 seats, against what a user would
pick instead.

Programs, each in its own process (wall-clock time, start-up included; memory is the peak RSS
of the child): reading the file line by line (the floor), the plain `csv.DictReader` loop a
user would write (a set of the struck positions, a loop over the names), a polars script and
a DuckDB script computing the same valid/invalid split and votes, and `tally count --json`.
Every program's figures are checked equal to tally's JSON. Runs are interleaved (one run of
each program, then the next round) and the best of N is kept, so that a burst of other work
on the machine does not favour one program.

Ballot files (generated once under bench/data/, ignored by git):

- realistic: voters strike 7 names among the 16 weakest, so ballot patterns repeat;
- worst_case: every ballot strikes a fresh random set of 7 names among all 40;
- keeps: each voter keeps each name with that name's own probability, then trims to the
  seats, so patterns rarely repeat; 0.3% of the ballots were not issued (issue 19).

Run:  python bench/bench_count.py [--ballots N] [--repeat N] [--kinds realistic,keeps]
      python bench/bench_count.py --scaling 10000,100000,1000000   # time and peak RSS by size
(python bench/run_all.py runs this, the recount and the start-up benchmarks together; polars
and duckdb come with `pip install -e '.[bench]'`.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
N_CANDIDATES, SEATS = 40, 33
KINDS = ("realistic", "worst_case", "keeps")

# Each program prints {"valid": …, "invalid": …, "votes": [by ballot position]} as JSON.
PLAIN = r"""
import csv, json, sys
path, n, seats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = [str(p) for p in range(1, n + 1)]
votes = dict.fromkeys(names, 0)
valid = invalid = 0
with open(path, newline="", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        struck = set(row["struck"].split())
        kept = n - len(struck)
        if row["invalid"] or kept > seats or kept == 0:
            invalid += 1
            continue
        valid += 1
        for name in names:
            if name not in struck:
                votes[name] += 1
print(json.dumps({"valid": valid, "invalid": invalid, "votes": list(votes.values())}))
"""

POLARS = r"""
import json, sys
import polars as pl
path, n, seats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
df = pl.read_csv(path, infer_schema=False).select(
    pl.col("invalid").is_not_null().alias("marked"),
    pl.col("struck").fill_null("").str.split(" ").list.eval(pl.element().filter(pl.element() != "")),
)
kept = n - pl.col("struck").list.len()
valid = df.filter(~pl.col("marked") & (kept <= seats) & (kept > 0))
struck = valid.select(pl.col("struck").explode().drop_nulls()).to_series().value_counts()
missed = dict(zip(struck["struck"].to_list(), struck["count"].to_list()))
v = valid.height
print(json.dumps({"valid": v, "invalid": df.height - v,
                  "votes": [v - missed.get(str(p), 0) for p in range(1, n + 1)]}))
"""

DUCKDB = r"""
import json, sys
import duckdb
path, n, seats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = duckdb.connect()
con.execute(f'''create temp table b as
    select invalid is not null as marked,
           list_filter(string_split(coalesce(struck, ''), ' '), lambda x: x <> '') as s
    from read_csv('{path}', all_varchar = true, header = true)''')
con.execute(f"create temp table v as select s from b where not marked and {n} - len(s) between 1 and {seats}")
total = con.execute("select count(*) from b").fetchone()[0]
v = con.execute("select count(*) from v").fetchone()[0]
missed = dict(con.execute("select x, count(*) from (select unnest(s) as x from v) group by x").fetchall())
print(json.dumps({"valid": v, "invalid": total - v,
                  "votes": [v - missed.get(str(p), 0) for p in range(1, n + 1)]}))
"""

READ_ONLY = r"""
import sys
with open(sys.argv[1], encoding="utf-8-sig") as f:
    for line in f:
        pass
"""


def generate(path: Path, n_ballots: int, kind: str) -> None:
    rng = random.Random(20251020)
    everyone = list(range(1, N_CANDIDATES + 1))
    weak = everyone[24:]  # the 16 weakest names
    keep_p = [rng.uniform(0.55, 0.98) for _ in everyone]  # each name's own probability
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        f.write("ballot,struck,unmarked,invalid\n")
        for i in range(1, n_ballots + 1):
            r = rng.random()
            if kind == "keeps":
                if r < 0.003:
                    f.write(f"{i},,,not_issued\n")
                    continue
                kept = [c for c, p in zip(everyone, keep_p, strict=True) if rng.random() < p]
                if len(kept) > SEATS:
                    kept = rng.sample(kept, SEATS)
                if not kept:
                    kept = [rng.choice(everyone)]
                kept_set = set(kept)
                f.write(f"{i},{' '.join(str(c) for c in everyone if c not in kept_set)},,\n")
                continue
            if r < 0.004:
                f.write(f"{i},,,marked\n")
                continue
            if r < 0.01:
                f.write(f"{i},{rng.randint(1, N_CANDIDATES)},,\n")  # keeps too many
                continue
            pool = weak if kind == "realistic" and r < 0.97 else everyone
            struck = sorted(rng.sample(pool, N_CANDIDATES - SEATS))
            f.write(f"{i},{' '.join(map(str, struck))},,\n")
    tmp.rename(path)


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


def environment() -> dict[str, str]:
    """The children's environment. An installed program runs from compiled bytecode; with
    PYTHONDONTWRITEBYTECODE set (as in some shells and CI) every child would compile its
    Python modules again at each run (tally's start-up about 0.1 s longer), so the bytecode is
    written once to bench/data/pycache instead, for every program alike."""
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        env.setdefault("PYTHONPYCACHEPREFIX", str(DATA / "pycache"))
    return env


def run(
    cmd: list[str], ok: tuple[int, ...] = (0, 4), out: bool = False
) -> tuple[float, float, str]:
    """Wall-clock seconds, the child's peak RSS in MB, and its output if asked."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE if out else subprocess.DEVNULL, env=environment()
    )
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{cmd[:4]} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024, stdout


def best(cmd: list[str], repeat: int, ok: tuple[int, ...] = (0, 4)) -> tuple[float, float]:
    """The fastest of ``repeat`` runs and the largest peak RSS (used by bench_recount)."""
    runs = [run(cmd, ok) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def prepare(kind: str, n_ballots: int) -> Path:
    """The benchmark election folder (generated once, kept under bench/data/)."""
    DATA.mkdir(exist_ok=True)
    folder = DATA / f"{kind}-{n_ballots}"
    folder.mkdir(exist_ok=True)
    ballots = folder / "ballots.csv"
    if not ballots.exists():
        generate(ballots, n_ballots, kind)
    election(folder, ballots, n_ballots)
    return folder


def tally_figures(text: str) -> dict[str, object]:
    rnd = json.loads(text)["contests"][0]["rounds"][0]
    by_position = sorted(rnd["candidates"], key=lambda c: c["position"])
    return {
        "valid": rnd["ballots"]["valid"],
        "invalid": rnd["ballots"]["invalid"],
        "votes": [c["votes"] for c in by_position],
    }


def programs(folder: Path, others: bool = True) -> dict[str, list[str]]:
    ballots = str(folder / "ballots.csv")
    py = sys.executable
    args = [ballots, str(N_CANDIDATES), str(SEATS)]
    progs = {"read": [py, "-c", READ_ONLY, ballots]}
    if others:
        progs["plain"] = [py, "-c", PLAIN, *args]
        for name, script, module in (("polars", POLARS, "polars"), ("duckdb", DUCKDB, "duckdb")):
            if _installed(module):
                progs[name] = [py, "-c", script, *args]
    progs["tally"] = [py, "-m", "tally", "count", str(folder), "--json"]
    return progs


def _installed(module: str) -> bool:
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
    return subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def measure(kind: str, n_ballots: int, repeat: int = 1, others: bool = True) -> dict[str, float]:
    """Best seconds and peak RSS (MB) of each program, interleaved; figures checked equal."""
    folder = prepare(kind, n_ballots)
    progs = programs(folder, others)
    times: dict[str, list[float]] = {name: [] for name in progs}
    mbs: dict[str, float] = dict.fromkeys(progs, 0.0)
    for _ in range(repeat):
        figures: dict[str, dict[str, object]] = {}
        for name, cmd in progs.items():
            s, mb, out = run(cmd, out=name != "read")
            times[name].append(s)
            mbs[name] = max(mbs[name], mb)
            if name == "tally":
                figures[name] = tally_figures(out)
            elif name != "read":
                figures[name] = json.loads(out)
        for name, got in figures.items():
            if got != figures["tally"]:
                raise SystemExit(
                    f"{kind}: {name} disagrees with tally: {got} != {figures['tally']}"
                )
    result: dict[str, float] = {}
    for name in progs:
        result[f"{name}_s"] = min(times[name])
        result[f"{name}_mb"] = mbs[name]
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ballots", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=1, help="best of N interleaved runs")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--scaling", help="sizes (comma-separated): tally's time and RSS by size")
    args = ap.parse_args()
    if args.scaling:
        print(f"{'ballots':>12}{'read s':>9}{'tally s':>9}{'µs/ballot':>11}{'tally MB':>10}")
        for n in map(int, args.scaling.split(",")):
            m = measure("realistic", n, args.repeat, others=False)
            per = m["tally_s"] / n * 1e6
            print(
                f"{n:>12,}{m['read_s']:>9.2f}{m['tally_s']:>9.2f}{per:>11.2f}{m['tally_mb']:>10.0f}"
            )
        return
    print(f"{args.ballots:,} ballots × {N_CANDIDATES} candidates, {SEATS} seats")
    print(f"{'file':<12}{'program':<12}{'seconds':>9}{'× tally':>9}{'peak RSS MB':>13}")
    for kind in args.kinds.split(","):
        m = measure(kind, args.ballots, args.repeat)
        for name in ("read", "plain", "polars", "duckdb", "tally"):
            if f"{name}_s" in m:
                s = m[f"{name}_s"]
                print(
                    f"{kind:<12}{name:<12}{s:>9.2f}{s / m['tally_s']:>9.2f}{m[f'{name}_mb']:>13.0f}"
                )


if __name__ == "__main__":
    main()
