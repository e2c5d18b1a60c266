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

__all__ = ["lexicon_from_dict", "read_lexicon", "write_lexicon", "as_lexicon", "bundled_lexicons"]

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
    _add_quanteda(b, [(k, v, None) for k, v in mapping.items()], prefix="", parent=None,
                  plain=True)
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
                 strict: bool | None = None) -> Lexicon:
    """Read a lexicon file (format detected from its content) or a bundled lexicon by name.

    Parameters
    ----------
    path_or_name : str or path-like
        A file, or the name of a bundled lexicon (see :func:`bundled_lexicons`).
    format : {"frameshift", "quanteda", "liwc", "csv"}, optional
        Force a format instead of detecting it.
    strict : bool, optional
        Whether quality problems (empty categories, duplicate patterns, patterns that can
        never match) are errors. Default: True for frameshift YAML and CSV; False for
        quanteda and LIWC dictionaries, which are used as published (problems are then
        reported as one :class:`LexiconWarning`). Invalid or dangerous regular expressions
        and malformed files are always errors.

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
                        if q.suffix.lower() in (".yml", ".yaml", ".dic", ".csv"))[:5]
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

    # UTF-8 with or without BOM; errors name the byte offset, line and column (EncodingError).
    text = read_text_file(p)
    fmt = format or _detect_format(text, p)
    if fmt not in LEXICON_FORMATS:
        raise LexiconError(f"{p}: unknown lexicon format {fmt!r}; use one of "
                           f"{', '.join(LEXICON_FORMATS)}.", path=p)
    if strict is None:
        strict = fmt in ("frameshift", "csv")
    reader = {"frameshift": _read_frameshift_yaml, "quanteda": _read_quanteda_yaml,
              "liwc": _read_liwc, "csv": _read_csv}[fmt]
    return reader(text, p, strict)


def _detect_format(text: str, path: Path) -> str:
    stripped = text.lstrip()
    if stripped.startswith("%"):
        return "liwc"
    suffix = path.suffix.lower()
    if suffix == ".dic":
        return "liwc"
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


def _seq_entries(node, b: _Builder, cid: str, *, patterns: bool = True):
    """(text, line) entries of a list (or a single scalar) of patterns (or example texts)."""
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
            else:
                b.problem(f"category {cid!r}: a pattern must be a string.",
                          "Write each pattern as a quoted string.", _line(item))
        return out
    b.problem(f"category {cid!r}: patterns must be a list.",
              "Write patterns as a YAML list ('- word').", _line(node))
    return []


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
            b.add(cid, _seq_entries(c.get("patterns"), b, cid), line=line, label=s("label"),
                  definition=s("definition"), parent=s("parent") or None,
                  exclude=_seq_entries(c.get("exclude"), b, cid), examples=examples,
                  source=s("source"), exact=exact)
    name = meta.get("name") or Path(path).stem
    return b.finish(name=str(name), version=meta.get("version") or "",
                    description=meta.get("description") or "",
                    citation=meta.get("citation") or "", format="frameshift",
                    hyphen_variants=True if hv is None else bool(_scalar(hv)))


def _add_quanteda(b: _Builder, items, *, prefix: str, parent, plain: bool):
    """items: (key, value, line); value is a node (YAML) or python object (plain)."""
    for key, value, line in items:
        cid = f"{prefix}{key}"
        if plain:
            if isinstance(value, dict):
                _add_quanteda(b, [(k, v, None) for k, v in value.items()],
                              prefix=f"{cid}.", parent=cid, plain=True)
                continue
            values = [value] if isinstance(value, str) else list(value or [])
            b.add(cid, [(v, None) for v in values], parent=parent)
            continue
        if isinstance(value, yaml.MappingNode):
            _add_quanteda(b, _quanteda_items(b, value), prefix=f"{cid}.", parent=cid,
                          plain=False)
            continue
        if isinstance(value, yaml.SequenceNode):
            entries, subs = [], []
            for item in value.value:  # quanteda allows values and sub-keys in one list
                if isinstance(item, yaml.MappingNode):
                    subs.extend(_quanteda_items(b, item))
                elif isinstance(item, yaml.ScalarNode):
                    if not _entry_mistake(item, b, cid):
                        entries.append((item.value, _line(item)))
                else:
                    b.problem(f"category {cid!r}: a value must be a string.",
                              "Write each value as a quoted string.", _line(item))
            if entries or not subs:
                b.add(cid, entries, line=line, parent=parent, exact=False)
            _add_quanteda(b, subs, prefix=f"{cid}.", parent=cid, plain=False)
            continue
        entries = [] if value.tag.endswith(":null") or _entry_mistake(value, b, cid) \
            else [(value.value, _line(value))]
        b.add(cid, entries, line=line, parent=parent)


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
    b = _Builder(path, strict)
    _add_quanteda(b, _quanteda_items(b, root), prefix="", parent=None, plain=False)
    return b.finish(name=Path(path).stem, format="quanteda", hyphen_variants=False)


def _read_liwc(text: str, path, strict: bool) -> Lexicon:
    b = _Builder(path, strict)
    lines = text.splitlines()
    marks = [i for i, ln in enumerate(lines) if ln.strip() == "%"]
    if len(marks) < 2:
        raise LexiconError(f"{path}: a LIWC dictionary starts with a '%' line, lists "
                           f"'number<TAB>category' lines, and a second '%' line before the "
                           f"words; found {len(marks)} '%' line(s).", path=path)
    names: dict[str, tuple[str, str, int]] = {}
    for i in range(marks[0] + 1, marks[1]):
        ln = lines[i].strip()
        if not ln:
            continue
        parts = re.split(r"\t+|\s+", ln, maxsplit=1)
        if len(parts) < 2:
            b.problem(f"category line {ln!r} has no name.", "Write 'number<TAB>name'.", i + 1)
            continue
        num, rest = parts[0], parts[1].strip()
        label_m = re.search(r"\((.*)\)\s*$", rest)
        label = label_m.group(1) if label_m else ""
        cname = rest.split()[0] if rest.split() else rest
        names[num] = (cname, label, i + 1)
    members: dict[str, list] = {num: [] for num in names}
    cond = re.compile(r"^\(?[\d\s]*\)?(\d+)(?:/(\d+))?$")
    for i in range(marks[1] + 1, len(lines)):
        ln = lines[i].rstrip("\r")
        if not ln.strip():
            continue
        if "\t" in ln:
            fields = [f.strip() for f in ln.split("\t") if f.strip()]
            word, refs = fields[0], fields[1:]
        else:
            parts = ln.split()
            k = len(parts)
            while k > 1 and re.match(r"^[\d()/<>]+$", parts[k - 1]):
                k -= 1
            word, refs = " ".join(parts[:k]), parts[k:]
        joined = " ".join(refs)
        for ref in re.findall(r"\([\d\s]+\)\d+(?:/\d+)?|\d+", joined):
            num = ref
            if "(" in ref:
                m = cond.match(ref.replace(" ", ""))
                num = (m.group(2) or m.group(1)) if m else ref
                b.problem(f"conditional entry {word!r} ({ref}) is not supported; it is "
                          f"counted under category {num} only.",
                          "Split it into plain entries if another rule is needed.", i + 1,
                          kind="quality")
            num = num.lstrip("0") or "0"
            key = next((n for n in names if (n.lstrip("0") or "0") == num), None)
            if key is None:
                b.problem(f"word {word!r} refers to category {ref}, which is not declared.",
                          "Declare it between the two '%' lines.", i + 1)
                continue
            members[key].append((word, i + 1))
    for num, (cname, label, line) in names.items():
        b.add(cname, members[num], line=line, label=label or cname)
    return b.finish(name=Path(path).stem, format="liwc", hyphen_variants=False)


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
        d["exclude" if is_excl else "patterns"].append((row[pi], n))
        if li is not None and row[li].strip():
            d["label"] = row[li].strip()
    for cat, d in order.items():
        b.add(cat, d["patterns"], line=d["line"], exclude=d["exclude"], label=d["label"])
    return b.finish(name=Path(path).stem, format="csv", hyphen_variants=True)


# --------------------------------------------------------------------------- writing
def write_lexicon(lexicon: Lexicon, path, *, format: str | None = None) -> Path:
    """Write a lexicon as frameshift YAML (``.yml``/``.yaml``) or CSV (``.csv``).

    Patterns are written as they were read, so reading the file back gives the same
    categories and patterns. Imported (quanteda/LIWC) lexicons written to YAML keep their
    exact matching with ``hyphen_variants: false``.

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
    fmt = format or ("csv" if path.suffix.lower() == ".csv" else "frameshift")
    if fmt == "csv":
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["category", "pattern", "exclude", "label"])
        for c in lexicon.categories:
            for p in c.patterns:
                w.writerow([c.id, _written(p, lexicon), "false", c.label])
            for p in c.exclude:
                w.writerow([c.id, _written(p, lexicon), "true", c.label])
        atomic_write_bytes(path, buf.getvalue().encode("utf-8"))
        return path
    if fmt != "frameshift":
        raise LexiconError(f"cannot write format {fmt!r}; write 'frameshift' (YAML) or 'csv'.")
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
        d["patterns"] = [p.text for p in c.patterns]
        if c.exclude:
            d["exclude"] = [p.text for p in c.exclude]
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
