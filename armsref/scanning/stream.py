"""Scanning UTF-8 bytes of any length in bounded memory, with exact character offsets.

:class:`StreamScanner` takes a document as blocks of bytes, cut anywhere, and
returns its mentions with character offsets into the decoded text. Each
*buffer* (what is left of the last block, then the new one) is searched by the
engine (:mod:`armsref.scanning.engine`); around each place it reports, a window wide
enough for every rule (the name, and the context :mod:`armsref.scanning.senses` reads
on either side) is decoded and the name's exact pattern is matched there.
Only those windows are ever decoded: the character offset of a place is its
byte offset less the UTF-8 continuation bytes before it, which are counted
without decoding.

Chunks overlap so that a mention across a block edge is found exactly once:
a buffer accepts the mentions that end in its *settled* part (all but its
last few hundred bytes, where the context is not complete yet, and nothing
after the start of a match that runs past that) and after what the previous
buffer accepted; it passes on to the next buffer enough bytes for any mention
that ends beyond the settled part, with the context before it.

Invalid UTF-8 is decoded with replacement (U+FFFD), as
``bytes.decode("utf-8", "replace")`` would, from the buffer where it is first
seen; offsets then refer to that decoded text and :attr:`StreamScanner.invalid`
is set.

Examples:
    >>> import armsref
    >>> from armsref.scanning.matcher import matcher
    >>> stream = StreamScanner(matcher(armsref.load()))
    >>> text = "Line one.\\n“Tomahawks” and ATACMS".encode()
    >>> found = [*stream.feed(text[:15]), *stream.feed(text[15:]), *stream.finish()]
    >>> sorted(found, key=lambda f: f[1])
    [(2, 11, 20, 'Tomahawks', None), (0, 26, 32, 'ATACMS', None)]
    >>> sorted(stream.first_positions.items())
    [(0, (2, 17)), (2, (2, 2))]
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Protocol

from armsref.scanning import senses
from armsref.scanning.discourse import Discourse
from armsref.scanning.engine import prefilter
from armsref.scanning.matcher import leftmost_longest, rank

if TYPE_CHECKING:
    from armsref.scanning.discourse import Candidate
    from armsref.scanning.engine import Buffer, Prefilter
    from armsref.scanning.matcher import Matcher

__all__ = ["Found", "Reader", "StreamScanner", "complete_prefix"]

#: A mention as the stream reports it: ``(system, start, end, surface, variant)``.
Found = tuple[int, int, int, str, str | None]


class Reader(Protocol):
    """A binary stream that can read into a buffer (an open file, ``sys.stdin.buffer``)."""

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes."""
        ...  # pragma: no cover

    def readinto(self, buffer: memoryview, /) -> int | None:
        """Read into ``buffer``; return how many bytes were read."""
        ...  # pragma: no cover


#: Every byte that is not a UTF-8 continuation byte (deleted to count those).
_NOT_CONTINUATION = bytes(range(0x80)) + bytes(range(0xC0, 0x100))
#: Continuation bytes are counted piece by piece, skipping the pieces that are all ASCII.
_PIECE = 16 << 10


def _continuations(data: bytes | bytearray, start: int = 0, end: int | None = None) -> int:
    """How many UTF-8 continuation bytes ``data[start:end]`` holds (its bytes less its characters).

    Pieces that are all ASCII, common in English text, are passed over at memory speed.
    """
    end = len(data) if end is None else end
    count = 0
    for at in range(start, end, _PIECE):
        piece = data[at : min(at + _PIECE, end)]
        if not piece.isascii():
            count += len(piece.translate(None, _NOT_CONTINUATION))
    return count


def _is_continuation(byte: int) -> bool:
    return byte & 0xC0 == 0x80


def complete_prefix(data: bytes | bytearray, start: int = 0, end: int | None = None) -> int:
    """Where the whole UTF-8 characters of ``data[start:end]`` end: after it, a cut one starts.

    Examples:
        >>> complete_prefix("ab’".encode()[:-1]), complete_prefix(b"abc")
        (2, 3)
    """
    end = len(data) if end is None else end
    lead = end - 1
    while lead >= max(start, end - 4) and _is_continuation(data[lead]):
        lead -= 1
    if lead < start or data[lead] < 0xC0:
        return end
    need = 2 if data[lead] < 0xE0 else 3 if data[lead] < 0xF0 else 4
    return lead if end - lead < need else end


class StreamScanner:
    """Find mentions in a document given as blocks of bytes; see the module docstring.

    Call :meth:`feed` with each block (or :meth:`read_from` to read straight
    into the scanner's buffer), then :meth:`finish` once. They return the
    mentions settled so far as ``(system, start, end, surface, variant)``,
    ``system`` being a position in ``matcher.systems`` and offsets counting
    characters. A plain name is returned as soon as it is settled; an acronym
    or everyday name waits for the document's decision
    (:mod:`armsref.scanning.discourse`) and comes from :meth:`finish`, so
    mentions come in document order only within each of those two kinds.

    Attributes:
        invalid: whether the bytes were not valid UTF-8 (then decoded with replacement).
        first_positions: for each system mentioned, the 1-based line and column
            (in characters) of its first mention.
        chars: how many characters the document has decoded so far.
        offsets: whether every mention gets its offsets. Without, counting
            characters and lines stops once every system has been seen, and
            the mentions after that come with offsets of -1; each system's
            first mention (and :attr:`first_positions`) is always exact.
    """

    def __init__(
        self, found: Matcher, engine: Prefilter | None = None, *, offsets: bool = True
    ) -> None:
        self.offsets = offsets
        self._counting = True
        self._systems = len(found.systems)
        self._matcher = found
        self._engine = engine if engine is not None else prefilter(found)
        self._longest = found.longest
        # Windows in bytes: up to 4 bytes a character, a plural and a variant letter.
        self._before = 4 * senses.LOOKBEHIND + 8
        self._after = 4 * senses.LOOKAHEAD + 16
        # What the exact rules read (a name, its neighbours, an acronym's long form): the
        # wider evidence window is decoded only for a candidate that is weighed.
        self._near_before = 4 * _NEAR + 8
        self._near_after = 4 * senses.NEAR_AFTER + 16
        self._keep = found.widest + self._before + 16
        # One buffer, reused: [0, carry) is checked UTF-8 kept from the last round,
        # [carry, filled) bytes not checked yet; the rest is room.
        self._buffer = bytearray()
        self._carry = 0
        self._filled = 0
        self._byte = 0  # document offset of the buffer's first byte (after any replacement)
        self._char = 0  # ... and of its first character
        self._accepted = 0  # mentions ending at or before this document byte are done
        self._lines = 0  # newlines before self._byte
        self._line_start = 0  # character offset where the line holding self._byte starts
        self._decoder: codecs.IncrementalDecoder | None = None
        self._counted = self._newlines = (0, 0)
        self.invalid = False
        self.first_positions: dict[int, tuple[int, int]] = {}
        self._first_chars: dict[int, int] = {}
        self._discourse = Discourse()
        self.chars = 0

    def _room(self, size: int) -> None:
        missing = self._filled + size - len(self._buffer)
        if missing > 0:
            self._buffer.extend(bytes(missing))

    def _append(self, block: Buffer) -> None:
        self._room(len(block))
        self._buffer[self._filled : self._filled + len(block)] = block
        self._filled += len(block)

    def feed(self, block: Buffer) -> list[Found]:
        """Add the next block of the document; return the mentions now settled."""
        if self._decoder is not None:
            block = self._decoder.decode(block).encode()
        self._append(block)
        return self._process(final=False)

    def read_from(self, reader: Reader, size: int) -> tuple[int, list[Found]]:
        """Read up to ``size`` bytes from ``reader`` into the buffer, without copying them.

        Returns:
            How many bytes were read (0 at the end), and the mentions now settled.
        """
        if self._decoder is not None:
            block = reader.read(size)
            return len(block), self.feed(block) if block else []
        self._room(size)
        with memoryview(self._buffer) as view:
            count = reader.readinto(view[self._filled : self._filled + size])
        if not count:
            return 0, []
        self._filled += count
        return count, self._process(final=False)

    def finish(self) -> list[Found]:
        """Say the document has ended; return the remaining mentions."""
        if self._decoder is not None:
            self._append(self._decoder.decode(b"", final=True).encode())
        found = self._process(final=True)
        return found + [self._report(c) for c in self._discourse.finish()]

    def _scan(self, end: int) -> tuple[list[tuple[int, int, int]], bool]:
        with memoryview(self._buffer) as view:
            return self._engine.scan(view[:end])

    def _process(self, *, final: bool) -> list[Found]:
        if not final and self._filled < self._keep + self._after + 4096:
            return []  # too little to settle anything yet
        data, carry = self._buffer, self._carry
        end = complete_prefix(data, carry, self._filled)
        hits, invalid = self._scan(end)
        if self._decoder is None and (invalid or (final and end < self._filled)):
            # Decode with replacement from the bytes not checked yet on.
            self.invalid = True
            self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
            fixed = self._decoder.decode(bytes(data[carry : self._filled]), final=final)
            self._filled = carry
            self._append(fixed.encode())
            end = self._filled
            hits, _ = self._scan(end)
        # The prefilter lets any run of spaces join a name's words; a match longer
        # than its name can be is no name, and must not hold the buffer open.
        longest = self._longest
        hits = [hit for hit in hits if hit[1] - hit[0] <= longest[hit[2]]]
        settled = end if final else end - self._after
        # A match the engine saw only in part may still win over one that ends
        # before it: settle nothing that ends after such a match starts.
        limit = min([settled, *(start for start, stop, _ in hits if stop > settled)])
        # Continuation bytes and newlines before a byte of this round's data, so far.
        self._counted = self._newlines = (0, 0)
        found = self._settle(data, end, [hit for hit in hits if hit[1] <= settled], limit)
        keep_from = end if final else _char_start(data, limit - self._keep, end)
        self._accepted = self._byte + limit
        self._advance(data, keep_from, end)
        # What is kept moves to the front of the buffer.
        tail = self._filled - keep_from
        data[:tail] = data[keep_from : self._filled]
        self._filled = tail
        self._carry = end - keep_from
        self._byte += keep_from
        return found

    def _settle(
        self, data: bytearray, size: int, hits: list[tuple[int, int, int]], limit: int
    ) -> list[Found]:
        """Confirm ``hits`` with the exact rules; pass the new ones that end by ``limit`` on."""
        forms = self._matcher.forms
        ranked: list[tuple[int, int, int, Candidate]] = []
        anchors: list[tuple[int, int, int, Candidate]] = []
        windows: dict[int, int] = {}  # id(candidate) -> its form
        for start, _, form in hits:
            text, at = _window(
                data,
                size,
                start - self._near_before,
                start,
                start + self._longest[form] + self._near_after,
            )
            match = forms[form].exact.match(text, at)
            if match is None:
                continue
            candidate = self._matcher.candidate(text, match, forms[form])
            if candidate is None:
                continue
            surface = candidate.surface
            end_byte = start + (len(surface) if surface.isascii() else len(surface.encode()))
            candidate.byte = start
            windows[id(candidate)] = form
            if candidate.local == "other":
                anchors.append((start, end_byte, 0, candidate))
            else:
                ranked.append((start, end_byte, rank(match, forms[form]), candidate))
        ranked.sort(key=lambda item: item[2])
        kept: list[Found] = []
        chosen = sorted((*anchors, *leftmost_longest(ranked)), key=lambda item: item[0])
        for start, end_byte, _, candidate in chosen:
            if end_byte > limit or self._byte + end_byte <= self._accepted:
                continue
            if self._discourse.open(candidate):
                high = start + self._longest[windows[id(candidate)]] + self._after
                text, at = _window(data, size, start - self._before, start, high)
                self._matcher.weigh(candidate, text, at, at + len(candidate.surface))
            if self._counting:
                char = self._char + start - self._continuations_before(data, start)
                candidate.start, candidate.end = char, char + len(candidate.surface)
                if candidate.sense != "plain" and candidate.system not in self._first_chars:
                    candidate.position = self._position(data, start, char)
            else:
                candidate.start = candidate.end = -1
            kept += [self._report(c, data) for c in self._discourse.add(candidate)]
        return kept

    def _report(self, candidate: Candidate, data: bytearray | None = None) -> Found:
        """A decided mention as the stream returns it; its system's first position noted."""
        system, char = candidate.system, candidate.start
        if char >= 0 and char < self._first_chars.get(system, char + 1):
            position = candidate.position
            if position is None and data is not None:
                position = self._position(data, candidate.byte, char)
            if position is not None:
                self._first_chars[system] = char
                self.first_positions[system] = position
                # Offsets past each system's first mention may be left uncounted.
                self._counting = self.offsets or len(self.first_positions) < self._systems
        return (system, candidate.start, candidate.end, candidate.surface, candidate.variant)

    def _position(self, data: bytearray, at: int, char: int) -> tuple[int, int]:
        """The 1-based line and column of byte ``at`` of ``data`` (character ``char``)."""
        line = self._lines + self._newlines_before(data, at) + 1
        newline = data.rfind(b"\n", 0, at)
        if newline < 0:
            return line, char - self._line_start + 1
        return line, len(data[newline + 1 : at].decode("utf-8", "replace")) + 1

    def _newlines_before(self, data: bytearray, at: int) -> int:
        """Newlines in ``data[:at]``, counted on from the last call this round."""
        counted, count = self._newlines
        if at >= counted:
            count += data.count(b"\n", counted, at)
        else:
            count -= data.count(b"\n", at, counted)
        self._newlines = (at, count)
        return count

    def _continuations_before(self, data: bytearray, at: int) -> int:
        """Continuation bytes in ``data[:at]``, counted on from the last call this round."""
        counted, count = self._counted
        if at >= counted:
            count += _continuations(data, counted, at)
        else:
            count -= _continuations(data, at, counted)
        self._counted = (at, count)
        return count

    def _advance(self, data: bytearray, keep_from: int, end: int) -> None:
        """Move the document position to byte ``keep_from`` of ``data``."""
        if not self._counting:
            return
        char = self._char + keep_from - self._continuations_before(data, keep_from)
        # Lines matter only for first mentions: once every system is seen, stop counting.
        newline = -1
        if len(self.first_positions) < self._systems:
            newline = data.rfind(b"\n", 0, keep_from)
        if newline >= 0:
            self._lines += self._newlines_before(data, keep_from)
            self._line_start = char - len(data[newline + 1 : keep_from].decode("utf-8", "replace"))
        self._char = char
        self.chars = char + end - keep_from - _continuations(data, keep_from, end)


#: How many characters before a name the exact rules read: the local rules, and the
#: long form of an acronym in parentheses.
_NEAR = 200


def _window(data: bytearray, size: int, low: int, at: int, high: int) -> tuple[str, int]:
    """``data[low:high]`` (clamped, on character bounds) decoded, and where byte ``at`` falls."""
    low, high = max(0, low), min(size, high)
    window = data[low:high]
    if window.isascii():
        return window.decode("ascii"), at - low
    low = _char_start(data, low, size)
    window = data[low : _char_start(data, high, size)]
    return window.decode("utf-8", "replace"), at - low - _continuations(window, 0, at - low)


def _char_start(data: bytes | bytearray, at: int, end: int) -> int:
    """``at`` moved back to the start of the character it falls in (clamped to ``[0, end]``)."""
    at = max(0, min(at, end))
    while 0 < at < end and _is_continuation(data[at]):
        at -= 1
    return at
