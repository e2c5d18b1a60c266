"""Generate the synthetic 9,000-pattern benchmark lexicon from the inaugural vocabulary.

The lexicon imitates the shape of the Lexicoder Sentiment Dictionary (LSD2015, about 9,100
patterns, two thirds of them globs) that the reference quanteda timing uses: about two thirds
globs (``abandon*``), one fifth multi-word phrases (some ending in a glob), about 2% phrases
with a bounded gap (``a {0,2} b``), the rest single words; spread over ten categories. It is
deterministic: the same corpus and ``seed`` give the same file, byte for byte.

Run ``python benchmarks/synthetic_lexicon.py [--out PATH]``; the benchmark script calls
:func:`write_synthetic_lexicon` itself when the file is missing.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "synthetic_9000.yml"

N_PATTERNS = 9000
N_CATEGORIES = 10
SHARE_GLOB = 2 / 3
SHARE_PHRASE = 1 / 5          # multi-word, including the gap phrases
SHARE_GAP = 0.02               # of all patterns

_ALPHA = re.compile(r"^[a-z]+$")


def _corpus_words():
    sys.path.insert(0, str(HERE.parent))
    from frameshift.corpus.readers import read_corpus
    from frameshift.text.tokenizer import tokenize

    texts = read_corpus("inaugural").statements["text"].tolist()
    toks = tokenize(texts)
    types = toks.types
    tid = toks.type_ids()
    sent = toks.sentence
    doc = np.repeat(np.arange(toks.n_docs), toks.n_tokens())
    return types, tid, sent, doc


def synthetic_patterns(*, seed: int = 2015) -> list[tuple[str, str]]:
    """``(category, pattern)`` pairs of the synthetic lexicon, in file order."""
    rng = np.random.default_rng(seed)
    types, tid, sent, doc = _corpus_words()
    alpha = np.array([bool(_ALPHA.match(t)) for t in types])
    n_glob = round(N_PATTERNS * SHARE_GLOB)
    n_gap = round(N_PATTERNS * SHARE_GAP)
    n_phrase = round(N_PATTERNS * SHARE_PHRASE) - n_gap
    n_word = N_PATTERNS - n_glob - n_phrase - n_gap
    seen: set[str] = set()
    out: list[str] = []

    def take(candidates, n, what):
        got = 0
        for c in candidates:
            if got == n:
                break
            if c not in seen:
                seen.add(c)
                out.append(c)
                got += 1
        if got < n:
            raise RuntimeError(f"only {got} of {n} distinct {what} patterns")

    # globs: a prefix of a word of 5+ letters (at least 4 letters kept) followed by "*";
    # like LSD2015's "abandon*". Words are drawn uniformly from the distinct types.
    words = [t for t, ok in zip(types, alpha) if ok and len(t) >= 5]
    order = rng.permutation(len(words))
    cut = rng.integers(0, 3, size=len(words))
    globs = (words[i][: max(4, len(words[i]) - int(c))] + "*" for i, c in zip(order, cut))
    take(globs, n_glob, "glob")
    # phrases: distinct word bigrams/trigrams of the corpus (within a sentence), drawn
    # uniformly from the distinct ones; one in five ends in a glob.
    same = (doc[1:] == doc[:-1]) & (sent[1:] == sent[:-1])
    ok2 = same & alpha[tid[:-1]] & alpha[tid[1:]]
    bigrams = np.unique(np.stack([tid[:-1][ok2], tid[1:][ok2]], axis=1), axis=0)
    same3 = same[:-1] & same[1:]
    ok3 = same3 & alpha[tid[:-2]] & alpha[tid[1:-1]] & alpha[tid[2:]]
    trigrams = np.unique(np.stack([tid[:-2][ok3], tid[1:-1][ok3], tid[2:][ok3]], axis=1),
                         axis=0)

    def phrases():
        for i in rng.permutation(len(bigrams) + len(trigrams)):
            ids = bigrams[i] if i < len(bigrams) else trigrams[i - len(bigrams)]
            ws = [types[t] for t in ids]
            if rng.random() < 0.2 and len(ws[-1]) >= 6:
                ws[-1] = ws[-1][:-2] + "*"
            yield " ".join(ws)

    take(phrases(), n_phrase, "phrase")

    # gap phrases: first and last word of a corpus trigram, up to two words between.
    def gaps():
        for i in rng.permutation(len(trigrams)):
            a, _, b = trigrams[i]
            yield f"{types[a]} {{0,2}} {types[b]}"

    take(gaps(), n_gap, "gap")
    # single words
    pool = [t for t, ok in zip(types, alpha) if ok]
    take((pool[i] for i in rng.permutation(len(pool))), n_word, "word")
    cats = rng.integers(0, N_CATEGORIES, size=len(out))
    return [(f"cat{int(k):02d}", p) for k, p in zip(cats, out)]


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_synthetic_lexicon(path=DEFAULT_PATH, *, seed: int = 2015) -> Path:
    """Write the synthetic lexicon as frameshift YAML; return its path."""
    pairs = synthetic_patterns(seed=seed)
    by_cat: dict[str, list[str]] = {}
    for k, p in pairs:
        by_cat.setdefault(k, []).append(p)
    lines = [
        "# Synthetic benchmark lexicon (benchmarks/synthetic_lexicon.py); not for analysis.",
        "name: synthetic_9000",
        'version: "1"',
        "description: >",
        f"  {len(pairs)} patterns generated from the inaugural corpus vocabulary (seed {seed}):",
        "  two thirds globs, one fifth multi-word phrases (some with a gap), the rest words.",
        "categories:",
    ]
    for k in sorted(by_cat):
        lines += [f"  - id: {k}", f"    label: Synthetic category {k}",
                  "    definition: Synthetic patterns for benchmarking.", "    patterns:"]
        lines += [f"      - {_yaml_str(p)}" for p in by_cat[k]]
    path = Path(path)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(DEFAULT_PATH))
    ap.add_argument("--seed", type=int, default=2015)
    args = ap.parse_args(argv)
    p = write_synthetic_lexicon(args.out, seed=args.seed)
    print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
