"""Scanning one document (a file, or standard input) for system mentions.

:func:`scan_file` scans one document and :func:`scan_one` does the same but
returns a failed scan instead of raising (folders and many documents are
:mod:`armsref.scanning.paths`'s job). How a document is read:

- ``-`` is standard input, read as text, or as HTML when it starts like an
  HTML page (``<!DOCTYPE html``, ``<html``, or a tag such as ``<p>`` or
  ``<div>`` in its first bytes) or when asked (``html=True``).
- ``.html`` and ``.htm`` files are turned into their visible text first (see
  :mod:`armsref.scanning.htmltext`); offsets, lines and columns refer to that text.
- Any other file is UTF-8 text (Markdown included) as it is. Invalid UTF-8 is
  decoded with replacement characters and :attr:`DocumentScan.warning` says
  so; offsets then refer to the decoded text.
- A file with a NUL byte in its first 64 KiB is binary: it is skipped, with
  :attr:`DocumentScan.error` saying so. So is anything that is not a regular
  file (a FIFO, a device, a socket), which is never opened for reading in a
  way that could block: pipe text in through ``-`` instead.
- Files are read in blocks of 4 MiB and scanned as they come, so a file of
  any size is scanned in bounded memory (see :mod:`armsref.scanning.stream`).

Examples:
    >>> from pathlib import Path
    >>> root = Path(__file__).resolve().parents[2]
    >>> found = scan_file(root / "seeds" / "001_67da731477375900.txt")
    >>> [(s.system_id, s.count, s.line, s.column) for s in found.systems]
    [('atacms', 3, 2, 180), ('patriot', 3, 12, 1)]
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from armsref.errors import InputError, expect
from armsref.scanning.mentions import Mention

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System
    from armsref.scanning.matcher import Matcher
    from armsref.scanning.stream import Found, Reader

__all__ = [
    "BLOCK",
    "DocumentScan",
    "SystemTally",
    "looks_like_html",
    "problem",
    "scan_file",
    "scan_one",
]

#: How many bytes are read at a time.
BLOCK = 4 << 20
#: How far into a file a NUL byte makes it binary.
BINARY_PROBE = 64 << 10
_HTML_SUFFIXES = frozenset({".html", ".htm"})

_REPLACED = "not valid UTF-8: decoded with replacement characters (U+FFFD)"


@dataclass(frozen=True, slots=True)
class SystemTally:
    """How often a document mentions one system, and where first.

    Attributes:
        system: the system.
        count: how many mentions.
        offset: the character offset of the first mention.
        line: its line, from 1.
        column: its column in characters, from 1.
        variants: the ids of the system's variants the document names, in
            the order first named.
    """

    system: System
    count: int
    offset: int
    line: int
    column: int
    variants: tuple[str, ...] = ()

    @property
    def system_id(self) -> str:
        """The id of the system."""
        return self.system.id


@dataclass(frozen=True)
class DocumentScan:
    """What scanning one document found.

    Attributes:
        path: the document as it was named (``-`` for standard input).
        systems: the dataset's systems mentioned, by first mention, with counts.
        mentions: every mention of them, in document order (empty when not kept).
        error: why the document was not scanned, or ``None``.
        warning: something to know about a scanned document, or ``None``.
        chars: how many characters the document (or its visible text) has;
            ``None`` when mentions were not kept (then characters are counted
            only until every system has been seen).
        others: the other weapon systems named (known by name only, never
            counted as the dataset's), by first mention, with counts.
    """

    path: str
    systems: tuple[SystemTally, ...] = ()
    mentions: tuple[Mention, ...] = ()
    error: str | None = None
    warning: str | None = None
    chars: int | None = None
    others: tuple[SystemTally, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the document was scanned."""
        return self.error is None

    @property
    def count(self) -> int:
        """How many mentions the document has."""
        return sum(tally.count for tally in self.systems)


def _is_html(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in _HTML_SUFFIXES


_HTML_START = re.compile(rb"\s*(?:<!doctype\s+html|<html\b|<!--)", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<(?:html|head|body|p|div|article|span|a|h[1-6]|meta|br)\b[^>]*>", re.I)


def looks_like_html(first: bytes) -> bool:
    """Whether a document's first bytes are those of an HTML page.

    Examples:
        >>> looks_like_html(b"  <!DOCTYPE html><title>x</title>"), looks_like_html(b"<p>Hi</p>")
        (True, True)
        >>> looks_like_html(b"Use <b> for bold; 3 < 4"), looks_like_html(b"plain text")
        (False, False)
    """
    head = first[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or (
        head.lstrip()[:1] == b"<" and _HTML_TAG.search(head) is not None
    )


def _blocks(stream: Reader, first: bytes) -> Iterator[bytes]:
    if first:
        yield first
    while block := stream.read(BLOCK):
        yield block


def _html_blocks(blocks: Iterable[bytes], replaced: list[bool]) -> Iterator[bytes]:
    """The visible text of HTML given as blocks of bytes, as blocks of UTF-8."""
    from armsref.scanning.htmltext import VisibleText

    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    page = VisibleText()
    for block in blocks:
        page.feed(_decode(decoder, block, replaced, final=False))
        yield page.take().encode()
    page.feed(_decode(decoder, b"", replaced, final=True))
    page.close()
    yield page.take().encode()


def _decode(
    decoder: codecs.IncrementalDecoder, data: bytes, replaced: list[bool], *, final: bool
) -> str:
    try:
        return decoder.decode(data, final)
    except UnicodeDecodeError:
        # Start again from this block with replacement; earlier blocks were valid.
        replaced.append(True)
        buffered, _ = decoder.getstate()
        decoder.reset()
        decoder.errors = "replace"
        return decoder.decode(buffered + data, final)


def _scan_stream(
    name: str,
    stream: Reader,
    found: Matcher,
    *,
    keep: bool,
    html: bool | None,
    size: int | None = None,
) -> DocumentScan:
    from armsref.scanning.stream import StreamScanner

    # A small file is read in one go, without asking for a whole block.
    asked = BLOCK if size is None else min(BLOCK, size + 1)
    first = stream.read(asked)
    nul = first.find(b"\x00", 0, BINARY_PROBE)
    if nul >= 0:
        from armsref.dataset.regular import is_utf16

        if is_utf16(first):
            raise InputError("UTF-16 text, skipped; armsref reads UTF-8: convert it first")
        raise InputError(f"binary file (NUL byte at offset {nul}), skipped")
    if html is None:
        html = looks_like_html(first)
    replaced: list[bool] = []
    scanner = StreamScanner(found, offsets=keep)
    counts: dict[int, int] = {}
    firsts: dict[int, int] = {}
    variants: dict[int, dict[str, None]] = {}
    mentions: list[Mention] = []
    systems = found.systems

    def take(batch: list[Found]) -> None:
        for system, start, end, surface, variant in batch:
            counts[system] = counts.get(system, 0) + 1
            if start >= 0 and start < firsts.get(system, start + 1):
                firsts[system] = start
            if variant is not None:
                variants.setdefault(system, {})[variant] = None
            if keep and system < found.covered:
                mentions.append(Mention(systems[system], start, end, surface, variant))

    if html:
        for block in _html_blocks(_blocks(stream, first), replaced):
            take(scanner.feed(block))
    else:
        # Plain text is read straight into the scanner's buffer after the first block;
        # a first block shorter than asked for was the whole document.
        take(scanner.feed(first))
        while len(first) == asked:
            count, batch = scanner.read_from(stream, BLOCK)
            take(batch)
            if not count:
                break
    take(scanner.finish())
    mentions.sort(key=lambda m: m.start)
    tallies = sorted(
        (
            SystemTally(
                systems[s],
                counts[s],
                firsts[s],
                *scanner.first_positions[s],
                tuple(variants.get(s, ())),
            )
            for s in counts
        ),
        key=lambda tally: tally.offset,
    )
    invalid = scanner.invalid or bool(replaced)
    covered = {s.id for s in systems[: found.covered]}
    return DocumentScan(
        name,
        tuple(t for t in tallies if t.system_id in covered),
        tuple(mentions),
        warning=_REPLACED if invalid else None,
        chars=scanner.chars if keep else None,
        others=tuple(t for t in tallies if t.system_id not in covered),
    )


def problem(error: OSError) -> str:
    """Why a file could not be opened, in a few words (without its path)."""
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot be read: {error.strerror or error}"


def scan_file(
    path: str | os.PathLike[str],
    dataset: Dataset | None = None,
    *,
    keep_mentions: bool = True,
    html: bool | None = None,
) -> DocumentScan:
    """Scan one document: a file, or ``-`` for standard input.

    Args:
        path: the file; ``.html``/``.htm`` files are scanned as visible text.
        dataset: whose names to look for (default: :func:`armsref.load`).
        keep_mentions: keep every mention in :attr:`DocumentScan.mentions`;
            without, only the tallies are kept, in memory that does not grow
            with the document.
        html: read the document as HTML (``True``) or as text (``False``);
            ``None`` decides by the file name, or for standard input by how
            it starts (see :func:`looks_like_html`).

    Raises:
        InputError: the path is missing, a folder, unreadable or binary; the
            message says which, without the path.

    Examples:
        >>> scan_file("no/such/file.txt")
        Traceback (most recent call last):
        ...
        armsref.errors.InputError: no such file or directory
    """
    from armsref.scanning.matcher import matcher

    expect(path, "path", (str, os.PathLike), "a path (str or os.PathLike) or '-'")
    found = matcher(dataset)
    name = os.fspath(path)
    if "\x00" in name:  # no file can have it
        raise InputError("no such file or directory (the name holds a NUL character)")
    if name == "-":
        stdin = cast("Reader", sys.stdin.buffer)
        return _scan_stream(name, stdin, found, keep=keep_mentions, html=html)
    try:
        with _open_regular(name) as stream:
            size = os.fstat(stream.fileno()).st_size
            return _scan_stream(
                name,
                stream,
                found,
                keep=keep_mentions,
                html=_is_html(name) if html is None else html,
                size=size,
            )
    except OSError as error:
        raise InputError(problem(error)) from None


def _open_regular(name: str) -> io.BufferedReader:
    """Open a regular file without blocking on a FIFO or device; anything else is refused."""
    from armsref.dataset.regular import kind_of

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(name, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a directory")
        if not stat.S_ISREG(mode):
            raise InputError(f"is {kind_of(mode)}, not a regular file; skipped")
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return open(descriptor, "rb")


def scan_one(
    path: str,
    dataset: Dataset | None = None,
    keep_mentions: bool = True,
    html: bool | None = None,
) -> DocumentScan:
    """Scan one document like :func:`scan_file`, but return a failed scan instead of raising.

    Examples:
        >>> scan_one("no/such/file.txt").error
        'no such file or directory'
    """
    try:
        return scan_file(path, dataset, keep_mentions=keep_mentions, html=html)
    except InputError as error:
        return DocumentScan(path, error=str(error))
