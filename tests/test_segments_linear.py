"""Repeated fragments found by an index, not by comparing every pair (issue 17, read_news speed).

``corpus_from_segments`` drops a quoted fragment that repeats a longer kept one of the same
statement (``_repeats``: 1-3 tokens exactly, longer ones with at most one token in four
different). It compared each fragment with every kept fragment at every offset, quadratic in
the quotes of one statement; ``_FragmentIndex`` answers the same question from the token
pairs. Checked here against the pairwise definition it replaces, on hand cases and on random
ones.
"""

from __future__ import annotations

import random

import pandas as pd

from frameshift.corpus.segments import _FragmentIndex, _repeats, corpus_from_segments


def _pairwise(fragments):
    """The loop the index replaces: for each fragment, the first kept one it repeats."""
    kept, out = [], []
    for i, f in enumerate(fragments):
        k = next((k for k in kept if _repeats(f, fragments[k])), None)
        if k is None:
            kept.append(i)
        out.append(k)
    return out


def _indexed(fragments):
    index, out = _FragmentIndex(), []
    for i, f in enumerate(fragments):
        k = index.first_repeated(f)
        if k is None:
            index.add(i, f)
        out.append(k)
    return out


def test_hand_cases():
    whole = "we want peace and dialogue with our neighbours now".split()
    frags = [whole,
             "peace and dialogue".split(),             # 3 tokens, exact: repeats 0
             "peace or dialogue".split(),              # 3 tokens, one differs: kept
             "want peace and talks with our".split(),  # 6 tokens, 1 of 6 differs (<= 6//4): 0
             "want war and talks with our".split(),    # 2 of 6 differ: kept
             "now".split(),                            # one token: repeats 0
             "later".split()]                          # kept
    assert _indexed(frags) == [None, 0, None, 0, None, 0, None]
    assert _pairwise(frags) == _indexed(frags)


def test_same_answers_as_the_pairwise_loop():
    rng = random.Random(17)
    for _ in range(2000):
        vocab = [chr(97 + i) for i in range(rng.randint(1, 5))]
        frags = [[rng.choice(vocab) for _ in range(rng.randint(1, 16))]
                 for _ in range(rng.randint(1, 12))]
        frags.sort(key=len, reverse=True)  # (corpus_from_segments keeps the longest first)
        assert _indexed(frags) == _pairwise(frags), frags


def test_many_quotes_of_one_statement():
    # 600 distinct quotes of one speaker and their 600 repetitions in a second article:
    # the repetitions are dropped, each naming the fragment it repeats
    words = [f"w{i}" for i in range(600)]
    a = " ".join(f'"{w} is fine"' for w in words)
    rows, pos = [], 0
    for w in words:
        start = a.index(f"{w} is fine", pos)
        rows.append(("a", start, start + len(w) + 8))
        pos = start + 1
    b = a
    seg = pd.DataFrame(
        [(s, x, y, "quote", "x", "x/1") for s, x, y in rows]
        + [("b", x, y, "quote", "x", "x/1") for _, x, y in rows],
        columns=["source", "start", "end", "role", "actor", "statement_id"])
    c = corpus_from_segments({"a": a, "b": b}, seg)
    frag = c.fragments
    assert frag["kept"].sum() == 600
    dropped = frag[~frag["kept"]]
    assert (dropped["source"] == "b").all() and len(dropped) == 600
    first = dropped.iloc[0]
    assert first["reason"] == f"repeats a longer fragment of x/1 at {first['start']}-" \
                              f"{first['end']}"
