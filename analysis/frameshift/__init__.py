"""frameshift: how actors frame a dispute -- statements, framing lexicons, traceable counts,
framing shifts with honest uncertainty, and reproducible publication figures.

One name everywhere: the distribution, the import package and the command are ``frameshift``::

    import frameshift as fs
    corpus = fs.read_corpus("karabakh_2023")

The stages are subpackages, in the order data flows through them: :mod:`frameshift.text`,
:mod:`frameshift.corpus`, :mod:`frameshift.news`, :mod:`frameshift.lexicon`,
:mod:`frameshift.matching`, :mod:`frameshift.measures`, :mod:`frameshift.plotting`,
:mod:`frameshift.figures` (see ``docs/architecture.md``). Every public name is also available
here. They are imported on first use, so ``import frameshift`` is quick; no public name is
the name of a submodule, so importing a submodule never hides a function.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Public name -> module that defines it (each module keeps its own ``__all__``).
_EXPORTS = {
    "frameshift.errors": ["FrameshiftError", "CorpusError", "EncodingError", "InputNotFoundError",
                          "LexiconError", "UnknownLexiconError", "OptionError",
                          "OutputExistsError", "InputNotReadableError",
                          "UnknownIdError", "ArgumentTypeError"],
    "frameshift.text": ["Tokens", "TokenizerSettings", "normalize", "fold_case", "tokenize",
                        "tokenize_text",
                        "word_spans", "sentence_spans"],
    "frameshift.text.languages": ["LanguageInfo", "LANGUAGES", "language_info",
                                  "detect_language", "statement_languages",
                                  "multilingual_negators", "armenian_negative",
                                  "azerbaijani_negative"],
    "frameshift.text.lemmas": ["azerbaijani_stem", "armenian_key", "lemma_function", "lemma_forms",
                               "lemmatize_tokens", "lemmatizer_provenance"],
    "frameshift.corpus": ["Corpus", "EmptyStatementWarning", "bundled_corpora",
                          "corpus_from_segments", "corpus_tokens", "from_frame", "read_actors",
                          "read_corpus", "read_timeline"],
    "frameshift.lexicon": ["Lexicon", "Category", "Pattern", "LexiconWarning", "read_lexicon",
                           "write_lexicon", "lexicon_from_dict", "bundled_lexicons",
                           "parse_pattern"],
    "frameshift.matching": ["MatchSettings", "CompiledLexicon", "compile_lexicon",
                            "find_matches", "count_matches", "DEFAULT_NEGATORS", "kwic", "Kwic",
                            "kwic_from_matches", "check_lexicon", "LexiconReport",
                            "match_settings", "rates"],
    "frameshift.matching.parallel": ["count_matches_parallel"],
    "frameshift.matching.stream": ["count_matches_stream", "iter_statement_chunks"],
    "frameshift.matching.dask": ["count_matches_dask"],
    "frameshift.measures": ["ShortTextWarning", "frame_profiles", "jsd", "jsd_contributions",
                            "cosine_distance", "make_pairs", "shift", "shift_from_sentences",
                            "sentence_counts", "profile_intervals", "ntr",
                            "novelty_transience_resonance", "kl_divergence",
                            "document_term_matrix", "keyness", "keyness_many", "keyness_from_counts", "fightin_words", "g2", "chi2", "log_ratio",
                            "bh_adjust", "term_counts", "expansion_candidates",
                            "wilson_interval", "coding_sample", "precision",
                            "rate_diff_interval", "rate_ratio_interval",
                            "bias_corrected_bootstrap_interval", "keyness_permutation",
                            "ntr_null", "precision_recall"],
    "frameshift.measures.models": ["frame_rate_model"],
    "frameshift.measures.reliability": ["krippendorff_alpha", "percent_agreement",
                                        "intercoder_reliability"],
    "frameshift.measures.validation": ["validation_sample", "coding_sheet", "write_coding_sheet",
                                       "read_coding_sheet", "read_coding_sheets", "adjudicate",
                                       "validation_report", "drop_repeats"],
    "frameshift.measures.sensitivity": ["leave_one_out", "group_jsd"],
    "frameshift.news": ["segment_article", "read_news", "evaluate_segmentation", "read_segments",
                        "suggest_actors", "segment_news"],
    "frameshift.measures.features": ["document_category_matrix", "write_matrix_market",
                                     "LexiconVectorizer"],
    "frameshift.files": ["write_table"],
    "frameshift.plotting": ["save_figure", "plot_profile", "plot_heatmap", "plot_shift",
                            "plot_jsd_contributions", "plot_keyness", "plot_key_terms",
                            "plot_dispersion", "plot_timeline", "plot_ntr", "plot_validation"],
    "frameshift.figures": ["build_figures", "figure_ids", "figure_data", "draw_figure"],
    "frameshift.explorer": ["explore", "Explorer"],
}
_WHERE = {name: mod for mod, names in _EXPORTS.items() for name in names}

__all__ = ["__version__", *_WHERE]


def __getattr__(name: str):
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'frameshift' has no attribute {name!r}")
    value = getattr(importlib.import_module(mod), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
