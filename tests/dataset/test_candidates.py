"""search() and suggestions through the candidate index answer as scoring every name did."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

import armsref
from armsref.dataset.candidates import Candidates
from armsref.dataset.keys import name_key
from armsref.dataset.lookup import SEARCH_AT, SUGGEST_AT, NameIndex, closeness

ROOT = Path(__file__).resolve().parents[2]


def every_key_search(index: NameIndex, text: str, limit: int = 5) -> list[str]:
    """What search() answered before the index: every key scored."""
    wanted = name_key(text)
    scores: dict[str, float] = {}
    for key, found in index._by_key.items():
        score = closeness(wanted, key)
        scores[found.system.id] = max(score, scores.get(found.system.id, 0.0))
    ranked = sorted(
        (item for item in scores.items() if item[1] >= SEARCH_AT),
        key=lambda item: (-item[1], item[0]),
    )
    return [system_id for system_id, _ in ranked[:limit]]


def every_key_suggest(index: NameIndex, text: str, limit: int = 3) -> list[str]:
    wanted = name_key(text)
    scored = sorted(
        ((closeness(wanted, key), label) for key, label in index._labels.items()),
        key=lambda item: (-item[0], item[1]),
    )
    return list(dict.fromkeys(label for score, label in scored if score >= SUGGEST_AT))[:limit]


def queries(index: NameIndex, count: int, seed: int = 5) -> list[str]:
    """Misspellings, pieces and runs of letters of the dataset's own names, and noise."""
    rng = random.Random(seed)
    names = sorted(index._labels.values())
    found = ["a", "s", "xq", "tomahwak", "jasm", "army tactical", "zzzz", "é", "x" * 300]
    for _ in range(count):
        name = rng.choice(names)
        at = rng.randrange(len(name))
        cut = rng.randrange(1, len(name) + 1)
        found += [
            name[:at] + name[at + 1 :],  # a letter dropped
            name[:at] + rng.choice("aeiouqxkz") + name[at:],  # a letter added
            name[:at] + name[at + 1 : at + 2] + name[at : at + 1] + name[at + 2 :],  # swapped
            name[:cut],  # a prefix
            name[at:cut] or name,  # a piece
            "".join(rng.choice("abcdeiklmnoqrstvxyz") for _ in range(rng.randrange(2, 14))),
            name + " " + rng.choice(names),  # longer than any name
        ]
    return [q for q in found if name_key(q)]


def test_the_shipped_names_answer_as_before() -> None:
    index = NameIndex(armsref.load())
    for text in queries(index, 60):
        assert [s.id for s in index.search(text)] == every_key_search(index, text), text
        assert index.suggest(text) == every_key_suggest(index, text), text


def test_hundreds_of_made_up_names_answer_as_before(tmp_path: Path) -> None:
    script = ROOT / "benchmarks" / "synthetic_dataset.py"
    subprocess.run([sys.executable, str(script), "100", str(tmp_path / "d")], check=True)
    index = NameIndex(armsref.load(tmp_path / "d"))
    assert len(index._by_key) > 400
    for text in queries(index, 15):
        assert [s.id for s in index.search(text)] == every_key_search(index, text), text
        assert index.suggest(text) == every_key_suggest(index, text), text


# Thresholds from SEARCH_AT up: below it, closeness() answers a text longer than a key
# with a bound on the ratio, not the ratio (a bound under every threshold it is used with).
@pytest.mark.parametrize("at", [SEARCH_AT, SUGGEST_AT, 0.7, 0.95])
def test_no_key_left_out_could_have_reached_the_threshold(at: float) -> None:
    keys = ["tomahawk", "tomahawks", "jassm", "jassmer", "patriot", "pac3", "mim104", "abc"]
    near = Candidates(keys)
    rng = random.Random(7)
    for _ in range(2000):
        wanted = "".join(rng.choice("tomahwkjsapric3m104b") for _ in range(rng.randrange(1, 12)))
        left_out = set(keys) - {key for _, key in near.near(wanted, at)}
        assert all(closeness(wanted, key) < at for key in left_out), wanted
