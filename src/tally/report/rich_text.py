"""Terminal reports (rich). The only module outside cli/ that imports rich."""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tally.findings import Finding, Lang
from tally.i18n import majority_words, msg, ratio_digits
from tally.kinds import Layout, Venue
from tally.labels import BODY, FIGURE, MEETING, OUTCOME, REASON, STATUS, t, tr
from tally.plan_checks import target_label
from tally.report.model import CheckReport, CountReport, StructureLine, ValidateReport
from tally.report.text import (
    assumption_text,
    base_sentence,
    decimal,
    names_of,
    not_counted_sentence,
    outcome_sentence,
    problem_text,
    rule_label,
)
from tally.ruleset.models import UNVERIFIED, RuleSet
from tally.shares import format_quantity

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_LABEL = {
    "error": ("LỖI", "ERROR"),
    "warning": ("CẢNH BÁO", "WARNING"),
    "info": ("THÔNG TIN", "INFO"),
}


def layout_label(layout: Layout, lang: Lang) -> str:
    if layout == "strike":
        return t(lang, "gạch tên", "strike-out")
    if layout == "agree_disagree":
        return t(lang, "đồng ý/không", "agree/disagree")
    assert_never(layout)


def venue_label(venue: Venue, lang: Lang) -> str:
    if venue == "conference":
        return t(lang, "hội nghị", "conference")
    if venue == "congress":
        return t(lang, "đại hội", "congress")
    assert_never(venue)


def provenance_mark(prov: str | None) -> str:
    """``V``/``S`` print plainly; ``I``/``U`` get a marker: the result rests on an assumption."""
    if prov is None:
        return ""
    return f"[{prov}]" + ("*" if prov in UNVERIFIED else "")


def findings_table(findings: Sequence[Finding], lang: Lang) -> Table:
    """The findings table."""
    table = Table(show_lines=False, expand=True)
    table.add_column(t(lang, "Mức", "Level"), no_wrap=True)
    table.add_column(t(lang, "Mã", "Code"), no_wrap=True)
    table.add_column(t(lang, "Nội dung", "Finding"), ratio=3)
    table.add_column(t(lang, "Căn cứ", "Rule"), ratio=2)
    for f in findings:
        sev_vi, sev_en = SEVERITY_LABEL[f.severity]
        words = f.cite_vi if lang == "vi" and f.cite_vi else f.cite
        cite = f"{words} {provenance_mark(f.provenance)}" if words else ""
        table.add_row(
            Text(t(lang, sev_vi, sev_en), style=SEVERITY_STYLE[f.severity]),
            f.code,
            f.text(lang),
            cite,
        )
    return table


def summary_line(
    errors: int,
    warnings: int,
    lang: Lang,
    clean: tuple[str, str] = ("Không có lỗi.", "No problems found."),
) -> Text:
    if errors:
        return Text(
            t(
                lang,
                f"{errors} lỗi, {warnings} cảnh báo.",
                f"{errors} error(s), {warnings} warning(s).",
            ),
            style="bold red",
        )
    if warnings:
        return Text(
            t(lang, f"Không có lỗi; {warnings} cảnh báo.", f"No errors; {warnings} warning(s)."),
            style="yellow",
        )
    return Text(t(lang, *clean), style="green")


def render_validation(console: Console, report: ValidateReport, lang: Lang) -> None:
    console.print(Text(t(lang, "Kiểm tra trước khi bầu", "Checks before the vote"), style="bold"))
    console.print(f"{report.election}")
    console.print(
        f"{tr(MEETING, report.meeting, lang)} · {report.date.isoformat()} · "
        f"{t(lang, 'Quy chế', 'Rules')}: {report.rules} ({report.rules_title})"
    )
    table = Table(expand=True)
    table.add_column(t(lang, "Cuộc bầu", "Contest"))
    table.add_column(t(lang, "Cần bầu", "Seats"), justify="right")
    table.add_column(t(lang, "Danh sách", "List"), justify="right")
    table.add_column(t(lang, "Số dư", "Surplus"), justify="right")
    table.add_column(t(lang, "Phiếu", "Ballot"))
    table.add_column(t(lang, "Cơ sở tính", "Base"), justify="right")
    table.add_column(t(lang, "Cần ít nhất", "Needs"), justify="right")
    for c in report.contests:
        layout = layout_label(c.layout, lang)
        base = str(c.base) if c.base is not None else tr(FIGURE, c.base_kind, lang)
        table.add_row(
            f"{tr(BODY, c.body, lang)} ({c.id})",
            str(c.seats) if c.seats is not None else "–",
            str(c.candidates),
            str(c.surplus) if c.surplus is not None else "–",
            layout,
            base,
            str(c.threshold)
            if c.threshold is not None
            else msg("report.need.of_valid", share=ratio_digits(c.majority)).text(lang),
        )
    console.print(table)
    shown: set[str] = set()
    for c in report.contests:
        if c.base is None or c.threshold is None or not c.base_parts:
            continue
        sentence = base_sentence(c.base_parts, c.base, lang)
        if sentence in shown:
            continue
        shown.add(sentence)
        where = venue_label(c.at, lang)
        need = msg("report.need.short", majority=majority_words(c.majority), threshold=c.threshold)
        console.print(
            f"{t(lang, 'Cơ sở tính', 'Base')} ({where}): {sentence}; {need.text(lang)} "
            f"— {c.base_cite} {provenance_mark(c.base_provenance)}"
        )
    if report.findings:
        console.print(findings_table(report.findings, lang))
    console.print(summary_line(report.errors, report.warnings, lang))
    if any(f.provenance in UNVERIFIED for f in report.findings) or any(
        c.base_provenance in UNVERIFIED for c in report.contests
    ):
        console.print(
            t(
                lang,
                "* Quy định có dấu * là cách hiểu chưa được kiểm chứng với văn bản (I: suy luận, U: mặc định).",
                "* Rules marked * rest on a reading not verified in the text (I: inferred, U: default).",
            ),
            style="dim",
        )


def render_rules_list(console: Console, rulesets: list[RuleSet], lang: Lang) -> None:
    table = Table(expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column(t(lang, "Tên", "Title"))
    table.add_column(t(lang, "Loại", "Family"))
    table.add_column(t(lang, "Văn bản", "Instruments"))
    for rs in rulesets:
        inst = "; ".join(
            f"{i.number} ({i.date.strftime('%d/%m/%Y')})" if i.date else i.number
            for i in rs.instruments
        )
        table.add_row(rs.id, rs.title, rs.family, inst)
    console.print(table)


def render_rules_show(console: Console, rs: RuleSet, lang: Lang) -> None:
    console.print(Text(f"{rs.id}: {rs.title}", style="bold"))
    if rs.extends:
        console.print(f"extends: {rs.extends}")
    table = Table(expand=True, show_lines=True)
    table.add_column(t(lang, "Tham số", "Parameter"), no_wrap=lang == "en")
    table.add_column(t(lang, "Giá trị", "Value"))
    table.add_column(t(lang, "Căn cứ", "Citation"))
    table.add_column("", no_wrap=True)
    for key, param in rs.params():
        value = param.model_dump(mode="json")["value"]
        note = param.note_in(lang)
        # in Vietnamese the rule in words, and its key: what a rule file overrides
        name = key if lang == "en" else f"{rule_label(key, lang)}\n{key}"
        table.add_row(
            name,
            str(value),
            param.cite_in(lang) + (f"\n{note}" if note else ""),
            Text(
                provenance_mark(param.provenance),
                style="yellow" if param.provenance in UNVERIFIED else "",
            ),
        )
    console.print(table)
    console.print(
        t(
            lang,
            "V: đã kiểm chứng trong văn bản · S: kiểm chứng qua nguồn thứ cấp · I: suy luận · U: mặc định chưa kiểm chứng",
            "V verified in the text · S verified from a secondary source · I inferred · U unverified default",
        ),
        style="dim",
    )


def render_count(console: Console, report: CountReport, lang: Lang) -> None:
    """The count report: per contest and round, every figure the minutes need."""
    console.print(Text(report.election, style="bold"))
    console.print(f"{t(lang, 'Quy chế', 'Rules')}: {report.rules} · {report.tool}")
    footnotes: list[str] = []
    for c in report.contests:
        title = f"{tr(BODY, c.body, lang)} ({c.id})"
        if c.name:
            title = f"{c.name} ({c.id})"
        for rd in c.rounds:
            console.print()
            console.print(
                Text(f"{title} — {t(lang, 'lần', 'round')} {rd.number}", style="bold underline")
            )
            b = rd.ballots
            lines = []
            if rd.base is not None and rd.base_parts:
                lines.append(
                    f"{t(lang, 'Số cần bầu', 'Seats')}: {rd.seats} · {t(lang, 'Cơ sở tính', 'Base')}: "
                    f"{base_sentence(rd.base_parts, rd.base, lang)}"
                )
            else:
                lines.append(
                    f"{t(lang, 'Số cần bầu', 'Seats')}: {rd.seats} · {t(lang, 'Cơ sở tính', 'Base')}: "
                    f"{tr(FIGURE, rd.base_kind, lang).lower()} = {rd.base}"
                )
            reasons = "; ".join(f"{tr(REASON, r, lang)}: {n}" for r, n in b.invalid_by_reason)
            if rd.registered is not None:
                attendance = (
                    f"{t(lang, 'Cử tri trong danh sách', 'Registered voters')} {rd.registered} · "
                    f"{t(lang, 'Đã bỏ phiếu', 'Voted')} {b.collected} · "
                )
            else:
                present = rd.present if rd.present is not None else "–"
                attendance = f"{t(lang, 'Có mặt', 'Present')} {present} · "
            lines.append(
                attendance
                + f"{t(lang, 'Phát ra', 'Issued')} {b.issued if b.issued is not None else '–'} · "
                f"{t(lang, 'Thu vào', 'Collected')} {b.collected} · "
                f"{t(lang, 'Hợp lệ', 'Valid')} {b.valid} · "
                f"{t(lang, 'Không hợp lệ', 'Invalid')} {b.invalid}"
                + (f" ({reasons})" if reasons else "")
            )
            for line in lines:
                console.print(line)
            if rd.outcome != "rejected":
                table = Table(expand=False)
                table.add_column(t(lang, "STT", "No."), justify="right")
                table.add_column(t(lang, "Họ và tên", "Name"))
                table.add_column(t(lang, "Số phiếu", "Votes"), justify="right")
                table.add_column(t(lang, "% cơ sở", "% of base"), justify="right")
                table.add_column(t(lang, "Kết quả", "Result"))
                for cand in rd.candidates:
                    status = cand.status
                    label = tr(STATUS, status, lang) if status else "–"
                    style = {
                        "elected": "bold green",
                        "admitted": "bold green",
                        "tie": "bold yellow",
                    }.get(status or "", "")
                    table.add_row(
                        str(cand.position),
                        cand.name,
                        str(cand.votes),
                        decimal(cand.pct_of_base or "", lang),
                        Text(label, style=style),
                    )
                console.print(table)
            if rd.elected:
                console.print(
                    t(
                        lang,
                        "Trúng cử (theo số phiếu từ cao đến thấp): ",
                        "Elected (by votes, high to low): ",
                    )
                    + names_of(rd, rd.elected)
                )
            for p in rd.problems:
                console.print(Text(f"✗ {p.code}: {problem_text(p, lang)}", style="bold red"))
            for w in rd.warnings:
                console.print(Text(f"⚠ {w.code}: {problem_text(w, lang)}", style="bold yellow"))
            style = {"complete": "green", "rejected": "bold red"}.get(rd.outcome, "bold yellow")
            console.print(Text(outcome_sentence(rd, lang), style=style))
            for a in rd.assumptions:
                text = assumption_text(a, lang)
                if text not in footnotes:
                    footnotes.append(text)
        due = c.not_entered
        if due:
            console.print()
            console.print(
                Text(f"{title} — {t(lang, 'lần', 'round')} {due.round}", style="bold underline")
            )
            console.print(Text(due.message(lang), style="bold yellow"))
            console.print(Text(f"{t(lang, 'gợi ý', 'hint')}: {due.hint(lang)}"))
        elif not c.rounds:
            console.print()
            console.print(Text(title, style="bold underline"))
            console.print(Text(not_counted_sentence(lang), style="bold yellow"))
    if footnotes:
        console.print()
        console.print(
            t(
                lang,
                "Kết quả dựa trên các cách hiểu chưa kiểm chứng (I: suy luận, U: mặc định):",
                "Results rest on readings not verified in the text (I: inferred, U: default):",
            ),
            style="dim",
        )
        for i, note in enumerate(footnotes, 1):
            console.print(f"  {i}. {note}", style="dim")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def render_check(console: Console, report: CheckReport, lang: Lang) -> None:
    """The result against the personnel plan, grouped by body (design.md's check document)."""
    console.print(
        Text(
            t(lang, "Đối chiếu kết quả với đề án nhân sự", "The result against the personnel plan"),
            style="bold",
        )
    )
    counted = report.count
    console.print(counted.election)
    console.print(f"{t(lang, 'Quy chế', 'Rules')}: {counted.rules} · {counted.tool}")
    plan = report.plan
    if plan is None:
        console.print(
            t(
                lang,
                "Không có đề án nhân sự (plan:) trong election.yaml: chỉ kiểm tra quy chế.",
                "No personnel plan (plan:) in election.yaml: the rules are checked, not a plan.",
            ),
            style="yellow",
        )
    else:
        day = plan.approved_on
        on = (day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()) if day else None
        approved = ", ".join(x for x in (plan.approved_by, on) if x)
        console.print(f"{t(lang, 'Đề án được phê duyệt', 'Plan approved by')}: {approved or '–'}")

    table = Table(expand=True)
    table.add_column(t(lang, "Cuộc bầu", "Contest"))
    table.add_column(t(lang, "Cần bầu", "Seats"), justify="right")
    table.add_column(t(lang, "Trúng cử", "Elected"))
    table.add_column(t(lang, "Kết quả", "Outcome"))
    names = counted.names()
    for c in counted.contests:
        if c.body == "nomination_poll":
            continue
        style = {"complete": "green", "rejected": "bold red"}.get(c.outcome, "yellow")
        table.add_row(
            f"{tr(BODY, c.body, lang)} ({c.id})",
            str(c.seats),
            f"{len(c.elected)}: " + ", ".join(names.get(i, i) for i in c.elected)
            if c.elected
            else "–",
            Text(_lower_first(tr(OUTCOME, c.outcome, lang)), style=style),
        )
    console.print(table)
    for c in counted.contests:
        due = c.not_entered
        if due:
            console.print(Text(f"• {c.id}: {due.message(lang)}", style="yellow"))
            console.print(Text(f"  {t(lang, 'gợi ý', 'hint')}: {due.hint(lang)}"))
    rejected = False
    for c in counted.contests:
        for rd in c.rounds:
            for prob in rd.problems:
                rejected = True
                console.print(
                    Text(
                        f"✗ {c.id}, {t(lang, 'lần', 'round')} {rd.number}: "
                        f"{problem_text(prob, lang)}",
                        style="bold red",
                    )
                )

    by_body: dict[str | None, list[Finding]] = {}
    for f in report.findings:
        by_body.setdefault(f.body, []).append(f)
    rows_by_body: dict[str, list[StructureLine]] = {}
    for row in report.structure:
        rows_by_body.setdefault(row.body, []).append(row)
    order = list(BODY)
    bodies = sorted(
        {b for b in by_body if b is not None} | set(rows_by_body), key=lambda b: order.index(b)
    )
    for body in bodies:
        console.print()
        console.print(Text(tr(BODY, body, lang), style="bold underline"))
        if rows_by_body.get(body):
            st = Table(expand=False)
            st.add_column(t(lang, "Cơ cấu", "Target"))
            st.add_column(t(lang, "Đề án", "Plan"), justify="right")
            st.add_column(t(lang, "Cần", "Needed"), justify="right")
            st.add_column(t(lang, "Trúng cử", "Elected"), justify="right")
            st.add_column("%", justify="right")
            st.add_column(t(lang, "Đạt", "Met"))
            for row in rows_by_body[body]:
                bound = " – ".join(
                    x
                    for x in (
                        f"≥ {format_quantity(row.min)}" if row.min is not None else "",
                        f"≤ {format_quantity(row.max)}" if row.max is not None else "",
                    )
                    if x
                )
                unknown = (
                    t(lang, f" (+{row.unknown} chưa rõ)", f" (+{row.unknown} unknown)")
                    if row.unknown
                    else ""
                )
                st.add_row(
                    target_label(row.target, row.spec, lang),
                    bound,
                    str(row.needed) if row.needed is not None else "",
                    f"{row.count}/{row.of}{unknown}",
                    decimal(row.pct or "", lang),
                    Text(t(lang, "đạt", "yes"), style="green")
                    if row.met
                    else Text(t(lang, "chưa đạt", "no"), style="yellow"),
                )
            console.print(st)
        if by_body.get(body):
            console.print(findings_table(by_body[body], lang))
    if by_body.get(None):
        console.print()
        console.print(Text(t(lang, "Chung", "General"), style="bold underline"))
        console.print(findings_table(by_body[None], lang))
    console.print()
    errors, warnings, infos = report.errors, report.warnings, report.infos
    # Contests whose ballots are not entered (or named) yet: what was counted may be clean,
    # but the result cannot be called a match with the plan.
    waiting = [c.id for c in counted.contests if c.outcome in ("not_entered", "not_counted")]
    clean = (
        ("Kết quả đúng đề án và quy chế.", "The result matches the plan and the rules.")
        if plan is not None and not waiting
        else ("Không có lỗi.", "No problems found.")
    )
    if waiting:
        console.print(
            t(
                lang,
                f"Chưa kiểm phiếu xong ({', '.join(waiting)}): chưa thể đối chiếu đầy đủ với đề án.",
                f"Not all counted yet ({', '.join(waiting)}): the check against the plan is incomplete.",
            ),
            style="yellow",
        )
    if rejected:
        console.print(
            t(
                lang,
                "Số liệu kiểm phiếu không khớp: kết quả không được công nhận, chưa thể đối chiếu đầy đủ.",
                "The figures of the count do not reconcile: no result is accepted, the check is incomplete.",
            ),
            style="bold red",
        )
    if not rejected or errors or warnings:
        console.print(summary_line(errors, warnings, lang, clean))
    if infos:
        console.print(t(lang, f"{infos} ghi chú.", f"{infos} note(s)."), style="dim")
    marked = [f for f in report.findings if f.provenance in UNVERIFIED]
    if marked:
        console.print(
            t(
                lang,
                "* Quy định có dấu * là cách hiểu chưa được kiểm chứng với văn bản (I: suy luận, U: mặc định).",
                "* Rules marked * rest on a reading not verified in the text (I: inferred, U: default).",
            ),
            style="dim",
        )
