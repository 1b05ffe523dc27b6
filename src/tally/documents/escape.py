"""One escaping function per output format, each at the strict strength.

A name or a note prints as typed: in Markdown ``<script>`` is text, a newline followed by
``# Heading`` is neither a new line nor a heading; in HTML every ``<``, ``&`` and quote is an
entity; in a CSS string nothing can close the string or the style element.
"""

from __future__ import annotations

import html as _html
import re

# Escaped wherever they stand: inline markup, raw HTML and entities, table cells, headings'
# closing sequences, strikethrough and math in GitHub's flavour.
_MD_SPECIAL = frozenset("\\`*[]<>|~#$")
# An ``&`` is escaped where it would begin a character reference (``&lt;``, ``&#60;``).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")
# What ends a line for some reader: each becomes a space, so a field stays on its line.
_LINE_BREAK = re.compile("\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
# A block marker where a line or a list item begins: a bullet, a setext underline, "1." / "1)".
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)](\s|$)))")


def md(text: str) -> str:
    """Plain text as Markdown that renders as itself (CommonMark, GitHub tables).

    An ``_`` between two letters or digits is left alone (it cannot open emphasis there), and
    an ``&`` that begins no character reference too, so ``too_many_kept`` and ``Q&A`` stay
    readable in the source.
    """
    text = _LINE_BREAK.sub(" ", text)
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if (
            ch in _MD_SPECIAL
            or (
                ch == "_" and not (0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum())
            )
            or (ch == "&" and _ENTITY.match(text, i))
        ):
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    m = _BLOCK_START.match(escaped)
    if m is None:
        return escaped
    if m.group(2)[0].isdigit():  # escape the "." or ")" after the number
        end = m.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: m.start(2)] + "\\" + escaped[m.start(2) :]


def html(text: str) -> str:
    """Text for HTML content or an attribute value."""
    return _html.escape(text, quote=True)


def css_string(text: str) -> str:
    """A CSS string literal for generated content (``\\``, quotes, ``<`` and controls escaped)."""
    return (
        '"'
        + "".join(c if c.isprintable() and c not in '\\"<>' else f"\\{ord(c):x} " for c in text)
        + '"'
    )
