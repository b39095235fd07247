"""The report channel: how a trusted harness inside the sandbox tells hfsynth that the tests ran.

The launcher hands every program the write end of a pipe as file descriptor 4 (stdout and stderr
go to a separate capped file). A harness starts with :data:`PRELUDE`, before any untrusted code
runs: it moves that descriptor to a close-on-exec copy (so subprocesses of the program do not
inherit it) and keeps its own references to ``os.write`` and ``os._exit``. Only when the tests
have finished does the harness write its one JSON record there; the runner returns the lines in
:attr:`hfsynth.sandbox.Result.reports`.

So a program cannot earn a pass by *printing* the harness's words, by *exiting early* with status 0
(``sys.exit(0)``, ``os._exit(0)``, an ``atexit`` hook) or by replacing builtins the harness uses
(``exec``, ``compile``, ``open``: the harness took its own references first). Code written to reach
*into* the harness (its globals through ``sys.modules['__main__']``, the descriptor through
``/proc/self/fd``) runs in the same process and can still forge the record: SANDBOX.md says so,
and ``tests/test_curate_execute_harness.py`` measures both what is caught and what is not.
"""

from __future__ import annotations

import json
from typing import Dict, List, Optional

PRELUDE = '''\
import os as _hf_os
_hf_report_fd = _hf_os.dup(4)  # close-on-exec: the program's own subprocesses never hold it
_hf_os.close(4)
_hf_write, _hf_exit, _hf_fsync = _hf_os.write, _hf_os._exit, _hf_os.fsync


def _hf_report(record):
    import json as _json
    _hf_write(_hf_report_fd, (_json.dumps(record) + "\\n").encode())
'''


def records(lines: List[str]) -> List[Dict[str, object]]:
    """The JSON objects among the report lines (anything else is ignored)."""
    found = []
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            found.append(value)
    return found


def single(lines: List[str], key: str) -> Optional[Dict[str, object]]:
    """The one record holding ``key``; None when there is none, or more than one (a program that
    wrote its own record next to the harness's gets no verdict from either)."""
    found = [r for r in records(lines) if key in r]
    return found[0] if len(found) == 1 else None
