"""``--levels`` on the commands that match (count, hits, ...), as quanteda's ``levels=``."""

import io

import pandas as pd

from frameshift.cli import main

# A nested dictionary in quanteda's YAML: two top keys, each with sub keys.
NESTED = """\
economy:
  jobs: [jobs, work]
  trade: [trade, tariff*]
security:
  army: [army]
"""
TEXTS = ("statement_id,actor,text\n"
         "s1,a,\"Jobs and trade. More work, tariffs and trade.\"\n"
         "s2,b,\"The army has work.\"\n")


def _count(tmp_path, capsys, *extra):
    (tmp_path / "dict.yml").write_text(NESTED, encoding="utf-8")
    (tmp_path / "st.csv").write_text(TEXTS, encoding="utf-8")
    status = main(["count", "--corpus", str(tmp_path / "st.csv"), "--lexicon",
                   str(tmp_path / "dict.yml"), "--by", "actor", *extra])
    out, err = capsys.readouterr()
    return status, out, err


def test_levels_1_pools_the_sub_keys(tmp_path, capsys):
    status, out, _ = _count(tmp_path, capsys, "--levels", "1")
    assert status == 0
    t = pd.read_csv(io.StringIO(out)).set_index(["actor", "category"])["count"]
    # by hand: s1 has jobs, work (economy.jobs) + trade, tariffs, trade (economy.trade) = 5;
    # s2 has work (economy) and army (security)
    assert t[("a", "economy")] == 5 and t[("a", "security")] == 0
    assert t[("b", "economy")] == 1 and t[("b", "security")] == 1


def test_levels_2_keeps_the_sub_keys(tmp_path, capsys):
    status, out, _ = _count(tmp_path, capsys, "--levels", "2")
    assert status == 0
    t = pd.read_csv(io.StringIO(out)).set_index(["actor", "category"])["count"]
    assert sorted(set(t.index.get_level_values("category"))) == ["army", "jobs", "trade"]
    assert t[("a", "jobs")] == 2 and t[("a", "trade")] == 3 and t[("b", "army")] == 1


def test_bad_levels_is_one_line_and_exit_2(tmp_path, capsys):
    status, _, err = _count(tmp_path, capsys, "--levels", "0,x")
    assert status == 2
    assert err.strip().splitlines()[-1].startswith("frameshift: error: --levels 0,x:")
