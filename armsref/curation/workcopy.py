"""``init_dataset``: a working copy of the shipped dataset, for a curator to edit.

The dataset shipped with armsref is read-only (see
:mod:`armsref.dataset.discovery`); curating starts from a copy of its ``data/``
and ``seeds/`` in a directory of one's own. The copy is made in a hidden
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
    """Copy the shipped dataset (``data/`` and ``seeds/``) into ``target``.

    ``target`` may exist (it must then hold neither ``data/`` nor ``seeds/``);
    its parent must.

    Returns:
        The new dataset directory, resolved.

    Raises:
        DuplicateError: ``target`` already holds ``data/`` or ``seeds/``.
        InputError: ``target`` is a file.
        DataError: its parent does not exist, or it cannot be written.
    """
    from armsref.dataset.discovery import shipped_root

    given = Path(target).expanduser()
    if given.exists() and not given.is_dir():
        raise InputError(f"{given}: exists and is not a directory")
    if not given.parent.is_dir():
        raise DataError(f"{given.parent}: no such directory; nothing was created")
    taken = [part for part in _PARTS if (given / part).exists()]
    if taken:
        raise DuplicateError(
            f"{given} already holds {taken[0]}/; nothing was changed "
            "(choose an empty or new directory)"
        )
    source = shipped_root()
    created = not given.exists()
    try:
        given.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".armsref-init-", dir=given))
        try:
            for part in _PARTS:
                _copy(source / part, staging / part)
            for part in _PARTS:
                os.replace(staging / part, given / part)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        for part in _PARTS:
            shutil.rmtree(given / part, ignore_errors=True)
        if created:
            shutil.rmtree(given, ignore_errors=True)
        raise DataError(f"cannot create a dataset in {given} ({error.strerror})") from None
    return given.resolve()
