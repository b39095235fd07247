"""Find secrets and personal data in synthetic rows before they can be published.

A tuned model can reproduce keys and addresses it saw in training. Every text column of every row
(prompt messages included) is scanned for API keys and tokens (Hugging Face, AWS, GitHub,
OpenAI-style, Slack, Google), private-key blocks, e-mail addresses and public IP addresses. The
recipe's policy decides: ``redact`` replaces each finding with ``<REDACTED:kind>``, ``drop``
removes the row, ``fail`` stops the run before anything is written.

Reserved example domains (example.com, ...) and non-public IPs (loopback, private, link-local,
documentation ranges) are not personal data and are left alone.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from typing import Any, Dict, Iterable, List, Tuple

from hfsynth.curate import literal_gates

PATTERNS: Dict[str, re.Pattern] = {
    "private_key": literal_gates.compile(
        r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\Z)", re.S
    ),
    "hf_token": literal_gates.compile(r"\bhf_[A-Za-z0-9]{30,}\b"),
    "github_token": literal_gates.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b"),
    "aws_access_key_id": literal_gates.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"),
    "aws_secret_access_key": literal_gates.compile(r"(?i)aws_?secret_?access_?key\s*[=:]\s*['\"]?([A-Za-z0-9/+=]{40})"),
    "openai_key": literal_gates.compile(r"\bsk-(?:proj-|ant-|live-)?[A-Za-z0-9_\-]{20,}\b"),
    "slack_token": literal_gates.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    "google_api_key": literal_gates.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "email": literal_gates.compile(r"\b[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}\b"),
    # IPv4 dotted quads and IPv6 candidates (any hex/colon run with 2+ colons); ipaddress validates them
    "ip_address": literal_gates.compile(r"(?<![\w.:])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|(?<![\w:])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}(?![\w:])"),
}
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net", "example.edu", "localhost", "test", "invalid", "example")


def _is_public_ip(text: str) -> bool:
    if ":" in text and sum(1 for group in text.split(":") if group) < 3:
        return False  # slices like a[::2] parse as IPv6; real addresses in text have 3+ groups
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return False
    return ip.is_global and not ip.is_multicast


def _email_is_personal(text: str, allowed_domains: Iterable[str]) -> bool:
    domain = text.rsplit("@", 1)[1].lower()
    return not any(domain == d or domain.endswith("." + d) for d in allowed_domains)


def find_secrets(text: str, allowed_domains: Iterable[str] = EXAMPLE_DOMAINS) -> List[Tuple[str, int, int]]:
    """(kind, start, end) of every finding, without overlaps (earlier pattern wins)."""
    found: List[Tuple[str, int, int]] = []
    taken: List[Tuple[int, int]] = []
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            start, end = match.span(1) if match.re.groups else match.span()
            value = text[start:end]
            if kind == "ip_address" and not _is_public_ip(value):
                continue
            if kind == "email" and not _email_is_personal(value, allowed_domains):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append((kind, start, end))
    return sorted(found, key=lambda f: f[1])


def redact(text: str, findings: List[Tuple[str, int, int]]) -> str:
    for kind, start, end in sorted(findings, key=lambda f: f[1], reverse=True):
        text = text[:start] + f"<REDACTED:{kind}>" + text[end:]
    return text


def _scan_value(value: Any, policy: str, allowed: Iterable[str], kinds: Counter) -> Tuple[Any, bool]:
    """(value with findings redacted when policy is redact, whether anything was found)."""
    if isinstance(value, str):
        findings = find_secrets(value, allowed)
        kinds.update(kind for kind, _, _ in findings)
        return (redact(value, findings) if findings and policy == "redact" else value), bool(findings)
    if isinstance(value, list):
        out, hit = [], False
        for item in value:
            new, h = _scan_value(item, policy, allowed, kinds)
            out.append(new)
            hit = hit or h
        return out, hit
    if isinstance(value, dict):
        out, hit = {}, False
        for key, item in value.items():
            new, h = _scan_value(item, policy, allowed, kinds)
            out[key] = new
            hit = hit or h
        return out, hit
    return value, False


def scan_rows(rows: List[Dict], policy: str, allowed_domains: Iterable[str] = EXAMPLE_DOMAINS) -> Tuple[List[Dict], Dict[str, Any]]:
    """Apply ``policy`` to every row: (rows kept, report {rows_with_findings, findings: {kind: n}, first_ids})."""
    kinds: Counter = Counter()
    kept: List[Dict] = []
    flagged: List[str] = []
    allowed = tuple(allowed_domains)
    for row in rows:
        new_row, hit = {}, False
        for key, value in row.items():
            new_value, h = _scan_value(value, policy, allowed, kinds)
            new_row[key] = new_value
            hit = hit or h
        if hit:
            flagged.append(str(row.get("id")))
            if policy == "drop":
                continue
        kept.append(new_row if policy == "redact" else row)
    report = {"policy": policy, "rows_with_findings": len(flagged), "findings": dict(sorted(kinds.items())), "first_ids": flagged[:5]}
    return kept, report
