"""A document's mentions and unit words, scanned from its bytes once, a few numbers each.

Attribution needs every mention near a figure, and a mention's sense may hang on
evidence anywhere in its document ("Patriot" is the weapon because the document
also says "MIM-104", a hundred megabytes later: see
:mod:`armsref.scanning.discourse`). Streaming extraction therefore scans the
whole document first, as :func:`armsref.scanning.mentions.scan_all` would,
with the same :class:`~armsref.scanning.stream.StreamScanner` that ``armsref
scan`` streams files with, and keeps what it found in a :class:`MentionIndex`:
for each mention its system, its start and end (characters) and its variant,
in flat arrays (about 24 bytes a mention), in document order. The surface is
not kept: it is the text between start and end, read again with the text. The
same pass finds where each unit word starts, in bytes and in characters
(:class:`armsref.extraction.unitspots.SpotStream`): the only places a figure
can be, so that the second pass reads the text near them alone.

Examples:
    >>> import io
    >>> index = index_mentions(io.BytesIO("“ATACMS” and HIMARS".encode()))
    >>> ours, others = index.window("“ATACMS” and HIMARS", 0)
    >>> [(m.surface, m.start) for m in ours], [m.system.id for m in others]
    ([('ATACMS', 1)], ['himars'])
    >>> index.chars, index.invalid
    (19, False)
    >>> index = index_mentions(io.BytesIO("A 300-km range, 186 mi".encode()))
    >>> list(index.spot_chars), list(index.spot_bytes)
    ([6, 20], [6, 20])
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from armsref.dataset.models import Dataset, System
    from armsref.extraction.unitspots import SpotStream
    from armsref.scanning.mentions import Mention
    from armsref.scanning.stream import Found

__all__ = ["BLOCK", "ByteReader", "MentionIndex", "index_mentions"]

#: How many bytes are read at a time.
BLOCK = 4 << 20


class ByteReader(Protocol):
    """A binary stream (an open file, ``io.BytesIO``)."""

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes."""
        ...  # pragma: no cover


@dataclass
class MentionIndex:
    """Every mention of one document, in document order; see the module docstring.

    Attributes:
        systems: the matcher's systems (a mention's system is a position in it).
        covered: how many of them are the dataset's own; the rest are other systems
            it knows by name only.
        starts: each mention's start (characters), ascending.
        ends: each mention's end.
        kinds: each mention's system.
        variants: each mention's variant, a position in ``names`` (-1 for none).
        names: the variant ids met.
        spot_bytes: where each unit word starts (bytes), ascending.
        spot_chars: where each starts (characters).
        chars: how many characters the document has.
        size: how many bytes.
        invalid: whether its bytes were not valid UTF-8.
    """

    systems: tuple[System, ...]
    covered: int
    starts: array[int]
    ends: array[int]
    kinds: array[int]
    variants: array[int]
    names: list[str]
    spot_bytes: array[int]
    spot_chars: array[int]
    chars: int = 0
    size: int = 0
    invalid: bool = False

    def __len__(self) -> int:
        return len(self.starts)

    def window(self, text: str, base: int) -> tuple[list[Mention], list[Mention]]:
        """The mentions inside ``text``, the document's characters from ``base`` on.

        Returns:
            The dataset's mentions and the other systems', as
            :func:`~armsref.scanning.mentions.scan_all` returns them, with
            offsets into ``text``.
        """
        from armsref.scanning.mentions import Mention

        ours: list[Mention] = []
        others: list[Mention] = []
        low = bisect_left(self.starts, base)
        stop = base + len(text)
        for at in range(low, bisect_left(self.starts, stop)):
            start, end = self.starts[at] - base, self.ends[at] - base
            if end + base > stop:
                break
            kind, variant = self.kinds[at], self.variants[at]
            mention = Mention(
                self.systems[kind],
                start,
                end,
                text[start:end],
                self.names[variant] if variant >= 0 else None,
            )
            (ours if kind < self.covered else others).append(mention)
        return ours, others


def index_mentions(
    reader: ByteReader, dataset: Dataset | None = None, *, block: int = BLOCK
) -> MentionIndex:
    """Scan a document from ``reader`` (bytes) to its end and index its mentions.

    Args:
        reader: a binary stream at the document's start.
        dataset: whose names to look for (default: :func:`armsref.load`).
        block: how many bytes to read at a time.
    """
    from armsref.extraction.unitspots import SpotStream
    from armsref.scanning.matcher import matcher
    from armsref.scanning.stream import StreamScanner

    found = matcher(dataset)
    scanner = StreamScanner(found)
    units = SpotStream()
    index = MentionIndex(
        found.systems,
        found.covered,
        *(array("q"), array("q"), array("i"), array("i"), []),
        spot_bytes=array("q"),
        spot_chars=array("q"),
    )
    numbers: dict[str, int] = {}
    ordered = True

    def take(batch: list[Found]) -> None:
        nonlocal ordered
        for system, start, end, _, variant in batch:
            if index.starts and start < index.starts[-1]:
                ordered = False
            index.starts.append(start)
            index.ends.append(end)
            index.kinds.append(system)
            if variant is None:
                index.variants.append(-1)
            else:
                index.variants.append(numbers.setdefault(variant, len(numbers)))

    def spotted(spots: list[tuple[int, int]]) -> None:
        for byte, char in spots:
            index.spot_bytes.append(byte)
            index.spot_chars.append(char)

    tee = _Tee(reader, units, spotted)
    while True:
        count, batch = scanner.read_from(tee, block)
        take(batch)
        if not count:
            break
        index.size += count
    take(scanner.finish())
    spotted(units.finish())
    if not ordered:
        _sort(index)
    index.names = list(numbers)
    index.chars, index.invalid = scanner.chars, scanner.invalid
    return index


class _Tee:
    """A reader that shows the unit-word stream each block the scanner reads, uncopied."""

    def __init__(
        self,
        reader: ByteReader,
        units: SpotStream,
        spotted: Callable[[list[tuple[int, int]]], None],
    ) -> None:
        self.reader, self.units, self.spotted = reader, units, spotted

    def read(self, size: int = -1, /) -> bytes:
        data = self.reader.read(size)
        self.spotted(self.units.feed(data))
        return data

    def readinto(self, buffer: memoryview, /) -> int:
        into = getattr(self.reader, "readinto", None)
        if into is None:
            data = self.read(len(buffer))
            buffer[: len(data)] = data
            return len(data)
        count = into(buffer) or 0
        with buffer[:count] as block:
            self.spotted(self.units.feed(block))
        return count


def _sort(index: MentionIndex) -> None:
    """Put the mentions in document order (held names come after the plain ones)."""
    order = sorted(range(len(index.starts)), key=index.starts.__getitem__)
    for name in ("starts", "ends", "kinds", "variants"):
        column = getattr(index, name)
        setattr(index, name, array(column.typecode, (column[at] for at in order)))
