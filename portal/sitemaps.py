"""Sitemaps of the portal's own pages: "Giới thiệu" and the residential areas.

Ready for portal/sitemap_index.py to offer as its `SITEMAPS` (the gatherer reads that name
from each app's `sitemaps` module, mattran's included).
"""

from django.contrib.sitemaps import Sitemap

from mattran.models import ResidentialArea
from pages.models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.published().in_menu_order().only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at

    def get_latest_lastmod(self):
        # As the other sections: the index goes without a date rather than reading
        # every page to find one.
        return None


class AreaSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return ResidentialArea.objects.only("slug")


SITEMAPS = {"gioi-thieu": PageSitemap, "khu-dan-cu": AreaSitemap}
