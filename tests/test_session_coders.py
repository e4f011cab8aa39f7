"""The session's coder rules: whose an annotation is, what t, a and d may do on another
coder's, and whose codings are shown (everyone's, mine, one coder's)."""

from __future__ import annotations

from corpus import Interview, Span
from store import AnnotationStore
from tui.session import Session


def coded(store: AnnotationStore, interviews: list[Interview], others: str = "ask") -> Session:
    """ana's session over codings of ana, bob and cy (bob and ana on one passage)."""
    left = interviews[0]
    for number, who in ((-2, "bob"), (-2, "ana"), (-3, "cy"), (-4, "bob")):
        span = left.sentences[number]
        store.add(left, span.start, span.end, tags=[f"{who}-tag"], author=who)
    session = Session(interviews, store, author="ana", others=others)
    session.load()
    return session


def test_whose_an_annotation_is_and_what_may_be_done_on_it(
    store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    session = coded(store, interviews)
    mine = next(a for a in session.annotations_of(left.id) if a.author == "ana")
    bobs = next(
        a for a in session.annotations_of(left.id) if a.author == "bob" and a.start == mine.start
    )
    assert session.foreign(bobs) == "bob" and session.foreign(mine) is None
    assert session.refused(bobs, "delete") is None  # "ask": the screen asks
    # t on bob's passage edits my own annotation there (same words) ...
    assert session.mine_for(bobs) == (mine, Span(bobs.start, bobs.end))
    # ... or makes a new one of mine on bob's passage.
    cys = next(a for a in session.annotations_of(left.id) if a.author == "cy")
    assert session.mine_for(cys) == (None, Span(cys.start, cys.end))
    assert session.mine_for(mine) == (mine, Span(mine.start, mine.end))


def test_refuse_refuses_others_codings_and_says_why(
    store: AnnotationStore, interviews: list[Interview]
) -> None:
    session = coded(store, interviews, others="refuse")
    bobs = next(a for a in session.annotations_of(interviews[0].id) if a.author == "bob")
    refused = session.refused(bobs, "delete")
    assert refused is not None and refused.severity == "warning"
    assert "bob's coding" in refused.message and 'others = "refuse"' in refused.message


def test_whose_codings_cycle_everyone_mine_then_each_coder(
    store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    session = coded(store, interviews)
    assert session.coders() == ["ana", "bob", "cy"]
    assert len(session.visible(left.id)) == 4
    shown = []
    for _ in range(4):
        update = session.next_whose()
        assert left.id in update.interviews
        authors = {a.author for a in session.visible(left.id)}
        shown.append((update.message, authors, sum(session.question_counts(left))))
    assert shown == [
        ("showing your codings", {"ana"}, 1),
        ("showing bob's codings", {"bob"}, 2),
        ("showing cy's codings", {"cy"}, 1),
        ("showing everyone's codings", {"ana", "bob", "cy"}, 4),
    ]


def test_the_coders_under_the_cursor_are_named_me_as_you(
    store: AnnotationStore, interviews: list[Interview]
) -> None:
    left = interviews[0]
    session = coded(store, interviews)
    on_first = [a for a in session.annotations_of(left.id) if a.start == left.sentences[-2].start]
    assert session.coders_at(on_first) == "you, bob"
    assert session.coders_at([]) == ""
