"""A SQLite database of the dataset, built with sqlite-utils, for Datasette and SQL.

Tables ``systems``, ``variants``, ``sources`` and ``claims``, with the columns
:mod:`armsref.views.columns` describes, typed (``TEXT``, ``REAL``,
``INTEGER``; dates as ISO ``TEXT``, booleans as 0 or 1), with primary keys
(``variants``: ``system`` and ``id``) and foreign keys (``claims.system`` and
``variants.system`` to ``systems.id``, ``claims.source`` to ``sources.id``),
and a full-text index on ``claims.quote`` (SQLite FTS5, the table
``claims_fts``; Datasette offers it as a search box and ``?_search=``).

sqlite-utils is an optional extra: ``pip install 'armsref[datasette]'``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from armsref.errors import InputError
from armsref.views.columns import TABLES
from armsref.views.rows import Row

__all__ = ["SEARCHABLE", "write_sqlite"]

#: The columns with a full-text index, by table.
SEARCHABLE = {"claims": ["quote"]}
_TYPES: dict[str, type] = {"string": str, "date": str, "number": float, "integer": int}


def _sqlite_utils() -> Any:
    try:
        import sqlite_utils
    except ImportError:
        raise InputError(
            "the sqlite export needs sqlite-utils: pip install 'armsref[datasette]'"
        ) from None
    return sqlite_utils


def write_sqlite(path: Path, tables: Mapping[str, Sequence[Row]]) -> None:
    """Write the tables into the SQLite database at ``path`` (new or empty).

    Raises:
        InputError: sqlite-utils is not installed (the message says how to add it).
    """
    sqlite_utils = _sqlite_utils()
    database = sqlite_utils.Database(path)
    try:
        database.execute("PRAGMA foreign_keys = ON")
        for name, spec in TABLES.items():
            columns = {c.name: _TYPES.get(c.type, int) for c in spec.columns}
            keys = [(key.column, key.table, key.other) for key in spec.foreign_keys]
            pk = spec.primary_key[0] if len(spec.primary_key) == 1 else spec.primary_key
            table = database[name]
            table.create(columns, pk=pk, foreign_keys=keys, not_null=set(spec.primary_key))
            table.insert_all([dict(row) for row in tables.get(name, ())])
        for searched_table, searched in SEARCHABLE.items():
            database[searched_table].enable_fts(searched)
        database.conn.commit()
    finally:
        database.close()
