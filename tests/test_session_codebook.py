"""The reading session follows codebook changes made by another process, as the store
records them: a renamed, merged or deleted tag leaves the recent tags (keys 1-9) or takes
its new name there, and a tag chosen in a picker opened before the rename is saved under
the new name; another coder merely retagging a passage renames nothing."""

from __future__ import annotations

from pathlib import Path

from corpus import Interview
from store import AnnotationStore
from tests.session_fixtures import run, sentence
from tui.session import Session, Update


def tagged(session: Session, left: Interview, tags: dict[int, list[str]]) -> None:
    for number, names in tags.items():
        run(session, session.tag(left, sentence(left, number), names))


def elsewhere(path: Path, change: str, *args: str, **options: bool) -> None:
    """A codebook change made by another writer of the same file."""
    with AnnotationStore.open(path) as other:
        getattr(other, change)(*args, **options)


def test_a_tag_renamed_elsewhere_takes_its_new_name_in_the_recent_tags(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    tagged(session, left, {1: ["growth"], 2: ["policy"], 3: ["tax"]})
    assert session.recent_tags == ["tax", "policy", "growth"]
    elsewhere(path, "rename_tag", "policy", "politics")
    assert session.refresh() is not None
    assert session.recent_tags == ["tax", "politics", "growth"]
    run(session, session.quick_tag(left, sentence(left, 5), 2))
    assert [a.tags for a in session.store.annotations(interview=left.id)][-1] == ("politics",)
    assert "policy" not in {t.path for t in session.store.tags()}


def test_a_tag_merged_away_never_comes_back_from_a_quick_key(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    tagged(session, left, {1: ["economy"], 2: ["policy"], 3: ["policy", "economy"]})
    assert session.recent_tags == ["policy", "economy"]
    elsewhere(path, "merge_tags", "policy", "economy")
    session.refresh()
    assert session.recent_tags == ["economy"]
    missing = session.quick_tag(left, sentence(left, 6), 2)
    assert isinstance(missing, Update) and "No recent tag 2" in missing.notice
    assert "policy" not in {t.path for t in session.store.tags()}


def test_a_tag_deleted_elsewhere_leaves_the_recent_tags(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    tagged(session, left, {1: ["keep"], 2: ["drop"]})
    elsewhere(path, "delete_tag", "drop", force=True)
    session.refresh()
    assert session.recent_tags == ["keep"]


def test_a_picker_opened_before_a_rename_saves_the_new_name(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    tagged(session, left, {1: ["policy"], 2: ["policy"]})
    target = session.annotations_of(left.id)[0]  # as the picker saw it: ("policy",)
    elsewhere(path, "rename_tag", "policy", "politics")
    session.refresh()
    # The picker returns what it showed, plus a tag the user ticked: policy and supply.
    run(session, session.retag(target, ["policy", "supply"]))
    run(session, session.tag(left, sentence(left, 4), ["policy"]))
    stored = [a.tags for a in session.store.annotations(interview=left.id)]
    assert stored == [("politics", "supply"), ("politics",), ("politics",)]


def test_a_tag_whose_last_use_i_removed_stays_recent(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    tagged(session, left, {1: ["once"], 2: ["other"]})
    run(session, session.retag(session.annotations_of(left.id)[0], ["other"]))
    with AnnotationStore.open(path) as other:
        span = sentence(left, 7)
        other.add(left, span.start, span.end, tags=["theirs"], author="bob")
    session.refresh()
    assert "once" in session.recent_tags


def test_another_coder_retagging_the_only_use_renames_nothing(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    span = sentence(left, 3)
    with AnnotationStore.open(path) as other:
        theirs = other.add(left, span.start, span.end, tags=["x"], author="bob").annotation
    session.refresh()
    tagged(session, left, {1: ["x"], 2: ["other"]})
    mine = next(a for a in session.annotations_of(left.id) if a.author == "ana" and "x" in a.tags)
    run(session, session.retag(mine, []))
    assert "x" in session.recent_tags
    with AnnotationStore.open(path) as other:  # bob's is now the only use of x
        other.retag(theirs.id, add=["y"], remove=["x"])
    session.refresh()
    assert "x" in session.recent_tags and "y" not in session.recent_tags
    run(session, session.tag(left, sentence(left, 6), ["x"]))
    assert ("x",) in [a.tags for a in session.store.annotations(interview=left.id)]


def test_a_rename_of_an_unused_tag_is_followed(
    session: Session, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    elsewhere(path, "set_tag", "spare", description="kept for later")
    session.refresh()
    tagged(session, left, {1: ["spare"], 2: ["other"]})
    mine = next(a for a in session.annotations_of(left.id) if "spare" in a.tags)
    run(session, session.retag(mine, []))  # unused again: only the codebook knows it
    assert "spare" in session.recent_tags
    elsewhere(path, "rename_tag", "spare", "reserve")
    assert session.refresh() is not None
    assert "spare" not in session.recent_tags and "reserve" in session.recent_tags
    run(session, session.tag(left, sentence(left, 5), ["spare"]))  # a picker opened before
    assert ("reserve",) in [a.tags for a in session.store.annotations(interview=left.id)]
    assert "spare" not in {t.path for t in session.store.tags()}
