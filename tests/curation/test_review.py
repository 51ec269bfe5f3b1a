"""Reviewing claims: accept, reject, edit; verify respects the curator; refusals change nothing."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

import armsref
from armsref.curation import yamlwrite
from armsref.curation.review import (
    accept_claims,
    claim_by_id,
    context,
    edit_claim,
    reject_claim,
)
from armsref.curation.verification import verify
from armsref.errors import DataError, InputError, UnknownClaimError, UnknownSystemError
from tests.editing import edit


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def claims_text(root: Path) -> str:
    return (root / "data" / "claims.yaml").read_text(encoding="utf-8")


def unreviewed(root: Path) -> None:
    edit(root, "claims.yaml", lambda entries: [e.update(status="unreviewed") for e in entries])


def test_accept_changes_only_the_status_lines(dataset_dir: Path) -> None:
    before = claims_text(dataset_dir)
    text = before.replace("status: accepted", "status: unreviewed")
    (dataset_dir / "data" / "claims.yaml").write_text(text, encoding="utf-8")
    accept_claims(["eram-1", "atacms-2"], data=dataset_dir)
    after = claims_text(dataset_dir)
    changed = [
        (old, new)
        for old, new in zip(text.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [("  status: unreviewed", "  status: accepted")] * 2
    statuses = {c.id: c.status for c in armsref.load(dataset_dir).claims}
    assert statuses["eram-1"] == statuses["atacms-2"] == "accepted"
    assert statuses["tomahawk-1"] == "unreviewed"
    assert len(verify(dataset_dir).warnings) == 3


def test_reject_keeps_the_claim_as_a_record_and_verify_stays_green(dataset_dir: Path) -> None:
    reason = "a distance between places, not a range"
    reject_claim("tomahawk-1", reason, data=dataset_dir)
    claim = claim_by_id(armsref.load(dataset_dir), "tomahawk-1")
    assert (claim.status, claim.reason) == ("rejected", reason)
    assert f"  status: rejected\n  reason: {reason}\n\n- id: tomahawk-2" in claims_text(dataset_dir)
    report = verify(dataset_dir)
    assert report.ok and report.warnings == ()
    # A rejected claim is no longer part of the span.
    assert str(armsref.load(dataset_dir).system("tomahawk").range_span()) == "1,600 km"


def test_deleting_a_claim_is_still_a_problem_but_rejecting_is_not(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries.pop(3))
    (problem,) = verify(dataset_dir).problems
    assert "extract finds eram 'about 285 miles' that data/ lacks" in problem


def test_an_edited_claim_still_stands_for_its_figure(dataset_dir: Path) -> None:
    edited = edit_claim("atacms-1", qualifier="up_to", variant="MGM-140A", data=dataset_dir)
    assert edited.changes == {"qualifier": "up_to", "variant": "block-i"}
    claim = claim_by_id(armsref.load(dataset_dir), "atacms-1")
    assert (claim.qualifier, claim.variant, claim.status) == ("up_to", "block-i", "accepted")
    assert verify(dataset_dir).ok
    # Removing the variant again: an empty value removes the field.
    edit_claim("atacms-1", variant="", data=dataset_dir)
    assert claim_by_id(armsref.load(dataset_dir), "atacms-1").variant is None
    assert "variant" not in claims_text(dataset_dir)


def test_edit_a_condition_and_remove_it(dataset_dir: Path) -> None:
    edit_claim("tomahawk-2", condition="launched from a ship", data=dataset_dir)
    claim = claim_by_id(armsref.load(dataset_dir), "tomahawk-2")
    assert claim.condition == "launched from a ship" and verify(dataset_dir).ok
    edit_claim("tomahawk-2", condition="", data=dataset_dir)
    assert claim_by_id(armsref.load(dataset_dir), "tomahawk-2").condition is None


def test_edit_the_system_by_any_name_and_the_id_stays(dataset_dir: Path) -> None:
    edit_claim("tomahawk-1", system="JASSM-ER", data=dataset_dir)
    claim = claim_by_id(armsref.load(dataset_dir), "tomahawk-1")
    assert (claim.id, claim.system) == ("tomahawk-1", "jassm")
    assert verify(dataset_dir).ok


def test_edit_value_and_unit_are_checked_against_the_quote(dataset_dir: Path) -> None:
    before = snapshot(dataset_dir)
    with pytest.raises(DataError, match=r"value 350 is not in its quote.*nothing was changed"):
        edit_claim("atacms-1", value=350, data=dataset_dir)
    with pytest.raises(DataError, match="unit 'mi' is not in its quote"):
        edit_claim("atacms-1", unit="mi", data=dataset_dir)
    with pytest.raises(DataError, match="second figure 1,600 kilometers disagrees"):
        edit_claim("tomahawk-2", unit="kilometers", data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_an_edit_that_duplicates_a_claim_is_refused(dataset_dir: Path) -> None:
    edit(
        dataset_dir,
        "claims.yaml",
        lambda entries: entries.append(
            {**copy.deepcopy(entries[4]), "id": "atacms-9", "qualifier": "exact"}
        ),
    )
    before = snapshot(dataset_dir)
    with pytest.raises(DataError, match="'atacms-2' records the same figure already"):
        edit_claim("atacms-9", qualifier="about", data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_edit_that_cannot_be_valid_is_a_usage_error(dataset_dir: Path) -> None:
    before = snapshot(dataset_dir)
    with pytest.raises(InputError, match="say what to change"):
        edit_claim("atacms-1", data=dataset_dir)
    with pytest.raises(InputError, match=r"claim 'atacms-1': .*'between' figure needs"):
        edit_claim("atacms-1", qualifier="between", data=dataset_dir)
    with pytest.raises(UnknownSystemError, match="'taurus'"):
        edit_claim("atacms-1", system="taurus", data=dataset_dir)
    with pytest.raises(InputError, match=r"ATACMS has no variant 'ER' .*its variants: block-i"):
        edit_claim("atacms-1", variant="ER", data=dataset_dir)
    with pytest.raises(InputError, match="ERAM has no variant 'Block IA'"):
        edit_claim("atacms-1", system="eram", variant="Block IA", data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_unknown_ids_and_missing_reasons_change_nothing(dataset_dir: Path) -> None:
    before = snapshot(dataset_dir)
    with pytest.raises(UnknownClaimError, match="no claim with id 'atacms-9'; did you mean"):
        accept_claims(["atacms-1", "atacms-9"], data=dataset_dir)
    with pytest.raises(UnknownClaimError):
        reject_claim("nope", "why", data=dataset_dir)
    with pytest.raises(InputError, match="needs a reason"):
        reject_claim("atacms-1", " ", data=dataset_dir)
    with pytest.raises(InputError, match="at least one claim id"):
        accept_claims([], data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_the_shipped_dataset_is_never_written(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    before = snapshot(ROOT / "data")
    with pytest.raises(DataError, match="armsref init DIR"):
        accept_claims(["atacms-1"])
    with pytest.raises(DataError, match="armsref init DIR"):
        reject_claim("atacms-1", "why")
    with pytest.raises(DataError, match="armsref init DIR"):
        edit_claim("atacms-1", qualifier="up_to")
    assert snapshot(ROOT / "data") == before


def test_a_read_only_working_copy_is_refused(
    dataset_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = str(dataset_dir / "data" / "claims.yaml")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: real(p, mode) and str(p) != claims)
    before = snapshot(dataset_dir)
    with pytest.raises(DataError, match="not writable; nothing was changed"):
        reject_claim("atacms-1", "why", data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_a_write_that_breaks_the_dataset_is_undone(
    dataset_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(dataset_dir)

    def broken(path: Path, changes: object, shown: str) -> bytes:
        old = path.read_bytes()
        yamlwrite.atomic_write(path, old + b"- not: a claim\n")
        return old

    monkeypatch.setattr(yamlwrite, "update_entries", broken)
    with pytest.raises(DataError):
        accept_claims(["atacms-1"], data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_context_is_the_sentence_around_the_quote(dataset: armsref.Dataset) -> None:
    before, quote, after = context(claim_by_id(dataset, "atacms-1"))
    assert (before, quote, after) == (
        "",
        "Ukraine has used ATACMS with a 300-kilometer range",
        ", but they can't hit Moscow.",
    )


def test_update_keeps_comments_and_blank_lines(dataset_dir: Path) -> None:
    path = dataset_dir / "data" / "claims.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  status: accepted\n\n- id: eram-1",
        "  status: accepted  # checked\n# note\n\n- id: eram-1",
    )
    changed = yamlwrite.updated_text(
        text, {"tomahawk-2": {"status": "rejected", "reason": "x"}}, "c"
    )
    assert "  status: rejected  # checked\n  reason: x\n# note\n\n- id: eram-1" in changed
    back = yamlwrite.updated_text(
        changed, {"tomahawk-2": {"status": "accepted", "reason": yamlwrite.REMOVE}}, "c"
    )
    assert back == text
    with pytest.raises(DataError, match="no entry has id 'nope'"):
        yamlwrite.updated_text(text, {"nope": {"status": "accepted"}}, "c")


def test_strict_verify_fails_on_unreviewed_claims(dataset_dir: Path) -> None:
    unreviewed(dataset_dir)
    assert verify(dataset_dir).ok
    strict = verify(dataset_dir, require_review=True)
    assert not strict.ok and len(strict.problems) == 5 and strict.warnings == ()


def test_an_html_source_is_reviewed_as_its_visible_text(dataset_dir: Path, tmp_path: Path) -> None:
    from armsref.curation.intake import add_source

    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>Officials met. The <b>ATACMS</b> can strike targets up to "
        "<em>300</em> km away, they said.</p></body></html>",
        encoding="utf-8",
    )
    (claim,) = add_source(page, data=dataset_dir).claims
    loaded = claim_by_id(armsref.load(dataset_dir), claim["id"])
    before, quote, after = context(loaded)
    assert "<" not in before + quote + after and quote in before + quote + after
    assert after == ", they said."
    edit_claim(claim["id"], qualifier="exact", data=dataset_dir)
    assert verify(dataset_dir).ok
