"""The checks a dataset must pass across its records, once each record is valid alone.

Each raises one :class:`~armsref.errors.DataError` naming the file, the entry
and the field: ids unique within a file, every name belonging to one system
only, every source file inside the dataset directory, every claim pointing at
a known system, source and variant, and every figure expressible in every
length unit. :mod:`armsref.dataset.loading` runs them in that order.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from armsref.errors import DataError

__all__ = [
    "check_expressible",
    "check_files",
    "check_names",
    "check_references",
    "label",
    "unique_ids",
]


def label(position: int, entry: Mapping[str, Any]) -> str:
    """How an entry is named in a message: its position, and its id or what it is about."""
    if "id" in entry:
        return f"entry {position} (id {entry['id']!r})"
    if "system" in entry or "source" in entry:
        return f"entry {position} ({entry.get('system')!s} from {entry.get('source')!s})"
    return f"entry {position}"


def unique_ids(records: list[Any], file: str) -> None:
    """No two records of one file share an id."""
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


def check_names(
    systems: list[Any], file: str, owner: dict[str, tuple[str, str]] | None = None
) -> dict[str, tuple[str, str]]:
    """Every name has letters or digits and belongs to one system only.

    ``owner`` holds the names systems checked before (in another file) have
    claimed, each form of a name's key to its system's id and the name; it is
    returned with this file's names added.
    """
    from armsref.dataset.keys import name_key, reach

    owner = {} if owner is None else owner
    for position, system in enumerate(systems, 1):
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
                others = [owner.setdefault(form, (system.id, name)) for form in reach(key)]
                other = next((o for o in others if o[0] != system.id), others[0])
                if other[0] != system.id:
                    raise DataError(
                        f"{name!r} is also a name of system {other[0]!r} ({other[1]!r}), "
                        "as lookup and scanning compare names (case, spacing, punctuation "
                        "and a plural 's' aside); a name may belong to one system only",
                        file=file,
                        entry=f"entry {position} (id {system.id!r})",
                        field=field,
                    )
    return owner


def check_files(root: Path, sources: list[Any], file: str) -> None:
    """Every source's file lies inside the dataset directory (symlinks followed)."""
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


def check_references(
    claims: list[Any],
    systems: dict[str, set[str]],
    sources: set[str],
    file: str,
    entries: list[Mapping[str, Any]],
) -> None:
    """Every claim names a known system and source, and a variant of its system if any."""
    system_ids = set(systems)
    for position, (claim, entry) in enumerate(zip(claims, entries, strict=True), 1):
        for field, known in (("system", system_ids), ("source", sources)):
            value = getattr(claim, field)
            if value not in known:
                raise DataError(
                    f"no {field} has id {value!r}; known: {', '.join(sorted(known))}",
                    file=file,
                    entry=label(position, entry),
                    field=field,
                )
        variants = systems[claim.system]
        if claim.variant is not None and claim.variant not in variants:
            raise DataError(
                f"system {claim.system!r} has no variant {claim.variant!r}; "
                f"known: {', '.join(sorted(variants)) or 'none'}",
                file=file,
                entry=label(position, entry),
                field="variant",
            )


def check_expressible(claims: list[Any], file: str, entries: list[Mapping[str, Any]]) -> None:
    """Refuse a figure too large to show in every unit (1e307 km is infinite in feet)."""
    from armsref.lengths.units import expressible

    for position, (claim, entry) in enumerate(zip(claims, entries, strict=True), 1):
        figures = [("", claim.unit, claim.value, claim.low, claim.high)]
        if claim.also is not None:
            a = claim.also
            figures.append(("also.", a.unit, a.value, a.low, a.high))
        for prefix, unit, *numbers in figures:
            for name, number in zip(("value", "low", "high"), numbers, strict=True):
                if number is not None and not expressible(number, unit):
                    raise DataError(
                        f"{number:g} {unit} is too large to show in every length unit",
                        file=file,
                        entry=label(position, entry),
                        field=prefix + name,
                    )
