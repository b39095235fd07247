"""The recipe schema, one module per section (axolotl-style split by domain)."""
