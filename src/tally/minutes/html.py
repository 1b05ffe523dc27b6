"""The minutes as one self-contained HTML5 page: ``paper`` to print and sign, ``hall`` to project.

A layout of the :class:`~tally.minutes.model.Minutes` words on the print kit's HTML
(:mod:`tally.documents.html`: the page skeleton, the A4 stylesheet, tables, signatures and
the imprint, every text escaped). Nothing is counted, decided or worded here. The page has no
script and no external resource (the chart is inline SVG), so it opens the same on the board's
laptop with no network.
"""

from __future__ import annotations

from typing import assert_never

from tally.documents import html as kit
from tally.documents.html import esc
from tally.kinds import MinutesView
from tally.minutes.model import CandidateRow, Minutes

View = MinutesView

# Bar colours: the elected in a dark blue that stays dark on a grey-scale printer, a tie in
# amber, the others in light grey.
_BAR = {"elected": "#1f4e79", "admitted": "#1f4e79", "tie": "#c98a00"}
_BAR_OTHER = "#a6a6a6"
_e = esc


def render_html(m: Minutes, view: View = "paper") -> str:
    """The minutes of one contest and round as an HTML5 document (UTF-8, no script)."""
    if view == "paper":
        title, css, body = _paper(m)
    elif view == "hall":
        title, css, body = _hall(m)
    else:
        assert_never(view)
    return kit.page(
        lang=m.lang,
        title=title,
        css=css,
        body=_rehearsal(m, view) + body,
        generator=m.tool,
        body_class=view,
    )


# ---------------------------------------------------------------------------------------------
# Shared pieces


def _rehearsal(m: Minutes, view: View) -> str:
    """The watermark (``position: fixed`` repeats it on every printed page) and the banner."""
    if not m.rehearsal:
        return ""
    word = m.word("doc.rehearsal")
    banner = m.word("minutes.rehearsal.paper" if view == "paper" else "minutes.rehearsal.hall")
    return (
        f'<div class="watermark" aria-hidden="true"><span>{_e(word)}</span></div>\n'
        f'<p class="rehearsal-banner" role="note"><strong>{_e(banner)}</strong></p>\n'
    )


def _scale(m: Minutes) -> int:
    top = max([c.votes for c in m.candidates] + [m.threshold or 0, m.base or 0])
    return max(top, 1)


def _chart(m: Minutes) -> str:
    """A horizontal bar per candidate in ballot order, a dashed line at the threshold."""
    if not m.candidates or m.threshold is None:
        return ""
    scale = _scale(m)
    label_w, bar_w, value_w = 210, 420, 50
    x0 = label_w
    row_h, bar_h, top = 18, 13, 24
    width = label_w + bar_w + value_w
    height = top + row_h * len(m.candidates) + 18
    aria = m.word("minutes.chart", threshold=m.threshold)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{_e(aria)}">',
        f"<title>{_e(aria)}</title>",
    ]
    for i, c in enumerate(m.candidates):
        y = top + i * row_h
        w = c.votes * bar_w // scale
        colour = _BAR.get(c.status or "", _BAR_OTHER)
        weight = ' font-weight="bold"' if c.status in ("elected", "admitted") else ""
        parts += [
            f'<text x="{x0 - 8}" y="{y + bar_h - 3}" text-anchor="end"{weight}>'
            f"{c.position}. {_e(c.name)}</text>",
            f'<rect x="{x0}" y="{y}" width="{w}" height="{bar_h}" fill="{colour}"/>',
            f'<text x="{x0 + w + 5}" y="{y + bar_h - 3}">{c.votes}</text>',
        ]
    bottom = top + row_h * len(m.candidates)
    tx = x0 + m.threshold * bar_w // scale
    parts += [
        f'<line x1="{x0}" y1="{top - 6}" x2="{x0}" y2="{bottom}" stroke="#000" stroke-width="1"/>',
        f'<line x1="{tx}" y1="{top - 8}" x2="{tx}" y2="{bottom}" stroke="#c00000" '
        'stroke-width="1.5" stroke-dasharray="5 3"/>',
        f'<text x="{tx}" y="{top - 12}" text-anchor="middle" fill="#c00000" font-weight="bold">'
        f"{_e(m.needed(m.threshold))}</text>",
        f'<text x="{x0}" y="{bottom + 13}" text-anchor="middle" class="tick">0</text>',
        f'<text x="{x0 + bar_w}" y="{bottom + 13}" text-anchor="middle" class="tick">'
        f"{scale}</text>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _by_votes(m: Minutes) -> list[CandidateRow]:
    return sorted(m.candidates, key=lambda c: (-c.votes, c.position))


# ---------------------------------------------------------------------------------------------
# Paper: the minutes the board prints and signs

_PAPER_CSS = """\
.header { display: grid; grid-template-columns: 42% 58%; text-align: center; margin-bottom: 3mm; }
.header .line { font-weight: bold; }
.header .org { font-weight: normal; }
.header .mark { margin-top: 0.1em; }
.header .rule { width: 30%; margin: 0.25em auto 0; border-top: 1px solid #000; }
.header .under { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 0.2em; }
.header .date { font-style: italic; margin-top: 0.6em; }
.congress { text-align: center; font-style: italic; margin: 0 0 3mm; }
/* Set close, the tables a size under the text, and the chart on screen only (the paper
   of record is the figures, as in the DOCX): an 11-name contest prints on two pages with
   its signatures and imprint. */
main { line-height: 1.18; }
main th, main td { font-size: 11.5pt; line-height: 1.08; padding: 0.2mm 2mm; }
@media print { figure { display: none; } }
main h2 { margin: 3mm 0 1mm; }
.signatures .space { height: 16mm; }
td.pos { text-align: center; width: 12mm; }
td.votes { width: 22mm; }
td.pct { width: 22mm; }
td.status { width: 34mm; }
.figures td.label { width: 80%; }
.figures tr.reason td.label { padding-left: 9mm; }
.figures tr.key td { font-weight: bold; }
.candidates tr.elected td, .candidates tr.admitted td { font-weight: bold; }
.candidates tr.tie td.status { font-style: italic; }
.candidates td.status, .candidates th { white-space: nowrap; }
/* Nine columns on an agree/disagree ballot: the heads wrap, the figures stay narrow. */
.candidates.rows th { white-space: normal; }
.candidates.rows td.votes, .candidates.rows td.pct, .candidates.rows td.disagree,
.candidates.rows td.disagree-pct, .candidates.rows td.unmarked, .candidates.rows td.unmarked-pct { width: 15mm; }
.rules { font-size: 10pt; padding-left: 6mm; margin: 1mm 0; }
.legend { font-size: 9.5pt; font-style: italic; }
.board { margin: 0 0 1mm; padding-left: 6mm; }
.board li { margin: 0.1em 0; }
figure { margin: 2mm 0; break-inside: avoid; text-align: center; }
svg.chart { display: block; margin: 0 auto; width: 75%; max-width: 100%; height: auto; font-family: inherit; font-size: 12px; }
svg.chart .tick { font-size: 10px; }
.outcome { font-weight: bold; margin: 3mm 0; }
.problems { color: #c00000; font-weight: bold; }
.pending { border: 1px solid #000; padding: 1mm 3mm; font-weight: bold; text-align: center; margin: 2mm 0 3mm; }
.notes-head { font-size: 10pt; font-weight: bold; margin: 2mm 0 0; break-after: avoid; }
.notes { font-size: 10pt; padding-left: 6mm; margin: 1mm 0; }
.closing .lead { margin: 0.2em 0; }
/* The closing takes the last note with it, so the signatures never stand alone on a page. */
.notes li:last-child { break-after: avoid; }
"""


def _p(cls: str, text: str) -> str:
    return f'<p class="{cls}">{_e(text)}</p>\n'


def _paper(m: Minutes) -> tuple[str, str, str]:
    css = kit.print_css(
        margin="20mm 15mm", size="13pt", page_word=m.word("doc.page"), foot=m.fingerprint_line
    )
    body = _header(m) + _figures(m) + _votes(m) + _elected(m) + _rules(m) + _notes(m) + _closing(m)
    return f"{m.title} — {m.election_title}", css + _PAPER_CSS, f"<main>\n{body}</main>\n"


def _header(m: Minutes) -> str:
    """The issuing body on the left, the party (or state) heading and the date on the right,
    then the title, the election, the congress, the place and the counting board."""
    is_state = m.family == "state"
    # The upper body (the superior organisation) in regular type, the board itself in bold.
    left = "".join(
        f'<div class="line{" org" if i == 0 and len(m.header_left) > 1 else ""}">{_e(x)}</div>'
        for i, x in enumerate(m.header_left)
    )
    left += f'<div class="mark">{_e(m.header_mark)}</div>' if m.header_mark else ""
    left += '<div class="rule"></div>' if is_state else ""
    # The last heading line is underlined for its own length, clear of the dots below (Ệ, Ộ).
    lines = [f"<span>{_e(x)}</span>" for x in m.header_right]
    if lines:
        lines[-1] = lines[-1].replace("<span>", '<span class="under">', 1)
    right = "".join(f'<div class="line">{x}</div>' for x in lines)
    right += f'<div class="date">{_e(m.date_line)}</div>'
    out = [
        f'<header class="header"><div class="left">{left}</div>'
        f'<div class="right">{right}</div></header>\n',
        f"<h1>{_e(m.title)}</h1>\n",
        _p("election", m.election_title),
        _p("congress", m.congress_line),
    ]
    if m.place_line:
        out.append(_p("place", m.place_line))
    if m.board_intro:
        items = "".join(f"<li>{_e(line)}</li>" for line in m.board_lines)
        out.append(_p("board-intro", m.board_intro) + f'<ol class="board">{items}</ol>\n')
    out.append(_p("began", m.began_line))
    return "".join(out)


def _figures(m: Minutes) -> str:
    """I. The seats, the base and its parts, the threshold, the ballots, the invalid by reason."""
    rows = []
    for f in m.figure_rows:
        cls = "figure"
        if f.key.startswith("invalid."):
            cls += " reason"  # indented under the invalid ballots
        elif f.key in ("seats", "base", "threshold"):
            cls += " key"
        value = "—" if f.value is None else str(f.value)
        rows.append(
            f'<tr class="{cls}" data-key="{_e(f.key)}"><td class="label">{_e(f.label)}</td>'
            f'<td class="num">{value}</td></tr>'
        )
    return (
        f"<h2>{_e(m.heading('figures'))}</h2>\n"
        + kit.table("figures", m.heads("item", "number"), rows)
        + _p("base", m.base_line)
    )


def _votes(m: Minutes) -> str:
    """II. Every candidate in ballot order, then the chart."""
    out = f"<h2>{_e(m.heading('votes'))}</h2>\n"
    if not m.candidates:
        return out + _p("none", m.word("minutes.no_candidates"))
    rows = [
        f'<tr class="candidate {c.status or "none"}" data-position="{c.position}">'
        f'<td class="pos">{c.position}</td><td class="name">{_e(c.name)}</td>'
        f'<td class="num votes">{c.votes}</td><td class="num pct">{_e(c.pct)}</td>'
        + (_row_cells(c) if m.rows_shown else "")
        + f'<td class="status">{_e(c.status_label)}</td></tr>'
        for c in m.candidates
    ]
    cls = "candidates rows" if m.rows_shown else "candidates"
    out += kit.table(cls, m.candidate_heads, rows)
    chart = _chart(m)
    return out + (f"<figure>{chart}</figure>\n" if chart else "")


_ROW_CELLS = ("disagree", "disagree-pct", "unmarked", "unmarked-pct")


def _row_cells(c: CandidateRow) -> str:
    """An agree/disagree ballot's disagree and unmarked rows, with their shares."""
    return "".join(
        f'<td class="num {cls}">{_e(text)}</td>'
        for cls, text in zip(_ROW_CELLS, c.row_figures, strict=True)
    )


def _elected(m: Minutes) -> str:
    """III. The elected, most votes first; the outcome; the problems, in red."""
    out = f"<h2>{_e(m.heading('elected'))}</h2>\n"
    if m.elected:
        rows = [
            f'<tr class="elected-row"><td class="pos">{i}</td><td class="name">{_e(name)}</td>'
            f'<td class="num votes">{votes}</td></tr>'
            for i, name, votes in m.elected_rows
        ]
        out += kit.table("elected", m.heads("no", "name", "votes"), rows)
    else:
        out += _p("none", m.word("minutes.nobody_elected"))
    out += _p("outcome", m.outcome_line)
    if m.problems:
        out += '<ul class="problems">' + "".join(f"<li>{_e(x)}</li>" for x in m.problems)
        out += "</ul>\n"
    if m.pending_confirmation:
        out += _p("pending", m.pending_line)
    return out


def _rules(m: Minutes) -> str:
    """IV. The rules applied, a line each; I and U marked with * and the number of their note."""
    if not m.rules:
        return ""
    items = "".join(
        f'<li class="rule" data-source="{_e(prov)}">{_e(line)}</li>'
        for line, (_, _, prov) in zip(m.rule_lines, m.rules, strict=True)
    )
    return (
        f"<h2>{_e(m.heading('rules'))}</h2>\n"
        + f'<ol class="rules">{items}</ol>\n'
        + _p("legend", m.word("minutes.legend"))
    )


def _notes(m: Minutes) -> str:
    """The numbered notes under the rules: the I and U readings the result rests on, once."""
    if not m.footnotes:
        return ""
    items = "".join(f"<li>{_e(f)}</li>" for f in m.footnotes)
    return _p("notes-head", m.word("minutes.notes")) + f'<ol class="notes">{items}</ol>\n'


def _closing(m: Minutes) -> str:
    """The signatures and the imprint, kept together on one page."""
    return kit.closing(m.closing)


# ---------------------------------------------------------------------------------------------
# Hall: the result projected for the congress

_HALL_CSS = """\
* { box-sizing: border-box; }
html, body { margin: 0; background: #10151c; color: #f2f2f2; }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; padding: 2.5vh 3vw 6vh; min-height: 100vh; }
h1 { font-size: min(5vh, 4vw); margin: 0 0 0.6vh; line-height: 1.15; }
.meeting { font-size: min(2.6vh, 2.2vw); margin: 0 0 0.8vh; color: #b9c0c8; }
.ballots { font-size: min(3vh, 2.5vw); margin: 0 0 0.6vh; font-variant-numeric: tabular-nums; }
.threshold { font-size: min(3.4vh, 2.8vw); margin: 0 0 2vh; color: #ffd166; }
.lists { display: flex; gap: 3vw; align-items: flex-start; }
.rows { flex: 1; display: grid; grid-template-columns: auto auto minmax(4em, 1fr) auto auto; align-items: center;
  column-gap: 0.5em; row-gap: 0.28em; font-size: min(__ROW__vh, 3vw); line-height: 1.15; }
.row { display: contents; color: #b9c0c8; }
.rank { text-align: right; font-variant-numeric: tabular-nums; }
.name { white-space: nowrap; }
.votes { text-align: right; font-weight: bold; font-variant-numeric: tabular-nums; }
.pct { text-align: right; font-size: 0.62em; }
.track { position: relative; height: 0.75em; background: #1f2833; }
.bar { position: absolute; left: 0; top: 0; bottom: 0; background: #5c6773; }
.need { position: absolute; top: -0.2em; bottom: -0.2em; border-left: 0.12em dashed #ffd166; }
.scale .track { background: none; height: 1.1em; }
.scale .need { border: 0; top: 0; transform: translateX(-50%); font-size: 0.7em; font-weight: bold; color: #ffd166; white-space: nowrap; }
.rows.agree { grid-template-columns: auto auto minmax(4em, 1fr) auto auto auto; }
.disagree { font-size: 0.45em; line-height: 1.2; white-space: nowrap; }
.row.elected, .row.admitted { color: #fff; font-weight: bold; }
.row.elected .bar, .row.admitted .bar { background: #2ec27e; }
.row.tie { color: #ffd166; }
.row.tie .bar { background: #ffd166; }
.outcome { font-size: min(3.2vh, 2.6vw); margin: 2.5vh 0 0; line-height: 1.3; }
.problems { color: #ff6b6b; font-size: 3vh; }
.pending { font-size: 2.4vh; color: #b9c0c8; margin: 1vh 0 0; }
.fingerprint { position: fixed; right: 1.2vw; bottom: 1vh; font-size: 1.8vh; color: #7d8590; font-variant-numeric: tabular-nums;
  background: #10151c; padding: 0.3vh 0.6vw; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; }
.watermark span { transform: rotate(-30deg); font-size: 18vh; font-weight: bold; color: rgba(255, 80, 80, 0.16); white-space: nowrap; }
.rehearsal-banner { background: #8b0000; color: #fff; text-align: center; font-size: 2.4vh; padding: 0.5vh; margin: -2.5vh -3vw 1.5vh; }
"""

_HALL_ONE_COLUMN = 20  # more names than this are shown in two columns


def _hall(m: Minutes) -> tuple[str, str, str]:
    ranked = _by_votes(m)
    half = (len(ranked) + 1) // 2 if len(ranked) > _HALL_ONE_COLUMN else len(ranked)
    columns = [ranked[:half], ranked[half:]] if half < len(ranked) else [ranked]
    # The rows shrink with their number so that one screen shows them all, within limits.
    row_vh = max(2.0, min(5.0, round(52 / (half + 3), 1)))
    css = _HALL_CSS.replace("__ROW__", str(row_vh))
    out = [f"<h1>{_e(m.election_title)}</h1>\n", _p("meeting", m.congress_line)]
    out.append(_p("ballots", m.hall_ballots))
    seats = (
        m.word("minutes.hall.seats", seats=m.seats)
        if m.threshold is None
        else m.word("minutes.hall.seats_needed", seats=m.seats, threshold=m.threshold)
    )
    out.append(_p("threshold", seats))
    scale = _scale(m)
    # Positions in tenths of a percent of the track, integers until the last division.
    need_at = None if m.threshold is None else m.threshold * 1000 // scale
    lists = []
    for column in columns:
        rows = []
        if need_at is not None:
            rows.append(
                '<div class="row scale" aria-hidden="true"><span></span><span></span>'
                f'<span class="track"><span class="need" style="left: {need_at / 10}%">'
                f"{_e(m.needed(m.threshold or 0))}</span></span><span></span><span></span>"
                + ("<span></span>" if m.rows_shown else "")
                + "</div>"
            )
        for c in column:
            rank = 1 + sum(1 for x in ranked if x.votes > c.votes)  # the tied share a rank
            need = (
                ""
                if need_at is None
                else f'<span class="need" style="left: {need_at / 10}%"></span>'
            )
            pct = f"{_e(c.pct)}%" if c.pct else ""
            rows.append(
                f'<div class="row {c.status or "none"}" data-position="{c.position}">'
                f'<span class="rank">{rank}.</span><span class="name">{_e(c.name)}</span>'
                f'<span class="track"><span class="bar" style="width: {c.votes * 1000 // scale / 10}%">'
                f"</span>{need}</span>"
                f'<span class="votes">{c.votes}</span><span class="pct">{pct}</span>'
                + (_hall_rows(m, c) if m.rows_shown else "")
                + "</div>"
            )
        cls = "rows agree" if m.rows_shown else "rows"
        lists.append(f'<div class="{cls}">\n' + "\n".join(rows) + "\n</div>")
    if ranked:
        out.append('<div class="lists">\n' + "\n".join(lists) + "\n</div>\n")
    out.append(f'<p class="outcome">{_e(m.outcome_text)}</p>\n')
    if m.problems:
        out.append(
            '<ul class="problems">' + "".join(f"<li>{_e(p)}</li>" for p in m.problems) + "</ul>\n"
        )
    if m.pending_confirmation:
        out.append(_p("pending", m.pending_line))
    out.append(f'<div class="fingerprint">{_e(m.fingerprint_line)}</div>\n')
    return m.election_title, css, "<main>\n" + "".join(out) + "</main>\n"


def _hall_rows(m: Minutes, c: CandidateRow) -> str:
    """An agree/disagree ballot: the disagree rows and those with both boxes or neither."""
    disagree, disagree_pct, unmarked, unmarked_pct = c.row_figures
    lines = (
        m.word(
            "minutes.hall.disagree",
            count=f"{disagree} ({disagree_pct}%)" if disagree_pct else disagree,
        ),
        m.word(
            "minutes.hall.unmarked",
            count=f"{unmarked} ({unmarked_pct}%)" if unmarked_pct else unmarked,
        ),
    )
    return '<span class="disagree">' + "<br>".join(_e(x) for x in lines) + "</span>"
