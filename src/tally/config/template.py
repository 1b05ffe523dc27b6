"""``tally init``: a ready-to-edit election folder. Never overwrites a file."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from tally.errors import ConfigError
from tally.i18n import msg
from tally.safefile import cannot_write

BALLOTS_README = """\
Tệp phiếu bầu (CSV, UTF-8), một dòng một phiếu:
  ballot,struck,unmarked,invalid
  1,3 5,,
  2,,,marked
struck: vị trí (1 = dòng đầu) các tên bị gạch; unmarked: dòng đánh cả hai ô hoặc không ô nào
(phiếu đồng ý/không đồng ý); invalid: not_issued | write_in | marked.
"""


def write_template(folder: Path, rule_set: str) -> list[Path]:
    target = folder / "election.yaml"
    if target.exists():
        raise ConfigError.at(
            msg("config.init_exists"),
            target,
            hint=msg("config.init_exists.hint"),
        )
    text = (importlib.resources.files("tally") / "templates" / "election.yaml").read_text("utf-8")
    readme = folder / "ballots" / "README.txt"
    where = folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        where = folder / "ballots"
        where.mkdir(exist_ok=True)
        where = target
        with target.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text.replace("{rules}", rule_set))
        written = [target]
        where = readme
        if not readme.exists():
            readme.write_text(BALLOTS_README, encoding="utf-8")
            written.append(readme)
    except OSError as exc:  # a read-only or full disk, a file where a folder should be
        raise cannot_write(exc, where) from None
    return written
