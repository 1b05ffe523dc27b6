"""Exports and documents are inert: a name is shown as typed, never run or rendered as markup.

A spreadsheet runs a cell that begins with ``=`` (and, once edited, ``+ - @``) as a formula:
in the XLSX such cells are text with Excel's quote prefix; in the CSV they get a leading ``'``
(the OWASP advice on CSV injection). Markdown and HTML minutes escape every name and text
field, newlines included. Numbers stay numbers, negative ones too.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from clirun import invoke
from tally.report.model import CountReport

ROOT = Path(__file__).resolve().parents[1]
ENV = {"COLUMNS": "100", "TALLY_LANG": None, "FORCE_COLOR": None, "NO_COLOR": None}

# Person id in xa-2025 → a hostile name (each on the committee's first-round ballot).
HOSTILE = {
    "ttka": '=HYPERLINK("http://x","y")',
    "lvb": "+1",
    "htd": "-2",
    "vvg": "@SUM(A1)",
    "nth": "Nguyễn Thị\n<b>Hằng</b>\n# Heading",
    "stsl": "<script>alert(1)</script> *Ly* [x](http://x) | `c` & 1. - > _u_",
}
DANGEROUS = tuple("=+-@\t\r")


def yaml_string(text: str) -> str:
    return (
        '"'
        + text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
        + '"'
    )


def run(*args: str | Path) -> Result:
    return invoke(*args, env=ENV)  # a crash fails the test


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    path = folder / "election.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        m = re.match(r"  - \{id: (\w+), name: ([^,]+),", line)
        if m and m.group(1) in HOSTILE:
            lines[i] = line.replace(
                f"name: {m.group(2)},", f"name: {yaml_string(HOSTILE[m.group(1)])},", 1
            )
    path.write_text("".join(lines), encoding="utf-8")
    assert run("validate", folder).exit_code in (0, 1)
    return folder


def test_inert_cell() -> None:
    from tally.report.export import inert_cell

    assert inert_cell("=1+1") == "'=1+1"
    assert inert_cell("Nguyễn Văn An") == "Nguyễn Văn An"
    assert inert_cell("") == ""
    for ch in "=+-@\t":
        assert inert_cell(ch + "x") == "'" + ch + "x"
    assert inert_cell("\rx") == "'\nx"  # a bare CR would end the row in Excel
    assert inert_cell("a\r\nb\rc") == "a\nb\nc"


def test_csv_prefixes_dangerous_text_cells(folder: Path) -> None:
    result = run("count", folder, "--contest", "bch", "--round", "1", "--format", "csv")
    assert result.exit_code == 4, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    names = {row["id"]: row["name"] for row in rows}
    for pid, name in HOSTILE.items():
        expected = "'" + name if name.startswith(DANGEROUS) else name
        assert names[pid] == expected, pid
    for row in rows:
        for key, value in row.items():
            assert not value.startswith(DANGEROUS), (key, value)
        assert row["votes"].isdigit()  # numbers stay numbers


def xa_report() -> CountReport:
    from tally.app import count_report
    from tally.config.loader import load_election

    return count_report(load_election(ROOT / "examples" / "xa-2025"))


def first_named(report: CountReport, name: str, **changes: Any) -> CountReport:
    """``report`` with its first candidate (first contest, first round) renamed ``name``."""
    c = report.contests[0]
    rd = c.rounds[0]
    first = replace(rd.candidates[0], name=name, **changes)
    rd = replace(rd, candidates=(first, *rd.candidates[1:]))
    c = replace(c, rounds=(rd, *c.rounds[1:]))
    return replace(report, contests=(c, *report.contests[1:]))


def test_xlsx_shows_a_control_character_instead_of_failing(tmp_path: Path) -> None:
    from tally.report.export import build_workbook

    doc = first_named(xa_report(), "A\x01B")
    ws = build_workbook(doc, "en")[doc.contests[0].id]
    assert "A<U+0001>B" in [c.value for line in ws.iter_rows() for c in line]


@pytest.mark.parametrize("name", ["-2", "\tTab", "\rCR"])
def test_text_cells_are_prefixed_and_negative_numbers_stay_numbers(name: str) -> None:
    """The exports from a count report whose first name is ``name`` and whose first vote
    count is negative. (The loader strips a name's leading tab or CR; a report still may.)"""
    from tally.report.export import build_workbook, write_csv

    doc = first_named(xa_report(), name, votes=-3)
    out = io.StringIO()
    write_csv(doc, out)
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["name"] == "'" + name.replace("\r", "\n")
    assert row["votes"] == "-3"
    ws = build_workbook(doc, "en")[doc.contests[0].id]
    cells = [c for line in ws.iter_rows() for c in line]
    (text,) = [c for c in cells if c.value == name]
    assert text.data_type == "s" and text.quotePrefix
    (number,) = [c for c in cells if c.value == -3]
    assert number.data_type == "n" and not number.quotePrefix


def test_xlsx_writes_dangerous_text_as_text(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "count.xlsx"
    result = run("count", folder, "--format", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    seen: set[str] = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(DANGEROUS):
                    assert cell.data_type == "s", cell.coordinate
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    assert {n for n in HOSTILE.values() if n.startswith(DANGEROUS)} <= seen
    bch = wb["bch"]
    votes = [c.value for c in bch["C"] if isinstance(c.value, int)]
    assert votes  # the vote counts are still numbers


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_markdown_minutes_render_names_literally(folder: Path, lang: str) -> None:
    result = run("minutes", folder, "--contest", "bch", "--round", "1", "-o", "-", "--lang", lang)
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert "<script>" not in md and "<b>" not in md
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Hằng&lt;/b&gt;" in html
    assert "*Ly* [x](http://x) | `c` &amp; 1. - &gt; _u_" in html  # the rest of it, literally
    assert "<em>Ly</em>" not in html and '<a href="http://x">' not in html
    # the only headings are the minutes' own
    headings = re.findall(r"<h(\d)>(.*?)</h\1>", html)
    assert not any("Heading" in text for _, text in headings), headings
    # every candidate row is still one row of five cells
    candidates = md.split("\n## II. ")[1].split("\n## III. ")[0]  # the candidates' section
    rows = [line for line in candidates.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == 11
    for line in rows:
        cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
        assert len(cells) == 5, line


@pytest.mark.parametrize("view", ["paper", "hall"])
def test_html_minutes_escape_every_name(folder: Path, view: str) -> None:
    result = run(
        "minutes",
        folder,
        "--contest",
        "bch",
        "--round",
        "1",
        "-o",
        "-",
        "--format",
        "html",
        "--view",
        view,
    )
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
