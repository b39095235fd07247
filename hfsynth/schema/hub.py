"""``hub``: where publish pushes the adapter and the dataset, and the card metadata it needs.

Repo ids and the branch name are checked here, with the recipe, so a typo is refused before any
model is converted or loaded (publish is the last stage of a long run)."""

import re
from typing import List, Optional

from pydantic import Field, field_validator

from hfsynth.schema.base import Section


LICENSE_ID = re.compile(r"[a-z0-9][a-z0-9.+-]*")  # the Hub's license ids: apache-2.0, mit, cc-by-4.0, llama3, other
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*|code|multilingual")  # ISO 639-1/3, with a region: en, fra, pt-BR


class HubConfig(Section):
    """Target repos and card metadata. No repos = publish stops at the local export (hub/)."""

    model_repo: Optional[str] = Field(None, description="Model repo id for the adapter, e.g. 'you/smollm2-code-qlora'.")
    dataset_repo: Optional[str] = Field(None, description="Dataset repo id for the curated splits.")
    private: bool = Field(False, description="Create the repos private.")
    revision: Optional[str] = Field(None, description="Branch to push to (created when missing); None = main.")
    license: str = Field("apache-2.0", description="License id written into both cards.")
    language: List[str] = Field(default_factory=lambda: ["en"], description="Natural languages of the data.")

    @field_validator("model_repo", "dataset_repo")
    @classmethod
    def _owner_slash_name(cls, value: Optional[str]) -> Optional[str]:
        if value is None:
            return value
        from huggingface_hub.utils import HFValidationError, validate_repo_id

        try:
            validate_repo_id(value)
        except HFValidationError as exc:
            raise ValueError(f"'{value}' is not a valid repo id ({str(exc).splitlines()[0]})") from None
        if value.count("/") != 1:
            raise ValueError(f"'{value}' must be 'owner/name' (your user or organization, then the repo name)")
        return value

    @field_validator("revision")
    @classmethod
    def _branch_name(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and (not value.strip() or " " in value or value.startswith("refs/") or ".." in value):
            raise ValueError(f"'{value}' is not a usable branch name (expected e.g. 'main' or 'v2')")
        return value

    @field_validator("license")
    @classmethod
    def _license_id(cls, value: str) -> str:
        if not LICENSE_ID.fullmatch(value):
            raise ValueError(f"{value!r} is not a license id (expected one the Hub knows, in lower case: 'apache-2.0', 'mit', 'cc-by-4.0', or 'other')")
        return value

    @field_validator("language")
    @classmethod
    def _language_codes(cls, value: List[str]) -> List[str]:
        wrong = [v for v in value if not LANGUAGE_CODE.fullmatch(v)]
        if wrong:
            raise ValueError(f"{', '.join(map(repr, wrong))}: expected ISO 639 language codes, as the Hub's cards use them ('en', 'fr', 'pt-BR')")
        return value
