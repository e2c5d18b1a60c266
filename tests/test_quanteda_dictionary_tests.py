"""quanteda 4.3.1's own dictionary and lookup tests, ported to frameshift.

Source: quanteda 4.3.1 (CRAN), tests/testthat/test-dictionaries.R, test-tokens_lookup.R and
test-dfm_lookup.R. Each test names the file and the ``test_that`` description it ports; the
expected values are quanteda's (they are written in those tests). quanteda's test fixtures
(tests/data/dictionaries/mary.*, liwc_*.dic ...) are GPL-3 files of quanteda and are not copied:
each is re-typed here with the same structure (same keys, values and codes) so that quanteda's
expected results apply.

Mapping of quanteda to frameshift:
* ``dictionary(list(...))`` -> ``lexicon_from_dict(..., hyphen_variants=False)`` (quanteda
  matches exactly); ``dictionary(file=)`` -> ``read_lexicon``;
* ``tokens_lookup(toks, dict)`` -> the categories of ``find_matches`` in token order (a token
  matched by several keys gives them in lexicon order, as quanteda does); ``dfm_lookup`` and
  ``dfm(tokens_lookup())`` -> ``count_matches(by="statement_id")``;
* ``levels=`` -> ``read_lexicon(levels=)`` / ``Lexicon.at_levels``; ``case_insensitive=FALSE``
  -> ``case_sensitive=True``; ``valuetype="regex"`` -> ``re:`` patterns (a full match of one
  token, where quanteda searches: ``s$`` is written ``re:.*s``).

Not ported (no counterpart in frameshift, listed in docs/lexicons.md): dictionary printing,
``c()``/``[``/``as.list`` of dictionary objects, the ``separator``/``concatenator`` and
``tolower`` arguments, ``exclusive=FALSE``/``capkeys``/``nomatch``/``append_key``/``apply_if``
(frameshift returns matches and counts, not rewritten tokens), padding, ``verbose`` messages,
``as.dictionary`` for data frames, and the internal helpers ``object2id``/``split_values``.
Deliberate differences are tested as such, with the numbers, in the tests marked
"DIFFERENCE".
"""

import warnings

import pandas as pd
import pytest

from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.errors import LexiconError
from frameshift.lexicon import LexiconWarning, lexicon_from_dict, read_lexicon, write_lexicon
from frameshift.matching.engine import count_matches, find_matches


# these tests count a sentence or two per text, on purpose (the texts of quanteda's tests)
pytestmark = pytest.mark.filterwarnings(
    "ignore::frameshift.matching.shortness.ShortTextWarning")


def corpus(texts: dict):
    return from_frame(pd.DataFrame({"statement_id": list(texts), "actor": list(texts),
                                    "text": list(texts.values())}))


def qdict(mapping, **kw):
    """quanteda's dictionary(list(...)): exact matching, as published."""
    return lexicon_from_dict(mapping, hyphen_variants=False, **kw)


def lookup(texts: dict, lex, **kw) -> dict:
    """tokens_lookup(): per document the keys matched, in token order."""
    m = find_matches(corpus(texts), lex, **kw)
    out = {d: [] for d in texts}
    for r in m.itertuples():
        out[r.statement_id].append(r.category)
    return out


def counts(texts: dict, lex, **kw) -> dict:
    """dfm(tokens_lookup()) / dfm_lookup(): {category: [count per document]}."""
    t = count_matches(corpus(texts), lex, by="statement_id", **kw)
    w = t.pivot(index="statement_id", columns="category", values="count")
    w = w.loc[list(texts), lex.category_ids if hasattr(lex, "category_ids") else list(w)]
    return {c: w[c].tolist() for c in w.columns}


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def values(lex) -> dict:
    """{category: [pattern, ...]} with values lower-cased as quanteda's tolower=TRUE."""
    return {c.id: [p.text.lower() for p in c.patterns] for c in lex}


@pytest.fixture(scope="module")
def inaugural5():
    c = read_corpus("inaugural")
    first = c.statements["doc_id"].tolist()[:5]  # data_corpus_inaugural[1:5]
    st = c.statements[c.statements["doc_id"].isin(first)]
    return from_frame(st[["statement_id", "actor", "text", "doc_id"]].reset_index(drop=True)), \
        first


# ======================================================================= test-dictionaries.R
# "dictionary constructors fail if all elements unnamed: explicit",
# "dictionary constructors fail if all elements unnamed: implicit",
# "dictionary constructors fail if a value is numeric"
def test_unnamed_key_and_non_character_values_are_errors():
    with pytest.raises(LexiconError, match="category id '' is not valid"):
        qdict({"first": ["a", "b"], "": ["c"]})
    with pytest.raises(LexiconError, match="pattern 2016 is not text"):
        qdict({"first": ["a", "b"], "second": [2016]})
    with pytest.raises(LexiconError, match="pattern None is not text"):
        qdict({"first": ["a", "b"], "second": ["c", None]})


# "dictionary constructor ignores extra arguments" (an unknown argument is an error)
def test_unknown_argument_is_an_error():
    with pytest.raises(TypeError, match="something"):
        lexicon_from_dict({"first": ["a", "b"], "second": ["c"]}, something=True)


# the "mary" dictionaries of quanteda's tests/data/dictionaries, re-typed
MARY = {"A CATEGORY": ["more", "lamb", "little"], "ANOTHER CATEGORY": ["had", "mary"]}
MARY_FILES = {
    "mary.cat": "A CATEGORY\n\tMORE (1)\n\tLAMB (1)\n\tLITTLE (1)\nANOTHER CATEGORY\n"
                "\tHAD (1)\n\tMARY (1)\n",
    "mary.ykd": '<?xml version="1.0" encoding="UTF-8"?>\n<dictionary style="050805" '
                'patternengine="substring">\n\t<cnode name="A CATEGORY" desc="">\n'
                '\t\t<pnode name="more"/>\n\t\t<pnode name="lamb"/>\n\t\t<pnode name="little"/>\n'
                '\t</cnode>\n\t<cnode name="ANOTHER CATEGORY" desc="">\n\t\t<pnode name="had"/>\n'
                '\t\t<pnode name="mary"/>\n\t</cnode>\n</dictionary>\n',
    "mary.yml": "A CATEGORY: [more, lamb, little]\nANOTHER CATEGORY: [had, mary]\n",
    "mary.lc3": "+A CATEGORY\n more \n lamb\n little\n+ANOTHER CATEGORY\n had\n mary\n",
}


# "dictionary constructor works with wordstat format",
# "dictionary constructor works with Yoshikoder format",
# "dictionary constructor works with YAML format",
# "dictionary constructor works with Lexicoder format" (keys with spaces: "A CATEGORY")
@pytest.mark.parametrize("name", sorted(MARY_FILES))
def test_mary_dictionary_in_each_format(tmp_path, name):
    lex = read_lexicon(write(tmp_path, name, MARY_FILES[name]))
    assert values(lex) == MARY


# "dictionary constructor works with Yoshicoder format" (mary.lcd: Lexicoder 2 is Yoshikoder
# XML); quanteda's expect_equivalent ignores key names, which are "A category" there
def test_mary_lcd_is_yoshikoder_xml(tmp_path):
    text = MARY_FILES["mary.ykd"].replace("A CATEGORY", "A category").replace(
        "ANOTHER CATEGORY", "Another category")
    lex = read_lexicon(write(tmp_path, "mary.lcd", text))
    assert lex.format == "yoshikoder"
    assert list(values(lex).values()) == list(MARY.values())


# "dictionary constructor works with LIWC format" (mary.dic)
def test_mary_liwc(tmp_path):
    lex = read_lexicon(write(tmp_path, "mary.dic", "%\n01\tA_CATEGORY\n02\tANOTHER_CATEGORY\n%\n\n"
                                                   "more\t01\nlamb\t01\nlittle\t01\n\nhad\t02\n"
                                                   "mary\t02\n"))
    # quanteda sorts the values of a LIWC key (lamb, little, more); frameshift keeps file order
    assert {k: sorted(v) for k, v in values(lex).items()} == {
        "A_CATEGORY": ["lamb", "little", "more"], "ANOTHER_CATEGORY": ["had", "mary"]}


# "read a dictionary with NA as a key" (issue-459.cat)
def test_wordstat_key_na_stays_a_key(tmp_path):
    text = ("SOUTH\n\tBW\n\t\tBotswana (1)\n\t\tGaborone (1)\n\tNA\n\t\tNamibia (1)\n"
            "\t\tNamibian* (1)\n\t\tWindhoek (1)\n\tZA\n\t\tSouth Africa (1)\n")
    lex = read_lexicon(write(tmp_path, "issue-459.cat", text))
    assert lex.category_ids == ["SOUTH.BW", "SOUTH.NA", "SOUTH.ZA"]
    assert lex["SOUTH.NA"].parent == "SOUTH" and lex.path_of("SOUTH.NA") == ("SOUTH", "NA")
    assert [p.kind for p in lex["SOUTH.ZA"].patterns] == ["phrase"]


# "as.yaml is working": quanteda's YAML text reads back as the same dictionary, and frameshift's
# quanteda YAML reads back unchanged
def test_as_yaml_text_and_written_quanteda_yaml(tmp_path):
    quanteda_text = ("A CATEGORY:\n  - more\n  - lamb\n  - little\nANOTHER CATEGORY:\n"
                     "  - had\n  - mary\n")
    assert values(read_lexicon(write(tmp_path, "q.yml", quanteda_text))) == MARY
    out = write_lexicon(qdict(MARY), tmp_path / "out.yml", format="quanteda")
    assert values(read_lexicon(out)) == MARY
    assert read_lexicon(out).format == "quanteda"


# "dictionary works with different encoding" (iso-8859-1, windows-1252, iso-8859-2,
# iso-8859-14, shift-jis, euc-jp .cat files)
@pytest.mark.parametrize("encoding, latin, other", [
    ("iso-8859-1", ["B", "C", "D"], ["Bh", "Ch", "Dh"]),
    ("windows-1252", ["S", "Z", "Y"], ["Š", "Ž", "Ÿ"]),
    ("iso-8859-2", ["C", "D", "E"], ["Č", "Ď", "Ě"]),
    ("iso-8859-14", ["B", "C", "D"], ["Ḃ", "Ċ", "Ḋ"]),
    ("shift-jis", ["A", "I", "U"], ["あ", "い", "う"]),
    ("euc-jp", ["A", "I", "U"], ["あ", "い", "う"]),
])
def test_wordstat_in_legacy_encodings(tmp_path, encoding, latin, other):
    text = "LATIN\n" + "".join(f"\t{w} (1)\n" for w in latin) + "NON-LATIN\n" + \
        "".join(f"\t{w} (1)\n" for w in other)
    p = write(tmp_path, "enc.cat", text, encoding)
    lex = read_lexicon(p, encoding=encoding)
    assert {c.id: [x.text for x in c.patterns] for c in lex} == {"LATIN": latin,
                                                                 "NON-LATIN": other}
    if encoding != "iso-8859-1":  # (that file is ASCII: quanteda reads it without encoding)
        with pytest.raises(Exception, match="not valid UTF-8"):
            read_lexicon(p)


# "indexing for dictionary objects works" / "dictionary_depth works correctly": keys, nested
# keys and depth of a nested WordStat file (the layout of laver-garry.cat)
def test_nested_wordstat_keys_and_depth(tmp_path):
    text = ("CULTURE\n\tCULTURE-HIGH\n\t\tART (1)\n\t\tDANCE (1)\n\tCULTURE-POPULAR\n"
            "\t\tMEDIA (1)\n\tPEOPLE (1)\nECONOMY\n\t+STATE+\n\t\tCARE (1)\n\t=STATE=\n"
            "\t\tACCOUNTANT (1)\nENVIRONMENT\n\tCON ENVIRONMENT\n\t\tPRODUC* (1)\n")
    lex = read_lexicon(write(tmp_path, "lg.cat", text))
    tops = list(dict.fromkeys(lex.path_of(c)[0] for c in lex.category_ids))
    assert tops == ["CULTURE", "ECONOMY", "ENVIRONMENT"]
    subs = [lex.path_of(c)[1] for c in lex.category_ids if len(lex.path_of(c)) == 2]
    assert subs[0] == "CULTURE-HIGH" and subs[2] == "+STATE+"  # names(testdict[[1]][1]) ...
    assert [p.text for p in lex["CULTURE"].patterns] == ["PEOPLE"]  # CULTURE's own value
    assert "ECONOMY.+STATE+" in lex and "ENVIRONMENT.CON ENVIRONMENT" in lex
    assert max(len(lex.path_of(c)) for c in lex.category_ids) == 2
    d1 = qdict({"one": ["a", "b"], "two": ["c", "d"]})
    assert max(len(d1.path_of(c)) for c in d1.category_ids) == 1
    d2 = qdict({"one": ["a", "b"], "two": {"sub1": ["c", "d"], "sub2": ["e", "f"]}})
    assert max(len(d2.path_of(c)) for c in d2.category_ids) == 2


# "as.list is working": flatten with levels
def test_flatten_levels_as_list():
    lex = qdict({"top1": ["a", "b"], "top2": ["c", "d"],
                 "top3": {"sub1": ["e", "f"], "sub2": ["f", "h"]}})
    flat = {c.id: [p.text for p in c.patterns] for c in lex}
    assert flat == {"top1": ["a", "b"], "top2": ["c", "d"], "top3.sub1": ["e", "f"],
                    "top3.sub2": ["f", "h"]}
    one = {c.id: [p.text for p in c.patterns] for c in lex.at_levels(1)}
    # quanteda keeps the repeated "f" (c("e", "f", "f", "h")); frameshift pools it once, which
    # counts the same (a token counts once per key)
    assert one == {"top1": ["a", "b"], "top2": ["c", "d"], "top3": ["e", "f", "h"]}
    two = {c.id: [p.text for p in c.patterns] for c in lex.at_levels(2)}
    assert two == {"sub1": ["e", "f"], "sub2": ["f", "h"]}


# "dictionary woks with the Yoshicoder format" (laver-garry.ykd layout: one root cnode)
def test_yoshikoder_root_cnode_is_a_key(tmp_path):
    names = ["State in Economy", "Institutions", "Values", "Law and Order", "Environment",
             "Culture", "Groups", "Rural", "Urban"]
    body = "".join(f'<cnode name="{n}"><pnode name="w{i}"/></cnode>' for i, n in enumerate(names))
    p = write(tmp_path, "lg.ykd", f'<?xml version="1.0" encoding="UTF-8"?>\n<dictionary>'
                                  f'<cnode name="Laver and Garry">{body}</cnode></dictionary>')
    lex = read_lexicon(p)
    assert {lex.path_of(c)[0] for c in lex.category_ids} == {"Laver and Garry"}
    assert [lex.path_of(c)[1] for c in lex.category_ids] == names


LIWC_MARY_HEAD = "%\n01\tA_CATEGORY\n02\tANOTHER_CATEGORY\n%\n\n"
MARY_LIWC_WANT = {"A_CATEGORY": ["lamb", "little", "more"],
                  "ANOTHER_CATEGORY": ["had", "little", "mary"]}


# "dictionary constructor works with LIWC format w/doubled terms",
# "dictionary constructor works with LIWC format w/multiple tabs, spaces, etc"
@pytest.mark.parametrize("body", [
    "more\t01\nlamb\t01\nlittle\t01\nlittle  02\nhad\t02\nmary\t02\n",          # doubled term
    "more    01\nlamb    01\nlittle        01    02\nhad    02\nmary    02\n",    # tabs, spaces
])
def test_liwc_doubled_terms_and_spacing(tmp_path, body):
    lex = read_lexicon(write(tmp_path, "m.dic", LIWC_MARY_HEAD + body))
    assert {k: sorted(v) for k, v in values(lex).items()} == MARY_LIWC_WANT


# "dictionary constructor works with LIWC format zero padding"
def test_liwc_zero_padding(tmp_path):
    text = ("%\n01\tA_CATEGORY\n2\tANOTHER_CATEGORY\n%\n\nmore    1\nlamb    1\nlittle    01\n"
            "little    02    03\nhad    2\nmary    02\n")
    with pytest.warns(LexiconWarning, match="3 for 'little'"):
        lex = read_lexicon(write(tmp_path, "z.dic", text))
    assert {k: sorted(v) for k, v in values(lex).items()} == MARY_LIWC_WANT


# "dictionary constructor reports mssing cateogries in LIWC format": quanteda prints
# "note: ignoring undefined categories: 3 for little"; frameshift issues ONE LexiconWarning
def test_liwc_undeclared_category_one_warning(tmp_path):
    text = LIWC_MARY_HEAD + "more    01\nlamb    01\nlittle    01\nlittle    02    03\n" \
                            "had    02\nmary    02\n"
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        lex = read_lexicon(write(tmp_path, "missing.dic", text))
    assert len(rec) == 1 and issubclass(rec[0].category, LexiconWarning)
    assert "words name categories that are not declared, which are left out: 03 for " \
           "'little'" in str(rec[0].message)
    assert "missing.dic:9" in str(rec[0].message)
    assert {k: sorted(v) for k, v in values(lex).items()} == MARY_LIWC_WANT


# liwc_extracodes.dic and liwc_hierarchical.dic, re-typed: <of> rules, LIWC 2007 conditional
# codes in parentheses, an undeclared code (721), categories without words
LIWC_CODES = """%
11\tverb
13\tpast
121 whatever
122\tfamily
123\tfriend
124\thumans
125\taffect
126\tposemo
131\tcogmech
132\tinsight
133\tcause
134\tdiscrep
135\ttentat
140 whatever2
253\ttime
464\tfiller
%
kin\t121\t122
kind\t<of>131/125\t<of>135/126
kinda\t131\t135
light\t140
like\t(02 134)125/464\t(02 134)126\t(02 134)126\t253
likeab*\t125\t126
liked\t11\t13\t125\t126
"""

LIWC_HIER = """%
11  verb
12  misc
\t121 whatever
\t122\tfamily
\t123\tfriend
\t124\thumans
\t125\taffect
\t126\tposemo
13  past
\t131\tcogmech
\t132\tinsight
\t\t133\tcause
\t\t134\tdiscrep
\t\t135\ttentat
else 
\t140 whatever2
\t253\ttime
\t464\tfiller
nothing
%
kin\t121\t122
kind\t<of>131/125\t<of>135/126
kinda\t131\t135
light\t140
like\t(02 134)125/464\t(02 134)126\t(02 134)126\t253
likeab*\t125\t126
liked\t11\t13\t125\t126 721
"""


# "dictionary constructor works with LIWC format w/extra codes"
def test_liwc_extra_codes(tmp_path):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        lex = read_lexicon(write(tmp_path, "codes.dic", LIWC_CODES))
    assert len(rec) == 1
    msg = str(rec[0].message)
    assert "1 term with LIWC's unsupported '<of>' rule left out" in msg
    assert "conditional codes '(...)' ignored in lines 23" in msg
    for empty in ("filler", "discrep", "cause", "insight", "humans", "friend"):
        assert empty in msg.split("categories without words left out:")[1]
    # quanteda: length 10 and these names (setequal)
    assert set(lex.category_ids) == {"verb", "past", "whatever", "family", "affect", "posemo",
                                     "cogmech", "tentat", "whatever2", "time"}
    # what quanteda 4.3.1 reads (str(as.list(dictionary(file = ...))), run for this port):
    # the greedy '(...)' removal leaves 'like' in 126 and 253 only
    assert {k: sorted(v) for k, v in values(lex).items()} == {
        "verb": ["liked"], "past": ["liked"], "whatever": ["kin"], "family": ["kin"],
        "affect": ["likeab*", "liked"], "posemo": ["like", "likeab*", "liked"],
        "cogmech": ["kinda"], "tentat": ["kinda"], "whatever2": ["light"], "time": ["like"]}


# "dictionary constructor works with LIWC format w/extra codes and nesting": 4 top-level keys;
# the first holds 1 entry, the second 4 sub-keys, the third 2 sub-keys (+ its own value), the
# fourth 2 sub-keys
def test_liwc_hierarchical(tmp_path):
    with pytest.warns(LexiconWarning) as rec:
        lex = read_lexicon(write(tmp_path, "hier.dic", LIWC_HIER))
    assert len(rec) == 1 and "721 for 'liked'" in str(rec[0].message)
    assert "nothing" in str(rec[0].message)
    tops = {}
    for c in lex.category_ids:
        path = lex.path_of(c)
        tops.setdefault(path[0], set())
        if len(path) > 1:
            tops[path[0]].add(path[1])
    assert list(tops) == ["verb", "misc", "past", "else"]
    assert tops["misc"] == {"whatever", "family", "affect", "posemo"}
    assert tops["past"] == {"cogmech", "insight"} and tops["else"] == {"whatever2", "time"}
    assert [p.text for p in lex["past"].patterns] == ["liked"]
    assert [p.text for p in lex["past.insight.tentat"].patterns] == ["kinda"]
    assert lex["past.insight.tentat"].parent == "past.insight"


# "dictionary works with yoshicoder, issue 819"
def test_yoshikoder_issue_819(tmp_path):
    p = write(tmp_path, "issue-819.ykd",
              '<?xml version="1.0" encoding="UTF-8"?>\n<dictionary style="050805" '
              'patternengine="substring">\n<cnode name="Dictionary">\n<cnode name="pos">\n'
              '<cnode name="A"><pnode name="A word"/></cnode>\n<cnode name="B"><pnode '
              'name="B word"/></cnode>\n</cnode>\n</cnode>\n</dictionary>')
    lex = read_lexicon(p)
    assert values(lex) == {"Dictionary.pos.A": ["a word"], "Dictionary.pos.B": ["b word"]}
    assert lex.path_of("Dictionary.pos.A") == ("Dictionary", "pos", "A")


# "dictionary constructor clean values": whitespace trimmed; repeated values
def test_values_are_trimmed_and_repeats_reported():
    lex = qdict({"A": ["aa  ", "  aaa  "]})
    assert counts({"d": "aa aaa aaaa"}, lex) == {"A": [2]}
    # DIFFERENCE: quanteda drops a repeated value silently; frameshift reports it (an error
    # in a lexicon of its own, a warning and the repeat dropped with strict=False)
    with pytest.raises(LexiconError, match="duplicate pattern 'bb'"):
        qdict({"B": ["b", "bb", "bb"]})
    with pytest.warns(LexiconWarning, match="duplicate pattern 'bb'"):
        lex = qdict({"B": ["b", "bb", "bb"]}, strict=False)
    assert [p.text for p in lex["B"].patterns] == ["b", "bb"]


# "dictionary merge values in duplicate keys" (a key repeated in a file is one key)
def test_repeated_key_in_a_file_is_merged(tmp_path):
    lex = read_lexicon(write(tmp_path, "dup.cat", "A\n\ta (1)\nB\n\tBB\n\t\tbb (1)\nA\n\taa (1)\n"
                                                  "B\n\tBB\n\t\tbbb (1)\nC\n\tc (1)\n"))
    assert values(lex) == {"A": ["a", "aa"], "B.BB": ["bb", "bbb"], "C": ["c"]}


# "dictionary allows empty keys"
def test_empty_keys_are_kept_when_not_strict():
    with pytest.warns(LexiconWarning, match="has no patterns"):
        lex = qdict({"A": ["a"], "B": [], "C": []}, strict=False)
    assert lex.category_ids == ["A", "B", "C"]
    assert counts({"d": "a b c"}, lex) == {"A": [1], "B": [0], "C": [0]}


# "object2id() preserves the order of keys and values"
def test_key_order_is_kept():
    for order in (["th", "wh", "ng"], ["ng", "th", "wh"], ["ng", "wh", "th"]):
        d = {"th": ["tho*", "the"], "wh": ["wh*"], "ng": ["not *"]}
        assert qdict({k: d[k] for k in order}).category_ids == order


# "flatten_dictionary() is working": a key with values and sub-keys, levels 1, 2, 10, -1
def test_flatten_dictionary(tmp_path):
    text = "Z: z\nA:\n  B: [b, B]\n  __: [a, A, aa]\nC: [c, C]\nD:\n"
    with pytest.warns(LexiconWarning):  # duplicates b/B, a/A (case-insensitive) and empty D
        lex = read_lexicon(write(tmp_path, "flat.yml", text))
    got = {c.id: [p.text for p in c.patterns] for c in lex}
    # quanteda: Z = z, A.B = b B, A = a A aa, C = c C, D = (empty); frameshift keeps one of each
    # value that differs only in case (matching is case-insensitive)
    assert got == {"Z": ["z"], "A": ["a", "aa"], "A.B": ["b"], "C": ["c"], "D": []}
    one = {c.id: sorted(p.text for p in c.patterns) for c in lex.at_levels(1)}
    assert one == {"Z": ["z"], "A": ["a", "aa", "b"], "C": ["c"], "D": []}
    assert {c.id: [p.text for p in c.patterns] for c in lex.at_levels(2)} == {"B": ["b"]}
    # DIFFERENCE: quanteda returns an empty dictionary for levels = 10; frameshift says why
    with pytest.raises(LexiconError, match="no categories at levels \\[10\\] \\(its deepest "
                                           "level is 2\\)"):
        lex.at_levels(10)
    with pytest.raises(LexiconError, match="levels must be whole numbers of 1 or more"):
        lex.at_levels([-1, 0, 1, 2])


# ===================================================================== test-tokens_lookup.R
TXT = {"d1": "The United States is bordered by the Atlantic Ocean and the Pacific Ocean.",
       "d2": "The Supreme Court of the United States is seldom in a united state.",
       "d3": "It's Arsenal versus Manchester United, states the announcer.",
       "d4": "We need Manchester Unity in the Federal Republic of Germany today.",
       "d5": "United statehood is a good state.",
       "d6": "luv the united states XXOO!"}


# "multi-word dictionary keys are counted correctly"
def test_multi_word_keys():
    fixed = qdict({"Countries": ["United States", "Federal Republic of Germany"],
                   "oceans": ["Atlantic Ocean", "Pacific Ocean"],
                   "Institutions": ["federal government", "Supreme Court"],
                   "team": ["Manchester United", "Arsenal"]})
    asis = counts(TXT, fixed, case_sensitive=True)
    assert asis["Countries"] == [1, 1, 0, 1, 0, 0]
    assert asis["team"] == [0, 0, 2, 0, 0, 0]
    ignore = counts(TXT, fixed)
    # DIFFERENCE: quanteda's test removes punctuation first (tokens(remove_punct = TRUE)), so
    # "United, states" in d3 becomes the phrase "United states": c(1, 1, 1, 1, 0, 1). frameshift
    # does not match a phrase across a comma (docs/lexicons.md, rule 7), as quanteda does not
    # with its default tokens(): d3 is 0.
    assert ignore["Countries"] == [1, 1, 0, 1, 0, 1]
    assert ignore["team"][2] == 2
    glob = qdict({"Countries": ["United States", "Federal * of *"], "oceans": ["* Ocean"],
                  "Institutions": ["federal gover*", "Supreme Court"],
                  "team": ["Manchester *", "Arsenal"]})
    g = counts(TXT, glob, case_sensitive=True)
    assert g["Countries"] == [1, 1, 0, 1, 0, 0]
    assert g["oceans"] == [2, 0, 0, 0, 0, 0]
    assert g["team"] == [0, 0, 2, 1, 0, 0]


# "entirely single-word dictionary keys are counted correctly"
def test_single_word_keys():
    fixed = qdict({"Countries": ["States", "Germany"], "oceans": ["Atlantic", "Pacific"],
                   "Institutions": ["government", "Court"], "team": ["Manchester", "Arsenal"]})
    asis = counts(TXT, fixed, case_sensitive=True)
    assert asis["Countries"] == [1, 1, 0, 1, 0, 0]
    assert asis["team"] == [0, 0, 2, 1, 0, 0]
    ignore = counts(TXT, fixed)
    assert ignore["Countries"] == [1, 1, 1, 1, 0, 1]
    assert ignore["team"][2] == 2


# "multi-word dictionary behavior is not sensitive to the order of dictionary entries"
def test_order_of_entries_does_not_matter():
    txt = {"d1": "The United States is a country.",
           "d2": "Arsenal v Manchester United, states the announcer."}
    d1 = qdict({"Countries": ["United States"], "team": ["Manchester United", "Arsenal"]})
    d2 = qdict({"team": ["Arsenal", "Manchester United"], "Countries": ["United States"]})
    assert lookup(txt, d1) == lookup(txt, d2) == {"d1": ["Countries"], "d2": ["team", "team"]}


TXT2 = {k: TXT[k] for k in ("d1", "d2")}


# "#388 issue about overlapping key values is resolved: fixed matches"
def test_388_overlapping_fixed():
    d = qdict({"Countries": ["States"], "oceans": ["Atlantic", "Pacific"],
               "gameconsoles": ["Xbox", "Nintendo"], "swords": ["States"]})
    assert lookup(TXT2, d) == {"d1": ["Countries", "swords", "oceans", "oceans"],
                               "d2": ["Countries", "swords"]}


# "#388 issue about overlapping key values is resolved: glob matches"
def test_388_overlapping_glob():
    d = qdict({"Countries": ["Stat*"], "oceans": ["*ic"], "gameconsoles": ["?box", "Nintendo*"],
               "swords": ["*s"]})
    assert lookup(TXT2, d) == {"d1": ["Countries", "swords", "swords", "oceans", "oceans"],
                               "d2": ["Countries", "swords", "swords", "Countries"]}
    assert lookup(TXT2, d, case_sensitive=True) == {
        "d1": ["Countries", "swords", "swords", "oceans", "oceans"],
        "d2": ["Countries", "swords", "swords"]}


# "#388 issue about overlapping key values is resolved: regex matches" (quanteda searches:
# "Stat.*$", "[A-Z][a-z]+ic", "s$"; frameshift's re: is a full match of the token)
def test_388_overlapping_regex():
    d = qdict({"Countries": ["re:Stat.*"], "oceans": ["re:[A-Z][a-z]+ic"],
               "gameconsoles": ["re:Xbox"], "swords": ["re:.*s"]})
    assert lookup(TXT2, d) == {"d1": ["Countries", "swords", "swords", "oceans", "oceans"],
                               "d2": ["Countries", "swords", "swords", "Countries"]}
    assert lookup(TXT2, d, case_sensitive=True) == {
        "d1": ["Countries", "swords", "swords", "oceans", "oceans"],
        "d2": ["Countries", "swords", "swords"]}


# "non-exclusive lookup is working" (the matches; frameshift does not rewrite tokens); a key
# with a space: "law words"
def test_lookup_with_key_with_space():
    txt = {"d1": "Mexico signed a new libertarian law with Canada.",
           "d2": "Let freedom ring in the United States!", "d3": "Aliens are invading Mars"}
    d = qdict({"country": ["united states", "mexico", "canada"],
               "law words": ["law*", "constitution"],
               "freedom": ["free", "freedom", "libertarian"], "overlap": ["United"]})
    assert lookup(txt, d) == {"d1": ["country", "freedom", "law words", "country"],
                              "d2": ["freedom", "country", "overlap"], "d3": []}


# "tokens_lookup preserves case on keys" / "#480 reset padding flag"
def test_keys_keep_their_case(inaugural5):
    c, _ = inaugural5
    d = qdict({"Country": ["united states"], "HOR": ["House of Re*"]})
    t = count_matches(c, d, by="doc_id")
    assert list(dict.fromkeys(t["category"])) == ["Country", "HOR"]


def _hier():
    return qdict({"geo": {"Countries": ["States"], "oceans": ["Atlantic", "Pacific"]},
                  "other": {"gameconsoles": ["Xbox", "Nintendo"], "swords": ["States"]}})


# "#459 apply a hierarchical dictionary"
def test_459_hierarchical_levels():
    d = _hier()
    assert lookup(TXT2, d.at_levels(1)) == {"d1": ["geo", "other", "geo", "geo"],
                                            "d2": ["geo", "other"]}
    assert lookup(TXT2, d.at_levels([1, 2])) == {
        "d1": ["geo.Countries", "other.swords", "geo.oceans", "geo.oceans"],
        "d2": ["geo.Countries", "other.swords"]}
    assert lookup(TXT2, d) == lookup(TXT2, d.at_levels([1, 2]))
    assert lookup(TXT2, d.at_levels(2)) == {"d1": ["Countries", "swords", "oceans", "oceans"],
                                            "d2": ["Countries", "swords"]}


LOWER_TXT = {"d1": "The United States has the Atlantic Ocean and the Pacific Ocean.",
             "d2": "Britain and Ireland have the Irish Sea and the English Channel."}


def _lower(west="Irish Sea", east="English Channel"):
    return lexicon_from_dict({"US": {"Countries": ["States"], "oceans": ["Atlantic", "Pacific"]},
                              "Europe": {"Countries": ["Britain", "Ireland"],
                                         "oceans": {"west": [west], "east": [east]}}},
                             hyphen_variants=False)


# "#459 extract the lower levels of a dictionary using tokens_lookup"
@pytest.mark.parametrize("levels, want", [
    (1, {"d1": ["US", "US", "US"], "d2": ["Europe", "Europe", "Europe", "Europe"]}),
    (2, {"d1": ["Countries", "oceans", "oceans"],
         "d2": ["Countries", "Countries", "oceans", "oceans"]}),
    ([1, 2], {"d1": ["US.Countries", "US.oceans", "US.oceans"],
              "d2": ["Europe.Countries", "Europe.Countries", "Europe.oceans", "Europe.oceans"]}),
    (3, {"d1": [], "d2": ["west", "east"]}),
    ([1, 3], {"d1": ["US", "US", "US"], "d2": ["Europe", "Europe", "Europe.west", "Europe.east"]}),
    ([2, 3], {"d1": ["Countries", "oceans", "oceans"],
              "d2": ["Countries", "Countries", "oceans.west", "oceans.east"]}),
    ([1, 4], {"d1": ["US", "US", "US"], "d2": ["Europe", "Europe", "Europe", "Europe"]}),
])
def test_459_lower_levels(levels, want):
    assert lookup(LOWER_TXT, _lower().at_levels(levels)) == want


def test_459_level_4_is_an_error():
    # DIFFERENCE: quanteda gives no matches (character()) for levels = 4 of a 3-level dictionary;
    # frameshift raises an error naming the deepest level
    with pytest.raises(LexiconError, match="its deepest level is 3"):
        _lower().at_levels(4)


# "#502 tokens_lookup count overlapped words"
def test_502_overlapped_words():
    txt = {"d1": "The United States of America is bordered by the Atlantic Ocean and the "
                 "Pacific Ocean.",
           "d2": "The Supreme Court of the United States is seldom in a united state."}
    want = {"d1": ["Countries", "oceans", "oceans"], "d2": ["Countries"]}
    d = qdict({"Countries": ["United States", "United States of America"], "oceans": ["Ocean"]})
    assert lookup(txt, d) == want
    # quanteda's regex phrase "Unit Stat of America" (each word searched) is written with globs
    d = qdict({"Countries": ["United States", "Unit* Stat* of America"], "oceans": ["re:Ocean.*"]})
    assert lookup(txt, d) == want
    assert lookup({"t": "A B C"}, qdict({"key": ["A B", "A B C"]})) == {"t": ["key"]}
    assert lookup({"t": "A B C"}, qdict({"key": ["B C", "A B C"]})) == {"t": ["key"]}


# "tokens_lookup works with exclusive = TRUE, #958";
# test-dfm_lookup.R: "dfm_lookup works with exclusive = TRUE, #958" (the counts)
def test_958_counts():
    txt = {"text1": "word word2 document documents documenting", "text2": "use using word word2"}
    d = qdict({"document": ["document*"], "use": ["use", "using"]})
    assert counts(txt, d) == {"document": [3, 0], "use": [0, 2]}


# test-dfm_lookup.R: "dfm_lookup works with zero count features, #958" (the dfm of
# counts aa, bb, cc written as texts)
def test_958_zero_count_features():
    d = qdict({"A": ["aa"], "B": ["bb"], "D": ["dd"]})
    assert counts({"doc1": "cc", "doc2": "cc cc"}, d) == {"A": [0, 0], "B": [0, 0], "D": [0, 0]}
    assert counts({"doc1": "aa " * 4, "doc2": "aa " * 5}, d) == {"A": [4, 5], "B": [0, 0],
                                                                "D": [0, 0]}


# "tokens_lookup works in exclusive = TRUE and FALSE, #970"
def test_970_nested_in_another_key():
    d = qdict({"pos": ["good"], "farewell": ["good bye"]})
    assert lookup({"text1": "say good bye to Hollywood"}, d) == {"text1": ["pos", "farewell"]}


# "tokens_lookup works when exclusive = FALSE, #970",
# "tokens_lookup works when there is a key with non-existent values and when exclusive = FALSE, #1011"
# (the matches)
@pytest.mark.parametrize("extra", [{}, {"notexist": ["zzz"]}])
def test_970_1011_sequences(extra):
    d = qdict({"sequence1": ["a b"], "sequence2": ["x y"], "notseq": ["d", "e"], **extra})
    txt = {"d1": "a b c d e f g x y z", "d2": "a c d x z", "d3": "x y", "d4": "f g"}
    assert lookup(txt, d) == {"d1": ["sequence1", "notseq", "notseq", "sequence2"],
                              "d2": ["notseq"], "d3": ["sequence2"], "d4": []}


# "tokens_lookup with nomatch works with key that do not appear in the text, #1347" (the
# counts: every key is a column, CA with zeros)
def test_1347_keys_without_matches_are_counted_as_zero():
    txt = {"text1": "12032 Musgrave rd red hill", "text2": "13 rad street windermore park "
                                                           "queensland",
           "text3": "130 right road", "text4": "130 rtn road"}
    d = qdict({"CR": ["rd", "red"], "CB": ["street", "feet"], "CA": ["parl", "dark"]})
    assert counts(txt, d) == {"CR": [2, 0, 0, 0], "CB": [0, 1, 0, 0], "CA": [0, 0, 0, 0]}


NESTED = qdict({
    "AS": ["American Samoa", "American Samoan*", "Pago Pago"],
    "WS": ["Samoa", "Samoan*", "Apia"],
    "VG": ["British Virgin Islands", "Virgin Island*", "Road Town"],
    "GB": ["UK", "United Kingdom", "Britain", "British", "Briton*", "Brit*", "London"],
    "US": ["United States", "US", "American*", "Washington", "New York"]})
NESTED_TXT = {"text1": "British Virgin Islands is a British overseas territory",
              "text2": "Samoa is an independent state",
              "text3": "American Samoa is in the South Pacific"}


# "nested_scope function is working"
def test_nested_scope():
    assert lookup(NESTED_TXT, NESTED, nested_scope="key") == {
        "text1": ["VG", "GB", "GB"], "text2": ["WS"], "text3": ["AS", "US", "WS"]}
    assert lookup(NESTED_TXT, NESTED, nested_scope="dictionary") == {
        "text1": ["VG", "GB"], "text2": ["WS"], "text3": ["AS"]}


# "dictionary nested_scope is independent of orders"
def test_nested_scope_independent_of_order():
    t1 = {"text1": "Virgin Islands are near Dominica and the Dominican Republic"}
    d1 = {"VG": ["Virgin Islands"], "VI": ["Virgin Islands"], "DM": ["Dominica*"],
          "DO": ["Dominican Republic"]}
    assert lookup(t1, qdict(d1), nested_scope="dictionary") == {
        "text1": ["VG", "VI", "DM", "DO"]}
    rev = dict(reversed(list(d1.items())))
    assert lookup(t1, qdict(rev), nested_scope="dictionary") == {
        "text1": ["VI", "VG", "DM", "DO"]}
    t2 = {"text1": "Congolese are people in Republic of Congo or Democratic Republic of Congo"}
    d2 = {"CD": ["Democratic Republic of Congo", "Congolese"],
          "CG": ["Republic of Congo", "Congolese"]}
    assert lookup(t2, qdict(d2), nested_scope="dictionary") == {"text1": ["CD", "CG", "CG", "CD"]}
    rev2 = dict(reversed(list(d2.items())))
    assert lookup(t2, qdict(rev2), nested_scope="dictionary") == {
        "text1": ["CG", "CD", "CG", "CD"]}


# "tokens_lookup return tokens even if no matches";
# test-dfm_lookup.R: "dfm_lookup works with multi-word keys, issue #704",
# "dfm_lookup return dfm even if no matches, issue #704"
def test_nested_keys_with_spaces_and_no_matches(inaugural5):
    c, first = inaugural5
    d = qdict({"en": {"foreign policy": ["aaaaa"], "domestic politics": ["bbbbb"]}})
    assert d.category_ids == ["en.foreign policy", "en.domestic politics"]
    t = count_matches(c, d, by="doc_id")
    assert t.groupby("category", sort=False)["count"].sum().to_dict() == {
        "en.foreign policy": 0, "en.domestic politics": 0}
    assert sorted(t["doc_id"].unique()) == sorted(first)


# ======================================================================== test-dfm_lookup.R
# "test dfm_lookup, issue #389"
def test_389(inaugural5):
    c, first = inaugural5
    d = qdict({"Country": ["united states"], "HOR": ["House of Re*"],
               "law": ["law*", "constitution"], "freedom": ["free*", "libert*"]})
    t = count_matches(c, d, by="doc_id")
    assert list(dict.fromkeys(t["category"])) == ["Country", "HOR", "law", "freedom"]
    d2 = qdict({"Country": ["united"], "HOR": ["House"], "law": ["law*", "constitution"],
                "freedom": ["free*", "libert*"]})
    t2 = count_matches(c, d2, by="doc_id")
    got = t2[t2["category"] == "Country"].set_index("doc_id")["count"].reindex(first)
    assert got.tolist() == [4, 1, 3, 0, 1]


# "#459 apply a hierarchical dictionary to a dfm"
def test_459_dfm_levels():
    d = _hier()
    assert counts(TXT2, d.at_levels(1)) == {"geo": [3, 1], "other": [1, 1]}
    want = {"geo.Countries": [1, 1], "geo.oceans": [2, 0], "other.gameconsoles": [0, 0],
            "other.swords": [1, 1]}
    assert counts(TXT2, d.at_levels([1, 2])) == want
    assert counts(TXT2, d.at_levels(2)) == {k.split(".")[1]: v for k, v in want.items()}


# "#459 extract the lower levels of a dictionary using a dfm"
@pytest.mark.parametrize("levels, want", [
    (1, {"US": [3, 0], "Europe": [0, 4]}),
    (2, {"Countries": [1, 2], "oceans": [2, 2]}),
    ([1, 2], {"US.Countries": [1, 0], "US.oceans": [2, 0], "Europe.Countries": [0, 2],
              "Europe.oceans": [0, 2]}),
    (3, {"west": [0, 1], "east": [0, 1]}),
    ([1, 3], {"US": [3, 0], "Europe": [0, 2], "Europe.west": [0, 1], "Europe.east": [0, 1]}),
    ([2, 3], {"Countries": [1, 2], "oceans": [2, 0], "oceans.west": [0, 1],
              "oceans.east": [0, 1]}),
    ([1, 4], {"US": [3, 0], "Europe": [0, 4]}),
])
def test_459_dfm_lower_levels(levels, want):
    assert counts(LOWER_TXT, _lower("Sea", "Channel").at_levels(levels)) == want


# "dfm_lookup raises error when dictionary has multi-word entries" (a phrase counts on text)
def test_phrase_values_count(inaugural5):
    c, _ = inaugural5
    t = count_matches(c, qdict({"Country": ["united states"]}), by="doc_id")
    assert t["category"].unique().tolist() == ["Country"] and t["count"].sum() > 0


# "dfm_lookup works exclusive = TRUE and FALSE, #970"
def test_970_dfm():
    d = qdict({"pos": ["good"], "farewell": ["bye"]})
    assert counts({"text1": "say good bye to Hollywood"}, d) == {"pos": [1], "farewell": [1]}


# "dfm_lookup handle nested patterns correctly, #2159"
def test_2159_nested_patterns():
    d = {"irish": ["ire*", "ireland", "irish"], "anger": ["ire*", "mad"]}
    txt = {"text1": "I am mad about Ireland"}
    assert counts(txt, qdict(d)) == {"irish": [1], "anger": [2]}
    rev = dict(reversed(list(d.items())))
    assert counts(txt, qdict(rev)) == {"anger": [2], "irish": [1]}


# "dfm_lookup produce the same result regardlress of the order of keys, #2424"
def test_2424_order_of_keys(inaugural5):
    txt = {"t1": "I like apples, but I don't like apple pie. Bananas are OK",
           "t2": "I like bananas, but I don't like banana fritter."}
    d = {"apple": ["apple*"], "banana": ["banana*"]}
    a = counts(txt, qdict(d))
    b = counts(txt, qdict(dict(reversed(list(d.items())))))
    assert a == b == {"apple": [2, 0], "banana": [1, 2]}
    c, _ = inaugural5
    d2 = {"freedom": ["freedom"], "liberty": ["free*", "liberal"], "states": ["states"],
          "country": ["state*", "country"]}
    t1 = count_matches(c, qdict(d2), by="doc_id").set_index(["doc_id", "category"])["count"]
    t2 = count_matches(c, qdict(dict(reversed(list(d2.items())))), by="doc_id").set_index(
        ["doc_id", "category"])["count"]
    assert t1.sort_index().equals(t2.sort_index())


# ============================================================ the lone "?" (docs/lexicons.md)
def test_lone_question_mark_is_the_question_mark_as_in_quanteda(tmp_path):
    # quanteda 4.3.1, measured here: dictionary(list(k = "?")) matches only the token "?"
    # (122 on data_corpus_inaugural with tokens(), 0 with remove_punct = TRUE), while "??"
    # matches every two-character token. frameshift has no punctuation tokens, so a lone "?"
    # never matches: refused in a frameshift lexicon, dropped with a warning in a dictionary.
    with pytest.raises(LexiconError, match="a lone '\\?' is the question mark itself"):
        lexicon_from_dict({"q": ["?"]})
    with pytest.warns(LexiconWarning, match="can never match"):
        lex = read_lexicon(write(tmp_path, "q.yml", "q: ['?', '??']\n"))
    assert [p.text for p in lex["q"].patterns] == ["??"]
    assert counts({"d": "I saw a b ab x. Why? A"}, lex) == {"q": [1]}  # "ab"
    assert counts({"d": "I saw a b ab x. Why? A"}, qdict({"one": ["re:."]})) == {"one": [5]}
