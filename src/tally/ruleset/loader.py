"""Find and load rule sets: built-in ones by id, a user's by path, with ``extends:``.

A user's rule file names a built-in (or another file) in ``extends:`` and overrides single
parameters; an override replaces the whole parameter, so it must bring its own ``cite`` and
``provenance`` — a local rule never silently inherits the national article's citation.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from tally.errors import Issue, Location, RuleSetError
from tally.i18n import msg
from tally.pydantic_errors import issues_from_validation
from tally.ruleset.models import RuleSet
from tally.source import inside
from tally.textnorm import closest
from tally.yamlsrc import PathKey, SourceMap, load_yaml

MAX_EXTENDS_DEPTH = 8

OUTSIDE_HINT = msg("outside.hint")


def builtin_dir() -> Path:
    """The folder of the built-in rule sets.

    In a wheel they are package data (``tally/rules``); in a source checkout or an editable
    install they are the repository's ``rules/`` folder.
    """
    packaged = Path(str(importlib.resources.files("tally"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def builtin_ids() -> list[str]:
    """The built-in regulations (``rules/*.yaml``), not the templates."""
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def template_dir() -> Path:
    """The shipped templates (``rules/templates``): starting points to copy, not verified law."""
    return builtin_dir() / "templates"


def template_ids() -> list[str]:
    return sorted(p.stem for p in template_dir().glob("*.yaml"))


def _is_param(node: object) -> bool:
    return isinstance(node, dict) and "value" in node


def _merge(base: object, override: object) -> object:
    """Deep-merge ``override`` into ``base``; a parameter (a mapping with ``value``) is replaced whole."""
    if isinstance(base, dict) and isinstance(override, dict) and not _is_param(override):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    return override


def _resolve(ref: str, relative_to: Path | None) -> Path:
    candidate = Path(ref)
    if candidate.suffix in (".yaml", ".yml") or "/" in ref or "\\" in ref:
        if not candidate.is_absolute() and relative_to is not None:
            candidate = relative_to / candidate
        return candidate
    found = False
    for folder in (builtin_dir(), template_dir()):
        path = folder / f"{ref}.yaml"
        try:
            found = path.is_file()
        except OSError:  # e.g. a name too long for the file system: no built-in has it
            found = False
        if found:
            break
    if not found:
        known = ", ".join(builtin_ids() + template_ids())
        shown = ref if len(ref) <= 40 else f"{ref[:20]}…"
        raise RuleSetError.at(
            msg("rules.unknown", ref=shown),
            hint=msg("rules.unknown.hint.close", known=known, close=close)
            if (close := closest(ref, builtin_ids() + template_ids()))
            else msg("rules.unknown.hint", known=known),
        )
    return path


def _load_raw(
    ref: str,
    relative_to: Path | None,
    depth: int,
    confine: Sequence[Path] | None = None,
    named_at: Location | None = None,
) -> tuple[dict[str, object], list[SourceMap]]:
    path = _resolve(ref, relative_to)
    if confine is not None and not is_builtin_file(path) and not inside(path, confine):
        raise RuleSetError(
            Issue(
                msg("rules.outside", ref=ref, real=os.path.realpath(path)),
                named_at or Location(),
                OUTSIDE_HINT,
            )
        )
    data, source = load_yaml(path, RuleSetError, kind="rule file")
    if not isinstance(data, dict):
        raise RuleSetError.at(msg("rules.not_mapping"), path, 1)
    parent = data.get("extends")
    if parent is None:
        return data, [source]
    if not isinstance(parent, str):
        loc = source.location(("extends",))
        raise RuleSetError(Issue(msg("rules.extends_type"), loc))
    if depth >= MAX_EXTENDS_DEPTH:
        loc = source.location(("extends",))
        raise RuleSetError(Issue(msg("rules.extends_deep", depth=MAX_EXTENDS_DEPTH), loc))
    base, sources = _load_raw(
        parent, path.parent, depth + 1, confine, source.location(("extends",))
    )
    # A rule set is a template only if its own file says so: a user's rules that extend a
    # template are the user's rules.
    base = {key: value for key, value in base.items() if key != "status"}
    merged = _merge(base, data)
    assert isinstance(merged, dict)
    return merged, [source, *sources]


def _locate(sources: list[SourceMap], path: PathKey) -> SourceMap:
    """The most derived file that wrote this key, or replaced a whole parameter above it.

    An override replaces a parameter whole, so a key missing from an override (its ``cite``,
    say) is the override's mistake even though a file further down the chain has that key.
    """
    key = tuple(path)
    for source in sources:
        if key in source.marks:
            return source
        if any((*key[:i], "value") in source.marks for i in range(len(key) - 1, 0, -1)):
            return source
    for i in range(len(key), 0, -1):
        for source in sources:
            if key[:i] in source.marks:
                return source
    return sources[0]


def load_ruleset(ref: str, relative_to: Path | None = None) -> RuleSet:
    """Load a built-in rule set by id, or a rules YAML by path (relative to ``relative_to``).

    A built-in rule set is read once per process (a batch recount loads thousands of
    elections under the same few); the model is frozen, so sharing it is safe.
    """
    return load_ruleset_files(ref, relative_to)[0]


def load_ruleset_files(
    ref: str, relative_to: Path | None = None, confine: Sequence[Path] | None = None
) -> tuple[RuleSet, tuple[Path, ...]]:
    """The rule set and the files it was read from: the named file first, then each file it
    ``extends``, up to the built-in at the root (what the fingerprint must cover).

    With ``confine``, every file of the chain but a built-in one must be inside one of those
    folders (after resolving links): an election's rules stay in its folder."""
    if Path(ref).suffix not in (".yaml", ".yml") and "/" not in ref and "\\" not in ref:
        path = _resolve(ref, None)
        st = path.stat()
        return _builtin(ref, path, st.st_mtime_ns, st.st_size)
    return _load_ruleset(ref, relative_to, confine)


@functools.lru_cache(maxsize=16)
def _builtin(ref: str, path: Path, mtime_ns: int, size: int) -> tuple[RuleSet, tuple[Path, ...]]:
    return _load_ruleset(ref, None)


def _load_ruleset(
    ref: str, relative_to: Path | None, confine: Sequence[Path] | None = None
) -> tuple[RuleSet, tuple[Path, ...]]:
    data, sources = _load_raw(ref, relative_to, 0, confine)
    try:
        rules = RuleSet.model_validate(data)
    except ValidationError as exc:
        raise RuleSetError(
            issues_from_validation(exc, lambda p: _locate(sources, p).location(p))
        ) from None
    return rules, tuple(source.path for source in sources)


def is_builtin_file(path: Path) -> bool:
    """Is ``path`` one of the built-in rule sets (however it was named)?"""
    folder = path.resolve().parent
    shipped = (builtin_dir().resolve(), template_dir().resolve())
    return folder in shipped and path.suffix == ".yaml"


def iter_builtin() -> Iterator[RuleSet]:
    for rid in builtin_ids():
        yield load_ruleset(rid)


def iter_templates() -> Iterator[RuleSet]:
    for rid in template_ids():
        yield load_ruleset(rid)
