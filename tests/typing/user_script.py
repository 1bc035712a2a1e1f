"""What a user writes; tests/typing/test_types.py runs mypy --strict on it and reads the reveal_type notes."""

from typing import reveal_type

from prolific import AsyncProlific, Prolific

client = Prolific(token="t")
study = client.studies.get_study("s")
reveal_type(study)  # expect: prolific_api_client.models.study.Study
pools = client.credentials.list_credential_pools(workspace_id="w")
reveal_type(pools)  # expect: prolific_api_client.models.credential_pool_list.CredentialPoolList
reveal_type(client.participant_groups.delete_participant_group("g"))  # expect: None
reveal_type(client.studies.download_study_credential_report("s"))  # expect: str
reveal_type(client.credentials.create_pool(workspace_id="w", credentials="a,b"))  # expect: str
group = client.participant_groups.create(name="G", workspace_id="w")
reveal_type(group)  # expect: prolific_api_client.models.participant_group.ParticipantGroup
reveal_type(group.id)  # expect: str
reveal_type(pools.credential_pools[0].available_credentials)  # expect: int
for submission in client.paginate(client.submissions.get_submissions, study="s"):
    reveal_type(submission)  # expect: prolific_api_client.models.submission_short.SubmissionShort
recommend = client.reward_recommendations.calculate_reward_recommendations
for item in client.paginate(recommend, workspace_id="w", currency="GBP"):
    reveal_type(item)  # expect: prolific_api_client.models.reward_recommendation.RewardRecommendation
raw = client.with_raw_response(client.studies.get_study, "s")
reveal_type(raw)  # expect: prolific._call.RawResponse[prolific_api_client.models.study.Study]


async def main(aclient: AsyncProlific) -> None:
    reveal_type(await aclient.studies.get_study("s"))  # expect: prolific_api_client.models.study.Study
    async for survey in aclient.paginate(aclient.surveys.get_surveys, researcher_id="r"):
        reveal_type(survey)  # expect: prolific_api_client.models.survey_out.SurveyOut
    result = await aclient.with_raw_response(aclient.credentials.create_pool, workspace_id="w", credentials="a,b")
    reveal_type(result.parsed)  # expect: str


# Create a draft, then publish it with the id the answer carries (present, not ``str | Unset``).
from prolific_api_client.models import CreateStudy, StudyTransition  # noqa: E402

created = client.studies.create_study(
    body=CreateStudy(
        name="Pilot",
        description="A pilot",
        external_study_url="https://example.org/study",
        prolific_id_option="url_parameters",
        total_available_places=10,
        estimated_completion_time=5,
        reward=100,
    )
)
reveal_type(created.id)  # expect: str
reveal_type(created.status)  # expect: str
published = client.studies.publish_study(created.id, body=StudyTransition(action="PUBLISH"))
