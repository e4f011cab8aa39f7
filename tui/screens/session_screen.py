"""A screen over a reading session: its store calls in thread workers.

Loading, the one-second watch for other processes' changes and every save run in
workers, so the UI never waits on the disk; what the session answers is applied on the
UI thread by the screen's ``_apply``. ``q`` waits (bounded) for saves still running.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress

from textual import work
from textual.screen import Screen

from tui.session import Edit, Session, Update
from tui.widgets.status import StatusLine

#: How long ``q`` waits for changes still being written before it quits anyway (seconds).
QUIT_WAIT = 15.0


class SessionScreen(Screen[None]):
    """The base of the main screen: runs its :class:`Session`'s store calls."""

    session: Session
    _comparing = False
    """An open comparison watches the store itself; this screen's watch rests meanwhile."""

    def _apply(self, update: Update) -> None:
        """Show what an operation of the session changed (on the UI thread)."""
        raise NotImplementedError

    def _asked(self) -> None:
        """The user asked for a change (before it is saved); the screen may show so."""

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Read everything again (at the start, after another process's change, an error)."""
        self.app.call_from_thread(self._apply, self.session.load())

    def _poll(self) -> None:
        # An open comparison watches the store itself (two watchers of one store would
        # each miss the changes the other saw first); this screen reloads when it closes.
        if not self._comparing:
            self._sync()

    @work(thread=True, exclusive=True, group="sync")
    def _sync(self) -> None:
        update = self.session.refresh()
        if update is not None:
            self.app.call_from_thread(self._apply, update)

    def _do(self, asked: Edit | Update | None) -> None:
        """Start saving an :class:`Edit` (in a worker), or apply an :class:`Update`."""
        self._asked()
        if isinstance(asked, Edit):
            self.query_one(StatusLine).update_status(save="saving", message=asked.describe)
            self._save(asked)
        elif asked is not None:
            self._apply(asked)

    @work(thread=True, group="changes")
    def _save(self, edit: Edit) -> None:
        self.app.call_from_thread(self._apply, self.session.save(edit))

    async def action_quit(self) -> None:
        """Quit; a change still being written is waited for (bounded), never dropped."""
        pending = [w for w in self.app.workers if w.group == "changes" and not w.is_finished]
        if pending:
            self.query_one(StatusLine).update_status(save="saving", message="saving, then quitting")
            with suppress(TimeoutError):
                await asyncio.wait_for(
                    asyncio.gather(*(w.wait() for w in pending), return_exceptions=True),
                    timeout=QUIT_WAIT,
                )
        self.app.exit()
