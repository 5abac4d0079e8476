"""Names enter SQL only through store.sql: plain identifiers, double-quoted; anything else is refused."""
import sqlite3

import pytest

from coal_monitor.store import schema
from coal_monitor.store.sql import ident, idents, placeholders, statement


@pytest.mark.parametrize("bad", ["heaps; DROP TABLE port", 'a"b', "1abc", "", "heap uid", "x--", None, 3])
def test_not_an_identifier_is_refused_with_the_name_in_the_message(bad):
    with pytest.raises(ValueError, match="not a plain SQL identifier"):
        ident(bad)


def test_every_schema_name_passes_and_is_quoted():
    names = [schema.HEAPS, schema.SCENES, schema.PORT]
    assert [ident(n) for n in names] == [f'"{n}"' for n in names]


def test_statement_quotes_names_and_lists_and_sqlite_runs_it():
    connection = sqlite3.connect(":memory:")
    connection.execute('CREATE TABLE "heaps" (fid INTEGER PRIMARY KEY, label TEXT, "order" TEXT)')
    row = {"label": "north pile", "order": "first"}
    connection.execute(statement("INSERT INTO {t} ({columns}) VALUES (", t="heaps", columns=row)
                       + placeholders(len(row)) + ")", tuple(row.values()))
    got = connection.execute(statement("SELECT {c} FROM {t}", t="heaps", c=["label", "order"])).fetchall()
    assert got == [("north pile", "first")]


def test_an_empty_column_list_is_refused():
    with pytest.raises(ValueError, match="empty column list"):
        idents([])
