"""The minutes as one self-contained HTML5 page: ``paper`` to print and sign, ``hall`` to project.

Every figure comes from the :class:`~tally.minutes.model.Minutes` object; nothing is counted or
decided here. The page has no script and no external resource (styles inline, the chart as
inline SVG), so it opens the same on the board's laptop with no network, and every text is
escaped.
"""

from __future__ import annotations

from html import escape
from typing import assert_never

from tally.kinds import MinutesView
from tally.labels import t
from tally.minutes.model import CandidateRow, Minutes
from tally.ruleset.models import UNVERIFIED

View = MinutesView

# Bar colours: the elected in a dark blue that stays dark on a grey-scale printer, a tie in
# amber, the others in light grey.
_BAR = {"elected": "#1f4e79", "admitted": "#1f4e79", "tie": "#c98a00"}
_BAR_OTHER = "#a6a6a6"


def esc(text: str) -> str:
    """Text for HTML content or an attribute value."""
    return escape(text, quote=True)


_e = esc


def css_string(text: str) -> str:
    """A CSS string literal for generated content (``\\``, quotes, ``<`` and controls escaped)."""
    return (
        '"'
        + "".join(c if c.isprintable() and c not in '\\"<>' else f"\\{ord(c):x} " for c in text)
        + '"'
    )


def render_html(m: Minutes, view: View = "paper") -> str:
    """The minutes of one contest and round as an HTML5 document (UTF-8, no script)."""
    if view == "paper":
        title, css, body = _paper(m)
    elif view == "hall":
        title, css, body = _hall(m)
    else:
        assert_never(view)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(m.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{_e(m.tool)}">\n'
        f"<title>{_e(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f'<body class="{view}">\n{_rehearsal(m, view)}{body}</body>\n</html>\n'
    )


# ---------------------------------------------------------------------------------------------
# Shared pieces


def _rehearsal(m: Minutes, view: View) -> str:
    """The watermark (``position: fixed`` repeats it on every printed page) and the banner."""
    if not m.rehearsal:
        return ""
    word = t(m.lang, "DIỄN TẬP", "REHEARSAL")
    if view == "paper":
        note = t(
            m.lang,
            "bản in thử, không phải biên bản chính thức: không ký.",
            "a trial print, not the official minutes: do not sign.",
        )
    else:
        note = t(m.lang, "không phải kết quả chính thức.", "not the official result.")
    return (
        f'<div class="watermark" aria-hidden="true"><span>{_e(word)}</span></div>\n'
        f'<p class="rehearsal-banner" role="note"><strong>{_e(word)}</strong> — {_e(note)}</p>\n'
    )


def _scale(m: Minutes) -> int:
    top = max([c.votes for c in m.candidates] + [m.threshold or 0, m.base or 0])
    return max(top, 1)


def _needed(m: Minutes, threshold: int) -> str:
    return t(m.lang, f"Cần {threshold}", f"Needed {threshold}")


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
    aria = t(
        m.lang,
        f"Biểu đồ số phiếu của từng người theo thứ tự trong danh sách bầu cử; "
        f"cần ít nhất {m.threshold} phiếu để trúng cử.",
        f"Votes per candidate in ballot order; {m.threshold} votes needed to be elected.",
    )
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
        f"{_e(_needed(m, m.threshold))}</text>",
        f'<text x="{x0}" y="{bottom + 13}" text-anchor="middle" class="tick">0</text>',
        f'<text x="{x0 + bar_w}" y="{bottom + 13}" text-anchor="middle" class="tick">'
        f"{scale}</text>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _by_votes(m: Minutes) -> list[CandidateRow]:
    return sorted(m.candidates, key=lambda c: (-c.votes, c.position))


def _value(v: int | None) -> str:
    return "—" if v is None else str(v)


# ---------------------------------------------------------------------------------------------
# Paper: the minutes the board prints and signs

_PAPER_CSS = """\
@page { size: A4; margin: 20mm 15mm; @bottom-right { content: __PAGE__ counter(page) "/" counter(pages); font: 9pt "Times New Roman", serif; } @bottom-left { content: __FP__; font: 9pt "Times New Roman", serif; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif;
  font-size: 13pt; line-height: 1.35; color: #000; background: #fff; margin: 0 auto; }
/* On screen, a sheet of A4 on a grey desk; in print the @page margins do that. */
@media screen { html { background: #e6e6e6; } body { width: 210mm; max-width: 100%; padding: 20mm 15mm; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); } }
/* 1px each side: Chromium clips the outer half of a collapsed border at the page edge. */
@media print { body { padding: 0 1px; max-width: none; } }
p { margin: 0.3em 0; }
.header { display: grid; grid-template-columns: 42% 58%; text-align: center; margin-bottom: 6mm; }
.header .line { font-weight: bold; }
.header .org { font-weight: normal; }
.header .mark { margin-top: 0.1em; }
.header .rule { width: 30%; margin: 0.25em auto 0; border-top: 1px solid #000; }
.header .under { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 0.2em; }
.header .date { font-style: italic; margin-top: 0.6em; }
h1 { font-size: 15pt; text-align: center; margin: 4mm 0 1mm; letter-spacing: 0.02em; }
.election { text-align: center; font-weight: bold; margin: 0; }
.congress { text-align: center; font-style: italic; margin: 0 0 5mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { border: 1px solid #000; padding: 0.7mm 2mm; vertical-align: top; }
th { font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
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
.rules td, .rules th { font-size: 11pt; }
.rules td.key { width: 30%; }
.rules td.prov { text-align: center; white-space: nowrap; width: 14mm; }
.legend { font-size: 10pt; }
.board { margin: 0 0 1mm; padding-left: 6mm; }
.board li { margin: 0.1em 0; }
figure { margin: 2mm 0; break-inside: avoid; text-align: center; }
svg.chart { display: block; margin: 0 auto; max-width: 100%; height: auto; font-family: inherit; font-size: 12px; }
svg.chart .tick { font-size: 10px; }
.outcome { font-weight: bold; margin: 3mm 0; }
.problems { color: #c00000; font-weight: bold; }
.pending { border: 1px solid #000; padding: 1mm 3mm; font-weight: bold; text-align: center; margin: 2mm 0 3mm; }
.notes-title { font-size: 11pt; margin-top: 3mm; }
.notes { font-size: 11pt; padding-left: 6mm; margin: 1mm 0; }
/* The closing (the pending note, the signatures, the imprint) stays on one page and takes the
   last note with it, so the signatures never stand alone on a page; the padding keeps the
   diacritics of the upper-case roles from spilling onto the page before. */
.notes li:last-child { break-after: avoid; }
.closing { break-inside: avoid; page-break-inside: avoid; break-before: avoid; padding-top: 2mm; }
.signatures { display: grid; grid-template-columns: 40% 30% 30%; text-align: center; margin-top: 4mm; align-items: end; }
.signatures .role { font-weight: bold; align-self: start; }
.signatures .hint { font-style: italic; font-size: 11pt; align-self: start; }
.signatures .wide { grid-column: span 2; }
.signatures .space { height: 19mm; }
.signatures .name { font-weight: bold; }
.signatures .blank { color: #777; }
.imprint { margin-top: 4mm; font-size: 9pt; color: #333; border-top: 1px solid #999; padding-top: 1.5mm; break-inside: avoid; }
.imprint .full { font-size: 7.5pt; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; word-break: break-all; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; z-index: 10; pointer-events: none; }
.watermark span { transform: rotate(-35deg); font-size: 88pt; font-weight: bold; color: rgba(200, 0, 0, 0.13); white-space: nowrap; }
.rehearsal-banner { border: 2px solid #c00000; color: #c00000; text-align: center; padding: 1.5mm; margin: 0 0 4mm; }
"""


def _p(cls: str, text: str) -> str:
    return f'<p class="{cls}">{_e(text)}</p>\n'


def _table(cls: str, heads: list[str], rows: list[str]) -> str:
    """A table whose header row repeats on every printed page (``thead``)."""
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    return (
        f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>\n"
    )


def _paper(m: Minutes) -> tuple[str, str, str]:
    css = _PAPER_CSS.replace("__PAGE__", css_string(t(m.lang, "Trang ", "Page "))).replace(
        "__FP__", css_string(t(m.lang, "Mã kiểm tra ", "Fingerprint ") + m.fingerprint_short)
    )
    body = _header(m) + _figures(m) + _votes(m) + _elected(m) + _rules(m) + _notes(m) + _closing(m)
    return f"{m.title} — {m.election_title}", css, f"<main>\n{body}</main>\n"


def _header(m: Minutes) -> str:
    """The issuing body on the left, the party (or state) heading and the date on the right,
    then the title, the election, the congress, the place and the counting board."""
    lang = m.lang
    is_state = m.family == "state"
    # The upper body (the superior organisation) in regular type, the board itself in bold.
    left = "".join(
        f'<div class="line{" org" if i == 0 and len(m.header_left) > 1 else ""}">{_e(x)}</div>'
        for i, x in enumerate(m.header_left)
    )
    left += '<div class="rule"></div>' if is_state else '<div class="mark">*</div>'
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
    ]
    congress = m.congress
    if m.term and m.term not in congress:
        congress += t(lang, f", nhiệm kỳ {m.term}", f", term {m.term}")
    out.append(_p("congress", congress))
    if m.place:
        out.append(_p("place", f"{t(lang, 'Địa điểm', 'Place')}: {m.place}"))
    if m.board_head or m.board_members:
        intro = t(
            lang,
            "Tổ bầu cử gồm:" if is_state else "Ban kiểm phiếu gồm các đồng chí:",
            "The counting board:",
        )
        head_role = t(lang, "Tổ trưởng" if is_state else "Trưởng ban", "head")
        member_role = t(lang, "Thành viên", "member")
        people = [(m.board_head, head_role)] if m.board_head else []
        people += [(x, member_role) for x in m.board_members]
        items = "".join(f"<li>{_e(name)} — {_e(role)}</li>" for name, role in people)
        out.append(_p("board-intro", intro) + f'<ol class="board">{items}</ol>\n')
    return "".join(out)


def _figures(m: Minutes) -> str:
    """I. The seats, the base and its parts, the threshold, the ballots, the invalid by reason."""
    lang = m.lang
    rows = [
        '<tr class="figure key" data-key="seats"><td class="label">'
        f"{_e(t(lang, 'Số lượng cần bầu', 'Seats to fill'))}</td>"
        f'<td class="num">{m.seats}</td></tr>'
    ]
    for f in m.figures:
        cls = "figure"
        if f.key.startswith("invalid."):
            cls += " reason"  # indented under the invalid ballots
        elif f.key in ("base", "threshold"):
            cls += " key"
        rows.append(
            f'<tr class="{cls}" data-key="{_e(f.key)}"><td class="label">{_e(f.label)}</td>'
            f'<td class="num">{_value(f.value)}</td></tr>'
        )
    out = [
        f"<h2>I. {_e(t(lang, 'Các số liệu', 'The figures'))}</h2>\n",
        _table("figures", [t(lang, "Nội dung", "Item"), t(lang, "Số lượng", "Number")], rows),
        _p("base", f"{t(lang, 'Cơ sở tính kết quả', 'Base for the majority')}: {m.base_text}."),
    ]
    if m.threshold is not None:
        out.append(
            _p(
                "threshold",
                t(
                    lang,
                    f"Người trúng cử phải được ít nhất {m.threshold} phiếu.",
                    f"To be elected a candidate needs at least {m.threshold} votes.",
                ),
            )
        )
    return "".join(out)


def _votes(m: Minutes) -> str:
    """II. Every candidate in ballot order, then the chart."""
    lang = m.lang
    title = t(
        lang,
        "Số phiếu bầu cho từng người (theo thứ tự trong danh sách bầu cử)",
        "Votes per candidate (in ballot order)",
    )
    out = f"<h2>II. {_e(title)}</h2>\n"
    if not m.candidates:
        return out + _p("none", t(lang, "Không có người ứng cử.", "No candidates."))
    rows = [
        f'<tr class="candidate {c.status or "none"}" data-position="{c.position}">'
        f'<td class="pos">{c.position}</td><td class="name">{_e(c.name)}</td>'
        f'<td class="num votes">{c.votes}</td><td class="num pct">{_e(c.pct)}</td>'
        f'<td class="status">{_e(c.status_label)}</td></tr>'
        for c in m.candidates
    ]
    heads = [
        t(lang, "STT", "No."),
        t(lang, "Họ và tên", "Name"),
        t(lang, "Số phiếu", "Votes"),
        t(lang, "% cơ sở", "% of base"),
        t(lang, "Kết quả", "Result"),
    ]
    out += _table("candidates", heads, rows)
    chart = _chart(m)
    return out + (f"<figure>{chart}</figure>\n" if chart else "")


def _elected(m: Minutes) -> str:
    """III. The elected, most votes first; the outcome; the problems, in red."""
    lang = m.lang
    title = t(
        lang, "Những người trúng cử (theo số phiếu từ cao đến thấp)", "Elected (most votes first)"
    )
    out = f"<h2>III. {_e(title)}</h2>\n"
    if m.elected:
        rows = [
            f'<tr class="elected-row"><td class="pos">{i}</td><td class="name">{_e(name)}</td>'
            f'<td class="num votes">{votes}</td></tr>'
            for i, (name, votes) in enumerate(m.elected, 1)
        ]
        heads = [t(lang, "STT", "No."), t(lang, "Họ và tên", "Name"), t(lang, "Số phiếu", "Votes")]
        out += _table("elected", heads, rows)
    else:
        out += _p("none", t(lang, "Không có người trúng cử.", "Nobody elected."))
    out += _p("outcome", m.outcome_text)
    if m.problems:
        out += '<ul class="problems">' + "".join(f"<li>{_e(x)}</li>" for x in m.problems)
        out += "</ul>\n"
    return out


def _rules(m: Minutes) -> str:
    """IV. The rules applied; I and U marked with * and the number of their footnote."""
    if not m.rules:
        return ""
    lang = m.lang
    rows = []
    for key, cite, prov in m.rules:
        mark = ""
        if prov in UNVERIFIED:
            n = next(
                (i for i, f in enumerate(m.footnotes, 1) if f.startswith(f"{prov}: {key} ")),
                None,
            )
            mark = "*" + (f"<sup>{n}</sup>" if n else "")
        rows.append(
            f'<tr class="rule"><td class="key">{_e(key)}</td><td class="cite">{_e(cite)}</td>'
            f'<td class="prov">{_e(prov)}{mark}</td></tr>'
        )
    heads = [t(lang, "Quy tắc", "Rule"), t(lang, "Căn cứ", "Citation"), t(lang, "Nguồn", "Source")]
    legend = t(
        lang,
        "V: đã kiểm chứng trong văn bản · S: kiểm chứng qua nguồn thứ cấp · I: suy luận · "
        "U: mặc định chưa kiểm chứng. * kết quả dựa trên cách hiểu chưa kiểm chứng.",
        "V: verified in the text · S: verified from a secondary source · I: inferred · "
        "U: unverified default. * the result rests on a reading not verified in the text.",
    )
    return (
        f"<h2>IV. {_e(t(lang, 'Căn cứ', 'Rules applied'))}</h2>\n"
        + _table("rules", heads, rows)
        + _p("legend", legend)
    )


def _notes(m: Minutes) -> str:
    """The numbered footnotes: the I and U readings the result rests on."""
    if not m.footnotes:
        return ""
    title = t(
        m.lang,
        "Kết quả dựa trên các cách hiểu chưa kiểm chứng (I: suy luận, U: mặc định):",
        "Results rest on readings not verified in the text (I: inferred, U: default):",
    )
    items = "".join(f"<li>{_e(f)}</li>" for f in m.footnotes)
    return _p("notes-title", title) + f'<ol class="notes">{items}</ol>\n'


def _closing(m: Minutes) -> str:
    """The pending note, the signatures and the imprint, kept together on one page."""
    lang = m.lang
    out = []
    if m.pending_confirmation:
        out.append(
            _p("pending", t(lang, "Kết quả chưa được chuẩn y", "Results pending confirmation"))
        )
    out.append(_signatures(m))
    out.append(
        '<footer class="imprint">'
        f"<div>{_e(m.tool)} · {_e(t(lang, 'Bộ quy tắc', 'Rule set'))}: {_e(m.rules_id)} "
        f"({_e(m.rules_title)}) · {_e(t(lang, 'Mã kiểm tra', 'Fingerprint'))}: "
        f'<strong class="fingerprint">{_e(m.fingerprint_short)}</strong></div>'
        f'<div class="full">{_e(m.fingerprint)}</div></footer>\n'
    )
    return '<section class="closing">\n' + "".join(out) + "</section>\n"


def _signatures(m: Minutes) -> str:
    """The head on the left, the members two by two on the right, each with room to sign.

    One grid for both sides, so the head's name lines up with the first members' names even
    when a role wraps onto two lines.
    """
    lang = m.lang
    is_state = m.family == "state"
    hint = _e(t(lang, "(Ký, ghi rõ họ tên)", "(Signature and full name)"))
    role = t(
        lang, "TỔ TRƯỞNG" if is_state else "TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD"
    )

    def sign(cls: str, name: str | None) -> str:
        shown = (
            f'<div class="name">{_e(name)}</div>'
            if name
            else '<div class="name blank">……………………</div>'
        )
        return f'<div class="sign {cls}"><div class="space"></div>{shown}</div>'

    members: list[str | None] = list(m.board_members) or [None, None]
    cells = [
        f'<div class="role">{_e(role)}</div>',
        f'<div class="role wide">{_e(t(lang, "CÁC THÀNH VIÊN", "MEMBERS"))}</div>',
        f'<div class="hint">{hint}</div>',
        f'<div class="hint wide">{hint}</div>',
        sign("head", m.board_head),
    ]
    for i in range(0, len(members), 2):
        if i:
            cells.append('<div class="sign"></div>')
        cells += [sign("member", x) for x in members[i : i + 2]]
    return '<section class="signatures">' + "".join(cells) + "</section>\n"


# ---------------------------------------------------------------------------------------------
# Hall: the result projected for the congress

_HALL_CSS = """\
* { box-sizing: border-box; }
html, body { margin: 0; background: #10151c; color: #f2f2f2; }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; padding: 2.5vh 3vw 6vh; min-height: 100vh; }
h1 { font-size: min(5vh, 4vw); margin: 0 0 0.6vh; line-height: 1.15; }
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
    lang = m.lang
    ranked = _by_votes(m)
    half = (len(ranked) + 1) // 2 if len(ranked) > _HALL_ONE_COLUMN else len(ranked)
    columns = [ranked[:half], ranked[half:]] if half < len(ranked) else [ranked]
    # The rows shrink with their number so that one screen shows them all, within limits.
    row_vh = max(2.0, min(5.0, round(52 / (half + 3), 1)))
    css = _HALL_CSS.replace("__ROW__", str(row_vh))
    out = [f"<h1>{_e(m.election_title)}</h1>\n"]
    out.append(
        '<p class="threshold">'
        + _e(
            t(lang, f"Số cần bầu: {m.seats}", f"Seats: {m.seats}")
            + (
                t(
                    lang,
                    f" · Cần ít nhất {m.threshold} phiếu để trúng cử",
                    f" · {m.threshold} votes needed to be elected",
                )
                if m.threshold is not None
                else ""
            )
        )
        + "</p>\n"
    )
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
                f"{_e(_needed(m, m.threshold or 0))}</span></span><span></span><span></span></div>"
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
                f'<span class="votes">{c.votes}</span><span class="pct">{pct}</span></div>'
            )
        lists.append('<div class="rows">\n' + "\n".join(rows) + "\n</div>")
    if ranked:
        out.append('<div class="lists">\n' + "\n".join(lists) + "\n</div>\n")
    out.append(f'<p class="outcome">{_e(m.outcome_text)}</p>\n')
    if m.problems:
        out.append(
            '<ul class="problems">' + "".join(f"<li>{_e(p)}</li>" for p in m.problems) + "</ul>\n"
        )
    if m.pending_confirmation:
        out.append(
            '<p class="pending">'
            + _e(t(lang, "Kết quả chưa được chuẩn y", "Results pending confirmation"))
            + "</p>\n"
        )
    out.append(
        f'<div class="fingerprint">{_e(t(lang, "Mã kiểm tra", "Fingerprint"))} '
        f"{_e(m.fingerprint_short)}</div>\n"
    )
    return m.election_title, css, "<main>\n" + "".join(out) + "</main>\n"
