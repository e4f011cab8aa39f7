"""``gloss export --format qdpx``: a REFI-QDA 1.0 project that the standard's schema
accepts, whose positions index the texts it carries, and that gloss reads back whole.

The schema check here uses the standard's file beside the clone, not the copy gloss
ships, so a change to the shipped copy cannot make the exporter's own check pass alone.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from corpus import load_interview
from store import AnnotationStore
from store.refi.schema import SCHEMA
from tests.conftest import CLEAN_SEED, ROOT
from tui.cli import main

xmlschema = pytest.importorskip("xmlschema")
STANDARD = ROOT.parent / "shared" / "schemas" / "refi-qda" / "Project.xsd"
pytestmark = pytest.mark.skipif(
    not STANDARD.is_file(), reason="the REFI-QDA schema is not beside the clone"
)
NS = {"q": "urn:QDA-XML:project:1.0"}
ASTRAL = (
    "Interview 𝔊 with 🙂 emoji\n\n"
    "Q: What changed for the 𝕗𝕚𝕣𝕞𝕤?\n\n"
    "A: 🙂🙂 Growth returned 𝟚𝟘𝟚𝟞. Firms were helped by the ministry. Then it rained.\n"
)
Row = tuple[str, str, tuple[str, ...], str, str]


def rows(db: Path) -> list[Row]:
    """(interview, passage, tags, coder, note) of every annotation: what must survive."""
    with AnnotationStore.open(db, reading=True) as store:
        return sorted((a.interview, a.quote, a.tags, a.author, a.note) for a in store.annotations())


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A database with three coders, notes, nested tags, astral text before passages."""
    path = tmp_path / "talk 𝔊.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    astral, seed = load_interview(path), load_interview(CLEAN_SEED)
    db = tmp_path / "team.json"
    with AnnotationStore.open(db) as store:
        text = astral.text
        start = text.index("Growth returned")
        note = "line one\nline two — “quoted” <b>not markup</b> & more"
        store.add(astral, start, start + 20, tags=["economy/growth"], note=note, author="Ann Ó")
        store.add(astral, start, start + 20, tags=["economy", "quote"], author="bob")
        start = text.index("Firms")
        store.add(astral, start, start + 34, tags=["policy/support", "quote"], author="bob")
        store.add(astral, text.index("Then"), text.index("rained") + 6, author="bob")
        store.add(seed, 100, 160, note="a note only", author="Ann Ó")
        store.add(seed, 300, 420, tags=["=formula"], note="=1+1", author="chen")
        store.set_tag("economy/growth", description="Growth & jobs", colour="dark_green")
        store.set_tag("policy", colour="#abc")
        store.set_tag("unused/yet", description="In the codebook, on no passage")
    return db


def export(db: Path, target: Path) -> bytes:
    assert main(["--db", str(db), "export", "--format", "qdpx", "-o", str(target)]) == 0
    return target.read_bytes()


def test_the_project_meets_the_standard_and_its_positions_index_its_texts(
    team: Path, tmp_path: Path
) -> None:
    package = zipfile.ZipFile(io.BytesIO(export(team, tmp_path / "p.qdpx")))
    qde = package.read("project.qde")
    xmlschema.XMLSchema10(str(STANDARD)).validate(qde.decode("utf-8"))
    root = ET.fromstring(qde)
    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    assert sorted(users.values()) == ["Ann Ó", "bob", "chen"]
    notes = {
        n.get("guid"): n.findtext("q:PlainTextContent", "", NS)
        for n in root.iterfind("q:Notes/q:Note", NS)
    }
    with AnnotationStore.open(team, reading=True) as store:
        annotations = {a.quote: a for a in store.annotations()}
    seen = 0
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        member = source.get("plainTextPath", "").removeprefix("internal://")
        text = package.read(f"Sources/{member}").decode("utf-8")  # UTF-8, no BOM
        assert not text.startswith("\ufeff")
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = (
                int(selection.get("startPosition", -1)),
                int(selection.get("endPosition", -1)),
            )
            annotation = annotations[text[start:end]]  # code points of the clean text
            assert users[selection.get("creatingUser")] in {a.author for a in annotations.values()}
            refs = [notes[r.get("targetGUID")] for r in selection.iterfind("q:NoteRef", NS)]
            if annotation.note and users[selection.get("creatingUser")] == annotation.author:
                assert refs == [annotation.note]
                assert selection.findtext("q:Description", "", NS) == annotation.note
            seen += 1
    assert seen == 6


def test_the_codebook_is_whole_nested_with_colours_and_descriptions(
    team: Path, tmp_path: Path
) -> None:
    root = ET.fromstring(
        zipfile.ZipFile(io.BytesIO(export(team, tmp_path / "p.qdpx"))).read("project.qde")
    )
    found = {}

    def walk(element: ET.Element, prefix: str) -> None:
        for code in element.iterfind("q:Code", NS):
            path = prefix + code.get("name", "")
            found[path] = (code.get("color"), code.findtext("q:Description", None, NS))
            walk(code, path + "/")

    codes = root.find("q:CodeBook/q:Codes", NS)
    assert codes is not None
    walk(codes, "")
    assert found == {
        "=formula": (None, None),
        "economy": (None, None),
        "economy/growth": ("#005f00", "Growth & jobs"),
        "policy": ("#aabbcc", None),
        "policy/support": (None, None),
        "quote": (None, None),
        "unused": (None, None),
        "unused/yet": (None, "In the codebook, on no passage"),
    }


def test_the_same_database_gives_the_same_bytes(team: Path, tmp_path: Path) -> None:
    assert export(team, tmp_path / "a.qdpx") == export(team, tmp_path / "b.qdpx")


def test_a_round_trip_keeps_every_passage_tag_coder_and_note(team: Path, tmp_path: Path) -> None:
    project = tmp_path / "p.qdpx"
    export(team, project)
    fresh = tmp_path / "fresh.json"
    assert main(["--db", str(fresh), "import", str(project)]) == 0
    assert rows(fresh) == rows(team)
    with AnnotationStore.open(fresh, reading=True) as store:
        tags = {t.path: (t.colour, t.description) for t in store.tags()}
        ids = {a.id for a in store.annotations()}
    assert tags["economy/growth"] == ("#005f00", "Growth & jobs")
    assert tags["unused/yet"] == (None, "In the codebook, on no passage")
    with AnnotationStore.open(team, reading=True) as store:
        assert ids == {a.id for a in store.annotations()}  # gloss's ids come back
    # Into the database it came from: nothing new, nothing doubled.
    assert main(["--db", str(team), "import", str(project)]) == 0
    assert rows(team) == rows(fresh)


def test_annotations_that_cannot_be_placed_are_left_out_and_said(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "talk 𝔊.txt").write_text("Another text altogether.\n", encoding="utf-8")
    package = zipfile.ZipFile(io.BytesIO(export(team, tmp_path / "p.qdpx")))
    err = capsys.readouterr().err
    assert "exported 2 annotations" in err
    assert "left out 4 annotations of talk 𝔊: orphaned or moved since the text changed" in err
    assert len(package.namelist()) == 2  # project.qde and the one text still placed


def test_a_project_is_never_written_to_stdout(
    team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(team), "export", "--format", "qdpx"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "give its name with -o" in captured.err


def test_gloss_ships_the_standard_schema_unchanged() -> None:
    assert SCHEMA.read_bytes() == STANDARD.read_bytes()
