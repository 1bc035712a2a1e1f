"""Where a command's state lives: its flag, else the ``state_url`` setting (environment, profile), else the default.

One rule for ``--journal`` (bonuses), ``--event-log`` (webhooks listen) and ``--state`` (study files), so
that ``PROLIFIC_STATE_URL`` or a profile's ``state_url`` puts every part of the state in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prolific._store import StateURL

    from ._context import Context


def state_location(ctx: Context, given: str | None, *, default_file: str, flag: str, what: str) -> StateURL:
    """The store of ``what`` (a file or a ``postgresql://`` URL); printed when not given by ``flag``."""
    from prolific._state import default_state_dir
    from prolific._store import store_location

    given = given or None
    state_url = None if given else ctx.settings(run_token_command=False).state_url
    location = store_location(
        given,
        default_file=default_file,
        default_dir=default_state_dir(),
        flag=flag,
        setting=(state_url, "the state_url setting (PROLIFIC_STATE_URL or the profile)"),
    )
    if not given:
        ctx.out.say(f"{what}: {location}")
    return location
