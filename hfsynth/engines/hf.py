"""``engine: hf``: batched transformers ``generate``, many prompts in, one list of completions per prompt out, in input order.

Why it is fast on a CPU: a decode step of a small model costs about the same for one sequence
as for sixteen (the weights are read once per step either way), so sequences are generated in
batches. Prompts are sorted by length before batching so a batch holds prompts of similar length
and little padding is computed (left padding, so every row's next token sits in the last column);
the order is restored afterwards. Everything runs under ``torch.inference_mode``.

Finished sequences leave the batch and waiting ones take their places: generation runs in segments
of ``segment_tokens`` new tokens; between segments the rows that ended (end-of-sequence, a stop
string, a loop) are dropped from the inputs and the KV cache (``Cache.batch_select_indices``), and
waiting prompts are prefilled and joined to the batch (a DynamicCache padded and concatenated), then
``generate`` continues from the cache. Without this a batch keeps computing every row until its
longest answer ends, or runs its tail at a fraction of its size, while answers forced to stop at
the end of their structure end at very different lengths. (transformers' own continuous batching,
``generate_batch``, has no per-request stop strings or seeds; vLLM does all this itself.) A prompt
added by ``follow_ups`` takes the first free place, ahead of the call's prompts still waiting: it is
the second half of a longer chain (an answer after its instruction), and the call ends sooner when
the chains start early and the single prompts fill in last.

Sampling (temperature, top-p) is one logits processor on ``generate``'s greedy path
(:mod:`hfsynth.engines.sampling`): the same distribution without sorting the vocabulary every step.

Determinism: the torch RNG is seeded with ``params.seed`` at the start of every ``generate`` call,
and which rows run together depends only on the prompts and on when earlier rows ended, so the same
prompts, parameters and batch size give the same completions (resume relies on it).
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import List, NamedTuple, Optional, Sequence, Tuple, Union

from hfsynth.engines.base import BATCH_WIDE, Completion, FollowUps, Prompt, SamplingParams, per_prompt, repeating_tail
from hfsynth.engines.chat import encode_prompt, end_of_turn_ids
from hfsynth.engines.sampling import nucleus_sampler
from hfsynth.errors import HfsynthError
from hfsynth.models.context import context_length


@lru_cache(maxsize=None)
def cache_arg() -> str:
    """What ``generate`` calls the KV cache in this transformers version (``cache``, formerly ``past_key_values``)."""
    from transformers.generation.utils import GenerateDecoderOnlyOutput

    return "cache" if "cache" in GenerateDecoderOnlyOutput.__dataclass_fields__ else "past_key_values"


def eos_token_ids(model, tokenizer) -> List[int]:
    """Every token id that ends a sequence: the tokenizer's EOS, the generation config's, and the
    token that ends an assistant turn in the chat template (:func:`~hfsynth.engines.chat.end_of_turn_ids`)."""
    ids = set(end_of_turn_ids(tokenizer))
    if tokenizer.eos_token_id is not None:
        ids.add(int(tokenizer.eos_token_id))
    configured = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    if isinstance(configured, int):
        ids.add(configured)
    elif configured:
        ids.update(int(i) for i in configured)
    if not ids:
        raise HfsynthError("model: neither the tokenizer nor the generation config names an end-of-sequence token")
    return sorted(ids)


def _is_sliding(layer) -> bool:
    """A sliding-window layer (Mistral, Gemma2/3, StarCoder2): it keeps only the last ``sliding_window - 1``
    columns of the batch, and ``cumulative_length`` counts every column it has seen."""
    from transformers.cache_utils import DynamicSlidingWindowLayer

    return type(layer) is DynamicSlidingWindowLayer and not layer.record_past


def _can_refill(cache) -> bool:
    """Whether rows can join this KV cache: DynamicCache layers, full attention or sliding window
    (hybrid caches included), which :func:`_join` pads and concatenates."""
    from transformers.cache_utils import DynamicLayer

    layers = getattr(cache, "layers", None) or []
    return bool(layers) and all((type(l) is DynamicLayer or _is_sliding(l)) and l.is_initialized for l in layers)


def _pad_layer(layer, extra: int) -> None:
    """Left-pad one layer's keys and values by ``extra`` columns (zeros; their columns are masked).

    A full-attention layer holds every column; a sliding one the last ``sliding_window - 1`` at most, and
    ``cumulative_length`` columns seen, from which transformers places its window in the mask. Columns are
    token distances too (each row's tokens sit contiguous at the right, its padding at the left), so the
    window over columns is each row's window over its tokens."""
    import torch.nn.functional as F

    if _is_sliding(layer):
        layer.cumulative_length += extra
        extra = min(layer.cumulative_length, layer.sliding_window - 1) - layer.keys.shape[-2]
    if extra > 0:
        layer.keys = F.pad(layer.keys, (0, 0, extra, 0))
        layer.values = F.pad(layer.values, (0, 0, extra, 0))


def _join(running, fresh, pad_id: int):
    """Two batches ``(sequences, attention_mask, cache)`` as one, the narrower left-padded (padding
    masked out, its cache entries zeros) to the wider one's width."""
    import torch
    import torch.nn.functional as F

    width = max(running[0].shape[1], fresh[0].shape[1])
    parts = []
    for seq, mask, cache in (running, fresh):
        extra = width - seq.shape[1]
        if extra:
            seq = F.pad(seq, (extra, 0), value=pad_id)
            mask = F.pad(mask, (extra, 0), value=0)
            for layer in cache.layers:
                _pad_layer(layer, extra)
        parts.append((seq, mask, cache))
    (seq_a, mask_a, cache_a), (seq_b, mask_b, cache_b) = parts
    for layer, other in zip(cache_a.layers, cache_b.layers):
        layer.keys = torch.cat([layer.keys, other.keys], dim=0)
        layer.values = torch.cat([layer.values, other.values], dim=0)
    return torch.cat([seq_a, seq_b], dim=0), torch.cat([mask_a, mask_b], dim=0), cache_a


def _trimmed(seq, mask, cache):
    """The batch without its leading columns that are padding in every row. They appear when the
    rows that were widest leave; every step would still attend over them (masked), and the batch
    would only ever grow wider as rows come and go, so attention would cost more and more."""
    if not _can_refill(cache):  # only DynamicCache layers are sliced here
        return seq, mask, cache
    lead = int((mask.sum(dim=0) == 0).long().cumprod(dim=0).sum())
    full = [layer for layer in cache.layers if not _is_sliding(layer)]
    lead = min([lead] + [layer.keys.shape[-2] for layer in full] + [layer.cumulative_length for layer in cache.layers if _is_sliding(layer)])
    if lead <= 0:
        return seq, mask, cache
    for layer in cache.layers:
        if _is_sliding(layer):  # it holds the last columns only: those left of the batch's new start go
            layer.cumulative_length -= lead
            keep = min(layer.cumulative_length, layer.keys.shape[-2])
        else:
            keep = layer.keys.shape[-2] - lead
        start = layer.keys.shape[-2] - keep
        layer.keys = layer.keys[..., start:, :].contiguous()
        layer.values = layer.values[..., start:, :].contiguous()
    return seq[:, lead:], mask[:, lead:], cache


def resumable(model) -> bool:
    """Whether ``generate`` can continue from the cache it returned: every layer of the model's
    DynamicCache holds keys and values (full or sliding-window attention). A recurrent state (Mamba's,
    or the linear-attention layers of hybrid models) does not record how many tokens it has read, so
    ``generate`` would read the whole sequence into it again; such a model runs each batch in one call."""
    from transformers import DynamicCache
    from transformers.cache_utils import DynamicLayer, DynamicSlidingWindowLayer

    base = model.get_base_model() if callable(getattr(model, "get_base_model", None)) else model
    supports = getattr(base, "_supports_default_dynamic_cache", None)
    if callable(supports) and not supports():
        return False
    try:
        layers = DynamicCache(config=base.config).layers
    except Exception:  # a config DynamicCache cannot read (remote code): the safe way, one call per batch
        return False
    return bool(layers) and all(type(layer) in (DynamicLayer, DynamicSlidingWindowLayer) for layer in layers)


def shares_prefixes(model) -> bool:
    """Whether the prompts of a batch can share the cache of their common prefix: every layer attends
    over all columns (DynamicLayer). The shared layout puts padding between the prefix and the rest of
    a row, so a column is no longer a token distance, which a sliding window relies on (see
    :func:`_pad_layer`); recurrent states are not resumed at all (:func:`resumable`)."""
    from transformers import DynamicCache
    from transformers.cache_utils import DynamicLayer

    if not resumable(model):
        return False
    base = model.get_base_model() if callable(getattr(model, "get_base_model", None)) else model
    layers = DynamicCache(config=base.config).layers
    return all(type(layer) is DynamicLayer for layer in layers)


def common_prefix(prompts: Sequence[Sequence[int]]) -> int:
    """How many leading tokens every prompt has in common."""
    first, k = prompts[0], 0
    shortest = min(len(p) for p in prompts)
    while k < shortest and all(p[k] == first[k] for p in prompts):
        k += 1
    return k


# A refill computes the prompts' common prefix once when it saves at least this many prompt tokens (the
# chat template's system turn alone is 24 tokens of every prompt of SmolLM2); below, one extra forward
# pass costs more than it saves.
MIN_SHARED_TOKENS = 16


def _can_select_rows(cache) -> bool:
    """Whether finished rows can be dropped from this KV cache (DynamicCache can; some others cannot)."""
    layers = getattr(cache, "layers", None) or []
    return callable(getattr(cache, "batch_select_indices", None)) and all(callable(getattr(l, "batch_select_indices", None)) for l in layers)


class HFEngine:
    """Batched ``model.generate`` with left padding and length-sorted batches (transformers/peft models)."""

    def __init__(self, model, tokenizer, batch_size: int = 16, segment_tokens: Optional[int] = 16):
        if batch_size < 1:
            raise HfsynthError(f"batch_size: expected a positive number, got {batch_size}")
        self.model = model.eval()  # LoRA dropout off: generation must be repeatable
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.segment_tokens = segment_tokens  # None/0: one generate call per batch, no compaction
        self.eos_ids = eos_token_ids(model, tokenizer)
        pad = tokenizer.pad_token_id
        self.pad_id = int(pad) if pad is not None else self.eos_ids[0]
        self.context = context_length(model.config)  # prompt + completion must fit (None: no fixed limit)
        self.resumable = resumable(model)  # False: no segments, no refill (each batch is one generate call)
        self.shares_prefixes = shares_prefixes(model)  # a refill's common prompt prefix computed once
        # The batch's KV cache is a DynamicCache that is passed from one segment to the next, loses rows and
        # gains rows. A checkpoint's own cache choice (generation_config.json: "static", "sliding_window",
        # "offloaded") would have generate build another kind, then refuse the cache passed in besides it
        # ("Passing both `cache_implementation` ... and `cache`"); generate fills unset fields of our config
        # from the model's, so the model's own entry is cleared.
        if getattr(model.generation_config, "cache_implementation", None) is not None:
            model.generation_config.cache_implementation = None

    # ------------------------------------------------------------------ prompts -> token ids
    def encode(self, prompt: Prompt) -> List[int]:
        """Chat messages go through the chat template (with the generation prompt); a string is raw text."""
        return encode_prompt(self.tokenizer, prompt)

    def generation_config(self, params: SamplingParams):
        """The model's generation config with our sampling parameters (top_k off, as vLLM and the papers)."""
        config = copy.deepcopy(self.model.generation_config)
        greedy = params.temperature <= 0
        config.do_sample = not greedy
        config.temperature = 1.0 if greedy else float(params.temperature)
        config.top_p = 1.0 if greedy else float(params.top_p)
        config.top_k = None
        config.max_new_tokens = int(params.max_new_tokens)
        config.max_length = None
        config.num_return_sequences = 1
        config.num_beams = 1
        config.eos_token_id = list(self.eos_ids)
        config.pad_token_id = self.pad_id
        config.stop_strings = list(params.stop) or None
        config.cache_implementation = None  # see __init__
        return config

    def sampling_config(self, params: SamplingParams):
        """``(generation config, sampler)`` as the engine runs them: a sampled call runs ``generate``'s greedy
        path with :func:`~hfsynth.engines.sampling.nucleus_sampler` as its logits processor (the same
        distribution, a tenth of a decode step cheaper on a CPU); a greedy call has no sampler."""
        config = self.generation_config(params)
        if not config.do_sample:
            return config, None
        config.do_sample, config.temperature, config.top_p = False, 1.0, 1.0
        return config, nucleus_sampler(float(params.temperature), float(params.top_p))

    # ------------------------------------------------------------------ generation
    def generate(
        self,
        prompts: Sequence[Prompt],
        params: Union[SamplingParams, Sequence[SamplingParams]],
        progress: bool = True,
        follow_ups: Optional[FollowUps] = None,
    ) -> List[List[Completion]]:
        """``n`` completions for every prompt, in input order. With one SamplingParams per prompt, the
        prompts may differ in ``n``, ``stop`` and ``max_new_tokens`` and still share batches (the rest
        is one generation config).

        ``follow_ups`` (see :data:`~hfsynth.engines.base.FollowUps`) is told which prompts have all
        their samples finished, with their completions, and may answer with new prompts; these join
        the waiting ones in the same batches, and their completions follow in the result, in the
        order they were added. So a second pass that depends on the first runs alongside it instead
        of after its slowest row."""
        import torch
        from tqdm.auto import tqdm

        per = per_prompt(params, len(prompts), BATCH_WIDE)
        if not per:
            return []
        shared = per[0]
        all_params: List[SamplingParams] = []
        encoded: List[List[int]] = []
        sequences: List[Tuple[int, int]] = []  # sequence -> (prompt, sample), in the order they are taken
        waiting: List[int] = []  # samples of each prompt still running
        results: List[List[Optional[Completion]]] = []

        def add(new_prompts: Sequence[Prompt], new_params: Sequence[SamplingParams]) -> List[Tuple[List[int], "Stops", int]]:
            for p in new_params:
                if p.n < 1 or p.max_new_tokens < 1:
                    raise HfsynthError(f"sampling: n and max_new_tokens must be positive (got n={p.n}, max_new_tokens={p.max_new_tokens})")
                per_prompt([shared, p], 2, BATCH_WIDE)  # the same generation config as the call's first prompt
            first = len(encoded)
            encoded.extend(self.encode(p) for p in new_prompts)
            all_params.extend(new_params)
            waiting.extend(p.n for p in new_params)
            results.extend([None] * p.n for p in new_params)
            # One sequence per (prompt, sample); longest prompts first so each batch pads little.
            added = sorted(((i, j) for i in range(first, len(encoded)) for j in range(all_params[i].n)), key=lambda s: -len(encoded[s[0]]))
            sequences.extend(added)
            bar.total = len(sequences)
            return [(encoded[i], Stops(tuple(x for x in all_params[i].stop if x), all_params[i].include_stop_str_in_output), all_params[i].max_new_tokens) for i, _ in added]

        def on_finished(rows: List[int], completions: List[Completion]) -> List[Tuple[List[int], "Stops", int]]:
            finished = []
            for row, completion in zip(rows, completions):
                i, j = sequences[row]
                results[i][j] = completion
                waiting[i] -= 1
                if waiting[i] == 0:
                    finished.append(i)
            if follow_ups is None or not finished:
                return []
            more = list(follow_ups({i: results[i] for i in finished}))
            return add([m for m, _ in more], [p for _, p in more]) if more else []

        config, sampler = self.sampling_config(shared)
        device = self.model.device
        torch.manual_seed(shared.seed)
        bar = tqdm(total=0, unit="row", desc="generate", disable=not progress, dynamic_ncols=True, leave=False)
        try:
            first = add(prompts, per)
            with torch.inference_mode():
                self._generate_sequences(first, config, sampler, device, shared.repeat_guard, bar, on_finished)
        finally:
            bar.close()
        return results  # type: ignore[return-value]

    def _generate_sequences(self, first: List[Tuple[List[int], "Stops", int]], config, sampler, device, repeat_guard: int, bar, on_finished) -> None:
        """Every sequence ``(prompt token ids, stops, max new tokens)``, in the order they are taken,
        ``batch_size`` at a time; ``on_finished(rows, completions)`` hears of every finished sequence
        (by its number) and may answer with more sequences, which are queued.

        Between segments finished rows leave the batch and, where the KV cache allows it
        (:func:`_can_refill`), waiting sequences take their places: their prompts are prefilled (with
        their first token) in a call of their own, then joined to the running batch, left-padded to a
        common width (padding is masked, and positions come from the attention mask). So the batch
        stays full while rows end at different lengths, as with continuous batching."""
        import torch
        from transformers import LogitsProcessorList

        eos = set(self.eos_ids)
        ids: List[List[int]] = []
        stops: List[Stops] = []
        generated: List[List[int]] = []
        left: List[int] = []
        finished: List[bool] = []
        looped: List[bool] = []
        pending: List[int] = []
        segment = copy.copy(config)
        segment.return_dict_in_generate = True
        segment.stop_strings = None

        def queue(more, ahead: bool = False) -> None:
            """Queue sequences; ``ahead``: before those already waiting (the follow-ups of finished ones)."""
            taken = []
            for prompt_ids, stop, budget in more:
                if self.context is not None:  # stop at the context length, as vLLM does at max_model_len
                    budget = min(budget, self.context - len(prompt_ids))
                room = budget > 0
                if room:
                    taken.append(len(ids))
                else:  # the prompt fills the context: an empty completion, finish_reason "length"
                    ended.append(len(ids))
                    bar.update(1)
                ids.append(prompt_ids)
                stops.append(stop)
                generated.append([])
                left.append(budget)
                finished.append(not room)
                looped.append(False)
            if ahead:
                pending[:0] = taken
            else:
                pending.extend(taken)
            # transformers' StopStringCriteria stops every row at any of its strings: exact when the rows
            # share their stop strings; otherwise each row's own are checked between segments.
            shared = {s.strings for s in stops}
            segment.stop_strings = (list(next(iter(shared))) or None) if len(shared) == 1 else None

        ended: List[int] = []  # sequences finished since on_finished was last told
        queue(first)
        compact = bool(self.segment_tokens) and self.resumable
        rows: List[int] = []  # batch row -> sequence
        seq = mask = cache = None

        def tell() -> None:
            while ended:
                told, ended[:] = list(ended), []
                queue(on_finished(told, [
                    self._looped(generated[r], ids[r], repeat_guard) if looped[r] else self._completion(generated[r], ids[r], stops[r])
                    for r in told
                ]), ahead=True)

        def run(batch: List[int], inputs, attention, past, steps: int):
            segment.max_new_tokens = steps
            kwargs = {} if past is None else {cache_arg(): past}
            if segment.stop_strings:
                kwargs["tokenizer"] = self.tokenizer  # transformers' StopStringCriteria needs it
            if sampler is not None:
                kwargs["logits_processor"] = LogitsProcessorList([sampler])
            out = self.model.generate(input_ids=inputs, attention_mask=attention, generation_config=segment, **kwargs)
            new = out.sequences[:, inputs.shape[1]:]
            for row, tokens in zip(batch, new.tolist()):
                if finished[row]:  # only when the cache could not drop it
                    continue
                tokens = tokens[: left[row]]  # a batch run in one call runs to its largest budget
                stop = next((k for k, t in enumerate(tokens) if t in eos), None)
                generated[row].extend(tokens if stop is None else tokens[: stop + 1])
                left[row] -= len(tokens)
                finished[row] = stop is not None or left[row] <= 0 or (bool(stops[row].strings) and self._has_stop(generated[row], stops[row].strings))
                if not finished[row] and repeat_guard and self._loop_at(generated[row], repeat_guard) is not None:
                    finished[row] = looped[row] = True  # a loop: stop spending tokens on it
                if finished[row]:
                    ended.append(row)
                    bar.update(1)
            grown = torch.cat([attention, attention.new_ones((attention.shape[0], new.shape[1]))], dim=1)
            return out.sequences, grown, getattr(out, cache_arg())

        tell()  # prompts that left no room in the context
        while pending or rows:
            room = self.batch_size - len(rows)
            if pending and room > 0 and (not rows or (compact and _can_refill(cache))):
                batch, pending[:] = pending[:room], pending[room:]
                if self.resumable:
                    fresh = run(batch, *self._prefilled(batch, ids, device), 1)  # prefill and first token of the newcomers
                else:  # the whole batch in one call
                    fresh = run(batch, *self._left_padded([ids[row] for row in batch], device), None, max(left[row] for row in batch))
                if rows:
                    seq, mask, cache = _join((seq, mask, cache), fresh, self.pad_id)
                else:
                    seq, mask, cache = fresh
                rows = rows + batch
            else:
                steps = min(left[row] for row in rows if not finished[row])
                seq, mask, cache = run(rows, seq, mask, cache, min(steps, self.segment_tokens) if compact else steps)
            keep = [r for r, row in enumerate(rows) if not finished[row]]
            if not keep:
                rows, seq, mask, cache = [], None, None, None
            elif len(keep) < len(rows) and compact and _can_select_rows(cache):
                index = torch.tensor(keep, device=seq.device)
                cache.batch_select_indices(index)
                seq, mask, cache = _trimmed(seq[index], mask[index], cache)
                rows = [rows[r] for r in keep]
            elif len(keep) < len(rows):
                compact = False  # this cache type cannot drop rows: finish the batch as it is
            tell()

    def _prefilled(self, batch: List[int], ids: List[List[int]], device):
        """``(sequences, attention_mask, cache)`` for the newcomers ``batch``; the cache is None
        (``generate`` prefills them, left-padded) unless some prompt tokens can be computed once for
        several rows:

        - the prompts' common prefix (the chat template's system turn, a strategy's opening words;
          :func:`common_prefix`, where :func:`shares_prefixes`) is computed once, as one row, and its
          cache copied to every row;
        - a prompt asked for ``n`` > 1 samples is read once, not ``n`` times: each distinct prompt's
          remaining tokens but its last are computed once and their cache rows copied to its samples.

        A row is then ``[common prefix | padding | the rest of its prompt]``, right-aligned as with
        left padding (the padding is masked; positions come from the attention mask, so they do not
        count it). ``generate`` computes the last prompt token per row and samples each row's first
        token on its own. On the quickstart about a fifth of the prompt tokens are the system turn."""
        import torch

        distinct: dict = {}
        group = [distinct.setdefault(tuple(ids[row]), len(distinct)) for row in batch]
        prompts = list(distinct)
        longest = max(len(p) for p in prompts)
        shared = min(common_prefix(prompts), min(len(p) for p in prompts) - 1) if self.shares_prefixes else 0
        worth_sharing = shared * (len(prompts) - 1) >= MIN_SHARED_TOKENS  # the prefix tokens it saves
        if longest < 2 or (len(prompts) == len(batch) and not worth_sharing):
            return self._left_padded([ids[row] for row in batch], device) + (None,)
        if not worth_sharing:
            shared = 0
        width = longest - shared  # the widest rest of a prompt
        seq = torch.full((len(prompts), shared + width), self.pad_id, dtype=torch.long)
        mask = torch.zeros_like(seq)
        for row, tokens in enumerate(prompts):
            start = longest - len(tokens) + shared  # where the rest of this prompt begins
            seq[row, :shared] = torch.tensor(tokens[:shared], dtype=torch.long)
            seq[row, start:] = torch.tensor(tokens[shared:], dtype=torch.long)
            mask[row, :shared] = 1
            mask[row, start:] = 1
        seq, mask = seq.to(device), mask.to(device)
        positions = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 0)
        from transformers import DynamicCache

        cache = DynamicCache(config=self.model.config)
        if shared:
            self.model(input_ids=seq[:1, :shared], attention_mask=mask[:1, :shared], position_ids=positions[:1, :shared], use_cache=True, logits_to_keep=1, **{cache_arg(): cache})
            if not (_can_refill(cache) and _can_select_rows(cache)):
                return self._left_padded([ids[row] for row in batch], device) + (None,)
            cache.batch_select_indices(torch.zeros(len(prompts), dtype=torch.long, device=seq.device))
        if width > 1:  # every remaining prompt token but the last, once per distinct prompt
            end = shared + width - 1
            self.model(input_ids=seq[:, shared:end], attention_mask=mask[:, :end], position_ids=positions[:, shared:end], use_cache=True, logits_to_keep=1, **{cache_arg(): cache})
        if not (_can_refill(cache) and _can_select_rows(cache)):
            return self._left_padded([ids[row] for row in batch], device) + (None,)
        index = torch.tensor(group, device=seq.device)
        cache.batch_select_indices(index)
        return seq[index], mask[index], cache

    def _left_padded(self, ids: List[List[int]], device):
        import torch

        width = max(len(x) for x in ids)
        seq = torch.full((len(ids), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(ids), width), dtype=torch.long)
        for row, tokens in enumerate(ids):
            if tokens:
                seq[row, width - len(tokens):] = torch.tensor(tokens, dtype=torch.long)
                mask[row, width - len(tokens):] = 1
        return seq.to(device), mask.to(device)

    def _loop_at(self, tokens: List[int], times: int) -> Optional[int]:
        return repeating_tail(self.tokenizer.decode(tokens, skip_special_tokens=True), times)

    def _looped(self, tokens: List[int], prompt: List[int], times: int) -> Completion:
        """A sequence stopped by the repetition guard: its text up to the loop's second copy."""
        text = self.tokenizer.decode(tokens, skip_special_tokens=True)
        return Completion(text[: repeating_tail(text, times)], "repetition", len(prompt), len(tokens))

    def _has_stop(self, tokens: List[int], stops: Tuple[str, ...]) -> bool:
        text = self.tokenizer.decode(tokens, skip_special_tokens=True)
        return any(stop in text for stop in stops)

    def _stop_at(self, tokens: List[int], stops: "Stops") -> Optional[Tuple[str, int]]:
        """``(text up to the first stop string, tokens needed to produce it)``; None without one. The
        stop string itself is kept when ``stops.include``."""
        if not self._has_stop(tokens, stops.strings):
            return None
        text = self.tokenizer.decode(tokens, skip_special_tokens=True)
        lo, hi = 1, len(tokens)  # the shortest prefix that already holds a stop string
        while lo < hi:
            mid = (lo + hi) // 2
            if self._has_stop(tokens[:mid], stops.strings):
                hi = mid
            else:
                lo = mid + 1
        at, stop = min((text.find(s), s) for s in stops.strings if s in text)
        return text[: at + len(stop) if stops.include else at], lo

    def _completion(self, tokens: List[int], prompt: List[int], stops: "Stops") -> Completion:
        eos = set(self.eos_ids)
        ended = bool(tokens) and tokens[-1] in eos
        body = tokens[:-1] if ended else tokens
        if stops.strings:
            hit = self._stop_at(body, stops)
            if hit is not None:
                return Completion(hit[0], "stop", len(prompt), hit[1])
        return Completion(self.tokenizer.decode(body, skip_special_tokens=True), "stop" if ended else "length", len(prompt), len(tokens))


class Stops(NamedTuple):
    """One sequence's stop strings and whether its text keeps the one it stopped at."""

    strings: Tuple[str, ...]
    include: bool = False
