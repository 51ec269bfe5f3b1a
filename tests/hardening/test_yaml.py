"""Strict YAML: every hostile dataset file is one DataError naming file, entry and field.

Each case edits one line of a copy of the shipped dataset as a curator (or an
adversary) might, and pins the message. A hypothesis strategy then writes
hostile YAML documents and entries and asserts that loading ends in a
``DataError`` with a message, or a valid dataset, and never anything else.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import armsref
from armsref.dataset.loading import clear_cache, read_yaml
from armsref.dataset.strictyaml import load_text
from armsref.errors import DataError


def with_line(root: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` line fragment in data/<name> with ``new``."""
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_message(root: Path) -> str:
    clear_cache()
    with pytest.raises(DataError) as caught:
        armsref.load(root)
    return str(caught.value)


# (file, text replaced, replacement, what the one-line message must say)
CASES = [
    # Scalars PyYAML cannot build: a traceback before.
    (
        "sources.yaml",
        'published: null  # "July 4"',
        'published: 2025-13-45  # "July 4"',
        r"sources.yaml: line \d+: field 'published': '2025-13-45' cannot be read as a timestamp "
        r"\(month must be in 1..12\); quote it if it is text",
    ),
    (
        "claims.yaml",
        "value: 300",
        "value: 0x_",
        r"claims.yaml: line \d+: field 'value': '0x_' cannot be read as an integer",
    ),
    (
        "claims.yaml",
        "  quote: Ukraine",
        "  quote: 2025-02-30\n  xquote: Ukraine",
        r"claims.yaml: line \d+: field 'quote': '2025-02-30' cannot be read as a timestamp",
    ),
    (
        "sources.yaml",
        'published: null  # "July 4"',
        'published: 2025-02-30 25:61:00  # "July 4"',
        r"sources.yaml: line \d+: field 'published': .* cannot be read as a timestamp",
    ),
    # YAML-only types where a field does not take them: silently accepted before.
    (
        "claims.yaml",
        "value: 300",
        "value: true",
        r"claims.yaml: entry 1 \(atacms from trump-asked-can-you-hit-moscow\): field 'value': "
        r"True \(a YAML boolean, as true/false/yes/no/on/off are\) where a number belongs",
    ),
    ("claims.yaml", "value: 300", "value: yes", r"field 'value': True \(a YAML boolean"),
    ("claims.yaml", "value: 300", "value: 'off'", r"field 'value': text 'off' where a number"),
    (
        "claims.yaml",
        "value: 300",
        "value: '300'",
        r"field 'value': text '300' where a number belongs; write the number unquoted",
    ),
    (
        "claims.yaml",
        "value: 300",
        "value: 2025-01-01",
        r"field 'value': a date \(2025-01-01\) where a number belongs",
    ),
    (
        "claims.yaml",
        "value: 300",
        "value: 5:00",
        r"field 'value': text '5:00' where a number belongs",
    ),
    (
        "claims.yaml",
        "unit: kilometer",
        "unit: 2025-01-01",
        r"field 'unit': a date \(2025-01-01\) where text belongs; quote it if it is text",
    ),
    (
        "claims.yaml",
        "  qualifier: exact\n",
        "  qualifier: no\n",
        r"field 'qualifier': False \(a YAML boolean, as true/false/yes/no/on/off are\) where text",
    ),
    (
        "sources.yaml",
        "outlet: ",
        "outlet: on\n  xoutlet: ",
        r"field 'outlet': True \(a YAML boolean",
    ),
    ("systems.yaml", "kind: ", "kind: 2020-02-02\n  xkind: ", r"field 'kind': a date"),
    (
        "claims.yaml",
        "  qualifier: exact\n",
        "  qualifier: exact\n  reviewed: 'yes'\n",
        r"field 'reviewed': text 'yes' where true or false belongs",
    ),
    # A key twice in one entry: the last one silently won before.
    (
        "claims.yaml",
        "  value: 300\n",
        "  value: 300\n  value: 3000\n",
        r"claims.yaml: line (\d+): field 'value': appears twice in one entry \(line \d+ too\)",
    ),
    (
        "sources.yaml",
        "  sha256: ",
        "  id: other\n  sha256: ",
        r"sources.yaml: line \d+: field 'id': appears twice in one entry",
    ),
    (
        "claims.yaml",
        "also: {value: 1600, unit: kilometers}",
        "also: {value: 1600, unit: kilometers, unit: miles}",
        r"field 'unit': appears twice",
    ),
]


def _id(case: tuple[str, str, str, str]) -> str:
    return f"{case[0]}:{case[2].strip()[:30]}"


@pytest.mark.parametrize(("name", "old", "new", "message"), CASES, ids=[_id(c) for c in CASES])
def test_each_hostile_edit_is_one_clear_data_error(
    dataset_dir: Path, name: str, old: str, new: str, message: str
) -> None:
    with_line(dataset_dir, name, old, new)
    found = load_message(dataset_dir)
    assert re.search(message, found), found
    assert "\n" not in found


@pytest.mark.parametrize(
    ("alias", "other"),
    [
        ("Tomahawks", "tomahawk"),
        ("TOMAHAWK'S", "tomahawk"),
        ("Toma-hawk", "tomahawk"),
        ("ＴＯＭＡＨＡＷＫ", "tomahawk"),  # full-width letters: NFKC
        ("patriots", "patriot"),
        ("BGM 109s", "tomahawk"),
        ("Army Tactical Missile System's", "atacms"),
    ],
)
def test_an_alias_that_clashes_once_normalised_is_refused(
    dataset_dir: Path, alias: str, other: str
) -> None:
    path = dataset_dir / "data" / "systems.yaml"
    text = path.read_text(encoding="utf-8")
    # The first flow list of aliases after "id: jassm" gets the alias first.
    at = text.index("\n  aliases: [", text.index("- id: jassm")) + len("\n  aliases: [")
    path.write_text(text[:at] + json.dumps(alias) + ", " + text[at:], encoding="utf-8")
    found = load_message(dataset_dir)
    # Reported at whichever of the two systems comes second in the file.
    assert re.search(r"systems.yaml: entry \d \(id '(jassm|patriot)'\): field '\w+': ", found)
    assert f"is also a name of system '{'jassm' if other == 'patriot' else other}'" in found
    assert "a name may belong to one system only" in found


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  value: 300\n", "  value: 1e307\n", "value"),
        ("  value: 300\n", "  value: 1.0e+306\n", "value"),
        (
            "also: {value: 1600, unit: kilometers}",
            "also: {value: 1e306, unit: kilometers}",
            "also.value",
        ),
    ],
)
def test_a_figure_too_large_for_some_unit_is_refused(
    dataset_dir: Path, old: str, new: str, field: str
) -> None:
    # 1e307 km is infinite in feet: it would crash every table shown in feet.
    with_line(dataset_dir, "claims.yaml", old, new)
    found = load_message(dataset_dir)
    assert f"field '{field}': " in found and "is too large to show in every length unit" in found


def test_an_exponent_without_a_dot_is_a_number_as_a_curator_means(dataset_dir: Path) -> None:
    with_line(dataset_dir, "claims.yaml", "  value: 300\n", "  value: 3e2\n")
    clear_cache()
    assert armsref.load(dataset_dir).claims[0].value == 300


def test_the_shipped_names_do_not_clash() -> None:
    assert len(armsref.load().systems) == 5


def test_the_command_line_gives_one_line_not_a_traceback(dataset_dir: Path) -> None:
    with_line(dataset_dir, "sources.yaml", "published: null", "published: 2025-13-45")
    for command in (["table"], ["verify"], ["sources"], ["show", "atacms"], ["scan", "-"]):
        result = subprocess.run(
            [sys.executable, "-m", "armsref", *command, "--data", str(dataset_dir)],
            capture_output=True,
            text=True,
            input="",
            timeout=60,
            check=False,
        )
        assert result.returncode == 1, command
        assert result.stderr.startswith("armsref: error: ") and "2025-13-45" in result.stderr
        assert len(result.stderr.splitlines()) == 1


# --- hypothesis: hostile YAML never escapes as anything but a DataError ---------------------

SCALARS = st.sampled_from(
    [
        "2025-13-45",
        "2025-02-30",
        "0x_",
        "0o9",
        "1:30",
        "1_000",
        ".inf",
        "-.nan",
        "~",
        "null",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "1e400",
        "-0",
        "0b2",
        "'unclosed",
        '"\\xZZ"',
        "!!binary x",
        "!!python/object:os.system x",
        "&a 1",
        "*a",
        "[1, 2",
        "{a: 1",
        "|",
        ">-",
        "@x",
        "`x",
        "2001-12-14t21:59:43.10-05:00",
        "2025-10-16",
        "12345678901234567890123",
        "%TAG",
        "- - -",
        "'300'",
        "300",
        "1,600",
        "? x",
        "=",
        "<<: *a",
        "!!str 5",
        "!!int x",
        "!!float y",
        "!!set {a}",
        "!!timestamp 2025-99-99",
        "!!omap [a: 1]",
        "\t",
        "\\u0000",
    ]
)
KEYS = st.sampled_from(
    [
        "id",
        "file",
        "value",
        "low",
        "high",
        "unit",
        "quote",
        "published",
        "system",
        "source",
        "qualifier",
        "also",
        "reviewed",
        "aliases",
        "sha256",
        "<<",
        "? complex",
        "1",
        "true",
        "id",
    ]
)


@st.composite
def hostile_entries(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        keys = draw(st.lists(KEYS, min_size=1, max_size=6))
        body = [f"  {key}: {draw(SCALARS)}" for key in keys]
        lines.append("-" + body[0][1:])
        lines.extend(body[1:])
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(hostile_entries(), st.text(max_size=80)))
def test_hostile_yaml_is_a_data_error_or_a_value(text: str) -> None:
    try:
        load_text(text, "f.yaml")
    except DataError as error:
        assert str(error).startswith("f.yaml: ")
    except Exception as error:  # the loader's own errors are worded by read_yaml
        import yaml

        assert isinstance(error, yaml.YAMLError), repr(error)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(["sources.yaml", "claims.yaml", "systems.yaml"]), text=hostile_entries()
)
def test_a_hostile_dataset_file_is_a_data_error_naming_it(
    dataset_dir: Path, name: str, text: str
) -> None:
    path = dataset_dir / "data" / name
    original = path.read_bytes()
    try:
        path.write_text(text, encoding="utf-8")
        clear_cache()
        with pytest.raises(DataError) as caught:
            armsref.load(dataset_dir)
        message = str(caught.value)
        assert message and "\n" not in message
        assert "dataset/data/" in message
    finally:
        path.write_bytes(original)


def test_read_yaml_words_malformed_yaml(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("- a: [1, 2\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"x.yaml: malformed YAML: line \d+"):
        read_yaml(path, "x.yaml")
