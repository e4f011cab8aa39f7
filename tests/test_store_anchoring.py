"""Finding annotations again after the interview text changed (and keeping lost ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Interview, interview_from_text
from store import Annotation, AnnotationStore
from store.anchoring import Quote, find_passage, quote_at
from tests.conftest import CLEAN_SEED

QUOTE = "The first is to increase the supply and implementation of policies to stabilize growth."
RAW = CLEAN_SEED.read_text(encoding="utf-8")
ID = "interview"


def version(raw: str) -> Interview:
    return interview_from_text(ID, raw)


def annotate(
    tmp_path: Path, interview: Interview, quote: str = QUOTE
) -> tuple[AnnotationStore, Annotation]:
    store = AnnotationStore.open(tmp_path / "db.json")
    start = interview.text.index(quote)
    made = store.add(
        interview, start, start + len(quote), tags=["growth"], note="n", author="Ann"
    ).annotation
    return store, made


def edited(old: str, new: str) -> Interview:
    assert RAW.count(old) == 1
    return version(RAW.replace(old, new))


def test_unchanged_text_changes_nothing(tmp_path: Path) -> None:
    original = version(RAW)
    store, made = annotate(tmp_path, original)
    assert store.anchor(original) == []
    assert store.get(made.id) == made


def test_insertion_after_the_quote_keeps_the_position(tmp_path: Path) -> None:
    store, made = annotate(tmp_path, version(RAW))
    later = "Strengthen departmental coordination"
    changed = edited(later, "A brand new sentence. " + later)
    assert store.anchor(changed) == []
    again = store.get(made.id)
    assert again is not None
    assert (again.start, again.end, again.exact) == (made.start, made.end, QUOTE)
    assert again.status == "anchored"
    assert again.fingerprint == changed.fingerprint
    assert again.suffix != made.suffix


def test_insertion_before_the_quote_moves_it(tmp_path: Path) -> None:
    store, made = annotate(tmp_path, version(RAW))
    inserted = "An editor's remark that was added before everything else. "
    changed = version(inserted + RAW)
    assert store.anchor(changed) == []
    again = store.get(made.id)
    assert again is not None
    assert changed.text[again.start : again.end] == QUOTE
    assert again.start > made.start
    assert again.status == "reanchored"
    assert (again.raw_start, again.raw_end) == changed.clean.raw_span(again.start, again.end)
    assert (again.tags, again.note, again.created) == (made.tags, made.note, made.created)


def test_insertion_inside_the_quote_is_found_fuzzily(tmp_path: Path) -> None:
    store, made = annotate(tmp_path, version(RAW))
    changed = edited(
        "the supply and implementation of policies",
        "the supply, the swift and careful implementation of policies",
    )
    assert store.anchor(changed) == []
    again = store.get(made.id)
    assert again is not None
    assert again.status == "reanchored"
    assert again.exact == (
        "The first is to increase the supply, the swift and careful implementation of "
        "policies to stabilize growth."
    )
    assert changed.text[again.start : again.end] == again.exact


def test_corrected_typo_in_the_quote_is_found(tmp_path: Path) -> None:
    store, made = annotate(tmp_path, version(RAW))
    changed = edited(
        "implementation of policies to stabilize", "implementaton of policy to stabilise"
    )
    assert store.anchor(changed) == []
    again = store.get(made.id)
    assert again is not None
    assert again.exact.startswith("The first is to increase") and again.exact.endswith("growth.")


def test_deleted_quote_is_orphaned_kept_and_listed(tmp_path: Path) -> None:
    store, made = annotate(tmp_path, version(RAW))
    changed = edited(QUOTE, "")
    orphans = store.anchor(changed)
    assert [o.id for o in orphans] == [made.id]
    orphan = orphans[0]
    assert orphan.status == "orphaned"
    assert (orphan.exact, orphan.tags, orphan.note) == (made.exact, made.tags, made.note)
    store.close()
    with AnnotationStore.open(tmp_path / "db.json") as again:
        assert again.annotations(status="orphaned") == [orphan]
        # The quote comes back (the deletion was a mistake): found again.
        assert again.anchor(version(RAW)) == []
        back = again.get(made.id)
        assert back is not None
        assert (back.status, back.start, back.exact) == ("reanchored", made.start, QUOTE)


def test_repeated_quote_picks_the_occurrence_with_matching_context(tmp_path: Path) -> None:
    """Text inserted before the annotated occurrence makes another one nearer; context wins."""
    phrase = "stabilize growth"
    original = version(RAW)
    occurrences = [i for i in range(len(original.text)) if original.text.startswith(phrase, i)]
    assert len(occurrences) >= 2
    first, target = occurrences[0], occurrences[1]
    store = AnnotationStore.open(tmp_path / "db.json")
    made = store.add(original, target, target + len(phrase), author="Ann").annotation
    cut = target - 40  # before the remembered prefix
    padding = "Inserted words. " * ((target - first) // 8)
    changed = version(original.text[:cut] + padding + original.text[cut:])
    assert abs(first - target) < len(padding)  # the other occurrence is now the nearer one
    assert store.anchor(changed) == []
    again = store.get(made.id)
    assert again is not None
    assert again.start == target + len(padding)
    assert again.prefix == made.prefix


@pytest.mark.parametrize(
    "text",
    [
        "completely different words that share nothing with the quote at all",
        "",
    ],
)
def test_find_passage_reports_lost_text(text: str) -> None:
    quote = quote_at(QUOTE + " tail", 0, len(QUOTE))
    assert find_passage(text, quote, 0, len(QUOTE)) is None


def test_find_passage_at_same_position() -> None:
    text = "prefix " + QUOTE + " suffix"
    found = find_passage(text, Quote(QUOTE, "prefix ", " suffix"), 7, 7 + len(QUOTE))
    assert found is not None and found.how == "same"


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def test_a_better_cleaner_finds_every_sentence_again(tmp_path: Path) -> None:
    """Annotations made on the noisy seed as read (no cleaning) are found in its clean
    text: same words, noise gone, nothing orphaned."""
    import re

    from corpus import CleanText, build_outline, fingerprint, load_interview
    from tests.conftest import NOISY_SEED

    raw = NOISY_SEED.read_text(encoding="utf-8")
    uncleaned = Interview(
        id=NOISY_SEED.stem, path=NOISY_SEED, clean=CleanText(raw, raw, range(len(raw) + 1)),
        outline=build_outline(raw), sentences=(), fingerprint=fingerprint(raw),
    )  # fmt: skip
    cleaned = load_interview(NOISY_SEED)
    spans = [m.span() for m in re.finditer(r"[A-Z][^.?!\n]{15,400}[.?!]", raw)]
    assert len(spans) > 50
    with AnnotationStore.open(tmp_path / "db.json") as store:
        made = [store.add(uncleaned, start, end, author="Ann").annotation for start, end in spans]
        assert store.anchor(cleaned) == []
        for before in made:
            after = store.get(before.id)
            assert after is not None and after.status == "reanchored"
            assert cleaned.text[after.start : after.end] == after.exact
            assert _alnum(after.exact) == _alnum(before.exact), before.exact


def test_quote_at_the_very_end_of_a_text_that_grew_in_front() -> None:
    text = "Intro. " * 50 + "The closing words of the interview, with a twist at the end."
    start = text.index("The closing")
    quote = quote_at(text, start, len(text))
    changed = ("A new preface of some length. " * 30) + text.replace("a twist", "one twist")
    found = find_passage(changed, quote, start, len(text))
    assert found is not None and found.how == "fuzzy"
    assert changed[found.start : found.end] == (
        "The closing words of the interview, with one twist at the end."
    )


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("the added value of inε↑> dustries above", "the added value of industries above"),
        ("small and σ♠§γmedium", "small and medium"),
    ],
)
def test_passage_on_word_edges_stays_on_word_edges(noisy: str, clean: str) -> None:
    """Noise that split words is gone; the passage still starts and ends on whole words.

    (Alignment alone matched the first ``t`` of the first phrase to its context in the
    noisy seed and found ``he added value ...``.)
    """
    from corpus import load_interview
    from tests.conftest import NOISY_SEED

    raw = NOISY_SEED.read_text(encoding="utf-8")
    text = load_interview(NOISY_SEED).text
    start = raw.index(noisy)
    found = find_passage(text, quote_at(raw, start, start + len(noisy)), start, start + len(noisy))
    assert found is not None
    assert text[found.start : found.end] == clean


def test_a_change_made_while_re_anchoring_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-anchoring searches outside the lock; a note someone saves meanwhile must win."""
    import store.rules as store_module

    store, made = annotate(tmp_path, version(RAW))
    other = AnnotationStore.open(tmp_path / "db.json")
    real = store_module.reanchored

    def slow_reanchored(annotation: Annotation, interview: Interview) -> Annotation:
        other.set_note(annotation.id, old=annotation.note, new="saved by someone else meanwhile")
        return real(annotation, interview)

    monkeypatch.setattr(store_module, "reanchored", slow_reanchored)
    store.anchor(version("Preface.\n\n" + RAW))
    kept = store.get(made.id)
    assert kept is not None
    assert kept.note == "saved by someone else meanwhile"
    assert kept.start == made.start  # not moved this time: it changed under our feet
    monkeypatch.setattr(store_module, "reanchored", real)
    store.anchor(version("Preface.\n\n" + RAW))  # the next attempt moves it
    moved = store.get(made.id)
    assert moved is not None and moved.status == "reanchored"
    assert moved.note == "saved by someone else meanwhile"
