"""Reading files safely: regular files only, in bounded memory, with one clear message.

Every file armsref reads whole (dataset YAML, the documents ``extract`` and
``add-source`` are given, the seeds ``verify`` checks) is opened through
:func:`open_regular`: without blocking on a FIFO, and refused unless it is a
regular file, so a FIFO, a device (``/dev/zero``), a socket or a folder in its
place is an error, never a hang. Whole reads are capped at
:data:`MAX_DOCUMENT` bytes; larger documents are refused, not read.

Examples:
    >>> text_of(b"ATACMS", "a.txt")
    'ATACMS'
    >>> text_of("ATACMS".encode("utf-16"), "a.txt")
    Traceback (most recent call last):
    ...
    armsref.errors.DocumentError: a.txt: is UTF-16 text; armsref reads UTF-8: convert it first
"""

from __future__ import annotations

import hashlib
import os
import stat
from typing import BinaryIO

from armsref.errors import DocumentError

__all__ = [
    "MAX_DOCUMENT",
    "is_utf16",
    "kind_of",
    "open_regular",
    "read_limited",
    "refuse_binary",
    "sha256_of",
    "text_of",
]

#: The largest document (or dataset file) read whole: 32 MiB.
MAX_DOCUMENT = 32 << 20
_BLOCK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file that is not regular is, in words."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str | os.PathLike[str], shown: str | None = None) -> BinaryIO:
    """Open a regular file for reading, never blocking on a FIFO or device.

    Raises:
        DocumentError: missing, unreadable, or not a regular file; the message
            starts with ``shown`` (default: the path).
    """
    name = shown if shown is not None else os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory, not a text file") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot be read ({error.strerror})") from None
    except ValueError:  # a NUL in the name: no file can have it
        raise DocumentError(f"{name!r}: no such file (the name holds a NUL character)") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise DocumentError(f"{name}: is {kind_of(mode)}, not a regular file")
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def read_limited(stream: BinaryIO, shown: str, limit: int = MAX_DOCUMENT) -> bytes:
    """Read at most ``limit`` bytes; a longer stream is refused, having read ``limit + 1``.

    Raises:
        DocumentError: the stream holds more than ``limit`` bytes, or cannot be read.
    """
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        try:
            block = stream.read(min(_BLOCK, limit + 1 - total))
        except OSError as error:
            raise DocumentError(f"{shown}: cannot be read ({error.strerror})") from None
        if not block:
            return b"".join(chunks)
        chunks.append(block)
        total += len(block)
    raise DocumentError(
        f"{shown}: larger than {limit >> 20} MiB, the most armsref reads as one document"
    )


def refuse_binary(head: bytes, shown: str) -> None:
    """Refuse a document whose first 8 KiB (``head``) say UTF-16 or binary, saying which."""
    if is_utf16(head):
        raise DocumentError(f"{shown}: is UTF-16 text; armsref reads UTF-8: convert it first")
    nul = head.find(b"\0", 0, 8192)
    if nul >= 0:
        raise DocumentError(
            f"{shown}: looks binary (a NUL byte at offset {nul}); expected UTF-8 text"
        )


def text_of(data: bytes, shown: str) -> str:
    """The UTF-8 text of a document's bytes, or a :class:`DocumentError` saying why not."""
    refuse_binary(data, shown)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{shown}: not UTF-8 text (byte {error.start} cannot be decoded); "
            "convert it to UTF-8 first"
        ) from None


def is_utf16(data: bytes) -> bool:
    """Whether ``data`` starts as UTF-16: a byte-order mark, or ASCII and NULs by turns."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:4096]
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) > 0.9 * len(odd) and even.count(0) == 0) or (
        even.count(0) > 0.9 * len(even) and odd.count(0) == 0
    )


def sha256_of(stream: BinaryIO) -> tuple[str, int]:
    """The sha256 of everything left in ``stream`` and its length, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    size = 0
    while block := stream.read(_BLOCK):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size
