"""The majority base and threshold of a contest (rules.md §2), in integers.

A winner needs strictly more than ``majority`` (½) of the base: ``2 * votes > base``. For
party elections the base comes from the electorate, never from the ballots; under the state
law it is the number of valid ballots, known only after the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tally.domain.bodies import meets_at_conference
from tally.election import Contest, Election
from tally.ruleset.models import BaseKind, Param, RuleSet
from tally.shares import more_than, needed_more_than


@dataclass(frozen=True)
class BasePart:
    """One term of the base: ``key`` names the electorate figure, ``sign`` is +1 or -1."""

    key: str
    count: int
    sign: int


@dataclass(frozen=True)
class MajorityBase:
    kind: BaseKind
    value: int | None  # None while it depends on ballots not yet counted
    parts: tuple[BasePart, ...]
    present: int | None  # voters present at the vote, if known
    summoned: int | None
    at_conference: bool
    param: Param[BaseKind]
    param_key: str  # the meeting kind whose base rule applies


def passes(votes: int, base: int, majority: Fraction) -> bool:
    """Strictly more than ``majority`` of ``base``: ``den * votes > num * base``."""
    return more_than(votes, base, majority)


def threshold(base: int, majority: Fraction) -> int:
    """The fewest votes that pass: base 293 → 147, base 290 → 146."""
    return needed_more_than(base, majority)


def conference_summoned(election: Election) -> int | None:
    if election.congress.kind == "committee_conference":
        return election.electorate.summoned
    if election.conference and election.conference.summoned is not None:
        return election.conference.summoned
    for contest in election.contests:
        if contest.body == "committee":
            return contest.seats
    return None


def exclusion_parts(election: Election) -> tuple[BasePart, ...]:
    """The summoned who leave the base of a congress, by category (rules.md §2).

    Zero terms are kept here; :func:`majority_base` drops them from what it shows.
    """
    e = election.electorate
    kind = election.congress.kind
    if kind == "delegates_congress" and e.absent_all_congress:
        absent = e.absent_all_congress
        return (
            BasePart("absent_all_congress.ex_officio", absent.ex_officio, -1),
            BasePart("absent_all_congress.delegates_unreplaced", absent.delegates_unreplaced, -1),
        )
    if kind == "members_congress":
        return tuple(
            BasePart(key, getattr(e, key) or 0, -1)
            for key in (
                "attached_elsewhere",
                "exempt_absent",
                "suspended_or_prosecuted",
                "absent_all_congress_approved",
            )
        )
    return ()


def exclusions(election: Election) -> int:
    """How many summoned leave the base of a congress (rules.md §2): the sum of the parts."""
    return sum(part.count for part in exclusion_parts(election))


def majority_base(election: Election, rules: RuleSet, contest: Contest) -> MajorityBase:
    """The base this contest's winners are measured against, and how it is made up."""
    kind = election.congress.kind
    at_conf = meets_at_conference(election, contest) and kind != "committee_conference"
    meeting = "committee_conference" if at_conf else kind
    param = rules.decision.base.for_kind(meeting)
    e = election.electorate
    if at_conf:
        summoned = conference_summoned(election)
        present = election.conference.present if election.conference else None
        parts: tuple[BasePart, ...] = (BasePart("conference.summoned", summoned or 0, +1),)
    elif kind == "constituency":
        return MajorityBase(param.value, None, (), None, e.registered, False, param, meeting)
    else:
        summoned = e.summoned
        present = e.present
        parts = (BasePart("summoned", summoned or 0, +1),)
        if e.not_summoned:  # outside 'summoned' already: shown, never subtracted twice
            roll = "roll.delegates" if kind == "delegates_congress" else "roll.members"
            parts = (
                BasePart(roll, (summoned or 0) + e.not_summoned, +1),
                BasePart("not_summoned", e.not_summoned, -1),
            )
        parts += exclusion_parts(election)
        parts = tuple(p for p in parts if p.sign > 0 or p.count)
    if param.value != "summoned_minus_exclusions":
        # a base of ballots (valid or collected) is known after the count and made of no
        # electorate figure: the summoned are not part of it
        return MajorityBase(param.value, None, (), present, summoned, at_conf, param, meeting)
    if summoned is None:
        return MajorityBase(param.value, None, parts, present, summoned, at_conf, param, meeting)
    value = sum(p.sign * p.count for p in parts)
    return MajorityBase(param.value, value, parts, present, summoned, at_conf, param, meeting)
