"""A corpus: ``count`` election folders drawn from a seed, written with their manifest."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from tally import __version__
from tally.election import Election
from tally.errors import ConfigError
from tally.i18n import msg
from tally.kinds import MEETING_KINDS, MeetingKind
from tally.safefile import written_atomically
from tally.simulate.dump import dump_election
from tally.simulate.election import Builder, SimulatedElection
from tally.simulate.names import weighted
from tally.simulate.party import committee_conference, party_congress
from tally.simulate.state import constituency
from tally.textnorm import slug

MANIFEST = ".tally-simulate.json"

# How often each kind of election appears in a default corpus (a province's round: mostly
# grassroots members' congresses).
KIND_WEIGHTS: dict[MeetingKind, int] = {
    "members_congress": 60,
    "delegates_congress": 12,
    "committee_conference": 14,
    "constituency": 14,
}

_BUILDERS: dict[MeetingKind, Callable[[Builder], dict[str, object]]] = {
    "members_congress": lambda e: party_congress(e, delegates=False),
    "delegates_congress": lambda e: party_congress(e, delegates=True),
    "committee_conference": committee_conference,
    "constituency": constituency,
}
_FOLDER_PREFIX: dict[MeetingKind, str] = {
    "members_congress": "dai-hoi",
    "delegates_congress": "dai-hoi-dai-bieu",
    "committee_conference": "hoi-nghi",
    "constituency": "bau-cu",
}


def draw_election(
    seed: int, index: int, kinds: Sequence[MeetingKind]
) -> tuple[MeetingKind, Builder, Election]:
    """Election number ``index`` of the corpus drawn from ``seed``: its kind, the builder
    (files, expected outcomes) and the :class:`Election` model."""
    rng = random.Random(f"tally-simulate/{seed}/{index}")
    pick = weighted(rng, [(k, KIND_WEIGHTS[k]) for k in kinds])
    kind = next(k for k in kinds if k == pick)
    e = Builder(rng)
    return kind, e, e.election(_BUILDERS[kind](e))


def simulate_one(
    seed: int, index: int, kinds: Sequence[MeetingKind], width: int = 4
) -> SimulatedElection:
    """Election number ``index`` (1-based) of the corpus drawn from ``seed``."""
    kind, e, election = draw_election(seed, index, kinds)
    folder = f"{index:0{width}d}-{_FOLDER_PREFIX[kind]}-{slug(e.place)}"
    comments = {
        (): [
            f"Bầu cử mô phỏng số {index} (tally simulate --seed {seed}): tên người, tên địa phương",
            "đều là hư cấu; dùng để tập huấn ban kiểm phiếu, kiểm thử và đo tốc độ.",
            *e.header,
        ],
        **e.comments(),
    }
    files = (("election.yaml", dump_election(election, comments)), *e.files)
    return SimulatedElection(
        folder,
        kind,
        e.rule_id,
        files,
        e.ballot_rows,
        tuple((c.id, c.outcome) for c in e.contests),
        e.rounds,
        e.ties,
        e.shortfalls,
        tuple((c.id, tuple(c.elected)) for c in e.contests),
    )


def simulate(
    seed: int, count: int, kinds: Sequence[MeetingKind] = MEETING_KINDS
) -> Iterator[SimulatedElection]:
    """The corpus of ``count`` elections drawn from ``seed``, one election at a time."""
    if not kinds:
        raise ValueError("at least one kind of election is needed")
    width = max(4, len(str(count)))
    for index in range(1, count + 1):
        yield simulate_one(seed, index, kinds, width)


def _manifest_of(out: Path) -> dict[str, object] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def prepare_output(out: Path, *, force: bool) -> None:
    """Refuse a non-empty OUT, or (with ``force``) clear a corpus tally simulate wrote there."""
    if out.exists() and not out.is_dir():
        raise ConfigError.at(msg("simulate.is_file"), out)
    if not out.exists() or not any(out.iterdir()):
        return
    manifest = _manifest_of(out)
    if not force:
        raise ConfigError.at(
            msg("simulate.not_empty"),
            out,
            hint=msg("simulate.not_empty.force_hint" if manifest else "simulate.not_empty.hint"),
        )
    if manifest is None:
        raise ConfigError.at(
            msg("simulate.not_a_corpus", manifest=MANIFEST),
            out,
            hint=msg("simulate.not_a_corpus.hint"),
        )

    entries = manifest.get("elections")
    for entry in entries if isinstance(entries, list) else []:
        name = entry.get("folder") if isinstance(entry, dict) else None
        target = out / name if isinstance(name, str) else None
        if target is not None and target.parent == out and not target.name.startswith("."):
            shutil.rmtree(target, ignore_errors=True)
    (out / MANIFEST).unlink(missing_ok=True)


def write_corpus(
    out: Path,
    elections: Iterable[SimulatedElection],
    *,
    seed: int,
    progress: Callable[[SimulatedElection], None] | None = None,
) -> list[SimulatedElection]:
    """Write each election's files under ``out`` (each file atomically), then the manifest.

    Returns the elections written, without their file texts (to keep memory flat).
    """
    written: list[SimulatedElection] = []
    for sim in elections:
        folder = out / sim.folder
        for rel, text in sim.files:
            with written_atomically(folder / rel) as tmp:
                tmp.write_text(text, encoding="utf-8", newline="\n")
        if progress is not None:
            progress(sim)
        written.append(replace(sim, files=()))
    manifest = {
        "tool": f"tally {__version__}",
        "seed": seed,
        "elections": [s.manifest() for s in written],
    }
    with written_atomically(out / MANIFEST) as tmp:
        tmp.write_text(
            json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n",
            encoding="utf-8",
            newline="\n",
        )
    return written
