"""Every item of a list operation, across pages, one page in memory at a time.

Prolific's lists come in four families, which the spec pipeline records on each operation
(``Operation.pagination``, from its parameters and response shape):

* ``page``: ``page`` (from 1) and ``page_size`` query parameters, items under ``results``
  (submissions, a project's studies);
* ``offset``: ``offset`` (from 0) and ``limit`` (surveys, webhook events);
* ``results``: one response, items under ``results`` (most lists);
* ``array``: one response that is the list itself.

A paged list stops at the last page: a page shorter than asked for, an empty page, a ``_links``
without a ``next`` link, or ``meta.count`` items seen. The sync and async clients share
:class:`Pager`; only the calls differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from prolific_api_client.operations import Operation
from prolific_api_client.types import Unset

from ._errors import InvalidArgumentError

T_co = TypeVar("T_co", covariant=True)

#: Items asked for per page when the caller does not say (``page_size`` / ``limit``).
DEFAULT_PAGE_SIZE = 100

_SIZE = {"page": "page_size", "offset": "limit"}
_POSITION = {"page": "page", "offset": "offset"}


class HasResults(Protocol[T_co]):
    """A list response: its items are under ``results``."""

    @property
    def results(self) -> Sequence[T_co] | Unset: ...


def operation_of(method: Callable[..., Any]) -> Operation[Any]:
    """The operation a client method sends (``client.studies.get_studies.operation``); else InvalidArgumentError."""
    operation = getattr(method, "operation", None)
    if isinstance(operation, Operation):
        return operation
    raise InvalidArgumentError(
        f"paginate() takes a client method for an API operation, e.g. client.studies.get_studies; got {method!r}"
    )


class Pager:
    """Which arguments to send next and when to stop, for one paginated listing."""

    def __init__(self, operation: Operation[Any], kwargs: dict[str, Any]) -> None:
        family = operation.pagination
        if family is None:
            raise InvalidArgumentError(
                f"{operation.operation_id} ({operation.method} {operation.path}) does not return a list to paginate"
            )
        self.family = family
        self.kwargs = dict(kwargs)
        self.size: int | None = None
        self.position = 0
        self.seen = 0
        self.done = False
        if family in _SIZE:
            size_name, position_name = _SIZE[family], _POSITION[family]
            size = self.kwargs.setdefault(size_name, DEFAULT_PAGE_SIZE)
            if isinstance(size, bool) or not isinstance(size, int) or size < 1:
                raise InvalidArgumentError(f"{size_name} must be a positive int, got {size!r}")
            self.size = size
            start = self.kwargs.get(position_name, 1 if family == "page" else 0)
            if isinstance(start, bool) or not isinstance(start, int) or start < 0:
                raise InvalidArgumentError(f"{position_name} must be an int >= 0, got {start!r}")
            self.position = start
            self.kwargs[position_name] = start

    def arguments(self) -> dict[str, Any]:
        """The keyword arguments for the next page."""
        return self.kwargs

    def take(self, page: Any) -> Sequence[Any]:
        """The items of ``page``; decides whether another page follows."""
        if self.family == "array":
            self.done = True
            return page if isinstance(page, Sequence) else []
        items = getattr(page, "results", None)
        items = items if isinstance(items, Sequence) and not isinstance(items, str) else []
        if self.size is None:
            self.done = True
            return items
        self.seen += len(items)
        count = _meta_count(page)
        if len(items) < self.size or _has_no_next_link(page) or (count is not None and self.seen >= count):
            self.done = True
        else:
            self.position += 1 if self.family == "page" else len(items)
            self.kwargs[_POSITION[self.family]] = self.position
        return items


def _extra(model: Any, key: str) -> Any:
    extra = getattr(model, "additional_properties", None)
    return extra.get(key) if isinstance(extra, dict) else None


def _meta_count(page: Any) -> int | None:
    meta = getattr(page, "meta", None)
    if meta is None or isinstance(meta, Unset):
        meta = _extra(page, "meta")
    count = meta.get("count") if isinstance(meta, dict) else getattr(meta, "count", None)
    if count is None and meta is not None and not isinstance(meta, dict):
        count = _extra(meta, "count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _has_no_next_link(page: Any) -> bool:
    """True when the page has HAL-style ``_links`` and they name no ``next`` page."""
    links = getattr(page, "field_links", None)
    if links is None or isinstance(links, Unset):
        links = _extra(page, "_links")
    if links is None:
        return False
    if not isinstance(links, dict):
        links = getattr(links, "additional_properties", None)
        if not isinstance(links, dict):
            return False
    following = links.get("next")
    if isinstance(following, dict):
        following = following.get("href")
    return not following
