"""Agree/disagree contests show both figures (issue 15): for each person the agree, the
disagree and the rows with both boxes or neither, with their percentages, in the JSON, the
CSV and XLSX exports, the terminal, the three minutes formats and the hall view.

The expected figures are read here from the ballot file, independently of the count.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import Result

from clirun import invoke
from tally.decide import percent
from tally.report.export import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
# huyen-2020 pbt: two deputies, a row with neither box on a valid ballot, a no-choice ballot;
# xa-2025 bt: the secretary elected with 98 of 108.
CASES = [("huyen-2020", "pbt"), ("xa-2025", "bt")]
FIGURES = ("agree", "disagree", "unmarked")
ENV = {"COLUMNS": "200", "TALLY_LANG": None}


def run(*args: str | Path) -> Result:
    return invoke(*args, env=ENV)


def count_doc(example: str, *extra: str) -> dict[str, Any]:
    result = run("count", ROOT / "examples" / example, "--json", *extra)
    assert result.exit_code in (0, 4), result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def the_round(doc: dict[str, Any], contest: str) -> dict[str, Any]:
    c = next(c for c in doc["contests"] if c["id"] == contest)
    rd: dict[str, Any] = c["rounds"][0]
    return rd


def from_ballots(example: str, contest: str, n: int) -> dict[str, list[int]]:
    """Agree, disagree and unmarked per position, read from the ballot file by hand: a ballot
    with a reason, or whose every row is unmarked, is invalid (the examples' rule set)."""
    path = ROOT / "examples" / example / "ballots" / f"{contest}-1.csv"
    out = {k: [0] * n for k in FIGURES}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            struck = {int(x) for x in row["struck"].split()}
            unmarked = {int(x) for x in row["unmarked"].split()}
            if row["invalid"].strip() or len(unmarked) == n:
                continue
            for p in range(1, n + 1):
                key = "disagree" if p in struck else "unmarked" if p in unmarked else "agree"
                out[key][p - 1] += 1
    return out


def pct(value: int, base: int) -> str:
    return percent(value, base, 2, "truncate")


def vi(text: str) -> str:
    return text.replace(".", ",")


@pytest.mark.parametrize(("example", "contest"), CASES)
def test_json_has_agree_disagree_unmarked_per_candidate(example: str, contest: str) -> None:
    doc = count_doc(example)
    rd = the_round(doc, contest)
    assert rd["layout"] == "agree_disagree"
    want = from_ballots(example, contest, len(rd["candidates"]))
    for i, cand in enumerate(rd["candidates"]):
        for key in FIGURES:
            assert cand[key] == {
                "count": want[key][i],
                "pct_of_base": pct(want[key][i], rd["base"]),
            }, (cand["id"], key)
        assert cand["agree"]["count"] == cand["votes"]
        assert cand["agree"]["pct_of_base"] == cand["pct_of_base"]
        total = sum(cand[key]["count"] for key in FIGURES)
        assert total == rd["ballots"]["valid"]
    assert any(c["disagree"]["count"] for c in rd["candidates"])
    # Strike-out rounds keep their keys exactly.
    for c in doc["contests"]:
        for r in c["rounds"]:
            if r["layout"] == "strike":
                assert not any(set(FIGURES) & set(cand) for cand in r["candidates"])


def test_csv_adds_the_figures_at_the_end() -> None:
    result = run("count", ROOT / "examples" / "huyen-2020", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    head = rows[0]
    new = [
        "agree",
        "agree_pct",
        "disagree",
        "disagree_pct",
        "unmarked",
        "unmarked_pct",
    ]
    assert head == [*COLUMNS[: len(head) - len(new)], *new]
    assert head[: len(head) - len(new)] == [  # the old columns, in their old order
        "contest", "body", "round", "seats", "base", "threshold", "issued", "collected", "valid",
        "invalid", "position", "id", "name", "votes", "pct_of_base", "status", "outcome",
    ]  # fmt: skip
    doc = count_doc("huyen-2020")
    records = [dict(zip(head, r, strict=True)) for r in rows[1:]]
    for c in doc["contests"]:
        for r in c["rounds"]:
            for cand in r["candidates"]:
                rec = next(
                    x
                    for x in records
                    if (x["contest"], x["round"], x["id"]) == (c["id"], str(r["round"]), cand["id"])
                )
                for key in FIGURES:
                    fig = cand.get(key)
                    assert rec[key] == (str(fig["count"]) if fig else ""), (c["id"], key)
                    assert rec[f"{key}_pct"] == (fig["pct_of_base"] if fig else "")


def test_xlsx_sheet_has_the_columns(tmp_path: Path) -> None:
    target = tmp_path / "kq.xlsx"
    assert (
        run("count", ROOT / "examples" / "xa-2025", "--format", "xlsx", "-o", target).exit_code == 0
    )
    ws = openpyxl.load_workbook(target)["bt"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(r for r in rows if r[0] == "STT")
    # the columns every sheet has, then the new ones
    assert head == (
        "STT", "Họ và tên", "Số phiếu", "Tỷ lệ %", "Kết quả",
        "Không đồng ý", "Tỷ lệ %", "Cả hai ô/bỏ trống", "Tỷ lệ %",
    )  # fmt: skip
    line = next(r for r in rows if r[1] == "Huỳnh Thanh Dũng")
    rd = the_round(count_doc("xa-2025"), "bt")
    cand = rd["candidates"][0]
    for key, label in (("agree", "Số phiếu"), ("disagree", "Không đồng ý")):
        at = head.index(label)
        assert line[at] == cand[key]["count"]
        assert str(line[at + 1]) == str(float(cand[key]["pct_of_base"])).rstrip("0").rstrip(".")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_terminal_shows_both_figures(lang: str) -> None:
    result = run("count", ROOT / "examples" / "xa-2025", "--lang", lang)
    rd = the_round(count_doc("xa-2025"), "bt")
    cand = rd["candidates"][0]
    head = {"vi": "Không đồng ý", "en": "Disagree"}[lang]
    assert head in result.stdout
    section = result.stdout.split("(bt) —", 1)[1]
    line = next(x for x in section.splitlines() if cand["name"] in x and "│" in x)
    cells = [c.strip() for c in line.split("│") if c.strip()]
    disagree = cand["disagree"]["pct_of_base"]
    expect = [
        str(cand["agree"]["count"]),
        f"{cand['disagree']['count']} ({vi(disagree) if lang == 'vi' else disagree}%)",
    ]
    for value in expect:
        assert value in cells, (value, cells)


def minutes_of(example: str, contest: str, fmt: str, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / f"{contest}.{fmt}"
    args = ["minutes", ROOT / "examples" / example, "--contest", contest, "-o", out]
    result = run(*args, "--format", fmt, *extra)
    assert result.exit_code == 0, result.output
    return out


def expected_cells(cand: dict[str, Any]) -> list[str]:
    return [
        str(cand["agree"]["count"]),
        vi(cand["agree"]["pct_of_base"]),
        str(cand["disagree"]["count"]),
        vi(cand["disagree"]["pct_of_base"]),
        str(cand["unmarked"]["count"]),
        vi(cand["unmarked"]["pct_of_base"]),
    ]


@pytest.mark.parametrize(("example", "contest"), CASES)
def test_minutes_show_both_figures(example: str, contest: str, tmp_path: Path) -> None:
    rd = the_round(count_doc(example), contest)
    md = minutes_of(example, contest, "md", tmp_path).read_text(encoding="utf-8")
    assert "Không đồng ý" in md
    page = minutes_of(example, contest, "html", tmp_path).read_text(encoding="utf-8")
    word = docx.Document(str(minutes_of(example, contest, "docx", tmp_path)))
    word_rows = [[c.text.strip() for c in row.cells] for t in word.tables for row in t.rows]
    for cand in rd["candidates"]:
        want = expected_cells(cand)
        line = next(x for x in md.splitlines() if cand["name"] in x and x.count("|") > 6)
        cells = [c.strip().strip("*") for c in line.strip("|").split(" | ")]
        assert cells[2:8] == want, cells
        row = next(r for r in word_rows if cand["name"] in r and len(r) > 5)
        assert row[2:8] == want, row
        tr = re.search(
            rf'<tr class="candidate [^"]*" data-position="{cand["position"]}">(.*?)</tr>', page
        )
        assert tr, cand["id"]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", tr.group(1))
        assert cells[2:8] == want, cells


def test_strike_minutes_keep_their_table(tmp_path: Path) -> None:
    md = minutes_of("xa-2025", "bch", "md", tmp_path, "--round", "1").read_text(encoding="utf-8")
    assert "Không đồng ý" not in md
    assert "| STT | Họ và tên | Số phiếu | Tỷ lệ % | Kết quả |" in md


def test_hall_view_shows_disagree(tmp_path: Path) -> None:
    rd = the_round(count_doc("xa-2025"), "bt")
    cand = rd["candidates"][0]
    out = minutes_of("xa-2025", "bt", "html", tmp_path, "--view", "hall")
    page = out.read_text(encoding="utf-8")
    row = re.search(rf'data-position="{cand["position"]}">(.*?)</div>', page)
    assert row
    assert "Không đồng ý" in row.group(1)
    assert f">{cand['disagree']['count']}<" in row.group(1) or str(
        cand["disagree"]["count"]
    ) in re.sub(r"<[^>]+>", " ", row.group(1))
