"""An export written beside its target and renamed into place: whole or not at all.

:func:`staged` yields a fresh temporary file (or folder) in the target's own
folder; when the block ends without an error it is renamed onto the target,
in one step for a file (``os.replace``). A folder that replaces an existing
one is swapped in by two renames, the old one removed after. On an error, or
when the process is killed, the target is as it was; a killed process may
leave a hidden ``.NAME.*`` temporary beside it, never a half-written target.

An existing target is refused (:class:`~armsref.errors.DuplicateError`) unless
``force`` is given, and a file never replaces a folder or the reverse.

Examples:
    >>> import tempfile, pathlib
    >>> where = pathlib.Path(tempfile.mkdtemp())
    >>> with staged(where / "out.txt", force=False) as temp:
    ...     _ = temp.write_text("whole", encoding="utf-8")
    >>> (where / "out.txt").read_text(encoding="utf-8"), sorted(p.name for p in where.iterdir())
    ('whole', ['out.txt'])
    >>> with staged(where / "out.txt", force=False) as temp:
    ...     pass
    Traceback (most recent call last):
    ...
    armsref.errors.DuplicateError: ... already exists; give --force (force=True) to replace it
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from armsref.errors import DuplicateError, InputError

__all__ = ["check_target", "staged"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(target: Path, *, folder: bool, force: bool) -> None:
    """Refuse a target that exists (unless ``force``), is of the other kind, or has no folder.

    Raises:
        DuplicateError: the target exists and ``force`` is not given.
        InputError: the target's folder is missing, or the target is a folder
            where a file is written (or the reverse).
    """
    if not target.parent.is_dir():
        raise InputError(f"{target}: no such folder {str(target.parent)!r}")
    if not (target.exists() or target.is_symlink()):
        return
    if not force:
        raise DuplicateError(f"{target}: already exists; give --force (force=True) to replace it")
    if target.is_dir() and not target.is_symlink() and not folder:
        raise InputError(f"{target}: is a folder; this format writes a file")
    if folder and not target.is_dir():
        raise InputError(f"{target}: is not a folder; this format writes a folder")


@contextlib.contextmanager
def staged(target: str | os.PathLike[str], *, force: bool, folder: bool = False) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to, renamed onto it when the block ends.

    Args:
        target: the file or folder to write.
        force: replace an existing target.
        folder: write a folder (default: a file).
    """
    path = Path(target)
    check_target(path, folder=folder, force=force)
    prefix = f".{path.name}."
    if folder:
        temp = Path(tempfile.mkdtemp(prefix=prefix, dir=path.parent))
        os.chmod(temp, 0o777 & ~_umask())
    else:
        handle, name = tempfile.mkstemp(prefix=prefix, dir=path.parent)
        os.close(handle)
        temp = Path(name)
        os.chmod(temp, 0o666 & ~_umask())
    try:
        yield temp
        if folder and path.is_dir():
            old = Path(tempfile.mkdtemp(prefix=prefix, dir=path.parent))
            os.replace(path, old / path.name)
            os.replace(temp, path)
            shutil.rmtree(old)
        else:
            os.replace(temp, path)
    except BaseException:
        if temp.is_dir():
            shutil.rmtree(temp, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
