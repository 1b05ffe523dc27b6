"""The ballots drawn from their layout with fpdf2, the QR code with segno (both pure Python).

The font is DejaVu Sans, shipped inside the package (``tally/fonts``, with its licence) and
embedded in the PDF, so the diacritics print the same on any laptop, whatever fonts it has.
The same inputs give the same bytes: the PDF's creation date is the congress's date, and its
file identifier is computed from the content and that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fpdf import FPDF

from tally.entry.session import Marks
from tally.paper.layout import (
    BOX_COL,
    PAPERS,
    PT,
    BallotFacts,
    BallotLayout,
    Box,
    Paper,
    Row,
    place,
)

FONT = "DejaVu"
INK = (0, 0, 0)
PEN = (20, 40, 160)  # the test deck's strokes: a ballpoint pen's blue


@dataclass(frozen=True)
class Words:
    """Everything printed on the ballot besides the names, already in the ballot's language."""

    header_left: tuple[str, ...]
    header_right: tuple[str, ...]
    title: str
    body: str
    term: str
    instructions: str
    col_number: str
    col_name: str
    col_agree: str
    col_disagree: str
    seal: str
    layout_code: str
    rehearsal: str  # "" when not a rehearsal


@dataclass(frozen=True)
class DeckPage:
    marks: Marks
    label: str  # "Test deck, ballot 3/13"


@contextmanager
def _fonts() -> Iterator[tuple[Path, Path]]:
    """The packaged font files as paths (extracted for the time of the call if zipped)."""
    base = resources.files("tally") / "fonts"
    with ExitStack() as stack:
        regular = stack.enter_context(resources.as_file(base / "DejaVuSans.ttf"))
        bold = stack.enter_context(resources.as_file(base / "DejaVuSans-Bold.ttf"))
        yield regular, bold


class _Doc:
    def __init__(self, size: tuple[float, float], regular: Path, bold: Path, date: dt.date):
        pdf = FPDF(unit="mm", format=size)
        pdf.set_auto_page_break(False)
        pdf.set_margin(0)
        pdf.add_font(FONT, "", regular)
        pdf.add_font(FONT, "B", bold)
        pdf.set_creation_date(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC))
        pdf.set_creator("tally")
        self.pdf = pdf

    def width(self, text: str, pt: float, bold: bool) -> float:
        self.pdf.set_font(FONT, "B" if bold else "", pt)
        return float(self.pdf.get_string_width(text))

    def line_in(self, text: str, box: Box, pt: float, bold: bool, align: str = "C") -> None:
        """One line of text in ``box``, smaller until it fits; centred vertically."""
        while pt > 5 and self.width(text, pt, bold) > box.w:
            pt -= 0.5
        w = self.width(text, pt, bold)
        x = {"C": box.x + (box.w - w) / 2, "L": box.x, "R": box.x + box.w - w}[align]
        self.pdf.text(x, box.y + box.h / 2 + pt * PT * 0.35, text)

    def lines_in(self, text: str, box: Box, pt: float, bold: bool) -> None:
        """Text in ``box`` on as many lines as it takes (at most two), centred."""
        while True:
            self.pdf.set_font(FONT, "B" if bold else "", pt)
            lines = self.pdf.multi_cell(box.w, text=text, dry_run=True, output="LINES")
            assert isinstance(lines, list)
            if (len(lines) <= 2 and len(lines) * pt * PT * 1.2 <= box.h) or pt <= 5:
                break
            pt -= 0.5
        step = pt * PT * 1.2
        y = box.y + (box.h - len(lines) * step) / 2
        for i, line in enumerate(lines):
            self.line_in(str(line), Box(box.x, y + i * step, box.w, step), pt, bold)


def layout_of(facts: BallotFacts, paper: Paper, rehearsal: bool) -> BallotLayout:
    """The layout, placed with the embedded font's own widths."""
    with _fonts() as (regular, bold):
        doc = _Doc(PAPERS[paper], regular, bold, dt.date(2000, 1, 1))
        return place(facts, paper, rehearsal, doc.width)


def render(
    layout: BallotLayout,
    words: Words,
    date: dt.date,
    copies: int = 1,
    deck: Sequence[DeckPage] = (),
) -> bytes:
    """The PDF: ``copies`` blank ballots, or one page per test-deck ballot with its marks."""
    with _fonts() as (regular, bold):
        doc = _Doc((layout.width, layout.height), regular, bold, date)
        pages: Sequence[DeckPage | None] = list(deck) if deck else [None] * copies
        for page in pages:
            doc.pdf.add_page()
            _ballot(doc, layout, words)
            if page is not None:
                _deck_marks(doc, layout, page)
        return bytes(doc.pdf.output())


def _ballot(doc: _Doc, layout: BallotLayout, words: Words) -> None:
    pdf = doc.pdf
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*INK)
    for mark in layout.marks:
        b = mark.box
        pdf.rect(b.x, b.y, b.w, b.h, style="F")
    _heading(doc, layout, words)
    _table(doc, layout, words)
    _qr(doc, layout, words)
    _seal(doc, layout, words)
    if words.rehearsal:
        _rehearsal(doc, layout, words.rehearsal)


def _heading(doc: _Doc, layout: BallotLayout, words: Words) -> None:
    h = layout.header
    half = h.w / 2
    for col, lines in ((0, words.header_left), (1, words.header_right)):
        step = h.h / max(len(lines), 2)
        for i, line in enumerate(lines):
            box = Box(h.x + col * half, h.y + i * step, half - 2, step)
            doc.line_in(line, box, 8.5, bold=i == 0)
    doc.line_in(words.title, layout.title, 16, bold=True)
    doc.lines_in(words.body, layout.body, 10.5, bold=True)
    if words.term:
        doc.line_in(words.term, layout.term, 9.5, bold=True)
    doc.lines_in(words.instructions, layout.instructions, 8.5, bold=False)


def _table(doc: _Doc, layout: BallotLayout, words: Words) -> None:
    pdf = doc.pdf
    pdf.set_line_width(0.25)
    if layout.table_head is not None and layout.rows:
        head, first = layout.table_head, layout.rows[0]
        assert first.agree_box is not None and first.disagree_box is not None
        pdf.rect(head.x, head.y, head.w, head.h)
        cols = (
            (first.number_box.x, first.number_box.w, words.col_number),
            (first.number_box.x + first.number_box.w, _name_col_w(first), words.col_name),
            (first.agree_box.x - (BOX_COL - first.agree_box.w) / 2, BOX_COL, words.col_agree),
            (
                first.disagree_box.x - (BOX_COL - first.disagree_box.w) / 2,
                BOX_COL,
                words.col_disagree,
            ),
        )
        for x, w, text in cols:
            pdf.line(x, head.y, x, head.y + head.h)
            doc.line_in(text, Box(x + 0.5, head.y, w - 1, head.h), 8, bold=True)
    for row in layout.rows:
        _row(doc, row)


def _name_col_w(row: Row) -> float:
    end = (
        row.agree_box.x - (BOX_COL - row.agree_box.w) / 2
        if row.agree_box
        else row.box.x + row.box.w
    )
    return end - (row.number_box.x + row.number_box.w)


def _row(doc: _Doc, row: Row) -> None:
    pdf = doc.pdf
    b = row.box
    pdf.rect(b.x, b.y, b.w, b.h)
    nb = row.number_box
    pdf.line(nb.x + nb.w, b.y, nb.x + nb.w, b.y + b.h)
    doc.line_in(f"{row.position}.", nb, min(row.name_pt, 10), bold=False)
    pdf.set_font(FONT, "", row.name_pt)
    pdf.text(row.name_box.x, b.y + b.h / 2 + row.name_pt * PT * 0.35, row.name)
    if row.agree_box is not None and row.disagree_box is not None:
        for tick in (row.agree_box, row.disagree_box):
            col_x = tick.x - (BOX_COL - tick.w) / 2
            pdf.line(col_x, b.y, col_x, b.y + b.h)
            pdf.rect(tick.x, tick.y, tick.w, tick.h)


def _qr(doc: _Doc, layout: BallotLayout, words: Words) -> None:
    """The layout's SHA-256 as a QR code, drawn module by module (no image, byte-stable)."""
    import segno

    code = segno.make(layout.qr_payload(), error="m", micro=False)
    matrix = [list(r) for r in code.matrix]
    quiet = 2  # modules of white around the code: the margin around it is white too
    size = len(matrix) + 2 * quiet
    unit = layout.qr.w / size
    pdf = doc.pdf
    pdf.set_fill_color(*INK)
    for r, cells in enumerate(matrix):
        c = 0
        while c < len(cells):
            if cells[c]:
                start = c
                while c < len(cells) and cells[c]:
                    c += 1
                pdf.rect(
                    layout.qr.x + (quiet + start) * unit,
                    layout.qr.y + (quiet + r) * unit,
                    (c - start) * unit,
                    unit,
                    style="F",
                )
            else:
                c += 1
    q = layout.qr
    doc.line_in(words.layout_code, Box(q.x + q.w + 2, q.y + q.h - 4, 40, 4), 6, False, "L")


def _seal(doc: _Doc, layout: BallotLayout, words: Words) -> None:
    pdf = doc.pdf
    s = layout.seal
    pdf.set_draw_color(150, 150, 150)
    pdf.set_text_color(150, 150, 150)
    pdf.set_dash_pattern(dash=1, gap=1)
    pdf.circle(s.x + s.w / 2, s.y + s.h / 2, s.w / 2)
    pdf.set_dash_pattern()
    doc.line_in(words.seal, Box(s.x, s.y, s.w, s.h), 7, bold=False)
    pdf.set_draw_color(*INK)
    pdf.set_text_color(*INK)


def _rehearsal(doc: _Doc, layout: BallotLayout, text: str) -> None:
    pdf = doc.pdf
    cx, cy = layout.width / 2, layout.height / 2
    with pdf.local_context(fill_opacity=0.18, text_color=(120, 120, 120)):
        pdf.set_font(FONT, "B", 54 if layout.paper == "a5" else 76)
        w = pdf.get_string_width(text)
        with pdf.rotation(35, cx, cy):
            pdf.text(cx - w / 2, cy + 54 * PT * 0.35, text)


def _deck_marks(doc: _Doc, layout: BallotLayout, page: DeckPage) -> None:
    """Draw the strokes a voter would: a line through a struck name, ✗ in a marked box."""
    pdf = doc.pdf
    pdf.set_draw_color(*PEN)
    pdf.set_line_width(0.6)
    struck, unmarked = set(page.marks.struck), set(page.marks.unmarked)
    for row in layout.rows:
        if row.agree_box is None or row.disagree_box is None:
            if row.position in struck:
                nb = row.name_box
                y = nb.y + nb.h / 2
                pdf.line(nb.x - 1.5, y, nb.x + nb.w + 1.5, y)
        elif row.position not in unmarked:
            box = row.disagree_box if row.position in struck else row.agree_box
            pdf.line(box.x + 0.6, box.y + 0.6, box.x + box.w - 0.6, box.y + box.h - 0.6)
            pdf.line(box.x + 0.6, box.y + box.h - 0.6, box.x + box.w - 0.6, box.y + 0.6)
    pdf.set_line_width(0.25)
    pdf.set_draw_color(*INK)
    q = layout.qr
    doc.line_in(page.label, Box(q.x + q.w + 2, q.y + q.h - 9, 60, 4), 7, False, "L")
