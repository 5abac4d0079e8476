"""Table and column names in SQL statements: the one place they enter a statement, checked and quoted.

Values always travel as ``?`` parameters. Names cannot, so a statement is a literal template whose
``{placeholders}`` are filled with names that must be plain identifiers (they come from schema.py;
anything else is a programming error, refused before SQLite sees it) and are double-quoted for SQLite.
"""
import re
from typing import Iterable, Union

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def ident(name: str) -> str:
    """``name`` double-quoted, after checking it is a plain identifier."""
    if not isinstance(name, str) or not _IDENTIFIER.match(name):
        raise ValueError(f"{name!r} is not a plain SQL identifier (letters, digits and _, not starting with a digit); "
                         "table and column names come from coal_monitor/store/schema.py")
    return f'"{name}"'


def idents(names: Iterable[str]) -> str:
    """Several names, quoted and comma-separated (a column list)."""
    quoted = [ident(n) for n in names]
    if not quoted:
        raise ValueError("an empty column list cannot go into a statement")
    return ", ".join(quoted)


def statement(template: str, **names: Union[str, Iterable[str]]) -> str:
    """``template`` with each ``{key}`` replaced by the quoted name (a string) or quoted list (an iterable)."""
    return template.format(**{key: ident(v) if isinstance(v, str) else idents(v) for key, v in names.items()})


def placeholders(count: int) -> str:
    """``?, ?, ...``: one parameter marker per value."""
    return ", ".join("?" * count)
