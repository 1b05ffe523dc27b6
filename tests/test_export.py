"""CSV and XLSX exports of a count (tally.report.export) against the count document.

Every example folder is counted once; the exports are made from its count report, and its
``tally count --json`` document (the JSON text, parsed back) is what every exported figure
must equal. The XLSX is read back with openpyxl
and parsed by its labels, so the layout, the labels of both languages and the cell types are
all checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from tally.app import count_report
from tally.config.loader import load_election
from tally.findings import Lang
from tally.labels import BODY, REASON, STATUS, tr
from tally.report.export import COLUMNS, export_rows, sheet_title, write_csv, write_xlsx
from tally.report.jsondoc import count_doc, dumps
from tally.report.model import CountReport

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if (p / "election.yaml").is_file())
LANGS: tuple[Lang, ...] = ("vi", "en")
CASES = [(example, lang) for example in EXAMPLES for lang in LANGS]

# The labels a board reads, written out here (not imported) so a changed label fails a test.
LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "summary": "Tổng hợp",
        "round": "Lần",
        "seats": "Số cần bầu",
        "issued": "Số phiếu phát ra",
        "collected": "Số phiếu thu vào",
        "valid": "Số phiếu hợp lệ",
        "invalid": "Số phiếu không hợp lệ",
        "base": "Cơ sở tính",
        "threshold": "Số phiếu cần để trúng cử",
        "rules": "Quy chế",
        "tool": "Công cụ",
    },
    "en": {
        "summary": "Summary",
        "round": "Round",
        "seats": "Seats",
        "issued": "Ballots issued",
        "collected": "Ballots collected",
        "valid": "Valid ballots",
        "invalid": "Invalid ballots",
        "base": "Base",
        "threshold": "Votes needed to be elected",
        "rules": "Rules",
        "tool": "Tool",
    },
}
TABLE_HEADER = {
    "vi": ("STT", "Họ và tên", "Số phiếu", "Tỷ lệ %", "Kết quả"),
    "en": ("No.", "Name", "Votes", "% of base", "Result"),
}
OUTCOME = {
    "vi": {
        "complete": "Đủ",
        "tie": "Ngang phiếu, bầu lại",
        "shortfall": "Còn chỗ trống",
        "rejected": "Số liệu không khớp",
        "void": "Phải bầu lại",
    },
    "en": {
        "complete": "Complete",
        "tie": "Tie, re-vote",
        "shortfall": "Seats open",
        "rejected": "Figures do not reconcile",
        "void": "Re-run due",
    },
}
OUTCOME_PREFIX = {"vi": "Kết quả: ", "en": "Outcome: "}
SUMMARY_HEADER = {
    "vi": ("Mã", "Cuộc bầu", "Số cần bầu", "Số trúng cử", "Kết quả"),
    "en": ("Id", "Body", "Seats", "Elected", "Outcome"),
}


def test_examples_found() -> None:
    assert {"huyen-2020", "xa-2025", "phuong-hdnd-2026"} <= set(EXAMPLES)


@cache
def live_report(example: str) -> CountReport:
    """The count report as the CLI holds it (frozen: tests alter copies, see ``edited``)."""
    return count_report(load_election(ROOT / "examples" / example))


def json_doc(example: str, lang: Lang = "vi") -> dict[str, Any]:
    """What ``tally count --json`` prints, parsed back."""
    doc: dict[str, Any] = json.loads(dumps(count_doc(live_report(example), lang)))
    return doc


def edited(
    report: CountReport,
    contest: int,
    round_no: int | None = None,
    candidate: int | None = None,
    **changes: Any,
) -> CountReport:
    """``report`` with ``changes`` made to one contest, or one of its rounds, or one candidate."""
    c = report.contests[contest]
    if round_no is None:
        c = replace(c, **changes)
    else:
        rounds = list(c.rounds)
        rd = rounds[round_no]
        if candidate is None:
            rd = replace(rd, **changes)
        else:
            cands = list(rd.candidates)
            cands[candidate] = replace(cands[candidate], **changes)
            rd = replace(rd, candidates=tuple(cands))
        rounds[round_no] = rd
        c = replace(c, rounds=tuple(rounds))
    contests = list(report.contests)
    contests[contest] = c
    return replace(report, contests=tuple(contests))


def rounds(doc: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for contest in doc["contests"]:
        for rd in contest["rounds"]:
            yield contest, rd


def csv_text(report: CountReport) -> str:
    out = io.StringIO()
    write_csv(report, out)
    return out.getvalue()


def is_int(value: object) -> bool:
    return type(value) is int


# --- rows and CSV ------------------------------------------------------------------------------


def test_columns_are_the_contract() -> None:
    assert COLUMNS == (
        "contest",
        "body",
        "round",
        "seats",
        "base",
        "threshold",
        "issued",
        "collected",
        "valid",
        "invalid",
        "position",
        "id",
        "name",
        "votes",
        "pct_of_base",
        "status",
        "outcome",
        # added at the end (issue 15): empty but on an agree/disagree ballot
        "agree",
        "agree_pct",
        "disagree",
        "disagree_pct",
        "unmarked",
        "unmarked_pct",
    )


def _rows_of(cand: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("agree", "disagree", "unmarked"):
        fig = cand.get(key)
        out[key] = fig["count"] if fig else None
        out[f"{key}_pct"] = fig["pct_of_base"] if fig else None
    return out


@pytest.mark.parametrize("example", EXAMPLES)
def test_rows_equal_the_json(example: str) -> None:
    rows = export_rows(live_report(example))
    doc = json_doc(example)
    expected = [(c, rd, cand) for c, rd in rounds(doc) for cand in rd["candidates"]]
    assert len(rows) == sum(len(rd["candidates"]) for _, rd in rounds(doc)) == len(expected)
    for row, (c, rd, cand) in zip(rows, expected, strict=True):
        assert tuple(row) == COLUMNS
        b = rd["ballots"]
        assert row == {
            "contest": c["id"],
            "body": c["body"],
            "round": rd["round"],
            "seats": rd["seats"],
            "base": rd["base"],
            "threshold": rd["threshold"],
            "issued": b["issued"],
            "collected": b["collected"],
            "valid": b["valid"],
            "invalid": b["invalid"],
            "position": cand["position"],
            "id": cand["id"],
            "name": cand["name"],
            "votes": cand["votes"],
            "pct_of_base": cand["pct_of_base"],
            "status": cand["status"],
            "outcome": rd["outcome"],
        } | _rows_of(cand)
        assert isinstance(row["pct_of_base"], str) and "." in row["pct_of_base"]
    # document order: contest, then round, then ballot position
    order = [c["id"] for c in doc["contests"]]
    keys = [
        (order.index(str(r["contest"])), int(str(r["round"])), int(str(r["position"])))
        for r in rows
    ]
    assert keys == sorted(keys)


@pytest.mark.parametrize("example", EXAMPLES)
def test_csv_round_trips(example: str) -> None:
    text = csv_text(live_report(example))
    rows = export_rows(live_report(example))
    assert "\r" not in text
    assert text.endswith("\n")
    assert text.split("\n", 1)[0] == ",".join(COLUMNS)
    assert text.count("\n") == len(rows) + 1
    read = list(csv.DictReader(io.StringIO(text)))
    assert read == [{k: "" if r[k] is None else str(r[k]) for k in COLUMNS} for r in rows]
    # the figures come back as the JSON's, integers and the percentage string alike
    doc = json_doc(example)
    cands = [cand for _, rd in rounds(doc) for cand in rd["candidates"]]
    assert [int(r["votes"]) for r in read] == [cand["votes"] for cand in cands]
    assert [r["pct_of_base"] for r in read] == [cand["pct_of_base"] for cand in cands]


def test_csv_none_is_an_empty_field() -> None:
    report = edited(live_report("xa-2025"), 0, 0, threshold=None)
    report = edited(report, 0, 0, 0, pct_of_base=None, status=None)
    first = next(csv.DictReader(io.StringIO(csv_text(report))))
    assert (first["threshold"], first["pct_of_base"], first["status"]) == ("", "", "")
    assert first["votes"] == str(report.contests[0].rounds[0].candidates[0].votes)


# --- XLSX --------------------------------------------------------------------------------------


def values(ws: Worksheet) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ws.iter_rows(min_col=1, max_col=5, values_only=True)]


def parse_contest(ws: Worksheet, lang: Lang) -> list[dict[str, Any]]:
    """The round blocks of a contest sheet: heading, figures (label → value), table rows."""
    heading = re.compile(rf"{LABELS[lang]['round']} (\d+)")
    blocks: list[dict[str, Any]] = []
    block: dict[str, Any] | None = None
    in_table = False
    for cells in ws.iter_rows(min_col=1, max_col=5):
        row = tuple(c.value for c in cells)
        m = heading.fullmatch(row[0]) if isinstance(row[0], str) else None
        if m:
            block = {"round": int(m.group(1)), "figures": {}, "table": [], "text": []}
            blocks.append(block)
            in_table = False
        elif block is None:
            continue
        elif row == TABLE_HEADER[lang]:
            assert all(c.font.bold for c in cells), "the table header is bold"
            in_table = True
        elif in_table and any(v is not None for v in row):
            block["table"].append(cells)
        elif in_table:
            in_table = False
        elif row[0] is None and isinstance(row[1], str):
            assert row[1] not in block["figures"], f"figure {row[1]!r} twice in a round"
            block["figures"][row[1]] = row[2]
        elif isinstance(row[0], str):
            block["text"].append(row[0])
    return blocks


@cache
def _xlsx(example: str, lang: Lang, tmp: Path) -> openpyxl.Workbook:
    path = tmp / f"{example}.{lang}.xlsx"
    write_xlsx(live_report(example), path, lang)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def xlsx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xlsx")


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_xlsx_sheets(example: str, lang: Lang, xlsx_dir: Path) -> None:
    wb = _xlsx(example, lang, xlsx_dir)
    doc = json_doc(example, lang)
    assert wb.sheetnames == [LABELS[lang]["summary"]] + [c["id"] for c in doc["contests"]]


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_xlsx_contest_sheets_equal_the_json(example: str, lang: Lang, xlsx_dir: Path) -> None:
    wb = _xlsx(example, lang, xlsx_dir)
    doc = json_doc(example, lang)
    lab = LABELS[lang]
    for contest in doc["contests"]:
        ws = wb[contest["id"]]
        assert ws.freeze_panes == "A2"
        title = ws["A1"]
        assert title.value == f"{contest['name']} ({contest['id']})" and title.font.bold
        assert ws.column_dimensions["B"].width >= 30
        blocks = parse_contest(ws, lang)
        assert [b["round"] for b in blocks] == [rd["round"] for rd in contest["rounds"]]
        for block, rd in zip(blocks, contest["rounds"], strict=True):
            where = f"{contest['id']} round {rd['round']}"
            figures = block["figures"]
            b = rd["ballots"]
            expected = {
                lab["seats"]: rd["seats"],
                lab["issued"]: b["issued"],
                lab["collected"]: b["collected"],
                lab["valid"]: b["valid"],
                lab["invalid"]: b["invalid"],
                lab["base"]: rd["base"],
                lab["threshold"]: rd["threshold"],
            }
            expected |= {tr(REASON, r, lang): n for r, n in b["invalid_by_reason"].items()}
            for label, value in expected.items():
                assert figures.get(label) == value, f"{where}: {label}"
                assert is_int(figures[label]), f"{where}: {label} is a number cell"
            assert len(block["table"]) == len(rd["candidates"]), where
            for cells, cand in zip(block["table"], rd["candidates"], strict=True):
                pos, name, votes, pct, status = (c.value for c in cells)
                assert is_int(pos) and pos == cand["position"], where
                assert name == cand["name"], where
                assert is_int(votes) and votes == cand["votes"], f"{where}: {cand['id']}"
                assert not isinstance(pct, str) and cells[3].number_format == "0.00"
                assert Decimal(str(pct)) == Decimal(cand["pct_of_base"]), f"{where}: {cand['id']}"
                assert status == tr(STATUS, cand["status"], lang), where
            outcome = OUTCOME_PREFIX[lang] + OUTCOME[lang][rd["outcome"]]
            assert outcome in block["text"], where


@pytest.mark.parametrize(("example", "lang"), CASES)
def test_xlsx_summary(example: str, lang: Lang, xlsx_dir: Path) -> None:
    ws = _xlsx(example, lang, xlsx_dir).worksheets[0]
    doc = json_doc(example, lang)
    rows = values(ws)
    assert rows[0][0] == doc["election"] and ws["A1"].font.bold
    assert (lab := LABELS[lang]) and (lab["rules"], doc["rules"]) in [r[:2] for r in rows]
    assert (lab["tool"], doc["tool"]) in [r[:2] for r in rows]
    at = rows.index(SUMMARY_HEADER[lang])
    assert all(c.font.bold for c in ws[at + 1][:5])
    contest_rows = rows[at + 1 : at + 1 + len(doc["contests"])]
    for row, contest in zip(contest_rows, doc["contests"], strict=True):
        assert row[:4] == (
            contest["id"],
            tr(BODY, contest["body"], lang),
            contest["seats"],
            len(contest["elected"]),
        )
        assert is_int(row[2]) and is_int(row[3])
        assert row[4] == OUTCOME[lang][contest["outcome"]]
    at = next(i for i, r in enumerate(rows) if r[1] == "SHA-256")
    digests = {r[0]: r[1] for r in rows[at + 1 :] if r[0] is not None}
    assert digests == doc["inputs"]
    assert ws.freeze_panes == "A2"


def test_xlsx_examples_cover_the_outcomes() -> None:
    """The examples hold a tie, a shortfall and complete rounds, so their labels are tested."""
    seen = {rd["outcome"] for example in EXAMPLES for _, rd in rounds(json_doc(example))}
    assert {"complete", "tie", "shortfall"} <= seen


def test_xlsx_languages_do_not_mix(xlsx_dir: Path) -> None:
    def strings(lang: Lang) -> set[str]:
        wb = _xlsx("huyen-2020", lang, xlsx_dir)
        cells = {v for ws in wb.worksheets for r in values(ws) for v in r if isinstance(v, str)}
        return cells | set(wb.sheetnames)

    vi, en = strings("vi"), strings("en")
    vi_labels = (set(LABELS["vi"].values()) - {"Lần"}) | set(TABLE_HEADER["vi"])
    en_labels = (set(LABELS["en"].values()) - {"Round"}) | set(TABLE_HEADER["en"])
    assert vi_labels <= vi and en_labels <= en
    assert not vi_labels & en and not en_labels & vi
    assert "Lần 1" in vi and "Round 1" in en and "Round 1" not in vi and "Lần 1" not in en
    assert "Trúng cử" in vi and "Elected" in en and "Trúng cử" not in en


def test_xlsx_percentage_is_the_documents_string(tmp_path: Path) -> None:
    """5/35 is 14.2857…; the rule set truncates to 14.28, and the cell says 14.28, not 14.29."""
    doc = edited(live_report("xa-2025"), 0, 0, base=35)
    doc = edited(doc, 0, 0, 0, votes=5, pct_of_base="14.28")
    write_xlsx(doc, tmp_path / "x.xlsx", "vi")
    blocks = parse_contest(openpyxl.load_workbook(tmp_path / "x.xlsx")["bch"], "vi")
    pct = blocks[0]["table"][0][3].value
    assert Decimal(str(pct)) == Decimal("14.28")
    assert next(csv.DictReader(io.StringIO(csv_text(doc))))["pct_of_base"] == "14.28"


def test_xlsx_missing_figures(tmp_path: Path) -> None:
    doc = edited(live_report("xa-2025"), 0, 0, threshold=None)
    doc = edited(doc, 0, 0, 0, pct_of_base=None, status=None)
    write_xlsx(doc, tmp_path / "x.xlsx", "en")
    block = parse_contest(openpyxl.load_workbook(tmp_path / "x.xlsx")["bch"], "en")[0]
    assert block["figures"][LABELS["en"]["threshold"]] == "–"
    assert [c.value for c in block["table"][0]][3:] == [None, "–"]


def test_xlsx_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = live_report("xa-2025")
    monkeypatch.setattr(time, "time", lambda: 1_000_000_000.0)
    write_xlsx(doc, tmp_path / "a.xlsx", "vi")
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.0)
    write_xlsx(doc, tmp_path / "b.xlsx", "vi")
    monkeypatch.undo()
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created == props.modified == datetime(2000, 1, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]  # no temp file left


def test_sheet_titles_valid_and_unique(tmp_path: Path) -> None:
    taken: set[str] = set()
    long = "x" * 40
    titles = [
        sheet_title(raw, taken) for raw in ("Summary", "summary", long, long + "y", "a/b:c", "'q'")
    ]
    assert titles[0] == "Summary" and titles[1].casefold() != "summary"
    assert titles[4] == "a_b_c" and titles[5] == "q"
    assert len({s.casefold() for s in titles}) == len(titles)
    assert all(0 < len(s) <= 31 for s in titles)
    # in a workbook: a contest named like the summary sheet, and two ids alike in 31 characters
    doc = edited(live_report("xa-2025"), 0, id="summary")
    doc = edited(doc, 1, id=long)
    doc = edited(doc, 2, id=long + "z")
    write_xlsx(doc, tmp_path / "t.xlsx", "en")
    names = openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames
    assert len(names) == 4 and len({n.casefold() for n in names}) == 4
    assert all(len(n) <= 31 for n in names)


def test_xlsx_summary_counts_the_elected(tmp_path: Path) -> None:
    """Seats open after the last round: the summary says how many were elected, not the seats."""
    full = live_report("xa-2025")
    doc = edited(full, 0, elected=full.contests[0].elected[:3], outcome="shortfall")
    contest = doc.contests[0]
    write_xlsx(doc, tmp_path / "s.xlsx", "vi")
    rows = values(openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[0])
    row = rows[rows.index(SUMMARY_HEADER["vi"]) + 1]
    assert row == (
        contest.id,
        tr(BODY, contest.body, "vi"),
        contest.seats,
        3,
        "Còn chỗ trống",
    )
