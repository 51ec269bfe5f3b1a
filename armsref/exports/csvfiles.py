"""CSV files of the dataset's tables, whole and safe to open in a spreadsheet.

One file per table (``systems.csv``, ``variants.csv``, ``sources.csv``,
``claims.csv``) in a folder, or one table in one file. Each is UTF-8 with a
byte-order mark, so that a spreadsheet opens the quotes' curly quotes and
dashes as written (Python reads it back with ``encoding="utf-8-sig"``;
pandas with its default). Values are never shortened; a text cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
single quote in front so that it cannot run as a formula, and numbers stay
numbers (the rule: :mod:`armsref.views.cells`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from armsref.views.cells import write_delimited
from armsref.views.columns import describe
from armsref.views.rows import Row

__all__ = ["ENCODING", "write_csv", "write_csv_folder"]

#: What the CSV files are written in: UTF-8, with a byte-order mark for spreadsheets.
ENCODING = "utf-8-sig"


def write_csv(path: Path, table: str, rows: Sequence[Row], *, safe: bool = True) -> None:
    """Write one table's rows to ``path``, a header line first."""
    names = describe(table).names
    with path.open("w", encoding=ENCODING if safe else "utf-8", newline="") as stream:
        write_delimited(stream, names, ([row[name] for name in names] for row in rows), safe=safe)


def write_csv_folder(folder: Path, tables: Mapping[str, Sequence[Row]]) -> list[Path]:
    """Write each table to ``folder/TABLE.csv``; return the files written."""
    written = []
    for table, rows in tables.items():
        path = folder / f"{table}.csv"
        write_csv(path, table, rows)
        written.append(path)
    return written
