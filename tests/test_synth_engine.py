"""HFEngine on the tiny model: batching never changes greedy results, order is restored, EOS stops,
seeds repeat, raw text and chat prompts, PeftModel wrapping."""

import functools

import pytest

from hfsynth.errors import HfsynthError
from hfsynth.engines import Completion, HFEngine, SamplingParams

PROMPTS = [[{"role": "user", "content": "Write a function that sorts " + "a list " * (i % 5)}] for i in range(9)]
GREEDY = SamplingParams(temperature=0, max_new_tokens=10)



pytestmark = pytest.mark.usefixtures("one_torch_thread")

@pytest.fixture(scope="module")
def tiny(tiny_model_dir):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM.from_pretrained(tiny_model_dir), AutoTokenizer.from_pretrained(tiny_model_dir)


def _texts(results):
    return [[c.text for c in row] for row in results]


def test_batched_equals_one_at_a_time_in_input_order(tiny):
    model, tok = tiny
    batched = HFEngine(model, tok, batch_size=4).generate(PROMPTS, GREEDY, progress=False)
    single = HFEngine(model, tok, batch_size=1).generate(PROMPTS, GREEDY, progress=False)
    assert len(batched) == len(PROMPTS) and all(len(row) == 1 for row in batched)
    assert _texts(batched) == _texts(single)
    # And each equals a plain model.generate on the unpadded prompt (order restored after sorting).
    for prompt, row in zip(PROMPTS[:3], batched):
        ids = tok.apply_chat_template(prompt, add_generation_prompt=True, tokenize=False)
        enc = tok(ids, add_special_tokens=False, return_tensors="pt")
        out = model.generate(**enc, max_new_tokens=10, do_sample=False, pad_token_id=tok.pad_token_id)
        assert row[0].text == tok.decode(out[0, enc["input_ids"].shape[1]:], skip_special_tokens=True)
        assert row[0].prompt_tokens == enc["input_ids"].shape[1]


def test_token_counts_and_length_finish(tiny):
    model, tok = tiny
    row = HFEngine(model, tok).generate(PROMPTS[:1], GREEDY, progress=False)[0][0]
    assert isinstance(row, Completion)
    assert row.finish_reason == "length" and row.completion_tokens == 10


def test_stops_at_eos_and_cuts_the_text(tiny):
    model, tok = tiny
    engine = HFEngine(model, tok)
    enc = engine.encode(PROMPTS[0])
    import torch

    out = model.generate(torch.tensor([enc]), max_new_tokens=10, do_sample=False, pad_token_id=tok.pad_token_id)[0, len(enc):].tolist()
    stop_at = next(k for k in range(1, len(out)) if out[k] not in out[:k])
    original = model.generation_config.eos_token_id
    model.generation_config.eos_token_id = [tok.eos_token_id, out[stop_at]]  # this token now ends the sequence
    try:
        row = HFEngine(model, tok, batch_size=2).generate(PROMPTS[:3], GREEDY, progress=False)[0][0]
    finally:
        model.generation_config.eos_token_id = original
    assert row.finish_reason == "stop"
    assert row.completion_tokens == stop_at + 1
    assert row.text == tok.decode(out[:stop_at], skip_special_tokens=True)


def one_by_one_with_early_stops(engine, model, tok):
    """Greedy 12-token answers to PROMPTS one at a time, and tokens that, made end-of-sequence, end
    some rows early at different steps (the 4th token of one row, the 7th of another)."""
    import torch

    outputs = []
    for prompt in PROMPTS:
        ids = engine.encode(prompt)
        outputs.append(model.generate(torch.tensor([ids]), max_new_tokens=12, do_sample=False, pad_token_id=tok.pad_token_id)[0, len(ids):].tolist())
    return outputs, {outputs[0][6]} | {out[3] for out in outputs if out[3] not in outputs[0][:7]}


def test_finished_rows_leave_the_batch_without_changing_results(tiny):
    """Segments of 2 tokens with rows stopping at different points: the same as no compaction and as one by one."""
    model, tok = tiny
    engine = HFEngine(model, tok)
    outputs, extra = one_by_one_with_early_stops(engine, model, tok)
    original = model.generation_config.eos_token_id
    model.generation_config.eos_token_id = [tok.eos_token_id, *sorted(extra)]
    try:
        params = SamplingParams(temperature=0, max_new_tokens=12)
        compacted = HFEngine(model, tok, batch_size=9, segment_tokens=2).generate(PROMPTS, params, progress=False)
        whole = HFEngine(model, tok, batch_size=9, segment_tokens=None).generate(PROMPTS, params, progress=False)
        single = HFEngine(model, tok, batch_size=1, segment_tokens=None).generate(PROMPTS, params, progress=False)
    finally:
        model.generation_config.eos_token_id = original
    assert compacted == whole == single
    stopped = {row[0].completion_tokens for row in compacted if row[0].finish_reason == "stop"}
    assert len(stopped) >= 2  # rows really left the batch at different segments


def test_stop_strings_end_a_sequence_and_are_cut(tiny):
    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=4, segment_tokens=4)
    full = engine.generate(PROMPTS[:3], SamplingParams(temperature=0, max_new_tokens=16), progress=False)
    text = full[0][0].text
    stop = text[len(text) // 2: len(text) // 2 + 3]
    row = engine.generate(PROMPTS[:3], SamplingParams(temperature=0, max_new_tokens=16, stop=[stop, "never-generated"]), progress=False)
    first = row[0][0]
    assert first.text == text[: text.find(stop)] and first.finish_reason == "stop"
    import torch

    ids = engine.encode(PROMPTS[0])
    tokens = model.generate(torch.tensor([ids]), max_new_tokens=16, do_sample=False, pad_token_id=tok.pad_token_id)[0, len(ids):].tolist()
    used = first.completion_tokens  # the fewest tokens whose text holds the stop string
    assert stop in tok.decode(tokens[:used]) and stop not in tok.decode(tokens[: used - 1])
    for got, want in zip(row[1:], full[1:]):  # other rows: unchanged unless they contain the stop string too
        if stop not in want[0].text:
            assert got[0].text == want[0].text and got[0].finish_reason == "length"


def test_sampling_repeats_with_the_seed_and_n_samples_differ(tiny):
    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=3)
    params = SamplingParams(temperature=1.0, top_p=0.9, max_new_tokens=8, seed=7, n=3)
    first = engine.generate(PROMPTS[:4], params, progress=False)
    assert _texts(first) == _texts(engine.generate(PROMPTS[:4], params, progress=False))
    assert all(len(row) == 3 for row in first)
    assert len({c.text for c in first[0]}) > 1
    other = engine.generate(PROMPTS[:4], SamplingParams(temperature=1.0, top_p=0.9, max_new_tokens=8, seed=8, n=3), progress=False)
    assert _texts(other) != _texts(first)


def _prefill_reads(model, monkeypatch) -> list:
    """The input shape of every forward pass that reads more than one position per row (a prefill)."""
    read = []
    forward = type(model).forward

    @functools.wraps(forward)  # generate reads the signature (whether to pass position_ids)
    def counting(self, *args, **kwargs):
        ids = kwargs.get("input_ids", args[0] if args else None)
        if ids is not None and ids.shape[1] > 1:
            read.append(tuple(ids.shape))
        return forward(self, *args, **kwargs)

    monkeypatch.setattr(type(model), "forward", counting)
    return read


def test_samples_of_one_prompt_share_its_prefill(tiny, monkeypatch):
    """n samples of a prompt read the prompt once (a forward over its tokens), then each samples its own tokens."""
    model, tok = tiny
    read = _prefill_reads(model, monkeypatch)
    engine = HFEngine(model, tok, batch_size=12)
    once = engine.generate(PROMPTS[:4], GREEDY, progress=False)
    read_once, read[:] = sum(a * b for a, b in read), []
    thrice = engine.generate(PROMPTS[:4], SamplingParams(temperature=0, max_new_tokens=10, n=3), progress=False)
    assert _texts(thrice) == [[row[0]] * 3 for row in _texts(once)]  # greedy: every sample is the n=1 answer
    assert sum(a * b for a, b in read) == read_once  # not 3x: each prompt once
    sampled = engine.generate(PROMPTS[:4], SamplingParams(temperature=1.0, top_p=0.9, max_new_tokens=8, seed=3, n=3), progress=False)
    assert all(len({c.text for c in row}) > 1 for row in sampled)  # each sample draws its own first token on
    assert _texts(sampled) == _texts(engine.generate(PROMPTS[:4], SamplingParams(temperature=1.0, top_p=0.9, max_new_tokens=8, seed=3, n=3), progress=False))


def test_the_common_prefix_of_a_batchs_prompts_is_read_once(tiny, monkeypatch):
    """Prompts that open alike (a system turn, a strategy's opening words) have that prefix computed
    once, as one row, and each prompt's rest after it; the greedy texts stay those of one prompt at a
    time, for prompts of every length (the shortest one is the prefix and one token)."""
    model, tok = tiny
    system = {"role": "system", "content": "You are a careful Python programmer. Answer with code and tests only."}
    prompts = [[system, {"role": "user", "content": "Write a function that " + "sorts a list " * i}] for i in range(6)]
    encoded = [HFEngine(model, tok).encode(p) for p in prompts]
    from hfsynth.engines.hf import common_prefix

    shared = common_prefix(encoded)
    assert shared > 20
    read = _prefill_reads(model, monkeypatch)
    engine = HFEngine(model, tok, batch_size=6)
    assert engine.shares_prefixes
    got = engine.generate(prompts, GREEDY, progress=False)
    assert read[0] == (1, shared)  # the prefix, once
    assert read[1] == (6, max(map(len, encoded)) - shared - 1)  # then every prompt's rest but its last token
    single = HFEngine(model, tok, batch_size=1).generate(prompts, GREEDY, progress=False)
    assert got == single
    read[:] = []
    engine.shares_prefixes = False
    assert engine.generate(prompts, GREEDY, progress=False) == got
    assert read == [(6, max(map(len, encoded)))]  # without it, generate reads every row whole, padded


def test_raw_text_prompts_skip_the_chat_template(tiny):
    model, tok = tiny
    row = HFEngine(model, tok).generate(["def add(a, b):\n"], GREEDY, progress=False)[0][0]
    assert row.prompt_tokens == len(tok("def add(a, b):\n")["input_ids"])
    assert HFEngine(model, tok).generate([], GREEDY) == []


def test_peft_model_generates(tiny):
    from peft import LoraConfig, get_peft_model

    model, tok = tiny
    base = HFEngine(model, tok).generate(PROMPTS[:2], GREEDY, progress=False)
    peft_model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], lora_dropout=0.5))
    try:
        peft_model.train()
        engine = HFEngine(peft_model, tok)
        assert not peft_model.training  # the engine turns dropout off
        # A fresh LoRA starts at zero (B = 0): same greedy output as the base model.
        assert _texts(engine.generate(PROMPTS[:2], GREEDY, progress=False)) == _texts(base)
        twice = engine.generate(PROMPTS[:2], SamplingParams(temperature=0, max_new_tokens=10, n=2), progress=False)
        assert _texts(twice) == [[row[0]] * 2 for row in _texts(base)]  # the shared prefill through peft's forward
    finally:
        peft_model.unload()


def test_bad_arguments(tiny):
    model, tok = tiny
    with pytest.raises(HfsynthError, match="batch_size"):
        HFEngine(model, tok, batch_size=0)
    with pytest.raises(HfsynthError, match="n and max_new_tokens"):
        HFEngine(model, tok).generate(PROMPTS[:1], SamplingParams(n=0))


def test_both_engines_encode_with_the_one_chat_encoder(tiny):
    """vLLM gets the token ids HFEngine feeds its model (VLLMEngine.encode needs no vLLM), and both
    refuse chat prompts for a tokenizer without a chat template."""
    import copy

    from hfsynth.engines import Engine, VLLMEngine, encode_chat

    model, tok = tiny
    hf, vllm = HFEngine(model, tok), VLLMEngine(llm=None, tokenizer=tok)
    assert isinstance(hf, Engine) and isinstance(vllm, Engine)
    for prompt in PROMPTS[:3] + ["def add(a, b):\n"]:
        assert vllm.encode(prompt) == hf.encode(prompt)
    assert hf.encode(PROMPTS[0]) == encode_chat(tok, PROMPTS[0])
    bare = copy.deepcopy(tok)
    bare.chat_template = None
    for engine in (HFEngine(model, bare), VLLMEngine(llm=None, tokenizer=bare)):
        with pytest.raises(HfsynthError, match="no chat template"):
            engine.encode(PROMPTS[0])
        assert engine.encode("raw text") == tok("raw text")["input_ids"]


def test_a_prefilled_answer_is_continued_from_its_exact_text(tiny):
    """A trailing assistant message is the start of the answer: the model sees the generation prompt
    then the prefill verbatim (its trailing newline too), and the completion is only what follows."""
    import torch

    from hfsynth.engines.chat import prefill, with_prefill

    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=4)
    prompt = with_prefill(PROMPTS[0], "```python\n")
    assert prefill(prompt) == "```python\n" and prefill(PROMPTS[0]) == "" and with_prefill(PROMPTS[0], "") == PROMPTS[0]
    text = tok.apply_chat_template(PROMPTS[0], add_generation_prompt=True, tokenize=False) + "```python\n"
    ids = engine.encode(prompt)
    assert ids == tok(text, add_special_tokens=False)["input_ids"] and ids != engine.encode(PROMPTS[0])
    (row,), _ = engine.generate([prompt, PROMPTS[1]], GREEDY, progress=False)
    out = model.generate(torch.tensor([ids]), max_new_tokens=10, do_sample=False, pad_token_id=tok.pad_token_id)[0, len(ids):]
    assert row.text == tok.decode(out, skip_special_tokens=True) and row.prompt_tokens == len(ids)


def test_each_prompt_stops_at_its_own_strings_in_one_shared_batch(tiny):
    """One call, one batch, per-prompt stop strings (and n): a prompt stops at its own strings only,
    keeping the string when asked; its neighbour with other strings is not cut by them."""
    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=8, segment_tokens=4)
    same = [PROMPTS[0], PROMPTS[0]]  # equal prompts: no padding difference between the two rows
    free = engine.generate(same, SamplingParams(temperature=0, max_new_tokens=16), progress=False)
    text = free[0][0].text
    stop = text[len(text) // 2: len(text) // 2 + 3]
    cut = text[: text.find(stop)]
    mixed = engine.generate(same, [
        SamplingParams(temperature=0, max_new_tokens=16, stop=(stop,), include_stop_str_in_output=True, n=2),
        SamplingParams(temperature=0, max_new_tokens=16, stop=("never-generated",)),
    ], progress=False)
    assert [c.text for c in mixed[0]] == [cut + stop] * 2 and all(c.finish_reason == "stop" for c in mixed[0])
    assert (mixed[1][0].text, mixed[1][0].finish_reason) == (text, "length")
    shared = engine.generate(same, SamplingParams(temperature=0, max_new_tokens=16, stop=(stop,)), progress=False)  # StopStringCriteria path
    assert [r[0].text for r in shared] == [cut, cut] and shared[0][0].completion_tokens < 16
    budgets = engine.generate(same, [SamplingParams(temperature=0, max_new_tokens=4), SamplingParams(temperature=0, max_new_tokens=9)], progress=False)
    assert [r[0].completion_tokens for r in budgets] == [4, 9] and budgets[1][0].text.startswith(budgets[0][0].text)
    with pytest.raises(ValueError, match="seed"):
        engine.generate(same, [SamplingParams(seed=4), SamplingParams(seed=5)], progress=False)


def test_follow_up_prompts_join_the_running_call(tiny, monkeypatch):
    """A prompt added when another finishes runs beside the ones still running, and comes out as if alone."""
    import hfsynth.engines.hf as hf

    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=4, segment_tokens=4)
    joined = []
    real_join = hf._join
    monkeypatch.setattr(hf, "_join", lambda *a: joined.append(a[0][0].shape[0]) or real_join(*a))
    short, long = SamplingParams(temperature=0, max_new_tokens=4), SamplingParams(temperature=0, max_new_tokens=30)
    told = []

    def follow_ups(done):
        told.append(sorted(done))
        return [(PROMPTS[5], SamplingParams(temperature=0, max_new_tokens=10, n=2))] if 0 in done else []

    results = engine.generate(PROMPTS[:2], [short, long], progress=False, follow_ups=follow_ups)
    assert told[0] == [0] and sorted(i for t in told for i in t) == [0, 1, 2]  # each prompt told once, when its samples are done
    assert len(results) == 3 and len(results[2]) == 2
    assert joined and joined[0] == 1  # the follow-up joined the long row while it was still running
    alone = HFEngine(model, tok, batch_size=1).generate([PROMPTS[0], PROMPTS[1], PROMPTS[5]], [short, long, SamplingParams(temperature=0, max_new_tokens=10)], progress=False)
    assert _texts(results) == [_texts(alone)[0], _texts(alone)[1], _texts(alone)[2] * 2]


def test_follow_ups_take_the_first_free_places(tiny, monkeypatch):
    """A finished prompt's follow-up runs before the prompts of the call still waiting: it is the
    longer chain (an answer after its instruction), so starting it first shortens the call's tail."""
    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=2, segment_tokens=4)
    joined = []
    real = engine._prefilled
    monkeypatch.setattr(engine, "_prefilled", lambda batch, ids, device: joined.append([ids[row] for row in batch]) or real(batch, ids, device))
    short, long, later = (SamplingParams(temperature=0, max_new_tokens=b) for b in (4, 30, 10))
    follow_up = [{"role": "user", "content": "Write a class that keeps a running median"}]
    first = [PROMPTS[4], PROMPTS[3], PROMPTS[1], PROMPTS[0]]  # longest first: the first two run, the other two wait
    results = engine.generate(first, [short, long, later, later], progress=False, follow_ups=lambda done: [(follow_up, later)] if 0 in done else [])
    assert joined[0] == [engine.encode(p) for p in first[:2]]
    assert [engine.encode(follow_up)] == joined[1]  # the first place freed went to the follow-up, not to a waiting prompt
    assert sorted(map(tuple, joined[2:])) == sorted((engine.encode(p),) for p in first[2:])  # and the waiting ones still ran
    assert [len(row) for row in results] == [1] * 5 and all(row[0] is not None for row in results)


def test_waiting_prompts_take_the_places_of_finished_rows_without_changing_results(tiny, monkeypatch):
    """Continuous batching within HF generate: rows ending early free their places for waiting prompts
    (joined to the running batch, left-padded); greedy results stay those of one prompt at a time."""
    from hfsynth.engines import hf

    model, tok = tiny
    engine = HFEngine(model, tok)
    outputs, extra = one_by_one_with_early_stops(engine, model, tok)
    joins = []
    real_join = hf._join
    monkeypatch.setattr(hf, "_join", lambda running, fresh, pad: joins.append((running[0].shape, fresh[0].shape)) or real_join(running, fresh, pad))
    original = model.generation_config.eos_token_id
    model.generation_config.eos_token_id = [tok.eos_token_id, *sorted(extra)]
    try:
        params = SamplingParams(temperature=0, max_new_tokens=12)
        refilled = HFEngine(model, tok, batch_size=3, segment_tokens=2).generate(PROMPTS, params, progress=False)
        single = HFEngine(model, tok, batch_size=1, segment_tokens=None).generate(PROMPTS, params, progress=False)
    finally:
        model.generation_config.eos_token_id = original
    assert refilled == single
    assert joins and any(running[1] != fresh[1] for running, fresh in joins)  # newcomers joined a running batch of another width


def test_the_batch_is_no_wider_than_its_widest_running_row(tiny, monkeypatch):
    """When the widest rows leave, the padding columns every remaining row has in front are cut from
    the inputs and the KV cache, so a long call does not attend over a growing band of padding; the
    results stay those of one prompt at a time."""
    from hfsynth.engines import hf

    model, tok = tiny
    prompt = PROMPTS[0]
    width = len(HFEngine(model, tok).encode(prompt))
    budgets = [6, 40] + [6] * 10  # a long row that outlives the first short ones, then a stream of short rows
    params = [SamplingParams(temperature=0, max_new_tokens=b) for b in budgets]

    def widest(engine):
        seen = []
        handle = model.register_forward_pre_hook(lambda m, args, kwargs: seen.append(kwargs["attention_mask"].shape[-1]) if kwargs.get("attention_mask") is not None else None, with_kwargs=True)
        try:
            results = engine.generate([prompt] * len(budgets), params, progress=False)
        finally:
            handle.remove()
        return results, max(seen)

    trimmed, trimmed_width = widest(HFEngine(model, tok, batch_size=2, segment_tokens=4))
    monkeypatch.setattr(hf, "_trimmed", lambda seq, mask, cache: (seq, mask, cache))
    untrimmed, untrimmed_width = widest(HFEngine(model, tok, batch_size=2, segment_tokens=4))
    alone = HFEngine(model, tok, batch_size=1).generate([prompt] * len(budgets), params, progress=False)
    assert _texts(trimmed) == _texts(alone) == _texts(untrimmed)
    assert [r[0].finish_reason for r in trimmed] == ["length"] * len(budgets)  # every row ran its whole budget
    assert trimmed_width <= width + max(budgets) + 4  # the longest row, plus at most one segment's lag
    assert untrimmed_width > width + max(budgets) + 4  # without the cut the band of padding keeps growing


def test_the_engine_samples_through_the_greedy_path_and_repeats_with_its_seed(tiny, monkeypatch):
    import torch

    from hfsynth.engines import sampling

    model, tok = tiny
    engine = HFEngine(model, tok, batch_size=4)
    config, sampler = engine.sampling_config(SamplingParams(temperature=0.8, top_p=0.9))
    assert not config.do_sample and sampler is not None  # transformers' multinomial and top-p sort are not run
    assert engine.sampling_config(SamplingParams(temperature=0))[1] is None
    calls = []
    real = torch.multinomial
    monkeypatch.setattr(torch, "multinomial", lambda *a, **k: calls.append(a[0].shape) or real(*a, **k))
    prompts = [[{"role": "user", "content": f"task {i}"}] for i in range(6)]
    params = SamplingParams(temperature=0.8, top_p=0.9, max_new_tokens=8, seed=5, n=2)
    first = engine.generate(prompts, params, progress=False)
    assert calls and all(shape[-1] <= sampling.TOP_CANDIDATES or shape[-1] == model.config.vocab_size for shape in calls)
    again = engine.generate(prompts, params, progress=False)
    assert [[c.text for c in row] for row in first] == [[c.text for c in row] for row in again]
    # at a temperature near 0 the nucleus is the top token: the samples are the greedy text
    cold = engine.generate(prompts, SamplingParams(temperature=1e-4, top_p=0.9, max_new_tokens=8, seed=5), progress=False)
    greedy = engine.generate(prompts, SamplingParams(temperature=0, max_new_tokens=8), progress=False)
    assert [row[0].text for row in cold] == [row[0].text for row in greedy]
