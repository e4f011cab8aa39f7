"""The outline: interview > section > question > measures, with annotation counts.

It follows the focused reader's cursor (``follow``) and, on enter, asks for a jump with
:class:`OutlineTree.Jump`; the screen moves the reader. Labels are built from untrusted
text with :func:`tui.text.plain`, never parsed as markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.css.scalar import Unit
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import NodeID, TreeNode

from corpus import Interview, Measure, Question
from tui.interviewers import ROLE_LABELS
from tui.layout import fit_words
from tui.text import plain
from tui.textual_private import grow_line_cache


@dataclass(frozen=True, slots=True)
class Place:
    """Where an outline node points: an interview and a clean offset in it."""

    interview: str
    offset: int
    question: int = -1
    """Index of the question in ``outline.questions`` (-1 for other nodes)."""


GROUP = 100
"""More questions than this under one heading are shown in groups of this many."""
INTRO_LABEL = "(before the questions)"
"""The node holding the measures listed before any question."""


def _short(text: str, limit: int = 60) -> str:
    return fit_words(text, limit)


class OutlineTree(Tree[Place]):
    """The structure of the interviews on screen; enter jumps the reader there."""

    @dataclass
    class Jump(Message):
        """The user asked to go to ``place``."""

        place: Place

    def __init__(self, *, id: str | None = None) -> None:
        # A Text label: a str would be parsed as markup, loading Rich's emoji table.
        super().__init__(Text("Interviews"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False
        self._places: dict[str, list[tuple[int, TreeNode[Place]]]] = {}
        """Per interview, every node made so far and where it points, in text order."""
        self._starts: dict[str, list[int]] = {}
        self._pending: dict[NodeID, tuple[list[tuple[int, Question]], int]] = {}
        """Groups not opened yet: their questions (numbered) and the depth they go at."""
        self._counts: Mapping[str, Sequence[int]] = {}
        self._pairs: Mapping[str, Mapping[int, int]] = {}
        self._room: list[int] = []
        self._following = False
        self._shown_args: tuple[
            Sequence[Interview],
            Mapping[str, Sequence[int]] | None,
            Mapping[str, Mapping[int, int]] | None,
            Mapping[str, int] | None,
        ] = ((), None, None, None)
        self._width = 0
        self._built: object = None
        """What the tree was last built from (see ``show``)."""

    def show(
        self,
        interviews: Sequence[Interview],
        counts: Mapping[str, Sequence[int]] | None = None,
        pairs: Mapping[str, Mapping[int, int]] | None = None,
        totals: Mapping[str, int] | None = None,
    ) -> None:
        """Rebuild for ``interviews``; ``counts[id][q]`` annotations in question q;
        ``pairs[id][q]`` the number of the most similar question in the other interview;
        ``totals[id]`` all annotations of an interview."""
        self._shown_args = (interviews, counts, pairs, totals)
        # Room for a label at each depth: the tree's width less the guides and the
        # expand arrow; labels are cut at a word to fit rather than cropped mid-word.
        width = self._label_width()
        self._width = width
        built = (
            tuple((i.id, i.fingerprint, i.outline.askers) for i in interviews),
            {k: list(v) for k, v in (counts or {}).items()},
            {k: dict(v) for k, v in (pairs or {}).items()},
            dict(totals or {}),
            width,
        )
        if built == self._built:
            return  # the same tree again (a reload that found nothing new)
        self._built = built
        self._counts = counts or {}
        self._pairs = pairs or {}
        self._room = [max(8, width - 2 - depth * self.guide_depth) for depth in range(4)]
        self.clear()
        self._places = {}
        self._starts = {}
        self._pending = {}
        for interview in interviews:
            questions = interview.outline.questions
            total = (totals or {}).get(interview.id, sum(self._counts.get(interview.id, ())))
            counts_text = f"  {len(questions)} Q, {total} ann."
            label = plain(_short(interview.title, self._room[0] - len(counts_text)), "bold")
            label.append(counts_text, "dim")
            root = self.root.add(label, Place(interview.id, 0), expand=True)
            nodes: list[tuple[int, TreeNode[Place]]] = [(0, root)]
            if interview.outline.intro_measures:
                nodes.extend(self._add_intro(root, interview))
            number = 0
            for section in interview.outline.sections:
                parent = root
                if section.heading:
                    parent = root.add(
                        plain(_short(section.heading, self._room[1]), "bold"),
                        Place(interview.id, section.start),
                        expand=True,
                    )
                    nodes.append((section.start, parent))
                    nodes.extend(self._add_opening(parent, interview.id, section.measures))
                depth = 2 if section.heading else 1
                numbered = list(enumerate(section.questions, number))
                number += len(numbered)
                if len(numbered) <= GROUP:
                    for at, question in numbered:
                        nodes.extend(self._add_question(parent, interview.id, at, question, depth))
                    continue
                # Thousands of questions: groups of GROUP, filled in when first opened,
                # so that showing the outline costs the same whatever the transcript.
                for first in range(0, len(numbered), GROUP):
                    chunk = numbered[first : first + GROUP]
                    place = Place(interview.id, chunk[0][1].start)
                    group = parent.add(self._group_label(interview.id, chunk), place)
                    self._pending[group.id] = (chunk, depth + 1)
                    nodes.append((chunk[0][1].start, group))
            nodes.sort(key=lambda pair: pair[0])
            self._places[interview.id] = nodes
            self._starts[interview.id] = [start for start, _ in nodes]

    def _group_label(self, interview: str, chunk: list[tuple[int, Question]]) -> Text:
        """``Q101–Q200`` and the annotations in them."""
        counts = self._counts.get(interview, ())
        text = Text(f"Q{chunk[0][0] + 1}–Q{chunk[-1][0] + 1}", "cyan", end="")
        annotated = sum(_at(counts, at) for at, _ in chunk)
        if annotated:
            text.append(f" ({annotated})", "green")
        return text

    def _add_question(
        self, parent: TreeNode[Place], interview: str, number: int, question: Question, depth: int
    ) -> list[tuple[int, TreeNode[Place]]]:
        """Add one question's node (and its measures) under ``parent``; return where they start."""
        room = self._room
        q_count = _at(self._counts.get(interview, ()), number)
        suffix = Text(end="")
        if q_count:
            suffix.append(f" ({q_count})", "green")
        paired = self._pairs.get(interview, {}).get(number)
        if paired is not None:
            suffix.append(f" ↔ Q{paired + 1}", "magenta")
        text = Text(f"Q{number + 1} ", "cyan", end="")
        if question.asker and question.asker.lower() not in ROLE_LABELS:
            text.append_text(plain(_short(question.asker, 16) + ": ", "italic"))
        room_left = room[min(3, depth)] - text.cell_len - suffix.cell_len
        text.append_text(plain(_short(question.text, room_left)))
        text.append_text(suffix)
        place = Place(interview, question.start, number)
        if not question.measures:
            return [(question.start, parent.add_leaf(text, place))]
        node = parent.add(text, place, expand=False)
        found = [(question.start, node)]
        for measure in question.measures:
            leaf = node.add_leaf(
                plain(f"{measure.ordinal}. " + _short(measure.text, room[min(3, depth + 1)] - 4)),
                Place(interview, measure.start, number),
            )
            found.append((measure.start, leaf))
        return found

    def _add_intro(
        self, root: TreeNode[Place], interview: Interview
    ) -> list[tuple[int, TreeNode[Place]]]:
        """The items listed before any question (an opening statement's), first, under a
        node of their own as ``gloss outline`` lists them; return where they start."""
        outline = interview.outline
        start = outline.intro.start if outline.intro else outline.intro_measures[0].start
        node = root.add(plain(INTRO_LABEL, "italic"), Place(interview.id, start), expand=True)
        found = [(start, node)]
        for measure in outline.intro_measures:
            label = f"{measure.ordinal}. " + _short(measure.text, self._room[2] - 4)
            found.append(
                (measure.start, node.add_leaf(plain(label), Place(interview.id, measure.start)))
            )
        return found

    def _add_opening(
        self, parent: TreeNode[Place], interview_id: str, measures: tuple[Measure, ...]
    ) -> list[tuple[int, TreeNode[Place]]]:
        """The items a section's opening lists (a witness's statement under its title),
        under its heading before its questions; return where they start."""
        found = []
        for measure in measures:
            label = f"{measure.ordinal}. " + _short(measure.text, self._room[2] - 4)
            leaf = parent.add_leaf(plain(label), Place(interview_id, measure.start))
            found.append((measure.start, leaf))
        return found

    def _fill(self, group: TreeNode[Place]) -> None:
        """Add the questions of a group not opened before."""
        pending = self._pending.pop(group.id, None)
        if pending is None or group.data is None:
            return
        chunk, depth = pending
        interview = group.data.interview
        added = [
            pair
            for number, question in chunk
            for pair in self._add_question(group, interview, number, question, depth)
        ]
        nodes = self._places[interview] + added
        nodes.sort(key=lambda pair: pair[0])  # stable: a group stays before its first question
        self._places[interview] = nodes
        self._starts[interview] = [start for start, _ in nodes]

    def _label_width(self) -> int:
        """The tree's content width; before its first layout, the width its CSS gives it
        (so that the tree built on mount is not built again when the size arrives)."""
        width = self.scrollable_content_region.width
        if width:
            return width
        scalar = self.styles.width
        if scalar is not None and scalar.unit == Unit.CELLS:
            return max(8, int(scalar.value) - self.styles.gutter.width)
        return 34

    def on_resize(self, event: events.Resize) -> None:
        """Labels are fitted to the width: refit them when it changes."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            if self._shown_args[0]:
                cursor = self.cursor_node.data if self.cursor_node else None
                self.show(*self._shown_args)
                if cursor is not None:
                    self.follow(cursor.interview, cursor.offset)
            return
        # Same width (the first size, which the tree was built and drawn at, or a new
        # height): Textual's Tree would drop every line it drew and lay out the screen
        # again, but its lines are cached by width and position, so they are still right.
        grow_line_cache(self, event.size.height)
        event.prevent_default()

    def follow(self, interview: str, offset: int) -> None:
        """Highlight the deepest node at or before ``offset`` without jumping anywhere."""
        nodes = self._places.get(interview)
        if not nodes:
            return
        node = nodes[max(0, bisect_right(self._starts[interview], offset) - 1)][1]
        if node.id in self._pending:  # a group never opened: its questions are needed now
            self._fill(node)
            nodes = self._places[interview]
            node = nodes[max(0, bisect_right(self._starts[interview], offset) - 1)][1]
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded and parent is not self.root:
                parent.expand()
            parent = parent.parent
        if self.cursor_node is not node:
            self._following = True
            if node.line < 0:  # just added or opened: number the tree's lines first
                _ = self.last_line
            self.move_cursor(node, animate=False)
            self._following = False

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[Place]) -> None:
        self._fill(event.node)

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Place]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Jump(event.node.data))


def _at(values: Sequence[int], index: int) -> int:
    return values[index] if 0 <= index < len(values) else 0
