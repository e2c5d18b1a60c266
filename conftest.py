"""Doctests may use every public name of frameshift unqualified, as a user would after
``from frameshift import *`` -- except names the module under test defines itself (the frozen
reference matcher's ``count_matches`` is tested as itself, not as the engine's)."""

import pytest


@pytest.fixture(autouse=True)
def _frameshift_names(doctest_namespace, request):
    import frameshift

    own = getattr(getattr(request.node, "dtest", None), "globs", {})
    for name in frameshift.__all__:
        if name not in own:
            doctest_namespace[name] = getattr(frameshift, name)
