"""``metrics``: which figures evaluate computes into metrics.json, and on how much data."""

from pydantic import Field

from hfsynth.schema.base import Section


class MetricsConfig(Section):
    """Figures computed by `hfsynth evaluate`."""

    seed: int = Field(0, description="Seed of every sample drawn for a metric.")
