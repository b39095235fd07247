"""The quality checks taken row by row (Funnel.apply_in_turn) count and reason as step after step does, and the
collector setting they run under (fewer_collections) is restored, nests, and frees the cycles its block made."""

import gc
import threading
import weakref

import pytest

from hfsynth.curate.funnel import Funnel
from hfsynth.curate.row_checks import fewer_collections, first_rejection


def _checks():
    return [
        ("odd", lambda row: "odd: id" if row["id"] % 2 else None),
        ("three", lambda row: f"three: {row['id']}" if row["id"] % 3 == 0 else None),
        ("never", lambda row: None),
        ("five", lambda row: "five" if row["id"] % 5 == 0 else None),
    ]


def test_rows_in_turn_count_and_reason_as_each_step_over_all_rows(tmp_path):
    rows = [{"id": i, "split": "train"} for i in range(40)]
    by_step, in_turn = Funnel(), Funnel()
    kept_by_step = rows
    for name, check in _checks():
        kept_by_step = by_step.apply(name, kept_by_step, check)
    kept_in_turn = in_turn.apply_in_turn(_checks(), rows)
    assert [row["id"] for row in kept_in_turn] == [row["id"] for row in kept_by_step] == [2, 4, 8, 14, 16, 22, 26, 28, 32, 34, 38]
    assert in_turn.counts == by_step.counts == {"odd": [40, 20], "three": [20, 13], "never": [13, 13], "five": [13, 11]}
    assert in_turn.reasons == by_step.reasons
    by_step.write_rejected(tmp_path / "by_step.jsonl")
    in_turn.write_rejected(tmp_path / "in_turn.jsonl")
    assert (tmp_path / "in_turn.jsonl").read_text() == (tmp_path / "by_step.jsonl").read_text()  # step by step, input order
    assert first_rejection({"id": 6}, _checks()) == ("three", "three: 6") and first_rejection({"id": 2}, _checks()) is None


def test_an_empty_batch_still_lists_every_step():
    funnel = Funnel()
    assert funnel.apply_in_turn(_checks(), []) == []
    assert funnel.counts == {"odd": [0, 0], "three": [0, 0], "never": [0, 0], "five": [0, 0]}


class _Cycle:
    def __init__(self):
        self.me = self


def test_the_collector_setting_is_restored_nests_and_frees_what_its_block_made():
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with fewer_collections((5000, 7, 3)):
        assert gc.get_threshold() == (5000, 7, 3) and gc.get_freeze_count() > 0  # what existed before is not scanned
        with fewer_collections((1, 1, 1)):  # nested: the outer setting holds
            assert gc.get_threshold() == (5000, 7, 3)
        assert gc.get_threshold() == (5000, 7, 3)
        made = weakref.ref(_Cycle())  # garbage only a collection frees
    assert made() is None  # the block's own garbage is collected when it ends
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    with pytest.raises(ZeroDivisionError), fewer_collections():
        1 / 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_threads_share_one_setting_until_the_last_leaves():
    before = gc.get_threshold()
    inside, leave = threading.Barrier(3), threading.Event()

    def work():
        with fewer_collections((4000, 5, 5)):
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    assert gc.get_threshold() == (4000, 5, 5)
    leave.set()
    for thread in threads:
        thread.join()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
