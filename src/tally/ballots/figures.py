"""The counted figures of a round or of one counting group (:class:`Tally`).

What a per-ballot file adds up to (:mod:`tally.count`) and what a counting group's sheet
declares (:mod:`tally.ballots.sheets`) are the same figures, so the type sits below both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tally.kinds import INVALID_REASONS, InvalidReason


@dataclass
class Tally:
    """The counted figures of one round (or one counting group): mergeable by addition."""

    positions: int
    collected: int = 0
    invalid: dict[InvalidReason, int] = field(default_factory=dict)
    votes: list[int] = field(default_factory=list)  # by ballot position, 0-based
    kept: dict[int, int] | None = field(default_factory=dict)  # n_k; None when not known
    # Agree/disagree ballots only, by ballot position: the valid ballots whose row is marked
    # disagree, and those whose row has both boxes or neither. None on a strike-out ballot, or
    # when not known (a tally sheet that does not give them); never derived from the votes.
    disagree: list[int] | None = None
    unmarked: list[int] | None = None

    def __post_init__(self) -> None:
        if not self.votes:
            self.votes = [0] * self.positions
        for reason in INVALID_REASONS:
            self.invalid.setdefault(reason, 0)

    @property
    def invalid_total(self) -> int:
        return sum(self.invalid.values())

    @property
    def valid(self) -> int:
        return self.collected - self.invalid_total

    def merge(self, other: Tally) -> Tally:
        """The tally of both piles together (associative and commutative)."""
        if other.positions != self.positions:
            raise ValueError("cannot merge tallies of different lists")
        kept: dict[int, int] | None = None
        if self.kept is not None and other.kept is not None:
            kept = dict(Counter(self.kept) + Counter(other.kept))
            kept = {k: kept[k] for k in sorted(kept)}
        return Tally(
            self.positions,
            self.collected + other.collected,
            {r: self.invalid.get(r, 0) + other.invalid.get(r, 0) for r in INVALID_REASONS},
            [a + b for a, b in zip(self.votes, other.votes, strict=True)],
            kept,
            _add(self.disagree, other.disagree),
            _add(self.unmarked, other.unmarked),
        )


def _add(a: list[int] | None, b: list[int] | None) -> list[int] | None:
    """Two piles' figures by position; unknown when either pile's is."""
    if a is None or b is None:
        return None
    return [x + y for x, y in zip(a, b, strict=True)]
