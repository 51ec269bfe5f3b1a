"""What a finding quotes, and what else its sentence says of the figure: variant, condition.

**The quote** runs up to the end of the words that tie the figure to its
system (the figure, its range word, a name right after it), and starts where
a reader would start reading it:

- at the name, where the sentence names the system before the figure ("the
  ERAM (about 285 miles, or 460 kilometers)"), with its article; where the
  name is an acronym in parentheses ("Army Tactical Missile Systems (ATACMS)
  that can fly up to 306km"), at the start of the clause that holds it;
- at the start of the figure's sentence otherwise (the name is in a sentence
  before, or after the figure);
- and never more than :data:`LONG` characters before the figure: a longer
  stretch starts at the clause that holds the figure (after a ``;``, ``:``, a
  dash, or a comma before *and*, *but*, *while*, *whereas*).

It never spans a paragraph or another sentence. A reader finds it in the text
as it is.

**The variant** is the one the name names ("the JASSM-ER reaches ..." is
``jassm-er``), or else one of the same system named earlier in the same
sentence ("with PAC-3 MSE it can also engage ballistic missiles at up to 40 km").

**The condition** is what the text says the figure holds against, right after
it: "120 km against aircraft", "20 km for ballistic missiles".

Examples:
    >>> from armsref.extraction.pipeline import extract
    >>> found = extract("Ukraine is large. The PAC-3 MSE reaches 120 km against aircraft.")
    >>> found[0].quote, found[0].variant, found[0].condition
    ('The PAC-3 MSE reaches 120 km', 'pac-3-mse', 'against aircraft')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armsref.extraction.attribution import Given, Reader
    from armsref.extraction.segments import Segments
    from armsref.lengths.figures import Figure

__all__ = ["LONG", "condition", "span", "variant"]

#: A sentence that starts further than this before its figure is quoted from the clause.
LONG = 200

_CLAUSE = re.compile(r"[;:]\s+|\s[—–]\s|,\s+(?=(?:and|but|while|whereas|although)\b)")
_CONDITION = re.compile(
    r"[\s,]+(?P<condition>(?:against|for|versus|vs\.?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:aircraft|airplanes|planes|jets|missiles?|targets?|drones?|helicopters?|threats?))\b",
    re.IGNORECASE,
)


def span(
    segments: Segments, start: int, end: int, figure: int, name: int | None
) -> tuple[int, int]:
    """The quote's start and end (see the module docstring).

    ``start`` is where the rule that gave the figure says its words start,
    ``figure`` where the figure starts, ``name`` where the name it was given by
    starts (``None`` for none).
    """
    text = segments.text
    sentence, _ = segments.sentence(figure)
    named_before = name is not None and sentence <= name <= figure
    low = start if named_before and sentence <= start <= figure else sentence
    if low > sentence and text[max(sentence, low - 2) : low].strip() == "(":
        low = _clause_start(text, sentence, low)  # "Army ... Systems (ATACMS) that can..."
    if figure - low > LONG:
        low = _clause_start(text, low, figure)
    return low, end


def _clause_start(text: str, low: int, before: int) -> int:
    """The start of the last clause that begins in ``text[low:before]`` (or ``low``)."""
    clauses = [m.end() for m in _CLAUSE.finditer(text, low, before)]
    return clauses[-1] if clauses else low


def condition(text: str, end: int) -> str | None:
    """What the figure ending at ``end`` is stated for: "against aircraft", or ``None``."""
    found = _CONDITION.match(text, end)
    return " ".join(found.group("condition").split()) if found else None


def variant(reader: Reader, figure: Figure, given: Given) -> str | None:
    """The variant the figure is stated for (see the module docstring)."""
    if given.system is None:
        return None
    if given.name is not None and given.name.variant is not None:
        return given.name.variant
    first, _ = reader.segments.sentence(figure.start)
    low, high = bisect_left(reader.starts, first), bisect_left(reader.starts, figure.start)
    named = [
        m.variant for m in reader.mentions[low:high] if m.system.id == given.system.id and m.variant
    ]
    return named[-1] if named else None
