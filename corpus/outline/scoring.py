"""How close an outline comes to a hand-made gold one: precision, recall, F1.

The outline is judged on real transcripts (``tests/transcripts/``), each with a gold
outline written by reading the text. Gold items are given by their text, not by offsets,
so a change to the cleaner does not make the gold wrong: a found item matches a gold one
when their normalised texts start alike (a few leftover characters, such as a label or a
timestamp the parser kept, are tolerated at the front of either), and items are matched
in document order, each at most once. Pure functions of plain data: the gold file's dict
and ``gloss outline --json``'s dict.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from corpus.times import TIME

#: How many normalised characters of an item's start are compared.
KEY_CHARS = 40
#: How many normalised characters may precede the other's start (a kept label, a timestamp).
SLACK = 20
#: The shortest start that may be looked for inside the other text.
MIN_KEY = 12

_TIMESTAMP = re.compile(rf"\\?\[{TIME}\\?\]")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
#: A Markdown link, ``[Sean Kross](https://...)``: the page shows its text only.
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
_NOT_WORD = re.compile(r"[\W_]+")

GOLD_LISTS = ("speakers", "askers", "headings", "questions", "measures")


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one kind of item, and the three figures made of them."""

    gold: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        """Share of found items that are in the gold; 1.0 when nothing was found."""
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items that were found; 1.0 when the gold has none."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (1.0 when both lists are empty)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class OutlineScore:
    """The scores of one outline against its gold."""

    headings: Score
    questions: Score
    measures: Score


@dataclass(frozen=True, slots=True)
class Gold:
    """A hand-made outline of one transcript (see ``tests/transcripts/README.md``)."""

    file: str
    speakers: tuple[str, ...]
    askers: tuple[str, ...]
    headings: tuple[str, ...]
    questions: tuple[str, ...]
    measures: tuple[str, ...]
    title: str | None = None


def gold_from_dict(data: Mapping[str, Any]) -> Gold:
    """Check a gold file's data and make it a :class:`Gold`; ValueError names what is wrong."""
    file = data.get("file")
    if not isinstance(file, str) or not file:
        raise ValueError("gold: 'file' must name the transcript")
    lists: dict[str, tuple[str, ...]] = {}
    for key in GOLD_LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"gold {file}: {key!r} must be a list of non-empty strings")
        lists[key] = tuple(value)
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise ValueError(f"gold {file}: 'title' must be a string or null")
    unknown = set(lists["askers"]) - set(lists["speakers"])
    if unknown:
        raise ValueError(f"gold {file}: askers {sorted(unknown)} are not among the speakers")
    return Gold(file=file, title=title, **lists)


def normalise(text: str) -> str:
    """Text reduced to lower-case words: entities, escapes, timestamps, links' targets and
    punctuation gone."""
    text = html.unescape(text)
    text = _TIMESTAMP.sub(" ", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub(" ", text).strip()


def same_item(gold: str, found: str) -> bool:
    """Whether a found item is the gold one: their normalised starts agree."""
    gold_norm, found_norm = normalise(gold), normalise(found)
    if not gold_norm or not found_norm:
        return False
    gold_key = gold_norm[:KEY_CHARS]
    found_key = found_norm[:KEY_CHARS]
    if 0 <= found_norm.find(gold_key) <= SLACK:
        return True
    if len(found_key) < min(MIN_KEY, len(gold_norm)):
        return False
    return 0 <= gold_norm.find(found_key) <= SLACK


def match_in_order(gold: Sequence[str], found: Sequence[str]) -> int:
    """The most gold items that found items match with both lists kept in order."""
    best = [[0] * (len(found) + 1) for _ in range(len(gold) + 1)]
    for i, gold_item in enumerate(gold, 1):
        for j, found_item in enumerate(found, 1):
            if same_item(gold_item, found_item):
                best[i][j] = best[i - 1][j - 1] + 1
            else:
                best[i][j] = max(best[i - 1][j], best[i][j - 1])
    return best[len(gold)][len(found)]


def score_items(gold: Sequence[str], found: Sequence[str]) -> Score:
    return Score(gold=len(gold), found=len(found), matched=match_in_order(gold, found))


def outline_items(outline: Mapping[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """Headings, question texts and measure texts of ``gloss outline --json`` data, in order."""
    headings: list[str] = []
    questions: list[str] = []
    measures = [measure["text"] for measure in outline.get("intro_measures", [])]
    for section in outline.get("sections", []):
        if section.get("heading"):
            headings.append(section["heading"])
        measures.extend(measure["text"] for measure in section.get("measures", []))
        for question in section.get("questions", []):
            questions.append(question["text"])
            measures.extend(measure["text"] for measure in question.get("measures", []))
    return headings, questions, measures


def score_outline(gold: Gold, outline: Mapping[str, Any]) -> OutlineScore:
    """Score ``gloss outline --json`` data for one interview against its gold."""
    headings, questions, measures = outline_items(outline)
    return OutlineScore(
        headings=score_items(gold.headings, headings),
        questions=score_items(gold.questions, questions),
        measures=score_items(gold.measures, measures),
    )
