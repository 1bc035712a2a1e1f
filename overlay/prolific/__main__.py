"""``python -m prolific``: the ``prolific-client`` command line."""

import sys

from prolific.cli import main

if __name__ == "__main__":
    sys.exit(main())
