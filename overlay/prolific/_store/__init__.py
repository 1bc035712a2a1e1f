"""Where the client's state lives, and the PostgreSQL engine's building blocks.

The state (bonus journal, webhook event log, study-file bindings) lives in SQLite by default
(:mod:`prolific._state`: a file per part, in the user's state directory) or on a PostgreSQL server shared by
several machines. Which one is
chosen by a location: a path or ``sqlite:`` URL, or a ``postgresql://`` URL (:func:`parse_state_url`),
given by a flag or argument, else ``PROLIFIC_STATE_URL`` (:func:`store_location`).

:mod:`prolific._store._engine` is the one store interface the journal and the bindings run their
statements on (SQLite or PostgreSQL: their decisions are written once). :mod:`prolific._store._postgres`
(psycopg, loaded only for a ``postgresql://`` URL) holds the connection, error, schema-version, transaction
and lease code the PostgreSQL stores share.
"""

from __future__ import annotations

from ._url import STATE_URL_ENV, StateURL, parse_state_url, redact, store_location

__all__ = ["STATE_URL_ENV", "StateURL", "parse_state_url", "redact", "store_location"]
