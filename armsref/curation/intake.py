"""Growing the dataset from a new document: ``add_source`` and what it checks first.

:func:`add_source` copies a document into ``seeds/``, records it in
``data/sources.yaml`` with its sha256, and appends every range figure
:func:`armsref.extract` finds in it to ``data/claims.yaml`` as
``reviewed: false`` (``armsref verify`` lists those as warnings until a curator
reviews them). The slow work (reading, extracting) comes first; then, under
the dataset's exclusive lock, the dataset is read afresh, everything is
checked again, and the seed copy and both YAML files are written as one
change through the write-ahead journal of :mod:`armsref.dataset.journal`: all
of them become visible together or none does, even if the process is killed.
A refused or failed run leaves the dataset as it was.

:func:`unrecorded` is the other direction, used by ``armsref verify``: the
figures ``extract`` finds in a source that no claim from it records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsref.curation.documents import document_text
from armsref.errors import DataError, InputError, expect

if TYPE_CHECKING:
    from armsref.dataset.journal import Change
    from armsref.dataset.models import Dataset
    from armsref.extraction.pipeline import Finding

__all__ = ["AddedSource", "add_source", "read_document", "unrecorded"]

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

    Only a regular file of at most :data:`~armsref.dataset.regular.MAX_DOCUMENT`
    bytes is read; a FIFO or device is refused without blocking.

    Raises:
        TypeError: ``path`` is not a path.
        DocumentError: the file is missing, not a regular file, unreadable,
            too large, binary, UTF-16, or not UTF-8 text.
    """
    from armsref.dataset.regular import open_regular, read_limited, text_of

    expect(path, "path", (str, os.PathLike), "a path (str or os.PathLike)")
    shown = str(os.fspath(path))
    with open_regular(path, shown) as stream:
        data = read_limited(stream, shown)
    text_of(data, shown)  # binary, UTF-16 or not UTF-8: refused, saying which
    return data, document_text(shown, data)


def slug(text: str) -> str:
    """An id made from a file name or title: lower case, hyphens, at most 60 characters.

    Examples:
        >>> slug("Trump talks with Putin – National.txt")
        'trump-talks-with-putin-national-txt'
    """
    made = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return made or "source"


def _published(value: str | dt.date | None) -> dt.date | None:
    expect(value, "published", (str, dt.date, type(None)), "a date or 'YYYY-MM-DD' text")
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


def unrecorded(text: str, source: str, dataset: Dataset) -> list[Finding]:
    """The findings in ``text`` that no claim of ``source`` in ``dataset`` records.

    A claim records a finding when they share system, qualifier, number(s) and
    unit (by name: ``km`` and ``kilometers`` are the same unit).
    """
    from armsref.extraction.pipeline import extract
    from armsref.lengths.units import unit_name

    recorded = {
        (c.system, c.qualifier, c.value, c.low, c.high, unit_name(c.unit))
        for c in dataset.claims_for_source(source)
    }
    return [f for f in _unique(extract(text, dataset)) if f.key not in recorded]


def _writable_text(name: str, value: str | None) -> None:
    """Refuse text that YAML cannot hold as written: lone surrogates, control characters."""
    if value is None:
        return
    for character in value:
        if (0xD800 <= ord(character) <= 0xDFFF) or (
            not character.isprintable() and character not in " \t"
        ):
            raise InputError(
                f"--{name} holds the character {character!r}, which a dataset file cannot "
                "hold as written; nothing was changed"
            )


def _next_seed(seeds: Path, digest: str) -> str:
    numbers = [int(m.group(1)) for p in seeds.glob("*") if (m := _SEED.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}.txt"


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
            raise InputError(
                f"this document is already in the dataset as source {source.id!r} "
                f"({source.file}); nothing was changed"
            )
    if any(source.id == source_id for source in dataset.sources):
        raise InputError(
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
        data: the dataset directory (default: ``ARMSREF_DATA`` or the shipped one).

    Returns:
        What was recorded: see :class:`AddedSource`.

    Raises:
        InputError: the file cannot be read as text, an option is invalid, the
            document is already in the dataset, or the id is taken.
        DataError: the dataset cannot be loaded or written to.
    """
    from armsref.dataset.journal import Change, locked
    from armsref.dataset.loading import clear_cache, is_installed_copy, load
    from armsref.extraction.pipeline import extract

    for name, value in (("id", id), ("outlet", outlet), ("title", title), ("url", url)):
        expect(value, name, (str, type(None)), "text or None")
        _writable_text(name, value)
    expect(data, "data", (str, os.PathLike, type(None)), "a dataset directory or None")
    when = _published(published)
    raw, text = read_document(path)
    if not text.strip():
        raise InputError(f"{path}: the document is empty; nothing was changed")
    dataset = load(data)
    root = dataset.root
    if is_installed_copy(root):
        raise DataError(
            f"{root} is the dataset shipped inside the installed armsref, which is never "
            "written to: copy it and pass --data DIR (or set ARMSREF_DATA); nothing was changed"
        )
    digest = hashlib.sha256(raw).hexdigest()
    source_id = id if id is not None else slug(title or Path(path).stem)
    _check_new(dataset, source_id, digest)
    # The slow part, before the lock: finding the figures.
    claims = [f.to_claim(source_id) for f in _unique(extract(text, dataset))]
    options = {"outlet": outlet, "title": title, "published": when, "url": url}
    with locked(root):
        # Read the dataset afresh under the lock: another writer may have just changed it.
        clear_cache()
        dataset = load(root)
        _check_new(dataset, source_id, digest)
        change = Change(root)
        try:
            file = _stage(
                change,
                root,
                raw=raw,
                source_id=source_id,
                digest=digest,
                options=options,
                claims=claims,
            )
            change.commit()
        except OSError as error:
            change.abandon()
            raise DataError(f"cannot write the dataset ({error}); nothing was changed") from None
        except BaseException:
            change.abandon()
            raise
        finally:
            clear_cache()
    return AddedSource(source_id, file, tuple(claims))


def _stage(
    change: Change,
    root: Path,
    *,
    raw: bytes,
    source_id: str,
    digest: str,
    options: dict[str, str | dt.date | None],
    claims: list[dict[str, Any]],
) -> str:
    """Check the new entries and stage every file of the change; return the seed's name."""
    import yaml

    from armsref.curation.yamlwrite import appended_bytes
    from armsref.dataset.models import RangeClaim, Source
    from armsref.dataset.strictyaml import load_text

    seeds, data_dir = root / "seeds", root / "data"
    _writable(seeds, data_dir, data_dir / "sources.yaml", data_dir / "claims.yaml")
    file = f"seeds/{_next_seed(seeds, digest)}"
    source = _source_entry(source_id, file, digest, options)
    try:
        Source.model_validate(source)
        for claim in claims:
            RangeClaim.model_validate(claim)
    except ValueError as error:
        raise InputError(f"the new entries would not be valid: {error}") from None
    shown = f"{root.name}/data/"
    change.put(root / file, raw)
    for name, entries in (("sources.yaml", [source]), ("claims.yaml", claims)):
        if entries:
            new = appended_bytes(data_dir / name, entries, shown + name)
            # What is written must read back through the loader that reads it later.
            try:
                load_text(new.decode("utf-8"), shown + name)
            except yaml.YAMLError as error:
                raise DataError(
                    f"the new entries would not read back ({error}); nothing was changed",
                    file=shown + name,
                ) from None
            change.put(data_dir / name, new)
    return file
