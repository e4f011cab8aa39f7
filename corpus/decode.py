"""Bytes on disk to text. PLACEHOLDER: the corpus helper replaces this with full decoding."""

from __future__ import annotations

from pathlib import Path

from corpus.errors import CorpusError


def read_text(path: Path) -> str:
    """Read an interview file as text, or raise CorpusError naming the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory; give an interview text file") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror})") from None
    return data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
