"""Load an election folder: ``election.yaml``, its rule set, and where every value came from."""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from tally import election as models
from tally.config.references import check_references
from tally.election import Election, Round
from tally.errors import ConfigError, Issue, Location, TallyError
from tally.findings import Lang
from tally.i18n import Msg, msg
from tally.pydantic_errors import issues_from_validation, name_key
from tally.ruleset.loader import OUTSIDE_HINT, load_ruleset_files
from tally.ruleset.models import RuleSet
from tally.source import inside
from tally.yamlsrc import SourceMap, load_yaml

ELECTION_FILE = "election.yaml"


@dataclass(frozen=True)
class LoadedElection:
    """An election with its rule set, its folder, and the line of every value."""

    election: Election
    rules: RuleSet
    path: Path  # the election.yaml
    source: SourceMap
    rule_files: tuple[Path, ...]  # the rule set's files: the one named, then what it extends

    @property
    def folder(self) -> Path:
        return self.path.parent

    def where(self, *path: str | int) -> Location:
        return self.source.location(path)

    def data_file(self, relative: str) -> Path:
        return self.folder / relative

    def entered(self, rnd: Round) -> bool:
        """Are the round's ballots (or tally sheets) written? A round whose files do not exist
        yet is not entered: the loader has refused a misspelt name and a round with only some
        of its sheets, so the files of a loaded round are all there or none is."""
        files = rnd.data_files
        return bool(files) and all(self.data_file(rel).is_file() for rel in files)

    def pending(self, ci: int, ri: int) -> NotEntered | None:
        """Round ``ri`` (0-based) of contest ``ci`` when its files are named but not written."""
        contest = self.election.contests[ci]
        rnd = contest.rounds[ri]
        if not rnd.data_files or self.entered(rnd):
            return None
        kind = "ballots" if rnd.ballots else "tallies"
        return NotEntered(contest.id, ri + 1, kind, tuple(rnd.data_files), self.folder)


@dataclass(frozen=True)
class NotEntered:
    """A round whose ballot file (or tally sheets) election.yaml names but nobody wrote yet.

    Before and during the vote this is the normal state of a new election: the round is still
    due (exit 4), not bad input. The sentences below are the one wording every report uses.
    """

    contest: str
    round: int  # 1-based
    kind: str  # "ballots" | "tallies"
    files: tuple[str, ...]  # relative to the election folder, as election.yaml names them
    folder: Path  # the election folder, as the user gave it (for the command in the hint)

    def message_msg(self) -> Msg:
        """What is missing: the ballots (or the groups' tally sheets) of this round."""
        kind = "tallies" if self.kind == "tallies" else "ballots"
        return msg(f"report.not_entered.{kind}", round=self.round, files=", ".join(self.files))

    def hint_msg(self) -> Msg:
        """What to do: the command that enters the ballots, or the tally sheets to write."""
        if self.kind == "tallies":
            return msg("report.not_entered.tallies.hint")
        command = (
            f"tally enter {shlex.quote(str(self.folder))} --contest {self.contest} "
            f"--round {self.round} --operator"
        )
        return msg("report.not_entered.ballots.hint", command=command)

    def message(self, lang: Lang) -> str:
        return self.message_msg().text(lang)

    def hint(self, lang: Lang) -> str:
        return self.hint_msg().text(lang)


def not_entered(loaded: LoadedElection) -> list[NotEntered]:
    """Every round whose files election.yaml names but are not written yet, in file order."""
    return [
        due
        for ci, contest in enumerate(loaded.election.contests)
        for ri in range(len(contest.rounds))
        if (due := loaded.pending(ci, ri)) is not None
    ]


def _names(data: dict[str, object]) -> dict[str, str]:
    """The people's names (as :func:`name_key` folds them) → their ids, from the raw file:
    the hint when a name is typed in a list instead of an id."""
    people = data.get("people")
    out: dict[str, str] = {}
    for person in people if isinstance(people, list) else []:
        if isinstance(person, dict):
            pid, name = person.get("id"), person.get("name")
            if isinstance(pid, str) and isinstance(name, str):
                out.setdefault(name_key(name), pid)
    return out


def _all_keys() -> list[str]:
    keys: set[str] = set()
    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            for name, info in obj.model_fields.items():
                keys.add(info.alias or name)
    return sorted(keys)


def election_path(path: Path) -> Path:
    """``path`` may name the folder or the election.yaml inside it."""
    if path.is_dir():
        return path / ELECTION_FILE
    return path


def _outside(
    election: Election, folder: Path, confine: Sequence[Path], source: SourceMap
) -> list[Issue]:
    """The data files (ballots, tally sheets) that lead out of the election folder."""
    issues: list[Issue] = []
    for ci, contest in enumerate(election.contests):
        for ri, rnd in enumerate(contest.rounds):
            named: list[tuple[str, tuple[str | int, ...]]] = []
            if rnd.ballots:
                named.append((rnd.ballots, ("ballots",)))
            named += [(rel, ("tallies", fi)) for fi, rel in enumerate(rnd.tallies or [])]
            for rel, key in named:
                if not inside(folder / rel, confine):
                    where = source.location(("contests", ci, "rounds", ri, *key))
                    real = os.path.realpath(folder / rel)
                    message = msg("config.outside", rel=rel, real=real)
                    issues.append(Issue(message, where, OUTSIDE_HINT))
    return issues


def load_election(path: Path, allow_outside: Sequence[Path] = ()) -> LoadedElection:
    """Load and check an election folder; raise ConfigError with every problem found.

    The files it names (ballots, tally sheets, a local rule file and what that extends) must
    be inside the election folder after resolving links, or inside one of ``allow_outside``.
    """
    yaml_path = election_path(path)
    if not yaml_path.exists():
        hint = msg("config.no_yaml.hint") if path.is_dir() else None
        raise ConfigError.at(msg("config.no_yaml"), yaml_path, hint=hint)
    data, source = load_yaml(yaml_path, ConfigError)
    if not isinstance(data, dict):
        raise ConfigError.at(msg("config.not_mapping"), yaml_path, 1)
    try:
        election = Election.model_validate(data)
    except ValidationError as exc:
        names = _names(data)
        raise ConfigError(
            issues_from_validation(exc, source.location, _all_keys(), names)
        ) from None
    confine = (yaml_path.parent, *allow_outside)
    outside = _outside(election, yaml_path.parent, confine, source)
    if outside:
        raise ConfigError(outside)
    try:
        rules, rule_files = load_ruleset_files(election.rules, yaml_path.parent, confine)
    except TallyError as exc:
        loc = source.location(("rules",))
        raise ConfigError([i if i.location.path else i.moved(loc) for i in exc.issues]) from None
    loaded = LoadedElection(election, rules, yaml_path, source, rule_files)
    problems = check_references(loaded.election, rules, loaded.where, loaded.folder)
    if problems:
        raise ConfigError(problems)
    return loaded
