"""The words around a name that tell which sense it has: the weapon, or something else.

A name such as "Patriot" or "ERAM" is read in context: words of the weapon
sense near it count for the weapon, words of another sense against it. This
module only counts those words in a window of text; the decision that weighs
them is :mod:`armsref.scanning.discourse`'s.

The lexicons are named by the sense they point to, and each holds words that
point there and almost nowhere else. Words that sound military but are
everyday sports language (*attack*, *defense*, *offense*, *blitz*, *bomb*,
*shotgun*, *battery of tests*) are in none of them; *air defense* and
*missile defense* are weapon words, *defense* alone is not.

- **weapon**: missile, interceptor, air defense, launcher, warhead, cruise,
  ballistic, munition, Pentagon, Raytheon, Lockheed, Ukraine, Kyiv, Russia,
  Kremlin, Houthi, NATO, warship, destroyer, airstrike, ...
- **sports**: NFL, quarterback, touchdown, coach, season, playoff, Super Bowl,
  kickoff, yards, fumble, Gillette Stadium, Foxborough, ...
- **food**: steak, ribeye, grill, sear, bone-in, butcher, recipe, marinade, ...
- **tool**: blade, hatchet, handle, axe, forged, camping, sheath, throwing, ...
- **civic**: mayor, county, city council, village, residents, school board, ...
- **business**: company, headquartered, founded, LLC, Inc., shareholders, ...
- **law**: the Act, Section 215, surveillance, FISA, NSA, civil liberties, ...
- **aviation**: FAA, air traffic, controllers, flights, airports, airlines, ...

Examples:
    >>> around = context("Two Patriot batteries shot down Russian missiles near Kyiv.", 4, 11)
    >>> around.weapon, around.other
    (5, 0)
    >>> context("The Patriots' quarterback threw a touchdown in the NFL opener.", 4, 12).senses
    {'sports': 3}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["LEXICONS", "WINDOW", "Context", "context"]

#: How many characters on either side of a name are read for evidence.
WINDOW = 1200

#: Sense -> the words that point to it (a regular expression each, matched as whole
#: words; lower case matches any case, and a word with capitals matches only as written).
LEXICONS: dict[str, tuple[str, ...]] = {
    "weapon": (
        r"missiles?",
        r"interceptors?",
        r"intercept(?:s|ed|ing)?",
        r"air[ -]defen[cs]es?",
        r"missile[ -]defen[cs]es?",
        r"anti-?aircraft",
        r"anti-?missile",
        r"launchers?",
        r"warheads?",
        r"cruise",
        r"ballistic",
        r"munitions?",
        r"rockets?",
        r"arsenals?",
        r"air-?strikes?",
        r"shot\s+down",
        r"shoot\s+down",
        r"Pentagon",
        r"Raytheon",
        r"Lockheed",
        r"RTX",
        r"Ukrain(?:e|ian|ians)",
        r"Kyiv",
        r"Kiev",
        r"Russian?",
        r"Kremlin",
        r"Moscow",
        r"Houthis?",
        r"NATO",
        r"warships?",
        r"destroyers?",
        r"submarines?",
        r"frigates?",
        r"weapons?",
        r"arms\s+(?:sales?|deliver(?:y|ies)|package)",
        r"battalions?",
        r"batter(?:y|ies)",
        r"ranges?",
        r"(?:strike|hit|hitting|striking|reach)\s+targets?",
        r"[\d,.]*\d[\s-]*(?:km|kilomet(?:er|re)s?|miles?)",
        r"(?:hundred|thousand)[\s-]+(?:km|kilomet(?:er|re)s?|miles?)",
        r"km",
        r"kilomet(?:er|re)s?",
        r"drones?",
        r"Zelensk[iy]y?",
        r"Putin",
        r"Hegseth",
        r"Iran(?:ian)?",
        r"Israel(?:i)?",
        r"Syria",
        r"Yemen",
        r"Taiwan",
        r"troops",
        r"military",
        r"army",
        r"navy",
        r"air\s+force",
        r"defen[cs]e\s+(?:ministry|minister|secretary|department|contractor)",
        r"long-range",
        r"strikes?\s+(?:on|against|deep)",
        r"hypersonic",
        r"radars?",
    ),
    "sports": (
        r"NFL",
        r"AFC",
        r"quarterbacks?",
        r"touchdowns?",
        r"coach(?:es|ed)?",
        r"season",
        r"playoffs?",
        r"Super\s+Bowls?",
        r"kickoff",
        r"yards?",
        r"fumbled?",
        r"receivers?",
        r"linebackers?",
        r"cornerbacks?",
        r"sacks?",
        r"sacked",
        r"field\s+goal",
        r"Gillette\s+Stadium",
        r"Foxborough",
        r"Foxboro",
        r"Belichick",
        r"Brady",
        r"roster",
        r"draft\s+picks?",
        r"rookie",
        r"overtime",
        r"halftime",
        r"scored?",
        r"teams?",
        r"fans?",
        r"NCAA",
        r"basketball",
        r"baseball",
        r"football",
        r"league",
        r"game-winning",
        r"standings",
        r"preseason",
        r"wide\s+receivers?",
        r"dunks?",
    ),
    "food": (
        r"steaks?",
        r"rib-?eyes?",
        r"grill(?:ed|ing)?",
        r"sear(?:ed|ing)?",
        r"bone-?in",
        r"butchers?",
        r"recipes?",
        r"marinade",
        r"medium-rare",
        r"ovens?",
        r"cook(?:ed|ing)?",
        r"chefs?",
        r"restaurants?",
        r"menu",
        r"beef",
        r"pork",
        r"wagyu",
        r"dry-aged",
        r"skillet",
        r"seasoning",
        r"butter",
        r"tender",
        r"juicy",
        r"dinner",
    ),
    "tool": (
        r"blades?",
        r"hatchets?",
        r"handles?",
        r"axes?",
        r"forged",
        r"camping",
        r"sheaths?",
        r"throwing",
        r"knife",
        r"knives",
        r"bushcraft",
        r"hickory",
        r"steel\s+head",
        r"chopping",
        r"edge",
    ),
    "civic": (
        r"mayor",
        r"county",
        r"city\s+council",
        r"council",
        r"village",
        r"residents",
        r"school\s+board",
        r"Wisconsin",
        r"downtown",
        r"library",
        r"chamber\s+of\s+commerce",
        r"alder(?:man|person)",
        r"police",
        r"fire\s+department",
        r"parade",
        r"festival",
        r"high\s+school",
        r"students",
        r"shopping",
    ),
    "business": (
        r"compan(?:y|ies)",
        r"headquartered",
        r"founded",
        r"LLC",
        r"Inc\.?",
        r"shareholders?",
        r"trucking",
        r"construction",
        r"real\s+estate",
        r"stores?",
        r"retail(?:er|ers)?",
        r"brand",
    ),
    "law": (
        r"Act",
        r"Section\s+215",
        r"surveillance",
        r"FISA",
        r"NSA",
        r"civil\s+liberties",
        r"wiretaps?",
        r"reauthoriz(?:e|ed|ation)",
        r"phone\s+records",
        r"privacy",
        r"lawmakers",
        r"court\s+order",
    ),
    "aviation": (
        r"FAA",
        r"Federal\s+Aviation\s+Administration",
        r"air[ -]traffic",
        r"controllers?",
        r"flights?",
        r"airports?",
        r"airlines?",
        r"NextGen",
        r"en\s+route",
        r"TRACON",
        r"ground\s+stops?",
        r"passengers",
        r"air\s+travel",
        r"aviation",
    ),
}


def _compile() -> re.Pattern[str]:
    groups = []
    for sense, words in LEXICONS.items():
        alternatives = []
        for word in words:
            # A lower-case word matches in any case; one written with capitals, only as written.
            alternatives.append(word if not word.islower() else f"(?i:{word})")
        groups.append(f"(?P<{sense}>{'|'.join(alternatives)})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])")


_EVIDENCE = _compile()


@dataclass(frozen=True)
class Context:
    """The sense words found near a name.

    Attributes:
        weapon: how many weapon words.
        senses: how many words of each other sense (only those found).
    """

    weapon: int = 0
    senses: dict[str, int] = field(default_factory=dict)

    @property
    def other(self) -> int:
        """How many words of any other sense."""
        return sum(self.senses.values())


def context(text: str, start: int, end: int, window: int = WINDOW) -> Context:
    """Count the sense words within ``window`` characters of ``text[start:end]``.

    The name itself is not counted (``Patriot missile system`` holds *missile*,
    but that is the name, not its context).
    """
    weapon = 0
    senses: dict[str, int] = {}
    low, high = max(0, start - window), min(len(text), end + window)
    for match in _EVIDENCE.finditer(text, low, high):
        if match.start() < end and match.end() > start:
            continue
        sense = match.lastgroup
        if sense == "weapon":
            weapon += 1
        elif sense is not None:
            senses[sense] = senses.get(sense, 0) + 1
    return Context(weapon, senses)
