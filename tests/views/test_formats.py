"""Table formats: csv and tsv whole and spreadsheet-safe, html unpadded, text wrapped to a width."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import armsref
from armsref.cli import main
from armsref.views.formats import MIN_WRAP, render
from tests.editing import edit

#: The longest quote of the shipped dataset, longer than the 60 characters once shown.
LONG = "Tomahawk-type cruise missiles with ranges above 1,500 kilometers"


def _formula_quote(root: Path) -> armsref.Dataset:
    """A dataset whose first claim's quote looks like a spreadsheet formula."""
    edit(root, "claims.yaml", lambda entries: entries[0].update(quote='=HYPERLINK("x") 300'))
    return armsref.load(root)


def test_csv_round_trips_whole_with_every_claim(dataset: armsref.Dataset) -> None:
    text = armsref.table("claims", fmt="csv", dataset=dataset)
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == [
        "Id", "System", "Source", "As written", "In km", "Qualifier", "Status", "Quote"
    ]  # fmt: skip
    assert [row[0] for row in parsed[1:]] == [
        "atacms-1", "atacms-2", "eram-1", "tomahawk-1", "tomahawk-2"
    ]  # fmt: skip
    assert LONG in [row[7] for row in parsed] and len(LONG) > 60
    assert parsed[4][3] == "above 1,500 kilometers"  # a comma inside a cell is quoted


def test_a_formula_looking_cell_is_neutralised(dataset_dir: Path) -> None:
    dataset = _formula_quote(dataset_dir)
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        text = armsref.table("claims", fmt=fmt, dataset=dataset)
        parsed = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert parsed[1][7] == '\'=HYPERLINK("x") 300'
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in parsed for cell in row)


def test_tsv_is_unpadded_and_whole(dataset: armsref.Dataset) -> None:
    text = armsref.table("claims", fmt="tsv", dataset=dataset)
    lines = text.splitlines()
    assert lines[1].split("\t")[:3] == ["atacms-1", "atacms", "trump-asked-can-you-hit-moscow"]
    assert not any(cell != cell.strip() for line in lines for cell in line.split("\t"))
    assert any(line.endswith("\t" + LONG) for line in lines)


def test_html_is_unpadded_escaped_and_whole(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(quote="<b>300</b> & km"))
    text = armsref.table("claims", fmt="html", dataset=armsref.load(dataset_dir))
    assert "<td>atacms-1</td><td>atacms</td>" in text and f"<td>{LONG}</td>" in text
    assert "<td>&lt;b&gt;300&lt;/b&gt; &amp; km</td>" in text
    assert "  </t" not in text


def test_json_and_every_other_format_keep_quotes_whole(dataset: armsref.Dataset) -> None:
    from tabulate import tabulate_formats

    for fmt in tabulate_formats:
        assert LONG in armsref.table("claims", fmt=fmt, dataset=dataset), fmt
    assert LONG in [row["quote"] for row in armsref.views.tables.rows("claims")]


def test_text_formats_wrap_the_long_column_to_the_width(dataset: armsref.Dataset) -> None:
    for fmt in ("github", "grid", "simple", "psql"):
        text = armsref.table("claims", fmt=fmt, dataset=dataset, width=120)
        assert max(len(line) for line in text.splitlines()) <= 120, fmt
        words = " ".join(text.split())
        assert all(word in words for word in LONG.split()), fmt
    unwrapped = armsref.table("claims", dataset=dataset)
    assert LONG in unwrapped


def test_a_narrow_width_still_shows_every_word() -> None:
    text = render(["Id", "Quote"], [["a", "one two three four five six seven"]], "grid", width=10)
    widths = {len(line) for line in text.splitlines()}
    assert len(widths) == 1 and widths.pop() >= MIN_WRAP  # too narrow: wrapped at MIN_WRAP
    words = [w for w in text.split() if w.isalpha()]
    assert words == ["Id", "Quote", "a", "one", "two", "three", "four", "five", "six", "seven"]


def test_the_command_line_writes_csv_and_wraps_to_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["table", "--view", "claims", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert list(csv.reader(io.StringIO(out)))[4][7] == LONG and "cite as" not in out
    monkeypatch.setenv("COLUMNS", "130")
    assert main(["table", "--view", "claims"]) == 0
    out = capsys.readouterr().out
    table_lines = out.split("\n\ncite as:")[0].splitlines()
    assert max(len(line) for line in table_lines) <= 130 and len(table_lines) > 7
    monkeypatch.setenv("COLUMNS", "40")  # too narrow to fit: as narrow as it goes, aligned
    assert main(["table", "--view", "claims", "--format", "grid"]) == 0
    table_lines = capsys.readouterr().out.split("\n\ncite as:")[0].splitlines()
    assert len({len(line) for line in table_lines}) == 1
    monkeypatch.delenv("COLUMNS")
    assert main(["table", "--view", "claims", "--json"]) == 0
    assert LONG in [row["quote"] for row in json.loads(capsys.readouterr().out)]
    assert main(["table", "--format", "xlsx"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_sources_csv_is_whole_and_unpadded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--format", "csv"]) == 0
    parsed = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert parsed[0] == ["Id", "Outlet", "Title", "Published", "File", "Claims"]
    title = (
        "Trump talks with Putin as he considers selling long-range missiles to Ukraine – National"
    )
    assert [row[2] for row in parsed if row[0] == "trump-putin-call-tomahawks"] == [title]
    assert all(cell == cell.strip() for row in parsed for cell in row)
