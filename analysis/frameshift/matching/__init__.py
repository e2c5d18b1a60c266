"""Apply a lexicon to a corpus: the engine (find and count matches, one settings value, one
rates rule), keywords in context, the lexicon check, and the parallel, streaming and Dask
backends (imported from their modules: :mod:`frameshift.matching.parallel`, ``.stream``,
``.dask``)."""

from __future__ import annotations

from .engine import (COUNT_COLUMNS, DEFAULT_NEGATORS, MATCH_COLUMNS, MATCH_OPTIONS,
                     CompiledLexicon, MatchSettings, categories_of, compile_lexicon,
                     count_matches, find_matches, match_settings, rates, settings_of)

# keywords in context and the lexicon check are imported when first asked for: Kwic is a
# DataFrame subclass, and counting alone (``frameshift count``) does not import pandas
_LAZY = {"Kwic": "concordance", "kwic": "concordance", "kwic_from_matches": "concordance",
         "LexiconReport": "check", "check_lexicon": "check"}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["MatchSettings", "match_settings", "settings_of", "categories_of", "rates",
           "CompiledLexicon", "compile_lexicon", "find_matches", "count_matches", "kwic",
           "kwic_from_matches", "Kwic", "check_lexicon", "LexiconReport", "DEFAULT_NEGATORS",
           "MATCH_OPTIONS", "MATCH_COLUMNS", "COUNT_COLUMNS"]
