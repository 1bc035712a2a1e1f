"""The async client: a credential pool and a participant group created at the same time.

    export PROLIFIC_TOKEN=...
    python examples/async_client.py WORKSPACE_ID [COUNT]

COUNT (default 20) fresh credentials are generated and uploaded; they are written to
new-credentials.csv in the current directory (mode 600) before anything is sent, so that they are
not lost, and never printed.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from prolific import AsyncProlific, credentials_to_csv, generate_credentials


async def run(workspace_id: str, count: int) -> None:
    credentials = generate_credentials(count)
    path = Path("new-credentials.csv")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never overwrite
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write("username,password\n" + credentials_to_csv(credentials) + "\n")

    async with AsyncProlific() as client:
        upload, group = await asyncio.gather(
            client.credentials.upload(credentials, workspace_id=workspace_id),
            client.participant_groups.create(name="Async pilot", workspace_id=workspace_id),
        )
    print(f"pool {upload.pool_id}: {upload.uploaded} credentials (saved in {path})")
    print(f"group {group.id}: {group.name!r}")


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2 or (len(argv) == 2 and not argv[1].isdigit()):
        print(__doc__, file=sys.stderr)
        return 2
    if Path("new-credentials.csv").exists():
        print("error: new-credentials.csv exists; move it away first", file=sys.stderr)
        return 2
    asyncio.run(run(argv[0], int(argv[1]) if len(argv) == 2 else 20))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
