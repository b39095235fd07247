"""The test Hub answers the real huggingface_hub client the way the Hub does.

The client runs in this process with an explicit ``endpoint`` (the conftest's offline switch is
lifted for these tests only); the publish tests cover the ``HF_ENDPOINT``-at-import path.
"""

from __future__ import annotations

import pytest
from hub_server import git_blob_sha1, hub_server, token_of  # noqa: F401

README = b"---\nlicense: mit\ntags:\n- test\n---\n# A repo\n"


@pytest.fixture
def online(monkeypatch):
    """Let huggingface_hub make requests (conftest sets HF_HUB_OFFLINE=1 for everything else)."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)


@pytest.fixture
def api(hub_server, online):
    from huggingface_hub import HfApi

    return HfApi(endpoint=hub_server.url, token=token_of(hub_server, "alice"))


def anonymous(server):
    from huggingface_hub import HfApi

    return HfApi(endpoint=server.url, token=False)


def add(path, data):
    from huggingface_hub import CommitOperationAdd

    return CommitOperationAdd(path_in_repo=path, path_or_fileobj=data)


def status_of(excinfo) -> int:
    return excinfo.value.response.status_code


def test_whoami_and_bad_tokens(hub_server, api, online):
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    me = api.whoami()
    assert me["name"] == "alice" and me["auth"]["accessToken"]["role"] == "write" and me["orgs"][0]["name"] == "hfsynth-org"
    with pytest.raises(HfHubHTTPError) as err:
        HfApi(endpoint=hub_server.url, token="hf_not_a_real_token").whoami()
    assert status_of(err) == 401


def test_create_repo_conflicts_and_namespaces(hub_server, api, online):
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    url = api.create_repo("alice/data", repo_type="dataset")
    assert url == f"{hub_server.url}/datasets/alice/data" and url.repo_id == "alice/data"
    with pytest.raises(HfHubHTTPError) as err:
        api.create_repo("alice/data", repo_type="dataset")
    assert status_of(err) == 409
    assert api.create_repo("alice/data", repo_type="dataset", exist_ok=True) == url
    assert api.create_repo("hfsynth-org/shared").repo_id == "hfsynth-org/shared"  # an org alice writes to
    with pytest.raises(HfHubHTTPError) as err:
        api.create_repo("bob/not-yours")
    assert status_of(err) == 403
    with pytest.raises(HfHubHTTPError) as err:
        HfApi(endpoint=hub_server.url, token=token_of(hub_server, "reader")).create_repo("alice/read-only")
    assert status_of(err) == 403
    with pytest.raises(HfHubHTTPError) as err:
        anonymous(hub_server).create_repo("alice/anon")
    assert status_of(err) == 401


def test_repo_info_starts_with_the_initial_commit(hub_server, api):
    from huggingface_hub.errors import RepositoryNotFoundError, RevisionNotFoundError

    api.create_repo("alice/model")
    info = api.model_info("alice/model", files_metadata=True)
    assert len(info.sha) == 40 and info.private is False
    assert [(s.rfilename, s.blob_id) for s in info.siblings] == [(".gitattributes", git_blob_sha1(hub_server.files("alice/model")[".gitattributes"]))]
    assert api.model_info("alice/model", revision=info.sha[:10]).sha == info.sha
    with pytest.raises(RevisionNotFoundError):
        api.model_info("alice/model", revision="no-such-branch")
    with pytest.raises(RepositoryNotFoundError):
        api.model_info("alice/missing")


def test_commit_checks_the_parent_and_skips_unchanged_files(hub_server, api):
    from huggingface_hub.errors import HfHubHTTPError

    api.create_repo("alice/ds", repo_type="dataset")
    first = api.repo_info("alice/ds", repo_type="dataset").sha
    commit = api.create_commit("alice/ds", [add("README.md", README), add("data/train.jsonl", b'{"a": 1}\n')], commit_message="add data", repo_type="dataset", parent_commit=first)
    assert commit.oid != first and commit.commit_url.endswith(f"/datasets/alice/ds/commit/{commit.oid}")
    with pytest.raises(HfHubHTTPError) as err:  # the head moved: a stale parent is refused
        api.create_commit("alice/ds", [add("x.txt", b"x")], commit_message="stale", repo_type="dataset", parent_commit=first)
    assert status_of(err) == 412
    same = api.create_commit("alice/ds", [add("README.md", README)], commit_message="again", repo_type="dataset", parent_commit=commit.oid)
    assert same.oid == commit.oid  # the client compared the preupload oid and sent nothing
    assert [c.title for c in api.list_repo_commits("alice/ds", repo_type="dataset")] == ["add data", "initial commit"]
    assert [r.status for r in hub_server.requests_matching("POST", r"/commit/")] == [200, 412]


def test_tree_paths_info_refs_and_pagination(hub_server, api):
    api.create_repo("alice/tree")
    files = {"README.md": README, "a/b/c.txt": b"c", "a/d.txt": b"d", "e.bin": b"\x00" * 10}
    api.create_commit("alice/tree", [add(p, d) for p, d in files.items()], commit_message="files")
    hub_server.tree_page_size = 2  # forces the client to follow Link headers
    everything = {e.path: e for e in api.list_repo_tree("alice/tree", recursive=True)}
    assert set(everything) == {".gitattributes", "README.md", "a", "a/b", "a/b/c.txt", "a/d.txt", "e.bin"}
    assert everything["e.bin"].size == 10 and everything["e.bin"].blob_id == git_blob_sha1(b"\x00" * 10)
    assert {e.path for e in api.list_repo_tree("alice/tree", path_in_repo="a")} == {"a/b", "a/d.txt"}
    assert len(hub_server.requests_matching("GET", r"/tree/main$")) >= 4
    info = api.get_paths_info("alice/tree", ["a", "README.md", "missing.txt"], expand=True)
    assert [(type(e).__name__, e.path) for e in info] == [("RepoFolder", "a"), ("RepoFile", "README.md")]
    assert info[1].last_commit.title == "files"
    refs = api.list_repo_refs("alice/tree")
    assert [b.name for b in refs.branches] == ["main"] and refs.branches[0].target_commit == api.model_info("alice/tree").sha


def test_resolve_download_etag_and_range(hub_server, api, tmp_path):
    from huggingface_hub import HfFileSystem, get_hf_file_metadata, hf_hub_download, hf_hub_url
    from huggingface_hub.errors import EntryNotFoundError

    api.create_repo("alice/files", repo_type="dataset")
    payload = bytes(range(256)) * 40
    sha = api.create_commit("alice/files", [add("blob.bin", payload)], commit_message="blob", repo_type="dataset").oid
    path = hf_hub_download("alice/files", "blob.bin", repo_type="dataset", endpoint=hub_server.url, cache_dir=tmp_path, token=False)
    assert open(path, "rb").read() == payload
    meta = get_hf_file_metadata(hf_hub_url("alice/files", "blob.bin", repo_type="dataset", endpoint=hub_server.url), token=False)
    assert meta.commit_hash == sha and meta.etag == git_blob_sha1(payload) and meta.size == len(payload)
    with pytest.raises(EntryNotFoundError):
        hf_hub_download("alice/files", "nope.bin", repo_type="dataset", endpoint=hub_server.url, cache_dir=tmp_path, token=False)
    fs = HfFileSystem(endpoint=hub_server.url, token=False)
    with fs.open("datasets/alice/files/blob.bin", "rb", block_size=512) as f:
        f.seek(1000)
        assert f.read(300) == payload[1000:1300]
    assert hub_server.requests_matching("GET", r"/resolve/.*/blob\.bin$") and any(r.status == 206 for r in hub_server.requests)


def test_private_repos_are_invisible_to_others(hub_server, api, tmp_path):
    from huggingface_hub import HfApi, hf_hub_download
    from huggingface_hub.errors import RepositoryNotFoundError

    api.create_repo("alice/secret", repo_type="dataset", private=True)
    api.create_commit("alice/secret", [add("data.txt", b"private rows")], commit_message="rows", repo_type="dataset")
    assert api.dataset_info("alice/secret").private is True
    for client in (anonymous(hub_server), HfApi(endpoint=hub_server.url, token=token_of(hub_server, "bob"))):
        with pytest.raises(RepositoryNotFoundError):
            client.dataset_info("alice/secret")
    with pytest.raises(RepositoryNotFoundError):
        hf_hub_download("alice/secret", "data.txt", repo_type="dataset", endpoint=hub_server.url, cache_dir=tmp_path, token=False)
    assert HfApi(endpoint=hub_server.url, token=token_of(hub_server, "reader")).dataset_info("alice/secret").private is True
    api.update_repo_settings("alice/secret", repo_type="dataset", private=False)
    assert anonymous(hub_server).dataset_info("alice/secret").private is False


def test_writes_need_a_write_token(hub_server, api):
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    api.create_repo("alice/guarded")
    for client, status in ((anonymous(hub_server), 401), (HfApi(endpoint=hub_server.url, token=token_of(hub_server, "reader")), 403), (HfApi(endpoint=hub_server.url, token=token_of(hub_server, "bob")), 403)):
        with pytest.raises(HfHubHTTPError) as err:
            client.create_commit("alice/guarded", [add("x.txt", b"x")], commit_message="nope")
        assert status_of(err) == status
    assert len(hub_server.commits("alice/guarded")) == 1


def test_invalid_card_metadata_is_refused(hub_server, api):
    api.create_repo("alice/card")
    bad = b"---\nmodel-index:\n- name: x\n  results:\n  - task: {}\n---\n"
    with pytest.raises(ValueError, match="Invalid metadata in README.md"):
        api.create_commit("alice/card", [add("README.md", bad)], commit_message="bad card")
    assert len(hub_server.commits("alice/card")) == 1


def test_branches(hub_server, api):
    api.create_repo("alice/branchy")
    api.create_branch("alice/branchy", branch="v2")
    api.create_branch("alice/branchy", branch="v2", exist_ok=True)
    api.create_commit("alice/branchy", [add("v2.txt", b"2")], commit_message="on v2", revision="v2")
    assert "v2.txt" in hub_server.files("alice/branchy", revision="v2") and "v2.txt" not in hub_server.files("alice/branchy")
    assert api.model_info("alice/branchy", revision="v2").sha != api.model_info("alice/branchy").sha


def test_faults_status_retry_after_and_dropped_connections(hub_server, api):
    import httpx2
    from huggingface_hub.errors import HfHubHTTPError

    api.create_repo("alice/faulty")
    hub_server.inject(r"/api/models/alice/faulty$", status=503, retry_after=7, times=1)
    with pytest.raises(HfHubHTTPError) as err:
        api.model_info("alice/faulty")
    assert status_of(err) == 503 and err.value.response.headers["Retry-After"] == "7"
    assert api.model_info("alice/faulty").sha  # only once
    hub_server.inject(r"/commit/", kind="drop", method="POST")
    with pytest.raises(httpx2.TransportError):
        api.create_commit("alice/faulty", [add("big.bin", b"x" * 200_000)], commit_message="dropped")
    assert len(hub_server.commits("alice/faulty")) == 1  # no half commit
    assert [r.fault for r in hub_server.requests_matching("POST", r"/commit/")] == ["drop"]
    api.create_commit("alice/faulty", [add("big.bin", b"x" * 200_000)], commit_message="second try")
    assert hub_server.files("alice/faulty")["big.bin"] == b"x" * 200_000


def test_faults_can_be_set_over_http(hub_server, api, online):
    from huggingface_hub.utils import get_session

    session = get_session()
    assert session.post(f"{hub_server.url}/_test/faults", json={"path": "/api/whoami-v2", "status": 429, "retry_after": 1, "times": 2}).status_code == 200
    answers = [session.get(f"{hub_server.url}/api/whoami-v2", headers={"authorization": f"Bearer {token_of(hub_server, 'alice')}"}).status_code for _ in range(3)]
    assert answers == [429, 429, 200]
    log = session.get(f"{hub_server.url}/_test/requests").json()
    assert [r["status"] for r in log if r["path"] == "/api/whoami-v2"] == [429, 429, 200]
    assert all(token_of(hub_server, "alice") not in str(r) for r in log)  # the log keeps who, never the token
