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
The file is read and written as :mod:`armsref.dataset.usercache` reads and
writes every cached file: no symlink followed, only a regular file read, written
atomically in a private folder. Failing to cache never fails a scan.

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

import hashlib
from pathlib import Path

from armsref.dataset.usercache import read_private, write_private

__all__ = ["MAGIC", "MAX_DATABASE", "build_key", "load", "store"]

MAGIC = b"armsref-scanner-cache 2\n"
#: The largest cached database read (far above any real one).
MAX_DATABASE = 64 << 20


def build_key(*parts: object) -> str:
    """The digest of everything a database was built from."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def load(path: Path, key: str) -> tuple[bytes, str] | None:
    """The database body cached at ``path`` for ``key`` and its probe answer, or ``None``.

    ``None`` when the file is missing, not a regular file, or cannot be trusted.
    """
    data = read_private(path, MAX_DATABASE + 256)
    if data is None:
        return None
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
    header = MAGIC + key.encode() + b"\n" + probe.encode("ascii") + b"\n"
    return write_private(path, [header, hashlib.sha256(body).hexdigest().encode() + b"\n", body])
