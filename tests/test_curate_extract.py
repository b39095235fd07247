"""Code extraction: the solution fence, its language from the tag, length bounds."""

from hfsynth.curate.extract import extract_code, extract_rows, find_fences, within_bounds
from hfsynth.schema.curate import CurateConfig, ExtractConfig

ANSWER = """To install it first run:

```bash
pip install requests
```

Then the solution:

```py
import requests

def fetch_status(url):
    return requests.get(url, timeout=5).status_code
```

Example output:

```text
200
```
"""


def test_picks_the_solution_fence_not_the_shell_or_output_ones():
    code, language = extract_code(ANSWER, languages=["python"], row_language="python")
    assert language == "python"
    assert code.startswith("import requests") and "def fetch_status(url):" in code
    assert "pip install" not in code and "200" not in code


def test_language_comes_from_the_fence_tag():
    answer = "Here:\n```js\nfunction add(a, b) { return a + b; }\n```\n"
    assert extract_code(answer, languages=["python", "javascript"], row_language="python") == (
        "function add(a, b) { return a + b; }",
        "javascript",
    )
    # A language the recipe does not keep gives no code at all (not the prose around it).
    assert extract_code(answer, languages=["python"], row_language="python") is None


def test_row_language_preferred_then_longest_then_untagged_fences():
    answer = "```python\nx = 1\n```\n```javascript\nconst a = [1, 2, 3].map(x => x * 2);\n```\n```python\ndef f():\n    return 2\n```"
    assert extract_code(answer, languages=["python", "javascript"], row_language="python") == ("def f():\n    return 2", "python")
    assert extract_code(answer, languages=["python", "javascript"], row_language="javascript")[1] == "javascript"
    # An untagged fence is in the row's language.
    assert extract_code("```\nprint('hi')\n```", languages=["python"], row_language="python3") == ("print('hi')", "python")


def test_unclosed_fence_runs_to_the_end_and_tildes_count():
    fences = find_fences("text\n~~~python\ndef f():\n    pass\n~~~\n```python\ndef g():\n    return 1")
    assert [(f.language, f.closed) for f in fences] == [("python", True), ("python", False)]
    assert fences[1].code == "def g():\n    return 1"


def test_fences_nested_in_list_items_count_and_code_keeps_its_characters():
    # A fence indented 4+ spaces (a nested list item) or by a tab is a fence (extraction before
    # hfsynth.fences ignored it and took the whole answer), its code without the item's indentation
    # (as CommonMark renders it; indented as a whole, Python would not parse), and a form feed in
    # the code stays one.
    answer = "1. Setup:\n    - the helper:\n        ```javascript\n        const a = 1;\n        ```\n"
    assert extract_code(answer, languages=["javascript"], row_language="javascript") == ("const a = 1;", "javascript")
    assert extract_code("\t```py\n\tx = 1\n\t```", languages=["python"], row_language="python") == ("x = 1", "python")
    nested = "2. The code:\n   ```python:solution.py\n   def f(x):\n       return x + 1\n   ```\n"
    assert extract_code(nested, languages=["python"], row_language="python") == ("def f(x):\n    return x + 1", "python")
    assert find_fences("```python\nx = 1\x0cy = 2\n```")[0].code == "x = 1\x0cy = 2"


def test_unfenced_answers_and_the_rows_own_code():
    bare = "def f(x):\n    return x * 2\n"
    assert extract_code(bare, languages=["python"], row_language="python") == (bare, "python")
    assert extract_code(bare, languages=["python"], row_language="python", allow_unfenced=False) is None
    # The generator already split code from tests: its code column wins, language from the fence.
    response = "```python\ndef f(x):\n    return x * 2\n\nassert f(2) == 4\n```"
    assert extract_code(response, languages=["python"], row_language="python", existing_code="def f(x):\n    return x * 2") == (
        "def f(x):\n    return x * 2",
        "python",
    )


def test_length_bounds_and_row_counts():
    assert within_bounds("x = 1\n", min_chars=1, max_chars=10, min_lines=1, max_lines=1)
    assert not within_bounds("x = 1\ny = 2\n", min_chars=1, max_chars=100, min_lines=1, max_lines=1)
    assert not within_bounds("   \n", min_chars=1, max_chars=100, min_lines=0, max_lines=10)
    rows = [
        {"id": "a", "response": ANSWER, "language": "python"},
        {"id": "b", "response": "```bash\nls -la\n```", "language": "python"},
        {"id": "c", "response": "```python\nx=1\n```", "language": "python"},
    ]
    extracted, bounded = extract_rows(rows, ExtractConfig(min_chars=10), CurateConfig().languages)
    assert [r["id"] for r in extracted] == ["a", "c"]
    assert [r["id"] for r in bounded] == ["a"]
    assert bounded[0]["language"] == "python" and bounded[0]["response"] == ANSWER
