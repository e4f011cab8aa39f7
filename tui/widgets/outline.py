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
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from corpus import Interview
from tui.text import plain


@dataclass(frozen=True, slots=True)
class Place:
    """Where an outline node points: an interview and a clean offset in it."""

    interview: str
    offset: int
    question: int = -1
    """Index of the question in ``outline.questions`` (-1 for other nodes)."""


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class OutlineTree(Tree[Place]):
    """The structure of the interviews on screen; enter jumps the reader there."""

    @dataclass
    class Jump(Message):
        """The user asked to go to ``place``."""

        place: Place

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Interviews", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False
        self._places: dict[str, list[tuple[int, TreeNode[Place]]]] = {}
        self._question_nodes: dict[str, list[TreeNode[Place]]] = {}
        self._following = False

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
        counts = counts or {}
        totals = totals or {}
        pairs = pairs or {}
        self.clear()
        self._places = {}
        self._question_nodes = {}
        for interview in interviews:
            questions = interview.outline.questions
            total = totals.get(interview.id, sum(counts.get(interview.id, ())))
            label = plain(_short(interview.title, 50), "bold")
            label.append(f"  {len(questions)} Q, {total} ann.", "dim")
            root = self.root.add(label, Place(interview.id, 0), expand=True)
            nodes: list[tuple[int, TreeNode[Place]]] = [(0, root)]
            qnodes: list[TreeNode[Place]] = []
            number = 0
            for section in interview.outline.sections:
                parent = root
                if section.heading:
                    parent = root.add(
                        plain(_short(section.heading), "bold"),
                        Place(interview.id, section.start),
                        expand=True,
                    )
                    nodes.append((section.start, parent))
                for question in section.questions:
                    q_count = _at(counts.get(interview.id, ()), number)
                    text = Text(f"Q{number + 1} ", "cyan")
                    text.append_text(plain(_short(question.text)))
                    if q_count:
                        text.append(f" ({q_count})", "green")
                    paired = pairs.get(interview.id, {}).get(number)
                    if paired is not None:
                        text.append(f" ↔ Q{paired + 1}", "magenta")
                    place = Place(interview.id, question.start, number)
                    if question.measures:
                        node = parent.add(text, place, expand=False)
                        for measure in question.measures:
                            leaf = node.add_leaf(
                                plain(f"{measure.ordinal}. {_short(measure.text, 50)}"),
                                Place(interview.id, measure.start, number),
                            )
                            nodes.append((measure.start, leaf))
                    else:
                        node = parent.add_leaf(text, place)
                    nodes.append((question.start, node))
                    qnodes.append(node)
                    number += 1
            nodes.sort(key=lambda pair: pair[0])
            self._places[interview.id] = nodes
            self._question_nodes[interview.id] = qnodes

    def follow(self, interview: str, offset: int) -> None:
        """Highlight the deepest node at or before ``offset`` without jumping anywhere."""
        nodes = self._places.get(interview)
        if not nodes:
            return
        index = bisect_right([start for start, _ in nodes], offset) - 1
        node = nodes[max(0, index)][1]
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded and parent is not self.root:
                parent.expand()
            parent = parent.parent
        if self.cursor_node is not node:
            self._following = True
            self.move_cursor(node, animate=False)
            self._following = False

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Place]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Jump(event.node.data))


def _at(values: Sequence[int], index: int) -> int:
    return values[index] if 0 <= index < len(values) else 0
