"""Benchmark: `tally scan` on a simulated corpus of strike-out ballots (issue 20's targets).

The ballots of examples/xa-2025 (contest bch, 11 names, A5) are printed by tally, rendered at
200 dpi, and marked as voters would: each name struck with probability 1/2 by a wavy pen
line (2-5 px, a slope of up to 1.2 mm over the name, starting up to 3 mm early), over the
whole name or, on ``--partial`` of the struck rows, over 20-100 % of it; a red seal (a 30 mm
ring) near its circle on 60 % of the ballots, pushed up to 8 mm off it; then turned by up
to 3°, scaled by up to 2 %, blurred, given noise, saved as JPEG quality 60, and one in ten
fed upside down. The pages are read by the command's own code (:func:`read_scans`: marks,
QR code, warp, scores).

Reported: ballots silently wrong (committed with a row that differs from the truth: a struck
row of at least 60 % read as kept, or a kept row read as struck; a partial strike under 60 %
is the regulation's to decide, so either reading counts as right), the share set aside for
a person, and ballots read per second (reading only, one process).

Targets (issue 20): no ballot silently wrong; fewer than 20 % set aside when every strike
covers at least 60 % of its name (``--partial 0``); at least 5 ballots a second.

Run:  python bench/bench_scan.py [--ballots 500] [--partial 0.2] [--seed 1]
      python bench/bench_scan.py --agree [--ballots 300] [--seed 1]
      ... [--grey] [--stray 0.2] [--photo]
Needs: pip install -e '.[scan]'.

``--agree``: agree/disagree ballots of 12 rows (examples/huyen-2020's contest dbct made 12
seats for 12 names, so the list is agree/disagree; A5). Each row is agree (60 %), disagree
(28 %), neither box (8 %) or both (4 %); a box is marked by a tick (✓), a cross (✗) or a
slash, 3.5-7 mm across, 2-5 px thick, up to 1.5 mm off the box's centre (so it may run out of
it), blue or black; a pen's rest (a dot of 2-4 px) in an empty box of 5 % of the rows; the
same seal, turn, scale, blur, noise, JPEG and upside-down feeding as above. Reported: ballots
silently wrong (committed with a row read otherwise than marked; target 0), set aside, speed.

``--grey``: every page saved as a greyscale JPEG (the seal then looks like ink; the reader
sends the rows it could touch to a person). ``--stray P``: that share of the seals is stamped
over a name (at its row's height, anywhere along the name) instead of in its area.
``--photo``: phone photos instead of scans (:func:`photo`: on a wooden table, each corner of
the page moved 3-8 % of its size, about 150 dpi, a light gradient, a soft shadow and darker
corners, a warm light, a mild blur, noise, JPEG 60, one in ten upside down).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium

from tally.config.loader import load_election
from tally.entry.session import sheet_for
from tally.paper.pdf import layout_of, render
from tally.paper.run import facts_of, words_of
from tally.scan.run import ScanRequest, read_scans

ROOT = Path(__file__).resolve().parents[1]
PX = 200 / 25.4


def _blank_page(folder: Path, contest: str = "bch") -> tuple[np.ndarray, object]:
    loaded = load_election(folder)
    sheet = sheet_for(loaded, contest, 1)
    layout = layout_of(facts_of(sheet), "a5", False)
    words = words_of(loaded, sheet, layout, False, "vi")
    pdf = pdfium.PdfDocument(render(layout, words, loaded.election.congress.date))
    rgb = np.asarray(pdf[0].render(scale=200 / 72).to_pil().convert("RGB"))
    pdf.close()
    return rgb, layout


def _ballot(
    blank: np.ndarray, layout: object, rng: np.random.Generator, partial: float
) -> tuple[np.ndarray, dict[int, float]]:
    img = blank.copy()
    truth: dict[int, float] = {}
    for row in layout.rows:  # type: ignore[attr-defined]
        nb = row.name_box
        truth[row.position] = 0.0
        if rng.random() >= 0.5:
            continue
        cover = rng.uniform(0.2, 1.0) if rng.random() < partial else 1.0
        x0 = nb.x - rng.uniform(-1, 3)
        x1 = x0 + (nb.w + rng.uniform(0, 4)) * cover
        y = nb.y + nb.h * rng.uniform(0.3, 0.7)
        tilt = rng.uniform(-1.2, 1.2)
        pts = [
            (
                (x0 + (x1 - x0) * k / 19) * PX,
                (y + tilt * (k / 19 - 0.5) + rng.normal(0, 0.15)) * PX,
            )
            for k in range(20)
        ]
        colour = (20, 40, 160) if rng.random() < 0.7 else (30, 30, 30)
        cv2.polylines(img, [np.array(pts, np.int32)], False, colour, int(rng.integers(2, 6)))
        truth[row.position] = cover
    return _finish(img, layout, rng), truth


# How the drawn ballots are finished (set from the command line in main()).
STRAY = 0.0  # the share of the seals stamped over the names instead of in their area
PHOTO = False  # phone photos (photo()) instead of flat scans (_degrade())


def _finish(img: np.ndarray, layout: object, rng: np.random.Generator) -> np.ndarray:
    img = _seal(img, layout, rng)
    return photo(img, rng) if PHOTO else _degrade(img, rng)


def _seal(img: np.ndarray, layout: object, rng: np.random.Generator) -> np.ndarray:
    if rng.random() < 0.6:
        s = layout.seal  # type: ignore[attr-defined]
        cx = (s.x + s.w / 2 + rng.uniform(-8, 8)) * PX
        cy = (s.y + s.h / 2 + rng.uniform(-8, 4)) * PX
        if STRAY and rng.random() < STRAY:  # stamped over a name, off its area
            row = layout.rows[int(rng.integers(len(layout.rows)))]  # type: ignore[attr-defined]
            cx = (row.name_box.x + rng.uniform(0, row.name_box.w)) * PX
            cy = row.name_box.centre[1] * PX
        cv2.circle(img, (int(cx), int(cy)), int(15 * PX), (200, 30, 40), 5)
        cv2.circle(img, (int(cx), int(cy)), int(11 * PX), (200, 30, 40), 2)
    return img


def photo(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A phone photo of a 200-dpi page: on a wooden table, at an angle (each corner moved
    3-8 % of the page), about 150 dpi, a light gradient and a soft shadow across the page,
    darker corners, a mild blur and noise (saved as JPEG 60 by _scan); one in ten upside down."""
    h, w = img.shape[:2]
    scale = rng.uniform(0.7, 0.8)  # ~150 dpi
    pw, ph = w * scale, h * scale
    cw, ch = int(pw * 1.3), int(ph * 1.3)
    ox, oy = (cw - pw) / 2, (ch - ph) / 2
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = []
    for x, y in ((0, 0), (pw, 0), (pw, ph), (0, ph)):
        dx, dy = rng.uniform(0.03, 0.08) * pw, rng.uniform(0.03, 0.08) * ph
        dst.append((ox + x + dx * rng.choice([-1, 1]), oy + y + dy * rng.choice([-1, 1])))
    matrix = cv2.getPerspectiveTransform(src, np.float32(dst))
    page = cv2.warpPerspective(img, matrix, (cw, ch), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (cw, ch)) > 127
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    grain = np.sin(xx / rng.uniform(6, 14) + np.sin(yy / 40) * 3) * 18
    table = np.stack([grain + 120, grain * 0.8 + 85, grain * 0.6 + 55], axis=2)
    out = np.where(mask[..., None], page.astype(np.float32), table)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (xx / cw - 0.5) * np.cos(angle) + (yy / ch - 0.5) * np.sin(angle)
    light = 0.92 + 0.25 * ramp  # a gradient across the page
    sx, sy = rng.uniform(0.2, 0.8) * cw, rng.uniform(0.2, 0.8) * ch
    edge = (xx - sx) * np.cos(angle + 1.2) + (yy - sy) * np.sin(angle + 1.2)
    light *= 1 - 0.3 / (1 + np.exp(-edge / (0.04 * cw)))  # a soft shadow over part of it
    corner = ((xx / cw - 0.5) ** 2 + (yy / ch - 0.5) ** 2) * 2
    light *= 1 - 0.35 * corner  # darker corners
    out *= light[..., None] * np.float32([1.0, 0.97, 0.9])  # warm light
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.1))
    out = np.clip(out + rng.normal(0, 5, out.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.1:
        out = np.ascontiguousarray(out[::-1, ::-1])
    return out


def _degrade(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-3, 3), rng.uniform(0.98, 1.02))
    img = cv2.warpAffine(img, turn, (w, h), borderValue=(255, 255, 255))
    img = cv2.GaussianBlur(img, (3, 3), 0.8)
    img = np.clip(img.astype(np.int16) + rng.normal(0, 10, img.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.1:
        img = np.ascontiguousarray(img[::-1, ::-1])
    return img


CHOICES = ("agree", "disagree", "neither", "both")
WEIGHTS = (0.60, 0.28, 0.08, 0.04)


def _tick(img: np.ndarray, box: object, rng: np.random.Generator) -> None:
    """A voter's mark in a box: a tick, a cross or a slash, in blue or black pen."""
    cx, cy = box.centre  # type: ignore[attr-defined]
    cx, cy = cx + rng.uniform(-1.5, 1.5), cy + rng.uniform(-1.5, 1.5)
    r = rng.uniform(3.5, 7) / 2
    colour = (20, 40, 160) if rng.random() < 0.7 else (30, 30, 30)
    thick = int(rng.integers(2, 6))
    shape = rng.choice(["tick", "cross", "slash"])
    if shape == "tick":
        strokes = [[(-r, 0), (-r / 3, r * 0.8), (r, -r)]]
    elif shape == "cross":
        strokes = [[(-r, -r), (r, r)], [(-r, r), (r, -r)]]
    else:
        strokes = [[(-r, r), (r, -r)]]
    for stroke in strokes:
        pts = np.array([((cx + x) * PX, (cy + y) * PX) for x, y in stroke], np.int32)
        cv2.polylines(img, [pts], False, colour, thick)


def _agree_ballot(
    blank: np.ndarray, layout: object, rng: np.random.Generator
) -> tuple[np.ndarray, dict[int, str]]:
    img = blank.copy()
    truth: dict[int, str] = {}
    for row in layout.rows:  # type: ignore[attr-defined]
        choice = str(rng.choice(CHOICES, p=WEIGHTS))
        truth[row.position] = choice
        boxes = {"agree": row.agree_box, "disagree": row.disagree_box}
        for name, box in boxes.items():
            if choice in (name, "both"):
                _tick(img, box, rng)
            elif rng.random() < 0.05:  # a pen's rest in an empty box
                x, y = box.centre
                cv2.circle(
                    img, (int(x * PX), int(y * PX)), int(rng.integers(1, 3)), (30, 30, 30), -1
                )
    return _finish(img, layout, rng), truth


def _read(row: int, marks: object) -> str:
    if row in marks.struck:  # type: ignore[attr-defined]
        return "disagree"
    if row in marks.unmarked:  # type: ignore[attr-defined]
        return "neither or both"
    return "agree"


WHY: Counter[str] = Counter()  # why the pages were set aside


def _mode() -> str:
    """What the pages were, for the report: scans or photos, colour or grey, stray seals."""
    parts = ["photos" if PHOTO else "scans", "grey" if GREY else "colour"]
    return ", ".join(parts + ([f"{STRAY:.0%} of the seals over a name"] if STRAY else []))


def _why() -> str:
    return ", ".join(f"{why} {n}" for why, n in sorted(WHY.items())) or "none"


GREY = False  # greyscale scans: each page saved as a greyscale JPEG


def _scan(folder: Path, contest: str, images: list[Any], tmp: Path) -> tuple[list[Any], float]:
    """Save the drawn ballots as JPEG (quality 60; greyscale with ``--grey``) and read them as
    `tally scan` does: the pages read and the seconds the reading took."""
    paths = []
    for i, img in enumerate(images):
        path = tmp / f"{i:05}.jpg"
        code = cv2.COLOR_RGB2GRAY if GREY else cv2.COLOR_RGB2BGR
        cv2.imwrite(str(path), cv2.cvtColor(img, code), [cv2.IMWRITE_JPEG_QUALITY, 60])
        paths.append(path)
    loaded = load_election(folder)
    start = time.perf_counter()
    _, pages = read_scans(loaded, ScanRequest(contest, 1, tuple(paths), "bench"))
    return list(pages), time.perf_counter() - start


def agree_main(args: argparse.Namespace) -> None:
    rng = np.random.default_rng(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "huyen"
        shutil.copytree(ROOT / "examples" / "huyen-2020", folder)
        yaml = folder / "election.yaml"
        names = "candidates: [hvb, ntb, lmc, tvc, dvh, nvh, bth, ndk, lvn, cvt, hthu, pvto]"
        text = yaml.read_text("utf-8")
        assert f"seats: 10\n    {names}" in text
        yaml.write_text(text.replace(f"seats: 10\n    {names}", f"seats: 12\n    {names}"))
        blank, layout = _blank_page(folder, "dbct")
        drawn = [_agree_ballot(blank, layout, rng) for _ in range(args.ballots)]
        truths = [truth for _, truth in drawn]
        pages, seconds = _scan(folder, "dbct", [img for img, _ in drawn], Path(tmp))
    silent = aside = 0
    for page, truth in zip(pages, truths, strict=True):
        if page.marks is None:
            aside += 1
            WHY[page.unplaced or "review"] += 1
            continue
        wrong = [
            p
            for p, choice in truth.items()
            if _read(p, page.marks)
            != ("neither or both" if choice in ("neither", "both") else choice)
        ]
        if wrong:
            silent += 1
            print(f"silently wrong: ballot {page.serial}, rows {wrong}, scores {page.scores}")
    n = len(pages)
    print(
        f"{n} agree/disagree ballots of 12 rows ({_mode()}; seed {args.seed}):"
        f" {silent} silently wrong,"
        f" {aside} set aside ({aside / n:.1%}: {_why()}), {n / seconds:.1f} ballots/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ballots", type=int, default=500)
    ap.add_argument("--partial", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--agree", action="store_true", help="agree/disagree ballots (300 by default)")
    ap.add_argument("--grey", action="store_true", help="greyscale scans")
    ap.add_argument("--stray", type=float, default=0.0, help="share of seals over the names")
    ap.add_argument("--photo", action="store_true", help="phone photos instead of scans")
    args = ap.parse_args()
    global GREY, STRAY, PHOTO
    GREY, STRAY, PHOTO = args.grey, args.stray, args.photo
    if args.agree:
        if args.ballots == 500:
            args.ballots = 300
        agree_main(args)
        return
    rng = np.random.default_rng(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "xa"
        shutil.copytree(ROOT / "examples" / "xa-2025", folder)
        blank, layout = _blank_page(folder)
        drawn = [_ballot(blank, layout, rng, args.partial) for _ in range(args.ballots)]
        truths = [truth for _, truth in drawn]
        pages, seconds = _scan(folder, "bch", [img for img, _ in drawn], Path(tmp))
    silent = aside = 0
    for page, truth in zip(pages, truths, strict=True):
        if page.marks is None:
            aside += 1
            WHY[page.unplaced or "review"] += 1
            continue
        struck = set(page.marks.struck)
        wrong = [
            p
            for p, cover in truth.items()
            if (p in struck and cover == 0.0) or (p not in struck and cover >= 0.6)
        ]
        if wrong:
            silent += 1
            print(f"silently wrong: ballot {page.serial}, rows {wrong}, scores {page.scores}")
    n = len(pages)
    print(
        f"{n} ballots ({_mode()}; partial strikes on {args.partial:.0%} of the struck rows,"
        f" seed {args.seed}):"
        f" {silent} silently wrong, {aside} set aside ({aside / n:.1%}: {_why()}),"
        f" {n / seconds:.1f} ballots/s"
    )


if __name__ == "__main__":
    main()
