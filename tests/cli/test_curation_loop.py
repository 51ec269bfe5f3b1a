"""The whole curation loop through the real command line, in a temporary directory:
init → add-source → review (accept, reject, edit) → verify → table --accepted-only →
disagreements; and every bad input on the way is one line that changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLE = (
    "Kyiv weighs its requests. The ERAM, which has a range of up to 450 kilometers, is on "
    "the list.\n"
    "Officials also discussed the JASSM-ER. The missile has a range of about 925 km.\n"
    "The ATACMS has a range of 500 km, one official said.\n"
)
SECOND = "Another report. The ATACMS has a range of about 400 km.\n"


def armsref(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ARMSREF_DATA"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "armsref", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def refused(result: subprocess.CompletedProcess[str], code: int, message: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("armsref: error: ")


def test_the_whole_loop(tmp_path: Path) -> None:
    shipped = files(ROOT / "data")
    made = armsref(tmp_path, "init", "newsroom")
    assert made.returncode == 0, made.stderr
    work = tmp_path / "newsroom"
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "kyiv.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "second.md").write_text(SECOND, encoding="utf-8")

    # Two documents from a folder, each its own source; run from inside the copy.
    added = armsref(work, "add-source", str(tmp_path / "articles"), "--outlet", "Wire")
    assert added.returncode == 0, added.stderr
    assert added.stdout.count("added source") == 2
    listed = armsref(work / "seeds", "review", "--json")  # found from a folder below
    pending = {entry["id"]: entry for entry in json.loads(listed.stdout)}
    assert sorted(pending) == ["atacms-3", "atacms-4", "eram-2", "jassm-1"]
    assert pending["atacms-3"]["context"]["after"] == ", one official said."
    warned = armsref(work, "verify")
    assert warned.returncode == 0 and warned.stderr.count("not reviewed yet") == 4
    assert armsref(work, "verify", "--strict").returncode == 1

    # Every bad input is one clear line, and nothing changes.
    before = files(work)
    refused(armsref(work, "review", "accept", "atacms-99"), 1, "no claim with id 'atacms-99'")
    refused(armsref(work, "review", "reject", "atacms-3"), 2, "needs a reason, such as --reason")
    refused(
        armsref(work, "review", "edit", "jassm-1", "--value", "950"),
        1,
        "value 950 is not in its quote",
    )
    refused(armsref(work, "table", "--data", str(tmp_path / "nowhere")), 1, "nowhere is not a")
    refused(armsref(tmp_path, "review", "accept", "eram-2"), 1, "armsref init DIR")
    refused(
        armsref(work, "add-source", str(tmp_path / "articles" / "kyiv.txt")),
        1,
        "already in the dataset",
    )
    assert files(work) == before

    # The review: accept one, reject one with a reason, edit one's qualifier.
    assert armsref(work, "review", "accept", "eram-2", "atacms-4").returncode == 0
    rejected = armsref(
        work, "review", "reject", "atacms-3", "--reason", "a figure the official misstated"
    )
    assert rejected.returncode == 0, rejected.stderr
    edited = armsref(
        tmp_path, "--data", str(work), "review", "edit", "jassm-1", "--qualifier", "up_to"
    )
    assert edited.returncode == 0, edited.stderr
    verified = armsref(work, "verify", "--strict")
    assert verified.returncode == 0, verified.stdout
    assert verified.stdout.strip() == "9 claims checked: ok"

    # Only accepted claims, with their ids; the rejected one appears only with --all.
    accepted = armsref(work, "table", "--view", "claims", "--accepted-only", "--json")
    shown = json.loads(accepted.stdout)
    assert {row["status"] for row in shown} == {"accepted"}
    assert [row["id"] for row in shown if row["source"] in {"kyiv", "second"}] == [
        "atacms-4",
        "eram-2",
        "jassm-1",
    ]
    jassm = next(row for row in shown if row["id"] == "jassm-1")
    assert (jassm["qualifier"], jassm["outlet"], jassm["url"]) == ("up_to", "Wire", None)
    text = armsref(work, "table", "--view", "claims", "--accepted-only").stdout
    assert "atacms-3" not in text and "| jassm-1 " in text
    assert (
        "a figure the official misstated"
        in armsref(work, "table", "--view", "claims", "--all").stdout
    )

    # Disagreements, readable: both figures, both quotes, both sources, the reason.
    found = armsref(work, "disagreements", "--system", "atacms")
    assert found.returncode == 0
    assert found.stdout.splitlines()[0] == "ATACMS:"
    assert "  atacms-2: about 186 miles\n" in found.stdout
    assert "  vs atacms-4: about 400 km\n      “The ATACMS has a range of about 400 km”" in (
        found.stdout
    )
    assert "cite as: Wire, n.d., seeds/" in found.stdout
    assert "why: 'about 186 miles' allows 177–195 mi; 'about 400 km' allows 217–280 mi" in (
        found.stdout
    )
    assert "“The ATACMS has a range of 500 km”" not in found.stdout  # rejected: left out
    listed_all = armsref(work, "disagreements", "--all", "--json")
    reasons = [row["why"] for row in json.loads(listed_all.stdout)]
    assert any("'500 km' allows" in r for r in reasons)
    text_all = armsref(work, "disagreements", "--all").stdout
    assert "atacms-3: 500 km [rejected: a figure the official misstated]" in text_all
    # The shipped dataset never changed.
    assert files(ROOT / "data") == shipped


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["extract", "/no/such/file.txt"], 1),
        (["add-source", "/no/such/file.txt"], 1),
        (["show", "no-such-system"], 1),
        (["table", "--unit", "kg"], 2),
        (["table", "--bogus"], 2),
        (["--data", "/no/such/dir", "table"], 1),
    ],
)
def test_one_exit_code_table(tmp_path: Path, argv: list[str], code: int) -> None:
    work = tmp_path / "w"
    assert armsref(tmp_path, "init", str(work)).returncode == 0
    result = armsref(work, *argv)
    assert result.returncode == code, result.stderr
    assert result.stderr.count("error:") == 1
