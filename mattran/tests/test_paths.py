"""slug_url() gives what reverse() gives, for every slug URL the cards ask for."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from mattran.lib.paths import slug_url

NAMES = ["news:slug", "meetings:detail", "campaigns:detail", "documents:detail"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("slug", ["ngay-hoi-dai-doan-ket", "a", "tin_2024-05-17", "X9"])
def test_slug_url_is_reverse(name, slug):
    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


def test_slug_url_follows_the_script_prefix():
    try:
        set_script_prefix("/mattran/")
        assert slug_url("news:slug", "tin-moi") == "/mattran/tin-tuc/tin-moi/"
    finally:
        set_script_prefix("/")
    assert slug_url("news:slug", "tin-moi") == "/tin-tuc/tin-moi/"


@pytest.mark.parametrize("slug", ["", "có dấu", "a/b", "slug-placeholder-0/x"])
def test_a_slug_the_url_cannot_take_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        slug_url("news:slug", slug)
