"""What a name is (plain, acronym, everyday word), and what the words right next to it say.

Which names are uncertain is read from the data, never listed here
(:func:`name_sense`):

- a **plain** name says what it is: it has a digit (``BGM-109``, ``PAC-3``)
  or a word that names a kind of weapon (``Patriot missile system``,
  ``Army Tactical Missile System``);
- an **acronym** is one word of capitals (``ERAM``, ``TLAM``, ``JASSM-ER``,
  ``PrSM``): another thing may share it;
- an **everyday** name is made of ordinary words written with capital
  initials (``Patriot``, ``Tomahawk``, ``Storm Shadow``, ``Tactical Tomahawk``).

Whether an acronym or everyday name means the system is decided per document
(:mod:`armsref.scanning.discourse`). This module reads only the words right
next to one occurrence (:func:`reading`): those that decide on their own.
An everyday name is **not a name at all** unless written with its capitals
(``Patriot``, ``PATRIOT``; ``patriots`` and ``tomahawks`` are the everyday
words, ``pAtriot`` is nothing), and it is **the other sense** where any of
these holds:

1. **The head of another name.** The word that follows (after an optional
   possessive, a space or a hyphen) makes the phrase a different thing: a law
   (``Patriot Act``), a day (``Patriot Day``), food (``Tomahawk steak``,
   ``Tomahawk chop``), a tool (``Tomahawk axe``), a team, newspaper or group
   (``Patriot Ledger``, ``Patriot Front``), or a place (``Tomahawk Lake``,
   ``Patriot High School``). See :data:`OTHER_SENSE_NEXT`.
2. **A team.** The words before it are a team's home: ``New England
   Patriots``. See :data:`OTHER_SENSE_BEFORE`.
3. **A town.** It is followed by a comma and a US state, spelt out or
   abbreviated: ``Tomahawk, Wisconsin``, ``Tomahawk, Wis.``, ``Tomahawk, WI``.

and **the weapon** where the word right after it names a part or use of one
(``Patriot batteries``, ``Tomahawk strikes``, ``Storm Shadow missiles``; see
:data:`WEAPON_NEXT`).

Each rule looks at most :data:`NEAR_BEFORE` characters before the name and
:data:`NEAR_AFTER` characters after it. A scanner keeps :data:`LOOKBEHIND`
and :data:`LOOKAHEAD` characters around a match (these rules' reach, and the
wider window :mod:`armsref.scanning.evidence` reads), so it decides exactly as
one that sees the whole text.

Examples:
    >>> name_sense("Patriot"), name_sense("ERAM"), name_sense("PAC-3")
    ('everyday', 'acronym', 'plain')
    >>> name_sense("Patriot missile system"), name_sense("Storm Shadow")
    ('plain', 'everyday')
    >>> reading("the Patriot Act passed", 4, 11), reading("two Patriot batteries", 4, 11)
    ('other', 'weapon')
"""

from __future__ import annotations

import re

__all__ = [
    "KIND_WORDS",
    "LOOKAHEAD",
    "LOOKBEHIND",
    "NEAR_AFTER",
    "NEAR_BEFORE",
    "OTHER_SENSE_BEFORE",
    "OTHER_SENSE_NEXT",
    "WEAPON_NEXT",
    "is_everyday_name",
    "means_system",
    "name_sense",
    "reading",
    "written_like",
]

#: How many characters before a name the rules (and the evidence window) may look at.
LOOKBEHIND = 1220
#: How far before a name the rules of this module read.
NEAR_BEFORE = 48
#: How far after a name the rules of this module read.
NEAR_AFTER = 64
#: How many characters after a name the rules (and the evidence window) may look at.
LOOKAHEAD = 1220

#: Words that make a name say what it is: a name holding one is plain.
KIND_WORDS = frozenset(
    (
        *("missile", "missiles", "munition", "munitions", "system", "systems", "rocket"),
        *("rockets", "interceptor", "interceptors", "launcher", "launchers", "artillery"),
        *("cruise", "ballistic", "drone", "drones", "weapon", "weapons"),
    )
)

#: Words that, right after an everyday-word name, make it the weapon: the parts and
#: units of a weapon, never a verb or a word a team, a firm or a town could take
#: ("Tomahawk Fire Department", "the Patriots' defense", "Patriot Air").
WEAPON_NEXT: frozenset[str] = frozenset(
    (
        *("missile", "missiles", "battery", "batteries", "interceptor", "interceptors"),
        *("launcher", "launchers", "strike", "strikes", "salvo", "salvos", "cruise"),
        *("battalion", "battalions", "radar", "radars", "warhead", "warheads"),
        *("munition", "munitions", "rocket", "rockets"),
    )
)


#: Words that, right after an everyday-word name, make it part of another name.
OTHER_SENSE_NEXT: frozenset[str] = frozenset(
    (
        *("act", "acts", "day", "days", "law"),
        *("steak", "steaks", "chop", "chops", "ribeye", "ribeyes", "rib", "ribs", "cut", "cuts"),
        *("axe", "axes", "ax", "hatchet", "hatchets", "throw", "throwing", "throwers"),
        *("ledger", "news", "newspaper", "front", "party", "parties", "games", "movement"),
        *("league", "fans", "fan", "quarterback", "quarterbacks", "coach", "coaches"),
        *("lake", "creek", "river", "county", "township", "park", "street", "road", "avenue"),
        *("boulevard", "trail", "school", "high", "middle", "elementary", "academy", "place"),
        *("stadium", "arena", "mall"),
    )
)

#: Words that, right before an everyday-word name, make it a team's name.
OTHER_SENSE_BEFORE: tuple[tuple[str, ...], ...] = (("new", "england"),)
_MOST_BEFORE = max(len(words) for words in OTHER_SENSE_BEFORE)
#: The last word of any of them, right before the name: the quick test before the full one.
_LAST_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(words[-1] for words in OTHER_SENSE_BEFORE) + r")\W*$",
    re.IGNORECASE,
)

#: US states, spelt out or abbreviated with a capital initial ("Wis."); postal codes
#: ("WI") count only in capitals.
_STATES = frozenset(
    (
        *("alabama", "alaska", "arizona", "arkansas", "california", "colorado"),
        *("connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois"),
        *("indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland"),
        *("massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana"),
        *("nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york"),
        *("north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania"),
        *("rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah"),
        *("vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming"),
        *("ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind"),
        *("kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb"),
        *("nev", "okla", "ore", "pa", "tenn", "tex", "va", "wash", "wis", "wisc", "wyo"),
    )
)
_POSTAL = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
    ]
)
_TOWN = re.compile(r"[ \t\xa0]*,[ \t\xa0]*([A-Z][A-Za-z]*(?: [A-Z][a-z]+)?)(?![^\W\d_])")
_NEXT_WORD = re.compile(r"(?:['’ʼ][sS]?)?(?:[\s\xa0]{1,4}|[-‐‑])([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+")


def is_everyday_name(name: str) -> bool:
    """Whether ``name`` may also be an everyday English word (see the module docstring).

    Examples:
        >>> is_everyday_name("Tomahawk"), is_everyday_name("TLAM"), is_everyday_name("Joint Air")
        (True, False, False)
    """
    return name.isalpha() and name[:1].isupper() and name[1:].islower()


def name_sense(name: str) -> str:
    """``"plain"``, ``"acronym"`` or ``"everyday"``: how sure a name is (see the module docstring).

    Examples:
        >>> [name_sense(n) for n in ("BGM-109", "TLAM", "JASSM-ER", "PrSM", "Tactical Tomahawk")]
        ['plain', 'acronym', 'acronym', 'acronym', 'everyday']
    """
    words = name.split()
    if any(c.isdigit() for c in name) or any(w.casefold() in KIND_WORDS for w in words):
        return "plain"
    if len(words) > 1 and any(w.isupper() for w in words):
        return "plain"  # an acronym or a block number in it: "JASSM baseline", "Block V"
    if len(words) == 1:
        letters = [c for c in name if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if letters and capitals >= 2 and capitals * 2 >= len(letters):
            return "acronym"
    if all(w.isalpha() for w in words) and all(w[:1].isupper() or w.islower() for w in words):
        return "everyday"
    return "plain"


def _is_state(words: str) -> bool:
    first = words.split(" ", maxsplit=1)[0]
    return words in _POSTAL or words.casefold() in _STATES or first.casefold() in _STATES


def _capitalised(word: str) -> bool:
    return word.isupper() or (word[:1].isupper() and word[1:].islower())


def reading(
    text: str, start: int, end: int, core_end: int | None = None, name: str | None = None
) -> str | None:
    """What the words right next to the everyday name at ``text[start:end]`` decide.

    Returns:
        ``"other"`` where a rule of the module docstring makes it another
        sense, ``"weapon"`` where the next word is one of :data:`WEAPON_NEXT`,
        else ``None`` (the document decides).
    """
    if not means_system(text, start, end, core_end, name):
        return "other"
    following = _NEXT_WORD.match(text, end, end + NEAR_AFTER)
    if following and following.group(1).casefold() in WEAPON_NEXT:
        return "weapon"
    return None


def written_like(core: str, name: str | None) -> bool:
    """Whether each word is capitalised (or in capitals) where the name's is."""
    if name is None or " " not in name.strip():
        return _capitalised(core)
    words, wanted = core.split(), name.split()
    if len(words) != len(wanted):
        return _capitalised(words[0]) if words else False
    return all(
        _capitalised(word) if want[:1].isupper() else True
        for word, want in zip(words, wanted, strict=True)
    )


def means_system(
    text: str, start: int, end: int, core_end: int | None = None, name: str | None = None
) -> bool:
    """Whether the everyday-word name at ``text[start:end]`` means the system.

    Args:
        text: the text the name was found in (with its context).
        start: where the name starts.
        end: where the match ends, a plural ``s`` included.
        core_end: where the name itself ends, before any plural ``s``
            (default: ``end``).

    Examples:
        >>> means_system("Tomahawks were fired", 0, 9, 8)
        True
        >>> means_system("a tomahawk steak", 2, 10)
        False
        >>> means_system("New England Patriots won", 12, 20, 19)
        False
        >>> means_system("Tomahawk, Wisconsin", 0, 8)
        False
    """
    core = text[start : end if core_end is None else core_end]
    if not written_like(core, name):
        return False
    after = text[end : end + NEAR_AFTER]
    following = _NEXT_WORD.match(after)
    if following and following.group(1).casefold() in OTHER_SENSE_NEXT:
        return False
    town = _TOWN.match(after)
    if town and _is_state(town.group(1)):
        return False
    lookbehind = max(0, start - NEAR_BEFORE)
    if not _LAST_BEFORE.search(text, lookbehind, start):
        return True
    before = _WORD.findall(text, lookbehind, start)[-_MOST_BEFORE:]
    before = [word.casefold() for word in before]
    return not any(
        len(before) >= len(words) and tuple(before[-len(words) :]) == words
        for words in OTHER_SENSE_BEFORE
    )
