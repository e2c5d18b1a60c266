"""The explorer: a framing study in one self-contained HTML page (:func:`explore`).

The page is built from the library's own tables -- :func:`frameshift.matching.count_matches`,
:func:`frameshift.matching.find_matches`, :func:`frameshift.matching.kwic`,
:func:`frameshift.measures.shift` and :func:`frameshift.measures.keyness` -- which are embedded
as JSON; the page's small script only displays them (it computes no statistic). It needs no
network: scripts, styles and data are inside the one file.
"""

from __future__ import annotations

from .page import Explorer, explore

__all__ = ["Explorer", "explore"]
