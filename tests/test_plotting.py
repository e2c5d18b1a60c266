"""Tests of frameshift.plotting: what each function draws on the Axes it returns (not pixels)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

from frameshift import plotting  # noqa: E402
from frameshift.plotting import (PALETTE, STYLE_PATH, dispersion_frame, key_terms_frame, leading_frames, plot_dispersion, plot_heatmap, plot_jsd_contributions, plot_key_terms, plot_keyness, plot_ntr, plot_profile, plot_shift, plot_timeline, shift_frame)  # noqa: E501

LABELS = {"reint": "Reintegration", "coerc": "Coercion", "format": "International format"}
NAMES = {"baku": "Presidential Administration", "nk": "De facto authorities"}


def _ax():
    return Figure(figsize=(3.4, 3)).add_subplot()


def _ticks(labels):
    return [t.get_text() for t in labels]


@pytest.fixture
def counts():
    # 2 actors x 3 categories, zeros included; per_1000 = 1000 * count / tokens
    return pd.DataFrame({
        "actor": ["baku"] * 3 + ["nk"] * 3,
        "category": ["reint", "coerc", "format"] * 2,
        "count": [2, 0, 0, 0, 3, 1],
        "tokens": [100] * 3 + [200] * 3,
        "per_1000": [20.0, 0.0, 0.0, 0.0, 15.0, 5.0],
        "share": [1.0, 0.0, 0.0, 0.0, 0.75, 0.25],
    })


# --------------------------------------------------------------------------- style


def test_style_file_single_column_colour_blind_safe():
    rc = matplotlib.rc_params_from_file(STYLE_PATH, use_default_template=False)
    assert rc["font.sans-serif"][0] == "DejaVu Sans"
    assert tuple(rc["figure.figsize"]) == (3.4, 2.6)
    colours = [mcolors.to_hex(c["color"]).upper() for c in rc["axes.prop_cycle"]]
    assert colours[:3] == ["#0072B2", "#D55E00", "#009E73"]          # Okabe-Ito
    markers = [c["marker"] for c in rc["axes.prop_cycle"]]
    assert len(set(markers)) == len(markers)                          # grayscale: own marker
    assert rc["svg.hashsalt"] == "frameshift"
    assert rc["font.size"] >= 7


def test_plot_functions_leave_global_rcparams_alone(counts):
    before = dict(matplotlib.rcParams)
    plot_profile(counts, ax=_ax())
    plot_heatmap(counts, ax=_ax())
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


# --------------------------------------------------------------------------- profile


def test_profile_categories_top_to_bottom_labels_and_names(counts):
    ax = _ax()
    out = plot_profile(counts, labels=LABELS, names=NAMES, ax=ax)
    assert out is ax
    assert _ticks(ax.get_yticklabels()) == ["Reintegration", "Coercion", "International format"]
    lo, hi = ax.get_ylim()
    assert lo > hi                                       # first category at the top
    assert _ticks(ax.get_legend().get_texts()) == ["Presidential Administration",
                                                   "De facto authorities"]
    assert ax.get_xlabel() == "Matches per 1,000 tokens"
    xs = [line.get_xdata().tolist() for line in ax.lines if line.get_marker() not in ("", "None")]
    assert xs == [[20.0, 0.0, 0.0], [0.0, 15.0, 5.0]]


def _intervals(ax):
    """(label, x data) of the interval lines a plot function labelled ``_interval ...``."""
    return [(ln.get_label().removeprefix("_interval "), ln.get_xdata().tolist())
            for ln in ax.lines if ln.get_label().startswith("_interval ")]


def test_profile_intervals_drawn_as_error_bars(counts):
    iv = counts[["actor", "category"]].assign(ci_low=[10.0, 0, 0, 0, 5.0, 0],
                                              ci_high=[30.0, 0, 0, 0, 25.0, 10.0])
    ax = plot_profile(counts, intervals=iv, ax=_ax())
    assert _intervals(ax) == [("baku reint", [10.0, 30.0]), ("baku coerc", [0.0, 0.0]),
                              ("baku format", [0.0, 0.0]), ("nk reint", [0.0, 0.0]),
                              ("nk coerc", [5.0, 25.0]), ("nk format", [0.0, 10.0])]


def test_profile_no_bar_where_the_interval_is_nan_and_the_reason_in_the_legend(counts):
    # issue 13: baku has one sentence, profile_intervals gives NaN and says why
    why = "none: too short (1 sentence(s); needs >= 3)"
    iv = counts[["actor", "category"]].assign(
        ci_low=[np.nan] * 3 + [0.0, 5.0, 0.0], ci_high=[np.nan] * 3 + [4.0, 25.0, 10.0],
        ci_method=[why] * 3 + ["cluster-robust"] * 3)
    ax = plot_profile(counts, intervals=iv, names=NAMES, ax=_ax())
    assert _intervals(ax) == [("nk reint", [0.0, 4.0]), ("nk coerc", [5.0, 25.0]),
                              ("nk format", [0.0, 10.0])]
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert legend == ["Presidential Administration no interval: too short (1 sentence(s); "
                      "needs >= 3)", "De facto authorities"]
    # the points are still drawn, every one of them
    xs = [ln.get_xdata().tolist() for ln in ax.lines if not ln.get_label().startswith("_")]
    assert xs == [[20.0, 0.0, 0.0], [0.0, 15.0, 5.0]]
    # only some of a unit's intervals missing: those bars left out, the count and reason given
    few = "none: fewer than 3 matches"
    iv2 = iv.assign(ci_low=[np.nan] * 3 + [np.nan, 5.0, np.nan],
                    ci_high=[np.nan] * 3 + [np.nan, 25.0, np.nan],
                    ci_method=[why] * 3 + [few, "cluster-robust", few])
    ax = plot_profile(counts, intervals=iv2, names=NAMES, ax=_ax())
    assert _intervals(ax) == [("nk coerc", [5.0, 25.0])]
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert legend[1] == "De facto authorities no interval for 2 categories: fewer than 3 matches"


def test_profile_share_and_unknown_column(counts):
    ax = plot_profile(counts, value="share", ax=_ax())
    assert ax.get_xlabel() == "Share of the unit's matches"
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['rate'\]"):
        plot_profile(counts, value="rate", ax=_ax())


def test_profile_order_must_name_units_in_table(counts):
    with pytest.raises(ValueError, match=r"\['tehran'\] not in the table"):
        plot_profile(counts, order=["tehran"], ax=_ax())


# --------------------------------------------------------------------------- heatmap


def test_heatmap_rates_coloured_counts_written(counts):
    ax = plot_heatmap(counts, labels=LABELS, names=NAMES, wrap=None, ax=_ax())
    img = ax.images[0].get_array()
    assert np.asarray(img).tolist() == [[20.0, 0.0], [0.0, 15.0], [0.0, 5.0]]
    assert [t.get_text() for t in ax.texts] == ["2", "0", "0", "3", "0", "1"]
    assert _ticks(ax.get_xticklabels()) == ["Presidential Administration",
                                            "De facto authorities"]
    assert _ticks(ax.get_yticklabels()) == ["Reintegration", "Coercion", "International format"]
    assert len(ax.figure.axes) == 2                       # the colour bar


def test_heatmap_names_a_unit_too_short_as_such(counts):
    # issue 13: baku's statement has short_text=True in every row (as count_matches flags it)
    c = counts.assign(short_text=[True] * 3 + [False] * 3)
    ax = plot_heatmap(c, names=NAMES, wrap=None, ax=_ax())
    assert _ticks(ax.get_xticklabels()) == ["Presidential Administration\n(too short)",
                                            "De facto authorities"]
    ax = plot_heatmap(counts, names=NAMES, wrap=None, ax=_ax())     # no flag column: none
    assert _ticks(ax.get_xticklabels()) == ["Presidential Administration",
                                            "De facto authorities"]


def test_heatmap_text_readable_on_dark_and_light_cells(counts):
    ax = plot_heatmap(counts, colorbar=False, ax=_ax())
    colours = {t.get_text(): t.get_color() for t in ax.texts}
    assert colours["2"] == "black"          # brightest cell of cividis (yellow)
    assert colours["0"] == "white"          # darkest cell (navy)


# --------------------------------------------------------------------------- shift


@pytest.fixture
def shift_table():
    cats = ["reint", "coerc", "format"]
    rows = []
    for c, diff, lo, hi in zip(cats, [-20.0, 15.0, 0.0], [-25.0, 5.0, 0.0],
                               [-15.0, 30.0, 0.0]):
        rows.append(("a", "b", "rate_diff", c, diff, lo, hi, 0.5))
    for c, v in zip(cats, [0, 1, 0]):
        rows.append(("a", "b", "introduced", c, float(v), np.nan, np.nan, np.nan))
    for c, v in zip(cats, [1, 0, 0]):
        rows.append(("a", "b", "dropped", c, float(v), np.nan, np.nan, np.nan))
    for c, v in zip(cats, [0.35, 0.15, 0.0]):
        rows.append(("a", "b", "jsd_contribution", c, v, np.nan, np.nan, np.nan))
    rows.append(("a", "b", "jsd", None, 0.5, 0.4, 0.6, 0.01))
    return pd.DataFrame(rows, columns=["from", "to", "measure", "category", "value", "ci_low",
                                       "ci_high", "p"])


@pytest.fixture
def statement_counts():
    return pd.DataFrame({"statement_id": ["a"] * 3 + ["b"] * 3,
                         "category": ["reint", "coerc", "format"] * 2,
                         "count": [2, 0, 0, 0, 3, 0], "tokens": [100] * 3 + [200] * 3,
                         "per_1000": [20.0, 0.0, 0.0, 0.0, 15.0, 0.0]})


def test_shift_frame_pairs_rates_with_interval(shift_table, statement_counts):
    f = shift_frame(shift_table, statement_counts)
    assert f["category"].tolist() == ["reint", "coerc", "format"]
    assert f["rate_from"].tolist() == [20.0, 0.0, 0.0]
    assert f["rate_to"].tolist() == [0.0, 15.0, 0.0]
    assert f["value"].tolist() == [-20.0, 15.0, 0.0]
    assert f["introduced"].tolist() == [False, True, False]
    assert f["dropped"].tolist() == [True, False, False]
    with pytest.raises(ValueError, match="No shift a -> c"):
        shift_frame(shift_table, statement_counts, from_="a", to="c")


def test_shift_arrows_and_introduced_dropped_marked(shift_table, statement_counts):
    ax = plot_shift(shift_table, statement_counts, labels=LABELS,
                    names={"a": "Baku", "b": "Stepanakert"}, ax=_ax())
    # 'format' is in neither statement: left out
    assert _ticks(ax.get_yticklabels()) == ["Reintegration", "Coercion"]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 2
    notes = {t.get_text(): t.xy[1] for t in ax.texts}
    assert notes == {"dropped": 0, "new in B": 1}
    assert mcolors.to_hex(arrows[1].get_edgecolor()) == "#009e73"   # introduced: green
    legend = _ticks(ax.get_legend().get_texts())
    assert legend[:2] == ["A: Baku", "B: Stepanakert"]
    # interval of the change drawn from A's rate: reint 20 + [-25, -15], coercion 0 + [5, 30]
    assert _intervals(ax) == [("reint", [-5.0, 5.0]), ("coerc", [5.0, 30.0])]
    assert legend[2] == "95% interval of the change"


def test_shift_no_interval_where_the_table_has_nan_and_the_reason_shown(shift_table,
                                                                        statement_counts):
    # issue 13: the shift table's interval of coercion is missing (A too short), reint's is
    # there; only the reported one is drawn, the reason is in the legend with A for "a"
    t = shift_table.copy()
    t["ci_method"] = "cluster-robust"
    coerc = (t["measure"] == "rate_diff") & (t["category"] == "coerc")
    t.loc[coerc, ["ci_low", "ci_high"]] = np.nan
    t.loc[coerc, "ci_method"] = "none: too short, a has 1 sentence(s)"
    t["p_adjusted"] = np.where(t["measure"] == "rate_diff", 0.75, np.nan)
    ax = plot_shift(t, statement_counts, names={"a": "Baku", "b": "Stepanakert"}, ax=_ax())
    assert _intervals(ax) == [("reint", [-5.0, 5.0])]
    legend = [x.replace("\n", " ") for x in _ticks(ax.get_legend().get_texts())]
    assert legend[2:] == ["95% interval of the change",
                          "No interval: too short, A has 1 sentence(s)"]
    # the BH-adjusted p of each drawn change is written after its arrow, the notes at right
    texts = [x.get_text() for x in ax.texts]
    assert texts == ["adj. p 0.75", "dropped", "adj. p 0.75", "new in B"]
    f = shift_frame(t, statement_counts)
    assert f["ci_method"].tolist()[:2] == ["cluster-robust",
                                           "none: too short, a has 1 sentence(s)"]
    assert f["p_adjusted"].tolist() == [0.75, 0.75, 0.75]


def test_shift_with_no_interval_at_all_draws_none(shift_table, statement_counts):
    t = shift_table.assign(ci_low=np.nan, ci_high=np.nan,
                           ci_method="none: too short, a has 1 sentence(s)")
    ax = plot_shift(t, statement_counts, ax=_ax())
    assert _intervals(ax) == []
    legend = [x.replace("\n", " ") for x in _ticks(ax.get_legend().get_texts())]
    assert "95% interval of the change" not in legend
    assert legend[-1] == "No interval: too short, A has 1 sentence(s)"


# --------------------------------------------------------------------------- JSD


def test_jsd_bars_diverge_and_sum_to_total(shift_table):
    ax = plot_jsd_contributions(shift_table, labels=LABELS, ax=_ax())
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([-0.35, 0.15])       # reint more in A, coerc more in B
    assert sum(abs(w) for w in widths) == pytest.approx(0.5)
    assert _ticks(ax.get_yticklabels()) == ["Reintegration", "Coercion"]
    assert "Total JSD = 0.500 bits" in ax.get_xlabel()
    assert "95% CI 0.400\u20130.600" in ax.get_xlabel()


def test_jsd_contribution_intervals_only_where_reported_and_total_reason(shift_table):
    t = shift_table.copy()
    contrib = t["measure"] == "jsd_contribution"
    # reint (more in A, bar to the left) has an interval [0.2, 0.5]; coerc has none
    t.loc[contrib & (t["category"] == "reint"), ["ci_low", "ci_high"]] = [0.2, 0.5]
    t["ci_method"] = "sentence bootstrap"
    jsd = t["measure"] == "jsd"
    t.loc[jsd, ["ci_low", "ci_high"]] = np.nan
    t.loc[jsd, "ci_method"] = "none: too short, b has 2 sentence(s)"
    ax = plot_jsd_contributions(t, ax=_ax())
    assert _intervals(ax) == [("reint", [-0.2, -0.5])]
    lines = ax.get_xlabel().splitlines()
    assert lines[1] == "Total JSD = 0.500 bits"
    assert " ".join(lines[2:]) == "(no interval: too short, B has 2 sentence(s))"
    assert "95% CI" not in ax.get_xlabel()


def test_jsd_needs_jsd_rows(shift_table):
    with pytest.raises(ValueError, match="No jsd/jsd_contribution rows"):
        plot_jsd_contributions(shift_table[shift_table["measure"] != "jsd"], ax=_ax())


# --------------------------------------------------------------------------- keyness


@pytest.fixture
def keyness_table():
    return pd.DataFrame({"term": ["law", "business", "the", "spirit", "us", "democracy"],
                         "count_target": [30, 10, 500, 2, 5, 1],
                         "count_reference": [5, 2, 480, 12, 20, 15],
                         "score": [3.1, 2.1, 0.2, -2.0, -2.2, -3.3],
                         "p": [0.002, 0.04, 0.8, 0.05, 0.03, 0.001]})


def test_keyness_z_against_log_frequency_labels_in_score_order(keyness_table):
    ax = plot_keyness(keyness_table, top=2, target="R", reference="D", stop_words=None,
                      ax=_ax())
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.texts] == ["law", "business", "democracy", "us"]
    xy = ax.collections[1].get_offsets()                   # target's labelled points
    assert np.asarray(xy).tolist() == [[35.0, 3.1], [12.0, 2.1]]
    assert len(ax.collections[0].get_offsets()) == 2       # the other terms, grey
    assert _ticks(ax.get_legend().get_texts())[:2] == ["more in R", "more in D"]


def test_keyness_skip_terms_are_drawn_not_labelled(keyness_table):
    ax = plot_keyness(keyness_table, top=2, skip={"law", "us"}, stop_words=None, ax=_ax())
    assert [t.get_text() for t in ax.texts] == ["business", "the", "democracy", "spirit"]


def test_keyness_stop_words_are_not_labelled_by_default(keyness_table):
    # "the" and "us" are in scikit-learn's English stop-word list (issue 18)
    ax = plot_keyness(keyness_table, top=2, ax=_ax())
    labels = [t.get_text() for t in ax.texts]
    assert "the" not in labels and "us" not in labels
    assert len(ax.collections[0].get_offsets()) + 4 == len(keyness_table)   # still drawn
    ax = plot_keyness(keyness_table, top=2, stop_words={"law"}, ax=_ax())
    assert "law" not in [t.get_text() for t in ax.texts]


def test_keyness_legend_names_the_groups_from_the_table(keyness_table):
    t = keyness_table.copy()
    t.attrs.update(target="Republican", reference="Democratic")
    ax = plot_keyness(t, top=2, ax=_ax())
    assert _ticks(ax.get_legend().get_texts())[:2] == ["more in Republican",
                                                       "more in Democratic"]
    t.attrs.update(reference="rest")
    ax = plot_keyness(t, top=2, ax=_ax())
    assert _ticks(ax.get_legend().get_texts())[:2] == ["more in Republican", "more in the rest"]
    ax = plot_keyness(keyness_table, top=2, ax=_ax())   # no names known
    assert _ticks(ax.get_legend().get_texts())[:2] == ["more in target", "more in reference"]


def test_keyness_z_lines_are_labelled_token_level(keyness_table):
    ax = plot_keyness(keyness_table, top=2, ax=_ax())
    assert _ticks(ax.get_legend().get_texts())[2:] == ["token-level |z| = 1.96"]
    dotted = sorted(ln.get_ydata()[0] for ln in ax.lines if ln.get_linestyle() == ":")
    assert dotted == [-1.96, 1.96]


# --------------------------------------------------------------------------- key terms (issue 13)


@pytest.fixture
def doc_keyness():
    # a keyness table as keyness(..., inference="document") makes it (columns it documents);
    # "rare" was used by too few documents to be tested (p NaN), "the" is a stop word
    t = pd.DataFrame({
        "term": ["law", "business", "the", "rare", "spirit", "people", "democracy"],
        "score": [3.1, 2.1, 0.2, 1.5, -2.0, -2.2, -3.3],
        "log_ratio": [2.0, 1.5, 0.1, 3.0, -1.0, -1.2, -4.0],
        "ci_low": [1.0, -0.5, -0.2, np.nan, -2.5, -2.0, -np.inf],
        "ci_high": [3.0, 3.5, 0.4, np.nan, 0.5, -0.4, -1.5],
        "p": [0.001, 0.04, 0.9, np.nan, 0.2, 0.03, 0.01],
        "p_adjusted": [0.006, 0.08, 0.9, np.nan, 0.23, 0.07, 0.03],
        "test": ["document permutation (9999 relabellings)"] * 3
                + ["none: in fewer than 5 documents (not tested)"]
                + ["document permutation (9999 relabellings)"] * 3,
    })
    t.attrs.update(target="Republican", reference="Democratic")
    return t


def test_key_terms_frame_ranks_each_side_by_document_p(doc_keyness):
    f = key_terms_frame(doc_keyness, top=2)
    # target side by p: law (0.001), business (0.04) -- not rare (untested), not "the" (stop
    # word); reference side by p: democracy (0.01), people (0.03); drawn by log ratio, high first
    assert f["term"].tolist() == ["law", "business", "people", "democracy"]
    assert f["side"].tolist() == ["target", "target", "reference", "reference"]
    assert f["flagged"].tolist() == [True, False, False, True]      # p_adjusted < .05
    assert set(f["ranked_by"]) == {"p"}


def test_key_terms_draws_reported_intervals_and_marks_adjusted_p(doc_keyness):
    ax = plot_key_terms(doc_keyness, top=2, ax=_ax())
    assert _ticks(ax.get_yticklabels()) == ["law", "business", "people", "democracy"]
    left, right = ax.get_xlim()
    iv = dict(_intervals(ax))
    assert iv["law"] == [1.0, 3.0] and iv["business"] == [-0.5, 3.5]
    assert iv["people"] == [-2.0, -0.4]
    # democracy: Republicans never use it, the interval is unbounded below: drawn to the
    # axes' edge with an arrow head there
    assert iv["democracy"] == [left, -1.5]
    heads = [ln for ln in ax.lines if ln.get_label() == "_unbounded"]
    assert [(h.get_marker(), h.get_xdata()[0]) for h in heads] == [("<", left)]
    points = {ln.get_label().removeprefix("_point "): ln for ln in ax.lines
              if ln.get_label().startswith("_point ")}
    assert [points[t].get_xdata()[0] for t in ["law", "business", "people", "democracy"]] == [
        2.0, 1.5, -1.2, -4.0]
    filled = {t: points[t].get_markerfacecolor() != "white" for t in points}
    assert filled == {"law": True, "business": False, "people": False, "democracy": True}
    assert ax.texts[0].get_text().replace("\n", " ") == (
        "2 of 6 terms at BH-adjusted p < 0.05 (filled): document permutation (9999 "
        "relabellings)")
    assert _ticks(ax.get_legend().get_texts()) == ["more in Republican", "more in Democratic"]


def test_key_terms_says_when_no_term_passes(doc_keyness):
    t = doc_keyness.assign(p_adjusted=[0.2, 0.3, 0.9, np.nan, 0.4, 0.3, 0.2])
    ax = plot_key_terms(t, top=2, ax=_ax())
    assert ax.texts[0].get_text().replace("\n", " ") == (
        "No term at BH-adjusted p < 0.05: 6 terms tested, document permutation (9999 "
        "relabellings)")
    assert not any(ln.get_markerfacecolor() != "white" for ln in ax.lines
                   if ln.get_label().startswith("_point "))


def test_key_terms_of_groups_too_short_draw_no_interval_and_say_why(doc_keyness):
    why = "none: too short, x has 1 document(s) (needs >= 3 a group)"
    t = doc_keyness.assign(p=np.nan, p_adjusted=np.nan, ci_low=np.nan, ci_high=np.nan,
                           test=why)
    f = key_terms_frame(t, top=2)
    # no p anywhere: each side ranked by |score| (rare 1.5 < business 2.1 < law 3.1)
    assert f["term"].tolist() == ["law", "business", "people", "democracy"]
    assert set(f["ranked_by"]) == {"score"}
    ax = plot_key_terms(t, top=2, ax=_ax())
    assert _intervals(ax) == []
    assert ax.texts[0].get_text().replace("\n", " ") == (
        "No p-value or interval: too short, x has 1 document(s) (needs >= 3 a group). "
        "Terms ranked by score.")
    assert "interval" not in ax.get_xlabel()


# --------------------------------------------------------------------------- dispersion


@pytest.fixture
def exchange():
    statements = pd.DataFrame({"statement_id": ["s1", "s2"], "actor": ["baku", "nk"],
                               "tokens": [10, 20]})
    matches = pd.DataFrame({"statement_id": ["s1", "s2", "s2", "s2"],
                            "token_start": [3, 0, 5, 12],
                            "match": ["Reintegration", "coercion", "ready-made  solutions",
                                      "reintegration"],
                            "category": ["reint", "coerc", "coerc", "reint"]})
    return matches, statements


def test_dispersion_frame_positions_across_statements(exchange):
    matches, statements = exchange
    f = dispersion_frame(matches, statements, terms=["reintegration", "ready-made solutions"])
    assert f["term"].tolist() == ["reintegration", "reintegration", "ready-made solutions"]
    assert f["position"].tolist() == [3, 22, 15]          # s2 starts at word 10
    assert list(f.columns[:4]) == ["statement_id", "token_start", "match", "category"]


def test_dispersion_terms_in_the_order_given_top_to_bottom(exchange):
    matches, statements = exchange
    terms = ["reintegration", "coercion", "ready-made solutions"]
    ax = plot_dispersion(matches, statements, terms=terms, names=NAMES, ax=_ax())
    assert _ticks(ax.get_yticklabels()) == terms
    lo, hi = ax.get_ylim()
    assert lo > hi                                         # first term on top (not NLTK's)
    # statement 1's ticks: reintegration (row 0) at word 3
    assert ax.lines[0].get_xdata().tolist() == [3.0]
    assert ax.lines[0].get_ydata().tolist() == [0.0]
    assert sorted(zip(ax.lines[1].get_xdata(), ax.lines[1].get_ydata())) == [
        (10.0, 1.0), (15.0, 2.0), (22.0, 0.0)]
    assert _ticks(ax.get_legend().get_texts()) == ["1  Presidential Administration",
                                                   "2  De facto authorities"]
    assert [ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--"] == [10]


# --------------------------------------------------------------------------- timeline


def test_leading_frames_ties_broken_by_category_order():
    c = pd.DataFrame({"statement_id": ["a"] * 3 + ["b"] * 3,
                      "category": ["x", "y", "z"] * 2, "count": [1, 3, 1, 0, 0, 2]})
    lf = leading_frames(c, top=2)
    assert lf[["statement_id", "category", "count", "rank"]].values.tolist() == [
        ["a", "y", 3, 1], ["a", "x", 1, 2], ["b", "z", 2, 1]]


def test_timeline_statements_on_dates_with_leading_frames():
    st = pd.DataFrame({"statement_id": ["s1", "s2"], "actor": ["baku", "nk"],
                       "date": pd.to_datetime(["2023-03-27", "2023-03-28"])})
    frames = pd.DataFrame({"statement_id": ["s1", "s2", "s2"],
                           "category": ["reint", "coerc", "format"], "count": [1, 3, 1],
                           "rank": [1, 1, 2]})
    events = pd.DataFrame({"date": pd.to_datetime(["2023-03-13"]), "actor": ["baku"]})
    ax = plot_timeline(st, frames, events=events, labels=LABELS, names=NAMES, ax=_ax())
    assert [t.get_text() for t in ax.texts] == ["Reintegration (1)",
                                                "Coercion (3)\nInternational format (1)"]
    # lane labels: display names, wrapped at 24 characters
    assert [t.replace("\n", " ") for t in _ticks(ax.get_yticklabels())] == [
        "Presidential Administration", "De facto authorities"]
    import matplotlib.dates as mdates
    xs = [ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() in ("None", "none")]
    assert xs == [mdates.date2num(pd.Timestamp(d)) for d in
                  ("2023-03-13", "2023-03-27", "2023-03-28")]
    assert len(ax.get_legend().get_texts()) == 2


# --------------------------------------------------------------------------- NTR


def test_ntr_one_line_per_measure():
    t = pd.DataFrame({"statement_id": ["a", "b", "c"], "Year": [1789, 1793, 1797],
                      "novelty": [np.nan, 0.5, 0.7], "transience": [0.7, 0.5, np.nan],
                      "resonance": [np.nan, 0.0, np.nan]})
    ax = plot_ntr(t, x="Year", ax=_ax())
    lines = [ln for ln in ax.lines if ln.get_label() in ("Novelty", "Transience", "Resonance")]
    assert [ln.get_label() for ln in lines] == ["Novelty", "Transience", "Resonance"]
    assert lines[0].get_xdata().tolist() == [1789.0, 1793.0, 1797.0]
    assert lines[1].get_ydata()[:2].tolist() == [0.7, 0.5]
    assert ax.get_xlabel() == "Year"
    assert {ln.get_color() for ln in lines} == set(PALETTE[:3])


def test_ntr_null_band_shaded_and_labelled_and_short_statements_hollow():
    t = pd.DataFrame({"Year": [1, 2, 3, 4], "novelty": [np.nan, 0.5, 0.7, 0.6],
                      "novelty_null_low": [np.nan, 0.4, 0.4, 0.5],
                      "novelty_null_high": [np.nan, 0.9, 0.8, 0.9],
                      "short_text": [False, False, True, False]})
    ax = plot_ntr(t, x="Year", measures=("novelty",), ax=_ax())
    band = ax.collections[0].get_paths()[0].vertices
    assert band[:, 1].max() == pytest.approx(0.9) and band[:, 1].min() == pytest.approx(0.4)
    assert _ticks(ax.get_legend().get_texts()) == ["Novelty", "Random order, central 95%",
                                                   "hollow: too short (short_text)"]
    hollow = [ln for ln in ax.lines if ln.get_label() == "_short novelty"]
    assert [(h.get_xdata().tolist(), h.get_ydata().tolist()) for h in hollow] == [([3.0],
                                                                                  [0.7])]
    ax = plot_ntr(t.assign(short_text=False), x="Year", measures=("novelty",), ax=_ax())
    assert _ticks(ax.get_legend().get_texts()) == ["Novelty", "Random order, central 95%"]


def test_ax_none_makes_a_new_figure_each_call(counts):
    """Issue 18: a second plot call drew over the first (seaborn-style ax=None used gca)."""
    import matplotlib.pyplot as plt

    before = plt.figure()
    try:
        a = plot_profile(counts)
        b = plot_heatmap(counts)
        assert a.figure is not before and b.figure is not before and a.figure is not b.figure
        assert before.axes == []
        # the house size and layout of the style file (figure.figsize: 3.4, 2.6)
        assert tuple(a.figure.get_size_inches()) == pytest.approx((3.4, 2.6))
        assert a.figure.get_layout_engine() is not None
        assert plt.gcf() is b.figure   # a pyplot figure: plt.show() and Jupyter show it
    finally:
        plt.close("all")


def test_style_leaves_no_global_state(counts):
    import matplotlib.pyplot as plt

    size, inter = tuple(matplotlib.rcParams["figure.figsize"]), matplotlib.is_interactive()
    try:
        plot_profile(counts)
        assert tuple(matplotlib.rcParams["figure.figsize"]) == size
        assert matplotlib.is_interactive() == inter
    finally:
        plt.close("all")


def test_own_axes_gets_a_layout_that_fits_labels(counts):
    long = {"format": "International format of negotiations"}

    def left_edge(fig, ax):
        fig.draw_without_rendering()
        return min(t.get_window_extent().x0 for t in ax.get_yticklabels())

    fig = Figure(figsize=(3.4, 2.6))
    assert fig.get_layout_engine() is None
    ax = plot_profile(counts, ax=fig.add_subplot(), labels=long)
    assert ax.figure is fig
    assert fig.get_layout_engine() is not None   # constrained: long labels not clipped
    assert left_edge(fig, ax) >= 0, "the category labels start inside the figure"
    # what the user saw before (issue 18): the same figure without a layout clips the label
    bare = Figure(figsize=(3.4, 2.6), layout="none")
    ax = bare.add_subplot()
    plot_profile(counts, ax=ax, labels=long)
    bare.set_layout_engine("none")
    assert left_edge(bare, ax) < 0


def test_own_layout_engine_is_kept(counts):
    fig = Figure(layout="tight")
    plot_profile(counts, ax=fig.add_subplot())
    assert type(fig.get_layout_engine()).__name__ == "TightLayoutEngine"


def test_profile_value_is_the_heatmap_name_and_x_still_works(counts):
    ax = plot_profile(counts, value="share", ax=_ax())
    assert ax.get_xlabel() == "Share of the unit's matches"
    with pytest.warns(FutureWarning, match="value="):
        ax = plot_profile(counts, x="count", ax=_ax())
    assert ax.get_xlabel() == "Matches"
    with pytest.raises(TypeError, match="not both"):
        plot_profile(counts, value="share", x="count", ax=_ax())


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF"),
                                           (".svg", b"<?xml")])
def test_save_figure_formats_and_same_bytes_twice(counts, tmp_path, suffix, magic):
    from frameshift.plotting import save_figure

    one = save_figure(plot_profile(counts, ax=_ax()), tmp_path / f"p{suffix}").read_bytes()
    two = save_figure(plot_profile(counts, ax=_ax()).figure, tmp_path / f"q{suffix}").read_bytes()
    assert one.startswith(magic)
    assert one == two, "no timestamps: the same figure drawn twice gives the same bytes"
    ax = plot_profile(counts, ax=_ax())
    assert (tmp_path / f"p{suffix}.provenance.json").exists()
    save_figure(ax, tmp_path / f"p{suffix}")   # frameshift's own file may be replaced


def test_save_figure_refuses_unknown_suffix_and_foreign_files(counts, tmp_path):
    from frameshift.errors import OptionError, OutputExistsError
    from frameshift.plotting import save_figure

    ax = plot_profile(counts, ax=_ax())
    with pytest.raises(OptionError, match=r"\.png, \.pdf or \.svg"):
        save_figure(ax, tmp_path / "fig.jpg")
    mine = tmp_path / "mine.png"
    mine.write_bytes(b"keep me")
    with pytest.raises(OutputExistsError, match="not written by frameshift"):
        save_figure(ax, mine)
    assert mine.read_bytes() == b"keep me"
    save_figure(ax, mine, force=True)
    assert mine.read_bytes().startswith(b"\x89PNG")


def test_public_names_exported():
    for name in plotting.__all__:
        assert hasattr(plotting, name)


def test_timeline_event_labels_follow_the_statement_notes():
    st = pd.DataFrame({"statement_id": ["s1"], "actor": ["baku"],
                       "date": pd.to_datetime(["2023-03-27"])})
    frames = pd.DataFrame({"statement_id": ["s1"], "category": ["reint"], "count": [1],
                           "rank": [1]})
    events = pd.DataFrame({"date": pd.to_datetime(["2023-03-13", "2023-03-01"]),
                           "actor": ["baku", None], "label": ["invitation", "meeting"]})
    ax = plot_timeline(st, frames, events=events, labels=LABELS, names=NAMES, ax=_ax())
    # the event without an actor has no lane and no label
    assert [t.get_text() for t in ax.texts] == ["Reintegration (1)", "13 Mar invitation"]
