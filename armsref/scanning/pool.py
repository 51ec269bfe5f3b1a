"""Scanning many documents in several processes, for :func:`armsref.scanning.paths.scan_paths`.

Each worker process loads the dataset and compiles the matcher once, then
scans its share of the documents. What a worker sends back is plain data
(system positions, offsets, strings); the parent turns it back into results
that hold its own :class:`~armsref.dataset.models.System` records. Results come back
in the order the documents were given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from armsref.scanning.documents import DocumentScan, SystemTally, scan_one
from armsref.scanning.mentions import Mention

if TYPE_CHECKING:
    from pathlib import Path

    from armsref.dataset.models import Dataset, System

__all__ = ["scan_in_pool", "usable_jobs"]

#: A tally as plain data: system position, count, offset, line, column, variant ids.
_Tally = tuple[int, int, int, int, int, tuple[str, ...]]
#: A document's result as plain data: path, tallies, mentions, error, warning,
#: characters, other systems' tallies.
_Plain = tuple[
    str,
    list[_Tally],
    list[tuple[int, int, int, str, str | None]],
    str | None,
    str | None,
    int | None,
    list[_Tally],
]


def _work(batch: tuple[list[str], Path | None, bool]) -> list[_Plain]:
    """In a worker: scan a batch of documents and flatten each result."""
    from armsref.dataset.loading import load

    paths, root, keep = batch
    dataset = load(root) if root is not None else load()
    index = {s.id: position for position, s in enumerate((*dataset.systems, *dataset.others))}
    done = []
    for path in paths:
        result = scan_one(path, dataset, keep)
        done.append(
            (
                result.path,
                [_flat(t, index) for t in result.systems],
                [
                    (index[m.system_id], m.start, m.end, m.surface, m.variant)
                    for m in result.mentions
                ],
                result.error,
                result.warning,
                result.chars,
                [_flat(t, index) for t in result.others],
            )
        )
    return done


def _flat(tally: SystemTally, index: dict[str, int]) -> _Tally:
    return (
        index[tally.system_id],
        tally.count,
        tally.offset,
        tally.line,
        tally.column,
        tally.variants,
    )


def _tally(plain: _Tally, systems: tuple[System, ...]) -> SystemTally:
    position, count, offset, line, column, variants = plain
    return SystemTally(systems[position], count, offset, line, column, variants)


def _rebuild(plain: _Plain, dataset: Dataset) -> DocumentScan:
    path, tallies, mentions, error, warning, chars, others = plain
    systems = (*dataset.systems, *dataset.others)
    return DocumentScan(
        path,
        tuple(_tally(plain, systems) for plain in tallies),
        tuple(Mention(systems[s], a, b, text, v) for s, a, b, text, v in mentions),
        error,
        warning,
        chars,
        tuple(_tally(plain, systems) for plain in others),
    )


def _worker_start(parent: int) -> None:
    """In a new worker: leave Ctrl-C to the parent, and end when the parent ends."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: the kernel ends us with the parent
    except (OSError, AttributeError):  # not Linux: watch the parent instead
        import threading

        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the guard was set
        os._exit(1)


def _watch(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def usable_jobs(jobs: int) -> int:
    """``jobs``, lowered to the number of cores this process may run on."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(jobs, cores))


def scan_in_pool(
    documents: list[str | DocumentScan],
    jobs: int,
    dataset: Dataset | None,
    keep: bool,
    html: bool | None = None,
) -> Iterator[DocumentScan]:
    """Scan ``documents`` (paths, or results already failed) with ``jobs`` processes.

    Documents go to the workers in batches, so that each costs one message
    rather than one per document. Standard input (``-``) is read in this process.
    ``jobs`` is lowered to the cores available (:func:`usable_jobs`) and to the
    number of batches. Workers ignore Ctrl-C and end with their parent; if the
    scan stops early (an interrupt, an error, a reader that went away) they are
    terminated at once, never left running.
    """
    import multiprocessing

    # The workers load the same dataset: the one given, or the default they inherit.
    root = dataset.root if dataset is not None else None
    if dataset is None:
        from armsref.dataset.loading import load

        dataset = load()
    # Worker processes have no standard input (multiprocessing gives them /dev/null):
    # "-" is read here, first.
    documents = [scan_one(d, dataset, keep, html) if d == "-" else d for d in documents]
    paths = [d for d in documents if not isinstance(d, DocumentScan)]
    jobs = usable_jobs(jobs)
    size = max(1, min(256, len(paths) // (jobs * 4)))
    batches = [(paths[at : at + size], root, keep) for at in range(0, len(paths), size)]
    processes = max(1, min(jobs, len(batches)))
    with multiprocessing.Pool(processes, _worker_start, (os.getpid(),)) as pool:
        # Leaving this block (done, or stopped early) terminates every worker.
        results = (plain for batch in pool.imap(_work, batches) for plain in batch)
        for document in documents:
            yield (
                document if isinstance(document, DocumentScan) else _rebuild(next(results), dataset)
            )
