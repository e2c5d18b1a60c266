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


def test_jupyter_kernel_shows_a_text_bar_without_the_iprogress_warning(tmp_path):
    """Issue 18: tqdm.auto without ipywidgets printed a red "IProgress not found" box."""
    import importlib.util
    import os

    import nbformat
    from nbclient import NotebookClient

    code = ("from frameshift.progress import progress\n"
            "total = sum(progress(range(50), desc='work'))\nprint('total', total)")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "FRAMESHIFT_PROGRESS")}
    NotebookClient(nb, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute(env=env)
    outs = nb.cells[0].outputs
    stderr = "".join(o.get("text", "") for o in outs if o.get("name") == "stderr")
    stdout = "".join(o.get("text", "") for o in outs if o.get("name") == "stdout")
    assert "IProgress" not in stderr and "TqdmWarning" not in stderr
    assert "total 1225" in stdout                      # 0 + 1 + ... + 49
    if importlib.util.find_spec("ipywidgets") is None:
        assert "work:" in stdout and "/50" in stdout   # the text bar, shown in the cell
    else:
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outs)
