"""Claim ids: short, readable, unique in a dataset, and never changed.

A claim's id is made once, when the claim is first recorded, from the system
it was given to and the next free number (``atacms-3``), and is kept whatever
later edits change, the system included: it names the record, not its content.

Examples:
    >>> next_id("atacms", {"atacms-1", "atacms-2", "tomahawk-1"})
    'atacms-3'
    >>> next_id("jassm", set())
    'jassm-1'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from armsref.errors import DataError

__all__ = ["check_ids", "next_id"]

_NUMBERED = re.compile(r"^(.*)-(\d+)$")


def next_id(system: str, taken: Collection[str]) -> str:
    """The next free id for a new claim about ``system``."""
    highest = 0
    for claim_id in taken:
        match = _NUMBERED.match(claim_id)
        if match and match.group(1) == system:
            highest = max(highest, int(match.group(2)))
    return f"{system}-{highest + 1}"


def check_ids(claims: Sequence[Any], entries: Sequence[Mapping[str, Any]], file: str) -> None:
    """Every claim has an id, and no two share one.

    Raises:
        DataError: naming the file, the entry and the field ``id``.
    """
    seen: dict[str, int] = {}
    for position, (claim, entry) in enumerate(zip(claims, entries, strict=True), 1):
        where = f"entry {position} ({entry.get('system')!s} from {entry.get('source')!s})"
        if claim.id is None:
            raise DataError(
                "is required but missing: every claim needs a short id unique in the "
                f"dataset, such as {next_id(str(entry.get('system')), seen)!r} "
                "('armsref migrate' gives every claim one)",
                file=file,
                entry=where,
                field="id",
            )
        if claim.id in seen:
            raise DataError(
                f"duplicate id {claim.id!r} (entry {seen[claim.id]} has it too)",
                file=file,
                entry=where,
                field="id",
            )
        seen[claim.id] = position
