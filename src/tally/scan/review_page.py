"""The review's page: one self-contained HTML file (no external file: the crops are PNG data
URIs) showing each page still set aside, its undecided rows beside the blank ballot's.

Deterministic: the same journal and images give the same bytes (no time, no random names);
written atomically beside the journal (``….review.html``) unless ``--html`` names it.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from tally.entry.session import Sheet
from tally.findings import Lang
from tally.i18n import msg
from tally.safefile import written_atomically
from tally.scan.review import PageView, reading_word, score_text, why_text

STYLE = """
body { font-family: sans-serif; margin: 1.5em; color: #111; }
section { border-top: 2px solid #444; margin-top: 1.5em; padding-top: .5em; }
table { border-collapse: collapse; }
td, th { border: 1px solid #bbb; padding: 4px 8px; vertical-align: middle; text-align: left; }
img { display: block; max-width: 100%; }
section > img { border: 1px solid #888; max-width: 40em; }
.undecided { background: #fff4d6; }
"""


def default_html(journal: Path) -> Path:
    return journal.with_name(journal.name.removesuffix(".jsonl") + ".review.html")


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'


def _page(view: PageView, lang: Lang) -> list[str]:
    a = view.aside

    def t(key: str, **params: str | int) -> str:
        return escape(msg(key, **params).text(lang))

    out = [
        f'<section id="p{escape(a.serial)}">',
        f"<h2>{t('scan.review_html.ballot', serial=a.serial)}</h2>",
        "<p>"
        + t("scan.review_html.image")
        + f" <code>{escape(a.image)}#{a.page}</code><br>SHA-256 <code>{escape(a.sha256)}</code>"
        + f"<br>{t('scan.review_html.why')} {escape(why_text(a, lang))}</p>",
    ]
    if not view.rows:
        out.append(f"<p>{t('scan.review_whole')}</p>")
        out.append(_img(view.whole, msg("scan.review_html.scanned").text(lang)))
        out.append("</section>")
        return out
    undecided = [r for r in view.rows if r.reading is None]
    decided = [r for r in view.rows if r.reading is not None]
    out.append(f"<h3>{t('scan.review_html.undecided')}</h3>")
    out.append(
        "<table><tr>"
        f"<th>{t('scan.review_html.row')}</th><th>{t('scan.review_html.scanned')}</th>"
        f"<th>{t('scan.review_html.blank')}</th><th>{t('scan.review_html.scores')}</th></tr>"
    )
    for r in undecided:
        out.append(
            f'<tr class="undecided"><td>{r.position}. {escape(r.name)}</td>'
            f"<td>{_img(r.crop, msg('scan.review_html.scanned').text(lang))}</td>"
            f"<td>{_img(r.blank, msg('scan.review_html.blank').text(lang))}</td>"
            f"<td>{escape(score_text(r, lang))}</td></tr>"
        )
    out.append("</table>")
    if decided:
        out.append(f"<h3>{t('scan.review_html.decided')}</h3><table>")
        for r in decided:
            out.append(
                f"<tr><td>{r.position}. {escape(r.name)}</td>"
                f"<td>{escape(reading_word(r.reading, lang))}</td>"
                f"<td>{escape(score_text(r, lang))}</td></tr>"
            )
        out.append("</table>")
    out.append("</section>")
    return out


def render(views: list[PageView], sheet: Sheet, journal: Path, lang: Lang) -> str:
    title = msg("scan.review_html.title", contest=sheet.contest, round=sheet.round).text(lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(sheet.election)} — {escape(sheet.title)}</p>",
        "<p>"
        + escape(msg("scan.review_html.journal").text(lang))
        + f" <code>{escape(journal.name)}</code></p>",
    ]
    for view in views:
        parts += _page(view, lang)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_page(path: Path, text: str) -> None:
    with written_atomically(path) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
