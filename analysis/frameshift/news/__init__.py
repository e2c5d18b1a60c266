"""News articles to statements: segmentation into quotes and narration, speaker attribution,
evaluation against a hand-coded segmentation."""

from __future__ import annotations

from .articles import (segment_article, read_news, evaluate_segmentation, read_segments,
                       suggest_actors, SEGMENT_COLUMNS, ROLES, segment_news)

__all__ = ["segment_article", "read_news", "evaluate_segmentation", "read_segments",
           "suggest_actors", "SEGMENT_COLUMNS", "ROLES", "segment_news"]
