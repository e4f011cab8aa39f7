"""A disk cache of cleaned texts, so a launch does not pay for the noise model again.

The outline and sentences of each clean text are kept too (``cached_parse``): with both
cached, a launch imports neither the cleaner nor the parsers.

Cleaning a noisy interview loads a word-frequency model (most of a second); the result
depends only on the raw text and on the cleaner's code. Entries are keyed by a hash of
both, so a changed file or a new version of gloss simply misses. The cache is an
optimisation only: a missing, unreadable or damaged entry means "clean it again", and a
cache directory that cannot be written is skipped. ``GLOSS_CACHE_DIR`` moves it;
``GLOSS_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from array import array
from collections.abc import Callable
from functools import cache
from importlib import util
from pathlib import Path

from corpus.model import CleanText
from corpus.reading.parsed import Parsed, as_tuples, from_tuples

_FORMAT = 1
_OFF = "off"


def cache_dir() -> Path | None:
    """Where cleaned texts are kept, or None when the cache is turned off."""
    configured = os.environ.get("GLOSS_CACHE_DIR")
    if configured == _OFF:
        return None
    if configured:
        return Path(configured)
    from platformdirs import user_cache_path

    return user_cache_path("gloss", appauthor=False) / "clean"


@cache
def cleaner_version() -> str:
    """A hash of the corpus code and the word list: any change to either misses the cache."""
    digest = hashlib.sha256(f"format {_FORMAT}".encode())
    for name, path in _corpus_sources():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    for distribution in ("wordfreq",):
        digest.update(_installed_version(distribution).encode())
    return digest.hexdigest()[:16]


def _corpus_sources() -> list[tuple[str, Path]]:
    """Every ``.py`` file of the corpus package and its rooms, by path within it, sorted.

    All of them, not only the cleaner's: the cached outline depends on ``corpus.outline``
    and the entries' shape on ``corpus.model``. Found by walking the folder (not
    importlib.resources, slow to import).
    """
    package = Path(__file__).parent.parent
    found = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = Path(folder, name)
                found.append((path.relative_to(package).as_posix(), path))
    return sorted(found)


def _installed_version(name: str) -> str:
    """The installed version of package ``name`` ("-" if it is not installed).

    Read from the name of its ``dist-info`` folder beside the package: importing
    ``importlib.metadata`` for it would cost more than the rest of a cache hit.
    """
    spec = util.find_spec(name)
    if spec is None or spec.origin is None:
        return "-"
    prefix, suffix = f"{name}-", ".dist-info"
    with os.scandir(Path(spec.origin).parent.parent) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(suffix):
                return entry.name[len(prefix) : -len(suffix)]
    from importlib import metadata  # installed some other way: ask the slow way

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _entry_path(folder: Path, raw: str, kind: str = "") -> Path:
    key = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / f"{key}-{cleaner_version()}{kind}.marshal"


def _read_cached(path: Path, raw: str) -> CleanText | None:
    """The cached clean text at ``path`` if it is whole and belongs to ``raw``, else None."""
    try:
        data = marshal.loads(path.read_bytes())
        text, offset_bytes = data
        offsets = array("l")
        offsets.frombytes(offset_bytes)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # absent or damaged: clean again
    if not isinstance(text, str) or len(offsets) != len(text) + 1 or offsets[-1] != len(raw):
        return None
    return CleanText(text=text, raw=raw, raw_offsets=offsets)


def _write_clean(path: Path, clean: CleanText) -> None:
    offsets = array("l", clean.raw_offsets)
    _write(path, marshal.dumps((clean.text, offsets.tobytes())))


def _write(path: Path, data: bytes) -> None:
    """Write an entry atomically; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        return  # a read-only or full cache directory only costs speed next time


def cached_clean(raw: str, clean: Callable[[str], CleanText]) -> CleanText:
    """``clean(raw)``, from the cache when this exact text was cleaned by this code before."""
    folder = cache_dir()
    if folder is None:
        return clean(raw)
    path = _entry_path(folder, raw)
    found = _read_cached(path, raw)
    if found is not None:
        return found
    result = clean(raw)
    _write_clean(path, result)
    return result


def cached_parse(text: str, parse: Callable[[str], Parsed], marks: str = "") -> Parsed:
    """``parse(text)`` (outline and sentences of a clean text), from the cache when this
    exact text was parsed by this code before, with the same ``marks`` (what else the
    parse reads: the file's marked headings)."""
    folder = cache_dir()
    if folder is None:
        return parse(text)
    path = _entry_path(folder, text + marks, ".parse")
    try:
        return from_tuples(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent or damaged: parse again
    result = parse(text)
    _write(path, marshal.dumps(as_tuples(result)))
    return result
