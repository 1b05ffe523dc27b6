"""``tally scan``: scanned ballots of one round read into an ordinary entry journal.

The reader is one more operator, never the count's only one: its journal is compared with a
person's by ``tally reconcile``. It writes a ballot only when every row is decided; a page
with a row between the two thresholds, or one it cannot place (no corner marks, no QR code),
is set aside for a person and named in the journal's last entry (``stop``) with its image,
never guessed. Nothing is written when any page is refused (a ballot of another round or
election): the pile must be sorted first. A greyscale page (or a colour file with no colour
in it) is read with every row a seal could touch sent to a person, and marked ``grey``.

Re-reading is deterministic: the entries' time is the congress's date (not the clock, which
is why the header says ``purpose: scan`` and the minutes never take these times for the
count's), the serial is the page's place in the order the files were named, and the copies
of the images are named by their SHA-256.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tally.config.loader import LoadedElection
from tally.entry.journal import Journal, JournalError, JournalWriter, Value, read_journal
from tally.entry.session import EntryState, Marks, Sheet, default_journal, replay, sheet_for
from tally.errors import ConfigError, Issue, Location, TallyError
from tally.findings import Lang
from tally.i18n import Msg, msg
from tally.paper.layout import PAPERS, BallotLayout
from tally.paper.pdf import layout_of, render
from tally.paper.run import facts_of, words_of
from tally.scan import reader
from tally.source import read_regular

OPERATOR = "scan"
QR_PREFIX = "TALLY-LAYOUT:SHA256:"


class ScanError(TallyError):
    """A page refused (exit 2): nothing is written."""


@dataclass(frozen=True)
class ScanRequest:
    contest_id: str
    round_no: int
    images: tuple[Path, ...]
    operator: str
    layout: Path | None = None
    journal: Path | None = None
    rehearsal: bool = False  # read the drill's ballots (DIỄN TẬP), and only those


@dataclass(frozen=True)
class PageResult:
    serial: str
    source: Path
    page: int
    sha256: str  # of the file the page is in
    marks: Marks | None  # None: set aside
    scores: tuple[int, ...] = ()
    reds: tuple[int, ...] = ()
    review: tuple[int, ...] = ()  # rows for a person
    unplaced: str = ""  # unplaced.marks, unplaced.qr
    turned: bool = False
    layout: str = ""  # the SHA-256 of its layout, from its QR code
    grey: bool = False  # read without colour (no red could be told from ink)


@dataclass
class ScanDone:
    journal: Path
    folder: Path  # where the images were copied
    pages: list[PageResult] = field(default_factory=list)

    @property
    def ballots(self) -> int:
        return sum(1 for p in self.pages if p.marks is not None)


@dataclass(frozen=True)
class _Round:
    layouts: dict[str, BallotLayout]  # by SHA-256
    blanks: dict[str, reader.Image3]


def round_layouts(sheet: Sheet, rehearsal: bool, only: str | None) -> dict[str, BallotLayout]:
    """Every layout the round's ballots may have been printed with (either paper); a drill's
    ballots only with ``rehearsal``, and then only them (they are never a count's ballots)."""
    out: dict[str, BallotLayout] = {}
    for paper in PAPERS:
        layout = layout_of(facts_of(sheet), paper, rehearsal)
        out[layout.sha256()] = layout
    if only is not None:
        return {only: out[only]} if only in out else {}
    return out


def blank_for(loaded: LoadedElection, sheet: Sheet, layout: BallotLayout) -> reader.Image3:
    words = words_of(loaded, sheet, layout, layout.rehearsal, "vi")
    return reader.blank_of(render(layout, words, loaded.election.congress.date), layout)


def _refused(message: Msg, path: Path, page: int) -> ScanError:
    return ScanError(Issue(msg("scan.page", page=page, said=message), Location(path)))


def qr_layout_sha(
    page: reader.Page, marks: reader.Corners, layouts: dict[str, BallotLayout]
) -> str:
    """The layout SHA-256 the page's QR code names ("" when no QR code can be read)."""
    text = ""
    for layout in layouts.values():  # where each paper's layout puts it (quick)
        text = reader.read_qr_at(page.rgb, marks, layout)
        if text:
            break
    if not text:  # anywhere on the page
        text = reader.read_qr(page.rgb, thorough=False)
    if not text:
        return ""
    if not text.startswith(QR_PREFIX):
        raise _refused(msg("scan.not_tally_qr", text=text[:40]), page.source, page.number)
    return text[len(QR_PREFIX) :].lower()


def _read_page(
    page: reader.Page, serial: str, sha: str, known: _Round, loaded: LoadedElection, sheet: Sheet
) -> PageResult:
    base = PageResult(serial, page.source, page.number, sha, None)
    try:
        marks = reader.find_marks(page.rgb)
    except reader.PageError as exc:
        return replace(base, unplaced=exc.reason)
    layout_sha = qr_layout_sha(page, marks, known.layouts)
    if not layout_sha:
        return replace(base, unplaced="unplaced.qr")
    layout = known.layouts.get(layout_sha)
    if layout is None:
        raise _refused(
            msg(
                "scan.other_layout", found=layout_sha[:16], contest=sheet.contest, round=sheet.round
            ),
            page.source,
            page.number,
        )
    if layout_sha not in known.blanks:
        known.blanks[layout_sha] = blank_for(loaded, sheet, layout)
    blank = known.blanks[layout_sha]
    warped = reader.flatten(reader.warp(page.rgb, marks, layout))
    grey = page.grey_file or reader.colourless(warped)  # the ballot, not the table around it
    if grey:
        warped = reader.greyed(warped)
    base = replace(base, grey=grey)
    warped, turned = reader.upright(warped, blank)
    if not reader.placed(warped, blank, layout):
        return replace(base, unplaced="unplaced.marks", turned=turned, layout=layout_sha)
    if layout.kind == "agree_disagree":
        ticks = reader.score_ticks(warped, blank, layout, grey)
        return _read_ticks(base, ticks, turned, layout_sha)
    scores = reader.score_rows(warped, blank, layout, grey)
    decided = [s.decision() for s in scores]
    review = tuple(s.position for s, d in zip(scores, decided, strict=True) if d is None)
    struck = tuple(s.position for s, d in zip(scores, decided, strict=True) if d is True)
    return replace(
        base,
        marks=None if review else Marks(struck=struck),
        scores=tuple(s.ink for s in scores),
        reds=tuple(s.red for s in scores),
        review=review,
        turned=turned,
        layout=layout_sha,
    )


def _read_ticks(
    base: PageResult, scores: list[reader.TickScore], turned: bool, layout_sha: str
) -> PageResult:
    """An agree/disagree page, in the entry journal's grammar: disagree is ``struck``, both
    boxes or neither is ``unmarked`` (the rule set decides what that makes the ballot), agree
    is neither list. Its scores are the agree and disagree boxes' ink, row by row."""
    decided = [s.decision() for s in scores]
    review = tuple(s.position for s, d in zip(scores, decided, strict=True) if d is None)
    struck = tuple(s.position for s, d in zip(scores, decided, strict=True) if d == "disagree")
    unmarked = tuple(
        s.position for s, d in zip(scores, decided, strict=True) if d in ("both", "neither")
    )
    return replace(
        base,
        marks=None if review else Marks(struck=struck, unmarked=unmarked),
        scores=tuple(v for s in scores for v in (s.agree, s.disagree)),
        reds=tuple(s.red for s in scores),
        review=review,
        turned=turned,
        layout=layout_sha,
    )


def _layout_sha(path: Path) -> str:
    return hashlib.sha256(read_regular(path, ConfigError, "input")).hexdigest()


@dataclass(frozen=True)
class Aside:
    """One page the scan set aside, as its journal names it."""

    serial: str
    why: str  # review:1,2 · unplaced.marks · unplaced.qr
    image: str  # the kept copy, relative to the election folder
    page: int
    sha256: str

    @property
    def unplaced(self) -> bool:
        return self.why.startswith("unplaced.")

    def text(self) -> str:
        """The journal's words for it (what the scan wrote in ``set_aside``)."""
        return f"{self.why} {self.image}#{self.page} sha256:{self.sha256}"


def parse_aside(serial: str, text: str) -> Aside | None:
    """A ``set_aside`` value read back; None when it is not in the scan's form."""
    why, _, rest = text.partition(" ")
    where, _, sha = rest.rpartition(" ")
    image, _, page = where.rpartition("#")
    if not sha.startswith("sha256:") or not image or not page.isdigit():
        return None
    return Aside(serial, why, image, int(page), sha.removeprefix("sha256:"))


@dataclass(frozen=True)
class SoFar:
    """What the round's scan journal already holds when the pile is scanned in batches (a
    jammed scanner, a second tray): the next batch continues it."""

    path: Path
    head: str  # the journal's head when it was read: it must not move before the batch
    pages: int  # the serials used: the next page is serial pages + 1
    files: dict[str, str]  # every image's SHA-256 → where it was read ("image#page")
    aside: dict[str, str]  # the pages still set aside, as the journal wrote them


def still_aside(journal: Journal, state: EntryState) -> dict[str, str]:
    """The pages the journal's last ``stop`` with ``set_aside`` (the scan's, or a review's)
    names that no ballot entry has decided since."""
    stop = next(
        (e for e in reversed(journal.entries) if e.kind == "stop" and "set_aside" in e.fields),
        None,
    )
    aside = stop.fields.get("set_aside") if stop is not None else None
    if not isinstance(aside, dict):
        return {}
    return {serial: text for serial, text in aside.items() if serial not in state.ballots}


def scan_so_far(loaded: LoadedElection, request: ScanRequest) -> SoFar | None:
    """The round's scan journal that this batch continues (None: a new journal). Refused
    (JournalError, exit 2) unless it is a scan journal of this round's ballot, read by this
    reader: a journal is read by one reader version, so that it can be read again alike."""
    sheet = sheet_for(loaded, request.contest_id, request.round_no)
    path = request.journal or default_journal(loaded, sheet, request.operator)
    if not path.exists():
        return None
    journal = read_journal(path)
    header = journal.header
    if header.str_("purpose") != "scan":
        raise JournalError.at(msg("scan.continue_not_scan"), path, 1)
    if header.str_("reader") != reader.READER:
        said = msg("scan.continue_reader", was=header.str_("reader"), now=reader.READER)
        raise JournalError.at(said, path, 1, hint=msg("scan.continue.hint"))
    if not Sheet.from_header(header).same_ballot(sheet):
        said = msg("scan.continue_other_ballot", contest=sheet.contest, round=sheet.round)
        raise JournalError.at(said, path, 1, hint=msg("scan.continue.hint"))
    state = replay(sheet, journal.entries, path)
    serials = set(state.ballots)
    files: dict[str, str] = {}
    for e in journal.entries:
        if e.kind == "ballot" and e.str_("image_sha256"):
            files.setdefault(e.str_("image_sha256"), f"{e.str_('image')}#{e.int_('page')}")
        aside = e.fields.get("set_aside") if e.kind == "stop" else None
        if isinstance(aside, dict):
            serials |= set(aside)
            for serial, text in aside.items():
                if (page := parse_aside(serial, text)) is not None:
                    files.setdefault(page.sha256, f"{page.image}#{page.page}")
    pages = max((int(x) for x in serials if x.isdigit()), default=0)
    return SoFar(path, journal.head, pages, files, still_aside(journal, state))


def read_scans(
    loaded: LoadedElection,
    request: ScanRequest,
    progress: Callable[[int], None] | None = None,
    so_far: SoFar | None = None,
) -> tuple[Sheet, list[PageResult]]:
    """Every page read, in order (``progress`` is told how many after each), numbered after
    the pages ``so_far`` holds; ScanError (nothing written) when one is refused."""
    sheet = sheet_for(loaded, request.contest_id, request.round_no)
    only = _layout_sha(request.layout) if request.layout is not None else None
    layouts = round_layouts(sheet, request.rehearsal, only)
    if not layouts and request.layout is not None:
        raise ScanError(
            Issue(
                msg("scan.layout_not_round", contest=sheet.contest, round=sheet.round),
                Location(request.layout),
            )
        )
    known = _Round(layouts, {})
    results: list[PageResult] = []
    # Two sheets of paper never give the same image: the same file, or the same page in two
    # files, named twice would count one ballot twice.
    files: dict[str, Path] = {}
    seen: dict[bytes, str] = {}  # the SHA-256 of a page's pixels → "file#page"
    for path in request.images:
        data = read_regular(path, ScanError, "input")
        sha = hashlib.sha256(data).hexdigest()
        if sha in files:
            said = msg("scan.file_twice", first=str(files[sha]), sha=sha[:16])
            raise ScanError(Issue(said, Location(path)))
        if so_far is not None and sha in so_far.files:
            said = msg("scan.file_in_journal", where=so_far.files[sha], sha=sha[:16])
            raise ScanError(Issue(said, Location(path)))
        files[sha] = path
        try:
            for page in reader.iter_pages(path, data):  # one page in memory at a time
                where = f"{path.name}#{page.number}"
                pixels = hashlib.sha256(page.rgb.tobytes()).digest()
                if pixels in seen:
                    said = msg("scan.page_twice", first=seen[pixels], second=where)
                    raise ScanError(Issue(said, Location(path)))
                seen[pixels] = where
                serial = str(len(results) + 1 + (so_far.pages if so_far else 0))
                results.append(_read_page(page, serial, sha, known, loaded, sheet))
                if progress is not None:
                    progress(len(results))
        except reader.UnreadableFile:
            raise ScanError(Issue(msg("scan.not_image"), Location(path))) from None
    return sheet, results


def _copy(path: Path, sha: str, folder: Path) -> Path:
    """The image kept in the election folder, named by its SHA-256 (the same file once)."""
    target = folder / f"{sha[:16]}{path.suffix.lower()}"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.new")
        shutil.copyfile(path, tmp)
        tmp.replace(target)
    return target


def scan_time(loaded: LoadedElection) -> str:
    """The entries' time: the congress's date (the same on every re-reading)."""
    return f"{loaded.election.congress.date.isoformat()}T00:00:00+07:00"


def write_scan(
    loaded: LoadedElection,
    request: ScanRequest,
    sheet: Sheet,
    pages: list[PageResult],
    so_far: SoFar | None = None,
) -> ScanDone:
    """The journal written (or, ``so_far``, continued: one more start … stop whose stop names
    every page still set aside) and the images copied."""
    folder = loaded.folder / "scans" / f"{sheet.contest}-r{sheet.round}"
    path = request.journal or default_journal(loaded, sheet, request.operator)
    if path.exists() and (so_far is None or so_far.path != path):
        raise JournalError.at(msg("journal.exists"), path)  # before any image is copied
    if so_far is not None:
        return _continue(loaded, request, folder, pages, so_far)
    kept = _keep(loaded, folder, pages)
    shas = sorted({p.layout for p in pages if p.layout})
    header: dict[str, Value] = {
        **sheet.header(),
        "operator": request.operator,
        "purpose": "scan",
        "reader": reader.READER,
        "thresholds": _thresholds(sheet),
        "layout_sha256": shas,
        "colour": _colour(pages),
    }
    if header["colour"] == "mixed":
        header["grey_serials"] = [p.serial for p in pages if p.grey]
    time = scan_time(loaded)
    who: dict[str, Value] = {"operator": request.operator}
    with JournalWriter.create(path, time, header) as w:
        w.append("start", time, {**who, "resumed": False})
        aside = _entries(w, time, who, pages, kept)
        w.append("stop", time, {**who, "set_aside": aside})
    return ScanDone(path, folder, pages)


def _entries(
    w: JournalWriter,
    time: str,
    who: dict[str, Value],
    pages: list[PageResult],
    kept: dict[Path, str],
) -> dict[str, str]:
    """Each page's entry: a ballot, or (returned) its set-aside text by serial."""
    aside: dict[str, str] = {}
    for p in pages:
        where: dict[str, Value] = {
            "image": kept[p.source],
            "image_sha256": p.sha256,
            "page": p.page,
        }
        if p.grey:
            where["colour"] = "grey"
        if p.marks is not None:
            fields: dict[str, Value] = {**who, "serial": p.serial, **p.marks.fields()}
            w.append("ballot", time, {**fields, **where, "scores": list(p.scores)})
        else:
            aside[p.serial] = _aside_text(p, kept[p.source])
    return aside


def _keep(loaded: LoadedElection, folder: Path, pages: list[PageResult]) -> dict[Path, str]:
    kept: dict[Path, str] = {}
    for p in pages:
        if p.source not in kept:
            kept[p.source] = _copy(p.source, p.sha256, folder).relative_to(loaded.folder).as_posix()
    return kept


def _continue(
    loaded: LoadedElection,
    request: ScanRequest,
    folder: Path,
    pages: list[PageResult],
    so_far: SoFar,
) -> ScanDone:
    """A later batch of the pile into the journal ``so_far`` read (refused if it moved)."""
    writer, journal = JournalWriter.resume(so_far.path)
    with writer as w:
        if journal.head != so_far.head:
            raise JournalError.at(msg("scan.continue_moved"), so_far.path)
        kept = _keep(loaded, folder, pages)
        time = scan_time(loaded)
        who: dict[str, Value] = {"operator": request.operator}
        start: dict[str, Value] = {
            **who,
            "resumed": True,
            "layout_sha256": sorted({p.layout for p in pages if p.layout}),
            "colour": _colour(pages),
        }
        w.append("start", time, start)
        aside = _entries(w, time, who, pages, kept)
        w.append("stop", time, {**who, "set_aside": {**so_far.aside, **aside}})
    return ScanDone(so_far.path, folder, pages)


def _colour(pages: list[PageResult]) -> str:
    """How the pages were read: ``colour``, ``grey`` (no red could be told from ink: every row
    a seal could touch went to a person), or ``mixed`` (``grey_serials`` names the grey ones,
    and a grey page's ballot entry says ``colour: grey``)."""
    greys = {p.grey for p in pages}
    return "mixed" if len(greys) > 1 else "grey" if True in greys else "colour"


def _thresholds(sheet: Sheet) -> dict[str, str]:
    """The reader's thresholds for this round's layout, in the journal's header."""
    if sheet.layout == "agree_disagree":
        return {
            "ticked": str(reader.TICKED),
            "empty": str(reader.EMPTY),
            "faint": str(reader.FAINT),
            "red": str(reader.RED),
        }
    return {"struck": str(reader.STRUCK), "clean": str(reader.CLEAN), "red": str(reader.RED)}


def _aside_text(p: PageResult, image: str) -> str:
    """Why a page was set aside, in the journal: for the person who takes it up."""
    why = p.unplaced or "review:" + ",".join(map(str, p.review))
    return Aside(p.serial, why, image, p.page, p.sha256).text()


def page_note(p: PageResult, lang: Lang) -> str:
    """One line on stderr for a page set aside."""
    where = f"{p.source.name}#{p.page}"
    if p.unplaced:
        return msg(f"scan.{p.unplaced}", serial=p.serial, where=where).text(lang)
    rows = ", ".join(map(str, p.review))
    return msg("scan.review", serial=p.serial, where=where, rows=rows).text(lang)
