"""One sense per discourse: whether a document's "Patriot" or "ERAM" means the weapon.

Names come in three *senses* of certainty (see :func:`armsref.scanning.senses.name_sense`):

- **plain** names mean the system wherever they are written: designations
  (``BGM-109``, ``PAC-3``) and names that say what they are (``Patriot missile
  system``, ``Army Tactical Missile System``);
- **acronyms** (``ERAM``, ``TLAM``) mean the system unless the document says
  otherwise;
- **everyday** names (``Patriot``, ``Tomahawk``, ``Storm Shadow``) are also
  ordinary words, and mean the system only where the document shows it.

Every candidate of an acronym or everyday name is held until the document
ends; then one decision is taken per *group* (one system's one name, in any
letter case, plural or possessive) and applies to every candidate in it. It is
a score with named features, each an example of what it weighs:

========================= ======= ===============================================
feature                   weight  example
========================= ======= ===============================================
acronym prior             +2      an undefined "ATACMS" leans to the weapon
plain name in document    +3      "...the MIM-104 battery" anywhere in the text
words near it             +1/-1   each weapon word ("missile", "air defense",
                          each    "Kyiv") counts +1, each word of another sense
                                  ("quarterback", "ribeye", "FAA") -1, within
                                  :data:`~armsref.scanning.evidence.WINDOW`
                                  characters; between -3 and +3 a candidate
weapon word next to it    +3      "Patriot batteries", "Tomahawk strikes"
other sense next to it    -2      "New England Patriots", "Patriot Act",
                                  "Tomahawk, Wis." (the rules of
                                  :mod:`armsref.scanning.senses`); -6 at most
                                  a document: the team's name said twenty
                                  times is no more telling than three
========================= ======= ===============================================

A group whose score is above zero means the weapon.

A *shared* name is a family designation that another system's designation
extends by a letter: ``AGM-158`` is JASSM's, and ``AGM-158C`` is LRASM's. It
means its own system unless the document names the other system and never
names its own by any other name ("two AGM-158s" in a story about LRASM alone).

Definitions come first: an acronym the document spells out as something
else (``En Route Automation Modernization (ERAM)``, see
:mod:`armsref.scanning.acronyms`) is the other sense everywhere in it, and
one spelled out in its own words (``Extended Range Attack Munition (ERAM)``)
is the weapon everywhere. Acronym groups are
decided before everyday ones, so that an "ATACMS" the document keeps counts as
a plain name for its "Patriot".

Two candidates are decided on their own whatever their group's score: one
with a weapon word right after it (``Patriot batteries`` in a page that also
covers the Patriots' game) is the weapon, and one whose own words point to
another sense with nothing of the weapon near (three other-sense words, no
weapon word) is not.

A file of any size is still streamed: a held candidate is a few numbers, and
evidence is read from the window around each candidate as it is found, in
document order. Once a group has weighed :data:`SETTLE_AFTER` candidates and
its evidence stands :data:`SETTLE_MARGIN` or more from zero, its decision is
taken as made: later candidates of it are not weighed (their words could not
plausibly turn it), which keeps a long document with many mentions fast. A
document with more than :data:`MAX_HELD` held candidates has its groups decided
with the evidence seen so far, and the rest of it follows those decisions.

Examples:
    >>> from armsref.scanning.mentions import scan
    >>> [m.surface for m in scan("The Patriots won on a late field goal by the rookie kicker.")]
    []
    >>> [m.surface for m in scan("Two Patriot batteries guard Kyiv against Russian missiles.")]
    ['Patriot']
    >>> text = "The FAA said its En Route Automation Modernization (ERAM) failed; ERAM is old."
    >>> [m.surface for m in scan(text)]
    []
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MAX_HELD", "SETTLE_AFTER", "SETTLE_MARGIN", "Candidate", "Discourse", "Group"]

#: How many candidates a document may hold before its groups are decided early.
MAX_HELD = 100_000
#: A group settled after this many candidates ...
SETTLE_AFTER = 8
#: ... whose weighed evidence stands this far from zero is weighed no more.
SETTLE_MARGIN = 16

_ACRONYM_PRIOR = 2
_PLAIN_IN_DOCUMENT = 3
_NEAR_CAP = 3
_WEAPON_NEXT = 3
_OTHER_NEXT = -2
_OTHER_NEXT_FLOOR = -6
_ALONE_OTHER = 3


@dataclass(slots=True)
class Candidate:
    """A place a name may be a mention, with what was read around it.

    Attributes:
        system: the system's position in the matcher.
        start: where the name starts (characters, or -1 when not counted).
        end: where it ends.
        surface: the name as written.
        sense: ``plain``, ``acronym`` or ``everyday``.
        group: the decision group (the name's key), for acronyms and everyday names.
        variant: the variant id its name belongs to, if any.
        local: ``"weapon"`` or ``"other"`` when the words right next to it
            decide, else ``None``.
        weapon: weapon words near it.
        other: other-sense words near it.
        defined: ``"self"`` or ``"other"`` when the document spells the
            acronym out right here, else ``None``.
        position: the 1-based line and column, where the scanner needs it.
        byte: where the name starts in the document's bytes (for streams).
        shares: for a shared name, the other system's position.
    """

    system: int
    start: int
    end: int
    surface: str
    sense: str
    group: str = ""
    variant: str | None = None
    local: str | None = None
    weapon: int = 0
    other: int = 0
    defined: str | None = None
    position: tuple[int, int] | None = None
    byte: int = 0
    shares: int | None = None


@dataclass
class Group:
    """What a document says about one name of one system; see the module docstring."""

    sense: str
    held: list[Candidate] = field(default_factory=list)
    near: int = 0
    next_to: int = 0
    anchors: int = 0
    defined: str | None = None
    decided: bool | None = None
    seen: int = 0

    @property
    def settled(self) -> bool:
        """Whether more words around its candidates could plausibly change the decision."""
        weighed = self.near + self.next_to + self.anchors
        return self.seen >= SETTLE_AFTER and abs(weighed) >= SETTLE_MARGIN

    def add(self, candidate: Candidate) -> None:
        """Weigh one more candidate of this name."""
        self.seen += 1
        if candidate.defined is not None and self.defined != "other":
            self.defined = candidate.defined
        if candidate.local == "other":
            self.anchors = max(_OTHER_NEXT_FLOOR, self.anchors + _OTHER_NEXT)
            return
        if candidate.local == "weapon":
            self.next_to += _WEAPON_NEXT
        net = candidate.weapon - candidate.other
        self.near += max(-_NEAR_CAP, min(_NEAR_CAP, net))

    def score(self, plain_in_document: bool) -> int:
        """The group's score: above zero means the weapon."""
        prior = _ACRONYM_PRIOR if self.sense == "acronym" else 0
        evidence = _PLAIN_IN_DOCUMENT if plain_in_document else 0
        return prior + evidence + self.near + self.next_to + self.anchors

    def means_weapon(self, plain_in_document: bool) -> bool:
        """The decision for every candidate of the group (a shared name's is taken apart)."""
        if self.sense == "shared":
            return True
        if self.defined is not None:
            return self.defined == "self"
        return self.score(plain_in_document) > 0


def _keeps(candidate: Candidate, weapon: bool) -> bool:
    """Whether one candidate is a mention, given its group's decision."""
    if candidate.sense == "shared":
        return weapon
    if candidate.local == "other":
        return False
    if candidate.sense == "everyday" and candidate.defined is None:
        if candidate.local == "weapon":
            return True
        if candidate.weapon == 0 and candidate.other >= _ALONE_OTHER:
            return False
    return weapon


class Discourse:
    """The sense decisions of one document, fed its candidates in any order.

    :meth:`add` returns the candidates that are mentions as soon as that is
    known (plain names at once); :meth:`finish` returns the rest.
    """

    def __init__(self) -> None:
        self.groups: dict[tuple[int, str], Group] = {}
        self.plain = False
        self.held = 0
        #: The systems with a mention so far, and those named by a shared name only.
        self.named: set[int] = set()

    def open(self, candidate: Candidate) -> bool:
        """Whether the words around ``candidate`` are still worth weighing for its group."""
        if candidate.sense not in {"acronym", "everyday"}:
            return False
        group = self.groups.get((candidate.system, candidate.group))
        return group is None or not group.settled

    def add(self, candidate: Candidate) -> list[Candidate]:
        """Take one candidate (in document order); return what is now known to be a mention."""
        if candidate.sense == "plain":
            self.plain = True
            self.named.add(candidate.system)
            return [candidate]
        key = (candidate.system, candidate.group)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = Group(candidate.sense)
        group.add(candidate)
        if group.decided is not None:
            return [candidate] if self._keeps(candidate, group.decided) else []
        if candidate.local != "other":
            group.held.append(candidate)
            self.held += 1
        if self.held > MAX_HELD:
            return self._decide(final=False)
        return []

    def _keeps(self, candidate: Candidate, weapon: bool) -> bool:
        if candidate.sense == "shared":
            own, other = candidate.system in self.named, candidate.shares in self.named
            return own or not other
        return _keeps(candidate, weapon)

    def finish(self) -> list[Candidate]:
        """Decide every group; return the held candidates that are mentions."""
        return self._decide(final=True)

    def _decide(self, *, final: bool) -> list[Candidate]:
        kept: list[Candidate] = []
        plain = self.plain
        for sense in ("acronym", "everyday", "shared"):
            for group in self.groups.values():
                if group.sense != sense or (group.decided is not None and not group.held):
                    continue
                weapon = group.means_weapon(plain) if group.decided is None else group.decided
                if not final:
                    group.decided = weapon
                mentions = [c for c in group.held if self._keeps(c, weapon)]
                group.held = []
                kept += mentions
                self.named.update(c.system for c in mentions if c.sense != "shared")
                if sense == "acronym" and mentions:
                    plain = True
        self.held = 0
        if not final:
            self.plain = plain
        return kept
