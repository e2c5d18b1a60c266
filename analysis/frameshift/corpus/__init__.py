"""Statement corpora: the :class:`Corpus` model, its readers, and statements assembled from
segments of source documents."""

from __future__ import annotations

from .model import (FRAGMENT_SEPARATOR, STATEMENT_COLUMNS, Corpus, EmptyStatementWarning,
                    corpus_tokens)
from .readers import bundled_corpora, from_frame, read_actors, read_corpus, read_timeline
from .segments import corpus_from_segments

__all__ = ["Corpus", "EmptyStatementWarning", "corpus_tokens", "read_corpus", "read_actors",
           "read_timeline", "from_frame", "bundled_corpora", "corpus_from_segments",
           "STATEMENT_COLUMNS", "FRAGMENT_SEPARATOR"]
