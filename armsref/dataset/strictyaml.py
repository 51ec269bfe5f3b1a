"""Strict, readable YAML for dataset files: what YAML would guess, armsref refuses.

Plain YAML (1.1, as PyYAML reads it) guesses types in ways a curator rarely
means, so on top of the safe loader:

- **A key twice in one mapping** is an error naming both lines, never "the
  last one wins".
- **A scalar YAML cannot build** (``published: 2025-13-45``, ``value: 0x_``,
  a quote that reads like ``2025-02-30``) is a :class:`~armsref.errors.DataError`
  with its line and field, never a traceback.
- **Sexagesimal numbers** (``1:30`` is 90 in YAML 1.1) are read as the text
  written; a number with an exponent and no dot (``1e5``, text in YAML 1.1) is
  a number, as YAML 1.2 reads it.
- **YAML-only types where they do not belong**, checked against each record's
  fields (:func:`check_entry`): a boolean (``true``, ``yes``, ``on``) only
  where the field is a boolean, a date only where it is a date (``published``),
  a number field only a number (never ``true``, never ``"300"``).

Examples:
    >>> load_text("- a: 1\\n  a: 2\\n", "f.yaml")
    Traceback (most recent call last):
    ...
    armsref.errors.DataError: f.yaml: line 2: field 'a': appears twice in one entry (line 1 too)
    >>> load_text("- published: 2025-13-45\\n", "f.yaml")
    Traceback (most recent call last):
    ...
    armsref.errors.DataError: f.yaml: line 1: field 'published': '2025-13-45' cannot be read \
as a timestamp (month must be in 1..12); quote it if it is text
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from armsref.errors import DataError

__all__ = ["check_entry", "load_text", "parse_yaml", "read_bytes", "read_yaml"]

_TAGS = {
    "tag:yaml.org,2002:timestamp": "a timestamp",
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a boolean",
}


def _loader(shown: str) -> type[Any]:
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Strict(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: dict[object, int] = {}
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise DataError(
                        f"appears twice in one entry (line {seen[key]} too)",
                        file=shown,
                        entry=f"line {line}",
                        field=str(key),
                    )
                seen[key] = line
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    mapping[key] = self.construct_object(value_node, deep=deep)
                except (ValueError, OverflowError, TypeError) as error:
                    if isinstance(error, DataError):
                        raise
                    raise _unbuildable(value_node, shown, str(key), error) from None
            return mapping

        def construct_yaml_int(self, node: Any) -> Any:
            if ":" in str(node.value):
                return self.construct_scalar(node)  # sexagesimal: keep the text written
            return super().construct_yaml_int(node)

        def construct_yaml_float(self, node: Any) -> Any:
            if ":" in str(node.value):
                return self.construct_scalar(node)
            return super().construct_yaml_float(node)

    # YAML 1.1 reads 1e5 (no dot) as text; a curator means a number, as YAML 1.2 reads it.
    Strict.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
        list("-+0123456789"),
    )
    Strict.add_constructor("tag:yaml.org,2002:map", Strict.construct_yaml_map)
    Strict.add_constructor("tag:yaml.org,2002:int", Strict.construct_yaml_int)
    Strict.add_constructor("tag:yaml.org,2002:float", Strict.construct_yaml_float)
    return Strict


def _unbuildable(node: Any, shown: str, field: str | None, error: Exception) -> DataError:
    what = _TAGS.get(node.tag, "a value")
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return DataError(
        f"{node.value!r} cannot be read as {what} ({reason}); quote it if it is text",
        file=shown,
        entry=f"line {node.start_mark.line + 1}",
        field=field,
    )


def load_text(text: str, shown: str) -> Any:
    """Parse YAML text strictly (see the module docstring).

    Raises:
        DataError: a duplicate key or a scalar that cannot be built, with its line;
            ``yaml.YAMLError`` for malformed YAML (the caller words it).
    """
    import yaml

    loader = _loader(shown)(text)
    try:
        try:
            return loader.get_single_data()
        except (ValueError, OverflowError, TypeError) as error:
            if isinstance(error, DataError):
                raise
            node = getattr(error, "node", None)
            mark = getattr(node, "start_mark", None) or getattr(loader, "problem_mark", None)
            line = f"line {mark.line + 1}: " if mark else ""
            raise DataError(f"{line}a value cannot be read ({error})", file=shown) from None
    except RecursionError:
        raise DataError("nested too deeply to read", file=shown) from None
    finally:
        loader.dispose()
    raise yaml.YAMLError("unreachable")  # pragma: no cover


def _kinds(annotation: Any) -> set[Any]:
    """The plain types a field's annotation admits (``float | None`` -> {float, None})."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return set().union(*(_kinds(arg) for arg in typing.get_args(annotation)))
    if origin is typing.Literal:
        return {type(arg) for arg in typing.get_args(annotation)}
    if origin is typing.Annotated:
        return _kinds(typing.get_args(annotation)[0])
    if annotation is None or annotation is type(None):
        return {type(None)}
    return {origin or annotation}


def _what(kinds: set[Any]) -> str:
    if kinds & {float, int}:
        return "a number"
    if dt.date in kinds:
        return "a date"
    if bool in kinds:
        return "true or false"
    return "text" if str in kinds else "a value of another kind"


def _check_value(value: Any, kinds: set[Any]) -> str | None:
    """Why ``value`` is a YAML-only type where the field does not take it, or ``None``."""
    if isinstance(value, bool):
        if bool not in kinds:
            return (
                f"{value!r} (a YAML boolean, as true/false/yes/no/on/off are) "
                f"where {_what(kinds)} belongs"
            )
        return None
    if isinstance(value, dt.date):
        if not kinds & {dt.date, dt.datetime}:
            return f"a date ({value}) where {_what(kinds)} belongs; quote it if it is text"
        return None
    if isinstance(value, str) and kinds & {float, int} and str not in kinds:
        return f"text {value!r} where a number belongs; write the number unquoted"
    if isinstance(value, str) and bool in kinds and str not in kinds:
        return f"text {value!r} where true or false belongs"
    return None


def check_entry(model: Any, entry: Mapping[str, Any], file: str, label: str) -> None:
    """Refuse YAML-only types in ``entry`` that ``model``'s fields do not take.

    Raises:
        DataError: naming the file, the entry (``label``) and the field.
    """
    _check(model, entry, file, label, "")


def _check(model: Any, entry: Mapping[str, Any], file: str, label: str, prefix: str) -> None:
    for key, value in entry.items():
        plan = _plan(model, key) if isinstance(key, str) else None
        if plan is None:
            continue  # an unknown key: the model says so
        kinds, nested, item_kinds = plan
        if nested is not None and isinstance(value, Mapping):
            _check(nested, value, file, label, f"{prefix}{key}.")
            continue
        items: list[Any] = [value]
        if item_kinds is not None and isinstance(value, list):
            kinds, items = item_kinds, value
        for item in items:
            problem = _check_value(item, kinds)
            if problem:
                raise DataError(problem, file=file, entry=label, field=f"{prefix}{key}")


@functools.cache
def _plan(model: Any, key: str) -> tuple[set[Any], Any, set[Any] | None] | None:
    """What field ``key`` of ``model`` takes: its kinds, the model it nests (or ``None``),
    and the kinds of its items if it is a list (or ``None``); ``None`` for no such field.

    Worked out once per field, not once per entry.
    """
    from pydantic import BaseModel

    field = model.model_fields.get(key)
    if field is None:
        return None
    kinds = _kinds(field.annotation)
    nested = [k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)]
    item_kinds = None
    if kinds & {tuple, list}:
        arguments = [a for a in typing.get_args(field.annotation) if a is not Ellipsis]
        item_kinds = set().union(*(_kinds(a) for a in arguments))
    return kinds, (nested[0] if nested else None), item_kinds


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
    """Read one YAML file safely and strictly; each failure is a :class:`DataError` naming it.

    Only a regular file of at most :data:`~armsref.dataset.regular.MAX_DOCUMENT`
    bytes is read; see :mod:`armsref.dataset.strictyaml` for what is refused.
    """
    shown = display or str(path)
    return parse_yaml(read_bytes(path, shown), shown)


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of one dataset file: a regular file of bounded size, or a :class:`DataError`."""
    from armsref.dataset.regular import open_regular, read_limited
    from armsref.errors import DocumentError

    try:
        with open_regular(path, shown) as stream:
            return read_limited(stream, shown)
    except DocumentError as error:
        reason = str(error).removeprefix(f"{shown}: ")
        raise DataError(
            "file is missing" if reason == "no such file" else reason, file=shown
        ) from None


def parse_yaml(data: bytes, shown: str) -> Any:
    """Parse the bytes of one dataset file strictly, as :func:`read_yaml` does."""
    import yaml

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"not valid UTF-8 (byte {error.start})", file=shown) from None
    try:
        value = load_text(text, shown)
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
