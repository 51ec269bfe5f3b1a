"""Which systems and claims a view shows (by name, source and status), and how a status
is marked in text.

- ``"default"``: accepted and unreviewed claims; unreviewed ones are marked,
  so machine output never passes for curated fact;
- ``"accepted"``: only claims a curator accepted (``--accepted-only``);
- ``"all"``: rejected claims too, each with its reason (``--all``).

Examples:
    >>> mark_of("unreviewed"), mark_of("accepted")
    (' [unreviewed]', '')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, TypeVar

from armsref.errors import InputError

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim, System

__all__ = [
    "INCLUDES",
    "Include",
    "check_include",
    "choose",
    "claims_shown",
    "mark_of",
    "visible",
]

Include = Literal["default", "accepted", "all"]
INCLUDES: tuple[Include, ...] = ("default", "accepted", "all")
_SHOWN: dict[str, frozenset[str]] = {
    "default": frozenset({"accepted", "unreviewed"}),
    "accepted": frozenset({"accepted"}),
    "all": frozenset({"accepted", "unreviewed", "rejected"}),
}
ClaimT = TypeVar("ClaimT", bound="RangeClaim")


def check_include(include: str) -> str:
    """Refuse an unknown choice of claims."""
    if include not in _SHOWN:
        raise InputError(f"unknown choice of claims {include!r}; choose one of {INCLUDES}")
    return include


def visible(claims: Iterable[ClaimT], include: str = "default") -> list[ClaimT]:
    """The claims a view shows, in the order given."""
    shown = _SHOWN[check_include(include)]
    return [claim for claim in claims if claim.status in shown]


def mark_of(status: str, reason: str | None = None) -> str:
    """What text output adds after a figure to say its status ('' when accepted)."""
    if status == "accepted":
        return ""
    if status == "rejected":
        return f" [rejected: {reason}]" if reason else " [rejected]"
    return f" [{status}]"


def choose(
    dataset: Dataset, systems: Sequence[str] | None, sources: Sequence[str] | None
) -> tuple[list[System], set[str] | None]:
    """The systems named (all when none are), in the dataset's order, and the ids of
    the sources named (None when none are: every source).

    Raises:
        InputError: ``systems`` or ``sources`` is not a list of names.
        UnknownSystemError: a name no system has.
        UnknownSourceError: a source id no source has.
    """
    from armsref.dataset.lookup import index
    from armsref.errors import as_items

    # A single name is one name, never its letters.
    if systems is not None:
        systems = as_items(systems, "systems", str, "a system name (str)")
    if sources is not None:
        sources = as_items(sources, "sources", str, "a source id (str)")
    chosen = list(dataset.systems)
    if systems:
        lookup = index(dataset)
        wanted = {lookup.get(name).id for name in systems}
        chosen = [system for system in chosen if system.id in wanted]
    source_ids = None
    if sources:
        source_ids = {dataset.source(source_id).id for source_id in sources}
    return chosen, source_ids


def claims_shown(system: System, source_ids: set[str] | None, include: str) -> list[RangeClaim]:
    """A system's claims from the sources chosen (all when None), as ``include`` shows them."""
    chosen = [c for c in system.claims if source_ids is None or c.source in source_ids]
    return visible(chosen, include)
