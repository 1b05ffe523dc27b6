"""Count and check one election end to end: what ``tally check`` (and a batch recount) runs.

The list and electorate checks of ``tally validate`` (without the plan's before-the-vote
checks), the count, then the chain and the personnel plan against the counted result. What
the count warned about (empty rows skipped in a ballot file) is a warning finding here.
"""

from __future__ import annotations

from dataclasses import dataclass

from tally.checks import check_counted, validate
from tally.config.loader import LoadedElection
from tally.engine import ElectionResult, count_election, counted_polls
from tally.findings import Finding, sort_findings
from tally.plan_checks import PlanReport, after_vote, body_results


@dataclass(frozen=True)
class Audit:
    result: ElectionResult
    plan: PlanReport
    findings: tuple[Finding, ...]  # list checks and plan checks together, sorted


def audit(loaded: LoadedElection) -> Audit:
    election, rules = loaded.election, loaded.rules
    result = count_election(loaded)
    listed = validate(election, rules, counted_polls(loaded), plan=False)
    plan = after_vote(election, rules, body_results(result))
    counted = check_counted(election, rules, result)
    return Audit(result, plan, tuple(sort_findings([*listed.findings, *plan.findings, *counted])))
