"""Finding, reading and validating a dataset directory, and caching the result.

A dataset directory holds ``data/`` (``sources.yaml``, ``systems.yaml``,
``claims.yaml``) and ``seeds/`` (the documents the sources point at). The
default one is found in this order:

1. the ``ARMSREF_DATA`` environment variable (a dataset directory, or its
   ``data/`` folder);
2. the copy shipped inside an installed wheel (``armsref/_dataset/``);
3. the checkout that holds this package (``armsref/../``).

YAML is read with ``yaml.safe_load`` semantics (the C loader when present):
tags that would build Python objects are refused, and so are anchors and
aliases, which curated data never needs and which a "billion laughs" document
abuses. On top of that it is read strictly (:mod:`armsref.dataset.strictyaml`):
duplicate keys, scalars YAML cannot build and YAML-only types where a field
does not take them are refused. Every problem becomes one :class:`~armsref.errors.DataError` naming
the file, the entry and the field.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsref.dataset.checks import (
    check_expressible,
    check_files,
    check_names,
    check_references,
    label,
    unique_ids,
)
from armsref.dataset.strictyaml import parse_yaml, read_bytes, read_yaml
from armsref.errors import DataError, expect

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from armsref.dataset.models import Dataset, Source, System

__all__ = [
    "DATA_FILES",
    "OTHERS_FILE",
    "clear_cache",
    "data_files",
    "find_root",
    "load",
    "load_validated",
    "read_yaml",
    "sources",
    "systems",
]

ENV_VAR = "ARMSREF_DATA"
DATA_FILES = ("sources.yaml", "systems.yaml", "claims.yaml")
#: The optional file of other weapon systems, known by name only.
OTHERS_FILE = "others.yaml"
_PACKAGE = Path(__file__).resolve().parent.parent
_CACHE: dict[Path, Dataset] = {}
_DEFAULT: dict[None, Dataset] = {}  # the default dataset, once found


def _is_root(path: Path) -> bool:
    return (path / "data" / "sources.yaml").is_file()


def find_root(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the dataset directory to use.

    Args:
        path: a dataset directory or its ``data/`` folder. ``None`` means the
            default: ``ARMSREF_DATA``, else the shipped dataset.

    Raises:
        DataError: the directory does not hold a dataset.
    """
    if path is None:
        path = os.environ.get(ENV_VAR) or None
        if path is None:
            for candidate in (_PACKAGE / "_dataset", _PACKAGE.parent):
                if _is_root(candidate):
                    return candidate
            raise DataError(
                "no dataset found: armsref's own data is missing from this install "
                f"(looked in {_PACKAGE / '_dataset'} and {_PACKAGE.parent}); "
                f"set {ENV_VAR} to a dataset directory"
            )
    given = Path(path)
    # '~someone' for no such user: the name as written.
    with contextlib.suppress(RuntimeError):
        given = given.expanduser()
    if _is_root(given):
        return given.resolve()
    if (given / "sources.yaml").is_file():
        return given.resolve().parent
    raise DataError(
        f"{given} is not a dataset directory: expected data/sources.yaml, data/systems.yaml "
        "and data/claims.yaml inside it"
    )


def _entries(value: Any, file: str) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataError(f"expected a list of entries, got {type(value).__name__}", file=file)
    for position, entry in enumerate(value, 1):
        if not isinstance(entry, dict):
            raise DataError(
                f"expected a mapping of fields, got {type(entry).__name__}",
                file=file,
                entry=f"entry {position}",
            )
    return value


def _explain(error: ValidationError) -> tuple[str, str]:
    """Turn a pydantic error into (field, message) a person can act on."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(entry)"
    kind = first["type"]
    if kind == "extra_forbidden":
        message = "unknown key"
    elif kind == "missing":
        message = "is required but missing"
    else:
        message = first["msg"].removeprefix("Value error, ")
        if "input" in first and kind not in {"value_error", "assertion_error"}:
            message += f", got {first['input']!r}"
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''} in this entry)"
    return field, message


def _validate(model: type[BaseModel], entries: list[Mapping[str, Any]], file: str) -> list[Any]:
    from pydantic import ValidationError

    from armsref.dataset.strictyaml import check_entry

    records = []
    for position, entry in enumerate(entries, 1):
        check_entry(model, entry, file, label(position, entry))
        try:
            records.append(model.model_validate(entry))
        except ValidationError as error:
            field, message = _explain(error)
            raise DataError(message, file=file, entry=label(position, entry), field=field) from None
    return records


def data_files(root: Path) -> dict[str, bytes]:
    """The bytes of each data file of the dataset at ``root`` (``others.yaml`` if it has one)."""
    names = [*DATA_FILES, *([OTHERS_FILE] if (root / "data" / OTHERS_FILE).exists() else [])]
    return {name: read_bytes(root / "data" / name, f"{root.name}/data/{name}") for name in names}


def _read(root: Path, *, validate: bool = False) -> Dataset:
    """The dataset at ``root``: from its snapshot if the files are those it was made from
    (unless ``validate``), else validated in full, and a snapshot kept."""
    from armsref.dataset import snapshot

    files = data_files(root)
    wanted = snapshot.key(files)
    dataset = None if validate or wanted is None else snapshot.load(root, wanted)
    if dataset is not None:
        # Whether a file lies inside the directory depends on the disk, not only the data.
        check_files(root, list(dataset.sources), f"{root.name}/data/sources.yaml")
        return dataset
    dataset = _validated(root, files)
    if wanted is not None:
        snapshot.store(dataset, wanted)
    return dataset


def _validated(root: Path, files: dict[str, bytes]) -> Dataset:
    from armsref.dataset.claimids import check_ids
    from armsref.dataset.models import Dataset, RangeClaim, Source, System

    shown = {name: f"{root.name}/data/{name}" for name in files}
    raw = {name: _entries(parse_yaml(files[name], shown[name]), shown[name]) for name in DATA_FILES}
    sources = _validate(Source, raw["sources.yaml"], shown["sources.yaml"])
    systems = _validate(System, raw["systems.yaml"], shown["systems.yaml"])
    claims = _validate(RangeClaim, raw["claims.yaml"], shown["claims.yaml"])
    unique_ids(sources, shown["sources.yaml"])
    unique_ids(systems, shown["systems.yaml"])
    names = check_names(systems, shown["systems.yaml"])
    others = _others(files.get(OTHERS_FILE), shown.get(OTHERS_FILE, ""), systems, names)
    check_files(root, sources, shown["sources.yaml"])
    check_expressible(claims, shown["claims.yaml"], raw["claims.yaml"])
    check_references(
        claims,
        {s.id: {v.id for v in s.variants} for s in systems},
        {s.id for s in sources},
        shown["claims.yaml"],
        raw["claims.yaml"],
    )
    check_ids(claims, raw["claims.yaml"], shown["claims.yaml"])
    return Dataset(
        root=root,
        sources=tuple(sources),
        systems=tuple(systems),
        claims=tuple(claims),
        others=tuple(others),
    )


def _others(
    data: bytes | None, shown: str, systems: list[Any], names: dict[str, tuple[str, str]]
) -> list[Any]:
    """The systems known by name only, from ``data/others.yaml`` (its bytes, if it exists);
    ``names`` are those the systems claimed (see :func:`~armsref.dataset.checks.check_names`).

    An entry whose id is also a system of ``systems.yaml`` is left out: the
    curator has promoted it to a covered system, whose names are its own.
    """
    from armsref.dataset.models import System

    if data is None:
        return []
    others = _validate(System, _entries(parse_yaml(data, shown), shown), shown)
    unique_ids(others, shown)
    covered = {s.id for s in systems}
    others = [o for o in others if o.id not in covered]
    check_names(others, shown, names)
    return others


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load, validate and cache a dataset.

    A dataset validated once is kept in the user's cache as a snapshot
    (:mod:`armsref.dataset.snapshot`); while its data files are byte for byte
    those it was made from, later processes build the same records from it
    without reading YAML or validating again. Any change to a file, or to
    armsref, validates the files in full. :func:`load_validated` always does.

    Args:
        path: a dataset directory (or its ``data/`` folder); ``None`` for the
            default dataset (see the module docstring).

    Returns:
        The validated :class:`~armsref.dataset.models.Dataset`. Loading the same
        directory again returns the cached object. ``ARMSREF_DATA`` is read when
        the default dataset is first loaded; after changing it, call
        :func:`clear_cache`.

    Raises:
        DataError: the directory or one of its files is missing, malformed or
            inconsistent; the message names the file, entry and field.
    """
    if path is None:
        default = _DEFAULT.get(None)
        if default is None:
            default = _DEFAULT[None] = load(find_root())
        return default
    from armsref.dataset.journal import reading

    expect(path, "path", (str, os.PathLike), "a dataset directory (str or os.PathLike) or None")
    root = find_root(path)
    dataset = _CACHE.get(root)
    if dataset is None:
        with reading(root):
            dataset = _CACHE[root] = _read(root)
    return dataset


def load_validated(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset as :func:`load` does, but always validate its files in full.

    ``armsref verify`` loads this way. The result replaces the cached one and
    its snapshot.
    """
    from armsref.dataset.journal import reading

    expect(path, "path", (str, os.PathLike, type(None)), "a dataset directory or None")
    root = find_root(path)
    with reading(root):
        dataset = _CACHE[root] = _read(root, validate=True)
    if path is None:
        _DEFAULT[None] = dataset
    return dataset


def clear_cache() -> None:
    """Forget every loaded dataset, so the next :func:`load` reads the files again."""
    _CACHE.clear()
    _DEFAULT.clear()


def systems(dataset: Dataset | None = None) -> tuple[System, ...]:
    """Every system in the dataset (default: the default dataset), in dataset order.

    Examples:
        >>> [system.id for system in systems()]
        ['atacms', 'eram', 'tomahawk', 'jassm', 'patriot']
    """
    _expect_dataset(dataset)
    return (dataset or load()).systems


def sources(dataset: Dataset | None = None) -> tuple[Source, ...]:
    """Every source in the dataset (default: the default dataset), in dataset order."""
    _expect_dataset(dataset)
    return (dataset or load()).sources


def _expect_dataset(dataset: object) -> None:
    from armsref.dataset.models import Dataset

    expect(dataset, "dataset", (Dataset, type(None)), "a Dataset or None")
