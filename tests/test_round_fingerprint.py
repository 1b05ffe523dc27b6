"""A fingerprint per round: a signed paper keeps verifying while the rest of the day goes on.

The committee's minutes are signed at the congress; the conference votes in the evening and its
ballots are added to the same folder; a board member's name is corrected for the conference's
minutes. None of that changes the committee's result or its minutes, so none of it may make
the committee's signed paper fail ``tally verify``. Anything that could change that round's
result or its minutes must.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clirun import invoke
from test_cli_errors import edit

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path) -> Result:
    return invoke(*args)


def minutes_code(folder: Path, contest: str, round_no: int = 1) -> str:
    """The short code printed on the signed page of the round's minutes (Markdown)."""
    args = ("minutes", folder, "--contest", contest, "--round", str(round_no), "-o", "-")
    result = run(*args)
    assert result.exit_code in (0, 4), result.output
    found = re.search(r"Mã kiểm tra: \*\*([0-9A-F-]{19})\*\*", result.stdout)
    full = re.search(r"SHA-256 của dữ liệu đầu vào: \*\*([0-9a-f]{64})\*\*", result.stdout)
    assert found and full, result.stdout
    assert full.group(1).upper().startswith(found.group(1).replace("-", ""))
    return found.group(1)


def codes(folder: Path) -> dict[tuple[str, int], str]:
    """Every round's short code, as ``tally verify --json`` compares them."""
    doc: dict[str, Any] = json.loads(run("verify", folder, "--fingerprint", "0", "--json").stdout)
    return {(r["contest"], r["round"]): r["short"] for r in doc["rounds"]}


@pytest.fixture
def huyen(tmp_path: Path) -> Path:
    folder = tmp_path / "huyen"
    shutil.copytree(ROOT / "examples" / "huyen-2020", folder)
    return folder


def test_adding_a_later_contests_ballots_keeps_an_earlier_rounds_fingerprint(huyen: Path) -> None:
    """The committee's minutes are signed before the conference votes; its ballots come later."""
    conference = huyen / "ballots" / "btv-1.csv"
    saved = conference.read_bytes()
    conference.unlink()  # the conference has not voted yet when the committee's paper is signed
    signed = minutes_code(huyen, "bch")
    conference.write_bytes(saved)  # the evening: the standing committee's ballots are entered
    result = run("verify", huyen, "--fingerprint", signed, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "bch" in result.stdout and "round 1" in result.stdout
    assert minutes_code(huyen, "bch") == signed


def test_changing_one_mark_in_the_rounds_file_changes_its_fingerprint(huyen: Path) -> None:
    signed = minutes_code(huyen, "bch")
    other = minutes_code(huyen, "dbct")
    edit(huyen / "ballots" / "bch-1.csv", "\n1,6 9 12 16,,\n", "\n1,6 9 12 15,,\n")
    result = run("verify", huyen, "--fingerprint", signed, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "Does not match" in result.stdout
    assert minutes_code(huyen, "bch") != signed
    assert minutes_code(huyen, "dbct") == other  # another contest's paper still verifies


def test_an_earlier_round_constrains_a_later_one_not_the_other_way(huyen: Path) -> None:
    """Round 2 exists for the seats round 1 left open: round 1's marks are part of it."""
    before = codes(huyen)
    edit(huyen / "ballots" / "dbdk-2.csv", "\n1,2,,\n", "\n1,1,,\n")
    after = codes(huyen)
    assert after[("dbdk", 1)] == before[("dbdk", 1)]
    assert after[("dbdk", 2)] != before[("dbdk", 2)]
    edit(huyen / "ballots" / "dbdk-1.csv", "\n1,1,,\n", "\n1,3,,\n")
    again = codes(huyen)
    assert again[("dbdk", 1)] != after[("dbdk", 1)]
    assert again[("dbdk", 2)] != after[("dbdk", 2)]


# (what is edited in election.yaml, old, new, the rounds whose code changes, rounds kept)
EDITS = [
    (
        "a comment",
        "# Ví dụ:",
        "# Ví dụ (đã sửa chú thích):",
        [],
        [("bch", 1), ("btv", 1), ("dbdk", 2)],
    ),
    (
        "another contest's name",
        "name: Bầu Ban Thường vụ Huyện ủy khóa XXII",
        "name: Bầu Ban Thường vụ Huyện ủy Đông Lâm khóa XXII",
        [("btv", 1)],
        [("bch", 1), ("bt", 1)],
    ),
    (
        "a person on another contest's list only",
        "name: Trịnh Thị Hạnh",
        "name: Trịnh Thị Hạnh (sửa)",
        [("ubkt", 1)],
        [("bch", 1), ("btv", 1)],
    ),
    (
        "a birth date the checks and the tie rule read",
        "born: 1985-04-30",
        "born: 1985-04-29",
        [("bch", 1)],
        [("btv", 1), ("dbct", 1)],
    ),
    (
        "the conference's electorate (another meeting)",
        "conference:\n  summoned: 15\n  present: 15",
        "conference:\n  summoned: 15\n  present: 14",
        [("btv", 1), ("bt", 1)],
        [("bch", 1), ("dbdk", 2)],
    ),
    (
        "the congress's electorate",
        "  present: 290",
        "  present: 289",
        [("bch", 1), ("dbct", 1)],
        [("btv", 1), ("dbdk", 2)],  # round 2 says its own `present: 288`
    ),
    (
        "the place of the congress, printed on its minutes; the conference names its own",
        "place: Hội trường Trung tâm Chính trị",
        "place: Hội trường lớn Trung tâm Chính trị",
        [("bch", 1)],
        [("btv", 1)],
    ),
    (
        "the conference's place: its minutes, not the congress's",
        "Phòng họp Huyện ủy Đông Lâm",
        "Phòng họp số 2 Huyện ủy Đông Lâm",
        [("btv", 1)],
        [("bch", 1)],
    ),
    (
        "the conference's counting board: its minutes, not the congress's",
        "    head: Đỗ Văn Hải",
        "    head: Đỗ Văn Hai",
        [("btv", 1)],
        [("bch", 1), ("dbct", 1)],
    ),
    (
        "the congress's counting board: its minutes, not the conference's",
        "  head: Nguyễn Hữu Tiến",
        "  head: Nguyễn Hữu Tiên",
        [("bch", 1)],
        [("btv", 1)],
    ),
    (
        "a name on the counting board of the round's meeting",
        "members: [Lê Thị Thanh Hương,",
        "members: [Lê Thị Thanh Hường,",
        [("bch", 1), ("dbdk", 2)],
        [],
    ),
    (
        "the personnel plan (checked by tally check, not on the minutes)",
        "approved_on: 2020-05-28",
        "approved_on: 2020-05-29",
        [],
        [("bch", 1), ("btv", 1), ("pbt", 1)],
    ),
    (
        "the issued ballots of one round",
        "seats: 5\n    candidates: [hvb, ntb, lmc, tvc, ndk, cvt]\n    rounds:\n      - issued: 15",
        "seats: 5\n    candidates: [hvb, ntb, lmc, tvc, ndk, cvt]\n    rounds:\n      - issued: 14",
        [("btv", 1)],
        [("bt", 1), ("bch", 1)],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "changed", "kept"),
    [e[1:] for e in EDITS],
    ids=[e[0] for e in EDITS],
)
def test_what_an_edit_of_election_yaml_changes(
    huyen: Path,
    old: str,
    new: str,
    changed: list[tuple[str, int]],
    kept: list[tuple[str, int]],
) -> None:
    before = codes(huyen)
    assert len(before) == 9  # every counted round of every contest
    edit(huyen / "election.yaml", old, new)
    after = codes(huyen)
    assert [r for r in changed if after[r] == before[r]] == []
    assert [r for r in kept if after[r] != before[r]] == []


def test_the_canonical_form_ignores_layout_not_meaning(huyen: Path) -> None:
    """Key order, quoting and a decomposed (NFD) letter are the same election."""
    import unicodedata

    before = codes(huyen)
    path = huyen / "election.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  date: 2020-07-23\n  term: 2020–2025\n", "  term: '2020–2025'\n  date: 2020-07-23\n"
    )
    text = text.replace("Nguyễn Hữu Tiến", unicodedata.normalize("NFD", "Nguyễn Hữu Tiến"))
    path.write_text(text, encoding="utf-8")
    assert codes(huyen) == before


def test_verify_names_the_round(huyen: Path) -> None:
    signed = minutes_code(huyen, "dbdk", 2)
    vi = run("verify", huyen, "--fingerprint", signed)
    assert vi.exit_code == 0, vi.output
    assert "Khớp" in vi.stdout and "dbdk" in vi.stdout and "vòng 2" in vi.stdout
    doc = json.loads(run("verify", huyen, "--fingerprint", signed.lower(), "--json").stdout)
    assert doc["match"] is True
    assert (doc["contest"], doc["round"], doc["short"]) == ("dbdk", 2, signed)
    assert doc["fingerprint"].upper().startswith(signed.replace("-", ""))
    assert "ballots/dbdk-1.csv" in doc["inputs"]  # the contract's `inputs` map is still there


def test_a_code_one_group_off_is_suggested(huyen: Path) -> None:
    signed = minutes_code(huyen, "btv")
    groups = signed.split("-")
    groups[2] = groups[2][:3] + ("0" if groups[2][3] != "0" else "1")
    typo = "-".join(groups)
    result = run("verify", huyen, "--fingerprint", typo, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "Does not match" in result.stdout
    for contest in ("bch", "dbct", "dbdk", "btv", "bt", "pbt", "ubkt", "cnubkt"):
        assert contest in result.stdout  # the rounds it was compared with
    suggestion = [line for line in result.stdout.splitlines() if "Did you mean" in line]
    assert len(suggestion) == 1 and signed in suggestion[0] and "btv" in suggestion[0]
    assert "group 3" in suggestion[0]
    doc = json.loads(run("verify", huyen, "--fingerprint", typo, "--json").stdout)
    assert doc["match"] is False and doc["contest"] is None
    assert doc["suggestion"] == {"contest": "btv", "round": 1, "short": signed, "group": 3}
    vi = run("verify", huyen, "--fingerprint", typo)
    assert "Có phải" in vi.stdout and "nhóm thứ 3" in vi.stdout


def test_a_code_that_matches_nothing_says_what_it_was_compared_with(huyen: Path) -> None:
    result = run("verify", huyen, "--fingerprint", "0000-1111-2222-3333", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "9 rounds" in result.stdout
    assert "dbdk, round 2" in result.stdout
    assert "Did you mean" not in result.stdout
    doc = json.loads(run("verify", huyen, "--fingerprint", "0000-1111-2222-3333", "--json").stdout)
    assert doc["suggestion"] is None and len(doc["rounds"]) == 9
