"""The first line of each data file names its schema, and every writer keeps it there."""

from __future__ import annotations

from pathlib import Path

import armsref
from armsref.curation.migration import migrate_claims
from armsref.curation.workcopy import init_dataset
from armsref.dataset.loading import DATA_FILES, OTHERS_FILE
from armsref.dataset.schemas import schema_line
from tests.curation.test_migration import OLD


def _first(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def _lines_kept(root: Path) -> None:
    for name in (*DATA_FILES, OTHERS_FILE):
        assert _first(root / "data" / name) == schema_line(name), name


def test_init_copies_the_schemas_the_lines_name(tmp_path: Path) -> None:
    root = init_dataset(tmp_path / "copy")
    _lines_kept(root)
    for name in (*DATA_FILES, OTHERS_FILE):
        named = _first(root / "data" / name).split("$schema=", 1)[1]
        assert (root / "data" / named).is_file(), named


def test_review_and_add_source_keep_the_line(dataset_dir: Path, tmp_path: Path) -> None:
    before = (dataset_dir / "data" / "claims.yaml").read_text(encoding="utf-8")
    armsref.reject_claim("atacms-1", "a test rejection", data=dataset_dir)
    armsref.edit_claim("tomahawk-1", qualifier="at_least", data=dataset_dir)
    _lines_kept(dataset_dir)
    after = (dataset_dir / "data" / "claims.yaml").read_text(encoding="utf-8")
    assert after.splitlines()[:8] == before.splitlines()[:8]  # the header, as written
    article = tmp_path / "article.txt"
    article.write_text("The ERAM has a range of up to 450 kilometers.\n", encoding="utf-8")
    added = armsref.add_source(str(article), id="new-article", data=dataset_dir)
    assert added.claims
    armsref.accept_claims([added.claims[0]["id"]], data=dataset_dir)
    _lines_kept(dataset_dir)
    assert armsref.verify(dataset_dir).ok


def test_migrate_keeps_the_line(dataset_dir: Path) -> None:
    path = dataset_dir / "data" / "claims.yaml"
    path.write_text(schema_line("claims.yaml") + "\n" + OLD, encoding="utf-8")
    migrate_claims(dataset_dir)
    assert _first(path) == schema_line("claims.yaml")
    assert armsref.load(dataset_dir).claims[0].id == "atacms-1"
