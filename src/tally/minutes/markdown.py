"""The minutes as Markdown: for the dossier, for diffs in review, and for the golden tests.

A layout of the :class:`~tally.minutes.model.Minutes` words on the print kit's Markdown
(:mod:`tally.documents.markdown`): every name and text field is escaped there, so a name
renders as typed.
"""

from __future__ import annotations

from tally.documents import markdown as kit
from tally.documents.markdown import esc
from tally.minutes.model import Minutes


def render_markdown(m: Minutes) -> str:
    """The minutes as Markdown, top to bottom as the page reads.

    Longer than the ~80-line guide on purpose (issue 17): it is the page itself, one section
    after the other, and split into pieces the order of the document would no longer be read
    in one place; the words are all chosen in the model.
    """
    out: list[str] = []
    add = out.append
    if m.rehearsal:
        add(f"> **{esc(m.word('minutes.rehearsal.paper'))}**")
        add("")
    left = [f"**{esc(x)}**" for x in m.header_left]
    left += [esc(m.header_mark)] if m.header_mark else []
    right = [*(f"**{esc(x)}**" for x in m.header_right), f"*{esc(m.date_line)}*"]
    depth = max(len(left), len(right))
    left += [""] * (depth - len(left))
    right += [""] * (depth - len(right))
    add(kit.row([left[0], right[0]]))
    add("|:---:|:---:|")
    for lcell, rcell in zip(left[1:], right[1:], strict=True):
        add(kit.row([lcell, rcell]))
    add("")
    add(f"# {esc(m.title)}")
    add("")
    add(f"**{esc(m.election_title)}**")
    add("")
    add(f"*{esc(m.congress_line)}*")
    add("")
    if m.place_line:
        add(esc(m.place_line))
        add("")
    if m.board_intro:
        add(esc(m.board_intro))
        add("")
        out += [f"{i}. {esc(line)}" for i, line in enumerate(m.board_lines, 1)]
        add("")
    add(esc(m.began_line))
    add("")

    add(f"## {esc(m.heading('figures'))}")
    add("")
    figures = [[f.label, "—" if f.value is None else str(f.value)] for f in m.figure_rows]
    out += kit.table(m.heads("item", "number"), figures, ["---", "---:"])
    add("")
    add(esc(m.base_line))
    add("")

    add(f"## {esc(m.heading('votes'))}")
    add("")
    if m.candidates:
        extra = 4 if m.rows_shown else 0  # disagree, unmarked and their shares
        rows = [
            [
                str(c.position),
                c.name,
                str(c.votes),
                c.pct,
                *(c.row_figures if m.rows_shown else ()),
                c.status_label,
            ]
            for c in m.candidates
        ]
        align = ["---:", "---", "---:", "---:", *["---:"] * extra, "---"]
        out += kit.table(m.candidate_heads, rows, align)
    else:
        add(esc(m.word("minutes.no_candidates")))
    add("")

    add(f"## {esc(m.heading('elected'))}")
    add("")
    if m.elected:
        rows = [[str(i), name, str(votes)] for i, name, votes in m.elected_rows]
        out += kit.table(m.heads("no", "name", "votes"), rows, ["---:", "---", "---:"])
    else:
        add(esc(m.word("minutes.nobody_elected")))
    add("")
    add(f"**{esc(m.outcome_line)}**")
    add("")
    for problem in m.problems:
        add(f"- {esc(problem)}")
    if m.problems:
        add("")
    if m.pending_confirmation:
        add(f"*{esc(m.pending_line)}*")
        add("")

    if m.rules:
        add(f"## {esc(m.heading('rules'))}")
        add("")
        out += [f"{i}. {esc(line)}" for i, line in enumerate(m.rule_lines, 1)]
        add("")
        add(esc(m.word("minutes.legend")))
        add("")
    if m.footnotes:
        add(f"**{esc(m.word('minutes.notes'))}**")
        add("")
        out += [f"{i}. {esc(note)}" for i, note in enumerate(m.footnotes, 1)]
        add("")
    out += kit.closing(m.closing)
    return "\n".join(out)
