"""The reading session under the main screen, driven directly (no screen, no Pilot),
against a real database file."""

from __future__ import annotations

from pathlib import Path

from corpus import Interview, Span
from store import AnnotationStore
from tests.session_fixtures import run, sentence
from tui.session import Edit, Session, Update


def add(store: AnnotationStore, interview: Interview, number: int, tags: list[str], who: str):
    span = sentence(interview, number)
    store.add(interview, span.start, span.end, tags=tags, author=who)


def tags_in(session: Session, interview: Interview) -> list[tuple[str, ...]]:
    return [a.tags for a in session.annotations_of(interview.id)]


def test_tag_is_saved_and_shown_without_reading_everything_again(
    session: Session, store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    asked = session.tag(left, sentence(left, 3), ["policy", " supply "])
    assert isinstance(asked, Edit) and session.pending == 1
    update = session.save(asked)
    assert update.interviews == {left.id}
    assert update.save == "saved" and update.message == "tagged policy, supply"
    assert not update.reload
    assert session.pending == 0
    assert tags_in(session, left) == [("policy", "supply")]
    assert [a.tags for a in store.annotations(interview=left.id)] == [("policy", "supply")]
    assert {t.path: t.count for t in session.tag_infos} == {"policy": 1, "supply": 1}


def test_tagging_nothing_or_an_empty_passage_asks_nothing(
    session: Session, interviews: list[Interview]
) -> None:
    left = interviews[0]
    assert session.tag(left, sentence(left, 3), ["  "]) == Update()
    refused = session.tag(left, Span(5, 5), ["policy"])
    assert isinstance(refused, Update) and refused.severity == "warning"
    assert session.pending == 0


def test_recent_tags_newest_first_and_quick_keys_use_them(
    session: Session, interviews: list[Interview]
) -> None:
    left = interviews[0]
    run(session, session.tag(left, sentence(left, 1), ["a"]))
    run(session, session.tag(left, sentence(left, 2), ["b", "c"]))
    run(session, session.tag(left, sentence(left, 3), ["a"]))
    assert session.recent_tags == ["a", "b", "c"]
    run(session, session.quick_tag(left, sentence(left, 4), 3))
    assert session.recent_tags[0] == "c"
    assert tags_in(session, left)[-1] == ("c",)
    missing = session.quick_tag(left, sentence(left, 5), 9)
    assert isinstance(missing, Update) and "No recent tag 9" in missing.notice


def test_recent_tags_at_start_come_from_the_newest_annotations(
    interviews: list[Interview], store: AnnotationStore
) -> None:
    left = interviews[0]
    add(store, left, 1, ["old"], "ana")
    add(store, left, 2, ["new", "old"], "ana")
    fresh = Session(interviews, store, author="ana")
    fresh.load()
    assert fresh.recent_tags == ["new", "old"]


def test_retag_adds_and_removes_only_what_the_user_changed(
    session: Session, store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    run(session, session.tag(left, sentence(left, 3), ["policy", "trust"]))
    (shown,) = session.annotations_of(left.id)
    # Meanwhile another coder adds a tag to the same annotation.
    store.edit(shown.id, add=["elsewhere"])
    update = run(session, session.retag(shown, ["policy", "growth"]))
    assert update.message == "retagged +growth −trust"
    (after,) = store.annotations(interview=left.id)
    assert set(after.tags) == {"policy", "growth", "elsewhere"}
    assert session.annotations_of(left.id) == [after]
    assert session.recent_tags[0] == "growth"
    unchanged = session.retag(after, list(after.tags))
    assert isinstance(unchanged, Update) and unchanged.message == "tags unchanged"


def test_retag_to_nothing_asks_first_then_keeps_or_deletes(
    session: Session, store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    run(session, session.tag(left, sentence(left, 3), ["policy"]))
    (shown,) = session.annotations_of(left.id)
    asked = session.retag(shown, [])
    assert isinstance(asked, Edit) and asked.leaves_empty
    assert session.pending == 0  # nothing is being saved while the user is asked
    kept = run(session, session.keep_untagged(asked))
    assert kept.message.endswith("(kept untagged)")
    assert [a.tags for a in store.annotations()] == [()]
    run(session, session.delete(session.annotations_of(left.id)[0]))
    assert store.annotations() == [] and session.annotations_of(left.id) == []


def test_note_on_a_new_passage_and_on_an_annotation(
    session: Session, store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    update = run(session, session.note(left, sentence(left, 2), None, "first thought"))
    assert update.message == "note saved"
    (made,) = session.annotations_of(left.id)
    assert made.note == "first thought" and made.tags == ()
    assert session.note(left, sentence(left, 2), made, "first thought") is None
    run(session, session.note(left, sentence(left, 2), made, "second thought"))
    assert [a.note for a in store.annotations()] == ["second thought"]
    assert session.annotations_of(left.id)[0].note == "second thought"


def test_delete_undo_redo(session: Session, store: AnnotationStore, interviews: list[Interview]):
    right = interviews[1]
    run(session, session.tag(right, sentence(right, 4), ["trust"]))
    (made,) = session.annotations_of(right.id)
    deleted = run(session, session.delete(made))
    assert deleted.message == "deleted trust" and session.annotations_of(right.id) == []
    undone = run(session, session.undo())
    assert undone.message == "undid delete" and undone.interviews == {right.id}
    assert [a.id for a in session.annotations_of(right.id)] == [made.id]
    redone = run(session, session.redo())
    assert redone.message == "redid delete"
    assert session.annotations_of(right.id) == [] and store.annotations() == []
    run(session, session.undo())
    run(session, session.undo())  # the tagging itself
    assert session.annotations_of(right.id) == [] and store.annotations() == []
    assert run(session, session.undo()).message == "nothing to undo"
    assert {t.path: t.count for t in session.tag_infos}.get("trust", 0) == 0


def test_a_failed_change_says_so_and_reads_everything_again(
    session: Session, store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    run(session, session.tag(left, sentence(left, 3), ["policy"]))
    (made,) = session.annotations_of(left.id)
    store.delete(made.id)  # someone else deletes it first
    update = run(session, session.delete(made))
    assert update.save == "error" and update.reload and update.severity == "error"
    assert session.pending == 0
    session.load()
    assert session.annotations_of(left.id) == []


def test_another_process_change_is_picked_up_by_refresh(
    session: Session, interviews: list[Interview], tmp_path: Path
) -> None:
    left = interviews[0]
    assert session.refresh() is None
    with AnnotationStore.open(tmp_path / "notes.json") as other:
        add(other, left, 6, ["theirs"], "bob")  # a second writer on the same file
    update = session.refresh()
    assert update is not None and left.id in update.interviews
    assert tags_in(session, left) == [("theirs",)]


def test_a_change_that_arrives_with_ours_makes_the_screen_read_everything(
    session: Session, interviews: list[Interview], tmp_path: Path
) -> None:
    left = interviews[0]
    with AnnotationStore.open(tmp_path / "notes.json") as other:
        add(other, left, 6, ["theirs"], "bob")  # a second writer on the same file
    update = run(session, session.tag(left, sentence(left, 3), ["mine"]))
    assert update.reload  # the store caught up with bob's change inside ours
    session.load()
    assert sorted(tags_in(session, left)) == [("mine",), ("theirs",)]


def test_search_goes_round_the_hits_of_both_interviews(
    session: Session, interviews: list[Interview]
) -> None:
    found = session.search.find(interviews, "economy", here=(0, 0))
    assert found.hits and found.go_to is not None
    hits = session.search.spans
    assert {n for n, _ in hits} == {0, 1}
    for number, span in hits:
        assert interviews[number].text[span.start : span.end].lower() == "economy"
    assert found.message == f"hit 1 of {len(hits)}"
    assert (found.go_to.reader, found.go_to.offset) == (hits[0][0], hits[0][1].start)
    back = session.search.step(-1)
    assert back.message == f"hit {len(hits)} of {len(hits)}"
    assert session.search.of(1) == [s for n, s in hits if n == 1]
    cleared = session.search.find(interviews, "  ", here=(0, 0))
    assert cleared.hits and session.search.spans == []
    none = session.search.find(interviews, "zzzzqx", here=(0, 0))
    assert none.severity == "warning" and session.search.step(1).notice


def test_search_starts_at_the_cursor(session: Session, interviews: list[Interview]) -> None:
    everything = session.search.find(interviews, "economy", here=(0, 0))
    assert everything.go_to is not None
    later = session.search.find(interviews, "economy", here=(1, 0))
    assert later.go_to is not None and later.go_to.reader == 1


def test_similar_question_jumps_the_other_reader(
    session: Session, interviews: list[Interview]
) -> None:
    pairs = session.pairs[interviews[0].id]
    question, partner = next(iter(pairs.items()))
    update = session.similar(0, question)
    assert update.go_to is not None and update.go_to.reader == 1
    assert update.go_to.offset == interviews[1].outline.questions[partner].start
    assert update.message.startswith(f"Q{question + 1} ↔ Q{partner + 1}")
    assert session.similar(0, -1).notice == "Move into a question first."


def test_showing_another_pair_forgets_the_search(
    interviews: list[Interview], store: AnnotationStore
) -> None:
    three = [*interviews, interviews[0]]
    session = Session(three, store, author="ana")
    session.search.find(session.shown, "economy", here=(0, 0))
    session.show(1, 2)
    assert [i.id for i in session.shown] == [interviews[1].id, interviews[0].id]
    assert session.search.spans == [] and session.shown_indices() == (1, 0)


def test_a_compaction_problem_is_said_once(
    session: Session, store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    store.compaction_problem = "No space left on device"  # as a failed compaction leaves it
    first = run(session, session.tag(left, sentence(left, 1), ["a"]))
    assert "could not be compacted: No space left on device" in first.message
    second = run(session, session.tag(left, sentence(left, 2), ["b"]))
    assert second.message == "tagged b"


def test_a_note_changed_elsewhere_is_not_overwritten_and_both_texts_are_kept(
    session: Session, interviews: list[Interview], tmp_path: Path
) -> None:
    left = interviews[0]
    run(session, session.note(left, sentence(left, 2), None, "first"))
    (opened,) = session.annotations_of(left.id)
    with AnnotationStore.open(tmp_path / "notes.json") as other:
        other.set_note(opened.id, old="first", new="theirs")
    update = run(session, session.note(left, sentence(left, 2), opened, "mine"))
    assert update.save == "unsaved" and update.reload
    assert update.clash is not None
    assert (update.clash.current.note, update.clash.mine) == ("theirs", "mine")
    assert session.pending == 0
    # The user merges both in the editor and saves over the text they were shown.
    run(session, session.note(left, sentence(left, 2), update.clash.current, "theirs + mine"))
    session.load()
    assert [a.note for a in session.annotations_of(left.id)] == ["theirs + mine"]
