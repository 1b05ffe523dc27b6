"""HTML pages to print on A4: the skeleton, the shared stylesheet, tables, signatures, imprint.

A page is self-contained (styles inline, no script, no external resource), so it opens the
same on the board's laptop with no network; every text goes through :func:`esc`.
"""

from __future__ import annotations

from tally.documents.escape import css_string
from tally.documents.escape import html as esc
from tally.documents.parts import BLANK, Closing, ImprintLine, Signature

__all__ = ["closing", "esc", "imprint", "page", "print_css", "signatures", "table", "thead"]

# The A4 sheet every printed page shares; a document adds its own rules after it.
# __MARGIN__, __SIZE__, __PAGE__ and __FOOT__ are filled in by print_css().
_PRINT_CSS = """\
@page { size: A4; margin: __MARGIN__; @bottom-right { content: __PAGE__ counter(page) "/" counter(pages); font: 9pt "Times New Roman", serif; } @bottom-left { content: __FOOT__; font: 9pt "Times New Roman", serif; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif;
  font-size: __SIZE__; line-height: 1.35; color: #000; background: #fff; margin: 0 auto; }
/* On screen, a sheet of A4 on a grey desk; in print the @page margins do that. */
@media screen { html { background: #e6e6e6; } body { width: 210mm; max-width: 100%; padding: __MARGIN__; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); } }
/* 1px each side: Chromium clips the outer half of a collapsed border at the page edge. */
@media print { body { padding: 0 1px; max-width: none; } }
p { margin: 0.3em 0; }
h1 { font-size: 15pt; text-align: center; margin: 4mm 0 1mm; letter-spacing: 0.02em; }
.election { text-align: center; font-weight: bold; margin: 0; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { border: 1px solid #000; padding: 0.7mm 2mm; vertical-align: top; }
th { font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.mono, code { font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; }
/* The closing (the signatures and the imprint) stays on one page; the padding keeps the
   diacritics of the upper-case roles from spilling onto the page before. */
.closing { break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; padding-top: 2mm; }
.signatures { display: flex; flex-wrap: wrap; justify-content: space-between; text-align: center; margin-top: 4mm; row-gap: 4mm; }
.signatures .column { width: 36%; display: grid; grid-template-columns: 1fr; align-content: start; }
.signatures .column.wide { width: 62%; grid-template-columns: 1fr 1fr; }
.signatures .column:last-child { margin-left: auto; }
.signatures .role, .signatures .hint { grid-column: 1 / -1; }
.signatures .role { font-weight: bold; }
.signatures .hint { font-style: italic; font-size: 10.5pt; }
.signatures .space { height: 19mm; }
.signatures .name { font-weight: bold; }
.signatures .blank { color: #777; font-weight: normal; }
.imprint { margin-top: 4mm; font-size: 9pt; color: #333; border-top: 1px solid #999; padding-top: 1.5mm; break-inside: avoid; }
.imprint .fingerprint { font-weight: bold; white-space: nowrap; }
.imprint .full { font-size: 7.5pt; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; word-break: break-all; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; z-index: 10; pointer-events: none; }
.watermark span { transform: rotate(-35deg); font-size: 88pt; font-weight: bold; color: rgba(200, 0, 0, 0.13); white-space: nowrap; }
.rehearsal-banner { border: 2px solid #c00000; color: #c00000; text-align: center; padding: 1.5mm; margin: 0 0 4mm; }
"""


def print_css(*, margin: str, size: str, page_word: str, foot: str) -> str:
    """The shared A4 stylesheet: ``foot`` printed bottom left, ``page_word`` N/M bottom right."""
    return (
        _PRINT_CSS.replace("__MARGIN__", margin)
        .replace("__SIZE__", size)
        .replace("__PAGE__", css_string(page_word))
        .replace("__FOOT__", css_string(foot))
    )


def page(*, lang: str, title: str, css: str, body: str, generator: str, body_class: str) -> str:
    """One self-contained HTML5 document (UTF-8, no script); ``body`` is HTML already."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(generator)}">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f'<body class="{esc(body_class)}">\n{body}</body>\n</html>\n'
    )


def thead(heads: list[str] | tuple[str, ...]) -> str:
    """A table's heading row, repeated on every printed page."""
    return "<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in heads) + "</tr></thead>"


def table(cls: str, heads: list[str] | tuple[str, ...], rows: list[str]) -> str:
    """A table whose heading row repeats on every printed page; ``rows`` are ``<tr>`` HTML."""
    return (
        f'<table class="{cls}">{thead(heads)}<tbody>\n' + "\n".join(rows) + "\n</tbody></table>\n"
    )


def signatures(columns: tuple[Signature, ...], hint: str) -> str:
    """The signature block: per column its role, the hint, then room and a name per signer."""
    out: list[str] = []
    for col in columns:
        signs = "".join(
            f'<div class="sign {esc(col.cls)}"><div class="space"></div>'
            + (
                f'<div class="name">{esc(name)}</div>'
                if name
                else f'<div class="name blank">{BLANK}</div>'
            )
            + "</div>"
            for name in col.names
        )
        out.append(
            f'<div class="column{" wide" if col.wide else ""}">'
            f'<div class="role">{esc(col.role)}</div><div class="hint">{esc(hint)}</div>'
            f"{signs}</div>"
        )
    return '<section class="signatures">' + "".join(out) + "</section>\n"


def imprint(lines: tuple[ImprintLine, ...]) -> str:
    """The small print under the signatures."""
    divs = "".join(
        f"<div>{esc(x.text)}"
        + (f' <span class="{esc(x.cls)}">{esc(x.code)}</span>' if x.code else "")
        + "</div>"
        for x in lines
    )
    return f'<footer class="imprint">{divs}</footer>\n'


def closing(c: Closing, before: str = "") -> str:
    """The closing section kept on one page: ``before`` (HTML), the lead sentences, the
    signatures, the imprint."""
    return (
        '<section class="closing">\n'
        + before
        + "".join(f'<p class="lead">{esc(x)}</p>\n' for x in c.lead)
        + signatures(c.signatures, c.hint)
        + imprint(c.imprint)
        + "</section>\n"
    )
