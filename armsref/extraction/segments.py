"""The paragraphs and sentences of a text, each found once.

Extraction never reads across a paragraph, and most of its rules look within
one sentence. :class:`Segments` answers "which paragraph, which sentence is
this position in?" for any position of a text, and finds each paragraph's
sentences the first time one of its positions is asked about, keeping them:
the bounds of a sentence are computed once per text, however many figures
and names it holds. Only the paragraphs asked about are read, so a text of
any size costs only as much as the places extraction looks at.

Decisions, each with an example:

- **A paragraph ends at a line break** (web pages and their visible text put
  one paragraph on a line): ``"…in 2023.\\nThe ERAM…"`` is two paragraphs.
- **A soft wrap is not a break.** A line break inside a sentence of
  hard-wrapped text, with no sentence-ending mark before it and a lower-case
  letter or digit after it, is read as a space: ``"a range\\nof 300 km"`` is one
  sentence.
- **A sentence ends** at ``.``, ``!`` or ``?`` (closing quotes and brackets
  included) followed by a space and a capital, a digit or an opening quote,
  **except** after an abbreviation (``U.S.``, ``Sen.``, ``Gen.``, ``e.g.``)
  or a single initial (``J. Smith``).
- **Nothing is read further than** :data:`REACH` characters either side of a
  position for its sentence, and :data:`PARAGRAPH_REACH` for its paragraph:
  text with no break for that long is cut there.

Examples:
    >>> seg = Segments("U.S. officials said so. The ATACMS flies 300 km.\\nNew paragraph.")
    >>> seg.sentence(30), seg.paragraph(30), seg.paragraph(55)
    ((24, 48), (0, 48), (49, 63))
    >>> Segments("It has a range\\nof 300 km.").sentence(20)
    (0, 25)
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["PARAGRAPH_REACH", "REACH", "Segments"]

#: How far from a position its sentence is looked for.
REACH = 600
#: How far from a position its paragraph is looked for.
PARAGRAPH_REACH = 3000

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "lt", "col", "gov", "jr", "sr", "no"}
    | {"vs", "approx", "inc", "corp", "co", "adm", "capt", "sgt", "maj", "u.s", "u.k", "d.c"}
    | {"e.g", "i.e"}
)
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a ``.`` ``!`` or ``?`` ends the sentence (see the module docstring)."""
    if text[match.start()] != ".":
        return True
    before = text[max(0, match.start() - 6) : match.start()].rsplit(None, 1)
    word = before[-1].lower().lstrip('("“') if before else ""
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return False
    initial = len(word) == 1 and word.isalpha()
    return not (initial or _INITIALS.fullmatch(word))


def _soft_wrap(text: str, at: int) -> bool:
    """Whether the line break at ``at`` only wraps a sentence (see the module docstring)."""
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    return (
        before not in '.!?:;"”’)\n'
        and not before.isspace()
        and (after.islower() or after.isdigit())
    )


class Segments:
    """The paragraphs and sentences of one text, found on demand and kept.

    Args:
        text: the whole text; positions are offsets into it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        #: Paragraph start -> (paragraph end, sentence starts, sentence ends).
        self._read: dict[int, tuple[int, list[int], list[int]]] = {}

    def paragraph(self, position: int) -> tuple[int, int]:
        """The start and end of the paragraph around ``position`` (the line break left out)."""
        text = self.text
        floor = max(0, position - PARAGRAPH_REACH)
        start = position
        while True:
            found = text.rfind("\n", floor, start)
            if found < 0:
                start = floor
                break
            if not _soft_wrap(text, found):
                start = found + 1
                break
            start = found
        ceiling = min(len(text), position + PARAGRAPH_REACH)
        end = position
        while True:
            found = text.find("\n", end, ceiling)
            if found < 0:
                end = ceiling
                break
            if not _soft_wrap(text, found):
                end = found
                break
            end = found + 1
        return start, end

    def _sentences(self, position: int) -> tuple[int, list[int], list[int]]:
        start, end = self.paragraph(position)
        known = self._read.get(start)
        # Kept sentences serve only a paragraph read as far (a long one is cut at a
        # position's reach): a position's sentence never depends on what was asked before.
        if known is not None and known[0] >= end:
            return start, known[1], known[2]
        starts, ends = [start], []
        for match in _SENTENCE_END.finditer(self.text, start, end):
            if _ends_sentence(self.text, match):
                ends.append(match.start() + 1)
                starts.append(match.end())
        ends.append(end)
        self._read[start] = (end, starts, ends)
        return start, starts, ends

    def sentence(self, position: int) -> tuple[int, int]:
        """The start and end of the sentence around ``position`` (its closing mark included)."""
        _, starts, ends = self._sentences(position)
        at = max(0, bisect_right(starts, position) - 1)
        return max(starts[at], position - REACH), min(ends[at], position + REACH)

    def same_paragraph(self, first: int, second: int) -> bool:
        """Whether two positions lie in one paragraph."""
        low, high = sorted((first, second))
        start, end = self.paragraph(high)
        return start <= low <= end
