"""Plot functions: one tidy table in, one matplotlib Axes out.

Every function follows seaborn's contract: the table comes first, every option is keyword-only,
and the Axes is returned. With ``ax=None`` each call makes its **own new figure** (house size,
constrained layout), so in Jupyter every call shows its own figure and in a script a second
call never draws over the first; with ``ax=`` given it draws there (and, when that figure has no
layout engine yet, turns on constrained layout so long labels are not clipped). Nothing is shown
and no global ``rcParams`` are changed: the house style (:data:`STYLE_PATH`) is applied only
while a function draws (``style=None`` keeps the caller's settings). :func:`save_figure` writes
a figure as PNG, PDF or SVG with the deterministic settings of the figure build, only when
asked. Category ids are shown with the lexicon's labels (``labels=``) and actor ids with display
names (``names=``), each a mapping or a callable such as
:meth:`frameshift.corpus.Corpus.actor_name`.

The figures of the paper are assembled from these functions by :mod:`frameshift.figures`; the
plot functions themselves never save anything.
"""

from __future__ import annotations

import contextlib
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "STYLE_PATH",
    "PALETTE",
    "MARKERS",
    "save_figure",
    "plot_profile",
    "plot_heatmap",
    "plot_shift",
    "shift_frame",
    "plot_jsd_contributions",
    "plot_keyness",
    "plot_key_terms",
    "key_terms_frame",
    "plot_dispersion",
    "dispersion_frame",
    "plot_timeline",
    "leading_frames",
    "plot_ntr",
    "plot_validation",
]

#: The house style file (single-column size, Okabe-Ito colours, DejaVu Sans).
STYLE_PATH = Path(__file__).parent / "data" / "frameshift.mplstyle"

#: Okabe & Ito (2008) colours, in the order of the style's colour cycle.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#000000")
#: Markers paired with :data:`PALETTE`, so that series differ in grayscale too.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

_GREY = "0.55"
_LEGEND_WRAP = 36  # legend entries above an axes must fit a single-column figure
_LIGHT = "0.85"
_INTRODUCED = "#009E73"   # bluish green
_DROPPED = "#D55E00"      # vermillion
_KEPT = "0.25"

_X_LABELS = {
    "per_1000": "Matches per 1,000 tokens",
    "share": "Share of the unit's matches",
    "count": "Matches",
}


# --------------------------------------------------------------------------- helpers


def _style(style):
    """Context applying ``style`` while drawing (nothing when ``style`` is None)."""
    if style is None:
        return contextlib.nullcontext()
    return _style_context(style)


@contextlib.contextmanager
def _style_context(style):
    # A style context restores every rcParam on exit, ``interactive`` included. In Jupyter the
    # inline backend is loaded when the first figure is made -- inside this context -- and
    # switches interactive mode on; restoring it to False hid every later figure of the kernel
    # (issue 18: "only the first plot is shown"). Interactive mode set by the backend while we
    # drew is the session's state, not our style, so it is kept.
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    with plt.style.context(style):
        yield
        interactive = mpl.is_interactive()
    mpl.interactive(interactive)


def _axes(ax):
    """The Axes to draw on: ``ax``, or the Axes of a new pyplot figure.

    Called inside :func:`_style`, so a new figure gets the style's size and layout. A new
    *pyplot* figure (not the current one) is what Jupyter's inline backend displays at the
    end of the cell and what ``plt.show()`` shows in a script.
    """
    if ax is not None:
        import matplotlib as mpl

        fig = _root_figure(ax)
        if getattr(fig, "get_layout_engine", None) is not None and fig.get_layout_engine() is None:
            fig.set_layout_engine("constrained")
        # an Axes made before the style applied keeps the caller's tick sizes (10 pt by
        # default), too big for the labels of a column-wide figure: use the style's
        for axis in ("x", "y"):
            ax.tick_params(axis=axis, which="both", labelsize=mpl.rcParams[f"{axis}tick.labelsize"])
            getattr(ax, f"{axis}axis").label.set_fontsize(mpl.rcParams["axes.labelsize"])
        return ax
    import matplotlib.pyplot as plt

    return plt.figure().add_subplot()


def _root_figure(obj):
    fig = obj if not hasattr(obj, "figure") or obj.figure is None else obj.figure
    while getattr(fig, "figure", None) is not None and fig.figure is not fig:
        fig = fig.figure   # a SubFigure's parent
    return fig


def _value_arg(value, x, default="per_1000"):
    """``value=`` (the name shared with :func:`plot_heatmap`), accepting the old ``x=``."""
    if x is not None:
        if value is not None and value != x:
            raise TypeError(f"Give value= or its old name x=, not both (value={value!r}, "
                            f"x={x!r}).")
        import warnings

        warnings.warn("x= is now called value= (as in plot_heatmap); x= will be removed.",
                      FutureWarning, stacklevel=3)
        return x
    return default if value is None else value


# --------------------------------------------------------------------------- saving

_SAVE_FORMATS = ("png", "pdf", "svg")
_SAVE_META = {"png": {"Software": None},
              "pdf": {"Creator": "frameshift", "Producer": "frameshift", "CreationDate": None,
                      "ModDate": None},
              "svg": {"Creator": "frameshift", "Date": None}}


def save_figure(ax_or_fig, path, *, dpi=300, force=False):
    """Save the figure of an Axes (or a Figure) as PNG, PDF or SVG, the format from the suffix.

    Uses the settings of ``frameshift figures``: 300 dpi, white background, no timestamps or
    software versions in the file (the same figure gives the same bytes), the house style's
    font handling. The file is written atomically; an existing file not written by frameshift
    is kept unless ``force=True``.

    Parameters
    ----------
    ax_or_fig : matplotlib.axes.Axes or matplotlib.figure.Figure
        What a ``plot_*`` function returned, or its figure.
    path : str or path-like
        Ends in ``.png``, ``.pdf`` or ``.svg``.
    dpi : int, default 300
    force : bool, default False
        Replace an existing file that frameshift did not write.

    Returns
    -------
    pathlib.Path
        The path written. A ``<path>.provenance.json`` beside it marks it as frameshift's.

    Raises
    ------
    frameshift.errors.OptionError
        The suffix is not one of png, pdf, svg.
    frameshift.errors.OutputExistsError
        The path is an existing file that frameshift did not write (pass ``force=True``).

    Examples
    --------
    >>> import matplotlib, tempfile, pathlib
    >>> matplotlib.use("Agg")
    >>> c = pd.DataFrame({"actor": ["a", "a"], "category": ["peace", "war"],
    ...                   "per_1000": [10.0, 0.0], "count": [2, 0]})
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "profile.png"
    >>> save_figure(plot_profile(c), out).read_bytes()[:4]
    b'\x89PNG'
    """
    import io
    import json

    from .errors import OptionError
    from .files import PROVENANCE_SUFFIX, atomic_write_bytes, check_output_path, provenance

    from .errors import check_path_argument

    check_path_argument(path, "path", "save_figure")
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in _SAVE_FORMATS:
        raise OptionError(f"{path}: cannot tell the format from the suffix {path.suffix!r}. "
                          "End the file name in .png, .pdf or .svg.")
    check_output_path(path, force=force)
    fig = _root_figure(ax_or_fig)
    buf = io.BytesIO()
    with _style(STYLE_PATH):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_SAVE_META[fmt])
    atomic_write_bytes(path, buf.getvalue())
    rec = provenance(kind="figure", format=fmt, dpi=dpi)
    atomic_write_bytes(path.with_name(path.name + PROVENANCE_SUFFIX),
                       (json.dumps(rec, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return path


def _namer(mapping):
    """Function id -> display text from a mapping, a callable or None (identity)."""
    if mapping is None:
        return lambda key: "" if _missing(key) else str(key)
    if callable(mapping):
        return lambda key: "" if _missing(key) else str(mapping(key))
    return lambda key: "" if _missing(key) else str(mapping.get(key, key))


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _wrap(text: str, width) -> str:
    if not width:
        return text
    return "\n".join(textwrap.wrap(str(text), width=int(width), break_long_words=False,
                                   break_on_hyphens=False)) or text


def _require(df, columns, what):
    from frameshift.errors import OptionError, check_table_argument

    check_table_argument(df, f"the {what} table", "plot", f"the function computing the {what}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise OptionError(f"The {what} table lacks column(s) {missing}; it has "
                         f"{list(map(str, df.columns))}.")


def _unique(values) -> list:
    return list(pd.unique(pd.Series(list(values), dtype=object)))


def _order(given, present, what):
    if given is None:
        return _unique(present)
    given = list(given)
    unknown = [g for g in given if g not in set(present)]
    if unknown:
        raise ValueError(f"{what} {unknown[:10]} not in the table; it holds "
                         f"{_unique(present)[:20]}.")
    return given


def _wide(table, *, index, columns, values, row_order, col_order, aggfunc="sum"):
    wide = table.pivot_table(index=index, columns=columns, values=values, aggfunc=aggfunc,
                             dropna=False, observed=False, sort=False)
    return wide.reindex(index=row_order, columns=col_order)


# --------------------------------------------------------------------------- profile


def plot_profile(counts, *, value=None, by="actor", intervals=None, order=None,
                 categories=None, labels=None, names=None, legend=True, wrap=None, ax=None,
                 style=STYLE_PATH, x=None):
    """Frame profile of each actor (or other unit): one marker per unit and category.

    Categories run down the y axis in the order given (default: the table's order, i.e. the
    lexicon's); the units are dodged around each category line, each with its own colour and
    marker. With ``intervals`` a horizontal bar shows the interval of each value where the
    table has one; where ``ci_low``/``ci_high`` are NaN no bar is drawn, and the unit gets the
    reason (the intervals' ``ci_method``, e.g. "too short (1 sentence(s); needs >= 3)") under
    its name in the legend ("no interval: ..." or, when only some categories lack one, "no
    interval for 2 categories: ...").

    Parameters
    ----------
    counts : pandas.DataFrame
        Long-form counts (``by``, category, ``value``), as made by
        :func:`frameshift.matching.count_matches` or :func:`frameshift.measures.shifts.frame_profiles`.
    value : {"per_1000", "share", "count"}, default "per_1000"
        Column plotted on the x axis (the same name as in :func:`plot_heatmap`; the old name
        ``x=`` still works, with a FutureWarning).
    by : str, default "actor"
    intervals : pandas.DataFrame, optional
        ``by``, category, ci_low, ci_high (e.g.
        :func:`frameshift.measures.profile_intervals`), optionally ci_method.
    order, categories : sequence, optional
        Units (legend order) and categories (top to bottom) to show.
    labels, names : mapping or callable, optional
        Category id -> label, unit id -> display name.
    legend : bool, default True
        Legend of the units above the axes.
    wrap : int, optional
        Wrap category labels at this many characters.
    ax : matplotlib.axes.Axes, optional
    style : path, name or None
        Matplotlib style applied while drawing (default: the house style).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.lines`` holds one line labelled ``"_interval <unit> <category>"`` per interval
        drawn, and one marker line per unit (labelled with its legend text).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> c = pd.DataFrame({"actor": ["a", "a", "b", "b"], "category": ["peace", "war"] * 2,
    ...                   "per_1000": [10.0, 0.0, 2.5, 5.0]})
    >>> ax = plot_profile(c, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['peace', 'war']
    """
    x = _value_arg(value, x)
    _require(counts, [by, "category", x], "counts")
    units = _order(order, counts[by], "order: units")
    cats = _order(categories, counts["category"], "categories: categories")
    label, name = _namer(labels), _namer(names)
    wide = _wide(counts, index="category", columns=by, values=x, row_order=cats,
                 col_order=units)
    lo = hi = None
    why = {}
    if intervals is not None:
        _require(intervals, [by, "category", "ci_low", "ci_high"], "intervals")
        if "ci_method" in intervals.columns:   # issue 13: why a unit has no interval
            none = intervals[intervals["ci_low"].isna() | intervals["ci_high"].isna()]
            for unit, methods in none.groupby(by, sort=False)["ci_method"]:
                reasons = [str(m).removeprefix("none:").strip() for m in _unique(methods)
                           if not _missing(m)]
                if reasons:
                    why[unit] = "; ".join(reasons)
        # "first", not "sum": a missing interval (NaN) must stay missing, not become 0
        lo = _wide(intervals, index="category", columns=by, values="ci_low", row_order=cats,
                   col_order=units, aggfunc="first")
        hi = _wide(intervals, index="category", columns=by, values="ci_high", row_order=cats,
                   col_order=units, aggfunc="first")
    with _style(style):
        ax = _axes(ax)
        n = len(units)
        step = min(0.8 / max(n, 1), 0.25)
        y0 = np.arange(len(cats), dtype=float)
        for i, unit in enumerate(units):
            y = y0 + (i - (n - 1) / 2.0) * step
            v = wide[unit].to_numpy(dtype=float)
            color, marker = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
            text = _wrap(name(unit), _LEGEND_WRAP)
            if lo is not None:
                a, b = lo[unit].to_numpy(dtype=float), hi[unit].to_numpy(dtype=float)
                drawn = np.isfinite(a) & np.isfinite(b)
                for k in np.flatnonzero(drawn):   # only the intervals the table reports
                    ax.plot([a[k], b[k]], [y[k], y[k]], color=color, linewidth=0.9,
                            linestyle="-", marker="none", solid_capstyle="butt", zorder=2,
                            label=f"_interval {unit} {cats[k]}")
                if unit in why and not drawn.all():
                    some = "" if not drawn.any() else f" for {int((~drawn).sum())} categories"
                    text += "\n" + _wrap(f"no interval{some}: {why[unit]}", _LEGEND_WRAP)
            ax.plot(v, y, linestyle="none", marker=marker, color=color, markersize=3.5,
                    markeredgecolor="white", markeredgewidth=0.4, label=text, zorder=3)
        for yy in y0:
            ax.axhline(yy, color=_LIGHT, linewidth=0.5, zorder=0)
        ax.set_yticks(y0, [_wrap(label(c), wrap) for c in cats])
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(len(cats) - 0.5, -0.5)
        right = ax.get_xlim()[1]
        ax.set_xlim(-0.02 * right, right)   # markers at zero stay whole
        ax.set_xlabel(_X_LABELS.get(x, x))
        ax.spines["left"].set_visible(False)
        if legend and n:
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=1, borderaxespad=0.2,
                      handletextpad=0.3)
    return ax


# --------------------------------------------------------------------------- heatmap


def plot_heatmap(counts, *, value="per_1000", annot="count", by="actor", order=None,
                 categories=None, labels=None, names=None, cmap="cividis", colorbar=True,
                 wrap=14, label_wrap=None, rotation=0, ax=None, style=STYLE_PATH):
    """Heatmap of rates (categories down, units across), each cell annotated with its count.

    A unit whose rows all have ``short_text`` True (fewer sentences than the toolkit's "too
    short" rule: its rates describe the text, they estimate nothing) is named with
    "(too short)" under it.

    Parameters
    ----------
    counts : pandas.DataFrame
        Long-form counts with ``by``, category, ``value`` and ``annot`` columns.
    value : str, default "per_1000"
        Column that sets the colour.
    annot : str or None, default "count"
        Column written in each cell (integers are written without decimals).
    by, order, categories, labels, names :
        As in :func:`plot_profile`.
    cmap : str, default "cividis"
        A sequential colour map; cividis is monotone in lightness and colour-blind safe.
    colorbar : bool, default True
    wrap : int, default 14
        Wrap the unit names at this many characters.
    label_wrap : int, optional
        Wrap the category labels at this many characters.
    rotation : float, default 0
        Rotation of the unit names (90 for long names in a narrow figure).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the rates (categories x units), ``ax.texts`` the annotations in
        row order.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> from frameshift.matching import count_matches
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...     "text": ["Reintegration now.", "No coercion, no reintegration."]}))
    >>> ax = plot_heatmap(count_matches(c, {"reint": ["reintegration"], "c": ["coercion"]}))
    >>> [t.get_text() for t in ax.texts]    # counts: reint (baku, nk), then c (baku, nk)
    ['1', '1', '0', '1']
    """
    cols = [by, "category", value] + ([annot] if annot else [])
    _require(counts, cols, "counts")
    units = _order(order, counts[by], "order: units")
    cats = _order(categories, counts["category"], "categories: categories")
    label, name = _namer(labels), _namer(names)
    m = _wide(counts, index="category", columns=by, values=value, row_order=cats,
              col_order=units).to_numpy(dtype=float)
    a = None
    if annot:
        a = _wide(counts, index="category", columns=by, values=annot, row_order=cats,
                  col_order=units).to_numpy()
    short = set()
    if "short_text" in counts.columns:   # issue 13
        flag = counts.assign(_s=counts["short_text"].fillna(False).astype(bool)).groupby(
            by, sort=False)["_s"].all()
        short = {u for u in units if bool(flag.get(u, False))}
    with _style(style):
        import matplotlib as mpl

        ax = _axes(ax)
        vmax = np.nanmax(m) if np.isfinite(m).any() and np.nanmax(m) > 0 else 1.0
        norm = mpl.colors.Normalize(vmin=0.0, vmax=vmax)
        cm = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
        im = ax.imshow(m, cmap=cm, norm=norm, aspect="auto", interpolation="nearest")
        if a is not None:
            for i in range(m.shape[0]):
                for j in range(m.shape[1]):
                    val = a[i, j]
                    txt = "" if _missing(val) else (
                        f"{int(val)}" if float(val).is_integer() else f"{float(val):.2g}")
                    r, g, b, _ = cm(norm(0.0 if np.isnan(m[i, j]) else m[i, j]))
                    dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5
                    ax.text(j, i, txt, ha="center", va="center", fontsize=6.5,
                            color="white" if dark else "black")
        ax.set_xticks(np.arange(len(units)),
                      [_wrap(name(u), wrap) + ("\n(too short)" if u in short else "")
                       for u in units],
                      fontsize=6.5, rotation=rotation,
                      ha="center" if rotation in (0, 90) else "right",
                      va="top" if rotation in (0, 90) else "top",
                      rotation_mode="default" if rotation in (0, 90) else "anchor")
        ax.set_yticks(np.arange(len(cats)), [_wrap(label(c), label_wrap) for c in cats])
        ax.set_xticks(np.arange(len(units) + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(len(cats) + 1) - 0.5, minor=True)
        ax.grid(which="minor", color="white", linewidth=1.0)
        ax.tick_params(which="both", length=0)
        ax.tick_params(axis="x", top=False, bottom=False)
        for side in ax.spines.values():
            side.set_visible(False)
        if colorbar:
            cb = ax.figure.colorbar(im, ax=ax, fraction=0.06, pad=0.02, aspect=30)
            cb.set_label(_X_LABELS.get(value, value))
            cb.outline.set_visible(False)
            cb.ax.tick_params(length=2)
    return ax


# --------------------------------------------------------------------------- shift


def shift_frame(shift_table, counts, *, from_=None, to=None, by="statement_id",
                x="per_1000", measure="rate_diff"):
    """The numbers of a shift chart: one row per category of the pair ``from_`` -> ``to``.

    Parameters
    ----------
    shift_table : pandas.DataFrame
        Long form of :func:`frameshift.measures.shifts.shift` (from, to, measure, category, value, ci_low,
        ci_high, p).
    counts : pandas.DataFrame
        Long-form counts per statement (``by``, category, ``x``).
    from_, to : str, optional
        The pair (default: the first pair of the shift table).

    Returns
    -------
    pandas.DataFrame
        from, to, category, rate_from, rate_to (``x`` of A and B in ``counts``), value, ci_low,
        ci_high, p (the ``measure`` rows of the shift table), introduced, dropped (bool), then
        ci_method, p_adjusted and short_text when the shift table has them (why an interval
        is missing, the BH-adjusted p, the "too short" flag); categories in the shift table's
        order.
    """
    _require(shift_table, ["from", "to", "measure", "category", "value", "ci_low", "ci_high",
                           "p"], "shift")
    _require(counts, [by, "category", x], "counts")
    if from_ is None or to is None:
        if not len(shift_table):
            raise ValueError("The shift table is empty.")
        first = shift_table.iloc[0]
        from_ = first["from"] if from_ is None else from_
        to = first["to"] if to is None else to
    pair = shift_table[(shift_table["from"] == from_) & (shift_table["to"] == to)]
    if not len(pair):
        pairs = _unique(shift_table["from"].astype(str) + " -> " + shift_table["to"].astype(str))
        raise ValueError(f"No shift {from_} -> {to} in the table; it holds {pairs[:10]}.")
    rows = pair[pair["measure"] == measure].set_index("category")
    flags = {}
    for flag in ("introduced", "dropped"):
        f = pair[pair["measure"] == flag].set_index("category")["value"]
        flags[flag] = f.reindex(rows.index).fillna(0).to_numpy(dtype=float) > 0
    rate = counts.set_index([by, "category"])[x]
    cats = list(rows.index)

    def rates(unit):
        idx = pd.MultiIndex.from_arrays([[unit] * len(cats), cats])
        return rate.reindex(idx).to_numpy(dtype=float)

    out = pd.DataFrame({
        "from": str(from_), "to": str(to), "category": [str(c) for c in cats],
        "rate_from": rates(from_), "rate_to": rates(to),
        "value": rows["value"].to_numpy(dtype=float),
        "ci_low": rows["ci_low"].to_numpy(dtype=float),
        "ci_high": rows["ci_high"].to_numpy(dtype=float),
        "p": rows["p"].to_numpy(dtype=float),
        "introduced": flags["introduced"], "dropped": flags["dropped"],
    })
    for col in ("ci_method", "p_adjusted", "short_text"):   # issue 13
        if col in rows.columns:
            out[col] = rows[col].to_numpy()
    return out


def _no_interval_reasons(frame, from_, to) -> list:
    """Why rows of a shift frame have no interval, A and B in place of the statement ids."""
    if "ci_method" not in frame.columns:
        return ["too short"] if len(frame) else []
    missing = ~(np.isfinite(frame["ci_low"].to_numpy(dtype=float))
                & np.isfinite(frame["ci_high"].to_numpy(dtype=float)))
    out = []
    for why in _unique(frame.loc[missing, "ci_method"]):
        text = "not given" if _missing(why) else str(why).removeprefix("none:").strip()
        out.append(_as_ab(text, from_, to))
    return out


def _as_ab(text, from_, to) -> str:
    """``text`` with the statement ids ``from_`` and ``to`` (whole ids only) as A and B."""
    import re

    for unit, letter in ((from_, "A"), (to, "B")):
        text = re.sub(r"(?<![\w/.-])" + re.escape(str(unit)) + r"(?![\w/.-])", letter, text)
    return text


def plot_shift(shift_table, counts, *, from_=None, to=None, by="statement_id", value=None,
               categories=None, drop_empty=True, labels=None, names=None, wrap=None,
               legend=True, p="p_adjusted", ax=None, style=STYLE_PATH, x=None):
    """Arrow chart of a shift: each category's rate in statement A, then in statement B.

    One row per category; an arrow runs from A's rate to B's. A grey bar behind each arrow
    head is the interval of the change (``ci_low``..``ci_high`` of the rate difference from
    :func:`frameshift.measures.shifts.shift`) drawn from A's rate: where B's rate falls under
    resampling. Only intervals the table reports are drawn: where ``ci_low``/``ci_high`` are
    NaN (a statement too short for an interval) there is no bar, and the legend gives the
    reason from the table's ``ci_method`` (statement ids shown as A and B).
    Frames introduced in B are green with a "new in B" note, frames dropped are vermillion
    with "dropped"; frames in both are dark grey. With ``p`` the note at the right also gives
    that column of the table (default: the BH-adjusted permutation p of the change).

    Parameters
    ----------
    shift_table : pandas.DataFrame
        Output of :func:`frameshift.measures.shifts.shift` (``rate_diff``, ``introduced``, ``dropped``
        rows of the pair are used).
    counts : pandas.DataFrame
        Per-statement counts (``by``, category, ``value``) giving A's and B's rates.
    value : str, default "per_1000"
        The rate column (as in :func:`plot_heatmap`; old name ``x=``).
    from_, to : str, optional
        The pair (default: the first of the shift table).
    categories : sequence, optional
        Categories top to bottom (default: the shift table's order).
    drop_empty : bool, default True
        Leave out categories matched in neither statement.
    labels, names :
        Category labels; display names of the statements (in the legend).
    wrap : int, optional
        Wrap category labels at this many characters.
    legend : bool, default True
        Legend (A, B, interval or why there is none) above the axes.
    p : str or None, default "p_adjusted"
        Column of the shift table written after each row's arrow ("adj. p 0.46"; "p 0.12"
        for ``"p"``); None writes none. Ignored when the table lacks the column.

    Returns
    -------
    matplotlib.axes.Axes
        One :class:`~matplotlib.patches.FancyArrowPatch` per category with a change, in
        ``ax.patches``; the y tick labels are the categories top to bottom; ``ax.lines``
        holds one line labelled ``"_interval <category>"`` per interval drawn.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> t = pd.DataFrame({"from": "a", "to": "b", "measure": ["rate_diff"] * 2,
    ...     "category": ["peace", "war"], "value": [5.0, -2.0], "ci_low": [1.0, np.nan],
    ...     "ci_high": [9.0, np.nan], "p": [0.01, 0.5], "p_adjusted": [0.02, 0.5],
    ...     "ci_method": ["cluster-robust", "none: too short, b has 1 sentence(s)"]})
    >>> c = pd.DataFrame({"statement_id": ["a", "a", "b", "b"], "category": ["peace", "war"] * 2,
    ...                   "per_1000": [1.0, 4.0, 6.0, 2.0]})
    >>> ax = plot_shift(t, c, ax=Figure().subplots())
    >>> [x.get_label() for x in ax.lines if x.get_label().startswith("_interval")]
    ['_interval peace']
    >>> ax.get_legend().get_texts()[-1].get_text()
    'No interval: too short, B has\\n1 sentence(s)'
    """
    x = _value_arg(value, x)
    frame = shift_frame(shift_table, counts, from_=from_, to=to, by=by, x=x)
    if categories is not None:
        frame = frame.set_index("category").loc[list(categories)].reset_index()
    if drop_empty:
        frame = frame[(frame["rate_from"].fillna(0) > 0) | (frame["rate_to"].fillna(0) > 0)]
    frame = frame.reset_index(drop=True)
    show_p = bool(p) and p in frame.columns
    label, name = _namer(labels), _namer(names)
    with _style(style):
        from matplotlib.patches import FancyArrowPatch

        ax = _axes(ax)
        n = len(frame)
        for i, r in frame.iterrows():
            color = _INTRODUCED if r["introduced"] else _DROPPED if r["dropped"] else _KEPT
            a, b = r["rate_from"], r["rate_to"]
            if np.isfinite(r["ci_low"]) and np.isfinite(r["ci_high"]):
                ax.plot([a + r["ci_low"], a + r["ci_high"]], [i, i], color=_LIGHT,
                        linewidth=4.5, linestyle="-", marker="none", solid_capstyle="butt",
                        zorder=1, label=f"_interval {r['category']}")
            ax.plot([a], [i], marker="o", markersize=3.5, color="white",
                    markeredgecolor=color, markeredgewidth=0.9, zorder=3, linestyle="none")
            if a != b:
                ax.add_patch(FancyArrowPatch((a, i), (b, i), arrowstyle="-|>",
                                             mutation_scale=7, color=color, linewidth=1.1,
                                             shrinkA=2, shrinkB=0, zorder=2))
            note = "new in B" if r["introduced"] else "dropped" if r["dropped"] else ""
            if show_p and np.isfinite(r[p]):
                ax.annotate(f"{'adj. p' if p == 'p_adjusted' else p} {r[p]:.2f}",
                            xy=(max(a, b), i), xytext=(4, 0), textcoords="offset points",
                            ha="left", va="center", fontsize=5.5, color=_GREY,
                            annotation_clip=False)
            if note:
                ax.annotate(note, xy=(1.0, i), xycoords=("axes fraction", "data"),
                            xytext=(2, 0), textcoords="offset points", ha="left",
                            va="center", fontsize=6.5, color=color,
                            fontstyle="italic", annotation_clip=False)
        hi = np.nanmax(np.r_[frame["rate_from"], frame["rate_to"],
                             frame["rate_from"] + frame["ci_high"], 0.0]) if n else 1.0
        hi = hi * (1.5 if show_p else 1.05) if hi > 0 else 1.0   # room for "adj. p 0.46"
        ax.set_xlim(-0.02 * hi, hi)   # circles at zero stay whole
        ax.set_yticks(np.arange(n), [_wrap(label(c), wrap) for c in frame["category"]])
        ax.set_ylim(n - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        for yy in range(n):
            ax.axhline(yy, color="0.93", linewidth=0.5, zorder=0)
        ax.set_xlabel(_X_LABELS.get(x, x))
        if legend and n:
            from matplotlib.lines import Line2D

            a_name = _wrap("A: " + name(frame["from"].iloc[0]), _LEGEND_WRAP)
            b_name = _wrap("B: " + name(frame["to"].iloc[0]), _LEGEND_WRAP)
            handles = [
                Line2D([], [], linestyle="none", marker="o", markersize=3.5, color="white",
                       markeredgecolor=_KEPT, markeredgewidth=0.9, label=a_name),
                Line2D([], [], linestyle="-", marker=">", markersize=3.5, color=_KEPT,
                       linewidth=1.1, label=b_name),
            ]
            if (np.isfinite(frame["ci_low"]) & np.isfinite(frame["ci_high"])).any():
                handles.append(Line2D([], [], linestyle="-", marker="none", color=_LIGHT,
                                      linewidth=4.5, solid_capstyle="butt",
                                      label="95% interval of the change"))
            # issue 13: intervals are NaN when a statement is too short for one; say why
            for why in _no_interval_reasons(frame, frame["from"].iloc[0], frame["to"].iloc[0]):
                handles.append(Line2D([], [], linestyle="none", marker="none",
                                      label=_wrap(f"No interval: {why}", 30)))
            ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=1,
                      borderaxespad=0.2, handletextpad=0.4)
    return ax


def plot_jsd_contributions(shift_table, *, from_=None, to=None, direction="rate_diff",
                           categories=None, drop_zero=True, labels=None, names=None,
                           wrap=None, ax=None, style=STYLE_PATH):
    """Diverging bars of each category's contribution to the Jensen-Shannon divergence.

    A contribution is never negative; its bar points left when the category is more frequent
    in A (``direction`` measure < 0) and right when it is more frequent in B. The bar lengths
    add up to the total JSD, written under the axes with its interval when the table has one,
    else with the reason the table gives for none (``ci_method``, statement ids shown as A
    and B). A contribution's interval is drawn as a line on its bar only where the table
    reports one.

    Parameters
    ----------
    shift_table : pandas.DataFrame
        Output of :func:`frameshift.measures.shifts.shift`; the ``jsd_contribution`` rows of the pair give
        the bars, the ``jsd`` row the total, the ``direction`` rows the side.
    from_, to : str, optional
        The pair (default: the first of the table).
    drop_zero : bool, default True
        Leave out categories that contribute nothing.
    labels, names :
        Category labels; display names of the statements (shown above the axes).
    wrap : int, optional
        Wrap category labels at this many characters.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.patches`` holds one bar per category (signed width), top to bottom; ``ax.lines``
        one line labelled ``"_interval <category>"`` per contribution interval drawn.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> t = pd.DataFrame({"from": "a", "to": "b",
    ...     "measure": ["jsd", "jsd_contribution", "jsd_contribution", "rate_diff", "rate_diff"],
    ...     "category": [None, "peace", "war", "peace", "war"],
    ...     "value": [0.3, 0.2, 0.1, 5.0, -2.0], "ci_low": np.nan, "ci_high": np.nan,
    ...     "ci_method": ["none: too short, a has 1 sentence(s)"] * 5})
    >>> ax = plot_jsd_contributions(t, ax=Figure().subplots())
    >>> [round(float(b.get_width()), 2) for b in ax.patches]
    [0.2, -0.1]
    >>> ax.get_xlabel().splitlines()[1:]
    ['Total JSD = 0.300 bits', '(no interval: too short, A has 1', 'sentence(s))']
    """
    _require(shift_table, ["from", "to", "measure", "category", "value"], "shift")
    if from_ is None or to is None:
        first = shift_table.iloc[0]
        from_ = first["from"] if from_ is None else from_
        to = first["to"] if to is None else to
    pair = shift_table[(shift_table["from"] == from_) & (shift_table["to"] == to)]
    contrib = pair[pair["measure"] == "jsd_contribution"].set_index("category")["value"]
    total = pair[pair["measure"] == "jsd"]
    if not len(contrib) or not len(total):
        raise ValueError(f"No jsd/jsd_contribution rows for {from_} -> {to} in the shift "
                         "table.")
    sign = np.sign(pair[pair["measure"] == direction].set_index("category")["value"]
                   .reindex(contrib.index).fillna(0).to_numpy(dtype=float))
    cats = list(contrib.index) if categories is None else list(categories)
    contrib = contrib.reindex(cats)
    sign = pd.Series(sign, index=list(pair[pair["measure"] == "jsd_contribution"]["category"]))
    sign = sign.reindex(cats).fillna(0).to_numpy()
    vals = contrib.to_numpy(dtype=float)
    keep = (vals > 0) if drop_zero else np.ones(len(vals), dtype=bool)
    cats = [c for c, k in zip(cats, keep) if k]
    vals, sign = vals[keep], sign[keep]
    signed = np.where(sign < 0, -vals, vals)
    label, name = _namer(labels), _namer(names)
    tot = total.iloc[0]
    ci = pair[pair["measure"] == "jsd_contribution"].set_index("category")
    ci_lo = (ci["ci_low"].reindex(cats).to_numpy(dtype=float) if "ci_low" in ci.columns
             else np.full(len(cats), np.nan))
    ci_hi = (ci["ci_high"].reindex(cats).to_numpy(dtype=float) if "ci_high" in ci.columns
             else np.full(len(cats), np.nan))
    with _style(style):
        ax = _axes(ax)
        y = np.arange(len(cats))
        colors = [PALETTE[1] if s < 0 else PALETTE[0] for s in signed]
        hatches = ["////" if s < 0 else "" for s in signed]
        bars = ax.barh(y, signed, height=0.65, color=colors, edgecolor="white", linewidth=0.4)
        for bar, h in zip(bars, hatches):
            bar.set_hatch(h)
        for k, c in enumerate(cats):   # only the intervals the table reports (issue 13)
            if np.isfinite(ci_lo[k]) and np.isfinite(ci_hi[k]):
                ends = np.array([ci_lo[k], ci_hi[k]]) * (-1.0 if sign[k] < 0 else 1.0)
                ax.plot(ends, [y[k], y[k]], color="0.15", linewidth=0.8, linestyle="-",
                        marker="|",
                        markersize=3, zorder=3, label=f"_interval {c}")
        ax.set_yticks(y, [_wrap(label(c), wrap) for c in cats])
        ax.set_ylim(len(cats) - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        reach = np.r_[np.abs(signed), ci_hi[np.isfinite(ci_hi)], 0.0]
        lim = max(reach.max(), 1e-9) * 1.15
        ax.set_xlim(-lim, lim)
        ax.xaxis.set_major_formatter(_abs_formatter())
        txt = f"Total JSD = {tot['value']:.3f} bits"
        if "ci_low" in total.columns and np.isfinite(tot.get("ci_low", np.nan)):
            txt += f"\n(95% CI {tot['ci_low']:.3f}\u2013{tot['ci_high']:.3f})"
        elif "ci_method" in total.columns:   # issue 13: no interval, and why
            why = tot["ci_method"]
            why = "not given" if _missing(why) else str(why).removeprefix("none:").strip()
            why = _as_ab(why, from_, to)
            txt += "\n" + _wrap(f"(no interval: {why})", 36)
        ax.set_xlabel(f"Contribution to JSD (bits)\n{txt}")
        ax.text(0.0, 1.01, "\u2190 more in A", transform=ax.transAxes, ha="left",
                va="bottom", fontsize=6.5, color=PALETTE[1])
        ax.text(1.0, 1.01, "more in B \u2192", transform=ax.transAxes, ha="right",
                va="bottom", fontsize=6.5, color=PALETTE[0])
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=PALETTE[1], edgecolor="white", hatch="////",
                         label=_wrap("A: " + name(from_), _LEGEND_WRAP)),
                   Patch(facecolor=PALETTE[0], edgecolor="white",
                         label=_wrap("B: " + name(to), _LEGEND_WRAP))]
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.07), ncol=1,
                  borderaxespad=0.2, handletextpad=0.4)
    return ax


def _abs_formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{abs(v):g}")


# --------------------------------------------------------------------------- keyness


def plot_keyness(keyness_table, *, top=10, score="score", target=None, reference=None,
                 skip=(), stop_words="english", ax=None, style=STYLE_PATH):
    """Fightin' Words plot: each term's z-score against its frequency (log scale).

    After Monroe, Colaresi & Quinn (2008, figs. 1-4): every term is a small grey point; the
    ``top`` terms of each side are coloured and labelled in a column at the right edge, in
    order of their score (target's terms on top, the reference's below). The dotted lines at
    ``|z| = 1.96`` are the **token-level** reference (every word an independent draw), and the
    legend says so; for the document-level result of
    :func:`frameshift.measures.key_terms.keyness` (its default ``p``, effect sizes with
    intervals) draw :func:`plot_key_terms`.

    Parameters
    ----------
    keyness_table : pandas.DataFrame
        term, count_target, count_reference, ``score`` (from :func:`frameshift.measures.key_terms.keyness`).
    top : int, default 10
        Terms labelled on each side.
    target, reference : str, optional
        Names of the two groups in the legend ("more in Republican"). Default: the names
        :func:`frameshift.measures.key_terms.keyness` stored in the table's ``attrs``, else
        "target" and "reference".
    skip : collection of str
        Terms drawn but never labelled; the next terms by score are labelled instead.
    stop_words : "english", None or collection of str, default "english"
        Stop words, drawn but never labelled (as ``skip``), so that "will", "is" and "the" do
        not take the labels of a keyness table made with ``stop_words=None``. None labels
        every term.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.texts`` holds the labels: target's terms by descending score, then the
        reference's by ascending score. The legend: the two sides, then the token-level
        ``|z| = 1.96`` lines.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"term": ["law", "union", "peace", "war"],
    ...                   "count_target": [40, 10, 5, 2], "count_reference": [10, 10, 20, 8],
    ...                   "score": [3.1, 0.2, -2.5, -1.0]})
    >>> ax = plot_keyness(t, top=1, target="R", reference="D")
    >>> [x.get_text() for x in ax.texts]
    ['law', 'peace']
    >>> [x.get_text() for x in ax.get_legend().get_texts()]
    ['more in R', 'more in D', 'token-level |z| = 1.96']
    """
    _require(keyness_table, ["term", "count_target", "count_reference", score], "keyness")
    from .measures.key_terms import stop_word_set

    attrs = getattr(keyness_table, "attrs", {}) or {}
    target = str(attrs.get("target", "target")) if target is None else target
    reference = str(attrs.get("reference", "reference")) if reference is None else reference
    if reference == "rest":
        reference = "the rest"
    t = keyness_table[keyness_table[score].notna()]
    freq = (t["count_target"] + t["count_reference"]).to_numpy(dtype=float)
    z = t[score].to_numpy(dtype=float)
    terms = t["term"].astype(str).to_numpy()
    skip = {str(w) for w in skip} | stop_word_set(stop_words)
    order = [i for i in np.argsort(-z, kind="mergesort") if terms[i].lower() not in skip
             and terms[i] not in skip]
    up = [i for i in order if z[i] > 0][:top]
    down = [i for i in order[::-1] if z[i] < 0][:top]
    with _style(style):
        from matplotlib.transforms import blended_transform_factory

        ax = _axes(ax)
        rest = np.setdiff1d(np.arange(len(t)), np.r_[up, down].astype(int))
        ax.scatter(freq[rest], z[rest], s=3, color=_LIGHT, edgecolors="none", zorder=1,
                   rasterized=False)
        ax.scatter(freq[up], z[up], s=9, color=PALETTE[0], marker="o", edgecolors="none",
                   zorder=3, label=_wrap(f"more in {target}", _LEGEND_WRAP))
        ax.scatter(freq[down], z[down], s=9, color=PALETTE[1], marker="s", edgecolors="none",
                   zorder=3, label=_wrap(f"more in {reference}", _LEGEND_WRAP))
        ax.set_xscale("log")
        ax.axhline(0, color="0.6", linewidth=0.5, zorder=0)
        for q in (1.96, -1.96):   # labelled as what they are (issue 13)
            ax.axhline(q, color="0.6", linewidth=0.5, linestyle=":", marker="none", zorder=0,
                       label="token-level |z| = 1.96" if q > 0 else "_nolegend_")
        zmax = np.nanmax(np.abs(z)) if len(z) else 1.0
        ax.set_ylim(-zmax * 1.08, zmax * 1.08)
        ax.set_xlim(max(freq.min() * 0.7, 0.5) if len(freq) else 0.5,
                    freq.max() * 1.5 if len(freq) else 10)
        ax.set_xlabel("Frequency of term (both groups, log scale)")
        ax.set_ylabel("z-score of the log-odds ratio")
        trans = blended_transform_factory(ax.transAxes, ax.transData)
        ylo, yhi = ax.get_ylim()
        for idx, lo_, hi_, color in ((up, 0.08 * yhi, 0.98 * yhi, PALETTE[0]),
                                     (down, 0.08 * ylo, 0.98 * ylo, PALETTE[1])):
            if not idx:
                continue
            ys = hi_ + (lo_ - hi_) * np.arange(len(idx)) / max(top - 1, 1)
            for i, yy in zip(idx, ys):
                ax.annotate(terms[i], xy=(freq[i], z[i]), xycoords="data", xytext=(1.03, yy),
                            textcoords=trans, ha="left", va="center", fontsize=6.5,
                            color=color, annotation_clip=False,
                            arrowprops={"arrowstyle": "-", "color": color, "linewidth": 0.3,
                                        "alpha": 0.6, "shrinkA": 0, "shrinkB": 1.5})
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=1, borderaxespad=0.2,
                  handletextpad=0.2, markerscale=1.5)
    return ax


def key_terms_frame(keyness_table, *, top=10, skip=(), stop_words="english", alpha=0.05):
    """The terms :func:`plot_key_terms` draws: the ``top`` of each side, top to bottom.

    Each side (``log_ratio`` > 0: more in the target; < 0: more in the reference) is ranked by
    the table's ``p`` -- the document-level p of :func:`frameshift.measures.key_terms.keyness`
    -- then by the size of the log ratio. Terms without a p (not tested) are left out; when no
    term has one (a group too short for a test), both sides are ranked by ``score`` instead,
    and the frame says so in ``ranked_by``.

    Parameters
    ----------
    keyness_table : pandas.DataFrame
        term, log_ratio, score, p, p_adjusted (and ci_low, ci_high), as made by
        :func:`frameshift.measures.key_terms.keyness`.
    top : int, default 10
        Terms of each side.
    skip, stop_words :
        Terms never drawn (as in :func:`plot_keyness`).
    alpha : float, default 0.05
        Level of ``flagged`` (``p_adjusted < alpha``).

    Returns
    -------
    pandas.DataFrame
        The selected rows (all their columns), sorted by log ratio (highest first), plus
        ``side`` ("target" or "reference"), ``flagged`` (bool) and ``ranked_by`` ("p" or
        "score").

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["law", "union", "peace", "war"],
    ...                   "log_ratio": [1.5, 0.2, -2.0, -0.5], "score": [3.1, 0.2, -2.5, -1.0],
    ...                   "p": [0.01, 0.4, 0.002, 0.3], "p_adjusted": [0.02, 0.4, 0.008, 0.4]})
    >>> key_terms_frame(t, top=1)[["term", "side", "flagged"]].values.tolist()
    [['law', 'target', True], ['peace', 'reference', True]]
    """
    _require(keyness_table, ["term", "log_ratio", "score", "p", "p_adjusted"], "keyness")
    from .measures.key_terms import stop_word_set

    t = keyness_table[keyness_table["log_ratio"].notna()]
    drop = {str(w) for w in skip} | stop_word_set(stop_words)
    words = t["term"].astype(str)
    t = t[~(words.isin(drop) | words.str.lower().isin(drop))]
    p = t["p"].to_numpy(dtype=float)
    by_p = bool(np.isfinite(p).any())
    if by_p:
        t = t[np.isfinite(p)]
        key = pd.DataFrame({"a": t["p"].to_numpy(dtype=float),
                            "b": -np.abs(t["log_ratio"].to_numpy(dtype=float))})
    else:
        key = pd.DataFrame({"a": -np.abs(t["score"].to_numpy(dtype=float)),
                            "b": -np.abs(t["log_ratio"].to_numpy(dtype=float))})
    key["term"] = t["term"].astype(str).to_numpy()
    order = key.sort_values(["a", "b", "term"], kind="mergesort").index.to_numpy()
    ranked = t.iloc[order]
    lr = ranked["log_ratio"].to_numpy(dtype=float)
    sel = pd.concat([ranked[lr > 0].head(int(top)), ranked[lr < 0].head(int(top))])
    sel = sel.assign(side=np.where(sel["log_ratio"].to_numpy(dtype=float) > 0, "target",
                                   "reference"),
                     flagged=sel["p_adjusted"].to_numpy(dtype=float) < float(alpha),
                     ranked_by="p" if by_p else "score")
    sel = sel.sort_values("log_ratio", ascending=False, kind="mergesort")
    return sel.reset_index(drop=True)


def _key_terms_note(keyness_table, *, alpha, ranked_by) -> str:
    """What the document-level inference of a keyness table says, in one or two lines."""
    t = keyness_table
    tested = np.isfinite(t["p"].to_numpy(dtype=float))
    if not tested.any():
        reasons = _unique(t["test"]) if "test" in t.columns else []
        why = str(reasons[0]).removeprefix("none: ") if len(reasons) == 1 else "no term tested"
        return f"No p-value or interval: {why}. Terms ranked by {ranked_by}."
    k = int((t["p_adjusted"].to_numpy(dtype=float)[tested] < alpha).sum())
    tests = _unique(t.loc[tested, "test"]) if "test" in t.columns else []
    how = str(tests[0]) if len(tests) == 1 else "document-level test"
    if k == 0:
        return (f"No term at BH-adjusted p < {alpha:g}: {int(tested.sum())} terms tested, "
                f"{how}")
    return f"{k} of {int(tested.sum())} terms at BH-adjusted p < {alpha:g} (filled): {how}"


def plot_key_terms(keyness_table, *, top=10, alpha=0.05, target=None, reference=None, skip=(),
                   stop_words="english", wrap=None, note_wrap=30, ax=None, style=STYLE_PATH):
    """Distinctive terms with their effect size and interval, marked by document-level p.

    One row per term (:func:`key_terms_frame`: the ``top`` terms of each side by the table's
    document-level ``p``): the log2 rate ratio (target over reference) with its interval
    (``ci_low``..``ci_high``, documents as clusters); a side the interval leaves unbounded
    (one group never uses the term) runs to the edge of the axes and ends in an arrow head.
    Where the table has no interval (NaN) nothing is drawn. A marker is **filled** when the
    term's ``p_adjusted`` is below ``alpha``, hollow otherwise; the x label ends with a note
    of what the test found ("No term at BH-adjusted p < 0.05 (1724 terms tested, ...)"), or
    why there is no test, is written in the empty corner of the axes (``ax.texts[0]``).

    Parameters
    ----------
    keyness_table : pandas.DataFrame
        A :func:`frameshift.measures.key_terms.keyness` table (document-level inference).
    top : int, default 10
        Terms drawn for each side.
    alpha : float, default 0.05
    target, reference : str, optional
        Group names in the legend (default: the table's ``attrs``).
    skip, stop_words :
        Terms never drawn (as in :func:`plot_keyness`).
    wrap, note_wrap : int, optional
        Wrap the terms, and the note under the x label, at this many characters.

    Returns
    -------
    matplotlib.axes.Axes
        The y tick labels are the terms top to bottom; ``ax.lines`` holds one line labelled
        ``"_interval <term>"`` per drawn interval, and one ``"_point <term>"`` per term.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> t = pd.DataFrame({"term": ["law", "union", "peace"], "log_ratio": [1.5, 0.2, -2.0],
    ...     "ci_low": [0.5, -1.0, np.nan], "ci_high": [2.5, 1.4, np.nan],
    ...     "score": [3.1, 0.2, -2.5], "p": [0.01, 0.4, 0.002],
    ...     "p_adjusted": [0.02, 0.4, 0.006]})
    >>> ax = plot_key_terms(t, top=2, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['law', 'union', 'peace']
    >>> sorted(x.get_label() for x in ax.lines if x.get_label().startswith("_interval"))
    ['_interval law', '_interval union']
    """
    frame = key_terms_frame(keyness_table, top=top, skip=skip, stop_words=stop_words,
                            alpha=alpha)
    attrs = getattr(keyness_table, "attrs", {}) or {}
    target = str(attrs.get("target", "target")) if target is None else target
    reference = str(attrs.get("reference", "reference")) if reference is None else reference
    if reference == "rest":
        reference = "the rest"
    ranked_by = frame["ranked_by"].iloc[0] if len(frame) else "p"
    note = _key_terms_note(keyness_table, alpha=alpha, ranked_by=ranked_by)
    lr = frame["log_ratio"].to_numpy(dtype=float)
    lo = (frame["ci_low"].to_numpy(dtype=float) if "ci_low" in frame.columns
          else np.full(len(frame), np.nan))
    hi = (frame["ci_high"].to_numpy(dtype=float) if "ci_high" in frame.columns
          else np.full(len(frame), np.nan))
    finite = np.r_[lr, lo[np.isfinite(lo)], hi[np.isfinite(hi)], 0.0]
    left, right = float(np.nanmin(finite)), float(np.nanmax(finite))
    pad = 0.08 * max(right - left, 1.0)
    left, right = left - pad, right + pad
    with _style(style):
        ax = _axes(ax)
        y = np.arange(len(frame), dtype=float)
        for i, row in frame.reset_index(drop=True).iterrows():
            color = PALETTE[0] if row["side"] == "target" else PALETTE[1]
            marker = "o" if row["side"] == "target" else "s"
            a, b = lo[i], hi[i]
            if not (np.isnan(a) or np.isnan(b)):
                a_, b_ = max(a, left), min(b, right)
                ax.plot([a_, b_], [i, i], color=color, linewidth=0.9, linestyle="-",
                        marker="none", solid_capstyle="butt", zorder=2,
                        label=f"_interval {row['term']}")
                for end, edge, m in ((a, left, "<"), (b, right, ">")):
                    if np.isinf(end):
                        ax.plot([edge], [i], marker=m, markersize=3, color=color,
                                linestyle="none", zorder=2, label="_unbounded")
            ax.plot([lr[i]], [i], marker=marker, markersize=3.5, linestyle="none",
                    color=color, markerfacecolor=color if row["flagged"] else "white",
                    markeredgecolor=color, markeredgewidth=0.9, zorder=3,
                    label=f"_point {row['term']}")
        ax.axvline(0, color="0.6", linewidth=0.5, zorder=0)
        for yy in y:
            ax.axhline(yy, color="0.94", linewidth=0.5, zorder=0)
        ax.set_yticks(y, [_wrap(str(t), wrap) for t in frame["term"]])
        ax.set_ylim(len(frame) - 0.5, -0.5)
        ax.set_xlim(left, right)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        has_ci = bool((np.isfinite(lo) | np.isfinite(hi)).any())
        xlabel = f"log\u2082 rate ratio, {target} / {reference}"
        if has_ci:
            xlabel += " (95% interval, documents as clusters, not adjusted for the terms tested)"
        ax.set_xlabel(_wrap(xlabel, 48))
        # the note in the empty corner: left of zero above the target's terms (or right of
        # zero below the reference's)
        top_left = not len(frame) or frame["side"].iloc[0] == "target"
        ax.text(0.02 if top_left else 0.98, 0.98 if top_left else 0.02, _wrap(note, note_wrap),
                transform=ax.transAxes, ha="left" if top_left else "right",
                va="top" if top_left else "bottom", fontsize=6.5, color=_KEPT,
                linespacing=1.2)
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], linestyle="none", marker="o", markersize=3.5,
                          color=PALETTE[0], markerfacecolor="white", markeredgewidth=0.9,
                          label=_wrap(f"more in {target}", _LEGEND_WRAP)),
                   Line2D([], [], linestyle="none", marker="s", markersize=3.5,
                          color=PALETTE[1], markerfacecolor="white", markeredgewidth=0.9,
                          label=_wrap(f"more in {reference}", _LEGEND_WRAP))]
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=1,
                  borderaxespad=0.2, handletextpad=0.3)
    return ax


# --------------------------------------------------------------------------- dispersion


def _norm_term(s) -> str:
    return " ".join(str(s).lower().split())


def dispersion_frame(matches, statements, *, terms, term_col="match"):
    """Match rows of the given terms with their position in the concatenated exchange.

    Parameters
    ----------
    matches : pandas.DataFrame
        Match rows (statement_id, token_start and ``term_col``), e.g. from
        :func:`frameshift.matching.find_matches`.
    statements : pandas.DataFrame
        statement_id and tokens (word tokens per statement), in the order of the exchange.
    terms : sequence of str
        Terms to show (compared with ``term_col`` case-insensitively, spaces collapsed).

    Returns
    -------
    pandas.DataFrame
        The selected match rows (all their columns) plus ``term`` (the entry of ``terms``
        matched) and ``position`` (token offset from the start of the first statement),
        sorted by term (in the order given) and position.
    """
    _require(matches, ["statement_id", "token_start", term_col], "matches")
    _require(statements, ["statement_id", "tokens"], "statements")
    offsets = dict(zip(statements["statement_id"],
                       np.r_[0, np.cumsum(statements["tokens"].to_numpy())[:-1]]))
    key = matches[term_col].map(_norm_term)
    wanted = {_norm_term(t): t for t in terms}
    sel = matches[key.isin(list(wanted)) & matches["statement_id"].isin(list(offsets))].copy()
    sel["term"] = key[sel.index].map(wanted)
    sel["position"] = (sel["statement_id"].map(offsets).astype(np.int64)
                       + sel["token_start"].astype(np.int64))
    rank = {t: i for i, t in enumerate(terms)}
    sel["_rank"] = sel["term"].map(rank)
    sel = sel.sort_values(["_rank", "position"], kind="mergesort").drop(columns="_rank")
    return sel.reset_index(drop=True)


def plot_dispersion(matches, statements, *, terms, term_col="match", names=None,
                    wrap=None, legend=True, ax=None, style=STYLE_PATH):
    """Lexical dispersion ("x-ray") plot: where each term occurs in the exchange.

    The statements are laid end to end on the x axis (token offsets), separated by dashed
    lines and numbered at the top (the legend names them, in order); each occurrence of a
    term is a vertical tick on the term's row, coloured by statement. Terms run down the y
    axis **in the order given** (NLTK's old ``dispersion_plot`` showed them reversed).

    Parameters
    ----------
    matches : pandas.DataFrame
        Match rows (statement_id, token_start, ``term_col``).
    statements : pandas.DataFrame
        statement_id, tokens, and actor (for the names at the top), in exchange order.
    terms : sequence of str
    term_col : str, default "match"
        Column compared with ``terms`` (``"match"``: the matched text; ``"category"``).
    names : mapping or callable, optional
        Actor id -> display name.
    wrap : int, optional
        Wrap the terms at this many characters.
    legend : bool, default True
        Legend naming the numbered statements, above the axes.

    Returns
    -------
    matplotlib.axes.Axes
        The y tick labels, top to bottom, are ``terms``; ``ax.lines[k]`` holds the ticks of
        statement ``k``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> m = pd.DataFrame({"statement_id": ["a", "b"], "token_start": [3, 1],
    ...                   "match": ["peace", "war"]})
    >>> s = pd.DataFrame({"statement_id": ["a", "b"], "tokens": [10, 5]})
    >>> ax = plot_dispersion(m, s, terms=["war", "peace"], ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['war', 'peace']
    """
    from frameshift.errors import check_names_argument, check_table_argument
    check_table_argument(matches, "matches", "plot_dispersion", "find_matches(...)")
    check_table_argument(statements, "statements", "plot_dispersion", "corpus.statements")
    check_names_argument(terms, "terms", "plot_dispersion", "a term")
    terms = list(terms)
    frame = dispersion_frame(matches, statements, terms=terms, term_col=term_col)
    name = _namer(names)
    st = statements.reset_index(drop=True)
    total = int(st["tokens"].sum())
    with _style(style):
        ax = _axes(ax)
        rank = {t: i for i, t in enumerate(terms)}
        starts = np.r_[0, np.cumsum(st["tokens"].to_numpy())]
        for k, row in st.iterrows():
            sel = frame[frame["statement_id"] == row["statement_id"]]
            who = name(row["actor"]) if "actor" in st.columns else str(row["statement_id"])
            ax.plot(sel["position"].to_numpy(dtype=float),
                    sel["term"].map(rank).to_numpy(dtype=float), linestyle="none",
                    marker="|", markersize=8, markeredgewidth=1.3,
                    color=PALETTE[k % len(PALETTE)], zorder=3,
                    label=_wrap(f"{k + 1}  {who}", _LEGEND_WRAP))
            ax.text((starts[k] + starts[k + 1]) / 2.0, 1.0, str(k + 1),
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=7, fontweight="bold", color=PALETTE[k % len(PALETTE)])
        for b in starts[1:-1]:
            ax.axvline(b, color="0.4", linewidth=0.6, linestyle="--", marker="none",
                       zorder=1)
        for yy in range(len(terms)):
            ax.axhline(yy, color="0.92", linewidth=0.5, zorder=0)
        ax.set_yticks(np.arange(len(terms)), [_wrap(t, wrap) for t in terms])
        ax.set_ylim(len(terms) - 0.5, -0.5)
        ax.set_xlim(0, max(total, 1))
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel("Word offset in the exchange")
        if legend and len(st):
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.06), ncol=1,
                      borderaxespad=0.2, handletextpad=0.4, markerscale=0.8)
    return ax


# --------------------------------------------------------------------------- timeline


def leading_frames(counts, *, top=2, by="statement_id", categories=None):
    """The ``top`` most frequent categories of each statement (ties: lexicon order).

    Parameters
    ----------
    counts : pandas.DataFrame
        Long-form counts (``by``, category, count; zeros included).
    top : int, default 2
    categories : sequence, optional
        Category order used to break ties (default: the table's order).

    Returns
    -------
    pandas.DataFrame
        The selected rows of ``counts`` (only counts > 0) plus ``rank`` (1 = leading), in the
        units' order.

    Examples
    --------
    >>> c = pd.DataFrame({"statement_id": ["a"] * 3, "category": ["x", "y", "z"],
    ...                   "count": [1, 3, 1]})
    >>> leading_frames(c)[["category", "rank"]].values.tolist()
    [['y', 1], ['x', 2]]
    """
    _require(counts, [by, "category", "count"], "counts")
    cats = _order(categories, counts["category"], "categories: categories")
    pos = {c: i for i, c in enumerate(cats)}
    units = _unique(counts[by])
    c = counts[counts["count"] > 0].copy()
    c["_u"] = c[by].map({u: i for i, u in enumerate(units)})
    c["_c"] = c["category"].map(pos)
    c = c.sort_values(["_u", "count", "_c"], ascending=[True, False, True], kind="mergesort")
    c["rank"] = c.groupby("_u", sort=False).cumcount() + 1
    c = c[c["rank"] <= int(top)].drop(columns=["_u", "_c"])
    return c.reset_index(drop=True)


def plot_timeline(statements, frames, *, events=None, labels=None, names=None, order=None,
                  wrap=22, ax=None, style=STYLE_PATH):
    """Timeline of an exchange: statements on a date axis, each marked with its leading frames.

    One lane per actor (top to bottom in ``order``); each statement is a filled marker with
    its leading frames written beside it ("label (count)"). ``events`` (date, actor) are
    earlier moves known from the sources but not in the corpus: hollow grey markers.

    Parameters
    ----------
    statements : pandas.DataFrame
        statement_id, actor, date.
    frames : pandas.DataFrame
        statement_id, category, count, rank (e.g. :func:`leading_frames`).
    events : pandas.DataFrame, optional
        date, actor (rows without an actor are left out), and optionally ``label``: a short
        name written under the marker ("13 Mar invitation").
    labels, names :
        Category labels; actor display names (the lane labels).
    order : sequence, optional
        Actor lanes, top to bottom (default: order of first statement).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.texts`` holds one frame note per statement, in statement order, followed by
        the event labels.

    Examples
    --------
    >>> import pandas as pd
    >>> st = pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...                    "date": pd.to_datetime(["2023-03-27", "2023-03-28"])})
    >>> fr = pd.DataFrame({"statement_id": ["a", "b"], "category": ["reint", "coercion"],
    ...                    "count": [2, 1], "rank": [1, 1]})
    >>> [t.get_text() for t in plot_timeline(st, fr).texts]
    ['reint (2)', 'coercion (1)']
    """
    _require(statements, ["statement_id", "actor", "date"], "statements")
    _require(frames, ["statement_id", "category", "count"], "frames")
    label, name = _namer(labels), _namer(names)
    actors = _order(order, statements["actor"], "order: actors")
    lane = {a: i for i, a in enumerate(actors)}
    dates = pd.to_datetime(statements["date"])
    with _style(style):
        import matplotlib.dates as mdates

        ax = _axes(ax)
        if events is not None and len(events):
            ev = events[events["actor"].isin(actors)]
            ax.plot(mdates.date2num(pd.to_datetime(ev["date"]).to_numpy()),
                    ev["actor"].map(lane).to_numpy(dtype=float), linestyle="none",
                    marker="o", markersize=4, markerfacecolor="white",
                    markeredgecolor=_GREY, markeredgewidth=0.8, zorder=2)
        xs = mdates.date2num(dates.to_numpy())
        lo, hi = np.nanmin(xs), np.nanmax(xs)
        if events is not None and len(events):
            evx = mdates.date2num(pd.to_datetime(events["date"]).to_numpy())
            lo, hi = min(lo, np.nanmin(evx)), max(hi, np.nanmax(evx))
        span = max(hi - lo, 2.0)
        mid = (lo + hi) / 2.0
        for k, (_, st) in enumerate(statements.reset_index(drop=True).iterrows()):
            i = lane[st["actor"]]
            color, marker = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
            ax.plot([xs[k]], [i], linestyle="none", marker=marker, markersize=5, color=color,
                    markeredgecolor="white", markeredgewidth=0.4, zorder=3)
            f = frames[frames["statement_id"] == st["statement_id"]]
            if "rank" in f.columns:
                f = f.sort_values("rank", kind="mergesort")
            note = "\n".join(f"{_wrap(label(c), wrap)} ({int(n)})"
                             for c, n in zip(f["category"], f["count"])) or "(no frame)"
            right = xs[k] > mid
            ax.annotate(note, xy=(xs[k], i), xytext=(-6 if right else 6, 0),
                        textcoords="offset points", ha="right" if right else "left",
                        va="center", fontsize=6, color="0.15", linespacing=1.1)
        if events is not None and len(events) and "label" in events.columns:
            ev = events[events["actor"].isin(actors)]
            for d, a, text in zip(pd.to_datetime(ev["date"]), ev["actor"], ev["label"]):
                if isinstance(text, str) and text:
                    ax.annotate(f"{d.day} {d:%b} {text}", xy=(mdates.date2num(d), lane[a]),
                                xytext=(-3, -6), textcoords="offset points", ha="left",
                                va="top", fontsize=5.5, color=_GREY)
        ax.set_yticks(np.arange(len(actors)), [_wrap(name(a), 24) for a in actors])
        ax.set_ylim(len(actors) - 0.5, -0.6)
        ax.set_xlim(lo - 0.04 * span, hi + 0.04 * span)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        for yy in range(len(actors)):
            ax.axhline(yy, color="0.92", linewidth=0.5, zorder=0)
        if events is not None and len(events):
            from matplotlib.lines import Line2D

            handles = [
                Line2D([], [], linestyle="none", marker="o", markersize=4, color=_KEPT,
                       label="statement in the corpus: leading frames"),
                Line2D([], [], linestyle="none", marker="o", markersize=4,
                       markerfacecolor="white", markeredgecolor=_GREY, markeredgewidth=0.8,
                       label="earlier move reported in the source"),
            ]
            ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=1,
                      borderaxespad=0.2, handletextpad=0.3)
    return ax


# --------------------------------------------------------------------------- NTR


def plot_ntr(ntr_table, *, x="position", measures=("novelty", "transience", "resonance"),
             label_col=None, n_labels=0, null_band=True, ax=None, style=STYLE_PATH):
    """Novelty, transience and resonance over time (Barron et al. 2018).

    Parameters
    ----------
    ntr_table : pandas.DataFrame
        Output of :func:`frameshift.measures.sequence.ntr` with an ``x`` column (e.g. Year).
    x : str, default "position"
    measures : sequence of str
        Columns drawn, each a line with its own colour, marker and line style.
    label_col : str, optional
        Column naming each point; the ``n_labels`` points of highest resonance are labelled.
    null_band : bool, default True
        Where the table has ``<measure>_null_low`` / ``<measure>_null_high`` (from
        :func:`frameshift.measures.ntr_null.ntr_null`), shade that band in the measure's
        colour: the values the same statements give in random time order. A value inside its
        band is what no temporal structure would give. The legend names it "Random order,
        central 95%".

    Where the table's ``short_text`` is True (a statement with fewer sentences than the
    toolkit's "too short" rule), that statement's points are drawn hollow and the legend says
    "hollow: too short (short_text)".

    Returns
    -------
    matplotlib.axes.Axes
        One line per measure in ``ax.lines`` (after the zero line), labelled by measure, then
        one line of hollow markers labelled ``"_short <measure>"`` per measure with short
        statements; one shaded band per measure with a null band in ``ax.collections``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"position": [1, 2, 3], "novelty": [0.0, 0.5, 0.4],
    ...                   "transience": [0.5, 0.4, 0.0], "resonance": [-0.5, 0.1, 0.4]})
    >>> ax = plot_ntr(t)
    >>> [line.get_label() for line in ax.lines[1:]]
    ['Novelty', 'Transience', 'Resonance']
    """
    _require(ntr_table, [x, *measures], "ntr")
    xs = ntr_table[x].to_numpy(dtype=float)
    with _style(style):
        ax = _axes(ax)
        ax.axhline(0, color="0.6", linewidth=0.5, zorder=0)
        for i, m in enumerate(measures):
            lo_col, hi_col = f"{m}_null_low", f"{m}_null_high"
            if null_band and lo_col in ntr_table.columns and hi_col in ntr_table.columns:
                ax.fill_between(xs, ntr_table[lo_col].to_numpy(dtype=float),
                                ntr_table[hi_col].to_numpy(dtype=float), color=PALETTE[i],
                                alpha=0.15, linewidth=0, zorder=0.5,
                                label=f"_{m} null band")
            ax.plot(xs, ntr_table[m].to_numpy(dtype=float), color=PALETTE[i],
                    marker=MARKERS[i], linestyle=("-", "--", ":")[i % 3], markersize=2.5,
                    linewidth=0.9, label=m.capitalize())
        short = (ntr_table["short_text"].fillna(False).to_numpy(dtype=bool)
                 if "short_text" in ntr_table.columns else np.zeros(len(xs), dtype=bool))
        for i, m in enumerate(measures if short.any() else ()):   # issue 13
            ax.plot(xs[short], ntr_table[m].to_numpy(dtype=float)[short], linestyle="none",
                    marker=MARKERS[i], markersize=3, color=PALETTE[i], markerfacecolor="white",
                    markeredgewidth=0.7, zorder=4, label=f"_short {m}")
        if label_col and n_labels and "resonance" in ntr_table.columns:
            r = ntr_table["resonance"].to_numpy(dtype=float)
            best = [i for i in np.argsort(-np.nan_to_num(r, nan=-np.inf), kind="mergesort")
                    [: int(n_labels)] if np.isfinite(r[i])]
            for i in best:
                ax.annotate(str(ntr_table[label_col].iloc[i]), xy=(xs[i], r[i]),
                            xytext=(0, -9), textcoords="offset points", ha="center",
                            va="top", fontsize=6, color=PALETTE[2])
        ax.set_xlabel(x)
        ax.set_ylabel("Bits (KL divergence)")
        handles, labels = ax.get_legend_handles_labels()
        if ax.collections and null_band:
            from matplotlib.patches import Patch

            handles.append(Patch(facecolor="0.5", alpha=0.3, linewidth=0))
            labels.append("Random order, central 95%")
        if short.any():
            from matplotlib.lines import Line2D

            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=3,
                                  color=_KEPT, markerfacecolor="white"))
            labels.append("hollow: too short (short_text)")
        ax.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                  ncol=len(handles) if len(handles) <= 3 else 2, borderaxespad=0.2,
                  handletextpad=0.3)
    return ax


# --------------------------------------------------------------------------- validation (issue 14)


def plot_validation(report, *, measures=("precision", "recall"), labels=None, threshold=0.8,
                    show_alpha=True, wrap=24, ax=None, style=STYLE_PATH):
    """Precision and recall per category with their intervals, and Krippendorff's alpha.

    One line per category (the ``all`` row last, in bold), a marker per measure with its
    interval, a dotted line at ``threshold``, and on the right the coded units and alpha
    with its interval (when two or more coders coded the sample).

    Parameters
    ----------
    report : pandas.DataFrame
        A :func:`frameshift.measures.validation_report` table.
    measures : sequence of {"precision", "recall", "f1"}
        What to draw (``f1`` has no interval).
    labels : mapping or callable, optional
        Category id -> label.
    threshold : float or None, default 0.8
    show_alpha : bool, default True
        Write "n=M+S" (matches + sentences coded) and alpha at the right of each line.
    wrap : int or None, default 24
        Wrap category labels at this many characters.
    ax : matplotlib.axes.Axes, optional
    style : path, name or None

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> r = pd.DataFrame({"category": ["a", "all"], "precision": [0.9, 0.9],
    ...     "precision_low": [0.6, 0.6], "precision_high": [0.98, 0.98], "recall": [0.5, 0.5],
    ...     "recall_low": [0.2, 0.2], "recall_high": [0.8, 0.8], "matches_coded": [10, 10],
    ...     "sentences_coded": [5, 5], "alpha": [0.7, 0.7], "alpha_low": [0.4, 0.4],
    ...     "alpha_high": [0.9, 0.9]})
    >>> ax = plot_validation(r, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'all']
    """
    _require(report, ["category"] + [m for m in measures], "report")
    label = _namer(labels)
    cats = list(report["category"])
    with _style(style):
        if ax is None:
            import matplotlib as mpl
            import matplotlib.pyplot as plt

            width = mpl.rcParams["figure.figsize"][0]
            # one line per category: the house height (for ~5 rows) would squash 14 rows
            ax = plt.figure(figsize=(width, max(mpl.rcParams["figure.figsize"][1],
                                                0.3 * len(cats) + 1.2))).add_subplot()
        else:
            ax = _axes(ax)
        y0 = np.arange(len(cats), dtype=float)
        n = len(measures)
        step = 0.22
        for i, m in enumerate(measures):
            y = y0 + (i - (n - 1) / 2.0) * step
            v = report[m].to_numpy(dtype=float)
            color, marker = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
            if f"{m}_low" in report.columns:
                lo = report[f"{m}_low"].to_numpy(dtype=float)
                hi = report[f"{m}_high"].to_numpy(dtype=float)
                err = np.nan_to_num(np.vstack([np.clip(v - lo, 0, None),
                                               np.clip(hi - v, 0, None)]))
                ax.errorbar(v, y, xerr=err, fmt=marker, color=color, ecolor=color,
                            elinewidth=0.9, markersize=3.5, markeredgecolor="white",
                            markeredgewidth=0.4, label=m, zorder=3)
            else:
                ax.plot(v, y, linestyle="none", marker=marker, color=color, markersize=3.5,
                        label=m, zorder=3)
        for yy in y0:
            ax.axhline(yy, color=_LIGHT, linewidth=0.5, zorder=0)
        if threshold is not None:
            ax.axvline(threshold, color=_GREY, linewidth=0.7, linestyle=":", zorder=1)
        ax.set_yticks(y0, [_wrap(label(c), wrap) for c in cats])
        for tick, c in zip(ax.get_yticklabels(), cats):
            if c == "all":
                tick.set_fontweight("bold")
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(len(cats) - 0.5, -0.5)
        ax.set_xlim(-0.02, 1.02)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", ".25", ".5", ".75", "1"])
        ax.set_xlabel("Share (95% Wilson interval)")
        ax.spines["left"].set_visible(False)
        if show_alpha and {"matches_coded", "sentences_coded"} <= set(report.columns):
            has_alpha = "alpha" in report.columns and report["alpha"].notna().any()
            texts = []
            for _, r in report.iterrows():
                t = f"n={int(r['matches_coded'])}+{int(r['sentences_coded'])}"
                if has_alpha:
                    a = r["alpha"]
                    t += "  \u03b1 " + ("n/a" if a != a else f"{a:.2f}")
                texts.append(t)
            for yy, t in zip(y0, texts):
                ax.annotate(t, xy=(1.0, yy), xycoords=("axes fraction", "data"),
                            xytext=(4, 0), textcoords="offset points", va="center",
                            ha="left", fontsize="x-small", color=_KEPT)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=len(measures),
                  borderaxespad=0.2, handletextpad=0.3)
    return ax
