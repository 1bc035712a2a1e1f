"""The study bindings on both engines: one create per file whoever races, each move a compare-and-set."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

# private: the store is tested directly (its public face is client.studies.apply)
from prolific.studies._bindings import BOUND, CREATING, BindingConflict, StudyStore

Location = Callable[[str], str]
KEY = "/lab/wave-1.yaml"


def test_one_run_of_many_begins_the_create_and_each_move_is_a_compare_and_set(state_location: Location) -> None:
    location = state_location("studies.sqlite3")
    stores = [StudyStore(location) for _ in range(8)]
    barrier = threading.Barrier(len(stores))
    began: list[str] = []

    def begin(n: int) -> None:
        barrier.wait()
        try:
            stores[n].begin_create(KEY, f"m{n}")
            began.append(f"m{n}")
        except BindingConflict:
            pass

    threads = [threading.Thread(target=begin, args=(n,)) for n in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert len(began) == 1
    with StudyStore(location) as store:
        binding = store.binding(KEY)
        assert binding is not None and (binding.state, binding.marker) == (CREATING, began[0])
        with pytest.raises(BindingConflict):
            store.finish_create(KEY, "not-the-marker", "6540aa00000000000000beef")
        store.finish_create(KEY, began[0], "6540aa00000000000000beef")
        with pytest.raises(BindingConflict):  # moved already
            store.finish_create(KEY, began[0], "6540aa00000000000000dead")
        bound = store.binding(KEY)
        assert bound is not None and (bound.state, bound.study_id) == (BOUND, "6540aa00000000000000beef")
        store.bind(KEY, "6540aa00000000000000f00d")  # --study: the user's word
        assert store.binding(KEY).study_id == "6540aa00000000000000f00d"  # type: ignore[union-attr]
        store.cache("filters", [{"id": "age"}], fetched_at=1.5)
        store.cache("filters", [{"id": "sex"}], fetched_at=2.5)
        assert store.cached("filters") == (2.5, [{"id": "sex"}])
        assert store.cached("nothing") is None
