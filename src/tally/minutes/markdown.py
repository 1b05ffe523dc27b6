"""The minutes as Markdown: for the dossier, for diffs in review, and for the golden tests.

Every name and text field goes through :func:`esc`, so a name renders as typed: ``<script>``
is text, not HTML; a newline followed by ``# Heading`` is neither a new line nor a heading.
"""

from __future__ import annotations

import re

from tally.labels import t
from tally.minutes.model import Minutes
from tally.ruleset.models import UNVERIFIED

# Escaped wherever they stand: inline markup, raw HTML and entities, table cells, headings'
# closing sequences, strikethrough and math in GitHub's flavour.
_MD_SPECIAL = frozenset("\\`*[]<>|~#$")
# An ``&`` is escaped where it would begin a character reference (``&lt;``, ``&#60;``).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")
# What ends a line for some reader: each becomes a space, so a field stays on its line.
_LINE_BREAK = re.compile("\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
# A block marker where a line or a list item begins: a bullet, a setext underline, "1." / "1)".
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)](\s|$)))")


def esc(text: str) -> str:
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


def render_markdown(m: Minutes) -> str:
    lang = m.lang
    out: list[str] = []
    add = out.append
    if m.rehearsal:
        add(f"> **{t(lang, 'DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ', 'REHEARSAL — NOT VALID')}**")
        add("")
    left = [esc(x) for x in m.header_left]
    right = [*(esc(x) for x in m.header_right), f"*{esc(m.date_line)}*"]
    rows = max(len(left), len(right))
    left += [""] * (rows - len(left))
    right += [""] * (rows - len(right))
    add(f"| **{left[0]}** | **{right[0]}** |")
    add("|:---:|:---:|")
    for lcell, rcell in zip(left[1:], right[1:], strict=True):
        lc = f"**{lcell}**" if lcell else ""
        add(f"| {lc} | {rcell} |")
    add("")
    add(f"# {esc(m.title)}")
    add("")
    add(f"## {esc(m.election_title)}")
    add("")
    term = (
        f" — {t(lang, 'nhiệm kỳ', 'term')} {esc(m.term)}"
        if m.term and m.term not in m.congress
        else ""
    )
    add(esc(m.congress) + term)
    if m.place:
        add("")
        add(f"{t(lang, 'Địa điểm', 'Place')}: {esc(m.place)}")
    add("")
    if m.board_head or m.board_members:
        add(f"**{t(lang, 'Ban kiểm phiếu', 'Counting board')}:**")
        add("")
        if m.board_head:
            add(f"- {t(lang, 'Trưởng ban', 'Head')}: {esc(m.board_head)}")
        for member in m.board_members:
            add(f"- {t(lang, 'Thành viên', 'Member')}: {esc(member)}")
        add("")
    add(f"### {t(lang, 'Kết quả kiểm phiếu', 'The count')}")
    add("")
    add(f"| {t(lang, 'Nội dung', 'Figure')} | {t(lang, 'Số', 'Number')} |")
    add("|---|---:|")
    add(f"| {t(lang, 'Số cần bầu', 'Seats')} | {m.seats} |")
    for fig in m.figures:
        value = "–" if fig.value is None else str(fig.value)
        add(f"| {esc(fig.label)} | {value} |")
    add("")
    add(f"{t(lang, 'Cơ sở tính', 'Base')}: {esc(m.base_text)}.")
    add("")
    add(
        f"### {t(lang, 'Số phiếu bầu cho từng người (theo thứ tự trên phiếu)', 'Votes (in ballot order)')}"
    )
    add("")
    add(
        f"| {t(lang, 'STT', 'No.')} | {t(lang, 'Họ và tên', 'Name')} | "
        f"{t(lang, 'Số phiếu', 'Votes')} | {t(lang, 'Tỷ lệ %', '% of base')} | "
        f"{t(lang, 'Kết quả', 'Result')} |"
    )
    add("|---:|---|---:|---:|---|")
    for row in m.candidates:
        name = f"**{esc(row.name)}**" if row.status in ("elected", "admitted") else esc(row.name)
        add(f"| {row.position} | {name} | {row.votes} | {esc(row.pct)} | {esc(row.status_label)} |")
    add("")
    if m.elected:
        add(f"### {t(lang, 'Trúng cử (theo số phiếu từ cao đến thấp)', 'Elected (by votes)')}")
        add("")
        for i, (name, votes) in enumerate(m.elected, 1):
            add(f"{i}. {esc(name)} — {votes} {t(lang, 'phiếu', 'votes')}")
        add("")
    for problem in m.problems:
        add(f"- ✗ {esc(problem)}")
    if m.problems:
        add("")
    add(f"**{t(lang, 'Kết luận', 'Outcome')}:** {esc(m.outcome_text)}")
    add("")
    if m.pending_confirmation:
        add(
            f"*{t(lang, 'Kết quả chưa được chuẩn y.', 'Results pending confirmation by the competent committee.')}*"
        )
        add("")
    add(f"### {t(lang, 'Căn cứ', 'Rules applied')}")
    add("")
    for key, cite, prov in m.rules:
        mark = "*" if prov in UNVERIFIED else ""
        add(f"- `{key}` — {esc(cite)} [{prov}]{mark}")
    add("")
    if m.footnotes:
        add(
            f"### {t(lang, 'Ghi chú: cách hiểu chưa kiểm chứng', 'Notes: readings not verified in the text')}"
        )
        add("")
        for i, note in enumerate(m.footnotes, 1):
            add(f"{i}. {esc(note)}")
        add("")
    add(
        f"| {t(lang, 'TRƯỞNG BAN KIỂM PHIẾU', 'HEAD OF THE COUNTING BOARD')} | "
        f"{t(lang, 'CÁC THÀNH VIÊN', 'MEMBERS')} |"
    )
    add("|:---:|:---:|")
    sign = t(lang, "*(Ký, ghi rõ họ tên)*", "*(signature and full name)*")
    add(f"| {sign} | {sign} |")
    add("| <br><br><br> | <br><br><br> |")
    members = list(m.board_members) or [""]
    add(f"| {esc(m.board_head or '')} | {esc(members[0])} |")
    for member in members[1:]:
        add(f"|  | {esc(member)} |")
    add("")
    add("---")
    add("")
    add(
        f"{esc(m.tool)} · {t(lang, 'Quy chế', 'Rules')}: {esc(m.rules_id)} "
        f"({esc(m.rules_title)}) · "
        f"{t(lang, 'Mã kiểm tra', 'Fingerprint')}: **{m.fingerprint_short}**"
    )
    add("")
    add(f"SHA-256: `{m.fingerprint}`")
    add("")
    return "\n".join(out)
