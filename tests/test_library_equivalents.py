"""Where a well-kept library gives identical results, frameshift uses it (issue 12): the
Benjamini-Hochberg adjustment, the Wilson interval and the KL divergence come from scipy.
Each is checked here to 1e-12 against its published definition, written out by hand."""

import math

import numpy as np
import pytest

import frameshift as fs


def _bh_by_definition(p):
    # Benjamini & Hochberg (1995), step-up: p_adj(i) = min_{j >= i} min(1, m p_(j) / j).
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    adj = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, m * p[i] / rank)
        adj[i] = min(1.0, running)
    return adj


def _wilson_by_definition(k, n, z):
    # Wilson (1927); Newcombe (1998), method 3.
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@pytest.mark.parametrize("seed", range(5))
def test_bh_equals_its_definition(seed):
    rng = np.random.default_rng(seed)
    p = rng.random(40) ** 3
    p[[3, 7]] = p[5]  # ties
    assert np.allclose(fs.bh_adjust(p), _bh_by_definition(p.tolist()), rtol=0, atol=1e-12)


def test_bh_keeps_nan_in_place():
    got = fs.bh_adjust([0.01, np.nan, 0.04])
    assert np.isnan(got[1]) and np.allclose(got[[0, 2]], [0.02, 0.04], atol=1e-12)


@pytest.mark.parametrize("k,n", [(0, 20), (8, 10), (21, 34), (34, 34), (1, 1), (3, 1000)])
def test_wilson_equals_its_definition(k, n):
    z = 1.959963984540054  # Phi^-1(0.975)
    low, high = fs.wilson_interval(k, n)
    want = _wilson_by_definition(k, n, z)
    assert abs(low - want[0]) < 1e-12 and abs(high - want[1]) < 1e-12


def test_wilson_matches_newcombe_table_1():
    # Newcombe (1998), Stat. Med. 17:857-872, Table I, method 3: 81/263 -> 0.2553 to 0.3662.
    low, high = fs.wilson_interval(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


@pytest.mark.parametrize("seed", range(5))
def test_kl_equals_its_definition(seed):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(6))
    q = rng.dirichlet(np.ones(6))
    p[0] = 0.0
    p = p / p.sum()
    want = sum(pi * math.log2(pi / qi) for pi, qi in zip(p, q) if pi > 0)
    assert abs(float(fs.kl_divergence(p, q)) - want) < 1e-12
    assert float(fs.kl_divergence([0.5, 0.5], [1.0, 0.0])) == math.inf
