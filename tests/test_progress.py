"""Progress bars: on in Jupyter (or when forced), quiet in tests and scripts."""

from frameshift.progress import progress, progress_enabled


def test_quiet_outside_a_kernel(monkeypatch):
    monkeypatch.delenv("FRAMESHIFT_PROGRESS", raising=False)
    assert progress_enabled() is False
    items = list(range(100))
    assert progress(items) is items


def test_forced_on_wraps_long_work_only(monkeypatch):
    monkeypatch.setenv("FRAMESHIFT_PROGRESS", "1")
    items = list(range(100))
    bar = progress(items, desc="x")
    assert type(bar).__module__.startswith("tqdm")
    assert list(bar) == items
    short = list(range(5))
    assert progress(short) is short


def test_forced_off(monkeypatch):
    monkeypatch.setenv("FRAMESHIFT_PROGRESS", "0")
    items = list(range(100))
    assert progress(items) is items
