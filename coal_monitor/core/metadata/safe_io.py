"""Reading metadata files that may be hostile: size cap first, XML without DTDs, JSON with limits.

QGIS installs have no defusedxml, so XML goes through expat directly with every DTD hook set to
refuse: a document type declaration (which carries entity definitions: "billion laughs", external
entities reading local files or URLs) stops the parse before any entity exists. Vendor metadata
(DIMAP) never needs a DTD.
"""
import json
import os
from pathlib import Path
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from ..errors import InputError
from ..messages import QT_TR_NOOP

MAX_METADATA_BYTES = 5 * 1024 * 1024


def read_capped(path) -> bytes:
    """The file's bytes, refusing anything over MAX_METADATA_BYTES before reading it whole."""
    p = Path(path)
    try:
        size = os.stat(p).st_size
        if not p.is_file():
            raise InputError(QT_TR_NOOP("{path}: not a regular file; choose the scene's metadata file."),
                             path=p)
        if size > MAX_METADATA_BYTES:
            raise InputError(QT_TR_NOOP("{name}: {size_mb:.1f} MB is too large for a metadata file "
                                        "(limit {limit_mb:.0f} MB); it is not one, or it is damaged."),
                             name=p.name, size_mb=size / 1e6, limit_mb=MAX_METADATA_BYTES / 1e6)
        with open(p, "rb") as f:
            data = f.read(MAX_METADATA_BYTES + 1)
    except OSError as exc:
        raise InputError(QT_TR_NOOP("{path}: cannot be read ({reason})."),
                         path=p, reason=exc.strerror or exc) from None
    if len(data) > MAX_METADATA_BYTES:
        raise InputError(QT_TR_NOOP("{name}: grew past {limit_mb:.0f} MB while reading; not a "
                                    "metadata file."), name=p.name, limit_mb=MAX_METADATA_BYTES / 1e6)
    return data


class _Refused(Exception):
    pass


def _refuse(what):
    def handler(*_args):
        raise _Refused(what)
    return handler


def parse_xml(data: bytes, name: str) -> Element:
    """Root element of an XML document that has no DOCTYPE, no entity declarations, no external
    entities; anything else is refused with InputError before it can expand or fetch."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse("a DOCTYPE declaration")
    parser.EntityDeclHandler = _refuse("an entity declaration")
    parser.UnparsedEntityDeclHandler = _refuse("an unparsed entity declaration")
    parser.ExternalEntityRefHandler = _refuse("an external entity reference")
    parser.NotationDeclHandler = _refuse("a notation declaration")
    builder = TreeBuilder()
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = lambda tag: builder.end(tag)
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
        root = builder.close()
    except _Refused as exc:
        raise InputError(QT_TR_NOOP("{name}: refused because it contains {exc}; scene metadata never needs one, "
                                    "and such files can expand without limit or read other files."),
                         name=name, exc=exc) from None
    except expat.ExpatError as exc:
        raise InputError(QT_TR_NOOP("{name}: not well-formed XML ({error} at line "
                                    "{line})."),
                         name=name, error=expat.ErrorString(exc.code), line=exc.lineno) from None
    except (AssertionError, IndexError):
        raise InputError(QT_TR_NOOP("{name}: the XML ends before its elements are closed."), name=name) from None
    return root


def parse_json(data: bytes, name: str):
    """A JSON document; NaN/Infinity and absurd nesting are refused."""
    def no_constants(token):
        raise ValueError(f"non-standard number {token}")
    try:
        return json.loads(data.decode("utf-8-sig"), parse_constant=no_constants)
    except UnicodeDecodeError:
        raise InputError(QT_TR_NOOP("{name}: not UTF-8 text, so not a JSON metadata file."), name=name) from None
    except RecursionError:
        raise InputError(QT_TR_NOOP("{name}: JSON nested too deeply to be scene metadata."), name=name) from None
    except ValueError as exc:
        raise InputError(QT_TR_NOOP("{name}: not valid JSON ({exc})."), name=name, exc=exc) from None
