"""The noise channel: how likely the noise is to have put each character where it is.

The other half of the noisy-channel model (the language half is ``corpus.cleaning.tokens``).
Every cost is a log10 probability ratio, noise against real text, for calling one ASCII
character noise; figures were read off the seed interview (434 runs in 13,340
characters, about one run per 31 characters, 19 of them a single character) and tuned
on synthetic noise.
"""

from __future__ import annotations

MAX_RUN = 4
"""The longest noise run seen in the seed (symbols plus ASCII)."""
OVERLONG_RUN = -4.0
"""Cost per character beyond MAX_RUN in one run."""

DROP_SPACE_AT_SCAR = -0.9
"""A space touching a scar: real spaces border runs far more often than runs hold one."""
DROP_SIGN_AT_SCAR = 0.0
"""``$ & < > '`` touching a scar: there, they are mostly the run's own."""

DROP_ALONE = -3.6
"""A sign with no symbol beside it: only a rare run of pure ASCII leaves one."""
DROP_SPACE_ALONE = -3.2
"""A lone noise space inside a word is the commonest pure-ASCII run (5 of 19 in the seed)."""
DROP_ALONE_MORE = -1.0
"""Each further character of a pure-ASCII run, once it has started."""


def drop_alone(char: str, continues_run: bool) -> float:
    """Cost of calling ``char`` noise where no symbol touches it."""
    if continues_run:
        return DROP_ALONE_MORE
    return DROP_SPACE_ALONE if char == " " else DROP_ALONE
