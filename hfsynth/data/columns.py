"""Map a seed dataset's columns onto chat ``messages`` (what TRL's SFTTrainer trains on).

Recognised shapes, in order: a ``messages`` list; instruction (+ input) / response; prompt /
completion. Common aliases are detected (Code Alpaca's ``output``, OSS-Instruct's
``problem``/``solution``); anything else is mapped with ``seed.columns``.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from hfsynth.errors import HfsynthError

ALIASES = {
    "messages": ["messages", "conversations", "conversation"],
    "instruction": ["instruction", "problem", "question", "query"],
    "input": ["input"],
    "response": ["response", "output", "solution", "answer"],
    "prompt": ["prompt"],
    "completion": ["completion"],
}


def _pick(role: str, explicit: Optional[str], columns: List[str]) -> Optional[str]:
    if explicit:
        return explicit if explicit in columns else None
    return next((c for c in ALIASES[role] if c in columns), None)


def plan_mapping(columns: List[str], mapping, source: str) -> Dict[str, str]:
    """Which column plays which role; a clear error naming the columns present when nothing fits."""
    for role in ("messages", "instruction", "input", "response", "prompt", "completion"):
        explicit = getattr(mapping, role)
        if explicit and explicit not in columns:
            raise HfsynthError(f"seed.columns.{role}: column '{explicit}' is not in {source} (it has: {', '.join(columns)})")
    found = {role: _pick(role, getattr(mapping, role), columns) for role in ALIASES}
    if found["messages"]:
        return {"messages": found["messages"]}
    if found["instruction"] and found["response"]:
        plan = {"instruction": found["instruction"], "response": found["response"]}
        if found["input"]:
            plan["input"] = found["input"]
        return plan
    if found["prompt"] and found["completion"]:
        return {"prompt": found["prompt"], "completion": found["completion"]}
    raise HfsynthError(
        f"seed: {source} has columns [{', '.join(columns)}]; expected 'messages', 'instruction' + 'response' "
        "(or output/solution), or 'prompt' + 'completion': map yours with seed.columns"
    )


def to_messages(row: dict, plan: Dict[str, str], system_prompt: Optional[str]) -> List[Dict[str, str]]:
    if "messages" in plan:
        messages = [{"role": m["role"], "content": m["content"]} for m in row[plan["messages"]]]
    elif "instruction" in plan:
        user = str(row[plan["instruction"]])
        extra = row.get(plan.get("input", ""), None) if "input" in plan else None
        if extra:
            user = f"{user}\n\n{extra}"
        messages = [{"role": "user", "content": user}, {"role": "assistant", "content": str(row[plan["response"]])}]
    else:
        messages = [{"role": "user", "content": str(row[plan["prompt"]])}, {"role": "assistant", "content": str(row[plan["completion"]])}]
    if system_prompt and messages[0]["role"] != "system":
        messages = [{"role": "system", "content": system_prompt}] + messages
    return messages
