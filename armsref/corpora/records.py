"""The documents inside corpus files: JSON Lines, Parquet and WARC, each with its id.

Each reader yields one :class:`Record` per document, as it reads: a JSON line,
a Parquet row (read in batches with pyarrow), or a WARC record holding a page
(read with warcio; HTML turned into its visible text by
:mod:`armsref.scanning.htmltext`, other text as it is, images and the like
passed over). A document is named ``FILE#ID``: ``ID`` is the value of the id
field when one is named, else the line or row number from 1 (JSON Lines,
Parquet) or the page's address (WARC). A document that cannot be read (a line
that is not JSON, a missing or non-text field) comes as a record with
:attr:`Record.error` set, and the others are read all the same; a file that
cannot be read at all raises :class:`~armsref.errors.InputError`.

Examples:
    >>> import io
    >>> lines = io.BytesIO(b'{"id": "a1", "body": "TLAM"}\\n\\n{"id": 7}\\nnot json\\n')
    >>> for record in jsonl_records("news.jsonl", lines, Fields("body", "id")):
    ...     print(record)
    Record(name='news.jsonl#a1', text='TLAM', error=None, warning=None)
    Record(name='news.jsonl#7', text='', error="no text field 'body'", warning=None)
    Record(name='news.jsonl#4', text='', error='line 4: not JSON: Expecting value', warning=None)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

from armsref.corpora.formats import layout, open_decompressed
from armsref.errors import InputError

__all__ = [
    "Fields",
    "Record",
    "file_records",
    "jsonl_records",
    "parquet_records",
    "text_record",
    "warc_records",
]

#: Parquet rows are read this many at a time.
BATCH_ROWS = 512
#: The content types of WARC records that are read; the rest are passed over.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})


class Fields(NamedTuple):
    """Which fields of a JSON line or columns of a Parquet file hold a document.

    Attributes:
        text: the field with the document's text.
        id: the field with its id, or ``None`` to number the documents.
    """

    text: str = "text"
    id: str | None = None


class Record(NamedTuple):
    """One document in a corpus file.

    Attributes:
        name: ``FILE#ID``.
        text: the document's text (empty when it could not be read).
        error: why it could not be read, or ``None``.
        warning: something to know (text decoded with replacement), or ``None``.
    """

    name: str
    text: str
    error: str | None = None
    warning: str | None = None


def _id(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _record(path: str, number: int, row: dict[str, Any], fields: Fields) -> Record:
    ident: object = number
    if fields.id is not None:
        if row.get(fields.id) is None:
            return Record(f"{path}#{number}", "", f"no id field {fields.id!r}")
        ident = row[fields.id]
    name = f"{path}#{_id(ident)}"
    text = row.get(fields.text)
    if text is None:
        return Record(name, "", f"no text field {fields.text!r}")
    if not isinstance(text, str):
        return Record(name, "", f"field {fields.text!r} is {type(text).__name__}, not text")
    return Record(name, text)


def jsonl_records(path: str, stream: IO[bytes], fields: Fields) -> Iterator[Record]:
    """The documents in a JSON Lines stream: one object per line, blank lines passed over."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except UnicodeDecodeError:
            yield Record(f"{path}#{number}", "", f"line {number}: not UTF-8")
            continue
        except json.JSONDecodeError as error:
            yield Record(f"{path}#{number}", "", f"line {number}: not JSON: {error.msg}")
            continue
        if not isinstance(row, dict):
            yield Record(f"{path}#{number}", "", f"line {number}: not a JSON object")
            continue
        yield _record(path, number, row, fields)


def parquet_records(path: str, fields: Fields) -> Iterator[Record]:
    """The documents in a Parquet file, read :data:`BATCH_ROWS` rows at a time."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'armsref[corpora]'") from None
    try:
        table = pq.ParquetFile(path)
    except OSError:
        raise
    except Exception as error:  # pyarrow's own errors for files that are not Parquet
        raise InputError(f"not a Parquet file: {error}") from None
    names = table.schema_arrow.names
    columns = [fields.text] if fields.id is None else [fields.text, fields.id]
    for column in columns:
        if column not in names:
            raise InputError(f"no column {column!r} (columns: {', '.join(names)})")
    number = 0
    with table:
        for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                number += 1
                yield _record(path, number, row, fields)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return "utf-8"


def _page(name: str, body: bytes, content_type: str) -> Record:
    kind = content_type.split(";", maxsplit=1)[0].strip().lower()
    charset = _charset(content_type)
    try:
        text = body.decode(charset)
        warning = None
    except (UnicodeDecodeError, LookupError):
        text = body.decode("utf-8", "replace")
        warning = f"not valid {charset}: decoded as UTF-8 with replacement characters (U+FFFD)"
    if kind in _HTML_TYPES:
        from armsref.scanning.htmltext import visible_text

        text = visible_text(text)
    return Record(name, text, None, warning)


def warc_records(path: str, stream: IO[bytes]) -> Iterator[Record]:
    """The pages in a WARC or WARC.gz stream: responses, resources and conversions
    whose content type is HTML or plain text, named by their address."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise InputError("reading WARC needs warcio: pip install 'armsref[corpora]'") from None
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type not in {"response", "resource", "conversion"}:
                continue
            headers = record.http_headers if record.rec_type == "response" else None
            if headers is not None:
                content_type = headers.get_header("Content-Type") or ""
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            kind = content_type.split(";")[0].strip().lower()
            if kind not in _HTML_TYPES and kind not in _TEXT_TYPES:
                continue
            address = record.rec_headers.get_header("WARC-Target-URI") or str(number)
            yield _page(f"{path}#{address}", record.content_stream().read(), content_type)
    except ArchiveLoadFailed as error:
        raise InputError(f"not a WARC file: {str(error).splitlines()[0]}") from None


def text_record(path: str) -> Record:
    """A compressed (or plain) text or HTML file as one document, read whole.

    For reading whole (as extraction does); scanning streams such files instead.
    """
    shape = layout(path)
    with open_decompressed(path, shape.compression) as stream:
        data = stream.read()
    nul = data.find(b"\x00", 0, 64 << 10)
    if nul >= 0:
        return Record(path, "", f"binary file (NUL byte at offset {nul}), skipped")
    try:
        text, warning = data.decode("utf-8"), None
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        warning = "not valid UTF-8: decoded with replacement characters (U+FFFD)"
    if shape.html:
        from armsref.scanning.htmltext import visible_text

        text = visible_text(text)
    return Record(path, text, None, warning)


def file_records(path: str, fields: Fields) -> Iterator[Record]:
    """The documents in any corpus file: JSON Lines, Parquet, WARC (one each), text (one).

    Raises:
        InputError: the file cannot be read as its format.
        OSError: it cannot be opened.
    """
    shape = layout(path)
    if shape.kind == "text":
        yield text_record(path)
        return
    if shape.kind == "parquet":
        if shape.compression is not None:
            raise InputError("compressed Parquet is not read: Parquet compresses inside")
        yield from parquet_records(path, fields)
        return
    # warcio decompresses .warc.gz itself, record by record.
    warc_gzip = shape.kind == "warc" and shape.compression == "gzip"
    with open_decompressed(path, None if warc_gzip else shape.compression) as stream:
        if shape.kind == "warc":
            yield from warc_records(path, stream)
        else:
            yield from jsonl_records(path, stream, fields)
