"""The measures an interview lists before any question (an opening statement's "The first
is ...") are in the outline, first, under ``(before the questions)`` as ``gloss outline``
lists them; ``}`` steps to them and enter on one jumps the reader there."""

from __future__ import annotations

import re
from pathlib import Path

from corpus import load_interview
from store import AnnotationStore
from tests.conftest import ROOT, screen_lines, wait_until
from tui.app import make_app
from tui.widgets.outline import OutlineTree
from tui.widgets.reader import Reader

PRESS_CALL = ROOT / "tests" / "transcripts" / "wh_background_press_call_2021-03-30.txt"


async def test_measures_before_the_questions_are_outlined_and_reached(tmp_path: Path) -> None:
    interview = load_interview(PRESS_CALL)
    listed = interview.outline.intro_measures
    assert [m.ordinal for m in listed] == [1, 2, 3, 4]
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app([interview], store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: any("Q1 " in ln for ln in screen_lines(app)))
        lines = screen_lines(app)
        heading = next(i for i, ln in enumerate(lines) if "(before the questions)" in ln)
        first_question = next(i for i, ln in enumerate(lines) if "Q1 " in ln)
        items = lines[heading + 1 : first_question]
        numbers = [re.findall(r"[├└] (\d)\. ", line) for line in items]
        assert numbers == [["1"], ["2"], ["3"], ["4"]]
        assert "1. The first is" in items[0]

        reader = app.screen.query_one(Reader)
        await pilot.press("right_curly_bracket")  # the first measure: before any question
        assert reader.cursor_span.start <= listed[0].start < reader.cursor_span.end
        await pilot.press("right_curly_bracket")
        assert reader.cursor_span.start <= listed[1].start < reader.cursor_span.end

        tree = app.screen.query_one(OutlineTree)
        await wait_until(
            pilot,
            lambda: tree.cursor_node is not None and str(tree.cursor_node.label).startswith("2. "),
            what="the outline follows",
        )
        tree.focus()
        await pilot.press("down", "down", "enter")  # the fourth item
        await wait_until(
            pilot,
            lambda: reader.cursor_span.start <= listed[3].start < reader.cursor_span.end,
            what="the jump",
        )
    store.close()


PANEL = ROOT / "tests" / "transcripts" / "us_house_hearing_fed_independence_2009-07-09.txt"


async def test_a_statements_measures_are_outlined_under_its_title(tmp_path: Path) -> None:
    interview = load_interview(PANEL)
    section = next(s for s in interview.outline.sections if s.heading and "MEYER" in s.heading)
    assert [m.ordinal for m in section.measures] == [1, 2, 3]
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app([interview], store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        tree = app.screen.query_one(OutlineTree)
        await wait_until(pilot, lambda: tree.root.children != [], what="the outline")
        (root,) = tree.root.children
        meyer = next(n for n in root.children if n.data and n.data.offset == section.start)
        assert [str(leaf.label)[:9] for leaf in meyer.children] == [
            "1. First,",
            "2. Second",
            "3. Finall",
        ]
        assert [leaf.data.offset for leaf in meyer.children if leaf.data] == [
            m.start for m in section.measures
        ]
    store.close()
