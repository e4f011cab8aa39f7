"""Decoding interview files: every common encoding reads right, anything else is refused clearly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CorpusError, load_interview, read_text
from corpus.reading.decode import MAX_BYTES
from tests.conftest import CLEAN_SEED, NOISY_SEED
from tui.cli import main

TEXT = "Q: Café “quoted” — naïve?\nAnswer: Yes, 4.5% more.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom"],
)
def test_unicode_files_decode_and_lose_only_the_bom(
    tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    path = write(tmp_path, "interview.txt", prefix + TEXT.encode(encoding))
    assert read_text(path) == TEXT


def test_utf16_without_bom_is_recognised_by_its_nul_pattern(tmp_path: Path) -> None:
    path = write(tmp_path, "word-export.txt", TEXT.encode("utf-16-le"))
    assert read_text(path) == TEXT


def test_cp1252_curly_quotes_and_dashes(tmp_path: Path) -> None:
    data = "café “quoted” – 50€ naïve".encode("cp1252")
    assert b"\x93" in data  # a real Windows-1252 byte, invalid as UTF-8
    assert read_text(write(tmp_path, "legacy.txt", data)) == "café “quoted” – 50€ naïve"


def test_latin1_bytes_cp1252_cannot_decode(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252; latin-1 still gives every byte a character.
    text = "Interview recorded in Zürich, transcribed by the Società Editrice. "
    data = text.encode("latin-1") + b"\x81 end"
    assert read_text(write(tmp_path, "latin1.txt", data)) == text + "\x81 end"


def test_newlines_and_controls_are_left_for_the_cleaner(tmp_path: Path) -> None:
    data = b"line one\r\nline two\rthree\x1b[31m red\x07\n"
    assert read_text(write(tmp_path, "crlf.txt", data)) == data.decode("ascii")


@pytest.mark.parametrize("seed", [CLEAN_SEED, NOISY_SEED], ids=["004", "000"])
def test_crlf_and_lf_files_give_the_same_interview(tmp_path: Path, seed: Path) -> None:
    text = seed.read_text("utf-8")
    lf = load_interview(write(tmp_path, "lf.txt", text.encode("utf-8")))
    crlf = load_interview(write(tmp_path, "crlf.txt", text.replace("\n", "\r\n").encode("utf-8")))
    assert "\r" not in crlf.text
    assert crlf.text == lf.text
    assert crlf.outline == lf.outline


def test_empty_file_is_an_empty_interview(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    assert read_text(path) == ""
    interview = load_interview(path)
    assert interview.text == ""
    assert interview.outline.sections == ()
    assert interview.sentences == ()


def refusal(path: Path) -> str:
    with pytest.raises(CorpusError) as caught:
        read_text(path)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in refusal(tmp_path / "nowhere.txt")


def test_directory(tmp_path: Path) -> None:
    assert "directory" in refusal(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", b"Q: hidden?\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            # Root reads mode-000 files anyway: make the read fail as it would for a user.
            def denied(self: Path) -> bytes:
                raise PermissionError(13, "Permission denied", str(self))

            monkeypatch.setattr(Path, "read_bytes", denied)
        assert "permission denied" in refusal(path)
    finally:
        path.chmod(0o600)


def test_png_is_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert "binary" in refusal(write(tmp_path, "photo.txt", png))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "a ZIP archive"),
    ],
    ids=["pdf", "docx"],
)
def test_documents_are_refused_with_what_to_do(tmp_path: Path, data: bytes, kind: str) -> None:
    message = refusal(write(tmp_path, "interview.txt", data))
    assert kind in message
    assert "export it as plain text" in message


def test_nul_laden_file_is_binary(tmp_path: Path) -> None:
    data = b"Q: what\x00\x00\x00 is this?\x00\nAnswer: \x00\x01\x02 nothing\n"
    assert "binary" in refusal(write(tmp_path, "dump.txt", data))


def test_control_heavy_file_without_nul_is_binary(tmp_path: Path) -> None:
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 50 + b"some text"
    assert "binary" in refusal(write(tmp_path, "blob.bin", data))


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no real disk use
        handle.truncate(MAX_BYTES + 1)
    message = refusal(path)
    assert "too big" in message
    assert "50 MB" in message


def test_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert "not a regular file" in refusal(path)


def test_cli_refuses_binary_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert main(["clean", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == f"gloss: {path}: looks like a binary file, not text; give an interview text file\n"
    )


@pytest.mark.parametrize("command", ["clean", "outline"])
def test_real_process_reports_missing_file_without_traceback(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "tui", command, str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr


def test_chinese_gbk_file(tmp_path: Path) -> None:
    text = (
        "记者：2023年工业经济运行情况如何？\n"
        "答：我们有信心、有条件、有能力推动工业经济企稳回升。第一是加大稳增长政策供给。\n"
    )
    assert read_text(write(tmp_path, "gbk.txt", text.encode("gbk"))) == text
    assert read_text(write(tmp_path, "gb18030.txt", text.encode("gb18030"))) == text


@pytest.mark.parametrize(
    "text",
    [
        "Zürich Société Générale résumé “Ça va” — naïve façade, Málaga and Øresund.",
        "ÄÖÜäöüß " * 40,
    ],
)
def test_dense_western_text_is_not_taken_for_chinese(tmp_path: Path, text: str) -> None:
    assert read_text(write(tmp_path, "western.txt", text.encode("cp1252"))) == text


def test_utf8_with_stray_cp1252_bytes_keeps_its_utf8(tmp_path: Path) -> None:
    """A Word apostrophe pasted into a UTF-8 file must not turn every dash into mojibake."""
    data = "Go all out——Interview with “Jin” in the café.".encode() + b" It\x92s done \x96 yes."
    text = read_text(write(tmp_path, "mixed.txt", data))
    assert text == "Go all out——Interview with “Jin” in the café. It’s done – yes."
