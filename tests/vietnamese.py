"""Is a text a user reads on stderr free of English? The check of issue 14's "Vietnamese first".

What may stay as it is: file paths, field paths (``contests[0].seats``), option names and
command lines, ids and codes (``qd-190-2024``, ``no_choice``), numbers, and whatever is quoted
('…' or "…"): the values quoted back from the user's input, or the words of another program.
Everything else is split into words; none may be a common English word.
"""

from __future__ import annotations

import re

ENGLISH = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "cannot",
        "can",
        "could",
        "did",
        "does",
        "error",
        "expected",
        "file",
        "files",
        "for",
        "found",
        "from",
        "got",
        "has",
        "have",
        "hint",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "line",
        "missing",
        "more",
        "must",
        "need",
        "needs",
        "no",
        "not",
        "of",
        "on",
        "one",
        "only",
        "or",
        "should",
        "than",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "those",
        "to",
        "too",
        "unknown",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "without",
        "write",
        "written",
        "would",
        "you",
        "your",
        "already",
        "allowed",
        "column",
        "columns",
        "empty",
        "exists",
        "folder",
        "given",
        "invalid",
        "key",
        "keys",
        "list",
        "mapping",
        "number",
        "numbers",
        "required",
        "round",
        "rounds",
        "row",
        "rows",
        "run",
        "sheet",
        "value",
        "values",
        "whole",
        "wrong",
    ]
)

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|“[^”\n]*”")
# Messages not in the catalogue yet (issue 14, in progress): a line holding one is not checked.
# Each entry names the module that still words it in English; the list only ever shrinks.
NOT_YET: tuple[str, ...] = ()

# Vietnamese words spelt like English ones: "bản in" is a printed copy.
_LOOK_ALIKE = re.compile(r"\b[Bb]ản in\b")
_TOKEN = re.compile(r"\S+")
# The field of a place: the word ending in ':' right after "path:line:" (or "path:").
_FIELD = re.compile(r"(?<=:)\s+[A-Za-z_][\w.\[\]]*:(?=\s)")

_EDGES = ".,;:()!?…→"


def _plain(token: str) -> bool:
    """A word of a sentence, not a path, a field, an option, an id or a number."""
    word = token.strip(_EDGES)
    if not word or word.startswith("-") or word.isupper() or any(c.isdigit() for c in word):
        return False
    return not any(c in "/\\_.[]=<>{}#@$" for c in word)


def english_words(text: str) -> list[str]:
    """The English words of ``text`` once paths, fields, codes and quotes are set aside."""
    found: list[str] = []
    blocks: list[list[str]] = []  # one issue: its line and the indented lines of its hint
    for line in text.splitlines():
        if line[:1].isspace() and blocks:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    lines = [
        line
        for block in blocks
        if not any(part in line for line in block for part in NOT_YET)
        for line in block
    ]
    for line in lines:
        line = _LOOK_ALIKE.sub(" ", _QUOTED.sub(" ", line))
        line = _FIELD.sub(" ", line)  # "ballots/bt-1.csv:4: invalid: …": a column, not a word
        line = re.sub(r"\btally [a-z]+ \S.*$", " ", line)  # a command to type, to the end
        for token in _TOKEN.findall(line):
            if not _plain(token):
                continue
            word = token.strip(_EDGES).lower()
            if word in ENGLISH:
                found.append(word)
    return found
