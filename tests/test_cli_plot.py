"""``frameshift plot KIND --data TABLE.csv --out FILE`` draws a user's own table (issue 18)."""

import pandas as pd
import pytest

from frameshift.cli import main


@pytest.fixture
def counts_csv(tmp_path):
    # a user's own counts: two speakers, two frames (per_1000 = 1000 * count / tokens)
    path = tmp_path / "my_counts.csv"
    pd.DataFrame({"speaker": ["Ana", "Ana", "Ben", "Ben"],
                  "category": ["economy", "security"] * 2,
                  "count": [3, 1, 0, 2], "tokens": [200, 200, 400, 400],
                  "per_1000": [15.0, 5.0, 0.0, 5.0]}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("kind, suffix, magic", [("profile", ".png", b"\x89PNG"),
                                                 ("heatmap", ".pdf", b"%PDF"),
                                                 ("profile", ".svg", b"<?xml")])
def test_plot_writes_the_figure(counts_csv, tmp_path, kind, suffix, magic, capsys):
    out = tmp_path / f"fig{suffix}"
    assert main(["plot", kind, "--data", str(counts_csv), "--by", "speaker",
                 "--out", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    assert (tmp_path / f"fig{suffix}.provenance.json").is_file()
    assert f"wrote {out}" in capsys.readouterr().out


def test_plot_unit_column_is_guessed_when_there_is_no_actor(counts_csv, tmp_path):
    assert main(["plot", "profile", "--data", str(counts_csv), "--out",
                 str(tmp_path / "p.png")]) == 0


def test_plot_size_is_used(counts_csv, tmp_path):
    from PIL import Image

    out = tmp_path / "wide.png"
    assert main(["plot", "profile", "--data", str(counts_csv), "--size", "6,2", "--dpi", "100",
                 "--out", str(out)]) == 0
    assert Image.open(out).size == (600, 200)


def test_plot_keyness_table(tmp_path):
    data = tmp_path / "key.csv"
    pd.DataFrame({"term": ["tax", "jobs", "war", "peace"], "count_target": [9, 5, 0, 1],
                  "count_reference": [1, 1, 6, 7], "score": [2.5, 1.2, -2.2, -1.9]}
                 ).to_csv(data, index=False)
    assert main(["plot", "keyness", "--data", str(data), "--target", "Ana",
                 "--reference", "Ben", "--out", str(tmp_path / "k.png")]) == 0


def test_plot_key_terms_table(tmp_path, monkeypatch):
    # a document-level keyness table as `frameshift keyness --out` writes it: "law" (p_adjusted
    # 0.02 < 0.05) is the one filled marker; "union" (p 0.4) the second target term; "peace"
    # the reference term; "war" has no p (not tested) and is left out -- by hand from the rule
    # of plotting.key_terms_frame (rank each side by p, drop untested terms)
    from frameshift import plotting

    data = tmp_path / "key.csv"
    pd.DataFrame({"term": ["law", "union", "peace", "war"], "log_ratio": [1.5, 0.2, -2.0, -0.5],
                  "ci_low": [0.5, -1.0, -3.5, None], "ci_high": [2.5, 1.4, -0.5, None],
                  "score": [3.1, 0.2, -2.5, -1.0], "p": [0.01, 0.4, 0.002, None],
                  "p_adjusted": [0.02, 0.4, 0.008, None]}).to_csv(data, index=False)
    seen = {}
    real_save = plotting.save_figure

    def save(ax, path, **kw):
        seen["terms"] = [t.get_text() for t in ax.get_yticklabels()]
        seen["filled"] = sorted(ln.get_label().split(" ", 1)[1] for ln in ax.lines
                                if ln.get_label().startswith("_point")
                                and ln.get_markerfacecolor() != "white")
        return real_save(ax, path, **kw)

    monkeypatch.setattr(plotting, "save_figure", save)
    out = tmp_path / "kt.png"
    assert main(["plot", "key-terms", "--data", str(data), "--target", "Ana",
                 "--reference", "Ben", "--dpi", "50", "--out", str(out)]) == 0
    assert seen["terms"] == ["law", "union", "peace"]
    assert seen["filled"] == ["law", "peace"]  # p_adjusted 0.02 and 0.008 < 0.05
    from PIL import Image

    assert Image.open(out).size == (170, 210)  # the default 3.4 x 4.2 inches at 50 dpi


def test_plot_errors_name_the_file_and_the_fix(counts_csv, tmp_path, capsys):
    assert main(["plot", "profile", "--data", str(counts_csv), "--value", "rate",
                 "--out", str(tmp_path / "p.png")]) == 2
    err = capsys.readouterr().err
    assert "my_counts.csv" in err and "['rate']" in err and "--value" in err
    assert "Traceback" not in err
    assert main(["plot", "profile", "--data", str(tmp_path / "none.csv"),
                 "--out", str(tmp_path / "p.png")]) == 2
    assert "none.csv: no such file" in capsys.readouterr().err
    assert main(["plot", "profile", "--data", str(counts_csv),
                 "--out", str(tmp_path / "p.jpg")]) == 2
    assert ".png, .pdf or .svg" in capsys.readouterr().err
    assert main(["plot", "profile", "--data", str(counts_csv), "--size", "big",
                 "--out", str(tmp_path / "p.png")]) == 2
    assert "--size 3.4,2.6" in capsys.readouterr().err


def test_plot_never_overwrites_a_foreign_file_or_its_input(counts_csv, tmp_path, capsys):
    theirs = tmp_path / "keep.png"
    theirs.write_bytes(b"theirs")
    assert main(["plot", "profile", "--data", str(counts_csv), "--out", str(theirs)]) == 2
    assert theirs.read_bytes() == b"theirs"
    assert "--force" in capsys.readouterr().err


def test_plot_ntr_table(tmp_path):
    data = tmp_path / "ntr.csv"
    pd.DataFrame({"Year": [2001, 2005, 2009, 2013], "novelty": [None, 0.6, 0.7, 0.5],
                  "transience": [0.5, 0.6, 0.4, None], "resonance": [None, 0.0, 0.3, None]}
                 ).to_csv(data, index=False)
    assert main(["plot", "ntr", "--data", str(data), "--value", "Year",
                 "--out", str(tmp_path / "n.png")]) == 0


def test_corpus_info_options_have_help_text(capsys):
    """Issue 18: --id-col and friends had no help text under `corpus info`."""
    with pytest.raises(SystemExit):
        main(["corpus", "info", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for opt, words in (("--id-col COL", "statement id column"), ("--text-col COL", "text column"),
                       ("--actor-col COL", "actor column"), ("--date-col COL", "date column"),
                       ("--date-format", "dayfirst")):
        assert f"{opt} {words}" in out or (opt == "--date-format" and words in out), opt
