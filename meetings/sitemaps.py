"""Sitemap of the public meetings; the portal's /sitemap.xml gathers `SITEMAPS`."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetings.models import Meeting


class MeetingSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        # A sitemap is read by crawlers without a login: the public view only.
        return Meeting.objects.public().only("slug", "updated_at").order_by("-starts_at", "-pk")

    def lastmod(self, meeting):
        return meeting.updated_at

    def get_latest_lastmod(self):
        # Django's default reads every meeting to find the newest change; the index
        # goes without a date, as the news sections' do.
        return None


class MeetingIndexSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["meetings:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"hoi-nghi": MeetingSitemap, "hoi-nghi-danh-sach": MeetingIndexSitemap}
