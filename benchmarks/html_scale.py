"""How reading a saved web page scales with its size (issue 15, real inputs).

Usage::

    .venv/bin/python benchmarks/html_scale.py                 # 1, 5, 10, 20 MB (~1 minute)
    .venv/bin/python benchmarks/html_scale.py --sizes 1 5     # some sizes only
    .venv/bin/python benchmarks/html_scale.py --raw           # also time trafilatura on the
                                                              # raw page (the old path; slow)
    .venv/bin/python benchmarks/html_scale.py --pages DIR     # also every .html/.htm of DIR
    .venv/bin/python benchmarks/html_scale.py --sizes --pages DIR --inflate 15
                                                              # only DIR's pages, each saved
                                                              # "complete" to 15 MB (inflate())
    .venv/bin/python benchmarks/html_scale.py --write DIR     # write the synthetic pages

A page saved "complete" in one file (a browser's "Web page, single file", the SingleFile
extension, an archive tool) carries far more than its article: the site's scripts and their
state as JSON, stylesheets, icons as inline SVG, every image as a ``data:`` URI, a mega-menu,
the comment thread, teasers of related articles. The synthetic pages here are built like that
(deterministic, seed 15), with the article of 1,200 words in an ``<article>`` and, by bytes:

=====================  =====  ====================================================
part                   share  what
=====================  =====  ====================================================
images (``data:``)     ~40 %  ``<img src="data:image/jpeg;base64,...">`` of 20-400 KB,
                              a ``srcset`` of two, CSS ``background:url(data:...)``
scripts                ~25 %  minified-looking code, a ``__NEXT_DATA__`` JSON state
                              (which repeats the article text), ``<p>`` inside strings
styles                 ~10 %  ``<style>`` rule sets, ``style=""`` attributes
inline SVG             ~8 %   icon sprites with long ``path d=``
navigation             ~5 %   a mega-menu of ``<li><a>`` (thousands of links)
comments               ~8 %   a thread of ``<div class="comment">`` with ``<p>`` text
related / footer       ~4 %   teaser cards with a headline and a paragraph each
=====================  =====  ====================================================

Timed, each in the same process and the same run (best of ``--repeat``):

* ``floor``: ``lxml.html.document_fromstring`` of the same (decoded) text -- parsing the page
  once, which any extractor must at least do;
* ``read``: :func:`frameshift.news.html.extract_html_article` on the page's bytes (decoding,
  the hostile-page checks, pre-cleaning, trafilatura, the article text);
* ``raw`` (with ``--raw``): what ``read`` did before -- decoding, the checks, then
  ``trafilatura.bare_extraction(text, with_metadata=True)`` with frameshift's options on the
  raw page, without the pre-cleaning (the attribute check in its new form, so the old one's
  cost, 0.4-0.9 s at 10 MB, is not counted); the benchmark then also checks that both give the
  same text, headline, date and byline.

Printed per page: MB, the floor's CPU seconds, ``read``'s wall-clock and CPU seconds, CPU
seconds per MB and ``read / floor`` (CPU), and with ``--raw`` the same for ``raw``, ``raw /
read`` (the speed-up) and whether both give the same article. A ratio that stays flat from 1 MB
to 20 MB means linear time. The machine is shared: wall-clock time carries the load of other
jobs (CPU time much less so); compare within one run. The first page of a process also pays
justext's stop lists (~0.4 s), so one small page is read before the clock.
"""

from __future__ import annotations

import argparse
import base64
import gc
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "analysis"))

WORDS = ("the minister said talks would resume next week after both delegations agreed on an "
         "agenda for the border commission and that the ceasefire held along the line of contact "
         "despite reports of shelling near villages in the region where residents have waited "
         "for months for roads water and electricity to be restored by the government officials "
         "told reporters on tuesday that the proposal remained on the table while opposition "
         "leaders called it a surrender and promised protests in the capital").split()

HEADLINE = "Border commission to meet next week, ministry says"


def _sentence(rng: random.Random, n: int | None = None) -> str:
    n = n or rng.randint(12, 28)
    s = " ".join(rng.choice(WORDS) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def _para(rng: random.Random, k: int | None = None) -> str:
    return " ".join(_sentence(rng) for _ in range(k or rng.randint(2, 4)))


def _b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(rng.randbytes(n * 3 // 4)).decode("ascii")


def article_paragraphs(seed: int = 15) -> list[str]:
    """The article body of the synthetic pages (about 1,200 words; the same at every size)."""
    rng = random.Random(seed)
    paras = [_para(rng) for _ in range(18)]
    paras[3] = ('"We will not accept any precondition," the minister said, adding that the '
                "commission would meet on Monday.")
    return paras


#: Shares of the page's bytes by part: a page saved with its images (``media``), and one whose
#: bulk is markup and text, a long comment thread and a big menu (``dom``).
MIXES = {"media": {"img": .40, "script": .25, "style": .10, "svg": .08, "nav": .05,
                   "comments": .08, "related": .04},
         "dom": {"img": .05, "script": .20, "style": .05, "svg": .05, "nav": .20,
                 "comments": .30, "related": .15}}


def make_page(size: int, seed: int = 15, mix: str = "media") -> str:
    """A saved page of at most ``size`` bytes (UTF-8; see the module docstring for its parts)."""
    page, scale = "", 0.97
    for _ in range(6):  # pieces are large: shrink the budget until the page fits
        page = _make_page(int(size * scale), seed, MIXES[mix])
        n = len(page.encode("utf-8"))
        if n <= size:
            break
        scale *= size / n * 0.995
    return page


def _make_page(size: int, seed: int, mix: dict) -> str:
    rng = random.Random(seed * 1_000_003 + size)
    paras = article_paragraphs(seed)
    budget = {k: int(size * v) for k, v in mix.items()}
    out: dict[str, list[str]] = {k: [] for k in budget}

    def fill(kind, make):
        got = 0
        while got < budget[kind]:
            piece = make()
            out[kind].append(piece)
            got += len(piece)

    fill("img", lambda: (f'<figure class="media"><img class="lazy" width="800" height="450" '
                         f'alt="{_sentence(rng, 6)}" src="data:image/jpeg;base64,'
                         f'{_b64(rng, rng.randint(20_000, 400_000))}" srcset="data:image/webp;'
                         f'base64,{_b64(rng, 8_000)} 480w, data:image/webp;base64,'
                         f'{_b64(rng, 12_000)} 800w"><figcaption>{_sentence(rng, 9)}'
                         f'</figcaption></figure>\n'))

    def script():
        if rng.random() < 0.3:
            state = {"props": {"pageProps": {"article": {"headline": HEADLINE, "body": [
                {"type": "p", "html": f"<p>{p}</p>"} for p in paras]}, "related": [
                {"title": _sentence(rng, 8), "teaser": _para(rng, 1), "id": rng.randrange(10**9)}
                for _ in range(rng.randint(50, 200))]}}}
            return (f'<script id="__NEXT_DATA__" type="application/json">'
                    f'{json.dumps(state)}</script>\n')
        body = ";".join(
            f"function f{rng.randrange(10**6)}(a,b){{var c=a<b?'<p class=\"x\">'+a+'</p>':"
            f"document.write('<div>'+b+'</div>');return c&&window.dataLayer.push({{e:'{w}'}})}}"
            for w in rng.choices(WORDS, k=rng.randint(200, 2_000)))
        return f"<script>{body}</script>\n"

    fill("script", script)
    fill("style", lambda: "<style>" + "".join(
        f".c{rng.randrange(10**6)} .x{i}>a:hover{{color:#{rng.randrange(16**6):06x};"
        f"margin:{rng.randint(0, 40)}px {rng.randint(0, 40)}px;background:url(data:image/png;"
        f"base64,{_b64(rng, 200)})}}" for i in range(rng.randint(100, 1_500))) + "</style>\n")
    fill("svg", lambda: '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">' + "".join(
        f'<symbol id="i{rng.randrange(10**6)}" viewBox="0 0 24 24"><path d="'
        + " ".join(f"M{rng.random() * 24:.3f} {rng.random() * 24:.3f}L{rng.random() * 24:.3f} "
                   f"{rng.random() * 24:.3f}" for _ in range(rng.randint(20, 200)))
        + '"/></symbol>' for _ in range(rng.randint(10, 60))) + "</svg>\n")
    fill("nav", lambda: '<li class="menu-item"><a href="/section/' + str(rng.randrange(10**6))
         + f'" style="color:#333">{" ".join(rng.choices(WORDS, k=2)).title()}</a><ul>'
         + "".join(f'<li><a href="/t/{rng.randrange(10**6)}">{rng.choice(WORDS).title()}</a></li>'
                   for _ in range(rng.randint(5, 30))) + "</ul></li>\n")
    fill("comments", lambda: f'<div class="comment" id="c{rng.randrange(10**9)}"><div class='
         f'"comment-author">user{rng.randrange(10**5)}</div><div class="comment-body"><p>'
         f'{_para(rng, rng.randint(1, 3))}</p></div><a class="reply" href="#">Reply</a></div>\n')
    fill("related", lambda: f'<div class="card"><a href="/news/{rng.randrange(10**6)}"><h3>'
         f'{_sentence(rng, 8)}</h3></a><p class="teaser">{_para(rng, 1)}</p></div>\n')

    # Scripts, styles and SVG sprites are spread through the page, as a bundler leaves them.
    scripts, styles, svgs, imgs = out["script"], out["style"], out["svg"], out["img"]
    half = len(scripts) // 2
    head = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{HEADLINE} | Daily Monitor</title>"
            '<meta property="og:site_name" content="Daily Monitor">'
            '<meta property="article:published_time" content="2024-05-07T09:30:00+04:00">'
            '<meta name="author" content="Ani Petrosyan">'
            '<script type="application/ld+json">' + json.dumps({
                "@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
                "datePublished": "2024-05-07", "author": {"@type": "Person",
                                                          "name": "Ani Petrosyan"}})
            + "</script>" + "".join(styles) + "".join(scripts[:half]) + "</head>\n")
    n_img = len(imgs)
    body_imgs = imgs[: max(1, n_img // 3)]
    other_imgs = imgs[len(body_imgs):]
    art = [f"<h1>{HEADLINE}</h1>", '<div class="byline">By Ani Petrosyan</div>']
    for i, p in enumerate(paras):
        art.append(f"<p>{p}</p>")
        if i % 6 == 2 and body_imgs:
            art.append(body_imgs.pop())
    art.extend(body_imgs)
    page = (head + "<body>" + "".join(svgs) + '<header><nav class="mega"><ul>'
            + "".join(out["nav"]) + "</ul></nav></header>"
            + '<div class="cookie-banner">We use cookies to improve your experience. '
              "<button>Accept all cookies</button></div>"
            + "<main><article>" + "".join(art) + "</article>"
            + '<aside class="related">' + "".join(other_imgs[: len(other_imgs) // 2])
            + "".join(out["related"]) + "</aside>"
            + '<section id="comments" class="comments"><h2>Comments</h2>'
            + "".join(out["comments"]) + "</section></main>"
            + "".join(other_imgs[len(other_imgs) // 2:])
            + "<footer><p>Copyright 2024 Daily Monitor. All rights reserved.</p></footer>"
            + "".join(scripts[half:]) + "</body></html>\n")
    return page


def inflate(html: str, size: int, seed: int = 15) -> str:
    """A real page as saved "complete" in one file, to about ``size`` bytes: each ``<img>``'s
    ``src`` becomes a ``data:`` URI of ~300 KB, each style sheet link an inline ``<style>``,
    and the page's own scripts are repeated inline (with a ~80 KB comment each) before
    ``</body>`` until the size is reached. The page's markup and text are left as they are."""
    rng = random.Random(seed)

    def img(m):
        return (m.group(1) + "data:image/jpeg;base64," + _b64(rng, 300_000) + m.group(3))

    def style(_m):
        return "<style>" + "".join(
            f".c{rng.randrange(10**6)}{{color:#{rng.randrange(16**6):06x};background:url("
            f"data:image/png;base64,{_b64(rng, 400)})}}" for _ in range(2000)) + "</style>"

    html = re.sub(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', img, html, flags=re.I)
    html = re.sub(r"<link\b[^>]*rel=\"?stylesheet\"?[^>]*>", style, html, flags=re.I)
    bodies = [m.group(1) for m in re.finditer(r"<script\b[^>]*>(.*?)</script>", html,
                                               flags=re.I | re.S)
              if "ld+json" not in m.group(0)[:200]] or ["var x = 1;"]
    extra, n = [], len(html.encode("utf-8"))
    while n < size:
        piece = f"<script>{rng.choice(bodies)};/*{_b64(rng, 80_000)}*/</script>\n"
        extra.append(piece)
        n += len(piece.encode("utf-8"))
    i = html.lower().rfind("</body>")
    i = i if i > 0 else len(html)
    return html[:i] + "".join(extra) + html[i:]


def _best(fn, repeat: int) -> tuple[float, float, object]:
    """``(wall, cpu, result)``: the best wall-clock and CPU seconds of ``repeat`` runs."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall, cpu = min(wall, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return wall, cpu, result


def _raw(data: bytes):
    """The path before the pre-cleaning, on the page's bytes: decoding, the hostile-page checks
    (the attribute check in its new, linear form), the hash, then trafilatura's one call
    ``bare_extraction(text, with_metadata=True)`` with frameshift's options on the raw page."""
    import hashlib

    import trafilatura

    from frameshift.news import html as fshtml
    text = fshtml._prepare_text(fshtml.decode_html(data)[0])
    fshtml._check_attributes(text, None)
    hashlib.sha256(data).hexdigest()
    return trafilatura.bare_extraction(text, with_metadata=True, **fshtml._TRAFILATURA_OPTIONS)


def _article_of(doc, name):
    """frameshift's article from the result of :func:`_raw` (body and metadata in one)."""
    from frameshift.news import html as fshtml
    return fshtml._article(doc, doc, where=name, path=None, encoding="", sha="", version="")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="*", default=[1, 5, 10, 20],
                    help="sizes of the synthetic pages in MB (default 1 5 10 20; none: only --pages)")
    ap.add_argument("--mixes", nargs="+", default=list(MIXES), choices=list(MIXES),
                    help="kinds of synthetic page (default: all)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--raw", action="store_true",
                    help="also time trafilatura on the raw page and compare the articles")
    ap.add_argument("--pages", type=Path, help="also every .html/.htm page of this folder")
    ap.add_argument("--inflate", type=float, metavar="MB",
                    help="read the --pages pages inflated to MB (see inflate())")
    ap.add_argument("--write", type=Path, help="write the synthetic pages to this folder")
    args = ap.parse_args(argv)

    import logging

    import lxml.html
    import trafilatura

    from frameshift.errors import FrameshiftError
    from frameshift.news.html import decode_html, extract_html_article

    logging.disable(logging.CRITICAL)
    print(f"trafilatura {trafilatura.__version__}, lxml {lxml.__version__}, "
          f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
    # justext loads its stop lists on the first page of a process (~0.4 s): not per page
    extract_html_article(make_page(50_000).encode("utf-8"))
    pages: list[tuple[str, bytes]] = []
    for mix in args.mixes:
        for mb in args.sizes:
            html = make_page(int(mb * 1_000_000), mix=mix)
            pages.append((f"{mix}-{mb:g}mb", html.encode("utf-8")))
            if args.write:
                args.write.mkdir(parents=True, exist_ok=True)
                (args.write / f"{mix}-{mb:g}mb.html").write_text(html, encoding="utf-8")
    if args.pages:
        for p in sorted(args.pages.iterdir()):
            if p.suffix.lower() not in (".html", ".htm") or not p.is_file():
                continue
            data = p.read_bytes()
            if args.inflate:
                try:
                    text = decode_html(data)[0]
                except FrameshiftError:
                    continue
                data = inflate(text, int(args.inflate * 1_000_000)).encode("utf-8")
            pages.append((p.name, data))
    cols = "page MB floor_cpu read_wall read_cpu cpu_s/MB read/floor"
    if args.raw:
        cols += " raw_wall raw_cpu raw/floor raw/read same"
    print("| " + " | ".join(cols.split()) + " |")
    print("|" + "---|" * len(cols.split()))
    for name, data in pages:
        mb = len(data) / 1e6
        try:
            text = decode_html(data)[0]
        except FrameshiftError as err:
            print(f"| {name} | {mb:.2f} | error: {err} |")
            continue
        _, floor, _ = _best(lambda: lxml.html.document_fromstring(text), args.repeat)
        try:
            wall, cpu, art = _best(lambda: extract_html_article(data, path=name), args.repeat)
        except FrameshiftError as err:
            wall = cpu = float("nan")
            art = f"error: {str(err)[:60]}"
        row = [name, f"{mb:.2f}", f"{floor:.3f}", f"{wall:.2f}", f"{cpu:.2f}",
               f"{cpu / mb:.3f}", f"{cpu / floor:.1f}"]
        if args.raw:
            raw_wall, raw_cpu, doc = _best(lambda: _raw(data), args.repeat)
            try:
                old = _article_of(doc, name)
            except FrameshiftError as err:
                old = f"error: {str(err)[:60]}"

            def key(a):
                return a if isinstance(a, str) else (a.text, a.headline, a.date, a.byline)
            row += [f"{raw_wall:.2f}", f"{raw_cpu:.2f}", f"{raw_cpu / floor:.1f}",
                    f"{raw_cpu / cpu:.1f}", "yes" if key(old) == key(art) else "NO"]
        print("| " + " | ".join(row) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
