"""The data package validates with frictionless, and a broken reference does not."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import armsref
from armsref.exports.writing import export
from armsref.views.columns import TABLES
from tests.editing import edit
from tests.extras import need


def test_the_package_is_valid_with_types_and_keys(tmp_path: Path) -> None:
    frictionless = need("frictionless")
    export("datapackage", tmp_path / "pkg")
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    assert descriptor["licenses"][0]["name"] == "MIT"
    report = frictionless.validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(str(tmp_path / "pkg" / "datapackage.json"))
    claims = package.get_resource("claims").read_rows()
    eram = next(row for row in claims if row["id"] == "eram-1")
    assert eram["value"] == 285 and eram["approximate"] is False and eram["variant"] is None


def test_a_claim_of_an_unknown_source_fails_validation(tmp_path: Path, dataset_dir: Path) -> None:
    frictionless = need("frictionless")
    export("datapackage", tmp_path / "pkg", dataset=armsref.load(dataset_dir))
    path = tmp_path / "pkg" / "data" / "claims.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    rows[1][3] = "no-such-source"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    report = frictionless.validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_package_values_are_data_not_neutralised(tmp_path: Path, dataset_dir: Path) -> None:
    need("frictionless")
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(condition="-1 @ x"))
    export("datapackage", tmp_path / "pkg", dataset=armsref.load(dataset_dir))
    with (tmp_path / "pkg" / "data" / "claims.csv").open(encoding="utf-8") as stream:
        first = next(iter(csv.DictReader(stream)))
    assert first["condition"] == "-1 @ x"
