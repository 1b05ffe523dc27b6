"""Each contest carries the meeting that voted it: the congress, or the committee's conference.

The standing committee, the secretary, … are voted at the first conference of the new
committee (issue 15): their minutes carry the conference's name, date, place and counting
board, never the congress's; `tally count` and `tally check` name the meeting of each contest.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from clirun import invoke
from test_minutes_docx import Read

ROOT = Path(__file__).resolve().parents[1]
HUYEN = ROOT / "examples" / "huyen-2020"

CONGRESS_NAME = "Đại hội đại biểu Đảng bộ huyện Đông Lâm lần thứ XXII"
CONGRESS_PLACE = "Hội trường Trung tâm Chính trị huyện Đông Lâm"
CONGRESS_BOARD = ("Nguyễn Hữu Tiến", "Lê Thị Thanh Hương", "Vương Thị Nga")

CONFERENCE = """\
conference:
  summoned: 15
  present: 15
  name: Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ huyện Đông Lâm (thử)
  date: 2020-07-24
  place: Phòng họp Huyện ủy Đông Lâm
  locality: Thị trấn Đông Lâm
  board:
    head: Trần Thị Quế
    members: [Bế Văn Sơn, Lò Thị Tươi]
"""
CONFERENCE_BOARD = ("Trần Thị Quế", "Bế Văn Sơn", "Lò Thị Tươi")
DEFAULT_NAME = {
    "vi": "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ huyện Đông Lâm khóa XXII",
    "en": "First meeting of the Executive Committee of Đảng bộ huyện Đông Lâm, tenure XXII",
}


def run(*args: str) -> Result:
    return invoke(*args)


def huyen(tmp_path: Path, conference: str) -> Path:
    """A copy of huyen-2020 whose ``conference:`` block is ``conference``."""
    folder = tmp_path / "huyen"
    shutil.copytree(HUYEN, folder)
    path = folder / "election.yaml"
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^conference:\n(?:  .*\n)+", conference, text)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    return folder


def minutes_text(folder: Path, contest: str, fmt: str, tmp_path: Path, lang: str = "vi") -> str:
    """The minutes of ``contest`` round 1 as text: Markdown, HTML, or the DOCX read back."""
    out = tmp_path / f"{contest}-{lang}.{fmt}"
    args = ["minutes", str(folder), "--contest", contest, "--round", "1", "-o", str(out)]
    result = run(*args, "--lang", lang)
    assert result.exit_code == 0, result.output
    if fmt == "docx":
        return Read(out).all
    text = out.read_text(encoding="utf-8")
    # The HTML's words without its tags (and with its entities as typed)
    return text.replace("&#x27;", "'") if fmt == "md" else re.sub(r"<[^>]+>", " ", text)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_conference_minutes_carry_the_conference(tmp_path: Path, fmt: str) -> None:
    folder = huyen(tmp_path, CONFERENCE)
    text = minutes_text(folder, "btv", fmt, tmp_path)
    assert "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ huyện Đông Lâm (thử)" in text
    assert "ngày 24 tháng 7 năm 2020" in text
    assert "Thị trấn Đông Lâm, ngày 24 tháng 7 năm 2020" in text
    assert "Phòng họp Huyện ủy Đông Lâm" in text
    assert all(name in text for name in CONFERENCE_BOARD)
    assert not any(name in text for name in CONGRESS_BOARD)
    assert CONGRESS_NAME not in text
    assert CONGRESS_PLACE not in text
    assert "ngày 23 tháng 7 năm 2020" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_congress_minutes_keep_the_congress(tmp_path: Path, fmt: str) -> None:
    folder = huyen(tmp_path, CONFERENCE)
    text = minutes_text(folder, "bch", fmt, tmp_path)
    assert CONGRESS_NAME in text and CONGRESS_PLACE in text
    assert "Đông Lâm, ngày 23 tháng 7 năm 2020" in text
    assert all(name in text for name in CONGRESS_BOARD)
    assert not any(name in text for name in CONFERENCE_BOARD)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_conference_defaults_derive_from_the_congress(tmp_path: Path, lang: str) -> None:
    """Only ``summoned`` given: the conference's name, date and place come from the congress,
    and no board is borrowed from the congress (its names are left to write by hand)."""
    folder = huyen(tmp_path, "conference: {summoned: 15}\n")
    text = minutes_text(folder, "btv", "md", tmp_path, lang)
    assert DEFAULT_NAME[lang] in text
    assert CONGRESS_NAME not in text
    date = "ngày 23 tháng 7 năm 2020" if lang == "vi" else "23 July 2020"
    assert date in text
    assert CONGRESS_PLACE in text  # the same hall unless the file says otherwise
    assert not any(name in text for name in CONGRESS_BOARD)
    intro = "Ban kiểm phiếu gồm các đồng chí:" if lang == "vi" else "The counting board:"
    assert intro not in text


def test_the_example_conference_has_its_own_board(tmp_path: Path) -> None:
    text = minutes_text(HUYEN, "bt", "md", tmp_path)
    assert DEFAULT_NAME["vi"] in text
    assert "Ban kiểm phiếu gồm các đồng chí:" in text
    assert not any(name in text for name in CONGRESS_BOARD)


def test_count_json_names_the_conference_of_its_contests(tmp_path: Path) -> None:
    folder = huyen(tmp_path, CONFERENCE)
    result = run("count", str(folder), "--json")
    assert result.exit_code == 0, result.output
    contests = {c["id"]: c for c in json.loads(result.stdout)["contests"]}
    assert "meeting" not in contests["bch"]  # the congress: the document's own `election`
    assert contests["btv"]["meeting"] == {
        "at": "conference",
        "name": "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ huyện Đông Lâm (thử)",
        "date": "2020-07-24",
        "place": "Phòng họp Huyện ủy Đông Lâm",
        "board": {"head": "Trần Thị Quế", "members": ["Bế Văn Sơn", "Lò Thị Tươi"]},
    }
    english = json.loads(run("count", str(HUYEN), "--json", "--lang", "en").stdout)
    meeting = next(c for c in english["contests"] if c["id"] == "bt")["meeting"]
    assert meeting["name"] == DEFAULT_NAME["en"] and meeting["date"] == "2020-07-23"


@pytest.mark.parametrize("command", ["count", "check"])
def test_count_and_check_name_the_meeting_of_each_contest(tmp_path: Path, command: str) -> None:
    folder = huyen(tmp_path, CONFERENCE)
    result = invoke(command, folder, columns=200)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    conference = "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ huyện Đông Lâm (thử) · 24/07/2020"
    congress = f"{CONGRESS_NAME}, nhiệm kỳ 2020–2025 · 23/07/2020"
    assert conference in out and congress in out
    if command == "check":  # a table per meeting, headed by it
        assert out.index(congress) < out.index("(bch)") < out.index(conference)
        assert out.index(conference) < out.index("(btv)")
        return
    # under every round's heading, the meeting that voted it
    lines = out.splitlines()
    under = {
        line.split(" (")[-1].split(")")[0]: lines[i + 1]
        for i, line in enumerate(lines)
        if re.search(r"\([a-z]+\) — lần \d$", line)
    }
    assert sorted(under) == sorted(["bch", "dbct", "dbdk", "btv", "bt", "pbt", "ubkt", "cnubkt"])
    for contest, line in under.items():
        at_conference = contest in ("btv", "bt", "pbt", "ubkt", "cnubkt")
        assert line == (conference if at_conference else congress), contest


def test_a_conference_before_its_congress_is_refused(tmp_path: Path) -> None:
    folder = huyen(tmp_path, "conference: {summoned: 15, date: 2020-07-22}\n")
    result = run("validate", str(folder), "--lang", "en")
    assert result.exit_code == 2
    assert "conference.date" in result.stderr and "2020-07-23" in result.stderr


def test_the_init_template_shows_a_valid_conference(tmp_path: Path) -> None:
    """`tally init` shows the conference block commented out; uncommented, it is valid."""
    folder = tmp_path / "new"
    assert run("init", str(folder)).exit_code == 0
    path = folder / "election.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"(?m)^# conference:\n(?:#   .*\n)+", text)
    assert block is not None and "board:" in block.group(0) and "name:" in block.group(0)
    uncommented = re.sub(r"(?m)^# ?", "", block.group(0))
    path.write_text(text.replace(block.group(0), uncommented), encoding="utf-8")
    result = run("validate", str(folder))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("congress", "vi"),
    [
        (
            {"name": "Đại hội Đảng bộ xã Mỹ Hòa Đông lần thứ XVI, nhiệm kỳ 2025–2030"},
            "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ xã Mỹ Hòa Đông khóa XVI",
        ),
        (
            {"name": "Đại hội Chi bộ Thôn 3 lần thứ 12 (2025–2027)"},
            "Hội nghị lần thứ nhất Ban Chấp hành Chi bộ Thôn 3 khóa 12",
        ),
        (
            {"name": "Đại hội lần thứ XX", "organisation": "Đảng bộ Khối cơ quan tỉnh"},
            "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ Khối cơ quan tỉnh khóa XX",
        ),
        (
            {"name": "Đại hội Đảng bộ phường An Phú, nhiệm kỳ 2025–2030"},
            "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ phường An Phú",
        ),
        ({"name": "Đại hội nhiệm kỳ 2025–2030"}, "Hội nghị lần thứ nhất Ban Chấp hành khóa mới"),
    ],
)
def test_the_conference_name_is_derived_from_the_congress(
    congress: dict[str, str], vi: str
) -> None:
    from tally.domain.meetings import conference_meeting
    from tally.election import Election

    election = Election.model_validate(
        {
            "version": 1,
            "rules": "qd-190-2024",
            "congress": {"kind": "members_congress", "date": "2025-06-14", **congress},
        }
    )
    meeting = conference_meeting(election)
    assert meeting.title("vi") == vi
    assert meeting.date.isoformat() == "2025-06-14" and meeting.board_head is None
    assert "Executive Committee" in meeting.title("en")
