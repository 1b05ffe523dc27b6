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
ContestOutcome = Literal[
    "complete",
    "tie",
    "shortfall",
    "rejected",
    "void",
    "additional_due",
    "council_decides",
    "final",
    "not_entered",
    "not_counted",
    "appointed",
]
CONTEST_OUTCOMES: tuple[ContestOutcome, ...] = (
    *OUTCOMES,
    "not_entered",
    "not_counted",
    "appointed",
)

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

# The stable codes scripts and CI key on (the README's "Codes" table lists them; a test holds
# the two equal, and every code a check or the count emits to this list).
# A finding of ``tally validate`` / ``tally check`` (tally.checks, tally.plan_checks):
FINDING_CODES: tuple[str, ...] = (
    "admitted_not_on_list",
    "age_limit",
    "alternate_elected_official",
    "alternate_not_on_combined_list",
    "appointed",
    "below_quorum",
    "board_member_on_list",
    "chain_violation",
    "floor_support",
    "floor_support_unknown",
    "issued_over_present",
    "list_short_after_withdrawal",
    "list_target_short",
    "list_too_short",
    "may_not_stand",
    "no_majority_possible",
    "nominee_not_admitted",
    "not_entered",
    "off_plan_elected",
    "person_data_missing",
    "plan_member_not_elected",
    "post_not_elected",
    "seats_mismatch",
    "slate_surplus",
    "structure_over",
    "structure_short",
    "surplus_over_cap",
    "target_unreachable",
    "too_many_seats",
)
# A problem of a counted round (tally.decide: figures that do not add up, exit 3) or a
# warning of the count (tally.engine: ``empty_rows``, also a finding of ``tally check``):
PROBLEM_CODES: tuple[str, ...] = (
    "collected_mismatch",
    "collected_over_issued",
    "empty_rows",
    "invalid_over_collected",
    "kept_count_mismatch",
    "kept_mismatch",
    "kept_over_seats",
    "rows_mismatch",
    "votes_over_seats",
    "votes_over_valid",
)
