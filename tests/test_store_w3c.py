"""W3C Web Annotation export: every item checked against the W3C test suite's schemas.

The suite (``../shared/schemas/w3c-annotation``, beside the clone) states each rule of
the data model as a JSON Schema (draft 4) in ``annotations/``, with shared definitions
in ``definitions/``. They are loaded into a local registry, so every ``$ref`` resolves to
those files and nothing is fetched; formats (``uri``, ``date-time``) are checked.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus import Interview, interview_from_text, load_interview
from store import Annotation, AnnotationStore
from store.export import export_annotations
from store.w3c import CONTEXT, annotation_iri, to_w3c
from tests.conftest import CLEAN_SEED, ROOT

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")

SUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "w3c-annotation"
pytestmark = pytest.mark.skipif(
    not SUITE.is_dir(), reason="../shared/schemas/w3c-annotation is not beside the clone"
)

# Rules for features every gloss annotation has (beyond the suite's "must" list).
ALWAYS = (
    "annotations/3.3.1-annotationCreatedImplemented.json",
    "annotations/3.3.1-annotationModifiedImplemented.json",
    "annotations/3.3.1-annotationCreatorImplemented.json",
    "annotations/3.3.1-annotationSingleCreatorImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentNameImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json",
    "annotations/3.3.5-annotationMotivationImplemented.json",
    "annotations/specificResource/4.2-selectorFound.json",
    "annotations/specificResource/4.2.4-textQuoteSelector.json",
    "annotations/specificResource/4.2.4-prefix.json",
    "annotations/specificResource/4.2.4-suffix.json",
    "annotations/specificResource/4.2.5-textPositionSelector.json",
)
# And for annotations with tags or a note (their bodies).
WITH_BODY = (
    "annotations/3.1-bodyKeyFound.json",
    "annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
    "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
)


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _registry() -> Any:
    """Every schema of the suite under the bare name its own ``id`` gives it."""
    from referencing.jsonschema import DRAFT4

    resources = []
    for path in sorted(SUITE.glob("definitions/*.json")) + sorted(
        SUITE.rglob("annotations/**/*.json")
    ):
        schema = _load(path)
        resources.append((schema["id"], DRAFT4.create_resource(schema)))
    return referencing.Registry().with_resources(resources)


def _musts() -> tuple[str, ...]:
    listed: list[str] = _load_test(SUITE / "annotations" / "annotationMusts.test")["assertions"]
    return tuple(listed)


def _load_test(path: Path) -> dict[str, Any]:
    return _load(path)


class Suite:
    """Validators for named assertions of the W3C suite."""

    def __init__(self) -> None:
        self.registry = _registry()
        self._validators: dict[str, Any] = {}

    def validator(self, name: str) -> Any:
        if name not in self._validators:
            schema = _load(SUITE / name)
            assert schema["expectedResult"] == "valid"
            self._validators[name] = jsonschema.Draft4Validator(
                schema,
                registry=self.registry,
                format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
            )
        return self._validators[name]

    def failures(self, item: dict[str, Any], names: tuple[str, ...]) -> list[str]:
        """The assertions ``item`` fails, each with the suite's own error message."""
        failed = []
        for name in names:
            validator = self.validator(name)
            if not validator.is_valid(item):
                failed.append(f"{name}: {validator.schema['errorMessage']}")
        return failed


@pytest.fixture(scope="module")
def suite() -> Suite:
    return Suite()


def test_the_format_checkers_are_live() -> None:
    # Without rfc3339-validator / rfc3986-validator installed, jsonschema silently
    # passes every date-time and uri: the assertions below would check nothing.
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    assert not checker.conforms("2026-13-45 nope", "date-time")
    assert not checker.conforms("not a uri", "uri")
    assert checker.conforms("urn:uuid:6f1d2c3e-8b47-5a1e-9c0d-7e2f4a6b8c91", "uri")


def test_the_suite_tells_its_correct_samples_from_its_incorrect_ones(suite: Suite) -> None:
    samples = SUITE / "tools" / "samples"
    correct = [_load(path) for path in sorted((samples / "correct").glob("*.json"))]
    # The samples that are single annotations; this version of the suite does not know
    # the Composite, List and Independents targets of model section 4.
    annotations = [
        sample
        for sample in correct
        if sample.get("type") == "Annotation"
        and not (
            isinstance(sample["target"], dict)
            and sample["target"].get("type") in {"Composite", "List", "Independents"}
        )
    ]
    assert len(annotations) >= 20
    for sample in annotations:
        assert suite.failures(sample, _musts()) == [], sample["id"]
    incorrect = []
    for path in sorted((samples / "incorrect").glob("*.json")):
        try:
            incorrect.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            continue  # some incorrect samples are not even JSON
    assert len(incorrect) >= 10
    for sample in incorrect:
        assert suite.failures(sample, _musts()) != [], sample


# A text with characters outside the Basic Multilingual Plane (two UTF-16 units each)
# before the passages: offsets must count them once.
ASTRAL_TEXT = (
    "Interview 𝔊 with 🙂 emoji\n\n"
    "Q: What changed for the 𝕗𝕚𝕣𝕞𝕤?\n\n"
    "A: 🙂🙂 Growth returned 𝟚𝟘𝟚𝟞. Firms were helped by the ministry. Then it rained.\n"
)


@pytest.fixture
def astral(tmp_path: Path) -> Interview:
    path = tmp_path / "talk 𝔊.txt"
    path.write_text(ASTRAL_TEXT, encoding="utf-8")
    return load_interview(path)


@pytest.fixture
def annotated(tmp_path: Path, astral: Interview) -> tuple[list[Annotation], dict[str, Interview]]:
    seed = load_interview(CLEAN_SEED)
    with AnnotationStore.open(tmp_path / "db.json") as store:
        text = astral.text
        start = text.index("Growth returned")
        note = "line one\nline two — “quoted” <b>not markup</b>"
        end = start + len("Growth returned 𝟚𝟘𝟚𝟞")
        store.add(astral, start, end, tags=["economy/growth"], note=note, author="Ann Ó")
        start = text.index("Firms")
        store.add(astral, start, start + 34, tags=["policy/support", "quote"], author="bob")
        store.add(astral, text.index("Then"), text.index("rained") + 6, note="", author="bob")
        store.add(seed, 100, 160, tags=[], note="a note only", author="Ann Ó")
        store.add(seed, 300, 420, tags=["=formula"], note="=1+1", author="chen")
        annotations = store.annotations()
    return annotations, {astral.id: astral, seed.id: seed}


def export(annotations: list[Annotation]) -> dict[str, Any]:
    out = io.StringIO()
    written = export_annotations(annotations, {}, "w3c", out)
    assert written == len(annotations)
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def test_the_collection_holds_every_annotation_in_one_page(
    annotated: tuple[list[Annotation], dict[str, Interview]],
) -> None:
    annotations, _ = annotated
    document = export(annotations)
    assert document["@context"] == CONTEXT
    assert document["type"] == "AnnotationCollection"
    assert document["total"] == len(annotations)
    page = document["first"]
    assert page["type"] == "AnnotationPage"
    assert [item["id"] for item in page["items"]] == [annotation_iri(a.id) for a in annotations]
    assert all(i.startswith("urn:uuid:") for i in (document["id"], page["id"]))
    assert export(annotations) == document  # the same annotations give the same file


def test_every_item_passes_the_suite(
    suite: Suite, annotated: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, _ = annotated
    items = export(annotations)["first"]["items"]
    assert len(items) == len(annotations)
    for item, annotation in zip(items, annotations, strict=True):
        names = _musts() + ALWAYS + (WITH_BODY if annotation.tags or annotation.note else ())
        assert suite.failures(item, names) == [], item["id"]


def test_an_orphan_keeps_its_quote_and_still_passes(
    suite: Suite, annotated: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotation = replace(annotated[0][0], status="orphaned")
    item = to_w3c(annotation)
    selectors = item["target"]["selector"]  # type: ignore[index]
    assert [s["type"] for s in selectors] == ["TextQuoteSelector"]
    assert suite.failures(item, _musts()) == []


@pytest.mark.parametrize(
    ("breakage", "rule"),
    [
        (lambda item: item.pop("@context"), "3.1-annotationContextValidated"),
        (lambda item: item.update(id="not an iri"), "3.1-annotationIdValidated"),
        (lambda item: item.pop("target"), "3.1-targetKeyFound"),
        (lambda item: item.update(created="30/11/2026"), "3.3.1-annotationCreatedValidated"),
        (lambda item: item.update(body=[{"type": "TextualBody"}]), "3.2-bodyObjectsRecognized"),
        (lambda item: item.update(bodyValue="both"), "3.2.5-notBodyBodyValue"),
    ],
)
def test_a_broken_item_fails_the_suite(
    suite: Suite,
    annotated: tuple[list[Annotation], dict[str, Interview]],
    breakage: Any,
    rule: str,
) -> None:
    item = export(annotated[0])["first"]["items"][0]
    assert suite.failures(item, _musts()) == []
    breakage(item)
    failed = suite.failures(item, _musts())
    assert any(rule in failure for failure in failed), failed


def test_positions_and_quotes_match_the_clean_text_in_code_points(
    annotated: tuple[list[Annotation], dict[str, Interview]],
) -> None:
    annotations, interviews = annotated
    items = export(annotations)["first"]["items"]
    for item, annotation in zip(items, annotations, strict=True):
        text = interviews[annotation.interview].text
        quote, position = item["target"]["selector"]
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"] == annotation.exact
        assert text[:start].endswith(quote["prefix"])
        assert text[end:].startswith(quote["suffix"])
    growth = next(a for a in annotations if "economy/growth" in a.tags)
    text = interviews[growth.interview].text
    # Code points, not UTF-16 units: the text before holds astral characters.
    assert growth.start == text.index("Growth returned")
    assert len(text[: growth.start].encode("utf-16-le")) // 2 > growth.start


def test_bodies_creator_dates_and_source(
    annotated: tuple[list[Annotation], dict[str, Interview]],
) -> None:
    annotations, interviews = annotated
    astral_id = next(key for key, found in interviews.items() if "𝔊" in found.text)
    items = export(annotations)["first"]["items"]
    by_id = {item["id"]: item for item in items}
    for annotation in annotations:
        item = by_id[annotation_iri(annotation.id)]
        bodies = item.get("body", [])
        assert [b["value"] for b in bodies if b["purpose"] == "tagging"] == list(annotation.tags)
        notes = [b for b in bodies if b["purpose"] == "commenting"]
        assert [b["value"] for b in notes] == ([annotation.note] if annotation.note else [])
        assert all(b["type"] == "TextualBody" for b in bodies)
        assert all(b["format"] == "text/plain" for b in notes)
        assert item["creator"] == {"type": "Person", "name": annotation.author}
        assert item["created"].endswith("Z") and item["modified"].endswith("Z")
        # The interview, never a file's path: the positions index its clean text.
        source = item["target"]["source"]
        if annotation.interview == astral_id:
            assert annotation.source  # made from a file on disk, still named by its id
            assert source == "urn:gloss:interview:talk%20%F0%9D%94%8A"  # 'talk 𝔊', encoded
        else:
            assert source == f"urn:gloss:interview:{annotation.interview}"
    seed_item = next(i for i in items if "a note only" in json.dumps(i, ensure_ascii=False))
    assert seed_item["motivation"] == "commenting"


def test_an_id_that_is_not_a_uuid_gets_a_stable_urn() -> None:
    first, again = annotation_iri("imported-42"), annotation_iri("imported-42")
    assert first == again and first.startswith("urn:uuid:")
    assert annotation_iri("a6c299f5b19145f099120a8a94215b50") == (
        "urn:uuid:a6c299f5-b191-45f0-9912-0a8a94215b50"
    )


def test_an_unknown_source_is_named_by_interview_id() -> None:
    interview = interview_from_text("talk/ünï", "Growth returned. Firms were helped.")
    from store.anchoring import annotation_at

    annotation = annotation_at(
        interview, 0, 6, annotation_id="x", tags=("t",), note="", author="a",
        stamp="2026-01-01T00:00:00.000Z",
    )  # fmt: skip
    assert to_w3c(annotation)["target"]["source"] == (  # type: ignore[index]
        "urn:gloss:interview:talk%2F%C3%BCn%C3%AF"
    )


def test_the_file_written_is_json_ld_with_one_item_per_line(
    tmp_path: Path, annotated: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, _ = annotated
    path = tmp_path / "annotations.jsonld"
    with open(path, "w", encoding="utf-8") as handle:
        export_annotations(annotations, {}, "w3c", handle, excel=True)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # no byte order mark in JSON-LD
    assert len(data.decode("utf-8").splitlines()) == len(annotations) + 2
    assert json.loads(data)["total"] == len(annotations)
    empty = io.StringIO()
    assert export_annotations([], {}, "w3c", empty) == 0
    assert json.loads(empty.getvalue())["first"]["items"] == []


def test_gloss_export_format_w3c_writes_the_file(tmp_path: Path, suite: Suite) -> None:
    """The real command line, in a child process, as a user runs it."""
    db, target = tmp_path / "team.json", tmp_path / "annotations.jsonld"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def gloss(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args, "--db", str(db)], cwd=ROOT, env=env,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    made = gloss("annotate", "004", "--quote", "increase the supply", "--tag", "policy/supply",
                 "--note", "why", "--author", "Ann")  # fmt: skip
    assert made.returncode == 0, made.stderr
    result = gloss("export", "--format", "w3c", "-o", str(target))
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert result.stderr == f"exported 1 annotation to {target}\n"
    document = json.loads(target.read_text(encoding="utf-8"))
    (item,) = document["first"]["items"]
    assert item["id"] == annotation_iri(made.stdout.strip())
    assert item["target"]["selector"][0]["exact"] == "increase the supply"
    assert suite.failures(item, _musts() + ALWAYS + WITH_BODY) == []
