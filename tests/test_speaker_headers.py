"""Speaker headers, a name and a time together, read by one grammar; notes and times in
prose are not headers. Each made-up transcript here is laid out as a tool writes it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus import load_interview
from corpus.reading.headers import read_header
from corpus.times import seconds

ASKED = ("How did you get into soil science?", "What does a typical day look like?")


@pytest.mark.parametrize(
    ("line", "name", "seconds", "rest"),
    [
        ("[Ann Lee] [02:13] Hello.", "Ann Lee", 133, "Hello."),
        ("[Ann Lee] Hello.", "Ann Lee", None, "Hello."),
        ("[00:00:02] Ann Lee: Hello.", "Ann Lee", 2, "Hello."),
        ("[00:00:02] **Ann Lee**: Hello.", "Ann Lee", 2, "Hello."),
        ("**Ann Lee** [02:13]", "Ann Lee", 133, ""),
        ("Ann Lee (00:01:02) - Hello.", "Ann Lee", 62, "Hello."),
        ("Ann Lee (00:01:02): Hello.", "Ann Lee", 62, "Hello."),
        ("Ann Lee – 00:01:02", "Ann Lee", 62, ""),
        ("Speaker 1  0:03", "Speaker 1", 3, ""),
        ("Ann Lee 00:00:03", "Ann Lee", 3, ""),
        ("Speaker 0: 00:00:00", "Speaker 0", 0, ""),
        ("SPEAKER_01 00:00:03", "SPEAKER_01", 3, ""),
        ("Unknown Speaker  1:02:03", "Unknown Speaker", 3723, ""),
        ("00:00:05 <v Ann Lee>Hello, <v Ann Lee>you.", "Ann Lee", 5, "Hello, you."),
        ("00:00:05 <v 1>Hello.", "Speaker 1", 5, "Hello."),
    ],
)
def test_the_grammar_reads_each_tools_header(
    line: str, name: str, seconds: float | None, rest: str
) -> None:
    header = read_header(line)
    assert header is not None
    assert (header.name, header.seconds, header.rest) == (name, seconds, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Ann Lee: Hello.",  # a label: the outline reads it, nothing to lift
        "At 10:30 we left the farm.",
        "10:30 Then we left the farm.",  # a time opening a sentence
        "Ann Lee 00:05 is when she came.",
        "[inaudible 00:12] so we went",
        "[laughter] so we went",
        "[00:12] and then we drove",
    ],
)
def test_lines_that_are_no_header(line: str) -> None:
    assert read_header(line) is None


def _turns(tmp_path: Path, name: str, text: str) -> list[tuple[str | None, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    interview = load_interview(path)
    return [(t.speaker, interview.text[t.start : t.end]) for t in interview.outline.turns]


def test_a_wrapped_turn_and_an_answer_in_blocks_each_with_its_time_are_one_turn(
    tmp_path: Path,
) -> None:
    text = (
        "Ann Lee (00:00:01) - Welcome. How did you get into\nsoil science?\n\n"
        "Omar Haddad (00:00:09) - I grew up on a farm, and the dirt\nwas always there.\n\n"
        "Omar Haddad (00:00:40) - Then I went to college and\nstudied it.\n\n"
        "Ann Lee (00:01:20) - What does a typical day look like?\n\n"
        "Omar Haddad (00:01:28) - Fieldwork, then the lab.\n"
    )
    path = tmp_path / "rev.txt"
    path.write_text(text, encoding="utf-8")
    interview = load_interview(path)
    turns = [(t.speaker, interview.text[t.start : t.end]) for t in interview.outline.turns]
    assert [speaker for speaker, _ in turns] == ["Ann Lee", "Omar Haddad", "Ann Lee", "Omar Haddad"]
    assert "studied it." in turns[1][1] and "00:00:40" not in interview.text
    assert [" ".join(q.text.split()) for q in interview.outline.questions] == [
        "Welcome. How did you get into soil science?",
        "What does a typical day look like?",
    ]
    # Each block's time stays in the time map, at its words.
    assert interview.time_at(interview.text.index("Then I went")) == 40


def test_voice_tags_in_a_text_export_and_timed_lines_that_name_nobody(tmp_path: Path) -> None:
    # A speech-to-text export, a caption a line: the voice tag after the time, a line with
    # a time and no voice going on with the voice before it.
    text = (
        "00:00:01 <v Ann Lee>Welcome. How did you get into soil science?\n\n"
        "00:00:09 <v Omar Haddad>I grew up on a farm, <v Omar Haddad>the dirt was there.\n\n"
        "00:00:12 And it stayed with me.\n\n"
        "00:00:20 <v Ann Lee>What does a typical day look like?\n\n"
        "00:00:26 <v Omar Haddad>Fieldwork, then the lab.\n"
    )
    turns = _turns(tmp_path, "captions.txt", text)
    assert [speaker for speaker, _ in turns] == ["Ann Lee", "Omar Haddad", "Ann Lee", "Omar Haddad"]
    assert turns[1][1] == "I grew up on a farm, the dirt was there.\n\nAnd it stayed with me."
    interview = load_interview(tmp_path / "captions.txt")
    assert interview.time_at(interview.text.index("And it stayed")) == 12


def test_bracketed_names_without_times_are_speakers_and_notes_stay_words(
    tmp_path: Path,
) -> None:
    text = (
        "[Ann Lee] How did you get into soil science?\n"
        "[Omar Haddad] I grew up on a farm. [Laughter] The dirt was always there.\n"
        "[Laughter] And it stayed with me.\n"
        "[Ann Lee] What does a typical day look like?\n"
        "[Omar Haddad] Fieldwork, then the lab.\n"
        "[Laughter] Mostly fieldwork.\n"
    )
    path = tmp_path / "brackets.txt"
    path.write_text(text, encoding="utf-8")
    interview = load_interview(path)
    assert interview.outline.speakers == ("Ann Lee", "Omar Haddad")
    assert [q.text for q in interview.outline.questions] == list(ASKED)
    assert "[Laughter] And it stayed" in interview.text  # a note, recurring, is no speaker


@pytest.mark.parametrize(
    "text",
    [
        # Notes opening a few paragraphs, recurring: no convention of names.
        "[Laughter] That was the year we moved.\n\nWe went north in May.\n\n"
        "[Crosstalk] And the soil was poor.\n\nSo we dug.\n\nAnd we dug more.\n\n"
        "[Laughter] Then the farm.\n\nIt rained.\n\n[Crosstalk] And the soil.\n\n"
        "We stayed ten years.\n",
        # One bracketed word at one line's start.
        "[Sighs] It was a long time ago.\nWe moved north that spring.\n",
        # Times in prose.
        "10:30 Then we left the farm.\n11:45 Then we came back.\n12:15 Then lunch.\n",
    ],
    ids=["recurring-notes", "one-bracketed-word", "times-in-prose"],
)
def test_notes_and_times_in_prose_are_no_speakers(tmp_path: Path, text: str) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(text, encoding="utf-8")
    interview = load_interview(path)
    assert interview.outline.speakers == ()
    assert interview.text.strip() == text.strip()


def test_numbered_voices_with_a_tag_only_where_the_speaker_changes(tmp_path: Path) -> None:
    cues = [
        ("<v 0>Welcome to the show.", 1),
        ("How did you get into soil science?", 4),
        ("<v 1>I grew up on a farm.", 9),
        ("The dirt was always there.", 12),
        ("<v 0>What does a typical day look like?", 80),
        ("<v 1>Fieldwork, then the lab.", 88),
    ]
    blocks = ["WEBVTT", ""]
    for words, start in cues:
        blocks += [
            f"00:{start // 60:02d}:{start % 60:02d}.000 --> 00:{start // 60:02d}:"
            f"{start % 60 + 2:02d}.500",
            words,
            "",
        ]
    turns = _turns(tmp_path, "numbered.vtt", "\n".join(blocks))
    assert turns == [
        ("Speaker 0", "Welcome to the show. How did you get into soil science?"),
        ("Speaker 1", "I grew up on a farm. The dirt was always there."),
        ("Speaker 0", "What does a typical day look like?"),
        ("Speaker 1", "Fieldwork, then the lab."),
    ]


@pytest.mark.parametrize(
    ("asker", "answerer"),
    [("Speaker 1", "Speaker 2"), ("SPEAKER_00", "SPEAKER_01"), ("Unknown Speaker", "Speaker 1")],
)
def test_a_tools_generic_speaker_ids_are_speakers(
    tmp_path: Path, asker: str, answerer: str
) -> None:
    text = (
        f"{asker}: {ASKED[0]}\n\n{answerer}: I grew up on a farm.\n\n"
        f"{asker}: {ASKED[1]}\n\n{answerer}: Fieldwork, then the lab.\n"
    )
    path = tmp_path / "ids.txt"
    path.write_text(text, encoding="utf-8")
    interview = load_interview(path)
    assert interview.outline.speakers == (asker, answerer)
    assert [q.text for q in interview.outline.questions] == list(ASKED)


def test_an_exchange_said_twice_word_for_word_stays_two_turns_each_time(tmp_path: Path) -> None:
    # With the times out of the words, the same short exchange recurs word for word: it
    # is still said (a restated heading block's lines end without a full stop).
    turns = [
        ("Ann Lee", 1, ASKED[0]),
        ("Omar Haddad", 9, "I grew up on a farm."),
        ("Ann Lee", 20, "Right, right."),
        ("Omar Haddad", 22, "Yes."),
        ("Ann Lee", 30, ASKED[1]),
        ("Omar Haddad", 39, "Fieldwork, then the lab."),
        ("Ann Lee", 50, "Right, right."),
        ("Omar Haddad", 52, "Yes."),
        ("Ann Lee", 60, "And what comes next for you?"),
        ("Omar Haddad", 66, "More soil."),
    ]
    text = "\n\n".join(f"[00:00:{s:02d}] {name}: {words}" for name, s, words in turns)
    found = _turns(tmp_path, "descript.txt", text)
    assert [(speaker, words) for speaker, words in found] == [(n, w) for n, _, w in turns]


TRANSCRIPTS = Path(__file__).parent / "transcripts"
#: Published transcripts whose turns open with a header (file, the header's pattern as the
#: file writes it): bold name and colon then time, generic voices and time, a name and time
#: with no colon, a first name and time and a colon after it.
REAL_HEADERS = [
    ("podcast_mit_bitcoin_expo_core_dev_roundtable_2025.md", r"\*\*[^*\n]+:\*\* \d\d:\d\d:\d\d"),
    ("podcast_brink_mempool_ancestors_2021.md", r"Speaker \d: \d\d:\d\d:\d\d"),
    ("podcast_stephan_livera_splicing_2023.md", r"[A-Z]\w+ [A-Z]\w+ \d\d:\d\d:\d\d"),
    ("podcast_stephan_livera_449_opvault_2023.md", r"[A-Z]\w+ +\d\d:\d\d:\d\d:"),
    ("podcast_python_bytes_455_cyclopts_2025.txt", r"\d\d:\d\d:\d\d (?:<v [^>]+>)?.*"),
]


@pytest.mark.parametrize(("name", "header"), REAL_HEADERS, ids=[n for n, _ in REAL_HEADERS])
def test_a_published_transcripts_headers_give_its_speakers_and_times_leave_its_words(
    name: str, header: str
) -> None:
    path = TRANSCRIPTS / name
    written = re.findall(rf"(?m)^{header}[ \t]*$", path.read_text(encoding="utf-8"))
    interview = load_interview(path)
    gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    assert list(interview.outline.speakers) == gold["speakers"]
    assert len(written) >= 8 and len(interview.times) == len(written)
    assert not re.search(r"\d\d:\d\d:\d\d", interview.text)  # no time left in the words
    # Every header's time is in the time map, in order.
    assert [at for _, at in interview.times] == [seconds(line) for line in written]
