"""Subtitle (WebVTT, SRT) and Word (.docx) files read as interviews, on real files."""

from __future__ import annotations

import json
import subprocess
from itertools import pairwise
from pathlib import Path

import docx
import pytest

from corpus import load_interview
from tests.conftest import ROOT, run_gloss

TRANSCRIPTS = ROOT / "tests" / "transcripts"
EBAY = TRANSCRIPTS / "srt_ebay_kassei_interview.srt"
HAMMANT = TRANSCRIPTS / "srt_hammant_developer_profile.srt"
CAMPUS = TRANSCRIPTS / "vtt_itaccess_campus_leaders.vtt"


def gloss(*argv: str) -> subprocess.CompletedProcess[str]:
    return run_gloss(*argv)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize(
    ("path", "first_turns"),
    [
        (EBAY, ["Schalk: Hello, my name is Chris Schalk.", "Kassei: Hi, Chris."]),
        (HAMMANT, ["Sauer: Hi. I'm Fred Sauer.", "Hammant: Yeah, so I'm"]),
        (CAMPUS, ["Michael Young: We are committed", "Tracy Mitrano: We're a leading"]),
    ],
    ids=["srt-name-line", "srt-name-prefix", "vtt-voice-tags"],
)
def test_subtitle_speakers_become_labelled_turns(path: Path, first_turns: list[str]) -> None:
    turns = paragraphs(load_interview(path).text)
    for turn, start in zip(turns, first_turns, strict=False):
        assert turn.startswith(start)
    speakers = {turn.split(":", 1)[0] for turn in turns}
    gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    # The file itself misspells one voice ("Pablo Molinda"): the speakers are those written.
    assert set(gold["speakers"]) <= speakers | {"Pablo Molina"}
    # Consecutive cues of one speaker are one paragraph: as many turns as speaker changes,
    # but a back-channel said during the other's answer ("Sauer: Sure.") is its own turn
    # before its speaker's next question.
    assert all(
        a.split(":")[0] != b.split(":")[0] or (len(a.split()) <= 4 and b.endswith("?"))
        for a, b in pairwise(turns)
    )


@pytest.mark.parametrize("path", [EBAY, HAMMANT, CAMPUS], ids=["ebay", "hammant", "campus"])
def test_cue_numbers_times_and_tags_are_not_in_the_clean_text(path: Path) -> None:
    interview = load_interview(path)
    assert "-->" not in interview.text
    assert "00:0" not in interview.text
    assert "<v" not in interview.text
    assert not any(line.strip().isdigit() for line in interview.text.splitlines())
    # ... and "raw" (what `r` shows) is the extracted text, not the subtitle file.
    assert "-->" not in interview.clean.raw


def test_the_time_map_points_at_the_right_cue() -> None:
    interview = load_interview(HAMMANT)
    text = interview.text
    # Cue 4 (00:00:13,868) starts "Paul's a big"; cue 63's turn "Hammant: Yeah" at 00:00:36.
    paul = text.index("Paul's a big")
    assert interview.time_at(paul) == pytest.approx(13.868)
    assert interview.time_at(paul + 5) == pytest.approx(13.868)
    assert interview.time_at(paul - 1) == pytest.approx(11.634)
    assert interview.time_at(0) == pytest.approx(8.501)
    offsets = [offset for offset, _ in interview.times]
    assert offsets == sorted(set(offsets))
    assert len(interview.times) == 172  # one per cue
    for offset, _seconds in interview.times:
        assert 0 <= offset < len(text)


def test_the_time_map_of_a_voice_tagged_vtt() -> None:
    interview = load_interview(CAMPUS)
    tracy = interview.text.index("Tracy Mitrano: We're a")
    assert interview.time_at(tracy) == pytest.approx(43.719)
    assert interview.time_at(tracy - 3) == pytest.approx(24.64)  # the cue before, 00:00:24.640


def test_the_same_file_has_the_same_fingerprint() -> None:
    assert load_interview(CAMPUS).fingerprint == load_interview(CAMPUS).fingerprint


def test_markup_inside_cues_is_dropped_and_never_read_as_markup(tmp_path: Path) -> None:
    path = tmp_path / "styled.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v.loud Ann Lee><b>Why</b> <i>now</i>?\n\n"
        "00:00:02.500 --> 00:00:04.000\n<c.yellow>[bold]Because[/bold]</c> &amp; so on.\n\n"
        "00:00:05.000 --> 00:00:06.000\n<v Bo>Fine.\n",
        encoding="utf-8",
    )
    interview = load_interview(path)
    assert paragraphs(interview.text) == [
        "Ann Lee: Why now? [bold]Because[/bold] & so on.",
        "Bo: Fine.",
    ]
    assert interview.time_at(interview.text.index("Bo:")) == 5.0


def test_a_name_and_colon_that_opens_one_cue_only_is_words_not_a_speaker(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    cues = [
        "Ana: So what changed?",
        "Ben: Look: the money ran out.",
        "Remember: nobody planned for that.",
        "Ana: And then?",
        "Ben: We started again.",
    ]
    path.write_text(
        "".join(
            f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{text}\n\n"
            for n, text in enumerate(cues, start=1)
        ),
        encoding="utf-8",
    )
    assert paragraphs(load_interview(path).text) == [
        "Ana: So what changed?",
        "Ben: Look: the money ran out. Remember: nobody planned for that.",
        "Ana: And then?",
        "Ben: We started again.",
    ]


def write_srt(path: Path, cues: list[str]) -> None:
    path.write_text(
        "".join(
            f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{text}\n\n"
            for n, text in enumerate(cues, start=1)
        ),
        encoding="utf-8",
    )


def test_a_label_on_a_later_line_of_a_cue_starts_a_turn_and_an_aside_gives_it_back(
    tmp_path: Path,
) -> None:
    # Captions put an interjection on the second line of a cue ("Man: Right."); the
    # speaker it broke in on goes on in the next cue, which names nobody.
    path = tmp_path / "talk.srt"
    write_srt(
        path,
        [
            "Ana: Why did you open the code?",
            "Ben: Control takes\na lot of work.",
            "It is easier to share.\nMan: Right.",
            "And others improve it\nfor us.",
            "Man: Open source.",
            "Ana: And then?",
            "Ben: We adopted\ntheir changes.",
        ],
    )
    assert paragraphs(load_interview(path).text) == [
        "Ana: Why did you open the code?",
        "Ben: Control takes a lot of work. It is easier to share.",
        "Man: Right.",
        "Ben: And others improve it for us.",
        "Man: Open source.",
        "Ana: And then?",
        "Ben: We adopted their changes.",
    ]


def test_a_cue_opening_with_a_label_keeps_the_later_lines_label(tmp_path: Path) -> None:
    # "Ana: Um..." / "Ben: Well, no." in one cue: Ben's turn goes on in the next cue.
    path = tmp_path / "talk.srt"
    write_srt(
        path,
        [
            "Ana: So it scales?",
            "Ben: Yes.",
            "Ana: Um...\nBen: Well, no.",
            "Not cheaply.",
            "Ana: Okay.",
        ],
    )
    assert paragraphs(load_interview(path).text) == [
        "Ana: So it scales?",
        "Ben: Yes.",
        "Ana: Um...",
        "Ben: Well, no. Not cheaply.",
        "Ana: Okay.",
    ]


def test_a_known_speakers_name_with_no_space_after_its_colon_is_their_label(
    tmp_path: Path,
) -> None:
    # "Ben:...version of it" resumes Ben's sentence after an interjection; "10:30" and
    # a one-off "Note:" are no labels.
    path = tmp_path / "talk.srt"
    write_srt(
        path,
        [
            "Ana: What is Chromium?",
            "Ben: The open source...",
            "Ana: Open source.",
            "Ben:...version of Chrome.",
            "We met at 10:30 today.",
            "Ana: And then?",
            "Ben: We shipped it.",
        ],
    )
    assert paragraphs(load_interview(path).text) == [
        "Ana: What is Chromium?",
        "Ben: The open source...",
        "Ana: Open source.",
        "Ben: ...version of Chrome. We met at 10:30 today.",
        "Ana: And then?",
        "Ben: We shipped it.",
    ]


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Interview with a farmer", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Interviewer:").bold = True
    paragraph.add_run(" How did the harvest go this year?")
    paragraph = document.add_paragraph()
    paragraph.add_run("Farmer").bold = True
    paragraph.add_run(" It was a dry summer, so we irrigated twice as often.")
    document.add_heading("The market", level=2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Interviewer"
    table.cell(0, 1).text = "And prices?"
    table.cell(1, 0).text = "Farmer"
    table.cell(1, 1).text = "Prices fell by a third."
    document.add_paragraph("An ordinary closing paragraph, with no label.")
    document.save(str(path))


def test_a_word_file_keeps_order_headings_bold_labels_and_table_turns(tmp_path: Path) -> None:
    path = tmp_path / "farmer.docx"
    make_docx(path)
    interview = load_interview(path)
    assert paragraphs(interview.text) == [
        "Interview with a farmer",
        "Interviewer: How did the harvest go this year?",
        "Farmer: It was a dry summer, so we irrigated twice as often.",
        "The market",
        "Interviewer: And prices?",
        "Farmer: Prices fell by a third.",
        "An ordinary closing paragraph, with no label.",
    ]
    assert interview.times == ()
    assert interview.time_at(0) is None
    questions = [q.text for q in interview.outline.questions]
    assert "How did the harvest go this year?" in questions


def test_the_cli_reads_each_format(tmp_path: Path) -> None:
    path = tmp_path / "farmer.docx"
    make_docx(path)
    for source in (path, HAMMANT, CAMPUS):
        result = gloss("clean", str(source))
        assert result.returncode == 0, result.stderr
        assert result.stdout == load_interview(source).text


def bad_files(folder: Path) -> list[Path]:
    files = {
        "not-a-zip.docx": b"this is not a Word file",
        "broken-timing.vtt": b"WEBVTT\n\n00:00:xx.000 --> 00:00:02.000\nhello\n",
        "no-header.vtt": b"00:00:01.000 --> 00:00:02.000\nhello\n",
        "broken-timing.srt": b"1\n00:00:01,000 -> 00:00:02,000\nhello\n",
        "ninety-nine-seconds.srt": b"1\n00:00:58,000 --> 00:00:99,000\nhello\n",
        "sixty-minutes.vtt": b"WEBVTT\n\n00:59:58.000 --> 00:60:01.000\nhello\n",
        "empty.docx": b"",
        "old-word-97.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
        "empty.vtt": b"",
        "empty.srt": b"",
        "binary.srt": b"\xff\xfe\x00\x01garbage\x00",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    import zipfile

    with zipfile.ZipFile(folder / "zip-not-word.docx", "w") as archive:
        archive.writestr("notes.txt", "hello")
    whole = folder / "whole.docx"
    make_docx(whole)
    (folder / "cut-short.docx").write_bytes(whole.read_bytes()[:3000])
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(folder / "damaged.docx", "w") as out:
        for item in source.infolist():
            data = source.read(item)
            out.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    whole.unlink()
    return sorted(folder.iterdir())


@pytest.mark.parametrize("command", ["outline", "clean"])
def test_a_bad_file_is_one_line_naming_it_and_a_failure(tmp_path: Path, command: str) -> None:
    for path in bad_files(tmp_path):
        result = gloss(command, str(path))
        assert result.returncode != 0, path.name
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert path.name in lines[0]
        assert "Traceback" not in result.stderr


def test_a_cue_time_with_sixty_seconds_or_more_is_refused_naming_the_line(
    tmp_path: Path,
) -> None:
    """webvtt-py takes ``00:00:99,000`` for 99 seconds; a tool that writes it is broken, so
    the file is refused with the line to fix and the time as it should be written."""
    path = tmp_path / "panel.srt"
    cues = "1\n00:00:01,000 --> 00:00:04,000\nHello.\n\n2\n00:00:58,500 --> 00:00:99,000\nBye.\n"
    path.write_text(cues, encoding="utf-8")
    result = gloss("outline", str(path))
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"gloss: {path}: line 6 has the cue time '00:00:99,000', whose seconds are 60 or more "
        "(minutes and seconds run 00 to 59); write it as '00:01:39,000' or export the "
        "subtitles again"
    ]


def test_annotations_on_a_vtt_interview_anchor_and_list(tmp_path: Path) -> None:
    database = tmp_path / "notes.json"
    copy = tmp_path / "campus.vtt"
    copy.write_bytes(CAMPUS.read_bytes())
    quote = "accessibility becomes a very important value"
    made = gloss("annotate", "--db", str(database), "--quote", quote, "--tag", "values", str(copy))
    assert made.returncode == 0, made.stderr
    listed = gloss("list", "--db", str(database), "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert entry["status"] == "anchored"
    text = load_interview(copy).text
    assert text[entry["start"] : entry["end"]] == quote


def test_annotations_follow_a_vtt_whose_cues_changed(tmp_path: Path) -> None:
    database = tmp_path / "notes.json"
    copy = tmp_path / "campus.vtt"
    copy.write_bytes(CAMPUS.read_bytes())
    quote = "accessibility becomes a very important value"
    made = gloss("annotate", "--db", str(database), "--quote", quote, "--tag", "v", str(copy))
    assert made.returncode == 0, made.stderr
    # A cue added at the start moves every offset of the clean text.
    original = CAMPUS.read_text(encoding="utf-8")
    added = "WEBVTT\n\n00:00:00.100 --> 00:00:00.500\n<v Host> Welcome to the film.\n\n"
    copy.write_text(original.replace("WEBVTT\n\n", added, 1), encoding="utf-8")
    moved = gloss("reanchor", "--db", str(database), str(copy))
    assert moved.returncode == 0, moved.stderr
    listed = gloss("list", "--db", str(database), "--json")
    (entry,) = json.loads(listed.stdout)
    assert entry["status"] == "reanchored"
    text = load_interview(copy).text
    assert text.startswith("Host: Welcome to the film.")
    assert text[entry["start"] : entry["end"]] == quote


def test_a_meeting_tools_vtt_with_name_prefixes(tmp_path: Path) -> None:
    """Zoom writes numbered cues whose text starts with the speaker's display name."""
    cues = [
        ("00:00:01.200", "00:00:04.000", "Maria Lopez: Thanks for joining. Can you hear me?"),
        ("00:00:04.500", "00:00:06.000", "Sam O'Neil: Yes, loud and clear."),
        ("00:00:06.500", "00:00:09.000", "Maria Lopez: Great. How long have you worked"),
        ("00:00:09.000", "00:00:10.500", "Maria Lopez: at the clinic?"),
        ("00:00:11.000", "00:00:14.000", "Sam O'Neil: Note: about six years now."),
    ]
    path = tmp_path / "GMT20240307-140000_Recording.transcript.vtt"
    path.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"{n}\n{start} --> {end}\n{text}\n\n" for n, (start, end, text) in enumerate(cues, 1)
        ),
        encoding="utf-8",
    )
    interview = load_interview(path)
    assert paragraphs(interview.text) == [
        "Maria Lopez: Thanks for joining. Can you hear me?",
        "Sam O'Neil: Yes, loud and clear.",
        "Maria Lopez: Great. How long have you worked at the clinic?",
        "Sam O'Neil: Note: about six years now.",
    ]
    text = interview.text
    assert interview.time_at(text.index("Maria Lopez: Great")) == pytest.approx(6.5)
    assert interview.time_at(text.index("at the clinic")) == pytest.approx(9.0)
    assert interview.time_at(text.index("Sam O'Neil: Note")) == pytest.approx(11.0)


def test_recording_tools_speaker_labels_numbers_notes_and_lower_case(tmp_path: Path) -> None:
    """'Speaker 1:' (automatic transcripts), a display name with pronouns in brackets and
    a lower-case handle are labels once they open two cues; times and links are not."""
    cues = [
        "Speaker 1: How did it start?",
        "Speaker 2: With a grant at 10:30: https://example.org/grant",
        "Speaker 1: And then?",
        "Speaker 2: Note: we grew.",
        "Ann Lee (she/her): May I add something?",
        "ann.lee: sorry, my other account.",
        "Ann Lee (she/her): We grew slowly.",
        "ann.lee: yes.",
    ]
    path = tmp_path / "otter.vtt"
    path.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n{text}\n\n" for n, text in enumerate(cues)
        ),
        encoding="utf-8",
    )
    assert paragraphs(load_interview(path).text) == [
        "Speaker 1: How did it start?",
        "Speaker 2: With a grant at 10:30: https://example.org/grant",
        "Speaker 1: And then?",
        "Speaker 2: Note: we grew.",
        "Ann Lee (she/her): May I add something?",
        "ann.lee: sorry, my other account.",
        "Ann Lee (she/her): We grew slowly.",
        "ann.lee: yes.",
    ]
