"""verify(): every way a figure can fail to be backed by its source is caught and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsref.cli import main
from armsref.curation.verification import verify
from armsref.errors import VerificationError
from tests.editing import edit

TOMAHAWK_004 = "claim tomahawk-2 (tomahawk from trump-putin-call-tomahawks, 'about 995 miles')"


def test_shipped_dataset_verifies_clean() -> None:
    report = verify()
    assert report.ok and report.problems == () and report.checked == 5


def test_missing_source_file(dataset_dir: Path) -> None:
    (dataset_dir / "seeds" / "004_0e120a5187f68c70.txt").unlink()
    report = verify(dataset_dir)
    assert not report.ok
    assert any("trump-putin-call-tomahawks" in p and "cannot be read" in p for p in report.problems)


def test_changed_source_file(dataset_dir: Path) -> None:
    path = dataset_dir / "seeds" / "000_bc19e693dffa449a.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    (problem,) = verify(dataset_dir).problems
    assert "trump-asked-can-you-hit-moscow" in problem and "has changed" in problem


@pytest.mark.parametrize(
    "quote",
    [
        "The Tomahawk, with a range of about 995 miles  (1,600 kilometers)",  # two spaces
        "The Tomahawk, with a range of about 995 miles\n(1,600 kilometers)",  # a line break
        "the Tomahawk, with a range of about 995 miles (1,600 kilometers)",  # case
    ],
)
def test_quote_must_be_verbatim(dataset_dir: Path, quote: str) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[2].update(quote=quote))
    (problem,) = verify(dataset_dir).problems
    assert problem.startswith(TOMAHAWK_004) and "not found verbatim" in problem


def test_value_must_be_in_its_quote(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[2].update(value=996))
    problems = verify(dataset_dir).problems
    assert any("value 996 is not in its quote" in p for p in problems)


def test_unit_must_be_in_its_quote(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[2].update(unit="km"))
    problems = verify(dataset_dir).problems
    assert any("unit 'km' is not in its quote" in p for p in problems)


def test_second_unit_figure_must_agree(dataset_dir: Path) -> None:
    def change(entries: list[dict[str, object]]) -> None:
        entries[2]["also"] = {"value": 1200, "unit": "kilometers"}
        entries[2]["quote"] = entries[2]["quote"]  # unchanged: the quote says 1,600

    edit(dataset_dir, "claims.yaml", change)
    problems = verify(dataset_dir).problems
    assert any(p.startswith(TOMAHAWK_004) and "1,200 kilometers disagrees" in p for p in problems)


def test_same_claim_twice(dataset_dir: Path) -> None:
    edit(
        dataset_dir, "claims.yaml", lambda entries: entries.append({**entries[0], "id": "atacms-9"})
    )
    (problem,) = verify(dataset_dir).problems
    assert (
        problem.startswith("claim atacms-9 (atacms")
        and "recorded already as claim atacms-1" in problem
    )


def test_every_problem_is_reported_not_just_the_first(dataset_dir: Path) -> None:
    def change(entries: list[dict[str, object]]) -> None:
        entries[0]["quote"] = "not in the text"
        entries[3]["value"] = 286

    edit(dataset_dir, "claims.yaml", change)
    problems = verify(dataset_dir).problems
    assert any(p.startswith("claim atacms-1 ") for p in problems)
    assert any(p.startswith("claim eram-1 ") for p in problems)


def test_unreviewed_claims_are_warnings(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[1].update(status="unreviewed"))
    report = verify(dataset_dir)
    assert report.ok
    assert report.warnings == (
        "claim tomahawk-1 (tomahawk from trump-asked-can-you-hit-moscow, "
        "'above 1,500 kilometers'): not reviewed yet",
    )


def test_strict_raises_with_every_problem(dataset_dir: Path) -> None:
    edit(
        dataset_dir,
        "claims.yaml",
        lambda entries: entries[0].update(quote="Ukraine used ATACMS with a 300-kilometer range"),
    )
    with pytest.raises(VerificationError) as caught:
        verify(dataset_dir, strict=True)
    assert len(caught.value.problems) == 1 and "1 problem found" in str(caught.value)


def test_cli_verify_exit_codes(dataset_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify"]) == 0
    assert "5 claims checked: ok" in capsys.readouterr().out
    edit(
        dataset_dir,
        "claims.yaml",
        lambda entries: entries[0].update(quote="Ukraine used ATACMS with a 300-kilometer range"),
    )
    assert main(["verify", "--data", str(dataset_dir)]) == 1
    out = capsys.readouterr().out
    assert "problem: claim atacms-1 (atacms" in out and "1 problem" in out


def test_spelled_and_scaled_numbers_count_as_in_the_quote(dataset_dir: Path) -> None:
    """A figure the extractor reads in words is also one verify finds in its quote."""
    from armsref.curation.verification import check_figures
    from armsref.dataset.loading import load

    def change(entries: list[dict[str, object]]) -> None:
        entries[0].update(
            quote="missiles with a range of three hundred kilometres", unit="kilometres"
        )
        entries[1].update(quote="a reach of 1.5 thousand km", unit="km")

    edit(dataset_dir, "claims.yaml", change)
    assert list(check_figures(load(dataset_dir), {})) == []
