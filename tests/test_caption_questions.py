"""Caption lines without speaker names: questions asked straight, without a reaction or a
"you", are read from the talk around them, and an answer's own questions stay in it."""

from __future__ import annotations

from pathlib import Path

from corpus import build_outline, load_interview

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def _captions(lines: list[str]) -> str:
    """``00:00:05 words`` lines, a blank line between, as podcast caption exports have."""
    return "\n\n".join(f"00:{n // 60:02d}:{n % 60:02d} {line}" for n, line in enumerate(lines))


OPENING = [
    "Welcome to the show. This week I talk with Ana Ruiz about glaciers.",
    "Ana, welcome to the show.",
    "Thanks for having me, it's lovely to be here.",
    "Okay, cool. So before we get into it, how did you get into glaciology?",
    "I grew up in a valley in the Andes, and the glacier above our village was the first thing I",
    "saw every morning. My father guided climbers there, so I was on the ice from the age of six.",
]


def _questions(text: str) -> list[str]:
    return [question.text for question in build_outline(text).questions]


def test_a_question_asked_straight_after_an_answer_is_found() -> None:
    text = _captions(
        [
            *OPENING,
            "What was the motivation behind the first survey?",
            "The ice was retreating faster than anyone had measured, and nobody had numbers for",
            "our valley. The regional office had one photograph from 1950 and nothing since then.",
        ]
    )
    assert _questions(text)[-1] == "What was the motivation behind the first survey?"


def test_a_question_over_two_caption_lines_is_one_question() -> None:
    text = _captions(
        [
            *OPENING,
            "How did the first survey of the ice come",
            "about?",
            "A professor from the capital came to the village in the summer and needed someone who",
            "knew the paths across the moraine, so my father sent me with her for six weeks.",
        ]
    )
    assert _questions(text)[-1] == "How did the first survey of the ice come about?"


def test_a_lead_in_put_to_the_listener_belongs_to_the_question() -> None:
    text = _captions(
        [
            *OPENING,
            "You probably meet teams with very different ways of measuring the ice.",
            "Do they agree on the numbers in the end?",
            "Mostly they do. The satellites and the stakes we drill into the ice tell the same",
            "story within a few centimetres a year, once the snow on top is accounted for. Where",
            "they differ is in the steep parts, where nobody can drill and the images are blurred.",
        ]
    )
    assert _questions(text)[-1] == (
        "You probably meet teams with very different ways of measuring the ice. "
        "Do they agree on the numbers in the end?"
    )


def test_a_reaction_before_a_question_without_you_opens_it() -> None:
    text = _captions(
        [
            *OPENING,
            "Nice. Was that survey done on foot, or was there a helicopter?",
            "On foot, all of it. We carried the instruments up in three trips and slept in a hut",
            "at the edge of the ice for most of the summer.",
        ]
    )
    assert _questions(text)[-1] == "Nice. Was that survey done on foot, or was there a helicopter?"


def test_the_answerers_own_questions_stay_in_the_answer() -> None:
    answer = [
        "I grew up in a valley in the Andes, and the glacier above our village was the first thing",
        "I saw every morning. So why do we care about one small glacier? Because the river below",
        "it waters the whole valley, and when it goes, the farms go with it. And what do we do",
        "then? Nobody in the village had an answer, and that is what got me started on the ice.",
    ]
    later = [
        "Interesting. And did you stay in the valley to study?",
        "No, I went to the capital at eighteen, and came back every summer to measure the ice.",
    ]
    text = _captions(
        [*OPENING[:3], "Okay, cool. How did you get into glaciology?", *answer, *later]
    )
    outline = build_outline(text)
    assert [q.text for q in outline.questions] == [
        "Okay, cool. How did you get into glaciology?",
        "Interesting. And did you stay in the valley to study?",
    ]
    answer_span = outline.questions[0].answer
    assert "So why do we care about one small glacier?" in text[answer_span.start : answer_span.end]


def test_a_question_put_back_or_a_narrators_question_is_no_question() -> None:
    text = _captions(
        [
            "Do you ever wonder where the water in your tap comes from?",
            "Maybe you live below a glacier without knowing it. This week we find out.",
            *OPENING,
            "Are you still going up there every summer?",
            "Are you kidding? Of course. I would not miss it for anything, the first week on the",
            "ice is the best week of my year, every year, whatever the weather does.",
        ]
    )
    questions = _questions(text)
    assert not any(q.startswith("Do you ever wonder") for q in questions)
    assert not any(q.startswith("Are you still going") for q in questions)


def test_a_statement_with_a_tag_needs_its_reply_to_confirm_it() -> None:
    text = _captions(
        [
            *OPENING,
            "Right. There were no satellites over the Andes in those days, right?",
            "Not at a resolution that showed our glacier, no. The first usable images came in the",
            "nineties, and by then half of the ice I knew as a child was already gone.",
        ]
    )
    assert not any(q.startswith("Right. There were") for q in _questions(text))


def test_the_new_caption_transcripts() -> None:
    labs = load_interview(TRANSCRIPTS / "podcast_talkpython_461_academic_labs_2024.txt")
    texts = [question.text for question in labs.outline.questions]
    assert "Was Python your first programming language?" in texts
    assert "Are you still on Linux?" in texts
    assert not any("Do you use Python in an academic setting?" in t for t in texts)
    assert not any("Do you know Neo4j?" in t for t in texts)  # the sponsor read
    climate = load_interview(TRANSCRIPTS / "podcast_talkpython_134_climate_science_2017.txt")
    texts = [question.text for question in climate.outline.questions]
    assert "Nice. Was that actually in FORTRAN, or what language was that in?" in texts
    assert not any("biggest challenge facing human civilization" in t for t in texts)
    assert not any("Do you say days since" in t for t in texts)  # the guest's own question


def test_a_statement_the_reply_agrees_with_is_a_question() -> None:
    text = _captions(
        [
            *OPENING,
            "I see. So most of your work is measuring how fast the ice goes back.",
            "Yeah, exactly.",
            "That and how much water the valley loses with it, which is what the farmers ask",
            "me about every time I come down from the glacier in the autumn.",
        ]
    )
    assert _questions(text)[-1].startswith("I see. So most of your work is measuring")


def test_a_reaction_right_after_a_question_opens_the_reply_not_a_new_question() -> None:
    text = _captions(
        [
            *OPENING,
            "Now, tell us about the instruments you take up there.",
            "Yeah, so whenever I go up, I take stakes, a steam drill and a GPS receiver.",
            "The stakes go into the ice and we measure them again a year later. And you",
            "have seen the pictures, you know how much of it there is to carry.",
            "You said you drill the stakes in with steam, right?",
            "Yes, a small boiler and a hose. It melts a hole ten metres deep in an hour, and the",
            "stake freezes in overnight, so by morning it will not move for a year.",
        ]
    )
    assert not any(q.startswith("Yeah, so whenever I go up") for q in _questions(text))


def test_statements_the_researcher_agrees_with_in_a_subtitle_file() -> None:
    astronomy = load_interview(TRANSCRIPTS / "vtt_talkpython_081_astronomy_2016.vtt")
    texts = [question.text for question in astronomy.outline.questions]
    assert any(
        t.startswith("I see. So a lot of machine learning is about prediction") for t in texts
    )
    assert any(t.startswith("Yeah, that makes sense. So maybe you're looking") for t in texts)
    assert not any("what programming language should I use?" in t for t in texts)
