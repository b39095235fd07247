"""Instruction checks: is the instruction a task a reader would set?

What goes wrong: a ``self_instruct`` "instruction" that is an answer ("Here is one way to solve
task 4: ```python ..."), an ``evol_instruct`` rewrite that is advice ("Make sure to use
descriptive names") or that leaks the rewriting prompt, a refusal, or an instruction too short or
too long. Each check is switched and bounded by the recipe's ``curate.instruction``.

A per-row check: :func:`check` takes one row and returns None (keep) or the reason.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Optional

from hfsynth.fences import find_fences

# An answer, not a question: how chat models open a reply.
ANSWER_OPENER = re.compile(
    r"^\s*(?:sure\b|certainly\b|of course\b|absolutely\b|great question|okay[,!.]|ok[,!.]|alright\b|as an ai\b|"
    r"(?:here(?:'s| is| are)|below is|this is) (?:one way|one possible|a possible|a simple|a solution|the solution|my solution|"
    r"an? (?:python )?implementation|the (?:python )?implementation|the (?:python )?code|the answer|the updated|the revised|"
    r"the improved|the corrected|the completed|an? (?:python )?(?:function|program|script) that)|"
    r"the (?:following|above) (?:code|function|solution|implementation)\b)",
    re.IGNORECASE,
)
REFUSAL = re.compile(
    r"\b(?:i'?m sorry|i am sorry|i apologi[sz]e|as an ai\b|as a(?:n ai)? language model|i cannot (?:help|assist|provide|do)|"
    r"i can'?t (?:help|assist|provide|do)|i(?:'m| am) (?:unable|not able) to)",
    re.IGNORECASE,
)
# The evol-instruct rewriting prompt leaking into its output.
PROMPT_LEAK = re.compile(r"#?(?:given|rewritten|created) prompt#?|\bthe (?:given|original|rewritten) prompt\b|\brewrite the (?:given )?prompt\b", re.IGNORECASE)
# Advice, not a task.
ADVICE_OPENER = re.compile(
    r"^\s*(?:make sure|be sure|ensure|remember|don'?t forget|do not forget|always|never|try to|keep in mind|note that|"
    r"it(?:'s| is) (?:important|recommended|a good idea|good practice|best)|a good practice|you should|you may want|"
    r"consider using|prefer\b|avoid|tip:|best practice|additionally|in addition|furthermore|also,)",
    re.IGNORECASE,
)
# A task names what to do (a verb stem and its inflections) or what to make (a function, a class ...).
TASK_SIGNAL = re.compile(
    r"\b(?:writ|implement|creat|build|defin|design|develop|comput|calculat|count|find|return|generat|convert|pars|fix|"
    r"refactor|complet|modif|extend|add|sort|merg|check|determin|validat|simulat|mak|given|solv|optimi[sz]|rewrit|debug|"
    r"transform|extract|compar|revers|remov|filter|read|print|encod|decod|format|split|search|represent|stor|track|"
    r"handl|process|compress|schedul|detect|estimat|task|function|class|method|program|script|algorithm|module|"
    r"api|endpoint|quer|test|modul)"
    r"(?:e|es|ed|ing|s|er|ers|or|ion|ions|ation|ations|ison|al|y|ies|ied|ication|ting|ter|ming|mer|ging|ment|ments)?\b",
    re.IGNORECASE,
)
CODE_LINE = re.compile(
    r"^\s*(?:def |class |import |from \S+ import |return\b|elif\b|else:|for .+:\s*$|while .+:\s*$|if .+:\s*$|try:|except\b|"
    r"with .+:\s*$|@\w|>>> |print\(|\w+(?:\[[^\]]*\])? ?[-+*/]?= |\w+\.\w+\(.*\)\s*$)"
)


def code_fraction(text: str) -> float:
    """Share of the text's non-blank characters that are code: fenced blocks, and lines outside
    fences that start like a Python statement."""
    total = sum(len(line.strip()) for line in text.splitlines())
    if not total:
        return 0.0
    code = 0
    outside = text
    for fence in find_fences(text):
        code += sum(len(line.strip()) for line in fence.code.splitlines())
        outside = outside.replace(fence.code, "\n")
    code += sum(len(line.strip()) for line in outside.splitlines() if CODE_LINE.match(line))
    return min(1.0, code / total)


NAMED_CALLABLE = re.compile(r"`(?:[\w.]+\.)?([A-Za-z_]\w*)\(")  # `name(...)` in backticks: what the task asks to write


def _definitions(code: str) -> Optional[set]:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def is_python_definition(text: str) -> bool:
    """The instruction, fence lines aside, is itself Python that defines a function or class (the model
    wrote the answer where the task should be)."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("```"))
    return bool(_definitions(body))


def named_but_not_defined(instruction: str, code: str) -> Optional[str]:
    """The first function or class the instruction names as `name(...)` that the code does not
    define (a solution to some other task); None when all are defined, none is named, or the code
    does not parse (validity's business)."""
    named = NAMED_CALLABLE.findall(instruction)
    defined = _definitions(code) if named else None
    if not defined:
        return None
    return next((name for name in named if name not in defined), None)


def check(row: Dict, config) -> Optional[str]:
    """None when the instruction reads as a task within bounds, else the reason."""
    text = (row.get("instruction") or "").strip()
    if not config.min_chars <= len(text) <= config.max_chars:
        return f"instruction length: {len(text)} characters, outside [{config.min_chars}, {config.max_chars}]"
    fraction = code_fraction(text)
    if fraction > config.max_code_fraction:
        return f"instruction is mostly code ({fraction:.0%} of its characters)"
    if is_python_definition(text):
        return "instruction is code: a Python definition, not a task"
    missing = named_but_not_defined(text, row.get("code") or "")
    if missing:
        return f"instruction asks for `{missing}` but the code defines no {missing}"
    if config.reject_chatter:
        if ANSWER_OPENER.match(text):
            return "instruction reads as an answer: " + repr(text[:40])
        if REFUSAL.search(text):
            return "instruction is a refusal or model chatter: " + repr(REFUSAL.search(text).group(0))
        if PROMPT_LEAK.search(text):
            return "instruction leaks the rewriting prompt: " + repr(PROMPT_LEAK.search(text).group(0))
        refusal = response_refusal(row)
        if refusal:
            return refusal
    if config.require_task:
        if ADVICE_OPENER.match(text):
            return "instruction is advice, not a task: " + repr(text[:40])
        if not TASK_SIGNAL.search(text) and "?" not in text:
            return "instruction names no task (no task verb, no question)"
    return None


def response_refusal(row: Dict) -> Optional[str]:
    """A response whose prose (outside fences) refuses."""
    response = row.get("response") or ""
    prose = response
    for fence in find_fences(response):
        prose = prose.replace(fence.code, "\n")
    match = REFUSAL.search(prose)
    return f"response is a refusal: {match.group(0)!r}" if match else None
