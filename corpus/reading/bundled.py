"""The interviews shipped with gloss, and turning a user's word into an interview path."""

from __future__ import annotations

from pathlib import Path

from corpus.errors import CorpusError


def bundled_paths() -> list[Path]:
    """The bundled interviews, in name order."""
    # In the corpus package, found from this module's path (not importlib.resources, whose
    # import costs a launch several milliseconds): the interviews are returned as file
    # paths, so gloss runs unzipped.
    folder = Path(__file__).parent.parent / "bundled"
    return sorted(entry for entry in folder.iterdir() if entry.name.endswith(".txt"))


def resolve_interview(name: str) -> Path:
    """A path for ``name``: a bundled interview id (or unique prefix of one), else a file path."""
    path = Path(name)
    if path.exists():
        return path
    matches = [p for p in bundled_paths() if p.stem == name or p.stem.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        ids = ", ".join(p.stem for p in matches)
        raise CorpusError(f"{name}: matches several bundled interviews ({ids}); be more precise")
    raise CorpusError(f"{name}: no such file or bundled interview; check the path")
