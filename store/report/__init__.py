"""``gloss report``: the codebook, each code's passages, the matrices and the agreement
of a database in one HTML page or Markdown file (pure Python, no UI).

:func:`assemble` reads the store into a :class:`Report`; :func:`render_html` and
:func:`render_markdown` write it out.
"""

from __future__ import annotations

from store.report.assemble import assemble
from store.report.html import render_html
from store.report.markdown import render_markdown
from store.report.model import Agreement, Code, CodePassages, InterviewInfo, Matrix, Report

__all__ = [
    "Agreement",
    "Code",
    "CodePassages",
    "InterviewInfo",
    "Matrix",
    "Report",
    "assemble",
    "render_html",
    "render_markdown",
]
