"""The REFI-QDA 1.0 project schema: every project gloss writes or reads is checked
against it (``Project.xsd``, the standard's own file, MIT licensed, shipped here).

XML from another tool is untrusted: it is parsed with entities and external resources
refused (xmlschema's ``defuse="always"``), so a crafted file cannot expand entities
without bound or read files from this machine.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    import xmlschema

SCHEMA = Path(__file__).with_name("Project.xsd")
NS = "urn:QDA-XML:project:1.0"
"""The namespace of every element of a project."""


class InvalidProject(ValueError):
    """XML that is not a valid REFI-QDA 1.0 project; the message says where and why."""


@cache
def project_schema() -> xmlschema.XMLSchema10:
    """The schema, loaded once (xmlschema itself only when a project is handled)."""
    import xmlschema

    return xmlschema.XMLSchema10(str(SCHEMA))


def parse_valid(data: bytes) -> Element:
    """The root element of ``data`` if it is a valid project; InvalidProject if not."""
    import xmlschema

    try:
        resource = xmlschema.XMLResource(data, defuse="always")
    except (xmlschema.XMLResourceError, SyntaxError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InvalidProject(f"not well-formed XML ({reason})") from None
    first = next(iter(project_schema().iter_errors(resource)), None)
    if first is not None:
        raise InvalidProject(_reason(first))
    root: Element = resource.root
    return root


def _reason(error: xmlschema.XMLSchemaValidationError) -> str:
    """One line: what is wrong and at which element (its path, without namespaces)."""
    reason = " ".join((error.reason or "does not match the schema").split())
    where = (error.path or "").replace(f"{{{NS}}}", "")
    return f"{reason} (at {where})" if where else reason
