"""A plain (non-editable) install carries the bundled data (issue 18).

``pip install .`` is how classroom JupyterHub images are built. Before issue 18 such an install
had no corpora ("bundled corpora: (none found)") because ``corpus/`` sits outside the import
package. This test builds the wheel, installs it into a fresh virtual environment and runs the
README's first example from another folder.

The fresh environment gets the wheel only (``--no-deps``); the third-party libraries are made
visible through a ``.pth`` line pointing at this interpreter's site-packages, so the test runs
offline in seconds. That line adds a plain folder: the editable-install hook of this checkout
(a ``.pth`` file of its own) is not run, so ``import frameshift`` can only find the wheel's copy,
which the test checks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

FIRST_EXAMPLE = """
import frameshift as fs
corpus = fs.read_corpus("karabakh_2023")
lexicon = fs.read_lexicon("karabakh_framing")
counts = fs.count_matches(corpus, lexicon, by="actor")
print("FILE", fs.__file__)
print("STATEMENTS", len(corpus))
print("COERCION", int(counts.query("category == 'coercion'")["count"].sum()))
print("INAUGURAL", len(fs.read_corpus("inaugural")))
import frameshift.plotting
print("STYLE", frameshift.plotting.STYLE_PATH.is_file())
print("SAVED", fs.save_figure(fs.plot_profile(counts), "profile.png").stat().st_size > 0)
"""


def _run(cmd, **kw):
    env = dict(os.environ)
    env.pop("FRAMESHIFT_CORPUS_DIR", None)
    env.pop("PYTHONPATH", None)
    env["MPLBACKEND"] = "Agg"
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    built = _run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(tmp / "dist"),
                  str(REPO)])
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheel = next((tmp / "dist").glob("frameshift-*.whl"))
    env = tmp / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    py = env / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
                .stdout.strip())
    (site / "_frameshift_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    inst = _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                 str(wheel)])
    assert inst.returncode == 0, inst.stdout[-3000:] + inst.stderr[-3000:]
    away = tmp / "elsewhere"
    away.mkdir()
    return {"python": py, "bin": env / "bin", "cwd": away, "build_log": built.stdout + built.stderr,
            "site": site}


@pytest.mark.slow
def test_readme_first_example_runs_from_the_wheel(installed):
    res = _run([str(installed["python"]), "-c", FIRST_EXAMPLE], cwd=installed["cwd"])
    assert res.returncode == 0, res.stderr[-3000:]
    out = dict(line.split(" ", 1) for line in res.stdout.splitlines() if " " in line)
    assert out["FILE"].startswith(str(installed["site"])), "imported the wheel, not the checkout"
    # the seed corpus: Baku's invitation, Stepanakert's reply, one more (corpus/karabakh_2023)
    assert out["STATEMENTS"] == "3"
    assert int(out["COERCION"]) >= 1   # "to impose their own political agenda through coercion"
    assert out["INAUGURAL"] == "60"    # the 60 US inaugural addresses (corpus/inaugural)
    assert out["STYLE"] == "True"
    assert out["SAVED"] == "True" and (installed["cwd"] / "profile.png").is_file()


@pytest.mark.slow
def test_installed_command_lists_the_bundled_corpora(installed):
    res = _run([str(installed["bin"] / "frameshift"), "corpus", "info"], cwd=installed["cwd"])
    assert res.returncode == 0, res.stderr[-3000:]
    assert "az_presidency/2023-03-27" in res.stdout and "none found" not in res.stdout


@pytest.mark.slow
def test_build_prints_no_setuptools_warnings(installed):
    # pip -v shows the build backend's own output; "byte-compiling is disabled" is this
    # machine's PYTHONDONTWRITEBYTECODE, not the package
    noise = [line for line in installed["build_log"].splitlines()
             if re.search(r"Setuptools\w*Warning|DeprecationWarning|!!\s*$|^\s*warning:", line)
             and "byte-compiling is disabled" not in line]
    assert noise == []
