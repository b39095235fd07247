"""Fenced code blocks in markdown (model answers): the one fence finder every reader of model output uses.

CommonMark's fence rules, read leniently where model output needs it:

- an opening fence is a line of 3 or more backticks or tildes, then an optional info string that
  holds no backtick (so inline code such as three backticks, x, three backticks is no fence);
- the block ends at the next line holding only the same character, at least as many times (so a
  4-backtick block can quote a 3-backtick one), trailing spaces allowed;
- fences may be indented by any spaces or tabs (models nest them in list items); the body keeps
  its lines as written;
- a fence left open runs to the end of the text (a generation cut at ``max_new_tokens``);
- lines end at ``\\n``, ``\\r\\n`` or ``\\r``; a body is its lines joined with ``\\n``.

Which fence a caller wants (its language, the first, the longest) is the caller's own policy:
:mod:`hfsynth.synth.parsing`, :mod:`hfsynth.curate.extract` and :mod:`hfsynth.scoring.humaneval`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List

_LINE_END = re.compile(r"\r\n|\r|\n")
_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
_TAG = re.compile(r"[\w+#.-]*")


@dataclass(frozen=True)
class Fence:
    """One fenced block: the opening fence's info string (stripped, "" when untagged), the body,
    and whether a closing fence ended it."""

    info: str
    code: str
    closed: bool

    @property
    def tag(self) -> str:
        """The language tag as written, lower-cased: the info string's leading run of word characters
        and ``+#.-`` ("python title=a.py" -> "python", "c++" -> "c++"); "" when untagged."""
        return _TAG.match(self.info).group(0).lower()


def find_fences(text: str) -> List[Fence]:
    """Every fenced block of ``text``, in order (empty bodies included)."""
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # the text's final line ending starts no line
    fences: List[Fence] = []
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        fence = match.group("fence")
        close = re.compile(r"^[ \t]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        fences.append(Fence(match.group("info").strip(), "\n".join(lines[i + 1 : j]), closed=j < len(lines)))
        i = j + 1
    return fences


def text_before(text: str, fence: Fence) -> str:
    """The text before ``fence``'s opening line: the words that introduce the block ("Example input:"). The block is
    found by its body, so a blank body is found nowhere and gives the text up to its own last line."""
    at = text.find(fence.code) if fence.code.strip() else -1
    before = text[:at].rstrip()
    return before[: before.rfind("\n")] if "\n" in before else ""
