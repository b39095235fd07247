"""Secrets and personal data in synthetic rows: found, then redacted, dropped or refused by policy."""

import json

import pyarrow.parquet as pq
import pytest

from hfsynth.context import StageContext
from hfsynth.curate.secrets import find_secrets, scan_rows
from hfsynth.curate.stage import curate_stage
from hfsynth.errors import HfsynthError

from test_curate_stage import fenced, make_recipe, row, write_shard

HF = "hf_" + "Ab1" * 12
SECRETS = {
    "hf_token": f"token = '{HF}'",
    "aws_access_key_id": "key = 'AKIAIOSFODNN7EXAMPLE'",
    "aws_secret_access_key": "aws_secret_access_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYab'",
    "github_token": "gh = 'ghp_" + "x" * 36 + "'",
    "openai_key": "client = OpenAI(api_key='sk-proj-" + "y" * 40 + "')",
    "private_key": "pem = '''-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----'''",
    "email": "owner = 'jane.doe@corp-mail.io'",
    "ip_address": "server = '93.184.216.34'",
}


@pytest.mark.parametrize("kind", sorted(SECRETS))
def test_each_kind_is_found(kind):
    assert [k for k, _, _ in find_secrets(SECRETS[kind])] == [kind]


@pytest.mark.parametrize(
    "text",
    ["mail = 'someone@example.com'", "host = '127.0.0.1'", "lan = '192.168.1.20'", "doc = '2001:db8::1'", "x = a[::2]", "version = '1.2.3.4.5'", "hf_short = 'hf_abc'"],
)
def test_non_personal_look_alikes_are_left_alone(text):
    assert find_secrets(text) == []


def test_redact_replaces_every_finding_in_every_column():
    rows = [{"id": "a", "response": SECRETS["hf_token"], "prompt": [{"role": "user", "content": SECRETS["email"]}]}, {"id": "b", "response": "clean"}]
    kept, report = scan_rows(rows, "redact")
    assert kept[0]["response"] == "token = '<REDACTED:hf_token>'"
    assert kept[0]["prompt"][0]["content"] == "owner = '<REDACTED:email>'"
    assert kept[1] == rows[1]
    assert report["rows_with_findings"] == 1 and report["findings"] == {"email": 1, "hf_token": 1}


def _seeded_raw(tmp_path):
    # OpenAI imported: static analysis keeps the rows; the function hands back what it sets, so no check finds work lost
    body = "from openai import OpenAI\n\n\ndef f():\n    {line}\n    return locals()\n"
    rows = [row(f"s{i}", "train", fenced(body.format(line=SECRETS[kind]))) for i, kind in enumerate(sorted(SECRETS))]
    rows.append(row("clean", "train", fenced("def g(x):\n    return x + 1\n")))
    write_shard(tmp_path / "run", "train", rows)


@pytest.mark.parametrize("policy", ["redact", "drop"])
def test_curate_stage_applies_the_policy_and_counts_it(tmp_path, policy):
    _seeded_raw(tmp_path)
    recipe, run_dir = make_recipe(tmp_path, secrets={"policy": policy}, dedup={"near": False}, decontaminate={"enabled": False})
    curate_stage(StageContext(recipe, run_dir))
    table = pq.read_table(run_dir.data / "train.parquet").to_pylist()
    published = json.dumps(table)
    for text in SECRETS.values():
        (_, start, end), = find_secrets(text)
        assert json.dumps(text[start:end])[1:-1] not in published
    funnel = json.loads((run_dir.path / "funnel.json").read_text())
    step = next(s for s in funnel["steps"] if s["name"] == "secrets")
    assert funnel["secrets"]["rows_with_findings"] == len(SECRETS)
    assert set(funnel["secrets"]["findings"]) == set(SECRETS)
    if policy == "redact":
        assert step["removed"] == 0 and len(table) == len(SECRETS) + 1
        assert "<REDACTED:hf_token>" in published
    else:
        assert step["removed"] == len(SECRETS) and [r["id"] for r in table] == ["clean"]


def test_fail_policy_stops_before_writing(tmp_path):
    _seeded_raw(tmp_path)
    recipe, run_dir = make_recipe(tmp_path, secrets={"policy": "fail"}, dedup={"near": False}, decontaminate={"enabled": False})
    with pytest.raises(HfsynthError, match=r"curate.secrets.policy is 'fail': 8 row\(s\)"):
        curate_stage(StageContext(recipe, run_dir))
    assert not run_dir.data.exists()
    assert (run_dir.raw / "train").is_dir()  # nothing produced earlier is lost


def test_secrets_are_scanned_even_with_the_other_filters_off(tmp_path):
    _seeded_raw(tmp_path)
    recipe, run_dir = make_recipe(tmp_path, enabled=False, secrets={"policy": "redact"})
    curate_stage(StageContext(recipe, run_dir))
    published = json.dumps(pq.read_table(run_dir.data / "train.parquet").to_pylist())
    assert HF not in published and "<REDACTED:hf_token>" in published
    funnel = json.loads((run_dir.path / "funnel.json").read_text())
    assert [s["name"] for s in funnel["steps"]] == ["generation", "secrets"]
