"""Growing the dataset from a new document: ``add_source`` and what it checks first.

:func:`add_source` copies a document into ``seeds/``, records it in
``data/sources.yaml`` with its sha256, and appends every range figure
:func:`armsref.extract` finds in it to ``data/claims.yaml`` as
``status: unreviewed``, each with a new id (``armsref verify`` lists those as
warnings until a curator reviews them with ``armsref review``). Everything is
checked before anything is written; each file is written atomically, and if a
later write fails the earlier ones are undone, so a refused or failed run
leaves the dataset as it was.

:mod:`armsref.curation.recorded` is the other direction, used by ``armsref
verify``: the figures ``extract`` finds in a source that no claim stands for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsref.curation.documents import document_text, is_html
from armsref.errors import DataError, DocumentError, DuplicateError, InputError

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.extraction.pipeline import Finding

__all__ = ["AddedSource", "add_source", "read_document"]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SEED = re.compile(r"^(\d+)_")


@dataclass(frozen=True)
class AddedSource:
    """What :func:`add_source` recorded.

    Attributes:
        source: the new source's id.
        file: the document's path inside the dataset, ``seeds/NNN_<sha256>.txt``.
        claims: the claims appended, as written to ``data/claims.yaml``.
    """

    source: str
    file: str
    claims: tuple[dict[str, Any], ...]


def read_document(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """Read a document to extract from: its bytes and its text.

    Raises:
        DocumentError: the file is missing, not a regular file, unreadable,
            binary, or not UTF-8 text (an InputError).
    """
    given = Path(path)
    try:
        data = given.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{given}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{given}: is a directory, not a text file") from None
    except OSError as error:
        raise DocumentError(f"{given}: cannot be read ({error.strerror})") from None
    if b"\0" in data[:8192]:
        raise DocumentError(f"{given}: looks binary (it holds NUL bytes); expected UTF-8 text")
    try:
        text = document_text(str(path), data)
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{given}: not UTF-8 text (byte {error.start} cannot be decoded); "
            "convert it to UTF-8 first"
        ) from None
    return data, text


def slug(text: str) -> str:
    """An id made from a file name or title: lower case, hyphens, at most 60 characters.

    Examples:
        >>> slug("Trump talks with Putin – National.txt")
        'trump-talks-with-putin-national-txt'
    """
    made = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return made or "source"


def _published(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"--published {value!r} is not a date; write it as YYYY-MM-DD") from None


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for finding in findings:
        if finding.key not in seen:
            seen.add(finding.key)
            kept.append(finding)
    return kept


def _next_seed(seeds: Path, digest: str, suffix: str = ".txt") -> str:
    numbers = [int(m.group(1)) for p in seeds.glob("*") if (m := _SEED.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}{suffix}"


def _writable(*paths: Path) -> None:
    for path in paths:
        if not os.access(path, os.W_OK):
            kind = "directory" if path.is_dir() else "file"
            raise DataError(f"{path}: the {kind} is not writable; nothing was changed")


def _check_new(dataset: Dataset, source_id: str, digest: str) -> None:
    if not _SLUG.match(source_id):
        raise InputError(
            f"--id {source_id!r} is not a valid id: use lower-case letters, digits, '-' and '_'"
        )
    for source in dataset.sources:
        if source.sha256 == digest:
            raise DuplicateError(
                f"this document is already in the dataset as source {source.id!r} "
                f"({source.file}); nothing was changed"
            )
    if any(source.id == source_id for source in dataset.sources):
        raise DuplicateError(
            f"the id {source_id!r} is already taken; choose another with --id; nothing was changed"
        )


def _source_entry(
    source_id: str, file: str, digest: str, options: dict[str, str | dt.date | None]
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": source_id, "file": file}
    for key in ("outlet", "title", "published"):
        entry[key] = options.get(key)
    if options.get("url"):
        entry["url"] = options["url"]
    entry["sha256"] = digest
    return entry


def add_source(
    path: str | os.PathLike[str],
    *,
    id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
    data: str | os.PathLike[str] | None = None,
) -> AddedSource:
    """Add a document to the dataset, with its range figures as unreviewed claims.

    Args:
        path: the document, a UTF-8 text file.
        id: the new source's id (default: made from the title or file name).
        outlet: the outlet, as the text itself states it.
        title: the title, as the text itself states it.
        published: the publication date (``YYYY-MM-DD``), as the text states it.
        url: where the document was published.
        data: the dataset directory (default: ``ARMSREF_DATA``; the shipped
            dataset is read-only, see :mod:`armsref.dataset.discovery`).

    Returns:
        What was recorded: see :class:`AddedSource`.

    Raises:
        DocumentError: the file cannot be read as text (an InputError).
        DuplicateError: the document is already in the dataset, or the id is
            taken (an InputError).
        InputError: an option is invalid.
        DataError: the dataset cannot be loaded or written to, or is the
            read-only shipped one.
    """
    from armsref.curation.yamlwrite import append_entries, atomic_write
    from armsref.dataset.claimids import next_id
    from armsref.dataset.discovery import writable_root
    from armsref.dataset.loading import clear_cache, load
    from armsref.dataset.models import RangeClaim, Source
    from armsref.extraction.pipeline import extract

    raw, text = read_document(path)
    if not text.strip():
        raise DocumentError(f"{path}: the document is empty; nothing was changed")
    when = _published(published)
    dataset = load(writable_root(data))
    root = dataset.root
    digest = hashlib.sha256(raw).hexdigest()
    source_id = id if id is not None else slug(title or Path(path).stem)
    _check_new(dataset, source_id, digest)
    seeds, data_dir = root / "seeds", root / "data"
    _writable(seeds, data_dir, data_dir / "sources.yaml", data_dir / "claims.yaml")
    # An HTML page keeps its suffix, so that verify reads it as its visible text too.
    suffix = ".html" if is_html(str(path), raw) else ".txt"
    file = f"seeds/{_next_seed(seeds, digest, suffix)}"
    options = {"outlet": outlet, "title": title, "published": when, "url": url}
    source = _source_entry(source_id, file, digest, options)
    taken = {claim.id for claim in dataset.claims if claim.id}
    claims = []
    for finding in _unique(extract(text, dataset)):
        entry = finding.to_claim(source_id)
        taken.add(claim_id := next_id(entry["system"], taken))
        claims.append({"id": claim_id, **entry})
    try:
        Source.model_validate(source)
        for claim in claims:
            RangeClaim.model_validate(claim)
    except ValueError as error:
        raise InputError(f"the new entries would not be valid: {error}") from None
    written: list[tuple[Path, bytes | None]] = []
    try:
        atomic_write(root / file, raw)
        written.append((root / file, None))
        shown = f"{root.name}/data/"
        old = append_entries(data_dir / "sources.yaml", [source], shown + "sources.yaml")
        written.append((data_dir / "sources.yaml", old))
        if claims:
            old = append_entries(data_dir / "claims.yaml", claims, shown + "claims.yaml")
            written.append((data_dir / "claims.yaml", old))
        clear_cache()
        load(root)
    except BaseException as error:
        _undo(written)
        clear_cache()
        if isinstance(error, OSError):
            raise DataError(f"cannot write the dataset ({error}); nothing was changed") from None
        raise
    return AddedSource(source_id, file, tuple(claims))


def _undo(written: list[tuple[Path, bytes | None]]) -> None:
    """Put back what :func:`add_source` wrote, newest first."""
    from armsref.curation.yamlwrite import atomic_write

    for target, before in reversed(written):
        if before is None:
            target.unlink(missing_ok=True)
        else:
            atomic_write(target, before)
