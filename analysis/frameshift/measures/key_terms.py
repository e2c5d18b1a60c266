"""Keyness: which terms distinguish one actor, group or statement from another.

Four statistics over term counts (types = normalised token forms of :mod:`frameshift.text`):

* ``"fightin-words"`` -- log-odds ratio with an informative Dirichlet prior and its z-score
  (Monroe, Colaresi & Quinn 2008, *Political Analysis* 16(4), eq. 16-22). Default prior: the
  counts of the whole corpus (``alpha_w`` = corpus count of ``w``).
* ``"g2"`` -- log-likelihood G-squared (Dunning 1993). 4-cell (the likelihood-ratio statistic of
  the 2 x 2 table, default) or 2-cell (Rayson & Garside 2000, as in Wmatrix).
* ``"chi2"`` -- Pearson chi-squared of the 2 x 2 table, without Yates' correction unless asked.
* ``"log-ratio"`` -- Hardie's (2014) binary log of the ratio of relative frequencies.

Every score is signed: positive when the term is relatively more frequent in the target.
p-values are two-sided (normal for z, chi-squared with 1 df for G2/chi2; log-ratio takes the
G2 p-value) and Benjamini-Hochberg adjusted over the terms reported. The formulae are written
out in ``docs/measures.md``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse, stats

from frameshift.errors import OptionError
from frameshift.matching.engine import find_matches, match_settings, settings_of
from frameshift.text.tokenizer import Tokens

__all__ = [
    "METHODS",
    "document_term_matrix",
    "fightin_words",
    "g2",
    "chi2",
    "log_ratio",
    "bh_adjust",
    "keyness_from_counts",
    "keyness",
    "keyness_many",
    "KEYNESS_COLUMNS",
    "MIN_TEST_DOCUMENTS",
    "term_counts",
    "expansion_candidates",
    "stop_word_set",
]

METHODS = ("fightin-words", "g2", "chi2", "log-ratio")

#: Count substituted for a zero count in a log ratio (Hardie 2014).
ZERO_COUNT = 0.5


# --------------------------------------------------------------------------- matrices


def document_term_matrix(corpus_or_tokens, *, tokenizer=None):
    """Document-term count matrix over normalised forms, from the package tokenizer.

    Parameters
    ----------
    corpus_or_tokens : Corpus or Tokens
        A corpus (tokenised once with :func:`frameshift.corpus.corpus_tokens`) or tokens.
    tokenizer : TokenizerSettings, optional
        Tokenizer settings when a corpus is given.

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        ``n_docs x n_types`` integer counts; row ``i`` is statement ``i`` in corpus order.
    vocabulary : list of str
        The normalised form of every column.

    Examples
    --------
    >>> from frameshift.text import tokenize
    >>> m, vocab = document_term_matrix(tokenize(["We invite you.", "We decline, we said."]))
    >>> vocab
    ['we', 'invite', 'you', 'decline', 'said']
    >>> m.toarray().tolist()
    [[1, 1, 1, 0, 0], [2, 0, 0, 1, 1]]
    """
    if isinstance(corpus_or_tokens, Tokens):
        toks = corpus_or_tokens
    else:
        from frameshift.corpus.model import corpus_tokens

        toks = corpus_tokens(corpus_or_tokens, tokenizer)
    n_docs = toks.n_docs
    rows = np.repeat(np.arange(n_docs), toks.n_tokens())
    cols = toks.type_ids()
    data = np.ones(len(cols), dtype=np.int64)
    m = sparse.csr_matrix((data, (rows, cols)), shape=(n_docs, len(toks.types)), dtype=np.int64)
    m.sum_duplicates()
    return m, list(toks.types)


# --------------------------------------------------------------------------- statistics


def fightin_words(y_target, y_reference, *, prior):
    """Log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    For term ``w`` with counts ``y_i``, ``y_j`` in groups of sizes ``n_i``, ``n_j`` and prior
    ``alpha_w`` (``alpha_0`` = sum of the prior over the whole vocabulary)::

        delta_w = log((y_i + a_w) / (n_i + a_0 - y_i - a_w))
                - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
        var_w   = 1 / (y_i + a_w) + 1 / (y_j + a_w)
        z_w     = delta_w / sqrt(var_w)

    Parameters
    ----------
    y_target, y_reference : array_like of int
        Counts of every vocabulary term in the two groups (same length).
    prior : array_like of float or float
        ``alpha_w`` per term (a scalar means a uniform prior). Must be positive.

    Returns
    -------
    delta, var, z : numpy.ndarray

    Examples
    --------
    >>> d, v, z = fightin_words([1, 0, 2], [0, 1, 2], prior=0.05)
    >>> [round(float(x), 4) for x in z]
    [0.7502, -0.7502, 0.0]
    """
    from frameshift.errors import ArgumentValueError, counts_argument, numbers_argument

    yi = counts_argument(y_target, "y_target", "fightin_words")
    yj = counts_argument(y_reference, "y_reference", "fightin_words")
    if yi.shape != yj.shape:
        raise ArgumentValueError(f"fightin_words(): y_target has {yi.shape} terms but "
                                 f"y_reference has {yj.shape}. Give one count per term in both.")
    prior_arr = numbers_argument(prior, "prior", "fightin_words")
    try:
        a = np.broadcast_to(prior_arr, yi.shape)
    except ValueError as err:
        raise ArgumentValueError(f"fightin_words(): prior must be one number or one per term "
                                 f"({yi.shape}), got shape {prior_arr.shape}.") from err
    if not np.all(a > 0):
        raise ArgumentValueError("Every prior value alpha_w must be positive; got a zero or negative "
                         "value. Use a uniform prior (e.g. prior=0.01) or the corpus counts.")
    a0 = a.sum()
    ni, nj = yi.sum(), yj.sum()
    delta = (np.log((yi + a) / (ni + a0 - yi - a)) - np.log((yj + a) / (nj + a0 - yj - a)))
    var = 1.0 / (yi + a) + 1.0 / (yj + a)
    return delta, var, delta / np.sqrt(var)


def _table(a, b, n_a, n_b):
    from frameshift.errors import numbers_argument

    what = "g2/chi2/log_ratio/fightin_words"
    a = numbers_argument(a, "the counts of the first group", what)
    b = numbers_argument(b, "the counts of the second group", what)
    n_a = np.broadcast_to(numbers_argument(n_a, "the first group's total", what), a.shape)
    n_b = np.broadcast_to(numbers_argument(n_b, "the second group's total", what), a.shape)
    if np.any(a > n_a) or np.any(b > n_b):
        raise ValueError("A term count exceeds its group's total number of tokens.")
    return a, b, n_a, n_b


def _xlogx_over(o, e):
    """``o * ln(o / e)`` with ``0 * ln 0 = 0``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = o * np.log(o / e)
    return np.where(o > 0, out, 0.0)


def g2(a, b, n_a, n_b, *, cells=4):
    """Log-likelihood G-squared for a term seen ``a`` times in ``n_a`` tokens and ``b`` in ``n_b``.

    ``cells=4`` (default) is the likelihood-ratio statistic of the 2 x 2 table (term / other
    tokens x target / reference; Dunning 1993), whose null distribution is chi-squared with one
    degree of freedom. ``cells=2`` sums over the term's two cells only (Rayson & Garside 2000,
    the form of Wmatrix and Rayson's log-likelihood calculator); it is close to the 4-cell value
    for rare terms and smaller for frequent ones.

    Examples
    --------
    >>> round(float(g2(52, 9, 100, 100, cells=2)), 4), round(float(g2(52, 9, 100, 100)), 4)
    (33.5167, 47.0396)
    """
    if cells not in (2, 4):
        raise ValueError(f"cells must be 2 or 4, got {cells!r}.")
    a, b, n_a, n_b = _table(a, b, n_a, n_b)
    n = n_a + n_b
    k = a + b
    e_a = n_a * k / n
    e_b = n_b * k / n
    out = _xlogx_over(a, e_a) + _xlogx_over(b, e_b)
    if cells == 4:
        out = out + _xlogx_over(n_a - a, n_a - e_a) + _xlogx_over(n_b - b, n_b - e_b)
    return np.maximum(2.0 * out, 0.0)


def chi2(a, b, n_a, n_b, *, yates=False):
    """Pearson chi-squared of the 2 x 2 table (term / other tokens x target / reference).

    ``N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d))``; with ``yates=True``, ``|ad - bc|`` is reduced
    by ``N / 2`` (not below 0).

    Examples
    --------
    >>> round(float(chi2(52, 9, 100, 100)), 4)
    43.6136
    """
    a, b, n_a, n_b = _table(a, b, n_a, n_b)
    c, d = n_a - a, n_b - b
    n = n_a + n_b
    diff = np.abs(a * d - b * c)
    if yates:
        diff = np.maximum(diff - n / 2.0, 0.0)
    denom = (a + b) * (c + d) * n_a * n_b
    with np.errstate(divide="ignore", invalid="ignore"):
        out = n * diff**2 / denom
    return np.where(denom > 0, out, 0.0)


def log_ratio(a, b, n_a, n_b):
    """Hardie's log ratio: ``log2((a / n_a) / (b / n_b))``.

    A zero count is replaced by 0.5 before dividing (Hardie 2014, as in CQPweb); a term absent
    from both groups gets NaN.

    Examples
    --------
    >>> round(float(log_ratio(52, 9, 100, 100)), 4)
    2.5305
    >>> float(log_ratio(4, 0, 100, 100))  # 0 -> 0.5
    3.0
    """
    a, b, n_a, n_b = _table(a, b, n_a, n_b)
    aa = np.where(a > 0, a, ZERO_COUNT)
    bb = np.where(b > 0, b, ZERO_COUNT)
    out = np.log2((aa / n_a) / (bb / n_b))
    return np.where((a > 0) | (b > 0), out, np.nan)


def bh_adjust(p):
    """Benjamini-Hochberg adjusted p-values (false discovery rate), NaN kept in place.

    ``p_adj(i) = min_{j >= i} (m / j) p_(j)`` over the sorted p-values, capped at 1; computed
    by :func:`scipy.stats.false_discovery_control` (``method="bh"``) on the non-NaN values.

    Examples
    --------
    >>> bh_adjust([0.01, 0.04, 0.03, 0.5]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.5]
    """
    from frameshift.errors import OptionError, numbers_argument

    p = numbers_argument(p, "p", "bh_adjust")
    if np.any((p < 0) | (p > 1)):
        raise OptionError("bh_adjust(): p-values must lie between 0 and 1; got "
                          f"{p[(p < 0) | (p > 1)][:3].tolist()}.")
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if ok.any():
        out[ok] = stats.false_discovery_control(p[ok], method="bh")
    return out


# --------------------------------------------------------------------------- tables

_COLUMNS = ["term", "count_target", "count_reference", "score", "p", "p_adjusted"]


def keyness_from_counts(count_target, count_reference, *, terms, method="fightin-words",
                        prior=None, alpha0=None, cells=4, yates=False, min_count=1):
    """Keyness table from term counts of a target and a reference group.

    Parameters
    ----------
    count_target, count_reference : array_like of int
        Count of every term of ``terms`` in the target and in the reference.
    terms : sequence of str
    method : {"fightin-words", "g2", "chi2", "log-ratio"}
    prior : None, float or array_like, optional
        Fightin' Words prior ``alpha_w``: an array (one value per term, e.g. the counts of the
        whole corpus), a float (uniform prior) or None (the two groups' summed counts).
    alpha0 : float, optional
        Rescale the prior so that it sums to ``alpha0`` (its proportions kept). Monroe et al.
        treat ``alpha_0`` as the prior's weight in pseudo-tokens.
    cells : {4, 2}
        G2 variant (also used for the p-value of ``log-ratio``).
    yates : bool, default False
        Yates' continuity correction for chi2.
    min_count : int, default 1
        Report only terms seen at least this often in target and reference together. The
        statistics are computed over the whole vocabulary first, so this only filters rows.

    Returns
    -------
    pandas.DataFrame
        term, count_target, count_reference, score (z for Fightin' Words, signed G2 or chi2,
        log ratio), p (two-sided), p_adjusted (Benjamini-Hochberg over the rows reported),
        sorted by score descending (ties by term).

    Examples
    --------
    >>> t = keyness_from_counts([52, 48], [9, 91], terms=["war", "peace"], method="chi2")
    >>> t[["term", "score"]].round(4).to_dict("records")
    [{'term': 'war', 'score': 43.6136}, {'term': 'peace', 'score': -43.6136}]
    """
    if method not in METHODS:
        raise OptionError(f"Unknown keyness method {method!r}. Choose one of: "
                          + ", ".join(METHODS) + ".")
    from frameshift.errors import ArgumentValueError, bad_argument, counts_argument

    yt = counts_argument(count_target, "count_target", "keyness_from_counts",
                         integer=True).astype(np.int64).ravel()
    yr = counts_argument(count_reference, "count_reference", "keyness_from_counts",
                         integer=True).astype(np.int64).ravel()
    if isinstance(terms, (str, bytes)) or not hasattr(terms, "__iter__"):
        raise bad_argument("keyness_from_counts", "terms", terms, "a list of terms (str)",
                           "Give one term per count.")
    terms = np.asarray(list(terms), dtype=object)
    if not (len(yt) == len(yr) == len(terms)):
        raise ArgumentValueError(f"count_target ({len(yt)}), count_reference ({len(yr)}) and terms "
                         f"({len(terms)}) must have the same length.")
    n_t, n_r = yt.sum(), yr.sum()
    if n_t == 0 or n_r == 0:
        which = "target" if n_t == 0 else "reference"
        raise OptionError(f"The {which} group has no tokens; keyness needs text in both groups.")
    if method == "fightin-words":
        if prior is None:
            a = (yt + yr).astype(float)
        else:
            a = np.broadcast_to(np.asarray(prior, dtype=float), yt.shape).copy()
        if alpha0 is not None:
            a = a * (float(alpha0) / a.sum())
        keep_prior = a > 0
        score = np.full(len(yt), np.nan)
        _, _, z = fightin_words(yt[keep_prior], yr[keep_prior], prior=a[keep_prior])
        score[keep_prior] = z
        p = 2.0 * stats.norm.sf(np.abs(score))
    else:
        sign = np.sign(yt / n_t - yr / n_r)
        if method == "g2":
            score = sign * g2(yt, yr, n_t, n_r, cells=cells)
            p = stats.chi2.sf(np.abs(score), 1)
        elif method == "chi2":
            score = sign * chi2(yt, yr, n_t, n_r, yates=yates)
            p = stats.chi2.sf(np.abs(score), 1)
        else:
            score = log_ratio(yt, yr, n_t, n_r)
            p = stats.chi2.sf(g2(yt, yr, n_t, n_r, cells=cells), 1)
    keep = (yt + yr) >= max(int(min_count), 1)
    out = pd.DataFrame({
        "term": pd.Series(terms[keep], dtype=object).astype(str),
        "count_target": yt[keep],
        "count_reference": yr[keep],
        "score": score[keep],
        "p": p[keep],
    })
    out["p_adjusted"] = bh_adjust(out["p"].to_numpy())
    out = out.sort_values(["score", "term"], ascending=[False, True], kind="mergesort",
                          na_position="last")
    return out.reset_index(drop=True)[_COLUMNS]


def _group_masks(statements: pd.DataFrame, *, by, target, reference):
    if by not in statements.columns:
        raise OptionError(f"--by {by!r} is not a column of the corpus. Valid columns: "
                          + ", ".join(map(str, statements.columns)) + ".")
    values = statements[by].astype(object).where(statements[by].notna(), None)
    labels = values.map(lambda v: None if v is None else str(v))
    valid = sorted({v for v in labels if v is not None})
    listing = _listing(valid)

    def check(name, what):
        if str(name) not in valid:
            raise OptionError(f"{what} {name!r} is not a value of column {by!r}. "
                              f"Valid values: {listing}.")

    check(target, "--target")
    t_mask = (labels == str(target)).to_numpy()
    if reference is None or str(reference) == "rest":
        r_mask = ~t_mask
        ref_name = "rest"
    else:
        check(reference, "--reference")
        if str(reference) == str(target):
            raise OptionError(f"--target and --reference are both {target!r}; choose two "
                              "different groups or --reference rest.")
        r_mask = (labels == str(reference)).to_numpy()
        ref_name = str(reference)
    return t_mask, r_mask, ref_name


def _listing(values, limit=30) -> str:
    values = list(values)
    if len(values) <= limit:
        return ", ".join(values)
    return ", ".join(values[:limit]) + f", ... ({len(values) - limit} more)"


#: Columns of :func:`keyness` (the token-level :func:`keyness_from_counts` has ``_COLUMNS``).
KEYNESS_COLUMNS = ["term", "count_target", "count_reference", "docs_target", "docs_reference",
                   "score", "p", "p_adjusted", "test", "p_token", "p_token_adjusted",
                   "log_ratio", "ci_low", "ci_high", "ci_method", "short_text"]

#: Fewest documents (of the two groups together) that use a term for it to be tested at the
#: document level: a term in fewer documents cannot reach a small relabelling p-value, and
#: testing it would only lengthen the Benjamini-Hochberg family. (The filter does not look at
#: the labels, so it keeps the test valid: Bourgon, Gentleman & Huber 2010.)
MIN_TEST_DOCUMENTS = 5

_TOKEN_TESTS = {"fightin-words": "normal z", "g2": "chi2(1) of G2", "chi2": "chi2(1)",
                "log-ratio": "chi2(1) of G2"}


def keyness(corpus, *, by, target, reference="rest", method="fightin-words",
            prior="corpus", alpha0=None, cells=4, yates=False, min_count=1, top=None,
            tokenizer=None, stop_words="english", inference="document", n_perm=9999,
            seed=0, min_docs=MIN_TEST_DOCUMENTS, level=0.95, warn=True):
    """Terms that distinguish one group of statements (``by == target``) from another.

    The default p-value is **document-level**: the score of every term is recomputed with the
    documents (statements) of the two groups relabelled at random, group sizes kept, so a term
    that one long speech repeats does not look like a difference between groups. The
    token-level p-values of the score's textbook test (which treats every word as an
    independent draw, and under shuffled document labels calls terms significant in most
    shuffles: ``docs/measures.md``) are kept in ``p_token`` / ``p_token_adjusted``.

    Parameters
    ----------
    corpus : Corpus
    by : str
        Column of ``corpus.statements`` that defines the groups (``actor``, ``Party``,
        ``statement_id`` ...).
    target : str
        The value of ``by`` whose distinctive terms are wanted.
    reference : str, default "rest"
        Another value of ``by``, or ``"rest"``: every statement not in the target (including
        statements whose ``by`` value is missing).
    method : {"fightin-words", "g2", "chi2", "log-ratio"}
        The score (and the statistic that the document relabelling permutes).
    prior : "corpus", "uniform", float or array_like
        Fightin' Words prior: ``"corpus"`` (default) sets ``alpha_w`` to the count of ``w`` in
        the whole corpus (every statement, not only the two groups); a float gives a uniform
        prior of that value (``"uniform"`` means 0.01); an array gives one value per
        vocabulary type.
    alpha0 : float, optional
        Rescale the prior to sum to ``alpha0``.
    cells, yates, min_count :
        See :func:`keyness_from_counts`.
    top : int, optional
        Keep the ``top`` highest-scoring terms (after the BH adjustment over all terms).
    tokenizer : TokenizerSettings, optional
    stop_words : "english", None or collection of str, default "english"
        Terms left out of the table (not out of the model): ``"english"`` is scikit-learn's
        English list (318 words: "the", "will", "there", ...), which would otherwise top the
        list of any two groups of English speeches; None keeps every term; a collection gives
        your own list (e.g. for another language). The counts, the prior and the group totals
        still include the stop words, so the scores of the other terms do not depend on this
        option; ``p_adjusted`` is adjusted over the terms reported.
    inference : {"document", "token"}, default "document"
        What ``p`` is: the document relabelling test, or the token-level test (then ``p``
        equals ``p_token``).
    n_perm : int, default 9999
        Relabellings of the documents (all of them, and an exact p, when there are at most
        ``n_perm``). The smallest p possible is ``1 / (1 + n_perm)``.
    seed : int, default 0
    min_docs : int, default :data:`MIN_TEST_DOCUMENTS`
        Terms used in fewer documents of the two groups get no document-level p (NaN; the
        ``test`` column says why) and are not in its BH family.
    level : float, default 0.95
        Level of the ``log_ratio`` interval.
    warn : bool, default True
        Issue a :class:`~frameshift.matching.shortness.ShortTextWarning` when a group has
        fewer than :data:`~frameshift.matching.shortness.MIN_DOCUMENTS` documents.

    Returns
    -------
    pandas.DataFrame
        term; count_target, count_reference (tokens); docs_target, docs_reference (documents
        using the term); score (z for Fightin' Words, signed G2 or chi2, log2 ratio); p
        (two-sided) and p_adjusted (Benjamini-Hochberg over the terms tested); test (what p
        is: ``"document permutation (N relabellings)"``, ``"token-level ..."`` or
        ``"none: <reason>"``); p_token, p_token_adjusted (token-level test of the score, BH
        over the terms reported); log_ratio (effect size: log2 of the target's rate over the
        reference's, a zero count counted as 0.5) with ci_low, ci_high and ci_method (an
        interval with documents as clusters; NaN with the reason when a group has fewer than
        three documents); short_text (a group has fewer than three documents). Sorted by
        score, highest first. ``attrs`` holds ``by``, ``target`` and ``reference`` (the group
        names, used by :func:`frameshift.plotting.plot_keyness` for its legend).

    Raises
    ------
    OptionError
        ``by`` is not a column, ``target``/``reference`` is not one of its values (the message
        lists the valid ones), or ``method`` or ``inference`` is unknown.

    Examples
    --------
    Six speeches, three a side; "liberty" is in every target speech (six times) and in no
    other. The token-level G2 test calls that p = 0.002; but with three documents a side there
    are only C(6, 3) = 20 relabellings, so the document-level p cannot go below 2/20 = 0.1:

    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": list("abcdef"), "actor": list("xxxyyy"),
    ...     "text": ["liberty, liberty, liberty and liberty for all.", "liberty now.",
    ...              "our liberty.", "the land.", "our land and all.", "land for all."]}))
    >>> t = keyness(c, by="actor", target="x", reference="y", method="g2", min_docs=3,
    ...             stop_words=None)
    >>> row = t.set_index("term").loc["liberty"]
    >>> round(float(row["p"]), 2), round(float(row["p_token"]), 4), row["test"]
    (0.1, 0.0023, 'document permutation (20 relabellings, exact)')
    >>> bool(row["ci_low"] > 0), float(row["ci_high"]), bool(row["short_text"])
    (True, inf, False)
    """
    from frameshift.errors import check_corpus_argument, check_text_argument
    check_corpus_argument(corpus, "corpus", "keyness")
    check_text_argument(by, "by", "keyness")
    if isinstance(target, (list, dict, set)):
        from frameshift.errors import bad_argument
        raise bad_argument("keyness", "target", target, f"one value of the column {by!r}",
                           "Give the group whose terms are wanted, e.g. target=\"Baku\".")
    if inference not in ("document", "token"):
        raise OptionError(f"Unknown inference {inference!r}: use 'document' (labels permuted "
                          "across documents, the default) or 'token' (words as independent "
                          "draws).")
    from frameshift.matching.shortness import MIN_DOCUMENTS, is_short, warn_short
    from frameshift.measures.doc_keyness import (document_log_ratio_interval,
                                                 document_permutation_p)

    statements = corpus.statements
    t_mask, r_mask, _ = _group_masks(statements, by=by, target=target, reference=reference)
    m, vocab = document_term_matrix(corpus, tokenizer=tokenizer)
    yt = np.asarray(m[t_mask].sum(axis=0)).ravel()
    yr = np.asarray(m[r_mask].sum(axis=0)).ravel()
    a = _resolve_prior(prior, m, len(vocab))
    if alpha0 is not None and method == "fightin-words":
        a = a * (float(alpha0) / a.sum())
    # alpha_0 sums the prior over the whole vocabulary; terms absent from both groups are only
    # left out of the table (min_count >= 1)
    out = keyness_from_counts(yt, yr, terms=vocab, method=method, prior=a, cells=cells,
                              yates=yates, min_count=max(min_count, 1))
    out = out.rename(columns={"p": "p_token", "p_adjusted": "p_token_adjusted"})
    stop = stop_word_set(stop_words)
    if stop:
        out = out[~out["term"].isin(stop)].reset_index(drop=True)
        out["p_token_adjusted"] = bh_adjust(out["p_token"].to_numpy(dtype=float))

    # document-level columns, for the terms of the table
    col = {w: j for j, w in enumerate(vocab)}
    cols = np.asarray([col[w] for w in out["term"]], dtype=np.int64)
    docs = np.flatnonzero(t_mask | r_mask)
    is_t = t_mask[docs]
    x = m[docs][:, cols].toarray().astype(float)
    doc_tokens = np.asarray(m[docs].sum(axis=1), dtype=float).ravel()
    used = x > 0
    out["docs_target"] = used[is_t].sum(0).astype(np.int64)
    out["docs_reference"] = used[~is_t].sum(0).astype(np.int64)
    n_t, n_r = int(is_t.sum()), int((~is_t).sum())
    short = bool(is_short(min(n_t, n_r), MIN_DOCUMENTS))
    lr = log_ratio(out["count_target"].to_numpy(), out["count_reference"].to_numpy(),
                   yt.sum(), yr.sum())
    out["log_ratio"] = lr
    p = np.full(len(out), np.nan)
    test = np.full(len(out), "", dtype=object)
    lo = np.full(len(out), np.nan)
    hi = np.full(len(out), np.nan)
    if short:
        few = " and ".join(f"{name} has {n} document(s)" for name, n in
                           ((str(target), n_t), (str(reference), n_r)) if n < MIN_DOCUMENTS)
        reason = f"none: too short, {few} (needs >= {MIN_DOCUMENTS} a group)"
        test[:] = reason
        how = np.full(len(out), reason, dtype=object)
    else:
        tested = (used.sum(0) >= int(min_docs))
        test[:] = f"none: in fewer than {int(min_docs)} documents (not tested)"
        if tested.any():
            p_t, exact = document_permutation_p(
                x[:, tested], doc_tokens, is_t, method=method, n_perm=n_perm, seed=seed,
                prior=a[cols[tested]] if method == "fightin-words" else None,
                a0=a.sum(), cells=cells, yates=yates)
            p[tested] = p_t
            from math import comb

            n_lab = comb(n_t + n_r, n_t) if exact else int(n_perm)
            test[tested] = (f"document permutation ({n_lab} relabellings"
                            + (", exact)" if exact else ")"))
        lo, hi = document_log_ratio_interval(x, doc_tokens, is_t, level=level)
        how = np.where(np.isnan(lo), "none: no use in either group",
                       "conditional Poisson (Jeffreys), documents as clusters").astype(object)
    if inference == "token":
        p = out["p_token"].to_numpy(dtype=float)
        test[:] = f"token-level {_TOKEN_TESTS[method]} (words as independent draws)"
    out["p"] = p
    out["p_adjusted"] = bh_adjust(p)
    out["test"] = test
    out["ci_low"], out["ci_high"], out["ci_method"] = lo, hi, how
    out["short_text"] = short
    if short and warn:
        names = [f"{name} ({n} document(s))" for name, n in
                 ((str(target), n_t), (str(reference), n_r)) if n < MIN_DOCUMENTS]
        warn_short(names, 2, what="keyness group", unit="documents", minimum=MIN_DOCUMENTS)
    out = out[KEYNESS_COLUMNS]
    if top is not None:
        out = out.head(int(top)).reset_index(drop=True)
    out.attrs.update(by=str(by), target=str(target), reference=str(reference))
    return out


def stop_word_set(stop_words) -> frozenset:
    """The stop words meant by ``stop_words``: ``"english"``, None (none) or your own words.

    Examples
    --------
    >>> sorted(stop_word_set(["The", "will"]))
    ['the', 'will']
    >>> {"the", "will", "there"} <= stop_word_set("english")
    True
    >>> stop_word_set(None)
    frozenset()
    """
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words.lower() != "english":
            raise OptionError(f"Unknown stop word list {stop_words!r}; use 'english', None or "
                              "a collection of words (e.g. read from a file, one per line).")
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(str(w).lower() for w in stop_words)


def _resolve_prior(prior, m, n_types):
    if isinstance(prior, str):
        if prior == "corpus":
            return np.asarray(m.sum(axis=0), dtype=float).ravel()
        if prior == "uniform":
            return np.full(n_types, 0.01)
        raise OptionError(f"Unknown prior {prior!r}: use 'corpus', 'uniform', a number or an "
                          "array with one value per vocabulary type.")
    arr = np.asarray(prior, dtype=float)
    if arr.ndim == 0:
        return np.full(n_types, float(arr))
    if arr.shape != (n_types,):
        raise OptionError(f"The prior has {arr.size} values but the vocabulary has {n_types} "
                          "types.")
    return arr


def keyness_many(corpus, *, by, targets=None, method="fightin-words", top=None, warn=True,
                 **options):
    """One-vs-rest keyness for several groups, stacked in one long table.

    Parameters
    ----------
    targets : sequence of str, optional
        Values of ``by`` to compare with the rest (default: every value).
    warn : bool, default True
        One :class:`~frameshift.matching.shortness.ShortTextWarning` for the call, naming the
        targets with fewer than three documents.
    **options
        Passed to :func:`keyness` (``inference``, ``n_perm``, ``prior`` ...).

    Returns
    -------
    pandas.DataFrame
        target and the columns of :func:`keyness` (p_adjusted and p_token_adjusted adjusted
        within each target), each target's rows sorted by score descending.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": list("abcd"), "actor": list("xxyz"),
    ...     "text": ["peace talks.", "peace now.", "war talks.", "war now."]}))
    >>> t = keyness_many(c, by="actor", stop_words=None, warn=False)
    >>> t.groupby("target")["short_text"].first().to_dict()
    {'x': True, 'y': True, 'z': True}
    >>> t.loc[t["target"].eq("x"), "term"].iloc[0]
    'peace'
    """
    from frameshift.errors import check_corpus_argument, check_text_argument
    check_corpus_argument(corpus, "corpus", "keyness_many")
    check_text_argument(by, "by", "keyness_many")
    from frameshift.matching.shortness import MIN_DOCUMENTS, warn_short

    statements = corpus.statements
    if by not in statements.columns:
        _group_masks(statements, by=by, target="", reference="rest")
    if targets is None:
        targets = sorted({str(v) for v in statements[by].dropna()})
    parts = []
    short = []
    for t in targets:
        part = keyness(corpus, by=by, target=t, reference="rest", method=method, top=top,
                       warn=False, **options)
        part.insert(0, "target", str(t))
        if len(part) and part["short_text"].iloc[0]:
            short.append(str(t))
        parts.append(part)
    if warn:
        warn_short(short, len(parts), what="keyness comparison", unit="documents a group",
                   minimum=MIN_DOCUMENTS)
    if not parts:
        return pd.DataFrame(columns=["target", *KEYNESS_COLUMNS])
    return pd.concat(parts, ignore_index=True)


def term_counts(corpus, *, top_k=500, stop_words="english", min_length=2, tokenizer=None):
    """Long-form counts of the ``top_k`` most frequent content terms per statement.

    Lets the frame-profile measures (:func:`frameshift.measures.sequence.ntr`, shifts) run on corpora
    without a framing lexicon: each term is treated as a category.

    Parameters
    ----------
    top_k : int, default 500
        Number of most frequent terms kept (ties broken alphabetically).
    stop_words : "english", None or collection of str
        Terms removed first; ``"english"`` is scikit-learn's built-in English list.
    min_length : int, default 2
        Drop terms shorter than this (and terms with no letter).

    Returns
    -------
    pandas.DataFrame
        statement_id, category (the term), count, tokens (all word tokens of the statement),
        per_1000, share (count over the statement's kept-term total), short_text (the
        statement has fewer than 3 sentences: the rule of
        :mod:`frameshift.matching.shortness`); zeros included.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...     "text": ["Reintegration now.", "No coercion, no reintegration."]}))
    >>> t = term_counts(c, top_k=2)
    >>> t[["statement_id", "category", "count", "tokens"]].values.tolist()
    [['a', 'reintegration', 1, 2], ['a', 'coercion', 0, 2], ['b', 'reintegration', 1, 4], ['b', 'coercion', 1, 4]]
    """
    from frameshift.corpus.model import corpus_tokens
    from frameshift.matching.shortness import is_short, sentences_per_document

    toks = corpus_tokens(corpus, tokenizer)
    m, vocab = document_term_matrix(toks)
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise OptionError(f"Unknown stop word list {stop_words!r}; use 'english', None or "
                              "a collection of words.")
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        stop = frozenset(ENGLISH_STOP_WORDS)
    else:
        stop = frozenset(stop_words or ())
    totals = np.asarray(m.sum(axis=0)).ravel()
    ok = np.array([len(w) >= min_length and w not in stop and any(c.isalpha() for c in w)
                   for w in vocab], dtype=bool)
    cand = np.flatnonzero(ok & (totals > 0))
    names = np.asarray(vocab, dtype=object)[cand]
    order = np.lexsort((names.astype(str), -totals[cand]))[: int(top_k)]
    cols = cand[order]
    sub = m[:, cols].toarray()
    n_tokens = np.asarray(m.sum(axis=1)).ravel()
    ids = corpus.statements["statement_id"].astype(str).to_numpy()
    k = len(cols)
    count = sub.ravel()
    tok = np.repeat(n_tokens, k)
    row_tot = np.repeat(sub.sum(axis=1), k)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(row_tot > 0, count / row_tot, np.nan)
        per = np.where(tok > 0, 1000.0 * count / tok, np.nan)
    return pd.DataFrame({
        "statement_id": np.repeat(ids, k),
        "category": np.tile(np.asarray(vocab, dtype=object)[cols].astype(str), len(ids)),
        "count": count.astype(np.int64),
        "tokens": tok.astype(np.int64),
        "per_1000": per,
        "share": share,
        "short_text": np.repeat(is_short(sentences_per_document(toks)), k),
    })


def expansion_candidates(corpus, lexicon=None, *, by="actor", target, reference="rest",
                         method="fightin-words", top=30, covered=None, matches=None,
                         stop_words="english", min_count=2, settings=None, **options):
    """Distinctive terms of ``target`` that the lexicon does not cover: candidates to review.

    A term is *covered* when any of its occurrences in the corpus lies inside a lexicon match
    (so every word of a matched phrase counts as covered). Stop words, terms without a letter
    and terms seen fewer than ``min_count`` times in the target are left out. Review each
    candidate in context (``frameshift kwic``) before adding it to a lexicon.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, optional
        Matched with :func:`frameshift.matching.find_matches` (unless ``matches`` or ``covered``
        is given).
    by, target, reference, method :
        As in :func:`keyness`.
    top : int, default 30
    covered : collection of str, optional
        Normalised forms to treat as covered (instead of matching the lexicon).
    matches : pandas.DataFrame, optional
        Match rows (statement_id, token_start, token_end: word indices within the statement,
        end exclusive, as :func:`frameshift.matching.find_matches` returns) to use instead of
        matching the lexicon.
    settings : MatchSettings, optional
        How the lexicon is matched (read from ``matches`` when given); its tokenizer settings
        are also those of the keyness table.
    **options
        Passed to :func:`keyness` (prior, alpha0, cells ...).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`keyness` (the adjustments over all terms), only uncovered terms
        with ``score > 0``, best first.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": list("abcd"), "actor": list("xxyy"),
    ...     "text": ["The blockade and the corridor.", "A blockade, the corridor again.",
    ...              "Peace and integrity.", "Integrity, peace."]}))
    >>> t = expansion_candidates(c, {"corridor": ["corridor"]}, target="x", warn=False)
    >>> t["term"].tolist()
    ['blockade']
    """
    if covered is None:
        if matches is None:
            if lexicon is None:
                raise OptionError("expansion_candidates needs a lexicon, match rows or a set of "
                                  "covered terms.")
            matches = find_matches(corpus, lexicon, settings=settings)
        settings = settings_of(matches, settings)
        covered = _covered_types(corpus, matches, tokenizer=settings.tokenizer)
    else:
        settings = match_settings(settings)
    covered = {str(c) for c in covered}
    table = keyness(corpus, by=by, target=target, reference=reference, method=method,
                    tokenizer=settings.tokenizer, **options)
    if isinstance(stop_words, str):
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        stop = frozenset(ENGLISH_STOP_WORDS)
    else:
        stop = frozenset(stop_words or ())
    terms = table["term"].astype(str)
    keep = (~terms.isin(covered) & ~terms.isin(stop)
            & terms.map(lambda w: any(c.isalpha() for c in w))
            & (table["count_target"] >= min_count) & (table["score"] > 0))
    return table[keep.to_numpy()].head(int(top)).reset_index(drop=True)


def _covered_types(corpus, matches, *, tokenizer=None) -> set:
    """Normalised forms of every token that lies inside a match (token_start..token_end)."""
    from frameshift.corpus.model import corpus_tokens

    need = [c for c in ("statement_id", "token_start", "token_end") if c not in matches.columns]
    if need:
        raise ValueError(f"The match rows lack column(s) {need}; expected the rows of "
                         "frameshift.matching.find_matches.")
    toks = corpus_tokens(corpus, tokenizer)
    pos = {sid: i for i, sid in enumerate(corpus.statements["statement_id"].astype(str))}
    type_ids = toks.type_ids()
    out: set = set()
    for sid, a, b in zip(matches["statement_id"].astype(str),
                         matches["token_start"].to_numpy(), matches["token_end"].to_numpy()):
        i = pos.get(sid)
        if i is None:
            continue
        base = int(toks.doc_index[i])
        out.update(toks.types[t] for t in type_ids[base + int(a):base + int(b)])
    return out
