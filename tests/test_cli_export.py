"""`tally count --format csv|xlsx`: the exports, end to end through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from click.testing import Result

from clirun import ENV, invoke
from test_cli_errors import vietnamese_then_english

EXAMPLE = str(Path(__file__).resolve().parents[1] / "examples" / "huyen-2020")


def run(*args: str) -> Result:
    return vietnamese_then_english(invoke(*args), list(args), ENV)


def test_csv_to_stdout_matches_the_json() -> None:
    doc = json.loads(run("count", EXAMPLE, "--json").stdout)
    result = run("count", EXAMPLE, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = [
        (c["id"], str(r["round"]), cand["id"], str(cand["votes"]), cand["pct_of_base"])
        for c in doc["contests"]
        for r in c["rounds"]
        for cand in r["candidates"]
    ]
    assert [
        (r["contest"], r["round"], r["id"], r["votes"], r["pct_of_base"]) for r in rows
    ] == expected


def test_xlsx_needs_a_file_and_is_not_overwritten(tmp_path: Path) -> None:
    assert run("count", EXAMPLE, "--format", "xlsx").exit_code == 2
    target = tmp_path / "kq.xlsx"
    first = run("count", EXAMPLE, "--format", "xlsx", "-o", str(target))
    assert first.exit_code == 0, first.output
    wb = openpyxl.load_workbook(target)
    assert {"bch", "dbct", "dbdk", "btv"} <= set(wb.sheetnames)
    before = target.read_bytes()
    again = run("count", EXAMPLE, "--format", "xlsx", "-o", str(target))
    assert again.exit_code == 2
    assert "not overwritten" in again.output
    assert target.read_bytes() == before
    assert run("count", EXAMPLE, "--format", "xlsx", "-o", str(target), "--force").exit_code == 0


def test_csv_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "kq.csv"
    assert run("count", EXAMPLE, "--format", "csv", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("contest,body,round,")


def test_format_usage_errors(tmp_path: Path) -> None:
    assert run("count", EXAMPLE, "--json", "--format", "csv").exit_code == 2
    assert run("count", EXAMPLE, "-o", str(tmp_path / "x.txt")).exit_code == 2
    assert not any(tmp_path.iterdir())
