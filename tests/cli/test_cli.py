"""The armsref command: each subcommand, --json, --data, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from armsref.cli import main
from tests.editing import edit

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_table_is_the_main_job(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "table")
    assert code == 0 and err == ""
    assert out.splitlines()[0].startswith("| System")
    assert "about 1,600 km (trump-putin-call-tomahawks)" in out


def test_table_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "table",
        "--view",
        "claims",
        "--unit",
        "mi",
        "--format",
        "grid",
        "--system",
        "tomahawk",
        "--source",
        "trump-putin-call-tomahawks",
    )
    assert code == 0 and out.startswith("+") and "about 995 mi" in out and "ATACMS" not in out
    code, out, _ = run(capsys, "table", "--json", "--unit", "nmi")
    rows = json.loads(out)
    assert [r["system"] for r in rows] == ["atacms", "eram", "tomahawk", "jassm", "patriot"]
    assert set(rows[0]) == {
        "system",
        "name",
        "short",
        "kind",
        "ranges",
        "source_count",
        "converted_unit",
    }


def test_show_card(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "Tomahawks", "--unit", "mi")
    assert code == 0
    assert out.startswith("Tomahawk — Tomahawk Land Attack Missile (tomahawk)")
    assert "BGM-109" in out and "about 995 mi" in out and "above 930 mi" in out
    assert "“The Tomahawk, with a range of about 995 miles (1,600 kilometers)”" in out
    code, out, _ = run(capsys, "show", "jassm")
    assert "no range reported by any source" in out


def test_show_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "eram", "--json")
    assert code == 0
    card = json.loads(out)
    assert list(card) == [
        "id",
        "name",
        "short",
        "kind",
        "origin",
        "designations",
        "aliases",
        "variants",
        "converted_unit",
        "claims",
        "span",
        "disagreements",
        "variant",
    ]
    assert card["claims"][0]["converted_figure"] == "about 460 km"
    assert card["claims"][0]["file"] == "seeds/004_0e120a5187f68c70.txt"


def test_convert(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", "995", "mi", "--to", "km")
    assert code == 0 and out == "995 mi = 1,600 km (exactly 1,601.297 km)\n"
    code, out, _ = run(capsys, "convert", "1,600 km", "--to", "nmi", "--json")
    data = json.loads(out)
    assert data["converted_unit"] == "nmi"
    assert data["converted_value"] == pytest.approx(863.930885)
    assert data["converted_figure"] == "860 nmi"  # 1,600 is stated to two digits
    assert (data["figure"], data["value"], data["unit"]) == ("1,600 km", 1600, "km")


def test_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources")
    assert code == 0 and "cnn-longer-range-missiles" in out and "CNN" in out
    code, out, _ = run(capsys, "sources", "--json")
    data = json.loads(out)
    assert len(data) == 5 and data[4]["system_ids"] == ["atacms", "eram", "tomahawk"]


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (
            ["show", "tomahwak"],
            1,
            "armsref: error: no system named 'tomahwak'; did you mean 'tomahawk'?",
        ),
        (["show", " "], 2, "armsref: error: a system name is required"),
        (
            ["convert", "995", "furlongs", "--to", "km"],
            2,
            "armsref: error: unknown unit 'furlongs'",
        ),
        (["convert", "1,6 km", "--to", "mi"], 2, "armsref: error: '1,6' is ambiguous"),
        (["convert", "5", "nm", "--to", "km"], 2, "write 'nmi'"),
        (["convert", "-300 km", "--to", "mi"], 2, "negative"),
        (["table", "--unit", "kg"], 2, "armsref: error: unit 'kg' is a mass, not a length"),
        (["table", "--format", "fancy"], 2, "armsref: error: unknown table format 'fancy'"),
        (["table", "--source", "nyt"], 1, "armsref: error: no source with id 'nyt'"),
        (["table", "--bogus"], 2, "unrecognized arguments: --bogus"),
        (["table", "--data", "/nonexistent"], 1, "is not a dataset directory"),
    ],
)
def test_errors_are_one_line_with_documented_exit_codes(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    got, _, err = run(capsys, *argv)
    assert got == code
    assert message in err
    assert "Traceback" not in err
    if not message.startswith("unrecognized"):
        assert err.count("\n") == 1


def test_data_option_uses_another_dataset(
    dataset_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(dataset_dir, "systems.yaml", lambda entries: entries[2].update(kind="test kind"))
    code, out, _ = run(capsys, "show", "tomahawk", "--data", str(dataset_dir))
    assert code == 0 and "test kind" in out
    code, out, _ = run(capsys, "table", "--data", str(dataset_dir / "data"))
    assert "test kind" in out


def test_broken_dataset_is_one_line(dataset_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(unit="kg"))
    code, _, err = run(capsys, "table", "--data", str(dataset_dir))
    assert code == 1 and err.count("\n") == 1
    assert "claims.yaml: entry 1 (id 'atacms-1'): field 'unit'" in err


def test_help_on_every_command_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from armsref.cli import COMMANDS

    for name in COMMANDS:
        code, out, _ = run(capsys, name, "--help")
        assert code == 0 and "examples:" in out and "--data" in out, name
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("armsref ")


def test_real_process_and_quiet_broken_pipe(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "armsref", "show", "tomahawk", "--unit", "mi"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0 and "about 995 mi" in result.stdout
    piped = subprocess.run(
        f"'{sys.executable}' -m armsref table --view claims | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert piped.stdout.startswith("| Id ") and piped.stderr == ""
    # A reader that is gone before anything is written: the write fails with EPIPE.
    process = subprocess.Popen(
        [sys.executable, "-m", "armsref", "table"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    with process.stderr:
        error = process.stderr.read()
    assert process.wait() == 0 and error == b""


@pytest.mark.parametrize(
    "argv", [["convert", "995", "mi", "--to", "km"], ["--help"], ["table", "--help"]]
)
def test_help_and_convert_do_not_load_the_dataset(argv: list[str]) -> None:
    # Pint imports dask when it is installed (armsref[dask]), and dask imports yaml:
    # whether the dataset was loaded is told by armsref's own loading module.
    code = (
        f"import sys; from armsref.cli import main; main({argv!r});"
        "print('pydantic' in sys.modules, 'armsref.dataset.loading' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "False False"


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from armsref.cli import COMMANDS

    code, out, _ = run(capsys, "--help")
    assert code == 0
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ")}
    assert set(COMMANDS) <= listed
    code, _, err = run(capsys, "tabel")
    assert code == 2 and "invalid choice: 'tabel'" in err and "'table'" in err


def test_claims_view_ends_with_cite_as_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "table", "--view", "claims", "--system", "tomahawk")
    assert code == 0
    tail = out.split("\ncite as:\n", 1)[1].splitlines()
    assert tail == [
        "  trump-asked-can-you-hit-moscow: n.d., seeds/000_bc19e693dffa449a.txt "
        "(source trump-asked-can-you-hit-moscow)",
        "  trump-putin-call-tomahawks: Technical News, “Trump talks with Putin as he considers "
        "selling long-range missiles to Ukraine – National”, n.d., https://newstoper.xyz/"
        "trump-talks-with-putin-as-he-considers-selling-long-range-missiles-to-ukraine-national",
    ]
    _, tsv, _ = run(capsys, "table", "--view", "claims", "--format", "tsv")
    assert "cite as:" not in tsv


def test_data_before_the_command(capsys: pytest.CaptureFixture[str], dataset_dir: Path) -> None:
    from tests.editing import edit

    edit(dataset_dir, "systems.yaml", lambda entries: entries[0].update(short="ATACMS-X"))
    code, out, _ = run(capsys, "--data", str(dataset_dir), "show", "atacms")
    assert code == 0 and out.startswith("ATACMS-X")
    code, out, _ = run(capsys, f"--data={dataset_dir}", "table", "--system", "atacms")
    assert code == 0 and "ATACMS-X" in out


def test_review_lists_quotes_in_their_sentences(
    capsys: pytest.CaptureFixture[str], dataset_dir: Path
) -> None:
    from tests.editing import edit

    def change(entries: list[dict[str, object]]) -> None:
        entries[0].update(status="unreviewed")
        entries[1].update(status="rejected", reason="not a range")

    edit(dataset_dir, "claims.yaml", change)
    code, out, _ = run(capsys, "review", "--data", str(dataset_dir))
    assert code == 0
    assert out.splitlines() == [
        "atacms-1  atacms: 300 kilometer  (trump-asked-can-you-hit-moscow)",
        "    …[Ukraine has used ATACMS with a 300-kilometer range], but they can't hit Moscow.…",
        "1 to review: armsref review accept ID..., reject ID --reason TEXT, "
        "or edit ID --qualifier Q ...",
    ]
    code, out, _ = run(capsys, "review", "--all", "--json", "--data", str(dataset_dir))
    listed = {entry["id"]: entry for entry in json.loads(out)}
    assert len(listed) == 5
    assert (listed["tomahawk-1"]["status"], listed["tomahawk-1"]["reason"]) == (
        "rejected",
        "not a range",
    )
    assert listed["tomahawk-1"]["context"]["before"] == "Ukrainian requests also included "
