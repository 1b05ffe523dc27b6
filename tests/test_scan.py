"""`tally scan` (issue 20): printed ballots, rendered, degraded as a scanner would, read back.

The test deck is printed with `tally ballots --test-deck`, its pages rendered at 200 dpi,
turned by up to 2°, scaled by up to 2 %, given noise and saved as JPEG (one page fed upside
down); the scan's journal must give every page the deck journal's marks.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

cv2 = pytest.importorskip("cv2")
np = pytest.importorskip("numpy")
pdfium = pytest.importorskip("pypdfium2")
Image = pytest.importorskip("PIL.Image")

from clirun import invoke  # noqa: E402
from scanpages import degrade as _degrade  # noqa: E402
from scanpages import pages as _pages  # noqa: E402
from scanpages import save as _save  # noqa: E402
from tally.entry.journal import read_journal  # noqa: E402
from tally.entry.session import Marks, Sheet, replay  # noqa: E402

XA = Path(__file__).resolve().parents[1] / "examples" / "xa-2025"
UPSIDE_DOWN = 3  # the deck's page fed upside down


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    """(election folder, the deck's journal, the degraded scans of its pages)."""
    base = tmp_path_factory.mktemp("scan")
    election = base / "xa"
    shutil.copytree(XA, election)
    pdf = base / "deck.pdf"
    result = invoke("ballots", election, "--contest", "bch", "-o", pdf, "--test-deck")
    assert result.exit_code == 0, result.stderr
    images = []
    for i, rgb in enumerate(_pages(pdf), start=1):
        page = _degrade(rgb, i)
        if i == UPSIDE_DOWN:
            page = np.ascontiguousarray(page[::-1, ::-1])  # type: ignore[index]
        images.append(_save(page, base / f"page-{i:02}.jpg"))
    return election, base / "deck.journal.jsonl", images


def _scan(election: Path, journal: Path, *images: Path, more: tuple[str, ...] = ()) -> object:
    return invoke(
        "scan",
        election,
        *images,
        "--contest",
        "bch",
        "--operator",
        "máy quét 1",
        "--journal",
        journal,
        *more,
        lang="en",
    )


def _marks(path: Path) -> dict[str, Marks]:
    journal = read_journal(path)
    return replay(Sheet.from_header(journal.header), journal.entries, path).ballots


def test_the_deck_round_trips(deck: tuple[Path, Path, list[Path]], tmp_path: Path) -> None:
    """Every page of the degraded deck (one upside down) reads as the deck's journal says."""
    election, truth, images = deck
    journal = tmp_path / "scan.jsonl"
    result = _scan(election, journal, *images)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == _marks(truth)
    header = read_journal(journal).header
    assert header.str_("reader") == "tally-scan 2" and header.str_("purpose") == "scan"
    assert header.fields["thresholds"] == {"struck": "600", "clean": "120", "red": "30"}
    # the images are kept in the election folder, named and recorded by their SHA-256
    entries = [e for e in read_journal(journal).entries if e.kind == "ballot"]
    for entry, image in zip(entries, images, strict=True):
        kept = election / entry.str_("image")
        assert kept.read_bytes() == image.read_bytes()
        assert entry.str_("image_sha256").startswith(kept.stem)
    # the scan is one more operator: it reconciles with the deck like two people do
    agreed = invoke("reconcile", truth, journal, lang="en")
    assert agreed.exit_code == 0, agreed.stdout + agreed.stderr


def test_rereading_gives_the_same_bytes(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    election, _, images = deck
    chosen = (images[1], images[UPSIDE_DOWN - 1])
    for name in ("a.jsonl", "b.jsonl"):
        assert _scan(election, tmp_path / name, *chosen).exit_code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_another_round_contest_or_drill_is_refused(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """A ballot of another round, another contest or a drill in the pile: exit 2, nothing
    written (the pile is sorted first)."""
    election, _, images = deck
    others = (
        ("--contest", "bch", "--round", "2"),
        ("--contest", "bt"),
        ("--contest", "bch", "--rehearsal"),
    )
    for i, args in enumerate(others):
        pdf = tmp_path / f"other{i}.pdf"
        printed = invoke("ballots", election, "-o", pdf, "--copies", "1", *args)
        assert printed.exit_code == 0, printed.stderr
        other = _save(_pages(pdf)[0], tmp_path / f"other{i}.png")
        journal = tmp_path / "refused.jsonl"
        result = _scan(election, journal, images[0], other)
        assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
        assert "another round or election" in result.stderr  # type: ignore[attr-defined]
        assert other.name in result.stderr  # type: ignore[attr-defined]
        assert not journal.exists()


def _blank_scan(deck: tuple[Path, Path, list[Path]]) -> object:
    return cv2.cvtColor(cv2.imread(str(deck[2][0])), cv2.COLOR_BGR2RGB)


def _row_y(election: Path, position: int) -> tuple[int, int, int]:
    """Where a name is on the 200-dpi page (x start, x end, y middle), from the layout."""
    pdf = election.parent / "deck.pdf"
    layout = json.loads(pdf.with_name("deck.layout.json").read_text("utf-8"))
    box = layout["rows"][position - 1]["name_box"]
    px = 200 / 25.4
    return (
        round(box["x"] * px),
        round((box["x"] + box["w"]) * px),
        round((box["y"] + box["h"] / 2) * px),
    )


def test_red_seal_and_half_strike_go_to_a_person(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """A red seal over a name is not a strike, nor nothing: a person decides; so does a strike
    over a third of a name. Neither page becomes a ballot; the journal names both."""
    election, _, _ = deck
    rgb = _pages(election.parent / "deck.pdf")[0].copy()  # type: ignore[attr-defined]
    sealed = rgb.copy()
    x0, x1, y = _row_y(election, 2)
    cv2.circle(sealed, (x0 + 40, y), 90, (200, 30, 40), thickness=6)
    half = rgb.copy()
    x0, x1, y = _row_y(election, 5)
    cv2.line(half, (x0, y), (x0 + (x1 - x0) // 3, y), (20, 40, 160), thickness=5)
    a, b = _save(sealed, tmp_path / "sealed.png"), _save(half, tmp_path / "half.png")
    journal = tmp_path / "review.jsonl"
    result = _scan(election, journal, a, b)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == {}
    stop = read_journal(journal).entries[-1]
    aside = stop.fields["set_aside"]
    assert isinstance(aside, dict) and set(aside) == {"1", "2"}
    # the seal (11 mm across) touches rows 1 to 3: each of them is for a person
    assert aside["1"].startswith("review:1,2,3 ") and aside["2"].startswith("review:5 ")
    assert "row(s) 1, 2, 3" in result.stderr and "row(s) 5" in result.stderr  # type: ignore[attr-defined]


def test_a_page_without_marks_is_set_aside(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    election, _, images = deck
    white = _save(np.full((800, 600, 3), 255, np.uint8), tmp_path / "white.png")
    journal = tmp_path / "white.jsonl"
    result = _scan(election, journal, white, images[1])
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert set(_marks(journal)) == {"2"}  # the serial is the page's place: 1 is not guessed
    aside = read_journal(journal).entries[-1].fields["set_aside"]
    assert isinstance(aside, dict) and aside["1"].startswith("unplaced.marks ")


def _grey(rgb: object) -> object:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def _seal_in_its_area(rgb: object, election: Path) -> object:
    """A red seal (a 30 mm ring) stamped in the ballot's seal area, 6 mm above its centre."""
    layout = json.loads((election.parent / "deck.layout.json").read_text("utf-8"))
    s, px = layout["seal"], 200 / 25.4
    centre = (round((s["x"] + s["w"] / 2) * px), round((s["y"] + s["h"] / 2 - 6) * px))
    out = rgb.copy()  # type: ignore[attr-defined]
    cv2.circle(out, centre, round(15 * px), (200, 30, 40), 5)
    cv2.circle(out, centre, round(11 * px), (200, 30, 40), 2)
    return out


def test_greyscale_deck_round_trips(deck: tuple[Path, Path, list[Path]], tmp_path: Path) -> None:
    """A greyscale scan of the deck (a seal in its area on every page; one page a colour file
    whose pixels are all grey, as a greyscale scanner's "colour" files are) reads as the deck
    says: no row is near the seal, so none goes to a person; the journal says ``grey``."""
    election, truth, _ = deck
    images = []
    for i, rgb in enumerate(_pages(election.parent / "deck.pdf"), start=1):
        page = _grey(_degrade(_seal_in_its_area(rgb, election), 40 + i))
        if i == 2:
            page = cv2.cvtColor(page, cv2.COLOR_GRAY2RGB)  # three channels, no colour
        images.append(_save(page, tmp_path / f"grey-{i:02}.jpg"))
    journal = tmp_path / "grey.jsonl"
    result = _scan(election, journal, *images)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == _marks(truth)
    read = read_journal(journal)
    assert read.header.str_("colour") == "grey"
    ballots = [e for e in read.entries if e.kind == "ballot"]
    assert len(ballots) == len(images) and all(e.str_("colour") == "grey" for e in ballots)


def test_greyscale_seal_over_a_name_goes_to_a_person(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """In grey a red seal looks like ink: a seal stamped over name 2 of a ballot with every
    name struck sends the rows it reaches to a person, never read as struck or kept; so
    does a strike in red pen (lighter than blue or black in grey); the same ballot in colour
    beside them is read, and the journal says which pages were grey."""
    election, _, _ = deck
    every = _pages(election.parent / "deck.pdf")[1].copy()  # type: ignore[attr-defined]
    sealed = every.copy()
    x0, _, y = _row_y(election, 2)
    cv2.circle(sealed, (x0 + 40, y), 90, (200, 30, 40), thickness=6)
    grey = _save(_grey(_degrade(sealed, 7)), tmp_path / "sealed-grey.png")
    colour = _save(_degrade(_seal_in_its_area(every, election), 8), tmp_path / "colour.png")
    red = _pages(election.parent / "deck.pdf")[0].copy()  # type: ignore[attr-defined]
    x0, x1, y = _row_y(election, 5)
    cv2.line(red, (x0 - 5, y), (x1 + 5, y), (200, 30, 40), thickness=4)  # a red pen, in grey
    red_grey = _save(_grey(_degrade(red, 9)), tmp_path / "red-grey.png")
    journal = tmp_path / "sealed.jsonl"
    result = _scan(election, journal, colour, grey, red_grey)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == {"1": Marks(struck=tuple(range(1, 12)))}
    read = read_journal(journal)
    assert read.header.str_("colour") == "mixed"
    assert read.header.fields["grey_serials"] == ["2", "3"]
    aside = read.entries[-1].fields["set_aside"]
    assert isinstance(aside, dict) and set(aside) == {"2", "3"}
    assert aside["3"].startswith("review:5 ")  # ink as light as red turns in grey
    rows = [int(r) for r in aside["2"].split(" ")[0].removeprefix("review:").split(",")]
    assert 2 in rows and max(rows) <= 4, rows  # the rows the ring reaches, not the page


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "cv2", None)
    result = invoke("scan", XA, tmp_path / "x.png", "--contest", "bch", "--operator", "a")
    assert result.exit_code == 2
    assert "pip install 'tally[scan]'" in result.stderr


def test_not_an_image_and_an_existing_journal_are_refused(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    election = deck[0]
    text = tmp_path / "notes.png"
    text.write_text("not a scan", encoding="utf-8")
    result = _scan(election, tmp_path / "n.jsonl", text)
    assert result.exit_code == 2 and "notes.png" in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    journal = tmp_path / "old.jsonl"
    journal.write_text("{}\n", encoding="utf-8")
    stray = _save(np.full((400, 300, 3), 250, np.uint8), tmp_path / "stray.png")
    result = _scan(election, journal, stray)
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    assert journal.read_text(encoding="utf-8") == "{}\n"
    kept = list((election / "scans").rglob("*"))
    assert not any(p.read_bytes() == stray.read_bytes() for p in kept if p.is_file())


HUYEN = XA.parent / "huyen-2020"


@pytest.fixture(scope="module")
def agree_deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    """huyen-2020's contest pbt (2 seats, 2 names: agree/disagree): (election folder, the
    deck's journal, the degraded scans of its 4 pages, the second one fed upside down)."""
    base = tmp_path_factory.mktemp("agree")
    election = base / "huyen"
    shutil.copytree(HUYEN, election)
    pdf = base / "deck.pdf"
    result = invoke("ballots", election, "--contest", "pbt", "-o", pdf, "--test-deck")
    assert result.exit_code == 0, result.stderr
    images = []
    for i, rgb in enumerate(_pages(pdf), start=1):
        page = _degrade(rgb, 10 + i)
        if i == 2:
            page = np.ascontiguousarray(page[::-1, ::-1])  # type: ignore[index]
        images.append(_save(page, base / f"page-{i:02}.jpg"))
    return election, base / "deck.journal.jsonl", images


def _scan_pbt(election: Path, journal: Path, *images: Path) -> object:
    return invoke(
        "scan", election, *images, "--contest", "pbt", "--operator", "máy quét 1",
        "--journal", journal, lang="en",
    )  # fmt: skip


def test_agree_disagree_deck_round_trips(
    agree_deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """The deck's crosses (✗) read back as the deck's journal: neither box on every row,
    disagree on every row, disagree on each row alone (agree on the others)."""
    election, truth, images = agree_deck
    journal = tmp_path / "scan.jsonl"
    result = _scan_pbt(election, journal, *images)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == _marks(truth)
    assert list(_marks(journal).values()) == [
        Marks(unmarked=(1, 2)),
        Marks(struck=(1, 2)),
        Marks(struck=(1,)),
        Marks(struck=(2,)),
    ]
    header = read_journal(journal).header
    assert header.fields["thresholds"] == {
        "ticked": "400",
        "empty": "200",
        "faint": "205",
        "red": "30",
    }
    ballot = next(e for e in read_journal(journal).entries if e.kind == "ballot")
    assert len(ballot.ints("scores")) == 4  # the agree and disagree boxes of both rows
    assert invoke("reconcile", truth, journal, lang="en").exit_code == 0


def _box_px(election: Path, position: int, which: str) -> tuple[int, int, int]:
    """A tick box on the 200-dpi page: (x centre, y centre, half its side)."""
    layout = json.loads((election.parent / "deck.layout.json").read_text("utf-8"))
    box = layout["rows"][position - 1][f"{which}_box"]
    px = 200 / 25.4
    return (
        round((box["x"] + box["w"] / 2) * px),
        round((box["y"] + box["h"] / 2) * px),
        round(box["w"] / 2 * px),
    )


def _check(img: object, where: tuple[int, int, int], colour: tuple[int, int, int]) -> None:
    """A check mark (✓) in a box, running a little out of it at the top right."""
    x, y, r = where
    pts = np.array([(x - r + 4, y), (x - r // 3, y + r - 3), (x + r + 6, y - r - 5)], np.int32)
    cv2.polylines(img, [pts], False, colour, 3)


def _cross(img: object, where: tuple[int, int, int]) -> None:
    x, y, r = where
    cv2.line(img, (x - r + 5, y - r + 5), (x + r - 5, y + r - 5), (30, 30, 30), 3)
    cv2.line(img, (x - r + 5, y + r - 5), (x + r - 5, y - r + 5), (30, 30, 30), 3)


def test_agree_disagree_ticks_both_and_a_faint_tick(
    agree_deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """Check marks and crosses drawn by hand on the blank ballot: agree and disagree read as
    such; both boxes ticked read as both (``unmarked``: the rule set decides what that makes
    the ballot, not the reader); a faint tick, or one in red, is neither read nor ignored:
    the page is set aside."""
    election, _, _ = agree_deck
    blank = _pages(election.parent / "deck.pdf")[0]  # neither box marked on any row
    blue, faint = (20, 40, 160), (190, 190, 200)
    pages = [blank.copy() for _ in range(4)]  # type: ignore[attr-defined]
    _check(pages[0], _box_px(election, 1, "agree"), blue)
    _cross(pages[0], _box_px(election, 2, "disagree"))
    _cross(pages[1], _box_px(election, 1, "agree"))
    _check(pages[1], _box_px(election, 1, "disagree"), blue)
    _check(pages[2], _box_px(election, 1, "agree"), faint)
    _check(pages[2], _box_px(election, 2, "disagree"), blue)
    _check(pages[3], _box_px(election, 1, "agree"), blue)
    _check(pages[3], _box_px(election, 2, "agree"), (200, 30, 40))  # a red pen: not nothing
    images = [_save(_degrade(p, 20 + i), tmp_path / f"ticks-{i}.jpg") for i, p in enumerate(pages)]
    journal = tmp_path / "ticks.jsonl"
    result = _scan_pbt(election, journal, *images)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == {
        "1": Marks(struck=(2,)),  # agree on row 1, disagree on row 2
        "2": Marks(unmarked=(1, 2)),  # both boxes on row 1, neither on row 2
    }
    aside = read_journal(journal).entries[-1].fields["set_aside"]
    assert isinstance(aside, dict) and set(aside) == {"3", "4"}
    assert aside["3"].startswith("review:1 ") and aside["4"].startswith("review:2 ")
    assert "row(s) 1" in result.stderr and "row(s) 2" in result.stderr  # type: ignore[attr-defined]


def _bench() -> object:
    """bench/bench_scan.py, whose phone-photo generator the tests share."""
    path = Path(__file__).resolve().parents[1] / "bench" / "bench_scan.py"
    spec = importlib.util.spec_from_file_location("bench_scan", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_phone_photos_of_the_deck_are_read_or_set_aside_never_wrong(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """Phone photos of deck pages (on a table, at an angle, about 150 dpi, a gradient, a
    shadow, dark corners, blur, JPEG 60; the bench's generator): each page is read as the
    deck says or set aside, never read otherwise, and most are read."""
    election, truth, _ = deck
    photo = _bench().photo  # type: ignore[attr-defined]
    rgb = _pages(election.parent / "deck.pdf")
    chosen = (0, 1, 2, 5, 8)  # blank, every name struck, names 1, 4 and 7 struck alone
    images = []
    for i in chosen:
        img = photo(rgb[i], np.random.default_rng(30 + i))
        images.append(_save(img, tmp_path / f"photo-{i:02}.jpg"))
    journal = tmp_path / "photos.jsonl"
    result = _scan(election, journal, *images)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    expected = list(_marks(truth).values())
    read = _marks(journal)
    for serial, marks in read.items():
        assert marks == expected[chosen[int(serial) - 1]], serial
    assert len(read) >= 4, read


def test_a_square_taken_for_a_corner_mark_sets_the_page_aside(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """The top right mark torn off and a black square 20 mm lower, nearer the names: the
    page warped on it does not look like the blank, so it is set aside, never read."""
    election, _, _ = deck
    rgb = _pages(election.parent / "deck.pdf")[1].copy()  # type: ignore[attr-defined]
    layout = json.loads((election.parent / "deck.layout.json").read_text("utf-8"))
    px = 200 / 25.4
    x, y = (round(v * px) for v in layout["marks"][1]["centre"])
    half = round(layout["marks"][1]["size"] * px / 2) + 3
    rgb[y - half : y + half, x - half : x + half] = 255
    cv2.rectangle(rgb, (x - half, y + 160 - half), (x + half - 6, y + 160 + half - 6), 0, -1)
    image = _save(rgb, tmp_path / "torn.png")
    journal = tmp_path / "torn.jsonl"
    result = _scan(election, journal, image)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _marks(journal) == {}
    aside = read_journal(journal).entries[-1].fields["set_aside"]
    assert isinstance(aside, dict) and aside["1"].startswith("unplaced.marks ")


def test_a_file_that_is_no_image_or_a_folder_is_refused_in_vietnamese(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """A text file or a folder among the images: exit 2, in the catalogue's words, never a
    library's English (PIL's "cannot identify image file", click's "is a directory")."""
    from vietnamese import english_words

    election = deck[0]
    text = tmp_path / "notes.png"
    text.write_text("not a scan", encoding="utf-8")
    for image in (text, tmp_path):
        result = invoke(
            "scan", election, image, "--contest", "bch", "--operator", "máy quét 1",
            "--journal", tmp_path / "n.jsonl",
        )  # fmt: skip
        assert result.exit_code == 2, result.stderr
        assert not english_words(result.stderr), result.stderr
        assert "BytesIO" not in result.stderr
    assert "là thư mục, không phải tệp" in result.stderr


def test_a_pile_pdf_is_read_a_page_at_a_time(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """A scanner's PDF of the whole pile is read page by page (a 500-page pile at 200 dpi
    would be gigabytes at once), and the review renders only the page it shows."""
    from tally.config.loader import load_election
    from tally.scan import reader
    from tally.scan.run import ScanRequest, read_scans

    election, _, images = deck
    pdf = tmp_path / "pile.pdf"
    pil = [Image.open(p).convert("RGB") for p in images[:3]]
    pil[0].save(pdf, save_all=True, append_images=pil[1:], resolution=200)
    data = pdf.read_bytes()
    pages = reader.iter_pages(pdf, data)
    assert not isinstance(pages, list)
    assert [p.number for p in pages] == [1, 2, 3]
    second = reader.page_of(pdf, data, 2)
    assert second is not None and second.number == 2
    assert reader.page_of(pdf, data, 4) is None
    told: list[int] = []
    request = ScanRequest("bch", 1, (pdf,), "máy quét 1")
    _, read = read_scans(load_election(election), request, told.append)
    assert told == [1, 2, 3] and [p.page for p in read] == [1, 2, 3]


def test_the_same_scan_given_twice_is_refused(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """Two sheets of paper never make the same image: the same file (or the same page inside
    two PDFs) named twice would count one ballot twice, so nothing is written (exit 2)."""
    election, _, images = deck
    journal = tmp_path / "twice.jsonl"
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(images[1].read_bytes())
    for pile in ((images[0], images[1], images[1]), (images[1], copy)):
        result = _scan(election, journal, *pile)
        assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
        assert "twice" in result.stderr and images[1].name in result.stderr  # type: ignore[attr-defined]
        assert not journal.exists()
    pdfs = []
    for name, pages in (("a.pdf", images[:2]), ("b.pdf", images[1:3])):
        pil = [Image.open(p).convert("RGB") for p in pages]
        pil[0].save(tmp_path / name, save_all=True, append_images=pil[1:], resolution=200)
        pdfs.append(tmp_path / name)
    result = _scan(election, journal, *pdfs)
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    assert "a.pdf#2" in result.stderr and "b.pdf#1" in result.stderr  # type: ignore[attr-defined]
    assert not journal.exists()


def test_a_pile_scanned_in_batches_continues_one_journal(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """A jammed scanner: the rest of the pile is scanned into the same journal, numbered on
    from the last page; an image the journal already holds is refused (exit 2, nothing
    written), as is a journal that is not a scan's; the pages set aside stay for review."""
    election, truth, images = deck
    journal = tmp_path / "batches.jsonl"
    white = _save(np.full((800, 600, 3), 255, np.uint8), tmp_path / "white.png")
    first = _scan(election, journal, images[0], white)
    assert first.exit_code == 0, first.stderr  # type: ignore[attr-defined]
    before = journal.read_bytes()
    again = _scan(election, journal, images[2], images[0])  # the jam: page 1 fed again
    assert again.exit_code == 2, again.stderr  # type: ignore[attr-defined]
    assert "read into this journal already" in again.stderr  # type: ignore[attr-defined]
    assert journal.read_bytes() == before
    rest = _scan(election, journal, *images[1:])
    assert rest.exit_code == 0, rest.stderr  # type: ignore[attr-defined]
    marks = _marks(journal)
    expected = list(_marks(truth).values())
    assert marks == {"1": expected[0], **{str(i + 3): m for i, m in enumerate(expected[1:])}}
    entries = read_journal(journal).entries  # one chain, two batches
    assert [e.kind for e in entries].count("start") == 2
    assert entries[-1].fields["set_aside"] == {"2": entries[-1].fields["set_aside"]["2"]}
    assert _scan(election, truth, images[1]).exit_code == 2  # the deck's journal: not a scan


def test_pages_read_are_measured_against_the_ballots_collected(
    deck: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """Each run says how many pages of the round are read, of the ballots the board
    collected (or issued), and warns loudly past it: a double feed shows as fewer, a page
    scanned twice or a sheet that is no ballot as more."""
    election, _, images = deck
    journal = tmp_path / "paper.jsonl"
    first = _scan(election, journal, *images[:2])
    assert "2 page(s) of this round read so far, of the 108 ballots issued" in first.stderr  # type: ignore[attr-defined]
    rest = _scan(election, journal, *images[2:4])
    assert "4 page(s) of this round read so far" in rest.stderr  # type: ignore[attr-defined]
    few = tmp_path / "few"
    shutil.copytree(election, few, ignore=shutil.ignore_patterns("scans", "journals"))
    yaml = few / "election.yaml"
    yaml.write_text(
        yaml.read_text("utf-8").replace("      - issued: 108\n        ballots: ballots/bch-1.csv",
                                        "      - issued: 108\n        collected: 3\n        ballots: ballots/bch-1.csv"),
        "utf-8",
    )  # fmt: skip
    over = _scan(few, tmp_path / "over.jsonl", *images[:4])
    assert over.exit_code == 0, over.stderr  # type: ignore[attr-defined]
    assert "WARNING: 4 pages read, more than the 3 ballots collected" in over.stderr  # type: ignore[attr-defined]
