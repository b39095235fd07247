"""``curate``: the filters between raw/ and the published splits, each counted in funnel.json."""

from pydantic import Field

from hfsynth.schema.base import Section


class CurateConfig(Section):
    """Which curation steps run and with which thresholds."""

    enabled: bool = Field(True, description="Run curation (False copies raw rows through unchanged).")
