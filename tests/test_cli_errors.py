"""Every error path through the CLI: the exit code, the message on stderr, and no traceback.

Exit codes (design.md): 0 ok · 1 a rule check failed · 2 bad input or usage · 3 the figures
do not reconcile · 4 a tie or open seats need another vote · 70 internal error.
Examples are copied into ``tmp_path`` before they are broken.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clirun import ENV, invoke
from vietnamese import english_words

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str | Path, columns: int = 100) -> Result:
    """Run tally as a user would (Vietnamese by default). An error must then read without a
    word of English (issue 14); the run is repeated in English, whose words the tests check."""
    result = invoke(*args, columns=columns)
    return vietnamese_then_english(result, [str(a) for a in args], {**ENV, "COLUMNS": str(columns)})


def vietnamese_then_english(result: Result, argv: list[str], env: dict[str, str | None]) -> Result:
    """``result`` if it shows no error; else, once its error is found free of English, the same
    command in English (an error wrote nothing, so the command can run again). Help is
    Vietnamese by default too: the tests that read it read it in English (tests/test_help.py
    checks the Vietnamese)."""
    if env.get("TALLY_LANG") != "en" and {"-h", "--help"} & set(argv) and result.exit_code == 0:
        return invoke(*argv, env={**env, "TALLY_LANG": "en"})
    lines = result.stderr.splitlines()
    if not any(line.startswith("lỗi") for line in lines):  # "lỗi: …", "lỗi nội bộ: …"
        return result
    if any(line.startswith("lỗi: ") for line in lines):
        english = english_words(result.stderr)
        assert not english, (english, result.stderr)
    return invoke(*argv, env={**env, "TALLY_LANG": "en"})


def copy_example(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(EXAMPLES / name, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def set_csv_line(path: Path, lineno: int, content: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[lineno - 1] = content + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
    # Only a clean exit may escape the command: never an exception.
    assert result.exc_info is None or result.exc_info[0] is SystemExit, result.exc_info


def assert_error(result: Result, code: int, *needles: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert_no_traceback(result)
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def count_json(*args: str | Path) -> tuple[Result, dict[str, Any]]:
    result = run("count", *args, "--json")
    assert_no_traceback(result)
    return result, json.loads(result.stdout)


# --- exit 2: bad input or usage -------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "count"])
def test_bad_yaml(tmp_path: Path, command: str) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "  present: 108\n", "  present: [108\n")
    result = run(command, folder)
    assert_error(result, 2, "not valid YAML")
    (line,) = error_lines(result)
    assert re.match(
        rf"error: {re.escape(str(folder / 'election.yaml'))}:\d+:\d+: not valid YAML", line
    )
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["validate", "count"])
def test_bad_field_names_file_line_field(tmp_path: Path, command: str) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "    seats: 9\n    candidates: [ttka",
        "    seats: chín\n    candidates: [ttka",
    )
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("    seats: chín") + 1
    result = run(command, folder)
    assert_error(
        result,
        2,
        f"error: {folder / 'election.yaml'}:{line}:12: contests[0].seats: must be a whole number",
    )


@pytest.mark.parametrize("command", ["validate", "count"])
def test_missing_folder_is_usage_error(tmp_path: Path, command: str) -> None:
    result = run(command, tmp_path / "nope")
    assert_error(result, 2, "does not exist")
    assert "Usage: tally" in result.stderr


def test_folder_without_election_yaml(tmp_path: Path) -> None:
    result = run("count", tmp_path)
    assert_error(result, 2, "no election.yaml here", "tally init")


def test_unknown_command_and_option() -> None:
    assert_error(run("recoun"), 2, "No such command")
    assert_error(run("count", EXAMPLES / "xa-2025", "--bogus"), 2, "No such option")
    assert_error(run("count", EXAMPLES / "xa-2025", "--round", "0"), 2, "--round")
    assert_error(run("count", EXAMPLES / "xa-2025", "--lang", "fr"), 2, "--lang")


def test_unknown_rule_set_names_the_line(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "rules: qd-190-2024", "rules: qd-190-2042")
    result = run("validate", folder)
    assert_error(result, 2, "rules: unknown rule set 'qd-190-2042'", "hint: use a built-in id")
    assert f"{folder / 'election.yaml'}:6:8: rules:" in result.stderr


def test_several_problems_reported_together(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "[ttka, lvb, htd, nth, dvl, cvn]",
        "[ttka, lvb, htd, nth, dvl, xyz]",
    )
    edit(folder / "election.yaml", "ballots: ballots/bt-1.csv", "ballots: ballots/bt-9.csv")
    result = run("count", folder)
    assert_error(result, 2, "no person with id 'xyz'", "file not found: ballots/bt-9.csv")
    assert len(error_lines(result)) == 2


def test_ballot_position_out_of_range(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    csv = folder / "ballots" / "bch-1.csv"
    set_csv_line(csv, 3, "2,8 9 19,,")
    result = run("count", folder)
    assert_error(
        result,
        2,
        f"error: {csv}:3: struck: position 19 is out of range: the ballot has 18 names",
    )
    assert result.stdout == ""


def test_ballot_position_not_a_number(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    csv = folder / "ballots" / "bch-1.csv"
    set_csv_line(csv, 5, "4,5;8,,")
    result = run("count", folder)
    assert_error(result, 2, f"{csv}:5: struck: '5;8' is not a ballot position", "hint:")


def test_ballot_wrong_number_of_fields(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    csv = folder / "ballots" / "dbct-1.csv"
    set_csv_line(csv, 4, "3,2,5,,")
    result = run("count", folder)
    assert_error(result, 2, f"{csv}:4: expected 4 fields, found 5", "separated by spaces")


def test_ballot_unknown_column(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    csv = folder / "ballots" / "bt-1.csv"
    set_csv_line(csv, 1, "ballot,struck,unmarked,reason")
    result = run("count", folder)
    assert_error(result, 2, f"{csv}:1: unknown column 'reason'")


def test_duplicate_ballot_serial(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    csv = folder / "ballots" / "bch-1.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    set_csv_line(csv, 4, "2," + lines[3].split(",", 1)[1])  # the ballot on line 4 becomes serial 2
    result = run("count", folder)
    assert_error(
        result,
        2,
        f"error: {csv}:4: ballot: ballot serial '2' appears twice",
        "entered twice",
    )


def test_duplicate_non_numeric_serial(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    csv = folder / "ballots" / "bt-1.csv"
    set_csv_line(csv, 2, "A-1,,,")
    set_csv_line(csv, 7, "A-1,,,")
    result = run("count", folder)
    assert_error(result, 2, f"{csv}:7: ballot: ballot serial 'A-1' appears twice")


def test_unknown_invalid_reason(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    csv = folder / "ballots" / "bch-1.csv"
    set_csv_line(csv, 4, "3,6 9 11 13 15 16,,spoiled")
    result = run("count", folder)
    assert_error(
        result,
        2,
        f"error: {csv}:4: invalid: unknown invalid reason 'spoiled'",
        "not_issued, write_in or marked",
    )


def test_derived_invalid_reason_is_not_typed(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    csv = folder / "ballots" / "bch-1.csv"
    set_csv_line(csv, 4, "3,6 9 11 13 15 16,,too_many_kept")
    result = run("count", folder)
    assert_error(result, 2, "unknown invalid reason 'too_many_kept'", "derives this from the marks")


def test_unknown_contest(tmp_path: Path) -> None:
    result = run("count", EXAMPLES / "huyen-2020", "--contest", "nope")
    assert_error(result, 2, "no contest 'nope'", "bch, dbct, dbdk")
    assert result.stdout == ""


def test_later_round_for_wrong_number_of_seats(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    edit(
        folder / "election.yaml",
        "      - seats: 1\n        candidates: [lvd, hvt]",
        "      - seats: 2\n        candidates: [lvd, hvt]",
    )
    result = run("count", folder, "--contest", "dbdk")
    assert_error(result, 2, "round 2 must fill the 1 open seat(s) (it says 2)")


# --- exit 3: the figures do not reconcile ----------------------------------------------------


def test_issued_fewer_than_ballots_collected(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    edit(
        folder / "election.yaml",
        "      - issued: 290\n        ballots: ballots/bch-1.csv",
        "      - issued: 280\n        ballots: ballots/bch-1.csv",
    )
    result = run("count", folder, "--contest", "bch")
    assert result.exit_code == 3
    assert_no_traceback(result)
    assert "collected_over_issued" in result.stdout
    assert "Phiếu thu vào (290) nhiều hơn phiếu phát ra (280)" in result.stdout
    assert "không được công nhận" in result.stdout
    # No winners are printed for a rejected count.
    assert "Trúng cử" not in result.stdout
    assert "Lê Minh Chiến" not in result.stdout

    result, doc = count_json(folder, "--contest", "bch")
    assert result.exit_code == 3
    (contest,) = doc["contests"]
    (rnd,) = contest["rounds"]
    assert rnd["outcome"] == "rejected"
    assert rnd["elected"] == []
    assert contest["elected"] == []
    assert contest["outcome"] == "rejected"
    assert [p["code"] for p in rnd["problems"]] == ["collected_over_issued"]
    assert rnd["problems"][0]["expected"] == 280
    assert rnd["problems"][0]["actual"] == 290
    assert all(c["status"] is None for c in rnd["candidates"])


def test_declared_collected_differs_from_file(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "        ballots: ballots/bt-1.csv",
        "        collected: 107\n        ballots: ballots/bt-1.csv",
    )
    result, doc = count_json(folder)
    assert result.exit_code == 3
    bt = next(c for c in doc["contests"] if c["id"] == "bt")
    (rnd,) = bt["rounds"]
    assert rnd["outcome"] == "rejected"
    assert rnd["elected"] == [] and bt["elected"] == []
    (problem,) = rnd["problems"]
    assert problem["code"] == "collected_mismatch"
    assert "(107)" in problem["message"] and "(108)" in problem["message"]
    # The other contests are still counted and reported.
    assert next(c for c in doc["contests"] if c["id"] == "dbct")["outcome"] == "complete"

    en = run("count", folder, "--contest", "bt", "--lang", "en")
    assert en.exit_code == 3
    assert "Declared ballots collected (107) differ from the ballot file (108)" in en.stdout
    assert "Elected" not in en.stdout


def test_rejected_first_round_stops_the_contest(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "      - issued: 108\n        ballots: ballots/bch-1.csv",
        "      - issued: 100\n        ballots: ballots/bch-1.csv",
    )
    result, doc = count_json(folder, "--contest", "bch")
    assert result.exit_code == 3
    (bch,) = doc["contests"]
    assert [r["outcome"] for r in bch["rounds"]] == ["rejected"]  # round 2 is not judged
    assert bch["elected"] == []


# --- exit 4: counted, but another vote is needed ---------------------------------------------


def test_tie_exits_4() -> None:
    result = run("count", EXAMPLES / "xa-2025", "--round", "1")
    assert result.exit_code == 4
    assert_no_traceback(result)
    assert result.stderr == ""
    assert "Phạm Minh Hiếu, Trương Văn Quang ngang nhau 64 phiếu" in result.stdout

    result, doc = count_json(EXAMPLES / "xa-2025", "--round", "1")
    assert result.exit_code == 4
    bch = doc["contests"][0]
    assert bch["outcome"] == "tie"
    assert bch["rounds"][0]["tie"]["candidates"] == ["pmh", "tvq"]


def test_shortfall_exits_4() -> None:
    result = run("count", EXAMPLES / "huyen-2020", "--contest", "dbdk", "--round", "1")
    assert result.exit_code == 4
    assert_no_traceback(result)
    assert "1 ghế còn trống" in result.stdout

    result, doc = count_json(EXAMPLES / "huyen-2020", "--contest", "dbdk", "--round", "1")
    assert result.exit_code == 4
    (dbdk,) = doc["contests"]
    assert dbdk["outcome"] == "shortfall"
    assert dbdk["rounds"][0]["open_seats"] == 1
    assert dbdk["elected"] == ["tthi"]


def test_void_state_election_exits_4(tmp_path: Path) -> None:
    """Luật Bầu cử: turnout not above half of the registered voters → a re-run, nobody elected."""
    folder = copy_example(tmp_path, "phuong-hdnd-2026")
    edit(folder / "election.yaml", "registered: 2400", "registered: 4600")  # 2300 is exactly half
    result = run("count", folder)
    assert result.exit_code == 4
    assert_no_traceback(result)
    assert "phải bầu cử lại" in result.stdout
    assert "Trúng cử" not in result.stdout

    result, doc = count_json(folder)
    assert result.exit_code == 4
    (hdnd,) = doc["contests"]
    assert hdnd["outcome"] == "void"
    assert hdnd["elected"] == []
    assert hdnd["rounds"][0]["open_seats"] == 3


# --- exit 1: a rule check failed -------------------------------------------------------------


def lengthen_xa_committee_list(folder: Path) -> None:
    """xa-2025's committee: 9 seats, 11 names (surplus 2); a 12th makes the surplus 3 > 30%."""
    yaml_path = folder / "election.yaml"
    edit(
        yaml_path,
        "  - {id: cvn,",
        "  - {id: nvx, name: Nguyễn Văn Xuân, sex: M, born: 1980-01-01, ethnicity: Kinh, "
        "nominated_by: committee}\n  - {id: cvn,",
    )
    edit(yaml_path, "stsl, tvq, mvta, lqt]\n    rounds", "stsl, tvq, mvta, lqt, nvx]\n    rounds")


def test_validate_surplus_over_cap(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    lengthen_xa_committee_list(folder)
    result = run("validate", folder, columns=400)  # wide: the findings table wraps no cell
    assert result.exit_code == 1
    assert_no_traceback(result)
    flat = " ".join(result.stdout.split())
    assert "surplus_over_cap" in flat
    assert "Điều 14" in flat
    assert "số dư 3 vượt quá 30% của 9 chỗ" in flat
    assert "tối đa 2" in flat and "không quá 11 người" in flat
    assert "1 lỗi" in flat

    result = run("validate", folder, "--json", "--lang", "en")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    (finding,) = doc["findings"]
    assert finding["code"] == "surplus_over_cap"
    assert finding["severity"] == "error"
    assert finding["rule"] == "lists.surplus_max"
    assert "Điều 14" in finding["cite"]
    assert finding["expected"] == "≤ 11"
    assert finding["actual"] == 12
    assert "surplus 3 exceeds 30% of 9 seats" in finding["message"]
    assert doc["errors"] == 1


def test_validate_small_body_surplus(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    edit(
        folder / "election.yaml",
        "candidates: [hvb, ntb, lmc, tvc, ndk, cvt]",
        "candidates: [hvb, ntb, lmc, tvc, ndk, cvt, pqd]",
    )
    result = run("validate", folder, "--json")
    assert result.exit_code == 1
    assert_no_traceback(result)
    codes = {(f["code"], f["contest"]) for f in json.loads(result.stdout)["findings"]}
    assert ("surplus_over_cap", "btv") in codes


def test_validate_floor_nominee_support_too_low(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "support: 40}", "support: 32}")  # 32/108 is not more than 30%
    result = run("validate", folder, columns=400)
    assert result.exit_code == 1
    assert_no_traceback(result)
    flat = " ".join(result.stdout.split())
    assert "floor_support" in flat
    assert "Phạm Minh Hiếu chỉ được 32/108" in flat
    assert "ít nhất 33" in flat
    assert "Điều 14 khoản 3" in flat

    doc = json.loads(run("validate", folder, "--json").stdout)
    (finding,) = doc["findings"]
    assert (finding["code"], finding["person"], finding["actual"]) == ("floor_support", "pmh", 32)


def test_validate_floor_nominee_support_just_enough(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "support: 40}", "support: 33}")  # 330 > 324
    result = run("validate", folder)
    assert result.exit_code == 0, result.stdout


def test_validate_may_not_stand(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "ethnicity: Kinh, incumbent: false, nominated_by: committee}\n  # --- Ngoài",
        "ethnicity: Kinh, incumbent: false, nominated_by: committee, membership: probationary}\n  # --- Ngoài",
    )
    result = run("validate", folder, "--json")
    assert result.exit_code == 1
    assert_no_traceback(result)
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["person"]) == ("may_not_stand", "lqt")


# --- exit 70: a bug ----------------------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom in the engine")


@pytest.mark.parametrize(
    ("target", "command"),
    [("tally.engine.count_election", "count"), ("tally.checks.validate", "validate")],
)
def test_internal_error_without_traceback(
    monkeypatch: pytest.MonkeyPatch, target: str, command: str
) -> None:
    monkeypatch.setattr(target, _boom)
    result = run(command, EXAMPLES / "xa-2025")
    assert result.exit_code == 70
    assert_no_traceback(result)
    assert "internal error: RuntimeError: boom in the engine" in result.stderr
    assert "--debug" in result.stderr
    assert "not in your files" in result.stderr


def test_internal_error_with_debug_shows_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tally.engine.count_election", _boom)
    result = run("--debug", "count", EXAMPLES / "xa-2025")
    assert result.exit_code == 70
    assert "Traceback" in result.stderr
    assert "RuntimeError: boom in the engine" in result.stderr
    assert "internal error:" not in result.stderr


def test_user_errors_never_show_a_traceback_even_with_debug(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "rules: qd-190-2024", "rules: nope")
    result = run("--debug", "validate", folder)
    assert_error(result, 2, "unknown rule set 'nope'")
