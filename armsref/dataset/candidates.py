"""Which name keys can be close to a text, found without scoring every key.

:func:`armsref.dataset.lookup.closeness` rates a key by difflib's ratio
(``2 * M / T``: ``M`` characters matched, ``T`` the two lengths added), raised
to at least 0.75 when the text is inside the key. ``M`` can never exceed
the characters the two have in common, counted with repeats (``C``), so a key
can reach a score ``at`` only if ``2 * C / T >= at``, or if it holds the text
whole (then ``C`` is the text's length). :class:`Candidates` keeps, for every
character and repeat (the second ``a`` of a key is ``("a", 2)``), the keys
that have it; ``C`` for every key at once is then a count over a few lists,
done in C by :class:`collections.Counter`. Only the keys that pass the bound
are scored, highest bound first, and a search for the best few stops as soon
as the next bound is below the worst of them: the answer is the one scoring
every key would give, since a key left out could not have reached it.

Examples:
    >>> near = Candidates(["tomahawk", "jassm", "patriot", "atacms"])
    >>> near.near("tomahwak", 0.6)
    [(1.0, 'tomahawk')]
    >>> near.near("toma", 0.6)  # 'atacms' holds t, m and a of it: at most 2 * 3 / 10
    [(1.0, 'tomahawk'), (0.6, 'atacms')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain

__all__ = ["Candidates"]


def _tokens(text: str) -> list[tuple[str, int]]:
    """Each character of ``text`` with its repeat number: ``"aba"`` -> a1, b1, a2."""
    seen: dict[str, int] = {}
    tokens = []
    for char in text:
        count = seen[char] = seen.get(char, 0) + 1
        tokens.append((char, count))
    return tokens


class Candidates:
    """An index of keys by the characters they hold, to find those that can be close."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = list(keys)
        postings: dict[tuple[str, int], list[int]] = {}
        for number, key in enumerate(self._keys):
            for token in _tokens(key):
                postings.setdefault(token, []).append(number)
        self._postings = postings

    def near(self, wanted: str, at: float) -> list[tuple[float, str]]:
        """Every key that may score ``at`` or more against ``wanted``, with the most it can
        score (1.0 for a key that holds ``wanted`` whole); highest first, then in the
        order the keys were given."""
        tokens = _tokens(wanted)
        shared = Counter(chain.from_iterable(self._postings.get(t, ()) for t in tokens))
        length = len(wanted)
        keys = self._keys
        found = []
        for number, common in shared.items():
            if common == length and wanted in keys[number]:
                found.append((-1.0, number))
            elif (bound := 2 * common / (length + len(keys[number]))) >= at:
                found.append((-bound, number))
        found.sort()
        return [(-bound, keys[number]) for bound, number in found]
