"""Batch sizes of the chunked workflows, in a module that imports nothing.

The CLI's ``--help`` shows them without loading the client, httpx or the generated package.
"""

from __future__ import annotations

#: Credentials per request in :meth:`Credentials.upload <prolific.resources.credentials.Credentials.upload>`.
#: Prolific documents no maximum pool or request size, so the limit that bites is the request
#: body size of proxies in front of APIs (nginx's default is 1 MiB). 5,000 typical credentials
#: (~40 bytes a line) make ~200 KB, well under it even with long passwords, while 1,000,000
#: credentials still take only 200 requests.
DEFAULT_BATCH_SIZE = 5_000

#: Participant ids per request in ``add_participants`` / ``remove_participants``. Prolific
#: documents no limit. A batch of 1,000 ids is ~27 KB of JSON, far below the request-size limits
#: of the proxies in front of APIs (nginx's default is 1 MiB), and each answer carries the
#: group's whole membership list, so fewer, larger batches cost less than many small ones; a
#: failure loses at most one batch, which may be sent again (both operations are idempotent).
DEFAULT_MEMBER_BATCH_SIZE = 1_000
