"""The message catalogue: every id in both languages, with the same parameters (issue 14)."""

from __future__ import annotations

import pytest

from tally.i18n import MESSAGES, fields, msg
from vietnamese import english_words


@pytest.mark.parametrize("mid", sorted(MESSAGES))
def test_every_id_in_both_languages_with_the_same_parameters(mid: str) -> None:
    vi, en = MESSAGES[mid]
    assert vi.strip() and en.strip(), mid
    assert fields(vi) == fields(en), (mid, sorted(fields(vi)), sorted(fields(en)))


@pytest.mark.parametrize("mid", sorted(MESSAGES))
def test_every_vietnamese_text_is_free_of_english(mid: str) -> None:
    vi, _ = MESSAGES[mid]
    params = {name: "x" for name in fields(vi)}
    text = vi.format(**{k: (1 if "{" + k + ":," in vi else v) for k, v in params.items()})
    assert english_words(text) == [], (mid, text)


def test_a_message_takes_exactly_its_parameters() -> None:
    assert msg("source.too_large", kind=msg("kind.journal"), mib=256).text("vi") == (
        "tệp lớn hơn giới hạn cho một nhật ký nhập phiếu (256 MiB)"
    )
    assert str(msg("source.too_large", kind=msg("kind.journal"), mib=256)) == (
        "the file is larger than the limit for a journal (256 MiB)"
    )
    with pytest.raises(TypeError):
        msg("source.too_large", kind="x")


@pytest.mark.parametrize(("total", "en"), [(2, "and 1 more mistake "), (3, "and 2 more mistakes ")])
def test_the_mistakes_left_out_are_counted_in_singular_or_plural(total: int, en: str) -> None:
    from pathlib import Path

    from tally.errors import Issue, IssueLog, Location

    log = IssueLog(Path("b.csv"), limit=1)
    for line in range(1, total + 1):
        log.add(Issue(msg("csv.empty"), Location(Path("b.csv"), line)))
    last = log.issues()[-1]
    assert last.text("en").startswith(f"b.csv: {en}in this file"), last.text("en")
    assert last.text("vi").startswith(f"b.csv: và {total - 1} lỗi nữa trong tệp này")
