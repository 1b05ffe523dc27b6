"""Terminal reports (rich). The only module outside cli/ that imports rich."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, assert_never

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tally.domain.meetings import Meeting
from tally.findings import Finding, Lang
from tally.i18n import majority_words, msg, ratio_digits
from tally.kinds import Layout, Venue
from tally.labels import BODY, FIGURE, MEETING, OUTCOME, REASON, STATUS, tr
from tally.plan_checks import target_label
from tally.report.columns import columns
from tally.report.model import (
    CheckReport,
    ContestReport,
    CountReport,
    RoundReport,
    RowCount,
    StructureLine,
    ValidateReport,
)
from tally.report.text import (
    appointed_sentence,
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


class SimulatedElection(Protocol):
    """What the simulate table reads of one simulated election (tally.simulate's own class),
    as a protocol: the renderers do not import the application layer above them."""

    @property
    def kind(self) -> str: ...
    @property
    def outcomes(self) -> Sequence[tuple[str, str]]: ...
    @property
    def rounds(self) -> int: ...
    @property
    def ballots(self) -> int: ...
    @property
    def ties(self) -> int: ...
    @property
    def shortfalls(self) -> int: ...


SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def layout_label(layout: Layout, lang: Lang) -> str:
    if layout == "strike":
        return msg("table.strike_out").text(lang)
    if layout == "agree_disagree":
        return msg("table.agree_disagree").text(lang)
    assert_never(layout)


def venue_label(venue: Venue, lang: Lang) -> str:
    if venue == "conference":
        return msg("table.conference").text(lang)
    if venue == "congress":
        return msg("table.congress").text(lang)
    assert_never(venue)


def meeting_heading(meeting: Meeting, lang: Lang) -> str:
    """The meeting that votes a contest, and its date: under the contest's heading."""
    day = meeting.date
    date = msg("conference.date", day=day.day, month=day.month, year=day.year)
    return msg("conference.heading", name=meeting.title(lang), date=date).text(lang)


def meetings(report: CountReport) -> tuple[Meeting, ...]:
    """The meetings that voted the report's contests, in the order they first come.

    With one (the congress, named at the top of the report) no contest heading repeats it.
    """
    return tuple(dict.fromkeys(c.meeting for c in report.contests))


def provenance_mark(prov: str | None) -> str:
    """``V``/``S`` print plainly; ``I``/``U`` get a marker: the result rests on an assumption."""
    if prov is None:
        return ""
    return f"[{prov}]" + ("*" if prov in UNVERIFIED else "")


def findings_table(findings: Sequence[Finding], lang: Lang) -> Table:
    """The findings table."""
    table = Table(show_lines=False, expand=True)
    table.add_column(msg("table.level").text(lang), no_wrap=True)
    table.add_column(msg("table.code").text(lang), no_wrap=True)
    table.add_column(msg("table.finding").text(lang), ratio=3)
    table.add_column(msg("table.rule").text(lang), ratio=2)
    for f in findings:
        words = f.cite_vi if lang == "vi" and f.cite_vi else f.cite
        cite = f"{words} {provenance_mark(f.provenance)}" if words else ""
        table.add_row(
            Text(msg(f"table.severity.{f.severity}").text(lang), style=SEVERITY_STYLE[f.severity]),
            f.code,
            f.text(lang),
            cite,
        )
    return table


def summary_line(
    errors: int,
    warnings: int,
    lang: Lang,
    clean: str = "table.no_problems",
) -> Text:
    if errors:
        return Text(
            msg("table.errors_and_warnings", errors=errors, warnings=warnings).text(lang),
            style="bold red",
        )
    if warnings:
        return Text(
            msg("table.no_errors", warnings=warnings).text(lang),
            style="yellow",
        )
    return Text(msg(clean).text(lang), style="green")


def render_validation(console: Console, report: ValidateReport, lang: Lang) -> None:
    console.print(Text(msg("table.checks_before_vote").text(lang), style="bold"))
    console.print(f"{report.election}")
    console.print(
        f"{tr(MEETING, report.meeting, lang)} · {report.date.isoformat()} · "
        f"{msg('table.rules').text(lang)}: {report.rules} ({report.rules_title})"
    )
    table = Table(expand=True)
    table.add_column(msg("table.contest").text(lang))
    table.add_column(msg("table.seats").text(lang), justify="right")
    table.add_column(msg("table.list").text(lang), justify="right")
    table.add_column(msg("table.surplus").text(lang), justify="right")
    table.add_column(msg("table.ballot").text(lang))
    table.add_column(msg("table.base").text(lang), justify="right")
    table.add_column(msg("table.needs").text(lang), justify="right")
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
            else msg(
                "report.need.of_collected"
                if c.base_kind == "collected_ballots"
                else "report.need.of_valid",
                share=ratio_digits(c.majority),
            ).text(lang),
        )
    if report.contests:  # none when every body is appointed (issue 16): the notes say so
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
            f"{msg('table.base').text(lang)} ({where}): {sentence}; {need.text(lang)} "
            f"— {c.base_cite} {provenance_mark(c.base_provenance)}"
        )
    if report.findings:
        console.print(findings_table(report.findings, lang))
    console.print(summary_line(report.errors, report.warnings, lang))
    if any(f.provenance in UNVERIFIED for f in report.findings) or any(
        c.base_provenance in UNVERIFIED for c in report.contests
    ):
        console.print(
            msg("table.unverified_rules").text(lang),
            style="dim",
        )


def render_rules_list(
    console: Console, rulesets: list[RuleSet], lang: Lang, templates: list[RuleSet] | None = None
) -> None:
    """The built-in regulations, then (under a heading of their own) the templates."""
    sections = [("table.rules.regulations", rulesets)]
    if templates:
        sections.append(("table.rules.templates", templates))
    for heading, shown in sections:
        if templates:
            console.print(Text(msg(heading).text(lang), style="bold"))
        table = Table(expand=True)
        table.add_column(msg("table.id").text(lang), no_wrap=True)
        table.add_column(msg("table.title").text(lang))
        table.add_column(msg("table.family").text(lang))
        table.add_column(msg("table.instruments").text(lang))
        for rs in shown:
            inst = "; ".join(
                f"{i.number} ({i.date.strftime('%d/%m/%Y')})" if i.date else i.number
                for i in rs.instruments
            )
            rid = rs.id
            if rs.current is not None:
                rid += "\n" + msg("table.current", current=rs.current).text(lang)
            if rs.extends is not None and rs.status == "template":
                rid += "\n" + msg("table.extends", base=rs.extends).text(lang)
            table.add_row(rid, rs.title, msg(f"table.family.{rs.family}").text(lang), inst)
        console.print(table)


def render_rules_show(console: Console, rs: RuleSet, lang: Lang) -> None:
    console.print(Text(f"{rs.id}: {rs.title}", style="bold"))
    if rs.extends:
        console.print(msg("table.extends", base=rs.extends).text(lang))
    if rs.status == "template":
        console.print(Text(msg("table.template", id=rs.id).text(lang), style="yellow"))
    table = Table(expand=True, show_lines=True)
    table.add_column(msg("table.parameter").text(lang), no_wrap=lang == "en")
    table.add_column(msg("table.value").text(lang))
    table.add_column(msg("table.citation").text(lang))
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
        msg("table.provenance_key").text(lang),
        style="dim",
    )


def render_simulate(console: Console, written: Sequence[SimulatedElection], lang: Lang) -> None:
    """The corpus ``tally simulate`` wrote, one line per kind of meeting and a total: the
    elections, contests, rounds, ballots, ties, shortfalls and elections with a vote due."""
    from tally.kinds import MEETING_KINDS

    # a counted round calls for another vote (not a contest simply not voted yet)
    vote_due = ("tie", "shortfall", "void", "additional_due", "council_decides")

    header = [
        msg(f"table.simulated.{column}").text(lang)
        for column in (
            "kind",
            "elections",
            "contests",
            "rounds",
            "ballots",
            "ties",
            "shortfalls",
            "vote_due",
        )
    ]
    rows: list[list[str]] = []
    totals = [0] * 7
    for kind in MEETING_KINDS:
        mine = [s for s in written if s.kind == kind]
        if not mine:
            continue
        row = [
            len(mine),
            sum(len(s.outcomes) for s in mine),
            sum(s.rounds for s in mine),
            sum(s.ballots for s in mine),
            sum(s.ties for s in mine),
            sum(s.shortfalls for s in mine),
            sum(1 for s in mine if any(o in vote_due for _, o in s.outcomes)),
        ]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        rows.append([tr(MEETING, kind, lang), *(f"{v:,}" for v in row)])
    rows.append([msg("table.total").text(lang), *(f"{v:,}" for v in totals)])
    styles = [[""] * 8 for _ in rows[:-1]] + [["bold"] * 8]
    console.print(columns(header, rows, set(range(1, 8)), styles), soft_wrap=True, end="")


def render_count(console: Console, report: CountReport, lang: Lang) -> None:
    """The count report: per contest and round, every figure the minutes need."""
    console.print(Text(report.election, style="bold"))
    console.print(f"{msg('table.rules').text(lang)}: {report.rules} · {report.tool}")
    footnotes: list[str] = []
    several = len(meetings(report)) > 1
    for c in report.contests:
        title = f"{tr(BODY, c.body, lang)} ({c.id})"
        if c.name:
            title = f"{c.name} ({c.id})"
        for rd in c.rounds:
            _print_round(console, c, rd, title, several, lang)
            for a in rd.assumptions:
                text = assumption_text(a, lang)
                if text not in footnotes:
                    footnotes.append(text)
        _print_uncounted(console, c, title, several, lang)
    if footnotes:
        console.print()
        console.print(
            msg("table.unverified_results").text(lang),
            style="dim",
        )
        for i, note in enumerate(footnotes, 1):
            console.print(f"  {i}. {note}", style="dim")


def _round_lines(rd: RoundReport, lang: Lang) -> list[str]:
    """A round's seats and base, then its attendance and ballots, one line each."""
    b = rd.ballots
    lines = []
    if rd.base is not None and rd.base_parts:
        lines.append(
            f"{msg('table.seats_long').text(lang)}: {rd.seats} · {msg('table.base').text(lang)}: "
            f"{base_sentence(rd.base_parts, rd.base, lang)}"
        )
    else:
        lines.append(
            f"{msg('table.seats_long').text(lang)}: {rd.seats} · {msg('table.base').text(lang)}: "
            f"{tr(FIGURE, rd.base_kind, lang).lower()} = {rd.base}"
        )
    reasons = "; ".join(f"{tr(REASON, r, lang)}: {n}" for r, n in b.invalid_by_reason)
    if rd.registered is not None:
        attendance = (
            f"{msg('table.registered_voters').text(lang)} {rd.registered} · "
            f"{msg('table.voted').text(lang)} {b.collected} · "
        )
    else:
        present = rd.present if rd.present is not None else "–"
        attendance = f"{msg('table.present').text(lang)} {present} · "
    lines.append(
        attendance
        + f"{msg('table.issued').text(lang)} {b.issued if b.issued is not None else '–'} · "
        f"{msg('table.collected').text(lang)} {b.collected} · "
        f"{msg('table.valid').text(lang)} {b.valid} · "
        f"{msg('table.invalid').text(lang)} {b.invalid}" + (f" ({reasons})" if reasons else "")
    )
    return lines


def _candidates_table(rd: RoundReport, lang: Lang) -> Table:
    """A round's candidates with their votes, share of the base and result."""
    table = Table(expand=False)
    shown = rd.layout == "agree_disagree"  # each row's three figures
    pct = msg("table.pct_of_base").text(lang)
    table.add_column(msg("table.number").text(lang), justify="right")
    table.add_column(msg("table.name").text(lang))
    votes = msg("table.agree" if shown else "table.votes").text(lang)
    table.add_column(votes, justify="right")
    table.add_column(pct, justify="right")
    if shown:  # a count and its share in one cell: the table fits 100 columns
        for key in ("table.disagree", "table.unmarked"):
            table.add_column(msg(key).text(lang), justify="right")
    table.add_column(msg("table.result").text(lang))
    for cand in rd.candidates:
        status = cand.status
        label = tr(STATUS, status, lang) if status else "–"
        style = {
            "elected": "bold green",
            "admitted": "bold green",
            "tie": "bold yellow",
        }.get(status or "", "")
        rows = [_row_cell(fig, lang) for fig in (cand.disagree, cand.unmarked)]
        table.add_row(
            str(cand.position),
            cand.name,
            str(cand.votes),
            decimal(cand.pct_of_base or "", lang),
            *(rows if shown else ()),
            Text(label, style=style),
        )
    return table


def _print_round(
    console: Console, c: ContestReport, rd: RoundReport, title: str, several: bool, lang: Lang
) -> None:
    """One counted round: its heading, figures, candidates, problems and outcome."""
    console.print()
    console.print(
        Text(f"{title} — {msg('table.round').text(lang)} {rd.number}", style="bold underline")
    )
    if several or rd.meeting is not None:  # a session of its own is always named
        console.print(Text(meeting_heading(rd.meeting or c.meeting, lang), style="italic"))
    for line in _round_lines(rd, lang):
        console.print(line)
    if rd.outcome != "rejected":
        console.print(_candidates_table(rd, lang))
    if rd.elected:
        console.print(msg("table.elected_by_votes").text(lang) + names_of(rd, rd.elected))
    for p in rd.problems:
        console.print(Text(f"✗ {p.code}: {problem_text(p, lang)}", style="bold red"))
    for w in rd.warnings:
        console.print(Text(f"⚠ {w.code}: {problem_text(w, lang)}", style="bold yellow"))
    style = {"complete": "green", "rejected": "bold red"}.get(rd.outcome, "bold yellow")
    console.print(Text(outcome_sentence(rd, lang), style=style))


def _print_uncounted(
    console: Console, c: ContestReport, title: str, several: bool, lang: Lang
) -> None:
    """A contest's round not entered yet, its appointment, or that nothing is counted."""
    due = c.not_entered
    if due:
        console.print()
        console.print(
            Text(f"{title} — {msg('table.round').text(lang)} {due.round}", style="bold underline")
        )
        if several:
            console.print(Text(meeting_heading(c.meeting, lang), style="italic"))
        console.print(Text(due.message(lang), style="bold yellow"))
        console.print(Text(f"{msg('table.hint').text(lang)}: {due.hint(lang)}"))
    elif c.appointed is not None:
        console.print()
        console.print(Text(title, style="bold underline"))
        if several:
            console.print(Text(meeting_heading(c.meeting, lang), style="italic"))
        console.print(Text(appointed_sentence(c.appointed, lang), style="bold"))
        console.print(msg("table.appointed_members").text(lang) + ", ".join(c.appointed.names))
    elif not c.rounds:
        console.print()
        console.print(Text(title, style="bold underline"))
        if several:
            console.print(Text(meeting_heading(c.meeting, lang), style="italic"))
        console.print(Text(not_counted_sentence(lang), style="bold yellow"))


def _row_cell(fig: RowCount | None, lang: Lang) -> str:
    """An agree/disagree row figure: ``3 (20,00%)``; ``–`` when not known."""
    if fig is None:
        return "–"
    if not fig.pct_of_base:
        return str(fig.count)
    return f"{fig.count} ({decimal(fig.pct_of_base, lang)}%)"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def render_check(console: Console, report: CheckReport, lang: Lang) -> None:
    """The result against the personnel plan, grouped by body (design.md's check document)."""
    counted = report.count
    # A state election has an intended structure and composition, not a personnel plan.
    state = ".state" if counted.assembly is not None else ""
    console.print(Text(msg(f"table.plan_heading{state}").text(lang), style="bold"))
    console.print(counted.election)
    console.print(f"{msg('table.rules').text(lang)}: {counted.rules} · {counted.tool}")
    plan = report.plan
    if plan is None:
        console.print(
            msg(f"table.no_plan{state}").text(lang),
            style="yellow",
        )
    else:
        day = plan.approved_on
        on = (day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()) if day else None
        approved = ", ".join(x for x in (plan.approved_by, on) if x)
        label = msg(f"table.plan_approved_by{state}").text(lang)
        console.print(f"{label}: {approved or '–'}")
    _print_contests(console, counted, lang)
    rejected = _print_rejected(console, counted, lang)
    _print_bodies(console, report, lang)
    console.print()
    errors, warnings, infos = report.errors, report.warnings, report.infos
    # Contests whose ballots are not entered (or named) yet: what was counted may be clean,
    # but the result cannot be called a match with the plan.
    waiting = [c.id for c in counted.contests if c.outcome in ("not_entered", "not_counted")]
    clean = "table.plan_matches" if plan is not None and not waiting else "table.no_problems"
    if waiting:
        console.print(
            msg("table.plan_incomplete", waiting=", ".join(waiting)).text(lang),
            style="yellow",
        )
    if rejected:
        console.print(
            msg("table.plan_not_reconciled").text(lang),
            style="bold red",
        )
    if not rejected or errors or warnings:
        console.print(summary_line(errors, warnings, lang, clean))
    if infos:
        console.print(msg("table.notes", infos=infos).text(lang), style="dim")
    marked = [f for f in report.findings if f.provenance in UNVERIFIED]
    if marked:
        console.print(
            msg("table.unverified_rules").text(lang),
            style="dim",
        )


def _print_contests(console: Console, counted: CountReport, lang: Lang) -> None:
    """Who each contest elected, one table per meeting, and the rounds not entered yet."""
    names = counted.names()
    # One table per meeting, headed by it when there are several: the congress's contests,
    # then the conference's.
    by_meeting: dict[Meeting, list[ContestReport]] = {}
    for c in counted.contests:
        if c.body != "nomination_poll":
            by_meeting.setdefault(c.meeting, []).append(c)
    for meeting, contests in by_meeting.items():
        if len(meetings(counted)) > 1:
            console.print(Text(meeting_heading(meeting, lang), style="bold"))
        table = Table(expand=True)
        table.add_column(msg("table.contest").text(lang))
        table.add_column(msg("table.seats").text(lang), justify="right")
        table.add_column(msg("table.elected").text(lang))
        table.add_column(msg("table.outcome").text(lang))
        for c in contests:
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
            console.print(Text(f"  {msg('table.hint').text(lang)}: {due.hint(lang)}"))


def _print_rejected(console: Console, counted: CountReport, lang: Lang) -> bool:
    """Each problem that rejects a round's count; whether there was any."""
    rejected = False
    for c in counted.contests:
        for rd in c.rounds:
            for prob in rd.problems:
                rejected = True
                console.print(
                    Text(
                        f"✗ {c.id}, {msg('table.round').text(lang)} {rd.number}: "
                        f"{problem_text(prob, lang)}",
                        style="bold red",
                    )
                )

    return rejected


def _structure_table(rows: list[StructureLine], lang: Lang, state: str) -> Table:
    """A body's structure targets: the plan's bound (a state election's expected composition),
    the fewest needed, the elected, met."""
    st = Table(expand=False)
    st.add_column(msg("table.target").text(lang))
    st.add_column(msg(f"table.plan{state}").text(lang), justify="right")
    st.add_column(msg("table.needed").text(lang), justify="right")
    st.add_column(msg("table.elected").text(lang), justify="right")
    st.add_column("%", justify="right")
    st.add_column(msg("table.met").text(lang))
    for row in rows:
        bound = " – ".join(
            x
            for x in (
                f"≥ {format_quantity(row.min)}" if row.min is not None else "",
                f"≤ {format_quantity(row.max)}" if row.max is not None else "",
            )
            if x
        )
        unknown = msg("table.unknown", unknown=row.unknown).text(lang) if row.unknown else ""
        st.add_row(
            target_label(row.target, row.spec, lang),
            bound,
            str(row.needed) if row.needed is not None else "",
            f"{row.count}/{row.of}{unknown}",
            decimal(row.pct or "", lang),
            Text(msg("table.met_yes").text(lang), style="green")
            if row.met
            else Text(msg("table.not_met").text(lang), style="yellow"),
        )
    return st


def _print_bodies(console: Console, report: CheckReport, lang: Lang) -> None:
    """Per body in the order they are elected: its structure table and its findings; then the
    findings about no body."""
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
            state = ".state" if report.count.assembly is not None else ""
            console.print(_structure_table(rows_by_body[body], lang, state))
        if by_body.get(body):
            console.print(findings_table(by_body[body], lang))
    if by_body.get(None):
        console.print()
        console.print(Text(msg("table.general").text(lang), style="bold underline"))
        console.print(findings_table(by_body[None], lang))
