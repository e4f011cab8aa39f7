"""Bytes on disk to text: the only place gloss guesses an encoding.

Interview files arrive from word processors, web pages and old archives, so they come as
UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, a legacy single-byte code
page (cp1252, latin-1), or, for Chinese originals, GB18030/GBK. This module turns those
bytes into ``str`` and nothing more: newlines, control characters and escapes are left for
``corpus.cleaning.clean``, which keeps a map of every change.
Anything that is not an interview (missing, a directory, binary, huge) is refused with one
:class:`CorpusError` line that names the file and says what to do.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from corpus.errors import CorpusError

#: Bigger than any transcript a person could annotate; protects against opening a disk image.
MAX_BYTES = 50 * 1024 * 1024

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: C0/C1 controls other than tab, newlines, form feed and ESC (which text files do hold;
#: the cleaner removes them): many of these mean binary data.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")

#: Above this share of other control characters, the "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05

_SAMPLE_CHARS = 65536

#: A valid multi-byte UTF-8 sequence, and runs of high bytes (valid or not).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")

#: Chinese characters, CJK punctuation and full-width forms.
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
#: In Chinese text, at least this share of bytes are high bytes (two per character).
_MIN_CJK_SHARE = 0.2


def read_text(path: Path) -> str:
    """Read an interview file as text (BOM stripped, nothing else changed).

    Raises CorpusError, naming the file, when it is missing, not a regular file,
    unreadable, too big or binary. An empty file is an empty interview.
    """
    return decode_bytes(read_bytes(path), str(path))


def read_bytes(path: Path) -> bytes:
    """The bytes of an interview file; CorpusError, naming the file, when it is missing,
    not a regular file, unreadable or too big."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file; check the path") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror}); check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise CorpusError(f"{path}: is a directory; give an interview text file") from None
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError(f"{path}: is not a regular file; give an interview text file")
    if info.st_size > MAX_BYTES:
        raise CorpusError(
            f"{path}: is {info.st_size / 1024 / 1024:.0f} MB, too big for an interview "
            f"(limit {MAX_BYTES // 1024 // 1024} MB); split it or check the path"
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise CorpusError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror})") from None
    return data


#: Formats people try to open instead of a text export, by their first bytes.
_DOCUMENT_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "a Rich Text (RTF) document"),
)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of file ``name``: BOM-marked Unicode, else UTF-8, else cp1252/latin-1."""
    for magic, kind in _DOCUMENT_MAGIC:
        if data.startswith(magic):
            raise CorpusError(f"{name}: is {kind}, not text; save or export it as plain text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # A BOM is strong evidence: keep the text even if a byte is damaged.
            return _refuse_binary(data[len(bom) :].decode(encoding, errors="replace"), name)
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise _binary(name)
        return _refuse_binary(data.decode(utf16, errors="replace"), name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mixed_utf8(data) or _legacy(data)
    return _refuse_binary(text, name)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray Windows-1252 bytes (a pasted Word apostrophe), if that is
    what ``data`` is: most of its high bytes form valid UTF-8 sequences. The stray bytes
    are read as cp1252; the rest stays UTF-8."""
    valid_bytes = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    high_bytes = len(data) - len(_HIGH_BYTES.sub(b"", data))
    if valid_bytes == 0 or valid_bytes < high_bytes - valid_bytes:
        return None
    return data.decode("utf-8", errors=_STRAY_BYTES)


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return "".join(_legacy(bytes([byte])) for byte in stray), error.end


_STRAY_BYTES = "gloss-stray-cp1252"
codecs.register_error(_STRAY_BYTES, _stray_bytes_as_cp1252)


def _legacy(data: bytes) -> str:
    """A legacy file: Chinese GB18030/GBK when it reads as such, else Windows-1252 (curly
    quotes, dashes), else ISO 8859-1."""
    chinese = _gb18030(data)
    if chinese is not None:
        return chinese
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
        return data.decode("latin-1")


def _gb18030(data: bytes) -> str | None:
    """``data`` as GB18030 (a superset of GBK and GB2312), if it is Chinese text.

    Western text in cp1252 often decodes as GB18030 too, into nonsense: believe it only
    when high bytes are dense (two per Chinese character) and nearly all the non-ASCII
    characters they give are Chinese characters or CJK punctuation.
    """
    high = sum(1 for byte in data[:_SAMPLE_CHARS] if byte >= 0x80)
    if high < _MIN_CJK_SHARE * min(len(data), _SAMPLE_CHARS):
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = [char for char in text[:_SAMPLE_CHARS] if ord(char) >= 0x80]
    chinese = sum(1 for char in non_ascii if _CJK.match(char))
    return text if chinese >= 0.9 * len(non_ascii) else None


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit in every other byte as in mostly-Latin UTF-16."""
    if len(data) < 2 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls >= 0.6 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.6 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _refuse_binary(text: str, name: str) -> str:
    """``text`` unchanged, unless it is mostly control characters (binary data)."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return text
    if len(_BINARY_CONTROLS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise _binary(name)
    return text


def _binary(name: str) -> CorpusError:
    return CorpusError(f"{name}: looks like a binary file, not text; give an interview text file")
