"""Sitemaps of the news app; mattran/sitemaps.py gathers `SITEMAPS` from every app."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from news.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").newest_first()

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # Django's default reads every item to find the newest; ask the database once.
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.only("slug")


SITEMAPS = {"news": ArticleSitemap, "news-categories": CategorySitemap}
