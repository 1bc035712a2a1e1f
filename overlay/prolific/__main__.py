"""``python -m prolific`` runs the ``prolific-client`` command line."""

from .cli import run

run()
