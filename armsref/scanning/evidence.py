"""The words around a name that tell which sense it has: the weapon, or something else.

A name such as "Patriot" or "ERAM" is read in context: words of the weapon
sense near it count for the weapon, words of another sense against it. This
module only counts those words in a window of text; the decision that weighs
them is :mod:`armsref.scanning.discourse`'s.

The lexicons are named by the sense they point to, and each holds words (and
a few two-word phrases) that point there and almost nowhere else. A word
written in lower case matches in any case; one written with capitals
(``NFL``, ``Act``, ``Kyiv``) matches only as written. A length figure in
kilometres or miles near a name counts for the weapon too. Words are looked
up one token at a time in sets, so reading a window costs little. Words that sound military but are
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
WINDOW = 600

#: Sense -> the words and two-word phrases that point to it.
LEXICONS: dict[str, tuple[str, ...]] = {
    "weapon": (
        *("missile", "missiles", "interceptor", "interceptors", "intercept", "intercepts"),
        *("intercepted", "intercepting", "air defense", "air defence", "air defenses"),
        *("air defences", "missile defense", "missile defence", "anti-aircraft"),
        *("antiaircraft", "anti-missile", "launcher", "launchers", "warhead", "warheads"),
        *("cruise", "ballistic", "munition", "munitions", "rocket", "rockets", "arsenal"),
        *("arsenals", "airstrike", "airstrikes", "air strike", "air strikes", "shot down"),
        *("shoot down", "Pentagon", "Raytheon", "Lockheed", "RTX", "Ukraine", "Ukrainian"),
        *("Ukrainians", "Kyiv", "Kiev", "Russia", "Russian", "Kremlin", "Moscow", "Houthi"),
        *("Houthis", "NATO", "warship", "warships", "destroyer", "destroyers", "submarine"),
        *("submarines", "frigate", "frigates", "weapon", "weapons", "arms sale"),
        *("arms sales", "arms package", "battalion", "battalions", "battery", "batteries"),
        *("range", "ranges", "km", "kilometer", "kilometers", "kilometre", "kilometres"),
        *("strike targets", "hit targets", "drone", "drones", "Zelensky", "Zelenskyy"),
        *("Zelenskiy", "Putin", "Hegseth", "Iran", "Iranian", "Israel", "Israeli", "Syria"),
        *("Yemen", "Taiwan", "troops", "military", "army", "navy", "air force"),
        *("defense ministry", "defence ministry", "defense minister", "defence minister"),
        *("defense secretary", "defence secretary", "long-range", "hypersonic", "radar"),
        *("radars", "deep strikes"),
    ),
    "sports": (
        *("NFL", "AFC", "quarterback", "quarterbacks", "touchdown", "touchdowns", "coach"),
        *("coaches", "coached", "season", "playoff", "playoffs", "Super Bowl", "kickoff"),
        *("yard", "yards", "fumble", "fumbled", "receiver", "receivers", "linebacker"),
        *("linebackers", "cornerback", "cornerbacks", "sack", "sacks", "sacked"),
        *("field goal", "Gillette Stadium", "Foxborough", "Foxboro", "Belichick", "Brady"),
        *("roster", "draft pick", "rookie", "overtime", "halftime", "score", "scored"),
        *("team", "teams", "fan", "fans", "NCAA", "basketball", "baseball", "football"),
        *("league", "game-winning", "standings", "preseason", "dunk", "dunks"),
    ),
    "food": (
        *("steak", "steaks", "ribeye", "ribeyes", "rib-eye", "grill", "grilled", "grilling"),
        *("sear", "seared", "searing", "bone-in", "butcher", "butchers", "recipe", "recipes"),
        *("marinade", "medium-rare", "oven", "ovens", "cook", "cooked", "cooking", "chef"),
        *("chefs", "restaurant", "restaurants", "menu", "beef", "pork", "wagyu", "dry-aged"),
        *("skillet", "seasoning", "butter", "tender", "juicy", "dinner"),
    ),
    "tool": (
        *("blade", "blades", "hatchet", "hatchets", "handle", "handles", "axe", "axes"),
        *("forged", "camping", "sheath", "sheaths", "throwing", "knife", "knives"),
        *("bushcraft", "hickory", "steel head", "chopping", "edge"),
    ),
    "civic": (
        *("mayor", "county", "city council", "council", "village", "residents"),
        *("school board", "Wisconsin", "downtown", "library", "alderman", "alderperson"),
        *("police", "fire department", "parade", "festival", "high school", "students"),
        *("shopping",),
    ),
    "business": (
        *("company", "companies", "headquartered", "founded", "LLC", "Inc", "shareholder"),
        *("shareholders", "trucking", "construction", "real estate", "store", "stores"),
        *("retail", "retailer", "retailers", "brand"),
    ),
    "law": (
        *("Act", "Section 215", "surveillance", "FISA", "NSA", "civil liberties", "wiretap"),
        *("wiretaps", "reauthorize", "reauthorized", "reauthorization", "phone records"),
        *("privacy", "lawmakers", "court order"),
    ),
    "aviation": (
        *("FAA", "Federal Aviation", "air traffic", "air-traffic", "controller"),
        *("controllers", "flight", "flights", "airport", "airports", "airline", "airlines"),
        *("NextGen", "en route", "TRACON", "ground stop", "ground stops", "passengers"),
        *("air travel", "aviation"),
    ),
}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*|\d[\d,.]*")
_UNITS = frozenset({"km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles"})
_SCALES = frozenset({"hundred", "thousand"})


def _tables() -> tuple[dict[str, str], dict[str, str], dict[tuple[str, str], str]]:
    """Any-case words, as-written words, and two-word phrases (any case), to their sense."""
    any_case: dict[str, str] = {}
    as_written: dict[str, str] = {}
    pairs: dict[tuple[str, str], str] = {}
    for sense, entries in LEXICONS.items():
        for entry in entries:
            words = entry.split()
            if len(words) == 2:
                first, second = words
                pairs[(first.lower(), second.lower())] = sense
            elif entry.islower():
                any_case[entry] = sense
            else:
                as_written[entry] = sense
    return any_case, as_written, pairs


_ANY_CASE, _AS_WRITTEN, _PAIRS = _tables()
#: Every lower-case word that can start a sense (a word of either case, or a phrase's
#: first word). A word outside this set and not followed by a unit counts for
#: nothing, so :func:`context` reads past it without a look.
_LOOKOUTS = frozenset(
    [*_ANY_CASE, *(word.lower() for word in _AS_WRITTEN), *(first for first, _ in _PAIRS)]
)


def _lowered(segment: str) -> tuple[list[str], list[str]]:
    """The words of ``segment`` as written and in lower case, position for position.

    An ASCII segment is lowered once as a whole (letters stay letters, so it splits
    into the same words); any other has each word lowered on its own, since
    lowering some characters (``İ``, the Kelvin sign) makes new ASCII letters.
    """
    words = _TOKEN.findall(segment)
    if segment.isascii():
        return words, _TOKEN.findall(segment.lower())
    return words, [word.lower() for word in words]


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
    but that is the name, not its context), and no phrase is read across it.
    """
    words, lowers = _lowered(text[max(0, start - window) : start])
    words.append("")  # the name: no two-word phrase spans it
    lowers.append("")
    after, after_lowers = _lowered(text[end : min(len(text), end + window)])
    words += after
    lowers += after_lowers
    last = len(words) - 1
    # Only a lookout word, or a word just before a unit, can count (see _LOOKOUTS).
    places = sorted(
        {at for at, lower in enumerate(lowers) if lower in _LOOKOUTS}
        | {at - 1 for at, lower in enumerate(lowers) if at and lower in _UNITS}
    )
    counts: dict[str, int] = {}
    free = 0  # the first word not yet read as part of a phrase or a figure
    for at in places:
        if at < free:
            continue
        word, lower = words[at], lowers[at]
        following = lowers[at + 1] if at < last else ""
        step = 1
        sense = _PAIRS.get((lower, following)) if following else None
        if sense is not None:
            step = 2
        elif following in _UNITS and word and (word[0].isdigit() or lower in _SCALES):
            sense, step = "weapon", 2  # a length figure: "300 km", "fifteen hundred miles"
        elif word:
            sense = _AS_WRITTEN.get(word) or _ANY_CASE.get(lower)
        if sense is not None:
            counts[sense] = counts.get(sense, 0) + 1
        free = at + step
    weapon = counts.pop("weapon", 0)
    return Context(weapon, counts)
