"""Progress bars for long work: shown in Jupyter, quiet in tests and scripts."""

from __future__ import annotations

import os
import sys

__all__ = ["progress", "progress_enabled"]


def progress_enabled() -> bool:
    """True in a Jupyter kernel, unless ``FRAMESHIFT_PROGRESS=0``; ``=1`` forces it on.

    Examples
    --------
    >>> progress_enabled()  # under pytest: no kernel
    False
    """
    flag = os.environ.get("FRAMESHIFT_PROGRESS")
    if flag is not None:
        return flag.strip() not in ("", "0", "false", "no")
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except AttributeError:
        return False
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


def progress(iterable, *, total: int | None = None, desc: str | None = None,
             min_items: int = 20):
    """Wrap ``iterable`` in a ``tqdm.auto`` bar when :func:`progress_enabled` and it is long.

    Examples
    --------
    >>> list(progress(range(3)))
    [0, 1, 2]
    """
    if total is None:
        try:
            total = len(iterable)
        except TypeError:
            total = None
    if not progress_enabled() or (total is not None and total < min_items):
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, leave=False)
