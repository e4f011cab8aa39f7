"""Who asks, as the user names them (``--interviewer NAME``): names matched to speakers.

A user opening several interviews names each one's interviewer once for the whole run
(``gloss --interviewer Kwan --interviewer Lee a.txt b.txt``), so a name applies to the
interviews where it names a speaker and is no error where it names none; a name no
interview's speaker answers to is a mistake, told with every file's speakers. Matching a
name to labels is :mod:`corpus.outline.named`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from corpus.errors import AmbiguousName, CorpusError
from corpus.model import Interview


def askers_named(interviews: Sequence[Interview], names: Collection[str]) -> list[tuple[str, ...]]:
    """The speakers of each interview that ``names`` name (empty: none of them names one).

    CorpusError naming the files and their speakers for a name that names a speaker in
    none of them; AmbiguousName for a name that may be any of several speakers of one.
    """
    from corpus.outline.named import ambiguous, speakers_named

    chosen: list[list[str]] = [[] for _ in interviews]
    for name in names:
        anywhere = False
        for interview, speakers in zip(interviews, chosen, strict=True):
            named = speakers_named(interview.outline.speakers, name)
            if ambiguous(named):
                raise AmbiguousName(
                    f"{interview.path}: {name!r} may be any of {len(named)} speakers "
                    f"({', '.join(named)}); give --interviewer one of them in full"
                )
            speakers += [speaker for speaker in named if speaker not in speakers]
            anywhere = anywhere or bool(named)
        if not anywhere:
            raise CorpusError(_nobody_called(interviews, name))
    return [tuple(speakers) for speakers in chosen]


def with_askers(interview: Interview, askers: Collection[str]) -> Interview:
    """``interview`` outlined again with the named speakers as the ones who ask.

    A name names the speaker labelled so, case and punctuation aside, else the one speaker
    it names in part (``Psaki`` names ``MS. PSAKI``). CorpusError names the speakers when
    a name names none of them, AmbiguousName the candidates when it may be several.
    """
    [chosen] = askers_named([interview], askers)
    return _asking(interview, chosen)


def with_askers_where_named(
    interviews: Sequence[Interview], names: Collection[str]
) -> list[Interview]:
    """Each interview outlined again with the speakers ``names`` name in it; one that none
    of them names is left as its text decides. Errors as :func:`askers_named`."""
    return [
        _asking(interview, chosen) if chosen else interview
        for interview, chosen in zip(interviews, askers_named(interviews, names), strict=True)
    ]


def _asking(interview: Interview, speakers: Sequence[str]) -> Interview:
    from corpus.outline.structure import build_outline

    return replace(
        interview,
        outline=build_outline(interview.text, list(speakers), marked=interview.headings),
    )


def _nobody_called(interviews: Sequence[Interview], name: str) -> str:
    """One line: the name, each file and its speakers, and what to do."""

    def known(interview: Interview) -> str:
        return ", ".join(interview.outline.speakers) or "none found"

    if len(interviews) == 1:
        [interview] = interviews
        where = (
            f"{interview.path}: no speaker is called {name!r} (its speakers: {known(interview)})"
        )
    else:
        files = "; ".join(f"{interview.path}: {known(interview)}" for interview in interviews)
        where = f"no speaker of any of {len(interviews)} files is called {name!r} ({files})"
    return f"{where}; give --interviewer one of them"
