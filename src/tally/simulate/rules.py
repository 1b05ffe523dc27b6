"""What the simulator reads from the rule set: every share and cap of a list, and the majority.

Nothing here is a number of its own: a list the simulator draws is as long as the rule set
allows, a floor nominee has just over the support the rule set asks, a state constituency
carries the surplus the law requires. The rule sets are loaded once per process.
"""

from __future__ import annotations

from functools import cache

from tally.domain.layout import max_list_length
from tally.ruleset.loader import load_ruleset
from tally.ruleset.models import RuleSet
from tally.shares import needed, needed_more_than


@cache
def ruleset(rule_id: str) -> RuleSet:
    """A built-in rule set, loaded once."""
    return load_ruleset(rule_id)


def slate_surplus(rules: RuleSet, body: str, seats: int) -> int:
    """The least surplus of the convening committee's slate (QĐ 190 Art. 14.1: 10–15%; a small
    body: one more name than seats, at most ``small_body.max_surplus``)."""
    small = rules.lists.small_body.value
    if small and body in small.bodies and seats <= small.max_seats:
        return min(1, small.max_surplus)
    share = rules.lists.slate_surplus.value
    least = needed(seats, share.min) if share and body in share.bodies else 0
    return max(least, 1 if body in rules.lists.surplus_required.value else 0)


def surplus_cap(rules: RuleSet, body: str, seats: int) -> int:
    """The most names over the seats the list may carry (30% of the seats, or the small-body
    cap), or the least surplus when the rule set sets no cap."""
    longest = max_list_length(rules, body, seats)
    return slate_surplus(rules, body, seats) if longest is None else longest - seats


def floor_support(rules: RuleSet, attending: int, summoned: int) -> int:
    """The least support a floor nominee needs: more than the rule's share (QĐ 190: 30% of
    those attending)."""
    rule = rules.lists.floor_nominee_support.value
    if rule is None:
        return 0
    whole = attending if rule.of == "attending" else summoned
    return needed_more_than(whole, rule.more_than)


def min_surplus(rules: RuleSet, assembly: str, seats: int) -> int:
    """The surplus the state law requires of a constituency's list (Luật 85/2015 Art. 58)."""
    for row in rules.lists.min_surplus.value:
        if row.assembly == assembly and (row.seats_up_to is None or seats <= row.seats_up_to):
            return row.surplus
    return 0
