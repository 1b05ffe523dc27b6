"""The minutes as Markdown: for the dossier, for diffs in review, and for the golden tests."""

from __future__ import annotations

from tally.labels import t
from tally.minutes.model import Minutes
from tally.ruleset.models import UNVERIFIED


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(m: Minutes) -> str:
    lang = m.lang
    out: list[str] = []
    add = out.append
    if m.rehearsal:
        add(f"> **{t(lang, 'DIỄN TẬP — KHÔNG CÓ GIÁ TRỊ', 'REHEARSAL — NOT VALID')}**")
        add("")
    left = list(m.header_left)
    right = [*m.header_right, f"*{m.date_line}*"]
    rows = max(len(left), len(right))
    left += [""] * (rows - len(left))
    right += [""] * (rows - len(right))
    add(f"| **{_cell(left[0])}** | **{_cell(right[0])}** |")
    add("|:---:|:---:|")
    for lcell, rcell in zip(left[1:], right[1:], strict=True):
        lc = f"**{_cell(lcell)}**" if lcell else ""
        add(f"| {lc} | {_cell(rcell)} |")
    add("")
    add(f"# {m.title}")
    add("")
    add(f"## {_cell(m.election_title)}")
    add("")
    term = (
        f" — {t(lang, 'nhiệm kỳ', 'term')} {m.term}" if m.term and m.term not in m.congress else ""
    )
    add(m.congress + term)
    if m.place:
        add("")
        add(f"{t(lang, 'Địa điểm', 'Place')}: {m.place}")
    add("")
    if m.board_head or m.board_members:
        add(f"**{t(lang, 'Ban kiểm phiếu', 'Counting board')}:**")
        add("")
        if m.board_head:
            add(f"- {t(lang, 'Trưởng ban', 'Head')}: {m.board_head}")
        for member in m.board_members:
            add(f"- {t(lang, 'Thành viên', 'Member')}: {member}")
        add("")
    add(f"### {t(lang, 'Kết quả kiểm phiếu', 'The count')}")
    add("")
    add(f"| {t(lang, 'Nội dung', 'Figure')} | {t(lang, 'Số', 'Number')} |")
    add("|---|---:|")
    add(f"| {t(lang, 'Số cần bầu', 'Seats')} | {m.seats} |")
    for fig in m.figures:
        value = "–" if fig.value is None else str(fig.value)
        add(f"| {_cell(fig.label)} | {value} |")
    add("")
    add(f"{t(lang, 'Cơ sở tính', 'Base')}: {m.base_text}.")
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
        name = (
            f"**{_cell(row.name)}**" if row.status in ("elected", "admitted") else _cell(row.name)
        )
        add(f"| {row.position} | {name} | {row.votes} | {row.pct} | {row.status_label} |")
    add("")
    if m.elected:
        add(f"### {t(lang, 'Trúng cử (theo số phiếu từ cao đến thấp)', 'Elected (by votes)')}")
        add("")
        for i, (name, votes) in enumerate(m.elected, 1):
            add(f"{i}. {name} — {votes} {t(lang, 'phiếu', 'votes')}")
        add("")
    for problem in m.problems:
        add(f"- ✗ {problem}")
    if m.problems:
        add("")
    add(f"**{t(lang, 'Kết luận', 'Outcome')}:** {m.outcome_text}")
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
        add(f"- `{key}` — {cite} [{prov}]{mark}")
    add("")
    if m.footnotes:
        add(
            f"### {t(lang, 'Ghi chú: cách hiểu chưa kiểm chứng', 'Notes: readings not verified in the text')}"
        )
        add("")
        for i, note in enumerate(m.footnotes, 1):
            add(f"{i}. {note}")
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
    add(f"| {_cell(m.board_head or '')} | {_cell(members[0])} |")
    for member in members[1:]:
        add(f"|  | {_cell(member)} |")
    add("")
    add("---")
    add("")
    add(
        f"{m.tool} · {t(lang, 'Quy chế', 'Rules')}: {m.rules_id} ({m.rules_title}) · "
        f"{t(lang, 'Mã kiểm tra', 'Fingerprint')}: **{m.fingerprint_short}**"
    )
    add("")
    add(f"SHA-256: `{m.fingerprint}`")
    add("")
    return "\n".join(out)
