"""Make docs/screenshot.svg: gloss on the bundled interviews with a few annotations.

Run with ``.venv/bin/python docs/screenshot.py``; a throwaway database is used.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from corpus import bundled_paths, load_interview
from store import AnnotationStore
from tui.app import make_app

HERE = Path(__file__).resolve().parent
PASSAGES = (
    (1, "The first is to increase the supply and implementation of policies", ["policy/supply"]),
    (1, "stabilize the fundamentals of industrial growth", ["economy/growth"]),
    (0, "my country's industry has generally continued to recover steadily", ["economy/growth"]),
    (0, "The first is to create a level playing field.", ["policy/fair-competition"]),
)


def main() -> None:
    os.environ.setdefault("GLOSS_CACHE_DIR", "off")
    interviews = [load_interview(path) for path in bundled_paths()]
    with tempfile.TemporaryDirectory() as folder:
        store = AnnotationStore.open(Path(folder) / "annotations.json")
        for index, quote, tags in PASSAGES:
            interview = interviews[index]
            start = interview.text.index(quote)
            store.add(interview, start, start + len(quote), tags=tags, author="ana")
        app = make_app(interviews, store, author="ana", db_path=store.path)

        async def shoot(pilot) -> None:  # type: ignore[no-untyped-def]
            await pilot.pause()
            await pilot.press("j", "j", "j", "v", "j")
            await pilot.pause()
            app.save_screenshot(filename="screenshot.svg", path=str(HERE))
            app.exit()

        app.run(headless=True, size=(160, 45), auto_pilot=shoot)
        store.close()
    print(HERE / "screenshot.svg")


if __name__ == "__main__":
    main()
