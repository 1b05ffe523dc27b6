"""``tally scan --review``: a named person decides the pages the reader set aside.

The scan's journal names each page it set aside in its last ``stop`` (``set_aside``: serial →
why, image#page, SHA-256). The review re-places each page from the copy kept under
``scans/`` (its SHA-256 checked against the journal: a changed image is refused) with the
reader's own functions, so the person sees each undecided row beside the blank ballot's
(:mod:`.review_page` writes that page), then types the ballot's marks in the entry grammar
(:func:`tally.entry.session.parse_line`). Each decision is one more ``ballot`` entry of the
same journal, with who (``operator``: the reviewer), when (the clock), ``reviewed: true``,
the image and the reader's scores; a ``start``/``stop`` pair brackets the session, and the new
``stop`` names the pages still set aside, which is all the next review offers.

No click and no terminal here: :class:`ReviewWalk` is the walk's state machine, driven by the
line mode (and any other front end) one typed line at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import cv2
import numpy as np

from tally.config.loader import LoadedElection
from tally.entry.journal import Journal, JournalError, JournalWriter, Value
from tally.entry.session import (
    EntryInputError,
    EntryState,
    Marks,
    Sheet,
    judge,
    parse_line,
)
from tally.errors import Issue, Location, UsageError
from tally.findings import Lang
from tally.i18n import msg
from tally.paper.layout import BallotLayout, Box
from tally.scan import reader
from tally.scan.run import (
    Aside,
    blank_for,
    parse_aside,
    qr_layout_sha,
    round_layouts,
    still_aside,
)
from tally.source import read_regular

Clock = Callable[[], str]
Reading = bool | str | None  # strike: True struck, False not; agree/disagree: the tick word
WHOLE_WIDTH = 900  # px: a page that could not be placed is shown whole, this wide at most
MARGIN = 1.5  # mm around a row in its crop


@dataclass(frozen=True)
class RowView:
    position: int
    name: str
    scores: tuple[int, ...]  # strike: the name's ink; agree/disagree: each box's
    red: int
    reading: Reading  # None: undecided, for the person
    crop: bytes = b""  # PNG: the row on the placed page
    blank: bytes = b""  # PNG: the same crop of the blank ballot


@dataclass(frozen=True)
class PageView:
    """A set-aside page as the person sees it."""

    aside: Aside
    rows: tuple[RowView, ...] = ()  # empty when the page could not be placed
    whole: bytes = b""  # PNG: the whole page (downscaled) when it could not be placed

    @property
    def undecided(self) -> tuple[int, ...]:
        return tuple(r.position for r in self.rows if r.reading is None)

    @property
    def scores(self) -> list[int]:
        """The reader's scores in the journal's form (as the scan writes them)."""
        return [v for r in self.rows for v in r.scores]


def _png(rgb: reader.Image3) -> bytes:
    ok, data = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    assert ok
    return bytes(data.tobytes())


def _crop(img: reader.Image3, box: Box) -> reader.Image3:
    px = reader.PX_PER_MM
    h, w = img.shape[:2]
    x0, y0 = max(round((box.x - MARGIN) * px), 0), max(round((box.y - MARGIN) * px), 0)
    x1 = min(round((box.x + box.w + MARGIN) * px), w)
    y1 = min(round((box.y + box.h + MARGIN) * px), h)
    return np.ascontiguousarray(img[y0:y1, x0:x1])


def _whole(rgb: reader.Image3) -> bytes:
    h, w = rgb.shape[:2]
    if w > WHOLE_WIDTH:
        size = (WHOLE_WIDTH, max(round(h * WHOLE_WIDTH / w), 1))
        rgb = np.asarray(cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    return _png(rgb)


@dataclass
class Placer:
    """The reader's placement of a page (corner marks, QR code, warp, turn), once per layout."""

    loaded: LoadedElection
    sheet: Sheet
    layouts: dict[str, BallotLayout] = field(default_factory=dict)
    blanks: dict[str, reader.Image3] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for rehearsal in (False, True):  # a drill's scan is reviewed like a count's
            self.layouts.update(round_layouts(self.sheet, rehearsal, None))

    def view(self, aside: Aside, page: reader.Page) -> PageView:
        whole = PageView(aside, whole=_whole(page.rgb))
        if aside.unplaced:
            return whole
        try:
            marks = reader.find_marks(page.rgb)
        except reader.PageError:
            return whole
        sha = qr_layout_sha(page, marks, self.layouts)
        layout = self.layouts.get(sha)
        if layout is None:
            return whole
        if sha not in self.blanks:
            self.blanks[sha] = blank_for(self.loaded, self.sheet, layout)
        blank = self.blanks[sha]
        warped, _ = reader.upright(reader.warp(page.rgb, marks, layout), blank)
        readings: list[tuple[tuple[int, ...], int, Reading]] = []
        if layout.kind == "agree_disagree":
            for t in reader.score_ticks(warped, blank, layout):
                readings.append(((t.agree, t.disagree), t.red, t.decision()))
        else:
            for s in reader.score_rows(warped, blank, layout):
                readings.append(((s.ink,), s.red, s.decision()))
        rows = tuple(
            RowView(
                row.position,
                row.name,
                scores,
                red,
                reading,
                _png(_crop(warped, row.box)),
                _png(_crop(blank, row.box)),
            )
            for row, (scores, red, reading) in zip(layout.rows, readings, strict=True)
        )
        return PageView(aside, rows)


def is_scan(journal: Journal) -> bool:
    return journal.header.str_("purpose") == "scan"


def pending(journal: Journal, state: EntryState) -> list[Aside]:
    """The pages still set aside (:func:`tally.scan.run.still_aside`), in serial order;
    JournalError when one is not in the scan's form."""
    stop = next(
        (e for e in reversed(journal.entries) if e.kind == "stop" and "set_aside" in e.fields),
        None,
    )
    out: list[Aside] = []
    for serial, text in still_aside(journal, state).items():
        parsed = parse_aside(serial, text)
        if parsed is None:
            line = stop.line if stop is not None else None
            raise JournalError.at(msg("scan.review_bad_aside", serial=serial), journal.path, line)
        out.append(parsed)
    return sorted(out, key=lambda a: (len(a.serial), a.serial))


def load_page(loaded: LoadedElection, aside: Aside) -> reader.Page:
    """The kept copy of a set-aside page, its SHA-256 checked; UsageError (exit 2) when it is
    missing, changed or has no such page."""
    path = loaded.folder / aside.image
    data = read_regular(path, UsageError, "input")
    if hashlib.sha256(data).hexdigest() != aside.sha256:
        raise UsageError(
            Issue(
                msg("scan.review_changed", serial=aside.serial, sha=aside.sha256[:16]),
                Location(path),
            )
        )
    try:
        page = reader.page_of(path, data, aside.page) if aside.page >= 1 else None
    except reader.UnreadableFile:
        raise UsageError(Issue(msg("scan.not_image"), Location(path))) from None
    if page is None:
        raise UsageError(
            Issue(msg("scan.review_no_page", serial=aside.serial, page=aside.page), Location(path))
        )
    return page


def reading_word(reading: Reading, lang: Lang) -> str:
    if reading is None:
        return msg("scan.reading.undecided").text(lang)
    if reading is True:
        return msg("scan.reading.struck").text(lang)
    if reading is False:
        return msg("scan.reading.kept").text(lang)
    return msg(f"scan.reading.{reading}").text(lang)


def score_text(row: RowView, lang: Lang) -> str:
    """A row's scores as the page and the screen show them (per mille)."""
    out = "/".join(f"{v}‰" for v in row.scores)
    return out + (f" ({msg('scan.reading.red').text(lang)} {row.red}‰)" if row.red else "")


def why_text(aside: Aside, lang: Lang) -> str:
    """Why the scan set the page aside, in words."""
    if aside.unplaced:
        return msg(f"scan.review_why.{aside.why.removeprefix('unplaced.')}").text(lang)
    rows = aside.why.removeprefix("review:").replace(",", ", ")
    return msg("scan.review_why.rows", rows=rows).text(lang)


def page_lines(view: PageView, html: Path | None, lang: Lang) -> list[str]:
    """What the walk shows of a page before the person types its marks."""
    a = view.aside
    lines = [
        msg(
            "scan.review_page", serial=a.serial, where=f"{a.image}#{a.page}", why=why_text(a, lang)
        ).text(lang)
    ]
    if not view.rows:
        lines.append("  " + msg("scan.review_whole").text(lang))
    width = len(str(len(view.rows)))
    for r in view.rows:
        mark = "?" if r.reading is None else " "
        lines.append(
            f" {mark}{r.position:>{width}}. {r.name} — {reading_word(r.reading, lang)}"
            f" [{score_text(r, lang)}]"
        )
    if html is not None:
        lines.append("  " + msg("scan.review_see", html=html).text(lang))
    return lines


def contradicted(view: PageView, marks: Marks) -> list[int]:
    """The rows the reader decided that the typed marks read otherwise (a ballot typed as
    invalid for a reason seen on paper contradicts none: its rows are not read)."""
    if marks.invalid:
        return []
    out: list[int] = []
    for row in view.rows:
        if row.reading is None:
            continue
        if isinstance(row.reading, bool):
            typed: Reading = row.position in marks.struck
        elif row.position in marks.struck:
            typed = "disagree"
        elif row.position in marks.unmarked:
            typed = "both" if row.reading == "both" else "neither"
        else:
            typed = "agree"
        if typed != row.reading:
            out.append(row.position)
    return out


Status = Literal["committed", "skipped", "refused", "confirm", "quit"]


@dataclass(frozen=True)
class Answer:
    status: Status
    message: str


class ReviewWalk:
    """The walk over the pages still set aside: one typed line at a time, each decision on
    the disk before the answer comes back."""

    def __init__(
        self,
        writer: JournalWriter,
        sheet: Sheet,
        views: list[PageView],
        reviewer: str,
        clock: Clock,
        lang: Lang,
    ) -> None:
        self.writer = writer
        self.sheet = sheet
        self.views = views
        self.reviewer = reviewer
        self.clock = clock
        self.lang = lang
        self.at = 0  # the page on screen
        self.left: list[PageView] = []  # skipped: still set aside
        self.decided = 0
        self.pending: Marks | None = None  # a reading awaiting its confirmation
        self.confirm_invalid = True  # as in entry: a person is asked, a script is not
        self.closed = False
        self.writer.append("start", clock(), {**self._who(), "resumed": True, "review": True})

    def _who(self) -> dict[str, Value]:
        return {"operator": self.reviewer}

    @property
    def current(self) -> PageView | None:
        return self.views[self.at] if self.at < len(self.views) else None

    def _next(self) -> None:
        self.at += 1
        self.pending = None

    def answer(self, text: str) -> Answer:
        view = self.current
        assert view is not None and not self.closed
        lang = self.lang
        line = text.strip()
        if not line or line.lower() == "skip":
            self.left.append(view)
            self._next()
            return Answer(
                "skipped", msg("scan.review_skipped", serial=view.aside.serial).text(lang)
            )
        try:
            command = parse_line(line, self.sheet, lang)
        except EntryInputError as exc:
            return Answer("refused", str(exc))
        if command.action == "quit":
            return Answer("quit", "")
        if command.action != "ballot" or command.serial is not None or command.marks is None:
            return Answer("refused", msg("scan.review_only_marks").text(lang))
        marks = command.marks
        judgement = judge(marks, self.sheet)
        against = contradicted(view, marks)
        if marks != self.pending:
            notes: list[str] = []
            if against:
                rows = ", ".join(
                    f"{r.position} ({reading_word(r.reading, lang)})"
                    for r in view.rows
                    if r.position in against
                )
                notes.append(msg("scan.review_contradicts", rows=rows).text(lang))
            if judgement.derived and self.confirm_invalid:
                notes.append(judgement.text(self.sheet, lang))
            if notes:
                self.pending = marks
                again = msg("scan.review_confirm").text(lang)
                return Answer(
                    "confirm", f"#{view.aside.serial}: " + "; ".join(notes) + f" — {again}"
                )
        fields: dict[str, Value] = {
            **self._who(),
            "serial": view.aside.serial,
            **marks.fields(),
            "reviewed": True,
            "image": view.aside.image,
            "image_sha256": view.aside.sha256,
            "page": view.aside.page,
            "scores": view.scores,
        }
        self.writer.append("ballot", self.clock(), fields)
        self.decided += 1
        self._next()
        return Answer(
            "committed",
            f"✓ #{view.aside.serial}: {marks.text()} — {judgement.text(self.sheet, lang)}",
        )

    def still_aside(self) -> list[PageView]:
        return self.left + self.views[self.at :]

    def close(self) -> None:
        """The closing ``stop``: the pages still set aside (skipped or not reached)."""
        if self.closed:
            return
        self.closed = True
        aside: dict[str, str] = {v.aside.serial: v.aside.text() for v in self.still_aside()}
        self.writer.append("stop", self.clock(), {**self._who(), "set_aside": aside})
