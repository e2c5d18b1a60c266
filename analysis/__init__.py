"""frameshift: how actors frame a dispute -- statements, framing lexicons, traceable counts,
framing shifts with honest uncertainty, and reproducible publication figures.

The import package is ``analysis``; the distribution and the command line are ``frameshift``.
Every public name is available from the package (``import analysis as fs; fs.read_corpus``);
the modules that need matplotlib or scikit-learn are imported on first use, so that
``import analysis`` stays quick and does nothing else.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Public name -> module that defines it. Each module keeps its own ``__all__``.
_EXPORTS = {
    "errors": ["FrameshiftError", "CorpusError", "EncodingError", "InputNotFoundError",
               "LexiconError", "UnknownLexiconError", "OptionError", "OutputExistsError",
               "InputNotReadableError"],
    "text": ["Tokens", "TokenizerSettings", "normalize", "tokenize", "tokenize_text",
             "word_spans", "sentence_spans"],
    "corpus": ["Corpus", "EmptyStatementWarning", "bundled_corpora", "corpus_from_segments",
               "corpus_tokens", "from_frame", "read_actors", "read_corpus"],
    "lexicon": ["Lexicon", "Category", "Pattern", "LexiconWarning", "read_lexicon",
                "write_lexicon", "lexicon_from_dict", "bundled_lexicons", "check_lexicon",
                "parse_pattern", "LexiconReport"],
    "matching": ["MatchSettings", "CompiledLexicon", "compile_lexicon", "find_matches",
                 "count_matches", "DEFAULT_NEGATORS"],
    "kwic": ["kwic", "Kwic"],
    "shift": ["ShortTextWarning", "frame_profiles", "jsd", "jsd_contributions",
              "cosine_distance", "make_pairs", "shift", "shift_from_sentences",
              "sentence_counts"],
    "sequence": ["ntr", "novelty_transience_resonance", "kl_divergence"],
    "keyness": ["document_term_matrix", "keyness", "keyness_many", "keyness_from_counts",
                "fightin_words", "g2", "chi2", "log_ratio", "bh_adjust", "term_counts",
                "expansion_candidates"],
    "news": ["segment_article", "read_news", "evaluate_segmentation", "read_segments"],
    "validation": ["wilson_interval", "coding_sample", "precision"],
    "plotting": ["plot_profile", "plot_heatmap", "plot_shift", "plot_jsd_contributions",
                 "plot_keyness", "plot_dispersion", "plot_timeline", "plot_ntr"],
    "figures": ["build_figures", "figure_ids", "figure_data", "draw_figure"],
    "parallel": ["count_matches_parallel"],
    "stream": ["count_matches_stream", "iter_statement_chunks"],
    "distributed": ["count_matches_dask"],
}
_WHERE = {name: mod for mod, names in _EXPORTS.items() for name in names}

__all__ = ["__version__", *_WHERE]


def __getattr__(name: str):
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{mod}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
