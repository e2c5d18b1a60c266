"""Article inputs of :func:`frameshift.news.read_news`: text files, saved web pages, folders.

A folder stands for every article in it (``.txt``, ``.html``, ``.htm``; not its subfolders),
in the order of their file names; other files are skipped and named in one warning (hidden
files, whose names start with a dot, silently). Like a corpus folder, an article folder is a
confinement: a symbolic link leading out of it is refused. Each article carries its
provenance (file, SHA-256 of the bytes, format, headline, date, byline, extraction tool), which
``read_news`` keeps as ``Corpus.meta["articles"]``.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from frameshift.errors import CorpusError, InputNotFoundError, OptionError
from frameshift.files import outside_folder

from .html import HTML_SUFFIXES, read_html_article

__all__ = ["ARTICLE_SUFFIXES", "ARTICLE_COLUMNS", "Article", "article_files", "expand_articles",
           "read_article", "text_article", "articles_table"]

#: File name endings read as articles in a folder (any case).
ARTICLE_SUFFIXES = (".txt",) + HTML_SUFFIXES
#: Columns of ``Corpus.meta["articles"]``, the provenance of each article.
ARTICLE_COLUMNS = ["source", "file", "format", "sha256", "headline", "date", "byline",
                   "sitename", "url", "encoding", "extractor", "extractor_version"]


@dataclass
class Article:
    """One article: its text (headline on the first line), source id and provenance."""

    text: str
    source: str
    info: dict = field(default_factory=dict)

    @property
    def date(self) -> str | None:
        """The publication date the page gives (``YYYY-MM-DD``), for a saved web page."""
        return self.info.get("date")


def _inside(folder: Path, target: Path) -> None:
    real = outside_folder(folder, target)
    if real is not None:
        raise CorpusError(
            f"{target}: is a symbolic link to {real}, outside the article folder {folder}. "
            f"frameshift reads only files inside an article folder: copy the file into it, or "
            f"give the file itself as an article.", path=target)


def article_files(folder) -> tuple[list[Path], list[str]]:
    """The article files of ``folder`` in name order, and the names of the others skipped.

    Subfolders are skipped too (named with a trailing ``/``); hidden files are left out of
    both lists. A symbolic link that leads out of the folder is an error.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for name in ("b.html", "a.txt", "notes.pdf", ".hidden", "C.HTM"):
    ...         _ = pathlib.Path(d, name).write_text("x")
    ...     files, skipped = article_files(d)
    ...     [f.name for f in files], skipped
    (['C.HTM', 'a.txt', 'b.html'], ['notes.pdf'])
    """
    folder = Path(folder)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        raise InputNotFoundError(f"{folder}: cannot list the article folder "
                                 f"({getattr(err, 'strerror', None) or err}).",
                                 path=folder) from err
    files, skipped = [], []
    for p in entries:
        if p.name.startswith("."):
            continue
        if p.suffix.lower() not in ARTICLE_SUFFIXES:
            skipped.append(p.name + ("/" if p.is_dir() else ""))
            continue
        _inside(folder, p)
        if p.is_dir():
            skipped.append(p.name + "/")
            continue
        files.append(p)
    return files, skipped


def expand_articles(items: list) -> list:
    """``items`` with each folder replaced by its article files (:func:`article_files`).

    Warns once per folder naming the files skipped; a folder without articles is an error.
    """
    out: list = []
    for item in items:
        if isinstance(item, (str, Path)) and "\n" not in str(item) and len(str(item)) < 4096 \
                and str(item).strip() and Path(item).is_dir():
            folder = Path(item)
            files, skipped = article_files(folder)
            if not files:
                raise CorpusError(
                    f"{folder}: no articles in this folder (files ending "
                    f"{', '.join(ARTICLE_SUFFIXES)})"
                    + (f"; it has {', '.join(skipped[:5])}" if skipped else "") +
                    ". Give a folder of articles, or the article files themselves.",
                    path=folder)
            if skipped:
                shown = ", ".join(skipped[:8]) + (", ..." if len(skipped) > 8 else "")
                warnings.warn(f"{folder}: skipped {len(skipped)} file(s) that are not articles "
                              f"({'/'.join(ARTICLE_SUFFIXES)}): {shown}", UserWarning,
                              stacklevel=3)
            out.extend(files)
        else:
            out.append(item)
    return out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_article(path) -> Article:
    """Read one article file: a saved web page (``.html``, ``.htm``) or UTF-8 text.

    The source id is the file stem. A web page's text is extracted by
    :func:`frameshift.news.html.read_html_article`; a text file is taken as written (headline
    on the first line).
    """
    from frameshift.files import decode_bytes, read_input_bytes

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputNotFoundError(f"{path}: no such article file. Give a UTF-8 text file "
                                 "(headline on the first line), a saved web page (.html) or "
                                 "the article text.", path=path)
    if path.suffix.lower() in HTML_SUFFIXES:
        page = read_html_article(path)
        info = {"file": str(path), "format": "html", **page.provenance()}
        return Article(page.text, path.stem, info)
    data = read_input_bytes(path)  # refuses folders, pipes, devices
    text = decode_bytes(data, path)
    if not text.strip():
        raise CorpusError(f"{path}: the article file is empty. Give a text with the "
                          f"headline on the first line.", path=path)
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        named = f"named {path.suffix}" if path.suffix else "named with no extension"
        warnings.warn(f"{path}: looks like a saved web page but is {named}; read as plain "
                      f"text. Rename it .html to extract the article text.", UserWarning,
                      stacklevel=3)
    first = text.lstrip().split("\n", 1)[0].strip()
    return Article(text, path.stem, {"file": str(path), "format": "text",
                                     "sha256": _sha256(data), "headline": first or None,
                                     "encoding": "utf-8"})


def text_article(text: str, source: str) -> Article:
    """An article given as text (no file)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    return Article(text, source, {"file": None, "format": "text",
                                  "sha256": _sha256(text.encode("utf-8")),
                                  "headline": first or None})


def articles_table(articles: list[Article], dates: list | None = None):
    """The provenance of ``articles`` as a table (:data:`ARTICLE_COLUMNS`); ``dates`` are the
    article dates used (given, from the file name or from the page)."""
    import pandas as pd

    rows = []
    for k, a in enumerate(articles):
        row = {c: a.info.get(c) for c in ARTICLE_COLUMNS}
        row["source"] = a.source
        if dates is not None:
            d = dates[k]
            row["date"] = d.isoformat() if hasattr(d, "isoformat") else d
        rows.append(row)
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS).astype(object).where(
        lambda df: df.notna(), None)


def check_unique(articles: list[Article]) -> None:
    """Two articles with the same source id (``a.txt`` and ``a.html``) are an error."""
    seen: dict = {}
    for a in articles:
        if a.source in seen:
            other = seen[a.source]
            raise OptionError(
                f"two articles have the source id {a.source!r}"
                + (f" ({other} and {a.info.get('file')})" if other and a.info.get("file")
                   else "") + ". Rename one file.")
        seen[a.source] = a.info.get("file") or a.source


def site_outlet(article: Article, registry) -> str | None:
    """The registry actor a web page's site name or address names, if one does."""
    names = [article.info.get("sitename"), article.info.get("url")]
    names = [n for n in names if n]
    if not names or registry is None or not len(registry):
        return None
    wanted = set()
    for n in names:
        n = n.casefold().strip()
        n = re.sub(r"^https?://(?:www\.)?", "", n).split("/")[0]
        wanted |= {n, re.sub(r"\.[a-z]{2,4}$", "", n)}
    for aid, name, aliases in zip(registry["id"], registry["name"], registry["aliases"]):
        forms = {str(aid), str(name)}
        forms |= set(aliases if isinstance(aliases, (tuple, list)) else
                     str(aliases or "").split("|"))
        if {f.casefold().strip() for f in forms if f} & wanted:
            return str(aid)
    return None
