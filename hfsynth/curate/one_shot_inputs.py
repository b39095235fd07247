"""An input the instruction says may be any iterable, a generator or a stream, read as if it were a list.

"`readings` can be any iterable; in production it is a generator streaming from the feed" answered with
``for i in range(1, len(readings))``: a generator has no length and no index, so the code raises on the
input it was written for, and its asserts pass lists. Read only where the words leave no doubt: the
parameter is named ``iterable``, ``iterator`` or ``stream``, or a sentence that says "any iterable", "it
is a generator", "may be an iterator", "such as generators", "one-shot" or "consumed once" names it (not
"Write a generator that yields": that is the function, nor "a stream of samples": a domain's word, nor "in a
single pass over the board": how the code is to read its input, not what the input is), and the
instruction never indexes it itself (``values[i - 1]``); the code never makes it a list
first (``readings = list(readings)``) nor asks what it is (``isinstance``, ``hasattr``); and then takes its
``len()``, indexes or slices it, or reads it whole twice at the function's top level (``total = sum(xs)``
then ``count = sum(1 for _ in xs)``: the second pass sees nothing).
"""

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import asked_function, unparsed, walk

# What says the input may be one-shot; not "Write a generator that yields" (the function itself).
ONE_SHOT = literal_gates.compile(
    r"\bany (?:kind of )?iterable\b|\b(?:it|they|the input|inputs?|this|that|which) (?:is|are|can be|may be|might be|could be) (?:a |an |any )?(?:generator|iterator)s?\b|"
    r"\b(?:can|may|might|could) be (?:a |an |any )?(?:generator|iterator|one-shot)s?\b|\b(?:including|such as|like|even|on|from) (?:a |an )?(?:generator|iterator)s?\b|"
    r"\bone-shot\b|\bconsumed? (?:only )?once\b",
    re.IGNORECASE)
SELF_DESCRIBING = frozenset({"iterable", "iterator", "stream"})
SENTENCE = literal_gates.compile(r"(?<=[.!?;])\s+|\n+")
# Calls that read the whole of what they are given.
CONSUMING = frozenset("sum max min list tuple sorted set frozenset any all dict len enumerate zip map filter Counter".split())


def _one_shot_parameters(prose: str, function: ast.FunctionDef) -> set:
    names = {p.arg for p in function.args.posonlyargs + function.args.args}
    found = names & SELF_DESCRIBING
    for sentence in SENTENCE.split(prose):
        if ONE_SHOT.search(sentence):
            found |= {name for name in names if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", sentence)}
    return {name for name in found if not re.search(rf"(?<![\w.]){re.escape(name)}\[", prose)}  # `values[i - 1]`: a sequence


def _consumed_at_top(function: ast.FunctionDef, name: str) -> int:
    """How many statements of the function's own body read all of ``name``: a loop over it, or a call that
    reads all it is given (``sum(xs)``)."""
    count = 0
    for statement in function.body:
        if isinstance(statement, (ast.For, ast.AsyncFor)) and isinstance(statement.iter, ast.Name) and statement.iter.id == name:
            count += 1
        elif not isinstance(statement, (ast.If, ast.Try, ast.While, ast.With, ast.For, ast.AsyncFor, ast.FunctionDef)) and any(
                isinstance(n, ast.Call) and getattr(n.func, "id", None) in CONSUMING and any(isinstance(a, ast.Name) and a.id == name for a in n.args)
                or isinstance(n, ast.comprehension) and isinstance(n.iter, ast.Name) and n.iter.id == name
                for n in walk(statement)):
            count += 1
    return count


def reread_iterator(prose: str, tree: ast.Module) -> Optional[str]:
    """How the code reads an input the instruction says may be a one-shot iterable as if it were a list, else None."""
    function = asked_function(tree, prose)
    if function is None:
        return None
    nodes = list(walk(function))
    for name in sorted(_one_shot_parameters(prose, function)):
        rebound = any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in nodes)
        asked = any(isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("isinstance", "hasattr", "type")
                    and n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == name for n in nodes)
        if rebound or asked:
            continue
        for node in nodes:
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len" and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == name:
                return f"the instruction says `{name}` may be a one-shot iterable and the code takes its len(), which a generator has not"
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name and isinstance(node.ctx, ast.Load):
                return f"the instruction says `{name}` may be a one-shot iterable and the code indexes it ({unparsed(node)[:40]}), which a generator cannot be"
        if _consumed_at_top(function, name) >= 2:
            return f"the instruction says `{name}` may be a one-shot iterable and the code reads it twice: the second pass sees nothing"
    return None
