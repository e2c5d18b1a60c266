import numpy as np
from scipy import optimize


def constrained_rate(xa, xb, ta, tb, delta):
    """MLE of lambda_A given lambda_B - lambda_A = delta (Poisson)."""
    n = ta + tb
    s = xa + xb
    b = n * delta - s
    disc = np.sqrt(b * b + 4 * n * xa * delta + 0.0)
    lam = (-b + disc) / (2 * n)
    return np.maximum(lam, max(0.0, -delta))


def score_z(xa, xb, ta, tb, delta, phi):
    lam = constrained_rate(xa, xb, ta, tb, delta)
    v = (lam / ta + (lam + delta) / tb) * phi
    d = xb / tb - xa / ta
    return (d - delta) / np.sqrt(max(v, 1e-300))


def score_interval(xa, xb, ta, tb, q, phi=1.0):
    d = xb / tb - xa / ta
    big = 1.0 / min(ta, tb) * 50 + abs(d)
    f_lo = lambda de: score_z(xa, xb, ta, tb, de, phi) - q
    f_hi = lambda de: score_z(xa, xb, ta, tb, de, phi) + q
    lo_b = max(-xa / ta - big, -1.0)
    lo = (
        optimize.brentq(f_lo, -xa / ta - 1e-12 if False else lo_b, d)
        if f_lo(lo_b) > 0
        else lo_b
    )
    hi_b = min(xb / tb + big, 1.0)
    hi = optimize.brentq(f_hi, d, hi_b) if f_hi(hi_b) < 0 else hi_b
    return lo, hi


def hybrid_interval(xa, xb, ta, tb, va, vb, q):
    """cluster var where >0, else constrained Poisson var of that side at delta."""
    d = xb / tb - xa / ta
    if va > 0 and vb > 0:
        h = q * np.sqrt(va + vb)
        return d - h, d + h

    def z(de):
        lam = constrained_rate(xa, xb, ta, tb, de)
        v = (va if va > 0 else lam / ta) + (vb if vb > 0 else (lam + de) / tb)
        return (d - de) / np.sqrt(max(v, 1e-300))

    big = 50.0 / min(ta, tb) + abs(d) + 10 * np.sqrt(va + vb)
    lo_b, hi_b = d - big, d + big
    lo = optimize.brentq(lambda de: z(de) - q, lo_b, d) if z(lo_b) > q else lo_b
    hi = optimize.brentq(lambda de: z(de) + q, d, hi_b) if z(hi_b) < -q else hi_b
    return lo, hi
