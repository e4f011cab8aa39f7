"""Where an ordinal marks no item whatever its shape: inside a quotation or a question.

A speaker who quotes someone (``He told us, "First, we cut taxes."``) lists nothing of
their own, and an ordinal in a question (``Was that the first time? And the second?``)
asks about an item rather than naming one. A question that is an item's own sentence
with the ordinal as its subject (``The second issue is, could regulation interfere?``)
still marks it: only markers of the other shapes are dropped in questions.
"""

from __future__ import annotations

from corpus.outline.measures.markers import Marker, Sentences

_OPENING = "“‘"
_CLOSING = "”’"


def quoted(region: str, offset: int) -> bool:
    """Whether ``offset`` stands inside a quotation opened earlier in its paragraph."""
    start = region.rfind("\n", 0, offset) + 1
    before = region[start:offset]
    if before.count('"') % 2:
        return True
    return before.count("“") > before.count("”")


def asks(region: str, sentences: Sentences, marker: Marker) -> bool:
    """Whether the sentence holding ``marker`` ends in a question mark."""
    end = sentences.end_of(marker.marker_start)
    sentence = region[sentences.start_of(marker.marker_start) : end].rstrip(' \t\n"”’)')
    return sentence.endswith(("?", "？"))
