"""Scanning files, folders and standard input for system mentions.

:func:`scan_file` scans one document, :func:`scan_paths` many, in parallel
if asked. How a document is read:

- ``-`` is standard input, read as text.
- ``.html`` and ``.htm`` files are turned into their visible text first (see
  :mod:`armsref.htmltext`); offsets, lines and columns refer to that text.
- Any other file is UTF-8 text (Markdown included) as it is. Invalid UTF-8 is
  decoded with replacement characters and :attr:`DocumentScan.warning` says
  so; offsets then refer to the decoded text.
- A file with a NUL byte in its first 64 KiB is binary: it is skipped, with
  :attr:`DocumentScan.error` saying so.
- Files are read in blocks of 4 MiB and scanned as they come, so a file of
  any size is scanned in bounded memory (see :mod:`armsref.stream`).

In a folder, the files whose names end in ``.txt``, ``.text``, ``.md``,
``.markdown``, ``.html`` or ``.htm`` are scanned, in name order, leaving out
hidden files and folders (names starting with ``.``); with ``recursive`` the
folders inside it too, not following links to folders (so a link cannot make
a loop). A file named explicitly is scanned whatever its name.

Examples:
    >>> from pathlib import Path
    >>> root = Path(__file__).resolve().parent.parent
    >>> found = scan_file(root / "seeds" / "001_67da731477375900.txt")
    >>> [(s.system_id, s.count, s.line, s.column) for s in found.systems]
    [('atacms', 3, 2, 180), ('patriot', 3, 12, 1)]
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from armsref.errors import InputError
from armsref.mentions import Mention

if TYPE_CHECKING:
    from armsref.matcher import Matcher
    from armsref.models import Dataset, System
    from armsref.stream import Reader

__all__ = [
    "BLOCK",
    "TEXT_SUFFIXES",
    "DocumentScan",
    "SystemTally",
    "expand",
    "scan_documents",
    "scan_file",
    "scan_one",
    "scan_paths",
]

#: How many bytes are read at a time.
BLOCK = 4 << 20
#: How far into a file a NUL byte makes it binary.
BINARY_PROBE = 64 << 10
#: The file names a folder scan picks up.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
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
    """

    system: System
    count: int
    offset: int
    line: int
    column: int

    @property
    def system_id(self) -> str:
        """The id of the system."""
        return self.system.id


@dataclass(frozen=True)
class DocumentScan:
    """What scanning one document found.

    Attributes:
        path: the document as it was named (``-`` for standard input).
        systems: the systems mentioned, by first mention, with counts.
        mentions: every mention, in document order (empty when not kept).
        error: why the document was not scanned, or ``None``.
        warning: something to know about a scanned document, or ``None``.
        chars: how many characters the document (or its visible text) has;
            ``None`` when mentions were not kept (then characters are counted
            only until every system has been seen).
    """

    path: str
    systems: tuple[SystemTally, ...] = ()
    mentions: tuple[Mention, ...] = ()
    error: str | None = None
    warning: str | None = None
    chars: int | None = None

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


def _blocks(stream: Reader, first: bytes) -> Iterator[bytes]:
    if first:
        yield first
    while block := stream.read(BLOCK):
        yield block


def _html_blocks(blocks: Iterable[bytes], replaced: list[bool]) -> Iterator[bytes]:
    """The visible text of HTML given as blocks of bytes, as blocks of UTF-8."""
    from armsref.htmltext import VisibleText

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
    name: str, stream: Reader, found: Matcher, *, keep: bool, html: bool, size: int | None = None
) -> DocumentScan:
    from armsref.stream import StreamScanner

    # A small file is read in one go, without asking for a whole block.
    asked = BLOCK if size is None else min(BLOCK, size + 1)
    first = stream.read(asked)
    nul = first.find(b"\x00", 0, BINARY_PROBE)
    if nul >= 0:
        raise InputError(f"binary file (NUL byte at offset {nul}), skipped")
    replaced: list[bool] = []
    scanner = StreamScanner(found, offsets=keep)
    counts: dict[int, int] = {}
    firsts: dict[int, int] = {}
    mentions: list[Mention] = []
    systems = found.systems

    def take(batch: list[tuple[int, int, int, str]]) -> None:
        for system, start, end, surface in batch:
            counts[system] = counts.get(system, 0) + 1
            firsts.setdefault(system, start)
            if keep:
                mentions.append(Mention(systems[system], start, end, surface))

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
    tallies = tuple(
        SystemTally(systems[s], counts[s], firsts[s], *scanner.first_positions[s]) for s in counts
    )
    invalid = scanner.invalid or bool(replaced)
    return DocumentScan(
        name,
        tallies,
        tuple(mentions),
        warning=_REPLACED if invalid else None,
        chars=scanner.chars if keep else None,
    )


def _problem(error: OSError) -> str:
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
) -> DocumentScan:
    """Scan one document: a file, or ``-`` for standard input.

    Args:
        path: the file; ``.html``/``.htm`` files are scanned as visible text.
        dataset: whose names to look for (default: :func:`armsref.load`).
        keep_mentions: keep every mention in :attr:`DocumentScan.mentions`;
            without, only the tallies are kept, in memory that does not grow
            with the document.

    Raises:
        InputError: the path is missing, a folder, unreadable or binary; the
            message says which, without the path.

    Examples:
        >>> scan_file("no/such/file.txt")
        Traceback (most recent call last):
        ...
        armsref.errors.InputError: no such file or directory
    """
    from armsref.matcher import matcher

    found = matcher(dataset)
    name = os.fspath(path)
    if name == "-":
        stdin = cast("Reader", sys.stdin.buffer)
        return _scan_stream(name, stdin, found, keep=keep_mentions, html=False)
    try:
        with open(name, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            return _scan_stream(
                name, stream, found, keep=keep_mentions, html=_is_html(name), size=size
            )
    except OSError as error:
        raise InputError(_problem(error)) from None


def _folder(root: str, recursive: bool) -> Iterator[str | DocumentScan]:
    """The text files in a folder, in name order, and a failed scan for each unreadable folder."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield DocumentScan(folder, error=_problem(error))
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
        >>> root = Path(__file__).resolve().parent.parent
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


def scan_one(path: str, dataset: Dataset | None = None, keep_mentions: bool = True) -> DocumentScan:
    """Scan one document like :func:`scan_file`, but return a failed scan instead of raising.

    Examples:
        >>> scan_one("no/such/file.txt").error
        'no such file or directory'
    """
    try:
        return scan_file(path, dataset, keep_mentions=keep_mentions)
    except InputError as error:
        return DocumentScan(path, error=str(error))


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
        paths: files, folders, or ``-``.
        recursive: scan the folders inside folders too.
        jobs: how many processes scan at once; 1 scans here.
        dataset: whose names to look for (default: :func:`armsref.load`).
        keep_mentions: see :func:`scan_file`.

    Raises:
        InputError: ``jobs`` is below 1.

    Examples:
        >>> from pathlib import Path
        >>> seeds = Path(__file__).resolve().parent.parent / "seeds"
        >>> [(Path(d.path).name[:3], d.count) for d in scan_paths([seeds, seeds / "none.txt"])]
        [('000', 4), ('001', 6), ('002', 5), ('003', 7), ('004', 20), ('non', 0)]
    """
    return scan_documents(list(expand(paths, recursive)), jobs, dataset, keep_mentions)


def scan_documents(
    documents: list[str | DocumentScan],
    jobs: int = 1,
    dataset: Dataset | None = None,
    keep_mentions: bool = True,
) -> Iterator[DocumentScan]:
    """Scan documents listed by :func:`expand`; see :func:`scan_paths`."""
    if jobs < 1:
        raise InputError(f"jobs must be 1 or more, got {jobs}")
    if jobs == 1 or len(documents) < 2:
        return (
            document
            if isinstance(document, DocumentScan)
            else scan_one(document, dataset, keep_mentions)
            for document in documents
        )
    from armsref.scanpool import scan_in_pool

    return scan_in_pool(documents, jobs, dataset, keep_mentions)
