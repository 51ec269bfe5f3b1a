"""What a path holds, by its name, and how to open it decompressed.

A name ends in a format suffix (``.jsonl``/``.ndjson``, ``.parquet``,
``.warc``), optionally followed by a compression suffix (``.gz``, ``.bz2``,
``.xz``, ``.zst``); anything else is a text document (HTML by ``.html`` or
``.htm``), also optionally compressed. Compressed streams are decompressed as
they are read, in blocks, never whole.

Examples:
    >>> layout("news/2024-05.jsonl.gz")
    Layout(kind='jsonl', compression='gzip', html=False)
    >>> layout("crawl/CC-MAIN-0001.warc.gz")
    Layout(kind='warc', compression='gzip', html=False)
    >>> layout("page.html.zst")
    Layout(kind='text', compression='zstd', html=True)
    >>> layout("notes.txt")
    Layout(kind='text', compression=None, html=False)
"""

from __future__ import annotations

import os
from typing import IO, NamedTuple, cast

from armsref.errors import InputError

__all__ = ["COMPRESSIONS", "CORPUS_SUFFIXES", "FORMATS", "Layout", "layout", "open_decompressed"]

#: Compression suffixes and the codec each names.
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
#: Format suffixes and the kind of file each names.
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".warc": "warc"}
#: What a folder scan picks up besides text documents.
CORPUS_SUFFIXES = frozenset({*COMPRESSIONS, *FORMATS})
_HTML = frozenset({".html", ".htm"})


class Layout(NamedTuple):
    """What a file holds.

    Attributes:
        kind: ``"text"`` (one document), ``"jsonl"``, ``"parquet"`` or ``"warc"``.
        compression: ``"gzip"``, ``"bz2"``, ``"xz"``, ``"zstd"`` or ``None``.
        html: whether a text document is HTML (read as its visible text).
    """

    kind: str
    compression: str | None
    html: bool


def layout(path: str | os.PathLike[str]) -> Layout:
    """What ``path`` holds, by its name (see the module docstring)."""
    stem, suffix = os.path.splitext(os.fspath(path))
    compression = COMPRESSIONS.get(suffix.lower())
    if compression is not None:
        stem, suffix = os.path.splitext(stem)
    suffix = suffix.lower()
    kind = FORMATS.get(suffix, "text")
    return Layout(kind, compression, kind == "text" and suffix in _HTML)


def _regular(path: str) -> None:
    """Refuse a FIFO, device or socket before opening it: opening one would block."""
    import stat

    from armsref.dataset.regular import kind_of

    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a directory", path)
        raise InputError(f"is {kind_of(mode)}, not a regular file; skipped")


def open_decompressed(path: str, compression: str | None) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing as it is read.

    Only a regular file is opened: a FIFO, device or socket in its place is
    refused, never waited on.

    Raises:
        InputError: the codec's module is not installed (zstd needs
            ``zstandard``, from the ``armsref[corpora]`` extra), or the path
            is not a regular file.
        OSError: the file cannot be opened.
    """
    _regular(path)
    if compression is None:
        return open(path, "rb")
    if compression == "gzip":
        import gzip

        return cast("IO[bytes]", gzip.open(path, "rb"))
    if compression == "bz2":
        import bz2

        return bz2.open(path, "rb")
    if compression == "xz":
        import lzma

        return lzma.open(path, "rb")
    try:
        import zstandard
    except ImportError:
        raise InputError(
            "reading .zst needs the zstandard module: pip install 'armsref[corpora]'"
        ) from None
    raw = open(path, "rb")  # noqa: SIM115 (closed with the reader)
    reader: IO[bytes] = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
    return reader
