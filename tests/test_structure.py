"""The outline of an interview: what the outline pane and ``gloss outline`` show a user.

The seed expectations below were written by reading the two bundled interviews by hand.
"""

from __future__ import annotations

import re

import pytest

from corpus import Interview, Outline, build_outline, load_interview
from tests.conftest import CLEAN_SEED, NOISY_SEED

# ---------------------------------------------------------------------- helpers


def headings(outline: Outline) -> list[str | None]:
    return [section.heading for section in outline.sections]


def questions(outline: Outline) -> list[str]:
    return [question.text for question in outline.questions]


def measures(outline: Outline) -> list[list[tuple[int, str]]]:
    return [[(m.ordinal, m.text) for m in q.measures] for q in outline.questions]


def region(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[start:end]).strip()


def own_words(text: str, outline: Outline, start: int, end: int) -> str:
    """The words from ``start`` to ``end`` with the labels inside left out (a question
    that runs over a second paragraph under its asker's label)."""
    cut = start
    pieces = []
    for turn in outline.turns:
        if start < turn.label.start and turn.label.end <= end:
            pieces.append(text[cut : turn.label.start])
            cut = turn.label.end
    pieces.append(text[cut:end])
    return region(" ".join(pieces), 0, len(" ".join(pieces)))


def assert_offsets_are_exact(text: str, outline: Outline) -> None:
    """Every element's offsets cut exactly its own text out of ``text``, labels excluded."""
    if outline.title is not None:
        assert outline.title_span is not None
        assert region(text, outline.title_span.start, outline.title_span.end) == outline.title
    previous_end = 0
    for section in outline.sections:
        assert previous_end <= section.start < section.end <= len(text)
        previous_end = section.end
        if section.heading is not None:
            assert region(text, section.start, section.start + len(section.heading)) == (
                section.heading
            )
        for question in section.questions:
            assert section.start <= question.start <= question.end <= section.end
            assert own_words(text, outline, question.start, question.end) == question.text
            assert not re.match(r"(Q|Question|Reporter|Interviewer)\s*[:：]", question.text)
            answer = question.answer
            assert question.end <= answer.start <= answer.end <= section.end
            assert text[answer.start : answer.end] == text[answer.start : answer.end].strip()
            assert not re.match(r"(A|Answer)\s*[:：]", text[answer.start : answer.end])
            for measure in question.measures:
                assert answer.start <= measure.start < measure.end <= answer.end
                assert region(text, measure.start, measure.end).startswith(measure.text)
    if outline.intro is not None and outline.sections:
        assert outline.intro.end <= outline.sections[0].start


# ----------------------------------------------------------- the clean seed 004


@pytest.fixture(scope="module")
def clean_seed() -> Interview:
    return load_interview(CLEAN_SEED)


def test_004_front_matter(clean_seed: Interview) -> None:
    outline = clean_seed.outline
    assert outline.title == (
        "Go all out to stabilize the industry and solidly forge new advantages——Interview "
        "with Minister of Industry and Information Technology Jin Zhuanglong"
    )
    assert outline.dateline == "Xinhua News Agency, Beijing, January 2."
    assert outline.byline == "Xinhua News Agency reporter Zhang Xinxin"
    assert outline.intro is not None
    intro = clean_seed.text[outline.intro.start : outline.intro.end]
    assert intro.startswith("The Central Economic Work Conference clearly pointed out")
    assert intro.endswith(
        "Jin Zhuanglong, Minister of Industry and Information Technology, recently accepted "
        "an interview with a reporter from Xinhua News Agency."
    )
    # The rhetorical questions of the intro are neither headings nor questions.
    assert "How to promote the steady growth of industry?" in intro


def test_004_headings(clean_seed: Interview) -> None:
    assert headings(clean_seed.outline) == [
        "Confident, qualified, and capable of promoting the steady recovery of the industrial "
        "economy",
        "Forging long boards, making up short boards, strengthening the foundation, and "
        "comprehensively improving the modernization level of the industrial system",
        "Increase relief and assistance, stabilize market expectations and boost corporate "
        "confidence",
        "Consolidate the foundation and expand applications to speed up the integration of the "
        "digital economy and the real economy",
    ]


def test_004_questions(clean_seed: Interview) -> None:
    outline = clean_seed.outline
    assert questions(outline) == [
        "What was the status of the industrial economy in the past year? How to promote steady "
        "industrial growth in 2023?",
        "The Central Economic Work Conference emphasized accelerating the construction of a "
        "modern industrial system. What specific measures will the Ministry of Industry and "
        "Information Technology take?",
        "In 2023, what new measures will be taken to help companies bail out, and how to "
        "stabilize expectations and strengthen confidence?",
        "What specific measures will the Ministry of Industry and Information Technology take "
        "to vigorously develop the digital economy?",
    ]
    assert [len(s.questions) for s in outline.sections] == [1, 1, 1, 1]
    assert [(q.asker, q.answerer) for q in outline.questions] == [
        ("Q", "Answer"),
        ("Q", "Answer"),
        ("Question", "Answer"),
        ("Q", "Answer"),
    ]


def test_004_question_spans_its_continuation_line(clean_seed: Interview) -> None:
    text = clean_seed.text
    first = clean_seed.outline.questions[0]
    assert text[first.start : first.end] == (
        "What was the status of the industrial economy in the past year?\n\n"
        "How to promote steady industrial growth in 2023?"
    )
    assert text[first.answer.start :].startswith("Over the past year, we have worked with")
    assert text[: first.answer.end].endswith("new technologies, new products, and new models.")


def test_004_measures(clean_seed: Interview) -> None:
    assert measures(clean_seed.outline) == [
        [
            (1, "The first is to increase the supply and implementation of policies to "
             "stabilize growth."),
            (2, "The second is to focus on key industries and regions and stabilize the "
             "fundamentals of industrial growth."),
            (3, 'The third is to fully implement the "14th Five-Year Plan" series of plans to '
             "boost effective investment in the manufacturing industry."),
            (4, "The fourth is to actively expand consumption and create new demand led by "
             "high-quality supply."),
        ],
        [
            (1, "The first is to improve the independent controllability of key industrial "
             "chains."),
            (2, "The second is to further promote the reconstruction of the industrial base."),
            (3, "The third is to consolidate the leading position in advantageous industries."),
            (4, "The fourth is to pay close attention to the transformation and upgrading of "
             "traditional industries."),
            (5, "The fifth is to accelerate the cultivation and growth of emerging industries."),
        ],
        [],
        [
            (1, "The first is to accelerate the construction of digital infrastructure."),
            (2, "The second is to promote the innovation and development of the digital "
             "industry."),
            (3, "The third is to deepen the digital transformation of the industry."),
            (4, "The fourth is to strengthen network and data security protection."),
            (5, "The fifth is to optimize the development environment of the digital economy."),
        ],
    ]  # fmt: skip


def test_004_measure_spans_run_to_the_next_item(clean_seed: Interview) -> None:
    text = clean_seed.text
    first, second, _third, fourth = clean_seed.outline.questions[0].measures
    assert text[first.start : first.end] == (
        "The first is to increase the supply and implementation of policies to stabilize "
        "growth.\n\nStrengthen departmental coordination and linkage between ministries and "
        "provinces, implement various policies and follow-up measures that have been issued "
        "in detail, strengthen industrial economic operation monitoring and scheduling, "
        "situation research and judgment, and policy reserves, and launch more policy "
        "measures in due course."
    )
    assert second.start > first.end
    assert fourth.end == clean_seed.outline.questions[0].answer.end


def test_004_offsets(clean_seed: Interview) -> None:
    assert_offsets_are_exact(clean_seed.text, clean_seed.outline)


# ----------------------------------------------------------- the noisy seed 000


@pytest.fixture(scope="module")
def noisy_seed() -> Interview:
    """The noisy seed through the real cleaner: chrome lines and symbol noise gone."""
    return load_interview(NOISY_SEED)


def test_000_has_no_title_line(noisy_seed: Interview) -> None:
    outline = noisy_seed.outline
    assert outline.title is None
    assert noisy_seed.title == noisy_seed.id
    assert outline.dateline is None
    assert outline.intro is not None
    intro = noisy_seed.text[outline.intro.start : outline.intro.end]
    assert intro.startswith("Since the beginning of this year, in response to the complex")
    assert intro.endswith("accepted an interview with a reporter from Xinhua News Agency.")


def test_000_headings_with_a_colon_are_not_labels(noisy_seed: Interview) -> None:
    assert headings(noisy_seed.outline) == [
        "Stabilizing industrial growth: We have the confidence and conditions to promote the "
        "recovery of the industrial economy.",
        "Focus on key industries: 10 industries implement industry-specific policies to lay a "
        "solid foundation for good development",
        "Helping small and medium-sized enterprises: supporting and developing simultaneously "
        "to promote accelerated recovery",
        "Forge new advantages: adhere to high quality and accelerate the construction of a "
        "modern industrial system",
    ]


def test_000_questions(noisy_seed: Interview) -> None:
    outline = noisy_seed.outline
    assert questions(outline) == [
        "How do you view the current industrial economic situation? What are the foundations "
        "and conditions for stabilizing industry?",
        "What is the current progress of the 10 key industrial industry stabilizing growth "
        "plans introduced this year? What other considerations are there to promote stable "
        "growth of industry?",
        "What is the current operating situation of small and medium-sized enterprises? What "
        "measures will be taken to support the development of enterprises?",
        "What measures will be taken to promote the digital, intelligent, and green "
        "development of manufacturing? How to accelerate the construction of a modern "
        "industrial system with advanced manufacturing as the backbone?",
    ]
    assert [(q.asker, q.answerer) for q in outline.questions] == [
        ("Question", "Answer"),
        ("Q", "Answer"),
        ("Q", "A"),
        ("Q", "Answer"),
    ]


def test_000_measures_inline_in_paragraphs(noisy_seed: Interview) -> None:
    assert measures(noisy_seed.outline) == [
        [],
        [],
        [
            (1, "The first is to create a level playing field."),
            (2, "The second is to support the development of specialties and new technologies."),
            (3, "The third is to strengthen refined and efficient services."),
            (4, "The fourth is to strengthen international exchanges and cooperation."),
        ],
        [
            (1, "The first is to transform and upgrade traditional industries."),
            (2, "The second is to consolidate and improve advantageous industries."),
            (3, "The third is to cultivate and expand emerging industries."),
            (4, "The fourth is to proactively lay out future industries."),
            (5, "The fifth is to promote the development of industrial clusters."),
        ],
    ]


def test_000_offsets(noisy_seed: Interview) -> None:
    assert_offsets_are_exact(noisy_seed.text, noisy_seed.outline)


def test_000_shape_without_the_cleaner() -> None:
    """The 000 conventions on text written clean by hand: colon headings, inline lists."""
    text = (
        "Since the beginning of this year, the economy recovered. How to consolidate it?\n"
        "Stabilizing industrial growth: We have the confidence to promote the recovery.\n"
        "Question: How do you view the situation? What are the foundations?\n"
        "Answer: Since the beginning of this year, growth was steady.\n"
        "In the first quarter, output rose by 4% year-on-year.\n"
        "Focus on key industries: 10 industries implement industry-specific policies\n"
        "Q: What is the progress?\n"
        "A: We focus on four aspects of work.\n"
        "The first is to create a level playing field. Thoroughly implement the law.\n"
        "The second is to support specialties. Study new measures.\n"
        "We will adhere to the concept of open development.\n"
    )
    outline = build_outline(text)
    assert outline.title is None
    assert headings(outline) == [
        "Stabilizing industrial growth: We have the confidence to promote the recovery.",
        "Focus on key industries: 10 industries implement industry-specific policies",
    ]
    assert questions(outline) == [
        "How do you view the situation? What are the foundations?",
        "What is the progress?",
    ]
    assert measures(outline) == [
        [],
        [
            (1, "The first is to create a level playing field."),
            (2, "The second is to support specialties."),
        ],
    ]
    last = outline.questions[1].measures[-1]
    assert text[last.start : last.end] == (
        "The second is to support specialties. Study new measures.\n"
        "We will adhere to the concept of open development."
    )
    assert_offsets_are_exact(text, outline)


# ------------------------------------------------- other transcript conventions


def test_reporter_and_minister_labels() -> None:
    text = (
        "Minister Li on the new plan\n\n"
        "Reporter: How will the plan work?\n"
        "Minister Li: It starts in March. Funding follows.\n"
        "More detail comes later.\n"
        "Reporter: And after that?\n"
        "Minister Li: We review it.\n"
    )
    outline = build_outline(text)
    assert outline.title == "Minister Li on the new plan"
    assert headings(outline) == [None]
    assert questions(outline) == ["How will the plan work?", "And after that?"]
    first, second = outline.questions
    assert (first.asker, first.answerer) == ("Reporter", "Minister Li")
    assert text[first.answer.start : first.answer.end] == (
        "It starts in March. Funding follows.\nMore detail comes later."
    )
    assert text[second.answer.start : second.answer.end] == "We review it."
    assert_offsets_are_exact(text, outline)


def test_interviewer_and_a_labels_with_fullwidth_colon_and_q_dot() -> None:
    text = (
        "Interviewer: What changed this year?\n"
        "A： Demand recovered.\n"
        "Q. Will it last?\n"
        "A. We think so.\n"
        "记者：明年怎么做？\n"
        "答：继续推进。\n"
    )
    outline = build_outline(text)
    assert questions(outline) == ["What changed this year?", "Will it last?", "明年怎么做？"]
    assert [q.answerer for q in outline.questions] == ["A", "A", "答"]
    answers = [text[q.answer.start : q.answer.end] for q in outline.questions]
    assert answers == ["Demand recovered.", "We think so.", "继续推进。"]
    assert_offsets_are_exact(text, outline)


def test_question_label_with_name_answer_and_numbered_lines() -> None:
    text = (
        "Question: What are the priorities?\n"
        "Jin Zhuanglong: There are three.\n"
        "1. Stabilize growth in key industries.\n"
        "Details follow here.\n"
        "2. Build a modern industrial system.\n"
        "3. Support small firms; cut their costs.\n"
    )
    outline = build_outline(text)
    (question,) = outline.questions
    assert question.answerer == "Jin Zhuanglong"
    assert [(m.ordinal, m.text) for m in question.measures] == [
        (1, "Stabilize growth in key industries."),
        (2, "Build a modern industrial system."),
        (3, "Support small firms; cut their costs."),
    ]
    first = question.measures[0]
    assert text[first.start : first.end] == (
        "Stabilize growth in key industries.\nDetails follow here."
    )
    assert_offsets_are_exact(text, outline)


def test_inline_parenthesised_items() -> None:
    text = (
        "Q: What will you do?\n"
        "A: We will (1) cut taxes for small firms; (2) extend credit lines; and "
        "(3) simplify approvals. That is the plan.\n"
    )
    (question,) = build_outline(text).questions
    assert [(m.ordinal, m.text) for m in question.measures] == [
        (1, "cut taxes for small firms"),
        (2, "extend credit lines"),
        (3, "simplify approvals."),
    ]
    assert text[question.measures[0].start : question.measures[0].end] == (
        "cut taxes for small firms;"
    )
    assert text[question.measures[2].end - 1] == "."


def test_first_second_finally() -> None:
    text = (
        "Q: How?\n"
        "Answer: First, we will open markets. This helps trade. Second, we will cut costs.\n"
        "Finally, we will train workers.\n"
    )
    (question,) = build_outline(text).questions
    assert [(m.ordinal, m.text) for m in question.measures] == [
        (1, "First, we will open markets."),
        (2, "Second, we will cut costs."),
        (3, "Finally, we will train workers."),
    ]
    assert text[question.measures[0].start : question.measures[0].end] == (
        "First, we will open markets. This helps trade."
    )


def test_firstly_secondly() -> None:
    text = "Q: How?\nA: Firstly, reform. Secondly, open up. Thirdly, innovate.\n"
    (question,) = build_outline(text).questions
    assert [(m.ordinal, m.text) for m in question.measures] == [
        (1, "Firstly, reform."),
        (2, "Secondly, open up."),
        (3, "Thirdly, innovate."),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "2023 is the first year of the plan. The second half will be better.",
        "In the first half of the year, output rose. In the second quarter it rose again.",
        "First Secretary Wang visited. Second, unrelated, comes nothing.",
        "The first is to stabilize growth. Nothing else was listed.",
        "The second is to cut costs. The third is to open markets.",
        "(2) and (3) refer to the annex.",
        "Finally, we thank the reporter.",
    ],
)
def test_no_false_measures(answer: str) -> None:
    (question,) = build_outline(f"Q: What happened?\nA: {answer}\n").questions
    assert question.measures == ()


def test_two_lists_in_one_answer_are_each_numbered_from_one() -> None:
    text = (
        "Q: What now?\n"
        "A: First, we listen. Second, we act.\n"
        "The first is to build roads. The second is to build ports. The third is to build "
        "rail.\n"
    )
    (question,) = build_outline(text).questions
    assert [(m.ordinal, m.text) for m in question.measures] == [
        (1, "First, we listen."),
        (2, "Second, we act."),
        (1, "The first is to build roads."),
        (2, "The second is to build ports."),
        (3, "The third is to build rail."),
    ]


def test_no_headings_gives_one_section_without_heading() -> None:
    text = (
        "The minister spoke to us last week about the year ahead and the plans.\n"
        "Q: What is next?\n"
        "A: Growth is next. We are confident about it.\n"
        "Q: Why?\n"
        "A: Demand is strong.\n"
    )
    outline = build_outline(text)
    assert headings(outline) == [None]
    assert outline.sections[0].start == text.index("Q: What is next?")
    assert outline.sections[0].end == len(text) - 1
    assert outline.intro is not None
    assert text[outline.intro.start : outline.intro.end] == (
        "The minister spoke to us last week about the year ahead and the plans."
    )
    assert questions(outline) == ["What is next?", "Why?"]


def test_last_answer_line_is_not_a_heading_in_a_document_without_headings() -> None:
    text = (
        "Q: What is the plan?\n"
        "A: That is simple.\n"
        "Our plan: to grow steadily.\n"
        "Q: And then?\n"
        "A: We review.\n"
    )
    outline = build_outline(text)
    assert headings(outline) == [None]
    answer = outline.questions[0].answer
    assert text[answer.start : answer.end] == "That is simple.\nOur plan: to grow steadily."


def test_question_without_answer_label_answer_starts_next_paragraph() -> None:
    text = "Q: What changed?\n\nDemand recovered strongly this year.\n\nQ: Why?\nIt was policy.\n"
    outline = build_outline(text)
    first, second = outline.questions
    assert first.text == "What changed?"
    assert text[first.answer.start : first.answer.end] == "Demand recovered strongly this year."
    assert first.answerer == ""
    assert text[second.answer.start : second.answer.end] == "It was policy."


def test_question_and_answer_on_one_line() -> None:
    text = "Q: Will growth continue? A: Yes, it will. We are sure.\n"
    (question,) = build_outline(text).questions
    assert question.text == "Will growth continue?"
    assert text[question.answer.start : question.answer.end] == "Yes, it will. We are sure."


def test_answer_label_alone_on_its_line() -> None:
    text = "Q: What is new?\nAnswer:\nThe plan is new.\n"
    (question,) = build_outline(text).questions
    assert question.text == "What is new?"
    assert text[question.answer.start : question.answer.end] == "The plan is new."


def test_unanswered_last_question_has_an_empty_answer() -> None:
    text = "Q: Is there time for one more?\n"
    (question,) = build_outline(text).questions
    assert question.text == "Is there time for one more?"
    assert question.answer.start == question.answer.end


def test_no_questions_at_all() -> None:
    text = (
        "A quiet year for industry\n\n"
        "Output grew slowly. How to speed it up?\n"
        "Officials say reform is the answer.\n"
    )
    outline = build_outline(text)
    assert outline.title == "A quiet year for industry"
    assert outline.sections == ()
    assert outline.intro is not None
    assert text[outline.intro.start : outline.intro.end] == (
        "Output grew slowly. How to speed it up?\nOfficials say reform is the answer."
    )


@pytest.mark.parametrize("text", ["", "   \n\n  \t\n"])
def test_empty_text(text: str) -> None:
    assert build_outline(text) == Outline()


def test_wire_style_dateline_and_by_byline() -> None:
    text = (
        "China sets out plan to stabilize industry\n"
        "By Li Ming and Wang Fang\n"
        "BEIJING, Jan. 2 (Xinhua) -- China will stabilize industry, officials said.\n"
        "Q: What is the plan?\n"
        "A: To stabilize industry.\n"
    )
    outline = build_outline(text)
    assert outline.title == "China sets out plan to stabilize industry"
    assert outline.byline == "By Li Ming and Wang Fang"
    assert outline.dateline == "BEIJING, Jan. 2 (Xinhua) --"
    assert outline.intro is not None
    assert text[outline.intro.start : outline.intro.end] == (
        "BEIJING, Jan. 2 (Xinhua) -- China will stabilize industry, officials said."
    )


def test_labels_alone_on_their_lines() -> None:
    text = "Reporter:\nHow will it work?\nMinister Li:\nStep by step.\n"
    (question,) = build_outline(text).questions
    assert (question.asker, question.text, question.answerer) == (
        "Reporter",
        "How will it work?",
        "Minister Li",
    )
    assert text[question.start : question.end] == "How will it work?"
    assert text[question.answer.start : question.answer.end] == "Step by step."


def test_one_word_name_label_must_recur() -> None:
    spoken = (
        "Xinhua News Agency reporter: Why now?\nLi: Because demand is back.\nQ: And?\nLi: More.\n"
    )
    first, second = build_outline(spoken).questions
    assert first.asker == "Xinhua News Agency reporter"
    assert (first.answerer, second.answerer) == ("Li", "Li")
    assert spoken[first.answer.start : first.answer.end] == "Because demand is back."

    prose = "Q: What is new?\nSpecifically: three things changed this year.\n"
    (question,) = build_outline(prose).questions
    assert question.answerer == ""
    assert prose[question.answer.start : question.answer.end] == (
        "Specifically: three things changed this year."
    )


def test_first_line_heads_the_first_section_when_the_document_has_headings() -> None:
    text = "Growth first\nQ: How fast?\nA: Steadily.\nReform next\nQ: How deep?\nA: Deeply.\n"
    outline = build_outline(text)
    assert outline.title is None
    assert headings(outline) == ["Growth first", "Reform next"]
    assert outline.intro is None
    assert_offsets_are_exact(text, outline)


LINE_SHAPES = (
    "Q: What is next?",
    "Q:",
    "Question 2: Why?",
    "Reporter： How so? A: Like this.",
    "A: Yes.",
    "Answer:",
    "Minister Li: We act.",
    "Li: Quickly.",
    "Specifically: it works.",
    "Stabilizing growth: We are confident.",
    "A short heading",
    "How to grow?",
    "The first is to grow. Then more.",
    "The second is to reform.",
    "First, open. Second, reform. Finally, review.",
    "(1) cut taxes; (2) build roads.",
    "1. One thing.",
    "2. Another thing.",
    "Xinhua News Agency, Beijing, January 2. Title: A title",
    "By Li Ming",
    "It grew 4.5% on Dec. 3 in the U.S. market.",
    "记者：怎么办？",
    "答：继续。",
    "   ",
    "",
    "…",
    ":",
    "A:",
    "(1)",
    "The first is",
)


@pytest.mark.parametrize("seed", range(60))
def test_random_documents_keep_the_invariants(seed: int) -> None:
    import random

    from corpus import split_sentences

    rng = random.Random(seed)
    lines = [rng.choice(LINE_SHAPES) for _ in range(rng.randint(0, 25))]
    text = "\n".join(lines) + rng.choice(["", "\n", "\n\n"])
    outline = build_outline(text)  # must never raise
    assert_offsets_are_exact(text, outline)
    for question in outline.questions:
        ordinals = [m.ordinal for m in question.measures]
        assert all(b in (1, a + 1) for a, b in zip([0, *ordinals], ordinals, strict=False))
    assert all(span.start < span.end for span in split_sentences(text))


def test_hard_wrapped_copy_has_the_same_outline(clean_seed: Interview) -> None:
    import textwrap

    paragraphs = [line.strip() for line in clean_seed.text.splitlines() if line.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, 72, break_on_hyphens=False) for p in paragraphs)
    outline = build_outline(wrapped + "\n")
    original = clean_seed.outline
    assert (outline.title, outline.dateline, outline.byline) == (
        original.title,
        original.dateline,
        original.byline,
    )
    assert headings(outline) == headings(original)
    assert questions(outline) == questions(original)
    assert measures(outline) == measures(original)
    assert_offsets_are_exact(wrapped, outline)


def test_more_enumerating_shapes() -> None:
    text = (
        "Q: What are the tasks?\n"
        "A: There are three tasks: first, stabilize growth; second, expand demand; third, "
        "reform.\n"
        "Q: And the aspects?\n"
        "A: The first aspect is demand. The second aspect is supply.\n"
        "Q: And the order?\n"
        "A: First of all, we listen. Secondly, we act. Last but not least, we review.\n"
    )
    assert measures(build_outline(text)) == [
        [
            (1, "first, stabilize growth"),
            (2, "second, expand demand"),
            (3, "third, reform."),
        ],
        [(1, "The first aspect is demand."), (2, "The second aspect is supply.")],
        [
            (1, "First of all, we listen."),
            (2, "Secondly, we act."),
            (3, "Last but not least, we review."),
        ],
    ]


def test_both_speakers_labelled_by_name() -> None:
    text = (
        "Minister Jin on industry\n"
        "Zhang Xinxin: How was the past year?\n"
        "Jin Zhuanglong: Difficult, but industry recovered.\n"
        "Zhang Xinxin: What comes next? Is there a plan?\n"
        "Jin Zhuanglong: Yes. The first is to stabilize growth. The second is to reform.\n"
        "Zhang Xinxin: Thank you.\n"
        "Jin Zhuanglong: Thank you.\n"
    )
    outline = build_outline(text)
    assert outline.title == "Minister Jin on industry"
    assert headings(outline) == [None]
    # The closing thanks is a turn of the interviewer's, not a question (issue 11).
    assert questions(outline) == ["How was the past year?", "What comes next? Is there a plan?"]
    assert {(q.asker, q.answerer) for q in outline.questions} == {
        ("Zhang Xinxin", "Jin Zhuanglong")
    }
    assert outline.turns[-2].speaker == "Zhang Xinxin"
    assert text[outline.turns[-2].start : outline.turns[-2].end] == "Thank you."
    assert (outline.speakers, outline.askers) == (
        ("Zhang Xinxin", "Jin Zhuanglong"),
        ("Zhang Xinxin",),
    )
    assert measures(outline)[1] == [
        (1, "The first is to stabilize growth."),
        (2, "The second is to reform."),
    ]
    assert_offsets_are_exact(text, outline)


def test_reporter_with_a_name() -> None:
    text = "Reporter Zhang Xinxin: Why now?\nJin Zhuanglong: Because it is time.\n"
    (question,) = build_outline(text).questions
    assert (question.asker, question.text) == ("Reporter Zhang Xinxin", "Why now?")


def test_cardinal_items_as_translations_write_them() -> None:
    text = (
        "Q: What will you do?\n"
        "A: One is to stabilize growth. Two is to expand demand; three is to reform.\n"
        "Q: And people?\n"
        "A: One is tempted to say more. No list here.\n"
    )
    assert measures(build_outline(text)) == [
        [
            (1, "One is to stabilize growth."),
            (2, "Two is to expand demand"),
            (3, "three is to reform."),
        ],
        [],
    ]
