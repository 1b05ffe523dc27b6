"""`tally minutes` (Markdown here; HTML and DOCX have their own tests) and `tally verify`.

Every figure of every round's minutes is checked against `tally count --json`, and the
fingerprint printed on the minutes is accepted by `tally verify` until a file changes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clirun import ENV, invoke
from test_cli_errors import vietnamese_then_english

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")


def run(*args: str) -> Result:
    return vietnamese_then_english(invoke(*args), list(args), ENV)


def count_json(folder: Path, lang: str = "vi") -> dict[str, Any]:
    result = run("count", str(folder), "--json", "--lang", lang)
    assert result.exit_code in (0, 4), result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def rounds(doc: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(c, r) for c in doc["contests"] if c["body"] != "nomination_poll" for r in c["rounds"]]


def table_rows(md: str) -> list[list[str]]:
    rows = []
    for line in md.splitlines():
        if line.startswith("|") and not re.match(r"^\|[-:|\s]+\|$", line):
            rows.append([cell.strip().strip("*") for cell in line.strip("|").split(" | ")])
    return rows


LABELS_VI = {
    "issued": "Số phiếu phát ra",
    "collected": "Số phiếu thu vào",
    "valid": "Số phiếu hợp lệ",
    "invalid": "Số phiếu không hợp lệ",
}


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_round_minutes_match_the_count(example: str, tmp_path: Path) -> None:
    folder = ROOT / "examples" / example
    doc = count_json(folder)
    out = tmp_path / "minutes"
    result = run("minutes", str(folder), "-o", str(out), "--format", "md")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{c['id']}-{r['round']}.md" for c, r in rounds(doc))
    for contest, rd in rounds(doc):
        md = (out / f"{contest['id']}-{rd['round']}.md").read_text(encoding="utf-8")
        rows = {row[0]: row[1:] for row in table_rows(md) if len(row) == 2}
        for key, label in LABELS_VI.items():
            assert rows[label] == [str(rd["ballots"][key])], (contest["id"], key)
        assert rows["Số dùng làm cơ sở tính kết quả"] == [str(rd["base"])]
        assert rows["Số phiếu cần để trúng cử"] == [str(rd["threshold"])]
        assert rows["Số lượng cần bầu"] == [str(rd["seats"])]
        for reason, n in rd["ballots"]["invalid_by_reason"].items():
            assert any(k.startswith("– ") and v == [str(n)] for k, v in rows.items()), reason
        # an agree/disagree ballot's table adds the disagree and unmarked rows (issue 15)
        width = 9 if rd["layout"] == "agree_disagree" else 5
        cand_rows = [row for row in table_rows(md) if len(row) == width and row[0].isdigit()]
        assert len(cand_rows) == len(rd["candidates"])
        for row, cand in zip(cand_rows, rd["candidates"], strict=True):
            assert row[0] == str(cand["position"])
            assert row[1] == cand["name"]
            assert row[2] == str(cand["votes"])
            assert row[3] == (cand["pct_of_base"] or "").replace(".", ",")
            if width == 9:
                for at, key in ((4, "disagree"), (6, "unmarked")):
                    assert row[at] == str(cand[key]["count"])
                    assert row[at + 1] == cand[key]["pct_of_base"].replace(".", ",")
        elected = [(r[1], r[2]) for r in table_rows(md) if len(r) == 3 and r[0].isdigit()]
        names = {c["id"]: (c["name"], c["votes"]) for c in rd["candidates"]}
        assert elected == [(names[i][0], str(names[i][1])) for i in rd["elected"]]
        # party rules: the result awaits approval; state law: the credentials (Điều 86–88)
        state = doc["rules"].startswith("luat-bau-cu")
        assert (
            "Tư cách người trúng cử chưa được xác nhận." if state else "Kết quả chưa được chuẩn y."
        ) in md
        assert "DIỄN TẬP" not in md


def test_minutes_carry_the_fingerprint_that_verify_accepts(tmp_path: Path) -> None:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    result = run("minutes", str(folder), "--contest", "dbct", "-o", str(tmp_path / "m.md"))
    assert result.exit_code == 0, result.output
    md = (tmp_path / "m.md").read_text(encoding="utf-8")
    short = re.search(r"Mã kiểm tra: \*\*([0-9A-F-]{19})\*\*", md)
    full = re.search(r"SHA-256 của dữ liệu đầu vào: \*\*([0-9a-f]{64})\*\*", md)
    assert short and full
    assert full.group(1).upper().startswith(short.group(1).replace("-", ""))

    ok = run("verify", str(folder), "--fingerprint", short.group(1))
    assert ok.exit_code == 0, ok.output
    assert "Khớp" in ok.stdout
    assert run("verify", str(folder), "--fingerprint", full.group(1)).exit_code == 0
    lower = short.group(1).lower().replace("-", " ")
    assert run("verify", str(folder), "--fingerprint", lower).exit_code == 0

    ballots = folder / "ballots" / "dbct-1.csv"
    ballots.write_bytes(ballots.read_bytes() + b"999,1 2,,\n")
    changed = run("verify", str(folder), "--fingerprint", short.group(1), "--lang", "en")
    assert changed.exit_code == 1
    assert "Does not match" in changed.stdout
    assert "ballots/dbct-1.csv" in changed.stdout
    doc = json.loads(run("verify", str(folder), "--fingerprint", short.group(1), "--json").stdout)
    assert doc["match"] is False
    assert doc["short"] != short.group(1)


def test_verify_refuses_a_fingerprint_too_short_to_mean_anything(tmp_path: Path) -> None:
    folder = ROOT / "examples" / "xa-2025"
    doc = json.loads(run("verify", str(folder), "--fingerprint", "0", "--json").stdout)
    first = doc["rounds"][0]
    assert run("verify", str(folder), "--fingerprint", first["fingerprint"][:8]).exit_code == 1
    assert run("verify", str(folder), "--fingerprint", first["short"]).exit_code == 0


def test_fingerprint_ignores_nothing_but_the_inputs(tmp_path: Path) -> None:
    """Re-running gives the same fingerprints; a comment in election.yaml changes no round's
    (each round's covers what its result and its minutes say, not the file's layout), a
    change to the congress its minutes print changes every round's."""
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)

    def fingerprints() -> list[str]:
        doc = json.loads(run("verify", str(folder), "--fingerprint", "x" * 16, "--json").stdout)
        return [r["fingerprint"] for r in doc["rounds"]]

    first = fingerprints()
    assert len(first) == len(set(first)) > 1
    assert fingerprints() == first
    yaml_path = folder / "election.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    assert fingerprints() == first
    text = yaml_path.read_text(encoding="utf-8")
    assert text.count("  date: 2025-") == 1
    yaml_path.write_text(text.replace("  date: 2025-", "  date: 2024-"), encoding="utf-8")
    assert all(a != b for a, b in zip(fingerprints(), first, strict=True))


def test_minutes_never_overwrite_without_force(tmp_path: Path) -> None:
    folder = ROOT / "examples" / "huyen-2020"
    target = tmp_path / "bch.md"
    target.write_text("signed copy", encoding="utf-8")
    result = run("minutes", str(folder), "--contest", "bch", "-o", str(target))
    assert result.exit_code == 2
    assert "never overwritten" in result.output
    assert target.read_text(encoding="utf-8") == "signed copy"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
    forced = run("minutes", str(folder), "--contest", "bch", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert "BIÊN BẢN KIỂM PHIẾU" in target.read_text(encoding="utf-8")


def test_rehearsal_marks_the_minutes(tmp_path: Path) -> None:
    folder = ROOT / "examples" / "xa-2025"
    result = run("minutes", str(folder), "--contest", "bt", "-o", "-", "--rehearsal")
    assert result.exit_code == 0
    assert result.stdout.startswith("> **DIỄN TẬP")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--contest", "nope", "-o", "x.md"), "no contest 'nope'"),
        (("--contest", "dbdk", "-o", "x.md"), "has 2 rounds"),
        (("--contest", "dbdk", "--round", "3", "-o", "x.md"), "no counted round 3"),
        (("--contest", "bch", "-o", "x.pdf"), "cannot tell the format"),
        (("--contest", "bch", "-o", "-", "--format", "docx"), "cannot go to stdout"),
        (("--contest", "bch", "-o", "x.md", "--view", "hall", "--format", "md"), "HTML only"),
    ],
)
def test_minutes_usage_errors(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    folder = ROOT / "examples" / "huyen-2020"
    fixed = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = run("minutes", str(folder), *fixed)
    assert result.exit_code == 2
    assert message in result.output
    assert not any(tmp_path.iterdir())


def test_minutes_of_a_rejected_round_are_written_and_exit_3(tmp_path: Path) -> None:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    yaml_path = folder / "election.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    # The board wrote down one ballot more than the file holds: the count is not accepted.
    text = text.replace(
        "ballots: ballots/dbct-1.csv", "ballots: ballots/dbct-1.csv\n        collected: 1", 1
    )
    yaml_path.write_text(text, encoding="utf-8")
    result = run("minutes", str(folder), "--contest", "dbct", "-o", str(tmp_path / "d.md"))
    assert result.exit_code == 3, result.output
    md = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert re.search(r"^- \S", md, re.M)  # the problems, one bullet each
    assert "Không có người trúng cử." in md


def test_an_election_without_contests_names_its_file(tmp_path: Path) -> None:
    """Nothing counted yet (no contest listed): the error names election.yaml, not --round."""
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    path = folder / "election.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("contests:")], encoding="utf-8")
    result = run("minutes", str(folder), "-o", str(tmp_path / "out"), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {path}: no contest has a counted round"), result.stderr
    assert "--round" not in result.stderr
    assert not (tmp_path / "out").exists()
