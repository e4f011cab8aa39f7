"""The injected symbol noise: which characters it is made of, and cutting them out.

The noise in the user's files is runs of one to four symbols (arrows, card suits, Greek
letters, currency and math signs, stars and ticks, and a few ASCII characters) pushed
into words, numbers and the gaps between them. Real transcripts use the same symbols, so
they are removed only from a document that carries the noise (``corpus.cleaning.injected``
decides); there they are all cut out, and where is remembered (a *scar*), because the
ASCII members of the same run sit right next to it.
"""

from __future__ import annotations

import re

from corpus.cleaning.edits import Mapped, delete_spans

SEEN_SYMBOLS = "£¥§©®±¶×÷Ωαβγδελπσφ•₩€₹₽™←↑→↓↔↕∏∑∞≈≠≤≥★☆♠♣♥♦✔✘"
"""Every non-ASCII symbol found in the noisy seed interview."""

NOISE_SIGNS = "$&<>'\""
"""The ASCII signs the noise also uses; they are real text too, so they need judging."""
NOISE_ASCII = " " + NOISE_SIGNS
"""The same with the space, which the noise uses as well."""

SYMBOL_CLASS = (
    re.escape(SEEN_SYMBOLS)
    + "\u0391-\u03a9\u03b1-\u03c9"  # Greek letters
    + "\u2190-\u21ff"  # arrows
    + "\u2200-\u22ff"  # mathematical operators
    + "\u2600-\u26ff"  # miscellaneous symbols (stars, suits)
    + "\u2700-\u27bf"  # dingbats (ticks, crosses)
    + "\u20a0-\u20bf"  # currency signs
    + "¢¤¦"
)
"""The inside of a regex character class matching any noise symbol."""
NOISE_SYMBOL_RUN = re.compile(f"[{SYMBOL_CLASS}]+")
"""A run of symbols that is always noise in interview prose."""


def remove_symbols(source: Mapped) -> tuple[Mapped, list[tuple[int, int]]]:
    """Cut out every noise symbol; return the text and its scars (see ``delete_spans``)."""
    return delete_spans(source, (m.span() for m in NOISE_SYMBOL_RUN.finditer(source.text)))


STRETCH = 32
"""A run of noise characters this long is no run the noise makes (those are 1 to 4
long): it is a stretch of nothing but noise, cut out without judging each character."""
NOISE_STRETCH = re.compile(f"[{SYMBOL_CLASS}{re.escape(NOISE_ASCII)}]{{{STRETCH},}}")


def drop_noise_stretches(source: Mapped) -> Mapped:
    """Cut out stretches of nothing but noise symbols and signs, keeping one space of each
    (if it had one) so that the words either side stay apart."""
    spans: list[tuple[int, int]] = []
    text = source.text
    for match in NOISE_STRETCH.finditer(text):
        start, end = match.span()
        space = text.find(" ", start, end)
        if space < 0:
            spans.append((start, end))
        else:
            spans.extend(((start, space), (space + 1, end)))
    return delete_spans(source, spans)[0] if spans else source
