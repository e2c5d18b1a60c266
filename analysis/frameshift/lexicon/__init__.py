"""Framing lexicons: the :class:`Lexicon` model and pattern syntax, and its file formats."""

from __future__ import annotations

from .model import (Lexicon, Category, Pattern, LexiconWarning, parse_pattern, MAX_GAP,
                    LEXICON_FORMATS)
from .formats import lexicon_from_dict, read_lexicon, write_lexicon, as_lexicon, bundled_lexicons

__all__ = ["Lexicon", "Category", "Pattern", "LexiconWarning", "parse_pattern",
           "lexicon_from_dict", "MAX_GAP", "LEXICON_FORMATS", "read_lexicon", "write_lexicon",
           "as_lexicon", "bundled_lexicons"]
