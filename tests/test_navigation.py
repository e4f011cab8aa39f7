"""The reader's navigator, finding text and "which question": pure functions, no screen."""

from __future__ import annotations

import pytest

from corpus import Interview, Span, find_text, interview_from_text, question_index, word_edge
from tui.layout import lay_out_interview
from tui.navigation import Caret, Navigator

TEXT = """Interview on supply

Q: What is the plan for housing?
A: The first is to increase the supply. The second is to cut taxes.

Q: And what about trust?
A: Trust matters. We will   earn it.
"""


@pytest.fixture(scope="module")
def interview() -> Interview:
    return interview_from_text("nav", TEXT)


@pytest.fixture(scope="module")
def nav(interview: Interview) -> Navigator:
    return Navigator(interview)


def sentence(interview: Interview, caret: Caret) -> str:
    span = interview.sentences[caret.sentence]
    return interview.text[span.start : span.end]


def test_sentence_steps_stop_at_both_ends(interview: Interview, nav: Navigator) -> None:
    caret = nav.up(Caret())
    assert sentence(interview, caret) == "Interview on supply"
    caret = nav.down(nav.down(caret))
    assert sentence(interview, caret) == "A: The first is to increase the supply."
    bottom = nav.bottom(caret)
    assert sentence(interview, bottom) == "We will   earn it."
    assert nav.down(bottom) == bottom
    assert nav.top(bottom) == Caret()


def test_question_steps_skip_the_label_sentence(interview: Interview, nav: Navigator) -> None:
    first = nav.next_question(Caret(), 1)
    assert first is not None and sentence(interview, first) == "Q: What is the plan for housing?"
    second = nav.next_question(first, 1)
    assert second is not None and sentence(interview, second) == "Q: And what about trust?"
    assert nav.next_question(second, 1) == second  # the last one: stays
    back = nav.next_question(second, -1)
    assert back == first


def test_measure_steps(interview: Interview, nav: Navigator) -> None:
    first = nav.next_measure(Caret(), 1)
    assert first is not None and sentence(interview, first).startswith("A: The first")
    second = nav.next_measure(first, 1)
    assert second is not None and sentence(interview, second) == "The second is to cut taxes."


def test_steps_in_a_text_without_questions_say_so() -> None:
    plain = Navigator(interview_from_text("plain", "Just one line of talk. And another.\n"))
    assert plain.next_question(Caret(), 1) is None
    assert plain.next_measure(Caret(), -1) is None


def test_a_selection_follows_the_cursor_from_its_anchor(
    interview: Interview, nav: Navigator
) -> None:
    start = nav.to_offset(Caret(), interview.text.index("A: The first"))
    selected = nav.select(start)
    assert selected.selection == interview.sentences[2]
    grown = nav.down(selected)
    assert grown.selection == Span(interview.sentences[2].start, interview.sentences[3].end)
    # Moving above the anchor selects from there to the end of the anchor's sentence.
    above = nav.up(selected)
    assert above.selection == Span(interview.sentences[1].start, interview.sentences[2].end)
    assert nav.clear(grown).selection is None
    assert nav.down(nav.clear(grown)).selection is None


def test_word_steps_move_one_edge_and_never_invert(interview: Interview, nav: Navigator) -> None:
    caret = nav.to_offset(Caret(), interview.text.index("We will"))

    def selected(c: Caret) -> str:
        assert c.selection is not None
        return interview.text[c.selection.start : c.selection.end]

    end_back = nav.word(caret, "end", -1)
    assert selected(end_back) == "We will   earn"
    start_on = nav.word(end_back, "start", 1)
    assert selected(start_on) == "will   earn"
    one_word = nav.word(nav.word(start_on, "start", 1), "end", 1)
    assert selected(one_word) == "earn it."
    last = nav.word(one_word, "start", 1)
    assert selected(last) == "it."
    assert nav.word(last, "start", 1) == last  # would leave nothing selected
    assert nav.word(last, "end", -1) == last


def test_word_edges_never_land_on_a_space() -> None:
    text = "one  two three"
    assert word_edge(text, 3, 1, edge="end") == 8  # "one  two|"
    assert word_edge(text, 8, -1, edge="end") == 3  # "one|"
    assert word_edge(text, 0, 1, edge="start") == 5  # "|two"
    assert word_edge(text, 9, -1, edge="start") == 5
    assert word_edge(text, len(text), 1, edge="end") == len(text)
    assert word_edge(text, 0, -1, edge="start") == 0


def test_question_at_offset_is_one_rule(interview: Interview, nav: Navigator) -> None:
    outline = interview.outline
    text = interview.text
    assert question_index(outline, 0) == -1
    assert question_index(outline, text.index("cut taxes")) == 0
    assert question_index(outline, text.index("earn it")) == 1
    # The "Q:" label sentence is in its question for the cursor ...
    label = nav.to_offset(Caret(), text.index("Q: And"))
    assert nav.question(label) == 1
    # ... and strictly only the question's text and answer hold an offset.
    assert question_index(outline, text.index("Q: And"), strict=True) == -1
    assert question_index(outline, text.index("trust?"), strict=True) == 1


def test_page_steps_by_the_lines_shown(interview: Interview, nav: Navigator) -> None:
    layout = lay_out_interview(interview, 30)
    down = nav.page(Caret(), 1, layout, 3, raw=False)
    assert down.sentence > 0
    assert nav.page(down, -1, layout, 3, raw=False) == Caret()
    assert nav.page(Caret(), 1, layout, 1000, raw=False) == nav.bottom(Caret())


def test_raw_offsets_convert_both_ways() -> None:
    noisy = interview_from_text("noisy", "Q: Is it\x1b[31m red?\nA: Yes.\n")
    nav = Navigator(noisy)
    span = noisy.sentences[-1]
    shown = nav.shown_span(span, raw=True)
    assert noisy.clean.raw[shown[0] : shown[1]] == "A: Yes."
    assert nav.clean_offset(shown[0], raw=True) == span.start
    assert nav.clean_offset(7, raw=False) == 7


def test_find_text_ignores_case_and_matches_any_whitespace() -> None:
    text = "Tax relief.\nTAX\n  relief again; taxes"
    assert [text[s.start : s.end] for s in find_text(text, "tax relief")] == [
        "Tax relief",
        "TAX\n  relief",
    ]
    assert find_text(text, "tax relief", ignore_case=False) == []
    assert find_text(text, "   ") == []
    assert len(find_text(text, "tax")) == 3


def test_find_text_keeps_offsets_where_lowercasing_would_shift_them() -> None:
    text = "İstanbul and then the istanbul road"
    (hit,) = find_text(text, "road")
    assert text[hit.start : hit.end] == "road"


def test_overlaps_finds_what_touches_a_line() -> None:
    from tui.overlaps import Overlaps

    spans = [Span(0, 100), Span(10, 12), Span(50, 60), Span(200, 210)]
    index = Overlaps(spans, lambda s: (s.start, s.end))
    assert index.between(55, 58) == [Span(0, 100), Span(50, 60)]
    assert index.between(100, 200) == []
    assert index.between(12, 13) == [Span(0, 100)]
    assert Overlaps([], lambda s: (s.start, s.end)).between(0, 10) == []


def test_overlaps_orders_what_comes_out_of_order_keeping_ties_as_given() -> None:
    from tui.overlaps import Overlaps

    first, second = ("a", 5, 9), ("b", 5, 9)  # the same span: the given order stays
    index = Overlaps([("c", 20, 30), first, second, ("d", 0, 3)], lambda t: (t[1], t[2]))
    assert index.between(0, 100) == [("d", 0, 3), first, second, ("c", 20, 30)]
    assert index.between(6, 7) == [first, second]


OPENING = """Briefing on the plan

OFFICIAL: Thanks. There are three parts. The first is roads. The second is ports. The third is rail.

Q: How much does it cost?
A: A lot. The first is the bill for steel. The second is the bill for labour.
"""


def test_measure_steps_start_with_those_listed_before_any_question() -> None:
    interview = interview_from_text("opening", OPENING)
    nav = Navigator(interview)
    steps = []
    caret: Caret | None = Caret()
    while caret is not None and len(steps) < 6:
        caret = nav.next_measure(caret, 1)
        if caret is None or (steps and sentence(interview, caret) == steps[-1]):
            break
        steps.append(sentence(interview, caret))
    assert steps == [
        "The first is roads.",
        "The second is ports.",
        "The third is rail.",
        "The first is the bill for steel.",
        "The second is the bill for labour.",
    ]
