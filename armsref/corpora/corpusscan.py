"""Scanning any mix of files, folders and corpus files: one result per document, in order.

:func:`scan_inputs` is :func:`armsref.scanning.paths.scan_paths` for corpora.
Folders are opened as there, picking up corpus files too (see
:data:`armsref.corpora.formats.CORPUS_SUFFIXES`); plain text and HTML files go
to :func:`~armsref.scanning.paths.scan_documents` (or, counting only, to
:mod:`armsref.corpora.smallfiles`), in the process pool when ``jobs`` is
above 1; a compressed text file is decompressed as it is scanned, in bounded
memory; JSON Lines, Parquet and WARC files yield one result per document
inside them (see :mod:`armsref.corpora.records`), named ``FILE#ID``. With
``jobs`` above 1 and counting only, these files go one a task to a process
pool too. A corpus file that cannot be read at all is one failed result.

Examples:
    >>> import gzip, io, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "ERAM"}\\n{"text": "TLAM, TLAMs"}\\n')
    >>> _ = (folder / "b.txt.gz").write_bytes(gzip.compress(b"JASSM"))
    >>> [(Path(d.path).name, d.count) for d in scan_inputs([folder])]
    [('a.jsonl#1', 1), ('a.jsonl#2', 2), ('b.txt.gz', 1)]
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from armsref.corpora.formats import CORPUS_SUFFIXES, layout, open_decompressed
from armsref.corpora.lines import document_text
from armsref.corpora.records import Fields, Record, file_records
from armsref.errors import InputError
from armsref.scanning.documents import DocumentScan, SystemTally, problem
from armsref.scanning.paths import TEXT_SUFFIXES, expand, scan_documents

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.scanning.mentions import Mention
    from armsref.scanning.stream import Reader

__all__ = [
    "BINARY",
    "FOLDER_SUFFIXES",
    "TextSource",
    "as_row",
    "codec_errors",
    "expand_inputs",
    "holds_many",
    "is_binary",
    "is_plain_file",
    "scan_inputs",
    "scan_items",
    "scan_record",
    "tallies",
]

#: The file names a folder scan picks up: text documents and corpus files.
FOLDER_SUFFIXES = TEXT_SUFFIXES | CORPUS_SUFFIXES
#: How :mod:`armsref.scanning.documents` starts the error of a file it skipped as binary.
BINARY = "binary file"


def is_binary(document: DocumentScan) -> bool:
    """Whether a document was skipped for being binary (a note, not an error)."""
    return document.error is not None and document.error.startswith(BINARY)


def _tally_row(tally: SystemTally) -> dict[str, Any]:
    return {
        "id": tally.system_id,
        "name": tally.system.name,
        "short": tally.system.short,
        "count": tally.count,
        "line": tally.line,
        "column": tally.column,
        "offset": tally.offset,
        "variant_ids": list(tally.variants),
    }


def as_row(document: DocumentScan) -> dict[str, Any]:
    """A document's result as plain data: the keys of ``armsref scan --json``, in its order."""
    return {
        "path": document.path,
        "ok": document.ok,
        "error": document.error,
        "warning": document.warning,
        "mention_count": document.count,
        "systems": [_tally_row(tally) for tally in document.systems],
        "others": [{**_tally_row(t), "kind": t.system.kind} for t in document.others],
    }


def tallies(text: str, mentions: Iterable[Mention]) -> list[SystemTally]:
    """Per-system tallies, by first mention, from mentions (in document order) of ``text``."""
    counts: dict[str, int] = {}
    firsts: dict[str, Mention] = {}
    variants: dict[str, dict[str, None]] = {}
    for mention in mentions:
        key = mention.system_id
        counts[key] = counts.get(key, 0) + 1
        firsts.setdefault(key, mention)
        if mention.variant is not None:
            variants.setdefault(key, {})[mention.variant] = None
    result = []
    for key, first in firsts.items():
        offset = first.start
        line_start = text.rfind("\n", 0, offset) + 1
        line = text.count("\n", 0, offset) + 1
        named = tuple(variants.get(key, ()))
        column = offset - line_start + 1
        result.append(SystemTally(first.system, counts[key], offset, line, column, named))
    return result


def scan_record(record: Record, dataset: Dataset | None = None, keep: bool = True) -> DocumentScan:
    """Scan one document read from a corpus file.

    The text is first searched once by the engine: with no candidate place
    there is no mention, and nothing more is done.
    """
    from armsref.scanning.engine import prefilter
    from armsref.scanning.matcher import matcher
    from armsref.scanning.mentions import scan_all

    if record.error is not None:
        return DocumentScan(record.name, error=record.error)
    found = matcher(dataset)
    chars = len(record.text) if keep else None
    try:
        candidates, _invalid = prefilter(found).scan(record.text.encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates: the full scan copes
        candidates = [(0, 0, 0)]
    if not candidates:
        return DocumentScan(record.name, warning=record.warning, chars=chars)
    ours, others = scan_all(record.text, dataset)
    return DocumentScan(
        record.name,
        tuple(tallies(record.text, ours)),
        tuple(ours) if keep else (),
        warning=record.warning,
        chars=chars,
        others=tuple(tallies(record.text, others)),
    )


def codec_errors() -> tuple[type[BaseException], ...]:
    """What reading a compressed or corpus file can raise besides armsref's own errors."""
    import lzma
    import zlib

    return (OSError, EOFError, lzma.LZMAError, zlib.error, InputError)


def _corpus_file(
    path: str, fields: Fields, dataset: Dataset | None, keep: bool
) -> Iterator[tuple[DocumentScan, str]]:
    """One result (and its text) per document in a corpus file, or one failed result."""
    try:
        for record in file_records(path, fields):
            yield scan_record(record, dataset, keep), record.text
    except codec_errors() as error:
        reason = problem(error) if isinstance(error, OSError) and error.strerror else str(error)
        yield DocumentScan(path, error=reason or type(error).__name__), ""


def _one_corpus(
    path: str, fields: Fields, dataset: Dataset | None, keep: bool
) -> Iterator[tuple[DocumentScan, TextSource]]:
    """The results of one compressed text or corpus file, each with its text source."""
    if layout(path).kind == "text":
        scanned = _compressed_text(path, dataset, keep)
        yield scanned, functools.partial(document_text, path) if scanned.ok else list
    else:
        for result, text in _corpus_file(path, fields, dataset, keep):
            yield result, functools.partial(list, [text]) if keep else list


def _corpus_work(task: tuple[str, str, Fields]) -> list[Any]:
    """In a worker: one corpus file's results, flattened (the matcher built once a process)."""
    from armsref.corpora.smallfiles import flatten, prepared

    path, root, fields = task
    dataset, found, _engine = prepared(root)
    index = {system.id: position for position, system in enumerate(found.systems)}
    return [flatten(result, index) for result, _ in _one_corpus(path, fields, dataset, False)]


def _corpora(
    paths: list[str], jobs: int, dataset: Dataset | None, keep: bool, fields: Fields
) -> Iterator[tuple[DocumentScan, TextSource]]:
    """Compressed text and corpus files, in order: with ``jobs`` above 1 (and without
    keeping mentions), one file a task in a process pool."""
    if keep or jobs == 1 or len(paths) < 2:
        for path in paths:
            yield from _one_corpus(path, fields, dataset, keep)
        return
    from armsref.corpora.smallfiles import prepared, rebuild
    from armsref.scanning.pool import worker_pool

    chosen, found, _engine = prepared(None if dataset is None else str(dataset.root))
    tasks = [(path, str(chosen.root), fields) for path in paths]
    with worker_pool(jobs) as pool:
        for done in pool.imap(_corpus_work, tasks):
            for plain in done:
                yield rebuild(plain, found), list


def _compressed_text(path: str, dataset: Dataset | None, keep: bool) -> DocumentScan:
    """A compressed text (or HTML) document, decompressed as it is scanned."""
    from armsref.scanning.documents import _scan_stream
    from armsref.scanning.matcher import matcher

    shape = layout(path)
    try:
        with open_decompressed(path, shape.compression) as stream:
            reader = cast("Reader", stream)
            return _scan_stream(path, reader, matcher(dataset), keep=keep, html=shape.html)
    except codec_errors() as error:
        reason = problem(error) if isinstance(error, OSError) and error.strerror else str(error)
        return DocumentScan(path, error=reason or type(error).__name__)


#: A document's text as the scanner read it, read again on demand, as chunks.
TextSource = Callable[[], Iterable[str]]


def _stdin(
    dataset: Dataset | None, keep: bool, html: bool | None
) -> tuple[DocumentScan, TextSource]:
    """Standard input, read whole so that its text can be read again; HTML as its
    visible text when ``html`` or, for ``None``, when it starts like a page."""
    import sys

    from armsref.scanning.documents import BINARY_PROBE, looks_like_html

    data = sys.stdin.buffer.read()
    nul = data.find(b"\x00", 0, BINARY_PROBE)
    if nul >= 0:
        return DocumentScan("-", error=f"binary file (NUL byte at offset {nul}), skipped"), list
    text = data.decode("utf-8", "replace")
    replaced = "\ufffd" in text and "\ufffd".encode() not in data
    warning = "not valid UTF-8: decoded with replacement characters (U+FFFD)" if replaced else None
    if html or (html is None and looks_like_html(data)):
        from armsref.scanning.htmltext import visible_text

        text = visible_text(text)
    return scan_record(Record("-", text, None, warning), dataset, keep), lambda: [text]


def _plain(
    items: list[str | DocumentScan],
    jobs: int,
    dataset: Dataset | None,
    keep: bool,
    html: bool | None,
) -> Iterator[tuple[DocumentScan, TextSource]]:
    if not keep:  # counts only: the fast path for many small files
        from armsref.corpora.smallfiles import scan_many

        for result in scan_many(items, jobs, dataset, html):
            yield result, list
        return
    found = scan_documents(items, jobs, dataset, keep, html)
    for item, result in zip(items, found, strict=True):
        if isinstance(item, str) and result.ok:
            yield result, functools.partial(document_text, item)
        else:
            yield result, list


def expand_inputs(
    paths: Iterable[str | os.PathLike[str]], recursive: bool
) -> Iterator[str | DocumentScan]:
    """Every file the paths name, folders opened for text and corpus files (see
    :func:`armsref.scanning.paths.expand`); a folder that cannot be listed is a failed result."""
    return expand(paths, recursive, FOLDER_SUFFIXES)


def holds_many(item: str | DocumentScan) -> bool:
    """Whether an item :func:`expand_inputs` gave is a corpus file (many documents)."""
    return not is_plain_file(item) and isinstance(item, str) and layout(item).kind != "text"


def is_plain_file(item: str | DocumentScan) -> bool:
    """Whether an item :func:`expand_inputs` gave is a plain text document (not a corpus
    or compressed file), a failed result or ``-``: one test of its suffix."""
    return not isinstance(item, str) or os.path.splitext(item)[1].lower() not in CORPUS_SUFFIXES


def scan_items(
    items: Iterable[str | DocumentScan],
    jobs: int = 1,
    dataset: Dataset | None = None,
    *,
    keep_mentions: bool = True,
    fields: Fields | None = None,
    html: bool | None = None,
) -> Iterator[tuple[DocumentScan, TextSource]]:
    """Scan what :func:`expand_inputs` gave; each result with a way to read its text again.

    With ``keep_mentions``, standard input is read whole here, so that its text can
    be given again; without, it is scanned as a stream. ``html`` says whether
    standard input is HTML (``None``: when it starts like a page).
    """
    chosen = fields if fields is not None else Fields()
    plain: list[str | DocumentScan] = []
    corpora: list[str] = []
    for item in items:
        if is_plain_file(item):
            yield from _corpora(corpora, jobs, dataset, keep_mentions, chosen)
            corpora = []
            if item == "-" and keep_mentions:
                yield from _plain(plain, jobs, dataset, keep_mentions, html)
                plain = []
                yield _stdin(dataset, keep_mentions, html)
            else:
                plain.append(item)
            continue
        yield from _plain(plain, jobs, dataset, keep_mentions, html)
        plain = []
        assert isinstance(item, str)
        corpora.append(item)
        continue
    yield from _plain(plain, jobs, dataset, keep_mentions, html)
    yield from _corpora(corpora, jobs, dataset, keep_mentions, chosen)


def scan_inputs(
    paths: Iterable[str | os.PathLike[str]],
    recursive: bool = True,
    jobs: int = 1,
    dataset: Dataset | None = None,
    *,
    keep_mentions: bool = True,
    fields: Fields | None = None,
) -> Iterator[DocumentScan]:
    """Scan files, folders, corpus files and ``-``; yield one result per document, in order.

    Args:
        paths: files, folders, corpus files, or ``-`` (standard input).
        recursive: scan the folders inside folders too.
        jobs: how many processes scan at once (plain files in batches, corpus
            files one a task; with ``keep_mentions``, corpus files are read here).
        dataset: whose names to look for (default: :func:`armsref.load`).
        keep_mentions: keep every mention (see :func:`armsref.scan_file`).
        fields: which fields of JSON Lines and Parquet hold the text and the id.
    """
    items = list(expand_inputs(paths, recursive))
    for result, _text in scan_items(
        items, jobs, dataset, keep_mentions=keep_mentions, fields=fields
    ):
        yield result
