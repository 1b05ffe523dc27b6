"""``tally init``: a ready-to-edit election folder. Never overwrites a file.

The folder gets election.yaml (the commented template, or the one the guided questions wrote),
the JSON Schema its first line names (editor completion with no network) and ballots/README.txt.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from tally.config.schema import SCHEMA_FILE, modeline, schema_text
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


def template_text(rule_set: str) -> str:
    """The commented template, naming ``rule_set`` and the schema file beside it."""
    text = (importlib.resources.files("tally") / "templates" / "election.yaml").read_text("utf-8")
    return text.replace("{modeline}", modeline()).replace("{rules}", rule_set)


def write_template(folder: Path, rule_set: str) -> list[Path]:
    return write_election(folder, template_text(rule_set))


def refuse_existing(target: Path) -> None:
    raise ConfigError.at(
        msg("config.init_exists"),
        target,
        hint=msg("config.init_exists.hint"),
    )


def write_election(folder: Path, text: str, replace: bytes | None = None) -> list[Path]:
    """Write election.yaml (``text``), its schema and the ballots README into ``folder``.

    election.yaml is never overwritten, except the file whose bytes are ``replace``: the
    people-only file `tally import people` wrote, which the guided init read and carries on.
    The schema file is refreshed (it is generated, `tally schema -o` writes the same bytes)."""
    target = folder / "election.yaml"
    if target.exists() and (replace is None or target.read_bytes() != replace):
        refuse_existing(target)
    readme = folder / "ballots" / "README.txt"
    schema = folder / SCHEMA_FILE
    where = folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        where = folder / "ballots"
        where.mkdir(exist_ok=True)
        where = target
        with target.open("w" if replace is not None else "x", encoding="utf-8", newline="\n") as f:
            f.write(text)
        written = [target]
        where = schema
        schema.write_text(schema_text(), encoding="utf-8", newline="\n")
        written.append(schema)
        where = readme
        if not readme.exists():
            readme.write_text(BALLOTS_README, encoding="utf-8")
            written.append(readme)
    except OSError as exc:  # a read-only or full disk, a file where a folder should be
        raise cannot_write(exc, where) from None
    return written
