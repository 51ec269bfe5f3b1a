"""A validated dataset kept in the user's cache, read back without YAML or validation.

Reading a dataset's YAML and validating it costs far more than the answer a
command then prints, and the data rarely changes between two commands. So
once a dataset has been validated, its records are kept as a *snapshot*: a
file in the user's cache folder (:mod:`armsref.dataset.usercache`) of four
lines and a body::

    armsref-dataset-snapshot 1
    <key: sha256 of the data files' bytes and of the code that validated them>
    <sha256 of the body>
    <the body: the records' fields as JSON>

The key digests every data file's name and bytes, armsref's version, the
size and modification time of every file of :mod:`armsref.dataset` and
:mod:`armsref.lengths` (the code that validates), and the Python and
pydantic versions. A snapshot is used only when its key is the key of the
files read now and its body's digest matches; the records are then built with
pydantic's ``model_construct``, which runs no validator. Anything else (a
changed byte in any data file, another armsref, a truncated or corrupt file,
an older format, a body that does not build) makes :func:`load` answer
``None``, and the caller validates the files in full and stores a new
snapshot. A snapshot never fails a command and never changes an answer: the
records built from it equal the validated ones, field by field, with the same
fields set. One snapshot is kept per dataset directory.

Examples:
    >>> import armsref, tempfile
    >>> from armsref.dataset.loading import data_files
    >>> import os; saved = os.environ.get("ARMSREF_CACHE_DIR")
    >>> os.environ["ARMSREF_CACHE_DIR"] = tempfile.mkdtemp()
    >>> dataset = armsref.load()
    >>> wanted = key(data_files(dataset.root))
    >>> wanted is not None and store(dataset, wanted)
    True
    >>> again = load(dataset.root, wanted)
    >>> again is not dataset, again == dataset, load(dataset.root, "other key")
    (True, True, None)
    >>> if saved is None: del os.environ["ARMSREF_CACHE_DIR"]
    ... else: os.environ["ARMSREF_CACHE_DIR"] = saved
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from armsref.dataset.models import Dataset, RangeClaim, Source, System
from armsref.dataset.usercache import cache_path, read_private, write_private

__all__ = ["MAGIC", "MAX_SNAPSHOT", "key", "load", "store"]

MAGIC = b"armsref-dataset-snapshot 1\n"
#: The largest snapshot read (a dataset of 5,000 systems makes about 4 MB).
MAX_SNAPSHOT = 256 << 20
_PACKAGE = Path(__file__).resolve().parent.parent
#: The record lists of a dataset, and the model of each list's records.
_LISTS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("sources", Source),
    ("systems", System),
    ("claims", RangeClaim),
    ("others", System),
)


@functools.cache
def _code_stamp() -> str | None:
    """Name, size and modification time of every file of the code that validates;
    ``None`` where they cannot be listed (a package imported from a zip)."""
    import pydantic

    from armsref import __version__

    parts = [__version__, sys.version, pydantic.VERSION]
    for package in ("dataset", "lengths"):
        try:
            with os.scandir(_PACKAGE / package) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_file():
                        info = entry.stat()
                        parts.append(f"{package}/{entry.name} {info.st_size} {info.st_mtime_ns}")
        except OSError:
            return None
    return "\n".join(parts)


def key(files: Mapping[str, bytes]) -> str | None:
    """The snapshot key of a dataset whose data files (name to bytes) are ``files``;
    ``None`` if the code that validates cannot be stamped (then no snapshot is used)."""
    stamp = _code_stamp()
    if stamp is None:
        return None
    digest = hashlib.sha256(MAGIC + stamp.encode())
    for name, data in sorted(files.items()):
        digest.update(f"\n{name} {len(data)} ".encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _path(root: Path) -> Path | None:
    name = hashlib.sha256(str(root).encode()).hexdigest()[:32]
    return cache_path(f"dataset-{name}.snapshot")


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it: records as their set fields, tuples as lists."""
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in _set_fields(value)}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _set_fields(record: BaseModel) -> list[str]:
    """The fields set on ``record``, in the model's field order."""
    return [name for name in type(record).model_fields if name in record.model_fields_set]


def _builder(annotation: Any) -> Callable[[Any], Any] | None:
    """How to turn a field's JSON value back into the value validation gave it.

    ``None`` where JSON holds it as it is (text, numbers, booleans, literals).
    """
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return functools.partial(_build, annotation)
    if annotation is dt.date:
        return dt.date.fromisoformat
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        inner = _builder(arguments[0])
        return tuple if inner is None else lambda items: tuple(inner(item) for item in items)
    if origin in (typing.Union, types.UnionType):
        kinds = [kind for kind in arguments if kind is not type(None)]
        built = [_builder(kind) for kind in kinds]
        if not any(built):
            return None
        if len(kinds) == 1 and built[0] is not None:
            one = built[0]
            return lambda value: None if value is None else one(value)
    if annotation in (str, float, int, bool) or origin is typing.Literal:
        return None
    raise TypeError(f"no snapshot of a field of type {annotation!r}")


@functools.cache
def _builders(model: type[BaseModel]) -> dict[str, Callable[[Any], Any] | None]:
    return {name: _builder(field.annotation) for name, field in model.model_fields.items()}


def _build(model: type[BaseModel], fields: dict[str, Any]) -> BaseModel:
    builders = _builders(model)
    values = {}
    for name, value in fields.items():
        build = builders[name]  # an unknown field: KeyError, the snapshot is not used
        values[name] = value if build is None else build(value)
    return model.model_construct(**values)


def store(dataset: Dataset, wanted: str) -> bool:
    """Keep ``dataset``, validated from files whose key is ``wanted``; whether it was kept."""
    path = _path(dataset.root)
    if path is None:
        return False
    try:
        body = json.dumps(
            {name: [_plain(record) for record in getattr(dataset, name)] for name, _ in _LISTS},
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        ).encode("utf-8")
    except (TypeError, ValueError):
        return False  # a value JSON cannot hold: no snapshot, validation every time
    header = MAGIC + wanted.encode() + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n"
    return write_private(path, [header, body])


def load(root: Path, wanted: str) -> Dataset | None:
    """The dataset at ``root`` from its snapshot, if one was kept for the key ``wanted``.

    ``None`` when there is no snapshot, or one for other files or other code, or
    one that is damaged in any way.
    """
    path = _path(root)
    data = read_private(path, MAX_SNAPSHOT) if path is not None else None
    header = MAGIC + wanted.encode() + b"\n"
    if data is None or not data.startswith(header):
        return None
    digest, newline, body = data[len(header) :].partition(b"\n")
    if not newline or hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    try:
        lists = json.loads(body)
        records: dict[str, Any] = {
            name: tuple(_build(model, fields) for fields in lists[name]) for name, model in _LISTS
        }
        dataset = Dataset.model_construct(root=root, **records)
    except Exception:  # a body that does not build: validate instead
        return None
    return dataset
