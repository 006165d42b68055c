"""Static pages (Giới thiệu) in the site search.

There are a handful of them, so they are matched in Python like campaigns. Their plain
text is cached under a stamp of the published pages (newest change and count: one small
query), so an edit, an unpublished or a deleted page shows at once without a signal.
"""

from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Count, Max

from mattran.lib.html import html_to_text
from mattran.search.text import query_words, text_score
from pages.models import Page

CACHE_SECONDS = 24 * 60 * 60


class PageText(NamedTuple):
    title: str
    url: str
    text: str


def _published_texts():
    stamp = Page.objects.published().aggregate(changed=Max("updated_at"), n=Count("pk"))
    key = f"search:pages:{stamp['n']}:{stamp['changed'] and stamp['changed'].timestamp()}"
    texts = cache.get(key)
    if texts is None:
        texts = [
            PageText(page.title, page.get_absolute_url(), html_to_text(page.body))
            for page in Page.objects.published().in_menu_order().only("title", "slug", "body")
        ]
        cache.set(key, texts, CACHE_SECONDS)
    return texts


def search(query):
    """Published pages holding every word of the query, best first, as `PageText`s."""
    words = query_words(query)
    if not words:
        return []
    scored = []
    for page in _published_texts():
        score = text_score(words, page.title, page.text)
        if score is not None:
            scored.append((score, page))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return [page for _, page in scored]
