"""Finding a system by any of its names.

A name is reduced to a *key* before it is compared (see
:func:`armsref.dataset.keys.name_key`): ``"BGM-109"``, ``"bgm109"`` and
``"B.G.M. 109"`` share a key, and so do ``"Tomahawk's"`` and ``"tomahawk"``.
A plural is found by trying the key without a final ``s``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from armsref.dataset.keys import name_key
from armsref.dataset.loading import load
from armsref.errors import InputError, UnknownSystemError

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System

__all__ = ["NameIndex", "get", "search"]


class NameIndex:
    """Every name of every system in a dataset, indexed by key.

    Built once per dataset; :func:`get` and :func:`search` use the default
    dataset's index.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._by_key: dict[str, System] = {}
        self._labels: dict[str, System] = {}
        self._memo: dict[str, System] = {}
        for system in dataset.systems:
            for name in (system.id, *system.names):
                self._by_key.setdefault(name_key(name), system)
                self._labels.setdefault(name.casefold(), system)

    def get(self, name: str) -> System:
        """The system that ``name`` names; see :func:`armsref.get`."""
        found = self._memo.get(name)
        if found is not None:
            return found
        if not isinstance(name, str):
            raise InputError(f"a system name must be text, got {type(name).__name__}")
        key = name_key(name)
        if not key:
            raise InputError("a system name is required; got an empty or blank name")
        found = self._by_key.get(key)
        if found is None and len(key) > 1:
            for suffix in ("s", "es"):
                if key.endswith(suffix):
                    found = self._by_key.get(key[: -len(suffix)])
                    if found is not None:
                        break
        if found is None:
            raise UnknownSystemError(name, self.suggest(name))
        if len(self._memo) < 4096:
            self._memo[name] = found
        return found

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """The known names closest to ``text``, best first."""
        import difflib

        wanted = text.strip().casefold()
        return difflib.get_close_matches(wanted, list(self._labels), n=limit, cutoff=0.6)

    def search(self, text: str, limit: int = 5) -> list[System]:
        """Systems whose names resemble ``text``, best first; see :func:`armsref.search`."""
        import difflib

        wanted = name_key(text)
        if not wanted:
            raise InputError("search text is required; got an empty or blank string")
        scores: dict[str, float] = {}
        for key, system in self._by_key.items():
            score = difflib.SequenceMatcher(None, wanted, key).ratio()
            if key.startswith(wanted):
                score = max(score, 0.9 + 0.1 * len(wanted) / len(key))
            elif wanted in key:
                score = max(score, 0.75)
            if score > scores.get(system.id, 0.0):
                scores[system.id] = score
        ranked = sorted(
            (item for item in scores.items() if item[1] >= 0.6),
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


def search(text: str, limit: int = 5) -> list[System]:
    """Return the systems whose names best match a partial or misspelt name.

    Examples:
        >>> [s.id for s in search("jasm")]
        ['jassm']
    """
    return index().search(text, limit)
