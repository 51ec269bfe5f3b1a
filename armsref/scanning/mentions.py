"""Which systems a text mentions, where, and how often.

:func:`scan` returns every mention of a system in a text, with character
offsets into the text exactly as given; :func:`systems_in` sums them up per
system. What counts as a mention is written down in :mod:`armsref.scanning.matcher`
(how names match: case, spacing, hyphens, plurals, word boundaries, longest
name wins) and :mod:`armsref.scanning.senses` (when an everyday word such as
"patriot" or "tomahawk" means the system). The text is searched as UTF-8
bytes by a compiled multi-pattern engine (:mod:`armsref.scanning.engine`) and each
place it finds is confirmed by the exact rules (:mod:`armsref.scanning.stream`). Files
and folders are scanned by :mod:`armsref.scanning.documents`.

Examples:
    >>> from armsref.scanning.mentions import scan, systems_in
    >>> text = "Army Tactical Missile Systems (ATACMS), not the Patriot Act."
    >>> [(m.surface, m.system_id, m.start, m.end) for m in scan(text)]
    [('Army Tactical Missile Systems', 'atacms', 0, 29), ('ATACMS', 'atacms', 31, 37)]
    >>> [(s.system_id, s.count) for s in systems_in("Tomahawks, ERAMs and more Tomahawks")]
    [('tomahawk', 2), ('eram', 1)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from armsref.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from armsref.dataset.models import Dataset, System

__all__ = ["Mention", "SystemCount", "count_systems", "scan", "scan_all", "systems_in"]

#: A long text goes to the stream scanner in pieces of this many bytes.
_BLOCK = 4 << 20


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a text names a system.

    Attributes:
        system: the system named.
        start: where the name starts, a character offset into the text.
        end: where it ends (exclusive); a plural ``s`` is included, a
            possessive ``'s`` is not.
        surface: the name as the text writes it, ``text[start:end]``.
        variant: the id of the variant the name names (``pac-3`` for
            ``Patriot PAC-3``), or ``None``.
    """

    system: System
    start: int
    end: int
    surface: str
    variant: str | None = None

    @property
    def system_id(self) -> str:
        """The id of the system named."""
        return self.system.id


@dataclass(frozen=True)
class SystemCount:
    """How often a text mentions one system, and where first.

    Attributes:
        system: the system.
        count: how many mentions.
        first: the first of them.
    """

    system: System
    count: int
    first: Mention

    @property
    def system_id(self) -> str:
        """The id of the system."""
        return self.system.id


def scan(text: str, dataset: Dataset | None = None) -> list[Mention]:
    """Every mention of the dataset's systems in ``text``, in document order, none overlapping.

    Args:
        text: the text, as given; offsets refer to it unchanged.
        dataset: whose names to look for (default: :func:`armsref.load`).

    Returns:
        One :class:`Mention` per mention, ordered by ``start``. Other weapon
        systems the dataset knows by name only are left out: see :func:`scan_all`.

    Raises:
        InputError: ``text`` is not a string.

    Examples:
        >>> [m.surface for m in scan("Patriots, not patriots; a Tomahawk steak, not a TLAM")]
        ['Patriots', 'TLAM']
        >>> [m.surface for m in scan("The Patriots won; the quarterback threw a touchdown")]
        []
        >>> [(m.surface, m.variant) for m in scan("Kyiv got a Patriot PAC-3 battery.")]
        [('Patriot PAC-3', 'pac-3')]
    """
    mentions, covered = _scan(text, dataset)
    return [m for m in mentions if m.system.id in covered]


def scan_all(text: str, dataset: Dataset | None = None) -> tuple[list[Mention], list[Mention]]:
    """The mentions of the dataset's systems, and those of the other systems it knows by name.

    Examples:
        >>> ours, others = scan_all("HIMARS fired GMLRS; then came ATACMS.")
        >>> [m.surface for m in ours], [m.system.id for m in others]
        (['ATACMS'], ['himars', 'gmlrs'])
    """
    mentions, covered = _scan(text, dataset)
    return (
        [m for m in mentions if m.system.id in covered],
        [m for m in mentions if m.system.id not in covered],
    )


def _scan(text: str, dataset: Dataset | None) -> tuple[list[Mention], frozenset[str]]:
    if not isinstance(text, str):
        raise InputError(f"scan() needs text (str), got {type(text).__name__}")
    from armsref.scanning.matcher import matcher
    from armsref.scanning.stream import StreamScanner

    found = matcher(dataset)
    systems = found.systems
    covered = found.covered_ids
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates: no UTF-8 for the engine; the exact rules run on the whole text.
        return [
            Mention(systems[c.system], c.start, c.end, c.surface, c.variant)
            for c in found.find_candidates(text)
        ], covered
    stream = StreamScanner(found)
    spans = []
    with memoryview(data) as view:
        for at in range(0, len(data), _BLOCK):
            spans += stream.feed(view[at : at + _BLOCK])
    spans += stream.finish()
    spans.sort(key=lambda span: span[1])
    mentions = [
        Mention(systems[system], start, end, surface, variant)
        for system, start, end, surface, variant in spans
    ]
    return mentions, covered


def count_systems(mentions: Iterable[Mention]) -> list[SystemCount]:
    """Group mentions by system: one :class:`SystemCount` each, by first mention.

    Examples:
        >>> [(s.system_id, s.count) for s in count_systems(scan("TLAM, ERAM, TLAMs"))]
        [('tomahawk', 2), ('eram', 1)]
    """
    firsts: dict[str, Mention] = {}
    counts: dict[str, int] = {}
    for mention in mentions:
        firsts.setdefault(mention.system_id, mention)
        counts[mention.system_id] = counts.get(mention.system_id, 0) + 1
    ordered = sorted(firsts.values(), key=lambda m: m.start)
    return [SystemCount(m.system, counts[m.system_id], m) for m in ordered]


def systems_in(text: str, dataset: Dataset | None = None) -> list[SystemCount]:
    """The systems ``text`` mentions, ordered by first mention, with counts.

    Examples:
        >>> [(s.system_id, s.count, s.first.start) for s in systems_in("JASSM and JASSM-ER")]
        [('jassm', 2, 0)]
    """
    return count_systems(scan(text, dataset))
