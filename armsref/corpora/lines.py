"""Where each mention sits: its line and column, and the lines around it, read as a stream.

A scan reports mentions by character offset; :func:`walk` reads the same text
again, as chunks, and yields the lines worth showing: each line where a
mention starts (with those mentions), and up to ``context`` lines before and
after, with ``None`` where lines were left out between two groups (``--`` in
grep's output). Memory holds one line and the context, never the document.
:func:`document_text` gives a file's text as chunks, exactly as the scanner
decoded it: UTF-8 with replacement characters, HTML as its visible text,
compressed files decompressed.

Lines end at ``\\n``; a ``\\r`` before it is not shown. Columns count
characters from 1, as :attr:`armsref.SystemTally.column` does.

Examples:
    >>> from armsref.scanning.mentions import scan
    >>> text = "one\\ntwo ATACMS\\nthree\\nfour\\nfive\\nsix TLAM"
    >>> for line in walk([text[:9], text[9:]], scan(text), context=1):
    ...     print(line if line is None else (line.number, line.text, line.columns()))
    (1, 'one', [])
    (2, 'two ATACMS', [5])
    (3, 'three', [])
    None
    (5, 'five', [])
    (6, 'six TLAM', [5])
"""

from __future__ import annotations

import codecs
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from armsref.corpora.formats import layout, open_decompressed

if TYPE_CHECKING:
    from armsref.scanning.mentions import Mention

__all__ = ["Line", "document_text", "walk"]

#: How many bytes of a file are decoded at a time.
CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document.

    Attributes:
        number: the line number, from 1.
        start: the character offset where it starts.
        text: the line, without its end.
        mentions: the mentions that start on it (none for a context line).
    """

    number: int
    start: int
    text: str
    mentions: tuple[Mention, ...] = field(default=())

    def columns(self) -> list[int]:
        """The column, from 1, of each of its mentions."""
        return [mention.start - self.start + 1 for mention in self.mentions]


def _lines(chunks: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """``(number, start, text)`` for each line of the text given as chunks."""
    number, start, partial = 1, 0, ""
    for chunk in chunks:
        pieces = (partial + chunk).split("\n")
        partial = pieces.pop()
        for piece in pieces:
            yield number, start, piece
            number += 1
            start += len(piece) + 1
    if partial:  # text after the last line end; a final "\n" ends the last line
        yield number, start, partial


def walk(
    chunks: Iterable[str], mentions: Sequence[Mention], context: int = 0
) -> Iterator[Line | None]:
    """The lines to show for ``mentions`` (in document order) of the text given as ``chunks``.

    See the module docstring; ``None`` is a break between groups, only given
    when ``context`` is above 0.
    """
    if not mentions:
        return
    waiting = iter(mentions)
    upcoming: Mention | None = next(waiting)
    before: deque[Line] = deque(maxlen=context or 1)
    after = 0
    shown = 0
    for number, start, raw in _lines(chunks):
        text = raw.removesuffix("\r")
        end = start + len(raw)
        on: list[Mention] = []
        while upcoming is not None and upcoming.start <= end:
            on.append(upcoming)
            upcoming = next(waiting, None)
        if on:
            group = [*before] if context else []
            before.clear()
            first = group[0].number if group else number
            if context and shown and first > shown + 1:
                yield None
            yield from group
            yield Line(number, start, text, tuple(on))
            shown, after = number, context
        elif after:
            yield Line(number, start, text)
            shown, after = number, after - 1
        elif context:
            before.append(Line(number, start, text))
        if upcoming is None and not after:
            return


def document_text(path: str, html: bool | None = None) -> Iterator[str]:
    """A file's text as the scanner read it, as chunks (see the module docstring)."""
    shape = layout(path)
    is_html = shape.html if html is None else html
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    page = None
    if is_html:
        from armsref.scanning.htmltext import VisibleText

        page = VisibleText()
    with open_decompressed(path, shape.compression) as stream:
        while True:
            block = stream.read(CHUNK)
            text = decoder.decode(block, final=not block)
            if page is not None:
                page.feed(text)
                if not block:
                    page.close()
                text = page.take()
            if text:
                yield text
            if not block:
                return
