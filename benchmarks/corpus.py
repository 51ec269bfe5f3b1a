"""Generated corpora for the scanning benchmark: the seeds spread thin in made-up English.

Nothing is downloaded. The filler text is built from the word list below by a
seeded random generator, so every run makes the same bytes. It is plain ASCII
prose with a few traps a scanner must not count (``ceramic``, ``patriotic``,
a lower-case ``patriot``, ``the Patriot Act``, ``a tomahawk steak``) and words
that start system names without completing them (``Army``, ``Joint``,
``missile``). The seeds under ``seeds/`` are dropped in whole, one every
``spacing`` bytes of filler, so mentions are sparse.

Corpora are written under ``benchmarks/corpus/`` (ignored by git) and reused
while their parameters are unchanged.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

_WORD_LIST = (
    "the of and to in a is that for it as was with be by on not he this are or his from "
    "at which but have an they you were her she all their there been one so if would will "
    "more when who about what some other into time could has them then only its people "
    "two new also like after over any these first may such most than many well through "
    "where before between those under while because both each much three against year "
    "during without again since however city council river market village school report "
    "weather harvest festival library bridge railway station garden museum orchestra "
    "season county farmers teacher students doctor hospital company workers union price "
    "budget vote election mayor minister committee plan project road traffic summer winter "
    "morning evening family children house street church park village coast mountain "
    "forest lake island bread coffee kitchen recipe dinner music concert painting novel "
    "writer history science research engineer computer software network energy solar "
    "wind water supply storm flood drought crop cattle wheat corn fishing boat harbor "
    "army navy joint missile system range attack land cruise standoff air surface tactical "
    "extended munition defense battery launcher ceramic ceramics patriotic patriotism "
    "hawk eagle arrow spear axe hatchet steak chop ribeye parade flag veterans "
    "quickly slowly nearly almost often never always usually perhaps certainly openly "
    "said told asked found made took gave came went saw knew thought called seemed kept "
    "large small long short old young early late local national public private final "
    "open closed busy quiet bright dark warm cold strong weak simple careful"
)
WORDS = _WORD_LIST.split()

#: Phrases a reader would not count, mixed into the filler now and then.
TRAPS = (
    "He called himself a patriot.",
    "The Patriot Act was debated again.",
    "They ordered a tomahawk steak.",
    "The ceramic works reopened.",
    "A patriotic crowd sang.",
    "The New England Patriots lost.",
    "Tomahawk, Wisconsin, held a fair.",
)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 22))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraphs(rng: random.Random, count: int) -> list[str]:
    """``count`` made-up paragraphs of 3 to 8 sentences, a trap in about one in thirty."""
    made = []
    for _ in range(count):
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 8))]
        if rng.random() < 1 / 30:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(TRAPS))
        made.append(" ".join(sentences) + "\n\n")
    return made


def big_corpus(
    megabytes: int = 200, spacing: int = 256 << 10, seed: int = 7, folder: Path = CORPUS
) -> Path:
    """One file of about ``megabytes`` MB: filler with a seed every ``spacing`` bytes,
    written in ``folder``."""
    path = folder / f"corpus-{megabytes}mb-{spacing}-{seed}.txt"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = paragraphs(rng, 4000)
    seeds = [seed_path.read_bytes() for seed_path in SEEDS]
    target = megabytes * 1_000_000
    written = 0
    partial = path.with_suffix(".part")
    with partial.open("wb") as out:
        turn = 0
        while written < target:
            filler = "".join(rng.choices(pool, k=spacing // 600)).encode()
            out.write(filler)
            out.write(seeds[turn % len(seeds)])
            out.write(b"\n\n")
            written += len(filler) + len(seeds[turn % len(seeds)]) + 2
            turn += 1
    partial.rename(path)
    return path


def repeated(source: Path, times: int) -> Path:
    """A file that is ``source`` ``times`` over (for the 1 GB memory run)."""
    path = source.with_name(f"{source.stem}-x{times}.txt")
    if path.exists():
        return path
    partial = path.with_suffix(".part")
    with partial.open("wb") as out:
        for _ in range(times):
            with source.open("rb") as block_source:
                while block := block_source.read(16 << 20):
                    out.write(block)
    partial.rename(path)
    return path


def small_documents(count: int = 100_000, seed: int = 11) -> Path:
    """A folder of ``count`` short documents (about 1.5 KB each), one in 20 with a seed's
    opening lines, in subfolders of 1000."""
    folder = CORPUS / f"docs-{count}-{seed}"
    if folder.exists():
        return folder
    rng = random.Random(seed)
    pool = paragraphs(rng, 3000)
    openings = [seed_path.read_text(encoding="utf-8")[:800] for seed_path in SEEDS]
    partial = folder.with_name(folder.name + ".part")
    for number in range(count):
        sub = partial / f"{number // 1000:03d}"
        if number % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        text = "".join(rng.choices(pool, k=3))[:1500]
        if number % 20 == 0:
            text = openings[number // 20 % len(openings)] + "\n\n" + text
        (sub / f"{number:06d}.txt").write_text(text, encoding="utf-8")
    partial.rename(folder)
    return folder
