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

`IdRangePaginator` splits a sitemap section into files by id range instead of by
position (see its docstring).
"""

from math import ceil

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, Min
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


class IdRangePaginator(Paginator):
    """Sitemap files by id range: file N holds the rows whose ids fall in the N-th block
    of `per_page` ids, blocks aligned to multiples of `per_page`.

    A crawler does not care about the order of a sitemap, and numbering by position
    costs twice: file N reads past (N - 1) x per_page index entries, and every new
    article shifts every URL into another file, so every file changes every day. By id
    range each file is one range scan on the primary key, whatever N, and an article
    stays in its file for good. The count is MIN/MAX of the id (two index probes)
    instead of a COUNT over the archive. A block whose rows are all unpublished gives an
    empty file; with drafts scattered among published articles that needs `per_page`
    unpublished ids in a row."""

    @cached_property
    def _ids(self):
        return self.object_list.order_by().aggregate(low=Min("pk"), high=Max("pk"))

    @cached_property
    def _base(self):
        """The last id before the first block: blocks start after multiples of per_page."""
        low = self._ids["low"]
        return 0 if low is None else (low - 1) // self.per_page * self.per_page

    @cached_property
    def num_pages(self):
        high = self._ids["high"]
        if high is None:
            return 1 if self.allow_empty_first_page else 0
        return ceil((high - self._base) / self.per_page)

    @cached_property
    def count(self):
        # Only an upper bound is known without reading the rows; nothing here needs more.
        return self.num_pages * self.per_page

    def page(self, number):
        number = self.validate_number(number)
        first = self._base + (number - 1) * self.per_page
        rows = self.object_list.filter(pk__gt=first, pk__lte=first + self.per_page)
        return self._get_page(list(rows.order_by("pk")), number, self)


class IdRangeSitemap(Sitemap):
    """A sitemap section split into files of `limit` ids (see IdRangePaginator); the
    index (/sitemap.xml) lists every file of the section."""

    limit = SITEMAP_MAX_URLS

    @property
    def paginator(self):
        return IdRangePaginator(self._items(), self.limit)
