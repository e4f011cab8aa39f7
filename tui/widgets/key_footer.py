"""Textual's key footer, without the work it repeats at every start and focus change.

Textual's ``Footer`` throws its keys away and builds them again each time the screen's
bindings change: at start-up they change several times in a row (mount, first focus,
...), and again on every focus change, even when the keys shown stay the same. Each
rebuild mounts and styles a dozen widgets, and each new ``FooterKey`` starts compact and
is then made wide by a data binding, so its styles are worked out twice. This footer
looks and behaves the same; its first keys are built in time for the first frame (not
after it, which costs a second frame), later ones once per burst of changes and only
when what it shows changed, and its keys start in the footer's own style.

It leans on ``Footer``'s internals (``FooterKey``, ``_bindings_ready``, the keys' data
binding), all through ``tui.textual_private``, which says what to recheck when upgrading
Textual.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tui.textual_private import (
    FooterKey,
    bindings_ready,
    is_compact_bound,
    mark_bindings_ready,
)


class KeyFooter(Footer):
    """The bindings of the focused widget and the screen, one row, as ``Footer`` shows them."""

    _rebuild_pending = False
    _shown: Hashable = None
    """What the keys were last built from (see ``_what_to_show``)."""

    def compose(self) -> ComposeResult:
        compact = self.compact
        if bindings_ready(self):
            self._shown = self._what_to_show()
        # Keys inside a binding group pass through here too (Textual's compose stack
        # files them under their group), so every key is seen.
        for widget in super().compose():
            if isinstance(widget, FooterKey) and is_compact_bound(widget):
                # Set before mounting, so the data binding to ``compact`` finds nothing
                # to change and no second style pass is needed. (A key that is not bound,
                # the command palette's, keeps Textual's look: compact.)
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        mark_bindings_ready(self)
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._request_rebuild()

    def watch_compact(self) -> None:
        # Footer builds its keys for one look: a resize across the narrow width (the
        # screen sets ``compact`` and ``show_command_palette``) needs them built again,
        # or the wide keys stay and the last ones fall off an 80-column line.
        if bindings_ready(self) and self.is_attached:
            self._request_rebuild()

    def watch_show_command_palette(self) -> None:
        self.watch_compact()

    def _request_rebuild(self) -> None:
        """Build the keys again once this burst of changes is over."""
        if not self._rebuild_pending:
            self._rebuild_pending = True
            if self._shown is None:
                self.call_later(self._rebuild)  # the first keys: in time for the first frame
            else:
                self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._what_to_show() != self._shown:
            await self.recompose()

    def _what_to_show(self) -> Hashable:
        """Everything ``Footer.compose`` reads: equal values mean identical keys."""
        app = self.app
        shown = tuple(
            (
                key,
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.show,
                binding.group,
                enabled,
                tooltip,
            )
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )
        palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        return shown, palette, app.COMMAND_PALETTE_BINDING, self.compact
