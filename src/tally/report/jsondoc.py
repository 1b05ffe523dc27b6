"""The JSON renderer: the documents of design.md from the typed reports.

Deterministic (sorted keys, UTF-8, a trailing newline). The key names are a contract: the
documents are what they were when the JSON was the report model, byte for byte.
"""

from __future__ import annotations

import json

from tally.domain.meetings import Meeting
from tally.findings import Lang
from tally.report.model import (
    CandidateLine,
    CheckReport,
    ContestReport,
    CountReport,
    RoundReport,
    RowCount,
    TieReport,
    ValidateReport,
)
from tally.report.text import appointed_sentence, assumption_text, problem_text
from tally.shares import format_quantity


def dumps(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def validation_doc(report: ValidateReport, lang: Lang) -> dict[str, object]:
    """The ``tally validate --json`` document."""
    return {
        "election": report.election,
        "rules": report.rules,
        "tool": report.tool,
        "inputs": dict(report.inputs),
        "contests": [
            {
                "id": c.id,
                "body": c.body,
                "seats": c.seats,
                "candidates": c.candidates,
                "surplus": c.surplus,
                "layout": c.layout,
                "at": c.at,
                "base": c.base,
                "base_kind": c.base_kind,
                "base_parts": dict(c.base_parts),
                "threshold": c.threshold,
                "present": c.present,
                "assumptions": [assumption_text(a) for a in c.assumptions],
            }
            for c in report.contests
        ],
        "findings": [f.to_json(lang) for f in report.findings],
        "errors": report.errors,
        "warnings": report.warnings,
    }


def _tie_doc(tie: TieReport | None) -> dict[str, object] | None:
    if tie is None:
        return None
    return {
        "candidates": list(tie.candidates),
        "votes": tie.votes,
        "seats": tie.seats,
        "resolution": tie.resolution,
        "elected_by_age": list(tie.elected_by_age),
        "rule": tie.cite,
    }


def _row_doc(row: RowCount | None) -> dict[str, object] | None:
    return None if row is None else {"count": row.count, "pct_of_base": row.pct_of_base}


def _candidate_doc(c: CandidateLine) -> dict[str, object]:
    doc: dict[str, object] = {
        "id": c.id,
        "position": c.position,
        "name": c.name,
        "votes": c.votes,
        "pct_of_base": c.pct_of_base,
        "passed": c.passed,
        "status": c.status,
    }
    if c.rows_shown:  # agree/disagree ballots only: a strike-out round's document is unchanged
        doc["agree"] = _row_doc(c.agree)
        doc["disagree"] = _row_doc(c.disagree)
        doc["unmarked"] = _row_doc(c.unmarked)
    return doc


def round_doc(rd: RoundReport, lang: Lang) -> dict[str, object]:
    b = rd.ballots
    doc: dict[str, object] = {
        "round": rd.number,
        "seats": rd.seats,
        "layout": rd.layout,
        "base": rd.base,
        "base_kind": rd.base_kind,
        "base_parts": dict(rd.base_parts),
        "threshold": rd.threshold,
        "present": rd.present,
        "registered": rd.registered,
        "ballots": {
            "issued": b.issued,
            "collected": b.collected,
            "valid": b.valid,
            "invalid": b.invalid,
            "invalid_by_reason": dict(b.invalid_by_reason),
            "kept": {str(k): c for k, c in b.kept} if b.kept is not None else None,
        },
        "candidates": [_candidate_doc(c) for c in rd.candidates],
        "elected": list(rd.elected),
        "outcome": rd.outcome,
        "open_seats": rd.open_seats,
        "tie": _tie_doc(rd.tie),
        "assumptions": [assumption_text(a) for a in rd.assumptions],
        "rules_applied": [
            {"rule": r.key, "cite": r.cite, "provenance": r.provenance} for r in rd.rules_applied
        ],
        "problems": [
            {
                "code": p.code,
                "message": problem_text(p, lang),
                "expected": p.expected,
                "actual": p.actual,
            }
            for p in rd.problems
        ],
        "confirmation": "pending" if rd.pending_confirmation else None,
    }
    if rd.warnings:  # only when there are any: the document of a clean file is unchanged
        doc["warnings"] = [
            {"code": w.code, "message": problem_text(w, lang), "actual": w.actual}
            for w in rd.warnings
        ]
    if rd.poll is not None:
        doc["poll"] = {
            "for": rd.poll.target,
            "attending": rd.poll.attending,
            "needed": rd.poll.needed,
            "slots": rd.poll.slots,
            "admitted": list(rd.poll.admitted),
            "tied": list(rd.poll.tied),
        }
    if rd.rerun:  # only then: the re-run after a void round
        doc["rerun"] = True
    if rd.within_days is not None:  # only then: an additional election or a re-run is due
        doc["within_days"] = rd.within_days
    if rd.meeting is not None:  # only then: a session of its own (a re-vote at a later sitting)
        doc["meeting"] = meeting_doc(rd.meeting, lang)
    return doc


def meeting_doc(held: Meeting, lang: Lang) -> dict[str, object]:
    """A meeting that votes: a contest's conference, or a round's session of its own."""
    return {
        "at": held.at,
        "name": held.title(lang),
        "date": held.date.isoformat(),
        "place": held.place,
        "board": {"head": held.board_head, "members": list(held.board_members)},
    }


def contest_doc(c: ContestReport, lang: Lang) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": c.id,
        "body": c.body,
        "name": c.name,
        "seats": c.seats,
        "rounds": [round_doc(rd, lang) for rd in c.rounds],
        "elected": list(c.elected),
        "outcome": c.outcome,
    }
    if c.meeting.at == "conference":  # only then: the congress is the document's own `election`
        entry["meeting"] = meeting_doc(c.meeting, lang)
    if c.appointed is not None:  # only then: appointed by decision, no rounds
        entry["appointed"] = {
            "decision": c.appointed.decision,
            "date": c.appointed.date.isoformat(),
            "by": c.appointed.by,
            "members": list(c.appointed.members),
            "message": appointed_sentence(c.appointed, lang),
        }
    due = c.not_entered
    if due is not None:  # only then, as 'poll' is only on a poll's round
        entry["not_entered"] = {
            "round": due.round,
            "files": list(due.files),
            "message": due.message(lang),
            "hint": due.hint(lang),
        }
    return entry


def count_doc(report: CountReport, lang: Lang) -> dict[str, object]:
    """The ``tally count --json`` document of design.md."""
    return {
        "election": report.election,
        "rules": report.rules,
        "tool": report.tool,
        "inputs": dict(report.inputs),
        "contests": [contest_doc(c, lang) for c in report.contests],
    }


def check_doc(report: CheckReport, lang: Lang) -> dict[str, object]:
    """The ``tally check --json`` document: the count document plus the plan and its findings."""
    from tally.plan_checks import target_label  # `tally check` only: not on count's path

    doc = count_doc(report.count, lang)
    plan = report.plan
    doc["plan"] = (
        {
            "approved_by": plan.approved_by,
            "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
            "bodies": list(plan.bodies),
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
            "pct": row.pct,
            "unknown": row.unknown,
            "met": row.met,
        }
        for row in report.structure
    ]
    doc["findings"] = [f.to_json(lang) for f in report.findings]
    doc["errors"] = report.errors
    doc["warnings"] = report.warnings
    doc["infos"] = report.infos
    return doc
