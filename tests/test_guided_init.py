"""Issue 18: the guided `tally init`, the schema file beside election.yaml, "did you mean"."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tally.cli.main import cli
from tally.config.guided import Question, election_text, interview, rules_for
from tally.config.schema import schema_text
from tally.i18n import Msg

ROOT = Path(__file__).resolve().parents[1]
ENV = {"COLUMNS": "100", "TALLY_LANG": None, "FORCE_COLOR": None, "NO_COLOR": None}

# A members' congress of a commune: 5 seats, 6 names typed in no particular order.
COMMUNE = [
    "1", "Đảng bộ xã Đông Lâm", "20/07/2025", "", "60", "58",
    "", "5",
    "Trần Thị Bình", "nữ", "1980-01-02",
    "Nguyễn Văn An", "nam", "",
    "Lê Văn Cường", "nam", "",
    "Phạm Thị Dung", "nữ", "",
    "Hoàng Văn Em", "nam", "",
    "Đỗ Thị Giang", "nữ", "01/02/1995",
    "",  # the list is done
    "",  # no other body
    "k",  # the secretary is elected at the first conference
    "15%", "1", "", "1/3",
]  # fmt: skip


def run(*args: str | Path, stdin: str | None = None) -> Result:
    result = CliRunner(env=ENV).invoke(cli, [str(a) for a in args], input=stdin, prog_name="tally")
    assert result.exc_info is None or result.exc_info[0] is SystemExit, result.exc_info
    return result


def answers(given: list[str], asked: list[Question]) -> Iterator[str]:
    yield from given
    raise AssertionError(f"asked more than answered: {asked[-1].key}")


def drive(given: list[str], people: list[dict[str, object]] | None = None):  # type: ignore[no-untyped-def]
    asked: list[Question] = []
    told: list[Msg] = []
    feed = answers(given, asked)

    def ask(q: Question) -> str:
        asked.append(q)
        return next(feed)

    setup = interview(ask, told.append, "en", people or [])
    return setup, asked, told


def test_the_answers_make_an_election_validate_accepts(tmp_path: Path) -> None:
    setup, _asked, told = drive(COMMUNE)
    assert setup.rules == "qd-190-2024"
    assert [m.id for m in told] == ["guided.rules.party"]
    # ballot order: by given name in the Vietnamese alphabet (An, Bình, Cường, Dung, Em, Giang)
    assert setup.contests[0].candidates == [
        "nguyen-van-an", "tran-thi-binh", "le-van-cuong", "pham-thi-dung", "hoang-van-em",
        "do-thi-giang",
    ]  # fmt: skip
    folder = tmp_path / "xa"
    folder.mkdir()
    (folder / "election.yaml").write_text(election_text(setup, "vi"), encoding="utf-8")
    result = run("validate", folder, "--lang", "en")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_a_wrong_answer_is_asked_again_with_the_reason() -> None:
    given = [*COMMUNE[:2], "20/13/2025", "hôm qua", *COMMUNE[2:5], "năm mươi", *COMMUNE[5:]]
    _, asked, _ = drive(given)
    dates = [q for q in asked if q.key == "date"]
    assert [q.problem and q.problem.id for q in dates] == [
        None,
        "guided.bad_date",
        "guided.bad_date",
    ]
    present = [q for q in asked if q.key == "present"]
    assert present[1].problem is not None and present[1].problem.id == "guided.bad_count"
    assert "năm mươi" in present[1].problem.text("en")


@pytest.mark.parametrize(
    ("kind", "date", "rules"),
    [
        ("members_congress", "2025-01-01", "qd-190-2024"),
        ("delegates_congress", "2020-06-30", "qd-244-2014"),
        ("constituency", "2021-05-23", "luat-bau-cu-2015-sd-2025"),
    ],
)
def test_the_rule_set_follows_the_date_and_the_meeting(kind: str, date: str, rules: str) -> None:
    import datetime as dt

    assert rules_for(kind, dt.date.fromisoformat(date)) == rules  # type: ignore[arg-type]


def test_imported_people_are_chosen_by_name(tmp_path: Path) -> None:
    people: list[dict[str, object]] = [
        {"id": "nva", "name": "Nguyễn Văn An", "sex": "M"},
        {"id": "ttb", "name": "Trần Thị Bình", "sex": "F"},
        {"id": "lvc", "name": "Lê Văn Cường", "sex": "M"},
    ]
    given = ["3", "Đảng bộ xã Đông Lâm", "2025-08-01", "", "5", "5", "2", "1"]
    given += ["Tran Thi Binh", "Le Van Cuong", "Nguyen Van Ann", "Nguyễn Văn An", "", ""]
    setup, asked, _ = drive(given, people)
    secretary = setup.contests[0]
    assert secretary.body == "secretary" and secretary.candidates == ["nva", "ttb", "lvc"]
    refused = [q.problem for q in asked if q.key == "candidate" and q.problem is not None]
    assert [m.text("en") for m in refused] == [
        "no 'Nguyen Van Ann' among the people; did you mean 'Nguyễn Văn An'?"
    ]
    assert asked[-4].choices == ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")


def test_guided_init_through_stdin_then_validate(tmp_path: Path) -> None:
    folder = tmp_path / "dai-hoi"
    result = run("init", folder, "--interactive", "--lang", "en", stdin="\n".join(COMMUNE) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Rule set: qd-190-2024" in result.stderr
    assert f"tally validate {folder}" in result.stderr
    assert run("validate", folder).exit_code == 0
    # a people-only file (what `tally import people` writes) is read and carried on
    people_only = tmp_path / "nhap"
    people_only.mkdir()
    (people_only / "election.yaml").write_text(
        "version: 1\npeople:\n  - {id: nva, name: Nguyễn Văn An, sex: M}\n"
        "  - {id: ttb, name: Trần Thị Bình, sex: F}\n",
        encoding="utf-8",
    )
    stdin = "3\nĐảng bộ xã Đông Lâm\n2025-08-01\n\n5\n5\n2\n1\nnva\nTrần Thị Bình\n\n\n"
    result = run("init", people_only, "--interactive", "--lang", "en", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    text = (people_only / "election.yaml").read_text(encoding="utf-8")
    assert "candidates: [nva, ttb]" in text
    assert run("validate", people_only).exit_code == 0
    # and an election.yaml with more than people is never overwritten
    again = run("init", people_only, "--interactive", "--lang", "en", stdin=stdin)
    assert again.exit_code == 2 and "never overwrites" in again.stderr


def test_guided_init_of_a_state_election(tmp_path: Path) -> None:
    folder = tmp_path / "hdnd"
    stdin = [
        "4", "1", "Đơn vị bầu cử số 2, phường Hòa Bình", "15/03/2026", "", "2.400", "3",
        "Nguyễn Thị Thu Hà", "nữ", "12/04/1979",
        "Trần Quốc Hưng", "nam", "",
        "Lê Thị Ngọc Lan", "nữ", "",
        "Phạm Văn Minh", "nam", "",
        "Đỗ Thị Phương", "nữ", "08/09/1991",
        "", "1/3", "1", "", "",
    ]  # fmt: skip
    result = run("init", folder, "--interactive", "--lang", "en", stdin="\n".join(stdin) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Rule set: luat-bau-cu-2015-sd-2025" in result.stderr
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert "kind: constituency" in text and "assembly: peoples_council" in text
    assert "registered: 2400" in text
    validated = run("validate", folder, "--lang", "en")
    assert validated.exit_code == 0, validated.stdout


@pytest.mark.parametrize("interactive", [True, False])
def test_the_schema_line_resolves_to_the_schema_tally_prints(
    tmp_path: Path, interactive: bool
) -> None:
    folder = tmp_path / "dh"
    if interactive:
        result = run("init", folder, "--interactive", stdin="\n".join(COMMUNE) + "\n")
    else:
        result = run("init", folder)  # no terminal: the commented template
    assert result.exit_code == 0, result.stderr
    election = folder / "election.yaml"
    first = election.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    schema = election.parent / first[len(prefix) :]
    assert schema.is_file()
    assert schema.read_text(encoding="utf-8") == run("schema").stdout == schema_text()
    assert json.loads(schema_text())["$defs"]["Contest"]["additionalProperties"] is False
    # tally schema -o refreshes it
    schema.write_text("{}", encoding="utf-8")
    assert run("schema", "-o", schema).exit_code == 0
    assert schema.read_text(encoding="utf-8") == schema_text()


# --- did you mean ------------------------------------------------------------------------------


def _xa(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        ("candidates: [ttka,", "candidates: [ttkaa,", "did you mean 'ttka'?"),  # a person
        ("  kind: ", "  knd: ", "did you mean 'kind'?"),  # a key
        ("body: committee", "body: comittee", "did you mean 'committee'?"),  # a body
        ("rules: qd-190-2024", "rules: qd-190-2042", "did you mean 'qd-190-2024'?"),  # rule set
    ],
)
def test_did_you_mean(tmp_path: Path, old: str, new: str, hint: str) -> None:
    folder = _xa(tmp_path)
    election = folder / "election.yaml"
    text = election.read_text(encoding="utf-8")
    assert old in text
    election.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("validate", folder, "--lang", "en")
    assert result.exit_code == 2
    assert hint in result.stderr.split("hint: ", 1)[1]
    vi = run("validate", folder)
    assert "có phải ý bạn là" in vi.stderr.split("gợi ý: ", 1)[1]


def test_did_you_mean_a_person_written_by_name_or_a_contest(tmp_path: Path) -> None:
    from tally.config.references import People, _person_hint

    people = People()
    people.update({"ttka": 0, "nva": 1})
    people.names.update({"Trần Thị Kim Anh": "ttka", "Nguyễn Văn An": "nva"})
    assert str(_person_hint("tran-thi-kim-anh", people)) == "did you mean 'ttka'?"
    assert str(_person_hint("Nguyen Van Anh", people)) == "did you mean 'nva'?"
    assert _person_hint("xyz", people) is None


def test_did_you_mean_a_missing_file(tmp_path: Path) -> None:
    folder = _xa(tmp_path)
    election = folder / "election.yaml"
    text = election.read_text(encoding="utf-8")
    rel = next(
        line.split("ballots: ")[1].split()[0] for line in text.splitlines() if "ballots: " in line
    )
    typo = rel.replace("-1", "1", 1)
    assert typo != rel
    election.write_text(text.replace(f"ballots: {rel}", f"ballots: {typo}", 1), encoding="utf-8")
    result = run("validate", folder, "--lang", "en")
    assert result.exit_code == 2
    assert f"hint: did you mean '{rel}'?" in result.stderr
