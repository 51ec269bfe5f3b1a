"""The hedge on a figure: what it bounds, whether it is approximate, and how it reads.

A qualifier says what the figure bounds: the true range is the figure
(``exact``), near it (``about``), past it (``above``, ``at_least``), short of
it (``up_to``, ``below``) or between two figures (``between``). A hedge may
*stack* an approximation on a bound: "up to about 250 miles" is ``up_to`` with
``approximate`` set, shown "up to about 250 mi".

The lexicon, decided once and used by ``convert`` and ``extract`` alike:

============= ===============================================================
qualifier     written before the figure
============= ===============================================================
about         about, around, approximately, roughly, some, circa, nearly,
              almost, close to, an estimated, estimated at, ``~``
above         above, over, more than, greater than, beyond, in excess of,
              upwards of, exceeds, exceeding, well over, just over
at_least      at least, no less than, a minimum of
up_to         up to, as far as, as far away as, out to, within, at most, as
              much as, a maximum of, no more than, max
below         below, under, less than, short of, just under
between       between (with "and"), from (with "to")
============= ===============================================================

and around the figure, a **maximum** makes an upper bound: "a maximum range
of 300 km", "a max range of about 300 km" (approximate), "a 300-km maximum
range", "a maximum 1,500-mile range". Written after it: "1,000 miles or
more" (at least), "or so" (about), "or less" (up to).

Examples:
    >>> describe("about", 995.0, None, None, "miles")
    'about 995 miles'
    >>> describe("up_to", 250.0, None, None, "mi", approximate=True)
    'up to about 250 mi'
    >>> describe("between", None, 70.0, 160.0, "km")
    'between 70 and 160 km'
    >>> text = "a maximum range of about 300 km"
    >>> before(text, text.index("300"))
    Hedge(qualifier='up_to', approximate=True, start=19)
    >>> text = "can strike targets up to about 250 miles away"
    >>> before(text, text.index("250"))
    Hedge(qualifier='up_to', approximate=True, start=19)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

__all__ = ["HEDGES", "HEDGE_WORDS", "Hedge", "Qualifier", "after", "before", "describe"]

Qualifier = Literal["exact", "about", "above", "at_least", "up_to", "below", "between"]

#: How each qualifier reads in front of a figure ("about 995 mi").
HEDGES: dict[str, str] = {
    "exact": "",
    "about": "about",
    "above": "above",
    "at_least": "at least",
    "up_to": "up to",
    "below": "below",
    "between": "between",
}

#: The hedges read right before a figure, each mapped to its qualifier.
HEDGE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            *("about", "around", "approximately", "approx.", "roughly", "some", "circa"),
            *("an estimated", "estimated", "estimated at", "~", "nearly", "almost"),
            *("close to", "just about", "roughly about"),
        ],
        "about",
    ),
    **dict.fromkeys(
        [
            *("above", "over", "more than", "greater than", "in excess of", "exceeding"),
            *("exceeds", "exceed", "beyond", "upwards of", "just over", "well over"),
            *("well beyond", "longer than", "farther than"),
        ],
        "above",
    ),
    **dict.fromkeys(
        ["at least", "no less than", "not less than", "a minimum of", "minimum of"], "at_least"
    ),
    **dict.fromkeys(
        [
            *("up to", "as far as", "as far away as", "as much as", "a maximum of"),
            *("no more than", "not more than", "out to", "within", "at most", "max"),
            *("maximum of", "as long as", "from as far away as", "from as far as"),
            *("from up to",),
        ],
        "up_to",
    ),
    **dict.fromkeys(
        ["below", "under", "less than", "just under", "just short of", "short of"], "below"
    ),
    **dict.fromkeys(["between", "from"], "between"),
}

#: Hedges written after a figure: "1,000 miles or more".
_AFTER_WORDS = {
    **dict.fromkeys(["more", "longer", "farther", "further", "greater"], "at_least"),
    **dict.fromkeys(["less", "shorter"], "up_to"),
    "so": "about",
}
_BOUNDS = frozenset({"above", "at_least", "up_to", "below"})


@dataclass(frozen=True, slots=True)
class Hedge:
    """The hedge in front of a figure.

    Attributes:
        qualifier: what the figure bounds (see the module docstring).
        approximate: whether an "about" is stacked on a bound.
        start: where the hedge starts in the text.
    """

    qualifier: str
    approximate: bool
    start: int


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"[\s-]+") for word in ordered)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The one-hedge, maximum-before, maximum-after and after-hedge patterns."""
    words = _alternation(list(HEDGE_WORDS))
    one = re.compile(rf"(?:^|(?<=[\s(\[,;:—–\"“]))(?P<hedge>{words})\s*$", re.IGNORECASE)
    maximum = re.compile(
        r"(?<![\w-])(?:maximum|max\.?|top)\s+(?:(?:(?:flight|strike|striking|effective)\s+)?"
        r"(?:range|reach|distance)\s*(?:of|is|was|at|:|,)?\s*)?$",
        re.IGNORECASE,
    )
    after_maximum = re.compile(r"[\s-]*(?:maximum|max\.?)[\s-]+(?:range|reach)\b", re.IGNORECASE)
    after = re.compile(rf"\s+or\s+({'|'.join(_AFTER_WORDS)})\b", re.IGNORECASE)
    return one, maximum, after_maximum, after


def _one(text: str, start: int) -> tuple[str, int] | None:
    """The single hedge phrase right before ``start``, and where it starts."""
    words = text[max(0, start - 24) : start].split()
    last = words[-1].lower().lstrip("([{\"“‘'") if words else ""
    if last not in _LAST_WORDS and not text[max(0, start - 2) : start].strip():
        return None  # the word before is no hedge's last word: spare the search
    match = _patterns()[0].search(text, max(0, start - 40), start)
    if match is None:
        return None
    return " ".join(match.group("hedge").lower().split()), match.start("hedge")


_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in HEDGE_WORDS)


def before(text: str, start: int) -> Hedge | None:
    """The hedge written right before the figure at ``start``, stacked ones read together."""
    first = _one(text, start)
    qualifier, at = (HEDGE_WORDS[first[0]], first[1]) if first else ("exact", start)
    approximate = False
    if qualifier == "about":
        # "up to about 250 miles": a bound with an approximation stacked on it.
        outer = _one(text, at)
        if outer is not None and HEDGE_WORDS[outer[0]] in _BOUNDS:
            qualifier, approximate, at = HEDGE_WORDS[outer[0]], True, outer[1]
    if qualifier in {"exact", "about"}:
        # "a maximum range of (about) 300 km": the maximum makes it an upper bound.
        maximum = _patterns()[1].search(text, max(0, at - 60), at)
        if maximum is not None:
            return Hedge("up_to", qualifier == "about", at)
    if first is None:
        return None
    return Hedge(qualifier, approximate, at)


def after(text: str, end: int, qualifier: str) -> tuple[str, int] | None:
    """A hedge written after the figure ending at ``end``: the new qualifier, and its end.

    Only an unhedged figure takes one: "1,000 miles or more", "a 300-km maximum range".
    """
    if qualifier != "exact":
        return None
    _, _, after_maximum, after_words = _patterns()
    maximum = after_maximum.match(text, end)
    if maximum is not None:
        return "up_to", end
    found = after_words.match(text, end)
    if found is not None:
        return _AFTER_WORDS[found.group(1).lower()], found.end()
    return None


def describe(
    qualifier: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str,
    *,
    approximate: bool = False,
) -> str:
    """Write a figure with its hedge: ``describe("about", 995, None, None, "miles")``."""
    from armsref.lengths import precision

    if value is not None:
        body = f"{precision.format_number(value)} {unit}"
    else:
        body = (
            f"{precision.format_number(low or 0)} and {precision.format_number(high or 0)} {unit}"
        )
    hedge = HEDGES.get(qualifier, qualifier)
    if approximate and qualifier != "about":
        hedge = f"{hedge} about".strip()
    return f"{hedge} {body}" if hedge else body
