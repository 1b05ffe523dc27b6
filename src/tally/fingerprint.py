"""The fingerprint of an election's inputs: one SHA-256 over election.yaml and every data file.

A signed paper (the minutes) prints it, so the paper can be matched with the files it was made
from: ``tally verify ELECTION --fingerprint XXXX`` recomputes it. The fingerprint covers the
names and contents of the files, in a fixed order; nothing else (not the tool version, not the
clock), so the same files always give the same fingerprint.

The rule set decides who is elected as much as the ballots do, so it is an input too: a local
rule file and every file up its ``extends`` chain (by path relative to the election folder),
and the built-in rule set at the root by its content (``builtin:<id>``), so a copy of tally
whose built-in rules say something else does not match.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tally.config.loader import LoadedElection
from tally.errors import BallotFileError
from tally.ruleset.loader import is_builtin_file
from tally.source import open_regular

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
    clean = "".join(ch for ch in given if ch not in "- \t").lower()
    return len(clean) >= SHORT_LEN and full.startswith(clean)
