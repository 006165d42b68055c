"""The benchmark's floor view exists only for `make bench` (BENCH_FLOOR=1)."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from bench import floor as bench_floor


@pytest.mark.django_db
def test_the_floor_is_not_routed_without_bench_floor(client):
    assert client.get("/do-tai/san/").status_code == 404


def test_the_floor_module_routes_its_view_only_when_asked():
    try:
        with override_settings(BENCH_FLOOR=True):
            assert [p.name for p in importlib.reload(bench_floor).urlpatterns] == ["bench-floor"]
        assert importlib.reload(bench_floor).urlpatterns == []
    finally:
        importlib.reload(bench_floor)
        clear_url_caches()
