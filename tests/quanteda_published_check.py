"""Compare frameshift's counts of the published dictionaries with quanteda 4.3.1's.

Usage: ``python tests/quanteda_published_check.py FOLDER`` where FOLDER holds the dictionary
files named in tests/data/quanteda/README.md (they cannot be committed: see there). Each file
is read unchanged with ``read_lexicon``; its SHA-256 must be the one the reference counts were
made from. Every cell (address x key) of ``count_matches(inaugural, lexicon, by="doc_id",
nested_scope=...)`` is compared with quanteda's ``dfm(tokens_lookup(...))``. Ends with the
line ``N passed, N failed``; exit status 1 when a comparison fails or a file is missing.
"""

from __future__ import annotations

import hashlib
import sys
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent / "data" / "quanteda"

# (reference name, file, levels, SHA-256 of the file)
CASES = [
    ("laver_garry", "Laver_and_Garry_2000.cat", None,
     "755d37e776b298e8f9efc6cdb0c458930fed7e25d6d8380681da04781b1ca223"),
    ("laver_garry_levels1", "Laver_and_Garry_2000.cat", 1,
     "755d37e776b298e8f9efc6cdb0c458930fed7e25d6d8380681da04781b1ca223"),
    ("laver_garry_levels2", "Laver_and_Garry_2000.cat", 2,
     "755d37e776b298e8f9efc6cdb0c458930fed7e25d6d8380681da04781b1ca223"),
    ("laver_garry_ykd", "laver_garry.ykd", None,
     "aabbdbcefe99b3ec9fe3174a158c428cb843952278af92d246140971ab0345b1"),
    ("lsd2015", "data_dictionary_LSD2015.yml", None,
     "94a275ac67fae8ed0ada807df5da0091a85f2d541a755857467020dec230e587"),
    ("mfd", "moral_foundations_dictionary.dic", None,
     "4b9772c8575a92defbc89bcab3f81647ff581e096efd0c59186bc8aefe5fe564"),
    ("mfd2", "mfd2.0.dic", None,
     "a0a4672f2ed53dca580ec9720792a26ff9921e2f852f6703f3e03cf025b9f004"),
]


def compare(folder: Path) -> tuple[int, int]:
    from frameshift.corpus.readers import read_corpus
    from frameshift.lexicon import read_lexicon
    from frameshift.matching.engine import count_matches

    corpus = read_corpus("inaugural")
    passed = failed = 0
    for name, filename, levels, sha in CASES:
        path = folder / filename
        if not path.is_file():
            print(f"FAIL {name}: {path} is missing")
            failed += 2
            continue
        got_sha = hashlib.sha256(path.read_bytes()).hexdigest()
        if got_sha != sha:
            print(f"FAIL {name}: {path} has SHA-256 {got_sha}, the reference was made from {sha}")
            failed += 2
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # what the file loses is reported by read_lexicon
            lexicon = read_lexicon(path, levels=levels)
        for scope in ("key", "dictionary"):
            ref = pd.read_csv(HERE / f"counts_{name}_nested_scope_{scope}.csv").set_index("doc_id")
            got = count_matches(corpus, lexicon, by="doc_id", nested_scope=scope).pivot(
                index="doc_id", columns="category", values="count")
            keys = list(got.columns)
            missing = [k for k in keys if k not in ref.columns]
            extra = [k for k in ref.columns if k not in keys]
            got = got.loc[ref.index, [k for k in keys if k in ref.columns]]
            want = ref[got.columns]
            bad = int((got.to_numpy() != want.to_numpy()).sum())
            note = ""
            if extra:  # quanteda's Yoshikoder reader copies earlier sibling keys into later ones
                note = f"; {len(extra)} quanteda keys not in the file's tree (e.g. {extra[0]!r})"
            if bad or missing:
                failed += 1
                print(f"FAIL {name} nested_scope={scope}: {bad} of {got.size} cells differ; "
                      f"keys without reference: {missing}{note}")
            else:
                passed += 1
                print(f"ok   {name} nested_scope={scope}: {got.size} cells, "
                      f"{len(got.columns)} keys, {int(got.to_numpy().sum())} matches{note}")
    return passed, failed


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__.strip().splitlines()[2])
        return 2
    passed, failed = compare(Path(argv[0]))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
