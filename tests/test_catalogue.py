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
