"""The DOCX minutes of every example contest as LibreOffice prints them (issue 15).

Rendered to PDF with ``soffice --headless`` and read back page by page with ``pdftotext``: no
page holds only the imprint, the page that is signed carries the short code and the full
digest, and the 11-name contest of xa-2025 fits on two A4 pages. Skipped where LibreOffice
(``libreoffice-writer-nogui``, with ``fonts-liberation2`` for Times New Roman's metrics) or
poppler's ``pdftotext`` is not installed: CI does not install them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clirun import invoke
from tally.app import count_report
from tally.config.loader import load_election
from tally.fingerprint import round_fingerprint, short
from tally.minutes.write import rounds_of

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (libreoffice-writer-nogui, fonts-liberation2) and pdftotext not installed",
)

# The page foot: "Mã kiểm tra XXXX-XXXX-XXXX-XXXX · Trang 1/2".
FOOT = re.compile(r"^(Mã kiểm tra|Fingerprint) [0-9A-F-]+ · (Trang|Page) \d+/\d+$")


def printed(tmp: Path) -> dict[tuple[str, str], list[str]]:
    """(example, file stem) → the text of each printed page of its DOCX minutes."""
    pages: dict[tuple[str, str], list[str]] = {}
    profile = tmp / "profile"  # LibreOffice's own, so a running office is left alone
    for example in EXAMPLES:
        out = tmp / example
        result = invoke("minutes", ROOT / "examples" / example, "-o", out)
        assert result.exit_code in (0, 4), result.output
        docs = sorted(out.glob("*.docx"))
        assert SOFFICE is not None and PDFTOTEXT is not None
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *map(str, docs),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for doc in docs:
            text = subprocess.run(
                [PDFTOTEXT, "-layout", str(doc.with_suffix(".pdf")), "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            pages[(example, doc.stem)] = text.split("\f")[:-1]
    return pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[str]]:
    return printed(tmp_path_factory.mktemp("print"))


def lines(page: str) -> list[str]:
    return [" ".join(x.split()) for x in page.splitlines() if x.strip()]


def codes(example: str, stem: str) -> tuple[str, str]:
    """The fingerprint of one round (``bch-1``), full and short, as its minutes print it."""
    loaded = load_election(ROOT / "examples" / example)
    contest, round_no = stem.rsplit("-", 1)
    full = round_fingerprint(loaded, contest, int(round_no))
    return full, short(full)


def test_every_example_round_was_printed(pages: dict[tuple[str, str], list[str]]) -> None:
    for example in EXAMPLES:
        report = count_report(load_election(ROOT / "examples" / example))
        for contest, round_no, _ in rounds_of(report):
            assert (example, f"{contest}-{round_no}") in pages


def test_no_page_holds_only_the_imprint(pages: dict[tuple[str, str], list[str]]) -> None:
    for (example, stem), texts in pages.items():
        for n, page in enumerate(texts, 1):
            body = [x for x in lines(page) if not FOOT.match(x)]
            imprint = [x for x in body if x.startswith(("tally ", "SHA-256")) or "Mã kiểm tra" in x]
            assert len(body) > len(imprint) + 1, f"{example}/{stem} page {n}: {body}"


def test_the_signed_page_carries_the_digest_and_the_code(
    pages: dict[tuple[str, str], list[str]],
) -> None:
    for (example, stem), texts in pages.items():
        full, code = codes(example, stem)
        signed = [p for p in texts if "TRƯỞNG BAN KIỂM PHIẾU" in p or "TỔ TRƯỞNG TỔ BẦU CỬ" in p]
        assert len(signed) == 1, f"{example}/{stem}: the signatures on {len(signed)} pages"
        (page,) = signed
        flat = "".join(page.split())
        assert full in flat and code in flat, f"{example}/{stem}"
        assert "Việc kiểm phiếu kết thúc lúc" in page and "Biên bản được lập thành" in page


def test_the_eleven_name_contest_fits_on_two_pages(
    pages: dict[tuple[str, str], list[str]],
) -> None:
    texts = pages[("xa-2025", "bch-1")]
    assert "Lâm Quốc Trung" in "".join(texts)  # the 11th name
    assert len(texts) == 2


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed: the HTML is not printed")
def test_the_eleven_name_contest_prints_from_html_on_two_pages(tmp_path: Path) -> None:
    """The HTML paper printed by a browser: two A4 pages, the digest on the signed one."""
    page = tmp_path / "bch-1.html"
    args = ["minutes", str(ROOT / "examples" / "xa-2025"), "--contest", "bch", "--round", "1"]
    result = invoke(*args, "-o", page)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "bch-1.pdf"
    assert CHROMIUM is not None and PDFTOTEXT is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        [PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")[:-1]
    full, code = codes("xa-2025", "bch-1")
    assert len(pages) == 2
    flat = "".join(pages[-1].split())
    assert "TRƯỞNGBANKIỂMPHIẾU" in flat and full in flat and code in flat
