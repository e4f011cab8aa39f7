"""A headless Chromium driven over the DevTools protocol, for the ``gloss serve`` tests.

No Playwright or Selenium (they download browsers of their own): Debian's ``chromium``
is started with ``--remote-debugging-port=0`` and spoken to over a websocket (aiohttp,
which textual-serve brings). The page's websocket is wrapped before the page loads so the
test can read what the terminal was sent, since xterm.js draws on a canvas.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import re
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]

#: Collects, decoded, every binary message the page's websockets receive (the terminal's
#: output) in ``window.__terminalOutput``; injected before any script of the page runs.
RECORD_TERMINAL = """
window.__terminalOutput = "";
const decoder = new TextDecoder();
const Original = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Original(...args);
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") {
      window.__terminalOutput += decoder.decode(new Uint8Array(event.data), {stream: true});
    }
  });
  return socket;
};
window.WebSocket.prototype = Original.prototype;
"""

_ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def plain(terminal_output: str) -> str:
    """The text in a terminal's output, its escape sequences taken out."""
    return _ESCAPE.sub("", terminal_output)


class Page:
    """One browser tab, spoken to over the DevTools protocol."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self.requested: list[str] = []
        """Every URL the page asked for (documents, scripts, fonts, websockets...)."""

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command, return its result (events that come first are recorded)."""
        call_id = next(self._ids)
        await self._socket.send_json({"id": call_id, "method": method, "params": params})
        while True:
            message = json.loads((await self._socket.receive(timeout=30)).data)
            if message.get("method") == "Network.requestWillBeSent":
                self.requested.append(message["params"]["request"]["url"])
            elif message.get("method") == "Network.webSocketCreated":
                self.requested.append(message["params"]["url"])
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def terminal_text(self) -> str:
        return plain(await self.evaluate("window.__terminalOutput || ''") or "")

    async def focus_terminal(self) -> None:
        """Click into the terminal, as a user would before typing."""
        for kind in ("mousePressed", "mouseReleased"):
            await self.call(
                "Input.dispatchMouseEvent", type=kind, x=600, y=300, button="left", clickCount=1
            )

    async def type(self, key: str) -> None:
        """Type one printable key into the focused element."""
        await self.call("Input.dispatchKeyEvent", type="keyDown", key=key, text=key)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key)

    async def screenshot(self, path: Path) -> None:
        data = (await self.call("Page.captureScreenshot", format="png"))["data"]
        path.write_bytes(base64.b64decode(data))


@contextlib.asynccontextmanager
async def chromium_page(width: int = 1280, height: int = 800) -> AsyncIterator[Page]:
    """A fresh headless Chromium (own profile) with one blank tab; killed on exit."""
    with tempfile.TemporaryDirectory(prefix="gloss-chromium-") as profile:
        process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        try:
            port = await _devtools_port(Path(profile) / "DevToolsActivePort", process)
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
                    targets = await response.json()
                tab = next(t for t in targets if t["type"] == "page")
                async with http.ws_connect(tab["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    page = Page(ws)
                    await page.call("Network.enable")
                    await page.call("Page.enable")
                    # A headless tab is never the focused window: pretend it is, as on a desk.
                    await page.call("Emulation.setFocusEmulationEnabled", enabled=True)
                    await page.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_TERMINAL)
                    yield page
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


async def _devtools_port(path: Path, process: subprocess.Popen[bytes]) -> int:
    """The port Chromium chose, from the file it writes once it listens (bounded wait)."""
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with {process.returncode}")
        if path.is_file() and path.read_text().strip():
            return int(path.read_text().splitlines()[0])
        await asyncio.sleep(0.1)
    raise RuntimeError("chromium did not open its DevTools port within 30 s")
