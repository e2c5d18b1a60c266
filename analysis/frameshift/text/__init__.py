"""Text: normalisation, tokens with character offsets, sentences."""

from __future__ import annotations

from .tokenizer import (Tokens, TokenizerSettings, fold_case, normalize, sentence_spans, tokenize,
                        tokenize_text, word_spans)

__all__ = ["Tokens", "TokenizerSettings", "normalize", "fold_case", "tokenize", "tokenize_text",
           "word_spans", "sentence_spans"]
