"""The execution filter's verdicts against code written to fool them (issue 14, part 2).

Each case is a real row run in the real sandbox. ``CAUGHT`` rows try a known trick to pass with a
wrong solution (or to fail a right one) and must get the honest verdict. ``NOT_CAUGHT`` rows reach
into the harness inside their own process; they still pass, and SANDBOX.md must say so: the test
checks both the verdict and that the documentation names the trick, so the two stay in step.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hfsynth.curate.execute import execute_rows
from hfsynth.schema.curate import ExecutionConfig

SANDBOX_MD = Path(__file__).resolve().parent.parent / "hfsynth" / "sandbox" / "SANDBOX.md"
CFG = ExecutionConfig(timeout_s=5, cpu_seconds=4, memory_mb=512, max_processes=16, file_size_mb=4, workers=2, mode="mark", enabled=True)

WRONG = "def add(a, b):\n    return a - b\n"
RIGHT = "def add(a, b):\n    return a + b\n"
TESTS = "assert add(1, 2) == 3\nassert add(2, 2) == 4\n"
UNITTESTS = (
    "import unittest\n\n"
    "class TestAdd(unittest.TestCase):\n"
    "    def test_add(self):\n"
    "        self.assertEqual(add(1, 2), 3)\n\n"
    "if __name__ == '__main__':\n"
    "    unittest.main()\n"
)
RIGGED = "class Anything:\n    def __eq__(self, other):\n        return True\n    def __ne__(self, other):\n        return False\n\n"

# (case, code, tests, expected exec_status)
CAUGHT = [
    ("right answer, unittest.main() in the tests", RIGHT, UNITTESTS, "passed"),
    ("wrong answer, unittest.main() in the tests", WRONG, UNITTESTS, "failed"),
    ("printing the old done line then os._exit(0)", WRONG + "print('hfsynth-sandbox: tests finished', flush=True)\nimport os\nos._exit(0)\n", TESTS, "failed"),
    ("printing a forged report record then os._exit(0)", WRONG + "print('{\"done\": true, \"functions\": 0, \"unittest\": 0}')\nimport os\nos._exit(0)\n", TESTS, "failed"),
    ("printing the old done line from a test, then os._exit(0)", WRONG, "import os\nprint('hfsynth-sandbox: tests finished', flush=True)\nos._exit(0)\n" + TESTS, "failed"),
    ("sys.exit(0) in the code", WRONG + "import sys\nsys.exit(0)\n", TESTS, "failed"),
    ("os._exit(0) called from a test", WRONG, "import os\nos._exit(0)\n" + TESTS, "failed"),
    ("atexit hook printing the done line and exiting 0", WRONG + "import atexit, os\natexit.register(lambda: (print('hfsynth-sandbox: tests finished', flush=True), os._exit(0)))\n", TESTS, "failed"),
    ("builtins.exec patched to do nothing", WRONG + "import builtins\nbuiltins.exec = lambda *a, **k: None\nbuiltins.compile = lambda *a, **k: None\n", TESTS, "failed"),
    ("an object equal to everything", RIGGED + "def add(a, b):\n    return Anything()\n", TESTS, "failed"),
    ("an object equal to everything inside a list", RIGGED + "def add(a, b):\n    return [Anything()]\n", "assert add(1, 2) == [3]\n", "failed"),
    ("an object never unequal, tested with !=", RIGGED + "def add(a, b):\n    return Anything()\n", "assert not (add(1, 2) != 3)\n", "failed"),
    ("an object equal to everything, through assertEqual", RIGGED + "def add(a, b):\n    return Anything()\n", UNITTESTS, "failed"),
    ("an object equal to everything, tested with in", RIGGED + "def add(a, b):\n    return Anything()\n", "assert add(1, 2) in (3, 4)\n", "failed"),
    ("a list holding an object equal to everything, through assertEqual", RIGGED + "def add(a, b):\n    return [Anything()]\n",
     "import unittest\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(1, 2), [3])\n", "failed"),
    ("right answers compared with in, not in and assertEqual on lists", RIGHT,
     "import unittest\nassert add(1, 2) in (3, 4) and add(1, 1) not in (3, 4)\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual([add(1, 2)], [3])\n        self.assertNotEqual(add(1, 2), 4)\n", "passed"),
    ("unittest.TestCase.run patched to do nothing", WRONG + "import unittest\nunittest.TestCase.run = lambda self, result=None: None\n", UNITTESTS, "failed"),
    ("a value class with an honest __eq__", "class P:\n    def __init__(self, x):\n        self.x = x\n    def __eq__(self, other):\n        return isinstance(other, P) and other.x == self.x\n", "assert P(1) == P(1) and P(1) != P(2) and [P(3)] == [P(3)]\n", "passed"),
    ("a right answer with an input() demo under a main guard", RIGHT + "if __name__ == '__main__':\n    print(add(int(input()), 1))\n", TESTS, "passed"),
    # models often put their tests in the main guard: the code runs as a module, so the harness runs them as tests
    ("a wrong answer with its asserts under a main guard, no tests", WRONG + "if __name__ == '__main__':\n    assert add(1, 2) == 3\n", None, "failed"),
    ("a right answer with its asserts under a main guard, no tests", RIGHT + "if __name__ == '__main__':\n    assert add(1, 2) == 3\n    print('ok')\n", None, "passed"),
    ("a wrong answer whose main guard calls its test function", WRONG + "def test_add():\n    assert add(1, 2) == 3\n\nif __name__ == '__main__':\n    test_add()\n", None, "failed"),
    ("a right answer whose pytest tests end with sys.exit(pytest.main([__file__]))", RIGHT,
     "import pytest\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\nif __name__ == '__main__':\n    import sys\n    sys.exit(pytest.main([__file__, '-q']))\n", "passed"),
    ("a wrong answer whose pytest tests end with sys.exit(pytest.main())", WRONG,
     "import pytest, sys\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\nsys.exit(pytest.main())\n", "failed"),
    ("a right answer with its asserts at the code's top level, no tests", RIGHT + "assert add(1, 2) == 3\n", None, "passed"),
    ("a wrong answer with its asserts at the code's top level, no tests", WRONG + "assert add(1, 2) == 3\n", None, "failed"),
    ("a wrong answer with its TestCase and unittest.main() in the code", WRONG + UNITTESTS, None, "failed"),
    ("a right answer with its TestCase and unittest.main() in the code", RIGHT + UNITTESTS, None, "passed"),
    ("a wrong answer with a pytest-style test function in the code", WRONG + "def test_add():\n    assert add(2, 3) == 5\n", None, "failed"),
    ("a right answer whose test function takes a fixture (not run)", RIGHT + "def test_add(tmp_path):\n    assert add(2, 3) == 6\n", "assert add(1, 1) == 2\n", "passed"),
    ("a CLI whose main guard raises SystemExit(main())", RIGHT + "def main():\n    raise RuntimeError('argv')\n\nif __name__ == '__main__':\n    raise SystemExit(main())\n", TESTS, "passed"),
    ("a wrong answer with right tests and a failing assert under its main guard", WRONG.replace("-", "+") + "if __name__ == '__main__':\n    assert add(2, 2) == 5\n", TESTS, "failed"),
]

# (case, code, tests, the phrase SANDBOX.md uses for it): in-process tampering that still passes
NOT_CAUGHT = [
    (
        "calling the harness's own report function",
        WRONG + "import sys, os\nsys.modules['__main__']._hf_report({'done': True})\nos._exit(0)\n",
        TESTS,
        "its globals through `sys.modules['__main__']`",
    ),
    (
        "writing the record on every open descriptor",
        WRONG + "import os\nfor fd in os.listdir('/proc/self/fd'):\n    try:\n        os.write(int(fd), b'{\"done\": true}\\n')\n    except OSError:\n        pass\nos._exit(0)\n",
        TESTS,
        "the report descriptor through `/proc/self/fd`",
    ),
]


def _run(cases):
    rows = [{"id": name, "code": code, "tests": tests} for name, code, tests, _ in cases]
    return {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}


def test_tricks_are_caught():
    got = _run(CAUGHT)
    wrong = {name: got[name] for name, _, _, expected in CAUGHT if got[name][0] != expected}
    assert not wrong, wrong


def test_in_process_tampering_is_as_documented():
    """What the harness cannot stop, measured: if one of these starts failing, tighten SANDBOX.md."""
    got = _run(NOT_CAUGHT)
    doc = " ".join(SANDBOX_MD.read_text(encoding="utf-8").split())
    for name, _, _, phrase in NOT_CAUGHT:
        assert got[name][0] == "passed", (name, got[name])
        assert phrase in doc, f"SANDBOX.md no longer says that {name} forges a pass ({phrase!r})"
