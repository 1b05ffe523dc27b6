"""The CLI's commands on good input: help, rules, schema, init, validate, count --json."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clirun import ENV, invoke
from tally.config.schema import election_schema
from tally.ruleset.loader import builtin_dir, builtin_ids, load_ruleset, load_ruleset_files
from test_cli_errors import vietnamese_then_english

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")
BUILTINS = ["luat-bau-cu-2015", "luat-bau-cu-2015-sd-2025", "qd-190-2024", "qd-244-2014"]


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    result = invoke(*args, env=env)
    return vietnamese_then_english(result, [str(a) for a in args], {**ENV, **(env or {})})


def ok(*args: str | Path) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- help and version -------------------------------------------------------------------------


def test_help_lists_the_commands() -> None:
    out = ok("--help").stdout
    for command in ("validate", "count", "rules", "schema", "init"):
        assert f"  {command} " in out
    assert "Exit codes:" in out
    assert "70 internal error" in out
    assert ok("-h").stdout == out


@pytest.mark.parametrize("command", ["validate", "count", "rules", "schema", "init"])
def test_each_command_has_help(command: str) -> None:
    assert "Usage: tally " + command in ok(command, "--help").stdout


def test_version() -> None:
    assert ok("--version").stdout.strip() == "tally, version 0.1.0"


def test_python_m_tally_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tally", "--help"],
        env={k: v for k, v in os.environ.items() if k != "TALLY_LANG"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Cách dùng: tally" in proc.stdout  # Vietnamese unless TALLY_LANG=en
    assert "count" in proc.stdout and "validate" in proc.stdout
    assert "Traceback" not in proc.stderr


# --- rules ------------------------------------------------------------------------------------


def test_builtin_ids() -> None:
    assert builtin_ids() == BUILTINS


def test_rules_list() -> None:
    out = ok("rules", "list").stdout
    for rid in BUILTINS:
        assert rid in out
    assert "190-QĐ/TW" in out and "85/2015/QH13" in out


def test_rules_list_json() -> None:
    doc = json.loads(ok("rules", "list", "--json").stdout)
    # the regulations, then the templates (issue 16), each saying which it is
    doc = [r for r in doc if r["status"] == "regulation"]
    assert [r["id"] for r in doc] == BUILTINS
    for r in doc:
        assert set(r) == {"id", "title", "family", "status", "extends", "current", "instruments"}
        assert r["title"] and r["instruments"]
        assert all("number" in i and "date" in i for i in r["instruments"])
    assert {r["id"]: r["family"] for r in doc} == {
        "luat-bau-cu-2015": "state",
        "luat-bau-cu-2015-sd-2025": "state",
        "qd-190-2024": "party",
        "qd-244-2014": "party",
    }


def _params(node: Any, prefix: str = "") -> dict[str, dict[str, Any]]:
    """Every parameter (a mapping with ``value``) in a rules JSON document, by dotted key."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(node, dict):
        if "value" in node and "cite" in node:
            return {prefix: node}
        for key, value in node.items():
            out.update(_params(value, f"{prefix}.{key}" if prefix else key))
    return out


@pytest.mark.parametrize("rule_set", BUILTINS)
def test_rules_show_json_has_every_parameter_with_provenance(rule_set: str) -> None:
    doc = json.loads(ok("rules", "show", rule_set, "--json").stdout)
    assert doc["id"] == rule_set
    params = _params({k: doc[k] for k in ("lists", "ballot", "decision", "report", "plan")})
    expected = {key for key, _ in load_ruleset(rule_set).params()}
    assert set(params) == expected
    assert len(params) >= 20
    for key, param in params.items():
        assert isinstance(param["cite"], str) and param["cite"].strip(), key
        assert param["provenance"] in {"V", "S", "I", "U"}, key
        # cite and note stay the English (or the one text); the Vietnamese beside them
        assert {"value", "cite", "provenance", "note"} <= set(param), key
        assert set(param) <= {"value", "cite", "provenance", "note", "cite_vi", "note_vi"}, key


def test_rules_show_terminal() -> None:
    out = ok("rules", "show", "qd-190-2024").stdout
    assert out.startswith("qd-190-2024: Quy chế bầu cử trong Đảng")
    assert "lists.surplus_max" in out
    assert "decision.tie" in out
    assert "[U]*" in out  # unverified defaults are marked
    assert "V: đã kiểm chứng" in out
    en = run("rules", "show", "qd-190-2024", "--lang", "en").stdout
    assert "V verified in the text" in en


LOCAL_RULES = """\
id: tinh-x-2025
title: Quy chế riêng tỉnh X
extends: qd-190-2024
lists:
  surplus_max:
    value: {share: 20%, bodies: [committee]}
    cite: Hướng dẫn của Tỉnh ủy X (1/2025) mục 3
    provenance: S
"""


def test_rules_show_user_file_with_extends(tmp_path: Path) -> None:
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL_RULES, encoding="utf-8")
    doc = json.loads(ok("rules", "show", path, "--json").stdout)
    assert doc["id"] == "tinh-x-2025"
    assert doc["extends"] == "qd-190-2024"
    assert doc["family"] == "party"  # inherited
    assert doc["lists"]["surplus_max"] == {
        "value": {"share": "20%", "bodies": ["committee"]},
        "cite": "Hướng dẫn của Tỉnh ủy X (1/2025) mục 3",
        "provenance": "S",
        "note": None,
    }
    base = json.loads(ok("rules", "show", "qd-190-2024", "--json").stdout)
    assert doc["lists"]["slate_surplus"] == base["lists"]["slate_surplus"]
    assert doc["decision"] == base["decision"]

    out = ok("rules", "show", path).stdout
    assert out.startswith("tinh-x-2025: Quy chế riêng tỉnh X")
    assert "mở rộng từ: qd-190-2024" in out  # Vietnamese by default
    assert "extends: qd-190-2024" in ok("rules", "show", path, "--lang", "en").stdout
    assert "Tỉnh ủy X" in out


def test_rules_show_override_without_citation_is_refused(tmp_path: Path) -> None:
    """An override replaces the whole parameter: it must bring its own cite and provenance."""
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL_RULES.replace("    cite: Hướng dẫn của Tỉnh ủy X (1/2025) mục 3\n", ""))
    result = run("rules", "show", path)
    assert result.exit_code == 2
    assert "lists.surplus_max.cite: is required" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_override_without_citation_names_the_users_file(tmp_path: Path) -> None:
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL_RULES.replace("    cite: Hướng dẫn của Tỉnh ủy X (1/2025) mục 3\n", ""))
    result = run("rules", "show", path)
    assert f"error: {path}:" in result.stderr


def test_rules_show_unknown() -> None:
    result = run("rules", "show", "qd-000")
    assert result.exit_code == 2
    assert "unknown rule set 'qd-000'" in result.stderr


# --- schema -----------------------------------------------------------------------------------


def test_schema_equals_committed_file() -> None:
    """Required: the committed schema/election.schema.json is the models' schema, byte for byte."""
    committed = (ROOT / "schema" / "election.schema.json").read_bytes().decode("utf-8")
    printed = ok("schema").stdout
    assert printed == committed, (
        "schema/election.schema.json is stale: regenerate it with "
        "'tally schema > schema/election.schema.json'"
    )
    assert json.loads(committed) == election_schema()


def test_schema_describes_the_format() -> None:
    schema = json.loads(ok("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"version", "rules", "congress"} <= set(schema["required"])
    assert {"electorate", "people", "contests", "plan"} <= set(schema["properties"])
    contest = schema["$defs"]["Contest"]
    assert "for" in contest["properties"]  # the alias, as users write it
    assert contest["additionalProperties"] is False


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_example_first_line_points_at_schema(example: str) -> None:
    path = EXAMPLES / example / "election.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = first[len(prefix) :]
    assert (path.parent / target).resolve() == (ROOT / "schema" / "election.schema.json")


# --- init ---------------------------------------------------------------------------------------


def test_init_then_validate(tmp_path: Path) -> None:
    folder = tmp_path / "dai-hoi"
    result = ok("init", folder, "--lang", "en")

    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "rules: qd-190-2024" in text
    assert (folder / "ballots" / "README.txt").is_file()
    assert f"wrote {folder / 'election.yaml'}" in result.stderr
    assert f"tally validate {folder}" in result.stderr

    validated = ok("validate", folder)
    assert "Không có lỗi." in validated.stdout


def test_init_with_other_rules(tmp_path: Path) -> None:
    folder = tmp_path / "dh"
    ok("init", folder, "--rules", "qd-244-2014")
    assert "rules: qd-244-2014" in (folder / "election.yaml").read_text(encoding="utf-8")
    assert "qd-244-2014" in ok("validate", folder).stdout


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "dai-hoi"
    ok("init", folder)
    election = folder / "election.yaml"
    election.write_text(election.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    before = election.read_bytes()
    readme = (folder / "ballots" / "README.txt").read_bytes()

    result = run("init", folder)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert "never overwrites" in result.stderr
    assert "Traceback" not in result.stderr
    assert election.read_bytes() == before
    assert (folder / "ballots" / "README.txt").read_bytes() == readme


# --- validate -----------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_validate_examples(example: str) -> None:
    result = ok("validate", EXAMPLES / example)
    assert result.stderr == ""
    assert "Không có lỗi." in result.stdout


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_validate_json(example: str) -> None:
    doc = json.loads(ok("validate", EXAMPLES / example, "--json").stdout)
    assert {
        "election",
        "rules",
        "tool",
        "inputs",
        "contests",
        "findings",
        "errors",
        "warnings",
    } <= set(doc)
    assert doc["inputs"]["election.yaml"] == sha256(EXAMPLES / example / "election.yaml")
    assert doc["errors"] == 0


def test_validate_accepts_the_yaml_path() -> None:
    by_folder = ok("validate", EXAMPLES / "xa-2025").stdout
    assert ok("validate", EXAMPLES / "xa-2025" / "election.yaml").stdout == by_folder


# --- count --json -------------------------------------------------------------------------------

ROUND_KEYS = {
    "round",
    "base",
    "threshold",
    "ballots",
    "candidates",
    "elected",
    "outcome",
    "open_seats",
    "tie",
    "assumptions",
    "problems",
}
BALLOT_KEYS = {"issued", "collected", "valid", "invalid", "invalid_by_reason"}
CANDIDATE_KEYS = {"id", "position", "name", "votes", "pct_of_base", "passed", "status"}
REASONS = {"not_issued", "too_many_kept", "all_struck", "write_in", "marked", "no_choice"}


def count_doc(*args: str | Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(ok("count", *args, "--json").stdout)
    return doc


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_count_json_has_the_design_keys(example: str) -> None:
    folder = EXAMPLES / example
    doc = count_doc(folder)
    assert {"election", "rules", "tool", "inputs", "contests"} <= set(doc)
    assert doc["tool"] == "tally 0.1.0"
    assert isinstance(doc["election"], str) and doc["election"]

    # inputs: sha256 of election.yaml and of every ballots file, by relative path, and of
    # the built-in rule set's YAML
    ballots = sorted(p.relative_to(folder).as_posix() for p in (folder / "ballots").glob("*.csv"))
    # (each built-in of the chain: luat-bau-cu-2015-sd-2025 extends luat-bau-cu-2015)
    chain = [f"builtin:{p.stem}" for p in load_ruleset_files(doc["rules"])[1]]
    assert chain[0] == f"builtin:{doc['rules']}"
    assert sorted(doc["inputs"]) == sorted(["election.yaml", *ballots, *chain])
    for rel, digest in doc["inputs"].items():
        stem = rel.removeprefix("builtin:")
        path = builtin_dir() / f"{stem}.yaml" if rel in chain else folder / rel
        assert digest == sha256(path), rel

    assert doc["contests"]
    for c in doc["contests"]:
        assert {"id", "body", "seats", "rounds", "elected"} <= set(c)
        assert c["rounds"]
        gathered: list[str] = []
        for i, rnd in enumerate(c["rounds"], 1):
            assert set(rnd) >= ROUND_KEYS, ROUND_KEYS - set(rnd)
            assert rnd["round"] == i
            assert set(rnd["ballots"]) >= BALLOT_KEYS
            b = rnd["ballots"]
            assert b["valid"] + b["invalid"] == b["collected"]
            assert sum(b["invalid_by_reason"].values()) == b["invalid"]
            assert set(b["invalid_by_reason"]) <= REASONS
            assert rnd["outcome"] in {"complete", "tie", "shortfall", "rejected", "void"}
            assert rnd["problems"] == []
            assert all(isinstance(a, str) for a in rnd["assumptions"])
            assert isinstance(rnd["open_seats"], int)
            for pos, cand in enumerate(rnd["candidates"], 1):
                assert set(cand) >= CANDIDATE_KEYS
                assert cand["position"] == pos
                assert cand["status"] in {"elected", "tie", "not_elected"}
                assert isinstance(cand["pct_of_base"], str)
                assert cand["passed"] == (2 * cand["votes"] > rnd["base"])
                assert cand["passed"] == (cand["votes"] >= rnd["threshold"])
            assert set(rnd["elected"]) == {
                cand["id"] for cand in rnd["candidates"] if cand["status"] == "elected"
            }
            gathered += rnd["elected"]
        assert c["elected"] == gathered


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_count_output_is_byte_identical_across_runs(example: str) -> None:
    folder = EXAMPLES / example
    assert ok("count", folder, "--json").stdout == ok("count", folder, "--json").stdout
    assert ok("count", folder).stdout == ok("count", folder).stdout


def test_count_json_language_changes_messages_only(tmp_path: Path) -> None:
    vi, en = count_doc(EXAMPLES / "xa-2025"), count_doc(EXAMPLES / "xa-2025", "--lang", "en")
    assert vi == en  # no problems to word: the documents are equal


def test_count_one_contest_and_round() -> None:
    doc = count_doc(EXAMPLES / "huyen-2020", "--contest", "bt")
    assert [c["id"] for c in doc["contests"]] == ["bt"]
    assert doc["contests"][0]["elected"] == ["lmc"]
    doc = count_doc(EXAMPLES / "xa-2025", "--contest", "dbct", "--round", "1")
    assert [len(c["rounds"]) for c in doc["contests"]] == [1]


def test_count_lang_en_is_english() -> None:
    en = ok("count", EXAMPLES / "xa-2025", "--lang", "en").stdout
    flat = " ".join(en.split())
    assert "Rules: qd-190-2024" in en
    assert "(bch) — round 2" in en
    assert "Elected (by votes, high to low):" in en
    assert "are tied on 64 votes" in flat
    assert "Present 108 · Issued 108 · Collected 108 · Valid 106 · Invalid 2" in en
    # Names of people, contests and the congress stay as written; the tool's own words change.
    assert "Trúng cử" not in en and "— lần " not in en and "Có mặt" not in en
    vi = ok("count", EXAMPLES / "xa-2025").stdout
    assert "Quy chế: qd-190-2024" in vi
    assert "Trúng cử (theo số phiếu từ cao đến thấp):" in vi
    assert "Elected" not in vi


def test_tally_lang_environment_variable() -> None:
    en = run("count", EXAMPLES / "xa-2025", env={"TALLY_LANG": "en"})
    assert en.exit_code == 0
    assert en.stdout == ok("count", EXAMPLES / "xa-2025", "--lang", "en").stdout


def test_count_with_tally_sheets(tmp_path: Path) -> None:
    """A round counted from the counting groups' sheets instead of per-ballot records."""
    folder = tmp_path / "xa"
    shutil.copytree(EXAMPLES / "xa-2025", folder)
    (folder / "tallies").mkdir()
    (folder / "tallies" / "bt-g1.yaml").write_text(
        "group: 1\ncollected: 60\ninvalid: {no_choice: 1}\nvotes: {htd: 55}\n", encoding="utf-8"
    )
    (folder / "tallies" / "bt-g2.yaml").write_text(
        "group: 2\ncollected: 48\nvotes: {htd: 43}\n", encoding="utf-8"
    )
    yaml_path = folder / "election.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    assert text.count("ballots: ballots/bt-1.csv") == 1
    yaml_path.write_text(
        text.replace(
            "ballots: ballots/bt-1.csv", "tallies: [tallies/bt-g1.yaml, tallies/bt-g2.yaml]"
        ),
        encoding="utf-8",
    )
    doc = count_doc(folder, "--contest", "bt")
    (rnd,) = doc["contests"][0]["rounds"]
    assert rnd["ballots"]["collected"] == 108
    assert rnd["ballots"]["invalid_by_reason"] == {"no_choice": 1}
    assert rnd["candidates"][0]["votes"] == 98
    assert rnd["elected"] == ["htd"]
    assert set(doc["inputs"]) == {
        "election.yaml",
        "ballots/bch-1.csv",
        "ballots/bch-2.csv",
        "ballots/dbct-1.csv",
        "tallies/bt-g1.yaml",
        "tallies/bt-g2.yaml",
        "builtin:qd-190-2024",
    }
