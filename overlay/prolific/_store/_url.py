"""Where a store lives, from what a user wrote: a path or ``sqlite:`` URL (a file) or a ``postgresql://`` URL.

One parser for every place a location comes from (``--journal``, ``--event-log``, ``PROLIFIC_STATE_URL``, a
library argument), so that each says the same thing about the same text, and one redaction: a
:class:`StateURL` shows its URL without the password (in ``str``, ``repr`` and every message).

>>> parse_state_url("/var/lib/lab/bonuses.sqlite3")
StateURL('/var/lib/lab/bonuses.sqlite3')
>>> parse_state_url("sqlite:///var/lib/lab/bonuses.sqlite3").path
PosixPath('/var/lib/lab/bonuses.sqlite3')
>>> url = parse_state_url("postgresql://lab:s3cret@db.example.org:5433/prolific?sslmode=require")
>>> url
StateURL('postgresql://lab:***@db.example.org:5433/prolific?sslmode=require')
>>> url.kind, url.host, url.port
('postgresql', 'db.example.org', 5433)
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from .._errors import ConfigurationError

#: Names the state store of every part of the client (journal, event log, study bindings) at once: a
#: ``postgresql://`` URL (all in one database), or the folder (path or ``sqlite:`` URL) of their SQLite files.
STATE_URL_ENV = "PROLIFIC_STATE_URL"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_POSTGRES_SCHEMES = {"postgresql", "postgres"}
# libpq takes a password in the query too (?password=...): it is hidden there as well.
_SECRET_PARAMS = {"password", "sslpassword"}
_HINT = "a file path, sqlite:///absolute/path, or postgresql://user@host:port/database"


class StateURL:
    """A parsed store location: ``kind`` ``"sqlite"`` (``path``) or ``"postgresql"`` (``host``, ``port``, ...).

    ``str()`` and ``repr()`` hide the password; :meth:`conninfo` is the only way to the full URL, for the
    driver.
    """

    __slots__ = ("_conninfo", "display", "host", "kind", "path", "port", "user")

    def __init__(
        self,
        kind: Literal["sqlite", "postgresql"],
        *,
        path: Path | None = None,
        conninfo: str = "",
        display: str = "",
        host: str | None = None,
        port: int | None = None,
        user: str | None = None,
    ) -> None:
        self.kind = kind
        self.path = path
        self._conninfo = conninfo
        self.display = display or str(path)
        self.host = host
        self.port = port
        self.user = user

    def conninfo(self) -> str:
        """The URL as given, password included: for the driver only, never for a message."""
        return self._conninfo

    @property
    def where(self) -> str:
        """``host:port`` of a server (libpq's defaults when the URL names none), or the file's path."""
        if self.kind == "sqlite":
            return str(self.path)
        if self.port is None and self.host and "," in self.host:
            return self.host
        return f"{self.host or 'localhost'}:{self.port or 5432}"

    def __str__(self) -> str:
        return self.display

    def __repr__(self) -> str:
        return f"StateURL({self.display!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StateURL):
            return NotImplemented
        return (self.kind, self.path, self._conninfo) == (other.kind, other.path, other._conninfo)

    def __hash__(self) -> int:
        return hash((self.kind, self.path, self._conninfo))


def parse_state_url(value: str | os.PathLike[str], *, origin: str = "the state location") -> StateURL:
    """Read a store location: a path, ``sqlite:PATH`` / ``sqlite:///ABSOLUTE``, or ``postgresql://…``.

    ``sqlite:`` URLs read as URLs do: the path is what follows the scheme (and an empty ``//`` authority),
    so ``sqlite:///tmp/x.db`` is ``/tmp/x.db`` and ``sqlite:x.db`` is relative. Any other scheme, or a
    ``sqlite:`` URL naming a host, is a :class:`ConfigurationError` naming ``origin`` (where the text came
    from) and what is accepted; the password of a URL never appears in it.
    """
    if isinstance(value, os.PathLike):
        return _file(Path(value))
    if not isinstance(value, str):
        raise ConfigurationError(f"{origin} must be a path or a URL, not {type(value).__name__}")
    text = value.strip()
    if not text:
        raise ConfigurationError(f"{origin} is empty: give {_HINT}")
    match = _SCHEME.match(text)
    if match is None:  # no scheme (a one-letter one is a Windows drive): a path
        return _file(Path(text).expanduser())
    scheme = match.group(1).lower()
    if scheme == "sqlite":
        return _sqlite(text, origin)
    if scheme in _POSTGRES_SCHEMES:
        return _postgres(text, origin)
    raise ConfigurationError(f"{origin}: {scheme}: is not a store this client knows; give {_HINT}")


def _file(path: Path) -> StateURL:
    return StateURL("sqlite", path=path)


def _sqlite(text: str, origin: str) -> StateURL:
    parts = urlsplit(text)
    if parts.netloc not in ("", "localhost"):
        raise ConfigurationError(
            f"{origin}: {text!r} names a host ({parts.netloc}); SQLite is a file on this machine: "
            "write sqlite:///absolute/path (three slashes), or use postgresql:// for a server"
        )
    if parts.query or parts.fragment:
        raise ConfigurationError(f"{origin}: {text!r}: a sqlite: URL takes no options (?...)")
    path = unquote(parts.path)
    if not path:
        raise ConfigurationError(f"{origin}: {text!r} names no file; write sqlite:///absolute/path")
    return _file(Path(path).expanduser())


def _postgres(text: str, origin: str) -> StateURL:
    parts = urlsplit(text)
    display = redact(text)
    if parts.fragment:
        raise ConfigurationError(f"{origin}: {display}: a PostgreSQL URL has no #fragment")
    hosts = parts.netloc.rpartition("@")[2]
    host: str | None
    port: int | None
    if "," in hosts:  # libpq's several hosts (host1:port1,host2:port2): named as written
        host, port = unquote(hosts), None
    else:
        try:
            port = parts.port
        except ValueError:
            raise ConfigurationError(f"{origin}: {display}: the port is not a number") from None
        host = unquote(parts.hostname) if parts.hostname else None
    return StateURL(
        "postgresql",
        conninfo=text,
        display=display,
        host=host,
        port=port,
        user=unquote(parts.username) if parts.username else None,
    )


def redact(url: str) -> str:
    """``url`` with its password (in the authority or the query) replaced by ``***``.

    >>> redact("postgresql://lab:pw@db/prolific?password=pw&sslmode=require")
    'postgresql://lab:***@db/prolific?password=***&sslmode=require'
    >>> redact("sqlite:///var/lib/lab/bonuses.sqlite3")
    'sqlite:///var/lib/lab/bonuses.sqlite3'
    """
    parts = urlsplit(url)
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if at and ":" in userinfo:
        netloc = f"{userinfo.partition(':')[0]}:***@{hostport}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(k in _SECRET_PARAMS for k, _ in pairs):
            query = urlencode([(k, "***" if k in _SECRET_PARAMS else v) for k, v in pairs], safe="*/:")
    if (netloc, query) == (parts.netloc, parts.query):
        return url  # nothing to hide: as written (urlunsplit would drop an empty "//" authority)
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def store_location(
    given: str | os.PathLike[str] | None,
    *,
    default_file: str,
    default_dir: Path,
    flag: str,
    environ: Mapping[str, str] | None = None,
    setting: tuple[str | None, str] | None = None,
) -> StateURL:
    """Where one part of the state lives: ``given`` (flag, argument), else ``PROLIFIC_STATE_URL``, else the default.

    ``PROLIFIC_STATE_URL`` holds the whole state: a ``postgresql://`` URL is used as it is (each part has
    its own tables in that database); a path or ``sqlite:`` URL is a folder, ``default_file`` in it.
    Without either, ``default_dir / default_file``. ``flag`` names the option in messages. ``setting``:
    the value of the ``state_url`` setting and where it came from (the environment, or a profile of the
    config file), used instead of reading ``PROLIFIC_STATE_URL`` here.

    >>> store_location(None, default_file="bonuses.sqlite3", default_dir=Path("/s"), flag="--journal",
    ...                environ={"PROLIFIC_STATE_URL": "postgresql://lab@db/prolific"})
    StateURL('postgresql://lab@db/prolific')
    >>> store_location(None, default_file="bonuses.sqlite3", default_dir=Path("/s"), flag="--journal", environ={})
    StateURL('/s/bonuses.sqlite3')
    """
    if given is not None:
        return parse_state_url(given, origin=flag)
    if setting is not None:  # the settings' state_url (PROLIFIC_STATE_URL, else the profile) and where it came from
        shared, origin = setting[0] or "", setting[1]
    else:
        shared = (os.environ if environ is None else environ).get(STATE_URL_ENV, "")
        origin = f"the {STATE_URL_ENV} environment variable"
    if shared.strip():
        url = parse_state_url(shared, origin=origin)
        if url.kind == "postgresql":
            return url
        assert url.path is not None
        return _file(url.path / default_file)
    return _file(default_dir / default_file)
