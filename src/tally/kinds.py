"""The closed sets of tally, in one place (standard library only).

Each set is a ``Literal`` type (what mypy checks and ``assert_never`` exhausts) with the tuple
of its values in their canonical order (what code iterates and tests compare). The values are
the contract: they are the keys and values of the JSON documents, the CSV columns and the
election.yaml fields, so a value never changes its spelling.

Two sets also live where pydantic validates them, because the input models are built from
them: ``Body`` and ``MeetingKind`` in :mod:`tally.election`, ``InvalidReason`` in
:mod:`tally.ruleset.models`. A test (tests/test_kinds.py) holds them equal to these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

# The bodies a contest elects (election.yaml ``contests[].body``).
Body = Literal[
    "committee",
    "standing_committee",
    "secretary",
    "deputy_secretary",
    "inspection_committee",
    "inspection_chair",
    "inspection_vice_chair",
    "delegates",
    "alternate_delegates",
    "deputies",
    "nomination_poll",
]
BODIES: tuple[Body, ...] = get_args(Body)

# The meeting an election folder is (election.yaml ``congress.kind``).
MeetingKind = Literal[
    "members_congress", "delegates_congress", "committee_conference", "constituency"
]
MEETING_KINDS: tuple[MeetingKind, ...] = get_args(MeetingKind)

# Where a contest's electorate sits: the congress, or the first conference of the committee.
Venue = Literal["congress", "conference"]

# How a ballot is marked: names struck out (a list longer than the seats), or agree/disagree.
Layout = Literal["strike", "agree_disagree"]
LAYOUTS: tuple[Layout, ...] = get_args(Layout)

# Why a ballot is invalid: typed by the counter on paper, or derived from its marks.
InvalidReason = Literal[
    "not_issued", "too_many_kept", "all_struck", "write_in", "marked", "no_choice"
]
INVALID_REASONS: tuple[InvalidReason, ...] = get_args(InvalidReason)

# The outcome of a counted round (design.md). Seats left open are a ``shortfall`` (the meeting
# decides whether to vote again) unless the rule set says what follows (state law, Luật 85/2015
# Điều 79): ``additional_due`` an additional election must be held, ``council_decides`` the
# National Election Council decides, ``final`` no further election (the seats stay open).
Outcome = Literal[
    "complete",
    "tie",
    "shortfall",
    "rejected",
    "void",
    "additional_due",
    "council_decides",
    "final",
]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)

# The outcome of a contest: its last round's, or a vote still to come, or no vote at all
# (``appointed``: a body appointed by decision, issue 16).
ContestOutcome = Literal[Outcome, "not_entered", "not_counted", "appointed"]
CONTEST_OUTCOMES: tuple[ContestOutcome, ...] = get_args(ContestOutcome)

# A candidate's status in a decided round.
Status = Literal["elected", "tie", "not_elected"]
STATUSES: tuple[Status, ...] = get_args(Status)

# A nominee's status in a nomination poll (190 Art. 14.3).
PollStatus = Literal["admitted", "tie", "not_admitted"]
POLL_STATUSES: tuple[PollStatus, ...] = get_args(PollStatus)

CandidateStatus = Literal["elected", "tie", "not_elected", "admitted", "not_admitted"]

# How a tie across the last seat is settled: a re-vote (party rules) or the older (state law).
TieResolution = Literal["revote", "older_wins"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

# ``tally check --fail-on`` and ``tally recount --fail-on``.
FailOn = Literal["error", "warning"]
FAIL_ON: tuple[FailOn, ...] = get_args(FailOn)

# ``tally count --format``.
OutputFormat = Literal["text", "json", "csv", "xlsx"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = get_args(OutputFormat)

# ``tally minutes --format`` and ``--view``.
MinutesFormat = Literal["docx", "html", "md"]
MINUTES_FORMATS: tuple[MinutesFormat, ...] = get_args(MinutesFormat)
MinutesView = Literal["paper", "hall"]
MINUTES_VIEWS: tuple[MinutesView, ...] = get_args(MinutesView)


# The stable codes scripts and CI key on. Each is registered once, with its kind, severities
# and description, in tally.findings (CODES); the README's "Codes" table is tested against
# that registry. Call sites name a code by its constant, never by a string.
class FindingCode(StrEnum):
    """A finding of ``tally validate`` / ``tally check`` (tally.checks, tally.plan_checks)."""

    ADMITTED_NOT_ON_LIST = "admitted_not_on_list"
    AGE_LIMIT = "age_limit"
    ALTERNATE_ELECTED_OFFICIAL = "alternate_elected_official"
    ALTERNATE_NOT_ON_COMBINED_LIST = "alternate_not_on_combined_list"
    APPOINTED = "appointed"
    BALLOT_ORDER = "ballot_order"
    BELOW_QUORUM = "below_quorum"
    BOARD_MEMBER_ON_LIST = "board_member_on_list"
    CHAIN_VIOLATION = "chain_violation"
    FLOOR_SUPPORT = "floor_support"
    FLOOR_SUPPORT_UNKNOWN = "floor_support_unknown"
    ISSUED_OVER_PRESENT = "issued_over_present"
    LIST_SHORT_AFTER_WITHDRAWAL = "list_short_after_withdrawal"
    LIST_TARGET_SHORT = "list_target_short"
    LIST_TOO_SHORT = "list_too_short"
    MAY_NOT_STAND = "may_not_stand"
    NO_MAJORITY_POSSIBLE = "no_majority_possible"
    NOMINEE_NOT_ADMITTED = "nominee_not_admitted"
    NOT_ENTERED = "not_entered"
    OFF_PLAN_ELECTED = "off_plan_elected"
    PERSON_DATA_MISSING = "person_data_missing"
    PLAN_MEMBER_NOT_ELECTED = "plan_member_not_elected"
    POST_NOT_ELECTED = "post_not_elected"
    SEATS_MISMATCH = "seats_mismatch"
    SLATE_SURPLUS = "slate_surplus"
    STRUCTURE_OVER = "structure_over"
    STRUCTURE_SHORT = "structure_short"
    SURPLUS_OVER_CAP = "surplus_over_cap"
    TARGET_UNREACHABLE = "target_unreachable"
    TOO_MANY_SEATS = "too_many_seats"


class ProblemCode(StrEnum):
    """A problem of a counted round (tally.decide: figures that do not add up, exit 3) or a
    warning of the count (tally.engine: ``empty_rows``, also a finding of ``tally check``)."""

    COLLECTED_MISMATCH = "collected_mismatch"
    COLLECTED_OVER_ISSUED = "collected_over_issued"
    EMPTY_ROWS = "empty_rows"
    INVALID_OVER_COLLECTED = "invalid_over_collected"
    KEPT_COUNT_MISMATCH = "kept_count_mismatch"
    KEPT_MISMATCH = "kept_mismatch"
    KEPT_OVER_SEATS = "kept_over_seats"
    ROWS_MISMATCH = "rows_mismatch"
    VOTES_OVER_SEATS = "votes_over_seats"
    VOTES_OVER_VALID = "votes_over_valid"


FINDING_CODES: tuple[str, ...] = tuple(c.value for c in FindingCode)
PROBLEM_CODES: tuple[str, ...] = tuple(c.value for c in ProblemCode)
