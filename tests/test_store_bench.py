"""The store benchmark runs end to end in quick mode (no timing is asserted here)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import bench_store
from corpus import bundled_paths, load_interview
from store import AnnotationStore


def test_quick_benchmark_produces_every_figure() -> None:
    rows = bench_store.run(quick=True)
    figures = [r.figure for r in rows]
    assert len(figures) == 11
    assert sum(f.startswith("store: retag") for f in figures) == 3
    assert any("ratio" in f for f in figures)
    assert any(f.startswith("store: open") for f in figures)
    assert any("CSV" in f for f in figures)
    assert any("W3C" in f for f in figures)
    assert any("REFI-QDA" in f for f in figures)
    assert all(r.runs >= 1 and r.median >= 0 for r in rows)


def test_bulk_built_database_is_a_real_store(tmp_path: Path) -> None:
    interviews = [load_interview(path) for path in bundled_paths()]
    path = tmp_path / "bulk.json"
    bench_store.build_database(path, interviews, 120)
    with AnnotationStore.open(path) as store:
        annotations = store.annotations()
        assert len(annotations) == 120
        by_id = {i.id: i for i in interviews}
        for annotation in annotations:
            text = by_id[annotation.interview].text
            assert text[annotation.start : annotation.end] == annotation.exact
