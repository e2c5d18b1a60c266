"""Options and output helpers shared by the sub-commands (corpus, lexicon, output)."""

from __future__ import annotations

import argparse
import sys

from frameshift.files import TABLE_FORMATS, csv_bytes, write_table, write_table_atomic
from frameshift.corpus.readers import read_corpus

__all__ = ["nonneg_int", "positive_int", "int_at_most", "add_group_options", "add_corpus_options",
           "add_date_format_option", "add_lexicon_option", "add_levels_option", "levels_of", "add_output_options", "load_corpus",
           "load_lexicon", "emit_table", "emit_columns", "DEFAULT_CORPUS", "DEFAULT_LEXICON"]

DEFAULT_CORPUS = "karabakh_2023"
DEFAULT_LEXICON = "karabakh_framing"


def int_at_most(hi: int, *, lo: int = 0):
    """An argparse type: a whole number from ``lo`` to ``hi`` (argparse turns the error into
    one line and exit status 2)."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if n < lo:
            raise argparse.ArgumentTypeError(f"{n} is below {lo}; give a number from {lo}"
                                             + (f" to {hi}" if hi is not None else ""))
        if hi is not None and n > hi:
            raise argparse.ArgumentTypeError(f"{n} is above {hi}; give a number from {lo} "
                                             f"to {hi}")
        return n
    parse.__name__ = "whole number"
    return parse


#: A whole number 0 or more / 1 or more (``--window``, ``--top``, ``--seed`` ...).
nonneg_int = int_at_most(None, lo=0)
positive_int = int_at_most(None, lo=1)


def add_corpus_options(parser: argparse.ArgumentParser, *, positional: bool = False) -> None:
    """``--corpus PATH`` (default: the bundled karabakh_2023) and the loader's column options."""
    if positional:
        parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS, metavar="PATH",
                            help="corpus folder, CSV/TSV, JSON Lines, folder of .txt files, or "
                                 "a bundled corpus name (default: %(default)s)")
    else:
        parser.add_argument("--corpus", default=DEFAULT_CORPUS, metavar="PATH",
                            help="corpus folder, CSV/TSV, JSON Lines, folder of .txt files, or "
                                 "a bundled corpus name (default: %(default)s)")
    g = parser.add_argument_group("columns of a CSV/TSV/JSONL corpus")
    g.add_argument("--id-col", metavar="COL", help="statement id column")
    g.add_argument("--text-col", metavar="COL", help="text column")
    g.add_argument("--actor-col", metavar="COL", help="actor column")
    g.add_argument("--date-col", metavar="COL", help="date column")
    add_date_format_option(g)
    g.add_argument("--actors", metavar="FILE", help="actor registry CSV (id,name,aliases,group)")
    g.add_argument("--sep", metavar="CHAR",
                   help="field separator of a delimited file (default: tab for .tsv, else ,)")
    g.add_argument("--allow-outside", action="store_true",
                   help="let a corpus folder name files outside itself (corpus.yml paths, "
                        "symbolic links); off by default: a shared corpus stays in its folder")


def add_date_format_option(parser) -> None:
    """``--date-format dayfirst|monthfirst|FORMAT`` (read_corpus's ``date_format=``)."""
    parser.add_argument("--date-format", metavar="dayfirst|monthfirst|FORMAT",
                        help="how the dates are written when not ISO (YYYY-MM-DD): 'dayfirst' "
                             "for 27/03/2023 or 28.03.2023, 'monthfirst' for 03/27/2023, or a "
                             "strptime format such as '%%d %%B %%Y'")


def load_corpus(args):
    """Load the corpus named by the parsed corpus options."""
    sep = getattr(args, "sep", None)
    if sep in ("\\t", "tab"):
        sep = "\t"
    if _plain_csv(args, sep):
        from frameshift.corpus.readers import read_plain_csv

        corpus = read_plain_csv(args.corpus)
        args.input_files = tuple(getattr(args, "input_files", ())) + corpus.input_files
        return corpus
    corpus = read_corpus(args.corpus, id_col=args.id_col, text_col=args.text_col,
                         actor_col=args.actor_col, date_col=args.date_col, actors=args.actors,
                         date_format=getattr(args, "date_format", None),
                         sep=sep, allow_outside=getattr(args, "allow_outside", False))
    # Every file the corpus was read from counts as an input: --out --force never replaces it.
    args.input_files = tuple(getattr(args, "input_files", ())) + \
        tuple(getattr(corpus, "input_files", ()))
    return corpus


def _plain_csv(args, sep) -> bool:
    """Whether ``frameshift count``'s ``--corpus`` is a .csv file read with the default
    options (then :func:`~frameshift.corpus.readers.read_plain_csv` gives read_corpus's
    corpus; the other commands need the DataFrame at once)."""
    path = str(getattr(args, "corpus", "") or "")
    if getattr(args, "command", None) != "count" or sep not in (None, ",") or \
            not path.lower().endswith(".csv"):
        return False
    if any(getattr(args, k, None) is not None for k in ("id_col", "text_col", "actor_col",
                                                        "date_col", "actors", "date_format")):
        return False
    import os

    return os.path.isfile(path)


def add_group_options(parser: argparse.ArgumentParser, *, by_default: str | None = None) -> None:
    """``--by COL --target VALUE [--reference VALUE|rest]``: two groups of statements."""
    if by_default is None:
        parser.add_argument("--by", required=True, metavar="COL",
                            help="statement column defining the groups (actor, Party, ...)")
    else:
        parser.add_argument("--by", default=by_default, metavar="COL",
                            help="statement column defining the groups (default: "
                                 "%(default)s)")
    parser.add_argument("--target", required=True, metavar="VALUE", help="group of interest")
    parser.add_argument("--reference", default="rest", metavar="VALUE|rest",
                        help="group to compare with, or 'rest' (default: %(default)s)")


def add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    """``--lexicon NAME|PATH`` (default: the bundled karabakh_framing)."""
    parser.add_argument("--lexicon", default=DEFAULT_LEXICON, metavar="NAME|PATH",
                        help="bundled lexicon name or lexicon file (default: %(default)s)")
    add_levels_option(parser)


def add_levels_option(parser: argparse.ArgumentParser) -> None:
    """``--levels N[,N...]``: the nesting levels of a nested dictionary to keep."""
    parser.add_argument("--levels", metavar="N[,N...]", default=None,
                        help="keep only these nesting levels of a nested dictionary (1 = top), "
                             "as quanteda's levels=; e.g. --levels 1 or --levels 1,3")


def levels_of(args):
    """The ``--levels`` list of whole numbers >= 1, or None; a clear error otherwise."""
    text = getattr(args, "levels", None)
    if text is None:
        return None
    try:
        levels = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        levels = []
    if not levels or min(levels) < 1:
        from frameshift.errors import OptionError

        raise OptionError(f"--levels {text}: give whole numbers of 1 or more, separated by "
                          f"commas (1 = top level), e.g. --levels 1,2.")
    return levels


def load_lexicon(args):
    """Load the lexicon named by ``--lexicon``."""
    from frameshift.lexicon.formats import read_lexicon

    return read_lexicon(args.lexicon, levels=levels_of(args))


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--out FILE`` (default: standard output) and ``--force``."""
    parser.add_argument("--out", metavar="FILE",
                        help="write the table to FILE (atomically) instead of standard output: "
                             "CSV, or Parquet/Excel when FILE ends in .parquet/.xlsx (needs "
                             "the io extra); a provenance file FILE.provenance.json is "
                             "written beside it")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing output that frameshift did not write")
    parser.add_argument("--no-escape-formulas", dest="escape_formulas", action="store_false",
                        help="write text cells starting with = + - @ (or a tab or carriage "
                             "return) as they are; by default they get a leading ' so that a "
                             "spreadsheet does not run them as formulas (OWASP)")


def emit_table(df, args, *, provenance: dict | None = None, inputs=()) -> int:
    """Write ``df`` as CSV to ``--out`` (atomically, with provenance) or to standard output.

    The paths given as ``--corpus``/``PATH``, ``--lexicon`` and ``--actors`` always count as
    inputs, so ``--out`` can never point into them (nor into the bundled ``corpus/``).
    """
    out = getattr(args, "out", None)
    if out:
        inputs = tuple(inputs) + tuple(getattr(args, k, None) for k in
                                       ("corpus", "path", "lexicon", "actors")) + \
            tuple(getattr(args, "input_files", ()))
        writer = write_table if str(out).lower().endswith(tuple(TABLE_FORMATS)) else \
            write_table_atomic  # any other name: CSV, as before
        writer(df, out, provenance=provenance or {},
               force=getattr(args, "force", False), inputs=inputs,
               escape_formulas=getattr(args, "escape_formulas", True))
    else:
        sys.stdout.write(csv_bytes(df, escape_formulas=getattr(args, "escape_formulas", True))
                         .decode("utf-8"))
    return 0


def emit_columns(columns: dict, args, *, provenance: dict | None = None, inputs=()) -> int:
    """:func:`emit_table` of a table given as ``{name: list or array}`` (CSV only; see
    :func:`frameshift.files.csv_bytes_of_columns`), without pandas."""
    from frameshift.files import csv_bytes_of_columns, write_columns_atomic

    out = getattr(args, "out", None)
    escape = getattr(args, "escape_formulas", True)
    if out:
        inputs = tuple(inputs) + tuple(getattr(args, k, None) for k in
                                       ("corpus", "path", "lexicon", "actors")) + \
            tuple(getattr(args, "input_files", ()))
        write_columns_atomic(columns, out, provenance=provenance or {},
                             force=getattr(args, "force", False), inputs=inputs,
                             escape_formulas=escape,
                             named_format=str(out).lower().endswith(".csv"))
    else:
        sys.stdout.write(csv_bytes_of_columns(columns, escape_formulas=escape).decode("utf-8"))
    return 0


def add_match_options(parser: argparse.ArgumentParser) -> None:
    """The matching settings (one :class:`~frameshift.matching.MatchSettings`), for every
    command that matches a lexicon, so that all of them can count the same way."""
    g = parser.add_argument_group("matching")
    g.add_argument("--case-sensitive", action="store_true",
                   help="match case as written (default: case-insensitive)")
    g.add_argument("--nested-scope", choices=("key", "dictionary"), default="key",
                   help="longest match wins within each category (key, default) or across "
                        "the whole lexicon (dictionary)")
    g.add_argument("--cross-sentences", action="store_true",
                   help="let multi-word patterns match across sentence boundaries")
    g.add_argument("--negation-window", type=int_at_most(50), default=3, metavar="N",
                   help="words before a match searched for a negator (default: %(default)s)")
    # issue 16: the dispute's own languages (docs/languages.md)
    g.add_argument("--lemmas", default=None, metavar="METHOD",
                   choices=("auto", "simplemma", "snowball", "simplemma+snowball", "suffix",
                            "simplemma+rules"),
                   help="lemma matching: a lexicon in dictionary forms counts every inflected "
                        "form, per statement language (auto: ru, hy, az; default: off)")
    g.add_argument("--multilingual-negation", action="store_true",
                   help="negators of Russian, Armenian and Azerbaijani besides English (with "
                        "--lemmas, also their negated verb forms)")


def match_settings_of(args):
    """The :class:`~frameshift.matching.MatchSettings` given on the command line."""
    from frameshift.matching import MatchSettings

    extra = {}
    if getattr(args, "lemmas", None):
        extra["lemmas"] = args.lemmas
    if getattr(args, "multilingual_negation", False):
        from frameshift.text.languages import multilingual_negators

        extra["negators"] = multilingual_negators()
    return MatchSettings(case_sensitive=args.case_sensitive, nested_scope=args.nested_scope,
                         cross_sentences=args.cross_sentences,
                         negation_window=args.negation_window, **extra)

