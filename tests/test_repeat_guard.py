"""The engine's repetition guard (issue 13, part 1): a sequence that loops on its own lines stops,
keeping one copy of the loop, so loops do not eat the token budget."""

import pytest

from hfsynth.engines.base import SamplingParams, repeating_tail
from hfsynth.engines.vllm import guarded
from hfsynth.engines.base import Completion


def test_a_line_or_block_repeated_is_found_and_cut_after_one_copy():
    text = "def f(x):\n    if x:\n        print('same line')\n        print('same line')\n        print('same line')\n        pri"
    cut = repeating_tail(text, 3)
    assert text[:cut] == "def f(x):\n    if x:\n        print('same line')\n"
    block = "    elif isinstance(item, str):\n        out.append(item)\n"
    text = "def g(items):\n    out = []\n" + block * 3 + "    "
    assert text[: repeating_tail(text, 3)] == "def g(items):\n    out = []\n" + block


def test_what_good_code_repeats_is_not_a_loop():
    assert repeating_tail("a = 1\nb = 2\nc = 3\n", 3) is None
    assert repeating_tail("x\n    }\n    }\n    }\n", 3) is None  # short lines: closing braces, 'else:'
    assert repeating_tail("print('same')\nprint('same')\n", 3) is None  # twice is not a loop at 3
    assert repeating_tail("print('same')\nprint('same')\n", 2) is not None
    assert repeating_tail("print('same')\n" * 5, 0) is None


def test_vllm_completions_are_cut_the_same_way():
    looping = Completion("x = 1\n" + "total = total + 1\n" * 4, "length", 5, 40)
    cut = guarded(looping, 3)
    assert (cut.text, cut.finish_reason, cut.completion_tokens) == ("x = 1\ntotal = total + 1\n", "repetition", 40)
    assert guarded(looping, 0) is looping


def test_the_hf_engine_cuts_with_its_tokenizer(tiny_model_dir):
    """The hf engine checks the decoded tokens between segments and cuts the same way."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from hfsynth.engines.hf import HFEngine

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    engine = HFEngine(AutoModelForCausalLM.from_pretrained(tiny_model_dir), tokenizer, batch_size=2, segment_tokens=4)
    looping = "def f():\n" + "    total = total + 1\n" * 4 + "    tot"
    tokens = tokenizer(looping, add_special_tokens=False)["input_ids"]
    assert engine._loop_at(tokens, 3) is not None and engine._loop_at(tokens, 5) is None
    completion = engine._looped(tokens, [1, 2, 3], 3)
    assert (completion.text, completion.finish_reason, completion.prompt_tokens, completion.completion_tokens) == (
        "def f():\n    total = total + 1\n", "repetition", 3, len(tokens))


@pytest.mark.usefixtures("one_torch_thread")
def test_the_guard_changes_nothing_for_a_sequence_that_does_not_loop(tiny_model_dir):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from hfsynth.engines.hf import HFEngine

    engine = HFEngine(AutoModelForCausalLM.from_pretrained(tiny_model_dir), AutoTokenizer.from_pretrained(tiny_model_dir), batch_size=2, segment_tokens=4)
    free = engine.generate(["a b c"], SamplingParams(temperature=0, max_new_tokens=24, seed=0))[0][0]
    assert repeating_tail(free.text, 3) is None  # the random model does not loop on whole lines here
    guarded_run = engine.generate(["a b c"], SamplingParams(temperature=0, max_new_tokens=24, seed=0, repeat_guard=3))[0][0]
    assert guarded_run == free
