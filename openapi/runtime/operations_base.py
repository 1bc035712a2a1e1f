"""What the per-operation layer is made of: an operation's description, the runner protocols, base classes.

Copied into ``operations/_base.py`` by the spec pipeline; do not edit the copy.

A client supplies a *runner*: a callable taking an :class:`Operation` and the call's arguments and
returning the success value (sync) or an awaitable of it (async). The generated package knows
nothing of how the runner sends, retries or maps errors. What a runner needs of an operation is
public here: :meth:`Operation.build` (the request, as ``httpx.Client.build_request`` keywords) and
:meth:`Operation.parse` (a successful response's body as the documented model), both the
generated endpoint module's own code. Every generated method carries its operation
(``client.studies.get_study.operation``, see :func:`operation`).
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    import httpx

    from ..client import Client

T = TypeVar("T")
F = TypeVar("F")

_ROOT = __name__.rsplit(".", 2)[0]  # the generated package
_BUILTIN_TYPES: dict[str, type] = {"str": str, "list": list, "None": type(None), "object": object, "bytes": bytes}


@dataclass(frozen=True, eq=False)
class Operation(Generic[T]):
    """One operation of the API, as the spec defines it.

    ``method`` is upper case (``"GET"``), ``path`` the template (``"/api/v1/studies/{id}/"``),
    ``name`` the generated module and method name (``get_study``), ``pagination`` how its list is
    paged: ``"page"`` (``page``/``page_size``), ``"offset"`` (``offset``/``limit``), ``"results"``
    (one page under ``results``), ``"array"`` (a bare list) or ``None``. ``returns`` names the classes
    a successful result is an instance of: models of the generated ``models`` package, or ``str``,
    ``list``, ``None``, ``object`` (empty: not checked). They are imported on the first check, so
    building a client imports no model.
    """

    operation_id: str
    method: str
    path: str
    tag: str
    name: str
    path_parameters: tuple[str, ...] = ()
    query_parameters: tuple[str, ...] = ()
    has_body: bool = False
    pagination: str | None = None
    summary: str = ""
    returns: tuple[str, ...] = ()

    @property
    def module_name(self) -> str:
        """The generated endpoint module, e.g. ``prolific_api_client.api.studies.get_study``."""
        return f"{_ROOT}.api.{self.tag}.{self.name}"

    @cached_property
    def endpoint(self) -> ModuleType:
        """The generated endpoint module (imported on first use)."""
        return importlib.import_module(self.module_name)

    def build(self, **arguments: Any) -> dict[str, Any]:
        """The request for ``arguments`` (the generated function's), as ``httpx.Client.build_request`` keywords.

        ``method``, ``url`` (the path, parameters filled in and quoted) and, as the operation has
        them, ``params``, ``json``/``content``/``files``/``data`` and ``headers``.
        """
        return self._get_kwargs(**arguments)  # type: ignore[no-any-return]

    def parse(self, response: httpx.Response) -> T:
        """The documented value of a successful ``response`` (the generated parser's).

        Meant for 2xx responses: a status the operation does not document raises the generated
        ``errors.UnexpectedStatus``; a body not of the documented shape raises what the model's
        ``from_dict`` raises (``KeyError``, ``TypeError``, ``ValueError``, ...).
        """
        return self._parse_response(client=_strict_client(), response=response)  # type: ignore[no-any-return]

    @cached_property
    def _get_kwargs(self) -> Any:
        return self.endpoint._get_kwargs

    @cached_property
    def _parse_response(self) -> Any:
        return self.endpoint._parse_response

    def returning(self, *names: str) -> Operation[Any]:
        """This operation, checking that a successful result is an instance of one of the classes ``names``."""
        return replace(self, returns=names)

    @cached_property
    def return_types(self) -> tuple[type, ...]:
        """The classes ``returns`` names (imported on first use)."""
        models = importlib.import_module(f"{_ROOT}.models")
        return tuple(_BUILTIN_TYPES[name] if name in _BUILTIN_TYPES else getattr(models, name) for name in self.returns)

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is a successful result of this operation."""
        return not self.returns or isinstance(value, self.return_types)

    def __repr__(self) -> str:
        return f"<Operation {self.operation_id}: {self.method} {self.path}>"


@cache
def _strict_client() -> Client:
    # The generated parsers read one setting of the client: raise on an undocumented status.
    from ..client import Client

    return Client(base_url="", raise_on_unexpected_status=True)


def operation(op: Operation[Any]) -> Callable[[F], F]:
    """Decorator of the generated methods: ``method.operation`` is the :class:`Operation` it sends.

    Tools that take a method (pagination, raw responses, the CLI) read the operation from it
    instead of searching for it.
    """

    def attach(method: F) -> F:
        method.operation = op  # type: ignore[attr-defined]
        return method

    return attach


class SyncRunner(Protocol):
    """Sends an operation with its arguments and returns the success value (errors raise)."""

    def __call__(self, operation: Operation[T], arguments: dict[str, Any], /) -> T: ...


class AsyncRunner(Protocol):
    """The asyncio twin of :class:`SyncRunner`."""

    def __call__(self, operation: Operation[T], arguments: dict[str, Any], /) -> Awaitable[T]: ...


def no_such_operation(group: object, name: str) -> AttributeError:
    """The ``AttributeError`` for ``client.<group>.<name>``, saying which group has ``name`` when one does.

    Operations are grouped by their tag in Prolific's API reference, which is not always where a
    reader looks first: ``get_projects`` lists a workspace's projects, and is
    ``client.projects.get_projects(workspace_id)``, not ``client.workspaces.get_projects``.
    ``name`` and ``obj`` are set, so Python's own "Did you mean" hint still works for a typo.
    """
    tag = getattr(type(group), "_tag", "")
    where = f"client.{tag}" if tag else f"{type(group).__name__!r} object"
    message = f"{where} has no attribute {name!r}"
    if not name.startswith("_"):
        from .registry import OPERATIONS  # loaded on the first miss only

        found = [op for op in OPERATIONS.values() if op.name == name]
        if found:
            op = found[0]
            message += (
                f": {name} ({op.method} {op.path}) is an operation of the {op.tag!r} group (the API reference's "
                f"tag): client.{op.tag}.{name}(...)"
            )
    return AttributeError(message, name=name, obj=group)


class Operations:
    """Base of the generated ``<Tag>Operations`` classes: every method hands its call to the runner."""

    _tag = ""  # the generated class's tag (``client.<tag>``)

    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner

    def _run(self, operation: Operation[T], arguments: dict[str, Any]) -> T:
        return self._runner(operation, arguments)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    if not TYPE_CHECKING:  # hidden from type checkers: an unknown attribute stays a type error

        def __getattr__(self, name: str) -> Any:
            raise no_such_operation(self, name)


class AsyncOperations:
    """Base of the generated ``Async<Tag>Operations`` classes."""

    _tag = ""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    def _run(self, operation: Operation[T], arguments: dict[str, Any]) -> Awaitable[T]:
        return self._runner(operation, arguments)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            raise no_such_operation(self, name)
