"""The frame every gloss dialog shares: a box centred over the screen, a title, a hint.

Each dialog (tag picker, note editor, export, interview chooser, confirm, help) is a
``ModalScreen`` that draws a ``Vertical#dialog`` with a ``#title`` on top and usually a
``#hint`` line of keys at the bottom. Their looks belong together, so they are written
once here; a dialog's own ``DEFAULT_CSS`` only says what differs (its width, its parts),
and wins over these rules because Textual ranks a subclass's CSS above its base's.

It also holds the one timing rule every dialog with a text box needs: see
:meth:`Dialog.after_typing`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import ModalScreen
from textual.widget import Widget

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal dialog in gloss's common frame; subclasses compose ``Vertical(id="dialog")``."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > #dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: thick $primary;
        background: $surface;
    }
    Dialog #title {
        width: 100%;
        text-style: bold;
        padding: 0 1;
    }
    Dialog #message {
        color: $error;
        padding: 0 1;
        height: auto;
    }
    Dialog #message.-empty {
        display: none;
    }
    Dialog #hint {
        width: 100%;
        color: $text-muted;
        padding: 0 1;
    }
    /* A highlighted choice must show without colour too (NO_COLOR, 16 colours). */
    Dialog OptionList > .option-list--option-highlighted {
        text-style: bold underline;
    }
    """

    def after_typing(self, box: Widget, callback: Callable[[], object]) -> None:
        """Call ``callback`` once ``box`` has taken every key sent to it before now.

        A priority binding (``ctrl+s``, ``tab``, ``↑``) runs as soon as the app reads its
        key, but the keys typed just before it may still wait in the text box's queue (a
        paste, a fast typist, keys sent through tmux): acting at once would save or match
        what the box held a moment ago and lose the rest. The callback is queued behind
        those keys instead.
        """
        box.call_later(callback)
