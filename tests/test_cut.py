"""The cut at the last seat, written once (tally.decide.cut_at_last_seat): the election's
decision and the nomination poll's admissions under the list's cap both go through it."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally.decide import Cut, cut_at_last_seat, decide


def ranked(votes: list[int]) -> list[int]:
    return sorted(range(len(votes)), key=lambda i: (-votes[i], i))


@pytest.mark.parametrize(
    ("votes", "seats", "cut"),
    [
        ([9, 7, 5], 3, Cut((0, 1, 2), ())),  # as many as the seats: all
        ([9, 7], 3, Cut((0, 1), ())),  # fewer: all, seats left open
        ([9, 7, 5, 3], 2, Cut((0, 1), ())),  # the next one has fewer votes
        ([9, 7, 7, 3], 2, Cut((0,), (1, 2))),  # tied across the last seat
        ([9, 7, 7, 7], 3, Cut((0,), (1, 2, 3))),  # three on the last two seats' votes
        ([5, 5, 5], 2, Cut((), (0, 1, 2))),  # everyone tied, fewer seats
        ([9, 9, 3], 2, Cut((0, 1), ())),  # tied within the seats: no tie at the cut
        ([3, 7, 7, 9], 3, Cut((3, 1, 2), ())),  # taken in ranked order
        ([9, 7, 5], 0, Cut((), ())),  # no place left under the cap
        ([], 2, Cut((), ())),
    ],
)
def test_cut(votes: list[int], seats: int, cut: Cut) -> None:
    assert cut_at_last_seat(ranked(votes), votes, seats) == cut


@given(st.lists(st.integers(0, 6), max_size=9), st.integers(0, 10))
def test_cut_gives_no_more_places_than_seats(votes: list[int], seats: int) -> None:
    order = ranked(votes)
    cut = cut_at_last_seat(order, votes, seats)
    assert len(cut.taken) <= seats
    assert list(cut.taken) == order[: len(cut.taken)]  # the top of the ranking
    if cut.tied:
        # the tied compete for the places left, which are fewer than they are
        assert len(cut.taken) < seats < len(cut.taken) + len(cut.tied)
        assert len({votes[i] for i in cut.tied}) == 1
        assert all(votes[i] > votes[cut.tied[0]] for i in cut.taken)
        assert list(cut.tied) == order[len(cut.taken) : len(cut.taken) + len(cut.tied)]
    else:
        assert len(cut.taken) == min(seats, len(votes))


def test_decide_ties_across_the_last_seat_through_the_cut() -> None:
    votes = [160, 150, 150, 100]
    d = decide(votes, 2, 290, Fraction(1, 2), "revote")
    assert d.elected == (0,)
    assert d.tie is not None and d.tie.candidates == (1, 2) and d.tie.seats == 1
    assert d.outcome == "tie"
    assert d.status == ("elected", "tie", "tie", "not_elected")


def test_decide_exactly_half_does_not_pass() -> None:
    d = decide([146, 145], 2, 290, Fraction(1, 2), "revote")  # 145 is exactly half of 290
    assert d.passed == (True, False)
    assert d.elected == (0,) and d.open_seats == 1 and d.outcome == "shortfall"
