"""Synthetic generation: strategies make prompts, an engine answers them, a writer keeps the rows.

Entry point: :func:`hfsynth.synth.stage.generate_stage` (the ``generate`` stage). The engines it
drives live in :mod:`hfsynth.engines` (shared with the metrics' HumanEval).
"""
