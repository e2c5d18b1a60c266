"""Measures on counts: frame profiles and shifts, novelty/transience/resonance, keyness,
validation."""

from __future__ import annotations

from .shifts import (ShortTextWarning, frame_profiles, jsd, jsd_contributions, cosine_distance,
                     make_pairs, shift, shift_from_sentences, sentence_counts)
from .profiles import profile_intervals
from .sequence import ntr, novelty_transience_resonance, kl_divergence
from .key_terms import (document_term_matrix, keyness, keyness_many, keyness_from_counts,
                        fightin_words, g2, chi2, log_ratio, bh_adjust, term_counts,
                        expansion_candidates)
from .validation import wilson_interval, coding_sample, precision, precision_recall
from .doc_keyness import keyness_permutation
from .ntr_null import ntr_null
from .intervals import rate_diff_interval, rate_ratio_interval, bias_corrected_bootstrap_interval

__all__ = ["profile_intervals", "ShortTextWarning", "frame_profiles", "jsd", "jsd_contributions",
           "cosine_distance", "make_pairs", "shift", "shift_from_sentences", "sentence_counts",
           "ntr", "novelty_transience_resonance", "kl_divergence", "document_term_matrix",
           "keyness", "keyness_many", "keyness_from_counts", "fightin_words", "g2", "chi2",
           "log_ratio", "bh_adjust", "term_counts", "expansion_candidates", "wilson_interval",
           "coding_sample", "precision", "precision_recall", "rate_diff_interval",
           "rate_ratio_interval", "bias_corrected_bootstrap_interval", "keyness_permutation",
           "ntr_null"]
