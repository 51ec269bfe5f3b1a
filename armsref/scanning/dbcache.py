"""The on-disk cache of compiled scanner databases: one that cannot lie or be abused.

A cached database is a file of four lines and a body::

    armsref-scanner-cache 2
    <sha256 of what it was built from: the names, how they are planned, engine version, machine>
    <what the database answered to a probe text when it was compiled>
    <sha256 of the body>
    <the compiled database>

It is used only if the header names exactly the build wanted and the body's
digest matches, and then only if the loaded database answers the probe as
the one compiled did (see :mod:`armsref.scanning.engine`); anything else
(truncated, random bytes, a database of other patterns behind a forged
header, an older format) is compiled afresh and replaced, never used.
Files are opened without following a symlink and without blocking, and only a
regular file is read (a FIFO, a device such as ``/dev/zero`` or a folder in
its place is ignored). A new file is written to a fresh ``mkstemp`` name
(``O_EXCL``, mode 0600) and renamed into place, which replaces a planted
symlink rather than writing through it. The folder is created with mode 0700,
and a folder that is a symlink, not ours, or open to others is not used.
Failing to cache never fails a scan.

Examples:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "cache"
    >>> store(folder / "x.db", "key", b"body", "1,2")
    True
    >>> load(folder / "x.db", "key"), load(folder / "x.db", "other")
    ((b'body', '1,2'), None)
    >>> oct(folder.stat().st_mode & 0o777)
    '0o700'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["MAGIC", "MAX_DATABASE", "build_key", "load", "store"]

MAGIC = b"armsref-scanner-cache 2\n"
#: The largest cached database read (far above any real one).
MAX_DATABASE = 64 << 20


def build_key(*parts: object) -> str:
    """The digest of everything a database was built from."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _usable_folder(folder: Path) -> bool:
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


def load(path: Path, key: str) -> tuple[bytes, str] | None:
    """The database body cached at ``path`` for ``key`` and its probe answer, or ``None``.

    ``None`` when the file is missing, not a regular file, or cannot be trusted.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_NOCTTY
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None  # missing, a symlink, unreadable
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_DATABASE + 256:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_DATABASE + 256)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    header = MAGIC + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    probe, newline, rest = data[len(header) :].partition(b"\n")
    digest, newline_too, body = rest.partition(b"\n")
    if not (newline and newline_too) or hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    try:
        return body, probe.decode("ascii")
    except UnicodeDecodeError:
        return None


def store(path: Path, key: str, body: bytes, probe: str) -> bool:
    """Keep ``body`` (and its ``probe`` answer) at ``path`` for ``key``.

    Returns whether it was kept; never raises ``OSError``.
    """
    folder = path.parent
    if not _usable_folder(folder):
        return False
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + key.encode() + b"\n" + probe.encode("ascii") + b"\n")
            stream.write(hashlib.sha256(body).hexdigest().encode() + b"\n")
            stream.write(body)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True
