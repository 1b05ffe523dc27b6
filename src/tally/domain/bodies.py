"""Bodies and their chain: where a contest is voted and which body its candidates come from.

The rule values live in the rule set (``plan.elected_from``); this module applies them to an
election (rules.md §1, §7).
"""

from __future__ import annotations

from tally.election import CONFERENCE_BODIES, Contest, Election
from tally.ruleset.models import RuleSet

# Targets the plan can name without an attribute (rules.md §7); any other key counts the
# person attribute of the same name (or the one given by 'attribute').
BUILTIN_TARGETS: frozenset[str] = frozenset({"women", "youth", "ethnic_minority", "renewal"})


def meets_at_conference(election: Election, contest: Contest) -> bool:
    """Is this contest voted by the committee's conference (not by the congress)?"""
    if election.congress.kind == "committee_conference":
        return True
    if contest.at is not None:
        return contest.at == "conference"
    return contest.body in CONFERENCE_BODIES


def elected_from(election: Election, rules: RuleSet, contest: Contest) -> tuple[str, ...]:
    """The bodies a contest's candidates come from, nearest first (rule ``plan.elected_from``).

    A secretary or deputy elected directly at the congress comes from the committee.
    """
    parents = tuple(rules.plan.elected_from.value.get(contest.body, ()))
    if contest.body in ("secretary", "deputy_secretary") and not meets_at_conference(
        election, contest
    ):
        return ("committee",)
    return parents
