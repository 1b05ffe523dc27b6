"""Issue 16, party electorate: those not summoned at all, and the counting board off the list.

Sources (rules-2025.md §1.4, §6): Hướng dẫn 04-HD/TW (31/12/2024) lists who is *not summoned*
(suspended, prosecuted, retiring or transferred before the opening, delegates elected against
the rules): they are outside "summoned" altogether, not absent members of it. QĐ 190-QĐ/TW
(10/10/2024) Điều 8 khoản 1: the counting board's members are not on the election list.
No worked case of §7 has a not-summoned figure; the cases here are constructed on the
§8 setup of rules.md (300 summoned, base 293).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tally.checks import validate
from tally.config.loader import load_election
from tally.domain.electorate import majority_base
from tally.errors import ConfigError
from tally.report.text import base_sentence
from tally.ruleset.loader import load_ruleset
from test_rules_worked_cases import delegates_congress

ROOT = Path(__file__).resolve().parents[1]


def _load(tmp_path: Path, data: dict[str, Any]):  # type: ignore[no-untyped-def]
    (tmp_path / "election.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    loaded = load_election(tmp_path)
    return loaded.election, loaded.rules


def _members(**electorate: int) -> dict[str, Any]:
    data = delegates_congress()
    data["congress"]["kind"] = "members_congress"
    data["electorate"] = {"summoned": 40, "present": 36, **electorate}
    return data


def test_not_summoned_delegates_in_the_arithmetic_not_in_the_base(tmp_path: Path) -> None:
    # 303 official delegates; 3 not summoned (04-HD/TW): 300 summoned, base still 293.
    data = delegates_congress()
    data["electorate"]["not_summoned"] = 3
    election, rules = _load(tmp_path, data)
    contest = election.contests[0]
    base = majority_base(election, rules, contest)
    assert base.value == 293 and base.summoned == 300
    parts = [(p.key, p.sign * p.count) for p in base.parts]
    assert parts[:2] == [("roll.delegates", 303), ("not_summoned", -3)]
    vi = base_sentence(parts, 293, "vi")
    assert vi.startswith("303 đại biểu chính thức − 3 không được triệu tập")
    assert vi.endswith("= 293")
    en = base_sentence(parts, 293, "en")
    assert "− 3 not summoned" in en
    param = rules.decision.base.not_summoned
    assert param is not None and param.provenance == "S" and "04-HD/TW" in param.cite


def test_not_summoned_members_congress(tmp_path: Path) -> None:
    election, rules = _load(tmp_path, _members(not_summoned=2, suspended_or_prosecuted=1))
    base = majority_base(election, rules, election.contests[0])
    assert base.value == 39
    assert [(p.key, p.sign * p.count) for p in base.parts] == [
        ("roll.members", 42),
        ("not_summoned", -2),
        ("suspended_or_prosecuted", -1),
    ]


def test_without_not_summoned_the_sentence_is_unchanged(tmp_path: Path) -> None:
    election, rules = _load(tmp_path, delegates_congress())
    base = majority_base(election, rules, election.contests[0])
    assert base.parts[0].key == "summoned"


def test_not_summoned_needs_a_rule_set_that_knows_it(tmp_path: Path) -> None:
    data = delegates_congress(rules="qd-244-2014")
    data["electorate"]["not_summoned"] = 3
    assert load_ruleset("qd-244-2014", ROOT).decision.base.not_summoned is None
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, data)
    assert "not_summoned" in str(err.value)


def test_board_member_on_the_list_is_an_error_naming_the_person(tmp_path: Path) -> None:
    data = delegates_congress()
    # typed NFD on another keyboard: still the same person as c03's NFC name
    import unicodedata

    data["board"] = {
        "head": unicodedata.normalize("NFD", "Nguyễn Văn C03"),
        "members": ["Trần Thị Bình"],
    }
    election, rules = _load(tmp_path, data)
    found = [f for f in validate(election, rules).findings if f.code == "board_member_on_list"]
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error" and f.person == "c03" and f.contest == "bch"
    assert f.rule == "lists.counting_board_not_on_list"
    assert "Nguyễn Văn C03" in f.message.text("vi") and "Nguyễn Văn C03" in f.message.text("en")


def test_board_not_on_the_list_is_clean(tmp_path: Path) -> None:
    data = delegates_congress()
    data["board"] = {"head": "Trần Thị Bình", "members": ["Lê Văn An"]}
    election, rules = _load(tmp_path, data)
    assert not [f for f in validate(election, rules).findings if f.code == "board_member_on_list"]


def test_conference_board_checked_against_its_lists(tmp_path: Path) -> None:
    data = delegates_congress()
    data["conference"] = {"board": {"members": ["Nguyễn Văn C05"]}}
    election, rules = _load(tmp_path, data)
    found = [f for f in validate(election, rules).findings if f.code == "board_member_on_list"]
    assert [f.person for f in found] == ["c05"]
