"""The explorer page: its tables are the library's, its bytes are stable, its text is escaped,
and (in headless Chromium) what a click shows agrees with find_matches and shift."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import frameshift as fs
from frameshift.cli import main

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
HOSTILE = 'He said </script><img src=x onerror="alert(1)"> & <!-- coercion --> again.'


def _toy():
    # Hand-checked: "We reject coercion." has 3 word tokens (punctuation is not a token, as in
    # the count_matches doctest); "Coercion, coercion and talks." has 4.
    df = pd.DataFrame({"statement_id": ["a", "b", "c"], "actor": ["baku", "nk", "nk"],
                       "date": ["2023-03-27", "2023-03-28", "2023-03-29"],
                       "text": ["We reject coercion.", "Coercion, coercion and talks.",
                                HOSTILE]})
    return fs.from_frame(df, name="toy")


LEX = {"coercion": ["coerc*"], "talks": ["talks"]}


def _data(page) -> dict:
    m = re.search(r'<script type="application/json" id="fs-data">(.*?)</script>', page.html,
                  re.S)
    return json.loads(m.group(1))


def test_cells_are_the_counts_worked_by_hand():
    page = fs.explore(_toy(), LEX, n_boot=20, n_perm=20)
    d = _data(page)
    assert [g["key"] for g in d["groups"]] == ["baku", "nk"]
    assert [c["id"] for c in d["categories"]] == ["coercion", "talks"]
    # baku: 1 coercion in 3 tokens -> 1000/3 per 1,000. nk: b and c (the tokens of the markup
    # in c are the tokenizer's business, so its token total is taken from the tokenizer).
    assert d["cells"][0][0][:3] == [1, 0, 3]
    assert d["cells"][0][0][3] == pytest.approx(1000 / 3)
    nk_tokens = int(fs.corpus_tokens(_toy()).n_tokens()[1:].sum())
    assert d["cells"][1][0][:3] == [3, 0, nk_tokens]  # coercion x2 in b, once in c
    assert d["cells"][1][1][:3] == [1, 0, nk_tokens]


def test_kwic_lines_are_the_rows_of_find_matches():
    c = _toy()
    d = _data(fs.explore(c, LEX, n_boot=20, n_perm=20))
    m = fs.find_matches(c, LEX)
    cols = d["match_columns"]
    got = sorted((d["statements"][r[0]]["id"], d["categories"][r[1]]["id"], r[3],
                  r[cols.index("source_start")]) for r in d["matches"])
    want = sorted(zip(m["statement_id"], m["category"], m["match"], m["char_start"]))
    assert got == want
    # the highlighted span of the statement text is the keyword
    for r in d["matches"]:
        text = d["statements"][r[0]]["text"]
        assert text[r[cols.index("text_start")]:r[cols.index("text_end")]] == r[3]


def test_max_lines_bounds_the_lines_not_the_counts():
    d = _data(fs.explore(_toy(), LEX, n_boot=0, n_perm=0, max_lines=1))
    nk_coercion = [r for r in d["matches"] if r[1] == 0 and d["statements"][r[0]]["group"] == "nk"]
    assert len(nk_coercion) == 1 and nk_coercion[0][3] == "Coercion"  # the first of b
    assert d["cells"][1][0][0] == 3


def test_max_total_lines_lowers_the_cell_limit():
    # cells: baku coercion 1, nk coercion 3, nk talks 1 -> 5 lines; a total of 3 leaves a cap of
    # 1 per cell (1 + 1 + 1), by hand
    d = _data(fs.explore(_toy(), LEX, n_boot=0, n_perm=0, max_total_lines=3))
    assert len(d["matches"]) == 3 and d["max_lines"] == 1
    assert sum(c[0] for row in d["cells"] for c in row) == 5


def test_same_inputs_same_bytes():
    a = fs.explore(_toy(), LEX, n_boot=50, n_perm=50).html
    b = fs.explore(_toy(), LEX, n_boot=50, n_perm=50).html
    assert a == b


def test_text_is_escaped_and_nothing_is_fetched():
    page = fs.explore(_toy(), LEX, n_boot=20, n_perm=20, title="<b>study</b> & </script>")
    html = page.html
    # only the two closing tags of the page's own script blocks
    assert html.count("</script") == 2
    assert "<img" not in html and "<!-- coercion" not in html and "<b>study" not in html
    assert "&lt;b&gt;study&lt;/b&gt; &amp; &lt;/script&gt;" in html
    # the text survives intact inside the data
    assert _data(page)["statements"][2]["text"] == HOSTILE
    # nothing to fetch: no external script, style, image or link, and a CSP forbidding it
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:|//)', html)
    assert "<link" not in html
    assert "default-src 'none'" in html


def test_shift_tables_kept_whole_by_column_name():
    c = _toy()
    d = _data(fs.explore(c, LEX, n_boot=50, n_perm=50, seed=3))
    with pytest.warns(fs.ShortTextWarning):
        t = fs.shift(c, LEX, pairs="all", n_boot=50, n_perm=50, seed=3)
    assert [(p["from"], p["to"]) for p in d["shifts"]] == [("a", "b"), ("a", "c"), ("b", "c")]
    p = d["shifts"][0]
    assert set(p["columns"]) == set(t.columns) - {"from", "to"}
    want = t[(t["from"] == "a") & (t["to"] == "b")]
    iv, im, ic = (p["columns"].index(k) for k in ("value", "measure", "category"))
    got = {(r[im], r[ic]): r[iv] for r in p["rows"]}
    for mm, cc, v in zip(want["measure"], want["category"], want["value"]):
        key = (mm, None if pd.isna(cc) else cc)
        assert (got[key] is None) if pd.isna(v) else got[key] == pytest.approx(v, rel=0, abs=0)


def test_bad_group_column_names_the_valid_ones():
    with pytest.raises(fs.OptionError, match="Valid columns: statement_id, actor"):
        fs.explore(_toy(), LEX, by="party")


def test_cli_writes_page_and_provenance_and_keeps_foreign_files(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["explore", "--n-boot", "20", "--n-perm", "20", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    prov = json.loads((tmp_path / "report.html.provenance.json").read_text())
    assert prov["corpus"]["name"] == "karabakh_2023" and prov["lexicon"]["sha256"]
    foreign = tmp_path / "mine.html"
    foreign.write_text("keep me")
    assert main(["explore", "--n-boot", "0", "--n-perm", "0", "--out", str(foreign)]) == 2
    assert foreign.read_text() == "keep me"
    assert "not written by frameshift" in capsys.readouterr().err


def test_repr_html_is_an_isolated_frame():
    page = fs.explore(_toy(), LEX, n_boot=0, n_perm=0)
    r = page._repr_html_()
    assert r.startswith("<iframe srcdoc=\"") and "</script" not in r


# --------------------------------------------------------------------------- in a browser
def _browser_or_skip():
    have = os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)
    try:
        import selenium  # noqa: F401
    except ImportError:
        have = False
    if not have:
        if os.environ.get("FRAMESHIFT_REQUIRE_BROWSER"):
            pytest.fail("FRAMESHIFT_REQUIRE_BROWSER is set but Chromium, chromedriver or "
                        "selenium is missing (apt-get install chromium chromium-driver).")
        pytest.skip("needs Debian's chromium and chromium-driver and selenium")


@pytest.fixture
def browser():
    _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="fs-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
              "--window-size=1200,3000"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shoot(driver, tmp_path, name):
    where = Path(os.environ.get("FRAMESHIFT_SCREENSHOTS", tmp_path))
    where.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(where / name))


def _interval_shown_as_in_the_table(element, row):
    """The page shows the table's interval, or -- where the table has none (NaN, e.g. Baku's
    one-sentence invitation) -- no number and the table's reason (``ci_method``)."""
    from selenium.webdriver.common.by import By

    if pd.isna(row["ci_low"]):
        assert element.find_elements(By.CSS_SELECTOR, "span.lo") == []
        noci = element.find_element(By.CSS_SELECTOR, "span.noci")
        assert noci.text == "(no interval)" and noci.get_attribute("title") == row["ci_method"]
    else:
        lo = element.find_element(By.CSS_SELECTOR, "span.lo").get_attribute("data-value")
        assert float(lo) == row["ci_low"]


@pytest.mark.slow
def test_browser_cell_kwic_passage_and_shift_agree_with_the_library(browser, tmp_path):
    from selenium.webdriver.common.by import By

    corpus = fs.read_corpus("karabakh_2023")
    lex = fs.read_lexicon("karabakh_framing")
    path = tmp_path / "karabakh.html"
    fs.explore(corpus, lex, n_boot=200, n_perm=200, seed=1).save(path)
    browser.get(path.as_uri())
    assert browser.execute_script("return window.fsReady") is True

    # a cell -> its KWIC lines are the find_matches rows of that actor and category
    cell = browser.find_element(
        By.CSS_SELECTOR, 'td.cell[data-group="nk_authorities"][data-category="coercion"]')
    cell.click()
    lines = browser.find_elements(By.CSS_SELECTOR, "#kwic-lines tr.line")
    m = fs.find_matches(corpus, lex)
    want = m[(m["actor"] == "nk_authorities") & (m["category"] == "coercion")]
    assert len(want) == int(cell.get_attribute("data-count")) > 0
    assert [l.find_element(By.CSS_SELECTOR, "td.kw").text for l in lines] == list(want["match"])
    assert [int(l.get_attribute("data-source-start")) for l in lines] == list(want["char_start"])

    # a line -> the statement and the article passage, the match highlighted
    lines[0].find_element(By.CSS_SELECTOR, "td.kw a").click()
    first = want.iloc[0]
    assert browser.find_element(By.CSS_SELECTOR, "#statement-text mark").text == first["match"]
    src = corpus.source_text(first["source_id"])
    assert browser.find_element(By.CSS_SELECTOR, "#source-passage mark").text == \
        src[first["char_start"]:first["char_end"]]
    _shoot(browser, tmp_path, "explorer_kwic.png")

    # two statements on the timeline -> the shift numbers are those of shift()
    a, b = "az_presidency/2023-03-27", "nk_authorities/2023-03-28"
    browser.find_element(By.CSS_SELECTOR, f'circle.dot[data-statement="{a}"]').click()
    browser.find_element(By.CSS_SELECTOR, f'circle.dot[data-statement="{b}"]').click()
    with pytest.warns(fs.ShortTextWarning):
        t = fs.shift(corpus, lex, pairs=[(a, b)], n_boot=200, n_perm=200, seed=1)
    view = browser.find_element(By.ID, "shift-view")
    jsd = t[(t["measure"] == "jsd")].iloc[0]
    li = view.find_element(By.CSS_SELECTOR, 'li[data-measure="jsd"]')
    assert float(li.find_element(By.CSS_SELECTOR, "span.value").get_attribute("data-value")) \
        == jsd["value"]
    _interval_shown_as_in_the_table(li, jsd)
    checked = 0
    for row in view.find_elements(By.CSS_SELECTOR, "table.shift tbody tr"):
        cat = row.get_attribute("data-category")
        for measure in ("rate_diff", "jsd_contribution", "introduced", "dropped"):
            span = row.find_element(By.CSS_SELECTOR, f"td.{measure} span.value")
            exp = t[(t["measure"] == measure) & (t["category"] == cat)]["value"].iloc[0]
            assert float(span.get_attribute("data-value")) == exp, (cat, measure)
            checked += 1
        rd = t[(t["measure"] == "rate_diff") & (t["category"] == cat)].iloc[0]
        _interval_shown_as_in_the_table(row.find_element(By.CSS_SELECTOR, "td.rate_diff"), rd)
    assert checked == 4 * len(lex.categories)
    _shoot(browser, tmp_path, "explorer_shift.png")

    # keyness search marks the term
    box = browser.find_element(By.ID, "keyness-search")
    box.send_keys("reintegration")
    assert browser.find_elements(By.CSS_SELECTOR, 'circle.term.hit[data-term="reintegration"]')


@pytest.mark.slow
def test_browser_shows_hostile_text_as_text(browser, tmp_path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "toy.html"
    fs.explore(_toy(), LEX, n_boot=0, n_perm=0).save(path)
    browser.get(path.as_uri())
    assert browser.execute_script("return window.fsReady") is True
    browser.find_element(By.CSS_SELECTOR,
                         'td.cell[data-group="nk"][data-category="coercion"]').click()
    lines = browser.find_elements(By.CSS_SELECTOR, "#kwic-lines tr.line")
    assert len(lines) == 3
    lines[2].find_element(By.CSS_SELECTOR, "td.kw a").click()
    assert browser.find_element(By.ID, "statement-text").text == HOSTILE
    assert not browser.find_elements(By.CSS_SELECTOR, "#app img")
