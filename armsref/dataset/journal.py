"""Changing a dataset directory whole or not at all: its lock and its write-ahead journal.

A dataset is several files (``data/*.yaml`` and the documents under
``seeds/``) that only make sense together. Every change goes through a
:class:`Change`:

1. **Lock.** The writer takes an exclusive ``flock`` on the ``data/`` folder
   itself (no lock file is left behind). Readers (:func:`reading`) take a
   shared one, so they never see half a change. A second writer waits up to
   ``ARMSREF_LOCK_TIMEOUT`` seconds (default 60) and then gives up with a
   :class:`~armsref.errors.DataError` that says so; once it has the lock it
   reads the dataset afresh and so sees the first writer's result.
2. **Stage.** Each new file's bytes are written to a hidden temporary file
   beside its target (created with ``O_EXCL``) and fsynced.
3. **Commit.** The journal, ``data/.armsref-journal.json``, listing every
   ``staged -> target`` rename, is written and renamed into place atomically.
   From this moment the change is decided.
4. **Apply.** Each staged file is renamed over its target, the folders are
   fsynced, and the journal is removed.

SIGINT, SIGTERM and SIGHUP are held back from the commit to the end of the
apply (a few milliseconds), so only ``kill -9`` or a power cut can stop a
change there. Whatever stops it, the next process that opens the dataset
(any command, or :func:`armsref.load`) finds the journal and completes the
renames (:func:`recover`); a change stopped before its commit leaves only
hidden staged files, which are removed. Either way no reader ever sees a
half-made change.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from armsref.errors import DataError

__all__ = ["JOURNAL", "STAGED", "Change", "fsync_folder", "locked", "reading", "recover"]

#: The journal's name inside ``data/``.
JOURNAL = ".armsref-journal.json"
#: What the names of staged files end with.
STAGED = ".armsref-staged"
_TIMEOUT_VAR = "ARMSREF_LOCK_TIMEOUT"
_DEFAULT_TIMEOUT = 60.0
_HELD_SIGNALS = {
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
}
#: The dataset folders this process holds a lock on, and how (``"ex"`` or ``"sh"``).
_HELD: dict[Path, str] = {}


def _timeout() -> float:
    text = os.environ.get(_TIMEOUT_VAR, "")
    try:
        value = float(text) if text else _DEFAULT_TIMEOUT
    except ValueError:
        value = _DEFAULT_TIMEOUT
    return value if value >= 0 else _DEFAULT_TIMEOUT


def _flock(descriptor: int, operation: int, root: Path) -> None:
    """Take a lock, polling until ``ARMSREF_LOCK_TIMEOUT`` runs out."""
    import fcntl

    limit = _timeout()
    deadline = time.monotonic() + limit
    pause = 0.005
    while True:
        try:
            fcntl.flock(descriptor, operation | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            raise DataError(
                f"{root}: another armsref process is changing this dataset; gave up waiting "
                f"after {limit:g} s (set {_TIMEOUT_VAR} to wait longer); nothing was changed"
            )
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


@contextlib.contextmanager
def _lock(root: Path, exclusive: bool) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no flock here (Windows): the journal still makes changes whole
        yield
        return
    data = root / "data"
    held = _HELD.get(data)
    if held == "ex" or (held == "sh" and not exclusive):
        yield  # this process holds it already
        return
    if held == "sh":
        raise DataError(f"{root}: cannot change the dataset while reading it")
    try:
        descriptor = os.open(data, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise DataError(f"{data}: cannot be opened ({error.strerror})") from None
    try:
        try:
            _flock(descriptor, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH, root)
        except OSError as error:  # a file system without locks (some network mounts)
            if exclusive:
                raise DataError(
                    f"{data}: cannot be locked for writing ({error.strerror}); nothing was changed"
                ) from None
            yield  # a reader reads unlocked, as it would anywhere else
            return
        _HELD[data] = "ex" if exclusive else "sh"
        try:
            yield
        finally:
            del _HELD[data]
    finally:
        os.close(descriptor)  # closing releases the lock


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the dataset's exclusive lock, after completing any interrupted change."""
    with _lock(root, exclusive=True):
        recover(root)
        yield


@contextlib.contextmanager
def reading(root: Path) -> Iterator[None]:
    """Hold the dataset's shared lock while reading it, after completing any interrupted change."""
    data = root / "data"
    if not data.is_dir():
        yield  # the loader says what is missing
        return
    if (data / JOURNAL).exists() or _leftovers(root):
        with locked(root):
            pass
    with _lock(root, exclusive=False):
        yield


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable; quietly nothing where folders cannot be synced."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _inside(root: Path, name: object) -> Path:
    if not isinstance(name, str) or os.path.isabs(name) or ".." in Path(name).parts:
        raise DataError(f"{root / 'data' / JOURNAL}: not an armsref journal; move it away")
    return root / name


def recover(root: Path) -> bool:
    """Complete an interrupted change, or clear the remains of one never committed.

    Call with the exclusive lock held. Returns whether a journal was found.
    """
    data = root / "data"
    journal = data / JOURNAL
    found = journal.exists()
    if found:
        try:
            moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
            pairs = [(_inside(root, a), _inside(root, b)) for a, b in moves]
        except (OSError, ValueError, KeyError, TypeError):
            raise DataError(f"{journal}: not an armsref journal; move it away") from None
        folders = {data, root / "seeds"}
        for staged, target in pairs:
            # Only staged files, into data/ or seeds/, beside their targets.
            if not staged.name.endswith(STAGED) or {staged.parent, target.parent} - folders:
                raise DataError(f"{journal}: not an armsref journal; move it away")
            if staged.parent != target.parent:
                raise DataError(f"{journal}: not an armsref journal; move it away")
        try:
            for staged, target in pairs:
                if staged.exists():
                    os.replace(staged, target)
            for folder in {target.parent for _, target in pairs} | {data}:
                fsync_folder(folder)
            journal.unlink()
        except OSError as error:
            raise DataError(
                f"{root}: an interrupted change could not be completed ({error.strerror}); "
                "run armsref again as a user who can write to the dataset"
            ) from None
        fsync_folder(data)
    for leftover in _leftovers(root):
        with contextlib.suppress(OSError):
            leftover.unlink()
    return found


def _leftovers(root: Path) -> list[Path]:
    """Staged files of a change that never committed."""
    found: list[Path] = []
    for folder in (root / "data", root / "seeds"):
        with contextlib.suppress(OSError):
            found += folder.glob(f".*{STAGED}")
    return found


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Change:
    """One change to a dataset: files staged, then committed together.

    Use only inside :func:`locked`. Examples:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> (root / "data").mkdir()
        >>> with locked(root):
        ...     change = Change(root)
        ...     change.put(root / "data" / "a.yaml", b"- id: a\\n")
        ...     change.commit()
        >>> (root / "data" / "a.yaml").read_bytes()
        b'- id: a\\n'
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._moves: list[tuple[Path, Path]] = []

    def put(self, target: Path, data: bytes) -> None:
        """Stage ``data`` to replace (or create) ``target``, keeping its permission bits.

        A new file gets 0644 less the process's umask.
        """
        kept = target.stat().st_mode & 0o7777 if target.exists() else None
        mode = 0o644 if kept is None else kept
        staged = target.with_name(f".{target.name}.{os.getpid()}{STAGED}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()  # a leftover of this same pid, under the lock
        try:
            descriptor = os.open(staged, flags, mode)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if kept is not None:
                os.chmod(staged, kept)
        except BaseException:
            staged.unlink(missing_ok=True)
            self.abandon()
            raise
        self._moves.append((staged, target))

    def abandon(self) -> None:
        """Remove every staged file; the dataset is left as it was."""
        for staged, _ in self._moves:
            staged.unlink(missing_ok=True)
        self._moves.clear()

    def commit(self) -> None:
        """Write the journal, then apply every staged file; signals wait until it is done."""
        data = self.root / "data"
        journal = data / JOURNAL
        record = json.dumps(
            {
                "version": 1,
                "moves": [
                    [str(a.relative_to(self.root)), str(b.relative_to(self.root))]
                    for a, b in self._moves
                ],
            }
        ).encode()
        with _signals_held():
            try:
                staged = data / f".journal.{os.getpid()}{STAGED}"
                descriptor = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(record)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(staged, journal)
                fsync_folder(data)
            except BaseException:
                staged.unlink(missing_ok=True)
                if not journal.exists():
                    self.abandon()
                raise
            # Committed: from here on the change is completed, now or by the next process.
            recover(self.root)
        self._moves.clear()
