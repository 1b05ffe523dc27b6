"""Findings: what a check found, as a catalogue message with its values, and the rule it rests on.

A finding carries no words: its :class:`~tally.i18n.Msg` (id and typed parameters) is worded
in the report's language when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from tally.i18n import Msg, Worded
from tally.kinds import Lang, Severity

__all__ = ["Cited", "Finding", "Lang", "Severity", "finding", "sort_findings"]
SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}


class Cited(Protocol):
    """Anything with a citation and a provenance: a rule-set parameter."""

    @property
    def cite(self) -> str: ...

    @property
    def provenance(self) -> str: ...


@dataclass(frozen=True)
class Finding(Worded):
    """One result of a check. ``code`` is stable: scripts and CI key on it."""

    code: str
    severity: Severity
    message: Msg
    contest: str | None = None
    person: str | None = None
    rule: str | None = None  # the rule-set parameter, e.g. lists.surplus_max
    body: str | None = None  # the body the finding is about (committee, secretary, …)
    cite: str | None = None
    provenance: str | None = None
    expected: str | int | None = None
    actual: str | int | None = None
    cite_vi: str | None = None  # the citation in Vietnamese, when the rule set gives it

    def to_json(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "body": self.body,
            "contest": self.contest,
            "person": self.person,
            "rule": self.rule,
            "cite": self.cite,
            "provenance": self.provenance,
            "expected": self.expected,
            "actual": self.actual,
            "message": self.text(lang),
        }


def finding(
    code: str,
    severity: Severity,
    message: Msg,
    *,
    rule: tuple[str, Cited] | None = None,
    contest: str | None = None,
    person: str | None = None,
    expected: str | int | None = None,
    actual: str | int | None = None,
    body: str | None = None,
) -> Finding:
    """Build a Finding; ``rule`` is ``(key, param)`` and brings its citation and provenance."""
    key, param = rule if rule else (None, None)
    return Finding(
        code,
        severity,
        message,
        contest=contest,
        person=person,
        rule=key,
        body=body,
        cite=param.cite if param else None,
        provenance=param.provenance if param else None,
        expected=expected,
        actual=actual,
        cite_vi=getattr(param, "cite_vi", None),
    )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], f.contest or "", f.code, f.person or "", f.en),
    )
