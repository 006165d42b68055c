"""Paginators whose cost does not grow with the archive or the page number.

Django's Paginator counts every row and reads a page with OFFSET: with 100,000
articles, COUNT(*) reads the whole index and page 5,000 makes PostgreSQL fetch and
throw away 60,000 full rows first.

`DeferredJoinPaginator` reads a page in one query whose OFFSET runs over the ids only
(`WHERE id IN (SELECT id … ORDER BY … LIMIT n OFFSET m)`): the inner query is an
index-only scan when an index covers the filter and the order (see the news indexes),
and only the page's own rows are fetched whole.

`CappedPaginator` adds a ceiling: it numbers at most `max_pages` pages, so both its
count (COUNT over a LIMIT) and the deepest OFFSET are bounded whatever the archive's
size. Older items stay reachable by date, tag, search and the sitemap; `truncated`
tells the template to say so.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Newest 12,000 articles at 12 a page; a ward publishing a few a day fills it in years.
MAX_PAGES = 1000


class DeferredJoinPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        rows = list(self.object_list.filter(pk__in=ids)) if bottom else self.object_list[:top]
        return self._get_page(rows, number, self)


class CappedPaginator(DeferredJoinPaginator):
    def __init__(self, object_list, per_page, *args, max_pages=None, **kwargs):
        self.max_pages = max_pages or MAX_PAGES
        super().__init__(object_list, per_page, *args, **kwargs)

    @cached_property
    def _bounded_count(self):
        """Rows up to the ceiling, plus one to know whether there are more."""
        ceiling = self.max_pages * self.per_page
        return self.object_list.order_by()[: ceiling + 1].count()

    @cached_property
    def count(self):
        return min(self._bounded_count, self.max_pages * self.per_page)

    @property
    def truncated(self):
        """More rows exist than the numbered pages show."""
        return self._bounded_count > self.max_pages * self.per_page


# The sitemap protocol's ceiling: a sitemap file lists at most 50,000 URLs.
SITEMAP_MAX_URLS = 50_000


class DeferredJoinSitemap(Sitemap):
    """A sitemap section whose page N costs what page 1 does (see DeferredJoinPaginator).

    `limit` is how many URLs one sitemap file holds; /sitemap.xml lists every page of the
    section (Django's index asks `paginator.num_pages`, one COUNT per section)."""

    limit = SITEMAP_MAX_URLS

    @property
    def paginator(self):
        return DeferredJoinPaginator(self._items(), self.limit)
