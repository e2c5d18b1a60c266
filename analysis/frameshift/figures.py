"""The paper's figures: a registry, and the one function that writes them to disk.

Each registered figure names its data (a builder that computes the tables from a bundled
corpus and lexicon with fixed settings and seeds) and its plot function (from
:mod:`frameshift.plotting`). :func:`build_figures` writes, for each figure, ``<id>.png``
(300 dpi), ``<id>.pdf``, ``<id>.csv`` (exactly the numbers drawn) and one ``manifest.json``
for the folder: figure id -> files with their SHA-256, title, caption, corpus and lexicon
identity, package version, tokenizer and matching settings. Running it twice gives the same
bytes: no timestamps in the metadata, DejaVu Sans (shipped with matplotlib), fixed seeds.

``make figures`` runs ``frameshift figures --out figures/``; this is the only module of the
package that saves files.
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from frameshift import plotting
from frameshift.files import atomic_write_bytes, check_output_path
from frameshift.errors import OptionError, OutputExistsError

__all__ = [
    "FigureSpec",
    "FigureData",
    "REGISTRY",
    "SEED",
    "N_BOOT",
    "MANIFEST",
    "figure_ids",
    "figure_data",
    "draw_figure",
    "build_figures",
]

#: Seed of every random step (bootstrap, permutation test) of every figure.
SEED = 20230328
#: Bootstrap resamples (and permutations) behind every interval drawn.
N_BOOT = 2000
#: Name of the manifest written in the output folder.
MANIFEST = "manifest.json"

_PNG_META = {"Software": None}
_PDF_META = {"Creator": "frameshift", "Producer": "frameshift", "CreationDate": None,
             "ModDate": None}

_KARABAKH = "karabakh_2023"
_INAUGURAL = "inaugural"
_LEXICON = "karabakh_framing"
_A = "az_presidency/2023-03-27"
#: Category labels and terms are wrapped at this many characters (single-column width).
_WRAP = 28
_B = "nk_authorities/2023-03-28"


@dataclass(frozen=True)
class FigureData:
    """What a figure draws.

    Attributes
    ----------
    table : pandas.DataFrame
        The numbers drawn, written as ``<id>.csv`` (rows of the tables the figure was drawn
        from, with their original columns).
    args : tuple
        Positional arguments (tables) of the plot function.
    kwargs : dict
        Keyword options of the plot function.
    notes : tuple of str
        Warnings raised while computing the data (recorded in the manifest).
    """

    table: pd.DataFrame
    args: tuple
    kwargs: dict = field(default_factory=dict)
    notes: tuple = ()


@dataclass(frozen=True)
class FigureSpec:
    """One registered figure: id, title, caption, plot function, data builder, size."""

    id: str
    title: str
    caption: str
    plot: Callable
    data: Callable
    corpus: str
    lexicon: str | None = None
    size: tuple = (3.4, 2.6)


# --------------------------------------------------------------------------- data context


class _Context:
    """Loads each corpus and lexicon once per build and caches derived tables."""

    def __init__(self):
        self._cache: dict = {}

    def _get(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def corpus(self, name):
        from frameshift.corpus.readers import read_corpus

        return self._get(("corpus", name), lambda: read_corpus(name))

    def lexicon(self, name):
        from frameshift.lexicon.formats import read_lexicon

        return self._get(("lexicon", name), lambda: read_lexicon(name))

    def matches(self, corpus, lexicon):
        """The one matching pass of a corpus and lexicon; every figure's counts derive from it."""
        from frameshift.matching import find_matches

        return self._get(("matches", corpus, lexicon), lambda: find_matches(
            self.corpus(corpus), self.lexicon(lexicon), settings=_match_settings()))

    def counts(self, corpus, lexicon, by):
        return self._counts(corpus, lexicon, by)[0]

    def count_notes(self, corpus, lexicon, by) -> tuple:
        """Warnings of the counts (a ShortTextWarning), for every figure drawn from them."""
        return self._counts(corpus, lexicon, by)[1]

    def _counts(self, corpus, lexicon, by):
        from frameshift.matching import count_matches

        return self._get(("counts", corpus, lexicon, by), lambda: _caught(
            count_matches, self.corpus(corpus), self.lexicon(lexicon), by=by,
            matches=self.matches(corpus, lexicon)))

    def labels(self, lexicon) -> dict:
        return {c.id: (c.label or c.id) for c in self.lexicon(lexicon).categories}

    def names(self, corpus):
        return self.corpus(corpus).actor_name


def _match_settings():
    """Matching settings of every figure (the defaults of :class:`MatchSettings`)."""
    from frameshift.matching import MatchSettings

    return MatchSettings()


def _settings_record() -> dict:
    s = _match_settings().as_dict()
    tokenizer = s.pop("tokenizer")
    return {"matching": s, "tokenizer": tokenizer, "seed": SEED, "n_boot": N_BOOT}


def _caught(func, *args, **kwargs):
    """Call ``func`` recording its warnings (returned as notes for the manifest)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = func(*args, **kwargs)
    notes = tuple(dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught))
    return out, notes


# --------------------------------------------------------------------------- builders


def _data_profile(ctx: _Context) -> FigureData:
    counts = ctx.counts(_KARABAKH, _LEXICON, "actor")
    from frameshift.measures import profile_intervals

    iv, notes = _caught(profile_intervals, ctx.corpus(_KARABAKH),
                        ctx.matches(_KARABAKH, _LEXICON), by="actor", x="per_1000",
                        n_boot=N_BOOT, seed=SEED)
    notes = tuple(dict.fromkeys(ctx.count_notes(_KARABAKH, _LEXICON, "actor") + notes))
    table = counts.merge(iv, on=["actor", "category"], how="left", sort=False)
    return FigureData(table=table, args=(counts,), notes=notes,
                      kwargs={"value": "per_1000", "by": "actor", "intervals": iv,
                              "labels": ctx.labels(_LEXICON), "names": ctx.names(_KARABAKH),
                              "wrap": _WRAP})


def _data_heatmap(ctx: _Context) -> FigureData:
    counts = ctx.counts(_KARABAKH, _LEXICON, "actor")
    return FigureData(table=counts, args=(counts,),
                      notes=ctx.count_notes(_KARABAKH, _LEXICON, "actor"),
                      kwargs={"value": "per_1000", "annot": "count", "by": "actor",
                              "labels": ctx.labels(_LEXICON), "names": ctx.names(_KARABAKH),
                              "wrap": 22, "rotation": 90, "label_wrap": _WRAP})


def _shift_table(ctx: _Context):
    from frameshift.measures.shifts import shift

    key = ("shift", _A, _B)
    if key not in ctx._cache:
        ctx._cache[key] = _caught(shift, ctx.corpus(_KARABAKH), ctx.lexicon(_LEXICON),
                                  pairs=[(_A, _B)], matches=ctx.matches(_KARABAKH, _LEXICON),
                                  n_boot=N_BOOT, n_perm=N_BOOT, seed=SEED)
    return ctx._cache[key]


def _statement_names(ctx: _Context) -> dict:
    c = ctx.corpus(_KARABAKH)
    st = c.statements
    return {sid: c.actor_name(a) for sid, a in zip(st["statement_id"], st["actor"])}


def _data_shift(ctx: _Context) -> FigureData:
    table, notes = _shift_table(ctx)
    counts = ctx.counts(_KARABAKH, _LEXICON, "statement_id")
    frame = plotting.shift_frame(table, counts, from_=_A, to=_B)
    return FigureData(table=frame, args=(table, counts), notes=notes,
                      kwargs={"from_": _A, "to": _B, "labels": ctx.labels(_LEXICON),
                              "names": _statement_names(ctx), "wrap": _WRAP})


def _data_jsd(ctx: _Context) -> FigureData:
    table, notes = _shift_table(ctx)
    drawn = table[table["measure"].isin(["jsd", "jsd_contribution", "rate_diff"])]
    return FigureData(table=drawn.reset_index(drop=True), args=(table,), notes=notes,
                      kwargs={"from_": _A, "to": _B, "labels": ctx.labels(_LEXICON),
                              "names": _statement_names(ctx), "wrap": _WRAP})


def _keyness_drawn(table: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """The keyness table with ``figure_row``: the row (0 = top) at which a term is drawn,
    empty for terms not drawn (every number of the figure's note comes from the table)."""
    drawn = plotting.key_terms_frame(table, **kwargs)
    row = dict(zip(drawn["term"], range(len(drawn))))
    out = table.copy()
    out["figure_row"] = pd.array([row.get(t) for t in out["term"]], dtype="Int64")
    return out


def _data_keyness_karabakh(ctx: _Context) -> FigureData:
    from frameshift.measures.key_terms import keyness

    corpus = ctx.corpus(_KARABAKH)
    # document-level inference (keyness's default): with one statement a side there is no
    # test and no interval; the figure says so and shows the log ratios as description
    table, notes = _caught(keyness, corpus, by="actor", target="nk_authorities",
                           reference="az_presidency", method="fightin-words", stop_words=None,
                           seed=SEED)
    opts = {"top": 8, "skip": _stop_words(), "stop_words": None}
    return FigureData(table=_keyness_drawn(table, **opts), args=(table,), notes=notes,
                      kwargs={**opts, "target": corpus.actor_name("nk_authorities"),
                              "reference": corpus.actor_name("az_presidency")})


def _stop_words() -> frozenset:
    """scikit-learn's English stop words: drawn but not labelled in the Karabakh keyness plot."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


# matched terms as karabakh_framing 0.2.0 counts them (issue 14: "talks" is no longer counted
# as de-escalation, "obligations" is matched inside the whole phrase)
_DISPERSION_TERMS = ("reintegration", "instrastructure", "coercion", "impose",
                     "ready-made solutions", "imposition",
                     "internationally established negotiation format",
                     "implementation by the parties of their obligations", "equal rights",
                     "de facto", "Artsakh", "Stepanakert", "NKR")


def _statement_tokens(ctx: _Context, corpus_name: str) -> pd.DataFrame:
    from frameshift.corpus import corpus_tokens

    c = ctx.corpus(corpus_name)
    st = c.statements[["statement_id", "actor", "date"]].copy()
    st["tokens"] = corpus_tokens(c, _match_settings().tokenizer).n_tokens().astype(np.int64)
    return st


def _data_dispersion(ctx: _Context) -> FigureData:
    matches = ctx.matches(_KARABAKH, _LEXICON)
    st = _statement_tokens(ctx, _KARABAKH)
    terms = list(_DISPERSION_TERMS)
    frame = plotting.dispersion_frame(matches, st, terms=terms)
    return FigureData(table=frame, args=(matches, st),
                      kwargs={"terms": terms, "names": ctx.names(_KARABAKH), "wrap": _WRAP})


def _data_timeline(ctx: _Context) -> FigureData:
    counts = ctx.counts(_KARABAKH, _LEXICON, "statement_id")
    lead = plotting.leading_frames(counts, top=2, by="statement_id")
    corpus = ctx.corpus(_KARABAKH)
    st = corpus.statements[["statement_id", "actor", "date"]]
    from frameshift.corpus import read_timeline

    events = read_timeline(corpus)
    table = st.merge(lead, on="statement_id", how="left", sort=False)
    return FigureData(table=table, args=(st, lead),
                      kwargs={"events": events, "labels": ctx.labels(_LEXICON),
                              "names": ctx.names(_KARABAKH), "wrap": 32})


def _data_ntr(ctx: _Context) -> FigureData:
    from frameshift.measures.key_terms import term_counts
    from frameshift.measures.ntr_null import ntr_null

    corpus = ctx.corpus(_INAUGURAL)
    counts = term_counts(corpus, top_k=500)
    # issue 13: with the null band of the same addresses in random order
    table = ntr_null(counts, by="statement_id", window=3, smoothing=0.5, n_perm=999, seed=SEED)
    st = corpus.statements[["statement_id", "Year", "President"]]
    table = table.merge(st, on="statement_id", how="left", sort=False)
    return FigureData(table=table, args=(table,),
                      kwargs={"x": "Year", "label_col": "President", "n_labels": 0})


def _data_keyness_inaugural(ctx: _Context) -> FigureData:
    from frameshift.measures.key_terms import keyness

    # keyness's defaults (document-level p, English stop words left out of the table, BH
    # over the terms tested), as docs/measures.md measures them; the figure's own seed
    table, notes = _caught(keyness, ctx.corpus(_INAUGURAL), by="Party", target="Republican",
                           reference="Democratic", method="fightin-words", seed=SEED)
    opts = {"top": 10}
    return FigureData(table=_keyness_drawn(table, **opts), args=(table,), notes=notes,
                      kwargs={**opts, "target": "Republican", "reference": "Democratic"})


# --------------------------------------------------------------------------- registry

_SPECS = (
    FigureSpec(
        "karabakh_profile", "Frame profiles of the three voices",
        "Framing categories of the karabakh_framing lexicon per actor in the March 2023 "
        "exchange, as matches per 1,000 word tokens. Bars: 95% cluster-robust intervals with "
        "each actor's sentences as the units; none for Baku, whose one-sentence statement is "
        "too short for an interval (the legend gives the reason, as the CSV's ci_method).",
        plotting.plot_profile, _data_profile, _KARABAKH, _LEXICON, (3.4, 4.3)),
    FigureSpec(
        "karabakh_heatmap", "Who uses which frame",
        "Matches per 1,000 word tokens (colour) and number of matches (cell text) for each "
        "actor and category of the karabakh_framing lexicon. \"(too short)\": Baku's one "
        "sentence, fewer than the three a statement needs for any interval or test (the CSV's "
        "short_text); its rates describe that sentence.",
        plotting.plot_heatmap, _data_heatmap, _KARABAKH, _LEXICON, (3.4, 4.4)),
    FigureSpec(
        "karabakh_shift", "From Baku's invitation to Stepanakert's reply",
        "Rate of each frame (per 1,000 tokens) in Baku's invitation of 27 March (circle) and "
        "Stepanakert's reply of 28 March (arrow head), with the permutation p of each change "
        "adjusted (Benjamini-Hochberg) over the shift table. No interval is drawn: the "
        "invitation is one sentence, too short for an honest interval of the change (the "
        "table's ci_method says so), and no change is significant after adjustment (smallest "
        "adjusted p 0.46): the arrows describe these two texts, they do not estimate a shift "
        "in the speakers' framing. Frames matched in neither statement are omitted; the full "
        "table is in the CSV.",
        plotting.plot_shift, _data_shift, _KARABAKH, _LEXICON, (3.4, 3.3)),
    FigureSpec(
        "karabakh_jsd", "What drives the shift",
        "Contribution of each category to the Jensen-Shannon divergence (bits) between the "
        "frame distributions of Baku's invitation (A) and Stepanakert's reply (B); bars "
        "point to the statement where the frame is more frequent and sum to the total. "
        "No interval: the invitation is one sentence, too short for one (the shift table's "
        "ci_method), so the total of 1 bit describes these two texts, not a measured "
        "difference between the speakers.",
        plotting.plot_jsd_contributions, _data_jsd, _KARABAKH, _LEXICON, (3.4, 3.8)),
    FigureSpec(
        "karabakh_keyness", "Distinctive words of Stepanakert's reply",
        "Log2 ratio of each word's rate in the de facto authorities' reply to its rate in "
        "Baku's invitation (a zero count counted as 0.5), for the eight words of each side "
        "with the highest Fightin' Words scores (Monroe, Colaresi & Quinn 2008; corpus "
        "prior), English stop words left out. With one statement a side, keyness's "
        "document-level test and interval do not exist (the table's test and ci_method "
        "columns say so): hollow markers, no bars, a description of two texts rather than "
        "evidence of distinctive vocabulary.",
        plotting.plot_key_terms, _data_keyness_karabakh, _KARABAKH, None, (3.4, 3.6)),
    FigureSpec(
        "karabakh_dispersion", "Where the framing terms fall",
        "Lexical dispersion of framing terms across the three statements in date order "
        "(word offsets; dashed lines separate the statements). Each tick is one lexicon "
        "match of the term.",
        plotting.plot_dispersion, _data_dispersion, _KARABAKH, _LEXICON, (3.4, 3.9)),
    FigureSpec(
        "karabakh_timeline", "The exchange in time",
        "Statements of the corpus (filled markers) with their two leading frames (number of "
        "matches), and earlier moves reported in the source article (hollow markers).",
        plotting.plot_timeline, _data_timeline, _KARABAKH, _LEXICON, (3.4, 2.6)),
    FigureSpec(
        "inaugural_ntr", "Novelty, transience and resonance of inaugural addresses",
        "Novelty, transience and resonance (Barron et al. 2018; KL divergence in bits, window "
        "3) of the distributions of the 500 most frequent content words over the 60 US "
        "inaugural addresses, 1789-2025 (counts smoothed with 0.5). Shaded: the central 95% "
        "of each measure over 999 random orders of the same addresses (no temporal "
        "structure); a value inside its band is what chance order gives, one below it is closer "
        "to its neighbours than chance.",
        plotting.plot_ntr, _data_ntr, _INAUGURAL, None, (3.4, 2.4)),
    FigureSpec(
        "inaugural_keyness", "Republican vs. Democratic inaugural addresses",
        "The ten words of each side with the smallest document-level p (Fightin' Words score "
        "with the 47 Republican and Democratic addresses relabelled at random, 9,999 "
        "relabellings), as the log2 ratio of the word's rate in Republican to Democratic "
        "addresses with its 95% interval (addresses as clusters; an arrow: one party never "
        "uses the word). Filled markers would be words at Benjamini-Hochberg adjusted p < .05 "
        "over the words tested: there are none. The intervals are per word, not adjusted for "
        "the number of words tested, so some exclude 0 by chance alone. With the addresses as "
        "the units, these data show no party vocabulary; token-level tests, which treat every "
        "word as independent, would (docs/measures.md).",
        plotting.plot_key_terms, _data_keyness_inaugural, _INAUGURAL, None, (3.4, 4.2)),
)

#: Registered figures by id, in the paper's order.
REGISTRY: dict = {s.id: s for s in _SPECS}


def figure_ids() -> list:
    """Ids of the registered figures, in order.

    Examples
    --------
    >>> figure_ids()[:2]
    ['karabakh_profile', 'karabakh_heatmap']
    """
    return list(REGISTRY)


def _spec(figure_id) -> FigureSpec:
    if figure_id not in REGISTRY:
        raise OptionError(f"Unknown figure {figure_id!r}. Registered figures: "
                          + ", ".join(REGISTRY) + ".")
    return REGISTRY[figure_id]


def figure_data(figure_id, *, context=None) -> FigureData:
    """Compute the data of a registered figure (tables, plot options, notes).

    Examples
    --------
    >>> data = figure_data("karabakh_profile")
    >>> data.table.columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['actor', 'category', 'count', 'negated', 'tokens', 'per_1000', 'share', 'sentences',
     'short_text', 'ci_low', 'ci_high', 'ci_method']
    """
    from frameshift.errors import check_text_argument
    check_text_argument(figure_id, "figure_id", "figure_data")
    return _spec(figure_id).data(context if context is not None else _Context())


def draw_figure(figure_id, *, data=None, context=None):
    """Draw a registered figure on a new :class:`matplotlib.figure.Figure` (not saved).

    Returns
    -------
    fig : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes

    Examples
    --------
    >>> fig, ax = draw_figure("karabakh_profile")
    >>> ax.get_xlabel()
    'Matches per 1,000 tokens'
    """
    from frameshift.errors import check_text_argument
    check_text_argument(figure_id, "figure_id", "draw_figure")
    import matplotlib.style as mstyle
    from matplotlib.figure import Figure

    spec = _spec(figure_id)
    if data is None:
        data = figure_data(figure_id, context=context)
    with mstyle.context(plotting.STYLE_PATH):
        fig = Figure(figsize=spec.size)
        ax = fig.add_subplot()
        spec.plot(*data.args, **data.kwargs, ax=ax)
    return fig, ax


# --------------------------------------------------------------------------- writing


def _render(fig, fmt: str) -> bytes:
    import matplotlib.style as mstyle

    buf = io.BytesIO()
    with mstyle.context(plotting.STYLE_PATH):
        fig.savefig(buf, format=fmt, dpi=300,
                    metadata=_PNG_META if fmt == "png" else _PDF_META)
    return buf.getvalue()


def _csv_bytes(table: pd.DataFrame) -> bytes:
    from frameshift.files import csv_bytes

    return csv_bytes(table)  # formula-leading text escaped (OWASP), numbers as numbers


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _identity(ctx: _Context, spec: FigureSpec) -> dict:
    corpus = ctx.corpus(spec.corpus)
    rec = {"corpus": {"name": corpus.name, "sha256": corpus.fingerprint(),
                      "statements": len(corpus)}, "lexicon": None}
    if spec.lexicon:
        lex = ctx.lexicon(spec.lexicon)
        rec["lexicon"] = {"name": lex.name, "version": lex.version, "format": lex.format,
                          "sha256": lex.fingerprint()}
    return rec


def _read_manifest(path: Path) -> dict:
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return rec if isinstance(rec, dict) else {}


#: Written before the first figure file of a run and removed after its manifest: the names
#: and SHA-256 of the files the run writes, so that the rerun after a kill recognises them.
PENDING = ".manifest.json.pending"


def _pending_ours(out: Path) -> dict:
    """Files of a killed run (name -> SHA-256): named in its pending record and still holding
    the bytes it wrote (a file changed or put there since is not ours)."""
    rec = _read_manifest(out / PENDING) if out.is_dir() else {}
    if rec.get("package") != "frameshift" or not isinstance(rec.get("files"), dict):
        return {}
    return {name: sha for name, sha in rec["files"].items()
            if isinstance(name, str) and "/" not in name and (out / name).is_file()
            and _sha((out / name).read_bytes()) == sha}


def _check_out_dir(out: Path, files, *, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise OutputExistsError(f"{out}: exists and is not a folder. Give a folder for "
                                "--out.", path=out)
    marker = out / MANIFEST
    ours = _pending_ours(out)  # a killed run's files: recognised, replaced
    for name in files:
        if name not in ours:
            check_output_path(out / name, force=force, marker=marker)


def _write_pending(out: Path, pending: dict) -> None:
    atomic_write_bytes(out / PENDING, (json.dumps(pending, indent=2) + "\n").encode("utf-8"))


def rendering_versions() -> dict:
    """The libraries that decide the PNG/PDF bytes (not the numbers): matplotlib, FreeType."""
    import matplotlib
    from matplotlib import ft2font

    return {"matplotlib": matplotlib.__version__,
            "freetype": getattr(ft2font, "__freetype_version__", "unknown")}


def build_figures(out_dir, *, only=None, force=False, progress=None) -> dict:
    """Compute, draw and write the registered figures to ``out_dir``.

    Parameters
    ----------
    out_dir : str or path-like
        Folder to write into (created if missing). Files already there are replaced only if
        the folder holds a frameshift manifest, or with ``force=True``.
    only : str or sequence of str, optional
        Figure ids to build (default: all). The manifest keeps the other figures' entries.
    force : bool, default False
        Replace files in a folder that frameshift did not write.
    progress : callable, optional
        Called with one line of text per figure written.

    Returns
    -------
    dict
        The manifest written to ``out_dir/manifest.json``.

    Raises
    ------
    OptionError
        An unknown figure id in ``only``.
    OutputExistsError
        ``out_dir`` holds files that frameshift did not write and ``force`` is False.
    """
    from frameshift import __version__
    from frameshift.errors import check_path_argument

    check_path_argument(out_dir, "out_dir", "build_figures")  # ('' would be the current folder)
    ids = figure_ids() if only is None else ([only] if isinstance(only, str) else list(only))
    for fid in ids:
        _spec(fid)
    out = Path(out_dir)
    files = [f"{fid}.{ext}" for fid in ids for ext in ("png", "pdf", "csv")] + [MANIFEST]
    _check_out_dir(out, files, force=force)
    manifest_path = out / MANIFEST
    old = _read_manifest(manifest_path) if only is not None else {}
    entries = dict(old.get("figures", {})) if old.get("package") == "frameshift" else {}
    ctx = _Context()
    settings = _settings_record()
    pending = {"package": "frameshift", "files": _pending_ours(out)}
    for fid in ids:
        spec = REGISTRY[fid]
        data = spec.data(ctx)
        fig, _ = draw_figure(fid, data=data)
        blobs = {"png": _render(fig, "png"), "pdf": _render(fig, "pdf"),
                 "csv": _csv_bytes(data.table)}
        # the record first, then the files: a kill leaves only files the record names
        pending["files"].update({f"{fid}.{ext}": _sha(blob) for ext, blob in blobs.items()})
        _write_pending(out, pending)
        for ext, blob in blobs.items():
            atomic_write_bytes(out / f"{fid}.{ext}", blob)
        entries[fid] = {
            "title": spec.title,
            "caption": spec.caption,
            "plot": f"frameshift.plotting.{spec.plot.__name__}",
            "files": {ext: {"file": f"{fid}.{ext}", "sha256": _sha(blob)}
                      for ext, blob in blobs.items()},
            "rows": int(len(data.table)),
            **_identity(ctx, spec),
            "settings": settings,
            "notes": list(data.notes),
        }
        if progress is not None:
            progress(f"{out / fid}.{{png,pdf,csv}}  {spec.title}")
    order = [f for f in figure_ids() if f in entries] + sorted(set(entries) - set(REGISTRY))
    manifest = {"package": "frameshift", "version": __version__,
                "rendering": rendering_versions(),
                "figures": {f: entries[f] for f in order}}
    atomic_write_bytes(manifest_path, (json.dumps(manifest, indent=2, sort_keys=False,
                                                  ensure_ascii=False) + "\n").encode("utf-8"))
    (out / PENDING).unlink(missing_ok=True)
    return manifest
