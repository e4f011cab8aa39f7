"""A small team database for the report tests: two coders, a tree of codes with
descriptions and colours, and hostile text wherever text comes from outside (an
interview's file name and words, tag names, descriptions, notes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED

HOSTILE_NAME = "<i>talk & \"x\" 'y'"
"""An interview's file name (so its id and, with no title found, its title)."""
HOSTILE_TEXT = (
    'A talk about <b>bold</b> & "quotes"\n\n'
    "Q: What about <script>alert(1)</script> & the | pipe?\n\n"
    "A: We said \"yes\" & 'no' | *star* _under_ `tick` and <img src=x onerror=alert(1)>.\n\n"
    "- a dash line\n1. numbered line\n\n"
    "Q: And the second question?\n\n"
    "A: A plain answer about growth and jobs, with nothing odd in it at all.\n"
)
HOSTILE_NOTE = (
    "<script>alert('note')</script> & \"q\" 'q' | *b* _i_ `c` @cite $x$ \x1b[31mred\x1b[0m"
)
HOSTILE_TAG = 'odd/<b>&amp;"tag"'
HOSTILE_DESCRIPTION = "Described with <script>x()</script> & | \x07bell"


@dataclass(frozen=True)
class Team:
    db: Path
    hostile: Interview
    seed: Interview


def make_team(folder: Path) -> Team:
    """Two coders (ana, bob) coding the hostile interview and a bundled one."""
    hostile_file = folder / f"{HOSTILE_NAME}.txt"
    hostile_file.write_text(HOSTILE_TEXT, encoding="utf-8")
    hostile, seed = load_interview(hostile_file), load_interview(CLEAN_SEED)
    db = folder / "team.json"
    said = hostile.text.index("We said")
    numbered = hostile.text.index("numbered line") + len("numbered line")
    plain = hostile.text.index("A plain answer")
    first = seed.outline.questions[0].answer.start
    second = seed.outline.questions[1].answer.start
    with AnnotationStore.open(db) as store:
        store.set_tag("policy", description="What government does or should do.", colour="#4e79a7")
        store.set_tag("policy/tax", colour="dark_green")
        store.set_tag(HOSTILE_TAG, description=HOSTILE_DESCRIPTION)
        store.set_tag("never/used", description="In the codebook, on no passage.")
        store.add(hostile, said, numbered, tags=["policy/tax", HOSTILE_TAG], note=HOSTILE_NOTE,
                  author="ana")  # fmt: skip
        store.add(hostile, said, numbered - 20, tags=["policy/tax"], author="bob")
        store.add(hostile, plain, plain + 30, tags=["economy"], note="jobs", author="bob")
        store.add(seed, first, first + 120, tags=["policy", "economy"], author="ana")
        store.add(seed, first + 10, first + 100, tags=["policy"], note="agree", author="bob")
        store.add(seed, second, second + 80, tags=["economy"], author="ana")
    return Team(db, hostile, seed)
