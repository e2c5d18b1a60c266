"""Count lexicon matches on a Dask cluster: map = count a partition, reduce = sum.

For corpora beyond one machine. The statements are a :mod:`dask.dataframe` (or a pandas
frame that is cut into partitions); every partition is counted where it lives by
:func:`frameshift.matching.parallel.partial_counts` (a :mod:`dask.bag` map, or one task per partition of a Dask DataFrame), and the small partial tables
(groups x categories, integers) are summed by :func:`frameshift.matching.parallel.combine_counts`. The
result equals :func:`frameshift.matching.count_matches` on the whole corpus exactly.

Dask is imported only when these functions are called (it is a test/optional dependency).
"""

from __future__ import annotations

import pandas as pd

from frameshift.matching.parallel import (SUM_COLUMNS, _by_list, _categories, _check_by,
                                          combine_counts, partial_counts, split_statements)

__all__ = ["count_matches_dask"]


def _partition(df: pd.DataFrame, lexicon, cols, options) -> pd.DataFrame:
    st = df.reset_index(drop=True)
    if not len(st):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in
                             cols + ["category", *SUM_COLUMNS]})
    return partial_counts(st, lexicon, by=cols, **options)


def count_matches_dask(statements, lexicon, *, by="actor", npartitions: int | None = None,
                       client=None, **options) -> pd.DataFrame:
    """:func:`frameshift.matching.count_matches` as a Dask map-reduce.

    Parameters
    ----------
    statements : Corpus, pandas.DataFrame or dask.dataframe.DataFrame
        Validated statements in analysis order (``Corpus.statements``). A pandas frame is cut
        into ``npartitions`` blocks of about equal text length and mapped with
        :mod:`dask.bag`; a Dask DataFrame (e.g. read partition by partition from Parquet files
        written from such tables; needs pyarrow) is mapped partition by partition where it
        lives. Partitions must follow the corpus order for the groups to come out in it.
    lexicon : Lexicon, str or dict
        Read once here and shipped to the workers with the task graph.
    by : str or list of str, default "actor"
    npartitions : int, optional
        Partitions for a pandas/Corpus input (default: 2 per worker of ``client``, else 4).
    client : dask.distributed.Client, optional
        Where to run (default: Dask's current scheduler, e.g. the active ``Client``).
    **options
        Matching options of :func:`~frameshift.matching.count_matches`.

    Returns
    -------
    DataFrame
        What ``count_matches(corpus, lexicon, by=by, **options)`` returns.

    Examples
    --------
    A local cluster bound to the loopback interface::

        from dask.distributed import Client, LocalCluster
        with LocalCluster(host="127.0.0.1", n_workers=2, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            table = count_matches_dask(corpus, "karabakh_framing", by="actor", client=client)

    A real cluster: start a scheduler (``dask scheduler``, which listens on port 8786) and
    workers on other machines (``dask worker tcp://SCHEDULER:8786``), each with frameshift
    installed (the same version: the workers import it to count their partitions), then
    connect to the scheduler's address::

        from dask.distributed import Client
        with Client("tcp://SCHEDULER:8786") as client:
            table = count_matches_dask(corpus, lexicon, by="actor", client=client)

    For corpora larger than the client's memory, give a Dask DataFrame read where the
    workers can reach the files (e.g. ``dask.dataframe.read_parquet`` on shared storage), so
    that the texts never pass through the client.
    """
    import dask
    import dask.bag as db

    from frameshift.corpus.model import Corpus

    cols = _by_list(by)
    lex, cats = _categories(lexicon)
    if isinstance(statements, Corpus):
        statements = statements.statements
    opts = dict(options)
    if isinstance(statements, pd.DataFrame):
        _check_by(statements, cols)
        if npartitions is None:
            n_workers = len(client.scheduler_info().get("workers", {})) if client else 0
            npartitions = 2 * n_workers if n_workers else 4
        chunks = [statements.iloc[a:b] for a, b in split_statements(statements, npartitions)]
        # map: one bag element (a block of statements) per partition, counted where it runs.
        bag = db.from_sequence(chunks, npartitions=len(chunks)).map(
            _partition, lex, cols, opts)
        if client is not None:
            partials = client.compute(bag).result()
        else:
            partials = bag.compute()
    else:  # a dask.dataframe (needs pyarrow) or any collection of statement frames
        _check_by(statements._meta, cols)
        tasks = [dask.delayed(_partition)(p, lex, cols, opts)
                 for p in statements.to_delayed()]
        partials = (client.gather(client.compute(tasks)) if client is not None else
                    list(dask.compute(*tasks)))
    # reduce: integer sums per group and category (small), here on the client.
    return combine_counts([p for p in partials if len(p)], by=cols, categories=cats)
