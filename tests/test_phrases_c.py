"""The matcher's multi-word search in C (matching/_phrases.c) against the numpy search it
replaces (issue 20): the same spans for every alternative, on random token streams with
gaps, globs (several types per word), sentence runs and both run-number widths."""

import numpy as np
import pytest

from frameshift.matching import engine as E

needs_c = pytest.mark.skipif(E._cphrases is None,
                             reason="the C phrase search was not built (no compiler)")


class _Alt:
    def __init__(self, elements):
        self.elements = elements


def _random_case(rng, *, V=12, n=400, case_sensitive=False, wide=False):
    S = V + 5  # surfaces, several per type
    ids = rng.integers(0, S, n).astype(np.int32)
    s2t = None if case_sensitive else rng.integers(0, V, S).astype(np.int32)
    Vt = S if case_sensitive else V
    brk = rng.random(n) < 0.15
    brk[0] = True
    seg = np.cumsum(brk, dtype=np.int32 if wide else np.uint8)
    alts = []
    for _ in range(30):
        els = []
        for k in range(int(rng.integers(2, 6))):
            if k and rng.random() < 0.3:
                lo = int(rng.integers(0, 3))
                els.append((lo, lo + int(rng.integers(0, 3))))
            size = 1 if rng.random() < 0.6 else int(rng.integers(2, 12))
            els.append(np.sort(rng.choice(Vt, size, replace=False)).astype(np.int64))
        alts.append(_Alt(els))
    return E._TypeIds(ids, s2t), seg, Vt, alts


def _numpy_spans(monkeypatch, alts, tid, seg, V):
    monkeypatch.setattr(E, "_cphrases", None)
    try:
        return E._find_all(alts, tid, seg, V)
    finally:
        monkeypatch.undo()


@needs_c
@pytest.mark.parametrize("seed", range(12))
def test_c_search_finds_the_spans_of_the_numpy_search(seed, monkeypatch):
    rng = np.random.default_rng(seed)
    tid, seg, V, alts = _random_case(rng, case_sensitive=seed % 3 == 0, wide=seed % 2 == 1)
    want = _numpy_spans(monkeypatch, alts, tid, seg, V)
    got = E._find_all(alts, tid, seg, V)
    assert len(got) == len(want) and sum(len(a) for a, _ in want) > 0
    for (ga, gb), (wa, wb) in zip(got, want):
        assert ga.dtype == np.int64 and gb.dtype == np.int64
        assert sorted(zip(ga.tolist(), gb.tolist())) == sorted(zip(wa.tolist(), wb.tolist()))


@needs_c
def test_c_search_on_a_hand_made_stream():
    # tokens: a b c a x b | a b   (| a run break); "a {0,1} b" matches [0,2), [3,6), [6,8)
    ids = np.array([0, 1, 2, 0, 3, 1, 0, 1], np.int32)
    seg = np.array([1, 1, 1, 1, 1, 1, 2, 2], np.uint8)
    alt = _Alt([np.array([0]), (0, 1), np.array([1])])
    (a, b), = E._find_all([alt], E._TypeIds(ids, None), seg, 4)
    assert sorted(zip(a.tolist(), b.tolist())) == [(0, 2), (3, 6), (6, 8)]
