"""``hub``: where publish pushes the adapter and the dataset, and the card metadata it needs."""

from typing import List, Optional

from pydantic import Field

from hfsynth.schema.base import Section


class HubConfig(Section):
    """Target repos and card metadata. No repos = publish stops at the local export (hub/)."""

    model_repo: Optional[str] = Field(None, description="Model repo id for the adapter, e.g. 'you/smollm2-code-qlora'.")
    dataset_repo: Optional[str] = Field(None, description="Dataset repo id for the curated splits.")
    private: bool = Field(False, description="Create the repos private.")
    revision: Optional[str] = Field(None, description="Branch to push to (created when missing); None = main.")
    license: str = Field("apache-2.0", description="License id written into both cards.")
    language: List[str] = Field(default_factory=lambda: ["en"], description="Natural languages of the data.")
