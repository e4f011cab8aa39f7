"""Every use gloss makes of Textual's private API, in one place (Textual is pinned exactly).

Nothing else in ``tui/`` or ``tests/`` may import a private Textual module or touch a
private Textual attribute (``tests/test_textual_private.py`` checks). On a Textual
upgrade, recheck each item below against the new Textual source, then run
``tests/test_tui_startup.py`` (footer keys follow focus, the outline keeps its lines on a
resize) and the snapshot tests:

- ``textual.widgets._footer.FooterKey``: still the class of each key ``Footer.compose``
  yields, with a ``compact`` reactive that ``Footer`` data-binds (``data_bind``), which
  shows in ``FooterKey._reactive_connect`` (used by ``tui.widgets.key_footer``).
- ``Footer._bindings_ready``: still the flag ``Footer.bindings_changed`` sets before
  ``Footer.compose`` shows any key (``KeyFooter`` overrides ``bindings_changed``).
- ``Tree._line_cache``: still an ``LRUCache`` of drawn lines keyed by width and position,
  with ``grow`` (``tui.widgets.outline`` keeps it across a height-only resize).
- ``Tree._tree_lines``: still the list of ``_TreeLine`` (with ``.node``) in display order
  (tests read the outline's lines as drawn).
- ``App._notifications``: still the ``Notifications`` the app shows, iterable, each with
  ``severity`` (tests count error notifications).
- ``App._driver``: still the driver whose ``send_message`` queues an input event as a
  terminal would, without waiting for it to be handled (tests send key bursts).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.driver import Driver
from textual.notifications import Notification
from textual.widgets import Footer, Tree
from textual.widgets._footer import FooterKey

__all__ = [
    "FooterKey",
    "bindings_ready",
    "driver",
    "grow_line_cache",
    "is_compact_bound",
    "mark_bindings_ready",
    "notifications",
    "tree_lines",
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


def tree_lines(tree: Tree[Any]) -> list[Any]:
    """The lines of ``tree`` in display order, each with its ``.node``."""
    return list(tree._tree_lines)


def notifications(app: App[Any]) -> Iterable[Notification]:
    """The notifications ``app`` is showing or about to show."""
    return list(app._notifications)


def driver(app: App[Any]) -> Driver:
    """The running app's driver (to queue input events as a terminal does)."""
    running = app._driver
    assert running is not None, "the app is not running"
    return running
