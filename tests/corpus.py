"""A malformed-input corpus: deterministic mutations of the example elections.

Each :class:`Mutant` is one example folder (``examples/*``, plus ``xa-tallies``: xa-2025 with
the committee's first round on two counting groups' tally sheets) with one file changed in one
way. The mutations are generated, not written one by one: every scalar, line, list, row and
field of the examples' ``election.yaml``, ballot CSVs and tally sheets is a site, and a seeded
``random.Random`` picks which sites get which of a fixed list of operators (a nasty value, a
deleted or doubled key, swapped items, a cut file, bytes that are not UTF-8, a deep nest, …).
The same examples give the same corpus, byte for byte, on every machine.

Each mutant says what a correct tool must do with it (:attr:`Mutant.expect`):

- ``neutral``: the change means nothing (a comment, key order, CRLF, a BOM, quoting, an alias
  of an equal value, row order); every command exits as on the unmutated folder and the count
  document is identical apart from the input digests.
- ``refused``: bad input that must never be counted (a duplicate key, ``015`` or ``yes`` where
  a number is expected, a position ``²``, a reference to nobody, bytes that are not UTF-8, …):
  exit 2 from every command that reads the file.
- ``any``: the meaning changed (a row dropped, items swapped, a file cut): any clean exit code,
  and if 2, a located message.

Nothing here imports tally: the corpus is plain text and bytes, built with PyYAML's composer
only to find where each value sits in the original file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = 20250614

Expect = Literal["neutral", "refused", "any"]
Files = dict[str, bytes]

# xa-2025's first committee round split into its two counting groups (ballots 1–54 and 55–108
# of ballots/bch-1.csv), as tests/test_tally_sheets_distinct.py derives them.
SHEET_G1 = """\
# Biên bản kiểm phiếu của tổ 1
group: 1
collected: 54
invalid: {marked: 1, too_many_kept: 1}
votes: {ttka: 48, lvb: 45, htd: 49, vvg: 42, nth: 41, pmh: 29, dvl: 46, stsl: 36, tvq: 38,
        mvta: 41, lqt: 22}
"""
SHEET_G2 = """\
group: 2
collected: 54
votes:
  ttka: 44
  lvb: 50
  htd: 52
  vvg: 42
  nth: 38
  pmh: 35
  dvl: 52
  stsl: 37
  tvq: 26
  mvta: 47
  lqt: 19
"""


@dataclass(frozen=True)
class Mutant:
    """One example folder with one file changed."""

    id: str  # stable and readable: base.file.operator[.site][=value]
    base: str  # key of :func:`bases`
    file: str  # the changed file, relative to the folder
    data: bytes | None  # the new content (None: the file is deleted)
    expect: Expect
    line_level: bool = True  # an exit-2 message must give a line (False: the file will do)
    # ``validate`` reads election.yaml only: it refuses a mutant only if this is True.
    validate_reads: bool = True

    @property
    def folder(self) -> str:
        """A file-system-safe, unique folder name."""
        return re.sub(r"[^A-Za-z0-9._=-]+", "_", self.id)


@dataclass
class _Builder:
    base: str
    file: str
    original: bytes
    out: list[Mutant] = field(default_factory=list)

    def add(
        self,
        op: str,
        data: bytes | str | None,
        expect: Expect,
        *,
        line_level: bool = True,
        validate_reads: bool | None = None,
    ) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        short = _SHORT.get(self.file, Path(self.file).stem)
        self.out.append(
            Mutant(
                f"{self.base}.{short}.{op}",
                self.base,
                self.file,
                data,
                expect,
                line_level,
                self.file == "election.yaml" if validate_reads is None else validate_reads,
            )
        )


_SHORT = {"election.yaml": "y"}


def bases() -> dict[str, Files]:
    """The unmutated folders, by short name: every file an election reads."""
    out: dict[str, Files] = {}
    for name, short in (("xa-2025", "xa"), ("huyen-2020", "huyen"), ("phuong-hdnd-2026", "hdnd")):
        root = EXAMPLES / name
        out[short] = {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "README.md"
        }
    xa = dict(out["xa"])
    text = xa["election.yaml"].decode("utf-8")
    old = "ballots: ballots/bch-1.csv\n"
    assert text.count(old) == 1
    new = "tallies: [tallies/g1.yaml, tallies/g2.yaml]\n"
    xa["election.yaml"] = text.replace(old, new).encode("utf-8")
    del xa["ballots/bch-1.csv"]
    xa["tallies/g1.yaml"] = SHEET_G1.encode("utf-8")
    xa["tallies/g2.yaml"] = SHEET_G2.encode("utf-8")
    out["xa-tallies"] = xa
    return out


# --- values -----------------------------------------------------------------------------------

# Where the original is a whole number: each must be refused (a plain decimal integer only).
NOT_A_NUMBER: list[tuple[str, str]] = [
    ("octal", "015"),
    ("octal2", "045"),
    ("sexagesimal", "1:48"),
    ("underscore", "1_08"),
    ("hex", "0x6c"),
    ("octal0o", "0o154"),
    ("exp", "1e3"),
    ("float", "108.0"),
    ("yes", "yes"),
    ("no", "no"),
    ("on", "on"),
    ("off", "off"),
    ("true", "true"),
    ("superscript", "²"),
    ("arabic_digits", "١٠٨"),
    ("fullwidth", "１０８"),
    ("inf", ".inf"),
    ("nan", ".nan"),
    ("date", "2025-06-14"),
]
# Where the original is a whole number: may be bad input or a different election.
ODD_NUMBERS: list[tuple[str, str]] = [
    ("negative", "-108"),
    ("zero", "0"),
    ("plus", "+108"),
    ("quoted", "'108'"),
    ("huge", "9" * 30),
    ("thousand_digits", "9" * 5000),
    ("word", "mười"),  # a tally sheet's group may be a name
]
# Where the original is a date.
BAD_DATES: list[tuple[str, str, Expect]] = [
    ("feb30", "1984-02-30", "refused"),
    ("month13", "1984-13-01", "refused"),
    ("year0", "0000-01-01", "refused"),
    ("slashes", "1984/02/11", "any"),
    ("short", "84-02-11", "any"),
    ("datetime", "1984-02-11T10:00:00", "any"),
    ("number", "19840211", "any"),
]
# Anywhere.
ANY_VALUE: list[tuple[str, str, Expect]] = [
    ("null", "~", "any"),
    ("empty", "''", "any"),
    ("list", "[]", "any"),
    ("map", "{}", "any"),
    ("list2", "[a, b]", "any"),
    ("map1", "{a: 1}", "any"),
    ("long", "x" * 20_000, "any"),
    ("bell", '"chuông\\a"', "any"),
    ("nul", '"\\0"', "any"),
    ("rtl", '"\\u202eabc"', "any"),
    ("surrogate", '"\\ud800"', "any"),
    ("newline", '"hai\\ndòng"', "any"),
    ("formula", "'=HYPERLINK(\"http://x\")'", "any"),
    ("html", "'<script>alert(1)</script> # **x**'", "any"),
    ("vietnamese", "Nguyễn Văn Ân", "any"),
    ("raw_control", "ab\x07cd", "refused"),
    ("binary", "!!binary aGVsbG8=", "any"),
    ("python_tag", '!!python/object/apply:os.system ["true"]', "refused"),
    ("unknown_tag", "!khong 5", "refused"),
    ("undefined_alias", "*khong_co", "refused"),
    ("deep_list", "[" * 300 + "]" * 300, "any"),
    ("deeper_list", "[" * 3000 + "]" * 3000, "refused"),
    ("deep_map", "{a: " * 300 + "1" + "}" * 300, "any"),
]
# As a data path (``ballots:``, ``tallies:`` entries, ``rules:``).
BAD_PATHS: list[tuple[str, str, Expect]] = [
    ("missing", "ballots/khong-co.csv", "any"),  # a vote still due: 4 (or 2)
    ("folder", "ballots", "refused"),
    ("itself", "election.yaml", "refused"),
    ("parent", "../../../../../../etc/passwd", "refused"),
    ("absolute", "/etc/passwd", "refused"),
    ("dev_null", "/dev/null", "refused"),
    ("long_name", "ballots/" + "a" * 300 + ".csv", "any"),
    ("long_path", "/".join(["a" * 200] * 30) + ".csv", "any"),
    ("nul_in_path", '"ballots/a\\0.csv"', "refused"),
    ("empty_path", "''", "refused"),
]


# --- YAML sites -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Site:
    path: str  # contests[0].seats
    start: int  # character offsets of the value in the text
    end: int
    node: Node


def _field(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _yaml_sites(text: str) -> tuple[list[_Site], list[_Site], set[int]]:
    """Scalar values and collections of a YAML text, and the lines inside multi-line flows."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    scalars: list[_Site] = []
    collections: list[_Site] = []
    flow_lines: set[int] = set()

    def walk(node: Node, path: tuple[str | int, ...]) -> None:
        site = _Site(_field(path), node.start_mark.index, node.end_mark.index, node)
        if isinstance(node, ScalarNode):
            scalars.append(site)
            return
        collections.append(site)
        if getattr(node, "flow_style", False) and node.end_mark.line > node.start_mark.line:
            flow_lines.update(range(node.start_mark.line, node.end_mark.line + 1))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                walk(value, (*path, str(key.value)))
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    walk(root, ())
    return scalars, collections, flow_lines


def _is_int(site: _Site) -> bool:
    return isinstance(site.node, ScalarNode) and re.fullmatch(r"\d+", site.node.value) is not None


def _is_date(site: _Site) -> bool:
    return (
        isinstance(site.node, ScalarNode)
        and re.fullmatch(r"\d{4}-\d\d-\d\d", site.node.value) is not None
    )


def _is_path(site: _Site) -> bool:
    last = re.sub(r"\[\d+\]$", "", site.path).rsplit(".", 1)[-1]
    return last in {"ballots", "tallies", "rules"}


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _yaml_mutants(b: _Builder, rng: random.Random, per_value: int) -> None:
    text = b.original.decode("utf-8")
    lines = text.splitlines(keepends=True)
    scalars, collections, flow_lines = _yaml_sites(text)
    ints = [s for s in scalars if _is_int(s)]
    dates = [s for s in scalars if _is_date(s)]
    paths = [s for s in scalars if _is_path(s)]
    # Values that only hold text: where any value is a different election, not an error.
    texts = [s for s in scalars if s not in ints and s not in dates and s not in paths]

    def pick(sites: list[_Site], k: int) -> list[_Site]:
        return rng.sample(sites, min(k, len(sites)))

    def put(site: _Site, name: str, value: str, expect: Expect) -> None:
        b.add(f"{site.path}={name}", _replace(text, site.start, site.end, value), expect)

    for name, value in NOT_A_NUMBER:
        for site in pick(ints, per_value):
            # A tally sheet's group is a label: under YAML 1.2 `045` or `no` is a fine name.
            put(site, name, value, "any" if site.path == "group" else "refused")
    for name, value in ODD_NUMBERS:
        for site in pick(ints, 1):
            put(site, name, value, "any")
    for name, value, expect in BAD_DATES:
        for site in pick(dates, 1):
            put(site, name, value, expect)
    for name, value, expect in BAD_PATHS:
        for site in pick(paths, 1):
            # The file named is wrong as a whole; validate does not open data files.
            b.add(
                f"{site.path}={name}",
                _replace(text, site.start, site.end, value),
                expect,
                line_level=False,
                validate_reads=site.path == "rules",
            )
    for name, value, expect in ANY_VALUE:
        for site in pick(scalars, per_value):
            if expect == "refused" and name == "raw_control" and site.node.style:
                continue  # a quoted scalar may hold it escaped; only a plain one must refuse
            put(site, name, value, expect)
    for site in pick(texts, per_value):
        # A key that tally does not know, beside a known one.
        line = site.node.start_mark.line
        if line in flow_lines or "{" in lines[line]:
            continue
        indent = re.match(r"[ -]*", lines[line])
        assert indent is not None
        pad = " " * len(indent.group(0))
        b.add(
            f"L{line + 1}.unknown_key",
            "".join([*lines[: line + 1], f"{pad}khong_ro: 1\n", *lines[line + 1 :]]),
            "any",
        )

    # Ids that name nobody: in a list of ids (candidates, slate, members…).
    id_items = [
        s
        for s in scalars
        if re.search(r"(candidates|slate|deputy_secretary)\[\d+\]$", s.path)
        or re.fullmatch(r"plan\.posts\.\w+", s.path)
    ]
    for site in pick(id_items, 2 * per_value):
        put(site, "nobody", "khong_co", "refused")

    # Lists: swap two neighbours, drop one, double one.
    seqs = [c for c in collections if isinstance(c.node, SequenceNode) and len(c.node.value) > 1]
    for seq in pick(seqs, 2 * per_value):
        items = seq.node.value
        i = rng.randrange(len(items) - 1)
        a, c = items[i], items[i + 1]
        sa = text[a.start_mark.index : a.end_mark.index]
        sc = text[c.start_mark.index : c.end_mark.index]
        if "\n" in sa or "\n" in sc:
            continue
        swapped = (
            text[: a.start_mark.index]
            + sc
            + text[a.end_mark.index : c.start_mark.index]
            + sa
            + text[c.end_mark.index :]
        )
        b.add(f"{seq.path}.swap{i}", swapped, "any")
    for seq in pick(seqs, per_value):
        if not seq.node.flow_style:
            continue
        items = seq.node.value
        i = rng.randrange(len(items))
        kept = [text[x.start_mark.index : x.end_mark.index] for j, x in enumerate(items) if j != i]
        b.add(
            f"{seq.path}.drop{i}",
            _replace(text, seq.start, seq.end, "[" + ", ".join(kept) + "]"),
            "any",
        )
        doubled = [text[x.start_mark.index : x.end_mark.index] for x in items]
        doubled.insert(i, doubled[i])
        ids = re.search(r"(candidates|slate)$", seq.path) is not None
        b.add(
            f"{seq.path}.double{i}",
            _replace(text, seq.start, seq.end, "[" + ", ".join(doubled) + "]"),
            "refused" if ids else "any",
        )

    # Block-mapping entries on one line: delete one, give one twice, swap two neighbours.
    entries: list[tuple[MappingNode, int]] = []
    for c in collections:
        if isinstance(c.node, MappingNode) and not c.node.flow_style:
            for i, (k, v) in enumerate(c.node.value):
                if k.start_mark.line == v.end_mark.line and k.start_mark.line not in flow_lines:
                    entries.append((c.node, i))
    for mapping, i in pick_pairs(rng, entries, 2 * per_value):
        k, _ = mapping.value[i]
        line = k.start_mark.line
        own = lines[line]
        if own[: k.start_mark.column].strip(" ") == "-":
            own = " " * k.start_mark.column + own[k.start_mark.column :]
        b.add(f"L{line + 1}.delete", "".join(lines[:line] + lines[line + 1 :]), "any")
        b.add(
            f"L{line + 1}.duplicate",
            "".join([*lines[: line + 1], own, *lines[line + 1 :]]),
            "refused",
        )
    for mapping, i in pick_pairs(rng, entries, 2 * per_value):
        if i + 1 >= len(mapping.value):
            continue
        (k1, _v1), (k2, v2) = mapping.value[i], mapping.value[i + 1]
        l1, l2 = k1.start_mark.line, k2.start_mark.line
        if (
            l2 != l1 + 1
            or k2.start_mark.line != v2.end_mark.line
            or l2 in flow_lines
            or lines[l1][: k1.start_mark.column].strip()
        ):
            continue
        new = list(lines)
        new[l1], new[l2] = lines[l2], lines[l1]
        b.add(f"L{l1 + 1}.swap_keys", "".join(new), "neutral")

    # Flow mappings on one line (people): keys in another order (neutral), a key twice.
    flows = [
        c
        for c in collections
        if isinstance(c.node, MappingNode)
        and c.node.flow_style
        and c.node.start_mark.line == c.node.end_mark.line
    ]
    for m in pick(flows, per_value):
        pairs = [text[k.start_mark.index : v.end_mark.index] for k, v in m.node.value]
        b.add(
            f"{m.path}.reorder",
            _replace(text, m.start, m.end, "{" + ", ".join(pairs[::-1]) + "}"),
            "neutral",
        )
        b.add(
            f"{m.path}.key_twice",
            _replace(text, m.start, m.end, "{" + ", ".join([*pairs, pairs[-1]]) + "}"),
            "refused",
        )

    # Neutral rewrites: a comment, CRLF, a BOM, a quoted string, an alias of an equal value.
    free = [i for i in range(len(lines)) if i not in flow_lines]
    for i in sorted(rng.sample(free, min(per_value, len(free)))):
        pad = re.match(r" *", lines[i]).group(0)  # type: ignore[union-attr]
        b.add(
            f"L{i + 1}.comment",
            "".join([*lines[:i], f"{pad}# ghi chú: [a, {{b: 1}}]\n", *lines[i:]]),
            "neutral",
        )
        if lines[i].strip() and not lines[i].rstrip("\n").endswith("\\"):
            b.add(
                f"L{i + 1}.end_comment",
                "".join([*lines[:i], lines[i].rstrip("\n") + "   # ghi chú\n", *lines[i + 1 :]]),
                "neutral",
            )
    b.add("crlf", text.replace("\n", "\r\n"), "neutral")
    b.add("bom", "\ufeff" + text, "neutral")
    b.add("no_final_newline", text.rstrip("\n"), "neutral")
    plain_texts = [
        s
        for s in texts
        if s.node.style is None
        and isinstance(s.node, ScalarNode)
        and s.node.tag == "tag:yaml.org,2002:str"
        and '"' not in s.node.value
        and "\\" not in s.node.value
        and s.node.start_mark.line == s.node.end_mark.line
    ]
    for site in pick(plain_texts, per_value):
        put(site, "quoted", f'"{site.node.value}"', "neutral")
    by_value: dict[tuple[str, str], list[_Site]] = {}
    for s in scalars:
        if s.node.style is None and s.node.value:
            by_value.setdefault((s.path.rsplit(".", 1)[-1], s.node.value), []).append(s)
    for (_key, _), same in sorted(by_value.items()):
        if len(same) > 1 and len(b.out) % 2 == 0:
            a, c = same[0], same[1]
            aliased = _replace(text, c.start, c.end, "*v1")
            aliased = _replace(aliased, a.start, a.start, "&v1 ")
            b.add(f"{c.path}.alias", aliased, "neutral")

    # Whole-file damage.
    raw = b.original
    for n in range(per_value + 1):
        cut = rng.randrange(1, len(raw))
        b.add(f"cut{n}", raw[:cut], "any", line_level=False)
    for n, bad in enumerate((b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80")):
        at = rng.randrange(len(raw))
        b.add(f"not_utf8{n}", raw[:at] + bad + raw[at:], "refused", line_level=False)
    line = rng.choice(free)
    b.add(
        f"L{line + 1}.bom_inside",
        "".join([*lines[:line], "\ufeff", *lines[line:]]),
        "any",
        line_level=False,
    )
    indented = [i for i in free if lines[i].startswith("  ")]
    if indented:
        i = rng.choice(indented)
        b.add(
            f"L{i + 1}.tab", "".join([*lines[:i], "\t" + lines[i][2:], *lines[i + 1 :]]), "refused"
        )
    at = rng.randrange(len(text))
    b.add("nul_byte", text[:at] + "\x00" + text[at:], "refused", line_level=False)
    b.add("empty", "", "refused", line_level=False)
    b.add("only_comment", "# chưa có gì\n", "refused", line_level=False)
    b.add("a_list", "- 1\n- 2\n", "refused", line_level=False)
    b.add("a_scalar", "xin chào\n", "refused", line_level=False)
    b.add("two_documents", text + "---\n" + text, "refused")
    b.add("complex_key", text + "? [a, b]\n: 1\n", "refused")
    b.add(
        "laughs",
        "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        + "".join(
            f"{c}: &{c} [" + ", ".join([f"*{p}"] * 10) + "]\n"
            for p, c in zip("abcdefg", "bcdefgh", strict=False)
        )
        + text,
        "refused",
        line_level=False,
    )


def pick_pairs(
    rng: random.Random, items: list[tuple[MappingNode, int]], k: int
) -> list[tuple[MappingNode, int]]:
    return rng.sample(items, min(k, len(items)))


# --- CSV --------------------------------------------------------------------------------------

# A field of a ballot row: each must be refused where it is a position or a serial.
BAD_POSITIONS: list[tuple[str, str]] = [
    ("zero_and", "0 3"),  # "0" alone is nothing struck
    ("beyond", "99"),
    ("negative", "-1"),
    ("superscript", "²"),
    ("arabic_digit", "٣"),
    ("fullwidth", "３"),
    ("exp", "1e3"),
    ("float", "1.0"),
    ("word", "hai"),
    ("thousand_digits", "9" * 1000),
    ("letter_o", "O"),
    ("hex", "0x2"),
]
ODD_FIELDS: list[tuple[str, str]] = [
    ("nul", "\x00"),
    ("bell", "\x07"),
    ("unclosed_quote", '"2 3'),
    ("quote_inside", '2"3'),
    ("long", "1 " * 5000),
    ("semicolon", "2;3"),
    ("tab", "2\t3"),
    ("pipe", "2|3"),
    ("double_space", "2  3"),
    ("bom", "\ufeff2"),
    ("nbsp", "2\u00a03"),
    ("extra_field", "2,3"),
]


def _csv_mutants(b: _Builder, rng: random.Random, per_value: int) -> None:
    text = b.original.decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    header = lines[0].rstrip("\r\n").split(",")
    rows = list(range(1, len(lines)))
    data_rows = [i for i in rows if lines[i].strip()]

    def set_field(i: int, col: str, value: str) -> str:
        cells = lines[i].rstrip("\r\n").split(",")
        cells[header.index(col)] = value
        return "".join([*lines[:i], ",".join(cells) + "\n", *lines[i + 1 :]])

    columns = [c for c in ("struck", "unmarked") if c in header]
    for name, value in BAD_POSITIONS:
        for _ in range(per_value):
            i = rng.choice(data_rows)
            col = rng.choice(columns)
            b.add(f"r{i + 1}.{col}={name}", set_field(i, col, value), "refused")
        if "ballot" in header and name in {"superscript", "arabic_digit", "thousand_digits"}:
            i = rng.choice(data_rows)
            b.add(f"r{i + 1}.ballot={name}", set_field(i, "ballot", value), "any")
    for name, value in ODD_FIELDS:
        i = rng.choice(data_rows)
        col = rng.choice([*columns, "invalid"])
        b.add(f"r{i + 1}.{col}={name}", set_field(i, col, value), "any")
    for _ in range(per_value):
        i = rng.choice(data_rows)
        b.add(f"r{i + 1}.invalid=unknown", set_field(i, "invalid", "ky_la"), "refused")
        i = rng.choice(data_rows)
        b.add(f"r{i + 1}.ballot=empty", set_field(i, "ballot", ""), "any")
    for _ in range(per_value):
        i = rng.choice(data_rows)
        b.add(f"r{i + 1}.drop", "".join(lines[:i] + lines[i + 1 :]), "any")
        i = rng.choice(data_rows)
        b.add(f"r{i + 1}.double", "".join([*lines[: i + 1], lines[i], *lines[i + 1 :]]), "refused")
        i = rng.choice(data_rows)
        b.add(f"r{i + 1}.blank_after", "".join([*lines[: i + 1], "\n", *lines[i + 1 :]]), "any")
        i = rng.choice(data_rows)
        b.add(
            f"r{i + 1}.short_row",
            "".join([*lines[:i], lines[i].split(",")[0] + "\n", *lines[i + 1 :]]),
            "any",
        )
    # Neutral: row order, mark order, quoting, column order, CRLF, BOM, final newline.
    i, j = sorted(rng.sample(data_rows, 2))
    swapped = list(lines)
    swapped[i], swapped[j] = lines[j], lines[i]
    if not swapped[-1].endswith("\n"):
        swapped = [x if x.endswith("\n") else x + "\n" for x in swapped]
    b.add(f"r{i + 1}.swap_r{j + 1}", "".join(swapped), "neutral")
    multi = [i for i in data_rows if len(lines[i].split(",")[header.index(columns[0])].split()) > 1]
    if multi:
        i = rng.choice(multi)
        col = header.index(columns[0])
        cells = lines[i].rstrip("\r\n").split(",")
        cells[col] = " ".join(reversed(cells[col].split()))
        b.add(
            f"r{i + 1}.marks_reversed",
            "".join([*lines[:i], ",".join(cells) + "\n", *lines[i + 1 :]]),
            "neutral",
        )
        b.add(
            f"r{i + 1}.quoted", set_field(i, columns[0], f'"{lines[i].split(",")[col]}"'), "neutral"
        )
    order = list(reversed(range(len(header))))
    reordered = "".join(
        ",".join(line.rstrip("\r\n").split(",")[k] for k in order) + "\n" if line.strip() else line
        for line in lines
    )
    b.add("columns_reversed", reordered, "neutral")
    b.add("crlf", text.replace("\n", "\r\n"), "neutral")
    b.add("bom", "\ufeff" + text, "neutral")
    b.add("no_final_newline", text.rstrip("\n"), "neutral")
    # Header damage.
    b.add("header_unknown", text.replace(header[-1], "khac", 1), "refused")
    b.add(
        "header_twice",
        text.replace(lines[0], lines[0].rstrip("\n") + "," + header[1] + "\n", 1),
        "refused",
    )
    b.add("header_missing", "".join(lines[1:]), "any")
    b.add("header_only", lines[0], "any")
    b.add("empty", "", "any", line_level=False)
    # Whole-file damage.
    raw = b.original
    for n in range(per_value):
        cut = rng.randrange(len(lines[0]) + 1, len(raw))
        b.add(f"cut{n}", raw[:cut], "any", line_level=False)
    for n, bad in enumerate((b"\xff\xfe", b"\xc3\x28")):
        at = rng.randrange(len(lines[0]), len(raw))
        b.add(f"not_utf8{n}", raw[:at] + bad + raw[at:], "any", line_level=False)
    at = rng.randrange(len(lines[0]), len(text))
    b.add("bom_inside", text[:at] + "\ufeff" + text[at:], "any", line_level=False)
    b.add("utf16", text.encode("utf-16"), "any", line_level=False)
    b.add("deleted", None, "any", line_level=False)


# --- tally sheets -----------------------------------------------------------------------------


def _sheet_mutants(b: _Builder, rng: random.Random) -> None:
    text = b.original.decode("utf-8")
    _yaml_mutants(b, rng, per_value=1)
    votes = re.findall(r"\b([a-z]+): (\d+)", text.split("votes:", 1)[1])
    name, count = rng.choice(votes)
    other, _ = rng.choice([v for v in votes if v[0] != name])
    at = text.index(f"{name}: {count}")
    seg = f"{name}: {count}"
    b.add(
        f"votes.{name}=negative", _replace(text, at, at + len(seg), f"{name}: -{count}"), "refused"
    )
    b.add(
        f"votes.{name}=more_than_collected",
        _replace(text, at, at + len(seg), f"{name}: 999"),
        "any",
    )
    b.add(f"votes.{name}=missing", re.sub(rf",?\s*\b{name}: {count}\b", "", text, count=1), "any")
    b.add(
        f"votes.{name}=unknown_id",
        _replace(text, at, at + len(seg), f"khong_co: {count}"),
        "refused",
    )
    b.add(
        f"votes.{name}=twice",
        _replace(text, at, at + len(seg), f"{seg}, {other}: 1")
        if "{" in text.split("votes:", 1)[1].split("\n")[0]
        else text.replace(seg, f"{seg}\n  {name}: {count}", 1),
        "refused",
    )
    b.add(
        "invalid.unknown_reason",
        re.sub(
            r"^collected: (\d+)$", r"collected: \1\ninvalid: {ky_la: 1}", text, count=1, flags=re.M
        ),
        "refused",
    )
    b.add(
        "group=other_sheet",
        re.sub(r"^group: \d+", "group: 1" if "group: 2" in text else "group: 2", text, flags=re.M),
        "refused",
    )
    b.add("votes=list", re.sub(r"votes:[\s\S]*", "votes: [ttka, lvb]\n", text), "refused")
    b.add("kept=bad", text + "kept: {9: -1, x: 2}\n", "refused")


# --- the corpus -------------------------------------------------------------------------------


def _mutators(file: str) -> Callable[[_Builder, random.Random], None] | None:
    if file.startswith("tallies/"):
        return _sheet_mutants
    if file.endswith(".yaml"):
        return lambda b, rng: _yaml_mutants(b, rng, per_value=2 if file == "election.yaml" else 1)
    if file.endswith(".csv"):
        return lambda b, rng: _csv_mutants(b, rng, per_value=1)
    return None


# Not every CSV of an example is mutated: the first of each kind of ballot (strike-out,
# agree/disagree) and a later round are enough; the others are like them.
_CSVS = {
    "xa": ["ballots/bch-1.csv", "ballots/bt-1.csv", "ballots/bch-2.csv"],
    "huyen": ["ballots/dbdk-2.csv", "ballots/btv-1.csv"],
    "hdnd": ["ballots/hdnd-1.csv"],
    "xa-tallies": [],
}


def corpus() -> list[Mutant]:
    """Every mutant, in a fixed order, with unique ids."""
    out: list[Mutant] = []
    for base, files in bases().items():
        sheets = sorted(f for f in files if f.startswith("tallies/"))
        # xa-tallies is xa-2025 again but for its sheets: its election.yaml is not mutated.
        targets = sheets or ["election.yaml", *_CSVS[base]]
        for file in targets:
            rng = random.Random(f"{SEED}:{base}:{file}")
            builder = _Builder(base, file, files[file])
            mutate = _mutators(file)
            assert mutate is not None, file
            mutate(builder, rng)
            out.extend(m for m in builder.out if m.data != files[file])
    seen: set[str] = set()
    unique: list[Mutant] = []
    for m in out:
        if m.folder in seen:
            continue  # two operators that happened to land on the same site and value
        seen.add(m.folder)
        unique.append(m)
    return unique


def write(root: Path, mutants: list[Mutant]) -> dict[str, Path]:
    """Write each mutant's folder under ``root`` (and each base as ``_base-NAME``)."""
    folders: dict[str, Path] = {}
    all_bases = bases()
    for name, files in all_bases.items():
        _write_folder(root / f"_base-{name}", files)
    for m in mutants:
        files = dict(all_bases[m.base])
        if m.data is None:
            del files[m.file]
        else:
            files[m.file] = m.data
        folders[m.id] = root / m.folder
        _write_folder(folders[m.id], files)
    return folders


def _write_folder(folder: Path, files: Files) -> None:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def summary(mutants: list[Mutant]) -> Iterator[str]:
    """Counts by base and expectation, for a reader of the test output."""
    by: dict[tuple[str, str], int] = {}
    for m in mutants:
        by[(m.base, m.expect)] = by.get((m.base, m.expect), 0) + 1
    for (base, expect), n in sorted(by.items()):
        yield f"{base:12} {expect:8} {n}"
