"""Every public name, called with bad arguments, raises frameshift's own errors (issue 17).

The audit behind issue 17 found internal exceptions (TypeError, AttributeError, numpy and
pandas errors, RecursionError) escaping 30 of the public names on wrong types, None, negative
numbers, empty strings, huge ints and bad paths. Here every callable of ``frameshift.__all__``
is called with each bad value of ``BAD`` in every required argument (and, for the functions
that take a corpus first, with a good corpus and the bad value in the other required
arguments). The call may succeed (an empty string is a valid text for ``normalize``); if it
raises, the exception must be a :class:`frameshift.errors.FrameshiftError` (these subclass
``ValueError``/``TypeError`` where that fits) whose message names the argument, the function
or the value -- never a bare ``TypeError`` from deep inside, nor a hang.
"""

from __future__ import annotations

import inspect
import math
import re
import signal
import warnings

import pandas as pd
import pytest

import frameshift as fs
from frameshift.errors import FrameshiftError

# Names that take no argument the user can get wrong here, or whose call would do real work
# with a bad value that is a valid one (build_figures("x") builds every figure into x/).
NOT_CALLED = {"build_figures"}

TIME_LIMIT = 20  # seconds per call: a bad argument must not make a function hang


def _bad_values(tmp_path):
    return {
        "None": None,
        "int": 42,
        "negative": -1,
        "float": 3.5,
        "nan": math.nan,
        "huge int": 10 ** 100,
        "empty string": "",
        "bytes": b"x",
        "empty list": [],
        "empty dict": {},
        "object": object(),
        "missing path": str(tmp_path / "missing" / "nope.csv"),
    }


def _callables():
    out = []
    for name in fs.__all__:
        obj = getattr(fs, name)
        if name in NOT_CALLED or not callable(obj):
            continue
        if inspect.isclass(obj) and issubclass(obj, (BaseException, Warning)):
            continue
        try:
            sig = inspect.signature(obj)
        except (TypeError, ValueError):
            continue
        params = list(sig.parameters.values())
        required = [p for p in params if p.default is p.empty and p.kind in (
            p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        required_kw = [p for p in params if p.default is p.empty and p.kind == p.KEYWORD_ONLY]
        if required or required_kw:
            out.append((name, obj, sig, required, required_kw))
    return out


CALLABLES = _callables()


def _words(name: str) -> set[str]:
    """A name and its parts of 3 letters or more (``counts_a`` -> counts_a, counts)."""
    return {name.casefold()} | {w for w in name.casefold().split("_") if len(w) >= 3}


def _names_the_argument(msg: str, func: str, sig, value) -> bool:
    low = msg.casefold()
    names = set(_words(func))
    for p in sig.parameters:
        names |= _words(p)
    if any(re.search(r"(?<![a-z])" + re.escape(n), low) for n in names):
        return True
    return isinstance(value, str) and bool(value) and value in msg


class _Timeout(Exception):
    pass


def _call(func, args, kwargs):
    """``func(*args, **kwargs)``: None, or the exception it raised (a hang is one too)."""
    def alarm(*_):
        raise _Timeout(f"no answer within {TIME_LIMIT} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(TIME_LIMIT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            func(*args, **kwargs)
        return None
    except BaseException as err:  # noqa: BLE001 (what escapes is what is tested)
        if isinstance(err, KeyboardInterrupt):
            raise
        return err
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _judge(name, sig, label, value, err):
    """The problem with ``err`` (or None when it is a good answer)."""
    if err is None:
        return None
    if not isinstance(err, FrameshiftError):
        return f"{name}({label}): {type(err).__name__}: {str(err)[:120]}"
    if not _names_the_argument(str(err), name, sig, value):
        return f"{name}({label}): message names no argument: {str(err)[:120]}"
    return None


@pytest.fixture
def corpus():
    return fs.from_frame(pd.DataFrame({
        "statement_id": ["a1", "a2", "b1"], "actor": ["a", "a", "b"],
        "date": ["2024-01-01", "2024-01-02", "2024-01-03"],
        "text": ["We want peace and dialogue.", "They impose war.", "Peace now, no war."]}))


def test_every_public_name_is_checked():
    # the battery covers the public API, not a hand-picked part of it (126 names in
    # frameshift.__all__, of which the exception classes and constants take no argument)
    called = {name for name, *_ in CALLABLES}
    assert len(called) >= 90
    for expected in ("read_corpus", "find_matches", "shift", "keyness", "kwic",
                     "segment_article", "write_table", "Corpus", "Lexicon"):
        assert expected in called


@pytest.mark.parametrize("name,obj,sig,required,required_kw", CALLABLES,
                         ids=[c[0] for c in CALLABLES])
def test_bad_arguments_raise_frameshift_errors(name, obj, sig, required, required_kw,
                                               tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a path argument "" or "." must not touch the checkout
    problems = []
    for label, value in _bad_values(tmp_path).items():
        args = [value] * len(required)
        kwargs = {p.name: value for p in required_kw}
        problems.append(_judge(name, sig, label, value, _call(obj, args, kwargs)))
    assert [p for p in problems if p] == []


CORPUS_FIRST = [c for c in CALLABLES if c[3] and c[3][0].name in ("corpus", "corpus_or_tokens")
                and (len(c[3]) > 1 or c[4])]


@pytest.mark.parametrize("name,obj,sig,required,required_kw", CORPUS_FIRST,
                         ids=[c[0] for c in CORPUS_FIRST])
def test_bad_arguments_after_a_good_corpus(name, obj, sig, required, required_kw, corpus,
                                           tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    problems = []
    for label, value in _bad_values(tmp_path).items():
        args = [corpus] + [value] * (len(required) - 1)
        kwargs = {p.name: value for p in required_kw}
        problems.append(_judge(name, sig, label, value, _call(obj, args, kwargs)))
    assert [p for p in problems if p] == []


def test_a_leak_is_caught():
    # the judge itself: a bare TypeError is a failure, a FrameshiftError naming nothing too
    sig = inspect.signature(fs.jsd)
    assert _judge("jsd", sig, "None", None, TypeError("unsupported operand")) is not None
    assert _judge("jsd", sig, "None", None, fs.OptionError("something is wrong.")) is not None
    assert _judge("jsd", sig, "None", None,
                  fs.ArgumentTypeError("jsd(): p must be numbers, got None.")) is None
