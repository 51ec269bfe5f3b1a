"""The compiled-scanner cache: a poisoned, planted or odd file is never used and never hangs.

Each case runs the real ``armsref scan`` in a subprocess against a cache
folder where the expected database file has been replaced by something
hostile; the scan must still find all five systems, and finish.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from armsref.scanning import dbcache

pytest.importorskip("hyperscan")

TEXT = "ATACMS, ERAM, a Tomahawk, the JASSM and a Patriot battery.\n"
FIVE = ["atacms", "eram", "tomahawk", "jassm", "patriot"]


def scan(cache: Path, document: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "armsref", "scan", "--json", str(document)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "ARMSREF_CACHE_DIR": str(cache)},
    )


def found(result: subprocess.CompletedProcess[str]) -> list[str]:
    import json

    assert result.returncode == 0, result.stderr
    return [system["id"] for system in json.loads(result.stdout)["systems"]]


@pytest.fixture
def primed(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A cache folder with a good database in it, its file, and the document."""
    cache = tmp_path / "cache"
    document = tmp_path / "five.txt"
    document.write_text(TEXT, encoding="utf-8")
    assert found(scan(cache, document)) == FIVE
    (database,) = cache.glob("hyperscan-*.db")
    return cache, database, document


def other_patterns() -> bytes:
    import hyperscan

    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=[b"zzzz"], ids=[0], elements=1, flags=[0])
    return bytes(hyperscan.dumpb(database))


def forged(path: Path) -> None:
    """Other patterns behind the right header (build and probe answer) with a matching digest."""
    import hashlib

    magic, key, answer, *_ = path.read_bytes().split(b"\n", 4)
    body = other_patterns()
    digest = hashlib.sha256(body).hexdigest().encode()
    path.write_bytes(b"\n".join([magic, key, answer, digest, body]))


def _replace(path: Path, make: Callable[[Path], None]) -> None:
    path.unlink()
    make(path)


POISONS: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "random bytes": lambda p: p.write_bytes(os.urandom(4096)),
    "empty": lambda p: p.write_bytes(b""),
    "other patterns, raw": lambda p: p.write_bytes(other_patterns()),
    "other patterns, forged header": forged,
    "symlink to /dev/zero": lambda p: _replace(p, lambda q: q.symlink_to("/dev/zero")),
    "FIFO": lambda p: _replace(p, os.mkfifo),
    "directory": lambda p: _replace(p, lambda q: q.mkdir()),
}


@pytest.mark.parametrize("poison", POISONS, ids=list(POISONS))
def test_a_poisoned_cache_is_never_used(primed: tuple[Path, Path, Path], poison: str) -> None:
    cache, database, document = primed
    POISONS[poison](database)
    assert found(scan(cache, document)) == FIVE
    # And the next run too: a regular poisoned file has been replaced by a good database.
    assert found(scan(cache, document)) == FIVE
    if poison != "directory":
        assert stat.S_ISREG(os.lstat(database).st_mode)
        assert dbcache.load(database, database.read_bytes().split(b"\n")[1].decode())
        assert database.read_bytes().startswith(dbcache.MAGIC)


def test_a_planted_symlink_is_replaced_not_written_through(
    primed: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    cache, database, document = primed
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    database.unlink()
    database.symlink_to(victim)
    assert found(scan(cache, document)) == FIVE
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not database.is_symlink()
    # No predictable temporary name is used: nothing but the database (and the
    # dataset's snapshot) is left.
    assert [p.name for p in cache.iterdir() if p.suffix != ".snapshot"] == [database.name]


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    cache = tmp_path / "new" / "cache"
    document = tmp_path / "five.txt"
    document.write_text(TEXT, encoding="utf-8")
    assert found(scan(cache, document)) == FIVE
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


@pytest.mark.parametrize("kind", ["open to others", "a symlink to a folder"])
def test_a_folder_others_can_write_is_not_used(tmp_path: Path, kind: str) -> None:
    real = tmp_path / "shared"
    real.mkdir()
    if kind == "open to others":
        real.chmod(0o777)
        cache = real
    else:
        real.chmod(0o700)
        cache = tmp_path / "link"
        cache.symlink_to(real)
    assert not dbcache.store(cache / "x.db", "key", b"body", "answer")
    assert list(real.iterdir()) == []
    document = tmp_path / "five.txt"
    document.write_text(TEXT, encoding="utf-8")
    assert found(scan(cache, document)) == FIVE
    assert list(real.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"armsref-scanner-cache 2\n",
        b"armsref-scanner-cache 2\nkey\nanswer\nnot-a-digest\nbody",
        b"armsref-scanner-cache 1\nkey\n"
        + hashlib.sha256(b"body").hexdigest().encode()
        + b"\nbody",
    ],
)
def test_load_refuses_what_it_did_not_write(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    assert dbcache.load(path, "key") is None
