"""Aligned columns for the batch tables (``tally recount``, ``tally simulate``), as rich Text.

A rich Table measures every cell before it prints the first line, and takes a second for a
province's 2,000 elections; this takes a few hundredths. The widths are given up front, so a
table can be written a row at a time (``tally recount`` prints each election as it finishes):
:func:`widths` measures rows already at hand, a streamed table measures what it knows before
the first row (the paths found, the closed set of words a column can hold).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from rich.cells import cell_len
from rich.text import Text


def widths(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[int]:
    """The width of each column: its widest cell, the header included."""
    out = [cell_len(h) for h in header]
    for row in rows:
        out = [max(w, cell_len(cell)) for w, cell in zip(out, row, strict=True)]
    return out


class Columns:
    """Columns of fixed widths: a bold header and a rule, then rows one by one, each cell with
    its style and under a row its notes (text, style). A cell wider than its column pushes the
    rest of its line to the right, and no other line."""

    def __init__(self, header: Sequence[str], width: Sequence[int], right: Collection[int]):
        self.header = header
        self.width = width
        self.right = right

    def _pad(self, text: str, i: int) -> str:
        gap = " " * (self.width[i] - cell_len(text))
        return gap + text if i in self.right else text + gap

    def head(self) -> Text:
        out = Text()
        out.append("  ".join(self._pad(h, i) for i, h in enumerate(self.header)).rstrip(), "bold")
        out.append("\n" + "─" * (sum(self.width) + 2 * (len(self.width) - 1)) + "\n")
        return out

    def row(
        self,
        cells: Sequence[str],
        styles: Sequence[str] | None = None,
        notes: Sequence[tuple[str, str]] = (),
        out: Text | None = None,
    ) -> Text:
        """One line (appended to ``out`` when given) and the notes under it."""
        out = Text() if out is None else out
        last = len(cells) - 1
        for i, cell in enumerate(cells):
            text = self._pad(cell, i) if i < last else self._pad(cell, i).rstrip()
            out.append(text, style=styles[i] if styles else "")
            out.append("  " if i < last else "\n")
        for text, style in notes:
            out.append(text + "\n", style=style)
        return out


def columns(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Collection[int],
    styles: Sequence[Sequence[str]] | None = None,
) -> Text:
    """A whole table at once, each column as wide as its widest cell."""
    table = Columns(header, widths(header, rows), right)
    out = table.head()
    for n, row in enumerate(rows):
        table.row(row, styles[n] if styles else None, out=out)
    return out
