"""A caption export in plain text, a time opening each line and no name: the times go to
the time map and out of the words; an agenda's and a dateline's times stay words."""

from __future__ import annotations

from pathlib import Path

from corpus import Interview, load_interview

CAPTIONS = [
    "Welcome back to the show. Today I talk with a soil scientist about her fieldwork.",
    "How did you get into soil science in the first place?",
    "I grew up on a farm in the valley, and the dirt was always there under our feet.",
    "My parents grew wheat and barley, and every spring we tested the fields together.",
    "So it was a natural step for me to study it at university later on.",
    "What does a typical day of fieldwork look like for you and your team?",
    "First, we drive out to the plots before sunrise and take the cores.",
    "Second, we weigh and bag every core right there in the field.",
    "Third, we bring the bags back to the lab and dry them overnight.",
    "It is long work, but the numbers we get from it are worth every hour.",
    "And the next morning we start the whole thing over again at another site.",
    "That sounds like a lot of driving around the countryside.",
]


def _load(tmp_path: Path, lines: list[str], start: int = 3, step: int = 4) -> tuple[str, Interview]:
    path = tmp_path / "captions.txt"
    stamped = [
        f"00:{(start + step * at) // 60:02d}:{(start + step * at) % 60:02d} {line}"
        for at, line in enumerate(lines)
    ]
    path.write_text("\n\n".join(stamped) + "\n", encoding="utf-8")
    return path.read_text(encoding="utf-8"), load_interview(path)


def test_line_opening_times_go_to_the_time_map_and_out_of_the_words(tmp_path: Path) -> None:
    _, interview = _load(tmp_path, CAPTIONS)
    text = interview.text
    assert "00:0" not in text
    for line in text.strip().split("\n\n"):
        assert line in CAPTIONS
    # Each line keeps its time, at its words: 00:00:27 is the seventh line's.
    assert interview.time_at(text.index("First, we drive")) == 27
    assert interview.time_at(text.index("Second, we weigh")) == 31
    # The answer's "First, ... Second, ... Third, ..." opens its lines: a list.
    asked = {question.text: question for question in interview.outline.questions}
    day = asked["What does a typical day of fieldwork look like for you and your team?"]
    assert [measure.text.split(",")[0] for measure in day.measures] == [
        "First",
        "Second",
        "Third",
    ]


def test_an_agenda_a_dateline_and_times_in_prose_stay_words(tmp_path: Path) -> None:
    agenda = [
        "Opening remarks",
        "Keynote on soil health",
        "Coffee",
        "Panel on fieldwork",
        "Lunch",
        "Lab tour",
        "Posters",
        "Break",
        "Closing panel",
        "Reception",
        "Dinner",
    ]
    # Half an hour apart: a few words an hour, no one speaking.
    text, interview = _load(tmp_path, agenda, start=9 * 60, step=30)
    assert interview.text == text
    assert interview.times == ()
    path = tmp_path / "dateline.txt"
    dated = "\n\n".join(f"2:{10 + at} P.M. EST {line}" for at, line in enumerate(CAPTIONS))
    path.write_text(dated + "\n\nWe met at 10:30 and talked until noon.\n", encoding="utf-8")
    interview = load_interview(path)
    assert "2:16 P.M. EST First, we drive" in interview.text
    assert "at 10:30 and" in interview.text
    assert interview.times == ()
