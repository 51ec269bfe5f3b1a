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
from typing import Any

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
    # "mi" at either end of the text has no character beside it for the pattern to see.
    if text[:2].lower() == "mi" and not _ascii_letter(text[2:3]):
        starts.add(0)
    if text[-2:].lower() == "mi" and not _ascii_letter(text[-3:-2]):
        starts.add(len(data) - 2)
    return _char_offsets(text, data, sorted(starts))
