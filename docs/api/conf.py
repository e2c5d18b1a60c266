"""Sphinx configuration of the frameshift API reference (``make docs``).

The reference pages are generated here, at build time, from ``frameshift.__all__`` (so a new
public name is documented without editing a page) and the gallery from ``figures/*.png``.
Everything builds offline: autodoc imports the installed package, numpydoc reads its
docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "analysis"))

import frameshift  # noqa: E402

project = "frameshift"
version = release = frameshift.__version__
extensions = ["sphinx.ext.autodoc", "numpydoc"]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()
autodoc_typehints = "none"
html_theme = "alabaster"
exclude_patterns = ["_build"]
html_static_path: list = []


def _by_module() -> dict:
    groups: dict = {}
    for mod, names in frameshift._EXPORTS.items():
        groups.setdefault(mod, []).extend(names)
    return groups


def _write_pages() -> None:
    gen = HERE / "_generated"
    gen.mkdir(exist_ok=True)
    lines = ["API reference", "=============", "",
             "Every public name, as ``frameshift.NAME`` (``import frameshift as fs``), grouped "
             "by the module that defines it.", ""]
    for mod, names in _by_module().items():
        lines += [mod, "-" * len(mod), ""]
        for name in names:
            obj = getattr(frameshift, name)
            kind = "autoclass" if isinstance(obj, type) else (
                "autofunction" if callable(obj) else "autodata")
            lines += [f".. {kind}:: frameshift.{name}", ""]
    (gen / "reference.rst").write_text("\n".join(lines), encoding="utf-8")
    figs = sorted((REPO / "figures").glob("*.png"))
    g = ["Figure gallery", "==============", "",
         "The committed figures of ``make figures`` (each built by :func:`frameshift.draw_figure` "
         "from the table beside it in ``figures/``).", ""]
    for png in figs:
        g += [png.stem, "-" * len(png.stem), "", f".. image:: ../../../figures/{png.name}",
              "   :width: 480px", ""]
    (gen / "gallery.rst").write_text("\n".join(g), encoding="utf-8")


_write_pages()
