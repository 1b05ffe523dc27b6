"""The parts every printed document shares, as data: the signature block and the imprint.

Each format's module of the kit lays them out; the document's model fills in the words.
"""

from __future__ import annotations

from dataclasses import dataclass

from tally.i18n import msg
from tally.kinds import Lang

BLANK = "……………………"  # a name to write by hand


@dataclass(frozen=True)
class Signature:
    """One column of the signature block: a role, then room to sign above each name.

    ``cls`` names each signer in HTML (``head``, ``member``, ``operator``); ``wide`` columns
    take two signers a line. An empty name is a blank line to fill in by hand.
    """

    role: str
    names: tuple[str, ...]
    cls: str
    wide: bool = False


@dataclass(frozen=True)
class ImprintLine:
    """A line of the small print; ``code`` (a fingerprint, a hash) set apart after the text."""

    text: str
    code: str = ""
    cls: str = ""  # the code's class in HTML


@dataclass(frozen=True)
class Closing:
    """The end of a document: the signatures, their hint and the imprint.

    ``lead`` are the sentences just before the signatures ("The count ended at …", "These
    minutes are made in … copies"): kept on the signed page with them.
    """

    signatures: tuple[Signature, ...]
    hint: str
    imprint: tuple[ImprintLine, ...]
    lead: tuple[str, ...] = ()


def sign_hint(lang: Lang) -> str:
    return msg("doc.sign_hint").text(lang)
