"""The model card and the dataset card: typed facts in, huggingface_hub cards out.

    facts.py         RunFacts / SplitFacts: what the cards say, read once by hfsynth.publish
    format.py        cell, fence_for, duration...: every value that lands in a markdown table
    common.py        what both cards use: the templates, plot names, seed description, metrics table
    model_card.py    model_card(): ModelCardData (model-index) + templates/model_card.md.j2
    dataset_card.py  dataset_card(): DatasetCardData (configs, dataset_info) + templates/dataset_card.md.j2
    templates/       the Jinja2 templates: the top-level ``cards/`` folder, shipped as package data

Metadata goes through huggingface_hub's ``ModelCardData`` / ``DatasetCardData`` / ``EvalResult``
and the split metadata through datasets' own ``DatasetInfo``/``MetadataConfigs``, so what the
Hub, ``ModelCard.load`` and ``load_dataset`` read back is exactly what those libraries write.
Nothing here reads the clock: the same run renders the same bytes, so re-publishing it makes no
new commit.
"""

from hfsynth.cards.common import LENGTH_PNG, TRAINING_LOSS_PNG, load_template
from hfsynth.cards.facts import RunFacts, SplitFacts
from hfsynth.cards.format import cell, fence_for

__all__ = ["LENGTH_PNG", "TRAINING_LOSS_PNG", "RunFacts", "SplitFacts", "cell", "fence_for", "load_template"]
