"""Markdown transcripts (.md) read without their markup, on real files and hostile ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus import interview_from_text, load_interview
from corpus.reading.markdown import read_markdown
from store import AnnotationStore
from tests.conftest import ROOT, run_gloss
from tui.session import Session

TRANSCRIPTS = ROOT / "tests" / "transcripts"
CHANGELOGS = sorted(TRANSCRIPTS.glob("changelog_*.md"))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("path", CHANGELOGS, ids=[p.stem for p in CHANGELOGS])
def test_a_published_markdown_transcript_reads_without_its_markup(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "**" in source and "\\[" in source  # the file itself is marked up
    interview = load_interview(path)
    for shown in (interview.text, interview.clean.raw):  # the reader and `r` alike
        assert "**" not in shown
        assert "\\[" not in shown and "\\]" not in shown
        assert "&#39;" not in shown and "&quot;" not in shown
    gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    # Each turn opens with a plain "Name:" label, the speakers the gold names.
    labels = {p.split(":", 1)[0] for p in paragraphs(interview.text) if ":" in p[:40]}
    assert set(gold["speakers"]) <= labels
    assert list(interview.outline.speakers) == gold["speakers"]
    # A time beside a speaker's name ("**Jack Dorsey:** \\[07:54\\]") goes to the time map,
    # as a tool's does in a text export; one the writer put at a paragraph's start inside
    # a turn stays in the text, without its escapes. None is lost.
    written = len(re.findall(r"\\\[\d+:\d\d\\\]", source))
    kept = len(re.findall(r"(?<!\\)\[\d+:\d\d\]", interview.text))
    beside_names = len(re.findall(r"(?m)^\*\*[^*\n]+:\*\* \\\[\d", source))
    assert kept + len(interview.times) == written
    assert len(interview.times) == (beside_names if beside_names >= 2 else 0)


def test_the_markdown_constructs_become_plain_text() -> None:
    source = (
        "# The interview\n"
        "Setext title\n"
        "============\n"
        "**Jane Doe:** \\[07:53\\] It&#39;s *really* __good__, see [the site](https://x.example)"
        " and `a_b*c*`; <span class=x>kept</span> <!-- gone -->\\*literal\\* snake_case_name\n"
        "\n"
        "- a list item stays\n"
        "> a quoted line\n"
        "```\n"
        "**code** &amp; stays\n"
        "```\n"
        "***\n"
        "![a photo](p.png) &quot;end&quot;\n"
    )
    assert read_markdown(source).text == (
        "The interview\n"
        "\n"
        "Setext title\n"
        "\n"
        "Jane Doe: [07:53] It's really good, see the site and a_b*c*; kept *literal* "
        "snake_case_name\n"
        "\n"
        "- a list item stays\n"
        "a quoted line\n"
        "\n"
        "**code** &amp; stays\n"
        "\n"
        "\n"
        'a photo "end"\n'
    )


def test_emphasis_over_a_paragraphs_line_breaks_is_dropped_but_never_over_a_blank_line() -> None:
    source = (
        "**AP: That's awesome! Can you give a\n"
        "brief overview of the group?**\n"
        "\n"
        "**KN**: Sure, it *is\n"
        "\n"
        "small* and old.\n"
    )
    assert read_markdown(source).text == (
        "AP: That's awesome! Can you give a\n"
        "brief overview of the group?\n"
        "\n"
        "KN: Sure, it *is\n"
        "\n"
        "small* and old.\n"
    )


def test_an_annotation_on_markdown_indexes_the_clean_text_and_stays_anchored(
    tmp_path: Path,
) -> None:
    path = tmp_path / "founders.md"
    path.write_bytes((TRANSCRIPTS / "changelog_founders_talk_91.md").read_bytes())
    # In the file: "**Jack Dorsey:** \[07:54\] Yeah, just on that point - I think it&#39;s"
    # (the time beside the name is in the time map, not the words)
    quote = "Jack Dorsey: Yeah, just on that point - I think it's really important"
    database = tmp_path / "notes.json"
    made = run_gloss("annotate", "--db", str(database), "--quote", quote, "--tag", "t", str(path))
    assert made.returncode == 0, made.stderr
    listed = run_gloss("list", "--db", str(database), "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert entry["status"] == "anchored"
    text = load_interview(path).text
    assert text[entry["start"] : entry["end"]] == quote

    # The writer adds a heading at the top: every offset moves, the passage follows.
    path.write_text("# Founders Talk #91\n\n" + path.read_text("utf-8"), encoding="utf-8")
    moved = load_interview(path)
    assert moved.text.startswith("Founders Talk #91\n\n")
    store = AnnotationStore.open(database)
    assert store.anchor(moved) == []
    kept = store.get(entry["id"])
    assert kept is not None and kept.status == "reanchored"
    assert moved.text[kept.start : kept.end] == quote
    store.close()


HOSTILE = {
    "unbalanced": "**Ann:** *one **two _three __four\n" * 50,
    "nested": "***a **b *c* b** a*** _x __y _z_ y__ x_\n",
    "huge line of markers": "**a *b _c `d [e](f <g " * 40_000,
    "only markers": "*_`\\[]()<>&#!" * 50_000,
    "control characters": "**A\x00:** \x1b[31mred\x1b[0m \x07\\\x7f &#0; &#xD800; &#1114112;\n",
    "private use": "\ue02a\\*x\\* `\ue000` **b**\n",
    "open fence": "```\n**never closed**\n" * 1000,
    "comments": "<!--" * 20_000 + "\n<!-- a\nb -->\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_markdown_never_crashes(tmp_path: Path, name: str) -> None:
    source = HOSTILE[name]
    text = read_markdown(source).text
    assert len(text) <= len(source) + source.count("\n") * 2 + 2
    path = tmp_path / "hostile.md"
    path.write_text(source, encoding="utf-8")
    result = run_gloss("clean", str(path))
    assert "Traceback" not in result.stderr


#: Passages annotated when a .md transcript was still read as it stands, markup and all
#: (before Markdown was read as text), and the words they are now.
OLD_PASSAGES = {
    "**Jack Dorsey:** \\[07:54\\] Yeah, just on that point - I think it&#39;s really important": (
        "Jack Dorsey: Yeah, just on that point - I think it's really important"  # time: the map
    ),
    "It&#39;s just as boring as the name Square": "It's just as boring as the name Square",
    "**Adam Stacoviak:** Pro-Rust, alright.": "Adam Stacoviak: Pro-Rust, alright.",
    "I was not an engineer.": "I was not an engineer.",
}


def _annotated_before_markdown(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A .md transcript and a real TinyDB file whose annotations were made on its old text
    (the file cleaned as it stands); their ids and the words each should find now."""
    path = tmp_path / "founders.md"
    path.write_bytes((TRANSCRIPTS / "changelog_founders_talk_91.md").read_bytes())
    old = interview_from_text(path.stem, path.read_text(encoding="utf-8"), path)
    database = tmp_path / "notes.json"
    store = AnnotationStore.open(database)
    expected = {}
    for quote, now in OLD_PASSAGES.items():
        start = old.text.index(quote)
        made = store.add(old, start, start + len(quote), tags=["t"], author="ann").annotation
        assert made is not None and made.exact == quote
        expected[made.id] = now
    store.close()
    return path, database, expected


def test_annotations_made_on_the_markup_are_found_whole_and_the_reader_says_so(
    tmp_path: Path,
) -> None:
    path, database, expected = _annotated_before_markdown(tmp_path)
    interview = load_interview(path)
    store = AnnotationStore.open(database)
    session = Session([interview], store, author="ann")
    update = session.load()
    assert update.notice == "4 annotations re-anchored (the text changed since they were made)"
    assert update.severity == "information"
    for annotation in store.annotations(interview=interview.id):
        assert annotation.status == "reanchored"
        assert interview.text[annotation.start : annotation.end] == expected[annotation.id]
    assert Session([interview], store, author="ann").load().notice == ""  # told once
    store.close()


def test_gloss_reanchor_counts_the_annotations_made_on_the_markup(tmp_path: Path) -> None:
    path, database, expected = _annotated_before_markdown(tmp_path)
    result = run_gloss("reanchor", "--db", str(database), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "4 annotations re-anchored (the text changed since they were made)\n"
        "0 orphaned annotations\n"
    )
    listed = run_gloss("list", "--db", str(database), "--json")
    text = load_interview(path).text
    found = {
        entry["id"]: text[entry["start"] : entry["end"]] for entry in json.loads(listed.stdout)
    }
    assert found == expected
