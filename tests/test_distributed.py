"""Tests of frameshift.matching.dask: the Dask path equals the single-process counts exactly."""

import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.matching.dask import count_matches_dask
from frameshift.errors import OptionError
from frameshift.matching.engine import count_matches

LEX = {"reint": ["reintegrat*", "re-integration"], "coercion": ["coerc*", "ready-made solution*"],
       "format": ["internationally established {0,2} format"]}


@pytest.fixture(scope="module")
def client():
    with LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def toy():
    return from_frame(pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(7)],
        "actor": ["baku", "nk", None, "baku", "nk", "media", "baku"],
        "date": ["2023-03-27", "2023-03-28", "2023-03-28", None, "2023-03-01", "2023-03-29",
                 "2023-03-27"],
        "party": ["A", "B", "B", "A", "B", "C", "A"],
        "text": ["Reintegration now, no coercion.", "No ready made solutions. Coercive!",
                 "An internationally established negotiation format.", "re-integration",
                 "", "Coercion and reintegration: reintegrate.", "Nothing here."]}))


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("by", ["actor", "statement_id", ["party", "actor"]])
def test_dask_equals_single_process_on_toy(client, toy, by):
    expected = count_matches(toy, LEX, by=by)
    got = count_matches_dask(toy, LEX, by=by, npartitions=3, client=client)
    pd.testing.assert_frame_equal(got, expected)


def test_dask_equals_single_process_on_inaugural(client):
    corpus = read_corpus("inaugural")
    for by in ("actor", "doc_id"):
        got = count_matches_dask(corpus, "karabakh_framing", by=by, client=client,
                                 npartitions=5, nested_scope="dictionary")
        expected = count_matches(corpus, "karabakh_framing", by=by, nested_scope="dictionary")
        pd.testing.assert_frame_equal(got, expected)


def test_dask_without_client_uses_default_scheduler(toy):
    got = count_matches_dask(toy.statements, LEX, by="actor", npartitions=2)
    pd.testing.assert_frame_equal(got, count_matches(toy, LEX, by="actor"))


def test_dask_unknown_by_column(toy):
    with pytest.raises(OptionError, match="cannot count by 'speaker'.*Available columns"):
        count_matches_dask(toy, LEX, by="speaker")
