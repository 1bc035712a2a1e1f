"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The type of ``UNSET``: a field the server did not send (distinct from ``None``, a null it did send)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


@define
class UnknownVariant:
    """A member of a tagged union whose tag this client does not know (a kind the API added later).

    The object is kept as the server sent it, in ``raw``, and written back unchanged by ``to_dict()``,
    so one new kind does not fail the whole response; the known tags are still parsed strictly.

    >>> UnknownVariant.from_dict({"action": "NEW_ACTION"})
    UnknownVariant(raw={'action': 'NEW_ACTION'})
    """

    raw: dict[str, Any]

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> "UnknownVariant":
        return cls(raw=dict(src_dict))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.raw)


def whole_number(value: Any) -> Any:
    """A value read for an ``int`` field: an integral float (``10.0``) as the int it is, anything else as sent.

    Fields that the published document types ``number`` but that are whole numbers (places,
    minutes, counts: ``openapi/overrides.yaml`` ``integers``) are typed ``int``; a server that
    writes them as ``10.0`` still gives an ``int``. A fractional value is kept as sent, never
    rounded (a type cannot be a reason to change what the server said).

    >>> whole_number(10.0), whole_number(10), whole_number(2.5), whole_number(None)
    (10, 10, 2.5, None)
    """
    if type(value) is float and value.is_integer():
        return int(value)
    return value


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "UnknownVariant", "Unset", "whole_number"]
