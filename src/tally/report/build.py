"""Build the typed reports (:mod:`tally.report.model`) from the engine's and the checks' results.

Every decision a report shows is taken here, once: a candidate's name and status (a poll's
nominee is admitted, tied or not admitted), the percentages as the rule set prints them, the
open seats, a contest's outcome (its last round's, or a vote still to come), the assumptions
a round rests on. Renderers only read the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

from tally import __version__
from tally.config.loader import LoadedElection
from tally.decide import percent
from tally.domain.electorate import MajorityBase
from tally.domain.meetings import Meeting, meeting_of, session_of
from tally.engine import ContestResult, ElectionResult, RoundResult
from tally.kinds import CandidateStatus, ContestOutcome
from tally.report.model import (
    AppliedRule,
    AppointedReport,
    Assumption,
    BallotFigures,
    CandidateLine,
    CheckReport,
    ContestReport,
    CountReport,
    PlanSummary,
    PollReport,
    RoundReport,
    RowCount,
    StructureLine,
    TieReport,
    ValidateContest,
    ValidateReport,
)
from tally.ruleset.models import UNVERIFIED, Assembly, RuleSet

if TYPE_CHECKING:  # what `tally check` and `validate` need: `tally count` does not import them
    from tally.audit import Audit
    from tally.checks import ValidationReport
    from tally.plan_checks import PlanReport

TOOL = f"tally {__version__}"


def assumption(rules: RuleSet, key: str) -> Assumption | None:
    """The I/U parameter at ``key``, else None.

    A key that is not a rule-set parameter (``plan.bodies.committee.seats``: the approved plan
    in election.yaml) rests on no reading of a regulation.
    """
    try:
        param = rules.param(key)
    except KeyError:
        return None
    if param.provenance not in UNVERIFIED:
        return None
    return Assumption(param.provenance, key, param.cite, param.note, param.cite_vi, param.note_vi)


def assumptions(rules: RuleSet, keys: Iterable[str]) -> tuple[Assumption, ...]:
    """The assumptions behind ``keys``, each once, in the order of the keys."""
    out: list[Assumption] = []
    for key in keys:
        found = assumption(rules, key)
        if found is not None and found not in out:
            out.append(found)
    return tuple(out)


def base_parts(base: MajorityBase) -> tuple[tuple[str, int], ...]:
    return tuple((p.key, p.sign * p.count) for p in base.parts)


def _candidates(
    rr: RoundResult, people: Mapping[str, str], rules: RuleSet
) -> tuple[CandidateLine, ...]:
    pct_rule = rules.report.percent.value

    def share(count: int | None) -> RowCount | None:
        if count is None:
            return None
        base = rr.base_value
        pct = percent(count, base, pct_rule.decimals, pct_rule.rounding) if base else None
        return RowCount(count, pct)

    rows = rr.layout == "agree_disagree"
    disagree, unmarked = rr.tally.disagree, rr.tally.unmarked
    lines = []
    for i, pid in enumerate(rr.candidates):
        votes = rr.tally.votes[i]
        passed: bool | None = rr.decision.passed[i] if rr.decision else None
        status: CandidateStatus | None = rr.decision.status[i] if rr.decision else None
        if rr.poll is not None:
            status = (
                "admitted"
                if pid in rr.poll.admitted
                else "tie"
                if pid in rr.poll.tied
                else "not_admitted"
            )
            passed = votes >= rr.poll.needed
        lines.append(
            CandidateLine(
                pid,
                i + 1,
                people.get(pid, pid),
                votes,
                percent(votes, rr.base_value, pct_rule.decimals, pct_rule.rounding)
                if rr.base_value
                else None,
                passed,
                status,
                share(votes) if rows else None,
                share(disagree[i]) if rows and disagree is not None else None,
                share(unmarked[i]) if rows and unmarked is not None else None,
            )
        )
    return tuple(lines)


def _tie(rr: RoundResult, cite: str) -> TieReport | None:
    if rr.decision is None or rr.decision.tie is None:
        return None
    tie = rr.decision.tie
    return TieReport(
        tuple(rr.candidates[i] for i in tie.candidates),
        tie.votes,
        tie.seats,
        "older_wins" if tie.resolved_by_age else "revote",
        tuple(rr.candidates[i] for i in tie.resolved_by_age),
        cite,
    )


def round_report(
    loaded: LoadedElection, rr: RoundResult, meeting: Meeting | None = None
) -> RoundReport:
    """One counted round, every figure and status decided; ``meeting``: its own session's."""
    rules = loaded.rules
    people = {p.id: p.name for p in loaded.election.people}
    tally = rr.tally
    if rr.decision is not None:
        open_seats = rr.decision.open_seats
    else:  # a poll fills its list; a rejected or void round fills nothing
        open_seats = 0 if rr.poll is not None else rr.seats
    poll = rr.poll
    turnout = rules.decision.turnout.value
    support = rules.lists.floor_nominee_support.value
    congress = loaded.election.congress
    within_days: int | None = None
    if rr.outcome in ("additional_due", "council_decides"):
        within_days = rules.decision.later_rounds.value.within_days
    elif rr.outcome == "void" and turnout is not None:
        within_days = turnout.rerun_within_days
    return RoundReport(
        number=rr.number,
        seats=rr.seats,
        layout=rr.layout,
        base=rr.base_value,
        base_kind=rr.base.kind,
        base_parts=base_parts(rr.base),
        threshold=rr.threshold,
        majority=rules.decision.majority.value,
        turnout=turnout.more_than if turnout is not None else None,
        present=rr.present,
        registered=loaded.election.electorate.registered,
        ballots=BallotFigures(
            rr.issued,
            tally.collected,
            tally.valid,
            tally.invalid_total,
            tuple((r, c) for r, c in tally.invalid.items() if c),
            tuple(tally.kept.items()) if tally.kept is not None else None,
        ),
        candidates=_candidates(rr, people, rules),
        elected=tuple(rr.candidates[i] for i in rr.decision.elected) if rr.decision else (),
        outcome=rr.outcome,
        open_seats=open_seats,
        tie=_tie(rr, rules.decision.tie.cite),
        assumptions=assumptions(rules, rr.rule_keys),
        rules_applied=tuple(
            AppliedRule(k, rules.param(k).cite, rules.param(k).provenance, rules.param(k).cite_vi)
            for k in rr.rule_keys
        ),
        problems=rr.problems,
        warnings=rr.warnings,
        pending_confirmation=bool(rules.decision.confirmation.value),
        poll=PollReport(
            poll.target,
            poll.attending,
            poll.needed,
            support.more_than if support is not None else Fraction(0),
            poll.slots,
            poll.admitted,
            poll.tied,
        )
        if poll is not None
        else None,
        meeting=meeting,
        assembly=congress.assembly if congress.kind == "constituency" else None,
        within_days=within_days,
        rerun=rr.rerun,
    )


def contest_report(loaded: LoadedElection, cr: ContestResult) -> ContestReport:
    c = cr.contest
    last = cr.last
    outcome: ContestOutcome = (
        "appointed"
        if c.appointed is not None
        else "not_entered"
        if cr.not_entered
        else last.outcome
        if last
        else "not_counted"
    )
    people = loaded.election.people_by_id
    appointed = (
        AppointedReport(
            c.appointed.decision,
            c.appointed.date,
            c.appointed.by,
            tuple(c.members),
            tuple(people[p].name if p in people else p for p in c.members),
        )
        if c.appointed is not None
        else None
    )
    return ContestReport(
        c.id,
        c.body,
        c.name,
        c.seats,
        tuple(
            round_report(
                loaded,
                rr,
                meeting_of(loaded.election, c, rr.number - 1)
                if session_of(c, rr.number - 1)
                else None,
            )
            for rr in cr.rounds
        ),
        tuple(cr.elected),
        outcome,
        cr.not_entered,
        meeting_of(loaded.election, c),
        appointed,
    )


def count_report(result: ElectionResult, inputs: Mapping[str, str]) -> CountReport:
    """The report of ``tally count``."""
    loaded = result.loaded
    return CountReport(
        loaded.election.congress.name,
        loaded.rules.id,
        TOOL,
        tuple(inputs.items()),
        tuple(contest_report(loaded, cr) for cr in result.contests),
        _assembly(loaded),
    )


def _assembly(loaded: LoadedElection) -> Assembly | None:
    """The assembly of a state election (its words: the intended structure, not a personnel
    plan); None for a party meeting."""
    congress = loaded.election.congress
    return congress.assembly if congress.kind == "constituency" else None


def _structure(report: PlanReport) -> tuple[StructureLine, ...]:
    return tuple(
        StructureLine(
            row.body,
            row.target,
            row.spec,
            row.min,
            row.max,
            row.needed,
            row.count,
            row.of,
            percent(row.count, row.of, 2, "truncate") if row.of else None,
            row.unknown,
            row.met,
        )
        for row in report.structure
    )


def check_report(done: Audit, inputs: Mapping[str, str]) -> CheckReport:
    """The report of ``tally check``: the count, the plan's structure and every finding."""
    plan = done.result.loaded.election.plan
    return CheckReport(
        count_report(done.result, inputs),
        PlanSummary(plan.approved_by, plan.approved_on, tuple(sorted(plan.bodies)))
        if plan is not None
        else None,
        _structure(done.plan),
        done.findings,
    )


def validate_report(report: ValidationReport, inputs: Mapping[str, str]) -> ValidateReport:
    """The report of ``tally validate``: each contest's list, base and threshold; findings."""
    rules = report.rules
    contests = []
    for cp in report.contests:
        c = cp.contest
        keys = ["decision.majority", f"decision.base.{cp.base.param_key}"]
        keys += [f.rule for f in report.findings if f.contest == c.id and f.rule]
        contests.append(
            ValidateContest(
                id=c.id,
                body=c.body,
                seats=c.seats,
                candidates=len(c.candidates),
                surplus=len(c.candidates) - c.seats if c.seats is not None else None,
                layout=cp.layout,
                at="conference" if cp.base.at_conference else "congress",
                base=cp.base.value,
                base_kind=cp.base.kind,
                base_parts=base_parts(cp.base),
                base_cite=cp.base.param.cite,
                base_provenance=cp.base.param.provenance,
                threshold=cp.threshold,
                majority=rules.decision.majority.value,
                present=cp.base.present,
                assumptions=assumptions(rules, keys),
            )
        )
    congress = report.election.congress
    return ValidateReport(
        congress.name,
        congress.kind,
        congress.date,
        rules.id,
        rules.title,
        TOOL,
        tuple(inputs.items()),
        tuple(contests),
        report.findings,
    )
