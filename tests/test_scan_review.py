"""`tally scan --review` (issue 20): a named person decides the pages the reader set aside.

One blank ballot of xa-2025's bch is printed and rendered; row 2 is struck across the whole
name (the reader decides it), row 5 over a third of it (the reader sets the page aside); a
white page cannot be placed at all. The review walks both from a pipe, as a person would.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

cv2 = pytest.importorskip("cv2")
np = pytest.importorskip("numpy")
pdfium = pytest.importorskip("pypdfium2")

from clirun import invoke  # noqa: E402
from scanpages import pages  # noqa: E402
from scanpages import save as _save  # noqa: E402
from tally.entry.journal import Entry, read_journal  # noqa: E402
from tally.entry.session import Marks, Sheet, replay  # noqa: E402
from vietnamese import english_words  # noqa: E402

XA = Path(__file__).resolve().parents[1] / "examples" / "xa-2025"
SCANNER = "máy quét 1"
REVIEWER = "Trần Thị Bình"


def _first_page(pdf: Path) -> object:
    return pages(pdf)[0]


def _name_px(layout: Path, position: int) -> tuple[int, int, int]:
    box = json.loads(layout.read_text("utf-8"))["rows"][position - 1]["name_box"]
    px = 200 / 25.4
    return (
        round(box["x"] * px),
        round((box["x"] + box["w"]) * px),
        round((box["y"] + box["h"] / 2) * px),
    )


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """(a pristine election folder, [the partly struck page, the white page])."""
    base = tmp_path_factory.mktemp("review")
    election = base / "xa"
    shutil.copytree(XA, election)
    pdf = base / "bch.pdf"
    assert (
        invoke("ballots", election, "--contest", "bch", "-o", pdf, "--copies", "1").exit_code == 0
    )
    page = _first_page(pdf)
    layout = pdf.with_name("bch.layout.json")
    x0, x1, y = _name_px(layout, 2)
    cv2.line(page, (x0 - 10, y), (x1 + 10, y), (20, 40, 160), thickness=5)  # row 2: struck
    x0, x1, y = _name_px(layout, 5)
    cv2.line(page, (x0, y), (x0 + (x1 - x0) // 3, y), (20, 40, 160), thickness=5)  # a third
    white = np.full((900, 640, 3), 255, np.uint8)
    return election, [_save(page, base / "partial.png"), _save(white, base / "white.png")]


@pytest.fixture
def scanned(drawn: tuple[Path, list[Path]], tmp_path: Path) -> tuple[Path, Path]:
    """(election folder, its scan journal in journals/): both pages set aside."""
    election = tmp_path / "xa"
    shutil.copytree(drawn[0], election)
    result = invoke("scan", election, *drawn[1], "--contest", "bch", "--operator", SCANNER)
    assert result.exit_code == 0, result.stderr
    (journal,) = (election / "journals").glob("*.jsonl")
    aside = read_journal(journal).entries[-1].fields["set_aside"]
    assert isinstance(aside, dict) and sorted(aside) == ["1", "2"]
    assert aside["1"].startswith("review:5 ") and aside["2"].startswith("unplaced.marks ")
    return election, journal


def _review(election: Path, typed: str, *more: str, lang: str = "en") -> object:
    return invoke(
        "scan", election, "--contest", "bch", "--review", "--operator", REVIEWER, *more,
        input=typed, lang=lang,
    )  # fmt: skip


def _entries(journal: Path, kind: str) -> list[Entry]:
    return [e for e in read_journal(journal).entries if e.kind == kind]


def _ballots(journal: Path) -> dict[str, Marks]:
    j = read_journal(journal)
    return replay(Sheet.from_header(j.header), j.entries, journal).ballots


def test_review_writes_who_and_when(scanned: tuple[Path, Path]) -> None:
    election, journal = scanned
    before = read_journal(journal).head
    result = _review(election, "2 5\n!w\n")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    err = result.stderr  # type: ignore[attr-defined]
    assert REVIEWER in err and SCANNER in err  # who decides, and whose scan it was
    assert "row(s) undecided: 5" in err and "corner marks" in err
    assert _ballots(journal) == {"1": Marks(struck=(2, 5)), "2": Marks(invalid="write_in")}
    entries = read_journal(journal).entries  # the same journal, its chain kept
    assert any(e.hash == before for e in entries)
    reviewed = _entries(journal, "ballot")
    for entry, serial, page in zip(reviewed, ("1", "2"), (1, 1), strict=True):
        assert entry.str_("serial") == serial and entry.fields["reviewed"] is True
        assert entry.str_("operator") == REVIEWER
        assert entry.int_("page") == page and entry.str_("image").startswith("scans/bch-r1/")
        assert len(entry.str_("image_sha256")) == 64
        when = datetime.fromisoformat(entry.time)  # the clock, not the congress's date
        assert when.utcoffset() is not None and entry.time != entries[0].time
    names = len(Sheet.from_header(entries[0]).candidates)
    assert len(reviewed[0].ints("scores")) == names and reviewed[1].ints("scores") == []
    assert reviewed[0].ints("scores")[1] >= 600  # row 2, struck across: the reader's score
    start, stop = entries[-len(reviewed) - 2], entries[-1]
    assert start.kind == "start" and start.fields["review"] is True
    assert stop.kind == "stop" and stop.fields["set_aside"] == {}
    again = _review(election, "")
    assert again.exit_code == 0 and "no page set aside" in again.stderr  # type: ignore[attr-defined]
    assert len(read_journal(journal).entries) == len(entries)  # nothing written


def test_review_page_shows_crops_and_the_unplaced_page(scanned: tuple[Path, Path]) -> None:
    election, journal = scanned
    said = _review(election, "5\n\n", "--html", str(election / "first.html"), lang="vi")
    assert said.exit_code == 0  # type: ignore[attr-defined]
    out = said.stdout + said.stderr  # type: ignore[attr-defined]
    assert "khác với cách máy đọc" in out and english_words(out) == []
    assert _review(election, "", lang="vi").exit_code == 0  # type: ignore[attr-defined]
    page = journal.with_name(journal.name.removesuffix(".jsonl") + ".review.html")
    html = page.read_text("utf-8")
    images = re.findall(r'src="data:image/png;base64,[A-Za-z0-9+/=]+"', html)
    assert len(images) == 3  # row 5 and the blank's row 5; the white page whole
    assert 'src="http' not in html and "href=" not in html  # nothing outside the file
    assert "Phiếu 1" in html and "Phiếu 2" in html and "Phiếu trắng" in html
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
    assert english_words(text) == []
    # deterministic: the same journal and images give the same bytes (nothing was decided)
    first = page.read_bytes()
    other = journal.with_name("other.html")
    assert _review(election, "", "--html", str(other), lang="vi").exit_code == 0  # type: ignore[attr-defined]
    assert other.read_bytes() == first
    en = _review(election, "", "--html", str(other)).exit_code  # type: ignore[attr-defined]
    assert en == 0 and "Blank ballot" in other.read_text("utf-8")


def test_skip_then_review_again(scanned: tuple[Path, Path]) -> None:
    election, journal = scanned
    result = _review(election, "skip\n0\n")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _ballots(journal) == {"2": Marks()}
    first, now = _entries(journal, "stop")
    scan_aside = first.fields["set_aside"]
    assert isinstance(scan_aside, dict)
    assert now.fields["set_aside"] == {"1": scan_aside["1"]}  # the page skipped, as it was
    again = _review(election, "2 5\n")  # only page 1 is offered now
    assert again.exit_code == 0, again.stderr  # type: ignore[attr-defined]
    assert "ballot 2 " not in again.stderr  # type: ignore[attr-defined]
    assert _ballots(journal) == {"2": Marks(), "1": Marks(struck=(2, 5))}
    assert read_journal(journal).entries[-1].fields["set_aside"] == {}


def test_contradicting_the_reader_needs_confirming(scanned: tuple[Path, Path]) -> None:
    """Row 2 is struck across the whole name: the reader decided it. Typing the ballot without
    row 2 is shown and written only once typed again; another reading starts over."""
    election, journal = scanned
    result = _review(election, "5\n5\n")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert "differs from the reader's reading on rows 2 (struck)" in result.stdout  # type: ignore[attr-defined]
    assert _ballots(journal) == {"1": Marks(struck=(5,))}
    agreed = _review(election, "0\n")  # page 2 has no reading to contradict
    assert agreed.exit_code == 0 and _ballots(journal)["2"] == Marks()  # type: ignore[attr-defined]


def test_contradiction_retyped_differently_is_not_written(scanned: tuple[Path, Path]) -> None:
    election, journal = scanned
    result = _review(election, "5\n\n")  # not confirmed, then left for later
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert _ballots(journal) == {}


def test_not_a_scan_journal_and_a_changed_image_are_refused(
    scanned: tuple[Path, Path], tmp_path: Path
) -> None:
    election, journal = scanned
    typed = tmp_path / "typed.jsonl"
    entered = invoke(
        "enter", election, "--contest", "bch", "--operator", "An", "--journal", typed, "--plain",
        input="1 2\n", lang="en",
    )  # fmt: skip
    assert entered.exit_code == 0, entered.stderr
    refused = _review(election, "2 5\n", "--journal", str(typed))
    assert refused.exit_code == 2  # type: ignore[attr-defined]
    assert "typed.jsonl" in refused.stderr and "tally scan" in refused.stderr  # type: ignore[attr-defined]
    size = journal.stat().st_size
    kept = max((election / "scans" / "bch-r1").glob("*.png"), key=lambda p: p.stat().st_size)
    kept.write_bytes(kept.read_bytes() + b"\0")
    changed = _review(election, "2 5\n")
    assert changed.exit_code == 2, changed.stderr  # type: ignore[attr-defined]
    assert kept.name in changed.stderr and "has changed" in changed.stderr  # type: ignore[attr-defined]
    assert journal.stat().st_size == size  # nothing written


def test_usage_images_or_review(scanned: tuple[Path, Path]) -> None:
    election, _ = scanned
    none = invoke("scan", election, "--contest", "bch", "--operator", "x", lang="en")
    assert none.exit_code == 2 and "--review" in none.stderr
    both = invoke("scan", election, "x.png", "--contest", "bch", "--operator", "x", "--review")
    assert both.exit_code == 2 and "Traceback" not in both.stderr


def test_export_and_reconcile_after_review(scanned: tuple[Path, Path], tmp_path: Path) -> None:
    """The reviewed ballots are ordinary ballots: exported, and reconciled with a person's
    keyboard entry of the same two papers as two people's are."""
    election, journal = scanned
    assert _review(election, "2 5\n!w\n").exit_code == 0  # type: ignore[attr-defined]
    out = tmp_path / "scan.csv"
    exported = invoke(
        "entry", "export", election, "--contest", "bch", "--journal", journal, "-o", out,
        lang="en",
    )  # fmt: skip
    assert exported.exit_code == 0, exported.stderr
    assert out.read_text("utf-8").splitlines() == [
        "ballot,struck,unmarked,invalid",
        "1,2 5,,",
        "2,,,write_in",
    ]
    typed = tmp_path / "person.jsonl"
    entered = invoke(
        "enter", election, "--contest", "bch", "--operator", "An", "--journal", typed, "--plain",
        input="2 5\n!w\n", lang="en",
    )  # fmt: skip
    assert entered.exit_code == 0, entered.stderr
    agreed = invoke("reconcile", typed, journal, lang="en")
    assert agreed.exit_code == 0, agreed.stdout + agreed.stderr
    typed2 = tmp_path / "person2.jsonl"
    invoke(
        "enter", election, "--contest", "bch", "--operator", "Bảo", "--journal", typed2,
        "--plain", input="2\n!w\n", lang="en",
    )  # fmt: skip
    differs = invoke("reconcile", typed2, journal, lang="en")
    assert differs.exit_code == 1, differs.stdout + differs.stderr
    assert "A: 2   B: 2 5" in differs.stdout + differs.stderr


def test_full_screen_app_walks_the_same(scanned: tuple[Path, Path]) -> None:
    """The full-screen app: the same walk (a contradiction confirmed, a page skipped, Esc
    clears the line), the same entries."""
    import asyncio

    from textual.widgets import Input

    from tally.config.loader import load_election
    from tally.entry.journal import JournalWriter
    from tally.scan.review import Placer, ReviewWalk, load_page, pending
    from tally.tui.review_app import ReviewApp

    election, journal = scanned
    loaded = load_election(election)
    writer, read = JournalWriter.resume(journal)
    sheet = Sheet.from_header(read.header)
    todo = pending(read, replay(sheet, read.entries, journal))
    placer = Placer(loaded, sheet)
    walk = ReviewWalk(
        writer,
        sheet,
        [placer.view(a, load_page(loaded, a)) for a in todo],
        REVIEWER,
        lambda: "2026-01-02T09:00:00+07:00",
        "en",
    )
    app = ReviewApp(walk, journal.with_suffix(".html"))

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            line = app.query_one("#line", Input)
            assert "row(s) undecided: 5" in str(app.query_one("#page").render())
            for text in ("5", "5"):
                line.value = text
                await pilot.press("enter")
            assert "differs from the reader" in str(app.query_one("#log").render())
            assert "corner marks" in str(app.query_one("#page").render())  # page 2 now
            line.value = "oops"
            await pilot.press("escape")
            assert line.value == ""
            await pilot.press("enter")  # an empty line: page 2 stays aside
        assert app.return_code == 0

    try:
        asyncio.run(main())
        walk.close()
    finally:
        writer.close()
    assert _ballots(journal) == {"1": Marks(struck=(5,))}
    stop = read_journal(journal).entries[-1]
    assert stop.kind == "stop" and list(stop.fields["set_aside"]) == ["2"]  # type: ignore[arg-type]


def test_agree_disagree_review(tmp_path: Path) -> None:
    """huyen-2020's pbt (agree/disagree): row 1 ticked agree in blue (the reader decides it),
    a faint tick in row 2's disagree box (a person decides). Typing row 1 as disagree
    contradicts the reader; row 2 as disagree does not."""
    election = tmp_path / "huyen"
    shutil.copytree(XA.parent / "huyen-2020", election)
    pdf = tmp_path / "pbt.pdf"
    assert invoke("ballots", election, "--contest", "pbt", "-o", pdf).exit_code == 0
    page = _first_page(pdf)
    rows = json.loads(pdf.with_name("pbt.layout.json").read_text("utf-8"))["rows"]
    px = 200 / 25.4
    for (position, which), colour in (((1, "agree"), (20, 40, 160)), ((2, "disagree"), (190,) * 3)):
        box = rows[position - 1][f"{which}_box"]
        x, y = round((box["x"] + box["w"] / 2) * px), round((box["y"] + box["h"] / 2) * px)
        r = round(box["w"] / 2 * px)
        pts = np.array([(x - r + 4, y), (x - r // 3, y + r - 3), (x + r - 2, y - r + 2)], np.int32)
        cv2.polylines(page, [pts], False, colour, 3)
    image = _save(page, tmp_path / "ticks.png")
    scanned = invoke("scan", election, image, "--contest", "pbt", "--operator", SCANNER)
    assert scanned.exit_code == 0, scanned.stderr
    (journal,) = (election / "journals").glob("*.jsonl")
    result = invoke(
        "scan", election, "--contest", "pbt", "--review", "--operator", REVIEWER,
        input="1 2\n2\n", lang="en",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "rows 1 (agree)" in result.stdout
    assert "agree" in result.stderr and "undecided" in result.stderr
    assert _ballots(journal) == {"1": Marks(struck=(2,))}
    assert len(_entries(journal, "ballot")[0].ints("scores")) == 4  # both boxes, both rows


def test_the_scan_operator_may_review_and_is_named(scanned: tuple[Path, Path]) -> None:
    election, journal = scanned
    result = invoke(
        "scan", election, "--contest", "bch", "--review", "--operator", SCANNER,
        input="2 5\n", lang="en",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert f"the one who ran the scan ({SCANNER})" in result.stderr
    assert _entries(journal, "ballot")[0].str_("operator") == SCANNER


def test_only_marks_are_taken_and_quit_leaves_the_rest(scanned: tuple[Path, Path]) -> None:
    """A serial, a correction or an undo is not a page's reading: refused, the page still
    asked; ':q' stops, and the pages not reached stay set aside."""
    election, journal = scanned
    result = _review(election, "#7 2 5\n:fix 1 2\n:undo\nabc\n2 5\n:q\n0\n")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert result.stdout.count("type only this ballot's marks") == 3  # type: ignore[attr-defined]
    assert _ballots(journal) == {"1": Marks(struck=(2, 5))}
    assert list(_entries(journal, "stop")[-1].fields["set_aside"]) == ["2"]  # type: ignore[arg-type]


def test_the_entry_log_of_a_scan_says_what_the_machine_read_and_who_decided(
    drawn: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """The printed entry log of a scan journal does not claim the scan's times are a clock's
    (they are the congress's date, so re-reading gives the same journal), and tells the
    reader's ballots from a person's decisions."""
    election = tmp_path / "xa"
    shutil.copytree(drawn[0], election)
    blank = _save(_first_page(drawn[0].parent / "bch.pdf"), tmp_path / "blank.png")
    images = [*drawn[1], blank]
    assert (
        invoke("scan", election, *images, "--contest", "bch", "--operator", SCANNER).exit_code == 0
    )
    (journal,) = (election / "journals").glob("*.jsonl")
    assert _review(election, "2 5\n\n").exit_code == 0  # type: ignore[attr-defined]
    for lang, said in (
        ("en", ("read from a scan", "decided by a person", "decision on pages set aside")),
        ("vi", ("đọc từ ảnh quét", "người quyết định", "quyết định phiếu để riêng")),
    ):
        out = tmp_path / f"log-{lang}.md"
        logged = invoke("entry", "log", election, "--contest", "bch", "--journal", journal,
                        "-o", out, lang=lang)  # fmt: skip
        assert logged.exit_code == 0, logged.stderr  # type: ignore[attr-defined]
        text = out.read_text("utf-8")
        for words in said:
            assert words in text.lower(), (lang, words)
    text = (tmp_path / "log-en.md").read_text("utf-8")
    assert "the congress's date, not a clock" in text
    assert not english_words((tmp_path / "log-vi.md").read_text("utf-8"))
