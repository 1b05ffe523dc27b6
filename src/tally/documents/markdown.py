"""Markdown documents: pipe tables, the signature block and the imprint, every text escaped."""

from __future__ import annotations

from tally.documents.escape import md as esc
from tally.documents.parts import BLANK, Closing, ImprintLine, Signature

__all__ = ["closing", "esc", "imprint", "row", "signatures", "table"]


def row(cells: list[str]) -> str:
    """One table row of cells already in Markdown."""
    return "| " + " | ".join(cells) + " |"


def table(heads: list[str] | tuple[str, ...], rows: list[list[str]], align: list[str]) -> list[str]:
    """A pipe table of plain-text cells (every cell escaped)."""
    out = [row([esc(h) for h in heads]), "|" + "|".join(align) + "|"]
    out += [row([esc(c) for c in r]) for r in rows]
    return out


def signatures(columns: tuple[Signature, ...], hint: str) -> list[str]:
    """The roles, the hint, room to sign, then the names line by line under their role."""
    depth = max(len(c.names) for c in columns)
    out = [
        row([f"**{esc(c.role)}**" for c in columns]),
        "|" + "|".join([":---:"] * len(columns)) + "|",
        row([f"*{esc(hint)}*"] * len(columns)),
        row(["<br><br><br>"] * len(columns)),
    ]
    for i in range(depth):
        cells = []
        for c in columns:
            name = c.names[i] if i < len(c.names) else None
            cells.append("" if name is None else esc(name) if name else BLANK)
        out.append(row(cells))
    return out


def imprint(lines: tuple[ImprintLine, ...]) -> list[str]:
    """The small print after a rule, a paragraph a line."""
    out = ["---", ""]
    for x in lines:
        out += [esc(x.text) + (f" **{esc(x.code)}**" if x.code else ""), ""]
    return out


def closing(c: Closing) -> list[str]:
    lead = [line for x in c.lead for line in (esc(x), "")]
    return [*lead, *signatures(c.signatures, c.hint), "", *imprint(c.imprint)]
