"""Who speaks and who asks, in the reader: the status line names the speaker at the cursor,
the outline the asker of each question, ``I`` sets who asks (remembered per interview) and
``gloss --interviewer NAME`` does for one run."""

from __future__ import annotations

import json
from pathlib import Path

from corpus import load_interview
from store import AnnotationStore
from tests.conftest import ROOT, run_gloss, screen_lines, wait_until
from tui.app import make_app
from tui.interviewers import remember, remembered, state_path, with_interviewers

ORAL_HISTORY = ROOT / "tests" / "transcripts" / "oral_history_nasa_shepard_1998.txt"


def _status(app: object) -> str:
    """The status line: the one that says whose work is saved."""
    return next((ln for ln in screen_lines(app) if "by tester" in ln), "")  # type: ignore[arg-type]


async def test_the_status_line_and_outline_say_who_speaks_and_i_sets_who_asks(
    tmp_path: Path,
) -> None:
    interview = load_interview(ORAL_HISTORY)
    assert interview.outline.askers == ("NEAL",)
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app([interview], store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("right_square_bracket")  # the first question
        await wait_until(pilot, lambda: "NEAL asks" in _status(app), what="the asker named")
        assert any("Q1 NEAL: " in line for line in screen_lines(app))  # the outline too
        await pilot.press("I")
        await wait_until(pilot, lambda: any("Who asks in" in ln for ln in screen_lines(app)))
        assert any("NEAL  (asks now)" in line for line in screen_lines(app))
        await pilot.press("down", "down", "enter")  # SHEPARD
        await wait_until(pilot, lambda: "asking: SHEPARD" in _status(app), what="the choice")
        await wait_until(pilot, lambda: "NEAL answers" in _status(app), what="NEAL answers now")
    store.close()
    assert remembered(interview.id) == ("SHEPARD",)
    assert json.loads(state_path().read_text(encoding="utf-8")) == {interview.id: ["SHEPARD"]}
    # Next time the interview opens with that choice, until it is set back.
    [again] = with_interviewers([load_interview(ORAL_HISTORY)], None)
    assert again.outline.askers == ("SHEPARD",)


async def test_as_the_text_says_forgets_the_choice(tmp_path: Path) -> None:
    interview = load_interview(ORAL_HISTORY)
    remember(interview.id, ["SHEPARD"])
    [chosen] = with_interviewers([interview], None)
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app([chosen], store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("I", "enter")  # the first entry: as the text says
        await wait_until(pilot, lambda: "as the text says" in _status(app))
    store.close()
    assert remembered(interview.id) == ()


def test_a_damaged_state_file_is_only_a_lost_preference(tmp_path: Path) -> None:
    path = tmp_path / "interviewers.json"
    path.write_text("{ not json", encoding="utf-8")
    assert remembered("x", path) == ()
    remember("x", ["Ann"], path)
    assert remembered("x", path) == ("Ann",)


def test_interviewer_option_names_a_speaker_or_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "db.json")
    result = run_gloss(str(ORAL_HISTORY), "--db", db, "--interviewer", "Nobody")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "no speaker is called 'Nobody'" in line and "NEAL, SHEPARD" in line
    [chosen] = with_interviewers([load_interview(ORAL_HISTORY)], ["Shepard"])
    assert chosen.outline.askers == ("SHEPARD",)


async def test_i_sets_the_speaker_chosen_not_every_one_sharing_the_surname(
    tmp_path: Path,
) -> None:
    from tests.test_askers import FAMILY

    path = tmp_path / "family.txt"
    path.write_text(FAMILY, encoding="utf-8")
    interview = load_interview(path)
    assert interview.outline.speakers == ("Smith", "Anna Smith")
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app([interview], store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("I")
        await wait_until(pilot, lambda: any("Who asks in" in ln for ln in screen_lines(app)))
        await pilot.press("down", "down", "enter")  # Anna Smith
        await wait_until(pilot, lambda: "asking: Anna Smith" in _status(app), what="the choice")
        # The cursor is on Smith's first turn: Smith answers now, asking no more.
        await wait_until(pilot, lambda: "Smith answers" in _status(app), what="Smith answers")
    store.close()
    assert remembered(interview.id) == ("Anna Smith",)
    [again] = with_interviewers([load_interview(path)], None)
    assert again.outline.askers == ("Anna Smith",)


def test_an_interviewer_shared_by_two_speakers_stops_the_reader_in_one_line(
    tmp_path: Path,
) -> None:
    from tests.test_askers import SMITHS

    path = tmp_path / "smiths.txt"
    path.write_text(SMITHS, encoding="utf-8")
    db = tmp_path / "db.json"
    result = run_gloss(str(path), str(ORAL_HISTORY), "--db", str(db), "--interviewer", "Smith")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "'Smith'" in line and "John Smith, Stephen Smith" in line
    assert not db.exists()


async def test_two_files_each_with_its_interviewer_and_i_sets_one_interview_only(
    tmp_path: Path,
) -> None:
    from tests.test_askers import FAMILY, INTERVIEW
    from tui.cli import build_reader_parser
    from tui.launch import prepare_reader

    talk = tmp_path / "talk.txt"
    talk.write_text(INTERVIEW, encoding="utf-8")
    family = tmp_path / "family.txt"
    family.write_text(FAMILY, encoding="utf-8")
    db = str(tmp_path / "db.json")

    def start(*options: str) -> list[tuple[str, ...]]:
        args = build_reader_parser([]).parse_args([str(talk), str(family), "--db", db, *options])
        return [interview.outline.askers for interview in prepare_reader(args).interviews]

    # Haddad speaks in talk.txt only and Anna in family.txt only: each names its file's asker.
    assert start() == [("Dana Lee",), ("Smith",)]
    assert start("--interviewer", "Haddad", "--interviewer", "Anna") == [
        ("Omar Haddad",),
        ("Anna Smith",),
    ]
    args = build_reader_parser([]).parse_args(
        [str(talk), str(family), "--db", db, "--interviewer", "Haddad"]
    )
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app(prepare_reader(args).interviews, store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: "Omar Haddad asks" in _status(app), what="Haddad asks")
        await pilot.press("w", "I")  # the other reader: family.txt
        await wait_until(pilot, lambda: any("Who asks in" in ln for ln in screen_lines(app)))
        assert any("Smith  (asks now)" in line for line in screen_lines(app))
        await pilot.press("down", "down", "enter")  # Anna Smith
        await wait_until(pilot, lambda: "asking: Anna Smith" in _status(app), what="the choice")
    store.close()
    assert remembered("family") == ("Anna Smith",)
    assert remembered("talk") == ()  # --interviewer is for one run; I was not used there
    # Next time: family.txt opens with the choice made in its reader, talk.txt as its text says.
    assert start() == [("Dana Lee",), ("Anna Smith",)]


def test_a_name_neither_reader_file_speaks_stops_the_reader_in_one_line(tmp_path: Path) -> None:
    from tests.test_askers import FAMILY, INTERVIEW

    talk = tmp_path / "talk.txt"
    talk.write_text(INTERVIEW, encoding="utf-8")
    family = tmp_path / "family.txt"
    family.write_text(FAMILY, encoding="utf-8")
    db = tmp_path / "db.json"
    options = ("--interviewer", "Haddad", "--interviewer", "Nobody")
    result = run_gloss(str(talk), str(family), "--db", str(db), *options)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "'Nobody'" in line
    assert f"{talk}: Dana Lee, Omar Haddad" in line and f"{family}: Smith, Anna Smith" in line
    assert not db.exists()


async def test_who_asks_can_be_changed_again_and_again_without_a_crash(tmp_path: Path) -> None:
    """Each choice rebuilds the readers: the old ones must be gone before the new mount."""
    interview = load_interview(ORAL_HISTORY)
    store = AnnotationStore.open(tmp_path / "db.json")
    app = make_app([interview], store, author="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        for keys, said in [
            (("down", "down", "enter"), "asking: SHEPARD"),
            (("enter",), "asking: as the text says"),
            (("down", "down", "enter"), "asking: SHEPARD"),
        ]:
            await pilot.press("I")
            await wait_until(pilot, lambda: any("Who asks in" in ln for ln in screen_lines(app)))
            await pilot.press(*keys)
            await wait_until(pilot, lambda said=said: said in _status(app), what=said)
    store.close()
    assert remembered(interview.id) == ("SHEPARD",)
