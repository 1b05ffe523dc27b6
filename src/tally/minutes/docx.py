"""The minutes as a Word document (.docx) that opens and prints in Word and LibreOffice.

Laid out as a Vietnamese administrative paper (NĐ 30/2020/NĐ-CP, HD 36-HD/VPTW) on the print
kit's Word pieces (:mod:`tally.documents.docx`): A4 portrait, margins 2 cm with 3 cm on the
left for binding, Times New Roman 13 pt, the two-column heading (issuing body left, the Party
or the State right, date in italics below it), the title, the figures, the candidates in
ballot order, the elected in order of votes, the rules the result rests on, and the
signatures. Every word and figure comes from the :class:`Minutes` object: nothing is counted
or worded here. The same Minutes give the same bytes (fixed document dates and zip times).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt
from docx.table import Table

from tally.documents import docx as kit
from tally.documents.docx import CENTER, RED, RIGHT_ALIGN, SMALL, cell_para, para, run
from tally.minutes.model import Minutes

HEADER_FILL = "E7E6E6"  # light grey behind the tables' heading rows

# Column widths (cm), each table filling the text width.
PARTY_HEADING_COLS = (7.6, 8.4)  # issuing body | the Party's name, the date
STATE_HEADING_COLS = (6.0, 10.0)  # election team | the State's name and motto, the date
FIGURE_COLS = (12.5, 3.5)  # label | value
CANDIDATE_COLS = (1.4, 6.0, 2.2, 2.7, 3.7)  # STT | name | votes | % | result
# An agree/disagree ballot, set a size smaller so that the heads hold their words:
# STT | name | agree | % | disagree | % | both or neither | % | result
ROWS_COLS = (1.3, 3.4, 1.7, 1.3, 1.8, 1.3, 1.8, 1.3, 2.1)
ELECTED_COLS = (1.4, 11.0, 3.6)  # STT | name | votes
# The tables a size under the text, the rules and notes smaller still: an 11-name contest
# then fits on two pages with its signatures and imprint.
CELL, RULE = Pt(11.5), Pt(9.5)
ITEM, HANG, DASH = Cm(1.0), Cm(0.6), Cm(0.4)  # list items: text indent, number and dash hangs

FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def render_docx(m: Minutes, path: Path) -> None:
    """Write the minutes ``m`` to ``path`` as a .docx file."""
    path.write_bytes(docx_bytes(m))


def docx_bytes(m: Minutes) -> bytes:
    """The .docx file of the minutes ``m``: the same minutes give the same bytes."""
    doc = kit.new("vi-VN" if m.lang == "vi" else "en-GB")
    props = doc.core_properties
    props.title = f"{m.title} — {m.election_title}"
    props.subject = m.congress
    props.keywords = f"{m.contest_id} {m.round} {m.fingerprint_short}"
    props.comments = f"{m.tool}; {m.rules_id}; {m.fingerprint}"
    if m.rehearsal:
        kit.page_header(doc, m.word("doc.rehearsal"))
        p = para(doc, m.word("minutes.rehearsal.paper"), bold=True, color=RED, size=Pt(14))
        p.alignment = CENTER
        p.paragraph_format.space_after = Pt(12)
    kit.page_footer(doc, m.fingerprint_line, m.word("doc.page"))
    _heading_block(doc, m)
    _title_block(doc, m)
    _board(doc, m)
    _figures(doc, m)
    _candidates(doc, m)
    _result(doc, m)
    _grounds(doc, m)
    kit.closing(doc, m.closing)
    return kit.finish(doc, _date_of(m.date_line))


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


def _heading(doc: DocxDocument, text: str) -> None:
    para(doc, text, bold=True, before=10, after=4, keep_next=True)


def _bordered(
    doc: DocxDocument, widths: tuple[float, ...], heads: tuple[str, ...], size: Pt = CELL
) -> Table:
    table = kit.table(doc, widths, borders=True)
    kit.head_row(table, widths, heads, HEADER_FILL, size)
    return table


def _heading_block(doc: DocxDocument, m: Minutes) -> None:
    cols = STATE_HEADING_COLS if m.family == "state" else PARTY_HEADING_COLS
    left, right = kit.row(kit.table(doc, cols, borders=False), cols)
    for i, line in enumerate(m.header_left):
        p = cell_para(left, i == 0)
        p.alignment = CENTER
        run(p, line, bold=True)
    if m.header_mark:
        para(left, m.header_mark, align=CENTER)
    for i, line in enumerate(m.header_right):
        p = cell_para(right, i == 0)
        p.alignment = CENTER
        # The State's motto is underlined; the Party's name is underlined in Party papers.
        # The State's name is set a size smaller so it holds on one line (NĐ 30: 12–13 pt).
        last = i == len(m.header_right) - 1
        small = m.family == "state" and i == 0 and len(m.header_right) > 1
        run(p, line, bold=True, underline=last, size=Pt(12) if small else None)
    para(right, m.date_line, italic=True, align=CENTER, before=6)


def _title_block(doc: DocxDocument, m: Minutes) -> None:
    para(doc, m.title, bold=True, size=Pt(15), align=CENTER, before=18, after=2)
    para(doc, m.election_title, bold=True, align=CENTER, after=2)
    para(doc, m.congress_line, italic=True, align=CENTER, after=2 if m.place_line else 10)
    if m.place_line:
        para(doc, m.place_line, italic=True, align=CENTER, after=10)


def _board(doc: DocxDocument, m: Minutes) -> None:
    if m.board_intro:
        para(doc, m.board_intro, after=2, keep_next=True)
        for i, line in enumerate(m.board_lines, 1):
            para(doc, f"{i}. {line}", indent=ITEM, hang=HANG, keep_next=True)
    para(doc, m.began_line, before=4)


def _figures(doc: DocxDocument, m: Minutes) -> None:
    _heading(doc, m.heading("figures"))
    table = _bordered(doc, FIGURE_COLS, m.heads("item", "number"))
    for fig in m.figure_rows:
        label_cell, value_cell = kit.row(table, FIGURE_COLS)
        reason = fig.key.startswith("invalid.")
        key = fig.key in ("seats", "base", "threshold")
        p = cell_para(label_cell, True)
        p.paragraph_format.left_indent = Cm(0.8) if reason else None
        run(p, fig.label, italic=reason, bold=key, size=CELL)
        p = cell_para(value_cell, True)
        p.alignment = RIGHT_ALIGN
        run(p, "—" if fig.value is None else str(fig.value), italic=reason, bold=key, size=CELL)
    para(doc, m.base_line, before=6)


def _candidates(doc: DocxDocument, m: Minutes) -> None:
    _heading(doc, m.heading("votes"))
    if not m.candidates:
        para(doc, m.word("minutes.no_candidates"))
        return
    cols = ROWS_COLS if m.rows_shown else CANDIDATE_COLS
    size = SMALL if m.rows_shown else CELL
    table = kit.table(doc, cols, borders=True)
    kit.head_row(table, cols, m.candidate_heads, HEADER_FILL, size)
    extra = 4 if m.rows_shown else 0  # disagree, unmarked and their shares
    aligns = (CENTER, None, RIGHT_ALIGN, RIGHT_ALIGN, *[RIGHT_ALIGN] * extra, CENTER)
    for c in m.candidates:
        bold = c.status in ("elected", "admitted")
        rows = c.row_figures if m.rows_shown else ()
        values = (str(c.position), c.name, str(c.votes), c.pct, *rows, c.status_label)
        for cell, text, align in zip(kit.row(table, cols), values, aligns, strict=True):
            p = cell_para(cell, True)
            if align is not None:
                p.alignment = align
            run(p, text, bold=bold, size=size)


def _result(doc: DocxDocument, m: Minutes) -> None:
    _heading(doc, m.heading("elected"))
    if m.elected:
        table = _bordered(doc, ELECTED_COLS, m.heads("no", "name", "votes"))
        for i, name, votes in m.elected_rows:
            values = (str(i), name, str(votes))
            aligns = (CENTER, None, RIGHT_ALIGN)
            for cell, text, align in zip(kit.row(table, ELECTED_COLS), values, aligns, strict=True):
                p = cell_para(cell, True)
                if align is not None:
                    p.alignment = align
                run(p, text, bold=True, size=CELL)
    else:
        para(doc, m.word("minutes.nobody_elected"), indent=ITEM)
    failed = m.outcome in ("rejected", "void")
    para(doc, m.outcome_line, before=8, bold=True, color=RED if failed else None)
    for problem in m.problems:
        para(doc, f"– {problem}", color=RED, indent=ITEM, hang=DASH, before=2)
    if m.pending_confirmation:
        para(doc, m.pending_line, bold=True, italic=True, before=6)


def _grounds(doc: DocxDocument, m: Minutes) -> None:
    if m.rules:
        _heading(doc, m.heading("rules"))
        for i, line in enumerate(m.rule_lines, 1):
            para(doc, f"{i}. {line}", size=RULE, indent=ITEM, hang=HANG, after=1)
        para(doc, m.word("minutes.legend"), italic=True, size=RULE, before=2)
    if m.footnotes:
        para(doc, m.word("minutes.notes"), bold=True, size=RULE, before=4, keep_next=True)
        for i, note in enumerate(m.footnotes, 1):
            para(doc, f"{i}. {note}", size=RULE, indent=ITEM, hang=HANG, after=1)
