"""Sitemaps of the news app; portal/sitemap_index.py gathers `SITEMAPS` from every app."""

from django.contrib.sitemaps import Sitemap

from mattran.lib.paginator import IdRangeSitemap
from mattran.lib.paths import slug_url
from news.models import Article, Category


class ArticleSitemap(IdRangeSitemap):
    """Every public article, in files of `limit` consecutive ids (mattran/lib/paginator.py):
    every file costs what the first does, and an article never moves to another file."""

    changefreq = "weekly"
    priority = 0.7
    # The protocol allows 50,000 URLs a file, but each URL costs a reverse(), a date and a
    # template loop in Python: a 50,000-URL file took seconds to render at 100,000
    # articles, and a 1,000-URL file still 40-60 ms. Small files keep every one of them
    # (and a crawler's timeout) cheap; 100,000 articles make 200 files in the index.
    limit = 500

    def items(self):
        # Plain rows, not model instances: building 500 instances was a third of a file's
        # time, and a URL needs only these two columns.
        return Article.objects.published().values("slug", "updated_at")

    def lastmod(self, article):
        return article["updated_at"]

    def location(self, article):
        # Article.get_absolute_url's path from the plain row.
        return slug_url("news:slug", article["slug"])

    def get_latest_lastmod(self):
        # Django's default reads every article to find the newest change, and a MAX over
        # updated_at has no index to use: the index goes without a date.
        return None


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.only("slug")


SITEMAPS = {"news": ArticleSitemap, "news-categories": CategorySitemap}
