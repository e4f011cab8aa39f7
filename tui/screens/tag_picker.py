"""Choosing tags for a passage: type a few letters, pick one or several, or make a new one.

Tagging is the most repeated act in gloss, so the picker is built for the keyboard: the
list is filtered as you type (prefix, substring and in-order letters first, then fuzzy
matches, so ``pr`` and ``plcy`` both find ``policy``), the tags used last come first
when nothing is typed, ``tab`` marks several, and a tag that does not exist yet is one
``enter`` away (an explicit ``create 'x'`` row). A tag name is checked as it is typed
with the store's own rule, so the user never learns about a bad name after the fact.

The same picker edits the tags of a passage that is already annotated (``current``): its
tags come first, already marked; ``tab`` unmarks one to remove it or marks another to add
it, and ``enter`` returns the whole resulting set, so removing a tag is as quick as adding
one. A line under the list says what will be kept, added and removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rapidfuzz import fuzz, utils
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.errors import StoreError
from store.tagpaths import normalise_tag
from tui.layout import fit_words
from tui.screens.dialog import Dialog
from tui.text import plain, tag_colour

#: A fuzzy match below this WRatio is noise, not a suggestion.
FUZZY_CUTOFF = 70.0
#: Room for the passage under the title (the dialog is 70 cells wide with its frame).
QUOTE_CELLS = 62


def is_subsequence(query: str, text: str) -> bool:
    """True if the letters of ``query`` occur in ``text`` in order (``plcy`` in ``policy``)."""
    letters = iter(text)
    return all(char in letters for char in query)


def match_score(query: str, path: str) -> float | None:
    """How well ``path`` answers ``query`` (higher is better); None if it does not.

    Tiers, so that a literal match always beats a fuzzy one: the path or one of its
    segments starts with the query, then the query is a substring, then its letters occur
    in order, then a fuzzy (typo-tolerant) match.
    """
    q = query.casefold().strip()
    p = path.casefold()
    if not q:
        return 0.0
    ratio = fuzz.WRatio(q, p, processor=utils.default_process)
    if p.startswith(q) or any(segment.startswith(q) for segment in p.split("/")):
        return 400.0 + ratio
    if q in p:
        return 300.0 + ratio
    if is_subsequence(q, p):
        return 200.0 + ratio
    if ratio >= FUZZY_CUTOFF:
        return 100.0 + ratio
    return None


def rank_tags(
    query: str, codebook: Sequence[tuple[str, int]], recent: Sequence[str] = ()
) -> list[str]:
    """The tags to offer for ``query``, best first.

    With no query: recent tags (most recent first), then the codebook by use. With a
    query: matches by :func:`match_score`; among equals, recent and much-used tags first.
    Recent tags missing from the codebook (just created, not yet counted) are offered too.
    """
    counts: dict[str, int] = {}
    for path, count in codebook:
        counts[path] = max(count, counts.get(path, 0))
    recency = {path: n for n, path in enumerate(dict.fromkeys(recent))}
    paths = list(dict.fromkeys([*recency, *counts]))
    if not query.strip():
        return sorted(
            paths,
            key=lambda p: (recency.get(p, len(recency)), -counts.get(p, 0), p.casefold()),
        )
    scored = [(score, path) for path in paths if (score := match_score(query, path)) is not None]
    scored.sort(
        key=lambda item: (
            -item[0],
            recency.get(item[1], len(recency)),
            -counts.get(item[1], 0),
            item[1].casefold(),
        )
    )
    return [path for _, path in scored]


@dataclass(frozen=True, slots=True)
class _Row:
    """What one line of the list stands for: an existing tag, or creating a new one."""

    path: str
    create: bool = False


class TagPicker(Dialog[list[str] | None]):
    """Pick tags; dismiss with the chosen paths (marked ones first), or None on escape.

    ``codebook`` is ``(path, count)`` for every known tag, ``recent`` the tags used
    lately, most recent first, and ``colours`` the codebook's colours by path.

    With ``current`` (the tags of the annotation being retagged) the picker edits that
    set instead: those tags start marked, and the result is the complete new set, which
    may be empty when every tag was unmarked. ``quote`` is the passage, shown under the
    title so the user sees which annotation they are changing.
    """

    DEFAULT_CSS = """
    TagPicker OptionList {
        height: auto;
        max-height: 14;
        border: none;
    }
    TagPicker #marks {
        padding: 0 1;
        height: auto;
    }
    TagPicker #marks.-empty {
        display: none;
    }
    TagPicker #quote {
        padding: 0 1;
        text-style: italic;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", priority=True, id="tags.cancel"),
        Binding("up", "move(-1)", "Previous tag", priority=True, id="tags.up"),
        Binding("down", "move(1)", "Next tag", priority=True, id="tags.down"),
        Binding("pageup", "move(-10)", "Page up", show=False, priority=True, id="tags.pageup"),
        Binding("pagedown", "move(10)", "Page down", show=False, priority=True, id="tags.pagedown"),
        Binding("tab,ctrl+space,ctrl+@", "toggle_mark", "Mark tag", priority=True, id="tags.mark"),
    ]

    def __init__(
        self,
        codebook: Iterable[tuple[str, int]],
        recent: Sequence[str] = (),
        *,
        colours: Mapping[str, str | None] | None = None,
        title: str | None = None,
        current: Sequence[str] | None = None,
        quote: str = "",
    ) -> None:
        super().__init__()
        self.retagging = current is not None
        """True when editing the tags of an existing annotation (``current`` given)."""
        self._current = list(dict.fromkeys(current or ()))
        self._codebook = list(codebook)
        counted = {path for path, _ in self._codebook}
        # A tag of this passage is offered even if the codebook has not counted it yet.
        self._codebook += [(path, 0) for path in self._current if path not in counted]
        self._known = {path for path, _ in self._codebook} | set(recent)
        self._counts = dict(self._codebook)
        self._recent = list(dict.fromkeys(recent))
        self._colours = dict(colours or {})
        self._title = title or ("Tags of this passage" if self.retagging else "Tag this passage")
        self._quote = " ".join(quote.split())
        self._rows: list[_Row] = []
        self._shown_query = ""
        self.marked: list[str] = list(self._current)
        """Tags marked with ``tab`` (or the passage's own tags), in the order marked."""
        self._unmarked: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self._title), id="title")
            if self._quote:
                yield Static(plain(f"“{fit_words(self._quote, QUOTE_CELLS)}”"), id="quote")
            yield Input(placeholder="type to filter or name a new tag", id="query")
            yield Static("", id="message", classes="-empty")
            yield OptionList(id="tags")
            yield Static("", id="marks", classes="-empty")
            hint = (
                "↑/↓ move · tab mark/unmark · enter apply · escape cancel"
                if self.retagging
                else "↑/↓ move · tab mark · enter apply · escape cancel"
            )
            yield Static(plain(hint), id="hint")

    def on_mount(self) -> None:
        self._refresh_list("")
        self.query_one("#query", Input).focus()

    # The list ----------------------------------------------------------------------------

    def _prompt(self, row: _Row) -> Text:
        mark = "✓ " if row.path in self.marked else "  "
        if row.create:
            return Text.assemble(mark, ("+ create ", "bold"), plain(repr(row.path), "bold"))
        colour = tag_colour(row.path, self._colours.get(row.path))
        parts: list[Text | tuple[str, str] | str] = [mark, ("■ ", colour), plain(row.path)]
        count = self._counts.get(row.path)
        if count:
            parts.append((f"  {count}", "dim"))
        if row.path in self._recent:
            parts.append(("  recent", "dim italic"))
        return Text.assemble(*parts)

    def _refresh_list(self, query: str) -> None:
        """Rebuild the list for ``query`` and put the highlight where enter should act."""
        self._shown_query = query
        ranked = rank_tags(query, self._codebook, self._recent)
        if not query.strip() and self._current:
            # The passage's own tags first: they are what the user came to change.
            ranked = [*self._current, *(path for path in ranked if path not in self._current)]
        rows = [_Row(path) for path in ranked]
        self._show_message("")
        new_path: str | None = None
        # A trailing "/" means a path is still being typed: no complaint yet.
        if query.strip() and not query.rstrip().endswith("/"):
            try:
                new_path = normalise_tag(query)
            except StoreError as error:
                self._show_message(str(error))
            if new_path is not None and new_path in self._known:
                new_path = None  # it exists: it is in the list already
        strong = bool(rows) and (match_score(query, rows[0].path) or 0.0) >= 200.0
        if new_path is not None:
            rows.insert(0, _Row(new_path, create=True))
        self._rows = rows
        option_list = self.query_one("#tags", OptionList)
        option_list.set_options(Option(self._prompt(row)) for row in rows)
        if rows:
            # The best literal match if there is one; otherwise creating what was typed.
            option_list.highlighted = 1 if new_path is not None and strong else 0
        self._show_marks()

    def follow_codebook(
        self,
        codebook: Iterable[tuple[str, int]],
        recent: Sequence[str],
        colours: Mapping[str, str | None],
        rename: Callable[[str], str | None],
    ) -> None:
        """The codebook changed elsewhere while the picker is open: offer what is there
        now; a marked (or the passage's own) tag renamed or merged elsewhere takes its
        ``rename``-d name, so it never comes back under the old one; a deleted one (None)
        drops out."""

        def followed(tags: Iterable[str]) -> list[str]:
            return list(dict.fromkeys(t for t in map(rename, tags) if t is not None))

        self._current = followed(self._current)
        self.marked = followed(self.marked)
        self._unmarked = set(followed(self._unmarked))
        self._codebook = list(codebook)
        counted = {path for path, _ in self._codebook}
        self._codebook += [(path, 0) for path in self._current if path not in counted]
        self._recent = list(dict.fromkeys(recent))
        self._known = {path for path, _ in self._codebook} | set(self._recent)
        self._counts = dict(self._codebook)
        self._colours = dict(colours)
        self._refresh_list(self._shown_query)

    def _show_message(self, message: str) -> None:
        widget = self.query_one("#message", Static)
        widget.update(plain(message))
        widget.set_class(not message, "-empty")

    def _show_marks(self) -> None:
        marks = self.query_one("#marks", Static)
        if self.retagging:
            text = self._changes()
            marks.update(text)
            marks.set_class(False, "-empty")
            return
        text = Text("marked: ", style="dim") + plain(", ".join(self.marked)) if self.marked else ""
        marks.update(text)
        marks.set_class(not self.marked, "-empty")

    def _changes(self) -> Text:
        """What enter would do to the passage's tags: kept, added, removed."""
        kept = [path for path in self._current if path in self.marked]
        added = [path for path in self.marked if path not in self._current]
        removed = [path for path in self._current if path not in self.marked]
        parts: list[Text] = []
        for label, paths, style in (
            ("keeps ", kept, ""),
            ("adds ", added, "bold"),
            ("removes ", removed, "strike"),
        ):
            if paths:
                parts.append(Text(label, style="dim") + plain(", ".join(paths), style))
        if not self.marked:
            parts.append(Text("no tags left" if self._current else "no tags yet", style="bold"))
        return Text(" · ", style="dim").join(parts)

    def _catch_up(self) -> None:
        """Show the list for what is typed now.

        Keys reach the Input at once but its Changed message is handled later, so a fast
        typist's (or a paste's) ``tab``/``enter``/``↓`` can arrive before the list
        follows; acting on the stale list would mark or apply the wrong tag.
        """
        query = self.query_one("#query", Input).value
        if query != self._shown_query:
            self._refresh_list(query)

    def _highlighted_row(self) -> _Row | None:
        self._catch_up()
        index = self.query_one("#tags", OptionList).highlighted
        return self._rows[index] if index is not None and index < len(self._rows) else None

    # Actions -----------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self) -> None:
        self._catch_up()

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` rows, stopping at the ends."""
        self.after_typing(self.query_one("#query", Input), lambda: self._move(step))

    def _move(self, step: int) -> None:
        self._catch_up()
        option_list = self.query_one("#tags", OptionList)
        if not self._rows:
            return
        current = option_list.highlighted or 0
        option_list.highlighted = max(0, min(len(self._rows) - 1, current + step))

    def action_toggle_mark(self) -> None:
        """Mark or unmark the highlighted tag, to apply several at once."""
        self.after_typing(self.query_one("#query", Input), self._toggle_mark)

    def _toggle_mark(self) -> None:
        row = self._highlighted_row()
        if row is None:
            return
        if row.path in self.marked:
            self.marked.remove(row.path)
            self._unmarked.add(row.path)
        else:
            self.marked.append(row.path)
            self._unmarked.discard(row.path)
        index = self.query_one("#tags", OptionList).highlighted
        self.query_one("#tags", OptionList).replace_option_prompt_at_index(
            index or 0, self._prompt(row)
        )
        self._show_marks()

    @on(Input.Submitted, "#query")
    def _apply(self) -> None:
        row = self._highlighted_row()
        query = self.query_one("#query", Input).value
        if row is None and query.strip():
            # What is typed matches no tag and cannot be created: say why, stay open.
            try:
                normalise_tag(query)
            except StoreError as error:
                self._show_message(str(error))
            else:
                self._show_message(f"no tag matches {query.strip()!r}")
            return
        chosen = list(self.marked)
        # The highlighted tag is applied too, unless the user has just unmarked it.
        if row is not None and row.path not in chosen and row.path not in self._unmarked:
            chosen.append(row.path)
        if not chosen and not self.retagging:
            self._show_message("type a tag name, or pick one with ↑/↓")
            return
        # Retagging: the whole new set, which is empty when every tag was unmarked.
        self.dismiss(chosen)

    @on(OptionList.OptionSelected, "#tags")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#tags", OptionList).highlighted = event.option_index
        self._apply()

    def action_cancel(self) -> None:
        """Close without tagging (a retag leaves the passage's tags as they were)."""
        self.dismiss(None)
