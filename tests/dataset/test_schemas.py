"""The data files' JSON Schemas: generated from the models, kept fresh, met by the real data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import armsref
from armsref.dataset.schemas import SCHEMA_FOLDER, data_schemas, main, render, schema_line
from armsref.dataset.strictyaml import read_yaml
from armsref.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "run `python3 -m armsref.dataset.schemas` from the repository's top folder"


def _as_json(value: Any) -> Any:
    """YAML as JSON sees it: dates are their ISO text, as in the YAML language server."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _validator(stem: str) -> Any:
    schema = data_schemas()[stem]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("stem", sorted(data_schemas()))
def test_shipped_schemas_are_fresh(stem: str) -> None:
    path = ROOT / SCHEMA_FOLDER / f"{stem}.schema.json"
    assert path.is_file(), f"{path} is missing: {REGENERATE}"
    assert path.read_text(encoding="utf-8") == render(data_schemas()[stem]), (
        f"{path} is stale (the models changed): {REGENERATE}"
    )


@pytest.mark.parametrize("stem", sorted(data_schemas()))
def test_data_files_name_their_schema_and_meet_it(stem: str) -> None:
    path = ROOT / "data" / f"{stem}.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema_line(path.name)
    named = first.split("$schema=", 1)[1]
    assert (path.parent / named).resolve() == (ROOT / SCHEMA_FOLDER / f"{stem}.schema.json")
    entries = _as_json(read_yaml(path, f"data/{path.name}"))
    problems = [
        f"entry {e.absolute_path[0] if e.absolute_path else '?'}: {e.message}"
        for e in _validator(stem).iter_errors(entries)
    ]
    assert not problems, problems
    assert entries  # not met by being empty


def test_schemas_catch_what_a_curator_gets_wrong() -> None:
    claim = _as_json(read_yaml(ROOT / "data" / "claims.yaml", "claims.yaml"))[0]
    validator = _validator("claims")
    assert validator.is_valid([claim])
    for broken in (
        {**claim, "qualifer": "about"},  # a misspelt field
        {**claim, "qualifier": "roughly"},  # not one of the qualifiers
        {**claim, "status": "reviewed"},
        {**claim, "value": "300"},  # text where a number belongs
        {k: v for k, v in claim.items() if k != "quote"},
    ):
        assert not validator.is_valid([broken]), broken
    source = _as_json(read_yaml(ROOT / "data" / "sources.yaml", "sources.yaml"))[0]
    assert not _validator("sources").is_valid([{**source, "published": "2025-13-45"}])


def test_regenerating_writes_the_same_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "out")]) == 0
    for stem in data_schemas():
        assert (tmp_path / "out" / f"{stem}.schema.json").read_text(encoding="utf-8") == (
            (ROOT / SCHEMA_FOLDER / f"{stem}.schema.json").read_text(encoding="utf-8")
        )
    assert capsys.readouterr().out.count("wrote ") == 4
    assert main(["--help"]) == 2 and main(["a", "b"]) == 2


def test_never_writes_into_the_installed_package(tmp_path: Path) -> None:
    from armsref.dataset.schemas import write_schemas

    inside = Path(armsref.__file__).parent / "schema-test-output"
    with pytest.raises(InputError, match="inside the installed armsref package"):
        write_schemas(inside)
    assert not inside.exists()
