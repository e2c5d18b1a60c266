"""``frameshift plot KIND --data TABLE.csv --out FILE``: draw a figure of a user's own table.

``frameshift figures`` rebuilds the registered figures of the paper; ``plot`` draws one of the
plot functions from any CSV of the right shape -- e.g. the output of ``frameshift count`` or
``frameshift keyness`` on one's own corpus -- and saves it with
:func:`frameshift.plotting.save_figure` (PNG, PDF or SVG by the suffix of ``--out``).
"""

from __future__ import annotations

from pathlib import Path

from frameshift.errors import InputNotFoundError, OptionError

__all__ = ["register"]

# kind -> (plot function, required columns, what makes such a table)
_KINDS = {
    "profile": ("plot_profile", ("category",),
                "counts per unit and category, e.g. `frameshift count --by actor`"),
    "heatmap": ("plot_heatmap", ("category",),
                "counts per unit and category, e.g. `frameshift count --by actor`"),
    "keyness": ("plot_keyness", ("term", "count_target", "count_reference"),
                "a keyness table from `frameshift keyness`"),
    "key-terms": ("plot_key_terms", ("term", "log_ratio", "score", "p", "p_adjusted"),
                  "a keyness table from `frameshift keyness` (document-level p; the "
                  "effect with its interval)"),
    "ntr": ("plot_ntr", ("novelty", "transience", "resonance"),
            "novelty/transience/resonance from frameshift.ntr"),
}


def register(sub) -> None:
    kinds = ", ".join(f"{k} ({v[2]})" for k, v in _KINDS.items())
    p = sub.add_parser(
        "plot", help="draw a figure of your own table (profile, heatmap, keyness, key-terms, ntr)",
        description="Draw one figure from a CSV table and save it as PNG, PDF or SVG (by the "
                    f"suffix of --out), in the house style. Kinds: {kinds}.",
        epilog="example: frameshift count --corpus speeches.csv --text-col speech --by actor "
               "--out counts.csv && frameshift plot profile --data counts.csv --out profile.png")
    p.add_argument("kind", choices=tuple(_KINDS), metavar="KIND",
                   help="one of: " + ", ".join(_KINDS))
    p.add_argument("--data", required=True, metavar="TABLE.csv",
                   help="the table to draw (CSV with a header row)")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="output file ending in .png, .pdf or .svg; FILE.provenance.json is "
                        "written beside it")
    p.add_argument("--value", metavar="COL",
                   help="profile, heatmap: column drawn (default: per_1000); keyness: score "
                        "column (default: score); ntr: x axis column (default: position)")
    p.add_argument("--by", metavar="COL",
                   help="profile, heatmap: the unit column (default: actor, or the first "
                        "column other than category)")
    p.add_argument("--target", metavar="NAME",
                   help="keyness, key-terms: name of the target group")
    p.add_argument("--reference", metavar="NAME",
                   help="keyness, key-terms: name of the reference group")
    p.add_argument("--size", metavar="W,H",
                   help="figure size in inches (default: the house size, 3.4 wide)")
    p.add_argument("--dpi", type=int, default=300, metavar="N",
                   help="resolution of a PNG (default: %(default)s)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing output that frameshift did not write")
    p.set_defaults(func=_plot)


def _read(path: str):
    import pandas as pd

    from frameshift.files import read_text_file

    if not Path(path).is_file():
        raise InputNotFoundError(f"{path}: no such file. Give the CSV table to draw with "
                                 "--data (e.g. the output of `frameshift count --out`).",
                                 path=path)
    import io

    text = read_text_file(path)
    try:
        from frameshift.files import read_back

        return read_back(pd.read_csv(io.StringIO(text)), path)  # our outputs unescaped
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise OptionError(f"{path}: not a readable CSV table ({err}). Write it with a header "
                          "row and comma-separated values.", path=path) from None


def _size(text):
    if not text:
        return None
    try:
        w, h = (float(v) for v in text.split(","))
    except ValueError:
        raise OptionError(f"--size {text!r}: give width and height in inches, e.g. "
                          "--size 3.4,2.6.") from None
    if w <= 0 or h <= 0:
        raise OptionError(f"--size {text!r}: width and height must be positive.")
    return (w, h)


def _plot(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from frameshift import plotting

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".png", ".pdf", ".svg"):
        raise OptionError(f"--out {args.out}: end the file name in .png, .pdf or .svg.")
    size = _size(args.size)
    table = _read(args.data)
    func_name, needed, what = _KINDS[args.kind]
    kwargs = {}
    if args.kind in ("profile", "heatmap"):
        value = args.value or "per_1000"
        by = args.by or ("actor" if "actor" in table.columns else
                         next((c for c in table.columns if c != "category"), "actor"))
        needed = (by, "category", value) + (("count",) if args.kind == "heatmap" else ())
        kwargs.update(value=value, by=by)
        if args.kind == "heatmap" and "count" not in table.columns:
            kwargs["annot"] = None
            needed = needed[:-1]
    elif args.kind == "keyness":
        kwargs["score"] = args.value or "score"
        needed = needed + (kwargs["score"],)
        if args.target:
            kwargs["target"] = args.target
        if args.reference:
            kwargs["reference"] = args.reference
    elif args.kind == "key-terms":
        for name in ("target", "reference"):
            if getattr(args, name):
                kwargs[name] = getattr(args, name)
        if size is None:  # 20 rows of terms: the height of the paper's keyness figure
            size = (3.4, 4.2)
    else:
        kwargs["x"] = args.value or "position"
        needed = needed + (kwargs["x"],)
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise OptionError(
            f"{args.data}: a {args.kind} plot needs the column(s) {missing}; the table has "
            f"{[str(c) for c in table.columns]}. Expected {what}"
            + ("; choose the columns with --by and --value." if args.kind in
               ("profile", "heatmap") else "."), path=args.data)
    with matplotlib.style.context(plotting.STYLE_PATH):
        fig = plt.figure(figsize=size)
        ax = fig.add_subplot()
    try:
        getattr(plotting, func_name)(table, ax=ax, **kwargs)
        plotting.save_figure(ax, args.out, dpi=args.dpi, force=args.force)
    finally:
        plt.close(fig)
    print(f"wrote {args.out}")
    return 0
