"""Text: normalisation, tokens with character offsets, sentences."""

from __future__ import annotations

from .tokenizer import (Tokens, TokenizerSettings, normalize, fold_case, tokenize, tokenize_text, word_spans, sentence_spans)

__all__ = ["Tokens", "TokenizerSettings", "normalize", "fold_case", "tokenize", "tokenize_text", "word_spans", "sentence_spans"]
