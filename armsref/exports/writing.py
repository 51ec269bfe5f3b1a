"""``export``: the dataset written in one of the export formats, whole or not at all.

========== ======================================================================
format     ``path`` is
========== ======================================================================
csv        a folder of ``systems.csv``, ``variants.csv``, ``sources.csv``,
           ``claims.csv``; with ``table``, one CSV file of that table
jsonl      one JSON Lines file, every table (or only ``table``), each row with
           its ``table``
sqlite     a SQLite database file; ``NAME.metadata.json`` is written beside it
           for Datasette
datapackage a folder: ``datapackage.json`` and ``data/TABLE.csv``
========== ======================================================================

Every file or folder is written under a temporary name beside its target and
renamed into place (:mod:`armsref.exports.staging`); an existing target is
replaced only with ``force``. Claims of every status are written, each with
its ``status``, unless ``include`` says otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from armsref.errors import InputError, expect
from armsref.exports.staging import check_target, staged

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.views.rows import Row

__all__ = ["FORMATS", "export"]

#: The export formats.
FORMATS = ("csv", "jsonl", "sqlite", "datapackage")
#: The formats that can write one table alone.
ONE_TABLE = ("csv", "jsonl")


def _check(fmt: str, table: str | None) -> None:
    from armsref.views.columns import describe

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if table is not None:
        if fmt not in ONE_TABLE:
            raise InputError(f"a {fmt} export holds every table; 'table' is for csv or jsonl")
        describe(table)


def export(
    fmt: str,
    path: str | os.PathLike[str],
    *,
    dataset: Dataset | None = None,
    unit: str = "km",
    include: str = "all",
    table: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the dataset to ``path`` in ``fmt``; return the files and folders written.

    Args:
        fmt: ``csv``, ``jsonl``, ``sqlite`` or ``datapackage``.
        path: the file or folder to write (see the table above).
        dataset: the dataset (default: :func:`armsref.load`).
        unit: the unit of the claims' ``converted_*`` columns.
        include: which claims by status: ``"all"`` (default), ``"default"``
            or ``"accepted"``.
        table: only this table (``csv`` and ``jsonl``).
        force: replace what is already at ``path``.

    Raises:
        InputError: an unknown format, table, unit or choice of claims; a
            missing folder; sqlite-utils missing for ``sqlite``.
        DuplicateError: ``path`` exists and ``force`` is not given.
    """
    from armsref.dataset.loading import load
    from armsref.views.rows import all_rows, flat_rows

    expect(fmt, "fmt", str, "a format name (str)")
    expect(path, "path", (str, os.PathLike), "a path (str or os.PathLike)")
    _check(fmt, table)
    target = Path(path)
    folder = fmt == "datapackage" or (fmt == "csv" and table is None)
    check_target(target, folder=folder, force=force)
    dataset = dataset or load()
    if table is not None:
        tables = {table: flat_rows(table, dataset, unit=unit, include=include)}
    else:
        tables = all_rows(dataset, unit=unit, include=include)
    if fmt == "sqlite":
        return _sqlite(target, tables, force)
    with staged(target, force=force, folder=folder) as temp:
        if fmt == "csv" and table is not None:
            from armsref.exports.csvfiles import write_csv

            write_csv(temp, table, tables[table])
        elif fmt == "csv":
            from armsref.exports.csvfiles import write_csv_folder

            write_csv_folder(temp, tables)
        elif fmt == "jsonl":
            from armsref.exports.jsonlines import write_jsonl

            with temp.open("w", encoding="utf-8", newline="\n") as stream:
                write_jsonl(stream, tables)
        else:
            from armsref.exports.datapackage import write_datapackage

            write_datapackage(temp, tables)
    return [target]


def _sqlite(target: Path, tables: dict[str, list[Row]], force: bool) -> list[Path]:
    import json

    from armsref.exports.datasette import metadata, metadata_path
    from armsref.exports.sqlitedb import write_sqlite

    beside = metadata_path(target)
    check_target(beside, folder=False, force=force)
    text = json.dumps(metadata(target.stem), ensure_ascii=False, indent=2) + "\n"
    with staged(target, force=force) as temp_db, staged(beside, force=force) as temp_meta:
        write_sqlite(temp_db, tables)
        temp_meta.write_text(text, encoding="utf-8")
    return [target, beside]
