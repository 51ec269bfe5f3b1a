"""Writing to the hand-curated YAML files without disturbing what people wrote.

Two promises, kept by every write armsref makes to ``data/`` and ``seeds/``:

- **Nothing hand-written changes.** New entries are appended after the existing
  text, which is kept byte for byte: comments, key order, quoting, blank lines.
  The entries are rendered by ruamel.yaml's round-trip dumper in the files'
  own style (block mappings, a flow mapping for ``also``), and the result is
  read back with ruamel.yaml's round-trip loader to prove it holds the old
  entries unchanged plus the new ones. A file that is not a plain block list
  (empty, or written ``[]``) is rewritten through the round-trip loader instead.
- **A change touches only what it names.** :func:`update_entries` changes
  entries found by ``id`` (a review: a status, a reason, a corrected field)
  and proves that every line outside them is as it was.
- **A write is whole or not at all.** :func:`appended_bytes` only computes
  the new bytes; a change to a dataset stages them, with every other file of
  the same change, through :class:`armsref.dataset.journal.Change`, under the
  dataset's lock, so that all of them land together or none does;
  :func:`update_entries` and :func:`journaled_write` do the same for one file
  of a dataset. (For a file outside any dataset, :func:`atomic_write` writes
  a temporary file beside the target, flushes and fsyncs it, then renames it
  over the target.)

Examples:
    >>> print(render_entries([{"system": "atacms", "also": {"value": 300, "unit": "km"}}]), end="")
    - system: atacms
      also: {value: 300, unit: km}
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from armsref.dataset.journal import fsync_folder
from armsref.errors import DataError

__all__ = [
    "REMOVE",
    "append_entries",
    "appended_bytes",
    "atomic_write",
    "journaled_write",
    "keep_if_valid",
    "remove_field",
    "render_entries",
    "set_field",
    "update_entries",
    "updated_text",
]

#: Keys whose mapping value is written on one line, as the curated files do.
FLOW_KEYS = frozenset({"also"})


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _commented(entry: Mapping[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap()
    for key, value in entry.items():
        if isinstance(value, Mapping):
            inner = CommentedMap(value)
            if key in FLOW_KEYS:
                inner.fa.set_flow_style()
            mapping[key] = inner
        else:
            mapping[key] = value
    return mapping


def render_entries(entries: Sequence[Mapping[str, Any]]) -> str:
    """YAML for ``entries`` as list items in the curated files' style, a blank line between."""
    yaml = _yaml()
    parts = []
    for entry in entries:
        out = io.StringIO()
        yaml.dump([_commented(entry)], out)
        parts.append(out.getvalue())
    return "\n".join(parts)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` whole: temporary file, fsync, rename.

    The new file keeps the old one's permission bits. On any failure the
    temporary file is removed and ``path`` is left as it was.

    Raises:
        OSError: the directory cannot be written to.
    """
    directory = path.parent
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_folder(directory)


def _plain(value: Any) -> Any:
    """A ruamel value as plain Python, for comparing documents."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def appended_text(original: str, entries: Sequence[Mapping[str, Any]], shown: str) -> str:
    """The text of a YAML list file with ``entries`` appended, the old text kept as it is.

    Raises:
        DataError: the file is not a YAML list, or the result would not read back
            as the old entries followed by the new ones.
    """
    from ruamel.yaml.error import YAMLError

    yaml = _yaml()
    try:
        document: Any = yaml.load(original)
    except YAMLError as error:
        raise DataError(f"malformed YAML, not changed: {error}", file=shown) from None
    if document is not None and not isinstance(document, list):
        raise DataError("expected a list of entries; not changed", file=shown)
    sequence: Any = document  # a ruamel CommentedSeq, or None
    old = _plain(sequence or [])
    if old and not sequence.fa.flow_style():
        separator = "" if original.endswith("\n") else "\n"
        text = original + separator + "\n" + render_entries(entries)
    elif old:
        # A list written in flow style: let the round-trip dumper extend it.
        sequence.extend(_commented(e) for e in entries)
        out = io.StringIO()
        yaml.dump(sequence, out)
        text = out.getvalue()
    else:
        # Empty, comments only, or "[]": nothing to keep byte for byte but the comments.
        kept = "".join(line for line in original.splitlines(True) if line.lstrip().startswith("#"))
        text = kept + ("\n" if kept else "") + render_entries(entries)
    if _plain(yaml.load(text)) != [*old, *(_plain(e) for e in entries)]:
        raise DataError("the new entries would not read back as written; not changed", file=shown)
    return text


def _read(path: Path, shown: str) -> tuple[bytes, str]:
    """The bytes of a data file and their text, or a :class:`DataError` naming ``shown``."""
    try:
        before = path.read_bytes()
        return before, before.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot be read: {error}", file=shown) from None


def appended_bytes(path: Path, entries: Sequence[Mapping[str, Any]], shown: str) -> bytes:
    """The bytes of ``path`` with ``entries`` appended (see :func:`appended_text`); writes nothing.

    Raises:
        DataError: the file cannot be read or is not a YAML list.
    """
    _, original = _read(path, shown)
    return appended_text(original, entries, shown).encode("utf-8")


def append_entries(path: Path, entries: Sequence[Mapping[str, Any]], shown: str) -> bytes:
    """Append ``entries`` to the YAML list in ``path``, atomically; return the old bytes.

    Raises:
        DataError: the file cannot be read or is not a YAML list.
        OSError: the file cannot be written.
    """
    before, original = _read(path, shown)
    atomic_write(path, appended_text(original, entries, shown).encode("utf-8"))
    return before


#: In :func:`update_entries`, a field set to this is removed from its entry.
REMOVE = object()


def _starts(sequence: Any) -> list[int]:
    """The line each list item starts on (0-based), as ruamel read them."""
    return [sequence.lc.item(position)[0] for position in range(len(sequence))]


def _outside(lines: list[str], starts: list[int], changed: set[int]) -> list[str]:
    """The lines that belong to no changed entry (an entry runs to the next one's start)."""
    bounds = [*starts, len(lines)]
    kept = lines[: bounds[0]] if starts else list(lines)
    for position in range(len(starts)):
        if position not in changed:
            kept += lines[bounds[position] : bounds[position + 1]]
    return kept


def set_field(entry: Any, field: str, value: Any) -> None:
    """Set a field of a round-trip mapping; a new field goes last, before the blank
    lines and comments that followed the old last field (they separate entries)."""
    import copy

    if field in entry or not entry:
        entry[field] = value
        return
    last = list(entry)[-1]
    tokens = entry.ca.items.get(last)
    after = tokens[2] if tokens and len(tokens) > 2 else None
    entry[field] = value
    if after is None:
        return
    own, _, rest = after.value.partition("\n")
    if not rest:
        return
    moved = copy.copy(after)
    moved.value = "\n" + rest
    after.value = own + "\n"
    entry.ca.items[field] = [None, None, moved, None]


def remove_field(entry: Any, field: str) -> None:
    """Remove a field of a round-trip mapping, keeping the blank lines and comments
    that followed it when it was the last one."""
    import copy

    if field not in entry:
        return
    fields = list(entry)
    tokens = entry.ca.items.pop(field, None)
    del entry[field]
    after = tokens[2] if tokens and len(tokens) > 2 else None
    if after is None or field != fields[-1] or len(fields) < 2:
        return
    rest = after.value.partition("\n")[2]
    if not rest:
        return
    previous = entry.ca.items.get(fields[-2])
    if previous and len(previous) > 2 and previous[2] is not None:
        previous[2].value += rest
    else:
        moved = copy.copy(after)
        moved.value = "\n" + rest
        entry.ca.items[fields[-2]] = [None, None, moved, None]


def updated_text(original: str, changes: Mapping[str, Mapping[str, Any]], shown: str) -> str:
    """The text of a YAML list file with the entries whose ``id`` is a key of ``changes``
    changed: each field set to its new value, or removed for :data:`REMOVE`.

    Every line outside the changed entries is kept as it is, comments included.

    Raises:
        DataError: the file is not a YAML list, an id is in no entry, or the
            result would change more than the entries named.
    """
    from ruamel.yaml.error import YAMLError

    yaml = _yaml()
    try:
        document: Any = yaml.load(original)
    except YAMLError as error:
        raise DataError(f"malformed YAML, not changed: {error}", file=shown) from None
    if not isinstance(document, list):
        raise DataError("expected a list of entries; not changed", file=shown)
    where = {
        item.get("id"): position
        for position, item in enumerate(document)
        if isinstance(item, Mapping) and item.get("id") in changes
    }
    missing = [key for key in changes if key not in where]
    if missing:
        raise DataError(f"no entry has id {missing[0]!r}; not changed", file=shown)
    expected = _plain(document)
    for key, fields in changes.items():
        entry, wanted = document[where[key]], expected[where[key]]
        for field, value in fields.items():
            if value is REMOVE:
                remove_field(entry, field)
                wanted.pop(field, None)
            else:
                set_field(entry, field, _commented({field: value})[field])
                wanted[field] = _plain(value)
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    again: Any = yaml.load(text)
    changed = set(where.values())
    if _plain(again) != expected or _outside(
        original.splitlines(True), _starts(yaml.load(original)), changed
    ) != _outside(text.splitlines(True), _starts(again), changed):
        raise DataError(
            "the change would not keep the rest of the file as written; not changed", file=shown
        )
    return text


def journaled_write(path: Path, data: bytes) -> None:
    """Replace ``path``, a file in a dataset's ``data/``, with ``data`` as one change
    of that dataset: under its lock, through its write-ahead journal (see
    :mod:`armsref.dataset.journal`), so that a killed process leaves it whole.

    Raises:
        DataError: the dataset is locked by another writer for too long.
        OSError: the file cannot be written; nothing was changed.
    """
    from armsref.dataset.journal import Change, locked

    root = path.parent.parent
    with locked(root):
        change = Change(root)
        try:
            change.put(path, data)
            change.commit()
        except BaseException:
            change.abandon()
            raise


def update_entries(path: Path, changes: Mapping[str, Mapping[str, Any]], shown: str) -> bytes:
    """Change entries of the YAML list in ``path`` (a file in a dataset's ``data/``)
    by id (see :func:`updated_text`), read and written under the dataset's lock
    through its journal (:func:`journaled_write`); return the old bytes.

    Raises:
        DataError: the file cannot be read, or the change cannot be made cleanly.
        OSError: the file cannot be written.
    """
    from armsref.dataset.journal import locked

    with locked(path.parent.parent):
        before, original = _read(path, shown)
        journaled_write(path, updated_text(original, changes, shown).encode("utf-8"))
    return before


def keep_if_valid(root: Path, path: Path, before: bytes) -> None:
    """Reload the dataset after a write to ``path``; if it no longer loads, put ``before`` back.

    Review and migrate both end a write this way (under the dataset's lock), so
    that a change which makes the dataset invalid is never left in place.
    """
    from armsref.dataset.loading import clear_cache, load

    try:
        clear_cache()
        load(root)
    except BaseException:
        journaled_write(path, before)
        clear_cache()
        raise
