"""Outline: the structure of a clean text (title, sections, questions, measures, sentences).

``structure`` builds the outline from paragraphs, speakers (``turns`` reads the
document's speaker labels, ``askers`` decides who asks, ``questions`` which of their turns
are questions, ``speakers`` puts the three together), front matter, ``headings`` and
``measures``; ``sentences`` gives the spans the reader's cursor moves by;
``output`` prints an outline as JSON or text;
``places`` says which question holds an offset and ``find`` finds text (search, quotes,
word edges); ``scoring`` compares an outline with a hand-made gold one (precision,
recall, F1; used by the tests and ``benchmarks/bench_outline.py``). Pure functions of
the clean text; no file access.
"""
