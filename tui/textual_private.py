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
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer, Tree
from textual.widgets._footer import FooterKey

__all__ = [
    "FooterKey",
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
