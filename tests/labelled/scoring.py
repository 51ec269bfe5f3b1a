"""Precision and recall over a labelled set: the one tally both scorers keep."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


@dataclass
class Score:
    """Counts over a labelled set, and the cases behind each error."""

    labelled: int = 0
    found: int = 0
    right: int = 0
    cases: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of found items that are labelled (1.0 when nothing was found)."""
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of labelled items found (1.0 when nothing was labelled)."""
        return self.right / self.labelled if self.labelled else 1.0

    def add(self, case: str, expected: Iterable[Hashable], got: Iterable[Hashable]) -> None:
        """Count one case: what it is labelled with against what was found."""
        want, have = Counter(expected), Counter(got)
        self.cases += 1
        self.labelled += sum(want.values())
        self.found += sum(have.values())
        self.right += sum((want & have).values())
        self.misses += [f"extra   {key}: {case}" for key in (have - want).elements()]
        self.misses += [f"missing {key}: {case}" for key in (want - have).elements()]
