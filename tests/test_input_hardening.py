"""Input that used to change a figure silently, or to be called a bug (exit 70): issue 13.

Every figure is a plain decimal integer (YAML 1.2 core rules, not PyYAML's YAML 1.1 ones:
``015`` is not octal 13, ``1:48`` is not 108, ``yes`` is not 1), dates must exist, and absurd
input (foreign digits, thousands of digits, deep nesting, very long paths) is exit 2 with
the file, the line and the field — never a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import Result

from clirun import ENV, invoke
from tally.yamlsrc import load_yaml
from test_cli_errors import vietnamese_then_english

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str | Path) -> Result:
    return vietnamese_then_english(invoke(*args), [str(a) for a in args], ENV)


def copy_example(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(EXAMPLES / name, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    (n,) = [i for i, line in enumerate(lines, 1) if needle in line]
    return n


def assert_located(result: Result, where: str, *needles: str) -> None:
    """Exit 2, no traceback, and an ``error:`` line that starts with ``where``."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.exc_info is None or result.exc_info[0] is SystemExit, result.exc_info
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert any(line.startswith(f"error: {where}") for line in errors), (where, result.stderr)
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)
    assert len(result.stderr) < 2000, "the message must not echo a huge input back"


# --- figures: YAML 1.1 number forms are refused, not reinterpreted ---------------------------


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("015", "write 15, not 015"),  # YAML 1.1: octal 13, base 13 and threshold 7
        ("045", "write 45, not 045"),  # YAML 1.1: octal 37
        ("1:48", "digits 0-9"),  # YAML 1.1: sexagesimal 108
        ("1_5", "write 15, not 1_5"),  # YAML 1.1: 15 with a separator
        ("0x0f", "digits 0-9"),  # hexadecimal
        ("+15", "write 15, not +15"),
        ("yes", "a word, not a figure"),  # YAML 1.1: true, i.e. 1
        ("'15'", "without quotes"),  # a quoted figure is text
        ("١٥", "digits 0-9"),  # Arabic-Indic digits
        ("¹⁵", "digits 0-9"),  # superscripts: str.isdigit() says True
        ("1" * 5000, "at most 18 digits"),  # would not even fit int()'s default limit
    ],
)
def test_conference_summoned_must_be_plain_decimal(tmp_path: Path, typed: str, hint: str) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, "conference:\n  summoned: 15", f"conference:\n  summoned: {typed}")
    line = line_of(yaml_path, "summoned: " + typed[:20])
    result = run("count", folder)
    assert_located(
        result, f"{yaml_path}:{line}:", "conference.summoned", "must be a whole number", hint
    )


def test_zero_padded_electorate_figure_is_refused_by_validate(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, "  present: 108", "  present: 0108")
    result = run("validate", folder)
    line = line_of(yaml_path, "present: 0108")
    assert_located(result, f"{yaml_path}:{line}:", "electorate.present", "write 108, not 0108")


def test_explicit_int_tag_cannot_bring_octal_back(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, "  present: 108", "  present: !!int 0154")
    result = run("count", folder)
    line = line_of(yaml_path, "present: !!int")
    assert_located(result, f"{yaml_path}:{line}:", "electorate.present", "write 154, not 0154")


def test_yes_no_on_off_are_text_but_still_answer_a_yes_no_field(tmp_path: Path) -> None:
    data, _ = load_yaml(
        tmp_path / "x.yaml",
        text="a: yes\nb: off\nc: 015\nd: 1:48\ne: 1_000\nf: true\ng: 15\nh: ~\ni: 0\nj: -3\n",
    )
    assert data == {
        "a": "yes",
        "b": "off",
        "c": "015",
        "d": "1:48",
        "e": "1_000",
        "f": True,
        "g": 15,
        "h": None,
        "i": 0,
        "j": -3,
    }
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "born: 1984-02-11, ethnicity: Kinh, incumbent: true,",
        "born: 1984-02-11, ethnicity: Kinh, incumbent: yes,",
    )
    assert run("count", folder).exit_code == 0


def test_rule_file_figures_are_strict(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    (folder / "local.yaml").write_text(
        "id: local\ntitle: Local\nextends: qd-190-2024\nreport:\n  percent:\n"
        "    value: {decimals: '2', rounding: truncate}\n"
        "    cite: local\n    provenance: U\n",
        encoding="utf-8",
    )
    edit(folder / "election.yaml", "rules: qd-190-2024", "rules: local.yaml")
    result = run("count", folder)
    line = line_of(folder / "local.yaml", "decimals")
    assert_located(
        result, f"{folder / 'local.yaml'}:{line}:", "report.percent.value.decimals", "quotes"
    )


@pytest.mark.parametrize("share", ["١٥%", "1/٣", "1" * 5000 + "/3"])
def test_shares_take_ascii_digits_of_a_sane_length(tmp_path: Path, share: str) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, "women: {min: 15%}", f'women: {{min: "{share}"}}')
    result = run("validate", folder)
    line = line_of(yaml_path, "women:")
    assert_located(result, f"{yaml_path}:{line}:", "plan.bodies.committee.targets.women.min")


# --- tally sheets: every count strict ---------------------------------------------------------


def with_sheets(tmp_path: Path, g1: str) -> tuple[Path, Path]:
    folder = copy_example(tmp_path, "xa-2025")
    (folder / "tallies").mkdir()
    sheet = folder / "tallies" / "bt-g1.yaml"
    sheet.write_text(g1, encoding="utf-8")
    (folder / "tallies" / "bt-g2.yaml").write_text(
        "group: 2\ncollected: 48\nvotes: {htd: 43}\n", encoding="utf-8"
    )
    edit(
        folder / "election.yaml",
        "ballots: ballots/bt-1.csv",
        "tallies: [tallies/bt-g1.yaml, tallies/bt-g2.yaml]",
    )
    return folder, sheet


@pytest.mark.parametrize(
    ("text", "needle", "field", "hint"),
    [
        ("votes: {htd: yes}", "votes:", "votes.htd", "a word, not a figure"),
        ("votes: {htd: 055}", "votes:", "votes.htd", "write 55, not 055"),
        ("votes: {htd: '55'}", "votes:", "votes.htd", "without quotes"),
        ("votes: {htd: 55.0}", "votes:", "votes.htd", "must be a whole number"),
        ("votes: {htd: true}", "votes:", "votes.htd", "a word, not a figure"),
        ("votes: {htd: 55}\ninvalid: {no_choice: on}", "invalid:", "invalid.no_choice", "word"),
        ("votes: {htd: 55}\nkept: {1: 0x3b}", "kept:", "kept[1]", "digits 0-9"),
    ],
)
def test_tally_sheet_counts_are_strict(
    tmp_path: Path, text: str, needle: str, field: str, hint: str
) -> None:
    folder, sheet = with_sheets(tmp_path, f"group: 1\ncollected: 60\n{text}\n")
    result = run("count", folder, "--contest", "bt")
    assert_located(result, f"{sheet}:{line_of(sheet, needle)}:", field, hint)


def test_tally_sheet_collected_sexagesimal(tmp_path: Path) -> None:
    folder, sheet = with_sheets(tmp_path, "group: 1\ncollected: 1:00\nvotes: {htd: 55}\n")
    result = run("count", folder, "--contest", "bt")
    assert_located(result, f"{sheet}:2:", "collected", "digits 0-9")


# --- dates that do not exist -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("born: 1984-02-11", "born: 1984-02-30"),
        ("date: 2025-06-14", "date: 2025-13-01"),
        ("born: 1984-02-11", "born: 2023-02-29"),
    ],
)
def test_impossible_date_is_located(tmp_path: Path, old: str, new: str) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, old, new)
    result = run("validate", folder)
    value = new.split(": ")[1]
    assert_located(
        result, f"{yaml_path}:{line_of(yaml_path, new)}:", f"there is no date {value}", "YYYY-MM-DD"
    )


def test_impossible_date_is_reported_with_the_other_mistakes(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, "born: 1968-03-12", "born: 1984-02-30")
    edit(yaml_path, "conference:\n  summoned: 15", "conference:\n  summoned: 015")
    result = run("count", folder)
    assert_located(result, f"{yaml_path}:{line_of(yaml_path, '1984-02-30')}:", "people[0].born")
    assert_located(result, f"{yaml_path}:{line_of(yaml_path, 'summoned: 015')}:", "015")


def test_impossible_date_in_a_rule_file(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    rules = folder / "local.yaml"
    rules.write_text(
        "id: local\ntitle: Local\nextends: qd-190-2024\n"
        "instruments: [{number: 1/QĐ, date: 2024-02-30}]\n",
        encoding="utf-8",
    )
    edit(folder / "election.yaml", "rules: qd-190-2024", "rules: local.yaml")
    result = run("count", folder)
    assert_located(result, f"{rules}:4:", "instruments[0].date", "there is no date 2024-02-30")


# --- ballot positions: ASCII digits of a sane length ------------------------------------------


@pytest.mark.parametrize(
    "position",
    ["²", "٣", "３", "1" * 5000, "0" * 4000 + "3"],
    ids=["superscript", "arabic-indic", "fullwidth", "5000-digits", "4001-digits"],
)
def test_ballot_position_in_foreign_or_absurd_digits(tmp_path: Path, position: str) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    csv = folder / "ballots" / "bch-1.csv"
    edit(csv, "\n3,6 10 11,,\n", f"\n3,6 10 {position},,\n")
    result = run("count", folder)
    # digits 0-9 of absurd length are a position, but out of range; anything else is no position
    digits = position.isascii()
    expected = "is out of range" if digits else "is not a ballot position"
    assert_located(result, f"{csv}:4:", "struck", expected)


def test_ballot_serial_in_superscript_digits_is_a_serial_like_any_other(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    csv = folder / "ballots" / "dbct-1.csv"
    text = csv.read_text(encoding="utf-8")
    csv.write_text(text.replace("\n1,", "\n²,", 1), encoding="utf-8")
    assert run("count", folder).exit_code == 0
    csv.write_text(text.replace("\n1,", "\n²,", 1).replace("\n2,", "\n²,", 1), encoding="utf-8")
    result = run("count", folder)
    assert_located(result, f"{csv}:3:", "ballot serial '²' appears twice")


# --- absurd depth and length -----------------------------------------------------------------


@pytest.mark.parametrize("depth", [500, 5000])
def test_deep_nesting_is_located(tmp_path: Path, depth: int) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, "  place: Hội trường", "  place: " + "[" * depth + "]" * depth + " #")
    line = line_of(yaml_path, "place: [[[")
    result = run("validate", folder)
    assert_located(result, f"{yaml_path}:{line}:", "nested more than 64 levels deep")


def test_deep_nesting_in_a_tally_sheet(tmp_path: Path) -> None:
    deep = "{a: " * 500 + "1" + "}" * 500
    folder, sheet = with_sheets(tmp_path, f"group: 1\ncollected: 60\nvotes: {deep}\n")
    result = run("count", folder, "--contest", "bt")
    assert_located(result, f"{sheet}:3:", "nested more than 64 levels deep")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("ballots: ballots/bt-1.csv", "ballots: ballots/{long}.csv", "rounds[0].ballots"),
        ("ballots: ballots/bt-1.csv", "tallies: [tallies/{long}.yaml]", "rounds[0].tallies[0]"),
        ("rules: qd-190-2024", "rules: {long}", "rules"),
    ],
)
def test_very_long_path_in_election_yaml(tmp_path: Path, old: str, new: str, field: str) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    yaml_path = folder / "election.yaml"
    edit(yaml_path, old, new.replace("{long}", "x" * 5000))
    result = run("validate", folder)
    assert_located(result, f"{yaml_path}:{line_of(yaml_path, 'x' * 50)}:", field)


def test_very_long_rule_file_path(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(folder / "election.yaml", "rules: qd-190-2024", f"rules: rules/{'x' * 5000}.yaml")
    result = run("validate", folder)
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert "File name too long" in result.stderr


@pytest.mark.parametrize("command", ["validate", "count", "check"])
def test_very_long_path_on_the_command_line(tmp_path: Path, command: str) -> None:
    result = run(command, tmp_path / ("x" * 5000))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 2000 + 5000


@pytest.mark.parametrize("columns", ["²", "٨٠", "9" * 5000])
def test_columns_in_foreign_or_absurd_digits_is_ignored(columns: str) -> None:
    result = invoke("count", EXAMPLES / "xa-2025", "--contest", "bt", env={"COLUMNS": columns})
    assert result.exit_code == 0, (result.exit_code, result.stderr)
