"""``store.report`` on a real database: what the report says (codes, counts, passages,
matrices, agreement) and that no text from outside can become markup in HTML or Markdown."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from store import AnnotationStore
from store.agreement import compare
from store.colours import tag_hex
from store.markdown_text import md_code
from store.report import Report, assemble, render_html, render_markdown
from tests.report_fixtures import (
    HOSTILE_DESCRIPTION,
    HOSTILE_NAME,
    HOSTILE_NOTE,
    HOSTILE_TAG,
    Team,
    make_team,
)


@pytest.fixture
def team(tmp_path: Path) -> Team:
    return make_team(tmp_path)


def report_of(team: Team, **filters: str) -> Report:
    with AnnotationStore.open(team.db, reading=True) as store:
        return assemble(store, **filters)  # type: ignore[arg-type]


def visible(text: str) -> str:
    """How the report shows a text: control characters as escapes (``\\x1b``)."""
    return text.replace("\x1b", "\\x1b").replace("\x07", "\\x07")


class Page(HTMLParser):
    """The elements, attributes and text of an HTML page, as a browser would parse it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.texts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)


def html_of(report: Report) -> str:
    out = io.StringIO()
    render_html(report, out)
    return out.getvalue()


def markdown_of(report: Report) -> str:
    out = io.StringIO()
    render_markdown(report, out)
    return out.getvalue()


# -- what the report says -------------------------------------------------------------


def test_the_codebook_has_every_code_with_its_parents_counts_and_colours(team: Team) -> None:
    report = report_of(team)
    codes = {code.path: code for code in report.codes}
    assert list(codes) == [
        "economy", "never", "never/used", "odd", HOSTILE_TAG, "policy", "policy/tax",
    ]  # fmt: skip
    assert (codes["policy"].passages, codes["policy"].with_subcodes) == (2, 4)
    assert codes["policy"].description == "What government does or should do."
    assert codes["policy"].colour == "#4e79a7"
    assert codes["policy/tax"].colour == tag_hex("policy/tax", "dark_green") == "#005f00"
    assert codes["policy/tax"].coders == ("ana", "bob")
    assert codes["policy/tax"].interviews == 1
    assert (codes["odd"].passages, codes["odd"].with_subcodes) == (0, 1)
    assert (codes["never/used"].passages, codes["never/used"].with_subcodes) == (0, 0)
    assert codes["economy"].passages == 3
    assert report.annotations == 6
    assert report.coders == ("ana", "bob")
    assert [i.id for i in report.interviews] == sorted([team.seed.id, HOSTILE_NAME])


def test_each_code_lists_its_own_passages_with_source_question_coder_and_note(
    team: Team,
) -> None:
    report = report_of(team)
    sections = {s.code.path: s.passages for s in report.passages}
    assert "never/used" not in sections and "odd" not in sections  # no passage of their own
    tax = sections["policy/tax"]
    # In text order: bob's passage ends first.
    assert [(p.coder, p.interview) for p in tax] == [
        ("bob", HOSTILE_NAME), ("ana", HOSTILE_NAME),
    ]  # fmt: skip
    ana = tax[1]
    assert ana.question == "What about <script>alert(1)</script> & the | pipe?"
    assert ana.note == HOSTILE_NOTE
    assert ana.quote.startswith('We said "yes"') and ana.quote.endswith("1. numbered line")
    assert set(ana.tags) == {"policy/tax", HOSTILE_TAG}
    assert [p.coder for p in sections["policy"]] == ["ana", "bob"]
    assert sections["policy"][0].title == team.seed.title


def test_the_matrices_count_passages_per_interview_and_overlapping_codes(team: Team) -> None:
    report = report_of(team)
    m = report.by_interview
    cell = {
        (row, column): m.cells[r][c]
        for r, row in enumerate(m.rows)
        for c, column in enumerate(m.columns)
    }
    assert cell[("policy", team.seed.id)] == 2
    assert cell[("policy", HOSTILE_NAME)] == 2  # its sub-code's two passages
    assert cell[("economy", HOSTILE_NAME)] == 1
    co = report.cooccurrence
    pairs = {
        (a, b): co.cells[i][j]
        for i, a in enumerate(co.rows)
        for j, b in enumerate(co.columns)
        if co.cells[i][j]
    }
    assert pairs[("policy/tax", HOSTILE_TAG)] == pairs[(HOSTILE_TAG, "policy/tax")] == 2
    assert pairs[("policy", "economy")] == 2
    assert ("policy", "policy") not in pairs


def test_the_agreement_table_is_what_gloss_agree_computes(team: Team) -> None:
    report = report_of(team)
    assert report.agreement is not None
    lengths = {team.seed.id: len(team.seed.text), team.hostile.id: len(team.hostile.text)}
    with AnnotationStore.open(team.db, reading=True) as store:
        expected = compare(store.annotations(), lengths, ["ana", "bob"])
    assert list(report.agreement.rows) == expected
    assert report.agreement.characters == sum(lengths.values())


def test_author_and_tag_narrow_the_report(team: Team) -> None:
    mine = report_of(team, author="bob")
    assert mine.coders == ("bob",) and mine.annotations == 3
    assert mine.agreement is None
    policy = report_of(team, tag="policy")
    assert [c.path for c in policy.codes] == ["policy", "policy/tax"]
    tax = next(s for s in policy.passages if s.code.path == "policy/tax")
    assert [p.tags for p in tax.passages] == [("policy/tax",)] * 2  # the hostile tag is not in it
    assert policy.agreement is not None
    assert [row.tag for row in policy.agreement.rows] == ["policy", "policy/tax"]


def test_an_interview_whose_text_is_gone_is_left_out_of_the_agreement_saying_so(
    team: Team,
) -> None:
    team.hostile.path.unlink()
    report = report_of(team)
    assert report.agreement is not None
    assert report.agreement.interviews == (team.seed.id,)
    left_out = report.agreement.left_out
    assert any("text not found" in line and HOSTILE_NAME in line for line in left_out)
    tax = next(s for s in report.passages if s.code.path == "policy/tax")
    assert [(p.question, p.title) for p in tax.passages] == [(None, HOSTILE_NAME)] * 2


HOSTILE_SHOWN = (
    HOSTILE_NAME,
    HOSTILE_TAG,
    visible(HOSTILE_NOTE),
    visible(HOSTILE_DESCRIPTION),
    "What about <script>alert(1)</script> & the | pipe?",
    "<img src=x onerror=alert(1)>.",
)
"""Outside text as the report must show it, each whole (a question, part of a quote)."""


# -- HTML: self-contained, and nothing from outside becomes markup ---------------------


def test_html_shows_hostile_text_as_text_and_loads_nothing(team: Team) -> None:
    html = html_of(report_of(team))
    page = Page(html)
    assert set(page.tags) <= {
        "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "p", "code",
        "ul", "li", "b", "span", "nav", "ol", "a", "section", "h2", "div", "table", "thead",
        "tr", "th", "tbody", "td", "h3", "h4", "article", "blockquote", "footer",
    }  # fmt: skip
    for hostile in HOSTILE_SHOWN:
        assert hostile in page.text
    assert "\x1b" not in html and "\x07" not in html
    # Nothing is fetched: no src, no link, no URL anywhere, links only within the page.
    assert not re.search(r"https?:|//[a-z]|url\(|@import", html, re.IGNORECASE)
    assert {name for name, _ in page.attributes} <= {
        "lang", "charset", "http-equiv", "content", "name", "class", "style", "href", "id",
        "aria-label", "title",
    }  # fmt: skip
    assert all(value.startswith("#") for name, value in page.attributes if name == "href")
    assert "default-src 'none'" in html


def test_html_draws_each_code_in_its_colour(team: Team) -> None:
    html = html_of(report_of(team))
    assert 'class="swatch" style="background:#4e79a7"' in html
    assert 'class="swatch" style="background:#005f00"' in html


# -- Markdown: pipe tables pandoc reads, hostile text escaped --------------------------


def parsed(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def text_runs(tokens: list[Token]) -> list[str]:
    """Each run of literal text as a Markdown reader sees it (markup splits runs)."""
    return [
        child.content for token in tokens for child in token.children or [] if child.type == "text"
    ]


def test_markdown_keeps_hostile_text_literal(team: Team) -> None:
    tokens = parsed(markdown_of(report_of(team)))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_block"}
    runs = text_runs(tokens)
    # Each whole in one run of text: nothing in it became emphasis, code, a link or HTML.
    for hostile in (*HOSTILE_SHOWN, "- a dash line", "1. numbered line"):
        assert any(hostile in run for run in runs), hostile


def test_markdown_tables_keep_their_columns_whatever_the_cells_hold(team: Team) -> None:
    report = report_of(team)
    tokens = parsed(markdown_of(report))
    tables, row_widths, current = 0, [], 0
    for token in tokens:
        if token.type == "table_open":
            tables += 1
            row_widths.append(set())
        elif token.type == "tr_open":
            current = 0
        elif token.type in ("th_open", "td_open"):
            current += 1
        elif token.type == "tr_close":
            row_widths[-1].add(current)
    assert tables == 4  # codebook, codes by interview, co-occurrence, agreement
    assert all(len(widths) == 1 for widths in row_widths)
    assert row_widths[0] == {8}
    assert row_widths[1] == {1 + len(report.by_interview.columns)}


@pytest.mark.parametrize("code", ["policy/tax_relief", "a`b", "`starts", "ends``", "x\\*y<b>&"])
def test_a_code_span_shows_its_text_exactly(code: str) -> None:
    tokens = parsed(f"codes: {md_code(code)} and more")
    children = tokens[1].children or []
    spans = [child.content for child in children if child.type == "code_inline"]
    assert spans == [code]


def test_pandoc_reads_the_markdown_tables_and_keeps_hostile_text_as_text(
    team: Team, tmp_path: Path
) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    source = tmp_path / "report.md"
    source.write_text(markdown_of(report_of(team)), encoding="utf-8")
    done = subprocess.run(
        [pandoc, "-f", "markdown-smart", "-t", "html", "--wrap=none", str(source)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    page = Page(done.stdout)
    assert page.tags.count("table") == 4
    assert not {"script", "img", "b", "i"} & set(page.tags)
    for hostile in HOSTILE_SHOWN:  # no HTML, citation, maths or emphasis made of them
        assert hostile in page.text, hostile
