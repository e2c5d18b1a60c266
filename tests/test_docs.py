"""The API reference: it builds offline without warnings, documents every public name, shows
the figure gallery, and every public function's docstring has a runnable Examples section
(the doctests run them: pytest is configured with --doctest-modules)."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import frameshift as fs

REPO = Path(__file__).resolve().parents[1]

#: Public functions still without an Examples section (issue 18, left to do). The test fails
#: when a name here gains one (remove it) and when a public function outside it lacks one.
STILL_WITHOUT_EXAMPLES = {
    "build_figures",
}


def _public_functions():
    for name in fs.__all__:
        obj = getattr(fs, name)
        if inspect.isfunction(obj):
            yield name, obj


def test_every_public_function_has_an_examples_section():
    lacking = {n for n, f in _public_functions()
               if "Examples\n--------" not in (inspect.getdoc(f) or "")}
    new = sorted(lacking - STILL_WITHOUT_EXAMPLES)
    assert not new, f"public functions without an Examples section in the docstring: {new}"
    done = sorted(STILL_WITHOUT_EXAMPLES - lacking)
    assert not done, f"these now have Examples; remove them from STILL_WITHOUT_EXAMPLES: {done}"


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path):
    out = tmp_path / "html"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q",
                          str(REPO / "docs" / "api"), str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stderr.strip() == "", run.stderr[-3000:]
    ref = (out / "_generated" / "reference.html").read_text(encoding="utf-8")
    for name in fs.__all__:
        if name != "__version__":
            assert f'id="frameshift.{name}"' in ref, f"{name} missing from the API reference"
    gallery = (out / "_generated" / "gallery.html").read_text(encoding="utf-8")
    pngs = sorted(p.name for p in (REPO / "figures").glob("*.png"))
    assert pngs and all(p in gallery for p in pngs)
    assert all((out / "_images" / p).exists() for p in pngs)
