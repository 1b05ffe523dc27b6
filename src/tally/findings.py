"""Findings: what a check found, as a catalogue message with its values, and the rule it rests on.

A finding carries no words: its :class:`~tally.i18n.Msg` (id and typed parameters) is worded
in the report's language when it is shown.

:data:`CODES` registers every stable code once: its kind (a finding of the checks or a problem
of a counted round), the severities it may carry and its one-line description (catalogue id
``code.<code>``). :func:`finding` refuses a code at a severity the registry does not give it,
and the README's table of codes is tested against this registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from tally.i18n import Msg, Worded, msg
from tally.kinds import FindingCode, Lang, ProblemCode, Severity

__all__ = ["CODES", "Cited", "CodeSpec", "Finding", "Lang", "Severity", "finding", "sort_findings"]
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


CodeKind = Literal["finding", "problem"]


@dataclass(frozen=True)
class CodeSpec:
    """A stable code as registered: what kind it is, at which severities, and what it means."""

    code: FindingCode | ProblemCode
    severities: tuple[Severity, ...]

    @property
    def kind(self) -> CodeKind:
        return "finding" if isinstance(self.code, FindingCode) else "problem"

    @property
    def description(self) -> Msg:
        """One line on when the code is given (the README's "when" column)."""
        return msg(f"code.{self.code.value}")


_F, _P = FindingCode, ProblemCode
_ERROR: tuple[Severity, ...] = ("error",)
_WARNING: tuple[Severity, ...] = ("warning",)
_INFO: tuple[Severity, ...] = ("info",)
_EITHER: tuple[Severity, ...] = ("error", "warning")
CODES: dict[str, CodeSpec] = {
    spec.code.value: spec
    for spec in (
        CodeSpec(_F.ADMITTED_NOT_ON_LIST, _WARNING),
        CodeSpec(_F.AGE_LIMIT, _EITHER),  # an error once elected, a warning on the list
        CodeSpec(_F.ALTERNATE_ELECTED_OFFICIAL, _ERROR),
        CodeSpec(_F.ALTERNATE_NOT_ON_COMBINED_LIST, _ERROR),
        CodeSpec(_F.APPOINTED, _INFO),
        CodeSpec(_F.BALLOT_ORDER, _WARNING),
        CodeSpec(_F.BELOW_QUORUM, _WARNING),
        CodeSpec(_F.BOARD_MEMBER_ON_LIST, _ERROR),
        CodeSpec(_F.CHAIN_VIOLATION, _ERROR),
        CodeSpec(_F.FLOOR_SUPPORT, _ERROR),
        CodeSpec(_F.FLOOR_SUPPORT_UNKNOWN, _WARNING),
        CodeSpec(_F.ISSUED_OVER_PRESENT, _WARNING),
        CodeSpec(_F.LIST_SHORT_AFTER_WITHDRAWAL, _WARNING),
        CodeSpec(_F.LIST_TARGET_SHORT, _WARNING),
        CodeSpec(_F.LIST_TOO_SHORT, _ERROR),
        CodeSpec(_F.MAY_NOT_STAND, _ERROR),
        CodeSpec(_F.NO_MAJORITY_POSSIBLE, _WARNING),
        CodeSpec(_F.NOMINEE_NOT_ADMITTED, _ERROR),
        CodeSpec(_F.NOT_ENTERED, _INFO),
        CodeSpec(_F.OFF_PLAN_ELECTED, _EITHER),  # an error in a post, a warning in a body
        CodeSpec(_F.PERSON_DATA_MISSING, _WARNING),
        CodeSpec(_F.PLAN_MEMBER_NOT_ELECTED, _INFO),
        CodeSpec(_F.POST_NOT_ELECTED, _EITHER),  # a warning while a tie awaits a re-vote
        CodeSpec(_F.SEATS_MISMATCH, _EITHER),  # a warning while seats are still open
        CodeSpec(_F.SLATE_SURPLUS, _EITHER),
        CodeSpec(_F.STRUCTURE_OVER, _WARNING),
        CodeSpec(_F.STRUCTURE_SHORT, _WARNING),
        CodeSpec(_F.SURPLUS_OVER_CAP, _ERROR),
        CodeSpec(_F.TARGET_UNREACHABLE, _WARNING),
        CodeSpec(_F.TOO_MANY_SEATS, _WARNING),
        # A problem rejects its round (exit 3); empty rows only warn.
        CodeSpec(_P.COLLECTED_MISMATCH, _ERROR),
        CodeSpec(_P.COLLECTED_OVER_ISSUED, _ERROR),
        CodeSpec(_P.EMPTY_ROWS, _WARNING),
        CodeSpec(_P.INVALID_OVER_COLLECTED, _ERROR),
        CodeSpec(_P.KEPT_COUNT_MISMATCH, _ERROR),
        CodeSpec(_P.KEPT_MISMATCH, _ERROR),
        CodeSpec(_P.KEPT_OVER_SEATS, _ERROR),
        CodeSpec(_P.ROWS_MISMATCH, _ERROR),
        CodeSpec(_P.VOTES_OVER_SEATS, _ERROR),
        CodeSpec(_P.VOTES_OVER_VALID, _ERROR),
    )
}


def finding(
    code: FindingCode | ProblemCode,
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
    spec = CODES[code.value]
    if severity not in spec.severities:  # a bug: the registry says what this code may be
        raise ValueError(f"code {code.value} is registered as {spec.severities}, not {severity}")
    key, param = rule if rule else (None, None)
    return Finding(
        code.value,
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
