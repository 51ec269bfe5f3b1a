"""How a text points at a system without naming it as the subject: comparisons and references.

Two kinds of words decide whether a name near a figure is the one the figure
belongs to, each a named rule with its examples:

- **Compared, not described** (:func:`compared`). A name only compared with,
  replaced, or taken as a model is not the subject: "longer than the ERAM",
  "unlike the Tomahawk", "similar to", "akin to", "on a par with", "a rival
  to", "equivalent of", "instead of", "replacing ATACMS", "successor to the
  ATACMS", "improves on", "the ATACMS it is replacing", and a name used as an
  adjective of likeness: "Tomahawk-like", "a Tomahawk-class missile",
  "Tomahawk-style". ("Tomahawk-type cruise missiles" stays the Tomahawk: a
  source calls them that.)
- **Referring back** (:data:`REFERS`). "It", "its", "they", "the missile",
  "the long-range missile", "the weapon", "this version", "the variant", "the
  interceptors" point at the system the paragraph is about: the one system
  named in the nearest sentence before that names a weapon, never across a
  paragraph break, and never past a sentence that names another weapon.

Examples:
    >>> text = "Ukraine wants a Tomahawk-like missile."
    >>> compared(text, text.index("Tomahawk"), text.index("Tomahawk") + 8, 0)
    True
    >>> text = "The PrSM improves on the older ATACMS missiles it is replacing."
    >>> compared(text, text.index("ATACMS"), text.index("ATACMS") + 6, 0)
    True
    >>> bool(REFERS.search("The long-range missile can strike targets 1,000 miles away."))
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armsref.dataset.models import System
    from armsref.scanning.mentions import Mention

__all__ = ["REFERS", "clause_about_another", "compared", "platform", "refers", "unlisted"]

#: The words right before a name that make it a comparison, not the subject.
_COMPARED_BEFORE = re.compile(
    r"(?<![\w-])(?:than(?!\s+(?:about\s+|some\s+)?[\d,]+\s)|like|unlike|compared\s+(?:with|to)|versus|vs\.?|instead\s+of"
    r"|(?:similar|comparable|akin|equivalent|alternative|rival|successor|answer|"
    r"counterpart|heir|sequel)\s+(?:to|of)|on\s+a\s+par\s+with|equivalent\s+of"
    r"|(?:replac(?:e|es|ed|ing)|supersed(?:e|es|ed|ing)|succeed(?:s|ed|ing)?)"
    r"|improves?\s+on|outrange[sd]?|outranging|modell?ed\s+(?:on|after)|patterned\s+on"
    r"|inspired\s+by|based\s+on|(?:a\s+)?cop(?:y|ies)\s+of|clones?\s+of)"
    r"\s+(?:the\s+|an?\s+|its\s+|older\s+|US\s+|American\s+)*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: The words right after a name that make it a model or the thing replaced.
_COMPARED_AFTER = re.compile(
    r"(?:-(?:like|class|style|esque|equivalent)\b"
    r"|(?:\s+[\w-]+){0,2}\s+(?:it|which|that|they)\s+(?:is|are|was|were|will\s+be)\s+"
    r"(?:replacing|succeeding|superseding))",
    re.IGNORECASE,
)

#: Words that refer back to a system named before.
REFERS = re.compile(
    r"(?<![\w-])(?:it|its|they|their|"
    r"both|these|those|the\s+(?:(?:maximum|operational|effective|flight)\s+)?(?:range|reach)|"
    r"(?:the|this|that|these|those|such)\s+(?:[\w-]+,?\s+){0,3}?"
    r"(?:missile|weapon|system|munition|rocket|interceptor|version|variant|model)s?|"
    r"an?\s+(?:[\w-]+\s+){0,2}?(?:version|variant|model)s?)"
    r"(?![\w-])",
    re.IGNORECASE,
)


#: "X and its successor, which can...": a relative clause about a noun after the name.
_RELATIVE = re.compile(r"([^,.;()]*),\s*(?:which|that|who)\b", re.IGNORECASE)
#: Words that may stand between a name and "which" without taking the clause from it.
_HEAD_NOUNS = frozenset(
    (
        *("missile", "missiles", "rocket", "rockets", "munition", "munitions", "interceptor"),
        *("interceptors", "system", "systems", "weapon", "weapons", "cruise", "ballistic"),
        *("air-launched", "launcher", "launchers"),
    )
)


def clause_about_another(text: str, name_end: int, position: int) -> bool:
    """Whether a *which* clause before ``position`` is about a noun after the name ending at
    ``name_end``: "the ATACMS and its successor, which can fly 500 km".
    """
    relative = _RELATIVE.match(text, name_end, position)
    if relative is None:
        return False
    words = relative.group(1).lower().split()
    return any(word not in _HEAD_NOUNS for word in words)


def compared(text: str, start: int, end: int, floor: int) -> bool:
    """Whether the name at ``text[start:end]`` is only compared with (see the module docstring).

    ``floor`` is where the sentence starts: nothing before it is read.
    """
    low = max(floor, start - 48)
    return bool(
        _COMPARED_BEFORE.search(text, low, start) or _COMPARED_AFTER.match(text, end, end + 60)
    )


#: Another system named as what carries or fires ours: "fired from HIMARS launchers".
_PLATFORM = re.compile(
    r"(?:fired|launched|carried)\s+(?:from|by|on|aboard)\s+(?:the\s+|its\s+|US\s+)?$", re.IGNORECASE
)
_PLATFORM_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:launchers?|pods?|trucks?|vehicles?|jets?|aircraft|planes?|ships?)\b",
    re.IGNORECASE,
)


def platform(text: str, mention: Mention) -> bool:
    """Whether another system is named as what carries or fires ours: no subject, then.

    "The ATACMS, fired from HIMARS launchers, has a range of about 300 km."
    """
    before = _PLATFORM.search(text, max(0, mention.start - 32), mention.start)
    return bool(before or _PLATFORM_AFTER.match(text, mention.end))


#: An origin that makes "the new Japanese missiles" another weapon than ours.
_FOREIGN = re.compile(
    r"(?<![\w-])(?:Japanese|Ukrainian|Russian|Chinese|Iranian|North\s+Korean|Korean|Indian|"
    r"Israeli|Turkish|Taiwanese|European|British|French|German|Polish|Pakistani|domestic|"
    r"home-?grown|indigenous|own)(?![\w-])",
    re.IGNORECASE,
)


def refers(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` refers back to a system named before.

    A reference that names another origin ("the new Japanese missiles", "its
    own missiles") is to another weapon, not ours.

    Examples:
        >>> refers("It has a range of 300 km.", 0, 10)
        True
        >>> refers("The new Japanese missiles are to have a range", 0, 40)
        False
    """
    return any(not _FOREIGN.search(m.group()) for m in REFERS.finditer(text, start, end))


#: A weapon-like name the dataset does not list: capitalised words before a weapon noun
#: ("Strong Bow missiles", "the Sky Sabre system"), or a designation of the kinds other
#: countries' missiles go by ("Kh-59", "9M723", "DF-21").
_UNLISTED = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:\s+[IVX]+)?)\s+"
    r"(?:cruise\s+|ballistic\s+|anti-ship\s+)?(?:missiles?|rockets?|interceptors?|drones?)\b"
    r"|(?<![\w-])(?P<designation>(?:Kh|Х|KN|DF|YJ|CJ|HQ|R|9M|3M|P)-?\d{1,4}[A-Z]?\d?)(?![\w-])"
)
_NOT_A_NAME = frozenset(
    [
        *("US", "U.S.", "American", "Russian", "Ukrainian", "Western", "NATO", "Soviet"),
        *("Chinese", "Japanese", "European", "British", "French", "German", "Polish"),
        *("Iranian", "Israeli", "Korean", "Taiwanese", "Indian", "The", "A", "An", "Its"),
        *("Their", "These", "Those", "New", "Long-range", "Cruise", "Ballistic", "Some"),
        *("Army", "Navy", "Air", "Force", "Marine", "Several", "Two", "Three", "More"),
        # Makers name missiles too: "the Lockheed Martin missiles" are no other weapon.
        *("Lockheed", "Martin", "Raytheon", "RTX", "Boeing", "MBDA", "Kongsberg", "Saab"),
        *("Northrop", "Grumman", "General", "Dynamics", "Rafael", "Diehl", "Rheinmetall"),
    ]
)


def unlisted(
    text: str, listed: Sequence[Mention], start: int = 0, end: int | None = None
) -> list[Mention]:
    """Weapon-like names in ``text[start:end]`` the dataset does not list, as mentions of no system.

    They only block: a figure whose nearest name is one of them is given to
    none of the dataset's systems. A name overlapping a ``listed`` one is left out.
    """
    from armsref.scanning.mentions import Mention

    stop = len(text) if end is None else end
    taken = [(m.start, m.end) for m in listed if m.end > start and m.start < stop]
    found = []
    for match in _UNLISTED.finditer(text, start, stop):
        group = "name" if match.group("name") else "designation"
        low, high = match.span(group)
        words = match.group(group).split()
        if group == "name":
            while words and (words[0] in _NOT_A_NAME or re.search(r"-[a-z]", words[0])):
                low += len(words.pop(0)) + 1  # "US", "GPS-guided", "Russian-made"
            if not words or any(word in _NOT_A_NAME for word in words):
                continue
        if any(a < high and low < b for a, b in taken):
            continue
        found.append(Mention(_unlisted_system(), low, high, text[low:high]))
    return found


@cache
def _unlisted_system() -> System:
    """The stand-in system of the weapon-like names the dataset does not list."""
    from armsref.dataset.models import System

    return System(
        id="unlisted", name="unlisted weapon", short="unlisted", kind="weapon", origin="?"
    )
