"""Measures on counts: frame profiles and shifts, novelty/transience/resonance, keyness,
validation."""

from __future__ import annotations

from .shifts import (ShortTextWarning, frame_profiles, jsd, jsd_contributions, cosine_distance, make_pairs, shift, shift_from_sentences, sentence_counts)
from .sequence import ntr, novelty_transience_resonance, kl_divergence
from .key_terms import (document_term_matrix, keyness, keyness_many, keyness_from_counts, fightin_words, g2, chi2, log_ratio, bh_adjust, term_counts, expansion_candidates)
from .validation import wilson_interval, coding_sample, precision, precision_recall

__all__ = ["ShortTextWarning", "frame_profiles", "jsd", "jsd_contributions", "cosine_distance", "make_pairs", "shift", "shift_from_sentences", "sentence_counts", "ntr", "novelty_transience_resonance", "kl_divergence", "document_term_matrix", "keyness", "keyness_many", "keyness_from_counts", "fightin_words", "g2", "chi2", "log_ratio", "bh_adjust", "term_counts", "expansion_candidates", "wilson_interval", "coding_sample", "precision", "precision_recall"]
