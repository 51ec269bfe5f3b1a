"""Where in a text a length figure may be: every place a range unit is written.

Every figure :mod:`armsref.lengths.figures` reads ends in a unit, and every unit it
reads contains one of a few words: ``km``, ``kilomet``, ``mile``, ``nmi``,
``mi`` standing alone, or ``NM`` in capitals. Finding those words is the one
pass over the whole text that extraction makes; the full figure grammar then
runs only on a short stretch before each of them.

The words are found by Hyperscan over the text's UTF-8 bytes, several hundred
MB/s, and the byte offsets turned back into character offsets. Where Hyperscan
cannot be imported, one Python regular expression finds the same places,
more slowly.

Examples:
    >>> text = "A 300-km range, a military parade, 186 mi and 500 NM."
    >>> [text[at : at + 2] for at in spots(text)]
    ['km', 'mi', 'NM']
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from armsref.scanning.engine import Buffer

__all__ = ["spots"]

# Caseless: the unit words, each matching where it starts or a fixed distance after.
_WORDS: tuple[tuple[bytes, int], ...] = (
    (b"km", 2),
    (b"kilomet", 7),
    (b"mile", 4),
    (b"nmi", 3),
    (b"[^a-z]mi[^a-z]", 3),  # "mi" standing alone; its start is 3 before the match's end
)
_CAPITALS: tuple[bytes, int] = (b"NM", 2)  # "nm" in lower case is a nanometre: not read
_PYTHON = re.compile(
    r"[kK][mM]|[kK][iI][lL][oO][mM][eE][tT]|[mM][iI][lL][eE]|[nN][mM][iI]"
    r"|(?<![A-Za-z])[mM][iI](?![A-Za-z])|NM"
)


@cache
def _database() -> tuple[Any, tuple[int, ...]] | None:
    """The compiled Hyperscan database and each pattern's length back to the word start."""
    try:
        import hyperscan
    except ImportError:  # pragma: no cover - hyperscan is a dependency; this is the fallback
        return None
    patterns = [*_WORDS, _CAPITALS]
    database = hyperscan.Database()
    database.compile(
        expressions=[pattern for pattern, _ in patterns],
        ids=list(range(len(patterns))),
        elements=len(patterns),
        flags=[hyperscan.HS_FLAG_CASELESS] * len(_WORDS) + [0],
    )
    return database, tuple(back for _, back in patterns)


def _scan_end(database: Any, data: bytes, found: Any) -> None:
    """Scan the last bytes of ``data`` again, a space after them.

    Hyperscan can miss a word that ends a buffer (``nmi`` after some multi-byte
    characters); with a byte after it, it does not.
    """
    shift = max(0, len(data) - 2 * _LONGEST)

    def moved(pattern: int, start: int, end: int, flags: int, context: object) -> None:
        if end <= len(data) - shift:
            found(pattern, start + shift, end + shift, flags, context)

    database.scan(data[shift:] + b" ", match_event_handler=moved)


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _char_offsets(text: str, data: bytes, ends: list[int]) -> list[int]:
    """Character offsets for sorted byte offsets into ``data = text.encode()``."""
    if len(data) == len(text):  # all ASCII: a byte is a character
        return ends
    offsets = []
    byte, char = 0, 0
    for end in ends:
        char += len(data[byte:end].decode("utf-8", errors="surrogatepass"))
        byte = end
        offsets.append(char)
    return offsets


def spots(text: str) -> list[int]:
    """The character offsets, in order and without repeats, where a unit word starts."""
    compiled = _database()
    if compiled is None:
        return [match.start() for match in _PYTHON.finditer(text)]
    database, back = compiled
    data = text.encode("utf-8", errors="surrogatepass")
    starts: set[int] = set()

    def found(pattern: int, start: int, end: int, flags: int, context: object) -> None:
        starts.add(end - back[pattern])

    database.scan(data, match_event_handler=found)
    _scan_end(database, data, found)
    # "mi" at either end of the text has no character beside it for the pattern to see.
    if text[:2].lower() == "mi" and not _ascii_letter(text[2:3]):
        starts.add(0)
    if text[-2:].lower() == "mi" and not _ascii_letter(text[-3:-2]):
        starts.add(len(data) - 2)
    return _char_offsets(text, data, sorted(starts))


#: A unit word's match is at most this many bytes, its neighbours included.
_LONGEST = 8
#: Every byte that is not a UTF-8 continuation byte (deleted to count those).
_NOT_CONTINUATION = bytes(range(0x80)) + bytes(range(0xC0, 0x100))
#: The Python pattern, read over bytes: its words and neighbours are all ASCII.
_PYTHON_BYTES = re.compile(_PYTHON.pattern.encode())
#: Continuation bytes are counted piece by piece, the pieces all ASCII passed over.
_PIECE = 16 << 10


def _mi_at_start(data: bytes) -> bool:
    return data[:2].lower() == b"mi" and not data[2:3].isalpha()


class _Joined:
    """Two byte strings read as one (the tail kept and a new block), not copied whole."""

    def __init__(self, head: bytes, block: Buffer) -> None:
        self.head, self.block, self.size = head, memoryview(block), len(head) + len(block)

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _ = part.indices(self.size)
        cut = len(self.head)
        if stop <= cut:
            return self.head[start:stop]
        if start >= cut:
            return bytes(self.block[start - cut : stop - cut])
        return self.head[start:] + bytes(self.block[: stop - cut])

    def continuations(self, start: int, end: int) -> int:
        """How many UTF-8 continuation bytes ``[start, end)`` holds (bytes less characters)."""
        count = 0
        for at in range(start, end, _PIECE):
            piece = self[at : min(at + _PIECE, end)]
            if not piece.isascii():
                count += len(piece.translate(None, _NOT_CONTINUATION))
        return count


class SpotStream:
    """:func:`spots` over a document given as blocks of UTF-8 bytes, cut anywhere.

    :meth:`feed` takes each block and :meth:`finish` the end; both return the
    unit words settled so far as ``(byte, character)`` offsets into the whole
    document, in order: the character offsets are those :func:`spots` gives
    for the decoded text, and each byte offset is where that character starts.

    Examples:
        >>> data = "mi: 300 km, 186 mi".encode()
        >>> stream = SpotStream()
        >>> [*stream.feed(data[:9]), *stream.feed(data[9:]), *stream.finish()]
        [(0, 0), (8, 8), (16, 16)]
        >>> stream = SpotStream()
        >>> [*stream.feed("é 5 km".encode()), *stream.finish()]
        [(5, 4)]
    """

    def __init__(self) -> None:
        self._compiled = _database()
        self._tail = b""  # the last bytes seen, read again with the next block
        self._tail_at = 0  # the document offset of the tail's first byte
        self._settled = 0  # unit words starting before this byte are reported
        self._chars = 0  # characters before byte self._settled
        self._next = 0  # without Hyperscan: where the pattern's next search starts

    def feed(self, block: Buffer) -> list[tuple[int, int]]:
        """Take the next block (any bytes-like object); return the unit words now settled."""
        if self._compiled is None:
            return self._read(_Joined(self._tail + bytes(block), b""), final=False)
        return self._read(_Joined(self._tail, block), final=False)

    def finish(self) -> list[tuple[int, int]]:
        """Say the document has ended; return the remaining unit words."""
        return self._read(_Joined(self._tail, b""), final=True)

    def _starts(self, data: _Joined, stop: int, *, final: bool) -> list[int]:
        """Where unit words start in ``data`` (the tail and a block), up to ``stop``."""
        at = self._tail_at
        if self._compiled is None:
            found = []
            end = self._next - at
            for match in _PYTHON_BYTES.finditer(data.head, self._next - at):
                if match.start() >= stop:
                    break
                found.append(match.start())
                end = match.end()
            self._next = at + max(stop, end)
            return found
        database, back = self._compiled
        starts: set[int] = set()
        shift = 0

        def seen(pattern: int, start: int, end: int, flags: int, context: object) -> None:
            starts.add(shift + end - back[pattern])

        cut = len(data.head)
        database.scan(data[: cut + 2 * _LONGEST], match_event_handler=seen)  # across the join
        shift = cut
        database.scan(data.block, match_event_handler=seen)
        if final:
            shift = 0
            _scan_end(database, data[:], seen)
        # "mi" at either end of the document has no byte beside it for the pattern to see.
        if self._settled == 0 and _mi_at_start(data[:3]):
            starts.add(0)
        if final and _mi_at_start(data[-2:] + data[-3:-2]):
            starts.add(data.size - 2)
        return sorted(s for s in starts if s < stop)

    def _read(self, data: _Joined, *, final: bool) -> list[tuple[int, int]]:
        at = self._tail_at
        stop = data.size if final else max(0, data.size - _LONGEST)
        if stop == 0 and not final:
            self._tail = data[:]
            return []
        first = self._settled - at
        found = []
        byte, chars = first, self._chars
        for start in self._starts(data, stop, final=final):
            if start < first:
                continue
            chars += start - byte - data.continuations(byte, start)
            byte = start
            found.append((at + start, chars))
        self._chars = chars + max(0, stop - byte) - data.continuations(byte, stop)
        self._settled = at + max(stop, first)
        keep = max(0, data.size - 2 * _LONGEST)
        self._tail, self._tail_at = data[keep:], at + keep
        return found
