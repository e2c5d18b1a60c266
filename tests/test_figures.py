"""Tests of frameshift.figures and ``frameshift figures``: every figure rebuilt, byte for byte.

One build of all figures (module fixture) is compared with the committed ``figures/`` folder
(every file's bytes) and each figure's CSV with the tables computed directly by the upstream
functions, and with what its Axes shows.
"""

import hashlib
import io
import json
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from frameshift import __version__  # noqa: E402
from frameshift.cli import main  # noqa: E402
from frameshift.corpus.model import corpus_tokens  # noqa: E402
from frameshift.corpus.readers import read_corpus  # noqa: E402
from frameshift.errors import OptionError, OutputExistsError  # noqa: E402
from frameshift.figures import (MANIFEST, N_BOOT, REGISTRY, SEED, _Context, _render, build_figures, draw_figure, figure_data, figure_ids)
from frameshift.measures.key_terms import keyness, term_counts  # noqa: E402
from frameshift.lexicon.formats import read_lexicon  # noqa: E402
from frameshift.matching.engine import count_matches, find_matches  # noqa: E402
from frameshift.measures.sequence import ntr  # noqa: E402
from frameshift.measures.shifts import shift  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "figures"
A, B = "az_presidency/2023-03-27", "nk_authorities/2023-03-28"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        manifest = build_figures(out)
    layout = [str(w.message) for w in caught if "layout" in str(w.message)]
    assert layout == [], layout          # a label too long for the figure collapses the axes
    return out, manifest


@pytest.fixture(scope="module")
def ctx():
    return _Context()


@pytest.fixture(scope="module")
def karabakh():
    return read_corpus("karabakh_2023"), read_lexicon("karabakh_framing")


@pytest.fixture(scope="module")
def inaugural():
    return read_corpus("inaugural")


def _csv(out, fid) -> pd.DataFrame:
    return pd.read_csv(out / f"{fid}.csv", keep_default_na=True)


def _bytes(df) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _intervals(ax) -> dict:
    """Interval lines a plot function drew (labelled ``_interval <key>``): key -> x data."""
    return {ln.get_label().removeprefix("_interval "): ln.get_xdata().tolist()
            for ln in ax.lines if ln.get_label().startswith("_interval ")}


# --------------------------------------------------------------------------- registry


def test_registry_has_the_paper_figures():
    ids = figure_ids()
    karabakh = [i for i in ids if REGISTRY[i].corpus == "karabakh_2023"]
    inaug = [i for i in ids if REGISTRY[i].corpus == "inaugural"]
    assert len(karabakh) >= 7 and len(inaug) >= 2
    plots = {REGISTRY[i].plot.__name__ for i in ids}
    assert plots == {"plot_profile", "plot_heatmap", "plot_shift", "plot_jsd_contributions",
                     "plot_key_terms", "plot_dispersion", "plot_timeline", "plot_ntr"}
    for spec in REGISTRY.values():
        assert spec.title and len(spec.caption) > 60
        assert spec.size[0] == 3.4                  # single column


def test_unknown_figure_id_lists_the_registered_ones():
    with pytest.raises(OptionError, match="Unknown figure 'fig9'.*karabakh_profile"):
        figure_data("fig9")


# --------------------------------------------------------------------------- the build


def test_build_writes_png_pdf_csv_and_manifest(built):
    out, manifest = built
    assert json.loads((out / MANIFEST).read_text()) == manifest
    assert manifest["package"] == "frameshift" and manifest["version"] == __version__
    assert list(manifest["figures"]) == figure_ids()
    for fid, entry in manifest["figures"].items():
        for ext in ("png", "pdf", "csv"):
            data = (out / f"{fid}.{ext}").read_bytes()
            assert entry["files"][ext] == {"file": f"{fid}.{ext}",
                                           "sha256": hashlib.sha256(data).hexdigest()}
        assert entry["caption"] == REGISTRY[fid].caption
        assert entry["settings"]["seed"] == SEED and entry["settings"]["n_boot"] == N_BOOT
        assert entry["settings"]["matching"]["nested_scope"] == "key"
        assert len(entry["settings"]["tokenizer"]["pattern_sha256"]) == 64
    png = (out / "karabakh_profile.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and b"Software" not in png
    pdf = (out / "karabakh_profile.pdf").read_bytes()
    assert b"CreationDate" not in pdf and b"/Producer (frameshift)" in pdf


def test_manifest_names_corpus_and_lexicon(built, karabakh, inaugural):
    corpus, lex = karabakh
    entry = built[1]["figures"]["karabakh_profile"]
    assert entry["corpus"] == {"name": "karabakh_2023", "sha256": corpus.fingerprint(),
                               "statements": 3}
    assert entry["lexicon"]["name"] == "karabakh_framing"
    assert entry["lexicon"]["version"] == lex.version
    assert entry["lexicon"]["sha256"] == lex.fingerprint()
    ntr_entry = built[1]["figures"]["inaugural_ntr"]
    assert ntr_entry["corpus"]["sha256"] == inaugural.fingerprint()
    assert ntr_entry["lexicon"] is None


def test_manifest_records_the_short_text_warnings(built):
    # issue 13: every figure drawn from Baku's one-sentence statement says so in its notes
    figs = built[1]["figures"]
    for fid in ("karabakh_profile", "karabakh_heatmap", "karabakh_shift", "karabakh_jsd",
                "karabakh_keyness"):
        notes = [n for n in figs[fid]["notes"] if n.startswith("ShortTextWarning")]
        assert notes and all("az_presidency" in n for n in notes), (fid, figs[fid]["notes"])
    assert figs["inaugural_keyness"]["notes"] == [] and figs["inaugural_ntr"]["notes"] == []


def test_committed_figures_equal_what_the_command_generates(built):
    """`make figures` output in the repository is what the code makes now, byte for byte."""
    out, manifest = built
    committed = json.loads((COMMITTED / MANIFEST).read_text())
    # The numbers first: every CSV (what each figure draws) must be identical whatever the
    # plotting library's version.
    for fid in figure_ids():
        name = f"{fid}.csv"
        assert (COMMITTED / name).read_bytes() == (out / name).read_bytes(), (
            f"{name}: the numbers of the committed figure differ from what the code computes "
            f"now; run `make figures`, look at the figure, and commit figures/.")
    ours, theirs = manifest.get("rendering"), committed.get("rendering")
    assert ours == theirs, (
        f"figures/ were rendered with {theirs}, this environment has {ours}: PNG and PDF "
        f"bytes depend on the matplotlib and FreeType builds, the numbers above are equal. "
        f"Either install the recorded versions (pip install 'matplotlib=="
        f"{(theirs or {}).get('matplotlib')}'), or run `make figures`, open the changed PNGs, "
        f"and commit figures/ with the new versions recorded in figures/manifest.json.")
    assert committed == manifest, "figures/manifest.json is stale: run `make figures`"
    for fid in figure_ids():
        for ext in ("png", "pdf"):
            name = f"{fid}.{ext}"
            assert (COMMITTED / name).read_bytes() == (out / name).read_bytes(), (
                f"{name} differs from a fresh build with the same library versions: run "
                f"`make figures`, look at it, and commit figures/.")


def test_rendering_twice_gives_the_same_bytes(ctx):
    data = figure_data("karabakh_heatmap", context=ctx)
    one, _ = draw_figure("karabakh_heatmap", data=data)
    two, _ = draw_figure("karabakh_heatmap", data=data)
    for fmt in ("png", "pdf"):
        assert _render(one, fmt) == _render(two, fmt)


# --------------------------------------------------------------------------- CSV = tables drawn


def test_profile_csv_is_count_table_plus_drawn_intervals(built, ctx, karabakh):
    out, _ = built
    corpus, lex = karabakh
    csv = (out / "karabakh_profile.csv").read_bytes()
    counts = count_matches(corpus, lex, by="actor")
    table = pd.read_csv(io.BytesIO(csv))
    assert _bytes(table[counts.columns]) == _bytes(pd.read_csv(io.BytesIO(_bytes(counts))))
    fig, ax = draw_figure("karabakh_profile", context=ctx)
    # exactly the intervals of the CSV are drawn; a statement too short for an interval
    # (ci_low NaN: Baku's one sentence) gets no bar at all
    reported = table[table["ci_low"].notna()]
    assert _intervals(ax) == {f"{a} {c}": pytest.approx([lo, hi]) for a, c, lo, hi in zip(
        reported["actor"], reported["category"], reported["ci_low"], reported["ci_high"])}
    assert set(table.loc[table["ci_low"].isna(), "actor"]) == {"az_presidency"}
    points = [ln for ln in ax.lines if not ln.get_label().startswith("_")]
    for line, actor in zip(points, pd.unique(table["actor"])):
        assert line.get_xdata() == pytest.approx(table.loc[table["actor"] == actor, "per_1000"])
    names = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    # the legend says why Baku has none, in the words of the CSV's ci_method
    why = table.loc[table["actor"] == "az_presidency", "ci_method"].unique()
    assert len(why) == 1 and why[0].startswith("none: too short")
    assert names == [corpus.actor_name("az_presidency") + " no interval: "
                     + why[0].removeprefix("none: ")] + [
        corpus.actor_name(a) for a in pd.unique(table["actor"])[1:]]
    assert table.loc[table["actor"] == "az_presidency", "short_text"].all()
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == [
        c.label for c in lex.categories]


def test_heatmap_csv_is_count_table_and_what_is_drawn(built, ctx, karabakh):
    out, _ = built
    corpus, lex = karabakh
    counts = count_matches(corpus, lex, by="actor")
    assert (out / "karabakh_heatmap.csv").read_bytes() == _bytes(counts)
    _, ax = draw_figure("karabakh_heatmap", context=ctx)
    wide = counts.pivot(index="category", columns="actor", values="per_1000")
    wide = wide.loc[lex.category_ids, pd.unique(counts["actor"])]
    assert np.asarray(ax.images[0].get_array()) == pytest.approx(wide.to_numpy())
    n = counts.pivot(index="category", columns="actor", values="count")
    n = n.loc[lex.category_ids, pd.unique(counts["actor"])]
    assert [t.get_text() for t in ax.texts] == [str(v) for v in n.to_numpy().ravel()]
    # issue 13: the actor whose rows are short_text in the CSV is named as too short
    short = counts.groupby("actor", sort=False)["short_text"].all()
    assert short.to_dict() == {"az_presidency": True, "nk_authorities": False,
                               "commonspace": False}
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert [t.endswith("(too short)") for t in ticks] == short.tolist()


@pytest.fixture(scope="module")
def shift_table(karabakh):
    corpus, lex = karabakh
    with pytest.warns(UserWarning, match="short_text=True"):
        return shift(corpus, lex, pairs=[(A, B)], n_boot=N_BOOT, n_perm=N_BOOT, seed=SEED)


def test_shift_csv_equals_shift_and_count_tables(built, ctx, karabakh, shift_table):
    out, _ = built
    corpus, lex = karabakh
    table = _csv(out, "karabakh_shift")
    diff = shift_table[shift_table["measure"] == "rate_diff"].reset_index(drop=True)
    for col in ("value", "ci_low", "ci_high", "p"):
        assert table[col].to_numpy() == pytest.approx(diff[col].to_numpy(), nan_ok=True)
    per = count_matches(corpus, lex, by="statement_id").set_index(["statement_id", "category"])
    assert table["rate_from"].tolist() == pytest.approx(
        per.loc[A, "per_1000"].loc[table["category"]].tolist())
    assert table["rate_to"].tolist() == pytest.approx(
        per.loc[B, "per_1000"].loc[table["category"]].tolist())
    flags = shift_table.pivot_table(index="category", columns="measure", values="value")
    assert table["introduced"].tolist() == (flags.loc[table["category"], "introduced"] > 0).tolist()
    # issue 4's golden facts are visible: reintegration dropped, coercion and format introduced
    t = table.set_index("category")
    assert t.loc["reintegration", "dropped"] and t.loc["coercion", "introduced"]
    assert t.loc["international_format", "introduced"]
    _, ax = draw_figure("karabakh_shift", context=ctx)
    labels = [x.get_text().replace("\n", " ") for x in ax.get_yticklabels()]
    shown = t[(t["rate_from"] > 0) | (t["rate_to"] > 0)]
    assert labels == [lex[c].label for c in shown.index]
    notes = [x.get_text() for x in ax.texts if not x.get_text().startswith("adj. p")]
    assert notes[:2] == ["dropped", "new in B"]
    # issue 13: Baku's invitation is one sentence, the table has no interval of any change,
    # so none is drawn, and the legend says why in the CSV's words (A for the invitation)
    assert table["ci_low"].isna().all() and table["short_text"].all()
    assert _intervals(ax) == {}
    why = table["ci_method"].unique()
    assert len(why) == 1
    legend = [x.get_text().replace("\n", " ") for x in ax.get_legend().get_texts()]
    assert legend[-1] == "No interval: " + why[0].removeprefix("none: ").replace(A, "A")
    # the adjusted p of each drawn change is written after it, as in the CSV
    assert [x.get_text() for x in ax.texts if x.get_text().startswith("adj. p")] == [
        f"adj. p {v:.2f}" for v in shown["p_adjusted"]]
    # the caption's numbers are the table's: no interval, smallest adjusted p 0.46
    caption = REGISTRY["karabakh_shift"].caption
    assert "No interval is drawn" in caption
    assert f"smallest adjusted p {table['p_adjusted'].min():.2f}" in caption


def test_jsd_csv_equals_shift_rows_and_bars_sum_to_total(built, ctx, shift_table):
    out, _ = built
    want = shift_table[shift_table["measure"].isin(["jsd", "jsd_contribution", "rate_diff"])]
    assert (out / "karabakh_jsd.csv").read_bytes() == _bytes(want.reset_index(drop=True))
    _, ax = draw_figure("karabakh_jsd", context=ctx)
    total = float(want.loc[want["measure"] == "jsd", "value"].iloc[0])
    widths = [abs(p.get_width()) for p in ax.patches]
    assert sum(widths) == pytest.approx(total)
    contrib = want[(want["measure"] == "jsd_contribution") & (want["value"] > 0)]
    assert widths == pytest.approx(contrib["value"].tolist())
    assert f"Total JSD = {total:.3f} bits" in ax.get_xlabel()
    # issue 13: no interval in the table (Baku's one sentence), none drawn, the reason shown
    assert want["ci_low"].isna().all()
    assert _intervals(ax) == {}
    why = want.loc[want["measure"] == "jsd", "ci_method"].iloc[0]
    label = " ".join(ax.get_xlabel().splitlines()[2:])
    assert label == f"(no interval: {why.removeprefix('none: ').replace(A, 'A')})"
    assert "95% CI" not in ax.get_xlabel() and "No interval" in REGISTRY["karabakh_jsd"].caption


def _points(ax) -> dict:
    """Term -> (x, filled) of the markers plot_key_terms drew."""
    return {ln.get_label().removeprefix("_point "): (float(ln.get_xdata()[0]),
                                                    ln.get_markerfacecolor() != "white")
            for ln in ax.lines if ln.get_label().startswith("_point ")}


def _check_key_terms(out, fid, want, ax):
    """The CSV is the keyness table plus figure_row; the figure draws exactly its rows."""
    table = _csv(out, fid)
    assert _bytes(table.drop(columns="figure_row")) == _bytes(
        pd.read_csv(io.BytesIO(_bytes(want))))
    drawn = table[table["figure_row"].notna()].sort_values("figure_row")
    assert drawn["figure_row"].tolist() == list(range(len(drawn)))
    assert [t.get_text() for t in ax.get_yticklabels()] == drawn["term"].tolist()
    pts = _points(ax)
    assert [pts[t][0] for t in drawn["term"]] == pytest.approx(drawn["log_ratio"].tolist())
    # filled markers = document-level p_adjusted < .05, exactly
    assert [pts[t][1] for t in drawn["term"]] == (drawn["p_adjusted"] < 0.05).tolist()
    return table, drawn


def test_karabakh_keyness_csv_equals_keyness_table(built, ctx, karabakh):
    out, _ = built
    corpus, _ = karabakh
    with pytest.warns(UserWarning, match="fewer than 3"):
        want = keyness(corpus, by="actor", target="nk_authorities", reference="az_presidency",
                       stop_words=None, seed=SEED)
    _, ax = draw_figure("karabakh_keyness", context=ctx)
    table, drawn = _check_key_terms(out, "karabakh_keyness", want, ax)
    # one statement a side: no document-level p and no interval anywhere, so none drawn,
    # no marker filled, and the note says why in the words of the table's test column
    assert table["p"].isna().all() and table["ci_low"].isna().all()
    assert table["short_text"].all()
    assert _intervals(ax) == {}
    why = table["test"].unique()
    assert len(why) == 1
    assert ax.texts[0].get_text().replace("\n", " ") == (
        f"No p-value or interval: {why[0].removeprefix('none: ')}. Terms ranked by score.")
    terms = drawn["term"].tolist()
    assert "obligations" in terms and "the" not in terms        # stop words not drawn
    assert (drawn["log_ratio"] > 0).sum() == 8 and (drawn["log_ratio"] < 0).sum() == 8


def test_inaugural_keyness_is_the_document_level_result(built, ctx, inaugural):
    out, _ = built
    want = keyness(inaugural, by="Party", target="Republican", reference="Democratic",
                   seed=SEED)
    _, ax = draw_figure("inaugural_keyness", context=ctx)
    table, drawn = _check_key_terms(out, "inaugural_keyness", want, ax)
    # ten a side, ranked by document-level p (the drawn ones are the smallest p of each side)
    tested = table[table["p"].notna()]
    for side in (drawn["log_ratio"] > 0, drawn["log_ratio"] < 0):
        rows = drawn[side]
        pool = tested[(tested["log_ratio"] > 0) == (rows["log_ratio"].iloc[0] > 0)]
        assert len(rows) == 10 and rows["p"].max() == pool["p"].nsmallest(10).iloc[-1]
    # every interval drawn is the CSV's; an unbounded side runs to the axes' edge
    left, right = ax.get_xlim()
    lo = drawn["ci_low"].replace(-np.inf, left).tolist()
    hi = drawn["ci_high"].replace(np.inf, right).tolist()
    iv = _intervals(ax)
    assert [iv[t] for t in drawn["term"]] == [pytest.approx([a, b]) for a, b in zip(lo, hi)]
    assert np.isinf(drawn["ci_high"]).any()      # a word one party never uses
    # no word passes BH at .05 with the addresses as units: the figure says so, with the
    # number of terms tested and the test, all from the table
    assert (table["p_adjusted"] < 0.05).sum() == 0
    tests = tested["test"].unique()
    assert len(tests) == 1 and tests[0] == "document permutation (9999 relabellings)"
    assert ax.texts[0].get_text().replace("\n", " ") == (
        f"No term at BH-adjusted p < 0.05: {len(tested)} terms tested, {tests[0]}")
    # no token-level |z| = 1.96 line on this figure
    assert not [ln for ln in ax.lines if ln.get_linestyle() == ":"]
    caption = REGISTRY["inaugural_keyness"].caption
    docs = inaugural.statements["Party"].isin(["Republican", "Democratic"]).sum()
    assert f"the {docs} Republican and Democratic addresses" in caption
    assert "9,999 relabellings" in caption and "there are none" in caption


def test_dispersion_csv_rows_are_match_rows_at_their_positions(built, ctx, karabakh):
    out, _ = built
    corpus, lex = karabakh
    table = _csv(out, "karabakh_dispersion")
    matches = find_matches(corpus, lex)
    cols = ["statement_id", "category", "match", "token_start", "char_start", "char_end"]
    merged = table[cols].merge(matches[cols], how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    ntok = dict(zip(corpus.statements["statement_id"], corpus_tokens(corpus).n_tokens()))
    offset = {A: 0, B: ntok[A], "commonspace/2023-03-28": ntok[A] + ntok[B]}
    assert table["position"].tolist() == [offset[s] + t for s, t in
                                          zip(table["statement_id"], table["token_start"])]
    assert table["match"].str.lower().eq("coercion").sum() == 1      # issue 3's golden hit
    spec_terms = figure_data("karabakh_dispersion", context=ctx).kwargs["terms"]
    _, ax = draw_figure("karabakh_dispersion", context=ctx)
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == spec_terms
    drawn = sorted(x for ln in ax.lines if ln.get_marker() == "|" for x in ln.get_xdata())
    assert drawn == sorted(table["position"].tolist())


def test_timeline_csv_is_statements_with_leading_frame_counts(built, ctx, karabakh):
    out, _ = built
    corpus, lex = karabakh
    table = _csv(out, "karabakh_timeline")
    counts = count_matches(corpus, lex, by="statement_id").set_index(
        ["statement_id", "category"])["count"]
    assert table["statement_id"].unique().tolist() == corpus.statements["statement_id"].tolist()
    for sid, cat, n in zip(table["statement_id"], table["category"], table["count"]):
        assert counts.loc[(sid, cat)] == n
        assert n == counts.loc[sid].max() or n == counts.loc[sid].nlargest(2).iloc[1]
    _, ax = draw_figure("karabakh_timeline", context=ctx)
    notes = [t.get_text() for t in ax.texts]
    # Baku's invitation: one reintegration and (karabakh_framing 0.2.0) one
    # "instrastructure" match, tied leading frames in lexicon order
    assert notes[0] == "Reintegration (1)\nInfrastructure and development (1)"


def test_ntr_csv_equals_sequence_table(built, ctx, inaugural):
    out, _ = built
    want = ntr(term_counts(inaugural, top_k=500), by="statement_id", window=3)
    table = _csv(out, "inaugural_ntr")
    for col in ("novelty", "transience", "resonance"):
        assert table[col].to_numpy() == pytest.approx(want[col].to_numpy(), nan_ok=True)
    # issue 13: each measure's null band (the CSV's null_low/high columns) is shaded and
    # named in the legend
    _, ax = draw_figure("inaugural_ntr", context=ctx)
    assert len(ax.collections) == 3
    for band, m in zip(ax.collections, ("novelty", "transience", "resonance")):
        ys = band.get_paths()[0].vertices[:, 1]
        assert ys.max() == pytest.approx(table[f"{m}_null_high"].max())
        assert ys.min() == pytest.approx(table[f"{m}_null_low"].min())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Random order, central 95%" in legend
    assert not table["short_text"].any() and "hollow: too short (short_text)" not in legend
    assert table["statement_id"].tolist() == want["statement_id"].tolist()
    assert table["Year"].tolist() == inaugural.statements["Year"].tolist()


# --------------------------------------------------------------------------- output safety, CLI


def test_refuses_a_folder_frameshift_did_not_write(tmp_path):
    (tmp_path / "karabakh_timeline.png").write_bytes(b"someone's figure")
    with pytest.raises(OutputExistsError, match="not written by frameshift.*--force"):
        build_figures(tmp_path, only="karabakh_timeline")
    assert (tmp_path / "karabakh_timeline.png").read_bytes() == b"someone's figure"
    build_figures(tmp_path, only="karabakh_timeline", force=True)
    assert (tmp_path / "karabakh_timeline.png").read_bytes()[:4] == b"\x89PNG"


def test_only_updates_its_entries_and_keeps_the_others(tmp_path):
    build_figures(tmp_path, only="karabakh_timeline")
    m = build_figures(tmp_path, only=["karabakh_heatmap"])
    assert list(m["figures"]) == ["karabakh_heatmap", "karabakh_timeline"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [MANIFEST] + [f"{f}.{e}" for f in ("karabakh_heatmap", "karabakh_timeline")
                      for e in ("csv", "pdf", "png")])


def test_cli_list_build_and_unknown_id(tmp_path, capsys):
    assert main(["figures", "--list"]) == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == figure_ids()
    assert main(["figures", "--out", str(tmp_path), "--only", "karabakh_timeline"]) == 0
    assert (tmp_path / "karabakh_timeline.pdf").exists()
    assert main(["figures", "--out", str(tmp_path), "--only", "nope"]) == 2
    assert "Unknown figure 'nope'" in capsys.readouterr().err
