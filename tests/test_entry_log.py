"""The entry log: every action of the entry journals, with who and when, as HTML and Markdown.

Journals are made the way an operator makes them (an EntrySession fed typed lines, with a
clock that ticks one minute per entry), then printed; each entry is looked up in the parsed
output (HTML) or in its table row (Markdown), in both languages.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tally.config.loader import load_election
from tally.entry.journal import JournalError, JournalWriter, Value, read_journal
from tally.entry.log import (
    EntryLog,
    build_log,
    clean,
    group,
    render_html,
    render_markdown,
    when,
    write_log,
)
from tally.entry.session import EntrySession, Sheet, sheet_for
from tally.errors import EXIT_BAD_INPUT, UsageError
from tally.findings import Lang

ROOT = Path(__file__).resolve().parents[1]
LANGS: tuple[Lang, ...] = ("vi", "en")
BINH = "Trần Thị Bình"
HOSTILE = "<script>|x"

# One of each action: a valid ballot, an invalid one confirmed by a second Enter, one invalid
# as seen on paper, its undo, a correction, a pause, the tally shown and hidden, a stop.
LINES = ["1 2", "0", "", "!m", ":undo", ":fix 1 4 5", ":pause", ":resume", ":tally", ":tally"]

ACTIONS: dict[str, tuple[str, str]] = {
    "open": ("Mở nhật ký", "Open"),
    "start": ("Bắt đầu", "Start"),
    "resumed": ("Tiếp tục sau khi dừng", "Resumed"),
    "ballot": ("Nhập phiếu", "Ballot"),
    "correct": ("Sửa phiếu: 1 2 → 4 5", "Correction: 1 2 → 4 5"),
    "undo": (
        "Hoàn tác mục 4: bỏ phiếu #3 (!marked)",
        "Undo of entry 4: removed ballot #3 (!marked)",
    ),
    "pause": ("Tạm dừng", "Pause"),
    "resume": ("Tiếp tục", "Resume"),
    "show_tally": ("Hiện kết quả tạm tính", "Tally shown"),
    "hide_tally": ("Ẩn kết quả tạm tính", "Tally hidden"),
    "stop": ("Dừng", "Stop"),
}


def _t(lang: Lang, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


@functools.cache
def _sheet(contest: str = "bch") -> Sheet:
    return sheet_for(load_election(ROOT / "examples" / "xa-2025"), contest, 1)


def ticking(hour: int = 8) -> Callable[[], str]:
    """A clock one minute further at each call."""
    minutes = itertools.count()

    def clock() -> str:
        n = next(minutes)
        return f"2025-06-14T{hour + n // 60:02d}:{n % 60:02d}:00+07:00"

    return clock


def enter(
    path: Path,
    lines: list[str],
    operator: str = BINH,
    clock: Callable[[], str] | None = None,
    quit_: bool = True,
    sheet: Sheet | None = None,
) -> None:
    session = EntrySession.open(path, sheet or _sheet(), operator, clock or ticking(), "vi")
    pending = False
    try:
        for line in lines:
            outcome = session.submit(line)
            assert outcome.status != "refused", (line, outcome.message)
            pending = outcome.status == "confirm"
        assert not pending, "an invalid ballot was left unconfirmed"
        if quit_:
            assert session.submit(":quit").status == "quit"
    finally:
        session.close()


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """Every action, then a second sitting (a resume after the stop) with one more ballot."""
    path = tmp_path / "bch-r1-tran-thi-binh.jsonl"
    clock = ticking()
    enter(path, LINES, clock=clock)
    enter(path, ["7 8 9"], clock=clock)
    return path


# ---------------------------------------------------------------------------------------------
# Reading the output back


class _Tables(HTMLParser):
    """Rows of every table: (table classes, row attributes, cell texts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, dict[str, str], list[str]]] = []
        self._table = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "table":
            self._table = a.get("class", "")
        elif tag == "tr":
            self.rows.append((self._table, a, []))
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1][2].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_rows(page: str, table: str) -> list[tuple[dict[str, str], list[str]]]:
    parser = _Tables()
    parser.feed(page)
    return [(a, cells) for cls, a, cells in parser.rows if table in cls.split() and "data-seq" in a]


def md_cells(line: str) -> list[str]:
    """The cells of one Markdown table row, unescaped (a ``\\|`` stays inside its cell)."""
    assert line.startswith("| ") and line.endswith(" |"), line
    cells = re.split(r"(?<!\\) \| ", line[2:-2])
    return [re.sub(r"\\(.)", r"\1", c) for c in cells]


def md_rows(text: str, first_head: str) -> list[list[str]]:
    """The rows of the Markdown tables whose first heading is ``first_head``."""
    out: list[list[str]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"| {first_head} |"):
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                out.append(md_cells(row))
    return out


def entry_rows(log: EntryLog, text: str, fmt: str, lang: Lang) -> dict[int, list[str]]:
    """seq → [time, operator, action, serial, marks, judgement] of the first journal."""
    if fmt == "html":
        rows = html_rows(text, "entries")
        return {int(a["data-seq"]): cells[1:] for a, cells in rows}
    return {int(cells[0]): cells[1:] for cells in md_rows(text, _t(lang, "Mục", "Seq"))}


def render(log: EntryLog, fmt: str, lang: Lang) -> str:
    return render_html(log, lang) if fmt == "html" else render_markdown(log, lang)


FORMATS = [(fmt, lang) for fmt in ("html", "md") for lang in LANGS]


# ---------------------------------------------------------------------------------------------
# Every action, with who and when


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_every_entry_appears_with_who_when_and_what(journal: Path, fmt: str, lang: Lang) -> None:
    log = build_log([journal])
    text = render(log, fmt, lang)
    rows = entry_rows(log, text, fmt, lang)
    entries = read_journal(journal).entries
    assert sorted(rows) == [e.seq for e in entries]  # every entry, once
    for e in entries:
        time, operator, action, serial, marks, judgement = rows[e.seq]
        assert time == when(e.time, "+07:00", lang)
        assert time.endswith(f"{e.time[11:19]}")  # the clock of the entry
        assert operator == BINH
        key = "resumed" if e.kind == "start" and e.fields.get("resumed") else e.kind
        assert action == _t(lang, *ACTIONS[key]), e
        assert serial == e.str_("serial")
        if e.kind in ("ballot", "correct"):
            assert marks
            assert judgement
        else:
            assert not marks and not judgement


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_marks_and_judgements(journal: Path, fmt: str, lang: Lang) -> None:
    log = build_log([journal])
    rows = entry_rows(log, render(log, fmt, lang), fmt, lang)
    assert rows[2][3:] == [
        "1",
        "1 2",
        _t(lang, "hợp lệ — giữ 9/11 tên", "valid — keeps 9 of 11 names"),
    ]
    assert rows[3][3:] == [
        "2",
        "0",
        _t(lang, "KHÔNG HỢP LỆ: Bầu quá số lượng cần bầu", "INVALID: More names kept than seats"),
    ]
    assert rows[4][4] == "!marked"
    assert rows[4][5] == _t(
        lang,
        "KHÔNG HỢP LỆ: Có ký tên, đánh dấu, ghi thêm nội dung",
        "INVALID: Signed, marked or extra content",
    )
    assert rows[6][3:5] == ["1", "4 5"]  # the correction: the marks now


def test_undo_of_a_correction_says_what_comes_back(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    enter(path, ["1 2", ":fix 1 3 4", ":undo"])
    log = build_log([path])
    expected: dict[Lang, str] = {
        "vi": "Hoàn tác mục 3: phiếu #1 từ 3 4 trở lại 1 2",
        "en": "Undo of entry 3: ballot #1 back from 3 4 to 1 2",
    }
    for lang in LANGS:
        rows = entry_rows(log, render_html(log, lang), "html", lang)
        assert rows[4][2] == expected[lang]


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_summary_row_and_head_hash(journal: Path, fmt: str, lang: Lang) -> None:
    log = build_log([journal])
    text = render(log, fmt, lang)
    head = read_journal(journal).head
    j = log.journals[0]
    assert (j.ballots, j.invalid, j.corrections, j.undos, j.pauses) == (3, 1, 1, 1, 1)
    assert j.operators == (BINH,)
    assert j.head == head
    if fmt == "html":
        parser = _Tables()
        parser.feed(text)
        summary = [cells for cls, _, cells in parser.rows if cls == "summary"]
        assert summary[1][:8] == [
            journal.name,
            BINH,
            when("2025-06-14T08:00:00+07:00", "+07:00", lang),
            when("2025-06-14T08:14:00+07:00", "+07:00", lang),
            _t(lang, "3 (1 không hợp lệ)", "3 (1 invalid)"),
            "1",
            "1",
            "1",
        ]
        assert head in summary[2][0] and group(head) in summary[2][0]
        assert f'<span class="mono full head">{head}</span>' in text
    else:
        row = md_rows(text, _t(lang, "Tệp nhật ký", "Journal file"))[0]
        assert row[0] == journal.name
        assert row[4:] == [
            _t(lang, "3 (1 không hợp lệ)", "3 (1 invalid)"),
            "1",
            "1",
            "1",
            f"`{head}`",
        ]
        assert f"`{group(head)}`" in text
    assert group(head).count(" ") == 15
    sentence = _t(lang, "mọi thay đổi về sau đối với nhật ký", "any later change to the journal")
    assert sentence in text
    title = _t(lang, "NHẬT KÝ NHẬP PHIẾU", "BALLOT ENTRY LOG")
    assert title in text
    for fact in (
        _sheet().election,
        _sheet().title,
        "(bch)",
        _t(lang, "gạch tên", "strike out names"),
    ):
        assert fact in text


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_signatures_and_footer(journal: Path, fmt: str, lang: Lang) -> None:
    text = render(build_log([journal]), fmt, lang)
    assert _t(lang, "NGƯỜI NHẬP", "OPERATOR") in text
    assert _t(lang, "TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD") in text
    assert _t(lang, "(Ký, ghi rõ họ tên)", "(signature and full name)").lower() in text.lower()
    tool = read_journal(journal).header.str_("tool")
    assert tool.startswith("tally ")
    assert _t(lang, f"Nhật ký do {tool} ghi", f"Journals written by {tool}") in text


def test_two_journals_two_operators(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    enter(a, ["1 2", "3 4"])
    enter(b, ["1 2", "4 5"], operator="Lê Văn Cường", clock=ticking(9))
    log = build_log([a, b])
    assert [j.label for j in log.journals] == ["a.jsonl", "b.jsonl"]
    assert log.operators == (BINH, "Lê Văn Cường")
    page = render_html(log, "vi")
    assert page.count('<div class="sign operator">') == 2
    assert page.count('<div class="sign head">') == 1
    assert page.count('<table class="entries') == 2
    assert "Lê Văn Cường" in render_markdown(log, "en")


def test_interrupted_journal_and_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    clock = ticking()
    enter(path, ["1 2"], clock=clock, quit_=False)  # a crash: no stop
    enter(path, ["3 4"], clock=clock, quit_=False)
    with path.open("ab") as f:
        f.write(b'{"seq":99,"kind":"bal')  # a half-written line, never confirmed
    log = build_log([path])
    j = log.journals[0]
    assert not j.stopped and j.torn == len(b'{"seq":99,"kind":"bal')
    page = render_html(log, "vi")
    assert "Tiếp tục sau khi dừng (lần trước bị gián đoạn, không có lệnh dừng)" in page
    assert "không kết thúc bằng lệnh dừng" in page
    assert "một dòng ghi dở (21 byte)" in page
    md = render_markdown(log, "en")
    assert "Resumed (after an interruption)" in md
    assert "half-written line (21 bytes)" in md


# ---------------------------------------------------------------------------------------------
# Escaping and self-containment


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.jsonl"
    enter(path, ["1 2", ":fix 1 3 4"], operator=HOSTILE)
    return path


def test_html_escapes_a_hostile_operator(hostile: Path) -> None:
    for lang in LANGS:
        page = render_html(build_log([hostile]), lang)
        assert "<script" not in page.lower()
        assert "&lt;script&gt;|x" in page
        rows = entry_rows(build_log([hostile]), page, "html", lang)
        assert {cells[1] for cells in rows.values()} == {HOSTILE}


def test_markdown_escapes_a_hostile_operator(hostile: Path) -> None:
    for lang in LANGS:
        md = render_markdown(build_log([hostile]), lang)
        assert "<script>" not in md
        assert "\\<script\\>\\|x" in md
        rows = md_rows(md, _t(lang, "Mục", "Seq"))
        assert all(len(cells) == 7 for cells in rows)  # the | did not open a new cell
        assert {cells[2] for cells in rows} == {HOSTILE}
        summary = md_rows(md, _t(lang, "Tệp nhật ký", "Journal file"))
        assert len(summary[0]) == 9 and summary[0][1] == HOSTILE


def test_markdown_renders_names_as_typed(tmp_path: Path) -> None:
    """Rendered by a CommonMark reader, an operator's name is text: no HTML, no entity, no
    heading, no list, no emphasis, wherever it stands (a table cell, a heading, a list)."""
    from markdown_it import MarkdownIt

    name = "1. <b>An</b> &lt; *x* # H #"
    path = tmp_path / "j.jsonl"
    enter(path, ["1 2"], operator=name)
    for lang in LANGS:
        html = (
            MarkdownIt("commonmark")
            .enable("table")
            .render(render_markdown(build_log([path]), lang))
        )
        assert "<b>" not in html and "<em>x</em>" not in html
        literal = "1. &lt;b&gt;An&lt;/b&gt; &amp;lt; *x* # H #"
        assert html.count(literal) >= 3  # the summary, the journal's heading, the entries
        assert not re.search(r"<h\d>[^<]*# H</h\d>", html.replace(literal, "NAME"))


def test_control_and_direction_characters_are_made_visible(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    enter(path, ["1 2"], operator="Bình\u202eevil\x07")
    page = render_html(build_log([path]), "vi")
    assert "\u202e" not in page and "\x07" not in page
    assert "Bình&lt;U+202E&gt;evil&lt;U+0007&gt;" in page
    assert clean("Trần Thị Bình") == "Trần Thị Bình"


def test_html_is_self_contained_and_prints_on_a4(journal: Path) -> None:
    page = render_html(build_log([journal]), "vi")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert '<html lang="en">' in render_html(build_log([journal]), "en")
    low = page.lower()
    for banned in (
        "<script",
        "javascript:",
        "http://",
        "https://",
        " src=",
        " href=",
        "@import",
        "url(",
    ):
        assert banned not in low, banned
    assert "size: A4" in page
    assert "thead { display: table-header-group; }" in page
    assert "break-inside: avoid" in page
    assert '"Times New Roman"' in page and '"Liberation Serif"' in page


# ---------------------------------------------------------------------------------------------
# Determinism, tampering, files


def test_same_journals_same_bytes(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        enter(tmp_path / folder / "j.jsonl", LINES)
    one, two = build_log([tmp_path / "one" / "j.jsonl"]), build_log([tmp_path / "two" / "j.jsonl"])
    for lang in LANGS:
        assert render_html(one, lang) == render_html(two, lang)
        assert render_markdown(one, lang) == render_markdown(two, lang)
        for suffix in (".html", ".md"):
            write_log(one, tmp_path / f"one{suffix}", lang)
            write_log(two, tmp_path / f"two{suffix}", lang)
            assert (tmp_path / f"one{suffix}").read_bytes() == (
                tmp_path / f"two{suffix}"
            ).read_bytes()


def test_a_tampered_journal_is_refused_naming_the_line(journal: Path) -> None:
    lines = journal.read_text(encoding="utf-8").split("\n")
    entry = json.loads(lines[3])  # line 4: the invalid ballot "0"
    assert entry["kind"] == "ballot"
    entry["struck"] = [1, 2]  # made valid, hash left as it was
    lines[3] = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    journal.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(JournalError) as caught:
        build_log([journal])
    issue = caught.value.issues[0]
    assert (issue.location.path, issue.location.line) == (journal, 4)
    assert f"{journal}:4:" in str(caught.value)
    assert "edited" in str(caught.value)


def test_a_removed_line_is_refused(journal: Path) -> None:
    lines = journal.read_text(encoding="utf-8").split("\n")
    del lines[5]
    journal.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(JournalError, match=r":6: entry number 6 where 5 was expected"):
        build_log([journal])


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML", ".md"])
def test_write_log_by_suffix(journal: Path, tmp_path: Path, suffix: str) -> None:
    log = build_log([journal])
    out = tmp_path / "out" / f"log{suffix}"
    write_log(log, out, "en")
    expected = render_markdown(log, "en") if suffix == ".md" else render_html(log, "en")
    assert out.read_bytes() == expected.encode("utf-8")
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


@pytest.mark.parametrize("name", ["log.txt", "log.pdf", "log"])
def test_unknown_suffix_is_an_error(journal: Path, tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError) as caught:
        write_log(build_log([journal]), tmp_path / name, "vi")
    assert caught.value.exit_code == EXIT_BAD_INPUT
    assert ".html" in str(caught.value) and ".md" in str(caught.value)
    assert not (tmp_path / name).exists()


def test_bad_sets_of_journals(journal: Path, tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="no journal"):
        build_log([])
    with pytest.raises(JournalError, match="given twice"):
        build_log([journal, journal])
    with pytest.raises(JournalError, match="journal not found"):
        build_log([tmp_path / "missing.jsonl"])
    other = tmp_path / "bt.jsonl"
    enter(other, ["1"], sheet=_sheet("bt"))
    with pytest.raises(JournalError, match="one entry log per ballot"):
        build_log([journal, other])


# ---------------------------------------------------------------------------------------------
# Resolutions


def resolutions_file(path: Path, contest: str = "bch", purpose: str = "resolutions") -> Path:
    clock = ticking(10)
    header: dict[str, Value] = {"purpose": purpose, "contest": contest, "round": 1}
    with JournalWriter.create(path, clock(), header) as w:
        versions = {"a.jsonl": "1 2 3", "b.jsonl": "1 3 4"}
        w.append(
            "resolve",
            clock(),
            {
                "serial": "2",
                "by": "Nguyễn Văn An",
                "versions": versions,
                "note": "nhầm",
                "struck": [1, 2, 3],
                "unmarked": [],
                "invalid": "",
            },
        )
        w.append(
            "resolve",
            clock(),
            {
                "serial": "3",
                "by": HOSTILE,
                "versions": {"a.jsonl": "4 5", "b.jsonl": ""},
                "absent": True,
                "note": "a | b",
            },
        )
        w.append(
            "resolve",
            clock(),
            {
                "serial": "2",
                "by": "Nguyễn Văn An",
                "versions": versions,
                "note": "xem lại",
                "struck": [],
                "unmarked": [],
                "invalid": "",
            },
        )
    return path


@pytest.fixture
def pair(tmp_path: Path) -> list[Path]:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    enter(a, ["1 2", "1 2 3", "4 5"])
    enter(b, ["1 2", "1 3 4"], operator="Lê Văn Cường")
    return [a, b]


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_resolutions_section(pair: list[Path], tmp_path: Path, fmt: str, lang: Lang) -> None:
    res = resolutions_file(tmp_path / "bch-r1.resolutions.jsonl")
    log = build_log(pair, res)
    assert log.resolutions is not None
    assert [r.superseded_by for r in log.resolutions.rows] == [3, None, None]
    text = render(log, fmt, lang)
    assert _t(lang, "Quyết định về các chênh lệch", "Resolutions") in text
    head = read_journal(res).head
    assert head in text and group(head) in text
    if fmt == "html":
        assert "<script" not in text.lower()
        rows = [cells for _, cells in html_rows(text, "resolutions")]
    else:
        rows = md_rows(text, _t(lang, "Mục", "Seq"))[-3:]
    assert len(rows) == 3 and all(len(r) == 8 for r in rows)
    first, absent, last = rows
    assert first[0] == "1" and first[1] == when("2025-06-14T10:01:00+07:00", "+07:00", lang)
    assert first[2] == "2" and first[3] == "a.jsonl: 1 2 3; b.jsonl: 1 3 4"
    assert first[4] == "1 2 3" + _t(lang, " — thay bằng mục 3", " — replaced by entry 3")
    assert first[5] == _t(lang, "hợp lệ — giữ 8/11 tên", "valid — keeps 8 of 11 names")
    assert first[6:] == ["Nguyễn Văn An", "nhầm"]
    assert absent[3] == "a.jsonl: 4 5; b.jsonl: " + _t(lang, "(không có)", "(not entered)")
    assert absent[4] == _t(lang, "không phải phiếu (bỏ số này)", "not a ballot (serial dropped)")
    assert absent[6:] == [HOSTILE, "a | b"]
    assert last[4] == "0" and last[5].startswith(_t(lang, "KHÔNG HỢP LỆ", "INVALID"))


def test_no_resolutions_section_without_the_file(pair: list[Path]) -> None:
    assert "Quyết định về các chênh lệch" not in render_html(build_log(pair), "vi")
    assert "Resolutions" not in render_markdown(build_log(pair), "en")


def test_resolutions_of_another_ballot_or_not_resolutions(pair: list[Path], tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="contest 'bt' round 1"):
        build_log(pair, resolutions_file(tmp_path / "bt.jsonl", contest="bt"))
    with pytest.raises(JournalError, match="not a resolutions file"):
        build_log(pair, resolutions_file(tmp_path / "x.jsonl", purpose="other"))
    with pytest.raises(JournalError, match="not a resolutions file"):
        build_log(pair, pair[0])
    res = resolutions_file(tmp_path / "r.jsonl")
    with pytest.raises(JournalError, match="this is a resolutions file"):
        build_log([res])
    lines = res.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace("Nguyễn Văn An", "Nguyễn Văn Ân")
    res.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(JournalError, match=r"r\.jsonl:2: the entry does not match its hash"):
        build_log(pair, res)


def test_times_as_a_reader_writes_them() -> None:
    assert when("2025-06-14T08:30:05+07:00", "+07:00", "vi") == "14/06/2025 08:30:05"
    assert when("2025-06-14T08:30:05+07:00", "+07:00", "en") == "2025-06-14 08:30:05"
    assert when("2025-06-14T01:30:05+00:00", "+07:00", "en") == "2025-06-14 01:30:05 (UTC+00:00)"
    assert when("2025-06-14T08:30:05", "+07:00", "vi") == "14/06/2025 08:30:05 (giờ máy)"
    assert when("sáng nay", "+07:00", "vi") == "sáng nay"


# ---------------------------------------------------------------------------------------------
# The journals compared: the alignment by marks


@pytest.fixture
def shifted(tmp_path: Path) -> list[Path]:
    """B skipped the 3rd paper and mistyped the 6th: one shift and one real difference."""
    pile = ["1 2", "3 4", "5 6", "7 8", "9 10", "2 3", "4 5", "6 7"]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    enter(a, pile)
    enter(b, [*pile[:2], *pile[3:5], "2 11", *pile[6:]], operator="Lê Văn Cường")
    return [a, b]


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_the_alignment_of_the_journals(shifted: list[Path], fmt: str, lang: Lang) -> None:
    text = render(build_log(shifted), fmt, lang)
    assert _t(lang, "So khớp các nhật ký", "The journals compared") in text
    assert _t(lang, "Khớp: 6 phiếu. Khác nhau: 2.", "Identical: 6 ballots. Different: 2.") in text
    nothing = _t(lang, "— (không có)", "— (nothing)")
    shift = _t(
        lang,
        "B không có phiếu ứng với phiếu #3 của A; các phiếu #3–#4 của B khớp với #4–#5 của A",
        "B has nothing for A's #3; B's #3–#4 match A's #4–#5",
    )
    expected = [
        ["", "#1–#2", "#1–#2", _t(lang, "2 phiếu khớp", "2 identical")],
        ["3", "#3: 5 6", nothing, shift],
        ["", "#4–#5", "#3–#4", _t(lang, "2 phiếu khớp", "2 identical")],
        ["6", "#6: 2 3", "#5: 2 11", _t(lang, "dấu khác nhau", "marks differ")],
        ["", "#7–#8", "#6–#7", _t(lang, "2 phiếu khớp", "2 identical")],
    ]
    if fmt == "html":
        parser = _Tables()
        parser.feed(text)
        rows = [cells for cls, _, cells in parser.rows if cls == "alignment" and cells]
        assert rows[0] == [
            _t(lang, "Chỗ khác nhau", "Difference"),
            "A: a.jsonl",
            "B: b.jsonl",
            _t(lang, "Ghi chú", "Note"),
        ]
        assert rows[1:] == expected
        assert "<h2>II. " + _t(lang, "So khớp", "The journals compared") in text
        assert "<h2>III. " + _t(lang, "Chi tiết từng nhật ký", "Every entry") in text
    else:
        assert md_rows(text, _t(lang, "Chỗ khác nhau", "Difference")) == expected
        assert "## III. " + _t(lang, "Chi tiết từng nhật ký", "Every entry") in text


def test_one_journal_has_no_comparison(journal: Path) -> None:
    log = build_log([journal])
    assert log.comparison is None
    assert "So khớp các nhật ký" not in render_html(log, "vi")
    assert "## II. Every entry" in render_markdown(log, "en")
