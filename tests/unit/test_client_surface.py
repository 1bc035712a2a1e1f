"""What a user sees of the client itself: its repr, and a method looked for under the wrong group."""

from __future__ import annotations

import pytest

from prolific import AsyncProlific, Prolific

SECRET = "tok-surface-4f1c9e"  # a planted token: it must never show


@pytest.mark.parametrize("cls", [Prolific, AsyncProlific])
def test_print_client_shows_the_masked_token_as_the_getting_started_guide_says(cls: type[Prolific]) -> None:
    client = cls(token=SECRET, base_url="https://api.prolific.com")
    try:
        text = repr(client)
        assert text == f"{cls.__name__}(base_url='https://api.prolific.com', token='***', max_retries=2)"
        assert str(client) == text and SECRET not in text
    finally:
        if isinstance(client, Prolific):
            client.close()


def test_an_operation_asked_of_the_wrong_group_says_which_group_has_it() -> None:
    with Prolific(token=SECRET) as client:
        with pytest.raises(AttributeError) as info:
            client.workspaces.get_projects  # noqa: B018 (the attribute access is the test)
        message = str(info.value)
        assert message.startswith("client.workspaces has no attribute 'get_projects': get_projects (GET /api/v1/")
        assert message.endswith("is an operation of the 'projects' group (the API reference's tag): "
                                "client.projects.get_projects(...)")  # fmt: skip
        assert (info.value.name, info.value.obj) == ("get_projects", client.workspaces)
        assert callable(client.projects.get_projects)  # where it is
        # A resource with friendly methods (here participant_groups) says the same.
        with pytest.raises(AttributeError, match=r"client\.studies\.count_study_submissions_by_status\(\.\.\.\)"):
            client.participant_groups.count_study_submissions_by_status  # noqa: B018
        # A name no group has: the plain error, with name/obj set for Python's "Did you mean".
        with pytest.raises(AttributeError) as info:
            client.studies.get_studdy  # noqa: B018
        assert str(info.value) == "client.studies has no attribute 'get_studdy'"
        assert info.value.name == "get_studdy"
        assert not hasattr(client.studies, "_private") and not hasattr(client.studies, "get_projects")


async def test_the_async_groups_say_it_too() -> None:
    async with AsyncProlific(token=SECRET) as client:
        with pytest.raises(AttributeError, match=r"client\.projects\.get_projects\(\.\.\.\)"):
            client.workspaces.get_projects  # noqa: B018
