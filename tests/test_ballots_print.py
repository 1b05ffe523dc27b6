"""`tally ballots` (issue 20): the printed ballots, their layout document and the test deck."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from clirun import invoke
from tally.entry.journal import read_journal
from tally.entry.session import Marks, Sheet, replay
from tally.errors import OptionError
from tally.paper.layout import (
    PAPERS,
    SEAL_CLEAR,
    BallotFacts,
    BallotLayout,
    Box,
    every_box,
    max_rows,
    place,
    seal_reach,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
XA = EXAMPLES / "xa-2025"
XA_NAMES = ["Trần Thị Kim Anh", "Nguyễn Thị Hằng", "Đoàn Văn Lộc", "Trương Văn Quang"]


def _print(tmp_path: Path, name: str, *args: str, election: Path = XA) -> Path:
    out = tmp_path / f"{name}.pdf"
    if "--copies" not in args and "--test-deck" not in args:
        args = (*args, "--copies", "1")  # one page is enough to look at
    result = invoke("ballots", election, "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    return out


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    """Printing twice gives the same PDF and the same layout (no clock, no random ids)."""
    a = _print(tmp_path, "a", "--contest", "bch")
    b = _print(tmp_path, "b", "--contest", "bch")
    assert a.read_bytes() == b.read_bytes()
    assert (tmp_path / "a.layout.json").read_bytes() == (tmp_path / "b.layout.json").read_bytes()


def test_rehearsal_changes_the_layout_code(tmp_path: Path) -> None:
    """A drill's ballots carry another layout code: a scan of one is never taken for real."""
    a = _print(tmp_path, "a", "--contest", "bch")
    b = _print(tmp_path, "b", "--contest", "bch", "--rehearsal")
    assert a.read_bytes() != b.read_bytes()
    assert json.loads((tmp_path / "b.layout.json").read_text("utf-8"))["rehearsal"] is True


def _measure(text: str, pt: float, bold: bool) -> float:
    return len(text) * pt * 0.2  # wide enough to make the long names shrink


@pytest.mark.parametrize("paper", ["a5", "a4"])
@pytest.mark.parametrize("kind", ["strike", "agree_disagree"])
@pytest.mark.parametrize("n", [1, 9, 16])
def test_boxes_inside_the_paper_and_apart(paper: str, kind: str, n: int) -> None:
    layout = _layout(paper, kind, n)
    page = Box(0, 0, *PAPERS[paper])  # type: ignore[index]
    boxes = every_box(layout)
    for name, box in boxes:
        assert box.inside(page), name
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            assert not box_a.overlaps(box_b), (a, b)
    for row in layout.rows:
        assert row.name_box.inside(row.box)
        for tick in (row.agree_box, row.disagree_box):
            assert tick is None or (tick.inside(row.box) and not tick.overlaps(row.name_box))


@pytest.mark.parametrize("paper", ["a5", "a4"])
@pytest.mark.parametrize("kind", ["strike", "agree_disagree"])
def test_a_seal_never_reaches_a_row(paper: str, kind: str) -> None:
    """For every list length the paper takes, a seal stamped anywhere in its area, its ring
    spilling SEAL_CLEAR out of it, meets no row: no name band, no tick box (a seal over the
    last row's boxes sent a third of the agree/disagree ballots to a person)."""
    most = max_rows(paper, kind)  # type: ignore[arg-type]
    assert most >= (16 if paper == "a5" else 34)
    for n in range(1, most + 1):
        layout = _layout(paper, kind, n)
        reach = seal_reach(layout)
        assert reach.inside(layout.page)
        assert layout.seal.inside(reach) and reach.h >= layout.seal.h + 2 * SEAL_CLEAR
        for row in layout.rows:
            assert not row.box.overlaps(reach), (n, row.position)
        assert layout.rows[-1].box.y + layout.rows[-1].box.h <= reach.y + 1e-6
    assert layout.seal.w >= 30  # a party committee's round seal fits in it


def _layout(paper: str, kind: str, n: int) -> BallotLayout:
    facts = BallotFacts(
        "E",
        "c",
        1,
        max(n - 2, 1),
        kind,  # type: ignore[arg-type]
        tuple(f"p{i}" for i in range(n)),
        tuple("Nguyễn Thị Ngọc Bích Hằng" * (1 + i % 2) for i in range(n)),
    )
    return place(facts, paper, False, _measure)  # type: ignore[arg-type]


def test_too_many_names_for_the_paper_is_refused(tmp_path: Path) -> None:
    facts = BallotFacts("E", "c", 1, 30, "strike", tuple(map(str, range(40))), ("X",) * 40)
    with pytest.raises(OptionError, match="A5"):
        place(facts, "a5", False, _measure)


def test_layout_document_and_its_code(tmp_path: Path) -> None:
    out = _print(tmp_path, "bch", "--contest", "bch")
    raw = (tmp_path / "bch.layout.json").read_bytes()
    doc = json.loads(raw)
    assert doc["format"] == "tally-ballot-layout" and doc["layout"] == "strike"
    assert [m["corner"] for m in doc["marks"]] == [
        "top_left",
        "top_right",
        "bottom_right",
        "bottom_left",
    ]
    assert [r["position"] for r in doc["rows"]] == list(range(1, 12))
    assert doc["rows"][0]["name"] == "Trần Thị Kim Anh"
    assert "sha256" not in raw.decode() and hashlib.sha256(out.read_bytes()).hexdigest() not in (
        raw.decode()
    )
    sha = hashlib.sha256(raw).hexdigest()
    text = _pdftext(out)
    assert f"Bố cục {sha[:16]}" in text  # printed under the QR code that holds all of it


def _pdftext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_every_name_printed_with_its_diacritics(tmp_path: Path) -> None:
    text = _pdftext(_print(tmp_path, "bch", "--contest", "bch"))
    for name in XA_NAMES:
        assert name in text
    assert "PHIẾU BẦU" in text and "BAN CHẤP HÀNH ĐẢNG BỘ XÃ KHÓA XVI" in text
    assert "NHIỆM KỲ 2025–2030" in text


def test_qr_code_holds_the_layout_sha(tmp_path: Path) -> None:
    """The QR code, read by a decoder that is not the scanner's (ZXing, as phones use), says
    the layout document's SHA-256."""
    import pypdfium2 as pdfium
    import zxingcpp

    out = _print(tmp_path, "bch", "--contest", "bch")
    page = pdfium.PdfDocument(out.read_bytes())[0].render(scale=200 / 72).to_pil()
    found = zxingcpp.read_barcodes(page)
    sha = hashlib.sha256((tmp_path / "bch.layout.json").read_bytes()).hexdigest()
    assert [(b.format, b.text) for b in found] == [
        (zxingcpp.BarcodeFormat.QRCode, f"TALLY-LAYOUT:SHA256:{sha.upper()}")
    ]


def test_failing_list_is_refused(tmp_path: Path) -> None:
    election = tmp_path / "e"
    shutil.copytree(XA, election)
    yaml = election / "election.yaml"
    text = yaml.read_text("utf-8")
    yaml.write_text(text.replace("    seats: 9\n", "    seats: 5\n", 1), "utf-8")
    out = tmp_path / "bch.pdf"
    result = invoke("ballots", election, "--contest", "bch", "-o", out)
    assert result.exit_code == 1, result.stderr
    assert "tally validate" in result.stderr and "bch" in result.stderr
    assert not out.exists() and not (tmp_path / "bch.layout.json").exists()


def test_existing_file_kept_without_force(tmp_path: Path) -> None:
    out = _print(tmp_path, "bch", "--contest", "bch")
    assert invoke("ballots", XA, "--contest", "bch", "-o", out).exit_code == 2
    assert invoke("ballots", XA, "--contest", "bch", "-o", out, "--force").exit_code == 0


def test_copies_and_paper(tmp_path: Path) -> None:
    out = _print(tmp_path, "bch", "--contest", "bch", "--copies", "3", "--paper", "a4")
    doc = json.loads((tmp_path / "bch.layout.json").read_text("utf-8"))
    assert doc["paper"] == {"name": "a4", "width": 210.0, "height": 297.0}
    assert _pdftext(out).count("Trần Thị Kim Anh") == 3


@pytest.mark.parametrize(("contest", "election"), [("bch", XA), ("bt", EXAMPLES / "huyen-2020")])
def test_test_deck_journal_reads_back(tmp_path: Path, contest: str, election: Path) -> None:
    out = _print(tmp_path, "deck", "--contest", contest, "--test-deck", election=election)
    journal = read_journal(tmp_path / "deck.journal.jsonl")
    sheet = Sheet.from_header(journal.header)
    assert journal.header.str_("operator") == "test-deck"
    sha = hashlib.sha256((tmp_path / "deck.layout.json").read_bytes()).hexdigest()
    assert journal.header.str_("layout_sha256") == sha
    state = replay(sheet, journal.entries)
    n = len(sheet.candidates)
    every = tuple(range(1, n + 1))
    blank = Marks() if sheet.layout == "strike" else Marks(unmarked=every)
    alone = [Marks(struck=(p,)) for p in every] if n > 1 else []
    assert list(state.ballots.values()) == [blank, Marks(struck=every), *alone]
    assert list(state.ballots) == [str(i) for i in range(1, len(state.ballots) + 1)]
    assert _pdftext(out).count(sheet.names[0]) == len(state.ballots)


def test_font_ships_inside_the_package_with_its_licence(tmp_path: Path) -> None:
    """The wheel carries the font (hatch takes every file under src/tally): no system font."""
    from importlib import resources

    fonts = resources.files("tally") / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert (fonts / name).is_file(), name
    pdf = _print(tmp_path, "bch", "--contest", "bch").read_bytes()
    assert b"/FontFile2" in pdf and b"DejaVuSans" in pdf  # embedded, not referenced


def _xa_copy(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    (folder / "ballots" / "bch-1.csv").unlink()  # not voted yet
    text = (folder / "election.yaml").read_text("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    (folder / "election.yaml").write_text(text, "utf-8")
    return folder


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(ln.split()[1] for ln in out.stdout.splitlines() if ln.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_copies_default_to_the_ballots_issued(tmp_path: Path) -> None:
    """Without --copies the board gets a ballot for each one the round issues, and is told so."""
    out = tmp_path / "bch.pdf"
    result = invoke("ballots", XA, "--contest", "bch", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert _pages(out) == 108
    assert "108 phiếu: số phiếu phát ra của lần bầu" in result.stderr


ROUND_1 = (
    "      - issued: 108\n        ballots: ballots/bch-1.csv\n",
    "      - ballots: ballots/bch-1.csv\n",
)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_copies_before_the_vote_are_those_present_then_summoned(tmp_path: Path) -> None:
    """Ballots are printed before the vote: no round figure yet, so the meeting's present, and
    without that the summoned."""
    folder = _xa_copy(tmp_path, ROUND_1)
    result = invoke("ballots", folder, "--contest", "bch", "-o", tmp_path / "p.pdf", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "108 ballots: those present at the vote" in result.stderr
    folder = _xa_copy(tmp_path / "2", ROUND_1, ("  present: 108\n", ""))
    result = invoke("ballots", folder, "--contest", "bch", "-o", tmp_path / "s.pdf")
    assert result.exit_code == 0, result.stderr
    assert "120 phiếu: số được triệu tập" in result.stderr
    assert _pages(tmp_path / "s.pdf") == 120


def test_copies_refused_when_no_figure_says_how_many(tmp_path: Path) -> None:
    """A config that validation would stop earlier still never prints a guessed number."""
    from dataclasses import replace

    from tally.config.loader import load_election
    from tally.entry.session import sheet_for
    from tally.paper.run import copies_for

    loaded = load_election(_xa_copy(tmp_path, ROUND_1))
    election = loaded.election
    electorate = election.electorate.model_copy(update={"summoned": None, "present": None})
    bare = replace(loaded, election=election.model_copy(update={"electorate": electorate}))
    with pytest.raises(OptionError) as raised:
        copies_for(bare, sheet_for(loaded, "bch", 1))
    assert raised.value.option == "--copies"
    assert "--copies N" in raised.value.said.text("en")
