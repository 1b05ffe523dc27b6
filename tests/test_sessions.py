"""A round voted at a later sitting (a re-vote session) carries its own date, place and board.

Issue 15: a round's ``session:`` in election.yaml gives the sitting that votes it; what it
leaves out is the contest's meeting's. Its minutes are headed and signed with the session, its
fingerprint covers it, and the earlier rounds (their minutes and fingerprints) do not change.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from clirun import invoke
from tally.config.loader import load_election
from tally.fingerprint import round_fingerprint
from test_minutes_docx import Read

ROOT = Path(__file__).resolve().parents[1]
HUYEN = ROOT / "examples" / "huyen-2020"
CONGRESS_BOARD_HEAD = "Nguyễn Hữu Tiến"

SESSION = """\
        session:
          date: 2020-07-25
          place: Hội trường B, Huyện ủy Đông Lâm
          board:
            head: Đinh Văn Phiên
            members: [Mã Thị Lụa]
"""


def run(*args: str) -> Result:
    return invoke(*args)


def huyen(tmp_path: Path, name: str, session: str | None = SESSION) -> Path:
    """A copy of huyen-2020 whose dbdk round 2 (a re-vote) is voted at ``session``."""
    folder = tmp_path / name / "huyen"
    shutil.copytree(HUYEN, folder)
    if session is not None:
        path = folder / "election.yaml"
        text = path.read_text(encoding="utf-8")
        anchor = "        ballots: ballots/dbdk-2.csv\n"
        assert text.count(anchor) == 1
        path.write_text(text.replace(anchor, anchor + session), encoding="utf-8")
    return folder


def minutes(folder: Path, round_no: int, fmt: str, out_dir: Path) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"dbdk-{round_no}.{fmt}"
    args = ["minutes", str(folder), "--contest", "dbdk", "--round", str(round_no), "-o", str(out)]
    result = run(*args, "--lang", "vi")
    assert result.exit_code == 0, result.output
    if fmt == "docx":
        return Read(out).all
    text = out.read_text(encoding="utf-8")
    return text if fmt == "md" else re.sub(r"<[^>]+>", " ", text)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_session_heads_and_signs_its_round(tmp_path: Path, fmt: str) -> None:
    folder = huyen(tmp_path, "session")
    text = minutes(folder, 2, fmt, tmp_path / "out")
    assert "25 tháng 7 năm 2020" in text
    assert "Hội trường B, Huyện ủy Đông Lâm" in text
    assert "Đinh Văn Phiên" in text and "Mã Thị Lụa" in text
    assert CONGRESS_BOARD_HEAD not in text  # the congress's board does not sign the re-vote
    plain = minutes(huyen(tmp_path, "plain", None), 2, fmt, tmp_path / "plain-out")
    assert "23 tháng 7 năm 2020" in plain and CONGRESS_BOARD_HEAD in plain


def test_a_session_on_round_2_leaves_round_1_alone(tmp_path: Path) -> None:
    with_session = huyen(tmp_path, "session")
    without = huyen(tmp_path, "plain", None)
    assert minutes(with_session, 1, "md", tmp_path / "a") == minutes(
        without, 1, "md", tmp_path / "b"
    )
    a = load_election(with_session / "election.yaml")
    b = load_election(without / "election.yaml")
    assert round_fingerprint(a, "dbdk", 1) == round_fingerprint(b, "dbdk", 1)
    assert round_fingerprint(a, "dbdk", 2) != round_fingerprint(b, "dbdk", 2)


def test_the_fingerprint_covers_the_session_board(tmp_path: Path) -> None:
    a = load_election(huyen(tmp_path, "a") / "election.yaml")
    other = SESSION.replace("Mã Thị Lụa", "Mã Thị Lua")
    b = load_election(huyen(tmp_path, "b", other) / "election.yaml")
    assert round_fingerprint(a, "dbdk", 2) != round_fingerprint(b, "dbdk", 2)


def test_a_session_takes_what_it_leaves_out_from_the_meeting(tmp_path: Path) -> None:
    folder = huyen(tmp_path, "date-only", "        session: {date: 2020-07-24}\n")
    text = minutes(folder, 2, "md", tmp_path / "out")
    assert "24 tháng 7 năm 2020" in text
    assert CONGRESS_BOARD_HEAD in text  # no board of its own: the congress's signs


def test_count_json_gives_the_session_on_its_round_only(tmp_path: Path) -> None:
    result = run("count", str(huyen(tmp_path, "session")), "--json", "--lang", "en")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    dbdk = next(c for c in doc["contests"] if c["id"] == "dbdk")
    first, second = dbdk["rounds"]
    assert "meeting" not in first and "meeting" not in dbdk
    assert second["meeting"] == {
        "at": "congress",
        "name": "Đại hội đại biểu Đảng bộ huyện Đông Lâm lần thứ XXII, nhiệm kỳ 2020–2025",
        "date": "2020-07-25",
        "place": "Hội trường B, Huyện ủy Đông Lâm",
        "board": {"head": "Đinh Văn Phiên", "members": ["Mã Thị Lụa"]},
    }


def test_the_count_names_the_session_of_its_round(tmp_path: Path) -> None:
    result = run("count", str(huyen(tmp_path, "session")), "--lang", "vi")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if re.search(r"\(dbdk\) — lần 2$", line))
    assert "25/07/2020" in lines[at + 1]


def test_a_session_before_its_meeting_is_refused(tmp_path: Path) -> None:
    folder = huyen(tmp_path, "early", "        session: {date: 2020-07-22}\n")
    result = run("validate", str(folder), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "session.date" in result.stderr and "2020-07-22" in result.stderr
    assert "2020-07-23" in result.stderr
