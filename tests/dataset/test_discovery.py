"""Finding the dataset as git finds a repository; the shipped one is read-only; claim ids."""

from __future__ import annotations

from pathlib import Path

import pytest

import armsref
from armsref.dataset import discovery
from armsref.dataset.claimids import next_id
from armsref.dataset.discovery import locate, shipped_root, writable_root
from armsref.errors import DataError
from tests.editing import edit


def test_explicit_then_environment_then_working_copy_then_shipped(
    dataset_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nested = dataset_dir / "seeds" / "notes"
    nested.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # A parent that holds a dataset is found from any folder below it.
    assert locate(cwd=nested) == discovery.Located(dataset_dir.resolve(), "working copy")
    assert locate(cwd=dataset_dir).how == "working copy"
    # Nothing around: the shipped dataset, read-only.
    found = locate(cwd=elsewhere)
    assert found.shipped and found.root == shipped_root()
    # ARMSREF_DATA wins over the current directory, --data over both.
    monkeypatch.setenv("ARMSREF_DATA", str(dataset_dir))
    assert locate(cwd=elsewhere) == discovery.Located(dataset_dir.resolve(), "ARMSREF_DATA")
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(DataError, match="is not a dataset directory"):
        locate(other, cwd=dataset_dir)


def test_a_missing_directory_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"no-such-dir is not a dataset directory"):
        locate(tmp_path / "no-such-dir")


def test_writes_refuse_the_shipped_dataset(dataset_dir: Path) -> None:
    with pytest.raises(DataError, match="read-only; make a working copy with 'armsref init DIR'"):
        writable_root(None)
    assert writable_root(dataset_dir) == dataset_dir.resolve()


def test_writes_refuse_a_dataset_inside_the_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "armsref"
    installed = package / "_dataset"
    (installed / "data").mkdir(parents=True)
    for name in ("sources.yaml", "systems.yaml", "claims.yaml"):
        (installed / "data" / name).write_text("[]\n")
    monkeypatch.setattr(discovery, "_PACKAGE", package)
    monkeypatch.setattr(discovery, "_INSTALLED", installed)
    with pytest.raises(DataError, match="read-only"):
        writable_root(installed)
    # Standing inside the installed package does not make it a working copy.
    assert locate(cwd=installed / "data").how == "shipped"


def test_new_claim_ids_are_the_next_free_number() -> None:
    assert next_id("atacms", {"atacms-1", "atacms-7", "atacms-x", "eram-9"}) == "atacms-8"
    assert next_id("patriot", []) == "patriot-1"


def test_every_claim_needs_a_unique_id(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[1].pop("id"))
    with pytest.raises(DataError, match=r"entry 2 .*field 'id': is required but missing"):
        armsref.load(dataset_dir)
    armsref.clear_cache()
    edit(dataset_dir, "claims.yaml", lambda entries: entries[1].update(id="atacms-1"))
    with pytest.raises(DataError, match=r"duplicate id 'atacms-1' \(entry 1 has it too\)"):
        armsref.load(dataset_dir)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reviewed": True}, "'reviewed' is no longer read; write 'status: accepted' instead"),
        ({"reviewed": False}, "write 'status: unreviewed' instead"),
        ({"status": "rejected"}, "a rejected claim needs a 'reason'"),
        ({"status": "rejected", "reason": "  "}, "a rejected claim needs a 'reason'"),
        ({"reason": "why not"}, "only a rejected claim has a 'reason'"),
        ({"status": "maybe"}, "Input should be 'accepted', 'unreviewed' or 'rejected'"),
    ],
)
def test_status_is_checked(dataset_dir: Path, change: dict[str, object], message: str) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(change))
    with pytest.raises(DataError, match=r"claims\.yaml: entry 1") as error:
        armsref.load(dataset_dir)
    assert message in str(error.value)


def test_a_rejected_claim_with_a_reason_loads(dataset_dir: Path) -> None:
    reason = "the Taurus's figure, not ATACMS's"
    edit(
        dataset_dir,
        "claims.yaml",
        lambda entries: entries[0].update(status="rejected", reason=reason),
    )
    claim = armsref.load(dataset_dir).claims[0]
    assert (claim.id, claim.status, claim.reason) == ("atacms-1", "rejected", reason)
