"""Election folders written from Python data: election.yaml, ballot CSV files, tally sheets.

A test (or a rule case of tests/rule_cases/) describes an election as the mapping election.yaml
would hold, with three conveniences, each turned into what the loader reads:

- ``people`` may leave out candidates: every candidate id without a person gets one, named
  "Nguyễn Văn <ID>" (the name the worked cases of rules.md use);
- a round's ``ballots`` may be the ballots themselves instead of a file name: a list of CSV rows
  (``"serial,struck,unmarked,invalid"``), or a mapping ``{deal: {votes: [...], valid: N},
  rows: [...]}`` whose ``deal`` makes N valid strike-out ballots giving exactly those votes; the
  rows go to ``ballots/<contest>-<round>.csv``;
- a round's ``tallies`` may be the sheets themselves instead of file names; a sheet's ``votes``
  may be a list in ballot order; each goes to ``tallies/<contest>-<round>-<n>.yaml``.

``conftest.py`` hands this out as the ``election_builder`` fixture, writing into ``tmp_path``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

CSV_HEADER = "ballot,struck,unmarked,invalid"
IDS = [f"c{i:02d}" for i in range(1, 19)]  # the 18 names of rules.md §8, in ballot order


def person_name(pid: str) -> str:
    """The name a person made up by these helpers gets."""
    return f"Nguyễn Văn {pid.upper()}"


def people(ids: Sequence[str], **extra: dict[str, Any]) -> list[dict[str, Any]]:
    """People entries for ``ids``, with any extra fields per id."""
    return [{"id": pid, "name": person_name(pid), **extra.get(pid, {})} for pid in ids]


def delegates_congress(
    rules: str = "qd-190-2024",
    candidates: list[str] | None = None,
    seats: int = 15,
    people_extra: dict[str, dict[str, Any]] | None = None,
    plan: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The setup of rules.md §8 as election.yaml data.

    A delegates congress, 15 seats, a list of 18; 300 summoned incl. 45 ex-officio; 4
    ex-officio and 3 delegates (unreplaced) absent all congress → base 293, threshold 147;
    290 present.
    """
    cands = candidates if candidates is not None else IDS
    data: dict[str, Any] = {
        "version": 1,
        "rules": rules,
        "congress": {
            "name": "Đại hội đại biểu",
            "kind": "delegates_congress",
            "date": "2025-07-20",
        },
        "electorate": {
            "summoned": 300,
            "ex_officio": 45,
            "absent_all_congress": {"ex_officio": 4, "delegates_unreplaced": 3},
            "present": 290,
        },
        "people": people(cands, **(people_extra or {})),
        "contests": [{"id": "bch", "body": "committee", "seats": seats, "candidates": cands}],
    }
    if plan is not None:
        data["plan"] = plan
    return data


def dealt_strikes(votes: Sequence[int], valid: int) -> list[list[int]]:
    """``valid`` strike-out ballots (the positions each strikes) giving exactly ``votes``.

    The strikes of each name are dealt round-robin over the ballots, so no ballot strikes a
    name twice. Whether each ballot keeps few enough names is the caller's to check.
    """
    n = len(votes)
    flat = [pos for pos in range(1, n + 1) for _ in range(valid - votes[pos - 1])]
    ballots: list[list[int]] = [[] for _ in range(valid)]
    for i, pos in enumerate(flat):
        ballots[i % valid].append(pos)
    return [sorted(b) for b in ballots]


def ballot_rows(spec: Sequence[str] | Mapping[str, Any]) -> list[str]:
    """The CSV rows (without header) a round's inline ``ballots`` stands for."""
    if not isinstance(spec, Mapping):
        return list(spec)
    unknown = set(spec) - {"deal", "rows"}
    assert not unknown, f"inline ballots: unknown keys {sorted(unknown)}"
    rows: list[str] = []
    if "deal" in spec:
        deal = spec["deal"]
        struck = dealt_strikes(deal["votes"], deal["valid"])
        rows += [f"{j + 1},{' '.join(map(str, b))},," for j, b in enumerate(struck)]
    rows += list(spec.get("rows", ()))
    return rows


def _candidate_ids(data: Mapping[str, Any]) -> list[str]:
    ids: list[str] = []
    for contest in data.get("contests", ()):
        ids += contest.get("candidates", ())
        for rnd in contest.get("rounds", ()):
            ids += rnd.get("candidates", ())
    return list(dict.fromkeys(ids))


def complete(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """election.yaml data with its conveniences resolved, and the files it names (path → text)."""
    doc = copy.deepcopy(dict(data))
    doc.setdefault("version", 1)
    listed = {p["id"] for p in doc.get("people", ())}
    doc["people"] = [
        *doc.get("people", ()),
        *people([pid for pid in _candidate_ids(doc) if pid not in listed]),
    ]
    files: dict[str, str] = {}
    for contest in doc.get("contests", ()):
        for number, rnd in enumerate(contest.get("rounds", ()), start=1):
            names = rnd.get("candidates", contest.get("candidates", ()))
            if isinstance(rnd.get("ballots"), (list, Mapping)):
                rel = f"ballots/{contest['id']}-{number}.csv"
                files[rel] = "\n".join([CSV_HEADER, *ballot_rows(rnd["ballots"])]) + "\n"
                rnd["ballots"] = rel
            sheets = rnd.get("tallies", ())
            for n, sheet in enumerate(sheets, start=1):
                if isinstance(sheet, Mapping):
                    rel = f"tallies/{contest['id']}-{number}-{n}.yaml"
                    sheet = dict(sheet)
                    if isinstance(sheet.get("votes"), list):
                        sheet["votes"] = dict(zip(names, sheet["votes"], strict=True))
                    files[rel] = dump(sheet)
                    sheets[n - 1] = rel
    return doc, files


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_election(
    folder: Path, data: Mapping[str, Any], files: Mapping[str, str | Mapping[str, Any]] = {}
) -> Path:
    """Write ``data`` (see the module's doc) and any further ``files`` into ``folder``.

    ``files`` maps a path relative to the folder to its text, or to a mapping written as YAML.
    Returns the folder, ready for ``load_election`` or the CLI.
    """
    doc, written = complete(data)
    written = {**written, **{rel: t if isinstance(t, str) else dump(t) for rel, t in files.items()}}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "election.yaml").write_text(dump(doc), encoding="utf-8")
    for rel, text in written.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


class ElectionBuilder:
    """``election_builder`` fixture: election folders under one test's ``tmp_path``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(
        self,
        data: Mapping[str, Any],
        files: Mapping[str, str | Mapping[str, Any]] = {},
        name: str = "election",
    ) -> Path:
        return write_election(self.root / name, data, files)
