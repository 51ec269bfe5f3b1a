"""The user's cache folder, and files in it that cannot lie or be abused.

armsref keeps two kinds of files between runs: compiled scanner databases
(:mod:`armsref.scanning.dbcache`) and validated snapshots of a dataset
(:mod:`armsref.dataset.snapshot`). Both live in ``ARMSREF_CACHE_DIR`` if set
(empty: no cache at all), else in ``$XDG_CACHE_HOME/armsref`` or
``~/.cache/armsref``.

Files are opened without following a symlink and without blocking, and only a
regular file is read (a FIFO, a device such as ``/dev/zero`` or a folder in
its place is ignored). A new file is written to a fresh ``mkstemp`` name
(``O_EXCL``, mode 0600) and renamed into place, which replaces a planted
symlink rather than writing through it. The folder is created with mode 0700,
and a folder that is a symlink, not ours, or open to others is not used.
Failing to cache never fails a command: every function here answers ``None``
or ``False`` instead of raising ``OSError``.

Examples:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "cache"
    >>> write_private(folder / "x.bin", [b"head\\n", b"body"])
    True
    >>> read_private(folder / "x.bin", limit=100), read_private(folder / "y.bin", limit=100)
    (b'head\\nbody', None)
    >>> oct(folder.stat().st_mode & 0o777)
    '0o700'
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

__all__ = ["ENV_VAR", "cache_path", "read_private", "usable_folder", "write_private"]

#: The environment variable naming the cache folder (empty: no cache).
ENV_VAR = "ARMSREF_CACHE_DIR"


def cache_path(name: str) -> Path | None:
    """Where the cached file ``name`` is kept between runs, or ``None`` for nowhere.

    Examples:
        >>> saved = os.environ.get("ARMSREF_CACHE_DIR")
        >>> os.environ["ARMSREF_CACHE_DIR"] = "/tmp/armsref-cache"
        >>> str(cache_path("x.db"))
        '/tmp/armsref-cache/x.db'
        >>> os.environ["ARMSREF_CACHE_DIR"] = ""
        >>> cache_path("x.db") is None
        True
        >>> _ = os.environ.pop("ARMSREF_CACHE_DIR")
        >>> if saved is not None:
        ...     os.environ["ARMSREF_CACHE_DIR"] = saved
    """
    folder = os.environ.get(ENV_VAR)
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "armsref")
    return Path(folder) / name if folder else None


def usable_folder(folder: Path) -> bool:
    """Create ``folder`` 0700 if missing; use it only if it is a real folder of ours, private."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file at ``path``, or ``None``.

    ``None`` when the file is missing, a symlink, not a regular file,
    unreadable, or larger than ``limit`` bytes.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_NOCTTY
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None  # missing, a symlink, unreadable
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def write_private(path: Path, chunks: Iterable[bytes]) -> bool:
    """Write ``chunks`` to ``path`` atomically, in a private folder; whether it was kept."""
    import tempfile  # only a process that writes pays for it (it imports random, shutil)

    folder = path.parent
    if not usable_folder(folder):
        return False
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True
