"""Synthetic transcripts of any size, for the tests and benchmarks of layout and outline speed.

A long interview in the bundled "Q: ...?" / "A: ..." style: a title, then ``questions``
numbered turns with varied wording, so that no two questions are the same text.
Deterministic: the same count always gives the same text.
"""

from __future__ import annotations

_TOPICS = ("industry", "farmland", "exports", "the seed bank", "rural roads", "clean energy")
_VERBS = ("strengthen", "protect", "measure", "expand", "reform", "finance")


def long_transcript(questions: int) -> str:
    """A transcript with ``questions`` question-and-answer turns."""
    lines = ["Title: A very long interview with a patient minister", ""]
    for number in range(questions):
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[(number // len(_TOPICS)) % len(_VERBS)]
        lines.append(f"Q: How will you {verb} {topic} in year {number + 1}?")
        lines.append(
            f"A: In year {number + 1} we will {verb} {topic} step by step, "
            f"with {number % 97 + 3} pilot counties and a review every quarter."
        )
        lines.append("")
    return "\n".join(lines)


_FIRST = ("Anna", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irene", "Jonas")
_LAST = ("Abbott", "Baker", "Chen", "Duarte", "Evans", "Fischer", "Garcia", "Haddad", "Ito")


def short_turns(size: int) -> str:
    """About ``size`` characters of a conversation in short labelled turns: a host's short
    question, the guest's one-sentence answer (``JOHN SMITH: ...`` / ``MARY JONES: ...``),
    the worst case for the outline's per-turn rules."""
    lines = ["A long conversation in short turns", ""]
    total = number = 0
    while total < size:
        topic = _TOPICS[number % len(_TOPICS)]
        if number % 2 == 0:
            line = f"JOHN SMITH: What about item {number} and {topic}?"
        else:
            line = f"MARY JONES: We dealt with {topic} in item {number - 1} last week, thanks."
        lines += [line, ""]
        total += len(line) + 2
        number += 1
    return "\n".join(lines)


def press_conference(size: int) -> str:
    """About ``size`` characters of a press briefing: reporters (``ANNA ABBOTT:``, 90 of
    them), each introducing themselves, put short questions to one press secretary."""
    lines = ["Press Briefing by the Press Secretary", ""]
    total = number = 0
    while total < size:
        topic = _TOPICS[number % len(_TOPICS)]
        if number % 2 == 0:
            first = _FIRST[(number // 2) % len(_FIRST)]
            last = _LAST[(number // 2 // len(_FIRST)) % len(_LAST)]
            line = (
                f"{first.upper()} {last.upper()}: {first} {last} from the Daily Post. And {topic}?"
            )
        else:
            line = f"MS. PSAKI: We are looking at {topic} closely, as I said on day {number}."
        lines += [line, ""]
        total += len(line) + 2
        number += 1
    return "\n".join(lines)


def caption_lines(size: int) -> str:
    """About ``size`` characters of a podcast transcript without speaker labels, a caption
    line each few seconds (``00:01:02 words``): a host's question opening with a reaction,
    the guest's answer over several lines with a rhetorical question in it."""
    lines: list[str] = []
    total = number = 0
    while total < size:
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[number % len(_VERBS)]
        chunks = (
            f"Okay, interesting. So how did you come to work on {topic},",
            f"and what would you {verb} first?",
            f"Well, it started with item {number} years ago, when we had to {verb} the",
            f"whole of {topic} at once. Why would anyone do that? Because nobody else",
            "would, and the money was there for a year or two.",
            f"So we did it in small steps, one district at a time, and {topic} got better.",
        )
        for chunk in chunks:
            seconds = 5 * len(lines)
            line = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d} {chunk}"
            lines += [line, ""]
            total += len(line) + 2
        number += 1
    return "\n".join(lines)


def markdown_export(size: int) -> str:
    """About ``size`` characters of a podcast transcript exported as Markdown: a title, a
    ``## Part`` heading every fifty turns, bold labels with escaped timestamps
    (``**Jane Doe:** \\[00:07:53\\] ...``); the host asks, puts statements the guest
    confirms, or only reacts, and the guest answers at length, now and then in a list."""
    lines = ["# A long conversation, exported", ""]
    total = number = 0
    while total < size:
        if number % 50 == 0:
            lines += [f"## Part {number // 50 + 1}", ""]
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[number % len(_VERBS)]
        seconds = 9 * number
        stamp = f"\\[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}\\]"
        if number % 2 == 0:
            said = (
                f"How did you {verb} {topic} in year {number}?",
                f"You said once that {topic} was the hard part of year {number}.",
                "Right, right.",
                f"And what would you {verb} first, if you started over with {topic}?",
            )[number // 2 % 4]
            line = f"**Jane Doe:** {stamp} {said}"
        elif number % 8 == 5:
            line = f"**Omar Haddad:** {stamp} Yes."
        elif number % 8 == 7:
            line = (
                f"**Omar Haddad:** {stamp} Two things. First, we had to {verb} {topic} "
                f"county by county. Second, we paid for it out of the year {number} budget."
            )
        else:
            line = (
                f"**Omar Haddad:** {stamp} That's right. We worked on {topic} for years, "
                f"and in year {number} we managed to {verb} it with a small team."
            )
        lines += [line, ""]
        total += len(line) + 2
        number += 1
    return "\n".join(lines)


def srt_cues(size: int) -> str:
    """About ``size`` characters of an SRT subtitle file of an interview: numbered cues
    of a few seconds, the speaker's name (``JANE DOE:``) on the first cue of each turn,
    the turn going on over the cues after it without a name."""
    blocks: list[str] = []
    total = number = 0
    while total < size:
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[number % len(_VERBS)]
        if number % 2 == 0:
            said = (f"JANE DOE: So tell me about {topic}.", f"How did you {verb} it in {number}?")
        else:
            said = (
                f"OMAR HADDAD: Well, {topic} took a long time,",
                f"we had to {verb} it county by county",
                f"and it was done by year {number - 1}.",
            )
        for text in said:
            cue = len(blocks) + 1
            start, end = 3 * cue, 3 * cue + 3
            times = f"{_srt_time(start)} --> {_srt_time(end)}"
            block = f"{cue}\n{times}\n{text}\n"
            blocks.append(block)
            total += len(block) + 1
        number += 1
    return "\n".join(blocks)


def whisper_tsv(size: int) -> str:
    """About ``size`` characters of a speech-to-text tool's ``.tsv`` (Whisper's layout:
    start and end in milliseconds, text) of an interview in lower case without
    punctuation: the host reacts and asks ("okay great and then ... can you talk about
    ..."), the guest answers over several segments of about ten words."""
    rows = ["start\tend\ttext"]
    total = number = 0
    while total < size:
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[number % len(_VERBS)]
        said = (
            f"okay great and then on {topic} can you talk about",
            f"how you managed to {verb} it in year {number}",
            f"yeah so {topic} took a long time we had to {verb} it",
            f"county by county and it was done by year {number + 1}",
            "and the people there were patient with us the whole way",
            "through so we kept going and it worked out in the end",
        )
        for text in said:
            start = 4000 * (len(rows) - 1)
            row = f"{start}\t{start + 3500}\t{text}"
            rows.append(row)
            total += len(row) + 1
        number += 1
    return "\n".join(rows) + "\n"


def _srt_time(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d},000"


def flattened_turns(size: int) -> str:
    """:func:`short_turns` as a PDF's text often comes out: the title on its line, then
    every turn on one line (``... thanks. JOHN SMITH: What about ...``), the speakers'
    labels inside it."""
    title, _, turns = short_turns(size).partition("\n\n")
    return f"{title}\n\n{turns.replace(chr(10) * 2, ' ')}"


def timed_headers(size: int) -> str:
    """About ``size`` characters of a text export whose turns open with a header, the
    speaker's name and time (``Jane Doe (00:01:02) - ...``, as Rev writes it), the words
    hard-wrapped over the lines below, and each long answer cut in two blocks, each with
    its own time (one turn); a ``[laughter]`` note now and then."""
    lines = ["A long conversation with times", ""]
    total = number = 0
    while total < size:
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[number % len(_VERBS)]
        seconds = 20 * number
        if number % 2 == 0:
            said = [
                f"Jane Doe ({_hms(seconds)}) - How did you {verb} {topic}",
                f"in year {number}?",
            ]
        else:
            said = [
                f"Omar Haddad ({_hms(seconds)}) - We worked on {topic} for years, and in",
                f"year {number} we managed to {verb} it [laughter] with a small team.",
                "",
                f"Omar Haddad ({_hms(seconds + 9)}) - Then we had to {verb} it again,",
                f"county by county, out of the budget for {number + 1}.",
            ]
        lines += [*said, ""]
        total += sum(len(line) + 1 for line in said) + 1
        number += 1
    return "\n".join(lines)


def _hms(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
