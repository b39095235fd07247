"""Base models: where they come from (resolve, builtin), how they load (4-bit, dtype), what is trained (LoRA)."""
