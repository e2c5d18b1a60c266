"""The acceptance rule of overlapping phrase candidates (``engine._accept``) in C
(``_phrases.accept``, issue 20) and in Python: the same accepted set, by hand and on random
candidates, for both nested scopes."""

import numpy as np
import pytest
from frameshift.matching import engine

# (start, end, category, pattern); worked out by hand below
CANDIDATES = [(0, 3, 0, 0), (1, 3, 0, 1), (2, 4, 0, 2), (2, 4, 1, 3), (5, 7, 0, 4),
              (1, 3, 1, 5)]


def _accept(cands, dictionary, monkeypatch=None, python=False):
    a, b, k, j = (np.array(x, np.int64) for x in zip(*cands))
    if python:
        monkeypatch.setattr(engine, "_cphrases", None)
    return engine._accept(a, b, k, j, dictionary).tolist()


@pytest.mark.parametrize("python", [False, True])
def test_by_hand(python, monkeypatch):
    # key scope, category 0: [0,3) is longest and accepted; [1,3) and [2,4) share its
    # token 2 (and 1); [5,7) overlaps nothing. Category 1: [1,3) and [2,4) overlap, equally
    # long: the one starting first wins.
    assert _accept(CANDIDATES, False, monkeypatch, python) == [True, False, False, False,
                                                                True, True]
    # dictionary scope: after [0,3), the spans [1,3) of both categories lie wholly inside
    # accepted matches and are passed over; [2,4) of category 0 shares token 2 with [0,3) in
    # its category; [2,4) of category 1 is not wholly covered (token 3) and is accepted.
    assert _accept(CANDIDATES, True, monkeypatch, python) == [True, False, False, True,
                                                               True, False]


@pytest.mark.skipif(getattr(engine._cphrases, "accept", None) is None,
                    reason="_phrases extension not built (as in test_phrases_c.py)")
@pytest.mark.parametrize("dictionary", [False, True])
def test_random_candidates_c_and_python_agree(dictionary, monkeypatch):
    rng = np.random.default_rng(20)
    for _ in range(200):
        m = int(rng.integers(1, 60))
        a = rng.integers(0, 40, m)
        b = a + rng.integers(1, 6, m)
        k = rng.integers(0, 4, m)
        j = rng.integers(0, 30, m)
        cands = list(zip(a.tolist(), b.tolist(), k.tolist(), j.tolist()))
        got = _accept(cands, dictionary)
        with monkeypatch.context() as mp:
            want = _accept(cands, dictionary, mp, python=True)
        assert got == want, cands
