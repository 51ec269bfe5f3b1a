"""A curator's review of claims: list what awaits review, accept, reject, edit.

Every claim has a status (see :mod:`armsref.dataset.fields`). Extracted claims
arrive ``unreviewed``; a curator reads each against its quote and

- **accepts** it (``status: accepted``);
- **rejects** it with a reason (``status: rejected``, ``reason: ...``): the claim
  stays in the file as a record that someone looked, is never shown as a
  figure, and ``verify`` no longer asks for the figure it was made from;
- **edits** it: corrects its qualifier, system, variant, value, unit or
  condition. The edited claim is checked against its quote (the figure must be
  in it, a second-unit figure must still agree) before anything is written, and
  is then accepted: an edit is a review. Its id does not change.

Every write goes through :func:`armsref.curation.yamlwrite.update_entries`:
under the dataset's lock, through its write-ahead journal (as ``add-source``'s
writes), and leaving every other line of ``data/claims.yaml`` as it was. A
refused change (an unknown id, a rejection without a reason, an edit that
would not verify, the read-only shipped dataset) changes nothing.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsref.errors import DataError, InputError, UnknownClaimError

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim, Source, System

__all__ = ["Edited", "accept_claims", "claim_by_id", "context", "edit_claim", "reject_claim"]

#: How much of the text around a quote :func:`context` shows, at most, each side.
CONTEXT_WIDTH = 240
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def claim_by_id(dataset: Dataset, claim_id: str) -> RangeClaim:
    """The claim with this id.

    Raises:
        UnknownClaimError: no claim has it; the message suggests close ids.
    """
    for claim in dataset.claims:
        if claim.id == claim_id:
            return claim
    known = [claim.id for claim in dataset.claims if claim.id]
    raise UnknownClaimError(claim_id, difflib.get_close_matches(claim_id, known, n=3))


def _text(source: Source) -> str:
    """A source's text as ``verify`` reads it (an HTML page's visible text)."""
    from armsref.curation.documents import document_text

    return document_text(source.file, source.path.read_bytes(), errors="replace")


def context(claim: RangeClaim) -> tuple[str, str, str]:
    """The sentence around a claim's quote: (before, quote, after).

    Empty before and after when the source cannot be read or lacks the quote.
    """
    try:
        text = _text(claim.source_record)
    except OSError:
        return "", claim.quote, ""
    at = text.find(claim.quote)
    if at < 0:
        return "", claim.quote, ""
    end = at + len(claim.quote)
    head = text[max(0, at - CONTEXT_WIDTH) : at]
    starts = [m.end() for m in _SENTENCE_END.finditer(head)]
    before = head[starts[-1] :] if starts else head
    tail = text[end : end + CONTEXT_WIDTH]
    stop = _SENTENCE_END.search(tail)
    after = tail[: stop.start() + 1] if stop else tail
    return before.lstrip(), claim.quote, after.rstrip()


def _write(root: Path, changes: Mapping[str, Mapping[str, Any]]) -> None:
    """Apply changes to claims by id as one change under the dataset's lock; reload
    to prove the dataset is whole, else put the old file back the same way."""
    from armsref.curation.yamlwrite import keep_if_valid, update_entries
    from armsref.dataset.journal import locked

    path = root / "data" / "claims.yaml"
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DataError(f"{path}: the dataset is not writable; nothing was changed")
    shown = f"{root.name}/data/claims.yaml"
    with locked(root):
        try:
            before = update_entries(path, changes, shown)
        except OSError as error:
            raise DataError(
                f"cannot write {path} ({error.strerror}); nothing was changed"
            ) from None
        keep_if_valid(root, path, before)


def _open(data: str | os.PathLike[str] | None) -> Dataset:
    from armsref.dataset.discovery import writable_root
    from armsref.dataset.loading import load

    return load(writable_root(data))


def accept_claims(ids: Sequence[str], *, data: str | os.PathLike[str] | None = None) -> None:
    """Accept the claims with these ids (all of them, or none if one is unknown).

    Raises:
        UnknownClaimError: an id is in no claim.
        InputError: no id was given.
        DataError: the dataset is the shipped one, or cannot be written.
    """
    from armsref.curation.yamlwrite import REMOVE

    if not ids:
        raise InputError("name at least one claim id to accept")
    dataset = _open(data)
    for claim_id in ids:
        claim_by_id(dataset, claim_id)
    _write(dataset.root, {i: {"status": "accepted", "reason": REMOVE} for i in ids})


def reject_claim(claim_id: str, reason: str, *, data: str | os.PathLike[str] | None = None) -> None:
    """Reject a claim, saying why; it stays in the file as a record.

    Raises:
        InputError: the reason is empty.
        UnknownClaimError: no claim has the id.
        DataError: the dataset is the shipped one, or cannot be written.
    """
    if not reason or not reason.strip():
        raise InputError(
            f"rejecting {claim_id!r} needs a reason, such as --reason "
            "'a distance between places, not a range'"
        )
    dataset = _open(data)
    claim_by_id(dataset, claim_id)
    _write(dataset.root, {claim_id: {"status": "rejected", "reason": reason.strip()}})


@dataclass(frozen=True)
class Edited:
    """What :func:`edit_claim` changed: the claim's id and each field's new value."""

    id: str
    changes: dict[str, Any]


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _variant_id(system: System, text: str) -> str:
    """The id of the system's variant that ``text`` names (its id or any of its names).

    Raises:
        InputError: the system has no such variant.
    """
    from armsref.dataset.keys import name_key

    wanted = name_key(text)
    for variant in system.variants:
        if wanted in {name_key(name) for name in (variant.id, *variant.names)}:
            return variant.id
    known = ", ".join(variant.id for variant in system.variants) or "none listed"
    raise InputError(
        f"{system.short} has no variant {text!r} in data/systems.yaml (its variants: {known})"
    )


def _changes(dataset: Dataset, claim: RangeClaim, given: Mapping[str, Any]) -> dict[str, Any]:
    from armsref.curation.yamlwrite import REMOVE
    from armsref.dataset.lookup import index

    changes: dict[str, Any] = {}
    for field, given_value in given.items():
        if given_value is None:
            continue
        new: Any = given_value
        if field == "system":
            new = index(dataset).get(given_value).id
        elif field == "value":
            new = _plain_number(float(given_value))
        elif field in {"variant", "condition"} and not str(given_value).strip():
            new = REMOVE
        elif field == "variant":
            system = dataset.system(changes.get("system", claim.system))
            new = _variant_id(system, str(given_value))
        changes[field] = new
    if not changes:
        raise InputError(
            "say what to change: --qualifier, --system, --variant, --value, --unit or --condition"
        )
    return changes


def _problems(dataset: Dataset, edited: RangeClaim) -> list[str]:
    """What verification would say of the edited claim, checked alone against its quote."""
    from armsref.curation.verification import check_figures, check_quotes, check_second_units
    from armsref.dataset.models import Dataset as DatasetModel

    # Copies: building a dataset links its records to it, and these belong to another.
    alone = DatasetModel(
        root=dataset.root,
        sources=tuple(source.model_copy() for source in dataset.sources),
        systems=tuple(system.model_copy() for system in dataset.systems),
        claims=(edited,),
    )
    texts: dict[str, str | None] = {edited.source: _text(alone.source(edited.source))}
    problems = [
        problem.split("): ", 1)[-1]
        for check in (check_quotes, check_figures, check_second_units)
        for problem in check(alone, dict(texts))
    ]
    for other in dataset.claims:
        if other.id != edited.id and other.key == edited.key:
            problems.append(f"claim {other.id!r} records the same figure already")
    return problems


def edit_claim(
    claim_id: str,
    *,
    data: str | os.PathLike[str] | None = None,
    qualifier: str | None = None,
    system: str | None = None,
    variant: str | None = None,
    value: float | None = None,
    unit: str | None = None,
    condition: str | None = None,
) -> Edited:
    """Correct a claim, check it against its quote, and accept it; its id stays.

    ``system`` may be any name of a system, ``variant`` the id or any name of
    one of its variants in ``data/systems.yaml``. An empty ``variant`` or
    ``condition`` removes it.

    Raises:
        UnknownClaimError: no claim has the id.
        UnknownSystemError: ``system`` names no system.
        InputError: nothing to change, or a field value that cannot be valid.
        DataError: the edited claim would fail verification (nothing is
            written), or the dataset is the shipped one or cannot be written.
    """
    from pydantic import ValidationError

    from armsref.curation.yamlwrite import REMOVE
    from armsref.dataset.models import RangeClaim

    dataset = _open(data)
    claim = claim_by_id(dataset, claim_id)
    given = {
        "qualifier": qualifier,
        "system": system,
        "variant": variant,
        "value": value,
        "unit": unit,
        "condition": condition,
    }
    changes = _changes(dataset, claim, given)
    fields = claim.model_dump(exclude_none=True)
    for field, new in changes.items():
        if new is REMOVE:
            fields.pop(field, None)
        else:
            fields[field] = new
    fields.update(status="accepted")
    fields.pop("reason", None)
    try:
        edited = RangeClaim.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "claim"
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = "claims in this version of armsref have no such field"
        raise InputError(f"claim {claim_id!r}: {where}: {message}; nothing was changed") from None
    problems = _problems(dataset, edited)
    if problems:
        raise DataError(
            f"claim {claim_id!r}: the edit would not verify ({'; '.join(problems)}); "
            "nothing was changed"
        )
    written = {**changes, "status": "accepted", "reason": REMOVE}
    _write(dataset.root, {claim_id: written})
    return Edited(claim_id, {k: v for k, v in changes.items() if v is not REMOVE})
