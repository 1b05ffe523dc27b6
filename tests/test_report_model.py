"""The typed report model: built once from the engine's result, every decision taken there.

A small committee conference is written to a folder and counted; the builder's report is
checked field by field (statuses, names, open seats, the tie, a contest's outcome), then the
exit codes and the JSON renderer are checked as functions of that report alone.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, get_args

import yaml

from tally import election as config_models
from tally import kinds
from tally.app import check_report, count_report
from tally.config.loader import load_election
from tally.engine import count_election
from tally.errors import EXIT_NEEDS_VOTE, EXIT_NOT_RECONCILED, EXIT_OK, EXIT_RULE_FAILED
from tally.findings import finding
from tally.i18n import msg
from tally.kinds import FindingCode
from tally.report import build
from tally.report.jsondoc import count_doc
from tally.report.model import CountReport, check_exit_code, count_exit_code

PEOPLE = {"a": "Nguyễn Văn An", "b": "Trần Thị Bình", "c": "Lê Văn Cường", "d": "Phạm Thị Dung"}
# Ten ballots, four names for three seats: a is struck once, b twice, c and d four times each,
# so a 9, b 8, c 6, d 6 votes; the base is 10, the threshold 6: c and d tie for the last seat.
STRUCK = ["1 2", "2", "3", "3", "3", "3", "4", "4", "4", "4"]


def write(folder: Path, issued: int = 10, *, later: dict[str, Any] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["ballot,struck,unmarked,invalid"] + [f"{i},{s},," for i, s in enumerate(STRUCK, 1)]
    (folder / "btv.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    contests: list[dict[str, Any]] = [
        {
            "id": "btv",
            "body": "standing_committee",
            "seats": 3,
            "candidates": list(PEOPLE),
            "rounds": [{"issued": issued, "ballots": "btv.csv"}],
        }
    ]
    if later is not None:
        contests.append(later)
    election = {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {"name": "Hội nghị thử", "kind": "committee_conference", "date": "2025-07-20"},
        "electorate": {"summoned": 10},
        "people": [{"id": pid, "name": name} for pid, name in PEOPLE.items()],
        "contests": contests,
    }
    (folder / "election.yaml").write_text(
        yaml.safe_dump(election, allow_unicode=True), encoding="utf-8"
    )
    return folder


def test_the_builder_decides_names_statuses_tie_and_open_seats(tmp_path: Path) -> None:
    loaded = load_election(write(tmp_path / "e"))
    report = build.count_report(count_election(loaded), {"election.yaml": "0" * 64})
    assert report.election == "Hội nghị thử" and report.rules == "qd-190-2024"
    assert report.inputs == (("election.yaml", "0" * 64),)
    (contest,) = report.contests
    (rd,) = contest.rounds
    assert (rd.number, rd.seats, rd.layout, rd.base, rd.threshold) == (1, 3, "strike", 10, 6)
    assert [(c.id, c.name, c.votes) for c in rd.candidates] == [
        ("a", PEOPLE["a"], 9),
        ("b", PEOPLE["b"], 8),
        ("c", PEOPLE["c"], 6),
        ("d", PEOPLE["d"], 6),
    ]
    assert [c.status for c in rd.candidates] == ["elected", "elected", "tie", "tie"]
    assert [c.passed for c in rd.candidates] == [True, True, True, True]
    assert [c.pct_of_base for c in rd.candidates] == ["90.00", "80.00", "60.00", "60.00"]
    assert rd.elected == ("a", "b") and rd.outcome == "tie" and rd.open_seats == 1
    assert rd.tie is not None
    assert (rd.tie.candidates, rd.tie.votes, rd.tie.seats) == (("c", "d"), 6, 1)
    assert rd.tie.resolution == "revote" and rd.tie.elected_by_age == ()
    assert (rd.ballots.collected, rd.ballots.valid, rd.ballots.invalid) == (10, 10, 0)
    assert rd.ballots.invalid_by_reason == () and rd.problems == () and rd.poll is None
    assert {a.key for a in rd.rules_applied} >= {"decision.majority", "decision.tie"}
    assert contest.outcome == "tie" and contest.elected == ("a", "b")
    assert rd.names(("d", "x")) == (PEOPLE["d"], "x")  # an id with no person stays an id
    assert count_exit_code(report) == EXIT_NEEDS_VOTE


def test_a_rejected_round_fills_no_seat_and_has_no_status(tmp_path: Path) -> None:
    report = count_report(load_election(write(tmp_path / "e", issued=9)))
    rd = report.contests[0].rounds[0]
    assert rd.outcome == "rejected" and [p.code for p in rd.problems] == ["collected_over_issued"]
    assert rd.open_seats == rd.seats == 3 and rd.elected == () and rd.tie is None
    assert {c.status for c in rd.candidates} == {None} and {c.passed for c in rd.candidates} == {
        None
    }
    assert count_exit_code(report) == EXIT_NOT_RECONCILED


def test_a_contest_still_to_vote(tmp_path: Path) -> None:
    """No round names files: not counted; a round names a file not written: not entered."""
    not_voted = {"id": "bt", "body": "secretary", "seats": 1, "candidates": ["a"]}
    report = count_report(load_election(write(tmp_path / "one", later=not_voted)))
    assert report.contests[1].outcome == "not_counted" and report.contests[1].rounds == ()
    due = {**not_voted, "rounds": [{"issued": 10, "ballots": "bt.csv"}]}
    report = count_report(load_election(write(tmp_path / "two", later=due)))
    assert report.contests[1].outcome == "not_entered"
    pending = report.contests[1].not_entered
    assert pending is not None and pending.files == ("bt.csv",)


def _settled(report: CountReport) -> CountReport:
    """``report`` as if its only contest were complete."""
    c = report.contests[0]
    rd = replace(c.rounds[0], outcome="complete", open_seats=0, tie=None)
    return replace(report, contests=(replace(c, rounds=(rd,), outcome="complete"),))


def test_exit_codes_read_the_report_alone(tmp_path: Path) -> None:
    checked = check_report(load_election(write(tmp_path / "e")))
    assert check_exit_code(checked, "error") == EXIT_NEEDS_VOTE
    settled = replace(checked, count=_settled(checked.count), findings=())
    assert count_exit_code(settled.count) == EXIT_OK
    assert check_exit_code(settled, "error") == EXIT_OK
    warned = replace(
        settled, findings=(finding(FindingCode.SEATS_MISMATCH, "warning", msg("report.nobody")),)
    )
    assert (warned.errors, warned.warnings, warned.infos) == (0, 1, 0)
    assert check_exit_code(warned, "error") == EXIT_OK
    assert check_exit_code(warned, "warning") == EXIT_RULE_FAILED
    failed = replace(
        settled, findings=(finding(FindingCode.SEATS_MISMATCH, "error", msg("report.nobody")),)
    )
    assert check_exit_code(failed, "error") == EXIT_RULE_FAILED


def test_json_renders_the_report_it_is_given(tmp_path: Path) -> None:
    """The JSON renderer decides nothing: what the report says, the document says."""
    report = _settled(count_report(load_election(write(tmp_path / "e"))))
    doc: Any = count_doc(report, "vi")
    rd = doc["contests"][0]["rounds"][0]
    assert rd["outcome"] == "complete" and rd["open_seats"] == 0 and rd["tie"] is None
    assert [c["status"] for c in rd["candidates"]] == ["elected", "elected", "tie", "tie"]


def test_the_closed_sets_are_the_input_models_own() -> None:
    """The pydantic models validate with kinds.py's own sets, and each tuple lists its Literal."""
    assert config_models.Body is kinds.Body and config_models.MeetingKind is kinds.MeetingKind
    assert get_args(kinds.Body) == kinds.BODIES
    assert get_args(kinds.MeetingKind) == kinds.MEETING_KINDS
    assert get_args(kinds.InvalidReason) == kinds.INVALID_REASONS
    assert get_args(kinds.Outcome) == kinds.OUTCOMES
    assert get_args(kinds.ContestOutcome) == kinds.CONTEST_OUTCOMES
    assert set(get_args(kinds.CandidateStatus)) == set(kinds.STATUSES) | set(kinds.POLL_STATUSES)
    for literal, values in (
        (kinds.Layout, kinds.LAYOUTS),
        (kinds.Severity, kinds.SEVERITIES),
        (kinds.FailOn, kinds.FAIL_ON),
        (kinds.OutputFormat, kinds.OUTPUT_FORMATS),
        (kinds.MinutesFormat, kinds.MINUTES_FORMATS),
        (kinds.MinutesView, kinds.MINUTES_VIEWS),
        (kinds.Lang, kinds.LANGS),
    ):
        assert get_args(literal) == values
