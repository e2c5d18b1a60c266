"""The ``frameshift`` command line: thin wrappers around the library functions.

Each sub-module of :mod:`frameshift.cli` registers its sub-commands with ``register(subparsers)``;
the handler is stored as ``func`` on the parsed arguments and returns an exit status.
Errors raised on purpose (:class:`frameshift.errors.FrameshiftError`) print one message,
``frameshift: error: ...``, and exit with status 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import types
import warnings

from frameshift.errors import FrameshiftError


class _Deferred(types.ModuleType):
    """A stand-in for a module not imported yet: the first attribute asked for imports it
    (and the stand-in takes on its attributes). The sub-commands' modules import pandas at
    the top; ``frameshift count`` on a plain CSV never needs it (issue 20: importing pandas
    and pyarrow was a third of the command's time)."""

    def __getattr__(self, attr):
        real = sys.modules.get(self.__name__)
        if real is self or real is None:
            del sys.modules[self.__name__]
            try:
                real = importlib.import_module(self.__name__)
            except BaseException:
                sys.modules.setdefault(self.__name__, self)
                raise
        self.__dict__.update(real.__dict__)
        return getattr(real, attr)


def _defer_pandas() -> None:
    """Put the stand-in in place for this command run (only when nothing imported pandas yet:
    a Python session that imports ``frameshift.cli`` gets the real module)."""
    if "pandas" not in sys.modules:
        sys.modules["pandas"] = _Deferred("pandas")

__all__ = ["main", "build_parser"]

# Sub-command modules, in the order they appear in --help.
_COMMAND_MODULES = ("corpus", "match", "lexicon", "shift", "quotes", "figures", "plot",
                    "explore")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two short lines, not the whole usage block
    (every sub-command parser is of this class too)."""

    def error(self, message):  # noqa: D401 - argparse hook
        command = self.prog.removeprefix("frameshift").strip()
        where = f"{command}: " if command else ""
        self.exit(2, f"frameshift: error: {where}{message}. See `{self.prog} --help` for the "
                     f"options.\n")


# Sub-commands whose module is known without importing every module: a command line that
# starts with one of them registers that module only (start-up of the counting commands).
_MODULE_OF = {"count": "match", "hits": "match", "kwic": "match"}


def _one_blas_thread(command) -> None:
    """For the matching commands, which do no linear algebra: one OpenBLAS thread, unless
    the environment says otherwise. numpy's OpenBLAS starts a thread per core when numpy is
    imported, and those threads cost ~0.05-0.1 s of CPU time of a ~0.7 s ``frameshift
    count`` (issue 20); it is read once, when numpy is first imported."""
    if command in _MODULE_OF and "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def build_parser(modules=_COMMAND_MODULES) -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered (or those of ``modules``)."""
    from frameshift import __version__

    parser = _Parser(
        prog="frameshift",
        description="Discourse analysis: load statements, apply framing lexicons, measure "
        "framing shifts, rebuild figures. Tables are written as CSV to standard output.",
    )
    parser.add_argument("--version", action="version", version=f"frameshift {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback when an error occurs")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:  # a command module not written yet
            if err.name != f"{__name__}.{name}":
                raise
            continue
        mod.register(sub)
    return parser


def main(argv=None) -> int:
    """Run the command line; return the exit status.

    Exit status: 0 on success; 1 when ``corpus validate`` found problems in the data it
    checked; 2 for any error that stops a command (bad input, a missing file, an unknown
    option value), with one message ``frameshift: error: ...`` and no traceback (``--debug``,
    accepted anywhere on the command line, shows it); 130 when interrupted.
    """
    _defer_pandas()
    argv = list(sys.argv[1:] if argv is None else argv)
    head, tail = (argv[:argv.index("--")], argv[argv.index("--"):]) if "--" in argv \
        else (argv, [])
    debug = "--debug" in head
    argv = [a for a in head if a != "--debug"] + tail
    first = argv[0] if argv else None
    _one_blas_thread(first)
    parser = build_parser((_MODULE_OF[first],) if first in _MODULE_OF else _COMMAND_MODULES)
    args = parser.parse_args(argv)
    args.debug = debug
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            status = args.func(args)
    except FrameshiftError as err:
        if debug:
            raise
        print(f"frameshift: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `frameshift hits | head`
        _silence_stdout()
        return 0
    except OSError as err:  # disk full, permission denied on an output, ...
        if debug:
            raise
        where = f"{err.filename}: " if getattr(err, "filename", None) else ""
        print(f"frameshift: error: {where}{err.strerror or err}. Check the path and its "
              f"permissions (--debug shows the traceback).", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("frameshift: interrupted", file=sys.stderr)
        return 130
    return int(status or 0)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Print a warning as one line, ``frameshift: warning: ...`` (no source line)."""
    print(f"frameshift: warning: {message}", file=sys.stderr if file is None else file)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the interpreter's final flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
