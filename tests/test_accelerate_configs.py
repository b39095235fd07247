"""accelerate_configs/: each file parses with accelerate's own launcher code, and the env it produces
is checked against recipes (a config that contradicts the recipe is refused before any model loads)."""

from pathlib import Path

import pytest

from hfsynth.errors import HfsynthError
from hfsynth.launch_checks import check_launch_environment
from hfsynth.recipe import validate_recipe

CONFIGS = Path(__file__).resolve().parent.parent / "accelerate_configs"


def launcher_env(name: str) -> dict:
    """The environment `accelerate launch --config_file <name>` gives each process (accelerate's own code)."""
    from accelerate.commands.launch import _validate_launch_command, launch_command_parser
    from accelerate.utils.launch import prepare_multi_gpu_env

    args = launch_command_parser().parse_args(["--config_file", str(CONFIGS / f"{name}.yaml"), "-m", "hfsynth", "train", "r.yaml"])
    args = _validate_launch_command(args)[0]
    if getattr(args, "use_deepspeed", False):
        from accelerate.commands.config.config_args import load_config_from_file
        from accelerate.utils.launch import prepare_deepspeed_cmd_env

        # what `accelerate launch` computes before preparing the DeepSpeed environment
        args.deepspeed_fields_from_accelerate_config = ",".join(load_config_from_file(args.config_file).deepspeed_config)
        return prepare_deepspeed_cmd_env(args)[1]
    return prepare_multi_gpu_env(args)


def recipe(**sections):
    base = {"name": "r", "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "x"}, "quantization": {"load_in_4bit": True}}
    for key, value in sections.items():
        base[key] = {**base.get(key, {}), **value}
    return validate_recipe(base)


@pytest.mark.parametrize("name", ["single_gpu", "multi_gpu", "fsdp_qlora", "deepspeed_zero3", "multi_node"])
def test_each_config_parses_and_fits_the_default_qlora_recipe_on_a_gpu(name):
    import importlib.util

    env = launcher_env(name)
    assert env["ACCELERATE_MIXED_PRECISION"] == "bf16"
    if name == "deepspeed_zero3" and importlib.util.find_spec("deepspeed") is None:
        with pytest.raises(HfsynthError, match="needs the deepspeed package"):
            check_launch_environment(recipe(), env=env, on_gpu=True)
        return
    check_launch_environment(recipe(), env=env, on_gpu=True)


def test_fsdp_qlora_is_fsdp2_with_sharded_checkpoints():
    env = launcher_env("fsdp_qlora")
    assert env["ACCELERATE_USE_FSDP"] == "true"
    assert env["FSDP_VERSION"] == "2"
    assert env["FSDP_STATE_DICT_TYPE"] == "SHARDED_STATE_DICT"  # hfsynth gathers the adapter itself (tests/test_fsdp.py)
    assert env["FSDP_AUTO_WRAP_POLICY"] == "TRANSFORMER_BASED_WRAP"


def test_multi_node_config_gives_the_launcher_the_nodes_and_the_main_address():
    from accelerate.commands.launch import _validate_launch_command, launch_command_parser

    argv = ["--config_file", str(CONFIGS / "multi_node.yaml"), "--machine_rank", "1", "-m", "hfsynth", "run", "r.yaml"]
    args = _validate_launch_command(launch_command_parser().parse_args(argv))[0]
    assert args.multi_gpu and args.num_machines == 2 and args.num_processes == 16
    assert args.machine_rank == 1  # the one thing that changes per node
    assert (args.main_process_ip, args.main_process_port, args.rdzv_backend) == ("10.0.0.1", 29500, "static")


def test_deepspeed_config_is_zero3():
    env = launcher_env("deepspeed_zero3")
    assert env["ACCELERATE_DEEPSPEED_ZERO_STAGE"] == "3"


def test_bf16_config_on_the_cpu_is_refused():
    with pytest.raises(HfsynthError, match="mixed_precision 'bf16' needs a GPU"):
        check_launch_environment(recipe(), env=launcher_env("multi_gpu"), on_gpu=False)


def test_precision_contradicting_the_recipe_dtype_is_refused():
    with pytest.raises(HfsynthError, match=r"mixed_precision 'bf16' contradicts model.dtype 'float16'"):
        check_launch_environment(recipe(model={"dtype": "float16"}), env=launcher_env("single_gpu"), on_gpu=True)


def test_fsdp_with_wrong_storage_or_orig_params_is_refused():
    env = launcher_env("fsdp_qlora")
    with pytest.raises(HfsynthError, match="bnb_4bit_quant_storage"):
        check_launch_environment(recipe(quantization={"bnb_4bit_quant_storage": "float32"}), env=env, on_gpu=True)
    with pytest.raises(HfsynthError, match="fsdp_use_orig_params: false"):  # FSDP1's flat parameters only
        check_launch_environment(recipe(), env={**env, "FSDP_VERSION": "1", "FSDP_USE_ORIG_PARAMS": "true"}, on_gpu=True)
    check_launch_environment(recipe(), env={**env, "FSDP_USE_ORIG_PARAMS": "true"}, on_gpu=True)  # FSDP2 has no flat parameters


@pytest.mark.parametrize("version", ["1", "2"])
def test_launch_checks_fsdp_on_cpu_is_refused(version):
    """accelerate 1.15 would silently run DDP (FSDP is enabled only for GPU-like distributed types)."""
    env = {**launcher_env("fsdp_qlora"), "ACCELERATE_MIXED_PRECISION": "no", "FSDP_VERSION": version}
    with pytest.raises(HfsynthError, match=f"distributed_type FSDP \\(fsdp_version {version}\\) needs GPUs"):
        check_launch_environment(recipe(), env=env, on_gpu=False)


def test_deepspeed_zero3_config_gathers_16bit_weights_on_save(monkeypatch):
    """The save path: accelerate's DeepSpeedPlugin built from what the config gives the processes must
    gather ZeRO-3 partitions on save, else Trainer.save_model writes no adapter weights."""
    from accelerate.utils import DeepSpeedPlugin

    env = launcher_env("deepspeed_zero3")
    assert env["ACCELERATE_DEEPSPEED_ZERO_STAGE"] == "3" and env["ACCELERATE_DEEPSPEED_ZERO3_SAVE_16BIT_MODEL"] == "true"
    for key, value in env.items():
        if key.startswith("ACCELERATE_"):
            monkeypatch.setenv(key, value)
    zero = DeepSpeedPlugin().deepspeed_config["zero_optimization"]
    assert zero["stage"] == 3 and zero["stage3_gather_16bit_weights_on_model_save"] is True


def test_deepspeed_zero3_without_16bit_save_is_refused():
    env = {**launcher_env("deepspeed_zero3"), "ACCELERATE_DEEPSPEED_ZERO3_SAVE_16BIT_MODEL": "false"}
    find_spec = __import__("importlib.util").util.find_spec
    if find_spec("deepspeed") is None:
        with pytest.raises(HfsynthError, match="needs the deepspeed package"):
            check_launch_environment(recipe(), env=env, on_gpu=True)
        return
    with pytest.raises(HfsynthError, match="ZeRO-3 needs zero3_save_16bit_model: true"):
        check_launch_environment(recipe(), env=env, on_gpu=True)


def test_launch_checks_a_dropped_fsdp_is_refused_after_setup():
    from hfsynth.launch_checks import check_granted, requested_distributed_type

    assert requested_distributed_type(launcher_env("fsdp_qlora")) == "FSDP"
    assert requested_distributed_type(launcher_env("deepspeed_zero3")) == "DEEPSPEED"
    assert requested_distributed_type(launcher_env("multi_gpu")) is None
    with pytest.raises(HfsynthError, match="asked for distributed_type FSDP but accelerate set up MULTI_CPU"):
        check_granted("FSDP", "MULTI_CPU")
    check_granted("FSDP", "FSDP")
    check_granted(None, "MULTI_CPU")


def test_cli_refuses_an_fsdp_launch_on_the_cpu(tiny_recipe, write_recipe):
    """What `accelerate launch --config_file accelerate_configs/fsdp_qlora.yaml` (use_cpu) hands hfsynth on a CPU."""
    from helpers import assert_user_error, run_cli

    env = {k: v for k, v in launcher_env("fsdp_qlora").items() if k.startswith(("ACCELERATE_USE", "FSDP_"))}
    proc = run_cli(["train", write_recipe(tiny_recipe)], env=env)
    assert_user_error(proc, "distributed_type FSDP (fsdp_version 2) needs GPUs")


def test_cli_refuses_a_contradicting_accelerate_env(tiny_recipe, write_recipe):
    from helpers import assert_user_error, run_cli

    proc = run_cli(["train", write_recipe(tiny_recipe)], env={"ACCELERATE_MIXED_PRECISION": "fp16"})
    assert_user_error(proc, "accelerate config", "mixed_precision 'fp16'")
