"""The base class of every recipe section: unknown keys are refused, never dropped."""

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    """A recipe section. ``extra="forbid"`` makes a misspelt key an error (with "did you mean")."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, protected_namespaces=())
