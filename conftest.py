"""Doctests may use every public name of frameshift unqualified, as a user would after
``from frameshift import *``."""

import pytest


@pytest.fixture(autouse=True)
def _frameshift_names(doctest_namespace):
    import frameshift

    for name in frameshift.__all__:
        doctest_namespace[name] = getattr(frameshift, name)
