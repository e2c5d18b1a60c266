"""Apply a lexicon to a corpus: the engine (find and count matches, one settings value, one
rates rule), keywords in context, the lexicon check, and the parallel, streaming and Dask
backends (imported from their modules: :mod:`frameshift.matching.parallel`, ``.stream``,
``.dask``)."""

from __future__ import annotations

from .engine import (COUNT_COLUMNS, DEFAULT_NEGATORS, MATCH_COLUMNS, MATCH_OPTIONS,
                     CompiledLexicon, MatchSettings, categories_of, compile_lexicon,
                     count_matches, find_matches, match_settings, rates, settings_of)
from .concordance import Kwic, kwic, kwic_from_matches
from .check import LexiconReport, check_lexicon

__all__ = ["MatchSettings", "match_settings", "settings_of", "categories_of", "rates",
           "CompiledLexicon", "compile_lexicon", "find_matches", "count_matches", "kwic",
           "kwic_from_matches", "Kwic", "check_lexicon", "LexiconReport", "DEFAULT_NEGATORS",
           "MATCH_OPTIONS", "MATCH_COLUMNS", "COUNT_COLUMNS"]
