"""JSON documents of design.md: deterministic (sorted keys, UTF-8, trailing newline)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tally import __version__
from tally.checks import ValidationReport
from tally.findings import Lang
from tally.ruleset.models import UNVERIFIED, RuleSet

TOOL = f"tally {__version__}"


def dumps(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def assumption(rules: RuleSet, key: str) -> str | None:
    """``"U: decision.tie — QĐ 190-QĐ/TW … (note)"`` for an I/U parameter, else None."""
    param = rules.param(key)
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
