"""Word documents (.docx) that open and print alike in Word and LibreOffice.

An A4 page in Times New Roman, paragraphs of one run, tables of fixed column widths, page
fields, the signature block and the imprint; saved with fixed dates into the deterministic zip
of :mod:`tally.documents.package`.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from tally.documents.package import fixed
from tally.documents.parts import BLANK, Closing, ImprintLine, Signature

FONT = "Times New Roman"
SIZE = Pt(13)
SMALL = Pt(11)
TINY = Pt(9)
RED = RGBColor(0xC0, 0x00, 0x00)
CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT_ALIGN = WD_ALIGN_PARAGRAPH.RIGHT

PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
LEFT, RIGHT, TOP, BOTTOM = Cm(3.0), Cm(2.0), Cm(2.0), Cm(2.0)
TEXT_W = 16.0  # cm: 21 − 3 − 2


def new(lang_tag: str) -> DocxDocument:
    """An empty A4 portrait document (margins 2 cm, 3 cm left for binding), Times New Roman."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.header_distance = section.footer_distance = Cm(1.0)

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
    doc.core_properties.language = lang_tag
    return doc


def finish(doc: DocxDocument, when: dt.datetime) -> bytes:
    """The document's bytes: its dates set to ``when``, every zip member to one fixed time."""
    props = doc.core_properties
    props.author = props.last_modified_by = "tally"
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return fixed(raw.getvalue())


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


def para(
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
        run(p, text, bold=bold, italic=italic, size=size, color=color)
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


def run(
    p: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
    color: RGBColor | None = None,
    underline: bool = False,
) -> Run:
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
    return r


def unbroken(p: Paragraph, text: str, *, size: Length | None = None, bold: bool = False) -> None:
    """A code such as ``5058-82C3-0067-689E`` whose hyphens never end a line: a code split in
    two on paper cannot be read back or compared at a glance."""
    first, *rest = text.split("-")
    r = run(p, first, size=size, bold=bold)._r
    for part in rest:
        r.append(OxmlElement("w:noBreakHyphen"))
        t = OxmlElement("w:t")
        t.text = part
        r.append(t)


def cell_para(cell: _Cell, first: bool) -> Paragraph:
    """The cell's own empty paragraph for its first line, a new one after that."""
    return cell.paragraphs[0] if first else para(cell)


def table(where: DocxDocument | _Cell, widths: tuple[float, ...], *, borders: bool) -> Table:
    """A table of fixed column widths (cm): Word reads the cell widths, LibreOffice the grid."""
    t: Table = where.add_table(rows=0, cols=len(widths))
    if borders:
        t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False  # w:tblLayout fixed
    tbl_pr = t._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(Cm(w).twips for w in widths)))
    width.set(qn("w:type"), "dxa")
    for col, w in zip(t.columns, widths, strict=True):
        col.width = Cm(w)
    return t


def row(t: Table, widths: tuple[float, ...], *, header: bool = False) -> list[_Cell]:
    """A row that never splits across pages; a ``header`` row repeats on every page."""
    r = t.add_row()  # type: ignore[no-untyped-call]
    tr_pr = r._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    cells = list(r.cells)
    for cell, w in zip(cells, widths, strict=True):
        cell.width = Cm(w)
    return cells


def head_row(
    t: Table,
    widths: tuple[float, ...],
    heads: tuple[str, ...],
    fill: str,
    size: Length | None = None,
) -> None:
    """The heading row of a bordered table: bold, centred, shaded, repeated on every page."""
    for cell, text in zip(row(t, widths, header=True), heads, strict=True):
        p = cell_para(cell, True)
        p.alignment = CENTER
        run(p, text, bold=True, size=size)
        shade(cell, fill)


def shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def field(p: Paragraph, instr: str, placeholder: str) -> None:
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


def page_footer(doc: DocxDocument, text: str, page_word: str) -> None:
    """``text · Page N/M`` centred at the foot of every page."""
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.alignment = CENTER
    run(p, f"{text} · {page_word}", size=TINY)
    field(p, "PAGE", "1")
    run(p, "/", size=TINY)
    field(p, "NUMPAGES", "1")


def page_header(doc: DocxDocument, text: str) -> None:
    """A large red mark at the head of every page (a rehearsal)."""
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = CENTER
    run(p, text, bold=True, size=Pt(28), color=RED)


def _merged(cells: list[_Cell], start: int, span: int) -> _Cell:
    """The cell ``start`` merged with the ``span - 1`` cells after it."""
    cell = cells[start]
    return cell.merge(cells[start + span - 1]) if span > 1 else cell


def signatures(where: _Cell, columns: tuple[Signature, ...], hint: str, width: float) -> None:
    """The signature block in ``where``: a borderless table, a column per role (a ``wide``
    one two signers a line): the role and the hint, then room to sign above each name."""
    spans = [2 if col.wide else 1 for col in columns]
    # A one-signer column a little wider than a signer of a wide one: its role (TRƯỞNG BAN
    # KIỂM PHIẾU) holds on one line.
    weights = [w for span in spans for w in ((1.0, 1.0) if span == 2 else (1.45,))]
    widths = tuple(width * w / sum(weights) for w in weights)
    t = table(where, widths, borders=False)
    starts = [sum(spans[:i]) for i in range(len(columns))]
    heads = row(t, widths)
    for col, start, span in zip(columns, starts, spans, strict=True):
        cell = _merged(heads, start, span)
        p = cell_para(cell, True)
        p.alignment = CENTER
        run(p, col.role, bold=True)
        para(cell, hint, italic=True, align=CENTER)
    lines = [
        [col.names[i : i + span] for i in range(0, len(col.names), span)]
        for col, span in zip(columns, spans, strict=True)
    ]
    for depth in range(max(len(x) for x in lines)):
        cells = row(t, widths)
        for start, column in zip(starts, lines, strict=True):
            for k, name in enumerate(column[depth] if depth < len(column) else []):
                cell = cells[start + k]
                space = cell_para(cell, True)  # room to sign: about 2 cm
                space.paragraph_format.space_before = Cm(1.6)
                para(cell, name or BLANK, bold=bool(name), align=CENTER)


def imprint(where: DocxDocument | _Cell, lines: tuple[ImprintLine, ...]) -> None:
    """The small print, a paragraph a line."""
    for i, x in enumerate(lines):
        p = para(where, x.text + (" " if x.code else ""), size=TINY, before=0 if i else 14)
        if x.code:
            unbroken(p, x.code, size=TINY, bold=True)


def closing(doc: DocxDocument, c: Closing) -> None:
    """The lead sentences, the signatures and the imprint in one row that cannot split: they
    are on one page, the page that is signed, and the text before comes along with them."""
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    widths = (TEXT_W,)
    t = table(doc, widths, borders=False)
    (cell,) = row(t, widths)
    _no_padding(t)
    first = True
    for text in c.lead:
        p = cell_para(cell, first)
        run(p, text)
        p.paragraph_format.space_before = Pt(6 if first else 0)
        first = False
    if first:
        cell_para(cell, True).paragraph_format.space_before = Pt(6)
    para(cell, after=6)
    signatures(cell, c.signatures, c.hint, TEXT_W)
    imprint(cell, c.imprint)


def _no_padding(t: Table) -> None:
    """A layout table's text lines up with the page's: no cell margins left and right."""
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    t._tbl.tblPr.append(mar)
