"""``migrate_claims``: bring a dataset written for an older armsref up to date.

Older datasets marked claims ``reviewed: true`` or ``reviewed: false`` (a
missing key meant true) and gave them no ids. armsref now refuses the old key
and requires ids, with a message pointing here. Migrating:

- gives every claim without an ``id`` a new one (``atacms-3``);
- replaces ``reviewed: true`` with ``status: accepted`` and ``reviewed: false``
  with ``status: unreviewed``, in the same place;
- gives a claim with neither key ``status: accepted``, which is what the old
  default meant.

Everything else in ``data/claims.yaml`` (comments, order, quoting) is kept; the
file is read and written under the dataset's lock, through its write-ahead
journal (:mod:`armsref.dataset.journal`), and read back, and the result must
load, or nothing is changed. Migrating an up-to-date dataset changes nothing.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any

from armsref.errors import DataError

__all__ = ["Migrated", "migrate_claims"]


@dataclass(frozen=True)
class Migrated:
    """What :func:`migrate_claims` changed.

    Attributes:
        ids: the ids given to claims that had none, in file order.
        statuses: how many claims got a ``status`` (from ``reviewed`` or its default).
    """

    ids: tuple[str, ...]
    statuses: int


def _migrated(original: str, shown: str) -> tuple[str, Migrated]:
    from ruamel.yaml.error import YAMLError

    from armsref.curation.yamlwrite import _plain, _yaml, set_field
    from armsref.dataset.claimids import next_id

    yaml = _yaml()
    try:
        document: Any = yaml.load(original)
    except YAMLError as error:
        raise DataError(f"malformed YAML, not changed: {error}", file=shown) from None
    if document is None:
        return original, Migrated((), 0)
    if not isinstance(document, list) or not all(isinstance(e, dict) for e in document):
        raise DataError("expected a list of entries; not changed", file=shown)
    taken = {str(entry["id"]) for entry in document if "id" in entry}
    given: list[str] = []
    statuses = 0
    expected = _plain(document)
    for entry, wanted in zip(document, expected, strict=True):
        if "id" not in entry:
            claim_id = next_id(str(entry.get("system")), taken)
            taken.add(claim_id)
            given.append(claim_id)
            entry.insert(0, "id", claim_id)
            wanted["id"] = claim_id
        if "reviewed" in entry:
            status = "accepted" if entry["reviewed"] is True else "unreviewed"
            # The status takes the old key's place, its comments with it.
            comments = entry.ca.items.pop("reviewed", None)
            entry.insert(list(entry).index("reviewed"), "status", status)
            del entry["reviewed"]
            if comments is not None:
                entry.ca.items["status"] = comments
            del wanted["reviewed"]
        elif "status" not in entry:
            status = "accepted"
            set_field(entry, "status", status)
        else:
            continue
        wanted["status"] = status
        statuses += 1
    if not given and not statuses:
        return original, Migrated((), 0)
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    if _plain(yaml.load(text)) != expected:
        raise DataError("the migrated file would not read back as meant; not changed", file=shown)
    return text, Migrated(tuple(given), statuses)


def migrate_claims(data: str | os.PathLike[str] | None = None) -> Migrated:
    """Give claims ids and statuses in place of the old ``reviewed`` key (see above).

    Args:
        data: the dataset directory (a working copy, never the shipped dataset).

    Raises:
        DataError: the dataset is the shipped one, or its claims file cannot be
            read, migrated cleanly or written; the result would not load.
    """
    from armsref.curation.yamlwrite import journaled_write, keep_if_valid
    from armsref.dataset.discovery import writable_root
    from armsref.dataset.journal import locked

    root = writable_root(data)
    path = root / "data" / "claims.yaml"
    shown = f"{root.name}/data/claims.yaml"
    with locked(root):  # read, migrated and written with no other writer between
        try:
            before = path.read_bytes()
            original = before.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DataError(f"cannot be read: {error}", file=shown) from None
        text, migrated = _migrated(original, shown)
        if text == original:
            return migrated
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DataError(f"{path}: the dataset is not writable; nothing was changed")
        try:
            journaled_write(path, text.encode("utf-8"))
        except OSError as error:
            raise DataError(
                f"cannot write {path} ({error.strerror}); nothing was changed"
            ) from None
        keep_if_valid(root, path, before)
    return migrated
