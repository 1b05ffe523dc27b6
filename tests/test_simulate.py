"""``tally simulate``: synthetic election folders that tally accepts, the same for the same seed.

Every simulated election must load, count and check without bad input (2), figures that do
not reconcile (3) or a bug (70); the simulator's own expectation of each contest's outcome
(the manifest) must be what the count finds, and what a small independent counter written
here (plain Python over the CSV and the tally sheets, not the engine) finds. The YAML the
simulator writes loads back into the same model; the examples' ballot files are what
``python -m tally.simulate.examples`` generates, byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally.app import check_report
from tally.cli.batch import KINDS
from tally.config.loader import load_election
from tally.kinds import MEETING_KINDS, MeetingKind
from tally.report.jsondoc import check_doc
from tally.report.model import check_exit_code
from tally.ruleset.loader import load_ruleset
from tally.simulate import (
    MANIFEST,
    Ballot,
    Pile,
    SimulatedElection,
    draw_election,
    draw_pile,
    plant_tie,
    roman,
    simulate,
    simulate_one,
    write_corpus,
)
from tally.simulate.dump import dump_election, dump_yaml
from tally.simulate.examples import example_ballots
from tally.simulate.examples import main as examples_main
from tally.simulate.rules import floor_support, min_surplus, slate_surplus, surplus_cap
from tally.textnorm import ascii_fold, slug
from tally.yamlsrc import load_yaml
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


# --- an independent count ----------------------------------------------------------------
# Plain Python over the files: what a counting board would do by hand. It shares nothing with
# the engine or decide(), so the simulator's expected outcomes are checked, not restated.

CONFERENCE = {"standing_committee", "secretary", "deputy_secretary", "inspection_committee"}
CONFERENCE |= {"inspection_chair"}


def base_of(doc: dict[str, object], contest: dict[str, object]) -> int | None:
    """The majority base by hand (rules.md §2); None: the valid ballots (state law)."""
    kind = doc["congress"]["kind"]  # type: ignore[index]
    electorate: dict[str, int] = doc["electorate"]  # type: ignore[assignment]
    if kind == "constituency":
        return None
    if kind == "committee_conference":
        return electorate["summoned"]
    if contest["body"] in CONFERENCE and contest.get("at") != "congress":
        return doc["conference"]["summoned"]  # type: ignore[index,no-any-return]
    if kind == "delegates_congress":
        absent = electorate["absent_all_congress"]
        return electorate["summoned"] - absent["ex_officio"] - absent["delegates_unreplaced"]  # type: ignore[index]
    gone = ("attached_elsewhere", "exempt_absent", "suspended_or_prosecuted")
    return (
        electorate["summoned"]
        - sum(electorate[k] for k in gone)
        - electorate["absent_all_congress_approved"]
    )


def count_csv(text: str, n: int, seats: int) -> tuple[int, list[int]]:
    """(valid ballots, votes per position) of a ballot CSV."""
    valid, votes = 0, [0] * n
    for row in csv.DictReader(io.StringIO(text)):
        struck = {int(p) for p in row["struck"].split()}
        unmarked = {int(p) for p in row["unmarked"].split()}
        if row["invalid"]:
            continue
        if n > seats and (len(struck) == n or n - len(struck) > seats):
            continue  # all struck, or too many kept
        if n <= seats and len(unmarked) == n:
            continue  # no usable row
        valid += 1
        for p in range(1, n + 1):
            votes[p - 1] += p not in struck and p not in unmarked
    return valid, votes


def count_sheets(texts: list[str], ids: list[str]) -> tuple[int, list[int]]:
    valid, votes = 0, [0] * len(ids)
    for text in texts:
        sheet = yaml.safe_load(text)
        valid += sheet["collected"] - sum(sheet["invalid"].values())
        votes = [v + sheet["votes"][pid] for v, pid in zip(votes, ids, strict=True)]
    return valid, votes


def winners(
    votes: list[int], seats: int, base: int, older_first: list[int] | None
) -> tuple[list[int], str]:
    """(positions elected, outcome) by ``2 * votes > base``, most votes first; a tie at the
    last seat is a re-vote, or goes to the older under the state law."""
    rank = older_first or list(range(len(votes)))
    passed = sorted(
        (i for i, v in enumerate(votes) if 2 * v > base), key=lambda i: (-votes[i], rank.index(i))
    )
    if len(passed) <= seats:
        return passed, "complete" if len(passed) == seats else "shortfall"
    cut = votes[passed[seats - 1]]
    if votes[passed[seats]] != cut or older_first is not None:
        return passed[:seats], "complete"
    return [i for i in passed if votes[i] > cut], "tie"


def independent_outcomes(
    sim: SimulatedElection, seen: set[str]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each contest's final outcome and everyone it elected; ``seen`` gathers the outcomes
    of every round."""
    files = dict(sim.files)
    doc = yaml.safe_load(files["election.yaml"])
    born = {p["id"]: p["born"] for p in doc["people"]}
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for contest in doc["contests"]:
        elected: list[str] = []
        outcome = "not_counted"
        for ri, rnd in enumerate(contest["rounds"]):
            ids = rnd.get("candidates", contest["candidates"])
            seats = rnd.get("seats", contest["seats"])
            if "ballots" in rnd:
                valid, votes = count_csv(files[rnd["ballots"]], len(ids), seats)
            else:
                valid, votes = count_sheets([files[t] for t in rnd["tallies"]], ids)
            base = base_of(doc, contest)
            by_age = None
            if base is None:  # the state law: half the valid ballots, the older wins a tie
                by_age = sorted(range(len(ids)), key=lambda i: born[ids[i]])
            won, outcome = winners(votes, seats, valid if base is None else base, by_age)
            elected += [ids[i] for i in won]
            if base is None and outcome == "shortfall":
                # Luật 85/2015 Điều 79 (Luật 83/2025): one additional election at most; the
                # National Assembly's is for the Council to decide, a People's Council holds one
                # only when fewer than two thirds of the seats are filled.
                if ri >= 1:
                    outcome = "final"
                elif doc["congress"]["assembly"] == "national_assembly":
                    outcome = "council_decides"
                elif 3 * len(elected) < 2 * contest["seats"]:
                    outcome = "additional_due"
                else:
                    outcome = "final"
            seen.add(outcome)
        out[contest["id"]] = (outcome, tuple(sorted(elected)))
    return out


def test_the_simulator_agrees_with_an_independent_count() -> None:
    sims = list(simulate(2024, 40)) + list(simulate(5, 30, ["constituency"]))
    outcomes: set[str] = set()
    for sim in sims:
        mine = independent_outcomes(sim, outcomes)
        expected = {
            cid: (o, tuple(sorted(e)))
            for (cid, o), (_, e) in zip(sim.outcomes, sim.elected, strict=True)
        }
        assert mine == expected, sim.folder
    assert {"complete", "tie", "shortfall"} <= outcomes  # the counter saw every case


def test_the_independent_counter_counts() -> None:
    text = "ballot,struck,unmarked,invalid\n1,1,,\n2,,,\n3,1 2 3,,\n4,3,,marked\n5,2,,\n"
    assert count_csv(text, 3, 2) == (2, [1, 1, 2])  # 2: too many kept, 3: all struck
    assert winners([5, 5, 9, 2], 2, 8, None) == ([2], "tie")
    assert winners([5, 5, 9, 2], 2, 8, [1, 0, 2, 3]) == ([2, 1], "complete")
    assert winners([5, 3, 9], 2, 8, None) == ([2, 0], "complete")
    assert winners([5, 3, 4], 2, 8, None) == ([0], "shortfall")


# --- the YAML writer --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "kind"), [(3, k) for k in MEETING_KINDS] + [(9, "members_congress")]
)
def test_dump_then_load_gives_the_same_model(tmp_path: Path, seed: int, kind: MeetingKind) -> None:
    for index in (1, 2, 3):
        _, builder, election = draw_election(seed, index, [kind])
        folder = tmp_path / f"{kind}-{index}"
        for rel, text in [("election.yaml", dump_election(election)), *builder.files]:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
        assert load_election(folder).election == election


@pytest.mark.parametrize(
    "text",
    ["Tân Phú", "a: b", "- x", "15%", "%x", "true", "null", "2025", "007", "2025-01-02", "1.5",
     "a, b", "a #b", "'q'", '"q"', "H'Mông", "x{y}", "[a]", "@a", "`a", "~", "", " pad"],
)  # fmt: skip
def test_every_scalar_reads_back_as_written(tmp_path: Path, text: str) -> None:
    data = {"top": text, "section": {"row": {"a": text, "b": [text, 1]}, "list": [{"k": text}]}}
    path = tmp_path / "x.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    loaded, _ = load_yaml(path)
    assert loaded == data


# --- the rule set, not literals ------------------------------------------------------------


def test_shares_and_caps_come_from_the_rule_set() -> None:
    party, state = load_ruleset("qd-190-2024"), load_ruleset("luat-bau-cu-2015-sd-2025")
    assert [slate_surplus(party, "committee", s) for s in (5, 9, 15, 21, 33)] == [1, 1, 2, 3, 4]
    assert [surplus_cap(party, "committee", s) for s in (5, 9, 15, 33)] == [1, 2, 4, 9]
    assert floor_support(party, 100, 120) == 31  # more than 30% of those attending
    assert floor_support(load_ruleset("qd-244-2014"), 100, 120) == 0  # no such rule in 2014
    assert [min_surplus(state, "peoples_council", s) for s in (2, 3, 4)] == [1, 2, 3]
    assert min_surplus(state, "national_assembly", 3) == 2
    # A changed rule set changes the lists drawn: the caps are not written in the simulator.
    lists = party.lists.model_copy(
        update={
            "surplus_max": party.lists.surplus_max.model_copy(
                update={"value": party.lists.surplus_max.value.model_copy(update={"share": 1})}  # type: ignore[union-attr]
            )
        }
    )
    wider = party.model_copy(update={"lists": lists})
    assert surplus_cap(wider, "committee", 15) == 15


# --- the examples' ballots ----------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_examples_ballots_are_generated_byte_for_byte() -> None:
    generated = example_ballots(EXAMPLES)
    assert len(generated) == 14
    for rel, text in generated.items():
        assert (EXAMPLES / rel).read_bytes() == text.encode("utf-8"), rel
    on_disk = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("*/ballots/*.csv")}
    assert on_disk == set(generated)


def test_examples_check_finds_a_stale_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    shutil.copytree(EXAMPLES / "xa-2025", tmp_path / "xa-2025")
    for name in ("huyen-2020", "phuong-hdnd-2026"):
        shutil.copytree(EXAMPLES / name, tmp_path / name)
    assert examples_main([str(tmp_path), "--check"]) == 0
    (tmp_path / "xa-2025" / "ballots" / "bt-1.csv").write_text("ballot,struck,unmarked,invalid\n")
    assert examples_main([str(tmp_path), "--check"]) == 1
    assert "xa-2025/ballots/bt-1.csv" in capsys.readouterr().err
    assert examples_main([str(tmp_path)]) == 0
    assert (tmp_path / "xa-2025/ballots/bt-1.csv").read_bytes() == (
        EXAMPLES / "xa-2025/ballots/bt-1.csv"
    ).read_bytes()
