"""Tag paths (``policy/tax-relief``): checking what a user typed, and moving subtrees.

A tag is a slash-separated path so that a codebook can be a tree; renaming ``policy``
renames ``policy/tax-relief`` with it, which is what a user of a tree expects.
"""

from __future__ import annotations

import re

from corpus import has_unsafe
from store.errors import StoreError

SEPARATOR = "/"
MAX_LENGTH = 200
# Beyond what is unsafe anywhere, a tag is one line of valid text: no tab, newline or line
# separator, no lone surrogate (bytes that were not UTF-8).
_NOT_ONE_LINE = re.compile("[\t\n\u2028\u2029\ud800-\udfff]")
_COLOUR_NAME = re.compile(r"[a-z][a-z0-9_]{0,30}")


def normalise_tag(raw: str) -> str:
    """The canonical form of a tag path; StoreError naming the problem if it is not one.

    Whitespace around the path and around each segment is trimmed; empty segments,
    control characters and over-long paths are refused.
    """
    if has_unsafe(raw) or _NOT_ONE_LINE.search(raw):
        raise StoreError(
            f"tag {raw!r}: contains a control character or broken text; type it without one"
        )
    segments = [segment.strip() for segment in raw.strip().split(SEPARATOR)]
    if not raw.strip():
        raise StoreError("tag '': a tag cannot be empty; give it a name like 'policy/tax'")
    if any(not segment for segment in segments):
        raise StoreError(f"tag {raw!r}: has an empty segment; write paths like 'policy/tax-relief'")
    path = SEPARATOR.join(" ".join(segment.split()) for segment in segments)
    if len(path) > MAX_LENGTH:
        raise StoreError(f"tag {path[:40]!r}...: longer than {MAX_LENGTH} characters; shorten it")
    return path


def normalise_tags(raw: object) -> tuple[str, ...]:
    """Canonical, de-duplicated, sorted tag paths."""
    if isinstance(raw, str):
        raise StoreError(f"tags {raw!r}: pass a list of tags, not one string")
    assert isinstance(raw, (list, tuple))
    return tuple(sorted({normalise_tag(str(tag)) for tag in raw}))


def check_text(value: str, what: str) -> str:
    """``value`` if it can be stored (valid Unicode); StoreError naming ``what`` otherwise.

    Lone surrogates arrive from command-line arguments that were not UTF-8 (Python keeps
    the bytes as surrogates) or from a broken paste; they cannot be written as UTF-8.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise StoreError(
            f"{what}: contains bytes that are not valid text (a terminal not set to UTF-8?); "
            "retype it"
        ) from None
    return value


def is_within(tag: str, root: str) -> bool:
    """True if ``tag`` is ``root`` or below it in the tree."""
    return tag == root or tag.startswith(root + SEPARATOR)


def moved(tag: str, old: str, new: str) -> str:
    """``tag`` with its ``old`` root replaced by ``new`` (unchanged if not under ``old``)."""
    return new + tag[len(old) :] if is_within(tag, old) else tag


def check_colour(colour: str) -> str:
    """A colour the reader can draw: ``#rrggbb`` (``#rgb`` is widened to it) or a colour
    name Rich knows (``red``, ``dark_green``, ``grey50``; "Dark Green" is written
    ``dark_green``); StoreError otherwise, saying what is accepted."""
    from rich.color import Color, ColorParseError  # only when a colour is set

    value = colour.strip()
    short = re.fullmatch(r"#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])", value)
    if short is not None:
        return "#" + "".join(digit * 2 for digit in short.groups())
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value
    name = "_".join(value.lower().split())
    if _COLOUR_NAME.fullmatch(name):
        try:
            Color.parse(name)
        except ColorParseError:
            pass
        else:
            return name
    raise StoreError(
        f"colour {colour!r}: not a colour; use '#rrggbb' or a colour name such as 'red', "
        "'dark_green' or 'grey50'"
    )
