"""The linear-time rewrites of quote attribution (issue 17) answer exactly what the plain
expressions they replace answered: each is compared with the original regular expression
(written out here as it stood before the rewrite) on many random strings built from the
characters and words that matter."""

from __future__ import annotations

import random
import re

from frameshift.news import articles as A
from frameshift.news.speakers import _starts_sentence
from frameshift.text.tokenizer import ABBREVIATIONS

# The verb expression before the rewrite: the forms as one alternation, longest first.
# (with the same exclusion as _VERB_RE: a capitalised "States" ends a name, it is no verb)
PLAIN_VERB_RE = re.compile(
    r"(?i)(?<![\w'’-])(?-i:(?!States(?![\w'’-])))(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+")
                                      for f in A._VERB_FORMS) + r")(?![\w'’-])")


def test_verb_trie_finds_what_the_alternation_found():
    rng = random.Random(17)
    forms = A._VERB_FORMS
    bits = [" ", "  ", "\n", "-", "'", "’", "x", "s", "ed", "ing", ",", '"', "\0"]
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            f = rng.choice(forms)
            if rng.random() < 0.3:
                f = f[: rng.randint(1, len(f))]  # a prefix of a form
            if rng.random() < 0.3:
                f = f.upper() if rng.random() < 0.5 else f.title()
            parts += [f, rng.choice(bits)]
        text = "".join(parts)
        want = [(m.start(), m.end()) for m in PLAIN_VERB_RE.finditer(text)]
        assert [(m.start(), m.end()) for m in A._VERB_RE.finditer(text)] == want, text
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        want = [(m.start(), m.end()) for m in PLAIN_VERB_RE.finditer(text, a, b)]
        assert [(m.start(), m.end()) for m in A._VERB_RE.finditer(text, a, b)] == want


def test_sentence_start_check_matches_the_regex():
    rng = random.Random(1)
    alphabet = [" ", "\n", ".", "!", "?", "a", "B", "\t", "\u00a0", "\x1c", ","]
    for _ in range(50000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        na = rng.randint(0, len(s))
        want = re.search(r"(?:^|[.!?]\s+|\n\s*)$", s[:na]) is not None
        assert _starts_sentence(s, na) == want, (s, na)


def test_abbreviation_check_matches_the_regex():
    rng = random.Random(2)
    abbrevs = sorted(ABBREVIATIONS)
    for _ in range(20000):
        parts = [rng.choice(["a", "B", "U", ".", " ", "!", "x", "é"])
                 for _ in range(rng.randint(0, 30))]
        parts.insert(rng.randint(0, len(parts)), rng.choice(abbrevs) + ".")
        t = "".join(parts)
        for m in re.finditer(r"[.!?]+", t):
            p, start = m.end(), rng.randint(0, m.start())
            word = re.search(r"([\w.]+)[.!?]*$", t[start:p])
            want = bool(word and m.group() == "." and (
                word.group(1).rstrip(".").casefold() in ABBREVIATIONS
                or re.fullmatch(r"[A-Z]\.?", word.group(1))))
            assert (m.group() == "." and A._abbreviation_before(t, start, p)) == want, t


def test_passive_check_matches_the_regex():
    rng = random.Random(3)
    toks = ["was", "been", "Is", "x", " ", "\n", "\t", "being", "BE", "got", "ab", "-",
            "\u00a0", "waſ"]
    for _ in range(50000):
        t = "".join(rng.choice(toks) for _ in range(rng.randint(0, 10)))
        a = rng.randint(0, len(t))
        b = rng.randint(a, len(t))
        want = A._PASSIVE_RE.search(t[a:b]) is not None
        assert (A._PASSIVE_RE.search(t[A._passive_from(t, a, b):b]) is not None) == want


def test_mask_blanks_quoted_words_but_keeps_line_breaks():
    text = 'ab "cd\nef" gh "ij"'
    quotes = [A._Quote(4, 9, 3, 9, 0), A._Quote(15, 17, 14, 17, 0)]
    assert A._mask(text, quotes) == 'ab "\0\0\n\0\0" gh "\0\0"'
