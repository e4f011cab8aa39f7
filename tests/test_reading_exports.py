"""The exports of the recording and transcription tools researchers use, read end to end:
file -> clean text and speaker turns -> who asks -> whole questions, times out of the text.

Each sample follows the layout the tool's own documentation and exports show (Zoom's
numbered cues with ``Name:``, Teams' GUID cue ids and ``<v Name>``, Otter's ``Name  0:05``
lines, Rev's ``Name (00:01):``, ...), carrying one made-up research interview.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from corpus import load_interview
from corpus.model import Interview
from tests.conftest import run_gloss

ASKER, ANSWERER = "Dana Whitfield", "Ravi Menon"
#: (who, start second, words): the interviewer's opening, three questions, a back-channel.
DIALOGUE = [
    ("A", 2, "Okay, I think we're recording now. Thanks for making the time."),
    ("B", 5, "Sure, happy to."),
    ("A", 7, "So to start, could you tell me about your role and how long you've been there?"),
    ("B", 16, "I'm the practice manager. I've been there about six years, since the move."),
    ("A", 32, "Mm-hmm."),
    ("B", 33, "And when the new records system came in, everybody asked me about it."),
    ("A", 41, "What was the hardest part of that switch for the front desk staff?"),
    ("B", 46, "The training. We had two half days and then we were live."),
    ("A", 57, "And did that change how patients experienced check-in?"),
    ("B", 62, "It did. Waits went up for a month or so, then it settled down."),
]
QUESTIONS = [
    "So to start, could you tell me about your role and how long you've been there?",
    "What was the hardest part of that switch for the front desk staff?",
    "And did that change how patients experienced check-in?",
]
#: Anything a tool writes as a time: 0:05, 00:01:02, 00:00:02.310, #00:00:05-2#.
A_TIME = re.compile(r"\d:\d\d")


def hms(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def vtt_time(seconds: float) -> str:
    return f"{hms(seconds)}.{round(seconds * 1000) % 1000:03d}"


def srt_time(seconds: float) -> str:
    return vtt_time(seconds).replace(".", ",")


def named(who: str, asker: str = ASKER, answerer: str = ANSWERER) -> str:
    return asker if who == "A" else answerer


def ends(index: int) -> float:
    return DIALOGUE[index + 1][1] - 0.4 if index + 1 < len(DIALOGUE) else DIALOGUE[index][1] + 6


def halves(words: str) -> tuple[str, str]:
    """A cue's words split mid-sentence, as tools cut long turns into cues."""
    split = words.split()
    return " ".join(split[: len(split) // 2]), " ".join(split[len(split) // 2 :])


def zoom_vtt() -> str:
    """Zoom cloud recording: numbered cues, ``Name: words`` in each, long turns cut."""
    blocks, number = ["WEBVTT", ""], 0
    for index, (who, start, words) in enumerate(DIALOGUE):
        end = ends(index)
        pieces = halves(words) if len(words.split()) > 10 else (words,)
        step = (end - start) / len(pieces)
        for part, piece in enumerate(pieces):
            number += 1
            begin = start + part * step
            blocks += [str(number), f"{vtt_time(begin)} --> {vtt_time(begin + step)}"]
            blocks += [f"{named(who)}: {piece}", ""]
    return "\n".join(blocks)


def teams_vtt() -> str:
    """Microsoft Teams: a GUID/n-m cue id, ``<v Name>words</v>``, long turns cut."""
    ids = {"A": "8a4b1e2c-3f5d-4a6b-9c7d-1e2f3a4b5c6d", "B": "5c2e9f10-7a8b-4c3d-b2e1-0f9e8d7c6b5a"}
    blocks = ["WEBVTT", ""]
    for index, (who, start, words) in enumerate(DIALOGUE):
        end = ends(index)
        pieces = halves(words) if len(words.split()) > 10 else (words,)
        step = (end - start) / len(pieces)
        for part, piece in enumerate(pieces):
            begin = start + part * step
            blocks += [f"{ids[who]}/{index * 3 + 11}-{part}"]
            blocks += [f"{vtt_time(begin)} --> {vtt_time(begin + step)}"]
            blocks += [f"<v {named(who)}>{piece}</v>", ""]
    return "\n".join(blocks)


def srt(label: Callable[[str, bool], str]) -> str:
    """SRT cues, long turns cut in two; ``label(who, first cue of the turn)`` opens each."""
    blocks, number = [], 0
    for index, (who, start, words) in enumerate(DIALOGUE):
        end = ends(index)
        pieces = halves(words) if len(words.split()) > 10 else (words,)
        step = (end - start) / len(pieces)
        for part, piece in enumerate(pieces):
            number += 1
            begin = start + part * step
            blocks += [str(number), f"{srt_time(begin)} --> {srt_time(begin + step)}"]
            blocks += [label(who, part == 0) + piece, ""]
    return "\n".join(blocks)


def otter_txt() -> str:
    """Otter: ``Name  m:ss`` over each turn, unnamed speakers as Unknown Speaker and
    Speaker 1, and its footer."""
    names = {"A": "Unknown Speaker", "B": "Speaker 1"}
    turns = [f"{names[w]}  {s // 60}:{s % 60:02d}  \n{words}" for w, s, words in DIALOGUE]
    return "\n\n".join(turns) + "\n\n\n\nTranscribed by https://otter.ai\n"


def lines(layout: str) -> str:
    """A text export, one turn a paragraph: ``layout`` with {name}, {time}, {words}."""
    return "\n\n".join(
        layout.format(name=named(w), time=hms(s), words=words) for w, s, words in DIALOGUE
    )


def f4_txt() -> str:
    """f4transkript / MAXQDA: ``I:`` and ``B:`` with ``#hh:mm:ss-d#`` closing each turn."""
    label = {"A": "I", "B": "B"}
    return "\n\n".join(
        f"{label[w]}: {words} #{hms(ends(i))}-{i}#" for i, (w, _, words) in enumerate(DIALOGUE)
    )


def meet_txt() -> str:
    """Google Meet's transcript: a header, the attendees, ``Name: words`` lines and a time
    line every few minutes (here every few turns)."""
    body = ["Clinic interview (2024-03-07 14:02 GMT) - Transcript", "", "Attendees", ""]
    body += [f"{ASKER}, {ANSWERER}", "", "Transcript", ""]
    for index, (who, start, words) in enumerate(DIALOGUE):
        if index % 6 == 0:
            body += [hms(start - start % 60), ""]
        body.append(f"{named(who)}: {words}")
    return "\n".join(body) + "\n"


TEXT_EXPORTS = {
    "zoom.vtt": (zoom_vtt, (ASKER, ANSWERER)),
    "teams.vtt": (teams_vtt, (ASKER, ANSWERER)),
    "otter.txt": (otter_txt, ("Unknown Speaker", "Speaker 1")),
    "otter-names.srt": (
        lambda: srt(lambda who, first: f"{named(who)}: " if first else ""),
        (ASKER, ANSWERER),
    ),
    "whisperx.srt": (
        lambda: srt(lambda who, first: "[SPEAKER_00]: " if who == "A" else "[SPEAKER_01]: "),
        ("SPEAKER_00", "SPEAKER_01"),
    ),
    "teams-word-tab.txt": (
        lambda: lines("{name}\t{time}\n{words}").replace("\t00:", "\t"),
        (ASKER, ANSWERER),
    ),
    "rev.txt": (lambda: lines("{name} ({time}):\n{words}"), (ASKER, ANSWERER)),
    "rev-numbered.txt": (
        lambda: (
            lines("{name} ({time}):\n{words}")
            .replace(ASKER, "Speaker 1")
            .replace(ANSWERER, "Speaker 2")
        ),
        ("Speaker 1", "Speaker 2"),
    ),
    "descript.txt": (lambda: lines("[{time}] {name}: {words}"), (ASKER, ANSWERER)),
    "sonix.txt": (lambda: lines("{name}: [{time}] {words}"), (ASKER, ANSWERER)),
    "trint.txt": (lambda: lines("[{time}] {name}\n{words}"), (ASKER, ANSWERER)),
    "video-editor.txt": (
        lambda: lines("[{time}:00 - {time}:12] {name}\n{words}"),
        (ASKER, ANSWERER),
    ),
    # The same three slots (a time, the name, a time) filled as other tools fill them.
    "bracketed-name-then-time.txt": (lambda: lines("[{name}] [{time}] {words}"), (ASKER, ANSWERER)),
    "time-then-bold-name.md": (lambda: lines("[{time}] **{name}**: {words}"), (ASKER, ANSWERER)),
    "bold-name-then-time.md": (lambda: lines("**{name}** [{time}]\n{words}"), (ASKER, ANSWERER)),
    "rev-dash.txt": (lambda: lines("{name} ({time}) - {words}"), (ASKER, ANSWERER)),
    "en-dash-line.txt": (lambda: lines("{name} – {time}\n{words}"), (ASKER, ANSWERER)),
    "one-space-line.txt": (lambda: lines("{name} {time}\n{words}"), (ASKER, ANSWERER)),
    "voice-tag-after-time.txt": (lambda: lines("{time} <v {name}>{words}"), (ASKER, ANSWERER)),
    "name-colon-time.md": (lambda: lines("{name}: {time}\n\n{words}"), (ASKER, ANSWERER)),
    "f4.txt": (f4_txt, ("I", "B")),
    # A hearing's record or a recorder's export: a bare running time before the name, the
    # words under it or after a colon.
    "hearing-bare.txt": (lambda: lines("{time} {name}\n{words}"), (ASKER, ANSWERER)),
    "hearing-bare-colon.txt": (lambda: lines("{time} {name}: {words}"), (ASKER, ANSWERER)),
    "meet.txt": (meet_txt, (ASKER, ANSWERER)),
}


def questions(interview: Interview) -> list[str]:
    return [question.text for question in interview.outline.questions]


@pytest.mark.parametrize("name", sorted(TEXT_EXPORTS))
def test_each_tools_export_reads_to_its_speakers_and_whole_questions(
    tmp_path: Path, name: str
) -> None:
    make, (asker, answerer) = TEXT_EXPORTS[name]
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    interview = load_interview(path)
    assert interview.outline.speakers == (asker, answerer)
    assert interview.outline.askers == (asker,)  # from the document: who puts questions
    assert questions(interview) == QUESTIONS
    words = interview.text[interview.text.index(DIALOGUE[0][2][:20]) - 30 :]
    assert not A_TIME.search(words), "a time stamp was left in the words"
    # Every turn starts a line labelled the same way, whatever the tool wrote. Cues have
    # times: the interviewer's "Mm-hmm." said while the answer goes on moves after it,
    # a turn of its own before the next question.
    order = [who for who, _, _ in DIALOGUE]
    if name.endswith((".vtt", ".srt")):
        order = ["A", "B", "A", "B", "A", "A", "B", "A", "B"]
    labels = re.findall(r"^([^:\n]+): ", interview.text, re.M)
    assert labels[-len(order) :] == [asker if who == "A" else answerer for who in order]
    # The times went to the time map, at the words they stamp (Meet stamps a time every
    # few minutes: here 0:00 over the first six turns).
    seconds = interview.time_at(interview.text.index("So to start"))
    assert seconds == 0 if name == "meet.txt" else seconds is not None and 5 <= seconds <= 16


def test_the_time_of_a_turn_is_the_time_its_tool_wrote(tmp_path: Path) -> None:
    for name, seconds in (
        ("otter.txt", 41),
        ("rev.txt", 41),
        ("sonix.txt", 41),
        ("video-editor.txt", 41),  # the range's start, its frames left out
    ):
        path = tmp_path / name
        path.write_text(TEXT_EXPORTS[name][0](), encoding="utf-8")
        interview = load_interview(path)
        assert interview.time_at(interview.text.index("What was the hardest")) == seconds, name


def test_a_hearing_exports_times_of_day_over_its_names_go_to_the_time_map(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hearing.txt"
    path.write_text(re.sub(r"(?m)^00:", "1:", lines("{time} PM\n{name}\n{words}")), "utf-8")
    interview = load_interview(path)
    assert "PM" not in interview.text
    assert interview.time_at(interview.text.index("What was the hardest")) == 13 * 3600 + 41
    assert questions(interview) == QUESTIONS
    assert set(interview.outline.speakers) == {ASKER, ANSWERER}


def test_a_bare_time_before_words_that_name_nobody_twice_stays_words(tmp_path: Path) -> None:
    """An agenda's "10:30 Opening Remarks" lines name no speaker twice, and a dateline's
    time of day is no running time: both stay in the text, and so do their times."""
    agenda = "10:30 Opening Remarks\n\n11:00 Panel Discussion\n\n12:15 Closing Lunch\n\n"
    dateline = "2:41 P.M. EST\n\n" + lines("{name}: {words}") + "\n\n3:30 P.M. EST\n"
    for name, text in (("agenda.txt", agenda + lines("{name}: {words}")), ("dated.txt", dateline)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        interview = load_interview(path)
        assert interview.times == (), name
        assert ("10:30 Opening Remarks" if name == "agenda.txt" else "2:41 P.M.") in interview.text
        assert questions(interview) == QUESTIONS, name


def test_annotation_offsets_index_the_text_without_the_stamps(tmp_path: Path) -> None:
    path = tmp_path / "otter.txt"
    path.write_text(otter_txt(), encoding="utf-8")
    database = tmp_path / "notes.json"
    quote = "We had two half days and then we were live."
    made = run_gloss("annotate", "--db", str(database), "--quote", quote, "--tag", "t", str(path))
    assert made.returncode == 0, made.stderr
    listed = run_gloss("list", "--db", str(database), "--json")
    assert '"anchored"' in listed.stdout
    text = load_interview(path).text
    assert quote in text and "0:46" not in text


def word_file(path: Path, paragraphs: list[tuple[str, str]]) -> None:
    """A .docx of paragraphs given as (bold lead, plain rest)."""
    document = docx.Document()
    for bold, plain in paragraphs:
        paragraph = document.add_paragraph()
        if bold:
            paragraph.add_run(bold).bold = True
        if plain:
            paragraph.add_run(plain)
    document.save(str(path))


def test_otters_word_export_name_and_time_over_each_turn(tmp_path: Path) -> None:
    """Otter's .docx: a paragraph with the name (bold) and the time, the words below."""
    names = {"A": "Unknown Speaker", "B": "Speaker 1"}
    paragraphs: list[tuple[str, str]] = []
    for who, start, words in DIALOGUE:
        paragraphs += [(names[who], f"  {start // 60}:{start % 60:02d}"), ("", words)]
    path = tmp_path / "otter.docx"
    word_file(path, paragraphs)
    interview = load_interview(path)
    assert interview.outline.askers == ("Unknown Speaker",)
    assert questions(interview) == QUESTIONS
    assert not A_TIME.search(interview.text)
    assert interview.time_at(interview.text.index("And did that change")) == 57


def test_a_word_exports_heading_styles_stay_headings_when_its_times_go(
    tmp_path: Path,
) -> None:
    """Headings in Word's styles over Otter's name-and-time paragraphs: the times go to
    the time map and each heading is still marked on its own words."""
    names = {"A": "Unknown Speaker", "B": "Speaker 1"}
    document = docx.Document()
    for index, (who, start, words) in enumerate(DIALOGUE):
        if index in (0, 6):
            document.add_paragraph("Background" if index == 0 else "The switch", "Heading 1")
        header = document.add_paragraph()
        header.add_run(names[who]).bold = True
        header.add_run(f"  {start // 60}:{start % 60:02d}")
        document.add_paragraph(words)
    path = tmp_path / "otter-sections.docx"
    document.save(str(path))
    interview = load_interview(path)
    marked = [interview.text[at:].split("\n", 1)[0] for at, _ in interview.headings]
    assert marked == ["Background", "The switch"]
    assert not A_TIME.search(interview.text)
    assert questions(interview) == QUESTIONS


def test_google_meets_word_export(tmp_path: Path) -> None:
    path = tmp_path / "meet.docx"
    word_file(path, [("", line) for line in meet_txt().splitlines() if line])
    interview = load_interview(path)
    assert interview.outline.speakers == (ASKER, ANSWERER)
    assert questions(interview) == QUESTIONS
    assert not A_TIME.search(interview.text[interview.text.index("Transcript\n") :])


def test_whisper_cues_without_names_give_whole_questions(tmp_path: Path) -> None:
    """Whisper cuts sentences across cues and names nobody: a question cut across cues
    reads as one line, so a question found is never its second half."""
    path = tmp_path / "whisper.srt"
    path.write_text(srt(lambda who, first: ""), encoding="utf-8")
    interview = load_interview(path)
    lines = interview.text.splitlines()
    assert all(question in lines for question in QUESTIONS)
    assert "I'm the practice manager. I've been" in lines  # other cues keep a line each
    assert all(question in QUESTIONS for question in questions(interview))  # none cut


def test_crosstalk_does_not_cut_a_question(tmp_path: Path) -> None:
    """A one-word cue of the other speaker inside a question ('Yeah.', 'Oh,') is put
    after the question, which reads whole; a short question of the other is no crosstalk."""
    cues = [
        (ASKER, "Thanks for making the time today."),
        (ANSWERER, "Sure, happy to."),
        (ASKER, "So when the records system went live, how did"),
        (ANSWERER, "Yeah."),
        (ASKER, "the front desk cope with it in the first week?"),
        (ANSWERER, "Badly, honestly. Two half days of training and then we were live."),
        (ASKER, "And the patients, did they"),
        (ANSWERER, "Oh,"),
        (ASKER, "notice?"),
        (ANSWERER, "They did. Waits went up for a month, and then it settled down."),
    ]
    path = tmp_path / "crosstalk.vtt"
    path.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"{n}\n{vtt_time(n * 2)} --> {vtt_time(n * 2 + 1.5)}\n{who}: {words}\n\n"
            for n, (who, words) in enumerate(cues, 1)
        ),
        encoding="utf-8",
    )
    interview = load_interview(path)
    assert questions(interview) == [
        "So when the records system went live, how did the front desk cope with it in the "
        "first week?",
        "And the patients, did they notice?",
    ]
    assert "Yeah." in interview.text and "Oh," in interview.text  # moved, not dropped
    assert interview.time_at(interview.text.index("the front desk")) == pytest.approx(10)


def diarized_vtt(cues: list[tuple[str, float, float, str]]) -> str:
    """A diarizing tool's WebVTT: ``<v Name>`` voices, each cue (who, start, end, words)."""
    blocks = ["WEBVTT", ""]
    for who, start, end, words in cues:
        blocks += [f"{vtt_time(start)} --> {vtt_time(end)}", f"<v {who}>{words}", ""]
    return "\n".join(blocks)


def test_a_back_channel_inside_a_question_makes_no_turn(tmp_path: Path) -> None:
    """The answerer's 'Yeah.' said, without a pause, between two sentences of the
    interviewer's long question is no turn there: the question reads whole from where the
    interviewer began, and 'Yeah.' opens the answer. A short reply after a pause, or to a
    short remark, is a turn."""
    host, guest = "Speaker 1", "Speaker 2"
    cues = [
        (host, 0.5, 3.0, "Thanks for joining me today."),
        (guest, 3.2, 4.0, "Glad to be here."),
        (host, 4.3, 9.0, "So I've been planning my projects in a folder of markdown files."),
        (host, 9.1, 12.8, "Each one is about the size of a pull request in the end."),
        (guest, 13.0, 13.3, "Yeah."),
        (host, 13.7, 17.2, "And then a smaller model does one phase at a time."),
        (host, 17.4, 19.0, "How does that compare to what you do?"),
        (guest, 19.4, 26.0, "It's close. We write the spec first and the plan follows from it."),
        (host, 26.2, 31.0, "That sounds a lot like test-driven development to me."),
        (guest, 33.5, 34.0, "Right."),
        (host, 34.4, 37.0, "Who writes the spec on your team?"),
        (guest, 37.2, 42.0, "Usually the product owner, with one of the engineers."),
    ]
    path = tmp_path / "diarized.vtt"
    path.write_text(diarized_vtt(cues), encoding="utf-8")
    interview = load_interview(path)
    assert questions(interview) == [
        "So I've been planning my projects in a folder of markdown files. Each one is about "
        "the size of a pull request in the end. And then a smaller model does one phase at "
        "a time. How does that compare to what you do?",
        "Who writes the spec on your team?",
    ]
    assert f"{guest}: Yeah. It's close." in interview.text  # moved, not dropped
    assert f"{guest}: Glad to be here." in interview.text  # a reply to a short remark
    assert f"{guest}: Right.\n" in interview.text  # after a pause: a turn of its own
    assert interview.time_at(interview.text.index("Yeah. It's close")) == pytest.approx(13)


def test_a_time_in_a_sentence_or_a_one_off_stays_words(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    text = (
        "Q: When did the clinic open?\n\nA: At [10:30] on a Monday, 12:15:00 by the clock.\n\n"
        "Q: Who came first?\n\nA: Note: 9:30 is when the doors opened.\n"
    )
    path.write_text(text, encoding="utf-8")
    interview = load_interview(path)
    assert interview.text == text
    assert interview.times == ()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cut.vtt", zoom_vtt()[:336].encode()),  # inside a cue's timing line
        ("cut.srt", srt(lambda who, first: "")[:200].encode()),  # so is this one
        ("renamed-text.docx", otter_txt().encode()),
        # A cue whose timing line was lost: its words would be dropped (WebVTT) or run
        # into the cue before (SRT).
        ("untimed.vtt", zoom_vtt().replace("00:00:05.000 --> ", "", 1).encode()),
        (
            "untimed.srt",
            srt(lambda who, first: "").replace("\n00:00:05,000 --> ", "\n", 1).encode(),
        ),
        ("empty.docx", b""),
        ("otter-binary.txt", otter_txt().encode()[:80] + bytes(range(32)) * 4),
        # A subtitle file with no cue at all: an export that failed, not an empty talk.
        ("header-only.vtt", b"WEBVTT\n"),
        ("no-cues.vtt", b"WEBVTT\n\nNOTE made by a tool that crashed\n"),
        ("empty.srt", b""),
    ],
    ids=[
        "truncated-vtt",
        "truncated-srt",
        "docx-not-a-zip",
        "vtt-cue-without-timing",
        "srt-cue-without-timing",
        "empty-docx",
        "text-export-with-binary",
        "vtt-header-only",
        "vtt-note-only",
        "srt-empty",
    ],
)
def test_a_broken_export_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run_gloss("outline", str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert name in line and "Traceback" not in result.stderr
    assert any(what in line for what in ("export", "save it again", "give"))  # what to do
