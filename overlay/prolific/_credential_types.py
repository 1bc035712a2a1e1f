"""``Credential``: one username/password pair (a leaf: it imports nothing of the package)."""

from __future__ import annotations

from typing import NamedTuple


class Credential(NamedTuple):
    """One username/password pair. Immutable; ``repr``/``str`` never show the password.

    >>> Credential("alice", "s3cret")
    Credential(username='alice', password='***')
    """

    username: str
    password: str

    def __repr__(self) -> str:
        return f"Credential(username={self.username!r}, password='***')"

    def __str__(self) -> str:
        return self.__repr__()
