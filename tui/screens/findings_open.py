"""Opening the findings screens from the reader, and a passage they hand back in it.

A passage chosen on a findings screen opens in the reader: in the reader that shows its
interview if one does; else its interview takes the active reader's place (the other
reader keeps its own; :func:`tui.session.findings.pair_showing`); an interview that was
not open at all is read first (a bundled one by id, another from the file its annotation
remembers), in a worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus import Interview
from store.findings import InterviewTexts, RetrievedPassage
from tui.session.findings import pair_showing
from tui.text import plain

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

KINDS = ("retrieval", "counts", "cooccurrence")


def open_findings(main: MainScreen, kind: str) -> None:
    """Push the findings screen ``kind`` over ``main``; a passage it returns is opened."""
    from tui.screens.cooccurrence import CooccurrenceScreen
    from tui.screens.counts import CountsScreen
    from tui.screens.retrieval import RetrievalScreen

    texts = InterviewTexts(main.interviews)
    if kind == "retrieval":
        screen: RetrievalScreen | CountsScreen | CooccurrenceScreen = RetrievalScreen(
            main.store, texts
        )
    elif kind == "counts":
        screen = CountsScreen(main.store)
    else:
        screen = CooccurrenceScreen(main.store, texts)

    def opened(passage: RetrievedPassage | None) -> None:
        if passage is not None:
            open_passage(main, passage, texts)

    main.app.push_screen(screen, opened)


def open_passage(main: MainScreen, passage: RetrievedPassage, texts: InterviewTexts) -> None:
    """Show ``passage`` in the reader, showing (or first reading) its interview."""
    reader = main.reader_for(passage.interview)
    if reader is not None:
        main.jump_to(passage.interview, passage.start)
        return
    ids = [i.id for i in main.interviews]
    if passage.interview in ids:
        _show(main, passage)
    else:
        _read_then_show(main, passage, texts)


def _show(main: MainScreen, passage: RetrievedPassage) -> None:
    ids = [i.id for i in main.interviews]
    pair = pair_showing(ids, main.session.shown_indices(), main.active_index, passage.interview)
    if pair is not None:
        main.pending_jump = (passage.interview, passage.start)
        main.show_pair(*pair)


def _read_then_show(main: MainScreen, passage: RetrievedPassage, texts: InterviewTexts) -> None:
    def read() -> None:
        interview = texts.interview_of(passage.annotation)
        main.app.call_from_thread(_add_and_show, main, passage, interview)

    main.run_worker(read, thread=True, exclusive=True, group="findings-open")


def _add_and_show(main: MainScreen, passage: RetrievedPassage, interview: Interview | None) -> None:
    if interview is None:
        main.notify(
            plain(
                f"{passage.title}: its text cannot be read (its file moved or is gone); "
                "open the file with gloss to read the passage there"
            ),
            severity="warning",
            timeout=8,
        )
        return
    if interview.id not in [i.id for i in main.interviews]:
        main.session.interviews.append(interview)
    _show(main, passage)
