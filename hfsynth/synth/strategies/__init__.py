"""The strategy registry: recipe name -> strategy class (one module per strategy)."""

from __future__ import annotations

from typing import Dict, Type

from hfsynth.errors import HfsynthError
from hfsynth.schema.generate import did_you_mean
from hfsynth.synth.strategies.base import Strategy
from hfsynth.synth.strategies.evol_instruct import EvolInstructStrategy
from hfsynth.synth.strategies.oss_instruct import OssInstructStrategy
from hfsynth.synth.strategies.self_instruct import SelfInstructStrategy
from hfsynth.synth.strategies.template import TemplateStrategy

STRATEGIES: Dict[str, Type[Strategy]] = {
    cls.name: cls for cls in (TemplateStrategy, SelfInstructStrategy, OssInstructStrategy, EvolInstructStrategy)
}


def strategy_class(name: str) -> Type[Strategy]:
    try:
        return STRATEGIES[name]
    except KeyError:
        raise HfsynthError(f"unknown strategy '{name}'{did_you_mean(name, sorted(STRATEGIES))}") from None
