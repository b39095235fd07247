"""Seed data: local files of every format, Hub-style column shapes, the stdlib miner, the eval split."""

import json

import pytest

from hfsynth.data import load_seed, seed_fingerprint
from hfsynth.data.python_source import mine_functions
from hfsynth.errors import HfsynthError
from hfsynth.recipe import validate_recipe

ROWS = [{"instruction": f"Write function number {i}.", "output": f"def f{i}():\n    return {i}\n"} for i in range(10)]


def _recipe(seed: dict, tmp_path):
    return validate_recipe({"name": "t", "seed": seed, "model": {"name_or_path": "x"}}, source_dir=tmp_path)


def _write(tmp_path, fmt: str):
    import pandas as pd

    path = tmp_path / f"seed.{fmt}"
    frame = pd.DataFrame(ROWS)
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    elif fmt == "json":
        path.write_text(json.dumps(ROWS))
    elif fmt == "parquet":
        frame.to_parquet(path)
    else:
        frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "json", "parquet", "csv"])
def test_local_files_map_to_messages(tmp_path, fmt):
    _write(tmp_path, fmt)
    data = load_seed(_recipe({"path": f"seed.{fmt}", "eval_size": 0.2}, tmp_path))
    assert len(data["train"]) == 8 and len(data["eval"]) == 2
    row = data["train"][0]
    assert [m["role"] for m in row["messages"]] == ["user", "assistant"]
    assert row["messages"][0]["content"].startswith("Write function number")
    all_ids = set(data["train"]["id"]) | set(data["eval"]["id"])
    assert len(all_ids) == 10


def test_prompt_completion_and_messages_shapes(tmp_path):
    (tmp_path / "pc.jsonl").write_text(json.dumps({"prompt": "p", "completion": "c"}) + "\n")
    data = load_seed(_recipe({"path": "pc.jsonl", "eval_size": 0}, tmp_path))
    assert data["train"][0]["messages"][1] == {"role": "assistant", "content": "c"}
    msgs = [{"role": "user", "content": "u"}, {"role": "assistant", "content": "a"}]
    (tmp_path / "m.jsonl").write_text(json.dumps({"messages": msgs}) + "\n")
    data = load_seed(_recipe({"path": "m.jsonl", "eval_size": 0, "system_prompt": "be brief"}, tmp_path))
    assert data["train"][0]["messages"][0] == {"role": "system", "content": "be brief"}


def test_explicit_column_mapping(tmp_path):
    (tmp_path / "q.jsonl").write_text(json.dumps({"q": "question", "a": "answer", "id": 7}) + "\n")
    data = load_seed(_recipe({"path": "q.jsonl", "eval_size": 0, "columns": {"instruction": "q", "response": "a"}}, tmp_path))
    assert data["train"][0]["id"] == "7"
    assert data["train"][0]["messages"][0]["content"] == "question"


def test_missing_columns_error_names_the_columns_present(tmp_path):
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": "x", "label": 1}) + "\n")
    with pytest.raises(HfsynthError, match=r"has columns \[text, label\].*seed.columns"):
        load_seed(_recipe({"path": "bad.jsonl"}, tmp_path))
    (tmp_path / "q.jsonl").write_text(json.dumps({"q": "question"}) + "\n")
    with pytest.raises(HfsynthError, match=r"seed.columns.response: column 'nope' is not in"):
        load_seed(_recipe({"path": "q.jsonl", "columns": {"instruction": "q", "response": "nope"}}, tmp_path))


def test_missing_file_and_bad_extension(tmp_path):
    with pytest.raises(HfsynthError, match="seed.path: file .*missing.jsonl' does not exist"):
        load_seed(_recipe({"path": "missing.jsonl"}, tmp_path))
    (tmp_path / "x.txt").write_text("hi")
    with pytest.raises(HfsynthError, match="unsupported extension"):
        load_seed(_recipe({"path": "x.txt"}, tmp_path))


def test_eval_size_too_large(tmp_path):
    _write(tmp_path, "jsonl")
    with pytest.raises(HfsynthError, match="seed.eval_size"):
        load_seed(_recipe({"path": "seed.jsonl", "eval_size": 10}, tmp_path))


def test_miner_turns_functions_with_docstrings_into_pairs(tmp_path):
    pkg = tmp_path / "src"
    pkg.mkdir()
    (pkg / "mod.py").write_text(
        'def area(w, h):\n    """Return the area of a w by h rectangle."""\n    a = w * h\n    b = a\n    return b\n\n'
        'def _private(x):\n    """Hidden helper function here."""\n    y = x\n    z = y\n    return z\n\n'
        "def nodoc(x):\n    y = x\n    z = y\n    return z\n\n"
        'class K:\n    def method(self):\n        """A method is not self-contained."""\n        a = 1\n        b = 2\n        return a\n'
    )
    rows = mine_functions(pkg, min_statements=2, max_statements=10)
    assert [r["id"] for r in rows] == ["mod:area:1"]
    assert rows[0]["instruction"].startswith("Write a Python function `area(w, h)`. Return the area")
    assert "def area(w, h):" in rows[0]["response"]


def test_stdlib_seed_is_a_real_corpus(tmp_path):
    data = load_seed(_recipe({"python_source": "stdlib", "max_samples": 40, "eval_size": 0.25}, tmp_path))
    assert len(data["train"]) == 30 and len(data["eval"]) == 10
    assert all("```python" in r["messages"][1]["content"] for r in data["train"])
    assert seed_fingerprint(_recipe({"python_source": "stdlib"}, tmp_path)).startswith("python-3.")


@pytest.mark.slow  # mines the standard library twice (about 10 s)
def test_the_mined_stdlib_is_kept_in_the_user_cache_and_remined_when_unreadable(tmp_path, monkeypatch):
    """Every stage process reads the seed: the stdlib is parsed once per installation, not once per process."""
    from hfsynth.data import python_source

    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    python_source._mine_stdlib.cache_clear()
    fresh = mine_functions(python_source.stdlib_dir(), 3, 6)
    (entry,) = (tmp_path / "hf-home" / "hfsynth" / "stdlib-seed").iterdir()
    python_source._mine_stdlib.cache_clear()
    monkeypatch.setattr(python_source, "_mine", lambda *a: pytest.fail("mined again although the cache holds the rows"))
    assert mine_functions(python_source.stdlib_dir(), 3, 6) == fresh
    python_source._mine_stdlib.cache_clear()
    monkeypatch.undo()
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    entry.write_text('[{"id": "tru')  # a half-written entry (a full disk, say)
    assert mine_functions(python_source.stdlib_dir(), 3, 6) == fresh
    assert json.loads(entry.read_text()) == fresh
    python_source._mine_stdlib.cache_clear()


def test_every_common_chat_shape_maps_to_role_content(tmp_path):
    """ShareGPT (from/value, human/gpt/system), OpenAI messages, Alpaca (instruction/input/output),
    prompt/completion: the same user/assistant messages, and check_seed_shape accepts them."""
    from hfsynth.data import check_seed_shape

    shapes = {
        "sharegpt": {"conversations": [{"from": "system", "value": "Be terse."}, {"from": "human", "value": "Write f."}, {"from": "gpt", "value": "def f(): pass"}]},
        "openai": {"messages": [{"role": "system", "content": "Be terse."}, {"role": "user", "content": "Write f."}, {"role": "assistant", "content": "def f(): pass"}]},
        "alpaca": {"instruction": "Write", "input": "f.", "output": "def f(): pass"},
        "prompt_completion": {"prompt": "Write f.", "completion": "def f(): pass"},
    }
    for name, row in shapes.items():
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(row) + "\n")
        recipe = _recipe({"path": f"{name}.jsonl", "eval_size": 0}, tmp_path)
        check_seed_shape(recipe)
        messages = load_seed(recipe)["train"][0]["messages"]
        turns = [m for m in messages if m["role"] != "system"]
        user = "Write\n\nf." if name == "alpaca" else "Write f."
        assert turns == [{"role": "user", "content": user}, {"role": "assistant", "content": "def f(): pass"}], name
        if name in ("sharegpt", "openai"):
            assert messages[0] == {"role": "system", "content": "Be terse."}


def test_check_seed_shape_refuses_what_training_would_trip_on(tmp_path):
    from hfsynth.data import check_seed_shape

    (tmp_path / "odd.jsonl").write_text(json.dumps({"conversations": [{"speaker": "human", "text": "hi"}]}) + "\n")
    with pytest.raises(HfsynthError, match=r"row 0: column 'conversations': a message has keys \[speaker, text\]; expected role \+ content \(OpenAI\) or from \+ value \(ShareGPT\)"):
        check_seed_shape(_recipe({"path": "odd.jsonl"}, tmp_path))
    (tmp_path / "csv.jsonl").write_text("a,b\n1,2\n")
    with pytest.raises(HfsynthError, match=r"seed.path: .*csv.jsonl: cannot read it as jsonl"):
        check_seed_shape(_recipe({"path": "csv.jsonl"}, tmp_path))


def test_rows_without_a_reply_are_left_out_and_nulls_are_not_the_word_none(tmp_path, capsys):
    rows = ROWS[:3] + [{"instruction": "Write nothing.", "output": None}, {"instruction": None, "output": "def g():\n    return 1\n"}]
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    train = load_seed(_recipe({"path": "s.jsonl", "eval_size": 0}, tmp_path))["train"]
    assert len(train) == 4 and "left out 1 of 5 rows" in capsys.readouterr().out
    assert all(m["content"] != "None" for row in train["messages"] for m in row)
    (tmp_path / "e.jsonl").write_text("".join(json.dumps({"instruction": "x", "output": " "}) + "\n" for _ in range(3)))
    with pytest.raises(HfsynthError, match="every row of .* has an empty assistant turn"):
        load_seed(_recipe({"path": "e.jsonl", "eval_size": 0}, tmp_path))
