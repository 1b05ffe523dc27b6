#!/usr/bin/env python3
"""Generate the ballot files of the example elections, deterministically (stdlib only).

    python examples/make_ballots.py            # (re)write every ballots/*.csv
    python examples/make_ballots.py --check    # regenerate in memory, compare with the files

The target figures come first: for every ballot file, the votes each candidate must get
and the ballots that are set apart (invalid ones, an agree/disagree ballot with a row left
unusable, ...). The ordinary valid ballots are then built to realise those targets exactly:
each candidate's strikes (``valid - votes``) are spread over the ballots so that every
ballot keeps no more names than seats and strikes fewer than all of them (a greedy
bipartite degree construction, Gale–Ryser). Every file is recounted from its CSV text and
checked against the targets before it is written.

The candidate lists below repeat the ballot order of each ``election.yaml`` (position 1 is
the first line of the ballot); keep the two in step when editing either.

Ballot CSV (shared/design.md): ``ballot,struck,unmarked,invalid``. ``struck`` lists the
1-based positions struck out (agree/disagree ballots: the rows marked *disagree*);
``unmarked`` lists agree/disagree rows with both or neither box; ``invalid`` is only what
the counter sees on paper (not_issued, write_in, marked). Too many kept, all struck and
no usable row are derived from the marks and never typed.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20200723
HERE = Path(__file__).resolve().parent
HEADER = ["ballot", "struck", "unmarked", "invalid"]


@dataclass(frozen=True)
class Ballot:
    struck: frozenset[int] = frozenset()
    unmarked: frozenset[int] = frozenset()
    invalid: str = ""  # only reasons seen on paper: not_issued, write_in, marked


# A special ballot is either fixed, or drawn with the file's random generator.
Special = Ballot | Callable[[random.Random, int], Ballot]


@dataclass
class Spec:
    """One ballot file: its list, seats, target votes and the ballots set apart."""

    path: str  # relative to examples/
    candidates: list[str]  # ballot order
    seats: int
    votes: dict[str, int]  # target votes per candidate
    collected: int  # ballots in the box (= rows of the file)
    specials: list[Special] = field(default_factory=list)
    expected_invalid: dict[str, int] = field(default_factory=dict)  # by reason, asserted
    max_extra_strikes: int | None = None  # strike layout: cap on strikes beyond the minimum


# --------------------------------------------------------------------------- counting


def layout(n: int, seats: int) -> str:
    return "strike" if n > seats else "agree_disagree"


def invalid_reason(b: Ballot, n: int, seats: int) -> str:
    """The reason a ballot is invalid, or '' (rules.md §4)."""
    if b.invalid:
        return b.invalid
    if layout(n, seats) == "strike":
        if len(b.struck) == n:
            return "all_struck"
        if n - len(b.struck) > seats:
            return "too_many_kept"
        return ""
    if len(b.unmarked) == n:
        return "no_choice"
    return ""


def count(ballots: list[Ballot], n: int, seats: int) -> tuple[list[int], Counter[str]]:
    votes = [0] * n
    invalid: Counter[str] = Counter()
    for b in ballots:
        reason = invalid_reason(b, n, seats)
        if reason:
            invalid[reason] += 1
            continue
        for pos in range(1, n + 1):
            if pos not in b.struck and pos not in b.unmarked:
                votes[pos - 1] += 1
    return votes, invalid


# --------------------------------------------------------------------------- building


def realise(spec: Spec, rng: random.Random) -> list[Ballot]:
    n, seats = len(spec.candidates), spec.seats
    specials = [s(rng, n) if callable(s) else s for s in spec.specials]
    special_votes, special_invalid = count(specials, n, seats)
    assert dict(special_invalid) == spec.expected_invalid, (spec.path, special_invalid)
    regular = spec.collected - len(specials)

    # Strikes each candidate needs among the regular (valid) ballots.
    strikes = []
    for pos, pid in enumerate(spec.candidates):
        need = spec.votes[pid] - special_votes[pos]
        assert 0 <= need <= regular, (spec.path, pid, need, regular)
        strikes.append(regular - need)
    total = sum(strikes)

    # Strikes per ballot: a strike ballot keeps 1..seats names; an agree/disagree ballot
    # may disagree with any number of rows (all rows disagree is still a valid ballot).
    if layout(n, seats) == "strike":
        lo, hi = n - seats, n - 1
        if spec.max_extra_strikes is not None:
            hi = min(hi, lo + spec.max_extra_strikes)
    else:
        lo, hi = 0, n
    assert regular * lo <= total <= regular * hi, (spec.path, regular, lo, hi, total)
    per_ballot = [lo] * regular
    extra = total - regular * lo
    open_ = [i for i in range(regular) if per_ballot[i] < hi]
    while extra:
        i = rng.choice(open_)
        per_ballot[i] += 1
        extra -= 1
        if per_ballot[i] == hi:
            open_.remove(i)

    # Each candidate, most-struck first, is struck on the ballots with the most strikes
    # still to place (ties broken at random): this always succeeds when a realisation exists.
    remaining = per_ballot[:]
    struck: list[set[int]] = [set() for _ in range(regular)]
    for pos in sorted(range(n), key=lambda p: (-strikes[p], p)):
        order = sorted(range(regular), key=lambda i: (-remaining[i], rng.random()))
        for i in order[: strikes[pos]]:
            assert remaining[i] > 0, (spec.path, "no realisation")
            remaining[i] -= 1
            struck[i].add(pos + 1)
    assert not any(remaining), (spec.path, "strikes left over")

    ballots = [Ballot(frozenset(s)) for s in struck] + specials
    rng.shuffle(ballots)
    return ballots


def to_csv(ballots: list[Ballot]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for serial, b in enumerate(ballots, 1):
        w.writerow(
            [
                serial,
                " ".join(str(p) for p in sorted(b.struck)),
                " ".join(str(p) for p in sorted(b.unmarked)),
                b.invalid,
            ]
        )
    return out.getvalue()


def from_csv(text: str) -> list[Ballot]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(r["ballot"]) for r in rows] == list(range(1, len(rows) + 1))
    return [
        Ballot(
            frozenset(int(x) for x in r["struck"].split()),
            frozenset(int(x) for x in r["unmarked"].split()),
            r["invalid"],
        )
        for r in rows
    ]


def build(spec: Spec) -> str:
    rng = random.Random(f"{SEED}:{spec.path}")
    text = to_csv(realise(spec, rng))
    # Recount from the text itself: what is written is what was aimed at.
    ballots = from_csv(text)
    n = len(spec.candidates)
    votes, invalid = count(ballots, n, spec.seats)
    assert len(ballots) == spec.collected, spec.path
    assert dict(zip(spec.candidates, votes, strict=True)) == spec.votes, (spec.path, votes)
    assert dict(invalid) == spec.expected_invalid, (spec.path, invalid)
    return text


# --------------------------------------------------------------------------- specials


def strike_some(k: int, invalid: str = "") -> Callable[[random.Random, int], Ballot]:
    """A ballot striking ``k`` names drawn at random (k = n: every name)."""

    def make(rng: random.Random, n: int) -> Ballot:
        return Ballot(frozenset(rng.sample(range(1, n + 1), min(k, n))), invalid=invalid)

    return make


def strike_all(rng: random.Random, n: int) -> Ballot:
    return Ballot(frozenset(range(1, n + 1)))


UNTOUCHED = Ballot()  # nothing struck: on a surplus list, too many kept


# --------------------------------------------------------------------------- the examples

# huyen-2020: delegates congress, base 293 (300 − 4 − 3), threshold 147; first conference
# of the new committee: base 15, threshold 8.
BCH_HUYEN = ["hvb", "ntb", "lmc", "tvc", "pqd", "vtd", "dvh", "nvh", "bth",
             "ndk", "vvl", "tvl", "dtm", "lvn", "hvp", "dvq", "mvt", "cvt"]  # fmt: skip
BCH_HUYEN_VOTES = [262, 231, 279, 248, 214, 146, 240, 205, 236,
                   268, 203, 209, 121, 226, 219, 97, 201, 253]  # fmt: skip
DBCT_HUYEN = ["hvb", "ntb", "lmc", "tvc", "dvh", "nvh", "bth", "ndk", "lvn", "cvt", "hthu", "pvto"]
DBCT_HUYEN_VOTES = [268, 251, 276, 236, 219, 207, 228, 259, 194, 243, 138, 121]
BTV_HUYEN = ["hvb", "ntb", "lmc", "tvc", "ndk", "cvt"]
UBKT_HUYEN = ["tth", "ndk", "pvk", "mvt", "dvt", "ltv"]

# xa-2025: members congress, base 110 (120 − 3 − 2 − 1 − 4), threshold 56.
BCH_XA = ["ttka", "lvb", "htd", "vvg", "nth", "pmh", "dvl", "stsl", "tvq", "mvta", "lqt"]
BCH_XA_VOTES = [92, 95, 101, 84, 79, 64, 98, 73, 64, 88, 41]
DBCT_XA = ["ttka", "lvb", "htd", "nth", "dvl", "cvn"]
DBCT_XA_VOTES = [87, 80, 99, 71, 93, 38]

# phuong-hdnd-2026: constituency, base = valid ballots (2251) → 1126 needed.
HDND = ["ntth", "tqh", "ltnl", "pvm", "dtp"]
HDND_VOTES = [1577, 1219, 1342, 1219, 962]


def spec_votes(ids: list[str], votes: list[int]) -> dict[str, int]:
    return dict(zip(ids, votes, strict=True))


SPECS: list[Spec] = [
    # ---- huyen-2020 -----------------------------------------------------------------
    Spec(
        "huyen-2020/ballots/bch-1.csv",
        BCH_HUYEN,
        15,
        spec_votes(BCH_HUYEN, BCH_HUYEN_VOTES),
        290,
        specials=[strike_some(2), strike_all, strike_some(3, "marked")],
        expected_invalid={"too_many_kept": 1, "all_struck": 1, "marked": 1},
        max_extra_strikes=5,
    ),
    Spec(
        "huyen-2020/ballots/dbct-1.csv",
        DBCT_HUYEN,
        10,
        spec_votes(DBCT_HUYEN, DBCT_HUYEN_VOTES),
        290,
        specials=[UNTOUCHED, strike_some(2, "write_in")],
        expected_invalid={"too_many_kept": 1, "write_in": 1},
        max_extra_strikes=4,
    ),
    Spec(
        "huyen-2020/ballots/dbdk-1.csv",
        ["lvd", "tthi", "hvt"],
        2,
        {"lvd": 142, "tthi": 201, "hvt": 131},
        290,
        specials=[strike_all, UNTOUCHED],
        expected_invalid={"all_struck": 1, "too_many_kept": 1},
    ),
    Spec(
        "huyen-2020/ballots/dbdk-2.csv",
        ["lvd", "hvt"],
        1,
        {"lvd": 165, "hvt": 122},
        288,
        specials=[UNTOUCHED],
        expected_invalid={"too_many_kept": 1},
    ),
    Spec(
        "huyen-2020/ballots/btv-1.csv",
        BTV_HUYEN,
        5,
        {"hvb": 14, "ntb": 12, "lmc": 15, "tvc": 8, "ndk": 11, "cvt": 9},
        15,
    ),
    Spec("huyen-2020/ballots/bt-1.csv", ["lmc"], 1, {"lmc": 14}, 15),
    Spec(
        "huyen-2020/ballots/pbt-1.csv",
        ["hvb", "ntb"],
        2,
        {"hvb": 12, "ntb": 11},
        15,
        # row 1 both boxes, row 2 agree: valid, hvb +0, ntb +1;
        # both rows unusable: no usable row, invalid.
        specials=[Ballot(unmarked=frozenset({1})), Ballot(unmarked=frozenset({1, 2}))],
        expected_invalid={"no_choice": 1},
    ),
    Spec(
        "huyen-2020/ballots/ubkt-1.csv",
        UBKT_HUYEN,
        5,
        {"tth": 13, "ndk": 15, "pvk": 11, "mvt": 12, "dvt": 7, "ltv": 10},
        15,
    ),
    Spec("huyen-2020/ballots/cnubkt-1.csv", ["ndk"], 1, {"ndk": 14}, 15),
    # ---- xa-2025 ----------------------------------------------------------------------
    Spec(
        "xa-2025/ballots/bch-1.csv",
        BCH_XA,
        9,
        spec_votes(BCH_XA, BCH_XA_VOTES),
        108,
        specials=[strike_some(1), strike_some(2, "marked")],
        expected_invalid={"too_many_kept": 1, "marked": 1},
        max_extra_strikes=4,
    ),
    Spec(
        "xa-2025/ballots/bch-2.csv",
        ["pmh", "tvq"],
        1,
        {"pmh": 63, "tvq": 44},
        108,
        specials=[UNTOUCHED],
        expected_invalid={"too_many_kept": 1},
    ),
    Spec(
        "xa-2025/ballots/bt-1.csv",
        ["htd"],
        1,
        {"htd": 98},
        108,
        specials=[Ballot(unmarked=frozenset({1}))],  # both boxes: no usable row
        expected_invalid={"no_choice": 1},
    ),
    Spec(
        "xa-2025/ballots/dbct-1.csv",
        DBCT_XA,
        5,
        spec_votes(DBCT_XA, DBCT_XA_VOTES),
        108,
        specials=[strike_all],
        expected_invalid={"all_struck": 1},
    ),
    # ---- phuong-hdnd-2026 ---------------------------------------------------------------
    # 2310 issued, 2300 came back in the box (10 not returned).
    Spec(
        "phuong-hdnd-2026/ballots/hdnd-1.csv",
        HDND,
        3,
        spec_votes(HDND, HDND_VOTES),
        2300,
        specials=[UNTOUCHED] * 19
        + [strike_some(1)] * 12  # 31 keep 4 or 5 of 5
        + [strike_all] * 12
        + [strike_some(2, "write_in")] * 6,
        expected_invalid={"too_many_kept": 31, "all_struck": 12, "write_in": 6},
        max_extra_strikes=1,
    ),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the files, write nothing")
    args = ap.parse_args(argv)
    stale = []
    for spec in SPECS:
        text = build(spec)
        target = HERE / spec.path
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                stale.append(spec.path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {spec.path} ({spec.collected} ballots)")
    if stale:
        print("out of date (run examples/make_ballots.py):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
