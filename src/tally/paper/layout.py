"""Where everything is on a printed ballot, in millimetres from the top-left corner of the page.

The scanner (issue 20) reads a ballot by warping the page onto this layout with the four
corner marks and comparing each row with the blank ballot, so the placement is data, written
beside the PDF as the layout document, and not something to recover from the PDF. The
document's SHA-256 is printed on every ballot of the round in a QR code: a scan is matched to
its layout, and a ballot of another round or election is recognised. It carries no per-ballot
number (that would be an identifying mark), and not the PDF's hash (the PDF shows the layout's).

Standard library only: the renderer hands in how wide a text is (:data:`Measure`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from tally.errors import OptionError
from tally.i18n import msg
from tally.kinds import Layout

FORMAT = "tally-ballot-layout"
VERSION = 1

Paper = Literal["a5", "a4"]
PAPERS: dict[Paper, tuple[float, float]] = {"a5": (148.0, 210.0), "a4": (210.0, 297.0)}

# Text width in mm of ``text`` at ``size`` points, in the regular (bold=False) or bold face.
Measure = Callable[[str, float, bool], float]

PT = 25.4 / 72  # one typographic point in mm

MARK = 6.0  # side of a corner mark (a filled square)
MARK_CENTRE = 10.0  # its centre's distance from both edges of the paper
MARGIN = 16.0  # the printed matter keeps this far from every edge (inside the marks)
QR = 20.0  # side of the QR code, its quiet zone included
SEAL = 34.0  # the seal area: a square that a round seal of up to 34 mm fits in
SEAL_CLEAR = 7.0  # a seal stamped off its area may spill this far out of it and still miss
# every row: the table ends this far above it (the reader never reads a row under a seal)
NUMBER_COL = 10.0  # the position column
BOX_COL = 22.0  # agree/disagree: each box's column
TICK = 5.0  # agree/disagree: side of a box to mark
ROW_MAX = 9.0  # the tallest row; shorter when there are many names
ROW_MIN = 5.0  # below this a strike is too hard to place and to read
NAME_PT = 12.0  # the largest name
NAME_PT_MIN = 6.0
HEAD_ROW = 6.0  # agree/disagree: the row naming the two columns


def mm(value: float) -> float:
    """A length as written in the layout document: hundredths of a millimetre."""
    return round(value, 2)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def doc(self) -> dict[str, float]:
        return {"x": mm(self.x), "y": mm(self.y), "w": mm(self.w), "h": mm(self.h)}

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def inside(self, other: Box) -> bool:
        eps = 1e-6
        return (
            self.x >= other.x - eps
            and self.y >= other.y - eps
            and self.x + self.w <= other.x + other.w + eps
            and self.y + self.h <= other.y + other.h + eps
        )

    def overlaps(self, other: Box) -> bool:
        eps = 1e-6
        return (
            self.x < other.x + other.w - eps
            and other.x < self.x + self.w - eps
            and self.y < other.y + other.h - eps
            and other.y < self.y + self.h - eps
        )


@dataclass(frozen=True)
class Mark:
    corner: str  # top_left, top_right, bottom_right, bottom_left
    box: Box


@dataclass(frozen=True)
class Row:
    """One printed line of the ballot: a candidate, in ballot order."""

    position: int
    candidate: str
    name: str
    box: Box  # the whole row
    number_box: Box  # the position column
    name_box: Box  # where the name's letters are: a voter strikes through it
    name_pt: float  # the name's font size
    agree_box: Box | None = None  # agree/disagree: the two boxes to mark
    disagree_box: Box | None = None

    def doc(self) -> dict[str, object]:
        out: dict[str, object] = {
            "position": self.position,
            "candidate": self.candidate,
            "name": self.name,
            "row": self.box.doc(),
            "name_box": self.name_box.doc(),
        }
        if self.agree_box is not None and self.disagree_box is not None:
            out["agree_box"] = self.agree_box.doc()
            out["disagree_box"] = self.disagree_box.doc()
        return out


@dataclass(frozen=True)
class BallotLayout:
    paper: Paper
    width: float
    height: float
    kind: Layout
    election: str
    contest: str
    round: int
    seats: int
    rehearsal: bool
    marks: tuple[Mark, ...]
    header: Box  # organisation (left) and the Party or the State (right)
    title: Box  # PHIẾU BẦU
    body: Box  # the body elected (contest's name)
    term: Box
    instructions: Box
    table_head: Box | None  # agree/disagree: the columns' names
    rows: tuple[Row, ...]
    qr: Box
    seal: Box

    @property
    def page(self) -> Box:
        return Box(0, 0, self.width, self.height)

    def document(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "unit": "mm",
            "origin": "top_left",
            "paper": {"name": self.paper, "width": mm(self.width), "height": mm(self.height)},
            "layout": self.kind,
            "election": self.election,
            "contest": self.contest,
            "round": self.round,
            "seats": self.seats,
            "rehearsal": self.rehearsal,
            "marks": [
                {"corner": m.corner, "centre": [mm(m.box.centre[0]), mm(m.box.centre[1])]}
                | {"size": mm(m.box.w)}
                for m in self.marks
            ],
            "rows": [r.doc() for r in self.rows],
            "qr": self.qr.doc(),
            "seal": self.seal.doc(),
        }

    def to_bytes(self) -> bytes:
        """The layout document: sorted keys, UTF-8, one trailing newline (byte-stable)."""
        text = json.dumps(self.document(), ensure_ascii=False, sort_keys=True, indent=1)
        return (text + "\n").encode("utf-8")

    def sha256(self) -> str:
        return hashlib.sha256(self.to_bytes()).hexdigest()

    def qr_payload(self) -> str:
        """What the QR code says: the same on every ballot of the round (alphanumeric mode)."""
        return f"TALLY-LAYOUT:SHA256:{self.sha256().upper()}"


@dataclass(frozen=True)
class BallotFacts:
    """What the layout needs to know about the round (from its Sheet)."""

    election: str
    contest: str
    round: int
    seats: int
    kind: Layout
    candidates: tuple[str, ...]
    names: tuple[str, ...]


def _marks(w: float, h: float) -> tuple[Mark, ...]:
    c, s = MARK_CENTRE, MARK
    centres = (
        ("top_left", c, c),
        ("top_right", w - c, c),
        ("bottom_right", w - c, h - c),
        ("bottom_left", c, h - c),
    )
    return tuple(Mark(n, Box(x - s / 2, y - s / 2, s, s)) for n, x, y in centres)


def max_rows(paper: Paper, kind: Layout) -> int:
    """How many names fit on one ballot of this paper."""
    h = PAPERS[paper][1]
    return int(_table_height(h, kind) // ROW_MIN)


def _table_top(kind: Layout) -> float:
    return MARGIN + 47.0 + (HEAD_ROW if kind == "agree_disagree" else 0.0)


def _seal_box(w: float, h: float) -> Box:
    return Box(w - MARGIN - SEAL, h - MARGIN - SEAL, SEAL, SEAL)


def _table_height(h: float, kind: Layout) -> float:
    """From the table's top to :data:`SEAL_CLEAR` above the seal area (all of the width: the
    agree/disagree boxes are on the right, where the seal is)."""
    return h - MARGIN - SEAL - SEAL_CLEAR - _table_top(kind)


def seal_reach(layout: BallotLayout) -> Box:
    """Where a seal stamped in its area may leave red: the area and :data:`SEAL_CLEAR` around
    it (no row reaches into it)."""
    s, c = layout.seal, SEAL_CLEAR
    return Box(s.x - c, s.y - c, s.w + 2 * c, s.h + 2 * c)


def _name_pt(name: str, row_h: float, room: float, measure: Measure) -> float:
    pt = min(NAME_PT, round(row_h * 0.55 / PT * 2) / 2)
    while pt > NAME_PT_MIN and measure(name, pt, False) > room:
        pt -= 0.5
    return pt


def place(facts: BallotFacts, paper: Paper, rehearsal: bool, measure: Measure) -> BallotLayout:
    """The layout of one ballot; OptionError (``--paper``) when the names do not fit."""
    w, h = PAPERS[paper]
    kind = facts.kind
    n = len(facts.candidates)
    most = max_rows(paper, kind)
    if n > most:
        raise OptionError(
            msg("ballot.too_many_names", names=n, paper=paper.upper(), most=most), "--paper"
        )
    inner = w - 2 * MARGIN
    top = _table_top(kind)
    row_h = min(ROW_MAX, _table_height(h, kind) / max(n, 1))
    name_w = inner - NUMBER_COL - (2 * BOX_COL if kind == "agree_disagree" else 0.0)
    rows = _rows(facts, top, row_h, name_w, measure)
    return BallotLayout(
        paper=paper,
        width=w,
        height=h,
        kind=kind,
        election=facts.election,
        contest=facts.contest,
        round=facts.round,
        seats=facts.seats,
        rehearsal=rehearsal,
        marks=_marks(w, h),
        header=Box(MARGIN, MARGIN, inner, 12.0),
        title=Box(MARGIN, MARGIN + 13.0, inner, 8.0),
        body=Box(MARGIN, MARGIN + 21.0, inner, 10.0),
        term=Box(MARGIN, MARGIN + 31.0, inner, 5.0),
        instructions=Box(MARGIN, MARGIN + 37.0, inner, 9.0),
        table_head=(
            Box(MARGIN, top - HEAD_ROW, inner, HEAD_ROW) if kind == "agree_disagree" else None
        ),
        rows=rows,
        qr=Box(MARGIN, h - MARGIN - QR, QR, QR),
        seal=_seal_box(w, h),
    )


def _rows(
    facts: BallotFacts, top: float, row_h: float, name_w: float, measure: Measure
) -> tuple[Row, ...]:
    rows: list[Row] = []
    pad = 2.5  # the name starts this far into its column
    for i, (cid, name) in enumerate(zip(facts.candidates, facts.names, strict=True)):
        y = top + i * row_h
        box = Box(MARGIN, y, NUMBER_COL + name_w + _boxes_w(facts.kind), row_h)
        pt = _name_pt(name, row_h, name_w - 2 * pad, measure)
        text_h = pt * PT * 0.75  # cap height and descenders of a Vietnamese name, roughly
        name_box = Box(
            MARGIN + NUMBER_COL + pad,
            y + (row_h - text_h) / 2,
            min(measure(name, pt, False), name_w - 2 * pad),
            text_h,
        )
        agree = disagree = None
        if facts.kind == "agree_disagree":
            col = MARGIN + NUMBER_COL + name_w
            ty = y + (row_h - TICK) / 2
            agree = Box(col + (BOX_COL - TICK) / 2, ty, TICK, TICK)
            disagree = Box(col + BOX_COL + (BOX_COL - TICK) / 2, ty, TICK, TICK)
        rows.append(
            Row(
                i + 1,
                cid,
                name,
                box,
                Box(MARGIN, y, NUMBER_COL, row_h),
                name_box,
                pt,
                agree,
                disagree,
            )
        )
    return tuple(rows)


def _boxes_w(kind: Layout) -> float:
    return 2 * BOX_COL if kind == "agree_disagree" else 0.0


def every_box(layout: BallotLayout) -> Sequence[tuple[str, Box]]:
    """Every placed box by a readable name (the tests check none overlaps another)."""
    out: list[tuple[str, Box]] = [(f"mark.{m.corner}", m.box) for m in layout.marks]
    out += [("qr", layout.qr), ("seal", layout.seal), ("header", layout.header)]
    out += [("title", layout.title), ("body", layout.body), ("term", layout.term)]
    out += [("instructions", layout.instructions)]
    if layout.table_head is not None:
        out.append(("table_head", layout.table_head))
    out += [(f"row.{r.position}", r.box) for r in layout.rows]
    return out
