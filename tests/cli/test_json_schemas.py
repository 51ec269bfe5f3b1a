"""Every command's ``--json`` output, run for real, validates against its schema under ``schema/``.

The schemas say ``"additionalProperties": false`` everywhere, so a key added to
a command's output without its schema knowing fails here. :data:`CASES` is the
one table of (command line, schema); a command that takes ``--json`` and has no
row fails :func:`test_every_json_command_has_a_schema`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from armsref.cli import build_parser, main
from tests.editing import edit

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schema"
SEED = "seeds/004_0e120a5187f68c70.txt"

#: A document with a span, a stacked hedge, a second unit, a variant, other systems
#: named and a figure of no known system.
DOCUMENT = (
    "The ATACMS Block IA has a range of up to about 186 miles (300 kilometers), "
    "HIMARS crews said.\n\n"
    "The Tomahawk can strike targets between 1,250 and 2,500 km away.\n\n"
    "A new missile with a range of 500 km was shown at the parade.\n"
)

#: (command line, schema file): every command's --json output, in every shape it has.
#: ``{doc}`` is the document above; the commands run in a working copy (see ``workcopy``).
CASES: list[tuple[list[str], str]] = [
    (["table", "--json"], "table"),
    (["table", "--json", "--all", "--unit", "mi"], "table"),
    (["table", "--view", "claims", "--json", "--all"], "table-claims"),
    (["show", "atacms", "--json", "--all"], "show"),
    (["show", "MIM-104F", "--json"], "show"),
    (["convert", "up to about 995 mi", "--to", "km", "--json"], "convert"),
    (["convert", "70-160", "km", "--to", "mi", "--json"], "convert"),
    (["sources", "--json"], "sources"),
    (["verify", "--json"], "verify"),
    (["verify", "--json", "--strict"], "verify"),
    (["extract", "{doc}", SEED, "--json", "--all"], "extract"),
    (["extract", "{doc}", "--json"], "extract"),
    (["review", "--json"], "review"),
    (["review", "--json", "--all"], "review"),
    (["disagreements", "--json", "--all"], "disagreements"),
    (["scan", "{doc}", SEED, "--json"], "scan"),
    (["scan", "{doc}", "--json", "--mentions"], "scan-mentions"),
    (["scan", "{doc}", "--json", "-C", "1"], "scan-context"),
]


@pytest.fixture
def workcopy(dataset_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A working copy with what the shipped data lacks: a disagreement, a span, a variant,
    a rejected and an unreviewed claim, a figure no quote holds (a verify problem)."""

    def change(entries: list[dict[str, Any]]) -> None:
        entries[3].update(system="atacms")  # eram-1, 285 miles: disagrees with atacms-2
        entries[0].update(variant="block-ia", condition="from a launcher")
        entries[1].update(status="rejected", reason="a test rejection")
        entries[2].update(status="unreviewed", value=1234)
        entries.append(
            {
                **{k: entries[4][k] for k in ("system", "source", "quote")},
                "id": "tomahawk-9",
                "low": 1000,
                "high": 1600,
                "unit": "km",
                "qualifier": "between",
            }
        )

    edit(dataset_dir, "claims.yaml", change)
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    monkeypatch.chdir(dataset_dir)
    return dataset_dir


def _output(argv: list[str], capsys: pytest.CaptureFixture[str], doc: Path) -> list[Any]:
    """The JSON values a command printed: one, or one per line for JSON Lines."""
    code = main([part.replace("{doc}", str(doc)) for part in argv])
    out = capsys.readouterr().out
    assert code in (0, 1), argv  # verify fails on the broken copy: its report is JSON all the same
    lines = out.splitlines()
    assert lines, argv
    return [json.loads(line) for line in lines]


def _validator(name: str) -> Any:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize(("argv", "name"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_real_output_validates_against_its_schema(
    argv: list[str],
    name: str,
    workcopy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    validator = _validator(name)
    values = _output(argv, capsys, tmp_path / "doc.txt")
    for value in values:
        problems = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(value)
        ]
        assert not problems, problems


def test_the_working_copy_exercises_every_shape(
    workcopy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cases above are worth something only if the output holds what the schemas allow."""
    doc = tmp_path / "doc.txt"
    (summary,) = _output(["table", "--json"], capsys, doc)
    assert {"converted_value", "converted_low"} <= {
        k for s in summary for r in s["ranges"] for k in r
    }
    claims = _output(["table", "--view", "claims", "--json", "--all"], capsys, doc)[0]
    assert {"value", "low"} <= {key for row in claims for key in row}
    assert {row["status"] for row in claims} == {"accepted", "unreviewed", "rejected"}
    assert any(row["variant"] for row in claims) and any(row["also"] for row in claims)
    (card,) = _output(["show", "atacms", "--json", "--all"], capsys, doc)
    assert card["disagreements"] and card["span"] and card["variants"]
    assert _output(["disagreements", "--json", "--all"], capsys, doc)[0]
    (found, _seed) = _output(["extract", "{doc}", SEED, "--json", "--all"], capsys, doc)
    assert found["unattributed"] and any("low" in f for f in found["findings"])
    assert any(f["variant"] and f["approximate"] and f["also"] for f in found["findings"])
    (scanned, _seed) = _output(["scan", "{doc}", SEED, "--json"], capsys, doc)
    assert scanned["others"] and scanned["systems"][0]["variant_ids"]
    (report,) = _output(["verify", "--json"], capsys, doc)
    assert report["problems"]
    context = _output(["scan", "{doc}", "--json", "-C", "1"], capsys, doc)
    assert {line["type"] for line in context} == {"match", "context"}


def _json_commands() -> set[str]:
    """Every subcommand (and review's actions) that takes ``--json``."""
    parser = build_parser()
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if any("--json" in option.option_strings for option in sub._actions):
                    found.add(name)
    return found


def test_every_json_command_has_a_schema() -> None:
    covered = {argv[0] for argv, _ in CASES}
    missing = _json_commands() - covered
    assert not missing, f"commands with --json and no row in CASES (and no schema): {missing}"
    assert "scan" in covered and "table" in covered


def test_every_schema_file_is_used_and_valid() -> None:
    used = {name for _, name in CASES}
    # The data files' schemas are under schema/data/ (see tests/dataset/test_schemas.py).
    shipped = {path.name.removesuffix(".schema.json") for path in SCHEMAS.glob("*.schema.json")}
    assert shipped == used
    for name in used:
        _validator(name)


def test_shared_definitions_agree_between_files() -> None:
    """A definition repeated in several files (a claim row, a disagreement) is the same in each."""
    seen: dict[str, tuple[str, object]] = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).get("$defs", {}).items():
            first = seen.setdefault(key, (path.name, value))
            assert first[1] == value, f"$defs/{key} differs between {first[0]} and {path.name}"
