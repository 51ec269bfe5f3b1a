"""The validated snapshot: used only for the very files it was made from, never a wrong answer."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import armsref
from armsref.dataset import snapshot
from armsref.dataset.loading import clear_cache, data_files, load, load_validated
from armsref.dataset.lookup import NameIndex
from armsref.errors import DataError
from tests.editing import edit


def snapshot_of(root: Path) -> Path:
    (found,) = Path(os.environ["ARMSREF_CACHE_DIR"]).glob(
        f"dataset-{hashlib.sha256(str(root).encode()).hexdigest()[:32]}.snapshot"
    )
    return found


def wanted(root: Path) -> str:
    found = snapshot.key(data_files(root))
    assert found is not None
    return found


def fresh(root: Path) -> armsref.Dataset:
    """The dataset as a new process would load it."""
    clear_cache()
    return load(root)


def same(one: armsref.Dataset, other: armsref.Dataset) -> None:
    """Field for field, with the same fields set, the same hashes, relatives reached alike."""
    assert one is not other and one == other
    for name in ("sources", "systems", "claims", "others"):
        for a, b in zip(getattr(one, name), getattr(other, name), strict=True):
            assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
            assert a.model_fields_set == b.model_fields_set
            assert list(a.__dict__) == list(b.__dict__)
            assert type(a.__dict__.get("published")) is type(b.__dict__.get("published"))
    for a, b in zip(one.systems, other.systems, strict=True):
        assert a.claims == b.claims and a.sources == b.sources
        assert all(c.system_record is a for c in a.claims)


@pytest.fixture
def dated(dataset_dir: Path) -> Path:
    """A dataset whose sources have dates, so that every kind of field goes through JSON."""

    def date_them(sources: list[dict[str, object]]) -> None:
        sources[0]["published"] = dt.date(2025, 10, 12)
        sources[0]["retrieved"] = dt.date(2025, 10, 13)

    edit(dataset_dir, "sources.yaml", date_them)
    return dataset_dir


def test_a_snapshot_builds_the_records_validation_builds(dated: Path) -> None:
    validated = load(dated)
    assert snapshot_of(dated).read_bytes().startswith(snapshot.MAGIC)
    built = snapshot.load(dated, wanted(dated))
    assert built is not None
    same(built, validated)
    assert built.sources[0].published == dt.date(2025, 10, 12)
    assert any(claim.also is not None for claim in built.claims)
    assert any(system.variants for system in built.systems)
    assert built.others and NameIndex(built).search("tomahwak")


def test_a_new_process_uses_the_snapshot_without_yaml_or_validators(tmp_path: Path) -> None:
    env = {**os.environ, "ARMSREF_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys, armsref\n"
        "from armsref.dataset.models import RangeClaim\n"
        "print(armsref.get('tomahawk').claims[1].shown_in('mi'), 'yaml' in sys.modules,"
        " type(RangeClaim.__pydantic_validator__).__name__)\n"
    )
    first, second = (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout.split()
        for _ in range(2)
    )
    assert first[-2:] == ["True", "SchemaValidator"]  # validated: YAML read, validators built
    assert second[-2:] == ["False", "MockValSer"]  # from the snapshot: neither
    assert first[:-2] == second[:-2] == ["about", "995", "mi"]


def _rewrite(path: Path, body: bytes, digest: bytes | None = None) -> None:
    magic, key, _, _ = path.read_bytes().split(b"\n", 3)
    digest = digest or hashlib.sha256(body).hexdigest().encode()
    path.write_bytes(b"\n".join([magic, key, digest, body]))


def _other_body(path: Path) -> None:
    body = json.loads(path.read_bytes().split(b"\n", 3)[3])
    body["claims"][0]["value"] = 1.0
    _rewrite(path, json.dumps(body).encode(), digest=path.read_bytes().split(b"\n")[2])


def _unbuildable(path: Path) -> None:
    body = json.loads(path.read_bytes().split(b"\n", 3)[3])
    body["claims"][0]["no such field"] = 1
    _rewrite(path, json.dumps(body).encode())


def _swap(path: Path, make: Callable[[Path], None]) -> None:
    path.unlink()
    make(path)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "random bytes": lambda p: p.write_bytes(os.urandom(4096)),
    "empty": lambda p: p.write_bytes(b""),
    "an older format": lambda p: p.write_bytes(
        p.read_bytes().replace(b"snapshot 1", b"snapshot 0")
    ),
    "another key": lambda p: p.write_bytes(p.read_bytes().replace(b"\n", b"\n0", 1)),
    "a changed body, the old digest": _other_body,
    "a body that does not build": _unbuildable,
    "not JSON": lambda p: _rewrite(p, b"\xff{not json"),
    "symlink to /dev/zero": lambda p: _swap(p, lambda q: q.symlink_to("/dev/zero")),
    "FIFO": lambda p: _swap(p, os.mkfifo),
    "directory": lambda p: _swap(p, lambda q: q.mkdir()),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_snapshot_is_ignored_and_replaced(dated: Path, damage: str) -> None:
    validated = load(dated)
    path = snapshot_of(dated)
    DAMAGE[damage](path)
    assert snapshot.load(dated, wanted(dated)) is None
    same(fresh(dated), validated)
    if damage != "directory":
        assert snapshot.load(dated, wanted(dated)) is not None


def test_one_changed_byte_is_validated_again(dataset_dir: Path) -> None:
    load(dataset_dir)
    claims = dataset_dir / "data" / "claims.yaml"
    text = claims.read_bytes()
    claims.write_bytes(text.replace(b"qualifier: about", b"qualifier: abouT", 1))
    with pytest.raises(DataError, match="qualifier"):
        fresh(dataset_dir)
    claims.write_bytes(text.replace(b"value: 995", b"value: 996", 1))
    assert fresh(dataset_dir).system("tomahawk").claims[1].value == 996
    claims.write_bytes(text)
    assert fresh(dataset_dir).system("tomahawk").claims[1].value == 995


def test_a_file_outside_the_dataset_is_refused_with_a_snapshot_too(dataset_dir: Path) -> None:
    load(dataset_dir)
    seeds = dataset_dir / "seeds"
    seeds.rename(dataset_dir.parent / "elsewhere")
    seeds.symlink_to(dataset_dir.parent / "elsewhere")
    with pytest.raises(DataError, match="outside the dataset directory"):
        fresh(dataset_dir)


def test_verify_validates_whatever_the_snapshot_says(dataset_dir: Path) -> None:
    real = load(dataset_dir)
    path = snapshot_of(dataset_dir)
    body = json.loads(path.read_bytes().split(b"\n", 3)[3])
    del body["claims"][0]  # a snapshot of other data behind the right key and digest
    _rewrite(path, json.dumps(body).encode())
    assert len(fresh(dataset_dir).claims) == len(real.claims) - 1  # load trusts its cache
    clear_cache()
    report = armsref.verify(dataset_dir)
    assert report.ok and report.checked == len(real.claims)
    same(load(dataset_dir), real)  # and the snapshot verify kept is of the files


def test_no_cache_folder_no_snapshot(dataset_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARMSREF_CACHE_DIR", "")
    first = load(dataset_dir)
    same(fresh(dataset_dir), first)
    assert snapshot.load(dataset_dir, wanted(dataset_dir)) is None
    assert load_validated(dataset_dir) == first


def test_code_that_cannot_be_stamped_uses_no_snapshot(
    dataset_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load(dataset_dir)
    monkeypatch.setattr(snapshot, "_PACKAGE", dataset_dir / "no such package")
    snapshot._code_stamp.cache_clear()
    try:
        assert snapshot.key(data_files(dataset_dir)) is None
        same(fresh(dataset_dir), first)
    finally:
        snapshot._code_stamp.cache_clear()
