"""Contains all the data models used in inputs/outputs

Each model is imported on first use: ``from prolific_api_client.models import Study`` loads
``models/study.py`` (and the modules it needs), not all of them. Type checkers see every name.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .access_detail import AccessDetail
    from .access_detail_progress import AccessDetailProgress
    from .add_to_participant_group import AddToParticipantGroup
    from .add_to_participant_group_action import AddToParticipantGroupAction
    from .ai_task_builder_batch import AITaskBuilderBatch
    from .ai_task_builder_batch_create import AITaskBuilderBatchCreate
    from .ai_task_builder_batch_create_dataset import AiTaskBuilderBatchCreateDataset
    from .ai_task_builder_batch_dataset import AiTaskBuilderBatchDataset
    from .ai_task_builder_batch_status import AiTaskBuilderBatchStatus
    from .ai_task_builder_dataset import AITaskBuilderDataset
    from .ai_task_builder_dataset_schema_version import (
        AiTaskBuilderDatasetSchemaVersion,
    )
    from .ai_task_builder_dataset_status import AiTaskBuilderDatasetStatus
    from .ai_task_builder_task_response import AITaskBuilderTaskResponse
    from .ai_task_builder_task_response_metadata import (
        AITaskBuilderTaskResponseMetadata,
    )
    from .amount_and_currency import AmountAndCurrency
    from .automatically_approve import AutomaticallyApprove
    from .automatically_approve_action import AutomaticallyApproveAction
    from .base_study import BaseStudy
    from .base_study_completion_code import BaseStudyCompletionCode
    from .base_study_completion_code_actor import BaseStudyCompletionCodeActor
    from .base_study_completion_code_code_type import BaseStudyCompletionCodeCodeType
    from .base_study_content_warning import BaseStudyContentWarning
    from .base_study_data_collection_metadata import BaseStudyDataCollectionMetadata
    from .base_study_data_collection_method import BaseStudyDataCollectionMethod
    from .base_study_peripheral_requirement import BaseStudyPeripheralRequirement
    from .base_study_prolific_id_option import BaseStudyProlificIdOption
    from .base_study_study_label import BaseStudyStudyLabel
    from .base_study_submissions_config import BaseStudySubmissionsConfig
    from .base_study_submissions_config_auto_rejection_category import (
        BaseStudySubmissionsConfigAutoRejectionCategory,
    )
    from .batch_export_complete import BatchExportComplete
    from .batch_export_complete_status import BatchExportCompleteStatus
    from .batch_export_status_failed import BatchExportStatusFailed
    from .batch_export_status_failed_status import BatchExportStatusFailedStatus
    from .batch_export_status_generating import BatchExportStatusGenerating
    from .batch_export_status_generating_status import BatchExportStatusGeneratingStatus
    from .batch_items_column import BatchItemsColumn
    from .batch_items_dataset_field_ref_type import BatchItemsDatasetFieldRefType
    from .batch_items_free_text_instruction_type import (
        BatchItemsFreeTextInstructionType,
    )
    from .batch_items_free_text_with_unit_instruction_type import (
        BatchItemsFreeTextWithUnitInstructionType,
    )
    from .batch_items_item_dataset_field import BatchItemsItemDatasetField
    from .batch_items_item_file_upload import BatchItemsItemFileUpload
    from .batch_items_item_free_text import BatchItemsItemFreeText
    from .batch_items_item_free_text_with_unit import BatchItemsItemFreeTextWithUnit
    from .batch_items_item_image import BatchItemsItemImage
    from .batch_items_item_multiple_choice import BatchItemsItemMultipleChoice
    from .batch_items_item_multiple_choice_with_free_text import (
        BatchItemsItemMultipleChoiceWithFreeText,
    )
    from .batch_items_item_rich_text import BatchItemsItemRichText
    from .batch_items_multiple_choice_instruction_type import (
        BatchItemsMultipleChoiceInstructionType,
    )
    from .batch_items_page import BatchItemsPage
    from .batch_items_row import BatchItemsRow
    from .batch_items_validation_error import BatchItemsValidationError
    from .batch_items_validation_error_issue import BatchItemsValidationErrorIssue
    from .batch_items_validation_error_type import BatchItemsValidationErrorType
    from .bulk_approve_by_participants import BulkApproveByParticipants
    from .bulk_approve_by_submissions import BulkApproveBySubmissions
    from .bulk_bonus import BulkBonus
    from .choice_option import ChoiceOption
    from .choice_with_free_text_instruction_type import (
        ChoiceWithFreeTextInstructionType,
    )
    from .choice_with_free_text_option import ChoiceWithFreeTextOption
    from .clone_filter_set_request import CloneFilterSetRequest
    from .collection import Collection
    from .collection_create_request import CollectionCreateRequest
    from .collection_free_text_instruction_parent_type import (
        CollectionFreeTextInstructionParentType,
    )
    from .collection_instruction_input import CollectionInstructionInput
    from .collection_instruction_input_option import CollectionInstructionInputOption
    from .collection_instruction_input_type import CollectionInstructionInputType
    from .collection_instruction_input_unit_option import (
        CollectionInstructionInputUnitOption,
    )
    from .collection_instruction_input_unit_position import (
        CollectionInstructionInputUnitPosition,
    )
    from .collection_item import CollectionItem
    from .collection_item_input import CollectionItemInput
    from .collection_response import CollectionResponse
    from .collection_response_response import CollectionResponseResponse
    from .collection_schema_version import CollectionSchemaVersion
    from .collection_update_request import CollectionUpdateRequest
    from .composite_filter import CompositeFilter
    from .composite_filter_filter_id import CompositeFilterFilterId
    from .content_block_input import ContentBlockInput
    from .content_block_input_content_format import ContentBlockInputContentFormat
    from .content_block_input_type import ContentBlockInputType
    from .create_bonus_payments_request import CreateBonusPaymentsRequest
    from .create_credential_pool_request import CreateCredentialPoolRequest
    from .create_filter_set import CreateFilterSet
    from .create_invitation_request import CreateInvitationRequest
    from .create_participant_group_request import CreateParticipantGroupRequest
    from .create_project import CreateProject
    from .create_project_longitudinal import CreateProjectLongitudinal
    from .create_secret import CreateSecret
    from .create_study import CreateStudy
    from .create_subscription import CreateSubscription
    from .create_task_builder_batch_request import CreateTaskBuilderBatchRequest
    from .create_task_builder_dataset_request import CreateTaskBuilderDatasetRequest
    from .create_task_builder_instructions_request import (
        CreateTaskBuilderInstructionsRequest,
    )
    from .create_task_builder_instructions_request_instruction import (
        CreateTaskBuilderInstructionsRequestInstruction,
    )
    from .create_test_participant_for_researcher import (
        CreateTestParticipantForResearcher,
    )
    from .create_test_participant_for_researcher_response import (
        CreateTestParticipantForResearcherResponse,
    )
    from .create_workspace import CreateWorkspace
    from .credential_pool import CredentialPool
    from .credential_pool_list import CredentialPoolList
    from .credential_pool_summary import CredentialPoolSummary
    from .currency import Currency
    from .dataset_append_error import DatasetAppendError
    from .dataset_append_result import DatasetAppendResult
    from .dataset_import_job import DatasetImportJob
    from .dataset_import_job_status import DatasetImportJobStatus
    from .dataset_import_job_type import DatasetImportJobType
    from .dataset_schema import DatasetSchema
    from .dataset_schema_field import DatasetSchemaField
    from .dataset_schema_field_type import DatasetSchemaFieldType
    from .dataset_schema_fields import DatasetSchemaFields
    from .delete_study_response import DeleteStudyResponse
    from .demographic_export_history_response import DemographicExportHistoryResponse
    from .demographic_export_request import DemographicExportRequest
    from .device_compatibility import DeviceCompatibility
    from .duplicate_study_request import DuplicateStudyRequest
    from .duplicate_task_builder_batch_request import DuplicateTaskBuilderBatchRequest
    from .dynamic_payment import DynamicPayment
    from .dynamic_payment_action import DynamicPaymentAction
    from .error import Error
    from .error_detail import ErrorDetail
    from .event_type import EventType
    from .event_type_list import EventTypeList
    from .feeder_completion_code import FeederCompletionCode
    from .feeder_completion_code_action import FeederCompletionCodeAction
    from .feeder_study import FeederStudy
    from .field_errors import FieldErrors
    from .filter_distribution import FilterDistribution
    from .filter_distribution_distribution import FilterDistributionDistribution
    from .filter_list import FilterList
    from .filter_list_links import FilterListLinks
    from .filter_list_meta import FilterListMeta
    from .filter_set import FilterSet
    from .filter_set_list import FilterSetList
    from .filter_value_counts import FilterValueCounts
    from .fixed_screen_out import FixedScreenOut
    from .fixed_screen_out_action import FixedScreenOutAction
    from .get_all_surveys_response import GetAllSurveysResponse
    from .get_collection_responses_response import GetCollectionResponsesResponse
    from .get_dataset_upload_url_response import GetDatasetUploadUrlResponse
    from .get_dataset_upload_url_response_http_method import (
        GetDatasetUploadUrlResponseHttpMethod,
    )
    from .get_filter_set_response import GetFilterSetResponse
    from .get_studies_state import GetStudiesState
    from .get_submission_feedback_upload_url_response import (
        GetSubmissionFeedbackUploadUrlResponse,
    )
    from .get_submissions_ordering import GetSubmissionsOrdering
    from .get_submissions_status import GetSubmissionsStatus
    from .get_task_builder_batch_report_response import (
        GetTaskBuilderBatchReportResponse,
    )
    from .get_task_builder_batch_report_response_http_method import (
        GetTaskBuilderBatchReportResponseHttpMethod,
    )
    from .get_task_builder_batch_status_response import (
        GetTaskBuilderBatchStatusResponse,
    )
    from .get_task_builder_batch_task_responses_response import (
        GetTaskBuilderBatchTaskResponsesResponse,
    )
    from .get_task_builder_batches_response import GetTaskBuilderBatchesResponse
    from .get_task_builder_instructions_response import (
        GetTaskBuilderInstructionsResponse,
    )
    from .image_content_block_parent_type import ImageContentBlockParentType
    from .image_content_block_type import ImageContentBlockType
    from .import_job_error import ImportJobError
    from .instruction_option_input import InstructionOptionInput
    from .invitation import Invitation
    from .invitation_list import InvitationList
    from .invitation_role import InvitationRole
    from .invitation_status import InvitationStatus
    from .invitee import Invitee
    from .jwk import JWK
    from .jwk_alg import JwkAlg
    from .jwk_key_op import JwkKeyOp
    from .jwk_kty import JwkKty
    from .jwk_use import JwkUse
    from .jwks_response import JWKSResponse
    from .list_collections_response import ListCollectionsResponse
    from .list_collections_response_meta import ListCollectionsResponseMeta
    from .longitudinal_config import LongitudinalConfig
    from .manually_review import ManuallyReview
    from .manually_review_action import ManuallyReviewAction
    from .message import Message
    from .message_data import MessageData
    from .message_data_category import MessageDataCategory
    from .message_participant_group import MessageParticipantGroup
    from .messages import Messages
    from .page_item_file_upload import PageItemFileUpload
    from .page_item_free_text import PageItemFreeText
    from .page_item_free_text_with_unit import PageItemFreeTextWithUnit
    from .page_item_image import PageItemImage
    from .page_item_multiple_choice import PageItemMultipleChoice
    from .page_item_multiple_choice_with_free_text import (
        PageItemMultipleChoiceWithFreeText,
    )
    from .page_item_rich_text import PageItemRichText
    from .participant_group import ParticipantGroup
    from .participant_group_list_response import ParticipantGroupListResponse
    from .participant_group_membership import ParticipantGroupMembership
    from .participant_group_membership_list_response import (
        ParticipantGroupMembershipListResponse,
    )
    from .participant_group_update import ParticipantGroupUpdate
    from .participant_id_list import ParticipantIDList
    from .project import Project
    from .project_longitudinal import ProjectLongitudinal
    from .project_longitudinal_retention import ProjectLongitudinalRetention
    from .project_short import ProjectShort
    from .project_short_list_response import ProjectShortListResponse
    from .project_type import ProjectType
    from .public_details import PublicDetails
    from .public_project_status import PublicProjectStatus
    from .range_filter import RangeFilter
    from .range_filter_list_detailed_response import RangeFilterListDetailedResponse
    from .range_filter_list_response import RangeFilterListResponse
    from .range_filter_list_response_data_type import RangeFilterListResponseDataType
    from .range_filter_list_response_type import RangeFilterListResponseType
    from .range_filter_selected_range import RangeFilterSelectedRange
    from .range_filter_weighting import RangeFilterWeighting
    from .range_filter_weightings import RangeFilterWeightings
    from .remove_from_participant_group import RemoveFromParticipantGroup
    from .remove_from_participant_group_action import RemoveFromParticipantGroupAction
    from .request_return import RequestReturn
    from .request_return_action import RequestReturnAction
    from .request_submission_return_request import RequestSubmissionReturnRequest
    from .requirements_count import RequirementsCount
    from .requirements_count_request import RequirementsCountRequest
    from .response_answer import ResponseAnswer
    from .return_requested_response import ReturnRequestedResponse
    from .return_requested_response_status import ReturnRequestedResponseStatus
    from .reward_recommendation import RewardRecommendation
    from .rich_text_content_block_type import RichTextContentBlockType
    from .schema_migration_error import SchemaMigrationError
    from .schema_migration_job import SchemaMigrationJob
    from .schema_migration_job_status import SchemaMigrationJobStatus
    from .secret_detail import SecretDetail
    from .secret_list import SecretList
    from .select_filter import SelectFilter
    from .select_filter_list_detailed_response import SelectFilterListDetailedResponse
    from .select_filter_list_detailed_response_choices import (
        SelectFilterListDetailedResponseChoices,
    )
    from .select_filter_list_response import SelectFilterListResponse
    from .select_filter_list_response_choices import SelectFilterListResponseChoices
    from .select_filter_list_response_data_type import SelectFilterListResponseDataType
    from .select_filter_weightings import SelectFilterWeightings
    from .send_bulk_message import SendBulkMessage
    from .send_message import SendMessage
    from .setup_task_builder_batch_request import SetupTaskBuilderBatchRequest
    from .setup_task_builder_batch_response import SetupTaskBuilderBatchResponse
    from .studies_list_response import StudiesListResponse
    from .study import Study
    from .study_access_details_progress import StudyAccessDetailsProgress
    from .study_access_details_progress_links import StudyAccessDetailsProgressLinks
    from .study_cost_breakdown import StudyCostBreakdown
    from .study_cost_request import StudyCostRequest
    from .study_cost_response import StudyCostResponse
    from .study_predicted_recruitment_time_request import (
        StudyPredictedRecruitmentTimeRequest,
    )
    from .study_predicted_recruitment_time_request_study_type import (
        StudyPredictedRecruitmentTimeRequestStudyType,
    )
    from .study_predicted_recruitment_time_response import (
        StudyPredictedRecruitmentTimeResponse,
    )
    from .study_short import StudyShort
    from .study_short_study_type import StudyShortStudyType
    from .study_status import StudyStatus
    from .study_total_cost import StudyTotalCost
    from .study_total_cost_links import StudyTotalCostLinks
    from .study_transition import StudyTransition
    from .study_transition_action import StudyTransitionAction
    from .submission import Submission
    from .submission_detail import SubmissionDetail
    from .submission_detail_status import SubmissionDetailStatus
    from .submission_list_response import SubmissionListResponse
    from .submission_short import SubmissionShort
    from .submission_short_status import SubmissionShortStatus
    from .submission_status import SubmissionStatus
    from .submission_transition import SubmissionTransition
    from .submission_transition_action import SubmissionTransitionAction
    from .submission_transition_completion_code_data import (
        SubmissionTransitionCompletionCodeData,
    )
    from .submission_transition_rejection_category import (
        SubmissionTransitionRejectionCategory,
    )
    from .submissions_count_response import SubmissionsCountResponse
    from .subscription_confirmation import SubscriptionConfirmation
    from .subscription_detail import SubscriptionDetail
    from .subscription_event import SubscriptionEvent
    from .subscription_event_list import SubscriptionEventList
    from .subscription_event_payload import SubscriptionEventPayload
    from .subscription_event_status import SubscriptionEventStatus
    from .subscription_list import SubscriptionList
    from .subscription_update_detail import SubscriptionUpdateDetail
    from .survey_answer_option import SurveyAnswerOption
    from .survey_in import SurveyIn
    from .survey_out import SurveyOut
    from .survey_question import SurveyQuestion
    from .survey_question_response import SurveyQuestionResponse
    from .survey_question_type import SurveyQuestionType
    from .survey_response_answer import SurveyResponseAnswer
    from .survey_response_in import SurveyResponseIn
    from .survey_response_out import SurveyResponseOut
    from .survey_response_section import SurveyResponseSection
    from .survey_section import SurveySection
    from .survey_summary import SurveySummary
    from .survey_summary_answer import SurveySummaryAnswer
    from .survey_summary_question import SurveySummaryQuestion
    from .sync_job import SyncJob
    from .sync_job_status import SyncJobStatus
    from .task_builder_file_upload_instruction import TaskBuilderFileUploadInstruction
    from .task_builder_free_text_instruction import TaskBuilderFreeTextInstruction
    from .task_builder_free_text_with_unit_instruction import (
        TaskBuilderFreeTextWithUnitInstruction,
    )
    from .task_builder_multiple_choice_instruction import (
        TaskBuilderMultipleChoiceInstruction,
    )
    from .task_builder_multiple_choice_with_free_text_instruction import (
        TaskBuilderMultipleChoiceWithFreeTextInstruction,
    )
    from .task_details import TaskDetails
    from .test_study_set_up_response import TestStudySetUpResponse
    from .update_credential_pool_request import UpdateCredentialPoolRequest
    from .update_filter_set import UpdateFilterSet
    from .update_project import UpdateProject
    from .update_task_builder_batch_request import UpdateTaskBuilderBatchRequest
    from .update_task_builder_dataset_request import UpdateTaskBuilderDatasetRequest
    from .update_task_builder_dataset_response import UpdateTaskBuilderDatasetResponse
    from .update_task_builder_instructions_request import (
        UpdateTaskBuilderInstructionsRequest,
    )
    from .update_task_builder_instructions_request_instruction import (
        UpdateTaskBuilderInstructionsRequestInstruction,
    )
    from .user import User
    from .validation_rule import ValidationRule
    from .validation_rule_type import ValidationRuleType
    from .workspace import Workspace
    from .workspace_balance import WorkspaceBalance
    from .workspace_balance_available_balance_breakdown import (
        WorkspaceBalanceAvailableBalanceBreakdown,
    )
    from .workspace_balance_balance_breakdown import WorkspaceBalanceBalanceBreakdown
    from .workspace_short import WorkspaceShort
    from .workspace_user import WorkspaceUser
    from .workspaces_list_response import WorkspacesListResponse
else:
    from importlib import import_module
    from typing import Any

    # Class name -> module (relative to this package), for the lazy import below.
    _MODULES = {
        "AccessDetail": ".access_detail",
        "AccessDetailProgress": ".access_detail_progress",
        "AddToParticipantGroup": ".add_to_participant_group",
        "AddToParticipantGroupAction": ".add_to_participant_group_action",
        "AITaskBuilderBatch": ".ai_task_builder_batch",
        "AITaskBuilderBatchCreate": ".ai_task_builder_batch_create",
        "AiTaskBuilderBatchCreateDataset": ".ai_task_builder_batch_create_dataset",
        "AiTaskBuilderBatchDataset": ".ai_task_builder_batch_dataset",
        "AiTaskBuilderBatchStatus": ".ai_task_builder_batch_status",
        "AITaskBuilderDataset": ".ai_task_builder_dataset",
        "AiTaskBuilderDatasetSchemaVersion": ".ai_task_builder_dataset_schema_version",
        "AiTaskBuilderDatasetStatus": ".ai_task_builder_dataset_status",
        "AITaskBuilderTaskResponse": ".ai_task_builder_task_response",
        "AITaskBuilderTaskResponseMetadata": ".ai_task_builder_task_response_metadata",
        "AmountAndCurrency": ".amount_and_currency",
        "AutomaticallyApprove": ".automatically_approve",
        "AutomaticallyApproveAction": ".automatically_approve_action",
        "BaseStudy": ".base_study",
        "BaseStudyCompletionCode": ".base_study_completion_code",
        "BaseStudyCompletionCodeActor": ".base_study_completion_code_actor",
        "BaseStudyCompletionCodeCodeType": ".base_study_completion_code_code_type",
        "BaseStudyContentWarning": ".base_study_content_warning",
        "BaseStudyDataCollectionMetadata": ".base_study_data_collection_metadata",
        "BaseStudyDataCollectionMethod": ".base_study_data_collection_method",
        "BaseStudyPeripheralRequirement": ".base_study_peripheral_requirement",
        "BaseStudyProlificIdOption": ".base_study_prolific_id_option",
        "BaseStudyStudyLabel": ".base_study_study_label",
        "BaseStudySubmissionsConfig": ".base_study_submissions_config",
        "BaseStudySubmissionsConfigAutoRejectionCategory": ".base_study_submissions_config_auto_rejection_category",
        "BatchExportComplete": ".batch_export_complete",
        "BatchExportCompleteStatus": ".batch_export_complete_status",
        "BatchExportStatusFailed": ".batch_export_status_failed",
        "BatchExportStatusFailedStatus": ".batch_export_status_failed_status",
        "BatchExportStatusGenerating": ".batch_export_status_generating",
        "BatchExportStatusGeneratingStatus": ".batch_export_status_generating_status",
        "BatchItemsColumn": ".batch_items_column",
        "BatchItemsDatasetFieldRefType": ".batch_items_dataset_field_ref_type",
        "BatchItemsFreeTextInstructionType": ".batch_items_free_text_instruction_type",
        "BatchItemsFreeTextWithUnitInstructionType": ".batch_items_free_text_with_unit_instruction_type",
        "BatchItemsItemDatasetField": ".batch_items_item_dataset_field",
        "BatchItemsItemFileUpload": ".batch_items_item_file_upload",
        "BatchItemsItemFreeText": ".batch_items_item_free_text",
        "BatchItemsItemFreeTextWithUnit": ".batch_items_item_free_text_with_unit",
        "BatchItemsItemImage": ".batch_items_item_image",
        "BatchItemsItemMultipleChoice": ".batch_items_item_multiple_choice",
        "BatchItemsItemMultipleChoiceWithFreeText": ".batch_items_item_multiple_choice_with_free_text",
        "BatchItemsItemRichText": ".batch_items_item_rich_text",
        "BatchItemsMultipleChoiceInstructionType": ".batch_items_multiple_choice_instruction_type",
        "BatchItemsPage": ".batch_items_page",
        "BatchItemsRow": ".batch_items_row",
        "BatchItemsValidationError": ".batch_items_validation_error",
        "BatchItemsValidationErrorIssue": ".batch_items_validation_error_issue",
        "BatchItemsValidationErrorType": ".batch_items_validation_error_type",
        "BulkApproveByParticipants": ".bulk_approve_by_participants",
        "BulkApproveBySubmissions": ".bulk_approve_by_submissions",
        "BulkBonus": ".bulk_bonus",
        "ChoiceOption": ".choice_option",
        "ChoiceWithFreeTextInstructionType": ".choice_with_free_text_instruction_type",
        "ChoiceWithFreeTextOption": ".choice_with_free_text_option",
        "CloneFilterSetRequest": ".clone_filter_set_request",
        "Collection": ".collection",
        "CollectionCreateRequest": ".collection_create_request",
        "CollectionFreeTextInstructionParentType": ".collection_free_text_instruction_parent_type",
        "CollectionInstructionInput": ".collection_instruction_input",
        "CollectionInstructionInputOption": ".collection_instruction_input_option",
        "CollectionInstructionInputType": ".collection_instruction_input_type",
        "CollectionInstructionInputUnitOption": ".collection_instruction_input_unit_option",
        "CollectionInstructionInputUnitPosition": ".collection_instruction_input_unit_position",
        "CollectionItem": ".collection_item",
        "CollectionItemInput": ".collection_item_input",
        "CollectionResponse": ".collection_response",
        "CollectionResponseResponse": ".collection_response_response",
        "CollectionSchemaVersion": ".collection_schema_version",
        "CollectionUpdateRequest": ".collection_update_request",
        "CompositeFilter": ".composite_filter",
        "CompositeFilterFilterId": ".composite_filter_filter_id",
        "ContentBlockInput": ".content_block_input",
        "ContentBlockInputContentFormat": ".content_block_input_content_format",
        "ContentBlockInputType": ".content_block_input_type",
        "CreateBonusPaymentsRequest": ".create_bonus_payments_request",
        "CreateCredentialPoolRequest": ".create_credential_pool_request",
        "CreateFilterSet": ".create_filter_set",
        "CreateInvitationRequest": ".create_invitation_request",
        "CreateParticipantGroupRequest": ".create_participant_group_request",
        "CreateProject": ".create_project",
        "CreateProjectLongitudinal": ".create_project_longitudinal",
        "CreateSecret": ".create_secret",
        "CreateStudy": ".create_study",
        "CreateSubscription": ".create_subscription",
        "CreateTaskBuilderBatchRequest": ".create_task_builder_batch_request",
        "CreateTaskBuilderDatasetRequest": ".create_task_builder_dataset_request",
        "CreateTaskBuilderInstructionsRequest": ".create_task_builder_instructions_request",
        "CreateTaskBuilderInstructionsRequestInstruction": ".create_task_builder_instructions_request_instruction",
        "CreateTestParticipantForResearcher": ".create_test_participant_for_researcher",
        "CreateTestParticipantForResearcherResponse": ".create_test_participant_for_researcher_response",
        "CreateWorkspace": ".create_workspace",
        "CredentialPool": ".credential_pool",
        "CredentialPoolList": ".credential_pool_list",
        "CredentialPoolSummary": ".credential_pool_summary",
        "Currency": ".currency",
        "DatasetAppendError": ".dataset_append_error",
        "DatasetAppendResult": ".dataset_append_result",
        "DatasetImportJob": ".dataset_import_job",
        "DatasetImportJobStatus": ".dataset_import_job_status",
        "DatasetImportJobType": ".dataset_import_job_type",
        "DatasetSchema": ".dataset_schema",
        "DatasetSchemaField": ".dataset_schema_field",
        "DatasetSchemaFieldType": ".dataset_schema_field_type",
        "DatasetSchemaFields": ".dataset_schema_fields",
        "DeleteStudyResponse": ".delete_study_response",
        "DemographicExportHistoryResponse": ".demographic_export_history_response",
        "DemographicExportRequest": ".demographic_export_request",
        "DeviceCompatibility": ".device_compatibility",
        "DuplicateStudyRequest": ".duplicate_study_request",
        "DuplicateTaskBuilderBatchRequest": ".duplicate_task_builder_batch_request",
        "DynamicPayment": ".dynamic_payment",
        "DynamicPaymentAction": ".dynamic_payment_action",
        "Error": ".error",
        "ErrorDetail": ".error_detail",
        "EventType": ".event_type",
        "EventTypeList": ".event_type_list",
        "FeederCompletionCode": ".feeder_completion_code",
        "FeederCompletionCodeAction": ".feeder_completion_code_action",
        "FeederStudy": ".feeder_study",
        "FieldErrors": ".field_errors",
        "FilterDistribution": ".filter_distribution",
        "FilterDistributionDistribution": ".filter_distribution_distribution",
        "FilterList": ".filter_list",
        "FilterListLinks": ".filter_list_links",
        "FilterListMeta": ".filter_list_meta",
        "FilterSet": ".filter_set",
        "FilterSetList": ".filter_set_list",
        "FilterValueCounts": ".filter_value_counts",
        "FixedScreenOut": ".fixed_screen_out",
        "FixedScreenOutAction": ".fixed_screen_out_action",
        "GetAllSurveysResponse": ".get_all_surveys_response",
        "GetCollectionResponsesResponse": ".get_collection_responses_response",
        "GetDatasetUploadUrlResponse": ".get_dataset_upload_url_response",
        "GetDatasetUploadUrlResponseHttpMethod": ".get_dataset_upload_url_response_http_method",
        "GetFilterSetResponse": ".get_filter_set_response",
        "GetStudiesState": ".get_studies_state",
        "GetSubmissionFeedbackUploadUrlResponse": ".get_submission_feedback_upload_url_response",
        "GetSubmissionsOrdering": ".get_submissions_ordering",
        "GetSubmissionsStatus": ".get_submissions_status",
        "GetTaskBuilderBatchReportResponse": ".get_task_builder_batch_report_response",
        "GetTaskBuilderBatchReportResponseHttpMethod": ".get_task_builder_batch_report_response_http_method",
        "GetTaskBuilderBatchStatusResponse": ".get_task_builder_batch_status_response",
        "GetTaskBuilderBatchTaskResponsesResponse": ".get_task_builder_batch_task_responses_response",
        "GetTaskBuilderBatchesResponse": ".get_task_builder_batches_response",
        "GetTaskBuilderInstructionsResponse": ".get_task_builder_instructions_response",
        "ImageContentBlockParentType": ".image_content_block_parent_type",
        "ImageContentBlockType": ".image_content_block_type",
        "ImportJobError": ".import_job_error",
        "InstructionOptionInput": ".instruction_option_input",
        "Invitation": ".invitation",
        "InvitationList": ".invitation_list",
        "InvitationRole": ".invitation_role",
        "InvitationStatus": ".invitation_status",
        "Invitee": ".invitee",
        "JWK": ".jwk",
        "JwkAlg": ".jwk_alg",
        "JwkKeyOp": ".jwk_key_op",
        "JwkKty": ".jwk_kty",
        "JwkUse": ".jwk_use",
        "JWKSResponse": ".jwks_response",
        "ListCollectionsResponse": ".list_collections_response",
        "ListCollectionsResponseMeta": ".list_collections_response_meta",
        "LongitudinalConfig": ".longitudinal_config",
        "ManuallyReview": ".manually_review",
        "ManuallyReviewAction": ".manually_review_action",
        "Message": ".message",
        "MessageData": ".message_data",
        "MessageDataCategory": ".message_data_category",
        "MessageParticipantGroup": ".message_participant_group",
        "Messages": ".messages",
        "PageItemFileUpload": ".page_item_file_upload",
        "PageItemFreeText": ".page_item_free_text",
        "PageItemFreeTextWithUnit": ".page_item_free_text_with_unit",
        "PageItemImage": ".page_item_image",
        "PageItemMultipleChoice": ".page_item_multiple_choice",
        "PageItemMultipleChoiceWithFreeText": ".page_item_multiple_choice_with_free_text",
        "PageItemRichText": ".page_item_rich_text",
        "ParticipantGroup": ".participant_group",
        "ParticipantGroupListResponse": ".participant_group_list_response",
        "ParticipantGroupMembership": ".participant_group_membership",
        "ParticipantGroupMembershipListResponse": ".participant_group_membership_list_response",
        "ParticipantGroupUpdate": ".participant_group_update",
        "ParticipantIDList": ".participant_id_list",
        "Project": ".project",
        "ProjectLongitudinal": ".project_longitudinal",
        "ProjectLongitudinalRetention": ".project_longitudinal_retention",
        "ProjectShort": ".project_short",
        "ProjectShortListResponse": ".project_short_list_response",
        "ProjectType": ".project_type",
        "PublicDetails": ".public_details",
        "PublicProjectStatus": ".public_project_status",
        "RangeFilter": ".range_filter",
        "RangeFilterListDetailedResponse": ".range_filter_list_detailed_response",
        "RangeFilterListResponse": ".range_filter_list_response",
        "RangeFilterListResponseDataType": ".range_filter_list_response_data_type",
        "RangeFilterListResponseType": ".range_filter_list_response_type",
        "RangeFilterSelectedRange": ".range_filter_selected_range",
        "RangeFilterWeighting": ".range_filter_weighting",
        "RangeFilterWeightings": ".range_filter_weightings",
        "RemoveFromParticipantGroup": ".remove_from_participant_group",
        "RemoveFromParticipantGroupAction": ".remove_from_participant_group_action",
        "RequestReturn": ".request_return",
        "RequestReturnAction": ".request_return_action",
        "RequestSubmissionReturnRequest": ".request_submission_return_request",
        "RequirementsCount": ".requirements_count",
        "RequirementsCountRequest": ".requirements_count_request",
        "ResponseAnswer": ".response_answer",
        "ReturnRequestedResponse": ".return_requested_response",
        "ReturnRequestedResponseStatus": ".return_requested_response_status",
        "RewardRecommendation": ".reward_recommendation",
        "RichTextContentBlockType": ".rich_text_content_block_type",
        "SchemaMigrationError": ".schema_migration_error",
        "SchemaMigrationJob": ".schema_migration_job",
        "SchemaMigrationJobStatus": ".schema_migration_job_status",
        "SecretDetail": ".secret_detail",
        "SecretList": ".secret_list",
        "SelectFilter": ".select_filter",
        "SelectFilterListDetailedResponse": ".select_filter_list_detailed_response",
        "SelectFilterListDetailedResponseChoices": ".select_filter_list_detailed_response_choices",
        "SelectFilterListResponse": ".select_filter_list_response",
        "SelectFilterListResponseChoices": ".select_filter_list_response_choices",
        "SelectFilterListResponseDataType": ".select_filter_list_response_data_type",
        "SelectFilterWeightings": ".select_filter_weightings",
        "SendBulkMessage": ".send_bulk_message",
        "SendMessage": ".send_message",
        "SetupTaskBuilderBatchRequest": ".setup_task_builder_batch_request",
        "SetupTaskBuilderBatchResponse": ".setup_task_builder_batch_response",
        "StudiesListResponse": ".studies_list_response",
        "Study": ".study",
        "StudyAccessDetailsProgress": ".study_access_details_progress",
        "StudyAccessDetailsProgressLinks": ".study_access_details_progress_links",
        "StudyCostBreakdown": ".study_cost_breakdown",
        "StudyCostRequest": ".study_cost_request",
        "StudyCostResponse": ".study_cost_response",
        "StudyPredictedRecruitmentTimeRequest": ".study_predicted_recruitment_time_request",
        "StudyPredictedRecruitmentTimeRequestStudyType": ".study_predicted_recruitment_time_request_study_type",
        "StudyPredictedRecruitmentTimeResponse": ".study_predicted_recruitment_time_response",
        "StudyShort": ".study_short",
        "StudyShortStudyType": ".study_short_study_type",
        "StudyStatus": ".study_status",
        "StudyTotalCost": ".study_total_cost",
        "StudyTotalCostLinks": ".study_total_cost_links",
        "StudyTransition": ".study_transition",
        "StudyTransitionAction": ".study_transition_action",
        "Submission": ".submission",
        "SubmissionDetail": ".submission_detail",
        "SubmissionDetailStatus": ".submission_detail_status",
        "SubmissionListResponse": ".submission_list_response",
        "SubmissionShort": ".submission_short",
        "SubmissionShortStatus": ".submission_short_status",
        "SubmissionStatus": ".submission_status",
        "SubmissionTransition": ".submission_transition",
        "SubmissionTransitionAction": ".submission_transition_action",
        "SubmissionTransitionCompletionCodeData": ".submission_transition_completion_code_data",
        "SubmissionTransitionRejectionCategory": ".submission_transition_rejection_category",
        "SubmissionsCountResponse": ".submissions_count_response",
        "SubscriptionConfirmation": ".subscription_confirmation",
        "SubscriptionDetail": ".subscription_detail",
        "SubscriptionEvent": ".subscription_event",
        "SubscriptionEventList": ".subscription_event_list",
        "SubscriptionEventPayload": ".subscription_event_payload",
        "SubscriptionEventStatus": ".subscription_event_status",
        "SubscriptionList": ".subscription_list",
        "SubscriptionUpdateDetail": ".subscription_update_detail",
        "SurveyAnswerOption": ".survey_answer_option",
        "SurveyIn": ".survey_in",
        "SurveyOut": ".survey_out",
        "SurveyQuestion": ".survey_question",
        "SurveyQuestionResponse": ".survey_question_response",
        "SurveyQuestionType": ".survey_question_type",
        "SurveyResponseAnswer": ".survey_response_answer",
        "SurveyResponseIn": ".survey_response_in",
        "SurveyResponseOut": ".survey_response_out",
        "SurveyResponseSection": ".survey_response_section",
        "SurveySection": ".survey_section",
        "SurveySummary": ".survey_summary",
        "SurveySummaryAnswer": ".survey_summary_answer",
        "SurveySummaryQuestion": ".survey_summary_question",
        "SyncJob": ".sync_job",
        "SyncJobStatus": ".sync_job_status",
        "TaskBuilderFileUploadInstruction": ".task_builder_file_upload_instruction",
        "TaskBuilderFreeTextInstruction": ".task_builder_free_text_instruction",
        "TaskBuilderFreeTextWithUnitInstruction": ".task_builder_free_text_with_unit_instruction",
        "TaskBuilderMultipleChoiceInstruction": ".task_builder_multiple_choice_instruction",
        "TaskBuilderMultipleChoiceWithFreeTextInstruction": ".task_builder_multiple_choice_with_free_text_instruction",
        "TaskDetails": ".task_details",
        "TestStudySetUpResponse": ".test_study_set_up_response",
        "UpdateCredentialPoolRequest": ".update_credential_pool_request",
        "UpdateFilterSet": ".update_filter_set",
        "UpdateProject": ".update_project",
        "UpdateTaskBuilderBatchRequest": ".update_task_builder_batch_request",
        "UpdateTaskBuilderDatasetRequest": ".update_task_builder_dataset_request",
        "UpdateTaskBuilderDatasetResponse": ".update_task_builder_dataset_response",
        "UpdateTaskBuilderInstructionsRequest": ".update_task_builder_instructions_request",
        "UpdateTaskBuilderInstructionsRequestInstruction": ".update_task_builder_instructions_request_instruction",
        "User": ".user",
        "ValidationRule": ".validation_rule",
        "ValidationRuleType": ".validation_rule_type",
        "Workspace": ".workspace",
        "WorkspaceBalance": ".workspace_balance",
        "WorkspaceBalanceAvailableBalanceBreakdown": ".workspace_balance_available_balance_breakdown",
        "WorkspaceBalanceBalanceBreakdown": ".workspace_balance_balance_breakdown",
        "WorkspaceShort": ".workspace_short",
        "WorkspaceUser": ".workspace_user",
        "WorkspacesListResponse": ".workspaces_list_response",
    }

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(__all__)


__all__ = (
    "AccessDetail",
    "AccessDetailProgress",
    "AddToParticipantGroup",
    "AddToParticipantGroupAction",
    "AITaskBuilderBatch",
    "AITaskBuilderBatchCreate",
    "AiTaskBuilderBatchCreateDataset",
    "AiTaskBuilderBatchDataset",
    "AiTaskBuilderBatchStatus",
    "AITaskBuilderDataset",
    "AiTaskBuilderDatasetSchemaVersion",
    "AiTaskBuilderDatasetStatus",
    "AITaskBuilderTaskResponse",
    "AITaskBuilderTaskResponseMetadata",
    "AmountAndCurrency",
    "AutomaticallyApprove",
    "AutomaticallyApproveAction",
    "BaseStudy",
    "BaseStudyCompletionCode",
    "BaseStudyCompletionCodeActor",
    "BaseStudyCompletionCodeCodeType",
    "BaseStudyContentWarning",
    "BaseStudyDataCollectionMetadata",
    "BaseStudyDataCollectionMethod",
    "BaseStudyPeripheralRequirement",
    "BaseStudyProlificIdOption",
    "BaseStudyStudyLabel",
    "BaseStudySubmissionsConfig",
    "BaseStudySubmissionsConfigAutoRejectionCategory",
    "BatchExportComplete",
    "BatchExportCompleteStatus",
    "BatchExportStatusFailed",
    "BatchExportStatusFailedStatus",
    "BatchExportStatusGenerating",
    "BatchExportStatusGeneratingStatus",
    "BatchItemsColumn",
    "BatchItemsDatasetFieldRefType",
    "BatchItemsFreeTextInstructionType",
    "BatchItemsFreeTextWithUnitInstructionType",
    "BatchItemsItemDatasetField",
    "BatchItemsItemFileUpload",
    "BatchItemsItemFreeText",
    "BatchItemsItemFreeTextWithUnit",
    "BatchItemsItemImage",
    "BatchItemsItemMultipleChoice",
    "BatchItemsItemMultipleChoiceWithFreeText",
    "BatchItemsItemRichText",
    "BatchItemsMultipleChoiceInstructionType",
    "BatchItemsPage",
    "BatchItemsRow",
    "BatchItemsValidationError",
    "BatchItemsValidationErrorIssue",
    "BatchItemsValidationErrorType",
    "BulkApproveByParticipants",
    "BulkApproveBySubmissions",
    "BulkBonus",
    "ChoiceOption",
    "ChoiceWithFreeTextInstructionType",
    "ChoiceWithFreeTextOption",
    "CloneFilterSetRequest",
    "Collection",
    "CollectionCreateRequest",
    "CollectionFreeTextInstructionParentType",
    "CollectionInstructionInput",
    "CollectionInstructionInputOption",
    "CollectionInstructionInputType",
    "CollectionInstructionInputUnitOption",
    "CollectionInstructionInputUnitPosition",
    "CollectionItem",
    "CollectionItemInput",
    "CollectionResponse",
    "CollectionResponseResponse",
    "CollectionSchemaVersion",
    "CollectionUpdateRequest",
    "CompositeFilter",
    "CompositeFilterFilterId",
    "ContentBlockInput",
    "ContentBlockInputContentFormat",
    "ContentBlockInputType",
    "CreateBonusPaymentsRequest",
    "CreateCredentialPoolRequest",
    "CreateFilterSet",
    "CreateInvitationRequest",
    "CreateParticipantGroupRequest",
    "CreateProject",
    "CreateProjectLongitudinal",
    "CreateSecret",
    "CreateStudy",
    "CreateSubscription",
    "CreateTaskBuilderBatchRequest",
    "CreateTaskBuilderDatasetRequest",
    "CreateTaskBuilderInstructionsRequest",
    "CreateTaskBuilderInstructionsRequestInstruction",
    "CreateTestParticipantForResearcher",
    "CreateTestParticipantForResearcherResponse",
    "CreateWorkspace",
    "CredentialPool",
    "CredentialPoolList",
    "CredentialPoolSummary",
    "Currency",
    "DatasetAppendError",
    "DatasetAppendResult",
    "DatasetImportJob",
    "DatasetImportJobStatus",
    "DatasetImportJobType",
    "DatasetSchema",
    "DatasetSchemaField",
    "DatasetSchemaFields",
    "DatasetSchemaFieldType",
    "DeleteStudyResponse",
    "DemographicExportHistoryResponse",
    "DemographicExportRequest",
    "DeviceCompatibility",
    "DuplicateStudyRequest",
    "DuplicateTaskBuilderBatchRequest",
    "DynamicPayment",
    "DynamicPaymentAction",
    "Error",
    "ErrorDetail",
    "EventType",
    "EventTypeList",
    "FeederCompletionCode",
    "FeederCompletionCodeAction",
    "FeederStudy",
    "FieldErrors",
    "FilterDistribution",
    "FilterDistributionDistribution",
    "FilterList",
    "FilterListLinks",
    "FilterListMeta",
    "FilterSet",
    "FilterSetList",
    "FilterValueCounts",
    "FixedScreenOut",
    "FixedScreenOutAction",
    "GetAllSurveysResponse",
    "GetCollectionResponsesResponse",
    "GetDatasetUploadUrlResponse",
    "GetDatasetUploadUrlResponseHttpMethod",
    "GetFilterSetResponse",
    "GetStudiesState",
    "GetSubmissionFeedbackUploadUrlResponse",
    "GetSubmissionsOrdering",
    "GetSubmissionsStatus",
    "GetTaskBuilderBatchesResponse",
    "GetTaskBuilderBatchReportResponse",
    "GetTaskBuilderBatchReportResponseHttpMethod",
    "GetTaskBuilderBatchStatusResponse",
    "GetTaskBuilderBatchTaskResponsesResponse",
    "GetTaskBuilderInstructionsResponse",
    "ImageContentBlockParentType",
    "ImageContentBlockType",
    "ImportJobError",
    "InstructionOptionInput",
    "Invitation",
    "InvitationList",
    "InvitationRole",
    "InvitationStatus",
    "Invitee",
    "JWK",
    "JwkAlg",
    "JwkKeyOp",
    "JwkKty",
    "JWKSResponse",
    "JwkUse",
    "ListCollectionsResponse",
    "ListCollectionsResponseMeta",
    "LongitudinalConfig",
    "ManuallyReview",
    "ManuallyReviewAction",
    "Message",
    "MessageData",
    "MessageDataCategory",
    "MessageParticipantGroup",
    "Messages",
    "PageItemFileUpload",
    "PageItemFreeText",
    "PageItemFreeTextWithUnit",
    "PageItemImage",
    "PageItemMultipleChoice",
    "PageItemMultipleChoiceWithFreeText",
    "PageItemRichText",
    "ParticipantGroup",
    "ParticipantGroupListResponse",
    "ParticipantGroupMembership",
    "ParticipantGroupMembershipListResponse",
    "ParticipantGroupUpdate",
    "ParticipantIDList",
    "Project",
    "ProjectLongitudinal",
    "ProjectLongitudinalRetention",
    "ProjectShort",
    "ProjectShortListResponse",
    "ProjectType",
    "PublicDetails",
    "PublicProjectStatus",
    "RangeFilter",
    "RangeFilterListDetailedResponse",
    "RangeFilterListResponse",
    "RangeFilterListResponseDataType",
    "RangeFilterListResponseType",
    "RangeFilterSelectedRange",
    "RangeFilterWeighting",
    "RangeFilterWeightings",
    "RemoveFromParticipantGroup",
    "RemoveFromParticipantGroupAction",
    "RequestReturn",
    "RequestReturnAction",
    "RequestSubmissionReturnRequest",
    "RequirementsCount",
    "RequirementsCountRequest",
    "ResponseAnswer",
    "ReturnRequestedResponse",
    "ReturnRequestedResponseStatus",
    "RewardRecommendation",
    "RichTextContentBlockType",
    "SchemaMigrationError",
    "SchemaMigrationJob",
    "SchemaMigrationJobStatus",
    "SecretDetail",
    "SecretList",
    "SelectFilter",
    "SelectFilterListDetailedResponse",
    "SelectFilterListDetailedResponseChoices",
    "SelectFilterListResponse",
    "SelectFilterListResponseChoices",
    "SelectFilterListResponseDataType",
    "SelectFilterWeightings",
    "SendBulkMessage",
    "SendMessage",
    "SetupTaskBuilderBatchRequest",
    "SetupTaskBuilderBatchResponse",
    "StudiesListResponse",
    "Study",
    "StudyAccessDetailsProgress",
    "StudyAccessDetailsProgressLinks",
    "StudyCostBreakdown",
    "StudyCostRequest",
    "StudyCostResponse",
    "StudyPredictedRecruitmentTimeRequest",
    "StudyPredictedRecruitmentTimeRequestStudyType",
    "StudyPredictedRecruitmentTimeResponse",
    "StudyShort",
    "StudyShortStudyType",
    "StudyStatus",
    "StudyTotalCost",
    "StudyTotalCostLinks",
    "StudyTransition",
    "StudyTransitionAction",
    "Submission",
    "SubmissionDetail",
    "SubmissionDetailStatus",
    "SubmissionListResponse",
    "SubmissionsCountResponse",
    "SubmissionShort",
    "SubmissionShortStatus",
    "SubmissionStatus",
    "SubmissionTransition",
    "SubmissionTransitionAction",
    "SubmissionTransitionCompletionCodeData",
    "SubmissionTransitionRejectionCategory",
    "SubscriptionConfirmation",
    "SubscriptionDetail",
    "SubscriptionEvent",
    "SubscriptionEventList",
    "SubscriptionEventPayload",
    "SubscriptionEventStatus",
    "SubscriptionList",
    "SubscriptionUpdateDetail",
    "SurveyAnswerOption",
    "SurveyIn",
    "SurveyOut",
    "SurveyQuestion",
    "SurveyQuestionResponse",
    "SurveyQuestionType",
    "SurveyResponseAnswer",
    "SurveyResponseIn",
    "SurveyResponseOut",
    "SurveyResponseSection",
    "SurveySection",
    "SurveySummary",
    "SurveySummaryAnswer",
    "SurveySummaryQuestion",
    "SyncJob",
    "SyncJobStatus",
    "TaskBuilderFileUploadInstruction",
    "TaskBuilderFreeTextInstruction",
    "TaskBuilderFreeTextWithUnitInstruction",
    "TaskBuilderMultipleChoiceInstruction",
    "TaskBuilderMultipleChoiceWithFreeTextInstruction",
    "TaskDetails",
    "TestStudySetUpResponse",
    "UpdateCredentialPoolRequest",
    "UpdateFilterSet",
    "UpdateProject",
    "UpdateTaskBuilderBatchRequest",
    "UpdateTaskBuilderDatasetRequest",
    "UpdateTaskBuilderDatasetResponse",
    "UpdateTaskBuilderInstructionsRequest",
    "UpdateTaskBuilderInstructionsRequestInstruction",
    "User",
    "ValidationRule",
    "ValidationRuleType",
    "Workspace",
    "WorkspaceBalance",
    "WorkspaceBalanceAvailableBalanceBreakdown",
    "WorkspaceBalanceBalanceBreakdown",
    "WorkspaceShort",
    "WorkspacesListResponse",
    "WorkspaceUser",
)
