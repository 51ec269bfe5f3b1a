"""Reading what a StreamScanner returns the way scan() reports it."""

from __future__ import annotations

import armsref
from armsref.scanning.matcher import Matcher, matcher
from armsref.scanning.stream import Found


def stream_matcher() -> Matcher:
    """The shipped dataset's matcher."""
    return matcher(armsref.load())


def ordered(found: list[Found], by: Matcher) -> list[tuple[int, int, str]]:
    """The dataset's own mentions among ``found``, as ``(start, end, surface)`` in text order.

    A stream returns plain names as it settles them and the others at the end,
    and other systems' mentions too: scan() sorts them and keeps its own.
    """
    own = sorted((f for f in found if f[0] < by.covered), key=lambda f: f[1])
    return [(start, end, surface) for _, start, end, surface, _ in own]
