"""Count lexicon matches over several processes: split the statements, count each part, join.

Counting is a map over statements followed by a sum: no match crosses a statement, and a
glob resolved against one part's vocabulary expands to the same words in those statements as
against the whole corpus's. So :func:`count_matches_parallel` cuts the statements into
contiguous parts of about equal text length, counts each part in its own process (the calling
process counts one of them) and gets back, per text of the part, the integer arrays
:func:`frameshift.matching.count_matches` builds its table from (matches and negated matches
per category, word tokens, sentences: a few bytes a text, nothing text-sized is pickled). Put
end to end they are the whole corpus's arrays, and the table is built from them by the same
function as in ``count_matches``, so it equals the single-process table exactly
(``pandas.testing.assert_frame_equal`` holds, dtypes included).

The streaming (:mod:`frameshift.matching.stream`) and Dask (:mod:`frameshift.matching.dask`)
paths keep per-group sums instead (their parts may hold more texts than fit in memory at
once): :func:`partial_counts` and :func:`combine_counts` are their map and reduce.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from frameshift.errors import OptionError

from .engine import _count_frame, _warn_short_groups, match_settings, rates

__all__ = ["count_matches_parallel", "partial_counts", "combine_counts", "split_statements"]

#: Integer columns of a partial count table (summed by :func:`combine_counts`).
SUM_COLUMNS = ("count", "negated", "tokens", "sentences")


def _by_list(by) -> list[str]:
    cols = [by] if isinstance(by, str) else list(by)
    if not cols:
        raise OptionError("cannot count by nothing: give at least one statement column, e.g. "
                          "by='actor'.")
    return cols


def _check_by(statements: pd.DataFrame, cols: list[str]) -> None:
    avail = [c for c in statements.columns if c != "text"]
    missing = [c for c in cols if c not in avail]
    if missing:
        raise OptionError(
            f"cannot count by {', '.join(map(repr, missing))}: not a column of the statements. "
            f"Available columns: {', '.join(avail)}.")


def partial_counts(statements: pd.DataFrame, lexicon, *, by="actor", **options) -> pd.DataFrame:
    """The map step: count one part of a corpus's statements.

    Parameters
    ----------
    statements : DataFrame
        Validated statements (rows of ``Corpus.statements``, in analysis order).
    lexicon : Lexicon, str or dict
    by : str or list of str
    **options
        Matching options of :func:`frameshift.matching.count_matches`.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``category``, ``count``, ``negated``, ``tokens`` (no rates: those
        are computed after summing, by :func:`combine_counts`).
    """
    from frameshift.corpus.model import Corpus
    from frameshift.matching.engine import count_matches

    cols = _by_list(by)
    table = count_matches(Corpus(statements), lexicon, by=cols, warn=False, **options)
    return table[cols + ["category", *SUM_COLUMNS]]


def combine_counts(partials, *, by="actor", categories) -> pd.DataFrame:
    """The reduce step: sum partial count tables and add ``per_1000`` and ``share``.

    Parameters
    ----------
    partials : sequence of DataFrame
        Outputs of :func:`partial_counts`, in corpus order (groups keep the order of their
        first appearance).
    by : str or list of str
    categories : sequence of str
        Category ids in lexicon order (every partial lists each group once per category, in
        this order).

    Returns
    -------
    DataFrame
        As :func:`frameshift.matching.count_matches`: the ``by`` columns, ``category``,
        ``count``, ``negated``, ``tokens``, ``per_1000``, ``share``.

    Examples
    --------
    >>> a = pd.DataFrame({"actor": ["x", "x"], "category": ["c", "d"], "count": [1, 0],
    ...                   "negated": [0, 0], "tokens": [10, 10], "sentences": [2, 2]})
    >>> b = pd.DataFrame({"actor": ["y", "y", "x", "x"], "category": ["c", "d", "c", "d"],
    ...                   "count": [0, 2, 1, 1], "negated": [0, 1, 0, 0],
    ...                   "tokens": [4, 4, 10, 10], "sentences": [1, 1, 2, 2]})
    >>> t = combine_counts([a, b], by="actor", categories=["c", "d"])
    >>> t.drop(columns=["sentences", "short_text"])
      actor category  count  negated  tokens  per_1000     share
    0     x        c      2        0      20     100.0  0.666667
    1     x        d      1        0      20      50.0  0.333333
    2     y        c      0        0       4       0.0  0.000000
    3     y        d      2        1       4     500.0  1.000000
    >>> t[["actor", "sentences", "short_text"]].drop_duplicates().values.tolist()
    [['x', 4, False], ['y', 1, True]]
    """
    cols = _by_list(by)
    cats = list(categories)
    K = len(cats)
    parts = [p for p in partials if len(p)]
    if not parts:
        raise ValueError("combine_counts needs at least one non-empty partial table.")
    df = pd.concat(parts, ignore_index=True)
    if K == 0 or len(df) % K:
        raise ValueError("partial tables must list every group once per category.")
    # Each partial is group-major with the categories in lexicon order: one block per group.
    blocks = df.iloc[::K]
    keys = blocks[cols].reset_index(drop=True)
    if len(cols) > 1:
        codes, uniques = pd.MultiIndex.from_frame(keys.astype(object)).factorize()
    else:
        codes, uniques = pd.factorize(keys[cols[0]].astype(object), use_na_sentinel=False)
    G = len(uniques)
    sums = {}
    for c in SUM_COLUMNS:
        acc = np.zeros((G, K), np.int64)
        np.add.at(acc, codes, df[c].to_numpy(np.int64).reshape(-1, K))
        sums[c] = acc
    _, first_row = np.unique(codes, return_index=True)  # first block of every group
    out = keys.iloc[np.repeat(first_row, K)].reset_index(drop=True)
    out["category"] = np.tile(np.asarray(cats, dtype=object), G)
    out["category"] = out["category"].astype(str)
    cnt = sums["count"].reshape(-1)
    tok = sums["tokens"].reshape(-1)
    tot = np.repeat(sums["count"].sum(axis=1), K)
    out["count"] = cnt
    out["negated"] = sums["negated"].reshape(-1)
    out["tokens"] = tok
    # The same rule as count_matches, on the same integers.
    out["per_1000"], out["share"] = rates(cnt, tok, tot)
    # issue 13: the one "too short" rule on the summed sentences, one warning per call
    from frameshift.matching.shortness import is_short, warn_short

    out["sentences"] = sums["sentences"].reshape(-1)
    out["short_text"] = np.asarray(is_short(out["sentences"].to_numpy()), dtype=bool)
    first = out.drop_duplicates(cols)
    sub = first.loc[first["short_text"].to_numpy(dtype=bool), cols]
    warn_short(["/".join(map(str, key)) for key in sub.itertuples(index=False)], len(first),
               what="group", stacklevel=4)
    return out


def split_statements(statements: pd.DataFrame, n_parts: int) -> list[tuple[int, int]]:
    """Cut row positions ``[0, len)`` into up to ``n_parts`` contiguous ranges of about equal
    text length.

    Examples
    --------
    >>> st = pd.DataFrame({"text": ["a" * 10, "b" * 10, "c" * 30, "d" * 10]})
    >>> split_statements(st, 2)
    [(0, 2), (2, 4)]
    """
    n = len(statements)
    if n == 0:
        return []
    n_parts = max(1, min(int(n_parts), n))
    size = np.fromiter(map(len, statements["text"].tolist()), np.int64, n) + 1
    cum = np.cumsum(size)
    targets = cum[-1] * np.arange(1, n_parts) / n_parts
    # Cut after the statement whose running length is nearest to each target.
    i = np.minimum(np.searchsorted(cum, targets, side="left"), n - 1)
    prev = np.maximum(i - 1, 0)
    nearer_prev = (i > 0) & (np.abs(cum[prev] - targets) < np.abs(cum[i] - targets))
    cuts = np.unique(np.concatenate([[0], np.where(nearer_prev, i, i + 1), [n]]))
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


def _categories(lexicon) -> tuple:
    from frameshift.lexicon.formats import as_lexicon

    lex = as_lexicon(lexicon)
    return lex, lex.category_ids


def _context(start_method):
    if start_method is None:
        # fork starts workers without re-importing pandas and scipy (about a second each);
        # elsewhere, the platform default.
        start_method = "fork" if sys.platform.startswith("linux") else None
    return multiprocessing.get_context(start_method)


def count_matches_parallel(corpus, lexicon, *, by="actor", n_jobs: int | None = None,
                           parts: int | None = None, start_method: str | None = None,
                           **options) -> pd.DataFrame:
    """:func:`frameshift.matching.count_matches` over several processes; the same table.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, str (bundled name or path) or dict
    by : str or list of str, default "actor"
    n_jobs : int, optional
        Worker processes (default: the number of CPU cores available). ``1`` counts in this
        process (same split-and-sum code, no pool).
    parts : int, optional
        Number of parts the statements are cut into (default ``n_jobs``).
    start_method : str, optional
        Multiprocessing start method (default ``"fork"`` on Linux, else the platform's).
    **options
        Matching options of :func:`~frameshift.matching.count_matches` (``case_sensitive``,
        ``nested_scope``, ``cross_sentences``, ``negation_window``, ``negators``,
        ``tokenizer``).

    Returns
    -------
    DataFrame
        Exactly what ``count_matches(corpus, lexicon, by=by, **options)`` returns.

    Raises
    ------
    OptionError
        A ``by`` column the statements lack, or ``n_jobs`` below 1.

    Examples
    --------
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b", "c"],
    ...     "actor": ["baku", "nk", "baku"],
    ...     "text": ["Reintegration now.", "No coercion.", "Reintegration, reintegration."]}))
    >>> count_matches_parallel(c, {"reint": ["reintegration"]}, n_jobs=1, parts=3
    ...                        ).drop(columns=["sentences", "short_text"])
      actor category  count  negated  tokens  per_1000  share
    0  baku    reint      3        0       4     750.0    1.0
    1    nk    reint      0        0       2       0.0    NaN
    """
    if n_jobs is None:
        n_jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    if int(n_jobs) < 1:
        raise OptionError(f"n_jobs must be 1 or more, not {n_jobs!r}.")
    from frameshift.errors import check_corpus_argument
    check_corpus_argument(corpus, "corpus", "count_matches_parallel")
    n_jobs = int(n_jobs)
    cols = _by_list(by)
    st = corpus.statements
    _check_by(st, cols)
    settings = match_settings(None, **options)  # bad options fail here, before any fork
    lex, cats = _categories(lexicon)
    ranges = split_statements(st, parts or n_jobs) or [(0, 0)]
    reap = _nothing
    if n_jobs == 1 or len(ranges) == 1:
        arrays = [_part_arrays(st.iloc[a:b], lex, settings) for a, b in ranges]
    else:
        arrays, reap = _count_parts(st, lex, settings, ranges, n_jobs, start_method)
    try:
        # The parts' rows are the corpus's texts in order: the table is built from them as
        # count_matches builds it from its own (same arrays, same code).
        counts, neg, n_tok, n_sent = (np.concatenate(x) for x in zip(*arrays))
        out = _count_frame(cats, (n_tok, n_sent), st, counts, neg, cols)
    finally:
        reap()  # the workers have exited by now (they leave as soon as they have sent)
    out.attrs["settings"] = settings
    return _warn_short_groups(out, cols, len(cats))


def _part_arrays(statements: pd.DataFrame, lexicon, settings) -> tuple:
    """The map step of :func:`count_matches_parallel`: matches and negated matches per text x
    category (int64), word tokens and sentences per text, of some consecutive statements."""
    from frameshift.corpus.model import Corpus
    from frameshift.matching.engine import _prepare
    from frameshift.matching.shortness import sentences_per_document

    _, tokens, _, _, (counts, neg) = _prepare(Corpus(statements), lexicon, settings,
                                              table=True)
    return counts, neg, tokens.n_tokens(), sentences_per_document(tokens)


def _count_parts(st, lex, settings, ranges, n_jobs: int, start_method) -> tuple:
    """:func:`_part_arrays` of every range, over ``n_jobs`` processes (this one included),
    and a function that waits for the worker processes to exit (call it when done)."""
    ctx = _context(start_method)
    if ctx.get_start_method() == "fork":
        return _count_forked(st, lex, settings, ranges, n_jobs)
    # Without fork the statements travel to the workers pickled, through a pool.
    here = len(ranges) <= n_jobs
    sent = ranges[:-1] if here else ranges
    with ProcessPoolExecutor(max_workers=min(n_jobs - here, len(sent)), mp_context=ctx) as pool:
        futures = [pool.submit(_part_arrays, st.iloc[a:b], lex, settings) for a, b in sent]
        mine = [_part_arrays(st.iloc[a:b], lex, settings) for a, b in ranges[len(sent):]]
        return [f.result() for f in futures] + mine, _nothing


def _nothing() -> None:
    pass


class WorkerTraceback(Exception):
    """The traceback of an error raised in a worker process (the ``__cause__`` of the error
    re-raised here)."""

    def __str__(self) -> str:
        return "\n" + self.args[0]


def _count_forked(st, lex, settings, ranges, n_jobs: int) -> tuple:
    """:func:`_count_parts` with forked workers: one ``os.fork`` and one pipe per worker.

    A worker sees the statements and the lexicon in the memory it inherits and counts its
    ranges (every ``P``-th, ``P`` processes; this process counts the last share); it writes
    back only the pickled per-text arrays (or the error it raised, with its traceback) and
    leaves with ``os._exit``. No pool: a ``ProcessPoolExecutor`` starts a manager thread
    that competes with this process's count for the interpreter lock, so its worker got its
    task ~5 ms later than a bare fork starts, and its result ~3 ms after the worker had sent
    it (issue 20, benchmarks/README.md)."""
    n_proc = min(n_jobs, len(ranges))
    shares = [list(range(i, len(ranges), n_proc)) for i in range(n_proc)]
    # The objects that exist now are left out of the cyclic garbage collector's passes until
    # the parts are counted: a full pass in a worker (or here, while a worker lives) would
    # write to every page holding them and so copy those pages (copy-on-write after fork;
    # 4,000 page copies and 0.02 s in a part of inaugural x100 with 9,000 patterns). Not if
    # the caller froze objects itself (unfreezing would release theirs too).
    freeze = gc.isenabled() and not gc.get_freeze_count()
    if freeze:
        gc.freeze()
    workers = []  # (pid, read end of its pipe)
    done = False
    try:
        for share in shares[:-1]:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                _worker(st, lex, settings, [ranges[j] for j in share], w,
                        [r] + [fd for _, fd in workers])
            os.close(w)
            workers.append((pid, r))
        out = [None] * len(ranges)
        for j in shares[-1]:
            a, b = ranges[j]
            out[j] = _part_arrays(st.iloc[a:b], lex, settings)
        for i, ((pid, r), share) in enumerate(zip(workers, shares)):
            workers[i] = (pid, None)  # (the file closes r)
            with os.fdopen(r, "rb") as f:
                data = f.read()
            got = _worker_result(pid, data)
            for j, arrays in zip(share, got):
                out[j] = arrays
        done = True
    finally:
        if freeze:
            gc.unfreeze()
        if not done:  # an error here (or Ctrl-C): the workers' results are not wanted
            for pid, r in workers:
                if r is not None:
                    os.close(r)
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            _reap([pid for pid, _ in workers])

    # The arrays are here: the table need not wait for the workers to exit (a worker's exit
    # unmaps all it allocated); it is built first, and the workers are reaped after.
    return out, lambda: _reap([pid for pid, _ in workers])


def _reap(pids) -> None:
    for pid in pids:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:  # (reaped already)
            pass


def _worker(st, lex, settings, ranges, w: int, close) -> None:
    """A forked worker: count ``ranges``, write ``(True, arrays)`` or ``(False, error,
    traceback text)`` pickled to the pipe ``w``, exit (never returns)."""
    code = 1
    try:
        for fd in close:  # the read ends here and earlier workers' (EOF when a worker dies)
            os.close(fd)
        try:
            payload = (True, [_part_arrays(st.iloc[a:b], lex, settings) for a, b in ranges])
        except BaseException as e:  # noqa: BLE001 - re-raised in the calling process
            tb = traceback.format_exc()
            try:
                pickle.loads(pickle.dumps(e))
            except Exception:  # noqa: BLE001 - an error that does not pickle
                e = RuntimeError(f"{type(e).__name__}: {e}")
            payload = (False, e, tb)
        with os.fdopen(w, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)


def _worker_result(pid: int, data: bytes) -> list:
    """The arrays a worker sent, or the error it raised (raised here)."""
    if not data:  # it died before writing (killed, out of memory)
        _, status = os.waitpid(pid, 0)
        how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
               else f"exit status {os.WEXITSTATUS(status)}")
        raise RuntimeError(
            f"count_matches_parallel: worker process {pid} ended without a result ({how}; "
            "out of memory?). Try fewer n_jobs, or n_jobs=1 to count in this process.")
    payload = pickle.loads(data)
    if payload[0]:
        return payload[1]
    _, err, tb = payload
    raise err from WorkerTraceback(tb)
