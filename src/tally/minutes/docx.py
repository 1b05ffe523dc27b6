"""The minutes as a Word document (.docx) that opens and prints in Word and LibreOffice.

Laid out as a Vietnamese administrative paper (NĐ 30/2020/NĐ-CP, HD 36-HD/VPTW): A4 portrait,
margins 2 cm with 3 cm on the left for binding, Times New Roman 13 pt, the two-column heading
(issuing body left, the Party or the State right, date in italics below it), the title, the
figures, the candidates in ballot order, the elected in order of votes, the rules the result
rests on, and the signatures. Every figure comes from the :class:`Minutes` object: nothing is
counted here. The same Minutes give the same bytes (fixed document dates and zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tally.labels import t
from tally.minutes.model import Minutes
from tally.ruleset.models import UNVERIFIED

FONT = "Times New Roman"
SIZE = Pt(13)
SMALL = Pt(11)
TINY = Pt(9)
RED = RGBColor(0xC0, 0x00, 0x00)
HEADER_FILL = "E7E6E6"  # light grey behind the candidate table's heading row

PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
LEFT, RIGHT, TOP, BOTTOM = Cm(3.0), Cm(2.0), Cm(2.0), Cm(2.0)
TEXT_W = Cm(16.0)  # 21 − 3 − 2

# Column widths (cm), each table filling the text width.
PARTY_HEADING_COLS = (7.6, 8.4)  # issuing body | the Party's name, the date
STATE_HEADING_COLS = (6.0, 10.0)  # election team | the State's name and motto, the date
FIGURE_COLS = (12.5, 3.5)  # label | value
CANDIDATE_COLS = (1.4, 6.0, 2.2, 2.7, 3.7)  # STT | name | votes | % | result
SIGNATURE_COLS = (8.0, 8.0)
ITEM, HANG, DASH = Cm(1.0), Cm(0.6), Cm(0.4)  # list items: text indent, number and dash hangs

FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry


def render_docx(m: Minutes, path: Path) -> None:
    """Write the minutes ``m`` to ``path`` as a .docx file."""
    path.write_bytes(docx_bytes(m))


def docx_bytes(m: Minutes) -> bytes:
    """The .docx file of the minutes ``m``: the same minutes give the same bytes."""
    doc = Document()
    _setup(doc, m)
    _page_header_footer(doc, m)
    if m.rehearsal:
        p = _para(doc, _rehearsal_banner(m), bold=True, color=RED, size=Pt(14), after=12)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _heading_block(doc, m)
    _title_block(doc, m)
    _board(doc, m)
    _figures(doc, m)
    _candidates(doc, m)
    _result(doc, m)
    _grounds(doc, m)
    _signatures(doc, m)
    _small_print(doc, m)
    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue())


# --- document setup -------------------------------------------------------------------------


def _setup(doc: DocxDocument, m: Minutes) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.header_distance = section.footer_distance = Cm(1.0)

    lang_tag = "vi-VN" if m.lang == "vi" else "en-GB"
    # The defaults name theme fonts (Calibri); theme attributes win over plain ones, so they
    # go, and every script slot, Vietnamese letters included, names Times New Roman.
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _set_fonts(rpr, lang_tag)
            for tag in ("w:sz", "w:szCs"):
                el = rpr.find(qn(tag))
                if el is not None:
                    el.set(qn("w:val"), str(int(SIZE.pt * 2)))
        ppr = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr"))
        spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
        if spacing is not None:
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
    for name in ("Normal", "Header", "Footer"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = SIZE if name == "Normal" else TINY
        _set_fonts(style.element.get_or_add_rPr(), lang_tag)
    normal = doc.styles["Normal"].paragraph_format
    normal.space_before = Pt(0)
    normal.space_after = Pt(0)
    normal.line_spacing = 1.0

    # python-docx's template carries a thumbnail of some other page: file browsers would show it.
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]

    props = doc.core_properties
    when = _date_of(m.date_line)
    props.author = props.last_modified_by = "tally"
    props.title = f"{m.title} — {m.election_title}"
    props.subject = m.congress
    props.keywords = f"{m.contest_id} {m.round} {m.fingerprint_short}"
    props.comments = f"{m.tool}; {m.rules_id}; {m.fingerprint}"
    props.language = lang_tag
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1


def _set_fonts(rpr: BaseOxmlElement, lang_tag: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), lang_tag)
    lang.set(qn("w:eastAsia"), lang_tag)
    lang.set(qn("w:bidi"), "ar-SA")


def _date_of(date_line: str) -> dt.datetime:
    """The congress date, read back from the date line, as the document's date."""
    vi = re.search(r"ngày (\d+) tháng (\d+) năm (\d+)", date_line)
    en = re.search(r"(\d+) ([A-Z][a-z]+) (\d{4})", date_line)
    try:
        if vi:
            day, month, year = (int(x) for x in vi.groups())
            return dt.datetime(year, month, day, tzinfo=dt.UTC)
        if en:
            return dt.datetime.strptime(" ".join(en.groups()), "%d %B %Y").replace(tzinfo=dt.UTC)
    except ValueError:
        pass
    return FIXED_DATE


def _fixed_zip(data: bytes) -> bytes:
    """The package again, every entry stamped with one fixed time (zipfile stamps the clock)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --- building blocks ------------------------------------------------------------------------


def _para(
    where: DocxDocument | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
    color: RGBColor | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float = 0,
    after: float = 0,
    indent: Length | None = None,
    hang: Length | None = None,
    keep_next: bool = False,
) -> Paragraph:
    """A paragraph of one run; ``hang`` pulls its first line left of ``indent`` (lists)."""
    p = where.add_paragraph()
    if text:
        _run(p, text, bold=bold, italic=italic, size=size, color=color)
    fmt = p.paragraph_format
    if before:
        fmt.space_before = Pt(before)
    if after:
        fmt.space_after = Pt(after)
    if align is not None:
        p.alignment = align
    if indent is not None:
        fmt.left_indent = indent
    if hang is not None:
        fmt.first_line_indent = -hang
    if keep_next:
        fmt.keep_with_next = True
    return p


def _run(
    p: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
    color: RGBColor | None = None,
    underline: bool = False,
) -> None:
    # The run properties are written directly, in the schema's order (b, i, color, sz, szCs,
    # u): python-docx's setters search the element each time, which dominates the render.
    r = p.add_run(text)
    props: list[tuple[str, str | None]] = []
    if bold:
        props.append(("w:b", None))
    if italic:
        props.append(("w:i", None))
    if color is not None:
        props.append(("w:color", str(color)))
    if size is not None:
        half_points = str(round(size.pt * 2))
        props += [("w:sz", half_points), ("w:szCs", half_points)]
    if underline:
        props.append(("w:u", "single"))
    if props:
        rpr = OxmlElement("w:rPr")
        for tag, val in props:
            el = OxmlElement(tag)
            if val is not None:
                el.set(qn("w:val"), val)
            rpr.append(el)
        r._r.insert(0, rpr)


def _cell_para(cell: _Cell, first: bool) -> Paragraph:
    """The cell's own empty paragraph for its first line, a new one after that."""
    return cell.paragraphs[0] if first else _para(cell)


def _table(doc: DocxDocument, widths: tuple[float, ...], *, borders: bool) -> Table:
    """A table of fixed column widths (cm): Word reads the cell widths, LibreOffice the grid."""
    table: Table = doc.add_table(rows=0, cols=len(widths))
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(Cm(w).twips for w in widths)))
    width.set(qn("w:type"), "dxa")
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Cm(w)
    return table


def _row(table: Table, widths: tuple[float, ...], *, header: bool = False) -> list[_Cell]:
    row = table.add_row()  # type: ignore[no-untyped-call]
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    if header:
        head = OxmlElement("w:tblHeader")
        tr_pr.append(head)
    cells = list(row.cells)
    for cell, w in zip(cells, widths, strict=True):
        cell.width = Cm(w)
    return cells


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _field(p: Paragraph, instr: str, placeholder: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(TINY.pt * 2)))
    rpr.append(sz)
    r.append(rpr)
    text = OxmlElement("w:t")
    text.text = placeholder
    r.append(text)
    fld.append(r)
    p._p.append(fld)


def _heading(doc: DocxDocument, text: str) -> None:
    _para(doc, text, bold=True, before=10, after=4, keep_next=True)


# --- the parts of the minutes ---------------------------------------------------------------


def _rehearsal_banner(m: Minutes) -> str:
    return t(
        m.lang,
        "DIỄN TẬP — biên bản này chỉ để tập dượt, không có giá trị",
        "REHEARSAL — these minutes are for practice only and have no force",
    )


def _check_line(m: Minutes) -> str:
    return " · ".join(
        (
            m.tool,
            t(m.lang, f"Bộ quy tắc: {m.rules_id}", f"Rule set: {m.rules_id}"),
            t(m.lang, "Mã kiểm tra: ", "Check code: ") + m.fingerprint_short,
        )
    )


def _page_header_footer(doc: DocxDocument, m: Minutes) -> None:
    section = doc.sections[0]
    if m.rehearsal:
        header = section.header
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, t(m.lang, "DIỄN TẬP", "REHEARSAL"), bold=True, size=Pt(28), color=RED)
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, _check_line(m) + " · " + t(m.lang, "Trang ", "Page "), size=TINY)
    _field(p, "PAGE", "1")
    _run(p, "/", size=TINY)
    _field(p, "NUMPAGES", "1")


def _heading_block(doc: DocxDocument, m: Minutes) -> None:
    cols = STATE_HEADING_COLS if m.family == "state" else PARTY_HEADING_COLS
    table = _table(doc, cols, borders=False)
    left, right = _row(table, cols)
    for i, line in enumerate(m.header_left):
        p = _cell_para(left, i == 0)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, line.upper(), bold=True)
    if m.family == "party":
        # The star under the issuing body of a Party paper (HD 36-HD/VPTW).
        _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, line in enumerate(m.header_right):
        p = _cell_para(right, i == 0)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # The State's motto is underlined; the Party's name is underlined in Party papers.
        # The State's name is set a size smaller so it holds on one line (NĐ 30: 12–13 pt).
        last = i == len(m.header_right) - 1
        small = m.family == "state" and i == 0 and len(m.header_right) > 1
        _run(p, line, bold=True, underline=last, size=Pt(12) if small else None)
    _para(right, m.date_line, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=6)


def _title_block(doc: DocxDocument, m: Minutes) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, m.title, bold=True, size=Pt(15), align=center, before=18, after=2)
    _para(doc, m.election_title, bold=True, align=center, after=2)
    congress = m.congress
    if m.term and m.term not in congress:
        congress += t(m.lang, f", nhiệm kỳ {m.term}", f", term {m.term}")
    _para(doc, congress, italic=True, align=center, after=10 if not m.place else 2)
    if m.place:
        p = _para(doc, align=center, after=10)
        _run(p, t(m.lang, "Địa điểm: ", "Place: "), italic=True)
        _run(p, m.place, italic=True)


def _board_names(m: Minutes) -> tuple[str, str, str]:
    """(who the board is, its head's title, a member's title) in the minutes' language."""
    if m.family == "state":
        return (
            t(m.lang, "Tổ bầu cử gồm:", "The election team:"),
            t(m.lang, "Tổ trưởng", "head"),
            t(m.lang, "Thành viên", "member"),
        )
    return (
        t(m.lang, "Ban kiểm phiếu gồm các đồng chí:", "The counting board:"),
        t(m.lang, "Trưởng ban", "head"),
        t(m.lang, "Thành viên", "member"),
    )


def _board(doc: DocxDocument, m: Minutes) -> None:
    if m.board_head is None and not m.board_members:
        return
    intro, head, member = _board_names(m)
    _para(doc, intro, after=2, keep_next=True)
    people = ([(m.board_head, head)] if m.board_head else []) + [
        (name, member) for name in m.board_members
    ]
    for i, (name, role) in enumerate(people, 1):
        p = _para(doc, f"{i}. ", indent=ITEM, hang=HANG, keep_next=i < len(people))
        _run(p, name, bold=True)
        _run(p, f" – {role}")


def _figures(doc: DocxDocument, m: Minutes) -> None:
    _heading(doc, t(m.lang, "I. KẾT QUẢ KIỂM PHIẾU", "I. THE BALLOTS"))
    table = _table(doc, FIGURE_COLS, borders=True)
    label_cell, value_cell = _row(table, FIGURE_COLS)
    _run(_cell_para(label_cell, True), t(m.lang, "Số lượng cần bầu", "Seats to fill"))
    _run(_cell_para(value_cell, True), str(m.seats))
    value_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for fig in m.figures:
        label_cell, value_cell = _row(table, FIGURE_COLS)
        reason = fig.key.startswith("invalid.")
        p = _cell_para(label_cell, True)
        p.paragraph_format.left_indent = Cm(0.8) if reason else None
        _run(p, fig.label, italic=reason, bold=fig.key in ("base", "threshold"))
        p = _cell_para(value_cell, True)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(
            p,
            "—" if fig.value is None else str(fig.value),
            italic=reason,
            bold=fig.key in ("base", "threshold"),
        )
    p = _para(doc, before=6)
    _run(p, t(m.lang, "Cơ sở tính kết quả: ", "Base: "), bold=True)
    _run(p, m.base_text)


def _candidates(doc: DocxDocument, m: Minutes) -> None:
    _heading(
        doc,
        t(
            m.lang,
            "II. SỐ PHIẾU BẦU CỦA TỪNG NGƯỜI (theo thứ tự trong danh sách bầu cử)",
            "II. VOTES PER CANDIDATE (in ballot order)",
        ),
    )
    table = _table(doc, CANDIDATE_COLS, borders=True)
    heads = (
        t(m.lang, "STT", "No."),
        t(m.lang, "Họ và tên", "Full name"),
        t(m.lang, "Số phiếu", "Votes"),
        t(m.lang, "Tỷ lệ %", "% of base"),
        t(m.lang, "Kết quả", "Result"),
    )
    for cell, text in zip(_row(table, CANDIDATE_COLS, header=True), heads, strict=True):
        p = _cell_para(cell, True)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text, bold=True)
        _shade(cell, HEADER_FILL)
    right, center = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER
    for c in m.candidates:
        bold = c.status in ("elected", "admitted")
        values = (str(c.position), c.name, str(c.votes), c.pct, c.status_label)
        aligns = (center, None, right, right, center)
        for cell, text, align in zip(_row(table, CANDIDATE_COLS), values, aligns, strict=True):
            p = _cell_para(cell, True)
            if align is not None:
                p.alignment = align
            _run(p, text, bold=bold)


def _result(doc: DocxDocument, m: Minutes) -> None:
    _heading(
        doc,
        t(
            m.lang,
            "III. NHỮNG NGƯỜI TRÚNG CỬ (theo thứ tự số phiếu từ cao xuống thấp)",
            "III. ELECTED (most votes first)",
        ),
    )
    if not m.elected:
        _para(doc, t(m.lang, "Không có người trúng cử.", "Nobody was elected."), indent=ITEM)
    for i, (name, votes) in enumerate(m.elected, 1):
        p = _para(doc, f"{i}. ", indent=ITEM, hang=HANG, after=1)
        _run(p, name, bold=True)
        _run(p, t(m.lang, f": {votes} phiếu", f": {votes} votes"))
    failed = m.outcome in ("rejected", "void")
    _para(doc, m.outcome_text, before=8, bold=failed, color=RED if failed else None)
    for problem in m.problems:
        _para(doc, f"– {problem}", color=RED, indent=ITEM, hang=DASH, before=2)
    if m.pending_confirmation:
        _para(
            doc,
            t(m.lang, "Kết quả chưa được chuẩn y.", "Results pending confirmation."),
            bold=True,
            italic=True,
            before=6,
        )


def _grounds(doc: DocxDocument, m: Minutes) -> None:
    if m.rules:
        _heading(doc, t(m.lang, "Căn cứ", "Rules applied"))
        flagged = False
        for key, cite, provenance in m.rules:
            mark = "*" if provenance in UNVERIFIED else ""
            flagged |= bool(mark)
            p = _para(doc, "– ", size=SMALL, indent=ITEM, hang=DASH, after=1)
            _run(p, key + mark, size=SMALL, bold=bool(mark))
            _run(p, f": {cite} ({provenance})", size=SMALL)
        if flagged:
            _para(
                doc,
                t(
                    m.lang,
                    "(*) Quy định suy luận (I) hoặc mặc định chưa kiểm chứng (U): "
                    "kết quả dựa trên giả định này, xem ghi chú.",
                    "(*) An inferred rule (I) or an unverified default (U): "
                    "the result rests on this assumption, see the notes.",
                ),
                italic=True,
                size=SMALL,
                before=2,
            )
    if m.footnotes:
        _heading(doc, t(m.lang, "Ghi chú", "Notes"))
        for i, note in enumerate(m.footnotes, 1):
            _para(doc, f"{i}. {note}", size=SMALL, indent=ITEM, hang=HANG, after=1)


def _signatures(doc: DocxDocument, m: Minutes) -> None:
    # The signatures never stand alone on a page: the last lines of the text come along.
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _para(doc, after=12, keep_next=True)
    table = _table(doc, SIGNATURE_COLS, borders=False)
    left, right = _row(table, SIGNATURE_COLS)
    center = WD_ALIGN_PARAGRAPH.CENTER
    sign = t(m.lang, "(Ký, ghi rõ họ tên)", "(Signature and full name)")
    head_title = (
        t(m.lang, "TỔ TRƯỞNG TỔ BẦU CỬ", "HEAD OF THE ELECTION TEAM")
        if m.family == "state"
        else t(m.lang, "TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD")
    )
    blank = "…………………………"
    _run(_cell_para(left, True), head_title, bold=True)
    left.paragraphs[0].alignment = center
    _para(left, sign, italic=True, align=center)
    _signature_space(left)
    _para(left, m.board_head or blank, bold=True, align=center)

    _run(_cell_para(right, True), t(m.lang, "CÁC THÀNH VIÊN", "MEMBERS"), bold=True)
    right.paragraphs[0].alignment = center
    _para(right, sign, italic=True, align=center)
    for name in m.board_members or (blank, blank):
        _signature_space(right)
        _para(right, name, bold=True, align=center)


def _signature_space(cell: _Cell) -> None:
    """Room to sign: about 2 cm."""
    p = _para(cell)
    p.paragraph_format.space_before = Cm(1.6)


def _small_print(doc: DocxDocument, m: Minutes) -> None:
    p = _para(doc, before=18)
    _run(p, _check_line(m), size=TINY)
    run = p.add_run()
    run.add_break(WD_BREAK.LINE)
    _run(p, t(m.lang, "Bộ quy tắc: ", "Rule set: ") + m.rules_title, size=TINY)
    run = p.add_run()
    run.add_break(WD_BREAK.LINE)
    _run(
        p,
        t(m.lang, "Dấu vân tay dữ liệu (SHA-256): ", "Fingerprint of the inputs (SHA-256): ")
        + m.fingerprint,
        size=TINY,
    )
