"""Sentences take the rule set's own values: a user rule set with a 2/3 majority and a 20%
surplus cap is read back from the terminal report, the JSON and the minutes (issue 14)."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from clirun import invoke

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xa-2025"

LOCAL_RULES = """\
extends: qd-190-2024
id: local-two-thirds
title: Local rules, two-thirds majority
lists:
  surplus_max:
    value: {share: 20%, bodies: [committee, standing_committee]}
    cite: Điều lệ địa phương Điều 3
    provenance: U
decision:
  majority:
    value: 2/3
    cite: Điều lệ địa phương Điều 9
    provenance: U
"""

SECOND_ROUND = """\
      - seats: 1
        candidates: [pmh, tvq]
        issued: 108
        ballots: ballots/bch-2.csv
"""


@pytest.fixture(scope="module")
def two_thirds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The xa-2025 election under a local rule set: base 110, so 2/3 needs 74 (not 56); the
    committee's list of 11 for 9 seats has a surplus of 2, over 20% of 9 (at most 1)."""
    folder = tmp_path_factory.mktemp("rules") / "xa"
    shutil.copytree(EXAMPLE, folder)
    (folder / "local.yaml").write_text(LOCAL_RULES, encoding="utf-8")
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert SECOND_ROUND in text  # round 2 filled the seat left by round 1 under 1/2
    text = text.replace("rules: qd-190-2024", "rules: local.yaml").replace(SECOND_ROUND, "")
    (folder / "election.yaml").write_text(text, encoding="utf-8")
    return folder


def run(*args: str | Path) -> str:
    result = invoke(*args, columns=200)
    assert result.exit_code in (0, 1, 4), (result.exit_code, result.stdout, result.stderr)
    return " ".join(result.stdout.split())  # the terminal wraps lines


def test_count_terminal_says_two_thirds(two_thirds: Path) -> None:
    vi = run("count", two_thirds)
    assert "Cần quá hai phần ba (2/3) của 110, tức ít nhất 74 phiếu." in vi
    assert "1/2" not in vi and "một nửa" not in vi
    en = run("count", two_thirds, "--lang", "en")
    assert "More than two thirds (2/3) of 110 needed, at least 74 votes." in en
    assert "half" not in en


def test_validate_terminal_says_two_thirds_and_twenty_percent(two_thirds: Path) -> None:
    vi = run("validate", two_thirds)
    assert "cần quá hai phần ba (2/3), tức ít nhất 74" in vi
    assert "số dư 2 vượt quá 20% của 9 chỗ" in vi
    assert "1/2" not in vi and "30%" not in vi
    en = run("validate", two_thirds, "--lang", "en")
    assert "more than two thirds (2/3) needed, at least 74" in en
    assert "surplus 2 exceeds 20% of 9 seats" in en
    assert "half" not in en and "30%" not in en


def test_json_carries_the_rule_values(two_thirds: Path) -> None:
    count = json.loads(run("count", two_thirds, "--json"))
    rd = count["contests"][0]["rounds"][0]
    assert (rd["base"], rd["threshold"], rd["open_seats"]) == (110, 74, 2)
    validate = json.loads(run("validate", two_thirds, "--json"))
    (cap,) = [f for f in validate["findings"] if f["code"] == "surplus_over_cap"]
    assert cap["message"] == (
        "Ban Chấp hành (bch): số dư 2 vượt quá 20% của 9 chỗ "
        "(tối đa 1, tức danh sách không quá 10 người)"
    )
    assert (cap["rule"], cap["cite"], cap["expected"]) == (
        "lists.surplus_max",
        "Điều lệ địa phương Điều 3",
        "≤ 10",
    )


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("vi", "Cần quá hai phần ba (2/3) của 110, tức ít nhất 74 phiếu."),
        ("en", "More than two thirds (2/3) of 110 needed, at least 74 votes."),
    ],
)
def test_minutes_say_two_thirds(two_thirds: Path, lang: str, sentence: str) -> None:
    md = run("minutes", two_thirds, "--contest", "bch", "-o", "-", "--format", "md", "--lang", lang)
    assert sentence in md
    assert "1/2" not in md


def test_a_fewer_present_than_two_thirds_warns_in_the_rules_words(two_thirds: Path) -> None:
    """``no_majority_possible`` compares the present with 2/3 of the base, and says so."""
    text = (two_thirds / "election.yaml").read_text(encoding="utf-8")
    few = two_thirds.parent / "few"
    shutil.copytree(two_thirds, few)
    (few / "election.yaml").write_text(
        text.replace("  present: 108", "  present: 70").replace("issued: 108", "issued: 70"),
        encoding="utf-8",
    )
    doc = json.loads(run("validate", few, "--json", "--lang", "en"))
    warned = [f["message"] for f in doc["findings"] if f["code"] == "no_majority_possible"]
    assert warned and all("more than two thirds (2/3) of 110" in m for m in warned), warned


@pytest.mark.parametrize(
    ("share", "vi", "en"),
    [
        (Fraction(1, 2), "một nửa", "one half"),
        (Fraction(2, 3), "hai phần ba", "two thirds"),
        (Fraction(3, 4), "ba phần tư", "three quarters"),
        (Fraction(1, 3), "một phần ba", "one third"),
        (Fraction(3, 10), "ba phần mười", "three tenths"),
        (Fraction(3, 5), "ba phần năm", "three fifths"),
        (Fraction(11, 20), "mười một phần hai mươi", "eleven twentieths"),
        (Fraction(21, 25), "hai mươi mốt phần hai mươi lăm", "twenty-one twenty-fifths"),
        (Fraction(1, 100), "một phần một trăm", "one hundredth"),
        (Fraction(14, 105), "hai phần mười lăm", "two fifteenths"),  # reduced: exact value
        (Fraction(0), "không", "zero"),
        (Fraction(1), "một", "one"),
    ],
)
def test_fraction_words(share: Fraction, vi: str, en: str) -> None:
    from tally.i18n import fraction_words

    assert fraction_words(share, "vi") == vi
    assert fraction_words(share, "en") == en
