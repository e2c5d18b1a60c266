"""Explorer pages on the inaugural corpus: size in bytes and time to interactive in headless
Chromium (issue 19). Not a test; results go in benchmarks/README.md.

Run: .venv/bin/python benchmarks/explorer.py [--repeat 3] [--keep DIR]

Time to interactive = ``performance.now()`` when the page's script has drawn every view
(``window.fsReadyMs``; the clock starts at navigation), best and median of --repeat fresh
loads in one browser. Baseline in the same run: a page of the same byte size whose script only
parses the same JSON block (so the ratio says what drawing the views costs over merely
loading the data).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,900")


def _driver(profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in FLAGS + (f"--user-data-dir={profile}",):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def _load(driver, path: Path, repeat: int) -> list:
    out = []
    for _ in range(repeat):
        driver.get("about:blank")
        driver.get(path.as_uri())  # returns after the load event, i.e. after the inline script
        for _ in range(200):
            ms = driver.execute_script("return window.fsReadyMs === undefined ? null : "
                                       "window.fsReadyMs")
            if ms is not None:
                break
            time.sleep(0.05)
        out.append(float(ms))
    return out


def _screenshot(png: Path) -> int:
    import frameshift as fs
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "karabakh.html"
        page.write_text(fs.explore(fs.read_corpus("karabakh_2023"), "karabakh_framing").html,
                        encoding="utf-8")
        driver = _driver(Path(work) / "profile")
        try:
            driver.set_window_size(1100, 1650)
            driver.get(page.as_uri())
            driver.find_element(By.CSS_SELECTOR, 'td.cell[data-group="nk_authorities"]'
                                '[data-category="coercion"]').click()
            driver.find_element(By.CSS_SELECTOR, "#kwic-lines tr.line td.kw a").click()
            for sid in ("az_presidency/2023-03-27", "nk_authorities/2023-03-28"):
                driver.find_element(By.CSS_SELECTOR, f'circle.dot[data-statement="{sid}"]').click()
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(str(png))
        finally:
            driver.quit()
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="folder to keep the pages in")
    ap.add_argument("--screenshot", metavar="PNG",
                    help="only write the README screenshot (Karabakh page, a cell and a line "
                         "clicked, two statements chosen) to PNG")
    args = ap.parse_args(argv)
    if args.screenshot:
        return _screenshot(Path(args.screenshot))
    sys.path.insert(0, str(HERE))
    import frameshift as fs
    from frameshift.explorer.page import _embed_json

    corpus = fs.read_corpus("inaugural")
    work = Path(args.keep or tempfile.mkdtemp(prefix="fs-explorer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cases = [("karabakh_framing", "actor"), ("karabakh_framing", "Party"),
             (str(HERE / "synthetic_9000.yml"), "actor")]
    rows = []
    with tempfile.TemporaryDirectory() as profile:
        driver = _driver(profile)
        try:
            for lex, by in cases:
                t0 = time.perf_counter()
                page = fs.explore(corpus, fs.read_lexicon(lex), by=by)
                build = time.perf_counter() - t0
                name = f"inaugural_{Path(lex).stem}_{by}.html"
                path = work / name
                path.write_text(page.html, encoding="utf-8")
                base = work / ("baseline_" + name)
                base.write_text(
                    "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                    "<script type='application/json' id='fs-data'>" + _embed_json(page.data)
                    + "</script><script>JSON.parse(document.getElementById('fs-data')"
                    ".textContent);window.fsReadyMs=performance.now();</script></body></html>",
                    encoding="utf-8")
                t_page = _load(driver, path, args.repeat)
                t_base = _load(driver, base, args.repeat)
                rows.append((name, len(page.html.encode("utf-8")), len(page.data["matches"]),
                             len(page.data["shifts"]), build, min(t_page),
                             statistics.median(t_page), min(t_base)))
        finally:
            driver.quit()
    print("| page | bytes | matches | shift pairs | build s | interactive ms (best / median) "
          "| baseline ms | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, size, nm, npairs, build, best, med, base in rows:
        print(f"| {name} | {size:,} | {nm:,} | {npairs} | {build:.1f} | {best:.0f} / {med:.0f} "
              f"| {base:.0f} | {best / base:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
