"""The base class of every recipe section: unknown keys are refused, never dropped."""

import re

from pydantic import BaseModel, ConfigDict

# A split's name: it names a folder under raw/, a file under data/ and a Hub split, so letters, digits
# and underscores only (never a path). The generate strategies, data_value and curate --input check it.
PLAIN_SPLIT = re.compile(r"[A-Za-z0-9_]+")


class Section(BaseModel):
    """A recipe section. ``extra="forbid"`` makes a misspelt key an error (with "did you mean")."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, protected_namespaces=())
