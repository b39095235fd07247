"""``template``: a Jinja2 prompt template over slot value lists (e.g. operation x structure x constraint).

The template is inline (``template``), a file next to the recipe (``template_file``) or the built-in
code task grid. Every combination of slot values (``product``) or random draws (``sample``, for grids
too big to enumerate) is rendered; duplicate prompts are removed, so each prompt is asked once and
``num_samples_per_prompt`` decides how many rows it yields.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Dict, List, Tuple

import jinja2

from hfsynth.errors import HfsynthError
from hfsynth.schema.generate import check_template_slots
from hfsynth.synth.strategies.base import PlanContext, Strategy, Task, builtin_text, builtin_yaml, template_environment

BUILTIN_TEMPLATE = "code_task.j2"
BUILTIN_SLOTS = "code_task.yaml"
MAX_PRODUCT = 1_000_000  # beyond this, enumerating is the wrong tool: slot_sampling: sample


class TemplateStrategy(Strategy):
    name = "template"

    # the template and its slots --------------------------------------------------------------
    def source(self) -> Tuple[str, str, Dict[str, List[Any]]]:
        """``(where, template text, slots)`` as the entry says."""
        cfg = self.config
        if cfg.template is not None:
            return f"{self.where}.template", cfg.template, dict(cfg.slots)
        if cfg.template_file is not None:
            path = Path(self.recipe.resolve_path(cfg.template_file))
            try:
                return str(path), path.read_text(encoding="utf-8"), dict(cfg.slots)
            except FileNotFoundError:
                raise HfsynthError(f"{self.where}.template_file: {path}: file not found (paths are relative to the recipe)") from None
            except (IsADirectoryError, UnicodeDecodeError, PermissionError) as exc:
                raise HfsynthError(f"{self.where}.template_file: {path}: cannot read it ({exc.__class__.__name__}): expected a UTF-8 Jinja2 file") from None
        slots = {k: list(v) for k, v in builtin_yaml(BUILTIN_SLOTS).items()}
        slots.update(cfg.slots)
        return f"built-in template {BUILTIN_TEMPLATE}", builtin_text(BUILTIN_TEMPLATE), slots

    def compile(self) -> Tuple[jinja2.Template, Dict[str, List[Any]]]:
        """The template, checked: it parses and every variable it uses is a slot."""
        where, text, slots = self.source()
        try:
            check_template_slots(text, slots)
        except ValueError as exc:
            raise HfsynthError(f"{where}: {exc}") from None
        return template_environment().from_string(text), slots

    def prompts(self, needed: int, ctx: PlanContext) -> List[Tuple[str, Dict[str, Any]]]:
        """``needed`` distinct rendered prompts with the slot values that made them."""
        template, slots = self.compile()
        names = list(slots)
        seen: Dict[str, Dict[str, Any]] = {}

        def render(values) -> None:
            choice = dict(zip(names, values))
            text = template.render(**choice).strip()
            if text and text not in seen:
                seen[text] = choice

        size = 1
        for values in slots.values():
            size *= len(values)
        if self.config.slot_sampling == "product":
            if size > MAX_PRODUCT:
                raise HfsynthError(f"{self.where}: the slot grid has {size:,} combinations; set slot_sampling: sample")
            for values in itertools.product(*(slots[n] for n in names)):
                render(values)
            rendered = list(seen.items())
            if len(rendered) > needed:
                rendered = [rendered[i] for i in sorted(ctx.rng.sample(range(len(rendered)), needed))]
        else:
            attempts = 0
            while len(seen) < needed and attempts < 20 * needed + 1000:
                attempts += 1
                render([ctx.rng.choice(slots[n]) for n in names])
            rendered = list(seen.items())
        if len(rendered) < needed:
            raise HfsynthError(
                f"{self.where}: the template yields {len(rendered)} distinct prompts but this entry needs {needed} "
                f"(its share of generate.num_samples at num_samples_per_prompt={self.samples_per_prompt}); add slot "
                f"values, raise this entry's num_samples_per_prompt or lower its weight"
            )
        return rendered

    # planning ----------------------------------------------------------------------------------
    def plan(self, counts: List[int], ctx: PlanContext) -> List[Task]:
        return [
            self.task(k, samples, instruction=text, meta={"slots": choice})
            for k, (samples, (text, choice)) in enumerate(zip(counts, self.prompts(len(counts), ctx)))
        ]
