"""Who asks: the speakers who put questions to the interviewee, decided from the document.

No list of names: the rules read the turns. A label that names a role that asks (``Q``,
``Reporter``, ``Interviewer``, ``Host``, ``Moderator``) settles it, unless the one so
labelled only gives the floor to the others (a call's ``MODERATOR``). Otherwise the
interviewee is the speaker with the most words, and the askers are the others whose turns
put questions (question marks) more often than the interviewee's and are shorter on
average, or who introduce themselves as the press do ("Colby Smith with the New York
Times"), so a press conference's many reporters, each with their own label, ask and its
one answerer does not; a one-letter answer label (``A:``) every turn of which asks
another speaker is an interviewer's initial, no answer. A research transcript's codes
(``I:``, ``R1:``, ``P4:``) only lean that reading one way. A second respondent or a
focus group's participant, who takes up more questions than they put, answers
(:mod:`corpus.outline.answerers`). Where the askers' labels share a title the
answerers' do not (a bench's ``JUSTICE``, a committee's ``Senator``), the others titled
so ask too. The user may name the askers instead (``gloss outline --interviewer NAME``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import pairwise

from corpus.outline.answerers import (
    ANSWER_WORDS,
    INTERVIEWEE_SHARE,
    answering_more,
    asides_only,
    endings,
    replying,
)
from corpus.outline.hubs import answered_once, answering_hubs
from corpus.outline.labels import Role
from corpus.outline.named import label_words, matching_speakers
from corpus.outline.said import (
    Said,
    count_asking,
    count_sentences,
    has_question_mark,
    sentences,
)

_ASKING_ROLE = re.compile(
    r"(?i)(?:^|\b)(?:q|questions?|questioner|reporters?|interviewer|journalist|"
    r"correspondent|(?:co-?)?host|moderator|audience(?: member)?)(?:\b|$)|记者|问"
)
_ANSWERING_ROLE = re.compile(
    r"(?i)^(?:a|answers?|interviewee|respondent|participant|witness|guest)(?:\s*\d{1,3})?$|^答$"
)
#: Research transcripts' codes lean one way only: ``I:``/``Int:`` mostly asks and
#: ``R:``/``P4:``/``Resp:`` mostly answers, but ``R1`` is a researcher as often as a
#: respondent and ``I`` an interviewee now and then, so the document decides.
_ASKING_CODE = re.compile(r"(?i)^(?:i|int|iv)(?:\s*\d{1,3})?$")
_ANSWERING_CODE = re.compile(r"(?i)^(?:r|p|resp)(?:\s*\d{1,3})?$")
#: "Colby Smith with the New York Times.", "Chris Mason from BBC News.": a reporter's
#: self-introduction, at the start of a sentence.
_PRESS_INTRODUCTION = re.compile(
    r"(?:^|[.!?][\"”’)]*\s+)(?:[A-Z][\w'’-]+\s+){1,3}(?:with|from)\s+(?:the\s+)?[A-Z]"
)


def find_askers(turns: Sequence[Said], named: Collection[str] | None = None) -> frozenset[str]:
    """The speakers of ``turns`` who ask; ``named`` (the user's choice) overrides the rules."""
    speakers = list(dict.fromkeys(turn.speaker for turn in turns if turn.speaker))
    if named is not None:
        return matching_speakers(speakers, named)
    roles = {turn.speaker: turn.role for turn in turns if turn.role is not None}
    by_role = frozenset(s for s in speakers if roles.get(s) is Role.ASKER or _ASKING_ROLE.search(s))
    initials = _asking_letters(turns)
    answering = {
        s
        for s in speakers
        if (roles.get(s) is Role.ANSWERER or _ANSWERING_ROLE.match(s)) and s not in initials
    }
    # Both read once here: every rule below needs them, and the hubs are the costly part.
    hubs = answering_hubs(turns)
    words = _words_by_speaker(turns)
    if by_role:
        by_role -= _floor_givers(turns, by_role)
        askers = _with_the_floor_taken(turns, by_role, hubs) | _also_asking(
            turns, by_role, answering, words
        )
    else:
        askers = _inferred(turns, speakers, answering, hubs, words)
    return askers | _titled_as_askers(speakers, askers, answering, hubs, words)


def _asking_letters(turns: Sequence[Said]) -> set[str]:
    """One-letter labels that name the answer's role (``A:``) but ask: every turn of
    theirs ends with a question another speaker replies to, as a written interview's
    ``A:`` does where it shortens the interviewer's name (Arvind, ``AP``, ``A``)."""
    asking: dict[str, bool] = {}
    for index, turn in enumerate(turns):
        if len(turn.speaker) != 1:
            continue
        reply = turns[index + 1].speaker if index + 1 < len(turns) else ""
        parts = sentences(turn.text[-_EDGE:])
        asks = bool(parts) and has_question_mark(parts[-1]) and reply not in ("", turn.speaker)
        asking[turn.speaker] = asking.get(turn.speaker, True) and asks
    return {speaker for speaker, always in asking.items() if always}


def _words_by_speaker(turns: Sequence[Said]) -> dict[str, int]:
    """How many words each speaker says in all."""
    words: dict[str, int] = {}
    for turn in turns:
        words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    return words


def _titled_as_askers(
    speakers: list[str],
    askers: frozenset[str],
    answering: set[str],
    hubs: set[str],
    words: dict[str, int],
) -> frozenset[str]:
    """Speakers whose label holds the title the askers' labels share and no answerer's
    does: a bench's ``JUSTICE KAGAN`` beside ``JUSTICE ALITO`` and ``CHIEF JUSTICE
    ROBERTS``, a hearing's ``Senator Roe`` beside ``Senator Shelby``, even when their few
    turns are statements the advocate or the witness answers (``People who have asylum
    don't have a pathway to citizenship.``). A title the answerer shares (``Mr.``) says
    nothing."""
    if len(askers) < 2:
        return frozenset()
    most = max(words, key=lambda speaker: words[speaker], default="")
    answerers = answering | hubs | {most}
    answerer_words = {word for speaker in answerers for word in label_words(speaker)}
    shared: dict[str, int] = {}
    for asker in askers:
        for word in set(label_words(asker)) - answerer_words:
            shared[word] = shared.get(word, 0) + 1
    titles = {word for word, count in shared.items() if count >= _SHARED_TITLE}
    return frozenset(
        speaker
        for speaker in speakers
        if speaker not in askers
        and speaker not in answerers
        and len(label_words(speaker)) >= 2
        and titles & set(label_words(speaker))
    )


def _floor_givers(turns: Sequence[Said], by_role: frozenset[str]) -> frozenset[str]:
    """Role-labelled askers who only give the floor to the others: a telephone gaggle's
    ``MODERATOR`` ("Our next question will go to ...") after whose turns another asker
    speaks, mostly, and none of whose questions (a sound check, if any) the answerers
    take up. Their role word names who runs the call, not who asks."""
    if len(by_role) < 2:
        return frozenset()
    handed: dict[str, int] = {}
    answered: set[str] = set()
    count: dict[str, int] = {}
    for turn, after in pairwise(turns):
        if turn.speaker not in by_role or after.speaker == turn.speaker or not after.speaker:
            continue
        count[turn.speaker] = count.get(turn.speaker, 0) + 1
        if after.speaker in by_role:
            handed[turn.speaker] = handed.get(turn.speaker, 0) + 1
        elif count_asking(turn.text[-_EDGE:]) > 0:
            answered.add(turn.speaker)
    givers = frozenset(
        s for s, n in count.items() if s not in answered and 2 * handed.get(s, 0) > n
    )
    # Someone must still ask: two hosts handing the word to each other are no such thing.
    return givers if givers < by_role else frozenset()


def _with_the_floor_taken(
    turns: Sequence[Said], by_role: frozenset[str], hubs: set[str]
) -> frozenset[str]:
    """Role-labelled askers, and the reporters a moderator gives the floor to.

    In a press conference run by a ``MODERATOR:`` the reporters, each with a label of
    their own, ask and the answerer replies to them; the moderator, who never puts a
    question, only gives the floor and is no asker then.
    """
    if not hubs:
        return by_role
    answered = answered_once(turns, hubs) - by_role
    if not answered:
        return by_role
    asking = {turn.speaker for turn in turns if count_asking(turn.text) > 0}
    return frozenset({s for s in by_role if s in asking} | answered)


def _also_asking(
    turns: Sequence[Said], by_role: frozenset[str], answering: set[str], words: dict[str, int]
) -> frozenset[str]:
    """Beside the role-labelled askers, one who puts questions the interviewee answers at
    length, twice or more: a town hall's moderator who introduces the audience members
    and asks follow-ups of his own. Not a second interviewee (one who says a good share
    of what is said), whose questions are asides."""
    most = max(words.values(), default=0)
    interviewees = {s for s, count in words.items() if count * INTERVIEWEE_SHARE >= most}
    answered: dict[str, int] = {}
    for turn, reply in pairwise(turns):
        if (
            turn.speaker
            and turn.speaker not in by_role
            and turn.speaker not in answering
            and turn.speaker not in interviewees
            and reply.speaker in interviewees
            and has_question_mark(turn.text[-_EDGE:])
            and len(reply.text.split()) >= ANSWER_WORDS
        ):
            answered[turn.speaker] = answered.get(turn.speaker, 0) + 1
    return frozenset(s for s, count in answered.items() if count >= _ANSWERED_TWICE)


def _inferred(
    turns: Sequence[Said],
    speakers: list[str],
    answering: set[str],
    hubs: set[str],
    words: dict[str, int],
) -> frozenset[str]:
    """Without role labels: the interviewee asks least, the others who put questions ask.

    Each speaker's leaning to ask is the share of their sentences that put a question (an
    interviewee's long answers hold rhetorical questions too, but among many more
    sentences), a little more for speaking first, for naming another speaker (the host
    introducing the guest, a moderator calling on a reporter) and for short turns. The
    one who leans least is the interviewee; every other speaker who puts a question at
    all asks, as does one who introduces themselves as the press do.
    """
    if len(speakers) < 2:
        return frozenset()
    stats = {speaker: _Leaning() for speaker in speakers}
    for turn in turns:
        if turn.speaker:
            stats[turn.speaker].add(turn.text)
    first = next(turn.speaker for turn in turns if turn.speaker)
    mean_length = sum(s.length() for s in stats.values()) / len(stats)
    namers = _naming_others(turns, speakers)
    score = {
        speaker: leaning.share()
        + _HINT * (speaker == first)
        + _HINT * (speaker in namers)
        + _HINT * (leaning.length() < mean_length)
        + _HINT * bool(_ASKING_CODE.match(speaker))
        - _HINT * bool(_ANSWERING_CODE.match(speaker))
        for speaker, leaning in stats.items()
    }
    answered = answered_once(turns, hubs)
    most = max(leaning.words for leaning in stats.values())
    interviewee = min(
        speakers,
        # One who says little (an interjection from the floor) is nobody's interviewee.
        key=lambda s: (
            s not in hubs,
            stats[s].words * INTERVIEWEE_SHARE < most,
            score[s],
            -stats[s].words,
        ),
    )
    press = _press(turns)
    ending = endings(turns) if len(speakers) > 2 else []
    asides = asides_only(turns, ending, speakers, most) if ending else set()
    # A panel has no answering hub (a press conference's answerer follows everyone).
    replies = replying(turns, ending) if ending and not hubs else set()
    # A second respondent, a focus group's participant: they take up more than they put.
    taking = answering_more(turns, ending, words) if ending else set()
    return frozenset(
        s
        for s in speakers
        if s != interviewee
        and s not in answering
        and s not in hubs
        and s not in asides
        and s not in replies
        and (
            s in answered
            or (
                stats[s].asking > 0
                and (
                    s in press
                    or (
                        score[s] > score[interviewee]
                        and s not in taking
                        and not _in_conversation(stats[s], stats[interviewee])
                    )
                )
            )
        )
    )


#: A title in the labels of this many askers marks the askers' labels.
_SHARED_TITLE = 2
#: A speaker without a role label who asks is answered at length at least twice.
_ANSWERED_TWICE = 2
#: How far into a turn (from either end) a name or a self-introduction is looked for.
_EDGE = 300
#: Two who say at least this fraction (its inverse) of each other's words, the one asking
#: in under this fraction of what the other does, are in conversation.
_CONVERSATION = 2
#: What speaking first, naming another speaker or short turns add to a speaker's leaning.
_HINT = 0.1
#: Words of a label that name a role, not the person (``MR.``, ``THE PRESIDENT``).
_TITLE_WORDS = (
    "mr mrs ms dr the chair chairman president prime minister senior administration "
    "official secretary senator governor general professor speaker"
)
_TITLES = frozenset(_TITLE_WORDS.split())


def _in_conversation(speaker: _Leaning, interviewee: _Leaning) -> bool:
    """Two who talk with each other, not one who interviews the other: the speaker says
    as much as half of what the interviewee does and puts a question in under half as
    many of their sentences (a news podcast's co-host reading the intro and the sponsor,
    whose one question is an aside). An interviewer who talks at length asks at length
    too; one who asks little says little."""
    return (
        _CONVERSATION * speaker.words >= interviewee.words
        and _CONVERSATION * speaker.share() < interviewee.share()
    )


class _Leaning:
    """One speaker's counts: words, turns, sentences and sentences that put a question."""

    def __init__(self) -> None:
        self.words = self.turns = self.sentences = self.asking = 0

    def add(self, text: str) -> None:
        self.words += len(text.split())
        self.turns += 1
        self.sentences += count_sentences(text)
        self.asking += count_asking(text)

    def share(self) -> float:
        return self.asking / max(1, self.sentences)

    def length(self) -> float:
        return self.words / max(1, self.turns)


def _naming_others(turns: Sequence[Said], speakers: list[str]) -> set[str]:
    """The speakers who name another speaker as a turn begins or ends ("Tom, what ...",
    "... Right, Ana?"), as a host names the guest. Each speaker's turns are read once."""
    words = {speaker: set(label_words(speaker)) for speaker in speakers}
    owners: dict[str, int] = {}
    for own in words.values():
        for word in own:
            owners[word] = owners.get(word, 0) + 1
    spoken: dict[str, list[str]] = {speaker: [] for speaker in speakers}
    for turn in turns:
        if turn.speaker in spoken:
            spoken[turn.speaker].append(turn.text)
    return {
        speaker
        for speaker in speakers
        if _names_one_of(spoken[speaker], _others_words(words[speaker], owners))
    }


def _others_words(own: set[str], owners: dict[str, int]) -> set[str]:
    """The words of the other speakers' labels that name a person (not ``MR.``)."""
    return {
        word
        for word, count in owners.items()
        if count > (word in own) and word not in _TITLES and len(word) >= 3
    }


def _names_one_of(texts: list[str], names: set[str]) -> bool:
    if not names or not texts:
        return False
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b", re.I)
    return any(pattern.search(text[:_EDGE]) or pattern.search(text[-_EDGE:]) for text in texts)


def _press(turns: Sequence[Said]) -> set[str]:
    """Speakers who introduce themselves as reporters do, in a turn that asks."""
    return {
        turn.speaker
        for turn in turns
        if turn.speaker
        and has_question_mark(turn.text)
        and _PRESS_INTRODUCTION.search(turn.text[:_EDGE])
    }
