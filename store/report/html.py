"""A report as one self-contained HTML page: readable in any browser, printable, safe.

The page is written from a Jinja template with autoescaping, and every value passes
:func:`_visible` first, so no text from the database (codes, notes, passages, interview
names) can become markup, and control characters show as escapes instead of vanishing
or garbling the page. The style sheet is inline and a Content-Security-Policy forbids
loading anything: the file opens the same with no network, and a script that slipped
in would not run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib.resources import files
from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TextIO

from corpus import escape_unsafe
from store.report.model import Code, InterviewInfo, Report, shorten

if TYPE_CHECKING:
    from jinja2 import Template

Progress = Callable[[int, int], None]
"""``progress(done, total)``: passages written so far, of all."""


def render_html(report: Report, out: TextIO, progress: Progress | None = None) -> None:
    """Write ``report`` to ``out`` as one HTML document (UTF-8 text)."""
    macros = _template().module
    out.write(str(macros.document_start(report)))  # type: ignore[attr-defined]
    # A code's passages are linked from its codebook row, numbered in codebook order.
    anchors = {code.path: number for number, code in enumerate(report.codes, start=1)}
    total = sum(len(section.passages) for section in report.passages)
    done = 0
    for section in report.passages:
        out.write(str(macros.code_section(section, anchors[section.code.path])))  # type: ignore[attr-defined]
        done += len(section.passages)
        if progress is not None:
            progress(done, total)
    out.write(str(macros.document_end(report)))  # type: ignore[attr-defined]


@cache
def _template() -> Template:
    """The compiled template (Jinja is imported only when a report is written)."""
    from jinja2 import Environment, StrictUndefined
    from markupsafe import Markup

    folder = files("store.report") / "templates"
    environment = Environment(
        autoescape=True,
        finalize=_visible,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        num=_number,
        percent=lambda share: f"{share:.1%}",
        plural=lambda word, n: word if n == 1 else word + "s",
        shorten=shorten,
        by_path=_by_path,
        title_of=_title_of,
        heat=_heat,
        groupby_order=_runs,
    )
    environment.globals["css"] = Markup((folder / "report.css").read_text(encoding="utf-8"))
    return environment.from_string((folder / "report.html").read_text(encoding="utf-8"))


def _visible(value: Any) -> Any:
    """Every text shown with its control characters as visible escapes (``\\x1b``);
    the template's own markup (Jinja's ``Markup``) is left alone."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_unsafe(value)
    return value


def _number(value: int) -> str:
    return f"{value:,}"


def _by_path(codes: Iterable[Code]) -> Mapping[str, Code]:
    return {code.path: code for code in codes}


def _title_of(interviews: Iterable[InterviewInfo], interview_id: str) -> str:
    for interview in interviews:
        if interview.id == interview_id:
            return interview.title
    return interview_id


def _runs(items: Iterable[Any], attribute: str) -> list[tuple[Any, list[Any]]]:
    """Consecutive items sharing ``attribute``, in their order (Jinja's ``groupby``
    sorts, which would lose the text order of passages)."""
    return [(key, list(group)) for key, group in groupby(items, key=attrgetter(attribute))]


def _heat(colour: str, value: int, largest: int) -> str:
    """A cell's background: ``colour`` (``#rrggbb``) washed out by how small ``value`` is."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    alpha = 0.12 + 0.5 * (value / largest if largest else 0)
    return f"rgba({red},{green},{blue},{alpha:.2f})"
