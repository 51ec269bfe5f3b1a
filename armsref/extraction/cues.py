"""The words around a length figure that make it a range.

A length in a text is a *range* only when the words around it say so. This
module reads those words; :mod:`armsref.extract` decides which system the
range belongs to. A figure is a range when:

- the word *range* (or *reach*, *striking distance*, *radius*) comes before it
  in the same clause, at most four words away: ``a range of about 995 miles``,
  ``ranges above 1,500 kilometers``, ``its range is estimated at 300 km``;
- *range* or *reach* comes right after it: ``a 300-kilometer range``, ``a 300
  km-range missile``, ``its 1,600-kilometre reach``;
- it is written as an adjective of a weapon: ``a 280-mile missile``;
- a capability verb comes before it: ``can fly 300 km``, ``is able to strike
  targets up to 300 km away``; or a strike verb, *targets* and *away*: ``hits
  targets 300 km away`` (but not ``radars track targets 150 km away``);
- it stands alone in parentheses after a system's name: ``the ERAM (about 285
  miles, or 460 kilometers)``;
- it qualifies a system's name directly: ``the 300-km ATACMS``.

A figure followed by *from* (``450 km from the border``) is a distance between
places, and one followed by *in altitude* or *high* a height: never a range.
A hyphenated *long-range*, *extended-range* does not count as the word *range*.

Examples:
    >>> text = "It has a range of 300 km, and Moscow is 450 km from the border."
    >>> range_cue(text, 18, 24), range_cue(text, 40, 46)
    (Cue(kind='before', start=9, end=24, word=9), None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["AFTER_NAME", "Cue", "range_cue"]

_WORD = r"[A-Za-z][\w’'-]*"
_NOT_GAP = r"(?!(?:from|than|away|but|while|whereas|unlike|like)\b)"

_RANGE_BEFORE = re.compile(
    r"(?<![\w-])(?:ranges?|ranged|ranging|reach(?:es)?|striking\s+distance|"
    r"strike\s+distance|flight\s+distance|radius|distances?(?:\s+(?:of|to))?|"
    r"cover\s+(?:a\s+)?distances?)"
    rf"\s*(?:[:=,(]|[—–-]{{1,2}})?(?:(?:\s+{_NOT_GAP}{_WORD},?){{0,4}}|(?:\s+{_NOT_GAP}{_WORD}){{5}})"
    r"\s*$",
    re.IGNORECASE,
)
_CAPABLE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:can|could|will|would|able\s+to|capable\s+of|designed\s+to|built\s+to)"
    r"\s+(?:(?:also|still|even|reportedly|reach\s+and|now)\s+)?"
    r"(?:fly|flying|go|travel|travell?ing|reach|reaching|hit|hitting|strike|striking|"
    r"engage|engaging|intercept|intercepting|down|downing|shoot\s+down|destroy|destroying)"
    r"|(?:which|that)\s+(?:fly|travel|reach)|flies|travels)"
    rf"(?:\s+{_NOT_GAP}{_WORD},?){{0,4}}\s*$"
    r"|(?<![\w-])(?:can|could)\s+be\s+(?:launched|fired|released)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:from\s*)?$"
    r"|(?<![\w-])(?:missiles?|rockets?|weapons?|munitions?)\s+of\s*$"
    r"|(?<![\w-])(?:engages?|engaging|intercepts?|intercepting)\s+(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
#: "officials put it at 240 to 450 km", after the word range earlier in the sentence.
_PUT_AT = re.compile(
    r"(?<![\w-])(?:put|puts|estimate|estimates|estimated|place|places)\s+(?:it|them)\s+at\s*$",
    re.IGNORECASE,
)
_RANGE_WORD = re.compile(r"(?<![\w-])(?:range|reach)\b", re.IGNORECASE)
_TARGETS_BEFORE = re.compile(
    r"(?<![\w-])(?:hit|hits|hitting|strike|strikes|striking|engage|engages|engaging|"
    r"reach|reaches|reaching|attack|attacks|attacking|destroy|destroys|at)\s+targets?\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    r"[\s-]*(?:(?:maximum|max\.?|effective|operational|flight)[\s-]+)?(?:range|ranged|reach)\b",
    re.IGNORECASE,
)
#: "a 280-mile missile": a figure written as an adjective of a weapon.
_WEAPON_AFTER = re.compile(
    r"(?:[\s-]+[a-z][\w-]*){0,2}?[\s-]+(?:missile|rocket|weapon|munition|version|variant)s?\b",
    re.IGNORECASE,
)
_ADJECTIVE = re.compile(r"\d\s*-\s*[A-Za-z]+$")
_AWAY_AFTER = re.compile(r"\s+away\b", re.IGNORECASE)
_FROM_AFTER = re.compile(
    r"[\s-]+(?:away\s+)?(?:from|of|behind|inside|into|north|south|east|west)\b", re.IGNORECASE
)
#: The range of a part that is not the weapon's reach: "its radar has a range of 150 km".
_NOT_WEAPON = re.compile(
    r"(?<![\w-])(?:radars?|sensors?|detection|tracking|surveillance|fire-control|seeker|"
    r"altitudes?|heights?|ceilings?)"
    r"(?:['’]s)?\s+(?:(?:has|have|with|of)\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_HEIGHT_BEFORE = re.compile(
    r"(?<![\w-])(?:altitudes?|heights?|ceilings?)\s+(?:of\s+|up\s+to\s+)?$", re.IGNORECASE
)
#: A height or depth, not a distance: "35 km in altitude", "24 km high".
_HEIGHT_AFTER = re.compile(
    r"\s+(?:(?:in|of)\s+)?(?:altitude|height|high|up|deep|above\s+(?:the\s+)?(?:ground|sea)"
    r"|the\s+air|the\s+sky)\b",
    re.IGNORECASE,
)

#: What may stand between a figure and the name it qualifies: "the 300-km ATACMS",
#: "a 1,600-kilometer-range Tomahawk", "range of the ATACMS".
AFTER_NAME = re.compile(
    r"(?:[\s-]+range)?(?:[\s-]+|\s+(?P<of>of|for)\s+(?:the\s+|an?\s+)?)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that make a figure a range.

    Attributes:
        kind: ``"before"`` (*range of* 300 km), ``"after"`` (300-km *range*),
            ``"capable"`` (*can fly* 300 km) or ``"away"`` (*targets* 300 km *away*).
        start: where the cue and figure together start.
        end: where they end.
        word: where the deciding word (*range*, *can*, *targets*) starts.
    """

    kind: str
    start: int
    end: int
    word: int


def _nearest(pattern: re.Pattern[str], text: str, low: int, high: int) -> re.Match[str] | None:
    """The match of ``pattern`` ending at ``high`` that starts last: the word nearest the figure.

    ("JASSM Extended Range missiles with a range of 1,000 km": the cue is the
    second *range*, not the name's.)
    """
    found = pattern.search(text, low, high)
    while found is not None:
        closer = pattern.search(text, found.start() + 1, high)
        if closer is None:
            return found
        found = closer
    return None


def range_cue(text: str, start: int, end: int) -> Cue | None:
    """Whether the figure at ``text[start:end]`` is a range, by the words around it.

    Args:
        text: the whole text.
        start: where the figure starts, its hedge included.
        end: where it ends, a second unit included.

    Returns:
        The :class:`Cue`, whose span the quote should cover; or None when the
        words around do not make the figure a range. Parentheses after a name
        and a figure that qualifies a name are recognised by
        :mod:`armsref.extraction.pipeline`, which knows where the names are.
    """
    if _FROM_AFTER.match(text, end) or _HEIGHT_AFTER.match(text, end):
        return None
    if _HEIGHT_BEFORE.search(text, max(0, start - 30), start):
        return None  # "at altitudes of up to 60 km": a height
    low = max(0, start - 80)
    after = _RANGE_AFTER.match(text, end)
    if after:
        return Cue("after", start, after.end(), after.end() - 1)
    weapon = _WEAPON_AFTER.match(text, end)
    if weapon and _ADJECTIVE.search(text, max(start, end - 40), end):
        return Cue("after", start, weapon.end(), weapon.end() - 1)
    before = _nearest(_RANGE_BEFORE, text, low, start)
    if before:
        if _NOT_WEAPON.search(text, max(0, before.start() - 40), before.start()):
            return None  # "its radar has a range of over 150 km": not how far it strikes
        return Cue("before", before.start(), end, before.start())
    put = _PUT_AT.search(text, low, start)
    if put:
        word = _RANGE_WORD.search(text, max(0, start - 160), put.start())
        if word:
            return Cue("before", word.start(), end, word.start())
    capable = _CAPABLE_BEFORE.search(text, low, start)
    away = _AWAY_AFTER.match(text, end)
    if capable:
        return Cue("capable", capable.start(), away.end() if away else end, capable.start())
    targets = _TARGETS_BEFORE.search(text, low, start)
    if targets and away:
        return Cue("away", targets.start(), away.end(), targets.start())
    return None
