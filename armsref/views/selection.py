"""Which claims a view shows, by status, and how a status is marked in text.

- ``"default"``: accepted and unreviewed claims; unreviewed ones are marked,
  so machine output never passes for curated fact;
- ``"accepted"``: only claims a curator accepted (``--accepted-only``);
- ``"all"``: rejected claims too, each with its reason (``--all``).

Examples:
    >>> mark_of("unreviewed"), mark_of("accepted")
    (' [unreviewed]', '')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, TypeVar

from armsref.errors import InputError

if TYPE_CHECKING:
    from armsref.dataset.models import RangeClaim

__all__ = ["INCLUDES", "Include", "check_include", "mark_of", "visible"]

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
