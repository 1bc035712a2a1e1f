"""Numbers in messages, written one way everywhere: ``5,000``, ``1 credential``, ``5,000 of 20,000 credentials``."""

from __future__ import annotations


def number(count: int) -> str:
    """A count with thousands separators.

    >>> number(20000)
    '20,000'
    """
    return f"{count:,}"


def plural(count: int, noun: str) -> str:
    """``1 credential``, ``2 credentials``; the count with thousands separators.

    >>> plural(1, "credential"), plural(5000, "credential")
    ('1 credential', '5,000 credentials')
    """
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def of(done: int, total: int, noun: str) -> str:
    """How far: ``5,000 of 20,000 credentials``.

    >>> of(5000, 20000, "credential")
    '5,000 of 20,000 credentials'
    """
    return f"{done:,} of {plural(total, noun)}"
