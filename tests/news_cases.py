"""Shared pieces of the attribution tests written for issue 15 (short articles): a small
registry and the speaker of each quote a reader would check."""

import pandas as pd

from frameshift.news.articles import segment_article

#: two registered persons; every other name in the test articles is unregistered
TWO_PERSONS = pd.DataFrame({
    "id": ["mirzoyan", "ivers"],
    "name": ["Ararat Mirzoyan", "Anna Ivers"],
    "aliases": ["Mirzoyan", "Ivers"]})


def quote_speakers(text, actors):
    """The actor id of every quote of ``text`` in order (``None``: no speaker)."""
    q = segment_article(text, source="t-2024-05-12", actors=actors)
    q = q[q["role"] == "quote"]
    return [None if pd.isna(a) else a for a in q["actor"]]
