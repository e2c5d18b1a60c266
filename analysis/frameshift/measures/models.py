"""Frame use with covariates: counts per statement modelled with the tokens as exposure.

"Does the actor, the party or the date change the rate of this frame?" is a regression of the
count of a category in each statement on the statement's covariates, with ``log(tokens)`` as
offset, so every coefficient is a log rate ratio (rate per token, other covariates held
fixed). Three families, all fitted by :mod:`statsmodels`:

* ``"quasi-poisson"`` (default): Poisson point estimates, standard errors scaled by the
  Pearson dispersion ``X^2 / (n - p)`` (McCullagh & Nelder 1989, sec. 4.5) -- frames cluster
  within texts, so counts are over-dispersed and plain Poisson errors are too small;
* ``"poisson"``: plain Poisson errors (only for counts that really are Poisson);
* ``"negative-binomial"``: NB2 with its ``alpha`` estimated by maximum likelihood.

With ``cluster=`` (e.g. ``"actor"``: several statements by the same speaker are not
independent) the standard errors are cluster-robust (sandwich, statsmodels' ``cov_type=
"cluster"``), which replaces the dispersion scaling. Statements without tokens are left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from frameshift.errors import OptionError

__all__ = ["FAMILIES", "frame_rate_model"]

FAMILIES = ("quasi-poisson", "poisson", "negative-binomial")

_TIDY = ["category", "term", "rate_ratio", "ci_low", "ci_high", "log_rate_ratio", "se", "p",
         "family", "se_method", "n_statements", "n_clusters"]


def frame_rate_model(counts, statements, *, formula, categories=None,
                     family="quasi-poisson", cluster=None, level=0.95):
    """Rate ratios of frame use by statement covariates, one model per category.

    Parameters
    ----------
    counts : pandas.DataFrame
        Long counts per statement: statement_id, category, count, tokens (as
        ``count_matches(corpus, lexicon, by="statement_id")`` returns).
    statements : pandas.DataFrame
        statement_id and the covariates named in ``formula`` (e.g. ``corpus.statements``).
    formula : str
        Right-hand side in patsy notation (``"Party"``, ``"Party + Year"``,
        ``"C(actor, Treatment('baku'))"``); the response and the offset are added.
    categories : sequence of str, optional
        Categories to model (default: every category of ``counts``).
    family : {"quasi-poisson", "poisson", "negative-binomial"}
    cluster : str, optional
        Column of ``statements`` whose values are clusters for cluster-robust errors.
    level : float, default 0.95

    Returns
    -------
    pandas.DataFrame
        category, term (``Intercept`` is the baseline rate per token), rate_ratio
        (``exp(coefficient)``), ci_low, ci_high (Wald interval on the log scale,
        exponentiated), log_rate_ratio, se, p (two-sided Wald), family, se_method,
        n_statements, n_clusters.

    Raises
    ------
    OptionError
        Unknown family, a category or covariate that is not there, or a category never used.

    Examples
    --------
    Two parties, counts 6 in 300 tokens v 2 in 400 (a Poisson model with one binary covariate
    reproduces the ratio of the pooled rates, (6/300) / (2/400) = 4):

    >>> counts = pd.DataFrame({"statement_id": ["a", "b", "c", "d"], "category": "freedom",
    ...                        "count": [4, 2, 1, 1], "tokens": [200, 100, 200, 200]})
    >>> st = pd.DataFrame({"statement_id": ["a", "b", "c", "d"], "party": ["R", "R", "D", "D"]})
    >>> t = frame_rate_model(counts, st, formula="party", family="poisson")
    >>> round(float(t.loc[t["term"] == "party[T.R]", "rate_ratio"].iloc[0]), 6)
    4.0
    """
    from frameshift.errors import check_table_argument
    check_table_argument(counts, "counts", "frame_rate_model", "count_matches(...)")
    check_table_argument(statements, "statements", "frame_rate_model", "corpus.statements")
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    if family not in FAMILIES:
        raise OptionError(f"Unknown family {family!r}; use one of: " + ", ".join(FAMILIES) + ".")
    need = [c for c in ("statement_id", "category", "count", "tokens") if c not in counts.columns]
    if need:
        raise OptionError(f"The counts table lacks column(s) {need}; pass the table of "
                          "count_matches(corpus, lexicon, by='statement_id').")
    if "statement_id" not in statements.columns:
        raise OptionError("The statements table needs a statement_id column.")
    cats = list(dict.fromkeys(counts["category"].astype(str))) if categories is None \
        else [str(c) for c in categories]
    missing = sorted(set(cats) - set(counts["category"].astype(str)))
    if missing:
        raise OptionError(f"Categor(ies) {missing} are not in the counts table; it has: "
                          + ", ".join(dict.fromkeys(counts["category"].astype(str))) + ".")
    if cluster is not None and cluster not in statements.columns:
        raise OptionError(f"cluster={cluster!r} is not a column of the statements; they have: "
                          + ", ".join(map(str, statements.columns)) + ".")
    from scipy import stats

    zq = stats.norm.ppf(0.5 + level / 2.0)
    st = statements.copy()
    st["statement_id"] = st["statement_id"].astype(str)
    rows = []
    for cat in cats:
        part = counts[counts["category"].astype(str) == cat][["statement_id", "count",
                                                              "tokens"]].copy()
        part["statement_id"] = part["statement_id"].astype(str)
        data = part.merge(st, on="statement_id", how="left", validate="one_to_one")
        data = data[data["tokens"] > 0].reset_index(drop=True)
        if data["count"].sum() == 0:
            raise OptionError(f"Category {cat!r} has no match in any statement; a rate ratio "
                              "needs at least one. Leave it out with categories=.")
        data["_log_tokens"] = np.log(data["tokens"].astype(float))
        try:
            if family == "negative-binomial":
                model = smf.negativebinomial(f"count ~ {formula}", data,
                                             offset=data["_log_tokens"])
            else:
                model = smf.glm(f"count ~ {formula}", data, family=sm.families.Poisson(),
                                offset=data["_log_tokens"])
        except Exception as e:  # patsy: unknown name / bad formula
            raise OptionError(f"Cannot build the model 'count ~ {formula}' for {cat!r}: {e}. "
                              "Name columns of the statements table.") from None
        fit_kw = {}
        if cluster is not None:
            groups = pd.factorize(data[cluster].astype(str))[0]
            fit_kw = dict(cov_type="cluster", cov_kwds={"groups": groups})
            se_method = f"cluster-robust ({cluster}, {len(set(groups))} clusters)"
            n_cl = int(len(set(groups)))
        elif family == "quasi-poisson":
            fit_kw = dict(scale="X2")
            se_method = "Pearson dispersion X2/(n-p)"
            n_cl = np.nan
        else:
            se_method = "model-based"
            n_cl = np.nan
        if family == "negative-binomial":
            res = model.fit(disp=0, **fit_kw)
        else:
            res = model.fit(tol=1e-12, **fit_kw)
        params, bse, pv = res.params, res.bse, res.pvalues
        for term in params.index:
            if term == "alpha":  # NB2 dispersion, not a covariate
                continue
            b, se = float(params[term]), float(bse[term])
            rows.append({"category": cat, "term": term, "rate_ratio": np.exp(b),
                         "ci_low": np.exp(b - zq * se), "ci_high": np.exp(b + zq * se),
                         "log_rate_ratio": b, "se": se, "p": float(pv[term]),
                         "family": family, "se_method": se_method,
                         "n_statements": int(len(data)), "n_clusters": n_cl})
    return pd.DataFrame(rows, columns=_TIDY)
