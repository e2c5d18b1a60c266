"""The ``frameshift`` command line: thin wrappers around the library functions.

Each sub-module of :mod:`analysis.cli` registers its sub-commands with ``register(subparsers)``;
the handler is stored as ``func`` on the parsed arguments and returns an exit status.
Errors raised on purpose (:class:`analysis.errors.FrameshiftError`) print one message,
``frameshift: error: ...``, and exit with status 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import FrameshiftError

__all__ = ["main", "build_parser"]

# Sub-command modules, in the order they appear in --help.
_COMMAND_MODULES = ("corpus", "match", "lexicon", "shift", "quotes", "figures")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="frameshift",
        description="Discourse analysis: load statements, apply framing lexicons, measure "
        "framing shifts, rebuild figures. Tables are written as CSV to standard output.",
    )
    parser.add_argument("--version", action="version", version=f"frameshift {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback when an error occurs")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:  # a command module not written yet
            if err.name != f"{__name__}.{name}":
                raise
            continue
        mod.register(sub)
    return parser


def main(argv=None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        status = args.func(args)
    except FrameshiftError as err:
        if args.debug:
            raise
        print(f"frameshift: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `frameshift hits | head`
        return 0
    except KeyboardInterrupt:
        print("frameshift: interrupted", file=sys.stderr)
        return 130
    return int(status or 0)
