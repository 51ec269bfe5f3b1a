"""The reviewer's checklist: for each figure a document gives, what the dataset says of it.

A finding (:class:`armsref.extraction.pipeline.Finding`) is

- ``held`` when a claim of the dataset stands for it: in a document that is
  one of the dataset's sources, the claim ``armsref verify`` finds for it
  (:func:`armsref.curation.recorded.standing`: the same figure, or one made
  from the same words and edited or rejected since); and any claim, from any
  source, that states the same figure (same system, qualifier, number(s) and
  unit by name: :func:`armsref.curation.recorded.claim_key`);
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
    from collections.abc import Sequence

    from armsref.dataset.models import Dataset, RangeClaim
    from armsref.extraction.pipeline import Finding

__all__ = ["Checked", "as_claim", "check", "check_all", "second_unit"]


@dataclass(frozen=True)
class Checked:
    """What the dataset says of one finding.

    Attributes:
        status: ``held``, ``disagrees``, ``lacks`` or ``unattributed``.
        held: the ids of the claims that hold it (the document's own first), each
            with its status where it is not accepted, and its figure where a
            curator edited it.
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


def _note(claim: RangeClaim, finding: Finding) -> str:
    """A held claim's id, with its status where a curator changed or has not checked it."""
    from armsref.curation.recorded import claim_key, finding_key

    words = str(claim.id)
    if claim_key(claim) != finding_key(finding):
        words += f" (edited: {claim.figure})"
    if claim.status == "rejected":
        words += f" (rejected: {claim.reason})" if claim.reason else " (rejected)"
    elif claim.status == "unreviewed":
        words += " (unreviewed)"
    return words


def check(finding: Finding, dataset: Dataset, own: RangeClaim | None = None) -> Checked:
    """What ``dataset`` says of ``finding``; ``own`` is the claim of the document's own
    source that stands for it, if any (:func:`armsref.curation.recorded.standing`).

    See the module docstring.
    """
    from armsref.curation.recorded import claim_key, finding_key
    from armsref.lengths.compare import can_both_hold, same_subject
    from armsref.views.disagreements import reason
    from armsref.views.selection import visible

    if finding.system is None:
        return Checked("unattributed")
    claim = as_claim(finding)
    claims = dataset.claims_for_system(finding.system.id)
    key = finding_key(finding)
    held = [own] if own is not None else []
    held += [c for c in claims if c is not own and c.id and claim_key(c) == key]
    disagrees = tuple(
        (str(c.id), c.source, reason(claim, c))
        for c in visible(claims)
        if c not in held and same_subject(claim, c) and not can_both_hold(claim, c)
    )
    if held:
        return Checked("held", tuple(_note(c, finding) for c in held), disagrees)
    return Checked("disagrees" if disagrees else "lacks", (), disagrees)


def check_all(
    findings: Sequence[Finding], dataset: Dataset, text: str, source: str | None = None
) -> list[Checked]:
    """:func:`check` for each finding of ``text``, which is the source ``source`` (or None).

    In a known source, a figure is held by the claim that stands for it as
    ``armsref verify`` decides (the same figure, or a claim made from the same
    words that a curator edited or rejected since).
    """
    from armsref.curation.recorded import finding_key, standing

    own: dict[tuple[object, ...], RangeClaim] = {}
    if source is not None:
        for finding, claim in standing(text, source, dataset):
            if claim is not None:
                own[finding_key(finding)] = claim
    return [
        check(f, dataset, own.get(finding_key(f)) if f.system is not None else None)
        for f in findings
    ]
