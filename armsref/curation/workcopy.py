"""``init_dataset``: a working copy of the shipped dataset, for a curator to edit.

The dataset shipped with armsref is read-only (see
:mod:`armsref.dataset.discovery`); curating starts from a copy of its ``data/``
and ``seeds/`` in a directory of one's own, with its ``schema/`` (the JSON
Schemas each data file's first line names, for a curator's editor; see
:mod:`armsref.dataset.schemas`). The copy is made in a hidden
folder inside the target and moved into place only when whole, so a failed or
interrupted ``init`` leaves no half dataset behind. Files get ordinary
permissions, whatever the installed ones were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from armsref.errors import DataError, DuplicateError, InputError

__all__ = ["init_dataset"]

_PARTS = ("data", "seeds")
#: Copied too where the shipped dataset has it: the schemas the data files name.
_OPTIONAL = ("schema",)


def _copy(source: Path, target: Path) -> None:
    """Copy a folder's visible files and folders, with fresh permissions."""
    target.mkdir()
    for entry in sorted(source.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            _copy(entry, target / entry.name)
        else:
            shutil.copyfile(entry, target / entry.name)


def init_dataset(target: str | os.PathLike[str]) -> Path:
    """Copy the shipped dataset (``data/``, ``seeds/`` and ``schema/``) into ``target``.

    ``target`` may exist (it must then hold none of them); its parent must.

    Returns:
        The new dataset directory, resolved.

    Raises:
        DuplicateError: ``target`` already holds ``data/``, ``seeds/`` or ``schema/``.
        InputError: ``target`` is a file.
        DataError: its parent does not exist, or it cannot be written.
    """
    from armsref.dataset.discovery import shipped_root

    given = Path(target).expanduser()
    if given.exists() and not given.is_dir():
        raise InputError(f"{given}: exists and is not a directory")
    if not given.parent.is_dir():
        raise DataError(f"{given.parent}: no such directory; nothing was created")
    source = shipped_root()
    parts = (*_PARTS, *(part for part in _OPTIONAL if (source / part).is_dir()))
    taken = [part for part in parts if (given / part).exists()]
    if taken:
        raise DuplicateError(
            f"{given} already holds {taken[0]}/; nothing was changed "
            "(choose an empty or new directory)"
        )
    created = not given.exists()
    try:
        given.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".armsref-init-", dir=given))
        try:
            for part in parts:
                _copy(source / part, staging / part)
            for part in parts:
                os.replace(staging / part, given / part)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        for part in parts:
            shutil.rmtree(given / part, ignore_errors=True)
        if created:
            shutil.rmtree(given, ignore_errors=True)
        raise DataError(f"cannot create a dataset in {given} ({error.strerror})") from None
    return given.resolve()
