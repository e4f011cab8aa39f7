"""The user's settings file: ``config.toml`` in the user config directory, read before the app.

It holds ``others`` (what ``a`` and ``d`` do on another coder's annotation: ``"ask"``,
the default, or ``"refuse"``) and one table, ``[keymap]``: binding id = keys, as posting
does, e.g.

    others = "refuse"

    [keymap]
    "main.tag" = "ctrl+t"
    "reader.next_sentence" = "j,down,ctrl+n"

A file that is not valid TOML, an unknown table or binding id, or a value that is not a
key string is refused with one line naming the file and the key (``ConfigError``), so the
CLI stops before the screen starts. Pure Python: no Textual, so it is tested as plain data.
The directory is ``$GLOSS_CONFIG_DIR`` when set, else the platform's user config directory
(``~/.config/gloss`` on Linux), resolved when called, never at import time.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

CONFIG_DIR_ENV = "GLOSS_CONFIG_DIR"
CONFIG_FILENAME = "config.toml"

MODIFIERS = ("ctrl", "alt", "shift", "super", "meta", "hyper")
NAMED_KEYS = frozenset(
    {
        "escape", "enter", "return", "tab", "space", "backspace", "delete", "insert",
        "home", "end", "pageup", "pagedown", "up", "down", "left", "right",
        *(f"f{n}" for n in range(1, 25)),
    }
)  # fmt: skip
KEY_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
"""Textual's short names for some characters (a copy of ``textual.keys.KEY_NAME_REPLACEMENTS``,
checked equal by a test: this module does not import Textual)."""
_WORD = re.compile(r"[a-z][a-z0-9_]*")
OTHERS = ("ask", "refuse")
"""What ``a`` and ``d`` may do on another coder's annotation: ask first, or refuse."""


class ConfigError(Exception):
    """The settings file cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user's settings file asks for (empty when there is no file)."""

    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Binding id to keys (``"ctrl+t"``, or several: ``"j,down"``), for ``App.set_keymap``."""
    path: Path | None = None
    """The file read, if there was one."""
    others: str = "ask"
    """``a`` and ``d`` on another coder's annotation: ``"ask"`` first or ``"refuse"``."""


def config_dir() -> Path:
    """``$GLOSS_CONFIG_DIR``, else the user config directory of gloss."""
    chosen = os.environ.get(CONFIG_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_config_path  # a few ms of imports, only when needed

    return user_config_path("gloss", appauthor=False)


def config_path() -> Path:
    return config_dir() / CONFIG_FILENAME


def load_settings(
    known_ids: Collection[str] | Callable[[], Collection[str]], path: Path | None = None
) -> Settings:
    """The settings in ``path`` (default :func:`config_path`); ``known_ids`` are the bindings.

    ``known_ids`` may be a function, called only when there is a keymap to check (listing
    every binding loads every dialog, which a start without a keymap need not pay for).
    """
    path = path if path is not None else config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return Settings()
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix or remove it") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror}); check it") from None
    for name in data:
        if name not in ("keymap", "others"):
            raise ConfigError(
                f"{path}: unknown setting {name!r}; the settings are 'others' and [keymap]"
            )
    others = data.get("others", "ask")
    if others not in OTHERS:
        raise ConfigError(f'{path}: others = {others!r}: write others = "ask" or others = "refuse"')
    table = data.get("keymap", {})
    if callable(known_ids):
        known_ids = known_ids() if table else ()
    keymap = MappingProxyType(_keymap(path, table, known_ids))
    return Settings(keymap=keymap, path=path, others=others)


def _keymap(path: Path, table: object, known_ids: Collection[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'keymap' must be a table ([keymap]), binding id = keys")
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        where = f"{path}: [keymap] {binding_id!r}"
        if binding_id not in known_ids:
            close = difflib.get_close_matches(binding_id, list(known_ids), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "see the README for the ids"
            raise ConfigError(f"{where}: no such binding id; {hint}")
        if not isinstance(keys, str) or not is_key_list(keys):
            raise ConfigError(
                f"{where}: {keys!r} is not a key; write keys as Textual names them, "
                'e.g. "ctrl+t", "f2", "?" or several as "j,down"'
            )
        keymap[binding_id] = ",".join(part.strip() for part in keys.split(","))
    return keymap


def is_key_list(keys: str) -> bool:
    """Whether ``keys`` is one key or several separated by commas, each as Textual names them.

    A key is modifiers joined by ``+`` (``ctrl+shift+``), then a single character, a named
    key (``pagedown``, ``f5``) or a character's name (``question_mark``).
    """
    parts = [part.strip() for part in keys.split(",")]
    return bool(parts) and all(_is_key(part) for part in parts)


def _is_key(key: str) -> bool:
    *modifiers, last = key.split("+") if len(key) > 1 else [key]
    if any(m not in MODIFIERS for m in modifiers):
        return False
    if len(last) == 1:
        return last.isprintable() and not last.isspace()
    if last in NAMED_KEYS or last in KEY_NAME_REPLACEMENTS.values():
        return True
    if not _WORD.fullmatch(last):
        return False
    try:
        unicodedata.lookup(last.replace("_", " "))
    except KeyError:
        return False
    return True


def check_clashes(settings: Settings, groups: Iterable[Mapping[str, str]]) -> None:
    """Refuse a keymap that gives one key to two bindings active together.

    ``groups`` are the bindings active together (id to their own keys). Textual would keep
    only one of the two, so one action would silently lose its key.
    """
    for group in groups:
        owners: dict[str, str] = {}
        for binding_id, default in group.items():
            for key in settings.keymap.get(binding_id, default).split(","):
                name = key_name(key.strip())
                other = owners.setdefault(name, binding_id)
                if other == binding_id:
                    continue
                mine, theirs = (
                    (binding_id, other) if binding_id in settings.keymap else (other, binding_id)
                )
                if mine not in settings.keymap:
                    continue  # gloss's own keys: not the user's doing
                written = settings.keymap[mine].split(",")
                shown = next(k for k in written if key_name(k.strip()) == name).strip()
                raise ConfigError(
                    f"{settings.path}: [keymap] {mine!r}: {shown!r} is also the key of "
                    f"{theirs!r} on the same screen; give one of them another key"
                )


def key_name(key: str) -> str:
    """``key`` as Textual names it (``?`` is ``question_mark``), to compare keys."""
    *modifiers, last = key.split("+") if len(key) > 1 else [key]
    if len(last) == 1 and not last.isalnum():
        with contextlib.suppress(ValueError):  # a character without a name keeps itself
            last = unicodedata.name(last).lower().replace("-", "_").replace(" ", "_")
            last = KEY_NAME_REPLACEMENTS.get(last, last)
    return "+".join([*modifiers, last])
