"""Sitemaps of the news app; mattran/sitemaps.py gathers `SITEMAPS` from every app."""

from django.contrib.sitemaps import Sitemap

from news.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7
    # Small pages: each URL costs a reverse() and a date in Python.
    limit = 1000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").newest_first()

    def lastmod(self, article):
        return article.updated_at

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
