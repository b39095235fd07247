"""The recipe: parse YAML, apply ``dotted.key=value`` overrides, validate, fingerprint.

Every error names the file, the line, the dotted path, what was expected and, for a misspelt
key, the closest real one; it is raised as :class:`RecipeError` (exit 2, one line).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from hfsynth.errors import RecipeError
from hfsynth.schema.base import Section
from hfsynth.schema.curate import CurateConfig
from hfsynth.schema.data_value import DataValueConfig
from hfsynth.schema.generate import GenerateConfig
from hfsynth.schema.hub import HubConfig
from hfsynth.schema.metrics import MetricsConfig
from hfsynth.schema.model import LoraConfig, ModelConfig, QuantizationConfig
from hfsynth.schema.seed import SeedConfig
from hfsynth.schema.train import TrainConfig

SECTIONS = ("seed", "model", "quantization", "lora", "train", "generate", "curate", "data_value", "metrics", "hub")


class Recipe(Section):
    """A whole hfsynth recipe."""

    name: str = Field(..., description="Run name: the run directory is outputs/<name>/ unless output_dir says otherwise.")
    output_dir: Optional[str] = Field(None, description="Run directory (relative to the current directory); default outputs/<name>.")
    seed: SeedConfig = Field(..., description="Seed code data.")
    model: ModelConfig = Field(..., description="Base model.")
    quantization: QuantizationConfig = Field(default_factory=QuantizationConfig, description="4-bit loading (QLoRA).")
    lora: LoraConfig = Field(default_factory=LoraConfig, description="LoRA adapter.")
    train: TrainConfig = Field(default_factory=TrainConfig, description="TRL SFTConfig fields.")
    generate: GenerateConfig = Field(default_factory=GenerateConfig, description="Synthetic generation.")
    curate: CurateConfig = Field(default_factory=CurateConfig, description="Curation filters.")
    data_value: DataValueConfig = Field(default_factory=DataValueConfig, description="Student models that measure what the synthetic split is worth.")
    metrics: MetricsConfig = Field(default_factory=MetricsConfig, description="Evaluation figures.")
    hub: HubConfig = Field(default_factory=HubConfig, description="Publishing targets and card metadata.")

    # Where the recipe was read from: relative paths inside it (seed files, templates) resolve here.
    source_dir: Optional[str] = Field(None, exclude=True, description="Internal: folder of the recipe file.")

    @field_validator("name")
    @classmethod
    def _safe_name(cls, value: str) -> str:
        if not value or value.strip() != value or "/" in value or "\\" in value or value in (".", ".."):
            raise ValueError("must be a plain name (no slashes, no surrounding spaces), e.g. 'quickstart'")
        if len(value) > 100 or not value.isprintable():
            raise ValueError("must be a plain name of at most 100 printable characters (it names the run directory), e.g. 'quickstart'")
        return value

    @field_validator("output_dir")
    @classmethod
    def _safe_output_dir(cls, value: Optional[str]) -> Optional[str]:
        if value is None:
            return value
        resolved = Path(value).expanduser().resolve()
        if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
            raise ValueError(f"refusing to use '{value}' as a run directory (it would mix run files into {resolved})")
        return value

    def resolve_path(self, value: str) -> Path:
        """A path from the recipe, relative to the recipe's own folder."""
        path = Path(value).expanduser()
        if path.is_absolute() or self.source_dir is None:
            return path
        return Path(self.source_dir) / path

    def section_dict(self, *names: str) -> Dict[str, Any]:
        """Sections as plain JSON-able data (for fingerprints and recipe.yaml)."""
        data = self.model_dump(mode="json")
        return {name: data[name] for name in names}

    def to_yaml(self) -> str:
        """The resolved recipe (defaults filled in), as written to the run directory and the Hub repos."""
        return yaml.safe_dump(self.model_dump(mode="json", exclude={"source_dir"}), sort_keys=False)


def fingerprint(*parts: Any) -> str:
    """A short stable hash of JSON-able parts (recipe sections, input fingerprints)."""
    blob = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


# ----------------------------------------------------------------------------------------------
# YAML with line numbers


def _line_index(node: yaml.Node, path: Tuple[Any, ...] = (), out: Optional[Dict] = None) -> Dict:
    """Map every dotted path of a composed YAML document to its 1-based line."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _line_index(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_index(item, path + (i,), out)
    return out


def _refuse_duplicate_keys(node: Optional[yaml.Node], source: Path, path: Tuple[Any, ...] = ()) -> None:
    """PyYAML keeps the last of two equal keys silently; a recipe with one is almost always a mistake."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            dotted = ".".join(str(p) for p in path + (key_node.value,))
            if key_node.value in seen:
                raise RecipeError(f"{source}:{key_node.start_mark.line + 1}: {dotted}: duplicate key (an earlier '{key_node.value}' would be silently replaced)")
            seen.add(key_node.value)
            _refuse_duplicate_keys(value_node, source, path + (key_node.value,))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _refuse_duplicate_keys(item, source, path + (i,))


def _read_yaml(path: Path) -> Tuple[Dict[str, Any], Dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecipeError(f"{path}: recipe file not found") from None
    except (IsADirectoryError, UnicodeDecodeError, PermissionError) as exc:
        raise RecipeError(f"{path}: cannot read the recipe ({exc.__class__.__name__}): expected a UTF-8 YAML file") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RecipeError(f"{path}{where}: malformed YAML: {problem}") from None
    _refuse_duplicate_keys(node, path)
    if data is None:
        raise RecipeError(f"{path}: the recipe is empty: expected a mapping with at least 'name', 'seed' and 'model'")
    if not isinstance(data, dict):
        raise RecipeError(f"{path}:1: expected a mapping of recipe sections at the top level, got {type(data).__name__}")
    return data, _line_index(node) if node is not None else {}


# ----------------------------------------------------------------------------------------------
# Overrides: dotted.key=value, YAML-typed


def parse_override(text: str) -> Tuple[List[str], Any]:
    """``train.max_steps=5`` -> (['train', 'max_steps'], 5)."""
    if "=" not in text:
        raise RecipeError(f"override '{text}': expected dotted.key=value, e.g. train.max_steps=5")
    key, _, raw = text.partition("=")
    parts = key.strip().split(".")
    if not key.strip() or any(not p for p in parts):
        raise RecipeError(f"override '{text}': expected dotted.key=value, e.g. train.max_steps=5")
    try:
        value = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError:
        value = raw
    return parts, value


def apply_override(data: Dict[str, Any], parts: Sequence[str], value: Any, text: str) -> None:
    node: Any = data
    for depth, part in enumerate(parts[:-1]):
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise RecipeError(f"override '{text}': '{'.'.join(parts[:depth + 1])}' is not an index of the list")
            if not isinstance(node[int(part)], (dict, list)):
                raise RecipeError(
                    f"override '{text}': '{'.'.join(parts[:depth + 1])}' is the value {node[int(part)]!r}, not a section "
                    "(write it as a mapping in the recipe, e.g. '- name: ...')"
                )
            node = node[int(part)]
            continue
        child = node.get(part)
        if child is None:
            child = node[part] = {}
        if not isinstance(child, (dict, list)):
            raise RecipeError(f"override '{text}': '{'.'.join(parts[:depth + 1])}' is a value, not a section")
        node = child
    last = parts[-1]
    if isinstance(node, list):
        if not last.isdigit() or int(last) >= len(node):
            raise RecipeError(f"override '{text}': '{last}' is not an index of the list")
        node[int(last)] = value
    else:
        node[last] = value


# ----------------------------------------------------------------------------------------------
# Validation errors -> one line


def _model_at(loc: Sequence[Any]) -> Optional[type]:
    """The pydantic model class that a location points into (for "did you mean")."""
    model: Any = Recipe
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return None
        ann = field.annotation
        candidates = [ann] + list(getattr(ann, "__args__", ()) or ())
        for inner in list(candidates):
            candidates += list(getattr(inner, "__args__", ()) or ())
        nxt = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if nxt is None:
            return None
        model = nxt
    return model


def _describe(error: Dict[str, Any]) -> Tuple[Tuple[Any, ...], str]:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
    ctx = error.get("ctx") or {}
    if "key" in ctx:
        loc = loc + (ctx["key"],)
    kind = error["type"]
    if kind == "extra_forbidden" and "key" not in ctx:
        parent = _model_at(loc[:-1])
        fields = sorted(name for name, info in (getattr(parent, "model_fields", {}) or {}).items() if not info.exclude)  # not internal ones
        close = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else (f"; expected one of: {', '.join(fields)}" if fields else "")
        return loc, f"unknown key{hint}"
    if kind == "missing":
        return loc, "required key is missing"
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    if kind not in ("value_error", "extra_forbidden", "managed_key") and "input" in error and not isinstance(error["input"], (dict, list)):
        message += f" (got {error['input']!r})"
    return loc, message


def format_validation_error(exc: ValidationError, source: str, lines: Dict) -> str:
    """The first validation error as ``file:line: dotted.path: message`` (+ how many more)."""
    errors = exc.errors()
    described = [_describe(e) for e in errors]
    loc, message = described[0]
    line = None
    for cut in range(len(loc), -1, -1):
        if tuple(loc[:cut]) in lines:
            line = lines[tuple(loc[:cut])]
            break
    dotted = ".".join(str(p) for p in loc) or "(top level)"
    where = f"{source}:{line}" if line else source
    more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
    return f"{where}: {dotted}: {message}{more}"


def validate_recipe(data: Dict[str, Any], source: str = "<recipe>", lines: Optional[Dict] = None, source_dir: Optional[Path] = None) -> Recipe:
    try:
        recipe = Recipe.model_validate(data)
    except ValidationError as exc:
        raise RecipeError(format_validation_error(exc, source, lines or {})) from None
    if recipe.train.eval_strategy != "no" and not recipe.seed.eval_size:  # SFTConfig would evaluate on nothing: hfsynth turned it off silently
        line = (lines or {}).get(("train", "eval_strategy"))
        raise RecipeError(
            f"{source}{f':{line}' if line else ''}: train.eval_strategy: '{recipe.train.eval_strategy}' evaluates on the held-out "
            "seed rows, but seed.eval_size is 0; set seed.eval_size (e.g. 0.1) or train.eval_strategy: no"
        )
    if source_dir is not None:
        recipe.source_dir = str(source_dir)
    return recipe


def load_recipe(path: str | Path, overrides: Sequence[str] = ()) -> Recipe:
    """Read, override and validate a recipe file."""
    path = Path(path)
    data, lines = _read_yaml(path)
    for text in overrides:
        parts, value = parse_override(text)
        apply_override(data, parts, value, text)
    return validate_recipe(data, str(path), lines, source_dir=path.resolve().parent)


def recipe_json_schema() -> Dict[str, Any]:
    """JSON schema of the recipe, for editors (``hfsynth schema``)."""
    schema = Recipe.model_json_schema()
    schema["properties"].pop("source_dir", None)
    schema["title"] = "hfsynth recipe"
    return schema
