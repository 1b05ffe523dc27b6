"""The guided ``tally init``: questions, answers checked one by one, and the election.yaml they make.

No terminal here: :func:`interview` asks through an ``ask`` callable (the CLI hands in one built on
click.prompt; tests hand in a list of answers) and tells through ``tell``. A wrong answer (a word
where a number goes, a date in a form nobody writes) is asked again with the reason in
:attr:`Question.problem`, never raised.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import TypeVar

from tally.config.schema import modeline
from tally.config.template import refuse_existing
from tally.election import CONFERENCE_BODIES
from tally.findings import Lang
from tally.i18n import Msg, MsgError, msg
from tally.kinds import Body, MeetingKind
from tally.shares import format_quantity, parse_quantity
from tally.textnorm import closest, fold, name_key, nfc, slug
from tally.yamlsrc import load_yaml

T = TypeVar("T")

PARTY_RULES_FROM = dt.date(2025, 1, 1)  # QĐ 190-QĐ/TW (2024) governs congresses from 2025 on
STATE_RULES = "luat-bau-cu-2015-sd-2025"  # Luật 85/2015/QH13 as amended by Luật 83/2025/QH15

KINDS: tuple[MeetingKind, ...] = (
    "members_congress",
    "delegates_congress",
    "committee_conference",
    "constituency",
)
CONGRESS_BODIES: tuple[Body, ...] = (
    "committee",
    "standing_committee",
    "secretary",
    "deputy_secretary",
    "inspection_committee",
    "inspection_chair",
    "delegates",
    "alternate_delegates",
)
CONTEST_IDS: Mapping[Body, str] = {
    "committee": "bch",
    "standing_committee": "btv",
    "secretary": "bt",
    "deputy_secretary": "pbt",
    "inspection_committee": "ubkt",
    "inspection_chair": "cnubkt",
    "delegates": "dbdh",
    "alternate_delegates": "dbdk",
    "deputies": "db",
}
# The electorate figures each meeting asks for, in the order of the template.
FIGURES: Mapping[MeetingKind, tuple[str, ...]] = {
    "members_congress": ("summoned", "present"),
    "delegates_congress": ("summoned", "ex_officio", "present"),
    "committee_conference": ("summoned", "present"),
    "constituency": ("registered",),
}
TARGETS = ("women", "youth", "ethnic_minority", "renewal")
YOUTH_BELOW = 40
_YES = frozenset({"y", "yes", "c", "co", "có", "1", "true"})
_NO = frozenset({"n", "no", "k", "khong", "không", "0", "false"})
_SEX = {"m": "M", "nam": "M", "f": "F", "nu": "F", "nữ": "F"}
# Text that YAML reads back as the same text when written plain, in a flow mapping too.
_PLAIN = re.compile(r"[^\W\d_][\w .()–-]*[\w)]|[^\W\d_]")
_DATE_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


@dataclass(frozen=True)
class Question:
    """One question: its words, the answer Enter gives, the words completion offers, and why the
    last answer was refused (None the first time it is asked)."""

    key: str
    prompt: Msg
    default: str | None = None
    choices: tuple[str, ...] = ()
    problem: Msg | None = None


Ask = Callable[[Question], str]
Tell = Callable[[Msg], None]


@dataclass
class Contest:
    body: Body
    seats: int
    candidates: list[str]
    at_congress: bool = False


@dataclass
class Setup:
    """What the answers say: everything election.yaml needs."""

    kind: MeetingKind
    name: str
    organisation: str
    date: dt.date
    rules: str
    electorate: dict[str, int]
    people: list[dict[str, object]]
    contests: list[Contest]
    targets: dict[str, int | Fraction] = field(default_factory=dict)
    assembly: str | None = None


def rules_for(kind: MeetingKind, date: dt.date) -> str:
    """The built-in rule set a meeting of ``kind`` on ``date`` is held under."""
    if kind == "constituency":
        return STATE_RULES
    return "qd-190-2024" if date >= PARTY_RULES_FROM else "qd-244-2014"


def parse_date(answer: str) -> dt.date:
    """``2025-07-20``, or the Vietnamese ``20/07/2025`` (also with ``.`` or ``-``)."""
    text = answer.strip()
    try:
        if m := _DATE_DMY.fullmatch(text):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MsgError(msg("guided.bad_date", got=text)) from None


def parse_count(answer: str) -> int:
    text = answer.strip().replace(".", "").replace(",", "")  # 1.200 and 1,200 are 1200
    if not text.isdigit():
        raise MsgError(msg("guided.bad_count", got=answer.strip()))
    return int(text)


def parse_seats(answer: str) -> int:
    n = parse_count(answer)
    if n == 0:
        raise MsgError(msg("guided.bad_seats"))
    return n


def parse_yes(answer: str) -> bool:
    word = answer.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise MsgError(msg("guided.bad_yes", got=answer.strip()))


def parse_text(answer: str) -> str:
    text = " ".join(nfc(answer).split())
    if not text:
        raise MsgError(msg("guided.empty"))
    return text


def parse_target(answer: str) -> int | Fraction | None:
    text = answer.strip()
    if not text:
        return None
    return parse_quantity(int(text) if text.isdigit() else text)


def _choice(options: Sequence[str], labels: Sequence[str]) -> Callable[[str], str]:
    """An answer given as the option's number, its id or its words (without diacritics too)."""

    def parse(answer: str) -> str:
        word = fold(answer)
        for i, (option, label) in enumerate(zip(options, labels, strict=True), start=1):
            if word in (str(i), fold(option), fold(label)):
                return option
        raise MsgError(msg("guided.bad_choice", got=answer.strip(), count=len(options)))

    return parse


class Interview:
    """Asks until each answer reads; keeps the people met so far."""

    def __init__(self, ask: Ask, tell: Tell, lang: Lang, people: list[dict[str, object]]):
        self.ask, self.tell, self.lang = ask, tell, lang
        self.people = people
        self.imported = bool(people)

    def get(self, question: Question, parse: Callable[[str], T]) -> T:
        while True:
            answer = self.ask(question)
            if not answer.strip() and question.default is not None:
                answer = question.default
            try:
                return parse(answer)
            except MsgError as exc:
                question = replace(question, problem=exc.msg)

    def choose(self, key: str, options: Sequence[str], prefix: str, default: str) -> str:
        labels = [msg(f"{prefix}.{o}").text(self.lang) for o in options]
        listed = ", ".join(f"{i} {label}" for i, label in enumerate(labels, start=1))
        question = Question(
            key, msg(f"guided.{key}", options=listed), default, tuple(options) + tuple(labels)
        )
        return self.get(question, _choice(options, labels))

    def count(self, key: str, prompt: Msg, default: str | None = None) -> int:
        return self.get(Question(key, prompt, default), parse_count)

    # --- people -----------------------------------------------------------------------------

    def _find(self, answer: str) -> dict[str, object] | None:
        word = fold(answer)
        for person in self.people:
            if word in (fold(str(person["id"])), fold(str(person["name"]))):
                return person
        return None

    def _candidate(self, answer: str) -> dict[str, object] | None:
        """The person named (None: the list is done); a new one when none were imported."""
        text = parse_text(answer) if answer.strip() else ""
        if not text:
            return None
        found = self._find(text)
        if found is not None:
            return found
        if self.imported:
            names = [str(p["name"]) for p in self.people] + [str(p["id"]) for p in self.people]
            guess = closest(text, names)
            if guess is None:
                raise MsgError(msg("guided.no_person", name=text))
            raise MsgError(msg("guided.no_person.close", name=text, close=guess))
        base = slug(text) or "p"
        pid, n = base, 1
        taken = {str(p["id"]) for p in self.people}
        while pid in taken:
            n += 1
            pid = f"{base}-{n}"
        person: dict[str, object] = {"id": pid, "name": text}
        sex = self.get(
            Question("sex", msg("guided.sex", name=text), choices=("nam", "nữ")), self._sex
        )
        person["sex"] = sex
        born = self.get(
            Question("born", msg("guided.born", name=text), default=""),
            lambda a: parse_date(a) if a.strip() else None,
        )
        if born is not None:
            person["born"] = born
        self.people.append(person)
        return person

    @staticmethod
    def _sex(answer: str) -> str:
        word = answer.strip().casefold()
        if word in _SEX or fold(word) in _SEX:
            return _SEX.get(word) or _SEX[fold(word)]
        raise MsgError(msg("guided.bad_sex", got=answer.strip()))

    def candidates(self, body: Body, seats: int) -> list[str]:
        chosen: list[str] = []
        label = msg(f"body.{body}")
        names = tuple(str(p["name"]) for p in self.people)
        while True:
            question = Question(
                "candidate", msg("guided.candidate", body=label, n=len(chosen) + 1), "", names
            )
            if len(chosen) < seats:  # fewer names than seats cannot be a list
                question = replace(question, default=None)
            person = self.get(question, self._candidate)
            if person is None:
                break
            if str(person["id"]) in chosen:
                self.tell(msg("guided.twice", name=str(person["name"])))
                continue
            chosen.append(str(person["id"]))
        by_id = {str(p["id"]): str(p["name"]) for p in self.people}
        return sorted(chosen, key=lambda pid: name_key(by_id[pid]))  # ballot order


def _body_question(kind: MeetingKind, done: list[Contest]) -> tuple[Body, ...]:
    if kind == "committee_conference":
        options = tuple(b for b in CONGRESS_BODIES if b in CONFERENCE_BODIES)
    else:
        options = CONGRESS_BODIES
    return tuple(b for b in options if b not in {c.body for c in done})


def interview(
    ask: Ask, tell: Tell, lang: Lang, people: Sequence[Mapping[str, object]] = ()
) -> Setup:
    """Ask for a new election, one question at a time; ``people`` are those already imported."""
    q = Interview(ask, tell, lang, [dict(p) for p in people])
    kind: MeetingKind = q.choose("kind", KINDS, "meeting", "1")  # type: ignore[assignment]
    assembly = None
    if kind == "constituency":
        assembly = q.choose(
            "assembly", ("peoples_council", "national_assembly"), "guided.assembly", "1"
        )
    organisation = q.get(Question("organisation", msg(f"guided.organisation.{kind}")), parse_text)
    date = q.get(Question("date", msg("guided.date")), parse_date)
    default_name = msg(f"guided.name.{kind}", organisation=organisation).text(lang)
    name = q.get(Question("name", msg("guided.name"), default_name), parse_text)
    rules = rules_for(kind, date)
    tell(msg(f"guided.rules.{kind if kind == 'constituency' else 'party'}", rules=rules))

    electorate: dict[str, int] = {}
    for figure in FIGURES[kind]:
        prompt = msg(f"guided.figure.{figure}")
        if figure == "present":
            summoned = electorate["summoned"]
            value = q.get(Question(figure, prompt, str(summoned)), partial(_present, summoned))
        else:
            value = q.count(figure, prompt)
        electorate[figure] = value

    contests: list[Contest] = []
    if kind == "constituency":
        seats = q.get(
            Question("seats", msg("guided.seats", body=msg("body.deputies"))), parse_seats
        )
        contests.append(Contest("deputies", seats, q.candidates("deputies", seats)))
    else:
        while options := _body_question(kind, contests):
            labels = [msg(f"body.{b}").text(lang) for b in options]
            listed = ", ".join(f"{i} {label}" for i, label in enumerate(labels, start=1))
            first = not contests
            question = Question(
                "body",
                msg("guided.body.first" if first else "guided.body", options=listed),
                "1" if first else "",
                tuple(options) + tuple(labels),
            )
            chosen = q.get(question, partial(_or_done, _choice(options, labels)))
            if not chosen:
                break
            body: Body = chosen  # type: ignore[assignment]
            label = msg(f"body.{body}")
            seats = q.get(Question("seats", msg("guided.seats", body=label)), parse_seats)
            contests.append(Contest(body, seats, q.candidates(body, seats)))
        if kind != "committee_conference" and any(c.body == "committee" for c in contests):
            direct = q.get(
                Question(
                    "secretary_at_congress", msg("guided.secretary"), "k" if lang == "vi" else "n"
                ),
                parse_yes,
            )
            if direct:
                secretary = next((c for c in contests if c.body == "secretary"), None)
                if secretary is None:
                    secretary = Contest("secretary", 1, q.candidates("secretary", 1))
                    contests.append(secretary)
                secretary.at_congress = True

    targets: dict[str, int | Fraction] = {}
    main = next((c for c in contests if c.body in ("committee", "deputies")), None)
    if main is not None:
        for target in TARGETS:
            wanted = q.get(Question(f"target.{target}", _target_prompt(target), ""), _target)
            if wanted is not None:
                targets[target] = wanted
    return Setup(
        kind, name, organisation, date, rules, electorate, q.people, contests, targets, assembly
    )


def _or_done(parse: Callable[[str], str], answer: str) -> str:
    """An empty answer ends a list ("")."""
    return parse(answer) if answer.strip() else ""


def _target_prompt(target: str) -> Msg:
    if target == "youth":
        return msg("guided.target.youth", below=YOUTH_BELOW)
    return msg(f"guided.target.{target}")


def _present(summoned: int, answer: str) -> int:
    n = parse_count(answer)
    if n > summoned:
        raise MsgError(msg("guided.present_more", present=n, summoned=summoned))
    return n


def _target(answer: str) -> int | Fraction | None:
    try:
        return parse_target(answer)
    except MsgError as exc:
        raise MsgError(msg("guided.bad_target", reason=exc.msg)) from None


# --- writing -------------------------------------------------------------------------------------


def _scalar(value: object) -> str:
    """A YAML scalar that reads back as ``value``: text in JSON's double quotes when a plain
    word could read as something else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.casefold() not in ("null", "true", "false"):
        return text
    return json.dumps(text, ensure_ascii=False)


def election_text(setup: Setup, lang: Lang) -> str:
    """The commented election.yaml of ``setup``; comments in ``lang``."""

    def c(id: str, **params: str | int) -> str:
        return "# " + msg(f"guided.c.{id}", **params).text(lang)

    lines = [modeline(), c("head"), "version: 1", f"rules: {setup.rules}   {c('rules')}", ""]
    lines += ["congress:", f"  name: {_scalar(setup.name)}", f"  kind: {setup.kind}"]
    if setup.assembly:
        lines.append(f"  assembly: {setup.assembly}")
    lines += [f"  date: {setup.date.isoformat()}", f"  organisation: {_scalar(setup.organisation)}"]
    lines += ["", c(f"electorate.{setup.kind}"), "electorate:"]
    lines += [f"  {k}: {v}" for k, v in setup.electorate.items()]
    lines += ["", c("people"), "people:"]
    lines += [f"  - {_scalar(p)}" for p in setup.people]
    lines += ["", c("contests"), "contests:"]
    present = setup.electorate.get("present")
    for contest in setup.contests:
        cid = CONTEST_IDS[contest.body]
        lines += [f"  - id: {cid}", f"    body: {contest.body}", f"    seats: {contest.seats}"]
        lines.append(f"    candidates: {_scalar(contest.candidates)}   {c('candidates')}")
        if contest.at_congress:
            lines.append(f"    at: congress   {c('at_congress')}")
        lines.append("    rounds:")
        at_conference = (
            contest.body in CONFERENCE_BODIES
            and not contest.at_congress
            and setup.kind != "committee_conference"
        )
        if present is not None and not at_conference:
            lines.append(f"      - issued: {present}   {c('issued')}")
            lines.append(f"        ballots: ballots/{cid}-1.csv   {c('ballots', contest=cid)}")
        else:
            lines.append(f"      - ballots: ballots/{cid}-1.csv   {c('ballots', contest=cid)}")
            lines.append(f"        # issued: …   {c('issued')}")
    main = next((x for x in setup.contests if x.body in ("committee", "deputies")), None)
    if main is not None and setup.targets:
        lines += ["", c("plan"), "plan:", "  bodies:", f"    {main.body}:"]
        lines += [f"      seats: {main.seats}", "      targets:"]
        for target, value in setup.targets.items():
            shown = _scalar(format_quantity(value))
            extra = f", age_below: {YOUTH_BELOW}" if target == "youth" else ""
            lines.append(f"        {target}: {{min: {shown}{extra}}}")
    return "\n".join(lines) + "\n"


def imported_people(target: Path) -> tuple[list[dict[str, object]], bytes | None]:
    """The people an election.yaml holding only ``people:`` lists (what `tally import people`
    writes into a new folder), and its bytes, which the guided init may replace; ``([], None)``
    when there is no file. Any other existing election.yaml is refused: init never overwrites."""
    if not target.exists():
        return [], None
    data, _ = load_yaml(target)
    if data is None:
        data = {}
    people = data.get("people") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or not set(data) <= {"version", "people"}
        or not isinstance(people or [], list)
        or not all(isinstance(p, dict) and "id" in p and "name" in p for p in people or [])
    ):
        refuse_existing(target)
    return [dict(p) for p in people or []], target.read_bytes()
