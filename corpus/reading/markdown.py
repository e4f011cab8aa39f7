"""Markdown files (.md) as the text of an interview: the words without the markup.

Podcast sites and wikis publish transcripts as Markdown: ``**Jerod Santo:**`` for a
speaker, ``\\[07:53\\]`` for a time, ``&#39;`` for an apostrophe, ``# Heading`` for a part.
Shown as they are, the markers clutter the reader and hide the ``Name:`` labels from the
outline. Here each line is converted on its own, by a few bounded regular expressions
(nothing is rendered, executed or fetched): emphasis markers (``**``, ``__``, ``*``,
``_``) around text are dropped (also where they span a paragraph's lines: a hard-wrapped
bold question), backslash escapes give their character, HTML entities are resolved, an
ATX (``# Title``) or setext (``Title`` over ``===``) heading becomes its text on a line
of its own, links keep their text, inline code loses its backticks, HTML tags are dropped
with their text kept, link reference definitions (``[name]: https://...``, which a reader
never sees) are dropped, fence lines of code blocks and thematic breaks (``---``) become
blank lines. List markers and anything not named here stay as text.
The lines that were headings, and their levels, are kept beside the text
(``Document.headings``): their marks are gone, and the outline needs to know them.

Static-site posts open with front matter, YAML between ``---`` lines or TOML between
``+++`` lines (``layout: post``, ``title: "Jane Doe"``): metadata, not talk, so it is
left out of the text, all but its title, which becomes the document's first line.

Times such as ``[07:53]`` that the writer put at a paragraph's start inside a turn stay in
the text, unescaped: they are what the transcript's reader sees in the published page.
A time beside a speaker's name (``**Jane Doe:** \\[07:53\\]``, ``**Jane Doe** [07:53]``)
heads a turn as a tool's does, and goes to the time map (:mod:`corpus.reading.stamps`).

Like a Word or subtitle file, this *extracted* text is what gloss cleans, outlines and
shows as the raw text (``r``); annotations index its clean text.
"""

from __future__ import annotations

import html
import re

from corpus.reading.formats import Document

#: Emphasis spans longer than 2000 characters are not looked for, and an emphasis span
#: holds no marker of its own kind: both bound the work on a hostile line of unmatched
#: markers (nested emphasis is undone from the inside out, one pass a level).
#: Emphasis nests (``**bold *italic* bold**``): this many passes undo any real nesting.
_EMPHASIS_PASSES = 3

_ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
#: Each escaped character (and each mark in inline code) stands in for itself while the
#: markup around it is read: a private-use character per ASCII punctuation mark, put back
#: at the end. A text that holds those characters already is read without this guard.
_SENTINEL_BASE = 0xE000
_SENTINELS = re.compile(f"[{chr(_SENTINEL_BASE)}-{chr(_SENTINEL_BASE + 0x7F)}]")
_ESCAPABLE_ORDER = "\\" + _ESCAPABLE.replace("\\", "")
_RESTORE = {_SENTINEL_BASE + ord(c): c for c in _ESCAPABLE}
_PROTECT = {ord(c): _SENTINEL_BASE + ord(c) for c in _ESCAPABLE}

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_QUOTE = re.compile(r" {0,3}(?:>[ \t]?)+")
_CODE = re.compile(r"(?<!`)(`{1,3})(?!`)(?P<code>[^`\n]{1,2000})\1(?!`)")
_IMAGE_OR_LINK = re.compile(
    r"!?\[(?P<text>[^\[\]\n]{0,1000})\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])"
)
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]{0,2000})?/?>")
#: Emphasis may run over a line break inside a paragraph (a hard-wrapped bold question),
#: never over a blank line.
_STARS = re.compile(
    r"(?<![*\\])(\*{1,3})(?=[^\s*])(?P<text>(?:[^*\n]|\n(?![ \t]*\n)){0,2000}?[^\s*\\])\1(?!\*)"
)
_UNDERSCORES = re.compile(
    r"(?<![\w\\])(_{1,3})(?=[^\s_])(?P<text>(?:[^_\n]|\n(?![ \t]*\n)){0,2000}?[^\s_\\])\1(?![\w])"
)
#: A link reference definition: ``[macbook]: https://... "A laptop."``.
_LINK_DEFINITION = re.compile(
    r" {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*<?\S{1,2000}?>?"
    r"(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?[ \t]*"
)
#: A backslash ending a line: a hard line break.
_HARD_BREAK = re.compile(r"(?<!\\)\\$", re.M)
#: First characters of a line that can make it block markup (heading, break, quote, setext).
_BLOCK_STARTS = frozenset("#=-*_>")
#: Front matter: ``key: value`` (YAML) or ``key = value`` (TOML), looked for this far down.
_FRONT_KEY = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*(?::|=)[ \t]*(?P<value>.*)")
_FRONT_MATTER_LINES = 200
#: Characters that can start any markup: a line without one is copied as it is.
_MARKUP = re.compile(r"[*_`\\&<\[]")


def read_markdown(text: str) -> Document:
    """The plain text of a Markdown document (already decoded), markup removed."""
    lines = text.split("\n")
    out: list[str] = []
    literal: list[bool] = []  # the line is inside a code block: copied as it is
    title, skipped = _front_matter(lines)
    if skipped:
        out += [title, ""] if title else []
        literal += [False, False] if title else []
        lines = lines[skipped:]
    fence: str | None = None
    marked: dict[int, int] = {}  # output line -> its heading's level
    for index, raw_line in enumerate(lines):
        line = raw_line.rstrip("\r")
        if fence is not None:
            closed = line.lstrip(" ").startswith(fence)
            fence = None if closed else fence
            out.append("" if closed else line)
            literal.append(not closed)
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            out.append("")
            literal.append(False)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        level, at = _heading_level(line, out)
        if level:
            marked[at] = level
        for piece in _block_line(line, out, following):
            out.append(piece)
            literal.append(False)
    text = _inline_runs(out, literal)
    return Document(text, headings=_heading_offsets(text, marked))


def _heading_level(line: str, done: list[str]) -> tuple[int, int]:
    """The level of the heading ``line`` makes (0 if none), and at which output line its
    words stand: an ATX heading's own (after a blank line put before it), or, for a
    setext underline, the line above it."""
    first = line.lstrip(" ")[:1]
    if first in "=-" and _SETEXT.fullmatch(line) and done and done[-1].strip():
        return (1 if first == "=" else 2), len(done) - 1
    heading = _ATX.fullmatch(line) if first == "#" else None
    if heading is None or not (heading.group("text") or "").strip():
        return 0, 0
    level = len(line.lstrip(" ")) - len(line.lstrip(" ").lstrip("#"))
    return level, len(done) + (1 if done and done[-1].strip() else 0)


def _heading_offsets(text: str, marked: dict[int, int]) -> tuple[tuple[int, int], ...]:
    """``(offset, level)`` of the first character of each marked line of ``text`` (the
    inline pass keeps the lines: no pattern crosses a line end)."""
    if not marked:
        return ()
    found: list[tuple[int, int]] = []
    start = 0
    for number, line in enumerate(text.split("\n")):
        if number in marked and line.strip():
            found.append((start + len(line) - len(line.lstrip()), marked[number]))
        start += len(line) + 1
    return tuple(found)


def _front_matter(lines: list[str]) -> tuple[str, int]:
    """The title given in leading front matter (``---`` YAML or ``+++`` TOML) and how many
    lines the front matter takes; ``("", 0)`` without front matter."""
    fence = lines[0].rstrip("\r ") if lines else ""
    if fence not in ("---", "+++"):
        return "", 0
    closers = ("---", "...") if fence == "---" else ("+++",)
    for index in range(1, min(len(lines), _FRONT_MATTER_LINES)):
        if lines[index].rstrip("\r ") in closers:
            keys = [_FRONT_KEY.fullmatch(line.rstrip("\r")) for line in lines[1:index]]
            if not any(keys):
                return "", 0  # a thematic break over prose, not front matter
            titles = [k.group("value") for k in keys if k and k.group("key") == "title"]
            return (_unquoted(titles[0]) if titles else ""), index + 1
    return "", 0


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.replace('\\"', '"').strip()


def _inline_runs(lines: list[str], literal: list[bool]) -> str:
    """The lines joined, inline markup resolved in each run of lines outside code blocks
    (one pass over a run rather than one a line: every inline pattern stops at a line end)."""
    chunks: list[str] = []
    run: list[str] = []
    for line, is_literal in zip(lines, literal, strict=True):
        if is_literal:
            if run:
                chunks.append(inline("\n".join(run)))
                run = []
            chunks.append(line)
        else:
            run.append(line)
    if run:
        chunks.append(inline("\n".join(run)))
    return "\n".join(chunks)


def _block_line(line: str, done: list[str], following: str) -> list[str]:
    """The output lines for one input line (outside a code block)."""
    first = line.lstrip(" ")[:1]
    if first == "[" and _LINK_DEFINITION.fullmatch(line):
        return [""]  # "[name]: https://... "Title"": where a link goes, never shown
    if first not in _BLOCK_STARTS:
        return [line]
    if _SETEXT.fullmatch(line) and done and done[-1].strip():
        # The line above is a heading: keep it, and a blank line in place of the underline.
        return [""]
    if _BREAK.fullmatch(line):
        return [""]
    heading = _ATX.fullmatch(line)
    if heading:
        words = heading.group("text") or ""
        before = [""] if done and done[-1].strip() else []
        after = [""] if following.strip() else []
        return [*before, words, *after]
    quoted = _QUOTE.match(line)
    return [line[quoted.end() :]] if quoted else [line]


def inline(text: str) -> str:
    """Inline markup resolved: escapes, code, links, tags, emphasis, entities (line by line:
    no pattern crosses a line end but emphasis, which may span a paragraph's lines, and
    no line end is ever removed)."""
    if not _MARKUP.search(text):
        return text
    text = _HARD_BREAK.sub("", text)
    protect = not _SENTINELS.search(text)
    if "\\" in text:
        text = _unescaped(text, protect)
    if "`" in text:
        text = _CODE.sub(_code_protected if protect else _code, text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\g<url>", text)
    if "[" in text:
        text = _IMAGE_OR_LINK.sub(r"\g<text>", text)
    if "<" in text:
        text = _TAG.sub("", _without_comments(text))
    for _ in range(_EMPHASIS_PASSES):
        changed = text
        if "*" in changed:
            changed = _STARS.sub(r"\g<text>", changed)
        if "_" in changed:
            changed = _UNDERSCORES.sub(r"\g<text>", changed)
        if changed == text:
            break
        text = changed
    if "&" in text:
        text = html.unescape(text)
    return text.translate(_RESTORE) if protect else text


def _code(match: re.Match[str]) -> str:
    """An inline code span's text, without its backticks."""
    code = match.group("code")
    return code.strip(" ") or code


def _code_protected(match: re.Match[str]) -> str:
    """An inline code span's text, its punctuation kept from being read as markup."""
    return _code(match).translate(_PROTECT)


def _unescaped(text: str, protect: bool) -> str:
    """Backslash escapes resolved, to sentinels when ``protect`` (left to right, a
    backslash escaping a backslash first, as a Markdown reader does)."""
    for mark in _ESCAPABLE_ORDER:
        escape = "\\" + mark
        if escape in text:
            text = text.replace(escape, chr(_SENTINEL_BASE + ord(mark)) if protect else mark)
    return text


def _without_comments(text: str) -> str:
    """HTML comments (``<!-- ... -->``, within a line) cut out, in one pass: when a line
    holds no ``-->`` after an opening, no later opening on it closes either."""
    parts: list[str] = []
    position = 0
    search = 0
    while (start := text.find("<!--", search)) >= 0:
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        end = text.find("-->", start + 4, line_end)
        if end < 0:
            search = line_end
            continue
        parts.append(text[position:start])
        position = search = end + 3
    parts.append(text[position:])
    return "".join(parts)
