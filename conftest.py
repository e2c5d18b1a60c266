"""Doctests may use every public name of frameshift unqualified, as a user would after
``from frameshift import *`` -- except names the module under test defines itself (the frozen
reference matcher's ``count_matches`` is tested as itself, not as the engine's)."""

import os
import tempfile

import pytest

# The lexicon cache (frameshift/lexicon/cache.py) goes to a folder of this test run, not to the
# user's ~/.cache; the cache's own tests point it elsewhere themselves.
os.environ.setdefault("FRAMESHIFT_LEXICON_CACHE", tempfile.mkdtemp(prefix="frameshift-test-cache-"))


@pytest.fixture(autouse=True)
def _frameshift_names(doctest_namespace, request):
    import frameshift

    own = getattr(getattr(request.node, "dtest", None), "globs", {})
    for name in frameshift.__all__:
        if name not in own:
            doctest_namespace[name] = getattr(frameshift, name)
