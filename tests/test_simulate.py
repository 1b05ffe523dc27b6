"""``tally simulate``: synthetic election folders that tally accepts, the same for the same seed.

Every simulated election must load, count and check without bad input (2), figures that do
not reconcile (3) or a bug (70); the simulator's own expectation of each contest's outcome
(the manifest) must be what the count finds.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally.app import check_report
from tally.cli.batch import KINDS
from tally.config.loader import load_election
from tally.kinds import MEETING_KINDS, MeetingKind
from tally.report.jsondoc import check_doc
from tally.report.model import check_exit_code
from tally.simulate import (
    MANIFEST,
    Ballot,
    Pile,
    SimulatedElection,
    draw_pile,
    plant_tie,
    roman,
    simulate,
    simulate_one,
    write_corpus,
)
from tally.textnorm import ascii_fold, slug
from test_cli_errors import assert_no_traceback, run


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def check_in_memory(tmp_path: Path, sim: SimulatedElection) -> tuple[int, dict[str, object]]:
    folder = tmp_path / sim.folder
    for rel, text in sim.files:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    report = check_report(load_election(folder))
    return check_exit_code(report, "error"), check_doc(report, "en")


def test_kinds_match_the_models() -> None:
    assert KINDS == MEETING_KINDS


def test_same_seed_same_bytes_different_seed_different(tmp_path: Path) -> None:
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        result = run("simulate", tmp_path / name, "--elections", "8", "--seed", str(seed))
        assert result.exit_code == 0, result.output
        assert_no_traceback(result)
    a, b, c = (files_of(tmp_path / n) for n in "abc")
    assert a == b
    assert len(a) > 8 and MANIFEST in a
    assert a != c
    assert set(a) != set(c)  # other places, other contests


def test_a_corpus_of_n_starts_with_the_corpus_of_fewer() -> None:
    small = [s.files for s in simulate(3, 4)]
    large = [s.files for s in simulate(3, 9)]
    assert large[:4] == small


def test_every_simulated_election_counts_as_the_simulator_expects(tmp_path: Path) -> None:
    sims = list(simulate(2024, 40))
    assert {s.kind for s in sims} == set(MEETING_KINDS)
    codes = []
    for sim in sims:
        code, doc = check_in_memory(tmp_path, sim)
        codes.append(code)
        contests = doc["contests"]
        assert isinstance(contests, list)
        assert {c["id"]: c["outcome"] for c in contests} == dict(sim.outcomes), sim.folder
        assert code in (0, 1, 4), sim.folder
    assert codes.count(0) > len(codes) // 2  # most elections end well


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(min_value=0, max_value=10**9), kind=st.sampled_from(MEETING_KINDS))
def test_any_seed_any_kind_is_accepted(tmp_path: Path, seed: int, kind: MeetingKind) -> None:
    sim = simulate_one(seed, 1, [kind])
    assert sim.kind == kind
    code, doc = check_in_memory(tmp_path / str(seed), sim)
    assert code in (0, 1, 4)
    contests = doc["contests"]
    assert isinstance(contests, list)
    assert {c["id"]: c["outcome"] for c in contests} == dict(sim.outcomes)


def test_a_province_has_ties_shortfalls_and_invalid_ballots() -> None:
    sims = list(simulate(1, 120))
    rounds = sum(s.rounds for s in sims)
    assert 0 < sum(s.ties for s in sims) < rounds // 10
    assert 0 < sum(s.shortfalls for s in sims) < rounds // 5
    later = [
        s for s in sims if any("seats: " in t and "candidates: [" in t for _, t in s.files[:1])
    ]
    assert later  # second rounds after a tie or a shortfall
    text = "".join(t for s in sims for rel, t in s.files if rel.endswith(".csv"))
    rows = text.count("\n")
    invalid = sum(text.count(f",{reason}\n") for reason in ("marked", "write_in", "not_issued"))
    assert 0 < invalid < rows // 20  # typed on paper: about 1%; more are derived from the marks
    assert any(rel.startswith("tallies/") for s in sims for rel, _ in s.files)
    mean = sum(s.ballots for s in sims) / len(sims)
    assert 150 < mean < 600  # ≈ 300 ballots per election, as the benchmark assumes


def test_only_the_kinds_asked_for() -> None:
    sims = list(simulate(4, 10, ["constituency"]))
    assert {s.kind for s in sims} == {"constituency"}
    assert all("rules: luat-bau-cu-2015" in s.files[0][1] for s in sims)


# --- writing ---------------------------------------------------------------------------


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run("simulate", tmp_path / "mine", "-n", "2")
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert_no_traceback(result)
    forced = run("simulate", tmp_path / "mine", "-n", "2", "--force")
    assert forced.exit_code == 2
    assert "only replaces a corpus written by 'tally simulate'" in forced.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_force_replaces_a_simulated_corpus(tmp_path: Path) -> None:
    out = tmp_path / "drill"
    assert run("simulate", out, "-n", "6", "--seed", "1").exit_code == 0
    again = run("simulate", out, "-n", "6", "--seed", "1")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert run("simulate", out, "-n", "3", "--seed", "2", "--force").exit_code == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["seed"] == 2
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == sorted(e["folder"] for e in manifest["elections"])
    assert len(folders) == 3  # the six of seed 1 are gone


def test_output_table_and_json(tmp_path: Path) -> None:
    result = run("simulate", tmp_path / "a", "-n", "5", "--lang", "en")
    assert result.exit_code == 0
    assert "Elections" in result.stdout and "Total" in result.stdout
    assert "wrote 5 elections" in result.stderr
    result = run("simulate", tmp_path / "c", "-n", "2")
    assert "đã ghi 2 cuộc bầu cử" in result.stderr
    result = run("simulate", tmp_path / "b", "-n", "5", "--json")
    manifest = json.loads(result.stdout)
    assert len(manifest["elections"]) == 5
    assert manifest == json.loads((tmp_path / "b" / MANIFEST).read_text(encoding="utf-8"))
    first = manifest["elections"][0]
    assert set(first) == {
        "folder",
        "kind",
        "rules",
        "ballots",
        "rounds",
        "ties",
        "shortfalls",
        "outcomes",
    }


def test_recount_of_a_simulated_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", simulate(8, 6), seed=8)
    result = run("recount", tmp_path / "c", "--json")
    doc = json.loads(result.stdout)
    assert len(doc["elections"]) == 6
    assert all(e["error"] is None for e in doc["elections"])
    assert result.exit_code in (0, 1, 4)


# --- pieces ---------------------------------------------------------------------------


def test_names_and_numbers() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 16, 22, 26)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XVI",
        "XXII",
        "XXVI",
    ]
    assert ascii_fold("Nguyễn Đức Hải") == "Nguyen Duc Hai"
    assert slug("Đại hội Đảng bộ xã Tân Phú") == "dai-hoi-dang-bo-xa-tan-phu"


def test_plant_tie_levels_the_cut_and_keeps_ballots_valid() -> None:
    rng = random.Random(7)
    for _ in range(20):
        pile = draw_pile(
            rng, 8, 6, 200, [1, 1, 1, 1, 1, 3, 4, 60], invalid_permille=20, full_permille=900
        )
        if not plant_tie(pile, 210):
            continue
        votes = pile.votes()
        order = sorted(range(8), key=lambda i: (-votes[i], i))
        assert votes[order[5]] == votes[order[6]]
        assert all(1 <= pile.kept(b) <= 6 for b in pile.valid())
        break
    else:
        pytest.fail("no tie could be planted in 20 piles")


def test_draw_pile_agree_disagree_rows() -> None:
    pile = draw_pile(random.Random(1), 2, 2, 500, [30, 400], invalid_permille=30, full_permille=900)
    assert pile.layout == "agree_disagree"
    assert all(b.invalid in ("", "no_choice", "marked", "write_in") for b in pile.ballots)
    assert all(len(b.unmarked) < 2 for b in pile.ballots if not b.invalid)
    votes = pile.votes()
    assert votes[0] > votes[1]
    assert Ballot((0,)).struck == (0,)
    assert isinstance(pile, Pile)
