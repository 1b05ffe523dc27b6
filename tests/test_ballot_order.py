"""Ballot order (issue 18): a list is printed in the order of the Vietnamese alphabet, given
name first (textnorm.name_key); `tally validate` warns when it is not, naming the first pair out
of order, unless the contest says `order: as_given`."""

from __future__ import annotations

import json
from typing import Any

from tests.elections import delegates_congress


def _named(data: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    data["people"] = [{"id": pid, "name": name} for pid, name in names.items()]
    return data


NAMES = {
    "a": "Lê Văn An",
    "b": "Trần Thị Bình",
    "c": "Phạm Quốc Dũng",
    "d": "Vi Thị Duyên",
    "e": "Đỗ Văn Hải",
}


def _contest(candidates: list[str], **more: Any) -> dict[str, Any]:
    data = delegates_congress(candidates=candidates, seats=4)
    data["contests"][0].update(more)
    return _named(data, NAMES)


def _order_findings(result: Any) -> list[dict[str, Any]]:
    doc = json.loads(result.stdout)
    return [f for f in doc["findings"] if f["code"] == "ballot_order"]


def test_a_list_out_of_order_is_a_warning_naming_the_first_pair(
    election_builder: Any, tally_cli: Any
) -> None:
    folder = election_builder(_contest(["a", "b", "d", "c", "e"]))
    result = tally_cli("validate", folder, "--json", "--lang", "en")
    assert result.exit_code == 0, result.output  # a warning, not a broken rule
    [found] = _order_findings(result)
    assert found["severity"] == "warning"
    assert found["contest"] == "bch"
    assert "Vi Thị Duyên" in found["message"] and "Phạm Quốc Dũng" in found["message"]
    assert "order: as_given" in found["message"]
    vi = tally_cli("validate", folder, "--lang", "vi")
    assert "thứ tự chữ cái" in vi.stdout


def test_a_list_in_order_and_a_list_kept_as_given_are_quiet(
    election_builder: Any, tally_cli: Any
) -> None:
    in_order = election_builder(_contest(["a", "b", "c", "d", "e"]), name="in-order")
    assert _order_findings(tally_cli("validate", in_order, "--json")) == []
    as_given = election_builder(_contest(["e", "d", "c", "b", "a"], order="as_given"), name="kept")
    assert _order_findings(tally_cli("validate", as_given, "--json")) == []


def test_a_later_rounds_list_is_checked_too(election_builder: Any, tally_cli: Any) -> None:
    data = _contest(["a", "b", "c", "d", "e"])
    data["contests"][0]["rounds"] = [{"issued": 290}, {"seats": 1, "candidates": ["e", "a"]}]
    folder = election_builder(data)
    [found] = _order_findings(tally_cli("validate", folder, "--json", "--lang", "en"))
    assert "round 2" in found["message"]
