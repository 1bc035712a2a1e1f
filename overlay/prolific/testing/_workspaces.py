"""Workspaces and their projects: list, create, get (``get-workspaces``, ``create-project``, ...).

A project created here is registered in the studies' project table (project id → workspace id), so
``create-study`` with ``project`` finds its workspace, as it does for ``fake.add_project``. A
project or workspace known only from that table (``add_project``, the default project of a
``workspace_id`` shortcut) is answered too, with a made-up title.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from ._answers import Answer, field_errors, json_answer, not_found
from ._fields import Errors, name_field, new_id
from ._routes import FakeRequest

#: The user every workspace and project of the fake belongs to.
OWNER = "5f0c0c0c0c0c0c0c0c0c0c0c"
_PROJECT_TYPE = "STUDIES"  # "dataset" projects are the other kind; the fake has studies only


class Workspaces:
    """Workspaces by id (each a ``Workspace`` body) and projects by id (each a ``Project`` body)."""

    def __init__(self, lock: threading.RLock, projects: dict[str, str]) -> None:
        self._lock = lock
        self._project_workspaces = projects  # the studies' table: project id -> workspace id
        self.workspaces: dict[str, dict[str, Any]] = {}
        self.projects: dict[str, dict[str, Any]] = {}

    def clear(self) -> None:
        self.workspaces.clear()
        self.projects.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "get-workspaces": self.list,
            "create-workspace": self.create,
            "get-workspace": self.get,
            "get-projects": self.list_projects,
            "create-project": self.create_project,
            "get-project": self.get_project,
        }

    # -- seeding (FakeProlific's public methods call these under the lock) --------------------------

    def add_workspace(self, title: str, workspace_id: str | None = None) -> str:
        workspace_id = workspace_id or new_id()
        self.workspaces[workspace_id] = {
            "id": workspace_id,
            "title": title,
            "description": "",
            "owner": OWNER,
            "users": [],
        }
        return workspace_id

    def add_project(self, workspace_id: str, title: str, project_id: str | None = None) -> str:
        project_id = project_id or new_id()
        self.projects[project_id] = {
            "id": project_id,
            "title": title,
            "description": "",
            "owner": OWNER,
            "type": _PROJECT_TYPE,
            "users": [],
            "workspace": workspace_id,
        }
        self._project_workspaces[project_id] = workspace_id
        return project_id

    # -- what the API answers -----------------------------------------------------------------

    def _workspace(self, workspace_id: str) -> dict[str, Any] | None:
        known = self.workspaces.get(workspace_id)
        if known is not None:
            return known
        if workspace_id in self._project_workspaces.values():  # seen only through a project
            return self.workspaces.setdefault(workspace_id, {**self._made_up_workspace(workspace_id)})
        return None

    @staticmethod
    def _made_up_workspace(workspace_id: str) -> dict[str, Any]:
        return {
            "id": workspace_id,
            "title": f"Workspace {workspace_id}",
            "description": "",
            "owner": OWNER,
            "users": [],
        }

    def _project(self, project_id: str) -> dict[str, Any] | None:
        known = self.projects.get(project_id)
        if known is not None:
            return known
        workspace_id = self._project_workspaces.get(project_id)
        if workspace_id is None:
            return None
        self.add_project(workspace_id, f"Project {project_id}", project_id)
        return self.projects[project_id]

    @staticmethod
    def _short(body: dict[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
        return {key: value for key, value in body.items() if key not in drop}

    def list(self, request: FakeRequest) -> Answer:
        """``get-workspaces``: ``{"results": [WorkspaceShort]}``."""
        for workspace_id in list(self._project_workspaces.values()):
            self._workspace(workspace_id)
        return json_answer(200, {"results": [self._short(w, ("projects", "wallet")) for w in self.workspaces.values()]})

    def create(self, request: FakeRequest) -> Answer:
        """``create-workspace``: 201 the ``Workspace``."""
        errors: Errors = {}
        title = name_field(request.body, "title", errors)
        if errors or title is None:
            return field_errors(errors)
        workspace_id = self.add_workspace(title)
        return json_answer(201, self._with_projects(workspace_id))

    def _projects_of(self, workspace_id: str) -> Sequence[dict[str, Any]] | None:
        """The ``ProjectShort`` bodies of a workspace, the projects its studies name included; None if unknown."""
        if self._workspace(workspace_id) is None:
            return None
        for project_id, owner in list(self._project_workspaces.items()):
            if owner == workspace_id:
                self._project(project_id)
        return [self._short(p, ("workspace",)) for p in self.projects.values() if p["workspace"] == workspace_id]

    def _with_projects(self, workspace_id: str) -> dict[str, Any]:
        return {**self.workspaces[workspace_id], "projects": self._projects_of(workspace_id)}

    def get(self, request: FakeRequest) -> Answer:
        """``get-workspace``: the ``Workspace`` with its projects."""
        workspace_id = request.path_params["workspace_id"]
        if self._workspace(workspace_id) is None:
            return not_found("Workspace")
        return json_answer(200, self._with_projects(workspace_id))

    def list_projects(self, request: FakeRequest) -> Answer:
        """``get-projects``: ``{"results": [ProjectShort]}`` of one workspace."""
        results = self._projects_of(request.path_params["workspace_id"])
        if results is None:
            return not_found("Workspace")
        return json_answer(200, {"results": results})

    def create_project(self, request: FakeRequest) -> Answer:
        """``create-project``: 201 the ``Project`` (in an existing workspace)."""
        workspace_id = request.path_params["workspace_id"]
        if self._workspace(workspace_id) is None:
            return not_found("Workspace")
        errors: Errors = {}
        title = name_field(request.body, "title", errors)
        if errors or title is None:
            return field_errors(errors)
        project_id = self.add_project(workspace_id, title)
        description = request.body.get("description")
        if isinstance(description, str):
            self.projects[project_id]["description"] = description
        return json_answer(201, self.projects[project_id])

    def get_project(self, request: FakeRequest) -> Answer:
        """``get-project``: the ``Project``."""
        project = self._project(request.path_params["project_id"])
        return not_found("Project") if project is None else json_answer(200, project)
