"""Finding a system by any of its names.

A name is reduced to a *key* before it is compared (see
:func:`armsref.dataset.keys.name_key`): ``"BGM-109"``, ``"bgm109"`` and
``"B.G.M. 109"`` share a key, and so do ``"Tomahawk's"`` and ``"tomahawk"``.
A plural is found by trying the key without a final ``s``. A misspelt name
is matched against the few keys that can be close to it
(:mod:`armsref.dataset.candidates`), not against every name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from armsref.dataset.candidates import Candidates
from armsref.dataset.keys import name_key
from armsref.dataset.loading import load
from armsref.errors import InputError, UnknownSystemError, expect

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System
    from armsref.dataset.variants import Variant

__all__ = [
    "SEARCH_AT",
    "SUGGEST_AT",
    "Identity",
    "NameIndex",
    "closeness",
    "get",
    "identify",
    "search",
]

_Found = TypeVar("_Found")


@dataclass(frozen=True)
class Identity:
    """What a name names: a system, and the variant of it where the name is a variant's.

    Attributes:
        system: the system.
        variant: the variant (``PAC-3`` for ``MIM-104F``), or ``None``.
    """

    system: System
    variant: Variant | None = None


def closeness(wanted: str, key: str) -> float:
    """How close a name key is to the key asked for, from 0 to 1: the one scorer.

    :func:`search` ranks systems by it, and an unknown name's suggestions
    (``show``, ``get``, the command line) are the names it rates
    :data:`SUGGEST_AT` or more, so that all of them agree.

    Examples:
        >>> round(closeness("tomahwak", "tomahawk"), 2), closeness("jas", "jassm") > 0.9
        (0.88, True)
    """
    import difflib

    if len(wanted) > len(key):
        # No match can then start with or hold the longer text, and the ratio is at
        # most 2 * shorter / (both): far below every threshold, it is not computed
        # (a million-character search would take seconds per name).
        bound = 2 * len(key) / (len(wanted) + len(key))
        if bound < SEARCH_AT:
            return bound
    score = difflib.SequenceMatcher(None, wanted, key).ratio()
    if key.startswith(wanted):
        score = max(score, 0.9 + 0.1 * len(wanted) / len(key))
    elif wanted in key:
        score = max(score, 0.75)
    return score


#: How close a name must be to be offered as "did you mean": really close.
SUGGEST_AT = 0.8
#: How close a name must be for :func:`search` to return its system.
SEARCH_AT = 0.6


class NameIndex:
    """Every name of every system in a dataset, indexed by key.

    Built once per dataset; :func:`get`, :func:`identify` and :func:`search`
    use the default dataset's index. The names of the other systems the
    dataset knows (``data/others.yaml``) are indexed too, so that asking for
    one says what it is instead of suggesting a system it is not.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._by_key: dict[str, Identity] = {}
        self._labels: dict[str, str] = {}  # key -> the name as the data writes it
        self._others: dict[str, System] = {}
        self._memo: dict[str, Identity] = {}
        self._candidates: Candidates | None = None
        for system in dataset.systems:
            variants = {name: v for v in system.variants for name in v.names}
            for name in (system.id, *system.names):
                key = name_key(name)
                self._by_key.setdefault(key, Identity(system, variants.get(name)))
                self._labels.setdefault(key, name.casefold())
        for other in dataset.others:
            for name in (other.id, *other.names):
                self._others.setdefault(name_key(name), other)

    def identify(self, name: str) -> Identity:
        """The system (and variant) that ``name`` names; see :func:`armsref.identify`."""
        expect(name, "name", str, "a system name (str)")
        found = self._memo.get(name)
        if found is not None:
            return found
        if not isinstance(name, str):
            raise InputError(f"a system name must be text, got {type(name).__name__}")
        key = name_key(name)
        if not key:
            raise InputError("a system name is required; got an empty or blank name")
        found = self._find(key, self._by_key)
        if found is None:
            other = self._find(key, self._others)
            if other is not None:
                raise UnknownSystemError(name, known_other=(other.name, other.kind))
            raise UnknownSystemError(name, self.suggest(name))
        if len(self._memo) < 4096:
            self._memo[name] = found
        return found

    @staticmethod
    def _find(key: str, table: dict[str, _Found]) -> _Found | None:
        """The entry for ``key``, or for it without a plural ending."""
        found = table.get(key)
        if found is None and len(key) > 1:
            for suffix in ("s", "es"):
                if key.endswith(suffix) and (found := table.get(key[: -len(suffix)])):
                    break
        return found

    def get(self, name: str) -> System:
        """The system that ``name`` names; see :func:`armsref.get`."""
        return self.identify(name).system

    def _best(
        self, wanted: str, at: float, limit: int, group: Callable[[str], str]
    ) -> dict[str, float]:
        """The best :func:`closeness` of each group of keys (``group`` names a key's) that
        may be among the ``limit`` best groups scoring ``at`` or more.

        Keys are scored highest bound first (:mod:`armsref.dataset.candidates`); once a
        key's bound is below the ``limit``-th best score so far, no key left can enter the
        best ``limit`` or change their order, and scoring stops. ``at`` is
        :data:`SEARCH_AT` or above: below it, :func:`closeness` rates a text longer than a
        key by a bound on the ratio, which the index does not bound.
        """
        if self._candidates is None:
            self._candidates = Candidates(self._by_key)  # built on the first search only
        scores: dict[str, float] = {}
        floor = -1.0  # the limit-th best score so far; it only rises
        for position, (bound, key) in enumerate(self._candidates.near(wanted, at)):
            if bound < floor:
                break
            score = closeness(wanted, key)
            name = group(key)
            if score > scores.get(name, 0.0):
                scores[name] = score
            if limit > 0 and position % 16 == 15 and len(scores) >= limit:
                floor = sorted(scores.values(), reverse=True)[limit - 1]
        return scores

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """The known names really close to ``text`` (:data:`SUGGEST_AT`), best first."""
        scores = self._best(name_key(text), SUGGEST_AT, limit, self._labels.__getitem__)
        ranked = sorted(
            (item for item in scores.items() if item[1] >= SUGGEST_AT),
            key=lambda item: (-item[1], item[0]),
        )
        return [label for label, _ in ranked][:limit]

    def search(self, text: str, limit: int = 5) -> list[System]:
        """Systems whose names resemble ``text``, best first; see :func:`armsref.search`."""
        expect(text, "text", str, "text (str)")
        expect(limit, "limit", int, "a whole number (int)")
        wanted = name_key(text)
        if not wanted:
            raise InputError("search text is required; got an empty or blank string")
        by_key = self._by_key
        scores = self._best(wanted, SEARCH_AT, limit, lambda key: by_key[key].system.id)
        ranked = sorted(
            (item for item in scores.items() if item[1] >= SEARCH_AT),
            key=lambda item: (-item[1], item[0]),
        )
        return [self.dataset.system(system_id) for system_id, _ in ranked[:limit]]


_INDEXES: dict[int, tuple[Dataset, NameIndex]] = {}


def index(dataset: Dataset | None = None) -> NameIndex:
    """The name index of ``dataset`` (default: the default dataset), built once."""
    if dataset is None:
        dataset = load()
    entry = _INDEXES.get(id(dataset))
    if entry is None:
        # The entry holds the dataset itself, so its id cannot be reused while cached.
        entry = _INDEXES[id(dataset)] = (dataset, NameIndex(dataset))
    return entry[1]


def get(name: str) -> System:
    """Return the system a name refers to.

    Accepts the id, short or full name, any alias or designation, in any case,
    with or without hyphens, spaces or dots, singular, plural or possessive.

    Raises:
        UnknownSystemError: no system answers to the name (a ``LookupError``);
            its message suggests the closest names.
        InputError: the name is empty or blank (a ``ValueError``).

    Examples:
        >>> get("Tomahawks").id
        'tomahawk'
        >>> get("bgm109").id
        'tomahawk'
        >>> get("tomahwak")
        Traceback (most recent call last):
        ...
        armsref.errors.UnknownSystemError: no system named 'tomahwak'; did you mean 'tomahawk'?
    """
    return index().get(name)


def identify(name: str) -> Identity:
    """Return the system a name refers to, and which variant where it names one.

    Raises:
        UnknownSystemError: as :func:`get` does; where the name is another
            weapon system known by name only (``HIMARS``, ``Storm Shadow``),
            the error says so and suggests nothing (``known_other`` is set).

    Examples:
        >>> found = identify("MIM-104F")
        >>> found.system.id, found.variant.name
        ('patriot', 'PAC-3')
        >>> identify("ATACMS Block 1A").variant.id, identify("ATACMS").variant is None
        ('block-ia', True)
        >>> identify("Storm Shadow")
        Traceback (most recent call last):
        ...
        armsref.errors.UnknownSystemError: 'Storm Shadow' is a known air-launched cruise missile, \
but the dataset holds no data on it
    """
    return index().identify(name)


def search(text: str, limit: int = 5) -> list[System]:
    """Return the systems whose names best match a partial or misspelt name.

    Examples:
        >>> [s.id for s in search("jasm")]
        ['jassm']
    """
    return index().search(text, limit)
