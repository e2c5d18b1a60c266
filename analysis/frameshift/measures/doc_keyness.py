"""Keyness with documents as the units: labels permuted across documents (issue 13).

Token-level keyness tests (G2, chi2, Fightin' Words z) treat a speech as thousands of
independent words; words cluster within documents, so under shuffled document labels G2 + BH
calls terms significant in almost every shuffle. Here the statistic of a term is its log ratio
of pooled rates (target over reference, a zero count counted as 0.5 as in
:func:`frameshift.measures.key_terms.log_ratio`), and its p-value comes from relabelling the
*documents* at random into groups of the observed sizes, so a term that one speech repeats
cannot look like a difference between groups.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["keyness_permutation"]


def keyness_permutation(corpus, *, by, target, reference="rest", n_perm=19999, min_count=20,
                        seed=0, tokenizer=None):
    """Distinctive terms of ``by == target`` with document-permutation p-values.

    Parameters
    ----------
    corpus : Corpus
    by, target, reference :
        As :func:`frameshift.measures.key_terms.keyness`.
    n_perm : int, default 19999
        Random relabellings of the documents of the two groups (group sizes kept).
        ``p = (1 + #{|T*| >= |T|}) / (1 + n_perm)`` (Phipson & Smyth 2010), two-sided.
    min_count : int, default 20
        Terms seen fewer times in the two groups together are not tested (they cannot reach
        a small p and would only dilute the BH family).
    seed : int, default 0
    tokenizer : TokenizerSettings, optional

    Returns
    -------
    pandas.DataFrame
        term, count_target, count_reference, docs_target, docs_reference (documents using
        the term), log_ratio (effect size, log2), p, p_adjusted (Benjamini-Hochberg over the
        terms tested), test (``"document permutation"``); sorted by p, then by the absolute log ratio.

    Examples
    --------
    Four documents; "talks" is used by both of x's and none of y's (with 4 documents there
    are only 6 relabellings, so no p can be small -- the point of a document-level test):

    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": list("abcd"), "actor": list("xxyy"),
    ...     "text": ["talks talks now", "talks again", "war now", "war again"]}))
    >>> t = keyness_permutation(c, by="actor", target="x", min_count=2, n_perm=999)
    >>> t.set_index("term").loc["talks", ["docs_target", "docs_reference"]].tolist()
    [2, 0]
    >>> bool(t["p"].min() > 0.05)
    True
    """
    from frameshift.measures.key_terms import (_group_masks, bh_adjust,
                                               document_term_matrix)

    t_mask, r_mask, _ = _group_masks(corpus.statements, by=by, target=target,
                                     reference=reference)
    m, vocab = document_term_matrix(corpus, tokenizer=tokenizer)
    keep_docs = np.flatnonzero(t_mask | r_mask)
    x = m[keep_docs].tocsc()
    is_t = t_mask[keep_docs].astype(float)
    tot = np.asarray(x.sum(axis=0)).ravel()
    cols = np.flatnonzero(tot >= min_count)
    x = x[:, cols].toarray()
    doc_tokens = np.asarray(m[keep_docs].sum(axis=1)).ravel()
    vocab = np.asarray(vocab, dtype=object)[cols]

    def stat(labels):
        """log2 ratio of pooled rates for (R, D) 0/1 label rows -> (R, V)."""
        a = labels @ x
        n_a = labels @ doc_tokens
        b = x.sum(0) - a
        n_b = doc_tokens.sum() - n_a
        a0, b0 = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
        return np.log2((a0 / n_a[:, None]) / (b0 / n_b[:, None]))

    obs = stat(is_t[None, :])[0]
    rng = np.random.default_rng(seed)
    ge = np.zeros(len(cols))
    chunk = 500
    done = 0
    while done < n_perm:
        r = min(chunk, n_perm - done)
        labels = rng.permuted(np.tile(is_t, (r, 1)), axis=1)
        ge += (np.abs(stat(labels)) >= np.abs(obs) - 1e-12).sum(0)
        done += r
    p = (1.0 + ge) / (1.0 + n_perm)
    a = x[is_t == 1].sum(0)
    b = x[is_t == 0].sum(0)
    out = pd.DataFrame({
        "term": vocab,
        "count_target": a.astype(np.int64),
        "count_reference": b.astype(np.int64),
        "docs_target": (x[is_t == 1] > 0).sum(0),
        "docs_reference": (x[is_t == 0] > 0).sum(0),
        "log_ratio": obs,
        "p": p,
        "p_adjusted": bh_adjust(p),
        "test": "document permutation",
    })
    out["_abs"] = -np.abs(out["log_ratio"])
    out = out.sort_values(["p", "_abs", "term"], kind="mergesort").drop(columns="_abs")
    return out.reset_index(drop=True)
