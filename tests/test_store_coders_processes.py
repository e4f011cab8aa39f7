"""Several coders on one database at once, as separate processes (issue 9's "Done means").

Each scenario runs real child processes (Python writers and the real ``gloss`` command
line) against a real database file, or a real PostgreSQL server; nothing is mocked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from corpus import load_interview
from store import open_store
from store.history import History
from tests.backends import any_db
from tests.conftest import CLEAN_SEED, ROOT, run_gloss

SEED = "004_2a78cebe821b9ac3"
QUOTE = "stabilize the industry"
CODERS = 6
TAGS_EACH = 15


def gloss(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    result = run_gloss(*args)
    assert result.returncode == 0, result.stderr
    return result


def python(script: str, *args: str) -> subprocess.Popen[str]:
    """Start a child Python process running ``script`` with ``args`` as ``sys.argv[1:]``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args], cwd=ROOT, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


CODER = """
    import sys
    from pathlib import Path
    from corpus import load_interview
    from store import open_store

    db, coder, count, seed, quote = sys.argv[1], sys.argv[2], int(sys.argv[3]), *sys.argv[4:]
    interview = load_interview(Path(seed))
    start = interview.text.index(quote)
    with open_store(db) as store:
        for number in range(count):
            store.add(interview, start, start + len(quote), tags=[f"{coder}/t{number}"],
                      author=coder)
    print("done", flush=True)
"""


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A TinyDB file, or a new database on a PostgreSQL server (the tests run over both)."""
    return any_db(request, backend, tmp_path / "team.json")


def test_six_coders_tagging_one_passage_at_once_each_keep_their_own(db: Path | str) -> None:
    open_store(db).close()
    coders = [f"w{number}" for number in range(CODERS)]
    writers = [
        python(CODER, str(db), coder, str(TAGS_EACH), str(CLEAN_SEED), QUOTE) for coder in coders
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out == "done\n", err

    with open_store(db) as store:
        annotations = store.annotations()
    assert sum(len(a.tags) for a in annotations) == CODERS * TAGS_EACH
    assert all(tag.startswith(a.author + "/") for a in annotations for tag in a.tags)
    for coder in coders:
        listed = json.loads(gloss("list", "--author", coder, "--json", "--db", str(db)).stdout)
        assert [a["author"] for a in listed] == [coder]  # one annotation of the passage
        assert sorted(listed[0]["tags"]) == sorted(f"{coder}/t{n}" for n in range(TAGS_EACH))
        assert listed[0]["quote"] == QUOTE and listed[0]["revision"] == TAGS_EACH


def test_a_rename_from_another_process_and_a_tag_added_in_the_picker_both_stay(
    db: Path | str,
) -> None:
    interview = load_interview(CLEAN_SEED)
    start = interview.text.index(QUOTE)
    with open_store(db) as store:
        history = History(store)
        added = history.add(interview, start, start + len(QUOTE), tags=["econ"], author="ann")
        assert added is not None
        seen = added.annotation  # the picker opens on these tags
        gloss("tags", "rename", "econ", "economy", "--db", str(db))
        picked = ["econ", "mine"]  # the picker still shows "econ"; the user adds "mine"
        history.update(
            seen.id,
            add=[t for t in picked if t not in seen.tags],
            remove=[t for t in seen.tags if t not in picked],
        )
    listed = json.loads(gloss("list", "--json", "--db", str(db)).stdout)
    assert [a["tags"] for a in listed] == [["economy", "mine"]]


def test_undo_takes_back_only_the_readers_tag_not_one_added_from_the_command_line(
    db: Path | str,
) -> None:
    interview = load_interview(CLEAN_SEED)
    start = interview.text.index(QUOTE)
    with open_store(db) as store:
        history = History(store)
        history.add(interview, start, start + len(QUOTE), tags=["reader"], author="ann")
        gloss("annotate", SEED, "--quote", QUOTE, "--tag", "cli", "--author", "ann",
              "--db", str(db))  # fmt: skip
        undone = history.undo()
        assert undone is not None and undone.step.describe == "add reader"
    listed = json.loads(gloss("list", "--json", "--db", str(db)).stdout)
    assert [(a["author"], a["tags"]) for a in listed] == [("ann", ["cli"])]


NOTE_WRITER = """
    import sys
    from store import NoteConflict, open_store

    db, annotation_id, mine = sys.argv[1:]
    with open_store(db) as store:
        seen = store.get(annotation_id).note  # the editor opens
        print("ready", flush=True)
        sys.stdin.readline()  # the user types, then saves when told to
        try:
            store.set_note(annotation_id, old=seen, new=mine)
        except NoteConflict as conflict:
            print("conflict", conflict.current.note, flush=True)
        else:
            print("saved", flush=True)
"""


def test_two_processes_saving_one_note_lose_neither_text(db: Path | str) -> None:
    interview = load_interview(CLEAN_SEED)
    start = interview.text.index(QUOTE)
    with open_store(db) as store:
        made = store.add(interview, start, start + len(QUOTE), note="draft", author="ann")
    editors = {text: python(NOTE_WRITER, str(db), made.annotation.id, text) for text in "AB"}
    for editor in editors.values():
        assert editor.stdout is not None and editor.stdout.readline() == "ready\n"
    for editor in editors.values():  # both save from "draft", as close together as we can
        assert editor.stdin is not None
        editor.stdin.write("\n")
        editor.stdin.flush()
    said = {text: editor.communicate(timeout=60)[0].split() for text, editor in editors.items()}
    winner = next(text for text, words in said.items() if words == ["saved"])
    loser = "B" if winner == "A" else "A"
    assert said[loser] == ["conflict", winner]  # told, and shown the other text
    with open_store(db) as store:
        kept = store.get(made.annotation.id)
    assert kept is not None and kept.note == winner  # the loser's text is still in their editor
