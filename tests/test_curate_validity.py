"""Validity: Python through ast + compile, other languages through tree-sitter, clear preflight errors."""

import pytest

from hfsynth.curate.validity import filter_valid, python_error, require_parsers, syntax_error
from hfsynth.errors import HfsynthError
from hfsynth.schema.curate import ValidityConfig


def test_python_parser_and_compiler():
    assert python_error("def f(x):\n    return '\\d' + x\n") is None  # an invalid escape is a warning only
    assert "SyntaxError" in python_error("def f(:\n    pass")
    assert "outside function" in python_error("return 1")
    assert python_error("return 1", compile_check=False) is None
    assert "null" in python_error("x = 1\x00").lower()


def test_invalid_rows_are_dropped_and_counted():
    rows = [
        {"id": "1", "code": "def ok():\n    return 1\n", "language": "python"},
        {"id": "2", "code": "def broken(:\n", "language": "python"},
        {"id": "3", "code": "for i in range(3) print(i)", "language": "python"},
    ]
    kept, dropped = filter_valid(rows, ValidityConfig())
    assert [r["id"] for r in kept] == ["1"]
    assert dropped == {"python": 2}


def test_tree_sitter_language():
    pytest.importorskip("tree_sitter")
    pytest.importorskip("tree_sitter_javascript")
    assert syntax_error("function add(a, b) { return a + b; }", "javascript") is None
    assert "tree-sitter" in syntax_error("function add(a, b) { return a + ; }", "javascript")


def test_language_without_grammar_is_a_clear_preflight_error():
    with pytest.raises(HfsynthError, match=r"curate\.languages: 'cobol' .*tree-sitter"):
        require_parsers(["python", "cobol"])
