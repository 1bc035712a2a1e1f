from typing import Literal

CollectionSchemaVersion = Literal["1"]

COLLECTION_SCHEMA_VERSION_VALUES: set[CollectionSchemaVersion] = {
    "1",
}


def check_collection_schema_version(value: str) -> CollectionSchemaVersion:
    if value in COLLECTION_SCHEMA_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COLLECTION_SCHEMA_VERSION_VALUES!r}")
