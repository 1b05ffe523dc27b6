"""Error paths of ``load_election``: every problem names its file, line and field.

Each test writes a small election.yaml into ``tmp_path`` (or breaks a copy of one), loads it,
and checks the ConfigError's issues: the file, the line (found by searching the text, so the
tests do not hard-code line numbers), the dotted field, and a message a board member can act on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tally.config.loader import load_election, not_entered
from tally.errors import ConfigError, Issue

# A small, valid members' congress: 6 names for 5 committee seats.
BASE = """\
version: 1
rules: qd-190-2024
congress:
  name: Đại hội Đảng bộ xã Thử Nghiệm lần thứ I
  kind: members_congress
  date: 2025-06-15
electorate:
  summoned: 60
  present: 58
people:
  - {id: a, name: Nguyễn Văn An}
  - {id: b, name: Trần Thị Bình}
  - {id: c, name: Lê Văn Cường}
  - {id: d, name: Phạm Thị Dung}
  - {id: e, name: Hoàng Văn Em}
  - {id: f, name: Đỗ Thị Giang}
  - {id: g, name: Vũ Văn Hùng}
  - {id: h, name: Mai Thị Hoa}
contests:
  - id: bch
    body: committee
    seats: 5
    candidates: [a, b, c, d, e, f]
"""

# A delegates' congress (its electorate keys differ from a members' congress).
DELEGATES = """\
version: 1
rules: qd-190-2024
congress:
  name: Đại hội đại biểu Đảng bộ huyện Thử Nghiệm
  kind: delegates_congress
  date: 2025-07-20
electorate:
  summoned: 300
  ex_officio: 45
  absent_all_congress:
    ex_officio: 4
    delegates_unreplaced: 3
  present: 290
people:
  - {id: a, name: Nguyễn Văn An}
  - {id: b, name: Trần Thị Bình}
contests:
  - id: bt
    body: secretary
    at: congress
    seats: 1
    candidates: [a]
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "election.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur exactly once"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line of ``text`` that contains ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not found {nth} time(s)"
    return hits[nth - 1]


def load_issues(tmp_path: Path, text: str) -> list[Issue]:
    folder = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_election(folder)
    issues = info.value.issues
    assert issues, "a ConfigError must carry at least one issue"
    return issues


def only(issues: list[Issue]) -> Issue:
    assert len(issues) == 1, [str(i) for i in issues]
    return issues[0]


def by_field(issues: list[Issue], field: str) -> Issue:
    found = [i for i in issues if i.location.field == field]
    assert len(found) == 1, (field, [str(i) for i in issues])
    return found[0]


def test_base_file_loads(tmp_path: Path) -> None:
    loaded = load_election(write(tmp_path, BASE))
    assert loaded.election.contests[0].candidates == ["a", "b", "c", "d", "e", "f"]
    assert loaded.path == tmp_path / "election.yaml"
    delegates = load_election(write(tmp_path, DELEGATES))
    assert delegates.election.congress.kind == "delegates_congress"


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    """Required: PyYAML would silently keep the last `seats`; tally refuses with both lines."""
    text = replace(BASE, "    seats: 5\n", "    seats: 5\n    seats: 6\n")
    issue = only(load_issues(tmp_path, text))
    first, second = line_of(text, "seats: 5"), line_of(text, "seats: 6")
    assert issue.location.path == tmp_path / "election.yaml"
    assert issue.location.line == second
    # The field names the mapping that holds the key (contests[0]); the message names the key.
    assert issue.location.field is not None
    assert issue.location.field.startswith("contests[0]")
    assert "duplicate key 'seats'" in issue.message
    assert f"first given on line {first}" in issue.message
    assert issue.hint and "delete" in issue.hint


def test_duplicate_top_level_key(tmp_path: Path) -> None:
    text = BASE + "rules: qd-244-2014\n"
    issue = only(load_issues(tmp_path, text))
    assert issue.location.line == line_of(text, "rules: qd-244-2014")
    assert "duplicate key 'rules'" in issue.message
    assert f"line {line_of(text, 'rules: qd-190-2024')}" in issue.message


def test_seats_in_words(tmp_path: Path) -> None:
    text = replace(BASE, "seats: 5", "seats: mười lăm")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.line == line_of(text, "seats: mười lăm")
    assert issue.location.field == "contests[0].seats"
    assert issue.message.startswith("must be a whole number")
    assert '"mười lăm"' in issue.message
    text_form = str(issue)
    assert f"election.yaml:{issue.location.line}:" in text_form
    assert "contests[0].seats: must be a whole number" in text_form


def test_zero_seats(tmp_path: Path) -> None:
    text = replace(BASE, "seats: 5", "seats: 0")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].seats"
    assert issue.location.line == line_of(text, "seats: 0")
    assert "must be a positive integer" in issue.message


def test_negative_count(tmp_path: Path) -> None:
    text = replace(BASE, "summoned: 60", "summoned: -3")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "electorate.summoned"
    assert issue.location.line == line_of(text, "summoned: -3")
    assert "must be zero or more" in issue.message
    assert "-3" in issue.message


def test_unknown_key_did_you_mean(tmp_path: Path) -> None:
    text = replace(BASE, "    seats: 5\n", "    seat: 5\n")
    issues = load_issues(tmp_path, text)
    unknown = by_field(issues, "contests[0].seat")
    assert unknown.location.line == line_of(text, "seat: 5")
    assert unknown.message == "unknown key"
    assert unknown.hint == "did you mean 'seats'?"


def test_unknown_top_level_key(tmp_path: Path) -> None:
    text = replace(BASE, "electorate:\n", "electorat:\n")
    issues = load_issues(tmp_path, text)
    unknown = by_field(issues, "electorat")
    assert unknown.hint == "did you mean 'electorate'?"
    assert unknown.location.line in (line_of(text, "electorat:"), line_of(text, "summoned: 60"))


def test_unknown_key_with_block_value_points_at_the_key(tmp_path: Path) -> None:
    text = replace(BASE, "electorate:\n", "electorat:\n")
    unknown = by_field(load_issues(tmp_path, text), "electorat")
    assert unknown.location.line == line_of(text, "electorat:")


def test_unknown_candidate_id(tmp_path: Path) -> None:
    text = replace(BASE, "[a, b, c, d, e, f]", "[a, b, c, d, e, zz]")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].candidates[5]"
    assert issue.location.line == line_of(text, "candidates: [a, b, c, d, e, zz]")
    assert "no person with id 'zz' in people" in issue.message


def test_a_name_typed_in_a_list_gets_the_id_as_hint(tmp_path: Path) -> None:
    """A list takes ids; a full name typed there (as a new user does) is refused with the
    person's id as the hint, whatever the case or Unicode form of the name."""
    text = replace(BASE, "[a, b, c, d, e, f]", "[a, trần thị bình, c, d, e, f]")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].candidates[1]"
    hint = issue.said_hint
    assert hint is not None and not isinstance(hint, str)
    assert hint.text("en") == "that is the name of 'b': a list takes the person's id, b"
    assert hint.text("vi") == "đó là họ tên của 'b': danh sách ghi mã của người, tức b"


def test_candidate_listed_twice(tmp_path: Path) -> None:
    text = replace(BASE, "[a, b, c, d, e, f]", "[a, b, c, d, e, a]")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].candidates[5]"
    assert issue.location.line == line_of(text, "candidates: [a, b, c, d, e, a]")
    assert "'a' is on the list twice" in issue.message
    assert "positions 1 and 6" in issue.message


def test_person_id_twice(tmp_path: Path) -> None:
    text = replace(BASE, "{id: h, name: Mai Thị Hoa}", "{id: a, name: Mai Thị Hoa}")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "people[7].id"
    assert issue.location.line == line_of(text, "Mai Thị Hoa")
    assert "duplicate person id 'a'" in issue.message


def test_not_utf8(tmp_path: Path) -> None:
    text = replace(BASE, "Hoàng Văn Em", "HOANG")
    raw = text.encode("utf-8").replace(b"HOANG", "Hoàng".encode("cp1258"))
    (tmp_path / "election.yaml").write_bytes(raw)
    with pytest.raises(ConfigError) as info:
        load_election(tmp_path)
    issue = only(info.value.issues)
    assert issue.location.path == tmp_path / "election.yaml"
    assert issue.location.line == line_of(text, "HOANG")
    assert "is not UTF-8 text" in issue.message
    assert issue.hint and "UTF-8" in issue.hint


def test_utf8_with_bom_is_fine(tmp_path: Path) -> None:
    (tmp_path / "election.yaml").write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load_election(tmp_path).election.rules == "qd-190-2024"


def test_yaml_syntax_error_line(tmp_path: Path) -> None:
    text = replace(BASE, "  present: 58\n", "  present: [58\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.message.startswith("not valid YAML")
    # The parser notices the unclosed bracket on the line after it.
    assert issue.location.line in (line_of(text, "present: [58"), line_of(text, "people:"))
    assert issue.location.column is not None


def test_yaml_bad_indentation_line(tmp_path: Path) -> None:
    text = replace(BASE, "  date: 2025-06-15\n", "  date: 2025-06-15\n    place: X: Y\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.message.startswith("not valid YAML")
    assert issue.location.line == line_of(text, "place: X: Y")


def test_alias_bomb_refused(tmp_path: Path) -> None:
    bomb = "lol0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n"
    text = BASE + bomb
    issue = only(load_issues(tmp_path, text))
    assert "expands to more than" in issue.message
    assert issue.hint and "aliases" in issue.hint
    # The position is that of the repeated (anchored) node, somewhere in the bomb.
    assert issue.location.line is not None
    assert issue.location.line >= line_of(text, "lol0:")


def test_small_alias_is_fine(tmp_path: Path) -> None:
    text = replace(
        BASE, "    candidates: [a, b, c, d, e, f]\n", "    candidates: &list [a, b, c, d, e, f]\n"
    )
    assert load_election(write(tmp_path, text)).election.contests[0].seats == 5


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    issue = only(load_issues(tmp_path, text))
    assert issue.location.path == tmp_path / "election.yaml"
    assert "empty" in issue.message


def test_not_a_mapping(tmp_path: Path) -> None:
    issue = only(load_issues(tmp_path, "- version: 1\n"))
    assert issue.location.line == 1
    assert "must be a mapping" in issue.message


def test_election_yaml_missing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_election(tmp_path)
    issue = only(info.value.issues)
    assert issue.location.path == tmp_path / "election.yaml"
    assert "no election.yaml here" in issue.message
    assert issue.hint and "tally init" in issue.hint


def test_exclusions_more_than_summoned(tmp_path: Path) -> None:
    text = replace(
        BASE, "  summoned: 60\n", "  summoned: 60\n  attached_elsewhere: 40\n  exempt_absent: 30\n"
    )
    issues = load_issues(tmp_path, text)
    summoned = by_field(issues, "electorate.summoned")
    assert summoned.location.line == line_of(text, "summoned: 60")
    assert "(70) are more than the summoned (60)" in summoned.message
    # present 58 > 60 − 70 as well: both problems at once.
    present = by_field(issues, "electorate.present")
    assert present.location.line == line_of(text, "present: 58")


def test_present_more_than_summoned_minus_excluded(tmp_path: Path) -> None:
    text = replace(BASE, "  summoned: 60\n", "  summoned: 60\n  attached_elsewhere: 5\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "electorate.present"
    assert issue.location.line == line_of(text, "present: 58")
    assert "present at the vote (58)" in issue.message
    assert "summoned (60)" in issue.message
    assert "(5)" in issue.message
    assert issue.hint and "absent for the whole congress" in issue.hint


def test_delegates_present_more_than_base(tmp_path: Path) -> None:
    text = replace(DELEGATES, "present: 290", "present: 295")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "electorate.present"
    assert issue.location.line == line_of(text, "present: 295")
    assert "(295)" in issue.message and "(7)" in issue.message


def test_more_ex_officio_absent_than_ex_officio(tmp_path: Path) -> None:
    text = replace(DELEGATES, "  ex_officio: 45\n", "  ex_officio: 3\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "electorate.absent_all_congress.ex_officio"
    assert issue.location.line == line_of(text, "    ex_officio: 4")
    assert "(4)" in issue.message and "(3)" in issue.message


def test_electorate_key_of_another_meeting_kind(tmp_path: Path) -> None:
    text = replace(DELEGATES, "  present: 290\n", "  present: 290\n  registered: 2400\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "electorate.registered"
    assert issue.location.line == line_of(text, "registered: 2400")
    assert "does not apply to a delegates_congress" in issue.message
    assert "ex_officio" in issue.message  # lists the keys that do apply


def test_members_key_in_delegates_congress(tmp_path: Path) -> None:
    text = replace(DELEGATES, "  present: 290\n", "  present: 290\n  exempt_absent: 2\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "electorate.exempt_absent"
    assert "does not apply to a delegates_congress" in issue.message


def test_later_round_candidate_not_in_contest(tmp_path: Path) -> None:
    text = BASE + (
        "    rounds:\n      - issued: 58\n      - seats: 1\n        candidates: [a, zz]\n"
    )
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].rounds[1].candidates[1]"
    assert issue.location.line == line_of(text, "candidates: [a, zz]")
    assert "'zz' is not a candidate of contest 'bch'" in issue.message


def test_later_round_more_seats_than_contest(tmp_path: Path) -> None:
    text = BASE + (
        "    rounds:\n      - issued: 58\n      - seats: 6\n        candidates: [a, b]\n"
    )
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].rounds[1].seats"
    assert issue.location.line == line_of(text, "- seats: 6")
    assert "more seats (6) than the contest has (5)" in issue.message


CHAIN = (
    BASE
    + """\
  - id: btv
    body: standing_committee
    seats: 3
    candidates: [a, b, c, d]
  - id: bt
    body: secretary
    seats: 1
    candidates: [a]
  - id: ubkt
    body: inspection_committee
    seats: 3
    candidates: [e, f, g, h]
  - id: cn
    body: inspection_chair
    seats: 1
    candidates: [g]
"""
)


def test_chain_is_valid(tmp_path: Path) -> None:
    assert len(load_election(write(tmp_path, CHAIN)).election.contests) == 5


def test_chain_standing_committee_not_on_committee_list(tmp_path: Path) -> None:
    text = replace(CHAIN, "candidates: [a, b, c, d]", "candidates: [a, b, c, g]")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[1].candidates[3]"
    assert issue.location.line == line_of(text, "candidates: [a, b, c, g]")
    assert "'g' is not a candidate for the committee" in issue.message
    assert "'bch'" in issue.message


def test_chain_secretary_not_on_standing_committee_list(tmp_path: Path) -> None:
    text = replace(CHAIN, "    candidates: [a]\n", "    candidates: [e]\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[2].candidates[0]"
    assert issue.location.line == line_of(text, "candidates: [e]")
    assert "'e' is not a candidate for the standing_committee" in issue.message
    assert issue.hint and "secretary is elected from the standing_committee" in issue.hint


def test_chain_inspection_chair_not_on_inspection_list(tmp_path: Path) -> None:
    text = replace(CHAIN, "    candidates: [g]\n", "    candidates: [a]\n")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[4].candidates[0]"
    assert issue.location.line == line_of(text, "    candidates: [a]", nth=2)
    assert "'a' is not a candidate for the inspection_committee" in issue.message


def test_direct_secretary_comes_from_committee_list(tmp_path: Path) -> None:
    """`at: congress`: the secretary is chosen from the committee list, not the standing committee."""
    ok = replace(CHAIN, "    body: secretary\n", "    body: secretary\n    at: congress\n")
    ok = replace(ok, "    candidates: [a]\n", "    candidates: [e]\n")
    assert load_election(write(tmp_path, ok)).election.contests[2].candidates == ["e"]
    bad = replace(ok, "    candidates: [e]\n", "    candidates: [g]\n")
    issue = only(load_issues(tmp_path, bad))
    assert "'g' is not a candidate for the committee" in issue.message


def test_ballots_file_not_found(tmp_path: Path) -> None:
    """A name close to a file nobody else names is a typo: an error, located, with the file."""
    (tmp_path / "ballots").mkdir()
    (tmp_path / "ballots" / "bch1.csv").write_text("ballot,struck\n1,1\n", encoding="utf-8")
    text = BASE + "    rounds:\n      - issued: 58\n        ballots: ballots/bch-1.csv\n"
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].rounds[0].ballots"
    assert issue.location.line == line_of(text, "ballots: ballots/bch-1.csv")
    assert "file not found: ballots/bch-1.csv" in issue.message
    assert issue.hint == "did you mean 'ballots/bch1.csv'?"


def test_ballots_file_not_written_yet(tmp_path: Path) -> None:
    """A new election names its ballot file before the vote: not entered yet, no error, and
    ``issued`` may wait until the ballots are counted."""
    text = BASE + "    rounds:\n      - ballots: ballots/bch-1.csv\n"
    loaded = load_election(write(tmp_path, text))
    (due,) = not_entered(loaded)
    assert (due.contest, due.round, due.files) == ("bch", 1, ("ballots/bch-1.csv",))
    assert not loaded.entered(loaded.election.contests[0].rounds[0])


def test_ballots_without_issued(tmp_path: Path) -> None:
    (tmp_path / "ballots").mkdir()
    (tmp_path / "ballots" / "bch-1.csv").write_text("ballot,struck\n1,1\n", encoding="utf-8")
    text = BASE + "    rounds:\n      - ballots: ballots/bch-1.csv\n"
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[0].rounds[0].issued"
    assert "ballots issued is required" in issue.message


def test_unknown_rule_set(tmp_path: Path) -> None:
    text = replace(BASE, "rules: qd-190-2024", "rules: qd-999")
    issue = only(load_issues(tmp_path, text))
    assert issue.location.path == tmp_path / "election.yaml"
    assert issue.location.field == "rules"
    assert issue.location.line == line_of(text, "rules: qd-999")
    assert "unknown rule set 'qd-999'" in issue.message
    assert issue.hint and "qd-190-2024" in issue.hint


def test_rule_set_file_relative_to_election(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(
        "id: local\ntitle: Local\nextends: qd-190-2024\n", encoding="utf-8"
    )
    text = replace(BASE, "rules: qd-190-2024", "rules: local.yaml")
    assert load_election(write(tmp_path, text)).rules.id == "local"


def test_nomination_poll_without_for(tmp_path: Path) -> None:
    text = BASE + "  - id: poll\n    body: nomination_poll\n    candidates: [g]\n"
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[1].body"
    assert issue.location.line == line_of(text, "body: nomination_poll")
    assert "needs 'for: <contest id>'" in issue.message


def test_nomination_poll_for_unknown_contest(tmp_path: Path) -> None:
    text = BASE + "  - id: poll\n    body: nomination_poll\n    for: nope\n    candidates: [g]\n"
    issue = only(load_issues(tmp_path, text))
    assert issue.location.field == "contests[1].for"
    assert issue.location.line == line_of(text, "for: nope")
    assert "no contest 'nope'" in issue.message


def test_model_problems_all_reported_at_once(tmp_path: Path) -> None:
    text = replace(BASE, "seats: 5", "seats: mười lăm")
    text = replace(text, "summoned: 60", "summoned: -1")
    text = replace(text, "  date: 2025-06-15\n", "  date: 15/06/2025\n")
    text = replace(text, "    body: committee\n", "    body: committee\n    seat: 5\n")
    issues = load_issues(tmp_path, text)
    fields = {i.location.field: i for i in issues}
    assert set(fields) == {
        "congress.date",
        "electorate.summoned",
        "contests[0].seats",
        "contests[0].seat",
    }
    assert fields["congress.date"].location.line == line_of(text, "date: 15/06/2025")
    assert "YYYY-MM-DD" in fields["congress.date"].message
    assert fields["electorate.summoned"].location.line == line_of(text, "summoned: -1")
    assert fields["contests[0].seats"].location.line == line_of(text, "seats: mười lăm")
    assert fields["contests[0].seat"].hint == "did you mean 'seats'?"


def test_reference_problems_all_reported_at_once(tmp_path: Path) -> None:
    text = replace(CHAIN, "[a, b, c, d, e, f]", "[a, b, c, d, e, zz]")
    text = replace(text, "candidates: [a, b, c, d]", "candidates: [a, b, c, g]")
    text = replace(text, "    candidates: [g]\n", "    candidates: [a]\n")
    text = replace(text, "  summoned: 60\n", "  summoned: 60\n  attached_elsewhere: 5\n")
    text = text + "    rounds:\n      - issued: 1\n        ballots: ballots/cn-1.csv\n"
    # A misspelt ballot file (a file not written yet is no error: the round is not entered).
    (tmp_path / "ballots").mkdir()
    (tmp_path / "ballots" / "cn1.csv").write_text("ballot,struck\n", encoding="utf-8")
    issues = load_issues(tmp_path, text)
    fields = [i.location.field for i in issues]
    assert set(fields) >= {
        "electorate.present",
        "contests[0].candidates[5]",
        "contests[1].candidates[3]",
        "contests[4].candidates[0]",
        "contests[4].rounds[0].ballots",
    }
    assert all(i.location.path == tmp_path / "election.yaml" for i in issues)
    assert all(i.location.line is not None for i in issues)
