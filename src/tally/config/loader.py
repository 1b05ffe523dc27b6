"""Load an election folder: ``election.yaml``, its rule set, and where every value came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from tally.config import models
from tally.config.models import Election
from tally.config.pydantic_errors import issues_from_validation
from tally.config.references import check_references
from tally.errors import ConfigError, Issue, Location, TallyError
from tally.ruleset.loader import load_ruleset_files
from tally.ruleset.models import RuleSet
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


def load_election(path: Path) -> LoadedElection:
    """Load and check an election folder; raise ConfigError with every problem found."""
    yaml_path = election_path(path)
    if not yaml_path.exists():
        hint = "run 'tally init DIR' to create a new election folder" if path.is_dir() else None
        raise ConfigError.at("no election.yaml here", yaml_path, hint=hint)
    data, source = load_yaml(yaml_path, ConfigError)
    if not isinstance(data, dict):
        raise ConfigError.at(
            "election.yaml must be a mapping of keys (version, rules, …)", yaml_path, 1
        )
    try:
        election = Election.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(issues_from_validation(exc, source.location, _all_keys())) from None
    try:
        rules, rule_files = load_ruleset_files(election.rules, yaml_path.parent)
    except TallyError as exc:
        loc = source.location(("rules",))
        raise ConfigError(
            [i if i.location.path else Issue(i.message, loc, i.hint) for i in exc.issues]
        ) from None
    loaded = LoadedElection(election, rules, yaml_path, source, rule_files)
    problems = check_references(loaded.election, rules, loaded.where, loaded.folder)
    if problems:
        raise ConfigError(problems)
    return loaded
