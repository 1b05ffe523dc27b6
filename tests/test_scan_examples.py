"""Print → mark → scan → export on the examples' own ballots (issue 20's "done when").

The first ballots of an example's ballot file are the truth: `tally ballots` prints the round,
each page is marked as that ballot was (a pen stroke through each struck name; a tick in the
agree or disagree box), turned and scaled a little, given noise and saved as JPEG; `tally scan`
reads them, `tally entry export` writes the ballot file, and that file must say what the
example's file says, ballot by ballot.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

cv2 = pytest.importorskip("cv2")
np = pytest.importorskip("numpy")
pdfium = pytest.importorskip("pypdfium2")

from clirun import invoke  # noqa: E402
from scanpages import PX, degrade, pages, save  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BALLOTS = 10


def _rows(path: Path, n: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if not row["invalid"]][:n]


def _px(v: float) -> int:
    return round(v * PX)


def _strike(img: object, box: dict[str, float]) -> None:
    y = _px(box["y"] + box["h"] / 2)
    cv2.line(
        img, (_px(box["x"] - 1), y + 2), (_px(box["x"] + box["w"] + 1), y - 2), (20, 40, 160), 3
    )


def _tick(img: object, box: dict[str, float]) -> None:
    x, y, r = _px(box["x"] + box["w"] / 2), _px(box["y"] + box["h"] / 2), _px(box["w"] / 2)
    pts = np.array([(x - r + 4, y), (x - r // 3, y + r - 3), (x + r + 4, y - r - 3)], np.int32)
    cv2.polylines(img, [pts], False, (30, 30, 30), 3)


def _positions(text: str) -> set[int]:
    return {int(p) for p in text.split()}


def _mark(img: object, layout: dict[str, object], truth: dict[str, str], serial: int) -> None:
    struck, unmarked = _positions(truth["struck"]), _positions(truth["unmarked"])
    for row in layout["rows"]:  # type: ignore[attr-defined]
        p = row["position"]
        if layout["layout"] == "strike":
            if p in struck:
                _strike(img, row["name_box"])
        elif p in unmarked:  # both boxes or neither: the file does not say which
            if serial % 2:
                _tick(img, row["agree_box"])
                _tick(img, row["disagree_box"])
        else:
            _tick(img, row["disagree_box" if p in struck else "agree_box"])


@pytest.mark.parametrize(
    ("example", "contest", "file"),
    [("xa-2025", "bch", "bch-1.csv"), ("huyen-2020", "pbt", "pbt-1.csv")],
)
def test_scanned_ballots_export_as_the_examples_file(
    tmp_path: Path, example: str, contest: str, file: str
) -> None:
    election = tmp_path / example
    shutil.copytree(EXAMPLES / example, election)
    truth = _rows(election / "ballots" / file, BALLOTS)
    pdf = tmp_path / "ballots.pdf"
    printed = invoke(
        "ballots", election, "--contest", contest, "--copies", str(len(truth)), "-o", pdf
    )
    assert printed.exit_code == 0, printed.stderr
    layout = json.loads((tmp_path / "ballots.layout.json").read_text("utf-8"))
    images = []
    for serial, (rgb, row) in enumerate(zip(pages(pdf), truth, strict=True), start=1):
        _mark(rgb, layout, row, serial)
        images.append(save(degrade(rgb, serial), tmp_path / f"scan-{serial:03}.jpg"))
    journal = tmp_path / "scan.jsonl"
    scanned = invoke(
        "scan", election, *images, "--contest", contest, "--operator", "máy quét 1",
        "--journal", journal, lang="en",
    )  # fmt: skip
    assert scanned.exit_code == 0, scanned.stderr
    assert f"{len(truth)} ballot(s) written" in scanned.stderr and "0 set aside" in scanned.stderr
    out = tmp_path / "scanned.csv"
    exported = invoke(
        "entry", "export", election, "--contest", contest, "--journal", journal, "-o", out
    )
    assert exported.exit_code == 0, exported.stderr
    got = _rows(out, BALLOTS)
    assert [(r["struck"], r["unmarked"]) for r in got] == [
        (r["struck"], r["unmarked"]) for r in truth
    ]
