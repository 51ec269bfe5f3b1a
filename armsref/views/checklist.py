"""The reviewer's checklist: for each figure a document gives, what the dataset says of it.

A finding (:class:`armsref.extraction.pipeline.Finding`) is

- ``held`` when a claim of the dataset states the same figure for the same
  system (same qualifier, number(s) and unit by name, as
  :mod:`armsref.curation.recorded` matches them), from the document itself
  when it is one of the dataset's sources, else from any source;
- ``disagrees`` when it is not held and a shown claim on the same system,
  variant and condition cannot be true with it (the rule of
  :mod:`armsref.lengths.compare`, said in words by
  :func:`armsref.views.disagreements.reason`);
- ``lacks`` otherwise: the dataset does not have it yet;
- ``unattributed`` when no rule gave it to a system: never a claim.

A held finding that other claims contradict lists those too.

Examples:
    >>> import armsref
    >>> dataset = armsref.load()
    >>> finding = armsref.extract("The ERAM has a range of about 285 miles.")[0]
    >>> entry = check(finding, dataset)
    >>> entry.status, entry.held
    ('held', ('eram-1',))
    >>> other = armsref.extract("The ERAM has a range of 900 km.")[0]
    >>> check(other, dataset).status, check(other, dataset).disagrees[0][0]
    ('disagrees', 'eram-1')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim
    from armsref.extraction.pipeline import Finding

__all__ = ["Checked", "as_claim", "check", "second_unit"]


@dataclass(frozen=True)
class Checked:
    """What the dataset says of one finding.

    Attributes:
        status: ``held``, ``disagrees``, ``lacks`` or ``unattributed``.
        held: the ids of the claims that state it (the document's own first).
        disagrees: (claim id, source id, reason in words) for each shown claim
            that cannot be true with it.
    """

    status: str
    held: tuple[str, ...] = ()
    disagrees: tuple[tuple[str, str, str], ...] = ()

    @property
    def text(self) -> str:
        """The status in words, for the side list."""
        if self.status == "unattributed":
            return "unattributed: given to no system, never a claim"
        if self.status == "held":
            words = "in the dataset: " + ", ".join(self.held)
        elif self.status == "disagrees":
            words = "not in the dataset, and disagrees with it"
        else:
            words = "not in the dataset yet"
        for claim_id, source, why in self.disagrees:
            words += f"; disagrees with {claim_id} ({source}): {why}"
        return words


def as_claim(finding: Finding, source: str = "this-document") -> RangeClaim:
    """The finding as an unsaved claim (unattributed ones too, under system ``?``).

    Comparing and converting then go through the same code as the dataset's claims.
    """
    from armsref.dataset.models import RangeClaim

    if finding.system is not None:
        return RangeClaim(**finding.to_claim(source))
    numbers = (
        {"value": finding.value}
        if finding.value is not None
        else {"low": finding.low, "high": finding.high}
    )
    return RangeClaim(
        system="?",
        source=source,
        unit=finding.unit,
        qualifier=finding.qualifier,
        approximate=finding.approximate,
        quote=finding.quote or finding.figure,
        **numbers,
    )


def second_unit(claim: RangeClaim) -> str:
    """The figure in the other family of units: miles for a metric figure, else kilometres.

    Examples:
        >>> from armsref.dataset.models import RangeClaim
        >>> second_unit(RangeClaim(system="x", source="s", qualifier="up_to", value=300,
        ...                        unit="km", quote="q"))
        'up to 190 mi'
    """
    from armsref.lengths.units import unit_name

    return claim.shown_in("mi" if unit_name(claim.unit).endswith("meter") else "km")


def _same_figure(claim: RangeClaim, finding: RangeClaim) -> bool:
    from armsref.lengths.units import unit_name

    return (claim.system, claim.qualifier, claim.value, claim.low, claim.high) == (
        finding.system,
        finding.qualifier,
        finding.value,
        finding.low,
        finding.high,
    ) and unit_name(claim.unit) == unit_name(finding.unit)


def check(finding: Finding, dataset: Dataset, source: str | None = None) -> Checked:
    """What ``dataset`` says of ``finding``, read in the source ``source`` (if it is one).

    See the module docstring.
    """
    from armsref.lengths.compare import can_both_hold, same_subject
    from armsref.views.disagreements import reason
    from armsref.views.selection import visible

    if finding.system is None:
        return Checked("unattributed")
    claim = as_claim(finding, source or "this-document")
    claims = dataset.claims_for_system(claim.system)
    same = [c for c in claims if _same_figure(c, claim) and c.id]
    same.sort(key=lambda c: c.source != source)
    held = tuple(str(c.id) for c in same)
    disagrees = tuple(
        (str(c.id), c.source, reason(claim, c))
        for c in visible(claims)
        if same_subject(claim, c) and not can_both_hold(claim, c)
    )
    if held:
        return Checked("held", held, disagrees)
    return Checked("disagrees" if disagrees else "lacks", (), disagrees)
