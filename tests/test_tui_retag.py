"""Retagging: ``t`` on an annotated passage edits its tags, undoably.

The picker opens with the passage's tags already marked; unmarking removes a tag, marking
adds one, enter applies the resulting set. Driven by keys against a real store on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable

from corpus import Interview
from store import Annotation, AnnotationStore
from tests.conftest import screen_lines, screen_text, wait_until
from tests.test_tui_app import NARROW, WIDE, main, reader, running, seeds, settle
from tests.test_tui_dialogs import Host, highlighted, picker_rows
from tui.screens.confirm import Confirm
from tui.screens.help import HelpScreen
from tui.screens.tag_picker import TagPicker
from tui.widgets.status import StatusLine

CODEBOOK = [("policy", 3), ("growth", 2), ("trust", 1)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "notes.json")
    yield opened
    opened.close()


def annotate_first_sentence(
    store: AnnotationStore, tags: list[str], note: str = ""
) -> tuple[list[Interview], Annotation]:
    interviews = seeds()
    first = interviews[0].sentences[0]
    made = store.add(
        interviews[0], first.start, first.end, tags=tags, note=note, author="tester"
    ).annotation
    return interviews, made


def tags_of(store: AnnotationStore, annotation_id: str) -> tuple[str, ...] | None:
    found = store.get(annotation_id)
    return None if found is None else found.tags


# -- the picker in retag mode ---------------------------------------------------------------


async def test_retag_picker_says_what_it_edits_and_starts_with_the_tags_marked() -> None:
    picker = TagPicker(CODEBOOK, current=["trust", "policy"], quote="We  trusted\nthe bank.")
    app = Host(picker)
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Tags of this passage" in shown
        assert "“We trusted the bank.”" in shown
        assert "keeps trust, policy" in shown
        rows = picker_rows(app)
        # The passage's own tags first, marked; then the rest of the codebook, unmarked.
        assert [(row.startswith("✓"), row.split("■ ")[1].split()[0]) for row in rows] == [
            (True, "trust"),
            (True, "policy"),
            (False, "growth"),
        ]
        await pilot.press("enter")  # nothing changed: the same set comes back
    assert app.result == ["trust", "policy"]


async def test_retag_picker_tab_unmarks_and_enter_does_not_put_it_back() -> None:
    app = Host(TagPicker(CODEBOOK, current=["trust", "policy"]))
    async with app.run_test() as pilot:
        await pilot.press("tab")  # the highlight is on "trust"
        assert not highlighted(app).startswith("✓")
        shown = screen_text(app)
        assert "keeps policy" in shown and "removes trust" in shown
        await pilot.press("enter")
    assert app.result == ["policy"]


async def test_retag_picker_adds_a_typed_tag_to_the_set() -> None:
    app = Host(TagPicker(CODEBOOK, current=["trust"]))
    async with app.run_test() as pilot:
        await pilot.press(*"grow")
        assert "growth" in highlighted(app)
        await pilot.press("tab")
        assert "adds growth" in screen_text(app)
        await pilot.press(*["backspace"] * 4, *"new/theme", "enter")
    assert app.result == ["trust", "growth", "new/theme"]


async def test_retag_picker_can_leave_no_tags() -> None:
    app = Host(TagPicker(CODEBOOK, current=["trust"]))
    async with app.run_test() as pilot:
        await pilot.press("tab")
        assert "no tags left" in screen_text(app)
        await pilot.press("enter")
    assert app.result == []


async def test_retag_picker_escape_changes_nothing() -> None:
    app = Host(TagPicker(CODEBOOK, current=["trust"]))
    async with app.run_test() as pilot:
        await pilot.press("tab", "escape")
    assert app.result is None


async def test_picker_explains_a_typed_name_it_cannot_use_instead_of_dropping_it() -> None:
    app = Host(TagPicker(CODEBOOK, current=["trust"]))
    async with app.run_test() as pilot:
        await pilot.press(*"a//b", "enter")
        assert isinstance(app.screen, TagPicker)  # still open, the tags untouched
        assert "empty segment" in screen_text(app)
        await pilot.press("escape")
    assert app.result is None


# -- retagging in the reader ----------------------------------------------------------------


async def test_t_on_a_tagged_passage_removes_a_tag_undo_brings_it_back_redo_removes_it(
    store: AnnotationStore,
) -> None:
    interviews, made = annotate_first_sentence(store, ["policy", "growth"])
    async with running(store, interviews) as (app, pilot):
        await pilot.press("t")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, TagPicker) and app.screen.retagging,
            what="isinstance(app.screen, TagPicker) and app.screen.retagging",
        )
        assert app.screen.marked == list(made.tags)  # the store keeps tags sorted
        first, second = made.tags
        await pilot.press("tab", "enter")  # unmark the highlighted (first) tag, apply
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: tags_of(store, made.id) == (second,),
            what="tags_of(store, made.id) == (second,)",
        )
        assert f"retagged −{first}" in main(app).query_one(StatusLine).status.message
        await pilot.press("u")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: tags_of(store, made.id) == made.tags,
            what="tags_of(store, made.id) == made.tags",
        )
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: tags_of(store, made.id) == (second,),
            what="tags_of(store, made.id) == (second,)",
        )
        assert len(store.annotations()) == 1  # the same annotation throughout


async def test_retag_adds_and_removes_in_one_step(store: AnnotationStore) -> None:
    interviews, made = annotate_first_sentence(store, ["policy"], note="keep me")
    async with running(store, interviews) as (app, pilot):
        await pilot.press("t", "tab", *"trust", "enter")
        await settle(app, pilot)
        after = store.get(made.id)
        assert after is not None and after.tags == ("trust",) and after.note == "keep me"
        await pilot.press("u")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: tags_of(store, made.id) == ("policy",),
            what="tags_of(store, made.id) == ('policy',)",
        )


@pytest.mark.parametrize(
    ("answer", "left"),
    [("y", None), ("n", ())],  # y: delete it; n: keep it, untagged
)
async def test_removing_the_last_tag_of_a_bare_passage_asks_to_delete_or_keep_it(
    store: AnnotationStore, answer: str, left: tuple[str, ...] | None
) -> None:
    interviews, made = annotate_first_sentence(store, ["policy"])
    async with running(store, interviews) as (app, pilot):
        await pilot.press("t", "tab", "enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, Confirm), what="isinstance(app.screen, Confirm)"
        )
        await pilot.press(answer)
        await settle(app, pilot)
        await wait_until(
            pilot, lambda: tags_of(store, made.id) == left, what="tags_of(store, made.id) == left"
        )
        await pilot.press("u")  # one undo brings it back, tags and all
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: tags_of(store, made.id) == ("policy",),
            what="tags_of(store, made.id) == ('policy',)",
        )


async def test_a_passage_with_a_note_keeps_it_without_asking(store: AnnotationStore) -> None:
    interviews, made = annotate_first_sentence(store, ["policy"], note="why")
    async with running(store, interviews) as (app, pilot):
        await pilot.press("t", "tab", "enter")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: not isinstance(app.screen, Confirm),
            what="not isinstance(app.screen, Confirm)",
        )
        after = store.get(made.id)
        assert after is not None and after.tags == () and after.note == "why"


async def test_a_selection_of_exactly_an_annotated_passage_edits_its_tags(
    store: AnnotationStore,
) -> None:
    interviews, made = annotate_first_sentence(store, ["policy"])
    async with running(store, interviews) as (app, pilot):
        await pilot.press("v", "t")  # the selection is the annotated first sentence
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, TagPicker) and app.screen.retagging,
            what="isinstance(app.screen, TagPicker) and app.screen.retagging",
        )
        await pilot.press("tab", *"trust", "enter")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [(a.id, a.tags) for a in store.annotations()] == [(made.id, ("trust",))],
            what="[(a.id, a.tags) for a in store.annotations()] == [(made.id, ('trust',))]",
        )


async def test_a_new_selection_inside_an_annotation_is_tagged_as_a_new_passage(
    store: AnnotationStore,
) -> None:
    interviews = seeds()
    sentences = interviews[0].sentences
    wide = store.add(
        interviews[0], sentences[0].start, sentences[1].end, tags=["policy"], author="tester"
    ).annotation
    async with running(store, interviews) as (app, pilot):
        await pilot.press("j", "v", "t")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, TagPicker) and not app.screen.retagging,
            what="isinstance(app.screen, TagPicker) and not app.screen.retagging",
        )
        await pilot.press(*"trust", "enter")
        await settle(app, pilot)
        spans = {(a.start, a.end): a.tags for a in store.annotations()}
        assert spans == {
            (wide.start, wide.end): ("policy",),
            (sentences[1].start, sentences[1].end): ("trust",),
        }
        assert reader(app).selection is None


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_help_explains_retagging_next_to_t_and_fits_without_scrolling(
    store: AnnotationStore, size: tuple[int, int]
) -> None:
    async with running(store, size=size) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = [e.keys for e in help_screen.entries]
        tag = keys.index("t")
        assert keys[tag + 1 : tag + 3] == ["t on a tagged passage", "  …no tags left"]
        assert "delete or keep" in help_screen.entries[tag + 2].description
        # Keys and actions are both on screen, even at 80x24: no sideways scrolling.
        table = help_screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_picker_shows_a_long_passage_on_one_line_cut_at_a_word() -> None:
    words = "Since the beginning of this year in response to the complex and changing world"
    app = Host(TagPicker(CODEBOOK, current=["trust"], quote=words))
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = next(line.strip(" █") for line in screen_lines(app) if "“" in line)
        assert shown.startswith("“Since") and shown.endswith("…”")
        kept = shown.removeprefix("“").removesuffix("…”")
        assert words.startswith(kept + " ")  # whole words only
