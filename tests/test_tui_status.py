"""The status line keeps the latest message visible even in an 80-column window."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.status import StatusLine

LONG_TITLE = "Go all out to stabilize the industry and solidly forge new advantages"


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusLine()


async def test_a_message_shows_at_80_columns_and_the_title_gives_way() -> None:
    app = Host()
    async with app.run_test(size=(80, 3)) as pilot:
        status = app.query_one(StatusLine)
        status.update_status(
            interview=LONG_TITLE,
            question=2,
            questions=4,
            annotations=12,
            author="ana",
            message="undid retag -trust",
        )
        await pilot.pause()
        line = status.render_status().plain
        assert len(line) <= status.content_region.width
        assert "undid retag -trust" in line
        assert "saved" in line and "Q 2 of 4" in line
        assert line.startswith("Go all out")  # shortened, not dropped


async def test_without_a_message_the_title_gets_the_room() -> None:
    app = Host()
    async with app.run_test(size=(160, 3)) as pilot:
        status = app.query_one(StatusLine)
        status.update_status(interview=LONG_TITLE, questions=4, author="ana")
        await pilot.pause()
        assert LONG_TITLE[:40] in status.render_status().plain
