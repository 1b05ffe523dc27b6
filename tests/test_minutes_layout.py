"""The minutes laid out like the boards' templates (issue 15), in all three formats.

The time the count began and ended (from the entry journal, else typed in election.yaml, else
a blank to fill in by hand), "Biên bản được lập thành … bản", the rules and the readings not
verified in the text each said once, and the hall view's meeting and ballot figures. Each
minutes is made by ``tally minutes`` as a board would, and read back as a reader sees it
(the texts of test_minutes_same_words).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import Result
from docx import Document

from clirun import invoke
from tally.config.loader import load_election
from tally.entry.journal import JournalWriter
from tally.entry.session import sheet_for
from tally.fingerprint import round_fingerprint, short
from test_minutes_same_words import docx_texts, html_texts, md_texts

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("md", "html", "docx")


def run(*args: str) -> Result:
    return invoke(*args)


def texts(folder: Path, fmt: str, contest: str = "bch", lang: str = "vi") -> list[str]:
    """The visible texts of the minutes of round 1 of ``contest``, in the format ``fmt``."""
    out = folder / f"minutes.{fmt}"
    result = run(
        "minutes",
        str(folder),
        "--contest",
        contest,
        "--round",
        "1",
        "-o",
        str(out),
        "--lang",
        lang,
        "--force",
    )
    assert result.exit_code in (0, 4), result.output
    if fmt == "docx":
        return docx_texts(out.read_bytes())
    text = out.read_text(encoding="utf-8")
    return md_texts(text) if fmt == "md" else html_texts(text)


@pytest.fixture
def xa(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    return folder


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "election.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def journal(folder: Path, contest: str, round_no: int, times: list[str], name: str) -> Path:
    """An entry journal of ``contest`` round ``round_no`` whose entries carry ``times``."""
    sheet = sheet_for(load_election(folder), contest, round_no)
    path = folder / "journals" / f"{name}.jsonl"
    writer = JournalWriter.create(path, times[0], {**sheet.header(), "operator": name})
    with writer:
        for time in times[1:]:
            writer.append("start", time, {"operator": name})
    return path


BLANK_BEGAN = "Việc kiểm phiếu bắt đầu lúc …… giờ …… phút."
BLANK_ENDED = "Việc kiểm phiếu kết thúc lúc …… giờ …… phút."
BLANK_COPIES = "Biên bản được lập thành …… bản."


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_journal_or_typed_times_the_times_and_copies_are_blanks(
    xa: Path, fmt: str
) -> None:
    said = texts(xa, fmt)
    for line in (BLANK_BEGAN, BLANK_ENDED, BLANK_COPIES):
        assert said.count(line) == 1, (line, said)
    # The beginning before the figures, the end and the copies just before the signatures.
    assert said.index(BLANK_BEGAN) < said.index("I. Kết quả kiểm phiếu")
    assert said.index(BLANK_ENDED) < said.index(BLANK_COPIES) < said.index("TRƯỞNG BAN KIỂM PHIẾU")


@pytest.mark.parametrize("fmt", FORMATS)
def test_typed_times_and_copies_from_election_yaml(xa: Path, fmt: str) -> None:
    edit(xa, "  locality: Mỹ Hòa Đông\n", "  locality: Mỹ Hòa Đông\n  copies: 3\n")
    edit(
        xa,
        "      - issued: 108\n        ballots: ballots/bch-1.csv\n",
        "      - issued: 108\n        ballots: ballots/bch-1.csv\n"
        '        counted: {from: "9:10", to: "10:05"}\n',
    )
    said = texts(xa, fmt)
    assert "Việc kiểm phiếu bắt đầu lúc 09 giờ 10 phút." in said
    assert "Việc kiểm phiếu kết thúc lúc 10 giờ 05 phút." in said
    assert "Biên bản được lập thành 3 bản." in said
    english = texts(xa, fmt, lang="en")
    assert "The count began at 09:10." in english and "The count ended at 10:05." in english
    assert "These minutes are made in 3 copies." in english


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_journal_gives_the_times_and_wins_over_typed_ones(xa: Path, fmt: str) -> None:
    edit(
        xa,
        "      - issued: 108\n        ballots: ballots/bch-1.csv\n",
        "      - issued: 108\n        ballots: ballots/bch-1.csv\n"
        '        counted: {from: "08:00", to: "08:30"}\n',
    )
    # Two operators' journals of the round: the count spans the first entry of either to the
    # last of either. The other round's journal and a reconciliation's file are not this count.
    journal(xa, "bch", 1, ["2025-06-14T09:12:00+07:00", "2025-06-14T09:40:10+07:00"], "a")
    journal(xa, "bch", 1, ["2025-06-14T09:10:30+07:00", "2025-06-14T10:05:59+07:00"], "b")
    journal(xa, "bch", 2, ["2025-06-14T07:00:00+07:00", "2025-06-14T23:00:00+07:00"], "c")
    aside = journal(xa, "bch", 1, ["2025-06-14T06:00:00+07:00"], "resolutions")
    header = aside.read_text(encoding="utf-8")
    assert '"purpose"' not in header  # made a resolutions file below, the way reconcile does
    aside.unlink()
    sheet = sheet_for(load_election(xa), "bch", 1)
    with JournalWriter.create(
        aside, "2025-06-14T06:00:00+07:00", {**sheet.header(), "purpose": "resolutions"}
    ):
        pass
    (xa / "journals" / "broken.jsonl").write_text("not a journal\n", encoding="utf-8")
    said = texts(xa, fmt)
    assert "Việc kiểm phiếu bắt đầu lúc 09 giờ 10 phút." in said
    assert "Việc kiểm phiếu kết thúc lúc 10 giờ 05 phút." in said


def test_a_count_on_another_day_says_the_day(xa: Path) -> None:
    journal(xa, "bch", 1, ["2025-06-14T22:50:00+07:00", "2025-06-15T00:20:00+07:00"], "a")
    said = texts(xa, "md")
    assert "Việc kiểm phiếu bắt đầu lúc 22 giờ 50 phút." in said  # the meeting's day
    assert "Việc kiểm phiếu kết thúc lúc 00 giờ 20 phút ngày 15 tháng 6 năm 2025." in said


@pytest.mark.parametrize("value", ['"25:00"', '"9h10"', "910"])
def test_a_time_not_written_hh_mm_is_refused_with_its_line(xa: Path, value: str) -> None:
    edit(
        xa,
        "      - issued: 108\n        ballots: ballots/bch-1.csv\n",
        "      - issued: 108\n        ballots: ballots/bch-1.csv\n"
        f"        counted: {{from: {value}}}\n",
    )
    result = run("count", str(xa))
    assert result.exit_code == 2, result.output
    assert "election.yaml:" in result.output and "counted.from" in result.output
    assert 'giờ viết dạng GG:PP, ví dụ "09:10"' in result.output
    assert "Traceback" not in result.output


ONCE = {
    "vi": (
        # the tie rule's citation, and the readings not verified in the text
        "QĐ 190-QĐ/TW (10/10/2024) Điều 30 (chưa tra được khoản; như HD 03/HD-TLĐ 2020 của Công đoàn)",
        "đại hội bầu lại trong số những người bằng phiếu cho các suất còn lại",
        "tỉ lệ % trên căn cứ tính, 2 chữ số thập phân, bỏ phần sau",
    ),
    "en": (
        "QĐ 190-QĐ/TW (10/10/2024) Điều 30 (clause not retrieved; as Công đoàn HD 03/HD-TLĐ 2020)",
        "the congress re-votes among the tied for the seats left",
        "percentages of the base, 2 decimals, truncated",
    ),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_rules_and_unverified_readings_are_said_once(xa: Path, fmt: str, lang: str) -> None:
    said = " ".join(texts(xa, fmt, lang=lang)).lower()
    for text in ONCE[lang]:
        assert said.count(text.lower()) == 1, text
    # One section of grounds: no fifth section repeating them as notes.
    assert ("v. ghi chú" if lang == "vi" else "v. notes") not in said


def test_each_note_is_numbered_on_the_rule_it_reads(xa: Path) -> None:
    md = texts(xa, "md")
    rules = [x for x in md if " — U*" in x or " — I*" in x]
    # the first: too_many_kept, U → I under rules-2025.md §6
    assert [x.rsplit(" — ", 1)[1] for x in rules] == ["I*", "U*", "U*¹", "U*²", "I*³"]
    notes = md[md.index("Ghi chú") + 1 : md.index(BLANK_ENDED)]
    assert len(notes) == 3 and notes[0].startswith("Đại hội bầu lại")


def test_the_hall_view_shows_the_meeting_and_the_ballots(xa: Path) -> None:
    out = xa / "hall.html"
    result = run(
        "minutes", str(xa), "--contest", "bch", "--round", "1", "--view", "hall", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    said = html_texts(out.read_text(encoding="utf-8"))
    assert "Đại hội Đảng bộ xã Mỹ Hòa Đông lần thứ XVI, nhiệm kỳ 2025–2030" in said
    assert "Phiếu phát ra 108 · thu vào 108 · hợp lệ 106 · không hợp lệ 2" in said
    assert "Số cần bầu: 9 · Cần ít nhất 56 phiếu để trúng cử" in said


def test_the_docx_closing_keeps_the_digest_with_the_signatures(xa: Path) -> None:
    """The end of the count, the copies, the signatures, the short code and the full digest
    are in one table row that cannot split: on one page, the one that is signed."""
    out = xa / "m.docx"
    assert (
        run("minutes", str(xa), "--contest", "bch", "--round", "1", "-o", str(out)).exit_code == 0
    )
    doc = Document(io.BytesIO(out.read_bytes()))
    closing = doc.tables[-1]
    (row,) = closing.rows
    assert row._tr.trPr is not None and "cantSplit" in row._tr.trPr.xml
    text = "".join(row._tr.itertext())  # the nested signatures table too
    for part in (BLANK_ENDED, BLANK_COPIES, "TRƯỞNG BAN KIỂM PHIẾU", "Nguyễn Văn Tư"):
        assert part in text
    full = round_fingerprint(load_election(xa), "bch", 1)  # the round's, as verify finds it
    assert short(full) in text and full in text
    # The short code's hyphens never end a line.
    assert "noBreakHyphen" in row._tr.xml
