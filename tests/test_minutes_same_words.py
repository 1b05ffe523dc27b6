"""The three formats of the minutes say the same words (issue 14, "one document kit").

For every example contest and round, in both languages, the Markdown, the HTML and the DOCX
minutes are read back as a reader sees them (the Markdown rendered by a CommonMark parser, the
HTML through ``html.parser``, the DOCX through python-docx) and cut into visible texts: each
heading, paragraph, list item and table cell. The three lists must hold the same texts: the
title, the section heads, the table heads, the roles, the figures and the imprint cannot be
worded one way in one format and another way in the next.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt

from tally.app import count_report
from tally.config.loader import LoadedElection, load_election
from tally.findings import Lang
from tally.fingerprint import fingerprint, input_digests
from tally.minutes.docx import docx_bytes
from tally.minutes.model import Minutes
from tally.minutes.write import minutes_of, render_text, rounds_of
from tally.report.model import CountReport

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")

# Where a text block begins and ends; the text between is one visible text.
BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "th",
        "td",
        "dt",
        "dd",
        "div",
        "header",
        "footer",
        "section",
        "main",
        "figure",
    ]
)
# Never shown as text: the page's <head>, its styles, and the chart (drawn, not written).
HIDDEN = frozenset(["head", "style", "title", "script", "svg"])
# A list item's number or bullet, where a format writes it as text rather than as a list.
MARKER = re.compile(r"^(?:\d+\.|[-–•])\s+")


def norm(text: str) -> str:
    return MARKER.sub("", " ".join(unicodedata.normalize("NFC", text).split()))


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.buffer: list[str] = []
        self.hidden = 0

    def flush(self) -> None:
        text = norm("".join(self.buffer))
        if text:
            self.texts.append(text)
        self.buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.flush()
        elif tag == "br":
            self.buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden -= 1
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.buffer.append(data)


def html_texts(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.texts


def md_texts(md: str) -> list[str]:
    return html_texts(MarkdownIt("commonmark").enable("table").render(md))


def docx_texts(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    out: list[str] = []

    def paragraph(p: Paragraph) -> None:
        text = norm(p.text)
        if text:
            out.append(text)

    def table(t: Table) -> None:
        seen: list[object] = []  # the cells' elements, held so that none is collected
        for row in t.rows:
            for cell in row.cells:
                if any(cell._tc is x for x in seen):  # a merged cell: once per grid column
                    continue
                seen.append(cell._tc)
                for child in cell._tc.iterchildren():
                    if child.tag.endswith("}p"):
                        paragraph(Paragraph(child, cell))
                    elif child.tag.endswith("}tbl"):
                        table(Table(child, cell))

    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph(Paragraph(child, doc))
        elif child.tag.endswith("}tbl"):
            table(Table(child, doc))
    return out


@functools.cache
def loaded(example: str) -> tuple[LoadedElection, CountReport, str]:
    election = load_election(ROOT / "examples" / example)
    return election, count_report(election), fingerprint(input_digests(election))


def the_minutes(example: str, contest: str, round_no: int, lang: Lang) -> Minutes:
    election, report, _ = loaded(example)
    return minutes_of(election, report, contest, round_no, lang)


CASES = [
    (example, contest, round_no)
    for example in EXAMPLES
    for contest, round_no, _ in rounds_of(loaded(example)[1])
]


def difference(a: Counter[str], b: Counter[str]) -> str:
    return f"only in the first: {sorted((a - b).elements())}; only in the second: " + str(
        sorted((b - a).elements())
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("example", "contest", "round_no"), CASES)
def test_the_three_formats_carry_the_same_texts(
    example: str, contest: str, round_no: int, lang: Lang
) -> None:
    m = the_minutes(example, contest, round_no, lang)
    md = Counter(md_texts(render_text(m, "md")))
    html = Counter(html_texts(render_text(m, "html")))
    docx = Counter(docx_texts(docx_bytes(m)))
    assert md == html, "Markdown against HTML: " + difference(md, html)
    assert md == docx, "Markdown against DOCX: " + difference(md, docx)
    # The texts that must be there at all: the title, the contest, every name and figure.
    for text in (m.title, m.election_title, *(c.name for c in m.candidates)):
        assert norm(text) in md, text
    assert m.fingerprint_short in " ".join(md)


def test_cases_cover_every_example() -> None:
    assert {e for e, _, _ in CASES} == set(EXAMPLES)
    assert len(CASES) >= len(EXAMPLES) * 2


@pytest.mark.parametrize(
    ("example", "contest", "words", "not_words"),
    [
        ("phuong-hdnd-2026", "hdnd", ["Tổ bầu cử gồm:", "Tổ trưởng", "TỔ TRƯỞNG"], ["Ban kiểm"]),
        ("xa-2025", "bch", ["Ban kiểm phiếu gồm", "Trưởng ban", "Số đảng viên có mặt"], ["Tổ"]),
        ("huyen-2020", "bch", ["TRƯỞNG BAN KIỂM PHIẾU", "Số đại biểu có mặt"], ["Tổ bầu"]),
        ("huyen-2020", "btv", ["Số ủy viên có mặt"], ["Số đại biểu có mặt"]),
    ],
)
def test_the_words_follow_the_meeting(
    example: str, contest: str, words: list[str], not_words: list[str]
) -> None:
    text = " ".join(md_texts(render_text(the_minutes(example, contest, 1, "vi"), "md")))
    for w in words:
        assert w in text, w
    for w in not_words:
        assert w not in text, w
