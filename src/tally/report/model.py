"""The typed report model: what a count, a check or a validation found, without language.

Built once from the engine's results (:mod:`tally.report.build`), with every name, status,
open seat, poll status and figure decided there; the renderers (JSON, the terminal, CSV,
XLSX, the minutes, ``recount`` and the exit codes) only read it. Nothing here is a sentence:
the renderers word it in the report language from these values.

Two kinds of items still carry their words in both languages until the message catalogue
gives them ids and parameters: a round's :class:`~tally.decide.Problem` (figures that do not
reconcile, skipped rows) and a check's :class:`~tally.findings.Finding`; both have a stable
``code``. A round not entered yet carries its :class:`~tally.config.loader.NotEntered`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from tally.errors import EXIT_NEEDS_VOTE, EXIT_NOT_RECONCILED, EXIT_OK, EXIT_RULE_FAILED
from tally.kinds import (
    CandidateStatus,
    ContestOutcome,
    FailOn,
    InvalidReason,
    Layout,
    Outcome,
    Severity,
    TieResolution,
    Venue,
)

if TYPE_CHECKING:
    from tally.config.loader import NotEntered
    from tally.decide import Problem
    from tally.domain.meetings import Meeting
    from tally.election import Target
    from tally.findings import Finding
    from tally.ruleset.models import Assembly


@dataclass(frozen=True)
class Assumption:
    """A rule-set parameter a result rests on whose reading is not verified (I or U)."""

    provenance: str
    key: str  # the parameter, e.g. decision.tie
    cite: str  # English, or as written when the rule set gives one text for both languages
    note: str | None
    cite_vi: str | None = None  # the Vietnamese, when the rule set gives it
    note_vi: str | None = None


@dataclass(frozen=True)
class AppliedRule:
    """A rule-set parameter a round's result rests on, with its citation."""

    key: str
    cite: str
    provenance: str
    cite_vi: str | None = None  # as Assumption.cite_vi


@dataclass(frozen=True)
class BallotFigures:
    issued: int | None
    collected: int
    valid: int
    invalid: int
    invalid_by_reason: tuple[tuple[InvalidReason, int], ...]  # only reasons that occurred
    kept: tuple[tuple[int, int], ...] | None  # (names kept, ballots); None when not known


@dataclass(frozen=True)
class RowCount:
    """How many valid agree/disagree ballots marked a person's row one way, and its share."""

    count: int
    pct_of_base: str | None  # as pct_of_base


@dataclass(frozen=True)
class CandidateLine:
    id: str
    position: int  # 1-based, as printed on the ballot
    name: str
    votes: int
    pct_of_base: str | None  # as the rule set prints it ("85.32"); None without a base
    passed: bool | None  # reached the threshold (a poll: the support needed); None: no decision
    status: CandidateStatus | None  # None when the round was rejected or void
    # Agree/disagree ballots only (None on a strike-out ballot): the agree rows (the votes),
    # the disagree rows, and the rows with both boxes or neither; the last two None when not
    # known (a tally sheet that does not give them).
    agree: RowCount | None = None
    disagree: RowCount | None = None
    unmarked: RowCount | None = None

    @property
    def rows_shown(self) -> bool:
        """Whether the person's row figures are shown: on an agree/disagree ballot."""
        return self.agree is not None


@dataclass(frozen=True)
class TieReport:
    """Candidates tied across the last seat."""

    candidates: tuple[str, ...]  # ids, in ballot order
    votes: int
    seats: int  # seats left for them
    resolution: TieResolution
    elected_by_age: tuple[str, ...]  # state law: the older, elected
    cite: str  # the tie rule's citation


@dataclass(frozen=True)
class PollReport:
    """A nomination poll: who is admitted to the target contest's list."""

    target: str
    attending: int
    needed: int
    more_than: Fraction  # the support a nominee needs, more than this share of ``attending``
    slots: int | None
    admitted: tuple[str, ...]
    tied: tuple[str, ...]


@dataclass(frozen=True)
class RoundReport:
    number: int  # 1-based
    seats: int
    layout: Layout
    base: int | None
    base_kind: str
    base_parts: tuple[tuple[str, int], ...]  # (figure, signed count) making up the base
    threshold: int | None
    majority: Fraction  # the rule's share: elected with more than this share of the base
    turnout: Fraction | None  # state elections: valid with a turnout above this share
    present: int | None
    registered: int | None  # state elections: voters on the list
    ballots: BallotFigures
    candidates: tuple[CandidateLine, ...]  # in ballot order
    elected: tuple[str, ...]  # ids, most votes first
    outcome: Outcome
    open_seats: int
    tie: TieReport | None
    assumptions: tuple[Assumption, ...]
    rules_applied: tuple[AppliedRule, ...]
    problems: tuple[Problem, ...]  # figures that do not reconcile: the round is rejected
    warnings: tuple[Problem, ...]  # seen by the board, not rejecting the round
    pending_confirmation: bool  # the result awaits confirmation by the competent committee
    poll: PollReport | None
    meeting: Meeting | None = None  # a session of its own (a later sitting); None: the contest's
    # State elections: the assembly the deputies sit in (its procedure words the outcome), and
    # the days within which the additional election or the re-run this round calls for is held.
    assembly: Assembly | None = None
    within_days: int | None = None
    rerun: bool = False  # the re-run after a void round (bầu cử lại)

    def name_of(self, pid: str) -> str:
        return next((c.name for c in self.candidates if c.id == pid), pid)

    def names(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.name_of(i) for i in ids)


@dataclass(frozen=True)
class AppointedReport:
    """A body appointed by decision (chỉ định), not elected: no rounds, no counting minutes."""

    decision: str  # the decision's number, e.g. 123-QĐ/TU
    date: dt.date
    by: str | None  # who decided
    members: tuple[str, ...]  # ids, as the decision lists them
    names: tuple[str, ...]  # their names, in the same order


@dataclass(frozen=True)
class ContestReport:
    id: str
    body: str
    name: str | None
    seats: int | None
    rounds: tuple[RoundReport, ...]
    elected: tuple[str, ...]  # every round's elected, round by round
    outcome: ContestOutcome
    not_entered: NotEntered | None  # the next round, named but not written yet
    meeting: Meeting  # the congress, or the committee's conference that votes this contest
    appointed: AppointedReport | None = None  # appointed by decision: outcome "appointed"


@dataclass(frozen=True)
class CountReport:
    """``tally count``: every contest and round counted."""

    election: str
    rules: str  # the rule set's id
    tool: str
    inputs: tuple[tuple[str, str], ...]  # (path, sha256)
    contests: tuple[ContestReport, ...]
    assembly: Assembly | None = None  # a state election: its procedure's words

    def names(self) -> dict[str, str]:
        """Every candidate's name by id, over all contests and rounds."""
        return {c.id: c.name for ct in self.contests for r in ct.rounds for c in r.candidates}


@dataclass(frozen=True)
class PlanSummary:
    approved_by: str | None
    approved_on: dt.date | None
    bodies: tuple[str, ...]  # sorted


@dataclass(frozen=True)
class StructureLine:
    """One structure target of one body: what the plan asks and what was elected."""

    body: str
    target: str
    spec: Target
    min: int | Fraction | None
    max: int | Fraction | None
    needed: int | None
    count: int
    of: int
    pct: str | None  # count of ``of``, truncated to two decimals
    unknown: int
    met: bool


class _Counted:
    """A report's findings counted by severity (the check and the validation share this)."""

    findings: tuple[Finding, ...]

    def _count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self._count("error")

    @property
    def warnings(self) -> int:
        return self._count("warning")

    @property
    def infos(self) -> int:
        return self._count("info")


@dataclass(frozen=True)
class CheckReport(_Counted):
    """``tally check``: the count, then the result against the rules and the plan."""

    count: CountReport
    plan: PlanSummary | None
    structure: tuple[StructureLine, ...]
    findings: tuple[Finding, ...]  # sorted


@dataclass(frozen=True)
class ValidateContest:
    """A contest as it will be on the day: list, layout, base and threshold."""

    id: str
    body: str
    seats: int | None
    candidates: int
    surplus: int | None
    layout: Layout
    at: Venue
    base: int | None
    base_kind: str
    base_parts: tuple[tuple[str, int], ...]
    base_cite: str
    base_provenance: str
    threshold: int | None
    majority: Fraction  # the rule's share of the base a candidate must pass
    present: int | None
    assumptions: tuple[Assumption, ...]


@dataclass(frozen=True)
class ValidateReport(_Counted):
    """``tally validate``: the lists and the electorate before the vote."""

    election: str
    meeting: str  # the meeting kind
    date: dt.date
    rules: str
    rules_title: str
    tool: str
    inputs: tuple[tuple[str, str], ...]
    contests: tuple[ValidateContest, ...]
    findings: tuple[Finding, ...]


# --- exit codes (design.md) -------------------------------------------------------------------

# ``final`` (state law: seats left open, no further election) is not waiting: it exits 0.
WAITING: frozenset[ContestOutcome] = frozenset(
    {
        "tie",
        "shortfall",
        "void",
        "additional_due",
        "council_decides",
        "not_counted",
        "not_entered",
    }
)


def count_exit_code(report: CountReport) -> int:
    """3 if any round's figures do not reconcile; 4 if a tie, open seats or a void result remain."""
    if any(r.outcome == "rejected" for c in report.contests for r in c.rounds):
        return EXIT_NOT_RECONCILED
    # A contest not yet voted (say the conference, later in the day) or whose ballots are not
    # entered yet still needs its vote.
    if any(c.outcome in WAITING for c in report.contests):
        return EXIT_NEEDS_VOTE
    return EXIT_OK


def check_exit_code(report: CheckReport, fail_on: FailOn) -> int:
    """The most serious of: 3 figures do not reconcile · 1 a check failed · 4 a vote is due.

    A failed check outranks a pending vote: a planned post-holder not elected stops the next
    election whatever else is pending.
    """
    counted = count_exit_code(report.count)
    if counted == EXIT_NOT_RECONCILED:
        return counted
    if report.errors or (fail_on == "warning" and report.warnings):
        return EXIT_RULE_FAILED
    return counted


def validate_exit_code(report: ValidateReport) -> int:
    """1 if a list or electorate rule is broken, else 0."""
    return EXIT_RULE_FAILED if report.errors else EXIT_OK
