"""Apply a lexicon to a corpus: the engine (find and count matches), keywords in context,
the lexicon check, and the parallel, streaming and Dask backends."""

from __future__ import annotations

from .engine import (MatchSettings, CompiledLexicon, compile_lexicon, find_matches, count_matches, DEFAULT_NEGATORS, MATCH_COLUMNS, COUNT_COLUMNS)
from .concordance import kwic, Kwic
from .check import check_lexicon, LexiconReport

__all__ = ["MatchSettings", "CompiledLexicon", "compile_lexicon", "find_matches", "count_matches", "DEFAULT_NEGATORS", "MATCH_COLUMNS", "COUNT_COLUMNS", "kwic", "Kwic", "check_lexicon", "LexiconReport"]
