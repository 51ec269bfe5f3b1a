"""The four flat tables every export writes, described once: columns, types, keys.

``systems``, ``variants``, ``sources`` and ``claims``: each column has a name,
a type (``string``, ``number``, ``integer``, ``boolean`` or ``date``, as
Frictionless Table Schema names them) and a description. The SQLite export
takes its column types, keys and the Datasette column descriptions from here,
the data package its table schemas, :func:`armsref.frame` its column order.
:mod:`armsref.views.rows` builds the rows.

The keys follow the rest of armsref's output: ``system`` is always a system's
id and ``name`` a full name; ``value``/``low``/``high`` and ``unit`` are the
figure as the source writes it, ``converted_*`` the same figure in the unit
asked for.

Examples:
    >>> [column.name for column in TABLES["variants"].columns]
    ['system', 'id', 'name', 'designations', 'aliases']
    >>> TABLES["claims"].foreign_keys[0]
    ForeignKey(column='system', table='systems', other='id')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["TABLES", "Column", "ForeignKey", "Table", "TableName", "describe"]

ColumnType = Literal["string", "number", "integer", "boolean", "date"]
TableName = Literal["systems", "variants", "sources", "claims"]


@dataclass(frozen=True)
class Column:
    """One column: its name, type and what it holds."""

    name: str
    type: ColumnType
    description: str


@dataclass(frozen=True)
class ForeignKey:
    """``column`` of this table holds an ``other`` of ``table``."""

    column: str
    table: str
    other: str


@dataclass(frozen=True)
class Table:
    """A table: its columns in order, its primary key and its foreign keys."""

    name: TableName
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> list[str]:
        """The column names, in order."""
        return [column.name for column in self.columns]


def _columns(*specs: tuple[str, ColumnType, str]) -> tuple[Column, ...]:
    return tuple(Column(name, kind, text) for name, kind, text in specs)


_LIST = "; separated"

TABLES: dict[TableName, Table] = {
    "systems": Table(
        "systems",
        "The weapon systems the dataset gives ranges for, one row each.",
        _columns(
            ("id", "string", "the system's id, as every other table names it"),
            ("name", "string", "the system's full name"),
            ("short", "string", "the name it is usually known by"),
            ("kind", "string", "what kind of weapon it is"),
            ("origin", "string", "the country that makes it"),
            ("designations", "string", f"official designations, {_LIST}"),
            ("aliases", "string", f"other names texts use, {_LIST}"),
        ),
        ("id",),
    ),
    "variants": Table(
        "variants",
        "The versions of a system sources tell apart, one row each.",
        _columns(
            ("system", "string", "the id of the system it is a version of"),
            ("id", "string", "the variant's id, unique within its system"),
            ("name", "string", "the variant's full name"),
            ("designations", "string", f"official designations, {_LIST}"),
            ("aliases", "string", f"other names texts use, {_LIST}"),
        ),
        ("system", "id"),
        (ForeignKey("system", "systems", "id"),),
    ),
    "sources": Table(
        "sources",
        "The published documents the dataset quotes, one row each; a copy of each is kept "
        "under seeds/ as evidence for its quotes.",
        _columns(
            ("id", "string", "the source's id, as claims name it"),
            ("file", "string", "the document's path in the dataset (under seeds/)"),
            ("outlet", "string", "the publisher, where the text states it; empty if not"),
            ("title", "string", "the headline, where known"),
            ("published", "date", "the date of publication, where known"),
            ("url", "string", "where the document was published"),
            ("retrieved", "date", "the day it was read there, where recorded"),
            ("archive_url", "string", "a permanent copy, where one exists"),
            ("sha256", "string", "the SHA-256 of the document's bytes"),
            ("cite", "string", "a 'cite as' line: outlet, title, date, address"),
        ),
        ("id",),
    ),
    "claims": Table(
        "claims",
        "Every range figure a source attributes to a system, with the verbatim quote that "
        "states it and the review status.",
        _columns(
            ("id", "string", "the claim's id, short and never changed"),
            ("system", "string", "the id of the system the figure is given to"),
            ("variant", "string", "the id of the variant it is given to, if any"),
            ("source", "string", "the id of the source that states it"),
            ("status", "string", "accepted, unreviewed or rejected"),
            ("reason", "string", "why it was rejected, if it was"),
            ("qualifier", "string", "exact, about, above, at_least, up_to, below or between"),
            ("approximate", "boolean", "a stacked hedge: 'up to about'"),
            ("condition", "string", "what the figure holds for ('against aircraft'), if said"),
            ("figure", "string", "the figure with its hedge, as the source writes it"),
            ("value", "number", "the figure as written (empty for 'between')"),
            ("low", "number", "the lower figure of a 'between', as written"),
            ("high", "number", "the higher figure of a 'between', as written"),
            ("unit", "string", "the unit as the source writes it"),
            ("converted_figure", "string", "the figure in converted_unit, rounded as stated"),
            ("converted_value", "number", "value, exactly converted to converted_unit"),
            ("converted_low", "number", "low, exactly converted to converted_unit"),
            ("converted_high", "number", "high, exactly converted to converted_unit"),
            ("converted_unit", "string", "the unit the figure was converted to"),
            ("also_value", "number", "the same figure in a second unit, as the source gives it"),
            ("also_low", "number", "the second unit's lower figure of a 'between'"),
            ("also_high", "number", "the second unit's higher figure of a 'between'"),
            ("also_unit", "string", "the second unit, as the source writes it"),
            ("quote", "string", "the source's own words that state the figure, whole"),
            ("file", "string", "the source document's path in the dataset"),
            ("outlet", "string", "the source's publisher, where known"),
            ("title", "string", "the source's headline, where known"),
            ("published", "date", "the source's date of publication, where known"),
            ("url", "string", "where the source was published"),
        ),
        ("id",),
        (
            ForeignKey("system", "systems", "id"),
            ForeignKey("source", "sources", "id"),
        ),
    ),
}


def describe(table: str) -> Table:
    """The table named ``table``.

    Raises:
        InputError: no such table (a ``ValueError``), naming the ones there are.
    """
    from armsref.errors import InputError

    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return TABLES[table]
