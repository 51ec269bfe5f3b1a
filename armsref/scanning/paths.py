"""Scanning many documents: files, folders and standard input, here or in a pool.

:func:`scan_paths` opens the folders among the paths it is given
(:func:`expand`) and scans every document with
:func:`armsref.scanning.documents.scan_one`, in this process or, with
``jobs`` above 1, in a pool of processes (:mod:`armsref.scanning.pool`).

In a folder, the files whose names end in ``.txt``, ``.text``, ``.md``,
``.markdown``, ``.html`` or ``.htm`` are scanned, in name order, leaving out
hidden files and folders (names starting with ``.``); with ``recursive`` the
folders inside it too, not following links to folders (so a link cannot make
a loop). A file named explicitly is scanned whatever its name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from armsref.errors import InputError, as_items, expect
from armsref.scanning.documents import DocumentScan, problem, scan_one

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset

__all__ = ["TEXT_SUFFIXES", "expand", "scan_documents", "scan_paths"]

#: The file names a folder scan picks up.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})


def _folder(root: str, recursive: bool) -> Iterator[str | DocumentScan]:
    """The text files in a folder, in name order, and a failed scan for each unreadable folder."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield DocumentScan(folder, error=problem(error))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
                yield entry.path
        if recursive:
            stack.extend(reversed(folders))


def expand(
    paths: Iterable[str | os.PathLike[str]], recursive: bool
) -> Iterator[str | DocumentScan]:
    """Every document the paths name: files as given, folders opened (see the module docstring).

    A folder that cannot be listed comes as a failed :class:`DocumentScan`.

    Examples:
        >>> from pathlib import Path
        >>> root = Path(__file__).resolve().parents[2]
        >>> [Path(p).name for p in expand([root / "seeds"], recursive=False)][:2]
        ['000_bc19e693dffa449a.txt', '001_67da731477375900.txt']
        >>> list(expand(["-", "no/such/file.txt"], recursive=True))
        ['-', 'no/such/file.txt']
    """
    for path in paths:
        name = os.fspath(path)
        if name != "-" and os.path.isdir(name):
            yield from _folder(name, recursive)
        else:
            yield name


def scan_paths(
    paths: Iterable[str | os.PathLike[str]],
    recursive: bool = True,
    jobs: int = 1,
    dataset: Dataset | None = None,
    *,
    keep_mentions: bool = True,
) -> Iterator[DocumentScan]:
    """Scan files, folders and ``-`` (standard input); yield one result per document, in order.

    A document that cannot be scanned yields a result with ``error`` set; the
    others are scanned all the same.

    Args:
        paths: files, folders, or ``-``; a single ``str`` or path is one path.
        recursive: scan the folders inside folders too.
        jobs: how many processes scan at once; 1 scans here; more than the
            machine's cores is lowered to them.
        dataset: whose names to look for (default: :func:`armsref.load`).
        keep_mentions: see :func:`scan_file`.

    Raises:
        InputError: ``jobs`` is below 1.
        TypeError: ``paths`` or ``jobs`` is of the wrong type (an
            :class:`~armsref.errors.ArgumentTypeError` naming it).

    Examples:
        >>> from pathlib import Path
        >>> seeds = Path(__file__).resolve().parents[2] / "seeds"
        >>> [(Path(d.path).name[:3], d.count) for d in scan_paths([seeds, seeds / "none.txt"])]
        [('000', 4), ('001', 6), ('002', 5), ('003', 7), ('004', 20), ('non', 0)]
    """
    # One path given as a str (or a PathLike) is one path, never its characters.
    items = as_items(paths, "paths", (str, os.PathLike), "a path (str or os.PathLike)")
    return scan_documents(list(expand(items, recursive)), jobs, dataset, keep_mentions)


def scan_documents(
    documents: list[str | DocumentScan],
    jobs: int = 1,
    dataset: Dataset | None = None,
    keep_mentions: bool = True,
    html: bool | None = None,
) -> Iterator[DocumentScan]:
    """Scan documents listed by :func:`expand`; see :func:`scan_paths`.

    ``html=True`` reads standard input as HTML (files go by their names).
    """
    expect(jobs, "jobs", int, "a whole number (int)")
    if jobs < 1:
        raise InputError(f"jobs must be 1 or more, got {jobs}")
    if jobs == 1 or len(documents) < 2:
        return (
            document
            if isinstance(document, DocumentScan)
            else scan_one(document, dataset, keep_mentions, html if document == "-" else None)
            for document in documents
        )
    from armsref.scanning.pool import scan_in_pool

    return scan_in_pool(documents, jobs, dataset, keep_mentions, html)
