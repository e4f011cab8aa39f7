"""Keys remapped from the user's ``config.toml``: the file, the errors, and the keys acting."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import textual.keys

from corpus import load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, ROOT, wait_until
from tui.app import make_app
from tui.config import (
    KEY_NAME_REPLACEMENTS,
    ConfigError,
    Settings,
    check_clashes,
    config_path,
    is_key_list,
    key_name,
    load_settings,
)
from tui.keys import binding_groups, binding_ids
from tui.screens.help import HelpScreen

IDS = frozenset({"main.help", "main.tag", "reader.next_sentence"})


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_is_no_keymap(tmp_path: Path) -> None:
    assert load_settings(IDS, tmp_path / "absent.toml") == Settings()


def test_keymap_by_binding_id(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\n"main.help" = "f1"\n"reader.next_sentence" = "j, ctrl+n"\n')
    settings = load_settings(IDS, path)
    assert dict(settings.keymap) == {"main.help": "f1", "reader.next_sentence": "j,ctrl+n"}
    assert settings.path == path


def test_others_says_what_a_and_d_do_on_another_coders_annotation(tmp_path: Path) -> None:
    assert load_settings(IDS, write(tmp_path, "")).others == "ask"
    assert load_settings(IDS, write(tmp_path, 'others = "refuse"')).others == "refuse"
    both = load_settings(IDS, write(tmp_path, 'others = "ask"\n[keymap]\n"main.tag" = "x"'))
    assert (both.others, dict(both.keymap)) == ("ask", {"main.tag": "x"})


def test_config_dir_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSS_CONFIG_DIR", str(tmp_path / "conf"))
    assert config_path() == tmp_path / "conf" / "config.toml"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[keymap\n"main.help" = "f1"', "not valid TOML"),
        (
            '[keymap]\n"main.hlep" = "f1"',
            "'main.hlep': no such binding id; did you mean 'main.help'?",
        ),
        ('[keymap]\n"main.help" = 5', "'main.help': 5 is not a key"),
        ('[keymap]\n"main.help" = "ctlr+h"', "'main.help': 'ctlr+h' is not a key"),
        ('[keymap]\n"main.help" = "j,,k"', "'main.help': 'j,,k' is not a key"),
        ('[keymap]\n"main.help" = "page down"', "'main.help': 'page down' is not a key"),
        ('keymap = "f1"', "'keymap' must be a table"),
        ("[colours]\nx = 1", "unknown setting 'colours'"),
        ('others = "maybe"', 'others = \'maybe\': write others = "ask" or others = "refuse"'),
        ("others = 1", 'others = 1: write others = "ask"'),
    ],
)
def test_a_bad_file_names_the_file_and_the_key(tmp_path: Path, text: str, named: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_settings(IDS, path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and named in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "keys", ["a", "?", "G", "ctrl+t", "ctrl+shift+up", "f12", "question_mark", "pagedown", "j,down"]
)
def test_keys_textual_understands(keys: str) -> None:
    assert is_key_list(keys)


def test_every_binding_of_gloss_has_an_id_a_keymap_can_name() -> None:
    ids = binding_ids()
    assert {"main.help", "reader.next_sentence", "tags.mark", "list.filter"} <= ids


def test_a_bad_file_stops_the_reader_before_the_screen(tmp_path: Path) -> None:
    config = tmp_path / "conf"
    config.mkdir()
    write(config, '[keymap]\n"main.tagg" = "x"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GLOSS_CONFIG_DIR": str(config)}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "db.json")],
        env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"gloss: {config / 'config.toml'}: [keymap] 'main.tagg': no such binding id; "
        "did you mean 'main.tag'?"
    ]
    assert not (tmp_path / "db.json").exists()


KEYMAP = {"main.help": "f1", "list.filter": "F", "main.tag": "ctrl+t"}


async def test_a_remapped_key_acts_and_the_old_one_does_not(tmp_path: Path) -> None:
    with AnnotationStore.open(tmp_path / "db.json") as store:
        app = make_app([load_interview(CLEAN_SEED)], store, author="tester", keymap=KEYMAP)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            # The footer offers the new key for Help, not the old one.
            footer_keys = {key: b.binding.action for key, b in app.screen.active_bindings.items()}
            assert footer_keys.get("f1") == "help" and "question_mark" not in footer_keys
            await pilot.press("question_mark")
            await wait_until(
                pilot,
                lambda: not isinstance(app.screen, HelpScreen),
                what="not isinstance(app.screen, HelpScreen)",
            )
            await pilot.press("f1")
            await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
            assert isinstance(app.screen, HelpScreen)
            rows = {(e.keys, e.description) for e in app.screen.entries}
            assert ("f1", "Help") in rows and ("?", "Help") not in rows
            # The rows written by hand follow the keymap too.
            assert ("F", "Filter the annotation list by tag") in rows
            keys = {k for k, _ in rows}
            assert "^t on a tagged passage" in keys and "a / d / ^t" in keys


def test_the_readme_lists_every_binding_id() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Your own keys") :]
    section = section[: section.index("\n## ")]
    listed, group = set(), ""
    prose = re.sub(r"```.*?```", "", section, flags=re.DOTALL)
    for token in re.findall(r"`([^`]+)`", prose):  # `main.`: `tag`, ... or `search.close`
        if token.endswith("."):
            group = token
        else:
            listed.add(token if "." in token else group + token)
    quick = {f"main.quick_tag_{n}" for n in range(2, 9)}  # written `quick_tag_1` … `quick_tag_9`
    assert binding_ids() - quick - listed == set()


def test_the_bindings_are_listed_only_when_there_is_a_keymap(tmp_path: Path) -> None:
    asked: list[int] = []

    def ids() -> frozenset[str]:
        asked.append(1)
        return IDS

    assert load_settings(ids, write(tmp_path, "")).keymap == {}
    assert asked == []
    assert dict(load_settings(ids, write(tmp_path, '[keymap]\n"main.tag" = "x"')).keymap) == {
        "main.tag": "x"
    }
    assert asked == [1]


@pytest.mark.parametrize(
    ("keymap", "said"),
    [
        ({"main.tag": "a"}, "'main.tag': 'a' is also the key of 'main.note'"),
        ({"reader.select": "/"}, "'reader.select': '/' is also the key of 'main.search'"),
        ({"note.save": "escape"}, "'note.save': 'escape' is also the key of 'note.cancel'"),
    ],
)
def test_a_key_another_action_on_the_screen_keeps_is_refused(
    tmp_path: Path, keymap: dict[str, str], said: str
) -> None:
    settings = Settings(keymap=keymap, path=tmp_path / "config.toml")
    with pytest.raises(ConfigError) as raised:
        check_clashes(settings, binding_groups())
    assert str(raised.value).startswith(f"{settings.path}: [keymap] {said} on the same screen")


def test_swapped_keys_and_keys_of_other_screens_are_fine(tmp_path: Path) -> None:
    swapped = {"main.tag": "a", "main.note": "t", "tags.mark": "a", "compare.copy": "t"}
    check_clashes(Settings(keymap=swapped, path=tmp_path / "config.toml"), binding_groups())


def test_gloss_own_keys_never_clash() -> None:
    for group in binding_groups():
        names = [key_name(k.strip()) for keys in group.values() for k in keys.split(",")]
        assert len(names) == len(set(names)), group


def test_key_names_follow_textual() -> None:
    assert KEY_NAME_REPLACEMENTS == textual.keys.KEY_NAME_REPLACEMENTS
    assert [key_name(k) for k in ("/", "?", "ctrl+@", "G")] == [
        "slash", "question_mark", "ctrl+at", "G",
    ]  # fmt: skip
