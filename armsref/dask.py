"""Scanning and extraction on a Dask cluster: bags, DataFrame partitions, Parquet out.

Dask does the distributing (scheduling, moving data, retrying a task whose
worker died); armsref gives it functions over plain data:

- :func:`scan_bag` maps a bag of texts, or of ``(id, text)`` pairs, to one
  result per document: the keys of ``armsref scan --json``, ``path`` being the
  id (the position in its partition for bare texts);
- :func:`extract_bag` maps the same to the range figures each gives;
- :func:`scan_frame` is a partition function for Dask DataFrames
  (``frame.map_partitions(scan_frame, meta=scan_frame_meta())``): one row
  per document and system mentioned;
- :func:`scan_to_parquet` (``armsref scan --scheduler URL --output DIR``)
  scans files, folders and corpus files on a cluster and writes one Parquet
  file per partition.

Failures: the scheduler runs again the tasks of a worker that dies, and
:func:`scan_to_parquet` asks for :data:`RETRIES` more tries of a task that
raises. A partition is a pure function of its files and is written to a
temporary name then renamed, so a task run twice leaves one whole file.

Tasks carry only the dataset's folder, never a compiled matcher: each worker
process loads the dataset and builds its matcher once, on its first task, from
the on-disk cache of compiled databases or by compiling (see
:mod:`armsref.scanning.engine`); later tasks in that process reuse it. Files
are read by the workers, so they must see the same paths (a shared or copied
file system).

Needs the ``armsref[dask]`` extra (dask, distributed, pandas, pyarrow).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from dask.bag import Bag

    from armsref.corpora.records import Fields
    from armsref.dataset.models import Dataset
    from armsref.scanning.documents import DocumentScan

__all__ = [
    "extract_bag",
    "scan_bag",
    "scan_frame",
    "scan_frame_meta",
    "scan_partition",
    "scan_to_parquet",
]

#: At most this many files go to one partition of :func:`scan_to_parquet`.
FILES_PER_PARTITION = 2048
#: How many times a partition whose task failed is run again (a lost worker's tasks
#: are run again by the scheduler in any case).
RETRIES = 2


def _dataset(root: str | None) -> Dataset:
    """In a worker: the dataset, loaded once per process (later calls hit the cache)."""
    from armsref.dataset.loading import load

    return load(root)


def _root(dataset: Dataset | None) -> str | None:
    return None if dataset is None else str(dataset.root)


def _named(texts: Iterable[object]) -> Iterable[tuple[str, str]]:
    for position, element in enumerate(texts):
        if isinstance(element, str):
            yield str(position), element
        else:
            pair = cast("tuple[object, object]", element)
            yield str(pair[0]), str(pair[1])


def scan_partition(texts: Iterable[object], root: str | None = None) -> list[dict[str, Any]]:
    """Scan a partition of texts or ``(id, text)`` pairs; one plain result each."""
    from armsref.corpora.corpusscan import as_row, scan_record
    from armsref.corpora.records import Record

    dataset = _dataset(root)
    return [
        as_row(scan_record(Record(ident, text), dataset, keep=False))
        for ident, text in _named(texts)
    ]


def scan_bag(bag: Bag, dataset: Dataset | None = None) -> Bag:
    """A bag of texts or ``(id, text)`` pairs mapped to one scan result (a dict) each."""
    return bag.map_partitions(scan_partition, _root(dataset))


def _finding(finding: Any) -> dict[str, Any]:
    also = finding.also
    return {
        "system": finding.system_id,
        "value": finding.value,
        "low": finding.low,
        "high": finding.high,
        "unit": finding.unit,
        "qualifier": finding.qualifier,
        "also": None
        if also is None
        else {"value": also.value, "low": also.low, "high": also.high, "unit": also.unit},
        "quote": finding.quote,
        "start": finding.start,
        "end": finding.end,
    }


def extract_partition(texts: Iterable[object], root: str | None = None) -> list[dict[str, Any]]:
    """Extract from a partition of texts or ``(id, text)`` pairs: ``{"id", "findings"}`` each."""
    from armsref.extraction.pipeline import extract

    dataset = _dataset(root)
    return [
        {"id": ident, "findings": [_finding(f) for f in extract(text, dataset)]}
        for ident, text in _named(texts)
    ]


def extract_bag(bag: Bag, dataset: Dataset | None = None) -> Bag:
    """A bag of texts or ``(id, text)`` pairs mapped to the range figures each gives."""
    return bag.map_partitions(extract_partition, _root(dataset))


_FRAME_COLUMNS = {
    "id": "object",
    "system": "object",
    "count": "int64",
    "line": "int64",
    "column": "int64",
    "offset": "int64",
}


def scan_frame_meta() -> Any:
    """The empty pandas DataFrame :func:`scan_frame` returns the columns of (for ``meta=``)."""
    import pandas

    return pandas.DataFrame(
        {name: pandas.Series(dtype=kind) for name, kind in _FRAME_COLUMNS.items()}
    )


def scan_frame(
    frame: Any, text_column: str = "text", id_column: str | None = None, root: str | None = None
) -> Any:
    """A partition function: one row per document and system it mentions.

    Args:
        frame: a pandas DataFrame (a partition) with a text column.
        text_column: the column with the documents' text.
        id_column: the column with their ids (default: the frame's index).
        root: the dataset's folder (default: the default dataset).
    """
    import pandas

    ids = frame.index if id_column is None else frame[id_column]
    rows = []
    for row in scan_partition(zip(ids, frame[text_column], strict=True), root):
        for tally in row["systems"]:
            rows.append(
                (
                    row["path"],
                    tally["id"],
                    tally["count"],
                    tally["line"],
                    tally["column"],
                    tally["offset"],
                )
            )
    if not rows:
        return scan_frame_meta()
    result = pandas.DataFrame(rows, columns=list(_FRAME_COLUMNS))
    return result.astype(_FRAME_COLUMNS)


def _scan_files(
    items: Sequence[str | DocumentScan], root: str | None, fields: Fields
) -> list[dict[str, Any]]:
    """In a worker: scan files (plain or corpus) and flatten each result."""
    from armsref.corpora.corpusscan import as_row, scan_items

    dataset = _dataset(root)
    found = scan_items(items, 1, dataset, keep_mentions=False, fields=fields)
    return [as_row(document) for document, _text in found]


def _schema() -> Any:
    import pyarrow as pa

    fields = [
        ("id", pa.string()),
        ("name", pa.string()),
        ("short", pa.string()),
        ("count", pa.int64()),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("offset", pa.int64()),
        ("variant_ids", pa.list_(pa.string())),
    ]
    system = pa.struct(fields)
    other = pa.struct([*fields, ("kind", pa.string())])
    return pa.schema(
        [
            ("path", pa.string()),
            ("ok", pa.bool_()),
            ("error", pa.string()),
            ("warning", pa.string()),
            ("mention_count", pa.int64()),
            ("systems", pa.list_(system)),
            ("others", pa.list_(other)),
        ]
    )


def _write(rows: list[dict[str, Any]], path: str) -> tuple[int, list[tuple[str, str, str]]]:
    """In a worker: write one partition's rows to ``path`` (whole or not at all).

    Returns how many documents, and ``(kind, path, reason)`` for each error,
    warning or note.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from armsref.corpora.corpusscan import BINARY

    partial = f"{path}.{os.getpid()}.part"
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), partial)
    os.replace(partial, path)
    said = []
    for row in rows:
        if row["error"] is not None:
            kind = "note" if row["error"].startswith(BINARY) else "error"
            said.append((kind, row["path"], row["error"]))
        elif row["warning"] is not None:
            said.append(("warning", row["path"], row["warning"]))
    return len(rows), said


def scan_to_parquet(
    paths: Sequence[str],
    scheduler: str,
    output: str,
    *,
    recursive: bool = False,
    dataset: Dataset | None = None,
    fields: Fields | None = None,
) -> int:
    """Scan files, folders and corpus files on the Dask cluster at ``scheduler``.

    Folders are listed here; the files go to the workers in partitions of at
    most :data:`FILES_PER_PARTITION` (at least two per worker when there are
    enough); each partition's results are written to
    ``output/part-NNNNN.parquet`` with the columns of ``armsref scan --json``.
    Prints a one-line summary; returns the exit code (1 if a document could
    not be scanned, each said on stderr).

    Raises:
        InputError: the extra is not installed, or ``-`` is among the paths.
    """
    from armsref.corpora.corpusscan import expand_inputs
    from armsref.corpora.records import Fields
    from armsref.errors import InputError

    try:
        import dask
        import dask.bag
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'armsref[dask]'") from None
    if "-" in paths:
        raise InputError("--scheduler reads files on the workers; standard input (-) cannot go")
    items = list(expand_inputs(paths, recursive))
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    chosen = fields if fields is not None else Fields()
    with Client(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = max(math.ceil(len(items) / FILES_PER_PARTITION), min(len(items), 2 * workers), 1)
        bag = dask.bag.from_sequence(items, npartitions=parts)
        scanned = bag.map_partitions(_scan_files, _root(dataset), chosen)
        tasks = [
            dask.delayed(_write)(part, str(folder / f"part-{number:05d}.parquet"))
            for number, part in enumerate(scanned.to_delayed())
        ]
        counts = dask.compute(*tasks, retries=RETRIES)
    failed = False
    for _count, said in counts:
        for kind, path, reason in said:
            print(f"armsref: {kind}: {path}: {reason}", file=sys.stderr)
            failed = failed or kind == "error"
    documents = sum(count for count, _ in counts)
    print(f"{documents} documents scanned into {len(counts)} Parquet files in {folder}")
    return 1 if failed else 0
