"""The public API: every exported name resolves, and ``import analysis`` stays light."""

import subprocess
import sys

import analysis


def test_every_exported_name_resolves():
    missing = [n for n in analysis.__all__ if n != "__version__" and
               getattr(analysis, n, None) is None]
    assert missing == []


def test_exports_come_from_module_all():
    import importlib

    for mod, names in analysis._EXPORTS.items():
        module = importlib.import_module(f"analysis.{mod}")
        assert set(names) <= set(module.__all__), mod


def test_import_does_not_load_matplotlib():
    code = "import sys, analysis; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def test_unknown_attribute_raises():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        analysis.nope  # noqa: B018
