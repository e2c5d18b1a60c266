"""Packaging: pyproject.toml and environment.yml agree, the README starts with the two commands,
``python -m frameshift --version`` works."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

import frameshift
from frameshift.cli import main

REPO = Path(__file__).resolve().parent.parent
# pip names whose conda-forge package is named or split differently
CONDA_NAMES = {"dask[distributed]": ["dask", "distributed"]}


def _pyproject() -> dict:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
    except ImportError:  # Python 3.10: read the two lists we need by hand
        def grab(key):
            m = re.search(rf"^{key}\s*=\s*\[(.*?)\]", text, flags=re.S | re.M)
            return re.findall(r'"([^"]+)"', m.group(1))

        return {"project": {"dependencies": grab("dependencies"), "version":
                            re.search(r'^version\s*=\s*"([^"]+)"', text, re.M).group(1),
                            "optional-dependencies": {"test": grab("test")}}}
    return tomllib.loads(text)


def _split(req: str) -> tuple[str, str | None]:
    """'pandas>=2.0' -> ('pandas', '2.0'); a requirement without a floor -> (name, None)."""
    m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+(?:\[[^\]]+\])?)\s*(?:>=\s*([0-9][0-9.]*))?\s*", req)
    assert m, f"cannot read the requirement {req!r}; write it as NAME>=VERSION"
    return m.group(1).lower().replace("_", "-"), m.group(2)


def _pip_requirements() -> dict:
    proj = _pyproject()["project"]
    reqs = list(proj["dependencies"]) + list(proj["optional-dependencies"]["test"])
    out = {}
    for r in reqs:
        name, floor = _split(r)
        for conda_name in CONDA_NAMES.get(name, [name]):
            out[conda_name] = floor
    return out


def _conda_requirements() -> tuple[dict, str, list]:
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    out, python, pip = {}, None, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip = dep["pip"]
            continue
        if dep.startswith("python="):
            python = dep.split("=", 1)[1]
            continue
        if dep == "pip":
            continue
        name, floor = _split(dep)
        out[name] = floor
    return out, python, pip


def test_environment_yml_agrees_with_pyproject():
    pip_reqs = _pip_requirements()
    conda_reqs, python, pip = _conda_requirements()
    assert sorted(conda_reqs) == sorted(pip_reqs), (
        f"only in pyproject.toml: {sorted(set(pip_reqs) - set(conda_reqs))}; only in "
        f"environment.yml: {sorted(set(conda_reqs) - set(pip_reqs))}")
    differ = {k: (pip_reqs[k], conda_reqs[k]) for k in pip_reqs if pip_reqs[k] != conda_reqs[k]}
    assert not differ, f"version floors differ (pyproject, environment.yml): {differ}"
    assert all(v is not None for v in pip_reqs.values()), "every dependency has a floor"
    assert pip == ["-e ."]
    assert re.fullmatch(r"3\.\d+", python), "environment.yml pins a Python minor version"


def test_python_version_in_environment_is_allowed_by_pyproject():
    _, python, _ = _conda_requirements()
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    floor = re.search(r'requires-python\s*=\s*">=\s*3\.(\d+)"', text).group(1)
    assert int(python.split(".")[1]) >= int(floor)


def test_only_the_agreed_dependencies():
    runtime = {_split(r)[0] for r in _pyproject()["project"]["dependencies"]}
    allowed = {"nltk", "scikit-learn", "matplotlib", "numpy", "scipy", "pandas", "pyyaml",
               "tqdm", "jupyterlab",
               "simplemma", "snowballstemmer",  # issue 16: offline lemmas/stems (ru, hy)
               "statsmodels"}  # issue 13 (task brief): frame-use models, measures/models.py
    assert runtime <= allowed, f"dependencies not agreed with the lead: {runtime - allowed}"


def test_readme_starts_with_the_two_make_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.S | re.M)
    assert blocks, "README.md has no code block"
    commands = [line.split("#", 1)[0].strip() for line in blocks[0].splitlines()]
    assert [c for c in commands if c] == ["make figures", "make test"]
    before = text[:text.index("```")]
    assert [line for line in before.splitlines() if line.strip()] == ["# frameshift"], \
        "the two commands come first, right after the title"


def test_makefile_and_ci_run_the_tests():
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test:", make, flags=re.M) and re.search(r"^figures:", make, flags=re.M)
    assert "pytest" in make
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_version_everywhere():
    assert frameshift.__version__ == _pyproject()["project"]["version"]


def test_cli_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out == f"frameshift {frameshift.__version__}\n"


def test_python_m_frameshift_version(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    res = subprocess.run([sys.executable, "-m", "frameshift", "--version"], capture_output=True,
                         text=True, cwd=tmp_path, env=env, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"frameshift {frameshift.__version__}\n"
