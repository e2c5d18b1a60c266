"""Saved web pages (HTML) of news articles: the main text, headline, date and byline.

The extraction is trafilatura's (main-text detection, boilerplate removal, metadata from
``<meta>`` tags, JSON-LD and ``<time>`` elements), installed with the ``news`` extra
(``pip install 'frameshift[news]'``). Nothing is fetched: the page is read from its file and
trafilatura is given the decoded text, never a URL.

The result is an article as :func:`frameshift.news.read_news` reads it from a text file: the
headline on the first line, then the paragraphs of the main text separated by blank lines
(a line break inside a paragraph stays a line break). Quote offsets are offsets into this
extracted text; the provenance of each article (file, SHA-256 of its bytes, extraction tool and
version, the encoding used) travels with it (``Corpus.meta["articles"]``).

Large pages. A page saved "complete" (scripts, style sheets, images inlined as ``data:`` URIs,
the comment thread) is parsed once, by trafilatura's loader; the metadata is read from the whole
page; then scripts (but JSON ones), style sheets and the comment threads trafilatura would
remove first anyway are taken out of the parsed page before its text extraction runs
(:func:`_preclean`). The result is the same as trafilatura's on the raw page (tested on the
pages of the tests, checked on 109 stored pages of trafilatura's own test set), and a long
comment thread no longer costs time growing with its square. The rest of trafilatura's work
grows with the number of elements of the page (menus, teasers), not its bytes: see
``benchmarks/html_scale.py``.

Hostile pages get a clear error, never a hang: a page over :data:`MAX_HTML_BYTES`, an element
with more than :data:`MAX_ATTRIBUTES` attributes (libxml2 checks attributes pairwise), bytes that
no encoding reads, a page with no main text.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from frameshift.errors import CorpusError, EncodingError, InputNotReadableError, OptionError

__all__ = ["HTML_SUFFIXES", "MAX_HTML_BYTES", "HtmlArticle", "extract_html_article",
           "read_html_article"]

#: File name endings read as saved web pages.
HTML_SUFFIXES = (".html", ".htm")
#: Largest saved page read (bytes; trafilatura's own default cap is the same). Reading takes
#: about 0.1-0.3 s per MB of a page saved with its images and scripts, up to ~1 s per MB of
#: markup (menus, teasers) on a shared 2-core machine (``benchmarks/html_scale.py``).
MAX_HTML_BYTES = 20_000_000
#: Most attributes one element may have. The HTML parser compares each attribute with every
#: earlier one of its element, so 30,000 of them take seconds and 200,000 minutes; no page
#: written for a browser has more than a few dozen.
MAX_ATTRIBUTES = 1000

_INSTALL = "pip install 'frameshift[news]'  (or: pip install trafilatura lxml_html_clean)"
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                         re.I)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
                          re.I)
_BOMS = ((codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_BE, "utf-16-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"))
_SEPARATORS_RE = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


@dataclass(frozen=True)
class HtmlArticle:
    """A news article extracted from a saved web page.

    ``text`` is the article as frameshift reads it (headline, blank line, paragraphs separated
    by blank lines); ``headline``, ``date`` (``YYYY-MM-DD`` or None), ``byline`` (the authors,
    ``; ``-separated, or None), ``sitename`` and ``url`` come from the page's metadata;
    ``encoding`` says how the bytes were decoded (and why, when the page declared another);
    ``sha256`` is the hash of the page's bytes; ``extractor`` and ``extractor_version`` name
    the tool.
    """

    text: str
    headline: str | None
    date: str | None
    byline: str | None
    sitename: str | None
    url: str | None
    encoding: str
    sha256: str
    extractor: str
    extractor_version: str

    def provenance(self) -> dict:
        """The fields that say where the text came from (everything but ``text``)."""
        return {k: getattr(self, k) for k in ("headline", "date", "byline", "sitename", "url",
                                               "encoding", "sha256", "extractor",
                                               "extractor_version")}


def _trafilatura():
    try:
        import trafilatura
    except ImportError as err:
        raise OptionError(
            f"reading saved web pages (.html, .htm) needs trafilatura, which is not installed "
            f"({err}). Install the news extra: {_INSTALL}; or save the article as a .txt file "
            f"(headline on the first line).") from None
    return trafilatura


def _known(name: bytes | str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.decode("ascii") if isinstance(name, bytes) else name).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_html(data: bytes, path=None) -> tuple[str, str]:
    """Decode a page's bytes: ``(text, how)``.

    A byte-order mark decides; else bytes that are valid UTF-8 are read as UTF-8 (a page
    declaring ``iso-8859-1`` but saved as UTF-8 is common, the reverse almost never reads as
    valid UTF-8); else the charset the page declares, if the bytes read in it; else the best
    guess of charset_normalizer (a dependency of trafilatura). ``how`` says which.

    Examples
    --------
    >>> decode_html('<meta charset="iso-8859-1"><p>“Yes”</p>'.encode("utf-8"))
    ('<meta charset="iso-8859-1"><p>“Yes”</p>', 'utf-8 (the page declares iso8859-1)')
    >>> decode_html('<meta charset="windows-1252"><p>caf\\xe9</p>'.encode("cp1252"))[1]
    'cp1252 (declared)'
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), f"{enc.replace('-sig', '')} (byte-order mark)"
            except UnicodeDecodeError as err:
                raise EncodingError(
                    f"{path or 'page'}: starts with a {enc} byte-order mark but byte "
                    f"{err.start} is not valid {enc}. Re-save the page as UTF-8.",
                    path=path) from err
    head = data[:65536]
    m = _XML_DECL_RE.search(head) or _CHARSET_RE.search(head)
    declared = _known(m.group(1)) if m else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared in (None, "utf-8") or text.isascii():
            return text, "utf-8"
        return text, f"utf-8 (the page declares {declared})"
    if declared not in (None, "utf-8"):
        try:
            return data.decode(declared), f"{declared} (declared)"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:2_000_000]).best()
    except ImportError:  # pragma: no cover - installed with trafilatura
        best = None
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            said = f"declares {declared}" if declared else "declares no charset"
            return text, f"{_known(best.encoding) or best.encoding} (guessed; the page {said})"
    raise EncodingError(
        f"{path or 'page'}: the bytes are not valid UTF-8"
        + (f" nor {declared} (the charset the page declares)" if declared else "")
        + " and no encoding reads them. Open the page in a browser and save it again (as "
          "'Web page, HTML only'), or convert it, e.g. `iconv -f cp1252 -t utf-8 IN > OUT`.",
        path=path)


def _check_attributes(text: str, path) -> None:
    """Refuse an element with more than :data:`MAX_ATTRIBUTES` attributes (linear scan).

    A tag runs from ``<`` to the next ``>`` or ``<``; its ``=`` signs are counted, in the tags
    longer than the limit only (one regular-expression pass, then ``str.count``).
    """
    if text.count("=") <= MAX_ATTRIBUTES:
        return
    for m in re.finditer(r"<[^<>]{%d,}" % (MAX_ATTRIBUTES + 1), text):
        if text.count("=", m.start(), m.end()) > MAX_ATTRIBUTES:
            line = text.count("\n", 0, m.start()) + 1
            raise CorpusError(
                f"{path or 'page'}:{line}: an HTML element with more than {MAX_ATTRIBUTES:,} "
                f"attributes; no page written for a browser has that many, and parsing it "
                f"would take minutes. Save the page again from a browser, or save the article "
                f"text as a .txt file.", path=path, line=line)


def _lines(el) -> str:
    """The text of an extracted element, its ``<lb/>`` kept as line breaks, blanks collapsed."""
    parts: list[str] = []

    def walk(node):
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_BLOCKS = {"p", "head", "quote", "item", "cell"}


def _paragraphs(body) -> list[str]:
    out: list[str] = []

    def visit(el):
        kids = [k for k in el if k.tag in _BLOCKS or k.tag in ("list", "row", "div", "table")]
        if el.tag in _BLOCKS and not any(k.tag in _BLOCKS | {"list"} for k in el):
            text = _lines(el)
        elif kids:
            for k in kids:
                visit(k)
            return
        else:
            text = _lines(el)
        if text:
            out.append(text)

    for el in body:
        if el.tag in ("graphic", "ref"):
            continue
        visit(el)
    return out


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """The headline without a trailing '| Site' or '- Site | date' part naming the site."""
    if not title:
        return None
    title = " ".join(title.split())
    if sitename:
        names = {s.casefold().strip() for s in re.split(r"[|;,]", sitename) if s.strip()}
        names |= {re.sub(r"\.(?:com|org|net|am|az|ge|ru|info|eu|co\.uk|de)$", "", n)
                  for n in names}
        for m in _SEPARATORS_RE.finditer(title):
            rest = title[m.end():]
            first = _SEPARATORS_RE.split(rest)[0].casefold().strip()
            if first in names and m.start() > 0:
                return title[:m.start()].strip()
    return title


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


#: trafilatura's options for every page: the article's text only (no comments, tables,
#: images or links' targets), no deduplication across pages, the date as published.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": False,
                        "include_images": False, "include_links": False, "deduplicate": False,
                        "date_extraction_params": _DATE_PARAMS}


def _prepare_text(text: str) -> str:
    """The page as parsed: without an XML declaration, which lxml refuses in a str."""
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)


def _comment_sections():
    """The rule by which trafilatura removes comment threads from the raw page, or None.

    With comments off, trafilatura (2.x versions that prune the raw tree:
    ``REMOVE_COMMENTS_AND_LISTS_XPATH``) deletes every ``div``, ``section``, ``details``,
    ``ol``, ``ul`` whose id or class names a comment thread before any extractor reads the
    page -- but through an XPath whose time grows with the square of the number of matches
    (1 s at 5 MB of comments, 4.6 s at 10 MB). The same test in one pass over the elements
    removes them first, so the XPath finds none. Other versions: None (nothing removed here).
    """
    try:
        from trafilatura import xpaths
        ids, classes = xpaths._COMMENTS_ID, xpaths._COMMENTS_CLASS
        if not hasattr(xpaths, "REMOVE_COMMENTS_AND_LISTS_XPATH"):
            return None
        from trafilatura.core import _forum_thread_page
    except (ImportError, AttributeError):
        return None
    return (re.compile(f"^(?:{ids}|disqus_thread|dsq-comments)"), re.compile(f"^(?:{ids})"),
            re.compile(classes), _forum_thread_page)


def _preclean(tree) -> None:
    """Remove from the parsed page what no step of trafilatura's text extraction reads.

    Scripts (but JSON ones: JSON-LD metadata, forum detection) and style sheets: every
    extractor trafilatura runs (its own, readability, justext, the baseline, the page-length
    measure) deletes them first, keeping the text after them, as ``drop_tree`` does here. And,
    comments being off, the comment threads trafilatura removes before any extractor reads the
    page (:func:`_comment_sections`), unless one holds an ``<h1>`` (trafilatura's own pruning
    of infinite-scroll containers, done first, looks for one) or the page is a forum thread.
    The metadata (title, date, byline) is read before, from the whole page: htmldate may take a
    date from a script.
    """
    for el in list(tree.iter("script", "style")):
        if el.tag == "script" and "json" in (el.get("type") or "").lower():
            continue
        if el.getparent() is not None:
            el.drop_tree()
    rule = _comment_sections()
    if rule is None:
        return
    by_id, list_by_id, by_class, forum = rule
    if forum(tree):  # a forum thread: the "comments" are its posts, trafilatura keeps them
        return
    hits = []
    for el in tree.iter("div", "section", "details", "ol", "ul"):
        ident, cls = el.get("id"), el.get("class")
        test_id = list_by_id if el.tag in ("ol", "ul") else by_id
        if (ident is not None and test_id.search(ident)) or \
                (cls is not None and by_class.search(cls)):
            hits.append(el)
    if any(el.find(".//h1") is not None for el in hits):
        return
    for el in hits:
        if el.getparent() is not None:
            el.drop_tree()


def _extract(trafilatura, text: str):
    """``(doc, meta)``: trafilatura's text extraction and metadata of the page (or Nones).

    The page is parsed once, by trafilatura's own loader; the metadata is read from the whole
    page (``extract_metadata``, with the arguments ``bare_extraction`` gives it); then the page
    is pre-cleaned (:func:`_preclean`) and given, as a tree, to ``bare_extraction`` without
    metadata and, as before, without a URL (with links and images off, trafilatura uses the
    page's URL only to make links absolute and in log lines). The result is the one
    ``bare_extraction(text, with_metadata=True)`` gives, in less time on a large page (tested
    on the pages of the tests; benchmarks/html_scale.py).
    """
    load, metadata = (getattr(trafilatura, n, None) for n in ("load_html", "extract_metadata"))
    if load is None or metadata is None:  # not in this version: the one call, on the raw page
        doc = trafilatura.bare_extraction(text, with_metadata=True, **_TRAFILATURA_OPTIONS)
        return doc, doc
    tree = load(text)
    if tree is None:
        return None, None
    try:
        meta = metadata(tree, None, dict(_DATE_PARAMS), False, set())
    except (TypeError, ValueError):  # bare_extraction gives None for these: so do we
        return None, None
    _preclean(tree)
    doc = trafilatura.bare_extraction(tree, with_metadata=False, **_TRAFILATURA_OPTIONS)
    return doc, meta


def extract_html_article(html: str | bytes, *, path=None) -> HtmlArticle:
    """Extract the article of a saved web page (trafilatura; nothing is fetched).

    Parameters
    ----------
    html : str or bytes
        The page. Bytes are decoded by :func:`decode_html`.
    path : optional
        The file, named in errors.

    Returns
    -------
    HtmlArticle

    Raises
    ------
    CorpusError
        The page has no main text, is too large or is not HTML a browser would write.
    OptionError
        trafilatura is not installed (the message says how to install it).

    Examples
    --------
    >>> page = ('<html><head><title>Talks offered | Daily Report</title>'
    ...         '<meta property="og:site_name" content="Daily Report">'
    ...         '<meta property="article:published_time" content="2024-05-07T09:30:00+04:00">'
    ...         '<meta name="author" content="Ani Petrosyan"></head><body>'
    ...         '<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
    ...         '<h1>Talks offered</h1><p>On Monday Baku said it wants "peace now", '
    ...         'and it repeated the offer in a statement released in the evening.</p>'
    ...         '<p>Yerevan has not answered the offer yet, the ministry told reporters '
    ...         'on Tuesday morning.</p></article><footer>© Daily Report</footer>'
    ...         '</body></html>')
    >>> art = extract_html_article(page)
    >>> print(art.text)
    Talks offered
    <BLANKLINE>
    On Monday Baku said it wants "peace now", and it repeated the offer in a statement released in the evening.
    <BLANKLINE>
    Yerevan has not answered the offer yet, the ministry told reporters on Tuesday morning.
    <BLANKLINE>
    >>> art.headline, art.date, art.byline, art.extractor
    ('Talks offered', '2024-05-07', 'Ani Petrosyan', 'trafilatura')
    """
    trafilatura = _trafilatura()
    data = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    where = path or "page"
    if len(data) > MAX_HTML_BYTES:
        raise InputNotReadableError(
            f"{where}: is {len(data):,} bytes, more than the {MAX_HTML_BYTES:,} bytes of the "
            f"largest saved page frameshift reads. Save the page as 'Web page, HTML only' (not "
            f"complete, with images inline), or save the article text as a .txt file.",
            path=path)
    sha = hashlib.sha256(data).hexdigest()
    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))
    if not isinstance(html, str) and not wide and b"\x00" in data and \
            data.strip(b"\x00\t\n\r "):
        raise CorpusError(f"{where}: has NUL bytes; it is not a web page saved as text (a "
                          f"binary file named .html?). Give the page as saved by a browser.",
                          path=path)
    if isinstance(html, str):
        text, how = html, "str"
    else:
        text, how = decode_html(data, path)
    if "\x00" in text[:4096] and not text.strip("\x00").strip():
        text = ""
    if not text.strip():
        raise CorpusError(f"{where}: the page is empty. Give a saved web page of the article.",
                          path=path)
    if "\x00" in text:
        raise CorpusError(f"{where}: has NUL bytes; it is not a web page saved as text (a "
                          f"binary file named .html?). Give the page as saved by a browser.",
                          path=path)
    _check_attributes(text, path)
    text = _prepare_text(text)
    loggers = [logging.getLogger(n) for n in ("trafilatura", "htmldate", "courlan", "justext")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:  # trafilatura logs each page it discards; the error below says it once
        lg.setLevel(logging.CRITICAL + 1)
    try:
        doc, meta = _extract(trafilatura, text)
    except RecursionError:
        doc = meta = None
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)
    return _article(doc, meta, where=where, path=path, encoding=how, sha=sha,
                    version=getattr(trafilatura, "__version__", "unknown"))


def _article(doc, meta, *, where, path, encoding, sha, version) -> HtmlArticle:
    """The article of trafilatura's result: ``doc`` gives the body, ``meta`` the metadata."""
    body = getattr(doc, "body", None) if doc is not None else None
    paragraphs = _paragraphs(body) if body is not None else []
    sitename = getattr(meta, "sitename", None) or None
    headline = _clean_title(getattr(meta, "title", None), sitename)
    if headline and all(_norm(p) == _norm(headline) for p in paragraphs):
        paragraphs = []  # nothing but the title: the text was lost (or there is none)
    if not paragraphs:
        raise CorpusError(
            f"{where}: no article text found in this page (trafilatura {version} found no "
            f"main text: a page of links, a page that loads its text by script, or not HTML). "
            f"Save the page again once its text shows in the browser, or copy the article "
            f"text into a .txt file (headline on the first line).", path=path)
    same = [i for i, p in enumerate(paragraphs[:3]) if headline and _norm(p) == _norm(headline)]
    if same and len(paragraphs) > 1:  # the page's <h1> repeats the title: it becomes line 1
        del paragraphs[same[0]]
    if headline and _norm(paragraphs[0]) != _norm(headline):
        paragraphs = [headline, *paragraphs]
    article = "\n\n".join(paragraphs) + "\n"
    date = getattr(meta, "date", None) or None
    if date is not None:
        try:
            date = _dt.date.fromisoformat(str(date)[:10]).isoformat()
        except ValueError:
            date = None
    return HtmlArticle(text=article, headline=paragraphs[0].split("\n")[0] if headline else None,
                       date=date, byline=getattr(meta, "author", None) or None,
                       sitename=sitename, url=getattr(meta, "url", None) or None,
                       encoding=encoding, sha256=sha, extractor="trafilatura",
                       extractor_version=version)


def read_html_article(path) -> HtmlArticle:
    """Read a saved web page of a news article (see :func:`extract_html_article`).

    The file must be a regular file (no pipe or device) of at most :data:`MAX_HTML_BYTES`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> page = ('<html><head><title>Offer</title></head><body><article><h1>Offer</h1>'
    ...         '<p>Baku said on Monday that it wants "peace now" and that talks could start '
    ...         'within a month, according to a statement.</p></article></body></html>')
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d, "offer.html")
    ...     _ = p.write_text(page, encoding="utf-8")
    ...     art = read_html_article(p)
    >>> art.text.splitlines()[0], art.encoding, len(art.sha256)
    ('Offer', 'utf-8', 64)
    """
    from frameshift.files import read_input_bytes

    import os
    import stat

    path = Path(path)
    _trafilatura()  # the install hint before reading a large file
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        st = None  # read_input_bytes says what is wrong
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size > MAX_HTML_BYTES:
        raise InputNotReadableError(
            f"{path}: is {st.st_size:,} bytes, more than the {MAX_HTML_BYTES:,} bytes of the "
            f"largest saved page frameshift reads. Save the page as 'Web page, HTML only' (not "
            f"complete, with images inline), or save the article text as a .txt file.",
            path=path)
    data = read_input_bytes(path, what="saved web page")
    return extract_html_article(data, path=path)
