"""Parsing XML from untrusted documents.

Office XML never needs a DTD, so any document type declaration is refused outright: that closes entity expansion
("billion laughs") and external entities whatever the parser does. lxml is then run with entity resolution,
network access and DTD loading off, and without ``huge_tree`` so libxml2 keeps its depth and size limits.
"""

from __future__ import annotations

import re

from lxml import etree

from ehcp_analysis.readers import errors

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
# The prolog: XML declaration, comments, processing instructions and whitespace before the root element.
_ROOT_START = re.compile(rb"<[^?!]")


def parse(data: bytes) -> etree._Element:
    match = _ROOT_START.search(data)
    prolog = data[: match.start()] if match else data
    if b"<!DOCTYPE" in prolog.upper():
        errors.fail(errors.UNSAFE, "The document contains a type declaration that is not allowed in Office files.")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower() or "huge" in str(exc).lower():
            errors.fail(errors.UNSAFE, "The document structure is nested too deeply and was not read.")
        errors.fail(errors.CORRUPT, "The document is damaged or incomplete: its text could not be parsed.")
    except (ValueError, MemoryError, RecursionError):
        errors.fail(errors.CORRUPT, "The document is damaged or incomplete: its text could not be parsed.")
    if root is None:
        errors.fail(errors.CORRUPT, "The document is damaged or incomplete: its text could not be parsed.")
    return root
