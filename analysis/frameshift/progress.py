"""Progress bars for long work: shown in Jupyter, quiet in tests and scripts.

In a Jupyter kernel the bar is a widget when ``ipywidgets`` is installed, otherwise a line of
text on standard output that updates in place. (``tqdm.auto`` without ipywidgets printed the
red "IProgress not found" warning box in JupyterLab instead; issue 18.)
"""

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
    if _widgets_available():
        from tqdm.notebook import tqdm as bar

        return bar(iterable, total=total, desc=desc, leave=False)
    from tqdm.std import tqdm as bar

    # stdout, not stderr: JupyterLab paints stderr red, and this is not a warning
    return bar(iterable, total=total, desc=desc, leave=False, file=sys.stdout, ascii=False,
               dynamic_ncols=False, ncols=80)


def _widgets_available() -> bool:
    """ipywidgets importable (and a kernel to show widgets in)."""
    import importlib.util

    return (importlib.util.find_spec("ipywidgets") is not None
            and sys.modules.get("ipykernel") is not None)
