"""Lexicon file formats: frameshift YAML, quanteda YAML, LIWC ``.dic``, CSV; reading and writing."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import yaml

from frameshift.files import atomic_write_bytes, compose_yaml
from frameshift.errors import (ArgumentTypeError, LexiconError, UnknownLexiconError,
                               format_location)

from .model import (LEXICON_FORMATS, Lexicon, Pattern,
                    _CATEGORY_KEYS, _LEXICON_KEYS, _Builder)

__all__ = ["lexicon_from_dict", "read_lexicon", "write_lexicon", "as_lexicon", "bundled_lexicons",
           "WRITE_SUFFIXES"]

_DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicons"

# libyaml's composer (PyYAML's C extension) builds the same nodes, with the same line and column
# marks, about 15x faster than the pure-Python one; files with a YAML syntax error are parsed
# again with the pure-Python loader, whose messages are the ones reported.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)



def lexicon_from_dict(mapping, *, name: str = "lexicon", hyphen_variants: bool = True,
                      strict: bool = True) -> Lexicon:
    """Build a lexicon from ``{category: [patterns]}`` (nested dicts give ``parent.child``).

    Examples
    --------
    >>> lex = lexicon_from_dict({"economy": {"pos": ["growth"], "neg": ["crisis"]}})
    >>> [(c.id, c.parent) for c in lex]
    [('economy.pos', 'economy'), ('economy.neg', 'economy')]
    """
    if not isinstance(mapping, dict):
        raise ArgumentTypeError(f"lexicon_from_dict(): mapping must be a dict {{category: "
                                f"[patterns]}}, got {type(mapping).__name__}.")
    b = _Builder(None, strict)
    _add_quanteda(b, [(k, v, None) for k, v in mapping.items()], plain=True)
    return b.finish(name=name, format="frameshift", hyphen_variants=hyphen_variants)


def as_lexicon(obj) -> Lexicon:
    """A :class:`Lexicon` from a Lexicon, a bundled name, a path or a ``{category: [...]}`` dict."""
    if isinstance(obj, Lexicon):
        return obj
    if isinstance(obj, dict):
        return lexicon_from_dict(obj)
    return read_lexicon(obj)


# --------------------------------------------------------------------------- reading
def bundled_lexicons() -> list[str]:
    """Names of the lexicons shipped with frameshift.

    Examples
    --------
    >>> "karabakh_framing" in bundled_lexicons()
    True
    """
    if not _DATA_DIR.is_dir():
        return []
    return sorted(p.stem for p in _DATA_DIR.glob("*.yml"))


def read_lexicon(path_or_name, *, format: str | None = None,
                 strict: bool | None = None, levels=None,
                 encoding: str | None = None) -> Lexicon:
    """Read a lexicon file (format detected from its content) or a bundled lexicon by name.

    Parameters
    ----------
    path_or_name : str or path-like
        A file, or the name of a bundled lexicon (see :func:`bundled_lexicons`).
    format : str, optional
        Force a format, one of :data:`LEXICON_FORMATS` ("frameshift", "quanteda", "liwc",
        "wordstat", "yoshikoder", "lexicoder", "csv"), instead of detecting it (from the
        extension: ``.dic`` LIWC, ``.cat`` WordStat, ``.ykd``/``.lcd`` Yoshikoder, ``.lc3``
        Lexicoder, ``.csv``; else from the content).
    strict : bool, optional
        Whether quality problems (empty categories, duplicate patterns, patterns that can
        never match) are errors. Default: True for frameshift YAML and CSV; False for the
        imported dictionary formats, which are used as published (problems, and what
        quanteda also leaves out, are then reported as one :class:`LexiconWarning`).
        Invalid or dangerous regular expressions and malformed files are always errors.
    levels : int or list of int, optional
        Keep only these nesting levels of a nested dictionary (1 = top), as quanteda's
        ``tokens_lookup(levels=)``: see :meth:`Lexicon.at_levels`. Default: every level.
    encoding : str, optional
        The file's text encoding (a Python codec name such as ``"cp1252"`` or
        ``"iso-8859-2"``), for dictionaries saved in a legacy encoding. Default: UTF-8
        (with or without BOM).

    Returns
    -------
    Lexicon

    Raises
    ------
    UnknownLexiconError
        Neither a file nor a bundled name (the message lists the bundled names).
    LexiconError
        Every problem found, each with file and line.

    Examples
    --------
    >>> lex = read_lexicon("karabakh_framing")
    >>> lex.name, "coercion" in lex
    ('karabakh_framing', True)
    """
    if isinstance(path_or_name, bytes):
        path_or_name = path_or_name.decode("utf-8", "surrogateescape")
    if not isinstance(path_or_name, (str, Path)) and not hasattr(path_or_name, "__fspath__"):
        raise ArgumentTypeError(
            f"read_lexicon: expected a file path or a bundled lexicon name, got "
            f"{type(path_or_name).__name__}. For a dict of patterns use lexicon_from_dict().")
    if not str(path_or_name).strip():
        raise UnknownLexiconError(
            f"{str(path_or_name)!r}: an empty lexicon path. Give a lexicon file (.yml, .dic, "
            f".csv) or one of the bundled lexicons: {', '.join(bundled_lexicons())}.")
    p = Path(path_or_name)
    if p.is_dir():
        inside = sorted(q.name for q in p.iterdir()
                        if q.suffix.lower() in (".yml", ".yaml", ".dic", ".csv", ".cat", ".ykd",
                                                  ".lcd", ".lc3"))[:5]
        hint = f" (it holds {', '.join(inside)})" if inside else ""
        raise UnknownLexiconError(
            f"{p}: is a folder, not a lexicon file{hint}. Give the path of the lexicon file "
            f"inside it.", path=p)
    if not p.is_file() and p.exists():
        from frameshift.files import read_input_bytes

        read_input_bytes(p, what="lexicon file")  # names the pipe or device
    if not p.is_file():
        name = str(path_or_name)
        if name in bundled_lexicons():
            p = _DATA_DIR / f"{name}.yml"
        else:
            names = ", ".join(bundled_lexicons()) or "(none)"
            raise UnknownLexiconError(
                f"{name}: no such file, and not a bundled lexicon. Give the path to a lexicon "
                f"file (.yml, .dic, .csv) or one of the bundled lexicons: {names}.", path=name)
    from frameshift.files import read_text_file

    if format is not None and format not in LEXICON_FORMATS:
        raise LexiconError(f"{p}: unknown lexicon format {format!r}; use one of "
                           f"{', '.join(LEXICON_FORMATS)}.", path=p)
    if encoding is None:
        # UTF-8 with or without BOM; errors name the byte offset, line and column.
        text = read_text_file(p)
    else:
        text = _decode(p, encoding)
    # a large file read before with these options is taken from the cache (lexicon/cache.py:
    # keyed by path, options and parser code, used only for the same text)
    from .cache import entry

    cached = entry(p, text, (format, strict, encoding))
    lex = cached.load() if cached is not None else None
    if lex is None:
        fmt = format or _detect_format(text, p)
        reader = {"frameshift": _read_frameshift_yaml, "quanteda": _read_quanteda_yaml,
                  "liwc": _read_liwc, "wordstat": _read_wordstat,
                  "yoshikoder": _read_yoshikoder, "lexicoder": _read_lexicoder,
                  "csv": _read_csv}[fmt]
        lex = reader(text, p, fmt in ("frameshift", "csv") if strict is None else strict)
        if cached is not None and not getattr(lex, "problems", None):
            cached.store(lex)  # (not with problems: their warning comes from a parse)
    return lex if levels is None else lex.at_levels(levels)


def _decode(p: Path, encoding: str) -> str:
    import codecs

    from frameshift.files import read_input_bytes

    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise LexiconError(f"{p}: unknown encoding {encoding!r}. Give a Python codec name, "
                           f"e.g. 'utf-8', 'cp1252', 'iso-8859-2', 'shift_jis'.",
                           path=p) from None
    data = read_input_bytes(p, what="lexicon file")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise LexiconError(f"{p}:{line}: byte {err.start} is not valid {encoding} "
                           f"({err.reason}). Give the file's real encoding.",
                           path=p, line=line) from None
    return text[1:] if text.startswith("\ufeff") else text


_SUFFIX_FORMATS = {".dic": "liwc", ".cat": "wordstat", ".ykd": "yoshikoder",
                   ".lcd": "yoshikoder", ".lc3": "lexicoder"}


def _detect_format(text: str, path: Path) -> str:
    stripped = text.lstrip()
    if stripped.startswith("%"):
        return "liwc"
    if stripped.startswith("<?xml") or stripped.startswith("<dictionary"):
        return "yoshikoder"  # as quanteda's test 'actually_ykd.cat': XML whatever the suffix
    suffix = path.suffix.lower()
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    if stripped.startswith("+"):
        return "lexicoder"
    first = stripped.splitlines()[0] if stripped else ""
    if suffix in (".csv", ".tsv") or re.match(r"^\s*\"?category\"?\s*,\s*\"?pattern", first):
        return "csv"
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except (yaml.YAMLError, RecursionError):
        return "frameshift" if "categories:" in text else "quanteda"
    _COMPOSED[0] = (text, node)  # the YAML readers reuse it: the file is parsed once
    if isinstance(node, yaml.MappingNode) and any(
            isinstance(k, yaml.ScalarNode) and k.value == "categories" for k, _ in node.value):
        return "frameshift"
    return "quanteda"


# (text, root node) of the last YAML text composed by _detect_format.
_COMPOSED: list = [None]


def _compose(text: str, path):
    last, _COMPOSED[0] = _COMPOSED[0], None
    try:  # parsed once (by _detect_format, libyaml), then bounded: aliases, depth, loops
        return compose_yaml(text, path, error=LexiconError,
                            node=last[1] if last is not None and last[0] is text else None)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        what = getattr(err, "problem", None) or str(err)
        ctx = getattr(err, "context_mark", None)
        started = ""
        if ctx is not None and (ctx.line + 1) != line:
            started = f"; {getattr(err, 'context', None) or 'the construct'} at line " \
                      f"{ctx.line + 1}, column {ctx.column + 1}"
        raise LexiconError(
            f"{format_location(path, line, col)}invalid YAML ({what}{started}). Check "
            f"indentation and brackets, and quote values that start with * or contain ': ' "
            f"(e.g. \"*ism\").", path=path, line=line) from err


def _line(node) -> int:
    return node.start_mark.line + 1


def _scalar(node):
    """Python value of a scalar node (strings stay strings: `no` is the word "no")."""
    # (a plain scalar has style None from the Python composer, "" from libyaml's)
    if node.tag.endswith(":bool") and not node.style:
        return node.value.lower() in ("true", "yes", "on")
    return node.value


def _did_you_mean(key, known) -> str:
    """`` (did you mean 'label'?)`` for a misspelt key, else ''."""
    import difflib

    close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _entry_mistake(node, b: _Builder, cid: str) -> bool:
    """Report the two YAML slips that make one pattern of several; True if one was found.

    * An over-indented list item (``- safe`` then ``    - unsafe``) is not a new item: YAML
      folds it into the line above, giving the single pattern ``'safe - unsafe'``.
    * ``economy: toll*, jobs`` is one pattern ``'toll*, jobs'``, not two: YAML needs a list.
    """
    text = node.value
    if not node.style and node.end_mark.line > node.start_mark.line and " - " in text:
        first, *rest = [t.strip() for t in text.split(" - ")]
        b.problem(f"category {cid!r}: the list item(s) {rest!r} after {first!r} are indented "
                  f"deeper than the item above, so YAML joined them into one pattern "
                  f"{text!r}.",
                  "Start every '- pattern' line of the list at the same column.",
                  node.end_mark.line + 1 if node.end_mark.column else node.end_mark.line)
        return True
    if not node.style and ", " in text:
        parts = [t.strip() for t in text.split(",") if t.strip()]
        b.problem(f"category {cid!r}: {text!r} is one pattern in YAML, not {len(parts)}: "
                  "a comma does not separate patterns.",
                  f"Write a list: [{', '.join(parts)}], or one '- pattern' per line.",
                  _line(node))
        return True
    return False


def _seq_entries(node, b: _Builder, cid: str, *, patterns: bool = True, items: bool = False):
    """(text, line) entries of a list (or a single scalar) of patterns (or example texts).

    With ``items``, a ``{pattern: ..., language: ...}`` list item gives (text, line, language).
    """
    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":null"):
            return []
        if patterns and _entry_mistake(node, b, cid):
            return []
        return [(node.value, _line(node))]
    if isinstance(node, yaml.SequenceNode):
        out = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and not item.tag.endswith(":null"):
                if not (patterns and _entry_mistake(item, b, cid)):
                    out.append((item.value, _line(item)))
            elif items and isinstance(item, yaml.MappingNode):
                entry = _term_item(item, b, cid)
                if entry is not None:
                    out.append(entry)
            else:
                b.problem(f"category {cid!r}: a pattern must be a string.",
                          "Write each pattern as a quoted string.", _line(item))
        return out
    b.problem(f"category {cid!r}: patterns must be a list.",
              "Write patterns as a YAML list ('- word').", _line(node))
    return []


_TERM_KEYS = ("pattern", "language")


def _term_entries(node, b: _Builder, cid: str, what: str = "patterns"):
    """(text, line[, language]) entries of ``patterns:``/``terms:``/``exclude:``.

    Three spellings: a list of patterns whose items may be ``{pattern: ..., language: ru}``;
    a mapping of ISO 639-1 codes to lists (``{en: [...], ru: [...]}``); or one pattern.
    """
    if isinstance(node, yaml.MappingNode):
        out = []
        for k, v in node.value:
            lang = k.value if isinstance(k, yaml.ScalarNode) else None
            if lang is None:
                b.problem(f"category {cid!r}: a key of '{what}' must be a language code.",
                          "Write 'en: [...]', 'ru: [...]'.", _line(k))
                continue
            if lang in _TERM_KEYS:
                b.problem(f"category {cid!r}: '{what}' is a mapping with key {lang!r}; a "
                          f"pattern with a language is an item of a list.",
                          f"Write '{what}: [{{pattern: ..., language: ru}}]' (a list), or "
                          f"'{what}: {{ru: [...]}}'.", _line(k))
                continue
            out.extend(e + (lang,) for e in _seq_entries(v, b, cid, items=True))
        return out
    return _seq_entries(node, b, cid, items=True)


def _term_item(item, b: _Builder, cid: str):
    """A ``{pattern: ..., language: ...}`` list item as (text, line, language), or None."""
    d = {}
    for k, v in item.value:
        key = k.value if isinstance(k, yaml.ScalarNode) else None
        if key not in _TERM_KEYS:
            b.problem(f"category {cid!r}: unknown key {key!r} in a pattern item"
                      f"{_did_you_mean(key, _TERM_KEYS)}.",
                      "A pattern item has 'pattern' and optionally 'language'.", _line(k))
            return None
        if not isinstance(v, yaml.ScalarNode) or v.tag.endswith(":null"):
            b.problem(f"category {cid!r}: {key!r} of a pattern item must be a string.",
                      f"Write '{key}: text'.", _line(v))
            return None
        d[key] = v.value
    if "pattern" not in d:
        b.problem(f"category {cid!r}: a pattern item without 'pattern'.",
                  "Write '{pattern: word, language: ru}'.", _line(item))
        return None
    return (d["pattern"], _line(item), d.get("language"))


def _mapping(node) -> dict:
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _read_frameshift_yaml(text: str, path, strict: bool) -> Lexicon:
    root = _compose(text, path)
    b = _Builder(path, strict)
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(f"{path}: expected a mapping with 'name' and 'categories'. Start "
                           f"the file with 'name: ...' and a 'categories:' list.",
                           path=path)
    top = _mapping(root)
    for key, node in top.items():
        if key not in _LEXICON_KEYS:
            b.problem(f"unknown top-level key {key!r}{_did_you_mean(key, _LEXICON_KEYS)}.",
                      f"Use one of: {', '.join(sorted(_LEXICON_KEYS))}.", _line(node))
    meta = {k: (_scalar(v) if isinstance(v, yaml.ScalarNode) else None)
            for k, v in top.items() if k in ("name", "version", "description", "citation")}
    hv = top.get("hyphen_variants")
    cats = top.get("categories")
    if not isinstance(cats, yaml.SequenceNode):
        b.problem("'categories' must be a list of categories.",
                  "Write '- id: ...' entries under 'categories:'.",
                  _line(cats) if cats is not None else None)
    else:
        for cnode in cats.value:
            line = _line(cnode)
            if not isinstance(cnode, yaml.MappingNode):
                b.problem("a category must be a mapping with 'id' and 'patterns'.",
                          "Write '- id: name' followed by 'patterns:'.", line)
                continue
            c = _mapping(cnode)
            for key, node in c.items():
                if key not in _CATEGORY_KEYS:
                    hint = (" (did you mean 'patterns'?)" if key.startswith("pattern")
                            else _did_you_mean(key, _CATEGORY_KEYS))
                    b.problem(f"unknown category key {key!r}{hint}.",
                              f"Use one of: {', '.join(sorted(_CATEGORY_KEYS))}.", _line(node))
            idn = c.get("id")
            cid = idn.value if isinstance(idn, yaml.ScalarNode) else None
            if cid is None:
                b.problem("category without an 'id'.", "Add 'id: some_name'.", line)
                continue
            examples = {}
            ex = c.get("examples")
            if isinstance(ex, yaml.MappingNode):
                for k, v in _mapping(ex).items():
                    examples[k] = [t for t, _ in _seq_entries(v, b, cid, patterns=False)]

            def s(key):
                n = c.get(key)
                return _scalar(n) if isinstance(n, yaml.ScalarNode) else ""

            exact_node = c.get("exact")
            exact = bool(_scalar(exact_node)) if isinstance(exact_node, yaml.ScalarNode) else False
            entries = _term_entries(c.get("patterns"), b, cid)
            if c.get("terms") is not None:
                entries += _term_entries(c.get("terms"), b, cid, "terms")
            b.add(cid, entries, line=line, label=s("label"),
                  definition=s("definition"), parent=s("parent") or None,
                  exclude=_term_entries(c.get("exclude"), b, cid, "exclude"), examples=examples,
                  source=s("source"), exact=exact)
    name = meta.get("name") or Path(path).stem
    return b.finish(name=str(name), version=meta.get("version") or "",
                    description=meta.get("description") or "",
                    citation=meta.get("citation") or "", format="frameshift",
                    hyphen_variants=True if hv is None else bool(_scalar(hv)))


def _add_quanteda(b: _Builder, items, *, path: tuple = (), plain: bool):
    """items: (key, value, line); value is a node (YAML) or python object (plain).

    A key nested under ``a`` becomes the category ``a.key`` with parent ``a`` (quanteda's
    flattened key); ``path`` is the tuple of keys above.
    """
    parent = ".".join(path) or None
    for key, value, line in items:
        key = str(key).strip() if key is not None else key
        here = path + (key,)
        cid = ".".join(here)
        if plain:
            if isinstance(value, dict):
                _add_quanteda(b, [(k, v, None) for k, v in value.items()], path=here,
                              plain=True)
                continue
            values = [value] if isinstance(value, str) else list(value or [])
            b.add(cid, [(v, None) for v in values], parent=parent, path=here)
            continue
        if isinstance(value, yaml.MappingNode):
            items = _quanteda_items(b, value)
            own = [it for it in items if it[0] == "__"]
            if own:  # quanteda's as.yaml writes a key's own values under "__"
                entries = [e for _, v, _ in own for e in _leaf_values(b, v, cid)]
                b.add(cid, entries, line=line, parent=parent, path=here)
            _add_quanteda(b, [it for it in items if it[0] != "__"], path=here, plain=False)
            continue
        if isinstance(value, yaml.SequenceNode):
            entries, pooled = [], []
            for item in value.value:
                if isinstance(item, (yaml.MappingNode, yaml.SequenceNode)):
                    # quanteda 4.3.1 reads a mapping inside a list as more values of the key
                    # (A: [a, {B: [b]}] is A = a, b), not as a sub-key
                    pooled.extend(k for k, _, _ in (_quanteda_items(b, item) if isinstance(
                        item, yaml.MappingNode) else []))
                    entries.extend(_leaf_values(b, item, cid))
                elif isinstance(item, yaml.ScalarNode):
                    if item.tag.endswith(":null"):
                        continue
                    if not _entry_mistake(item, b, cid):
                        entries.append((item.value, _line(item)))
            if pooled:
                b.problem(f"category {cid!r}: the keys {pooled} inside its list are read as "
                          f"more values of {cid!r}, as quanteda reads them.",
                          f"For sub-keys write '{key}:' followed by a mapping ('  sub: [...]').",
                          line, kind="note")
            b.add(cid, entries, line=line, parent=parent, exact=False, path=here)
            continue
        entries = [] if value.tag.endswith(":null") or _entry_mistake(value, b, cid) \
            else [(value.value, _line(value))]
        b.add(cid, entries, line=line, parent=parent, path=here)


def _leaf_values(b: _Builder, node, cid: str) -> list:
    """Every scalar value under a node (lists and mappings opened), as (text, line)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":null") or _entry_mistake(node, b, cid):
            return []
        return [(node.value, _line(node))]
    if isinstance(node, yaml.SequenceNode):
        return [e for item in node.value for e in _leaf_values(b, item, cid)]
    if isinstance(node, yaml.MappingNode):
        return [e for _, v in node.value for e in _leaf_values(b, v, cid)]
    return []


def _quanteda_items(b: _Builder, node) -> list:
    """(key, value node, line) of a mapping; keys that are not plain text are reported."""
    out = []
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode):
            out.append((k.value, v, _line(k)))
        else:
            b.problem("a category name must be plain text, not a list or mapping.",
                      "Write the key as a word ('name:').", _line(k))
    return out


def _read_quanteda_yaml(text: str, path, strict: bool) -> Lexicon:
    root = _compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(f"{path}: expected a YAML mapping of keys to lists of values "
                           f"(a quanteda dictionary) or a frameshift lexicon with "
                           f"'categories:'.", path=path)
    b = _Builder(path, strict, loose_ids=True)
    _add_quanteda(b, _quanteda_items(b, root), plain=False)
    return b.finish(name=Path(path).stem, format="quanteda", hyphen_variants=False)


#: Deepest nesting read from a dictionary file (quanteda's levels go up to 100).
_MAX_DEPTH = 100


def _too_deep(path, line=None):
    return LexiconError(f"{format_location(path, line, None)}the dictionary is nested more "
                        f"than {_MAX_DEPTH} levels deep. Flatten it: no real dictionary is.",
                        path=path, line=line)


class _Node:
    """A key of a nested dictionary file: its values, its sub-keys, its line."""

    __slots__ = ("name", "values", "children", "line", "label")

    def __init__(self, name, line=None, label=""):
        self.name = name
        self.values: list = []
        self.children: dict = {}
        self.line = line
        self.label = label

    def child(self, name, line=None, label="") -> "_Node":
        """The sub-key ``name`` (keys repeated under one parent are merged, as in quanteda)."""
        node = self.children.get(name)
        if node is None:
            node = self.children[name] = _Node(name, line, label)
        return node

    def empty(self) -> bool:
        return not self.values and all(c.empty() for c in self.children.values())


def _add_tree(b: _Builder, root: _Node, path: tuple = ()) -> None:
    """Categories of a dictionary tree: one per key with values (or without sub-keys);
    nested keys are ``parent.child`` with ``parent`` set, as :func:`_add_quanteda`."""
    for node in root.children.values():
        here = path + (node.name,)
        cid = ".".join(here)
        seen, entries = set(), []
        for entry in node.values:  # a value repeated in one key counts once (quanteda)
            key = entry[0].strip().casefold()
            if key not in seen:
                seen.add(key)
                entries.append(entry)
        if entries or not node.children:
            b.add(cid, entries, line=node.line, label=node.label or cid,
                  parent=".".join(path) or None, path=here)
        _add_tree(b, node, here)


def _read_liwc(text: str, path, strict: bool) -> Lexicon:
    """LIWC ``.dic`` (2001/2007/2015; hierarchical with tab-indented categories), read as
    quanteda's ``read_dict_liwc`` reads it: see docs/lexicons.md."""
    b = _Builder(path, strict, loose_ids=True)
    rows = [(i + 1, len(ln) - len(ln.lstrip("\t")), ln.strip())
            for i, ln in enumerate(text.splitlines()) if ln.strip()]
    marks = [k for k, (_, _, t) in enumerate(rows) if t == "%"]
    if len(marks) < 2:
        raise LexiconError(f"{path}: a LIWC dictionary starts with a '%' line, lists "
                           f"'number<TAB>category' lines, and a second '%' line before the "
                           f"words; found {len(marks)} '%' line(s).", path=path)
    root = _Node(None)
    stack: list = []  # (depth, node) of the categories above the current one
    by_id: dict = {}
    order: list = []
    for line, depth, t in rows[marks[0] + 1:marks[1]]:
        if depth >= _MAX_DEPTH:
            raise _too_deep(path, line)
        t = re.sub(r"(\d+)\s+", "\\1\t", t)  # "01 name" is "01<TAB>name"
        m = re.match(r"\d+", t)
        fields = [f.strip() for f in t.split("\t") if f.strip()]
        if m:
            fields = fields[1:]
        if not fields:
            b.problem(f"category line {t!r} has no name.", "Write 'number<TAB>name'.", line)
            continue
        # LIWC 2015: "1<TAB>function<TAB>(Function Words)" or "posemo (Positive Emotion)"
        name, label = fields[0], ""
        if len(fields) > 1 and re.fullmatch(r"\(.*\)", fields[-1]):
            label = fields[-1][1:-1].strip()
        else:
            name = " ".join(fields)
            cut = name.rfind("(")
            if name.endswith(")") and cut > 0 and name[:cut].strip() and name[cut + 1:-1].strip():
                name, label = name[:cut].strip(), name[cut + 1:-1].strip()
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1] if stack else root
        if name in parent.children:
            b.problem(f"category {name!r} is declared twice.",
                      "Give each category line its own name.", line)
            continue
        node = parent.child(name, line, label)
        stack.append((depth, node))
        order.append(node)
        if m:
            by_id.setdefault(int(m.group(0)), node)
    of_lines, paren_lines, undefined = [], [], {}
    for line, _depth, t in rows[marks[1] + 1:]:
        if "<of>" in t:  # LIWC 2015 "<of>" rules: left out, as quanteda does
            of_lines.append(line)
            continue
        first, last = t.find("("), t.rfind(")")
        if first >= 0 and last > first + 1:  # LIWC 2007 conditional codes "(02 134)125/464":
            paren_lines.append(line)          # quanteda's greedy "\(.+\)" -> " ", in linear time
            t = t[:first] + " " + t[last + 1:]
        t = re.sub(r"\s+(\d+)", "\t\\1", t)
        word, sep, codes = t.partition("\t")
        word = word.strip()
        if not word:
            continue
        for code in re.findall(r"\d+", codes):
            node = by_id.get(int(code))
            if node is None:
                undefined.setdefault(code, []).append((word, line))
                continue
            node.values.append((word, line))
    if of_lines:
        n = len(of_lines)
        b.problem(f"{n} term{'s' if n > 1 else ''} with LIWC's unsupported '<of>' rule "
                  f"left out (lines {_lines(of_lines)}), as quanteda does.",
                  "Rewrite such a rule as plain entries if it is needed.", of_lines[0],
                  kind="note")
    if paren_lines:
        b.problem(f"conditional codes '(...)' ignored in lines {_lines(paren_lines)} (the "
                  f"text from the first '(' to the last ')' of the line is dropped, as "
                  f"quanteda does).", "Split a conditional entry into plain entries.",
                  paren_lines[0], kind="note")
    if undefined:
        where = "; ".join(f"{code} for {', '.join(repr(w) for w, _ in ws[:3])}"
                          + (f" and {len(ws) - 3} more" if len(ws) > 3 else "")
                          for code, ws in undefined.items())
        first = min(ln for ws in undefined.values() for _, ln in ws)
        b.problem(f"words name categories that are not declared, which are left out: "
                  f"{where}.", "Declare them between the two '%' lines, or remove the codes.",
                  first, kind="note")
    empty = [n.name for n in order if n.empty()]
    _prune(root)
    if empty:
        b.problem(f"categories without words left out: {', '.join(empty)} (as quanteda "
                  f"does).", "Add words to them or remove them.", None, kind="note")
    _add_tree(b, root)
    return b.finish(name=Path(path).stem, format="liwc", hyphen_variants=False)


def _prune(node: _Node) -> None:
    """Remove the keys that have no values and no (non-empty) sub-keys."""
    for name in list(node.children):
        child = node.children[name]
        if child.empty():
            del node.children[name]
        else:
            _prune(child)


def _lines(numbers, most: int = 5) -> str:
    shown = ", ".join(str(n) for n in numbers[:most])
    return shown + (f" and {len(numbers) - most} more" if len(numbers) > most else "")


def _read_wordstat(text: str, path, strict: bool) -> Lexicon:
    """WordStat ``.cat``: keys and tab-indented sub-keys; values end in a weight ``(1)``."""
    b = _Builder(path, strict, loose_ids=True)
    root = _Node(None)
    stack: list = [(-1, root)]
    for i, raw in enumerate(text.splitlines(), start=1):
        ln = raw.rstrip()
        if not ln.strip():
            continue
        depth = len(ln) - len(ln.lstrip("\t"))
        if depth > _MAX_DEPTH:
            raise _too_deep(path, i)
        body = ln.lstrip("\t")
        m = re.match(r"^(.+) \(\d\)$", body)
        while stack[-1][0] >= depth:
            stack.pop()
        parent_depth, parent = stack[-1]
        if m:
            if parent is root or parent_depth != depth - 1:
                b.problem(f"value {m.group(1)!r} is not indented one tab below a category.",
                          "Indent each value with one tab more than its category line.", i)
                continue
            parent.values.append((m.group(1).strip(), i))
            continue
        if parent_depth != depth - 1:
            b.problem(f"category {body!r} is indented more than one tab below the line above.",
                      "Indent a sub-category by one tab more than its category.", i)
            continue
        stack.append((depth, parent.child(body.strip(), i)))
    _add_tree(b, root)
    return b.finish(name=Path(path).stem, format="wordstat", hyphen_variants=False)


def _read_yoshikoder(text: str, path, strict: bool) -> Lexicon:
    """Yoshikoder ``.ykd`` (and Lexicoder 2 ``.lcd``): XML ``cnode`` keys, ``pnode`` values."""
    import xml.etree.ElementTree as ET

    if re.search(r"<!(DOCTYPE|ENTITY)", text):
        raise LexiconError(f"{path}: the XML declares a DOCTYPE or entities, which a Yoshikoder "
                           f"dictionary never needs; they are not read (they can expand "
                           f"without bound). Remove the declaration.", path=path)
    try:
        top = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as err:
        line, col = err.position
        raise LexiconError(f"{format_location(path, line, col + 1)}invalid XML ({err}). A "
                           f"Yoshikoder dictionary is <dictionary> holding <cnode name=...> "
                           f"categories of <pnode name=.../> patterns.",
                           path=path, line=line) from None
    node = top if top.tag == "dictionary" else top.find(".//dictionary")
    if node is None:
        raise LexiconError(f"{path}: no <dictionary> element: not a Yoshikoder dictionary.",
                           path=path)
    b = _Builder(path, strict, loose_ids=True)
    root = _Node(None)
    loose = [p.get("name") for p in node.findall("pnode")]
    if loose:
        b.problem(f"{len(loose)} pattern(s) outside any category: {loose[:3]}.",
                  "Put every <pnode> inside a <cnode name=...> category.", None)

    def walk(elem, into: _Node, depth=1):
        if depth > _MAX_DEPTH:
            raise _too_deep(path)
        for c in elem.findall("cnode"):
            name = c.get("name")
            if name is None or not name.strip():
                b.problem("a <cnode> without a name.", "Give it a name=\"...\" attribute.",
                          None)
                continue
            sub = into.child(name.strip())
            for p in c.findall("pnode"):
                if p.get("name") is not None and p.get("name").strip():
                    sub.values.append((p.get("name").strip(), None))
            walk(c, sub, depth + 1)

    walk(node, root)
    _add_tree(b, root)
    return b.finish(name=Path(path).stem, format="yoshikoder", hyphen_variants=False)


def _read_lexicoder(text: str, path, strict: bool) -> Lexicon:
    """Lexicoder 3 ``.lc3``: ``+category`` lines (a ``#RRGGBB`` colour after the name is left
    out), each followed by its patterns, one a line."""
    b = _Builder(path, strict, loose_ids=True)
    root = _Node(None)
    current = None
    for i, raw in enumerate(text.splitlines(), start=1):
        t = re.sub(r"[\x00-\x1f\x7f]", "", raw).strip()
        if not t:
            continue
        if t.startswith("+"):
            name = re.sub(r"#[0-9A-Fa-f]{6}$", "", t[1:]).strip()
            if not name:
                b.problem("a '+' line without a category name.", "Write '+name'.", i)
                current = None
                continue
            current = root.child(name, i)
            continue
        if current is None:
            b.problem(f"pattern {t!r} comes before any '+category' line.",
                      "Start the file with a '+name' line.", i)
            continue
        current.values.append((t, i))
    _add_tree(b, root)
    return b.finish(name=Path(path).stem, format="lexicoder", hyphen_variants=False)


def _read_csv(text: str, path, strict: bool) -> Lexicon:
    b = _Builder(path, strict)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    if not rows:
        raise LexiconError(f"{path}: empty file.", path=path)
    header = [h.strip().lower() for h in rows[0]]
    if "category" not in header or "pattern" not in header:
        raise LexiconError(f"{path}:1: a CSV lexicon needs the columns 'category' and "
                           f"'pattern' in its header (found {rows[0]}).", path=path, line=1)
    ci, pi = header.index("category"), header.index("pattern")
    xi = header.index("exclude") if "exclude" in header else None
    li = header.index("label") if "label" in header else None
    gi = header.index("language") if "language" in header else None
    order: dict[str, dict] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            b.problem(f"row has {len(row)} fields, the header {len(header)}.",
                      "Quote fields that contain commas.", n)
            continue
        cat = row[ci].strip()
        d = order.setdefault(cat, {"line": n, "patterns": [], "exclude": [], "label": ""})
        is_excl = xi is not None and row[xi].strip().lower() in ("true", "yes", "1")
        lang = row[gi].strip() or None if gi is not None else None
        d["exclude" if is_excl else "patterns"].append((row[pi], n, lang))
        if li is not None and row[li].strip():
            d["label"] = row[li].strip()
    for cat, d in order.items():
        b.add(cat, d["patterns"], line=d["line"], exclude=d["exclude"], label=d["label"])
    return b.finish(name=Path(path).stem, format="csv", hyphen_variants=True)


# --------------------------------------------------------------------------- writing
#: The format :func:`write_lexicon` writes for a file extension.
WRITE_SUFFIXES = {".yml": "frameshift", ".yaml": "frameshift", ".csv": "csv", ".dic": "liwc",
                  ".cat": "wordstat", ".ykd": "yoshikoder", ".lcd": "yoshikoder",
                  ".lc3": "lexicoder"}


def write_lexicon(lexicon: Lexicon, path, *, format: str | None = None) -> Path:
    """Write a lexicon in any format of :data:`LEXICON_FORMATS`.

    The format is ``format``, or else the extension's (:data:`WRITE_SUFFIXES`): ``.yml`` /
    ``.yaml`` frameshift YAML (``format="quanteda"`` for a quanteda YAML dictionary), ``.csv``,
    ``.dic`` LIWC (2015 layout: nested categories indented by tabs), ``.cat`` WordStat,
    ``.ykd``/``.lcd`` Yoshikoder, ``.lc3`` Lexicoder 3.

    Patterns are written as they were read, so reading the file back gives the same
    categories (same ids, parents and nesting) and patterns. Imported lexicons written to
    frameshift YAML keep their exact matching with ``hyphen_variants: false``. The
    dictionary formats have no exclusions, regular expressions or gaps: a lexicon using them
    is refused (one :class:`LexiconError` naming each such pattern); what they cannot hold
    but does not change which words are patterns -- definitions, examples, languages,
    hyphen variants -- is dropped with one :class:`LexiconWarning`. Lexicoder files are flat:
    nested categories are written under their full ids (``economy.pos``).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from frameshift.lexicon import lexicon_from_dict, read_lexicon
    >>> lex = lexicon_from_dict({"reint": ["reintegration"], "coercion": ["coerc*"]})
    >>> p = write_lexicon(lex, pathlib.Path(tempfile.mkdtemp()) / "frames.yml")
    >>> read_lexicon(p).category_ids
    ['reint', 'coercion']
    """
    from frameshift.errors import check_path_argument

    check_path_argument(path, "path", "write_lexicon")
    if not hasattr(lexicon, "categories"):
        raise ArgumentTypeError(f"write_lexicon(): lexicon must be a Lexicon, got "
                                f"{type(lexicon).__name__}. Read one with read_lexicon(...) "
                                "or build one with lexicon_from_dict(...).")
    path = Path(path)
    fmt = format or WRITE_SUFFIXES.get(path.suffix.lower(), "frameshift")
    if fmt not in LEXICON_FORMATS:
        raise LexiconError(f"cannot write format {fmt!r}; use one of "
                           f"{', '.join(LEXICON_FORMATS)}.")
    if fmt in _DICTIONARY_WRITERS:
        text = _DICTIONARY_WRITERS[fmt](_export_tree(lexicon, fmt))
        atomic_write_bytes(path, text.encode("utf-8"))
        return path
    if fmt == "csv":
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\n")
        langs = bool(lexicon.languages)
        w.writerow(["category", "pattern", "exclude", "label"] + (["language"] if langs else []))
        for c in lexicon.categories:
            for excl, pats in (("false", c.patterns), ("true", c.exclude)):
                for p in pats:
                    w.writerow([c.id, _written(p, lexicon), excl, c.label]
                               + ([p.language or ""] if langs else []))
        atomic_write_bytes(path, buf.getvalue().encode("utf-8"))
        return path
    doc = {"name": lexicon.name, "version": lexicon.version,
           "description": lexicon.description, "citation": lexicon.citation}
    if not lexicon.hyphen_variants:
        doc["hyphen_variants"] = False
    cats = []
    for c in lexicon.categories:
        d = {"id": c.id, "label": c.label}
        if c.parent:
            d["parent"] = c.parent
        if c.definition:
            d["definition"] = c.definition
        plain, terms = _yaml_terms(c.patterns)
        if plain or not terms:
            d["patterns"] = plain
        if terms:
            d["terms"] = terms
        if c.exclude:
            plain, terms = _yaml_terms(c.exclude)
            d["exclude"] = plain if not terms else (
                [p.text if p.language is None else {"pattern": p.text, "language": p.language}
                 for p in c.exclude])
        if c.examples:
            d["examples"] = {k: list(v) for k, v in c.examples.items()}
        if c.source:
            d["source"] = c.source
        cats.append(d)
    doc["categories"] = cats
    atomic_write_bytes(path, yaml.safe_dump(doc, sort_keys=False, allow_unicode=True,
                                            width=100).encode("utf-8"))
    return path


def _written(p: Pattern, lexicon: Lexicon) -> str:
    return p.text


def _yaml_terms(patterns):
    """(``patterns:`` list, ``terms:`` mapping) that read back to ``patterns`` in order.

    Patterns without a language come first as plain strings and the others follow grouped by
    language (``terms: {ru: [...]}``) when that keeps their order; otherwise every pattern is
    one list item, ``{pattern: ..., language: ...}`` where it has a language.
    """
    plain = [p for p in patterns if p.language is None]
    rest = list(patterns[len(plain):])
    langs: dict = {}
    for p in rest:
        langs.setdefault(p.language, []).append(p)
    grouped = [p for ps in langs.values() for p in ps]
    if list(patterns[:len(plain)]) == plain and grouped == rest:
        return [p.text for p in plain], {k: [p.text for p in ps] for k, ps in langs.items()}
    return [p.text if p.language is None else {"pattern": p.text, "language": p.language}
            for p in patterns], {}


# -- dictionary formats -----------------------------------------------------------------
_FORMAT_NAMES = {"quanteda": "a quanteda YAML dictionary", "liwc": "a LIWC .dic file",
                 "wordstat": "a WordStat .cat file", "yoshikoder": "a Yoshikoder .ykd file",
                 "lexicoder": "a Lexicoder .lc3 file"}


def _export_tree(lexicon: Lexicon, fmt: str) -> _Node:
    """The lexicon as a tree of keys (by :meth:`Lexicon.path_of`) with plain pattern texts;
    a :class:`LexiconError` for what the format cannot hold, one warning for what it drops."""
    import warnings

    from .model import LexiconWarning

    what = _FORMAT_NAMES[fmt]
    bad, dropped = [], set()
    root = _Node(None)
    for c in lexicon.categories:
        if c.exclude:
            bad.append(f"category {c.id!r} has exclusions ({', '.join(p.text for p in c.exclude)})")
        path = lexicon.path_of(c.id) if fmt != "lexicoder" else (c.id,)
        node = root
        for seg in path:
            node = node.child(seg)
        node.line = True  # a category of its own (declared even when empty)
        node.label = c.label if c.label not in ("", c.id, path[-1]) else ""
        for p in c.patterns:
            if p.kind == "regex":
                bad.append(f"category {c.id!r}: {p.text!r} is a regular expression")
                continue
            if any(isinstance(w, tuple) for w in p.words):
                bad.append(f"category {c.id!r}: {p.text!r} has a gap")
                continue
            text = p.text.strip()
            text = text[1:].strip() if text.startswith("=") else text
            if p.language:
                dropped.add("the language of each term")
            node.values.append(text)
        if c.definition or c.examples:
            dropped.add("definitions and examples")
    if bad:
        raise LexiconError(f"lexicon {lexicon.name!r} cannot be written as {what}, which has "
                           f"no exclusions, regular expressions or gaps: " + "; ".join(bad)
                           + ". Write frameshift YAML (.yml) or CSV instead, or remove them.")
    if lexicon.hyphen_variants:
        dropped.add("hyphen variants (the format's patterns match exactly)")
    if dropped:
        warnings.warn(f"{what} cannot hold {', '.join(sorted(dropped))}: left out.",
                      LexiconWarning, stacklevel=3)
    return root


def _write_quanteda(root: _Node) -> str:
    def doc(node):
        if not node.children:
            return list(node.values)
        sub = {name: doc(child) for name, child in node.children.items()}
        if node.values:  # a key with values and sub-keys: its values under "__" (as.yaml)
            sub["__"] = list(node.values)
        return sub

    return yaml.safe_dump({name: doc(child) for name, child in root.children.items()},
                          sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)


def _write_liwc(root: _Node) -> str:
    heads, ids, words = [], {}, {}

    def walk(node, depth):
        for name, child in node.children.items():
            if re.search(r"[\t\r\n]", name):
                raise LexiconError(f"category {name!r} cannot be written to a LIWC file.")
            n = len(ids) + 1
            ids[id(child)] = n
            label = f"\t({child.label})" if child.label else ""
            heads.append("\t" * depth + f"{n}\t{name}{label}")
            for v in child.values:
                words.setdefault(v, [])
                if n not in words[v]:
                    words[v].append(n)
            walk(child, depth + 1)

    walk(root, 0)
    body = [f"{w}\t" + "\t".join(str(n) for n in ns) for w, ns in words.items()]
    return "%\n" + "\n".join(heads) + "\n%\n" + "".join(line + "\n" for line in body)


def _write_wordstat(root: _Node) -> str:
    out = []

    def walk(node, depth):
        for name, child in node.children.items():
            if re.search(r" \(\d\)$", name) or re.search(r"[\t\r\n]", name):
                raise LexiconError(f"category {name!r} cannot be written to a WordStat file "
                                   f"(a name ending in ' (1)' reads as a pattern).")
            out.append("\t" * depth + name)
            for v in child.values:
                out.append("\t" * (depth + 1) + f"{v} (1)")
            walk(child, depth + 1)

    walk(root, 0)
    return "".join(line + "\n" for line in out)


def _write_yoshikoder(root: _Node) -> str:
    from xml.sax.saxutils import quoteattr

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<dictionary style="050805" patternengine="substring">']

    def walk(node, depth):
        for name, child in node.children.items():
            pad = "\t" * depth
            out.append(f'{pad}<cnode name={quoteattr(name)} desc={quoteattr(child.label)}>')
            for v in child.values:
                out.append(f"{pad}\t<pnode name={quoteattr(v)}/>")
            walk(child, depth + 1)
            out.append(f"{pad}</cnode>")

    walk(root, 1)
    out.append("</dictionary>")
    return "\n".join(out) + "\n"


def _write_lexicoder(root: _Node) -> str:
    out = []
    for name, child in root.children.items():
        out.append(f"+{name}")
        out.extend(child.values)
    return "".join(line + "\n" for line in out)


_DICTIONARY_WRITERS = {"quanteda": _write_quanteda, "liwc": _write_liwc,
                       "wordstat": _write_wordstat, "yoshikoder": _write_yoshikoder,
                       "lexicoder": _write_lexicoder}
