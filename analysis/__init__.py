"""frameshift: how actors frame a dispute -- statements, framing lexicons, traceable counts,
framing shifts with honest uncertainty, and reproducible publication figures.

The import package is ``analysis``; the distribution and the command line are ``frameshift``.
"""

__version__ = "0.1.0"

from .errors import (CorpusError, EncodingError, FrameshiftError, InputNotFoundError,
                     LexiconError, OptionError, OutputExistsError, UnknownLexiconError)
from .text import Tokens, TokenizerSettings, normalize, tokenize, tokenize_text
from .corpus import (Corpus, EmptyStatementWarning, bundled_corpora, corpus_from_segments,
                     corpus_tokens, from_frame, read_actors, read_corpus)

__all__ = [
    "__version__",
    # errors
    "FrameshiftError", "CorpusError", "EncodingError", "InputNotFoundError", "LexiconError",
    "UnknownLexiconError", "OptionError", "OutputExistsError",
    # text
    "Tokens", "TokenizerSettings", "normalize", "tokenize", "tokenize_text",
    # corpus
    "Corpus", "EmptyStatementWarning", "bundled_corpora", "corpus_from_segments",
    "corpus_tokens", "from_frame", "read_actors", "read_corpus",
]
