"""Build step: copy the bundled corpora (top-level ``corpus/``) into the wheel.

The design card keeps ``corpus/`` at the top of the repository, outside the import package, so
setuptools' package-data cannot reach it. A plain ``pip install .`` (how classroom JupyterHub
images are built) would then install a frameshift without its corpora. This command copies
``corpus/`` to ``frameshift/data/corpus/`` in the build folder of a regular (non-editable)
build, where :func:`frameshift.files.corpus_dir` looks first. An editable install reads
``corpus/`` from the checkout instead. Everything else is configured in pyproject.toml.
"""

from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SKIP = {"__pycache__", ".ipynb_checkpoints", ".DS_Store"}


class BuildWithCorpus(build_py):
    """``build_py`` that also copies ``corpus/`` into ``frameshift/data/corpus``."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        src = ROOT / "corpus"
        if not src.is_dir():   # building from an sdist made without corpus/ (see MANIFEST.in)
            raise SystemExit(f"frameshift build: the bundled corpora folder {src} is missing.")
        dst = Path(self.build_lib) / "frameshift" / "data" / "corpus"
        for path in sorted(src.rglob("*")):
            rel = path.relative_to(src)
            if path.is_file() and not SKIP.intersection(rel.parts):
                self.mkpath(str((dst / rel).parent))
                self.copy_file(str(path), str(dst / rel))


# The tokenizer's scan in C (frameshift/text/_scan.c, Python's C API only, no other library).
# Optional: where no C compiler is found the build goes on without it and the tokenizer runs
# the same scan as a regular expression (same tokens, about 3x slower).
SCAN = Extension("frameshift.text._scan", ["analysis/frameshift/text/_scan.c"], optional=True)
# The matcher's multi-word search in C (frameshift/matching/_phrases.c), optional the same way:
# without it the engine's numpy search runs (same spans).
PHRASES = Extension("frameshift.matching._phrases", ["analysis/frameshift/matching/_phrases.c"],
                    optional=True)

setup(cmdclass={"build_py": BuildWithCorpus}, ext_modules=[SCAN, PHRASES])
