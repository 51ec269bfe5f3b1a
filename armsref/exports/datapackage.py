"""A Frictionless data package: ``datapackage.json``, the tables as CSV, their schemas.

The folder holds ``datapackage.json`` and ``data/TABLE.csv`` for each table.
Each resource has a Table Schema with the columns' types and descriptions
(:mod:`armsref.views.columns`), its primary key and its foreign keys, so that
``frictionless validate datapackage.json`` checks types, keys and references.

The CSVs here are plain UTF-8 and hold every value exactly as it is: they are
data for programs that read the schema, so no cell is changed to keep a
spreadsheet from running it (the ``csv`` export does that).

Examples:
    >>> resource = descriptor()["resources"][1]
    >>> resource["name"], resource["path"], resource["schema"]["primaryKey"]
    ('variants', 'data/variants.csv', ['system', 'id'])
    >>> resource["schema"]["foreignKeys"]
    [{'fields': ['system'], 'reference': {'resource': 'systems', 'fields': ['id']}}]
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from armsref.exports.csvfiles import write_csv
from armsref.exports.datasette import DESCRIPTION, LICENSE, LICENSE_URL, TITLE
from armsref.views.columns import TABLES, Table
from armsref.views.rows import Row

__all__ = ["descriptor", "write_datapackage"]


def _schema(table: Table) -> dict[str, Any]:
    return {
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description} for c in table.columns
        ],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
        "foreignKeys": [
            {"fields": [key.column], "reference": {"resource": key.table, "fields": [key.other]}}
            for key in table.foreign_keys
        ],
    }


def descriptor() -> dict[str, Any]:
    """The ``datapackage.json`` of the package."""
    from armsref import __version__

    return {
        "name": "armsref",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "licenses": [{"name": LICENSE, "path": LICENSE_URL, "title": "MIT License"}],
        "resources": [
            {
                "name": table.name,
                "path": f"data/{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": _schema(table),
            }
            for table in TABLES.values()
        ],
    }


def write_datapackage(folder: Path, tables: Mapping[str, Sequence[Row]]) -> None:
    """Write the package into ``folder`` (new and empty)."""
    (folder / "data").mkdir()
    for name in TABLES:
        write_csv(folder / "data" / f"{name}.csv", name, tables.get(name, ()), safe=False)
    text = json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
