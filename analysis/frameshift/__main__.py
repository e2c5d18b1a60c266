"""``python -m frameshift`` runs the ``frameshift`` command line."""

import sys

from frameshift.cli import main

if __name__ == "__main__":
    sys.exit(main())
