"""A synthetic armsref dataset of any size, for measuring how costs grow with it.

``python benchmarks/synthetic_dataset.py N OUTDIR`` writes a dataset directory
(``data/`` and ``seeds/``, the layout ``--data`` and ``ARMSREF_DATA`` take) that
holds the five real systems, their claims, sources and seeds, the real
``others.yaml``, and ``N - 5`` made-up systems. Each made-up system has a full
name, a short name, an alias and a designation such as ``XQ-1234``; every
fourth one has a variant with a name and designation of its own. Claims are
added until there are ``N`` of them (one per made-up system, then a second
for the first ones if the real claims are fewer than five), each quoting a
sentence of a generated seed document, so ``armsref verify --data OUTDIR``
passes.

The made-up names are built from syllables no English word is made of (each
name holds a ``q`` not followed by ``u``), checked
against the real names and against each other the way loading compares names.
Everything comes from a seeded generator: the same ``N`` gives the same bytes.
The facts are invented; they describe no real weapon.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REAL = 5
_CLAIMS_PER_SEED = 25

_ONSETS = ("v", "k", "z", "x", "dr", "tr", "br", "gl", "vr", "kr", "th", "s", "m", "n", "l")
_VOWELS = ("a", "e", "i", "o", "u", "y")
_CODAS = ("q", "qar", "qen", "qir", "qel", "qak", "qox", "qol", "qan", "qet")
_ENDS = ("on", "ix", "ar", "ek", "os", "yn", "ul", "ev")
_KINDS = ("cruise missile", "ballistic missile", "surface-to-air missile", "guided rocket")
_TAILS = ("Strike Missile", "Standoff Weapon", "Guided Rocket", "Defence Missile")
_UNITS = ("kilometers", "miles")


@dataclass(frozen=True)
class MadeUp:
    """One made-up system and the claim(s) it gets."""

    id: str
    name: str
    short: str
    alias: str
    designation: str
    kind: str
    variant: tuple[str, str, str] | None  # (id, name, designation)


def _key(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def _reach(key: str) -> tuple[str, ...]:
    return (key, key + "s", key + "es")


def _real_keys() -> set[str]:
    """Every key the real systems and others already hold (names and words in them)."""
    import yaml

    keys: set[str] = set()
    for file in ("systems.yaml", "others.yaml"):
        for entry in yaml.safe_load((ROOT / "data" / file).read_text(encoding="utf-8")):
            names = [entry["id"], entry["name"], entry["short"]]
            names += entry.get("designations", []) + entry.get("aliases", [])
            for variant in entry.get("variants", []):
                names += [variant["name"], *variant.get("designations", [])]
                names += variant.get("aliases", [])
            for name in names:
                keys.update(_reach(_key(name)))
                keys.update(_key(word) for word in name.split())
    return keys


def _word(rng: random.Random) -> str:
    return (
        rng.choice(_ONSETS)
        + rng.choice(_VOWELS)
        + rng.choice(_CODAS)
        + rng.choice(_VOWELS)
        + rng.choice(_ONSETS)
        + rng.choice(_ENDS)
    ).capitalize()


def made_up(count: int, seed: int = 13) -> list[MadeUp]:
    """``count`` made-up systems with names unique among themselves and the real ones."""
    rng = random.Random(seed)
    taken = _real_keys()
    systems = []
    while len(systems) < count:
        short = _word(rng)
        letters = rng.choice("QXZ") + rng.choice("QVKXZ")
        designation = f"{letters}-{rng.randrange(1000, 10000)}"
        keys = [_key(short), _key(designation)]
        if any(form in taken for key in keys for form in _reach(key)):
            continue
        taken.update(form for key in keys for form in _reach(key))
        position = len(systems)
        variant = None
        if position % 4 == 0:
            variant = ("block-ii", f"{short} Block II", f"{designation}B")
        systems.append(
            MadeUp(
                id=short.lower(),
                name=f"{short} {rng.choice(_TAILS)}",
                short=short,
                alias=f"{short} missile system",
                designation=designation,
                kind=rng.choice(_KINDS),
                variant=variant,
            )
        )
    return systems


def _q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML."""
    return json.dumps(text)


def _system_yaml(system: MadeUp) -> str:
    lines = [
        f"- id: {system.id}",
        f"  name: {_q(system.name)}",
        f"  short: {_q(system.short)}",
        f"  kind: {system.kind}",
        "  origin: Nowhere (made up)",
        f"  designations: [{_q(system.designation)}]",
        f"  aliases: [{_q(system.alias)}]",
    ]
    if system.variant is not None:
        variant_id, name, designation = system.variant
        lines += [
            "  variants:",
            f"    - id: {variant_id}",
            f"      name: {_q(name)}",
            f"      designations: [{_q(designation)}]",
        ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Claim:
    """One generated claim: its system, figure and the sentence that states it."""

    id: str
    system: MadeUp
    value: int
    unit: str
    quote: str


def _claims(systems: list[MadeUp], count: int, rng: random.Random) -> Iterator[Claim]:
    for position in range(count):
        system = systems[position % len(systems)]
        number = position // len(systems) + 1
        value = rng.randrange(30, 3000, 10)
        unit = rng.choice(_UNITS)
        name = system.short if number == 1 else system.designation
        quote = f"The {name} has a range of {value:,} {unit}"
        yield Claim(f"{system.id}-{number}", system, value, unit, quote)


def _claim_yaml(claim: Claim, source: str) -> str:
    return (
        f"- id: {claim.id}\n"
        f"  system: {claim.system.id}\n"
        f"  source: {source}\n"
        f"  value: {claim.value}\n"
        f"  unit: {claim.unit}\n"
        "  qualifier: exact\n"
        f"  quote: {_q(claim.quote)}\n"
        "  status: accepted\n"
    )


def _seed_text(number: int, claims: list[Claim]) -> str:
    paragraphs = [f"Made-up briefing {number}, written by a generator for benchmarks."]
    for claim in claims:
        paragraphs.append(
            f"{claim.quote}, according to the made-up briefing. "
            f"Officials described the {claim.system.alias} at a press event."
        )
    return "\n\n".join(paragraphs) + "\n"


def _source_yaml(source: str, file: str, digest: str) -> str:
    return (
        f"- id: {source}\n"
        f"  file: {file}\n"
        "  outlet: null  # generated for benchmarks\n"
        "  title: null\n"
        "  published: null\n"
        "  url: null\n"
        "  retrieved: null\n"
        "  archive_url: null\n"
        f"  sha256: {digest}\n"
    )


def _real_claims() -> int:
    text = (ROOT / "data" / "claims.yaml").read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if line.startswith("- id:"))


def write(count: int, out: Path, seed: int = 13) -> Path:
    """Write a dataset of ``count`` systems (at least the five real ones) into ``out``.

    ``out`` must be empty or missing. Returns ``out``.
    """
    if count < _REAL:
        raise ValueError(f"a synthetic dataset holds the {_REAL} real systems: N must be >= 5")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    (out / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", out / "seeds")
    for file in ("sources.yaml", "systems.yaml", "claims.yaml", "others.yaml"):
        shutil.copyfile(ROOT / "data" / file, out / "data" / file)
    systems = made_up(count - _REAL, seed)
    if not systems:
        return out
    rng = random.Random(seed + 1)
    claims = list(_claims(systems, max(count - _real_claims(), 0), rng))
    sources, claim_text = [], []
    for start in range(0, len(claims), _CLAIMS_PER_SEED):
        group = claims[start : start + _CLAIMS_PER_SEED]
        number = start // _CLAIMS_PER_SEED + 1
        source = f"made-up-briefing-{number}"
        file = f"seeds/made-up-{number:05d}.txt"
        data = _seed_text(number, group).encode("utf-8")
        (out / file).write_bytes(data)
        sources.append(_source_yaml(source, file, hashlib.sha256(data).hexdigest()))
        claim_text += [_claim_yaml(claim, source) for claim in group]
    for file, entries in (
        ("systems.yaml", [_system_yaml(system) for system in systems]),
        ("sources.yaml", sources),
        ("claims.yaml", claim_text),
    ):
        with (out / "data" / file).open("a", encoding="utf-8") as stream:
            stream.write("\n# Made up by benchmarks/synthetic_dataset.py.\n\n")
            stream.write("\n".join(entries))
    return out


def main(argv: list[str] | None = None) -> None:
    """The command line: ``synthetic_dataset.py N OUTDIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="how many systems (>= 5)")
    parser.add_argument("out", type=Path, metavar="OUTDIR", help="an empty or new directory")
    parser.add_argument("--seed", type=int, default=13, help="the generator's seed")
    args = parser.parse_args(argv)
    try:
        write(args.count, args.out, args.seed)
    except (ValueError, FileExistsError) as error:
        parser.error(str(error))
    print(f"wrote {args.count} systems to {args.out}")


if __name__ == "__main__":
    main()
