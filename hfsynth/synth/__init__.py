"""Synthetic generation: strategies make prompts, an engine answers them, a writer keeps the rows.

Entry points: :func:`hfsynth.synth.stage.generate_stage` (the ``generate`` stage) and
:class:`hfsynth.synth.engine.HFEngine` (also used by the metrics for HumanEval).
"""
