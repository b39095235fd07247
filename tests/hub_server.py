"""A Hugging Face Hub-compatible HTTP server for the tests: real HTTP on 127.0.0.1, repos on disk.

Why a server and not mocks: hfsynth pushes and pulls through the real clients (``HfApi``,
``hf_hub_download``, ``HfFileSystem``, ``datasets.load_dataset``, ``PeftModel.from_pretrained``),
so the tests only prove something if those clients talk HTTP to something that answers like the
Hub does. This server implements the endpoints those clients call (read from huggingface_hub 2.4
and datasets 5.2) with the Hub's semantics:

* repos (model/dataset/space) with a commit history; every repo starts with the Hub's
  "initial commit" holding ``.gitattributes``; blobs are addressed by their git SHA-1 (the oid the
  clients compare to skip unchanged files); a commit is written atomically (blobs, then the commit
  record, then the branch ref by rename), so a dropped upload never leaves half a commit;
* ``whoami-v2``, ``repos/create`` (409 when it exists), ``repos/delete``, settings (visibility),
  repo info (``sha``, ``siblings``, ``cardData``), revision info, ``tree`` (paginated with a
  ``Link`` header), ``paths-info``, ``refs``, ``commits``, branch create/delete, ``preupload``
  (always ``uploadMode: "regular"``, with the remote ``oid``), the NDJSON ``commit`` with the
  ``parentCommit`` check (412), ``validate-yaml``, and ``resolve`` with ``X-Repo-Commit``,
  ``ETag``, ``Content-Length`` and ``Range``/206;
* errors carry ``X-Error-Code`` (RepoNotFound, RevisionNotFound, EntryNotFound) and
  ``X-Error-Message``: the clients pick their exception class from them;
* auth: a bad token is refused everywhere (401), private repos are invisible to anonymous
  readers (401) and to other users (404), writes need a token with write role on the namespace
  (401 without a token, 403 with a read token or someone else's namespace);
* fault injection (:meth:`HubServer.inject`): answer a status (500, 429 with ``Retry-After``,
  401, 403, ...), drop the connection in the middle of reading the request body, or delay, for the
  requests whose method and path match, a number of times or forever. Faults can also be set over
  HTTP (``POST /_test/faults``) by a test that runs the server in another process.

Use it through the :func:`hub_server` fixture (import it into a test module) or run it alone:
``python tests/hub_server.py --root /tmp/hub --user alice:hf_alice_token``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import os
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import yaml

REPO_TYPES = ("model", "dataset", "space")
URL_PREFIX = {"model": "", "dataset": "datasets/", "space": "spaces/"}
DEFAULT_BRANCH = "main"
TREE_PAGE_SIZE = 1000  # the Hub's page size for /tree without expand

# What the Hub writes into every new repo (trimmed: the LFS patterns are irrelevant here).
GITATTRIBUTES = (
    "*.bin filter=lfs diff=lfs merge=lfs -text\n"
    "*.parquet filter=lfs diff=lfs merge=lfs -text\n"
    "*.safetensors filter=lfs diff=lfs merge=lfs -text\n"
    "*.png filter=lfs diff=lfs merge=lfs -text\n"
)


def git_blob_sha1(data: bytes) -> str:
    """The git object id of a blob: what the Hub calls a regular file's ``oid``/``blobId``."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def front_matter(text: str) -> Optional[Dict[str, Any]]:
    """The YAML block at the top of a README (None when there is none)."""
    match = re.match(r"^\s*---\s*\n(.*?)\n---\s*(\n|$)", text, flags=re.S)
    if not match:
        return None
    data = yaml.safe_load(match.group(1))
    return data if data is not None else {}


def validate_card_metadata(content: str, repo_type: str) -> List[str]:
    """Errors the Hub would report for a README's metadata (empty list = valid).

    The server side of ``validate-yaml``: the block must be a YAML mapping, list fields must be
    lists of strings, and a model card's ``model-index`` must parse with huggingface_hub's own parser.
    """
    try:
        meta = front_matter(content)
    except yaml.YAMLError as exc:
        return [f"Invalid YAML in README.md metadata: {str(exc).splitlines()[0]}"]
    if meta is None:
        return []
    if not isinstance(meta, dict):
        return ["README.md metadata must be a YAML mapping"]
    errors = []
    for key in ("tags", "datasets", "language"):
        value = meta.get(key)
        if value is not None and not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            errors.append(f'"{key}" must be a string or an array of strings')
    if "license" in meta and not isinstance(meta["license"], (str, list)):
        errors.append('"license" must be a string')
    if repo_type == "model" and meta.get("model-index") is not None:
        from huggingface_hub.repocard_data import model_index_to_eval_results

        try:
            model_index_to_eval_results(meta["model-index"])
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(f'"model-index" is invalid: {type(exc).__name__} {exc}')
    if repo_type == "dataset" and meta.get("configs") is not None:
        configs = meta["configs"]
        if not isinstance(configs, list) or not all(isinstance(c, dict) and "config_name" in c for c in configs):
            errors.append('"configs" must be a list of mappings, each with a "config_name"')
    return errors


# ----------------------------------------------------------------------------------------------
# Users and faults


@dataclass
class User:
    name: str
    token: str
    role: str = "write"  # "write" or "read"
    orgs: Tuple[str, ...] = ()

    def can_write(self, namespace: str) -> bool:
        return self.role == "write" and (namespace == self.name or namespace in self.orgs)

    def can_read(self, namespace: str) -> bool:
        return namespace == self.name or namespace in self.orgs


@dataclass
class Fault:
    """One injected misbehaviour for requests whose method and path match."""

    path: str  # regular expression searched in the request path (query string excluded)
    kind: str = "status"  # "status" | "drop" (mid-upload) | "lose_response" (done, answer lost) | "delay"
    method: Optional[str] = None  # None = any method
    status: int = 500
    retry_after: Optional[int] = None  # seconds, sent as Retry-After (429/503)
    message: str = "Injected fault"
    seconds: float = 0.0  # for "delay": sleep before answering normally
    times: Optional[int] = 1  # how many matching requests it hits; None = all of them
    hits: int = 0
    # set when a matching request arrives / when the server is done with it (answered or abandoned):
    # tests wait on these instead of sleeping and hoping
    arrived: threading.Event = field(default_factory=threading.Event, repr=False, compare=False)
    finished: threading.Event = field(default_factory=threading.Event, repr=False, compare=False)

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if self.method and self.method.upper() != method:
            return False
        return re.search(self.path, path) is not None


@dataclass
class RequestRecord:
    method: str
    path: str
    query: str
    status: int
    user: Optional[str]  # who the token belongs to (never the token itself)
    fault: Optional[str] = None
    at: float = field(default_factory=time.time)  # when it was answered


class HubError(Exception):
    def __init__(self, status: int, message: str, code: Optional[str] = None, headers: Optional[Dict[str, str]] = None, body: Optional[Dict[str, Any]] = None):
        super().__init__(message)
        self.status, self.message, self.code, self.headers = status, message, code, headers or {}
        self.body = body or {}


def _repo_not_found() -> HubError:
    return HubError(404, "Repository not found", "RepoNotFound")


# ----------------------------------------------------------------------------------------------
# Storage


class HubStore:
    """Repos on disk: content-addressed blobs, immutable commit records, one ref file per branch."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.lock = threading.RLock()

    # paths
    def repo_dir(self, repo_type: str, repo_id: str) -> Path:
        return self.root / "repos" / f"{repo_type}s" / repo_id

    def _blob_path(self, oid: str) -> Path:
        return self.root / "blobs" / oid[:2] / oid

    def _ref_path(self, repo_type: str, repo_id: str, branch: str) -> Path:
        return self.repo_dir(repo_type, repo_id) / "refs" / quote(branch, safe="")

    # repos
    def exists(self, repo_type: str, repo_id: str) -> bool:
        return (self.repo_dir(repo_type, repo_id) / "meta.json").is_file()

    def meta(self, repo_type: str, repo_id: str) -> Dict[str, Any]:
        return json.loads((self.repo_dir(repo_type, repo_id) / "meta.json").read_text())

    def set_meta(self, repo_type: str, repo_id: str, **changes: Any) -> None:
        with self.lock:
            meta = self.meta(repo_type, repo_id)
            meta.update(changes)
            _atomic_write(self.repo_dir(repo_type, repo_id) / "meta.json", json.dumps(meta).encode())

    def create(self, repo_type: str, repo_id: str, private: bool, author: str) -> None:
        with self.lock:
            if self.exists(repo_type, repo_id):
                raise HubError(409, f"You already created this {repo_type} repo")
            created = _now()
            sha = self._write_commit(None, {".gitattributes": self._put_blob(GITATTRIBUTES.encode())}, "initial commit", "", "system", created)
            _atomic_write(self._ref_path(repo_type, repo_id, DEFAULT_BRANCH), sha.encode())
            meta = {"private": bool(private), "createdAt": created, "author": author, "type": repo_type}
            _atomic_write(self.repo_dir(repo_type, repo_id) / "meta.json", json.dumps(meta).encode())

    def delete(self, repo_type: str, repo_id: str) -> None:
        import shutil

        with self.lock:
            shutil.rmtree(self.repo_dir(repo_type, repo_id))

    # refs and commits
    def branches(self, repo_type: str, repo_id: str) -> Dict[str, str]:
        refs = self.repo_dir(repo_type, repo_id) / "refs"
        return {unquote(p.name): p.read_text().strip() for p in sorted(refs.iterdir()) if not p.name.startswith(".")}

    def all_commit_ids(self, repo_type: str, repo_id: str) -> List[str]:
        seen: List[str] = []
        for head in self.branches(repo_type, repo_id).values():
            for commit in self.history(head):
                if commit["id"] not in seen:
                    seen.append(commit["id"])
        return seen

    def resolve(self, repo_type: str, repo_id: str, revision: str) -> Optional[str]:
        """A branch name, a full commit id or an unambiguous prefix (>= 7 hex digits) -> commit id."""
        branches = self.branches(repo_type, repo_id)
        if revision in branches:
            return branches[revision]
        if re.fullmatch(r"[0-9a-f]{7,40}", revision):
            found = [c for c in self.all_commit_ids(repo_type, repo_id) if c.startswith(revision)]
            if len(found) == 1:
                return found[0]
        return None

    def commit(self, sha: str) -> Dict[str, Any]:
        return json.loads((self.root / "commits" / f"{sha}.json").read_text())

    def history(self, sha: str) -> List[Dict[str, Any]]:
        out = []
        current: Optional[str] = sha
        while current:
            record = self.commit(current)
            out.append(record)
            current = record["parents"][0] if record["parents"] else None
        return out

    def tree(self, sha: str) -> Dict[str, Dict[str, Any]]:
        return self.commit(sha)["tree"]

    def blob(self, oid: str) -> bytes:
        return self._blob_path(oid).read_bytes()

    def _put_blob(self, data: bytes) -> Dict[str, Any]:
        oid = git_blob_sha1(data)
        path = self._blob_path(oid)
        if not path.exists():
            _atomic_write(path, data)
        return {"oid": oid, "size": len(data)}

    def _write_commit(self, parent: Optional[str], tree: Dict[str, Any], title: str, message: str, author: str, date: str) -> str:
        record = {"parents": [parent] if parent else [], "tree": dict(sorted(tree.items())), "title": title, "message": message, "author": author, "date": date}
        sha = hashlib.sha1(json.dumps(record, sort_keys=True).encode()).hexdigest()
        record["id"] = sha
        _atomic_write(self.root / "commits" / f"{sha}.json", json.dumps(record).encode())
        return sha

    def apply_commit(self, repo_type: str, repo_id: str, branch: str, parent: Optional[str], files: Dict[str, bytes], deleted: List[str], deleted_folders: List[str], title: str, message: str, author: str) -> str:
        """Write a commit on ``branch``; 412 when ``parent`` is given and is no longer the head."""
        with self.lock:
            head = self.branches(repo_type, repo_id).get(branch)
            if head is None:
                raise HubError(404, f"Invalid rev id: {branch}", "RevisionNotFound")
            if parent is not None and not head.startswith(parent):
                raise HubError(412, "A commit has happened since. Please refresh and try again.")
            tree = dict(self.tree(head))
            for path in deleted:
                if path not in tree:
                    raise HubError(404, f"A file with this name doesn't exist: {path}", "EntryNotFound")
                del tree[path]
            for folder in deleted_folders:
                prefix = folder.rstrip("/") + "/"
                for path in [p for p in tree if p.startswith(prefix)]:
                    del tree[path]
            for path, data in files.items():
                tree[path] = self._put_blob(data)
            sha = self._write_commit(head, tree, title, message, author, _now())
            _atomic_write(self._ref_path(repo_type, repo_id, branch), sha.encode())  # the commit point
            return sha

    def create_branch(self, repo_type: str, repo_id: str, branch: str, start: str) -> None:
        with self.lock:
            if branch in self.branches(repo_type, repo_id):
                raise HubError(409, "Reference already exists")
            _atomic_write(self._ref_path(repo_type, repo_id, branch), start.encode())

    def delete_branch(self, repo_type: str, repo_id: str, branch: str) -> None:
        with self.lock:
            path = self._ref_path(repo_type, repo_id, branch)
            if not path.exists():
                raise HubError(404, f"Invalid rev id: {branch}", "RevisionNotFound")
            path.unlink()


# ----------------------------------------------------------------------------------------------
# HTTP


API_REPO = re.compile(r"^/api/(models|datasets|spaces)/([^/]+)/([^/]+)(?:/(.*))?$")
RESOLVE = re.compile(r"^/(?:(datasets|spaces)/)?([^/]+)/([^/]+)/resolve/([^/]+)/(.+)$")


class HubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "HubServer._Server"

    # quiet: the request log lives in HubServer.requests
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # plumbing -----------------------------------------------------------------------------
    @property
    def hub(self) -> "HubServer":
        return self.server.hub

    def _read_body(self, limit: Optional[int] = None) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length if limit is None else min(limit, length))

    def _send(self, status: int, body: Any = b"", headers: Optional[Dict[str, str]] = None, content_type: str = "application/json") -> None:
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self._record(status)  # before the answer leaves: a test that got it must see it in the log
        if self._fault_kind == "lose_response":
            # The request was carried out, but the client never hears back (a connection lost late).
            self._drop_connection()
            return
        self.send_response(status)
        sent = {k.lower() for k in (headers or {})}
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "content-type" not in sent:
            self.send_header("Content-Type", content_type)
        if "content-length" not in sent:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _record(self, status: int) -> None:
        if not self._recorded:
            self._recorded = True
            self.hub.requests.append(RequestRecord(self.command, self._path, self._query_string, status, self._user_name, self._fault_kind))

    def _drop_connection(self) -> None:
        """Cut the TCP connection without an answer: the client sees a dropped connection."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _send_error(self, err: HubError) -> None:
        headers = {"X-Error-Message": err.message, **err.headers}
        if err.code:
            headers["X-Error-Code"] = err.code
        self._send(err.status, {"error": err.message, **err.body}, headers)

    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        path, query = split.path, split.query
        self._path, self._query_string, self._recorded, self._user_name = path, query, False, None
        self._query = {k: v[-1] for k, v in parse_qs(query).items()}
        fault = self.hub._take_fault(method, path)
        self._fault_kind = fault.kind if fault else None
        try:
            if fault is not None and fault.kind == "drop":
                # Read part of the upload, then cut the connection: the client sees a dropped connection.
                self._read_body(limit=max(1, int(self.headers.get("Content-Length") or 2) // 2))
                self._record(-1)
                self._drop_connection()
                return
            self._body = self._read_body()
            if fault is not None and fault.kind == "delay":
                time.sleep(fault.seconds)
            self.user = self._authenticate()
            self._user_name = self.user.name if self.user else None
            if fault is not None and fault.kind == "status":
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                raise HubError(fault.status, fault.message, headers=headers)
            self._route(method, path)
        except HubError as err:
            self._send_error(err)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # a bug in the server: answer 500 so the test sees it, and keep the log
            self.hub.errors.append(f"{method} {path}: {type(exc).__name__}: {exc}")
            self._send(500, {"error": f"test server bug: {type(exc).__name__}: {exc}"})
        finally:
            self._record(0)  # no answer was sent (the client went away)
            if fault is not None:
                fault.finished.set()

    def _authenticate(self) -> Optional[User]:
        header = self.headers.get("Authorization", "")
        if not header:
            return None
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        user = self.hub.users.get(token)
        if user is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        return user

    # routing ------------------------------------------------------------------------------
    def _route(self, method: str, path: str) -> None:
        if path == "/api/whoami-v2" and method == "GET":
            return self._whoami()
        if path == "/api/repos/create" and method == "POST":
            return self._create_repo()
        if path == "/api/repos/delete" and method in ("DELETE", "POST"):
            return self._delete_repo()
        if path == "/api/validate-yaml" and method == "POST":
            return self._validate_yaml()
        if path.startswith("/_test/"):
            return self._control(method, path)
        match = API_REPO.match(path)
        if match:
            repo_type = match.group(1)[:-1]
            repo_id = f"{unquote(match.group(2))}/{unquote(match.group(3))}"
            return self._repo_api(method, repo_type, repo_id, match.group(4) or "")
        match = RESOLVE.match(path)
        if match and method in ("GET", "HEAD"):
            repo_type = {"datasets": "dataset", "spaces": "space"}.get(match.group(1) or "", "model")
            repo_id = f"{unquote(match.group(2))}/{unquote(match.group(3))}"
            filename = "/".join(unquote(p) for p in match.group(5).split("/"))
            return self._resolve(repo_type, repo_id, unquote(match.group(4)), filename)
        raise HubError(404, f"Sorry, we can't find the page you are looking for: {method} {path}")

    def _repo_api(self, method: str, repo_type: str, repo_id: str, rest: str) -> None:
        parts = rest.split("/") if rest else []
        head = parts[0] if parts else ""
        if method == "GET" and not parts:
            return self._repo_info(repo_type, repo_id, DEFAULT_BRANCH)
        if method == "GET" and head == "revision" and len(parts) >= 2:
            return self._repo_info(repo_type, repo_id, unquote("/".join(parts[1:])))
        if method == "GET" and head == "tree" and len(parts) >= 2:
            sub = "/".join(unquote(p) for p in parts[2:])
            return self._tree(repo_type, repo_id, unquote(parts[1]), sub)
        if method == "POST" and head == "paths-info" and len(parts) >= 2:
            return self._paths_info(repo_type, repo_id, unquote("/".join(parts[1:])))
        if method == "GET" and head == "refs":
            return self._refs(repo_type, repo_id)
        if method == "GET" and head == "commits" and len(parts) >= 2:
            return self._commits(repo_type, repo_id, unquote("/".join(parts[1:])))
        if method == "POST" and head == "preupload" and len(parts) >= 2:
            return self._preupload(repo_type, repo_id, unquote("/".join(parts[1:])))
        if method == "POST" and head == "commit" and len(parts) >= 2:
            return self._commit(repo_type, repo_id, unquote("/".join(parts[1:])))
        if head == "branch" and len(parts) >= 2 and method in ("POST", "DELETE"):
            return self._branch(method, repo_type, repo_id, unquote("/".join(parts[1:])))
        if method == "PUT" and head == "settings":
            return self._settings(repo_type, repo_id)
        raise HubError(404, f"Sorry, we can't find the page you are looking for: {method} /api/{repo_type}s/{repo_id}/{rest}")

    # access control -----------------------------------------------------------------------
    def _readable(self, repo_type: str, repo_id: str) -> Dict[str, Any]:
        if not self.hub.store.exists(repo_type, repo_id):
            raise _repo_not_found()
        meta = self.hub.store.meta(repo_type, repo_id)
        if meta["private"]:
            if self.user is None:
                raise HubError(401, "Repository not found", "RepoNotFound")
            if not self.user.can_read(repo_id.split("/")[0]):
                raise _repo_not_found()
        return meta

    def _writable(self, repo_type: str, repo_id: str) -> Dict[str, Any]:
        if self.user is None:
            raise HubError(401, "You must be authenticated to write to this repo (no token given)")
        meta = self._readable(repo_type, repo_id)
        if not self.user.can_write(repo_id.split("/")[0]):
            raise HubError(403, f"You don't have the rights to write to {repo_id} (token role: {self.user.role})")
        return meta

    def _commit_for(self, repo_type: str, repo_id: str, revision: str) -> str:
        sha = self.hub.store.resolve(repo_type, repo_id, revision)
        if sha is None:
            raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return sha

    # endpoints ----------------------------------------------------------------------------
    def _whoami(self) -> None:
        if self.user is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        u = self.user
        self._send(200, {
            "type": "user", "id": hashlib.md5(u.name.encode()).hexdigest()[:24], "name": u.name, "fullname": u.name.title(),
            "email": f"{u.name}@example.invalid", "emailVerified": True, "canPay": False, "isPro": False,
            "orgs": [{"type": "org", "name": o, "fullname": o, "roleInOrg": "write"} for o in u.orgs],
            "auth": {"type": "access_token", "accessToken": {"displayName": "hfsynth-test", "role": u.role, "createdAt": _now()}},
        })

    def _json_body(self) -> Dict[str, Any]:
        try:
            data = json.loads(self._body or b"{}")
        except json.JSONDecodeError:
            raise HubError(400, "Request body is not JSON") from None
        if not isinstance(data, dict):
            raise HubError(400, "Request body must be a JSON object")
        return data

    def _create_repo(self) -> None:
        if self.user is None:
            raise HubError(401, "You must be authenticated to create a repo")
        data = self._json_body()
        repo_type = data.get("type") or "model"
        if repo_type not in REPO_TYPES:
            raise HubError(400, f"Invalid repo type: {repo_type}")
        name, namespace = data.get("name"), data.get("organization") or self.user.name
        if not name or not re.fullmatch(r"[A-Za-z0-9][\w.\-]{0,95}", name):
            raise HubError(400, f"Invalid repo name: {name!r}")
        repo_id = f"{namespace}/{name}"
        url = f"{self.hub.url}/{URL_PREFIX[repo_type]}{repo_id}"
        if not self.user.can_write(namespace):
            raise HubError(403, f'You don\'t have the rights to create a {repo_type} under the namespace "{namespace}"')
        private = data.get("visibility") == "private" or bool(data.get("private"))
        try:
            self.hub.store.create(repo_type, repo_id, private, self.user.name)
        except HubError as err:
            if err.status == 409:  # the Hub names the existing repo's url (create_repo(exist_ok=True) reads it)
                raise HubError(409, err.message, body={"url": url}) from None
            raise
        self._send(200, {"url": url, "name": repo_id, "id": hashlib.md5(repo_id.encode()).hexdigest()[:24]})

    def _delete_repo(self) -> None:
        data = self._json_body()
        repo_type = data.get("type") or "model"
        repo_id = f"{data.get('organization') or (self.user.name if self.user else '')}/{data.get('name')}"
        self._writable(repo_type, repo_id)
        self.hub.store.delete(repo_type, repo_id)
        self._send(200, {})

    def _settings(self, repo_type: str, repo_id: str) -> None:
        self._writable(repo_type, repo_id)
        data = self._json_body()
        if "visibility" in data or "private" in data:
            private = data.get("visibility") == "private" if "visibility" in data else bool(data["private"])
            self.hub.store.set_meta(repo_type, repo_id, private=private)
        self._send(200, {})

    def _validate_yaml(self) -> None:
        data = self._json_body()
        errors = validate_card_metadata(str(data.get("content", "")), data.get("repoType") or "model")
        if errors:
            self._send(400, {"errors": [{"message": e} for e in errors], "warnings": []}, {"X-Error-Message": errors[0]})
        else:
            self._send(200, {"errors": [], "warnings": []})

    def _card_data(self, tree: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        if "README.md" not in tree:
            return None
        try:
            meta = front_matter(self.hub.store.blob(tree["README.md"]["oid"]).decode("utf-8", "replace"))
        except yaml.YAMLError:
            return None
        return meta if isinstance(meta, dict) else None

    def _repo_info(self, repo_type: str, repo_id: str, revision: str) -> None:
        meta = self._readable(repo_type, repo_id)
        sha = self._commit_for(repo_type, repo_id, revision)
        commit = self.hub.store.commit(sha)
        tree = commit["tree"]
        blobs = self._query.get("blobs", "").lower() in ("1", "true")
        siblings = [{"rfilename": p, **({"size": e["size"], "blobId": e["oid"]} if blobs else {})} for p, e in sorted(tree.items())]
        card = self._card_data(tree)
        info: Dict[str, Any] = {
            "_id": hashlib.md5(f"{repo_type}/{repo_id}".encode()).hexdigest()[:24], "id": repo_id,
            "author": repo_id.split("/")[0], "sha": sha, "private": meta["private"], "gated": False, "disabled": False,
            "createdAt": meta["createdAt"], "lastModified": commit["date"], "downloads": 0, "likes": 0,
            "tags": list((card or {}).get("tags") or []), "siblings": siblings,
        }
        if card is not None:
            info["cardData"] = {k: v for k, v in card.items() if k != "model-index"}
            if repo_type == "model":
                info["library_name"] = card.get("library_name")
                info["pipeline_tag"] = card.get("pipeline_tag")
                if card.get("model-index") is not None:
                    info["model-index"] = card["model-index"]
        self._send(200, info)

    def _entries(self, tree: Dict[str, Any], sub: str, recursive: bool) -> List[Dict[str, Any]]:
        prefix = sub.strip("/") + "/" if sub.strip("/") else ""
        files, folders = [], {}
        for path, entry in sorted(tree.items()):
            if not path.startswith(prefix):
                continue
            rest = path[len(prefix):]
            parts = rest.split("/")
            for depth in range(1, len(parts)):
                if depth > 1 and not recursive:
                    break
                folder = prefix + "/".join(parts[:depth])
                folders.setdefault(folder, []).append(entry["oid"])
            if recursive or len(parts) == 1:
                files.append({"type": "file", "oid": entry["oid"], "size": entry["size"], "path": path})
        out = [{"type": "directory", "oid": hashlib.sha1("".join(oids).encode()).hexdigest(), "size": 0, "path": p} for p, oids in folders.items()]
        return sorted(out + files, key=lambda e: e["path"])

    def _with_last_commit(self, entries: List[Dict[str, Any]], sha: str) -> List[Dict[str, Any]]:
        commit = self.hub.store.commit(sha)
        for entry in entries:
            entry["lastCommit"] = {"id": sha, "title": commit["title"], "date": commit["date"]}
        return entries

    def _tree(self, repo_type: str, repo_id: str, revision: str, sub: str) -> None:
        self._readable(repo_type, repo_id)
        sha = self._commit_for(repo_type, repo_id, revision)
        tree = self.hub.store.tree(sha)
        prefix = sub.strip("/")
        if prefix and prefix in tree:
            raise HubError(400, f"{prefix} is a file, not a directory")
        if prefix and not any(p.startswith(prefix + "/") for p in tree):
            raise HubError(404, f"Entry not found: {prefix}", "EntryNotFound", {"X-Repo-Commit": sha})
        entries = self._entries(tree, prefix, self._query.get("recursive", "").lower() in ("1", "true"))
        if self._query.get("expand", "").lower() in ("1", "true"):
            entries = self._with_last_commit(entries, sha)
        start = int(self._query.get("cursor") or 0)
        page = self.hub.tree_page_size
        headers = {"X-Repo-Commit": sha}
        if start + page < len(entries):
            query = dict(self._query, cursor=str(start + page))
            headers["Link"] = f'<{self.hub.url}{urlsplit(self.path).path}?{urlencode(query)}>; rel="next"'
        self._send(200, entries[start:start + page], headers)

    def _paths_info(self, repo_type: str, repo_id: str, revision: str) -> None:
        self._readable(repo_type, repo_id)
        sha = self._commit_for(repo_type, repo_id, revision)
        tree = self.hub.store.tree(sha)
        content_type = self.headers.get("Content-Type", "")
        if "json" in content_type:
            data = self._json_body()
            paths, expand = data.get("paths") or [], bool(data.get("expand"))
        else:
            form = parse_qs(self._body.decode(), keep_blank_values=True)
            paths, expand = form.get("paths", []), (form.get("expand", ["false"])[-1].lower() in ("1", "true"))
        everything = self._entries(tree, "", recursive=True)
        by_path = {e["path"]: e for e in everything}
        found = [by_path[p.strip("/")] for p in paths if p.strip("/") in by_path]
        if expand:
            found = self._with_last_commit(found, sha)
        self._send(200, found, {"X-Repo-Commit": sha})

    def _refs(self, repo_type: str, repo_id: str) -> None:
        self._readable(repo_type, repo_id)
        branches = [{"name": n, "ref": f"refs/heads/{n}", "targetCommit": s} for n, s in self.hub.store.branches(repo_type, repo_id).items()]
        self._send(200, {"branches": branches, "converts": [], "tags": [], "pullRequests": []})

    def _commits(self, repo_type: str, repo_id: str, revision: str) -> None:
        self._readable(repo_type, repo_id)
        sha = self._commit_for(repo_type, repo_id, revision)
        out = [{"id": c["id"], "title": c["title"], "message": c["message"], "authors": [{"user": c["author"]}], "date": c["date"]} for c in self.hub.store.history(sha)]
        self._send(200, out)

    def _branch(self, method: str, repo_type: str, repo_id: str, branch: str) -> None:
        self._writable(repo_type, repo_id)
        if method == "DELETE":
            self.hub.store.delete_branch(repo_type, repo_id, branch)
            return self._send(200, {})
        start = self._json_body().get("startingPoint") or DEFAULT_BRANCH
        self.hub.store.create_branch(repo_type, repo_id, branch, self._commit_for(repo_type, repo_id, start))
        self._send(200, {})

    def _preupload(self, repo_type: str, repo_id: str, revision: str) -> None:
        self._writable(repo_type, repo_id)
        sha = self._commit_for(repo_type, repo_id, revision)
        tree = self.hub.store.tree(sha)
        files = self._json_body().get("files") or []
        out = [{"path": f["path"], "uploadMode": "regular", "shouldIgnore": False, "oid": (tree.get(f["path"]) or {}).get("oid")} for f in files]
        self._send(200, {"files": out, "commitOid": sha})

    def _commit(self, repo_type: str, repo_id: str, revision: str) -> None:
        self._writable(repo_type, repo_id)
        header: Dict[str, Any] = {}
        files: Dict[str, bytes] = {}
        deleted: List[str] = []
        deleted_folders: List[str] = []
        for number, line in enumerate(self._body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                key, value = item["key"], item["value"]
            except (json.JSONDecodeError, KeyError, TypeError):
                raise HubError(400, f"Malformed NDJSON commit payload at line {number}") from None
            if key == "header":
                header = value
            elif key == "file":
                content = value.get("content", "")
                files[value["path"]] = base64.b64decode(content) if value.get("encoding") == "base64" else content.encode()
            elif key == "deletedFile":
                deleted.append(value["path"])
            elif key == "deletedFolder":
                deleted_folders.append(value["path"])
            elif key == "lfsFile":
                raise HubError(400, f"LFS object {value.get('oid')} not found: this server only takes regular uploads ({value.get('path')})")
            else:
                raise HubError(400, f"Unknown commit operation '{key}'")
        if not header.get("summary"):
            raise HubError(400, "Commit summary is required")
        if "README.md" in files:
            errors = validate_card_metadata(files["README.md"].decode("utf-8", "replace"), repo_type)
            if errors:
                raise HubError(400, "Invalid metadata in README.md: " + "; ".join(errors))
        sha = self.hub.store.apply_commit(repo_type, repo_id, revision, header.get("parentCommit"), files, deleted, deleted_folders, header["summary"], header.get("description", ""), self.user.name)
        url = f"{self.hub.url}/{URL_PREFIX[repo_type]}{repo_id}/commit/{sha}"
        self._send(200, {"success": True, "commitOid": sha, "commitUrl": url, "hookOutput": "", "pullRequestUrl": None})

    def _resolve(self, repo_type: str, repo_id: str, revision: str, filename: str) -> None:
        self._readable(repo_type, repo_id)
        sha = self._commit_for(repo_type, repo_id, revision)
        entry = self.hub.store.tree(sha).get(filename)
        if entry is None:
            raise HubError(404, "Entry not found", "EntryNotFound", {"X-Repo-Commit": sha})
        data = self.hub.store.blob(entry["oid"])
        headers = {
            "X-Repo-Commit": sha, "ETag": f'"{entry["oid"]}"', "Accept-Ranges": "bytes",
            "Content-Type": mimetypes.guess_type(filename)[0] or "application/octet-stream",
        }
        wanted = self.headers.get("Range")
        if wanted:
            span = self._parse_range(wanted, len(data))
            if span is None:
                return self._send(416, b"", {**headers, "Content-Range": f"bytes */{len(data)}"})
            start, end = span
            headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
            headers["Content-Length"] = str(end - start + 1)
            return self._send(206, data[start:end + 1], headers)
        headers["Content-Length"] = str(len(data))
        self._send(200, data, headers)

    @staticmethod
    def _parse_range(value: str, size: int) -> Optional[Tuple[int, int]]:
        match = re.fullmatch(r"\s*bytes=(\d*)-(\d*)\s*", value)
        if not match or (not match.group(1) and not match.group(2)):
            return None
        if not match.group(1):  # suffix: the last N bytes
            n = int(match.group(2))
            return (max(0, size - n), size - 1) if n > 0 and size > 0 else None
        start = int(match.group(1))
        end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
        return (start, end) if start < size and start <= end else None

    def _control(self, method: str, path: str) -> None:
        """Test controls over HTTP: faults and the request log (for servers in another process)."""
        if path == "/_test/faults" and method == "POST":
            data = self._json_body()
            allowed = {f for f in Fault.__dataclass_fields__ if f != "hits"}
            self.hub.inject(**{k: v for k, v in data.items() if k in allowed})
            return self._send(200, {"faults": len(self.hub.faults)})
        if path == "/_test/faults" and method == "DELETE":
            self.hub.clear_faults()
            return self._send(200, {"faults": 0})
        if path == "/_test/requests" and method == "GET":
            return self._send(200, [r.__dict__ for r in list(self.hub.requests)])
        raise HubError(404, f"unknown test control {method} {path}")


class HubServer:
    """The server plus its state: users, stored repos, injected faults, the request log."""

    class _Server(ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = True
        hub: "HubServer"

    def __init__(self, root: Path, users: Optional[List[User]] = None, host: str = "127.0.0.1", port: int = 0):
        self.store = HubStore(root)
        self.users: Dict[str, User] = {u.token: u for u in (users or [])}
        self.faults: List[Fault] = []
        self.requests: List[RequestRecord] = []
        self.errors: List[str] = []  # server bugs (500s it raised on its own)
        self.tree_page_size = TREE_PAGE_SIZE
        self._fault_lock = threading.Lock()
        self._httpd = self._Server((host, port), HubHandler)
        self._httpd.hub = self
        self.url = f"http://{host}:{self._httpd.server_address[1]}"
        self._thread: Optional[threading.Thread] = None

    # lifecycle
    def start(self) -> "HubServer":
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="hub-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "HubServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # users and faults
    def add_user(self, name: str, token: str, role: str = "write", orgs: Tuple[str, ...] = ()) -> User:
        user = User(name, token, role, tuple(orgs))
        self.users[token] = user
        return user

    def inject(self, path: str, kind: str = "status", **options: Any) -> Fault:
        """Misbehave on matching requests: ``inject(r"/commit/", "drop")``, ``inject(r"/preupload/", status=429, retry_after=1)``.

        ``status``: answer that status (with ``Retry-After`` when given); ``drop``: read half the
        request body and close the connection (nothing is applied); ``lose_response``: apply the
        request, then close without answering; ``delay``: sleep ``seconds``, then answer normally.
        ``times`` matching requests are hit (None = all); ``method`` narrows the match.
        """
        if kind not in ("status", "drop", "lose_response", "delay"):
            raise ValueError(f"unknown fault kind {kind!r}")
        fault = Fault(path=path, kind=kind, **options)
        with self._fault_lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._fault_lock:
            self.faults.clear()

    def _take_fault(self, method: str, path: str) -> Optional[Fault]:
        with self._fault_lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    fault.arrived.set()
                    return fault
        return None

    # inspection helpers for tests
    def commits(self, repo_id: str, repo_type: str = "model", branch: str = DEFAULT_BRANCH) -> List[Dict[str, Any]]:
        """Commit records of a branch, newest first (the initial commit last)."""
        head = self.store.branches(repo_type, repo_id)[branch]
        return self.store.history(head)

    def files(self, repo_id: str, repo_type: str = "model", revision: str = DEFAULT_BRANCH) -> Dict[str, bytes]:
        """Every file of a revision, by path."""
        sha = self.store.resolve(repo_type, repo_id, revision)
        return {p: self.store.blob(e["oid"]) for p, e in self.store.tree(sha).items()}

    def requests_matching(self, method: str, pattern: str) -> List[RequestRecord]:
        return [r for r in self.requests if r.method == method and re.search(pattern, r.path)]


# ----------------------------------------------------------------------------------------------
# pytest fixture and client environment


def client_env(server: HubServer, token: Optional[str] = None, home: Optional[Path] = None, **extra: str) -> Dict[str, str]:
    """Environment for a client subprocess that must talk to ``server`` (and only to it).

    huggingface_hub and datasets read these at import time, which is why the clients run in a
    subprocess started with this environment. ``HF_HUB_OFFLINE`` (set by conftest) is turned off,
    Xet is off (the server only takes regular uploads), caches go under ``home``.
    """
    env = dict(os.environ)
    for key in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        env.pop(key, None)
    env.update(HF_ENDPOINT=server.url, HF_HUB_DISABLE_XET="1", HF_HUB_OFFLINE="0", HF_DATASETS_OFFLINE="0",
               HF_HUB_DISABLE_TELEMETRY="1", HF_HUB_DISABLE_PROGRESS_BARS="1", HF_DATASETS_DISABLE_PROGRESS_BARS="1",
               HF_HUB_ETAG_TIMEOUT="10", HF_HUB_DOWNLOAD_TIMEOUT="20", NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    for key in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(key, None)
    if home is not None:
        env["HF_HOME"] = str(home)
        env.pop("HF_HUB_CACHE", None)
        env.pop("HF_DATASETS_CACHE", None)
        env.pop("HF_TOKEN_PATH", None)
    if token is not None:
        env["HF_TOKEN"] = token
    env.update(extra)
    return env


def make_test_hub(root: Path) -> HubServer:
    """A server (not started) with users alice (write; member of hfsynth-org), reader (read-only
    token, member of alice's namespace) and bob (write, his own namespace only)."""
    server = HubServer(root)
    server.add_user("alice", "hf_alice_" + os.urandom(12).hex(), orgs=("hfsynth-org",))
    server.add_user("reader", "hf_reader_" + os.urandom(12).hex(), role="read", orgs=("alice",))
    server.add_user("bob", "hf_bob_" + os.urandom(12).hex())
    return server



try:
    import pytest

    @pytest.fixture
    def hub_server(tmp_path_factory):
        """A fresh started server for one test (see :func:`make_test_hub` for its users)."""
        with make_test_hub(tmp_path_factory.mktemp("hub")) as server:
            yield server
        assert not server.errors, f"the test Hub server hit its own bugs: {server.errors}"

    @pytest.fixture(scope="module")
    def module_hub_server(tmp_path_factory):
        """One started server shared by a test module."""
        with make_test_hub(tmp_path_factory.mktemp("hub")) as server:
            yield server
        assert not server.errors, f"the test Hub server hit its own bugs: {server.errors}"
except ImportError:  # pragma: no cover - the server also runs without pytest
    pass


def token_of(server: HubServer, name: str) -> str:
    return next(token for token, user in server.users.items() if user.name == name)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Run the Hub-compatible test server.")
    parser.add_argument("--root", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--user", action="append", default=[], help="name:token[:read]")
    args = parser.parse_args()
    srv = HubServer(Path(args.root), port=args.port)
    for spec in args.user:
        name, token, *role = spec.split(":")
        srv.add_user(name, token, role[0] if role else "write")
    print(srv.url, flush=True)
    srv._httpd.serve_forever()
