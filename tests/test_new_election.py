"""A new election works from the first minute: a round whose files are not written yet.

``election.yaml`` names ``ballots: ballots/bch-1.csv`` before a single ballot is entered (as the
README shows). Such a round is *not entered yet*: ``validate`` notes it, ``enter`` creates the
file on ``--export``, ``count``/``check``/``recount`` report it as still due (exit 4) with the
file's name and how to enter it, and ``minutes`` refuses it (exit 4). A name that looks like a
typo of a file nobody else names is an error (exit 2) with "did you mean".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tally.config.loader import load_election
from tally.fingerprint import input_digests
from test_cli_errors import assert_error, assert_no_traceback, copy_example, edit, run

XA_FILES = ["ballots/bch-1.csv", "ballots/bch-2.csv", "ballots/bt-1.csv", "ballots/dbct-1.csv"]


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """xa-2025 before the vote: election.yaml names its ballot files; none is written yet."""
    folder = copy_example(tmp_path, "xa-2025")
    shutil.rmtree(folder / "ballots")
    return folder


def as_json(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = run(*args, "--json")
    assert_no_traceback(result)
    return result.exit_code, json.loads(result.stdout)


def contest(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in doc["contests"] if c["id"] == cid)


# --- validate -------------------------------------------------------------------------------


def test_validate_notes_rounds_not_entered(fresh: Path) -> None:
    result = run("validate", fresh, "--lang", "en")
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert_no_traceback(result)
    out = " ".join(result.stdout.split())
    for rel in XA_FILES:
        assert rel in out
    assert "not entered yet" in out
    code, doc = as_json("validate", fresh, "--lang", "en")
    assert code == 0
    notes = [f for f in doc["findings"] if f["code"] == "not_entered"]
    assert {(f["contest"], f["severity"]) for f in notes} == {
        ("bch", "info"),
        ("bt", "info"),
        ("dbct", "info"),
    }
    assert len(notes) == 4 and doc["errors"] == 0
    assert set(doc["inputs"]) == {"election.yaml", "builtin:qd-190-2024"}


def test_validate_note_in_vietnamese(fresh: Path) -> None:
    result = run("validate", fresh)
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "chưa nhập phiếu" in out and "ballots/bch-1.csv" in out
    assert "not entered" not in out


# --- count, check, recount ------------------------------------------------------------------


def test_count_reports_each_contest_still_due(fresh: Path) -> None:
    result = run("count", fresh, "--lang", "en")
    assert result.exit_code == 4, (result.stdout, result.stderr)
    assert_no_traceback(result)
    out = " ".join(result.stdout.split())
    assert "ballots/bch-1.csv" in out and "ballots/bt-1.csv" in out
    assert f"tally enter {fresh} --contest bch --round 1 --operator" in out
    assert "ballots/bch-2.csv" not in out  # round 2 waits for round 1
    vi = " ".join(run("count", fresh).stdout.split())
    assert "chưa nhập phiếu" in vi and "--contest dbct --round 1" in vi


def test_count_json_not_entered(fresh: Path) -> None:
    code, doc = as_json("count", fresh, "--lang", "en")
    assert code == 4
    bch = contest(doc, "bch")
    assert bch["outcome"] == "not_entered" and bch["rounds"] == [] and bch["elected"] == []
    due = bch["not_entered"]
    assert (due["round"], due["files"]) == (1, ["ballots/bch-1.csv"])
    assert "ballots/bch-1.csv" in due["message"]
    assert "tally enter" in due["hint"] and "--contest bch --round 1" in due["hint"]
    assert set(doc["inputs"]) == {"election.yaml", "builtin:qd-190-2024"}


def test_check_and_recount_say_the_same(fresh: Path) -> None:
    code, doc = as_json("check", fresh, "--lang", "en")
    assert code == 4
    assert {c["outcome"] for c in doc["contests"]} == {"not_entered"}
    text = run("check", fresh, "--lang", "en")
    assert text.exit_code == 4
    out = " ".join(text.stdout.split())
    assert "ballots/bch-1.csv" in out and "tally enter" in out
    assert "Not all counted yet (bch, bt, dbct)" in out
    assert "matches the plan" not in out
    code, batch = as_json("recount", fresh, "--lang", "en")
    assert code == 4
    (entry,) = batch["elections"]
    assert entry["outcome"] == "not_entered" and entry["error"] is None
    assert entry["check"] == doc
    lines = run("recount", fresh, "--lang", "en")
    assert lines.exit_code == 4 and "Not entered" in lines.stdout


def test_minutes_refuse_a_round_not_entered(fresh: Path) -> None:
    result = run("minutes", fresh, "--contest", "bch", "--round", "1", "-o", "-", "--lang", "en")
    assert_error(result, 4, "ballots/bch-1.csv", "tally enter")
    assert result.stdout == ""
    folder = run("minutes", fresh, "-o", fresh / "minutes", "--lang", "en")
    assert_error(folder, 4, "ballots/bt-1.csv")
    assert not (fresh / "minutes").exists() or not any((fresh / "minutes").iterdir())


def test_fingerprint_skips_files_not_written(fresh: Path) -> None:
    digests = input_digests(load_election(fresh))
    assert list(digests) == ["election.yaml", "builtin:qd-190-2024"]
    assert run("verify", fresh, "--fingerprint", "0000-0000-0000-0000").exit_code == 1


# --- enter ----------------------------------------------------------------------------------


def test_enter_then_export_creates_the_named_file(fresh: Path) -> None:
    entered = run(
        "enter", fresh, "--contest", "bt", "--operator", "Trần Thị Bình", "--plain", "--lang", "en"
    )
    # CliRunner gives an empty stdin: the session opens, writes its journal and stops cleanly.
    assert entered.exit_code == 0, (entered.stdout, entered.stderr)
    (journal,) = (fresh / "journals").glob("bt-r1-tran-thi-binh-*.jsonl")
    assert journal.is_file()
    exported = run("enter", fresh, "--contest", "bt", "--operator", "Trần Thị Bình", "--export")
    assert exported.exit_code == 0, exported.stderr
    assert (fresh / "ballots" / "bt-1.csv").read_text(encoding="utf-8").startswith("ballot,")
    # The round is entered now: it is counted (0 of 108 collected), the others are still due.
    code, doc = as_json("count", fresh, "--lang", "en")
    assert code == 4
    assert "not_entered" not in contest(doc, "bt")
    assert [r["round"] for r in contest(doc, "bt")["rounds"]] == [1]
    assert contest(doc, "bch")["outcome"] == "not_entered"
    assert set(doc["inputs"]) == {"election.yaml", "builtin:qd-190-2024", "ballots/bt-1.csv"}


# --- a later round not voted yet ------------------------------------------------------------


def test_second_round_not_entered_yet(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    (folder / "ballots" / "bch-2.csv").unlink()
    assert run("validate", folder).exit_code == 0
    code, doc = as_json("count", folder, "--lang", "en")
    assert code == 4
    bch = contest(doc, "bch")
    assert [r["outcome"] for r in bch["rounds"]] == ["tie"]
    assert bch["outcome"] == "not_entered"
    assert (bch["not_entered"]["round"], bch["not_entered"]["files"]) == (
        2,
        ["ballots/bch-2.csv"],
    )
    assert "--contest bch --round 2" in bch["not_entered"]["hint"]
    assert contest(doc, "bt")["outcome"] == "complete"
    # Round 1's minutes can be written; round 2's cannot yet.
    assert run("minutes", folder, "--contest", "bch", "--round", "1", "-o", "-").exit_code == 0
    late = run("minutes", folder, "--contest", "bch", "--round", "2", "-o", "-", "--lang", "en")
    assert_error(late, 4, "ballots/bch-2.csv")
    # Counting up to round 1 only: nothing is due in what was asked for.
    assert run("count", folder, "--contest", "bch", "--round", "1").exit_code == 4  # the tie


# --- typos ----------------------------------------------------------------------------------


def test_a_typo_gets_did_you_mean(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "ballots: ballots/bt-1.csv", "ballots: ballots/bt1.csv")
    for command in ("validate", "count", "check"):
        result = run(command, folder, "--lang", "en")
        assert_error(
            result, 2, "file not found: ballots/bt1.csv", "did you mean 'ballots/bt-1.csv'?"
        )
    code, batch = as_json("recount", folder, "--lang", "en")
    assert code == 2
    (issue,) = batch["elections"][0]["error"]["issues"]
    assert issue["hint"] == "did you mean 'ballots/bt-1.csv'?"


def test_a_file_named_by_another_round_is_no_typo(tmp_path: Path) -> None:
    """bch-2.csv is close to bch-1.csv, but bch-1.csv is round 1's: round 2 is just not voted."""
    folder = copy_example(tmp_path, "xa-2025")
    (folder / "ballots" / "bch-2.csv").unlink()
    result = run("count", folder, "--lang", "en")
    assert result.exit_code == 4 and "did you mean" not in result.stderr


# --- tally sheets ---------------------------------------------------------------------------


def sheets_round(folder: Path) -> None:
    edit(
        folder / "election.yaml",
        "ballots: ballots/bt-1.csv",
        "tallies: [tallies/bt-g1.yaml, tallies/bt-g2.yaml]",
    )


def test_tally_sheets_not_written_yet(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    sheets_round(folder)
    code, doc = as_json("count", folder, "--lang", "en")
    assert code == 4
    due = contest(doc, "bt")["not_entered"]
    assert due["files"] == ["tallies/bt-g1.yaml", "tallies/bt-g2.yaml"]
    assert "tally sheet" in due["hint"]
    assert contest(doc, "bch")["outcome"] == "complete"


def test_some_tally_sheets_missing_is_an_error(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    sheets_round(folder)
    (folder / "tallies").mkdir()
    (folder / "tallies" / "bt-g1.yaml").write_text(
        "group: 1\ncollected: 60\nvotes: {htd: 55}\n", encoding="utf-8"
    )
    result = run("count", folder, "--lang", "en")
    assert_error(result, 2, "file not found: tallies/bt-g2.yaml")
    assert "tallies/bt-g1.yaml" not in result.stderr.split("hint")[0]


# --- nothing named at all -------------------------------------------------------------------


def test_count_without_any_file_named_agrees_with_check(tmp_path: Path) -> None:
    """No round names a file: count says 'not counted' (exit 4), as check and recount do."""
    folder = copy_example(tmp_path, "xa-2025")
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines(keepends=True) if "ballots: ballots/" not in ln]
    (folder / "election.yaml").write_text("".join(lines), encoding="utf-8")
    count = run("count", folder, "--lang", "en")
    check = run("check", folder, "--lang", "en")
    assert (count.exit_code, check.exit_code) == (4, 4), (count.stderr, check.stderr)
    code, doc = as_json("count", folder, "--lang", "en")
    assert code == 4 and {c["outcome"] for c in doc["contests"]} == {"not_counted"}
