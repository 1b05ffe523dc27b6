"""The HTML minutes (paper and hall views) against the `tally count --json` document.

Every figure of every contest and round of every example is looked up in the parsed page and
compared with the count document it was built from; the page must be self-contained (no
script, no external reference) and escape what it prints.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tally.app import count_report
from tally.config.loader import load_election
from tally.findings import Lang
from tally.fingerprint import fingerprint, short
from tally.minutes.html import render_html
from tally.minutes.model import Figure, Minutes, build
from tally.report.jsondoc import count_doc
from tally.report.model import CountReport

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")
LANGS: tuple[Lang, ...] = ("vi", "en")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


# ---------------------------------------------------------------------------------------------
# A small DOM from the standard library parser


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def norm(self) -> str:
        return " ".join(self.text().split())

    def iter(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == [tree.root], "unclosed elements: " + ", ".join(
        n.tag for n in tree.stack[1:]
    )
    return tree.root


# ---------------------------------------------------------------------------------------------
# The examples, counted once per language


@functools.cache
def counted(example: str, lang: Lang) -> tuple[Any, dict[str, Any], str]:
    """The election, the JSON document of its count (what the minutes are held to), and the
    fingerprint of its inputs."""
    loaded, report = reported(example)
    return loaded, count_doc(report, lang), fingerprint(dict(report.inputs))


@functools.cache
def reported(example: str) -> tuple[Any, CountReport]:
    loaded = load_election(ROOT / "examples" / example)
    return loaded, count_report(loaded)


def minutes(
    example: str, contest: str, round_no: int, lang: Lang = "vi", rehearsal: bool = False
) -> Minutes:
    loaded, _, fp = counted(example, lang)
    return build(
        reported(example)[1],
        contest,
        round_no,
        loaded.election,
        loaded.rules.title,
        fp,
        short(fp),
        lang,
        rehearsal=rehearsal,
    )


def round_of(example: str, contest: str, round_no: int, lang: Lang) -> dict[str, Any]:
    doc = counted(example, lang)[1]
    c = next(c for c in doc["contests"] if c["id"] == contest)
    rd: dict[str, Any] = next(r for r in c["rounds"] if r["round"] == round_no)
    return rd


ROUNDS = [
    (example, c["id"], rd["round"])
    for example in EXAMPLES
    for c in counted(example, "vi")[1]["contests"]
    for rd in c["rounds"]
]
CASES = [(*r, lang) for r in ROUNDS for lang in LANGS]


def _id(case: tuple[Any, ...]) -> str:
    return "-".join(str(x) for x in case)


def pct(value: str | None, lang: Lang) -> str:
    return (value or "").replace(".", ",") if lang == "vi" else (value or "")


def figure(page: Node, key: str) -> str:
    return page.one("tr", data_key=key).one("td", cls="num").norm()


def assert_self_contained(raw: str) -> None:
    """No script, no reference to anything outside the page."""
    low = raw.lower()
    assert "<script" not in low
    assert "http://" not in low and "https://" not in low
    assert "url(" not in low and "@import" not in low
    for node in parse(raw).iter():
        assert node.tag not in ("script", "link", "img", "iframe", "object", "embed")
        assert not [a for a in node.attrs if a in ("src", "href") or a.startswith("on")]


# ---------------------------------------------------------------------------------------------
# Paper


@pytest.mark.parametrize(("example", "contest", "round_no", "lang"), CASES, ids=map(_id, CASES))
def test_paper_minutes_carry_every_figure_of_the_count(
    example: str, contest: str, round_no: int, lang: Lang
) -> None:
    m = minutes(example, contest, round_no, lang)
    rd = round_of(example, contest, round_no, lang)
    raw = render_html(m)
    page = parse(raw)
    assert_self_contained(raw)
    assert page.one("html").attrs["lang"] == lang
    assert page.all("meta", charset="utf-8")

    b = rd["ballots"]
    for key in ("issued", "collected", "valid", "invalid"):
        assert figure(page, key) == str(b[key]), key
    for reason, count in b["invalid_by_reason"].items():
        row = page.one("tr", data_key=f"invalid.{reason}")
        assert "reason" in row.classes  # indented under the invalid ballots
        assert figure(page, f"invalid.{reason}") == str(count), reason
    for key in ("base", "threshold"):
        assert figure(page, key) == ("—" if rd[key] is None else str(rd[key])), key
    assert figure(page, "seats") == str(rd["seats"])

    rows = page.one("table", cls="candidates").one("tbody").all("tr")
    assert len(rows) == len(rd["candidates"])
    for row, c in zip(rows, rd["candidates"], strict=True):
        assert row.one("td", cls="pos").norm() == str(c["position"])
        assert row.one("td", cls="name").norm() == c["name"]
        assert row.one("td", cls="votes").norm() == str(c["votes"])
        assert row.one("td", cls="pct").norm() == pct(c["pct_of_base"], lang)
        assert ("elected" in row.classes) == (c["status"] == "elected")
    if lang == "vi":
        assert all("." not in r.one("td", cls="pct").norm() for r in rows)

    names = {c["id"]: c["name"] for c in rd["candidates"]}
    votes = {c["id"]: c["votes"] for c in rd["candidates"]}
    elected = page.all("tr", cls="elected-row")
    assert [r.one("td", cls="name").norm() for r in elected] == [names[i] for i in rd["elected"]]
    assert [r.one("td", cls="votes").norm() for r in elected] == [
        str(votes[i]) for i in rd["elected"]
    ]

    assert page.one(cls="fingerprint").norm() == m.fingerprint_short
    assert page.one(cls="full").norm() == m.fingerprint
    pending = (
        t(
            lang,
            "Tư cách người trúng cử chưa được xác nhận",
            "The credentials of those elected are not confirmed yet",
        )
        if m.family == "state"  # Luật 85/2015 Điều 86–88
        else t(lang, "Kết quả chưa được chuẩn y", "Results pending confirmation")
    )
    assert (pending in page.norm()) == (rd.get("confirmation") == "pending")
    assert bool(page.all("p", cls="pending")) == (rd.get("confirmation") == "pending")
    assert not page.all(cls="watermark")
    assert t(lang, "DIỄN TẬP", "REHEARSAL") not in raw


@pytest.mark.parametrize(("example", "contest", "round_no"), ROUNDS, ids=map(_id, ROUNDS))
def test_paper_minutes_lay_out_the_header_board_rules_and_signatures(
    example: str, contest: str, round_no: int
) -> None:
    m = minutes(example, contest, round_no)
    page = parse(render_html(m))
    header = page.one("header", cls="header")
    assert [d.norm() for d in header.one(cls="left").all(cls="line")] == list(m.header_left)
    assert [d.norm() for d in header.one(cls="right").all(cls="line")] == list(m.header_right)
    assert header.one(cls="date").norm() == m.date_line
    assert page.one("h1").norm() == m.title
    assert page.one(cls="election").norm() == m.election_title
    assert m.congress in page.one(cls="congress").norm()
    assert m.outcome_text in page.one(cls="outcome").norm()
    assert m.base_text in page.one(cls="base").norm()

    # The rules a line each: the rule in words, its citation and its provenance, once.
    rules = page.one("ol", cls="rules").all("li", cls="rule")
    assert [r.norm() for r in rules] == [" ".join(x.split()) for x in m.rule_lines]
    for row, (key, cite, prov) in zip(rules, m.rules, strict=True):
        assert row.norm().startswith(f"{key}: {' '.join(cite.split())} — {prov}")
        assert ("*" in row.norm().rsplit(" — ", 1)[1]) == (prov in ("I", "U"))
    notes = page.all("ol", cls="notes")
    assert [li.norm() for n in notes for li in n.all("li")] == [
        " ".join(f.split()) for f in m.footnotes
    ]

    signatures = page.one("section", cls="signatures")
    assert "TRƯỞNG BAN KIỂM PHIẾU" in signatures.norm() or m.family == "state"
    assert "(Ký, ghi rõ họ tên)" in signatures.norm()
    assert [n.one(cls="name").norm() for n in signatures.all(cls="head")] == [m.board_head]
    assert [n.one(cls="name").norm() for n in signatures.all(cls="member")] == list(m.board_members)
    assert all(n.one(cls="space") for n in signatures.all(cls="sign") if n.children)
    imprint = page.one("footer", cls="imprint").norm()
    assert m.tool in imprint and m.rules_id in imprint and m.rules_title in imprint


@pytest.mark.parametrize(("example", "contest", "round_no"), ROUNDS, ids=map(_id, ROUNDS))
def test_the_chart_draws_every_candidate_and_the_threshold(
    example: str, contest: str, round_no: int
) -> None:
    m = minutes(example, contest, round_no)
    page = parse(render_html(m))
    svg = page.one("svg")
    assert svg.attrs["role"] == "img" and str(m.threshold) in svg.attrs["aria-label"]
    bars = svg.all("rect")
    assert len(bars) == len(m.candidates)
    widths = [int(b.attrs["width"]) for b in bars]
    pairs = list(zip(m.candidates, widths, strict=True))
    for c1, w1 in pairs:  # a bar is as long as its votes: more votes, a longer bar
        for c2, w2 in pairs:
            assert (c1.votes > c2.votes) <= (w1 >= w2)
            assert (c1.votes == c2.votes) <= (w1 == w2)
    colours = {c.status: b.attrs["fill"] for c, b in zip(m.candidates, bars, strict=True)}
    if "elected" in colours and "not_elected" in colours:
        assert colours["elected"] != colours["not_elected"]
    assert f"Cần {m.threshold}" in svg.norm()
    assert page.one("line", stroke_dasharray="5 3")


def test_no_chart_without_candidates_or_threshold() -> None:
    m = minutes("huyen-2020", "bch", 1)
    assert "<svg" not in render_html(dataclasses.replace(m, threshold=None))
    assert "<svg" not in render_html(dataclasses.replace(m, candidates=(), elected=()))
    assert "<svg" not in render_html(dataclasses.replace(m, threshold=None), "hall")


def test_english_labels() -> None:
    m = minutes("phuong-hdnd-2026", "hdnd", 1, "en")
    page = parse(render_html(m))
    text = page.norm()
    assert "The credentials of those elected are not confirmed yet" in text
    assert "Fingerprint" in text
    assert "(Signature and full name)" in text and "Ký" not in text
    assert "Needed 1126" in page.one("svg").norm()
    assert page.one("h1").norm() == "MINUTES OF THE COUNT"


def test_figures_come_from_the_minutes_object() -> None:
    m = minutes("huyen-2020", "bch", 1)
    figures = tuple(
        dataclasses.replace(f, value=987654) if f.key == "valid" else f for f in m.figures
    )
    page = parse(render_html(dataclasses.replace(m, figures=(*figures, Figure("x", "x", None)))))
    assert figure(page, "valid") == "987654"
    assert figure(page, "x") == "—"


def test_print_stylesheet() -> None:
    raw = render_html(minutes("huyen-2020", "bch", 1))
    css = parse(raw).one("style").text()
    assert re.search(r"@page\s*\{\s*size:\s*A4;\s*margin:\s*20mm 15mm", css)
    assert "Times New Roman" in css and "13pt" in css
    assert re.search(r"tr\s*\{[^}]*break-inside:\s*avoid", css)
    assert re.search(r"thead\s*\{[^}]*display:\s*table-header-group", css)
    assert len(parse(raw).all("thead")) >= 3  # figures, candidates, elected, rules


# ---------------------------------------------------------------------------------------------
# Rehearsal, hall, escaping


@pytest.mark.parametrize("view", ["paper", "hall"])
@pytest.mark.parametrize("lang", LANGS)
def test_rehearsal_is_marked_only_when_asked(view: str, lang: Lang) -> None:
    word = t(lang, "DIỄN TẬP", "REHEARSAL")
    m = minutes("xa-2025", "bch", 1, lang, rehearsal=True)
    page = parse(render_html(m, view))  # type: ignore[arg-type]
    mark = page.one(cls="watermark")
    assert mark.norm() == word and mark.attrs["aria-hidden"] == "true"
    assert word in page.one(cls="rehearsal-banner").norm()
    assert "position: fixed" in page.one("style").text()
    plain = render_html(dataclasses.replace(m, rehearsal=False), view)  # type: ignore[arg-type]
    assert word not in plain and "watermark" not in plain.split("</style>")[1]


@pytest.mark.parametrize(("example", "contest", "round_no"), ROUNDS, ids=map(_id, ROUNDS))
def test_hall_view_shows_names_and_votes_most_votes_first(
    example: str, contest: str, round_no: int
) -> None:
    m = minutes(example, contest, round_no)
    raw = render_html(m, "hall")
    assert_self_contained(raw)
    page = parse(raw)
    rows = [r for r in page.all("div", cls="row") if "scale" not in r.classes]
    expected = sorted(m.candidates, key=lambda c: (-c.votes, c.position))
    assert [r.one(cls="name").norm() for r in rows] == [c.name for c in expected]
    assert [r.one(cls="votes").norm() for r in rows] == [str(c.votes) for c in expected]
    assert [("elected" in r.classes) for r in rows] == [c.status == "elected" for c in expected]
    ranks = [r.one(cls="rank").norm() for r in rows]
    assert ranks == [f"{1 + sum(x.votes > c.votes for x in expected)}." for c in expected]
    assert m.election_title in page.one("h1").norm()
    assert m.outcome_text in page.one(cls="outcome").norm()
    assert m.fingerprint_short in page.one(cls="fingerprint").norm()
    assert f"{m.threshold}" in page.one(cls="threshold").norm()
    assert "header" not in {n.tag for n in page.iter()}  # no paper boilerplate
    assert "@page" not in raw


def test_hall_view_gives_the_tied_one_rank() -> None:
    page = parse(render_html(minutes("xa-2025", "bch", 1), "hall"))
    tied = [r for r in page.all("div", cls="row") if "tie" in r.classes]
    assert [r.one(cls="votes").norm() for r in tied] == ["64", "64"]
    assert len({r.one(cls="rank").norm() for r in tied}) == 1


def test_hall_view_of_many_candidates_uses_two_columns() -> None:
    m = minutes("huyen-2020", "bch", 1)
    many = tuple(dataclasses.replace(c, position=c.position + 18) for c in m.candidates)
    page = parse(render_html(dataclasses.replace(m, candidates=m.candidates + many), "hall"))
    assert len(page.all("div", cls="rows")) == 2
    assert len([r for r in page.all("div", cls="row") if "scale" not in r.classes]) == 36


@pytest.mark.parametrize("view", ["paper", "hall"])
def test_everything_printed_is_escaped(view: str) -> None:
    m = minutes("huyen-2020", "bch", 1, rehearsal=True)
    evil = "A <b> & C"
    first = dataclasses.replace(m.candidates[0], name='<script>alert("x")</script>')
    m = dataclasses.replace(
        m,
        congress=evil,
        election_title=evil,
        candidates=(first, *m.candidates[1:]),
        tool='tally "0" <x>',
        outcome_text="</p><p>",
    )
    raw = render_html(m, view)  # type: ignore[arg-type]
    assert "A &lt;b&gt; &amp; C" in raw
    assert "<b>" not in raw and "<script" not in raw and "</p><p>" not in raw
    page = parse(raw)
    assert evil in page.norm()
    assert '<script>alert("x")</script>' in page.norm()
    assert not page.all("b") and not page.all("script")
    assert page.one("head").one("title").norm().endswith(evil)
    if view == "paper":
        assert page.one(cls="congress").norm().startswith(evil)
        assert page.one("meta", name="generator").attrs["content"] == 'tally "0" <x>'


def t(lang: Lang, vi: str, en: str) -> str:
    return vi if lang == "vi" else en
