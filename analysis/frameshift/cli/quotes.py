"""``frameshift quotes``: segment news articles, attribute their quotes, evaluate against gold."""

from __future__ import annotations

import sys
from pathlib import Path

from frameshift.files import provenance
from frameshift.news.articles import (SEGMENT_COLUMNS, evaluate_segmentation, read_segments,
                                      segment_news, suggest_actors)
from frameshift.news.evaluate import evaluate_folder, evaluate_quotes, gold_kind, read_gold_quotes
from ._common import add_output_options, emit_table

__all__ = ["register"]


def register(sub) -> None:
    p = sub.add_parser(
        "quotes", help="segment news articles and attribute their quotes to actors",
        description="Cut news articles into headline, subheadings, narration, quotes, captions "
                    "and source lines; attribute each quote to an actor of the registry, with "
                    "the evidence and a confidence. Writes one CSV row per segment (offsets "
                    "into the article, end exclusive). With --evaluate, compares with a "
                    "hand-coded segmentation and writes the scores instead. Articles are "
                    "text files, saved web pages (.html: main text, headline, date and "
                    "byline extracted with trafilatura, the news extra) or folders of them.")
    p.add_argument("articles", nargs="+", metavar="ARTICLE",
                   help="article file(s) (UTF-8 text, headline on the first line; or a saved "
                        "web page .html/.htm) or folder(s) of them (every .txt, .html, .htm, "
                        "in name order; other files are skipped and named); the file stem is "
                        "the source id and a YYYY-MM-DD in it the article date (else the "
                        "page's date)"),
    p.add_argument("--actors", metavar="FILE",
                   help="actor registry CSV (id,name,aliases,group); default: actors.csv "
                        "beside the article or in its parent folder")
    p.add_argument("--outlet", metavar="ID", help="actor id of the outlet (default: from the "
                                                  "source line or the file name)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="publication date (default: from the "
                                                        "file name)")
    p.add_argument("--evaluate", metavar="GOLD",
                   help="hand-coded segmentation CSV (source,start,end,role,actor,statement_id)"
                        ", or gold quotes CSV (source,quote,speaker,kind,pattern), or a folder "
                        "of them, one per article named <article>.csv (source column "
                        "optional); print precision/recall/F1, speaker accuracy, end-to-end "
                        "accuracy and quoted terms taken as speech (for a folder: per article "
                        "and pooled)")
    p.add_argument("--speakers", choices=("model", "rules"), default="model",
                   help="who chooses each quote's speaker: the learned chooser over the "
                        "rules' candidates (default; frameshift.news.chooser, leave-one-set-out "
                        "evaluation in docs/news.md) or the attribution rules alone")
    p.add_argument("--suggest-actors", action="store_true",
                   help="write the speakers found that the registry does not name, as an "
                        "actors table (id,name,aliases,group,quotes,sources) to edit and save "
                        "as actors.csv")
    add_output_options(p)
    p.set_defaults(func=_run)


def _default_actors(article: Path) -> Path | None:
    here = [article] if article.is_dir() else []
    for folder in (*here, article.parent, article.parent.parent):
        cand = folder / "actors.csv"
        if cand.is_file():
            return cand
    return None


def _check_gold(gold, texts: dict, path) -> None:
    """Every gold span must name an article given and lie inside its text."""
    from frameshift.errors import CorpusError, Problem

    problems = []
    for i, row in enumerate(gold.itertuples(index=False), start=2):
        src, a, b = getattr(row, "source"), getattr(row, "start"), getattr(row, "end")
        if src not in texts:
            problems.append(Problem(f"source {src!r} is not one of the articles given "
                                    f"({', '.join(sorted(texts))}).",
                                    "Give that article too, or fix the source column.",
                                    path=path, line=i))
            continue
        n = len(texts[src])
        try:
            a, b = int(a), int(b)
        except (TypeError, ValueError):
            problems.append(Problem(f"start {a!r} / end {b!r} are not whole numbers.",
                                    "Write character offsets.", path=path, line=i))
            continue
        if not 0 <= a <= b <= n:
            problems.append(Problem(f"the span [{a}, {b}) is not inside {src!r}, which has {n} "
                                    f"characters.", f"Give 0 <= start <= end <= {n}.",
                                    path=path, line=i))
        if len(problems) > 1000:
            break
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s) in the gold segmentation:",
                          problems=problems, path=path)


def _warn(caught) -> None:
    """Print the warnings caught, one line each (read_news's own speaker warning is told
    below in the command's words)."""
    for w in caught:
        msg = str(w.message)
        if not msg.startswith(("read_news():", "suggest_actors():")):
            print(f"frameshift: warning: {msg}", file=sys.stderr)


def _run(args) -> int:
    import warnings

    from frameshift.news.inputs import expand_articles

    with warnings.catch_warnings(record=True) as caught:  # folders: files skipped, one line
        warnings.simplefilter("always", UserWarning)
        paths = [Path(a) for a in expand_articles([Path(a) for a in args.articles])]
    _warn(caught)
    actors = args.actors
    if actors is None:
        found = _default_actors(Path(args.articles[0]))
        if found is not None:
            print(f"frameshift: using the actor registry {found}", file=sys.stderr)
            actors = found
        else:
            print("frameshift: warning: no actor registry (--actors FILE); speakers get ids "
                  "'new:<name>' (list them with --suggest-actors)", file=sys.stderr)
    if args.suggest_actors:
        table = suggest_actors(paths, actors=actors)
        return emit_table(table, args, provenance=provenance(
            settings={"actors": str(actors) if actors else None},
            articles=[str(a) for a in paths]), inputs=[*args.articles, *paths])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        # the segmentation only: read_news would also assemble the corpus (tokens of every
        # statement), which this command does not write and which is its slow part
        segments, sources, articles_prov = segment_news(paths, actors=actors, outlet=args.outlet,
                                                        date=args.date, provenance=True,
                                                        speakers=args.speakers)
    _warn(caught)
    new = sorted({a for a in segments["actor"].dropna() if a.startswith("new:")})
    if new:
        print(f"frameshift: {len(new)} speaker(s) not in the registry got ids 'new:...': "
              f"{', '.join(new[:5])}{', ...' if len(new) > 5 else ''}", file=sys.stderr)
    segments = segments[SEGMENT_COLUMNS]
    prov = provenance(settings={"actors": str(actors) if actors else None,
                                "outlet": args.outlet, "date": args.date,
                                "speakers": args.speakers},
                      articles=articles_prov.to_dict("records"))
    inputs = [*args.articles, *paths]
    if args.evaluate:
        gold_path = Path(args.evaluate)
        if gold_path.is_dir():
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", UserWarning)
                table = evaluate_folder(segments, gold_path, texts=sources)
            _warn(caught)
        elif gold_kind(gold_path) == "quotes":
            gold = read_gold_quotes(args.evaluate, sources)
            table = evaluate_quotes(segments, gold, texts=sources)
        else:
            gold = read_segments(args.evaluate)
            _check_gold(gold, sources, args.evaluate)
            table = evaluate_segmentation(segments, gold, texts=sources)
        prov["gold"] = str(args.evaluate)
        return emit_table(table, args, provenance=prov, inputs=[*inputs, args.evaluate])
    return emit_table(segments, args, provenance=prov, inputs=inputs)
