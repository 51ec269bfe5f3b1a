"""Shared fixtures: the shipped dataset, and a private copy of it to break."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import armsref
from armsref.dataset.loading import clear_cache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def _compiled_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests' runs keep compiled scanner databases: never the user's own cache."""
    return tmp_path_factory.mktemp("armsref-cache")


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch, _compiled_cache: Path) -> Iterator[None]:
    """Every test starts from the shipped dataset, read afresh, whatever ARMSREF_DATA says."""
    monkeypatch.delenv("ARMSREF_DATA", raising=False)
    monkeypatch.setenv("ARMSREF_CACHE_DIR", str(_compiled_cache))
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def dataset() -> armsref.Dataset:
    """The shipped dataset."""
    return armsref.load()


@pytest.fixture
def dataset_dir(tmp_path: Path) -> Path:
    """A copy of the shipped dataset directory (data/ and seeds/) that a test may change."""
    root = tmp_path / "dataset"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root
