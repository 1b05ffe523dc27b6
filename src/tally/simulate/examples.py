"""The ballot files of the example elections (``examples/``), generated deterministically.

    python -m tally.simulate.examples [EXAMPLES]           # (re)write every ballots/*.csv
    python -m tally.simulate.examples [EXAMPLES] --check   # compare, write nothing (exit 1)

Each example's ``election.yaml`` is the one source of its lists: the ballot order and the
seats of every round are read from it with the config loader. What is given here are the
targets: for every ballot file, the votes each candidate must get and the ballots set apart
(invalid ones, an agree/disagree ballot with a row left unusable, ...). The ordinary valid
ballots are then built to realise those targets exactly: each candidate's strikes
(``valid - votes``) are spread over the ballots so that every ballot keeps no more names
than seats and strikes fewer than all of them (a greedy bipartite degree construction,
Gale–Ryser). Every file is recounted from its CSV text, independently of the engine, and
checked against the targets before it is written.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tally.domain.layout import layout_for
from tally.election import Contest, Election
from tally.kinds import Layout

SEED = 20200723
HEADER = ["ballot", "struck", "unmarked", "invalid"]


@dataclass(frozen=True)
class Marks:
    """One ballot as the counter sees it: 1-based positions, and a reason seen on paper."""

    struck: frozenset[int] = frozenset()
    unmarked: frozenset[int] = frozenset()
    invalid: str = ""  # only reasons seen on paper: not_issued, write_in, marked


# A special ballot is either fixed, or drawn with the file's random generator.
Special = Marks | Callable[[random.Random, int], Marks]


@dataclass
class Spec:
    """One ballot file: which round of which example, its target votes, the ballots set apart."""

    folder: str  # under examples/
    contest: str
    round: int  # 1-based
    votes: dict[str, int]  # target votes per candidate (the round's candidates, any order)
    collected: int  # ballots in the box (= rows of the file)
    specials: list[Special] = field(default_factory=list)
    expected_invalid: dict[str, int] = field(default_factory=dict)  # by reason, asserted
    max_extra_strikes: int | None = None  # strike layout: cap on strikes beyond the minimum


@dataclass(frozen=True)
class Target:
    """A spec with its round's list and seats, as election.yaml gives them."""

    spec: Spec
    path: str  # relative to examples/: the round's ballot file
    body: str
    candidates: list[str]
    seats: int

    @property
    def layout(self) -> Layout:
        return layout_for(self.body, len(self.candidates), self.seats)


class Unrealisable(ValueError):
    """The targets of a ballot file cannot be met (a spec does not fit its election)."""


def _check(ok: bool, target: Target, what: object) -> None:
    if not ok:
        raise Unrealisable(f"{target.path}: {what}")


# --------------------------------------------------------------------------- counting


def invalid_reason(b: Marks, n: int, seats: int, layout: Layout) -> str:
    """The reason a ballot is invalid, or '' (rules.md §4): a plain reading of the marks."""
    if b.invalid:
        return b.invalid
    if layout == "strike":
        if len(b.struck) == n:
            return "all_struck"
        return "too_many_kept" if n - len(b.struck) > seats else ""
    return "no_choice" if len(b.unmarked) == n else ""


def count(
    ballots: list[Marks], n: int, seats: int, layout: Layout
) -> tuple[list[int], Counter[str]]:
    """Votes per position and invalid ballots by reason."""
    votes = [0] * n
    invalid: Counter[str] = Counter()
    for b in ballots:
        reason = invalid_reason(b, n, seats, layout)
        if reason:
            invalid[reason] += 1
            continue
        for pos in range(1, n + 1):
            if pos not in b.struck and pos not in b.unmarked:
                votes[pos - 1] += 1
    return votes, invalid


# --------------------------------------------------------------------------- building


def _per_ballot(t: Target, rng: random.Random, regular: int, total: int) -> list[int]:
    """Strikes on each regular ballot: a strike ballot keeps 1..seats names; an agree/disagree
    ballot may disagree with any number of rows (all rows disagree is still valid)."""
    n = len(t.candidates)
    if t.layout == "strike":
        lo, hi = n - t.seats, n - 1
        if t.spec.max_extra_strikes is not None:
            hi = min(hi, lo + t.spec.max_extra_strikes)
    else:
        lo, hi = 0, n
    _check(regular * lo <= total <= regular * hi, t, (regular, lo, hi, total))
    per_ballot = [lo] * regular
    extra = total - regular * lo
    open_ = [i for i in range(regular) if per_ballot[i] < hi]
    while extra:
        i = rng.choice(open_)
        per_ballot[i] += 1
        extra -= 1
        if per_ballot[i] == hi:
            open_.remove(i)
    return per_ballot


def realise(t: Target, rng: random.Random) -> list[Marks]:
    """The ballots of one file, in the order they are written."""
    spec, n = t.spec, len(t.candidates)
    specials = [s(rng, n) if callable(s) else s for s in spec.specials]
    special_votes, special_invalid = count(specials, n, t.seats, t.layout)
    _check(dict(special_invalid) == spec.expected_invalid, t, special_invalid)
    regular = spec.collected - len(specials)
    strikes = []  # strikes each candidate needs among the regular (valid) ballots
    for pos, pid in enumerate(t.candidates):
        need = spec.votes[pid] - special_votes[pos]
        _check(0 <= need <= regular, t, (pid, need, regular))
        strikes.append(regular - need)
    remaining = _per_ballot(t, rng, regular, sum(strikes))
    # Each candidate, most-struck first, is struck on the ballots with the most strikes
    # still to place (ties broken at random): this always succeeds when a realisation exists.
    struck: list[set[int]] = [set() for _ in range(regular)]
    for pos in sorted(range(n), key=lambda p: (-strikes[p], p)):
        order = sorted(range(regular), key=lambda i: (-remaining[i], rng.random()))
        for i in order[: strikes[pos]]:
            _check(remaining[i] > 0, t, "no realisation")
            remaining[i] -= 1
            struck[i].add(pos + 1)
    _check(not any(remaining), t, "strikes left over")
    ballots = [Marks(frozenset(s)) for s in struck] + specials
    rng.shuffle(ballots)
    return ballots


def to_csv(ballots: list[Marks]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for serial, b in enumerate(ballots, 1):
        struck = " ".join(str(p) for p in sorted(b.struck))
        unmarked = " ".join(str(p) for p in sorted(b.unmarked))
        w.writerow([serial, struck, unmarked, b.invalid])
    return out.getvalue()


def from_csv(text: str) -> list[Marks]:
    rows = list(csv.DictReader(io.StringIO(text)))
    return [
        Marks(
            frozenset(int(x) for x in r["struck"].split()),
            frozenset(int(x) for x in r["unmarked"].split()),
            r["invalid"],
        )
        for r in rows
    ]


def build(t: Target) -> str:
    """The CSV text of one ballot file, recounted from the text and checked."""
    text = to_csv(realise(t, random.Random(f"{SEED}:{t.path}")))
    ballots = from_csv(text)
    votes, invalid = count(ballots, len(t.candidates), t.seats, t.layout)
    _check(len(ballots) == t.spec.collected, t, len(ballots))
    _check(dict(zip(t.candidates, votes, strict=True)) == t.spec.votes, t, votes)
    _check(dict(invalid) == t.spec.expected_invalid, t, invalid)
    return text


# --------------------------------------------------------------------------- specials


def strike_some(k: int, invalid: str = "") -> Callable[[random.Random, int], Marks]:
    """A ballot striking ``k`` names drawn at random (k = n: every name)."""

    def make(rng: random.Random, n: int) -> Marks:
        return Marks(frozenset(rng.sample(range(1, n + 1), min(k, n))), invalid=invalid)

    return make


def strike_all(rng: random.Random, n: int) -> Marks:
    return Marks(frozenset(range(1, n + 1)))


UNTOUCHED = Marks()  # nothing struck: on a surplus list, too many kept


# --------------------------------------------------------------------------- the examples


def _votes(ids: str, votes: Sequence[int]) -> dict[str, int]:
    return dict(zip(ids.split(), votes, strict=True))


# huyen-2020: delegates congress, base 293 (300 − 4 − 3), threshold 147; first conference
# of the new committee: base 15, threshold 8.
# xa-2025: members congress, base 110 (120 − 3 − 2 − 1 − 4), threshold 56.
# phuong-hdnd-2026: constituency, base = valid ballots (2251) → 1126 needed; 2310 issued,
# 2300 came back in the box (10 not returned).
SPECS: list[Spec] = [
    Spec(
        "huyen-2020",
        "bch",
        1,
        _votes(
            "hvb ntb lmc tvc pqd vtd dvh nvh bth ndk vvl tvl dtm lvn hvp dvq mvt cvt",
            [
                262,
                231,
                279,
                248,
                214,
                146,
                240,
                205,
                236,
                268,
                203,
                209,
                121,
                226,
                219,
                97,
                201,
                253,
            ],
        ),
        290,
        specials=[strike_some(2), strike_all, strike_some(3, "marked")],
        expected_invalid={"too_many_kept": 1, "all_struck": 1, "marked": 1},
        max_extra_strikes=5,
    ),
    Spec(
        "huyen-2020",
        "dbct",
        1,
        _votes(
            "hvb ntb lmc tvc dvh nvh bth ndk lvn cvt hthu pvto",
            [268, 251, 276, 236, 219, 207, 228, 259, 194, 243, 138, 121],
        ),
        290,
        specials=[UNTOUCHED, strike_some(2, "write_in")],
        expected_invalid={"too_many_kept": 1, "write_in": 1},
        max_extra_strikes=4,
    ),
    Spec(
        "huyen-2020",
        "dbdk",
        1,
        {"lvd": 142, "tthi": 201, "hvt": 131},
        290,
        specials=[strike_all, UNTOUCHED],
        expected_invalid={"all_struck": 1, "too_many_kept": 1},
    ),
    Spec(
        "huyen-2020",
        "dbdk",
        2,
        {"lvd": 165, "hvt": 122},
        288,
        specials=[UNTOUCHED],
        expected_invalid={"too_many_kept": 1},
    ),
    Spec(
        "huyen-2020",
        "btv",
        1,
        {"hvb": 14, "ntb": 12, "lmc": 15, "tvc": 8, "ndk": 11, "cvt": 9},
        15,
    ),
    Spec("huyen-2020", "bt", 1, {"lmc": 14}, 15),
    Spec(
        "huyen-2020",
        "pbt",
        1,
        {"hvb": 12, "ntb": 11},
        15,
        # row 1 both boxes, row 2 agree: valid, hvb +0, ntb +1;
        # both rows unusable: no usable row, invalid.
        specials=[Marks(unmarked=frozenset({1})), Marks(unmarked=frozenset({1, 2}))],
        expected_invalid={"no_choice": 1},
    ),
    Spec(
        "huyen-2020",
        "ubkt",
        1,
        {"tth": 13, "ndk": 15, "pvk": 11, "mvt": 12, "dvt": 7, "ltv": 10},
        15,
    ),
    Spec("huyen-2020", "cnubkt", 1, {"ndk": 14}, 15),
    Spec(
        "xa-2025",
        "bch",
        1,
        _votes(
            "ttka lvb htd vvg nth pmh dvl stsl tvq mvta lqt",
            [92, 95, 101, 84, 79, 64, 98, 73, 64, 88, 41],
        ),
        108,
        specials=[strike_some(1), strike_some(2, "marked")],
        expected_invalid={"too_many_kept": 1, "marked": 1},
        max_extra_strikes=4,
    ),
    Spec(
        "xa-2025",
        "bch",
        2,
        {"pmh": 63, "tvq": 44},
        108,
        specials=[UNTOUCHED],
        expected_invalid={"too_many_kept": 1},
    ),
    Spec(
        "xa-2025",
        "bt",
        1,
        {"htd": 98},
        108,
        specials=[Marks(unmarked=frozenset({1}))],  # both boxes: no usable row
        expected_invalid={"no_choice": 1},
    ),
    Spec(
        "xa-2025",
        "dbct",
        1,
        _votes("ttka lvb htd nth dvl cvn", [87, 80, 99, 71, 93, 38]),
        108,
        specials=[strike_all],
        expected_invalid={"all_struck": 1},
    ),
    Spec(
        "phuong-hdnd-2026",
        "hdnd",
        1,
        _votes("ntth tqh ltnl pvm dtp", [1577, 1219, 1342, 1219, 962]),
        2300,
        specials=[UNTOUCHED] * 19
        + [strike_some(1)] * 12  # 31 keep 4 or 5 of 5
        + [strike_all] * 12
        + [strike_some(2, "write_in")] * 6,
        expected_invalid={"too_many_kept": 31, "all_struck": 12, "write_in": 6},
        max_extra_strikes=1,
    ),
]


def _election(folder: Path) -> Election:
    """The example's election.yaml as a model (its shape only: the ballot files it names
    may not exist yet)."""
    from tally.config.loader import ELECTION_FILE
    from tally.yamlsrc import load_yaml

    data, _ = load_yaml(folder / ELECTION_FILE)
    return Election.model_validate(data)


def target(root: Path, spec: Spec, elections: dict[str, Election]) -> Target:
    """The spec with its round's list, seats and ballot file from election.yaml."""
    if spec.folder not in elections:
        elections[spec.folder] = _election(root / spec.folder)
    contest: Contest = elections[spec.folder].contest(spec.contest)
    rnd = contest.rounds[spec.round - 1]
    candidates = list(rnd.candidates or contest.candidates)
    seats = rnd.seats or contest.seats or 0
    path = f"{spec.folder}/{rnd.ballots}"
    t = Target(spec, path, contest.body, candidates, seats)
    _check(sorted(candidates) == sorted(spec.votes), t, "the targets name other candidates")
    return t


def example_ballots(root: Path) -> dict[str, str]:
    """Every example ballot file (path relative to ``root``) and its text."""
    elections: dict[str, Election] = {}
    out: dict[str, str] = {}
    for spec in SPECS:
        t = target(root, spec, elections)
        out[t.path] = build(t)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Write the example ballot files, or (``--check``) list the stale ones and exit 1."""
    ap = argparse.ArgumentParser(prog="python -m tally.simulate.examples")
    ap.add_argument("root", nargs="?", type=Path, default=Path("examples"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    root: Path = args.root
    stale = []
    for rel, text in example_ballots(root).items():
        path = root / rel
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(rel)
    for rel in stale:
        print(rel, file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
