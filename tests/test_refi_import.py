"""``gloss import PROJECT.qdpx``: other tools' REFI-QDA projects arrive whole, or not at all.

The projects are the real NVivo export beside the clone and small coded projects made
as ATLAS.ti, MAXQDA and QualCoder write them (``tests/refi_projects.py``). What a user
must find afterwards: every coder's codings on exactly the words the other tool coded,
the notes, the codebook with its nesting, colours and descriptions, and the texts as
files the reader opens.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from corpus import load_interview
from store import AnnotationStore
from tests import refi_projects as projects
from tests.conftest import ROOT
from tui.cli import main

NVIVO = ROOT.parent / "shared" / "schemas" / "refi-qda" / "nvivo_project.qdpx"
NS = {"q": "urn:QDA-XML:project:1.0"}


def imported(db: Path, *args: str) -> list[tuple[str, tuple[str, ...], str, str]]:
    """(quote, tags, coder, note) of every annotation in ``db``."""
    with AnnotationStore.open(db, reading=True) as store:
        return sorted((a.quote, a.tags, a.author, a.note) for a in store.annotations())


def expected(built: projects.Built) -> list[tuple[str, tuple[str, ...], str, str]]:
    return sorted((e.quote, e.tags, e.author, e.note) for e in built.expected)


@pytest.mark.parametrize("builder", [projects.maxqda, projects.atlas, projects.qualcoder])
def test_each_coders_codings_arrive_on_the_words_the_tool_coded(
    tmp_path: Path, builder: object, capsys: pytest.CaptureFixture[str]
) -> None:
    built = builder(tmp_path)  # type: ignore[operator]
    db = tmp_path / "team.json"
    # QualCoder's second text lies beside the project (relative://): read when asked.
    assert main(["--db", str(db), "import", str(built.path), "--outside-sources"]) == 0
    assert imported(db) == expected(built)
    out = capsys.readouterr().out
    assert f"imported {len(built.expected)} annotations" in out
    # The texts are files beside the database that gloss opens, and the annotations
    # point at them and sit on them as they are read (the reader finds them there).
    with AnnotationStore.open(db, reading=True) as store:
        for annotation in store.annotations():
            assert Path(annotation.source).parent == tmp_path / "team-sources"
            interview = load_interview(Path(annotation.source))
            assert interview.id == annotation.interview
            assert interview.text[annotation.start : annotation.end] == annotation.quote
            assert interview.fingerprint == annotation.fingerprint


def test_the_codebook_arrives_with_nesting_colours_and_descriptions(tmp_path: Path) -> None:
    built = projects.maxqda(tmp_path)
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(built.path)]) == 0
    with AnnotationStore.open(db, reading=True) as store:
        tags = {t.path: (t.colour, t.description) for t in store.tags()}
    assert tags == {
        "policy": (None, "Anything about policy."),
        "policy/tax relief": ("#C8A2C8", None),
        "finance": ("#00aa00", None),
        "finance/banks": (None, "Access to bank credit."),
        "hiring": ("#FF8000", None),
    }


def _code_paths(element: ET.Element, prefix: str = "") -> list[str]:
    paths = []
    for code in element.findall("q:Code", NS):
        path = prefix + code.get("name", "")
        paths += [path, *_code_paths(code, path + "/")]
    return paths


@pytest.mark.skipif(not NVIVO.is_file(), reason="the NVivo sample is not beside the clone")
def test_the_nvivo_export_brings_its_whole_codebook_and_its_two_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nvivo.json"
    assert main(["--db", str(db), "import", str(NVIVO), "--sources", str(tmp_path / "t")]) == 0
    root = ET.fromstring(zipfile.ZipFile(NVIVO).read("project.qde"))
    codes = root.find("q:CodeBook/q:Codes", NS)
    assert codes is not None
    paths = _code_paths(codes)
    assert len(paths) == 262  # every code, at its place in the tree
    with AnnotationStore.open(db, reading=True) as store:
        assert sorted(t.path for t in store.tags()) == sorted(set(paths))
        assert len(store) == 0  # NVivo wrote no codings
    assert "rq1_definition/framings/cs_as_programming/programming" in paths
    texts = sorted((tmp_path / "t").iterdir())
    assert [p.read_text(encoding="utf-8") for p in texts] == ["\n", "\n"]
    assert "2 interview texts" in capsys.readouterr().out


def test_a_second_import_duplicates_nothing_and_overwrites_no_other_text(
    tmp_path: Path,
) -> None:
    built = projects.maxqda(tmp_path)
    db = tmp_path / "team.json"
    sources = tmp_path / "team-sources"
    sources.mkdir()
    (sources / "Zoë.txt").write_text("someone else's interview\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(built.path)]) == 0
    assert main(["--db", str(db), "import", str(built.path)]) == 0
    assert imported(db) == expected(built)
    assert (sources / "Zoë.txt").read_text(encoding="utf-8") == "someone else's interview\n"
    (kept,) = [p for p in sources.iterdir() if p.name != "Zoë.txt"]
    assert kept.name.startswith("Zoë-") and kept.read_text(encoding="utf-8") == projects.TALK


def test_author_imports_only_that_coders_codings(tmp_path: Path) -> None:
    built = projects.atlas(tmp_path)
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(built.path), "--author", "bob"]) == 0
    assert imported(db) == sorted(e for e in expected(built) if e[2] == "bob")


def test_an_absolute_source_path_is_read_from_there(tmp_path: Path) -> None:
    text = "Interviewer: Well?\nNaïve answer: we closed.\n"
    outside = tmp_path / "elsewhere" / "talk.txt"
    outside.parent.mkdir()
    outside.write_text(text, encoding="utf-16")  # with its BOM
    start, end = projects.span(text, "we closed")
    body = (
        f'<Sources><TextSource guid="{projects.ANA}" name="talk" '
        f'plainTextPath="absolute://{outside}">'
        f'<PlainTextSelection guid="{projects.BOB}" startPosition="{start}" '
        f'endPosition="{end}" creatingUser="{projects.ANA}">'
        f'<Coding guid="{projects.CODES["policy"]}"><CodeRef '
        f'targetGUID="{projects.CODES["hiring"]}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources>"
    )
    path = projects.write_zip(tmp_path / "abs.qdpx", projects.project_xml("Tool", body), {})
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(path), "--outside-sources"]) == 0
    assert imported(db) == [("we closed", ("hiring",), "Ana Lima", "")]


@pytest.mark.parametrize("where", ["absolute://{secret}", "relative:///../secret.txt"])
def test_a_project_cannot_copy_another_file_of_this_computer_unasked(
    tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Interviewer: key?\nMe: hunter2\n", encoding="utf-8")
    inside = tmp_path / "project"
    inside.mkdir()
    body = (
        f'<Sources><TextSource guid="{projects.ANA}" name="talk" '
        f'plainTextPath="{where.format(secret=secret)}"></TextSource></Sources>'
    )
    path = projects.write_zip(inside / "p.qdpx", projects.project_xml("Tool", body), {})
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(path) in err and "--outside-sources" in err
    assert not db.exists()
    assert not (tmp_path / "team-sources").exists()


def _broken(tmp_path: Path, qde: str) -> Path:
    return projects.write_zip(tmp_path / "broken.qdpx", qde, {})


def _not_a_zip(tmp_path: Path) -> Path:
    path = tmp_path / "p.qdpx"
    path.write_bytes(b"<Project/>")
    return path


def _no_qde(tmp_path: Path) -> Path:
    path = tmp_path / "p.qdpx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    return path


def _not_xml(tmp_path: Path) -> Path:
    return _broken(tmp_path, "<Project")


def _against_schema(tmp_path: Path) -> Path:
    return _broken(tmp_path, projects.project_xml("T", "").replace('isCodable="true"', "", 1))


def _selection_outside(tmp_path: Path) -> Path:
    body = (
        f'<Sources><TextSource guid="{projects.ANA}" name="t">'
        "<PlainTextContent>short</PlainTextContent>"
        f'<PlainTextSelection guid="{projects.BOB}" startPosition="2" endPosition="99">'
        f'<Coding guid="{projects.ANA}"><CodeRef targetGUID="{projects.CODES["policy"]}"/>'
        "</Coding></PlainTextSelection></TextSource></Sources>"
    )
    return _broken(tmp_path, projects.project_xml("T", body))


def _missing_text(tmp_path: Path) -> Path:
    body = (
        f'<Sources><TextSource guid="{projects.ANA}" name="t" '
        'plainTextPath="internal://nothere.txt"/></Sources>'
    )
    return _broken(tmp_path, projects.project_xml("T", body))


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_not_a_zip, "not a zip file"),
        (_no_qde, "no project.qde inside"),
        (_not_xml, "not well-formed XML"),
        (_against_schema, "not a valid REFI-QDA 1.0 project: missing required attribute "
                          "'isCodable'"),
        (_selection_outside, f"selection {projects.BOB} at 2..99 is not inside its text of "
                             "5 characters"),
        (_missing_text, "internal://nothere.txt: no such file in its Sources folder"),
    ],
)  # fmt: skip
def test_a_bad_project_is_one_line_and_changes_nothing(
    tmp_path: Path, make: object, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"gloss: {path}: "), err
    assert says in err and "nothing was imported" in err
    assert not db.exists() and not (tmp_path / "team-sources").exists()


def test_a_bad_project_leaves_an_existing_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(projects.maxqda(tmp_path).path)]) == 0
    before = imported(db)
    bad = _selection_outside(tmp_path)
    assert main(["--db", str(db), "import", str(bad)]) == 1
    assert imported(db) == before


def test_a_code_name_holding_a_slash_stays_one_code(tmp_path: Path) -> None:
    qde = projects.project_xml("T", "").replace('name="hiring"', 'name="hiring/firing"')
    path = _broken(tmp_path, qde)
    db = tmp_path / "team.json"
    assert main(["--db", str(db), "import", str(path)]) == 0
    with AnnotationStore.open(db, reading=True) as store:
        paths = [t.path for t in store.tags()]
    assert "hiring\u2215firing" in paths and "hiring" not in paths
