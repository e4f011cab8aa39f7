"""Questions in speech-to-text output without punctuation: read from word order and turn openings.

A recogniser's raw words (Kaldi, wav2vec, older auto-captions, Whisper without its
punctuation) come in lower case with no full stops and no question marks, in segments or
cues of fixed length that run across speakers. There the sentence-based rules of
:mod:`corpus.outline.unlabelled` see one endless sentence and find nothing. What the
words still show:

- *a question* is asked by word order: an auxiliary before "you" ("can you talk", "do you
  think", "are you seeing"; not "great to have you", "is you know ..."), a wh-word before
  an auxiliary and its subject ("what are your thoughts", "what's the timing"; not "how
  do we model it", the speaker's own), the other half of a question ("... or is that part
  of the plan"), a request put to the listener ("if you could", "perhaps you could"), the
  asker wondering ("i'm just wondering if"; not "you might be wondering"); a wh-word
  before its subject ("what i'm excited about is", "where we are") is a clause inside a
  statement, and "which"/"who" mostly relative, so neither asks;
- *a turn opens* with a reaction or a greeting ("okay great", "got it", "understood",
  "thanks for taking my question", "good afternoon guys", "hey guys congratulations"),
  or after a pause (a blank line: the reader puts one where the recording falls silent);
  a question starts at the last such opening before it, taken back over an opening just
  before that one ("good afternoon guys this is ... congrats ..."), unless a word binds
  the reaction into the sentence before ("a great job", "as well", "make sure");
- *an answer follows*: the talk after the question runs on for a while before the next
  question, so asking again soon after is the same asker going on, asking as an answer
  begins ("yeah ... do your ...") is the answer's, and a question with no answer after it
  is not believed. Asking in a turn that opened nowhere since the last question is the
  answer's own question.

A line's time stamp ("00:01:02 words") is no word of the talk.

Rhetorical questions inside a long answer mostly ask about "we" or "it", not "you", or
are embedded clauses ("what it does is"), so they do not split the answer. The rules read
only words every conversation uses; used by :mod:`corpus.outline.unlabelled` when a
document without speakers has (almost) no sentence ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.model import Question, Span, Spanned
from corpus.outline.measures import find_measures

#: A word; a time ("00:01:02", "1:02:03.5") is one token, and no word of the talk.
_WORD = re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?![\w:])|[\w'’-]+")
_TIME = re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?")
#: A time opening a line of the text, left out of a question's words.
_LINE_TIME = re.compile(r"(?m)^[^\S\n]*\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?![\w:])")
#: At most one sentence end per this many words, and the document is unpunctuated.
_WORDS_PER_MARK = 150
_MIN_WORDS = 200
#: Auxiliaries that ask when they come before "you" (or "we"): "can you", "should we".
_AUXILIARIES_TEXT = "can could would will do does did are were is was have has had should might may"
_AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split())
#: Words before an auxiliary that make it no question's: "to have you", "we can you",
#: "not only do we".
_NOT_BEFORE_ASKING_TEXT = "to i we they he she it i'm we're they're only nor neither"
_NOT_BEFORE_ASKING = frozenset(_NOT_BEFORE_ASKING_TEXT.split())
#: Before "your" only do and the modals ask ("do your customers"): "is your", "have your"
#: are statements.
_NOT_BEFORE_YOUR_TEXT = "is was are were have has had"
_NOT_BEFORE_YOUR = frozenset(_NOT_BEFORE_YOUR_TEXT.split())
#: The asker's own asking: "i'm wondering if", "i'm curious whether", "just wondering how".
_WONDERING_TEXT = "wondering wonder curious"
_WONDERING = frozenset(_WONDERING_TEXT.split())
_WONDERED_TEXT = "if whether what how why when where about what's how's"
_WONDERED = frozenset(_WONDERED_TEXT.split())
#: The asker wonders: "i'm wondering if", "i was curious", "just wondering how".
_SELF_TEXT = "i i'm just"
_SELF = frozenset(_SELF_TEXT.split())
#: Words that say nothing between "wondering" and what is wondered: "wondering you know if".
_FILLER_WORDS_TEXT = "uh um er you know like so just"
_FILLER_WORDS = frozenset(_FILLER_WORDS_TEXT.split())
#: Words that ask when they come before an auxiliary and its subject ("what are you").
_WH_TEXT = "what how why where when"
_WH = frozenset(_WH_TEXT.split())
_WH_CONTRACTED_TEXT = "what's how's where's why's when's"
_WH_CONTRACTED = frozenset(_WH_CONTRACTED_TEXT.split())
_SUBJECTS_TEXT = "you your they it that there the this those these he she"
_SUBJECTS = frozenset(_SUBJECTS_TEXT.split())
#: "if you could", "perhaps you could": a request put to the listener.
_REQUEST_LEAD_TEXT = "if perhaps maybe"
_REQUEST_LEAD = frozenset(_REQUEST_LEAD_TEXT.split())
_REQUEST_MODALS_TEXT = "could can would might"
_REQUEST_MODALS = frozenset(_REQUEST_MODALS_TEXT.split())
_LISTENER = frozenset(["you", "your", "you're", "you've", "you'd", "you'll", "yourself"])
#: Words that open a turn by reacting or greeting; a turn's opening may go on with the
#: words of _GOES_ON ("all right that's very helpful thank you").
_OPENERS_TEXT = """okay ok great thanks thank yeah yes yep sure hey hi hello understood congrats
    congratulations alright perfect excellent awesome fantastic wonderful appreciate
    morning afternoon evening"""
_OPENERS = frozenset(_OPENERS_TEXT.split())
#: Two-word openings: "all right", "got it", "good morning".
_OPENING_PAIRS = frozenset(
    [
        ("all", "right"),
        ("got", "it"),
        ("good", "morning"),
        ("good", "afternoon"),
        ("good", "evening"),
        ("fair", "enough"),
        ("makes", "sense"),
    ]
)
_GOES_ON_TEXT = """okay ok great thanks thank you yeah yes yep sure hey hi hello guys understood
    congrats congratulations alright all right got it good morning afternoon evening
    that's thats helpful perfect excellent awesome fantastic wonderful nice
    cool so well um uh oh and appreciate that"""
_GOES_ON = frozenset(_GOES_ON_TEXT.split())
#: A word before a reaction that binds it into a sentence: "a great job", "as well",
#: "make sure", "it's okay", "really great".
_BINDS_TEXT = """a an the very really pretty so such is was are were be been being it's that's
    i'm make for not too quite as this in on every tomorrow yesterday"""
_BINDS = frozenset(_BINDS_TEXT.split())
#: An opening this close (in words) before the one found is the same turn's.
_OPENING_CHAIN = 12
#: Openings a question is taken back to: not "congratulations", which ends a turn
#: ("congratulations again") as often as it opens one.
_CLOSINGS = frozenset(["congrats", "congratulations"])
#: A question runs at most this many words from its opening to its last asking word.
_MAX_QUESTION_WORDS = 150
#: An answer is at least this many words; asking closer than this to the last question
#: is the same asker going on.
_MIN_ANSWER_WORDS = 30
#: An asking word this close to its line's end carries the question into the next line.
_LINE_TAIL = 6
#: ... and at most this many words past its last asking word in a long line.
_QUESTION_TAIL = 25
_MIN_QUESTIONS = 2


@dataclass(frozen=True, slots=True)
class _Words:
    """The document's words in order: where each starts and ends, lower-cased, and which
    line (paragraph) each is on."""

    starts: list[int]
    ends: list[int]
    folded: list[str]
    lines: list[int]


def unpunctuated(text: str) -> bool:
    """``text`` is a recogniser's raw words: long, and (almost) no sentence ends."""
    marks = text.count(".") + text.count("?") + text.count("!")
    estimate = len(text) // 6  # words, roughly: a cheap look before counting them
    if estimate < _MIN_WORDS or marks * _WORDS_PER_MARK > estimate * 2:
        return False
    words = len(text.split())
    return words >= _MIN_WORDS and marks * _WORDS_PER_MARK <= words


def spoken_questions(
    text: str, lines: Sequence[Spanned], *, wrapped: bool
) -> list[tuple[Question, int]]:
    """The questions of unpunctuated speech, each with the start of the line it opens on."""
    if not lines:
        return []
    words = _words(text, lines)
    count = len(words.folded)
    paused = _paused_starts(text, lines, words)
    reacts = _openings(words.folded)
    opens = [react or index in paused for index, react in enumerate(reacts)]
    spans: list[list[int]] = []  # [first word, last asking word] of each question
    for index in range(count):
        if not _asks(words.folded, index):
            continue
        if spans and index - spans[-1][1] < _MIN_ANSWER_WORDS:
            spans[-1][1] = index  # the same asker going on
            continue
        floor = _question_end(words, spans[-1][1], opens) + 1 if spans else 0
        first = _opening(words.folded, (opens, reacts), index, floor)
        if first is None:
            if spans and index - spans[-1][1] < 2 * _MIN_ANSWER_WORDS:
                spans[-1][1] = index  # no turn opened since: the asker going on
            continue  # asked inside a turn that opened nowhere: the answer's own question
        spans.append([first, index])
    kept: list[list[int]] = []
    for first, asking in spans:
        if kept and first - _question_end(words, kept[-1][1], opens) <= _MIN_ANSWER_WORDS:
            continue  # asked as the answer just begins ("yeah ... do your ..."): the answer's
        kept.append([first, asking])
    if kept and count - _question_end(words, kept[-1][1], opens) <= _MIN_ANSWER_WORDS:
        kept.pop()  # nothing answers it: a remark, or the asker's own aside
    found: list[tuple[Question, int]] = []
    for number, (first, asking) in enumerate(kept):
        last = _question_end(words, asking, opens)
        following = kept[number + 1][0] if number + 1 < len(kept) else count
        start, end = words.starts[first], words.ends[last]
        answer = Span(words.starts[last + 1], words.ends[following - 1])
        question = Question(
            text=" ".join(_LINE_TIME.sub(" ", text[start:end]).split()),
            start=start,
            end=end,
            answer=answer,
            measures=find_measures(text, answer.start, answer.end, wrapped=wrapped),
        )
        found.append((question, lines[words.lines[first]].start))
    return found if len(found) >= _MIN_QUESTIONS else []


def _words(text: str, lines: Sequence[Spanned]) -> _Words:
    words = _Words([], [], [], [])
    for number, line in enumerate(lines):
        for match in _WORD.finditer(text, line.start, line.end):
            if _TIME.fullmatch(match.group()):
                continue  # a caption line's time stamp
            words.starts.append(match.start())
            words.ends.append(match.end())
            words.folded.append(match.group().casefold().replace("’", "'"))
            words.lines.append(number)
    return words


def _paused_starts(text: str, lines: Sequence[Spanned], words: _Words) -> set[int]:
    """The first word of each line after a blank line: the recording fell silent there."""
    after_blank = {
        number
        for number in range(1, len(lines))
        if text.count("\n", lines[number - 1].end, lines[number].start) > 1
    }
    starts: set[int] = set()
    previous = -1
    for index, line in enumerate(words.lines):
        if line != previous and line in after_blank:
            starts.add(index)
        previous = line
    return starts


def _asks(folded: list[str], index: int) -> bool:
    """Word ``index`` begins asking, by word order: "can you", "what are you", "if you
    could", "what's the"."""
    word = folded[index]
    after = folded[index + 1] if index + 1 < len(folded) else ""
    if word in _AUXILIARIES:
        if after == "you" and index + 2 < len(folded) and folded[index + 2] == "know":
            return False  # "is you know multiple petabytes": a filler, not the listener
        if index and folded[index - 1] in _NOT_BEFORE_ASKING:
            return False  # "great to have you", "i will you know": no question's order
        if after == "your" and word in _NOT_BEFORE_YOUR:
            return False  # "is your strongest market", "we have your next question"
        return after in _LISTENER or (after == "we" and word in ("should", "can", "could"))
    if word in _WONDERING:
        if not _SELF.intersection(folded[max(0, index - 3) : index]):
            return False  # "you might be wondering about": the listener's, put by a narrator
        following = index + 1
        while following < len(folded) and folded[following] in _FILLER_WORDS:
            following += 1  # "wondering um for", "wondering you know if"
        return following < len(folded) and folded[following] in _WONDERED
    if word == "or" and after in _AUXILIARIES and index + 2 < len(folded):
        # "... or is that part of the plan", "or will you": the other half of a question
        return folded[index + 2] in _SUBJECTS or folded[index + 2] in _LISTENER

    if word in _WH:
        third = folded[index + 2] if index + 2 < len(folded) else ""
        # "how do we model it" is the speaker's own question, "what do you do" the listener's
        return after in _AUXILIARIES and (third in _LISTENER or third in _SUBJECTS)
    if word in _WH_CONTRACTED:
        return after in _SUBJECTS or after in _LISTENER
    if word in _REQUEST_LEAD and after == "you" and index + 3 < len(folded):
        # "if you could talk about"; not an offer to all ("if you would like to ask")
        return folded[index + 2] in _REQUEST_MODALS and folded[index + 3] != "like"
    return False


def _openings(folded: list[str]) -> list[bool]:
    """Which words open a turn: in each run of reaction and greeting words ("okay all
    right that's very", "sure understood"), the first reaction not bound into the sentence
    before it by the word before the run ("a great job", "the price is sure")."""
    opens = [False] * len(folded)
    index = 0
    while index < len(folded):
        if folded[index] not in _GOES_ON and folded[index] not in _OPENERS:
            index += 1
            continue
        end = index
        while end < len(folded) and (folded[end] in _GOES_ON or folded[end] in _OPENERS):
            end += 1
        for word in range(index, end):
            pair = (folded[word], folded[word + 1]) if word + 1 < len(folded) else ("", "")
            if folded[word] not in _OPENERS and pair not in _OPENING_PAIRS:
                continue
            before = folded[word - 1] if word else ""
            if word == index and before in _BINDS:
                continue  # bound into the sentence before; inside a run, "that's great" opens
            opens[word] = True
            break
        index = end
    return opens


def _opening(
    folded: list[str], openings: tuple[list[bool], list[bool]], asking: int, floor: int
) -> int | None:
    """Where the question asked at word ``asking`` starts: the last opening (a reaction,
    or a word after a pause) before it within reach, moved back over reactions just before
    it (the same turn's greeting and thanks); None when no turn opens within reach."""
    opens, reacts = openings
    low = max(floor, asking - _MAX_QUESTION_WORDS)
    found = next((i for i in range(asking, low - 1, -1) if opens[i]), None)
    while found is not None:
        reach = max(low, found - _OPENING_CHAIN)
        earlier = next(
            (
                i
                for i in range(found - 1, reach - 1, -1)
                if reacts[i] and folded[i] not in _CLOSINGS
            ),
            None,
        )
        if earlier is None:
            return found
        found = earlier
    return None


def _question_end(words: _Words, asking: int, opens: list[bool]) -> int:
    """The last word of the question whose last asking word is ``asking``: the end of its
    line, or of the next line when the asking comes at the end of a line; where lines are
    long (a recogniser's one stream of words), the word before the next opening (the
    reply's "yes", "sure") and at most _QUESTION_TAIL words on."""
    count = len(words.lines)
    line = words.lines[asking]
    last = asking
    while last + 1 < count and words.lines[last + 1] == line:
        last += 1
    if last - asking < _LINE_TAIL:
        following = last + 1
        while following + 1 < count and words.lines[following + 1] == line + 1:
            following += 1
        if following < count and words.lines[following] == line + 1:
            last = following
    if last - asking > _QUESTION_TAIL:
        reply = next((i for i in range(asking + 1, asking + _QUESTION_TAIL) if opens[i]), None)
        last = reply - 1 if reply is not None else asking + _QUESTION_TAIL
    return last
