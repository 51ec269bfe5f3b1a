"""Extraction from a document of any size, in bounded memory, with the in-memory results.

:func:`extract_stream` finds what :func:`~armsref.extraction.pipeline.extract_all`
finds in the whole decoded text, finding for finding, with the same character
offsets, reading the document's bytes twice:

1. a scan (:mod:`armsref.extraction.mentionindex`) indexes every mention, each
   name's sense decided for the whole document as
   :func:`~armsref.scanning.mentions.scan_all` decides it, and every unit word
   (:class:`~armsref.extraction.unitspots.SpotStream`), where figures can be;
2. only the text around the unit words is read again and decoded, block by
   block, and read as ``extract_all`` reads it: the stretches before the unit
   words, merged (:func:`~armsref.extraction.pipeline.merged`), and the figures
   of each stretch attributed by a :class:`~armsref.extraction.attribution.Reader`
   over the block and the mentions in it. Text more than :data:`GAP` characters
   from any unit word is skipped (sought past, never decoded).

Each stretch belongs to exactly one block, so a figure across a block edge is
found once: a block reads the stretches whose unit words it holds, except the
last (a later unit word could still join it) and those too close to the
block's end for every rule to read around them (:data:`CONTEXT` characters);
those go to the next block, which keeps the text before them. Offsets count
characters (decoded), not bytes.

What the rules remember from figure to figure (the sentence a range was last
found in, the unlisted weapon names of a paragraph) reaches back less than
two paragraphs: before its own stretches, each block reads again the stretches
of the :data:`WARM_UP` characters before them, keeping nothing it finds there,
so that each figure is read with what the whole-text reading remembers there.
The rules read at most :data:`~armsref.extraction.segments.PARAGRAPH_REACH`
characters from a position, and a block holds several times that around each
stretch; only a single run of letters longer than :data:`CONTEXT` could be read
differently.

Examples:
    >>> import io
    >>> text = "The ATACMS flies 300 km. " * 3 + "The ERAM flies 460 km."
    >>> found = extract_stream(lambda: io.BytesIO(text.encode()), block=40)
    >>> [(f.system_id, f.figure, f.start) for f in found]  # doctest: +NORMALIZE_WHITESPACE
    [('atacms', '300 km', 0), ('atacms', '300 km', 25), ('atacms', '300 km', 50),
     ('eram', '460 km', 75)]
"""

from __future__ import annotations

import codecs
import dataclasses
import io
from bisect import bisect_left
from collections.abc import Callable, Generator, Iterator
from typing import TYPE_CHECKING

from armsref.errors import DocumentError
from armsref.extraction.attribution import Reader
from armsref.extraction.mentionindex import BLOCK, MentionIndex, index_mentions
from armsref.extraction.pipeline import findings_in, merged
from armsref.extraction.segments import Segments

if TYPE_CHECKING:
    from array import array

    from armsref.dataset.models import Dataset
    from armsref.extraction.mentionindex import ByteReader
    from armsref.extraction.pipeline import Finding

__all__ = ["CONTEXT", "GAP", "WARM_UP", "extract_indexed", "extract_stream", "first_invalid"]

#: How many characters around a stretch a block must hold for every rule to read.
CONTEXT = 16 << 10
#: How many characters of stretches before its own a block reads again first.
WARM_UP = 16 << 10
#: Unit words further apart than this are read in separate runs, the text between skipped.
GAP = 2 * CONTEXT + WARM_UP
#: How far (characters) before a unit word its stretch can start, number words included.
_LEAD = CONTEXT + 1024
#: The most bytes a character takes in UTF-8.
_WIDEST = 4


def extract_stream(
    open_document: Callable[[], ByteReader],
    dataset: Dataset | None = None,
    *,
    block: int = BLOCK,
) -> Iterator[Finding]:
    """Every range figure of a document, attributed or not, in text order.

    Args:
        open_document: opens the document's bytes (UTF-8) at its start; called
            once for each pass. In a file (``open(path, "rb")``, ``io.BytesIO``),
            the text far from any unit word is sought past; other streams (a
            decompressor) are read through.
        dataset: whose systems to look for (default: :func:`armsref.load`).
        block: how many bytes to read at a time.

    Yields:
        The findings :func:`~armsref.extraction.pipeline.extract_all` makes of the
        decoded text, attributed or not, in the order it makes them.

    Raises:
        DocumentError: the bytes are not UTF-8 (before any finding).
    """
    with _closing(open_document()) as first:
        index = index_mentions(first, dataset, block=block)
    if index.invalid:
        with _closing(open_document()) as again:
            at = first_invalid(again, block=block)
        raise DocumentError(
            f"not UTF-8 text (byte {at} cannot be decoded); convert it to UTF-8 first"
        )
    with _closing(open_document()) as second:
        yield from extract_indexed(second, index, block=block)


def first_invalid(reader: ByteReader, *, block: int = BLOCK) -> int:
    """The offset of the first byte that is not UTF-8 in ``reader``, or -1."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    done = 0
    while True:
        data = reader.read(block)
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            return done - pending + error.start
        if not data:
            return -1
        done += len(data)


def extract_indexed(
    reader: ByteReader, index: MentionIndex, *, block: int = BLOCK
) -> Iterator[Finding]:
    """The findings of the (UTF-8) document ``index`` was made from, read from ``reader``.

    Raises:
        DocumentError: the document is shorter than when it was indexed.
    """
    spots, at = index.spot_chars, 0
    position = 0  # where the reader is, in bytes
    starts = index.spot_bytes
    # Bytes read for each character needed: one where the reader can seek back for more
    # (a file; a decompressor would start again from the top), else the most there can be.
    width = 1 if isinstance(reader, (io.BufferedReader, io.BytesIO, io.FileIO)) else _WIDEST
    while at < len(spots):
        # A run of unit words: each less than GAP characters after the one before, or
        # with the bytes read before it overlapping those read after the one before.
        last = at
        while last + 1 < len(spots) and (
            spots[last + 1] - spots[last] <= GAP
            or starts[last + 1] - width * _LEAD < starts[last] + width * (CONTEXT + 64)
        ):
            last += 1
        low = max(0, starts[at] - width * _LEAD)
        high = min(index.size, starts[last] + width * (CONTEXT + 64))
        position = _skip(reader, position, low, block, back=width == 1)
        position = yield from _run(reader, index, (at, last + 1), (low, high), block)
        at = last + 1


def _skip(reader: ByteReader, position: int, to: int, block: int, *, back: bool) -> int:
    """Move ``reader`` from byte ``position`` to byte ``to`` (back too, where ``back``)."""
    if back:
        reader.seek(to)  # type: ignore[attr-defined]
        return to
    while position < to:
        data = reader.read(min(block, to - position))
        if not data:
            raise DocumentError("the document changed while it was read: it is shorter")
        position += len(data)
    return position


def _exactly(reader: ByteReader, size: int) -> bytes:
    data = reader.read(size)
    if len(data) != size:
        raise DocumentError("the document changed while it was read: it is shorter")
    return data


def _run(
    reader: ByteReader,
    index: MentionIndex,
    spans: tuple[int, int],
    extent: tuple[int, int],
    block: int,
) -> Generator[Finding, None, int]:
    """The findings of the unit words ``spans`` (positions in the index), read from the
    bytes ``extent`` of the document (``reader`` is at its start) and more where
    those hold too few characters; return where the reader stopped."""
    (first, stop), (low, high) = spans, extent
    spot = index.spot_bytes[first]
    text = _text_before(_exactly(reader, spot - low))
    if len(text) < _LEAD and low > 0:  # many bytes a character: read further back
        low = max(0, spot - _WIDEST * _LEAD)
        _skip(reader, -1, low, block, back=True)
        text = _text_before(_exactly(reader, spot - low))
    base = index.spot_chars[first] - len(text)
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    spots = index.spot_chars[first:stop]
    resume = spots[0]  # where the next stretch starts (its first unit word)
    warm: list[tuple[int, int]] = []  # stretches read, kept to warm up the rules
    left = high - spot
    ended = False
    while not ended:
        data = _exactly(reader, min(block, left))
        left -= len(data)
        text += decoder.decode(data, final=left == 0 and high == index.size)
        if left == 0 and high < index.size and base + len(text) - spots[-1] < CONTEXT + 64:
            left = min(index.size - high, _WIDEST * (CONTEXT + 64))  # too few characters
            high += left
        ended = left == 0
        if not ended and len(text) - (resume - base) < block + CONTEXT:
            continue  # too little new text to settle a stretch yet
        found, resume, warm = _read_block(
            text, base, resume, warm=warm, spots=spots, index=index, ended=ended
        )
        yield from found
        keep = min([resume, *(start for start, _ in warm[:1])]) - CONTEXT
        if keep > base:
            text, base = text[keep - base :], keep
    return high


def _text_before(data: bytes) -> str:
    """``data`` decoded, from the first whole character on."""
    skipped = 0
    while skipped < min(len(data), 3) and data[skipped] & 0xC0 == 0x80:
        skipped += 1  # the middle of a character: start after it
    return data[skipped:].decode("utf-8")


def _read_block(
    text: str,
    base: int,
    resume: int,
    *,
    warm: list[tuple[int, int]],
    spots: array[int],
    index: MentionIndex,
    ended: bool,
) -> tuple[list[Finding], int, list[tuple[int, int]]]:
    """Read the stretches ``text`` settles; return their findings, where to resume, and
    the stretches to warm up with next."""
    ahead = spots[bisect_left(spots, resume) : bisect_left(spots, base + len(text))]
    stretches = merged(text, [at - base for at in ahead])
    if not ended:
        # The last stretch may go on past what is read, and a stretch needs its context.
        stretches = stretches[:-1]
        while stretches and stretches[-1][1] + CONTEXT > len(text):
            stretches.pop()
    if not stretches:
        return [], resume, warm
    ours, others = index.window(text, base)
    reader = Reader(Segments(text), ours, others)
    for low, high in warm:
        findings_in(reader, low - base, high - base)  # the rules remember what they read
    found = [_moved(f, base) for low, high in stretches for f in findings_in(reader, low, high)]
    settled = [(low + base, high + base) for low, high in stretches]
    # The next unit word after the last stretch read starts the next block's stretches.
    last = settled[-1][1] - 16
    resume = next((at for at in ahead if at > last), base + len(text))
    warm = [s for s in (*warm, *settled) if s[0] >= resume - WARM_UP]
    return found, resume, warm


def _moved(finding: Finding, base: int) -> Finding:
    """``finding`` with its offsets moved ``base`` characters on, into the document."""
    if not base:
        return finding
    named = finding.name_start >= 0
    return dataclasses.replace(
        finding,
        start=finding.start + base,
        end=finding.end + base,
        figure_start=finding.figure_start + base,
        figure_end=finding.figure_end + base,
        name_start=finding.name_start + base if named else -1,
        name_end=finding.name_end + base if named else -1,
    )


class _closing:
    """Close what ``open_document`` gave, if it can be closed."""

    def __init__(self, stream: ByteReader) -> None:
        self.stream = stream

    def __enter__(self) -> ByteReader:
        return self.stream

    def __exit__(self, *_: object) -> None:
        close = getattr(self.stream, "close", None)
        if close is not None:
            close()
