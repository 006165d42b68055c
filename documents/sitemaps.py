"""Sitemaps of the public documents; portal/sitemap_index.py offers them as the core's own."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import Document


class DocumentSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5
    limit = 5000

    def items(self):
        # Crawlers come without a login: the public view only.
        return Document.objects.public().only("slug", "updated_at").order_by("-issued_on", "-pk")

    def lastmod(self, document):
        return document.updated_at

    def get_latest_lastmod(self):
        # Django's default reads every document to find the newest change.
        return None


class DocumentIndexSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["documents:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"van-ban": DocumentSitemap, "van-ban-danh-sach": DocumentIndexSitemap}
