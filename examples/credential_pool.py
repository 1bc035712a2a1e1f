"""Create a credential pool from a CSV file, then add more credentials to it.

    export PROLIFIC_TOKEN=...                      # your API token (Settings > API tokens)
    python examples/credential_pool.py WORKSPACE_ID [logins.csv [more.csv]]

Without file arguments it uses examples/credentials.csv and examples/more-credentials.csv.
Try it without an account: `prolific-client fake-server` and set PROLIFIC_URL and PROLIFIC_TOKEN
to what it prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

from prolific import ConflictError, CredentialsFormatError, Prolific, read_credentials

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 3:
        print(__doc__, file=sys.stderr)
        return 2
    workspace_id = argv[0]
    first = Path(argv[1]) if len(argv) > 1 else HERE / "credentials.csv"
    more = Path(argv[2]) if len(argv) > 2 else HERE / "more-credentials.csv"
    try:
        # Checked completely before anything is sent; errors name the file, line and field.
        credentials = read_credentials(first)
        extra = read_credentials(more)
    except CredentialsFormatError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    with Prolific() as client:  # token from $PROLIFIC_TOKEN, base URL from $PROLIFIC_URL (or the real API)
        # Batches of 5 here to show the progress callback; the default is 5,000 per request.
        result = client.credentials.upload(
            credentials,
            workspace_id=workspace_id,
            batch_size=5,
            on_progress=lambda done, total: print(f"uploaded {done}/{total}", file=sys.stderr),
        )
        print(f"pool {result.pool_id}: {result.uploaded} credentials")
        try:
            client.credentials.add(result.pool_id, credentials=extra)
        except ConflictError as error:  # adding is additive: a username already in the pool gives 409
            print(f"not added: {error.detail}", file=sys.stderr)
            return 1
        print(f"added {len(extra)} more to {result.pool_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
