"""Jinja2 templates of the model card and the dataset card (package data: ``hfsynth.cards``)."""
