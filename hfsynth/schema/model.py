"""``model``, ``quantization`` and ``lora``: which base model, how it is loaded, what is trained."""

from typing import List, Literal, Optional, Union

from pydantic import Field, field_validator

from hfsynth.schema.base import Section

Dtype = Literal["auto", "float32", "bfloat16", "float16"]


class ModelConfig(Section):
    """The base model: a Hub id, a local folder, a .gguf file or ``builtin:smollm2-135m-instruct``."""

    name_or_path: str = Field(..., description="Hub id, local folder, .gguf file, or builtin:smollm2-135m-instruct.")
    revision: Optional[str] = Field(None, description="Hub revision (branch, tag or commit) of the base model.")
    hub_id: Optional[str] = Field(
        None, description="Hub id recorded as base_model in the model card when name_or_path is a local folder or .gguf file."
    )
    dtype: Dtype = Field(
        "auto", description="Compute dtype. auto = bfloat16 on a bf16-capable GPU, float32 on CPU (bf16 is emulated there, ~8x slower)."
    )
    trust_remote_code: bool = Field(False, description="Allow model code from the repo (transformers trust_remote_code).")
    attn_implementation: Optional[str] = Field(None, description="'sdpa', 'eager', 'flash_attention_2'; None = transformers' default.")
    chat_template: Optional[str] = Field(None, description="Jinja chat template to use when the tokenizer has none.")

    @field_validator("name_or_path")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must name a model")
        return value


class QuantizationConfig(Section):
    """bitsandbytes 4-bit (QLoRA). The storage dtype follows the model dtype so FSDP can shard it."""

    load_in_4bit: bool = Field(False, description="Load the base model in 4-bit with bitsandbytes (QLoRA).")
    bnb_4bit_quant_type: Literal["nf4", "fp4"] = Field("nf4", description="4-bit data type.")
    bnb_4bit_use_double_quant: bool = Field(True, description="Quantize the quantization constants too.")
    bnb_4bit_compute_dtype: Dtype = Field("auto", description="Matmul dtype; auto = the model dtype.")
    bnb_4bit_quant_storage: Dtype = Field("auto", description="Storage dtype of packed weights; auto = the model dtype (FSDP needs this).")


class LoraConfig(Section):
    """peft LoRA adapter settings (peft's own field names)."""

    r: int = Field(16, ge=1, description="LoRA rank.")
    lora_alpha: int = Field(32, ge=1, description="LoRA scaling numerator.")
    lora_dropout: float = Field(0.05, ge=0, lt=1, description="Dropout on the LoRA input.")
    target_modules: Union[Literal["all-linear"], List[str]] = Field(
        "all-linear", description="'all-linear' or a list of module names (e.g. [q_proj, v_proj])."
    )
    bias: Literal["none", "all", "lora_only"] = Field("none", description="Which biases to train.")
    use_dora: bool = Field(False, description="Weight-decomposed LoRA (DoRA).")
    use_rslora: bool = Field(False, description="Rank-stabilised scaling alpha/sqrt(r).")
    modules_to_save: Optional[List[str]] = Field(None, description="Extra modules trained in full and saved.")
