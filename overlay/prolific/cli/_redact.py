"""The redactor every byte the command line writes passes through: the token and passwords become ``***``."""

from __future__ import annotations

from collections.abc import Iterable

#: Secrets shorter than this are not redacted: "1234" would garble every count printed.
MIN_REDACTED = 6


class Redactor:
    """Replaces the token and every known password in text with ``***``.

    Passwords are found by looking up each substring of the text, for each password length seen,
    in a set: the cost depends on the text and the number of distinct lengths, not on the number
    of passwords (a million-line upload included).

    >>> redact = Redactor()
    >>> redact.add_token("tok-123456")
    >>> redact.add_passwords(["s3cret-pw"])
    >>> redact("token tok-123456, password s3cret-pw, count 1234")
    'token ***, password ***, count 1234'
    """

    def __init__(self) -> None:
        self._tokens: list[str] = []
        self._passwords: set[str] = set()
        self._lengths: list[int] = []

    def add_token(self, token: str | None) -> None:
        """Redact ``token`` from now on (ignored when empty or shorter than :data:`MIN_REDACTED`)."""
        if token and len(token) >= MIN_REDACTED and token not in self._tokens:
            self._tokens.append(token)
            self._tokens.sort(key=len, reverse=True)

    def add_passwords(self, passwords: Iterable[str]) -> None:
        """Redact these passwords from now on (as written and as they would appear in JSON)."""
        fresh = {p for p in passwords if len(p) >= MIN_REDACTED}
        fresh |= {p.replace("\\", "\\\\") for p in fresh if "\\" in p}  # as it would appear in JSON
        self._passwords |= fresh
        self._lengths = sorted({len(p) for p in self._passwords}, reverse=True)

    def __call__(self, text: str) -> str:
        for token in self._tokens:
            text = text.replace(token, "***")
        if not self._passwords or not text:
            return text
        passwords, spans = self._passwords, []
        for length in self._lengths:
            for start in range(len(text) - length + 1):
                if text[start : start + length] in passwords:
                    spans.append((start, start + length))
        if not spans:
            return text
        spans.sort()
        out, position = [], 0
        for start, end in spans:
            if end <= position:
                continue
            if start >= position:
                out += [text[position:start], "***"]
            position = end
        out.append(text[position:])
        return "".join(out)
