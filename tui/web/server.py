"""textual-serve's server, made to work offline and behind any address.

textual-serve runs one reader process per browser tab and relays its screen over a
websocket. Two things of its own page are changed here: the page loads its font from the
package's static files instead of Google Fonts (``app_index.html`` beside this module), and
the page's URLs are taken from the address the browser used, not from ``--host`` (a page
served on ``0.0.0.0`` would otherwise tell the browser to connect to ``ws://0.0.0.0``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).resolve().parent
"""Where ``app_index.html``, gloss's copy of textual-serve's page, is."""


class GlossServer(Server):
    """Serves ``command`` (the reader's command line) to browsers on ``host:port``."""

    def __init__(self, command: str, *, host: str, port: int, title: str = "gloss") -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)

    def initialize_logging(self) -> None:
        """No request log: the terminal running ``gloss serve`` says only what matters."""

    async def on_startup(self, app: web.Application) -> None:
        print(f"gloss serve: the reader is at {self.public_url} (Ctrl+C stops it)", flush=True)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, its URLs on the host and scheme the browser asked for."""
        secure = request.secure
        base = f"{'https' if secure else 'http'}://{request.host}"
        websocket = f"{'wss' if secure else 'ws'}://{request.host}"
        router = request.app.router
        return {
            "font_size": _font_size(request.query.get("fontsize", "16")),
            "app_websocket_url": websocket + str(router["websocket"].url_for()),
            "config": {"static": {"url": base + "/static/"}},
            "application": {"name": self.title},
        }


def _font_size(value: str) -> int:
    try:
        return max(6, min(int(value), 64))
    except ValueError:
        return 16


def serve(command: str, *, host: str, port: int) -> None:
    """Serve until Ctrl+C or SIGTERM; OSError if ``host:port`` cannot be listened on."""
    GlossServer(command, host=host, port=port).serve()
    sys.stdout.flush()
