"""Map a seed dataset's columns onto chat ``messages`` (what TRL's SFTTrainer trains on).

Recognised shapes, in order: a ``messages`` list (OpenAI ``role``/``content`` messages, or
ShareGPT ``conversations`` of ``from``/``value`` turns with human/gpt/system roles); Alpaca
instruction (+ input) / output (or response); prompt / completion. Common aliases are detected
(OSS-Instruct's ``problem``/``solution``); anything else is mapped with ``seed.columns``.
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


# ShareGPT and other chat dumps name the speakers differently; these are the roles TRL's chat templates know.
ROLES = {
    "user": "user", "human": "user", "prompter": "user",
    "assistant": "assistant", "gpt": "assistant", "bot": "assistant", "model": "assistant", "chatgpt": "assistant",
    "system": "system",
}


def normalize_message(message, where: str) -> Dict[str, str]:
    """One turn as {role, content}: OpenAI ``role``/``content`` or ShareGPT ``from``/``value``."""
    if not isinstance(message, dict):
        raise HfsynthError(f"{where}: a message is a {type(message).__name__}, expected an object with role/content (or from/value)")
    if "role" in message and "content" in message:
        role, content = message["role"], message["content"]
    elif "from" in message and "value" in message:
        role, content = message["from"], message["value"]
    else:
        raise HfsynthError(f"{where}: a message has keys [{', '.join(map(str, message))}]; expected role + content (OpenAI) or from + value (ShareGPT)")
    canonical = ROLES.get(str(role).lower())
    if canonical is None:
        raise HfsynthError(f"{where}: unknown message role '{role}'; expected one of {', '.join(sorted(ROLES))}")
    return {"role": canonical, "content": "" if content is None else str(content)}


def normalize_messages(messages, where: str) -> List[Dict[str, str]]:
    if not isinstance(messages, (list, tuple)):
        what = "nothing (null: do the rows have different shapes?)" if messages is None else f"a {type(messages).__name__}"
        raise HfsynthError(f"{where}: the messages column holds {what}, expected a list of messages")
    return [normalize_message(m, where) for m in messages]


def _pick(role: str, explicit: Optional[str], columns: List[str]) -> Optional[str]:
    if explicit:
        return explicit if explicit in columns else None
    return next((c for c in ALIASES[role] if c in columns), None)


def plan_mapping(columns: List[str], mapping, source: str, field: str = "seed") -> Dict[str, str]:
    """Which column plays which role; a clear error naming the columns present when nothing fits.
    ``field`` is the recipe section whose ``columns`` map them (seed, curate.input)."""
    for role in ("messages", "instruction", "input", "response", "prompt", "completion"):
        explicit = getattr(mapping, role)
        if explicit and explicit not in columns:
            raise HfsynthError(f"{field}.columns.{role}: column '{explicit}' is not in {source} (it has: {', '.join(columns)})")
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
        f"{field}: {source} has columns [{', '.join(columns)}]; expected 'messages' (or ShareGPT 'conversations'), "
        f"'instruction' + 'output' (or response/solution), or 'prompt' + 'completion': map yours with {field}.columns"
    )


def _text(value) -> str:
    """A cell as text: an empty cell (null) is empty text, not the word 'None'."""
    return "" if value is None else str(value)


def has_reply(messages: List[Dict[str, str]]) -> bool:
    """A conversation worth training on: some assistant turn says something."""
    return any(m["role"] == "assistant" and m["content"].strip() for m in messages)


def to_messages(row: dict, plan: Dict[str, str], system_prompt: Optional[str], where: str = "seed") -> List[Dict[str, str]]:
    if "messages" in plan:
        messages = normalize_messages(row[plan["messages"]], f"{where}: column '{plan['messages']}'")
    elif "instruction" in plan:
        user = _text(row[plan["instruction"]])
        extra = row.get(plan.get("input", ""), None) if "input" in plan else None
        if extra:
            user = f"{user}\n\n{extra}"
        messages = [{"role": "user", "content": user}, {"role": "assistant", "content": _text(row[plan["response"]])}]
    else:
        messages = [{"role": "user", "content": _text(row[plan["prompt"]])}, {"role": "assistant", "content": _text(row[plan["completion"]])}]
    if system_prompt and messages[0]["role"] != "system":
        messages = [{"role": "system", "content": system_prompt}] + messages
    return messages
