"""Sessions of one interview in one file: the heading block restated at each session.

An oral history recorded over several sessions is often published a page per session,
each page opening with the same heading block (the project, "Edited Oral History
Transcript", the interviewee's name, who interviewed, place and date) and no ``Key:``
fields (those are :mod:`corpus.outline.metadata`'s). Joined in one file, a later block
stands between two speakers' turns and would be read as the end of an answer. The document
tells it apart: a run of short title-like lines with no speaker's label, two or more of
them the same, word for word, as lines of the block above the first turn. Such a block is
no one's talk and no heading; the first turn after it opens a session.
"""

from __future__ import annotations

from collections.abc import Container

from corpus.outline.frontmatter import headline_like

#: A restated block repeats at least this many lines of the block at the top.
_MIN_REPEATED = 2


def restated_blocks(
    text: str, paragraphs: list[tuple[int, int]], labelled: Container[int]
) -> tuple[tuple[int, int], ...]:
    """Where the heading block above the first labelled paragraph comes again, as
    ``(start, end)`` spans; ``labelled`` holds the starts of paragraphs a label opens."""
    first = next((i for i, (start, _) in enumerate(paragraphs) if start in labelled), None)
    if first is None:
        return ()
    top = {_key(text, span) for span in paragraphs[:first] if _title_like(text, span)}
    if len(top) < _MIN_REPEATED:
        return ()
    longest = max(end - start for start, end in paragraphs[:first])
    blocks: list[tuple[int, int]] = []
    index = first
    while index < len(paragraphs):
        start, end = paragraphs[index]
        if end - start > longest or start in labelled or _key(text, (start, end)) not in top:
            index += 1
            continue
        last = index
        while (
            last + 1 < len(paragraphs)
            and paragraphs[last + 1][0] not in labelled
            and _title_like(text, paragraphs[last + 1])
        ):
            last += 1
        block = paragraphs[index : last + 1]
        if sum(_key(text, span) in top for span in block) >= _MIN_REPEATED:
            blocks.append((block[0][0], block[-1][1]))
        index = last + 1
    return tuple(blocks)


def _title_like(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0] : span[1]]
    return "\n" not in line and headline_like(line.strip())


def _key(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].split()).casefold()
