"""``migrate_claims``: an older dataset gets ids and statuses, and nothing else changes."""

from __future__ import annotations

from pathlib import Path

import pytest

import armsref
from armsref.curation.migration import migrate_claims
from armsref.errors import DataError
from tests.cli.test_cli import run

OLD = """\
# Claims, as an older armsref wrote them.
- system: atacms
  source: trump-asked-can-you-hit-moscow
  value: 300
  unit: kilometer
  qualifier: exact
  quote: Ukraine has used ATACMS with a 300-kilometer range
  reviewed: false  # extracted

- system: tomahawk
  source: trump-asked-can-you-hit-moscow
  value: 1500
  unit: kilometers
  qualifier: above
  quote: Tomahawk-type cruise missiles with ranges above 1,500 kilometers

- system: tomahawk
  source: trump-putin-call-tomahawks
  value: 995
  unit: miles
  qualifier: about
  also: {value: 1600, unit: kilometers}
  quote: "The Tomahawk, with a range of about 995 miles (1,600 kilometers)"
  reviewed: true
"""


@pytest.fixture
def old_dataset(dataset_dir: Path) -> Path:
    (dataset_dir / "data" / "claims.yaml").write_text(OLD, encoding="utf-8")
    return dataset_dir


def test_an_old_dataset_is_refused_with_a_way_out(old_dataset: Path) -> None:
    with pytest.raises(DataError, match="'armsref migrate' does it for every claim"):
        armsref.load(old_dataset)


def test_migrate_gives_ids_and_statuses_and_keeps_the_rest(old_dataset: Path) -> None:
    migrated = migrate_claims(old_dataset)
    assert migrated.ids == ("atacms-1", "tomahawk-1", "tomahawk-2")
    assert migrated.statuses == 3
    text = (old_dataset / "data" / "claims.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Claims, as an older armsref wrote them.\n- id: atacms-1\n")
    assert "  status: unreviewed # extracted\n\n- id: tomahawk-1\n" in text
    assert '  quote: "The Tomahawk, with a range of about 995 miles (1,600 kilometers)"\n' in text
    claims = armsref.load(old_dataset).claims
    assert [(c.id, c.status) for c in claims] == [
        ("atacms-1", "unreviewed"),
        ("tomahawk-1", "accepted"),  # no key meant reviewed: true
        ("tomahawk-2", "accepted"),
    ]
    # Once is enough: a second run changes nothing.
    assert migrate_claims(old_dataset).ids == ()
    assert (old_dataset / "data" / "claims.yaml").read_text(encoding="utf-8") == text


def test_migrate_from_the_command_line(
    capsys: pytest.CaptureFixture[str], old_dataset: Path
) -> None:
    code, out, _ = run(capsys, "migrate", "--data", str(old_dataset))
    assert (code, out) == (0, "gave 3 claims an id; 3 a status\n")
    code, out, _ = run(capsys, "migrate", "--data", str(old_dataset))
    assert (code, out) == (0, "nothing to migrate: every claim has an id and a status\n")
    code, out, _ = run(capsys, "show", "tomahawk", "--data", str(old_dataset))
    assert code == 0 and "tomahawk-2" in out


def test_migrate_never_writes_the_shipped_dataset() -> None:
    with pytest.raises(DataError, match="armsref init DIR"):
        migrate_claims()
