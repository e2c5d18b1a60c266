"""Tests of frameshift.matching.parallel: split, count per part, sum == single-process counts exactly."""

import pandas as pd
import pytest

from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.errors import OptionError
from frameshift.matching.engine import count_matches
from frameshift.matching.parallel import combine_counts, count_matches_parallel, split_statements

LEX = {"reint": ["reintegrat*", "re-integration"], "coercion": ["coerc*", "ready-made solution*"],
       "format": ["internationally established {0,2} format"], "none": ["zzzz"]}


@pytest.fixture(scope="module")
def toy():
    return from_frame(pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(6)],
        "actor": ["baku", "nk", None, "baku", "nk", "media"],
        "date": ["2023-03-27", "2023-03-28", "2023-03-28", None, "2023-03-01", "2023-03-29"],
        "party": ["A", "B", "B", "A", "B", "C"],
        "text": ["Reintegration now, no coercion.", "No ready made solutions. Coercive!",
                 "An internationally established negotiation format.", "re-integration",
                 "Not coercion.", "Coercion and reintegration: reintegrate."]}))


def test_hand_computed_counts_over_two_processes(toy):
    got = count_matches_parallel(toy, LEX, by="actor", n_jobs=2, parts=3)
    # baku: s0 (reintegration, coercion; 4 tokens) + s3 (re-integration; 1 token)
    row = got[(got["actor"] == "baku") & (got["category"] == "reint")].iloc[0]
    assert (row["count"], row["tokens"]) == (2, 5)
    row = got[(got["actor"] == "nk") & (got["category"] == "coercion")].iloc[0]
    # nk: s1 "No ready made solutions. Coercive!" (5 tokens), s4 "Not coercion." (2)
    assert (row["count"], row["negated"], row["tokens"]) == (3, 2, 7)
    # groups in analysis order: s4 (nk, 1 March) comes first, undated s3 last
    assert got["actor"].tolist()[::4] == ["nk", "baku", None, "media"]


@pytest.mark.parametrize("by", ["actor", "statement_id", ["party", "actor"], "date"])
@pytest.mark.parametrize("parts", [1, 2, 4, 6])
def test_equals_single_process_on_toy(toy, by, parts):
    expected = count_matches(toy, LEX, by=by)
    got = count_matches_parallel(toy, LEX, by=by, n_jobs=1, parts=parts)
    pd.testing.assert_frame_equal(got, expected)


def test_equals_single_process_on_inaugural_with_two_processes():
    corpus = read_corpus("inaugural")
    for by, scope in (("actor", "key"), ("doc_id", "dictionary"), (["Party", "Year"], "key")):
        expected = count_matches(corpus, "karabakh_framing", by=by, nested_scope=scope)
        got = count_matches_parallel(corpus, "karabakh_framing", by=by, n_jobs=2, parts=5,
                                     nested_scope=scope)
        pd.testing.assert_frame_equal(got, expected)


def test_equals_single_process_on_bundled_karabakh_corpus():
    corpus = read_corpus("karabakh_2023")
    expected = count_matches(corpus, "karabakh_framing", by="actor")
    got = count_matches_parallel(corpus, "karabakh_framing", by="actor", n_jobs=2, parts=3)
    pd.testing.assert_frame_equal(got, expected)


def test_split_statements_balances_text_length():
    st = pd.DataFrame({"text": ["x" * 100] + ["y" * 10] * 10})
    ranges = split_statements(st, 2)
    assert ranges == [(0, 1), (1, 11)]
    many = split_statements(st, 50)
    assert many[0] == (0, 1) and many[-1][1] == 11 and len(many) <= 11
    assert all(a[1] == b[0] for a, b in zip(many, many[1:]))


def test_combine_counts_needs_whole_blocks():
    bad = pd.DataFrame({"actor": ["x"], "category": ["c"], "count": [1], "negated": [0],
                        "tokens": [1]})
    with pytest.raises(ValueError, match="every group once per category"):
        combine_counts([bad], by="actor", categories=["c", "d"])


def test_options_errors(toy):
    with pytest.raises(OptionError, match="n_jobs must be 1 or more"):
        count_matches_parallel(toy, LEX, n_jobs=0)
    with pytest.raises(OptionError, match="cannot count by 'speaker'.*Available columns"):
        count_matches_parallel(toy, LEX, by="speaker")


def test_leaves_the_garbage_collector_as_it_was(toy):
    import gc

    expected = count_matches(toy, LEX, by="actor")
    assert gc.get_freeze_count() == 0
    got = count_matches_parallel(toy, LEX, by="actor", n_jobs=2, parts=2)
    pd.testing.assert_frame_equal(got, expected)
    # frozen for the parts only (copy-on-write after fork), then released
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.freeze()  # the caller's own freeze is kept (unfreezing would empty it)
    try:
        count_matches_parallel(toy, LEX, by="actor", n_jobs=2, parts=2)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_unknown_option_is_named_before_any_worker_starts(toy):
    with pytest.raises(OptionError, match="unknown matching option"):
        count_matches_parallel(toy, LEX, n_jobs=2, nested="key")


def test_spawned_workers_get_the_same_table(toy):
    # without fork (macOS, Windows) the parts travel to the workers pickled
    expected = count_matches(toy, LEX, by=["party", "actor"])
    got = count_matches_parallel(toy, LEX, by=["party", "actor"], n_jobs=2, parts=3,
                                 start_method="spawn")
    pd.testing.assert_frame_equal(got, expected)


def _parts_doing(monkeypatch, *, worker=None, here=None):
    """Make _part_arrays call ``worker()`` first in a worker process and ``here()`` first in
    this one; return the list of the pids forked (filled as they are)."""
    import os

    import frameshift.matching.parallel as par

    real, me = par._part_arrays, os.getpid()

    def part(statements, lexicon, settings):
        action = here if os.getpid() == me else worker
        if action is not None:
            action()
        return real(statements, lexicon, settings)

    forked, fork = [], os.fork

    def recording_fork():
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(par, "_part_arrays", part)
    monkeypatch.setattr(par.os, "fork", recording_fork)
    return forked


def _reaped(pids) -> bool:
    """Whether every one of ``pids`` has been waited for (no zombie left)."""
    import os

    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


def test_a_failing_part_in_the_worker_raises_its_own_error(toy, monkeypatch):
    # the worker's error reaches the caller as raised, with the worker's traceback as cause
    def fail():
        raise ValueError("the worker's part failed")

    forked = _parts_doing(monkeypatch, worker=fail)
    with pytest.raises(ValueError, match="the worker's part failed") as info:
        count_matches_parallel(toy, LEX, by="actor", n_jobs=2, parts=2, start_method="fork")
    assert "in fail" in str(info.value.__cause__)  # the traceback printed in the worker
    assert len(forked) == 1 and _reaped(forked)


def test_an_error_that_does_not_pickle_is_named(toy, monkeypatch):
    class Odd(Exception):
        def __reduce__(self):
            raise TypeError("no pickling")

    def fail():
        raise Odd("odd failure")

    _parts_doing(monkeypatch, worker=fail)
    with pytest.raises(RuntimeError, match="Odd: odd failure"):
        count_matches_parallel(toy, LEX, by="actor", n_jobs=2, parts=2, start_method="fork")


def test_a_worker_that_dies_is_an_error_not_a_hang(toy, monkeypatch):
    import os

    forked = _parts_doing(monkeypatch, worker=lambda: os._exit(3))
    with pytest.raises(RuntimeError, match=r"worker process \d+ ended without a result "
                                           r"\(exit status 3"):
        count_matches_parallel(toy, LEX, by="actor", n_jobs=3, parts=3, start_method="fork")
    assert len(forked) == 2 and _reaped(forked)


def test_an_error_here_stops_and_reaps_the_workers(toy, monkeypatch):
    import time

    def fail():
        raise KeyError("here")

    forked = _parts_doing(monkeypatch, worker=lambda: time.sleep(30), here=fail)
    t = time.perf_counter()
    with pytest.raises(KeyError, match="here"):
        count_matches_parallel(toy, LEX, by="actor", n_jobs=2, parts=2, start_method="fork")
    assert time.perf_counter() - t < 10  # the sleeping worker was killed, not waited for
    assert len(forked) == 1 and _reaped(forked)


def test_workers_are_reaped_when_the_call_returns(toy, monkeypatch):
    forked = _parts_doing(monkeypatch)
    expected = count_matches(toy, LEX, by="actor")
    got = count_matches_parallel(toy, LEX, by="actor", n_jobs=3, parts=5, start_method="fork")
    pd.testing.assert_frame_equal(got, expected)
    assert len(forked) == 2 and _reaped(forked)  # no zombie left behind


def test_group_sums_by_hand():
    # the sums behind every count table: contiguous groups (one reduceat) and scattered ones
    import numpy as np

    from frameshift.matching.engine import _group_sums

    values = np.array([[1, 0], [2, 5], [0, 1], [4, 4], [3, 0]])
    assert _group_sums([0, 0, 1, 2, 2], values, 3).tolist() == [[3, 5], [0, 1], [7, 4]]
    assert _group_sums([0, 1, 0, 2, 1], values, 3).tolist() == [[1, 1], [5, 5], [4, 4]]
    assert _group_sums([0, 1, 2], np.array([7, 8, 9]), 3).tolist() == [7, 8, 9]
    assert _group_sums([], np.zeros((0, 2), int), 0).shape == (0, 2)
