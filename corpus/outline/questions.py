"""Which of the askers' turns are questions: the ones that put something to the interviewee.

A question is an asker's turn the interviewee is to answer: one with a question mark, a
request ("Tell us about ..."), or a statement the interviewee does answer ("You brought
your granddaughter." - "That's right. Carolina."). Other turns stay turns: back-channel
("Yeah.", "Mm-hmm."), thanks and greetings alone ("Thank you, Mr. President.", "How are
you?"), echoes of what the interviewee just said, fragments and interjections inside an
answer ("Because —"), remarks answered only by back-channel, the floor given or asked for
("Jake?" - "Yeah."), talk between co-hosts (the next turn is another asker's), and a
statement that closes with thanks. The document's shape tells the rest: what the host says
before anyone else has spoken, or before another paragraph of their own that asks (a cold
open, a sponsor read), is no question; nor is a statement before the interviewee's first
words when those open with thanks or are a prepared statement many times their usual
length (a chair's "With that, we welcome your comments."); nor thanks answered with
thanks, a short remark on what was just said ("Wow, that's incredible."), a word that
finishes the interviewee's cut-off sentence, the asker's own sentence carried on after an
interjection ("— or only after ...?"), a turn that passes the floor to another asker, or
one that ends by calling the next speaker by their label (a court's "... General
Verrilli." before ``GENERAL VERRILLI:``).
The rules read words every interview uses (a small closed set: back-channel, thanks,
words that point back such as "that's"), not a transcript's names or phrases. This
module weighs them; each kind of turn that is no question is told in its own module
(``backchannel``, ``interruptions``, ``pleasantries``, ``floor``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import pairwise

from corpus.outline.backchannel import backchannel, reaction
from corpus.outline.floor import (
    answers_the_interviewee,
    before_any_answer,
    bystanders,
    calls_next,
    carries_on,
    first_answer,
    floor_passed,
    prepared,
    talk_is_over,
)
from corpus.outline.interruptions import SHORT, interrupts
from corpus.outline.pleasantries import (
    PLEASANTRIES_CHARS,
    opens_with_pleasantry,
    pleasantries_only,
    pleasantry,
)
from corpus.outline.said import Said, count_asking, has_question_mark, puts_question
from corpus.outline.slates import slates
from corpus.outline.turn_text import STAGE_NOTE, WORD, TurnText

#: A reply that confirms a statement answers it ("That's right." after "You brought ...").
_CONFIRMATION = re.compile(
    r"(?i)\W*(?:(?:that['’]?s|that is|it['’]?s|it is)(?: \w+)? (?:right|correct|true)\b|"
    r"(?:correct|exactly|absolutely|indeed)\b|(?:i|we) (?:did|do|have|am|was|will)\b)"
)
#: A reaction ("Wow, that's incredible growth for a side job.") is at most this many words.
_REACTION = 12
#: An interviewee says at least a quarter as much as the one who says most.
_INTERVIEWEE_SHARE = 4
#: The fewest words of a reply that answers a statement.
_MIN_REPLY = 3
#: A speaker who replies to the askers this many times is asked, however little they say.
_REPLIES = 2


def question_turns(
    turns: Sequence[Said], askers: Collection[str], openings: Collection[int] = ()
) -> set[int]:
    """Indexes of the askers' turns in ``turns`` that are questions to the interviewee.

    A turn whose speaker is empty is unlabelled talk (an answer in a transcript that
    labels only the questions). A slate opening a session is none (``openings``).
    """
    interviewees = _interviewees(turns, askers)
    aside = bystanders(turns, askers)
    slated = slates(turns, askers, openings)
    return {
        index
        for index, turn in enumerate(turns)
        if turn.speaker in askers
        and index not in slated
        and _is_question(turns, index, askers, interviewees, aside)
    }


def _interviewees(turns: Sequence[Said], askers: Collection[str]) -> set[str]:
    """Who is asked: the speakers who do not ask and say a good share of what is answered
    (a chair's "Good morning." makes no interviewee of her), or who reply to the askers
    twice or more (an oral argument's second advocate, who speaks far less than the
    first); unlabelled answers too."""
    words: dict[str, int] = {}
    for turn in turns:
        if turn.speaker not in askers:
            words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    most = max(words.values(), default=0)
    replies: dict[str, int] = {}
    for before, turn in pairwise(turns):
        if before.speaker in askers and turn.speaker and turn.speaker not in askers:
            replies[turn.speaker] = replies.get(turn.speaker, 0) + 1
    return {
        speaker
        for speaker, count in words.items()
        if count * _INTERVIEWEE_SHARE >= most or replies.get(speaker, 0) >= _REPLIES
    }


def _is_question(
    turns: Sequence[Said],
    index: int,
    askers: Collection[str],
    interviewees: set[str],
    aside: set[str],
) -> bool:
    text = STAGE_NOTE.sub(" ", turns[index].text).strip()
    words = WORD.findall(text[: PLEASANTRIES_CHARS + 1])  # enough to tell a short turn
    if not words:
        return False
    following = turns[index + 1] if index + 1 < len(turns) else None
    reply = following.text if following is not None and following.speaker not in askers else ""
    said, replied = TurnText(text), TurnText(reply)
    if (
        following is not None
        and following.speaker in askers
        and (following.speaker != turns[index].speaker or not has_question_mark(text))
    ):
        return False  # talk between askers, or a remark nobody answered
    if (
        following is not None
        and following.speaker == turns[index].speaker
        and (before_any_answer(turns, index, askers) or count_asking(following.text) > 0)
    ):
        return False  # a cold open, an ad or a preamble: the question comes after
    if pleasantries_only(said) or backchannel(words):
        return False
    if carries_on(text, turns, index):
        return False  # "— against a variant, ..." after "It may not be as effective."
    if floor_passed(turns, index, askers):
        return False  # "Justin, what's your question?" - "What do you teach?" - Justin asks
    if calls_next(turns, index, said):
        return False  # "We'll hear argument ... General Verrilli." - the floor given
    if len(words) <= SHORT and interrupts(words, text, turns, index, askers):
        return False
    if len(words) <= _REACTION and reaction(said):
        return False  # "Wow.", "That's amazing.", "Wow, that's incredible growth."
    if has_question_mark(text):
        if following is not None and following.speaker in aside:
            return False  # "Can you hear me now?" - "We can." (the call's moderator)
        return not (len(words) <= 2 and reply and backchannel(WORD.findall(reply)))
    if reply and pleasantries_only(replied):
        return False  # "Mr. President, enjoy your time." - "Thank you very much."
    if answers_the_interviewee(turns, index, askers):
        return False
    parts = said.sentences
    if any(puts_question(part) for part in parts[-3:]):
        return True
    if parts and pleasantry(parts[-1]):
        return False  # a statement that closes with thanks: the reply is to the thanks
    if following is None or following.speaker not in interviewees:
        return False  # a remark nobody answered, or answered by someone else (a chair)
    thanks = any(pleasantry(part) for part in parts[:-1])  # the last one thanks for nothing
    if opens_with_pleasantry(replied) and (first_answer(turns, index + 1, askers) or thanks):
        return False  # "Today my guest is ..." - "Thanks for having me. ..."; thanks exchanged
    if thanks and talk_is_over(turns, index, askers):
        return False  # "Thank you so much for doing this. ..." - "Yeah, this was fun."
    if first_answer(turns, index + 1, askers) and prepared(turns, index + 1):
        return False  # "You may proceed." before a witness's prepared statement
    reply_words = WORD.findall(replied.without_notes)
    if _CONFIRMATION.match(reply):
        return True
    return len(reply_words) >= _MIN_REPLY and not backchannel(reply_words)
