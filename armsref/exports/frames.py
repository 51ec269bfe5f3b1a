"""``armsref.frame``: a table of the dataset, or the mentions in documents, as a pandas DataFrame.

``frame("claims")``, ``frame("sources")``, ``frame("systems")`` and
``frame("variants")`` hold the rows every export writes
(:mod:`armsref.views.rows`), one column per column of
:mod:`armsref.views.columns`, in order: numbers as floats (``NaN`` where a
claim has none), ``approximate`` as booleans, dates as ``datetime64``
(``NaT`` where unknown). Claims of every status are included, each with its
``status``; ``include="accepted"`` keeps the accepted ones.

``frame("mentions", paths=[...])`` scans documents (files; ``.html`` read as
their visible text) and ``frame("mentions", texts=...)`` texts (a mapping of
name to text, or a list of texts, named by position): one row per mention of
a system, with the columns ``document`` (the path, name or position),
``system`` (id), ``name`` (the system's full name), ``variant`` (id, or
``None``), ``start`` and ``end`` (character offsets) and ``surface`` (the
words as written).

pandas is an optional extra (``pip install 'armsref[pandas]'``), imported here
only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from armsref.errors import DocumentError, InputError, as_items, expect

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.scanning.mentions import Mention

__all__ = ["FRAMES", "MENTION_COLUMNS", "frame"]

#: The tables ``frame`` gives.
FRAMES = ("claims", "mentions", "sources", "systems", "variants")
MENTION_COLUMNS = ("document", "system", "name", "variant", "start", "end", "surface")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise InputError("armsref.frame needs pandas: pip install 'armsref[pandas]'") from None
    return pandas


def _mention_rows(document: object, mentions: Iterable[Mention]) -> list[tuple[object, ...]]:
    return [
        (document, m.system.id, m.system.name, m.variant, m.start, m.end, m.surface)
        for m in mentions
    ]


def _mentions(
    dataset: Dataset | None,
    paths: Sequence[str | os.PathLike[str]] | None,
    texts: Mapping[str, str] | Sequence[str] | None,
) -> list[tuple[object, ...]]:
    from armsref.scanning.documents import scan_file
    from armsref.scanning.mentions import scan

    if paths is None and texts is None:
        raise InputError("frame('mentions') needs the documents: paths=[...] or texts=...")
    found: list[tuple[object, ...]] = []
    for path in as_items(paths or [], "paths", (str, os.PathLike), "a path"):
        try:
            scanned = scan_file(path, dataset)
        except DocumentError:
            raise
        except InputError as problem:
            raise DocumentError(f"{os.fspath(path)}: {problem}") from None
        found.extend(_mention_rows(os.fspath(path), scanned.mentions))
    if isinstance(texts, Mapping):
        named: Iterable[tuple[object, str]] = texts.items()
    else:
        named = enumerate(as_items(texts or [], "texts", str, "a text (str)"))
    for name, text in named:
        expect(text, f"texts[{name!r}]", str, "a text (str)")
        found.extend(_mention_rows(name, scan(text, dataset)))
    return found


def frame(
    table: str = "claims",
    *,
    unit: str = "km",
    include: str = "all",
    dataset: Dataset | None = None,
    paths: Sequence[str | os.PathLike[str]] | None = None,
    texts: Mapping[str, str] | Sequence[str] | None = None,
) -> Any:
    """A table as a pandas DataFrame.

    Args:
        table: ``claims``, ``sources``, ``systems``, ``variants`` or ``mentions``.
        unit: the unit of the claims' ``converted_*`` columns.
        include: which claims by status: ``"all"`` (default), ``"default"``
            (accepted and unreviewed) or ``"accepted"``.
        dataset: the dataset (default: :func:`armsref.load`).
        paths: for ``mentions``, the documents to scan.
        texts: for ``mentions``, the texts to scan: a mapping of name to text,
            or a list of texts.

    Raises:
        InputError: an unknown table (a ``ValueError`` naming the tables there
            are), ``paths``/``texts`` given for a dataset table or missing for
            ``mentions``, or pandas not installed.
        DocumentError: a document in ``paths`` cannot be read (the message
            starts with its path).
        UnitError: an unknown unit.
    """
    expect(table, "table", str, "a table name (str)")
    if table not in FRAMES:
        raise InputError(f"unknown table {table!r}; choose one of {', '.join(FRAMES)}")
    if table != "mentions" and (paths is not None or texts is not None):
        raise InputError(f"paths= and texts= are for frame('mentions'), not {table!r}")
    pandas = _pandas()
    if table == "mentions":
        rows = _mentions(dataset, paths, texts)
        return pandas.DataFrame(rows, columns=list(MENTION_COLUMNS))
    from armsref.dataset.loading import load
    from armsref.views.columns import describe
    from armsref.views.rows import flat_rows

    spec = describe(table)
    data = flat_rows(table, dataset or load(), unit=unit, include=include)
    result = pandas.DataFrame(data, columns=spec.names)
    for column in spec.columns:
        if column.type == "number":
            result[column.name] = result[column.name].astype("float64")
        elif column.type == "boolean":
            result[column.name] = result[column.name].astype("bool")
        elif column.type == "date":
            result[column.name] = pandas.to_datetime(result[column.name], format="ISO8601")
    return result
