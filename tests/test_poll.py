"""Nomination polls (190 Art. 14.3): floor nominees admitted with > 30% support, up to the cap."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from clirun import invoke
from tally.config.loader import load_election
from tally.engine import count_election

SLATE = [f"s{i}" for i in range(1, 18)]  # 17 on the committee's slate for 15 seats
FLOOR = ["f1", "f2", "f3"]


def make(tmp_path: Path, support: dict[str, int], listed: list[str]) -> Path:
    """A delegates congress: 290 attending; the poll's agree marks are ``support``."""
    people = [{"id": p, "name": f"Người {p}", "nominated_by": "committee"} for p in SLATE]
    people += [{"id": p, "name": f"Người {p}", "nominated_by": "floor"} for p in FLOOR]
    rows = ["ballot,struck,unmarked,invalid"]
    for b in range(1, 291):
        disagree = [str(i + 1) for i, p in enumerate(FLOOR) if b > support[p]]
        rows.append(f"{b},{' '.join(disagree)},,")
    (tmp_path / "poll.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    election = {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {"name": "Thử", "kind": "delegates_congress", "date": "2025-07-20"},
        "electorate": {"summoned": 300, "present": 290},
        "people": people,
        "contests": [
            {
                "id": "gt",
                "body": "nomination_poll",
                "for": "bch",
                "candidates": FLOOR,
                "rounds": [{"issued": 290, "ballots": "poll.csv"}],
            },
            {"id": "bch", "body": "committee", "seats": 15, "candidates": SLATE + listed},
        ],
    }
    (tmp_path / "election.yaml").write_text(
        yaml.safe_dump(election, allow_unicode=True), encoding="utf-8"
    )
    return tmp_path


def test_poll_admits_by_support_up_to_the_cap(tmp_path: Path) -> None:
    # 290 attending: 87 is exactly 30% and fails; 88 passes. The cap is 19, the slate 17: 2 slots.
    folder = make(tmp_path, {"f1": 150, "f2": 120, "f3": 100}, ["f1", "f2"])
    poll = count_election(load_election(folder), "gt").contests[0].rounds[0].poll
    assert poll is not None
    assert poll.needed == 88 and poll.slots == 2
    assert poll.admitted == ("f1", "f2") and poll.tied == ()


def test_poll_support_threshold_is_strict(tmp_path: Path) -> None:
    folder = make(tmp_path, {"f1": 88, "f2": 87, "f3": 10}, ["f1"])
    poll = count_election(load_election(folder), "gt").contests[0].rounds[0].poll
    assert poll is not None and poll.admitted == ("f1",)


def test_tie_at_the_cut_is_reported_not_decided(tmp_path: Path) -> None:
    folder = make(tmp_path, {"f1": 150, "f2": 120, "f3": 120}, ["f1"])
    result = invoke("count", folder, "--contest", "gt", "--json")
    assert result.exit_code == 4, result.output
    rd = json.loads(result.stdout)["contests"][0]["rounds"][0]
    assert rd["outcome"] == "tie"
    assert rd["poll"]["admitted"] == ["f1"] and rd["poll"]["tied"] == ["f2", "f3"]
    assert [c["status"] for c in rd["candidates"]] == ["admitted", "tie", "tie"]


def test_validate_uses_the_admitted_list(tmp_path: Path) -> None:
    folder = make(tmp_path, {"f1": 150, "f2": 120, "f3": 100}, ["f1", "f3"])
    result = invoke("validate", folder, "--json", "--lang", "en")
    assert result.exit_code == 1, result.output
    codes = {(f["code"], f["person"]) for f in json.loads(result.stdout)["findings"]}
    assert ("nominee_not_admitted", "f3") in codes
    assert ("admitted_not_on_list", "f2") in codes
    assert not any(code == "floor_support_unknown" for code, _ in codes)
