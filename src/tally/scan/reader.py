"""The image work of ``tally scan``: place a page on its layout and score every row.

Every step is plain geometry on the layout document (millimetres), at :data:`PX_PER_MM`:

1. the four corner marks are four solid squares standing in clear paper, of like size,
   nearest the image's corners (a photo's light evened out first, the table around the
   page never taken for a mark);
2. a perspective warp puts their centres where the layout says, so the page becomes the
   blank ballot's twin (a page fed upside down is turned once the warp shows it: it looks
   like the blank only after half a turn); a page on which the blank's print in the rows is
   not found where the layout has it was placed wrong and is set aside (:func:`placed`);
3. the warped page's light is evened out (:func:`flatten`: a photo's gradient, shadow and
   dark corners); ink is a dark pixel that is not red (HSV), so a red seal is never read as
   a strike; the blank ballot's own print (dilated by :data:`SLACK` px for the warp's error)
   is not ink;
4. a row's score is the share (per mille) of the printed name's width that has ink across
   it, a strike hidden behind a letter's stem being bridged (:data:`BRIDGE`); red in the
   name's band is counted apart, and sends the row to a person;
5. a greyscale page (or a colour file whose pixels are all grey) cannot show red, so a seal
   there looks like ink: every row that ink reaching into the seal area, or any mark as tall
   as a seal (:data:`SEAL_TALL`), could touch goes to a person, and so does a row whose ink
   is as light as red ink turns in grey (:data:`GREY_RED`); the other rows are read as usual;
6. on an agree/disagree ballot, a box's score is how far the longest mark around it reaches
   (a tick, a cross, a slash, however thin the pen; not a dot), in dark ink and in faint
   ink: a row is agree, disagree, both or neither only when each box is clearly marked or
   clearly empty and no red is in either box; otherwise a person decides.

numpy, OpenCV, pypdfium2 and Pillow are the ``scan`` extra: this module is imported only by
``tally scan``.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
from PIL import Image

from tally.paper.layout import BallotLayout, Box, Row

READER = "tally-scan 2"  # the reader's version: written in the journal's header
PX_PER_MM = 8  # the warped page's resolution (about 203 dpi)
MARK_SIDES = 2.0  # the four corner marks' sides differ at most this much (a photo's angle)
PLACED = 900  # per mille of the blank's print in the rows seen on a page placed right (all of
# it on scans and photos; about a third when a square was taken for a corner mark)
QR_PX = (12, 16, 20)  # the QR code is warped at these many px per mm to be read (in turn)
PDF_DPI = 200  # a PDF page is rendered at this resolution before it is read
DARK = 140  # a pixel darker than this (0-255, the darkest channel's complement) is ink
SLACK = 3  # px: the blank's print is widened by this much for the warp's error
RUN = 24  # px (3 mm): ink running across this far is a stroke, not a letter
BRIDGE = 9  # px: a strike hidden behind a letter narrower than this is bridged
STRUCK = 600  # per mille of the name's width: at least this much is a strike
CLEAN = 120  # per mille: at most this much is no strike; between the two, a person decides
RED = 30  # per mille of the name's width with red across it: a person looks
COLOURED = 40  # a pixel whose channels (smoothed) differ by more than this has colour
COLOUR_SHARE = 10_000  # a page with fewer than one pixel in this many coloured is grey
PAPER_MM = 6.0  # the paper's brightness is taken as the brightest within this (a mark's side)
SEAL_TALL = 12.0  # mm: a mark this tall (or one reaching into the seal area) may be a seal
SEAL_NEAR = 1.0  # mm: on a grey page, a row read this near a seal's mark goes to a person
GREY_RED = 70  # on a grey page, ink whose darkest tenth is no darker than this may be red

Image3 = npt.NDArray[np.uint8]
Corners = npt.NDArray[np.float32]


class PageError(Exception):
    """A page that cannot be placed on the layout (no marks, no QR code): set aside."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # unplaced.marks, unplaced.qr


@dataclass(frozen=True)
class Page:
    source: Path
    number: int  # 1-based page in its file (1 for an image)
    rgb: Image3
    grey_file: bool  # the file itself has no colour channels


def colourless(rgb: Image3) -> bool:
    """Whether a colour image shows no colour: fewer than one pixel in :data:`COLOUR_SHARE`
    whose channels, smoothed over 5 px against noise, differ by more than :data:`COLOURED`."""
    small = np.asarray(cv2.blur(rgb, (5, 5)), dtype=np.uint8)
    chroma = _brightest(small).astype(np.int16) - _darkest(small).astype(np.int16)
    return bool(int((chroma > COLOURED).sum()) * COLOUR_SHARE < chroma.size)


def _darkest(rgb: Image3) -> npt.NDArray[np.uint8]:
    """Each pixel's darkest channel (``rgb.min(axis=2)``, many times faster)."""
    return np.minimum(np.minimum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])


def _brightest(rgb: Image3) -> npt.NDArray[np.uint8]:
    return np.maximum(np.maximum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])


def greyed(rgb: Image3) -> Image3:
    """The page in grey on its three channels: red can no longer be told (nor guessed)."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    return np.asarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB), dtype=np.uint8)


class UnreadableFile(Exception):
    """Not an image or a PDF that Pillow or PDFium can open."""


def iter_pages(path: Path, data: bytes, only: int | None = None) -> Iterator[Page]:
    """Every page of a PDF (rendered at :data:`PDF_DPI`) or of an image file (a TIFF may hold
    several), one at a time, so a scanner's PDF of the whole pile is never all in memory; only
    page ``only`` (1-based) when given. UnreadableFile when the file is neither."""
    pages = _pages(path, data, only)
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return
        except (OSError, ValueError, RuntimeError, Image.DecompressionBombError) as exc:
            raise UnreadableFile(str(exc)[:120] or type(exc).__name__) from None
        yield page


def page_of(path: Path, data: bytes, number: int) -> Page | None:
    """Page ``number`` (1-based) of the file, the others not rendered; None if it has none."""
    return next(iter_pages(path, data, number), None)


def _pages(path: Path, data: bytes, only: int | None) -> Iterator[Page]:
    if data[:5] == b"%PDF-":
        pdf = pdfium.PdfDocument(data)
        try:
            wanted = range(len(pdf)) if only is None else range(only - 1, min(only, len(pdf)))
            for i in wanted:
                bitmap = pdf[i].render(scale=PDF_DPI / 72)
                pil = bitmap.to_pil().convert("RGB")
                yield Page(path, i + 1, np.asarray(pil, dtype=np.uint8).copy(), False)
        finally:
            pdf.close()
        return
    with Image.open(io.BytesIO(data)) as img:
        frames = getattr(img, "n_frames", 1)
        wanted = range(frames) if only is None else range(only - 1, min(only, frames))
        for i in wanted:
            img.seek(i)
            grey = img.mode in ("1", "L", "LA", "I", "I;16", "F")
            rgb = np.asarray(img.convert("RGB"), dtype=np.uint8).copy()
            yield Page(path, i + 1, rgb, grey)


def blank_of(pdf: bytes, layout: BallotLayout) -> Image3:
    """The blank ballot (first page of its PDF) at :data:`PX_PER_MM`, the warp's size."""
    doc = pdfium.PdfDocument(pdf)
    try:
        bitmap = doc[0].render(scale=PX_PER_MM * 25.4 / 72)
        rgb = np.asarray(bitmap.to_pil().convert("RGB"), dtype=np.uint8)
    finally:
        doc.close()
    size = (_px(layout.width), _px(layout.height))
    return np.asarray(cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def ink_of(rgb: Image3) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(ink, red): dark pixels that are not red, and the red ones (a seal, a red pen)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    red = ((hue <= 10) | (hue >= 165)) & (sat >= 90) & (val >= 70)
    darkest = _darkest(rgb)
    ink = (darkest < DARK) & ~red
    return ink, red


def _flat(grey: npt.NDArray[np.uint8], side: int) -> npt.NDArray[np.uint8]:
    """``grey`` divided by its paper's brightness around each pixel (the brightest within
    ``side`` px, smoothed): a gradient, a shadow or dark corners of a photo become white
    paper again, and ink stays ink. Worked at a quarter of the size (it is smooth)."""
    h, w = grey.shape
    small = cv2.resize(grey, (max(w // 4, 1), max(h // 4, 1)), interpolation=cv2.INTER_AREA)
    k = max(side // 4, 1) | 1
    paper = cv2.dilate(small, np.ones((k, k), dtype=np.uint8))
    paper = cv2.blur(paper, (k, k))
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    out = grey.astype(np.float32) * 255 / np.maximum(paper.astype(np.float32), 1)
    return np.asarray(np.clip(out, 0, 255), dtype=np.uint8)


def flatten(rgb: Image3) -> Image3:
    """A page warped onto its layout, each channel divided by its paper's brightness around
    it (:data:`PAPER_MM`): uneven light and a colour cast are gone before ink is looked for;
    a flat scan is left as it was."""
    side = _px(PAPER_MM)
    return np.dstack([_flat(np.ascontiguousarray(rgb[..., c]), side) for c in range(3)])


def _mark_candidates(rgb: Image3) -> list[tuple[float, float, float]]:
    """Solid dark squares on light paper: (x, y, side) of each. The page's light is evened
    out first (:func:`_flat`, over a twelfth of the image), so a shadow or a photo's dark
    corner is not taken for ink; a square must stand in clear paper (the corner marks do;
    a QR code's finder patterns, a letter or a patch of the table around the page do not)."""
    grey = np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    h, w = grey.shape
    flat = cv2.GaussianBlur(_flat(grey, min(h, w) // 12), (5, 5), 0)
    dark = np.asarray(flat < 128, dtype=np.uint8) * 255
    # every dark patch's outline, also one inside a hole of another (the page in the table)
    contours, tree = cv2.findContours(dark, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    smallest = (min(h, w) / 150) ** 2
    counts = np.asarray(cv2.integral((dark > 0).astype(np.uint8)), dtype=np.int32)
    out: list[tuple[float, float, float]] = []
    for c, (_, _, _, parent) in zip(contours, tree[0] if tree is not None else [], strict=True):
        if parent != -1:  # a hole's outline
            continue
        area = cv2.contourArea(c)
        if area < smallest:
            continue
        _, (rw, rh), _ = cv2.minAreaRect(c)
        if rw <= 0 or rh <= 0 or not 0.6 <= rw / rh <= 1 / 0.6:  # a photo at an angle
            continue
        if area / (rw * rh) < 0.75:  # its corners rounded by blur at a low resolution
            continue
        m = cv2.moments(c)
        if m["m00"] <= 0:
            continue
        x, y, side = m["m10"] / m["m00"], m["m01"] / m["m00"], (rw + rh) / 2
        if _in_clear_paper(counts, x, y, side):
            out.append((x, y, side))
    return out


def _in_clear_paper(dark: npt.NDArray[np.int32], x: float, y: float, side: float) -> bool:
    """Whether the square ring from 0.8 to 1.1 sides around (x, y) is (almost) all paper;
    ``dark`` is the dark mask's integral image (:func:`cv2.integral`)."""

    def count(r: float) -> tuple[int, int]:
        h, w = dark.shape[0] - 1, dark.shape[1] - 1
        x0, y0 = min(max(int(x - r), 0), w), min(max(int(y - r), 0), h)
        x1, y1 = min(max(int(x + r) + 1, 0), w), min(max(int(y + r) + 1, 0), h)
        total = int(dark[y1, x1] - dark[y0, x1] - dark[y1, x0] + dark[y0, x0])
        return total, (x1 - x0) * (y1 - y0)

    outer, outer_area = count(1.1 * side)
    inner, inner_area = count(0.8 * side)
    ring = outer_area - inner_area
    return ring > 0 and (outer - inner) * 10 <= ring


def find_marks(rgb: Image3) -> Corners:
    """The centres of the four corner marks, in the image's TL, TR, BR, BL order: of the
    squares in clear paper, the three nearest each corner of the image (within a third of
    it: a photo has the table around the page) are tried, and the four nearest the corners
    whose sides agree (within :data:`MARK_SIDES`: a speck of the table is not a mark) and
    that make a convex quadrilateral are taken."""
    found = _mark_candidates(rgb)
    h, w = rgb.shape[:2]
    corners = ((0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h)))
    nearest: list[list[tuple[float, tuple[float, float, float]]]] = []
    for cx, cy in corners:
        near = [
            ((f[0] - cx) ** 2 + (f[1] - cy) ** 2, f)
            for f in found
            if abs(f[0] - cx) <= w / 3 and abs(f[1] - cy) <= h / 3
        ]
        nearest.append(sorted(near)[:3])
    best: tuple[float, Corners] | None = None
    for combo in itertools.product(*nearest):
        sides = [f[2] for _, f in combo]
        if max(sides) > MARK_SIDES * min(sides):
            continue
        quad = np.array([(f[0], f[1]) for _, f in combo], dtype=np.float32)
        if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
            continue
        cost = sum(d for d, _ in combo)
        if best is None or cost < best[0]:
            best = (cost, quad)
    if best is None:
        raise PageError("unplaced.marks")
    return best[1]


def read_qr(rgb: Image3, thorough: bool = True) -> str:
    """What the page's QR code says ("" when none can be read): as it is, twice its size,
    then (``thorough``: a crop where the code should be) sharpened against a photo's blur and
    made black and white, by OpenCV's two detectors."""
    grey = np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    for img in itertools.islice(_qr_views(grey), None if thorough else 2):
        detectors = (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco())
        for detector in detectors if thorough else detectors[:1]:
            text, _, _ = detector.detectAndDecode(img)
            if text:
                return str(text)
    return ""


def _qr_views(grey: npt.NDArray[np.uint8]) -> Iterator[npt.NDArray[np.uint8]]:
    yield grey
    yield np.asarray(cv2.resize(grey, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC))
    sharp = cv2.addWeighted(grey, 2.0, cv2.GaussianBlur(grey, (0, 0), 2), -1.0, 0)
    yield np.asarray(sharp)
    _, bw = cv2.threshold(sharp, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    yield np.asarray(bw)


def read_qr_at(rgb: Image3, marks: Corners, layout: BallotLayout) -> str:
    """The QR code read where the layout puts it: only that corner of the page is warped, at
    each of :data:`QR_PX` px per mm (a photo's small modules), the right way up and then as if fed
    upside down (the image's first mark is then the layout's bottom right one)."""
    q = layout.qr
    x0, y0 = q.x - 3, q.y - 3
    centres = [m.box.centre for m in layout.marks]
    for scale in QR_PX:
        size = (round((q.w + 6) * scale), round((q.h + 6) * scale))
        for turn in (0, 2):
            order = centres[turn:] + centres[:turn]
            dst = np.array([((x - x0) * scale, (y - y0) * scale) for x, y in order], np.float32)
            matrix = cv2.getPerspectiveTransform(marks, dst)
            crop = cv2.warpPerspective(
                rgb, matrix, size, flags=cv2.INTER_CUBIC, borderValue=(255, 255, 255)
            )
            if read := read_qr(np.asarray(crop, dtype=np.uint8)):
                return read
    return ""


def _px(v: float) -> int:
    return round(v * PX_PER_MM)


def warp(rgb: Image3, marks: Corners, layout: BallotLayout) -> Image3:
    """The page warped onto the layout at :data:`PX_PER_MM` (marks where the layout has them)."""
    dst = np.array(
        [[m.box.centre[0] * PX_PER_MM, m.box.centre[1] * PX_PER_MM] for m in layout.marks],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(marks, dst)
    size = (_px(layout.width), _px(layout.height))
    out = cv2.warpPerspective(
        rgb, matrix, size, flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255)
    )
    return np.asarray(out, dtype=np.uint8)


def upright(page: Image3, blank: Image3) -> tuple[Image3, bool]:
    """The warped page turned the right way up, and whether it had to be turned."""

    def distance(img: Image3) -> int:
        a = cv2.resize(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), (64, 96))
        b = cv2.resize(cv2.cvtColor(blank, cv2.COLOR_RGB2GRAY), (64, 96))
        return int(np.abs(a.astype(np.int32) - b.astype(np.int32)).sum())

    turned = np.ascontiguousarray(page[::-1, ::-1])
    if distance(turned) < distance(page):
        return turned, True
    return page, False


def placed(page: Image3, blank: Image3, layout: BallotLayout) -> bool:
    """Whether the upright page lies on its layout: at least :data:`PLACED` per mille of the
    blank's print in the rows (names, numbers, lines) is dark on the page within
    :data:`SLACK` px. A square taken for a corner mark (a speck of the table, a mark torn
    off) moves the rows, and the page is set aside rather than read off them."""
    rows = layout.rows
    if not rows:
        return True
    y0, y1 = _px(rows[0].box.y), _px(rows[-1].box.y + rows[-1].box.h)
    printed = _darkest(blank[y0:y1]) < DARK
    kernel = np.ones((2 * SLACK + 1, 2 * SLACK + 1), dtype=np.uint8)
    dark = cv2.dilate((_darkest(page[y0:y1]) < FAINT).astype(np.uint8), kernel) > 0
    total = int(printed.sum())
    return total == 0 or int((printed & dark).sum()) * 1000 >= PLACED * total


@dataclass(frozen=True)
class RowScore:
    position: int
    ink: int  # per mille of the name's width with ink across it
    red: int  # per mille with red across it
    doubt: bool = False  # a grey page: a seal may touch the row, or its ink may be red

    def decision(self) -> bool | None:
        """True struck, False not struck, None for a person to decide."""
        if self.red >= RED or self.doubt:
            return None
        if self.ink >= STRUCK:
            return True
        if self.ink <= CLEAN:
            return False
        return None


def _bridged(cols: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Close gaps narrower than :data:`BRIDGE` between inked columns."""
    line = cols.astype(np.uint8).reshape(1, -1) * 255
    kernel = np.ones((1, BRIDGE), dtype=np.uint8)
    closed = cv2.morphologyEx(line, cv2.MORPH_CLOSE, kernel, borderType=cv2.BORDER_CONSTANT)
    return np.asarray(closed[0] > 0)


def _band(box: Box, row: Box) -> tuple[int, int, int, int]:
    """The pixels to read a name in: its box, 1.5 mm taller each way, inside its row's lines."""
    top = max(box.y - 1.5, row.y + 0.5)
    bottom = min(box.y + box.h + 1.5, row.y + row.h - 0.5)
    return _px(box.x), _px(top), _px(box.x + box.w), _px(bottom)


def _strokes(ink: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """The ink that runs across at least :data:`RUN` px (a letter never does; a strike does,
    through the letters it crosses)."""
    kernel = np.ones((1, RUN), dtype=np.uint8)
    return np.asarray(cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, kernel) > 0)


def score_rows(
    page: Image3, blank: Image3, layout: BallotLayout, grey: bool = False
) -> list[RowScore]:
    """Each row's score: the share of the name's pixel columns that a stroke runs across,
    where the blank ballot (widened by :data:`SLACK` px) has none; on a grey page (``grey``,
    the page :func:`greyed`), the rows a seal or red ink may touch are in doubt."""
    doubts = grey_doubts(page, blank, layout) if grey else [False] * len(layout.rows)
    ink, red = ink_of(page)
    printed, _ = ink_of(blank)
    kernel = np.ones((2 * SLACK + 1, 2 * SLACK + 1), dtype=np.uint8)
    printed_runs = cv2.dilate(_strokes(printed).astype(np.uint8), kernel) > 0
    runs = _strokes(ink) & ~printed_runs
    scores: list[RowScore] = []
    for row, doubt in zip(layout.rows, doubts, strict=True):
        x0, y0, x1, y1 = _band(row.name_box, row.box)
        width = max(x1 - x0, 1)
        cols = _bridged(np.asarray(runs[y0:y1, x0:x1].any(axis=0), dtype=np.bool_))
        reds = red[y0:y1, x0:x1].sum(axis=0) >= 2
        scores.append(
            RowScore(
                row.position,
                int(cols.sum()) * 1000 // width,
                int(reds.sum()) * 1000 // width,
                doubt,
            )
        )
    return scores


def _regions(row: Row) -> list[tuple[int, int, int, int]]:
    """Where a row is read: its name's band, or its two tick boxes with their spill."""
    if row.agree_box is None or row.disagree_box is None:
        return [_band(row.name_box, row.box)]
    return [_tick_region(row.agree_box, row.box), _tick_region(row.disagree_box, row.box)]


def grey_doubts(page: Image3, blank: Image3, layout: BallotLayout) -> list[bool]:
    """On a grey page, each row that a person must read: the rows whose name band or tick
    boxes come within :data:`SEAL_NEAR` of the box around a mark that reaches into the seal
    area or is as tall as a seal (:data:`SEAL_TALL`; a strike or a tick never is: a ring's
    pieces inside it are covered too), and the rows whose ink is as light as red ink in grey
    (its darkest tenth no darker than :data:`GREY_RED`: blue or black pen is, red is not)."""
    grey = _darkest(page)
    kernel = np.ones((2 * SLACK + 1, 2 * SLACK + 1), dtype=np.uint8)
    printed = cv2.dilate((_darkest(blank) < FAINT).astype(np.uint8), kernel) > 0
    ink = (grey < DARK) & ~printed
    grow = SLACK + 2  # the pieces of a ring cut by the printed lines are joined
    joined = cv2.dilate(ink.astype(np.uint8), np.ones((2 * grow + 1, 2 * grow + 1), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    s = layout.seal
    sx0, sy0, sx1, sy1 = _px(s.x), _px(s.y), _px(s.x + s.w), _px(s.y + s.h)
    tall, near = _px(SEAL_TALL), _px(SEAL_NEAR) - grow  # the ink's box, not the joined one
    seals: list[tuple[int, int, int, int]] = []
    for x, y, w, h in stats[1:n, :4].tolist():
        if h - 2 * grow >= tall or (x < sx1 and x + w > sx0 and y < sy1 and y + h > sy0):
            seals.append((x - near, y - near, x + w + near, y + h + near))
    out: list[bool] = []
    for row in layout.rows:
        touched = light = False
        for x0, y0, x1, y1 in _regions(row):
            touched |= any(a < x1 and c > x0 and b < y1 and d > y0 for a, b, c, d in seals)
            values = grey[y0:y1, x0:x1][ink[y0:y1, x0:x1]]
            light |= values.size >= 2 * RUN and int(np.percentile(values, 10)) >= GREY_RED
        out.append(touched or light)
    return out


# Agree/disagree ballots: a row is decided by the ink in its two tick boxes.
TICKED = 400  # per mille of a box's side: a mark spanning at least this much is a mark
EMPTY = 200  # per mille: ink (faint ink included) spanning at most this much is no mark (a
# pen's rest, a speck); between the two, or faint ink only, a person decides
FAINT = 205  # a pixel darker than this is faint ink: a light pen that DARK would not see
SPILL = 1.5  # mm: a tick running out of its box is still read, this far around it

Tick = str  # agree, disagree, both, neither


@dataclass(frozen=True)
class TickScore:
    """One agree/disagree row: how far the longest mark around each box spans (per mille of
    the box's side), in dark ink and in faint ink, and the share of the boxes with red in
    them (per mille of their area)."""

    position: int
    agree: int
    disagree: int
    faint_agree: int
    faint_disagree: int
    red: int
    doubt: bool = False  # a grey page: a seal may touch the row, or its ink may be red

    @staticmethod
    def _box(ink: int, faint: int) -> bool | None:
        if ink >= TICKED:
            return True
        if faint <= EMPTY:
            return False
        return None  # a light or small mark: neither clearly empty nor clearly marked

    def decision(self) -> Tick | None:
        """agree, disagree, both, neither; None for a person to decide (the review band in
        either box, or red in one)."""
        if self.red >= RED or self.doubt:
            return None
        a = self._box(self.agree, self.faint_agree)
        d = self._box(self.disagree, self.faint_disagree)
        if a is None or d is None:
            return None
        return {(True, False): "agree", (False, True): "disagree", (True, True): "both"}.get(
            (a, d), "neither"
        )


def _tick_region(box: Box, row: Box) -> tuple[int, int, int, int]:
    """The pixels a tick in ``box`` may cover: the box and :data:`SPILL` mm around it, inside
    its row's lines (a tick that runs out of its box is still its box's)."""
    top = max(box.y - SPILL, row.y + 0.5)
    bottom = min(box.y + box.h + SPILL, row.y + row.h - 0.5)
    return _px(box.x - SPILL), _px(top), _px(box.x + box.w + SPILL), _px(bottom)


def _span(mask: npt.NDArray[np.bool_]) -> int:
    """How far (px, across or down) the largest connected mark in ``mask`` reaches: a tick, a
    cross or a slash reaches across its box however thin the pen; a dot does not. The pieces
    of a mark cut by the box's printed border (widened by :data:`SLACK`) are joined first."""
    grow = SLACK + 2
    kernel = np.ones((2 * grow + 1, 2 * grow + 1), dtype=np.uint8)
    joined = cv2.dilate(mask.astype(np.uint8), kernel)
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    if n <= 1:
        return 0
    sizes = np.maximum(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT])
    return max(int(sizes.max()) - 2 * grow, 0)


def score_ticks(
    page: Image3, blank: Image3, layout: BallotLayout, grey: bool = False
) -> list[TickScore]:
    """Each agree/disagree row's scores, from the ink around each of its tick boxes where the
    blank ballot (widened by :data:`SLACK` px) has no print; on a grey page, the rows a seal
    or red ink may touch are in doubt (:func:`grey_doubts`)."""
    doubts = grey_doubts(page, blank, layout) if grey else [False] * len(layout.rows)
    ink, red = ink_of(page)
    faint = (_darkest(page) < FAINT) & ~red
    kernel = np.ones((2 * SLACK + 1, 2 * SLACK + 1), dtype=np.uint8)
    printed = cv2.dilate((_darkest(blank) < FAINT).astype(np.uint8), kernel) > 0
    ink &= ~printed
    faint &= ~printed
    scores: list[TickScore] = []
    for row, doubt in zip(layout.rows, doubts, strict=True):
        assert row.agree_box is not None and row.disagree_box is not None
        parts: list[tuple[int, int, int]] = []
        for box in (row.agree_box, row.disagree_box):
            x0, y0, x1, y1 = _tick_region(box, row.box)
            side = max(_px(box.w), 1)
            bx0, by0, bx1, by1 = _px(box.x), _px(box.y), _px(box.x + box.w), _px(box.y + box.h)
            parts.append(
                (
                    _span(ink[y0:y1, x0:x1]) * 1000 // side,
                    _span(faint[y0:y1, x0:x1]) * 1000 // side,
                    int(red[by0:by1, bx0:bx1].sum()) * 1000 // (side * side),
                )
            )
        (a, fa, ra), (d, fd, rd) = parts
        scores.append(TickScore(row.position, a, d, fa, fd, max(ra, rd), doubt))
    return scores
