"""The public API and the package layout.

* every name in ``frameshift.__all__`` is the function or class its module documents, even
  after every submodule has been imported (in 0.1, ``fs.shift`` became the *module*
  ``analysis.shift`` once anything had imported it: ``TypeError: 'module' object is not
  callable``);
* ``import frameshift`` works from a research compendium that has its own ``analysis/`` folder
  and ``analysis.py`` (0.1's import name ``analysis`` was shadowed by them);
* the stages import only downwards (``docs/architecture.md``), with no cycles and no private
  name crossing a subpackage;
* ``import frameshift`` stays light.
"""

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import frameshift

PKG = Path(frameshift.__file__).parent

#: Stage of each top-level room, in the order data flows (docs/architecture.md). A module may
#: import only from rooms of a lower or equal rank (equal: within its own room).
RANK = {"errors": 0, "progress": 0, "files": 0, "text": 1, "corpus": 2, "lexicon": 2,
        "news": 3, "matching": 4, "measures": 5, "plotting": 6, "figures": 7, "classroom": 8,
        "explorer": 8,
        "cli": 9, "__main__": 10, "__init__": 10}


def _all_modules():
    return [m.name for m in pkgutil.walk_packages(frameshift.__path__, "frameshift.")]


def test_every_public_name_is_its_documented_object_after_importing_all_submodules():
    for name in _all_modules():
        importlib.import_module(name)
    for mod, names in frameshift._EXPORTS.items():
        module = importlib.import_module(mod)
        for n in names:
            assert n in module.__all__, f"{n} is not in {mod}.__all__"
            documented = getattr(module, n)
            got = getattr(frameshift, n)
            assert not isinstance(got, types.ModuleType), f"fs.{n} is a module"
            assert got is documented, f"fs.{n} is not {mod}.{n}"


def test_the_calls_that_failed_in_0_1(tmp_path):
    # The exact session of issue 12: figure_data imports the shift module first.
    code = ("import frameshift as fs\n"
            "fs.figure_data('karabakh_jsd')\n"
            "c = fs.read_corpus('karabakh_2023')\n"
            "t = fs.shift(c, 'karabakh_framing', seed=0, n_boot=20, n_perm=20)\n"
            "k = fs.kwic(c, 'coercion')\n"
            "key = fs.keyness(c, by='actor', target='nk_authorities')\n"
            "print(callable(fs.shift), callable(fs.kwic), callable(fs.keyness), len(k))\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"})
    assert res.returncode == 0, res.stderr
    # "coercion" occurs once in the seed article, in Stepanakert's reply (seed, paragraph 4).
    assert res.stdout.split()[-4:] == ["True", "True", "True", "1"]


def test_import_is_not_shadowed_by_a_users_analysis_folder(tmp_path):
    (tmp_path / "analysis").mkdir()
    (tmp_path / "analysis" / "__init__.py").write_text("raise ImportError('the user one')\n")
    (tmp_path / "analysis.py").write_text("raise ImportError('the user one')\n")
    res = subprocess.run([sys.executable, "-c", "import frameshift as fs; "
                          "print(fs.read_corpus('karabakh_2023').name)"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "karabakh_2023"


def _imports(path: Path):
    """(module imported, names, line) for every absolute or relative import in a file."""
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        pkg = parts
    else:
        pkg = parts[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[:len(pkg) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            yield mod, [a.name for a in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, [], node.lineno


def _room(dotted: str) -> str | None:
    parts = dotted.split(".")
    if parts[0] != "frameshift":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def test_stages_import_only_downwards_and_no_private_name_crosses_a_room():
    problems = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG)
        here = rel.parts[0].removesuffix(".py")
        assert here in RANK, f"{rel}: room {here!r} is missing from RANK and the architecture doc"
        for mod, names, line in _imports(path):
            there = _room(mod)
            if there is None:
                continue
            if there == "__init__":  # from frameshift import __version__ / a room
                names = [n for n in names if n != "__version__"]
                rooms = [n for n in names if n in RANK]
                for r in rooms:
                    if RANK[r] > RANK[here]:
                        problems.append(f"{rel}:{line} imports the higher room {r}")
                continue
            if RANK[there] > RANK[here]:
                problems.append(f"{rel}:{line} ({here}) imports the higher room {there}")
            if there != here:
                private = [n for n in names if n.startswith("_")]
                private += [p for p in mod.split(".")[2:] if p.startswith("_")]
                if private:
                    problems.append(f"{rel}:{line} imports private {private} from {mod}")
    assert problems == []


def test_reference_matcher_is_not_shipped():
    assert not (PKG / "_reference.py").exists()
    assert not any("reference" in m for m in _all_modules())


@pytest.mark.parametrize("heavy", ["matplotlib", "nltk", "scipy", "sklearn"])
def test_import_and_version_do_not_load_heavy_libraries(heavy):
    code = (f"import sys, frameshift, frameshift.cli; frameshift.cli.build_parser(); "
            f"print({heavy!r} in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def test_unknown_attribute_raises():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        frameshift.nope  # noqa: B018


def test_data_comes_first_in_every_public_function():
    """Data first everywhere: the corpus (or its counts/matches) is the first argument."""
    data_first = {"check_lexicon", "count_matches", "find_matches", "kwic", "shift",
                  "expansion_candidates", "keyness", "term_counts", "frame_profiles"}
    for n in data_first:
        params = list(inspect.signature(getattr(frameshift, n)).parameters)
        assert params[0] in {"corpus", "counts"}, (n, params)
