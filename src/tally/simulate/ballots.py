"""Ballots drawn one by one, a tie planted at the cut, and the files they are written to."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from tally.domain.layout import layout_for
from tally.kinds import Layout
from tally.simulate.names import permille, weighted


@dataclass
class Ballot:
    struck: tuple[int, ...]  # 0-based positions struck (agree/disagree: rows marked disagree)
    unmarked: tuple[int, ...] = ()  # agree/disagree: rows with both boxes or none
    invalid: str = ""  # the reason the tool will find: typed on paper or derived from marks
    typed: bool = False  # the reason is written in the file (seen on paper)


@dataclass
class Pile:
    """One round's ballots as drawn: everything the files and the decision need."""

    n: int
    seats: int
    layout: Layout
    ballots: list[Ballot]

    def valid(self) -> list[Ballot]:
        return [b for b in self.ballots if not b.invalid]

    def votes(self) -> list[int]:
        votes = [0] * self.n
        for b in self.ballots:
            if b.invalid:
                continue
            gone = set(b.struck) | set(b.unmarked)
            for i in range(self.n):
                if i not in gone:
                    votes[i] += 1
        return votes

    def kept(self, b: Ballot) -> int:
        return self.n - len(b.struck) - len(b.unmarked)


def strike_some(rng: random.Random, weights: Sequence[int], k: int) -> tuple[int, ...]:
    """``k`` distinct positions, each drawn with probability proportional to its weight."""
    w = list(weights)
    total = sum(w)
    out: list[int] = []
    for _ in range(k):
        r = rng.randrange(total)
        i = 0
        while r >= w[i]:
            r -= w[i]
            i += 1
        out.append(i)
        total -= w[i]
        w[i] = 0
    return tuple(sorted(out))


def draw_pile(
    rng: random.Random,
    n: int,
    seats: int,
    collected: int,
    dislike: Sequence[int],
    *,
    invalid_permille: int,
    full_permille: int,
    body: str = "committee",
) -> Pile:
    """Draw ``collected`` ballots for a list of ``n`` names and ``seats`` seats.

    ``dislike`` weighs each name: a strike-out ballot strikes names with probability in
    proportion to it; on an agree/disagree ballot it is the per-mille chance of *disagree*.
    ``full_permille`` of the valid strike-out ballots keep exactly ``seats`` names; the others
    strike one to three more. The layout is the one the count uses (:func:`layout_for`).
    """
    layout = layout_for(body, n, seats)
    ballots: list[Ballot] = []
    for _ in range(collected):
        if permille(rng, invalid_permille):
            ballots.append(_invalid_ballot(rng, n, seats, layout, dislike))
        elif layout == "strike":
            keep = seats
            if not permille(rng, full_permille) and seats > 1:
                keep = max(1, seats - rng.randint(1, 3))
            ballots.append(Ballot(strike_some(rng, dislike, n - keep)))
        else:
            ballots.append(_agree_disagree(rng, n, dislike))
    return Pile(n, seats, layout, ballots)


def _agree_disagree(rng: random.Random, n: int, dislike: Sequence[int]) -> Ballot:
    disagree: list[int] = []
    unmarked: list[int] = []
    for i in range(n):
        r = rng.randrange(1000)
        if r < 3 and n > 1:
            unmarked.append(i)  # both boxes or none on this row: no vote, still valid
        elif r < 3 + dislike[i]:
            disagree.append(i)
    if len(unmarked) == n:
        unmarked.pop()
    return Ballot(tuple(disagree), tuple(unmarked))


_INVALID_STRIKE = (
    ("too_many_kept", 45),
    ("marked", 25),
    ("write_in", 15),
    ("all_struck", 12),
    ("not_issued", 3),
)
_INVALID_AGREE = (("no_choice", 50), ("marked", 35), ("write_in", 15))


def _invalid_ballot(
    rng: random.Random, n: int, seats: int, layout: Layout, dislike: Sequence[int]
) -> Ballot:
    if layout == "strike":
        reason = weighted(rng, _INVALID_STRIKE)
        if reason == "too_many_kept":  # struck fewer than the surplus (or nothing at all)
            return Ballot(strike_some(rng, dislike, rng.randrange(n - seats)), invalid=reason)
        if reason == "all_struck":
            return Ballot(tuple(range(n)), invalid=reason)
        return Ballot(strike_some(rng, dislike, n - seats), invalid=reason, typed=True)
    reason = weighted(rng, _INVALID_AGREE)
    if reason == "no_choice":
        return Ballot((), tuple(range(n)), invalid=reason)
    return Ballot((), invalid=reason, typed=True)


def plant_tie(pile: Pile, base: int | None) -> bool:
    """Bring the last elected and the first runner-up level, moving marks between ballots.

    A swap on a ballot that keeps one and strikes the other keeps the ballot's number of
    names, so it stays valid. Returns False when the two are not both well above half the
    base (the tie must be at the cut, not below the threshold).
    """
    if pile.layout != "strike":
        return False
    votes = pile.votes()
    order = sorted(range(pile.n), key=lambda i: (-votes[i], i))
    a, b = order[pile.seats - 1], order[pile.seats]
    valid = pile.valid()
    cut = base if base is not None else len(valid)
    if not 2 * votes[b] > cut + 2:
        return False
    diff = votes[a] - votes[b]
    for ballot in valid:
        if diff < 2:
            break
        if b in ballot.struck and a not in ballot.struck:
            ballot.struck = tuple(sorted({*ballot.struck, a} - {b}))
            diff -= 2
    if diff == 1:
        for ballot in valid:
            if a not in ballot.struck and pile.kept(ballot) >= 2:
                ballot.struck = tuple(sorted({*ballot.struck, a}))
                diff = 0
                break
    return diff == 0


def ballot_csv(pile: Pile) -> str:
    """The ballot file of design.md: ``ballot,struck,unmarked,invalid``, one row per ballot."""
    lines = ["ballot,struck,unmarked,invalid"]
    for serial, b in enumerate(pile.ballots, 1):
        struck = " ".join(str(i + 1) for i in b.struck)
        unmarked = " ".join(str(i + 1) for i in b.unmarked)
        lines.append(f"{serial},{struck},{unmarked},{b.invalid if b.typed else ''}")
    return "\n".join(lines) + "\n"


def sheet(
    group: str,
    collected: int,
    invalid: dict[str, int],
    votes: dict[str, int],
    kept: dict[int, int] | None,
) -> dict[str, object]:
    """A counting group's tally sheet (design.md), as data for the YAML dumper."""
    out: dict[str, object] = {
        "group": group,
        "collected": collected,
        "invalid": {r: c for r, c in sorted(invalid.items()) if c},
        "votes": dict(votes),
    }
    if kept is not None:
        out["kept"] = dict(sorted(kept.items()))
    return out


def sheets_from_pile(pile: Pile, candidates: Sequence[str], groups: int) -> list[dict[str, object]]:
    """Split a pile among counting groups: each group's tally sheet (with n_k)."""
    size = -(-len(pile.ballots) // groups)
    out = []
    for g in range(groups):
        part = Pile(pile.n, pile.seats, pile.layout, pile.ballots[g * size : (g + 1) * size])
        invalid: dict[str, int] = {}
        kept: dict[int, int] = {}
        for b in part.ballots:
            if b.invalid:
                invalid[b.invalid] = invalid.get(b.invalid, 0) + 1
            else:
                k = part.kept(b)
                kept[k] = kept.get(k, 0) + 1
        votes = dict(zip(candidates, part.votes(), strict=True))
        out.append(sheet(f"Tổ {g + 1}", len(part.ballots), invalid, votes, kept))
    return out
