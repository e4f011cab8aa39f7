"""Every key gloss answers to, in one table with stable ids.

The ids never change, so a user's keymap (``[keymap]`` in ``config.toml``, read by
``tui.config`` and applied with ``App.set_keymap``) can move an action to another key;
the help screen and the command palette are built from these same tables with the keymap
applied (:func:`remapped`), so a key that exists is a key that is documented.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

#: Keys the reader widget handles itself (they act on the focused reader).
READER: list[Binding] = [
    Binding("j,down", "cursor_down", "Next sentence", show=False, id="reader.next_sentence"),
    Binding("k,up", "cursor_up", "Previous sentence", show=False, id="reader.prev_sentence"),
    Binding("right_square_bracket", "next_question", "Next question", id="reader.next_question"),
    Binding(
        "left_square_bracket",
        "prev_question",
        "Previous question",
        show=False,
        id="reader.prev_question",
    ),
    Binding(
        "right_curly_bracket", "next_measure", "Next measure", show=False, id="reader.next_measure"
    ),
    Binding(
        "left_curly_bracket",
        "prev_measure",
        "Previous measure",
        show=False,
        id="reader.prev_measure",
    ),
    Binding("g,home", "top", "Top", show=False, id="reader.top"),
    Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
    Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
    Binding("v", "select", "Select", id="reader.select"),
    Binding("escape", "clear_selection", "Clear selection", show=False, id="reader.clear"),
    Binding(
        "shift+right", "end_word(1)", "Selection end +1 word", show=False, id="reader.end_more"
    ),
    Binding(
        "shift+left", "end_word(-1)", "Selection end -1 word", show=False, id="reader.end_less"
    ),
    Binding(
        "alt+left", "start_word(-1)", "Selection start -1 word", show=False, id="reader.start_more"
    ),
    Binding(
        "alt+right", "start_word(1)", "Selection start +1 word", show=False, id="reader.start_less"
    ),
]

#: Keys of the main screen (they work whichever panel has focus, unless it takes the key).
SCREEN: list[Binding] = [
    Binding("t", "tag", "Tag", id="main.tag"),
    *[
        Binding(
            str(n), f"quick_tag({n})", f"Apply recent tag {n}", show=False, id=f"main.quick_tag_{n}"
        )
        for n in range(1, 10)
    ],
    Binding("a", "note", "Note", id="main.note"),
    Binding("d", "delete", "Delete", show=False, id="main.delete"),
    Binding("u", "undo", "Undo", show=False, id="main.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="main.redo"),
    Binding("slash", "search", "Search", id="main.search"),
    Binding("n", "search_next", "Next hit", show=False, id="main.search_next"),
    Binding("N", "search_prev", "Previous hit", show=False, id="main.search_prev"),
    Binding("s", "similar", "Similar question", show=False, id="main.similar"),
    Binding("r", "raw", "Raw/clean", show=False, id="main.raw"),
    Binding("e", "export", "Export", id="main.export"),
    Binding("w", "switch_reader", "Other reader", show=False, id="main.switch_reader"),
    Binding("o", "toggle_outline", "Outline", show=False, id="main.toggle_outline"),
    Binding("l", "toggle_list", "List", show=False, id="main.toggle_list"),
    Binding("p", "choose", "Choose interviews", show=False, id="main.choose"),
    Binding("C", "compare", "Compare two coders", show=False, id="main.compare"),
    Binding("I", "interviewer", "Who asks in this interview", show=False, id="main.interviewer"),
    Binding(
        "c", "whose", "Whose codings: everyone's, mine, each coder's", show=False, id="main.whose"
    ),
    Binding(
        "R",
        "findings('retrieval')",
        "Retrieve: every passage of a code",
        show=False,
        id="main.retrieve",
    ),
    Binding(
        "number_sign",
        "findings('counts')",
        "Counts: codes x interviews",
        show=False,
        id="main.counts",
    ),
    Binding(
        "X", "findings('cooccurrence')", "Co-occurrence of codes", show=False, id="main.cooccur"
    ),
    Binding("question_mark", "help", "Help", id="main.help"),
    Binding("q", "quit", "Quit", id="main.quit"),
]

#: Keys of the comparison screen (one interview, coder A left, coder B right).
COMPARE: list[Binding] = [
    Binding("n", "next_difference", "Next difference", id="compare.next"),
    Binding("N", "prev_difference", "Previous difference", id="compare.prev"),
    Binding("c", "copy", "Copy to mine", id="compare.copy"),
    Binding("u", "undo", "Undo", show=False, id="compare.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="compare.redo"),
    Binding("w", "switch_side", "Other side", show=False, id="compare.switch_side"),
    Binding("question_mark", "help", "Help", id="compare.help"),
    Binding("q", "close", "Close comparison", id="compare.close"),
]


#: Keys of the retrieval screen (``R``): a code's passages across interviews.
RETRIEVAL: list[Binding] = [
    Binding("c", "next_coder", "Coder", id="retrieval.coder"),
    Binding("escape", "back", "Back", id="retrieval.back"),
    Binding("q", "close", "Close", id="retrieval.close"),
]

#: Keys of the counts screen (``#``).
COUNTS: list[Binding] = [
    Binding("b", "toggle_by", "By interview/coder", id="counts.by"),
    Binding("escape,q", "close", "Close", id="counts.close"),
]

#: Keys of the co-occurrence screen (``X``).
COOCCURRENCE: list[Binding] = [
    Binding("s", "next_scope", "Overlap/question", id="cooccur.scope"),
    Binding("c", "next_coder", "Coder", id="cooccur.coder"),
    Binding("escape", "back", "Back", id="cooccur.back"),
    Binding("q", "close", "Close", id="cooccur.close"),
]


def remapped(bindings: Iterable[Binding], app: object) -> list[Binding]:
    """``bindings`` with the keys the user's keymap gives them (``app.keymap``, if any)."""
    keymap: Mapping[str, str] = getattr(app, "keymap", None) or {}
    return [dataclasses.replace(b, key=keymap[b.id]) if b.id in keymap else b for b in bindings]


def binding_ids() -> frozenset[str]:
    """The id of every binding gloss has, on every screen: what a keymap may name."""
    return frozenset(binding_id for group in binding_groups() for binding_id in group)


def binding_groups() -> list[dict[str, str]]:
    """Each set of bindings that are active together (a screen's, a widget's): id to keys.

    Two bindings of one group must not share a key: one of them would never be reached.
    """
    # Imported here: the dialogs are otherwise only loaded when first opened.
    from tui.screens.chooser import InterviewChooser
    from tui.screens.confirm import Confirm
    from tui.screens.conflict import NoteConflictDialog
    from tui.screens.dialog import Dialog
    from tui.screens.export_dialog import ExportDialog
    from tui.screens.help import HelpScreen
    from tui.screens.note_editor import NoteEditor
    from tui.screens.tag_picker import TagPicker
    from tui.widgets.annotation_list import AnnotationList, AnnotationRows
    from tui.widgets.search_bar import SearchBar

    def own(owner: type) -> list[BindingType]:
        return list(vars(owner).get("BINDINGS", []))

    dialogs = (
        InterviewChooser, Confirm, ExportDialog, HelpScreen, NoteConflictDialog, NoteEditor,
        TagPicker,
    )  # fmt: skip
    tables: list[list[BindingType]] = [
        [*READER, *SCREEN],  # a focused reader answers its keys, the screen the rest
        [*READER, *COMPARE],
        [*SCREEN, *own(AnnotationList), *own(AnnotationRows)],
        RETRIEVAL,
        COUNTS,
        COOCCURRENCE,
        own(SearchBar),
        *([*own(Dialog), *own(dialog)] for dialog in dialogs),  # a dialog is modal
    ]
    return [{b.id: b.key for b in table if isinstance(b, Binding) and b.id} for table in tables]
