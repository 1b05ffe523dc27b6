"""Deciding the winners of one round (rules.md §5), and reconciling its figures (§6). Pure.

Rank those who pass the threshold by votes, high to low (ballot position breaks display
order only); the first ``seats`` are elected. Candidates tied across the last seat are not
elected by this ballot under the party rules (the congress re-votes among them); under the
state law the older person wins. Fewer passers than seats leave open seats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal, assert_never

from tally.ballots.figures import Tally
from tally.domain.electorate import passes
from tally.i18n import Msg, Param, Worded, msg
from tally.kinds import Outcome, ProblemCode, Status
from tally.kinds import TieResolution as TieRule
from tally.shares import at_least

if TYPE_CHECKING:
    from tally.ruleset.models import AdditionalPolicy

__all__ = [
    "Cut",
    "Decision",
    "Outcome",
    "Problem",
    "Status",
    "Tie",
    "TieRule",
    "after_open_seats",
    "cut_at_last_seat",
    "decide",
    "percent",
]


@dataclass(frozen=True)
class Tie:
    candidates: tuple[int, ...]  # positions (0-based) of the tied, in ballot order
    votes: int
    seats: int  # seats left for them
    resolved_by_age: tuple[int, ...] = ()  # state law: positions elected as the older


@dataclass(frozen=True)
class Decision:
    order: tuple[int, ...]  # every position, by votes desc then ballot position
    passed: tuple[bool, ...]  # by position
    status: tuple[Status, ...]  # by position
    elected: tuple[int, ...]  # positions, in order of votes
    open_seats: int
    outcome: Outcome
    tie: Tie | None


@dataclass(frozen=True)
class Cut:
    """The first ``seats`` places of a ranking: who takes one, who is tied across the last."""

    taken: tuple[int, ...]  # sure of a place, in ranked order (everyone when none is tied)
    tied: tuple[int, ...]  # tied on the votes of the last place, in ranked order; () if none


def cut_at_last_seat(ranked: Sequence[int], votes: Sequence[int], seats: int) -> Cut:
    """Give ``seats`` places to ``ranked`` (positions by votes, high to low).

    All take one when they are no more than the places. Otherwise the first ``seats`` do,
    unless the one after the last place has as many votes as it: then those above the last
    place's votes take one and everyone on those votes is tied for the places left (fewer
    than the tied), for the tie rule or the meeting to settle. No places: nobody, no tie.
    The cut of an election (:func:`decide`) and of a nomination poll's admissions under the
    list's cap (:mod:`tally.engine`).
    """
    if len(ranked) <= seats:
        return Cut(tuple(ranked), ())
    if seats == 0:
        return Cut((), ())
    last = votes[ranked[seats - 1]]
    if votes[ranked[seats]] < last:
        return Cut(tuple(ranked[:seats]), ())
    above = tuple(i for i in ranked if votes[i] > last)
    return Cut(above, tuple(i for i in ranked if votes[i] == last))


def decide(
    votes: list[int],
    seats: int,
    base: int,
    majority: Fraction,
    tie_rule: TieRule,
    born: list[dt.date | None] | None = None,
) -> Decision:
    """Who is elected by this round's votes."""
    n = len(votes)
    order = tuple(sorted(range(n), key=lambda i: (-votes[i], i)))
    passed = tuple(passes(v, base, majority) for v in votes)
    passers = [i for i in order if passed[i]]
    status: list[Status] = ["not_elected"] * n
    tie: Tie | None = None
    cut = cut_at_last_seat(passers, votes, seats)
    elected = list(cut.taken)
    if cut.tied:
        tied = list(cut.tied)
        last, left = votes[tied[0]], seats - len(cut.taken)
        by_age = _older_first(tied, left, born) if tie_rule == "older_wins" else None
        if by_age is not None:
            elected += by_age
            tie = Tie(tuple(sorted(tied)), last, left, tuple(by_age))
        else:
            tie = Tie(tuple(sorted(tied)), last, left)
            for i in tied:
                status[i] = "tie"
    for i in elected:
        status[i] = "elected"
    open_seats = seats - len(elected)
    outcome: Outcome = "complete"
    if tie is not None and not tie.resolved_by_age:
        outcome = "tie"
    elif open_seats:
        outcome = "shortfall"
    return Decision(order, passed, tuple(status), tuple(elected), open_seats, outcome, tie)


# A People's Council with fewer than two thirds of its seats filled holds an additional election
# (Luật 85/2015/QH13 Điều 79 as amended by Luật 83/2025/QH15).
TWO_THIRDS = Fraction(2, 3)


def after_open_seats(
    policy: AdditionalPolicy, seats: int, elected: int, additional_left: bool
) -> Outcome:
    """What follows a round that leaves seats open under a state rule set (Luật 85/2015/QH13
    Điều 79 as amended by Luật 83/2025/QH15).

    ``seats`` and ``elected`` are the whole contest's (every round's elected); once the
    additional elections the rule set allows are spent (``additional_left`` false) the result is
    final whatever is still open: there is never a second additional election. Otherwise a
    People's Council (``under_two_thirds``) holds one only when fewer than two thirds of its seats
    are filled (not at least :data:`TWO_THIRDS`: 3·elected < 2·seats); for the National Assembly
    (``council_decides``) the National Election Council decides.
    """
    if not additional_left:
        return "final"
    if policy == "council_decides":
        return "council_decides"
    if policy == "under_two_thirds":
        return "final" if at_least(elected, seats, TWO_THIRDS) else "additional_due"
    assert_never(policy)


def _older_first(
    tied: list[int], seats: int, born: list[dt.date | None] | None
) -> list[int] | None:
    """Luật Bầu cử 2015 Điều 78: the older wins. None if the birth dates cannot decide."""
    if born is None or any(born[i] is None for i in tied):
        return None
    ranked = sorted(tied, key=lambda i: born[i] or dt.date.max)
    if born[ranked[seats - 1]] == born[ranked[seats]]:
        return None  # the same birth date across the cut: the law does not say
    return ranked[:seats]


@dataclass(frozen=True)
class Problem(Worded):
    """A figure that does not add up; any problem rejects the round (exit 3).

    A round's ``warnings`` use the same shape for what the board must see but that does not
    reject the round (empty rows skipped in a ballot file). ``message`` is worded when shown.
    """

    code: str
    message: Msg
    expected: int | None = None
    actual: int | None = None

    def __post_init__(self) -> None:
        # A registered code is a ProblemCode; kept as its plain value, the contract's string.
        object.__setattr__(self, "code", str(self.code))


def _problem(
    code: ProblemCode, expected: int | None, actual: int | None, **params: Param
) -> Problem:
    """The problem ``code`` worded by the catalogue entry ``problem.<code>``."""
    return Problem(code, msg(f"problem.{code}", **params), expected, actual)


def reconcile(
    tally: Tally,
    issued: int | None,
    seats: int,
    declared_collected: int | None = None,
    groups: int = 1,
) -> list[Problem]:
    """Every consistency rule of rules.md §6 that the figures break."""
    out: list[Problem] = []
    valid = tally.valid
    collected = tally.collected
    if issued is not None and collected > issued:
        out.append(
            _problem(
                ProblemCode.COLLECTED_OVER_ISSUED,
                issued,
                collected,
                collected=collected,
                issued=issued,
            )
        )
    if declared_collected is not None and declared_collected != collected:
        code = "collected_mismatch.groups" if groups > 1 else "collected_mismatch.file"
        mismatch = msg(f"problem.{code}", declared=declared_collected, collected=collected)
        out.append(Problem(ProblemCode.COLLECTED_MISMATCH, mismatch, declared_collected, collected))
    if valid < 0:
        invalid = tally.invalid_total
        out.append(
            _problem(
                ProblemCode.INVALID_OVER_COLLECTED,
                collected,
                invalid,
                invalid=invalid,
                collected=collected,
            )
        )
        return out
    for pos, v in enumerate(tally.votes):
        if v > valid:
            said = msg("problem.votes_over_valid", position=pos + 1, votes=v, valid=valid)
            out.append(Problem(ProblemCode.VOTES_OVER_VALID, said, valid, v))
        elif v < 0:
            negative = msg("problem.votes_negative", position=pos + 1, votes=v)
            out.append(Problem(ProblemCode.VOTES_OVER_VALID, negative, valid, v))
    out += _rows_problems(tally)
    total = sum(tally.votes)
    most = min(seats, tally.positions)
    cap = most * valid
    if total > cap:
        out.append(
            _problem(ProblemCode.VOTES_OVER_SEATS, cap, total, total=total, seats=most, valid=valid)
        )
    if tally.kept is not None and tally.kept:
        weighted = sum(k * c for k, c in tally.kept.items())
        ballots = sum(tally.kept.values())
        if weighted != total:
            out.append(
                _problem(ProblemCode.KEPT_MISMATCH, weighted, total, total=total, weighted=weighted)
            )
        if ballots != valid:
            out.append(
                _problem(
                    ProblemCode.KEPT_COUNT_MISMATCH, valid, ballots, ballots=ballots, valid=valid
                )
            )
        over = [k for k in tally.kept if k > seats or k < 0]
        if over:
            out.append(
                _problem(ProblemCode.KEPT_OVER_SEATS, seats, over[0], kept=over[0], seats=seats)
            )
    return out


def _rows_problems(tally: Tally) -> list[Problem]:
    """Agree/disagree figures: each person's agree, disagree and unmarked rows are the valid
    ballots (all three known), or at most them (one of the last two not known)."""
    out: list[Problem] = []
    valid = tally.valid
    for pos, agree in enumerate(tally.votes):
        disagree = tally.disagree[pos] if tally.disagree is not None else None
        unmarked = tally.unmarked[pos] if tally.unmarked is not None else None
        if disagree is None and unmarked is None:
            continue
        total = agree + (disagree or 0) + (unmarked or 0)
        if disagree is not None and unmarked is not None:
            if total != valid:
                said = msg(
                    "problem.rows_mismatch",
                    position=pos + 1,
                    agree=agree,
                    disagree=disagree,
                    unmarked=unmarked,
                    valid=valid,
                )
                out.append(Problem(ProblemCode.ROWS_MISMATCH, said, valid, total))
        elif total > valid:
            said = msg("problem.rows_mismatch.over", position=pos + 1, total=total, valid=valid)
            out.append(Problem(ProblemCode.ROWS_MISMATCH, said, valid, total))
    return out


def percent(votes: int, base: int, decimals: int, rounding: Literal["truncate", "half_up"]) -> str:
    """``votes / base`` as a percentage string, exact: 5/35 → "14.28" truncated, "14.29" half-up."""
    if base <= 0:
        return ""
    scale = 10**decimals
    if rounding == "truncate":
        units = (votes * 100 * scale) // base
    else:
        units = (2 * votes * 100 * scale + base) // (2 * base)
    whole, frac = divmod(units, scale)
    return f"{whole}.{frac:0{decimals}d}" if decimals else str(whole)
