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
words that point back such as "that's"), not a transcript's names or phrases.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import islice, pairwise

from corpus.outline.said import Said, count_asking, has_question_mark, puts_question, sentences
from corpus.outline.slates import slates

_STAGE = re.compile(r"\([^)]{1,40}\)|\[[^\]]{1,40}\]")
_TOKEN = re.compile(r"[\w'’-]+")
#: An address before the words: "Mr. President, ...", "Alan, ...", "Well, ...".
_VOCATIVE = r"(?:(?:(?i:well|oh|and|so|okay|ok|yes|yeah|hey|hi|great)|[A-Z][\w.'’-]*)[ ,]+){0,3}"
_PLEASANTRY = re.compile(
    rf"{_VOCATIVE}(?i:thanks?\b|thank you|many thanks|much appreciated|"
    r"(?:we|i)(?: really| certainly| truly| do)? appreciate|appreciate it|"
    r"good (?:morning|afternoon|evening|night|day)|hi\b|hello|hey\b|welcome|"
    r"(?:it's |it is |it was |it's been |so |very )?"
    r"(?:great|good|nice|lovely) (?:to|seeing|having)|"
    r"(?:my |a |it's been a |it was a )?pleasure|how are you|how's it going|happy \w+day|"
    r"(?:(?:i'm|i am|we're|we are|so|really|very) )*"
    r"(?:happy|glad|excited|thrilled|delighted|honou?red) to be (?:here|on|back|with)|"
    r"(?:it's |it is )?(?:an|a real) honou?r|"
    r"enjoy\b|congratulations|cheers|bye|goodbye|take care)"
)
_GRATITUDE = re.compile(
    r"(?i)\b(?:thank|thanks|appreciate|grateful|pleasure|congratulat\w*|hats off)\b"
)
_BACKCHANNEL_TEXT = """yeah yes yep yup no nope mm mhm mm-hmm mmhmm mhmm uh-huh uh huh hmm um
    uh ah oh okay ok right sure wow great good cool exactly absolutely true indeed really
    interesting got it i see that's it's correct fine alright all laughs laughter laughing
    crosstalk inaudible well so amazing fantastic nice perfect totally definitely awesome
    incredible wonderful fascinating crazy wild neat lovely beautiful brilliant impressive
    gosh geez wow very"""
_BACKCHANNEL_WORDS = frozenset(_BACKCHANNEL_TEXT.split())
#: A reply that confirms a statement answers it ("That's right." after "You brought ...").
_CONFIRMATION = re.compile(
    r"(?i)\W*(?:(?:that['’]?s|that is|it['’]?s|it is)(?: \w+)? (?:right|correct|true)\b|"
    r"(?:correct|exactly|absolutely|indeed)\b|(?:i|we) (?:did|do|have|am|was|will)\b)"
)
_DASHES = ("—", "–", "--", "-")
#: Words that open a remark on what was just said ("That's amazing.", "What a story.").
_POINTING_BACK = frozenset(
    ["that's", "that’s", "that is", "that was", "that sounds", "this is", "what a", "how"]
)
_SECOND_PERSON = frozenset(["you", "your", "you're", "you’re", "yours", "you've", "you’ve"])
#: A short turn: back-channel, an echo or a fragment is at most this many words.
_SHORT = 8
#: A reaction ("Wow, that's incredible growth for a side job.") is at most this many words.
_REACTION = 12
#: Thanks and greetings alone never run longer than this (characters).
_PLEASANTRIES_CHARS = 600
#: A sentence of thanks or congratulations is at most this many words.
_LONG_THANKS = 25
#: An echo repeats what the interviewee said last: this many characters of each turn.
_ECHO_REACH = 400
#: An interviewee says at least a quarter as much as the one who says most.
_INTERVIEWEE_SHARE = 4
#: The fewest words of a reply that answers a statement.
_MIN_REPLY = 3
#: A speaker who replies to the askers this many times is asked, however little they say.
_REPLIES = 2
#: An interviewee's question back to the asker is a turn of at most this many sentences.
_ASKED_BACK = 3
#: A prepared statement runs to this many words and this many times the speaker's median turn.
_PREPARED_WORDS = 300
_PREPARED_TIMES = 3
_PRONOUNS = {"you": "i", "your": "my", "you're": "i'm", "yours": "mine", "you've": "i've"}
_FUNCTION_TEXT = (
    "a an the and or but so to of in on at for with that this it is are was were be do does "
    "did i you he she we they my your his her our their me him us them"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def question_turns(
    turns: Sequence[Said], askers: Collection[str], openings: Collection[int] = ()
) -> set[int]:
    """Indexes of the askers' turns in ``turns`` that are questions to the interviewee.

    A turn whose speaker is empty is unlabelled talk (an answer in a transcript that
    labels only the questions). A slate opening a session is none (``openings``).
    """
    interviewees = _interviewees(turns, askers)
    slated = slates(turns, askers, openings)
    return {
        index
        for index, turn in enumerate(turns)
        if turn.speaker in askers
        and index not in slated
        and _is_question(turns, index, askers, interviewees)
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
    turns: Sequence[Said], index: int, askers: Collection[str], interviewees: set[str]
) -> bool:
    text = _STAGE.sub(" ", turns[index].text).strip()
    words = _TOKEN.findall(text[: _PLEASANTRIES_CHARS + 1])  # enough to tell a short turn
    if not words:
        return False
    following = turns[index + 1] if index + 1 < len(turns) else None
    reply = following.text if following is not None and following.speaker not in askers else ""
    said, replied = _Read(text), _Read(reply)
    if (
        following is not None
        and following.speaker in askers
        and (following.speaker != turns[index].speaker or not has_question_mark(text))
    ):
        return False  # talk between askers, or a remark nobody answered
    if (
        following is not None
        and following.speaker == turns[index].speaker
        and (_before_any_answer(turns, index, askers) or count_asking(following.text) > 0)
    ):
        return False  # a cold open, an ad or a preamble: the question comes after
    if _pleasantries_only(said) or _backchannel(words):
        return False
    if _carries_on(text, turns, index):
        return False  # "— against a variant, ..." after "It may not be as effective."
    if _floor_passed(turns, index, askers):
        return False  # "Justin, what's your question?" - "What do you teach?" - Justin asks
    if _calls_next(turns, index, said):
        return False  # "We'll hear argument ... General Verrilli." - the floor given
    if len(words) <= _SHORT and (
        _echo(words, turns, index, askers)
        or _fragment(text)
        or _interjection(turns, index, askers)
        or _completion(text, turns, index, askers)
    ):
        return False
    if len(words) <= _REACTION and _reaction(said):
        return False  # "Wow.", "That's amazing.", "Wow, that's incredible growth."
    if has_question_mark(text):
        return not (len(words) <= 2 and reply and _backchannel(_TOKEN.findall(reply)))
    if reply and _pleasantries_only(replied):
        return False  # "Mr. President, enjoy your time." - "Thank you very much."
    if _answers_the_interviewee(turns, index, askers):
        return False
    parts = said.sentences
    if any(puts_question(part) for part in parts[-3:]):
        return True
    if parts and _pleasantry(parts[-1]):
        return False  # a statement that closes with thanks: the reply is to the thanks
    if following is None or following.speaker not in interviewees:
        return False  # a remark nobody answered, or answered by someone else (a chair)
    thanks = any(_pleasantry(part) for part in parts[:-1])  # the last one thanks for nothing
    if _opens_with_pleasantry(replied) and (_first_answer(turns, index + 1, askers) or thanks):
        return False  # "Today my guest is ..." - "Thanks for having me. ..."; thanks exchanged
    if thanks and _talk_is_over(turns, index, askers):
        return False  # "Thank you so much for doing this. ..." - "Yeah, this was fun."
    if _first_answer(turns, index + 1, askers) and _prepared(turns, index + 1):
        return False  # "You may proceed." before a witness's prepared statement
    reply_words = _TOKEN.findall(replied.without_notes)
    if _CONFIRMATION.match(reply):
        return True
    return len(reply_words) >= _MIN_REPLY and not _backchannel(reply_words)


class _Read:
    """A turn's text and its sentences, each read once when first asked for: the rules
    below read the same turn (and its reply) several times."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._without_notes: str | None = None
        self._sentences: list[str] | None = None
        self._spoken: list[str] | None = None

    @property
    def without_notes(self) -> str:
        """The text with its stage notes ("(laughs)", "[crosstalk]") set aside."""
        if self._without_notes is None:
            self._without_notes = _STAGE.sub(" ", self.text)
        return self._without_notes

    @property
    def sentences(self) -> list[str]:
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    @property
    def spoken(self) -> list[str]:
        """The sentences of the text without its stage notes."""
        if self._spoken is None:
            unchanged = self.without_notes == self.text
            self._spoken = self.sentences if unchanged else sentences(self.without_notes)
        return self._spoken


def _pleasantries_only(said: _Read) -> bool:
    """Thanks and greetings, nothing else but back-channel ("Thank you, Mr. President.",
    "How are you?", "Thank you very much. Great.")."""
    if len(said.text) > _PLEASANTRIES_CHARS:
        return False
    pleasant = False
    for part in said.spoken:
        if _pleasantry(part):
            pleasant = True
        elif not _backchannel(_TOKEN.findall(part)):
            return False
    return pleasant


def _pleasantry(sentence: str) -> bool:
    """Thanks or a greeting (``Thank you, Mr. President.``), or a short sentence of thanks
    (words counted last: most sentences thank nobody)."""
    return _PLEASANTRY.match(sentence.strip(" \"“”'‘’—–-")) is not None or (
        _GRATITUDE.search(sentence) is not None
        and "?" not in sentence
        and len(_TOKEN.findall(sentence)) <= _LONG_THANKS
    )


def _answers_the_interviewee(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """A statement right after the interviewee asked something: the tables turned. The
    interviewee's question is a short turn of its own ("Of just the things you learn?"),
    not the rhetorical question that closes a long answer ("... or would there be long
    delays?"), which the asker's next statement does not answer."""
    if index == 0:
        return False
    before = turns[index - 1]
    if before.speaker in askers or not before.speaker or not has_question_mark(before.text):
        return False
    parts = sentences(before.text)
    return 0 < len(parts) <= _ASKED_BACK and has_question_mark(parts[-1])


def _carries_on(text: str, turns: Sequence[Said], index: int) -> bool:
    """The asker goes on with their own sentence after the interviewee put a word in: the
    turn opens with a dash and the asker's turn before last was theirs."""
    return (
        index >= 2
        and text.lstrip(" \"“'‘").startswith((*_DASHES, "…", "..."))
        and turns[index - 2].speaker == turns[index].speaker
        and turns[index - 1].speaker != turns[index].speaker
    )


def _floor_passed(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """A turn that gives the floor to another asker: the interviewee replies with a short
    question of their own, and another asker speaks next (a town hall's moderator
    introducing an audience member, the President asking her "What do you teach?")."""
    if index + 2 >= len(turns):
        return False
    reply, after = turns[index + 1], turns[index + 2]
    return (
        reply.speaker not in askers
        and len(reply.text.split()) <= _SHORT
        and has_question_mark(reply.text)
        and after.speaker in askers
        and after.speaker != turns[index].speaker
    )


def _calls_next(turns: Sequence[Said], index: int, said: _Read) -> bool:
    """The turn (with its unlabelled paragraphs) ends by calling the next speaker by their
    label, and nothing before that asks: a chair or a court giving the floor (``...
    General Verrilli.`` before ``GENERAL VERRILLI:``, ``Ms. Doe?`` before ``MS. DOE:``)."""
    text = said.text
    after = index + 1
    while after < len(turns) and not turns[after].speaker:
        text = f"{text} {turns[after].text}"
        after += 1
    if after >= len(turns):
        return False
    parts = list(said.sentences) if after == index + 1 else sentences(text)
    while parts and not any(c.islower() for c in parts[-1]):
        parts.pop()  # a section title in capitals that the turn ran on into
    called = [word.casefold() for word in _TOKEN.findall(parts[-1])] if parts else []
    label = {word.casefold() for word in _TOKEN.findall(turns[after].speaker)}
    return (
        bool(called)
        and set(called) <= label
        and not any(puts_question(part) or has_question_mark(part) for part in parts[:-1])
    )


def _before_any_answer(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """Nobody but the askers has spoken yet: a podcast's cold open, sponsor read and
    introduction before the guest's first words."""
    return all(turn.speaker in askers for turn in islice(turns, index))


def _opens_with_pleasantry(reply: _Read) -> bool:
    """A reply whose first sentence thanks or greets ("Hi. Thanks for having me.")."""
    if len(reply.text) <= _PLEASANTRIES_CHARS:
        parts = reply.spoken
    else:
        parts = sentences(_STAGE.sub(" ", reply.text[:_PLEASANTRIES_CHARS]))
    return bool(parts) and _pleasantry(parts[0])


def _talk_is_over(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The interviewee says nothing more of length after the turn at ``index``: its thanks
    close the conversation."""
    return all(
        turn.speaker in askers or len(turn.text.split()) <= _SHORT
        for turn in islice(turns, index + 1, None)
    )


def _first_answer(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The turn at ``index`` is its speaker's first: the guest's first words after the
    host's introduction, the witness's statement after the chair gives the floor."""
    speaker = turns[index].speaker
    return speaker not in askers and all(turn.speaker != speaker for turn in islice(turns, index))


def _prepared(turns: Sequence[Said], index: int) -> bool:
    """A prepared statement: many times longer than the speaker's usual turn."""
    speaker = turns[index].speaker
    lengths = sorted(len(turn.text.split()) for turn in turns if turn.speaker == speaker)
    length = len(turns[index].text.split())
    return length >= _PREPARED_WORDS and length >= _PREPARED_TIMES * lengths[len(lengths) // 2]


def _completion(text: str, turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The asker finishes the interviewee's cut-off sentence ("Would they have --" -
    "Come out differently.")."""
    if index == 0 or has_question_mark(text):
        return False
    before = turns[index - 1]
    return before.speaker not in askers and _fragment(before.text)


def _reaction(said: _Read) -> bool:
    """Short exclamations and back-channel only ("Wow. That's amazing.", "Right, right.
    Incredible.")."""
    if has_question_mark(said.text):
        return False
    parts = said.spoken
    return bool(parts) and all(
        _backchannel(_TOKEN.findall(part)) or _remark(part) for part in parts
    )


def _remark(sentence: str) -> bool:
    """A remark on what was just said, not about the interviewee ("Wow, that's incredible
    growth.", "Oh, what a story."): after back-channel words it opens with a word that points
    back (``that``, ``this``) and speaks to no one ("you")."""
    words = [w.casefold() for w in _TOKEN.findall(sentence)]
    while words and words[0] in _BACKCHANNEL_WORDS and words[0] not in _POINTING_BACK:
        words = words[1:]
    return (
        bool(words)
        and (words[0] in _POINTING_BACK or " ".join(words[:2]) in _POINTING_BACK)
        and not _SECOND_PERSON.intersection(words)
    )


def _backchannel(words: list[str]) -> bool:
    return 0 < len(words) <= 4 and all(w.casefold() in _BACKCHANNEL_WORDS for w in words)


def _fragment(text: str) -> bool:
    """Cut off: "Because —", "He's —"."""
    return text.rstrip(" \"”'’").endswith(_DASHES)


def _echo(words: list[str], turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The interviewee's own words said back ("That's right." after "That's right.", "You
    love the president?" after "I love the president."): each pair of neighbouring words,
    "you" read as "I", occurs in the interviewee's last turns."""
    said = [
        turn.text
        for turn in turns[max(0, index - 3) : index]
        if turn.speaker not in askers or not turn.speaker
    ]
    if not said:
        return False
    mine = _without_repeats([_PRONOUNS.get(w.casefold(), w.casefold()) for w in words])
    said_last = "\n".join(text[-_ECHO_REACH:] for text in said).casefold()
    if not all(word in said_last for word in mine):
        return False  # a word not said at all (cheaper to tell than the pairs below)
    heard = [w.casefold() for text in said for w in _TOKEN.findall(text[-_ECHO_REACH:])]
    if len(mine) == 1:
        return mine[0] in heard and mine[0] not in _FUNCTION_WORDS
    pairs = set(pairwise(heard))
    return all(pair in pairs for pair in pairwise(mine))


def _without_repeats(words: list[str]) -> list[str]:
    """ "that's that's right" as "that's right": a stammer is no new word."""
    return [w for i, w in enumerate(words) if i == 0 or words[i - 1] != w]


def _interjection(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """A word put in while the interviewee is cut off mid-sentence and then carries on."""
    if index == 0 or index + 1 >= len(turns):
        return False
    before, after = turns[index - 1], turns[index + 1]
    if before.speaker in askers or after.speaker != before.speaker:
        return False
    carried_on = (
        after.text.lstrip()[:1] in ("—", "–", "-", "…") or after.text.lstrip()[:1].islower()
    )
    return _fragment(before.text) and carried_on
