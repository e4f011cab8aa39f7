"""Every use gloss makes of Textual's private API, in one place (Textual is pinned exactly).

Nothing else in ``tui/`` or ``tests/`` may import a private Textual module or touch a
private Textual attribute (``tests/test_textual_private.py`` checks). On a Textual
upgrade, recheck each item below against the new Textual source, then run
``tests/test_tui_startup.py`` (footer keys follow focus), ``tests/test_tui_outline_resize.py``
(the outline keeps its lines on a resize) and the snapshot tests:

- ``textual.widgets._footer.FooterKey``: still the class of each key ``Footer.compose``
  yields, with a ``compact`` reactive that ``Footer`` data-binds (``data_bind``), which
  shows in ``FooterKey._reactive_connect`` (used by ``tui.widgets.key_footer``).
- ``Footer._bindings_ready``: still the flag ``Footer.bindings_changed`` sets before
  ``Footer.compose`` shows any key (``KeyFooter`` overrides ``bindings_changed``).
- ``Tree._line_cache``: still an ``LRUCache`` of drawn lines keyed by width and position,
  with ``grow`` (``tui.widgets.outline`` keeps it across a height-only resize).
- ``ScrollView._size_updated(size, virtual_size, container_size, layout)``: still called
  by the screen after every layout with the widget's content region as ``virtual_size``,
  and still reading only ``self.virtual_size`` for the scrollbars (``SteadyScrollbars``).
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widgets import Footer, Tree
from textual.widgets._footer import FooterKey

__all__ = [
    "FooterKey",
    "SteadyScrollbars",
    "bindings_ready",
    "grow_line_cache",
    "is_compact_bound",
    "mark_bindings_ready",
]


def bindings_ready(footer: Footer) -> bool:
    """Whether ``footer`` has been told the screen's bindings (it shows nothing before)."""
    return bool(footer._bindings_ready)


def mark_bindings_ready(footer: Footer) -> None:
    """What ``Footer.bindings_changed`` does first, for a footer that overrides it."""
    footer._bindings_ready = True


def is_compact_bound(key: FooterKey) -> bool:
    """Whether the footer data-binds ``compact`` on this key (the command palette's it does not)."""
    return "compact" in (key._reactive_connect or {})


def grow_line_cache(tree: Tree[Any], height: int) -> None:
    """Keep ``tree``'s drawn lines for at least ``height`` rows (they are keyed by width)."""
    tree._line_cache.grow(height)


class SteadyScrollbars(ScrollView):
    """A ``ScrollView`` whose scrollbars are redrawn when its size or its scroll range
    changed, not after every layout of the screen.

    After a layout the screen hands each widget its content region as ``virtual_size``;
    a ``ScrollView`` keeps its own, so the two never match, and ``ScrollView`` takes that
    for a change at every layout and redraws its scrollbars: two more frames while the
    reader starts, and one after any other widget's layout. Its own virtual size is what
    it reads anyway; given that, only a real change counts: of its size, or of its own
    virtual size since the last layout (set by the widget, which asks for a layout).
    """

    _laid_out_for: Size | None = None
    """Its own virtual size at the last layout."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        own = self.virtual_size
        if own != self._laid_out_for:  # changed since: as ScrollView does it
            self._laid_out_for = own
            return super()._size_updated(size, virtual_size, container_size, layout)
        return super()._size_updated(size, own, container_size, layout)
