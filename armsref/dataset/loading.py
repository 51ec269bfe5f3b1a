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
abuses. Every problem becomes one :class:`~armsref.errors.DataError` naming
the file, the entry and the field.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsref.errors import DataError

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from armsref.dataset.models import Dataset, Source, System

__all__ = [
    "DATA_FILES",
    "OTHERS_FILE",
    "clear_cache",
    "find_root",
    "load",
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
    given = Path(path).expanduser()
    if _is_root(given):
        return given.resolve()
    if (given / "sources.yaml").is_file():
        return given.resolve().parent
    raise DataError(
        f"{given} is not a dataset directory: expected data/sources.yaml, data/systems.yaml "
        "and data/claims.yaml inside it"
    )


def _loader() -> type[Any]:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_shared(value: object, file: str) -> None:
    """Refuse any list or mapping reached twice: that only happens through a YAML alias."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                raise DataError(
                    "YAML anchors and aliases (&name, *name) are not allowed in dataset files",
                    file=file,
                )
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)


def read_yaml(path: Path, display: str | None = None) -> Any:
    """Read one YAML file safely; every failure is a :class:`DataError` naming the file."""
    import yaml

    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("file is missing", file=shown) from None
    except UnicodeDecodeError as error:
        raise DataError(f"not valid UTF-8 (byte {error.start})", file=shown) from None
    except OSError as error:
        raise DataError(f"cannot be read: {error.strerror}", file=shown) from None
    try:
        value = yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line = f"line {mark.line + 1}: " if mark else ""
        tag = (error.problem or "").rsplit("tag ", 1)[-1].strip(" '")
        raise DataError(
            f"{line}tag {tag!r} is not allowed; dataset files are plain YAML", file=shown
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise DataError(f"malformed YAML: {line}{error.problem}", file=shown) from None
    except yaml.YAMLError as error:
        raise DataError(f"malformed YAML: {error}", file=shown) from None
    _refuse_shared(value, shown)
    return value


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


def _label(position: int, entry: Mapping[str, Any]) -> str:
    if "id" in entry:
        return f"entry {position} (id {entry['id']!r})"
    if "system" in entry or "source" in entry:
        return f"entry {position} ({entry.get('system')!s} from {entry.get('source')!s})"
    return f"entry {position}"


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

    records = []
    for position, entry in enumerate(entries, 1):
        try:
            records.append(model.model_validate(entry))
        except ValidationError as error:
            field, message = _explain(error)
            raise DataError(
                message, file=file, entry=_label(position, entry), field=field
            ) from None
    return records


def _unique_ids(records: list[Any], file: str) -> None:
    seen: dict[str, int] = {}
    for position, record in enumerate(records, 1):
        if record.id in seen:
            raise DataError(
                f"duplicate id (entry {seen[record.id]} has it too)",
                file=file,
                entry=f"entry {position} (id {record.id!r})",
                field="id",
            )
        seen[record.id] = position


def _check_names(systems: list[Any], file: str, known: int = 0) -> None:
    """Every name has letters or digits and belongs to one system only.

    The first ``known`` systems were checked already (in another file): their
    names are claimed first, and entries are numbered from the one after them.
    """
    from armsref.dataset.keys import name_key

    owner: dict[str, tuple[str, str]] = {}
    for position, system in enumerate(systems, 1 - known):
        for field, names in (
            ("id", [system.id]),
            ("name", [system.name]),
            ("short", [system.short]),
            ("designations", system.designations),
            ("aliases", system.aliases),
            ("variants", [name for variant in system.variants for name in variant.names]),
        ):
            for name in names:
                key = name_key(name)
                if not key:
                    raise DataError(
                        f"name {name!r} has no letters or digits",
                        file=file,
                        entry=f"entry {position} (id {system.id!r})",
                        field=field,
                    )
                other = owner.setdefault(key, (system.id, name))
                if other[0] != system.id:
                    raise DataError(
                        f"{name!r} is also a name of system {other[0]!r} ({other[1]!r}); "
                        "a name may belong to one system only",
                        file=file,
                        entry=f"entry {position} (id {system.id!r})",
                        field=field,
                    )


def _check_files(root: Path, sources: list[Any], file: str) -> None:
    base = root.resolve()
    for position, source in enumerate(sources, 1):
        target = (base / source.file).resolve()
        if Path(source.file).is_absolute() or not target.is_relative_to(base):
            raise DataError(
                f"{source.file!r} is outside the dataset directory {base}",
                file=file,
                entry=f"entry {position} (id {source.id!r})",
                field="file",
            )


def _check_references(
    claims: list[Any],
    systems: dict[str, set[str]],
    sources: set[str],
    file: str,
    entries: list[Mapping[str, Any]],
) -> None:
    """Every claim names a known system and source, and a variant of its system if any."""
    for position, (claim, entry) in enumerate(zip(claims, entries, strict=True), 1):
        for field, known in (("system", set(systems)), ("source", sources)):
            value = getattr(claim, field)
            if value not in known:
                raise DataError(
                    f"no {field} has id {value!r}; known: {', '.join(sorted(known))}",
                    file=file,
                    entry=_label(position, entry),
                    field=field,
                )
        variants = systems[claim.system]
        if claim.variant is not None and claim.variant not in variants:
            raise DataError(
                f"system {claim.system!r} has no variant {claim.variant!r}; "
                f"known: {', '.join(sorted(variants)) or 'none'}",
                file=file,
                entry=_label(position, entry),
                field="variant",
            )


def _read(root: Path) -> Dataset:
    from armsref.dataset.claimids import check_ids
    from armsref.dataset.models import Dataset, RangeClaim, Source, System

    shown = {name: f"{root.name}/data/{name}" for name in DATA_FILES}
    raw = {
        name: _entries(read_yaml(root / "data" / name, shown[name]), shown[name])
        for name in DATA_FILES
    }
    sources = _validate(Source, raw["sources.yaml"], shown["sources.yaml"])
    systems = _validate(System, raw["systems.yaml"], shown["systems.yaml"])
    claims = _validate(RangeClaim, raw["claims.yaml"], shown["claims.yaml"])
    _unique_ids(sources, shown["sources.yaml"])
    _unique_ids(systems, shown["systems.yaml"])
    _check_names(systems, shown["systems.yaml"])
    others = _others(root, systems)
    _check_files(root, sources, shown["sources.yaml"])
    _check_references(
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


def _others(root: Path, systems: list[Any]) -> list[Any]:
    """The systems known by name only, from ``data/others.yaml`` if the dataset has one.

    An entry whose id is also a system of ``systems.yaml`` is left out: the
    curator has promoted it to a covered system, whose names are its own.
    """
    from armsref.dataset.models import System

    path = root / "data" / OTHERS_FILE
    if not path.exists():
        return []
    shown = f"{root.name}/data/{OTHERS_FILE}"
    others = _validate(System, _entries(read_yaml(path, shown), shown), shown)
    _unique_ids(others, shown)
    covered = {s.id for s in systems}
    others = [o for o in others if o.id not in covered]
    _check_names([*systems, *others], shown, known=len(systems))
    return others


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load, validate and cache a dataset.

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
    root = find_root(path)
    dataset = _CACHE.get(root)
    if dataset is None:
        dataset = _CACHE[root] = _read(root)
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
    return (dataset or load()).systems


def sources(dataset: Dataset | None = None) -> tuple[Source, ...]:
    """Every source in the dataset (default: the default dataset), in dataset order."""
    return (dataset or load()).sources
