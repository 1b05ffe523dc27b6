"""The minutes as .docx: every figure of every round, read back from the file, is the count's.

Each round of each example is rendered, opened again with python-docx, and its text (body,
tables and nested tables, page headers and footers) is checked against the round's part of
the ``tally count --json`` document, not against the Minutes object it was drawn from.
"""

from __future__ import annotations

import dataclasses
import functools
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.table import Table

from tally.app import count_report
from tally.config.loader import LoadedElection, load_election
from tally.documents.package import ZIP_TIME
from tally.findings import Lang
from tally.fingerprint import fingerprint, input_digests, short
from tally.labels import REASON, tr
from tally.minutes.docx import docx_bytes, render_docx
from tally.minutes.model import Figure, Minutes, build
from tally.report.jsondoc import count_doc
from tally.report.model import CountReport

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")

LABELS = {
    "vi": {
        "issued": "Số phiếu phát ra",
        "collected": "Số phiếu thu vào",
        "valid": "Số phiếu hợp lệ",
        "invalid": "Số phiếu không hợp lệ",
        "base": "Số dùng làm cơ sở tính kết quả",
        "threshold": "Số phiếu cần để trúng cử",
    },
    "en": {
        "issued": "Ballots issued",
        "collected": "Ballots collected",
        "valid": "Valid ballots",
        "invalid": "Invalid ballots",
        "base": "Base for the majority",
        "threshold": "Votes needed to be elected",
    },
}
PENDING = {"vi": "Kết quả chưa được chuẩn y.", "en": "Results pending confirmation."}
# State law: the credentials of those elected await confirmation (Luật 85/2015 Điều 86–88).
PENDING_STATE = {
    "vi": "Tư cách người trúng cử chưa được xác nhận.",
    "en": "The credentials of those elected are not confirmed yet.",
}


def pending(example: str) -> dict[str, str]:
    return PENDING_STATE if election(example)[0].rules.family == "state" else PENDING


REHEARSAL = {"vi": "DIỄN TẬP", "en": "REHEARSAL"}


@functools.cache
def election(example: str) -> tuple[LoadedElection, str]:
    loaded = load_election(ROOT / "examples" / example)
    return loaded, fingerprint(input_digests(loaded))


@functools.cache
def count(example: str, lang: Lang) -> dict[str, Any]:
    """The JSON document of the count: what the minutes are held to."""
    return count_doc(reported(example), lang)


@functools.cache
def reported(example: str) -> CountReport:
    return count_report(election(example)[0])


def minutes(example: str, contest: str, round_no: int, lang: Lang, **kw: bool) -> Minutes:
    loaded, fp = election(example)
    rules = loaded.rules
    return build(
        reported(example),
        contest,
        round_no,
        loaded.election,
        rules.title,
        fp,
        short(fp),
        lang,
        **kw,
    )


def the_round(example: str, contest: str, round_no: int, lang: Lang) -> dict[str, Any]:
    c = next(c for c in count(example, lang)["contests"] if c["id"] == contest)
    rd: dict[str, Any] = next(r for r in c["rounds"] if r["round"] == round_no)
    return rd


# Every counted round, as the `tally minutes` command makes them (nomination polls excluded).
ROUNDS = [
    (example, c["id"], r["round"])
    for example in EXAMPLES
    for c in count(example, "vi")["contests"]
    if c["body"] != "nomination_poll"
    for r in c["rounds"]
]


# --- reading a .docx back -------------------------------------------------------------------


def table_rows(table: Table) -> list[list[str]]:
    """Every row of ``table`` and of the tables nested in its cells, as cell texts."""
    rows: list[list[str]] = []
    for row in table.rows:
        rows.append([cell.text.strip() for cell in row.cells])
        for cell in row.cells:
            for inner in cell.tables:
                rows += table_rows(inner)
    return rows


def table_text(table: Table) -> list[str]:
    out: list[str] = []
    for row in table.rows:
        for cell in row.cells:
            out += [p.text for p in cell.paragraphs]
            for inner in cell.tables:
                out += table_text(inner)
    return out


class Read:
    """The text of a .docx: body paragraphs, table rows, page headers and footers."""

    def __init__(self, path: Path) -> None:
        self.doc: DocxDocument = docx.Document(str(path))
        self.paragraphs = [p.text for p in self.doc.paragraphs]
        self.rows = [row for t in self.doc.tables for row in table_rows(t)]
        self.headers: list[str] = []
        self.footers: list[str] = []
        for section in self.doc.sections:
            for part, out in ((section.header, self.headers), (section.footer, self.footers)):
                out += [p.text for p in part.paragraphs]
                for t in part.tables:
                    out += table_text(t)
        cells = [text for t in self.doc.tables for text in table_text(t)]
        self.all = "\n".join(self.paragraphs + cells + self.headers + self.footers)

    def row_with(self, *cells: str) -> list[str]:
        for row in self.rows:
            if all(c in row for c in cells):
                return row
        raise AssertionError(f"no table row holds {cells}")


def render(m: Minutes, tmp_path: Path) -> Read:
    path = tmp_path / f"{m.contest_id}-{m.round}-{m.lang}{'-r' if m.rehearsal else ''}.docx"
    render_docx(m, path)
    return Read(path)


# --- every figure of every round ------------------------------------------------------------


@pytest.mark.parametrize(("example", "contest", "round_no"), ROUNDS)
def test_every_figure_of_the_round_is_in_the_docx(
    example: str, contest: str, round_no: int, tmp_path: Path
) -> None:
    lang: Lang = "vi"
    rd = the_round(example, contest, round_no, lang)
    read = render(minutes(example, contest, round_no, lang), tmp_path)
    where = f"{example} {contest} round {round_no}"

    b = rd["ballots"]
    labels = LABELS[lang]
    figures = {k: b[k] for k in ("issued", "collected", "valid", "invalid")}
    figures |= {"base": rd["base"], "threshold": rd["threshold"]}
    for key, value in figures.items():
        if value is not None:
            assert read.row_with(labels[key], str(value)), (where, key)
    for reason, n in b["invalid_by_reason"].items():
        row = read.row_with("– " + tr(REASON, reason, lang))
        assert row[-1] == str(n), (where, reason, row)

    for c in rd["candidates"]:
        row = read.row_with(c["name"])
        assert row[0] == str(c["position"]), (where, row)
        assert row[2] == str(c["votes"]), (where, row)
        if c["pct_of_base"] is not None:
            assert row[3] == c["pct_of_base"].replace(".", ","), (where, row)  # decimal comma

    names = {c["id"]: c["name"] for c in rd["candidates"]}
    votes = {c["id"]: c["votes"] for c in rd["candidates"]}
    lines = [[str(i), names[pid], str(votes[pid])] for i, pid in enumerate(rd["elected"], 1)]
    at = [read.rows.index(line) for line in lines]  # each elected, numbered
    assert at == sorted(at), where  # in the order of the count: most votes first

    _, fp = election(example)
    assert short(fp) in read.all
    assert fp in read.all
    assert any(short(fp) in f for f in read.footers), where
    assert (pending(example)[lang] in read.paragraphs) == (rd.get("confirmation") == "pending"), (
        where
    )
    assert REHEARSAL[lang] not in read.all, where


@pytest.mark.parametrize("example", EXAMPLES)
def test_english_minutes(example: str, tmp_path: Path) -> None:
    contest, round_no = next((c, r) for e, c, r in ROUNDS if e == example)
    rd = the_round(example, contest, round_no, "en")
    read = render(minutes(example, contest, round_no, "en"), tmp_path)
    assert "MINUTES OF THE COUNT" in read.paragraphs
    assert read.row_with(LABELS["en"]["issued"], str(rd["ballots"]["issued"]))
    assert read.row_with("No.", "Full name", "Votes", "% of base", "Result")
    for c in rd["candidates"]:
        row = read.row_with(c["name"])
        assert row[3] == c["pct_of_base"]  # a decimal point in English
    assert "Fingerprint: " in read.all
    assert (pending(example)["en"] in read.paragraphs) == (rd.get("confirmation") == "pending")
    assert not [f for f in read.footers if "Mã kiểm tra" in f or "Trang" in f]  # no Vietnamese


# --- layout ---------------------------------------------------------------------------------


def test_rehearsal_mark_on_every_page_and_at_the_top(tmp_path: Path) -> None:
    example, contest, round_no = ROUNDS[0]
    read = render(minutes(example, contest, round_no, "vi", rehearsal=True), tmp_path)
    for section in read.doc.sections:
        assert not section.header.is_linked_to_previous
        head = section.header.paragraphs[0]
        assert head.text == "DIỄN TẬP"
        assert all(r.bold for r in head.runs)
        assert head.runs[0].font.size is not None and head.runs[0].font.size.pt >= 20
    assert read.paragraphs[0].startswith("DIỄN TẬP")
    en = render(minutes(example, contest, round_no, "en", rehearsal=True), tmp_path)
    assert en.headers[0] == "REHEARSAL"


def candidate_table(read: Read) -> Table:
    return next(t for t in read.doc.tables if t.rows[0].cells[0].text.strip() in ("STT", "No."))


def test_candidate_table_repeats_its_heading_and_rows_do_not_split(tmp_path: Path) -> None:
    read = render(minutes("huyen-2020", "bch", 1, "vi"), tmp_path)
    table = candidate_table(read)
    first = table.rows[0]._tr.trPr
    assert first is not None and first.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        tr_pr = row._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
    for row in table.rows[1:]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is None  # type: ignore[union-attr]
    # The elected are in bold, the others not.
    rd = the_round("huyen-2020", "bch", 1, "vi")
    status = {c["name"]: c["status"] for c in rd["candidates"]}
    for row in table.rows[1:]:
        name = row.cells[1].paragraphs[0]
        assert bool(name.runs[0].bold) == (status[name.text] == "elected"), name.text


def test_page_fonts_and_heading_tables(tmp_path: Path) -> None:
    read = render(minutes("xa-2025", "bch", 1, "vi"), tmp_path)
    section = read.doc.sections[0]
    page = (section.page_width, section.page_height, section.left_margin, section.right_margin)
    assert [round(x.cm, 1) for x in page if x is not None] == [21.0, 29.7, 3.0, 2.0]
    normal = read.doc.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert fonts.get(qn(slot)) == "Times New Roman", slot
    assert normal.font.size is not None and normal.font.size.pt == 13

    heading = read.doc.tables[0]
    left, right = heading.rows[0].cells
    assert "BAN KIỂM PHIẾU" in left.text and "ĐẢNG CỘNG SẢN VIỆT NAM" in right.text
    assert "ngày 14 tháng 6 năm 2025" in right.text
    assert heading.style is None or heading.style.name != "Table Grid"  # no borders
    assert candidate_table(read).style.name == "Table Grid"  # type: ignore[union-attr]

    # The closing is one row that cannot split: the end of the count, the copies, the
    # signatures and the imprint (the short code and the full digest) are on one page.
    closing = read.doc.tables[-1]
    assert len(closing.rows) == 1 and len(closing.columns) == 1
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    (cell,) = closing.rows[0].cells
    assert "Việc kiểm phiếu kết thúc lúc" in cell.text and "lập thành" in cell.text
    m = minutes("xa-2025", "bch", 1, "vi")
    assert m.fingerprint in cell.text and m.fingerprint_short in cell.text
    (signatures,) = cell.tables
    roles, names = signatures.rows[0].cells, signatures.rows[1].cells
    assert "TRƯỞNG BAN KIỂM PHIẾU" in roles[0].text and "Nguyễn Văn Tư" in names[0].text
    assert roles[1]._tc is roles[2]._tc and "CÁC THÀNH VIÊN" in roles[1].text  # merged
    assert [c.text.strip() for c in names[1:]] == ["Lê Thị Mỹ Dung", "Trần Văn Hậu"]


def test_state_heading_and_motto(tmp_path: Path) -> None:
    read = render(minutes("phuong-hdnd-2026", "hdnd", 1, "vi"), tmp_path)
    right = read.doc.tables[0].rows[0].cells[1].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right


def test_problems_in_red_and_missing_figures(tmp_path: Path) -> None:
    m = minutes("xa-2025", "bch", 1, "vi")
    broken = dataclasses.replace(
        m,
        problems=("Số phiếu thu vào lớn hơn số phiếu phát ra",),
        outcome="rejected",
        figures=(*m.figures, Figure("present", "Số có mặt (thiếu)", None)),
        board_head=None,
        board_members=(),
        pending_confirmation=False,
    )
    read = render(broken, tmp_path)
    para = next(p for p in read.doc.paragraphs if "lớn hơn số phiếu phát ra" in p.text)
    assert all(r.font.color.rgb == RGBColor(0xC0, 0x00, 0x00) for r in para.runs)
    assert read.row_with("Số có mặt (thiếu)")[-1] == "—"
    assert PENDING["vi"] not in read.all
    assert "Ban kiểm phiếu gồm" not in read.all
    assert "TRƯỞNG BAN KIỂM PHIẾU" in read.all  # a blank signature block to fill by hand


def test_same_minutes_same_bytes() -> None:
    m = minutes("huyen-2020", "bch", 1, "vi")
    first = docx_bytes(m)
    assert docx_bytes(m) == first


def test_document_properties(tmp_path: Path) -> None:
    read = render(minutes("huyen-2020", "bch", 1, "vi"), tmp_path)
    props = read.doc.core_properties
    assert props.author == "tally"
    assert props.created is not None and props.created.date().isoformat() == "2020-07-23"


def test_no_stray_template_thumbnail(tmp_path: Path) -> None:
    path = tmp_path / "m.docx"
    render_docx(minutes("xa-2025", "bch", 1, "vi"), path)
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if "thumbnail" in n]
        assert {i.date_time for i in z.infolist()} == {ZIP_TIME}  # the one time of the kit
