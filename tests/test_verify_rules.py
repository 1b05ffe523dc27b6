"""`tally verify` and the fingerprint cover the rule set the count was decided by.

The rules decide who is elected as much as the ballots do, so a signed paper must pin them: a
local rule file and every file it ``extends``, and a built-in rule set by its content (a copy
of tally with other built-in rules is another count).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clirun import invoke
from tally.ruleset import loader

ROOT = Path(__file__).resolve().parents[1]

BASE = """\
# The province's guidance on top of QĐ 190.
extends: qd-190-2024
id: tinh-x-2025
title: Hướng dẫn của Tỉnh ủy X
report:
  percent:
    value: {decimals: 2, rounding: truncate}
    cite: Hướng dẫn 05-HD/TU (2/4/2025) mục 9
    provenance: S
"""
LOCAL = """\
extends: tinh-x.yaml
id: xa-my-hoa-dong
title: Quy định của Đảng ủy xã
"""


def run(*args: str | Path) -> Result:
    return invoke(*args)


def verify(folder: Path, given: str) -> Result:
    return run("verify", folder, "--fingerprint", given, "--lang", "en")


def verify_json(folder: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(run("verify", folder, "--fingerprint", "0", "--json").stdout)
    return doc


def signed(folder: Path) -> str:
    """The code on the signed minutes of dbct round 1 (the contest :func:`pct` reads)."""
    rounds = verify_json(folder)["rounds"]
    code: str = next(r["short"] for r in rounds if (r["contest"], r["round"]) == ("dbct", 1))
    return code


def pct(folder: Path) -> str:
    doc = json.loads(run("count", folder, "--contest", "dbct", "--json").stdout)
    value: str = doc["contests"][0]["rounds"][0]["candidates"][0]["pct_of_base"]
    return value


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """xa-2025 decided by a local rule file that extends another local file."""
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    (folder / "rules").mkdir()
    (folder / "rules" / "tinh-x.yaml").write_text(BASE, encoding="utf-8")
    (folder / "rules" / "local.yaml").write_text(LOCAL, encoding="utf-8")
    yaml_path = folder / "election.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    assert text.count("rules: qd-190-2024\n") == 1
    yaml_path.write_text(text.replace("rules: qd-190-2024\n", "rules: rules/local.yaml\n"))
    return folder


def test_editing_the_local_rule_file_changes_the_fingerprint(folder: Path) -> None:
    code = signed(folder)
    assert verify(folder, code).exit_code == 0
    local = folder / "rules" / "local.yaml"
    local.write_text(
        LOCAL
        + "report:\n  percent:\n    value: {decimals: 1, rounding: truncate}\n"
        + "    cite: Quy định 01-QĐ/ĐU mục 2\n    provenance: S\n",
        encoding="utf-8",
    )
    assert pct(folder).count(".") == 1 and len(pct(folder).split(".")[1]) == 1  # the count moved
    result = verify(folder, code)
    assert result.exit_code == 1, result.output
    assert "Does not match" in result.stdout
    assert "rules/local.yaml" in result.stdout
    digest = verify_json(folder)["inputs"]["rules/local.yaml"]
    assert digest[:16] in result.stdout


def test_editing_a_file_further_up_the_extends_chain_changes_the_fingerprint(
    folder: Path,
) -> None:
    code = signed(folder)
    base = folder / "rules" / "tinh-x.yaml"
    before = pct(folder)
    base.write_text(BASE.replace("decimals: 2", "decimals: 1"), encoding="utf-8")
    assert pct(folder) != before
    result = verify(folder, code)
    assert result.exit_code == 1, result.output
    assert "rules/tinh-x.yaml" in result.stdout


def test_the_inputs_name_the_whole_chain(folder: Path) -> None:
    inputs = verify_json(folder)["inputs"]
    assert {"rules/local.yaml", "rules/tinh-x.yaml", "builtin:qd-190-2024"} <= set(inputs)


def test_a_built_in_rule_set_is_covered_by_its_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another copy of tally whose built-in qd-190-2024 says something else: not a match."""
    folder = ROOT / "examples" / "xa-2025"
    code = signed(folder)
    rules = tmp_path / "rules"
    shutil.copytree(loader.builtin_dir(), rules)
    monkeypatch.setattr(loader, "builtin_dir", lambda: rules)
    assert verify(folder, code).exit_code == 0
    path = rules / "qd-190-2024.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = verify(folder, code)
    assert result.exit_code == 1, result.output
    assert "builtin:qd-190-2024" in result.stdout
