"""Small coded REFI-QDA projects written the way other QDA tools write them.

Each builder follows what one tool emits (read from their exports and QualCoder's REFI
code): the folder is ``Sources/`` or ``sources/``; the coder is on the coding, or only
on the selection (ATLAS.ti); one selection carries several codes (MAXQDA) or several
coders' codings; notes are a selection's ``Description`` (QualCoder), a ``Note`` with a
``NoteRef`` (MAXQDA) or a ``Note`` joined by a ``Link`` (NVivo); texts are UTF-8 with or
without a BOM, Windows-1252, or inline ``PlainTextContent``; a CRLF counts as one
character in ATLAS.ti; sources are inside the zip or beside it (``relative://``,
``absolute://``). Each project says which passages it codes, so a test can check that
exactly those words arrive.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

NS = "urn:QDA-XML:project:1.0"
ANA = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
BOB = "AD68FBE7-E1EE-4A82-A279-23CC698C89EB"
TALK = (
    "Interviewer: Café owners said what about the tax relief?\n"
    "Zoë Ünal: The relief — 𝔊reat news — let us hire two more staff. "
    "But the paperwork was a nightmare.\n"
    "Interviewer: And the banks?\n"
    "Zoë Ünal: The banks would not lend to us at all.\n"
)
CODES = {
    "policy": "1B594544-2954-4B67-86FF-FB552F090BA8",
    "policy/tax relief": "2dfba8c9-59f5-4424-99d6-ea9bce18134b",
    "finance": "9F43FE32-C2CB-4BA8-B766-A0734C826E49",
    "finance/banks": "d342cd5e-52d1-4894-a342-7d42ed947797",
    "hiring": "0bd904ef-7dff-47d6-a94e-f47e9134a596",
}
COLOURS = {"policy/tax relief": "#C8A2C8", "finance": "#0a0", "hiring": "#FF8000"}
DESCRIPTIONS = {"finance/banks": "Access to bank credit.", "policy": "Anything about policy."}


@dataclass(frozen=True)
class Expected:
    """One coder's coding of one passage, as the importing user should find it."""

    quote: str
    tags: tuple[str, ...]
    author: str
    note: str = ""


@dataclass
class Built:
    path: Path
    expected: list[Expected] = field(default_factory=list)


def codebook_xml() -> str:
    def code(path: str) -> str:
        name = path.rsplit("/", 1)[-1]
        colour = f' color="{COLOURS[path]}"' if path in COLOURS else ""
        inner = (
            f"<Description>{escape(DESCRIPTIONS[path])}</Description>"
            if path in DESCRIPTIONS
            else ""
        )
        inner += "".join(code(p) for p in CODES if p.rsplit("/", 1)[0] == path and p != path)
        head = f'<Code guid="{CODES[path]}" name="{escape(name)}" isCodable="true"{colour}>'
        return f"{head}{inner}</Code>"

    roots = [p for p in CODES if "/" not in p]
    return "<CodeBook><Codes>" + "".join(code(p) for p in roots) + "</Codes></CodeBook>"


def users_xml() -> str:
    return (
        f'<Users><User guid="{ANA}" name="Ana Lima" id="AL"/>'
        f'<User guid="{BOB}" name="bob" id="B"/></Users>'
    )


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def project_xml(origin: str, body: str, base_path: str | None = None) -> str:
    base = f' basePath="{escape(base_path)}"' if base_path else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="cafés" origin="{origin}"{base} '
        f'creatingUserGUID="{ANA}" creationDateTime="2024-03-01T10:00:00Z">'
        f"{users_xml()}{codebook_xml()}{body}</Project>"
    )


def write_zip(path: Path, qde: str, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("project.qde", qde.encode("utf-8"))
        for name, data in files.items():
            package.writestr(name, data)
    return path


def maxqda(tmp: Path) -> Built:
    """MAXQDA: ``Sources/``, UTF-8 with a BOM, several codes on one selection, the coder
    on each coding, a memo as Note + NoteRef, a comment-only selection."""
    built = Built(tmp / "maxqda.qdpx")
    relief = span(TALK, "The relief — 𝔊reat news — let us hire two more staff.")
    banks = span(TALK, "The banks would not lend to us at all.")
    paperwork = span(TALK, "the paperwork was a nightmare")
    body = (
        '<Sources><TextSource guid="631251CC-9FB4-4131-BEA8-35947084C409" name="Zoë.docx" '
        'plainTextPath="internal://631251CC-9FB4-4131-BEA8-35947084C409.txt" '
        f'creatingUser="{ANA}">'
        f'<PlainTextSelection guid="08CBCED0-D736-44C8-8FD6-EB4D29FE46C5" name="relief" '
        f'startPosition="{relief[0]}" endPosition="{relief[1]}" creatingUser="{ANA}" '
        'creationDateTime="2024-03-02T09:30:00Z">'
        f'<Coding guid="76414714-63C4-4A25-A47E-66FEF80BD52E" creatingUser="{ANA}">'
        f'<CodeRef targetGUID="{CODES["policy/tax relief"]}"/></Coding>'
        f'<Coding guid="7A7E80CA-ED8C-4006-86B3-731E36BACA19" creatingUser="{ANA}">'
        f'<CodeRef targetGUID="{CODES["hiring"]}"/></Coding>'
        '<NoteRef targetGUID="4691A8A0-D67C-4DCC-91D6-E9075DC230CC"/>'
        "</PlainTextSelection>"
        f'<PlainTextSelection guid="95916796-D0A0-4B49-80B0-5A5C8B94AE13" '
        f'startPosition="{banks[0]}" endPosition="{banks[1]}" creatingUser="{BOB}">'
        f'<Coding guid="5C931701-6CD4-4A2B-A553-F1DDE2EAC46D" creatingUser="{BOB}">'
        f'<CodeRef targetGUID="{CODES["finance/banks"]}"/></Coding></PlainTextSelection>'
        f'<PlainTextSelection guid="04980E59-B290-4481-8CB6-E732824440A1" '
        f'startPosition="{paperwork[0]}" endPosition="{paperwork[1]}" creatingUser="{BOB}">'
        "<Description>Red tape again</Description></PlainTextSelection>"
        "</TextSource></Sources>"
        '<Notes><Note guid="4691A8A0-D67C-4DCC-91D6-E9075DC230CC" name="Memo" '
        f'creatingUser="{ANA}"><PlainTextContent>Relief → jobs, as she says.</PlainTextContent>'
        "</Note></Notes>"
    )
    write_zip(
        built.path,
        project_xml("MAXQDA 2022 (Release 22.7.0)", body),
        {"Sources/631251CC-9FB4-4131-BEA8-35947084C409.txt": b"\xef\xbb\xbf" + TALK.encode()},
    )
    built.expected = [
        Expected(TALK[slice(*relief)], ("hiring", "policy/tax relief"), "Ana Lima",
                 "Relief → jobs, as she says."),
        Expected(TALK[slice(*banks)], ("finance/banks",), "bob"),
        Expected(TALK[slice(*paperwork)], (), "bob", "Red tape again"),
    ]  # fmt: skip
    return built


def atlas(tmp: Path) -> Built:
    """ATLAS.ti: ``sources/``, CRLF text whose positions count a CRLF as one character,
    the coder only on the selection, a comment as Description."""
    built = Built(tmp / "atlas.qdpx")
    text = TALK  # positions in ATLAS.ti count the LF-only text
    banks = span(text, "The banks would not lend to us at all.")
    both = span(text, "Café owners said what about the tax relief?")
    body = (
        '<Sources><TextSource guid="9DDD19C4-168C-4103-BBAD-08D4BD10A145" name="Zoë Ünal" '
        'plainTextPath="internal://9DDD19C4-168C-4103-BBAD-08D4BD10A145.txt">'
        f'<PlainTextSelection guid="D61907B2-D0D4-48DC-B8B7-5E4F7AE5FAA6" '
        f'startPosition="{banks[0]}" endPosition="{banks[1]}" creatingUser="{BOB}" '
        'creationDateTime="2024-03-05T12:00:00Z" modifiedDateTime="2024-03-06T12:00:00Z">'
        "<Description>Credit is the real problem.</Description>"
        '<Coding guid="EE856EF0-6296-4FD3-8E5A-5E3D202A145C">'
        f'<CodeRef targetGUID="{CODES["finance/banks"]}"/></Coding>'
        '<Coding guid="F1D221E5-FA3A-4B9A-865C-7712CD428C62">'
        f'<CodeRef targetGUID="{CODES["finance"]}"/></Coding></PlainTextSelection>'
        f'<PlainTextSelection guid="142EB46D-612E-4593-A385-D0E5D04D1288" '
        f'startPosition="{both[0]}" endPosition="{both[1]}" creatingUser="{ANA}">'
        f'<Coding guid="0EF270BA-47AD-4107-B78F-7697362BCA44" creatingUser="{ANA}">'
        f'<CodeRef targetGUID="{CODES["policy"]}"/></Coding>'
        f'<Coding guid="04EBEC7D-EAB4-43FC-8167-ADB14F921143" creatingUser="{BOB}">'
        f'<CodeRef targetGUID="{CODES["policy/tax relief"]}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources>"
    )
    crlf = text.replace("\n", "\r\n").encode("utf-8")
    write_zip(
        built.path,
        project_xml("ATLAS.ti Windows 23.2.1", body),
        {"sources/9DDD19C4-168C-4103-BBAD-08D4BD10A145.txt": crlf},
    )
    built.expected = [
        Expected(text[slice(*banks)], ("finance", "finance/banks"), "bob",
                 "Credit is the real problem."),
        Expected(text[slice(*both)], ("policy",), "Ana Lima"),
        Expected(text[slice(*both)], ("policy/tax relief",), "bob"),
    ]  # fmt: skip
    return built


LEGACY = "Interviewer: Was it hard?\nRenée: Très dur — the café nearly closed.\n"


def qualcoder(tmp: Path) -> Built:
    """QualCoder: the coder on selection and coding, memo as Description, one selection
    per code; a second source in Windows-1252 beside the project (``relative://`` from
    ``basePath``), a third inline, and NVivo-style Link notes."""
    built = Built(tmp / "qualcoder.qdpx")
    beside = tmp / "media"
    beside.mkdir()
    (beside / "renee.txt").write_bytes(LEGACY.encode("cp1252"))
    dur = span(LEGACY, "Très dur — the café nearly closed.")
    inline = "Q: Any help?\nA: None at all, señor.\n"
    none = span(inline, "None at all, señor.")
    relief = span(TALK, "tax relief")

    def selection(guid: str, where: tuple[int, int], user: str, code: str, memo: str = "") -> str:
        description = f"<Description>{escape(memo)}</Description>" if memo else ""
        return (
            f'<PlainTextSelection guid="{guid}" name="x" startPosition="{where[0]}" '
            f'endPosition="{where[1]}" creatingUser="{user}" '
            f'creationDateTime="2024-04-01T08:00:00Z">{description}'
            f'<Coding guid="{guid[:-4]}ffff" creatingUser="{user}">'
            f'<CodeRef targetGUID="{CODES[code]}"/></Coding></PlainTextSelection>'
        )

    body = (
        "<Sources>"
        '<TextSource guid="e92903a3-0fdb-473d-9ae2-58b8d1d68014" name="Zoë" '
        'plainTextPath="internal://e92903a3-0fdb-473d-9ae2-58b8d1d68014.txt">'
        + selection("a1f1ce0d-67be-a76d-c942-7d42ed940001", relief, ANA, "policy/tax relief",
                    "Her words, not mine")
        + selection("a1f1ce0d-67be-a76d-c942-7d42ed940002", relief, BOB, "policy/tax relief")
        + "</TextSource>"
        '<TextSource guid="3ba84074-e1af-4234-9773-1a71bb5c54de" name="renee.txt" '
        'plainTextPath="relative:///renee.txt">'
        + selection("b1f1ce0d-67be-a76d-c942-7d42ed940003", dur, BOB, "finance")
        + "</TextSource>"
        f'<TextSource guid="96868d37-d832-4d19-bf5e-9bd0792ab8e2" name="inline notes">'
        f"<PlainTextContent>{escape(inline)}</PlainTextContent>"
        + selection("c1f1ce0d-67be-a76d-c942-7d42ed940004", none, ANA, "policy")
        + "</TextSource></Sources>"
        '<Notes><Note guid="0f758eeb-d61d-4e91-b250-79861c3869a6" name="annotation">'
        "<PlainTextContent>Ironic?</PlainTextContent></Note></Notes>"
        '<Links><Link guid="46467993-b426-49dd-9707-b5958eba9870" '
        'originGUID="0f758eeb-d61d-4e91-b250-79861c3869a6" '
        'targetGUID="c1f1ce0d-67be-a76d-c942-7d42ed940004"/></Links>'
    )  # fmt: skip
    write_zip(
        built.path,
        project_xml("QualCoder 3.5", body, base_path=str(beside)),
        {"Sources/e92903a3-0fdb-473d-9ae2-58b8d1d68014.txt": TALK.encode()},
    )
    built.expected = [
        Expected("tax relief", ("policy/tax relief",), "Ana Lima", "Her words, not mine"),
        Expected("tax relief", ("policy/tax relief",), "bob"),
        Expected(LEGACY[slice(*dur)], ("finance",), "bob"),
        Expected(inline[slice(*none)], ("policy",), "Ana Lima", "Ironic?"),
    ]
    return built
