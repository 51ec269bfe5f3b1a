"""Spans of a text turned into marked, nested segments, in one pass.

A :class:`Mark` is a stretch of text with a kind (``mention``, ``other``,
``figure``) and the attributes its element will carry. :func:`nest` orders the
marks into a tree over the text: a mark inside another becomes its child; a
mark that crosses the edge of one already placed cannot be drawn as an element
and is returned apart, so the caller can say so. :func:`segments` then walks
the tree once, giving plain text and marks in text order.

Examples:
    >>> text = "The ATACMS flies 300 km."
    >>> placed, crossing = nest([Mark(17, 23, "figure"), Mark(4, 10, "mention")])
    >>> [(m.kind, text[m.start:m.end]) for m in placed], crossing
    ([('mention', 'ATACMS'), ('figure', '300 km')], [])
    >>> [piece if isinstance(piece, str) else piece.kind for piece in segments(text, placed)]
    ['The ', 'mention', ' flies ', 'figure', '.']
    >>> inner, _ = nest([Mark(0, 6, "figure"), Mark(0, 3, "mention")])
    >>> [(m.kind, [c.kind for c in m.children]) for m in inner]
    [('figure', ['mention'])]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = ["Mark", "nest", "segments"]


@dataclass(eq=False)
class Mark:
    """A stretch ``[start, end)`` of a text to draw as one element.

    Attributes:
        start: where it starts (a character offset into the text).
        end: where it ends (exclusive).
        kind: ``mention`` (one of the dataset's systems), ``other`` (another
            weapon system named), or ``figure`` (a range figure).
        data: what the element shows besides its words (see
            :mod:`armsref.views.annotated`).
        children: the marks inside it, in text order (filled by :func:`nest`).
    """

    start: int
    end: int
    kind: str
    data: dict[str, object] = field(default_factory=dict)
    children: list[Mark] = field(default_factory=list)


#: Which kind is drawn outside when two marks cover the very same words.
_OUTER_FIRST = {"figure": 0, "mention": 1, "other": 2}


def nest(marks: Iterable[Mark]) -> tuple[list[Mark], list[Mark]]:
    """The marks as a tree (the top-level ones, in text order), and those that cross another.

    Empty marks are dropped. Sorting once and keeping a stack of open marks
    makes this one pass over the marks.
    """
    ordered = sorted(
        (m for m in marks if m.end > m.start),
        key=lambda m: (m.start, -m.end, _OUTER_FIRST.get(m.kind, 3)),
    )
    top: list[Mark] = []
    crossing: list[Mark] = []
    stack: list[Mark] = []
    for mark in ordered:
        mark.children = []
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].end:
            crossing.append(mark)
            continue
        (stack[-1].children if stack else top).append(mark)
        stack.append(mark)
    return top, crossing


def segments(
    text: str, marks: list[Mark], start: int = 0, end: int | None = None
) -> Iterator[str | Mark]:
    """The text from ``start`` to ``end`` as plain strings and the top-level marks in it."""
    stop = len(text) if end is None else end
    at = start
    for mark in marks:
        if mark.start > at:
            yield text[at : mark.start]
        yield mark
        at = mark.end
    if at < stop:
        yield text[at:stop]
