"""Statement corpora: the :class:`Corpus` model, its readers, and statements assembled from segments."""

from __future__ import annotations

from .model import (Corpus, EmptyStatementWarning, corpus_tokens, STATEMENT_COLUMNS, FRAGMENT_SEPARATOR)
from .readers import read_corpus, read_actors, from_frame, bundled_corpora
from .segments import corpus_from_segments

__all__ = ["Corpus", "EmptyStatementWarning", "corpus_tokens", "STATEMENT_COLUMNS", "FRAGMENT_SEPARATOR", "read_corpus", "read_actors", "from_frame", "bundled_corpora", "corpus_from_segments"]
