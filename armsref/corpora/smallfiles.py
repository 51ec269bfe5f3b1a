"""Many small plain-text files, at speed: the counts of each, here or in a process pool.

Most small documents in a corpus mention no system at all. For each plain
(not HTML) regular file of at most :data:`SMALL` bytes, :func:`scan_small`
reads it in one call and runs the compiled engine over the bytes once: with
no candidate place and valid UTF-8 there can be no mention, and the result is
made without building a stream scanner; otherwise the bytes already read go
through the usual scanner (as do files ending in a non-ASCII byte, whose last
character the engine does not check). Anything else (HTML, large, special or unreadable
files, a NUL byte) goes to :func:`armsref.scanning.documents.scan_one`, so
every message and rule stays that module's. Mentions are not kept (counts and
first positions only), as ``armsref scan`` prints them.

:func:`scan_many` scans a list of paths in order, in this process or with
``jobs`` worker processes that each load the dataset and build the matcher
once, and send back plain tuples in batches.

Examples:
    >>> from pathlib import Path
    >>> seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    >>> [d.count for d in scan_many([str(p) for p in seeds])]
    [4, 6, 5, 7, 20]
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from armsref.scanning.documents import DocumentScan, SystemTally, scan_one
from armsref.scanning.pool import worker_pool

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System
    from armsref.scanning.engine import Prefilter
    from armsref.scanning.matcher import Matcher

__all__ = [
    "SMALL",
    "Rendered",
    "flatten",
    "prepared",
    "rebuild",
    "scan_many",
    "scan_rendered",
    "scan_small",
]

#: Files up to this many bytes are read in one go.
SMALL = 1 << 16
#: Paths sent to a worker at a time.
BATCH = 1024

#: A tally as plain data: system position, count, offset, line, column, variant ids.
_Tally = tuple[int, int, int, int, int, tuple[str, ...]]
#: A result as plain data: path, tallies, error, warning, other systems' tallies.
_Plain = tuple[str, list[_Tally], str | None, str | None, list[_Tally]]


def scan_small(path: str, found: Matcher, engine: Prefilter, dataset: Dataset) -> DocumentScan:
    """Scan one document, counts only; see the module docstring."""
    from armsref.scanning.documents import _scan_stream

    if path == "-" or path.lower().endswith((".html", ".htm")):
        return scan_one(path, dataset, False)
    try:
        # Never blocking on a FIFO or device: anything but a regular file goes the
        # usual way, which refuses it with a message.
        handle = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        )
    except OSError:
        return scan_one(path, dataset, False)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > SMALL:
            data = None
        else:
            data = os.read(handle, SMALL + 1)
    except OSError:
        data = None
    finally:
        os.close(handle)
    if data is None or len(data) > SMALL or b"\x00" in data:
        return scan_one(path, dataset, False)
    spans, invalid = engine.scan(data)
    # The engine leaves a character cut short at the very end to the scanner: a
    # non-ASCII byte among the last four goes the usual way too.
    if not spans and not invalid and not (data and max(data[-4:]) >= 0x80):
        return DocumentScan(path)
    return _scan_stream(path, io.BytesIO(data), found, keep=False, html=False, size=len(data))


def _flat(tally: SystemTally, index: dict[str, int]) -> _Tally:
    position = index[tally.system_id]
    return position, tally.count, tally.offset, tally.line, tally.column, tally.variants


def flatten(document: DocumentScan, index: dict[str, int]) -> _Plain:
    """A result without mentions as plain data, systems by position (``index``)."""
    tallies = [_flat(t, index) for t in document.systems]
    others = [_flat(t, index) for t in document.others]
    return document.path, tallies, document.error, document.warning, others


def _work(batch: tuple[list[str], str | None]) -> list[_Plain]:
    """In a worker: scan a batch of paths (the matcher is built once per process)."""
    paths, root = batch
    dataset, found, engine = prepared(root)
    index = {s.id: position for position, s in enumerate(found.systems)}
    return [flatten(scan_small(path, found, engine, dataset), index) for path in paths]


def prepared(root: str | None) -> tuple[Dataset, Matcher, Prefilter]:
    """The dataset, its matcher and engine: built on first use in a process, then cached."""
    from armsref.dataset.loading import load
    from armsref.scanning.engine import prefilter
    from armsref.scanning.matcher import matcher

    dataset = load(root)
    found = matcher(dataset)
    return dataset, found, prefilter(found)


#: A rendered result: path, error, warning, and the text to print.
Rendered = tuple[str, str | None, str | None, str]


def _render_work(
    batch: tuple[list[str], str | None, Callable[[DocumentScan], str]],
) -> list[Rendered]:
    """In a worker: scan a batch of paths and render each result as it will be printed."""
    paths, root, render = batch
    dataset, found, engine = prepared(root)
    done = []
    for path in paths:
        result = scan_small(path, found, engine, dataset)
        done.append((result.path, result.error, result.warning, render(result)))
    return done


def scan_rendered(
    paths: Sequence[str],
    jobs: int,
    dataset: Dataset,
    render: Callable[[DocumentScan], str],
) -> Iterator[Rendered]:
    """Scan paths with ``jobs`` processes, each result rendered by ``render`` in the worker.

    For output that is only text per document (summaries, names, counts), so
    that the parent process only writes: with the scanning this cheap, turning
    results back into objects and formatting them would otherwise keep the
    parent as busy as a worker. ``render`` must be picklable (a module-level
    function, or a :func:`functools.partial` of one).
    """
    root = str(dataset.root)
    size = max(1, min(BATCH, len(paths) // (jobs * 4)))
    batches = [(list(paths[at : at + size]), root, render) for at in range(0, len(paths), size)]
    with worker_pool(jobs) as pool:
        for done in pool.imap(_render_work, batches):
            yield from done


def _tally(plain: _Tally, systems: tuple[System, ...]) -> SystemTally:
    position, count, offset, line, column, variants = plain
    return SystemTally(systems[position], count, offset, line, column, variants)


def rebuild(plain: _Plain, found: Matcher) -> DocumentScan:
    """A result from :func:`flatten`'s plain data, with this process's systems."""
    path, tallies, error, warning, others = plain
    systems = found.systems
    return DocumentScan(
        path,
        tuple(_tally(plain, systems) for plain in tallies),
        error=error,
        warning=warning,
        others=tuple(_tally(plain, systems) for plain in others),
    )


def scan_many(
    items: Sequence[str | DocumentScan],
    jobs: int = 1,
    dataset: Dataset | None = None,
    html: bool | None = None,
) -> Iterator[DocumentScan]:
    """Scan paths (and pass on failed results) in order, counts only; ``jobs`` processes.

    ``html`` is for standard input (``-``): see :func:`armsref.scanning.documents.scan_file`.
    """
    from armsref.dataset.loading import load
    from armsref.scanning.engine import prefilter
    from armsref.scanning.matcher import matcher

    chosen = dataset if dataset is not None else load()
    paths = [item for item in items if isinstance(item, str) and item != "-"]
    if jobs == 1 or len(paths) < 2:
        found = matcher(chosen)
        engine = prefilter(found)
        for item in items:
            if isinstance(item, DocumentScan):
                yield item
            elif item == "-":
                yield scan_one(item, chosen, False, html)
            else:
                yield scan_small(item, found, engine, chosen)
        return
    root = str(chosen.root)
    found = matcher(chosen)
    size = max(1, min(BATCH, len(paths) // (jobs * 4)))
    batches = [(paths[at : at + size], root) for at in range(0, len(paths), size)]
    with worker_pool(jobs) as pool:
        results = (plain for batch in pool.imap(_work, batches) for plain in batch)
        for item in items:
            if isinstance(item, DocumentScan):
                yield item
            elif item == "-":
                yield scan_one(item, chosen, False, html)
            else:
                yield rebuild(next(results), found)
