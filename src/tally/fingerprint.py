"""Fingerprints: the digests of the inputs, and one SHA-256 per round that its minutes print.

A signed paper (the minutes of one round) prints its round's fingerprint, so the paper can be
matched with the files it was made from: ``tally verify ELECTION --fingerprint XXXX`` finds the
round whose fingerprint it is. A round's fingerprint covers exactly what that round's result
and its minutes depend on (:func:`round_form`), so the conference's ballots added in the
evening, or a name corrected on another contest's list, leave the committee's signed paper
verifying, while one changed mark in its own ballot file does not. Nothing else goes in (not
the tool version, not the clock), so the same inputs always give the same fingerprint.

The rule set decides who is elected as much as the ballots do, so it is an input too: a local
rule file and every file up its ``extends`` chain (by path relative to the election folder),
and the built-in rule set at the root by its content (``builtin:<id>``), so a copy of tally
whose built-in rules say something else does not match.

:func:`input_digests` is the per-file map of ``tally count --json`` (``inputs``), and what
``tally verify`` lists when a code matches no round.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from tally.config.loader import LoadedElection
from tally.domain.electorate import majority_base
from tally.domain.meetings import meeting_of
from tally.election import Contest, Election
from tally.engine import round_list
from tally.errors import EXIT_OK, EXIT_RULE_FAILED, BallotFileError
from tally.ruleset.loader import is_builtin_file
from tally.source import open_regular
from tally.textnorm import nfc

SHORT_LEN = 16  # hex digits printed by the signatures: 64 bits, four groups of four


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open_regular(path, BallotFileError) as f:  # a pipe swapped in would never end
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def input_digests(loaded: LoadedElection) -> dict[str, str]:
    """SHA-256 of election.yaml, of every data file it names and of every rule file, keyed by
    relative path (``builtin:<id>`` for a built-in rule set).

    A round not entered yet has no files to digest: they are left out, so the fingerprint
    changes when they are written.
    """
    digests = {"election.yaml": sha256(loaded.path)}
    for path in loaded.rule_files:
        digests[_rule_key(loaded, path)] = sha256(path)
    for contest in loaded.election.contests:
        for rnd in contest.rounds:
            if loaded.entered(rnd):
                for rel in rnd.data_files:
                    digests[rel] = sha256(loaded.data_file(rel))
    return digests


def _rule_key(loaded: LoadedElection, path: Path) -> str:
    if is_builtin_file(path):
        return f"builtin:{path.stem}"
    try:
        rel = os.path.relpath(path, loaded.folder)
    except ValueError:  # another drive (Windows): no relative path exists
        rel = str(path.resolve())
    return Path(rel).as_posix()


def fingerprint(digests: dict[str, str]) -> str:
    """One SHA-256 (hex) over the sorted ``path<TAB>sha256`` lines of the inputs."""
    lines = "".join(f"{path}\t{digest}\n" for path, digest in sorted(digests.items()))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def short(full: str) -> str:
    """``"3F2A-91BC-0D4E-77A1"``: what the signature block prints."""
    head = full[:SHORT_LEN].upper()
    return "-".join(head[i : i + 4] for i in range(0, SHORT_LEN, 4))


def matches(full: str, given: str) -> bool:
    """Does ``given`` (the short form or the whole digest; any case; dashes and spaces ignored)
    identify ``full``? At least the short form's 16 digits are required."""
    clean = _clean(given)
    return len(clean) >= SHORT_LEN and full.startswith(clean)


# --- one fingerprint per round ---------------------------------------------------------------

# The version of the canonical form: a change to what it covers is a new name, never the same
# name meaning something else.
FORM = "tally-round/1"

Json = None | bool | int | str | list["Json"] | dict[str, "Json"]


@dataclass(frozen=True)
class RoundFingerprint:
    """The fingerprint of one round: what its minutes print and ``tally verify`` looks up."""

    contest: str  # the contest's id
    name: str | None  # the contest's title, as election.yaml gives it
    round: int  # 1-based
    digest: str  # SHA-256 (hex) of the round's canonical form
    files: tuple[str, ...]  # the data files it covers: this round's and the earlier rounds'

    @property
    def short(self) -> str:
        return short(self.digest)


def _dump(model: BaseModel) -> Json:
    """A model as election.yaml means it: by the names the file uses, values as JSON, and a
    value left at its default the same as one not written (``incumbent: false``)."""
    value: Json = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return value


def _canonical(value: Json) -> Json:
    """Every string (keys too) in NFC, so a name typed on another keyboard is the same name."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): _canonical(v) for k, v in value.items()}
    return value


def _meeting_form(election: Election, contest: Contest, round_index: int) -> Json:
    """The meeting that votes round ``round_index`` (0-based) of ``contest``, as its minutes
    print it: a session of the round's own (a re-vote at a later sitting) included.

    Read from where :func:`tally.minutes.model.build` reads it: the meeting of
    :func:`tally.domain.meetings.meeting_of` (the congress, or the committee's conference with its own
    name, date, place and board), the family of words (``congress.kind``) and the organisation
    in the header. Another meeting's board is not part of it.
    """
    held = meeting_of(election, contest, round_index)
    congress = election.congress
    return {
        "kind": congress.kind,
        "header": congress.organisation or congress.convened_by or congress.name,
        "meeting": {
            "at": held.at,
            "kind": held.kind,
            "name": {lang: held.title(lang) for lang in ("vi", "en")},
            "date": held.date.isoformat(),
            "term": held.term,
            "place": held.place,
            "locality": held.locality,
            "board_head": held.board_head,
            "board_members": list(held.board_members),
        },
    }


def round_form(loaded: LoadedElection, contest_id: str, round_no: int) -> dict[str, Json]:
    """The canonical form of what round ``round_no`` of ``contest_id`` depends on.

    - ``meeting``: the meeting that votes it, as its minutes print it: the congress's fields
      (name, date, place, term, organisation, …), whether the contest is voted at the
      committee's conference, and the counting board that signs;
    - ``base``: the electorate figures its majority base is made of (for a conference, the
      conference's, which may come from the committee's seats), who is present, the voters on
      the list of a state election;
    - ``contest`` and ``rounds``: the contest's definition and its rounds up to this one (an
      earlier round decides which seats and which names a later one is about);
    - ``people``: everyone on the lists of those rounds, with every attribute the count, the
      checks and the minutes read (name, birth date, sex, …);
    - ``rules``: each file of the rule set's chain by its SHA-256, a built-in one by content;
    - ``files``: the SHA-256 of the ballot files and tally sheets of those rounds.

    Not in it: other contests, other people, the plan (``tally check`` reads it, the minutes do
    not), comments and the layout of election.yaml, the tool's version.
    """
    election = loaded.election
    contest = election.contest(contest_id)
    rounds = contest.rounds[:round_no]
    if len(rounds) != round_no or round_no < 1:
        raise KeyError((contest_id, round_no))
    base = majority_base(election, loaded.rules, contest)
    listed: list[str] = []
    for ri in range(len(rounds)):
        listed += [pid for pid in round_list(contest, ri)[1] if pid not in listed]
    people = election.people_by_id
    files: dict[str, Json] = {
        rel: sha256(loaded.data_file(rel))
        for rnd in rounds
        if loaded.entered(rnd)
        for rel in rnd.data_files
    }
    form: dict[str, Json] = {
        "form": FORM,
        "meeting": _meeting_form(election, contest, round_no - 1),
        "base": {
            "kind": base.kind,
            "rule": base.param_key,
            "parts": [[p.key, p.sign * p.count] for p in base.parts],
            "summoned": base.summoned,
            # who was present at this vote: the round's own figure, else the meeting's
            "present": rounds[-1].present if rounds[-1].present is not None else base.present,
            "registered": election.electorate.registered,
        },
        "contest": _dump(contest.model_copy(update={"rounds": []})),
        "rounds": [_dump(rnd) for rnd in rounds],
        "people": {pid: _dump(people[pid]) if pid in people else None for pid in listed},
        "rules": {_rule_key(loaded, path): sha256(path) for path in loaded.rule_files},
        "files": files,
    }
    canonical = _canonical(form)
    assert isinstance(canonical, dict)
    return canonical


def canonical_bytes(form: Mapping[str, Json]) -> bytes:
    """The form as JSON with sorted keys and no spaces: one byte string for one meaning."""
    text = json.dumps(form, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def round_fingerprint(loaded: LoadedElection, contest_id: str, round_no: int) -> str:
    """The SHA-256 (hex) its minutes print for round ``round_no`` of ``contest_id``."""
    form = round_form(loaded, contest_id, round_no)
    return hashlib.sha256(canonical_bytes(form)).hexdigest()


def round_fingerprints(loaded: LoadedElection) -> tuple[RoundFingerprint, ...]:
    """Every round that can have minutes: its files are written (a nomination poll has none)."""
    out: list[RoundFingerprint] = []
    for contest in loaded.election.contests:
        if contest.body == "nomination_poll":
            continue
        files: list[str] = []
        for ri, rnd in enumerate(contest.rounds):
            if not loaded.entered(rnd):
                break  # not voted yet: neither this round nor any after it has minutes
            files += rnd.data_files
            digest = round_fingerprint(loaded, contest.id, ri + 1)
            out.append(RoundFingerprint(contest.id, contest.name, ri + 1, digest, tuple(files)))
    return tuple(out)


def _clean(given: str) -> str:
    return "".join(ch for ch in given if ch not in "- \t").lower()


def group_off(full: str, given: str) -> int | None:
    """The group (1–4) of the short code in which ``given`` differs from ``full``'s, when it
    differs in that one group only: a digit misread or mistyped from the paper."""
    clean = _clean(given)
    if len(clean) != SHORT_LEN:
        return None
    differ = [i // 4 + 1 for i in range(0, SHORT_LEN, 4) if clean[i : i + 4] != full[i : i + 4]]
    return differ[0] if len(differ) == 1 else None


# --- tally verify ELECTION --fingerprint -------------------------------------------------------


@dataclass(frozen=True)
class FingerprintCheck:
    """What ``tally verify ELECTION --fingerprint`` found: the round whose fingerprint the
    code is (or None), every round it was compared with, the round whose code differs from it
    in one group only (a digit misread from the paper: the round and the group), and each
    input file's digest."""

    given: str
    found: RoundFingerprint | None
    rounds: tuple[RoundFingerprint, ...]
    suggestion: tuple[RoundFingerprint, int] | None
    digests: dict[str, str]

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.found is not None else EXIT_RULE_FAILED  # design.md's codes


def look_up(loaded: LoadedElection, given: str) -> FingerprintCheck:
    """Look a fingerprint from signed minutes up among the election's rounds."""
    rounds = round_fingerprints(loaded)
    found = next((r for r in rounds if matches(r.digest, given)), None)
    near = [(r, g) for r in rounds if (g := group_off(r.digest, given)) is not None]
    suggestion = near[0] if found is None and len(near) == 1 else None
    return FingerprintCheck(given, found, rounds, suggestion, input_digests(loaded))
