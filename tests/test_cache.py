"""The render cache: bounded in bytes, least recently used out, one render for many waiters."""

import threading

from campaign.cache import RenderCache


def test_the_cache_keeps_under_its_byte_limit_dropping_the_least_recently_used():
    cache = RenderCache(max_bytes=100)
    cache.put(("a",), "x" * 40)
    cache.put(("b",), "y" * 40)
    assert cache.get(("a",)) == "x" * 40  # now the most recently used
    cache.put(("c",), "z" * 40)
    assert cache.get(("b",)) is None and cache.get(("a",)) and cache.get(("c",))
    assert cache.bytes == 80
    cache.put(("huge",), "h" * 101)  # larger than the whole cache: not kept
    assert cache.get(("huge",)) is None and cache.bytes == 80


def test_concurrent_requests_for_one_missing_entry_wait_for_one_render():
    cache = RenderCache(max_bytes=10_000)
    started, release = threading.Event(), threading.Event()
    renders = []

    def make():
        renders.append(1)
        started.set()
        release.wait(10)
        return "page"

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get_or_make(("page",), make)))
        for _ in range(8)
    ]
    threads[0].start()
    started.wait(10)
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(10)
    assert results == ["page"] * 8 and len(renders) == 1
