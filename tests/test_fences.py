"""The one markdown fence finder behind synth parsing, curation's extraction and HumanEval's completions."""

from hfsynth.fences import Fence, find_fences

TICKS = "```"


def test_blocks_in_order_with_info_strings_and_an_unclosed_last_one():
    text = f"Intro\n{TICKS}python title=a.py\ndef f():\n    return 1\n{TICKS}\nmiddle\n{TICKS} Bash \nls\n{TICKS}\n{TICKS}\n\n{TICKS}\n{TICKS}py\nx = 2\n"
    assert find_fences(text) == [
        Fence("python title=a.py", "def f():\n    return 1", True),
        Fence("Bash", "ls", True),
        Fence("", "", True),
        Fence("py", "x = 2", False),
    ]
    assert [f.tag for f in find_fences(text)] == ["python", "bash", "", "py"]
    assert find_fences("no fences here") == [] and find_fences("") == []


def test_tags_keep_what_a_language_name_is_made_of():
    tags = [f.tag for f in find_fences(f"{TICKS}C++\n{TICKS}\n{TICKS}objective-c\n{TICKS}\n{TICKS}{{.python}}\n{TICKS}\n{TICKS}c#,linenos\n{TICKS}\n")]
    assert tags == ["c++", "objective-c", "", "c#"]


def test_tildes_and_longer_fences_quote_shorter_ones():
    # Edge cases the old synth/HumanEval regex got wrong: it saw no ~~~ fence at all, and it ended a
    # 4-backtick block at the first inner ``` line (with the tag lost).
    text = f"~~~python\ndef f():\n    return 1\n~~~\n````markdown\nUse:\n{TICKS}python\nf()\n{TICKS}\n````\n"
    assert find_fences(text) == [
        Fence("python", "def f():\n    return 1", True),
        Fence("markdown", f"Use:\n{TICKS}python\nf()\n{TICKS}", True),
    ]
    # A closing fence may be longer than the opening one, never shorter nor of the other character.
    assert find_fences(f"{TICKS}\na\n````\nb\n") == [Fence("", "a", True)]
    assert find_fences("````\na\n```\n~~~~\nb") == [Fence("", "a\n```\n~~~~\nb", False)]


def test_a_line_of_inline_code_is_not_a_fence():
    # The old synth/HumanEval regex took "```x = 1```" for an opening fence tagged "x".
    assert find_fences(f"Run {TICKS}x{TICKS} first:\n{TICKS}x = 1{TICKS}\n{TICKS}python\ny = 2\n{TICKS}\n") == [Fence("python", "y = 2", True)]


def test_indented_fences_count_and_keep_their_lines():
    # Models nest fences in list items; curation used to ignore fences indented 4+ spaces or by a tab.
    text = f"1. Step:\n    - write it:\n      {TICKS}python\n      x = 1\n      {TICKS}\n\t{TICKS}js\n\tlet y;\n\t{TICKS}\n"
    assert find_fences(text) == [Fence("python", "      x = 1", True), Fence("js", "\tlet y;", True)]


def test_line_endings():
    # CRLF text: the old synth/HumanEval regex never found the closing fence ("```\r").
    assert find_fences(f"{TICKS}python\r\nx = 1\r\n{TICKS}\r\ntail\r\n") == [Fence("python", "x = 1", True)]
    # Only \n, \r\n and \r end lines: a form feed or U+2028 inside code stays (curation's
    # str.splitlines used to turn them into newlines).
    assert find_fences(f"{TICKS}python\nx = 1\x0cy = '\u2028'\n{TICKS}") == [Fence("python", "x = 1\x0cy = '\u2028'", True)]


def test_an_opening_fence_on_the_last_line_is_an_empty_unclosed_block():
    # A generation cut right after the opening fence (the old synth/HumanEval regex saw no block).
    assert find_fences(f"Here it is:\n{TICKS}python") == [Fence("python", "", False)]
    assert find_fences(f"Here it is:\n{TICKS}python\n") == [Fence("python", "", False)]
