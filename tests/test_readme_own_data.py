"""The README walks a new user from their own CSV to a saved figure in ten lines (issue 18)."""

import re
import shlex
from pathlib import Path

import matplotlib
import pandas as pd

from frameshift.cli import main

matplotlib.use("Agg")

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("From your own CSV (here"):]

SPEECHES = ("id,speaker,day,speech\n"
            "1,Ana,27/03/2023,We need jobs and lower tolls for the economy.\n"
            "2,Ben,28.03.2023,Security first: the army must protect the border.\n"
            "3,Ana,2023-3-30,Jobs jobs jobs.\n")
FRAMES = ("name: my_frames\ncategories:\n  - id: economy\n    patterns: [job*, toll*, economy]\n"
          "  - id: security\n    patterns: [security, army, border]\n")


def _setup(tmp_path, monkeypatch):
    (tmp_path / "speeches.csv").write_text(SPEECHES, encoding="utf-8")
    (tmp_path / "my_frames.yml").write_text(FRAMES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_python_walkthrough_runs_in_ten_lines(tmp_path, monkeypatch):
    code = re.search(r"```python\n(.*?)```", SECTION, re.S).group(1)
    assert len([line for line in code.splitlines() if line.strip()]) <= 10
    _setup(tmp_path, monkeypatch)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "my_profile.png").read_bytes().startswith(b"\x89PNG")
    counts = pd.read_csv(tmp_path / "counts.csv")
    # by hand: Ana says job* 4 times, toll* once, economy once; Ben security, army, border
    got = counts.set_index(["actor", "category"])["count"].to_dict()
    assert got == {("Ana", "economy"): 6, ("Ana", "security"): 0,
                   ("Ben", "economy"): 0, ("Ben", "security"): 3}


def test_shell_walkthrough_runs(tmp_path, monkeypatch, capsys):
    _setup(tmp_path, monkeypatch)
    text = " ".join(SECTION[SECTION.index("The same from the shell"):].split())
    commands = re.findall(r"`(frameshift [^`]+)`", text)[:2]
    assert commands[0].startswith("frameshift count") and commands[1].startswith("frameshift plot")
    for cmd in commands:
        assert main(shlex.split(cmd)[1:]) == 0, cmd
    assert (tmp_path / "my_profile.png").read_bytes().startswith(b"\x89PNG")
