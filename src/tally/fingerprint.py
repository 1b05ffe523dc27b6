"""The fingerprint of an election's inputs: one SHA-256 over election.yaml and every data file.

A signed paper (the minutes) prints it, so the paper can be matched with the files it was made
from: ``tally verify ELECTION --fingerprint XXXX`` recomputes it. The fingerprint covers the
names and contents of the files, in a fixed order; nothing else (not the tool version, not the
clock), so the same files always give the same fingerprint.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tally.config.loader import LoadedElection

SHORT_LEN = 16  # hex digits printed by the signatures: 64 bits, four groups of four


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def input_digests(loaded: LoadedElection) -> dict[str, str]:
    """SHA-256 of election.yaml and of every data file it names, keyed by relative path.

    A round not entered yet has no files to digest: they are left out, so the fingerprint
    changes when they are written.
    """
    digests = {"election.yaml": sha256(loaded.path)}
    for contest in loaded.election.contests:
        for rnd in contest.rounds:
            if loaded.entered(rnd):
                for rel in rnd.data_files:
                    digests[rel] = sha256(loaded.data_file(rel))
    return digests


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
