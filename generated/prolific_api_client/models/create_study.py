from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.base_study_content_warning import (
    BaseStudyContentWarning,
    check_base_study_content_warning,
)
from ..models.base_study_data_collection_method import (
    BaseStudyDataCollectionMethod,
)
from ..models.base_study_peripheral_requirement import (
    BaseStudyPeripheralRequirement,
    check_base_study_peripheral_requirement,
)
from ..models.base_study_prolific_id_option import (
    BaseStudyProlificIdOption,
    check_base_study_prolific_id_option,
)
from ..models.base_study_study_label import (
    BaseStudyStudyLabel,
    check_base_study_study_label,
)
from ..models.device_compatibility import (
    DeviceCompatibility,
    check_device_compatibility,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.access_detail import AccessDetail
    from ..models.base_study_completion_code import BaseStudyCompletionCode
    from ..models.base_study_data_collection_metadata import (
        BaseStudyDataCollectionMetadata,
    )
    from ..models.base_study_submissions_config import BaseStudySubmissionsConfig
    from ..models.composite_filter import CompositeFilter
    from ..models.range_filter import RangeFilter
    from ..models.select_filter import SelectFilter


T = TypeVar("T", bound="CreateStudy")


@_attrs_define
class CreateStudy:
    """
    Attributes:
        name (str): Public name or title of the study
        description (str): Description of the study for the participants to read before
            starting the study

            **Supported HTML in `description`**

            The `description` field supports the following HTML tags for formatting participant instructions:

            * `<b>` - bold
            * `<i>` - italic
            * `<em>` - emphasized text
            * `<strong>` - strong importance
            * `<s>` - strikethrough
            * `<u>` - underline
            * `<h1>` - heading level 1
            * `<h2>` - heading level 2
            * `<ol>` - ordered list
            * `<ul>` - unordered list
            * `<li>` - list item
            * `<p>` - paragraph

            Other HTML tags will be stripped or escaped. Please ensure that you only use supported tags for formatting to
            avoid rendering issues.
        external_study_url (str): URL of the survey or experiment you want participant to access. You can pass URL
            search parameters to your survey or experiment

            * Participant id {{%PROLIFIC_PID%}}
            * Study id {{%STUDY_ID%}}
            * Session id {{%SESSION_ID%}}

            For example `https://eggs-experriment.com?participant={{%PROLIFIC_PID%}}`
        prolific_id_option (BaseStudyProlificIdOption): Use 'question' if you will add a question in your survey or
            experiment asking the participant ID

            **Recommended** Use 'url_parameters' if your survey or experiment can retrieve and store those parameters for
            your analysis.

            Use 'not_required' if you don't need to record them.
        total_available_places (int): How many participants are you looking to recruit.

            **Note:** This field is optional when `data_collection_method` is set to `AI_TASK_BUILDER_BATCH`, as the total
            available places are automatically calculated from the batch configuration.
        estimated_completion_time (int): Estimated duration in minutes of the experiment or survey
        reward (float): How much are you going to pay the participants in cents. We
            use the currency of your account.
        internal_name (None | str | Unset): Internal name of the study, not shown to participants
        completion_codes (list[BaseStudyCompletionCode] | Unset): Specify at least one completion code for your study. A
            participant will enter one of these codes when they complete your study.

            Each code must be unique within a study.

            You can specify as many actions as you like per code. However, some actions can't be used together (e.g.
            AutomaticallyApprove and ManuallyReview).

            **Note:** This field is optional when `data_collection_method` is set to `AI_TASK_BUILDER_BATCH` or
            `AI_TASK_BUILDER_COLLECTION`. When omitted, a default COMPLETED code with a `MANUALLY_REVIEW` action is auto-
            generated. When provided, AITB studies must include exactly one code with `code_type` of `COMPLETED` and an
            action of `MANUALLY_REVIEW` or `AUTOMATICALLY_APPROVE`.
        maximum_allowed_time (int | Unset): Max time in minutes for a participant to finish the submission. Submissions
            are timed out if it takes longer.

            If it is not provided the default value is set to the max value.

            The min value is calculated as two minutes plus two times the estimated time plus two times the square root of
            the estimated time
        device_compatibility (list[DeviceCompatibility] | Unset): Add all devices that participants can use.
            You can include one or more options.

            An empty array indicates that all options are available.
        peripheral_requirements (list[BaseStudyPeripheralRequirement] | Unset): Add all requirements that participants
            have to meet.

            An empty array indicates that there are no extra peripheral requirements.
        filters (list[CompositeFilter | RangeFilter | SelectFilter] | None | Unset): Array of filters.

            For advanced participant targeting with `and` / `or` groups, see [Advanced
            filtering](https://docs.prolific.com/api-reference/filters/advanced-filtering).

            Use empty array for "Everyone"
        filter_set_id (None | str | Unset): The ID of a filter set, from which filters for the study will be taken.

            For more information, see [Filter Sets](https://docs.prolific.com/api-reference/filter-sets).

            Note, this cannot be used in combination with additional filters via the `filters` field.
        filter_set_version (int | None | Unset): The version of the filter set to be used.

            If not provided, this will default to the latest available version at the time of applying the filter set.
        naivety_distribution_rate (float | None | Unset): Control the balance between speed of your studies and the
            naivety of the participants.

            If not defined, by default Prolific calculates the best rate for most studies
            taking into account the `filters` and the `total_available_places` needed for this study.

            Use 0 if your priority is speed. When this property is set to 0 all eligible participants will have access
            to your study at the same time, without any prioritization.

            You can also set this at a workspace and project level.
        project (str | Unset): Project ID. When you don't specify a project in your request, Prolific automatically uses
            your first created project as the default. For clarity, we recommend explicitly including the project ID in your
            requests.
        submissions_config (BaseStudySubmissionsConfig | Unset): **Advanced**: This helps with faster data collection.
            Your survey system will need to handle providing a
            unique experience each time the participant takes the study.

            Configuration related to study submissions. The purpose of this field is to capture any configuration options
            that impact the submissions made by participants in a study.
        study_labels (list[BaseStudyStudyLabel] | Unset): This field allows you to tag studies with information about
            the type/topic of the study and the kind of work involved in completing it.

            We plan to make this information available to participants for easier self-selection. At present these options
            are mutually exclusive and only a single option can be selected, however in the future available categories will
            expand.
        content_warnings (list[BaseStudyContentWarning] | Unset): Allow researchers to define content warnings for their
            study.

            At present these options are mutually exclusive and only a single option can be selected, however in the future
            available warnings will expand.
        content_warning_details (str | Unset): Allow researchers to add further details about their content warning.
        metadata (None | str | Unset): This field can be used to store extra information required for a system
            integration.
            For example, it could be some JSON, XML, an integer, or a string.

            Examples could include:

              - `123345` - An ID from your system, that helps with linkage when returning the study.
              - `{ \\"id\\": \\"45\\", \\"type\\": \\"finance\\"}` - Some JSON that you want to store.
        credential_pool_id (None | str | Unset): The ID of the credential pool to associate with this study. Credential
            pools contain
            username/password pairs that are distributed to participants when they start the study.

            When provided, participants will be assigned unique credentials from the pool. Each
            credential can only be used once and is tracked throughout the study lifecycle.

            **Note:** The credential pool must:
            - Exist and belong to the study's workspace
            - Have available (unredeemed) credentials

            See the [Credentials endpoints](#tag/Credentials) for managing credential pools.
        has_credentials (bool | Unset): Indicates whether this study requires participants to use credentials. This
            field is
            automatically set to `true` when a `credential_pool_id` is provided, and `false` when
            the credential pool is removed.

            **Note:** This field is automatically managed based on the `credential_pool_id` field
            and does not need to be set manually.
        data_collection_method (BaseStudyDataCollectionMethod | None | Unset): **Optional.** Specifies the data
            collection method for the study.

            - `AI_TASK_BUILDER_BATCH`: Use AI Task Builder for data annotation tasks.
            - `AI_TASK_BUILDER_COLLECTION`: Use AI Task Builder for data collection tasks.

            **Note:** This field is mutually exclusive with `external_study_url` and `access_details`. If not provided, you
            must specify one of those fields instead.
        data_collection_id (None | str | Unset): The ID of the data collection batch or project from the Task Builder
            API.

            **Required when `data_collection_method` is set to `AI_TASK_BUILDER_BATCH` or `AI_TASK_BUILDER_COLLECTION`.**
        data_collection_metadata (BaseStudyDataCollectionMetadata | None | Unset): **Optional.** Additional metadata for
            configuring AI Task Builder data annotation behavior. Only used when `data_collection_method` is set to
            `AI_TASK_BUILDER_BATCH`.

            **Properties:**

            - `annotators_per_task` (integer): Number of annotators per task. **This field must be provided if you want
            multiple annotators per task.** Without this field, the default value of 1 will be used.
              - Minimum: 1
              - Default: 1 (if not provided)

            **Example:**
            ```json
            {
              "annotators_per_task": 5
            }
            ```

            **Important:** You must include `annotators_per_task` to control how many participants annotate each task. After
            the study is published, this value can only be increased (not decreased), which will increase the total
            available places on the study.
        access_details (list[AccessDetail] | None | Unset): Array of access_details, which integrates with taskflow.

            While this field is nullable, you must provide one of `access_details` or `external_study_url`.

            The sum of all access_details must add to the `total_available_places` field, however the values can be
            different for an individual access_detail.
        is_external_study_url_secure (bool | Unset): When set to true, any query parameters in the external study url
            will be signed with a JSON Web Token. The token will be added to the URL as a query parameter named
            `prolific_token`.

            This feature is only available to certain workspaces.

            **The JWT payload**

            Header:

            ```json
            {
              "alg": "RS256",
              "kid": "<KEY_ID>",
              "typ": "JWT"
            }
            ```

            Where
            - alg is always RS256.
            - kid indicates the key ID that was used to secure the JWT.
            - typ is always JWT.

            Payload:

            ```json
            {
              "iss": "https://www.prolific.com",
              "iat": <CURRENT_TIME>,
              "exp": <CURRENT_TIME + 2 minutes>,
              "aud": "<EXTERNAL_STUDY_URL>",
              "sub": "<SESSION_ID>",
              "prolific":{
                "<QUERY_1>": "<VALUE_1>",
                "<QUERY_2>": "<VALUE_2>",
                ...
                "workspace_id": "<WORKSPACE_ID>",
                "organisation_id": "<ORGANISATION_ID>"
              }
            }
            ```

            `<ORGANISATION_ID>` appears only when the workspace is linked to an
            organisation; otherwise omit that key from `prolific`.

            The `prolific` object maps each URL parameter from your
            external study URL template to the resolved value for that
            placeholder (for example participant, study, and session
            identifiers). Prolific always adds `workspace_id` (string). When the
            workspace is linked to an organisation, `organisation_id` (string)
            is also present.

            For example (the sample below includes `organisation_id`; that key
            is omitted when the workspace has no linked organisation):

            ```json
            {
              "iss": "https://www.prolific.com",
              "iat": 1740496135,
              "exp": 1740496255,
              "aud": "https://x.com?STUDY_ID=1&...",
              "sub": "1234",
              "prolific":{
                "STUDY_ID": "abcd",
                "SESSION_ID": "1234",
                "PROLIFIC_PID": "xyz",
                "workspace_id": "507f1f77bcf86cd799439011",
                "organisation_id": "507f191e810c19729de860ea"
              }
            }
            ```

            **Verify the payload**

            When you receive the JWT, you must verify the following:
            - The JWT signature is authentic by verifying it with the public key from Prolific that correlates with the KID.
            The public keys can be retrieved from [/.well-known/study/jwks.json](#tag/Well-Known-Endpoints/paths/~1.well-
            known~1study~1jwks.json/get).
            - The JWT hasn't expired, by checking the `exp` claim.
            - The `aud` claim is the correct domain for your tool.
            - The `prolific` claim matches your expected payload as set in the `external_study_url` property. It always
            includes `workspace_id`. When the workspace is linked to an organisation, it also includes `organisation_id`
            (validate both against what your integration expects).
    """

    name: str
    description: str
    external_study_url: str
    prolific_id_option: BaseStudyProlificIdOption
    total_available_places: int
    estimated_completion_time: int
    reward: float
    internal_name: None | str | Unset = UNSET
    completion_codes: list[BaseStudyCompletionCode] | Unset = UNSET
    maximum_allowed_time: int | Unset = UNSET
    device_compatibility: list[DeviceCompatibility] | Unset = UNSET
    peripheral_requirements: list[BaseStudyPeripheralRequirement] | Unset = UNSET
    filters: list[CompositeFilter | RangeFilter | SelectFilter] | None | Unset = UNSET
    filter_set_id: None | str | Unset = UNSET
    filter_set_version: int | None | Unset = UNSET
    naivety_distribution_rate: float | None | Unset = UNSET
    project: str | Unset = UNSET
    submissions_config: BaseStudySubmissionsConfig | Unset = UNSET
    study_labels: list[BaseStudyStudyLabel] | Unset = UNSET
    content_warnings: list[BaseStudyContentWarning] | Unset = UNSET
    content_warning_details: str | Unset = UNSET
    metadata: None | str | Unset = UNSET
    credential_pool_id: None | str | Unset = UNSET
    has_credentials: bool | Unset = UNSET
    data_collection_method: BaseStudyDataCollectionMethod | None | Unset = UNSET
    data_collection_id: None | str | Unset = UNSET
    data_collection_metadata: BaseStudyDataCollectionMetadata | None | Unset = UNSET
    access_details: list[AccessDetail] | None | Unset = UNSET
    is_external_study_url_secure: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        name = self.name

        description = self.description

        external_study_url = self.external_study_url

        prolific_id_option: str = self.prolific_id_option

        total_available_places = self.total_available_places

        estimated_completion_time = self.estimated_completion_time

        reward = self.reward

        internal_name: None | str | Unset
        if isinstance(self.internal_name, Unset):
            internal_name = UNSET
        else:
            internal_name = self.internal_name

        completion_codes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.completion_codes, Unset):
            completion_codes = []
            for completion_codes_item_data in self.completion_codes:
                completion_codes_item = completion_codes_item_data.to_dict()
                completion_codes.append(completion_codes_item)

        maximum_allowed_time = self.maximum_allowed_time

        device_compatibility: list[str] | Unset = UNSET
        if not isinstance(self.device_compatibility, Unset):
            device_compatibility = []
            for device_compatibility_item_data in self.device_compatibility:
                device_compatibility_item: str = device_compatibility_item_data
                device_compatibility.append(device_compatibility_item)

        peripheral_requirements: list[str] | Unset = UNSET
        if not isinstance(self.peripheral_requirements, Unset):
            peripheral_requirements = []
            for peripheral_requirements_item_data in self.peripheral_requirements:
                peripheral_requirements_item: str = peripheral_requirements_item_data
                peripheral_requirements.append(peripheral_requirements_item)

        filters: list[dict[str, Any]] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, list):
            filters = []
            for filters_type_0_item_data in self.filters:
                filters_type_0_item: dict[str, Any]
                if isinstance(filters_type_0_item_data, SelectFilter):
                    filters_type_0_item = filters_type_0_item_data.to_dict()
                elif isinstance(filters_type_0_item_data, RangeFilter):
                    filters_type_0_item = filters_type_0_item_data.to_dict()
                else:
                    filters_type_0_item = filters_type_0_item_data.to_dict()

                filters.append(filters_type_0_item)

        else:
            filters = self.filters

        filter_set_id: None | str | Unset
        if isinstance(self.filter_set_id, Unset):
            filter_set_id = UNSET
        else:
            filter_set_id = self.filter_set_id

        filter_set_version: int | None | Unset
        if isinstance(self.filter_set_version, Unset):
            filter_set_version = UNSET
        else:
            filter_set_version = self.filter_set_version

        naivety_distribution_rate: float | None | Unset
        if isinstance(self.naivety_distribution_rate, Unset):
            naivety_distribution_rate = UNSET
        else:
            naivety_distribution_rate = self.naivety_distribution_rate

        project = self.project

        submissions_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.submissions_config, Unset):
            submissions_config = self.submissions_config.to_dict()

        study_labels: list[str] | Unset = UNSET
        if not isinstance(self.study_labels, Unset):
            study_labels = []
            for study_labels_item_data in self.study_labels:
                study_labels_item: str = study_labels_item_data
                study_labels.append(study_labels_item)

        content_warnings: list[str] | Unset = UNSET
        if not isinstance(self.content_warnings, Unset):
            content_warnings = []
            for content_warnings_item_data in self.content_warnings:
                content_warnings_item: str = content_warnings_item_data
                content_warnings.append(content_warnings_item)

        content_warning_details = self.content_warning_details

        metadata: None | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        else:
            metadata = self.metadata

        credential_pool_id: None | str | Unset
        if isinstance(self.credential_pool_id, Unset):
            credential_pool_id = UNSET
        else:
            credential_pool_id = self.credential_pool_id

        has_credentials = self.has_credentials

        data_collection_method: None | str | Unset
        if isinstance(self.data_collection_method, Unset):
            data_collection_method = UNSET
        elif isinstance(self.data_collection_method, str):
            data_collection_method = self.data_collection_method
        else:
            data_collection_method = self.data_collection_method

        data_collection_id: None | str | Unset
        if isinstance(self.data_collection_id, Unset):
            data_collection_id = UNSET
        else:
            data_collection_id = self.data_collection_id

        data_collection_metadata: dict[str, Any] | None | Unset
        if isinstance(self.data_collection_metadata, Unset):
            data_collection_metadata = UNSET
        elif isinstance(self.data_collection_metadata, BaseStudyDataCollectionMetadata):
            data_collection_metadata = self.data_collection_metadata.to_dict()
        else:
            data_collection_metadata = self.data_collection_metadata

        access_details: list[dict[str, Any]] | None | Unset
        if isinstance(self.access_details, Unset):
            access_details = UNSET
        elif isinstance(self.access_details, list):
            access_details = []
            for access_details_type_0_item_data in self.access_details:
                access_details_type_0_item = access_details_type_0_item_data.to_dict()
                access_details.append(access_details_type_0_item)

        else:
            access_details = self.access_details

        is_external_study_url_secure = self.is_external_study_url_secure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "external_study_url": external_study_url,
                "prolific_id_option": prolific_id_option,
                "total_available_places": total_available_places,
                "estimated_completion_time": estimated_completion_time,
                "reward": reward,
            }
        )
        if internal_name is not UNSET:
            field_dict["internal_name"] = internal_name
        if completion_codes is not UNSET:
            field_dict["completion_codes"] = completion_codes
        if maximum_allowed_time is not UNSET:
            field_dict["maximum_allowed_time"] = maximum_allowed_time
        if device_compatibility is not UNSET:
            field_dict["device_compatibility"] = device_compatibility
        if peripheral_requirements is not UNSET:
            field_dict["peripheral_requirements"] = peripheral_requirements
        if filters is not UNSET:
            field_dict["filters"] = filters
        if filter_set_id is not UNSET:
            field_dict["filter_set_id"] = filter_set_id
        if filter_set_version is not UNSET:
            field_dict["filter_set_version"] = filter_set_version
        if naivety_distribution_rate is not UNSET:
            field_dict["naivety_distribution_rate"] = naivety_distribution_rate
        if project is not UNSET:
            field_dict["project"] = project
        if submissions_config is not UNSET:
            field_dict["submissions_config"] = submissions_config
        if study_labels is not UNSET:
            field_dict["study_labels"] = study_labels
        if content_warnings is not UNSET:
            field_dict["content_warnings"] = content_warnings
        if content_warning_details is not UNSET:
            field_dict["content_warning_details"] = content_warning_details
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if credential_pool_id is not UNSET:
            field_dict["credential_pool_id"] = credential_pool_id
        if has_credentials is not UNSET:
            field_dict["has_credentials"] = has_credentials
        if data_collection_method is not UNSET:
            field_dict["data_collection_method"] = data_collection_method
        if data_collection_id is not UNSET:
            field_dict["data_collection_id"] = data_collection_id
        if data_collection_metadata is not UNSET:
            field_dict["data_collection_metadata"] = data_collection_metadata
        if access_details is not UNSET:
            field_dict["access_details"] = access_details
        if is_external_study_url_secure is not UNSET:
            field_dict["is_external_study_url_secure"] = is_external_study_url_secure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        external_study_url = d.pop("external_study_url")

        prolific_id_option = check_base_study_prolific_id_option(d.pop("prolific_id_option"))

        total_available_places = whole_number(d.pop("total_available_places"))

        estimated_completion_time = whole_number(d.pop("estimated_completion_time"))

        reward = d.pop("reward")

        internal_name = d.pop("internal_name", UNSET)

        _completion_codes = d.pop("completion_codes", UNSET)
        completion_codes: list[BaseStudyCompletionCode] | Unset = UNSET
        if _completion_codes is not UNSET:
            completion_codes = []
            for completion_codes_item_data in _completion_codes:
                completion_codes_item = BaseStudyCompletionCode.from_dict(completion_codes_item_data)

                completion_codes.append(completion_codes_item)

        maximum_allowed_time = whole_number(d.pop("maximum_allowed_time", UNSET))

        _device_compatibility = d.pop("device_compatibility", UNSET)
        device_compatibility: list[DeviceCompatibility] | Unset = UNSET
        if _device_compatibility is not UNSET:
            device_compatibility = []
            for device_compatibility_item_data in _device_compatibility:
                device_compatibility_item = check_device_compatibility(device_compatibility_item_data)

                device_compatibility.append(device_compatibility_item)

        _peripheral_requirements = d.pop("peripheral_requirements", UNSET)
        peripheral_requirements: list[BaseStudyPeripheralRequirement] | Unset = UNSET
        if _peripheral_requirements is not UNSET:
            peripheral_requirements = []
            for peripheral_requirements_item_data in _peripheral_requirements:
                peripheral_requirements_item = check_base_study_peripheral_requirement(
                    peripheral_requirements_item_data
                )

                peripheral_requirements.append(peripheral_requirements_item)

        filters = _parse_filters(d.pop("filters", UNSET))

        filter_set_id = d.pop("filter_set_id", UNSET)

        filter_set_version = whole_number(d.pop("filter_set_version", UNSET))

        naivety_distribution_rate = d.pop("naivety_distribution_rate", UNSET)

        project = d.pop("project", UNSET)

        _submissions_config = d.pop("submissions_config", UNSET)
        submissions_config: BaseStudySubmissionsConfig | Unset
        if isinstance(_submissions_config, Unset):
            submissions_config = UNSET
        else:
            submissions_config = BaseStudySubmissionsConfig.from_dict(_submissions_config)

        _study_labels = d.pop("study_labels", UNSET)
        study_labels: list[BaseStudyStudyLabel] | Unset = UNSET
        if _study_labels is not UNSET:
            study_labels = []
            for study_labels_item_data in _study_labels:
                study_labels_item = check_base_study_study_label(study_labels_item_data)

                study_labels.append(study_labels_item)

        _content_warnings = d.pop("content_warnings", UNSET)
        content_warnings: list[BaseStudyContentWarning] | Unset = UNSET
        if _content_warnings is not UNSET:
            content_warnings = []
            for content_warnings_item_data in _content_warnings:
                content_warnings_item = check_base_study_content_warning(content_warnings_item_data)

                content_warnings.append(content_warnings_item)

        content_warning_details = d.pop("content_warning_details", UNSET)

        metadata = d.pop("metadata", UNSET)

        credential_pool_id = d.pop("credential_pool_id", UNSET)

        has_credentials = d.pop("has_credentials", UNSET)

        data_collection_method = d.pop("data_collection_method", UNSET)

        data_collection_id = d.pop("data_collection_id", UNSET)

        data_collection_metadata = _parse_data_collection_metadata(d.pop("data_collection_metadata", UNSET))

        access_details = _parse_access_details(d.pop("access_details", UNSET))

        is_external_study_url_secure = d.pop("is_external_study_url_secure", UNSET)

        create_study = cls(
            name=name,
            description=description,
            external_study_url=external_study_url,
            prolific_id_option=prolific_id_option,
            total_available_places=total_available_places,
            estimated_completion_time=estimated_completion_time,
            reward=reward,
            internal_name=internal_name,
            completion_codes=completion_codes,
            maximum_allowed_time=maximum_allowed_time,
            device_compatibility=device_compatibility,
            peripheral_requirements=peripheral_requirements,
            filters=filters,
            filter_set_id=filter_set_id,
            filter_set_version=filter_set_version,
            naivety_distribution_rate=naivety_distribution_rate,
            project=project,
            submissions_config=submissions_config,
            study_labels=study_labels,
            content_warnings=content_warnings,
            content_warning_details=content_warning_details,
            metadata=metadata,
            credential_pool_id=credential_pool_id,
            has_credentials=has_credentials,
            data_collection_method=data_collection_method,
            data_collection_id=data_collection_id,
            data_collection_metadata=data_collection_metadata,
            access_details=access_details,
            is_external_study_url_secure=is_external_study_url_secure,
        )

        create_study.additional_properties = d
        return create_study

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_filters(data: object) -> list[CompositeFilter | RangeFilter | SelectFilter] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            filters_type_0 = []
            _filters_type_0 = data
            for filters_type_0_item_data in _filters_type_0:
                filters_type_0_item = _parse_filters_type_0_item(filters_type_0_item_data)

                filters_type_0.append(filters_type_0_item)

            return filters_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[CompositeFilter | RangeFilter | SelectFilter] | None | Unset, data)


def _parse_filters_type_0_item(data: object) -> CompositeFilter | RangeFilter | SelectFilter:
    if isinstance(data, dict) and "filter_id" in data and "selected_values" in data:
        try:
            componentsschemas_base_study_filter_type_0 = SelectFilter.from_dict(data)

            return componentsschemas_base_study_filter_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict) and "filter_id" in data and "selected_range" in data:
        try:
            componentsschemas_base_study_filter_type_1 = RangeFilter.from_dict(data)

            return componentsschemas_base_study_filter_type_1
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_base_study_filter_type_2 = CompositeFilter.from_dict(data)

    return componentsschemas_base_study_filter_type_2


def _parse_data_collection_metadata(data: object) -> BaseStudyDataCollectionMetadata | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict):
        try:
            data_collection_metadata_type_0 = BaseStudyDataCollectionMetadata.from_dict(data)

            return data_collection_metadata_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(BaseStudyDataCollectionMetadata | None | Unset, data)


def _parse_access_details(data: object) -> list[AccessDetail] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            access_details_type_0 = []
            _access_details_type_0 = data
            for access_details_type_0_item_data in _access_details_type_0:
                access_details_type_0_item = AccessDetail.from_dict(access_details_type_0_item_data)

                access_details_type_0.append(access_details_type_0_item)

            return access_details_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[AccessDetail] | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global \
        _lazy_imported, \
        AccessDetail, \
        BaseStudyCompletionCode, \
        BaseStudyDataCollectionMetadata, \
        BaseStudySubmissionsConfig, \
        CompositeFilter, \
        RangeFilter, \
        SelectFilter
    from ..models.access_detail import AccessDetail  # noqa: PLC0415
    from ..models.base_study_completion_code import BaseStudyCompletionCode  # noqa: PLC0415
    from ..models.base_study_data_collection_metadata import (
        BaseStudyDataCollectionMetadata,  # noqa: PLC0415
    )
    from ..models.base_study_submissions_config import BaseStudySubmissionsConfig  # noqa: PLC0415
    from ..models.composite_filter import CompositeFilter  # noqa: PLC0415
    from ..models.range_filter import RangeFilter  # noqa: PLC0415
    from ..models.select_filter import SelectFilter  # noqa: PLC0415

    _lazy_imported = True
