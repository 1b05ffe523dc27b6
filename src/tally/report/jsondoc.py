"""JSON documents of design.md: deterministic (sorted keys, UTF-8, trailing newline)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tally import __version__
from tally.audit import audit
from tally.checks import ValidationReport
from tally.config.loader import LoadedElection
from tally.decide import percent
from tally.engine import ContestResult, ElectionResult, RoundResult
from tally.errors import EXIT_NEEDS_VOTE, EXIT_NOT_RECONCILED, EXIT_OK, EXIT_RULE_FAILED
from tally.findings import Finding, Lang
from tally.fingerprint import input_digests
from tally.plan_checks import PlanReport, target_label
from tally.ruleset.models import UNVERIFIED, RuleSet
from tally.shares import format_quantity

TOOL = f"tally {__version__}"


def dumps(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def assumption(rules: RuleSet, key: str) -> str | None:
    """``"U: decision.tie — QĐ 190-QĐ/TW … (note)"`` for an I/U parameter, else None.

    A key that is not a rule-set parameter (``plan.bodies.committee.seats``: the approved plan
    in election.yaml) rests on no reading of a regulation.
    """
    try:
        param = rules.param(key)
    except KeyError:
        return None
    if param.provenance not in UNVERIFIED:
        return None
    note = f" ({param.note})" if param.note else ""
    return f"{param.provenance}: {key} — {param.cite}{note}"


def assumptions(rules: RuleSet, keys: list[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        text = assumption(rules, key)
        if text and text not in out:
            out.append(text)
    return out


def validation_doc(
    report: ValidationReport, lang: Lang, inputs: dict[str, str]
) -> dict[str, object]:
    rules = report.rules
    contests = []
    for cp in report.contests:
        c = cp.contest
        keys = ["decision.majority", f"decision.base.{cp.base.param_key}"]
        keys += [f.rule for f in report.findings if f.contest == c.id and f.rule]
        contests.append(
            {
                "id": c.id,
                "body": c.body,
                "seats": c.seats,
                "candidates": len(c.candidates),
                "surplus": len(c.candidates) - c.seats if c.seats is not None else None,
                "layout": cp.layout,
                "at": "conference" if cp.base.at_conference else "congress",
                "base": cp.base.value,
                "base_kind": cp.base.kind,
                "base_parts": {p.key: p.sign * p.count for p in cp.base.parts},
                "threshold": cp.threshold,
                "present": cp.base.present,
                "assumptions": assumptions(rules, keys),
            }
        )
    return {
        "election": report.election.congress.name,
        "rules": rules.id,
        "tool": TOOL,
        "inputs": inputs,
        "contests": contests,
        "findings": [f.to_json(lang) for f in report.findings],
        "errors": sum(1 for f in report.findings if f.severity == "error"),
        "warnings": sum(1 for f in report.findings if f.severity == "warning"),
    }


def _tie_doc(rr: RoundResult, tie_rule: str) -> dict[str, object] | None:
    if rr.decision is None or rr.decision.tie is None:
        return None
    tie = rr.decision.tie
    return {
        "candidates": [rr.candidates[i] for i in tie.candidates],
        "votes": tie.votes,
        "seats": tie.seats,
        "resolution": "older_wins" if tie.resolved_by_age else "revote",
        "elected_by_age": [rr.candidates[i] for i in tie.resolved_by_age],
        "rule": tie_rule,
    }


def round_doc(
    result: ElectionResult, cr: ContestResult, rr: RoundResult, lang: Lang
) -> dict[str, object]:
    loaded = result.loaded
    rules = loaded.rules
    people = loaded.election.people_by_id
    pct_rule = rules.report.percent.value
    tally = rr.tally
    candidates = []
    for i, pid in enumerate(rr.candidates):
        votes = tally.votes[i]
        entry: dict[str, object] = {
            "id": pid,
            "position": i + 1,
            "name": people[pid].name if pid in people else pid,
            "votes": votes,
            "pct_of_base": percent(votes, rr.base_value, pct_rule.decimals, pct_rule.rounding)
            if rr.base_value
            else None,
            "passed": rr.decision.passed[i] if rr.decision else None,
            "status": rr.decision.status[i] if rr.decision else None,
        }
        if rr.poll is not None:
            entry["status"] = (
                "admitted"
                if pid in rr.poll.admitted
                else "tie"
                if pid in rr.poll.tied
                else "not_admitted"
            )
            entry["passed"] = votes >= rr.poll.needed
        candidates.append(entry)
    elected = [rr.candidates[i] for i in rr.decision.elected] if rr.decision else []
    doc: dict[str, object] = {
        "round": rr.number,
        "seats": rr.seats,
        "layout": rr.layout,
        "base": rr.base_value,
        "base_kind": rr.base.kind,
        "base_parts": {p.key: p.sign * p.count for p in rr.base.parts},
        "threshold": rr.threshold,
        "present": rr.present,
        "registered": loaded.election.electorate.registered,
        "ballots": {
            "issued": rr.issued,
            "collected": tally.collected,
            "valid": tally.valid,
            "invalid": tally.invalid_total,
            "invalid_by_reason": {r: c for r, c in tally.invalid.items() if c},
            "kept": {str(k): c for k, c in tally.kept.items()} if tally.kept is not None else None,
        },
        "candidates": candidates,
        "elected": elected,
        "outcome": rr.outcome,
        "open_seats": rr.decision.open_seats if rr.decision else (0 if rr.poll else rr.seats),
        "tie": _tie_doc(rr, rules.decision.tie.cite),
        "assumptions": assumptions(rules, list(rr.rule_keys)),
        "rules_applied": [
            {"rule": k, "cite": rules.param(k).cite, "provenance": rules.param(k).provenance}
            for k in rr.rule_keys
        ],
        "problems": [
            {
                "code": p.code,
                "message": p.vi if lang == "vi" else p.en,
                "expected": p.expected,
                "actual": p.actual,
            }
            for p in rr.problems
        ],
        "confirmation": "pending" if rules.decision.confirmation.value else None,
    }
    if rr.warnings:  # only when there are any: the document of a clean file is unchanged
        doc["warnings"] = [
            {"code": w.code, "message": w.vi if lang == "vi" else w.en, "actual": w.actual}
            for w in rr.warnings
        ]
    if rr.poll is not None:
        doc["poll"] = {
            "for": rr.poll.target,
            "attending": rr.poll.attending,
            "needed": rr.poll.needed,
            "slots": rr.poll.slots,
            "admitted": list(rr.poll.admitted),
            "tied": list(rr.poll.tied),
        }
    return doc


def count_doc(result: ElectionResult, lang: Lang, inputs: dict[str, str]) -> dict[str, object]:
    """The ``tally count --json`` document of design.md."""
    loaded = result.loaded
    contests = []
    for cr in result.contests:
        c = cr.contest
        last = cr.last
        due = cr.not_entered
        entry: dict[str, object] = {
            "id": c.id,
            "body": c.body,
            "name": c.name,
            "seats": c.seats,
            "rounds": [round_doc(result, cr, rr, lang) for rr in cr.rounds],
            "elected": cr.elected,
            "outcome": "not_entered" if due else last.outcome if last else "not_counted",
        }
        if due is not None:  # only then, as 'poll' is only on a poll's round
            entry["not_entered"] = {
                "round": due.round,
                "files": list(due.files),
                "message": due.message(lang),
                "hint": due.hint(lang),
            }
        contests.append(entry)
    return {
        "election": loaded.election.congress.name,
        "rules": loaded.rules.id,
        "tool": TOOL,
        "inputs": inputs,
        "contests": contests,
    }


def check_doc(
    result: ElectionResult,
    report: PlanReport,
    findings: list[Finding],
    lang: Lang,
    inputs: dict[str, str],
) -> dict[str, object]:
    """The ``tally check --json`` document: the count document plus the plan and its findings."""
    doc = count_doc(result, lang, inputs)
    plan = result.loaded.election.plan
    doc["plan"] = (
        {
            "approved_by": plan.approved_by,
            "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
            "bodies": sorted(plan.bodies),
        }
        if plan is not None
        else None
    )
    doc["structure"] = [
        {
            "body": row.body,
            "target": row.target,
            "label": target_label(row.target, row.spec, lang),
            "age_below": row.spec.age_below,
            "attribute": row.spec.attribute,
            "min": format_quantity(row.min) if row.min is not None else None,
            "max": format_quantity(row.max) if row.max is not None else None,
            "needed": row.needed,
            "count": row.count,
            "of": row.of,
            "pct": percent(row.count, row.of, 2, "truncate") if row.of else None,
            "unknown": row.unknown,
            "met": row.met,
        }
        for row in report.structure
    ]
    doc["findings"] = [f.to_json(lang) for f in findings]
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        doc[key] = sum(1 for f in findings if f.severity == severity)
    return doc


def check_document(loaded: LoadedElection, lang: Lang) -> dict[str, object]:
    """Count and check one election: the document ``tally check --json`` prints.

    ``tally check`` and ``tally recount`` both call this, so a batch gives each election
    exactly the document a single check gives.
    """
    done = audit(loaded)
    return check_doc(done.result, done.plan, list(done.findings), lang, input_digests(loaded))


def count_exit_code(doc: Mapping[str, Any]) -> int:
    """3 if any round's figures do not reconcile; 4 if a tie, open seats or a void result remain."""
    outcomes = [r["outcome"] for c in doc["contests"] for r in c["rounds"]]
    finals = [c["outcome"] for c in doc["contests"]]
    if "rejected" in outcomes:
        return EXIT_NOT_RECONCILED
    # A contest not yet voted (say the conference, later in the day) or whose ballots are not
    # entered yet still needs its vote.
    if any(o in ("tie", "shortfall", "void", "not_counted", "not_entered") for o in finals):
        return EXIT_NEEDS_VOTE
    return EXIT_OK


def check_exit_code(doc: Mapping[str, Any], fail_on: str) -> int:
    """The most serious of: 3 figures do not reconcile · 1 a check failed · 4 a vote is due.

    A failed check outranks a pending vote: a planned post-holder not elected stops the next
    election whatever else is pending.
    """
    counted = count_exit_code(doc)
    if counted == EXIT_NOT_RECONCILED:
        return counted
    if doc["errors"] or (fail_on == "warning" and doc["warnings"]):
        return EXIT_RULE_FAILED
    return counted
