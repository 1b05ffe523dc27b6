"""Rule sets: the built-ins, their citations and provenance, and user files with ``extends``."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from tally.config.loader import load_election
from tally.errors import ConfigError, RuleSetError
from tally.ruleset.loader import builtin_dir, builtin_ids, iter_builtin, load_ruleset
from tally.ruleset.models import RuleSet

BUILTIN = ["luat-bau-cu-2015", "luat-bau-cu-2015-sd-2025", "qd-190-2024", "qd-244-2014"]


@pytest.fixture(scope="module")
def builtins() -> dict[str, RuleSet]:
    return {rs.id: rs for rs in iter_builtin()}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- built-ins


def test_builtin_dir_holds_the_three_files() -> None:
    folder = builtin_dir()
    assert folder.is_dir()
    assert sorted(p.name for p in folder.glob("*.yaml")) == sorted(f"{i}.yaml" for i in BUILTIN)
    assert builtin_ids() == BUILTIN


def test_every_builtin_loads(builtins: dict[str, RuleSet]) -> None:
    assert sorted(builtins) == BUILTIN
    for rid in BUILTIN:
        assert load_ruleset(rid) == builtins[rid]
        # the current state rules are the 2015 ones under their 2025 title (Luật 83/2025/QH15
        # left counting unchanged): they extend the old id, which stays for older files
        assert builtins[rid].extends == ("luat-bau-cu-2015" if rid.endswith("sd-2025") else None)
    assert builtins["qd-244-2014"].family == "party"
    assert builtins["qd-190-2024"].family == "party"
    assert builtins["luat-bau-cu-2015"].family == "state"


def test_builtin_loads_by_path(builtins: dict[str, RuleSet]) -> None:
    assert load_ruleset(str(builtin_dir() / "qd-190-2024.yaml")) == builtins["qd-190-2024"]


@pytest.mark.parametrize("rid", BUILTIN)
def test_every_param_cited_with_provenance(builtins: dict[str, RuleSet], rid: str) -> None:
    params = list(builtins[rid].params())
    # the state law has two more: lists.max_seats and lists.list_targets (Điều 10, 8, 9);
    # QĐ 190 three more: decision.base.not_summoned, lists.counting_board_not_on_list and
    # lists.delegates_combined_list (issue 16)
    expected = 35 if rid == "qd-190-2024" else 34 if rid.startswith("luat") else 32
    assert len(params) == expected
    keys = [k for k, _ in params]
    assert len(set(keys)) == len(keys)
    for key, param in params:
        assert param.cite.strip(), key
        assert param.provenance in {"V", "S", "I", "U"}, key


def test_param_keys(builtins: dict[str, RuleSet]) -> None:
    keys = [k for k, _ in builtins["qd-190-2024"].params()]
    assert keys[:2] == ["lists.surplus_required", "lists.surplus_max"]
    assert "ballot.invalid.all_struck" in keys
    assert "decision.base.delegates_congress" in keys
    assert keys[-5:] == [
        "report.percent",
        "plan.elected_from",
        "plan.post_not_elected",
        "plan.targets",
        "plan.age_limits",
    ]
    with pytest.raises(KeyError):
        builtins["qd-190-2024"].param("lists.nope")


def test_party_rules_cite_their_own_instrument(builtins: dict[str, RuleSet]) -> None:
    for key, p in builtins["qd-190-2024"].params():
        if key.startswith("lists.") or key.startswith("ballot."):
            assert "190" in p.cite or "Điều lệ" in p.cite or "HD 04-HD/TW" in p.cite, key


def test_provenance_of_key_rules(builtins: dict[str, RuleSet]) -> None:
    r244, r190, state = (builtins[i] for i in ("qd-244-2014", "qd-190-2024", "luat-bau-cu-2015"))
    assert r244.param("ballot.invalid.too_many_kept").provenance == "V"
    assert r244.param("ballot.invalid.all_struck").provenance == "V"
    # rules-2025.md §6: 190 Art. 15 is still not read, but 190 "cơ bản giữ nguyên" 244 → I
    assert r190.param("ballot.invalid.all_struck").provenance == "I"
    assert r190.param("ballot.invalid.write_in").provenance == "U"
    assert r190.param("decision.base.members_congress").provenance == "V"
    assert r190.param("decision.base.delegates_congress").provenance == "I"  # §6: U → I
    assert r190.param("decision.base.committee_conference").provenance == "I"  # §6: U → I
    assert r244.param("lists.surplus_required").provenance == "S"  # §6: I → S
    assert r190.param("decision.tie").provenance == "U"
    assert r190.param("report.percent").provenance == "I"
    assert state.param("decision.tie").provenance == "V"
    assert state.param("decision.base.constituency").provenance == "V"
    assert state.param("report.percent").provenance == "V"


def test_values_of_key_rules(builtins: dict[str, RuleSet]) -> None:
    r244, r190, state = (builtins[i] for i in ("qd-244-2014", "qd-190-2024", "luat-bau-cu-2015"))
    for rs in (r244, r190, state):
        assert rs.decision.majority.value == Fraction(1, 2)
    cap = r190.lists.surplus_max.value
    assert cap is not None and cap.share == Fraction(3, 10)
    slate = r190.lists.slate_surplus.value
    assert slate is not None and (slate.min, slate.max) == (Fraction(1, 10), Fraction(3, 20))
    small = r190.lists.small_body.value
    assert small is not None and (small.max_seats, small.max_surplus) == (5, 1)
    floor = r190.lists.floor_nominee_support.value
    assert floor is not None and (floor.more_than, floor.of) == (Fraction(3, 10), "attending")
    assert r244.lists.floor_nominee_support.value is None
    assert r190.decision.tie.value == r244.decision.tie.value == "revote"
    assert state.decision.tie.value == "older_wins"
    assert state.decision.later_rounds.value.max_additional == 1
    assert r190.decision.later_rounds.value.max_additional is None
    turnout = state.decision.turnout.value
    assert turnout is not None and turnout.more_than == Fraction(1, 2)
    assert r190.decision.confirmation.value is True


def test_instruments_number_and_date(builtins: dict[str, RuleSet]) -> None:
    def dates(rid: str) -> dict[str, dt.date | None]:
        return {i.number: i.date for i in builtins[rid].instruments}

    for rs in builtins.values():
        assert rs.instruments
        for inst in rs.instruments:
            assert inst.number.strip()
    assert dates("qd-244-2014") == {
        "244-QĐ/TW": dt.date(2014, 6, 9),
        "04-HD/TW": dt.date(2014, 10, 6),
        "03-HD/TW": dt.date(2020, 3, 20),
    }
    assert dates("qd-190-2024") == {
        "190-QĐ/TW": dt.date(2024, 10, 10),
        "04-HD/TW": dt.date(2024, 12, 31),
        "294-QĐ/TW": dt.date(2025, 5, 26),  # rules-2025.md §2.1
        "45-CT/TW": dt.date(2025, 4, 14),
        "150-KL/TW": dt.date(2025, 4, 14),
    }
    # the number of CT 45 (2025) is also a 2020 directive's: the rule set says so
    ct45 = next(i for i in builtins["qd-190-2024"].instruments if i.number == "45-CT/TW")
    assert ct45.note is not None and "2020" in ct45.note and ct45.note_vi
    state = dates("luat-bau-cu-2015")
    assert state["85/2015/QH13"] == dt.date(2015, 6, 25)
    assert state["01/2021/TT-BNV"] == dt.date(2021, 1, 11)
    assert "21/2025/TT-BNV" in state
    # The two "04-HD/TW" collide by number; the date tells them apart.
    assert dates("qd-244-2014")["04-HD/TW"] != dates("qd-190-2024")["04-HD/TW"]


# --------------------------------------------------------------------------- user files


LOCAL = """\
# A provincial committee's guidance on top of QĐ 190.
extends: qd-190-2024
id: tinh-x-2025
title: Hướng dẫn của Tỉnh ủy X
decision:
  tie:
    value: older_wins
    cite: Hướng dẫn 05-HD/TU (2/4/2025) mục 7
    provenance: S
report:
  percent:
    value: {decimals: 1, rounding: half_up}
    cite: Hướng dẫn 05-HD/TU (2/4/2025) mục 9
    provenance: I
"""


def test_extends_overrides_single_params(tmp_path: Path, builtins: dict[str, RuleSet]) -> None:
    rules = load_ruleset(str(write(tmp_path / "local.yaml", LOCAL)))
    base = builtins["qd-190-2024"]
    assert rules.id == "tinh-x-2025"
    assert rules.extends == "qd-190-2024"
    assert rules.family == "party"  # inherited
    assert rules.instruments == base.instruments  # inherited
    assert rules.decision.tie.value == "older_wins"
    assert rules.decision.tie.cite == "Hướng dẫn 05-HD/TU (2/4/2025) mục 7"
    assert rules.decision.tie.provenance == "S"
    assert rules.decision.tie.note is None  # replaced whole: no inherited note
    assert rules.report.percent.value.decimals == 1
    assert rules.report.percent.value.rounding == "half_up"
    changed = {"decision.tie", "report.percent"}
    for key, param in rules.params():
        if key not in changed:
            assert param == base.param(key), key
    assert rules.decision.majority == base.decision.majority


def test_extends_a_user_file_by_relative_path(tmp_path: Path) -> None:
    write(tmp_path / "local.yaml", LOCAL)
    sub = tmp_path / "sub"
    sub.mkdir()
    child = write(
        sub / "union.yaml",
        "extends: ../local.yaml\nid: union\ndecision:\n  quorum:\n"
        "    value: 1/2\n    cite: Điều lệ Công đoàn art. 1\n    provenance: V\n",
    )
    rules = load_ruleset("union.yaml", relative_to=sub)
    assert rules.id == "union"
    assert rules.decision.quorum.value == Fraction(1, 2)
    assert rules.decision.tie.value == "older_wins"  # from local.yaml
    assert rules.lists.surplus_max == load_ruleset("qd-190-2024").lists.surplus_max
    assert load_ruleset(str(child)) == rules


def test_election_uses_a_user_rules_file(tmp_path: Path) -> None:
    write(tmp_path / "local.yaml", LOCAL)
    data = {
        "version": 1,
        "rules": "local.yaml",
        "congress": {"name": "Đại hội", "kind": "members_congress", "date": "2025-05-01"},
        "electorate": {"summoned": 20, "present": 20},
        "people": [{"id": "a", "name": "Lê Văn A"}],
        "contests": [
            {"id": "bt", "body": "secretary", "at": "congress", "seats": 1, "candidates": ["a"]}
        ],
    }
    write(tmp_path / "election.yaml", yaml.safe_dump(data, allow_unicode=True))
    loaded = load_election(tmp_path)
    assert loaded.rules.id == "tinh-x-2025"
    assert loaded.rules.decision.tie.value == "older_wins"


MISSING_CITE = """\
extends: qd-190-2024
id: no-cite
ballot:
  invalid:
    all_struck:
      value: false
      provenance: U
"""


def test_override_missing_cite_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "nocite.yaml", MISSING_CITE)
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    assert len(info.value.issues) == 1
    issue = info.value.issues[0]
    assert issue.location.field == "ballot.invalid.all_struck.cite"
    assert issue.message == "is required"
    assert info.value.exit_code == 2


def test_override_missing_cite_names_user_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "nocite.yaml", MISSING_CITE)
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    loc = info.value.issues[0].location
    assert loc.path == path
    assert loc.line in (5, 6)  # the 'all_struck' parameter the user wrote


def test_missing_cite_in_a_middle_file_names_that_file(tmp_path: Path) -> None:
    middle = write(
        tmp_path / "b.yaml",
        "extends: qd-190-2024\nid: b\ndecision:\n  tie:\n    value: revote\n    provenance: U\n",
    )
    write(
        tmp_path / "a.yaml",
        "extends: b.yaml\nid: a\ndecision:\n  quorum:\n    value: 1/2\n"
        "    cite: Điều lệ art. 1\n    provenance: U\n",
    )
    with pytest.raises(RuleSetError) as info:
        load_ruleset("a.yaml", relative_to=tmp_path)
    loc = info.value.issues[0].location
    assert loc.field == "decision.tie.cite"
    assert loc.path == middle
    assert loc.line in (4, 5)


def test_override_bad_provenance_names_user_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "badprov.yaml",
        "extends: qd-190-2024\nid: bad\ndecision:\n  tie:\n    value: revote\n"
        "    cite: local\n    provenance: X\n",
    )
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    loc = info.value.issues[0].location
    assert (loc.path, loc.line, loc.field) == (path, 7, "decision.tie.provenance")


def test_override_unknown_key_rejected(tmp_path: Path) -> None:
    path = write(
        tmp_path / "typo.yaml",
        "extends: qd-190-2024\nid: typo\ndecision:\n  ties:\n    value: revote\n"
        "    cite: local\n    provenance: U\n",
    )
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    issue = info.value.issues[0]
    assert issue.location.field == "decision.ties"
    assert issue.message == "unknown key"
    assert issue.location.path == path
    assert issue.location.line in (4, 5)  # the 'ties' key or the mapping under it


def test_override_empty_cite_rejected(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty.yaml",
        "extends: qd-190-2024\nid: empty\ndecision:\n  tie:\n    value: revote\n"
        "    cite: ''\n    provenance: U\n",
    )
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    assert info.value.issues[0].location.field == "decision.tie.cite"


def test_unknown_builtin_id_lists_builtins() -> None:
    with pytest.raises(RuleSetError) as info:
        load_ruleset("qd-999-2030")
    text = str(info.value)
    assert "unknown rule set 'qd-999-2030'" in text
    for rid in BUILTIN:
        assert rid in text


def test_extends_unknown_id(tmp_path: Path) -> None:
    path = write(tmp_path / "x.yaml", "extends: qd-190-2042\nid: x\n")
    with pytest.raises(RuleSetError, match="unknown rule set 'qd-190-2042'"):
        load_ruleset(str(path))


def test_extends_loop_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "self.yaml", "extends: self.yaml\nid: selfish\n")
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    issue = info.value.issues[0]
    assert "more than 8 levels deep" in issue.message
    assert issue.location.path is not None and issue.location.path.name == "self.yaml"
    assert issue.location.field == "extends"


def test_extends_two_file_loop_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "extends: b.yaml\nid: a\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\nid: b\n")
    with pytest.raises(RuleSetError, match="levels deep"):
        load_ruleset("a.yaml", relative_to=tmp_path)


def test_extends_must_be_a_string(tmp_path: Path) -> None:
    path = write(tmp_path / "x.yaml", "extends: [qd-190-2024]\nid: x\n")
    with pytest.raises(RuleSetError, match="must be a rule set id or a path"):
        load_ruleset(str(path))


def test_rules_file_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "x.yaml", "- a\n- b\n")
    with pytest.raises(RuleSetError, match="must be a mapping"):
        load_ruleset(str(path))


def test_user_rules_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match="file not found"):
        load_ruleset(str(tmp_path / "nope.yaml"))


def test_election_with_unknown_rules_is_config_error(tmp_path: Path) -> None:
    write(
        tmp_path / "election.yaml",
        "version: 1\nrules: qd-000\ncongress:\n  name: Đại hội\n  kind: members_congress\n"
        "  date: 2025-05-01\nelectorate:\n  summoned: 20\n",
    )
    with pytest.raises(ConfigError) as info:
        load_election(tmp_path)
    issue = info.value.issues[0]
    assert "unknown rule set 'qd-000'" in issue.message
    assert issue.location.field == "rules"
    assert issue.location.line == 2
