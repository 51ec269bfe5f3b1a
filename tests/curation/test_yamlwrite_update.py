"""Changing entries by id keeps every other line of the file as the curator wrote it."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from armsref.curation import yamlwrite
from tests.conftest import ROOT

ORIGINAL = (ROOT / "data" / "claims.yaml").read_text(encoding="utf-8")
IDS = ["atacms-1", "tomahawk-1", "tomahawk-2", "eram-1", "atacms-2"]
REASONS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1
).filter(lambda text: text.strip() == text and text.strip())


def _entry_lines(text: str, claim_id: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"- id: {claim_id}")
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("- ")), len(lines))
    return lines[start:end]


@settings(deadline=None, max_examples=60)
@given(st.dictionaries(st.sampled_from(IDS), REASONS, min_size=1))
def test_rejecting_and_accepting_again_gives_the_file_back(reasons: dict[str, str]) -> None:
    changes = {key: {"status": "rejected", "reason": reason} for key, reason in reasons.items()}
    changed = yamlwrite.updated_text(ORIGINAL, changes, "claims.yaml")
    for claim_id in IDS:
        if claim_id not in reasons:
            assert _entry_lines(changed, claim_id) == _entry_lines(ORIGINAL, claim_id)
    entries = {entry["id"]: entry for entry in yaml.safe_load(changed)}
    for claim_id, reason in reasons.items():
        assert (entries[claim_id]["status"], entries[claim_id]["reason"]) == ("rejected", reason)
    back = {key: {"status": "accepted", "reason": yamlwrite.REMOVE} for key in reasons}
    assert yamlwrite.updated_text(changed, back, "claims.yaml") == ORIGINAL
    assert changed.splitlines()[:6] == ORIGINAL.splitlines()[:6]  # the header comments
