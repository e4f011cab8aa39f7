"""How a stretch of talk without a speaker's label reads: does it ask, react, address?

Where a transcript names no speaker, who asks is read from the words
(:mod:`corpus.outline.unlabelled`): a question is put to the listener ("Did you release
it?", "Tell us about ..."), not a tag ("Right?"), not quoted ("and you're like, how did
that happen?") and not about the speaker ("What can I do with it?"); a new turn often
opens with a reaction to what was just said ("Okay, cool.", "Interesting."); an answer
opens as a reply, not by carrying on the words before it ("And ...", "Because ..."),
and a statement put to the other side is confirmed by the reply ("That's right.").
The words read are those every conversation uses, not a transcript's names.
"""

from __future__ import annotations

import re

from corpus.outline.said import QUESTION_MARKS, count_asking, puts_question, sentences

#: Words that react to what the other side just said, opening a turn.
_REACTION_TEXT = """yeah yes yep yup okay ok right sure cool great interesting wow gosh oh
    excellent awesome nice wonderful fascinating perfect alright all absolutely exactly
    indeed amazing fantastic neat lovely mm-hmm uh-huh hmm ah gotcha got it i see that's
    thats that very so my well fair enough makes sense true totally"""
_REACTION_WORDS = frozenset(_REACTION_TEXT.split())
#: ... of which one must be a real reaction (not only "so", "well", "that's").
_FILLER = frozenset(["so", "well", "that's", "thats", "that", "very", "my", "all", "i"])
#: The first clause of a unit: its words up to a comma, a full stop, a dash.
_CLAUSE = re.compile(r"[\"“]?(?P<words>[^.,!?;:—–\n]{1,40}?)[ ]?(?:[.,!—–]|--)")
_REACTION_MAX_WORDS = 4
#: "So yeah, ...", "And yeah, ...": the speaker going on, not a reaction.
_GOING_ON = re.compile(r"(?i)\W*(?:so|and|but)\b")
_YOU = re.compile(r"(?i)\b(?:you|your|yours|yourself|yourselves)(?:['’](?:re|ve|d|ll))?\b(?!['’])")
_NOT_ADDRESSED = re.compile(r"(?i)\b(?:you know|you see|mind you|thank you|you guys know)\b")
_FILLERS = re.compile(r"\bI (?:mean|guess|think|suppose)\b")
_SELF = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we|we['’](?:re|ve|d|ll)|us|our|ours)\b", re.I
)
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself)\b")
#: A question quoted after a verb of saying, inside its sentence: "and you're like,
#: geez, how did that happen?", "and say, like, how's it been going?".
_REPORTED = re.compile(
    r"(?i)\S\s+(?:said|say|says|saying|asked|ask|asks|asking|like|goes|went|thought|"
    r"thinking|wonder|wondering|told|tell)\s*[,:]\s*[^.!?]*[?？][\"”’)]*\s*$"
)
#: ... unless a tag closes it and asks the listener: "..., right?", "..., yeah?".
_TAG = re.compile(
    r"(?i),\s*(?:right|yeah|yes|no|huh|correct|true|okay|ok|isn't it|don't you think|"
    r"wouldn't you say)\s*[?？][\"”’)]*\s*$"
)
#: A reply that confirms a statement put to the speaker: "That's right.", "Yes, ...".
_CONFIRMATION = re.compile(
    r"(?i)\W*(?:(?:that['’]?s|that is|it['’]?s|it is) (?:right|correct|true)\b|"
    r"(?:correct|exactly|absolutely|indeed|yes)\b)"
)
#: A reply that agrees with a statement put to the speaker: "Yeah, exactly.", "Absolutely.".
_AGREEMENT = re.compile(
    r"(?i)\W*(?:(?:yeah|yes|yep|oh)[,.!]?\s+)?(?:exactly|absolutely|definitely|precisely|"
    r"(?:that['’]?s|that is) (?:right|correct|true))\b"
)
#: An answer does not open by carrying on the words before it.
_CARRIES_ON = re.compile(r"[\"“]?(?:and|but|because|or|which|cause|'cause|nor)\b", re.I)
_WORD = re.compile(r"[\w'’-]+")
_BACKCHANNEL_TEXT = """yeah yes yep yup no nope mm mhm mm-hmm uh-huh hmm um uh ah oh okay ok
    right sure wow exactly absolutely true indeed really interesting i see got it laughs
    laughter crosstalk inaudible"""
_BACKCHANNEL = frozenset(_BACKCHANNEL_TEXT.split())

#: A sentence that asks has at least this many words ("Right?" is a tag, not a question).
_MIN_ASKING_WORDS = 3
#: A question about the speaker themself is short; a longer one may quote a thought.
_SHORT_QUESTION = 16


def asks_the_listener(said: str) -> bool:
    """Some sentence of ``said`` puts a question to the other side."""
    if not count_asking(said):
        return False  # most units: no question mark, no request (one cheap look)
    return any(_asks(part) and not _about_the_speaker(part) for part in sentences(said))


def _asks(sentence: str) -> bool:
    """A sentence that puts a question or a request, not a tag ("Right?", "Yeah?")."""
    if not puts_question(sentence):
        return False
    if not any(mark in sentence for mark in QUESTION_MARKS):
        return True  # a request: "Tell us about ..."
    if quoted(sentence):
        return False  # "... and you're like, how did that happen?": a question quoted
    return len(_WORD.findall(sentence)) >= _MIN_ASKING_WORDS


def quoted(sentence: str) -> bool:
    """A question quoted after a verb of saying ("and you're like, how did that happen?"),
    not a tag put to the listener ("..., right?")."""
    return _REPORTED.search(sentence) is not None and not tagged(sentence)


def tagged(sentence: str) -> bool:
    """A statement with a tag put to the listener: "There were BBSs then, right?"."""
    return _TAG.search(sentence) is not None


def _about_the_speaker(sentence: str) -> bool:
    """A short question about the one who puts it ("What can I do with it?", "You can put
    an age to me, right?"): the speaker's own thought, not a question to the other side.
    Fillers ("I mean", "I guess") aside; a long sentence may quote a thought; a request
    ("I'd like to ask you ...") is put to the other side."""
    if not any(mark in sentence for mark in QUESTION_MARKS):
        return False
    words = _WORD.findall(sentence)
    return len(words) <= _SHORT_QUESTION and bool(_FIRST_PERSON.search(_FILLERS.sub(" ", sentence)))


def addressed(value: str) -> bool:
    """Speaks to the other side: "you", "your" (not "you know", "thank you")."""
    if _YOU.search(value) is None:
        return False  # most talk: no "you" at all, nothing to set aside
    return _YOU.search(_NOT_ADDRESSED.sub(" ", value)) is not None


def reacts(value: str) -> bool:
    """Opens with a reaction to what was just said: "Okay, cool.", "Interesting.",
    "Yeah, I mean, ...", "That's cool."."""
    clause = _CLAUSE.match(value)
    if clause is None or _GOING_ON.match(value):
        return False
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(clause.group("words"))]
    return (
        0 < len(words) <= _REACTION_MAX_WORDS
        and all(w in _REACTION_WORDS for w in words)
        and any(w not in _FILLER for w in words)
    )


def backchannel(value: str) -> bool:
    """Only back-channel: "Yeah.", "Mm-hmm.", "Right, right."."""
    words = [w.casefold() for w in _WORD.findall(value)]
    return len(words) <= 4 and all(w in _BACKCHANNEL for w in words)


def carries_on(value: str) -> bool:
    """Opens by carrying on the words before it: "And ...", "But ...", "Because ..."."""
    return _CARRIES_ON.match(value) is not None


def confirms(value: str) -> bool:
    """Opens by confirming what was put to the speaker: "That's right.", "Yes.", "Exactly"."""
    return _CONFIRMATION.match(value) is not None


def agrees(value: str) -> bool:
    """Opens by agreeing with what was put to the speaker: "Yeah, exactly.", "Absolutely."."""
    return _AGREEMENT.match(value) is not None


def speaks_to_the_listener(value: str) -> bool:
    """Says "you" more often than "I" or "we": an asker's lead-in ("You joined in 2018."),
    not an answer, which speaks of the speaker."""
    plain = _NOT_ADDRESSED.sub(" ", value)
    return len(_YOU.findall(plain)) > len(_SELF.findall(_FILLERS.sub(" ", plain)))
