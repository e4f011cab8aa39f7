"""Exporting annotations to a file: format, where to, and a progress bar while it runs.

Pressing ``e`` then ``enter`` must just work, so everything has a sensible default: CSV,
``~/gloss-export-YYYYMMDD-HHMM.csv`` (the extension follows the format), spreadsheet
formulas neutralised (a quote starting with ``=`` must not run in Excel). The export runs
in a thread worker so that a large database never freezes the screen; a path that
cannot be written is one line in the dialog, which stays open to fix it.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TextIO

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, ProgressBar, RadioButton, RadioSet, Static

from corpus import Interview
from store import Annotation, Store, StoreError, TagInfo
from store.export import (
    BINARY,
    EXTENSIONS,
    FORMATS,
    LABELS,
    Format,
    export_annotations,
    export_project,
    interview_loader,
)
from store.refi import InvalidProject
from tui.screens.confirm import Confirm
from tui.screens.dialog import Dialog
from tui.text import plain


def default_export_path(fmt: Format, now: datetime, directory: Path | None = None) -> Path:
    """``<directory or ~>/gloss-export-YYYYMMDD-HHMM.<extension of fmt>``."""
    return (directory or Path("~")) / f"gloss-export-{now:%Y%m%d-%H%M}.{EXTENSIONS[fmt]}"


def with_format(path_text: str, fmt: Format) -> str:
    """``path_text`` with its extension switched to ``fmt``'s if it has a format's extension."""
    path = Path(path_text)
    if path.suffix.lower().lstrip(".") in EXTENSIONS.values():
        return str(path.with_suffix(f".{EXTENSIONS[fmt]}"))
    return path_text


def check_target(path_text: str) -> Path:
    """The file to write for what the user typed; ValueError with a one-line reason."""
    if not path_text.strip():
        raise ValueError("type the path of the file to write")
    path = Path(path_text.strip()).expanduser()
    try:
        if path.is_dir():
            raise ValueError(f"{path}: is a folder; add a file name")
        if not path.parent.is_dir():
            raise ValueError(f"{path.parent}: no such folder; create it or choose another")
    except OSError as error:  # e.g. a name too long for the file system
        raise ValueError(f"{path}: cannot be used ({error.strerror}); choose another") from None
    return path


def write_replacing(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` as :func:`replacing` writes text: all or nothing."""
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def replacing(target: Path) -> Iterator[TextIO]:
    """A text file that becomes ``target`` only once it is completely written.

    The export goes to a temporary file beside ``target`` that replaces it atomically at
    the end, so a failed export never leaves a half-written file or a clobbered old one.
    """
    # Not tempfile.mkstemp: its files are private (0600); an export gets the user's umask.
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        # "x": never write into someone else's file; newline="": csv writes its own.
        with open(temporary, "x", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class ExportDialog(Dialog[Path | None]):
    """Export ``annotations``; dismiss with the path written, or None if cancelled.

    ``interviews`` maps interview ids to interviews (the exporters add their titles and
    question context); ``codebook`` and ``name`` are the database's tags and name, for a
    REFI-QDA project. ``directory`` and ``now`` set the default path (tests pass
    them); ``linger`` is how long the final message stays before the dialog closes.
    """

    DEFAULT_CSS = """
    ExportDialog > #dialog {
        width: 76;
    }
    ExportDialog RadioSet {
        layout: horizontal;
        width: 100%;
        border: none;
    }
    /* Each format as wide as its label: five fit on one line of an 80-column window. */
    ExportDialog RadioSet > RadioButton {
        width: auto;
        margin-right: 1;
    }
    ExportDialog #options {
        height: auto;
        padding: 1 0;
    }
    ExportDialog #options Checkbox {
        margin-right: 2;
    }
    /* On/off must show without colour too (NO_COLOR, 16 colours). */
    ExportDialog ToggleButton.-on > .toggle--label {
        text-style: bold underline;
    }
    ExportDialog ToggleButton > .toggle--label {
        text-style: none;
    }
    ExportDialog ProgressBar {
        padding: 0 1;
    }
    ExportDialog #status {
        padding: 0 1;
        height: auto;
    }
    ExportDialog #status.-error {
        color: $error;
    }
    ExportDialog #buttons {
        height: auto;
    }
    ExportDialog #buttons #hint {
        width: 1fr;
    }
    ExportDialog Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(
        self,
        annotations: Sequence[Annotation],
        interviews: Mapping[str, Interview],
        *,
        codebook: Sequence[TagInfo] = (),
        name: str = "gloss",
        directory: Path | None = None,
        now: datetime | None = None,
        linger: float = 1.5,
    ) -> None:
        super().__init__()
        self._annotations = list(annotations)
        self._interviews = dict(interviews)
        self._codebook = list(codebook)
        self._name = name
        self.written = 0
        """How many annotations the file written holds (some may be left out of a project)."""
        self._default = default_export_path("csv", now or datetime.now(), directory)
        self._linger = linger
        self._exporting = False

    def compose(self) -> ComposeResult:
        count = len(self._annotations)
        with Vertical(id="dialog"):
            yield Static(plain(f"Export {count} annotation{'s' if count != 1 else ''}"), id="title")
            with RadioSet(id="format"):
                for fmt in FORMATS:
                    yield RadioButton(
                        LABELS[fmt], value=fmt == "csv", id=f"format-{fmt}", compact=True
                    )
            yield Input(str(self._default), id="path")
            with Horizontal(id="options"):
                yield Checkbox("Neutralise formulas", value=True, id="neutralise", compact=True)
                yield Checkbox("Excel BOM (CSV)", value=False, id="excel", compact=True)
            yield ProgressBar(total=max(count, 1), show_eta=False, id="progress")
            yield Static("", id="status")
            with Horizontal(id="buttons"):
                yield Static(plain("enter export · escape cancel"), id="hint")
                yield Button("Export", id="export", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @property
    def format(self) -> Format:
        """The chosen format."""
        pressed = self.query_one("#format", RadioSet).pressed_button
        chosen = (pressed.id or "") if pressed is not None else ""
        return next((fmt for fmt in FORMATS if chosen == f"format-{fmt}"), "csv")

    @on(RadioSet.Changed, "#format")
    def _format_changed(self) -> None:
        path = self.query_one("#path", Input)
        path.value = with_format(path.value, self.format)
        self.query_one("#excel", Checkbox).disabled = self.format != "csv"

    def _status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(plain(message))
        status.set_class(error, "-error")

    # Running the export ------------------------------------------------------------------

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _export_requested(self) -> None:
        if self._exporting:
            return
        try:
            target = check_target(self.query_one("#path", Input).value)
        except ValueError as error:
            self._status(str(error), error=True)
            return
        if target.exists():

            def overwrite(answer: bool | None) -> None:
                if answer:
                    self._start(target)

            self.app.push_screen(
                Confirm(f"{target} exists. Replace it?", yes="Replace", no="Keep"), overwrite
            )
            return
        self._start(target)

    def _start(self, target: Path) -> None:
        self._exporting = True
        for widget in self.query("Input, RadioSet, Checkbox, Button#export"):
            widget.disabled = True
        self.query_one("#progress", ProgressBar).update(total=max(len(self._annotations), 1))
        self._status(f"Exporting to {target} …")
        self._run_export(
            target,
            self.format,
            neutralise=self.query_one("#neutralise", Checkbox).value,
            excel=self.query_one("#excel", Checkbox).value and self.format == "csv",
        )

    @work(thread=True, exclusive=True, group="export")
    def _run_export(self, target: Path, fmt: Format, *, neutralise: bool, excel: bool) -> None:
        last = 0

        def progress(done: int, total: int) -> None:
            nonlocal last
            # Repaint at most ~100 times, however many rows there are.
            if done == total or done - last >= max(1, total // 100):
                last = done
                self.app.call_from_thread(self._progress, done, total)

        try:
            if fmt in BINARY:
                written, note = self._write_project(target)
            else:
                note = ""
                with replacing(target) as out:
                    written = export_annotations(
                        self._annotations,
                        self._interviews,
                        fmt,
                        out,
                        neutralise=neutralise,
                        excel=excel,
                        progress=progress,
                    )
        except (StoreError, InvalidProject) as error:
            self.app.call_from_thread(self._failed, str(error))
        except OSError as error:
            reason = error.strerror or str(error)
            self.app.call_from_thread(
                self._failed, f"{target}: cannot write ({reason}); choose another path"
            )
        else:
            self.app.call_from_thread(self._finished, target, written, note)

    def _write_project(self, target: Path) -> tuple[int, str]:
        """Write the REFI-QDA project; how many annotations it holds, and a line on those
        left out (their text cannot be found, or they no longer sit on it)."""
        shown = self._interviews
        bundled = interview_loader()
        project = export_project(
            self._annotations,
            self._codebook,
            lambda interview_id: shown.get(interview_id) or bundled(interview_id),
            name=self._name,
        )
        write_replacing(target, project.data)
        left = sum(item.count for item in project.left_out)
        note = f" ({left} left out: text not found or changed)" if left else ""
        return project.written, note

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=max(total, 1), progress=done)

    def _failed(self, message: str) -> None:
        self._exporting = False
        for widget in self.query("Input, RadioSet, Checkbox, Button#export"):
            widget.disabled = False
        self.query_one("#excel", Checkbox).disabled = self.format != "csv"
        self._status(message, error=True)
        self.query_one("#path", Input).focus()

    def _finished(self, target: Path, written: int, note: str = "") -> None:
        self.written = written
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(written, 1), progress=max(written, 1))
        noun = "annotation" if written == 1 else "annotations"
        self._status(f"Wrote {written} {noun} to {target}{note}")
        if self._linger > 0:
            self.set_timer(self._linger, partial(self._close, target))
        else:
            self._close(target)

    def _close(self, target: Path) -> None:
        # Not returning dismiss()'s awaitable: a timer would await it from this screen's
        # own handler, which Textual refuses (ScreenError).
        self.dismiss(target)

    def action_cancel(self) -> None:
        """Close without exporting (not while an export is being written)."""
        if self._exporting:
            self._status("Exporting… the dialog closes when the file is written")
            return
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def open_export(
    screen: Screen[Any],
    store: Store,
    interviews: Sequence[Interview],
    said: Callable[[str], None],
) -> None:
    """Read every annotation off the UI thread, then open the export dialog over
    ``screen``; ``said`` gets the status line's words once a file is written."""
    by_id = {i.id: i for i in interviews}
    app = screen.app

    def read() -> None:
        try:
            annotations = store.annotations()
            codebook = store.tags()
        except StoreError as error:
            app.call_from_thread(screen.notify, str(error), severity="error", timeout=8)
            return

        def exported(path: Path | None) -> None:
            if path is not None:
                said(f"exported to {path}")
                count = dialog.written
                noun = "annotation" if count == 1 else "annotations"
                screen.notify(f"Exported {count} {noun} to {path}", timeout=6)

        dialog = ExportDialog(annotations, by_id, codebook=codebook, name=store.path.stem)
        app.call_from_thread(app.push_screen, dialog, exported)

    screen.run_worker(read, thread=True, exclusive=True, group="export")
