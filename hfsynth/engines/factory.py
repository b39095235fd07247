"""The engine a recipe asks for, built on the base model plus (by default) the run's adapter."""

from __future__ import annotations


def make_engine(recipe, run_dir, use_adapter: bool = True):
    """The engine the recipe asks for (``generate.engine``), on the base model plus the run's adapter.

    ``use_adapter=False`` generates with the base model alone (baselines, ``generate.use_adapter``).
    """
    if recipe.generate.engine == "vllm":
        from hfsynth.engines.vllm import VLLMEngine

        return VLLMEngine.from_recipe(recipe, run_dir, use_adapter=use_adapter)
    from hfsynth.engines.hf import HFEngine
    from hfsynth.models.load import load_model_and_tokenizer, load_tuned_model

    if use_adapter:
        model, tokenizer = load_tuned_model(recipe, run_dir)
    else:
        model, tokenizer = load_model_and_tokenizer(recipe)
    return HFEngine(model, tokenizer, batch_size=recipe.generate.batch_size)
