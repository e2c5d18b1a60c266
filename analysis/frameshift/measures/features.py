"""Lexicon categories as features for other tools: a sparse document-category matrix, its
Matrix Market export for quanteda/R, and a scikit-learn transformer."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from frameshift.errors import OptionError
from frameshift.files import PROVENANCE_SUFFIX, atomic_write_bytes, check_output_path, csv_bytes

__all__ = ["document_category_matrix", "write_matrix_market", "LexiconVectorizer"]

_RATES = ("count", "per_1000")


def document_category_matrix(corpus, lexicon=None, *, matches: pd.DataFrame | None = None,
                             settings=None, rate: str = "count"):
    """Statements x lexicon categories as a scipy sparse matrix, with the row and column names.

    Built from :func:`frameshift.matching.count_matches` with ``by="statement_id"``, so every
    cell is the count behind the same match rows and KWIC lines.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, CompiledLexicon, str or dict
        Needed unless ``matches`` is given (then it only sets the category order).
    matches : DataFrame, optional
        Rows of :func:`frameshift.matching.find_matches` to count instead of matching again.
    settings : MatchSettings, optional
        The matching settings (one value, as everywhere).
    rate : {"count", "per_1000"}, default "count"
        Matches per cell, or matches per 1,000 word tokens of the statement (0 for a
        statement without tokens).

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        ``n_statements x n_categories``; rows in corpus order, columns in lexicon order.
    docvars : DataFrame
        One row per statement: ``statement_id`` and the statement metadata (not the text).
    features : list of str
        The category id of every column.

    Raises
    ------
    OptionError
        ``rate`` other than ``"count"`` or ``"per_1000"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...     "text": ["Reintegration now.", "No coercion, no reintegration."]}))
    >>> m, docvars, features = document_category_matrix(
    ...     c, {"reint": ["reintegration"], "coercion": ["coercion"]})
    >>> features
    ['reint', 'coercion']
    >>> m.toarray().tolist()
    [[1, 0], [1, 1]]
    >>> docvars.columns.tolist()
    ['statement_id', 'actor', 'date']
    """
    from scipy import sparse

    from frameshift.matching import count_matches

    if rate not in _RATES:
        raise OptionError(f"rate={rate!r}: use 'count' or 'per_1000'.")
    counts = count_matches(corpus, lexicon, by="statement_id", matches=matches,
                           settings=settings)
    ids = [str(s) for s in corpus.statements["statement_id"]]
    features = list(dict.fromkeys(counts["category"].astype(str)))
    value = counts["count"] if rate == "count" else counts["per_1000"].fillna(0.0)
    wide = (pd.DataFrame({"statement_id": counts["statement_id"].astype(str),
                          "category": counts["category"].astype(str), "value": value})
            .pivot(index="statement_id", columns="category", values="value")
            .reindex(index=ids, columns=features).fillna(0))
    dtype = np.int64 if rate == "count" else np.float64
    matrix = sparse.csr_matrix(wide.to_numpy(dtype=dtype))
    docvars = corpus.statements.drop(columns=["text"], errors="ignore").reset_index(drop=True)
    return matrix, docvars, features


def write_matrix_market(matrix, docvars, features, path, *, force: bool = False,
                        provenance: dict | None = None, escape_formulas: bool = True) -> dict:
    """Write a document-feature matrix in a form quanteda/R reads: Matrix Market and CSVs.

    ``path`` names the ``.mtx`` file; beside it go ``<stem>.docvars.csv`` (one row per matrix
    row) and ``<stem>.features.csv`` (one column ``feature``, one row per matrix column), and
    a provenance record. In R::

        m <- Matrix::readMM("dcm.mtx")
        rownames(m) <- read.csv("dcm.docvars.csv")$statement_id
        colnames(m) <- read.csv("dcm.features.csv")$feature
        d <- quanteda::as.dfm(m)
        quanteda::docvars(d) <- read.csv("dcm.docvars.csv")

    Parameters
    ----------
    matrix : scipy.sparse matrix
        ``n_docs x n_features``.
    docvars : DataFrame
        One row per matrix row.
    features : sequence of str
        One name per matrix column.
    path : str or Path
        The ``.mtx`` file to write.
    force : bool, default False
        Replace existing files that frameshift did not write.
    provenance : dict, optional
        Extra fields for the provenance record.
    escape_formulas : bool, default True
        Prefix text cells of the CSVs starting with ``=``, ``+``, ``-``, ``@``, a tab or a
        carriage return with ``'`` (spreadsheet formula injection, see
        :func:`frameshift.files.escape_formulas`); False for files read only by R.

    Returns
    -------
    dict
        ``{"matrix": Path, "docvars": Path, "features": Path}``.

    Raises
    ------
    OptionError
        ``path`` does not end in ``.mtx``, or the shapes of the three parts disagree.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from scipy import sparse
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "dcm.mtx"
    >>> files = write_matrix_market(sparse.csr_matrix([[1, 0], [2, 3]]),
    ...     pd.DataFrame({"statement_id": ["a", "b"]}), ["reint", "coercion"], out)
    >>> sorted(p.name for p in files.values())
    ['dcm.docvars.csv', 'dcm.features.csv', 'dcm.mtx']
    """
    from frameshift.errors import check_path_argument, check_table_argument
    check_table_argument(docvars, "docvars", "write_matrix_market", "document_category_matrix(...)")
    check_path_argument(path, "path", "write_matrix_market")
    import io

    from scipy import io as sio
    from scipy import sparse

    path = Path(path)
    if path.suffix.lower() != ".mtx":
        raise OptionError(f"{path}: end the Matrix Market file name in .mtx.")
    n_docs, n_feat = matrix.shape
    if len(docvars) != n_docs or len(features) != n_feat:
        raise OptionError(f"the matrix is {n_docs} x {n_feat} but there are {len(docvars)} "
                          f"docvars rows and {len(features)} feature names; give one docvars "
                          f"row per matrix row and one name per column.")
    stem = path.name[: -len(path.suffix)]
    targets = {"matrix": path, "docvars": path.with_name(f"{stem}.docvars.csv"),
               "features": path.with_name(f"{stem}.features.csv")}
    record_path = path.with_name(path.name + PROVENANCE_SUFFIX)
    for p in targets.values():  # one provenance record (beside the .mtx) marks all three ours
        check_output_path(p, force=force, marker=record_path)
    buf = io.BytesIO()
    sio.mmwrite(buf, sparse.coo_matrix(matrix))
    data = {"matrix": buf.getvalue(),
            # (formula-leading text escaped, OWASP: see frameshift.files.escape_formulas)
            "docvars": csv_bytes(docvars, escape_formulas=escape_formulas),
            "features": csv_bytes(pd.DataFrame({"feature": list(features)}),
                                  escape_formulas=escape_formulas)}
    for key, p in targets.items():
        atomic_write_bytes(p, data[key])
    record = dict(provenance or {})
    record["output"] = {"files": {k: p.name for k, p in targets.items()},
                        "shape": [int(n_docs), int(n_feat)]}
    atomic_write_bytes(record_path,
                       (json.dumps(record, indent=2, sort_keys=True, default=str) + "\n")
                       .encode("utf-8"))
    return targets


class LexiconVectorizer:
    """Texts to lexicon-category features, as a scikit-learn transformer.

    ``transform`` turns a list of texts into an ``n_texts x n_categories`` sparse matrix of
    match counts (or matches per 1,000 word tokens), matched with the same engine and
    settings as :func:`frameshift.matching.count_matches`. Nothing is learnt from the data:
    ``fit`` only compiles the lexicon, so the transformer can sit first in a ``Pipeline``.

    Parameters
    ----------
    lexicon : Lexicon, str (bundled name or path) or dict
    settings : MatchSettings, optional
        The matching settings (default: ``MatchSettings()``).
    rate : {"count", "per_1000"}, default "count"

    Examples
    --------
    >>> v = LexiconVectorizer({"reint": ["reintegration"], "coercion": ["coercion"]})
    >>> v.fit_transform(["Reintegration now.", "No coercion, no reintegration."]).toarray()
    array([[1, 0],
           [1, 1]])
    >>> v.get_feature_names_out().tolist()
    ['reint', 'coercion']
    """

    def __init__(self, lexicon=None, *, settings=None, rate: str = "count"):
        self.lexicon = lexicon
        self.settings = settings
        self.rate = rate

    # scikit-learn's clone() and grid search read and set parameters through these two.
    def get_params(self, deep: bool = True) -> dict:
        """The constructor parameters (scikit-learn protocol)."""
        return {"lexicon": self.lexicon, "settings": self.settings, "rate": self.rate}

    def set_params(self, **params):
        """Set constructor parameters (scikit-learn protocol); returns self."""
        for key, value in params.items():
            if key not in ("lexicon", "settings", "rate"):
                raise OptionError(f"LexiconVectorizer has no parameter {key!r}; it has "
                                  f"lexicon, settings and rate.")
            setattr(self, key, value)
        return self

    def fit(self, X=None, y=None):
        """Read and validate the lexicon and fix the feature names; ``X``, ``y`` are not used."""
        from frameshift.lexicon import as_lexicon

        if self.lexicon is None:
            raise OptionError("LexiconVectorizer needs a lexicon: LexiconVectorizer(lexicon).")
        if self.rate not in _RATES:
            raise OptionError(f"rate={self.rate!r}: use 'count' or 'per_1000'.")
        self.lexicon_ = as_lexicon(self.lexicon)
        self.feature_names_ = [str(c) for c in self.lexicon_.category_ids]
        self.n_features_out_ = len(self.feature_names_)
        return self

    def transform(self, X):
        """The ``n_texts x n_categories`` sparse feature matrix of a list of texts."""
        from frameshift.corpus import from_frame

        if not hasattr(self, "lexicon_"):
            self.fit()
        if isinstance(X, str):
            raise OptionError("LexiconVectorizer.transform takes a list of texts, not one "
                              "string; wrap it: [text].")
        texts = [str(t) for t in X]
        if not texts:
            from scipy import sparse
            return sparse.csr_matrix((0, self.n_features_out_), dtype=np.int64)
        corpus = from_frame(pd.DataFrame({"statement_id": [f"t{i}" for i in range(len(texts))],
                                          "actor": "text", "text": texts}))
        matrix, _, features = document_category_matrix(corpus, self.lexicon_,
                                                       settings=self.settings, rate=self.rate)
        return matrix

    def fit_transform(self, X, y=None):
        """``fit`` then ``transform``."""
        return self.fit(X, y).transform(X)

    def get_feature_names_out(self, input_features=None):
        """The category ids, one per output column, as a numpy array of str."""
        if not hasattr(self, "feature_names_"):
            self.fit()
        return np.asarray(self.feature_names_, dtype=object)
