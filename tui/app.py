"""The gloss Textual app and the factory the CLI and the tests share.

``make_app`` takes interviews that are already loaded and a store that is already open:
everything that can fail on bad input has failed (as one line on stderr) before the app
starts, so the app itself only deals with what happens while it runs.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from corpus import Interview
from tui.keys import COMPARE, READER, SCREEN, remapped
from tui.screens.main import MainScreen
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from store import Store
    from tui.screens.compare import CompareScreen

#: Seconds after the app mounts that the garbage collector stays paused (see ``run``):
#: the first frame is out and the screen has settled well before.
COLLECTOR_PAUSE = 1.0


class GlossApp(App[None]):
    """Read and annotate interviews."""

    TITLE = "gloss"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        interviews: Sequence[Interview],
        store: Store,
        *,
        author: str,
        db_path: Path | None = None,
        keymap: Mapping[str, str] | None = None,
        compare: tuple[str, str] | None = None,
        others: str = "ask",
    ) -> None:
        super().__init__()
        self.keymap: Mapping[str, str] = dict(keymap or {})
        """The user's keymap (binding id to keys), shown by the help and the palette too."""
        self.set_keymap(self.keymap)
        # The main screen owns the session's state; the app only knows how to make it.
        self._make_main_screen = partial(
            MainScreen, interviews, store, author=author, db_path=db_path, others=others
        )
        self._compare = (interviews[0], compare) if compare and interviews else None
        self._collector_paused = False

    def on_mount(self) -> None:
        if self._collector_paused:
            self.set_timer(COLLECTOR_PAUSE, self._resume_collector, name="collector")
        if self._compare is not None:
            interview, coders = self._compare
            self.main.compare(coders, interview)

    def run(self, **options: Any) -> None:
        """Run the app (``options`` as for ``App.run``), the start-up heap set aside first.

        Everything built before the first frame (modules, the interviews, the open store)
        lives as long as the app. ``gc.freeze`` moves it out of the garbage collector's
        way, as CPython's documentation advises for long-lived start-up state: without it
        each full collection while the screen is first drawn, and the last one at exit,
        walk every object Python, Textual and the interviews ever made (close to a tenth
        of the time to the first paint, measured). The heap is given back to the
        collector when the app ends, so nothing outlives it uncollectable.

        The collector is also paused while the first frame is built and drawn (the
        widgets, styles and strips of the first screen are young objects that live on;
        collecting among them costs close to a tenth of the first paint again, measured),
        and resumes :data:`COLLECTOR_PAUSE` seconds after the app mounted.
        """
        gc.freeze()
        self._collector_paused = gc.isenabled()
        gc.disable()
        try:
            return super().run(**options)
        finally:
            self._resume_collector()
            gc.unfreeze()

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def get_default_screen(self) -> Screen[None]:
        return self._make_main_screen()

    @property
    def main(self) -> MainScreen:
        """The main screen (under any dialog that is open)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every gloss action, so the command palette can do what the keys do."""
        yield from super().get_system_commands(screen)
        from tui.screens.compare import CompareScreen
        from tui.screens.findings_base import FindingsScreen

        if isinstance(screen, CompareScreen):
            yield from _commands_of(screen, remapped(COMPARE, self), remapped(READER, self))
            return
        if isinstance(screen, FindingsScreen):  # its own keys, not the reader's underneath
            for binding in remapped([b for b in screen.BINDINGS if isinstance(b, Binding)], self):
                yield SystemCommand(
                    _title(binding), f"key {_key(binding)}", _runner(screen, binding.action)
                )
            return
        main = self.main
        screen_keys, reader_keys = remapped(SCREEN, self), remapped(READER, self)
        quick_tags = [b for b in screen_keys if b.action.startswith("quick_tag")]
        for binding in screen_keys:
            if binding not in quick_tags:
                yield SystemCommand(
                    _title(binding), f"key {_key(binding)}", _runner(main, binding.action)
                )
        for binding in reader_keys:
            yield SystemCommand(
                _title(binding),
                f"key {_key(binding)} (in a reader)",
                _reader_runner(main, binding.action),
            )
        # Last, and named by their tag: nine "Apply recent tag N" entries at the top of
        # the palette would bury everything else.
        for number, binding in enumerate(quick_tags, start=1):
            recent = main.recent_tags[number - 1] if number <= len(main.recent_tags) else None
            yield SystemCommand(
                f"{_title(binding)}: {recent or '(none yet)'}",
                f"key {_key(binding)}",
                _runner(main, binding.action),
            )


def _commands_of(
    screen: CompareScreen, keys: list[Binding], reader_keys: list[Binding]
) -> Iterable[SystemCommand]:
    """The comparison screen's actions, and the reader's (run on its focused side)."""
    for binding in keys:
        yield SystemCommand(
            _title(binding), f"key {_key(binding)}", _runner(screen, binding.action)
        )
    for binding in reader_keys:
        yield SystemCommand(
            _title(binding),
            f"key {_key(binding)} (both sides)",
            _focused_runner(lambda: screen.reader, binding.action),
        )


def _title(binding: Binding) -> str:
    return binding.description or binding.action


def _key(binding: Binding) -> str:
    names = {
        "right_square_bracket": "]",
        "left_square_bracket": "[",
        "right_curly_bracket": "}",
        "left_curly_bracket": "{",
        "slash": "/",
        "question_mark": "?",
        "number_sign": "#",
    }
    return ", ".join(names.get(k, k) for k in binding.key.split(","))


def _runner(screen: Screen[Any], action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await screen.run_action(action)

    return run


def _reader_runner(main: MainScreen, action: str) -> Callable[[], Awaitable[None]]:
    return _focused_runner(lambda: main.reader, action)


def _focused_runner(reader_of: Callable[[], Reader], action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        reader = reader_of()
        await reader.run_action(action)
        reader.focus()

    return run


def make_app(
    interviews: Sequence[Interview],
    store: Store,
    *,
    author: str,
    db_path: Path | None = None,
    keymap: Mapping[str, str] | None = None,
    compare: tuple[str, str] | None = None,
    others: str = "ask",
) -> GlossApp:
    """The app for these interviews (the first two are shown) over an open store.

    ``keymap`` maps binding ids (``tui.keys``) to the keys the user chose for them. With
    ``compare`` (two coders), it opens comparing their codings of the first interview.
    ``others`` is what ``a`` and ``d`` do on another coder's annotation (``ask``/``refuse``).
    """
    return GlossApp(
        interviews, store, author=author, db_path=db_path, keymap=keymap, compare=compare,
        others=others,
    )  # fmt: skip
