"""``tally ballots``: the ballots of a round (or its test deck) written beside their layout.

A list that fails ``tally validate`` is not printed: a ballot is the list made final, and a
ballot printed from a broken list is a ballot the congress may have to void.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tally.app import contest_chosen, validate_report
from tally.config.loader import LoadedElection
from tally.domain.electorate import majority_base
from tally.entry.journal import JournalWriter, Value
from tally.entry.session import Marks, Sheet, sheet_for
from tally.errors import EXIT_RULE_FAILED, Issue, OptionError, TallyError
from tally.findings import Lang
from tally.i18n import Msg, msg
from tally.labels import BODY, tr
from tally.minutes.model import family_of
from tally.paper.layout import BallotFacts, BallotLayout, Paper
from tally.paper.pdf import DeckPage, Words, layout_of, render
from tally.safefile import refuse_overwrite, written_atomically

DECK_OPERATOR = "test-deck"


class ListRefused(TallyError):
    """The round's list fails ``tally validate``: exit 1, each finding named."""

    exit_code = EXIT_RULE_FAILED


@dataclass(frozen=True)
class BallotsRequest:
    contest_id: str | None
    round_no: int | None
    output: Path
    paper: Paper = "a5"
    rehearsal: bool = False
    copies: int | None = None  # None: as many as the round will issue (copies_for)
    test_deck: bool = False
    force: bool = False


@dataclass(frozen=True)
class BallotsWritten:
    pdf: Path
    layout: Path
    sha256: str
    journal: Path | None  # the test deck's journal
    ballots: int
    copies_from: Msg | None = None  # the figure the number of copies was taken from


def layout_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.stem + ".layout.json")


def journal_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.stem + ".journal.jsonl")


def _contest(loaded: LoadedElection, contest_id: str | None) -> str:
    contest_chosen(loaded, contest_id)
    if contest_id is not None:
        return contest_id
    voted = [c.id for c in loaded.election.contests if c.appointed is None]
    if len(voted) != 1:
        known = ", ".join(voted)
        raise OptionError(msg("ballot.which_contest", known=known), "--contest")
    return voted[0]


def _refuse_failing_list(loaded: LoadedElection, contest_id: str, lang: Lang) -> None:
    report = validate_report(loaded)
    failing = [
        f for f in report.findings if f.severity == "error" and f.contest in (contest_id, None)
    ]
    if failing:
        issues = [
            Issue(
                msg("ballot.list_refused", contest=contest_id), hint=msg("ballot.list_refused.hint")
            )
        ]
        issues += [Issue(f"[{f.code}] {f.message.text(lang)}") for f in failing]
        raise ListRefused(issues)


def copies_for(loaded: LoadedElection, sheet: Sheet) -> tuple[int, Msg]:
    """How many ballots a round needs when ``--copies`` is not given, and the figure it is:
    the round's ballots issued, else those present at its vote, else those summoned (or the
    voters on a constituency's list). OptionError when election.yaml has none of them."""
    election = loaded.election
    contest = next(c for c in election.contests if c.id == sheet.contest)
    rnd = contest.rounds[sheet.round - 1] if sheet.round <= len(contest.rounds) else None
    base = majority_base(election, loaded.rules, contest)
    figures: list[tuple[int | None, str]] = [
        (rnd.issued if rnd else None, "ballot.copies.issued"),
        (rnd.present if rnd else None, "ballot.copies.present"),
        (base.present, "ballot.copies.present"),
        (base.summoned, "ballot.copies.summoned"),
        (election.electorate.registered, "ballot.copies.registered"),
    ]
    for count, said in figures:
        if count:
            return count, msg(said, count=count)
    raise OptionError(msg("ballot.copies.unknown"), "--copies")


def facts_of(sheet: Sheet) -> BallotFacts:
    return BallotFacts(
        sheet.election,
        sheet.contest,
        sheet.round,
        sheet.seats,
        sheet.layout,
        sheet.candidates,
        sheet.names,
    )


def words_of(
    loaded: LoadedElection, sheet: Sheet, layout: BallotLayout, rehearsal: bool, lang: Lang
) -> Words:
    def word(id: str, /, **params: str | int) -> str:
        return msg(id, **params).text(lang)

    congress = loaded.election.congress
    contest = next(c for c in loaded.election.contests if c.id == sheet.contest)
    organisation = (congress.organisation or congress.convened_by or congress.name).upper()
    party = family_of(congress.kind) == "party"
    body = contest.name or tr(BODY, contest.body, lang)
    if body.lower().startswith("bầu "):  # "Bầu Ban Chấp hành …": the ballot names the body
        body = body[4:]
    sha = layout.sha256()
    return Words(
        header_left=(organisation, "*") if party else (organisation,),
        header_right=(
            (word("minutes.header.party"),)
            if party
            else (word("minutes.header.state"), word("minutes.header.motto"))
        ),
        title=word("ballot.title")
        if sheet.round == 1
        else word("ballot.title_round", round=sheet.round),
        body=body.upper(),
        term=word("ballot.term", term=congress.term) if congress.term else "",
        instructions=(
            word("ballot.instructions.strike", seats=sheet.seats)
            if sheet.layout == "strike"
            else word("ballot.instructions.agree_disagree")
        ),
        col_number=word("ballot.col.number"),
        col_name=word("ballot.col.name"),
        col_agree=word("ballot.col.agree"),
        col_disagree=word("ballot.col.disagree"),
        seal=word("ballot.seal"),
        layout_code=word("ballot.layout_code", code=sha[:16]),
        rehearsal=word("doc.rehearsal") if rehearsal else "",
    )


def deck_marks(sheet: Sheet) -> list[Marks]:
    """The test deck: blank, every name struck (every row disagree), each name struck alone.

    On an agree/disagree ballot, "blank" is every row with neither box marked; the others have
    every row marked agree but the struck ones.
    """
    every = tuple(range(1, len(sheet.candidates) + 1))
    blank = Marks() if sheet.layout == "strike" else Marks(unmarked=every)
    alone = [Marks(struck=(p,)) for p in every] if len(every) > 1 else []
    return [blank, Marks(struck=every), *alone]


def write_deck_journal(path: Path, sheet: Sheet, sha: str, pages: list[Marks], time: str) -> None:
    """The journal a scan of the deck must reproduce: serial = the page's place in the deck."""
    header: dict[str, Value] = {
        **sheet.header(),
        "operator": DECK_OPERATOR,
        "purpose": "test-deck",
        "layout_sha256": sha,
    }
    with JournalWriter.create(path, time, header) as w:
        who: dict[str, Value] = {"operator": DECK_OPERATOR}
        w.append("start", time, {**who, "resumed": False})
        for i, marks in enumerate(pages, start=1):
            w.append("ballot", time, {**who, "serial": str(i), **marks.fields()})
        w.append("stop", time, who)


def print_ballots(
    loaded: LoadedElection, request: BallotsRequest, lang: Lang, time: str
) -> BallotsWritten:
    """Write the PDF and its layout document (and, for the test deck, its journal)."""
    contest_id = _contest(loaded, request.contest_id)
    sheet = sheet_for(loaded, contest_id, request.round_no or 1)
    _refuse_failing_list(loaded, contest_id, lang)
    out = request.output
    lay_path, jpath = layout_path(out), journal_path(out)
    for p in (out, lay_path):
        refuse_overwrite(p, request.force)
    if request.test_deck:
        refuse_overwrite(jpath, False)
    layout = layout_of(facts_of(sheet), request.paper, request.rehearsal)
    words = words_of(loaded, sheet, layout, request.rehearsal, lang)
    deck: list[DeckPage] = []
    pages = deck_marks(sheet) if request.test_deck else []
    for i, marks in enumerate(pages, start=1):
        deck.append(DeckPage(marks, msg("ballot.deck_page", page=i, pages=len(pages)).text(lang)))
    copies, copies_from = request.copies, None
    if copies is None and not request.test_deck:
        copies, copies_from = copies_for(loaded, sheet)
    data = render(layout, words, loaded.election.congress.date, copies or 1, deck)
    with written_atomically(lay_path) as tmp:
        tmp.write_bytes(layout.to_bytes())
    with written_atomically(out) as tmp:
        tmp.write_bytes(data)
    if request.test_deck:
        write_deck_journal(jpath, sheet, layout.sha256(), pages, time)
    return BallotsWritten(
        out,
        lay_path,
        layout.sha256(),
        jpath if request.test_deck else None,
        len(deck) or copies or 1,
        copies_from,
    )
