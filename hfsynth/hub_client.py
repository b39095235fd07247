"""The Hub client: the token, one-commit pushes with retries, and pinning a revision.

Used by :mod:`hfsynth.publish` (push) and the ``pull`` / ``reproduce`` commands (read). Every call
goes through huggingface_hub; this module adds what it lacks:

- Push = ``create_repo(exist_ok=True)`` then one ``create_commit`` holding every file of the folder
  (README.md included: the cards' ``push_to_hub`` helpers validate against a hard-coded
  huggingface.co URL) with ``parent_commit`` set to the head we read, so a concurrent writer makes
  our commit fail instead of silently interleaving. huggingface_hub drops files whose remote oid
  equals the local one, so an unchanged export makes no commit at all. Not ``upload_folder``:
  with hf_xet installed (a default dependency) it streams a folder as several commits and only the
  first carries ``parent_commit``, which would break "one commit, README.md inside it".
- Faults: huggingface_hub retries its own preupload and LFS/Xet transfers, but not the commit
  itself. Here 429/5xx/408, a 412 (the head moved, e.g. our own commit landed but its answer was
  lost) and dropped connections are retried with exponential backoff (``Retry-After`` honoured),
  each attempt re-reading the head. 401/403/404 are not retried: they become one line naming the
  repo and where the token came from. The token itself never appears in a message or a file.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from hfsynth.errors import HfsynthError

KEEP_REMOTE = {".gitattributes"}  # created by the Hub with the repo; never deleted by a push


# ----------------------------------------------------------------------------------------------
# token, endpoint, offline


@dataclass(frozen=True)
class HubToken:
    value: Optional[str]
    source: str  # where it came from, for error messages (never the value)

    def __repr__(self) -> str:  # keep the value out of tracebacks and logs
        return f"HubToken(source={self.source!r}, value={'<set>' if self.value else None})"


def find_token() -> HubToken:
    """The token huggingface_hub would use: ``HF_TOKEN``, else the one ``hf auth login`` saved."""
    from huggingface_hub import constants, get_token

    value = get_token()
    if not value:
        return HubToken(None, "nowhere (no HF_TOKEN, no `hf auth login`)")
    if os.environ.get("HF_TOKEN", "").strip() == value:
        return HubToken(value, "the HF_TOKEN environment variable")
    return HubToken(value, f"the token saved by `hf auth login` ({constants.HF_TOKEN_PATH})")


def hub_endpoint() -> str:
    from huggingface_hub import constants

    return constants.ENDPOINT


def check_endpoint() -> None:
    """``HF_ENDPOINT``, when set, must be an http(s) URL: huggingface_hub takes any string and fails on
    its first request, after the stages before it have run."""
    from urllib.parse import urlparse

    value = os.environ.get("HF_ENDPOINT")
    if value is None:
        return
    parsed = urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query or parsed.fragment:
        raise HfsynthError(f"HF_ENDPOINT: '{value}' is not an http(s) URL (expected e.g. https://huggingface.co); fix or unset it")


def offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def redact(text: str, token: Optional[str]) -> str:
    """A message safe to print: the token (if any slipped into a server message) masked."""
    text = " ".join(str(text).split())
    return text.replace(token, "hf_***") if token else text


# ----------------------------------------------------------------------------------------------
# retries


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff: attempt n waits base * 2**(n-1), capped; ``Retry-After`` wins when longer."""

    attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_retry_after: float = 300.0

    @classmethod
    def from_env(cls) -> "RetryPolicy":
        """``HFSYNTH_HUB_RETRIES`` / ``HFSYNTH_HUB_BACKOFF`` tune it (tests use short waits)."""
        try:
            attempts = int(os.environ.get("HFSYNTH_HUB_RETRIES", cls.attempts))
            base = float(os.environ.get("HFSYNTH_HUB_BACKOFF", cls.base_delay))
        except ValueError:
            raise HfsynthError("HFSYNTH_HUB_RETRIES / HFSYNTH_HUB_BACKOFF: expected a whole number / a number of seconds") from None
        return cls(attempts=max(1, attempts), base_delay=max(0.0, base))

    def delay(self, attempt: int, retry_after: Optional[float]) -> float:
        wait = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_retry_after))
        return wait


def transport_errors() -> Tuple[type, ...]:
    """Dropped connections and timeouts, whichever HTTP library huggingface_hub uses."""
    found: List[type] = [ConnectionError, TimeoutError]
    for module in ("httpx2", "httpx"):
        try:
            found.append(importlib.import_module(module).TransportError)
        except (ImportError, AttributeError):
            continue
    return tuple(found)


class _Retry(Exception):
    def __init__(self, reason: str, retry_after: Optional[float] = None):
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


def _status(exc: BaseException) -> Optional[int]:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def _server_message(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or {}
    message = headers.get("X-Error-Message") if hasattr(headers, "get") else None
    if not message:
        try:
            message = response.json().get("error")
        except Exception:
            message = None
    return message or str(exc).split("\n")[0]


def _retry_after(exc: BaseException) -> Optional[float]:
    response = getattr(exc, "response", None)
    value = (getattr(response, "headers", None) or {}).get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def classify(exc: BaseException, repo_id: str, repo_type: str, token: HubToken) -> Exception:
    """A failed Hub call -> ``_Retry`` (try again) or ``HfsynthError`` (one clear line)."""
    from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

    what = f"{repo_type} repo '{repo_id}'"
    if isinstance(exc, transport_errors()):
        return _Retry(f"connection problem ({type(exc).__name__})")
    if isinstance(exc, ValueError) and "README.md" in str(exc):
        return HfsynthError(f"{what}: the Hub refused the card metadata ({redact(exc, token.value)})")
    if not isinstance(exc, HfHubHTTPError):
        raise exc
    status = _status(exc)
    message = redact(_server_message(exc), token.value)
    if status in (408, 429) or (status is not None and status >= 500):
        return _Retry(f"HTTP {status} ({message})", _retry_after(exc))
    if status == 412:
        return _Retry("the branch moved while pushing (HTTP 412); re-reading its head")
    if isinstance(exc, RevisionNotFoundError):
        return HfsynthError(f"{what}: revision not found ({message}); check hub.revision")
    if status == 401 and "credentials" in message.lower():
        return HfsynthError(f"{what}: the Hub rejected the token from {token.source} (HTTP 401: invalid or expired); create a new token with write access and log in again")
    if status == 401:
        return HfsynthError(f"{what}: not authorized (HTTP 401: {message}); the token from {token.source} cannot write there")
    if status == 403:
        return HfsynthError(f"{what}: forbidden (HTTP 403: {message}); the token from {token.source} has no write access to '{repo_id.split('/')[0]}' (needs a write token for that user or organization)")
    if isinstance(exc, RepositoryNotFoundError) or status == 404:
        return HfsynthError(f"{what}: not found, or not visible to the token from {token.source} (HTTP {status})")
    return HfsynthError(f"{what}: the Hub refused the push (HTTP {status}: {message})")


# ----------------------------------------------------------------------------------------------
# push


@dataclass(frozen=True)
class PushResult:
    repo_id: str
    repo_type: str
    url: str
    commit: str
    new_commit: bool
    attempts: int


def local_files(folder: Path) -> List[str]:
    """Every file under ``folder`` as a repo path (posix), sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file())


def _push_once(api, folder: Path, repo_id: str, repo_type: str, private: bool, revision: Optional[str], commit_message: str,
               commit_description: str, heads_seen: List[str]) -> Tuple[str, str]:
    """One attempt: ensure the repo (and branch), read its head, commit the folder onto it -> (url, head after)."""
    from huggingface_hub import CommitOperationAdd, CommitOperationDelete

    url = api.create_repo(repo_id, repo_type=repo_type, private=private, exist_ok=True)
    if revision and revision != "main":
        api.create_branch(repo_id, repo_type=repo_type, branch=revision, exist_ok=True)
    info = api.repo_info(repo_id, repo_type=repo_type, revision=revision)
    heads_seen.append(info.sha)
    if private and info.private is False:
        # The recipe asks for a private repo: never add its files to a public one.
        api.update_repo_settings(repo_id, repo_type=repo_type, private=True)
    files = local_files(folder)
    remote = {s.rfilename for s in (info.siblings or [])}
    operations = [CommitOperationAdd(path_in_repo=p, path_or_fileobj=str(Path(folder) / p)) for p in files]
    operations += [CommitOperationDelete(path_in_repo=p) for p in sorted(remote - set(files) - KEEP_REMOTE)]
    commit = api.create_commit(
        repo_id, operations, commit_message=commit_message, commit_description=commit_description,
        repo_type=repo_type, revision=revision, parent_commit=info.sha,
    )
    return str(url), commit.oid


def push_folder(folder: Path, repo_id: str, repo_type: str, *, token: HubToken, private: bool = False,
                revision: Optional[str] = None, commit_message: str, commit_description: str = "",
                retry: Optional[RetryPolicy] = None) -> PushResult:
    """Upload every file of ``folder`` to ``repo_id`` as one commit (none when nothing changed)."""
    from huggingface_hub import HfApi

    retry = retry or RetryPolicy.from_env()
    api = HfApi(token=token.value)
    last = ""
    heads_seen: List[str] = []  # the head before our first commit try tells whether we added one
    for attempt in range(1, retry.attempts + 1):
        try:
            url, sha = _push_once(api, Path(folder), repo_id, repo_type, private, revision, commit_message, commit_description, heads_seen)
            return PushResult(repo_id, repo_type, url, sha, sha != heads_seen[0], attempt)
        except Exception as exc:  # noqa: BLE001 - classify() re-raises what it does not know
            verdict = classify(exc, repo_id, repo_type, token)
            if isinstance(verdict, HfsynthError):
                raise verdict from None
            last = verdict.reason
            if attempt == retry.attempts:
                break
            wait = retry.delay(attempt, verdict.retry_after)
            print(f"publish: {repo_type} repo {repo_id}: {last}; retry {attempt}/{retry.attempts - 1} in {wait:.1f} s", file=sys.stderr)
            time.sleep(wait)
    raise HfsynthError(
        f"{repo_type} repo '{repo_id}': push failed after {retry.attempts} attempts ({last}); nothing partial was "
        f"committed and the local export {folder} is intact: run `hfsynth publish` again later"
    )


def check_token_can_push(token: HubToken, repo_ids: Sequence[str]) -> None:
    """Preflight: a token the Hub rejects, a read-only token or a foreign namespace, before any stage runs.

    Only definite answers fail here; an unreachable Hub is left to the push (which retries).
    """
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    repos = ", ".join(repo_ids)
    try:
        me = HfApi().whoami(token=token.value)
    except HfHubHTTPError as exc:
        if _status(exc) == 401:
            raise HfsynthError(f"hub: cannot push {repos}: the Hub rejected the token from {token.source} (HTTP 401: invalid or expired); log in again or use --dry-run") from None
        return
    except Exception:  # noqa: BLE001 - network trouble: the push will retry and report
        return
    role = ((me.get("auth") or {}).get("accessToken") or {}).get("role")
    if role == "read":
        raise HfsynthError(f"hub: cannot push {repos}: the token from {token.source} is read-only; a write token is needed")
    namespaces = {me.get("name")} | {o.get("name") for o in me.get("orgs") or []}
    for repo_id in repo_ids:
        owner = repo_id.split("/")[0]
        if owner not in namespaces:
            raise HfsynthError(
                f"hub: '{repo_id}': the token from {token.source} belongs to '{me.get('name')}', who cannot write to '{owner}' "
                f"(namespaces: {', '.join(sorted(n for n in namespaces if n))})"
            )


# ----------------------------------------------------------------------------------------------
# reading: pin a revision (pull, reproduce)


def check_repo_id(repo_id: str, repo_type: str) -> None:
    """A repo id the Hub could hold (``name`` or ``namespace/name``), else one clear line."""
    from huggingface_hub.errors import HFValidationError
    from huggingface_hub.utils import validate_repo_id

    try:
        validate_repo_id(repo_id)
    except HFValidationError as exc:
        raise HfsynthError(f"{repo_type} repo '{repo_id}': not a valid repo id ({' '.join(str(exc).split())[:200]})") from None


def resolve_revision(repo_id: str, repo_type: str, revision: Optional[str], token: HubToken) -> str:
    """The commit sha a revision points to now (so everything downloaded comes from one commit)."""
    check_repo_id(repo_id, repo_type)
    from huggingface_hub import HfApi
    from huggingface_hub.errors import RepositoryNotFoundError, RevisionNotFoundError

    try:
        return HfApi(token=token.value).repo_info(repo_id, repo_type=repo_type, revision=revision).sha
    except RevisionNotFoundError:
        raise HfsynthError(f"{repo_type} repo '{repo_id}': revision '{revision}' not found") from None
    except RepositoryNotFoundError:
        hint = "" if token.value else " (a private repo needs HF_TOKEN or `hf auth login`)"
        raise HfsynthError(f"{repo_type} repo '{repo_id}': not found on {hub_endpoint()}{hint}") from None
    except transport_errors() as exc:
        raise HfsynthError(f"{repo_type} repo '{repo_id}': cannot reach {hub_endpoint()} ({type(exc).__name__})") from None
