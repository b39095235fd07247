"""One name per language, whatever a fence tag or a recipe calls it ("py", "python3" -> "python").

Canonical names are tree-sitter grammar names, so a language maps straight to its grammar package
(``tree_sitter_<name>``).
"""

from typing import Optional

ALIASES = {
    "py": "python",
    "py3": "python",
    "python3": "python",
    "ipython": "python",
    "pycon": "python",
    "js": "javascript",
    "node": "javascript",
    "jsx": "javascript",
    "mjs": "javascript",
    "ts": "typescript",
    "c++": "cpp",
    "cc": "cpp",
    "cxx": "cpp",
    "hpp": "cpp",
    "h": "c",
    "rs": "rust",
    "golang": "go",
    "sh": "bash",
    "shell": "bash",
    "zsh": "bash",
    "rb": "ruby",
    "kt": "kotlin",
    "cs": "c_sharp",
    "csharp": "c_sharp",
    "c#": "c_sharp",
    "yml": "yaml",
}


def canonical_language(tag: Optional[str]) -> Optional[str]:
    """The canonical name of a fence tag or recipe language; None for an empty tag.

    Only the first word of a fence's info string counts ("python title=x.py" -> "python").
    """
    if not tag:
        return None
    word = tag.strip().split()[0].strip("{}.").lower() if tag.strip() else ""
    if not word:
        return None
    return ALIASES.get(word, word.replace("-", "_"))
