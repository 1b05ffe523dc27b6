"""The ballot layout and the caps on a list's length (rules.md §3, §4)."""

from __future__ import annotations

from tally.election import Contest
from tally.kinds import Layout
from tally.ruleset.models import RuleSet
from tally.shares import most_within


def layout_for(body: str, candidates: int, seats: int) -> Layout:
    """A list longer than the seats is struck out; otherwise each row is agree/disagree."""
    if body == "nomination_poll":
        return "agree_disagree"
    return "strike" if candidates > seats else "agree_disagree"


def ballot_layout(contest: Contest) -> Layout:
    return layout_for(contest.body, len(contest.candidates), contest.seats or 0)


def max_list_length(rules: RuleSet, body: str, seats: int) -> int | None:
    """The longest list the rules allow: the small-body cap, else the 30% cap; None if none."""
    small = rules.lists.small_body.value
    if small and body in small.bodies and seats <= small.max_seats:
        return seats + small.max_surplus
    cap = rules.lists.surplus_max.value
    if cap and body in cap.bodies:
        return seats + most_within(seats, cap.share)
    return None
