"""The key table (``?``): every action the reader offers, with its keys, by group.

It is built from the bindings the app and screen really have (passed in, not copied
here), so a remapped key or a new action shows up without anyone editing the help text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui.keys import READER, SCREEN, remapped
from tui.screens.dialog import Dialog
from tui.text import plain


@dataclass(frozen=True, slots=True)
class HelpEntry:
    """One row of the key table."""

    keys: str
    """The keys as shown to the user, e.g. ``j / ↓``."""
    description: str
    group: str = "General"


def help_entries(
    bindings: Iterable[Binding],
    group: str,
    key_display: Callable[[Binding], str] | None = None,
) -> list[HelpEntry]:
    """Rows for ``bindings``: keys bound to the same action share one row, in order.

    ``key_display`` formats a key (pass ``app.get_key_display`` to show keys the way the
    footer does); bindings without a description are internal and left out. A run of
    numbered keys (``1`` "Apply recent tag 1" … ``9`` "… 9") is one row, ``1–9`` "… N".
    """
    display = key_display or (lambda binding: binding.key_display or binding.key)
    keys: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        for single in Binding.make_bindings([binding]):
            if not single.description:
                continue
            shown = display(single)
            row = keys.setdefault((single.action, single.description), [])
            if shown not in row:
                row.append(shown)
    return fold_numbered(
        [
            HelpEntry(" / ".join(shown), description, group)
            for (_action, description), shown in keys.items()
        ]
    )


_NUMBERED = re.compile(r"(?P<stem>.*\S) (?P<number>\d+)")


def _numbered_stem(entry: HelpEntry) -> str | None:
    """``Apply recent tag`` for the row ``3`` "Apply recent tag 3"; None for other rows."""
    match = _NUMBERED.fullmatch(entry.description)
    return match["stem"] if match and entry.keys == match["number"] else None


def fold_numbered(entries: Iterable[HelpEntry]) -> list[HelpEntry]:
    """``entries`` with each run of numbered rows of one stem folded into a single row."""
    folded: list[HelpEntry] = []
    stems: list[str | None] = []
    for entry in entries:
        stem = _numbered_stem(entry)
        if stem is not None and stems and stems[-1] == stem and folded[-1].group == entry.group:
            first = folded[-1].keys.split("–")[0]
            folded[-1] = HelpEntry(f"{first}–{entry.keys}", f"{stem} N", entry.group)
        else:
            folded.append(entry)
            stems.append(stem)
    return folded


def main_help_entries(
    app: App[object], recent: Sequence[str] = (), others: str = "ask"
) -> list[HelpEntry]:
    """The main screen's key table: the reader's and the screen's keys (as the user has
    them mapped), with the rows no binding says (tab, the list's keys, the palette), and
    under ``1–9`` the tag each number applies now (``recent``, the recent tags).
    ``others`` is the setting for another coder's annotation (``ask`` or ``refuse``)."""
    from tui.widgets.annotation_list import AnnotationList, AnnotationRows

    display = app.get_key_display
    screen_keys = remapped(SCREEN, app)
    list_bindings = [*AnnotationList.BINDINGS, *AnnotationRows.BINDINGS]
    list_keys = remapped([b for b in list_bindings if isinstance(b, Binding)], app)

    def keys_of(bindings: list[Binding], binding_id: str) -> str:
        """The keys of one binding as the user has them, e.g. ``t`` or ``^t``."""
        found = next(b for b in bindings if b.id == binding_id)
        return " / ".join(display(single) for single in Binding.make_bindings([found]))

    tag_keys = keys_of(screen_keys, "main.tag")
    annotate = help_entries(screen_keys, "Annotate and view", display)
    after_tag = next((n + 1 for n, e in enumerate(annotate) if e.description == "Tag"), 0)
    annotate[after_tag:after_tag] = [
        HelpEntry(keys, description, "Annotate and view")
        for keys, description in (
            (f"{tag_keys} on a tagged passage", "Edit its tags: tab removes or adds one"),
            ("  …no tags left", "No note either: asks delete or keep"),
            (f"{tag_keys} on another's", "Tags the passage as your own coding"),
        )
    ]
    note_delete = " / ".join(keys_of(screen_keys, f"main.{a}") for a in ("note", "delete"))
    annotate.append(
        HelpEntry(
            f"{note_delete} on another's",
            'Asks first (others = "refuse" in config.toml)'
            if others == "ask"
            else 'Refused (others = "ask" in config.toml asks)',
            "Annotate and view",
        )
    )
    quick = next((n + 1 for n, e in enumerate(annotate) if "recent tag" in e.description), 0)
    annotate[quick:quick] = [
        HelpEntry(f"  {n}", tag, "Annotate and view") for n, tag in enumerate(recent[:9], start=1)
    ]
    in_list = " / ".join(keys_of(screen_keys, f"main.{a}") for a in ("note", "delete", "tag"))
    return [
        HelpEntry("tab / shift+tab", "Focus outline, readers, list in turn", "Move"),
        *help_entries(remapped(READER, app), "Move and select", display),
        *annotate,
        HelpEntry("enter", "Jump to the outline node", "Outline and list"),
        HelpEntry(keys_of(list_keys, "list.jump"), "Jump to the annotation", "Outline and list"),
        HelpEntry(
            keys_of(list_keys, "list.filter"),
            "Filter the annotation list by tag",
            "Outline and list",
        ),
        HelpEntry(
            keys_of(list_keys, "list.every"),
            "List every interview's annotations / this one's",
            "Outline and list",
        ),
        HelpEntry(in_list, "In the list: act on the highlighted row", "Outline and list"),
        HelpEntry("ctrl+p", "Command palette: every action by name", "General"),
    ]


class HelpScreen(Dialog[None]):
    """A scrollable table of keys under group headings; ``escape``, ``q`` or ``?`` closes it."""

    DEFAULT_CSS = """
    HelpScreen > #dialog {
        width: 90;
        height: 90%;
    }
    HelpScreen DataTable {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(
        self, entries: Iterable[HelpEntry | tuple[str, str, str]], *, title: str = "Keys"
    ) -> None:
        super().__init__()
        self.entries: tuple[HelpEntry, ...] = tuple(
            entry if isinstance(entry, HelpEntry) else HelpEntry(*entry) for entry in entries
        )
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self._title), id="title")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Static(plain("↑/↓ scroll · escape, q or ? close"), id="hint")

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_columns("Key", "Action")
        # Groups stay together, in the order they first appear, each under its heading
        # (a heading row, not a third column: the table must fit 80 columns).
        groups: dict[str, list[HelpEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.group, []).append(entry)
        for group, entries in groups.items():
            table.add_row(plain(group, "bold underline"), "")
            for entry in entries:
                table.add_row(plain(entry.keys, "bold"), plain(entry.description))
        table.focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
