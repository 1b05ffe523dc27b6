"""The sample scans of the README's walk-through: print → scan → review → reconcile.

Writes ``examples/xa-2025/phieu-quet/`` (scanned ballots): the first four ballots of
``examples/xa-2025/ballots/bch-1.csv``, printed by tally and marked as those voters did, with
the bench's own pen, seal, scanner and phone (bench_scan.py):

1. ``01.jpg``: ``2 8 11`` struck, a scan with the seal stamped in its area;
2. ``02.jpg``: ``6 10`` struck, but the stroke through name 10 stops at a third of it: the
   reader sets the page aside and a person decides it (``tally scan --review``);
3. ``03.jpg``: ``6 10 11`` struck, a phone photo on a table, in uneven light;
4. ``04.jpg``: ``5 8 11`` struck, a scan fed upside down.

Run:  python bench/sample_scans.py        (needs pip install -e '.[scan]'; seeded: the same
      pen and light every time, though JPEG bytes may differ between OpenCV versions)
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scan  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
XA = ROOT / "examples" / "xa-2025"
OUT = XA / "phieu-quet"
PX = bench_scan.PX
# (positions struck, the share of each stroke's name it covers, how the page is finished)
BALLOTS: list[tuple[dict[int, float], str]] = [
    ({2: 1.0, 8: 1.0, 11: 1.0}, "scan"),
    ({6: 1.0, 10: 0.33}, "scan"),
    ({6: 1.0, 10: 1.0, 11: 1.0}, "photo"),
    ({5: 1.0, 8: 1.0, 11: 1.0}, "upside_down"),
]


def _strike(img: np.ndarray, box: object, cover: float, rng: np.random.Generator) -> None:
    """A wavy pen stroke through the name, from a little before it, over ``cover`` of it."""
    x0 = box.x - 1.5  # type: ignore[attr-defined]
    x1 = box.x + box.w * cover + (1.5 if cover == 1.0 else 0)  # type: ignore[attr-defined]
    y = box.y + box.h * 0.55  # type: ignore[attr-defined]
    pts = [
        ((x0 + (x1 - x0) * k / 19) * PX, (y + 0.6 * (k / 19 - 0.5) + rng.normal(0, 0.12)) * PX)
        for k in range(20)
    ]
    cv2.polylines(img, [np.array(pts, np.int32)], False, (20, 40, 160), 3)


def main() -> None:
    blank, layout = bench_scan._blank_page(XA)
    OUT.mkdir(exist_ok=True)
    for i, (struck, finish) in enumerate(BALLOTS, start=1):
        rng = np.random.default_rng(100 + i)
        img = blank.copy()
        for row in layout.rows:  # type: ignore[attr-defined]
            if row.position in struck:
                _strike(img, row.name_box, struck[row.position], rng)
        if finish == "photo":
            page = bench_scan.photo(img, rng)
        else:
            page = bench_scan._seal(img, layout, rng)
            page = cv2.GaussianBlur(page, (3, 3), 0.7)
            if finish == "upside_down":
                page = np.ascontiguousarray(page[::-1, ::-1])
            page = cv2.resize(page, None, fx=0.75, fy=0.75, interpolation=cv2.INTER_AREA)
        path = OUT / f"{i:02}.jpg"
        bgr = cv2.cvtColor(page, cv2.COLOR_RGB2BGR)
        cv2.imwrite(str(path), bgr, [cv2.IMWRITE_JPEG_QUALITY, 70])
        print(f"{path.relative_to(ROOT)}: {sorted(struck)} {finish}")


if __name__ == "__main__":
    main()
