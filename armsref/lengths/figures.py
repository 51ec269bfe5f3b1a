"""Length figures as people write them: numbers, units, hedges and second units.

This module reads the *grammar* of a figure and nothing else: it does not know
what a range is, nor which system a figure belongs to (that is
:mod:`armsref.extract`'s job). It reads:

- numbers with thousands separators (``1,500``), decimals (``1.5``), a
  spoken scale (``1.5 thousand``) or spelled out (``three hundred``,
  ``fifteen hundred``, ``a thousand``);
- the length units ranges are written in: every kilometre, mile and nautical
  mile spelling in :data:`armsref.lengths.units.UNIT_SPELLINGS`, plus ``NM`` in capitals;
- spans written ``70-160 km``, ``70 to 160 km`` and ``between 70 and 160 km``;
- the hedge in front (``about``, ``more than``, ``at least``, ``up to``...) or
  after (``or more``, ``or so``);
- the same figure in a second unit: ``995 miles (1,600 kilometers)``,
  ``285 miles, or 460 kilometers``, ``300 km / 186 mi``.

Figures that cannot be a length a source states are not read at all: a
negative (``-300 km``), a power (``10^12 km``), a speed (``300 km/h``), an area
(``300 km²``), a zero, or a number written ambiguously (``1,6 km``, ``1 600 km``).

Examples:
    >>> [f.describe() for f in find("ranges above 1,500 kilometers")]
    ['above 1,500 kilometers']
    >>> figure = find("about 995 miles (1,600 kilometers)")[0]
    >>> figure.amount.value, figure.amount.unit, figure.also
    (995.0, 'miles', Amount(value=1600.0, low=None, high=None, unit='kilometers'))
    >>> find("three hundred kilometres")[0].amount.value
    300.0
    >>> find("-300 km, 10^12 km, 300 km/h")
    []
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from armsref.errors import UnitError
from armsref.lengths import hedges
from armsref.lengths.hedges import HEDGE_WORDS
from armsref.lengths.numberwords import SCALES, WORD_VALUES, spelled_number

__all__ = ["Amount", "Figure", "find", "number_start", "whole"]


_RANGE_UNITS = {"kilometer", "mile", "nautical_mile"}
_SLACK = 64


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure's number (or span of numbers) and its unit as written.

    Exactly one of ``value`` or ``low``/``high`` is set.
    """

    value: float | None
    low: float | None
    high: float | None
    unit: str

    @property
    def numbers(self) -> tuple[float, ...]:
        """The numbers stated: ``(value,)`` or ``(low, high)``."""
        if self.value is not None:
            return (self.value,)
        assert self.low is not None and self.high is not None
        return (self.low, self.high)


@dataclass(frozen=True, slots=True)
class Figure:
    """One length figure found in a text.

    Attributes:
        start: where the figure starts in the text, its hedge included.
        end: where it ends, a second-unit figure (and its parenthesis) included.
        amount: the number(s) and the unit as written.
        qualifier: ``exact``, ``about``, ``above``, ``at_least``, ``up_to``,
            ``below`` or ``between``.
        also: the same figure in a second unit, where the text gives one.
        unit_end: where the first unit ends (before any second unit).
        approximate: whether an approximation is stacked on a bound
            ("up to about 250 miles").
        number_start: where the number itself starts (after the hedge).
    """

    start: int
    end: int
    amount: Amount
    qualifier: str
    also: Amount | None
    unit_end: int
    approximate: bool = False
    number_start: int = -1

    def describe(self) -> str:
        """The figure with its hedge, as armsref writes it: ``about 995 miles``."""
        a = self.amount
        return hedges.describe(
            self.qualifier, a.value, a.low, a.high, a.unit, approximate=self.approximate
        )


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"[\s-]+") for word in ordered)


#: Every word a spelled number is made of.
_NUMBER_WORDS = frozenset([*WORD_VALUES, *SCALES, "and", "a"])


def _last_word(text: str, position: int) -> str:
    """The word right before ``position`` (lower case, opening punctuation dropped)."""
    words = text[max(0, position - 24) : position].split()
    return words[-1].lower().lstrip("([{\"“‘'") if words else ""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The compiled figure, second-unit and trailing-number-words patterns."""
    from armsref.lengths.units import UNIT_SPELLINGS

    units = [
        spelling
        for spelling, name in UNIT_SPELLINGS.items()
        if name in _RANGE_UNITS and "_" not in spelling
    ]
    unit = rf"(?:{_alternation(units)}|(?-i:NM))"
    words = _alternation([*WORD_VALUES, *SCALES])
    first_word = _alternation(list(WORD_VALUES))
    spelled = (
        rf"\b(?:a(?=\s+(?:hundred|thousand)\b)|(?:{first_word})\b)"
        rf"(?:(?:\s+(?:and\s+)?|-)(?:{words})\b)*"
    )
    digits = (
        r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,.]\d|\^)"
        r"(?:\s+(?:thousand|hundred)\b)?"
    )
    number = rf"(?:{digits}|{spelled})"
    core = (
        r"(?<![\w.,^/\-−])(?<!\d[ \u00a0\u202f])"
        rf"(?P<first>{number})"
        rf"(?:\s*(?P<conn>-|–|—|\bto\b|\band\b)\s*(?P<second>{number}))?"
        rf"(?:\s*-\s*|\s*)(?P<unit>{unit})"
        r"(?![\w²³/])(?!\s*(?:per|an?)\s+(?:hour|second|minute)\b)"
    )
    hedge_words = _alternation(list(HEDGE_WORDS))
    also_open = rf"(?:\s*(?P<open>\()\s*(?:or\s+)?|,?\s+or\s+|\s*/\s*)(?:(?:{hedge_words})\s+)?"
    flags = re.IGNORECASE
    return (
        re.compile(core, flags),
        re.compile(also_open + rf"(?P<also>{core.replace('?P<', '?P<also_')})", flags),
        re.compile(rf"(?<![\w-])(?:(?:{words}|and|a)(?:\s+|-))+$", flags),
    )


def _number(text: str) -> float | None:
    """A number as the figure pattern matched it, or None where it is unusable."""
    from armsref.lengths.units import parse_number

    if text.isdecimal():  # only what the pattern's \d matched: plain digits
        return float(text)
    text = " ".join(text.split())
    if text[:1].isdigit():
        head, _, scale = text.partition(" ")
        try:
            value = parse_number(head)
        except UnitError:
            return None
        return value * SCALES[scale.lower()] if scale else value
    return spelled_number(text)


def _amount(match: re.Match[str], prefix: str = "") -> tuple[Amount, str | None] | None:
    """The Amount a figure match states, and its range connector; None if unusable."""
    first = _number(match.group(prefix + "first"))
    if first is None or first <= 0:
        return None
    unit = match.group(prefix + "unit")
    second_text = match.group(prefix + "second")
    if second_text is None:
        return Amount(first, None, None, unit), None
    second = _number(second_text)
    if second is None or second <= first:
        return None
    return Amount(None, first, second, unit), match.group(prefix + "conn").lower()


def _also(text: str, end: int, amount: Amount) -> tuple[Amount, int] | None:
    """The same figure in a second unit right after ``end``, and where it ends."""
    from armsref.lengths.units import unit_name

    _, also_pattern, _ = _patterns()
    match = also_pattern.match(text, end)
    if match is None:
        return None
    found = _amount(match, "also_")
    if found is None or found[1] == "and":
        return None
    also, _ = found
    close = match.end()
    if match.group("open"):
        closing = re.compile(r"\s*\)").match(text, close)
        if closing is None:
            return None
        close = closing.end()
    same_shape = (also.value is None) == (amount.value is None)
    if not same_shape or unit_name(also.unit) == unit_name(amount.unit):
        return None
    return also, close


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    found = _amount(match)
    if found is None:
        return None
    amount, conn = found
    start = match.start()
    hedged = hedges.before(text, start)
    qualifier = hedged.qualifier if hedged else "exact"
    approximate = hedged.approximate if hedged else False
    if conn is None and qualifier == "between":
        qualifier, hedged = "exact", None  # "from 300 km": a distance word, not a span
    if conn == "and" and qualifier != "between":
        return None  # "300 and 500 km" without "between": two figures, not a span
    if conn is not None:
        # "between 70 and 160 km"; "about 70-160 km" keeps its approximation.
        approximate = approximate or qualifier == "about"
        qualifier = "between"
    if hedged is not None:
        start = hedged.start
    also = _also(text, match.end(), amount)
    end = also[1] if also else match.end()
    written_after = hedges.after(text, end, qualifier)
    if written_after is not None:  # "1,000 miles or more", "a 300-km maximum range"
        qualifier, end = written_after
    figure_also = also[0] if also else None
    return Figure(
        start, end, amount, qualifier, figure_also, match.end(), approximate, match.start()
    )


def number_start(text: str, position: int) -> int:
    """``position``, moved back to the start of a number written in words it falls in.

    Reading from the middle of ``two thousand five hundred km`` would find
    ``five hundred km``; reading from where this returns finds the whole figure.

    Examples:
        >>> text = "a range of two thousand five hundred km"
        >>> number_start(text, text.index("five")), text.index("two")
        (11, 11)
    """
    _, _, words = _patterns()
    if position <= 0:
        return 0
    at = position
    while at > 0 and text[at - 1].isalpha():  # the middle of a word: go to its start
        at -= 1
    if _last_word(text, at).strip("-") not in _NUMBER_WORDS:
        return at
    before = words.search(text, max(0, at - 80), at)
    return before.start() if before else at


def find(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every length figure in ``text[start:end]``, in order.

    Args:
        text: the text to read.
        start: where to start reading; the text before it is still consulted
            for the hedge and to tell a negative from a positive number.
        end: where to stop reading (default: the end of the text).

    Examples:
        >>> [f.describe() for f in find("between 70 and 160 km, or 70-160 km")]
        ['between 70 and 160 km', 'between 70 and 160 km']
        >>> [f.describe() for f in find("a 300-kilometer range and 1.5 thousand km")]
        ['300 kilometer', '1,500 km']
        >>> [(f.qualifier, f.amount.unit) for f in find("at least 500 nautical miles")]
        [('at_least', 'nautical miles')]
    """
    core, _, _ = _patterns()
    stop = len(text) if end is None else min(end, len(text))
    # A figure that starts before ``stop`` may end after it: read a little beyond.
    reach = min(len(text), stop + _SLACK)
    found: list[Figure] = []
    position = start
    while (match := core.search(text, position, reach)) is not None and match.start() < stop:
        figure = _figure(text, match)
        if figure is None:
            position = match.end()
            continue
        found.append(figure)
        position = figure.end  # a second-unit figure is part of this one, not another
    return found


def whole(text: str) -> Figure | None:
    """The one figure ``text`` is, hedge and all, or ``None`` if it is not exactly one.

    This is how ``armsref convert`` reads what it is given, with the same grammar
    as ``extract``.

    Examples:
        >>> whole("about 995 miles").describe(), whole("1.5 thousand km").describe()
        ('about 995 miles', '1,500 km')
        >>> whole("a range of 300 km") is None, whole("up to about 250 mi").approximate
        (True, True)
    """
    stripped = text.strip()
    found = find(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None
